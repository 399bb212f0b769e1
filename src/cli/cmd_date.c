/* cmd_date.c - reisregister date: find a Dutch date expression in a text. */
#include "cli.h"

#include <jansson.h>
#include <string.h>

#include "../nl/nldate.h"
#include "../nl/nlfmt.h"
#include "../util/buf.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: reisregister date [--ref YYYY-MM-DD] [--json] TEXT...\n"
		"\n"
		"Finds the first Dutch date expression in TEXT (the words joined by\n"
		"spaces) and prints its start, end, precision and the matched text:\n"
		"  2014-11-15 .. 2014-11-21 (day): 15 t/m 21 november 2014\n"
		"\n"
		"  --ref DATE  the document's own date: gives the year to \"18 april\"\n"
		"              and resolves \"12 maart jl.\"\n"
		"  --json      one JSON object: start, end (null for one date),\n"
		"              precision (day, month, year) and text\n"
		"\n"
		"Exit status: 0 found, 1 no date or no year known, 2 usage.\n");
}

static int print_json(const rr_nldate *d, const char *text)
{
	char s[RR_DATE_ISO_MAX], e[RR_DATE_ISO_MAX];
	json_t *o;
	int rc = 3;

	rr_date_iso(&d->start, s);
	rr_date_iso(&d->end, e);
	o = json_object();
	if (!o)
		return 3;
	if (json_object_set_new(o, "start", json_string(s)) ||
	    json_object_set_new(o, "end", d->end.prec ? json_string(e) : json_null()) ||
	    json_object_set_new(o, "precision",
				json_string(rr_nldate_prec_name(d->start.prec))) ||
	    json_object_set_new(o, "text", json_stringn(text + d->off, d->len)))
		goto out;
	if (json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER) == 0) {
		putchar('\n');
		rc = 0;
	}
out:
	json_decref(o);
	return rc;
}

static int print_human(const rr_nldate *d, const char *text)
{
	char s[RR_DATE_ISO_MAX], e[RR_DATE_ISO_MAX];

	rr_date_iso(&d->start, s);
	rr_date_iso(&d->end, e);
	if (d->end.prec)
		printf("%s .. %s (%s): %.*s\n", s, e,
		       rr_nldate_prec_name(d->start.prec), (int)d->len, text + d->off);
	else
		printf("%s (%s): %.*s\n", s, rr_nldate_prec_name(d->start.prec),
		       (int)d->len, text + d->off);
	return 0;
}

int cmd_date(int argc, char **argv)
{
	const char *refs = NULL, *why = NULL, *text;
	bool json = false;
	rr_date ref;
	rr_nldate d;
	rr_buf b;
	rr_err e;
	int i, r, rc = 2;

	rr_buf_init(&b, (size_t)1 << 20);
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (cli_is_help(argv[i])) {
			usage(stdout);
			rc = 0;
			goto out;
		}
		if (strcmp(argv[i], "--json") == 0) {
			json = true;
			continue;
		}
		r = cli_opt(argc, argv, &i, "--ref", &refs);
		if (r < 0)
			goto out;
		if (r > 0)
			continue;
		if (argv[i][0] == '-' && argv[i][1] == '-') {
			rc = cli_usage_error("date", "unknown option '%s'", argv[i]);
			goto out;
		}
		break;
	}
	if (i >= argc) {
		rc = cli_usage_error("date", "no TEXT given");
		goto out;
	}
	if (refs && (rr_date_parse_iso(refs, &ref, &why) || ref.prec != RR_PREC_DAY)) {
		rc = cli_usage_error("date", "--ref must be a date YYYY-MM-DD, not '%s'",
				     refs);
		goto out;
	}
	for (; i < argc; i++) {
		if (b.len)
			rr_buf_addc(&b, ' ');
		rr_buf_addstr(&b, argv[i]);
	}
	if (rr_buf_err(&b)) {
		fprintf(stderr, "reisregister date: TEXT: %s\n",
			rr_strerror(rr_buf_err(&b)));
		rc = 1;
		goto out;
	}
	text = rr_buf_cstr(&b);
	e = rr_nldate_find(text, b.len, 0, refs ? &ref : NULL, &d, &why);
	if (e == RR_EINVAL) {
		fprintf(stderr, "reisregister date: '%.*s': %s\n", (int)d.len,
			text + d.off, why);
		rc = 1;
		goto out;
	}
	if (e) {
		if (why && strcmp(why, "no date found") != 0)
			fprintf(stderr, "reisregister date: no date found (%s)\n", why);
		else
			fprintf(stderr, "reisregister date: no date found\n");
		rc = 1;
		goto out;
	}
	rc = json ? print_json(&d, text) : print_human(&d, text);
out:
	rr_buf_free(&b);
	return rc;
}
