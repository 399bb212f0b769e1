/* pg_agg.c - agg.h on PostgreSQL: sums over trip_tally and trip_place
 * (migration 9, agg_sql.h), never over the trips themselves. */
#include "agg_int.h"
#include "pg_int.h"

#include <stdlib.h>

#include "../util/buf.h"

/* " WHERE TRUE [AND t.organisation = $1] AND visible" */
static void where(rr_buf *sql, const char *organisation, const rr_viewer *v, rr_pg_params *p)
{
	rr_buf_addstr(sql, " WHERE TRUE");
	if (organisation)
		rr_buf_printf(sql, " AND t.organisation = $%d", rr_pg_str(p, organisation));
	rr_pg_visible(sql, RR_K_TRIP, "t", v, p);
}

static json_t *text_or_null(PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? json_null() : json_string(PQgetvalue(r, row, col));
}

static json_t *real_or_null(PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? json_null()
					: json_real(strtod(PQgetvalue(r, row, col), NULL));
}

/* Runs sql, each row turned into an object by row(). */
static rr_err collect(rr_store *s, rr_buf *sql, const rr_pg_params *p,
		      json_t *(*row)(PGresult *, int), const char *what, json_t **out)
{
	json_t *res;
	rr_err e = RR_OK;
	PGresult *r = rr_pg_query_buf(s, sql, p, what, &e);

	if (!r)
		return e;
	res = json_array();
	for (int i = 0; res && i < PQntuples(r); i++) {
		json_t *o = row(r, i);
		if (!o || json_array_append_new(res, o)) {
			e = RR_ENOMEM;
			break;
		}
	}
	PQclear(r);
	if (!res)
		return RR_ENOMEM;
	if (e)
		json_decref(res);
	else
		*out = res;
	return e;
}

static json_t *tally_row(PGresult *r, int i)
{
	long long y = atoll(PQgetvalue(r, i, 1));

	return json_pack("{s:o, s:o, s:o, s:o, s:I}", "organisation", text_or_null(r, i, 0),
			 "year", y < 0 ? json_null() : json_integer(y),
			 "direction", text_or_null(r, i, 2), "status", text_or_null(r, i, 3),
			 "trips", (json_int_t)atoll(PQgetvalue(r, i, 4)));
}

rr_err rr_pg_trip_tally(rr_store *s, const char *organisation, const rr_viewer *v,
			json_t **out)
{
	rr_pg_params p = {0};
	rr_buf sql;
	rr_err e;

	*out = NULL;
	rr_buf_init(&sql, 4096);
	rr_buf_addstr(&sql, "SELECT t.organisation, t.year, t.direction, t.status, sum(t.n)"
		      " FROM trip_tally t");
	where(&sql, organisation, v, &p);
	rr_buf_addstr(&sql, " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4");
	e = collect(s, &sql, &p, tally_row, "trip tally", out);
	rr_buf_free(&sql);
	return e;
}

static json_t *place_row(PGresult *r, int i)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:I}", "country", text_or_null(r, i, 0),
			 "city", text_or_null(r, i, 1), "region", text_or_null(r, i, 2),
			 "lat", real_or_null(r, i, 3), "lon", real_or_null(r, i, 4),
			 "trips", (json_int_t)atoll(PQgetvalue(r, i, 5)));
}

rr_err rr_pg_trip_places(rr_store *s, const char *organisation, const rr_viewer *v,
			 json_t **out)
{
	rr_pg_params p = {0};
	rr_buf sql;
	rr_err e;

	*out = NULL;
	rr_buf_init(&sql, 4096);
	/* a float8 is printed in the shortest form that reads back the same
	 * (PostgreSQL 12 and later) */
	rr_buf_addstr(&sql, "SELECT t.country, t.city, t.region, t.lat, t.lon,"
		      " count(DISTINCT t.trip) FROM trip_place t");
	where(&sql, organisation, v, &p);
	rr_buf_addstr(&sql, " GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5");
	e = collect(s, &sql, &p, place_row, "trip places", out);
	rr_buf_free(&sql);
	return e;
}

rr_err rr_pg_agg_trip_counts(rr_store *s, const rr_viewer *v, json_t **out)
{
	rr_pg_params p = {0};
	rr_buf sql;
	PGresult *r;
	json_t *res;
	rr_err e;

	*out = NULL;
	rr_buf_init(&sql, 4096);
	rr_buf_addstr(&sql, "SELECT t.organisation, sum(t.n) FROM trip_tally t");
	where(&sql, NULL, v, &p);
	rr_buf_addstr(&sql, " GROUP BY t.organisation HAVING sum(t.n) > 0"
		      " ORDER BY t.organisation");
	r = rr_pg_query_buf(s, &sql, &p, "trip counts", &e);
	rr_buf_free(&sql);
	if (!r)
		return e;
	if (!(res = json_object())) {
		PQclear(r);
		return RR_ENOMEM;
	}
	for (int i = 0; i < PQntuples(r); i++)
		if (json_object_set_new(res, PQgetvalue(r, i, 0),
					json_integer(atoll(PQgetvalue(r, i, 1))))) {
			PQclear(r);
			json_decref(res);
			return RR_ENOMEM;
		}
	PQclear(r);
	*out = res;
	return RR_OK;
}
