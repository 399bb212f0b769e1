/* sqlite_agg.c - agg.h on SQLite: sums over trip_tally and trip_place
 * (migration 9, agg_sql.h), never over the trips themselves. */
#include "agg_int.h"
#include "sqlite_int.h"

#include "../model/lifecycle.h"
#include "../model/record.h"
#include "../model/co2.h"
#include "../model/totals.h"
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

/* ---- what each trip adds to the totals (trip_fig, trip_fig_payer) ---- */

static void bind_opt(sqlite3_stmt *st, int i, int known, long long v)
{
	if (known)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* Writes the rows of trip; org: its body's record, or NULL. */
static rr_err fig_write(rr_store *s, const json_t *trip, const json_t *org)
{
	json_t *orgs = rr_co2_orgs_one(org), *payers = NULL, *pv;
	const char *id = rr_rec_str(trip, "id");
	rr_date d = rr_rec_date(trip, "start");
	sqlite3_stmt *st;
	rr_trip_fig f;
	rr_err e;
	size_t i;

	rr_trip_figures(trip, (int)rr_rec_count(org, "report_period_days", RR_REPORT_PERIOD_DAYS),
			orgs, &f);
	json_decref(orgs);
	if (!(st = rr_sqlite_prepare(s, "DELETE FROM trip_fig_payer WHERE trip = ?1")))
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, id);
	if ((e = rr_sqlite_run(s, st, "trip figures")))
		return e;
	if (!(st = rr_sqlite_prepare(s, "INSERT OR REPLACE INTO trip_fig VALUES (?1, ?2, ?3, ?4,"
				     " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)")))
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, id);
	rr_sqlite_bind_str(st, 2, rr_rec_str(trip, "organisation"));
	sqlite3_bind_int(st, 3, rr_rec_bool(trip, "public"));
	bind_opt(st, 4, d.prec != RR_PREC_NONE, d.y);
	rr_sqlite_bind_str(st, 5, rr_rec_str(trip, "start"));
	sqlite3_bind_int(st, 6, f.counts);
	sqlite3_bind_int(st, 7, f.cancelled);
	sqlite3_bind_int(st, 8, f.in);
	sqlite3_bind_int(st, 9, f.out);
	bind_opt(st, 10, f.officials_known, f.officials);
	bind_opt(st, 11, f.est_known, f.est);
	bind_opt(st, 12, f.act_known, f.act);
	sqlite3_bind_int(st, 13, f.paid_by_other);
	sqlite3_bind_int(st, 14, f.co2_distance);
	sqlite3_bind_int(st, 15, f.train);
	if (f.co2_known)
		sqlite3_bind_double(st, 16, f.co2_kg);
	bind_opt(st, 17, f.late_known, f.late_after);
	bind_opt(st, 18, f.unrecorded_known, f.unrecorded_after);
	if ((e = rr_sqlite_run(s, st, "trip figures")) || !f.paid_by_other)
		return e;
	payers = rr_trip_payers(trip);
	json_array_foreach(payers, i, pv) {
		if (!(st = rr_sqlite_prepare(s, "INSERT INTO trip_fig_payer VALUES (?1, ?2, ?3, ?4,"
					     " ?5, ?6, ?7, ?8)"))) {
			e = RR_EDB;
			break;
		}
		rr_sqlite_bind_str(st, 1, id);
		sqlite3_bind_int64(st, 2, (long long)i);
		rr_sqlite_bind_str(st, 3, rr_rec_str(trip, "organisation"));
		sqlite3_bind_int(st, 4, rr_rec_bool(trip, "public"));
		bind_opt(st, 5, d.prec != RR_PREC_NONE, d.y);
		rr_sqlite_bind_str(st, 6, rr_rec_str(trip, "start"));
		rr_sqlite_bind_str(st, 7, json_string_value(json_array_get(pv, 0)));
		bind_opt(st, 8, (int)json_integer_value(json_array_get(pv, 1)),
			 json_integer_value(json_array_get(pv, 2)));
		if ((e = rr_sqlite_run(s, st, "trip payers")))
			break;
	}
	json_decref(payers);
	return e;
}

rr_err rr_sqlite_fig_put(rr_store *s, const json_t *trip)
{
	json_t *org = NULL;
	rr_err e = rr_sqlite_get(s, RR_K_ORGANISATION, rr_rec_str(trip, "organisation"),
				 &rr_viewer_system, &org);

	if (e && e != RR_ENOTFOUND)
		return e;
	e = fig_write(s, trip, org);
	json_decref(org);
	return e;
}

rr_err rr_sqlite_fig_org(rr_store *s, const json_t *org)
{
	sqlite3_stmt *st = rr_sqlite_prepare(s, "SELECT doc FROM trip WHERE organisation = ?1");
	rr_err e = RR_OK;
	int rc;

	if (!st)
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, rr_rec_str(org, "id"));
	while (!e && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_t *t = json_loads((const char *)sqlite3_column_text(st, 0), 0, NULL);
		e = t ? fig_write(s, t, org) : RR_EDB;
		json_decref(t);
	}
	if (!e && rc != SQLITE_DONE)
		e = rr_sqlite_fail(s, "trip figures of a body");
	sqlite3_finalize(st);
	return e;
}

rr_err rr_sqlite_fig_fill(rr_store *s)
{
	sqlite3_stmt *st = rr_sqlite_prepare(s, "SELECT doc FROM organisation ORDER BY id");
	rr_err e = RR_OK;
	int rc;

	if (!st)
		return RR_EDB;
	while (!e && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_t *o = json_loads((const char *)sqlite3_column_text(st, 0), 0, NULL);
		e = o ? rr_sqlite_fig_org(s, o) : RR_EDB;
		json_decref(o);
	}
	if (!e && rc != SQLITE_DONE)
		e = rr_sqlite_fail(s, "trip figures");
	sqlite3_finalize(st);
	return e;
}

/* rr_cents_sum(x): the sum of the non-null x as rr_cents_add adds them,
 * RR_CENTS_OVERFLOW when it would pass the largest integer (SQLite's
 * sum() fails instead) */
static void csum_step(sqlite3_context *c, int n, sqlite3_value **a)
{
	long long *sum;

	(void)n;
	if (sqlite3_value_type(a[0]) == SQLITE_NULL)
		return;
	if (!(sum = sqlite3_aggregate_context(c, sizeof *sum))) {
		sqlite3_result_error_nomem(c);
		return;
	}
	rr_cents_add(sum, sqlite3_value_int64(a[0]));
}

static void csum_final(sqlite3_context *c)
{
	long long *sum = sqlite3_aggregate_context(c, 0);
	sqlite3_result_int64(c, sum ? *sum : 0);
}

static rr_err csum_register(rr_store *s)
{
	sqlite3_stmt *st = NULL;

	/* once per connection: replacing a function is refused while
	 * statements run */
	if (sqlite3_prepare_v2(s->db, "SELECT rr_cents_sum(1)", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_finalize(st);
		return RR_OK;
	}
	if (sqlite3_create_function_v2(s->db, "rr_cents_sum", 1, SQLITE_UTF8 |
				       SQLITE_DETERMINISTIC, NULL, NULL, csum_step, csum_final,
				       NULL) != SQLITE_OK)
		return rr_sqlite_fail(s, "register rr_cents_sum");
	return RR_OK;
}

static json_t *sums_row(sqlite3_stmt *st)
{
	json_t *o = json_object();
	static const char *const cols[] = {"organisation", "n", "cancelled", "in", "out",
		"officials", "officials_known", "est", "est_known", "act", "act_known", "others",
		"co2_any", "train", "co2_kg", "co2_known", "late", "not_recorded"};

	for (int i = 0; o && i < (int)(sizeof cols / sizeof cols[0]); i++) {
		json_t *v = i == 0 ? text_or_null(st, 0) : i == 14 ?
			json_real(sqlite3_column_double(st, i)) :
			json_integer(sqlite3_column_int64(st, i));
		if (json_object_set_new(o, cols[i], v)) {
			json_decref(o);
			return NULL;
		}
	}
	return o;
}

static json_t *payer_row(sqlite3_stmt *st)
{
	return json_pack("{s:o, s:o, s:b, s:I}", "organisation", text_or_null(st, 0),
			 "paid_by", text_or_null(st, 1),
			 "known", sqlite3_column_type(st, 2) != SQLITE_NULL,
			 "cents", (json_int_t)sqlite3_column_int64(st, 2));
}

/* " AND the year in [from, to]" as compare's in_period */
static void period(rr_buf *sql, int from, int to)
{
	if (!from && !to)
		return;
	rr_buf_addstr(sql, " AND t.year IS NOT NULL");
	if (from)
		rr_buf_printf(sql, " AND t.year >= %d", from);
	if (to)
		rr_buf_printf(sql, " AND t.year <= %d", to);
}

rr_err rr_sqlite_trip_sums(rr_store *s, const rr_viewer *v, int from, int to, long today,
			   json_t **sums, json_t **payers)
{
	sqlite3_stmt *st;
	rr_buf sql;
	int vfirst;
	rr_err e;

	*sums = *payers = NULL;
	if ((e = csum_register(s)))
		return e;
	rr_buf_init(&sql, 4096);
	rr_buf_printf(&sql, "SELECT t.organisation, sum(t.counts), sum(t.cancelled), sum(t.cin),"
		      " sum(t.cout), rr_cents_sum(t.officials), count(t.officials),"
		      " rr_cents_sum(t.est), count(t.est), rr_cents_sum(t.act), count(t.act),"
		      " sum(t.paid_other), sum(t.co2_distance), sum(t.train), total(t.co2_kg),"
		      " count(t.co2_kg), sum(t.late_after < %ld), sum(t.unrecorded_after < %ld)"
		      " FROM trip_fig t", today, today);
	vfirst = where(&sql, NULL, v);
	period(&sql, from, to);
	rr_buf_addstr(&sql, " GROUP BY t.organisation ORDER BY t.organisation");
	st = prepare(s, &sql, NULL, v, vfirst);
	if (!st) {
		rr_buf_free(&sql);
		return RR_EDB;
	}
	if ((e = collect(s, st, sums_row, "trip sums", sums)))
		goto out;
	rr_buf_reset(&sql);
	/* in the order of rr_store_trips: the payers are listed as first met */
	rr_buf_addstr(&sql, "SELECT t.organisation, t.paid_by, t.cents FROM trip_fig_payer t");
	vfirst = where(&sql, NULL, v);
	period(&sql, from, to);
	rr_buf_addstr(&sql, " ORDER BY t.start_date DESC, t.trip, t.seq");
	if (!(st = prepare(s, &sql, NULL, v, vfirst))) {
		e = RR_EDB;
		goto out;
	}
	e = collect(s, st, payer_row, "trip payers", payers);
out:
	rr_buf_free(&sql);
	if (e) {
		json_decref(*sums);
		*sums = NULL;
	}
	return e;
}
