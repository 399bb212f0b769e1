/* reisregister user - accounts: add, passwd, grant, disable, enable, list. */
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "../auth/auth.h"
#include "../store/auth_store.h"
#include "cli.h"

static const char help[] =
	"usage: reisregister user add NAME --organisation CODE --role ROLE [--password-stdin]\n"
	"       reisregister user passwd NAME [--password-stdin]\n"
	"       reisregister user grant NAME --organisation CODE --role ROLE\n"
	"       reisregister user disable NAME | enable NAME\n"
	"       reisregister user list\n"
	"       (each with [--db FILE])\n"
	"\n"
	"Roles, per organisation: beheerder (users and settings), redacteur (create\n"
	"and edit records, file reports, publish), secretaris (coordination steps and\n"
	"college decisions), lezer (read unpublished records).\n"
	"The password is asked on the terminal, or read as one line from standard\n"
	"input with --password-stdin. At least 10 characters. Disabling an account\n"
	"ends its sessions.\n";

/* Reads a password: from stdin (one line) or the terminal without echo. */
static int read_password(int from_stdin, char *buf, size_t n)
{
	struct termios old, quiet;
	int tty = !from_stdin && isatty(STDIN_FILENO);
	size_t len;

	if (tty) {
		fprintf(stderr, "Wachtwoord: ");
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	if (!fgets(buf, (int)n, stdin))
		buf[0] = '\0';
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fprintf(stderr, "\n");
	}
	len = strlen(buf);
	while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
		buf[--len] = '\0';
	return 0;
}

static rr_err set_password(rr_store *s, const char *name, int from_stdin, int add,
			   const char *org, const char *role, rr_diag *d)
{
	char pw[1100], hash[crypto_pwhash_STRBYTES];
	const char *why = NULL;
	rr_err e;

	read_password(from_stdin, pw, sizeof pw);
	if ((e = rr_password_check(pw, &why))) {
		rr_diag_add(d, "password: %s", why);
		goto out;
	}
	if ((e = rr_password_hash(pw, hash, sizeof hash)))
		goto out;
	if ((e = rr_store_begin(s)))
		goto out;
	if (add) {
		e = rr_store_user_add(s, name, hash, NULL);
		if (!e)
			e = rr_store_user_grant(s, name, org, role);
	} else {
		e = rr_store_user_set_hash(s, name, hash);
	}
	if (!e)
		e = rr_store_commit(s);
	if (e) {
		rr_store_rollback(s);
		if (e == RR_ENOTFOUND)
			rr_diag_add(d, "no user named '%s'", name);
		else
			rr_diag_add(d, "%s", rr_store_errmsg(s));
	}
out:
	sodium_memzero(pw, sizeof pw);
	return e;
}

static int valid_name(const char *n)
{
	size_t len = strlen(n);
	if (!len || len > 60)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!((n[i] >= 'a' && n[i] <= 'z') || (n[i] >= '0' && n[i] <= '9') ||
		      n[i] == '.' || n[i] == '-' || n[i] == '_' || n[i] == '@'))
			return 0;
	return 1;
}

int cmd_user(int argc, char **argv)
{
	const char *db = NULL, *org = NULL, *role = NULL, *verb = NULL, *name = NULL;
	int from_stdin = 0;
	rr_store *s = NULL;
	rr_diag d = {0};
	json_t *list = NULL;
	rr_err e = RR_OK;

	for (int i = 1; i < argc; i++) {
		int r;
		if (cli_is_help(argv[i])) {
			fputs(help, stdout);
			return 0;
		}
		if ((r = cli_opt(argc, argv, &i, "--db", &db)) ||
		    (r = cli_opt(argc, argv, &i, "--organisation", &org)) ||
		    (r = cli_opt(argc, argv, &i, "--role", &role))) {
			if (r < 0)
				return 2;
			continue;
		}
		if (!strcmp(argv[i], "--password-stdin"))
			from_stdin = 1;
		else if (argv[i][0] == '-')
			return cli_usage_error("user", "unknown option '%s'", argv[i]);
		else if (!verb)
			verb = argv[i];
		else if (!name)
			name = argv[i];
		else
			return cli_usage_error("user", "unexpected argument '%s'", argv[i]);
	}
	if (!verb)
		return cli_usage_error("user", "say add, passwd, grant, disable, enable or list");
	if (strcmp(verb, "list") && !name)
		return cli_usage_error("user", "%s needs a user name", verb);
	if (name && !valid_name(name))
		return cli_usage_error("user", "a user name is 1-60 of a-z 0-9 . - _ @");
	if ((!strcmp(verb, "add") || !strcmp(verb, "grant")) && (!org || !role))
		return cli_usage_error("user", "%s needs --organisation and --role", verb);
	if (role && !rr_role_valid(role))
		return cli_usage_error("user", "unknown role '%s' (beheerder, redacteur, secretaris, lezer)",
				       role);
	if (rr_auth_init()) {
		fprintf(stderr, "reisregister user: cannot initialise libsodium\n");
		return 3;
	}
	if ((e = rr_store_open(cli_db_path(db), 0, &s, &d)))
		goto out;
	rr_store_set_actor(s, "cli:user");
	if (!strcmp(verb, "add") || !strcmp(verb, "passwd")) {
		e = set_password(s, name, from_stdin, !strcmp(verb, "add"), org, role, &d);
	} else if (!strcmp(verb, "grant")) {
		json_t *u = NULL;
		if ((e = rr_store_user_get(s, name, &u)))
			rr_diag_add(&d, "no user named '%s'", name);
		else
			e = rr_store_user_grant(s, name, org, role);
		json_decref(u);
	} else if (!strcmp(verb, "disable") || !strcmp(verb, "enable")) {
		if ((e = rr_store_user_set_disabled(s, name, !strcmp(verb, "disable"))))
			rr_diag_add(&d, e == RR_ENOTFOUND ? "no user named '%s'" : "failed: %s",
				    e == RR_ENOTFOUND ? name : rr_store_errmsg(s));
	} else if (!strcmp(verb, "list")) {
		json_t *u, *g;
		size_t i, j;
		if (!(e = rr_store_users(s, &list))) {
			json_array_foreach(list, i, u) {
				printf("%s%s", json_string_value(json_object_get(u, "name")),
				       json_is_true(json_object_get(u, "disabled")) ? " (uitgeschakeld)" : "");
				json_array_foreach(json_object_get(u, "grants"), j, g)
					printf(" %s:%s", json_string_value(json_object_get(g, "organisation")),
					       json_string_value(json_object_get(g, "role")));
				printf("\n");
			}
		}
	} else {
		rr_store_close(s);
		return cli_usage_error("user", "unknown action '%s'", verb);
	}
out:
	if (e) {
		rr_diag_print(&d, "reisregister user: ", stderr);
		if (!d.n)
			fprintf(stderr, "reisregister user: %s\n", rr_strerror(e));
	}
	json_decref(list);
	rr_diag_free(&d);
	rr_store_close(s);
	return rr_exit_code(e);
}
