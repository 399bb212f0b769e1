/* fuzz_nldate.c - libFuzzer driver for the Dutch date parser and renderer.
 *
 * Every expression found in the input must lie inside it, be a valid date
 * (or range with start <= end), and, rendered by nlfmt, parse back to the
 * same dates. The first input byte chooses whether a reference date is
 * given. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nl/nldate.h"
#include "nl/nlfmt.h"

static int same(const rr_date *a, const rr_date *b)
{
	return a->prec == b->prec && (a->prec == RR_PREC_NONE || rr_date_cmp(a, b) == 0);
}

static int in_years(const rr_date *d)
{
	return d->prec == RR_PREC_NONE || (d->y >= 1900 && d->y <= 2099);
}

static void check(const char *text, size_t n, const rr_nldate *d, const rr_date *ref)
{
	char out[128];
	rr_nldate back;
	const char *why;

	if (d->off > n || d->len > n - d->off || d->len == 0)
		abort();
	if (rr_nlfmt_range_s(out, sizeof out, &d->start, &d->end) != RR_OK)
		abort();
	if (d->end.prec != RR_PREC_NONE &&
	    rr_date_first(&d->start) > rr_date_first(&d->end))
		abort();
	if (!in_years(&d->start) || !in_years(&d->end))
		return;
	if (rr_nldate_parse_exact(out, strlen(out), ref, &back, &why) != RR_OK ||
	    !same(&back.start, &d->start) || !same(&back.end, &d->end))
		abort();
	(void)text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rr_date ref = rr_date_day(2016, 7, 10);
	const rr_date *rp = NULL;
	const char *text, *why;
	rr_nldate_iter it;
	rr_nldate d;
	rr_err e;
	char *copy;
	size_t n;

	if (size < 1)
		return 0;
	if (data[0] & 1)
		rp = &ref;
	n = size - 1;
	/* an exact-size heap copy so that ASan sees any read past n */
	copy = malloc(n ? n : 1);
	if (!copy)
		return 0;
	memcpy(copy, data + 1, n);
	text = copy;
	rr_nldate_iter_init(&it, text, n, rp);
	while ((e = rr_nldate_next(&it, &d, &why)) != RR_ENOTFOUND) {
		if (e == RR_OK)
			check(text, n, &d, rp);
		else if (e != RR_EINVAL || !why)
			abort();
	}
	(void)rr_nldate_parse_exact(text, n, rp, &d, &why);
	free(copy);
	return 0;
}
