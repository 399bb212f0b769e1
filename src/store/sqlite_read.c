/* sqlite_read.c - reading records. Visibility is decided in visible(), the
 * one place that knows who may see unpublished records. */
#include "sqlite_int.h"

#include <stdio.h>
#include <string.h>

#include "../model/doc.h"
#include "../util/buf.h"

/* Kinds without a public flag (bodies, people) are reference data: always
 * visible. Others: public, or of a body the viewer may read. Appends an SQL
 * condition on alias.public / alias.organisation; binds start at *next. */
static void visible(rr_buf *sql, rr_kind k, const char *alias, const rr_viewer *v,
		    int *next)
{
	if (k == RR_K_ORGANISATION || k == RR_K_PERSON || v->all) {
		rr_buf_addstr(sql, " AND 1");
		return;
	}
	rr_buf_printf(sql, " AND (%s.public = 1", alias);
	if (v->norgs) {
		rr_buf_printf(sql, " OR %s.organisation IN (", alias);
		for (size_t i = 0; i < v->norgs; i++)
			rr_buf_printf(sql, "%s?%d", i ? ", " : "", (*next)++);
		rr_buf_addstr(sql, ")");
	}
	rr_buf_addstr(sql, ")");
}

static void bind_visible(sqlite3_stmt *st, rr_kind k, const rr_viewer *v, int first)
{
	if (k == RR_K_ORGANISATION || k == RR_K_PERSON || v->all)
		return;
	for (size_t i = 0; i < v->norgs; i++)
		rr_sqlite_bind_str(st, first + (int)i, v->orgs[i]);
}

void rr_sqlite_visible(rr_buf *sql, rr_kind k, const char *alias, const rr_viewer *v, int *next)
{
	visible(sql, k, alias, v, next);
}

void rr_sqlite_bind_visible(sqlite3_stmt *st, rr_kind k, const rr_viewer *v, int first)
{
	bind_visible(st, k, v, first);
}

static rr_err load_doc(rr_store *s, sqlite3_stmt *st, int col, json_t **out)
{
	json_error_t je;
	const char *txt = (const char *)sqlite3_column_text(st, col);
	*out = txt ? json_loads(txt, 0, &je) : NULL;
	if (!*out) {
		snprintf(s->errmsg, sizeof s->errmsg, "stored document unreadable: %s",
			 txt ? je.text : "NULL");
		return RR_EDB;
	}
	return RR_OK;
}

/* Runs st and appends every row's doc (column 0) to a new array. */
static rr_err collect(rr_store *s, sqlite3_stmt *st, json_t **out)
{
	json_t *arr = json_array(), *doc;
	int rc;
	rr_err e = RR_OK;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((e = load_doc(s, st, 0, &doc)))
			break;
		json_array_append_new(arr, doc);
	}
	if (!e && rc != SQLITE_DONE)
		e = rr_sqlite_fail(s, "read");
	sqlite3_finalize(st);
	if (e) {
		json_decref(arr);
		arr = NULL;
	}
	*out = arr;
	return e;
}

static sqlite3_stmt *prepare_buf(rr_store *s, rr_buf *sql)
{
	sqlite3_stmt *st;
	if (rr_buf_err(sql)) {
		snprintf(s->errmsg, sizeof s->errmsg, "query too long");
		return NULL;
	}
	st = rr_sqlite_prepare(s, rr_buf_cstr(sql));
	return st;
}

rr_err rr_sqlite_get(rr_store *s, rr_kind k, const char *id, const rr_viewer *v,
		    json_t **out)
{
	rr_buf sql;
	sqlite3_stmt *st;
	int next = 2, rc;
	rr_err e;

	*out = NULL;
	if (k >= RR_K_COUNT)
		return RR_EINVAL;
	rr_buf_init(&sql, 4096);
	rr_buf_printf(&sql, "SELECT r.doc FROM %s r WHERE r.id = ?1", rr_sqlite_table(k));
	visible(&sql, k, "r", v, &next);
	st = prepare_buf(s, &sql);
	rr_buf_free(&sql);
	if (!st)
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, id);
	bind_visible(st, k, v, 2);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		e = load_doc(s, st, 0, out);
	else if (rc == SQLITE_DONE)
		e = RR_ENOTFOUND;
	else
		e = rr_sqlite_fail(s, "get");
	sqlite3_finalize(st);
	return e;
}

rr_err rr_sqlite_exists(rr_store *s, rr_kind k, const char *id, bool *yes)
{
	char sql[96];
	sqlite3_stmt *st;
	int rc;

	*yes = false;
	if (k >= RR_K_COUNT)
		return RR_EINVAL;
	snprintf(sql, sizeof sql, "SELECT 1 FROM %s WHERE id = ?1", rr_sqlite_table(k));
	if (!(st = rr_sqlite_prepare(s, sql)))
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, id);
	rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? RR_OK : rr_sqlite_fail(s, "exists");
}

static int has_org_column(rr_kind k)
{
	return k != RR_K_ORGANISATION && k != RR_K_PERSON;
}

static int has_year_column(rr_kind k)
{
	return k == RR_K_TRIP || k == RR_K_RESULT || k == RR_K_GIFT;
}

/* The statement of rr_sqlite_list and rr_sqlite_each. */
static rr_err list_stmt(rr_store *s, rr_kind k, const char *organisation, int year,
			const rr_viewer *v, sqlite3_stmt **out)
{
	rr_buf sql;
	sqlite3_stmt *st;
	int next = 1, p_org = 0, p_year = 0;

	*out = NULL;
	if (k >= RR_K_COUNT)
		return RR_EINVAL;
	rr_buf_init(&sql, 4096);
	rr_buf_printf(&sql, "SELECT r.doc FROM %s r WHERE 1", rr_sqlite_table(k));
	if (organisation && has_org_column(k)) {
		p_org = next++;
		rr_buf_printf(&sql, " AND r.organisation = ?%d", p_org);
	} else if (organisation && k == RR_K_ORGANISATION) {
		p_org = next++;
		rr_buf_printf(&sql, " AND r.id = ?%d", p_org);
	}
	if (year && has_year_column(k)) {
		p_year = next++;
		rr_buf_printf(&sql, " AND r.year = ?%d", p_year);
	}
	int vfirst = next;
	visible(&sql, k, "r", v, &next);
	rr_buf_addstr(&sql, " ORDER BY r.id");
	st = prepare_buf(s, &sql);
	rr_buf_free(&sql);
	if (!st)
		return RR_EDB;
	if (p_org)
		rr_sqlite_bind_str(st, p_org, organisation);
	if (p_year)
		sqlite3_bind_int(st, p_year, year);
	bind_visible(st, k, v, vfirst);
	*out = st;
	return RR_OK;
}

rr_err rr_sqlite_list(rr_store *s, rr_kind k, const char *organisation, int year,
		      const rr_viewer *v, json_t **out)
{
	sqlite3_stmt *st;
	rr_err e;

	*out = NULL;
	if ((e = list_stmt(s, k, organisation, year, v, &st)))
		return e;
	return collect(s, st, out);
}

rr_err rr_sqlite_each(rr_store *s, rr_kind k, const char *organisation, int year,
		     const rr_viewer *v, rr_each_fn fn, void *ctx)
{
	sqlite3_stmt *st;
	json_t *doc;
	int rc;
	rr_err e;

	if ((e = list_stmt(s, k, organisation, year, v, &st)))
		return e;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((e = load_doc(s, st, 0, &doc)))
			break;
		e = fn(ctx, doc);
		json_decref(doc);
		if (e)
			break;
	}
	if (!e && rc != SQLITE_ROW && rc != SQLITE_DONE)
		e = rr_sqlite_fail(s, "read");
	sqlite3_finalize(st);
	return e;
}

rr_err rr_sqlite_trips(rr_store *s, const rr_trip_query *q, const rr_viewer *v,
		      json_t **out, size_t *total)
{
	rr_buf where, sql;
	sqlite3_stmt *st = NULL;
	int next = 1, vfirst;
	int p_org = 0, p_year = 0, p_country = 0, p_person = 0, p_kind = 0, p_dir = 0,
	    p_part = 0;
	rr_err e = RR_OK;

	*out = NULL;
	rr_buf_init(&where, 8192);
	rr_buf_init(&sql, 16384);
	rr_buf_addstr(&where, " FROM trip t WHERE 1");
	if (q->organisation)
		rr_buf_printf(&where, " AND t.organisation = ?%d", p_org = next++);
	if (q->year)
		rr_buf_printf(&where, " AND t.year = ?%d", p_year = next++);
	if (q->country)
		rr_buf_printf(&where, " AND EXISTS (SELECT 1 FROM trip_destination d WHERE "
			      "d.trip = t.id AND d.country = ?%d)", p_country = next++);
	if (q->person) {
		p_person = next++;
		rr_buf_printf(&where, " AND EXISTS (SELECT 1 FROM trip_traveller p WHERE "
			      "p.trip = t.id AND (p.person = ?%d OR p.name = ?%d))",
			      p_person, p_person);
	}
	if (q->kind)
		rr_buf_printf(&where, " AND t.kind = ?%d", p_kind = next++);
	if (q->direction)
		rr_buf_printf(&where, " AND t.direction = ?%d", p_dir = next++);
	if (q->partnership)
		rr_buf_printf(&where, " AND t.partnership = ?%d", p_part = next++);
	if (q->third_party_paid)
		rr_buf_addstr(&where, " AND t.third_party_paid = 1");
	vfirst = next;
	visible(&where, RR_K_TRIP, "t", v, &next);

	for (int pass = 0; pass < 2; pass++) {
		rr_buf_reset(&sql);
		if (pass == 0) {
			if (!total)
				continue;
			rr_buf_printf(&sql, "SELECT count(*)%s", rr_buf_cstr(&where));
		} else {
			rr_buf_printf(&sql, "SELECT t.doc%s ORDER BY t.start_date DESC, t.id",
				      rr_buf_cstr(&where));
			if (q->limit)
				rr_buf_printf(&sql, " LIMIT %zu OFFSET %zu", q->limit, q->offset);
		}
		if (!(st = prepare_buf(s, &sql))) {
			e = RR_EDB;
			goto out;
		}
		if (p_org)
			rr_sqlite_bind_str(st, p_org, q->organisation);
		if (p_year)
			sqlite3_bind_int(st, p_year, q->year);
		if (p_country)
			rr_sqlite_bind_str(st, p_country, q->country);
		if (p_person)
			rr_sqlite_bind_str(st, p_person, q->person);
		if (p_kind)
			rr_sqlite_bind_str(st, p_kind, q->kind);
		if (p_dir)
			rr_sqlite_bind_str(st, p_dir, q->direction);
		if (p_part)
			rr_sqlite_bind_str(st, p_part, q->partnership);
		bind_visible(st, RR_K_TRIP, v, vfirst);
		if (pass == 0) {
			if (sqlite3_step(st) != SQLITE_ROW) {
				e = rr_sqlite_fail(s, "count trips");
				sqlite3_finalize(st);
				goto out;
			}
			*total = (size_t)sqlite3_column_int64(st, 0);
			sqlite3_finalize(st);
		} else {
			e = collect(s, st, out);
		}
	}
out:
	rr_buf_free(&where);
	rr_buf_free(&sql);
	return e;
}
