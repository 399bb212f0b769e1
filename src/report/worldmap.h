/* worldmap.h - a map of destinations as inline SVG, drawn on the server:
 * the land of the world (Natural Earth 1:110m from npm world-atlas,
 * projected and simplified at build time by scripts/worldmap.mjs into
 * build/gen/worldmap_data.c) with a dot per destination, its area growing
 * with the number of trips, each dot a link.
 *
 * The SVG carries a <title> and <desc> (aria-labelledby); the caller shows
 * the same destinations as a table next to it. No JavaScript. Projection:
 * equirectangular, longitude -180..180 onto x 0..rr_worldmap_w, latitude
 * rr_worldmap_north..rr_worldmap_south onto y 0..rr_worldmap_h. */
#ifndef RR_WORLDMAP_H
#define RR_WORLDMAP_H

#include <stddef.h>

#include "../util/html.h"

/* The generated data. */
extern const int rr_worldmap_w, rr_worldmap_h;
extern const double rr_worldmap_north, rr_worldmap_south;
extern const char rr_worldmap_land[];

typedef struct rr_map_dot {
	const char *label; /* "Osaka (Japan)" */
	double lat, lon;
	long trips;        /* >= 1 */
	const char *href;  /* the trips to it */
} rr_map_dot;

typedef struct rr_map {
	const char *id;    /* unique on the page, [a-z0-9-] */
	const char *title; /* short */
	const char *desc;  /* one sentence: what the dots are */
	size_t n;
	const rr_map_dot *dots; /* drawn in this order: largest first */
} rr_map;

double rr_worldmap_x(double lon);
double rr_worldmap_y(double lat);
/* The radius of a dot of n trips, in map units. */
double rr_worldmap_radius(long trips);

/* Writes <figure class="rr-map"><svg>…</svg></figure>. */
void rr_worldmap(html *h, const rr_map *m);

#endif
