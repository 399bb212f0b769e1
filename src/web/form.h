/* form.h - parsing of application/x-www-form-urlencoded request bodies.
 *
 * Bounded like the target parser (request.h), which it reuses: at most
 * RR_FORM_MAX bytes of body and RR_FORM_PARAMS_MAX pairs; keys may repeat
 * (several destinations, travellers). '+' is a space; a bad escape, a
 * decoded NUL or text that is not valid UTF-8 makes the body invalid, so a
 * handler only ever sees clean UTF-8 strings.
 *
 * Memory: an rr_form owns every string it returns (about 70 KiB: allocate
 * it, do not put it on a worker's stack); it needs no freeing. */
#ifndef RR_WEB_FORM_H
#define RR_WEB_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"
#include "web/request.h"

#define RR_FORM_MAX 65536
#define RR_FORM_PARAMS_MAX 256

typedef struct rr_form {
	rr_param params[RR_FORM_PARAMS_MAX]; /* decoded, in order */
	size_t nparams;
	char store[RR_FORM_MAX + 2 * RR_FORM_PARAMS_MAX + 2];
	size_t used;
} rr_form;

/* Parses body[0..len). RR_ETOOBIG: over RR_FORM_MAX bytes or too many
 * pairs; RR_EINVAL: bad escape, NUL, invalid UTF-8, or an empty key. On an
 * error f holds no pairs. */
rr_err rr_form_parse(const char *body, size_t len, rr_form *f);

/* The first value of key ("" when sent empty), or NULL when absent. */
const char *rr_form_get(const rr_form *f, const char *key);
/* Iterates the values of a repeated key: start with *i = 0; returns NULL at
 * the end. */
const char *rr_form_next(const rr_form *f, const char *key, size_t *i);

/* True when s[0..n) is valid UTF-8 (no overlongs, no surrogates). */
bool rr_utf8_valid(const char *s, size_t n);

#endif
