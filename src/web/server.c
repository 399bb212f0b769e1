/* server.c - libmicrohttpd front of the public site (server.h).
 *
 * A connection's life: libmicrohttpd opens it and notify_conn registers it
 * (conns.h) with a zeroed `request` of ours, which lives until the
 * connection closes, so that no request path can leak it (libmicrohttpd
 * does not call the completion callback of every request it refuses
 * itself). A request's life: the URI log callback resets the request and
 * copies the raw target; the access handler checks the framing and the
 * limits, then either answers from the cache (or with an error) on the
 * connection thread, or suspends the connection and hands the work to the
 * pool (pool.h); the worker renders, stores the page, and resumes the
 * connection, whose next call to the access handler sends the answer. The
 * completion callback logs the line. */
#include "web/server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>
#include <sodium.h>

#include "auth/auth.h"
#include "store/gen.h"
#include "web/assets.h"
#include "web/cache.h"
#include "web/conns.h"
#include "web/form.h"
#include "web/guard.h"
#include "web/pages.h"
#include "web/pool.h"
#include "web/routes.h"

#define DEFAULT_CACHE_BYTES ((size_t)64 << 20)
#define CACHE_ENTRIES 4096
#define KEY_MAX (3 * RR_URL_MAX + 64)
#define FLIGHT_BUCKETS 256
#define RETRY_BUSY "2"      /* seconds, Retry-After when too busy */
#define RETRY_DB "30"       /* seconds, Retry-After when the database fails */

static const char CSP[] = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
	"script-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

typedef struct request request;

/* Requests waiting for one rendering of the same page (key, generation). */
typedef struct flight {
	char *key;
	long long gen;
	request *waiters;
	struct flight *next;
} flight;

typedef struct server {
	const char *db;
	rr_cache *cache;
	rr_pool *pool;
	rr_conns *conns;
	rr_gen *gen;             /* the store's write generation (store/gen.h) */
	atomic_llong epoch;      /* changes the backstop saw that gen did not */
	rr_store *watch;         /* the backstop's connection (sweeper thread) */
	long long seen_db, seen_gen;
	pthread_key_t store_key; /* each worker thread's rr_store */
	bool trust_proxy;        /* believe X-Forwarded-Proto / -For */
	size_t soft_total, max_per_addr;
	pthread_mutex_t fl_mu;
	flight *flights[FLIGHT_BUCKETS];
} server;

/* The state of one connection and of the request it is on. */
struct request {
	server *srv;
	rr_conn *link;
	struct MHD_Connection *mhd;
	char addr[64];         /* the TCP peer */
	/* per request: reset_request */
	char uri[RR_URL_MAX + 1];
	size_t urilen;
	bool too_long;
	bool headers_seen;     /* the first call (headers only) is done */
	bool answered;
	bool waiting;          /* suspended for a worker */
	bool busy;             /* the worker could not be had: answer 503 */
	size_t body_bytes;
	char *body;            /* a POST's body (RR_BODY_MAX + 1 bytes), owned */
	bool secure;           /* https, directly or via a trusted proxy */
	struct timespec t0;
	int status;
	size_t bytes;
	char method[12];
	rr_cache_entry *entry; /* a worker's answer, then held while sent */
	rr_resp *resp;         /* a worker's private answer, owned */
	request *wnext;        /* the next waiter of the same flight */
};

/* The work handed to the pool for one request (or one flight). */
typedef struct job {
	rr_work w;             /* first: the pool hands back &w */
	server *srv;
	request *rq;           /* the request that asked (not for flights) */
	flight *fl;            /* an anonymous GET: the flight it renders */
	rr_req *r;             /* owned */
	rr_form *form;         /* owned */
	const rr_route *route;
	char *cookie, *origin, *referer, *host; /* copies of the headers */
	long long gen;
	char key[];
} job;

const char *rr_req_cap(const rr_req *r, const char *name)
{
	for (size_t i = 0; i < r->ncaps; i++)
		if (!strcmp(r->cap_names[i], name))
			return r->caps[i];
	return NULL;
}

const char *rr_req_param(const rr_req *r, const char *key)
{
	if (r->route && !rr_route_declares(r->route, key)) {
		fprintf(stderr, "reisregister serve: route %s reads parameter '%s' that it does "
			"not declare in routes.c; ignored\n", r->route->pattern, key);
		return NULL;
	}
	return rr_target_param(&r->t, key);
}

/* The generation the cache works with: the shared counter, plus what the
 * once-a-second backstop saw change in the database behind its back (a
 * write by a program that does not bump the counter). This is the one
 * function where the cache meets the store. */
static long long generation(server *srv)
{
	return rr_gen_read(srv->gen) + (atomic_load(&srv->epoch) << 40);
}

static void backstop(void *cls)
{
	server *srv = cls;
	long long db, g;

	if (!srv->watch || rr_store_generation(srv->watch, &db))
		return;
	g = rr_gen_read(srv->gen);
	/* every commit through the store moves both by one: when the database
	 * moved further than the counter, someone wrote behind the store's back */
	if (srv->seen_db >= 0 && db - srv->seen_db > g - srv->seen_gen)
		atomic_fetch_add(&srv->epoch, 1);
	srv->seen_db = db;
	srv->seen_gen = g;
}

static void reset_request(request *rq)
{
	if (rq->entry)
		rr_cache_release(rq->srv->cache, rq->entry);
	if (rq->resp) {
		rr_buf_free(&rq->resp->body);
		free(rq->resp);
	}
	free(rq->body);
	memset(rq->uri, 0, sizeof rq->uri);
	rq->urilen = 0;
	rq->too_long = rq->headers_seen = rq->answered = rq->waiting = rq->busy = false;
	rq->body_bytes = 0;
	rq->body = NULL;
	rq->secure = false;
	rq->status = 0;
	rq->bytes = 0;
	rq->method[0] = '\0';
	rq->entry = NULL;
	rq->resp = NULL;
	rq->wnext = NULL;
}

static request *conn_request(struct MHD_Connection *con)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(con, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return ci && ci->socket_context ? rr_conn_data(ci->socket_context) : NULL;
}

static void peer_addr(struct MHD_Connection *con, char *out, size_t n)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(con, MHD_CONNECTION_INFO_CLIENT_ADDRESS);

	snprintf(out, n, "-");
	if (!ci || !ci->client_addr)
		return;
	if (ci->client_addr->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)ci->client_addr)->sin_addr,
			  out, (socklen_t)n);
	else if (ci->client_addr->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)ci->client_addr)->sin6_addr,
			  out, (socklen_t)n);
}

static void notify_conn(void *cls, struct MHD_Connection *con, void **sock_ctx,
			enum MHD_ConnectionNotificationCode toe)
{
	server *srv = cls;

	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *fi =
			MHD_get_connection_info(con, MHD_CONNECTION_INFO_CONNECTION_FD);
		char addr[64];
		rr_conn *k;

		peer_addr(con, addr, sizeof addr);
		k = rr_conns_open(srv->conns, fi ? fi->connect_fd : -1, addr, sizeof(request));
		if (k) {
			request *rq = rr_conn_data(k);
			rq->srv = srv;
			rq->link = k;
			rq->mhd = con;
			snprintf(rq->addr, sizeof rq->addr, "%s", addr);
		}
		*sock_ctx = k;
		return;
	}
	if (*sock_ctx) {
		/* never while suspended: libmicrohttpd does not close those, and
		 * the pool is drained before the daemon stops */
		reset_request(rr_conn_data(*sock_ctx));
		rr_conns_close(srv->conns, *sock_ctx);
		*sock_ctx = NULL;
	}
}

static void *uri_logger(void *cls, const char *uri, struct MHD_Connection *con)
{
	request *rq = conn_request(con);
	size_t n = strlen(uri);

	(void)cls;
	if (!rq)
		return NULL;
	reset_request(rq);
	clock_gettime(CLOCK_MONOTONIC, &rq->t0);
	if (n > RR_URL_MAX) {
		rq->too_long = true;
		n = 64; /* enough for the log line */
	}
	memcpy(rq->uri, uri, n);
	rq->uri[n] = '\0';
	rq->urilen = n;
	return rq;
}

static void log_line(request *rq)
{
	struct timespec t1;
	char line[400], path[201];
	size_t j = 0;
	double ms;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (double)(t1.tv_sec - rq->t0.tv_sec) * 1e3 +
	     (double)(t1.tv_nsec - rq->t0.tv_nsec) / 1e6;
	for (size_t i = 0; i < rq->urilen && j < sizeof path - 1; i++) {
		unsigned char c = (unsigned char)rq->uri[i];
		path[j++] = (c < 0x21 || c > 0x7e) ? '?' : (char)c;
	}
	path[j] = '\0';
	int len = snprintf(line, sizeof line, "%s %s%s %d %zu %.2f\n",
			   rq->method[0] ? rq->method : "-", path,
			   rq->too_long ? "..." : "", rq->status, rq->bytes, ms);
	if (len > 0) {
		ssize_t w = write(STDERR_FILENO, line, (size_t)len < sizeof line ? (size_t)len : sizeof line - 1);
		(void)w;
	}
}

static void completed(void *cls, struct MHD_Connection *con, void **req_cls,
		      enum MHD_RequestTerminationCode toe)
{
	request *rq = *req_cls;

	(void)cls;
	(void)con;
	(void)toe;
	if (!rq)
		return;
	if (rq->answered)
		log_line(rq);
	reset_request(rq);
	rr_conn_set(rq->link, RR_CONN_WAITING, 0); /* the next request's time */
	*req_cls = NULL;
}

static const char *ctype_header(rr_ctype t)
{
	switch (t) {
	case RR_CT_HTML: return "text/html; charset=utf-8";
	case RR_CT_JSON: return "application/json";
	case RR_CT_CSV: return "text/csv; charset=utf-8";
	case RR_CT_ATOM: return "application/atom+xml; charset=utf-8";
	case RR_CT_XLSX: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	case RR_CT_BINARY: return "application/octet-stream";
	case RR_CT_XML: return "application/xml; charset=utf-8";
	default: return "text/plain; charset=utf-8";
	}
}

static void common_headers(struct MHD_Response *resp, rr_ctype t)
{
	MHD_add_response_header(resp, "Content-Type", ctype_header(t));
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "strict-origin-when-cross-origin");
	MHD_add_response_header(resp, "Access-Control-Allow-Origin", "*");
	if (t == RR_CT_HTML)
		MHD_add_response_header(resp, "Content-Security-Policy", CSP);
}

static enum MHD_Result answer(struct MHD_Connection *con, request *rq, int status,
			      struct MHD_Response *resp, size_t len)
{
	enum MHD_Result ret;

	if (!resp)
		return MHD_NO;
	rq->status = status;
	rq->bytes = len;
	rq->answered = true;
	rr_conn_set(rq->link, RR_CONN_SENDING, len);
	ret = MHD_queue_response(con, (unsigned)status, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* Extra headers of an answer that is not from the cache. */
typedef struct extra {
	const char *allow;       /* Allow, for 405 */
	const char *retry_after; /* Retry-After, for 503 */
	bool close;              /* Connection: close */
} extra;

/* An uncached response from o's body (ownership of the bytes moves). */
static enum MHD_Result send_resp(struct MHD_Connection *con, request *rq, rr_resp *o,
				 const extra *x)
{
	size_t len = 0;
	char *data = rr_buf_steal(&o->body, &len);
	struct MHD_Response *resp;

	if (!data)
		len = 0;
	resp = MHD_create_response_from_buffer(len, data ? data : (void *)"",
		data ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	if (!resp) {
		free(data);
		return MHD_NO;
	}
	common_headers(resp, o->ctype);
	MHD_add_response_header(resp, "Cache-Control", "no-store");
	if (x && x->allow)
		MHD_add_response_header(resp, "Allow", x->allow);
	if (x && x->retry_after)
		MHD_add_response_header(resp, "Retry-After", x->retry_after);
	else if (o->status == 503)
		MHD_add_response_header(resp, "Retry-After", RETRY_DB);
	if (x && x->close)
		MHD_add_response_header(resp, "Connection", "close");
	if (o->location[0])
		MHD_add_response_header(resp, "Location", o->location);
	if (o->set_session) {
		char cookie[200];
		guard_cookie(cookie, sizeof cookie, o, rq->secure);
		MHD_add_response_header(resp, "Set-Cookie", cookie);
	}
	return answer(con, rq, o->status, resp, len);
}

static enum MHD_Result send_error(struct MHD_Connection *con, request *rq,
				  rr_ctype t, int status, const char *code,
				  const char *msg, const extra *x)
{
	rr_resp o = {.ctype = t};
	enum MHD_Result ret;

	rr_buf_init(&o.body, RR_PAGE_MAX);
	page_error(&o, status, code, msg);
	ret = send_resp(con, rq, &o, x);
	rr_buf_free(&o.body);
	return ret;
}

static const char BUSY_MSG[] = "Het is op dit moment te druk op deze site. Probeer het over "
	"enkele seconden opnieuw.";

static enum MHD_Result send_busy(struct MHD_Connection *con, request *rq, rr_ctype t,
				 const char *msg, bool close)
{
	extra x = {.retry_after = RETRY_BUSY, .close = close};

	return send_error(con, rq, t, 503, "unavailable", msg, &x);
}

/* An entry (cached or shared by waiters), or 304 when the client has it.
 * hit: it came from the cache without rendering (X-Cache: hit). */
static enum MHD_Result send_entry(struct MHD_Connection *con, request *rq,
				  rr_cache_entry *e, bool hit)
{
	const char *inm = MHD_lookup_connection_value(con, MHD_HEADER_KIND, "If-None-Match");
	const char *ims = MHD_lookup_connection_value(con, MHD_HEADER_KIND, "If-Modified-Since");
	bool not_modified = false, kept = e->status == 200;
	struct MHD_Response *resp;
	char lm[32];
	int status = e->status;

	rq->entry = e; /* released when the request completes */
	if (kept && inm)
		not_modified = rr_etag_match(inm, e->etag);
	else if (kept && ims) {
		time_t t = rr_http_date_parse(ims);
		not_modified = t >= 0 && t >= e->last_modified;
	}
	if (not_modified) {
		resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
		status = 304;
	} else {
		resp = MHD_create_response_from_buffer(e->len, e->body, MHD_RESPMEM_PERSISTENT);
	}
	if (!resp)
		return MHD_NO;
	common_headers(resp, (rr_ctype)e->ctype);
	if (kept) {
		rr_http_date(e->last_modified, lm);
		MHD_add_response_header(resp, "ETag", e->etag);
		MHD_add_response_header(resp, "Last-Modified", lm);
		MHD_add_response_header(resp, "Cache-Control", "public, max-age=60");
		MHD_add_response_header(resp, "Vary", "Cookie");
		MHD_add_response_header(resp, "X-Cache", hit ? "hit" : "miss");
	} else {
		MHD_add_response_header(resp, "Cache-Control", "no-store");
		if (status == 503)
			MHD_add_response_header(resp, "Retry-After", RETRY_DB);
	}
	if (e->disposition && status == 200)
		MHD_add_response_header(resp, "Content-Disposition", e->disposition);
	if (e->location[0])
		MHD_add_response_header(resp, "Location", e->location);
	return answer(con, rq, status, resp, status == 304 ? 0 : e->len);
}

static enum MHD_Result send_asset(struct MHD_Connection *con, request *rq,
				  const rr_asset *a)
{
	const char *inm = MHD_lookup_connection_value(con, MHD_HEADER_KIND, "If-None-Match");
	bool nm = inm && assets_etag_match(a, inm);
	struct MHD_Response *resp = MHD_create_response_from_buffer(nm ? 0 : a->len,
		nm ? (void *)"" : (void *)a->data, MHD_RESPMEM_PERSISTENT);

	if (!resp)
		return MHD_NO;
	MHD_add_response_header(resp, "Content-Type", a->content_type);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "ETag", a->etag);
	MHD_add_response_header(resp, "Cache-Control", "public, max-age=86400");
	return answer(con, rq, nm ? 304 : 200, resp, nm ? 0 : a->len);
}

/* ---- framing ---- */

typedef struct framing {
	size_t bytes;          /* all header lines together */
	unsigned content_length, transfer_encoding, host;
	bool te_chunked;
} framing;

static enum MHD_Result count_header(void *cls, enum MHD_ValueKind kind, const char *key,
				    const char *value)
{
	framing *f = cls;

	(void)kind;
	f->bytes += strlen(key) + (value ? strlen(value) : 0) + 4;
	if (!strcasecmp(key, "Content-Length"))
		f->content_length++;
	else if (!strcasecmp(key, "Transfer-Encoding")) {
		f->transfer_encoding++;
		f->te_chunked = value && !strcasecmp(value, "chunked");
	} else if (!strcasecmp(key, "Host"))
		f->host++;
	return MHD_YES;
}

/* NULL when the request's framing is unambiguous, else why not (Dutch). */
static const char *framing_problem(const framing *f, const char *version)
{
	if (f->content_length > 1)
		return "Het verzoek heeft meer dan één Content-Length.";
	if (f->content_length && f->transfer_encoding)
		return "Het verzoek heeft zowel Content-Length als Transfer-Encoding.";
	if (f->transfer_encoding > 1 || (f->transfer_encoding && !f->te_chunked))
		return "Het verzoek heeft een Transfer-Encoding die deze site niet kent.";
	if (f->host > 1)
		return "Het verzoek heeft meer dan één Host.";
	if (!f->host && version && !strcmp(version, "HTTP/1.1"))
		return "Een HTTP/1.1-verzoek zonder Host wordt niet aangenomen.";
	return NULL;
}

/* ---- work for the pool ---- */

static rr_store *thread_store(server *srv)
{
	rr_store *s = pthread_getspecific(srv->store_key);
	rr_diag d = {0};

	if (s)
		return s;
	/* read-write: sessions, login throttling and the forms write */
	if (rr_store_open(srv->db, 0, &s, &d)) {
		rr_diag_print(&d, "reisregister serve: database unavailable: ", stderr);
		rr_diag_free(&d);
		return NULL;
	}
	pthread_setspecific(srv->store_key, s);
	return s;
}

static void map_error(rr_resp *o, const rr_req *r, rr_err e)
{
	rr_buf_reset(&o->body);
	if (e == RR_ENOTFOUND) {
		page_error(o, 404, "not_found", "Deze pagina of dit record bestaat niet, of is niet openbaar.");
	} else if (e == RR_EINVAL) {
		page_error(o, 400, "bad_request", "Het verzoek is niet geldig.");
	} else if (e == RR_EUNAVAIL) {
		fprintf(stderr, "reisregister serve: %s %s: database unavailable: %s\n",
			r->method, r->route ? r->route->pattern : "-",
			r->store ? rr_store_errmsg(r->store) : "no connection");
		page_error(o, 503, "unavailable", "Het register kan nu niet worden bijgewerkt of "
			   "gelezen (storing in de opslag). Er is niets veranderd. Probeer het "
			   "later opnieuw.");
	} else {
		fprintf(stderr, "reisregister serve: %s %s: %s: %s\n", r->method,
			r->route ? r->route->pattern : "-", rr_strerror(e),
			r->store ? rr_store_errmsg(r->store) : "no connection");
		page_error(o, 500, "internal", "Er ging iets mis aan onze kant. Probeer het later opnieuw.");
	}
}

/* Runs the handler into o (status, body); never a partial page. */
static void render(rr_req *r, const rr_route *route, rr_resp *o)
{
	rr_err err;

	o->status = 200;
	o->ctype = route->kind;
	rr_buf_init(&o->body, RR_PAGE_MAX);
	if (!r->store) {
		map_error(o, r, RR_EUNAVAIL);
		return;
	}
	if ((err = route->fn(r, o)) != RR_OK)
		map_error(o, r, err);
	if (rr_buf_err(&o->body)) {
		rr_buf_free(&o->body);
		rr_buf_init(&o->body, RR_PAGE_MAX);
		page_error(o, 500, "internal", "De pagina is te groot geworden.");
	}
}

static void job_free(job *j)
{
	free(j->r);
	free(j->form);
	free(j->cookie);
	free(j->origin);
	free(j->referer);
	free(j->host);
	free(j);
}

static unsigned long key_hash(const char *s)
{
	unsigned long h = 5381;

	for (; *s; s++)
		h = h * 33 + (unsigned char)*s;
	return h % FLIGHT_BUCKETS;
}

/* Takes fl out of the table; returns its waiters. */
static request *flight_end(server *srv, flight *fl)
{
	flight **pp;
	request *w;

	pthread_mutex_lock(&srv->fl_mu);
	for (pp = &srv->flights[key_hash(fl->key)]; *pp && *pp != fl; pp = &(*pp)->next)
		;
	if (*pp)
		*pp = fl->next;
	w = fl->waiters;
	pthread_mutex_unlock(&srv->fl_mu);
	free(fl->key);
	free(fl);
	return w;
}

/* Hands e (one reference, or NULL: busy) to every waiter and wakes them. */
static void wake_all(server *srv, request *w, rr_cache_entry *e)
{
	while (w) {
		request *next = w->wnext;
		if (e) {
			if (next)
				rr_cache_ref(srv->cache, e);
			w->entry = e;
		} else {
			w->busy = true;
		}
		MHD_resume_connection(w->mhd); /* w may be gone after this */
		w = next;
	}
}

/* An anonymous GET: render, keep if it may be kept, hand to the waiters. */
static rr_cache_entry *render_public(server *srv, rr_req *r, const rr_route *route,
				     const char *key, long long gen)
{
	rr_resp o = {0};
	rr_cache_entry *e;

	render(r, route, &o);
	if (o.status == 200 && !o.no_store && key)
		e = rr_cache_put(srv->cache, key, gen, o.body.data ? o.body.data : "",
				 o.body.len, (int)o.ctype, o.disposition);
	else
		e = rr_cache_make(srv->cache, o.status, o.body.data ? o.body.data : "",
				  o.body.len, (int)o.ctype, o.disposition);
	/* a redirect (301 of an old address) carries its target; it is never
	 * kept, so the entry is still ours alone */
	if (e && o.location[0] && o.status != 200)
		snprintf(e->location, sizeof e->location, "%s", o.location);
	rr_buf_free(&o.body);
	return e;
}

/* A signed-in request, a POST, or a request with a session cookie. */
static void run_private(job *j)
{
	server *srv = j->srv;
	rr_req *r = j->r;
	request *rq = j->rq;
	char token[RR_TOKEN_LEN + 8];
	rr_principal who;
	rr_resp *o = calloc(1, sizeof *o);
	const char *why = NULL;

	if (!o) {
		rq->busy = true;
		MHD_resume_connection(rq->mhd);
		return;
	}
	if (guard_cookie_value(j->cookie, RR_SESSION_COOKIE, token, sizeof token))
		r->session_token = token;
	if (!guard_identify(r, &who, r->session_token, (long long)time(NULL)) &&
	    j->route->method == RR_GET) {
		/* an anonymous visitor after all (an old cookie): the cache */
		char *key = malloc(KEY_MAX);
		long long gen = generation(srv);
		rr_cache_entry *e = NULL;

		free(o);
		if (key && rr_route_cache_key(r, j->route, key, KEY_MAX))
			e = rr_cache_get(srv->cache, key, gen);
		else if (key)
			key[0] = '\0';
		if (!e)
			e = render_public(srv, r, j->route, key && key[0] ? key : NULL, gen);
		free(key);
		rq->entry = e;
		rq->busy = !e;
		MHD_resume_connection(rq->mhd);
		return;
	}
	if (j->route->method != RR_GET &&
	    !guard_post_ok(r, j->route->method, j->origin, j->referer, j->host, &why)) {
		fprintf(stderr, "reisregister serve: POST %s refused: %s\n", j->route->pattern, why);
		o->ctype = j->route->kind;
		rr_buf_init(&o->body, RR_PAGE_MAX);
		page_error(o, 403, "forbidden", "Dit verzoek is geweigerd: het kwam niet van een "
			   "formulier van deze site, of u bent niet (meer) ingelogd.");
	} else {
		render(r, j->route, o);
	}
	o->no_store = true;
	if (r->principal)
		rr_principal_free(&who);
	rq->resp = o;
	MHD_resume_connection(rq->mhd);
}

static void job_run(rr_work *w)
{
	job *j = (job *)w;
	server *srv = j->srv;

	j->r->store = thread_store(srv);
	j->r->form = j->form;
	if (j->fl) {
		rr_cache_entry *e = render_public(srv, j->r, j->route, j->key, j->gen);
		wake_all(srv, flight_end(srv, j->fl), e);
	} else {
		run_private(j);
	}
	job_free(j);
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static const char *header(struct MHD_Connection *con, const char *name)
{
	return MHD_lookup_connection_value(con, MHD_HEADER_KIND, name);
}

/* Suspends the connection and queues j; false (resumed, rq->busy) when the
 * pool refuses. With a flight, every waiter gets the refusal. */
static void submit(struct MHD_Connection *con, request *rq, job *j)
{
	server *srv = rq->srv;
	const char *addr = j->r->client_addr[0] ? j->r->client_addr : rq->addr;

	MHD_suspend_connection(con);
	rq->waiting = true;
	rr_conn_set(rq->link, RR_CONN_BUSY, 0);
	if (rr_pool_submit(srv->pool, &j->w, addr) == RR_POOL_OK)
		return;
	if (j->fl)
		wake_all(srv, flight_end(srv, j->fl), NULL);
	else {
		rq->busy = true;
		MHD_resume_connection(con);
	}
	job_free(j);
}

static job *job_new(request *rq, rr_req *r, rr_form *form, const rr_route *route,
		    const char *key)
{
	size_t kl = key ? strlen(key) + 1 : 1;
	job *j = calloc(1, sizeof *j + kl);

	if (!j)
		return NULL;
	j->w.run = job_run;
	j->w.heavy = (route->flags & RR_HEAVY) != 0;
	j->srv = rq->srv;
	j->rq = rq;
	j->r = r;
	j->form = form;
	j->route = route;
	if (key)
		memcpy(j->key, key, kl);
	return j;
}

/* Routes the request: the cache on this thread, everything else to the
 * pool. Takes r and form (frees them or hands them to a job). */
static enum MHD_Result dispatch(struct MHD_Connection *con, request *rq, rr_req *r,
				rr_form *form, const rr_route *route)
{
	server *srv = rq->srv;
	const char *cookie = header(con, "Cookie");
	char *key = NULL;
	job *j = NULL;
	enum MHD_Result ret = MHD_NO;

	r->route = route;
	if (route->method == RR_GET && !(cookie && strstr(cookie, RR_SESSION_COOKIE "=")) &&
	    (key = malloc(KEY_MAX)) && rr_route_cache_key(r, route, key, KEY_MAX)) {
		long long gen = generation(srv);
		rr_cache_entry *e = rr_cache_get(srv->cache, key, gen);
		flight *fl;
		unsigned long h = key_hash(key);

		if (e) {
			ret = send_entry(con, rq, e, true);
			goto out;
		}
		pthread_mutex_lock(&srv->fl_mu);
		for (fl = srv->flights[h]; fl; fl = fl->next)
			if (fl->gen == gen && !strcmp(fl->key, key))
				break;
		if (fl) { /* the same page is being rendered: wait for it */
			rq->wnext = fl->waiters;
			fl->waiters = rq;
			MHD_suspend_connection(con);
			rq->waiting = true;
			rr_conn_set(rq->link, RR_CONN_BUSY, 0);
			pthread_mutex_unlock(&srv->fl_mu);
			ret = MHD_YES;
			goto out;
		}
		if ((j = job_new(rq, r, form, route, key)) && (fl = calloc(1, sizeof *fl)) &&
		    (fl->key = strdup(key))) {
			fl->gen = gen;
			fl->waiters = rq;
			fl->next = srv->flights[h];
			srv->flights[h] = fl;
			j->fl = fl;
			j->gen = gen;
			pthread_mutex_unlock(&srv->fl_mu);
			r = NULL;
			form = NULL;
			submit(con, rq, j);
			ret = MHD_YES;
			goto out;
		}
		pthread_mutex_unlock(&srv->fl_mu);
		if (fl)
			free(fl);
		if (j) {
			j->r = NULL;
			j->form = NULL;
			job_free(j);
		}
		goto out; /* out of memory */
	}
	if (!(j = job_new(rq, r, form, route, NULL)))
		goto out;
	r = NULL;
	form = NULL;
	j->cookie = dup_or_null(cookie);
	j->origin = dup_or_null(header(con, "Origin"));
	j->referer = dup_or_null(header(con, "Referer"));
	j->host = dup_or_null(header(con, MHD_HTTP_HEADER_HOST));
	submit(con, rq, j);
	ret = MHD_YES;
out:
	free(key);
	free(r);
	free(form);
	return ret;
}

/* The second call after a worker resumed the connection. */
static enum MHD_Result send_result(struct MHD_Connection *con, request *rq, rr_ctype kind)
{
	rr_resp *o = rq->resp;
	rr_cache_entry *e = rq->entry;
	enum MHD_Result ret;

	rq->waiting = false;
	if (o) {
		rq->resp = NULL;
		ret = send_resp(con, rq, o, NULL);
		rr_buf_free(&o->body);
		free(o);
		return ret;
	}
	if (e) {
		rq->entry = NULL;
		return send_entry(con, rq, e, false);
	}
	return send_busy(con, rq, kind, BUSY_MSG, false);
}

static bool srv_trusts_proxy(const request *rq)
{
	return rq->srv->trust_proxy;
}

/* Is the Content-Type an urlencoded form (parameters allowed)? */
static bool form_type(const char *ct)
{
	static const char want[] = "application/x-www-form-urlencoded";

	if (!ct || strncasecmp(ct, want, sizeof want - 1))
		return false;
	ct += sizeof want - 1;
	return *ct == '\0' || *ct == ';' || *ct == ' ';
}

/* The client's address; behind a trusted proxy the last X-Forwarded-For
 * entry (the one the proxy added). */
static void client_addr(struct MHD_Connection *con, const request *rq, char *out, size_t n)
{
	const char *xff = rq->srv->trust_proxy ? header(con, "X-Forwarded-For") : NULL;

	if (xff) {
		const char *last = strrchr(xff, ',');
		last = last ? last + 1 : xff;
		while (*last == ' ')
			last++;
		snprintf(out, n, "%.*s", (int)strcspn(last, " \t"), last);
		return;
	}
	snprintf(out, n, "%s", rq->addr);
}

static bool api_path(const rr_target *t)
{
	return t->nsegs > 0 && !strcmp(t->segs[0], "api");
}

static rr_ctype kind_of_uri(const char *uri)
{
	return !strncmp(uri, "/api/", 5) ? RR_CT_JSON : RR_CT_HTML;
}

/* The first call, after the headers: framing, sizes, method, limits.
 * MHD_YES with rq->answered when it answered. */
static enum MHD_Result first_call(struct MHD_Connection *con, request *rq,
				  const char *method, const char *version)
{
	server *srv = rq->srv;
	framing f = {0};
	const char *why, *cl;
	extra close = {.close = true};

	if (!srv_trusts_proxy(rq))
		rq->secure = false;
	else {
		const char *xfp = header(con, "X-Forwarded-Proto");
		rq->secure = xfp && !strcasecmp(xfp, "https");
	}
	if (rq->too_long)
		return send_error(con, rq, RR_CT_HTML, 414, "uri_too_long",
				  "Het adres is te lang.", NULL);
	MHD_get_connection_values(con, MHD_HEADER_KIND, count_header, &f);
	if (f.bytes > RR_HEADER_MAX)
		return send_error(con, rq, RR_CT_HTML, 431, "headers_too_large",
				  "De kopregels van het verzoek zijn te groot.", &close);
	if ((why = framing_problem(&f, version)))
		return send_error(con, rq, RR_CT_HTML, 400, "bad_framing", why, &close);
	/* over the limits: a clear answer, and the connection is given back */
	if (rr_conns_count(srv->conns) > srv->soft_total)
		return send_busy(con, rq, kind_of_uri(rq->uri), BUSY_MSG, true);
	if (srv->max_per_addr && rr_conn_addr_count(rq->link) > srv->max_per_addr)
		return send_busy(con, rq, kind_of_uri(rq->uri),
				 "Er zijn te veel verbindingen tegelijk vanaf uw adres. Sluit er "
				 "enkele en probeer het over enkele seconden opnieuw.", true);
	cl = header(con, "Content-Length");
	if ((cl && strtoull(cl, NULL, 10) > RR_BODY_MAX))
		return send_error(con, rq, RR_CT_HTML, 413, "body_too_large",
				  "Het verzoek is te groot.", &close);
	if (strcmp(method, "GET") && strcmp(method, "HEAD") && strcmp(method, "POST")) {
		extra x = {.allow = "GET, HEAD"};
		return send_error(con, rq, RR_CT_HTML, 405, "method_not_allowed",
				  "Deze site kan alleen gelezen worden (GET en HEAD).", &x);
	}
	if (!strcmp(method, "POST") && !form_type(header(con, "Content-Type")))
		return send_error(con, rq, RR_CT_HTML, 415, "unsupported_media_type",
				  "Formulieren worden verstuurd als "
				  "application/x-www-form-urlencoded.", NULL);
	/* Answering on the first call (before any body) makes MHD close the
	 * connection; answer on the second, after reading (and ignoring) a
	 * small body, so that keep-alive works. */
	rq->headers_seen = true;
	return MHD_YES;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *con, const char *url,
			      const char *method, const char *version,
			      const char *upload_data, size_t *upload_data_size,
			      void **req_cls)
{
	request *rq = *req_cls;
	rr_req *r = NULL;
	rr_form *form = NULL;
	const rr_route *route = NULL;
	const char *bad = NULL;
	rr_ctype kind;
	rr_err e;
	enum MHD_Result ret;

	(void)cls;
	(void)url;
	if (!rq)
		return MHD_NO;
	if (rq->waiting)
		return send_result(con, rq, kind_of_uri(rq->uri));
	if (rq->answered) { /* a body still arriving after our answer */
		*upload_data_size = 0;
		return MHD_YES;
	}
	snprintf(rq->method, sizeof rq->method, "%s", method);
	if (!rq->headers_seen)
		return first_call(con, rq, method, version);
	if (*upload_data_size) {
		size_t n = *upload_data_size;

		*upload_data_size = 0;
		if (rq->body_bytes + n > RR_BODY_MAX)
			return send_error(con, rq, RR_CT_HTML, 413, "body_too_large",
					  "Het verzoek is te groot.", NULL);
		if (!strcmp(method, "POST")) {
			if (!rq->body && !(rq->body = malloc(RR_BODY_MAX + 1)))
				return MHD_NO;
			memcpy(rq->body + rq->body_bytes, upload_data, n);
		}
		rq->body_bytes += n;
		return MHD_YES;
	}
	if (!(r = calloc(1, sizeof *r)))
		return MHD_NO;
	r->method = method;
	r->uri = rq->uri;
	r->viewer = &rr_viewer_anonymous;
	r->secure = rq->secure;
	client_addr(con, rq, r->client_addr, sizeof r->client_addr);
	e = rr_target_parse(rq->uri, rq->urilen, &r->t);
	kind = api_path(&r->t) ? RR_CT_JSON : RR_CT_HTML;
	if (!e && !strcmp(method, "POST")) {
		if (!(form = malloc(sizeof *form))) {
			ret = MHD_NO;
			goto out;
		}
		if (rr_form_parse(rq->body ? rq->body : "", rq->body_bytes, form)) {
			ret = send_error(con, rq, RR_CT_HTML, 400, "bad_request",
					 "Het formulier is niet goed ontvangen (ongeldige tekens).", NULL);
			goto out;
		}
	}
	if (e == RR_ETOOBIG) {
		ret = send_error(con, rq, kind, 414, "uri_too_long",
				 "Het adres heeft te veel delen of parameters.", NULL);
		goto out;
	}
	if (e) {
		ret = send_error(con, rq, kind, 400, "bad_request", "Het adres is niet geldig.", NULL);
		goto out;
	}
	if (r->t.nsegs == 2 && !strcmp(r->t.segs[0], "assets")) {
		const char *q = strchr(rq->uri, '?');
		char path[256];
		const rr_asset *a;

		snprintf(path, sizeof path, "%.*s", q ? (int)(q - rq->uri) : (int)rq->urilen, rq->uri);
		if ((a = assets_find(path))) {
			ret = send_asset(con, rq, a);
			goto out;
		}
	}
	switch (rr_route_match(r, &route, &bad)) {
	case RR_MATCH_OK:
		ret = dispatch(con, rq, r, form, route);
		return ret; /* r and form were handed on */
	case RR_MATCH_METHOD: {
		extra x = {.allow = !strcmp(method, "POST") ? "GET, HEAD" : "POST"};
		ret = send_error(con, rq, kind, 405, "method_not_allowed",
				 "Deze methode is hier niet toegestaan.", &x);
		break;
	}
	case RR_MATCH_BAD_PARAM:
		if (!strcmp(bad, "year"))
			ret = send_error(con, rq, route->kind, 400, "bad_request",
				"Een jaar schrijft u met vier cijfers, bijvoorbeeld 2023.", NULL);
		else
			ret = send_error(con, rq, route->kind, 404, "not_found",
				"Deze pagina bestaat niet: de code in het adres is niet geldig.", NULL);
		break;
	default:
		ret = send_error(con, rq, kind, 404, "not_found",
				 "Deze pagina bestaat niet.", NULL);
	}
out:
	free(form);
	free(r);
	return ret;
}

/* libmicrohttpd's own messages (a request it refused itself), at most 10
 * a second so that a flood of bad requests cannot flood the log. */
static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	static atomic_llong window, count;
	long long now = (long long)time(NULL);
	char line[300];
	int n;

	(void)cls;
	if (atomic_exchange(&window, now) != now)
		atomic_store(&count, 0);
	if (atomic_fetch_add(&count, 1) >= 10)
		return;
	n = vsnprintf(line, sizeof line, fmt, ap);
	if (n > 0)
		fprintf(stderr, "reisregister serve: libmicrohttpd: %.*s%s", (int)strcspn(line, "\n"),
			line, "\n");
}

static void close_store(void *p)
{
	rr_store_close(p);
}

static rr_err check_db(const char *db, rr_diag *d)
{
	rr_store *s = NULL;
	rr_err e = rr_store_open(db, RR_STORE_READONLY, &s, d);

	if (e)
		return e;
	if (rr_store_schema_version(s) != rr_store_latest_version()) {
		char shown[512];
		rr_store_shown(db, shown, sizeof shown);
		rr_diag_add(d, "%s: schema version %d, this program needs %d: run 'reisregister init --db %s'",
			    shown, rr_store_schema_version(s), rr_store_latest_version(), shown);
		e = RR_EINVAL;
	}
	rr_store_close(s);
	return e;
}

/* Raises the descriptor limit as far as allowed; returns how many
 * connections it leaves room for. */
static unsigned room_for_connections(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl))
		return 900;
	if (rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
		getrlimit(RLIMIT_NOFILE, &rl);
	}
	if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > 1000000)
		return 1000000;
	return rl.rlim_cur > 200 ? (unsigned)(rl.rlim_cur - 100) : 100;
}

static unsigned ncpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 && n < 64 ? (unsigned)n : 2;
}

rr_err rr_serve(const rr_serve_opts *o, rr_diag *d)
{
	server srv = {.db = o->db, .trust_proxy = o->trust_proxy, .seen_db = -1};
	struct MHD_Daemon *daemon = NULL;
	char shown_db[512];
	struct sockaddr_storage ss;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG |
			 MHD_ALLOW_SUSPEND_RESUME;
	unsigned threads = o->threads ? o->threads : ncpus();
	unsigned workers = o->workers ? o->workers : (2 * ncpus() < 4 ? 4 : 2 * ncpus());
	unsigned queue = o->queue ? o->queue : 64 * workers;
	unsigned room = room_for_connections();
	unsigned max_conns = o->max_connections ? o->max_connections : 4000;
	unsigned per_addr = o->max_per_address ? o->max_per_address : 64;
	rr_conns_opts co = {.wait_secs = o->request_secs, .tick = backstop, .tick_cls = &srv};
	sigset_t set;
	int sig = 0;
	rr_err e;

	memset(&ss, 0, sizeof ss);
	if (inet_pton(AF_INET, o->host, &((struct sockaddr_in *)&ss)->sin_addr) == 1) {
		((struct sockaddr_in *)&ss)->sin_family = AF_INET;
		((struct sockaddr_in *)&ss)->sin_port = htons((uint16_t)o->port);
	} else if (inet_pton(AF_INET6, o->host, &((struct sockaddr_in6 *)&ss)->sin6_addr) == 1) {
		((struct sockaddr_in6 *)&ss)->sin6_family = AF_INET6;
		((struct sockaddr_in6 *)&ss)->sin6_port = htons((uint16_t)o->port);
		flags |= MHD_USE_IPv6;
	} else {
		rr_diag_add(d, "--listen: '%s' is not a numeric IPv4 or IPv6 address", o->host);
		return RR_EUSAGE;
	}
	if ((e = check_db(o->db, d)))
		return e;
	if (sodium_init() < 0) {
		rr_diag_add(d, "libsodium failed to initialise");
		return RR_EIO;
	}
	if (max_conns > room) {
		fprintf(stderr, "reisregister serve: the descriptor limit allows %u connections, "
			"not %u\n", room, max_conns);
		max_conns = room;
	}
	srv.soft_total = max_conns - max_conns / 10;
	srv.max_per_addr = o->trust_proxy ? 0 : per_addr;
	if ((e = rr_gen_open(o->db, &srv.gen, d)))
		return e;
	if (rr_store_open(o->db, RR_STORE_READONLY, &srv.watch, NULL))
		srv.watch = NULL;
	pthread_mutex_init(&srv.fl_mu, NULL);
	if ((e = rr_cache_new(o->no_cache ? 0 : o->cache_bytes ? o->cache_bytes : DEFAULT_CACHE_BYTES,
			      CACHE_ENTRIES, &srv.cache)))
		goto out_gen;
	if (pthread_key_create(&srv.store_key, close_store)) {
		e = RR_ENOMEM;
		goto out_cache;
	}
	/* Threads inherit this mask; only this thread takes the signals. */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGXFSZ, SIG_IGN); /* a file size limit: EFBIG, reported as such */
	if ((e = rr_pool_new(workers, queue, queue / 4 > 8 ? queue / 4 : 8, &srv.pool)))
		goto out_key;
	if ((e = rr_conns_new(&co, &srv.conns)))
		goto out_pool;

	daemon = MHD_start_daemon(flags, 0, NULL, NULL, handle, &srv,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
		MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,
		MHD_OPTION_THREAD_POOL_SIZE, threads,
		MHD_OPTION_URI_LOG_CALLBACK, uri_logger, &srv,
		MHD_OPTION_NOTIFY_COMPLETED, completed, &srv,
		MHD_OPTION_NOTIFY_CONNECTION, notify_conn, &srv,
		MHD_OPTION_CONNECTION_LIMIT, max_conns,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, o->trust_proxy ? 0u : 2 * per_addr,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
		/* room for libmicrohttpd to split the longest target we take into
		 * (2048) parameters and still answer: a request that overflows its
		 * pool is dropped without a word. Above 32 KiB the pool is mapped,
		 * so only the pages a request uses count. */
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)160 * 1024,
		MHD_OPTION_LISTEN_BACKLOG_SIZE, 4096u,
		MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1,
		MHD_OPTION_END);
	if (!daemon) {
		rr_diag_add(d, "cannot listen on %s:%u: %s", o->host, o->port, strerror(errno));
		e = RR_EIO;
		goto out_conns;
	}
	fprintf(stderr, "reisregister serve: http://%s%s%s:%u/ (%u connection threads, %u workers, "
		"%u connections, %u per address, db %s)\n",
		(flags & MHD_USE_IPv6) ? "[" : "", o->host, (flags & MHD_USE_IPv6) ? "]" : "",
		o->port, threads, workers, max_conns, o->trust_proxy ? 0 : per_addr,
		rr_store_shown(o->db, shown_db, sizeof shown_db));
	while (sigwait(&set, &sig) == 0 && sig != SIGINT && sig != SIGTERM)
		;
	fprintf(stderr, "reisregister serve: signal %d, stopping\n", sig);
	MHD_quiesce_daemon(daemon);
	/* every suspended connection is resumed before the daemon stops */
	rr_pool_stop(srv.pool);
	MHD_stop_daemon(daemon);
out_conns:
	rr_conns_free(srv.conns);
out_pool:
	rr_pool_free(srv.pool);
out_key:
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	pthread_key_delete(srv.store_key);
out_cache:
	rr_cache_free(srv.cache);
out_gen:
	for (size_t i = 0; i < FLIGHT_BUCKETS; i++)
		if (srv.flights[i])
			fprintf(stderr, "reisregister serve: a rendering was still waiting at exit\n");
	pthread_mutex_destroy(&srv.fl_mu);
	rr_store_close(srv.watch);
	rr_gen_close(srv.gen);
	return e;
}
