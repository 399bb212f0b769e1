/* pg_public.c - citations, trip counts per body and original files
 * (public.h) on PostgreSQL. */
#include "pg_int.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../model/record.h"

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

/* As sqlite_public.c: records whose JSON holds the document's id as a
 * string, kept when one of their references really names it. */
static rr_err citing_kind(rr_store *s, rr_kind k, const char *document,
			  const char *organisation, const rr_viewer *v, json_t *out)
{
	rr_pg_params p = {0};
	rr_buf sql, needle;
	PGresult *r;
	rr_err e = RR_OK;

	rr_buf_init(&sql, 4096);
	rr_buf_init(&needle, 256);
	rr_buf_printf(&needle, "\"%s\"", document);
	rr_buf_printf(&sql, "SELECT r.doc FROM %s r WHERE r.organisation = $%d"
		      " AND strpos(r.doc, $%d) > 0", rr_derive_table(k),
		      rr_pg_str(&p, organisation), rr_pg_str(&p, rr_buf_cstr(&needle)));
	rr_pg_visible(&sql, k, "r", v, &p);
	rr_buf_addstr(&sql, " ORDER BY r.id");
	r = rr_buf_err(&needle) ? NULL : rr_pg_query_buf(s, &sql, &p, "citing", &e);
	rr_buf_free(&sql);
	if (!r) {
		rr_buf_free(&needle);
		return e ? e : RR_EDB;
	}
	for (int i = 0; i < PQntuples(r) && !e; i++) {
		json_t *rec;
		cite_ctx c = {document, 0};
		if ((e = rr_pg_doc(s, r, i, 0, &rec)))
			break;
		rr_record_refs(k, rec, cite_ref, &c);
		if (c.found)
			json_array_append(out, rec);
		json_decref(rec);
	}
	PQclear(r);
	rr_buf_free(&needle);
	return e;
}

rr_err rr_pg_citing(rr_store *s, const char *document, const char *organisation,
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
	if (!document || !organisation) {
		json_decref(res);
		return RR_EINVAL;
	}
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

rr_err rr_pg_trip_counts(rr_store *s, const rr_viewer *v, json_t **out)
{
	rr_pg_params p = {0};
	rr_buf sql;
	PGresult *r;
	json_t *res;
	rr_err e;

	*out = NULL;
	rr_buf_init(&sql, 4096);
	rr_buf_addstr(&sql, "SELECT t.organisation, count(*) FROM trip t WHERE TRUE");
	rr_pg_visible(&sql, RR_K_TRIP, "t", v, &p);
	rr_buf_addstr(&sql, " GROUP BY t.organisation ORDER BY t.organisation");
	r = rr_pg_query_buf(s, &sql, &p, "trip counts", &e);
	rr_buf_free(&sql);
	if (!r)
		return e;
	res = json_object();
	for (int i = 0; i < PQntuples(r); i++)
		json_object_set_new(res, PQgetvalue(r, i, 0),
				    json_integer(atoll(PQgetvalue(r, i, 1))));
	PQclear(r);
	*out = res;
	return RR_OK;
}

rr_err rr_pg_file_put(rr_store *s, const char *document, const char *name,
		      const char *media_type, const char *sha256, const unsigned char *data,
		      size_t len)
{
	rr_pg_params p = {0};
	char now[32];
	time_t t = time(NULL);
	struct tm tm;

	if (!s->in_txn) {
		snprintf(s->errmsg, sizeof s->errmsg, "file_put outside a transaction");
		return RR_EINVAL;
	}
	if (len > 0x7fffffff) {
		snprintf(s->errmsg, sizeof s->errmsg, "file_put: file too large");
		return RR_ETOOBIG;
	}
	gmtime_r(&t, &tm);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
	rr_pg_str(&p, document);
	rr_pg_str(&p, name);
	rr_pg_str(&p, media_type);
	rr_pg_str(&p, sha256);
	rr_pg_bytes(&p, data, len);
	rr_pg_str(&p, now);
	return rr_pg_run(s, "INSERT INTO document_file (document, name, media_type, sha256, bytes,"
			    " stored_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (document) DO"
			    " UPDATE SET name = EXCLUDED.name, media_type = EXCLUDED.media_type,"
			    " sha256 = EXCLUDED.sha256, bytes = EXCLUDED.bytes,"
			    " stored_at = EXCLUDED.stored_at", &p, "file_put");
}

rr_err rr_pg_file_get(rr_store *s, const char *document, json_t **meta, rr_buf *data)
{
	rr_pg_params p = {0};
	PGresult *r;
	rr_err e;

	*meta = NULL;
	rr_pg_str(&p, document);
	/* the bytes as hex text: one result format for every column */
	r = rr_pg_query(s, data ? "SELECT name, media_type, sha256, octet_length(bytes),"
				  " encode(bytes, 'hex') FROM document_file WHERE document = $1"
				: "SELECT name, media_type, sha256, octet_length(bytes), ''"
				  " FROM document_file WHERE document = $1", &p, "file_get", &e);
	if (!r)
		return e;
	if (PQntuples(r) != 1) {
		PQclear(r);
		return RR_ENOTFOUND;
	}
	*meta = json_pack("{s:s, s:s, s:s, s:I}", "name", PQgetvalue(r, 0, 0),
			  "media_type", PQgetvalue(r, 0, 1), "sha256", PQgetvalue(r, 0, 2),
			  "size", (json_int_t)atoll(PQgetvalue(r, 0, 3)));
	if (data) {
		const char *hex = PQgetvalue(r, 0, 4);
		size_t n = strlen(hex) / 2;
		for (size_t i = 0; i < n && !rr_buf_err(data); i++) {
			char pair[3] = {hex[2 * i], hex[2 * i + 1], 0};
			rr_buf_addc(data, (char)strtoul(pair, NULL, 16));
		}
		e = rr_buf_err(data);
	}
	PQclear(r);
	return e;
}
