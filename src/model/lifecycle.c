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
	if (back.prec != RR_PREC_DAY)
		return due;
	return rr_date_add_days(&back, period_days > 0 ? period_days : RR_REPORT_PERIOD_DAYS);
}

static int took_place(const char *status)
{
	return !strcmp(status, "completed") || !strcmp(status, "approved") ||
	       !strcmp(status, "coordinated") || !strcmp(status, "requested");
}

long rr_trip_days_overdue(const json_t *trip, int period_days, const rr_date *today)
{
	const char *status = status_of(trip);
	json_t *rep = json_object_get(trip, "report");
	rr_date due = rr_trip_report_due(trip, period_days), back = rr_rec_date(trip, "end");
	long late;

	if (!strcmp(status, "reported") || (rep && json_object_get(rep, "submitted")))
		return 0;
	if (!took_place(status) || !due.prec)
		return 0;
	if (!back.prec)
		back = rr_rec_date(trip, "start");
	if (strcmp(status, "completed") && rr_date_last(&back) >= rr_date_first(today))
		return 0; /* still ahead, or under way */
	late = rr_date_first(today) - rr_date_first(&due);
	return late > 0 ? late : 0;
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
	if (out_trip && rr_trip_days_overdue(trip, period_days, today) > 0)
		missing(out, "report", "Het verslag is te laat: de termijn na terugkeer is verstreken.");
	if (!strcmp(status, "cancelled") && !json_object_get(trip, "cancellation"))
		missing(out, "cancellation", "De reden van annulering ontbreekt.");
	return out;
}

static void diff(json_t *out, const char *field, json_t *planned, json_t *actual)
{
	if (!planned || !actual || json_equal(planned, actual))
		return;
	json_array_append_new(out, json_pack("{s:s, s:O, s:O}", "field", field, "planned", planned,
					     "actual", actual));
}

static json_t *cost_total(const json_t *trip, const char *kind)
{
	long long sum = rr_trip_cost(trip, kind);
	return sum >= 0 ? json_real((double)sum / 100.0) : NULL;
}

json_t *rr_trip_differences(const json_t *trip)
{
	json_t *out = json_array(), *est, *act;
	diff(out, "start", json_object_get(trip, "planned_start"), json_object_get(trip, "start"));
	diff(out, "end", json_object_get(trip, "planned_end"), json_object_get(trip, "end"));
	diff(out, "accompanying_officials", json_object_get(trip, "planned_accompanying_officials"),
	     json_object_get(trip, "accompanying_officials"));
	diff(out, "travellers", json_object_get(trip, "planned_travellers"),
	     json_object_get(trip, "travellers"));
	est = cost_total(trip, "estimate");
	act = cost_total(trip, "actual");
	diff(out, "costs_eur", est, act);
	json_decref(est);
	json_decref(act);
	return out;
}
