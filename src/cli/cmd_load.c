/* reisregister load - load canonical JSON documents, all or nothing. */
#include <stdio.h>
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

/* Adds the records of part to all, refusing an id given twice; seen holds
 * "kind/id" keys of the records added so far. */
static int merge(json_t *all, json_t *seen, const json_t *part, const char *file, rr_diag *d)
{
	int bad = 0;
	char key[160];
	for (int k = 0; k < RR_K_COUNT; k++) {
		const char *plural = rr_kind_get(k)->plural;
		json_t *dst = json_object_get(all, plural), *r;
		size_t i;
		json_array_foreach(json_object_get(part, plural), i, r) {
			const char *id = rr_rec_str(r, "id");
			snprintf(key, sizeof key, "%d/%s", k, id);
			if (json_object_get(seen, key)) {
				rr_diag_add(d, "%s: %s %s: given in two files", file,
					    rr_kind_get(k)->singular, id);
				bad = 1;
			}
			json_object_set_new(seen, key, json_true());
			json_array_append(dst, r);
		}
	}
	return bad;
}

int cmd_load(int argc, char **argv)
{
	const char *db = NULL;
	int quiet = 0, nfiles = 0, bad = 0;
	json_t *all = rr_doc_new(), *seen = json_object();
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
		nfiles++;
	}
	if (!nfiles) {
		cli_usage_error("load", "no JSON file given");
		e = RR_EUSAGE;
		goto out;
	}
	for (int i = 1; i < argc; i++) {
		json_t *raw = NULL, *norm = NULL;
		if (!strcmp(argv[i], "--db")) {
			i++;
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1])
			continue;
		if (rr_doc_read_file(argv[i], &raw, &d) ||
		    rr_doc_normalise(raw, argv[i], &norm, &d))
			bad = 1;
		else
			bad |= merge(all, seen, norm, argv[i], &d);
		json_decref(raw);
		json_decref(norm);
	}
	if (bad) {
		e = RR_EINVAL;
		goto out;
	}
	if ((e = rr_store_open(cli_db_path(db), 0, &s, &d)))
		goto out;
	rr_store_set_actor(s, "cli:load");
	if ((e = rr_load_document(s, all, &st, &d)))
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
	json_decref(all);
	json_decref(seen);
	return rr_exit_code(e);
}
