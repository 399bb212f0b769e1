/* page_search.c - full-text search (/search?q=...) with facets as links and
 * highlighted snippets. A plain GET form: works without JavaScript. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/country.h"
#include "model/record.h"
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

/* href="/search?q=Q&k=v..." with filter `set` set to `value` (NULL:
 * removed); other filters kept. */
static void search_href(html *h, const search_state *st, size_t set, const char *value)
{
	html_attr_begin(h, "href");
	html_raw_trusted(h, "/search?q=");
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

static void form(html *h, const search_state *st)
{
	html_open_c(h, "form", "rr-search-form");
	html_attr(h, "action", "/search");
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
	for (size_t i = 0; i < NFILTERS; i++) {
		if (!st->val[i])
			continue;
		html_open(h, "input");
		html_attr(h, "type", "hidden");
		html_attr(h, "name", filter_keys[i]);
		html_attr(h, "value", st->val[i]);
	}
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
	pk_begin(&h, o, st.q ? "Zoekresultaten" : "Zoeken", crumbs, 2, "/search");
	layout_h1(&h, "Zoeken in het register");
	form(&h, &st);
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
			pk_link(&h, "/trips/", rr_rec_str(hit, "id"), rr_rec_str(hit, "title"));
			html_close(&h, "h2");
			pk_dates(when, sizeof when, rr_rec_str(hit, "start"), rr_rec_str(hit, "end"));
			html_open_c(&h, "p", "rr-meta");
			html_text(&h, rr_rec_str(hit, "organisation"));
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
		html_close(&h, "div");
		facets(&h, &st, fac);
		html_close(&h, "div");
	}
	e = pk_end(&h, o);
	json_decref(results);
	json_decref(fac);
	return e;
}
