/* reisregister show - the register per body and year, on the terminal. */
#include <stdio.h>
#include <string.h>

#include "../model/record.h"
#include "../store/store.h"
#include "cli.h"

static const char help[] =
	"usage: reisregister show [--db FILE] [--organisation CODE] [--all]\n"
	"\n"
	"Prints the register per body and per year: each trip with its dates,\n"
	"destinations, travellers, officials and costs. Without --all only\n"
	"published records are shown, as a visitor of the website sees them.\n";

static void print_trip(const json_t *t)
{
	json_t *el;
	size_t i;
	long long est = 0, act = 0;
	const char *end = rr_rec_str(t, "end");

	printf("  %s%s%s  %s%s\n", rr_rec_str(t, "start") ? rr_rec_str(t, "start") : "?",
	       end ? " .. " : "", end ? end : "", rr_rec_str(t, "title"),
	       rr_rec_bool(t, "public") ? "" : "  [niet gepubliceerd]");
	printf("      %s, %s;", rr_rec_str(t, "direction") && !strcmp(rr_rec_str(t, "direction"), "in")
				   ? "inkomend" : "uitgaand", rr_rec_str(t, "status"));
	json_array_foreach(json_object_get(t, "destinations"), i, el)
		printf(" %s%s%s", rr_rec_str(el, "country"), rr_rec_str(el, "city") ? " " : "",
		       rr_rec_str(el, "city") ? rr_rec_str(el, "city") : "");
	printf("\n");
	json_array_foreach(json_object_get(t, "travellers"), i, el)
		printf("      - %s%s%s\n", rr_rec_str(el, "name"), rr_rec_str(el, "role") ? ", " : "",
		       rr_rec_str(el, "role") ? rr_rec_str(el, "role") : "");
	if (json_object_get(t, "accompanying_officials"))
		printf("      ambtenaren: %lld\n", rr_rec_count(t, "accompanying_officials", 0));
	json_array_foreach(json_object_get(t, "costs"), i, el) {
		const char *k = rr_rec_str(el, "kind");
		long long c = rr_amount_cents(json_object_get(el, "amount_eur"));
		if (k && !strcmp(k, "actual"))
			act += c;
		else
			est += c;
		if (rr_rec_str(el, "paid_by"))
			printf("      %s: betaald door %s\n", rr_rec_str(el, "category"),
			       rr_rec_str(el, "paid_by"));
	}
	if (est || act)
		printf("      kosten: raming EUR %lld,%02lld; werkelijk EUR %lld,%02lld\n", est / 100,
		       est % 100, act / 100, act % 100);
}

int cmd_show(int argc, char **argv)
{
	const char *db = NULL, *only = NULL;
	int all = 0;
	rr_store *s = NULL;
	rr_diag d = {0};
	json_t *orgs = NULL, *o;
	size_t i;
	rr_err e = RR_OK;

	for (int a = 1; a < argc; a++) {
		int r;
		if (cli_is_help(argv[a])) {
			fputs(help, stdout);
			return 0;
		}
		if ((r = cli_opt(argc, argv, &a, "--db", &db)) ||
		    (r = cli_opt(argc, argv, &a, "--organisation", &only))) {
			if (r < 0)
				return 2;
			continue;
		}
		if (!strcmp(argv[a], "--all")) {
			all = 1;
			continue;
		}
		return cli_usage_error("show", "unexpected argument '%s'", argv[a]);
	}
	if ((e = rr_store_open(cli_db_path(db), RR_STORE_READONLY, &s, &d)))
		goto out;
	if ((e = rr_store_list(s, RR_K_ORGANISATION, only, 0, &rr_viewer_system, &orgs)))
		goto out;
	json_array_foreach(orgs, i, o) {
		rr_trip_query q = {0};
		json_t *trips = NULL, *t;
		size_t j, total = 0;
		int year = -1;
		q.organisation = rr_rec_str(o, "id");
		if ((e = rr_store_trips(s, &q, all ? &rr_viewer_system : &rr_viewer_anonymous,
					&trips, &total)))
			goto out;
		if (total) {
			printf("\n== %s (%s): %zu reizen\n", rr_rec_str(o, "name"),
			       rr_rec_str(o, "id"), total);
			json_array_foreach(trips, j, t) {
				rr_date st = rr_rec_date(t, "start");
				if (st.y != year) {
					year = st.y;
					printf("\n %d\n", year);
				}
				print_trip(t);
			}
		}
		json_decref(trips);
	}
out:
	if (e) {
		rr_diag_print(&d, "reisregister show: ", stderr);
		if (!d.n)
			fprintf(stderr, "reisregister show: %s\n", rr_store_errmsg(s));
	}
	rr_diag_free(&d);
	json_decref(orgs);
	rr_store_close(s);
	return rr_exit_code(e);
}
