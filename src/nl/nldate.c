/* nldate.c - the grammar of Dutch date expressions.
 *
 * At every token that starts a word or a number the parser tries, in order:
 * "vertrek X, retour Y"; "tussen X en Y"; a point, optionally followed by a
 * range word (-, –, —, /, t/m, tot en met, tot, en) and a second point.
 * A point is one of (first that fits wins):
 *   numeric   21-02-2023, 21/2/2023, 13.11.2015, 25/09/19, 2023-05-15,
 *             2023-05-15T10:00:00Z, 2023-05-15 10:00
 *   textual   [weekday[,]] [day[.]] month[.] [year | jl. | a.s.]
 *   vague     begin/medio/midden/half/eind(e) [van] month-or-year
 *   season    voorjaar/lente, zomer, najaar/herfst, winter [van] year
 *   quarter   eerste..vierde/1e..4e/laatste kwartaal|helft|halfjaar [van]
 *             year, Q1..Q4 year, H1/H2 year
 *   decade    jaren 80, jaren '90, jaren 1980, jaren tachtig
 *   year      1900-2099 alone; also 2022-23, 2023-05, 2006 (maart)
 *
 * Decisions on vague words:
 *   begin/medio/midden/half/eind(e) YEAR = that year (which months "medio"
 *   covers is not said); begin/medio/eind MONTH = that whole month.
 *   voorjaar/lente = mar-may, zomer = jun-aug, najaar/herfst = sep-nov,
 *   winter YEAR = dec YEAR - feb YEAR+1 ("winter 2016-2017" the same).
 *   Seasons, quarters and halves need a written year; "naar de zomer" is
 *   not a date. Halves: jan-jun, jul-dec. Decades "jaren 00"/"jaren 10" are
 *   the 2000s/2010s, "jaren 20".."jaren 90" the 1900s; year precision.
 *   A bare month name ("in september") is never a date: its year is too
 *   often not the document's. A day and month without a year take the year
 *   of ref; without ref the result is an error, never a guess.
 *   "D en D month" is a range only for consecutive days; "13 en 20
 *   februari 2023" yields 13 februari 2023 (span "13"), then 20 februari.
 *   "jl."/"jongstleden": the latest such day (or month) on or before ref;
 *   "a.s."/"aanstaande": the first on or after ref. */
#include "nldate.h"
#include "nldate_int.h"

#include <string.h>

typedef enum { PK_DAYNUM, PK_ORD, PK_DAY, PK_MONTH, PK_MSPAN, PK_YEAR,
	PK_YSPAN } pkind;

typedef struct pt {
	pkind k;
	bool bare;   /* cannot stand alone: "15" of "15 t/m 21 mei" */
	int y, m, d; /* y 0: not written */
	int m2, y2;  /* MSPAN last month (13, 14: next year); YSPAN last year */
	int unit;    /* months per quarter (3) or half (6) */
	int ord;     /* the quarter or half number */
	int rel;     /* -1 jl., +1 a.s. */
	int start;   /* first token */
	int next;    /* token after the point */
	size_t end;  /* byte offset where the point's text ends */
} pt;

enum { M_NO, M_OK, M_BAD, M_NEED };

typedef struct ctx {
	nld_win w;
	const rr_date *ref;
	unsigned flags;      /* RR_NLD_* */
	bool yearless;       /* a year was taken from ref */
	const nld_tok *prev; /* token before the start position, or NULL */
	const char *why;     /* reason for M_BAD or M_NEED */
	size_t bad_end;
	bool tussen;
} ctx;

enum { C_NONE, C_DASH, C_SLASH, C_TM, C_TOT, C_EN };

static const char why_noday[] = "that day does not exist";
static const char why_noyear[] = "no year: give --ref";
static const char why_rel[] = "'jl.' or 'a.s.' needs the document's date: give --ref";

static const nld_tok *tk(ctx *c, int i) { return nld_win_tok(&c->w, i); }

static bool isw(ctx *c, int i, const char *w)
{
	const nld_tok *t = tk(c, i);
	return t && t->kind == NLD_WORD && strcmp(t->w, w) == 0;
}

static bool isp(ctx *c, int i, char m)
{
	const nld_tok *t = tk(c, i);
	return t && t->kind == NLD_PUNCT && t->c == m;
}

static bool glued(ctx *c, int i)
{
	const nld_tok *t = tk(c, i);
	return t && !t->sp;
}

static bool isnum(ctx *c, int i, int maxd)
{
	const nld_tok *t = tk(c, i);
	return t && t->kind == NLD_NUM && t->nd <= maxd;
}

static size_t tend(ctx *c, int i)
{
	const nld_tok *t = tk(c, i);
	return t ? t->off + t->len : c->w.n;
}

static bool isdig(char ch) { return ch >= '0' && ch <= '9'; }

/* A digit-separator-digit sequence runs into token i from the left. */
static bool glued_number_left(ctx *c, int i, const char *seps)
{
	const nld_tok *t = tk(c, i);
	const char *s = c->w.s;
	return t && t->off >= 2 && strchr(seps, s[t->off - 1]) &&
	       s[t->off - 1] != '\0' && isdig(s[t->off - 2]);
}

static void fin(ctx *c, pt *p, int next)
{
	p->next = next;
	p->end = tend(c, next - 1);
}

/* Is the number at token i part of a reference or case number rather than
 * a date: "DOS-2016-0002798", "2002/6071", "PZH-2018-123", "2019-083"?
 * Glued by '-', '/' or '_' to a word, or to a number that cannot be a
 * month, a day or a year. */
static bool in_reference(ctx *c, int i)
{
	const nld_tok *l = i > 0 ? tk(c, i - 1) : c->prev, *ll = i > 1 ? tk(c, i - 2) : NULL;
	const nld_tok *r = tk(c, i + 1), *rr = tk(c, i + 2);
	const nld_tok *self = tk(c, i);

	if (l && !self->sp && l->kind == NLD_PUNCT && (l->c == '-' || l->c == '/' || l->c == '?') &&
	    ll && !l->sp && ll->kind == NLD_WORD)
		return true;
	if (r && !r->sp && r->kind == NLD_PUNCT && (r->c == '-' || r->c == '/') && rr &&
	    !rr->sp) {
		if (rr->kind == NLD_WORD)
			return !nld_month(rr->w, &(bool){false});
		if (rr->kind == NLD_NUM)
			return !(rr->nd == 2 || (rr->nd == 1 && r->c == '/') ||
				 (rr->nd == 4 && rr->val >= 1900 && rr->val <= 2099));
	}
	return false;
}

/* A year 1900-2099 at token i; fn allows a glued footnote number. */
static bool year_at(ctx *c, int i, bool fn, int *y, int *next, size_t *end)
{
	const nld_tok *t = tk(c, i), *u;
	long v;

	if (!t || t->kind != NLD_NUM)
		return false;
	if (t->nd == 4)
		v = t->val;
	else if (fn && (t->nd == 5 || t->nd == 6))
		v = t->val / (t->nd == 5 ? 10 : 100);
	else
		return false;
	if (v < 1900 || v > 2099 || glued_number_left(c, i, ".,") || in_reference(c, i))
		return false;
	u = tk(c, i + 1);
	if (u && !u->sp) {
		if (u->kind == NLD_WORD)
			return false;
		if (u->kind == NLD_PUNCT && (u->c == '.' || u->c == ',') &&
		    glued(c, i + 2) && isnum(c, i + 2, 1000))
			return false;
	}
	*y = (int)v;
	*end = t->off + 4;
	i++;
	while ((u = tk(c, i)) && u->kind == NLD_SUP && !u->sp)
		i++;
	*next = i;
	return true;
}

/* "jl.", "jongstleden", "j.l.", "a.s.", "aanstaande" at i: next token or -1. */
static int rel_at(ctx *c, int i, int *rel)
{
	int j = -1;

	if (isw(c, i, "jl") || isw(c, i, "jongstleden")) {
		*rel = -1;
		j = i + 1;
	} else if (isw(c, i, "aanstaande")) {
		*rel = 1;
		j = i + 1;
	} else if ((isw(c, i, "j") || isw(c, i, "a")) && isp(c, i + 1, '.') &&
		   glued(c, i + 1) && glued(c, i + 2) &&
		   isw(c, i + 2, isw(c, i, "j") ? "l" : "s")) {
		*rel = isw(c, i, "j") ? -1 : 1;
		j = i + 3;
	}
	if (j > 0 && isp(c, j, '.') && glued(c, j))
		j++;
	return j;
}

static int pt_numeric(ctx *c, int i, pt *p)
{
	const nld_tok *a = tk(c, i), *b, *s1, *s2, *z;
	int y, m, d, j;

	if (!a || a->kind != NLD_NUM || glued_number_left(c, i, ".-/"))
		return M_NO;
	for (j = 1; j <= 4; j++)
		if (!glued(c, i + j))
			return M_NO;
	s1 = tk(c, i + 1);
	b = tk(c, i + 2);
	s2 = tk(c, i + 3);
	z = tk(c, i + 4);
	if (s1->kind != NLD_PUNCT || !strchr("-/.", s1->c) || s1->c == '\0' ||
	    s2->kind != NLD_PUNCT || s2->c != s1->c || b->kind != NLD_NUM ||
	    z->kind != NLD_NUM || b->nd > 2)
		return M_NO;
	if (a->nd == 4 && s1->c == '-' && z->nd <= 2) {
		y = (int)a->val;
		m = (int)b->val;
		d = (int)z->val;
	} else if (a->nd <= 2 && (z->nd == 4 || (z->nd == 2 && s1->c != '.'))) {
		d = (int)a->val;
		m = (int)b->val;
		y = (int)z->val;
		if (z->nd == 2)
			y += y <= 69 ? 2000 : 1900;
	} else {
		return M_NO;
	}
	/* 1.2.3.4, 06-12-34-56: longer number chains are not dates */
	if (glued(c, i + 5) && isp(c, i + 5, s1->c) && glued(c, i + 6) &&
	    isnum(c, i + 6, 1000))
		return M_NO;
	memset(p, 0, sizeof *p);
	p->k = PK_DAY;
	p->y = y;
	p->m = m;
	p->d = d;
	p->start = i;
	fin(c, p, i + 5);
	if (!rr_ymd_valid(y, m, d)) {
		c->why = why_noday;
		c->bad_end = p->end;
		return M_BAD;
	}
	if (a->nd != 4)
		return M_OK;
	/* an ISO date may carry a time: T10:00[:00[.000]][Z|+01:00] or " 10:00" */
	j = i + 5;
	if (glued(c, j) && isw(c, j, "t") && glued(c, j + 1) && isnum(c, j + 1, 2))
		j++;
	else if (!(tk(c, j) && !tk(c, j)->nl && isnum(c, j, 2)))
		return M_OK;
	if (!(isnum(c, j, 2) && glued(c, j + 1) && isp(c, j + 1, ':') &&
	      glued(c, j + 2) && isnum(c, j + 2, 2)))
		return M_OK;
	j += 3;
	if (glued(c, j) && isp(c, j, ':') && glued(c, j + 1) && isnum(c, j + 1, 2))
		j += 2;
	if (glued(c, j) && isp(c, j, '.') && glued(c, j + 1) && isnum(c, j + 1, 9))
		j += 2;
	if (glued(c, j) && isw(c, j, "z"))
		j++;
	else if (glued(c, j) && (isp(c, j, '+') || isp(c, j, '-')) &&
		 glued(c, j + 1) && isnum(c, j + 1, 4)) {
		j += 2;
		if (glued(c, j) && isp(c, j, ':') && glued(c, j + 1) &&
		    isnum(c, j + 1, 2))
			j += 2;
	}
	fin(c, p, j);
	return M_OK;
}

static int pt_text(ctx *c, int i, pt *p)
{
	const nld_tok *t;
	int j = i, d = -1, m, k;
	bool abbr;

	memset(p, 0, sizeof *p);
	p->start = i;
	t = tk(c, j);
	if (t && t->kind == NLD_WORD && nld_weekday(t->w)) {
		j++;
		if (isp(c, j, ','))
			j++;
	}
	if (isnum(c, j, 2) && !glued_number_left(c, j, ".,")) {
		d = (int)tk(c, j)->val;
		j++;
		if (glued(c, j) && (isp(c, j, '.') || isw(c, j, "e") ||
				    isw(c, j, "ste") || isw(c, j, "de")))
			j++;
	}
	t = tk(c, j);
	if (!t || t->kind != NLD_WORD || !(m = nld_month(t->w, &abbr)))
		return M_NO;
	j++;
	if (abbr && glued(c, j) && isp(c, j, '.'))
		j++;
	p->k = d >= 0 ? PK_DAY : PK_MONTH;
	p->m = m;
	p->d = d >= 0 ? d : 0;
	fin(c, p, j);
	if (year_at(c, j, true, &p->y, &k, &p->end))
		p->next = k;
	else if ((k = rel_at(c, j, &p->rel)) > 0)
		fin(c, p, k);
	else if (d < 0)
		p->bare = true;
	if (d >= 0 && (d < 1 || (p->y ? !rr_ymd_valid(p->y, m, d)
				       : d > rr_days_in_month(2000, m)))) {
		c->why = why_noday;
		c->bad_end = p->end;
		return M_BAD;
	}
	return M_OK;
}

static int pt_year(ctx *c, int i, bool fn, pt *p)
{
	const nld_tok *before = i > 0 ? tk(c, i - 1) : c->prev, *t;
	int y, j, m;
	size_t end;
	bool abbr;

	if (!year_at(c, i, fn, &y, &j, &end))
		return M_NO;
	if (before && before->kind == NLD_PUNCT && before->c == 'E')
		return M_NO;
	t = tk(c, j);
	if (t && t->kind == NLD_WORD && nld_count_noun(t->w))
		return M_NO;
	memset(p, 0, sizeof *p);
	p->k = PK_YEAR;
	p->y = y;
	p->start = i;
	p->next = j;
	p->end = end;
	if (isp(c, j, '(') && tk(c, j + 1) && tk(c, j + 1)->kind == NLD_WORD &&
	    (m = nld_month(tk(c, j + 1)->w, &abbr)) && isp(c, j + 2, ')')) {
		p->k = PK_MONTH; /* "2006 (maart)" */
		p->m = m;
		fin(c, p, j + 3);
	} else if (end == tend(c, i) && j == i + 1 && glued(c, j) &&
		   isp(c, j, '-') && glued(c, j + 1) && isnum(c, j + 1, 2) &&
		   tk(c, j + 1)->nd == 2 &&
		   !(glued(c, j + 2) && (isp(c, j + 2, '-') || tk(c, j + 2)->kind ==
							       NLD_WORD))) {
		int nn = (int)tk(c, j + 1)->val;
		if (nn > y % 100) { /* 2022-23 */
			p->k = PK_YSPAN;
			p->y2 = y - y % 100 + nn;
		} else if (nn >= 1 && nn <= 12) { /* 2023-05 */
			p->k = PK_MONTH;
			p->m = nn;
		} else {
			return M_NO;
		}
		fin(c, p, j + 2);
	}
	return M_OK;
}

static int pt_vague(ctx *c, int i, pt *p)
{
	int which, j = i + 1, y, k;
	size_t end;

	if (isw(c, i, "begin"))
		which = 0;
	else if (isw(c, i, "medio") || isw(c, i, "midden") || isw(c, i, "half"))
		which = 1;
	else if (isw(c, i, "eind") || isw(c, i, "einde"))
		which = 2;
	else
		return M_NO;
	if (isw(c, j, "van"))
		j++;
	if (year_at(c, j, true, &y, &k, &end)) {
		memset(p, 0, sizeof *p);
		(void)which;
		p->k = PK_YEAR;
		p->y = y;
		p->start = i;
		p->next = k;
		p->end = end;
		return M_OK;
	}
	k = pt_text(c, j, p);
	if (k != M_OK || p->k != PK_MONTH)
		return k == M_BAD ? M_BAD : M_NO;
	p->bare = false;
	p->start = i;
	return M_OK;
}

static int pt_season(ctx *c, int i, pt *p)
{
	static const struct { const char *w; int m; } seasons[] = {
		{"voorjaar", 3}, {"lente", 3}, {"zomer", 6}, {"najaar", 9},
		{"herfst", 9}, {"winter", 12}};
	int m = 0, j = i + 1, y, k, y2, k2;
	size_t end, end2;

	for (size_t s = 0; s < sizeof seasons / sizeof seasons[0]; s++)
		if (isw(c, i, seasons[s].w))
			m = seasons[s].m;
	if (!m)
		return M_NO;
	if (isw(c, j, "van") || isw(c, j, "in"))
		j++;
	if (!year_at(c, j, true, &y, &k, &end))
		return M_NO;
	if (m == 12 && (isp(c, k, '-') || isp(c, k, '/')) &&
	    year_at(c, k + 1, true, &y2, &k2, &end2) && y2 == y + 1) {
		k = k2; /* winter 2016-2017 */
		end = end2;
	}
	memset(p, 0, sizeof *p);
	p->k = PK_MSPAN;
	p->y = y;
	p->m = m;
	p->m2 = m + 2;
	p->start = i;
	p->next = k;
	p->end = end;
	return M_OK;
}

static int conn_at(ctx *c, int i, int *next);

/* An ordinal 1..4 at i ("derde", "3e", "3de", "laatste" = 0). */
static int ord_at(ctx *c, int i, int *next)
{
	const nld_tok *t = tk(c, i);
	int o;

	if (!t)
		return -1;
	if (t->kind == NLD_WORD && isw(c, i, "laatste")) {
		*next = i + 1;
		return 0;
	}
	if (t->kind == NLD_WORD && (o = nld_ordinal_word(t->w)) > 0) {
		*next = i + 1;
		return o;
	}
	if (isnum(c, i, 1) && t->val >= 1 && t->val <= 4 && glued(c, i + 1) &&
	    (isw(c, i + 1, "e") || isw(c, i + 1, "ste") || isw(c, i + 1, "de"))) {
		*next = i + 2;
		return (int)t->val;
	}
	return -1;
}

static int pt_quarter(ctx *c, int i, pt *p)
{
	int o, unit = 0, j, k, y;
	size_t end;

	memset(p, 0, sizeof *p);
	p->start = i;
	if ((isw(c, i, "q") || isw(c, i, "h")) && glued(c, i + 1) &&
	    isnum(c, i + 1, 1)) {
		unit = isw(c, i, "q") ? 3 : 6;
		o = (int)tk(c, i + 1)->val;
		j = i + 2;
		if (isp(c, j, '-') || isp(c, j, '\''))
			j++;
	} else {
		if ((o = ord_at(c, i, &j)) < 0)
			return M_NO;
		if (isw(c, j, "kwartaal")) {
			unit = 3;
			j++;
		} else if (isw(c, j, "helft") || isw(c, j, "halfjaar")) {
			unit = 6;
			j++;
		} else if (isw(c, j, "half") && isw(c, j + 1, "jaar")) {
			unit = 6;
			j += 2;
		} else if (o > 0 && conn_at(c, j, &k) != C_NONE) {
			p->k = PK_ORD;
			p->bare = true;
			p->ord = o;
			fin(c, p, j);
			return M_OK;
		} else {
			return M_NO;
		}
		if (o == 0)
			o = 12 / unit;
		if (isw(c, j, "van") || isw(c, j, "in"))
			j++;
	}
	if (o < 1 || o > 12 / unit || !year_at(c, j, true, &y, &k, &end))
		return M_NO;
	p->k = PK_MSPAN;
	p->y = y;
	p->unit = unit;
	p->ord = o;
	p->m = (o - 1) * unit + 1;
	p->m2 = o * unit;
	p->next = k;
	p->end = end;
	return M_OK;
}

static int pt_decade(ctx *c, int i, pt *p)
{
	const nld_tok *t;
	int j = i + 1, y;

	if (!isw(c, i, "jaren"))
		return M_NO;
	if (isp(c, j, '\''))
		j++;
	t = tk(c, j);
	if (!t)
		return M_NO;
	if (t->kind == NLD_NUM && t->nd == 2 && t->val % 10 == 0)
		y = (int)t->val + (t->val <= 10 ? 2000 : 1900);
	else if (t->kind == NLD_NUM && t->nd == 4 && t->val % 10 == 0 &&
		 t->val >= 1900 && t->val <= 2090)
		y = (int)t->val;
	else if (t->kind == NLD_WORD && nld_decade_word(t->w) > 0)
		y = 1900 + nld_decade_word(t->w);
	else
		return M_NO;
	if (glued(c, j + 1) && tk(c, j + 1)->kind != NLD_PUNCT)
		return M_NO;
	memset(p, 0, sizeof *p);
	p->k = PK_YSPAN;
	p->y = y;
	p->y2 = y + 9;
	p->start = i;
	fin(c, p, j + 1);
	return M_OK;
}

/* One point at token i; first: it opens the expression. */
static int point(ctx *c, int i, bool first, pt *p)
{
	const nld_tok *before;
	bool fn;
	int r;

	if ((r = pt_numeric(c, i, p)) != M_NO)
		return r;
	if ((r = pt_text(c, i, p)) != M_NO)
		return r;
	if ((r = pt_vague(c, i, p)) != M_NO)
		return r;
	if ((r = pt_season(c, i, p)) != M_NO)
		return r;
	if ((r = pt_quarter(c, i, p)) != M_NO)
		return r;
	if ((r = pt_decade(c, i, p)) != M_NO)
		return r;
	before = i > 0 ? tk(c, i - 1) : c->prev;
	fn = !first || (before && before->kind == NLD_WORD &&
			nld_year_prefix(before->w));
	if ((r = pt_year(c, i, fn, p)) != M_NO)
		return r;
	if (first && isnum(c, i, 2) && !glued_number_left(c, i, ".,-/")) {
		memset(p, 0, sizeof *p); /* "15" of "15 t/m 21 november" */
		p->k = PK_DAYNUM;
		p->bare = true;
		p->d = (int)tk(c, i)->val;
		p->start = i;
		fin(c, p, i + 1);
		if (glued(c, i + 1) && isp(c, i + 1, '.'))
			fin(c, p, i + 2);
		return M_OK;
	}
	return M_NO;
}

static int conn_at(ctx *c, int i, int *next)
{
	const nld_tok *t = tk(c, i);

	if (!t)
		return C_NONE;
	*next = i + 1;
	if (t->kind == NLD_PUNCT && t->c == '-' && !t->nl)
		return C_DASH;
	if (t->kind == NLD_PUNCT && t->c == '/' && !t->nl)
		return C_SLASH;
	if (t->kind == NLD_PUNCT && t->c == '+' && !t->nl)
		return C_EN; /* "26+27 mei" */
	if (isw(c, i, "t") && glued(c, i + 1) && isp(c, i + 1, '/') &&
	    glued(c, i + 2) && isw(c, i + 2, "m")) {
		*next = i + 3;
		if (glued(c, i + 3) && isp(c, i + 3, '.'))
			*next = i + 4;
		return C_TM;
	}
	if (isw(c, i, "tm"))
		return C_TM;
	if (isw(c, i, "tot")) {
		if (isw(c, i + 1, "en") && isw(c, i + 2, "met")) {
			*next = i + 3;
			return C_TM;
		}
		return C_TOT;
	}
	if (isw(c, i, "en"))
		return C_EN;
	return C_NONE;
}

/* Gives p its year from ref when it has none or is relative (jl., a.s.). */
static int pin_year(ctx *c, pt *p)
{
	const rr_date *r = c->ref;
	int cmp;

	if (p->y && !p->rel)
		return M_OK;
	if (!r || r->prec == RR_PREC_NONE || (p->rel && r->prec != RR_PREC_DAY)) {
		c->why = p->rel ? why_rel : why_noyear;
		return M_NEED;
	}
	p->y = r->y;
	if (!p->rel) {
		c->yearless = true;
		return M_OK;
	}
	cmp = p->m != r->m ? p->m - r->m : p->k == PK_DAY ? p->d - r->d : 0;
	if ((p->rel < 0 && cmp > 0) || (p->rel > 0 && cmp < 0))
		p->y += p->rel;
	for (int n = 0; n < 8 && p->k == PK_DAY && !rr_ymd_valid(p->y, p->m, p->d);
	     n++)
		p->y += p->rel; /* 29 februari jl. */
	return M_OK;
}

static void to_dates(const pt *p, rr_date *s, rr_date *e)
{
	e->prec = RR_PREC_NONE;
	e->y = e->m = e->d = 0;
	switch (p->k) {
	case PK_DAY: *s = rr_date_day(p->y, p->m, p->d); break;
	case PK_MONTH: *s = rr_date_month(p->y, p->m); break;
	case PK_MSPAN:
		*s = rr_date_month(p->y, p->m);
		*e = rr_date_month(p->y + (p->m2 - 1) / 12, (p->m2 - 1) % 12 + 1);
		break;
	case PK_YSPAN:
		*s = rr_date_year(p->y);
		*e = rr_date_year(p->y2);
		break;
	default: *s = rr_date_year(p->y); break;
	}
}

static int check_day(ctx *c, const pt *p)
{
	if (p->k == PK_DAY && !rr_ymd_valid(p->y, p->m, p->d)) {
		c->why = why_noday;
		c->bad_end = p->end;
		return M_BAD;
	}
	return M_OK;
}

static int single(ctx *c, pt *a, rr_nldate *out)
{
	int r;

	if (a->bare && !(a->k == PK_MONTH && (c->flags & RR_NLD_BARE_MONTH) && c->ref &&
			 c->ref->prec != RR_PREC_NONE))
		return M_NO;
	if ((r = pin_year(c, a)) != M_OK || (r = check_day(c, a)) != M_OK)
		return r;
	to_dates(a, &out->start, &out->end);
	out->off = tk(c, a->start)->off;
	out->len = a->end - out->off;
	return M_OK;
}

static int range(ctx *c, pt *a, int conn, pt *b, rr_nldate *out)
{
	rr_date as, ae, bs, be;
	bool a_from_b, b_from_a = false, daynum = a->k == PK_DAYNUM;
	int r;

	if (b->k == PK_DAYNUM || b->k == PK_ORD)
		return M_NO;
	if (daynum) {
		if (b->k != PK_DAY)
			return M_NO;
		a->k = PK_DAY;
		a->m = b->m;
	} else if (a->k == PK_ORD) {
		if (!b->unit || a->ord > 12 / b->unit)
			return M_NO;
		a->k = PK_MSPAN;
		a->unit = b->unit;
		a->m = (a->ord - 1) * b->unit + 1;
		a->m2 = a->ord * b->unit;
	} else if (a->bare && a->k == PK_MONTH && b->k != PK_DAY &&
		   b->k != PK_MONTH && b->k != PK_MSPAN) {
		return M_NO;
	}
	a_from_b = !a->y && !a->rel;
	if (!b->y && !b->rel && a->y) {
		b->y = a->y;
		b_from_a = true;
	}
	if ((r = pin_year(c, b)) != M_OK)
		return r;
	if (a_from_b)
		a->y = b->y;
	else if ((r = pin_year(c, a)) != M_OK)
		return r;
	to_dates(a, &as, &ae);
	to_dates(b, &bs, &be);
	if (rr_date_first(&as) > rr_date_first(&bs) && !daynum) {
		if (a_from_b)
			a->y--;
		else if (b_from_a)
			b->y++;
	}
	if ((r = check_day(c, a)) != M_OK || (r = check_day(c, b)) != M_OK)
		return r;
	to_dates(a, &as, &ae);
	to_dates(b, &bs, &be);
	if (be.prec == RR_PREC_NONE)
		be = bs;
	if (rr_date_first(&as) >= rr_date_first(&bs) ||
	    rr_date_last(&as) > rr_date_last(&be))
		return M_NO;
	if (conn == C_EN && !c->tussen &&
	    (a->k != PK_DAY || b->k != PK_DAY ||
	     rr_date_first(&bs) != rr_date_first(&as) + 1)) {
		if (!daynum)
			return M_NO;
		a->bare = false; /* "13 en 20 februari": the 13th alone */
		return single(c, a, out);
	}
	out->start = as;
	out->end = be;
	out->off = tk(c, a->start)->off;
	out->len = b->end - out->off;
	return M_OK;
}

static bool vertrek_word(const char *w)
{
	return strcmp(w, "vertrek") == 0 || strcmp(w, "vertrekdatum") == 0 ||
	       strcmp(w, "heenreis") == 0;
}

static bool retour_word(const char *w)
{
	static const char *const ws[] = {"retour", "retourdatum", "terug",
		"terugreis", "terugkomst", "terugkeer", "thuiskomst", NULL};
	for (int i = 0; ws[i]; i++)
		if (strcmp(w, ws[i]) == 0)
			return true;
	return false;
}

/* "Vertrek 13 mei 2023, retour 19 mei 2023" */
static int vertrek(ctx *c, rr_nldate *out)
{
	pt a, b;
	int j = 1, skip;

	if (isp(c, j, ':'))
		j++;
	if (isw(c, j, "op"))
		j++;
	if (point(c, j, false, &a) != M_OK || a.k != PK_DAY)
		return M_NO;
	j = a.next;
	for (skip = 0; skip < 3 && (isp(c, j, ',') || isp(c, j, ';') ||
				    isw(c, j, "en") || isp(c, j, '-')); skip++)
		j++;
	if (!tk(c, j) || tk(c, j)->kind != NLD_WORD || !retour_word(tk(c, j)->w))
		return M_NO;
	j++;
	if (isp(c, j, ':'))
		j++;
	if (isw(c, j, "op"))
		j++;
	if (point(c, j, false, &b) != M_OK || b.k != PK_DAY)
		return M_NO;
	out->off = tk(c, a.start)->off;
	out->len = b.end - out->off;
	return range(c, &a, C_TM, &b, out);
}

/* "vorig jaar", "dit (herdenkings)jaar", "volgend jaar", "vorige maand",
 * "deze maand", "volgende week", "vandaag", "gisteren", "morgen": relative
 * to ref, as precise as ref allows (a week against a month-precise ref is
 * only its year). Without ref: not a date (M_NEED). */
static int relative(ctx *c, rr_nldate *out)
{
	static const struct { const char *w; int d; } dirs[] = {{"vorig", -1}, {"vorige", -1},
		{"afgelopen", -1}, {"dit", 0}, {"deze", 0}, {"volgend", 1}, {"volgende", 1},
		{"komend", 1}, {"komende", 1}};
	const nld_tok *t = tk(c, 0), *u = tk(c, 1);
	const rr_date *r = c->ref;
	int dir = 2, unit = 0; /* 1 day, 2 week, 3 month, 4 year */
	size_t end;

	if (!t || t->kind != NLD_WORD)
		return M_NO;
	if (!strcmp(t->w, "vandaag") || !strcmp(t->w, "gisteren") || !strcmp(t->w, "morgen")) {
		dir = t->w[0] == 'v' ? 0 : t->w[0] == 'g' ? -1 : 1;
		unit = 1;
		end = t->off + t->len;
	} else {
		for (size_t k = 0; k < sizeof dirs / sizeof dirs[0]; k++)
			if (!strcmp(t->w, dirs[k].w))
				dir = dirs[k].d;
		if (dir == 2 || !u || u->kind != NLD_WORD)
			return M_NO;
		size_t n = strlen(u->w);
		if (!strcmp(u->w, "week"))
			unit = 2;
		else if (!strcmp(u->w, "maand"))
			unit = 3;
		else if (!strcmp(u->w, "jaar") || (dir == 0 && n > 4 && !strcmp(u->w + n - 4, "jaar")))
			unit = 4; /* "dit herdenkingsjaar" */
		else
			return M_NO;
		end = u->off + u->len;
	}
	out->off = t->off;
	out->len = end - t->off;
	if (!r || r->prec == RR_PREC_NONE || (unit == 1 && r->prec != RR_PREC_DAY) ||
	    (unit == 3 && r->prec < RR_PREC_MONTH)) {
		c->why = why_rel;
		return M_NEED;
	}
	c->yearless = true;
	switch (unit) {
	case 1:
		out->start = rr_date_add_days(r, dir);
		break;
	case 2:
		if (r->prec == RR_PREC_DAY) {
			long day = rr_date_first(r) + 7L * dir;
			long mon = day - ((day + 3) % 7 + 7) % 7; /* 1970-01-01 was a Thursday */
			out->start = rr_date_from_days(mon);
			out->end = rr_date_from_days(mon + 6);
		} else {
			out->start = rr_date_year(r->y);
		}
		break;
	case 3: {
		int m = r->m + dir, y = r->y;
		if (m < 1) {
			m += 12;
			y--;
		} else if (m > 12) {
			m -= 12;
			y++;
		}
		out->start = rr_date_month(y, m);
		break;
	}
	default:
		out->start = rr_date_year(r->y + dir);
		break;
	}
	return M_OK;
}

static int match(ctx *c, rr_nldate *out)
{
	pt a, b;
	int i = 0, r, conn, k;
	const nld_tok *t = tk(c, 0);

	if ((r = relative(c, out)) != M_NO)
		return r;

	if (t && t->kind == NLD_WORD && vertrek_word(t->w) &&
	    (r = vertrek(c, out)) != M_NO)
		return r;
	if (isw(c, 0, "tussen")) {
		c->tussen = true;
		i = 1;
	}
	if ((r = point(c, i, true, &a)) != M_OK)
		return c->tussen ? M_NO : r;
	out->off = tk(c, a.start)->off;
	out->len = a.end - out->off;
	conn = conn_at(c, a.next, &k);
	if (conn != C_NONE) {
		r = point(c, k, false, &b);
		if (r == M_OK && !b.bare) {
			r = range(c, &a, conn, &b, out);
			if (r == M_NEED)
				out->len = b.end - out->off;
			if (r != M_NO)
				return r;
		} else if (r == M_BAD && a.bare) {
			return M_BAD;
		}
	}
	if (c->tussen)
		return M_NO;
	return single(c, &a, out);
}

int nld_match_at(const char *s, size_t n, size_t off, const nld_tok *prev,
		 const rr_date *ref, unsigned flags, rr_nldate *out, const char **why,
		 size_t *bad_end)
{
	ctx c;
	int r;

	memset(&c, 0, sizeof c);
	nld_win_init(&c.w, s, n, off);
	c.ref = ref;
	c.flags = flags;
	c.prev = prev;
	r = match(&c, out);
	out->yearless = r == M_OK && c.yearless;
	*why = c.why;
	*bad_end = c.bad_end;
	return r == M_OK ? NLD_M_OK : r == M_BAD ? NLD_M_BAD
		: r == M_NEED ? NLD_M_NEED : NLD_M_NO;
}
