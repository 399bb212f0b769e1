/* buf.h - a growable byte buffer with a hard cap.
 *
 * Errors are sticky: once an append fails (cap reached or out of memory),
 * every later append is a no-op and rr_buf_err() reports the first failure.
 * Writers can append freely and check once at the end. The buffer owns
 * data; rr_buf_steal() hands ownership to the caller. data is always
 * NUL-terminated when len > 0 or after rr_buf_cstr(). */
#ifndef RR_BUF_H
#define RR_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "err.h"

typedef struct rr_buf {
	char *data;
	size_t len, cap, max;
	rr_err err;
} rr_buf;

#define RR_BUF_DEFAULT_MAX ((size_t)64 << 20)

void rr_buf_init(rr_buf *b, size_t max);
rr_err rr_buf_add(rr_buf *b, const void *p, size_t n);
rr_err rr_buf_addstr(rr_buf *b, const char *s);
rr_err rr_buf_addc(rr_buf *b, char c);
rr_err rr_buf_printf(rr_buf *b, const char *fmt, ...) RR_PRINTF(2, 3);
rr_err rr_buf_vprintf(rr_buf *b, const char *fmt, va_list ap) RR_PRINTF(2, 0);
/* Always a valid C string ("" for an empty buffer); owned by b. */
const char *rr_buf_cstr(rr_buf *b);
static inline rr_err rr_buf_err(const rr_buf *b) { return b->err; }
void rr_buf_reset(rr_buf *b);
/* Caller owns the returned string (free()); b is reset. NULL on error. */
char *rr_buf_steal(rr_buf *b, size_t *len);
void rr_buf_free(rr_buf *b);

#endif
