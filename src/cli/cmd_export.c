/* reisregister export - the register as canonical JSON or as CSV. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/doc.h"
#include "../report/export.h"
#include "../store/store.h"
#include "cli.h"

static const char help[] =
	"usage: reisregister export [--db FILE] [--format json|csv]\n"
	"                           [--organisation CODE] [--year YYYY] [--public-only]\n"
	"\n"
	"Writes the register to standard output.\n"
	"  json  the canonical document (docs/data-model.md): keys and records\n"
	"        sorted, so export -> load into an empty database -> export gives\n"
	"        the same bytes. Bodies and people are always exported whole.\n"
	"  csv   one row per trip (RFC 4180, UTF-8, header row).\n"
	"--organisation and --year limit trips, partnerships, results, gifts and\n"
	"documents to one body and/or one year. --public-only leaves out records\n"
	"that are not published, as an anonymous visitor would see them.\n";

int cmd_export(int argc, char **argv)
{
	const char *db = NULL, *format = "json", *org = NULL, *year_s = NULL;
	int year = 0, public_only = 0;
	rr_store *s = NULL;
	rr_diag d = {0};
	const rr_viewer *v;
	rr_err e = RR_OK;

	for (int i = 1; i < argc; i++) {
		int r = 0;
		if (cli_is_help(argv[i])) {
			fputs(help, stdout);
			goto out;
		}
		if ((r = cli_opt(argc, argv, &i, "--db", &db)) ||
		    (r = cli_opt(argc, argv, &i, "--format", &format)) ||
		    (r = cli_opt(argc, argv, &i, "--organisation", &org)) ||
		    (r = cli_opt(argc, argv, &i, "--year", &year_s))) {
			if (r < 0) {
				e = RR_EUSAGE;
				goto out;
			}
			continue;
		}
		if (!strcmp(argv[i], "--public-only")) {
			public_only = 1;
			continue;
		}
		cli_usage_error("export", "unexpected argument '%s'", argv[i]);
		e = RR_EUSAGE;
		goto out;
	}
	if (strcmp(format, "json") && strcmp(format, "csv")) {
		cli_usage_error("export", "--format must be json or csv, not '%s'", format);
		e = RR_EUSAGE;
		goto out;
	}
	if (year_s) {
		char *end;
		long y = strtol(year_s, &end, 10);
		if (*end || y < 1000 || y > 9999) {
			cli_usage_error("export", "--year must be a year like 2023, not '%s'", year_s);
			e = RR_EUSAGE;
			goto out;
		}
		year = (int)y;
	}
	if ((e = rr_store_open(cli_db_path(db), RR_STORE_READONLY, &s, &d)))
		goto out;
	v = public_only ? &rr_viewer_anonymous : &rr_viewer_system;
	e = !strcmp(format, "csv") ? rr_export_csv(s, org, year, v, stdout)
				   : rr_export_json(s, org, year, v, stdout);
	if (e) {
		rr_diag_add(&d, "export failed: %s", e == RR_EIO ? "cannot write the output"
				: rr_store_errmsg(s));
		goto out;
	}
	if (fflush(stdout) != 0) {
		rr_diag_add(&d, "writing the output failed");
		e = RR_EIO;
	}
out:
	if (e && e != RR_EUSAGE)
		rr_diag_print(&d, "reisregister export: ", stderr);
	rr_diag_free(&d);
	rr_store_close(s);
	return rr_exit_code(e);
}
