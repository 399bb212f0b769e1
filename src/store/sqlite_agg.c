/* sqlite_agg.c - agg.h on SQLite: sums over trip_tally and trip_place
 * (migration 9, agg_sql.h), never over the trips themselves. */
#include "agg_int.h"
#include "sqlite_int.h"

#include "../util/buf.h"

/* Prepares the query in sql with the body (if any) as ?1 and the viewer's
 * bodies after it; NULL (and s->errmsg) on failure. */
static sqlite3_stmt *prepare(rr_store *s, rr_buf *sql, const char *organisation,
			     const rr_viewer *v, int vfirst)
{
	sqlite3_stmt *st = rr_buf_err(sql) ? NULL : rr_sqlite_prepare(s, rr_buf_cstr(sql));

	if (!st)
		return NULL;
	if (organisation)
		rr_sqlite_bind_str(st, 1, organisation);
	rr_sqlite_bind_visible(st, RR_K_TRIP, v, vfirst);
	return st;
}

/* " WHERE 1 [AND t.organisation = ?1] AND visible": returns the first
 * parameter number of the viewer's bodies. */
static int where(rr_buf *sql, const char *organisation, const rr_viewer *v)
{
	int next = 1, vfirst;

	rr_buf_addstr(sql, " WHERE 1");
	if (organisation)
		rr_buf_printf(sql, " AND t.organisation = ?%d", next++);
	vfirst = next;
	rr_sqlite_visible(sql, RR_K_TRIP, "t", v, &next);
	return vfirst;
}

static json_t *text_or_null(sqlite3_stmt *st, int col)
{
	const unsigned char *v = sqlite3_column_text(st, col);
	return sqlite3_column_type(st, col) == SQLITE_NULL || !v ? json_null()
								  : json_string((const char *)v);
}

static json_t *real_or_null(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? json_null()
							   : json_real(sqlite3_column_double(st, col));
}

/* Runs st, each row turned into an object by row(); finalizes st. */
static rr_err collect(rr_store *s, sqlite3_stmt *st, json_t *(*row)(sqlite3_stmt *),
		      const char *what, json_t **out)
{
	json_t *res = json_array();
	rr_err e = RR_OK;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_t *o = row(st);
		if (!o || json_array_append_new(res, o)) {
			e = RR_ENOMEM;
			break;
		}
	}
	if (!e && rc != SQLITE_DONE)
		e = rr_sqlite_fail(s, what);
	sqlite3_finalize(st);
	if (e)
		json_decref(res);
	else
		*out = res;
	return e;
}

static json_t *tally_row(sqlite3_stmt *st)
{
	long long y = sqlite3_column_int64(st, 1);

	return json_pack("{s:o, s:o, s:o, s:o, s:I}", "organisation", text_or_null(st, 0),
			 "year", y < 0 ? json_null() : json_integer(y),
			 "direction", text_or_null(st, 2), "status", text_or_null(st, 3),
			 "trips", (json_int_t)sqlite3_column_int64(st, 4));
}

rr_err rr_sqlite_trip_tally(rr_store *s, const char *organisation, const rr_viewer *v,
			    json_t **out)
{
	sqlite3_stmt *st;
	rr_buf sql;
	int vfirst;

	*out = NULL;
	rr_buf_init(&sql, 4096);
	rr_buf_addstr(&sql, "SELECT t.organisation, t.year, t.direction, t.status, sum(t.n)"
		      " FROM trip_tally t");
	vfirst = where(&sql, organisation, v);
	rr_buf_addstr(&sql, " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4");
	st = prepare(s, &sql, organisation, v, vfirst);
	rr_buf_free(&sql);
	if (!st)
		return RR_EDB;
	return collect(s, st, tally_row, "trip tally", out);
}

static json_t *place_row(sqlite3_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:I}", "country", text_or_null(st, 0),
			 "city", text_or_null(st, 1), "region", text_or_null(st, 2),
			 "lat", real_or_null(st, 3), "lon", real_or_null(st, 4),
			 "trips", (json_int_t)sqlite3_column_int64(st, 5));
}

rr_err rr_sqlite_trip_places(rr_store *s, const char *organisation, const rr_viewer *v,
			     json_t **out)
{
	sqlite3_stmt *st;
	rr_buf sql;
	int vfirst;

	*out = NULL;
	rr_buf_init(&sql, 4096);
	rr_buf_addstr(&sql, "SELECT t.country, t.city, t.region, t.lat, t.lon,"
		      " count(DISTINCT t.trip) FROM trip_place t");
	vfirst = where(&sql, organisation, v);
	rr_buf_addstr(&sql, " GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5");
	st = prepare(s, &sql, organisation, v, vfirst);
	rr_buf_free(&sql);
	if (!st)
		return RR_EDB;
	return collect(s, st, place_row, "trip places", out);
}

rr_err rr_sqlite_agg_trip_counts(rr_store *s, const rr_viewer *v, json_t **out)
{
	json_t *res = json_object();
	sqlite3_stmt *st;
	rr_buf sql;
	rr_err e = RR_OK;
	int vfirst, rc;

	*out = NULL;
	rr_buf_init(&sql, 4096);
	rr_buf_addstr(&sql, "SELECT t.organisation, sum(t.n) FROM trip_tally t");
	vfirst = where(&sql, NULL, v);
	rr_buf_addstr(&sql, " GROUP BY t.organisation HAVING sum(t.n) > 0 ORDER BY t.organisation");
	st = prepare(s, &sql, NULL, v, vfirst);
	rr_buf_free(&sql);
	if (!st || !res) {
		sqlite3_finalize(st);
		json_decref(res);
		return st ? RR_ENOMEM : RR_EDB;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (json_object_set_new(res, (const char *)sqlite3_column_text(st, 0),
					json_integer(sqlite3_column_int64(st, 1)))) {
			e = RR_ENOMEM;
			break;
		}
	if (!e && rc != SQLITE_DONE)
		e = rr_sqlite_fail(s, "trip counts");
	sqlite3_finalize(st);
	if (e)
		json_decref(res);
	else
		*out = res;
	return e;
}
