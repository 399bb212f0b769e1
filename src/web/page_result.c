/* page_result.c - one result of a trip or a relation (/resultaten/{id}):
 * what it is, its figures with their evidence, the trip and partnership it
 * belongs to, follow-up actions and sources. */
#include <stdio.h>
#include <string.h>

#include "model/record.h"
#include "web/evidence.h"
#include "web/pages.h"

static const char *label(const char *const *values, const char *v, const char *none)
{
	const char *l = rr_enum_label(values, v);
	return l ? l : v ? v : none;
}

static void follow_ups(html *h, const json_t *list)
{
	static const char *const heads[] = {"Actie", "Wie", "Uiterlijk", "Stand"};
	const json_t *f;
	size_t i;

	if (!json_array_size(list))
		return;
	layout_h2(h, "Vervolgacties");
	layout_table_begin(h, "Vervolgacties", heads, NULL, 4);
	json_array_foreach(list, i, f) {
		char d[64];
		pk_dates(d, sizeof d, rr_rec_str(f, "due"), NULL);
		layout_row_begin(h);
		layout_cell(h, rr_rec_str(f, "action"), 0);
		layout_cell(h, rr_rec_str(f, "owner") ? rr_rec_str(f, "owner") : "niet vermeld", 0);
		layout_cell(h, *d ? d : "niet vermeld", 0);
		layout_cell(h, label(rr_followup_status_values, rr_rec_str(f, "status"), "niet vermeld"), 0);
		layout_row_end(h);
	}
	layout_table_end(h);
}

/* The documents a record's sources name, linked to their pages. */
void pk_sources(rr_req *r, html *h, const json_t *rec)
{
	const json_t *list = json_object_get(rec, "sources"), *s;
	size_t i;

	if (!json_array_size(list))
		return;
	layout_h2(h, "Bronnen");
	html_open_c(h, "ul", "utrecht-unordered-list");
	json_array_foreach(list, i, s) {
		const char *docid = rr_rec_str(s, "document"), *url = rr_rec_str(s, "url");
		const char *title = rr_rec_str(s, "title");
		json_t *doc = NULL;
		char d[64] = "";

		html_open_c(h, "li", "utrecht-unordered-list__item");
		if (docid && rr_store_get(r->store, RR_K_DOCUMENT, docid, r->viewer, &doc) == RR_OK) {
			pk_link(h, "/documenten/", docid, rr_rec_str(doc, "title"));
			pk_dates(d, sizeof d, rr_rec_str(doc, "date"), NULL);
			if (rr_enum_label(rr_doc_kind_values, rr_rec_str(doc, "kind"))) {
				html_raw_trusted(h, " (");
				html_text(h, rr_enum_label(rr_doc_kind_values, rr_rec_str(doc, "kind")));
				if (*d) {
					html_raw_trusted(h, ", ");
					html_text(h, d);
				}
				html_raw_trusted(h, ")");
			}
		} else if (url) {
			layout_link(h, url, title ? title : url);
		} else {
			html_text(h, title ? title : "bron zonder titel");
		}
		json_decref(doc);
		html_close(h, "li");
	}
	html_close(h, "ul");
}

rr_err page_result(rr_req *r, rr_resp *o)
{
	json_t *res = NULL, *trip = NULL, *part = NULL;
	const json_t *x;
	char m[64], orgurl[160], namebuf[300], d[64];
	const char *org, *orgname, *title;
	size_t i;
	html h;
	rr_err e;

	/* public: the viewer decides what is shown */
	if ((e = rr_store_get(r->store, RR_K_RESULT, rr_req_cap(r, "id"), r->viewer, &res)))
		return e;
	org = rr_rec_str(res, "organisation");
	title = rr_rec_str(res, "title");
	orgname = pk_org_name(r, org, namebuf, sizeof namebuf);
	if (!orgname)
		orgname = org;
	snprintf(orgurl, sizeof orgurl, "/o/%s", org);
	layout_crumb crumbs[] = {{"Home", "/"}, {orgname, orgurl}, {title, NULL}};
	pk_begin(&h, o, title, crumbs, 3, NULL);
	layout_h1(&h, title);
	pk_dl_begin(&h);
	pk_item_begin(&h, "Orgaan");
	layout_link(&h, orgurl, orgname);
	pk_item_end(&h);
	pk_item(&h, "Soort", label(rr_result_type_values, rr_rec_str(res, "type"), "niet vermeld"));
	pk_item(&h, "Soort overeenkomst", rr_enum_label(rr_agreement_values, rr_rec_str(res, "agreement")));
	pk_item(&h, "Thema", label(rr_theme_values, rr_rec_str(res, "theme"), "zonder thema"));
	pk_dates(d, sizeof d, rr_rec_str(res, "date"), NULL);
	pk_item(&h, "Datum", *d ? d : "niet vermeld");
	pk_item_begin(&h, "Bedrag");
	pk_money_json(m, sizeof m, json_object_get(res, "amount_eur"));
	html_text(&h, m);
	if (!ev_link(&h, RR_K_RESULT, res, "amount_eur", "het bedrag") &&
	    json_object_get(res, "amount_eur"))
		ev_link(&h, RR_K_RESULT, res, "description", "het bedrag");
	pk_item_end(&h);
	pk_item_begin(&h, "Banen");
	if (json_object_get(res, "jobs"))
		pk_int(m, sizeof m, rr_rec_count(res, "jobs", 0));
	else
		snprintf(m, sizeof m, "onbekend");
	html_text(&h, m);
	if (!ev_link(&h, RR_K_RESULT, res, "jobs", "het aantal banen") &&
	    json_object_get(res, "jobs"))
		ev_link(&h, RR_K_RESULT, res, "description", "het aantal banen");
	pk_item_end(&h);
	if (rr_rec_str(res, "scope")) {
		pk_item_begin(&h, "Geldt voor");
		html_text(&h, label(rr_scope_values, rr_rec_str(res, "scope"), ""));
		if (rr_rec_str(res, "scope_note")) {
			html_raw_trusted(&h, ": ");
			html_text(&h, rr_rec_str(res, "scope_note"));
		}
		pk_item_end(&h);
	}
	if (json_array_size(json_object_get(res, "parties"))) {
		pk_item_begin(&h, "Partijen");
		json_array_foreach(json_object_get(res, "parties"), i, x) {
			if (i)
				html_raw_trusted(&h, ", ");
			html_text(&h, json_string_value(x));
		}
		pk_item_end(&h);
	}
	if (rr_rec_str(res, "trip") &&
	    rr_store_get(r->store, RR_K_TRIP, rr_rec_str(res, "trip"), r->viewer, &trip) == RR_OK) {
		pk_item_begin(&h, "Reis");
		pk_link(&h, "/reizen/", rr_rec_str(trip, "id"), rr_rec_str(trip, "title"));
		pk_item_end(&h);
	}
	if (rr_rec_str(res, "partnership") &&
	    rr_store_get(r->store, RR_K_PARTNERSHIP, rr_rec_str(res, "partnership"), r->viewer,
			 &part) == RR_OK) {
		pk_item_begin(&h, "Partnerschap");
		pk_link(&h, "/partnerschappen/", rr_rec_str(part, "id"),
			rr_rec_str(json_object_get(part, "partner"), "name"));
		pk_item_end(&h);
	}
	pk_dl_end(&h);
	if (rr_rec_str(res, "description")) {
		layout_h2(&h, "Beschrijving");
		pk_markdown(&h, rr_rec_str(res, "description"));
		if (ev_find(res, "description", 0)) {
			html_open_c(&h, "p", "utrecht-paragraph");
			html_raw_trusted(&h, "Waar dit in het document staat:");
			ev_link(&h, RR_K_RESULT, res, "description", "de beschrijving");
			html_close(&h, "p");
		}
	}
	follow_ups(&h, json_object_get(res, "follow_up"));
	pk_sources(r, &h, res);
	e = pk_end(&h, o);
	json_decref(res);
	json_decref(trip);
	json_decref(part);
	return e;
}
