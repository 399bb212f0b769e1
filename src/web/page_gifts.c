/* page_gifts.c - the gifts register: a body's gifts per year
 * (/o/{code}/geschenken?jaar=YYYY) and as open data (/api/v1/gifts,
 * /api/v1/gifts.csv). A gift's value is compared with the body's threshold
 * (gift_threshold_eur, default 50 euros). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/record.h"
#include "report/csv.h"
#include "web/pages.h"
#include "web/routes.h"

#define GIFT_THRESHOLD_DEFAULT_CENTS 5000

static long long threshold_cents(const json_t *org)
{
	json_t *t = json_object_get(org, "gift_threshold_eur");
	return t ? rr_amount_cents(t) : GIFT_THRESHOLD_DEFAULT_CENTS;
}

static const char *disposition_label(const char *d)
{
	static const char *const map[][2] = {
		{"kept_by_body", "eigendom van de organisatie"}, {"displayed", "tentoongesteld"},
		{"donated", "geschonken aan een goed doel"}, {"returned", "teruggegeven"},
		{"kept_by_recipient", "behouden door de ontvanger"}, {"shared", "gedeeld met medewerkers"},
		{"other", "anders"},
	};
	for (size_t i = 0; d && i < sizeof map / sizeof map[0]; i++)
		if (!strcmp(map[i][0], d))
			return map[i][1];
	return d ? d : "";
}

/* Reads ?organisation= / {code} and ?year= / ?jaar=; writes the error. */
static bool gift_filters(rr_req *r, rr_resp *o, const char **org, int *year)
{
	const char *y = rr_req_param(r, "year");

	if (!y)
		y = rr_req_param(r, "jaar");
	*org = rr_req_cap(r, "code");
	if (!*org)
		*org = rr_req_param(r, "organisation");
	*year = 0;
	if (*org && !rr_route_param_ok("code", *org)) {
		page_error(o, 400, "bad_parameter", "organisation: geen geldige code");
		return false;
	}
	if (y) {
		if (!rr_route_param_ok("year", y)) {
			page_error(o, 400, "bad_parameter", "year: een jaar met vier cijfers, zoals 2023");
			return false;
		}
		*year = atoi(y);
	}
	return true;
}

/* Gifts newest first, those without a date after all dated ones, each
 * group in the order of their ids (the store lists by id). */
static int by_date_desc(const void *a, const void *b)
{
	const json_t *ga = *(json_t *const *)a, *gb = *(json_t *const *)b;
	const char *x = rr_rec_str(ga, "date"), *y = rr_rec_str(gb, "date");
	const char *ia = rr_rec_str(ga, "id"), *ib = rr_rec_str(gb, "id");
	int c = strcmp(y ? y : "", x ? x : "");
	return c ? c : strcmp(ia ? ia : "", ib ? ib : "");
}

/* A fact of a gift, or "niet vermeld" when its source does not state it. */
static const char *stated(const json_t *g, const char *key)
{
	const char *v = rr_rec_str(g, key);
	return v ? v : "niet vermeld";
}

static json_t *sorted(json_t *arr)
{
	size_t n = json_array_size(arr), i;
	json_t **v = n ? malloc(n * sizeof *v) : NULL, *out = json_array();
	if (!v)
		return out;
	for (i = 0; i < n; i++)
		v[i] = json_array_get(arr, i);
	qsort(v, n, sizeof *v, by_date_desc);
	for (i = 0; i < n; i++)
		json_array_append(out, v[i]);
	free(v);
	return out;
}

static void gift_table(html *h, const json_t *gifts, long long threshold)
{
	static const char *const heads[] = {"Datum", "Gever", "Ontvanger", "Omschrijving",
		"Geschatte waarde", "Bestemming", "Reis"};
	static const int numeric[] = {0, 0, 0, 0, 1, 0, 0};
	const json_t *g;
	size_t i;

	layout_table_begin(h, "Geregistreerde geschenken", heads, numeric, 7);
	json_array_foreach(gifts, i, g) {
		char d[64], val[64] = "";
		json_t *v = json_object_get(g, "value_eur");
		pk_dates(d, sizeof d, rr_rec_str(g, "date"), NULL);
		if (!d[0])
			snprintf(d, sizeof d, "niet vermeld");
		if (v) {
			pk_money(val, sizeof val, rr_amount_cents(v));
			if (rr_amount_cents(v) > threshold)
				strncat(val, " (boven de drempel)", sizeof val - strlen(val) - 1);
		}
		layout_row_begin(h);
		layout_cell(h, d, 0);
		layout_cell(h, stated(g, "giver"), 0);
		layout_cell(h, stated(g, "recipient"), 0);
		layout_cell(h, rr_rec_str(g, "description"), 0);
		layout_cell(h, v ? val : "onbekend", 1);
		html_open_c(h, "td", "utrecht-table__cell");
		if (rr_rec_str(g, "disposition")) {
			html_text(h, disposition_label(rr_rec_str(g, "disposition")));
			if (rr_rec_str(g, "disposition_note"))
				html_raw_trusted(h, ": ");
		}
		if (rr_rec_str(g, "disposition_note"))
			html_text(h, rr_rec_str(g, "disposition_note"));
		else if (!rr_rec_str(g, "disposition"))
			html_raw_trusted(h, "niet vermeld");
		html_close(h, "td");
		html_open_c(h, "td", "utrecht-table__cell");
		if (rr_rec_str(g, "trip"))
			pk_link(h, "/reizen/", rr_rec_str(g, "trip"), "naar de reis");
		html_close(h, "td");
		layout_row_end(h);
	}
	layout_table_end(h);
}

/* On a year's page: where the gifts without a date are, when there are
 * any the viewer may see (they belong to no year). */
static void undated_note(html *h, rr_req *r, const char *code)
{
	json_t *all = NULL, *g;
	size_t i, n = 0;

	if (rr_store_list(r->store, RR_K_GIFT, code, 0, r->viewer, &all))
		return;
	json_array_foreach(all, i, g)
		n += !rr_rec_str(g, "date");
	json_decref(all);
	if (!n)
		return;
	html_open_c(h, "p", "utrecht-paragraph");
	html_textf(h, "%zu %s zonder vermelde datum %s bij geen jaar; ", n,
		   n == 1 ? "geschenk" : "geschenken", n == 1 ? "staat" : "staan");
	html_open_c(h, "a", "utrecht-link");
	html_attr_begin(h, "href");
	html_raw_trusted(h, "/o/");
	html_urlpart(h, code);
	html_raw_trusted(h, "/geschenken");
	html_attr_end(h);
	html_raw_trusted(h, "alle jaren");
	html_close(h, "a");
	html_raw_trusted(h, " toont ze.");
	html_close(h, "p");
}

rr_err page_gifts(rr_req *r, rr_resp *o)
{
	const char *code;
	int year;
	json_t *org = NULL, *all = NULL, *gifts = NULL;
	char title[300], orghref[140], thr[64], ystr[8];
	html h;
	rr_err e;

	if (!gift_filters(r, o, &code, &year))
		return RR_OK;
	if ((e = rr_store_get(r->store, RR_K_ORGANISATION, code, r->viewer, &org))) {
		page_error(o, 404, "not_found", "Deze organisatie staat niet in het register.");
		return RR_OK;
	}
	if ((e = rr_store_list(r->store, RR_K_GIFT, code, year, r->viewer, &all)))
		goto out;
	gifts = sorted(all);
	snprintf(ystr, sizeof ystr, "%d", year);
	snprintf(title, sizeof title, "Geschenkenregister %s%s%s", rr_rec_str(org, "name"),
		 year ? " " : "", year ? ystr : "");
	snprintf(orghref, sizeof orghref, "/o/%s", code);
	layout_crumb crumbs[] = {{"Home", "/"}, {rr_rec_str(org, "name"), orghref},
				 {"Geschenken", NULL}};
	pk_begin(&h, o, title, crumbs, 3, NULL);
	layout_h1(&h, title);
	pk_money(thr, sizeof thr, threshold_cents(org));
	html_open_c(&h, "p", "utrecht-paragraph");
	html_textf(&h, "Geschenken die bestuurders in functie ontvangen, met hun geschatte waarde "
		   "en wat ermee is gedaan. Geschenken met een waarde boven %s zijn gemarkeerd.", thr);
	html_close(&h, "p");
	if (!json_array_size(gifts))
		layout_paragraph(&h, year ? "Er zijn in dit jaar geen openbare geschenken geregistreerd."
					  : "Er zijn geen openbare geschenken geregistreerd.");
	else
		gift_table(&h, gifts, threshold_cents(org));
	if (year)
		undated_note(&h, r, code);
	html_open_c(&h, "p", "utrecht-paragraph");
	html_open_c(&h, "a", "utrecht-link");
	html_attr_begin(&h, "href");
	html_raw_trusted(&h, "/api/v1/gifts.csv?organisation=");
	html_urlpart(&h, code);
	if (year) {
		html_raw_trusted(&h, "&year=");
		html_urlpart(&h, ystr);
	}
	html_attr_end(&h);
	html_raw_trusted(&h, "Download als CSV");
	html_close(&h, "a");
	html_close(&h, "p");
	e = pk_end(&h, o);
out:
	if (e)
		page_error(o, 500, "internal", "Het geschenkenregister kon niet worden gelezen.");
	json_decref(org);
	json_decref(all);
	json_decref(gifts);
	return RR_OK;
}

/* The gifts of one body (or all bodies) that the viewer may see. */
static rr_err list_gifts(rr_req *r, const char *org, int year, json_t **out)
{
	json_t *all = NULL;
	rr_err e = rr_store_list(r->store, RR_K_GIFT, org, year, r->viewer, &all);
	if (e)
		return e;
	*out = sorted(all);
	json_decref(all);
	return RR_OK;
}

rr_err api_gifts(rr_req *r, rr_resp *o)
{
	const char *org;
	int year;
	json_t *gifts = NULL, *doc;
	rr_err e;

	if (!gift_filters(r, o, &org, &year))
		return RR_OK;
	if ((e = list_gifts(r, org, year, &gifts))) {
		page_error(o, 500, "internal", "Het geschenkenregister kon niet worden gelezen.");
		return RR_OK;
	}
	/* a fact the source does not state is null, not a missing key */
	json_t *g;
	size_t i;
	json_array_foreach(gifts, i, g)
		for (const char *const *k = (const char *const[]){"giver", "recipient", "date", NULL};
		     *k; k++)
			if (!json_object_get(g, *k))
				json_object_set_new(g, *k, json_null());
	doc = json_pack("{s:o, s:I}", "gifts", gifts, "total", (json_int_t)json_array_size(gifts));
	e = pk_json(o, doc);
	json_decref(doc);
	return e;
}

rr_err api_gifts_csv(rr_req *r, rr_resp *o)
{
	const char *org;
	int year;
	json_t *gifts = NULL, *orgrec = NULL;
	long long thr = GIFT_THRESHOLD_DEFAULT_CENTS;
	rr_err e;

	if (!gift_filters(r, o, &org, &year))
		return RR_OK;
	if ((e = list_gifts(r, org, year, &gifts))) {
		page_error(o, 500, "internal", "Het geschenkenregister kon niet worden gelezen.");
		return RR_OK;
	}
	if (org && rr_store_get(r->store, RR_K_ORGANISATION, org, r->viewer, &orgrec) == RR_OK)
		thr = threshold_cents(orgrec);
	o->ctype = RR_CT_CSV;
	e = rr_csv_gifts(&o->body, gifts, thr);
	json_decref(gifts);
	json_decref(orgrec);
	return e;
}
