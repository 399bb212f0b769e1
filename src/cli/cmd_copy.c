/* reisregister copy - a whole register from one database into another. */
#include <stdio.h>
#include <string.h>

#include "../store/auth_store.h"
#include "../store/copy.h"
#include "cli.h"

static const char help[] =
	"usage: reisregister copy --from DB --to DB\n"
	"\n"
	"Copies the whole register from one database into another, all or\n"
	"nothing: every record, the original files of imported documents, and\n"
	"the accounts with their roles. Either database may be a SQLite file\n"
	"(PATH or sqlite:PATH) or a PostgreSQL URL (postgresql://...). The\n"
	"target is created or migrated and must hold no records or accounts.\n"
	"Sessions and the audit log are not copied: the target's audit log\n"
	"starts with the copy.\n"
	"Exit status: 0 copied, 1 the target is not empty, 2 usage, 3 internal\n"
	"error.\n";

int cmd_copy(int argc, char **argv)
{
	const char *from = NULL, *to = NULL;
	rr_store *src = NULL, *dst = NULL;
	rr_copy_stats st;
	rr_diag d = {0};
	rr_err e = RR_OK;

	for (int i = 1; i < argc; i++) {
		int r;
		if (cli_is_help(argv[i])) {
			fputs(help, stdout);
			return 0;
		}
		if ((r = cli_opt(argc, argv, &i, "--from", &from)) < 0 ||
		    (!r && (r = cli_opt(argc, argv, &i, "--to", &to)) < 0))
			return 2;
		if (!r)
			return cli_usage_error("copy", "unexpected argument '%s'", argv[i]);
	}
	if (!from || !to)
		return cli_usage_error("copy", "give both --from and --to");
	if (!strcmp(from, to))
		return cli_usage_error("copy", "--from and --to name the same database");
	if ((e = rr_store_open(from, RR_STORE_READONLY, &src, &d)) ||
	    (e = rr_store_open(to, RR_STORE_CREATE, &dst, &d)))
		goto out;
	rr_store_set_actor(dst, "cli:copy");
	if ((e = rr_store_copy(src, dst, &st, &d)))
		goto out;
	for (int k = 0; k < RR_K_COUNT; k++)
		if (st.records.created[k])
			printf("%-14s %4zu\n", rr_kind_get(k)->plural, st.records.created[k]);
	printf("%-14s %4zu\n%-14s %4zu\n", "files", st.files, "users", st.users);
out:
	if (e) {
		rr_diag_print(&d, "reisregister copy: ", stderr);
		fprintf(stderr, "reisregister copy: nothing was written\n");
	}
	rr_diag_free(&d);
	rr_store_close(src);
	rr_store_close(dst);
	return e == RR_ECONFLICT ? 1 : rr_exit_code(e);
}
