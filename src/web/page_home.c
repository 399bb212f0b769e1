/* page_home.c - the start page (/): the bodies in the register and the
 * latest trips. */
#include <string.h>

#include "model/record.h"
#include "web/pages.h"

/* A body publishes a register when the viewer can see at least one of its
 * trips, partnerships or gifts: foreign partners and companies are
 * organisations too but have no register of their own, and a Dutch body
 * that joined the register only through an unpublished record is not
 * shown (not even its name) to someone who may not see that record. */
static bool publishes(rr_req *r, const json_t *org)
{
	const char *k = rr_rec_str(org, "kind"), *id = rr_rec_str(org, "id");
	rr_trip_query q = {.organisation = id, .limit = 1};
	json_t *list = NULL;
	size_t total = 0;
	bool yes = false;

	if (!k || (strcmp(k, "municipality") && strcmp(k, "province") && strcmp(k, "water_board") &&
		   strcmp(k, "national")))
		return false;
	if (!rr_store_trips(r->store, &q, r->viewer, &list, &total) && total)
		yes = true;
	json_decref(list);
	list = NULL;
	for (int kind = RR_K_PARTNERSHIP; !yes && kind <= RR_K_GIFT; kind++) {
		if (kind != RR_K_PARTNERSHIP && kind != RR_K_GIFT)
			continue;
		if (!rr_store_list(r->store, (rr_kind)kind, id, 0, r->viewer, &list))
			yes = json_array_size(list) > 0;
		json_decref(list);
		list = NULL;
	}
	return yes;
}

rr_err page_home(rr_req *r, rr_resp *o)
{
	json_t *orgs = NULL, *trips = NULL;
	rr_trip_query q = {.limit = 10};
	const json_t *org;
	size_t i, total = 0;
	html h;
	rr_err e;

	if ((e = rr_store_list(r->store, RR_K_ORGANISATION, NULL, 0, r->viewer, &orgs)) ||
	    (e = rr_store_trips(r->store, &q, r->viewer, &trips, &total)))
		goto out;
	pk_begin(&h, o, "Reisregister", NULL, 0, "/");
	layout_h1(&h, "Register van buitenlandse reizen");
	html_open_c(&h, "p", "utrecht-paragraph utrecht-paragraph--lead");
	html_textf(&h, "Gemeenten en provincies leggen hier verantwoording af over hun "
		   "internationale werk: %zu openbare reizen en ontvangen delegaties, met "
		   "aanvragen, besluiten, kosten en verslagen.", total);
	html_close(&h, "p");

	html_open_c(&h, "form", "rr-search-form");
	html_attr(&h, "action", "/search");
	html_attr(&h, "method", "get");
	html_attr(&h, "role", "search");
	html_open_c(&h, "label", "utrecht-form-label");
	html_attr(&h, "for", "q");
	html_raw_trusted(&h, "Zoek in reizen, verslagen en bronnen");
	html_close(&h, "label");
	html_raw_trusted(&h, " ");
	html_open_c(&h, "input", "utrecht-textbox utrecht-textbox--html-input");
	html_attr(&h, "type", "search");
	html_attr(&h, "id", "q");
	html_attr(&h, "name", "q");
	html_raw_trusted(&h, " ");
	html_open_c(&h, "button", "utrecht-button utrecht-button--primary-action");
	html_attr(&h, "type", "submit");
	html_raw_trusted(&h, "Zoeken");
	html_close(&h, "button");
	html_close(&h, "form");

	layout_h2(&h, "Overheden in het register");
	html_open_c(&h, "ul", "utrecht-unordered-list");
	json_array_foreach(orgs, i, org) {
		if (!publishes(r, org))
			continue;
		html_open_c(&h, "li", "utrecht-unordered-list__item");
		pk_link(&h, "/o/", rr_rec_str(org, "id"), rr_rec_str(org, "name"));
		html_close(&h, "li");
	}
	html_close(&h, "ul");
	layout_h2(&h, "Laatste reizen");
	pk_trip_list(&h, trips, true);
	e = pk_end(&h, o);
out:
	json_decref(orgs);
	json_decref(trips);
	return e;
}
