/* sqlite_public.c - citations, trip counts per body and original files
 * (public.h) for SQLite. */
#include "public.h"

#include <string.h>
#include <time.h>

#include "../model/record.h"
#include "sqlite_int.h"

typedef struct cite_ctx {
	const char *document;
	int found;
} cite_ctx;

static void cite_ref(void *ctx, rr_kind target, const char *id, const char *path)
{
	cite_ctx *c = ctx;
	(void)path;
	if (target == RR_K_DOCUMENT && id && !strcmp(id, c->document))
		c->found = 1;
}

/* Records of kind k of the body that v may see and whose JSON holds the
 * document's id as a string (a cheap filter), kept when one of their
 * references really names the document. */
static rr_err citing_kind(rr_store *s, rr_kind k, const char *document,
			  const char *organisation, const rr_viewer *v, json_t *out)
{
	rr_buf sql, needle;
	sqlite3_stmt *st;
	int next = 3, rc;
	rr_err e = RR_OK;

	rr_buf_init(&sql, 4096);
	rr_buf_init(&needle, 256);
	rr_buf_printf(&sql, "SELECT r.doc FROM %s r WHERE r.organisation = ?1"
		      " AND instr(r.doc, ?2) > 0", rr_sqlite_table(k));
	rr_sqlite_visible(&sql, k, "r", v, &next);
	rr_buf_addstr(&sql, " ORDER BY r.id");
	rr_buf_printf(&needle, "\"%s\"", document);
	if (rr_buf_err(&sql) || rr_buf_err(&needle) || !(st = rr_sqlite_prepare(s, rr_buf_cstr(&sql)))) {
		rr_buf_free(&sql);
		rr_buf_free(&needle);
		return RR_EDB;
	}
	rr_sqlite_bind_str(st, 1, organisation);
	rr_sqlite_bind_str(st, 2, rr_buf_cstr(&needle));
	rr_sqlite_bind_visible(st, k, v, 3);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_error_t je;
		const char *txt = (const char *)sqlite3_column_text(st, 0);
		json_t *rec = txt ? json_loads(txt, 0, &je) : NULL;
		cite_ctx c = {document, 0};

		if (!rec) {
			e = rr_sqlite_fail(s, "citing: stored record unreadable");
			break;
		}
		rr_record_refs(k, rec, cite_ref, &c);
		if (c.found)
			json_array_append(out, rec);
		json_decref(rec);
	}
	if (!e && rc != SQLITE_DONE)
		e = rr_sqlite_fail(s, "citing");
	sqlite3_finalize(st);
	rr_buf_free(&sql);
	rr_buf_free(&needle);
	return e;
}

rr_err rr_sqlite_citing(rr_store *s, const char *document, const char *organisation,
		       const rr_viewer *v, json_t **out)
{
	static const struct {
		rr_kind k;
		const char *key;
	} kinds[] = {{RR_K_TRIP, "trips"}, {RR_K_RESULT, "results"},
		     {RR_K_PARTNERSHIP, "partnerships"}};
	json_t *res = json_object();
	rr_err e = RR_OK;

	*out = NULL;
	if (!document || !organisation)
		return RR_EINVAL;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0] && !e; i++) {
		json_t *arr = json_array();
		json_object_set_new(res, kinds[i].key, arr);
		e = citing_kind(s, kinds[i].k, document, organisation, v, arr);
	}
	if (e) {
		json_decref(res);
		return e;
	}
	*out = res;
	return RR_OK;
}

rr_err rr_sqlite_trip_counts(rr_store *s, const rr_viewer *v, json_t **out)
{
	rr_buf sql;
	sqlite3_stmt *st;
	int next = 1, rc;
	rr_err e = RR_OK;
	json_t *res = json_object();

	*out = NULL;
	rr_buf_init(&sql, 4096);
	rr_buf_addstr(&sql, "SELECT t.organisation, count(*) FROM trip t WHERE 1");
	rr_sqlite_visible(&sql, RR_K_TRIP, "t", v, &next);
	rr_buf_addstr(&sql, " GROUP BY t.organisation ORDER BY t.organisation");
	st = rr_buf_err(&sql) ? NULL : rr_sqlite_prepare(s, rr_buf_cstr(&sql));
	rr_buf_free(&sql);
	if (!st) {
		json_decref(res);
		return RR_EDB;
	}
	rr_sqlite_bind_visible(st, RR_K_TRIP, v, 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		json_object_set_new(res, (const char *)sqlite3_column_text(st, 0),
				    json_integer(sqlite3_column_int64(st, 1)));
	if (rc != SQLITE_DONE)
		e = rr_sqlite_fail(s, "trip counts");
	sqlite3_finalize(st);
	if (e)
		json_decref(res);
	else
		*out = res;
	return e;
}

rr_err rr_sqlite_file_put(rr_store *s, const char *document, const char *name,
			 const char *media_type, const char *sha256,
			 const unsigned char *data, size_t len)
{
	sqlite3_stmt *st;
	char now[32];
	time_t t = time(NULL);
	struct tm tm;

	if (!s->in_txn) {
		snprintf(s->errmsg, sizeof s->errmsg, "file_put outside a transaction");
		return RR_EINVAL;
	}
	gmtime_r(&t, &tm);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
	st = rr_sqlite_prepare(s, "INSERT INTO document_file (document, name, media_type, sha256,"
			       " bytes, stored_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
			       " ON CONFLICT (document) DO UPDATE SET name = excluded.name,"
			       " media_type = excluded.media_type, sha256 = excluded.sha256,"
			       " bytes = excluded.bytes, stored_at = excluded.stored_at");
	if (!st)
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, document);
	rr_sqlite_bind_str(st, 2, name);
	rr_sqlite_bind_str(st, 3, media_type);
	rr_sqlite_bind_str(st, 4, sha256);
	sqlite3_bind_blob64(st, 5, len ? data : (const void *)"", len, SQLITE_TRANSIENT);
	rr_sqlite_bind_str(st, 6, now);
	return rr_sqlite_run(s, st, "file_put");
}

rr_err rr_sqlite_file_get(rr_store *s, const char *document, json_t **meta, rr_buf *data)
{
	sqlite3_stmt *st = rr_sqlite_prepare(s, "SELECT name, media_type, sha256, length(bytes),"
					     " bytes FROM document_file WHERE document = ?1");
	int rc;
	rr_err e = RR_OK;

	*meta = NULL;
	if (!st)
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, document);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*meta = json_pack("{s:s, s:s, s:s, s:I}", "name", sqlite3_column_text(st, 0),
				  "media_type", sqlite3_column_text(st, 1),
				  "sha256", sqlite3_column_text(st, 2),
				  "size", (json_int_t)sqlite3_column_int64(st, 3));
		if (data) {
			const void *b = sqlite3_column_blob(st, 4);
			rr_buf_add(data, b, (size_t)sqlite3_column_bytes(st, 4));
			e = rr_buf_err(data);
		}
	} else if (rc == SQLITE_DONE) {
		e = RR_ENOTFOUND;
	} else {
		e = rr_sqlite_fail(s, "file_get");
	}
	sqlite3_finalize(st);
	return e;
}
