/* store.h - where the register is kept. All SQL lives under src/store/.
 *
 * Two backends: SQLite (one file, WAL, foreign keys on, versioned
 * migrations applied on open) and PostgreSQL (pg*.c); store.c forwards
 * every call to the one the database name picks (store_int.h). Records are passed in and out as normalised
 * canonical JSON objects (model/record.h); the store keeps each record's
 * document and derives the columns and child rows it is queried by, in the
 * same transaction. A store handle is one connection: use it from one
 * thread at a time; open one per thread.
 *
 * Visibility is decided here and only here: every read takes an rr_viewer,
 * and a viewer that is not allowed to see a body's unpublished records gets
 * only records with "public": true. */
#ifndef RR_STORE_H
#define RR_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "../model/schema.h"
#include "../util/err.h"

typedef struct rr_store rr_store;

enum {
	RR_STORE_CREATE = 1,   /* create the file if missing (init) */
	RR_STORE_READONLY = 2  /* no writes, no migrations */
};

typedef struct rr_viewer {
	bool all;                 /* sees every record (CLI, the system itself) */
	const char *const *orgs;  /* also sees unpublished records of these bodies */
	size_t norgs;
} rr_viewer;

extern const rr_viewer rr_viewer_anonymous;
extern const rr_viewer rr_viewer_system;

/* Opens (and, unless read-only, migrates) the database at path: a SQLite
 * file (PATH or sqlite:PATH) or a PostgreSQL URL (postgresql://...). On
 * failure d says why. Caller closes with rr_store_close. */
rr_err rr_store_open(const char *path, unsigned flags, rr_store **out, rr_diag *d);
void rr_store_close(rr_store *s);
int rr_store_schema_version(rr_store *s);
/* The newest schema version this program knows. */
int rr_store_latest_version(void);

/* Transactions. Every write must be inside one; rollback undoes them all. */
rr_err rr_store_begin(rr_store *s);
rr_err rr_store_commit(rr_store *s);
void rr_store_rollback(rr_store *s);

typedef enum { RR_PUT_CREATED, RR_PUT_UPDATED, RR_PUT_UNCHANGED } rr_put_result;

/* Inserts or replaces the record with rec's id. rec must be normalised. A
 * record equal to the stored one is not written (nor logged). *res, if
 * given, says which happened. */
rr_err rr_store_put(rr_store *s, rr_kind k, const json_t *rec, rr_put_result *res,
		    rr_diag *d);
rr_err rr_store_delete(rr_store *s, rr_kind k, const char *id);

/* The record with id if v may see it: *out is a new reference, else
 * RR_ENOTFOUND. */
rr_err rr_store_get(rr_store *s, rr_kind k, const char *id, const rr_viewer *v,
		    json_t **out);
/* True when a record with id exists, visible or not (for reference checks). */
rr_err rr_store_exists(rr_store *s, rr_kind k, const char *id, bool *yes);

/* Every record of kind k that v may see, optionally of one body (NULL: all)
 * and one year (0: all), sorted by id. *out is a new array. */
rr_err rr_store_list(rr_store *s, rr_kind k, const char *organisation, int year,
		     const rr_viewer *v, json_t **out);

typedef struct rr_trip_query {
	const char *organisation; /* body code */
	int year;                 /* year of start; 0: any */
	const char *country;      /* destination country code */
	const char *person;       /* person id or traveller name */
	const char *kind;
	const char *direction;    /* "out" or "in" */
	const char *partnership;
	bool third_party_paid;    /* only trips with a cost paid by another party */
	size_t limit;             /* 0: no limit */
	size_t offset;
} rr_trip_query;

/* Trips matching q that v may see, newest first. *out is a new array;
 * *total (if given) counts all matches, ignoring limit and offset. */
rr_err rr_store_trips(rr_store *s, const rr_trip_query *q, const rr_viewer *v,
		      json_t **out, size_t *total);

/* Calls fn with each record rr_store_list would list, in the same order,
 * one at a time (a borrowed reference, valid during the call): memory does
 * not grow with the number of records. A non-zero result of fn stops and
 * is returned. */
typedef rr_err (*rr_each_fn)(void *ctx, const json_t *rec);
rr_err rr_store_each(rr_store *s, rr_kind k, const char *organisation, int year,
		     const rr_viewer *v, rr_each_fn fn, void *ctx);

/* The whole register (or one body's, or one year's) as a canonical
 * document, records sorted by id. *out is a new reference. */
rr_err rr_store_export(rr_store *s, const char *organisation, int year,
		       const rr_viewer *v, json_t **out);

/* A counter that grows with every committed write, for caches. */
rr_err rr_store_generation(rr_store *s, long long *gen);

/* db as messages and logs may show it: a URL's password replaced by ***.
 * Returns out (n bytes). */
const char *rr_store_shown(const char *db, char *out, size_t n);

/* The backend's own error text for the last failure (borrowed). */
const char *rr_store_errmsg(rr_store *s);

#endif
