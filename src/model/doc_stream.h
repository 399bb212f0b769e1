/* doc_stream.h - reading a canonical JSON document (doc.h) one record at a
 * time, so that memory does not grow with the size of the file.
 *
 * The scanner reads the top-level object from a file and finds the bytes of
 * each element of its arrays by counting brackets outside strings; each
 * element is then parsed alone (jansson, duplicate keys refused) and handed
 * to a callback. Syntax errors are reported with the file's line and
 * column. Standard input ("-") is first copied to a temporary file, so that
 * a document can be read more than once. */
#ifndef RR_DOC_STREAM_H
#define RR_DOC_STREAM_H

#include <stdio.h>

#include <jansson.h>

#include "../util/err.h"

/* The largest record (one element of an array) read, in bytes. */
#define RR_DOC_MAX_RECORD ((size_t)16 << 20)

typedef struct rr_doc_stream rr_doc_stream;

/* Opens path ("-": standard input). On failure d says why (RR_EINVAL: not
 * readable). */
rr_err rr_doc_stream_open(const char *path, rr_doc_stream **out, rr_diag *d);
void rr_doc_stream_close(rr_doc_stream *ds);

/* Called at the start of each top-level member with i == RR_DOC_MEMBER,
 * rec NULL and offset where the member's value starts (for
 * rr_doc_stream_member), or -1 when the value is not an array; then, for an
 * array, once for each element with its index i and the parsed element rec
 * (borrowed). A non-zero result stops the scan and is returned. */
#define RR_DOC_MEMBER ((size_t)-1)
typedef rr_err (*rr_doc_stream_fn)(void *ctx, const char *key, size_t i, json_t *rec,
				   long offset);

/* Scans the whole document from the start. Syntax errors: RR_EINVAL with
 * a message naming the file, line and column. */
rr_err rr_doc_stream_scan(rr_doc_stream *ds, rr_doc_stream_fn fn, void *ctx, rr_diag *d);

/* Scans one member again: the array whose value starts at offset (as
 * given to fn by rr_doc_stream_scan), calling fn for each element only. */
rr_err rr_doc_stream_member(rr_doc_stream *ds, const char *key, long offset,
			    rr_doc_stream_fn fn, void *ctx, rr_diag *d);

/* The name the stream reports errors with (the path). */
const char *rr_doc_stream_name(const rr_doc_stream *ds);

#endif
