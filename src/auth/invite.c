/* invite.c - one-time invitation links (invite.h). */
#include "invite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "../store/auth_store.h"

bool rr_user_name_ok(const char *n)
{
	size_t len = n ? strlen(n) : 0;
	if (!len || len > 60)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!((n[i] >= 'a' && n[i] <= 'z') || (n[i] >= '0' && n[i] <= '9') ||
		      n[i] == '.' || n[i] == '-' || n[i] == '_' || n[i] == '@'))
			return false;
	return true;
}

static void hash_of(const char *token, char out[65])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof h);
}

rr_err rr_invite_create(rr_store *s, const char *name, const char *org, const char *role,
			long long now, char token[RR_TOKEN_LEN + 1])
{
	unsigned char raw[32];
	char h[65], stored[128];
	json_t *u = NULL;
	rr_err e;

	if (!rr_user_name_ok(name) || !rr_role_valid(role) || !org)
		return RR_EINVAL;
	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(token, RR_TOKEN_LEN + 1, raw, sizeof raw,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	hash_of(token, h);
	snprintf(stored, sizeof stored, "invite$%lld$%s", now + RR_INVITE_DAYS * 86400LL, h);
	if ((e = rr_store_begin(s)))
		return e;
	/* create-only: checked inside the transaction, and the store refuses a
	 * second user of the same name (RR_ECONFLICT) all the same */
	if (rr_store_user_get(s, name, &u) == RR_OK)
		e = RR_ECONFLICT;
	json_decref(u);
	if (!e && !(e = rr_store_user_add(s, name, stored, NULL)))
		e = rr_store_user_grant(s, name, org, role);
	if (!e)
		e = rr_store_commit(s);
	if (e)
		rr_store_rollback(s);
	return e;
}

bool rr_invite_valid(rr_store *s, const char *name, const char *token, long long now)
{
	json_t *u = NULL;
	const char *stored, *dollar;
	char h[65];
	bool ok = false;

	if (!name || !token || strlen(token) != RR_TOKEN_LEN || !rr_user_name_ok(name) ||
	    rr_store_user_get(s, name, &u))
		return false;
	stored = json_string_value(json_object_get(u, "password_hash"));
	if (stored && !strncmp(stored, "invite$", 7) && (dollar = strchr(stored + 7, '$'))) {
		long long expires = strtoll(stored + 7, NULL, 10);
		hash_of(token, h);
		ok = now < expires && strlen(dollar + 1) == 64 &&
		     sodium_memcmp(dollar + 1, h, 64) == 0 &&
		     !json_is_true(json_object_get(u, "disabled"));
	}
	json_decref(u);
	return ok;
}

rr_err rr_invite_accept(rr_store *s, const char *name, const char *token, const char *pw,
			long long now, const char **why)
{
	char hash[crypto_pwhash_STRBYTES];
	rr_err e;

	if (!rr_invite_valid(s, name, token, now))
		return RR_EPERM;
	if ((e = rr_password_check(pw, why)))
		return e;
	if ((e = rr_password_hash(pw, hash, sizeof hash)))
		return e;
	if ((e = rr_store_begin(s)))
		return e;
	if (!(e = rr_store_user_set_hash(s, name, hash)))
		e = rr_store_commit(s);
	if (e)
		rr_store_rollback(s);
	return e;
}
