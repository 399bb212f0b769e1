/* page_people.c - every public trip of one person (/personen/{id}). */
#include "model/record.h"
#include "web/pages.h"

rr_err page_person(rr_req *r, rr_resp *o)
{
	const char *id = rr_req_cap(r, "id");
	json_t *p = NULL, *trips = NULL;
	rr_trip_query q = {.person = id};
	html h;
	rr_err e;

	if ((e = rr_store_get(r->store, RR_K_PERSON, id, r->viewer, &p)) ||
	    (e = rr_store_trips(r->store, &q, r->viewer, &trips, NULL)))
		goto out;
	const char *name = rr_rec_str(p, "name");
	layout_crumb crumbs[] = {{"Home", "/"}, {name, NULL}};
	pk_begin(&h, o, name, crumbs, 2, NULL);
	layout_h1(&h, name);
	pk_dl_begin(&h);
	pk_item(&h, "Functie", rr_rec_str(p, "role"));
	pk_item(&h, "Portefeuille", rr_rec_str(p, "portfolio"));
	if (rr_rec_str(p, "organisation")) {
		char orgname[300];
		const char *nm = pk_org_name(r, rr_rec_str(p, "organisation"), orgname, sizeof orgname);
		pk_item_begin(&h, "Orgaan");
		pk_link(&h, "/o/", rr_rec_str(p, "organisation"), nm ? nm : "onbekend orgaan");
		pk_item_end(&h);
	}
	pk_dl_end(&h);
	layout_h2(&h, "Reizen");
	pk_trip_list(r, &h, trips, true);
	e = pk_end(&h, o);
out:
	json_decref(p);
	json_decref(trips);
	return e;
}
