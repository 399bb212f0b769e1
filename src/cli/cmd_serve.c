/* reisregister serve - the public website and open-data API. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../web/server.h"
#include "cli.h"

static const char help[] =
	"usage: reisregister serve [--db FILE] [--listen ADDR:PORT] [--threads N] [--trust-proxy]\n"
	"\n"
	"Serves the public register over HTTP: the pages (Dutch), the JSON API\n"
	"under /api/v1/, CSV, Atom feeds per body and /api/openapi.json.\n"
	"Anonymous visitors see published records only. Logs one line per request to stderr:\n"
	"METHOD PATH STATUS BYTES MS. SIGTERM or SIGINT (Ctrl-C) stops it.\n"
	"  --listen   numeric address and port (default 127.0.0.1:8080;\n"
	"             IPv6 as [::1]:8080)\n"
	"  --threads  worker threads (default: one per CPU)\n"
	"  --trust-proxy  behind a reverse proxy: believe X-Forwarded-Proto (https:\n"
	"             session cookies get Secure) and X-Forwarded-For (login throttling)\n"
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
		if (cli_is_help(argv[i])) {
			fputs(help, stdout);
			return 0;
		}
		if ((r = cli_opt(argc, argv, &i, "--db", &db)) ||
		    (r = cli_opt(argc, argv, &i, "--listen", &listen)) ||
		    (r = cli_opt(argc, argv, &i, "--threads", &threads_s))) {
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
	o.db = cli_db_path(db);
	o.host = host;
	if ((e = rr_serve(&o, &d)))
		rr_diag_print(&d, "reisregister serve: ", stderr);
	rr_diag_free(&d);
	return e ? rr_exit_code(e) : 0;
}
