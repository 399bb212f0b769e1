/* import_gifts_tables.c - gift registers laid out as tables (a row of column
 * names such as Datum, Ontvanger, Omschrijving, Gever, Waarde, Bestemming,
 * then a row per gift, or a cell a line) and as blocks of label lines
 * ("Gever: …"), one gift after another; the running text is import_gifts.c. */
#include "import_gifts_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../nl/fold.h"

enum gcol { G_NONE, G_DATE, G_RECIP, G_DESC, G_GIVER, G_VALUE, G_DISP, G_OCCASION };

/* Does folded f have a word starting with w ("geschatte waarde", not
 * "meerwaarde"; "gever", not "werkgever")? */
static bool has_word(const char *f, const char *w)
{
	for (const char *p = strstr(f, w); p; p = strstr(p + 1, w))
		if (p == f || !isalpha((unsigned char)p[-1]))
			return true;
	return false;
}

static enum gcol gcol_of(const char *t, size_t s, size_t e)
{
	char f[160];
	if (e <= s || e - s > 80)
		return G_NONE;
	size_t n = rr_fold(t + s, e - s, f, sizeof f);
	/* trailing ':' and marks */
	while (n && !isalnum((unsigned char)f[n - 1]))
		f[--n] = '\0';
	if (has_word(f, "gever") || has_word(f, "schenker") || strstr(f, "aangeboden door") ||
	    strstr(f, "gegeven door") || has_word(f, "afzender") || has_word(f, "verstrekker") ||
	    !strcmp(f, "van") || !strcmp(f, "door wie"))
		return G_GIVER;
	if (has_word(f, "ontvanger") || !strcmp(f, "ontvangen door") || !strcmp(f, "naam") ||
	    !strcmp(f, "functionaris") || !strcmp(f, "bestuurder") || !strcmp(f, "wie") ||
	    !strcmp(f, "naam en functie"))
		return G_RECIP;
	if (has_word(f, "waarde"))
		return G_VALUE;
	if (!strcmp(f, "bestemming") || strstr(f, "ermee gedaan") || strstr(f, "er mee gedaan") ||
	    has_word(f, "afhandeling") || !strncmp(f, "bestemming ", 11) ||
	    strstr(f, "wat gebeurt"))
		return G_DISP;
	if (!strcmp(f, "datum") || !strncmp(f, "datum ", 6) || !strcmp(f, "ontvangen op") ||
	    !strcmp(f, "wanneer"))
		return G_DATE;
	if (!strcmp(f, "omschrijving") || strstr(f, "geschenk") || strstr(f, "cadeau") ||
	    !strcmp(f, "gift") || !strcmp(f, "voorwerp") || !strcmp(f, "wat") ||
	    !strncmp(f, "omschrijving ", 13))
		return G_DESC;
	if (!strcmp(f, "aanleiding") || !strcmp(f, "gelegenheid") || !strcmp(f, "evenement"))
		return G_OCCASION;
	return G_NONE;
}

bool imp_gift_column(const char *t, size_t s, size_t e)
{
	char f[160];
	enum gcol c = gcol_of(t, s, e);
	if (c == G_NONE)
		return false;
	rr_fold(t + s, e - s, f, sizeof f);
	/* only a gift register's: not "Naam", "Wie", "Datum", "Omschrijving" */
	return has_word(f, "gever") || has_word(f, "schenker") || has_word(f, "ontvanger") ||
	       has_word(f, "waarde") || strstr(f, "aangeboden door") || strstr(f, "geschenk") ||
	       strstr(f, "cadeau") || !strcmp(f, "gift");
}

typedef struct gtable {
	enum gcol cols[MAX_GCOLS];
	size_t ncols;
	bool specific; /* a column only a gift register has ("Gever", "Waarde") */
} gtable;

static bool gift_table(const gtable *tb)
{
	bool desc = false, giver = false, recip = false;
	size_t other = 0;
	for (size_t i = 0; i < tb->ncols; i++) {
		desc |= tb->cols[i] == G_DESC;
		giver |= tb->cols[i] == G_GIVER;
		recip |= tb->cols[i] == G_RECIP;
		other += tb->cols[i] == G_DATE || tb->cols[i] == G_VALUE || tb->cols[i] == G_DISP ||
			 tb->cols[i] == G_GIVER || tb->cols[i] == G_RECIP;
	}
	return tb->specific && desc && (giver || recip) && other >= 2;
}

typedef imp_line span;

/* A value cell: "€ 75", "75,00", "geschat op € 75"; "onbekend", "< € 50",
 * "n.v.t." are none. */
static bool cell_value(const char *t, size_t s, size_t e, long long *cents)
{
	char f[120];
	imp_amount am;
	if (e <= s || e - s > 100)
		return false;
	rr_fold(t + s, e - s, f, sizeof f);
	if (memchr(t + s, '<', e - s) || memchr(t + s, '>', e - s) || memchr(t + s, '~', e - s))
		return false;
	if (strstr(f, "onbekend") || strstr(f, "minder") ||
	    strstr(f, "meer dan") || strstr(f, "boven") || strstr(f, "vanaf") ||
	    strstr(f, "onder de") || strstr(f, "tussen"))
		return false;
	if (imp_amount_find(t, s, e, &am)) {
		*cents = am.cents;
		return true;
	}
	/* a bare number in a column of euros: "75", "75,00", "1.250" */
	size_t i = s;
	long long whole = 0;
	int frac = 0, fd = 0;
	bool digits = false;
	for (; i < e && whole < 100000000000LL; i++) {
		if (isdigit((unsigned char)t[i])) {
			whole = whole * 10 + (t[i] - '0');
			digits = true;
		} else if (t[i] == '.' && i + 3 < e + 1 && digits) {
			continue;
		} else {
			break;
		}
	}
	if (i < e && t[i] == ',') {
		for (i++; i < e && isdigit((unsigned char)t[i]) && fd < 2; i++, fd++)
			frac = frac * 10 + (t[i] - '0');
		if (fd == 1)
			frac *= 10;
		if (i < e && t[i] == '-')
			i++;
	}
	if (!digits || i != e)
		return false;
	*cents = whole * 100 + frac;
	return true;
}

static bool cell_date(const gx *g, size_t s, size_t e, rr_date *out)
{
	rr_nldate nd;
	const char *why;
	if (e <= s || e - s > 60)
		return false;
	if (rr_nldate_find(g->t, e, s, g->r->anchor.prec ? &g->r->anchor : NULL, &nd, &why) !=
	    RR_OK)
		return false;
	*out = gx_narrow(&nd.start, &nd.end);
	return out->prec != RR_PREC_NONE;
}

static void cell_text(const gx *g, char *out, size_t cap, size_t s, size_t e)
{
	char f[16];
	out[0] = '\0';
	if (e <= s)
		return;
	rr_fold(g->t + s, e - s < 12 ? e - s : 12, f, sizeof f);
	/* "-", "n.v.t.", "onbekend" say nothing */
	if (!strcmp(f, "-") || !strncmp(f, "n.v.t", 5) || !strcmp(f, "nvt") ||
	    !strcmp(f, "onbekend") || !strcmp(f, "?"))
		return;
	imp_copy(out, cap, g->t, s, e);
}

/* One row of a register: the cells of its columns. recip: the person above
 * the table, for a register without a recipient column. */
static void row_gift(gx *g, const gtable *tb, const span *c, size_t n, const char *recip,
		     size_t off, size_t end)
{
	found *x = gx_new_gift(g, rr_wat(g->ws, off), off, end);
	if (!x)
		return;
	x->reg = true;
	for (size_t i = 0; i < n && i < tb->ncols; i++) {
		size_t s = c[i].s, e = c[i].e;
		switch (tb->cols[i]) {
		case G_DATE:
			cell_date(g, s, e, &x->g.date);
			break;
		case G_RECIP:
			cell_text(g, x->g.recipient, sizeof x->g.recipient, s, e);
			break;
		case G_DESC:
			cell_text(g, x->g.description, sizeof x->g.description, s, e);
			break;
		case G_GIVER:
			cell_text(g, x->g.giver, sizeof x->g.giver, s, e);
			break;
		case G_VALUE:
			x->g.has_value = cell_value(g->t, s, e, &x->g.cents);
			break;
		case G_DISP: {
			size_t cue;
			size_t w0 = rr_wat(g->ws, s), w1 = rr_wat(g->ws, e);
			cell_text(g, x->g.note, sizeof x->g.note, s, e);
			if (x->g.note[0]) {
				x->g.disposition = gx_disposition_of(g, w0, w1, &cue);
				char f[40];
				rr_fold(g->t + s, e - s < 30 ? e - s : 30, f, sizeof f);
				if (!x->g.disposition && (!strncmp(f, "ontvanger", 9) || !strncmp(f, "behouden", 8)))
					x->g.disposition = "kept_by_recipient";
			}
			break;
		}
		case G_OCCASION: {
			size_t w0 = rr_wat(g->ws, s), w1 = rr_wat(g->ws, e);
			for (size_t k = w0; k < w1; k++)
				if (is_word(g->ws, k) && word_in(g->ws, k, gx_trip_nouns))
					x->g.during_trip = true;
			x->g.nplaces = imp_places_from(&g->r->pms, s, e, true, x->g.places, 4);
			break;
		}
		default:
			break;
		}
	}
	if (!x->g.recipient[0] && recip)
		snprintf(x->g.recipient, sizeof x->g.recipient, "%s", recip);
	/* a row without a gift is a line of the page, not of the register */
	if (!x->g.description[0])
		g->nf--;
}

typedef imp_line gline;

/* A person alone on the line (a heading: "Burgemeester J. Jansen:"). */
static bool person_line(const gx *g, const gline *l, char *out, size_t cap)
{
	const rr_words *ws = g->ws;
	size_t w0 = rr_wat(ws, l->s), w1 = rr_wat(ws, l->e);
	who w;
	while (w1 > w0 && rr_wmark(ws, w1 - 1, ':'))
		w1--;
	if (w1 <= w0 || w1 - w0 > 8)
		return false;
	if (!(gx_office_phrase(g, w0, w1, 1, &w) || gx_known_person(g, w0, w1, &w)) || w.w1 != w1)
		return false;
	gx_copy_words(g, out, cap, w0, w1);
	return out[0] != '\0';
}

static void recipient_above(const gx *g, const gline *ln, size_t h, char *out, size_t cap)
{
	out[0] = '\0';
	for (size_t k = h; k-- > 0 && h - k <= 2;)
		if (person_line(g, &ln[k], out, cap))
			return;
}

static size_t registers(gx *g, const gline *ln, size_t nl, size_t h)
{
	const char *t = g->t;
	span hc[MAX_GCOLS + 2], c[MAX_GCOLS + 2];
	gtable tb = {0};
	char recip[160];
	size_t n = imp_cells(t, ln[h].s, ln[h].e, hc, MAX_GCOLS + 2), i;

	if (n >= 3) {
		/* rows */
		for (size_t k = 0; k < n && k < MAX_GCOLS; k++) {
			tb.cols[tb.ncols++] = gcol_of(t, hc[k].s, hc[k].e);
			tb.specific |= imp_gift_column(t, hc[k].s, hc[k].e);
		}
		if (!gift_table(&tb))
			return h + 1;
		recipient_above(g, ln, h, recip, sizeof recip);
		for (i = h + 1; i < nl; i++) {
			size_t m = imp_cells(t, ln[i].s, ln[i].e, c, MAX_GCOLS + 2);
			if (!m)
				break;
			if (strspn(t + ln[i].s, "|-: \t") == ln[i].e - ln[i].s)
				continue;
			row_gift(g, &tb, c, m, recip[0] ? recip : NULL, ln[i].s, ln[i].e);
		}
		imp_read_use(g->r, ln[h].s, ln[i - 1].e);
		return i;
	}
	/* flattened: the column names a line each, then the cells */
	for (i = h; i < nl && tb.ncols < MAX_GCOLS; i++) {
		enum gcol col = imp_cells(t, ln[i].s, ln[i].e, c, 2) ? G_NONE : gcol_of(t, ln[i].s, ln[i].e);
		if (col == G_NONE || memchr(t + ln[i].s, ':', ln[i].e - ln[i].s))
			break;
		tb.cols[tb.ncols++] = col;
		tb.specific |= imp_gift_column(t, ln[i].s, ln[i].e);
	}
	if (tb.ncols < 3 || !gift_table(&tb))
		return h + 1;
	recipient_above(g, ln, h, recip, sizeof recip);
	size_t last = ln[i - 1].e;
	while (i + tb.ncols <= nl) {
		/* every cell must fit its column: a date a date, a value a value */
		bool fits = true;
		for (size_t k = 0; k < tb.ncols && fits; k++) {
			const gline *l = &ln[i + k];
			rr_date d;
			long long v;
			char f[16];
			rr_fold(t + l->s, l->e - l->s < 12 ? l->e - l->s : 12, f, sizeof f);
			bool none = !strcmp(f, "-") || !strncmp(f, "onbekend", 8) || !strncmp(f, "n.v.t", 5);
			/* the column names again, or a paragraph: the table ended */
			if (l->e - l->s > 200 || (gcol_of(t, l->s, l->e) == tb.cols[0] && k == 0 &&
						  l->e - l->s < 30 && !cell_date(g, l->s, l->e, &d)))
				fits = false;
			else if (tb.cols[k] == G_DATE && !none && !cell_date(g, l->s, l->e, &d))
				fits = false;
			else if (tb.cols[k] == G_VALUE && !none && !cell_value(t, l->s, l->e, &v) &&
				 !memchr(t + l->s, '<', l->e - l->s) && !memchr(t + l->s, '>', l->e - l->s))
				fits = false;
		}
		if (!fits)
			break;
		for (size_t k = 0; k < tb.ncols; k++)
			c[k] = (span){ln[i + k].s, ln[i + k].e};
		row_gift(g, &tb, c, tb.ncols, recip[0] ? recip : NULL, ln[i].s, ln[i + tb.ncols - 1].e);
		last = ln[i + tb.ncols - 1].e;
		i += tb.ncols;
	}
	imp_read_use(g->r, ln[h].s, last);
	return i;
}

/* Blocks of label lines, one gift each ("Gever: …" again starts the next). */
static size_t blocks(gx *g, const gline *ln, size_t nl, size_t h)
{
	const char *t = g->t;
	gtable tb = {0};
	span c[MAX_GCOLS];
	size_t i = h, first = ln[h].s, last = ln[h].s, gifts = 0;
	bool seen[G_OCCASION + 1] = {false};
	char recip[160];

	recipient_above(g, ln, h, recip, sizeof recip);
	for (; i <= nl; i++) {
		enum gcol col = G_NONE;
		const char *colon = NULL;
		if (i < nl) {
			colon = memchr(t + ln[i].s, ':', ln[i].e - ln[i].s);
			if (colon)
				col = gcol_of(t, ln[i].s, (size_t)(colon - t));
		}
		if (i == nl || col == G_NONE || seen[col]) {
			/* the block so far is one gift */
			if (gift_table(&tb)) {
				row_gift(g, &tb, c, tb.ncols, recip[0] ? recip : NULL, first, last);
				gifts++;
			}
			memset(&tb, 0, sizeof tb);
			memset(seen, 0, sizeof seen);
			if (i == nl || col == G_NONE)
				break;
			first = ln[i].s;
		}
		if (tb.ncols < MAX_GCOLS) {
			size_t s = (size_t)(colon - t) + 1, e = ln[i].e;
			imp_trim(t, &s, &e);
			tb.cols[tb.ncols] = col;
			tb.specific |= imp_gift_column(t, ln[i].s, (size_t)(colon - t));
			c[tb.ncols++] = (span){s, e};
		}
		seen[col] = true;
		last = ln[i].e;
	}
	if (gifts)
		imp_read_use(g->r, ln[h].s, last);
	return gifts ? i : h + 1;
}

rr_err gx_scan_registers(gx *g)
{
	const char *t = g->t;
	size_t n = g->ws->n, nl = 0;
	gline *ln = NULL;

	if (imp_lines(t, n, &ln, &nl))
		return RR_ENOMEM;
	for (size_t i = 0; i < nl;) {
		span c[MAX_GCOLS + 2];
		size_t next = i + 1;
		const char *colon = memchr(t + ln[i].s, ':', ln[i].e - ln[i].s);
		if (imp_cells(t, ln[i].s, ln[i].e, c, MAX_GCOLS + 2) >= 3)
			next = registers(g, ln, nl, i);
		else if (colon && gcol_of(t, ln[i].s, (size_t)(colon - t)) != G_NONE)
			next = blocks(g, ln, nl, i);
		else if (gcol_of(t, ln[i].s, ln[i].e) != G_NONE)
			next = registers(g, ln, nl, i);
		i = next > i ? next : i + 1;
	}
	free(ln);
	return RR_OK;
}

