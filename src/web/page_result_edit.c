/* page_result_edit.c - the editors' form of a result of a trip or a
 * partnership (/beheer/resultaten/nieuw?organisation=CODE[&trip=ID|
 * &partnership=ID], /beheer/resultaten/{id}): title, type, kind of
 * agreement, theme, parties, amount, jobs, date, the linked trip and
 * partnership (only the body's own), description, public; and its
 * follow-up actions (action, owner, due date, status): add one, or change
 * the status of one (/beheer/resultaten/{id}/vervolg). Saved through
 * ak_save like every record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/lifecycle.h"
#include "model/record.h"
#include "web/adminkit.h"

static const char *const pub_values[] = {"1", "0", NULL};
static const char *const pub_labels[] = {"Ja, opnemen in het openbare register", "Nee, nog niet",
	NULL};

static const char *st_label(const char *v)
{
	const char *l = rr_enum_label(rr_followup_status_values, v ? v : "open");
	return l ? l : v;
}

static void follow_ups(rr_req *r, html *h, const json_t *res, const rr_diag *d)
{
	static const char *const heads[] = {"Actie", "Eigenaar", "Uiterlijk", "Status",
		"Status wijzigen", "Verwijderen"};
	const char *id = rr_rec_str(res, "id");
	const json_t *f;
	rr_date today = rr_today();
	char action[200], remove[200], num[24];
	ak_form form;
	size_t i;

	snprintf(action, sizeof action, "/beheer/resultaten/%s/vervolg", id);
	snprintf(remove, sizeof remove, "/beheer/resultaten/%s/vervolg-weg", id);
	layout_h2(h, "Vervolgacties");
	if (!json_array_size(json_object_get(res, "follow_up")))
		layout_paragraph(h, "Nog geen vervolgacties.");
	else
		layout_table_begin(h, "Vervolgacties met eigenaar, termijn en status", heads,
				   NULL, 6);
	json_array_foreach(json_object_get(res, "follow_up"), i, f) {
		const char *st = rr_rec_str(f, "status");
		rr_date due = rr_rec_date(f, "due");
		bool late = due.prec && rr_date_last(&due) < rr_date_first(&today) &&
			    !(st && (!strcmp(st, "done") || !strcmp(st, "dropped")));
		char status[80], dd[64], sel[40];

		snprintf(status, sizeof status, "%s%s", st_label(st), late ? " (te laat)" : "");
		pk_dates(dd, sizeof dd, rr_rec_str(f, "due"), NULL);
		snprintf(num, sizeof num, "%zu", i + 1);
		layout_row_begin(h);
		layout_cell(h, rr_rec_str(f, "action"), 0);
		layout_cell(h, rr_rec_str(f, "owner") ? rr_rec_str(f, "owner") : "", 0);
		layout_cell(h, dd, 0);
		layout_cell(h, status, 0);
		html_open_c(h, "td", "utrecht-table__cell");
		ak_form_begin(&form, h, r, NULL, action, res);
		ak_hidden(&form, "nummer", num);
		snprintf(sel, sizeof sel, "nieuwe-status-%zu", i + 1);
		html_open_c(h, "label", "utrecht-form-label");
		html_attr(h, "for", sel);
		html_textf(h, "Nieuwe status van actie %zu", i + 1);
		html_close(h, "label");
		html_open_c(h, "select", "utrecht-select utrecht-select--html-select");
		html_attr(h, "id", sel);
		html_attr(h, "name", "nieuwe_status");
		for (size_t j = 0; rr_followup_status_values[j]; j++) {
			html_open(h, "option");
			html_attr(h, "value", rr_followup_status_values[j]);
			if (!strcmp(st ? st : "open", rr_followup_status_values[j]))
				html_attr_bool(h, "selected");
			html_text(h, st_label(rr_followup_status_values[j]));
			html_close(h, "option");
		}
		html_close(h, "select");
		html_open_c(h, "button", "utrecht-button utrecht-button--secondary-action");
		html_attr(h, "type", "submit");
		html_text(h, "Wijzigen");
		html_close(h, "button");
		ak_form_end(&form);
		html_close(h, "td");
		html_open_c(h, "td", "utrecht-table__cell");
		ak_button_form(h, r, remove, res, "nummer", num, "Verwijderen");
		html_close(h, "td");
		layout_row_end(h);
	}
	if (json_array_size(json_object_get(res, "follow_up")))
		layout_table_end(h);
	html_open_c(h, "h3", "utrecht-heading-3");
	html_text(h, "Vervolgactie toevoegen");
	html_close(h, "h3");
	ak_form_begin(&form, h, r, d, action, res);
	ak_input(&form, "text", "actie", "Actie", ak_val(r, "actie"), "Wat moet er gebeuren");
	ak_input(&form, "text", "eigenaar", "Eigenaar", ak_val(r, "eigenaar"), "Wie zorgt ervoor");
	ak_input(&form, "date", "uiterlijk", "Uiterlijk", ak_val(r, "uiterlijk"), "Dag, maand en jaar");
	ak_select(&form, "vstatus", "Status", rr_followup_status_values, NULL, ak_val(r, "vstatus"),
		  NULL, NULL);
	ak_submit(&form, "Vervolgactie toevoegen");
	ak_form_end(&form);
}

static rr_err result_page(rr_req *r, rr_resp *o, const json_t *res, const rr_diag *d,
			  int status)
{
	static const layout_crumb crumbs[] = {{"Home", "/"}, {"Beheer", "/beheer"},
		{"Resultaat", NULL}};
	const char *id = rr_rec_str(res, "id"), *org = rr_rec_str(res, "organisation");
	char action[200], buf[64], tt[200], *parties = NULL;
	const json_t *v;
	size_t i, len = 0;
	ak_form f;
	html h;

	if (id)
		snprintf(action, sizeof action, "/beheer/resultaten/%s", id);
	else
		snprintf(action, sizeof action, "/beheer/resultaten/nieuw?organisation=%s", org);
	pk_begin(&h, o, ak_title(tt, sizeof tt, id ? "Resultaat bewerken" : "Nieuw resultaat", d),
		 crumbs, 3, NULL);
	ak_errors(&h, d);
	ak_flash(&h, r);
	layout_h1(&h, id ? "Resultaat bewerken" : "Nieuw resultaat");
	if (id) {
		html_open_c(&h, "p", "utrecht-paragraph");
		pk_link(&h, "/beheer/audit/result/", id, "Wijzigingen (auditlog)");
		html_close(&h, "p");
	}
	ak_form_begin(&f, &h, r, d, action, id ? res : NULL);
	ak_input(&f, "text", "titel", "Titel", rr_rec_str(res, "title"), NULL);
	ak_select(&f, "type", "Soort resultaat", rr_result_type_values, NULL,
		  rr_rec_str(res, "type"), NULL, NULL);
	ak_select(&f, "overeenkomst", "Soort overeenkomst", rr_agreement_values, NULL,
		  rr_rec_str(res, "agreement"), "(geen)", "Alleen bij een overeenkomst");
	ak_select(&f, "thema", "Thema", rr_theme_values, NULL, rr_rec_str(res, "theme"), "(geen)",
		  NULL);
	json_array_foreach(json_object_get(res, "parties"), i, v)
		len += strlen(json_string_value(v) ? json_string_value(v) : "") + 1;
	if ((parties = calloc(len + 1, 1)))
		json_array_foreach(json_object_get(res, "parties"), i, v) {
			strcat(parties, json_string_value(v) ? json_string_value(v) : "");
			strcat(parties, "\n");
		}
	ak_textarea(&f, "partijen", "Partijen", parties, "Eén partij per regel");
	free(parties);
	ak_text_of(buf, sizeof buf, json_object_get(res, "amount_eur"));
	ak_input(&f, "text", "bedrag", "Bedrag in euro's",
		 r->form && ak_val(r, "bedrag") ? ak_val(r, "bedrag") : buf[0] ? buf : NULL,
		 "Zoals 17.560.000 of 1.250,50");
	ak_text_of(buf, sizeof buf, json_object_get(res, "jobs"));
	ak_input(&f, "number", "banen", "Banen",
		 r->form && ak_val(r, "banen") ? ak_val(r, "banen") : buf[0] ? buf : NULL, NULL);
	ak_input(&f, "date", "datum", "Datum",
		 r->form && ak_val(r, "datum") ? ak_val(r, "datum") : rr_rec_str(res, "date"),
		 "Dag, maand en jaar");
	ak_record_select(&f, RR_K_TRIP, org, "reis", "Bij de reis", rr_rec_str(res, "trip"), NULL);
	ak_record_select(&f, RR_K_PARTNERSHIP, org, "partnerschap", "Bij het partnerschap",
			 rr_rec_str(res, "partnership"), NULL);
	ak_textarea(&f, "omschrijving", "Omschrijving", rr_rec_str(res, "description"), NULL);
	ak_select(&f, "openbaar", "Openbaar", pub_values, pub_labels,
		  rr_rec_bool(res, "public") ? "1" : "0", NULL, NULL);
	ak_submit(&f, "Opslaan");
	ak_form_end(&f);
	if (id)
		follow_ups(r, &h, res, d);
	o->status = status;
	return pk_end(&h, o);
}

static void from_form(rr_req *r, json_t *res, rr_diag *d)
{
	const char *v, *type = ak_val(r, "type");
	json_t *parties = json_array();
	rr_date dt;
	char iso[RR_DATE_ISO_MAX];

	if (!ak_val(r, "titel"))
		rr_diag_add_at(d, "titel", "Vul een titel in, zoals MoU over studentenuitwisseling.");
	ak_set(res, "title", ak_val(r, "titel"));
	if (!type || !rr_enum_has(rr_result_type_values, type))
		rr_diag_add_at(d, "type", "Kies de soort resultaat uit de lijst.");
	ak_set(res, "type", type);
	ak_set(res, "agreement", type && !strcmp(type, "agreement") ? ak_val(r, "overeenkomst") : NULL);
	ak_set(res, "theme", ak_val(r, "thema"));
	if ((v = ak_val(r, "partijen"))) {
		while (*v) {
			size_t n = strcspn(v, "\r\n"), s = 0;
			while (s < n && (v[s] == ' ' || v[s] == '\t'))
				s++;
			while (n > s && (v[n - 1] == ' ' || v[n - 1] == '\t'))
				n--;
			if (n > s)
				json_array_append_new(parties, json_stringn(v + s, n - s));
			v += strcspn(v, "\r\n");
			v += strspn(v, "\r\n");
		}
	}
	json_object_set_new(res, "parties", parties);
	json_object_del(res, "amount_eur");
	if ((v = ak_val(r, "bedrag"))) {
		long long c = ak_euros(v);
		if (c < 0)
			rr_diag_add_at(d, "bedrag", "'%.40s' is geen bedrag van nul of meer. Schrijf "
				       "het in euro's, zoals 1.250,00.", v);
		else
			json_object_set_new(res, "amount_eur", json_real((double)c / 100.0));
	}
	json_object_del(res, "jobs");
	if ((v = ak_val(r, "banen"))) {
		char *end;
		long long n = strtoll(v, &end, 10);
		if (*end || n < 0 || n > 100000000)
			rr_diag_add_at(d, "banen", "'%.40s' is geen aantal. Vul een heel getal in, "
				       "zoals 12.", v);
		else
			json_object_set_new(res, "jobs", json_integer(n));
	}
	json_object_del(res, "date");
	if (ak_date(r, "datum", false, &dt, d) && dt.prec) {
		rr_date_iso(&dt, iso);
		ak_set(res, "date", iso);
	}
	ak_own_ref(r, res, RR_K_TRIP, "trip", "reis", "Bij de reis", d);
	ak_own_ref(r, res, RR_K_PARTNERSHIP, "partnership", "partnerschap", "Bij het partnerschap", d);
	ak_set(res, "description", ak_val(r, "omschrijving"));
	json_object_set_new(res, "public", json_boolean(ak_val(r, "openbaar") &&
						      !strcmp(ak_val(r, "openbaar"), "1")));
}

static rr_err save(rr_req *r, rr_resp *o, json_t *res, const char *base, rr_diag *d,
		   const char *flash)
{
	char path[200];
	rr_err e = RR_OK;

	if (!d->n && (e = base ? ak_create(r, RR_K_RESULT, res, base, 0, d)
			      : ak_save(r, RR_K_RESULT, res, d)) == RR_OK) {
		snprintf(path, sizeof path, "/beheer/resultaten/%s", rr_rec_str(res, "id"));
		ak_redirect(o, path, flash);
		return RR_OK;
	}
	if (e && e != RR_EINVAL && e != RR_ECONFLICT)
		return e;
	if (!rr_req_cap(r, "id"))
		json_object_del(res, "id"); /* a refused new one stays new */
	return result_page(r, o, res, d, 422);
}

rr_err page_result_new(rr_req *r, rr_resp *o)
{
	const char *org = rr_req_param(r, "organisation");
	json_t *res;
	rr_err e;

	if (!rr_can(r->principal, org, RR_CAP_EDIT))
		return r->principal ? ak_forbidden(o) : ak_need_login(o);
	if (!(res = json_pack("{s:s, s:s?, s:s?, s:b}", "organisation", org,
			      "trip", rr_req_param(r, "trip"),
			      "partnership", rr_req_param(r, "partnership"), "public", 1)))
		return RR_ENOMEM;
	e = result_page(r, o, res, NULL, 200);
	json_decref(res);
	return e;
}

rr_err result_create(rr_req *r, rr_resp *o)
{
	const char *org = rr_req_param(r, "organisation");
	rr_diag d = {0};
	char base[160];
	json_t *res;
	rr_err e;

	if (!rr_can(r->principal, org, RR_CAP_EDIT))
		return ak_forbidden(o);
	if (!(res = json_pack("{s:s}", "organisation", org)))
		return RR_ENOMEM;
	from_form(r, res, &d);
	ak_id_base(RR_K_RESULT, org, ak_val(r, "titel"), base, sizeof base);
	e = save(r, o, res, base, &d, "resultaat");
	json_decref(res);
	rr_diag_free(&d);
	return e;
}

rr_err page_result_edit(rr_req *r, rr_resp *o)
{
	json_t *res = NULL;
	bool denied;
	rr_err e;

	if (!r->principal)
		return ak_need_login(o);
	if ((e = ak_load_rec(r, o, RR_K_RESULT, rr_req_cap(r, "id"), RR_CAP_EDIT, &res,
			     &denied)) || denied)
		return e;
	e = result_page(r, o, res, NULL, 200);
	json_decref(res);
	return e;
}

rr_err result_save(rr_req *r, rr_resp *o)
{
	json_t *res = NULL;
	rr_diag d = {0};
	bool denied;
	rr_err e;

	if ((e = ak_load_rec(r, o, RR_K_RESULT, rr_req_cap(r, "id"), RR_CAP_EDIT, &res,
			     &denied)) || denied)
		return e;
	from_form(r, res, &d);
	e = save(r, o, res, NULL, &d, "resultaat");
	json_decref(res);
	rr_diag_free(&d);
	return e;
}

/* Adds a follow-up action (actie, eigenaar, uiterlijk, vstatus) or changes
 * the status of number `nummer` (1-based) to `nieuwe_status`. */
rr_err result_follow_up(rr_req *r, rr_resp *o)
{
	json_t *res = NULL, *list;
	const char *num = ak_val(r, "nummer");
	rr_diag d = {0};
	bool denied;
	rr_err e;

	if ((e = ak_load_rec(r, o, RR_K_RESULT, rr_req_cap(r, "id"), RR_CAP_EDIT, &res,
			     &denied)) || denied)
		return e;
	if (!json_is_array(list = json_object_get(res, "follow_up"))) {
		json_object_set_new(res, "follow_up", json_array());
		list = json_object_get(res, "follow_up");
	}
	if (num) {
		char *end;
		long n = strtol(num, &end, 10);
		const char *st = ak_val(r, "nieuwe_status");
		json_t *f = (!*end && n >= 1) ? json_array_get(list, (size_t)(n - 1)) : NULL;

		if (!f)
			rr_diag_add(&d, "Deze vervolgactie bestaat niet (meer); laad de pagina opnieuw.");
		else if (!st || !rr_enum_has(rr_followup_status_values, st))
			rr_diag_add(&d, "Kies de nieuwe status: open, bezig, gedaan of vervallen.");
		else
			ak_set(f, "status", st);
	} else {
		json_t *f = json_object();
		rr_date due;
		char iso[RR_DATE_ISO_MAX];

		if (!ak_val(r, "actie"))
			rr_diag_add_at(&d, "actie", "Beschrijf de vervolgactie, zoals: catalogus "
				       "versturen.");
		if (ak_val(r, "vstatus") && !rr_enum_has(rr_followup_status_values, ak_val(r, "vstatus")))
			rr_diag_add_at(&d, "vstatus", "Kies de status uit de lijst.");
		ak_set(f, "action", ak_val(r, "actie"));
		ak_set(f, "owner", ak_val(r, "eigenaar"));
		if (ak_date(r, "uiterlijk", false, &due, &d) && due.prec) {
			rr_date_iso(&due, iso);
			ak_set(f, "due", iso);
		}
		ak_set(f, "status", ak_val(r, "vstatus") ? ak_val(r, "vstatus") : "open");
		if (d.n)
			json_decref(f);
		else
			json_array_append_new(list, f);
	}
	e = save(r, o, res, NULL, &d, "vervolg");
	json_decref(res);
	rr_diag_free(&d);
	return e;
}

/* POST /beheer/resultaten/{id}/vervolg-weg: removes follow-up `nummer`. */
rr_err result_follow_up_remove(rr_req *r, rr_resp *o)
{
	json_t *res = NULL;
	rr_diag d = {0};
	bool denied;
	rr_err e;

	if ((e = ak_load_rec(r, o, RR_K_RESULT, rr_req_cap(r, "id"), RR_CAP_EDIT, &res,
			     &denied)) || denied)
		return e;
	ak_remove_item(r, res, "follow_up", &d);
	e = save(r, o, res, NULL, &d, "vervolg-weg");
	json_decref(res);
	rr_diag_free(&d);
	return e;
}
