/* store.c - the backend of a database name, and every call of store.h,
 * auth_store.h, public.h and search.h forwarded to it (store_int.h). */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "../model/record.h"
#include "auth_store.h"

const rr_viewer rr_viewer_anonymous = {false, NULL, 0};
const rr_viewer rr_viewer_system = {true, NULL, 0};

static int is_pg_url(const char *db)
{
	return !strncmp(db, "postgresql://", 13) || !strncmp(db, "postgres://", 11);
}

rr_err rr_store_open(const char *db, unsigned flags, rr_store **out, rr_diag *d)
{
	rr_err e;

	*out = NULL;
	if (!db || !*db) {
		rr_diag_add(d, "no database named");
		return RR_EINVAL;
	}
	if (is_pg_url(db))
		e = rr_pg_open(db, flags, out, d);
	else
		e = rr_sqlite_open(!strncmp(db, "sqlite:", 7) ? db + 7 : db, flags, out, d);
	return e;
}

const char *rr_store_shown(const char *db, char *out, size_t n)
{
	const char *scheme = db ? strstr(db, "://") : NULL;
	const char *at = scheme ? strchr(scheme + 3, '@') : NULL;
	const char *colon = scheme ? strchr(scheme + 3, ':') : NULL;

	if (at && colon && colon < at)
		snprintf(out, n, "%.*s:***%s", (int)(colon - db), db, at);
	else
		snprintf(out, n, "%s", db ? db : "");
	return out;
}

void rr_store_close(rr_store *s)
{
	if (s)
		s->ops->close(s);
}

int rr_store_schema_version(rr_store *s)
{
	return s->ops->schema_version(s);
}

int rr_store_latest_version(void)
{
	return rr_sqlite_migration_count;
}

const char *rr_store_errmsg(rr_store *s)
{
	return s ? s->errmsg : "";
}

rr_err rr_store_begin(rr_store *s)
{
	return s->ops->begin(s);
}

rr_err rr_store_commit(rr_store *s)
{
	return s->ops->commit(s);
}

void rr_store_rollback(rr_store *s)
{
	s->ops->rollback(s);
}

rr_err rr_store_generation(rr_store *s, long long *gen)
{
	return s->ops->generation(s, gen);
}

rr_err rr_store_put_begin(rr_store *s, rr_kind k, const json_t *rec, rr_diag *d,
			  const char **id, char **doc)
{
	*doc = NULL;
	*id = rr_rec_str(rec, "id");
	if (!s->in_txn) {
		rr_diag_add(d, "internal: write outside a transaction");
		return RR_ECONFLICT;
	}
	if (!*id || k >= RR_K_COUNT) {
		rr_diag_add(d, "internal: record without id");
		return RR_EINVAL;
	}
	*doc = json_dumps(rec, JSON_SORT_KEYS | JSON_COMPACT | JSON_REAL_PRECISION(15));
	return *doc ? RR_OK : RR_ENOMEM;
}

rr_err rr_store_put(rr_store *s, rr_kind k, const json_t *rec, rr_put_result *res, rr_diag *d)
{
	return s->ops->put(s, k, rec, res, d);
}

rr_err rr_store_delete(rr_store *s, rr_kind k, const char *id)
{
	return s->ops->del(s, k, id);
}

rr_err rr_store_get(rr_store *s, rr_kind k, const char *id, const rr_viewer *v, json_t **out)
{
	return s->ops->get(s, k, id, v, out);
}

rr_err rr_store_exists(rr_store *s, rr_kind k, const char *id, bool *yes)
{
	return s->ops->exists(s, k, id, yes);
}

rr_err rr_store_list(rr_store *s, rr_kind k, const char *organisation, int year,
		     const rr_viewer *v, json_t **out)
{
	return s->ops->list(s, k, organisation, year, v, out);
}

rr_err rr_store_each(rr_store *s, rr_kind k, const char *organisation, int year,
		     const rr_viewer *v, rr_each_fn fn, void *ctx)
{
	return s->ops->each(s, k, organisation, year, v, fn, ctx);
}

rr_err rr_store_trips(rr_store *s, const rr_trip_query *q, const rr_viewer *v, json_t **out,
		      size_t *total)
{
	return s->ops->trips(s, q, v, out, total);
}

rr_err rr_store_export(rr_store *s, const char *organisation, int year, const rr_viewer *v,
		       json_t **out)
{
	json_t *doc = json_object(), *arr;
	rr_err e = RR_OK;

	*out = NULL;
	for (int k = 0; k < RR_K_COUNT; k++) {
		/* bodies and people are shared reference data: always whole */
		int ref = k == RR_K_ORGANISATION || k == RR_K_PERSON;
		if ((e = rr_store_list(s, (rr_kind)k, ref ? NULL : organisation, ref ? 0 : year, v,
				       &arr)))
			break;
		json_object_set_new(doc, rr_kind_get((rr_kind)k)->plural, arr);
	}
	if (e) {
		json_decref(doc);
		return e;
	}
	*out = doc;
	return RR_OK;
}

/* ---- auth_store.h ---- */

rr_err rr_store_user_add(rr_store *s, const char *name, const char *hash, long long *id)
{
	return s->ops->user_add(s, name, hash, id);
}

rr_err rr_store_user_set_hash(rr_store *s, const char *name, const char *hash)
{
	return s->ops->user_set_hash(s, name, hash);
}

rr_err rr_store_user_set_disabled(rr_store *s, const char *name, int disabled)
{
	return s->ops->user_set_disabled(s, name, disabled);
}

rr_err rr_store_user_grant(rr_store *s, const char *name, const char *org, const char *role)
{
	return s->ops->user_grant(s, name, org, role);
}

rr_err rr_store_user_revoke(rr_store *s, const char *name, const char *org, const char *role)
{
	return s->ops->user_revoke(s, name, org, role);
}

rr_err rr_store_user_get(rr_store *s, const char *name, json_t **out)
{
	return s->ops->user_get(s, name, out);
}

rr_err rr_store_user_by_id(rr_store *s, long long id, json_t **out)
{
	return s->ops->user_by_id(s, id, out);
}

rr_err rr_store_users(rr_store *s, json_t **out)
{
	return s->ops->users(s, out);
}

rr_err rr_store_session_add(rr_store *s, const char *token_hash, long long user,
			    const char *csrf, long long now)
{
	return s->ops->session_add(s, token_hash, user, csrf, now);
}

rr_err rr_store_session_get(rr_store *s, const char *token_hash, long long *user,
			    char csrf[96], long long *created, long long *last_seen)
{
	return s->ops->session_get(s, token_hash, user, csrf, created, last_seen);
}

rr_err rr_store_session_touch(rr_store *s, const char *token_hash, long long now)
{
	return s->ops->session_touch(s, token_hash, now);
}

rr_err rr_store_session_delete(rr_store *s, const char *token_hash)
{
	return s->ops->session_delete(s, token_hash);
}

rr_err rr_store_sessions_purge(rr_store *s, long long created_before, long long seen_before)
{
	return s->ops->sessions_purge(s, created_before, seen_before);
}

rr_err rr_store_login_failed(rr_store *s, const char *key, long long now)
{
	return s->ops->login_failed(s, key, now);
}

rr_err rr_store_login_failures(rr_store *s, const char *key, long long since, int *n)
{
	return s->ops->login_failures(s, key, since, n);
}

rr_err rr_store_login_forget(rr_store *s, const char *key, long long at)
{
	return s->ops->login_forget(s, key, at);
}

rr_err rr_store_login_clear(rr_store *s, const char *key)
{
	return s->ops->login_clear(s, key);
}

rr_err rr_store_audit(rr_store *s, int kind, const char *id, json_t **out)
{
	return s->ops->audit(s, kind, id, out);
}

/* ---- public.h ---- */

rr_err rr_store_citing(rr_store *s, const char *document, const char *organisation,
		       const rr_viewer *v, json_t **out)
{
	return s->ops->citing(s, document, organisation, v, out);
}

rr_err rr_store_trip_counts(rr_store *s, const rr_viewer *v, json_t **out)
{
	return s->ops->trip_counts(s, v, out);
}

rr_err rr_store_file_put(rr_store *s, const char *document, const char *name,
			 const char *media_type, const char *sha256, const unsigned char *data,
			 size_t len)
{
	return s->ops->file_put(s, document, name, media_type, sha256, data, len);
}

rr_err rr_store_file_get(rr_store *s, const char *document, json_t **meta, rr_buf *data)
{
	return s->ops->file_get(s, document, meta, data);
}

/* ---- search.h ---- */

rr_err rr_store_search(rr_store *s, const rr_search_query *q, const rr_viewer *v,
		       json_t **results, json_t **facets, size_t *total)
{
	return s->ops->search(s, q, v, results, facets, total);
}
