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

static const char *const type_labels[] = {"overeenkomst", "investering", "lead",
	"vervolgbezoek", "media-aandacht", "tentoonstelling", "uitwisseling (onderwijs)",
	"anders", NULL};
static const char *const agr_values[] = {"mou", "contract", "letter_of_intent", "intention",
	"sister_city_agreement", "declaration", NULL};
static const char *const agr_labels[] = {"MoU", "contract", "intentieverklaring (letter of intent)",
	"voornemen", "zusterstedenovereenkomst", "verklaring", NULL};
static const char *const st_values[] = {"open", "in_progress", "done", "dropped", NULL};
static const char *const st_labels[] = {"open", "bezig", "gedaan", "vervallen", NULL};
static const char *const pub_values[] = {"1", "0", NULL};
static const char *const pub_labels[] = {"ja, opnemen in het openbare register", "nee, nog niet",
	NULL};

static const char *st_label(const char *v)
{
	for (size_t i = 0; v && st_values[i]; i++)
		if (!strcmp(st_values[i], v))
			return st_labels[i];
	return v ? v : "open";
}

/* A select of the body's records of kind k (ids, titles as labels). */
static void record_select(rr_req *r, html *h, rr_kind k, const char *org, const char *name,
			  const char *label, const char *selected)
{
	json_t *list = NULL;
	const char **values = NULL, **labels = NULL;
	const json_t *rec;
	size_t i, n = 0;

	if (rr_store_list(r->store, k, org, 0, r->viewer, &list) == RR_OK &&
	    (values = calloc(json_array_size(list) + 1, sizeof *values)) &&
	    (labels = calloc(json_array_size(list) + 1, sizeof *labels))) {
		json_array_foreach(list, i, rec) {
			const char *t = rr_rec_str(rec, k == RR_K_TRIP ? "title" : "id");
			const json_t *partner = json_object_get(rec, "partner");
			if (k == RR_K_PARTNERSHIP && rr_rec_str(partner, "name"))
				t = rr_rec_str(partner, "name");
			values[n] = rr_rec_str(rec, "id");
			labels[n++] = t ? t : rr_rec_str(rec, "id");
		}
		ak_select(h, name, label, values, labels, selected, true);
	}
	free(values);
	free(labels);
	json_decref(list);
}

static void follow_ups(rr_req *r, html *h, const json_t *res)
{
	static const char *const heads[] = {"Actie", "Eigenaar", "Uiterlijk", "Status",
		"Status wijzigen"};
	const char *id = rr_rec_str(res, "id");
	const json_t *f;
	rr_date today = rr_today();
	char action[200];
	size_t i;

	snprintf(action, sizeof action, "/beheer/resultaten/%s/vervolg", id);
	layout_h2(h, "Vervolgacties");
	if (!json_array_size(json_object_get(res, "follow_up")))
		layout_paragraph(h, "Nog geen vervolgacties.");
	else
		layout_table_begin(h, "Vervolgacties met eigenaar, termijn en status", heads,
				   NULL, 5);
	json_array_foreach(json_object_get(res, "follow_up"), i, f) {
		const char *st = rr_rec_str(f, "status");
		rr_date due = rr_rec_date(f, "due");
		bool late = due.prec && rr_date_last(&due) < rr_date_first(&today) &&
			    !(st && (!strcmp(st, "done") || !strcmp(st, "dropped")));
		char status[80];

		snprintf(status, sizeof status, "%s%s", st_label(st), late ? " (te laat)" : "");
		layout_row_begin(h);
		layout_cell(h, rr_rec_str(f, "action"), 0);
		layout_cell(h, rr_rec_str(f, "owner") ? rr_rec_str(f, "owner") : "", 0);
		layout_cell(h, rr_rec_str(f, "due") ? rr_rec_str(f, "due") : "", 0);
		layout_cell(h, status, 0);
		html_open_c(h, "td", "utrecht-table__cell");
		ak_form_begin(h, r, action);
		html_open(h, "input");
		html_attr(h, "type", "hidden");
		html_attr(h, "name", "nummer");
		html_attrf(h, "value", "%zu", i + 1);
		html_open_c(h, "label", "utrecht-form-label");
		html_attrf(h, "for", "nieuwe-status-%zu", i + 1);
		html_textf(h, "Nieuwe status van actie %zu", i + 1);
		html_close(h, "label");
		html_open_c(h, "select", "utrecht-select");
		html_attrf(h, "id", "nieuwe-status-%zu", i + 1);
		html_attr(h, "name", "nieuwe_status");
		for (size_t j = 0; st_values[j]; j++) {
			html_open(h, "option");
			html_attr(h, "value", st_values[j]);
			if (!strcmp(st ? st : "open", st_values[j]))
				html_attr_bool(h, "selected");
			html_text(h, st_labels[j]);
			html_close(h, "option");
		}
		html_close(h, "select");
		ak_submit(h, "Wijzigen");
		html_close(h, "form");
		html_close(h, "td");
		layout_row_end(h);
	}
	if (json_array_size(json_object_get(res, "follow_up")))
		layout_table_end(h);
	html_open_c(h, "h3", "utrecht-heading-3");
	html_text(h, "Vervolgactie toevoegen");
	html_close(h, "h3");
	ak_form_begin(h, r, action);
	ak_input(h, "text", "actie", "Actie", ak_val(r, "actie"), NULL);
	ak_input(h, "text", "eigenaar", "Eigenaar", ak_val(r, "eigenaar"), "Wie zorgt ervoor");
	ak_input(h, "date", "uiterlijk", "Uiterlijk", ak_val(r, "uiterlijk"), "jjjj-mm-dd");
	ak_select(h, "vstatus", "Status", st_values, st_labels, ak_val(r, "vstatus"), false);
	ak_submit(h, "Vervolgactie toevoegen");
	html_close(h, "form");
}

static rr_err result_page(rr_req *r, rr_resp *o, const json_t *res, const rr_diag *d,
			  int status)
{
	static const layout_crumb crumbs[] = {{"Home", "/"}, {"Beheer", "/beheer"},
		{"Resultaat", NULL}};
	const char *id = rr_rec_str(res, "id"), *org = rr_rec_str(res, "organisation");
	char action[200], buf[64], *parties = NULL;
	const char *themes[64];
	const json_t *v;
	size_t i, len = 0;
	html h;

	if (id)
		snprintf(action, sizeof action, "/beheer/resultaten/%s", id);
	else
		snprintf(action, sizeof action, "/beheer/resultaten/nieuw?organisation=%s", org);
	pk_begin(&h, o, id ? "Resultaat bewerken" : "Nieuw resultaat", crumbs, 3, NULL);
	layout_h1(&h, id ? "Resultaat bewerken" : "Nieuw resultaat");
	if (id) {
		html_open_c(&h, "p", "utrecht-paragraph");
		pk_link(&h, "/beheer/audit/result/", id, "Wijzigingen (auditlog)");
		html_close(&h, "p");
	}
	ak_errors(&h, d);
	ak_form_begin(&h, r, action);
	ak_input(&h, "text", "titel", "Titel", rr_rec_str(res, "title"), NULL);
	ak_select(&h, "type", "Soort resultaat", rr_result_type_values, type_labels,
		  rr_rec_str(res, "type"), false);
	ak_select(&h, "overeenkomst", "Soort overeenkomst (bij een overeenkomst)", agr_values,
		  agr_labels, rr_rec_str(res, "agreement"), true);
	for (i = 0; rr_theme_values[i] && i < 63; i++)
		themes[i] = pk_theme_label(rr_theme_values[i]);
	themes[i] = NULL;
	ak_select(&h, "thema", "Thema", rr_theme_values, themes, rr_rec_str(res, "theme"), true);
	json_array_foreach(json_object_get(res, "parties"), i, v)
		len += strlen(json_string_value(v) ? json_string_value(v) : "") + 1;
	if ((parties = calloc(len + 1, 1)))
		json_array_foreach(json_object_get(res, "parties"), i, v) {
			strcat(parties, json_string_value(v) ? json_string_value(v) : "");
			strcat(parties, "\n");
		}
	ak_textarea(&h, "partijen", "Partijen", parties, "Eén partij per regel");
	free(parties);
	ak_text_of(buf, sizeof buf, json_object_get(res, "amount_eur"));
	ak_input(&h, "text", "bedrag", "Bedrag in euro's", buf[0] ? buf : NULL,
		 "Zoals 17.560.000 of 1.250,50");
	ak_text_of(buf, sizeof buf, json_object_get(res, "jobs"));
	ak_input(&h, "number", "banen", "Banen", buf[0] ? buf : NULL, NULL);
	ak_input(&h, "date", "datum", "Datum", rr_rec_str(res, "date"), "jjjj-mm-dd");
	record_select(r, &h, RR_K_TRIP, org, "reis", "Bij de reis", rr_rec_str(res, "trip"));
	record_select(r, &h, RR_K_PARTNERSHIP, org, "partnerschap", "Bij het partnerschap",
		      rr_rec_str(res, "partnership"));
	ak_textarea(&h, "omschrijving", "Omschrijving", rr_rec_str(res, "description"), NULL);
	ak_select(&h, "openbaar", "Openbaar", pub_values, pub_labels,
		  rr_rec_bool(res, "public") ? "1" : "0", false);
	ak_submit(&h, "Opslaan");
	html_close(&h, "form");
	if (id)
		follow_ups(r, &h, res);
	o->status = status;
	return pk_end(&h, o);
}

/* A reference field (trip, partnership) to a record of the same body only. */
static void own_ref(rr_req *r, json_t *res, rr_kind k, const char *key, const char *field,
		    const char *label, rr_diag *d)
{
	const char *v = ak_val(r, field), *org = rr_rec_str(res, "organisation");
	json_t *t = NULL;

	if (!v) {
		json_object_del(res, key);
		return;
	}
	if (rr_store_get(r->store, k, v, r->viewer, &t) || strcmp(rr_rec_str(t, "organisation"), org))
		rr_diag_add(d, "%s (%s): '%.100s' hoort niet bij %s", label, field, v, org);
	else
		ak_set(res, key, v);
	json_decref(t);
}

static void from_form(rr_req *r, json_t *res, rr_diag *d)
{
	const char *v, *type = ak_val(r, "type");
	json_t *parties = json_array();
	rr_date dt;
	char iso[RR_DATE_ISO_MAX];

	ak_set(res, "title", ak_val(r, "titel"));
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
			rr_diag_add(d, "Bedrag in euro's (bedrag): '%.40s' is geen bedrag van nul of meer, "
				    "zoals 1.250,00", v);
		else
			json_object_set_new(res, "amount_eur", json_real((double)c / 100.0));
	}
	json_object_del(res, "jobs");
	if ((v = ak_val(r, "banen"))) {
		char *end;
		long long n = strtoll(v, &end, 10);
		if (*end || n < 0 || n > 100000000)
			rr_diag_add(d, "Banen (banen): '%.40s' is geen aantal van nul of meer", v);
		else
			json_object_set_new(res, "jobs", json_integer(n));
	}
	json_object_del(res, "date");
	if (ak_date(r, "datum", "Datum", false, &dt, d) && dt.prec) {
		rr_date_iso(&dt, iso);
		ak_set(res, "date", iso);
	}
	own_ref(r, res, RR_K_TRIP, "trip", "reis", "Bij de reis", d);
	own_ref(r, res, RR_K_PARTNERSHIP, "partnership", "partnerschap", "Bij het partnerschap", d);
	ak_set(res, "description", ak_val(r, "omschrijving"));
	json_object_set_new(res, "public", json_boolean(ak_val(r, "openbaar") &&
						      !strcmp(ak_val(r, "openbaar"), "1")));
}

static rr_err save(rr_req *r, rr_resp *o, json_t *res, rr_diag *d)
{
	char path[200];
	rr_err e = RR_OK;

	if (!d->n && (e = ak_save(r, RR_K_RESULT, res, d)) == RR_OK) {
		snprintf(path, sizeof path, "/beheer/resultaten/%s", rr_rec_str(res, "id"));
		rr_resp_redirect(o, path);
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
	char id[160];
	json_t *res;
	rr_err e;

	if (!rr_can(r->principal, org, RR_CAP_EDIT))
		return ak_forbidden(o);
	if (!(res = json_pack("{s:s}", "organisation", org)))
		return RR_ENOMEM;
	from_form(r, res, &d);
	if ((e = ak_new_id(r, RR_K_RESULT, org, ak_val(r, "titel"), id, sizeof id)))
		goto out;
	json_object_set_new(res, "id", json_string(id));
	e = save(r, o, res, &d);
out:
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
	e = save(r, o, res, &d);
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
			rr_diag_add(&d, "Vervolgactie (nummer): er is geen actie %.20s", num);
		else if (!st || !rr_enum_has(st_values, st))
			rr_diag_add(&d, "Nieuwe status (nieuwe_status): kies open, bezig, gedaan of vervallen");
		else
			ak_set(f, "status", st);
	} else {
		json_t *f = json_object();
		rr_date due;
		char iso[RR_DATE_ISO_MAX];

		if (!ak_val(r, "actie"))
			rr_diag_add(&d, "Actie (actie): beschrijf de vervolgactie");
		ak_set(f, "action", ak_val(r, "actie"));
		ak_set(f, "owner", ak_val(r, "eigenaar"));
		if (ak_date(r, "uiterlijk", "Uiterlijk", false, &due, &d) && due.prec) {
			rr_date_iso(&due, iso);
			ak_set(f, "due", iso);
		}
		ak_set(f, "status", ak_val(r, "vstatus") ? ak_val(r, "vstatus") : "open");
		if (d.n)
			json_decref(f);
		else
			json_array_append_new(list, f);
	}
	e = save(r, o, res, &d);
	json_decref(res);
	rr_diag_free(&d);
	return e;
}
