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

/* Adds one trip's lines paid by others to payers {name: {trips, cents, known}}. */
static void add_payers(json_t *payers, const json_t *trip)
{
	const char *org = rr_rec_str(trip, "organisation");
	const json_t *c;
	json_t *seen = json_object();
	size_t i;

	json_array_foreach(json_object_get(trip, "costs"), i, c) {
		const char *by = rr_rec_str(c, "paid_by");
		const json_t *amt = json_object_get(c, "amount_eur");
		json_t *p;

		if (!by || (org && !strcmp(by, org)))
			continue;
		if (!(p = json_object_get(payers, by))) {
			p = json_pack("{s:i, s:I, s:i}", "trips", 0, "cents", (json_int_t)0, "known", 0);
			json_object_set_new(payers, by, p);
		}
		if (!json_object_get(seen, by)) {
			json_object_set_new(seen, by, json_true());
			json_object_set_new(p, "trips", json_integer(
				json_integer_value(json_object_get(p, "trips")) + 1));
		}
		if (amt) {
			long long sum = json_integer_value(json_object_get(p, "cents"));
			rr_cents_add(&sum, rr_amount_cents(amt));
			json_object_set_new(p, "cents", json_integer(sum));
			json_object_set_new(p, "known", json_integer(1));
		}
	}
	json_decref(seen);
}

json_t *rr_trip_totals(const json_t *trips, int period_days, const rr_date *today,
		       const json_t *orgs)
{
	size_t n = 0, nout = 0, nin = 0, cancelled = 0, officials_known = 0, est_known = 0,
	       act_known = 0, cost_trips = 0, others = 0, late = 0, not_recorded = 0, i;
	long long officials = 0, est = 0, act = 0;
	size_t co2_known = 0, co2_any = 0, train = 0;
	double co2_kg = 0;
	json_t *payers = json_object(), *plist = json_array(), *out, *p;
	const json_t *t;
	const char *key;

	json_array_foreach(trips, i, t) {
		const char *dir = rr_rec_str(t, "direction");
		int in = dir && !strcmp(dir, "in");
		long long te, ta;

		if (!rr_trip_counts(t)) {
			const char *st = rr_rec_str(t, "status");
			cancelled += st && strcmp(st, "draft");
			continue;
		}
		n++;
		if (in) {
			nin++;
			continue;
		}
		nout++;
		cost_trips++;
		if (json_object_get(t, "accompanying_officials")) {
			officials += rr_rec_count(t, "accompanying_officials", 0);
			officials_known++;
		}
		if ((te = rr_trip_cost(t, "estimate")) >= 0) {
			rr_cents_add(&est, te);
			est_known++;
		}
		if ((ta = rr_trip_cost(t, "actual")) >= 0) {
			rr_cents_add(&act, ta);
			act_known++;
		}
		{
			rr_co2 c;
			rr_co2_setup st;
			rr_co2_setup_in(orgs, t, &st);
			if (rr_co2_trip(t, &st, &c)) {
				co2_any++;
				train += (size_t)c.train_possible;
				if (c.kg >= 0) {
					co2_kg += c.kg;
					co2_known++;
				}
			}
		}
		if (rr_trip_paid_by_other(t)) {
			others++;
			add_payers(payers, t);
		}
		switch (rr_trip_report_status(t, period_days, today).state) {
		case RR_REPORT_LATE: late++; break;
		case RR_REPORT_NOT_RECORDED: not_recorded++; break;
		default: break;
		}
	}
	json_object_foreach(payers, key, p)
		json_array_append_new(plist, json_pack("{s:s, s:O, s:o}", "paid_by", key, "trips",
			json_object_get(p, "trips"),
			"amount_eur", eur_or_null(json_integer_value(json_object_get(p, "cents")),
				(size_t)json_integer_value(json_object_get(p, "known")))));
	json_decref(payers);
	out = json_pack("{s:I, s:I, s:I, s:I, s:o, s:I, s:o, s:o, s:I, s:I, s:I, s:I, s:o, s:I, s:I}",
		"trips", (json_int_t)n, "trips_out", (json_int_t)nout, "trips_in", (json_int_t)nin,
		"cancelled", (json_int_t)cancelled,
		"officials", officials_known ? json_integer(officials) : json_null(),
		"officials_known", (json_int_t)officials_known,
		"costs_estimate_eur", eur_or_null(est, est_known),
		"costs_actual_eur", eur_or_null(act, act_known),
		"estimate_known", (json_int_t)est_known, "actual_known", (json_int_t)act_known,
		"cost_trips", (json_int_t)cost_trips, "paid_by_others", (json_int_t)others,
		"payers", plist, "reports_late", (json_int_t)late,
		"not_recorded", (json_int_t)not_recorded);
	if (out) {
		json_object_set_new(out, "co2_kg", co2_known ? json_integer((json_int_t)(co2_kg + 0.5))
							   : json_null());
		json_object_set_new(out, "co2_known", json_integer((json_int_t)co2_known));
		json_object_set_new(out, "co2_distance_known", json_integer((json_int_t)co2_any));
		json_object_set_new(out, "flights_train_possible", json_integer((json_int_t)train));
	}
	if (out && (est == RR_CENTS_OVERFLOW || act == RR_CENTS_OVERFLOW))
		json_object_set_new(out, "overflow", json_true());
	return out;
}
