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
	const char *seg, *button;
	unsigned caps; /* any of these */
} acts[] = {
	[A_REQUEST] = {"aanvragen", "Aanvragen", RR_CAP_EDIT},
	[A_COORD] = {"afstemming", "Afstemming vastleggen", RR_CAP_EDIT | RR_CAP_DECIDE},
	[A_DECIDE] = {"besluit", "Besluit vastleggen", RR_CAP_DECIDE},
	[A_DONE] = {"uitgevoerd", "Reis uitgevoerd", RR_CAP_EDIT},
	[A_CANCEL] = {"geannuleerd", "Reis afgelasten", RR_CAP_EDIT},
	[A_REPORT] = {"verslag", "Verslag indienen", RR_CAP_EDIT},
	[A_PUB] = {"publiceren", "Publiceren", RR_CAP_EDIT},
	[A_UNPUB] = {"depubliceren", "Niet meer openbaar maken", RR_CAP_EDIT},
};
#define NACTS (sizeof acts / sizeof acts[0])

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

static void form_begin(html *h, const rr_req *r, const char *id, act a)
{
	char action[200];
	snprintf(action, sizeof action, "/beheer/reizen/%s/%s", id, acts[a].seg);
	html_open_c(h, "section", "rr-action");
	html_attrf(h, "aria-label", "%s", acts[a].button);
	ak_form_begin(h, r, action);
}

static void form_end(html *h, act a)
{
	ak_submit(h, acts[a].button);
	html_close(h, "form");
	html_close(h, "section");
}

static const char *const with_values[] = {"internationale zaken", "burgemeester", NULL};
static const char *const outcome_values[] = {"approved", "rejected", NULL};
static const char *const outcome_labels[] = {"goedgekeurd", "afgewezen", NULL};

void ak_trip_action_forms(html *h, const rr_req *r, const json_t *t)
{
	const char *id = rr_rec_str(t, "id"), *org = rr_rec_str(t, "organisation");
	const char *st = rr_rec_str(t, "status");
	bool any = false;

	if (may(r, org, A_REQUEST) && status_in(st, " draft rejected ")) {
		form_begin(h, r, id, A_REQUEST);
		form_end(h, A_REQUEST);
		any = true;
	}
	if (may(r, org, A_COORD) && status_in(st, " requested coordinated ")) {
		form_begin(h, r, id, A_COORD);
		ak_select(h, "met", "Afgestemd met", with_values, NULL, NULL, false);
		ak_input(h, "date", "datum_afstemming", "Datum van de afstemming", NULL, "jjjj-mm-dd");
		form_end(h, A_COORD);
		any = true;
	}
	if (may(r, org, A_DECIDE) && status_in(st, " requested coordinated ")) {
		form_begin(h, r, id, A_DECIDE);
		ak_select(h, "uitkomst", "Besluit van het college", outcome_values, outcome_labels,
			  NULL, false);
		ak_input(h, "date", "datum_besluit", "Datum van de collegevergadering", NULL,
			 "jjjj-mm-dd");
		form_end(h, A_DECIDE);
		any = true;
	}
	if (may(r, org, A_DONE) && status_in(st, " approved ")) {
		form_begin(h, r, id, A_DONE);
		ak_input(h, "date", "werkelijk_begin", "Werkelijke vertrekdatum", rr_rec_str(t, "start"),
			 "jjjj-mm-dd");
		ak_input(h, "date", "werkelijk_eind", "Werkelijke terugkomst", rr_rec_str(t, "end"),
			 "jjjj-mm-dd");
		ak_input(h, "number", "werkelijk_ambtenaren", "Aantal meegereisde ambtenaren", NULL,
			 NULL);
		ak_textarea(h, "werkelijk_reizigers", "Wie zijn er werkelijk gereisd", NULL,
			    "Eén per regel: naam; rol. Leeg: zoals gepland.");
		ak_textarea(h, "werkelijk_kosten", "Werkelijke kosten", NULL,
			    "Eén post per regel: categorie; bedrag; betaald door.");
		form_end(h, A_DONE);
		any = true;
	}
	if (may(r, org, A_REPORT) && status_in(st, " completed approved ")) {
		form_begin(h, r, id, A_REPORT);
		ak_textarea(h, "verslag", "Verslag (Markdown)", NULL, NULL);
		ak_input(h, "date", "datum_verslag", "Datum van indienen", NULL, "jjjj-mm-dd");
		form_end(h, A_REPORT);
		any = true;
	}
	if (may(r, org, A_CANCEL) && status_in(st, " draft requested coordinated approved ")) {
		form_begin(h, r, id, A_CANCEL);
		ak_input(h, "text", "reden", "Reden van afgelasten", NULL, NULL);
		ak_input(h, "date", "datum_afgelast", "Datum", NULL, "jjjj-mm-dd");
		form_end(h, A_CANCEL);
		any = true;
	}
	if (may(r, org, A_PUB) && !status_in(st, " draft ")) {
		act a = rr_rec_bool(t, "public") ? A_UNPUB : A_PUB;
		form_begin(h, r, id, a);
		form_end(h, a);
		any = true;
	}
	if (!any)
		layout_paragraph(h, "Er zijn nu geen stappen die u kunt zetten.");
}

/* The "uitgevoerd" step: keep the planned values, record the actual ones. */
static rr_err took_place(rr_req *r, json_t *t, rr_diag *d)
{
	const char *org = rr_rec_str(t, "organisation"), *v;
	rr_date s, e;
	json_t *travs, *costs;
	rr_err err;

	ak_date(r, "werkelijk_begin", "Werkelijke vertrekdatum", false, &s, d);
	ak_date(r, "werkelijk_eind", "Werkelijke terugkomst", false, &e, d);
	travs = ak_travellers(ak_val(r, "werkelijk_reizigers"), d);
	costs = ak_costs(ak_val(r, "werkelijk_kosten"), "actual", org, d);
	if ((v = ak_val(r, "werkelijk_ambtenaren"))) {
		char *end;
		long n = strtol(v, &end, 10);
		if (*end || n < 0 || n > 1000)
			rr_diag_add(d, "Aantal ambtenaren (werkelijk_ambtenaren): een heel getal van 0 tot 1000");
		else
			json_object_set_new(t, "accompanying_officials", json_integer(n));
	}
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

static rr_err apply(rr_req *r, act a, json_t *t, rr_diag *d)
{
	rr_date dt;

	switch (a) {
	case A_REQUEST:
		return rr_trip_request(t, d);
	case A_COORD:
		if (!ak_date(r, "datum_afstemming", "Datum van de afstemming", true, &dt, d))
			return RR_EINVAL;
		return rr_trip_coordinate(t, ak_val(r, "met"), &dt, d);
	case A_DECIDE:
		if (!ak_date(r, "datum_besluit", "Datum van de collegevergadering", true, &dt, d))
			return RR_EINVAL;
		return rr_trip_decide(t, ak_val(r, "uitkomst"), &dt, d);
	case A_DONE:
		return took_place(r, t, d);
	case A_CANCEL:
		if (!ak_date(r, "datum_afgelast", "Datum", false, &dt, d))
			return RR_EINVAL;
		return rr_trip_cancel(t, ak_val(r, "reden"), dt.prec ? &dt : NULL, d);
	case A_REPORT:
		if (!ak_date(r, "datum_verslag", "Datum van indienen", true, &dt, d))
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
	if ((e = apply(r, (act)a, t, &d)) == RR_OK)
		e = ak_save(r, RR_K_TRIP, t, &d);
	if (e == RR_EINVAL || e == RR_ECONFLICT) {
		json_t *orig = NULL;
		if (!d.n)
			rr_diag_add(&d, "%s: dit kan nu niet", acts[a].button);
		/* show the record as stored, not the refused change */
		if (rr_store_get(r->store, RR_K_TRIP, id, &rr_viewer_system, &orig) == RR_OK) {
			e = ak_trip_page(r, o, orig, &d, 422);
			json_decref(orig);
		}
	} else if (!e) {
		snprintf(path, sizeof path, "/beheer/reizen/%s", id);
		rr_resp_redirect(o, path);
	}
	json_decref(t);
	rr_diag_free(&d);
	return e;
}
