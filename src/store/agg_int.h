/* agg_int.h - each backend's part of agg.h (sqlite_agg.c, pg_agg.c), and
 * public.h's trip counts from the same summary table. */
#ifndef RR_STORE_AGG_INT_H
#define RR_STORE_AGG_INT_H

#include "agg.h"

rr_err rr_sqlite_trip_tally(rr_store *s, const char *organisation, const rr_viewer *v,
			    json_t **out);
rr_err rr_sqlite_trip_places(rr_store *s, const char *organisation, const rr_viewer *v,
			     json_t **out);
rr_err rr_sqlite_agg_trip_counts(rr_store *s, const rr_viewer *v, json_t **out);
rr_err rr_sqlite_trip_sums(rr_store *s, const rr_viewer *v, int from, int to, long today,
			   json_t **sums, json_t **payers);
/* trip_fig's rows of a trip (after it is written), of every trip of a body
 * (after the body is written), of every trip (after migration 9) */
rr_err rr_sqlite_fig_put(rr_store *s, const json_t *trip);
rr_err rr_sqlite_fig_org(rr_store *s, const json_t *org);
rr_err rr_sqlite_fig_fill(rr_store *s);

rr_err rr_pg_trip_tally(rr_store *s, const char *organisation, const rr_viewer *v,
			json_t **out);
rr_err rr_pg_trip_places(rr_store *s, const char *organisation, const rr_viewer *v,
			 json_t **out);
rr_err rr_pg_agg_trip_counts(rr_store *s, const rr_viewer *v, json_t **out);
rr_err rr_pg_trip_sums(rr_store *s, const rr_viewer *v, int from, int to, long today,
		       json_t **sums, json_t **payers);
rr_err rr_pg_fig_put(rr_store *s, const json_t *trip);
rr_err rr_pg_fig_org(rr_store *s, const json_t *org);
rr_err rr_pg_fig_fill(rr_store *s);

#endif
