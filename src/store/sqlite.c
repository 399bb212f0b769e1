/* sqlite.c - SQLite backend: connection, migrations, transactions. */
#include "agg_int.h"
#include "agg_sql.h"
#include "sqlite_int.h"
#include "gen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The last failure's class: the database itself (full, read-only,
 * unreadable, locked: RR_EUNAVAIL, try later) or anything else (RR_EDB). */
static rr_err failure_class(rr_store *s)
{
	int code = sqlite3_extended_errcode(s->db) & 0xff;

	if (code == SQLITE_FULL || code == SQLITE_READONLY || code == SQLITE_IOERR ||
	    code == SQLITE_CANTOPEN || code == SQLITE_BUSY || code == SQLITE_LOCKED ||
	    code == SQLITE_NOMEM || code == SQLITE_PROTOCOL)
		return RR_EUNAVAIL;
	return RR_EDB;
}

rr_err rr_sqlite_fail(rr_store *s, const char *what)
{
	snprintf(s->errmsg, sizeof s->errmsg, "%s: %s", what, sqlite3_errmsg(s->db));
	return failure_class(s);
}

sqlite3_stmt *rr_sqlite_prepare(rr_store *s, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		rr_sqlite_fail(s, "prepare");
		return NULL;
	}
	return st;
}

rr_err rr_sqlite_run(rr_store *s, sqlite3_stmt *st, const char *what)
{
	int rc;
	if (!st)
		return RR_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE) {
		rr_err e = rr_sqlite_fail(s, what);
		sqlite3_finalize(st);
		return e;
	}
	sqlite3_finalize(st);
	return RR_OK;
}

void rr_sqlite_bind_str(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

static rr_err exec(rr_store *s, const char *sql, const char *what)
{
	char *msg = NULL;
	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(s->errmsg, sizeof s->errmsg, "%s: %s", what, msg ? msg : "failed");
		sqlite3_free(msg);
		return failure_class(s);
	}
	return RR_OK;
}

int rr_sqlite_schema_version(rr_store *s)
{
	sqlite3_stmt *st = rr_sqlite_prepare(s, "PRAGMA user_version");
	int v = -1;
	if (st && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static rr_err migrate(rr_store *s, rr_diag *d)
{
	int v = rr_store_schema_version(s);
	char sql[64];
	rr_err e = RR_OK;

	if (v < 0)
		return RR_EDB;
	if (v > rr_sqlite_migration_count) {
		rr_diag_add(d, "the database has schema version %d; this program knows up to %d "
			"(use a newer reisregister)", v, rr_sqlite_migration_count);
		return RR_ECONFLICT;
	}
	if (v == rr_sqlite_migration_count)
		return RR_OK;
	if ((e = exec(s, "BEGIN IMMEDIATE", "begin migration")))
		return e;
	/* re-read inside the write lock: another process may have migrated */
	v = rr_store_schema_version(s);
	for (; v < rr_sqlite_migration_count; v++) {
		if ((e = exec(s, rr_sqlite_migrations[v], "migration")))
			goto out;
		if (v + 1 == RR_AGG_MIGRATION && (e = rr_sqlite_fig_fill(s)))
			goto out; /* the figures per trip, computed here (agg_sql.h) */
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
		if ((e = exec(s, sql, "set schema version")))
			goto out;
	}
	e = exec(s, "COMMIT", "commit migration");
out:
	if (e) {
		rr_diag_add(d, "migrating the database failed: %s", s->errmsg);
		exec(s, "ROLLBACK", "rollback");
	}
	return e;
}

rr_err rr_sqlite_open(const char *path, unsigned flags, rr_store **out, rr_diag *d)
{
	rr_store *s;
	struct stat sb;
	int oflags = SQLITE_OPEN_FULLMUTEX;
	rr_err e = RR_OK;

	*out = NULL;
	if (!(flags & RR_STORE_CREATE) && stat(path, &sb) != 0) {
		rr_diag_add(d, "%s: no such database (create it with 'reisregister init --db %s')",
			    path, path);
		return RR_ENOTFOUND;
	}
	s = calloc(1, sizeof *s);
	if (!s)
		return RR_ENOMEM;
	s->ops = &rr_sqlite_ops;
	oflags |= (flags & RR_STORE_READONLY) ? SQLITE_OPEN_READONLY
					      : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &s->db, oflags, NULL) != SQLITE_OK) {
		rr_diag_add(d, "%s: cannot open database: %s", path,
			    s->db ? sqlite3_errmsg(s->db) : "out of memory");
		e = RR_EDB;
		goto out;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, 5000);
	if ((e = exec(s, "PRAGMA foreign_keys = ON", "foreign keys")))
		goto fail;
	/* a page cache of 16 MiB per connection instead of 2: a search over
	 * a large register reads the index, the trips and their child rows
	 * again for the count, the facets and the page (no memory mapping: a
	 * mapped file counts in the resident memory of every process that
	 * reads it, and an export would then grow with the register) */
	if ((e = exec(s, "PRAGMA cache_size = -16384", "cache size")))
		goto fail;
	if ((e = rr_sqlite_fts_register(s)))
		goto fail;
	if (!(flags & RR_STORE_READONLY)) {
		if ((e = exec(s, "PRAGMA journal_mode = WAL", "WAL")) ||
		    (e = exec(s, "PRAGMA synchronous = NORMAL", "synchronous")))
			goto fail;
		if ((e = migrate(s, d)))
			goto out;
		/* without the shared counter the server still sees writes, later */
		if (rr_gen_open(path, &s->gen, NULL))
			s->gen = NULL;
	} else if (rr_store_schema_version(s) != rr_sqlite_migration_count) {
		rr_diag_add(d, "%s: schema version %d, expected %d (run 'reisregister init')",
			    path, rr_store_schema_version(s), rr_sqlite_migration_count);
		e = RR_ECONFLICT;
		goto out;
	}
	*out = s;
	return RR_OK;
fail:
	rr_diag_add(d, "%s: %s", path, s->errmsg);
out:
	sqlite3_close(s->db);
	free(s);
	return e;
}

void rr_sqlite_close(rr_store *s)
{
	if (!s)
		return;
	if (s->in_txn)
		rr_store_rollback(s);
	rr_sqlite_fts_close(s);
	sqlite3_close(s->db);
	rr_gen_close(s->gen);
	free(s);
}

rr_err rr_sqlite_begin(rr_store *s)
{
	rr_err e;
	if (s->in_txn) {
		snprintf(s->errmsg, sizeof s->errmsg, "a transaction is already open");
		return RR_ECONFLICT;
	}
	if ((e = exec(s, "BEGIN IMMEDIATE", "begin")))
		return e;
	s->in_txn = 1;
	return RR_OK;
}

rr_err rr_sqlite_commit(rr_store *s)
{
	rr_err e;
	if (!s->in_txn)
		return RR_ECONFLICT;
	if ((e = exec(s, "UPDATE meta SET value = value + 1 WHERE key = 'generation'",
		      "generation")))
		return e;
	if ((e = exec(s, "COMMIT", "commit")))
		return e; /* still open: the caller rolls back */
	s->in_txn = 0;
	rr_gen_bump(s->gen); /* after the commit: see gen.h */
	return RR_OK;
}

void rr_sqlite_rollback(rr_store *s)
{
	char why[sizeof s->errmsg];

	if (!s->in_txn)
		return;
	/* keep the failure that made the caller roll back, not the rollback's */
	memcpy(why, s->errmsg, sizeof why);
	exec(s, "ROLLBACK", "rollback");
	memcpy(s->errmsg, why, sizeof why);
	s->in_txn = 0;
}

rr_err rr_sqlite_generation(rr_store *s, long long *gen)
{
	sqlite3_stmt *st = rr_sqlite_prepare(s, "SELECT value FROM meta WHERE key = 'generation'");
	rr_err e = RR_OK;
	if (!st)
		return RR_EDB;
	if (sqlite3_step(st) == SQLITE_ROW)
		*gen = sqlite3_column_int64(st, 0);
	else
		e = rr_sqlite_fail(s, "generation");
	sqlite3_finalize(st);
	return e;
}
