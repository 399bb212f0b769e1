/* page_search.c - full-text search (/zoeken?q=...) with facets as links and
 * highlighted snippets; without a search word the filters alone (body,
 * year, country, person, kind, direction, paid by others) list the trips.
 * A plain GET form: works without JavaScript. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/country.h"
#include "model/record.h"
#include "store/public.h"
#include "store/search.h"
#include "web/pages.h"
#include "web/routes.h"

#define PAGE_SIZE 20

/* The filters a facet link can set, by parameter name. */
static const char *const filter_keys[] = {"organisation", "year", "country", "person",
	"kind", "direction"};
#define NFILTERS (sizeof filter_keys / sizeof filter_keys[0])

typedef struct search_state {
	const char *q;
	const char *val[NFILTERS]; /* current filter values (validated) */
	char country[3];
	bool third_party;      /* ?third_party=1 */
} search_state;

/* href="/zoeken?q=Q&k=v..." with filter `set` set to `value` (NULL:
 * removed); other filters kept. */
static void search_href(html *h, const search_state *st, size_t set, const char *value)
{
	html_attr_begin(h, "href");
	html_raw_trusted(h, "/zoeken?q=");
	html_urlpart(h, st->q ? st->q : "");
	for (size_t i = 0; i < NFILTERS; i++) {
		const char *v = i == set ? value : st->val[i];
		if (!v)
			continue;
		html_raw_trusted(h, "&");
		html_urlpart(h, filter_keys[i]);
		html_raw_trusted(h, "=");
		html_urlpart(h, v);
	}
	if (st->third_party)
		html_raw_trusted(h, "&third_party=1");
	html_attr_end(h);
}

static const char *facet_title(const char *key)
{
	static const char *const t[][2] = {{"organisation", "Overheid"}, {"year", "Jaar"},
		{"country", "Land"}, {"person", "Persoon"}, {"kind", "Soort reis"},
		{"direction", "Richting"}, {"paid_by", "Betaald door"}};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (!strcmp(t[i][0], key))
			return t[i][1];
	return key;
}

/* What a facet value is called on the page: the name the store found for
 * it (bodies, people), else a Dutch label, else the value itself. */
static const char *facet_label(const char *key, const char *v, const json_t *item)
{
	const char *label = json_string_value(json_object_get(item, "label"));
	if (label && *label)
		return label;
	if (!strcmp(key, "country"))
		return pk_country_name(v);
	if (!strcmp(key, "kind"))
		return pk_kind_label(v);
	if (!strcmp(key, "direction"))
		return pk_direction_label(v);
	return v;
}

static void facets(html *h, const search_state *st, const json_t *f)
{
	static const char *const order[] = {"organisation", "year", "country", "person",
		"kind", "direction", "paid_by"};

	html_open_c(h, "nav", "rr-facets");
	html_attr(h, "aria-label", "Verfijnen");
	html_open_c(h, "h2", "utrecht-heading-3");
	html_raw_trusted(h, "Verfijnen");
	html_close(h, "h2");
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
		const json_t *vals = json_object_get(f, order[k]), *v;
		size_t fi = NFILTERS, i;

		for (size_t j = 0; j < NFILTERS; j++)
			if (!strcmp(filter_keys[j], order[k]))
				fi = j;
		if (!json_array_size(vals))
			continue;
		html_open_c(h, "h3", "utrecht-heading-4");
		html_text(h, facet_title(order[k]));
		html_close(h, "h3");
		html_open_c(h, "ul", "utrecht-unordered-list rr-facet");
		json_array_foreach(vals, i, v) {
			const json_t *jv = json_object_get(v, "value");
			char num[32];
			const char *value = json_string_value(jv);
			bool selected;

			if (json_is_integer(jv)) {
				snprintf(num, sizeof num, "%lld", (long long)json_integer_value(jv));
				value = num;
			}
			if (!value)
				continue;
			selected = fi < NFILTERS && st->val[fi] && !strcmp(st->val[fi], value);
			html_open_c(h, "li", "utrecht-unordered-list__item");
			if (fi < NFILTERS) {
				html_open_c(h, "a", "utrecht-link utrecht-link--html-a");
				search_href(h, st, fi, selected ? NULL : value);
				if (selected)
					html_attr(h, "aria-current", "true");
				html_text(h, facet_label(order[k], value, v));
				if (selected)
					html_raw_trusted(h, " (filter verwijderen)");
				html_close(h, "a");
			} else {
				html_text(h, facet_label(order[k], value, v));
			}
			html_open_c(h, "span", "rr-facet__count");
			html_textf(h, " (%lld)", (long long)json_integer_value(json_object_get(v, "count")));
			html_close(h, "span");
			html_close(h, "li");
		}
		html_close(h, "ul");
	}
	html_close(h, "nav");
}

/* The snippet, with the highlighted byte ranges in <mark>. */
static void snippet(html *h, const json_t *hit)
{
	const char *s = rr_rec_str(hit, "snippet");
	const json_t *hl = json_object_get(hit, "highlights"), *x;
	size_t len, pos = 0, i;

	if (!s)
		return;
	len = strlen(s);
	html_open_c(h, "p", "utrecht-paragraph");
	json_array_foreach(hl, i, x) {
		json_int_t off = json_integer_value(json_array_get(x, 0));
		json_int_t n = json_integer_value(json_array_get(x, 1));

		if (off < (json_int_t)pos || n <= 0 || (size_t)off > len || (size_t)n > len - (size_t)off)
			continue; /* out of order or out of range: ignore */
		html_textn(h, s + pos, (size_t)off - pos);
		html_open_c(h, "mark", "utrecht-mark");
		html_textn(h, s + off, (size_t)n);
		html_close(h, "mark");
		pos = (size_t)(off + n);
	}
	html_textn(h, s + pos, len - pos);
	html_close(h, "p");
}

/* The third-party flag of a hit (the hit itself has no costs). */
static void third_party_flag(rr_req *r, html *h, const json_t *hit)
{
	json_t *t = NULL;

	if (rr_store_get(r->store, RR_K_TRIP, rr_rec_str(hit, "id"), r->viewer, &t) == RR_OK)
		pk_third_party(h, t);
	json_decref(t);
}

/* The bodies with trips, for the filter's choice list. */
static void body_select(rr_req *r, html *h, const search_state *st)
{
	json_t *counts = NULL;
	const char *code;
	json_t *n;

	if (rr_store_trip_counts(r->store, r->viewer, &counts))
		return;
	html_open_c(h, "span", "rr-field");
	html_open_c(h, "label", "utrecht-form-label");
	html_attr(h, "for", "organisation");
	html_raw_trusted(h, "Overheid");
	html_close(h, "label");
	html_raw_trusted(h, " ");
	html_open_c(h, "select", "utrecht-select utrecht-select--html-select");
	html_attr(h, "id", "organisation");
	html_attr(h, "name", "organisation");
	html_open(h, "option");
	html_attr(h, "value", "");
	html_raw_trusted(h, "alle overheden");
	html_close(h, "option");
	json_object_foreach(counts, code, n) {
		char name[300];
		const char *nm = pk_org_name(r, code, name, sizeof name);
		html_open(h, "option");
		html_attr(h, "value", code);
		if (st->val[0] && !strcmp(st->val[0], code))
			html_attr_bool(h, "selected");
		html_text(h, nm ? nm : code);
		html_close(h, "option");
	}
	html_close(h, "select");
	html_close(h, "span");
	json_decref(counts);
}

static void form(rr_req *r, html *h, const search_state *st)
{
	html_open_c(h, "form", "rr-search-form");
	html_attr(h, "action", "/zoeken");
	html_attr(h, "method", "get");
	html_attr(h, "role", "search");
	html_open_c(h, "label", "utrecht-form-label");
	html_attr(h, "for", "q");
	html_raw_trusted(h, "Zoekterm");
	html_close(h, "label");
	html_raw_trusted(h, " ");
	html_open_c(h, "input", "utrecht-textbox utrecht-textbox--html-input");
	html_attr(h, "type", "search");
	html_attr(h, "id", "q");
	html_attr(h, "name", "q");
	html_attr(h, "value", st->q ? st->q : "");
	for (size_t i = 2; i < NFILTERS; i++) { /* body and year have their own fields */
		if (!st->val[i])
			continue;
		html_open(h, "input");
		html_attr(h, "type", "hidden");
		html_attr(h, "name", filter_keys[i]);
		html_attr(h, "value", st->val[i]);
	}
	html_raw_trusted(h, " ");
	body_select(r, h, st);
	html_raw_trusted(h, " ");
	html_open_c(h, "span", "rr-field");
	html_open_c(h, "label", "utrecht-form-label");
	html_attr(h, "for", "year");
	html_raw_trusted(h, "Jaar");
	html_close(h, "label");
	html_raw_trusted(h, " ");
	html_open_c(h, "input", "utrecht-textbox utrecht-textbox--html-input rr-year");
	html_attr(h, "type", "text");
	html_attr(h, "inputmode", "numeric");
	html_attr(h, "pattern", "[0-9]{4}");
	html_attr(h, "id", "year");
	html_attr(h, "name", "year");
	html_attr(h, "value", st->val[1] ? st->val[1] : "");
	html_close(h, "span");
	html_raw_trusted(h, " ");
	html_open_c(h, "span", "rr-check");
	html_open(h, "input");
	html_attr(h, "type", "checkbox");
	html_attr(h, "id", "third_party");
	html_attr(h, "name", "third_party");
	html_attr(h, "value", "1");
	if (st->third_party)
		html_attr_bool(h, "checked");
	html_open_c(h, "label", "utrecht-form-label");
	html_attr(h, "for", "third_party");
	html_raw_trusted(h, "alleen reizen (mede) betaald door derden");
	html_close(h, "label");
	html_close(h, "span");
	html_raw_trusted(h, " ");
	html_open_c(h, "button", "utrecht-button utrecht-button--primary-action");
	html_attr(h, "type", "submit");
	html_raw_trusted(h, "Zoeken");
	html_close(h, "button");
	html_close(h, "form");
}

/* Links to the same selection as a spreadsheet and as CSV. */
static void downloads(html *h, const search_state *st)
{
	static const char *const api_keys[] = {"organisation", "year", "country", "person",
		"kind", "direction"};
	html_open_c(h, "p", "utrecht-paragraph rr-no-print");
	html_raw_trusted(h, "Deze reizen downloaden: ");
	for (int x = 0; x < 2; x++) {
		if (x)
			html_raw_trusted(h, " of ");
		html_open_c(h, "a", "utrecht-link");
		html_attr_begin(h, "href");
		if (x)
			html_raw_trusted(h, "/api/v1/trips.csv?limit=1000");
		else
			html_raw_trusted(h, "/api/v1/trips.xlsx?limit=1000");
		if (st->q) {
			html_raw_trusted(h, "&q=");
			html_urlpart(h, st->q);
		}
		for (size_t i = 0; i < NFILTERS; i++) {
			if (!st->val[i])
				continue;
			html_raw_trusted(h, "&");
			html_urlpart(h, api_keys[i]);
			html_raw_trusted(h, "=");
			html_urlpart(h, st->val[i]);
		}
		if (st->third_party)
			html_raw_trusted(h, "&third_party=1");
		html_attr_end(h);
		if (x)
			html_raw_trusted(h, "CSV");
		else
			html_raw_trusted(h, "spreadsheet (Excel, LibreOffice)");
		html_close(h, "a");
	}
	html_raw_trusted(h, ".");
	html_close(h, "p");
}

/* "?q=..&k=v.." of the search, percent-encoded, into b ("" without any). */
static void feed_params(rr_buf *b, const search_state *st)
{
	char sep = '?';

	if (st->q) {
		rr_buf_addstr(b, "?q=");
		html_urlencode(b, st->q);
		sep = '&';
	}
	for (size_t i = 0; i < NFILTERS; i++) {
		if (!st->val[i])
			continue;
		rr_buf_addc(b, sep);
		rr_buf_addstr(b, filter_keys[i]);
		rr_buf_addc(b, '=');
		html_urlencode(b, st->val[i]);
		sep = '&';
	}
	if (st->third_party) {
		rr_buf_addc(b, sep);
		rr_buf_addstr(b, "third_party=1");
	}
}

/* Without a search word: the trips the filters select, newest first. */
static rr_err filtered(rr_req *r, html *h, const search_state *st, const rr_search_query *sq)
{
	rr_trip_query q = {.organisation = sq->organisation, .year = sq->year,
		.country = sq->country, .person = sq->person, .kind = sq->kind,
		.direction = sq->direction, .third_party_paid = sq->third_party_paid,
		.limit = PAGE_SIZE};
	json_t *trips = NULL;
	size_t total = 0;
	rr_err e;

	if ((e = rr_store_trips(r->store, &q, r->viewer, &trips, &total)))
		return e;
	html_open_c(h, "p", "utrecht-paragraph");
	html_attr(h, "role", "status");
	html_textf(h, "%zu %s gevonden", total, total == 1 ? "reis" : "reizen");
	if (total > PAGE_SIZE)
		html_textf(h, "; de nieuwste %d staan hieronder", PAGE_SIZE);
	html_raw_trusted(h, ".");
	html_close(h, "p");
	if (total)
		pk_trip_list(r, h, trips, true);
	if (total)
		downloads(h, st);
	json_decref(trips);
	return RR_OK;
}

rr_err page_search(rr_req *r, rr_resp *o)
{
	static const layout_crumb crumbs[] = {{"Home", "/"}, {"Zoeken", NULL}};
	search_state st = {.q = rr_req_param(r, "q")};
	json_t *results = NULL, *fac = NULL;
	rr_search_query sq = {.q = st.q, .limit = PAGE_SIZE};
	size_t total = 0, i;
	const json_t *hit;
	html h;
	rr_err e = RR_OK;

	for (size_t k = 0; k < NFILTERS; k++) {
		const char *v = rr_req_param(r, filter_keys[k]);
		if (!v)
			continue;
		if (!strcmp(filter_keys[k], "year") && !rr_route_param_ok("year", v))
			continue;
		if (!strcmp(filter_keys[k], "country")) {
			if (strlen(v) != 2)
				continue;
			st.country[0] = (char)toupper((unsigned char)v[0]);
			st.country[1] = (char)toupper((unsigned char)v[1]);
			if (!rr_country_valid(st.country))
				continue;
			v = st.country;
		}
		if (strlen(v) > 200)
			continue;
		st.val[k] = v;
	}
	sq.organisation = st.val[0];
	sq.year = st.val[1] ? atoi(st.val[1]) : 0;
	sq.country = st.val[2];
	sq.person = st.val[3];
	sq.kind = st.val[4];
	sq.direction = st.val[5];
	st.third_party = rr_req_param(r, "third_party") && !strcmp(rr_req_param(r, "third_party"), "1");
	sq.third_party_paid = st.third_party;
	if (st.q && (e = rr_store_search(r->store, &sq, r->viewer, &results, &fac, &total)))
		return e;
	bool any_filter = st.third_party;
	for (size_t k = 0; k < NFILTERS; k++)
		any_filter |= st.val[k] != NULL;
	/* the same search as an Atom feed (feed.c), named in the head */
	rr_buf feed;
	rr_buf_init(&feed, 2048);
	rr_buf_addstr(&feed, "/zoeken.atom");
	feed_params(&feed, &st);
	layout_page lp = {.title = st.q ? "Zoekresultaten" : "Zoeken", .crumbs = crumbs,
		.ncrumbs = 2, .nav = "/zoeken", .feed_url = rr_buf_err(&feed) ? NULL : rr_buf_cstr(&feed),
		.feed_title = "Deze zoekopdracht volgen (Atom)"};
	o->ctype = RR_CT_HTML;
	html_init(&h, &o->body);
	layout_begin(&h, &lp);
	layout_h1(&h, "Zoeken in het register");
	form(r, &h, &st);
	if ((st.q || any_filter) && lp.feed_url) {
		html_open_c(&h, "p", "utrecht-paragraph rr-no-print");
		html_open_c(&h, "a", "utrecht-link");
		html_url_attr(&h, "href", lp.feed_url);
		html_raw_trusted(&h, "Deze zoekopdracht volgen met een Atom-feed");
		html_close(&h, "a");
		html_close(&h, "p");
	}
	if (!st.q && any_filter && (e = filtered(r, &h, &st, &sq)))
		goto out;
	if (st.q) {
		html_open_c(&h, "div", "rr-with-facets");
		html_open(&h, "div");
		html_open_c(&h, "p", "utrecht-paragraph");
		html_attr(&h, "role", "status");
		html_textf(&h, "%zu %s gevonden", total, total == 1 ? "reis" : "reizen");
		if (total > PAGE_SIZE)
			html_textf(&h, "; de beste %d staan hieronder", PAGE_SIZE);
		html_raw_trusted(&h, ".");
		html_close(&h, "p");
		html_open_c(&h, "ol", "utrecht-ordered-list rr-results");
		json_array_foreach(results, i, hit) {
			char when[96];

			html_open_c(&h, "li", "utrecht-ordered-list__item");
			html_open_c(&h, "h2", "utrecht-heading-3");
			pk_link(&h, "/reizen/", rr_rec_str(hit, "id"), rr_rec_str(hit, "title"));
			html_close(&h, "h2");
			pk_dates(when, sizeof when, rr_rec_str(hit, "start"), rr_rec_str(hit, "end"));
			html_open_c(&h, "p", "rr-meta");
			char name[300];
			const char *nm = pk_org_name(r, rr_rec_str(hit, "organisation"), name, sizeof name);
			html_text(&h, nm ? nm : rr_rec_str(hit, "organisation"));
			if (*when) {
				html_raw_trusted(&h, ", ");
				html_text(&h, when);
			}
			third_party_flag(r, &h, hit);
			html_close(&h, "p");
			snippet(&h, hit);
			html_close(&h, "li");
		}
		html_close(&h, "ol");
		if (total)
			downloads(&h, &st);
		html_close(&h, "div");
		facets(&h, &st, fac);
		html_close(&h, "div");
	}
	e = pk_end(&h, o);
out:
	rr_buf_free(&feed);
	json_decref(results);
	json_decref(fac);
	return e;
}
