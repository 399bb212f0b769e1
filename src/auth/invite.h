/* invite.h - inviting a user by a one-time link.
 *
 * A beheerder invites a new user of their body: the account is made with a
 * role of that body and, instead of a password hash, the pending
 * invitation "invite$EXPIRES$HASH" (the hash of a random token, like a
 * session's; the token itself is never stored). Nobody can sign in to it
 * (rr_password_verify fails on it) until the invitee opens the link
 * /uitnodiging?naam=NAME&code=TOKEN within RR_INVITE_DAYS days and chooses
 * a password, which replaces the invitation. */
#ifndef RR_INVITE_H
#define RR_INVITE_H

#include "auth.h"

#define RR_INVITE_DAYS 7

/* Makes user name with role of org and a pending invitation; token gets
 * the one-time code for the link. RR_ECONFLICT when the name is taken,
 * RR_EINVAL for a bad name or role. now: seconds since the epoch. */
rr_err rr_invite_create(rr_store *s, const char *name, const char *org, const char *role,
			long long now, char token[RR_TOKEN_LEN + 1]);
/* True when name has a pending invitation for token that has not expired. */
bool rr_invite_valid(rr_store *s, const char *name, const char *token, long long now);
/* Accepts the invitation: password pw (the policy applies; *why says what
 * is wrong on RR_EINVAL) replaces it. RR_EPERM when the invitation is not
 * valid (unknown, used, expired). */
rr_err rr_invite_accept(rr_store *s, const char *name, const char *token, const char *pw,
			long long now, const char **why);
/* True when a user name has the form the CLI accepts: 1-60 of a-z 0-9 . - _ @. */
bool rr_user_name_ok(const char *name);

#endif
