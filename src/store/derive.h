/* derive.h - what a record's row holds besides its document: the columns
 * it is queried by, a trip's child rows and its search text. Backend-
 * neutral: a backend turns these into its own statements (pg_put.c). The
 * SQLite backend (sqlite_put.c, sqlite_fts_sql.h) derives the same values
 * in its own statements; tests/cli/pg.sh checks both give the same
 * answers. */
#ifndef RR_STORE_DERIVE_H
#define RR_STORE_DERIVE_H

#include <stddef.h>

#include <jansson.h>

#include "../model/schema.h"
#include "../util/buf.h"

#define RR_DERIVE_MAX_COLS 12

typedef struct rr_col {
	const char *name; /* a constant identifier, never input */
	int is_int;       /* the value is i, else s */
	int null;         /* SQL NULL */
	long long i;
	const char *s;    /* borrowed from the record */
} rr_col;

/* The table of kind k (a constant identifier, never input). */
const char *rr_derive_table(rr_kind k);

/* The columns of k's row from record r, besides id, doc and updated_at.
 * Returns how many it wrote to out. */
size_t rr_derive_columns(rr_kind k, const json_t *r, rr_col out[RR_DERIVE_MAX_COLS]);

/* The lists of a trip kept as child rows: table(trip, seq, cols...), or
 * table(trip, cols...) when seq is 0 (a set: duplicates dropped). */
typedef struct rr_child_table {
	const char *table, *list;
	int seq;
	const char *cols[4];   /* column names; NULL ends */
	const char *fields[4]; /* the element's field, NULL: the element itself */
	int cents[4];          /* the field is an amount: euro cents */
} rr_child_table;

extern const rr_child_table rr_trip_children[];
extern const size_t rr_trip_children_count;

/* The columns (cols of c) of one element of c's list. Returns how many. */
size_t rr_derive_child(const rr_child_table *c, const json_t *el, rr_col out[4]);

/* A trip's four search columns (search.h: title, purpose, report,
 * sources), each the texts joined by newlines, appended to out[0..3]. */
void rr_derive_search_text(const json_t *trip, rr_buf out[4]);

#endif
