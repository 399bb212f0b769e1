/* reisregister load - load canonical JSON documents, all or nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/doc.h"
#include "../model/record.h"
#include "../store/auth_store.h"
#include "../store/load.h"
#include "cli.h"

static const char help[] =
	"usage: reisregister load [--db FILE] [--quiet] JSON...\n"
	"\n"
	"Loads records from canonical JSON documents (see docs/data-model.md)\n"
	"into the register, inserting or replacing each record by its id.\n"
	"All or nothing: when any record in any file is invalid, nothing is\n"
	"written and every problem is listed with its record and field.\n"
	"Exit status: 0 loaded, 1 invalid input, 2 usage, 3 internal error.\n";

int cmd_load(int argc, char **argv)
{
	const char *db = NULL;
	int quiet = 0;
	size_t nfiles = 0;
	const char **files = calloc((size_t)argc, sizeof *files);
	rr_store *s = NULL;
	rr_diag d = {0};
	rr_load_stats st;
	rr_err e = RR_OK;

	for (int i = 1; i < argc; i++) {
		int r;
		if (cli_is_help(argv[i])) {
			fputs(help, stdout);
			goto out;
		}
		if ((r = cli_opt(argc, argv, &i, "--db", &db)) < 0) {
			e = RR_EUSAGE;
			goto out;
		}
		if (r)
			continue;
		if (!strcmp(argv[i], "--quiet")) {
			quiet = 1;
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1]) {
			cli_usage_error("load", "unknown option '%s'", argv[i]);
			e = RR_EUSAGE;
			goto out;
		}
		if (files)
			files[nfiles] = argv[i];
		nfiles++;
	}
	if (!files) {
		e = RR_ENOMEM;
		goto out;
	}
	if (!nfiles) {
		cli_usage_error("load", "no JSON file given");
		e = RR_EUSAGE;
		goto out;
	}
	if ((e = rr_store_open(cli_db_path(db), 0, &s, &d)))
		goto out;
	rr_store_set_actor(s, "cli:load");
	/* one record at a time, all or nothing (load.h) */
	if ((e = rr_load_files(s, files, nfiles, &st, &d)))
		goto out;
	if (!quiet) {
		for (int k = 0; k < RR_K_COUNT; k++) {
			size_t n = st.created[k] + st.updated[k] + st.unchanged[k];
			if (n)
				printf("%-14s %4zu (%zu new, %zu changed, %zu unchanged)\n",
				       rr_kind_get(k)->plural, n, st.created[k], st.updated[k],
				       st.unchanged[k]);
		}
	}
out:
	if (e) {
		rr_diag_print(&d, "reisregister load: ", stderr);
		if (e == RR_EINVAL)
			fprintf(stderr, "reisregister load: nothing was written\n");
	}
	rr_diag_free(&d);
	rr_store_close(s);
	free(files);
	return rr_exit_code(e);
}
