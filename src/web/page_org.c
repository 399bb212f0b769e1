/* page_org.c - a body (/o/{code}) and its yearly register (/o/{code}/{year})
 * with the year's totals (also /api/v1/totals). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/lifecycle.h"
#include "model/record.h"
#include "report/chart.h"
#include "model/totals.h"
#include "store/agg.h"
#include "web/co2view.h"
#include "web/mapview.h"
#include "web/evidence.h"
#include "web/pages.h"
#include "web/routes.h"

#define MAX_YEARS 200

/* The body, or RR_ENOTFOUND. */
static rr_err get_org(rr_req *r, json_t **org)
{
	return rr_store_get(r->store, RR_K_ORGANISATION, rr_req_cap(r, "code"), r->viewer, org);
}

typedef struct year_count {
	int year;
	long out, in;
} year_count;

static int by_year(const void *a, const void *b)
{
	return ((const year_count *)a)->year - ((const year_count *)b)->year;
}

/* Trips per year, both directions, oldest first, from the counts of the
 * store (store/agg.h), newest MAX_YEARS years at most; *all: every trip
 * counted, with a start date or not. */
static size_t count_years(const json_t *tally, year_count *yc, long long *all)
{
	const json_t *row;
	size_t i, n = 0;

	*all = 0;
	for (i = json_array_size(tally); i-- > 0;) {
		const json_t *y;
		const char *dir;
		json_int_t c;
		size_t k;

		row = json_array_get(tally, i);
		y = json_object_get(row, "year");
		dir = rr_rec_str(row, "direction");
		c = json_integer_value(json_object_get(row, "trips"));
		*all += c;
		if (!json_is_integer(y))
			continue;
		for (k = 0; k < n && yc[k].year != (int)json_integer_value(y); k++)
			;
		if (k == n) {
			if (n == MAX_YEARS)
				continue;
			yc[n++] = (year_count){(int)json_integer_value(y), 0, 0};
		}
		if (dir && !strcmp(dir, "in"))
			yc[k].in += (long)c;
		else
			yc[k].out += (long)c;
	}
	qsort(yc, n, sizeof *yc, by_year);
	return n;
}

/* The year link "/o/CODE/YEAR". */
static void year_link(html *h, const char *code, int year)
{
	char y[8];

	snprintf(y, sizeof y, "%d", year);
	html_open_c(h, "a", "utrecht-link utrecht-link--html-a");
	html_attr_begin(h, "href");
	html_raw_trusted(h, "/o/");
	html_urlpart(h, code);
	html_raw_trusted(h, "/");
	html_urlpart(h, y);
	html_attr_end(h);
	html_text(h, y);
	html_close(h, "a");
}

/* The SVG chart (report/chart.c) and the same numbers as a table. */
static void chart_and_table(html *h, const char *code, const char *name,
			    const year_count *yc, size_t n)
{
	static const char *const heads[] = {"Jaar", "Uitgaande reizen", "Ontvangen delegaties"};
	static const int numeric[] = {0, 1, 1};
	char lab[MAX_YEARS][8], desc[300], title[300];
	const char *labels[MAX_YEARS];
	long out[MAX_YEARS], in[MAX_YEARS], tout = 0, tin = 0;

	for (size_t i = 0; i < n; i++) {
		snprintf(lab[i], sizeof lab[i], "%d", yc[i].year);
		labels[i] = lab[i];
		out[i] = yc[i].out;
		in[i] = yc[i].in;
		tout += out[i];
		tin += in[i];
	}
	snprintf(title, sizeof title, "Reizen per jaar van %s", name);
	snprintf(desc, sizeof desc, "Staafdiagram over %zu jaren: in totaal %ld uitgaande reizen "
		 "en %ld ontvangen delegaties. De tabel hieronder geeft dezelfde cijfers.",
		 n, tout, tin);
	rr_chart c = {.id = "reizen-per-jaar", .title = title, .desc = desc, .n = n,
		.labels = labels, .nseries = 2,
		.series_names = {"Uitgaand", "Ontvangen"}, .values = {out, in}};
	rr_chart_bars(h, &c);
	layout_table_begin(h, "Reizen per jaar (register per jaar)", heads, numeric, 3);
	for (size_t i = n; i-- > 0;) {
		char a[24], b[24];

		snprintf(a, sizeof a, "%ld", out[i]);
		snprintf(b, sizeof b, "%ld", in[i]);
		layout_row_begin(h);
		html_open_c(h, "th", "utrecht-table__header-cell");
		html_attr(h, "scope", "row");
		year_link(h, code, yc[i].year);
		html_close(h, "th");
		layout_cell(h, a, 1);
		layout_cell(h, b, 1);
		layout_row_end(h);
	}
	layout_table_end(h);
}

static void partnerships(html *h, const json_t *list)
{
	const json_t *p;
	size_t i;

	layout_h2(h, "Partnerschappen");
	if (!json_array_size(list)) {
		layout_paragraph(h, "Er zijn geen openbare partnerschappen geregistreerd.");
		return;
	}
	html_open_c(h, "ul", "utrecht-unordered-list");
	json_array_foreach(list, i, p) {
		const json_t *partner = json_object_get(p, "partner");
		const char *since = rr_rec_str(p, "since");

		html_open_c(h, "li", "utrecht-unordered-list__item");
		pk_link(h, "/partnerschappen/", rr_rec_str(p, "id"), rr_rec_str(partner, "name"));
		html_raw_trusted(h, " (");
		html_text(h, pk_country_name(rr_rec_str(partner, "country")));
		html_raw_trusted(h, "), ");
		html_text(h, pk_partnership_label(rr_rec_str(p, "type")));
		if (since) {
			char d[64];
			pk_dates(d, sizeof d, since, NULL);
			html_raw_trusted(h, " sinds ");
			html_text(h, d);
		}
		html_close(h, "li");
	}
	html_close(h, "ul");
}

rr_err page_org(rr_req *r, rr_resp *o)
{
	const char *code = rr_req_cap(r, "code");
	json_t *org = NULL, *trips = NULL, *parts = NULL, *tally = NULL, *places = NULL;
	rr_trip_query q = {.organisation = code};
	year_count yc[MAX_YEARS];
	long long all;
	char feed[160];
	html h;
	rr_err e;

	/* counts, not trips: the page costs what it shows (store/agg.h) */
	if ((e = get_org(r, &org)) ||
	    (e = rr_store_trip_tally(r->store, code, r->viewer, &tally)) ||
	    (e = rr_store_trip_places(r->store, code, r->viewer, &places)) ||
	    (e = rr_store_list(r->store, RR_K_PARTNERSHIP, code, 0, r->viewer, &parts)))
		goto out;
	const char *name = rr_rec_str(org, "name");
	size_t n = count_years(tally, yc, &all);
	layout_crumb crumbs[] = {{"Home", "/"}, {name, NULL}};
	snprintf(feed, sizeof feed, "/o/%s/feed.atom", code);
	layout_page p = {.title = name, .crumbs = crumbs, .ncrumbs = 2, .feed_url = feed,
		.feed_title = "Nieuwe reizen (Atom)"};
	html_init(&h, &o->body);
	layout_begin(&h, &p);
	layout_h1(&h, name);
	html_open_c(&h, "p", "utrecht-paragraph utrecht-paragraph--lead");
	html_textf(&h, "%lld openbare reizen in het register.", all);
	html_close(&h, "p");
	layout_h2(&h, "Register per jaar");
	if (n)
		chart_and_table(&h, code, name, yc, n);
	else
		layout_paragraph(&h, "Er zijn nog geen openbare reizen.");
	if (!mapview_destinations_counted(&h, places, code, 0, "kaart-bestemmingen",
					  "Waar de reizen heen gingen")) {
		/* a place written in two ways: the order of the trips decides */
		if ((e = rr_store_trips(r->store, &q, r->viewer, &trips, NULL)))
			goto out; /* the caller drops the half-written body */
		mapview_destinations(&h, trips, code, 0, "kaart-bestemmingen",
				     "Waar de reizen heen gingen");
	}
	partnerships(&h, parts);
	layout_h2(&h, "Verder");
	html_open_c(&h, "ul", "utrecht-unordered-list");
	html_open_c(&h, "li", "utrecht-unordered-list__item");
	pk_link_path(&h, "/o/", code, "/geschenken", "Geschenkenregister");
	html_close(&h, "li");
	html_open_c(&h, "li", "utrecht-unordered-list__item");
	pk_link_path(&h, "/o/", code, "/te-laat", "Verslagen die te laat zijn");
	html_close(&h, "li");
	html_open_c(&h, "li", "utrecht-unordered-list__item");
	layout_link(&h, "/vergelijking", "Vergelijking met andere organisaties");
	html_close(&h, "li");
	html_close(&h, "ul");
	layout_h2(&h, "Gegevens");
	html_open_c(&h, "ul", "utrecht-unordered-list");
	html_open_c(&h, "li", "utrecht-unordered-list__item");
	pk_link(&h, "/api/v1/trips?organisation=", code, "Alle reizen als JSON");
	html_close(&h, "li");
	html_open_c(&h, "li", "utrecht-unordered-list__item");
	pk_link(&h, "/api/v1/trips.xlsx?organisation=", code,
		"Alle reizen als spreadsheet (Excel, LibreOffice)");
	html_close(&h, "li");
	html_open_c(&h, "li", "utrecht-unordered-list__item");
	pk_link(&h, "/api/v1/trips.csv?organisation=", code, "Alle reizen als CSV");
	html_close(&h, "li");
	html_open_c(&h, "li", "utrecht-unordered-list__item");
	layout_link(&h, feed, "Atom-feed met nieuwe reizen");
	html_close(&h, "li");
	html_close(&h, "ul");
	e = pk_end(&h, o);
out:
	json_decref(org);
	json_decref(trips);
	json_decref(parts);
	json_decref(tally);
	json_decref(places);
	return e;
}

/* Costs of a trip: the totals per kind ("onbekend" when no line states
 * an amount), then each line with who pays. */
static void costs(rr_req *r, html *h, const json_t *trip)
{
	long long est = rr_trip_cost(trip, "estimate"), act = rr_trip_cost(trip, "actual");
	const json_t *c;
	size_t i;
	char m[48];

	if (!json_array_size(json_object_get(trip, "costs"))) {
		pk_item(h, "Kosten", "niet vermeld");
		return;
	}
	pk_item_begin(h, "Kosten");
	pk_money(m, sizeof m, est);
	html_raw_trusted(h, "geraamd ");
	html_text(h, est >= 0 ? m : "onbekend");
	html_raw_trusted(h, ", werkelijk ");
	pk_money(m, sizeof m, act);
	html_text(h, act >= 0 ? m : "onbekend");
	ev_link(h, RR_K_TRIP, trip, "costs", "de kosten");
	html_open_c(h, "ul", "utrecht-unordered-list");
	json_array_foreach(json_object_get(trip, "costs"), i, c) {
		const char *kind = rr_rec_str(c, "kind"), *by = rr_rec_str(c, "paid_by");

		html_open_c(h, "li", "utrecht-unordered-list__item");
		html_text(h, rr_rec_str(c, "category"));
		pk_money_json(m, sizeof m, json_object_get(c, "amount_eur"));
		html_raw_trusted(h, ": ");
		html_text(h, m);
		html_text(h, kind && !strcmp(kind, "actual") ? " (werkelijk)" : " (raming)");
		if (by) {
			char name[300];
			html_raw_trusted(h, ", betaald door ");
			html_text(h, pk_payer(r, by, name, sizeof name));
		}
		html_close(h, "li");
	}
	html_close(h, "ul");
	pk_item_end(h);
}

/* One trip of the yearly register, as a municipality's page shows it. */
static void register_entry(rr_req *r, html *h, const json_t *t)
{
	const char *id = rr_rec_str(t, "id");
	const json_t *dec = json_object_get(t, "decision"), *rep = json_object_get(t, "report");
	long long officials = rr_rec_count(t, "accompanying_officials", -1);
	char when[96];

	html_open_c(h, "section", "rr-register-entry");
	html_attr(h, "id", id);
	html_attr_begin(h, "aria-labelledby");
	html_raw_trusted(h, "h-");
	html_text(h, id);
	html_attr_end(h);
	html_open_c(h, "h2", "utrecht-heading-2");
	html_attr_begin(h, "id");
	html_raw_trusted(h, "h-");
	html_text(h, id);
	html_attr_end(h);
	html_text(h, rr_rec_str(t, "title"));
	html_close(h, "h2");
	pk_dl_begin(h);
	pk_item(h, "Soort", pk_kind_label(rr_rec_str(t, "kind")));
	if (json_array_size(json_object_get(t, "travellers"))) {
		pk_item_begin(h, "Wie");
		pk_travellers(h, json_object_get(t, "travellers"));
		pk_item_end(h);
	}
	if (json_array_size(json_object_get(t, "destinations"))) {
		pk_item_begin(h, "Waarheen");
		pk_destinations(h, t, true);
		pk_item_end(h);
	}
	pk_dates(when, sizeof when, rr_rec_str(t, "start"), rr_rec_str(t, "end"));
	pk_item(h, "Wanneer", when);
	if (rr_rec_str(t, "purpose")) {
		pk_item_begin(h, "Waarom");
		pk_markdown(h, rr_rec_str(t, "purpose"));
		pk_item_end(h);
	}
	{
		char n[32] = "onbekend";
		if (officials >= 0)
			snprintf(n, sizeof n, "%lld", officials);
		pk_item(h, "Ambtelijke ondersteuning", n);
	}
	costs(r, h, t);
	pk_item(h, "Status", pk_status_label(rr_rec_str(t, "status")));
	pk_item_begin(h, "Stukken");
	html_open_c(h, "ul", "utrecht-unordered-list");
	html_open_c(h, "li", "utrecht-unordered-list__item");
	html_open_c(h, "a", "utrecht-link utrecht-link--html-a");
	html_attr_begin(h, "href");
	html_raw_trusted(h, "/reizen/");
	html_urlpart(h, id);
	html_raw_trusted(h, "#aanvraag");
	html_attr_end(h);
	html_raw_trusted(h, "Aanvraag");
	html_close(h, "a");
	html_close(h, "li");
	if (dec) {
		char d[64];
		html_open_c(h, "li", "utrecht-unordered-list__item");
		html_open_c(h, "a", "utrecht-link utrecht-link--html-a");
		html_attr_begin(h, "href");
		html_raw_trusted(h, "/reizen/");
		html_urlpart(h, id);
		html_raw_trusted(h, "#besluit");
		html_attr_end(h);
		html_raw_trusted(h, "Besluit");
		html_close(h, "a");
		pk_dates(d, sizeof d, rr_rec_str(dec, "date"), NULL);
		if (*d) {
			html_raw_trusted(h, " van ");
			html_text(h, d);
		}
		html_close(h, "li");
	}
	if (rep) {
		html_open_c(h, "li", "utrecht-unordered-list__item");
		html_open_c(h, "a", "utrecht-link utrecht-link--html-a");
		html_attr_begin(h, "href");
		html_raw_trusted(h, "/reizen/");
		html_urlpart(h, id);
		html_raw_trusted(h, "#verslag");
		html_attr_end(h);
		html_raw_trusted(h, "Verslag");
		html_close(h, "a");
		html_close(h, "li");
	}
	html_close(h, "ul");
	pk_item_end(h);
	pk_dl_end(h);
	html_close(h, "section");
}

/* One row of the totals table: a label and a value with how much is known. */
static void total_row(html *h, const char *label, const char *value, long long known,
		      long long of)
{
	pk_item_begin(h, label);
	html_text(h, value);
	pk_known(h, known, of);
	pk_item_end(h);
}

static void money_total(char *out, size_t n, const json_t *v)
{
	pk_money_json(out, n, v);
}

/* The CO₂ of the year's outgoing trips whose distance and travellers are
 * known (docs/co2.md), with how many, and the flights within train
 * distance. */
static void co2_total(html *h, const json_t *tot, long long of, const rr_co2_setup *st)
{
	char v[96], w[48];
	const json_t *kg = json_object_get(tot, "co2_kg");
	long long train = json_integer_value(json_object_get(tot, "flights_train_possible"));

	if (json_is_null(kg))
		snprintf(v, sizeof v, "onbekend");
	else {
		co2_weight(w, sizeof w, (double)json_integer_value(kg));
		snprintf(v, sizeof v, "ongeveer %s", w);
	}
	pk_item_begin(h, "CO₂ (schatting)");
	html_text(h, v);
	pk_known(h, json_integer_value(json_object_get(tot, "co2_known")), of);
	if (train)
		html_textf(h, "; %lld %s korter dan %ld km: de trein was mogelijk", train,
			   train == 1 ? "vlucht" : "vluchten", st->train_km);
	html_raw_trusted(h, " (");
	html_open_c(h, "a", "utrecht-link");
	html_attr(h, "href", "#co2-uitgangspunten");
	html_raw_trusted(h, "uitgangspunten");
	html_close(h, "a");
	html_raw_trusted(h, ")");
	pk_item_end(h);
}

/* The year in figures: trips, officials, costs estimated and actual (each
 * with how many trips state it), who else paid, late reports. */
static void year_totals(rr_req *r, html *h, const json_t *tot, const char *ys,
			const json_t *org)
{
	rr_co2_setup st;
	char v[96], name[300];
	long long of = json_integer_value(json_object_get(tot, "cost_trips"));
	const json_t *p;
	size_t i;

	html_open_c(h, "h2", "utrecht-heading-2");
	html_attr(h, "id", "totalen");
	html_textf(h, "Totalen %s", ys);
	html_close(h, "h2");
	pk_dl_begin(h);
	snprintf(v, sizeof v, "%lld (%lld uitgaand, %lld ontvangen delegaties)",
		 (long long)json_integer_value(json_object_get(tot, "trips")),
		 (long long)json_integer_value(json_object_get(tot, "trips_out")),
		 (long long)json_integer_value(json_object_get(tot, "trips_in")));
	pk_item(h, "Reizen", v);
	if (json_integer_value(json_object_get(tot, "cancelled"))) {
		snprintf(v, sizeof v, "%lld (niet meegeteld)",
			 (long long)json_integer_value(json_object_get(tot, "cancelled")));
		pk_item(h, "Afgelast of afgewezen", v);
	}
	if (json_is_null(json_object_get(tot, "officials")))
		snprintf(v, sizeof v, "onbekend");
	else
		pk_int(v, sizeof v, json_integer_value(json_object_get(tot, "officials")));
	total_row(h, "Meereizende ambtenaren", v,
		  json_integer_value(json_object_get(tot, "officials_known")), of);
	money_total(v, sizeof v, json_object_get(tot, "costs_estimate_eur"));
	total_row(h, "Kosten geraamd", v,
		  json_integer_value(json_object_get(tot, "estimate_known")), of);
	money_total(v, sizeof v, json_object_get(tot, "costs_actual_eur"));
	total_row(h, "Kosten werkelijk", v,
		  json_integer_value(json_object_get(tot, "actual_known")), of);
	rr_co2_setup_of(org, &st);
	co2_total(h, tot, of, &st);
	pk_item_begin(h, "Betaald door anderen");
	if (!json_integer_value(json_object_get(tot, "paid_by_others")))
		html_text(h, "geen reis");
	else
		html_textf(h, "%lld %s: ", (long long)json_integer_value(json_object_get(tot,
			   "paid_by_others")), json_integer_value(json_object_get(tot,
			   "paid_by_others")) == 1 ? "reis" : "reizen");
	json_array_foreach(json_object_get(tot, "payers"), i, p) {
		if (i)
			html_raw_trusted(h, "; ");
		html_text(h, pk_payer(r, rr_rec_str(p, "paid_by"), name, sizeof name));
		money_total(v, sizeof v, json_object_get(p, "amount_eur"));
		html_textf(h, " (%s)", json_is_null(json_object_get(p, "amount_eur")) ?
			   "bedrag onbekend" : v);
	}
	pk_item_end(h);
	snprintf(v, sizeof v, "%lld", (long long)json_integer_value(json_object_get(tot, "reports_late")));
	pk_item(h, "Verslagen te laat", v);
	pk_dl_end(h);
	html_open(h, "div");
	html_attr(h, "id", "co2-uitgangspunten");
	co2_assumptions(h, &st);
	html_close(h, "div");
}

/* Per trip: estimated and actual costs and who else paid. */
static void cost_overview(rr_req *r, html *h, const json_t *trips)
{
	static const char *const heads[] = {"Reis", "Geraamd", "Werkelijk", "Betaald door anderen"};
	static const int numeric[] = {0, 1, 1, 0};
	const json_t *t, *c;
	size_t i, j, n = 0;

	json_array_foreach(trips, i, t) {
		const char *dir = rr_rec_str(t, "direction");
		long long est = rr_trip_cost(t, "estimate"), act = rr_trip_cost(t, "actual");
		char a[48], b[48];
		bool any = false;

		if ((dir && !strcmp(dir, "in")) || !rr_trip_counts(t))
			continue;
		if (!n++)
			layout_table_begin(h, "Kosten per reis", heads, numeric, 4);
		pk_money(a, sizeof a, est);
		pk_money(b, sizeof b, act);
		layout_row_begin(h);
		html_open_c(h, "td", "utrecht-table__cell");
		pk_link(h, "/reizen/", rr_rec_str(t, "id"), rr_rec_str(t, "title"));
		html_close(h, "td");
		layout_cell(h, est >= 0 ? a : "onbekend", 1);
		layout_cell(h, act >= 0 ? b : "onbekend", 1);
		html_open_c(h, "td", "utrecht-table__cell");
		json_array_foreach(json_object_get(t, "costs"), j, c) {
			const char *by = rr_rec_str(c, "paid_by");
			char name[300], m[48];
			if (!by || !strcmp(by, rr_rec_str(t, "organisation")))
				continue;
			pk_money_json(m, sizeof m, json_object_get(c, "amount_eur"));
			if (any)
				html_raw_trusted(h, "; ");
			any = true;
			html_text(h, pk_payer(r, by, name, sizeof name));
			html_textf(h, ": %s (%s)", rr_rec_str(c, "category"),
				   json_object_get(c, "amount_eur") ? m : "bedrag onbekend");
		}
		if (!any)
			html_text(h, "niemand vermeld");
		html_close(h, "td");
		layout_row_end(h);
	}
	if (n)
		layout_table_end(h);
}

static void year_downloads(html *h, const char *code, const char *ys)
{
	static const char *const d[] = {
		"Dit register als spreadsheet (Excel, LibreOffice): reizen en kostenposten",
		"Dit register als CSV", "De totalen als JSON"};

	layout_h2(h, "Downloaden");
	html_open_c(h, "ul", "utrecht-unordered-list rr-no-print");
	for (size_t i = 0; i < sizeof d / sizeof d[0]; i++) {
		html_open_c(h, "li", "utrecht-unordered-list__item");
		html_open_c(h, "a", "utrecht-link utrecht-link--html-a");
		html_attr_begin(h, "href");
		if (i == 0)
			html_raw_trusted(h, "/api/v1/trips.xlsx");
		else if (i == 1)
			html_raw_trusted(h, "/api/v1/trips.csv");
		else
			html_raw_trusted(h, "/api/v1/totals");
		html_raw_trusted(h, "?organisation=");
		html_urlpart(h, code);
		html_raw_trusted(h, "&year=");
		html_urlpart(h, ys);
		html_attr_end(h);
		html_text(h, d[i]);
		html_close(h, "a");
		html_close(h, "li");
	}
	html_close(h, "ul");
}

rr_err page_org_year(rr_req *r, rr_resp *o)
{
	const char *code = rr_req_cap(r, "code"), *ys = rr_req_cap(r, "year");
	json_t *org = NULL, *trips = NULL, *tot = NULL, *one;
	rr_trip_query q = {.organisation = code, .year = atoi(ys)};
	rr_date today = rr_today();
	char title[300], orgurl[160];
	const json_t *t;
	size_t i;
	html h;
	rr_err e;

	/* public: the viewer decides what is shown */
	if ((e = get_org(r, &org)) ||
	    (e = rr_store_trips(r->store, &q, r->viewer, &trips, NULL)))
		goto out;
	one = rr_co2_orgs_one(org);
	tot = rr_trip_totals(trips, (int)rr_rec_count(org, "report_period_days",
						      RR_REPORT_PERIOD_DAYS), &today, one);
	json_decref(one);
	const char *name = rr_rec_str(org, "name");
	long long n = json_integer_value(json_object_get(tot, "trips"));
	snprintf(title, sizeof title, "Register buitenlandse dienstreizen %s", ys);
	snprintf(orgurl, sizeof orgurl, "/o/%s", code);
	layout_crumb crumbs[] = {{"Home", "/"}, {name, orgurl}, {ys, NULL}};
	pk_begin(&h, o, title, crumbs, 3, NULL);
	layout_h1(&h, title);
	html_open_c(&h, "p", "utrecht-paragraph utrecht-paragraph--lead");
	html_textf(&h, "%s maakte in %s %lld openbare %s", name, ys, n, n == 1 ? "reis" : "reizen");
	if (json_integer_value(json_object_get(tot, "cancelled")))
		html_textf(&h, "; %lld afgelast of afgewezen",
			   (long long)json_integer_value(json_object_get(tot, "cancelled")));
	html_raw_trusted(&h, ".");
	html_close(&h, "p");
	if (json_array_size(trips)) {
		char heading[64];
		year_totals(r, &h, tot, ys, org);
		cost_overview(r, &h, trips);
		snprintf(heading, sizeof heading, "Waar de reizen in %s heen gingen", ys);
		mapview_destinations(&h, trips, code, q.year, "kaart-jaar", heading);
	}
	json_array_foreach(trips, i, t)
		register_entry(r, &h, t);
	year_downloads(&h, code, ys);
	e = pk_end(&h, o);
out:
	json_decref(org);
	json_decref(trips);
	json_decref(tot);
	return e;
}

rr_err api_totals(rr_req *r, rr_resp *o)
{
	const char *code = rr_req_param(r, "organisation"), *ys = rr_req_param(r, "year");
	json_t *org = NULL, *trips = NULL, *tot = NULL, *one;
	rr_trip_query q = {0};
	rr_date today = rr_today();
	rr_err e;

	/* public: the viewer decides what is counted */
	if (!code || !rr_route_param_ok("code", code)) {
		page_error(o, 400, "bad_parameter", "organisation: geef de code van het orgaan, "
			   "zoals gm0034");
		return RR_OK;
	}
	if (ys && !rr_route_param_ok("year", ys)) {
		page_error(o, 400, "bad_parameter", "year: een jaar met vier cijfers, zoals 2023");
		return RR_OK;
	}
	q.organisation = code;
	q.year = ys ? atoi(ys) : 0;
	if ((e = rr_store_get(r->store, RR_K_ORGANISATION, code, r->viewer, &org))) {
		if (e != RR_ENOTFOUND)
			return e;
		page_error(o, 404, "not_found", "Dit orgaan staat niet in het register.");
		return RR_OK;
	}
	if ((e = rr_store_trips(r->store, &q, r->viewer, &trips, NULL)))
		goto out;
	one = rr_co2_orgs_one(org);
	tot = rr_trip_totals(trips, (int)rr_rec_count(org, "report_period_days",
						      RR_REPORT_PERIOD_DAYS), &today, one);
	json_decref(one);
	json_object_set_new(tot, "organisation", json_string(code));
	json_object_set_new(tot, "year", q.year ? json_integer(q.year) : json_null());
	e = pk_json(o, tot);
	o->no_store = true; /* late reports depend on today */
out:
	json_decref(org);
	json_decref(trips);
	json_decref(tot);
	return e;
}
