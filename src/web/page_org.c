/* page_org.c - a body (/o/{code}) and its yearly register (/o/{code}/{year}). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/record.h"
#include "report/chart.h"
#include "web/pages.h"

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

/* Trips per year, both directions, oldest first. */
static size_t count_years(const json_t *trips, year_count *yc)
{
	const json_t *t;
	size_t i, n = 0;

	json_array_foreach(trips, i, t) {
		rr_date d = rr_rec_date(t, "start");
		const char *dir = rr_rec_str(t, "direction");
		size_t k;

		if (d.prec == RR_PREC_NONE)
			continue;
		for (k = 0; k < n && yc[k].year != d.y; k++)
			;
		if (k == n) {
			if (n == MAX_YEARS)
				continue;
			yc[n++] = (year_count){d.y, 0, 0};
		}
		if (dir && !strcmp(dir, "in"))
			yc[k].in++;
		else
			yc[k].out++;
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
		pk_link(h, "/partnerships/", rr_rec_str(p, "id"), rr_rec_str(partner, "name"));
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
	json_t *org = NULL, *trips = NULL, *parts = NULL;
	rr_trip_query q = {.organisation = code};
	year_count yc[MAX_YEARS];
	char feed[160];
	html h;
	rr_err e;

	if ((e = get_org(r, &org)) ||
	    (e = rr_store_trips(r->store, &q, r->viewer, &trips, NULL)) ||
	    (e = rr_store_list(r->store, RR_K_PARTNERSHIP, code, 0, r->viewer, &parts)))
		goto out;
	const char *name = rr_rec_str(org, "name");
	size_t n = count_years(trips, yc);
	layout_crumb crumbs[] = {{"Home", "/"}, {name, NULL}};
	snprintf(feed, sizeof feed, "/o/%s/feed.atom", code);
	layout_page p = {.title = name, .crumbs = crumbs, .ncrumbs = 2, .feed_url = feed,
		.feed_title = "Nieuwe reizen (Atom)"};
	html_init(&h, &o->body);
	layout_begin(&h, &p);
	layout_h1(&h, name);
	html_open_c(&h, "p", "utrecht-paragraph utrecht-paragraph--lead");
	html_textf(&h, "%zu openbare reizen in het register.", json_array_size(trips));
	html_close(&h, "p");
	layout_h2(&h, "Register per jaar");
	if (n)
		chart_and_table(&h, code, name, yc, n);
	else
		layout_paragraph(&h, "Er zijn nog geen openbare reizen.");
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
	pk_link(&h, "/api/v1/trips.csv?organisation=", code, "Alle reizen als CSV (spreadsheet)");
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
	return e;
}

/* Costs of a trip: each line, then the totals per kind. */
static void costs(rr_req *r, html *h, const json_t *trip)
{
	long long est = rr_trip_cost(trip, "estimate"), act = rr_trip_cost(trip, "actual");
	const json_t *c;
	size_t i;
	char m[48];

	if (!json_array_size(json_object_get(trip, "costs")))
		return;
	pk_item_begin(h, "Kosten");
	if (est >= 0) {
		pk_money(m, sizeof m, est);
		html_text(h, m);
		html_raw_trusted(h, " (raming)");
	}
	if (act >= 0) {
		if (est >= 0)
			html_raw_trusted(h, "; ");
		pk_money(m, sizeof m, act);
		html_text(h, m);
		html_raw_trusted(h, " (werkelijk)");
	}
	html_open_c(h, "ul", "utrecht-unordered-list");
	json_array_foreach(json_object_get(trip, "costs"), i, c) {
		const json_t *amount = json_object_get(c, "amount_eur");
		const char *kind = rr_rec_str(c, "kind"), *by = rr_rec_str(c, "paid_by");

		html_open_c(h, "li", "utrecht-unordered-list__item");
		html_text(h, rr_rec_str(c, "category"));
		if (amount) {
			pk_money(m, sizeof m, rr_amount_cents(amount));
			html_raw_trusted(h, ": ");
			html_text(h, m);
		}
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
	pk_item(h, "Waarom", rr_rec_str(t, "purpose"));
	if (officials >= 0) {
		char n[32];
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
	html_raw_trusted(h, "/trips/");
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
		html_raw_trusted(h, "/trips/");
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
		html_raw_trusted(h, "/trips/");
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

rr_err page_org_year(rr_req *r, rr_resp *o)
{
	const char *code = rr_req_cap(r, "code"), *ys = rr_req_cap(r, "year");
	json_t *org = NULL, *trips = NULL;
	rr_trip_query q = {.organisation = code, .year = atoi(ys)};
	char title[300], orgurl[160];
	const json_t *t;
	size_t i;
	html h;
	rr_err e;

	if ((e = get_org(r, &org)) ||
	    (e = rr_store_trips(r->store, &q, r->viewer, &trips, NULL)))
		goto out;
	const char *name = rr_rec_str(org, "name");
	snprintf(title, sizeof title, "Register buitenlandse dienstreizen %s", ys);
	snprintf(orgurl, sizeof orgurl, "/o/%s", code);
	layout_crumb crumbs[] = {{"Home", "/"}, {name, orgurl}, {ys, NULL}};
	pk_begin(&h, o, title, crumbs, 3, NULL);
	layout_h1(&h, title);
	html_open_c(&h, "p", "utrecht-paragraph utrecht-paragraph--lead");
	html_textf(&h, "%s maakte in %s %zu openbare %s.", name, ys, json_array_size(trips),
		   json_array_size(trips) == 1 ? "reis" : "reizen");
	html_close(&h, "p");
	json_array_foreach(trips, i, t)
		register_entry(r, &h, t);
	html_open_c(&h, "p", "utrecht-paragraph");
	html_open_c(&h, "a", "utrecht-link utrecht-link--html-a");
	html_attr_begin(&h, "href");
	html_raw_trusted(&h, "/api/v1/trips.csv?organisation=");
	html_urlpart(&h, code);
	html_raw_trusted(&h, "&year=");
	html_urlpart(&h, ys);
	html_attr_end(&h);
	html_raw_trusted(&h, "Dit register als CSV");
	html_close(&h, "a");
	html_close(&h, "p");
	e = pk_end(&h, o);
out:
	json_decref(org);
	json_decref(trips);
	return e;
}
