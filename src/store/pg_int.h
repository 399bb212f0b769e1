/* pg_int.h - internals shared by the PostgreSQL backend's files (libpq).
 *
 * Every statement takes its values as bound parameters ($1, $2, ...),
 * gathered in an rr_pg_params; SQL text is only ever built from constant
 * identifiers and parameter numbers. */
#ifndef RR_PG_INT_H
#define RR_PG_INT_H

#include <libpq-fe.h>

#include "auth_store.h"
#include "derive.h"
#include "store_int.h"

#define RR_PG_MAX_PARAMS 64

typedef struct rr_pg_params {
	const char *v[RR_PG_MAX_PARAMS];
	int len[RR_PG_MAX_PARAMS];
	int fmt[RR_PG_MAX_PARAMS]; /* 1: binary (bytea) */
	char num[RR_PG_MAX_PARAMS][24];
	int n;
	int overflow;
} rr_pg_params;

/* Each adds one parameter and returns its number ($N). */
int rr_pg_str(rr_pg_params *p, const char *v); /* NULL: SQL NULL */
int rr_pg_int(rr_pg_params *p, long long v);
int rr_pg_bytes(rr_pg_params *p, const void *data, size_t len);
int rr_pg_col(rr_pg_params *p, const rr_col *c);

/* Runs sql with p (may be NULL). Returns the result (PQclear it) or NULL
 * when it failed: then s->errmsg says why and *e (if given) is the error
 * class (RR_EUNAVAIL when the server cannot be reached or is busy). */
PGresult *rr_pg_query(rr_store *s, const char *sql, const rr_pg_params *p, const char *what,
		      rr_err *e);
/* The same for a statement without rows. */
rr_err rr_pg_run(rr_store *s, const char *sql, const rr_pg_params *p, const char *what);
/* The same for SQL built in a buffer (query too long: RR_EDB). */
PGresult *rr_pg_query_buf(rr_store *s, rr_buf *sql, const rr_pg_params *p, const char *what,
			  rr_err *e);
/* Several statements without parameters. */
rr_err rr_pg_exec(rr_store *s, const char *sql, const char *what);

/* The SQLSTATE of the last failed statement ("" if none). */
const char *rr_pg_sqlstate(rr_store *s);

/* Visibility (as sqlite_read.c's visible()): appends a condition on
 * alias.public / alias.organisation, binding the viewer's bodies in p. */
void rr_pg_visible(rr_buf *sql, rr_kind k, const char *alias, const rr_viewer *v,
		   rr_pg_params *p);

/* Parses the stored document in row, col. */
rr_err rr_pg_doc(rr_store *s, PGresult *r, int row, int col, json_t **out);

/* Migrations: rr_pg_migrations[i] brings the schema from i to i+1. */
extern const char *const rr_pg_migrations[];

/* The search index row of a trip (pg_search.c). */
rr_err rr_pg_search_put(rr_store *s, const json_t *trip);

/* Operations. */
void rr_pg_close(rr_store *s);
int rr_pg_schema_version(rr_store *s);
rr_err rr_pg_begin(rr_store *s);
rr_err rr_pg_commit(rr_store *s);
void rr_pg_rollback(rr_store *s);
rr_err rr_pg_generation(rr_store *s, long long *gen);
rr_err rr_pg_put(rr_store *s, rr_kind k, const json_t *rec, rr_put_result *res, rr_diag *d);
rr_err rr_pg_delete(rr_store *s, rr_kind k, const char *id);
rr_err rr_pg_get(rr_store *s, rr_kind k, const char *id, const rr_viewer *v, json_t **out);
rr_err rr_pg_exists(rr_store *s, rr_kind k, const char *id, bool *yes);
/* rr_store_each: the list's records one by one (read as one result). */
rr_err rr_pg_each(rr_store *s, rr_kind k, const char *organisation, int year,
		  const rr_viewer *v, rr_each_fn fn, void *ctx);
rr_err rr_pg_list(rr_store *s, rr_kind k, const char *organisation, int year,
		  const rr_viewer *v, json_t **out);
rr_err rr_pg_trips(rr_store *s, const rr_trip_query *q, const rr_viewer *v, json_t **out,
		   size_t *total);
rr_err rr_pg_user_add(rr_store *s, const char *name, const char *hash, long long *id);
rr_err rr_pg_user_set_hash(rr_store *s, const char *name, const char *hash);
rr_err rr_pg_user_set_disabled(rr_store *s, const char *name, int disabled);
rr_err rr_pg_user_grant(rr_store *s, const char *name, const char *org, const char *role);
rr_err rr_pg_user_revoke(rr_store *s, const char *name, const char *org, const char *role);
rr_err rr_pg_user_get(rr_store *s, const char *name, json_t **out);
rr_err rr_pg_user_by_id(rr_store *s, long long id, json_t **out);
rr_err rr_pg_users(rr_store *s, json_t **out);
rr_err rr_pg_session_add(rr_store *s, const char *token_hash, long long user, const char *csrf,
			 long long now);
rr_err rr_pg_session_get(rr_store *s, const char *token_hash, long long *user, char csrf[96],
			 long long *created, long long *last_seen);
rr_err rr_pg_session_touch(rr_store *s, const char *token_hash, long long now);
rr_err rr_pg_session_delete(rr_store *s, const char *token_hash);
rr_err rr_pg_sessions_purge(rr_store *s, long long created_before, long long seen_before);
rr_err rr_pg_login_failed(rr_store *s, const char *key, long long now);
rr_err rr_pg_login_failures(rr_store *s, const char *key, long long since, int *n);
rr_err rr_pg_login_clear(rr_store *s, const char *key);
rr_err rr_pg_login_forget(rr_store *s, const char *key, long long at);
rr_err rr_pg_audit_list(rr_store *s, int kind, const char *id, json_t **out);
rr_err rr_pg_audit_add(rr_store *s, rr_kind k, const char *id, const char *org,
		       const char *before, const char *after);
rr_err rr_pg_citing(rr_store *s, const char *document, const char *organisation,
		    const rr_viewer *v, json_t **out);
rr_err rr_pg_trip_counts(rr_store *s, const rr_viewer *v, json_t **out);
rr_err rr_pg_file_put(rr_store *s, const char *document, const char *name,
		      const char *media_type, const char *sha256, const unsigned char *data,
		      size_t len);
rr_err rr_pg_file_get(rr_store *s, const char *document, json_t **meta, rr_buf *data);
rr_err rr_pg_search(rr_store *s, const rr_search_query *q, const rr_viewer *v,
		    json_t **results, json_t **facets, size_t *total);

#endif
