/* copy.h - a whole register from one store into another (of either
 * backend), all or nothing: every record, the original files of imported
 * documents, and the accounts with their roles and password hashes.
 * Sessions, failed logins and the audit log are not copied: the target's
 * log starts with the copy's own entries (one "create" per record). */
#ifndef RR_STORE_COPY_H
#define RR_STORE_COPY_H

#include <stddef.h>

#include "load.h"
#include "store.h"

typedef struct rr_copy_stats {
	rr_load_stats records;
	size_t files, users;
} rr_copy_stats;

/* Copies from into to, which must hold no records and no accounts (else
 * RR_ECONFLICT). Before it commits it compares the target's export with
 * the source's, byte for byte. On any problem nothing is written to `to`
 * and d says why. */
rr_err rr_store_copy(rr_store *from, rr_store *to, rr_copy_stats *st, rr_diag *d);

#endif
