#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rr_buf_init(rr_buf *b, size_t max)
{
	memset(b, 0, sizeof *b);
	b->max = max ? max : RR_BUF_DEFAULT_MAX;
}

static rr_err grow(rr_buf *b, size_t need)
{
	size_t nc;
	char *nd;

	if (b->err)
		return b->err;
	if (need > b->max || need < b->len) {
		b->err = RR_ETOOBIG;
		return b->err;
	}
	if (need + 1 <= b->cap)
		return RR_OK;
	nc = b->cap ? b->cap : 256;
	while (nc < need + 1)
		nc *= 2;
	if (nc > b->max + 1)
		nc = b->max + 1;
	nd = realloc(b->data, nc);
	if (!nd) {
		b->err = RR_ENOMEM;
		return b->err;
	}
	b->data = nd;
	b->cap = nc;
	return RR_OK;
}

rr_err rr_buf_add(rr_buf *b, const void *p, size_t n)
{
	if (grow(b, b->len + n))
		return b->err;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return RR_OK;
}

rr_err rr_buf_addstr(rr_buf *b, const char *s)
{
	return rr_buf_add(b, s, strlen(s));
}

rr_err rr_buf_addc(rr_buf *b, char c)
{
	return rr_buf_add(b, &c, 1);
}

rr_err rr_buf_vprintf(rr_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	if (b->err)
		return b->err;
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		b->err = RR_EINVAL;
		return b->err;
	}
	if (grow(b, b->len + (size_t)n))
		return b->err;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return RR_OK;
}

rr_err rr_buf_printf(rr_buf *b, const char *fmt, ...)
{
	va_list ap;
	rr_err e;

	va_start(ap, fmt);
	e = rr_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return e;
}

const char *rr_buf_cstr(rr_buf *b)
{
	if (!b->data)
		return "";
	return b->data;
}

void rr_buf_reset(rr_buf *b)
{
	b->len = 0;
	b->err = RR_OK;
	if (b->data)
		b->data[0] = '\0';
}

char *rr_buf_steal(rr_buf *b, size_t *len)
{
	char *d;

	if (b->err) {
		rr_buf_free(b);
		return NULL;
	}
	if (!b->data && grow(b, 0))
		return NULL;
	d = b->data;
	d[b->len] = '\0';
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = b->cap = 0;
	return d;
}

void rr_buf_free(rr_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->err = RR_OK;
}
