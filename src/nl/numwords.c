/* numwords.c - Dutch numbers written as words (numwords.h). */
#include "numwords.h"

#include <string.h>

static const char *const units[] = {"geen", "een", "twee", "drie", "vier", "vijf", "zes",
	"zeven", "acht", "negen", "tien", "elf", "twaalf", "dertien", "veertien", "vijftien",
	"zestien", "zeventien", "achttien", "negentien", NULL};
static const char *const tens[] = {"", "", "twintig", "dertig", "veertig", "vijftig",
	"zestig", "zeventig", "tachtig", "negentig", NULL};

static long lookup(const char *const *l, const char *w, size_t n)
{
	for (long i = 0; l[i]; i++)
		if (strlen(l[i]) == n && l[i][0] && !strncmp(l[i], w, n))
			return i;
	return -1;
}

/* 0..99 from w[0..n) */
static long below_hundred(const char *w, size_t n)
{
	long v = lookup(units, w, n);
	if (v >= 0)
		return v;
	if ((v = lookup(tens, w, n)) >= 0)
		return v * 10;
	/* "vijfentwintig", "tweeentwintig" (folded from tweeëntwintig) */
	for (long t = 2; tens[t]; t++) {
		size_t tl = strlen(tens[t]);
		if (n > tl + 2 && !strncmp(w + n - tl, tens[t], tl) && w[n - tl - 2] == 'e' &&
		    w[n - tl - 1] == 'n') {
			long u = lookup(units, w, n - tl - 2);
			if (u < 0 && n - tl - 3 > 0 && w[n - tl - 3] == 'e')
				u = lookup(units, w, n - tl - 3); /* "twee" + "ën" */
			if (u >= 1 && u <= 9)
				return t * 10 + u;
		}
	}
	return -1;
}

long rr_number_word(const char *f)
{
	size_t n = f ? strlen(f) : 0;
	long v;
	if (!n || n > 40)
		return -1;
	if ((v = below_hundred(f, n)) >= 0)
		return v;
	if (!strcmp(f, "honderd"))
		return 100;
	if (!strcmp(f, "duizend"))
		return 1000;
	/* "tweehonderd", "honderdvijftig" */
	const char *h = strstr(f, "honderd");
	if (h) {
		long a = h == f ? 1 : below_hundred(f, (size_t)(h - f));
		long b = h[7] ? below_hundred(h + 7, strlen(h + 7)) : 0;
		if (a >= 1 && a <= 9 && b >= 0)
			return a * 100 + b;
	}
	return -1;
}

long rr_ordinal_word(const char *f)
{
	static const struct { const char *w; long v; } irregular[] = {
		{"eerste", 1}, {"tweede", 2}, {"derde", 3}, {"vierde", 4}, {"vijfde", 5},
		{"zesde", 6}, {"zevende", 7}, {"achtste", 8}, {"negende", 9}, {"tiende", 10},
		{"elfde", 11}, {"twaalfde", 12}, {"honderdste", 100}};
	size_t n = f ? strlen(f) : 0;
	for (size_t i = 0; i < sizeof irregular / sizeof irregular[0]; i++)
		if (!strcmp(irregular[i].w, f))
			return irregular[i].v;
	/* "dertiende", "twintigste", "vijfentwintigste" */
	if (n > 4 && !strcmp(f + n - 2, "de")) {
		long v = below_hundred(f, n - 2);
		if (v >= 13 && v <= 19)
			return v;
	}
	if (n > 5 && !strcmp(f + n - 3, "ste")) {
		long v = below_hundred(f, n - 3);
		if (v >= 20)
			return v;
	}
	return -1;
}
