/* import_docdate.c - the document's own date: from its letterhead ("Den
 * Haag, 9 juli 2019"), a date label ("Datum: 8 juli 2019", "Gepubliceerd op
 * 17 december 2018", "geplaatst: dinsdag 14 februari 2017", "Posted on: Thu,
 * 07 Nov 2013", "Ingediend 15 september 2015", "datum: 2018-11-07"), an
 * archive stamp at the very start (" date 2019-12 "), a line near the top
 * that is only a date ("11 mei 2011"), a US-style date line ("di,
 * 07-16-2019, 09:35"), or a news dateline without a year ("14 januari –",
 * "ROTTERDAM, 13 okt.") completed by a stamp or by the date the user gave.
 * The date parser never reads years from reference numbers, so
 * "DOS-2016-0002798" or "kenmerk 2002/6071" date nothing. */
#include "import_int.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../nl/nldate.h"

/* An answer's date beats the question's: a page that holds both ("Ingediend
 * 15 september", "Beantwoord 22 september") is dated by its latest part. */
enum { S_NONE, S_PARTIAL, S_MEETING, S_ONLY_DATE, S_STAMP, S_LABEL, S_ANSWER };

#define HEAD_LINES 40 /* labels and letterheads are looked for this far */
#define TOP_LINES 15  /* a line that is only a date counts this near the top */

typedef struct cand {
	int score;
	rr_date d;   /* for S_PARTIAL: y == 0 */
	size_t off, len;
} cand;

static void take(cand *best, int score, const rr_date *d, size_t off, size_t len)
{
	if (score > best->score || (score == best->score && d->prec > best->d.prec)) {
		best->score = score;
		best->d = *d;
		best->off = off;
		best->len = len;
	}
}

/* Labels of a date: the line starts with one, or a field "X: …," comes
 * before it on the same line ("Nummer: 2018D53069, datum: 2018-11-07").
 * The date of a meeting or decision is the document's date only when the
 * document holds one (a register page holds one per request). */
static const struct {
	const char *w;
	bool meeting;
} labels[] = {{"datum besluit", true}, {"besluitdatum", true}, {"vergaderdatum", true},
	{"datum vergadering", true}, {"indiendatum", false}, {"publicatiedatum", false},
	{"verzenddatum", false}, {"dagtekening", false}, {"gepubliceerd op", false},
	{"gepubliceerd", false}, {"geplaatst op", false}, {"geplaatst", false},
	{"verschenen op", false}, {"verzonden", false}, {"ingediend", false},
	{"beantwoord", false}, {"datum antwoord", false}, {"datum beantwoording", false},
	{"posted on", false}, {"posted", false}, {"published", false}, {"datum", false},
	{"date", false}};

static size_t skip_blank(const char *t, size_t i, size_t e)
{
	while (i < e && (t[i] == ' ' || t[i] == '\t' || t[i] == ':' || t[i] == ','))
		i++;
	return i;
}

/* A date right after a label at [i, e): "Datum: …", "geplaatst: dinsdag
 * 14 februari 2017, 21:19 uur". The date must start within a weekday and
 * a few marks of the label. */
static bool after_label(const char *t, size_t i, size_t e, const rr_date *ref,
			rr_nldate *nd)
{
	const char *why;
	size_t j = skip_blank(t, i, e);
	if (imp_prefix(t, j, e, "op ") || imp_prefix(t, j, e, "on "))
		j = skip_blank(t, j + 3, e);
	if (rr_nldate_find(t, e, j, ref, nd, &why) != RR_OK || nd->yearless)
		return false;
	return nd->off <= j + 16 && nd->start.prec >= RR_PREC_MONTH;
}

static void labelled(const char *t, size_t s, size_t e, const rr_date *ref, cand *best,
		     int *meetings)
{
	for (size_t i = s; i < e; i++) {
		/* at the start of the line, or a word start inside it when the
		 * label has its colon: "… ∑ geplaatst: dinsdag 14 februari 2017" */
		bool inside = i > s && imp_word_start(t, i);
		if (i != s && !inside)
			continue;
		for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++) {
			size_t n = strlen(labels[k].w);
			rr_nldate nd;
			if (!imp_prefix(t, i, e, labels[k].w) || !imp_word_end(t, i + n, e))
				continue;
			if (inside && (i + n >= e || t[i + n] != ':'))
				break;
			if (after_label(t, i + n, e, ref, &nd)) {
				if (labels[k].meeting)
					++*meetings;
				take(best, labels[k].meeting ? S_MEETING
					   : strstr(labels[k].w, "antwoord") ? S_ANSWER : S_LABEL,
				     &nd.start, nd.off, nd.len);
			}
			break;
		}
	}
}

/* "Den Haag, 9 juli 2019", "Arnemuiden, 14 oktober 2011": one to four
 * capitalised words, a comma, and a whole date. */
static void letterhead(const char *t, size_t s, size_t e, cand *best)
{
	const char *comma = memchr(t + s, ',', e - s), *why;
	size_t words = 0, c;
	rr_nldate nd;

	if (!comma || (size_t)(comma - (t + s)) > 60)
		return;
	c = (size_t)(comma - t);
	for (size_t i = s; i < c; i++) {
		if (t[i] == ' ')
			continue;
		if (!imp_word_start(t, i))
			continue;
		unsigned char ch = (unsigned char)t[i];
		if (!(ch >= 'A' && ch <= 'Z') && ch < 0x80 && ch != '\'' &&
		    !(imp_prefix(t, i, c, "s-") || imp_prefix(t, i, c, "den ") ||
		      imp_prefix(t, i, c, "aan ")))
			return;
		words++;
	}
	if (!words || words > 4)
		return;
	if (rr_nldate_parse_exact(t + c + 1, e - c - 1, NULL, &nd, &why) == RR_OK &&
	    nd.start.prec == RR_PREC_DAY && !nd.end.prec)
		take(best, S_LABEL, &nd.start, c + 1 + nd.off, nd.len);
}

/* " date 2019-12 " at the very start of the text. Returns where the stamp
 * ends, or 0. */
static size_t stamp(const char *t, size_t s, size_t e, cand *best)
{
	rr_date d;
	char iso[RR_DATE_ISO_MAX];
	size_t i = s, k = 0;

	if (!imp_prefix(t, s, e, "date ") && !imp_prefix(t, s, e, "datum "))
		return 0;
	i += t[s + 4] == ' ' ? 5 : 6;
	while (i < e && t[i] == ' ')
		i++;
	while (i + k < e && k < RR_DATE_ISO_MAX - 1 &&
	       ((t[i + k] >= '0' && t[i + k] <= '9') || t[i + k] == '-'))
		k++;
	memcpy(iso, t + i, k);
	iso[k] = '\0';
	if (k >= 7 && rr_date_parse_iso(iso, &d, NULL) == RR_OK &&
	    (i + k == e || t[i + k] == ' ')) {
		take(best, S_STAMP, &d, i, k);
		return i + k;
	}
	return 0;
}

/* "di, 07-16-2019, 09:35": month first, which the day-first reading
 * refuses because the "month" is over 12. */
static void us_date(const char *t, size_t s, size_t e, cand *best)
{
	int a = 0, b = 0, y = 0, na = 0, nb = 0, ny = 0;
	size_t i = s;

	while (i < e && i < s + 12 && !(t[i] >= '0' && t[i] <= '9'))
		i++;
	if (i > s && t[i - 1] != ' ')
		return;
	for (; i < e && t[i] >= '0' && t[i] <= '9' && na < 3; i++, na++)
		a = a * 10 + t[i] - '0';
	if (i >= e || t[i++] != '-')
		return;
	for (; i < e && t[i] >= '0' && t[i] <= '9' && nb < 3; i++, nb++)
		b = b * 10 + t[i] - '0';
	if (i >= e || t[i++] != '-')
		return;
	size_t ys = i;
	for (; i < e && t[i] >= '0' && t[i] <= '9' && ny < 5; i++, ny++)
		y = y * 10 + t[i] - '0';
	if (na > 2 || nb > 2 || ny != 4 || (i < e && t[i] != ',' && t[i] != ' '))
		return;
	if (b > 12 && a >= 1 && a <= 12 && rr_ymd_valid(y, a, b)) {
		rr_date d = rr_date_day(y, a, b);
		take(best, S_ONLY_DATE, &d, ys - 6, 10);
	}
}

/* "14 januari – De gemeenteraad …", "ROTTERDAM, 13 okt. De …": a day and
 * month opening a paragraph, with no year. */
static void dateline(const char *t, size_t s, size_t e, cand *partial)
{
	rr_date ref = rr_date_day(2000, 1, 1);
	rr_nldate nd;
	const char *why;
	size_t i = s;
	const char *comma = memchr(t + s, ',', e - s < 30 ? e - s : 30);

	if (comma)
		i = skip_blank(t, (size_t)(comma - t) + 1, e);
	if (rr_nldate_find(t, e, i, &ref, &nd, &why) != RR_OK || nd.off != i || !nd.yearless ||
	    nd.start.prec != RR_PREC_DAY || nd.end.prec)
		return;
	size_t j = nd.off + nd.len;
	while (j < e && (t[j] == ' ' || t[j] == '.'))
		j++;
	/* a dash after it, or (after a place) a capitalised word */
	bool dash = j < e && (t[j] == '-' || (unsigned char)t[j] == 0xE2);
	if (!dash && !(comma && j < e && t[j] >= 'A' && t[j] <= 'Z'))
		return;
	if (partial->score < S_PARTIAL) {
		partial->score = S_PARTIAL;
		partial->d = nd.start;
		partial->d.y = 0;
		partial->off = nd.off;
		partial->len = nd.len;
	}
}

bool imp_docdate(const char *t, size_t n, const rr_date *given, rr_date *out, size_t *off,
		 size_t *len)
{
	cand best = {0}, partial = {0};
	size_t lines = 0;
	int meetings = 0;
	bool after_label_line = false; /* the line before is a label: this one is its value */
	const rr_date *ref = given && given->prec ? given : NULL;

	for (size_t pos = 0; pos < n && lines < HEAD_LINES;) {
		size_t le = imp_eol(t, pos, n), s = pos, e = le;
		rr_nldate nd;
		const char *why;
		imp_trim(t, &s, &e);
		pos = le + 1;
		if (s == e)
			continue;
		size_t stamp_end = lines == 0 ? stamp(t, s, e, &best) : 0;
		labelled(t, s, e, ref, &best, &meetings);
		letterhead(t, s, e, &best);
		if (lines < TOP_LINES && !after_label_line) {
			if (rr_nldate_parse_exact(t + s, e - s, NULL, &nd, &why) == RR_OK &&
			    nd.start.prec >= RR_PREC_MONTH && !nd.end.prec)
				take(&best, S_ONLY_DATE, &nd.start, s + nd.off, nd.len);
			us_date(t, s, e, &best);
		}
		dateline(t, s, e, &partial);
		/* the stamp shares its line with the first words of the text */
		if (stamp_end)
			dateline(t, skip_blank(t, stamp_end, e), e, &partial);
		{
			imp_label l;
			after_label_line = t[e - 1] == ':' || imp_label_line(t, s, e, &l);
		}
		lines++;
	}
	if (best.score == S_MEETING && meetings > 1)
		best.score = S_NONE;
	/* a dateline's day completes a month-precise date of the same month */
	const rr_date *month = best.score && best.d.prec == RR_PREC_MONTH ? &best.d
			     : !best.score && ref && ref->prec == RR_PREC_MONTH ? ref : NULL;
	if (partial.score && month && month->m == partial.d.m &&
	    rr_ymd_valid(month->y, partial.d.m, partial.d.d)) {
		*out = rr_date_day(month->y, partial.d.m, partial.d.d);
		*off = partial.off;
		*len = partial.len;
		return true;
	}
	if (!best.score)
		return false;
	*out = best.d;
	*off = best.off;
	*len = best.len;
	return true;
}
