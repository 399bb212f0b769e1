/* co2.c - the CO₂ of a trip; see co2.h and docs/co2.md. */
#include "co2.h"

#include <string.h>

#include "../model/record.h"
#include "../nl/bodies.h"
#include "../nl/places.h"

/* kg CO₂ (well-to-wheel) per passenger-kilometre, CO2emissiefactoren.nl
 * (Stichting Klimaatvriendelijk Aanbesteden & Ondernemen); docs/co2.md
 * names the list and year. */
#define F_PLANE_SHORT 0.297 /* vliegtuig, < 700 km */
#define F_PLANE_MID 0.200   /* vliegtuig, 700-2500 km */
#define F_PLANE_LONG 0.147  /* vliegtuig, > 2500 km */
#define F_TRAIN 0.006       /* trein, gemiddeld */
#define F_CAR 0.195         /* personenauto, brandstof onbekend, per voertuig-km */
#define F_BOAT 0.116        /* veerboot, passagier */

const char *rr_mode_nl(rr_mode m)
{
	switch (m) {
	case RR_MODE_PLANE: return "vliegtuig";
	case RR_MODE_TRAIN: return "trein";
	case RR_MODE_CAR: return "auto";
	case RR_MODE_BOAT: return "boot";
	default: return NULL;
	}
}

rr_mode rr_mode_parse(const char *v)
{
	if (!v)
		return RR_MODE_UNKNOWN;
	if (!strcmp(v, "plane"))
		return RR_MODE_PLANE;
	if (!strcmp(v, "train"))
		return RR_MODE_TRAIN;
	if (!strcmp(v, "car"))
		return RR_MODE_CAR;
	if (!strcmp(v, "boat"))
		return RR_MODE_BOAT;
	return RR_MODE_UNKNOWN;
}

static const char *mode_value(rr_mode m)
{
	static const char *const v[] = {NULL, "plane", "train", "car", "boat"};
	return m >= RR_MODE_PLANE && m <= RR_MODE_BOAT ? v[m] : NULL;
}

#define BUILTIN_SOURCE "CO2emissiefactoren.nl, lijst 2024 (ingebouwd)"

static double own_factor(const json_t *f, const char *key, double dflt, bool *own)
{
	const json_t *v = json_object_get(f, key);
	if (!json_is_number(v))
		return dflt;
	*own = true;
	return json_number_value(v);
}

void rr_co2_setup_of(const json_t *org, rr_co2_setup *o)
{
	const json_t *f = json_object_get(org, "co2_factors");
	long km = (long)rr_rec_count(org, "train_threshold_km", 0);

	memset(o, 0, sizeof *o);
	o->plane_short = own_factor(f, "plane_short", F_PLANE_SHORT, &o->own);
	o->plane_mid = own_factor(f, "plane_mid", F_PLANE_MID, &o->own);
	o->plane_long = own_factor(f, "plane_long", F_PLANE_LONG, &o->own);
	o->train = own_factor(f, "train", F_TRAIN, &o->own);
	o->car = own_factor(f, "car", F_CAR, &o->own);
	o->boat = own_factor(f, "boat", F_BOAT, &o->own);
	o->train_km = km > 0 ? km : RR_CO2_TRAIN_KM;
	if (!o->own)
		o->source = BUILTIN_SOURCE;
	else if (rr_rec_str(f, "source"))
		o->source = rr_rec_str(f, "source");
	else
		o->source = "eigen factoren van het bestuursorgaan (bron niet opgegeven)";
}

void rr_co2_setup_in(const json_t *orgs, const json_t *trip, rr_co2_setup *o)
{
	const char *code = rr_rec_str(trip, "organisation");
	rr_co2_setup_of(orgs && code ? json_object_get(orgs, code) : NULL, o);
}

json_t *rr_co2_orgs_one(const json_t *org)
{
	const char *code = rr_rec_str(org, "id");
	json_t *o;
	if (!code || !(o = json_object()))
		return NULL;
	json_object_set(o, code, (json_t *)org);
	return o;
}

json_t *rr_co2_orgs_by_code(const json_t *orgs)
{
	json_t *o = json_object();
	const json_t *x;
	size_t i;
	if (!o)
		return NULL;
	json_array_foreach(orgs, i, x)
		if (rr_rec_str(x, "id"))
			json_object_set(o, rr_rec_str(x, "id"), (json_t *)x);
	return o;
}

double rr_co2_factor(const rr_co2_setup *st, rr_mode m, double km)
{
	rr_co2_setup dflt;
	if (!st) {
		rr_co2_setup_of(NULL, &dflt);
		st = &dflt;
	}
	switch (m) {
	case RR_MODE_PLANE:
		return km < 700 ? st->plane_short : km <= 2500 ? st->plane_mid : st->plane_long;
	case RR_MODE_TRAIN: return st->train;
	case RR_MODE_CAR: return st->car;
	case RR_MODE_BOAT: return st->boat;
	default: return 0;
	}
}

static const char *dest_name(const json_t *d)
{
	const char *s = rr_rec_str(d, "city");
	if (!s)
		s = rr_rec_str(d, "region");
	if (!s) {
		const char *cc = rr_rec_str(d, "country");
		s = cc ? rr_country_name_nl(cc) : NULL;
		if (!s)
			s = cc;
	}
	return s ? s : "onbekend";
}

static bool coords(const json_t *d, double *lat, double *lon)
{
	const json_t *a = json_object_get(d, "lat"), *o = json_object_get(d, "lon");
	if (!json_is_number(a) || !json_is_number(o))
		return false;
	*lat = json_number_value(a);
	*lon = json_number_value(o);
	return true;
}

bool rr_co2_place(const json_t *d, double *lat, double *lon)
{
	const char *cc = rr_rec_str(d, "country"), *name = rr_rec_str(d, "city");
	rr_place p;
	if (!name)
		name = rr_rec_str(d, "region");
	if (!name || !rr_place_best(name, strlen(name), cc, &p) || !p.has_coords ||
	    (cc && strcmp(p.country, cc)))
		return false;
	*lat = p.lat;
	*lon = p.lon;
	return true;
}

static void add_leg(rr_co2 *c, const char *from, double lat1, double lon1, const char *to,
		    double lat2, double lon2, rr_mode stated)
{
	rr_co2_leg *l;
	if (c->nlegs >= RR_CO2_MAX_LEGS)
		return;
	l = &c->legs[c->nlegs++];
	memset(l, 0, sizeof *l);
	l->from = from;
	l->to = to;
	l->km = rr_place_distance_km(lat1, lon1, lat2, lon2);
	l->mode = stated;
	if (!l->mode) {
		l->mode = l->km > RR_CO2_ESTIMATE_KM ? RR_MODE_PLANE : RR_MODE_TRAIN;
		l->estimated = true;
		c->any_estimated = true;
	}
	l->km_counted = l->km + (l->mode == RR_MODE_PLANE ? RR_CO2_FLIGHT_DETOUR_KM : 0);
	l->train_possible = l->mode == RR_MODE_PLANE && !l->estimated && l->km < (double)c->setup.train_km;
	c->train_possible += l->train_possible;
	l->factor = rr_co2_factor(&c->setup, l->mode, l->km);
	l->kg_per_person = l->km_counted * l->factor;
	c->kg_per_person += l->kg_per_person;
}

static long travellers(const json_t *t, bool *officials_known)
{
	const json_t *names = json_object_get(t, "travellers");
	const char *ok = "accompanying_officials";
	long n;
	if (!json_array_size(names))
		names = json_object_get(t, "planned_travellers");
	if (!json_array_size(names))
		return -1;
	n = (long)json_array_size(names);
	if (!json_object_get(t, ok)) /* the number asked for, when none reported */
		ok = "planned_accompanying_officials";
	*officials_known = json_object_get(t, ok) != NULL;
	return n + (long)rr_rec_count(t, ok, 0);
}

bool rr_co2_trip(const json_t *t, const rr_co2_setup *setup, rr_co2 *c)
{
	const json_t *dests = json_object_get(t, "destinations"), *d, *origin;
	const char *dir = rr_rec_str(t, "direction"), *home;
	const rr_body *b;
	double hlat, hlon, plat, plon;
	const char *prev;
	rr_mode trip_mode = rr_mode_parse(rr_rec_str(t, "transport")), first = RR_MODE_UNKNOWN;
	size_t i;

	memset(c, 0, sizeof *c);
	c->travellers = -1;
	c->kg = -1;
	if (setup)
		c->setup = *setup;
	else
		rr_co2_setup_of(NULL, &c->setup);
	if (!dir || strcmp(dir, "out") || !json_array_size(dests))
		return false;
	origin = json_object_get(t, "origin");
	if (origin && coords(origin, &hlat, &hlon)) {
		home = dest_name(origin);
	} else {
		b = rr_body_get(rr_rec_str(t, "organisation") ? rr_rec_str(t, "organisation") : "");
		if (!b || !b->has_coords || !b->seat)
			return false;
		hlat = b->lat;
		hlon = b->lon;
		home = b->seat;
	}
	prev = home;
	plat = hlat;
	plon = hlon;
	json_array_foreach(dests, i, d) {
		double lat, lon;
		rr_mode m = rr_mode_parse(rr_rec_str(d, "transport"));
		if (!coords(d, &lat, &lon) && !rr_co2_place(d, &lat, &lon)) {
			rr_place cp;
			const char *cc = rr_rec_str(d, "country");
			if (!cc || !rr_place_country(cc, &cp) || !cp.has_coords) {
				c->skipped++;
				continue;
			}
			lat = cp.lat; /* the country's capital */
			lon = cp.lon;
			c->capital_assumed++;
		} else if (!rr_rec_str(d, "city") && !rr_rec_str(d, "region") &&
			 json_object_get(d, "lat"))
			c->capital_assumed++; /* a country's coordinates: its capital's */
		if (!m && !c->nlegs)
			m = trip_mode; /* the trip's mode: the journey out and home */
		if (!c->nlegs)
			first = m;
		add_leg(c, prev, plat, plon, dest_name(d), lat, lon, m);
		prev = dest_name(d);
		plat = lat;
		plon = lon;
	}
	if (!c->nlegs)
		return false;
	add_leg(c, prev, plat, plon, home, hlat, hlon, trip_mode ? trip_mode : first);
	c->travellers = travellers(t, &c->officials_known);
	if (c->travellers > 0)
		c->kg = c->kg_per_person * (double)c->travellers;
	return true;
}

json_t *rr_co2_json(const rr_co2 *c)
{
	json_t *legs = json_array();
	for (int i = 0; i < c->nlegs; i++) {
		const rr_co2_leg *l = &c->legs[i];
		json_array_append_new(legs, json_pack("{s:s, s:s, s:I, s:I, s:s, s:b, s:b, s:f}",
			"from", l->from, "to", l->to, "km", (json_int_t)(l->km + 0.5),
			"km_counted", (json_int_t)(l->km_counted + 0.5), "mode", mode_value(l->mode),
			"estimated", l->estimated, "train_possible", l->train_possible,
			"factor_kg_per_pkm", l->factor));
	}
	return json_pack("{s:o, s:I, s:o, s:b, s:o, s:i, s:i, s:i, s:s, s:b, s:I}",
		"kg", c->kg >= 0 ? json_integer((json_int_t)(c->kg + 0.5)) : json_null(),
		"kg_per_traveller", (json_int_t)(c->kg_per_person + 0.5),
		"travellers", c->travellers >= 0 ? json_integer(c->travellers) : json_null(),
		"officials_known", c->officials_known, "legs", legs,
		"train_possible", c->train_possible, "skipped_destinations", c->skipped,
		"capital_assumed", c->capital_assumed, "factors_source", c->setup.source,
		"own_factors", c->setup.own, "train_threshold_km", (json_int_t)c->setup.train_km);
}
