/* sqlite_put.c - writing records: the document plus the columns and child
 * rows derived from it, in the caller's transaction. */
#include "agg_int.h"
#include "sqlite_int.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../model/doc.h"
#include "../model/record.h"

static void now_iso(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int year_of(const json_t *rec, const char *key)
{
	rr_date d = rr_rec_date(rec, key);
	return d.prec ? d.y : 0;
}

static void bind_year(sqlite3_stmt *st, int i, int y)
{
	if (y)
		sqlite3_bind_int(st, i, y);
	else
		sqlite3_bind_null(st, i);
}

static void bind_cents(sqlite3_stmt *st, int i, const json_t *v)
{
	if (v)
		sqlite3_bind_int64(st, i, rr_amount_cents(v));
	else
		sqlite3_bind_null(st, i);
}

/* The lists inside a trip that are kept as child rows, as data: the SQL
 * takes ?1 trip, ?2 position, ?3... the columns, each the element's field
 * (NULL: the element itself, a string) or its amount in cents. */
typedef struct child_col {
	const char *field;
	int cents;
} child_col;

static const struct child_table {
	const char *list, *del, *ins;
	child_col cols[4];
} children[] = {
	{"destinations", "DELETE FROM trip_destination WHERE trip = ?1",
	 "INSERT INTO trip_destination (trip, seq, country, city) VALUES (?1, ?2, ?3, ?4)",
	 {{"country", 0}, {"city", 0}}},
	{"travellers", "DELETE FROM trip_traveller WHERE trip = ?1",
	 "INSERT INTO trip_traveller (trip, seq, name, role, person) VALUES (?1, ?2, ?3, ?4, ?5)",
	 {{"name", 0}, {"role", 0}, {"person", 0}}},
	{"costs", "DELETE FROM trip_cost WHERE trip = ?1",
	 "INSERT INTO trip_cost (trip, seq, category, amount_cents, kind, paid_by) "
	 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	 {{"category", 0}, {"amount_eur", 1}, {"kind", 0}, {"paid_by", 0}}},
	{"themes", "DELETE FROM trip_theme WHERE trip = ?1",
	 "INSERT OR IGNORE INTO trip_theme (trip, theme) VALUES (?1, ?3)",
	 {{NULL, 0}}},
};

/* Replaces one child table's rows of trip t: one statement, reset per row. */
static rr_err put_child_rows(rr_store *s, const json_t *t, const struct child_table *c)
{
	const char *id = rr_rec_str(t, "id");
	sqlite3_stmt *st;
	json_t *el;
	size_t i;
	rr_err e;

	if (!(st = rr_sqlite_prepare(s, c->del)))
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, id);
	if ((e = rr_sqlite_run(s, st, "clear trip rows")))
		return e;
	if (!json_array_size(json_object_get(t, c->list)))
		return RR_OK;
	if (!(st = rr_sqlite_prepare(s, c->ins)))
		return RR_EDB;
	json_array_foreach(json_object_get(t, c->list), i, el) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		rr_sqlite_bind_str(st, 1, id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		for (int k = 0; k < 4 && (k == 0 || c->cols[k].field); k++) {
			const child_col *col = &c->cols[k];
			if (col->cents)
				bind_cents(st, 3 + k, json_object_get(el, col->field));
			else
				rr_sqlite_bind_str(st, 3 + k, col->field ? rr_rec_str(el, col->field)
									 : json_string_value(el));
		}
		if (sqlite3_step(st) != SQLITE_DONE) {
			e = rr_sqlite_fail(s, c->list);
			sqlite3_finalize(st);
			return e;
		}
	}
	sqlite3_finalize(st);
	return RR_OK;
}

static rr_err put_trip_children(rr_store *s, const json_t *t)
{
	rr_err e;
	for (size_t i = 0; i < sizeof children / sizeof children[0]; i++)
		if ((e = put_child_rows(s, t, &children[i])))
			return e;
	return RR_OK;
}

/* Each kind's row: SQL with ?1 id, ?2 doc, ?3 updated_at, then its own. */
static sqlite3_stmt *row_stmt(rr_store *s, rr_kind k, const json_t *r)
{
	sqlite3_stmt *st = NULL;
	rr_date start;

	switch (k) {
	case RR_K_ORGANISATION:
		st = rr_sqlite_prepare(s, "INSERT OR REPLACE INTO organisation (id, doc, updated_at, "
					  "name, kind, country) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
		if (!st)
			return NULL;
		rr_sqlite_bind_str(st, 4, rr_rec_str(r, "name"));
		rr_sqlite_bind_str(st, 5, rr_rec_str(r, "kind"));
		rr_sqlite_bind_str(st, 6, rr_rec_str(r, "country"));
		break;
	case RR_K_PERSON:
		st = rr_sqlite_prepare(s, "INSERT OR REPLACE INTO person (id, doc, updated_at, name, "
					  "organisation) VALUES (?1, ?2, ?3, ?4, ?5)");
		if (!st)
			return NULL;
		rr_sqlite_bind_str(st, 4, rr_rec_str(r, "name"));
		rr_sqlite_bind_str(st, 5, rr_rec_str(r, "organisation"));
		break;
	case RR_K_PARTNERSHIP:
		st = rr_sqlite_prepare(s, "INSERT OR REPLACE INTO partnership (id, doc, updated_at, "
					  "organisation, type, partner_name, partner_country, since, public, year) "
					  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
		if (!st)
			return NULL;
		rr_sqlite_bind_str(st, 4, rr_rec_str(r, "organisation"));
		rr_sqlite_bind_str(st, 5, rr_rec_str(r, "type"));
		rr_sqlite_bind_str(st, 6, rr_rec_str(json_object_get(r, "partner"), "name"));
		rr_sqlite_bind_str(st, 7, rr_rec_str(json_object_get(r, "partner"), "country"));
		rr_sqlite_bind_str(st, 8, rr_rec_str(r, "since"));
		sqlite3_bind_int(st, 9, rr_rec_bool(r, "public"));
		bind_year(st, 10, year_of(r, "since"));
		break;
	case RR_K_DOCUMENT:
		st = rr_sqlite_prepare(s, "INSERT OR REPLACE INTO document (id, doc, updated_at, "
					  "organisation, title, kind, sha256, public, year) "
					  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
		if (!st)
			return NULL;
		rr_sqlite_bind_str(st, 4, rr_rec_str(r, "organisation"));
		rr_sqlite_bind_str(st, 5, rr_rec_str(r, "title"));
		rr_sqlite_bind_str(st, 6, rr_rec_str(r, "kind"));
		rr_sqlite_bind_str(st, 7, rr_rec_str(r, "sha256"));
		sqlite3_bind_int(st, 8, rr_rec_bool(r, "public"));
		bind_year(st, 9, year_of(r, "date"));
		break;
	case RR_K_TRIP:
		/* UPSERT keeps the row (and its child rows' parent) in place */
		st = rr_sqlite_prepare(s, "INSERT INTO trip (id, doc, updated_at, organisation, "
			"title, kind, direction, status, public, start_date, end_date, year, "
			"partnership, third_party_paid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
			"?10, ?11, ?12, ?13, ?14) ON CONFLICT (id) DO UPDATE SET doc = ?2, "
			"updated_at = ?3, organisation = ?4, title = ?5, kind = ?6, direction = ?7, "
			"status = ?8, public = ?9, start_date = ?10, end_date = ?11, year = ?12, "
			"partnership = ?13, third_party_paid = ?14");
		if (!st)
			return NULL;
		start = rr_rec_date(r, "start");
		rr_sqlite_bind_str(st, 4, rr_rec_str(r, "organisation"));
		rr_sqlite_bind_str(st, 5, rr_rec_str(r, "title"));
		rr_sqlite_bind_str(st, 6, rr_rec_str(r, "kind"));
		rr_sqlite_bind_str(st, 7, rr_rec_str(r, "direction"));
		rr_sqlite_bind_str(st, 8, rr_rec_str(r, "status"));
		sqlite3_bind_int(st, 9, rr_rec_bool(r, "public"));
		rr_sqlite_bind_str(st, 10, rr_rec_str(r, "start"));
		rr_sqlite_bind_str(st, 11, rr_rec_str(r, "end"));
		bind_year(st, 12, start.prec ? start.y : 0);
		rr_sqlite_bind_str(st, 13, rr_rec_str(r, "partnership"));
		sqlite3_bind_int(st, 14, rr_trip_paid_by_other(r));
		break;
	case RR_K_RESULT:
		st = rr_sqlite_prepare(s, "INSERT OR REPLACE INTO result (id, doc, updated_at, "
			"organisation, type, theme, amount_cents, jobs, date, year, trip, partnership, "
			"public) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
		if (!st)
			return NULL;
		rr_sqlite_bind_str(st, 4, rr_rec_str(r, "organisation"));
		rr_sqlite_bind_str(st, 5, rr_rec_str(r, "type"));
		rr_sqlite_bind_str(st, 6, rr_rec_str(r, "theme"));
		bind_cents(st, 7, json_object_get(r, "amount_eur"));
		if (json_object_get(r, "jobs"))
			sqlite3_bind_int64(st, 8, rr_rec_count(r, "jobs", 0));
		rr_sqlite_bind_str(st, 9, rr_rec_str(r, "date"));
		bind_year(st, 10, year_of(r, "date"));
		rr_sqlite_bind_str(st, 11, rr_rec_str(r, "trip"));
		rr_sqlite_bind_str(st, 12, rr_rec_str(r, "partnership"));
		sqlite3_bind_int(st, 13, rr_rec_bool(r, "public"));
		break;
	case RR_K_GIFT:
		st = rr_sqlite_prepare(s, "INSERT OR REPLACE INTO gift (id, doc, updated_at, "
			"organisation, date, year, value_cents, trip, public) "
			"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
		if (!st)
			return NULL;
		rr_sqlite_bind_str(st, 4, rr_rec_str(r, "organisation"));
		rr_sqlite_bind_str(st, 5, rr_rec_str(r, "date"));
		bind_year(st, 6, year_of(r, "date"));
		bind_cents(st, 7, json_object_get(r, "value_eur"));
		rr_sqlite_bind_str(st, 8, rr_rec_str(r, "trip"));
		sqlite3_bind_int(st, 9, rr_rec_bool(r, "public"));
		break;
	default:
		return NULL;
	}
	return st;
}

/* The stored document of id (a malloc'd copy in *out), or NULL if none. */
static rr_err old_doc(rr_store *s, rr_kind k, const char *id, char **out)
{
	char sql[96];
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	snprintf(sql, sizeof sql, "SELECT doc FROM %s WHERE id = ?1", rr_sqlite_table(k));
	if (!(st = rr_sqlite_prepare(s, sql)))
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && !(*out = strdup((const char *)sqlite3_column_text(st, 0)))) {
		sqlite3_finalize(st);
		return RR_ENOMEM;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return rr_sqlite_fail(s, "read before write");
	return RR_OK;
}

rr_err rr_sqlite_put(rr_store *s, rr_kind k, const json_t *rec, rr_put_result *res,
		    rr_diag *d)
{
	sqlite3_stmt *st = NULL;
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
	if (!(st = row_stmt(s, k, rec))) {
		e = RR_EDB;
		goto out;
	}
	rr_sqlite_bind_str(st, 1, id);
	rr_sqlite_bind_str(st, 2, doc);
	rr_sqlite_bind_str(st, 3, now);
	e = rr_sqlite_run(s, st, rr_sqlite_table(k));
	st = NULL;
	if (!e && k == RR_K_TRIP)
		e = put_trip_children(s, rec);
	if (!e && k == RR_K_TRIP)
		e = rr_sqlite_fts_put(s, id);
	/* what the trip adds to the totals, or a body's trips again (agg.h) */
	if (!e && k == RR_K_TRIP)
		e = rr_sqlite_fig_put(s, rec);
	if (!e && k == RR_K_ORGANISATION)
		e = rr_sqlite_fig_org(s, rec);
	if (!e)
		e = rr_sqlite_audit(s, k, id, rr_rec_str(rec, "organisation"), before, doc);
out:
	if (e == RR_EDB || e == RR_EUNAVAIL)
		rr_diag_add(d, "%s %s: storing failed: %s", rr_kind_get(k)->singular, id, s->errmsg);
	free(doc);
	free(before);
	return e;
}

rr_err rr_sqlite_delete(rr_store *s, rr_kind k, const char *id)
{
	char sql[96], *before = NULL;
	sqlite3_stmt *st;
	rr_err e;

	if (!s->in_txn || k >= RR_K_COUNT)
		return RR_ECONFLICT;
	if (k == RR_K_TRIP && (e = rr_sqlite_fts_delete(s, id)))
		return e;
	if ((e = old_doc(s, k, id, &before)))
		return e;
	if (!before)
		return RR_ENOTFOUND;
	snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id = ?1", rr_sqlite_table(k));
	if (!(st = rr_sqlite_prepare(s, sql))) {
		free(before);
		return RR_EDB;
	}
	rr_sqlite_bind_str(st, 1, id);
	if (!(e = rr_sqlite_run(s, st, "delete"))) {
		json_error_t je;
		json_t *old = json_loads(before, 0, &je);
		e = rr_sqlite_audit(s, k, id, old ? rr_rec_str(old, "organisation") : NULL, before, NULL);
		json_decref(old);
	}
	free(before);
	return e;
}
