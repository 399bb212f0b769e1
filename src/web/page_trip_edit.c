/* page_trip_edit.c - a new trip request (/beheer/reizen/nieuw) and the
 * editors' page of one trip (/beheer/reizen/{id}): every field, the
 * completeness list to fix, a link to correct its descriptive fields
 * (page_trip_fields.c, which also holds the form both pages share), the
 * forms of the next steps (page_trip_action.c) and the audit history. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/lifecycle.h"
#include "model/record.h"
#include "store/auth_store.h"
#include "web/adminkit.h"

static const char *const status_values[] = {"requested", "draft", NULL};
static const char *const status_labels[] = {"Aanvragen (naar het college)", "Concept opslaan",
	NULL};

static rr_err new_form(rr_req *r, rr_resp *o, const char *org, const rr_diag *d, int status)
{
	static const layout_crumb crumbs[] = {{"Home", "/"}, {"Beheer", "/beheer"},
		{"Nieuwe reisaanvraag", NULL}};
	char action[160], tt[200];
	json_t *v, *orec = NULL;
	ak_form f;
	html h;

	snprintf(action, sizeof action, "/beheer/reizen/nieuw?organisation=%s", org);
	pk_begin(&h, o, ak_title(tt, sizeof tt, "Nieuwe reisaanvraag", d), crumbs, 3, NULL);
	ak_errors(&h, d);
	layout_h1(&h, "Nieuwe reisaanvraag");
	html_open_c(&h, "p", "utrecht-paragraph");
	html_textf(&h, "Voor %s. De aanvraag is niet openbaar tot u haar publiceert.",
		   ak_org_name(r->store, org, &orec));
	html_close(&h, "p");
	json_decref(orec);
	ak_form_begin(&f, &h, r, d, action, NULL);
	if (!(v = ak_trip_form_of_req(r, 0)))
		return RR_ENOMEM;
	ak_trip_form_fields(&f, v, org, 0);
	json_decref(v);
	ak_select(&f, "status", "Opslaan als", status_values, status_labels, ak_val(r, "status"),
		  NULL, "Een concept kunt u later aanvragen of verwijderen.");
	{
		char today[RR_DATE_ISO_MAX];
		rr_date td = rr_today();
		rr_date_iso(&td, today);
		ak_input(&f, "date", "aanvraagdatum", "Datum van de aanvraag",
			 r->form ? ak_val(r, "aanvraagdatum") : today,
			 "Vandaag, tenzij u een eerdere aanvraag naderhand vastlegt");
	}
	ak_submit(&f, "Opslaan");
	ak_form_end(&f);
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

/* The base of a new trip's id: org-year-slug of the title. */
static void id_base(const char *org, const rr_date *start, const char *title, char *out,
		    size_t n)
{
	char slug[48];
	size_t k = 0;
	bool dash = false;

	for (const char *p = title ? title : ""; *p && k < sizeof slug - 1; p++) {
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
	snprintf(out, n, "%s-%d-%s", org, start->y, k ? slug : "reis");
}

rr_err trip_create(rr_req *r, rr_resp *o)
{
	const char *org = rr_req_param(r, "organisation");
	rr_diag d = {0};
	rr_date ps, today = rr_today();
	json_t *t = NULL;
	const char *status = ak_val(r, "status");
	char id[160], path[200], iso[RR_DATE_ISO_MAX];
	rr_err e = RR_OK;

	if (!rr_can(r->principal, org, RR_CAP_EDIT))
		return ak_forbidden(o);
	if (ak_more(r))
		return new_form(r, o, org, NULL, 200);
	if (status && !rr_enum_has(status_values, status))
		rr_diag_add_at(&d, "status", "Kies of u de reis aanvraagt of als concept opslaat.");
	if (!status || !strcmp(status, "requested"))
		rr_date_iso(&today, iso);
	t = json_pack("{s:s, s:s, s:b}", "organisation", org, "status",
		      status ? status : "requested", "public", 0);
	if (!t) {
		e = RR_ENOMEM;
		goto out;
	}
	if (!status || !strcmp(status, "requested")) {
		rr_date rd;
		if (ak_date(r, "aanvraagdatum", false, &rd, &d) && rd.prec) {
			if (rr_date_cmp(&rd, &today) > 0)
				rr_diag_add_at(&d, "aanvraagdatum", "De datum van de aanvraag ligt in de "
					       "toekomst. Vul de dag in waarop de aanvraag is gedaan.");
			rr_date_iso(&rd, iso);
		}
		json_object_set_new(t, "requested", json_string(iso));
	}
	ak_trip_form_parse(r, t, 0, &ps, &d);
	if (d.n)
		goto invalid;
	id_base(org, &ps, ak_val(r, "titel"), id, sizeof id);
	if ((e = ak_create(r, RR_K_TRIP, t, id, 0, &d)) == RR_EINVAL || e == RR_ECONFLICT)
		goto invalid;
	if (e)
		goto out;
	snprintf(path, sizeof path, "/beheer/reizen/%s", rr_rec_str(t, "id"));
	ak_redirect(o, path, status && !strcmp(status, "draft") ? "concept" : "aanvraag");
	goto out;
invalid:
	rr_diag_rename(&d, "requested", "aanvraagdatum");
	rr_diag_rename(&d, "planned_start", "gepland_begin");
	rr_diag_rename(&d, "planned_end", "gepland_eind");
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

static void decision_facts(html *h, const json_t *dec)
{
	const char *out = rr_rec_str(dec, "outcome"), *l = rr_enum_label(rr_outcome_values, out);
	char s[128];

	pk_dates(s, sizeof s, rr_rec_str(dec, "date"), NULL);
	pk_item(h, "Besluit college", l ? l : out);
	pk_item(h, "Collegevergadering", s[0] ? s : NULL);
	pk_item(h, "Besluitnummer", rr_rec_str(dec, "number"));
	pk_item(h, "Voorwaarden", rr_rec_str(dec, "conditions"));
	pk_item(h, "Besluittekst", rr_rec_str(dec, "text"));
	if (rr_rec_str(dec, "url")) {
		pk_item_begin(h, "Besluitdocument");
		layout_link(h, rr_rec_str(dec, "url"), "Het besluit");
		pk_item_end(h);
	}
}

static void facts(rr_req *r, html *h, const json_t *t)
{
	const json_t *x, *dec = json_object_get(t, "decision"), *rep = json_object_get(t, "report");
	const char *org = rr_rec_str(t, "organisation");
	int period = ak_report_period(r->store, org);
	rr_date due = rr_trip_report_due(t, period), today = rr_today();
	long late = rr_trip_days_overdue(t, period, &today);
	json_t *orec = NULL;
	char s[256];
	size_t i;

	pk_dl_begin(h);
	pk_item(h, "Orgaan", ak_org_name(r->store, org, &orec));
	json_decref(orec);
	pk_item(h, "Status", pk_status_label(rr_rec_str(t, "status")));
	pk_item(h, "Openbaar", rr_rec_bool(t, "public") ? "ja" : "nee");
	pk_item(h, "Soort", pk_kind_label(rr_rec_str(t, "kind")));
	pk_item(h, "Richting", pk_direction_label(rr_rec_str(t, "direction")));
	item_date(h, "Aangevraagd op", rr_rec_str(t, "requested"));
	item_date(h, "Gepland vertrek", rr_rec_str(t, "planned_start"));
	item_date(h, "Geplande terugkomst", rr_rec_str(t, "planned_end"));
	item_date(h, "Vertrek", rr_rec_str(t, "start"));
	item_date(h, "Terugkomst", rr_rec_str(t, "end"));
	if (due.prec) {
		char iso[RR_DATE_ISO_MAX], nl[64];
		rr_date_iso(&due, iso);
		pk_dates(nl, sizeof nl, iso, NULL);
		if (late > 0)
			snprintf(s, sizeof s, "%s (%ld dagen te laat)", nl, late);
		else
			snprintf(s, sizeof s, "%s", nl);
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
		char money[48], payer[200];
		const char *kind = rr_enum_label(rr_cost_kind_values, rr_rec_str(x, "kind"));
		const char *by = rr_rec_str(x, "paid_by");
		if (json_object_get(x, "amount_eur"))
			pk_money(money, sizeof money, rr_amount_cents(json_object_get(x, "amount_eur")));
		else
			snprintf(money, sizeof money, "bedrag onbekend");
		snprintf(s, sizeof s, "%s (%s, betaald door %s)", money, kind ? kind : "",
			 by ? pk_payer(r, by, payer, sizeof payer) : "het orgaan");
		pk_item_begin(h, rr_rec_str(x, "category"));
		html_text(h, s);
		pk_item_end(h);
	}
	json_array_foreach(json_object_get(t, "coordination"), i, x) {
		char nl[64];
		pk_dates(nl, sizeof nl, rr_rec_str(x, "date"), NULL);
		snprintf(s, sizeof s, "met %s op %s", rr_rec_str(x, "with") ? rr_rec_str(x, "with") : "",
			 nl[0] ? nl : "?");
		pk_item(h, "Afstemming", s);
	}
	if (dec)
		decision_facts(h, dec);
	if (json_object_get(t, "cancellation"))
		pk_item(h, "Afgelast", rr_rec_str(json_object_get(t, "cancellation"), "reason"));
	if (rep) {
		item_date(h, "Verslag ingediend", rr_rec_str(rep, "submitted"));
		pk_item(h, "Verslag", rr_rec_str(rep, "text"));
	}
	pk_dl_end(h);
}

/* Dutch names of the completeness list's fields. */
static const char *field_label(const char *f)
{
	static const char *const t[][2] = {{"purpose", "Doel"}, {"destinations", "Bestemming"},
		{"start", "Vertrek"}, {"travellers", "Reizigers"},
		{"accompanying_officials", "Ambtenaren"}, {"costs", "Kosten"},
		{"decision", "Besluit"}, {"decision.date", "Besluit"}, {"report", "Verslag"},
		{"cancellation", "Afgelasting"}};
	for (size_t i = 0; f && i < sizeof t / sizeof t[0]; i++)
		if (!strcmp(t[i][0], f))
			return t[i][1];
	return f ? f : "";
}

rr_err ak_trip_page(rr_req *r, rr_resp *o, const json_t *t, const rr_diag *d, int status)
{
	const char *id = rr_rec_str(t, "id"), *title = rr_rec_str(t, "title");
	const char *org = rr_rec_str(t, "organisation"), *st = rr_rec_str(t, "status");
	rr_date today = rr_today();
	json_t *probs = rr_trip_completeness(t, ak_report_period(r->store, org), &today);
	json_t *audit = NULL;
	const json_t *p;
	char tt[300], action[200];
	size_t i;
	html h;
	rr_err e;

	layout_crumb crumbs[] = {{"Home", "/"}, {"Beheer", "/beheer"}, {title, NULL}};
	pk_begin(&h, o, ak_title(tt, sizeof tt, title, d), crumbs, 3, NULL);
	ak_errors(&h, d);
	ak_flash(&h, r);
	layout_h1(&h, title);
	html_open_c(&h, "p", "utrecht-paragraph");
	pk_third_party(&h, t);
	html_close(&h, "p");
	facts(r, &h, t);
	if (rr_can(r->principal, org, RR_CAP_EDIT)) {
		html_open_c(&h, "p", "utrecht-paragraph");
		pk_link_path(&h, "/beheer/reizen/", id, "/bewerken", "Gegevens bewerken");
		html_close(&h, "p");
	}
	layout_h2(&h, "Wat nog ontbreekt");
	if (json_array_size(probs)) {
		html_open_c(&h, "ul", "utrecht-unordered-list rr-completeness");
		json_array_foreach(probs, i, p) {
			html_open_c(&h, "li", "utrecht-unordered-list__item");
			html_textf(&h, "%s: %s", field_label(rr_rec_str(p, "field")),
				   rr_rec_str(p, "message") ? rr_rec_str(p, "message") : "");
			html_close(&h, "li");
		}
		html_close(&h, "ul");
	} else {
		layout_paragraph(&h, "Niets: de reis is volledig.");
	}
	layout_h2(&h, "Volgende stappen");
	ak_trip_action_forms(&h, r, t, d);
	if (rr_can(r->principal, org, RR_CAP_EDIT) && (!st || !strcmp(st, "draft")) &&
	    !rr_rec_bool(t, "public")) {
		layout_h2(&h, "Concept verwijderen");
		layout_paragraph(&h, "Een concept dat niet doorgaat kunt u verwijderen. Het auditlog "
				 "bewaart wat er stond.");
		snprintf(action, sizeof action, "/beheer/reizen/%s/verwijderen", id);
		ak_button_form(&h, r, action, t, NULL, NULL, "Concept verwijderen");
	}
	layout_h2(&h, "Geschiedenis");
	if (rr_store_audit(r->store, RR_K_TRIP, id, &audit) == RR_OK)
		ak_audit_table(&h, audit, RR_K_TRIP);
	html_open_c(&h, "p", "utrecht-paragraph");
	if (rr_rec_bool(t, "public")) {
		pk_link(&h, "/reizen/", id, "Openbare pagina van deze reis");
		html_text(&h, " \xc2\xb7 ");
	}
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

/* POST /beheer/reizen/{id}/verwijderen: a draft that never became public
 * is deleted (the audit log keeps it). */
rr_err trip_delete(rr_req *r, rr_resp *o)
{
	json_t *t = NULL;
	rr_diag d = {0};
	const char *st;
	bool denied;
	char path[200];
	rr_err e;

	if ((e = ak_load_trip(r, o, rr_req_cap(r, "id"), RR_CAP_EDIT, &t, &denied)) || denied)
		return e;
	st = rr_rec_str(t, "status");
	if ((st && strcmp(st, "draft")) || rr_rec_bool(t, "public"))
		rr_diag_add(&d, "Alleen een concept dat nooit openbaar was kan worden verwijderd. "
			    "Een aangevraagde reis kunt u afgelasten of de publicatie intrekken.");
	else if ((e = ak_delete(r, RR_K_TRIP, rr_rec_str(t, "id"), &d)) == RR_OK) {
		snprintf(path, sizeof path, "/beheer");
		ak_redirect(o, path, "verwijderd");
		goto out;
	}
	if (e && e != RR_ECONFLICT && e != RR_EINVAL)
		goto out;
	e = ak_trip_page(r, o, t, &d, 422);
out:
	json_decref(t);
	rr_diag_free(&d);
	return e;
}
