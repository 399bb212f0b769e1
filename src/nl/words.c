/* words.c - a text as words with folding and sentence starts (words.h). */
#include "words.h"

#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "fold.h"

/* Words after which a full stop does not end the sentence. Folded, without
 * their dots: "o.a." is the words "o" and "a". */
static const char *const abbreviations[] = {
	"a", "ca", "bijv", "bv", "d", "dhr", "dr", "drs", "e", "etc", "excl", "evt", "i",
	"ing", "incl", "ir", "jl", "jr", "l", "m", "mevr", "mr", "mw", "n", "nl", "nr", "o",
	"p", "prof", "r", "resp", "s", "sr", "st", "t", "tel", "v", "vs", "z", "zgn",
	"nav", "ivm", "tav", "mbt", "olv", "ong", "blz", "art", "lid", "no", NULL};

static bool is_abbreviation(const char *f)
{
	for (const char *const *a = abbreviations; *a; a++)
		if (!strcmp(*a, f))
			return true;
	return false;
}

static rr_err pool_add(rr_words *ws, const char *s, size_t n, size_t *at)
{
	if (ws->pool_len + n + 1 > ws->pool_cap) {
		size_t nc = ws->pool_cap ? ws->pool_cap * 2 : 4096;
		char *np;
		while (nc < ws->pool_len + n + 1)
			nc *= 2;
		if (!(np = realloc(ws->pool, nc)))
			return RR_ENOMEM;
		ws->pool = np;
		ws->pool_cap = nc;
	}
	*at = ws->pool_len;
	memcpy(ws->pool + ws->pool_len, s, n);
	ws->pool[ws->pool_len + n] = '\0';
	ws->pool_len += n + 1;
	return RR_OK;
}

static rr_err push(rr_words *ws, size_t *cap, const rr_word *w)
{
	if (ws->count >= RR_WORDS_MAX)
		return RR_ETOOBIG;
	if (ws->count == *cap) {
		size_t nc = *cap ? *cap * 2 : 256;
		rr_word *nw = realloc(ws->w, nc * sizeof *nw);
		if (!nw)
			return RR_ENOMEM;
		ws->w = nw;
		*cap = nc;
	}
	ws->w[ws->count++] = *w;
	return RR_OK;
}

/* The ASCII stand-in of a mark. */
static char mark_of(long cp)
{
	if (cp >= 0x21 && cp < 0x7F)
		return cp == '`' ? '\'' : (char)cp;
	switch (cp) {
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
	case 0x2212:
		return '-';
	case 0x2018: case 0x2019: case 0x201A: case 0x2032: case 0xB4:
		return '\'';
	case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
		return '"';
	case 0x2022: case 0x2023: case 0x25AA: case 0x25CF: case 0x25E6: case 0x2043:
	case 0x00B7: case 0x2219:
		return '*';
	case 0x20AC:
		return 'E';
	case 0x2026:
		return '.';
	default:
		return '?';
	}
}

static bool is_upper_cp(long cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
	       (cp >= 0x100 && cp <= 0x17F && !(cp & 1) && cp != 0x138) ||
	       (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F);
}

static long decode(const unsigned char *s, size_t n, size_t *len)
{
	uint32_t cp;
	size_t l = rr_utf8_decode(s, n, &cp);
	*len = l ? l : 1;
	return l ? (long)cp : -1;
}

/* Sentence starts, once all words are known. */
static void mark_sentences(rr_words *ws)
{
	for (size_t i = 0; i < ws->count; i++) {
		rr_word *w = &ws->w[i];
		const rr_word *p = i ? &ws->w[i - 1] : NULL;
		bool starts = !p;
		/* ",,Het is …": the Dutch opening quote of two commas */
		bool opener = (w->flags & RR_W_CAP) || w->kind == RR_W_NUM ||
			      (w->kind == RR_W_PUNCT && strchr("*\"'(-[", w->mark)) ||
			      (w->kind == RR_W_PUNCT && w->mark == ',' && i + 1 < ws->count &&
			       ws->w[i + 1].kind == RR_W_PUNCT && ws->w[i + 1].mark == ',' &&
			       ws->w[i + 1].off == w->off + w->len);
		/* a blank line ends the sentence too, except in text converted from
		 * a PDF with a blank line after every line: "… onder de vlag van
		 * Utrecht Region een" / "economische missie naar …" */
		if (!starts && (w->flags & RR_W_NL)) {
			/* a wrapped line goes on when it starts in lower case after
			 * a word or a comma; any other line break ends the sentence */
			bool lower = w->kind == RR_W_WORD && !(w->flags & RR_W_CAP);
			bool cont = p->kind == RR_W_WORD || p->kind == RR_W_NUM ||
				    (p->kind == RR_W_PUNCT && (p->mark == ',' || p->mark == '-'));
			starts = !(lower && cont);
		}
		if (!starts && p->kind == RR_W_PUNCT && strchr(".!?", p->mark) &&
		    (w->flags & RR_W_SP) && opener) {
			/* the word before the full stop: an abbreviation or an
			 * initial keeps the sentence going */
			const rr_word *b = i >= 2 ? &ws->w[i - 2] : NULL;
			bool keeps = p->mark == '.' && b && b->kind == RR_W_WORD &&
				     !(p->flags & RR_W_SP) &&
				     ((b->flags & RR_W_ABBR) ||
				      (b->len == 1 && (b->flags & RR_W_CAP)));
			starts = !keeps;
		}
		if (starts)
			w->flags |= RR_W_SENT;
	}
}

rr_err rr_words_split(const char *text, size_t n, rr_words *out)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, cap = 0, clen, fl;
	unsigned short pending = 0; /* flags for the next word */
	int newlines = 0;
	char f[8], buf[256];
	rr_err e = RR_OK;

	memset(out, 0, sizeof *out);
	out->text = text;
	out->n = n;
	while (i < n) {
		long cp = decode(s + i, n - i, &clen);
		rr_fold_class c = rr_fold_cp(cp, f, &fl);
		rr_word w;
		if (cp == ' ' || cp == '\t' || cp == '\r' || cp == 0xA0 || cp == 0x2009 ||
		    cp == 0x202F || cp == 0x3000 || cp == '\n' || cp == '\f' || cp == '\v') {
			pending |= RR_W_SP;
			if (cp == '\n' && ++newlines >= 1) {
				pending |= RR_W_NL;
				if (newlines >= 2)
					pending |= RR_W_PARA;
			}
			i += clen;
			continue;
		}
		memset(&w, 0, sizeof w);
		w.off = i;
		w.flags = pending;
		pending = 0;
		newlines = 0;
		if (c == RR_FOLD_WORD) {
			size_t bl = 0, letters = 0, uppers = 0, lower_run = 0;
			bool digits_only = true;
			size_t j = i;
			while (j < n) {
				long cj = decode(s + j, n - j, &clen);
				rr_fold_class cc = rr_fold_cp(cj, f, &fl);
				if (cc == RR_FOLD_IGNORE) {
					j += clen;
					continue;
				}
				if (cc != RR_FOLD_WORD)
					break;
				/* a word is letters or digits, not both switching
				 * mid-way: "2018Brabant" is a number and a word */
				bool dig = cj >= '0' && cj <= '9';
				if (j > i && dig != digits_only)
					break;
				if (j == i)
					digits_only = dig;
				/* text from a PDF loses the space before a capital:
				 * "hetMemorandum", "CityHall" are two words (a run of
				 * two lower-case letters first: "McDonald" stays one; and
				 * a letter after the capital: "CvdK" stays one) */
				if (!dig && is_upper_cp(cj) && lower_run >= 2 && j + clen < n) {
					size_t l2;
					long nx = decode(s + j + clen, n - j - clen, &l2);
					if (rr_fold_cp(nx, f, &fl) == RR_FOLD_WORD && !(nx >= '0' && nx <= '9'))
						break;
					rr_fold_cp(cj, f, &fl); /* f, fl again for this letter */
				}
				lower_run = !dig && !is_upper_cp(cj) ? lower_run + 1 : 0;
				if (!dig) {
					letters++;
					if (is_upper_cp(cj))
						uppers++;
					if (j == i && is_upper_cp(cj))
						w.flags |= RR_W_CAP;
				}
				if (bl + fl < sizeof buf) {
					memcpy(buf + bl, f, fl);
					bl += fl;
				}
				j += clen;
			}
			w.len = j - i;
			w.kind = digits_only ? RR_W_NUM : RR_W_WORD;
			if (letters >= 2 && uppers == letters)
				w.flags |= RR_W_UPPER;
			buf[bl] = '\0';
			if (w.kind == RR_W_WORD && is_abbreviation(buf))
				w.flags |= RR_W_ABBR;
			if ((e = pool_add(out, buf, bl, &w.fold)))
				return e;
			i = j;
		} else {
			w.len = clen;
			w.kind = RR_W_PUNCT;
			w.mark = cp < 0 ? '?' : mark_of(cp);
			if ((e = pool_add(out, "", 0, &w.fold)))
				return e;
			i += clen;
		}
		if ((e = push(out, &cap, &w)))
			return e;
	}
	mark_sentences(out);
	return RR_OK;
}

void rr_words_free(rr_words *ws)
{
	if (!ws)
		return;
	free(ws->w);
	free(ws->pool);
	memset(ws, 0, sizeof *ws);
}

const char *rr_wfold(const rr_words *ws, size_t i)
{
	return i < ws->count ? ws->pool + ws->w[i].fold : "";
}

bool rr_wis(const rr_words *ws, size_t i, const char *f)
{
	return i < ws->count && ws->w[i].kind != RR_W_PUNCT && !strcmp(rr_wfold(ws, i), f);
}

bool rr_wmark(const rr_words *ws, size_t i, char m)
{
	return i < ws->count && ws->w[i].kind == RR_W_PUNCT && ws->w[i].mark == m;
}

bool rr_wglued(const rr_words *ws, size_t i)
{
	return i > 0 && i < ws->count && !(ws->w[i].flags & RR_W_SP);
}

size_t rr_wsent_start(const rr_words *ws, size_t i)
{
	if (i >= ws->count)
		return ws->count;
	while (i > 0 && !(ws->w[i].flags & RR_W_SENT))
		i--;
	return i;
}

size_t rr_wsent_end(const rr_words *ws, size_t i)
{
	if (i >= ws->count)
		return ws->count;
	for (i++; i < ws->count; i++)
		if (ws->w[i].flags & RR_W_SENT)
			break;
	return i;
}

size_t rr_wat(const rr_words *ws, size_t off)
{
	size_t lo = 0, hi = ws->count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ws->w[mid].off + ws->w[mid].len <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
