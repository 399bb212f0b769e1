/* page_partnership.c - a partnership and the evaluation of the relation
 * (/partnerships/{id}, its JSON and CSV under /api/v1/partnerships/{id}/),
 * and the bodies side by side (/vergelijking, /api/v1/compare).
 * The numbers come from report/evaluation.c; this file only shows them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/record.h"
#include "report/chart.h"
#include "report/evaluation.h"
#include "web/pages.h"

#define MAX_YEARS 201

static const char *event_label(const char *kind)
{
	const char *l = rr_enum_label(rr_event_kind_values, kind);
	return l ? l : kind ? kind : "";
}

static const char *result_type_label(const char *type)
{
	const char *l = rr_enum_label(rr_result_type_values, type);
	return l ? l : type ? type : "";
}

/* Cents of a sum from the evaluation: null there means it overflowed
 * (report/evaluation.c), shown as too large to add up. */
static long long sum_cents(const json_t *v)
{
	return json_is_null(v) ? RR_CENTS_OVERFLOW : rr_amount_cents(v);
}

static void money_cell(html *h, const json_t *amount)
{
	char m[48] = "";
	if (amount)
		pk_money(m, sizeof m, sum_cents(amount));
	layout_cell(h, m, 1);
}

static void int_cell(html *h, const json_t *v)
{
	char n[32] = "";
	if (json_is_integer(v))
		snprintf(n, sizeof n, "%lld", (long long)json_integer_value(v));
	layout_cell(h, n, 1);
}

static int dormant_after(rr_req *r)
{
	const char *s = rr_req_param(r, "slapend_na");
	int n = s ? atoi(s) : 0;
	return n >= 1 && n <= 50 ? n : 3;
}

/* The evaluation for this request, or an error written to o. */
static json_t *evaluation(rr_req *r, rr_resp *o)
{
	rr_eval_opts opts = {dormant_after(r), 0, {0, 0, 0, RR_PREC_NONE}};
	json_t *ev = NULL;
	rr_err e = rr_evaluate_partnership(r->store, rr_req_cap(r, "id"), r->viewer, &opts, &ev);

	if (e == RR_ENOTFOUND)
		page_error(o, 404, "not_found", "Dit partnerschap bestaat niet of is niet openbaar.");
	else if (e)
		page_error(o, 500, "internal", "Het partnerschap kon niet worden gelezen.");
	return ev;
}

static void facts(html *h, const json_t *p, const json_t *ev, const char *org_name)
{
	const json_t *partner = json_object_get(p, "partner"), *t;
	char since[64] = "", buf[160];
	size_t i;

	pk_dl_begin(h);
	pk_item(h, "Organisatie", org_name);
	pk_item_begin(h, "Partner");
	html_text(h, rr_rec_str(partner, "name"));
	html_raw_trusted(h, " (");
	html_text(h, pk_country_name(rr_rec_str(partner, "country")));
	html_raw_trusted(h, ")");
	pk_item_end(h);
	pk_item(h, "Soort", pk_partnership_label(rr_rec_str(p, "type")));
	if (rr_rec_str(p, "since")) {
		pk_dates(since, sizeof since, rr_rec_str(p, "since"), NULL);
		pk_item(h, "Sinds", since);
	}
	if (json_array_size(json_object_get(p, "themes"))) {
		pk_item_begin(h, "Thema's");
		json_array_foreach(json_object_get(p, "themes"), i, t) {
			if (i)
				html_raw_trusted(h, ", ");
			html_text(h, pk_theme_label(json_string_value(t)));
		}
		pk_item_end(h);
	}
	if (json_is_integer(json_object_get(ev, "last_activity")))
		snprintf(buf, sizeof buf, "%lld%s",
			 (long long)json_integer_value(json_object_get(ev, "last_activity")),
			 json_is_true(json_object_get(ev, "dormant")) ? " — de relatie lijkt slapend" : "");
	else
		snprintf(buf, sizeof buf, "geen delegaties geregistreerd");
	pk_item(h, "Laatste delegatie", buf);
	pk_dl_end(h);
	if (rr_rec_str(p, "description"))
		layout_paragraph(h, rr_rec_str(p, "description"));
}

static void history(html *h, const json_t *p)
{
	const json_t *e;
	size_t i;

	if (!json_array_size(json_object_get(p, "events")))
		return;
	layout_h2(h, "Geschiedenis van de relatie");
	html_open_c(h, "ol", "utrecht-ordered-list rr-timeline");
	json_array_foreach(json_object_get(p, "events"), i, e) {
		char d[64];
		pk_dates(d, sizeof d, rr_rec_str(e, "date"), NULL);
		html_open_c(h, "li", "utrecht-ordered-list__item");
		html_open(h, "strong");
		html_text(h, d);
		html_close(h, "strong");
		html_raw_trusted(h, ": ");
		html_text(h, event_label(rr_rec_str(e, "kind")));
		if (rr_rec_str(e, "type")) {
			html_raw_trusted(h, " (");
			html_text(h, pk_partnership_label(rr_rec_str(e, "type")));
			html_raw_trusted(h, ")");
		}
		if (rr_rec_str(e, "description")) {
			html_raw_trusted(h, " — ");
			html_text(h, rr_rec_str(e, "description"));
		}
		html_close(h, "li");
	}
	html_close(h, "ol");
}

static void figure(html *h, const char *label, const char *value)
{
	html_open_c(h, "div", "rr-figure");
	html_open_c(h, "span", "rr-figure__value");
	html_text(h, value);
	html_close(h, "span");
	html_text(h, label);
	html_close(h, "div");
}

static void key_figures(html *h, const json_t *tot)
{
	char v[64];

	layout_h2(h, "Kerncijfers");
	html_open_c(h, "div", "rr-figures");
	snprintf(v, sizeof v, "%lld", (long long)json_integer_value(json_object_get(tot, "delegations_out")));
	figure(h, "uitgaande delegaties", v);
	snprintf(v, sizeof v, "%lld", (long long)json_integer_value(json_object_get(tot, "delegations_in")));
	figure(h, "ontvangen delegaties", v);
	snprintf(v, sizeof v, "%lld", (long long)json_integer_value(json_object_get(tot, "agreements")));
	figure(h, "overeenkomsten", v);
	pk_money(v, sizeof v, sum_cents(json_object_get(tot, "investment_eur")));
	figure(h, "geïnvesteerd", v);
	snprintf(v, sizeof v, "%lld", (long long)json_integer_value(json_object_get(tot, "jobs")));
	figure(h, "banen", v);
	html_close(h, "div");
}

/* The chart and the same numbers as a table: the table is the data. */
static void delegations(html *h, const json_t *ev)
{
	static const char *const heads[] = {"Jaar", "Uitgaand", "Ontvangen"};
	static const int numeric[] = {0, 1, 1};
	const json_t *per = json_object_get(ev, "per_year"), *row;
	size_t n = json_array_size(per), i;
	char (*lab)[8] = NULL, title[] = "Delegaties per jaar", desc[300];
	const char **labels = NULL;
	long *out = NULL, *in = NULL, tout = 0, tin = 0;

	layout_h2(h, "Delegaties per jaar");
	if (!n || n > MAX_YEARS) {
		layout_paragraph(h, "Er zijn geen delegaties geregistreerd.");
		return;
	}
	lab = calloc(n, sizeof *lab);
	labels = calloc(n, sizeof *labels);
	out = calloc(n, sizeof *out);
	in = calloc(n, sizeof *in);
	if (!lab || !labels || !out || !in)
		goto out;
	json_array_foreach(per, i, row) {
		snprintf(lab[i], sizeof lab[i], "%lld", (long long)json_integer_value(json_object_get(row, "year")));
		labels[i] = lab[i];
		out[i] = (long)json_integer_value(json_object_get(row, "out"));
		in[i] = (long)json_integer_value(json_object_get(row, "in"));
		tout += out[i];
		tin += in[i];
	}
	snprintf(desc, sizeof desc, "Staafdiagram van %s tot en met %s: %ld uitgaande en %ld "
		 "ontvangen delegaties. De tabel eronder bevat dezelfde cijfers.", lab[0],
		 lab[n - 1], tout, tin);
	rr_chart c = {.id = "delegaties", .title = title, .desc = desc, .n = n, .labels = labels,
		      .nseries = 2, .series_names = {"Uitgaand", "Ontvangen"}, .values = {out, in}};
	rr_chart_bars(h, &c);
	layout_table_begin(h, "Delegaties per jaar", heads, numeric, 3);
	for (i = 0; i < n; i++) {
		char a[24], b[24];
		snprintf(a, sizeof a, "%ld", out[i]);
		snprintf(b, sizeof b, "%ld", in[i]);
		layout_row_begin(h);
		layout_cell(h, lab[i], 0);
		layout_cell(h, a, 1);
		layout_cell(h, b, 1);
		layout_row_end(h);
	}
	layout_table_end(h);
out:
	free(lab);
	free(labels);
	free(out);
	free(in);
}

static void gaps(html *h, const json_t *ev)
{
	const json_t *g = json_object_get(ev, "gaps");
	size_t n = json_array_size(g), i = 0;
	rr_buf b;

	layout_h2(h, "Jaren zonder delegatie");
	if (!n) {
		layout_paragraph(h, "In elk jaar was er ten minste één delegatie.");
		return;
	}
	rr_buf_init(&b, 8192);
	while (i < n) { /* runs of years as "1997–2003" */
		long long a = json_integer_value(json_array_get(g, i)), z = a;
		while (i + 1 < n && json_integer_value(json_array_get(g, i + 1)) == z + 1)
			z = json_integer_value(json_array_get(g, ++i));
		i++;
		if (b.len)
			rr_buf_addstr(&b, ", ");
		if (z > a)
			rr_buf_printf(&b, "%lld–%lld", a, z);
		else
			rr_buf_printf(&b, "%lld", a);
	}
	layout_paragraph(h, rr_buf_cstr(&b));
	rr_buf_reset(&b);
	rr_buf_printf(&b, "Signaal slapende relatie: %s (geen delegatie in de laatste %lld jaar).",
		      json_is_true(json_object_get(ev, "dormant")) ? "ja" : "nee",
		      (long long)json_integer_value(json_object_get(ev, "dormant_after_years")));
	layout_paragraph(h, rr_buf_cstr(&b));
	rr_buf_free(&b);
}

static void groups(html *h, const json_t *list, const char *title, const char *key, bool theme)
{
	static const char *const heads[] = {"Soort", "Aantal", "Bedrag", "Banen"};
	static const int numeric[] = {0, 1, 1, 1};
	const json_t *g;
	size_t i;

	if (!json_array_size(list))
		return;
	layout_table_begin(h, title, heads, numeric, 4);
	json_array_foreach(list, i, g) {
		const char *k = rr_rec_str(g, key);
		layout_row_begin(h);
		layout_cell(h, theme ? pk_theme_label(k) : result_type_label(k), 0);
		int_cell(h, json_object_get(g, "count"));
		money_cell(h, json_object_get(g, "amount_eur"));
		int_cell(h, json_object_get(g, "jobs"));
		layout_row_end(h);
	}
	layout_table_end(h);
}

static void results(html *h, const json_t *ev)
{
	static const char *const heads[] = {"Datum", "Resultaat", "Soort", "Thema", "Bedrag", "Banen"};
	static const int numeric[] = {0, 0, 0, 0, 1, 1};
	const json_t *r, *list = json_object_get(ev, "results");
	size_t i;

	layout_h2(h, "Resultaten");
	if (!json_array_size(list)) {
		layout_paragraph(h, "Er zijn geen openbare resultaten geregistreerd.");
		return;
	}
	groups(h, json_object_get(ev, "results_by_theme"), "Resultaten per thema", "theme", true);
	groups(h, json_object_get(ev, "results_by_type"), "Resultaten per soort", "type", false);
	layout_table_begin(h, "Alle resultaten", heads, numeric, 6);
	json_array_foreach(list, i, r) {
		char d[64] = "";
		if (rr_rec_str(r, "date"))
			pk_dates(d, sizeof d, rr_rec_str(r, "date"), NULL);
		layout_row_begin(h);
		layout_cell(h, d, 0);
		html_open_c(h, "td", "utrecht-table__cell");
		html_text(h, rr_rec_str(r, "title"));
		if (rr_rec_str(r, "trip")) {
			html_raw_trusted(h, " (");
			pk_link(h, "/trips/", rr_rec_str(r, "trip"), "reis");
			html_raw_trusted(h, ")");
		}
		html_close(h, "td");
		layout_cell(h, result_type_label(rr_rec_str(r, "type")), 0);
		layout_cell(h, rr_rec_str(r, "theme") ? pk_theme_label(rr_rec_str(r, "theme")) : "", 0);
		money_cell(h, json_object_get(r, "amount_eur"));
		int_cell(h, json_object_get(r, "jobs"));
		layout_row_end(h);
	}
	layout_table_end(h);
}

static void follow_ups(html *h, const json_t *ev)
{
	const json_t *f, *list = json_object_get(ev, "follow_ups_overdue");
	size_t i;

	if (!json_array_size(list))
		return;
	layout_h2(h, "Vervolgacties over hun termijn");
	html_open_c(h, "ul", "utrecht-unordered-list");
	json_array_foreach(list, i, f) {
		char d[64];
		pk_dates(d, sizeof d, rr_rec_str(f, "due"), NULL);
		html_open_c(h, "li", "utrecht-unordered-list__item");
		html_text(h, rr_rec_str(f, "action"));
		html_textf(h, " (bij %s; %lld dagen over de termijn van %s; resultaat: ",
			   rr_rec_str(f, "owner") ? rr_rec_str(f, "owner") : "onbekend",
			   (long long)json_integer_value(json_object_get(f, "days_overdue")), d);
		html_text(h, rr_rec_str(f, "result_title"));
		html_raw_trusted(h, ")");
		html_close(h, "li");
	}
	html_close(h, "ul");
}

static void costs(html *h, const json_t *ev)
{
	static const char *const heads[] = {"Jaar", "Raming", "Werkelijk", "Budget", "Fte"};
	static const int numeric[] = {0, 1, 1, 1, 1};
	const json_t *c, *list = json_object_get(ev, "costs_per_year");
	size_t i;

	layout_h2(h, "Kosten per jaar");
	if (!json_array_size(list)) {
		layout_paragraph(h, "Er zijn geen kosten of budgetten geregistreerd.");
		return;
	}
	layout_table_begin(h, "Kosten van de delegaties tegenover het budget", heads, numeric, 5);
	json_array_foreach(list, i, c) {
		char y[16], fte[32] = "";
		snprintf(y, sizeof y, "%lld", (long long)json_integer_value(json_object_get(c, "year")));
		if (json_object_get(c, "fte"))
			snprintf(fte, sizeof fte, "%.2f", json_number_value(json_object_get(c, "fte")));
		layout_row_begin(h);
		layout_cell(h, y, 0);
		money_cell(h, json_object_get(c, "estimate_eur"));
		money_cell(h, json_object_get(c, "actual_eur"));
		money_cell(h, json_object_get(c, "budget_eur"));
		layout_cell(h, fte, 1);
		layout_row_end(h);
	}
	layout_table_end(h);
}

static void rights(html *h, const json_t *ev)
{
	const json_t *it, *list = json_object_get(ev, "rights_and_security");
	size_t i;

	layout_h2(h, "Mensenrechten en veiligheid");
	if (!json_array_size(list)) {
		layout_paragraph(h, "Bij de reizen van deze relatie zijn geen onderwerpen op dit "
				    "gebied vastgelegd.");
		return;
	}
	html_open_c(h, "ul", "utrecht-unordered-list");
	json_array_foreach(list, i, it) {
		html_open_c(h, "li", "utrecht-unordered-list__item");
		html_text(h, rr_rec_str(it, "description"));
		html_raw_trusted(h, " — ");
		pk_link(h, "/trips/", rr_rec_str(it, "trip"), rr_rec_str(it, "trip_title"));
		html_close(h, "li");
	}
	html_close(h, "ul");
}

static void trips(html *h, const json_t *ev)
{
	const json_t *t, *list = json_object_get(ev, "trips");
	size_t i;

	layout_h2(h, "Reizen en ontvangen delegaties");
	if (!json_array_size(list)) {
		layout_paragraph(h, "Er zijn geen openbare reizen aan dit partnerschap gekoppeld.");
		return;
	}
	html_open_c(h, "ul", "utrecht-unordered-list");
	json_array_foreach(list, i, t) {
		char d[64];
		pk_dates(d, sizeof d, rr_rec_str(t, "start"), rr_rec_str(t, "end"));
		html_open_c(h, "li", "utrecht-unordered-list__item");
		html_text(h, d);
		html_raw_trusted(h, ": ");
		pk_link(h, "/trips/", rr_rec_str(t, "id"), rr_rec_str(t, "title"));
		html_raw_trusted(h, " (");
		html_text(h, pk_direction_label(rr_rec_str(t, "direction")));
		html_raw_trusted(h, ")");
		html_close(h, "li");
	}
	html_close(h, "ul");
}

static void downloads(html *h, const char *id)
{
	layout_h2(h, "Deze evaluatie als data");
	html_open_c(h, "ul", "utrecht-unordered-list rr-no-print");
	html_open_c(h, "li", "utrecht-unordered-list__item");
	pk_link_path(h, "/api/v1/partnerships/", id, "/evaluation", "JSON");
	html_close(h, "li");
	html_open_c(h, "li", "utrecht-unordered-list__item");
	pk_link_path(h, "/api/v1/partnerships/", id, "/evaluation.csv", "CSV (voor een spreadsheet)");
	html_close(h, "li");
	html_close(h, "ul");
	layout_paragraph(h, "Deze pagina is geschikt om af te drukken: menu en knoppen worden "
			    "dan weggelaten.");
}

rr_err page_partnership(rr_req *r, rr_resp *o)
{
	json_t *ev = evaluation(r, o), *p, *org = NULL;
	const char *code, *org_name, *partner;
	char title[300], orghref[140];
	html h;
	rr_err e;

	if (!ev)
		return RR_OK; /* error page written */
	p = json_object_get(ev, "partnership");
	code = rr_rec_str(p, "organisation");
	if (rr_store_get(r->store, RR_K_ORGANISATION, code, r->viewer, &org) == RR_OK)
		org_name = rr_rec_str(org, "name");
	else
		org_name = code;
	partner = rr_rec_str(json_object_get(p, "partner"), "name");
	snprintf(title, sizeof title, "%s en %s", org_name, partner);
	snprintf(orghref, sizeof orghref, "/o/%s", code); /* code is a checked id */
	layout_crumb crumbs[] = {{"Home", "/"}, {org_name, orghref}, {title, NULL}};
	pk_begin(&h, o, title, crumbs, 3, NULL);
	layout_h1(&h, title);
	facts(&h, p, ev, org_name);
	history(&h, p);
	key_figures(&h, json_object_get(ev, "totals"));
	delegations(&h, ev);
	gaps(&h, ev);
	results(&h, ev);
	follow_ups(&h, ev);
	costs(&h, ev);
	rights(&h, ev);
	trips(&h, ev);
	downloads(&h, rr_rec_str(p, "id"));
	e = pk_end(&h, o);
	json_decref(org);
	json_decref(ev);
	return e;
}

rr_err api_partnership_evaluation(rr_req *r, rr_resp *o)
{
	json_t *ev = evaluation(r, o);
	rr_err e;
	if (!ev)
		return RR_OK;
	e = pk_json(o, ev);
	json_decref(ev);
	return e;
}

rr_err api_partnership_evaluation_csv(rr_req *r, rr_resp *o)
{
	json_t *ev = evaluation(r, o);
	rr_err e;
	if (!ev)
		return RR_OK;
	o->ctype = RR_CT_CSV;
	e = rr_evaluation_csv(&o->body, ev);
	json_decref(ev);
	return e;
}

rr_err api_compare(rr_req *r, rr_resp *o)
{
	json_t *rows = NULL;
	rr_err e = rr_compare_bodies(r->store, r->viewer, &rows);
	if (e) {
		page_error(o, 500, "internal", "De vergelijking kon niet worden gemaakt.");
		return RR_OK;
	}
	json_t *doc = json_pack("{s:o}", "bodies", rows);
	e = pk_json(o, doc);
	json_decref(doc);
	return e;
}

rr_err page_compare(rr_req *r, rr_resp *o)
{
	static const char *const heads[] = {"Organisatie", "Reizen", "Uitgaand", "Ontvangen",
		"Betaald door derden", "Kosten (raming)", "Kosten (werkelijk)", "Partnerschappen",
		"Resultaten", "Budget", "Fte"};
	static const int numeric[] = {0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
	json_t *rows = NULL, *row;
	size_t i;
	html h;
	rr_err e;
	layout_crumb crumbs[] = {{"Home", "/"}, {"Vergelijking", NULL}};

	if ((e = rr_compare_bodies(r->store, r->viewer, &rows))) {
		page_error(o, 500, "internal", "De vergelijking kon niet worden gemaakt.");
		return RR_OK;
	}
	pk_begin(&h, o, "Organisaties vergeleken", crumbs, 2, NULL);
	layout_h1(&h, "Organisaties vergeleken");
	layout_paragraph(&h, "De internationale activiteiten van de organisaties in dit register "
			     "naast elkaar: reizen, kosten, partnerschappen en het budget en de "
			     "formatie voor internationale betrekkingen (meest recente jaar).");
	layout_table_begin(&h, "Organisaties in het register", heads, numeric, 11);
	json_array_foreach(rows, i, row) {
		char fte[32] = "", by[64] = "";
		layout_row_begin(&h);
		html_open_c(&h, "th", "utrecht-table__header-cell");
		html_attr(&h, "scope", "row");
		pk_link(&h, "/o/", rr_rec_str(row, "organisation"), rr_rec_str(row, "name"));
		html_close(&h, "th");
		int_cell(&h, json_object_get(row, "trips"));
		int_cell(&h, json_object_get(row, "trips_out"));
		int_cell(&h, json_object_get(row, "trips_in"));
		int_cell(&h, json_object_get(row, "third_party_paid"));
		money_cell(&h, json_object_get(row, "costs_estimate_eur"));
		money_cell(&h, json_object_get(row, "costs_actual_eur"));
		int_cell(&h, json_object_get(row, "partnerships"));
		int_cell(&h, json_object_get(row, "results"));
		if (json_object_get(row, "budget_eur")) {
			pk_money(by, sizeof by, rr_amount_cents(json_object_get(row, "budget_eur")));
			snprintf(by + strlen(by), sizeof by - strlen(by), " (%lld)",
				 (long long)json_integer_value(json_object_get(row, "budget_year")));
		}
		layout_cell(&h, by, 1);
		if (json_object_get(row, "fte"))
			snprintf(fte, sizeof fte, "%.2f", json_number_value(json_object_get(row, "fte")));
		layout_cell(&h, fte, 1);
		layout_row_end(&h);
	}
	layout_table_end(&h);
	html_open_c(&h, "p", "utrecht-paragraph");
	layout_link(&h, "/api/v1/compare", "Deze vergelijking als JSON");
	html_close(&h, "p");
	e = pk_end(&h, o);
	json_decref(rows);
	return e;
}
