/* pg_agg.c - agg.h on PostgreSQL: sums over trip_tally and trip_place
 * (migration 9, agg_sql.h), never over the trips themselves. */
#include "agg_int.h"
#include "pg_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "../model/lifecycle.h"
#include "../model/record.h"
#include "../model/co2.h"
#include "../model/totals.h"
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

/* ---- what each trip adds to the totals (trip_fig, trip_fig_payer) ---- */

static int opt_int(rr_pg_params *p, int known, long long v)
{
	return known ? rr_pg_int(p, v) : rr_pg_str(p, NULL);
}

/* Writes the rows of trip; org: its body's record, or NULL. */
static rr_err fig_write(rr_store *s, const json_t *trip, const json_t *org)
{
	json_t *orgs = rr_co2_orgs_one(org), *payers = NULL, *pv;
	const char *id = rr_rec_str(trip, "id"), *o = rr_rec_str(trip, "organisation");
	rr_date d = rr_rec_date(trip, "start");
	rr_pg_params p = {0};
	char kg[40], sql[512];
	rr_trip_fig f;
	rr_err e;
	size_t i;

	rr_trip_figures(trip, (int)rr_rec_count(org, "report_period_days", RR_REPORT_PERIOD_DAYS),
			orgs, &f);
	json_decref(orgs);
	rr_pg_str(&p, id);
	if ((e = rr_pg_run(s, "DELETE FROM trip_fig_payer WHERE trip = $1", &p, "trip figures")) ||
	    (e = rr_pg_run(s, "DELETE FROM trip_fig WHERE trip = $1", &p, "trip figures")))
		return e;
	snprintf(kg, sizeof kg, "%.17g", f.co2_kg);
	p.n = 0;
	snprintf(sql, sizeof sql, "INSERT INTO trip_fig VALUES ($%d, $%d, $%d, $%d, $%d, $%d, $%d,"
		 " $%d, $%d, $%d, $%d, $%d, $%d, $%d, $%d, $%d, $%d, $%d)",
		 rr_pg_str(&p, id), rr_pg_str(&p, o), rr_pg_int(&p, rr_rec_bool(trip, "public")),
		 opt_int(&p, d.prec != RR_PREC_NONE, d.y), rr_pg_str(&p, rr_rec_str(trip, "start")),
		 rr_pg_int(&p, f.counts), rr_pg_int(&p, f.cancelled), rr_pg_int(&p, f.in),
		 rr_pg_int(&p, f.out), opt_int(&p, f.officials_known, f.officials),
		 opt_int(&p, f.est_known, f.est), opt_int(&p, f.act_known, f.act),
		 rr_pg_int(&p, f.paid_by_other), rr_pg_int(&p, f.co2_distance),
		 rr_pg_int(&p, f.train), rr_pg_str(&p, f.co2_known ? kg : NULL),
		 opt_int(&p, f.late_known, f.late_after),
		 opt_int(&p, f.unrecorded_known, f.unrecorded_after));
	if ((e = rr_pg_run(s, sql, &p, "trip figures")) || !f.paid_by_other)
		return e;
	payers = rr_trip_payers(trip);
	json_array_foreach(payers, i, pv) {
		p.n = 0;
		snprintf(sql, sizeof sql, "INSERT INTO trip_fig_payer VALUES ($%d, $%d, $%d, $%d,"
			 " $%d, $%d, $%d, $%d)", rr_pg_str(&p, id), rr_pg_int(&p, (long long)i),
			 rr_pg_str(&p, o), rr_pg_int(&p, rr_rec_bool(trip, "public")),
			 opt_int(&p, d.prec != RR_PREC_NONE, d.y),
			 rr_pg_str(&p, rr_rec_str(trip, "start")),
			 rr_pg_str(&p, json_string_value(json_array_get(pv, 0))),
			 opt_int(&p, (int)json_integer_value(json_array_get(pv, 1)),
				 json_integer_value(json_array_get(pv, 2))));
		if ((e = rr_pg_run(s, sql, &p, "trip payers")))
			break;
	}
	json_decref(payers);
	return e;
}

rr_err rr_pg_fig_put(rr_store *s, const json_t *trip)
{
	json_t *org = NULL;
	rr_err e = rr_pg_get(s, RR_K_ORGANISATION, rr_rec_str(trip, "organisation"),
			     &rr_viewer_system, &org);

	if (e && e != RR_ENOTFOUND)
		return e;
	e = fig_write(s, trip, org);
	json_decref(org);
	return e;
}

rr_err rr_pg_fig_org(rr_store *s, const json_t *org)
{
	rr_pg_params p = {0};
	PGresult *r;
	rr_err e = RR_OK;

	rr_pg_str(&p, rr_rec_str(org, "id"));
	if (!(r = rr_pg_query(s, "SELECT doc FROM trip WHERE organisation = $1", &p,
			      "trip figures of a body", &e)))
		return e;
	for (int i = 0; !e && i < PQntuples(r); i++) {
		json_t *t = NULL;
		if (!(e = rr_pg_doc(s, r, i, 0, &t)))
			e = fig_write(s, t, org);
		json_decref(t);
	}
	PQclear(r);
	return e;
}

rr_err rr_pg_fig_fill(rr_store *s)
{
	PGresult *r;
	rr_err e = RR_OK;

	if (!(r = rr_pg_query(s, "SELECT doc FROM organisation ORDER BY id", NULL, "trip figures",
			      &e)))
		return e;
	for (int i = 0; !e && i < PQntuples(r); i++) {
		json_t *o = NULL;
		if (!(e = rr_pg_doc(s, r, i, 0, &o)))
			e = rr_pg_fig_org(s, o);
		json_decref(o);
	}
	PQclear(r);
	return e;
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

/* a numeric sum of cents as rr_cents_add would leave it */
static long long cents_of(const char *v)
{
	char *end;
	long long c;

	errno = 0;
	c = strtoll(v, &end, 10);
	return errno == ERANGE || *end ? RR_CENTS_OVERFLOW : c;
}

static json_t *sums_row(PGresult *r, int i)
{
	json_t *o = json_object();
	static const char *const cols[] = {"organisation", "n", "cancelled", "in", "out",
		"officials", "officials_known", "est", "est_known", "act", "act_known", "others",
		"co2_any", "train", "co2_kg", "co2_known", "late", "not_recorded"};

	for (int c = 0; o && c < (int)(sizeof cols / sizeof cols[0]); c++) {
		const char *v = PQgetisnull(r, i, c) ? "0" : PQgetvalue(r, i, c);
		json_t *x = c == 0 ? text_or_null(r, i, 0) : c == 14 ? json_real(strtod(v, NULL)) :
			(c == 5 || c == 7 || c == 9) ? json_integer(cents_of(v)) :
			json_integer(atoll(v));
		if (json_object_set_new(o, cols[c], x)) {
			json_decref(o);
			return NULL;
		}
	}
	return o;
}

static json_t *payer_row(PGresult *r, int i)
{
	return json_pack("{s:o, s:o, s:b, s:I}", "organisation", text_or_null(r, i, 0),
			 "paid_by", text_or_null(r, i, 1), "known", !PQgetisnull(r, i, 2),
			 "cents", (json_int_t)(PQgetisnull(r, i, 2) ? 0 : atoll(PQgetvalue(r, i, 2))));
}

/* a sum of bigint cents (numeric: it does not run over), and the largest
 * integer when a value is RR_CENTS_OVERFLOW already */
#define CSUM(c) "CASE WHEN bool_or(" c " = 9223372036854775807) THEN 9223372036854775807" \
	" ELSE sum(" c ") END"

rr_err rr_pg_trip_sums(rr_store *s, const rr_viewer *v, int from, int to, long today,
		       json_t **sums, json_t **payers)
{
	rr_pg_params p = {0};
	rr_buf sql;
	rr_err e;

	*sums = *payers = NULL;
	rr_buf_init(&sql, 4096);
	rr_buf_printf(&sql, "SELECT t.organisation, sum(t.counts), sum(t.cancelled), sum(t.cin),"
		      " sum(t.cout), " CSUM("t.officials") ", count(t.officials),"
		      " " CSUM("t.est") ", count(t.est), " CSUM("t.act") ", count(t.act),"
		      " sum(t.paid_other), sum(t.co2_distance), sum(t.train), sum(t.co2_kg),"
		      " count(t.co2_kg), count(*) FILTER (WHERE t.late_after < %ld),"
		      " count(*) FILTER (WHERE t.unrecorded_after < %ld) FROM trip_fig t",
		      today, today);
	where(&sql, NULL, v, &p);
	period(&sql, from, to);
	rr_buf_addstr(&sql, " GROUP BY t.organisation ORDER BY t.organisation");
	if ((e = collect(s, &sql, &p, sums_row, "trip sums", sums)))
		goto out;
	rr_buf_reset(&sql);
	p.n = 0;
	/* in the order of rr_store_trips: the payers are listed as first met */
	rr_buf_addstr(&sql, "SELECT t.organisation, t.paid_by, t.cents FROM trip_fig_payer t");
	where(&sql, NULL, v, &p);
	period(&sql, from, to);
	rr_buf_addstr(&sql, " ORDER BY t.start_date DESC NULLS LAST, t.trip, t.seq");
	e = collect(s, &sql, &p, payer_row, "trip payers", payers);
out:
	rr_buf_free(&sql);
	if (e) {
		json_decref(*sums);
		*sums = NULL;
	}
	return e;
}
