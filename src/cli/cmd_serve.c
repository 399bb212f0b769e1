/* reisregister serve - the public website and open-data API. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../web/publish.h"
#include "../web/server.h"
#include "cli.h"

static const char help[] =
	"usage: reisregister serve [--db FILE] [--listen ADDR:PORT] [--threads N] [--workers N]\n"
	"                          [--queue N] [--max-connections N] [--max-per-address N]\n"
	"                          [--request-seconds N] [--no-cache] [--trust-proxy]\n"
	"                          [--base-url URL] [--licence URI] [--publisher URI]\n"
	"\n"
	"Serves the public register over HTTP: the pages (Dutch), the JSON API\n"
	"under /api/v1/, CSV, Atom feeds per body and /api/openapi.json.\n"
	"Anonymous visitors see published records only. Logs one line per request to stderr:\n"
	"METHOD PATH STATUS BYTES MS. SIGTERM or SIGINT (Ctrl-C) stops it.\n"
	"  --listen   numeric address and port (default 127.0.0.1:8080;\n"
	"             IPv6 as [::1]:8080)\n"
	"  --threads  connection threads: parse requests, serve the cache (default: one per CPU)\n"
	"  --workers  threads that render what the cache does not have (default: 2 per CPU, at least 4)\n"
	"  --queue    renders waiting at most; beyond, 503 with Retry-After (default: 64 per worker)\n"
	"  --max-connections  open connections at most (default 4000); from 90% on, new\n"
	"             requests get 503 with Retry-After and the connection is closed\n"
	"  --max-per-address  open connections per client address (default 64): beyond,\n"
	"             503 with Retry-After; beyond twice as many, refused at once\n"
	"  --request-seconds  a whole request (headers and body) within this many seconds\n"
	"             of connecting or of the previous answer, else the connection is\n"
	"             closed (default 10: the minimum rate against slow senders)\n"
	"  --no-cache  keep no rendered page (to measure rendering; never in production)\n"
	"  --trust-proxy  behind a reverse proxy: believe X-Forwarded-Proto (https:\n"
	"             session cookies get Secure) and X-Forwarded-For (login throttling)\n"
	"  --base-url  the register's public address (https://reizen.example.nl): absolute\n"
	"             links in the Atom feeds, sitemaps, DiWoo metadata and the DCAT\n"
	"             catalogue. Without it feeds link relatively and the others use the\n"
	"             --listen address (never the request's Host header)\n"
	"  --licence  URI of the open data's licence (default CC0 1.0)\n"
	"  --publisher  URI of the publisher in the DCAT catalogue (default: each body's TOOI URI)\n"
	"Signed-in users (reisregister user add) work at /beheer after /inloggen.\n";

/* Splits "HOST:PORT" / "[V6]:PORT" into host (in buf) and port. */
static int split_listen(const char *s, char *host, size_t n, unsigned *port)
{
	const char *colon;
	size_t hl;
	char *end;
	long p;

	if (s[0] == '[') {
		const char *close = strchr(s, ']');
		if (!close || close[1] != ':')
			return -1;
		hl = (size_t)(close - s - 1);
		s++;
		colon = close + 1;
	} else {
		colon = strrchr(s, ':');
		if (!colon)
			return -1;
		hl = (size_t)(colon - s);
	}
	if (hl == 0 || hl >= n)
		return -1;
	memcpy(host, s, hl);
	host[hl] = '\0';
	p = strtol(colon + 1, &end, 10);
	if (*end || p < 1 || p > 65535)
		return -1;
	*port = (unsigned)p;
	return 0;
}

int cmd_serve(int argc, char **argv)
{
	const char *db = NULL, *listen = "127.0.0.1:8080", *threads_s = NULL;
	rr_publish pub = {0};
	static char listen_url[96];
	struct { const char *name, *val; unsigned *out; long max; } nums[] = {
		{"--workers", NULL, NULL, 1024}, {"--queue", NULL, NULL, 1000000},
		{"--max-connections", NULL, NULL, 1000000}, {"--max-per-address", NULL, NULL, 1000000},
		{"--request-seconds", NULL, NULL, 3600}};
	rr_serve_opts o = {0};
	char host[64];
	rr_diag d = {0};
	rr_err e = RR_OK;

	for (int i = 1; i < argc; i++) {
		int r = 0;
		if (!strcmp(argv[i], "--trust-proxy")) {
			o.trust_proxy = true;
			continue;
		}
		if (!strcmp(argv[i], "--no-cache")) {
			o.no_cache = true;
			continue;
		}
		if (cli_is_help(argv[i])) {
			fputs(help, stdout);
			return 0;
		}
		for (size_t k = 0; k < sizeof nums / sizeof nums[0] && !r; k++)
			r = cli_opt(argc, argv, &i, nums[k].name, &nums[k].val);
		if (r < 0)
			return 2;
		if (r)
			continue;
		if ((r = cli_opt(argc, argv, &i, "--db", &db)) ||
		    (r = cli_opt(argc, argv, &i, "--listen", &listen)) ||
		    (r = cli_opt(argc, argv, &i, "--threads", &threads_s)) ||
		    (r = cli_opt(argc, argv, &i, "--base-url", &pub.base_url)) ||
		    (r = cli_opt(argc, argv, &i, "--licence", &pub.licence)) ||
		    (r = cli_opt(argc, argv, &i, "--publisher", &pub.publisher))) {
			if (r < 0)
				return 2;
			continue;
		}
		return cli_usage_error("serve", "unexpected argument '%s'", argv[i]);
	}
	if (split_listen(listen, host, sizeof host, &o.port))
		return cli_usage_error("serve", "--listen must be ADDRESS:PORT, like 127.0.0.1:8080, not '%s'", listen);
	if (threads_s) {
		char *end;
		long t = strtol(threads_s, &end, 10);
		if (*end || t < 1 || t > 256)
			return cli_usage_error("serve", "--threads must be 1 to 256, not '%s'", threads_s);
		o.threads = (unsigned)t;
	}
	nums[0].out = &o.workers;
	nums[1].out = &o.queue;
	nums[2].out = &o.max_connections;
	nums[3].out = &o.max_per_address;
	nums[4].out = &o.request_secs;
	for (size_t k = 0; k < sizeof nums / sizeof nums[0]; k++) {
		char *end;
		long t;

		if (!nums[k].val)
			continue;
		t = strtol(nums[k].val, &end, 10);
		if (*end || !nums[k].val[0] || t < 1 || t > nums[k].max)
			return cli_usage_error("serve", "%s must be 1 to %ld, not '%s'", nums[k].name,
					       nums[k].max, nums[k].val);
		*nums[k].out = (unsigned)t;
	}
	if (pub.base_url && !rr_publish_base_ok(pub.base_url))
		return cli_usage_error("serve", "--base-url must be an http(s) URL without a trailing "
				       "slash, query or fragment, like https://reizen.example.nl, not '%s'",
				       pub.base_url);
	if (pub.licence && !rr_publish_uri_ok(pub.licence))
		return cli_usage_error("serve", "--licence must be an http(s) URI, not '%s'", pub.licence);
	if (pub.publisher && !rr_publish_uri_ok(pub.publisher))
		return cli_usage_error("serve", "--publisher must be an http(s) URI, not '%s'", pub.publisher);
	snprintf(listen_url, sizeof listen_url, strchr(host, ':') ? "http://[%s]:%u" : "http://%s:%u",
		 host, o.port);
	pub.listen_url = listen_url;
	rr_publish_set(&pub);
	o.db = cli_db_path(db);
	o.host = host;
	if ((e = rr_serve(&o, &d)))
		rr_diag_print(&d, "reisregister serve: ", stderr);
	rr_diag_free(&d);
	return e ? rr_exit_code(e) : 0;
}
