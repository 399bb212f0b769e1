/* agg.h - what the pages count, without reading the trips: the number of
 * trips per body, year, direction and status, and the places of a body's
 * outgoing trips, from the summary tables kept by triggers beside the trips
 * (migration 9, agg_sql.h). The cost of a call grows with the number of
 * bodies, years and places it answers, not with the number of trips.
 *
 * Visibility as everywhere (store.h): only trips v may see are counted. */
#ifndef RR_STORE_AGG_H
#define RR_STORE_AGG_H

#include <jansson.h>

#include "store.h"

/* The trips v may see, of one body (NULL: every body), counted per body,
 * year of the start, direction and status: *out is a new array of
 * {"organisation", "year" (null: no start date), "direction", "status",
 * "trips"}, sorted by body, year, direction and status. */
rr_err rr_store_trip_tally(rr_store *s, const char *organisation, const rr_viewer *v,
			   json_t **out);

/* The destinations (with a country) of the body's outgoing trips that v may
 * see and that count as trips (not cancelled, rejected or a draft): *out
 * is a new array of {"country", "city", "region", "lat", "lon" (each null
 * when the destination does not state it as mapview.c reads it), "trips"
 * (how many trips have such a destination)}, one per distinct
 * combination, sorted by country, city, region, lat, lon. */
rr_err rr_store_trip_places(rr_store *s, const char *organisation, const rr_viewer *v,
			    json_t **out);

/* What the trips v may see add up to per body, over the years from..to (0:
 * open; both 0: every trip, with a start date or not), as model/totals.h
 * adds them, from the figures the store keeps per trip (trip_fig): *sums a
 * new array of {"organisation", "n", "cancelled", "in", "out", "officials",
 * "officials_known", "est", "est_known", "act", "act_known" (cents summed
 * as rr_cents_add: RR_CENTS_OVERFLOW when too large), "others", "co2_any",
 * "train", "co2_kg", "co2_known", "late", "not_recorded" (as of the day
 * today, rr_date_first)}, one per body with such a trip; *payers a new
 * array of {"organisation", "paid_by", "known", "cents"}, one per trip and
 * other party paying a line of it, in the order of rr_store_trips. */
rr_err rr_store_trip_sums(rr_store *s, const rr_viewer *v, int from, int to, long today,
			  json_t **sums, json_t **payers);

#endif
