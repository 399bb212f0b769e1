/* page_country.c - every public trip to one country (/landen/{code}). */
#include <ctype.h>
#include <stdio.h>

#include "model/country.h"
#include "web/pages.h"

rr_err page_country(rr_req *r, rr_resp *o)
{
	const char *raw = rr_req_cap(r, "country");
	char cc[3] = {(char)toupper((unsigned char)raw[0]), (char)toupper((unsigned char)raw[1]), 0};
	rr_trip_query q = {.country = cc};
	json_t *trips = NULL;
	char title[160];
	html h;
	rr_err e;

	if (!rr_country_valid(cc))
		return RR_ENOTFOUND;
	if ((e = rr_store_trips(r->store, &q, r->viewer, &trips, NULL)))
		return e;
	snprintf(title, sizeof title, "Reizen naar %s", pk_country_name(cc));
	layout_crumb crumbs[] = {{"Home", "/"}, {pk_country_name(cc), NULL}};
	pk_begin(&h, o, title, crumbs, 2, NULL);
	layout_h1(&h, title);
	pk_trip_list(r, &h, trips, true);
	e = pk_end(&h, o);
	json_decref(trips);
	return e;
}
