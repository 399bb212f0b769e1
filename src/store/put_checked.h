/* put_checked.h - writes that never silently overwrite each other, built on
 * the store API (store.h, auth_store.h) alone, so every backend has them.
 *
 * A record's version is a hash of its canonical JSON (sorted keys, compact)
 * as read from the store. A form carries the version of the record it was
 * read from; the save checks it inside its write transaction and is refused
 * when someone else changed the record meanwhile. A create never replaces a
 * record: it reports RR_EEXISTS when the id is taken, and the caller tries
 * the next id.
 *
 * Both checks read and then write in one transaction: they rely on the
 * backend serialising write transactions that touch the same record
 * (SQLite: BEGIN IMMEDIATE takes the write lock; a backend with concurrent
 * writers needs SERIALIZABLE isolation or a lock taken by rr_store_begin,
 * and reports a failed commit as RR_EUNAVAIL or RR_EEXISTS). */
#ifndef RR_PUT_CHECKED_H
#define RR_PUT_CHECKED_H

#include <jansson.h>

#include "store.h"

#define RR_VERSION_MAX 33 /* 32 hex digits and NUL */

/* The version of rec (a record as read from the store) into out. */
void rr_record_version(const json_t *rec, char out[RR_VERSION_MAX]);

/* The last change of a record, from the audit log: who ("user:NAME",
 * "system", ...) and when (ISO 8601, UTC); empty strings when unknown. */
typedef struct rr_change {
	char actor[128];
	char at[32];
} rr_change;

/* The current version of record id of kind k into now ("" when there is no
 * such record). */
rr_err rr_store_version(rr_store *s, rr_kind k, const char *id, char now[RR_VERSION_MAX]);

/* Inside a transaction: RR_OK when record id of kind k is still at version
 * expected; RR_ECONFLICT when it changed or was deleted since, with its
 * current version in now ("" when deleted) and its last change in who (each
 * only if not NULL). */
rr_err rr_store_check_version(rr_store *s, rr_kind k, const char *id, const char *expected,
			      char now[RR_VERSION_MAX], rr_change *who);

/* Inside a transaction: writes rec (normalised, with an id) as a new record;
 * RR_EEXISTS, with nothing written, when a record of kind k has its id. */
rr_err rr_store_put_new(rr_store *s, rr_kind k, const json_t *rec, rr_diag *d);

#endif
