/* page_trip_edit.c - a new trip request (/beheer/reizen/nieuw) and the
 * editors' page of one trip (/beheer/reizen/{id}): every field, the
 * completeness list to fix, the forms of the next steps
 * (page_trip_action.c) and the audit history of the record. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/lifecycle.h"
#include "model/record.h"
#include "store/auth_store.h"
#include "web/adminkit.h"

/* Calls fn for every non-empty trimmed line of text. */
typedef void (*line_fn)(void *ctx, char *line, size_t no);

static void each_line(const char *text, line_fn fn, void *ctx)
{
	char line[1024];
	size_t no = 0;

	while (text && *text) {
		size_t n = strcspn(text, "\n");
		size_t k = n < sizeof line - 1 ? n : sizeof line - 1;
		char *s = line, *e;

		memcpy(line, text, k);
		line[k] = '\0';
		text += n + (text[n] == '\n');
		no++;
		while (isspace((unsigned char)*s))
			s++;
		e = s + strlen(s);
		while (e > s && isspace((unsigned char)e[-1]))
			*--e = '\0';
		if (*s)
			fn(ctx, s, no);
	}
}

/* Splits s at ';' into at most n trimmed parts; returns how many. */
static size_t split(char *s, char **parts, size_t n)
{
	size_t k = 0;

	while (k < n) {
		char *semi = k + 1 < n ? strchr(s, ';') : NULL, *e;
		while (isspace((unsigned char)*s))
			s++;
		if (semi)
			*semi = '\0';
		e = s + strlen(s);
		while (e > s && isspace((unsigned char)e[-1]))
			*--e = '\0';
		parts[k++] = s;
		if (!semi)
			break;
		s = semi + 1;
	}
	return k;
}

typedef struct lines_ctx {
	json_t *arr;
	rr_diag *d;
	const char *kind, *org;
} lines_ctx;

static void dest_line(void *ctx, char *line, size_t no)
{
	lines_ctx *c = ctx;
	char cc[3] = {0};
	const char *city = line + 2;

	if (!isalpha((unsigned char)line[0]) || !isalpha((unsigned char)line[1]) ||
	    (line[2] && line[2] != ' ' && line[2] != ',')) {
		rr_diag_add(c->d, "Bestemmingen (bestemmingen), regel %zu: begin met de landcode "
			    "van twee letters, zoals 'JP Osaka'", no);
		return;
	}
	cc[0] = (char)toupper((unsigned char)line[0]);
	cc[1] = (char)toupper((unsigned char)line[1]);
	while (*city == ' ' || *city == ',')
		city++;
	json_array_append_new(c->arr, *city ? json_pack("{s:s, s:s}", "country", cc, "city", city)
					    : json_pack("{s:s}", "country", cc));
}

static void traveller_line(void *ctx, char *line, size_t no)
{
	lines_ctx *c = ctx;
	char *p[2];
	size_t n = split(line, p, 2);

	(void)no;
	if (n == 2 && *p[1])
		json_array_append_new(c->arr, json_pack("{s:s, s:s}", "name", p[0], "role", p[1]));
	else
		json_array_append_new(c->arr, json_pack("{s:s}", "name", p[0]));
}

static void cost_line(void *ctx, char *line, size_t no)
{
	lines_ctx *c = ctx;
	char *p[3];
	size_t n = split(line, p, 3);
	long long cents = n >= 2 ? ak_euros(p[1]) : -1;
	json_t *cost;

	if (n < 2 || !*p[0] || cents < 0) {
		rr_diag_add(c->d, "Kosten (kosten), regel %zu: schrijf 'categorie; bedrag; betaald "
			    "door', het bedrag in euro's zoals 1.234,50", no);
		return;
	}
	cost = json_pack("{s:s, s:f, s:s, s:s}", "category", p[0], "amount_eur",
			 (double)cents / 100.0, "kind", c->kind, "paid_by",
			 n == 3 && *p[2] ? p[2] : c->org);
	json_array_append_new(c->arr, cost);
}

json_t *ak_destinations(const char *text, rr_diag *d)
{
	lines_ctx c = {.arr = json_array(), .d = d};
	each_line(text, dest_line, &c);
	return c.arr;
}

json_t *ak_travellers(const char *text, rr_diag *d)
{
	lines_ctx c = {.arr = json_array(), .d = d};
	each_line(text, traveller_line, &c);
	return c.arr;
}

json_t *ak_costs(const char *text, const char *kind, const char *org, rr_diag *d)
{
	lines_ctx c = {.arr = json_array(), .d = d, .kind = kind, .org = org};
	each_line(text, cost_line, &c);
	return c.arr;
}

static const char *const kind_labels[] = {"Dienstreis", "Handelsmissie", "Studiereis",
	"Werkbezoek", "Conferentie", "Bezoek", NULL};
static const char *const dir_values[] = {"out", "in", NULL};
static const char *const dir_labels[] = {"Uitgaand (wij reizen)", "Ontvangen delegatie", NULL};
static const char *const status_values[] = {"requested", "draft", NULL};
static const char *const status_labels[] = {"Aanvragen (naar het college)", "Concept opslaan",
	NULL};

static rr_err new_form(rr_req *r, rr_resp *o, const char *org, const rr_diag *d, int status)
{
	static const layout_crumb crumbs[] = {{"Home", "/"}, {"Beheer", "/beheer"},
		{"Nieuwe reisaanvraag", NULL}};
	char action[160];
	html h;

	snprintf(action, sizeof action, "/beheer/reizen/nieuw?organisation=%s", org);
	pk_begin(&h, o, "Nieuwe reisaanvraag", crumbs, 3, NULL);
	layout_h1(&h, "Nieuwe reisaanvraag");
	html_open_c(&h, "p", "utrecht-paragraph");
	html_textf(&h, "Voor %s. De aanvraag is niet openbaar tot u haar publiceert.", org);
	html_close(&h, "p");
	ak_errors(&h, d);
	ak_form_begin(&h, r, action);
	ak_input(&h, "text", "titel", "Titel", ak_val(r, "titel"), NULL);
	ak_select(&h, "soort", "Soort reis", rr_trip_kind_values, kind_labels, ak_val(r, "soort"),
		  false);
	ak_select(&h, "richting", "Richting", dir_values, dir_labels, ak_val(r, "richting"), false);
	ak_input(&h, "date", "gepland_begin", "Geplande vertrekdatum", ak_val(r, "gepland_begin"),
		 "jjjj-mm-dd");
	ak_input(&h, "date", "gepland_eind", "Geplande terugkomst", ak_val(r, "gepland_eind"),
		 "jjjj-mm-dd");
	ak_textarea(&h, "bestemmingen", "Bestemmingen", ak_val(r, "bestemmingen"),
		    "Eén per regel: landcode en stad, zoals 'JP Osaka'.");
	ak_textarea(&h, "reizigers", "Reizigers", ak_val(r, "reizigers"),
		    "Eén per regel: naam; rol, zoals 'Anna de Vries; wethouder'.");
	ak_textarea(&h, "doel", "Doel", ak_val(r, "doel"), NULL);
	ak_textarea(&h, "motivatie", "Motivatie", ak_val(r, "motivatie"), NULL);
	ak_input(&h, "number", "ambtenaren", "Aantal meereizende ambtenaren (gepland)",
		 ak_val(r, "ambtenaren"), NULL);
	ak_textarea(&h, "kosten", "Geraamde kosten", ak_val(r, "kosten"),
		    "Eén post per regel: categorie; bedrag in euro's; betaald door (leeg: het "
		    "orgaan zelf), zoals 'Vliegreis; 1.250,00; MRA'.");
	ak_select(&h, "status", "Opslaan als", status_values, status_labels, ak_val(r, "status"),
		  false);
	ak_submit(&h, "Opslaan");
	html_close(&h, "form");
	o->status = status;
	return pk_end(&h, o);
}

rr_err page_trip_new(rr_req *r, rr_resp *o)
{
	const char *org = rr_req_param(r, "organisation");

	if (!rr_can(r->principal, org, RR_CAP_EDIT))
		return r->principal ? ak_forbidden(o) : ak_need_login(o);
	return new_form(r, o, org, NULL, 200);
}

/* org-year-slug of the title, unique in the store. */
static rr_err new_id(rr_req *r, const char *org, const rr_date *start, const char *title,
		     char *out, size_t n)
{
	char slug[48];
	size_t k = 0;
	bool dash = false, yes = true;
	rr_err e;

	for (const char *p = title; *p && k < sizeof slug - 1; p++) {
		char c = (char)tolower((unsigned char)*p);
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			slug[k++] = c;
			dash = false;
		} else if (k && !dash) {
			slug[k++] = '-';
			dash = true;
		}
	}
	while (k && slug[k - 1] == '-')
		k--;
	slug[k] = '\0';
	for (int i = 1; i < 1000 && yes; i++) {
		if (i == 1)
			snprintf(out, n, "%s-%d-%s", org, start->y, k ? slug : "reis");
		else
			snprintf(out, n, "%s-%d-%s-%d", org, start->y, k ? slug : "reis", i);
		if ((e = rr_store_exists(r->store, RR_K_TRIP, out, &yes)))
			return e;
	}
	return yes ? RR_ECONFLICT : RR_OK;
}

rr_err trip_create(rr_req *r, rr_resp *o)
{
	const char *org = rr_req_param(r, "organisation");
	rr_diag d = {0};
	rr_date ps, pe;
	json_t *t = NULL, *dests, *travs, *costs;
	const char *v, *status = ak_val(r, "status");
	char id[160], path[200];
	rr_err e = RR_OK;

	if (!rr_can(r->principal, org, RR_CAP_EDIT))
		return ak_forbidden(o);
	ak_date(r, "gepland_begin", "Geplande vertrekdatum", true, &ps, &d);
	ak_date(r, "gepland_eind", "Geplande terugkomst", false, &pe, &d);
	dests = ak_destinations(ak_val(r, "bestemmingen"), &d);
	travs = ak_travellers(ak_val(r, "reizigers"), &d);
	costs = ak_costs(ak_val(r, "kosten"), "estimate", org, &d);
	if (!ak_val(r, "titel"))
		rr_diag_add(&d, "Titel (titel): vul een titel in");
	if (status && !rr_enum_has(status_values, status))
		rr_diag_add(&d, "Opslaan als (status): kies aanvragen of concept");
	t = json_pack("{s:s, s:s?, s:s?, s:s?, s:s, s:b, s:o, s:o, s:O, s:o}",
		      "organisation", org, "title", ak_val(r, "titel"), "kind", ak_val(r, "soort"),
		      "direction", ak_val(r, "richting"), "status", status ? status : "requested",
		      "public", 0, "destinations", dests, "travellers", travs,
		      "planned_travellers", travs, "costs", costs);
	if (!t) {
		e = RR_ENOMEM;
		goto out;
	}
	if ((v = ak_val(r, "doel")))
		json_object_set_new(t, "purpose", json_string(v));
	if ((v = ak_val(r, "motivatie")))
		json_object_set_new(t, "motivation", json_string(v));
	if ((v = ak_val(r, "ambtenaren"))) {
		char *end;
		long n = strtol(v, &end, 10);
		if (*end || n < 0 || n > 1000)
			rr_diag_add(&d, "Aantal ambtenaren (ambtenaren): een heel getal van 0 tot 1000");
		else
			json_object_set_new(t, "planned_accompanying_officials", json_integer(n));
	}
	if (d.n)
		goto invalid;
	{
		char iso[RR_DATE_ISO_MAX];
		rr_date_iso(&ps, iso);
		json_object_set_new(t, "planned_start", json_string(iso));
		if (pe.prec) {
			rr_date_iso(&pe, iso);
			json_object_set_new(t, "planned_end", json_string(iso));
		}
	}
	if ((e = new_id(r, org, &ps, ak_val(r, "titel"), id, sizeof id)))
		goto out;
	json_object_set_new(t, "id", json_string(id));
	if ((e = ak_save(r, RR_K_TRIP, t, &d)) == RR_EINVAL || e == RR_ECONFLICT)
		goto invalid;
	if (e)
		goto out;
	snprintf(path, sizeof path, "/beheer/reizen/%s", id);
	rr_resp_redirect(o, path);
	goto out;
invalid:
	e = new_form(r, o, org, &d, 422);
out:
	json_decref(t);
	rr_diag_free(&d);
	return e;
}

static void item_date(html *h, const char *key, const char *value)
{
	char s[96];
	if (!value)
		return;
	pk_dates(s, sizeof s, value, NULL);
	pk_item(h, key, s[0] ? s : value);
}

static void facts(rr_req *r, html *h, const json_t *t)
{
	const json_t *x, *dec = json_object_get(t, "decision"), *rep = json_object_get(t, "report");
	const char *org = rr_rec_str(t, "organisation");
	int period = ak_report_period(r->store, org);
	rr_date due = rr_trip_report_due(t, period), today = rr_today();
	long late = rr_trip_days_overdue(t, period, &today);
	char s[128];
	size_t i;

	pk_dl_begin(h);
	pk_item(h, "Orgaan", org);
	pk_item(h, "Status", pk_status_label(rr_rec_str(t, "status")));
	pk_item(h, "Openbaar", rr_rec_bool(t, "public") ? "ja" : "nee");
	pk_item(h, "Soort", pk_kind_label(rr_rec_str(t, "kind")));
	pk_item(h, "Richting", pk_direction_label(rr_rec_str(t, "direction")));
	item_date(h, "Gepland vertrek", rr_rec_str(t, "planned_start"));
	item_date(h, "Geplande terugkomst", rr_rec_str(t, "planned_end"));
	item_date(h, "Vertrek", rr_rec_str(t, "start"));
	item_date(h, "Terugkomst", rr_rec_str(t, "end"));
	if (due.prec) {
		char iso[RR_DATE_ISO_MAX];
		rr_date_iso(&due, iso);
		if (late > 0)
			snprintf(s, sizeof s, "%s (%ld dagen te laat)", iso, late);
		else
			snprintf(s, sizeof s, "%s", iso);
		pk_item(h, "Verslag uiterlijk", s);
	}
	if (json_array_size(json_object_get(t, "destinations"))) {
		pk_item_begin(h, "Waarheen");
		pk_destinations(h, t, false);
		pk_item_end(h);
	}
	if (json_object_get(t, "planned_travellers")) {
		pk_item_begin(h, "Reizigers (gepland)");
		pk_travellers(h, json_object_get(t, "planned_travellers"));
		pk_item_end(h);
	}
	if (json_object_get(t, "travellers")) {
		pk_item_begin(h, "Reizigers");
		pk_travellers(h, json_object_get(t, "travellers"));
		pk_item_end(h);
	}
	if ((i = (size_t)rr_rec_count(t, "planned_accompanying_officials", -1)) != (size_t)-1) {
		snprintf(s, sizeof s, "%zu", i);
		pk_item(h, "Ambtenaren (gepland)", s);
	}
	if ((i = (size_t)rr_rec_count(t, "accompanying_officials", -1)) != (size_t)-1) {
		snprintf(s, sizeof s, "%zu", i);
		pk_item(h, "Ambtenaren", s);
	}
	pk_item(h, "Doel", rr_rec_str(t, "purpose"));
	pk_item(h, "Motivatie", rr_rec_str(t, "motivation"));
	json_array_foreach(json_object_get(t, "costs"), i, x) {
		char money[48];
		pk_money(money, sizeof money, rr_amount_cents(json_object_get(x, "amount_eur")));
		snprintf(s, sizeof s, "%s (%s, betaald door %s)", money,
			 !strcmp(rr_rec_str(x, "kind") ? rr_rec_str(x, "kind") : "", "actual") ?
			 "werkelijk" : "raming", rr_rec_str(x, "paid_by") ? rr_rec_str(x, "paid_by") : org);
		pk_item_begin(h, rr_rec_str(x, "category"));
		html_text(h, s);
		pk_item_end(h);
	}
	json_array_foreach(json_object_get(t, "coordination"), i, x) {
		snprintf(s, sizeof s, "met %s op %s", rr_rec_str(x, "with") ? rr_rec_str(x, "with") : "",
			 rr_rec_str(x, "date") ? rr_rec_str(x, "date") : "?");
		pk_item(h, "Afstemming", s);
	}
	if (dec) {
		snprintf(s, sizeof s, "%s op %s", pk_status_label(rr_rec_str(dec, "outcome")),
			 rr_rec_str(dec, "date") ? rr_rec_str(dec, "date") : "?");
		pk_item(h, "Besluit college", s);
	}
	if (json_object_get(t, "cancellation"))
		pk_item(h, "Afgelast", rr_rec_str(json_object_get(t, "cancellation"), "reason"));
	if (rep) {
		item_date(h, "Verslag ingediend", rr_rec_str(rep, "submitted"));
		pk_item(h, "Verslag", rr_rec_str(rep, "text"));
	}
	pk_dl_end(h);
}

rr_err ak_trip_page(rr_req *r, rr_resp *o, const json_t *t, const rr_diag *d, int status)
{
	const char *id = rr_rec_str(t, "id"), *title = rr_rec_str(t, "title");
	const char *org = rr_rec_str(t, "organisation");
	rr_date today = rr_today();
	json_t *probs = rr_trip_completeness(t, ak_report_period(r->store, org), &today);
	json_t *audit = NULL;
	const json_t *p;
	size_t i;
	html h;
	rr_err e;

	layout_crumb crumbs[] = {{"Home", "/"}, {"Beheer", "/beheer"}, {title, NULL}};
	pk_begin(&h, o, title, crumbs, 3, NULL);
	layout_h1(&h, title);
	ak_errors(&h, d);
	html_open_c(&h, "p", "utrecht-paragraph");
	pk_third_party(&h, t);
	html_close(&h, "p");
	facts(r, &h, t);
	layout_h2(&h, "Wat nog ontbreekt");
	if (json_array_size(probs)) {
		html_open_c(&h, "ul", "utrecht-unordered-list rr-completeness");
		json_array_foreach(probs, i, p) {
			html_open_c(&h, "li", "utrecht-unordered-list__item");
			html_textf(&h, "%s: %s", rr_rec_str(p, "field") ? rr_rec_str(p, "field") : "",
				   rr_rec_str(p, "message") ? rr_rec_str(p, "message") : "");
			html_close(&h, "li");
		}
		html_close(&h, "ul");
	} else {
		layout_paragraph(&h, "Niets: de reis is volledig.");
	}
	layout_h2(&h, "Volgende stappen");
	ak_trip_action_forms(&h, r, t);
	layout_h2(&h, "Geschiedenis");
	if (rr_store_audit(r->store, RR_K_TRIP, id, &audit) == RR_OK)
		ak_audit_table(&h, audit);
	html_open_c(&h, "p", "utrecht-paragraph");
	pk_link(&h, "/trips/", id, "Openbare pagina van deze reis");
	html_text(&h, " \xc2\xb7 ");
	pk_link(&h, "/beheer/audit/trip/", id, "Auditlog van deze reis");
	html_close(&h, "p");
	o->status = status;
	e = pk_end(&h, o);
	json_decref(probs);
	json_decref(audit);
	return e;
}

rr_err ak_load_trip(rr_req *r, rr_resp *o, const char *id, rr_cap cap, json_t **t,
		    bool *denied)
{
	rr_err e;

	*denied = false;
	*t = NULL;
	if ((e = rr_store_get(r->store, RR_K_TRIP, id, r->viewer, t)))
		return e; /* not visible to this user: 404 */
	if (!rr_can(r->principal, rr_rec_str(*t, "organisation"), cap)) {
		json_decref(*t);
		*t = NULL;
		*denied = true;
		return ak_forbidden(o);
	}
	json_decref(*t); /* reload as the system, with every field */
	return rr_store_get(r->store, RR_K_TRIP, id, &rr_viewer_system, t);
}

rr_err page_trip_edit(rr_req *r, rr_resp *o)
{
	json_t *t = NULL;
	bool denied;
	rr_err e;

	if (!r->principal)
		return ak_need_login(o);
	if ((e = ak_load_trip(r, o, rr_req_cap(r, "id"), RR_CAP_READ, &t, &denied)) || denied)
		return e;
	e = ak_trip_page(r, o, t, NULL, 200);
	json_decref(t);
	return e;
}
