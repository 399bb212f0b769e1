/* public.h - reads and writes the public site needs beyond whole records:
 * which records cite a document, how many trips each body publishes, and
 * the original file of an imported document. SQLite in sqlite_public.c;
 * another backend implements the same functions.
 *
 * Visibility as everywhere (store.h): only records v may see are cited or
 * counted, so an unpublished trip never makes its document public. */
#ifndef RR_STORE_PUBLIC_H
#define RR_STORE_PUBLIC_H

#include <stddef.h>

#include <jansson.h>

#include "../util/buf.h"
#include "store.h"

/* The records of the body organisation that v may see and that cite the
 * document: a trip's sources[].document or report.document, a result's
 * sources[].document, a partnership's documents[] or events[].document.
 * *out is a new object {"trips":[...], "results":[...], "partnerships":
 * [...]} of whole records, sorted by id. */
rr_err rr_store_citing(rr_store *s, const char *document, const char *organisation,
		       const rr_viewer *v, json_t **out);

/* The number of trips v may see per body: a new object {"gm0034": 12, ...}
 * holding only bodies with at least one. */
rr_err rr_store_trip_counts(rr_store *s, const rr_viewer *v, json_t **out);

/* The original file of a document, kept as it was imported (name: the
 * file's own name, without folders). Must be called inside a transaction;
 * replaces a file kept before. */
rr_err rr_store_file_put(rr_store *s, const char *document, const char *name,
			 const char *media_type, const char *sha256,
			 const unsigned char *data, size_t len);
/* The original file of document: *meta a new object {"name","media_type",
 * "sha256","size"}, and, when data is not NULL, its bytes appended to data.
 * RR_ENOTFOUND when none is kept. Visibility is the caller's: read the
 * document record through rr_store_get first. */
rr_err rr_store_file_get(rr_store *s, const char *document, json_t **meta, rr_buf *data);

#endif
