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

static const char *const type_labels[] = {"stedenband (zusterstad)", "vriendschapsverdrag",
	"MoU (intentieverklaring)", "vriendschappelijke stad (friendly city)",
	"samenwerkingsovereenkomst", NULL};
static const char *const event_values[] = {"signed", "amended", "renewed", "upgraded",
	"joint_declaration", "dormant", "revived", "ended", NULL};
static const char *const event_labels[] = {"getekend", "gewijzigd", "verlengd",
	"omgezet naar een zwaardere vorm", "gezamenlijke verklaring", "slapend",
	"nieuw leven ingeblazen", "beëindigd", NULL};
static const char *const pub_values[] = {"1", "0", NULL};
static const char *const pub_labels[] = {"ja, opnemen in het openbare register", "nee, nog niet",
	NULL};

static const char *label_of(const char *const *values, const char *const *labels, const char *v)
{
	for (size_t i = 0; v && values[i]; i++)
		if (!strcmp(values[i], v))
			return labels[i];
	return v ? v : "";
}

static void events_table(html *h, const json_t *p)
{
	static const char *const heads[] = {"Datum", "Gebeurtenis", "Vorm daarna", "Toelichting"};
	const json_t *ev;
	size_t i;

	if (!json_array_size(json_object_get(p, "events"))) {
		layout_paragraph(h, "Nog geen gebeurtenissen vastgelegd.");
		return;
	}
	layout_table_begin(h, "Gebeurtenissen in de levensloop", heads, NULL, 4);
	json_array_foreach(json_object_get(p, "events"), i, ev) {
		const char *t = rr_rec_str(ev, "type");
		layout_row_begin(h);
		layout_cell(h, rr_rec_str(ev, "date") ? rr_rec_str(ev, "date") : "", 0);
		layout_cell(h, label_of(event_values, event_labels, rr_rec_str(ev, "kind")), 0);
		layout_cell(h, t ? label_of(rr_partnership_type_values, type_labels, t) : "", 0);
		layout_cell(h, rr_rec_str(ev, "description") ? rr_rec_str(ev, "description") : "", 0);
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
	char action[200];
	html h;

	if (id)
		snprintf(action, sizeof action, "/beheer/partnerschappen/%s", id);
	else
		snprintf(action, sizeof action, "/beheer/partnerschappen/nieuw?organisation=%s", org);
	pk_begin(&h, o, id ? "Partnerschap bewerken" : "Nieuw partnerschap", crumbs, 3, NULL);
	layout_h1(&h, id ? "Partnerschap bewerken" : "Nieuw partnerschap");
	if (id) {
		html_open_c(&h, "p", "utrecht-paragraph");
		pk_link(&h, "/partnerschappen/", id, "Openbare pagina en evaluatie");
		html_text(&h, " \xc2\xb7 ");
		pk_link(&h, "/beheer/audit/partnership/", id, "Wijzigingen (auditlog)");
		html_close(&h, "p");
	}
	ak_errors(&h, d);
	ak_form_begin(&h, r, action);
	ak_input(&h, "text", "partner", "Partner (naam)", rr_rec_str(partner, "name"), NULL);
	ak_input(&h, "text", "land", "Land van de partner", rr_rec_str(partner, "country"),
		 "ISO-landcode van twee letters, zoals CN of JP");
	ak_input(&h, "text", "stad", "Stad", rr_rec_str(partner, "city"), NULL);
	ak_select(&h, "type", "Vorm", rr_partnership_type_values, type_labels,
		  rr_rec_str(p, "type"), false);
	ak_input(&h, "text", "sinds", "Sinds", rr_rec_str(p, "since"), "jjjj, jjjj-mm of jjjj-mm-dd");
	ak_input(&h, "text", "tot", "Tot (als beëindigd)", rr_rec_str(p, "until"),
		 "jjjj, jjjj-mm of jjjj-mm-dd");
	ak_checkboxes(&h, "thema", "Thema's", rr_theme_values, pk_theme_label,
		      json_object_get(p, "themes"));
	ak_textarea(&h, "omschrijving", "Omschrijving", rr_rec_str(p, "description"), NULL);
	ak_select(&h, "openbaar", "Openbaar", pub_values, pub_labels,
		  rr_rec_bool(p, "public") ? "1" : "0", false);
	ak_submit(&h, "Opslaan");
	html_close(&h, "form");
	if (id) {
		layout_h2(&h, "Levensloop");
		events_table(&h, p);
		html_open_c(&h, "h3", "utrecht-heading-3");
		html_text(&h, "Gebeurtenis toevoegen");
		html_close(&h, "h3");
		snprintf(action, sizeof action, "/beheer/partnerschappen/%s/gebeurtenis", id);
		ak_form_begin(&h, r, action);
		ak_input(&h, "date", "datum", "Datum", ak_val(r, "datum"), "jjjj-mm-dd");
		ak_select(&h, "soort", "Gebeurtenis", event_values, event_labels,
			  ak_val(r, "soort"), false);
		ak_select(&h, "vorm", "Vorm na de gebeurtenis (bij omzetting)",
			  rr_partnership_type_values, type_labels, ak_val(r, "vorm"), true);
		ak_input(&h, "text", "toelichting", "Toelichting", ak_val(r, "toelichting"), NULL);
		ak_submit(&h, "Gebeurtenis toevoegen");
		html_close(&h, "form");
	}
	o->status = status;
	return pk_end(&h, o);
}

/* The form's fields into p (which keeps every field the form lacks). */
static void from_form(rr_req *r, json_t *p)
{
	json_t *partner = json_object_get(p, "partner"), *themes = json_array();
	const char *v;
	char cc[16];
	size_t i = 0;

	partner = json_is_object(partner) ? json_deep_copy(partner) : json_object();
	ak_set(partner, "name", ak_val(r, "partner"));
	cc[0] = '\0';
	if ((v = ak_val(r, "land"))) {
		snprintf(cc, sizeof cc, "%s", v);
		for (char *c = cc; *c; c++)
			*c = (char)toupper((unsigned char)*c);
	}
	ak_set(partner, "country", cc[0] ? cc : NULL);
	ak_set(partner, "city", ak_val(r, "stad"));
	json_object_set_new(p, "partner", partner);
	ak_set(p, "type", ak_val(r, "type"));
	ak_set(p, "since", ak_val(r, "sinds"));
	ak_set(p, "until", ak_val(r, "tot"));
	ak_set(p, "description", ak_val(r, "omschrijving"));
	while (r->form && (v = rr_form_next(r->form, "thema", &i)))
		json_array_append_new(themes, json_string(v));
	json_object_set_new(p, "themes", themes);
	json_object_set_new(p, "public", json_boolean(ak_val(r, "openbaar") &&
						      !strcmp(ak_val(r, "openbaar"), "1")));
}

/* Saves p; a 303 to its page, or the form again with the problems (422). */
static rr_err save(rr_req *r, rr_resp *o, json_t *p, rr_diag *d)
{
	char path[200];
	rr_err e = RR_OK;

	if (!d->n && (e = ak_save(r, RR_K_PARTNERSHIP, p, d)) == RR_OK) {
		snprintf(path, sizeof path, "/beheer/partnerschappen/%s", rr_rec_str(p, "id"));
		rr_resp_redirect(o, path);
		return RR_OK;
	}
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
	char id[160];
	json_t *p;
	rr_err e;

	if (!rr_can(r->principal, org, RR_CAP_EDIT))
		return ak_forbidden(o);
	if (!(p = json_pack("{s:s}", "organisation", org)))
		return RR_ENOMEM;
	from_form(r, p);
	if ((e = ak_new_id(r, RR_K_PARTNERSHIP, org, ak_val(r, "partner"), id, sizeof id)))
		goto out;
	json_object_set_new(p, "id", json_string(id));
	e = save(r, o, p, &d);
out:
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
	from_form(r, p);
	e = save(r, o, p, &d);
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
	ak_date(r, "datum", "Datum", true, &dt, &d);
	if (!kind)
		rr_diag_add(&d, "Gebeurtenis (soort): kies wat er gebeurde");
	if (kind && !strcmp(kind, "upgraded") && !type)
		rr_diag_add(&d, "Vorm na de gebeurtenis (vorm): kies de nieuwe vorm bij een omzetting");
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
	e = save(r, o, p, &d);
out:
	json_decref(ev);
	json_decref(p);
	rr_diag_free(&d);
	return e;
}
