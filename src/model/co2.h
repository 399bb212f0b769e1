/* co2.h - the CO₂ of a trip: its legs (the body's seat → each destination
 * in turn → the seat), the great-circle distance of each, the mode of
 * transport (stated in the record or estimated), the number of travellers
 * and the emission factor per passenger-kilometre. docs/co2.md gives the
 * factors, their source and year, and the hand calculation of a trip.
 *
 * Mode of a leg: destinations[i].transport is the mode of the leg that
 * arrives there; the trip's transport is the mode of the journey out (the
 * first leg, unless its destination states its own) and home ("Wijze van
 * vervoer: vliegtuig" in a request); the way home without the trip's mode
 * goes as the way out; every other leg without a mode of its own is an
 * estimate: a plane above RR_CO2_ESTIMATE_KM, a train below, shown as an
 * estimate.
 *
 * A destination without coordinates is looked up in the gazetteer by its
 * city (else region); one that names only a country, or a place the
 * gazetteer does not know, counts as the country's capital (the
 * gazetteer's), said on the page.
 *
 * Travellers: the travellers named (else the planned ones) plus the
 * accompanying officials (else the planned number). No names: the number
 * is unknown and so is the total; the figure per traveller is still given.
 * Nothing here allocates; names borrow from the trip and static data. */
#ifndef RR_CO2_H
#define RR_CO2_H

#include <jansson.h>
#include <stdbool.h>

typedef enum {
	RR_MODE_UNKNOWN = 0, RR_MODE_PLANE, RR_MODE_TRAIN, RR_MODE_CAR, RR_MODE_BOAT
} rr_mode;

/* Flights: the distance flown is the great circle plus this many km per
 * flight (EN 16258 / the usual 95 km for take-off, landing and detours). */
#define RR_CO2_FLIGHT_DETOUR_KM 95.0
/* A leg of unstated mode longer than this is estimated a flight. */
#define RR_CO2_ESTIMATE_KM 700.0
/* A flight shorter than this (great circle) is flagged "de trein was
 * mogelijk", unless the body sets its own (organisation.train_threshold_km). */
#define RR_CO2_TRAIN_KM 700
#define RR_CO2_MAX_LEGS 12

/* The emission factors (kg CO₂ per passenger-km) and the train flag's
 * threshold a figure is computed with: the built-in list (co2.c,
 * docs/co2.md) or a body's own (organisation.co2_factors, any factor it
 * leaves out taken from the built-in list; organisation.train_threshold_km).
 * source borrows from the organisation record or static text. */
typedef struct rr_co2_setup {
	double plane_short, plane_mid, plane_long; /* < 700, 700-2500, > 2500 km */
	double train, car, boat;
	long train_km;
	const char *source;
	bool own; /* the body set at least one factor of its own */
} rr_co2_setup;

typedef struct rr_co2_leg {
	const char *from, *to; /* place names */
	double km;             /* great circle */
	double km_counted;     /* with the detour of a flight */
	rr_mode mode;
	bool estimated;        /* mode not stated in the record */
	bool train_possible;   /* a flight shorter than the threshold */
	double factor;         /* kg CO₂ per passenger-km */
	double kg_per_person;
} rr_co2_leg;

typedef struct rr_co2 {
	int nlegs;
	rr_co2_leg legs[RR_CO2_MAX_LEGS];
	int skipped;          /* destinations without coordinates */
	int capital_assumed;  /* destinations of a country only: its capital */
	long travellers;      /* -1: unknown */
	bool officials_known; /* the number of accompanying officials is stated */
	double kg_per_person; /* the whole journey of one traveller */
	double kg;            /* all travellers; -1 when their number is unknown */
	int train_possible;   /* flights shorter than the threshold */
	bool any_estimated;
	rr_co2_setup setup;   /* the factors and threshold used */
} rr_co2;

/* The word of a mode: "vliegtuig", "trein", "auto", "boot" (NULL unknown);
 * the schema's values are "plane", "train", "car", "boat". */
const char *rr_mode_nl(rr_mode m);
rr_mode rr_mode_parse(const char *value);

/* The setup of a body from its record (NULL: the built-in list). */
void rr_co2_setup_of(const json_t *org, rr_co2_setup *out);
/* The setup of a trip's body, looked up in orgs (an object of body records
 * by code; NULL or a body not in it: the built-in list). */
void rr_co2_setup_in(const json_t *orgs, const json_t *trip, rr_co2_setup *out);

/* A new object {code: org} for the functions that look a trip's body up
 * by code (NULL when org is NULL or has no id). */
json_t *rr_co2_orgs_one(const json_t *org);
/* A new object of the records of the array orgs by their code. */
json_t *rr_co2_orgs_by_code(const json_t *orgs);

/* kg CO₂ per passenger-km of a mode over a leg of km (flights by distance
 * band) with setup (NULL: the built-in list). */
double rr_co2_factor(const rr_co2_setup *setup, rr_mode m, double km);

/* The coordinates of a destination without its own: its city (else
 * region) in the gazetteer, in its country. False when not found. */
bool rr_co2_place(const json_t *dest, double *lat, double *lon);

/* The CO₂ of trip (an outgoing trip with at least one destination with
 * coordinates, and a body whose seat is known: a built-in body's seat or
 * the trip's origin), with the factors and threshold of setup (NULL: the
 * built-in list and RR_CO2_TRAIN_KM). Returns false when there is no
 * figure (incoming trip, no coordinates). */
bool rr_co2_trip(const json_t *trip, const rr_co2_setup *setup, rr_co2 *out);

/* The figure as JSON: {"kg", "kg_per_traveller", "travellers",
 * "legs": [{"from","to","km","km_counted","mode","estimated",
 * "train_possible","factor_kg_per_pkm"}], "train_possible",
 * "factors_source", "own_factors", "train_threshold_km"}; "kg" null when
 * the travellers are unknown. */
json_t *rr_co2_json(const rr_co2 *c);

#endif
