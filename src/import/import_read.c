/* import_read.c - one reading of a document that every finder shares: its
 * words and sentences, the people named in it, its places and its dates.
 * Year-less dates ("in maart", "van 23 tot 31 mei") take the year of the
 * anchor: the document's own date, else the one year its opening names
 * ("de dienstreizen … in 2016"); without an anchor they are not dates. */
#include "import_int.h"

#include <stdlib.h>
#include <string.h>

#include "../nl/nldate.h"

#define MAX_PEOPLE 512
#define MAX_DATES 4096

/* The one year the first paragraph (or the title) names, if it names one. */
static rr_date opening_year(const char *t, size_t n)
{
	rr_date none = {0, 0, 0, RR_PREC_NONE}, y = none;
	size_t end = 0, lines = 0;
	rr_nldate_iter it;
	rr_nldate d;
	const char *why;
	rr_err e;

	/* the title and the first paragraph: up to the second blank line */
	while (end < n && lines < 2) {
		size_t le = imp_eol(t, end, n);
		size_t s = end, te = le;
		imp_trim(t, &s, &te);
		if (s == te && end > 0)
			lines++;
		end = le + 1;
	}
	if (end > n)
		end = n;
	rr_nldate_iter_init(&it, t, end, NULL);
	while ((e = rr_nldate_next(&it, &d, &why)) != RR_ENOTFOUND) {
		if (e != RR_OK)
			continue;
		if (d.end.prec && d.end.y != d.start.y)
			return none; /* "2006-2007": more than one year */
		if (y.prec && y.y != d.start.y)
			return none;
		y = rr_date_year(d.start.y);
	}
	return y;
}

static rr_err people(imp_read *r)
{
	const rr_words *ws = &r->ws;

	if (!(r->pp = calloc(MAX_PEOPLE, sizeof *r->pp)) || !(r->mask = calloc(ws->count + 1, 1)))
		return RR_ENOMEM;
	r->np = imp_persons_scan(ws, 0, ws->count, r->c->body, r->pp, MAX_PEOPLE);
	for (size_t i = 0; i < r->np; i++)
		for (size_t k = r->pp[i].nw0; k < r->pp[i].nw1; k++)
			r->mask[k] = 1;
	/* a surname named again alone ("Weber beloofde …") is the person too */
	for (size_t k = 0; k < ws->count; k++) {
		if (r->mask[k] || ws->w[k].kind != RR_W_WORD || !(ws->w[k].flags & RR_W_CAP))
			continue;
		for (size_t i = 0; i < r->np; i++) {
			size_t last = r->pp[i].nw1 - 1;
			if (ws->w[last].len > 2 && !strcmp(rr_wfold(ws, k), rr_wfold(ws, last))) {
				r->mask[k] = 1;
				break;
			}
		}
	}
	return RR_OK;
}

/* A date that dates a document, not an event: "(d.d. 8 mei 2017,
 * Kamerstuk …)", "bij brief van 7 juni", "ingekomen op 10 juni". */
static bool document_date(const rr_words *ws, size_t w0)
{
	static const char *const cues[] = {"dd", "brief", "kamerbrief", "gedateerd", "datum",
		"ingekomen", "verzonden", "kenmerk", "kamerstuk", "dagtekening", "ingediend",
		"beantwoord", "verzoek", "gepubliceerd", "gepubliceerde", "verschenen",
		"vastgesteld", "vastgestelde", "aangenomen", NULL};
	for (size_t k = w0 > 8 ? w0 - 8 : 0; k < w0; k++) {
		/* a verb or a full stop between cue and date: another clause */
		if (ws->w[k].kind == RR_W_PUNCT && (ws->w[k].mark == '.' || ws->w[k].mark == ';') &&
		    k + 1 < w0 && !rr_wglued(ws, k))
			return false;
		const char *f = rr_wfold(ws, k);
		for (const char *const *c = cues; *c; c++)
			if (!strcmp(f, *c))
				return true;
		/* "d.d." is the words d and d */
		if (!strcmp(f, "d") && k + 2 < w0 && rr_wis(ws, k + 2, "d"))
			return true;
	}
	return false;
}

static rr_err dates(imp_read *r)
{
	const rr_words *ws = &r->ws;
	rr_nldate_iter it;
	rr_nldate d;
	const char *why;
	rr_err e;

	if (!(r->dm = calloc(MAX_DATES, sizeof *r->dm)))
		return RR_ENOMEM;
	rr_nldate_iter_init(&it, ws->text, ws->n, r->anchor.prec ? &r->anchor : NULL);
	if (r->anchor.prec)
		it.flags = RR_NLD_BARE_MONTH;
	while ((e = rr_nldate_next(&it, &d, &why)) != RR_ENOTFOUND && r->nd < MAX_DATES) {
		imp_date_m *m;
		if (e != RR_OK)
			continue;
		size_t w0 = rr_wat(ws, d.off);
		if (document_date(ws, w0) || (r->doc_len && d.off < r->doc_off + r->doc_len &&
					       d.off + d.len > r->doc_off))
			continue;
		m = &r->dm[r->nd++];
		m->d = d;
		m->w0 = w0;
		m->w1 = rr_wat(ws, d.off + d.len - 1) + 1;
		if (m->w1 > ws->count)
			m->w1 = ws->count;
	}
	return RR_OK;
}

rr_err imp_read_init(imp_read *r, const imp_ctx *c, const rr_date *docdate, size_t doc_off,
		     size_t doc_len)
{
	rr_err e;

	memset(r, 0, sizeof *r);
	r->c = c;
	r->doc_off = doc_off;
	r->doc_len = doc_len;
	if ((e = rr_words_split(c->t, c->n, &r->ws)))
		return e;
	r->anchor = docdate && docdate->prec ? *docdate : opening_year(c->t, c->n);
	if ((e = people(r)) || (e = imp_places_scan(&r->ws, c->body, r->mask, &r->pms)) ||
	    (e = dates(r)))
		return e;
	if (!(r->used = calloc(r->ws.count + 1, 1)))
		return RR_ENOMEM;
	return RR_OK;
}

void imp_read_free(imp_read *r)
{
	rr_words_free(&r->ws);
	free(r->pp);
	free(r->mask);
	imp_pms_free(&r->pms);
	free(r->dm);
	free(r->used);
	memset(r, 0, sizeof *r);
}

void imp_read_use(imp_read *r, size_t off, size_t end)
{
	size_t a = rr_wat(&r->ws, off), b = rr_wat(&r->ws, end);
	for (size_t k = a; k < b && k < r->ws.count; k++)
		r->used[k] = 1;
}

static const char *side_name(imp_side s)
{
	switch (s) {
	case IMP_SIDE_OURS: return "eigen";
	case IMP_SIDE_FOREIGN: return "buitenlands";
	case IMP_SIDE_OTHER: return "ander orgaan";
	default: return "onbekend";
	}
}

void imp_read_explain(const imp_read *r, rr_buf *out)
{
	const rr_words *ws = &r->ws;
	char iso[RR_DATE_ISO_MAX], iso2[RR_DATE_ISO_MAX];
	rr_buf one;

	rr_buf_init(&one, 1 << 16);
	for (size_t s0 = 0; s0 < ws->count;) {
		size_t s1 = rr_wsent_end(ws, s0);
		rr_buf_reset(&one);
		for (size_t i = 0; i < r->pms.n; i++) {
			const imp_pm *m = &r->pms.v[i];
			if (m->w0 < s0 || m->w0 >= s1)
				continue;
			rr_buf_printf(&one, "; plaats %.*s = %s %s%s%s", (int)(m->end - m->off),
				      ws->text + m->off, m->p.country,
				      m->adjective ? "(bijvoeglijk)"
				      : m->p.kind == RR_PLACE_CITY ? "stad"
				      : m->p.kind == RR_PLACE_REGION ? "regio" : "land",
				      m->home ? ", Nederland" : "", m->ours ? ", eigen plaats" : "");
		}
		for (size_t i = 0; i < r->np; i++) {
			const imp_person *p = &r->pp[i];
			if (p->w0 < s0 || p->w0 >= s1)
				continue;
			rr_buf_printf(&one, "; persoon %s (%s, %s)", p->name,
				      p->role[0] ? p->role : "-", side_name(p->side));
		}
		for (size_t i = 0; i < r->nd; i++) {
			const imp_date_m *d = &r->dm[i];
			if (d->w0 < s0 || d->w0 >= s1)
				continue;
			rr_date_iso(&d->d.start, iso);
			rr_date_iso(&d->d.end, iso2);
			rr_buf_printf(&one, "; datum %.*s = %s%s%s%s", (int)d->d.len,
				      ws->text + d->d.off, iso, d->d.end.prec ? ".." : "", iso2,
				      d->d.yearless ? " (jaar van het document)" : "");
		}
		if (one.len)
			rr_buf_printf(out, "  regel %zu: %s\n", imp_lineno(ws->text, ws->w[s0].off),
				      rr_buf_cstr(&one) + 2);
		s0 = s1;
	}
	rr_buf_free(&one);
}
