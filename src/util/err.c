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
	case RR_EEXISTS: return "already exists";
	}
	return "unknown error";
}

int rr_exit_code(rr_err e)
{
	switch (e) {
	case RR_OK: return 0;
	case RR_EINVAL: case RR_ENOTFOUND: case RR_ECONFLICT: case RR_EEXISTS:
	case RR_ETOOBIG: case RR_EPERM: return 1;
	case RR_EUSAGE: return 2;
	default: return 3;
	}
}

static void add(rr_diag *d, const char *field, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

static void add(rr_diag *d, const char *field, const char *fmt, va_list ap)
{
	char tmp[1024];
	char *s, *f = NULL, **nm;

	if (!d)
		return;
	if (d->n >= RR_DIAG_MAX) {
		d->dropped++;
		return;
	}
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	if (d->n == d->cap) {
		size_t nc = d->cap ? d->cap * 2 : 8;
		nm = realloc(d->msg, nc * sizeof *nm);
		if (!nm) {
			d->dropped++;
			return;
		}
		d->msg = nm;
		if (d->field) {
			nm = realloc(d->field, nc * sizeof *nm);
			if (!nm) {
				d->dropped++;
				return;
			}
			d->field = nm;
		}
		d->cap = nc;
	}
	if (field && !d->field) {
		if (!(d->field = calloc(d->cap, sizeof *d->field))) {
			d->dropped++;
			return;
		}
	}
	s = strdup(tmp);
	if (field && !(f = strdup(field))) {
		free(s);
		s = NULL;
	}
	if (!s) {
		d->dropped++;
		return;
	}
	if (d->field)
		d->field[d->n] = f;
	d->msg[d->n++] = s;
}

void rr_diag_add(rr_diag *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(d, NULL, fmt, ap);
	va_end(ap);
}

void rr_diag_add_at(rr_diag *d, const char *field, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(d, field, fmt, ap);
	va_end(ap);
}

const char *rr_diag_field(const rr_diag *d, size_t i)
{
	return d && d->field && i < d->n ? d->field[i] : NULL;
}

void rr_diag_rename(rr_diag *d, const char *from, const char *to)
{
	for (size_t i = 0; d && d->field && i < d->n; i++) {
		char *s;
		if (!d->field[i] || strcmp(d->field[i], from) || !(s = strdup(to)))
			continue;
		free(d->field[i]);
		d->field[i] = s;
	}
}

void rr_diag_free(rr_diag *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->msg[i]);
		if (d->field)
			free(d->field[i]);
	}
	free(d->msg);
	free(d->field);
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
