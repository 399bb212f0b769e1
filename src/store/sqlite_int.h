/* sqlite_int.h - internals shared by the SQLite backend's files. */
#ifndef RR_SQLITE_INT_H
#define RR_SQLITE_INT_H

#include <sqlite3.h>

#include "store_int.h"
#include "auth_store.h"

/* Appends an audit entry (sqlite_audit.c); before/after may be NULL. */
rr_err rr_sqlite_audit(rr_store *s, rr_kind k, const char *id, const char *org,
		       const char *before, const char *after);

/* Migrations: migrations[i] brings the schema from version i to i+1. */
extern const char *const rr_sqlite_migrations[];
extern const int rr_sqlite_migration_count;

/* The table of kind k (a constant identifier, never input). */
const char *rr_sqlite_table(rr_kind k);

/* Records the database's error text in s and returns RR_EDB. */
rr_err rr_sqlite_fail(rr_store *s, const char *what);

/* Prepares sql; on error records it and returns NULL. */
sqlite3_stmt *rr_sqlite_prepare(rr_store *s, const char *sql);

/* Runs a prepared statement to completion; finalizes it. */
rr_err rr_sqlite_run(rr_store *s, sqlite3_stmt *st, const char *what);

/* Binds text or NULL. */
void rr_sqlite_bind_str(sqlite3_stmt *st, int i, const char *v);

/* Search (sqlite_fts.c): the rr_dutch tokenizer, a trip's index row. */
rr_err rr_sqlite_fts_register(rr_store *s);
rr_err rr_sqlite_fts_put(rr_store *s, const char *trip_id);
rr_err rr_sqlite_fts_delete(rr_store *s, const char *trip_id);
/* Finalizes the statements sqlite_fts.c keeps (before closing). */
void rr_sqlite_fts_close(rr_store *s);

/* sqlite_read.c's visible() and bind_visible(), for queries built elsewhere. */
struct rr_buf;
void rr_sqlite_visible(struct rr_buf *sql, rr_kind k, const char *alias, const rr_viewer *v,
		       int *next);
void rr_sqlite_bind_visible(sqlite3_stmt *st, rr_kind k, const rr_viewer *v, int first);

/* The operations of the SQLite backend (sqlite_ops.c gathers them). */
int rr_sqlite_schema_version(rr_store *s);
void rr_sqlite_close(rr_store *s);
rr_err rr_sqlite_begin(rr_store *s);
rr_err rr_sqlite_commit(rr_store *s);
void rr_sqlite_rollback(rr_store *s);
rr_err rr_sqlite_generation(rr_store *s, long long *gen);
rr_err rr_sqlite_put(rr_store *s, rr_kind k, const json_t *rec, rr_put_result *res,
		     rr_diag *d);
rr_err rr_sqlite_delete(rr_store *s, rr_kind k, const char *id);
rr_err rr_sqlite_get(rr_store *s, rr_kind k, const char *id, const rr_viewer *v, json_t **out);
rr_err rr_sqlite_exists(rr_store *s, rr_kind k, const char *id, bool *yes);
rr_err rr_sqlite_each(rr_store *s, rr_kind k, const char *organisation, int year,
		      const rr_viewer *v, rr_each_fn fn, void *ctx);
rr_err rr_sqlite_list(rr_store *s, rr_kind k, const char *organisation, int year,
		      const rr_viewer *v, json_t **out);
rr_err rr_sqlite_trips(rr_store *s, const rr_trip_query *q, const rr_viewer *v, json_t **out,
		       size_t *total);
rr_err rr_sqlite_user_add(rr_store *s, const char *name, const char *hash, long long *id);
rr_err rr_sqlite_user_set_hash(rr_store *s, const char *name, const char *hash);
rr_err rr_sqlite_user_set_disabled(rr_store *s, const char *name, int disabled);
rr_err rr_sqlite_user_grant(rr_store *s, const char *name, const char *org, const char *role);
rr_err rr_sqlite_user_revoke(rr_store *s, const char *name, const char *org, const char *role);
rr_err rr_sqlite_user_get(rr_store *s, const char *name, json_t **out);
rr_err rr_sqlite_user_by_id(rr_store *s, long long id, json_t **out);
rr_err rr_sqlite_users(rr_store *s, json_t **out);
rr_err rr_sqlite_session_add(rr_store *s, const char *token_hash, long long user,
			     const char *csrf, long long now);
rr_err rr_sqlite_session_get(rr_store *s, const char *token_hash, long long *user,
			     char csrf[96], long long *created, long long *last_seen);
rr_err rr_sqlite_session_touch(rr_store *s, const char *token_hash, long long now);
rr_err rr_sqlite_session_delete(rr_store *s, const char *token_hash);
rr_err rr_sqlite_sessions_purge(rr_store *s, long long created_before, long long seen_before);
rr_err rr_sqlite_login_failed(rr_store *s, const char *key, long long now);
rr_err rr_sqlite_login_failures(rr_store *s, const char *key, long long since, int *n);
rr_err rr_sqlite_login_clear(rr_store *s, const char *key);
rr_err rr_sqlite_login_forget(rr_store *s, const char *key, long long at);
rr_err rr_sqlite_audit_list(rr_store *s, int kind, const char *id, json_t **out);
rr_err rr_sqlite_citing(rr_store *s, const char *document, const char *organisation,
			const rr_viewer *v, json_t **out);
rr_err rr_sqlite_trip_counts(rr_store *s, const rr_viewer *v, json_t **out);
rr_err rr_sqlite_file_put(rr_store *s, const char *document, const char *name,
			  const char *media_type, const char *sha256, const unsigned char *data,
			  size_t len);
rr_err rr_sqlite_file_get(rr_store *s, const char *document, json_t **meta, rr_buf *data);
rr_err rr_sqlite_search(rr_store *s, const rr_search_query *q, const rr_viewer *v,
			json_t **results, json_t **facets, size_t *total);

#endif
