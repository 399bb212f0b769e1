/* worldmap.c - a map of destinations as inline SVG; see worldmap.h. */
#include "worldmap.h"

#include <math.h>

#include "chart.h"

double rr_worldmap_x(double lon)
{
	if (lon < -180)
		lon = -180;
	if (lon > 180)
		lon = 180;
	return (lon + 180.0) * rr_worldmap_w / 360.0;
}

double rr_worldmap_y(double lat)
{
	if (lat > rr_worldmap_north)
		lat = rr_worldmap_north;
	if (lat < rr_worldmap_south)
		lat = rr_worldmap_south;
	return (rr_worldmap_north - lat) * rr_worldmap_w / 360.0;
}

double rr_worldmap_radius(long trips)
{
	/* 9 units for one trip (3.5 px at 390 px wide), the area growing with
	 * the number of trips, at most 36 */
	double r = 9.0 + 5.0 * sqrt((double)(trips > 1 ? trips - 1 : 0));
	return r > 36 ? 36 : r;
}

void rr_worldmap(html *h, const rr_map *m)
{
	rr_svg_open(h, "rr-map", "rr-map__svg", "group", rr_worldmap_w, rr_worldmap_h, m->id,
		    m->title, m->desc);
	html_open(h, "path");
	html_attr(h, "class", "rr-map__land");
	html_attr(h, "aria-hidden", "true");
	html_attr(h, "d", rr_worldmap_land);
	html_close(h, "path");
	for (size_t i = 0; i < m->n; i++) {
		const rr_map_dot *d = &m->dots[i];
		html_open(h, "a");
		html_url_attr(h, "href", d->href);
		html_attrf(h, "aria-label", "%s: %ld %s", d->label, d->trips,
			   d->trips == 1 ? "reis" : "reizen");
		html_open(h, "circle");
		html_attr(h, "class", "rr-map__dot");
		html_attrf(h, "cx", "%.1f", rr_worldmap_x(d->lon));
		html_attrf(h, "cy", "%.1f", rr_worldmap_y(d->lat));
		html_attrf(h, "r", "%.1f", rr_worldmap_radius(d->trips));
		html_open(h, "title");
		html_textf(h, "%s: %ld %s", d->label, d->trips, d->trips == 1 ? "reis" : "reizen");
		html_close(h, "title");
		html_close(h, "circle");
		html_close(h, "a");
	}
	html_close(h, "svg");
	html_close(h, "figure");
}
