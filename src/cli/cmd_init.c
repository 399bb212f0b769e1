/* reisregister init - create a register database, or migrate it. */
#include <stdio.h>
#include <string.h>

#include "../nl/bodies.h"
#include "../store/store.h"
#include "cli.h"

static const char help[] =
	"usage: reisregister init [--db FILE]\n"
	"\n"
	"Creates the register database FILE, or brings an existing one to the\n"
	"newest schema. Safe to run again.\n"
	"\n"
	"Every Dutch municipality, province, water board and ministry is built in\n"
	"('reisregister bodies'): import, load and the forms accept its TOOI code\n"
	"(gm0518, pv28, ws0656, mnre1013) without loading it first.\n";

int cmd_init(int argc, char **argv)
{
	const char *db = NULL;
	rr_store *s = NULL;
	rr_diag d = {0};
	rr_err e;
	int before;

	for (int i = 1; i < argc; i++) {
		int r;
		if (cli_is_help(argv[i])) {
			fputs(help, stdout);
			return 0;
		}
		if ((r = cli_opt(argc, argv, &i, "--db", &db)) < 0)
			return 2;
		if (r == 0)
			return cli_usage_error("init", "unexpected argument '%s'", argv[i]);
	}
	db = cli_db_path(db);
	e = rr_store_open(db, RR_STORE_CREATE, &s, &d);
	if (e) {
		rr_diag_print(&d, "reisregister init: ", stderr);
		rr_diag_free(&d);
		return rr_exit_code(e);
	}
	before = rr_store_schema_version(s);
	{
		char shown[512];
		printf("%s: schema version %d\n", rr_store_shown(db, shown, sizeof shown), before);
	}
	size_t cur = 0;
	for (size_t i = 0; i < rr_bodies_count(); i++)
		cur += rr_body_at(i)->end == NULL;
	printf("%zu Dutch public bodies built in (%zu current): see 'reisregister bodies'\n",
	       rr_bodies_count(), cur);
	rr_store_close(s);
	return 0;
}
