/* worklist.h - what falls due for a body's office and college secretary,
 * derived from its trips: the same lists on /beheer and in the e-mail
 * digest of `reisregister remind`.
 *
 *   decisions   requests waiting for the college's decision (requested,
 *               coordinated; also those whose decision was deferred)
 *   due         reports due within the next `horizon` days (14)
 *   late        reports past their due date
 *   incomplete  requests (draft, requested, coordinated) that lack
 *               something (rr_trip_completeness)
 *   unpublished reports filed but not yet public
 *
 * Memory: rr_worklist returns a new object; the caller decrefs it. */
#ifndef RR_WORKLIST_H
#define RR_WORKLIST_H

#include <jansson.h>

#include "../nl/date.h"
#include "../store/store.h"

#define RR_WORKLIST_HORIZON 14

/* The worklists of trips (an array of normalised trips of one body):
 * {"decisions":[...], "due":[...], "late":[...], "incomplete":[...],
 *  "unpublished":[...]}, each item {"id","title","date"(ISO or absent),
 * "days" (days late, or days left), "missing" (incomplete: Dutch lines)}. */
json_t *rr_worklist(const json_t *trips, int period_days, const rr_date *today, int horizon);

/* The same for body org read from the store as the system. */
rr_err rr_worklist_of(rr_store *s, const char *org, int period_days, const rr_date *today,
		      json_t **out);

/* The number of items in all lists. */
size_t rr_worklist_count(const json_t *wl);

/* The Dutch title of list key ("decisions" -> "Besluiten die wachten"). */
const char *rr_worklist_title(const char *key);
/* The keys in the order shown, NULL-terminated. */
extern const char *const rr_worklist_keys[];

#endif
