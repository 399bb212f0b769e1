/* auth_store.h - accounts, sessions, login throttling and the audit log in
 * the store. Policy (hashing, expiry, roles) lives in src/auth/; this file
 * only keeps the rows. Returned JSON objects are new references. */
#ifndef RR_AUTH_STORE_H
#define RR_AUTH_STORE_H

#include <jansson.h>

#include "store.h"

/* --- users. A user JSON object: {"id", "name", "disabled", "created_at",
 * "grants": [{"organisation", "role"}]} plus "password_hash" from
 * rr_store_user_get only. */
rr_err rr_store_user_add(rr_store *s, const char *name, const char *hash, long long *id);
/* A new password, and disabling an account, end every session of the user
 * (in the same transaction when one is open). */
rr_err rr_store_user_set_hash(rr_store *s, const char *name, const char *hash);
rr_err rr_store_user_set_disabled(rr_store *s, const char *name, int disabled);
rr_err rr_store_user_grant(rr_store *s, const char *name, const char *org, const char *role);
/* Withdraws one role of one body (nothing when the user does not hold it). */
rr_err rr_store_user_revoke(rr_store *s, const char *name, const char *org, const char *role);
rr_err rr_store_user_get(rr_store *s, const char *name, json_t **out);
rr_err rr_store_user_by_id(rr_store *s, long long id, json_t **out);
rr_err rr_store_users(rr_store *s, json_t **out);

/* --- sessions, keyed by the hash of the token (the token itself is never
 * stored). Times are seconds since the epoch. */
rr_err rr_store_session_add(rr_store *s, const char *token_hash, long long user,
			    const char *csrf, long long now);
/* RR_ENOTFOUND when there is no such session. */
rr_err rr_store_session_get(rr_store *s, const char *token_hash, long long *user,
			    char csrf[96], long long *created, long long *last_seen);
rr_err rr_store_session_touch(rr_store *s, const char *token_hash, long long now);
rr_err rr_store_session_delete(rr_store *s, const char *token_hash);
rr_err rr_store_sessions_purge(rr_store *s, long long created_before, long long seen_before);

/* --- failed logins per key ("user:NAME", "addr:IP"). A login counts as a
 * failure before the password is checked (checked and counted in one
 * transaction, so that the limit is exact under concurrency); a good one
 * then forgets its address's entry and clears its user's. */
rr_err rr_store_login_failed(rr_store *s, const char *key, long long now);
/* Removes one failure of key recorded at time at (if any). */
rr_err rr_store_login_forget(rr_store *s, const char *key, long long at);
rr_err rr_store_login_failures(rr_store *s, const char *key, long long since, int *n);
rr_err rr_store_login_clear(rr_store *s, const char *key);

/* --- audit log: who changed which record when, before and after. Every
 * rr_store_put and rr_store_delete appends to it with the connection's
 * actor; the log cannot be changed (triggers refuse UPDATE and DELETE). */
void rr_store_set_actor(rr_store *s, const char *actor); /* copied; NULL: "system" */
/* Entries for one record (kind and id), or all (kind < 0), oldest first:
 * [{"seq","at","actor","action","kind","record","organisation","before","after"}] */
rr_err rr_store_audit(rr_store *s, int kind, const char *id, json_t **out);

#endif
