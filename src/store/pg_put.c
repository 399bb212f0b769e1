/* pg_put.c - writing records on PostgreSQL: the document plus the columns
 * and child rows derive.h derives from it, in the caller's transaction. */
#include "agg_int.h"
#include "pg_int.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../model/record.h"

static void now_iso(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The stored document of id (a malloc'd copy in *out), or NULL if none. */
static rr_err old_doc(rr_store *s, rr_kind k, const char *id, char **out)
{
	char sql[96];
	rr_pg_params p = {0};
	PGresult *r;
	rr_err e;

	*out = NULL;
	snprintf(sql, sizeof sql, "SELECT doc FROM %s WHERE id = $%d", rr_derive_table(k),
		 rr_pg_str(&p, id));
	if (!(r = rr_pg_query(s, sql, &p, "read before write", &e)))
		return e;
	if (PQntuples(r) == 1 && !(*out = strdup(PQgetvalue(r, 0, 0))))
		e = RR_ENOMEM;
	PQclear(r);
	return e;
}

/* INSERT ... ON CONFLICT (id) DO UPDATE of the record's row: the row stays
 * in place, and with it its child rows' parent. */
static rr_err put_row(rr_store *s, rr_kind k, const json_t *rec, const char *id,
		      const char *doc, const char *now)
{
	rr_col cols[RR_DERIVE_MAX_COLS];
	size_t n = rr_derive_columns(k, rec, cols);
	rr_pg_params p = {0};
	rr_buf sql;
	rr_err e;

	rr_buf_init(&sql, 4096);
	rr_buf_printf(&sql, "INSERT INTO %s (id, doc, updated_at", rr_derive_table(k));
	for (size_t i = 0; i < n; i++)
		rr_buf_printf(&sql, ", %s", cols[i].name);
	rr_buf_printf(&sql, ") VALUES ($%d, $%d, $%d", rr_pg_str(&p, id), rr_pg_str(&p, doc),
		      rr_pg_str(&p, now));
	for (size_t i = 0; i < n; i++)
		rr_buf_printf(&sql, ", $%d", rr_pg_col(&p, &cols[i]));
	rr_buf_addstr(&sql, ") ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc, "
			    "updated_at = EXCLUDED.updated_at");
	for (size_t i = 0; i < n; i++)
		rr_buf_printf(&sql, ", %s = EXCLUDED.%s", cols[i].name, cols[i].name);
	{
		PGresult *r = rr_pg_query_buf(s, &sql, &p, rr_derive_table(k), &e);
		PQclear(r);
	}
	rr_buf_free(&sql);
	return e;
}

/* Appends one child row's "($1, $n, ...)" to sql, binding its values. */
static void child_values(rr_buf *sql, rr_pg_params *p, const rr_child_table *ct,
			 const json_t *el, size_t i, int first)
{
	rr_col cols[4];
	size_t n = rr_derive_child(ct, el, cols);

	rr_buf_printf(sql, "%s($1", first ? "" : ", ");
	if (ct->seq)
		rr_buf_printf(sql, ", $%d", rr_pg_int(p, (long long)i));
	for (size_t k = 0; k < n; k++)
		rr_buf_printf(sql, ", $%d", rr_pg_col(p, &cols[k]));
	rr_buf_addc(sql, ')');
}

/* Replaces trip t's rows of one child table: a new trip has none to
 * delete; the rows go in as few INSERTs as the parameter limit allows. */
static rr_err put_child_table(rr_store *s, const json_t *t, const char *id, int fresh,
			      const rr_child_table *ct)
{
	const json_t *list = json_object_get(t, ct->list);
	size_t n = json_array_size(list), per_row = 1 + (size_t)ct->seq, i = 0;
	rr_pg_params p = {0};
	rr_err e = RR_OK;

	for (size_t k = 0; k < 4 && ct->cols[k]; k++)
		per_row++;
	if (!fresh) {
		char del[96];
		snprintf(del, sizeof del, "DELETE FROM %s WHERE trip = $%d", ct->table,
			 rr_pg_str(&p, id));
		if ((e = rr_pg_run(s, del, &p, "clear trip rows")))
			return e;
	}
	while (i < n && !e) {
		rr_buf sql;
		size_t rows = 0;

		p.n = 0;
		rr_pg_str(&p, id);
		rr_buf_init(&sql, 16384);
		rr_buf_printf(&sql, "INSERT INTO %s (trip%s", ct->table, ct->seq ? ", seq" : "");
		for (size_t k = 0; k < 4 && ct->cols[k]; k++)
			rr_buf_printf(&sql, ", %s", ct->cols[k]);
		rr_buf_addstr(&sql, ") VALUES ");
		for (; i < n && p.n + (int)per_row <= RR_PG_MAX_PARAMS; i++, rows++)
			child_values(&sql, &p, ct, json_array_get(list, i), i, rows == 0);
		rr_buf_addstr(&sql, " ON CONFLICT DO NOTHING");
		PQclear(rr_pg_query_buf(s, &sql, &p, ct->list, &e));
		rr_buf_free(&sql);
	}
	return e;
}

static rr_err put_children(rr_store *s, const json_t *t, const char *id, int fresh)
{
	rr_err e;
	for (size_t c = 0; c < rr_trip_children_count; c++)
		if ((e = put_child_table(s, t, id, fresh, &rr_trip_children[c])))
			return e;
	return RR_OK;
}

rr_err rr_pg_audit_add(rr_store *s, rr_kind k, const char *id, const char *org,
		       const char *before, const char *after)
{
	rr_pg_params p = {0};
	char now[32];

	now_iso(now);
	rr_pg_str(&p, now);
	rr_pg_str(&p, s->actor[0] ? s->actor : "system");
	rr_pg_str(&p, !before ? "create" : !after ? "delete" : "update");
	rr_pg_str(&p, rr_kind_get(k)->singular);
	rr_pg_str(&p, id);
	rr_pg_str(&p, org);
	rr_pg_str(&p, before);
	rr_pg_str(&p, after);
	return rr_pg_run(s, "INSERT INTO audit (at, actor, action, kind, record, organisation, "
			    "before, after) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", &p, "audit");
}

rr_err rr_pg_put(rr_store *s, rr_kind k, const json_t *rec, rr_put_result *res, rr_diag *d)
{
	char *doc = NULL, *before = NULL, now[32];
	const char *id;
	rr_err e = rr_store_put_begin(s, k, rec, d, &id, &doc);

	if (e == RR_ECONFLICT || e == RR_EINVAL)
		return e;
	if (e || (e = old_doc(s, k, id, &before)))
		goto out;
	if (res)
		*res = !before ? RR_PUT_CREATED : strcmp(before, doc) ? RR_PUT_UPDATED
								: RR_PUT_UNCHANGED;
	if (before && !strcmp(before, doc))
		goto out; /* unchanged: nothing to write, nothing to log */
	now_iso(now);
	e = put_row(s, k, rec, id, doc, now);
	if (!e && k == RR_K_TRIP)
		e = put_children(s, rec, id, before == NULL);
	if (!e && k == RR_K_TRIP)
		e = rr_pg_search_put(s, rec);
	/* what the trip adds to the totals, or a body's trips again (agg.h) */
	if (!e && k == RR_K_TRIP)
		e = rr_pg_fig_put(s, rec);
	if (!e && k == RR_K_ORGANISATION)
		e = rr_pg_fig_org(s, rec);
	if (!e)
		e = rr_pg_audit_add(s, k, id, rr_rec_str(rec, "organisation"), before, doc);
out:
	if (e == RR_EDB || e == RR_EUNAVAIL)
		rr_diag_add(d, "%s %s: storing failed: %s", rr_kind_get(k)->singular, id, s->errmsg);
	free(doc);
	free(before);
	return e;
}

rr_err rr_pg_delete(rr_store *s, rr_kind k, const char *id)
{
	char sql[96], *before = NULL;
	rr_pg_params p = {0};
	rr_err e;

	if (!s->in_txn || k >= RR_K_COUNT)
		return RR_ECONFLICT;
	if ((e = old_doc(s, k, id, &before)))
		return e;
	if (!before)
		return RR_ENOTFOUND;
	/* the search row and child rows go with the trip (ON DELETE CASCADE) */
	snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id = $%d", rr_derive_table(k),
		 rr_pg_str(&p, id));
	if (!(e = rr_pg_run(s, sql, &p, "delete"))) {
		json_error_t je;
		json_t *old = json_loads(before, 0, &je);
		e = rr_pg_audit_add(s, k, id, old ? rr_rec_str(old, "organisation") : NULL, before,
				    NULL);
		json_decref(old);
	}
	free(before);
	return e;
}
