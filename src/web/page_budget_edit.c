/* page_budget_edit.c - a body's budget and FTE for international relations
 * per year, and its settings (report period, gift threshold), for its
 * beheerder only (/beheer/organisaties/{code}/budget). A year is added or
 * replaced; the comparison (/vergelijking) and the evaluations read them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/record.h"
#include "web/adminkit.h"

static rr_err budget_page(rr_req *r, rr_resp *o, const json_t *org, const rr_diag *d, int status)
{
	static const layout_crumb crumbs[] = {{"Home", "/"}, {"Beheer", "/beheer"},
		{"Budget en instellingen", NULL}};
	static const char *const heads[] = {"Jaar", "Budget", "FTE", "Toelichting"};
	static const int numeric[] = {1, 1, 1, 0};
	const char *code = rr_rec_str(org, "id");
	const json_t *b;
	char action[160], title[300], buf[64];
	size_t i;
	html h;

	snprintf(action, sizeof action, "/beheer/organisaties/%s/budget", code);
	snprintf(title, sizeof title, "Budget en instellingen: %s", rr_rec_str(org, "name"));
	pk_begin(&h, o, title, crumbs, 3, NULL);
	layout_h1(&h, title);
	ak_errors(&h, d);
	layout_h2(&h, "Budget en FTE voor internationale betrekkingen");
	if (!json_array_size(json_object_get(org, "budgets"))) {
		layout_paragraph(&h, "Nog geen budget vastgelegd.");
	} else {
		layout_table_begin(&h, "Budget en FTE per jaar", heads, numeric, 4);
		json_array_foreach(json_object_get(org, "budgets"), i, b) {
			char year[16], money[48] = "";
			snprintf(year, sizeof year, "%lld", rr_rec_count(b, "year", 0));
			if (json_object_get(b, "amount_eur"))
				pk_money(money, sizeof money,
					 rr_amount_cents(json_object_get(b, "amount_eur")));
			ak_text_of(buf, sizeof buf, json_object_get(b, "fte"));
			layout_row_begin(&h);
			layout_cell(&h, year, 1);
			layout_cell(&h, money, 1);
			layout_cell(&h, buf, 1);
			layout_cell(&h, rr_rec_str(b, "note") ? rr_rec_str(b, "note") : "", 0);
			layout_row_end(&h);
		}
		layout_table_end(&h);
	}
	html_open_c(&h, "h3", "utrecht-heading-3");
	html_text(&h, "Een jaar toevoegen of vervangen");
	html_close(&h, "h3");
	ak_form_begin(&h, r, action);
	html_open(&h, "input");
	html_attr(&h, "type", "hidden");
	html_attr(&h, "name", "formulier");
	html_attr(&h, "value", "budget");
	ak_input(&h, "number", "jaar", "Jaar", ak_val(r, "jaar"), NULL);
	ak_input(&h, "text", "budget", "Budget in euro's", ak_val(r, "budget"),
		 "Zoals 250.000 of 1.250,50");
	ak_input(&h, "text", "fte", "FTE", ak_val(r, "fte"), "Zoals 1,5");
	ak_input(&h, "text", "notitie", "Toelichting", ak_val(r, "notitie"), NULL);
	ak_submit(&h, "Jaar opslaan");
	html_close(&h, "form");
	layout_h2(&h, "Instellingen");
	ak_form_begin(&h, r, action);
	html_open(&h, "input");
	html_attr(&h, "type", "hidden");
	html_attr(&h, "name", "formulier");
	html_attr(&h, "value", "instellingen");
	snprintf(buf, sizeof buf, "%lld", rr_rec_count(org, "report_period_days", 42));
	ak_input(&h, "number", "verslagtermijn", "Verslagtermijn in dagen na terugkomst", buf, NULL);
	ak_text_of(buf, sizeof buf, json_object_get(org, "gift_threshold_eur"));
	ak_input(&h, "text", "drempel", "Drempel voor geschenken in euro's", buf[0] ? buf : NULL,
		 "Geschenken boven dit bedrag worden gemarkeerd");
	ak_submit(&h, "Instellingen opslaan");
	html_close(&h, "form");
	o->status = status;
	return pk_end(&h, o);
}

static rr_err load_org(rr_req *r, const char *code, json_t **org)
{
	return rr_store_get(r->store, RR_K_ORGANISATION, code, &rr_viewer_system, org);
}

rr_err page_budget_edit(rr_req *r, rr_resp *o)
{
	const char *code = rr_req_cap(r, "code");
	json_t *org = NULL;
	rr_err e;

	if (!rr_can(r->principal, code, RR_CAP_ADMIN))
		return r->principal ? ak_forbidden(o) : ak_need_login(o);
	if ((e = load_org(r, code, &org)))
		return e;
	e = budget_page(r, o, org, NULL, 200);
	json_decref(org);
	return e;
}

/* One year's budget from the form into the budgets of org (replacing that
 * year, kept in year order). */
static void budget_from_form(rr_req *r, json_t *org, rr_diag *d)
{
	const char *v;
	json_t *b = json_object(), *list = json_object_get(org, "budgets"), *next;
	long long year = 0;
	char *end, num[32];
	size_t i;

	if (!(v = ak_val(r, "jaar")) || (year = strtoll(v, &end, 10), *end) || year < 1900 ||
	    year > 2200)
		rr_diag_add(d, "Jaar (jaar): vul een jaartal in, zoals 2024");
	json_object_set_new(b, "year", json_integer(year));
	if ((v = ak_val(r, "budget"))) {
		long long c = ak_euros(v);
		if (c < 0)
			rr_diag_add(d, "Budget in euro's (budget): '%.40s' is geen bedrag van nul of "
				    "meer, zoals 250.000", v);
		else
			json_object_set_new(b, "amount_eur", json_real((double)c / 100.0));
	}
	if ((v = ak_val(r, "fte"))) {
		double f;
		snprintf(num, sizeof num, "%s", v);
		for (char *c = num; *c; c++)
			if (*c == ',')
				*c = '.';
		f = strtod(num, &end);
		if (*end || !(f >= 0 && f < 10000))
			rr_diag_add(d, "FTE (fte): '%.40s' is geen aantal van nul of meer, zoals 1,5", v);
		else
			json_object_set_new(b, "fte", json_real(f));
	}
	ak_set(b, "note", ak_val(r, "notitie"));
	if (d->n) {
		json_decref(b);
		return;
	}
	next = json_array();
	for (i = 0; i < json_array_size(list); i++) {
		json_t *old = json_array_get(list, i);
		long long y = rr_rec_count(old, "year", 0);
		if (b && y > year) {
			json_array_append_new(next, b);
			b = NULL;
		}
		if (y != year)
			json_array_append(next, old);
	}
	if (b)
		json_array_append_new(next, b);
	json_object_set_new(org, "budgets", next);
}

static void settings_from_form(rr_req *r, json_t *org, rr_diag *d)
{
	const char *v;
	char *end;

	if ((v = ak_val(r, "verslagtermijn"))) {
		long long n = strtoll(v, &end, 10);
		if (*end || n < 1 || n > 3650)
			rr_diag_add(d, "Verslagtermijn (verslagtermijn): een aantal dagen van 1 tot 3650");
		else
			json_object_set_new(org, "report_period_days", json_integer(n));
	} else {
		json_object_del(org, "report_period_days");
	}
	if ((v = ak_val(r, "drempel"))) {
		long long c = ak_euros(v);
		if (c < 0)
			rr_diag_add(d, "Drempel voor geschenken (drempel): '%.40s' is geen bedrag van "
				    "nul of meer", v);
		else
			json_object_set_new(org, "gift_threshold_eur", json_real((double)c / 100.0));
	} else {
		json_object_del(org, "gift_threshold_eur");
	}
}

rr_err budget_save(rr_req *r, rr_resp *o)
{
	const char *code = rr_req_cap(r, "code"), *which = ak_val(r, "formulier");
	json_t *org = NULL;
	rr_diag d = {0};
	char path[160];
	rr_err e;

	if (!rr_can(r->principal, code, RR_CAP_ADMIN))
		return ak_forbidden(o);
	if ((e = load_org(r, code, &org)))
		return e;
	if (which && !strcmp(which, "instellingen"))
		settings_from_form(r, org, &d);
	else
		budget_from_form(r, org, &d);
	if (!d.n && (e = ak_save(r, RR_K_ORGANISATION, org, &d)) == RR_OK) {
		snprintf(path, sizeof path, "/beheer/organisaties/%s/budget", code);
		rr_resp_redirect(o, path);
		goto out;
	}
	if (e && e != RR_EINVAL && e != RR_ECONFLICT)
		goto out;
	json_decref(org);
	org = NULL;
	if ((e = load_org(r, code, &org)) == RR_OK) /* what is stored, not the refused */
		e = budget_page(r, o, org, &d, 422);
out:
	json_decref(org);
	rr_diag_free(&d);
	return e;
}
