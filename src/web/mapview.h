/* mapview.h - where a body's delegations went: the world map
 * (report/worldmap.h) with a dot per destination and, next to it, the same
 * destinations as a table. Counted are the outgoing trips that went ahead
 * or are planned (model/totals.h: rr_trip_counts) among the trips given,
 * which the caller fetched for the viewer: unpublished trips never reach
 * an anonymous visitor. */
#ifndef RR_WEB_MAPVIEW_H
#define RR_WEB_MAPVIEW_H

#include <stdbool.h>

#include <jansson.h>

#include "util/html.h"

/* Writes <h2 id="kaart">heading</h2>, the map and the table; nothing but a
 * sentence when no trip has a destination. org: the body's code, for the
 * dots' links to its trips (search by body and country, and by year when
 * year > 0: the map of one year). id: unique on the page ([a-z0-9-]). */
void mapview_destinations(html *h, const json_t *trips, const char *org, int year,
			  const char *id, const char *heading);

/* The same from the places counted by the store (store/agg.h:
 * rr_store_trip_places, for the viewer), without reading the trips: the
 * same bytes as mapview_destinations over those trips. Writes nothing and
 * returns false when the counts cannot say it alone (one place written in
 * two ways, whose first trip decides where its dot goes, or more places
 * than the map holds): then call mapview_destinations. */
bool mapview_destinations_counted(html *h, const json_t *places, const char *org, int year,
				  const char *id, const char *heading);

#endif
