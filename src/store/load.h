/* load.h - putting a whole document into the store, all or nothing.
 *
 * Used by `reisregister load`, the importer and the web forms. Every record
 * must already be normalised (model/doc.h). The loader checks what needs
 * the database: references to records that exist neither in the document
 * nor in the store, and trip status changes the lifecycle does not allow.
 * Then it writes every record in one transaction. On any problem nothing is
 * written and d lists every problem.
 *
 * A reference to a built-in Dutch body (nl/bodies.h) that is not yet a
 * record is no problem: its organisation record is added in the same
 * transaction (counted as a created organisation).
 *
 * The checks run inside the transaction that writes, so that no other
 * writer can change what they read in between. When a transaction is
 * already open on s (the caller's), the checks and records run in it and
 * the caller commits or rolls back; otherwise the loader opens and commits
 * its own. */
#ifndef RR_LOAD_H
#define RR_LOAD_H

#include <jansson.h>

#include "store.h"

typedef struct rr_load_stats {
	size_t created[RR_K_COUNT];
	size_t updated[RR_K_COUNT];
	size_t unchanged[RR_K_COUNT];
} rr_load_stats;

rr_err rr_load_document(rr_store *s, const json_t *doc, rr_load_stats *stats, rr_diag *d);

/* RR_LOAD_CREATE_ONLY: every record of the document is new; one whose id
 * is taken (meanwhile) is not replaced: RR_EEXISTS (put_checked.h). */
enum { RR_LOAD_CREATE_ONLY = 1 };
rr_err rr_load_document_flags(rr_store *s, const json_t *doc, unsigned flags,
			      rr_load_stats *stats, rr_diag *d);

/* The same for the documents in the files paths[0..n) ("-": standard
 * input), as `reisregister load` reads them, one record at a time: memory
 * does not grow with the size of the files (only an index of the ids is
 * kept). A first reading normalises every record (model/record.h) and
 * refuses an id given twice (in one file or in two); a second, in the
 * transaction, checks references, status changes and times and writes.
 * On any problem nothing is written and d lists every problem. */
rr_err rr_load_files(rr_store *s, const char *const *paths, size_t n, rr_load_stats *stats,
		     rr_diag *d);

#endif
