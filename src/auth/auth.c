#include "auth.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "../store/auth_store.h"

static const struct { const char *name; unsigned caps; } roles[] = {
	{"beheerder", RR_CAP_READ | RR_CAP_ADMIN},
	{"redacteur", RR_CAP_READ | RR_CAP_EDIT},
	{"secretaris", RR_CAP_READ | RR_CAP_DECIDE},
	{"lezer", RR_CAP_READ},
};

unsigned rr_role_caps(const char *role)
{
	for (size_t i = 0; role && i < sizeof roles / sizeof roles[0]; i++)
		if (!strcmp(roles[i].name, role))
			return roles[i].caps;
	return 0;
}

bool rr_role_valid(const char *role)
{
	return rr_role_caps(role) != 0;
}

void rr_principal_free(rr_principal *p)
{
	if (!p)
		return;
	json_decref(p->grants);
	memset(p, 0, sizeof *p);
}

rr_viewer rr_principal_viewer(const rr_principal *p)
{
	rr_viewer v = {false, NULL, 0};
	if (p) {
		v.orgs = p->read_orgs;
		v.norgs = p->nread;
	}
	return v;
}

bool rr_can(const rr_principal *p, const char *org, rr_cap cap)
{
	json_t *g;
	size_t i;
	if (!p || !org)
		return false;
	json_array_foreach(p->grants, i, g) {
		const char *o = json_string_value(json_object_get(g, "organisation"));
		if (o && !strcmp(o, org) &&
		    (rr_role_caps(json_string_value(json_object_get(g, "role"))) & cap))
			return true;
	}
	return false;
}

rr_err rr_auth_init(void)
{
	return sodium_init() < 0 ? RR_EIO : RR_OK;
}

rr_err rr_password_check(const char *pw, const char **why)
{
	size_t n = pw ? strlen(pw) : 0;
	if (n < RR_PASSWORD_MIN) {
		*why = "the password must have at least 10 characters";
		return RR_EINVAL;
	}
	if (n > 1000) {
		*why = "the password is longer than 1000 characters";
		return RR_EINVAL;
	}
	return RR_OK;
}

rr_err rr_password_hash(const char *pw, char *out, size_t outlen)
{
	if (outlen < crypto_pwhash_STRBYTES)
		return RR_ETOOBIG;
	if (crypto_pwhash_str(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return RR_ENOMEM;
	return RR_OK;
}

bool rr_password_verify(const char *hash, const char *pw)
{
	return hash && pw && crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

static void random_token(char out[RR_TOKEN_LEN + 1])
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out, RR_TOKEN_LEN + 1, raw, sizeof raw,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof raw);
}

static void token_hash(const char *token, char out[65])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof h);
}

static rr_err throttled(rr_store *s, const char *ukey, const char *akey, long long now, bool *yes)
{
	int nu = 0, na = 0;
	rr_err e;
	if ((e = rr_store_login_failures(s, ukey, now - RR_LOGIN_WINDOW, &nu)) ||
	    (e = rr_store_login_failures(s, akey, now - RR_LOGIN_WINDOW, &na)))
		return e;
	*yes = nu >= RR_LOGIN_MAX_PER_USER || na >= RR_LOGIN_MAX_PER_ADDR;
	return RR_OK;
}

/* Checks the limits and, when under them, counts this attempt as a failure
 * for the user and the address: in one immediate (write-locked)
 * transaction, so that no two attempts see the same count. */
static rr_err reserve_attempt(rr_store *s, const char *ukey, const char *akey, long long now)
{
	bool limit = false;
	rr_err e;

	if ((e = rr_store_begin(s)))
		return e;
	if (!(e = throttled(s, ukey, akey, now, &limit)) && limit)
		e = RR_ETOOBIG;
	if (!e && !(e = rr_store_login_failed(s, ukey, now)) &&
	    !(e = rr_store_login_failed(s, akey, now)))
		e = rr_store_commit(s);
	if (e)
		rr_store_rollback(s);
	return e;
}

rr_err rr_login(rr_store *s, const char *name, const char *pw, const char *addr,
		long long now, char token[RR_TOKEN_LEN + 1])
{
	char ukey[160], akey[96], th[65], csrf[RR_TOKEN_LEN + 1];
	json_t *u = NULL;
	bool good;
	rr_err e;

	token[0] = '\0';
	snprintf(ukey, sizeof ukey, "user:%.100s", name ? name : "");
	snprintf(akey, sizeof akey, "addr:%.60s", addr ? addr : "");
	/* counted before the (slow) password check: a wrong one stays counted */
	if ((e = reserve_attempt(s, ukey, akey, now)))
		return e;
	e = rr_store_user_get(s, name ? name : "", &u);
	if (e && e != RR_ENOTFOUND)
		return e;
	if (u) {
		good = rr_password_verify(json_string_value(json_object_get(u, "password_hash")),
					  pw ? pw : "");
	} else {
		/* hash anyway, so that the time taken does not tell who exists */
		char burn[crypto_pwhash_STRBYTES];
		rr_password_hash(pw ? pw : "", burn, sizeof burn);
		good = false;
	}
	good = good && u && !json_is_true(json_object_get(u, "disabled"));
	if (!good) {
		e = RR_EPERM;
		goto out;
	}
	if ((e = rr_store_begin(s)))
		goto out;
	random_token(token);
	random_token(csrf);
	token_hash(token, th);
	if ((e = rr_store_login_clear(s, ukey)) ||
	    (e = rr_store_login_forget(s, akey, now)) ||
	    (e = rr_store_session_add(s, th, json_integer_value(json_object_get(u, "id")), csrf,
				      now)) ||
	    (e = rr_store_sessions_purge(s, now - RR_SESSION_MAX, now - RR_SESSION_IDLE)) ||
	    (e = rr_store_commit(s))) {
		rr_store_rollback(s);
		token[0] = '\0';
	}
out:
	json_decref(u);
	return e;
}

static int token_shape_ok(const char *t)
{
	size_t n = t ? strlen(t) : 0;
	if (n != RR_TOKEN_LEN)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = t[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '_'))
			return 0;
	}
	return 1;
}

rr_err rr_session_principal(rr_store *s, const char *token, long long now, rr_principal *p)
{
	char th[65];
	long long uid, created, seen;
	json_t *u = NULL, *g;
	size_t i;
	rr_err e;

	memset(p, 0, sizeof *p);
	if (!token_shape_ok(token))
		return RR_ENOTFOUND;
	token_hash(token, th);
	if ((e = rr_store_session_get(s, th, &uid, p->csrf, &created, &seen)))
		return e;
	if (now - created > RR_SESSION_MAX || now - seen > RR_SESSION_IDLE) {
		rr_store_session_delete(s, th);
		return RR_ENOTFOUND;
	}
	if ((e = rr_store_user_by_id(s, uid, &u)))
		return e;
	if (json_is_true(json_object_get(u, "disabled"))) {
		json_decref(u);
		return RR_ENOTFOUND;
	}
	p->id = uid;
	snprintf(p->name, sizeof p->name, "%s", json_string_value(json_object_get(u, "name")));
	p->grants = json_incref(json_object_get(u, "grants"));
	json_decref(u);
	json_array_foreach(p->grants, i, g) {
		const char *org = json_string_value(json_object_get(g, "organisation"));
		int dup = 0;
		for (size_t j = 0; j < p->nread; j++)
			dup |= !strcmp(p->read_orgs[j], org);
		if (!dup && p->nread < sizeof p->read_orgs / sizeof p->read_orgs[0] &&
		    (rr_role_caps(json_string_value(json_object_get(g, "role"))) & RR_CAP_READ))
			p->read_orgs[p->nread++] = org;
	}
	if (now - seen > 60) /* write at most once a minute per session */
		rr_store_session_touch(s, th, now);
	return RR_OK;
}

rr_err rr_logout(rr_store *s, const char *token)
{
	char th[65];
	if (!token_shape_ok(token))
		return RR_OK;
	token_hash(token, th);
	return rr_store_session_delete(s, th);
}

bool rr_csrf_ok(const rr_principal *p, const char *submitted)
{
	size_t n = strlen(p->csrf);
	if (!submitted || !n || strlen(submitted) != n)
		return false;
	return sodium_memcmp(p->csrf, submitted, n) == 0;
}
