/* reisregister bodies - the public bodies of the Netherlands that are built
 * in (nl/bodies.h): list and search them, with their dates and successors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../nl/bodies.h"
#include "../util/err.h"
#include "cli.h"

static const char help[] =
	"usage: reisregister bodies [--search WORDS] [--kind KIND] [--current] [--json]\n"
	"\n"
	"Lists the Dutch public bodies built into reisregister: every municipality,\n"
	"province, water board and ministry in the TOOI registers, current and\n"
	"dissolved, with its code, name, seat, the days it began and ended and the\n"
	"bodies it went into. Any of these codes can be used without loading the\n"
	"body first (import --organisation CODE, load, the forms).\n"
	"\n"
	"  --search WORDS  bodies whose code or name (also a former name, or the\n"
	"                  name of the body it merged into) contains every word:\n"
	"                  'eemsdelta' gives Eemsdelta and the three municipalities\n"
	"                  that formed it\n"
	"  --kind KIND     municipality, province, water_board or national\n"
	"  --current       only bodies that exist today\n"
	"  --json          one JSON array, with former names, predecessors and\n"
	"                  the TOOI URI\n"
	"\n"
	"Sources and how the list is kept up to date: docs/bodies.md.\n";

static json_t *body_json(const rr_body *b)
{
	char uri[160];
	const rr_body *rel[64];
	const rr_body_name *fn[16];
	json_t *o = json_object(), *a;
	size_t n;

	json_object_set_new(o, "code", json_string(b->code));
	json_object_set_new(o, "kind", json_string(rr_body_org_kind(b->kind)));
	json_object_set_new(o, "name", json_string(b->name));
	if (b->official)
		json_object_set_new(o, "official_name", json_string(b->official));
	json_object_set_new(o, "short_name", json_string(b->short_name));
	if (b->abbr)
		json_object_set_new(o, "abbreviation", json_string(b->abbr));
	if (b->province)
		json_object_set_new(o, "province", json_string(b->province));
	json_object_set_new(o, "tooi", json_string(rr_body_tooi_uri(b, uri, sizeof uri)));
	json_object_set_new(o, "start", b->start ? json_string(b->start) : json_null());
	json_object_set_new(o, "end", b->end ? json_string(b->end) : json_null());
	if (b->seat) {
		json_t *seat = json_pack("{s:s}", "name", b->seat);
		if (b->has_coords) {
			json_object_set_new(seat, "lat", json_real(b->lat));
			json_object_set_new(seat, "lon", json_real(b->lon));
		}
		json_object_set_new(o, "seat", seat);
	} else {
		json_object_set_new(o, "seat", json_null());
	}
	a = json_array();
	n = rr_body_successors(b, rel, 64);
	for (size_t i = 0; i < n && i < 64; i++)
		json_array_append_new(a, json_string(rel[i]->code));
	json_object_set_new(o, "successors", a);
	a = json_array();
	n = rr_body_predecessors(b, rel, 64);
	for (size_t i = 0; i < n && i < 64; i++)
		json_array_append_new(a, json_string(rel[i]->code));
	json_object_set_new(o, "predecessors", a);
	a = json_array();
	n = rr_body_former_names(b, fn, 16);
	for (size_t i = 0; i < n && i < 16; i++)
		json_array_append_new(a, json_pack("{s:s, s:o, s:s}", "name", fn[i]->name, "from",
						   fn[i]->from ? json_string(fn[i]->from) : json_null(),
						   "until", fn[i]->until));
	json_object_set_new(o, "former_names", a);
	return o;
}

static void body_line(const rr_body *b)
{
	const rr_body *rel[64];
	const rr_body *prov = rr_body_get(b->province);
	size_t n;

	printf("%-9s %s", b->code, b->name);
	if (prov)
		printf(" (%s)", prov->short_name);
	if (b->start && b->end)
		printf(", %s until %s", b->start, b->end);
	else if (b->start)
		printf(", since %s", b->start);
	else if (b->end)
		printf(", until %s", b->end);
	if (b->seat)
		printf(", seat %s", b->seat);
	putchar('\n');
	n = rr_body_successors(b, rel, 64);
	for (size_t i = 0; i < n && i < 64; i++)
		printf("          %s %s %s\n", i ? "and" : (n > 1 ? "went into" : "merged into"),
		       rel[i]->code, rel[i]->name);
	n = rr_body_predecessors(b, rel, 64);
	for (size_t i = 0; i < n && i < 64; i++)
		printf("          %s %s %s (until %s)\n", i ? "and" : "formed from or joined by",
		       rel[i]->code, rel[i]->name, rel[i]->end ? rel[i]->end : "?");
}

int cmd_bodies(int argc, char **argv)
{
	const char *search = NULL, *kind = NULL;
	bool json = false, current = false;
	const rr_body **found = NULL;
	json_t *arr = NULL;
	size_t n, shown = 0;
	int rc = 0;

	for (int i = 1; i < argc; i++) {
		int r;
		if (cli_is_help(argv[i])) {
			fputs(help, stdout);
			return 0;
		}
		if ((r = cli_opt(argc, argv, &i, "--search", &search)) ||
		    (r = cli_opt(argc, argv, &i, "--kind", &kind))) {
			if (r < 0)
				return 2;
			continue;
		}
		if (!strcmp(argv[i], "--json"))
			json = true;
		else if (!strcmp(argv[i], "--current"))
			current = true;
		else
			return cli_usage_error("bodies", "unexpected argument '%s'", argv[i]);
	}
	if (kind && strcmp(kind, "municipality") && strcmp(kind, "province") &&
	    strcmp(kind, "water_board") && strcmp(kind, "national"))
		return cli_usage_error("bodies", "--kind: '%s' is none of municipality, province, "
				       "water_board, national", kind);
	n = rr_bodies_search(search, NULL, 0);
	if (!(found = calloc(n ? n : 1, sizeof *found)))
		return rr_exit_code(RR_ENOMEM);
	rr_bodies_search(search, found, n);
	if (json)
		arr = json_array();
	for (size_t i = 0; i < n; i++) {
		const rr_body *b = found[i];
		if (kind && strcmp(kind, rr_body_org_kind(b->kind)))
			continue;
		if (current && b->end)
			continue;
		shown++;
		if (json)
			json_array_append_new(arr, body_json(b));
		else
			body_line(b);
	}
	if (json) {
		if (json_dumpf(arr, stdout, JSON_INDENT(1) | JSON_SORT_KEYS | JSON_REAL_PRECISION(8)) ||
		    putchar('\n') == EOF)
			rc = rr_exit_code(RR_EIO);
	} else if (!shown) {
		fprintf(stderr, "reisregister bodies: no body matches%s%s\n",
			search ? " " : "", search ? search : "");
		rc = 1;
	}
	json_decref(arr);
	free(found);
	return rc;
}
