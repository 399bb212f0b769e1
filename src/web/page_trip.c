/* page_trip.c - one trip in full (/reizen/{id}): the facts with their
 * evidence, request and report side by side with the differences
 * quantified, programme, delegation, costs, coordination and decision,
 * report, results, gifts, sources. Planned values come only from the
 * request; unknown figures read "onbekend". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/lifecycle.h"
#include "model/record.h"
#include "model/totals.h"
#include "web/co2view.h"
#include "web/evidence.h"
#include "web/pages.h"

#define NO_REQUEST "geen aanvraag vastgelegd"

static void row_head(html *h, const char *what)
{
	layout_row_begin(h);
	html_open_c(h, "th", "utrecht-table__header-cell");
	html_attr(h, "scope", "row");
	html_text(h, what);
	html_close(h, "th");
}

/* A cell with text and, when a span supports field, its evidence link. */
static void cell_ev(html *h, const json_t *t, const char *text, const char *field,
		    const char *what)
{
	html_open_c(h, "td", "utrecht-table__cell");
	html_text(h, text);
	if (field)
		ev_link(h, RR_K_TRIP, t, field, what);
	html_close(h, "td");
}

static void travellers_cell(html *h, const json_t *t, const json_t *list, const char *none,
			    const char *field)
{
	html_open_c(h, "td", "utrecht-table__cell");
	if (json_array_size(list)) {
		pk_travellers(h, list);
		ev_link(h, RR_K_TRIP, t, field, "de reizigers");
	} else {
		html_text(h, none);
	}
	html_close(h, "td");
}

/* "2 dagen later", "1 dag eerder" */
static void shift(rr_buf *b, long days, const char *what)
{
	if (!days)
		return;
	if (b->len)
		rr_buf_addstr(b, ", ");
	rr_buf_printf(b, "%s %ld %s %s", what, days > 0 ? days : -days, (days == 1 || days == -1) ?
		      "dag" : "dagen", days > 0 ? "later" : "eerder");
}

static const json_t *diff_of(const json_t *diffs, const char *field)
{
	const json_t *d;
	size_t i;
	json_array_foreach(diffs, i, d)
		if (!strcmp(rr_rec_str(d, "field"), field))
			return d;
	return NULL;
}

/* The difference cell of the dates row. */
static void date_diff(html *h, const json_t *diffs)
{
	const json_t *s = diff_of(diffs, "start"), *e = diff_of(diffs, "end");
	rr_buf b;

	rr_buf_init(&b, 256);
	if (s && json_object_get(s, "days"))
		shift(&b, (long)json_integer_value(json_object_get(s, "days")), "vertrek");
	if (e && json_object_get(e, "days"))
		shift(&b, (long)json_integer_value(json_object_get(e, "days")), "terugkeer");
	if (!b.len && (s || e))
		rr_buf_addstr(&b, "andere data");
	layout_cell(h, b.len ? rr_buf_cstr(&b) : "", 0);
	rr_buf_free(&b);
}

static void officials_diff(html *h, const json_t *diffs)
{
	const json_t *d = diff_of(diffs, "accompanying_officials");
	char s[64] = "";
	long long n = d ? json_integer_value(json_object_get(d, "delta")) : 0;

	if (n)
		snprintf(s, sizeof s, "%s%lld %s", n > 0 ? "+" : "\xe2\x88\x92", n > 0 ? n : -n,
			 n == 1 || n == -1 ? "ambtenaar" : "ambtenaren");
	layout_cell(h, s, 0);
}

static void travellers_diff(html *h, const json_t *diffs)
{
	const json_t *d = diff_of(diffs, "travellers"), *x;
	size_t i;

	html_open_c(h, "td", "utrecht-table__cell");
	if (d) {
		json_array_foreach(json_object_get(d, "added"), i, x) {
			html_text(h, i ? ", " : "mee: ");
			html_text(h, json_string_value(x));
		}
		if (json_array_size(json_object_get(d, "added")) &&
		    json_array_size(json_object_get(d, "removed")))
			html_raw_trusted(h, "; ");
		json_array_foreach(json_object_get(d, "removed"), i, x) {
			html_text(h, i ? ", " : "niet mee: ");
			html_text(h, json_string_value(x));
		}
	}
	html_close(h, "td");
}

static void costs_diff(html *h, const json_t *diffs)
{
	const json_t *d = diff_of(diffs, "costs_eur");
	char m[64] = "", s[128] = "";

	if (d) {
		double delta = json_number_value(json_object_get(d, "delta_eur"));
		long long cents = (long long)(delta * 100.0 + (delta < 0 ? -0.5 : 0.5));
		pk_money(m, sizeof m, cents < 0 ? -cents : cents);
		if (json_object_get(d, "percent")) {
			char p[32];
			double pc = json_number_value(json_object_get(d, "percent"));
			pk_decimal(p, sizeof p, pc < 0 ? -pc : pc);
			snprintf(s, sizeof s, "%s%s (%s%s%%)", cents < 0 ? "\xe2\x88\x92" : "+", m,
				 cents < 0 ? "\xe2\x88\x92" : "+", p);
		} else {
			snprintf(s, sizeof s, "%s%s", cents < 0 ? "\xe2\x88\x92" : "+", m);
		}
	}
	layout_cell(h, s, 0);
}

/* Request (planned) and report (actual) next to each other. Planned
 * values only from the request; actual ones only once it took place. */
static void compare(html *h, const json_t *t)
{
	static const char *const heads[] = {"", "Aanvraag (gepland)", "Verslag (werkelijk)", "Verschil"};
	const char *ps = rr_rec_str(t, "planned_start"), *pe = rr_rec_str(t, "planned_end");
	const char *st = rr_rec_str(t, "status");
	int took = rr_trip_took_place(t);
	const char *not_yet = st && (!strcmp(st, "cancelled") || !strcmp(st, "rejected")) ?
		"niet uitgevoerd" : "nog niet uitgevoerd";
	char pd[96] = "", ad[96] = "", n[24];
	long long v;
	json_t *diffs = rr_trip_differences(t);

	layout_h2(h, "Aanvraag en verslag naast elkaar");
	layout_table_begin(h, "Gepland en werkelijk", heads, NULL, 4);
	/* dates */
	row_head(h, "Data");
	if (ps)
		pk_dates(pd, sizeof pd, ps, pe);
	cell_ev(h, t, ps ? pd : NO_REQUEST, ps ? "planned_start" : NULL, "de geplande data");
	if (took)
		pk_dates(ad, sizeof ad, rr_rec_str(t, "start"), rr_rec_str(t, "end"));
	cell_ev(h, t, took ? (*ad ? ad : "onbekend") : not_yet, took ? "start" : NULL,
		"de data van de reis");
	date_diff(h, diffs);
	layout_row_end(h);
	/* travellers */
	row_head(h, "Reizigers");
	travellers_cell(h, t, json_object_get(t, "planned_travellers"), NO_REQUEST,
			"planned_travellers");
	travellers_cell(h, t, took ? json_object_get(t, "travellers") : NULL,
			took ? "onbekend" : not_yet, "travellers");
	travellers_diff(h, diffs);
	layout_row_end(h);
	/* officials */
	row_head(h, "Ambtelijke ondersteuning");
	v = rr_rec_count(t, "planned_accompanying_officials", -1);
	snprintf(n, sizeof n, "%lld", v);
	cell_ev(h, t, v >= 0 ? n : NO_REQUEST, "planned_accompanying_officials",
		"het geplande aantal ambtenaren");
	v = rr_rec_count(t, "accompanying_officials", -1);
	snprintf(n, sizeof n, "%lld", v);
	cell_ev(h, t, v >= 0 ? n : took ? "onbekend" : not_yet, "accompanying_officials",
		"het aantal ambtenaren");
	officials_diff(h, diffs);
	layout_row_end(h);
	/* costs */
	row_head(h, "Kosten");
	v = rr_trip_cost(t, "estimate");
	pk_money(pd, sizeof pd, v);
	cell_ev(h, t, v >= 0 ? pd : NO_REQUEST, v >= 0 ? "costs" : NULL, "de geraamde kosten");
	v = rr_trip_cost(t, "actual");
	pk_money(ad, sizeof ad, v);
	cell_ev(h, t, v >= 0 ? ad : took ? "onbekend" : not_yet, NULL, NULL);
	costs_diff(h, diffs);
	layout_row_end(h);
	layout_table_end(h);
	json_decref(diffs);
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
	if (ev_find(t, "programme", 0)) {
		html_open_c(h, "p", "utrecht-paragraph");
		html_raw_trusted(h, "Het programma in de bron:");
		ev_link(h, RR_K_TRIP, t, "programme", "het programma");
		html_close(h, "p");
	}
}

static const char *payer(rr_req *r, const json_t *t, const char *by, char *buf, size_t n)
{
	if (!by)
		return "niet vermeld";
	if (!strcmp(by, rr_rec_str(t, "organisation")))
		return pk_org_name(r, by, buf, n) ? buf : by;
	return pk_payer(r, by, buf, n);
}

static void cost_table(rr_req *r, html *h, const json_t *t)
{
	static const char *const heads[] = {"Post", "Soort", "Bedrag", "Betaald door"};
	static const int numeric[] = {0, 0, 1, 0};
	const json_t *list = json_object_get(t, "costs"), *c;
	size_t i, nspans = 0;

	if (!json_array_size(list))
		return;
	while (ev_find(t, "costs", nspans))
		nspans++;
	layout_h2(h, "Kosten");
	layout_table_begin(h, "Kosten per post", heads, numeric, 4);
	json_array_foreach(list, i, c) {
		const char *kind = rr_rec_str(c, "kind"), *by = rr_rec_str(c, "paid_by");
		char m[48], name[300];

		pk_money_json(m, sizeof m, json_object_get(c, "amount_eur"));
		layout_row_begin(h);
		layout_cell(h, rr_rec_str(c, "category"), 0);
		layout_cell(h, rr_enum_label(rr_cost_kind_values, kind) ?
			    rr_enum_label(rr_cost_kind_values, kind) : "niet vermeld", 0);
		html_open_c(h, "td", "utrecht-table__cell utrecht-table__cell--numeric-column");
		html_text(h, m);
		/* one span per line when the source gives them line by line */
		ev_link_n(h, RR_K_TRIP, t, "costs", nspans == json_array_size(list) ? i : 0,
			  rr_rec_str(c, "category"));
		html_close(h, "td");
		layout_cell(h, payer(r, t, by, name, sizeof name), 0);
		layout_row_end(h);
	}
	layout_table_end(h);
}

/* The costs in one line at the top: each kind's total, or "onbekend",
 * and who else pays for what. */
static void cost_summary(rr_req *r, html *h, const json_t *t)
{
	const json_t *c;
	long long est = rr_trip_cost(t, "estimate"), act = rr_trip_cost(t, "actual");
	const char *org = rr_rec_str(t, "organisation");
	size_t i;
	char m[48], name[300];

	if (!json_array_size(json_object_get(t, "costs")))
		return;
	pk_item_begin(h, "Kosten");
	pk_money(m, sizeof m, est);
	html_text(h, "geraamd ");
	html_text(h, est >= 0 ? m : "onbekend");
	html_raw_trusted(h, ", werkelijk ");
	pk_money(m, sizeof m, act);
	html_text(h, act >= 0 ? m : "onbekend");
	ev_link(h, RR_K_TRIP, t, "costs", "de kosten");
	json_array_foreach(json_object_get(t, "costs"), i, c) {
		const char *by = rr_rec_str(c, "paid_by");
		if (!by || (org && !strcmp(by, org)))
			continue;
		pk_money_json(m, sizeof m, json_object_get(c, "amount_eur"));
		html_raw_trusted(h, "; ");
		html_text(h, rr_rec_str(c, "category"));
		html_raw_trusted(h, " betaald door ");
		html_text(h, pk_payer(r, by, name, sizeof name));
		html_raw_trusted(h, " (");
		html_text(h, json_object_get(c, "amount_eur") ? m : "bedrag onbekend");
		html_raw_trusted(h, ")");
	}
	pk_item_end(h);
}

/* Coordination and the college's decision. A decision's number, text and
 * document are shown when the record holds them. */
static void decision(rr_req *r, html *h, const json_t *t)
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
		if (rr_rec_str(c, "note")) {
			html_raw_trusted(h, " op ");
			html_text(h, rr_rec_str(c, "note"));
		} else if (*d) {
			html_raw_trusted(h, " op ");
			html_text(h, d);
		}
		ev_link_n(h, RR_K_TRIP, t, "coordination", i, "de afstemming");
		pk_item_end(h);
	}
	if (dec) {
		const char *out = rr_enum_label(rr_outcome_values, rr_rec_str(dec, "outcome"));
		pk_item_begin(h, "Besluit");
		html_text(h, out ? out : "niet vermeld");
		ev_link(h, RR_K_TRIP, t, "decision.outcome", "het besluit");
		pk_item_end(h);
		pk_dates(d, sizeof d, rr_rec_str(dec, "date"), NULL);
		if (*d) {
			pk_item_begin(h, "Datum besluit");
			html_text(h, d);
			ev_link(h, RR_K_TRIP, t, "decision.date", "de datum van het besluit");
			pk_item_end(h);
		}
		pk_item(h, "Besluitnummer", rr_rec_str(dec, "number"));
		pk_item(h, "Besloten door", rr_rec_str(dec, "body"));
		pk_item(h, "Voorwaarden", rr_rec_str(dec, "conditions"));
		if (rr_rec_str(dec, "url")) {
			pk_item_begin(h, "Besluitdocument");
			layout_link(h, rr_rec_str(dec, "url"), "Het besluit");
			pk_item_end(h);
		}
		pk_item(h, "Toelichting", rr_rec_str(dec, "note"));
		if (rr_rec_str(dec, "text")) {
			pk_item_begin(h, "Tekst van het besluit");
			pk_markdown(h, rr_rec_str(dec, "text"));
			pk_item_end(h);
		}
		if (rr_rec_str(dec, "document")) {
			json_t *doc = NULL;
			if (rr_store_get(r->store, RR_K_DOCUMENT, rr_rec_str(dec, "document"),
					 r->viewer, &doc) == RR_OK) {
				pk_item_begin(h, "Besluitdocument");
				pk_link(h, "/documenten/", rr_rec_str(doc, "id"), rr_rec_str(doc, "title"));
				pk_item_end(h);
			}
			json_decref(doc);
		}
	}
	pk_dl_end(h);
}

/* "Verslag": where the trip stands with it (lifecycle.h's definition),
 * then the text. */
static void report(rr_req *r, html *h, const json_t *t, const rr_report_status *rs)
{
	const json_t *rep = json_object_get(t, "report");
	const char *text = rr_rec_str(rep, "text");
	char d[64], iso[RR_DATE_ISO_MAX];

	html_open_c(h, "h2", "utrecht-heading-2");
	html_attr(h, "id", "verslag");
	html_raw_trusted(h, "Verslag");
	html_close(h, "h2");
	pk_dl_begin(h);
	if (rs->due.prec) {
		rr_date_iso(&rs->due, iso);
		pk_dates(d, sizeof d, iso, NULL);
		pk_item(h, "Uiterlijk in te dienen", d);
	}
	if (rep && rr_rec_str(rep, "submitted")) {
		pk_dates(d, sizeof d, rr_rec_str(rep, "submitted"), NULL);
		pk_item_begin(h, "Ingediend");
		html_text(h, d);
		if (rs->days_late > 0)
			html_textf(h, " (%ld %s na de termijn)", rs->days_late,
				   rs->days_late == 1 ? "dag" : "dagen");
		ev_link(h, RR_K_TRIP, t, "report.submitted", "de datum van het verslag");
		pk_item_end(h);
	}
	if (rep && rr_rec_str(rep, "document")) {
		json_t *doc = NULL;
		if (rr_store_get(r->store, RR_K_DOCUMENT, rr_rec_str(rep, "document"), r->viewer,
				 &doc) == RR_OK) {
			pk_item_begin(h, "Verslag in");
			pk_link(h, "/documenten/", rr_rec_str(doc, "id"), rr_rec_str(doc, "title"));
			pk_item_end(h);
		}
		json_decref(doc);
	}
	pk_dl_end(h);
	if (!rep && rs->state != RR_REPORT_FILED)
		layout_paragraph(h, "Er is (nog) geen verslag.");
	if (text) {
		pk_markdown(h, text);
		if (ev_find(t, "report", 0)) {
			html_open_c(h, "p", "utrecht-paragraph");
			html_raw_trusted(h, "Het verslag in de bron:");
			ev_link(h, RR_K_TRIP, t, "report", "het verslag");
			html_close(h, "p");
		}
	}
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
			pk_link(h, "/resultaten/", rr_rec_str(x, "id"), rr_rec_str(x, "title"));
			if (json_object_get(x, "amount_eur")) {
				pk_money_short(m, sizeof m, rr_amount_cents(json_object_get(x, "amount_eur")));
				html_raw_trusted(h, " (");
				html_text(h, m);
				html_raw_trusted(h, ")");
			}
		} else {
			html_text(h, rr_rec_str(x, "description"));
			html_raw_trusted(h, ", van ");
			html_text(h, rr_rec_str(x, "giver") ? rr_rec_str(x, "giver")
							     : "een gever die niet is vermeld");
			html_raw_trusted(h, " aan ");
			html_text(h, rr_rec_str(x, "recipient") ? rr_rec_str(x, "recipient")
								 : "een ontvanger die niet is vermeld");
			pk_money_json(m, sizeof m, json_object_get(x, "value_eur"));
			html_raw_trusted(h, ", geschatte waarde ");
			html_text(h, m);
		}
		html_close(h, "li");
	}
	if (any)
		html_close(h, "ul");
	json_decref(list);
}

/* Where the trip stands with its report, in one line. */
static void report_line(html *h, const json_t *t, const rr_report_status *rs)
{
	char iso[RR_DATE_ISO_MAX], d[64], n[32];

	d[0] = '\0';
	if (rs->due.prec) {
		rr_date_iso(&rs->due, iso);
		pk_dates(d, sizeof d, iso, NULL);
	}
	switch (rs->state) {
	case RR_REPORT_LATE:
		pk_item_begin(h, "Verslag");
		pk_int(n, sizeof n, rs->days_late);
		html_textf(h, "te laat: uiterlijk %s, nu %s %s over de termijn", d, n,
			   rs->days_late == 1 ? "dag" : "dagen");
		pk_item_end(h);
		break;
	case RR_REPORT_PENDING:
		pk_item_begin(h, "Verslag");
		html_textf(h, "uiterlijk %s", *d ? d : "onbekend");
		pk_item_end(h);
		break;
	case RR_REPORT_FILED:
		pk_item_begin(h, "Verslag");
		html_text(h, "uitgebracht");
		if (rs->filed.prec) {
			char f[64];
			rr_date_iso(&rs->filed, iso);
			pk_dates(f, sizeof f, iso, NULL);
			html_textf(h, " op %s", f);
		}
		html_raw_trusted(h, " (");
		html_open_c(h, "a", "utrecht-link");
		html_attr(h, "href", "#verslag");
		html_raw_trusted(h, "naar het verslag");
		html_close(h, "a");
		html_raw_trusted(h, ")");
		pk_item_end(h);
		break;
	case RR_REPORT_NOT_RECORDED:
		pk_item(h, "Uitvoering", "niet vastgelegd: de reisdata zijn voorbij, maar niet "
			"vastgelegd is of de reis heeft plaatsgevonden");
		break;
	default:
		if (rs->due.prec && rr_rec_str(t, "status") &&
		    strcmp(rr_rec_str(t, "status"), "cancelled") &&
		    strcmp(rr_rec_str(t, "status"), "rejected"))
			pk_item(h, "Verslag uiterlijk", d);
		break;
	}
}

rr_err page_trip(rr_req *r, rr_resp *o)
{
	json_t *t = NULL, *orgrec = NULL;
	const json_t *x;
	char orgurl[160], when[96];
	size_t i;
	rr_report_status rs;
	rr_co2 co2;
	rr_co2_setup co2setup;
	rr_date today = rr_today();
	html h;
	rr_err e;

	/* public: the viewer decides what is shown */
	if ((e = rr_store_get(r->store, RR_K_TRIP, rr_req_cap(r, "id"), r->viewer, &t)))
		return e;
	const char *org = rr_rec_str(t, "organisation"), *title = rr_rec_str(t, "title");
	const char *orgname = org, *dir = rr_rec_str(t, "direction");
	if (rr_store_get(r->store, RR_K_ORGANISATION, org, r->viewer, &orgrec) == RR_OK)
		orgname = rr_rec_str(orgrec, "name");
	rs = rr_trip_report_status(t, (int)rr_rec_count(orgrec, "report_period_days",
							 RR_REPORT_PERIOD_DAYS), &today);
	snprintf(orgurl, sizeof orgurl, "/o/%s", org);
	layout_crumb crumbs[] = {{"Home", "/"}, {orgname, orgurl}, {title, NULL}};
	pk_begin(&h, o, title, crumbs, 3, NULL);
	layout_h1(&h, title);
	pk_dl_begin(&h);
	pk_item_begin(&h, "Orgaan");
	layout_link(&h, orgurl, orgname);
	pk_item_end(&h);
	pk_item(&h, "Soort", pk_kind_label(rr_rec_str(t, "kind")));
	pk_item(&h, "Richting", pk_direction_label(dir));
	pk_item(&h, "Status", pk_status_label(rr_rec_str(t, "status")));
	pk_dates(when, sizeof when, rr_rec_str(t, "start"), rr_rec_str(t, "end"));
	if (*when) {
		pk_item_begin(&h, rr_trip_took_place(t) ? "Wanneer" : "Wanneer (gepland)");
		html_text(&h, when);
		if (!ev_link(&h, RR_K_TRIP, t, "start", "de data"))
			ev_link(&h, RR_K_TRIP, t, "planned_start", "de data");
		pk_item_end(&h);
	}
	report_line(&h, t, &rs);
	cost_summary(r, &h, t);
	if (json_array_size(json_object_get(t, "destinations"))) {
		pk_item_begin(&h, "Waarheen");
		pk_destinations(&h, t, true);
		ev_link(&h, RR_K_TRIP, t, "destinations", "de bestemming");
		pk_item_end(&h);
	}
	rr_co2_setup_of(orgrec, &co2setup);
	if (rr_co2_trip(t, &co2setup, &co2)) {
		pk_item_begin(&h, "CO₂");
		if (!rr_trip_counts(t)) /* cancelled, rejected or a draft: no emission */
			html_text(&h, "geen, de reis is niet gemaakt; de schatting voor de "
				  "geplande reis was ");
		co2_line(&h, &co2);
		html_raw_trusted(&h, " (");
		html_open_c(&h, "a", "utrecht-link");
		html_attr(&h, "href", "#co2");
		html_raw_trusted(&h, "berekening en uitgangspunten");
		html_close(&h, "a");
		html_raw_trusted(&h, ")");
		pk_item_end(&h);
	}
	pk_item(&h, dir && !strcmp(dir, "in") ? "Bezoekende partij" : "Ontvangende partij",
		rr_rec_str(t, "counterpart"));
	if (json_array_size(json_object_get(t, "themes"))) {
		pk_item_begin(&h, "Thema's");
		json_array_foreach(json_object_get(t, "themes"), i, x) {
			if (i)
				html_raw_trusted(&h, ", ");
			html_text(&h, pk_theme_label(json_string_value(x)));
		}
		pk_item_end(&h);
	}
	if (json_object_get(t, "cancellation")) {
		const json_t *c = json_object_get(t, "cancellation");
		pk_item_begin(&h, "Afgelast");
		html_text(&h, rr_rec_str(c, "reason"));
		if (rr_rec_str(c, "date")) {
			char d[64];
			pk_dates(d, sizeof d, rr_rec_str(c, "date"), NULL);
			html_textf(&h, " (%s)", d);
		}
		ev_link(&h, RR_K_TRIP, t, "cancellation", "de afgelasting");
		pk_item_end(&h);
	}
	pk_dl_end(&h);

	html_open_c(&h, "h2", "utrecht-heading-2");
	html_attr(&h, "id", "aanvraag");
	html_raw_trusted(&h, "Aanvraag: doel en motivatie");
	html_close(&h, "h2");
	if (!rr_rec_str(t, "purpose") && !rr_rec_str(t, "motivation"))
		layout_paragraph(&h, "Het doel en de motivatie zijn niet vastgelegd.");
	pk_markdown(&h, rr_rec_str(t, "purpose"));
	pk_markdown(&h, rr_rec_str(t, "motivation"));
	compare(&h, t);
	programme(&h, t);
	if (json_array_size(json_object_get(t, "travellers"))) {
		layout_h2(&h, "Delegatie");
		html_open_c(&h, "p", "utrecht-paragraph");
		pk_travellers(&h, json_object_get(t, "travellers"));
		ev_link(&h, RR_K_TRIP, t, "travellers", "de delegatie");
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
	if (co2.nlegs)
		co2_section(&h, &co2);
	decision(r, &h, t);
	report(r, &h, t, &rs);
	linked(&h, r, RR_K_RESULT, t, "Resultaten");
	linked(&h, r, RR_K_GIFT, t, "Geschenken");
	pk_sources(r, &h, t);
	html_open_c(&h, "p", "utrecht-paragraph");
	pk_link(&h, "/api/v1/trips/", rr_rec_str(t, "id"), "Deze reis als JSON");
	html_close(&h, "p");
	e = pk_end(&h, o);
	json_decref(t);
	json_decref(orgrec);
	return e;
}
