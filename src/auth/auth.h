/* auth.h - who may do what: passwords, sessions, roles.
 *
 * Passwords are hashed with argon2id (libsodium crypto_pwhash_str). A
 * session is a random 256-bit token given to the browser in a cookie; the
 * store keeps only its hash, with a CSRF token bound to it. Sessions expire
 * when idle and after an absolute lifetime. Failed logins are counted per
 * account and per address and refused past a limit.
 *
 * Roles are per organisation: beheerder (users, settings), redacteur
 * (create and edit trips, gifts, results, partnerships; file reports;
 * publish), secretaris (coordination steps and college decisions), lezer
 * (read unpublished records). rr_can() is the one capability check. */
#ifndef RR_AUTH_H
#define RR_AUTH_H

#include <stdbool.h>

#include <jansson.h>

#include "../store/store.h"

typedef enum {
	RR_CAP_READ = 1,     /* see unpublished records of the body */
	RR_CAP_EDIT = 2,     /* create and change records, file reports, publish */
	RR_CAP_DECIDE = 4,   /* record coordination and college decisions */
	RR_CAP_ADMIN = 8     /* manage users and settings */
} rr_cap;

/* Capabilities of a role name, 0 for an unknown role. */
unsigned rr_role_caps(const char *role);
bool rr_role_valid(const char *role);

#define RR_TOKEN_LEN 43       /* base64url of 32 random bytes */
#define RR_SESSION_IDLE (2 * 3600)
#define RR_SESSION_MAX (12 * 3600)
#define RR_LOGIN_WINDOW (15 * 60)
#define RR_LOGIN_MAX_PER_USER 5
#define RR_LOGIN_MAX_PER_ADDR 20
#define RR_PASSWORD_MIN 10

/* A signed-in user: id, name and grants [{organisation, role}] (owned). */
typedef struct rr_principal {
	long long id;
	char name[64];
	json_t *grants;
	char csrf[96];
	/* the organisations the user may read unpublished records of, for
	 * rr_viewer; point into grants */
	const char *read_orgs[32];
	size_t nread;
} rr_principal;

void rr_principal_free(rr_principal *p);
/* The viewer for this principal (unpublished records of its bodies). */
rr_viewer rr_principal_viewer(const rr_principal *p);
/* True when p holds cap for organisation org. NULL p: anonymous, never. */
bool rr_can(const rr_principal *p, const char *org, rr_cap cap);

/* The library must be initialised once before hashing (sodium_init). */
rr_err rr_auth_init(void);
/* Checks the password policy; on RR_EINVAL *why says what is wrong. */
rr_err rr_password_check(const char *pw, const char **why);
rr_err rr_password_hash(const char *pw, char *out, size_t outlen);
bool rr_password_verify(const char *hash, const char *pw);

/* Signs in: on success token gets a new session token (never a token the
 * client had before: no session fixation). RR_EPERM for a wrong name or
 * password or a disabled account (one message for all: no user probing),
 * RR_ETOOBIG when throttled: the limits are checked and the attempt counted
 * in one write transaction before the password is checked, so that they
 * hold exactly however many attempts arrive at once. now: seconds since the
 * epoch. */
rr_err rr_login(rr_store *s, const char *name, const char *pw, const char *addr,
		long long now, char token[RR_TOKEN_LEN + 1]);
/* The principal of a session token, or RR_ENOTFOUND (unknown, expired,
 * disabled). Touches the session. Caller frees p with rr_principal_free. */
rr_err rr_session_principal(rr_store *s, const char *token, long long now, rr_principal *p);
rr_err rr_logout(rr_store *s, const char *token);
/* Constant-time comparison of a submitted CSRF token with the session's. */
bool rr_csrf_ok(const rr_principal *p, const char *submitted);

#endif
