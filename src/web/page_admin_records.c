/* page_admin_records.c - on /beheer, per body: links to new partnerships and
 * results and to the budget page, the body's partnerships and results with
 * their edit pages, and the follow-up actions that are overdue (status not
 * done or dropped and due before today, as in the evaluation). Called from
 * page_admin.c's body section; reads through r->viewer. */
#include <stdio.h>
#include <string.h>

#include "model/lifecycle.h"
#include "model/record.h"
#include "web/adminkit.h"

static void h3(html *h, const char *text)
{
	html_open_c(h, "h3", "utrecht-heading-3");
	html_text(h, text);
	html_close(h, "h3");
}

static void link_item(html *h, const char *url, const char *text)
{
	html_open_c(h, "li", "utrecht-unordered-list__item");
	layout_link(h, url, text);
	html_close(h, "li");
}

/* A cell with a link to prefix + id (edit page) when edit, else text. */
static void link_cell(html *h, bool edit, const char *which, const char *id, const char *text)
{
	html_open_c(h, "td", "utrecht-table__cell");
	if (edit && !strcmp(which, "p"))
		pk_link(h, "/beheer/partnerschappen/", id, text);
	else if (edit)
		pk_link(h, "/beheer/resultaten/", id, text);
	else if (!strcmp(which, "p"))
		pk_link(h, "/partnerschappen/", id, text);
	else
		html_text(h, text);
	html_close(h, "td");
}

static bool follow_up_late(const json_t *f, const rr_date *today, long *days)
{
	const char *st = rr_rec_str(f, "status");
	rr_date due = rr_rec_date(f, "due");

	if ((st && (!strcmp(st, "done") || !strcmp(st, "dropped"))) || !due.prec ||
	    rr_date_last(&due) >= rr_date_first(today))
		return false;
	*days = rr_date_first(today) - rr_date_last(&due);
	return true;
}

static void overdue_follow_ups(html *h, const json_t *results, bool edit)
{
	static const char *const heads[] = {"Resultaat", "Actie", "Eigenaar", "Uiterlijk",
		"Dagen te laat"};
	static const int numeric[] = {0, 0, 0, 0, 1};
	rr_date today = rr_today();
	const json_t *res, *f;
	size_t i, j, n = 0;

	h3(h, "Vervolgacties die te laat zijn");
	json_array_foreach(results, i, res) {
		json_array_foreach(json_object_get(res, "follow_up"), j, f) {
			char days[24];
			long late;

			if (!follow_up_late(f, &today, &late))
				continue;
			if (!n++)
				layout_table_begin(h, "Vervolgacties na de uiterste datum", heads,
						   numeric, 5);
			snprintf(days, sizeof days, "%ld", late);
			layout_row_begin(h);
			link_cell(h, edit, "r", rr_rec_str(res, "id"), rr_rec_str(res, "title"));
			layout_cell(h, rr_rec_str(f, "action"), 0);
			layout_cell(h, rr_rec_str(f, "owner") ? rr_rec_str(f, "owner") : "", 0);
			char dd[64];
			pk_dates(dd, sizeof dd, rr_rec_str(f, "due"), NULL);
			layout_cell(h, dd, 0);
			layout_cell(h, days, 1);
			layout_row_end(h);
		}
	}
	if (n)
		layout_table_end(h);
	else
		layout_paragraph(h, "Er zijn geen vervolgacties te laat.");
}

static void partnerships_table(html *h, const json_t *list, bool edit)
{
	static const char *const heads[] = {"Partner", "Vorm", "Sinds", "Openbaar"};
	const json_t *p;
	size_t i;

	h3(h, "Partnerschappen");
	if (!json_array_size(list)) {
		layout_paragraph(h, "Nog geen partnerschappen.");
		return;
	}
	layout_table_begin(h, "Partnerschappen, ook niet openbare", heads, NULL, 4);
	json_array_foreach(list, i, p) {
		const char *name = rr_rec_str(json_object_get(p, "partner"), "name");
		layout_row_begin(h);
		link_cell(h, edit, "p", rr_rec_str(p, "id"), name ? name : rr_rec_str(p, "id"));
		layout_cell(h, pk_partnership_label(rr_rec_str(p, "type")), 0);
		char d[64];
		pk_dates(d, sizeof d, rr_rec_str(p, "since"), NULL);
		layout_cell(h, d, 0);
		layout_cell(h, rr_rec_bool(p, "public") ? "ja" : "nee", 0);
		layout_row_end(h);
	}
	layout_table_end(h);
}

static void results_table(html *h, const json_t *list, bool edit)
{
	static const char *const heads[] = {"Resultaat", "Soort", "Datum", "Vervolgacties",
		"Openbaar"};
	static const int numeric[] = {0, 0, 0, 1, 0};
	const json_t *res;
	size_t i;

	h3(h, "Resultaten");
	if (!json_array_size(list)) {
		layout_paragraph(h, "Nog geen resultaten.");
		return;
	}
	layout_table_begin(h, "Resultaten, ook niet openbare", heads, numeric, 5);
	json_array_foreach(list, i, res) {
		char n[24];
		snprintf(n, sizeof n, "%zu", json_array_size(json_object_get(res, "follow_up")));
		layout_row_begin(h);
		link_cell(h, edit, "r", rr_rec_str(res, "id"), rr_rec_str(res, "title"));
		char d[64];
		const char *tl = rr_enum_label(rr_result_type_values, rr_rec_str(res, "type"));
		pk_dates(d, sizeof d, rr_rec_str(res, "date"), NULL);
		layout_cell(h, tl ? tl : "", 0);
		layout_cell(h, d, 0);
		layout_cell(h, n, 1);
		layout_cell(h, rr_rec_bool(res, "public") ? "ja" : "nee", 0);
		layout_row_end(h);
	}
	layout_table_end(h);
}

static void gifts_table(html *h, const json_t *list, bool edit)
{
	static const char *const heads[] = {"Geschenk", "Gever", "Datum", "Openbaar"};
	const json_t *g;
	size_t i;

	h3(h, "Geschenken");
	if (!json_array_size(list)) {
		layout_paragraph(h, "Nog geen geschenken.");
		return;
	}
	layout_table_begin(h, "Geschenken, ook niet openbare", heads, NULL, 4);
	json_array_foreach(list, i, g) {
		char d[64];
		pk_dates(d, sizeof d, rr_rec_str(g, "date"), NULL);
		if (!d[0])
			snprintf(d, sizeof d, "niet vermeld");
		layout_row_begin(h);
		html_open_c(h, "td", "utrecht-table__cell");
		if (edit)
			pk_link(h, "/beheer/geschenken/", rr_rec_str(g, "id"), rr_rec_str(g, "description"));
		else
			html_text(h, rr_rec_str(g, "description"));
		html_close(h, "td");
		layout_cell(h, rr_rec_str(g, "giver") ? rr_rec_str(g, "giver") : "niet vermeld", 0);
		layout_cell(h, d, 0);
		layout_cell(h, rr_rec_bool(g, "public") ? "ja" : "nee", 0);
		layout_row_end(h);
	}
	layout_table_end(h);
}

void ak_body_records(rr_req *r, html *h, const char *org)
{
	bool edit = rr_can(r->principal, org, RR_CAP_EDIT);
	json_t *ps = NULL, *rs = NULL, *gs = NULL;
	char url[200];

	if (!rr_can(r->principal, org, RR_CAP_READ | RR_CAP_EDIT | RR_CAP_ADMIN | RR_CAP_DECIDE))
		return;
	html_open_c(h, "ul", "utrecht-unordered-list");
	if (edit) {
		snprintf(url, sizeof url, "/beheer/partnerschappen/nieuw?organisation=%s", org);
		link_item(h, url, "Nieuw partnerschap");
		snprintf(url, sizeof url, "/beheer/resultaten/nieuw?organisation=%s", org);
		link_item(h, url, "Nieuw resultaat");
	}
	if (rr_can(r->principal, org, RR_CAP_ADMIN)) {
		snprintf(url, sizeof url, "/beheer/organisaties/%s/budget", org);
		link_item(h, url, "Budget, FTE en instellingen");
	}
	html_close(h, "ul");
	if (!rr_can(r->principal, org, RR_CAP_READ) && !edit)
		return;
	if (rr_store_list(r->store, RR_K_RESULT, org, 0, r->viewer, &rs) == RR_OK) {
		overdue_follow_ups(h, rs, edit);
		if (rr_store_list(r->store, RR_K_PARTNERSHIP, org, 0, r->viewer, &ps) == RR_OK)
			partnerships_table(h, ps, edit);
		results_table(h, rs, edit);
	}
	json_decref(ps);
	json_decref(rs);
	if (rr_store_list(r->store, RR_K_GIFT, org, 0, r->viewer, &gs) == RR_OK)
		gifts_table(h, gs, edit);
	json_decref(gs);
}
