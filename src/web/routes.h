/* routes.h - the route table: which handler answers which path.
 *
 * Patterns are literal segments and {name} parameters. A parameter's name
 * says what it may hold, checked before any handler runs:
 *   {code} {id}   [a-z0-9][a-z0-9._-]*, at most 100 bytes
 *   {year}        four digits
 *   {country}     two ASCII letters (either case)
 *   {kind}        like {id} (the handler checks the value)
 * The method column: RR_GET (also HEAD; the default when left out), RR_POST
 * (a signed-in form: the server checks the session, the CSRF token and the
 * Origin before the handler runs), RR_POST_LOGIN (the login form: Origin
 * only, as there is no session yet). GET never changes state. */
#ifndef RR_WEB_ROUTES_H
#define RR_WEB_ROUTES_H

#include "web/server.h"

typedef enum {
	RR_GET = 0,
	RR_POST,
	RR_POST_LOGIN
} rr_method;

enum { RR_HEAVY = 1 }; /* rr_route.flags: uncached answers may be slow */

typedef struct rr_route {
	const char *pattern; /* "/o/{code}/{year}" */
	rr_handler fn;
	rr_ctype kind;       /* what it answers, and how errors are written */
	rr_method method;
	const char *params;  /* the query parameters it reads, space-separated,
	                      * or NULL: rr_req_param answers only these */
	unsigned flags;      /* RR_HEAVY: runs with fewer workers than the rest */
} rr_route;

typedef enum {
	RR_MATCH_OK,
	RR_MATCH_NONE,       /* no pattern has this shape: 404 */
	RR_MATCH_BAD_PARAM,  /* a pattern fits but a parameter is invalid */
	RR_MATCH_METHOD      /* the path exists, for another method: 405 */
} rr_match_result;

/* Finds the route for r->method and r->t.segs (a NULL method is GET) and
 * fills r->cap_names/caps/ncaps. On
 * RR_MATCH_BAD_PARAM *route is the route whose parameter failed and
 * *bad_name that parameter's name. */
rr_match_result rr_route_match(rr_req *r, const rr_route **route,
			       const char **bad_name);

/* Validation of one parameter value by parameter name. */
bool rr_route_param_ok(const char *name, const char *value);

/* Does route read query parameter key (its params column)? */
bool rr_route_declares(const rr_route *route, const char *key);

/* The response cache's key of an anonymous GET: "anon " + the decoded path
 * re-encoded + the route's declared parameters that have a value, in the
 * order of the params column, each with its first value percent-encoded.
 * Parameters the route does not declare are not part of it (and handlers
 * cannot read them), so "?x=1" cannot make a page miss the cache. False
 * when it does not fit in n bytes (then the answer is not cached). */
bool rr_route_cache_key(const rr_req *r, const rr_route *route, char *out, size_t n);

/* The table, for listing and tests. */
const rr_route *rr_routes(size_t *n);

#endif
