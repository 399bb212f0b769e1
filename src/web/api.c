/* api.c - the open-data API under /api/v1/: JSON (jansson) and CSV.
 * Errors are {"error":{"code":...,"message":...}} (page_error). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "model/country.h"
#include "model/record.h"
#include "model/lifecycle.h"
#include "model/co2.h"
#include "report/csv.h"
#include "model/totals.h"
#include "report/xlsx.h"
#include "store/search.h"
#include "web/pages.h"
#include "web/routes.h"

#define API_LIMIT_MAX 1000

typedef struct filters {
	const char *organisation, *person, *q, *kind, *direction;
	char country[3];
	int year;
	size_t limit, offset;
	bool third_party;  /* ?third_party=1: a cost paid by another party */
} filters;

static bool parse_size(const char *s, size_t max, size_t *out)
{
	char *end;
	unsigned long v;

	if (!s)
		return true;
	if (!isdigit((unsigned char)s[0]))
		return false;
	v = strtoul(s, &end, 10);
	if (*end || v > max)
		return false;
	*out = v;
	return true;
}

/* Reads and checks the filter parameters; on a bad one writes the error. */
static bool read_filters(rr_req *r, rr_resp *o, filters *f, size_t dflt_limit)
{
	const char *y = rr_req_param(r, "year"), *c = rr_req_param(r, "country");

	memset(f, 0, sizeof *f);
	f->organisation = rr_req_param(r, "organisation");
	f->person = rr_req_param(r, "person");
	f->q = rr_req_param(r, "q");
	f->kind = rr_req_param(r, "kind");
	f->direction = rr_req_param(r, "direction");
	f->third_party = rr_req_param(r, "third_party") && !strcmp(rr_req_param(r, "third_party"), "1");
	f->limit = dflt_limit;
	if (f->organisation && !rr_route_param_ok("code", f->organisation)) {
		page_error(o, 400, "bad_parameter", "organisation: geen geldige code (a-z, 0-9, . _ -)");
		return false;
	}
	if (y) {
		if (!rr_route_param_ok("year", y)) {
			page_error(o, 400, "bad_parameter", "year: een jaar met vier cijfers, zoals 2023");
			return false;
		}
		f->year = atoi(y);
	}
	if (c) {
		if (strlen(c) != 2) {
			page_error(o, 400, "bad_parameter", "country: een landcode van twee letters (ISO 3166-1)");
			return false;
		}
		f->country[0] = (char)toupper((unsigned char)c[0]);
		f->country[1] = (char)toupper((unsigned char)c[1]);
		if (!rr_country_valid(f->country)) {
			page_error(o, 400, "bad_parameter", "country: een landcode van twee letters (ISO 3166-1)");
			return false;
		}
	}
	if (f->person && strlen(f->person) > 200) {
		page_error(o, 400, "bad_parameter", "person: te lang");
		return false;
	}
	if (!parse_size(rr_req_param(r, "limit"), API_LIMIT_MAX, &f->limit) ||
	    !parse_size(rr_req_param(r, "offset"), 100000000, &f->offset)) {
		page_error(o, 400, "bad_parameter", "limit (1-1000) of offset is geen geldig getal");
		return false;
	}
	return true;
}

/* The trips matching f, canonical objects, newest first; with q, the
 * search decides (best first). */
static rr_err find_trips(rr_req *r, const filters *f, json_t **trips, size_t *total)
{
	if (!f->q) {
		rr_trip_query q = {.organisation = f->organisation, .year = f->year,
			.country = f->country[0] ? f->country : NULL, .person = f->person,
			.kind = f->kind, .direction = f->direction, .limit = f->limit,
			.third_party_paid = f->third_party,
			.offset = f->offset};
		return rr_store_trips(r->store, &q, r->viewer, trips, total);
	}
	rr_search_query sq = {.q = f->q, .organisation = f->organisation, .year = f->year,
		.country = f->country[0] ? f->country : NULL, .person = f->person,
		.kind = f->kind, .direction = f->direction, .third_party_paid = f->third_party,
		.limit = f->limit ? f->limit : API_LIMIT_MAX, .offset = f->offset};
	json_t *hits = NULL, *out = json_array();
	const json_t *hit;
	size_t i;
	rr_err e;

	if (!out)
		return RR_ENOMEM;
	if ((e = rr_store_search(r->store, &sq, r->viewer, &hits, NULL, total))) {
		json_decref(out);
		return e;
	}
	json_array_foreach(hits, i, hit) {
		json_t *t = NULL;
		if (rr_store_get(r->store, RR_K_TRIP, rr_rec_str(hit, "id"), r->viewer, &t) == RR_OK)
			json_array_append_new(out, t);
	}
	json_decref(hits);
	*trips = out;
	return RR_OK;
}

rr_err api_trips(rr_req *r, rr_resp *o)
{
	filters f;
	json_t *trips = NULL;
	size_t total = 0;
	rr_err e;

	if (!read_filters(r, o, &f, API_LIMIT_MAX))
		return RR_OK;
	if ((e = find_trips(r, &f, &trips, &total)))
		return e;
	json_t *doc = json_pack("{s:o,s:I}", "trips", trips, "total", (json_int_t)total);
	if (!doc)
		return RR_ENOMEM;
	e = pk_json(o, doc);
	json_decref(doc);
	return e;
}

#define CSV_PAGE 256 /* trips read and written at a time for a whole list */

/* Every trip matching f (no search, no limit), CSV_PAGE at a time: the
 * documents held at once do not grow with the list. The header is the
 * first page's; later pages' rows follow it. */
static rr_err csv_paged(rr_req *r, filters *f, const json_t *bycode, rr_buf *out)
{
	rr_buf head, page;
	json_t *none = json_array();
	size_t head_len;
	rr_err e;

	rr_buf_init(&head, 1 << 16);
	e = none ? rr_csv_trips(&head, none, NULL) : RR_ENOMEM;
	head_len = head.len;
	json_decref(none);
	rr_buf_free(&head);
	f->limit = CSV_PAGE;
	for (f->offset = 0; !e; f->offset += CSV_PAGE) {
		json_t *trips = NULL;
		size_t n;

		if ((e = find_trips(r, f, &trips, NULL)))
			break;
		n = json_array_size(trips);
		if (f->offset == 0) {
			e = rr_csv_trips(out, trips, bycode);
		} else if (n) {
			rr_buf_init(&page, out->max);
			if (!(e = rr_csv_trips(&page, trips, bycode)))
				e = rr_buf_add(out, rr_buf_cstr(&page) + head_len,
					       page.len - head_len);
			rr_buf_free(&page);
		}
		json_decref(trips);
		if (n < CSV_PAGE)
			break;
	}
	return e;
}

rr_err api_trips_csv(rr_req *r, rr_resp *o)
{
	filters f;
	json_t *trips = NULL, *orgs = NULL, *bycode = NULL;
	size_t total = 0;
	rr_err e;

	if (!read_filters(r, o, &f, 0))
		return RR_OK;
	if ((e = rr_store_list(r->store, RR_K_ORGANISATION, NULL, 0, r->viewer, &orgs)) ||
	    !(bycode = rr_co2_orgs_by_code(orgs))) {
		e = e ? e : RR_ENOMEM;
		goto out;
	}
	o->ctype = RR_CT_CSV;
	o->disposition = "attachment; filename=\"reizen.csv\"";
	if (!f.q && !f.limit) {
		e = csv_paged(r, &f, bycode, &o->body);
		goto out;
	}
	if ((e = find_trips(r, &f, &trips, &total)))
		goto out;
	e = rr_csv_trips(&o->body, trips, bycode);
out:
	json_decref(trips);
	json_decref(orgs);
	json_decref(bycode);
	return e;
}

rr_err api_trips_xlsx(rr_req *r, rr_resp *o)
{
	filters f;
	json_t *trips = NULL, *orgs = NULL, *bycode = json_object(), *x;
	rr_date today = rr_today();
	size_t total = 0, i;
	rr_err e;

	/* public: the viewer decides what is shown */
	if (!read_filters(r, o, &f, 0)) {
		json_decref(bycode);
		return RR_OK;
	}
	if ((e = find_trips(r, &f, &trips, &total)) ||
	    (e = rr_store_list(r->store, RR_K_ORGANISATION, NULL, 0, r->viewer, &orgs)))
		goto out;
	json_array_foreach(orgs, i, x)
		json_object_set(bycode, rr_rec_str(x, "id"), x);
	o->ctype = RR_CT_XLSX;
	o->disposition = "attachment; filename=\"reizen.xlsx\"";
	o->no_store = true; /* late reports depend on today */
	e = rr_xlsx_trips(&o->body, trips, bycode, &today);
out:
	json_decref(trips);
	json_decref(orgs);
	json_decref(bycode);
	return e;
}

rr_err api_trip(rr_req *r, rr_resp *o)
{
	json_t *t = NULL;
	rr_err e = rr_store_get(r->store, RR_K_TRIP, rr_req_cap(r, "id"), r->viewer, &t);

	if (e == RR_ENOTFOUND) {
		page_error(o, 404, "not_found", "Deze reis bestaat niet of is niet openbaar.");
		return RR_OK;
	}
	if (e)
		return e;
	e = pk_json(o, t);
	json_decref(t);
	return e;
}

/* The CO₂ estimate of one trip with its body's factors (co2.h): the same
 * figure as the trip page; a cancelled trip's is the estimate of its plan,
 * and "counts" says whether it counts in the sums. */
rr_err api_trip_co2(rr_req *r, rr_resp *o)
{
	json_t *t = NULL, *org = NULL, *out = NULL;
	rr_co2_setup st;
	rr_co2 c;
	rr_err e = rr_store_get(r->store, RR_K_TRIP, rr_req_cap(r, "id"), r->viewer, &t);

	/* public: the viewer decides what is shown */
	if (e == RR_ENOTFOUND) {
		page_error(o, 404, "not_found", "Deze reis bestaat niet of is niet openbaar.");
		return RR_OK;
	}
	if (e)
		return e;
	e = rr_store_get(r->store, RR_K_ORGANISATION, rr_rec_str(t, "organisation"), r->viewer,
			 &org);
	if (e && e != RR_ENOTFOUND)
		goto out;
	rr_co2_setup_of(org, &st);
	if (!rr_co2_trip(t, &st, &c)) {
		page_error(o, 404, "not_found", "Van deze reis is geen CO₂-schatting: het is een "
			   "ontvangen delegatie of geen bestemming heeft bekende coördinaten.");
		e = RR_OK;
		goto out;
	}
	if (!(out = rr_co2_json(&c))) {
		e = RR_ENOMEM;
		goto out;
	}
	json_object_set_new(out, "trip", json_string(rr_rec_str(t, "id")));
	json_object_set_new(out, "counts", json_boolean(rr_trip_counts(t)));
	e = pk_json(o, out);
out:
	json_decref(t);
	json_decref(org);
	json_decref(out);
	return e;
}

static rr_err list_kind(rr_req *r, rr_resp *o, rr_kind k, const char *key)
{
	const char *org = rr_req_param(r, "organisation");
	json_t *list = NULL, *doc;
	rr_err e;

	if (org && !rr_route_param_ok("code", org)) {
		page_error(o, 400, "bad_parameter", "organisation: geen geldige code");
		return RR_OK;
	}
	if ((e = rr_store_list(r->store, k, k == RR_K_ORGANISATION ? NULL : org, 0,
			       r->viewer, &list)))
		return e;
	if (!(doc = json_pack("{s:o}", key, list)))
		return RR_ENOMEM;
	e = pk_json(o, doc);
	json_decref(doc);
	return e;
}

rr_err api_organisations(rr_req *r, rr_resp *o)
{
	return list_kind(r, o, RR_K_ORGANISATION, "organisations");
}

rr_err api_partnerships(rr_req *r, rr_resp *o)
{
	return list_kind(r, o, RR_K_PARTNERSHIP, "partnerships");
}

rr_err api_search(rr_req *r, rr_resp *o)
{
	filters f;
	json_t *results = NULL, *facets = NULL, *doc;
	size_t total = 0;
	rr_err e;

	if (!read_filters(r, o, &f, 20))
		return RR_OK;
	if (!f.q) {
		page_error(o, 400, "missing_parameter", "q: geef een zoekterm op");
		return RR_OK;
	}
	rr_search_query sq = {.q = f.q, .organisation = f.organisation, .year = f.year,
		.country = f.country[0] ? f.country : NULL, .person = f.person,
		.kind = f.kind, .direction = f.direction, .third_party_paid = f.third_party,
		.limit = f.limit, .offset = f.offset};
	if ((e = rr_store_search(r->store, &sq, r->viewer, &results, &facets, &total)))
		return e;
	if (!(doc = json_pack("{s:o,s:o,s:I}", "results", results, "facets", facets,
			      "total", (json_int_t)total)))
		return RR_ENOMEM;
	e = pk_json(o, doc);
	json_decref(doc);
	return e;
}
