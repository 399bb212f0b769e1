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

#endif
