/* totals.h - what a set of trips adds up to, with how much of it is known.
 *
 * Used for a body's year (/o/{code}/{year}, /api/v1/totals), the bodies
 * side by side (/vergelijking) and the spreadsheet. Unknown is not zero: a
 * sum is null when no trip states the figure, and every sum says over how
 * many trips it is known ("3 van 5 bekend").
 *
 * rr_trip_totals(trips, period_days, today) returns a new object:
 *   trips            trips that went ahead or are planned (not cancelled,
 *                    rejected or draft), both directions
 *   trips_out, trips_in
 *   cancelled        cancelled or rejected trips (not counted in trips)
 *   officials        sum of accompanying_officials over outgoing trips that
 *                    state it, or null; officials_known: how many state it
 *   costs_estimate_eur, costs_actual_eur   sums of the cost lines of each
 *                    kind that state an amount, or null
 *   estimate_known, actual_known   outgoing trips with such an amount
 *   cost_trips       outgoing trips that went ahead or are planned (the
 *                    "of" of the known counts)
 *   paid_by_others   trips with a cost line paid by another party
 *   payers           [{"paid_by", "trips", "amount_eur" (null: unknown)}]
 *   reports_late     trips whose report is late (lifecycle.h's definition)
 *   not_recorded     requests whose dates passed, not recorded as taken place
 *   co2_kg           kg CO₂ of the outgoing trips whose distance and number
 *                    of travellers are known (co2.h), or null; co2_known:
 *                    how many; co2_distance_known: trips with a distance
 *   flights_train_possible  stated flights shorter than the train threshold
 * trips is borrowed; the body's code is each trip's "organisation". */
#ifndef RR_TOTALS_H
#define RR_TOTALS_H

#include <jansson.h>

#include "../nl/date.h"

/* orgs: the bodies' records by code, for their own emission factors
 * (co2.h; NULL: the built-in list for every trip). */
json_t *rr_trip_totals(const json_t *trips, int period_days, const rr_date *today,
		       const json_t *orgs);

/* Does the trip count as a trip (not cancelled, rejected or a draft)? */
int rr_trip_counts(const json_t *trip);

/* What one trip adds to the totals, apart from the payers and today: kept
 * per trip by the store (store/agg.h) so that totals over many trips need
 * not read them. A figure that is unknown has its *_known flag 0. */
typedef struct rr_trip_fig {
	int counts;         /* rr_trip_counts */
	int cancelled;      /* cancelled or rejected */
	int in;             /* counts and incoming */
	int out;            /* counts and outgoing: the "of" of the known counts */
	int officials_known, est_known, act_known, co2_known;
	long long officials, est, act; /* est, act in cents (RR_CENTS_OVERFLOW: too large) */
	int paid_by_other;  /* out, with a cost line paid by another party */
	int co2_distance;   /* out, with a distance (co2_distance_known) */
	int train;          /* out, a flight within train distance */
	double co2_kg;
	/* out, and late when today is after this day (rr_date_first): the due
	 * day of a completed trip without a report; 0 when it cannot be late */
	int late_known;
	long late_after;
	/* out, and "not recorded" when today is after this day (the last day
	 * back) of a request without a report; 0 when it cannot be */
	int unrecorded_known;
	long unrecorded_after;
} rr_trip_fig;

/* The figures of trip; period_days and orgs as rr_trip_totals. */
void rr_trip_figures(const json_t *trip, int period_days, const json_t *orgs, rr_trip_fig *f);

/* Totals being added up: rr_totals_add for each trip (or group of trips),
 * then rr_totals_object. payers: {"name": {"trips", "cents", "known"}} in
 * the order the payers were first met. */
typedef struct rr_totals_acc {
	size_t n, nout, nin, cancelled, officials_known, est_known, act_known, cost_trips,
	       others, late, not_recorded, co2_known, co2_any, train;
	long long officials, est, act;
	double co2_kg;
	json_t *payers;
} rr_totals_acc;

/* Adds one trip's figures, late or not as of today (a day number). */
void rr_totals_add(rr_totals_acc *a, const rr_trip_fig *f, long today);
/* The other parties that pay a line of trip, in the order of its lines:
 * a new array of [paid_by, known (0/1), cents (the sum of their lines that
 * state an amount)]. */
json_t *rr_trip_payers(const json_t *trip);
/* Adds the payers of one trip (its cost lines paid by others). */
void rr_totals_add_payers(rr_totals_acc *a, const json_t *trip);
/* Adds what one trip's lines paid by "by" came to: cents when known. */
void rr_totals_add_payer(rr_totals_acc *a, const char *by, int known, long long cents);
/* The object rr_trip_totals returns; frees a->payers. */
json_t *rr_totals_object(rr_totals_acc *a);

#endif
