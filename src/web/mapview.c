/* mapview.c - the map of destinations and its table; see mapview.h. */
#include "web/mapview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/record.h"
#include "nl/places.h"
#include "report/co2.h"
#include "report/totals.h"
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
			const json_t *la = json_object_get(d, "lat"), *lo = json_object_get(d, "lon");
			char key[200];
			size_t k;
			rr_place cp;
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
			if (n >= max)
				continue;
			place *p = &ps[n];
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
				continue;
			}
			snprintf(p->key, sizeof p->key, "%s", key);
			snprintf(p->cc, sizeof p->cc, "%s", cc);
			if (city)
				snprintf(p->label, sizeof p->label, "%s (%s)", city,
					 pk_country_name(cc));
			else
				snprintf(p->label, sizeof p->label, "%s", pk_country_name(cc));
			if (year > 0)
				snprintf(p->href, sizeof p->href,
					 "/zoeken?organisation=%s&country=%s&year=%d", org ? org : "",
					 cc, year);
			else
				snprintf(p->href, sizeof p->href, "/zoeken?organisation=%s&country=%s",
					 org ? org : "", cc);
			p->trips = 1;
			n++;
		}
	}
	qsort(ps, n, sizeof *ps, by_trips);
	return n;
}

void mapview_destinations(html *h, const json_t *trips, const char *org, int year,
			  const char *id, const char *heading)
{
	static const char *const heads[] = {"Bestemming", "Land", "Reizen"};
	static const int num[] = {0, 0, 1};
	place *ps = calloc(MAX_PLACES, sizeof *ps);
	rr_map_dot *dots = calloc(MAX_PLACES, sizeof *dots);
	char desc[300], cap[120], nb[32];
	size_t n, i;

	html_open_c(h, "h2", "utrecht-heading-2");
	html_attr(h, "id", "kaart");
	html_text(h, heading);
	html_close(h, "h2");
	if (!ps || !dots) {
		layout_paragraph(h, "De kaart kan nu niet worden getoond.");
		goto out;
	}
	n = gather(trips, org, year, ps, MAX_PLACES);
	if (!n) {
		layout_paragraph(h, "Geen uitgaande reis in het register heeft een bekende "
			"bestemming.");
		goto out;
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
out:
	free(ps);
	free(dots);
}
