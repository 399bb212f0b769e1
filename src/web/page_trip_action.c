/* page_trip_action.c - the steps of a trip's lifecycle as small forms, each
 * a POST to /beheer/reizen/{id}/{actie}:
 *   aanvragen     request                        redacteur
 *   afstemming    coordination step (with, date) redacteur or secretaris
 *   besluit       college decision (outcome, date) secretaris only
 *   uitgevoerd    took place: actual dates, officials, travellers, costs
 *   geannuleerd   cancelled: reason
 *   verslag       report (Markdown) and the date it was submitted
 *   publiceren / depubliceren   the public flag
 * The server has checked the session, CSRF token and Origin. Each action
 * loads the trip, checks the user's capability for the trip's body, applies
 * the lifecycle function and saves through ak_save (normalise + loader): on
 * any problem the page is shown again with the messages (422) and nothing
 * is written; on success 303 back to the trip. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/lifecycle.h"
#include "model/record.h"
#include "web/adminkit.h"

typedef enum { A_REQUEST, A_COORD, A_DECIDE, A_DONE, A_CANCEL, A_REPORT, A_PUB, A_UNPUB } act;

static const struct {
	const char *seg, *button, *flash;
	unsigned caps; /* any of these */
} acts[] = {
	[A_REQUEST] = {"aanvragen", "Aanvragen", "aangevraagd", RR_CAP_EDIT},
	[A_COORD] = {"afstemming", "Afstemming vastleggen", "afstemming", RR_CAP_EDIT | RR_CAP_DECIDE},
	[A_DECIDE] = {"besluit", "Besluit vastleggen", "besluit", RR_CAP_DECIDE},
	[A_DONE] = {"uitgevoerd", "Reis uitgevoerd", "uitgevoerd", RR_CAP_EDIT},
	[A_CANCEL] = {"geannuleerd", "Reis afgelasten", "afgelast", RR_CAP_EDIT},
	[A_REPORT] = {"verslag", "Verslag indienen", "verslag", RR_CAP_EDIT},
	[A_PUB] = {"publiceren", "Publiceren", "gepubliceerd", RR_CAP_EDIT},
	[A_UNPUB] = {"depubliceren", "Publicatie intrekken", "ingetrokken", RR_CAP_EDIT},
};
#define NACTS (sizeof acts / sizeof acts[0])

/* Paths of the model's messages -> the fields of the step forms. */
static const char *const field_map[][2] = {
	{"coordination.with", "met"}, {"coordination.date", "datum_afstemming"},
	{"decision.outcome", "uitkomst"}, {"decision.date", "datum_besluit"},
	{"start", "werkelijk_begin"}, {"end", "werkelijk_eind"},
	{"report.text", "verslag"}, {"report.submitted", "datum_verslag"},
	{"cancellation.reason", "reden"}, {"cancellation.date", "datum_afgelast"},
};

static bool may(const rr_req *r, const char *org, act a)
{
	for (unsigned c = 1; c <= RR_CAP_ADMIN; c <<= 1)
		if ((acts[a].caps & c) && rr_can(r->principal, org, (rr_cap)c))
			return true;
	return false;
}

static bool status_in(const char *st, const char *list)
{
	char pad[32];
	snprintf(pad, sizeof pad, " %s ", st ? st : "draft");
	return strstr(list, pad) != NULL;
}

static void form_begin(ak_form *f, html *h, const rr_req *r, const rr_diag *d, const json_t *t,
		       act a, const char *intro)
{
	char action[200];
	snprintf(action, sizeof action, "/beheer/reizen/%s/%s", rr_rec_str(t, "id"), acts[a].seg);
	html_open_c(h, "section", "rr-action");
	html_attrf(h, "aria-labelledby", "stap-%s", acts[a].seg);
	html_open_c(h, "h3", "utrecht-heading-3");
	html_attrf(h, "id", "stap-%s", acts[a].seg);
	html_text(h, acts[a].button);
	html_close(h, "h3");
	if (intro)
		layout_paragraph(h, intro);
	ak_form_begin(f, h, r, d, action, t);
}

static void form_end(ak_form *f, act a)
{
	ak_submit(f, acts[a].button);
	ak_form_end(f);
	html_close(f->h, "section");
}

/* The value typed in field key (after a refused step), else dflt. */
static const char *typed(const rr_req *r, const char *key, const char *dflt)
{
	const char *v = ak_val(r, key);
	return v ? v : dflt;
}

static const char *const with_values[] = {"internationale zaken", "burgemeester", NULL};
static const char *const with_labels[] = {"Internationale zaken", "Burgemeester", NULL};

static void took_place_form(ak_form *f, rr_req *r, const json_t *t)
{
	json_t *travs, *costs;

	ak_default_submit(f);
	ak_input(f, "date", "werkelijk_begin", "Werkelijke vertrekdatum",
		 typed(r, "werkelijk_begin", rr_rec_str(t, "start")), "Dag, maand en jaar");
	ak_input(f, "date", "werkelijk_eind", "Werkelijke terugkomst",
		 typed(r, "werkelijk_eind", rr_rec_str(t, "end")), "Dag, maand en jaar");
	ak_input(f, "number", "werkelijk_ambtenaren", "Aantal meegereisde ambtenaren",
		 ak_val(r, "werkelijk_ambtenaren"), NULL);
	travs = r->form && ak_val(r, "werkelijk_begin") ? ak_rows_of_req(r, "werkelijk-reiziger") :
		ak_traveller_rows_of(json_object_get(t, "travellers"));
	ak_traveller_fields(f, "werkelijk-reiziger", "Wie zijn er werkelijk gereisd", travs, 1,
			    "Zoals gepland staat hieronder; verander wat anders ging.");
	costs = ak_rows_of_req(r, "werkelijk-kosten");
	ak_cost_fields(f, "werkelijk-kosten", costs, 1, rr_rec_str(t, "organisation"), "actual");
	json_decref(travs);
	json_decref(costs);
}

void ak_trip_action_forms(html *h, rr_req *r, const json_t *t, const rr_diag *d)
{
	const char *org = rr_rec_str(t, "organisation"), *st = rr_rec_str(t, "status");
	bool any = false;
	ak_form f;
	char today[RR_DATE_ISO_MAX];
	rr_date td = rr_today();

	rr_date_iso(&td, today);
	if (may(r, org, A_REQUEST) && status_in(st, " draft rejected ")) {
		form_begin(&f, h, r, d, t, A_REQUEST, "Leg de aanvraag voor aan het college.");
		form_end(&f, A_REQUEST);
		any = true;
	}
	if (may(r, org, A_COORD) && status_in(st, " requested coordinated ")) {
		form_begin(&f, h, r, d, t, A_COORD, NULL);
		ak_select(&f, "met", "Afgestemd met", with_values, with_labels, ak_val(r, "met"),
			  NULL, NULL);
		ak_input(&f, "date", "datum_afstemming", "Datum van de afstemming",
			 ak_val(r, "datum_afstemming"), "Dag, maand en jaar");
		form_end(&f, A_COORD);
		any = true;
	}
	if (may(r, org, A_DECIDE) && status_in(st, " requested coordinated ")) {
		form_begin(&f, h, r, d, t, A_DECIDE, "Het besluit van het college over de aanvraag.");
		ak_select(&f, "uitkomst", "Besluit", rr_outcome_values, NULL, ak_val(r, "uitkomst"),
			  "(kies)", "Aangehouden: het college besluit later; de aanvraag blijft staan.");
		ak_input(&f, "date", "datum_besluit", "Datum van de collegevergadering",
			 ak_val(r, "datum_besluit"), "Dag, maand en jaar");
		ak_input(&f, "text", "besluitnummer", "Besluitnummer", ak_val(r, "besluitnummer"),
			 "Zoals het nummer in de besluitenlijst");
		ak_textarea(&f, "voorwaarden", "Voorwaarden", ak_val(r, "voorwaarden"),
			    "Alleen bij een besluit onder voorwaarden");
		ak_textarea(&f, "besluittekst", "Tekst van het besluit", ak_val(r, "besluittekst"),
			    NULL);
		ak_input(&f, "url", "besluitdocument", "Besluitdocument (internetadres)",
			 ak_val(r, "besluitdocument"), "Zoals https://... van de besluitenlijst");
		form_end(&f, A_DECIDE);
		any = true;
	}
	if (may(r, org, A_DONE) && status_in(st, " approved ")) {
		form_begin(&f, h, r, d, t, A_DONE, "Leg vast dat de reis heeft plaatsgevonden, "
			   "met de werkelijke datums, reizigers en kosten.");
		took_place_form(&f, r, t);
		form_end(&f, A_DONE);
		any = true;
	}
	if (may(r, org, A_REPORT) && status_in(st, " completed approved ")) {
		form_begin(&f, h, r, d, t, A_REPORT, NULL);
		ak_textarea(&f, "verslag", "Verslag", ak_val(r, "verslag"),
			    "Opmaak mag: een regel met # is een kop, **vet**, - voor een opsomming.");
		ak_input(&f, "date", "datum_verslag", "Datum van indienen",
			 typed(r, "datum_verslag", today), "Dag, maand en jaar");
		form_end(&f, A_REPORT);
		any = true;
	}
	if (may(r, org, A_CANCEL) && status_in(st, " draft requested coordinated approved ")) {
		form_begin(&f, h, r, d, t, A_CANCEL, NULL);
		ak_input(&f, "text", "reden", "Reden van afgelasten", ak_val(r, "reden"),
			 "Zoals: afgelast vanwege de covid-pandemie");
		ak_input(&f, "date", "datum_afgelast", "Datum van afgelasten",
			 ak_val(r, "datum_afgelast"), "Dag, maand en jaar (mag leeg)");
		form_end(&f, A_CANCEL);
		any = true;
	}
	if (may(r, org, A_PUB) && !status_in(st, " draft ")) {
		act a = rr_rec_bool(t, "public") ? A_UNPUB : A_PUB;
		form_begin(&f, h, r, d, t, a, a == A_PUB ? "Zet de reis in het openbare register." :
			   "De reis is openbaar. Trek de publicatie in als ze (nog) niet openbaar "
			   "mag zijn.");
		form_end(&f, a);
		any = true;
	}
	if (!any)
		layout_paragraph(h, "Er zijn nu geen stappen die u kunt zetten.");
}

/* The "uitgevoerd" step: keep the planned values, record the actual ones. */
static rr_err took_place(rr_req *r, json_t *t, rr_diag *d)
{
	const char *org = rr_rec_str(t, "organisation");
	rr_date s, e;
	json_t *rows, *travs, *costs;
	long long n;
	bool given;
	rr_err err;

	ak_date(r, "werkelijk_begin", false, &s, d);
	ak_date(r, "werkelijk_eind", false, &e, d);
	rows = ak_rows_of_req(r, "werkelijk-reiziger");
	travs = ak_traveller_parse(r, rows, "werkelijk-reiziger", d);
	json_decref(rows);
	rows = ak_rows_of_req(r, "werkelijk-kosten");
	costs = ak_cost_parse(rows, "werkelijk-kosten", org, "actual", d);
	json_decref(rows);
	if (ak_count(r, "werkelijk_ambtenaren", 1000, &n, &given, d) && given)
		json_object_set_new(t, "accompanying_officials", json_integer(n));
	if (d->n) {
		json_decref(travs);
		json_decref(costs);
		return RR_EINVAL;
	}
	/* planned_* stay what the request said */
	if (!json_object_get(t, "planned_start") && json_object_get(t, "start"))
		json_object_set(t, "planned_start", json_object_get(t, "start"));
	if (!json_object_get(t, "planned_end") && json_object_get(t, "end"))
		json_object_set(t, "planned_end", json_object_get(t, "end"));
	if (!json_object_get(t, "planned_travellers") && json_object_get(t, "travellers"))
		json_object_set(t, "planned_travellers", json_object_get(t, "travellers"));
	if (json_array_size(travs))
		json_object_set(t, "travellers", travs);
	if (json_array_size(costs)) {
		if (!json_object_get(t, "costs"))
			json_object_set_new(t, "costs", json_array());
		json_array_extend(json_object_get(t, "costs"), costs);
	}
	json_decref(travs);
	json_decref(costs);
	err = rr_trip_complete(t, s.prec ? &s : NULL, e.prec ? &e : NULL, d);
	return err;
}

static rr_err decide(rr_req *r, json_t *t, rr_diag *d)
{
	const char *url = ak_val(r, "besluitdocument");
	json_t *dec;
	rr_date dt;
	rr_err e;

	if (!ak_val(r, "uitkomst"))
		rr_diag_add_at(d, "uitkomst", "Kies het besluit van het college.");
	ak_date(r, "datum_besluit", true, &dt, d);
	if (url && strncmp(url, "https://", 8) && strncmp(url, "http://", 7))
		rr_diag_add_at(d, "besluitdocument", "Vul een internetadres in dat begint met "
			       "https://, of laat het veld leeg.");
	if (ak_val(r, "voorwaarden") && ak_val(r, "uitkomst") &&
	    strcmp(ak_val(r, "uitkomst"), "approved_with_conditions"))
		rr_diag_add_at(d, "voorwaarden", "Voorwaarden horen bij een besluit onder "
			       "voorwaarden. Kies dat besluit, of laat dit veld leeg.");
	if (d->n)
		return RR_EINVAL;
	if ((e = rr_trip_decide(t, ak_val(r, "uitkomst"), &dt, d)))
		return e;
	dec = json_object_get(t, "decision");
	ak_set(dec, "number", ak_val(r, "besluitnummer"));
	ak_set(dec, "conditions", ak_val(r, "voorwaarden"));
	ak_set(dec, "text", ak_val(r, "besluittekst"));
	ak_set(dec, "url", url);
	return RR_OK;
}

static rr_err apply(rr_req *r, act a, json_t *t, rr_diag *d)
{
	rr_date dt, today = rr_today();

	switch (a) {
	case A_REQUEST:
		return rr_trip_request(t, &today, d);
	case A_COORD:
		if (!ak_date(r, "datum_afstemming", true, &dt, d))
			return RR_EINVAL;
		return rr_trip_coordinate(t, ak_val(r, "met"), &dt, d);
	case A_DECIDE:
		return decide(r, t, d);
	case A_DONE:
		return took_place(r, t, d);
	case A_CANCEL:
		if (!ak_date(r, "datum_afgelast", false, &dt, d))
			return RR_EINVAL;
		return rr_trip_cancel(t, ak_val(r, "reden"), dt.prec ? &dt : NULL, d);
	case A_REPORT:
		if (!ak_date(r, "datum_verslag", true, &dt, d))
			return RR_EINVAL;
		return rr_trip_file_report(t, ak_val(r, "verslag"), &dt, d);
	case A_PUB:
	case A_UNPUB:
		rr_trip_publish(t, a == A_PUB);
		return RR_OK;
	}
	return RR_EINVAL;
}

rr_err trip_action(rr_req *r, rr_resp *o)
{
	const char *id = rr_req_cap(r, "id");
	const char *seg = r->t.nsegs == 4 ? r->t.segs[3] : "";
	json_t *t = NULL;
	rr_diag d = {0};
	char path[200];
	bool denied;
	size_t a;
	rr_err e;

	if (!r->principal)
		return ak_forbidden(o);
	for (a = 0; a < NACTS && strcmp(acts[a].seg, seg); a++)
		;
	if (a == NACTS)
		return RR_ENOTFOUND;
	if ((e = ak_load_trip(r, o, id, RR_CAP_READ, &t, &denied)) || denied)
		return e;
	if (!may(r, rr_rec_str(t, "organisation"), (act)a)) {
		json_decref(t);
		return ak_forbidden(o);
	}
	if (a == A_DONE && ak_more(r)) { /* one more row, nothing saved */
		e = ak_trip_page(r, o, t, NULL, 200);
		json_decref(t);
		return e;
	}
	if ((e = apply(r, (act)a, t, &d)) == RR_OK)
		e = ak_save(r, RR_K_TRIP, t, &d);
	if (e == RR_EINVAL || e == RR_ECONFLICT) {
		json_t *orig = NULL;
		if (!d.n)
			rr_diag_add(&d, "%s: dit kan nu niet.", acts[a].button);
		for (size_t i = 0; i < sizeof field_map / sizeof field_map[0]; i++)
			rr_diag_rename(&d, field_map[i][0], field_map[i][1]);
		/* show the record as stored, not the refused change */
		if (rr_store_get(r->store, RR_K_TRIP, id, &rr_viewer_system, &orig) == RR_OK) {
			e = ak_trip_page(r, o, orig, &d, 422);
			json_decref(orig);
		}
	} else if (!e) {
		snprintf(path, sizeof path, "/beheer/reizen/%s", id);
		ak_redirect(o, path, acts[a].flash);
	}
	json_decref(t);
	rr_diag_free(&d);
	return e;
}
