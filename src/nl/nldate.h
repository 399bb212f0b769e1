/* nldate.h - finds Dutch date expressions in running text.
 *
 * "15 t/m 21 november 2014", "29 mei-3 juni 2016", "Oktober 1996",
 * "21-02-2023", "derde kwartaal 2019", "jaren '80", "12 maart jl.": each
 * becomes a start date and, for a range, an end date, each with the
 * precision the text gives (day, month or year). See docs in nldate.c for
 * the exact rules, including what vague words (begin, medio, zomer) mean.
 *
 * Memory: nothing is allocated. The text is read, never written or kept;
 * results hold byte offsets into it. All functions read at most n bytes of
 * text (no NUL needed) and do bounded work per byte. Reasons returned
 * through *why are static strings. */
#ifndef RR_NLDATE_H
#define RR_NLDATE_H

#include <stdbool.h>
#include <stddef.h>

#include "../nl/date.h"
#include "../util/err.h"

typedef struct rr_nldate {
	rr_date start, end; /* end.prec == RR_PREC_NONE for a single date */
	size_t off, len;    /* byte span of the expression in the text */
	bool yearless;      /* the text gives no year: it was taken from ref */
} rr_nldate;

/* Flags of rr_nldate_find_flags. RR_NLD_BARE_MONTH: a month name alone
 * ("in maart") is a date too, in the year of ref (yearless); without ref it
 * is not a date. For a caller that knows the text speaks of one year. */
enum { RR_NLD_BARE_MONTH = 1 };

/* Finds the first date expression at or after text[from]. ref is the
 * document's own date (day precision), used for a missing year and for
 * "jl."/"a.s."; it may be NULL.
 * Returns RR_OK with *out filled; RR_ENOTFOUND when there is none (with
 * *why saying so, or why an impossible date like "30 februari 2023" was
 * refused); RR_EINVAL when the first expression has no year and none can
 * be known (no ref) - out->off/len then give its span, so a caller may go
 * on after it. why may be NULL. */
rr_err rr_nldate_find(const char *text, size_t n, size_t from,
		      const rr_date *ref, rr_nldate *out, const char **why);
rr_err rr_nldate_find_flags(const char *text, size_t n, size_t from, const rr_date *ref,
			    unsigned flags, rr_nldate *out, const char **why);

/* The whole text must be one date expression. Leading and trailing spaces
 * and punctuation are allowed, and so are leading "op", "in", "d.d.",
 * "sinds", "vanaf", "per", "van", "tussen". out->off/len give the
 * expression. RR_EINVAL with *why when it is not exactly one date. */
rr_err rr_nldate_parse_exact(const char *text, size_t n, const rr_date *ref,
			     rr_nldate *out, const char **why);

/* Every expression of a text, in order:
 *	rr_nldate_iter it;
 *	rr_nldate_iter_init(&it, text, n, ref);
 *	while ((e = rr_nldate_next(&it, &d, &why)) != RR_ENOTFOUND)
 *		if (e == RR_OK) use(&d); else skip (d.off/d.len is the span)
 * The iterator refers to text and ref, which must outlive it. */
typedef struct rr_nldate_iter {
	const char *text;
	size_t n, pos;
	const rr_date *ref;
	unsigned flags; /* RR_NLD_*, 0 after init */
} rr_nldate_iter;

void rr_nldate_iter_init(rr_nldate_iter *it, const char *text, size_t n,
			 const rr_date *ref);
rr_err rr_nldate_next(rr_nldate_iter *it, rr_nldate *out, const char **why);

/* "day", "month", "year" or "none". */
const char *rr_nldate_prec_name(rr_prec p);

#endif
