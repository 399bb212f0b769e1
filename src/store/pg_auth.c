/* pg_auth.c - accounts, sessions, failed logins and the audit log on
 * PostgreSQL (auth_store.h). */
#include "pg_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void now_iso(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Runs a command; RR_ENOTFOUND when it changed no row. */
static rr_err changed_one(rr_store *s, const char *sql, const rr_pg_params *p, const char *what)
{
	rr_err e;
	PGresult *r = rr_pg_query(s, sql, p, what, &e);
	if (!r)
		return e;
	e = atoi(PQcmdTuples(r)) > 0 ? RR_OK : RR_ENOTFOUND;
	PQclear(r);
	return e;
}

rr_err rr_pg_user_add(rr_store *s, const char *name, const char *hash, long long *id)
{
	rr_pg_params p = {0};
	char now[32];
	PGresult *r;
	rr_err e;

	now_iso(now);
	rr_pg_str(&p, name);
	rr_pg_str(&p, hash);
	rr_pg_str(&p, now);
	r = rr_pg_query(s, "INSERT INTO account (name, password_hash, disabled, created_at) "
			   "VALUES ($1, $2, 0, $3) RETURNING id", &p, "add user", &e);
	if (!r) {
		if (!strcmp(rr_pg_sqlstate(s), "23505")) {
			snprintf(s->errmsg, sizeof s->errmsg, "a user named '%s' exists already", name);
			return RR_ECONFLICT;
		}
		return e;
	}
	if (id)
		*id = atoll(PQgetvalue(r, 0, 0));
	PQclear(r);
	return RR_OK;
}

rr_err rr_pg_user_set_hash(rr_store *s, const char *name, const char *hash)
{
	rr_pg_params p = {0};
	rr_err e;
	rr_pg_str(&p, name);
	rr_pg_str(&p, hash);
	if ((e = changed_one(s, "UPDATE account SET password_hash = $2 WHERE name = $1", &p,
			     "set password")))
		return e;
	/* a new password ends every session of the account */
	p.n = 1;
	return rr_pg_run(s, "DELETE FROM session WHERE account = "
			    "(SELECT id FROM account WHERE name = $1)", &p, "end sessions");
}

rr_err rr_pg_user_set_disabled(rr_store *s, const char *name, int disabled)
{
	rr_pg_params p = {0};
	rr_err e;

	rr_pg_str(&p, name);
	rr_pg_int(&p, disabled);
	if ((e = changed_one(s, "UPDATE account SET disabled = $2 WHERE name = $1", &p,
			     "disable user")) || !disabled)
		return e;
	/* a disabled account loses its sessions at once */
	p.n = 1;
	return rr_pg_run(s, "DELETE FROM session WHERE account = "
			    "(SELECT id FROM account WHERE name = $1)", &p, "end sessions");
}

rr_err rr_pg_user_grant(rr_store *s, const char *name, const char *org, const char *role)
{
	rr_pg_params p = {0};
	rr_pg_str(&p, name);
	rr_pg_str(&p, org);
	rr_pg_str(&p, role);
	return rr_pg_run(s, "INSERT INTO account_role (account, organisation, role) "
			    "SELECT id, $2, $3 FROM account WHERE name = $1 ON CONFLICT DO NOTHING",
			 &p, "grant") ? RR_EDB : RR_OK;
}

rr_err rr_pg_user_revoke(rr_store *s, const char *name, const char *org, const char *role)
{
	rr_pg_params p = {0};
	rr_pg_str(&p, name);
	rr_pg_str(&p, org);
	rr_pg_str(&p, role);
	return rr_pg_run(s, "DELETE FROM account_role WHERE organisation = $2 AND role = $3 "
			    "AND account = (SELECT id FROM account WHERE name = $1)", &p, "revoke")
		       ? RR_EDB : RR_OK;
}

static rr_err grants_of(rr_store *s, const char *uid, json_t *user)
{
	rr_pg_params p = {0};
	json_t *arr;
	PGresult *r;
	rr_err e;

	rr_pg_str(&p, uid);
	r = rr_pg_query(s, "SELECT organisation, role FROM account_role WHERE account = $1 "
			   "ORDER BY organisation, role", &p, "grants", &e);
	if (!r)
		return e;
	arr = json_array();
	for (int i = 0; i < PQntuples(r); i++)
		json_array_append_new(arr, json_pack("{s:s, s:s}", "organisation",
						     PQgetvalue(r, i, 0), "role", PQgetvalue(r, i, 1)));
	PQclear(r);
	json_object_set_new(user, "grants", arr);
	return RR_OK;
}

static rr_err user_where(rr_store *s, const char *name, long long id, int with_hash,
			 json_t **out)
{
	rr_pg_params p = {0};
	PGresult *r;
	json_t *u;
	rr_err e;

	*out = NULL;
	if (name)
		rr_pg_str(&p, name);
	else
		rr_pg_int(&p, id);
	r = rr_pg_query(s, name ? "SELECT id, name, password_hash, disabled, created_at FROM "
				  "account WHERE name = $1"
				: "SELECT id, name, password_hash, disabled, created_at FROM "
				  "account WHERE id = $1", &p, "user", &e);
	if (!r)
		return e;
	if (PQntuples(r) != 1) {
		PQclear(r);
		return RR_ENOTFOUND;
	}
	u = json_pack("{s:I, s:s, s:b, s:s}", "id", (json_int_t)atoll(PQgetvalue(r, 0, 0)),
		      "name", PQgetvalue(r, 0, 1), "disabled", atoi(PQgetvalue(r, 0, 3)),
		      "created_at", PQgetvalue(r, 0, 4));
	if (with_hash)
		json_object_set_new(u, "password_hash", json_string(PQgetvalue(r, 0, 2)));
	e = grants_of(s, PQgetvalue(r, 0, 0), u);
	PQclear(r);
	if (e) {
		json_decref(u);
		return e;
	}
	*out = u;
	return RR_OK;
}

rr_err rr_pg_user_get(rr_store *s, const char *name, json_t **out)
{
	return user_where(s, name, 0, 1, out);
}

rr_err rr_pg_user_by_id(rr_store *s, long long id, json_t **out)
{
	return user_where(s, NULL, id, 0, out);
}

rr_err rr_pg_users(rr_store *s, json_t **out)
{
	rr_err e;
	PGresult *r = rr_pg_query(s, "SELECT id FROM account ORDER BY name", NULL, "users", &e);
	json_t *arr, *u;

	*out = NULL;
	if (!r)
		return e;
	arr = json_array();
	for (int i = 0; i < PQntuples(r) && !e; i++)
		if (!(e = user_where(s, NULL, atoll(PQgetvalue(r, i, 0)), 0, &u)))
			json_array_append_new(arr, u);
	PQclear(r);
	if (e) {
		json_decref(arr);
		return e;
	}
	*out = arr;
	return RR_OK;
}

rr_err rr_pg_session_add(rr_store *s, const char *token_hash, long long user, const char *csrf,
			 long long now)
{
	rr_pg_params p = {0};
	rr_pg_str(&p, token_hash);
	rr_pg_int(&p, user);
	rr_pg_str(&p, csrf);
	rr_pg_int(&p, now);
	return rr_pg_run(s, "INSERT INTO session (token_hash, account, csrf, created, last_seen) "
			    "VALUES ($1, $2, $3, $4, $4)", &p, "session");
}

rr_err rr_pg_session_get(rr_store *s, const char *token_hash, long long *user, char csrf[96],
			 long long *created, long long *last_seen)
{
	rr_pg_params p = {0};
	PGresult *r;
	rr_err e;

	rr_pg_str(&p, token_hash);
	r = rr_pg_query(s, "SELECT account, csrf, created, last_seen FROM session "
			   "WHERE token_hash = $1", &p, "session", &e);
	if (!r)
		return e;
	if (PQntuples(r) != 1) {
		PQclear(r);
		return RR_ENOTFOUND;
	}
	*user = atoll(PQgetvalue(r, 0, 0));
	snprintf(csrf, 96, "%s", PQgetvalue(r, 0, 1));
	*created = atoll(PQgetvalue(r, 0, 2));
	*last_seen = atoll(PQgetvalue(r, 0, 3));
	PQclear(r);
	return RR_OK;
}

rr_err rr_pg_session_touch(rr_store *s, const char *token_hash, long long now)
{
	rr_pg_params p = {0};
	rr_pg_str(&p, token_hash);
	rr_pg_int(&p, now);
	return rr_pg_run(s, "UPDATE session SET last_seen = $2 WHERE token_hash = $1", &p,
			 "touch session");
}

rr_err rr_pg_session_delete(rr_store *s, const char *token_hash)
{
	rr_pg_params p = {0};
	rr_pg_str(&p, token_hash);
	return rr_pg_run(s, "DELETE FROM session WHERE token_hash = $1", &p, "end session");
}

rr_err rr_pg_sessions_purge(rr_store *s, long long created_before, long long seen_before)
{
	rr_pg_params p = {0};
	rr_pg_int(&p, created_before);
	rr_pg_int(&p, seen_before);
	return rr_pg_run(s, "DELETE FROM session WHERE created < $1 OR last_seen < $2", &p,
			 "purge sessions");
}

rr_err rr_pg_login_failed(rr_store *s, const char *key, long long now)
{
	rr_pg_params p = {0};
	rr_pg_str(&p, key);
	rr_pg_int(&p, now);
	return rr_pg_run(s, "INSERT INTO login_failure (key, at) VALUES ($1, $2)", &p,
			 "login failure");
}

rr_err rr_pg_login_failures(rr_store *s, const char *key, long long since, int *n)
{
	rr_pg_params p = {0};
	PGresult *r;
	rr_err e;

	*n = 0;
	rr_pg_str(&p, key);
	rr_pg_int(&p, since);
	r = rr_pg_query(s, "SELECT count(*) FROM login_failure WHERE key = $1 AND at >= $2", &p,
			"login failures", &e);
	if (!r)
		return e;
	*n = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	return RR_OK;
}

rr_err rr_pg_login_clear(rr_store *s, const char *key)
{
	rr_pg_params p = {0};
	rr_pg_str(&p, key);
	return rr_pg_run(s, "DELETE FROM login_failure WHERE key = $1", &p, "clear failures");
}

rr_err rr_pg_login_forget(rr_store *s, const char *key, long long at)
{
	rr_pg_params p = {0};
	rr_pg_str(&p, key);
	rr_pg_int(&p, at);
	return rr_pg_run(s, "DELETE FROM login_failure WHERE ctid = (SELECT ctid FROM login_failure "
			    "WHERE key = $1 AND at = $2 LIMIT 1)", &p, "forget failure");
}

static json_t *parsed(PGresult *r, int row, int col)
{
	json_error_t je;
	json_t *j = PQgetisnull(r, row, col) ? NULL : json_loads(PQgetvalue(r, row, col), 0, &je);
	return j ? j : json_null();
}

rr_err rr_pg_audit_list(rr_store *s, int kind, const char *id, json_t **out)
{
	rr_pg_params p = {0};
	PGresult *r;
	json_t *arr;
	rr_err e;

	*out = NULL;
	if (kind >= 0 && kind < RR_K_COUNT) {
		rr_pg_str(&p, rr_kind_get((rr_kind)kind)->singular);
		rr_pg_str(&p, id);
		r = rr_pg_query(s, "SELECT seq, at, actor, action, kind, record, organisation, before, "
				   "after FROM audit WHERE kind = $1 AND record = $2 ORDER BY seq",
				&p, "audit", &e);
	} else {
		r = rr_pg_query(s, "SELECT seq, at, actor, action, kind, record, organisation, before, "
				   "after FROM audit ORDER BY seq", NULL, "audit", &e);
	}
	if (!r)
		return e;
	arr = json_array();
	for (int i = 0; i < PQntuples(r); i++) {
		json_t *a = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s}",
			"seq", (json_int_t)atoll(PQgetvalue(r, i, 0)), "at", PQgetvalue(r, i, 1),
			"actor", PQgetvalue(r, i, 2), "action", PQgetvalue(r, i, 3),
			"kind", PQgetvalue(r, i, 4), "record", PQgetvalue(r, i, 5));
		if (!PQgetisnull(r, i, 6))
			json_object_set_new(a, "organisation", json_string(PQgetvalue(r, i, 6)));
		json_object_set_new(a, "before", parsed(r, i, 7));
		json_object_set_new(a, "after", parsed(r, i, 8));
		json_array_append_new(arr, a);
	}
	PQclear(r);
	*out = arr;
	return RR_OK;
}
