/* reisregister audit - the audit log, as JSON lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../store/auth_store.h"
#include "cli.h"

static const char help[] =
	"usage: reisregister audit [--db FILE] [--kind KIND --id ID]\n"
	"\n"
	"Prints the audit log, oldest first, one JSON object a line: seq, at,\n"
	"actor, action (create, update, delete), kind, record, organisation, and\n"
	"the record before and after. With --kind (trip, partnership, result, gift,\n"
	"organisation, person, document) and --id: one record's history.\n";

int cmd_audit(int argc, char **argv)
{
	const char *db = NULL, *kind = NULL, *id = NULL;
	rr_store *s = NULL;
	rr_diag d = {0};
	json_t *log = NULL, *e1;
	size_t i;
	int k = -1;
	rr_err e;

	for (int a = 1; a < argc; a++) {
		int r;
		if (cli_is_help(argv[a])) {
			fputs(help, stdout);
			return 0;
		}
		if ((r = cli_opt(argc, argv, &a, "--db", &db)) ||
		    (r = cli_opt(argc, argv, &a, "--kind", &kind)) ||
		    (r = cli_opt(argc, argv, &a, "--id", &id))) {
			if (r < 0)
				return 2;
			continue;
		}
		return cli_usage_error("audit", "unexpected argument '%s'", argv[a]);
	}
	if (!kind != !id)
		return cli_usage_error("audit", "--kind and --id go together");
	if (kind) {
		for (int j = 0; j < RR_K_COUNT; j++)
			if (!strcmp(rr_kind_get(j)->singular, kind))
				k = j;
		if (k < 0)
			return cli_usage_error("audit", "unknown kind '%s'", kind);
	}
	if (!(e = rr_store_open(cli_db_path(db), RR_STORE_READONLY, &s, &d)) &&
	    !(e = rr_store_audit(s, k, id, &log))) {
		json_array_foreach(log, i, e1) {
			char *line = json_dumps(e1, JSON_COMPACT | JSON_SORT_KEYS | JSON_REAL_PRECISION(15));
			if (line)
				puts(line);
			free(line);
		}
	}
	if (e) {
		rr_diag_print(&d, "reisregister audit: ", stderr);
		if (!d.n)
			fprintf(stderr, "reisregister audit: %s\n", rr_store_errmsg(s));
	}
	json_decref(log);
	rr_diag_free(&d);
	rr_store_close(s);
	return rr_exit_code(e);
}
