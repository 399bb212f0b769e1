/* server.h - the public web server of the register (reisregister serve).
 *
 * libmicrohttpd runs the connections (epoll, a few connection threads);
 * they parse requests, apply the limits (conns.h) and serve the cache, and
 * never touch the database. What the cache does not have is rendered by a
 * pool of worker threads (pool.h) while the connection waits suspended;
 * requests for the same page at the same time wait for one rendering.
 * Every request is turned into one rr_req
 * (method, parsed target, the few headers that matter, the viewer, and the
 * store connection of the worker thread) and dispatched through the route
 * table (routes.c) to a handler that fills an rr_resp. The server then adds
 * the security and caching headers, keeps rendered GET responses in the
 * cache (cache.c), answers conditional requests with 304, and logs one line
 * per request to stderr: METHOD PATH STATUS BYTES MS.
 *
 * Every handler reads through rr_req.viewer; the store applies visibility.
 * Anonymous visitors get rr_viewer_anonymous. A request with a valid
 * rr_session cookie gets its principal (auth.h) and that principal's viewer;
 * its responses are never kept in or served from the shared cache and carry
 * Cache-Control: no-store. POST routes (routes.h) take an urlencoded body
 * (RR_BODY_MAX; 413 beyond, 415 for another type), parsed into r->form, and
 * the server checks the session, the CSRF token (field "csrf") and the
 * Origin (or Referer) before the handler runs: 403 otherwise. */
#ifndef RR_WEB_SERVER_H
#define RR_WEB_SERVER_H

#include <stdbool.h>
#include <stddef.h>

#include "store/put_checked.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/err.h"
#include "web/request.h"

struct rr_principal;
struct rr_form;

#define RR_HEADER_MAX 8192      /* all request headers together */
#define RR_BODY_MAX 65536       /* request bodies (urlencoded forms) */
#define RR_PAGE_MAX ((size_t)32 << 20) /* a rendered response */
#define RR_CAPS_MAX 4

typedef enum {
	RR_CT_HTML,
	RR_CT_JSON,
	RR_CT_CSV,
	RR_CT_ATOM,
	RR_CT_TEXT,
	RR_CT_XLSX,   /* a spreadsheet (Office Open XML) */
	RR_CT_BINARY, /* a file to download as it is (application/octet-stream) */
	RR_CT_XML     /* sitemaps, DiWoo, RDF/XML (application/xml) */
} rr_ctype;

typedef struct rr_req {
	const char *method;       /* "GET" or "HEAD" when a handler runs */
	const char *uri;          /* the raw target as received */
	rr_target t;              /* its decoded path segments and parameters */
	const char *cap_names[RR_CAPS_MAX]; /* route parameters: "code", ... */
	const char *caps[RR_CAPS_MAX];
	size_t ncaps;
	const rr_viewer *viewer;  /* who is asking; the store filters by it */
	rr_store *store;          /* this worker thread's connection */
	const struct rr_route *route;        /* the matched route (routes.h) */
	const struct rr_principal *principal; /* signed-in user, or NULL */
	const struct rr_form *form;  /* a POST's fields, else NULL */
	const char *session_token;   /* the rr_session cookie as sent, or NULL */
	char client_addr[64];        /* for login throttling */
	bool secure;                 /* https (directly or via a trusted proxy) */
	rr_viewer viewer_buf;        /* the principal's viewer; viewer points here */
	char version_now[RR_VERSION_MAX]; /* the record's version read by the last save
	                                   * (web/ak_save.c): a form shown again carries it */
} rr_req;

typedef struct rr_resp {
	int status;               /* 200 unless the handler says otherwise */
	rr_ctype ctype;
	rr_buf body;              /* owned by the server */
	const char *disposition;  /* Content-Disposition (a literal) or NULL */
	bool no_store;            /* do not keep in the cache */
	char location[512];       /* Location for 303 (a local path), or "" */
	bool set_session;         /* send Set-Cookie rr_session=session */
	char session[48];         /* the new token; "" ends the session */
} rr_resp;

/* Answers 303 See Other to a local path (copied). */
void rr_resp_redirect(rr_resp *o, const char *path);

/* A route parameter by name (see routes.c), or NULL. */
const char *rr_req_cap(const rr_req *r, const char *name);
/* A query parameter (first value, empty counts as absent), or NULL. Only
 * the parameters the route declares in routes.c are answered: the others
 * are not part of the cache key, so a handler must not depend on them. */
const char *rr_req_param(const rr_req *r, const char *key);

typedef rr_err (*rr_handler)(rr_req *r, rr_resp *resp);

typedef struct rr_serve_opts {
	const char *db;
	const char *host;         /* numeric IPv4 or IPv6 address */
	unsigned port;
	unsigned threads;         /* connection threads; 0: number of CPUs */
	unsigned workers;         /* threads that render; 0: 2 per CPU, at least 4 */
	unsigned queue;           /* renders waiting at most; 0: 64 per worker */
	unsigned max_connections; /* open connections at most; 0: 4000 (or what
	                           * the descriptor limit allows) */
	unsigned max_per_address; /* per client address; 0: 64 */
	unsigned request_secs;    /* a whole request within; 0: 10 */
	size_t cache_bytes;       /* 0: default */
	bool no_cache;            /* keep nothing (benchmarks of rendering) */
	bool trust_proxy;         /* believe X-Forwarded-Proto and -For */
} rr_serve_opts;

/* Runs the server until SIGTERM or SIGINT; then stops accepting, finishes
 * the requests in flight and returns. Messages for the operator go to
 * stderr. */
rr_err rr_serve(const rr_serve_opts *o, rr_diag *d);

#endif
