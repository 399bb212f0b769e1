/* page_partnership.c - a partnership and the evaluation of the relation
 * (/partnerschappen/{id}, its JSON and CSV under /api/v1/partnerships/{id}/),
 * and the bodies side by side (/vergelijking, /api/v1/compare), by year or
 * period. The numbers come from report/evaluation.c and model/totals.c;
 * this file only shows them. Unknown figures read "onbekend", sums say how
 * many records state them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/record.h"
#include "report/chart.h"
#include "model/lifecycle.h"
#include "report/evaluation.h"
#include "model/totals.h"
#include "web/co2view.h"
#include "web/mapview.h"
#include "web/evidence.h"
#include "web/pages.h"
#include "web/routes.h"

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

/* An amount, "onbekend" when null or absent, and how many state it. */
static void money_cell_known(html *h, const json_t *amount, long long known, long long of)
{
	char m[48];
	pk_money_json(m, sizeof m, amount);
	html_open_c(h, "td", "utrecht-table__cell utrecht-table__cell--numeric-column");
	html_text(h, m);
	pk_known(h, known, of);
	html_close(h, "td");
}

static void money_cell(html *h, const json_t *amount)
{
	money_cell_known(h, amount, 0, 0);
}

/* A count; "onbekend" when null or absent. */
static void int_cell(html *h, const json_t *v)
{
	char n[32] = "onbekend";
	if (json_is_integer(v))
		pk_int(n, sizeof n, json_integer_value(v));
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
	snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(json_object_get(
		json_object_get(ev, "totals"), "reports_late")));
	pk_item(h, "Verslagen te laat", buf);
	pk_dl_end(h);
	pk_markdown(h, rr_rec_str(p, "description"));
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
		if (rr_rec_str(e, "document")) {
			html_raw_trusted(h, " ");
			html_open_c(h, "a", "utrecht-link rr-evidence-link");
			html_attr_begin(h, "href");
			html_raw_trusted(h, "/documenten/");
			html_urlpart(h, rr_rec_str(e, "document"));
			html_attr_end(h);
			html_raw_trusted(h, "bron");
			html_open_c(h, "span", "rr-visually-hidden");
			html_raw_trusted(h, " van deze gebeurtenis");
			html_close(h, "span");
			html_close(h, "a");
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
	char v[64], k[96];
	long long inv = json_integer_value(json_object_get(tot, "investments"));
	long long known = json_integer_value(json_object_get(tot, "investment_known"));

	layout_h2(h, "Kerncijfers");
	html_open_c(h, "div", "rr-figures");
	pk_int(v, sizeof v, json_integer_value(json_object_get(tot, "delegations_out")));
	figure(h, "uitgaande delegaties", v);
	pk_int(v, sizeof v, json_integer_value(json_object_get(tot, "delegations_in")));
	figure(h, "ontvangen delegaties", v);
	pk_int(v, sizeof v, json_integer_value(json_object_get(tot, "agreements")));
	figure(h, "overeenkomsten", v);
	if (json_is_true(json_object_get(tot, "overflow")))
		snprintf(v, sizeof v, "te groot om op te tellen");
	else if (json_is_null(json_object_get(tot, "investment_eur")))
		snprintf(v, sizeof v, "onbekend");
	else
		pk_money_short(v, sizeof v, rr_amount_cents(json_object_get(tot, "investment_eur")));
	if (inv && known < inv)
		snprintf(k, sizeof k, "ge\xc3\xafnvesteerd (%lld van %lld investeringen bekend)",
			 known, inv);
	else
		snprintf(k, sizeof k, "ge\xc3\xafnvesteerd");
	figure(h, k, v);
	if (json_is_null(json_object_get(tot, "jobs")))
		snprintf(v, sizeof v, "onbekend");
	else
		pk_int(v, sizeof v, json_integer_value(json_object_get(tot, "jobs")));
	figure(h, "banen", v);
	html_close(h, "div");
	layout_paragraph(h, "Bedragen en banen tellen alleen resultaten die aan deze relatie "
			    "zijn toe te rekenen; cijfers over een breder geheel staan apart "
			    "hieronder. Onbekende bedragen tellen niet als nul.");
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
		layout_cell(h, !k ? (theme ? "zonder thema" : "zonder soort") :
			    theme ? pk_theme_label(k) : result_type_label(k), 0);
		int_cell(h, json_object_get(g, "count"));
		money_cell_known(h, json_object_get(g, "amount_eur"),
				 json_integer_value(json_object_get(g, "amount_known")),
				 json_integer_value(json_object_get(g, "count")));
		int_cell(h, json_object_get(g, "jobs"));
		layout_row_end(h);
	}
	layout_table_end(h);
}

/* A result's amount or jobs, "onbekend" when not stated, with a link to
 * the words it was read from (the field's span, else the description's). */
static void result_figure(html *h, const json_t *r, const char *field)
{
	const json_t *v = json_object_get(r, field);
	char m[48] = "onbekend";

	if (v && !strcmp(field, "amount_eur"))
		pk_money(m, sizeof m, rr_amount_cents(v));
	else if (v)
		pk_int(m, sizeof m, json_integer_value(v));
	html_open_c(h, "td", "utrecht-table__cell utrecht-table__cell--numeric-column");
	html_text(h, m);
	if (v && !ev_link(h, RR_K_RESULT, r, field, !strcmp(field, "jobs") ? "de banen" : "het bedrag"))
		ev_link(h, RR_K_RESULT, r, "description", !strcmp(field, "jobs") ? "de banen" :
			"het bedrag");
	html_close(h, "td");
}

/* Figures stated for more than this relation: shown, never summed. */
static void wider(html *h, const json_t *ev)
{
	const json_t *r, *list = json_object_get(ev, "wider_scope");
	size_t i;

	if (!json_array_size(list))
		return;
	layout_h2(h, "Cijfers over meer dan deze relatie");
	layout_paragraph(h, "Deze cijfers gelden voor een breder geheel dan deze relatie en "
			    "tellen daarom niet mee in de kerncijfers en de resultaten hierboven.");
	html_open_c(h, "ul", "utrecht-unordered-list");
	json_array_foreach(list, i, r) {
		char m[48];
		html_open_c(h, "li", "utrecht-unordered-list__item");
		pk_link(h, "/resultaten/", rr_rec_str(r, "id"), rr_rec_str(r, "title"));
		if (rr_rec_str(r, "scope_note")) {
			html_raw_trusted(h, " (");
			html_text(h, rr_rec_str(r, "scope_note"));
			html_raw_trusted(h, ")");
		}
		if (json_object_get(r, "amount_eur")) {
			pk_money_short(m, sizeof m, rr_amount_cents(json_object_get(r, "amount_eur")));
			html_raw_trusted(h, ": ");
			html_text(h, m);
		}
		if (json_object_get(r, "jobs")) {
			pk_int(m, sizeof m, json_integer_value(json_object_get(r, "jobs")));
			html_textf(h, ", %s banen", m);
		}
		if (!ev_link(h, RR_K_RESULT, r, "amount_eur", "dit cijfer"))
			ev_link(h, RR_K_RESULT, r, "description", "dit cijfer");
		html_close(h, "li");
	}
	html_close(h, "ul");
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
		pk_link(h, "/resultaten/", rr_rec_str(r, "id"), rr_rec_str(r, "title"));
		if (rr_rec_str(r, "trip")) {
			html_raw_trusted(h, " (");
			pk_link(h, "/reizen/", rr_rec_str(r, "trip"), "reis");
			html_raw_trusted(h, ")");
		}
		html_close(h, "td");
		layout_cell(h, result_type_label(rr_rec_str(r, "type")), 0);
		layout_cell(h, rr_rec_str(r, "theme") ? pk_theme_label(rr_rec_str(r, "theme")) :
			    "zonder thema", 0);
		result_figure(h, r, "amount_eur");
		result_figure(h, r, "jobs");
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
	static const char *const heads[] = {"Jaar", "Delegaties", "Raming", "Werkelijk",
		"Budget", "Formatie"};
	static const int numeric[] = {0, 1, 1, 1, 1, 1};
	const json_t *c, *list = json_object_get(ev, "costs_per_year");
	const json_t *tot = json_object_get(ev, "totals");
	size_t i;

	layout_h2(h, "Kosten per jaar");
	if (!json_array_size(list)) {
		layout_paragraph(h, "Er zijn geen kosten of budgetten geregistreerd.");
		return;
	}
	layout_table_begin(h, "Kosten van de uitgaande delegaties tegenover het budget", heads,
			   numeric, 6);
	json_array_foreach(list, i, c) {
		char y[16], fte[48] = "onbekend";
		long long n = json_integer_value(json_object_get(c, "delegations_out"));
		snprintf(y, sizeof y, "%lld", (long long)json_integer_value(json_object_get(c, "year")));
		if (json_is_number(json_object_get(c, "fte"))) {
			pk_decimal(fte, sizeof fte, json_number_value(json_object_get(c, "fte")));
			snprintf(fte + strlen(fte), sizeof fte - strlen(fte), " fte");
		}
		layout_row_begin(h);
		layout_cell(h, y, 0);
		int_cell(h, json_object_get(c, "delegations_out"));
		money_cell_known(h, json_object_get(c, "estimate_eur"),
				 json_integer_value(json_object_get(c, "estimate_known")), n);
		money_cell_known(h, json_object_get(c, "actual_eur"),
				 json_integer_value(json_object_get(c, "actual_known")), n);
		money_cell(h, json_object_get(c, "budget_eur"));
		layout_cell(h, fte, 1);
		layout_row_end(h);
	}
	layout_table_end(h);
	html_open_c(h, "p", "utrecht-paragraph");
	html_raw_trusted(h, "Kosten van alle delegaties samen: geraamd ");
	{
		char m[48];
		long long out = json_integer_value(json_object_get(tot, "delegations_out"));
		pk_money_json(m, sizeof m, json_object_get(tot, "costs_estimate_eur"));
		html_text(h, m);
		pk_known(h, json_integer_value(json_object_get(tot, "costs_estimate_known")), out);
		html_raw_trusted(h, ", werkelijk ");
		pk_money_json(m, sizeof m, json_object_get(tot, "costs_actual_eur"));
		html_text(h, m);
		pk_known(h, json_integer_value(json_object_get(tot, "costs_actual_known")), out);
		html_raw_trusted(h, ".");
	}
	html_close(h, "p");
}

static void rights(html *h, const json_t *ev)
{
	const json_t *it, *list = json_object_get(ev, "rights_and_security");
	const json_t *ht = json_object_get(ev, "human_rights_trips");
	const json_t *hr = json_object_get(ev, "human_rights_results");
	size_t i;

	layout_h2(h, "Mensenrechten en veiligheid");
	if (!json_array_size(list) && !json_array_size(ht) && !json_array_size(hr)) {
		layout_paragraph(h, "Bij de reizen en resultaten van deze relatie is niets op dit "
				    "gebied vastgelegd.");
		return;
	}
	html_open_c(h, "ul", "utrecht-unordered-list");
	json_array_foreach(list, i, it) {
		const char *k = rr_enum_label(rr_rights_kind_values, rr_rec_str(it, "kind"));
		html_open_c(h, "li", "utrecht-unordered-list__item");
		if (k) {
			html_text(h, k);
			html_raw_trusted(h, ": ");
		}
		html_text(h, rr_rec_str(it, "description"));
		html_raw_trusted(h, " — ");
		pk_link(h, "/reizen/", rr_rec_str(it, "trip"), rr_rec_str(it, "trip_title"));
		html_close(h, "li");
	}
	json_array_foreach(ht, i, it) {
		html_open_c(h, "li", "utrecht-unordered-list__item");
		html_raw_trusted(h, "Reis met het thema mensenrechten: ");
		pk_link(h, "/reizen/", rr_rec_str(it, "id"), rr_rec_str(it, "title"));
		html_close(h, "li");
	}
	json_array_foreach(hr, i, it) {
		html_open_c(h, "li", "utrecht-unordered-list__item");
		html_raw_trusted(h, "Resultaat met het thema mensenrechten: ");
		pk_link(h, "/resultaten/", rr_rec_str(it, "id"), rr_rec_str(it, "title"));
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
		pk_link(h, "/reizen/", rr_rec_str(t, "id"), rr_rec_str(t, "title"));
		html_raw_trusted(h, " (");
		html_text(h, pk_direction_label(rr_rec_str(t, "direction")));
		html_raw_trusted(h, ")");
		html_close(h, "li");
	}
	html_close(h, "ul");
}

/* The map of the relation's destinations and the CO₂ of its outgoing
 * trips (docs/co2.md), from the trips the viewer may see. */
static void destinations(rr_req *r, html *h, const char *id, const char *org)
{
	rr_trip_query q = {.partnership = id};
	json_t *trips = NULL, *tot, *orgs = NULL, *bycode = NULL;
	rr_date today = rr_today();
	char w[48];

	if (rr_store_trips(r->store, &q, r->viewer, &trips, NULL) != RR_OK)
		return;
	mapview_destinations(h, trips, org, 0, "kaart-relatie", "Waar de delegaties heen gingen");
	if (rr_store_list(r->store, RR_K_ORGANISATION, NULL, 0, r->viewer, &orgs) == RR_OK)
		bycode = rr_co2_orgs_by_code(orgs);
	tot = rr_trip_totals(trips, RR_REPORT_PERIOD_DAYS, &today, bycode);
	json_decref(bycode);
	json_decref(orgs);
	if (tot && json_integer_value(json_object_get(tot, "co2_distance_known"))) {
		const json_t *kg = json_object_get(tot, "co2_kg");
		html_open_c(h, "p", "utrecht-paragraph");
		html_attr(h, "id", "co2");
		if (json_is_null(kg)) {
			html_text(h, "CO₂ van de uitgaande reizen: onbekend, want bij geen reis is "
				  "het aantal reizigers vastgelegd");
		} else {
			co2_weight(w, sizeof w, (double)json_integer_value(kg));
			html_textf(h, "CO₂ van de uitgaande reizen (schatting): ongeveer %s", w);
			pk_known(h, json_integer_value(json_object_get(tot, "co2_known")),
				 json_integer_value(json_object_get(tot, "cost_trips")));
		}
		html_text(h, ". Per reis staat de berekening met de uitgangspunten op de "
			  "pagina van de reis.");
		html_close(h, "p");
	}
	json_decref(tot);
	json_decref(trips);
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
	destinations(r, &h, rr_rec_str(p, "id"), code);
	gaps(&h, ev);
	results(&h, ev);
	wider(&h, ev);
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

/* The period asked for: ?from=&to= (API) or ?van=&tot= or ?jaar= (page).
 * False (and an error written) when a year is not a year. */
static bool period(rr_req *r, rr_resp *o, bool page, int *from, int *to)
{
	const char *f = rr_req_param(r, page ? "van" : "from");
	const char *t = rr_req_param(r, page ? "tot" : "to");
	const char *y = page ? rr_req_param(r, "jaar") : rr_req_param(r, "year");

	*from = *to = 0;
	if (y)
		f = t = y;
	if ((f && !rr_route_param_ok("year", f)) || (t && !rr_route_param_ok("year", t))) {
		page_error(o, 400, "bad_parameter", page ? "Geef een jaar met vier cijfers, zoals 2023." :
			   "from, to, year: a year of four digits, such as 2023");
		return false;
	}
	*from = f ? atoi(f) : 0;
	*to = t ? atoi(t) : 0;
	if (*from && *to && *from > *to) {
		int x = *from;
		*from = *to;
		*to = x;
	}
	return true;
}

rr_err api_compare(rr_req *r, rr_resp *o)
{
	json_t *rows = NULL;
	int from, to;
	rr_err e;

	/* public: the viewer decides what is counted */
	if (!period(r, o, false, &from, &to))
		return RR_OK;
	if ((e = rr_compare_bodies(r->store, r->viewer, from, to, &rows))) {
		page_error(o, 500, "internal", "De vergelijking kon niet worden gemaakt.");
		return RR_OK;
	}
	json_t *doc = json_pack("{s:o, s:o, s:o}", "bodies", rows,
				"from", from ? json_integer(from) : json_null(),
				"to", to ? json_integer(to) : json_null());
	e = pk_json(o, doc);
	o->no_store = true; /* late reports depend on today */
	json_decref(doc);
	return e;
}

static void year_input(html *h, const char *id, const char *label, int value)
{
	char v[8] = "";
	if (value)
		snprintf(v, sizeof v, "%d", value);
	html_open_c(h, "span", "rr-field");
	html_open_c(h, "label", "utrecht-form-label");
	html_attr(h, "for", id);
	html_text(h, label);
	html_close(h, "label");
	html_raw_trusted(h, " ");
	html_open_c(h, "input", "utrecht-textbox utrecht-textbox--html-input rr-year");
	html_attr(h, "type", "text");
	html_attr(h, "inputmode", "numeric");
	html_attr(h, "pattern", "[0-9]{4}");
	html_attr(h, "id", id);
	html_attr(h, "name", id);
	html_attr(h, "value", v);
	html_close(h, "span");
	html_raw_trusted(h, " ");
}

/* A sum cell with how many trips state it. */
static void known_cell(html *h, const json_t *row, const char *sum, const char *known)
{
	/* a sum that ran over is no unknown: say so */
	if (json_is_true(json_object_get(row, "overflow")) && json_is_null(json_object_get(row, sum)) &&
	    json_integer_value(json_object_get(row, known))) {
		layout_cell(h, "te groot om op te tellen", 1);
		return;
	}
	money_cell_known(h, json_object_get(row, sum), json_integer_value(json_object_get(row, known)),
			 json_integer_value(json_object_get(row, "cost_trips")));
}

/* The CO₂ of a body's trips (docs/co2.md): "ongeveer 13,2 ton (4 van 27
 * bekend)", or "onbekend". */
static void co2_cell(html *h, const json_t *row)
{
	const json_t *kg = json_object_get(row, "co2_kg");
	char w[48], v[96];

	html_open_c(h, "td", "utrecht-table__cell utrecht-table__cell--numeric-column");
	if (json_is_null(kg) || !kg) {
		html_text(h, "onbekend");
	} else {
		co2_weight(w, sizeof w, (double)json_integer_value(kg));
		snprintf(v, sizeof v, "ongeveer %s", w);
		html_text(h, v);
		pk_known(h, json_integer_value(json_object_get(row, "co2_known")),
			 json_integer_value(json_object_get(row, "cost_trips")));
	}
	html_close(h, "td");
}

rr_err page_compare(rr_req *r, rr_resp *o)
{
	static const char *const heads[] = {"Organisatie", "Reizen", "Uitgaand", "Ontvangen",
		"Afgelast", "Betaald door derden", "Kosten (raming)", "Kosten (werkelijk)",
		"Verslagen te laat", "Partnerschappen", "Resultaten", "Budget", "Formatie",
		"CO₂ (schatting)"};
	static const int numeric[] = {0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
	json_t *rows = NULL, *row;
	char title[200], cap[100], tcap[260];
	int from, to;
	size_t i;
	html h;
	rr_err e;
	layout_crumb crumbs[] = {{"Home", "/"}, {"Vergelijking", NULL}};

	/* public: the viewer decides what is counted */
	if (!period(r, o, true, &from, &to))
		return RR_OK;
	if ((e = rr_compare_bodies(r->store, r->viewer, from, to, &rows))) {
		page_error(o, 500, "internal", "De vergelijking kon niet worden gemaakt.");
		return RR_OK;
	}
	if (from && from == to)
		snprintf(cap, sizeof cap, "in %d", from);
	else if (from && to)
		snprintf(cap, sizeof cap, "van %d tot en met %d", from, to);
	else if (from)
		snprintf(cap, sizeof cap, "vanaf %d", from);
	else if (to)
		snprintf(cap, sizeof cap, "tot en met %d", to);
	else
		snprintf(cap, sizeof cap, "over alle jaren");
	snprintf(title, sizeof title, "Organisaties vergeleken %s", cap);
	pk_begin(&h, o, title, crumbs, 2, NULL);
	layout_h1(&h, title);
	layout_paragraph(&h, "De internationale activiteiten van de overheden in dit register "
			     "naast elkaar: reizen (afgelaste niet meegeteld), kosten, partnerschappen "
			     "en het budget en de formatie voor internationale betrekkingen. Een "
			     "bedrag telt alleen de reizen die het vermelden; hoeveel dat er zijn, "
			     "staat erbij.");
	html_open_c(&h, "form", "rr-search-form");
	html_attr(&h, "action", "/vergelijking");
	html_attr(&h, "method", "get");
	year_input(&h, "van", "Van jaar", from);
	year_input(&h, "tot", "Tot en met jaar", to);
	html_open_c(&h, "button", "utrecht-button utrecht-button--primary-action");
	html_attr(&h, "type", "submit");
	html_raw_trusted(&h, "Vergelijken");
	html_close(&h, "button");
	html_close(&h, "form");
	if (!json_array_size(rows)) {
		layout_paragraph(&h, "Er zijn geen openbare reizen om te vergelijken.");
		goto end;
	}
	snprintf(tcap, sizeof tcap, "Overheden in het register, %s", cap);
	layout_table_begin(&h, tcap, heads, numeric, 14);
	json_array_foreach(rows, i, row) {
		char fte[64] = "onbekend";
		layout_row_begin(&h);
		html_open_c(&h, "th", "utrecht-table__header-cell");
		html_attr(&h, "scope", "row");
		pk_link(&h, "/o/", rr_rec_str(row, "organisation"), rr_rec_str(row, "name"));
		html_close(&h, "th");
		int_cell(&h, json_object_get(row, "trips"));
		int_cell(&h, json_object_get(row, "trips_out"));
		int_cell(&h, json_object_get(row, "trips_in"));
		int_cell(&h, json_object_get(row, "cancelled"));
		int_cell(&h, json_object_get(row, "third_party_paid"));
		known_cell(&h, row, "costs_estimate_eur", "estimate_known");
		known_cell(&h, row, "costs_actual_eur", "actual_known");
		int_cell(&h, json_object_get(row, "reports_late"));
		int_cell(&h, json_object_get(row, "partnerships"));
		int_cell(&h, json_object_get(row, "results"));
		money_cell(&h, json_object_get(row, "budget_eur"));
		if (json_is_number(json_object_get(row, "fte"))) {
			pk_decimal(fte, sizeof fte, json_number_value(json_object_get(row, "fte")));
			snprintf(fte + strlen(fte), sizeof fte - strlen(fte), " fte (%lld)",
				 (long long)json_integer_value(json_object_get(row, "budget_year")));
		}
		layout_cell(&h, fte, 1);
		co2_cell(&h, row);
		layout_row_end(&h);
	}
	layout_table_end(&h);
	layout_paragraph(&h, "CO₂: een schatting per reis uit de afstand van de zetel naar de "
			     "bestemmingen en terug, het vervoer en het aantal reizigers; alleen de "
			     "reizen waarvan het aantal reizigers bekend is tellen mee. De "
			     "uitgangspunten staan op de pagina van elke reis.");
end:
	html_open_c(&h, "p", "utrecht-paragraph");
	html_open_c(&h, "a", "utrecht-link utrecht-link--html-a");
	html_attr_begin(&h, "href");
	html_raw_trusted(&h, "/api/v1/compare");
	if (from || to) {
		char y[8];
		html_raw_trusted(&h, "?from=");
		snprintf(y, sizeof y, "%d", from ? from : 1000);
		html_urlpart(&h, y);
		html_raw_trusted(&h, "&to=");
		snprintf(y, sizeof y, "%d", to ? to : 9999);
		html_urlpart(&h, y);
	}
	html_attr_end(&h);
	html_raw_trusted(&h, "Deze vergelijking als JSON");
	html_close(&h, "a");
	html_close(&h, "p");
	e = pk_end(&h, o);
	json_decref(rows);
	return e;
}
