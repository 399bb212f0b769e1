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

#endif
