/* page_budget_edit.c - a body's budget and FTE for international relations
 * per year, and its settings (report period, gift threshold, the train
 * threshold and own emission factors of docs/co2.md), for its
 * beheerder only (/beheer/organisaties/{code}/budget). A year is added or
 * replaced; the comparison (/vergelijking) and the evaluations read them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/record.h"
#include "model/co2.h"
#include "web/adminkit.h"

/* The CO₂ settings (model/co2.h): the train flag's threshold and the
 * body's own emission factors, each empty for the built-in one. */
static const struct {
	const char *key, *field, *label;
} co2_factor_fields[] = {
	{"plane_short", "factor-vlucht-kort", "Vliegtuig tot 700 km"},
	{"plane_mid", "factor-vlucht-middel", "Vliegtuig 700 tot 2.500 km"},
	{"plane_long", "factor-vlucht-lang", "Vliegtuig verder dan 2.500 km"},
	{"train", "factor-trein", "Trein"},
	{"car", "factor-auto", "Auto"},
	{"boat", "factor-boot", "Boot"},
};

/* A factor as the form shows it: "0,297". */
static void factor_text(char *out, size_t n, double v)
{
	char *c;
	snprintf(out, n, "%.4g", v);
	for (c = out; *c; c++)
		if (*c == '.')
			*c = ',';
}

static void co2_fields(rr_req *r, ak_form *f, const json_t *org)
{
	const json_t *own = json_object_get(org, "co2_factors");
	rr_co2_setup dflt;
	char buf[64], hint[160];

	rr_co2_setup_of(NULL, &dflt);
	const double dv[] = {dflt.plane_short, dflt.plane_mid, dflt.plane_long, dflt.train,
			     dflt.car, dflt.boat};
	snprintf(buf, sizeof buf, "%lld", rr_rec_count(org, "train_threshold_km", 0));
	ak_input(f, "number", "treindrempel", "Vlucht korter dan dit (km): de trein was mogelijk",
		 r->form && ak_val(r, "treindrempel") ? ak_val(r, "treindrempel") :
		 json_object_get(org, "train_threshold_km") ? buf : NULL,
		 "Leeg: 700 km");
	for (size_t i = 0; i < sizeof co2_factor_fields / sizeof co2_factor_fields[0]; i++) {
		const json_t *v = json_object_get(own, co2_factor_fields[i].key);
		char label[120];
		buf[0] = '\0';
		if (json_is_number(v))
			factor_text(buf, sizeof buf, json_number_value(v));
		factor_text(hint, sizeof hint, dv[i]);
		snprintf(label, sizeof label, "CO\xe2\x82\x82 in kg per reizigerskilometer: %s",
			 co2_factor_fields[i].label);
		snprintf(hint + strlen(hint), sizeof hint - strlen(hint),
			 " als dit leeg is (de ingebouwde lijst)");
		ak_input(f, "text", co2_factor_fields[i].field, label,
			 r->form && ak_val(r, co2_factor_fields[i].field) ?
			 ak_val(r, co2_factor_fields[i].field) : buf[0] ? buf : NULL, hint);
	}
	ak_input(f, "text", "factor-bron", "Bron van de eigen emissiefactoren",
		 r->form && ak_val(r, "factor-bron") ? ak_val(r, "factor-bron") :
		 rr_rec_str(own, "source"), "Zoals: CO2emissiefactoren.nl, lijst januari 2026");
}

static rr_err budget_page(rr_req *r, rr_resp *o, const json_t *org, const rr_diag *d, int status)
{
	static const layout_crumb crumbs[] = {{"Home", "/"}, {"Beheer", "/beheer"},
		{"Budget en instellingen", NULL}};
	static const char *const heads[] = {"Jaar", "Budget", "FTE", "Toelichting", "Verwijderen"};
	static const int numeric[] = {1, 1, 1, 0, 0};
	const char *code = rr_rec_str(org, "id");
	const json_t *b;
	char action[160], title[300], tt[320], buf[64];
	ak_form f;
	size_t i;
	html h;

	snprintf(action, sizeof action, "/beheer/organisaties/%s/budget", code);
	snprintf(title, sizeof title, "Budget en instellingen: %s", rr_rec_str(org, "name"));
	pk_begin(&h, o, ak_title(tt, sizeof tt, title, d), crumbs, 3, NULL);
	ak_errors(&h, d);
	ak_flash(&h, r);
	layout_h1(&h, title);
	layout_h2(&h, "Budget en FTE voor internationale betrekkingen");
	if (!json_array_size(json_object_get(org, "budgets"))) {
		layout_paragraph(&h, "Nog geen budget vastgelegd.");
	} else {
		layout_table_begin(&h, "Budget en FTE per jaar", heads, numeric, 5);
		json_array_foreach(json_object_get(org, "budgets"), i, b) {
			char year[16], money[48] = "", label[64];
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
			html_open_c(&h, "td", "utrecht-table__cell");
			snprintf(label, sizeof label, "%s verwijderen", year);
			ak_form_begin(&f, &h, r, NULL, action, org);
			ak_hidden(&f, "formulier", "verwijder-jaar");
			ak_hidden(&f, "jaar", year);
			html_open_c(&h, "button", "utrecht-button utrecht-button--secondary-action");
			html_attr(&h, "type", "submit");
			html_text(&h, label);
			html_close(&h, "button");
			ak_form_end(&f);
			html_close(&h, "td");
			layout_row_end(&h);
		}
		layout_table_end(&h);
	}
	html_open_c(&h, "h3", "utrecht-heading-3");
	html_text(&h, "Een jaar toevoegen of vervangen");
	html_close(&h, "h3");
	ak_form_begin(&f, &h, r, d, action, org);
	ak_hidden(&f, "formulier", "budget");
	ak_input(&f, "number", "jaar", "Jaar", ak_val(r, "jaar"), "Zoals 2024");
	ak_input(&f, "text", "budget", "Budget in euro's", ak_val(r, "budget"),
		 "Zoals 250.000 of 1.250,50");
	ak_input(&f, "text", "fte", "FTE", ak_val(r, "fte"), "Zoals 1,5");
	ak_input(&f, "text", "notitie", "Toelichting", ak_val(r, "notitie"), NULL);
	ak_submit(&f, "Jaar opslaan");
	ak_form_end(&f);
	layout_h2(&h, "Instellingen");
	ak_form_begin(&f, &h, r, d, action, org);
	ak_hidden(&f, "formulier", "instellingen");
	snprintf(buf, sizeof buf, "%lld", rr_rec_count(org, "report_period_days", 42));
	ak_input(&f, "number", "verslagtermijn", "Verslagtermijn in dagen na terugkomst",
		 r->form && ak_val(r, "verslagtermijn") ? ak_val(r, "verslagtermijn") : buf, NULL);
	ak_text_of(buf, sizeof buf, json_object_get(org, "gift_threshold_eur"));
	ak_input(&f, "text", "drempel", "Drempel voor geschenken in euro's",
		 r->form && ak_val(r, "drempel") ? ak_val(r, "drempel") : buf[0] ? buf : NULL,
		 "Geschenken boven dit bedrag worden gemarkeerd");
	co2_fields(r, &f, org);
	ak_submit(&f, "Instellingen opslaan");
	ak_form_end(&f);
	html_open_c(&h, "p", "utrecht-paragraph");
	pk_link(&h, "/beheer/audit/organisation/", code, "Wijzigingen van budget en instellingen");
	html_text(&h, " \xc2\xb7 ");
	pk_link_path(&h, "/beheer/organisaties/", code, "/gebruikers", "Gebruikers");
	html_close(&h, "p");
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
		rr_diag_add_at(d, "jaar", "Vul een jaartal in van 1900 tot 2200, zoals 2024.");
	json_object_set_new(b, "year", json_integer(year));
	if ((v = ak_val(r, "budget"))) {
		long long c = ak_euros(v);
		if (c < 0)
			rr_diag_add_at(d, "budget", "'%.40s' is geen bedrag van nul of meer. Schrijf "
				       "het in euro's, zoals 250.000.", v);
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
			rr_diag_add_at(d, "fte", "'%.40s' is geen aantal van nul of meer. Schrijf het "
				       "zoals 1,5.", v);
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

static void co2_from_form(rr_req *r, json_t *org, rr_diag *d)
{
	json_t *own = json_object();
	const char *v;
	char *end, num[32];

	if ((v = ak_val(r, "treindrempel"))) {
		long long n = strtoll(v, &end, 10);
		if (*end || n < 1 || n > 20000)
			rr_diag_add_at(d, "treindrempel", "Vul een afstand in van 1 tot 20000 km, "
				       "zoals 700.");
		else
			json_object_set_new(org, "train_threshold_km", json_integer(n));
	} else {
		json_object_del(org, "train_threshold_km");
	}
	for (size_t i = 0; i < sizeof co2_factor_fields / sizeof co2_factor_fields[0]; i++) {
		double x;
		if (!(v = ak_val(r, co2_factor_fields[i].field)))
			continue;
		snprintf(num, sizeof num, "%s", v);
		for (char *c = num; *c; c++)
			if (*c == ',')
				*c = '.';
		x = strtod(num, &end);
		if (*end || strlen(v) >= sizeof num || !(x >= 0 && x < 10))
			rr_diag_add_at(d, co2_factor_fields[i].field, "'%.40s' is geen factor van 0 "
				       "tot 10 kg per reizigerskilometer. Schrijf hem zoals 0,297.", v);
		else
			json_object_set_new(own, co2_factor_fields[i].key, json_real(x));
	}
	if ((v = ak_val(r, "factor-bron"))) {
		if (!json_object_size(own))
			rr_diag_add_at(d, "factor-bron", "Een bron hoort bij eigen factoren: vul ook "
				       "minstens één factor in, of laat de bron leeg.");
		ak_set(own, "source", v);
	}
	if (json_object_size(own))
		json_object_set_new(org, "co2_factors", own);
	else {
		json_object_del(org, "co2_factors");
		json_decref(own);
	}
}

static void settings_from_form(rr_req *r, json_t *org, rr_diag *d)
{
	const char *v;
	char *end;

	if ((v = ak_val(r, "verslagtermijn"))) {
		long long n = strtoll(v, &end, 10);
		if (*end || n < 1 || n > 3650)
			rr_diag_add_at(d, "verslagtermijn", "Vul een aantal dagen in van 1 tot 3650, "
				       "zoals 42.");
		else
			json_object_set_new(org, "report_period_days", json_integer(n));
	} else {
		json_object_del(org, "report_period_days");
	}
	if ((v = ak_val(r, "drempel"))) {
		long long c = ak_euros(v);
		if (c < 0)
			rr_diag_add_at(d, "drempel", "'%.40s' is geen bedrag van nul of meer. Schrijf "
				       "het in euro's, zoals 50.", v);
		else
			json_object_set_new(org, "gift_threshold_eur", json_real((double)c / 100.0));
	} else {
		json_object_del(org, "gift_threshold_eur");
	}
	co2_from_form(r, org, d);
}

/* Removes the budget of year `jaar`. */
static void remove_year(rr_req *r, json_t *org, rr_diag *d)
{
	json_t *list = json_object_get(org, "budgets");
	const char *v = ak_val(r, "jaar");
	long long y = v ? strtoll(v, NULL, 10) : 0;

	for (size_t i = 0; i < json_array_size(list); i++)
		if (rr_rec_count(json_array_get(list, i), "year", -1) == y) {
			json_array_remove(list, i);
			if (!json_array_size(list))
				json_object_del(org, "budgets");
			return;
		}
	rr_diag_add(d, "Er is geen budget voor dat jaar (meer); laad de pagina opnieuw.");
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
	else if (which && !strcmp(which, "verwijder-jaar"))
		remove_year(r, org, &d);
	else
		budget_from_form(r, org, &d);
	if (!d.n && (e = ak_save(r, RR_K_ORGANISATION, org, &d)) == RR_OK) {
		snprintf(path, sizeof path, "/beheer/organisaties/%s/budget", code);
		ak_redirect(o, path, which && !strcmp(which, "instellingen") ? "instellingen" :
			    which && !strcmp(which, "verwijder-jaar") ? "budget-weg" : "budget");
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
