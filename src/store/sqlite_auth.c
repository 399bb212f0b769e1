/* sqlite_auth.c - accounts, sessions and failed logins (see auth_store.h). */
#include "sqlite_int.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "auth_store.h"

static void now_iso(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static rr_err changed_one(rr_store *s, sqlite3_stmt *st, const char *what)
{
	rr_err e = rr_sqlite_run(s, st, what);
	if (e)
		return e;
	return sqlite3_changes(s->db) ? RR_OK : RR_ENOTFOUND;
}

rr_err rr_sqlite_user_add(rr_store *s, const char *name, const char *hash, long long *id)
{
	char now[32];
	sqlite3_stmt *st = rr_sqlite_prepare(s, "INSERT INTO user (name, password_hash, disabled, "
						 "created_at) VALUES (?1, ?2, 0, ?3)");
	int rc;
	if (!st)
		return RR_EDB;
	now_iso(now);
	rr_sqlite_bind_str(st, 1, name);
	rr_sqlite_bind_str(st, 2, hash);
	rr_sqlite_bind_str(st, 3, now);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
		snprintf(s->errmsg, sizeof s->errmsg, "a user named '%s' exists already", name);
		return RR_ECONFLICT;
	}
	if (rc != SQLITE_DONE)
		return rr_sqlite_fail(s, "add user");
	if (id)
		*id = sqlite3_last_insert_rowid(s->db);
	return RR_OK;
}

/* Ends every session of user name. */
static rr_err end_sessions(rr_store *s, const char *name)
{
	sqlite3_stmt *st = rr_sqlite_prepare(s, "DELETE FROM session WHERE user = "
					     "(SELECT id FROM user WHERE name = ?1)");
	if (!st)
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, name);
	return rr_sqlite_run(s, st, "end sessions");
}

rr_err rr_sqlite_user_set_hash(rr_store *s, const char *name, const char *hash)
{
	sqlite3_stmt *st = rr_sqlite_prepare(s, "UPDATE user SET password_hash = ?2 WHERE name = ?1");
	rr_err e;
	if (!st)
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, name);
	rr_sqlite_bind_str(st, 2, hash);
	if ((e = changed_one(s, st, "set password")))
		return e;
	/* a new password ends the sessions signed in with the old one */
	return end_sessions(s, name);
}

rr_err rr_sqlite_user_set_disabled(rr_store *s, const char *name, int disabled)
{
	sqlite3_stmt *st = rr_sqlite_prepare(s, "UPDATE user SET disabled = ?2 WHERE name = ?1");
	rr_err e;
	if (!st)
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, name);
	sqlite3_bind_int(st, 2, disabled);
	if ((e = changed_one(s, st, "disable user")) || !disabled)
		return e;
	/* a disabled account loses its sessions at once */
	return end_sessions(s, name);
}

rr_err rr_sqlite_user_grant(rr_store *s, const char *name, const char *org, const char *role)
{
	sqlite3_stmt *st = rr_sqlite_prepare(s, "INSERT OR IGNORE INTO user_role (user, organisation, "
		"role) SELECT id, ?2, ?3 FROM user WHERE name = ?1");
	if (!st)
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, name);
	rr_sqlite_bind_str(st, 2, org);
	rr_sqlite_bind_str(st, 3, role);
	if (rr_sqlite_run(s, st, "grant"))
		return RR_EDB;
	return RR_OK;
}

rr_err rr_sqlite_user_revoke(rr_store *s, const char *name, const char *org, const char *role)
{
	sqlite3_stmt *st = rr_sqlite_prepare(s, "DELETE FROM user_role WHERE organisation = ?2 AND "
		"role = ?3 AND user = (SELECT id FROM user WHERE name = ?1)");
	if (!st)
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, name);
	rr_sqlite_bind_str(st, 2, org);
	rr_sqlite_bind_str(st, 3, role);
	if (rr_sqlite_run(s, st, "revoke"))
		return RR_EDB;
	return RR_OK;
}

static rr_err grants_of(rr_store *s, long long uid, json_t *user)
{
	sqlite3_stmt *st = rr_sqlite_prepare(s, "SELECT organisation, role FROM user_role "
						 "WHERE user = ?1 ORDER BY organisation, role");
	json_t *arr = json_array();
	int rc;
	if (!st) {
		json_decref(arr);
		return RR_EDB;
	}
	sqlite3_bind_int64(st, 1, uid);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		json_array_append_new(arr, json_pack("{s:s, s:s}",
			"organisation", (const char *)sqlite3_column_text(st, 0),
			"role", (const char *)sqlite3_column_text(st, 1)));
	sqlite3_finalize(st);
	json_object_set_new(user, "grants", arr);
	return rc == SQLITE_DONE ? RR_OK : rr_sqlite_fail(s, "grants");
}

static rr_err user_where(rr_store *s, const char *name, long long id, int with_hash, json_t **out)
{
	sqlite3_stmt *st = rr_sqlite_prepare(s, name
		? "SELECT id, name, password_hash, disabled, created_at FROM user WHERE name = ?1"
		: "SELECT id, name, password_hash, disabled, created_at FROM user WHERE id = ?1");
	json_t *u;
	rr_err e;
	int rc;

	*out = NULL;
	if (!st)
		return RR_EDB;
	if (name)
		rr_sqlite_bind_str(st, 1, name);
	else
		sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? RR_ENOTFOUND : rr_sqlite_fail(s, "user");
	}
	u = json_pack("{s:I, s:s, s:b, s:s}", "id", (json_int_t)sqlite3_column_int64(st, 0),
		      "name", (const char *)sqlite3_column_text(st, 1),
		      "disabled", sqlite3_column_int(st, 3),
		      "created_at", (const char *)sqlite3_column_text(st, 4));
	if (with_hash)
		json_object_set_new(u, "password_hash",
				    json_string((const char *)sqlite3_column_text(st, 2)));
	id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if ((e = grants_of(s, id, u))) {
		json_decref(u);
		return e;
	}
	*out = u;
	return RR_OK;
}

rr_err rr_sqlite_user_get(rr_store *s, const char *name, json_t **out)
{
	return user_where(s, name, 0, 1, out);
}

rr_err rr_sqlite_user_by_id(rr_store *s, long long id, json_t **out)
{
	return user_where(s, NULL, id, 0, out);
}

rr_err rr_sqlite_users(rr_store *s, json_t **out)
{
	sqlite3_stmt *st = rr_sqlite_prepare(s, "SELECT id FROM user ORDER BY name");
	json_t *arr = json_array(), *u;
	rr_err e = RR_OK;
	int rc;
	*out = NULL;
	if (!st) {
		json_decref(arr);
		return RR_EDB;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((e = user_where(s, NULL, sqlite3_column_int64(st, 0), 0, &u)))
			break;
		json_array_append_new(arr, u);
	}
	sqlite3_finalize(st);
	if (e || (rc != SQLITE_DONE && rc != SQLITE_ROW)) {
		json_decref(arr);
		return e ? e : rr_sqlite_fail(s, "users");
	}
	*out = arr;
	return RR_OK;
}

rr_err rr_sqlite_session_add(rr_store *s, const char *token_hash, long long user,
			    const char *csrf, long long now)
{
	sqlite3_stmt *st = rr_sqlite_prepare(s, "INSERT INTO session (token_hash, user, csrf, "
						 "created, last_seen) VALUES (?1, ?2, ?3, ?4, ?4)");
	if (!st)
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, token_hash);
	sqlite3_bind_int64(st, 2, user);
	rr_sqlite_bind_str(st, 3, csrf);
	sqlite3_bind_int64(st, 4, now);
	return rr_sqlite_run(s, st, "session");
}

rr_err rr_sqlite_session_get(rr_store *s, const char *token_hash, long long *user,
			    char csrf[96], long long *created, long long *last_seen)
{
	sqlite3_stmt *st = rr_sqlite_prepare(s, "SELECT user, csrf, created, last_seen FROM session "
						 "WHERE token_hash = ?1");
	int rc;
	if (!st)
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, token_hash);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*user = sqlite3_column_int64(st, 0);
		snprintf(csrf, 96, "%s", (const char *)sqlite3_column_text(st, 1));
		*created = sqlite3_column_int64(st, 2);
		*last_seen = sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return RR_OK;
	return rc == SQLITE_DONE ? RR_ENOTFOUND : rr_sqlite_fail(s, "session");
}

rr_err rr_sqlite_session_touch(rr_store *s, const char *token_hash, long long now)
{
	sqlite3_stmt *st = rr_sqlite_prepare(s, "UPDATE session SET last_seen = ?2 WHERE token_hash = ?1");
	if (!st)
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, token_hash);
	sqlite3_bind_int64(st, 2, now);
	return rr_sqlite_run(s, st, "touch session");
}

rr_err rr_sqlite_session_delete(rr_store *s, const char *token_hash)
{
	sqlite3_stmt *st = rr_sqlite_prepare(s, "DELETE FROM session WHERE token_hash = ?1");
	if (!st)
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, token_hash);
	return rr_sqlite_run(s, st, "end session");
}

rr_err rr_sqlite_sessions_purge(rr_store *s, long long created_before, long long seen_before)
{
	sqlite3_stmt *st = rr_sqlite_prepare(s, "DELETE FROM session WHERE created < ?1 OR last_seen < ?2");
	if (!st)
		return RR_EDB;
	sqlite3_bind_int64(st, 1, created_before);
	sqlite3_bind_int64(st, 2, seen_before);
	return rr_sqlite_run(s, st, "purge sessions");
}

rr_err rr_sqlite_login_failed(rr_store *s, const char *key, long long now)
{
	sqlite3_stmt *st = rr_sqlite_prepare(s, "INSERT INTO login_failure (key, at) VALUES (?1, ?2)");
	if (!st)
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, key);
	sqlite3_bind_int64(st, 2, now);
	return rr_sqlite_run(s, st, "login failure");
}

rr_err rr_sqlite_login_failures(rr_store *s, const char *key, long long since, int *n)
{
	sqlite3_stmt *st = rr_sqlite_prepare(s, "SELECT count(*) FROM login_failure "
						 "WHERE key = ?1 AND at >= ?2");
	int rc;
	*n = 0;
	if (!st)
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, key);
	sqlite3_bind_int64(st, 2, since);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? RR_OK : rr_sqlite_fail(s, "login failures");
}

rr_err rr_sqlite_login_forget(rr_store *s, const char *key, long long at)
{
	sqlite3_stmt *st = rr_sqlite_prepare(s, "DELETE FROM login_failure WHERE rowid = "
		"(SELECT rowid FROM login_failure WHERE key = ?1 AND at = ?2 LIMIT 1)");
	if (!st)
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, key);
	sqlite3_bind_int64(st, 2, at);
	return rr_sqlite_run(s, st, "forget failure");
}

rr_err rr_sqlite_login_clear(rr_store *s, const char *key)
{
	sqlite3_stmt *st = rr_sqlite_prepare(s, "DELETE FROM login_failure WHERE key = ?1");
	if (!st)
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, key);
	return rr_sqlite_run(s, st, "clear failures");
}
