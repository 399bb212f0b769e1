/* pg.c - PostgreSQL backend: connection, statements, migrations,
 * transactions. */
#include "agg_int.h"
#include "agg_sql.h"
#include "pg_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

/* Writers take this lock for their whole transaction (as SQLite's BEGIN
 * IMMEDIATE): a put reads the stored record before it writes. */
#define WRITE_LOCK "SELECT pg_advisory_xact_lock(7420431)"

int rr_pg_str(rr_pg_params *p, const char *v)
{
	if (p->n >= RR_PG_MAX_PARAMS) {
		p->overflow = 1;
		return RR_PG_MAX_PARAMS;
	}
	p->v[p->n] = v;
	p->len[p->n] = 0;
	p->fmt[p->n] = 0;
	return ++p->n;
}

int rr_pg_int(rr_pg_params *p, long long v)
{
	int i = rr_pg_str(p, NULL);
	if (!p->overflow) {
		snprintf(p->num[i - 1], sizeof p->num[i - 1], "%lld", v);
		p->v[i - 1] = p->num[i - 1];
	}
	return i;
}

int rr_pg_bytes(rr_pg_params *p, const void *data, size_t len)
{
	int i = rr_pg_str(p, len ? data : "");
	if (!p->overflow) {
		p->len[i - 1] = (int)len;
		p->fmt[i - 1] = 1;
	}
	return i;
}

int rr_pg_col(rr_pg_params *p, const rr_col *c)
{
	if (c->null)
		return rr_pg_str(p, NULL);
	return c->is_int ? rr_pg_int(p, c->i) : rr_pg_str(p, c->s);
}

const char *rr_pg_sqlstate(rr_store *s)
{
	return s->sqlstate;
}

/* The class of a failure: the server gone, refusing, out of room or in a
 * conflict that a retry may solve (RR_EUNAVAIL), or anything else. */
static rr_err failure(rr_store *s, PGresult *r, const char *what)
{
	const char *st = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;

	snprintf(s->sqlstate, sizeof s->sqlstate, "%s", st ? st : "");
	if (!msg) {
		msg = PQerrorMessage(s->pg);
		snprintf(s->errmsg, sizeof s->errmsg, "%s: %.*s", what,
			 (int)strcspn(msg, "\n"), msg);
	} else {
		snprintf(s->errmsg, sizeof s->errmsg, "%s: %s", what, msg);
	}
	if (PQstatus(s->pg) != CONNECTION_OK)
		return RR_EUNAVAIL;
	if (st && (!strncmp(st, "08", 2) || !strncmp(st, "53", 2) || !strncmp(st, "57", 2) ||
		   !strcmp(st, "40001") || !strcmp(st, "40P01") || !strcmp(st, "25006")))
		return RR_EUNAVAIL;
	return RR_EDB;
}

PGresult *rr_pg_query(rr_store *s, const char *sql, const rr_pg_params *p, const char *what,
		      rr_err *e)
{
	PGresult *r;
	ExecStatusType st;

	if (e)
		*e = RR_OK;
	if (p && p->overflow) {
		snprintf(s->errmsg, sizeof s->errmsg, "%s: too many parameters", what);
		if (e)
			*e = RR_EDB;
		return NULL;
	}
	r = PQexecParams(s->pg, sql, p ? p->n : 0, NULL, p ? p->v : NULL, p ? p->len : NULL,
			 p ? p->fmt : NULL, 0);
	st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK)
		return r;
	{
		rr_err f = failure(s, r, what);
		if (e)
			*e = f;
	}
	PQclear(r);
	return NULL;
}

rr_err rr_pg_run(rr_store *s, const char *sql, const rr_pg_params *p, const char *what)
{
	rr_err e;
	PGresult *r = rr_pg_query(s, sql, p, what, &e);
	PQclear(r);
	return e;
}

PGresult *rr_pg_query_buf(rr_store *s, rr_buf *sql, const rr_pg_params *p, const char *what,
			  rr_err *e)
{
	if (rr_buf_err(sql)) {
		snprintf(s->errmsg, sizeof s->errmsg, "%s: query too long", what);
		if (e)
			*e = RR_EDB;
		return NULL;
	}
	return rr_pg_query(s, rr_buf_cstr(sql), p, what, e);
}

rr_err rr_pg_exec(rr_store *s, const char *sql, const char *what)
{
	PGresult *r = PQexec(s->pg, sql);
	ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	rr_err e = RR_OK;

	if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK)
		e = failure(s, r, what);
	PQclear(r);
	return e;
}

void rr_pg_visible(rr_buf *sql, rr_kind k, const char *alias, const rr_viewer *v,
		   rr_pg_params *p)
{
	if (k == RR_K_ORGANISATION || k == RR_K_PERSON || v->all) {
		rr_buf_addstr(sql, " AND TRUE");
		return;
	}
	rr_buf_printf(sql, " AND (%s.public = 1", alias);
	if (v->norgs) {
		rr_buf_printf(sql, " OR %s.organisation IN (", alias);
		for (size_t i = 0; i < v->norgs; i++)
			rr_buf_printf(sql, "%s$%d", i ? ", " : "", rr_pg_str(p, v->orgs[i]));
		rr_buf_addstr(sql, ")");
	}
	rr_buf_addstr(sql, ")");
}

rr_err rr_pg_doc(rr_store *s, PGresult *r, int row, int col, json_t **out)
{
	json_error_t je;
	const char *txt = PQgetisnull(r, row, col) ? NULL : PQgetvalue(r, row, col);

	*out = txt ? json_loads(txt, 0, &je) : NULL;
	if (!*out) {
		snprintf(s->errmsg, sizeof s->errmsg, "stored document unreadable: %s",
			 txt ? je.text : "NULL");
		return RR_EDB;
	}
	return RR_OK;
}

/* ---- schema version and migrations ---- */

int rr_pg_schema_version(rr_store *s)
{
	PGresult *r = rr_pg_query(s, "SELECT to_regclass('meta') IS NOT NULL", NULL,
				  "schema version", NULL);
	int v = -1;

	if (!r)
		return -1;
	if (strcmp(PQgetvalue(r, 0, 0), "t")) {
		PQclear(r);
		return 0;
	}
	PQclear(r);
	r = rr_pg_query(s, "SELECT value FROM meta WHERE key = 'schema_version'", NULL,
			"schema version", NULL);
	if (r && PQntuples(r) == 1)
		v = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	return v;
}

static rr_err migrate(rr_store *s, rr_diag *d)
{
	int v = rr_pg_schema_version(s);
	rr_pg_params p = {0};
	rr_err e;

	if (v < 0) {
		rr_diag_add(d, "reading the schema version failed: %s", s->errmsg);
		return RR_EDB;
	}
	if (v > rr_pg_migration_count) {
		rr_diag_add(d, "the database has schema version %d; this program knows up to %d "
			       "(use a newer reisregister)", v, rr_pg_migration_count);
		return RR_ECONFLICT;
	}
	if (v == rr_pg_migration_count)
		return RR_OK;
	if ((e = rr_pg_exec(s, "BEGIN; " WRITE_LOCK, "begin migration")))
		goto out;
	/* re-read under the lock: another process may have migrated */
	if ((v = rr_pg_schema_version(s)) < 0) {
		e = RR_EDB;
		goto out;
	}
	for (; v < rr_pg_migration_count; v++) {
		if ((e = rr_pg_exec(s, rr_pg_migrations[v], "migration")))
			goto out;
		if (v + 1 == RR_AGG_MIGRATION && (e = rr_pg_fig_fill(s)))
			goto out; /* the figures per trip, computed here (agg_sql.h) */
		p.n = 0;
		rr_pg_int(&p, v + 1);
		if ((e = rr_pg_run(s, "UPDATE meta SET value = $1 WHERE key = 'schema_version'", &p,
				   "set schema version")))
			goto out;
	}
	e = rr_pg_exec(s, "COMMIT", "commit migration");
out:
	if (e) {
		rr_diag_add(d, "migrating the database failed: %s", s->errmsg);
		rr_pg_exec(s, "ROLLBACK", "rollback");
	}
	return e;
}

static void quiet(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

rr_err rr_pg_open(const char *url, unsigned flags, rr_store **out, rr_diag *d)
{
	rr_store *s;
	char shown[512];
	rr_err e = RR_OK;

	*out = NULL;
	rr_store_shown(url, shown, sizeof shown);
	if (!(s = calloc(1, sizeof *s)))
		return RR_ENOMEM;
	s->ops = &rr_pg_ops;
	s->pg = PQconnectdb(url);
	if (!s->pg || PQstatus(s->pg) != CONNECTION_OK) {
		const char *m = s->pg ? PQerrorMessage(s->pg) : "out of memory";
		rr_diag_add(d, "%s: cannot connect: %.*s", shown, (int)strcspn(m, "\n"), m);
		e = RR_EUNAVAIL;
		goto fail;
	}
	PQsetNoticeProcessor(s->pg, quiet, NULL);
	if ((e = rr_pg_exec(s, "SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'", "settings")))
		goto fail_msg;
	if (!(flags & RR_STORE_READONLY)) {
		if ((e = migrate(s, d)))
			goto fail;
	} else {
		int v = rr_pg_schema_version(s);
		if (v != rr_pg_migration_count) {
			rr_diag_add(d, "%s: schema version %d, expected %d (run 'reisregister init')",
				    shown, v, rr_pg_migration_count);
			e = v == 0 ? RR_ENOTFOUND : RR_ECONFLICT;
			goto fail;
		}
		if ((e = rr_pg_exec(s, "SET default_transaction_read_only = on", "read-only")))
			goto fail_msg;
	}
	/* no counter of its own: every commit NOTIFYs, and the server's
	 * rr_gen (gen.h) listens */
	*out = s;
	return RR_OK;
fail_msg:
	rr_diag_add(d, "%s: %s", shown, s->errmsg);
fail:
	PQfinish(s->pg);
	free(s);
	return e;
}

void rr_pg_close(rr_store *s)
{
	if (s->in_txn)
		rr_pg_rollback(s);
	PQfinish(s->pg);
	rr_gen_close(s->gen);
	free(s);
}

rr_err rr_pg_begin(rr_store *s)
{
	rr_err e;
	if (s->in_txn) {
		snprintf(s->errmsg, sizeof s->errmsg, "a transaction is already open");
		return RR_ECONFLICT;
	}
	if ((e = rr_pg_exec(s, "BEGIN; " WRITE_LOCK, "begin"))) {
		rr_pg_exec(s, "ROLLBACK", "rollback");
		return e;
	}
	s->in_txn = 1;
	return RR_OK;
}

rr_err rr_pg_commit(rr_store *s)
{
	PGresult *r;
	rr_err e;

	if (!s->in_txn)
		return RR_ECONFLICT;
	if ((e = rr_pg_exec(s, "UPDATE meta SET value = value + 1 WHERE key = 'generation'; "
			    "NOTIFY rr_generation", "generation")))
		return e;
	r = PQexec(s->pg, "COMMIT");
	if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) {
		e = failure(s, r, "commit");
	} else if (strcmp(PQcmdStatus(r), "COMMIT")) {
		/* a transaction a failed statement aborted answers ROLLBACK */
		snprintf(s->errmsg, sizeof s->errmsg, "commit: the transaction was rolled back");
		e = RR_EDB;
	}
	PQclear(r);
	if (e)
		return e; /* the caller rolls back (a no-op now) */
	s->in_txn = 0;
	rr_gen_bump(s->gen);
	return RR_OK;
}

void rr_pg_rollback(rr_store *s)
{
	char why[sizeof s->errmsg];

	if (!s->in_txn)
		return;
	memcpy(why, s->errmsg, sizeof why);
	rr_pg_exec(s, "ROLLBACK", "rollback");
	memcpy(s->errmsg, why, sizeof why);
	s->in_txn = 0;
}

rr_err rr_pg_generation(rr_store *s, long long *gen)
{
	rr_err e;
	PGresult *r = rr_pg_query(s, "SELECT value FROM meta WHERE key = 'generation'", NULL,
				  "generation", &e);
	if (!r)
		return e;
	if (PQntuples(r) == 1)
		*gen = atoll(PQgetvalue(r, 0, 0));
	else
		e = RR_EDB;
	PQclear(r);
	return e;
}
