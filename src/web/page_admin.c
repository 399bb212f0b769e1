/* page_admin.c - the start of signed-in work (/beheer) and the overdue
 * reports per body, public (/o/{code}/te-laat, /api/v1/overdue).
 *
 * /beheer lists, per body the user has a role for, its trips including the
 * unpublished ones (status, public or not, report deadline, days late), the
 * late reports and a completeness summary. The overdue lists read through
 * r->viewer, so anonymous visitors get public trips only. */
#include <stdio.h>
#include <string.h>

#include "model/lifecycle.h"
#include "model/record.h"
#include "store/bodies_store.h"
#include "web/adminkit.h"
#include "web/routes.h"

/* The trips of org that r may see (newest first). New array or NULL. */
static json_t *trips_of(rr_req *r, const char *org)
{
	rr_trip_query q = {.organisation = org};
	json_t *out = NULL;

	if (rr_store_trips(r->store, &q, r->viewer, &out, NULL))
		return NULL;
	return out;
}

/* The report's due date in Dutch ("30 juni 2023"), or "" when none. */
static void due_text(char *out, size_t n, const json_t *t, int period)
{
	rr_date due = rr_trip_report_due(t, period);
	char iso[RR_DATE_ISO_MAX];
	out[0] = '\0';
	if (!due.prec)
		return;
	rr_date_iso(&due, iso);
	pk_dates(out, n, iso, NULL);
}

static void trip_link_cell(html *h, const json_t *t, const char *prefix)
{
	html_open_c(h, "td", "utrecht-table__cell");
	html_open_c(h, "a", "utrecht-link");
	html_attr_begin(h, "href");
	if (!strcmp(prefix, "/beheer/reizen/"))
		html_raw_trusted(h, "/beheer/reizen/");
	else
		html_raw_trusted(h, "/reizen/");
	html_urlpart(h, rr_rec_str(t, "id"));
	html_attr_end(h);
	html_text(h, rr_rec_str(t, "title"));
	html_close(h, "a");
	pk_third_party(h, t);
	html_close(h, "td");
}

/* Requests whose dates passed without being recorded as taken place or
 * cancelled: for editors, not a late report. */
static void not_recorded_table(html *h, const json_t *trips, int period)
{
	static const char *const heads[] = {"Reis", "Status", "Gepland terug"};
	rr_date today = rr_today();
	const json_t *t;
	size_t i, n = 0;

	json_array_foreach(trips, i, t) {
		char back[64];
		if (rr_trip_report_status(t, period, &today).state != RR_REPORT_NOT_RECORDED)
			continue;
		if (!n++)
			layout_table_begin(h, "Uitvoering niet vastgelegd", heads, NULL, 3);
		pk_dates(back, sizeof back, rr_rec_str(t, "end") ? rr_rec_str(t, "end") :
			 rr_rec_str(t, "start"), NULL);
		layout_row_begin(h);
		trip_link_cell(h, t, "/beheer/reizen/");
		layout_cell(h, pk_status_label(rr_rec_str(t, "status")), 0);
		layout_cell(h, back, 0);
		layout_row_end(h);
	}
	if (n)
		layout_table_end(h);
	else
		layout_paragraph(h, "Van elke reis waarvan de data voorbij zijn, is vastgelegd of "
				    "ze is uitgevoerd of afgelast.");
}

/* Late reports of trips (days > 0) as a table; returns how many. */
static size_t overdue_table(html *h, const json_t *trips, int period, const char *prefix)
{
	static const char *const heads[] = {"Reis", "Terug", "Verslag uiterlijk", "Dagen te laat"};
	static const int numeric[] = {0, 0, 0, 1};
	rr_date today = rr_today();
	const json_t *t;
	size_t i, n = 0;

	json_array_foreach(trips, i, t) {
		long late = rr_trip_days_overdue(t, period, &today);
		char due[64], days[24], back[64];

		if (late <= 0)
			continue;
		if (!n++)
			layout_table_begin(h, "Verslagen die te laat zijn", heads, numeric, 4);
		due_text(due, sizeof due, t, period);
		pk_int(days, sizeof days, late);
		pk_dates(back, sizeof back, rr_rec_str(t, "end") ? rr_rec_str(t, "end") :
			 rr_rec_str(t, "start"), NULL);
		layout_row_begin(h);
		trip_link_cell(h, t, prefix);
		layout_cell(h, back, 0);
		layout_cell(h, due, 0);
		layout_cell(h, days, 1);
		layout_row_end(h);
	}
	if (n)
		layout_table_end(h);
	else
		layout_paragraph(h, "Er zijn geen verslagen te laat.");
	return n;
}

static void completeness_summary(html *h, const json_t *trips, int period)
{
	static const char *const heads[] = {"Probleem", "Aantal reizen"};
	static const int numeric[] = {0, 1};
	rr_date today = rr_today();
	json_t *count = json_object();
	const json_t *t, *p;
	size_t i, j, with = 0;
	const char *msg;
	json_t *v;

	json_array_foreach(trips, i, t) {
		json_t *probs = rr_trip_completeness(t, period, &today);
		if (json_array_size(probs))
			with++;
		json_array_foreach(probs, j, p) {
			const char *m = rr_rec_str(p, "message");
			if (m)
				json_object_set_new(count, m, json_integer(
					json_integer_value(json_object_get(count, m)) + 1));
		}
		json_decref(probs);
	}
	html_open_c(h, "p", "utrecht-paragraph");
	html_textf(h, "%zu van de %zu reizen zijn niet volledig.", with, json_array_size(trips));
	html_close(h, "p");
	if (json_object_size(count)) {
		layout_table_begin(h, "Volledigheid: wat ontbreekt", heads, numeric, 2);
		json_object_foreach(count, msg, v) {
			char n[24];
			snprintf(n, sizeof n, "%lld", (long long)json_integer_value(v));
			layout_row_begin(h);
			layout_cell(h, msg, 0);
			layout_cell(h, n, 1);
			layout_row_end(h);
		}
		layout_table_end(h);
	}
	json_decref(count);
}

static void trips_table(html *h, const json_t *trips, int period)
{
	static const char *const heads[] = {"Reis", "Status", "Openbaar", "Verslag uiterlijk",
		"Dagen te laat"};
	static const int numeric[] = {0, 0, 0, 0, 1};
	rr_date today = rr_today();
	const json_t *t;
	size_t i;

	if (!json_array_size(trips)) {
		layout_paragraph(h, "Nog geen reizen.");
		return;
	}
	layout_table_begin(h, "Alle reizen, ook niet openbare", heads, numeric, 5);
	json_array_foreach(trips, i, t) {
		char due[64], days[48];
		rr_report_status rs = rr_trip_report_status(t, period, &today);

		due_text(due, sizeof due, t, period);
		pk_int(days, sizeof days, rs.days_late);
		if (rs.state == RR_REPORT_NOT_RECORDED)
			snprintf(days, sizeof days, "uitvoering niet vastgelegd");
		layout_row_begin(h);
		trip_link_cell(h, t, "/beheer/reizen/");
		layout_cell(h, pk_status_label(rr_rec_str(t, "status")), 0);
		layout_cell(h, rr_rec_bool(t, "public") ? "ja" : "nee", 0);
		layout_cell(h, due, 0);
		layout_cell(h, rs.state == RR_REPORT_LATE || rs.state == RR_REPORT_NOT_RECORDED ?
			    days : "", 1);
		layout_row_end(h);
	}
	layout_table_end(h);
}

static void link_p(html *h, const char *prefix_lit_url, const char *text)
{
	html_open_c(h, "li", "utrecht-unordered-list__item");
	layout_link(h, prefix_lit_url, text);
	html_close(h, "li");
}

static void body_section(rr_req *r, html *h, const char *org, const json_t *roles)
{
	json_t *orec = NULL, *trips;
	const char *name = ak_org_name(r->store, org, &orec);
	const json_t *g;
	char url[200], rl[200] = "";
	size_t i;
	int period = ak_report_period(r->store, org);

	json_array_foreach(roles, i, g) {
		const char *ro = rr_rec_str(g, "role"), *o2 = rr_rec_str(g, "organisation");
		if (ro && o2 && !strcmp(o2, org))
			snprintf(rl + strlen(rl), sizeof rl - strlen(rl), "%s%s", rl[0] ? ", " : "", ro);
	}
	html_open_c(h, "h2", "utrecht-heading-2");
	html_textf(h, "%s \xe2\x80\x94 %s", name, rl);
	html_close(h, "h2");
	html_open_c(h, "ul", "utrecht-unordered-list");
	if (rr_can(r->principal, org, RR_CAP_EDIT)) {
		snprintf(url, sizeof url, "/beheer/reizen/nieuw?organisation=%s", org);
		link_p(h, url, "Nieuwe reisaanvraag");
		snprintf(url, sizeof url, "/beheer/geschenken/nieuw?organisation=%s", org);
		link_p(h, url, "Nieuw geschenk registreren");
	}
	if (rr_can(r->principal, org, RR_CAP_ADMIN)) {
		snprintf(url, sizeof url, "/beheer/organisaties/%s/gebruikers", org);
		link_p(h, url, "Gebruikers en rollen");
	}
	snprintf(url, sizeof url, "/o/%s", org);
	link_p(h, url, "Openbare pagina");
	snprintf(url, sizeof url, "/o/%s/te-laat", org);
	link_p(h, url, "Openbare lijst van te late verslagen");
	snprintf(url, sizeof url, "/o/%s/geschenken", org);
	link_p(h, url, "Geschenkenregister");
	html_close(h, "ul");
	ak_worklists(r, h, org);
	if (rr_can(r->principal, org, RR_CAP_READ) && (trips = trips_of(r, org))) {
		html_open_c(h, "h3", "utrecht-heading-3");
		html_text(h, "Uitvoering niet vastgelegd");
		html_close(h, "h3");
		not_recorded_table(h, trips, period);
		html_open_c(h, "h3", "utrecht-heading-3");
		html_text(h, "Volledigheid");
		html_close(h, "h3");
		completeness_summary(h, trips, period);
		html_open_c(h, "h3", "utrecht-heading-3");
		html_text(h, "Reizen");
		html_close(h, "h3");
		trips_table(h, trips, period);
		json_decref(trips);
	}
	ak_body_records(r, h, org);
	json_decref(orec);
}

rr_err page_admin(rr_req *r, rr_resp *o)
{
	static const layout_crumb crumbs[] = {{"Home", "/"}, {"Beheer", NULL}};
	const json_t *g;
	size_t i;
	html h;

	if (!r->principal)
		return ak_need_login(o);
	pk_begin(&h, o, "Beheer", crumbs, 2, NULL);
	ak_flash(&h, r);
	layout_h1(&h, "Beheer");
	html_open_c(&h, "p", "utrecht-paragraph");
	html_textf(&h, "Ingelogd als %s.", r->principal->name);
	html_close(&h, "p");
	ak_button_form(&h, r, "/uitloggen", NULL, NULL, NULL, "Uitloggen");
	json_array_foreach(r->principal->grants, i, g) {
		const char *org = rr_rec_str(g, "organisation");
		bool dup = false;
		for (size_t j = 0; j < i; j++)
			dup |= !strcmp(org, rr_rec_str(json_array_get(r->principal->grants, j),
						       "organisation"));
		if (org && !dup)
			body_section(r, &h, org, r->principal->grants);
	}
	if (!json_array_size(r->principal->grants))
		layout_paragraph(&h, "U heeft nog geen rol bij een bestuursorgaan. Vraag de beheerder.");
	return pk_end(&h, o);
}

rr_err page_overdue(rr_req *r, rr_resp *o)
{
	const char *org = rr_req_cap(r, "code");
	json_t *orec = NULL, *trips;
	char url[160], title[300];
	html h;
	rr_err e;

	/* public: the viewer decides what is shown */
	if ((e = rr_store_get(r->store, RR_K_ORGANISATION, org, r->viewer, &orec)))
		return e;
	if (!(trips = trips_of(r, org))) {
		json_decref(orec);
		return RR_EDB;
	}
	snprintf(url, sizeof url, "/o/%s", org);
	snprintf(title, sizeof title, "Te late verslagen: %s", rr_rec_str(orec, "name"));
	layout_crumb crumbs[] = {{"Home", "/"}, {rr_rec_str(orec, "name"), url},
		{"Te late verslagen", NULL}};
	pk_begin(&h, o, title, crumbs, 3, NULL);
	layout_h1(&h, title);
	html_open_c(&h, "p", "utrecht-paragraph");
	html_textf(&h, "Een verslag is uiterlijk %d dagen na terugkomst verschuldigd.",
		   ak_report_period(r->store, org));
	html_close(&h, "p");
	overdue_table(&h, trips, ak_report_period(r->store, org), "/reizen/");
	e = pk_end(&h, o);
	json_decref(trips);
	json_decref(orec);
	return e;
}

rr_err api_overdue(rr_req *r, rr_resp *o)
{
	const char *org = rr_req_param(r, "organisation");
	json_t *trips, *out, *list, *orec = NULL;
	const json_t *t;
	rr_date today = rr_today();
	size_t i;
	rr_err e;
	int period;

	/* public: the viewer decides what is shown */
	if (!org || !rr_route_param_ok("code", org)) {
		page_error(o, 400, "bad_parameter", "organisation: geef de code van het orgaan, "
			   "zoals gm0034");
		return RR_OK;
	}
	if ((e = rr_store_get(r->store, RR_K_ORGANISATION, org, r->viewer, &orec)))
		return e;
	json_decref(orec);
	if (!(trips = trips_of(r, org)))
		return RR_EDB;
	period = ak_report_period(r->store, org);
	list = json_array();
	json_array_foreach(trips, i, t) {
		rr_report_status rs = rr_trip_report_status(t, period, &today);
		long late = rs.state == RR_REPORT_LATE ? rs.days_late : 0;
		char due[RR_DATE_ISO_MAX];
		if (late <= 0)
			continue;
		rr_date_iso(&rs.due, due);
		json_array_append_new(list, json_pack("{s:s, s:s, s:s?, s:s?, s:s, s:I}",
			"id", rr_rec_str(t, "id"), "title", rr_rec_str(t, "title"),
			"start", rr_rec_str(t, "start"), "end", rr_rec_str(t, "end"),
			"report_due", due, "days_overdue", (json_int_t)late));
	}
	out = json_pack("{s:s, s:i, s:o}", "organisation", org, "report_period_days", period,
			"overdue", list);
	e = out ? pk_json(o, out) : RR_ENOMEM;
	o->no_store = true; /* depends on today */
	json_decref(out);
	json_decref(trips);
	return e;
}
