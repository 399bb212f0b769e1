/* teststore.h - a real register database in a temporary directory, for the
 * unit tests that need a store. Include after testutil.h.
 *
 * With $RR_TEST_PG_URL set (tests/cli/pg.sh sets it) the database is that
 * PostgreSQL database instead, emptied before each test: the same tests
 * run on both backends. */
#ifndef RR_TESTSTORE_H
#define RR_TESTSTORE_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "model/doc.h"
#include "store/load.h"
#include "store/store.h"

typedef struct rr_test_db {
	char dir[64], path[256];
	rr_store *s;
} rr_test_db;

/* The PostgreSQL URL the tests run on, or NULL for SQLite. */
static inline const char *rr_test_pg(void)
{
	const char *u = getenv("RR_TEST_PG_URL");
	return u && *u ? u : NULL;
}

/* Runs SQL behind the store's back: sqlite_sql on SQLite, pg_sql on
 * PostgreSQL. Returns 0 when it succeeded. */
static inline int rr_test_db_sql(const rr_test_db *t, const char *sqlite_sql, const char *pg_sql)
{
	int rc = 1;
	if (rr_test_pg()) {
		PGconn *c = PQconnectdb(rr_test_pg());
		PGresult *r = PQstatus(c) == CONNECTION_OK ? PQexec(c, pg_sql) : NULL;
		rc = !(r && (PQresultStatus(r) == PGRES_COMMAND_OK ||
			     PQresultStatus(r) == PGRES_TUPLES_OK));
		PQclear(r);
		PQfinish(c);
	} else {
		sqlite3 *db = NULL;
		if (sqlite3_open(t->path, &db) == SQLITE_OK)
			rc = sqlite3_exec(db, sqlite_sql, NULL, NULL, NULL) != SQLITE_OK;
		sqlite3_close(db);
	}
	return rc;
}

/* Creates a temporary directory with a new database "db" in it, open. */
static inline void rr_test_db_open(rr_test_db *t)
{
	rr_diag d = {0};
	snprintf(t->dir, sizeof t->dir, "/tmp/rr-test-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->path, sizeof t->path, "%s/db", t->dir);
	if (rr_test_pg()) {
		snprintf(t->path, sizeof t->path, "%s", rr_test_pg());
		assert_int_equal(rr_test_db_sql(t, NULL, "DROP SCHEMA public CASCADE; "
						 "CREATE SCHEMA public"), 0);
	}
	if (rr_store_open(t->path, RR_STORE_CREATE, &t->s, &d)) {
		rr_diag_print(&d, "", stderr);
		fail();
	}
	rr_diag_free(&d);
}

/* Parses, validates and loads canonical JSON text, all or nothing. */
static inline rr_err rr_test_db_load(rr_store *s, const char *text, rr_diag *d)
{
	json_t *raw = NULL, *norm = NULL;
	rr_err e;
	if ((e = rr_doc_parse(text, strlen(text), "test", &raw, d)))
		return e;
	e = rr_doc_normalise(raw, "test", &norm, d);
	if (!e)
		e = rr_load_document(s, norm, NULL, d);
	json_decref(raw);
	json_decref(norm);
	return e;
}

/* Closes the store and removes the directory and the files in it (the
 * tests put no subdirectories there). */
static inline int rr_test_db_close(rr_test_db *t)
{
	DIR *dir;
	struct dirent *e;
	char p[400];
	int rc = 0;

	rr_store_close(t->s);
	t->s = NULL;
	if (!(dir = opendir(t->dir)))
		return -1;
	while ((e = readdir(dir))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(p, sizeof p, "%s/%s", t->dir, e->d_name);
		rc |= unlink(p);
	}
	closedir(dir);
	return rc | rmdir(t->dir);
}

#endif
