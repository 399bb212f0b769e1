/* reisregister import - take existing trip reports, requests, registers,
 * letters and evaluations (text, HTML, Markdown) into the register, all or
 * nothing. The reading is done by src/import/import*.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "../model/record.h"
#include "../store/auth_store.h"
#include "../store/bodies_store.h"
#include "../store/load.h"
#include "../store/public.h"
#include "../nl/bodies.h"
#include "../import/import.h"
#include "cli.h"

#define FILE_MAX ((size_t)32 << 20)

static const char help[] =
	"usage: reisregister import [--db FILE] --organisation CODE [--dry-run [--json|--explain]]\n"
	"                           [--private] [--date YYYY[-MM[-DD]]]\n"
	"                           [--url URL] FILE [[--url URL] FILE]...\n"
	"\n"
	"Reads trip reports and requests, register pages, letters on missions,\n"
	"evaluations with delegation lists and gift registers (plain text, HTML or\n"
	"Markdown) and adds their trips, partnerships, signed agreements and gifts\n"
	"to the register of the body CODE: a body in the register, or any Dutch\n"
	"municipality, province, water board or ministry by its TOOI code (gm0518,\n"
	"pv28, ws0656, mnre1013; see 'reisregister bodies'), which then joins the\n"
	"register with the import. Each file is kept whole as a document; every\n"
	"trip names the document and the spans its fields came from. The same\n"
	"journey in two documents becomes one trip; importing a file again changes\n"
	"nothing. Records are public unless --private is given. The original file\n"
	"is kept too, for download from the document's public page.\n"
	"\n"
	"  --dry-run   print what would be created or changed and what was not\n"
	"              understood; write nothing\n"
	"  --explain   with --dry-run: also list, sentence by sentence, the places,\n"
	"              people and dates that were read, for reviewing an import\n"
	"  --json      with --dry-run: print the canonical document that would be\n"
	"              loaded (JSON) instead of the plan\n"
	"  --private   records are not public\n"
	"  --date D    the date of the documents when their text shows none (a news\n"
	"              item's date from its address, say); it dates their year-less\n"
	"              and relative dates (\"in maart\", \"vorige maand\")\n"
	"  --url URL   the address where the next FILE is published (http or https);\n"
	"              shown on the document's page\n"
	"\n"
	"All or nothing: a binary, empty or malformed file, or any invalid record,\n"
	"stops the import with a message and the register is left unchanged.\n"
	"Exit status: 0 imported, 1 bad input, 2 usage, 3 internal error.\n"
	"See docs/import.md.\n";

static rr_err read_file(const char *path, unsigned char **out, size_t *len, rr_diag *d)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t n = 0, cap = 0;

	*out = NULL;
	*len = 0;
	if (!f) {
		rr_diag_add(d, "%s: cannot open: %s", path, strerror(errno));
		return RR_EIO;
	}
	for (;;) {
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 65536;
			unsigned char *nb;
			if (cap > FILE_MAX) {
				rr_diag_add(d, "%s: larger than %zu bytes", path, FILE_MAX);
				free(buf);
				fclose(f);
				return RR_ETOOBIG;
			}
			if (!(nb = realloc(buf, nc + 1))) {
				free(buf);
				fclose(f);
				return RR_ENOMEM;
			}
			buf = nb;
			cap = nc;
		}
		size_t r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0)
			break;
	}
	if (ferror(f)) {
		rr_diag_add(d, "%s: read error", path);
		free(buf);
		fclose(f);
		return RR_EIO;
	}
	fclose(f);
	*out = buf;
	*len = n;
	return RR_OK;
}

static void progress(size_t done, size_t total, const char *name)
{
	int width = 30, fill = total ? (int)(done * (size_t)width / total) : width;
	fprintf(stderr, "\r[%.*s%*s] %zu/%zu %-40.40s", fill,
		"##############################", width - fill, "", done, total, name);
	if (done == total)
		fputc('\n', stderr);
	fflush(stderr);
}

/* new, changed or unchanged compared with the register */
static const char *state(rr_store *s, rr_kind k, const json_t *rec)
{
	json_t *old = NULL;
	const char *st;
	if (rr_store_get(s, k, rr_rec_str(rec, "id"), &rr_viewer_system, &old))
		return "new";
	st = json_equal(old, (json_t *)rec) ? "unchanged" : "changed";
	json_decref(old);
	return st;
}

static void print_trip(rr_store *s, const json_t *t)
{
	json_t *v;
	size_t i;
	const char *sd = rr_rec_str(t, "start"), *ed = rr_rec_str(t, "end");

	printf("trip %s (%s)\n  %s | %s %s | %s", rr_rec_str(t, "id"), state(s, RR_K_TRIP, t),
	       rr_rec_str(t, "title"), rr_rec_str(t, "direction"),
	       rr_rec_str(t, "kind") ? rr_rec_str(t, "kind") : "-", rr_rec_str(t, "status"));
	if (sd)
		printf(" | %s%s%s", sd, ed && strcmp(ed, sd) ? " .. " : "",
		       ed && strcmp(ed, sd) ? ed : "");
	if (rr_rec_str(t, "planned_start"))
		printf(" | planned %s .. %s", rr_rec_str(t, "planned_start"),
		       rr_rec_str(t, "planned_end") ? rr_rec_str(t, "planned_end") : "");
	putchar('\n');
	json_array_foreach(json_object_get(t, "destinations"), i, v)
		printf("  destination %s %s\n", rr_rec_str(v, "country"),
		       rr_rec_str(v, "city") ? rr_rec_str(v, "city")
		       : rr_rec_str(v, "region") ? rr_rec_str(v, "region") : "");
	json_array_foreach(json_object_get(t, "travellers"), i, v)
		printf("  traveller %s (%s)\n", rr_rec_str(v, "name"),
		       rr_rec_str(v, "role") ? rr_rec_str(v, "role") : "-");
	if (json_object_get(t, "accompanying_officials"))
		printf("  officials %lld\n", rr_rec_count(t, "accompanying_officials", 0));
	if (json_object_get(t, "planned_accompanying_officials"))
		printf("  planned officials %lld\n",
		       rr_rec_count(t, "planned_accompanying_officials", 0));
	json_array_foreach(json_object_get(t, "costs"), i, v) {
		json_t *amt = json_object_get(v, "amount_eur");
		printf("  cost %s: %s%.2f %s%s%s\n", rr_rec_str(v, "category"), amt ? "EUR " : "",
		       amt ? json_number_value(amt) : 0.0, rr_rec_str(v, "kind"),
		       rr_rec_str(v, "paid_by") ? ", paid by " : "",
		       rr_rec_str(v, "paid_by") ? rr_rec_str(v, "paid_by") : "");
	}
	if ((v = json_object_get(t, "decision")))
		printf("  decision %s %s\n", rr_rec_str(v, "outcome"),
		       rr_rec_str(v, "date") ? rr_rec_str(v, "date") : "");
	if (rr_rec_str(t, "counterpart"))
		printf("  counterpart %s\n", rr_rec_str(t, "counterpart"));
	if (rr_rec_str(t, "partnership"))
		printf("  partnership %s\n", rr_rec_str(t, "partnership"));
	json_array_foreach(json_object_get(t, "sources"), i, v)
		printf("  source %s (%zu spans)\n", rr_rec_str(v, "document"),
		       json_array_size(json_object_get(v, "spans")));
}

static void print_plan(rr_store *s, const json_t *doc, const rr_diag *notes)
{
	json_t *r;
	size_t i;

	json_array_foreach(json_object_get(doc, "documents"), i, r)
		printf("document %s (%s)\n  %s | %s | %s | %zu bytes of text\n", rr_rec_str(r, "id"),
		       state(s, RR_K_DOCUMENT, r), rr_rec_str(r, "title"), rr_rec_str(r, "kind"),
		       rr_rec_str(r, "media_type"), strlen(rr_rec_str(r, "text") ?
							   rr_rec_str(r, "text") : ""));
	json_array_foreach(json_object_get(doc, "partnerships"), i, r)
		printf("partnership %s (%s)\n  %s (%s) | %s | since %s | %zu events\n",
		       rr_rec_str(r, "id"), state(s, RR_K_PARTNERSHIP, r),
		       rr_rec_str(json_object_get(r, "partner"), "name"),
		       rr_rec_str(json_object_get(r, "partner"), "country"), rr_rec_str(r, "type"),
		       rr_rec_str(r, "since") ? rr_rec_str(r, "since") : "-",
		       json_array_size(json_object_get(r, "events")));
	json_array_foreach(json_object_get(doc, "trips"), i, r)
		print_trip(s, r);
	json_array_foreach(json_object_get(doc, "results"), i, r)
		printf("result %s (%s)\n  %s | %s %s\n", rr_rec_str(r, "id"),
		       state(s, RR_K_RESULT, r), rr_rec_str(r, "date") ? rr_rec_str(r, "date") : "-",
		       rr_rec_str(r, "agreement") ? rr_rec_str(r, "agreement") : rr_rec_str(r, "type"),
		       rr_rec_str(r, "title"));
	json_array_foreach(json_object_get(doc, "gifts"), i, r) {
		char value[40] = "";
		if (json_object_get(r, "value_eur"))
			snprintf(value, sizeof value, " | EUR %.2f",
				 json_number_value(json_object_get(r, "value_eur")));
		printf("gift %s (%s)\n  %s | %s -> %s | %s%s\n", rr_rec_str(r, "id"),
		       state(s, RR_K_GIFT, r), rr_rec_str(r, "date") ? rr_rec_str(r, "date") : "-",
		       rr_rec_str(r, "giver") ? rr_rec_str(r, "giver") : "-",
		       rr_rec_str(r, "recipient") ? rr_rec_str(r, "recipient") : "-",
		       rr_rec_str(r, "description"), value);
	}
	if (notes->n) {
		printf("not understood (kept in the documents' text):\n");
		rr_diag_print(notes, "  ", stdout);
	} else {
		printf("not understood: nothing\n");
	}
}

static void sha256_hex(const unsigned char *data, size_t len, char hex[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(hex, 65, h, sizeof h);
}

/* The document of the result that was read from the file with this hash. */
static json_t *doc_by_hash(json_t *doc, const char *hex, size_t *index)
{
	json_t *r;
	size_t i;
	json_array_foreach(json_object_get(doc, "documents"), i, r)
		if (rr_rec_str(r, "sha256") && !strcmp(rr_rec_str(r, "sha256"), hex)) {
			*index = i;
			return r;
		}
	return NULL;
}

/* Sets the address each file was published at (--url) on its document,
 * or keeps the one the register already has; re-validates the record. */
static rr_err set_urls(rr_store *s, json_t *doc, char **files, char **urls, int nfiles,
		       rr_diag *d)
{
	json_t *r, *old, *norm;
	size_t i;
	rr_err e = RR_OK;

	json_array_foreach(json_object_get(doc, "documents"), i, r) {
		old = NULL;
		if (!json_object_get(r, "url") &&
		    rr_store_get(s, RR_K_DOCUMENT, rr_rec_str(r, "id"), &rr_viewer_system, &old) == RR_OK &&
		    json_object_get(old, "url"))
			json_object_set(r, "url", json_object_get(old, "url"));
		json_decref(old);
	}
	for (int f = 0; f < nfiles; f++) {
		unsigned char *data = NULL;
		size_t len = 0, idx = 0;
		char hex[65], label[300];
		if (!urls[f])
			continue;
		if ((e = read_file(files[f], &data, &len, d)))
			return e;
		sha256_hex(data, len, hex);
		free(data);
		if (!(r = doc_by_hash(doc, hex, &idx)))
			continue;
		json_object_set_new(r, "url", json_string(urls[f]));
		snprintf(label, sizeof label, "%s: --url", files[f]);
		norm = NULL;
		if ((e = rr_record_normalise(RR_K_DOCUMENT, r, label, &norm, d)))
			return e;
		json_array_set_new(json_object_get(doc, "documents"), idx, norm);
	}
	return RR_OK;
}

/* Keeps each file as the original of its document. */
static rr_err keep_files(rr_store *s, json_t *doc, char **files, int nfiles, rr_diag *d)
{
	rr_err e;

	if ((e = rr_store_begin(s))) {
		rr_diag_add(d, "cannot start a transaction: %s", rr_store_errmsg(s));
		return e;
	}
	for (int f = 0; f < nfiles && !e; f++) {
		unsigned char *data = NULL;
		size_t len = 0, idx;
		char hex[65];
		const char *base = strrchr(files[f], '/');
		json_t *r;
		if ((e = read_file(files[f], &data, &len, d)))
			break;
		sha256_hex(data, len, hex);
		if ((r = doc_by_hash(doc, hex, &idx)) &&
		    (e = rr_store_file_put(s, rr_rec_str(r, "id"), base ? base + 1 : files[f],
					   rr_rec_str(r, "media_type") ? rr_rec_str(r, "media_type") :
					   "application/octet-stream", hex, data, len)))
			rr_diag_add(d, "%s: keeping the original file failed: %s", files[f],
				    rr_store_errmsg(s));
		free(data);
	}
	if (!e && (e = rr_store_commit(s)))
		rr_diag_add(d, "commit failed: %s", rr_store_errmsg(s));
	if (e)
		rr_store_rollback(s);
	return e;
}

int cmd_import(int argc, char **argv)
{
	const char *db = NULL, *org = NULL, *date = NULL;
	bool dry = false, priv = false, as_json = false, explain = false;
	rr_buf why;
	int nfiles = 0;
	rr_store *s = NULL;
	rr_import *im = NULL;
	rr_diag d = {0};
	json_t *doc = NULL;
	rr_load_stats st;
	rr_err e = RR_OK;
	bool txn = false, builtin = false;
	char **files = calloc((size_t)argc + 1, sizeof *files);
	char **urls = calloc((size_t)argc + 1, sizeof *urls);
	const char *url = NULL;

	if (!files || !urls) {
		free(files);
		free(urls);
		return rr_exit_code(RR_ENOMEM);
	}
	rr_buf_init(&why, (size_t)16 << 20);
	for (int i = 1; i < argc; i++) {
		int r;
		if (cli_is_help(argv[i])) {
			fputs(help, stdout);
			goto out;
		}
		if ((r = cli_opt(argc, argv, &i, "--db", &db)) ||
		    (r = cli_opt(argc, argv, &i, "--organisation", &org)) ||
		    (r = cli_opt(argc, argv, &i, "--date", &date)) ||
		    (r = cli_opt(argc, argv, &i, "--url", &url))) {
			if (r < 0) {
				e = RR_EUSAGE;
				goto out;
			}
			continue;
		}
		if (!strcmp(argv[i], "--dry-run")) {
			dry = true;
		} else if (!strcmp(argv[i], "--explain")) {
			explain = true;
		} else if (!strcmp(argv[i], "--json")) {
			as_json = true;
		} else if (!strcmp(argv[i], "--private")) {
			priv = true;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			cli_usage_error("import", "unknown option '%s'", argv[i]);
			e = RR_EUSAGE;
			goto out;
		} else {
			urls[nfiles] = (char *)url;
			url = NULL;
			files[nfiles++] = argv[i];
		}
	}
	if (url) {
		cli_usage_error("import", "--url %s: no FILE follows it", url);
		e = RR_EUSAGE;
		goto out;
	}
	if (!org) {
		cli_usage_error("import", "--organisation CODE is required");
		e = RR_EUSAGE;
		goto out;
	}
	if ((as_json || explain) && !dry) {
		cli_usage_error("import", "--json and --explain only go with --dry-run");
		e = RR_EUSAGE;
		goto out;
	}
	if (!nfiles) {
		cli_usage_error("import", "no file given");
		e = RR_EUSAGE;
		goto out;
	}
	/* a built-in body without a record joins the register in the import's
	 * transaction (a dry run rolls it back, so it opens for writing too) */
	if (rr_body_get(org)) {
		bool yes = false;
		if ((e = rr_store_open(cli_db_path(db), RR_STORE_READONLY, &s, &d)) ||
		    (e = rr_store_exists(s, RR_K_ORGANISATION, org, &yes)))
			goto out;
		builtin = !yes;
		rr_store_close(s);
		s = NULL;
	}
	if ((e = rr_store_open(cli_db_path(db), dry && !builtin ? RR_STORE_READONLY : 0, &s, &d)))
		goto out;
	rr_store_set_actor(s, "cli:import");
	if (builtin) {
		if ((e = rr_store_begin(s))) {
			rr_diag_add(&d, "cannot start a transaction: %s", rr_store_errmsg(s));
			goto out;
		}
		txn = true;
		if ((e = rr_store_ensure_body(s, org, NULL, &d)))
			goto out;
	}
	if ((e = rr_import_new(s, org, !priv, &im, &d)))
		goto out;
	if (date && (e = rr_import_set_date(im, date, &d)))
		goto out;
	if (explain)
		rr_import_set_explain(im, &why);
	bool bar = nfiles >= 5 && isatty(2);
	for (int i = 0; i < nfiles; i++) {
		unsigned char *data = NULL;
		size_t len = 0;
		rr_err fe;
		if (bar)
			progress((size_t)i, (size_t)nfiles, files[i]);
		fe = read_file(files[i], &data, &len, &d);
		if (!fe)
			fe = rr_import_add(im, files[i], data, len, &d);
		free(data);
		if (fe && !e)
			e = fe; /* go on: report every bad file at once */
	}
	if (bar)
		progress((size_t)nfiles, (size_t)nfiles, "");
	if (e)
		goto out;
	if ((e = rr_import_result(im, &doc, &d)) ||
	    (e = set_urls(s, doc, files, urls, nfiles, &d)))
		goto out;
	if (dry && as_json) {
		if (json_dumpf(doc, stdout, JSON_INDENT(1) | JSON_SORT_KEYS) || putchar('\n') == EOF)
			e = RR_EIO;
		goto out;
	}
	if (dry) {
		if (explain)
			printf("wat er gelezen is:\n%s", rr_buf_cstr(&why));
		print_plan(s, doc, rr_import_notes(im));
		printf("dry run: nothing was written\n");
		goto out;
	}
	if ((e = rr_load_document(s, doc, &st, &d)))
		goto out;
	if (txn) {
		if ((e = rr_store_commit(s))) {
			rr_diag_add(&d, "commit failed: %s", rr_store_errmsg(s));
			goto out;
		}
		txn = false;
		printf("organisation %s (%s) added from the built-in list\n", org,
		       rr_body_get(org)->name);
	}
	if ((e = keep_files(s, doc, files, nfiles, &d))) {
		rr_diag_print(&d, "reisregister import: ", stderr);
		fprintf(stderr, "reisregister import: the records were written, the original "
			"files were not kept; import again to keep them\n");
		rr_diag_free(&d);
		e = RR_EIO;
		goto out_quiet;
	}
	for (int k = 0; k < RR_K_COUNT; k++) {
		size_t n = st.created[k] + st.updated[k] + st.unchanged[k];
		if (n)
			printf("%-14s %4zu (%zu new, %zu changed, %zu unchanged)\n",
			       rr_kind_get(k)->plural, n, st.created[k], st.updated[k], st.unchanged[k]);
	}
	if (rr_import_notes(im)->n)
		printf("%zu things not understood were kept in the documents' text "
		       "(see --dry-run)\n", rr_import_notes(im)->n);
out:
	if (txn)
		rr_store_rollback(s); /* a dry run, or a failure */
	if (e) {
		rr_diag_print(&d, "reisregister import: ", stderr);
		if (e != RR_EUSAGE)
			fprintf(stderr, "reisregister import: nothing was written\n");
	}
out_quiet:
	json_decref(doc);
	rr_buf_free(&why);
	rr_import_free(im);
	rr_diag_free(&d);
	rr_store_close(s);
	free(files);
	free(urls);
	return rr_exit_code(e);
}
