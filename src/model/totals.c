/* totals.c - sums over trips with how much is known (totals.h). */
#include "totals.h"
#include "co2.h"

#include <string.h>

#include "../model/lifecycle.h"
#include "../model/record.h"

int rr_trip_counts(const json_t *trip)
{
	const char *st = rr_rec_str(trip, "status");
	return !st || (strcmp(st, "cancelled") && strcmp(st, "rejected") && strcmp(st, "draft"));
}

/* null when nothing is known, and when the sum ran over (too large to add
 * up: the caller's "overflow" says which) */
static json_t *eur_or_null(long long cents, size_t known)
{
	return known && cents != RR_CENTS_OVERFLOW ? json_real((double)cents / 100.0) : json_null();
}

void rr_totals_add_payer(rr_totals_acc *a, const char *by, int known, long long cents)
{
	json_t *p;

	if (!(p = json_object_get(a->payers, by))) {
		p = json_pack("{s:i, s:I, s:i}", "trips", 0, "cents", (json_int_t)0, "known", 0);
		json_object_set_new(a->payers, by, p);
	}
	json_object_set_new(p, "trips", json_integer(
		json_integer_value(json_object_get(p, "trips")) + 1));
	if (known) {
		long long sum = json_integer_value(json_object_get(p, "cents"));
		rr_cents_add(&sum, cents);
		json_object_set_new(p, "cents", json_integer(sum));
		json_object_set_new(p, "known", json_integer(1));
	}
}

json_t *rr_trip_payers(const json_t *trip)
{
	const char *org = rr_rec_str(trip, "organisation");
	const json_t *c;
	json_t *seen = json_object(), *list = json_array(), *v; /* seen: {by: [by, known, cents]} */
	size_t i;

	json_array_foreach(json_object_get(trip, "costs"), i, c) {
		const json_t *amt = json_object_get(c, "amount_eur");
		const char *b = rr_rec_str(c, "paid_by");

		if (!b || (org && !strcmp(b, org)))
			continue;
		if (!(v = json_object_get(seen, b))) {
			v = json_pack("[s, i, I]", b, 0, (json_int_t)0);
			json_object_set_new(seen, b, v);
			json_array_append(list, v);
		}
		if (amt) {
			long long sum = json_integer_value(json_array_get(v, 2));
			rr_cents_add(&sum, rr_amount_cents(amt));
			json_array_set_new(v, 2, json_integer(sum));
			json_array_set_new(v, 1, json_integer(1));
		}
	}
	json_decref(seen);
	return list;
}

void rr_totals_add_payers(rr_totals_acc *a, const json_t *trip)
{
	json_t *list = rr_trip_payers(trip), *v;
	size_t i;

	json_array_foreach(list, i, v)
		rr_totals_add_payer(a, json_string_value(json_array_get(v, 0)),
				    (int)json_integer_value(json_array_get(v, 1)),
				    json_integer_value(json_array_get(v, 2)));
	json_decref(list);
}

void rr_trip_figures(const json_t *trip, int period_days, const json_t *orgs, rr_trip_fig *f)
{
	const char *dir = rr_rec_str(trip, "direction");
	int in = dir && !strcmp(dir, "in");
	rr_date future = rr_date_year(9999);
	rr_report_status rs;
	long long te, ta;
	rr_co2 c;
	rr_co2_setup st;

	memset(f, 0, sizeof *f);
	if (!rr_trip_counts(trip)) {
		const char *s = rr_rec_str(trip, "status");
		f->cancelled = s && strcmp(s, "draft");
		return;
	}
	f->counts = 1;
	if (in) {
		f->in = 1;
		return;
	}
	f->out = 1;
	if (json_object_get(trip, "accompanying_officials")) {
		f->officials = rr_rec_count(trip, "accompanying_officials", 0);
		f->officials_known = 1;
	}
	if ((te = rr_trip_cost(trip, "estimate")) >= 0) {
		f->est = te;
		f->est_known = 1;
	}
	if ((ta = rr_trip_cost(trip, "actual")) >= 0) {
		f->act = ta;
		f->act_known = 1;
	}
	rr_co2_setup_in(orgs, trip, &st);
	if (rr_co2_trip(trip, &st, &c)) {
		f->co2_distance = 1;
		f->train = c.train_possible;
		if (c.kg >= 0) {
			f->co2_kg = c.kg;
			f->co2_known = 1;
		}
	}
	f->paid_by_other = rr_trip_paid_by_other(trip);
	/* late and "not recorded" as of a day after any: what remains to know
	 * is from which day on (rr_trip_report_status compares today with the
	 * due day, and with the last day back) */
	rs = rr_trip_report_status(trip, period_days, &future);
	if (rs.state == RR_REPORT_LATE) {
		f->late_known = 1;
		f->late_after = rr_date_first(&rs.due);
	} else if (rs.state == RR_REPORT_NOT_RECORDED) {
		rr_date back = rr_rec_date(trip, "end");
		if (!back.prec)
			back = rr_rec_date(trip, "start");
		f->unrecorded_known = 1;
		f->unrecorded_after = rr_date_last(&back);
	}
}

void rr_totals_add(rr_totals_acc *a, const rr_trip_fig *f, long today)
{
	if (!f->counts) {
		a->cancelled += (size_t)f->cancelled;
		return;
	}
	a->n++;
	if (f->in) {
		a->nin++;
		return;
	}
	a->nout++;
	a->cost_trips++;
	if (f->officials_known) {
		a->officials += f->officials;
		a->officials_known++;
	}
	if (f->est_known) {
		rr_cents_add(&a->est, f->est);
		a->est_known++;
	}
	if (f->act_known) {
		rr_cents_add(&a->act, f->act);
		a->act_known++;
	}
	if (f->co2_distance) {
		a->co2_any++;
		a->train += (size_t)f->train;
		if (f->co2_known) {
			a->co2_kg += f->co2_kg;
			a->co2_known++;
		}
	}
	a->others += (size_t)f->paid_by_other;
	if (f->late_known && today > f->late_after)
		a->late++;
	if (f->unrecorded_known && today > f->unrecorded_after)
		a->not_recorded++;
}

json_t *rr_totals_object(rr_totals_acc *a)
{
	json_t *plist = json_array(), *out, *p;
	const char *key;

	json_object_foreach(a->payers, key, p)
		json_array_append_new(plist, json_pack("{s:s, s:O, s:o}", "paid_by", key, "trips",
			json_object_get(p, "trips"),
			"amount_eur", eur_or_null(json_integer_value(json_object_get(p, "cents")),
				(size_t)json_integer_value(json_object_get(p, "known")))));
	json_decref(a->payers);
	a->payers = NULL;
	out = json_pack("{s:I, s:I, s:I, s:I, s:o, s:I, s:o, s:o, s:I, s:I, s:I, s:I, s:o, s:I, s:I}",
		"trips", (json_int_t)a->n, "trips_out", (json_int_t)a->nout,
		"trips_in", (json_int_t)a->nin, "cancelled", (json_int_t)a->cancelled,
		"officials", a->officials_known ? json_integer(a->officials) : json_null(),
		"officials_known", (json_int_t)a->officials_known,
		"costs_estimate_eur", eur_or_null(a->est, a->est_known),
		"costs_actual_eur", eur_or_null(a->act, a->act_known),
		"estimate_known", (json_int_t)a->est_known, "actual_known", (json_int_t)a->act_known,
		"cost_trips", (json_int_t)a->cost_trips, "paid_by_others", (json_int_t)a->others,
		"payers", plist, "reports_late", (json_int_t)a->late,
		"not_recorded", (json_int_t)a->not_recorded);
	if (out) {
		json_object_set_new(out, "co2_kg", a->co2_known ?
				    json_integer((json_int_t)(a->co2_kg + 0.5)) : json_null());
		json_object_set_new(out, "co2_known", json_integer((json_int_t)a->co2_known));
		json_object_set_new(out, "co2_distance_known", json_integer((json_int_t)a->co2_any));
		json_object_set_new(out, "flights_train_possible",
				    json_integer((json_int_t)a->train));
	}
	if (out && (a->est == RR_CENTS_OVERFLOW || a->act == RR_CENTS_OVERFLOW))
		json_object_set_new(out, "overflow", json_true());
	return out;
}

json_t *rr_trip_totals(const json_t *trips, int period_days, const rr_date *today,
		       const json_t *orgs)
{
	rr_totals_acc a = {0};
	const json_t *t;
	size_t i;
	long day = rr_date_first(today);

	a.payers = json_object();
	json_array_foreach(trips, i, t) {
		rr_trip_fig f;
		rr_trip_figures(t, period_days, orgs, &f);
		rr_totals_add(&a, &f, day);
		if (f.paid_by_other)
			rr_totals_add_payers(&a, t);
	}
	return rr_totals_object(&a);
}
