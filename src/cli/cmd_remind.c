/* reisregister remind - an e-mail digest of what falls due, for a daily
 * cron: per body its worklists (report/worklist.h), to each user with a
 * role there whose name is an e-mail address (a secretaris gets the
 * decisions waiting, a redacteur the reports and requests, a beheerder
 * everything), or all lists to --to. Mail goes through the local
 * `sendmail -t -oi` (found on PATH); --dry-run prints it instead. Nothing
 * is sent for a body with nothing due. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "../auth/auth.h"
#include "../model/lifecycle.h"
#include "../model/record.h"
#include "../nl/nlfmt.h"
#include "../report/worklist.h"
#include "../store/auth_store.h"
#include "../util/buf.h"
#include "cli.h"

static const char help[] =
	"usage: reisregister remind [--db FILE] [--organisation CODE] [--to ADDRESS]\n"
	"                           [--from ADDRESS] [--base-url URL] [--today YYYY-MM-DD]\n"
	"                           [--dry-run]\n"
	"\n"
	"Mails each body's worklist: requests waiting for the college's decision,\n"
	"reports late or due within 14 days, incomplete requests, reports not yet\n"
	"public. Recipients: the users with a role at the body whose user name is\n"
	"an e-mail address (secretaris: decisions; redacteur: reports and requests;\n"
	"beheerder: all), or only --to with every list. Sent with `sendmail -t -oi`\n"
	"from PATH; --dry-run writes the messages to standard output instead.\n"
	"--base-url makes the links absolute (https://register.example.nl).\n";

/* Which lists a role reads. */
static bool role_reads(const char *role, const char *list)
{
	if (!role)
		return false;
	if (!strcmp(role, "beheerder"))
		return true;
	if (!strcmp(role, "secretaris"))
		return !strcmp(list, "decisions");
	if (!strcmp(role, "redacteur"))
		return strcmp(list, "decisions") != 0;
	return false;
}

static bool header_safe(const char *s)
{
	return s && !strpbrk(s, "\r\n") && strlen(s) < 300;
}

/* =?UTF-8?B?...?= of s. */
static void encoded_word(rr_buf *b, const char *s)
{
	size_t n = strlen(s), cap = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
	char *enc = malloc(cap);

	if (!enc)
		return;
	sodium_bin2base64(enc, cap, (const unsigned char *)s, n, sodium_base64_VARIANT_ORIGINAL);
	rr_buf_printf(b, "=?UTF-8?B?%s?=", enc);
	free(enc);
}

static void date_nl(char *out, size_t n, const char *iso)
{
	rr_date d;
	if (!iso || rr_date_parse_iso(iso, &d, NULL) || rr_nlfmt_range_s(out, n, &d, NULL))
		snprintf(out, n, "%s", iso ? iso : "");
}

/* The digest for one recipient: the lists `role` reads (NULL: all). Returns
 * the number of items written. */
static size_t digest(rr_buf *b, const json_t *wl, const char *role, const char *base)
{
	size_t total = 0;

	for (size_t k = 0; rr_worklist_keys[k]; k++) {
		const char *key = rr_worklist_keys[k];
		const json_t *items = json_object_get(wl, key), *it;
		size_t i;

		if ((role && !role_reads(role, key)) || !json_array_size(items))
			continue;
		rr_buf_printf(b, "%s (%zu)\n", rr_worklist_title(key), json_array_size(items));
		json_array_foreach(items, i, it) {
			char d[64];
			long days = (long)json_integer_value(json_object_get(it, "days"));
			date_nl(d, sizeof d, rr_rec_str(it, "date"));
			rr_buf_printf(b, "- %s", rr_rec_str(it, "title"));
			if (!strcmp(key, "late"))
				rr_buf_printf(b, ": verslag uiterlijk %s, %ld %s te laat", d, days,
					    days == 1 ? "dag" : "dagen");
			else if (!strcmp(key, "due"))
				rr_buf_printf(b, ": verslag uiterlijk %s", d);
			else if (!strcmp(key, "decisions") && d[0])
				rr_buf_printf(b, ": vertrek %s", d);
			rr_buf_printf(b, "\n  %s/beheer/reizen/%s\n", base ? base : "", rr_rec_str(it, "id"));
			total++;
		}
		rr_buf_printf(b, "\n");
	}
	return total;
}

/* Pipes msg into `sendmail -t -oi`; RR_EIO when it cannot run or fails. */
static rr_err send_mail(const char *msg, size_t len)
{
	int fd[2], status;
	pid_t pid;
	size_t off = 0;

	if (pipe(fd))
		return RR_EIO;
	if ((pid = fork()) < 0) {
		close(fd[0]);
		close(fd[1]);
		return RR_EIO;
	}
	if (pid == 0) {
		char *const args[] = {"sendmail", "-t", "-oi", NULL};
		dup2(fd[0], STDIN_FILENO);
		close(fd[0]);
		close(fd[1]);
		execvp("sendmail", args);
		_exit(127);
	}
	close(fd[0]);
	while (off < len) {
		ssize_t w = write(fd[1], msg + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	close(fd[1]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return RR_EIO;
	return off == len && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? RR_OK : RR_EIO;
}

typedef struct opts {
	const char *to, *from, *base;
	bool dry;
	rr_date today;
} opts;

/* One message to addr about body org (name) with the lists role reads. */
static rr_err mail_one(const opts *op, const char *addr, const char *org, const char *name,
		       const json_t *wl, const char *role, size_t *sent)
{
	rr_buf b, body;
	char subject[300], date[64];
	time_t now = time(NULL);
	struct tm tm;
	size_t n;
	rr_err e = RR_OK;

	rr_buf_init(&body, 1 << 20);
	rr_buf_printf(&body, "Dit komt uit het reisregister van %s (%s).\n\n", name, org);
	if (!(n = digest(&body, wl, role, op->base))) {
		rr_buf_free(&body);
		return RR_OK;
	}
	rr_buf_printf(&body, "-- \nreisregister remind; de werklijst staat ook op %s/beheer\n",
		    op->base ? op->base : "");
	snprintf(subject, sizeof subject, "Reisregister: %zu %s voor %s", n,
		 n == 1 ? "punt" : "punten", name);
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
	rr_buf_init(&b, 2 << 20);
	rr_buf_printf(&b, "From: %s\nTo: %s\nSubject: ", op->from, addr);
	encoded_word(&b, subject);
	rr_buf_printf(&b, "\nDate: %s\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
		    "Content-Transfer-Encoding: 8bit\nAuto-Submitted: auto-generated\n\n", date);
	rr_buf_add(&b, rr_buf_cstr(&body), body.len);
	if (op->dry) {
		fwrite(rr_buf_cstr(&b), 1, b.len, stdout);
		fputs("\n", stdout);
	} else if ((e = send_mail(rr_buf_cstr(&b), b.len))) {
		fprintf(stderr, "reisregister remind: sendmail failed for %s\n", addr);
	}
	if (!e)
		(*sent)++;
	rr_buf_free(&b);
	rr_buf_free(&body);
	return e;
}

static rr_err remind_body(rr_store *s, const opts *op, const char *org, const json_t *users,
			  size_t *sent)
{
	json_t *wl = NULL, *orec = NULL;
	const char *name = org;
	const json_t *u, *g;
	size_t i, j;
	rr_err e, first = RR_OK;
	int period = 42;

	if (rr_store_get(s, RR_K_ORGANISATION, org, &rr_viewer_system, &orec) == RR_OK) {
		name = rr_rec_str(orec, "name") ? rr_rec_str(orec, "name") : org;
		period = (int)rr_rec_count(orec, "report_period_days", RR_REPORT_PERIOD_DAYS);
	}
	if ((e = rr_worklist_of(s, org, period, &op->today, &wl)))
		goto out;
	if (op->to) {
		e = mail_one(op, op->to, org, name, wl, NULL, sent);
		goto out;
	}
	json_array_foreach(users, i, u) {
		const char *addr = rr_rec_str(u, "name"), *role = NULL;
		if (!addr || !strchr(addr, '@') || json_is_true(json_object_get(u, "disabled")))
			continue;
		/* the widest role the user holds at this body */
		json_array_foreach(json_object_get(u, "grants"), j, g) {
			const char *go = rr_rec_str(g, "organisation"), *r = rr_rec_str(g, "role");
			if (!go || strcmp(go, org) || !r)
				continue;
			if (!role || !strcmp(r, "beheerder") ||
			    (!strcmp(role, "lezer") && strcmp(r, "lezer")))
				role = r;
			else if ((!strcmp(role, "secretaris") && !strcmp(r, "redacteur")) ||
				 (!strcmp(role, "redacteur") && !strcmp(r, "secretaris")))
				role = "beheerder"; /* both: every list */
		}
		if (role && (e = mail_one(op, addr, org, name, wl, role, sent)) && !first)
			first = e;
	}
	e = first;
out:
	json_decref(wl);
	json_decref(orec);
	return e;
}

int cmd_remind(int argc, char **argv)
{
	const char *db = NULL, *org = NULL, *today = NULL;
	opts op = {.from = "reisregister@localhost"};
	rr_store *s = NULL;
	rr_diag d = {0};
	json_t *users = NULL, *orgs = json_object();
	const json_t *u, *g;
	const char *key;
	json_t *v;
	size_t i, j, sent = 0;
	rr_err e = RR_OK, first = RR_OK;

	for (int i2 = 1; i2 < argc; i2++) {
		int r;
		if (cli_is_help(argv[i2])) {
			fputs(help, stdout);
			json_decref(orgs);
			return 0;
		}
		if ((r = cli_opt(argc, argv, &i2, "--db", &db)) ||
		    (r = cli_opt(argc, argv, &i2, "--organisation", &org)) ||
		    (r = cli_opt(argc, argv, &i2, "--to", &op.to)) ||
		    (r = cli_opt(argc, argv, &i2, "--from", &op.from)) ||
		    (r = cli_opt(argc, argv, &i2, "--base-url", &op.base)) ||
		    (r = cli_opt(argc, argv, &i2, "--today", &today))) {
			if (r < 0) {
				json_decref(orgs);
				return 2;
			}
			continue;
		}
		if (!strcmp(argv[i2], "--dry-run"))
			op.dry = true;
		else {
			json_decref(orgs);
			return cli_usage_error("remind", "unknown argument '%s'", argv[i2]);
		}
	}
	if ((op.to && (!header_safe(op.to) || !strchr(op.to, '@'))) || !header_safe(op.from) ||
	    (op.base && !header_safe(op.base))) {
		json_decref(orgs);
		return cli_usage_error("remind", "--to and --from take one e-mail address");
	}
	if (today) {
		if (rr_date_parse_iso(today, &op.today, NULL) || op.today.prec != RR_PREC_DAY) {
			json_decref(orgs);
			return cli_usage_error("remind", "--today takes a date as 2026-12-01");
		}
	} else {
		op.today = rr_today();
	}
	if ((e = rr_store_open(cli_db_path(db), RR_STORE_READONLY, &s, &d)))
		goto out;
	if ((e = rr_store_users(s, &users)))
		goto out;
	if (org) {
		json_object_set_new(orgs, org, json_true());
	} else {
		json_array_foreach(users, i, u)
			json_array_foreach(json_object_get(u, "grants"), j, g)
				if (rr_rec_str(g, "organisation"))
					json_object_set_new(orgs, rr_rec_str(g, "organisation"), json_true());
	}
	json_object_foreach(orgs, key, v)
		if ((e = remind_body(s, &op, key, users, &sent)) && !first)
			first = e;
	e = first;
	fprintf(stderr, "reisregister remind: %zu %s %s\n", sent, sent == 1 ? "bericht" : "berichten",
		op.dry ? "(niet verstuurd: --dry-run)" : "verstuurd");
out:
	if (e && d.n)
		rr_diag_print(&d, "reisregister remind: ", stderr);
	json_decref(users);
	json_decref(orgs);
	rr_diag_free(&d);
	rr_store_close(s);
	return rr_exit_code(e);
}
