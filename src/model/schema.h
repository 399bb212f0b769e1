/* schema.h - the register's record kinds and their fields, declared as data.
 *
 * Each record kind (trip, partnership, ...) is a table of rr_field. The
 * validator (record.h) walks these tables; docs/data-model.md documents the
 * same fields for people. Tables are constant and live for the program. */
#ifndef RR_SCHEMA_H
#define RR_SCHEMA_H

#include <stddef.h>

typedef enum {
	RR_K_ORGANISATION = 0,
	RR_K_PERSON,
	RR_K_PARTNERSHIP,
	RR_K_DOCUMENT,
	RR_K_TRIP,
	RR_K_RESULT,
	RR_K_GIFT,
	RR_K_COUNT
} rr_kind;

typedef enum {
	RR_F_STR,     /* one line of text, trimmed, not empty */
	RR_F_TEXT,    /* free text (Markdown allowed), not empty */
	RR_F_ID,      /* [a-z0-9][a-z0-9._-]*, at most 100 bytes */
	RR_F_REF,     /* the id of a record of kind ref */
	RR_F_DATE,    /* ISO date with precision: YYYY, YYYY-MM, YYYY-MM-DD */
	RR_F_BOOL,
	RR_F_COUNT,   /* whole number >= 0 */
	RR_F_AMOUNT,  /* euros, >= 0, at most two decimals (stored as cents) */
	RR_F_NUMBER,  /* number >= 0 (FTE, shares) */
	RR_F_DEGREES, /* latitude or longitude: -max..max, kept to 5 decimals */
	RR_F_ENUM,    /* one of values */
	RR_F_COUNTRY, /* ISO 3166-1 alpha-2, upper case */
	RR_F_URL,     /* http(s) URL */
	RR_F_OBJ,     /* object with fields sub */
	RR_F_ARR      /* array of elem (objects: fields sub; enums: values) */
} rr_ftype;

enum { RR_REQUIRED = 1 };

typedef struct rr_field {
	const char *name;
	rr_ftype type;
	unsigned flags;
	const char *const *values;     /* RR_F_ENUM, or RR_F_ARR of enums */
	const struct rr_field *sub;    /* RR_F_OBJ, or RR_F_ARR of objects */
	rr_ftype elem;                 /* RR_F_ARR: element type */
	rr_kind ref;                   /* RR_F_REF, or RR_F_ARR of refs */
	size_t max;                    /* byte limit for strings; 0: default */
} rr_field;

typedef struct rr_kind_info {
	const char *plural;    /* key in the canonical document: "trips" */
	const char *singular;  /* "trip" */
	const rr_field *fields;
} rr_kind_info;

const rr_kind_info *rr_kind_get(rr_kind k);
/* Kind whose plural is name; returns -1 when there is none. */
int rr_kind_by_plural(const char *name);
/* The field named name in a field table, or NULL. */
const rr_field *rr_field_find(const rr_field *fields, const char *name);
/* True when value is one of the enum's values. */
int rr_enum_has(const char *const *values, const char *value);

/* Enumerations shared with other modules (NULL-terminated). */
extern const char *const rr_trip_status_values[];
extern const char *const rr_trip_kind_values[];
extern const char *const rr_theme_values[];
extern const char *const rr_partnership_type_values[];
extern const char *const rr_result_type_values[];
extern const char *const rr_direction_values[];
extern const char *const rr_event_kind_values[];
extern const char *const rr_agreement_values[];
extern const char *const rr_cost_kind_values[];
extern const char *const rr_outcome_values[];
extern const char *const rr_org_kind_values[];
extern const char *const rr_doc_kind_values[];
extern const char *const rr_followup_status_values[];
extern const char *const rr_disposition_values[];
extern const char *const rr_rights_kind_values[];
extern const char *const rr_scope_values[];
extern const char *const rr_transport_values[];

/* The Dutch label of value, one of the NULL-terminated values above (the
 * array itself, compared by address): "approved" -> "goedgekeurd". NULL
 * when value is not one of them. Every value of every enumeration has one
 * (tests/unit/test_record.c checks it). Static strings. */
const char *rr_enum_label(const char *const *values, const char *value);

#define RR_STR_MAX 1000
#define RR_TEXT_MAX (1u << 20)

#endif
