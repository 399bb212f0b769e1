/* page_trip_fields.c - the descriptive fields of a trip as one form, shared
 * by the new request (/beheer/reizen/nieuw, page_trip_edit.c) and the
 * correction of an existing trip (/beheer/reizen/{id}/bewerken, here):
 * title, kind, direction, transport, counterpart, purpose, motivation, destinations,
 * travellers, external parties, planned dates and officials, cost lines,
 * themes and partnership. Lists are one per line. The lifecycle fields
 * (status, decision, report, public, coordination, cancellation, sources,
 * actual dates) are never touched here: they are page_trip_action.c's. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/country.h"
#include "model/record.h"
#include "web/adminkit.h"

/* The text keys of the form (thema is the array of checked themes; the
 * rows are arrays of objects, page_trip_rows.c). */
static const char *const text_keys[] = {"titel", "soort", "richting", "tegenpartij",
	"gepland_begin", "gepland_eind", "doel", "motivatie", "ambtenaren", "externe_partijen",
	"partnerschap", "vervoer", NULL};

json_t *ak_trip_form_of_req(const rr_req *r, unsigned flags)
{
	json_t *v = json_object(), *themes = json_array();
	const char *s;
	size_t i = 0;

	for (size_t k = 0; text_keys[k]; k++)
		if ((s = ak_val(r, text_keys[k])))
			json_object_set_new(v, text_keys[k], json_string(s));
	while (r->form && (s = rr_form_next(r->form, "thema", &i)))
		json_array_append_new(themes, json_string(s));
	json_object_set_new(v, "thema", themes);
	json_object_set_new(v, "bestemmingen", ak_rows_of_req(r, "bestemming"));
	json_object_set_new(v, "reizigers", ak_rows_of_req(r, "reiziger"));
	if (flags & AK_TF_EDIT)
		json_object_set_new(v, "geplande_reizigers", ak_rows_of_req(r, "gepland"));
	json_object_set_new(v, "kosten", ak_rows_of_req(r, "kosten"));
	return v;
}

json_t *ak_trip_form_of_trip(const json_t *trip)
{
	json_t *v = json_object(), *themes = json_object_get(trip, "themes");
	const char *org = rr_rec_str(trip, "organisation");
	const json_t *x;
	char s[64], *parties = NULL;
	size_t i, len = 0;
	static const char *const plain[][2] = {{"titel", "title"}, {"soort", "kind"},
		{"richting", "direction"}, {"tegenpartij", "counterpart"},
		{"gepland_begin", "planned_start"}, {"gepland_eind", "planned_end"},
		{"doel", "purpose"}, {"motivatie", "motivation"}, {"partnerschap", "partnership"},
		{"vervoer", "transport"}};

	for (i = 0; i < sizeof plain / sizeof plain[0]; i++)
		if (rr_rec_str(trip, plain[i][1]))
			json_object_set_new(v, plain[i][0], json_string(rr_rec_str(trip, plain[i][1])));
	ak_text_of(s, sizeof s, json_object_get(trip, "planned_accompanying_officials"));
	if (s[0])
		json_object_set_new(v, "ambtenaren", json_string(s));
	json_object_set_new(v, "bestemmingen", ak_dest_rows_of(json_object_get(trip, "destinations")));
	json_object_set_new(v, "reizigers", ak_traveller_rows_of(json_object_get(trip, "travellers")));
	json_object_set_new(v, "geplande_reizigers",
			    ak_traveller_rows_of(json_object_get(trip, "planned_travellers")));
	json_object_set_new(v, "kosten", ak_cost_rows_of(json_object_get(trip, "costs"), org));
	json_array_foreach(json_object_get(trip, "external_parties"), i, x)
		len += strlen(json_string_value(x) ? json_string_value(x) : "") + 1;
	if (len && (parties = calloc(len + 1, 1))) {
		json_array_foreach(json_object_get(trip, "external_parties"), i, x) {
			strcat(parties, json_string_value(x) ? json_string_value(x) : "");
			strcat(parties, "\n");
		}
		json_object_set_new(v, "externe_partijen", json_string(parties));
	}
	free(parties);
	json_object_set_new(v, "thema", json_is_array(themes) ? json_deep_copy(themes) :
				   json_array());
	return v;
}

static const char *val(const json_t *v, const char *key)
{
	return rr_rec_str(v, key);
}

void ak_trip_form_fields(ak_form *f, const json_t *v, const char *org, unsigned flags)
{
	bool edit = flags & AK_TF_EDIT, rep = flags & AK_TF_REPORTED;
	static const char req[] = "Waarde uit de aanvraag: het verslag is al ingediend.";

	ak_default_submit(f);
	ak_row_datalists(f);
	ak_fieldset_begin(f, "De reis", "");
	ak_input(f, "text", "titel", "Titel", val(v, "titel"), "Zoals Werkbezoek Osaka en Tokio");
	ak_select(f, "soort", "Soort reis", rr_trip_kind_values, NULL, val(v, "soort"),
		  edit ? "(onbekend)" : NULL, NULL);
	ak_select(f, "richting", "Richting", rr_direction_values, NULL, val(v, "richting"), NULL,
		  "Uitgaand: wij reizen. Ontvangen delegatie: een bezoek aan ons.");
	ak_input(f, "text", "tegenpartij", "Tegenpartij", val(v, "tegenpartij"),
		 "De bezoekende of bezochte partij, als die er is");
	ak_input(f, "date", "gepland_begin", "Geplande vertrekdatum", val(v, "gepland_begin"),
		 rep ? req : "Dag, maand en jaar");
	ak_input(f, "date", "gepland_eind", "Geplande terugkomst", val(v, "gepland_eind"),
		 rep ? req : "Dag, maand en jaar");
	ak_select(f, "vervoer", "Vervoer", rr_transport_values, NULL, val(v, "vervoer"),
		  "(niet vastgelegd)", "Hoe de delegatie reist, voor de schatting van de CO₂. "
		  "Niet vastgelegd: boven 700 km het vliegtuig, daaronder de trein.");
	ak_fieldset_end(f);
	ak_dest_fields(f, "bestemming", json_object_get(v, "bestemmingen"), 1);
	ak_traveller_fields(f, "reiziger", edit ? "Reizigers (wie gaan of gingen)" : "Reizigers",
			    json_object_get(v, "reizigers"), 1,
			    "Bestuurders en andere leden van de delegatie. Kies een persoon uit "
			    "het register of typ een nieuwe naam.");
	if (edit)
		ak_traveller_fields(f, "gepland", "Reizigers volgens de aanvraag",
				    json_object_get(v, "geplande_reizigers"), 0,
				    rep ? req : "Wie de aanvraag noemde.");
	ak_fieldset_begin(f, "Waarom", "");
	ak_textarea(f, "doel", "Doel", val(v, "doel"), "Wat wil het bestuur met de reis bereiken?");
	ak_textarea(f, "motivatie", "Motivatie", val(v, "motivatie"),
		    "Waarom is de reis de moeite en de kosten waard?");
	ak_checkboxes(f, "thema", "Thema's", rr_theme_values, json_object_get(v, "thema"));
	ak_record_select(f, RR_K_PARTNERSHIP, org, "partnerschap", "Partnerschap",
			 val(v, "partnerschap"), "Als de reis bij een partnerschap hoort");
	ak_fieldset_end(f);
	ak_fieldset_begin(f, "Wie gaan er mee", "");
	ak_input(f, "number", "ambtenaren", "Aantal meereizende ambtenaren (gepland)",
		 val(v, "ambtenaren"), rep ? req : NULL);
	ak_textarea(f, "externe_partijen", "Externe partijen", val(v, "externe_partijen"),
		    "Eén per regel, zoals een bedrijf of kennisinstelling die meereist.");
	ak_fieldset_end(f);
	ak_cost_fields(f, "kosten", json_object_get(v, "kosten"), edit ? 1 : 2, org, NULL);
}

/* Copies field extra of the old item with the same k1 and k2 into each new
 * item (a traveller's person, a destination's region, a cost's note). */
static void keep(json_t *arr, const json_t *old, const char *k1, const char *k2,
		 const char *extra)
{
	const json_t *o;
	json_t *n;
	size_t i, j;

	json_array_foreach(arr, i, n) {
		json_array_foreach(old, j, o) {
			const char *a = rr_rec_str(n, k1), *b = rr_rec_str(o, k1);
			const char *c = rr_rec_str(n, k2), *d = rr_rec_str(o, k2);
			if (a && b && !strcmp(a, b) && (c ? d && !strcmp(c, d) : !d)) {
				if (json_object_get(o, extra) && !json_object_get(n, extra))
					json_object_set(n, extra, json_object_get(o, extra));
				break;
			}
		}
	}
}

/* The non-empty trimmed lines of text as an array of strings. */
static json_t *lines(const char *text)
{
	json_t *out = json_array();

	while (text && *text) {
		size_t n = strcspn(text, "\r\n"), st = 0;
		while (st < n && isspace((unsigned char)text[st]))
			st++;
		while (n > st && isspace((unsigned char)text[n - 1]))
			n--;
		if (n > st)
			json_array_append_new(out, json_stringn(text + st, n - st));
		text += strcspn(text, "\r\n");
		text += strspn(text, "\r\n");
	}
	return out;
}

/* The strings of now, those also in old first in old's order (a form of
 * checkboxes sends them in its own order). Steals now. */
static json_t *in_old_order(json_t *now, const json_t *old)
{
	json_t *out = json_array(), *x;
	const json_t *o;
	size_t i, j;

	json_array_foreach(old, j, o)
		json_array_foreach(now, i, x)
			if (json_equal(x, o)) {
				json_array_append(out, x);
				json_array_remove(now, i);
				break;
			}
	json_array_extend(out, now);
	json_decref(now);
	return out;
}

/* arr as t[key], or no key when empty. Steals arr. */
static void set_arr(json_t *t, const char *key, json_t *arr)
{
	if (json_array_size(arr))
		json_object_set_new(t, key, arr);
	else {
		json_decref(arr);
		json_object_del(t, key);
	}
}

/* A traveller the form sends back unchanged (same name and role) keeps the
 * person it had, or none; only a new one is linked by name. */
static void same_person(json_t *arr, const json_t *old)
{
	const json_t *o;
	json_t *n;
	size_t i, j;

	json_array_foreach(arr, i, n) {
		json_array_foreach(old, j, o) {
			const char *a = rr_rec_str(n, "name"), *b = rr_rec_str(o, "name");
			const char *c = rr_rec_str(n, "role"), *d = rr_rec_str(o, "role");
			if (a && b && !strcmp(a, b) && (c ? d && !strcmp(c, d) : !d)) {
				if (json_object_get(o, "person"))
					json_object_set(n, "person", json_object_get(o, "person"));
				else
					json_object_del(n, "person");
				if (json_object_get(o, "organisation"))
					json_object_set(n, "organisation", json_object_get(o, "organisation"));
				break;
			}
		}
	}
}

static void set_enum(json_t *t, const char *key, const char *v, const char *const *values,
		     const char *field, const char *msg, rr_diag *d)
{
	if (v && !rr_enum_has(values, v))
		rr_diag_add_at(d, field, "%s", msg);
	else
		ak_set(t, key, v);
}

void ak_trip_form_parse(rr_req *r, json_t *t, unsigned flags, rr_date *ps, rr_diag *d)
{
	bool edit = flags & AK_TF_EDIT;
	const char *org = rr_rec_str(t, "organisation"), *v;
	json_t *rows, *travs, *planned, *costs, *dests, *themes = json_array();
	char iso[RR_DATE_ISO_MAX];
	long long n;
	bool given;
	rr_date pe;
	size_t i = 0;

	if (!(v = ak_val(r, "titel")))
		rr_diag_add_at(d, "titel", "Vul een titel in, zoals Werkbezoek Osaka en Tokio.");
	ak_set(t, "title", v);
	set_enum(t, "kind", ak_val(r, "soort"), rr_trip_kind_values, "soort",
		 "Kies de soort reis uit de lijst.", d);
	if (!ak_val(r, "richting"))
		rr_diag_add_at(d, "richting", "Kies of wij reizen of een delegatie ontvangen.");
	set_enum(t, "direction", ak_val(r, "richting"), rr_direction_values, "richting",
		 "Kies of wij reizen of een delegatie ontvangen.", d);
	set_enum(t, "transport", ak_val(r, "vervoer"), rr_transport_values, "vervoer",
		 "Kies het vervoer uit de lijst.", d);
	ak_set(t, "counterpart", ak_val(r, "tegenpartij"));
	ak_set(t, "purpose", ak_val(r, "doel"));
	ak_set(t, "motivation", ak_val(r, "motivatie"));
	ak_own_ref(r, t, RR_K_PARTNERSHIP, "partnership", "partnerschap", "Partnerschap", d);
	ak_date(r, "gepland_begin", !edit, ps, d);
	ak_date(r, "gepland_eind", false, &pe, d);
	if (ps->prec && pe.prec && rr_date_cmp(&pe, ps) < 0) {
		char sd[64];
		pk_dates(sd, sizeof sd, (rr_date_iso(ps, iso), iso), NULL);
		rr_diag_add_at(d, "gepland_eind", "De terugkomst ligt v\xc3\xb3\xc3\xb3r de vertrekdatum "
			       "(%s).", sd);
	}
	if (ps->prec)
		rr_date_iso(ps, iso);
	ak_set(t, "planned_start", ps->prec ? iso : NULL);
	if (pe.prec)
		rr_date_iso(&pe, iso);
	ak_set(t, "planned_end", pe.prec ? iso : NULL);
	rows = ak_rows_of_req(r, "bestemming");
	dests = ak_dest_parse(rows, "bestemming", d);
	json_decref(rows);
	keep(dests, json_object_get(t, "destinations"), "country", "city", "region");
	set_arr(t, "destinations", dests);
	rows = ak_rows_of_req(r, "reiziger");
	travs = ak_traveller_parse(r, rows, "reiziger", d);
	json_decref(rows);
	same_person(travs, json_object_get(t, "travellers"));
	if (edit) {
		rows = ak_rows_of_req(r, "gepland");
		planned = ak_traveller_parse(r, rows, "gepland", d);
		json_decref(rows);
	} else {
		planned = json_deep_copy(travs);
	}
	same_person(planned, json_object_get(t, "planned_travellers"));
	set_arr(t, "travellers", travs);
	set_arr(t, "planned_travellers", planned);
	rows = ak_rows_of_req(r, "kosten");
	costs = ak_cost_parse(rows, "kosten", org, NULL, d);
	json_decref(rows);
	keep(costs, json_object_get(t, "costs"), "category", "kind", "note");
	set_arr(t, "costs", costs);
	json_object_del(t, "planned_accompanying_officials");
	if (ak_count(r, "ambtenaren", 1000, &n, &given, d) && given)
		json_object_set_new(t, "planned_accompanying_officials", json_integer(n));
	set_arr(t, "external_parties", lines(ak_val(r, "externe_partijen")));
	while (r->form && (v = rr_form_next(r->form, "thema", &i))) {
		if (!rr_enum_has(rr_theme_values, v))
			rr_diag_add_at(d, "thema", "Kies thema's uit de lijst.");
		else
			json_array_append_new(themes, json_string(v));
	}
	set_arr(t, "themes", in_old_order(themes, json_object_get(t, "themes")));
	(void)v;
}

/* The correction form of trip with values v and d's problems. */
static rr_err fields_page(rr_req *r, rr_resp *o, const json_t *trip, const json_t *v,
			  const rr_diag *d, int status)
{
	const char *id = rr_rec_str(trip, "id"), *title = rr_rec_str(trip, "title");
	const char *st = rr_rec_str(trip, "status");
	bool rep = st && !strcmp(st, "reported");
	char action[200], back[200], tt[300];
	ak_form f;
	html h;

	snprintf(back, sizeof back, "/beheer/reizen/%s", id);
	layout_crumb crumbs[] = {{"Home", "/"}, {"Beheer", "/beheer"}, {title, back},
		{"Gegevens bewerken", NULL}};
	pk_begin(&h, o, ak_title(tt, sizeof tt, "Gegevens bewerken", d), crumbs, 4, NULL);
	ak_errors(&h, d);
	layout_h1(&h, "Gegevens bewerken");
	html_open_c(&h, "p", "utrecht-paragraph");
	html_textf(&h, "%s. Status, besluit, verslag en publicatie wijzigt u met de volgende "
		   "stappen op de pagina van de reis.", title);
	html_close(&h, "p");
	if (rep)
		layout_paragraph(&h, "Het verslag is ingediend: de geplande datums, reizigers en "
				 "ambtenaren zijn de waarden uit de aanvraag.");
	snprintf(action, sizeof action, "/beheer/reizen/%s/bewerken", id);
	ak_form_begin(&f, &h, r, d, action, trip);
	ak_trip_form_fields(&f, v, rr_rec_str(trip, "organisation"),
			    AK_TF_EDIT | (rep ? AK_TF_REPORTED : 0));
	ak_submit(&f, "Opslaan");
	ak_form_end(&f);
	html_open_c(&h, "p", "utrecht-paragraph");
	pk_link(&h, "/beheer/reizen/", id, "Terug naar de reis");
	html_close(&h, "p");
	o->status = status;
	return pk_end(&h, o);
}

rr_err page_trip_fields(rr_req *r, rr_resp *o)
{
	json_t *t = NULL, *v = NULL;
	bool denied;
	rr_err e;

	if (!r->principal)
		return ak_need_login(o);
	if ((e = ak_load_trip(r, o, rr_req_cap(r, "id"), RR_CAP_EDIT, &t, &denied)) || denied)
		return e;
	if (!(v = ak_trip_form_of_trip(t))) {
		e = RR_ENOMEM;
		goto out;
	}
	e = fields_page(r, o, t, v, NULL, 200);
out:
	json_decref(v);
	json_decref(t);
	return e;
}

rr_err trip_fields_save(rr_req *r, rr_resp *o)
{
	json_t *t = NULL, *upd = NULL, *v = NULL;
	rr_diag d = {0};
	rr_date ps;
	bool denied;
	char path[200];
	rr_err e = RR_OK;

	if ((e = ak_load_trip(r, o, rr_req_cap(r, "id"), RR_CAP_EDIT, &t, &denied)) || denied)
		return e;
	if (!(upd = json_deep_copy(t))) {
		e = RR_ENOMEM;
		goto out;
	}
	if (!ak_more(r)) {
		ak_trip_form_parse(r, upd, AK_TF_EDIT, &ps, &d);
		if (!d.n && (e = ak_save(r, RR_K_TRIP, upd, &d)) == RR_OK) {
			snprintf(path, sizeof path, "/beheer/reizen/%s", rr_rec_str(t, "id"));
			ak_redirect(o, path, "gegevens");
			goto out;
		}
		if (e && e != RR_EINVAL && e != RR_ECONFLICT)
			goto out;
		rr_diag_rename(&d, "planned_start", "gepland_begin");
		rr_diag_rename(&d, "planned_end", "gepland_eind");
		rr_diag_rename(&d, "title", "titel");
	}
	if (!(v = ak_trip_form_of_req(r, AK_TF_EDIT))) {
		e = RR_ENOMEM;
		goto out;
	}
	e = fields_page(r, o, t, v, &d, d.n ? 422 : 200);
out:
	json_decref(v);
	json_decref(upd);
	json_decref(t);
	rr_diag_free(&d);
	return e;
}
