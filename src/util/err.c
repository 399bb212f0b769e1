#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *rr_strerror(rr_err e)
{
	switch (e) {
	case RR_OK: return "ok";
	case RR_EINVAL: return "invalid input";
	case RR_EUSAGE: return "usage error";
	case RR_ENOTFOUND: return "not found";
	case RR_ECONFLICT: return "conflict";
	case RR_ETOOBIG: return "input too large";
	case RR_EPERM: return "not permitted";
	case RR_ENOMEM: return "out of memory";
	case RR_EIO: return "input/output error";
	case RR_EDB: return "database error";
	case RR_EUNAVAIL: return "database unavailable";
	}
	return "unknown error";
}

int rr_exit_code(rr_err e)
{
	switch (e) {
	case RR_OK: return 0;
	case RR_EINVAL: case RR_ENOTFOUND: case RR_ECONFLICT:
	case RR_ETOOBIG: case RR_EPERM: return 1;
	case RR_EUSAGE: return 2;
	default: return 3;
	}
}

void rr_diag_add(rr_diag *d, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	char *s, **nm;

	if (!d)
		return;
	if (d->n >= RR_DIAG_MAX) {
		d->dropped++;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (d->n == d->cap) {
		size_t nc = d->cap ? d->cap * 2 : 8;
		nm = realloc(d->msg, nc * sizeof *nm);
		if (!nm) {
			d->dropped++;
			return;
		}
		d->msg = nm;
		d->cap = nc;
	}
	s = strdup(tmp);
	if (!s) {
		d->dropped++;
		return;
	}
	d->msg[d->n++] = s;
}

void rr_diag_free(rr_diag *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++)
		free(d->msg[i]);
	free(d->msg);
	memset(d, 0, sizeof *d);
}

void rr_diag_print(const rr_diag *d, const char *prefix, void *file)
{
	FILE *f = file;
	for (size_t i = 0; i < d->n; i++)
		fprintf(f, "%s%s\n", prefix ? prefix : "", d->msg[i]);
	if (d->dropped)
		fprintf(f, "%s(%zu more messages not shown)\n", prefix ? prefix : "",
			d->dropped);
}
