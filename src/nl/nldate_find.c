/* nldate_find.c - searching a text for Dutch date expressions: the public
 * entry points around the grammar of nldate.c. */
#include "nldate.h"
#include "nldate_int.h"

#include <string.h>

static bool isdig(char ch) { return ch >= '0' && ch <= '9'; }

rr_err rr_nldate_find(const char *text, size_t n, size_t from,
		      const rr_date *ref, rr_nldate *out, const char **why)
{
	return rr_nldate_find_flags(text, n, from, ref, 0, out, why);
}

rr_err rr_nldate_find_flags(const char *text, size_t n, size_t from, const rr_date *ref,
			    unsigned flags, rr_nldate *out, const char **why)
{
	const char *bad = NULL;
	nld_tok t, prev;
	bool have_prev = false;
	size_t pos = from, after;
	size_t bad_end;
	const char *w;
	int r;

	memset(out, 0, sizeof *out);
	if (!text)
		n = 0;
	while (pos < n) {
		after = nld_scan_one(text, n, pos, &t);
		if (t.kind == NLD_END)
			break;
		if ((t.kind == NLD_NUM || t.kind == NLD_WORD) &&
		    !(t.off == from && from > 0 &&
		      (t.kind == NLD_NUM ? isdig(text[from - 1])
					 : nld_is_letter_byte((unsigned char)text[from - 1])))) {
			r = nld_match_at(text, n, t.off, have_prev ? &prev : NULL,
					 ref, flags, out, &w, &bad_end);
			if (r == NLD_M_OK)
				return RR_OK;
			if (r == NLD_M_NEED) {
				if (why)
					*why = w;
				return RR_EINVAL;
			}
			memset(out, 0, sizeof *out);
			if (r == NLD_M_BAD) {
				if (!bad)
					bad = w;
				if (bad_end > after)
					after = bad_end;
			}
		}
		prev = t;
		have_prev = true;
		/* always move on: a scanner that stood still would loop forever */
		pos = after > pos ? after : pos + 1;
	}
	if (why)
		*why = bad ? bad : "no date found";
	return RR_ENOTFOUND;
}

void rr_nldate_iter_init(rr_nldate_iter *it, const char *text, size_t n,
			 const rr_date *ref)
{
	it->text = text;
	it->n = text ? n : 0;
	it->pos = 0;
	it->ref = ref;
	it->flags = 0;
}

rr_err rr_nldate_next(rr_nldate_iter *it, rr_nldate *out, const char **why)
{
	rr_err e = rr_nldate_find_flags(it->text, it->n, it->pos, it->ref, it->flags, out, why);

	if (e == RR_ENOTFOUND) {
		it->pos = it->n;
		return e;
	}
	/* always move on, whatever span the match reports */
	if (out->off + out->len > it->pos)
		it->pos = out->off + out->len;
	else
		it->pos++;
	return e;
}

static bool exact_prefix(const char *w)
{
	static const char *const ws[] = {"op", "in", "sinds", "vanaf", "per",
		"van", "tussen", "d", "dd", "datum", NULL};
	for (int i = 0; ws[i]; i++)
		if (strcmp(w, ws[i]) == 0)
			return true;
	return false;
}

rr_err rr_nldate_parse_exact(const char *text, size_t n, const rr_date *ref,
			     rr_nldate *out, const char **why)
{
	nld_tok t;
	size_t pos = 0, end;
	rr_err e;
	bool first = true;

	e = rr_nldate_find(text, n, 0, ref, out, why);
	if (e == RR_ENOTFOUND) {
		if (why && !*why)
			*why = "no date found";
		return RR_EINVAL;
	}
	if (e)
		return e;
	while (pos < out->off) {
		pos = nld_scan_one(text, out->off, pos, &t);
		if (t.kind == NLD_WORD && !exact_prefix(t.w))
			goto extra;
		if (t.kind == NLD_NUM)
			goto extra;
	}
	end = out->off + out->len;
	pos = end;
	while (pos < n) {
		pos = nld_scan_one(text, n, pos, &t);
		if (t.kind == NLD_END)
			break;
		if (t.kind == NLD_NUM && first && t.off == end && t.nd <= 2)
			continue; /* a footnote number glued to the year */
		if (t.kind == NLD_NUM || t.kind == NLD_WORD)
			goto extra;
		first = false;
	}
	return RR_OK;
extra:
	if (why)
		*why = "more than one date expression, or text around it";
	return RR_EINVAL;
}

const char *rr_nldate_prec_name(rr_prec p)
{
	switch (p) {
	case RR_PREC_DAY: return "day";
	case RR_PREC_MONTH: return "month";
	case RR_PREC_YEAR: return "year";
	default: return "none";
	}
}
