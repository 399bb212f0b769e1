/* page_home.c - the start page (/): the bodies in the register and the
 * latest trips. */
#include <string.h>

#include "model/record.h"
#include "store/agg.h"
#include "store/public.h"
#include "web/pages.h"

rr_err page_home(rr_req *r, rr_resp *o)
{
	json_t *orgs = NULL, *trips = NULL, *counts = NULL;
	rr_trip_query q = {.limit = 10};
	const json_t *org, *cnt;
	const char *code;
	size_t i;
	long long total = 0;
	html h;
	rr_err e;

	if ((e = rr_store_list(r->store, RR_K_ORGANISATION, NULL, 0, r->viewer, &orgs)) ||
	    (e = rr_store_trips(r->store, &q, r->viewer, &trips, NULL)) ||
	    (e = rr_store_trip_counts(r->store, r->viewer, &counts)))
		goto out;
	/* every trip the viewer may see: the sum of the counts per body, kept
	 * beside the trips (store/agg.h), not a count over them */
	json_object_foreach(counts, code, cnt)
		total += json_integer_value(cnt);
	pk_begin(&h, o, "Reisregister", NULL, 0, "/");
	layout_h1(&h, "Register van buitenlandse reizen");
	html_open_c(&h, "p", "utrecht-paragraph utrecht-paragraph--lead");
	html_textf(&h, "Gemeenten en provincies leggen hier verantwoording af over hun "
		   "internationale werk: %lld openbare reizen en ontvangen delegaties, met "
		   "aanvragen, besluiten, kosten en verslagen.", total);
	html_close(&h, "p");

	html_open_c(&h, "form", "rr-search-form");
	html_attr(&h, "action", "/zoeken");
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

	/* the bodies that publish a register: those with a trip to show, not
	 * their partners (NFIA, Guangdong) nor bodies with an empty register */
	layout_h2(&h, "Overheden in het register");
	if (!json_object_size(counts))
		layout_paragraph(&h, "Er zijn nog geen openbare registers.");
	else
		html_open_c(&h, "ul", "utrecht-unordered-list");
	json_array_foreach(orgs, i, org) {
		json_int_t n = json_integer_value(json_object_get(counts, rr_rec_str(org, "id")));
		if (n <= 0)
			continue;
		html_open_c(&h, "li", "utrecht-unordered-list__item");
		pk_link(&h, "/o/", rr_rec_str(org, "id"), rr_rec_str(org, "name"));
		html_textf(&h, " (%lld %s)", (long long)n, n == 1 ? "reis" : "reizen");
		html_close(&h, "li");
	}
	if (json_object_size(counts))
		html_close(&h, "ul");
	layout_h2(&h, "Laatste reizen");
	pk_trip_list(r, &h, trips, true);
	e = pk_end(&h, o);
out:
	json_decref(orgs);
	json_decref(trips);
	json_decref(counts);
	return e;
}
