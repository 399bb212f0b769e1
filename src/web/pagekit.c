/* pagekit.c - pieces the page files share: error pages, money and dates in
 * Dutch, labels, trip lists (pages.h). */
#include "web/pages.h"
#include "web/routes.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark.h>

#include "nl/date.h"
#include "model/country.h"
#include "model/record.h"
#include "nl/nlfmt.h"

void pk_begin(html *h, rr_resp *o, const char *title, const layout_crumb *crumbs,
	      size_t ncrumbs, const char *nav)
{
	layout_page p = {.title = title, .crumbs = crumbs, .ncrumbs = ncrumbs, .nav = nav};

	o->ctype = RR_CT_HTML;
	html_init(h, &o->body);
	layout_begin(h, &p);
}

rr_err pk_end(html *h, rr_resp *o)
{
	(void)o;
	layout_end(h);
	return html_finish(h);
}

rr_err pk_json(rr_resp *o, const json_t *json)
{
	char *s = json_dumps(json, JSON_COMPACT | JSON_SORT_KEYS | JSON_REAL_PRECISION(15));

	if (!s)
		return RR_ENOMEM;
	o->ctype = RR_CT_JSON;
	rr_buf_addstr(&o->body, s);
	rr_buf_addc(&o->body, '\n');
	free(s);
	return rr_buf_err(&o->body);
}

void page_error(rr_resp *o, int status, const char *code, const char *message)
{
	o->status = status;
	o->no_store = true;
	rr_buf_reset(&o->body);
	if (o->ctype == RR_CT_JSON || o->ctype == RR_CT_CSV || o->ctype == RR_CT_ATOM ||
	    o->ctype == RR_CT_XLSX || o->ctype == RR_CT_XML) {
		json_t *j = json_pack("{s:{s:s,s:s}}", "error", "code", code, "message", message);
		o->ctype = RR_CT_JSON;
		if (j)
			pk_json(o, j);
		json_decref(j);
		return;
	}
	html h;
	o->ctype = RR_CT_HTML;
	const char *title = status == 404 ? "Niet gevonden" :
		status == 405 ? "Methode niet toegestaan" :
		status == 503 ? "Tijdelijk niet beschikbaar" :
		status >= 500 ? "Storing" : "Ongeldig verzoek";
	pk_begin(&h, o, title, NULL, 0, NULL);
	layout_h1(&h, title);
	layout_paragraph(&h, message);
	html_open_c(&h, "p", "utrecht-paragraph");
	layout_link(&h, "/", "Naar de startpagina");
	html_close(&h, "p");
	pk_end(&h, o);
	o->status = status;
	o->no_store = true;
}

void pk_money(char *out, size_t n, long long cents)
{
	char digits[32], grouped[48];
	long long euros = cents / 100;
	int c = (int)(cents % 100), len, j = 0;

	if (cents < 0) {
		snprintf(out, n, "-");
		return;
	}
	if (cents == RR_CENTS_OVERFLOW) { /* model/record.h: a sum that overflowed */
		snprintf(out, n, "te groot om op te tellen");
		return;
	}
	len = snprintf(digits, sizeof digits, "%lld", euros);
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			grouped[j++] = '.';
		grouped[j++] = digits[i];
	}
	grouped[j] = '\0';
	if (c)
		snprintf(out, n, "\xe2\x82\xac %s,%02d", grouped, c);
	else
		snprintf(out, n, "\xe2\x82\xac %s", grouped);
}

static void decimal(char *out, size_t n, double v, int decimals);

void pk_money_json(char *out, size_t n, const json_t *amount)
{
	if (!amount || json_is_null(amount))
		snprintf(out, n, "onbekend");
	else
		pk_money(out, n, rr_amount_cents(amount));
}

void pk_money_short(char *out, size_t n, long long cents)
{
	char d[32];

	if (cents < 100000000LL) { /* below a million euros */
		pk_money(out, n, cents);
		return;
	}
	decimal(d, sizeof d, (double)cents / 1e8, 1);
	snprintf(out, n, "\xe2\x82\xac %s mln", d);
}

void pk_int(char *out, size_t n, long long v)
{
	char digits[32], grouped[48];
	int len, j = 0, neg = v < 0;

	len = snprintf(digits, sizeof digits, "%lld", neg ? -v : v);
	if (neg)
		grouped[j++] = '-';
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			grouped[j++] = '.';
		grouped[j++] = digits[i];
	}
	grouped[j] = '\0';
	snprintf(out, n, "%s", grouped);
}

/* v with at most decimals decimals, trailing zeros dropped, a comma. */
static void decimal(char *out, size_t n, double v, int decimals)
{
	char buf[48], *dot;
	size_t len;

	if (!isfinite(v) || fabs(v) >= 1e15) {
		snprintf(out, n, "onbekend");
		return;
	}
	if (v == floor(v)) {
		pk_int(out, n, (long long)v);
		return;
	}
	snprintf(buf, sizeof buf, "%.*f", decimals, v);
	len = strlen(buf);
	while (len && buf[len - 1] == '0')
		buf[--len] = '\0';
	if (len && buf[len - 1] == '.')
		buf[--len] = '\0';
	if ((dot = strchr(buf, '.')))
		*dot = ',';
	snprintf(out, n, "%s", buf);
}

void pk_decimal(char *out, size_t n, double v)
{
	decimal(out, n, v, 2);
}

void pk_known(html *h, long long known, long long of)
{
	if (of <= 0 || known >= of)
		return;
	html_textf(h, " (%lld van %lld bekend)", known, of);
}

const char *pk_org_name(rr_req *r, const char *code, char *buf, size_t n)
{
	json_t *org = NULL;

	if (!code || !rr_route_param_ok("code", code) ||
	    rr_store_get(r->store, RR_K_ORGANISATION, code, r->viewer, &org) != RR_OK)
		return NULL;
	snprintf(buf, n, "%s", rr_rec_str(org, "name"));
	json_decref(org);
	return buf;
}

void pk_markdown(html *h, const char *text)
{
	if (!text || !*text)
		return;
	html_open_c(h, "div", "rr-markdown utrecht-html");
	/* cmark's output in safe mode (CMARK_OPT_SAFE: raw HTML is replaced by
	 * a comment and javascript:/vbscript:/file:/data: links are dropped),
	 * appended to the writer's buffer after the writer has closed its
	 * pending tag. */
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

void pk_dates(char *out, size_t n, const char *start, const char *end)
{
	rr_date s, e = {0};

	out[0] = '\0';
	if (!start || rr_date_parse_iso(start, &s, NULL))
		return;
	if (end && rr_date_parse_iso(end, &e, NULL))
		e.prec = RR_PREC_NONE;
	if (end && e.prec != RR_PREC_NONE && rr_date_cmp(&s, &e) == 0)
		e.prec = RR_PREC_NONE;
	if (rr_nlfmt_range_s(out, n, &s, e.prec ? &e : NULL))
		snprintf(out, n, "%s", start);
}

const char *pk_kind_label(const char *kind)
{
	const char *l = rr_enum_label(rr_trip_kind_values, kind);
	return l ? l : kind ? kind : "";
}

const char *pk_status_label(const char *status)
{
	const char *l = rr_enum_label(rr_trip_status_values, status);
	return l ? l : status ? status : "";
}

const char *pk_direction_label(const char *direction)
{
	const char *l = rr_enum_label(rr_direction_values, direction);
	return l ? l : direction ? direction : "";
}

const char *pk_theme_label(const char *theme)
{
	const char *l = rr_enum_label(rr_theme_values, theme);
	return l ? l : theme ? theme : "";
}

const char *pk_country_name(const char *code)
{
	return rr_country_label(code);
}

void pk_destinations(html *h, const json_t *trip, bool link)
{
	const json_t *dests = json_object_get(trip, "destinations"), *d;
	size_t i;

	json_array_foreach(dests, i, d) {
		const char *cc = rr_rec_str(d, "country"), *city = rr_rec_str(d, "city");

		if (i)
			html_raw_trusted(h, "; ");
		if (city) {
			html_text(h, city);
			html_raw_trusted(h, ", ");
		}
		if (link && cc) {
			html_open_c(h, "a", "utrecht-link");
			html_attr_begin(h, "href");
			html_raw_trusted(h, "/landen/");
			html_urlpart(h, cc);
			html_attr_end(h);
			html_text(h, pk_country_name(cc));
			html_close(h, "a");
		} else {
			html_text(h, pk_country_name(cc));
		}
	}
}

void pk_travellers(html *h, const json_t *travellers)
{
	const json_t *t;
	size_t i;

	json_array_foreach(travellers, i, t) {
		const char *pid = rr_rec_str(t, "person"), *role = rr_rec_str(t, "role");

		if (i)
			html_raw_trusted(h, ", ");
		if (pid) {
			html_open_c(h, "a", "utrecht-link");
			html_attr_begin(h, "href");
			html_raw_trusted(h, "/personen/");
			html_urlpart(h, pid);
			html_attr_end(h);
			html_text(h, rr_rec_str(t, "name"));
			html_close(h, "a");
		} else {
			html_text(h, rr_rec_str(t, "name"));
		}
		if (role && strcasecmp(role, rr_rec_str(t, "name") ? rr_rec_str(t, "name") : "")) {
			html_raw_trusted(h, " (");
			html_text(h, role);
			html_raw_trusted(h, ")");
		}
	}
}

static void link_trip(html *h, const json_t *trip)
{
	html_open_c(h, "a", "utrecht-link");
	html_attr_begin(h, "href");
	html_raw_trusted(h, "/reizen/");
	html_urlpart(h, rr_rec_str(trip, "id"));
	html_attr_end(h);
	html_text(h, rr_rec_str(trip, "title"));
	html_close(h, "a");
}

void pk_trip_list(rr_req *r, html *h, const json_t *trips, bool show_org)
{
	static const char *const with_org[] = {"Wanneer", "Reis", "Orgaan", "Waarheen", "Status"};
	static const char *const without[] = {"Wanneer", "Reis", "Waarheen", "Status"};
	const json_t *t;
	size_t i;

	if (json_array_size(trips) == 0) {
		layout_paragraph(h, "Er zijn geen openbare reizen.");
		return;
	}
	layout_table_begin(h, "Reizen", show_org ? with_org : without, NULL, show_org ? 5 : 4);
	json_array_foreach(trips, i, t) {
		char when[96];
		const char *org = rr_rec_str(t, "organisation");

		pk_dates(when, sizeof when, rr_rec_str(t, "start"), rr_rec_str(t, "end"));
		layout_row_begin(h);
		layout_cell(h, when, 0);
		html_open_c(h, "td", "utrecht-table__cell");
		link_trip(h, t);
		pk_third_party(h, t);
		html_close(h, "td");
		if (show_org) {
			html_open_c(h, "td", "utrecht-table__cell");
			html_open_c(h, "a", "utrecht-link");
			html_attr_begin(h, "href");
			html_raw_trusted(h, "/o/");
			html_urlpart(h, org);
			html_attr_end(h);
			char name[300];
			const char *nm = pk_org_name(r, org, name, sizeof name);
			html_text(h, nm ? nm : org);
			html_close(h, "a");
			html_close(h, "td");
		}
		html_open_c(h, "td", "utrecht-table__cell");
		pk_destinations(h, t, true);
		html_close(h, "td");
		layout_cell(h, pk_status_label(rr_rec_str(t, "status")), 0);
		layout_row_end(h);
	}
	layout_table_end(h);
}

void pk_dl_begin(html *h)
{
	html_open_c(h, "table", "utrecht-table rr-facts");
	html_open_c(h, "tbody", "utrecht-table__body");
}

void pk_dl_end(html *h)
{
	html_close(h, "tbody");
	html_close(h, "table");
}

void pk_item_begin(html *h, const char *key)
{
	html_open_c(h, "tr", "utrecht-table__row");
	html_open_c(h, "th", "utrecht-table__header-cell");
	html_attr(h, "scope", "row");
	html_text(h, key);
	html_close(h, "th");
	html_open_c(h, "td", "utrecht-table__cell");
}

void pk_item_end(html *h)
{
	html_close(h, "td");
	html_close(h, "tr");
}

void pk_item(html *h, const char *key, const char *value)
{
	if (!value || !*value)
		return;
	pk_item_begin(h, key);
	html_text(h, value);
	pk_item_end(h);
}

void pk_link_path_(html *h, const char *prefix, const char *part, const char *suffix,
		   const char *text)
{
	html_open_c(h, "a", "utrecht-link utrecht-link--html-a");
	html_attr_begin(h, "href");
	html_raw_(h, prefix);
	html_urlpart(h, part);
	html_raw_(h, suffix);
	html_attr_end(h);
	html_text(h, text);
	html_close(h, "a");
}

void pk_link_(html *h, const char *prefix, const char *part, const char *text)
{
	pk_link_path_(h, prefix, part, "", text);
}

const char *pk_partnership_label(const char *type)
{
	const char *l = rr_enum_label(rr_partnership_type_values, type);
	return l ? l : type ? type : "";
}

bool pk_third_party(html *h, const json_t *trip)
{
	const json_t *costs = json_object_get(trip, "costs"), *c;
	const char *org = rr_rec_str(trip, "organisation");
	const char *seen[16];
	size_t i, n = 0;

	json_array_foreach(costs, i, c) {
		const char *p = rr_rec_str(c, "paid_by");
		bool dup = false;
		if (!p || (org && !strcmp(p, org)))
			continue;
		for (size_t j = 0; j < n; j++)
			dup |= !strcmp(seen[j], p);
		if (!dup && n < sizeof seen / sizeof seen[0])
			seen[n++] = p;
	}
	if (!n)
		return false;
	html_text(h, " ");
	html_open_c(h, "span", "rr-third-party");
	html_text(h, "(betaald door derden: ");
	for (i = 0; i < n; i++) {
		if (i)
			html_text(h, ", ");
		html_text(h, seen[i]);
	}
	html_text(h, ")");
	html_close(h, "span");
	return true;
}

const char *pk_payer(rr_req *r, const char *paid_by, char *buf, size_t n)
{
	json_t *org = NULL;

	if (!paid_by || !rr_route_param_ok("code", paid_by) ||
	    rr_store_get(r->store, RR_K_ORGANISATION, paid_by, r->viewer, &org) != RR_OK)
		return paid_by;
	snprintf(buf, n, "%s", rr_rec_str(org, "name"));
	json_decref(org);
	return buf;
}
