/* server.c - libmicrohttpd front of the public site (server.h).
 *
 * A request's life: the URI log callback copies the raw target (refusing
 * more than RR_URL_MAX bytes) into a conn_state; the access handler runs
 * once, after the headers, builds the rr_req, and queues one response; the
 * completion callback logs the line and frees the state. */
#include "web/server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>
#include <sodium.h>

#include "auth/auth.h"
#include "web/assets.h"
#include "web/cache.h"
#include "web/form.h"
#include "web/guard.h"
#include "web/pages.h"
#include "web/routes.h"

#define DEFAULT_CACHE_BYTES ((size_t)64 << 20)
#define CACHE_ENTRIES 4096

static const char CSP[] = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
	"script-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

typedef struct server {
	const char *db;
	rr_cache *cache;
	pthread_key_t store_key; /* each worker thread's rr_store */
	bool trust_proxy;        /* believe X-Forwarded-Proto / -For */
} server;

typedef struct conn_state {
	char uri[RR_URL_MAX + 1];
	size_t urilen;
	bool too_long;
	bool headers_seen;     /* the first call (headers only) is done */
	bool answered;
	size_t body_bytes;
	char *body;            /* a POST's body (RR_BODY_MAX + 1 bytes), owned */
	bool secure;           /* https, directly or via a trusted proxy */
	struct timespec t0;
	int status;
	size_t bytes;
	char method[12];
	rr_cache_entry *entry; /* held while its bytes are being sent */
	server *srv;
} conn_state;

const char *rr_req_cap(const rr_req *r, const char *name)
{
	for (size_t i = 0; i < r->ncaps; i++)
		if (!strcmp(r->cap_names[i], name))
			return r->caps[i];
	return NULL;
}

const char *rr_req_param(const rr_req *r, const char *key)
{
	return rr_target_param(&r->t, key);
}

static void *uri_logger(void *cls, const char *uri, struct MHD_Connection *con)
{
	conn_state *cs = calloc(1, sizeof *cs);
	size_t n = strlen(uri);

	(void)con;
	if (!cs)
		return NULL;
	cs->srv = cls;
	clock_gettime(CLOCK_MONOTONIC, &cs->t0);
	if (n > RR_URL_MAX) {
		cs->too_long = true;
		n = 64; /* enough for the log line */
	}
	memcpy(cs->uri, uri, n);
	cs->uri[n] = '\0';
	cs->urilen = n;
	return cs;
}

static void log_line(conn_state *cs)
{
	struct timespec t1;
	char line[400], path[201];
	size_t j = 0;
	double ms;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (double)(t1.tv_sec - cs->t0.tv_sec) * 1e3 +
	     (double)(t1.tv_nsec - cs->t0.tv_nsec) / 1e6;
	for (size_t i = 0; i < cs->urilen && j < sizeof path - 1; i++) {
		unsigned char c = (unsigned char)cs->uri[i];
		path[j++] = (c < 0x21 || c > 0x7e) ? '?' : (char)c;
	}
	path[j] = '\0';
	int len = snprintf(line, sizeof line, "%s %s%s %d %zu %.2f\n",
			   cs->method[0] ? cs->method : "-", path,
			   cs->too_long ? "..." : "", cs->status, cs->bytes, ms);
	if (len > 0) {
		ssize_t w = write(STDERR_FILENO, line, (size_t)len < sizeof line ? (size_t)len : sizeof line - 1);
		(void)w;
	}
}

static void completed(void *cls, struct MHD_Connection *con, void **req_cls,
		      enum MHD_RequestTerminationCode toe)
{
	conn_state *cs = *req_cls;

	(void)con;
	(void)toe;
	if (!cs)
		return;
	log_line(cs);
	if (cs->entry)
		rr_cache_release(((server *)cls)->cache, cs->entry);
	free(cs->body);
	free(cs);
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

static enum MHD_Result answer(struct MHD_Connection *con, conn_state *cs, int status,
			    struct MHD_Response *resp, size_t len)
{
	enum MHD_Result ret;

	if (!resp)
		return MHD_NO;
	cs->status = status;
	cs->bytes = len;
	cs->answered = true;
	ret = MHD_queue_response(con, (unsigned)status, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* An uncached response from resp's body (ownership of the bytes moves). */
static enum MHD_Result send_resp(struct MHD_Connection *con, conn_state *cs, rr_resp *o,
				 const char *allow)
{
	size_t len = 0;
	char *data = rr_buf_steal(&o->body, &len);
	struct MHD_Response *resp;

	if (!data) {
		data = NULL;
		len = 0;
	}
	resp = MHD_create_response_from_buffer(len, data ? data : (void *)"",
		data ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	if (!resp) {
		free(data);
		return MHD_NO;
	}
	common_headers(resp, o->ctype);
	MHD_add_response_header(resp, "Cache-Control", "no-store");
	if (allow)
		MHD_add_response_header(resp, "Allow", allow);
	if (o->location[0])
		MHD_add_response_header(resp, "Location", o->location);
	if (o->set_session) {
		char cookie[200];
		guard_cookie(cookie, sizeof cookie, o, cs->secure);
		MHD_add_response_header(resp, "Set-Cookie", cookie);
	}
	return answer(con, cs, o->status, resp, len);
}

static enum MHD_Result send_error(struct MHD_Connection *con, conn_state *cs,
				  rr_ctype t, int status, const char *code,
				  const char *msg, const char *allow)
{
	rr_resp o = {.ctype = t};
	enum MHD_Result ret;

	rr_buf_init(&o.body, RR_PAGE_MAX);
	page_error(&o, status, code, msg);
	ret = send_resp(con, cs, &o, allow);
	rr_buf_free(&o.body);
	return ret;
}

/* A cached entry, or 304 when the client already has it. */
static enum MHD_Result send_entry(struct MHD_Connection *con, conn_state *cs,
				  rr_cache_entry *e)
{
	const char *inm = MHD_lookup_connection_value(con, MHD_HEADER_KIND, "If-None-Match");
	const char *ims = MHD_lookup_connection_value(con, MHD_HEADER_KIND, "If-Modified-Since");
	bool not_modified = false;
	struct MHD_Response *resp;
	char lm[32];
	int status = 200;

	if (inm)
		not_modified = rr_etag_match(inm, e->etag);
	else if (ims) {
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
	rr_http_date(e->last_modified, lm);
	MHD_add_response_header(resp, "ETag", e->etag);
	MHD_add_response_header(resp, "Last-Modified", lm);
	MHD_add_response_header(resp, "Cache-Control", "public, max-age=60");
	MHD_add_response_header(resp, "Vary", "Cookie");
	if (e->disposition && status == 200)
		MHD_add_response_header(resp, "Content-Disposition", e->disposition);
	cs->entry = e; /* released when the request completes */
	return answer(con, cs, status, resp, status == 200 ? e->len : 0);
}

static enum MHD_Result send_asset(struct MHD_Connection *con, conn_state *cs,
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
	return answer(con, cs, nm ? 304 : 200, resp, nm ? 0 : a->len);
}

static enum MHD_Result count_header(void *cls, enum MHD_ValueKind kind, const char *key,
				    const char *value)
{
	size_t *n = cls;

	(void)kind;
	*n += strlen(key) + (value ? strlen(value) : 0) + 4;
	return MHD_YES;
}

static rr_store *thread_store(server *srv)
{
	rr_store *s = pthread_getspecific(srv->store_key);
	rr_diag d = {0};

	if (s)
		return s;
	/* read-write: sessions, login throttling and the forms write */
	if (rr_store_open(srv->db, 0, &s, &d)) {
		rr_diag_print(&d, "reisregister serve: ", stderr);
		rr_diag_free(&d);
		return NULL;
	}
	pthread_setspecific(srv->store_key, s);
	return s;
}

static void map_error(rr_resp *o, rr_err e)
{
	rr_buf_reset(&o->body);
	if (e == RR_ENOTFOUND)
		page_error(o, 404, "not_found", "Deze pagina of dit record bestaat niet, of is niet openbaar.");
	else if (e == RR_EINVAL)
		page_error(o, 400, "bad_request", "Het verzoek is niet geldig.");
	else
		page_error(o, 500, "internal", "Er ging iets mis aan onze kant. Probeer het later opnieuw.");
}

static const char *header(struct MHD_Connection *con, const char *name)
{
	return MHD_lookup_connection_value(con, MHD_HEADER_KIND, name);
}

/* A signed-in request or a POST: never through the shared cache. */
static enum MHD_Result dispatch_private(struct MHD_Connection *con, conn_state *cs,
					rr_req *r, const rr_route *route)
{
	rr_resp o = {.status = 200, .ctype = route->kind, .no_store = true};
	enum MHD_Result ret;
	const char *why = NULL;
	rr_err err;

	if (route->method != RR_GET &&
	    !guard_post_ok(r, route->method, header(con, "Origin"), header(con, "Referer"),
			   header(con, MHD_HTTP_HEADER_HOST), &why)) {
		fprintf(stderr, "reisregister serve: POST %s refused: %s\n",
			route->pattern, why);
		return send_error(con, cs, route->kind, 403, "forbidden",
				  "Dit verzoek is geweigerd: het kwam niet van een formulier van "
				  "deze site, of u bent niet (meer) ingelogd.", NULL);
	}
	rr_buf_init(&o.body, RR_PAGE_MAX);
	if ((err = route->fn(r, &o)) != RR_OK)
		map_error(&o, err);
	if (rr_buf_err(&o.body)) {
		rr_buf_free(&o.body);
		rr_buf_init(&o.body, RR_PAGE_MAX);
		page_error(&o, 500, "internal", "De pagina is te groot geworden.");
	}
	ret = send_resp(con, cs, &o, NULL);
	rr_buf_free(&o.body);
	return ret;
}

/* Runs the route's handler and answers, through the cache. */
static enum MHD_Result dispatch(struct MHD_Connection *con, conn_state *cs, rr_req *r,
				const rr_route *route)
{
	server *srv = cs->srv;
	long long gen = 0;
	char key[RR_URL_MAX + 16], token[RR_TOKEN_LEN + 8];
	rr_cache_entry *e;
	rr_resp o = {.status = 200, .ctype = route->kind};
	rr_principal who;
	enum MHD_Result ret;
	rr_err err;

	if (!(r->store = thread_store(srv)) || rr_store_generation(r->store, &gen))
		return send_error(con, cs, route->kind, 503, "unavailable",
				  "Het register is nu niet beschikbaar.", NULL);
	if (guard_cookie_value(header(con, "Cookie"), RR_SESSION_COOKIE, token, sizeof token))
		r->session_token = token;
	if (guard_identify(r, &who, r->session_token, (long long)time(NULL)) ||
	    route->method != RR_GET) {
		ret = dispatch_private(con, cs, r, route);
		if (r->principal)
			rr_principal_free(&who);
		return ret;
	}
	snprintf(key, sizeof key, "anon %s", cs->uri);
	if ((e = rr_cache_get(srv->cache, key, gen)))
		return send_entry(con, cs, e);
	rr_buf_init(&o.body, RR_PAGE_MAX);
	if ((err = route->fn(r, &o)) != RR_OK)
		map_error(&o, err);
	if (o.status == 200 && !o.no_store && !rr_buf_err(&o.body)) {
		e = rr_cache_put(srv->cache, key, gen, o.body.data ? o.body.data : "",
				 o.body.len, (int)o.ctype, o.disposition);
		rr_buf_free(&o.body);
		if (!e)
			return MHD_NO;
		return send_entry(con, cs, e);
	}
	if (rr_buf_err(&o.body)) {
		rr_buf_free(&o.body);
		rr_buf_init(&o.body, RR_PAGE_MAX);
		page_error(&o, 500, "internal", "De pagina is te groot geworden.");
	}
	ret = send_resp(con, cs, &o, NULL);
	rr_buf_free(&o.body);
	return ret;
}

static bool srv_trusts_proxy(const conn_state *cs)
{
	return cs->srv->trust_proxy;
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
static void client_addr(struct MHD_Connection *con, bool trust_proxy, char *out, size_t n)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(con, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const char *xff = trust_proxy ? header(con, "X-Forwarded-For") : NULL;

	snprintf(out, n, "-");
	if (xff) {
		const char *last = strrchr(xff, ',');
		last = last ? last + 1 : xff;
		while (*last == ' ')
			last++;
		snprintf(out, n, "%.*s", (int)strcspn(last, " \t"), last);
		return;
	}
	if (!ci || !ci->client_addr)
		return;
	if (ci->client_addr->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)ci->client_addr)->sin_addr,
			  out, (socklen_t)n);
	else if (ci->client_addr->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)ci->client_addr)->sin6_addr,
			  out, (socklen_t)n);
}

static bool api_path(const rr_target *t)
{
	return t->nsegs > 0 && !strcmp(t->segs[0], "api");
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *con, const char *url,
			      const char *method, const char *version,
			      const char *upload_data, size_t *upload_data_size,
			      void **req_cls)
{
	conn_state *cs = *req_cls;
	rr_req *r = NULL;
	rr_form *form = NULL;
	const rr_route *route = NULL;
	const char *bad = NULL, *cl;
	size_t hdr = 0;
	rr_ctype kind;
	rr_err e;
	enum MHD_Result ret;

	(void)cls;
	(void)url;
	(void)version;
	(void)upload_data;
	if (!cs)
		return MHD_NO;
	if (cs->answered) { /* a body still arriving after our answer */
		*upload_data_size = 0;
		return MHD_YES;
	}
	snprintf(cs->method, sizeof cs->method, "%s", method);
	if (!cs->headers_seen) {
		const char *xfp = header(con, "X-Forwarded-Proto");
		cs->secure = srv_trusts_proxy(cs) && xfp && !strcasecmp(xfp, "https");
	}
	if (cs->too_long)
		return send_error(con, cs, RR_CT_HTML, 414, "uri_too_long",
				  "Het adres is te lang.", NULL);
	MHD_get_connection_values(con, MHD_HEADER_KIND, count_header, &hdr);
	if (hdr > RR_HEADER_MAX)
		return send_error(con, cs, RR_CT_HTML, 431, "headers_too_large",
				  "De kopregels van het verzoek zijn te groot.", NULL);
	cl = MHD_lookup_connection_value(con, MHD_HEADER_KIND, "Content-Length");
	if (cl && strtoull(cl, NULL, 10) > RR_BODY_MAX)
		return send_error(con, cs, RR_CT_HTML, 413, "body_too_large",
				  "Het verzoek is te groot.", NULL);
	if (strcmp(method, "GET") && strcmp(method, "HEAD") && strcmp(method, "POST"))
		return send_error(con, cs, RR_CT_HTML, 405, "method_not_allowed",
				  "Deze site kan alleen gelezen worden (GET en HEAD).", "GET, HEAD");
	if (!strcmp(method, "POST") && !cs->headers_seen && !form_type(header(con, "Content-Type")))
		return send_error(con, cs, RR_CT_HTML, 415, "unsupported_media_type",
				  "Formulieren worden verstuurd als "
				  "application/x-www-form-urlencoded.", NULL);
	/* Answering on the first call (before any body) makes MHD close the
	 * connection; answer on the second, after reading (and ignoring) a
	 * small body, so that keep-alive works. */
	if (!cs->headers_seen) {
		cs->headers_seen = true;
		return MHD_YES;
	}
	if (*upload_data_size) {
		size_t n = *upload_data_size;

		*upload_data_size = 0;
		if (cs->body_bytes + n > RR_BODY_MAX)
			return send_error(con, cs, RR_CT_HTML, 413, "body_too_large",
					  "Het verzoek is te groot.", NULL);
		if (!strcmp(method, "POST")) {
			if (!cs->body && !(cs->body = malloc(RR_BODY_MAX + 1)))
				return MHD_NO;
			memcpy(cs->body + cs->body_bytes, upload_data, n);
		}
		cs->body_bytes += n;
		return MHD_YES;
	}
	if (!(r = calloc(1, sizeof *r)))
		return MHD_NO;
	r->method = method;
	r->uri = cs->uri;
	r->viewer = &rr_viewer_anonymous;
	r->secure = cs->secure;
	client_addr(con, cs->srv->trust_proxy, r->client_addr, sizeof r->client_addr);
	e = rr_target_parse(cs->uri, cs->urilen, &r->t);
	kind = api_path(&r->t) ? RR_CT_JSON : RR_CT_HTML;
	if (!e && !strcmp(method, "POST")) {
		if (!(form = malloc(sizeof *form))) {
			ret = MHD_NO;
			goto out;
		}
		if (rr_form_parse(cs->body ? cs->body : "", cs->body_bytes, form)) {
			ret = send_error(con, cs, RR_CT_HTML, 400, "bad_request",
					 "Het formulier is niet goed ontvangen (ongeldige tekens).", NULL);
			goto out;
		}
		r->form = form;
	}
	if (e == RR_ETOOBIG) {
		ret = send_error(con, cs, kind, 414, "uri_too_long",
				 "Het adres heeft te veel delen of parameters.", NULL);
		goto out;
	}
	if (e) {
		ret = send_error(con, cs, kind, 400, "bad_request", "Het adres is niet geldig.", NULL);
		goto out;
	}
	if (r->t.nsegs == 2 && !strcmp(r->t.segs[0], "assets")) {
		const char *q = strchr(cs->uri, '?');
		char path[256];
		const rr_asset *a;

		snprintf(path, sizeof path, "%.*s", q ? (int)(q - cs->uri) : (int)cs->urilen, cs->uri);
		if ((a = assets_find(path))) {
			ret = send_asset(con, cs, a);
			goto out;
		}
	}
	switch (rr_route_match(r, &route, &bad)) {
	case RR_MATCH_OK:
		ret = dispatch(con, cs, r, route);
		break;
	case RR_MATCH_METHOD:
		ret = send_error(con, cs, kind, 405, "method_not_allowed",
				 "Deze methode is hier niet toegestaan.",
				 !strcmp(method, "POST") ? "GET, HEAD" : "POST");
		break;
	case RR_MATCH_BAD_PARAM:
		if (!strcmp(bad, "year"))
			ret = send_error(con, cs, route->kind, 400, "bad_request",
				"Een jaar schrijft u met vier cijfers, bijvoorbeeld 2023.", NULL);
		else
			ret = send_error(con, cs, route->kind, 404, "not_found",
				"Deze pagina bestaat niet: de code in het adres is niet geldig.", NULL);
		break;
	default:
		ret = send_error(con, cs, kind, 404, "not_found",
				 "Deze pagina bestaat niet.", NULL);
	}
out:
	free(form);
	free(r);
	return ret;
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
		rr_diag_add(d, "%s: schema version %d, this program needs %d: run 'reisregister init --db %s'",
			    db, rr_store_schema_version(s), rr_store_latest_version(), db);
		e = RR_EINVAL;
	}
	rr_store_close(s);
	return e;
}

rr_err rr_serve(const rr_serve_opts *o, rr_diag *d)
{
	server srv = {.db = o->db, .trust_proxy = o->trust_proxy};
	struct MHD_Daemon *daemon = NULL;
	struct sockaddr_storage ss;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG;
	unsigned threads = o->threads;
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
	if (!threads) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		threads = n > 0 && n < 64 ? (unsigned)n : 2;
	}
	if ((e = rr_cache_new(o->cache_bytes ? o->cache_bytes : DEFAULT_CACHE_BYTES,
			      CACHE_ENTRIES, &srv.cache)))
		return e;
	if (pthread_key_create(&srv.store_key, close_store)) {
		rr_cache_free(srv.cache);
		return RR_ENOMEM;
	}
	/* Workers inherit this mask; only this thread takes the signals. */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	daemon = MHD_start_daemon(flags, 0, NULL, NULL, handle, &srv,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
		MHD_OPTION_THREAD_POOL_SIZE, threads,
		MHD_OPTION_URI_LOG_CALLBACK, uri_logger, &srv,
		MHD_OPTION_NOTIFY_COMPLETED, completed, &srv,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)256,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(RR_URL_MAX + RR_HEADER_MAX + 8192),
		MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1,
		MHD_OPTION_END);
	if (!daemon) {
		rr_diag_add(d, "cannot listen on %s:%u: %s", o->host, o->port, strerror(errno));
		e = RR_EIO;
		goto out;
	}
	fprintf(stderr, "reisregister serve: http://%s%s%s:%u/ (%u threads, db %s)\n",
		(flags & MHD_USE_IPv6) ? "[" : "", o->host, (flags & MHD_USE_IPv6) ? "]" : "",
		o->port, threads, o->db);
	while (sigwait(&set, &sig) == 0 && sig != SIGINT && sig != SIGTERM)
		;
	fprintf(stderr, "reisregister serve: signal %d, stopping\n", sig);
	MHD_stop_daemon(daemon);
out:
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	pthread_key_delete(srv.store_key);
	rr_cache_free(srv.cache);
	return e;
}
