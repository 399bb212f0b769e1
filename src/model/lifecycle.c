#include "lifecycle.h"

#include <string.h>
#include <time.h>

#include "record.h"
#include "../nl/nlfmt.h"

rr_date rr_today(void)
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	return rr_date_day(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static const char *status_of(const json_t *trip)
{
	const char *s = rr_rec_str(trip, "status");
	return s ? s : "draft";
}

/* Moves trip to status to, or explains why not. */
static rr_err move(json_t *trip, const char *to, rr_diag *d)
{
	const char *from = status_of(trip);
	if (!rr_status_transition_ok(from, to)) {
		rr_diag_add_at(d, "status", "De reis is %s en kan niet naar %s (cannot go from %s "
			       "to %s).", rr_enum_label(rr_trip_status_values, from) ?
			       rr_enum_label(rr_trip_status_values, from) : from,
			       rr_enum_label(rr_trip_status_values, to) ?
			       rr_enum_label(rr_trip_status_values, to) : to, from, to);
		return RR_ECONFLICT;
	}
	json_object_set_new(trip, "status", json_string(to));
	return RR_OK;
}

static json_t *iso(const rr_date *dt)
{
	char s[RR_DATE_ISO_MAX];
	rr_date_iso(dt, s);
	return json_string(s);
}

static int need_date(const rr_date *dt, const char *field, const json_t *trip, rr_diag *d)
{
	(void)trip;
	if (dt && dt->prec == RR_PREC_DAY)
		return 1;
	rr_diag_add_at(d, field, "Vul een datum in met dag, maand en jaar.");
	return 0;
}

rr_err rr_trip_request(json_t *trip, const rr_date *date, rr_diag *d)
{
	rr_err e = move(trip, "requested", d);
	if (!e && date && date->prec)
		json_object_set_new(trip, "requested", iso(date));
	return e;
}

/* "19 mei 2023" */
static void nl_date(char *out, size_t n, const rr_date *dt)
{
	if (rr_nlfmt_range_s(out, n, dt, NULL))
		rr_date_iso(dt, out);
}

rr_err rr_trip_check_times(const json_t *trip, const rr_date *today, rr_diag *d)
{
	static const rr_date none = {0, 0, 0, RR_PREC_NONE};
	const char *st = status_of(trip);
	const json_t *dec = json_object_get(trip, "decision"), *rep = json_object_get(trip, "report");
	rr_date end = rr_rec_date(trip, "end"), req = rr_rec_date(trip, "requested");
	rr_date dd = dec ? rr_rec_date(dec, "date") : none;
	rr_date sub = rep ? rr_rec_date(rep, "submitted") : none;
	long now = rr_date_first(today);
	char a[64], b[64];
	int bad = 0;

	nl_date(b, sizeof b, today);
	if (!end.prec)
		end = rr_rec_date(trip, "start");
	if ((!strcmp(st, "completed") || !strcmp(st, "reported")) && end.prec &&
	    rr_date_first(&end) > now) {
		nl_date(a, sizeof a, &end);
		rr_diag_add_at(d, "end", "De reis duurt tot %s: u kunt haar pas als uitgevoerd "
			       "vastleggen als ze voorbij is (vandaag is het %s).", a, b);
		bad = 1;
	}
	if (sub.prec && rr_date_first(&sub) > now) {
		nl_date(a, sizeof a, &sub);
		rr_diag_add_at(d, "report.submitted", "De datum van indienen (%s) ligt in de "
			       "toekomst; vandaag is het %s.", a, b);
		bad = 1;
	}
	if (req.prec && rr_date_first(&req) > now) {
		nl_date(a, sizeof a, &req);
		rr_diag_add_at(d, "requested", "De datum van de aanvraag (%s) ligt in de "
			       "toekomst; vandaag is het %s.", a, b);
		bad = 1;
	}
	if (dd.prec && rr_date_first(&dd) > now) {
		nl_date(a, sizeof a, &dd);
		rr_diag_add_at(d, "decision.date", "De datum van het besluit (%s) ligt in de "
			       "toekomst; vandaag is het %s.", a, b);
		bad = 1;
	} else if (dd.prec && req.prec && rr_date_last(&dd) < rr_date_first(&req)) {
		nl_date(a, sizeof a, &dd);
		nl_date(b, sizeof b, &req);
		rr_diag_add_at(d, "decision.date", "Het besluit (%s) kan niet v\xc3\xb3\xc3\xb3r de "
			       "aanvraag (%s) liggen.", a, b);
		bad = 1;
	}
	return bad ? RR_EINVAL : RR_OK;
}

rr_err rr_trip_coordinate(json_t *trip, const char *with, const rr_date *date, rr_diag *d)
{
	json_t *steps;
	rr_err e;
	if (!with || !*with) {
		rr_diag_add_at(d, "coordination.with", "Kies met wie de aanvraag is afgestemd.");
		return RR_EINVAL;
	}
	if (!need_date(date, "coordination.date", trip, d))
		return RR_EINVAL;
	if (strcmp(status_of(trip), "coordinated") && (e = move(trip, "coordinated", d)))
		return e;
	steps = json_object_get(trip, "coordination");
	if (!steps) {
		steps = json_array();
		json_object_set_new(trip, "coordination", steps);
	}
	json_array_append_new(steps, json_pack("{s:s, s:o}", "with", with, "date", iso(date)));
	return RR_OK;
}

int rr_outcome_goes_ahead(const char *outcome)
{
	return outcome && (!strcmp(outcome, "approved") ||
			   !strcmp(outcome, "approved_with_conditions"));
}

rr_err rr_trip_decide(json_t *trip, const char *outcome, const rr_date *date, rr_diag *d)
{
	rr_err e;
	if (!outcome || !rr_enum_has(rr_outcome_values, outcome)) {
		rr_diag_add_at(d, "decision.outcome", "Kies het besluit: conform, onder voorwaarden, "
			       "afgewezen of aangehouden.");
		return RR_EINVAL;
	}
	if (!need_date(date, "decision.date", trip, d))
		return RR_EINVAL;
	if (!strcmp(outcome, "deferred")) {
		/* the request waits for a next meeting: the status stays */
		const char *st = status_of(trip);
		if (strcmp(st, "requested") && strcmp(st, "coordinated")) {
			rr_diag_add_at(d, "decision.outcome", "Alleen een aanvraag die nog op een "
				       "besluit wacht kan worden aangehouden.");
			return RR_ECONFLICT;
		}
	} else if ((e = move(trip, rr_outcome_goes_ahead(outcome) ? "approved" : "rejected", d))) {
		return e;
	}
	json_object_set_new(trip, "decision", json_pack("{s:s, s:o}", "outcome", outcome, "date",
							 iso(date)));
	return RR_OK;
}

rr_err rr_trip_complete(json_t *trip, const rr_date *start, const rr_date *end, rr_diag *d)
{
	rr_date s = start && start->prec ? *start : rr_rec_date(trip, "start");
	rr_date e2 = end && end->prec ? *end : rr_rec_date(trip, "end");
	rr_err e;
	if (!s.prec) {
		rr_diag_add_at(d, "start", "Vul de datum van vertrek in.");
		return RR_EINVAL;
	}
	if (e2.prec && rr_date_last(&e2) < rr_date_first(&s)) {
		char sd[64];
		rr_nlfmt_range_s(sd, sizeof sd, &s, NULL);
		rr_diag_add_at(d, "end", "De datum van terugkomst ligt v\xc3\xb3\xc3\xb3r de "
			       "vertrekdatum (%s).", sd);
		return RR_EINVAL;
	}
	if ((e = move(trip, "completed", d)))
		return e;
	json_object_set_new(trip, "start", iso(&s));
	if (e2.prec)
		json_object_set_new(trip, "end", iso(&e2));
	return RR_OK;
}

rr_err rr_trip_cancel(json_t *trip, const char *reason, const rr_date *date, rr_diag *d)
{
	json_t *c;
	rr_err e;
	if (!reason || !*reason) {
		rr_diag_add_at(d, "cancellation.reason", "Vul de reden van het afgelasten in.");
		return RR_EINVAL;
	}
	if ((e = move(trip, "cancelled", d)))
		return e;
	c = json_pack("{s:s}", "reason", reason);
	if (date && date->prec)
		json_object_set_new(c, "date", iso(date));
	json_object_set_new(trip, "cancellation", c);
	return RR_OK;
}

rr_err rr_trip_file_report(json_t *trip, const char *text, const rr_date *date, rr_diag *d)
{
	json_t *rep;
	rr_date start = rr_rec_date(trip, "start");
	rr_err e;
	if (!text || !*text) {
		rr_diag_add_at(d, "report.text", "Vul de tekst van het verslag in.");
		return RR_EINVAL;
	}
	if (!need_date(date, "report.submitted", trip, d))
		return RR_EINVAL;
	if (start.prec && rr_date_last(date) < rr_date_first(&start)) {
		char sd[64];
		rr_nlfmt_range_s(sd, sizeof sd, &start, NULL);
		rr_diag_add_at(d, "report.submitted", "Het verslag kan niet zijn ingediend v\xc3\xb3\xc3\xb3r "
			       "het vertrek (%s).", sd);
		return RR_EINVAL;
	}
	if ((e = move(trip, "reported", d)))
		return e;
	rep = json_object_get(trip, "report");
	if (!rep) {
		rep = json_object();
		json_object_set_new(trip, "report", rep);
	}
	json_object_set_new(rep, "text", json_string(text));
	json_object_set_new(rep, "submitted", iso(date));
	return RR_OK;
}

void rr_trip_publish(json_t *trip, int public_)
{
	json_object_set_new(trip, "public", json_boolean(public_));
}

rr_date rr_trip_report_due(const json_t *trip, int period_days)
{
	json_t *rep = json_object_get(trip, "report");
	rr_date due = rep ? rr_rec_date(rep, "due") : (rr_date){0, 0, 0, RR_PREC_NONE};
	rr_date back = rr_rec_date(trip, "end");
	const char *dir = rr_rec_str(trip, "direction");

	if (due.prec)
		return due;
	if (dir && strcmp(dir, "out"))
		return due;
	if (!back.prec)
		back = rr_rec_date(trip, "start");
	if (!back.prec)
		return due;
	/* a month or a year counts from its last day: never earlier than due */
	back = rr_date_from_days(rr_date_last(&back));
	return rr_date_add_days(&back, period_days > 0 ? period_days : RR_REPORT_PERIOD_DAYS);
}

int rr_trip_took_place(const json_t *trip)
{
	const char *st = status_of(trip);
	return !strcmp(st, "completed") || !strcmp(st, "reported");
}

/* Is there a report: filed, written, or a later document reporting on it? */
static int has_report(const json_t *trip, const json_t *rep)
{
	return !strcmp(status_of(trip), "reported") ||
	       (rep && (json_object_get(rep, "submitted") || json_object_get(rep, "text") ||
			json_object_get(rep, "document")));
}

rr_report_status rr_trip_report_status(const json_t *trip, int period_days,
				       const rr_date *today)
{
	rr_report_status rs = {RR_REPORT_NOT_DUE, {0, 0, 0, RR_PREC_NONE},
			       {0, 0, 0, RR_PREC_NONE}, 0};
	const char *st = status_of(trip), *dir = rr_rec_str(trip, "direction");
	json_t *rep = json_object_get(trip, "report");
	rr_date back = rr_rec_date(trip, "end");

	if (dir && strcmp(dir, "out"))
		return rs; /* an incoming delegation: no report of ours */
	if (!strcmp(st, "draft") || !strcmp(st, "cancelled") || !strcmp(st, "rejected"))
		return rs; /* it did not (or not yet) go ahead */
	if (!back.prec)
		back = rr_rec_date(trip, "start");
	rs.due = rr_trip_report_due(trip, period_days);
	if (has_report(trip, rep)) {
		rs.state = RR_REPORT_FILED;
		if (rep)
			rs.filed = rr_rec_date(rep, "submitted");
		if (rs.filed.prec && rs.due.prec && rr_date_first(&rs.filed) > rr_date_first(&rs.due))
			rs.days_late = rr_date_first(&rs.filed) - rr_date_first(&rs.due);
		return rs;
	}
	if (!strcmp(st, "completed")) {
		if (!rs.due.prec || rr_date_first(today) <= rr_date_first(&rs.due)) {
			rs.state = RR_REPORT_PENDING;
			return rs;
		}
		rs.state = RR_REPORT_LATE;
		rs.days_late = rr_date_first(today) - rr_date_first(&rs.due);
		return rs;
	}
	if ((!strcmp(st, "requested") || !strcmp(st, "coordinated") || !strcmp(st, "approved")) &&
	    back.prec && rr_date_last(&back) < rr_date_first(today))
		rs.state = RR_REPORT_NOT_RECORDED;
	return rs;
}

long rr_trip_days_overdue(const json_t *trip, int period_days, const rr_date *today)
{
	rr_report_status rs = rr_trip_report_status(trip, period_days, today);
	return rs.state == RR_REPORT_LATE ? rs.days_late : 0;
}

static void missing(json_t *arr, const char *field, const char *msg)
{
	json_array_append_new(arr, json_pack("{s:s, s:s}", "field", field, "message", msg));
}

json_t *rr_trip_completeness(const json_t *trip, int period_days, const rr_date *today)
{
	json_t *out = json_array(), *dec = json_object_get(trip, "decision");
	const char *status = status_of(trip), *dir = rr_rec_str(trip, "direction");
	rr_date start = rr_rec_date(trip, "start"), ddate;
	int out_trip = !dir || !strcmp(dir, "out");

	if (!rr_rec_str(trip, "purpose"))
		missing(out, "purpose", "Het doel van de reis ontbreekt.");
	if (!json_array_size(json_object_get(trip, "destinations")))
		missing(out, "destinations", "De bestemming ontbreekt.");
	if (!start.prec)
		missing(out, "start", "De vertrekdatum ontbreekt.");
	if (out_trip && !json_array_size(json_object_get(trip, "travellers")))
		missing(out, "travellers", "Er staan geen reizigers namens het bestuur vermeld.");
	if (out_trip && !json_object_get(trip, "accompanying_officials") &&
	    !json_object_get(trip, "planned_accompanying_officials"))
		missing(out, "accompanying_officials", "Het aantal meereizende ambtenaren ontbreekt.");
	if (out_trip && !json_array_size(json_object_get(trip, "costs")))
		missing(out, "costs", "De kosten (raming of werkelijk) ontbreken.");
	if (out_trip && strcmp(status, "draft") && strcmp(status, "requested") &&
	    strcmp(status, "coordinated") && !dec)
		missing(out, "decision", "Het collegebesluit ontbreekt.");
	ddate = dec ? rr_rec_date(dec, "date") : (rr_date){0, 0, 0, RR_PREC_NONE};
	if (dec && ddate.prec && start.prec && rr_date_first(&ddate) > rr_date_last(&start))
		missing(out, "decision.date", "Het collegebesluit is pas na vertrek genomen.");
	switch (rr_trip_report_status(trip, period_days, today).state) {
	case RR_REPORT_LATE:
		missing(out, "report", "Het verslag is te laat: de termijn na terugkeer is verstreken.");
		break;
	case RR_REPORT_NOT_RECORDED:
		missing(out, "status", "Uitvoering niet vastgelegd: de reisdata zijn voorbij, maar "
			"de reis is niet als uitgevoerd of afgelast vastgelegd.");
		break;
	default:
		break;
	}
	if (!strcmp(status, "cancelled") && !json_object_get(trip, "cancellation"))
		missing(out, "cancellation", "De reden van annulering ontbreekt.");
	return out;
}

static json_t *diff(json_t *out, const char *field, json_t *planned, json_t *actual)
{
	json_t *row;

	if (!planned || !actual || json_equal(planned, actual))
		return NULL;
	row = json_pack("{s:s, s:O, s:O}", "field", field, "planned", planned, "actual", actual);
	json_array_append_new(out, row);
	return row;
}

static void date_diff(json_t *out, const json_t *trip, const char *field, const char *planned)
{
	json_t *row = diff(out, field, json_object_get(trip, planned), json_object_get(trip, field));
	rr_date p = rr_rec_date(trip, planned), a = rr_rec_date(trip, field);

	if (row && p.prec == RR_PREC_DAY && a.prec == RR_PREC_DAY)
		json_object_set_new(row, "days", json_integer(rr_date_first(&a) - rr_date_first(&p)));
}

/* Names in list a that are not in list b. */
static json_t *names_not_in(const json_t *a, const json_t *b)
{
	json_t *out = json_array(), *x, *y;
	size_t i, j;

	json_array_foreach(a, i, x) {
		const char *n = rr_rec_str(x, "name");
		int found = 0;
		json_array_foreach(b, j, y)
			found |= n && rr_rec_str(y, "name") && !strcmp(n, rr_rec_str(y, "name"));
		if (n && !found)
			json_array_append_new(out, json_string(n));
	}
	return out;
}

json_t *rr_trip_differences(const json_t *trip)
{
	json_t *out = json_array(), *row;
	long long est = rr_trip_cost(trip, "estimate"), act = rr_trip_cost(trip, "actual");
	int took = rr_trip_took_place(trip);

	if (took) {
		date_diff(out, trip, "start", "planned_start");
		date_diff(out, trip, "end", "planned_end");
	}
	row = took ? diff(out, "accompanying_officials",
			  json_object_get(trip, "planned_accompanying_officials"),
			  json_object_get(trip, "accompanying_officials")) : NULL;
	if (row)
		json_object_set_new(row, "delta", json_integer(
			rr_rec_count(trip, "accompanying_officials", 0) -
			rr_rec_count(trip, "planned_accompanying_officials", 0)));
	row = took ? diff(out, "travellers", json_object_get(trip, "planned_travellers"),
			  json_object_get(trip, "travellers")) : NULL;
	if (row) {
		json_object_set_new(row, "added", names_not_in(json_object_get(trip, "travellers"),
				    json_object_get(trip, "planned_travellers")));
		json_object_set_new(row, "removed", names_not_in(
			json_object_get(trip, "planned_travellers"), json_object_get(trip, "travellers")));
	}
	if (est >= 0 && act >= 0 && est != act && est != RR_CENTS_OVERFLOW && act != RR_CENTS_OVERFLOW) {
		row = json_pack("{s:s, s:f, s:f, s:f}", "field", "costs_eur", "planned", (double)est / 100.0,
				"actual", (double)act / 100.0, "delta_eur", (double)(act - est) / 100.0);
		if (est > 0)
			json_object_set_new(row, "percent",
					    json_real((double)(act - est) * 100.0 / (double)est));
		json_array_append_new(out, row);
	}
	return out;
}
