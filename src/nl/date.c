#include "date.h"

#include <stdio.h>
#include <string.h>

bool rr_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int rr_days_in_month(int y, int m)
{
	static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && rr_is_leap(y) ? 29 : dim[m - 1];
}

bool rr_ymd_valid(int y, int m, int d)
{
	return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= rr_days_in_month(y, m);
}

rr_date rr_date_day(int y, int m, int d)
{
	rr_date r = {y, m, d, RR_PREC_DAY};
	return r;
}

rr_date rr_date_month(int y, int m)
{
	rr_date r = {y, m, 0, RR_PREC_MONTH};
	return r;
}

rr_date rr_date_year(int y)
{
	rr_date r = {y, 0, 0, RR_PREC_YEAR};
	return r;
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

rr_err rr_date_parse_iso(const char *s, rr_date *out, const char **why)
{
	size_t len = s ? strlen(s) : 0;
	int y, m = 0, d = 0;
	const char *w = NULL;

	memset(out, 0, sizeof *out);
	if (len != 4 && len != 7 && len != 10) {
		w = "expected YYYY, YYYY-MM or YYYY-MM-DD";
		goto bad;
	}
	y = digits(s, 4);
	if (y < 1000) {
		w = "the year must have four digits (1000-9999)";
		goto bad;
	}
	if (len >= 7) {
		if (s[4] != '-' || (m = digits(s + 5, 2)) < 0) {
			w = "expected YYYY, YYYY-MM or YYYY-MM-DD";
			goto bad;
		}
		if (m < 1 || m > 12) {
			w = "the month must be 01 to 12";
			goto bad;
		}
	}
	if (len == 10) {
		if (s[7] != '-' || (d = digits(s + 8, 2)) < 0) {
			w = "expected YYYY, YYYY-MM or YYYY-MM-DD";
			goto bad;
		}
		if (!rr_ymd_valid(y, m, d)) {
			w = "that day does not exist";
			goto bad;
		}
	}
	out->y = y;
	out->m = m;
	out->d = d;
	out->prec = len == 4 ? RR_PREC_YEAR : len == 7 ? RR_PREC_MONTH : RR_PREC_DAY;
	return RR_OK;
bad:
	if (why)
		*why = w;
	return RR_EINVAL;
}

int rr_date_iso(const rr_date *dt, char out[RR_DATE_ISO_MAX])
{
	switch (dt->prec) {
	case RR_PREC_YEAR: return snprintf(out, RR_DATE_ISO_MAX, "%04d", dt->y);
	case RR_PREC_MONTH:
		return snprintf(out, RR_DATE_ISO_MAX, "%04d-%02d", dt->y, dt->m);
	case RR_PREC_DAY:
		return snprintf(out, RR_DATE_ISO_MAX, "%04d-%02d-%02d", dt->y, dt->m,
				dt->d);
	default: out[0] = '\0'; return 0;
	}
}

/* Howard Hinnant's days-from-civil algorithm. */
long rr_days_from_ymd(int y, int m, int d)
{
	long yy = y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

rr_date rr_date_from_days(long z)
{
	long era, doe, yoe, y, doy, mp, d, m;
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	return rr_date_day((int)(y + (m <= 2)), (int)m, (int)d);
}

long rr_date_first(const rr_date *dt)
{
	switch (dt->prec) {
	case RR_PREC_YEAR: return rr_days_from_ymd(dt->y, 1, 1);
	case RR_PREC_MONTH: return rr_days_from_ymd(dt->y, dt->m, 1);
	default: return rr_days_from_ymd(dt->y, dt->m, dt->d);
	}
}

long rr_date_last(const rr_date *dt)
{
	switch (dt->prec) {
	case RR_PREC_YEAR: return rr_days_from_ymd(dt->y, 12, 31);
	case RR_PREC_MONTH:
		return rr_days_from_ymd(dt->y, dt->m, rr_days_in_month(dt->y, dt->m));
	default: return rr_days_from_ymd(dt->y, dt->m, dt->d);
	}
}

rr_date rr_date_add_days(const rr_date *dt, long n)
{
	return rr_date_from_days(rr_date_first(dt) + n);
}

int rr_date_cmp(const rr_date *a, const rr_date *b)
{
	long fa = rr_date_first(a), fb = rr_date_first(b);
	if (fa != fb)
		return fa < fb ? -1 : 1;
	return (int)a->prec - (int)b->prec;
}
