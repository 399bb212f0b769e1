/* nlfmt.h - Dutch rendering of dates and date ranges for web pages.
 *
 *   15 mei 2023, oktober 1996, 2001              one date
 *   28 en 29 september 2023                      two consecutive days
 *   15 t/m 21 november 2014                      days in one month
 *   29 mei t/m 3 juni 2016                       days in one year
 *   30 december 2016 t/m 2 januari 2017          across years
 *   februari t/m maart 2006, 2015 t/m 2018       months, years
 *   dinsdag 18 april 2023                        rr_nlfmt_long
 *
 * Month and weekday names are lower case, as Dutch writes them. Functions
 * append to an rr_buf the caller owns, or write a NUL-terminated string
 * into a caller buffer of size bytes. */
#ifndef RR_NLFMT_H
#define RR_NLFMT_H

#include <stddef.h>

#include "../nl/date.h"
#include "../util/buf.h"
#include "../util/err.h"

/* "januari".."december"; NULL outside 1..12. Static strings. */
const char *rr_nl_month_name(int m);
/* "maandag".."zondag" for a day-precision date; NULL otherwise. */
const char *rr_nl_weekday_name(const rr_date *d);

/* Appends start, or the range start..end when end->prec is not
 * RR_PREC_NONE (end may be NULL). RR_EINVAL when start has no date or is
 * not a valid date, else the buffer's error state. */
rr_err rr_nlfmt_range(rr_buf *b, const rr_date *start, const rr_date *end);
/* Appends one date in full: "dinsdag 18 april 2023" for a day, else as
 * rr_nlfmt_range. */
rr_err rr_nlfmt_long(rr_buf *b, const rr_date *d);

/* The same into out[size] (always NUL-terminated when size > 0). Returns
 * RR_ETOOBIG when the text did not fit (out then holds "" ). */
rr_err rr_nlfmt_range_s(char *out, size_t size, const rr_date *start,
			const rr_date *end);
rr_err rr_nlfmt_long_s(char *out, size_t size, const rr_date *d);

#endif
