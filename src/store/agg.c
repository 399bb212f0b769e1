/* agg.c - agg.h's calls, forwarded to the backend (store_int.h). */
#include "agg.h"
#include "store_int.h"

rr_err rr_store_trip_tally(rr_store *s, const char *organisation, const rr_viewer *v,
			   json_t **out)
{
	return s->ops->trip_tally(s, organisation, v, out);
}

rr_err rr_store_trip_sums(rr_store *s, const rr_viewer *v, int from, int to, long today,
			  json_t **sums, json_t **payers)
{
	return s->ops->trip_sums(s, v, from, to, today, sums, payers);
}

rr_err rr_store_trip_places(rr_store *s, const char *organisation, const rr_viewer *v,
			    json_t **out)
{
	return s->ops->trip_places(s, organisation, v, out);
}
