/* page_trip.c - one trip in full (/trips/{id}): request and report side by
 * side, programme, delegation, costs, decision, report, results, gifts,
 * sources. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "model/lifecycle.h"
#include "model/record.h"
#include "web/pages.h"

static void travellers_cell(html *h, const json_t *list)
{
	html_open_c(h, "td", "utrecht-table__cell");
	if (json_array_size(list))
		pk_travellers(h, list);
	else
		html_raw_trusted(h, "-");
	html_close(h, "td");
}

static bool same_json(const json_t *a, const json_t *b)
{
	if (!a || !b)
		return !a && !b;
	return json_equal((json_t *)a, (json_t *)b);
}

static void changed_cell(html *h, bool changed)
{
	layout_cell(h, changed ? "gewijzigd" : "", 0);
}

static void row_text(html *h, const char *what, const char *planned, const char *actual)
{
	layout_row_begin(h);
	html_open_c(h, "th", "utrecht-table__header-cell");
	html_attr(h, "scope", "row");
	html_text(h, what);
	html_close(h, "th");
	layout_cell(h, planned && *planned ? planned : "-", 0);
	layout_cell(h, actual && *actual ? actual : "-", 0);
	changed_cell(h, planned && actual && *planned && *actual && strcmp(planned, actual));
	layout_row_end(h);
}

/* Planned (request) and actual (report) next to each other. */
static void compare(html *h, const json_t *t)
{
	static const char *const heads[] = {"", "Aanvraag (gepland)", "Verslag (werkelijk)", "Verschil"};
	const char *ps = rr_rec_str(t, "planned_start"), *pe = rr_rec_str(t, "planned_end");
	char pd[96] = "", ad[96] = "", po[24] = "", ao[24] = "", pc[48] = "", ac[48] = "";
	long long n;
	const json_t *pt = json_object_get(t, "planned_travellers"),
		*at = json_object_get(t, "travellers");
	bool has_report = json_object_get(t, "report") != NULL;

	pk_dates(pd, sizeof pd, ps ? ps : rr_rec_str(t, "start"), ps ? pe : rr_rec_str(t, "end"));
	if (has_report || (ps && strcmp(ps, rr_rec_str(t, "start") ? rr_rec_str(t, "start") : "")))
		pk_dates(ad, sizeof ad, rr_rec_str(t, "start"), rr_rec_str(t, "end"));
	if ((n = rr_rec_count(t, "planned_accompanying_officials", -1)) >= 0)
		snprintf(po, sizeof po, "%lld", n);
	if ((n = rr_rec_count(t, "accompanying_officials", -1)) >= 0)
		snprintf(ao, sizeof ao, "%lld", n);
	if ((n = rr_trip_cost(t, "estimate")) >= 0)
		pk_money(pc, sizeof pc, n);
	if ((n = rr_trip_cost(t, "actual")) >= 0)
		pk_money(ac, sizeof ac, n);

	layout_h2(h, "Aanvraag en verslag naast elkaar");
	layout_table_begin(h, "Gepland en werkelijk", heads, NULL, 4);
	row_text(h, "Data", pd, ad);
	layout_row_begin(h);
	html_open_c(h, "th", "utrecht-table__header-cell");
	html_attr(h, "scope", "row");
	html_raw_trusted(h, "Reizigers");
	html_close(h, "th");
	travellers_cell(h, pt ? pt : at);
	travellers_cell(h, pt || has_report ? at : NULL);
	changed_cell(h, pt && at && !same_json(pt, at));
	layout_row_end(h);
	row_text(h, "Ambtelijke ondersteuning", po, ao);
	row_text(h, "Kosten", pc, ac);
	layout_table_end(h);
}

static void programme(html *h, const json_t *t)
{
	const json_t *list = json_object_get(t, "programme"), *p, *c;
	size_t i, j;

	if (!json_array_size(list))
		return;
	layout_h2(h, "Programma");
	html_open_c(h, "ul", "utrecht-unordered-list");
	json_array_foreach(list, i, p) {
		char d[64];

		html_open_c(h, "li", "utrecht-unordered-list__item");
		pk_dates(d, sizeof d, rr_rec_str(p, "date"), NULL);
		if (*d) {
			html_text(h, d);
			html_raw_trusted(h, ": ");
		}
		html_text(h, rr_rec_str(p, "activity"));
		json_array_foreach(json_object_get(p, "counterparts"), j, c) {
			if (j)
				html_raw_trusted(h, ", ");
			else
				html_raw_trusted(h, " (met ");
			html_text(h, json_string_value(c));
		}
		if (json_array_size(json_object_get(p, "counterparts")))
			html_raw_trusted(h, ")");
		html_close(h, "li");
	}
	html_close(h, "ul");
}

static void cost_table(rr_req *r, html *h, const json_t *t)
{
	static const char *const heads[] = {"Post", "Soort", "Bedrag", "Betaald door"};
	static const int numeric[] = {0, 0, 1, 0};
	const json_t *list = json_object_get(t, "costs"), *c;
	size_t i;

	if (!json_array_size(list))
		return;
	layout_h2(h, "Kosten");
	layout_table_begin(h, "Kosten per post", heads, numeric, 4);
	json_array_foreach(list, i, c) {
		const json_t *amount = json_object_get(c, "amount_eur");
		const char *kind = rr_rec_str(c, "kind");
		char m[48] = "-";

		if (amount)
			pk_money(m, sizeof m, rr_amount_cents(amount));
		layout_row_begin(h);
		layout_cell(h, rr_rec_str(c, "category"), 0);
		layout_cell(h, kind && !strcmp(kind, "actual") ? "werkelijk" : "raming", 0);
		layout_cell(h, m, 1);
		char name[300];
		const char *by = rr_rec_str(c, "paid_by");
		layout_cell(h, by ? pk_payer(r, by, name, sizeof name) : "-", 0);
		layout_row_end(h);
	}
	layout_table_end(h);
}

static void decision(html *h, const json_t *t)
{
	const json_t *dec = json_object_get(t, "decision"), *c;
	const json_t *coord = json_object_get(t, "coordination");
	size_t i;
	char d[64];

	if (!dec && !json_array_size(coord))
		return;
	html_open_c(h, "h2", "utrecht-heading-2");
	html_attr(h, "id", "besluit");
	html_raw_trusted(h, "Afstemming en besluit");
	html_close(h, "h2");
	pk_dl_begin(h);
	json_array_foreach(coord, i, c) {
		pk_dates(d, sizeof d, rr_rec_str(c, "date"), NULL);
		pk_item_begin(h, "Afgestemd met");
		html_text(h, rr_rec_str(c, "with"));
		if (*d) {
			html_raw_trusted(h, " op ");
			html_text(h, d);
		}
		pk_item_end(h);
	}
	if (dec) {
		/* the college decision in full (issue 13): outcome, meeting date,
		 * number, conditions, text and the decision document */
		const char *out = rr_rec_str(dec, "outcome");
		const char *label = rr_enum_label(rr_outcome_values, out);
		pk_dates(d, sizeof d, rr_rec_str(dec, "date"), NULL);
		pk_item(h, "Besluit", label ? label : out);
		pk_item(h, "Datum besluit", d);
		pk_item(h, "Besluitnummer", rr_rec_str(dec, "number"));
		pk_item(h, "Besloten door", rr_rec_str(dec, "body"));
		pk_item(h, "Voorwaarden", rr_rec_str(dec, "conditions"));
		pk_item(h, "Besluittekst", rr_rec_str(dec, "text"));
		if (rr_rec_str(dec, "url")) {
			pk_item_begin(h, "Besluitdocument");
			layout_link(h, rr_rec_str(dec, "url"), "Het besluit");
			pk_item_end(h);
		}
		pk_item(h, "Toelichting", rr_rec_str(dec, "note"));
	}
	pk_dl_end(h);
}

static void report(html *h, const json_t *t)
{
	const json_t *rep = json_object_get(t, "report");
	const char *text = rr_rec_str(rep, "text");
	char d[64];

	html_open_c(h, "h2", "utrecht-heading-2");
	html_attr(h, "id", "verslag");
	html_raw_trusted(h, "Verslag");
	html_close(h, "h2");
	if (!rep) {
		layout_paragraph(h, "Er is (nog) geen verslag.");
		return;
	}
	pk_dl_begin(h);
	pk_dates(d, sizeof d, rr_rec_str(rep, "due"), NULL);
	pk_item(h, "Uiterlijk in te dienen", d);
	pk_dates(d, sizeof d, rr_rec_str(rep, "submitted"), NULL);
	pk_item(h, "Ingediend", d);
	pk_dl_end(h);
	if (!text)
		return;
	html_open_c(h, "div", "rr-report utrecht-html");
	/* The one piece of HTML not written by the html writer: cmark's output
	 * in safe mode (CMARK_OPT_SAFE: raw HTML is replaced by a comment and
	 * javascript:/vbscript:/file:/data: links are dropped). It is appended
	 * to the writer's buffer after the writer has closed its pending tag. */
	html_raw_trusted(h, "");
	if (!html_err(h)) {
		char *out = cmark_markdown_to_html(text, strlen(text), CMARK_OPT_SAFE);
		if (out) {
			rr_buf_addstr(h->b, out);
			free(out);
		}
	}
	html_close(h, "div");
}

/* Results or gifts of this body that name this trip. */
static void linked(html *h, rr_req *r, rr_kind k, const json_t *t, const char *heading)
{
	json_t *list = NULL;
	const json_t *x;
	size_t i;
	bool any = false;
	const char *id = rr_rec_str(t, "id");

	if (rr_store_list(r->store, k, rr_rec_str(t, "organisation"), 0, r->viewer, &list))
		return;
	json_array_foreach(list, i, x) {
		const char *trip = rr_rec_str(x, "trip");
		char m[48];

		if (!trip || strcmp(trip, id))
			continue;
		if (!any) {
			layout_h2(h, heading);
			html_open_c(h, "ul", "utrecht-unordered-list");
			any = true;
		}
		html_open_c(h, "li", "utrecht-unordered-list__item");
		if (k == RR_K_RESULT) {
			html_text(h, rr_rec_str(x, "title"));
			if (rr_rec_str(x, "description")) {
				html_raw_trusted(h, ": ");
				html_text(h, rr_rec_str(x, "description"));
			}
			if (json_object_get(x, "amount_eur")) {
				pk_money(m, sizeof m, rr_amount_cents(json_object_get(x, "amount_eur")));
				html_raw_trusted(h, " (");
				html_text(h, m);
				html_raw_trusted(h, ")");
			}
		} else {
			html_text(h, rr_rec_str(x, "description"));
			html_raw_trusted(h, ", van ");
			html_text(h, rr_rec_str(x, "giver"));
			html_raw_trusted(h, " aan ");
			html_text(h, rr_rec_str(x, "recipient"));
			if (json_object_get(x, "value_eur")) {
				pk_money(m, sizeof m, rr_amount_cents(json_object_get(x, "value_eur")));
				html_raw_trusted(h, ", geschatte waarde ");
				html_text(h, m);
			}
		}
		html_close(h, "li");
	}
	if (any)
		html_close(h, "ul");
	json_decref(list);
}

static void sources(html *h, const json_t *t)
{
	const json_t *list = json_object_get(t, "sources"), *s;
	size_t i;

	if (!json_array_size(list))
		return;
	layout_h2(h, "Bronnen");
	html_open_c(h, "ul", "utrecht-unordered-list");
	json_array_foreach(list, i, s) {
		const char *title = rr_rec_str(s, "title"), *url = rr_rec_str(s, "url");
		const char *label = title ? title : url ? url : rr_rec_str(s, "document");

		html_open_c(h, "li", "utrecht-unordered-list__item");
		if (url)
			layout_link(h, url, label ? label : url);
		else
			html_text(h, label ? label : "bron");
		html_close(h, "li");
	}
	html_close(h, "ul");
}

/* "Verslag uiterlijk" (return + the body's report period) and, when the
 * report is late, how many days. */
static void deadline(html *h, const json_t *t, const json_t *orgrec)
{
	int period = (int)rr_rec_count(orgrec, "report_period_days", RR_REPORT_PERIOD_DAYS);
	rr_date due = rr_trip_report_due(t, period), today = rr_today();
	long late = rr_trip_days_overdue(t, period, &today);
	char iso[RR_DATE_ISO_MAX], s[96];

	if (!due.prec)
		return;
	rr_date_iso(&due, iso);
	pk_dates(s, sizeof s, iso, NULL);
	pk_item_begin(h, "Verslag uiterlijk");
	html_text(h, s[0] ? s : iso);
	if (late > 0)
		html_textf(h, " (%ld dagen te laat)", late);
	pk_item_end(h);
}

/* A row naming who else paid, when someone did. */
static void third_party(html *h, const json_t *t)
{
	const json_t *c;
	size_t i;

	json_array_foreach(json_object_get(t, "costs"), i, c) {
		const char *p = rr_rec_str(c, "paid_by");
		if (p && strcmp(p, rr_rec_str(t, "organisation"))) {
			pk_item_begin(h, "Kosten");
			pk_third_party(h, t);
			pk_item_end(h);
			return;
		}
	}
}

rr_err page_trip(rr_req *r, rr_resp *o)
{
	json_t *t = NULL, *orgrec = NULL;
	const json_t *x;
	char orgurl[160], when[96];
	size_t i;
	html h;
	rr_err e;

	if ((e = rr_store_get(r->store, RR_K_TRIP, rr_req_cap(r, "id"), r->viewer, &t)))
		return e;
	const char *org = rr_rec_str(t, "organisation"), *title = rr_rec_str(t, "title");
	const char *orgname = org;
	if (rr_store_get(r->store, RR_K_ORGANISATION, org, r->viewer, &orgrec) == RR_OK)
		orgname = rr_rec_str(orgrec, "name");
	snprintf(orgurl, sizeof orgurl, "/o/%s", org);
	layout_crumb crumbs[] = {{"Home", "/"}, {orgname, orgurl}, {title, NULL}};
	pk_begin(&h, o, title, crumbs, 3, NULL);
	layout_h1(&h, title);
	pk_dl_begin(&h);
	pk_item_begin(&h, "Orgaan");
	layout_link(&h, orgurl, orgname);
	pk_item_end(&h);
	pk_item(&h, "Soort", pk_kind_label(rr_rec_str(t, "kind")));
	pk_item(&h, "Richting", pk_direction_label(rr_rec_str(t, "direction")));
	pk_item(&h, "Status", pk_status_label(rr_rec_str(t, "status")));
	pk_dates(when, sizeof when, rr_rec_str(t, "start"), rr_rec_str(t, "end"));
	pk_item(&h, "Wanneer", when);
	deadline(&h, t, orgrec);
	third_party(&h, t);
	if (json_array_size(json_object_get(t, "destinations"))) {
		pk_item_begin(&h, "Waarheen");
		pk_destinations(&h, t, true);
		pk_item_end(&h);
	}
	pk_item(&h, "Bezoekende partij", rr_rec_str(t, "counterpart"));
	if (json_array_size(json_object_get(t, "themes"))) {
		pk_item_begin(&h, "Thema's");
		json_array_foreach(json_object_get(t, "themes"), i, x) {
			if (i)
				html_raw_trusted(&h, ", ");
			html_text(&h, pk_theme_label(json_string_value(x)));
		}
		pk_item_end(&h);
	}
	if (json_object_get(t, "cancellation"))
		pk_item(&h, "Afgelast", rr_rec_str(json_object_get(t, "cancellation"), "reason"));
	pk_dl_end(&h);

	html_open_c(&h, "h2", "utrecht-heading-2");
	html_attr(&h, "id", "aanvraag");
	html_raw_trusted(&h, "Aanvraag: doel en motivatie");
	html_close(&h, "h2");
	if (rr_rec_str(t, "purpose"))
		layout_paragraph(&h, rr_rec_str(t, "purpose"));
	if (rr_rec_str(t, "motivation"))
		layout_paragraph(&h, rr_rec_str(t, "motivation"));
	compare(&h, t);
	programme(&h, t);
	if (json_array_size(json_object_get(t, "travellers"))) {
		layout_h2(&h, "Delegatie");
		html_open_c(&h, "p", "utrecht-paragraph");
		pk_travellers(&h, json_object_get(t, "travellers"));
		html_close(&h, "p");
	}
	if (json_array_size(json_object_get(t, "external_parties"))) {
		layout_h2(&h, "Externe partijen");
		html_open_c(&h, "ul", "utrecht-unordered-list");
		json_array_foreach(json_object_get(t, "external_parties"), i, x) {
			html_open_c(&h, "li", "utrecht-unordered-list__item");
			html_text(&h, json_string_value(x));
			html_close(&h, "li");
		}
		html_close(&h, "ul");
	}
	cost_table(r, &h, t);
	decision(&h, t);
	report(&h, t);
	linked(&h, r, RR_K_RESULT, t, "Resultaten");
	linked(&h, r, RR_K_GIFT, t, "Geschenken");
	sources(&h, t);
	html_open_c(&h, "p", "utrecht-paragraph");
	pk_link(&h, "/api/v1/trips/", rr_rec_str(t, "id"), "Deze reis als JSON");
	html_close(&h, "p");
	e = pk_end(&h, o);
	json_decref(t);
	json_decref(orgrec);
	return e;
}
