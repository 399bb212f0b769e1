/* worklist.c - the worklists of a body (worklist.h). */
#include "worklist.h"

#include <string.h>

#include "../model/lifecycle.h"
#include "../model/record.h"

const char *const rr_worklist_keys[] = {"decisions", "late", "due", "incomplete",
	"unpublished", NULL};

const char *rr_worklist_title(const char *key)
{
	static const char *const t[][2] = {
		{"decisions", "Aanvragen die wachten op een besluit van het college"},
		{"late", "Verslagen die te laat zijn"},
		{"due", "Verslagen die binnen 14 dagen moeten worden ingediend"},
		{"incomplete", "Aanvragen die niet volledig zijn"},
		{"unpublished", "Ingediende verslagen die nog niet openbaar zijn"}};
	for (size_t i = 0; key && i < sizeof t / sizeof t[0]; i++)
		if (!strcmp(t[i][0], key))
			return t[i][1];
	return key ? key : "";
}

static bool is(const char *st, const char *a, const char *b, const char *c)
{
	return st && ((a && !strcmp(st, a)) || (b && !strcmp(st, b)) || (c && !strcmp(st, c)));
}

static json_t *item(const json_t *t, const char *date, long days)
{
	json_t *it = json_pack("{s:s, s:s}", "id", rr_rec_str(t, "id") ? rr_rec_str(t, "id") : "",
			       "title", rr_rec_str(t, "title") ? rr_rec_str(t, "title") : "");
	if (it && date)
		json_object_set_new(it, "date", json_string(date));
	if (it)
		json_object_set_new(it, "days", json_integer(days));
	return it;
}

json_t *rr_worklist(const json_t *trips, int period, const rr_date *today, int horizon)
{
	json_t *out = json_pack("{s:[], s:[], s:[], s:[], s:[]}", "decisions", "due", "late",
				"incomplete", "unpublished");
	const json_t *t;
	size_t i;

	if (!out)
		return NULL;
	json_array_foreach(trips, i, t) {
		const char *st = rr_rec_str(t, "status"), *dir = rr_rec_str(t, "direction");
		const json_t *rep = json_object_get(t, "report");
		bool out_trip = !dir || !strcmp(dir, "out");
		rr_date due = rr_trip_report_due(t, period);
		char iso[RR_DATE_ISO_MAX];
		long late = rr_trip_days_overdue(t, period, today);

		if (!st)
			st = "draft";
		if (out_trip && is(st, "requested", "coordinated", NULL))
			json_array_append_new(json_object_get(out, "decisions"),
					      item(t, rr_rec_str(t, "start"), 0));
		if (late > 0) {
			rr_date_iso(&due, iso);
			json_array_append_new(json_object_get(out, "late"), item(t, iso, late));
		} else if (out_trip && due.prec && is(st, "completed", "approved", NULL) &&
			   !(rep && json_object_get(rep, "submitted"))) {
			long left = rr_date_first(&due) - rr_date_first(today);
			if (left >= 0 && left <= horizon) {
				rr_date_iso(&due, iso);
				json_array_append_new(json_object_get(out, "due"), item(t, iso, left));
			}
		}
		if (is(st, "draft", "requested", "coordinated")) {
			json_t *probs = rr_trip_completeness(t, period, today), *lines = json_array();
			const json_t *p;
			size_t j;
			json_array_foreach(probs, j, p)
				if (rr_rec_str(p, "message"))
					json_array_append_new(lines, json_string(rr_rec_str(p, "message")));
			if (json_array_size(lines)) {
				json_t *it = item(t, rr_rec_str(t, "start"), 0);
				json_object_set_new(it, "missing", lines);
				json_array_append_new(json_object_get(out, "incomplete"), it);
			} else {
				json_decref(lines);
			}
			json_decref(probs);
		}
		if (!strcmp(st, "reported") && !rr_rec_bool(t, "public"))
			json_array_append_new(json_object_get(out, "unpublished"),
					      item(t, rep ? rr_rec_str(rep, "submitted") : NULL, 0));
	}
	return out;
}

rr_err rr_worklist_of(rr_store *s, const char *org, int period, const rr_date *today,
		      json_t **out)
{
	rr_trip_query q = {.organisation = org};
	json_t *trips = NULL;
	rr_err e;

	*out = NULL;
	if ((e = rr_store_trips(s, &q, &rr_viewer_system, &trips, NULL)))
		return e;
	*out = rr_worklist(trips, period, today, RR_WORKLIST_HORIZON);
	json_decref(trips);
	return *out ? RR_OK : RR_ENOMEM;
}

size_t rr_worklist_count(const json_t *wl)
{
	size_t n = 0;
	for (size_t i = 0; rr_worklist_keys[i]; i++)
		n += json_array_size(json_object_get(wl, rr_worklist_keys[i]));
	return n;
}
