/* nlfmt.c - Dutch rendering of dates and date ranges. */
#include "nlfmt.h"

#include <string.h>

static const char *const months[12] = {"januari", "februari", "maart",
	"april", "mei", "juni", "juli", "augustus", "september", "oktober",
	"november", "december"};

const char *rr_nl_month_name(int m)
{
	return m >= 1 && m <= 12 ? months[m - 1] : NULL;
}

const char *rr_nl_weekday_name(const rr_date *d)
{
	static const char *const days[7] = {"maandag", "dinsdag", "woensdag",
		"donderdag", "vrijdag", "zaterdag", "zondag"};
	long n, w;

	if (d->prec != RR_PREC_DAY || !rr_ymd_valid(d->y, d->m, d->d))
		return NULL;
	n = rr_days_from_ymd(d->y, d->m, d->d);
	w = ((n % 7) + 7 + 3) % 7; /* 1970-01-01 was a Thursday */
	return days[w];
}

static bool valid(const rr_date *d)
{
	switch (d->prec) {
	case RR_PREC_DAY: return rr_ymd_valid(d->y, d->m, d->d);
	case RR_PREC_MONTH: return rr_ymd_valid(d->y, d->m, 1);
	case RR_PREC_YEAR: return rr_ymd_valid(d->y, 1, 1);
	default: return false;
	}
}

/* Appends d, leaving out the year (and month) when the caller says so. */
static void put(rr_buf *b, const rr_date *d, bool month, bool year)
{
	const char *sep = "";

	if (d->prec == RR_PREC_DAY) {
		rr_buf_printf(b, "%d", d->d);
		sep = " ";
	}
	if (d->prec >= RR_PREC_MONTH && month) {
		rr_buf_printf(b, "%s%s", sep, months[d->m - 1]);
		sep = " ";
	}
	if (year)
		rr_buf_printf(b, "%s%d", sep, d->y);
}

rr_err rr_nlfmt_range(rr_buf *b, const rr_date *s, const rr_date *e)
{
	bool same_y, same_m;

	if (!valid(s) || (e && e->prec != RR_PREC_NONE && !valid(e)))
		return RR_EINVAL;
	if (!e || e->prec == RR_PREC_NONE ||
	    (e->prec == s->prec && rr_date_cmp(s, e) == 0)) {
		put(b, s, true, true);
		return rr_buf_err(b);
	}
	same_y = s->prec == e->prec && s->y == e->y;
	same_m = same_y && s->prec >= RR_PREC_MONTH && s->m == e->m;
	if (s->prec == RR_PREC_DAY && same_m &&
	    rr_date_last(s) + 1 == rr_date_first(e)) {
		rr_buf_printf(b, "%d en %d %s %d", s->d, e->d, months[s->m - 1],
			      s->y);
		return rr_buf_err(b);
	}
	/* "15 t/m 21 november 2014", "29 mei t/m 3 juni 2016" */
	put(b, s, !(same_m && s->prec == RR_PREC_DAY),
	    !(same_y && s->prec != RR_PREC_YEAR));
	rr_buf_addstr(b, " t/m ");
	put(b, e, true, true);
	return rr_buf_err(b);
}

rr_err rr_nlfmt_long(rr_buf *b, const rr_date *d)
{
	const char *wd = rr_nl_weekday_name(d);

	if (!valid(d))
		return RR_EINVAL;
	if (wd)
		rr_buf_printf(b, "%s ", wd);
	return rr_nlfmt_range(b, d, NULL);
}

static rr_err to_cbuf(rr_buf *b, rr_err e, char *out, size_t size)
{
	if (size == 0) {
		rr_buf_free(b);
		return RR_ETOOBIG;
	}
	out[0] = '\0';
	if (!e && b->len >= size)
		e = RR_ETOOBIG;
	if (!e)
		memcpy(out, rr_buf_cstr(b), b->len + 1);
	rr_buf_free(b);
	return e;
}

rr_err rr_nlfmt_range_s(char *out, size_t size, const rr_date *start,
			const rr_date *end)
{
	rr_buf b;

	rr_buf_init(&b, 256);
	return to_cbuf(&b, rr_nlfmt_range(&b, start, end), out, size);
}

rr_err rr_nlfmt_long_s(char *out, size_t size, const rr_date *d)
{
	rr_buf b;

	rr_buf_init(&b, 256);
	return to_cbuf(&b, rr_nlfmt_long(&b, d), out, size);
}
