/* mapview.c - the map of destinations and its table; see mapview.h. */
#include "web/mapview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/record.h"
#include "nl/places.h"
#include "model/co2.h"
#include "model/totals.h"
#include "report/worldmap.h"
#include "web/pages.h"

#define MAX_PLACES 300

typedef struct place {
	char key[200];   /* country|city */
	char label[200]; /* "Osaka (Japan)" or "Japan" */
	char cc[3];
	char href[200];
	double lat, lon;
	long trips;
	bool capital;    /* placed at its country's capital */
} place;

static int by_trips(const void *a, const void *b)
{
	const place *x = a, *y = b;
	if (x->trips != y->trips)
		return x->trips > y->trips ? -1 : 1;
	return strcmp(x->label, y->label);
}

/* Fills p for destination d (country cc, place name city: its city or
 * else its region, or NULL) under key: where it goes on the map (its own
 * coordinates, the gazetteer's, or its country's capital), its label and
 * link. False when it cannot be placed. */
static bool place_make(place *p, const json_t *d, const char *cc, const char *city,
		       const char *key, const char *org, int year)
{
	const json_t *la = json_object_get(d, "lat"), *lo = json_object_get(d, "lon");
	rr_place cp;

	memset(p, 0, sizeof *p);
	if (json_is_number(la) && json_is_number(lo) && city) {
		p->lat = json_number_value(la);
		p->lon = json_number_value(lo);
	} else if (city && rr_co2_place(d, &p->lat, &p->lon)) {
		/* the gazetteer's coordinates of the city or region */
	} else if (rr_place_country(cc, &cp) && cp.has_coords) {
		p->lat = cp.lat; /* the country's capital */
		p->lon = cp.lon;
		p->capital = true;
	} else {
		return false;
	}
	snprintf(p->key, sizeof p->key, "%s", key);
	snprintf(p->cc, sizeof p->cc, "%s", cc);
	if (city)
		snprintf(p->label, sizeof p->label, "%s (%s)", city, pk_country_name(cc));
	else
		snprintf(p->label, sizeof p->label, "%s", pk_country_name(cc));
	if (year > 0)
		snprintf(p->href, sizeof p->href, "/zoeken?organisation=%s&country=%s&year=%d",
			 org ? org : "", cc, year);
	else
		snprintf(p->href, sizeof p->href, "/zoeken?organisation=%s&country=%s",
			 org ? org : "", cc);
	return true;
}

/* The places of the trips, with the number of trips to each. */
static size_t gather(const json_t *trips, const char *org, int year, place *ps, size_t max)
{
	size_t n = 0, i, j;
	const json_t *t, *d;

	json_array_foreach(trips, i, t) {
		const char *dir = rr_rec_str(t, "direction");
		if (!rr_trip_counts(t) || !dir || strcmp(dir, "out"))
			continue;
		json_array_foreach(json_object_get(t, "destinations"), j, d) {
			const char *cc = rr_rec_str(d, "country"), *city = rr_rec_str(d, "city");
			char key[200];
			size_t k;
			if (!cc)
				continue;
			if (!city)
				city = rr_rec_str(d, "region");
			snprintf(key, sizeof key, "%s|%s", cc, city ? city : "");
			for (k = 0; k < n && strcmp(ps[k].key, key); k++)
				;
			if (k < n) {
				/* once per trip: a place seen in this trip already counts */
				bool seen = false;
				for (size_t s = 0; s < j; s++) {
					const json_t *e = json_array_get(json_object_get(t,
						"destinations"), s);
					const char *c2 = rr_rec_str(e, "city");
					if (!c2)
						c2 = rr_rec_str(e, "region");
					if (!strcmp(rr_rec_str(e, "country") ? rr_rec_str(e,
						"country") : "", cc) && !strcmp(c2 ? c2 : "",
						city ? city : ""))
						seen = true;
				}
				if (!seen)
					ps[k].trips++;
				continue;
			}
			if (n >= max || !place_make(&ps[n], d, cc, city, key, org, year))
				continue;
			ps[n].trips = 1;
			n++;
		}
	}
	qsort(ps, n, sizeof *ps, by_trips);
	return n;
}

/* The heading, the map and the table of the n places in ps. */
static void render(html *h, place *ps, rr_map_dot *dots, size_t n, const char *id,
		   const char *heading)
{
	static const char *const heads[] = {"Bestemming", "Land", "Reizen"};
	static const int num[] = {0, 0, 1};
	char desc[300], cap[120], nb[32];
	size_t i;

	html_open_c(h, "h2", "utrecht-heading-2");
	html_attr(h, "id", "kaart");
	html_text(h, heading);
	html_close(h, "h2");
	if (!ps || !dots) {
		layout_paragraph(h, "De kaart kan nu niet worden getoond.");
		return;
	}
	if (!n) {
		layout_paragraph(h, "Geen uitgaande reis in het register heeft een bekende "
			"bestemming.");
		return;
	}
	for (i = 0; i < n; i++)
		dots[i] = (rr_map_dot){ps[i].label, ps[i].lat, ps[i].lon, ps[i].trips, ps[i].href};
	snprintf(desc, sizeof desc, "Wereldkaart met %zu %s van uitgaande reizen; hoe groter "
		 "de stip, hoe meer reizen. Dezelfde gegevens staan in de tabel onder de kaart.",
		 n, n == 1 ? "bestemming" : "bestemmingen");
	rr_worldmap(h, &(rr_map){id, heading, desc, n, dots});
	snprintf(cap, sizeof cap, "Bestemmingen op de kaart (%zu)", n);
	layout_table_begin(h, cap, heads, num, 3);
	for (i = 0; i < n; i++) {
		const char *bar = strchr(ps[i].key, '|');
		layout_row_begin(h);
		html_open_c(h, "td", "utrecht-table__cell");
		html_open_c(h, "a", "utrecht-link");
		html_url_attr(h, "href", ps[i].href);
		html_text(h, bar && bar[1] ? bar + 1 : pk_country_name(ps[i].cc));
		html_close(h, "a");
		if (ps[i].capital)
			html_text(h, " (op de kaart bij de hoofdstad)");
		html_close(h, "td");
		layout_cell(h, pk_country_name(ps[i].cc), 0);
		pk_int(nb, sizeof nb, ps[i].trips);
		layout_cell(h, nb, 1);
		layout_row_end(h);
	}
	layout_table_end(h);
}

void mapview_destinations(html *h, const json_t *trips, const char *org, int year,
			  const char *id, const char *heading)
{
	place *ps = calloc(MAX_PLACES, sizeof *ps);
	rr_map_dot *dots = calloc(MAX_PLACES, sizeof *dots);
	size_t n = ps && dots ? gather(trips, org, year, ps, MAX_PLACES) : 0;

	render(h, ps, dots, n, id, heading);
	free(ps);
	free(dots);
}

/* The key gather() gives destination d, or false when it has no country. */
static bool place_key(const json_t *d, char *key, size_t n, const char **city)
{
	const char *cc = rr_rec_str(d, "country");

	*city = rr_rec_str(d, "city");
	if (!*city)
		*city = rr_rec_str(d, "region");
	if (!cc)
		return false;
	snprintf(key, n, "%s|%s", cc, *city ? *city : "");
	return true;
}

bool mapview_destinations_counted(html *h, const json_t *places, const char *org, int year,
				  const char *id, const char *heading)
{
	place *ps = calloc(MAX_PLACES, sizeof *ps);
	rr_map_dot *dots = calloc(MAX_PLACES, sizeof *dots);
	json_t *d = NULL;
	const json_t *row;
	size_t n = 0, i, j;
	bool ok = false;

	if (!ps || !dots || json_array_size(places) > 2 * MAX_PLACES)
		goto out;
	json_array_foreach(places, i, row) {
		char key[200];
		const char *city;
		const json_t *f;
		const char *name;

		/* the destination as the trip states it (agg.h gives null for
		 * what it does not) */
		json_decref(d);
		if (!(d = json_object()))
			goto out;
		json_object_foreach((json_t *)row, name, f)
			if (strcmp(name, "trips") && !json_is_null(f) &&
			    json_object_set(d, name, (json_t *)f))
				goto out;
		if (!place_key(d, key, sizeof key, &city))
			continue;
		/* a place written in two ways (coordinates stated or not, city or
		 * region): which one the map uses depends on the order of the
		 * trips; that is gather()'s to decide */
		for (j = 0; j < i; j++) {
			char k2[200];
			const char *c2;
			const json_t *o = json_array_get(places, j);
			if (place_key(o, k2, sizeof k2, &c2) && !strcmp(k2, key))
				goto out;
		}
		if (n == MAX_PLACES)
			goto out; /* which ones are kept depends on the order too */
		if (!place_make(&ps[n], d, rr_rec_str(d, "country"), city, key, org, year))
			continue;
		ps[n++].trips = (long)json_integer_value(json_object_get(row, "trips"));
	}
	qsort(ps, n, sizeof *ps, by_trips);
	render(h, ps, dots, n, id, heading);
	ok = true;
out:
	json_decref(d);
	free(ps);
	free(dots);
	return ok;
}
