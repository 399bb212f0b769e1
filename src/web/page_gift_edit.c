/* page_gift_edit.c - registering a gift (/beheer/geschenken/nieuw): giver,
 * recipient, date, description, estimated value, what was done with it,
 * an optional linked trip. Saved through ak_save like every record; the
 * public register is page_gifts.c. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "model/record.h"
#include "web/adminkit.h"

static const char *const disp_values[] = {"kept_by_body", "displayed", "donated", "returned",
	"kept_by_recipient", "shared", "other", NULL};
static const char *const disp_labels[] = {"bewaard door het orgaan", "tentoongesteld",
	"geschonken aan een goed doel", "teruggegeven", "gehouden door de ontvanger",
	"gedeeld", "anders", NULL};
static const char *const pub_values[] = {"1", "0", NULL};
static const char *const pub_labels[] = {"ja, opnemen in het openbare register", "nee, nog niet",
	NULL};

static rr_err gift_form(rr_req *r, rr_resp *o, const char *org, const rr_diag *d, int status)
{
	static const layout_crumb crumbs[] = {{"Home", "/"}, {"Beheer", "/beheer"},
		{"Nieuw geschenk", NULL}};
	char action[160];
	html h;

	snprintf(action, sizeof action, "/beheer/geschenken/nieuw?organisation=%s", org);
	pk_begin(&h, o, "Nieuw geschenk", crumbs, 3, NULL);
	layout_h1(&h, "Nieuw geschenk registreren");
	ak_errors(&h, d);
	ak_form_begin(&h, r, action);
	ak_input(&h, "text", "gever", "Gever", ak_val(r, "gever"), NULL);
	ak_input(&h, "text", "ontvanger", "Ontvanger", ak_val(r, "ontvanger"), NULL);
	ak_input(&h, "date", "datum", "Datum", ak_val(r, "datum"), "jjjj-mm-dd");
	ak_textarea(&h, "omschrijving", "Omschrijving", ak_val(r, "omschrijving"), NULL);
	ak_input(&h, "text", "waarde", "Geschatte waarde in euro's", ak_val(r, "waarde"),
		 "Zoals 75 of 1.250,00");
	ak_select(&h, "bestemming", "Wat is ermee gedaan", disp_values, disp_labels,
		  ak_val(r, "bestemming"), true);
	ak_input(&h, "text", "reis", "Bij de reis (id, optioneel)", ak_val(r, "reis"), NULL);
	ak_select(&h, "openbaar", "Openbaar", pub_values, pub_labels, ak_val(r, "openbaar"), false);
	ak_submit(&h, "Opslaan");
	html_close(&h, "form");
	o->status = status;
	return pk_end(&h, o);
}

rr_err page_gift_new(rr_req *r, rr_resp *o)
{
	const char *org = rr_req_param(r, "organisation");

	if (!rr_can(r->principal, org, RR_CAP_EDIT))
		return r->principal ? ak_forbidden(o) : ak_need_login(o);
	return gift_form(r, o, org, NULL, 200);
}

rr_err gift_create(rr_req *r, rr_resp *o)
{
	const char *org = rr_req_param(r, "organisation"), *v;
	rr_diag d = {0};
	rr_date dt;
	json_t *g = NULL;
	char id[200], path[160], iso[RR_DATE_ISO_MAX];
	bool yes = true;
	rr_err e = RR_OK;

	if (!rr_can(r->principal, org, RR_CAP_EDIT))
		return ak_forbidden(o);
	ak_date(r, "datum", "Datum", true, &dt, &d);
	g = json_pack("{s:s, s:s?, s:s?, s:s?, s:b}", "organisation", org,
		      "giver", ak_val(r, "gever"), "recipient", ak_val(r, "ontvanger"),
		      "description", ak_val(r, "omschrijving"),
		      "public", ak_val(r, "openbaar") && !strcmp(ak_val(r, "openbaar"), "1"));
	if (!g) {
		e = RR_ENOMEM;
		goto out;
	}
	if ((v = ak_val(r, "waarde"))) {
		long long c = ak_euros(v);
		if (c < 0)
			rr_diag_add(&d, "Geschatte waarde (waarde): een bedrag in euro's, zoals 1.250,00");
		else
			json_object_set_new(g, "value_eur", json_real((double)c / 100.0));
	}
	if ((v = ak_val(r, "bestemming")))
		json_object_set_new(g, "disposition", json_string(v));
	if ((v = ak_val(r, "reis"))) {
		json_t *t = NULL;
		/* only a trip of this body that the user may see */
		if (rr_store_get(r->store, RR_K_TRIP, v, r->viewer, &t) ||
		    strcmp(rr_rec_str(t, "organisation"), org))
			rr_diag_add(&d, "Bij de reis (reis): '%.100s' is geen reis van %s", v, org);
		else
			json_object_set_new(g, "trip", json_string(v));
		json_decref(t);
	}
	if (dt.prec) {
		rr_date_iso(&dt, iso);
		json_object_set_new(g, "date", json_string(iso));
	}
	if (d.n)
		goto invalid;
	for (int i = 1; i < 1000 && yes; i++) {
		snprintf(id, sizeof id, "%s-geschenk-%s-%d", org, iso, i);
		if ((e = rr_store_exists(r->store, RR_K_GIFT, id, &yes)))
			goto out;
	}
	json_object_set_new(g, "id", json_string(id));
	if ((e = ak_save(r, RR_K_GIFT, g, &d)) == RR_EINVAL || e == RR_ECONFLICT)
		goto invalid;
	if (e)
		goto out;
	snprintf(path, sizeof path, "/o/%s/geschenken", org);
	rr_resp_redirect(o, path);
	goto out;
invalid:
	e = gift_form(r, o, org, &d, 422);
out:
	json_decref(g);
	rr_diag_free(&d);
	return e;
}
