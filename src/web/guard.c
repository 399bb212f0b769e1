/* guard.c - sessions, CSRF and Origin checks of the web server (guard.h). */
#include "web/guard.h"

#include <stdio.h>
#include <string.h>

#include "web/form.h"

bool guard_cookie_value(const char *header, const char *name, char *out, size_t n)
{
	size_t nl = strlen(name);
	const char *p = header;

	if (!p || !n)
		return false;
	while (*p) {
		const char *end;
		size_t len;

		while (*p == ' ' || *p == '\t' || *p == ';')
			p++;
		end = strchr(p, ';');
		len = end ? (size_t)(end - p) : strlen(p);
		if (len > nl && !strncmp(p, name, nl) && p[nl] == '=') {
			size_t vl = len - nl - 1;

			while (vl && (p[nl + 1 + vl - 1] == ' ' || p[nl + 1 + vl - 1] == '\t'))
				vl--;
			if (vl >= n)
				return false;
			memcpy(out, p + nl + 1, vl);
			out[vl] = '\0';
			return true;
		}
		p += len;
	}
	return false;
}

bool guard_identify(rr_req *r, rr_principal *p, const char *token, long long now)
{
	r->principal = NULL;
	r->viewer = &rr_viewer_anonymous;
	if (!token || !*token || !r->store)
		return false;
	if (rr_session_principal(r->store, token, now, p) != RR_OK)
		return false;
	r->principal = p;
	r->viewer_buf = rr_principal_viewer(p);
	r->viewer = &r->viewer_buf;
	return true;
}

bool guard_same_origin(const char *origin, const char *referer, const char *host,
		       bool secure)
{
	char want[300];
	size_t wl;

	if (!host || !*host || strlen(host) > 255 || strpbrk(host, "/@ \t"))
		return false;
	wl = (size_t)snprintf(want, sizeof want, "%s://%s", secure ? "https" : "http", host);
	if (origin)
		return !strcmp(origin, want);
	if (referer)
		return !strncmp(referer, want, wl) && referer[wl] == '/';
	return false;
}

bool guard_post_ok(const rr_req *r, rr_method m, const char *origin, const char *referer,
		   const char *host, const char **why)
{
	if (!guard_same_origin(origin, referer, host, r->secure)) {
		*why = "origin";
		return false;
	}
	if (m == RR_POST_LOGIN)
		return true;
	if (!r->principal) {
		*why = "session";
		return false;
	}
	if (!rr_csrf_ok(r->principal, r->form ? rr_form_get(r->form, "csrf") : NULL)) {
		*why = "csrf";
		return false;
	}
	return true;
}

void guard_cookie(char *out, size_t n, const rr_resp *o, bool secure)
{
	if (o->session[0])
		snprintf(out, n, RR_SESSION_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict%s",
			 o->session, secure ? "; Secure" : "");
	else
		snprintf(out, n, RR_SESSION_COOKIE "=; Path=/; Max-Age=0; HttpOnly; "
			 "SameSite=Strict%s", secure ? "; Secure" : "");
}

void rr_resp_redirect(rr_resp *o, const char *path)
{
	o->status = 303;
	o->no_store = true;
	/* a local path only: never "//host" or "/\\host" (open redirects) */
	if (!path || path[0] != '/' || path[1] == '/' || path[1] == '\\' ||
	    strpbrk(path, "\r\n"))
		path = "/";
	snprintf(o->location, sizeof o->location, "%s", path);
}
