/* form.c - urlencoded form bodies (form.h). */
#include "web/form.h"

#include <string.h>

bool rr_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned c = p[i], need, cp;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			need = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			need = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			need = 3;
			cp = c & 0x07;
		} else {
			return false;
		}
		if (n - i <= need)
			return false;
		for (unsigned k = 1; k <= need; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		if ((need == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
		    (need == 3 && (cp < 0x10000 || cp > 0x10ffff)))
			return false;
		i += need + 1;
	}
	return true;
}

/* Decodes s[0..n) into f->store; NULL when it does not fit or is bad. */
static const char *keep(rr_form *f, const char *s, size_t n, rr_err *e)
{
	char *dst = f->store + f->used;
	long len;

	if (n + 1 > sizeof f->store - f->used) {
		*e = RR_ETOOBIG;
		return NULL;
	}
	len = rr_pct_decode(s, n, dst, true);
	if (len < 0 || !rr_utf8_valid(dst, (size_t)len)) {
		*e = RR_EINVAL;
		return NULL;
	}
	f->used += (size_t)len + 1;
	return dst;
}

rr_err rr_form_parse(const char *body, size_t len, rr_form *f)
{
	rr_qcursor c;
	const char *k, *v;
	size_t kl, vl;
	rr_err e = RR_OK;

	f->nparams = f->used = 0;
	if (len > RR_FORM_MAX)
		return RR_ETOOBIG;
	rr_qcursor_init(&c, body, len);
	while (rr_qcursor_next(&c, &k, &kl, &v, &vl)) {
		rr_param *p;

		if (f->nparams >= RR_FORM_PARAMS_MAX) {
			e = RR_ETOOBIG;
			goto out;
		}
		if (kl == 0) {
			e = RR_EINVAL;
			goto out;
		}
		p = &f->params[f->nparams];
		if (!(p->key = keep(f, k, kl, &e)) || !(p->val = keep(f, v, vl, &e)))
			goto out;
		f->nparams++;
	}
out:
	if (e)
		f->nparams = f->used = 0;
	return e;
}

const char *rr_form_get(const rr_form *f, const char *key)
{
	size_t i = 0;
	return rr_form_next(f, key, &i);
}

const char *rr_form_next(const rr_form *f, const char *key, size_t *i)
{
	if (!f)
		return NULL;
	for (; *i < f->nparams; (*i)++)
		if (!strcmp(f->params[*i].key, key))
			return f->params[(*i)++].val;
	return NULL;
}
