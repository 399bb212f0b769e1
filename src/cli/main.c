/* main.c - reisregister: the register of international work of Dutch public
 * bodies. Dispatches to one subcommand per file in src/cli/. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const rr_command commands[] = {
	{"init", cmd_init, "create or migrate a register database"},
	{"load", cmd_load, "load canonical JSON documents (all or nothing)"},
	{"export", cmd_export, "export the register as canonical JSON or CSV"},
	{"show", cmd_show, "print the register per organisation and year"},
	{"date", cmd_date, "find a Dutch date expression in a text"},
	{"import", cmd_import, "import trip reports, registers, letters and evaluations"},
	{"bodies", cmd_bodies, "list the built-in Dutch public bodies (TOOI codes, mergers)"},
	{"serve", cmd_serve, "serve the public register website and open-data API"},
	{"user", cmd_user, "manage accounts and their roles"},
	{"audit", cmd_audit, "print the audit log"},
	{"copy", cmd_copy, "copy a whole register into another database (SQLite, PostgreSQL)"},
	{"remind", cmd_remind, "mail each body's worklist through sendmail (for cron)"},
};

static void usage(FILE *f)
{
	fprintf(f, "usage: reisregister COMMAND [OPTIONS]\n\ncommands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\n'reisregister COMMAND --help' describes a command.\n"
		   "The database is --db FILE, else $REISREGISTER_DB, else ./reisregister.db;\n"
		   "sqlite:PATH and postgresql://... URLs are accepted too.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (cli_is_help(argv[1]) || strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return 0;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "reisregister: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return 2;
}
