/* sqlite_int.h - internals shared by the SQLite backend's files. */
#ifndef RR_SQLITE_INT_H
#define RR_SQLITE_INT_H

#include <sqlite3.h>

#include "store.h"

struct rr_store {
	sqlite3 *db;
	int in_txn;
	char actor[128]; /* who the audit log names for this connection's writes */
	char errmsg[512];
	struct rr_gen *gen; /* the shared write generation (gen.h), or NULL */
	sqlite3_stmt *fts_st[8]; /* sqlite_fts.c's write statements, prepared once */
};

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

#endif
