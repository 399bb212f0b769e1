/* cli.h - the subcommands of reisregister, one file each in src/cli/.
 *
 * Each command is int cmd_NAME(int argc, char **argv), argv[0] being the
 * command name, and returns an exit status: 0 success, 1 bad input, 2 usage,
 * 3 internal error (see rr_exit_code). Each answers --help. */
#ifndef RR_CLI_H
#define RR_CLI_H

#include <stdbool.h>
#include <stdio.h>

typedef struct rr_command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} rr_command;

int cmd_init(int argc, char **argv);
int cmd_load(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_date(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_bodies(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_remind(int argc, char **argv);
int cmd_copy(int argc, char **argv);

/* Options shared by the commands (src/cli/opts.c). */

/* The database path: --db, else $REISREGISTER_DB, else ./reisregister.db. */
const char *cli_db_path(const char *opt);

/* True when arg is "-h" or "--help". */
bool cli_is_help(const char *arg);

/* Matches "--name VALUE" and "--name=VALUE" at argv[*i]; on a match sets
 * *val, advances *i past the value and returns 1. Returns -1 (after a
 * message) when the value is missing, 0 when argv[*i] is another option. */
int cli_opt(int argc, char **argv, int *i, const char *name, const char **val);

/* Prints "reisregister CMD: MESSAGE" to stderr; returns 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
