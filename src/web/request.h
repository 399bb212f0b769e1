/* request.h - parsing of a request target ("/o/gm0034/2023?x=1") into path
 * segments and query parameters, bounded and allocation-free.
 *
 * The raw target comes straight from the client, so everything here is
 * bounded: at most RR_URL_MAX bytes, RR_SEGS_MAX segments, RR_PARAMS_MAX
 * parameters. Percent-escapes are decoded (and '+' as a space in the query);
 * a decoded NUL, a bad escape, or a '/' inside a decoded path segment makes
 * the target invalid. Decoded strings live in the rr_target itself.
 *
 * Memory: an rr_target owns all its strings; it holds no pointers into the
 * input and needs no freeing. */
#ifndef RR_WEB_REQUEST_H
#define RR_WEB_REQUEST_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"

#define RR_URL_MAX 4096
#define RR_SEGS_MAX 16
#define RR_PARAMS_MAX 32

typedef struct rr_param {
	const char *key;
	const char *val;
} rr_param;

typedef struct rr_target {
	const char *segs[RR_SEGS_MAX]; /* decoded path segments, no empties */
	size_t nsegs;
	rr_param params[RR_PARAMS_MAX]; /* decoded, in order, keys may repeat */
	size_t nparams;
	char store[2 * RR_URL_MAX + 2 * (RR_SEGS_MAX + 2 * RR_PARAMS_MAX)];
	size_t used;
} rr_target;

/* A cursor over "k=v&k2=v2": each call yields the next raw (still encoded)
 * pair; empty pairs ("&&") are skipped; a pair without '=' has an empty
 * value. Returns false at the end. */
typedef struct rr_qcursor {
	const char *p, *end;
} rr_qcursor;

void rr_qcursor_init(rr_qcursor *c, const char *qs, size_t len);
bool rr_qcursor_next(rr_qcursor *c, const char **k, size_t *klen,
		     const char **v, size_t *vlen);

/* Percent-decodes s[0..n) into out (which holds at least n+1 bytes); '+'
 * becomes a space when plus_space. Returns the decoded length, or -1 for a
 * bad escape or a decoded NUL. out is NUL-terminated on success. */
long rr_pct_decode(const char *s, size_t n, char *out, bool plus_space);

/* Parses uri[0..len) (path, optional "?query", optional "#fragment",
 * which is ignored). RR_ETOOBIG: over RR_URL_MAX bytes or too many segments
 * or parameters; RR_EINVAL: not starting with '/', bad escape, NUL, or a
 * segment "." / "..". */
rr_err rr_target_parse(const char *uri, size_t len, rr_target *t);

/* The first value of key, or NULL. An empty value counts as absent. */
const char *rr_target_param(const rr_target *t, const char *key);

#endif
