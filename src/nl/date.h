/* date.h - calendar dates with a precision (day, month or year).
 *
 * The register keeps dates as precise as the source says and no more:
 * "15 november 2014" is a day, "oktober 1996" a month, "2001" a year.
 * The ISO forms are YYYY-MM-DD, YYYY-MM and YYYY. */
#ifndef RR_DATE_H
#define RR_DATE_H

#include <stdbool.h>

#include "../util/err.h"

typedef enum {
	RR_PREC_NONE = 0, /* no date */
	RR_PREC_YEAR,
	RR_PREC_MONTH,
	RR_PREC_DAY
} rr_prec;

typedef struct rr_date {
	int y, m, d; /* m and d are 0 when the precision does not reach them */
	rr_prec prec;
} rr_date;

#define RR_DATE_ISO_MAX 11 /* "YYYY-MM-DD" + NUL */

bool rr_is_leap(int y);
int rr_days_in_month(int y, int m);
/* True when y-m-d is a day that exists (years 1000-9999). */
bool rr_ymd_valid(int y, int m, int d);

/* Parses YYYY, YYYY-MM or YYYY-MM-DD, exactly (no surrounding text).
 * On RR_EINVAL *why (if given) points at a static reason. */
rr_err rr_date_parse_iso(const char *s, rr_date *out, const char **why);
/* Writes the ISO form for the date's precision. Returns the length, 0 for
 * RR_PREC_NONE. */
int rr_date_iso(const rr_date *dt, char out[RR_DATE_ISO_MAX]);

rr_date rr_date_day(int y, int m, int d);
rr_date rr_date_month(int y, int m);
rr_date rr_date_year(int y);

/* Day numbers (days since 1970-01-01) of the first and the last day a date
 * covers: 1996-10 covers 1996-10-01 to 1996-10-31. */
long rr_date_first(const rr_date *dt);
long rr_date_last(const rr_date *dt);
long rr_days_from_ymd(int y, int m, int d);
rr_date rr_date_from_days(long days);
/* The day-precision date n days after a day-precision date. */
rr_date rr_date_add_days(const rr_date *dt, long n);
/* <0, 0, >0 comparing first days, then precision (coarser first). */
int rr_date_cmp(const rr_date *a, const rr_date *b);

#endif
