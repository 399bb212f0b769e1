/* request.c - bounded parsing of request targets (see request.h). */
#include "web/request.h"

#include <string.h>

void rr_qcursor_init(rr_qcursor *c, const char *qs, size_t len)
{
	c->p = qs;
	c->end = qs ? qs + len : qs;
}

bool rr_qcursor_next(rr_qcursor *c, const char **k, size_t *klen,
		     const char **v, size_t *vlen)
{
	while (c->p && c->p < c->end) {
		const char *start = c->p, *amp, *eq;

		amp = memchr(start, '&', (size_t)(c->end - start));
		if (!amp)
			amp = c->end;
		c->p = amp < c->end ? amp + 1 : c->end;
		if (amp == start)
			continue; /* "&&" */
		eq = memchr(start, '=', (size_t)(amp - start));
		*k = start;
		if (eq) {
			*klen = (size_t)(eq - start);
			*v = eq + 1;
			*vlen = (size_t)(amp - eq - 1);
		} else {
			*klen = (size_t)(amp - start);
			*v = amp;
			*vlen = 0;
		}
		return true;
	}
	return false;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

long rr_pct_decode(const char *s, size_t n, char *out, bool plus_space)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (c == '%') {
			int hi, lo;

			if (i + 2 >= n)
				return -1;
			hi = hexval(s[i + 1]);
			lo = hexval(s[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			c = (char)(hi * 16 + lo);
			i += 2;
		} else if (c == '+' && plus_space) {
			c = ' ';
		}
		if (c == '\0')
			return -1;
		out[o++] = c;
	}
	out[o] = '\0';
	return (long)o;
}

/* Decodes s[0..n) into t->store; NULL when it does not fit or is bad. */
static const char *keep(rr_target *t, const char *s, size_t n, bool plus_space,
			rr_err *e)
{
	char *dst = t->store + t->used;
	long len;

	if (n + 1 > sizeof t->store - t->used) {
		*e = RR_ETOOBIG;
		return NULL;
	}
	len = rr_pct_decode(s, n, dst, plus_space);
	if (len < 0) {
		*e = RR_EINVAL;
		return NULL;
	}
	t->used += (size_t)len + 1;
	return dst;
}

static rr_err parse_path(rr_target *t, const char *p, size_t n)
{
	size_t i = 0;
	rr_err e = RR_OK;

	while (i < n) {
		size_t j;
		const char *seg;

		while (i < n && p[i] == '/')
			i++;
		if (i >= n)
			break;
		for (j = i; j < n && p[j] != '/'; j++)
			;
		if (t->nsegs >= RR_SEGS_MAX)
			return RR_ETOOBIG;
		if (!(seg = keep(t, p + i, j - i, false, &e)))
			return e;
		if (strchr(seg, '/') || !strcmp(seg, ".") || !strcmp(seg, ".."))
			return RR_EINVAL;
		t->segs[t->nsegs++] = seg;
		i = j;
	}
	return RR_OK;
}

static rr_err parse_query(rr_target *t, const char *q, size_t n)
{
	rr_qcursor c;
	const char *k, *v;
	size_t kl, vl;
	rr_err e = RR_OK;

	rr_qcursor_init(&c, q, n);
	while (rr_qcursor_next(&c, &k, &kl, &v, &vl)) {
		rr_param *p;

		if (t->nparams >= RR_PARAMS_MAX)
			return RR_ETOOBIG;
		p = &t->params[t->nparams];
		if (!(p->key = keep(t, k, kl, true, &e)) ||
		    !(p->val = keep(t, v, vl, true, &e)))
			return e;
		t->nparams++;
	}
	return RR_OK;
}

rr_err rr_target_parse(const char *uri, size_t len, rr_target *t)
{
	const char *q, *hash;
	size_t plen;
	rr_err e;

	t->nsegs = t->nparams = t->used = 0;
	if (len > RR_URL_MAX)
		return RR_ETOOBIG;
	if (!uri || len == 0 || uri[0] != '/')
		return RR_EINVAL;
	hash = memchr(uri, '#', len);
	if (hash)
		len = (size_t)(hash - uri);
	q = memchr(uri, '?', len);
	plen = q ? (size_t)(q - uri) : len;
	if ((e = parse_path(t, uri, plen)))
		return e;
	if (q && (e = parse_query(t, q + 1, len - plen - 1)))
		return e;
	return RR_OK;
}

const char *rr_target_param(const rr_target *t, const char *key)
{
	for (size_t i = 0; i < t->nparams; i++)
		if (!strcmp(t->params[i].key, key))
			return t->params[i].val[0] ? t->params[i].val : NULL;
	return NULL;
}
