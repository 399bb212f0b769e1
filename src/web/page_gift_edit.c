/* page_gift_edit.c - registering and correcting a gift
 * (/beheer/geschenken/nieuw?organisation=CODE, /beheer/geschenken/{id}):
 * giver, recipient, date (each may be left empty when unknown, but not all
 * of them and the trip), description, estimated value, what was done with
 * it, the trip it came with (chosen by title), public or not; a gift that
 * was never public can be deleted (/beheer/geschenken/{id}/verwijderen).
 * Saved through ak_save like every record; after a save the editor is back
 * on /beheer with a confirmation. The public register is page_gifts.c. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "model/record.h"
#include "web/adminkit.h"

static const char *const pub_values[] = {"1", "0", NULL};
static const char *const pub_labels[] = {"Ja, opnemen in het openbare register", "Nee, nog niet",
	NULL};

/* The form of gift g (new when it has no id), values as typed when r has a
 * form, else from g. */
static rr_err gift_form(rr_req *r, rr_resp *o, const json_t *g, const rr_diag *d, int status)
{
	static const layout_crumb crumbs[] = {{"Home", "/"}, {"Beheer", "/beheer"},
		{"Geschenk", NULL}};
	const char *id = rr_rec_str(g, "id"), *org = rr_rec_str(g, "organisation");
	bool typed = r->form != NULL;
	char action[200], tt[200], value[64];
	ak_form f;
	html h;

	if (id)
		snprintf(action, sizeof action, "/beheer/geschenken/%s", id);
	else
		snprintf(action, sizeof action, "/beheer/geschenken/nieuw?organisation=%s", org);
	pk_begin(&h, o, ak_title(tt, sizeof tt, id ? "Geschenk bewerken" : "Nieuw geschenk", d),
		 crumbs, 3, NULL);
	ak_errors(&h, d);
	layout_h1(&h, id ? "Geschenk bewerken" : "Nieuw geschenk registreren");
	ak_text_of(value, sizeof value, json_object_get(g, "value_eur"));
	ak_form_begin(&f, &h, r, d, action, id ? g : NULL);
	ak_input(&f, "text", "gever", "Gever", typed ? ak_val(r, "gever") : rr_rec_str(g, "giver"),
		 "Wie gaf het geschenk, zoals de burgemeester van Osaka; leeg als de bron het "
		 "niet vermeldt");
	ak_input(&f, "text", "ontvanger", "Ontvanger",
		 typed ? ak_val(r, "ontvanger") : rr_rec_str(g, "recipient"),
		 "Leeg als de bron het niet vermeldt");
	/* text, not a date picker: a register may state only the month or the
	 * year ("2019-05", "2019"), which a picker cannot show and would lose */
	ak_input(&f, "text", "datum", "Datum", typed ? ak_val(r, "datum") : rr_rec_str(g, "date"),
		 "Zoals 21-05-2023; alleen maand en jaar (2023-05) of het jaar (2023) als de bron "
		 "niet meer zegt; leeg als de bron het niet vermeldt");
	ak_textarea(&f, "omschrijving", "Omschrijving",
		    typed ? ak_val(r, "omschrijving") : rr_rec_str(g, "description"), NULL);
	ak_input(&f, "text", "waarde", "Geschatte waarde in euro's",
		 typed ? ak_val(r, "waarde") : value[0] ? value : NULL, "Zoals 75 of 1.250,00");
	ak_select(&f, "bestemming", "Wat is ermee gedaan", rr_disposition_values, NULL,
		  typed ? ak_val(r, "bestemming") : rr_rec_str(g, "disposition"), "(nog niet bekend)",
		  NULL);
	ak_record_select(&f, RR_K_TRIP, org, "reis", "Bij de reis",
			 typed ? ak_val(r, "reis") : rr_rec_str(g, "trip"), "Als het geschenk bij een reis "
			 "is gegeven");
	ak_select(&f, "openbaar", "Openbaar", pub_values, pub_labels,
		  typed ? ak_val(r, "openbaar") : rr_rec_bool(g, "public") ? "1" : "0", NULL, NULL);
	ak_submit(&f, "Opslaan");
	ak_form_end(&f);
	if (id && !rr_rec_bool(g, "public")) {
		layout_h2(&h, "Geschenk verwijderen");
		snprintf(action, sizeof action, "/beheer/geschenken/%s/verwijderen", id);
		ak_button_form(&h, r, action, g, NULL, NULL, "Geschenk verwijderen");
	}
	if (id) {
		html_open_c(&h, "p", "utrecht-paragraph");
		pk_link(&h, "/beheer/audit/gift/", id, "Wijzigingen van dit geschenk");
		html_close(&h, "p");
	}
	o->status = status;
	return pk_end(&h, o);
}

rr_err page_gift_new(rr_req *r, rr_resp *o)
{
	const char *org = rr_req_param(r, "organisation");
	json_t *g;
	rr_err e;

	if (!rr_can(r->principal, org, RR_CAP_EDIT))
		return r->principal ? ak_forbidden(o) : ak_need_login(o);
	if (!(g = json_pack("{s:s}", "organisation", org)))
		return RR_ENOMEM;
	e = gift_form(r, o, g, NULL, 200);
	json_decref(g);
	return e;
}

/* The form's fields into g; problems at their fields in d. */
static void from_form(rr_req *r, json_t *g, rr_diag *d)
{
	const char *v, *org = rr_rec_str(g, "organisation");
	char iso[RR_DATE_ISO_MAX];
	rr_date dt;

	/* giver, recipient and date may each be unknown (left empty, shown as
	 * "niet vermeld"); record.c wants at least one of them or the trip */
	ak_set(g, "giver", ak_val(r, "gever"));
	ak_set(g, "recipient", ak_val(r, "ontvanger"));
	if (!(v = ak_val(r, "omschrijving")))
		rr_diag_add_at(d, "omschrijving", "Beschrijf het geschenk, zoals: een vaas van porselein.");
	ak_set(g, "description", v);
	if ((v = ak_val(r, "datum")) && !rr_date_parse_iso(v, &dt, NULL) && dt.prec) {
		rr_date_iso(&dt, iso); /* a day, a month or a year */
		ak_set(g, "date", iso);
	} else if (ak_date(r, "datum", false, &dt, d)) {
		if (dt.prec) {
			rr_date_iso(&dt, iso);
			ak_set(g, "date", iso);
		} else {
			json_object_del(g, "date");
		}
	}
	json_object_del(g, "value_eur");
	if ((v = ak_val(r, "waarde"))) {
		long long c = ak_euros(v);
		if (c < 0)
			rr_diag_add_at(d, "waarde", "'%.40s' is geen bedrag. Schrijf het in euro's, "
				       "zoals 1.250,00.", v);
		else
			json_object_set_new(g, "value_eur", json_real((double)c / 100.0));
	}
	if ((v = ak_val(r, "bestemming")) && !rr_enum_has(rr_disposition_values, v))
		rr_diag_add_at(d, "bestemming", "Kies uit de lijst wat er met het geschenk is gedaan.");
	else
		ak_set(g, "disposition", v);
	ak_own_ref(r, g, RR_K_TRIP, "trip", "reis", "Bij de reis", d);
	if (!ak_val(r, "gever") && !ak_val(r, "ontvanger") && !ak_val(r, "datum") &&
	    !ak_val(r, "reis"))
		rr_diag_add_at(d, "gever", "Vul ten minste de gever, de ontvanger, de datum of de "
			       "reis in: een geschenk met alleen een omschrijving is niet na te gaan.");
	json_object_set_new(g, "public", json_boolean(ak_val(r, "openbaar") &&
						    !strcmp(ak_val(r, "openbaar"), "1")));
	(void)org;
}

/* Saves g (new, under the first free id of base, when base is given); on a
 * problem the form again. */
static rr_err save(rr_req *r, rr_resp *o, json_t *g, const char *base, rr_diag *d)
{
	rr_err e = RR_OK;

	if (!d->n && (e = base ? ak_create(r, RR_K_GIFT, g, base, AK_ID_NUMBERED, d)
			      : ak_save(r, RR_K_GIFT, g, d)) == RR_OK) {
		ak_redirect(o, "/beheer", "geschenk");
		return RR_OK;
	}
	if (e && e != RR_EINVAL && e != RR_ECONFLICT)
		return e;
	return gift_form(r, o, g, d, 422);
}

rr_err gift_create(rr_req *r, rr_resp *o)
{
	const char *org = rr_req_param(r, "organisation");
	rr_diag d = {0};
	json_t *g = NULL;
	char base[200];
	rr_err e;

	if (!rr_can(r->principal, org, RR_CAP_EDIT))
		return ak_forbidden(o);
	if (!(g = json_pack("{s:s}", "organisation", org)))
		return RR_ENOMEM;
	from_form(r, g, &d);
	snprintf(base, sizeof base, "%s-geschenk-%s", org,
		 rr_rec_str(g, "date") ? rr_rec_str(g, "date") : "zonder-datum");
	e = save(r, o, g, base, &d);
	json_decref(g);
	rr_diag_free(&d);
	return e;
}

rr_err page_gift_edit(rr_req *r, rr_resp *o)
{
	json_t *g = NULL;
	bool denied;
	rr_err e;

	if (!r->principal)
		return ak_need_login(o);
	if ((e = ak_load_rec(r, o, RR_K_GIFT, rr_req_cap(r, "id"), RR_CAP_EDIT, &g, &denied)) ||
	    denied)
		return e;
	e = gift_form(r, o, g, NULL, 200);
	json_decref(g);
	return e;
}

rr_err gift_save(rr_req *r, rr_resp *o)
{
	json_t *g = NULL;
	rr_diag d = {0};
	bool denied;
	rr_err e;

	if ((e = ak_load_rec(r, o, RR_K_GIFT, rr_req_cap(r, "id"), RR_CAP_EDIT, &g, &denied)) ||
	    denied)
		return e;
	from_form(r, g, &d);
	e = save(r, o, g, NULL, &d);
	json_decref(g);
	rr_diag_free(&d);
	return e;
}

rr_err gift_delete(rr_req *r, rr_resp *o)
{
	json_t *g = NULL;
	rr_diag d = {0};
	bool denied;
	rr_err e;

	if ((e = ak_load_rec(r, o, RR_K_GIFT, rr_req_cap(r, "id"), RR_CAP_EDIT, &g, &denied)) ||
	    denied)
		return e;
	if (rr_rec_bool(g, "public"))
		rr_diag_add(&d, "Een openbaar geschenk verwijdert u niet: zet het eerst op niet "
			    "openbaar als het er niet in hoort.");
	else if ((e = ak_delete(r, RR_K_GIFT, rr_rec_str(g, "id"), &d)) == RR_OK) {
		ak_redirect(o, "/beheer", "geschenk-weg");
		goto out;
	}
	if (e && e != RR_ECONFLICT)
		goto out;
	r->form = NULL; /* show the gift as stored */
	e = gift_form(r, o, g, &d, 422);
out:
	json_decref(g);
	rr_diag_free(&d);
	return e;
}
