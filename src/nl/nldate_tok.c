/* nldate_tok.c - the tokenizer and keyword tables of the Dutch date parser. */
#include "nldate_int.h"
#include "../util/utf8.h"

#include <string.h>

/* The character at s[at] (at < n) and its length; an invalid byte reads
 * as one byte of U+FFFD, so the scanner always moves on. */
static size_t u8dec(const unsigned char *s, size_t n, size_t at, unsigned *cp)
{
	uint32_t c;
	size_t l = rr_utf8_decode(s + at, n - at, &c);
	*cp = l ? c : 0xFFFD;
	return l ? l : 1;
}

enum { CL_SPACE, CL_NL, CL_DIGIT, CL_LETTER, CL_SUP, CL_PUNCT };

static int classify(unsigned cp, char *mark)
{
	*mark = '?';
	if (cp == '\n' || cp == 0x2028 || cp == 0x2029)
		return CL_NL;
	if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v' ||
	    cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
	    cp == 0x205F || cp == 0x3000 || cp == 0xFEFF)
		return CL_SPACE;
	if (cp >= '0' && cp <= '9')
		return CL_DIGIT;
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
		return CL_LETTER;
	if (cp == 0xB9 || cp == 0xB2 || cp == 0xB3 || cp == 0x2070 ||
	    (cp >= 0x2074 && cp <= 0x2079))
		return CL_SUP;
	if (cp >= 0xC0 && cp < 0x2000 && cp != 0xD7 && cp != 0xF7)
		return CL_LETTER;
	if (cp < 0x80) {
		*mark = cp == '`' ? '\'' : (char)cp;
		return CL_PUNCT;
	}
	if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212)
		*mark = '-';
	else if (cp == 0x2018 || cp == 0x2019 || cp == 0x2032)
		*mark = '\'';
	else if (cp == 0x20AC)
		*mark = 'E';
	return CL_PUNCT;
}

size_t nld_scan_one(const char *str, size_t n, size_t at, nld_tok *t)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned cp;
	size_t len, wl = 0;
	char mark;
	int cl;

	memset(t, 0, sizeof *t);
	for (;;) {
		if (at >= n) {
			t->kind = NLD_END;
			t->off = n;
			return n;
		}
		len = u8dec(s, n, at, &cp);
		cl = classify(cp, &mark);
		if (cl != CL_SPACE && cl != CL_NL)
			break;
		t->sp = true;
		if (cl == CL_NL)
			t->nl = true;
		at += len;
	}
	t->off = at;
	if (cl == CL_DIGIT) {
		t->kind = NLD_NUM;
		while (at < n && s[at] >= '0' && s[at] <= '9') {
			if (t->val < NLD_NUM_MAX)
				t->val = t->val * 10 + (s[at] - '0');
			if (t->nd < 1000)
				t->nd++;
			at++;
		}
	} else if (cl == CL_LETTER) {
		t->kind = NLD_WORD;
		while (at < n) {
			len = u8dec(s, n, at, &cp);
			if (classify(cp, &mark) != CL_LETTER)
				break;
			for (size_t i = 0; i < len; i++) {
				unsigned char b = s[at + i];
				if (b >= 'A' && b <= 'Z')
					b = (unsigned char)(b - 'A' + 'a');
				if (wl < NLD_WMAX - 1)
					t->w[wl] = (char)b;
				wl++;
			}
			at += len;
		}
		if (wl >= NLD_WMAX - 1)
			t->w[0] = '\0';
		else
			t->w[wl] = '\0';
	} else {
		t->kind = cl == CL_SUP ? NLD_SUP : NLD_PUNCT;
		t->c = mark;
		at += len;
	}
	t->len = at - t->off;
	return at;
}

void nld_win_init(nld_win *w, const char *s, size_t n, size_t at)
{
	w->s = s;
	w->n = n;
	w->pos = at;
	w->nt = 0;
	w->done = false;
}

const nld_tok *nld_win_tok(nld_win *w, int i)
{
	if (i < 0 || i >= NLD_WIN)
		return NULL;
	while (w->nt <= i && !w->done) {
		nld_tok *t = &w->t[w->nt];
		w->pos = nld_scan_one(w->s, w->n, w->pos, t);
		if (t->kind == NLD_END)
			w->done = true;
		else
			w->nt++;
	}
	return i < w->nt ? &w->t[i] : NULL;
}

bool nld_is_letter_byte(unsigned char b)
{
	return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b >= 0x80;
}

static int in_list(const char *w, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (strcmp(w, list[i]) == 0)
			return i;
	return -1;
}

int nld_month(const char *w, bool *abbr)
{
	static const char *const full[] = {"januari", "februari", "maart",
		"april", "mei", "juni", "juli", "augustus", "september",
		"oktober", "november", "december", NULL};
	static const struct { const char *w; int m; } ab[] = {
		{"jan", 1}, {"feb", 2}, {"febr", 2}, {"mrt", 3}, {"apr", 4},
		{"jun", 6}, {"jul", 7}, {"aug", 8}, {"sep", 9}, {"sept", 9},
		{"okt", 10}, {"nov", 11}, {"dec", 12},
		/* English, as web pages date their posts: "Thu, 07 Nov 2013" */
		{"mar", 3}, {"oct", 10}};
	static const struct { const char *w; int m; } english[] = {
		{"january", 1}, {"february", 2}, {"march", 3}, {"may", 5}, {"june", 6},
		{"july", 7}, {"august", 8}, {"october", 10}};
	int i = in_list(w, full);

	*abbr = false;
	if (i >= 0)
		return i + 1;
	for (size_t k = 0; k < sizeof english / sizeof english[0]; k++)
		if (strcmp(w, english[k].w) == 0)
			return english[k].m;
	for (size_t k = 0; k < sizeof ab / sizeof ab[0]; k++)
		if (strcmp(w, ab[k].w) == 0) {
			*abbr = true;
			return ab[k].m;
		}
	return 0;
}

bool nld_weekday(const char *w)
{
	static const char *const days[] = {"maandag", "dinsdag", "woensdag",
		"donderdag", "vrijdag", "zaterdag", "zondag", NULL};
	static const char *const parts[] = {"", "ochtend", "morgen", "middag",
		"avond", "nacht", NULL};

	for (int i = 0; days[i]; i++) {
		size_t k = strlen(days[i]);
		if (strncmp(w, days[i], k) == 0 && in_list(w + k, parts) >= 0)
			return true;
	}
	return false;
}

int nld_ordinal_word(const char *w)
{
	static const char *const ord[] = {"eerste", "tweede", "derde", "vierde",
		NULL};
	return in_list(w, ord) + 1;
}

int nld_decade_word(const char *w)
{
	static const char *const dec[] = {"twintig", "dertig", "veertig",
		"vijftig", "zestig", "zeventig", "tachtig", "negentig", NULL};
	int i = in_list(w, dec);
	return i < 0 ? -1 : (i + 2) * 10;
}

bool nld_year_prefix(const char *w)
{
	static const char *const pre[] = {"in", "sinds", "vanaf", "per", "van",
		"tot", "anno", "jaar", "begin", "medio", "eind", "voor", "na",
		"sedert", NULL};
	return in_list(w, pre) >= 0;
}

bool nld_count_noun(const char *w)
{
	static const char *const nouns[] = {"euro", "eur", "inwoners", "mensen",
		"deelnemers", "bezoekers", "banen", "studenten", "medewerkers",
		"bedrijven", "km", "m", "kg", "uur", "keer", "stuks", "personen",
		"leerlingen", "woningen", "ton", "fte", NULL};
	return in_list(w, nouns) >= 0;
}
