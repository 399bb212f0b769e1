/* page_partnership_edit.c - the editors' form of a partnership
 * (/beheer/partnerschappen/nieuw?organisation=CODE, /beheer/partnerschappen/{id}):
 * partner, country, city, type, since, until, themes, description, public,
 * and a small form that adds a dated life event (signed, upgraded, ...).
 * Saved through ak_save like every record; the public evaluation is
 * page_partnership.c. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "model/record.h"
#include "web/adminkit.h"

static const char *const pub_values[] = {"1", "0", NULL};
static const char *const pub_labels[] = {"Ja, opnemen in het openbare register", "Nee, nog niet",
	NULL};

static void events_table(rr_req *r, html *h, const json_t *p)
{
	static const char *const heads[] = {"Datum", "Gebeurtenis", "Vorm daarna", "Toelichting",
		"Verwijderen"};
	const char *id = rr_rec_str(p, "id");
	const json_t *ev;
	char action[200], num[24], d[64];
	size_t i;

	if (!json_array_size(json_object_get(p, "events"))) {
		layout_paragraph(h, "Nog geen gebeurtenissen vastgelegd.");
		return;
	}
	snprintf(action, sizeof action, "/beheer/partnerschappen/%s/gebeurtenis-weg", id);
	layout_table_begin(h, "Gebeurtenissen in de levensloop", heads, NULL, 5);
	json_array_foreach(json_object_get(p, "events"), i, ev) {
		const char *t = rr_rec_str(ev, "type"), *k = rr_enum_label(rr_event_kind_values,
									  rr_rec_str(ev, "kind"));
		pk_dates(d, sizeof d, rr_rec_str(ev, "date"), NULL);
		layout_row_begin(h);
		layout_cell(h, d, 0);
		layout_cell(h, k ? k : "", 0);
		layout_cell(h, t ? rr_enum_label(rr_partnership_type_values, t) : "", 0);
		layout_cell(h, rr_rec_str(ev, "description") ? rr_rec_str(ev, "description") : "", 0);
		html_open_c(h, "td", "utrecht-table__cell");
		snprintf(num, sizeof num, "%zu", i + 1);
		ak_button_form(h, r, action, p, "nummer", num, "Verwijderen");
		html_close(h, "td");
		layout_row_end(h);
	}
	layout_table_end(h);
}

/* The page for p (new when it has no id yet), with d's problems. */
static rr_err pship_page(rr_req *r, rr_resp *o, const json_t *p, const rr_diag *d, int status)
{
	static const layout_crumb crumbs[] = {{"Home", "/"}, {"Beheer", "/beheer"},
		{"Partnerschap", NULL}};
	const char *id = rr_rec_str(p, "id"), *org = rr_rec_str(p, "organisation");
	const json_t *partner = json_object_get(p, "partner");
	const char *cc = rr_rec_str(partner, "country");
	char action[200], tt[200];
	ak_form f;
	html h;

	if (id)
		snprintf(action, sizeof action, "/beheer/partnerschappen/%s", id);
	else
		snprintf(action, sizeof action, "/beheer/partnerschappen/nieuw?organisation=%s", org);
	pk_begin(&h, o, ak_title(tt, sizeof tt, id ? "Partnerschap bewerken" : "Nieuw partnerschap",
				  d), crumbs, 3, NULL);
	ak_errors(&h, d);
	ak_flash(&h, r);
	layout_h1(&h, id ? "Partnerschap bewerken" : "Nieuw partnerschap");
	if (id) {
		html_open_c(&h, "p", "utrecht-paragraph");
		pk_link(&h, "/partnerschappen/", id, "Openbare pagina en evaluatie");
		html_text(&h, " \xc2\xb7 ");
		pk_link(&h, "/beheer/audit/partnership/", id, "Wijzigingen (auditlog)");
		html_close(&h, "p");
	}
	ak_form_begin(&f, &h, r, d, action, id ? p : NULL);
	ak_row_datalists(&f);
	ak_input(&f, "text", "partner", "Partner (naam)", rr_rec_str(partner, "name"),
		 "Zoals Gemeente Shenzhen");
	ak_input_list(&f, "land", "Land van de partner",
		      r->form && ak_val(r, "land") ? ak_val(r, "land") : cc ? pk_country_name(cc) : NULL,
		      "Begin te typen en kies uit de lijst", "landen");
	ak_input_list(&f, "stad", "Stad", rr_rec_str(partner, "city"), NULL, "steden");
	ak_select(&f, "type", "Vorm", rr_partnership_type_values, NULL, rr_rec_str(p, "type"), NULL,
		  NULL);
	ak_input(&f, "text", "sinds", "Sinds", rr_rec_str(p, "since"),
		 "Een jaar (1995), een maand (1995-10) of een dag");
	ak_input(&f, "text", "tot", "Tot (als beëindigd)", rr_rec_str(p, "until"),
		 "Een jaar, een maand of een dag");
	ak_checkboxes(&f, "thema", "Thema's", rr_theme_values, json_object_get(p, "themes"));
	ak_textarea(&f, "omschrijving", "Omschrijving", rr_rec_str(p, "description"), NULL);
	ak_select(&f, "openbaar", "Openbaar", pub_values, pub_labels,
		  rr_rec_bool(p, "public") ? "1" : "0", NULL, NULL);
	ak_submit(&f, "Opslaan");
	ak_form_end(&f);
	if (id) {
		layout_h2(&h, "Levensloop");
		events_table(r, &h, p);
		html_open_c(&h, "h3", "utrecht-heading-3");
		html_text(&h, "Gebeurtenis toevoegen");
		html_close(&h, "h3");
		snprintf(action, sizeof action, "/beheer/partnerschappen/%s/gebeurtenis", id);
		ak_form_begin(&f, &h, r, d, action, p);
		ak_input(&f, "date", "datum", "Datum", ak_val(r, "datum"), "Dag, maand en jaar");
		ak_select(&f, "soort", "Gebeurtenis", rr_event_kind_values, NULL, ak_val(r, "soort"),
			  "(kies)", NULL);
		ak_select(&f, "vorm", "Vorm na de gebeurtenis", rr_partnership_type_values, NULL,
			  ak_val(r, "vorm"), "(geen)", "Alleen bij een omzetting naar een andere vorm");
		ak_input(&f, "text", "toelichting", "Toelichting", ak_val(r, "toelichting"), NULL);
		ak_submit(&f, "Gebeurtenis toevoegen");
		ak_form_end(&f);
	}
	o->status = status;
	return pk_end(&h, o);
}

/* The form's fields into p (which keeps every field the form lacks). */
static void from_form(rr_req *r, json_t *p, rr_diag *d)
{
	json_t *partner = json_object_get(p, "partner"), *themes = json_array();
	const char *v;
	char cc[3];
	rr_date dt;
	size_t i = 0;

	partner = json_is_object(partner) ? json_deep_copy(partner) : json_object();
	if (!(v = ak_val(r, "partner")))
		rr_diag_add_at(d, "partner", "Vul de naam van de partner in.");
	ak_set(partner, "name", v);
	if (!(v = ak_val(r, "land")))
		rr_diag_add_at(d, "land", "Vul het land van de partner in.");
	else if (!ak_country_code(v, cc))
		rr_diag_add_at(d, "land", "'%.60s' is geen land dat wij kennen. Kies een land uit de "
			       "lijst, of typ de landcode van twee letters (zoals CN).", v);
	else
		ak_set(partner, "country", cc);
	ak_set(partner, "city", ak_val(r, "stad"));
	json_object_set_new(p, "partner", partner);
	if ((v = ak_val(r, "type")) && !rr_enum_has(rr_partnership_type_values, v))
		rr_diag_add_at(d, "type", "Kies de vorm uit de lijst.");
	ak_set(p, "type", v);
	if ((v = ak_val(r, "sinds")) && rr_date_parse_iso(v, &dt, NULL))
		rr_diag_add_at(d, "sinds", "'%.40s' is geen jaar, maand of datum, zoals 1995, "
			       "1995-10 of 1995-10-03.", v);
	ak_set(p, "since", v);
	if ((v = ak_val(r, "tot")) && rr_date_parse_iso(v, &dt, NULL))
		rr_diag_add_at(d, "tot", "'%.40s' is geen jaar, maand of datum, zoals 2019 of "
			       "2019-05.", v);
	ak_set(p, "until", v);
	ak_set(p, "description", ak_val(r, "omschrijving"));
	while (r->form && (v = rr_form_next(r->form, "thema", &i))) {
		if (rr_enum_has(rr_theme_values, v))
			json_array_append_new(themes, json_string(v));
		else
			rr_diag_add_at(d, "thema", "Kies thema's uit de lijst.");
	}
	json_object_set_new(p, "themes", themes);
	json_object_set_new(p, "public", json_boolean(ak_val(r, "openbaar") &&
						      !strcmp(ak_val(r, "openbaar"), "1")));
}

/* Saves p; a 303 to its page, or the form again with the problems (422). */
static rr_err save(rr_req *r, rr_resp *o, json_t *p, const char *base, rr_diag *d,
		   const char *flash)
{
	char path[200];
	rr_err e = RR_OK;

	if (!d->n && (e = base ? ak_create(r, RR_K_PARTNERSHIP, p, base, 0, d)
			      : ak_save(r, RR_K_PARTNERSHIP, p, d)) == RR_OK) {
		snprintf(path, sizeof path, "/beheer/partnerschappen/%s", rr_rec_str(p, "id"));
		ak_redirect(o, path, flash);
		return RR_OK;
	}
	rr_diag_rename(d, "until", "tot");
	rr_diag_rename(d, "since", "sinds");
	if (e && e != RR_EINVAL && e != RR_ECONFLICT)
		return e;
	if (!rr_req_cap(r, "id"))
		json_object_del(p, "id"); /* a refused new one stays new */
	return pship_page(r, o, p, d, 422);
}

rr_err page_partnership_new(rr_req *r, rr_resp *o)
{
	const char *org = rr_req_param(r, "organisation");
	json_t *p;
	rr_err e;

	if (!rr_can(r->principal, org, RR_CAP_EDIT))
		return r->principal ? ak_forbidden(o) : ak_need_login(o);
	if (!(p = json_pack("{s:s, s:b}", "organisation", org, "public", 1)))
		return RR_ENOMEM;
	e = pship_page(r, o, p, NULL, 200);
	json_decref(p);
	return e;
}

rr_err partnership_create(rr_req *r, rr_resp *o)
{
	const char *org = rr_req_param(r, "organisation");
	rr_diag d = {0};
	char base[160];
	json_t *p;
	rr_err e;

	if (!rr_can(r->principal, org, RR_CAP_EDIT))
		return ak_forbidden(o);
	if (!(p = json_pack("{s:s}", "organisation", org)))
		return RR_ENOMEM;
	from_form(r, p, &d);
	ak_id_base(RR_K_PARTNERSHIP, org, ak_val(r, "partner"), base, sizeof base);
	e = save(r, o, p, base, &d, "partnerschap");
	json_decref(p);
	rr_diag_free(&d);
	return e;
}

rr_err page_partnership_edit(rr_req *r, rr_resp *o)
{
	json_t *p = NULL;
	bool denied;
	rr_err e;

	if (!r->principal)
		return ak_need_login(o);
	if ((e = ak_load_rec(r, o, RR_K_PARTNERSHIP, rr_req_cap(r, "id"), RR_CAP_EDIT, &p,
			     &denied)) || denied)
		return e;
	e = pship_page(r, o, p, NULL, 200);
	json_decref(p);
	return e;
}

rr_err partnership_save(rr_req *r, rr_resp *o)
{
	json_t *p = NULL;
	rr_diag d = {0};
	bool denied;
	rr_err e;

	if ((e = ak_load_rec(r, o, RR_K_PARTNERSHIP, rr_req_cap(r, "id"), RR_CAP_EDIT, &p,
			     &denied)) || denied)
		return e;
	from_form(r, p, &d);
	e = save(r, o, p, NULL, &d, "partnerschap");
	json_decref(p);
	rr_diag_free(&d);
	return e;
}

rr_err partnership_event_add(rr_req *r, rr_resp *o)
{
	json_t *p = NULL, *ev = NULL, *events;
	const char *kind = ak_val(r, "soort"), *type = ak_val(r, "vorm");
	char iso[RR_DATE_ISO_MAX];
	rr_diag d = {0};
	rr_date dt;
	bool denied;
	rr_err e;

	if ((e = ak_load_rec(r, o, RR_K_PARTNERSHIP, rr_req_cap(r, "id"), RR_CAP_EDIT, &p,
			     &denied)) || denied)
		return e;
	ak_date(r, "datum", true, &dt, &d);
	if (!kind || !rr_enum_has(rr_event_kind_values, kind))
		rr_diag_add_at(&d, "soort", "Kies wat er gebeurde.");
	if (type && !rr_enum_has(rr_partnership_type_values, type))
		rr_diag_add_at(&d, "vorm", "Kies de vorm uit de lijst.");
	else if (kind && !strcmp(kind, "upgraded") && !type)
		rr_diag_add_at(&d, "vorm", "Kies de nieuwe vorm bij een omzetting.");
	if (d.n) {
		e = pship_page(r, o, p, &d, 422);
		goto out;
	}
	rr_date_iso(&dt, iso);
	if (!(ev = json_pack("{s:s, s:s}", "date", iso, "kind", kind))) {
		e = RR_ENOMEM;
		goto out;
	}
	ak_set(ev, "type", type);
	ak_set(ev, "description", ak_val(r, "toelichting"));
	if (!json_is_array(events = json_object_get(p, "events"))) {
		json_object_set_new(p, "events", json_array());
		events = json_object_get(p, "events");
	}
	json_array_append(events, ev);
	/* the partnership's form follows an upgrade (friendly city -> sister city) */
	if (!strcmp(kind, "upgraded") && type)
		ak_set(p, "type", type);
	if (!strcmp(kind, "ended") && !rr_rec_str(p, "until"))
		ak_set(p, "until", iso);
	e = save(r, o, p, NULL, &d, "gebeurtenis");
out:
	json_decref(ev);
	json_decref(p);
	rr_diag_free(&d);
	return e;
}

/* POST /beheer/partnerschappen/{id}/gebeurtenis-weg: removes event
 * `nummer` (1-based); the audit log keeps it. */
rr_err partnership_event_remove(rr_req *r, rr_resp *o)
{
	json_t *p = NULL;
	rr_diag d = {0};
	bool denied;
	rr_err e;

	if ((e = ak_load_rec(r, o, RR_K_PARTNERSHIP, rr_req_cap(r, "id"), RR_CAP_EDIT, &p,
			     &denied)) || denied)
		return e;
	ak_remove_item(r, p, "events", &d);
	e = save(r, o, p, NULL, &d, "gebeurtenis-weg");
	json_decref(p);
	rr_diag_free(&d);
	return e;
}
