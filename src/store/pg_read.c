/* pg_read.c - reading records on PostgreSQL; visibility by rr_pg_visible
 * (pg.c), the same rule as SQLite's. */
#include "pg_int.h"

#include <stdio.h>
#include <stdlib.h>

/* Every row's doc (column 0) of r into a new array. */
static rr_err collect(rr_store *s, PGresult *r, json_t **out)
{
	json_t *arr = json_array(), *doc;
	rr_err e = RR_OK;

	for (int i = 0; i < PQntuples(r); i++) {
		if ((e = rr_pg_doc(s, r, i, 0, &doc)))
			break;
		json_array_append_new(arr, doc);
	}
	PQclear(r);
	if (e) {
		json_decref(arr);
		arr = NULL;
	}
	*out = arr;
	return e;
}

rr_err rr_pg_get(rr_store *s, rr_kind k, const char *id, const rr_viewer *v, json_t **out)
{
	rr_pg_params p = {0};
	rr_buf sql;
	PGresult *r;
	rr_err e;

	*out = NULL;
	if (k >= RR_K_COUNT)
		return RR_EINVAL;
	rr_buf_init(&sql, 4096);
	rr_buf_printf(&sql, "SELECT r.doc FROM %s r WHERE r.id = $%d", rr_derive_table(k),
		      rr_pg_str(&p, id));
	rr_pg_visible(&sql, k, "r", v, &p);
	r = rr_pg_query_buf(s, &sql, &p, "get", &e);
	rr_buf_free(&sql);
	if (!r)
		return e;
	e = PQntuples(r) ? rr_pg_doc(s, r, 0, 0, out) : RR_ENOTFOUND;
	PQclear(r);
	return e;
}

rr_err rr_pg_exists(rr_store *s, rr_kind k, const char *id, bool *yes)
{
	char sql[96];
	rr_pg_params p = {0};
	PGresult *r;
	rr_err e;

	*yes = false;
	if (k >= RR_K_COUNT)
		return RR_EINVAL;
	snprintf(sql, sizeof sql, "SELECT 1 FROM %s WHERE id = $%d", rr_derive_table(k),
		 rr_pg_str(&p, id));
	if (!(r = rr_pg_query(s, sql, &p, "exists", &e)))
		return e;
	*yes = PQntuples(r) > 0;
	PQclear(r);
	return RR_OK;
}

rr_err rr_pg_list(rr_store *s, rr_kind k, const char *organisation, int year,
		  const rr_viewer *v, json_t **out)
{
	rr_pg_params p = {0};
	rr_buf sql;
	PGresult *r;
	rr_err e;

	*out = NULL;
	if (k >= RR_K_COUNT)
		return RR_EINVAL;
	rr_buf_init(&sql, 4096);
	rr_buf_printf(&sql, "SELECT r.doc FROM %s r WHERE TRUE", rr_derive_table(k));
	if (organisation && k != RR_K_ORGANISATION && k != RR_K_PERSON)
		rr_buf_printf(&sql, " AND r.organisation = $%d", rr_pg_str(&p, organisation));
	else if (organisation && k == RR_K_ORGANISATION)
		rr_buf_printf(&sql, " AND r.id = $%d", rr_pg_str(&p, organisation));
	if (year && (k == RR_K_TRIP || k == RR_K_RESULT || k == RR_K_GIFT))
		rr_buf_printf(&sql, " AND r.year = $%d", rr_pg_int(&p, year));
	rr_pg_visible(&sql, k, "r", v, &p);
	rr_buf_addstr(&sql, " ORDER BY r.id");
	r = rr_pg_query_buf(s, &sql, &p, "list", &e);
	rr_buf_free(&sql);
	if (!r)
		return e;
	return collect(s, r, out);
}

rr_err rr_pg_trips(rr_store *s, const rr_trip_query *q, const rr_viewer *v, json_t **out,
		   size_t *total)
{
	rr_pg_params p = {0};
	rr_buf where, sql;
	PGresult *r = NULL;
	rr_err e = RR_OK;

	*out = NULL;
	rr_buf_init(&where, 8192);
	rr_buf_init(&sql, 16384);
	rr_buf_addstr(&where, " FROM trip t WHERE TRUE");
	if (q->organisation)
		rr_buf_printf(&where, " AND t.organisation = $%d", rr_pg_str(&p, q->organisation));
	if (q->year)
		rr_buf_printf(&where, " AND t.year = $%d", rr_pg_int(&p, q->year));
	if (q->country)
		rr_buf_printf(&where, " AND EXISTS (SELECT 1 FROM trip_destination d WHERE "
			      "d.trip = t.id AND d.country = $%d)", rr_pg_str(&p, q->country));
	if (q->person) {
		int n = rr_pg_str(&p, q->person);
		rr_buf_printf(&where, " AND EXISTS (SELECT 1 FROM trip_traveller x WHERE "
			      "x.trip = t.id AND (x.person = $%d OR x.name = $%d))", n, n);
	}
	if (q->kind)
		rr_buf_printf(&where, " AND t.kind = $%d", rr_pg_str(&p, q->kind));
	if (q->direction)
		rr_buf_printf(&where, " AND t.direction = $%d", rr_pg_str(&p, q->direction));
	if (q->partnership)
		rr_buf_printf(&where, " AND t.partnership = $%d", rr_pg_str(&p, q->partnership));
	if (q->third_party_paid)
		rr_buf_addstr(&where, " AND t.third_party_paid = 1");
	rr_pg_visible(&where, RR_K_TRIP, "t", v, &p);

	if (total) {
		rr_buf_printf(&sql, "SELECT count(*)%s", rr_buf_cstr(&where));
		if (!(r = rr_pg_query_buf(s, &sql, &p, "count trips", &e)))
			goto out;
		*total = (size_t)strtoull(PQgetvalue(r, 0, 0), NULL, 10);
		PQclear(r);
		rr_buf_reset(&sql);
	}
	/* SQLite sorts NULL first: an unknown start is oldest, last here too */
	rr_buf_printf(&sql, "SELECT t.doc%s ORDER BY t.start_date DESC NULLS LAST, t.id",
		      rr_buf_cstr(&where));
	if (q->limit)
		rr_buf_printf(&sql, " LIMIT %zu OFFSET %zu", q->limit, q->offset);
	if ((r = rr_pg_query_buf(s, &sql, &p, "trips", &e)))
		e = collect(s, r, out);
out:
	rr_buf_free(&where);
	rr_buf_free(&sql);
	return e;
}

rr_err rr_pg_each(rr_store *s, rr_kind k, const char *organisation, int year,
		  const rr_viewer *v, rr_each_fn fn, void *ctx)
{
	json_t *all = NULL, *rec;
	size_t i;
	rr_err e;

	/* libpq holds a whole result in memory anyway; the records are parsed
	 * here together (a cursor in pages would bound that: not yet) */
	if ((e = rr_pg_list(s, k, organisation, year, v, &all)))
		return e;
	json_array_foreach(all, i, rec)
		if ((e = fn(ctx, rec)))
			break;
	json_decref(all);
	return e;
}
