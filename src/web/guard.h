/* guard.h - who is asking, and may this POST change anything?
 *
 * The server calls these once per request, before any handler runs, so
 * that the rules live in one place:
 *   guard_identify  the rr_session cookie -> principal and viewer
 *   guard_post_ok   a state-changing POST: session + CSRF token + Origin
 *   guard_cookie    the Set-Cookie value for a new or ended session
 * Nothing here depends on libmicrohttpd, so it is unit-tested directly. */
#ifndef RR_WEB_GUARD_H
#define RR_WEB_GUARD_H

#include <stdbool.h>
#include <stddef.h>

#include "auth/auth.h"
#include "web/routes.h"
#include "web/server.h"

#define RR_SESSION_COOKIE "rr_session"

/* Finds the value of cookie name in a Cookie header (NULL: none) and copies
 * it into out (n bytes). False when absent or too long. */
bool guard_cookie_value(const char *header, const char *name, char *out, size_t n);

/* Looks up the session of token (may be NULL) at now. On success fills p
 * (caller frees with rr_principal_free), sets r->principal and r->viewer
 * and returns true; otherwise r stays anonymous (rr_viewer_anonymous). */
bool guard_identify(rr_req *r, rr_principal *p, const char *token, long long now);

/* Is the request's origin the server's own? origin/referer are the request
 * headers (NULL when absent), host the Host header, secure the scheme. An
 * Origin must equal "http[s]://HOST"; without Origin the Referer must start
 * with "http[s]://HOST/"; with neither it is refused. */
bool guard_same_origin(const char *origin, const char *referer, const char *host,
		       bool secure);

/* May this POST run? m is the route's method. RR_POST needs a principal and
 * its CSRF token in the form field "csrf"; both kinds need the same origin.
 * On false *why says which check failed (a literal, for the log). */
bool guard_post_ok(const rr_req *r, rr_method m, const char *origin, const char *referer,
		   const char *host, const char **why);

/* The Set-Cookie header value for o (o->set_session must be true):
 * "rr_session=TOKEN; Path=/; HttpOnly; SameSite=Strict[; Secure]", or the
 * same with an empty value and Max-Age=0 to end the session. */
void guard_cookie(char *out, size_t n, const rr_resp *o, bool secure);

#endif
