/* import.h - taking existing documents (trip reports and requests,
 * registers, letters, evaluations; plain text, HTML or Markdown) into the
 * register. See docs/import.md for what is recognised.
 *
 * An rr_import collects records over one or more files: a document record
 * per file (its whole text), trips, partnerships and agreement results with
 * sources that point at the byte spans each field came from. The same
 * journey in two documents becomes one trip; ids are derived from the
 * organisation, date and destination, so importing a file again gives the
 * same records. Nothing is written here: rr_import_result hands back a
 * normalised document for rr_load_document (store/load.h).
 *
 * Memory: the rr_import owns everything it collects; free with
 * rr_import_free. The store is borrowed and must outlive it. */
#ifndef RR_IMPORT_H
#define RR_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "../store/store.h"
#include "../util/buf.h"
#include "../util/err.h"

typedef struct rr_import rr_import;

/* organisation is the publishing body's code; it must exist in the store
 * (s may be NULL for tests: then nothing is looked up). public_records is
 * the "public" flag every record gets. */
rr_err rr_import_new(rr_store *s, const char *organisation, bool public_records,
		     rr_import **out, rr_diag *d);
void rr_import_free(rr_import *im);

/* The date of the documents added after this call when their own text
 * shows none (ISO, reduced precision allowed: "2016", "2016-11"). It then
 * anchors their year-less and relative dates. RR_EINVAL when iso is not a
 * date. */
rr_err rr_import_set_date(rr_import *im, const char *iso, rr_diag *d);

/* Reads one file's bytes. On a bad file (binary, invalid UTF-8, empty,
 * malformed HTML) returns RR_EINVAL with "NAME: reason" in d and adds
 * nothing. */
rr_err rr_import_add(rr_import *im, const char *name, const unsigned char *data, size_t len,
		     rr_diag *d);

/* Everything created or changed so far, validated with rr_doc_normalise.
 * *out is a new reference. */
rr_err rr_import_result(rr_import *im, json_t **out, rr_diag *d);

/* When out is not NULL, every file added after this call writes into it
 * what its reading found, per sentence: places (and which country), people
 * (office, whose), dates (and whether their year was the document's). For
 * reviewing an import (import --dry-run --explain). out is borrowed. */
void rr_import_set_explain(rr_import *im, rr_buf *out);

/* What was not understood (kept in the documents' text), per file and line. */
const rr_diag *rr_import_notes(const rr_import *im);

#endif
