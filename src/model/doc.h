/* doc.h - the canonical JSON document of the register:
 *   {"organisations":[...], "people":[...], "trips":[...],
 *    "partnerships":[...], "results":[...], "gifts":[...], "documents":[...]}
 *
 * Reading checks every record (record.h) and collects every problem; writing
 * is deterministic (keys sorted, records sorted by id, two-space indent) so
 * that export -> load -> export gives the same bytes. */
#ifndef RR_DOC_H
#define RR_DOC_H

#include <stdio.h>

#include <jansson.h>

#include "../util/err.h"

#define RR_DOC_MAX_BYTES ((size_t)256 << 20)

/* Reads and parses a JSON file (at most RR_DOC_MAX_BYTES). On success *out
 * is a new reference. Syntax errors are reported with line and column. */
rr_err rr_doc_read_file(const char *path, json_t **out, rr_diag *d);
rr_err rr_doc_parse(const char *data, size_t len, const char *name, json_t **out,
		    rr_diag *d);

/* Validates a whole document: known top-level keys, each record valid, ids
 * unique per kind. On success *out is a new reference to the normalised
 * document (every kind present, records in input order). name labels
 * messages (usually the file name). */
rr_err rr_doc_normalise(const json_t *doc, const char *name, json_t **out, rr_diag *d);

/* An empty document with every kind's array. New reference. */
json_t *rr_doc_new(void);

/* Sorts every kind's records by id, in place. */
void rr_doc_sort(json_t *doc);

/* Canonical text of a document: sorted keys, indent 2, trailing newline.
 * Caller frees the returned string with free(). NULL on out of memory. */
char *rr_doc_dumps(const json_t *doc);
#define RR_JSON_FLAGS (JSON_SORT_KEYS | JSON_INDENT(2) | JSON_REAL_PRECISION(15))

#endif
