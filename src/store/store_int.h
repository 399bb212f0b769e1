/* store_int.h - the store handle and the table of backend operations.
 *
 * store.h (with auth_store.h, public.h, search.h) is the interface; store.c
 * picks the backend by the database name (a path, "sqlite:PATH" or a
 * "postgresql://" URL) and forwards every call through s->ops. What is the
 * same for every backend (export, bodies, load, copy, the derived columns
 * of derive.h) is written once on top of these operations; a backend holds
 * only its statements, its connection and its migrations. */
#ifndef RR_STORE_INT_H
#define RR_STORE_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/buf.h"
#include "public.h"
#include "search.h"
#include "store.h"

struct sqlite3;
struct sqlite3_stmt;
struct pg_conn;

typedef struct rr_store_ops {
	const char *name; /* "sqlite", "postgresql" */
	void (*close)(rr_store *s);
	int (*schema_version)(rr_store *s);
	rr_err (*begin)(rr_store *s);
	rr_err (*commit)(rr_store *s);
	void (*rollback)(rr_store *s);
	rr_err (*generation)(rr_store *s, long long *gen);

	rr_err (*put)(rr_store *s, rr_kind k, const json_t *rec, rr_put_result *res,
		      rr_diag *d);
	rr_err (*del)(rr_store *s, rr_kind k, const char *id);
	rr_err (*get)(rr_store *s, rr_kind k, const char *id, const rr_viewer *v, json_t **out);
	rr_err (*exists)(rr_store *s, rr_kind k, const char *id, bool *yes);
	rr_err (*list)(rr_store *s, rr_kind k, const char *organisation, int year,
		       const rr_viewer *v, json_t **out);
	rr_err (*each)(rr_store *s, rr_kind k, const char *organisation, int year,
		       const rr_viewer *v, rr_each_fn fn, void *ctx);
	rr_err (*trips)(rr_store *s, const rr_trip_query *q, const rr_viewer *v, json_t **out,
			size_t *total);

	/* auth_store.h */
	rr_err (*user_add)(rr_store *s, const char *name, const char *hash, long long *id);
	rr_err (*user_set_hash)(rr_store *s, const char *name, const char *hash);
	rr_err (*user_set_disabled)(rr_store *s, const char *name, int disabled);
	rr_err (*user_grant)(rr_store *s, const char *name, const char *org, const char *role);
	rr_err (*user_revoke)(rr_store *s, const char *name, const char *org, const char *role);
	rr_err (*user_get)(rr_store *s, const char *name, json_t **out);
	rr_err (*user_by_id)(rr_store *s, long long id, json_t **out);
	rr_err (*users)(rr_store *s, json_t **out);
	rr_err (*session_add)(rr_store *s, const char *token_hash, long long user,
			      const char *csrf, long long now);
	rr_err (*session_get)(rr_store *s, const char *token_hash, long long *user,
			      char csrf[96], long long *created, long long *last_seen);
	rr_err (*session_touch)(rr_store *s, const char *token_hash, long long now);
	rr_err (*session_delete)(rr_store *s, const char *token_hash);
	rr_err (*sessions_purge)(rr_store *s, long long created_before, long long seen_before);
	rr_err (*login_failed)(rr_store *s, const char *key, long long now);
	rr_err (*login_failures)(rr_store *s, const char *key, long long since, int *n);
	rr_err (*login_clear)(rr_store *s, const char *key);
	rr_err (*login_forget)(rr_store *s, const char *key, long long at);
	rr_err (*audit)(rr_store *s, int kind, const char *id, json_t **out);

	/* public.h */
	rr_err (*citing)(rr_store *s, const char *document, const char *organisation,
			 const rr_viewer *v, json_t **out);
	rr_err (*trip_counts)(rr_store *s, const rr_viewer *v, json_t **out);
	rr_err (*file_put)(rr_store *s, const char *document, const char *name,
			   const char *media_type, const char *sha256, const unsigned char *data,
			   size_t len);
	rr_err (*file_get)(rr_store *s, const char *document, json_t **meta, rr_buf *data);

	/* agg.h (and public.h's trip_counts, from the same table) */
	rr_err (*trip_tally)(rr_store *s, const char *organisation, const rr_viewer *v,
			     json_t **out);
	rr_err (*trip_places)(rr_store *s, const char *organisation, const rr_viewer *v,
			      json_t **out);
	rr_err (*trip_sums)(rr_store *s, const rr_viewer *v, int from, int to, long today,
			    json_t **sums, json_t **payers);

	/* search.h */
	rr_err (*search)(rr_store *s, const rr_search_query *q, const rr_viewer *v,
			 json_t **results, json_t **facets, size_t *total);
} rr_store_ops;

/* One connection. The fields up to gen are every backend's; db and pg are
 * the connection of one of them. */
struct rr_store {
	const rr_store_ops *ops;
	int in_txn;
	char actor[128]; /* who the audit log names for this connection's writes */
	char errmsg[512];
	char sqlstate[8];   /* the last failure's SQLSTATE (PostgreSQL), or "" */
	struct rr_gen *gen; /* the shared write generation (gen.h), or NULL */
	struct sqlite3 *db;   /* SQLite */
	struct sqlite3_stmt *fts_st[12]; /* SQLite: sqlite_fts.c's write statements, prepared once */
	struct pg_conn *pg;   /* PostgreSQL (libpq's PGconn) */
};

/* The first step of every backend's put: refuses a write outside a
 * transaction (RR_ECONFLICT) or a record without an id (RR_EINVAL), both
 * said in d, and gives the record's id and its stored text (the canonical
 * compact dump, *doc to be freed). */
rr_err rr_store_put_begin(rr_store *s, rr_kind k, const json_t *rec, rr_diag *d,
			  const char **id, char **doc);

extern const rr_store_ops rr_sqlite_ops;
extern const rr_store_ops rr_pg_ops;

/* Each backend's open (store.c picks one): as rr_store_open. */
rr_err rr_sqlite_open(const char *path, unsigned flags, rr_store **out, rr_diag *d);
rr_err rr_pg_open(const char *url, unsigned flags, rr_store **out, rr_diag *d);

/* PostgreSQL's part of gen.h: a thread with its own connection that
 * LISTENs for the commits' NOTIFY and bumps g; NULL when it cannot. */
struct rr_gen;
typedef struct rr_pg_listener rr_pg_listener;
struct rr_pg_listener *rr_pg_listen(const char *url, struct rr_gen *g);
void rr_pg_listen_stop(struct rr_pg_listener *l);

/* Each backend's number of migrations: the schema versions mean the same
 * tables on both (tests/unit/test_store.c checks they agree). */
extern const int rr_sqlite_migration_count;
extern const int rr_pg_migration_count;

#endif
