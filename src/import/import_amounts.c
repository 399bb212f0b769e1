/* import_amounts.c - euro amounts ("€ 10.900", "€10.900,-", "1.250 euro",
 * "EUR 2.500,50", "ongeveer € 16.000", "€ 17,56 miljoen"), who pays
 * ("komen voor rekening van de MRA") and counts ("twee", "2"). Dutch
 * notation: '.' groups thousands, ',' starts the cents. */
#include "import_int.h"

#include <ctype.h>
#include <string.h>

#define MAX_CENTS 100000000000000LL /* a thousand billion euro */

/* Parses a Dutch number at t[pos]: digits with '.' thousands groups and
 * an optional ',' fraction ("10.900", "2.500,50", "17,56", "10.900,-").
 * Returns the end offset, or pos when there is no number. */
static size_t number(const char *t, size_t pos, size_t to, long long *cents)
{
	size_t i = pos;
	long long whole = 0;
	int frac = 0, fd = 0;

	if (i >= to || !isdigit((unsigned char)t[i]))
		return pos;
	while (i < to) {
		if (isdigit((unsigned char)t[i])) {
			if (whole > MAX_CENTS / 1000)
				return pos;
			whole = whole * 10 + (t[i] - '0');
			i++;
		} else if (t[i] == '.' && i + 3 < to && isdigit((unsigned char)t[i + 1]) &&
			   isdigit((unsigned char)t[i + 2]) && isdigit((unsigned char)t[i + 3]) &&
			   (i + 4 >= to || !isdigit((unsigned char)t[i + 4]))) {
			i++; /* thousands separator */
		} else {
			break;
		}
	}
	if (i + 1 < to && t[i] == ',' && isdigit((unsigned char)t[i + 1])) {
		i++;
		while (i < to && isdigit((unsigned char)t[i])) {
			if (fd < 2)
				frac = frac * 10 + (t[i] - '0');
			fd++;
			i++;
		}
		if (fd == 1)
			frac *= 10;
	} else if (i + 1 < to && t[i] == ',' && (t[i + 1] == '-' || t[i + 1] == '=')) {
		i += 2;
		if (i < to && t[i] == '-')
			i++;
	}
	*cents = whole * 100 + frac;
	return i;
}

static size_t skip_sp(const char *t, size_t i, size_t to)
{
	while (i < to && (t[i] == ' ' || t[i] == '\t'))
		i++;
	/* no-break space U+00A0 */
	while (i + 1 < to && (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xA0)
		i = skip_sp(t, i + 2, to);
	return i;
}

/* "miljoen" / "mln" / "duizend" after a number. */
static size_t scale(const char *t, size_t i, size_t to, long long *cents)
{
	size_t j = skip_sp(t, i, to);
	if (imp_prefix(t, j, to, "miljoen") || imp_prefix(t, j, to, "mln")) {
		if (*cents <= MAX_CENTS / 1000000)
			*cents *= 1000000;
		return j + (imp_prefix(t, j, to, "miljoen") ? 7 : 3);
	}
	if (imp_prefix(t, j, to, "duizend")) {
		*cents *= 1000;
		return j + 7;
	}
	return i;
}

static bool approx_before(const char *t, size_t from, size_t pos)
{
	static const char *const words[] = {"ongeveer", "circa", "ca.", "ruim", "bijna",
		"naar schatting", "maximaal", "max.", "±", "+/-", NULL};
	size_t s = pos > from + 20 ? pos - 20 : from;
	for (const char *const *w = words; *w; w++) {
		size_t i = imp_find_word(t, s, pos, *w, true);
		if (i < pos)
			return true;
	}
	return false;
}

bool imp_amount_find(const char *t, size_t from, size_t to, imp_amount *out)
{
	for (size_t i = from; i < to; i++) {
		size_t start = i, j, k;
		long long c = 0;
		/* currency first: €, EUR, euro */
		if ((unsigned char)t[i] == 0xE2 && i + 2 < to && (unsigned char)t[i + 1] == 0x82 &&
		    (unsigned char)t[i + 2] == 0xAC)
			j = i + 3;
		else if (imp_prefix(t, i, to, "euro ") && imp_word_start(t, i))
			j = i + 4;
		else if (imp_prefix(t, i, to, "EUR") && imp_word_start(t, i) &&
			 imp_word_end(t, i + 3, to))
			j = i + 3;
		else
			j = 0;
		if (j) {
			j = skip_sp(t, j, to);
			k = number(t, j, to, &c);
			if (k > j) {
				k = scale(t, k, to, &c);
				out->cents = c;
				out->off = start;
				out->len = k - start;
				out->approx = approx_before(t, from, start);
				return true;
			}
			continue;
		}
		/* number first: "1.250 euro", "12 miljoen euro" */
		if (isdigit((unsigned char)t[i]) && imp_word_start(t, i)) {
			k = number(t, i, to, &c);
			if (k == i)
				continue;
			size_t m = scale(t, k, to, &c);
			size_t q = skip_sp(t, m, to);
			if (imp_prefix(t, q, to, "euro") || imp_prefix(t, q, to, "EUR")) {
				size_t end = q + 4;
				if (imp_prefix(t, q, to, "EUR") && !imp_prefix(t, q, to, "euro"))
					end = q + 3;
				out->cents = c;
				out->off = start;
				out->len = end - start;
				out->approx = approx_before(t, from, start);
				return true;
			}
			i = k > i ? k - 1 : i;
		}
	}
	return false;
}

bool imp_payer_find(const char *t, size_t from, size_t to, size_t *s, size_t *e)
{
	size_t i = imp_find_word(t, from, to, "voor rekening van", false);
	size_t a, b;

	if (i >= to)
		i = imp_find_word(t, from, to, "betaald door", false);
	if (i >= to)
		i = imp_find_word(t, from, to, "vergoed door", false);
	if (i >= to)
		i = imp_find_word(t, from, to, "gedragen door", false);
	if (i >= to) {
		/* "de kosten worden door de gastheren gedragen": the payer between
		 * "door" and the verb, in a clause about costs */
		size_t k = imp_find_word(t, from, to, "kosten", false), d, g;
		if (k >= to || (d = imp_find_word(t, k, to, "door", false)) >= to ||
		    (g = imp_find_word(t, d, to, "gedragen", false)) >= to || g - d > 80)
			return false;
		for (size_t q = k; q < d; q++)
			if (t[q] == '.' || t[q] == ';')
				return false;
		a = skip_sp(t, d + 4, g);
		if (imp_prefix(t, a, g, "de ") || imp_prefix(t, a, g, "het "))
			a = skip_sp(t, a + (t[a + 1] == 'e' && t[a] == 'd' ? 3 : 4), g);
		b = g;
		imp_trim(t, &a, &b);
		for (size_t q = a; q < b; q++)
			if (t[q] == ',' || t[q] == '.')
				return false;
		if (b <= a)
			return false;
		*s = a;
		*e = b;
		return true;
	}
	while (i < to && t[i] != ' ')
		i++;
	/* skip the rest of the phrase: "rekening van", "door" */
	if (imp_prefix(t, i, to, " rekening van"))
		i += 13;
	a = skip_sp(t, i, to);
	if (imp_prefix(t, a, to, "de ") || imp_prefix(t, a, to, "het "))
		a = skip_sp(t, a + (t[a + 1] == 'e' && t[a] == 'd' ? 3 : 4), to);
	b = a;
	while (b < to && t[b] != '.' && t[b] != ',' && t[b] != ';' && t[b] != '\n' &&
	       !(t[b] == ' ' && imp_prefix(t, b, to, " (onderdeel")))
		b++;
	imp_trim(t, &a, &b);
	if (b <= a || b - a > 120)
		return false;
	*s = a;
	*e = b;
	return true;
}

bool imp_count_find(const char *t, size_t from, size_t to, long *n, size_t *off, size_t *len)
{
	static const char *const words[] = {"geen", "een", "twee", "drie", "vier", "vijf",
		"zes", "zeven", "acht", "negen", "tien", "elf", "twaalf", NULL};
	for (size_t i = from; i < to; i++) {
		if (!imp_word_start(t, i))
			continue;
		if (isdigit((unsigned char)t[i])) {
			long v = 0;
			size_t j = i;
			while (j < to && isdigit((unsigned char)t[j]) && v < 100000)
				v = v * 10 + (t[j++] - '0');
			if (!imp_word_end(t, j, to) && !(j < to && t[j] == ' '))
				continue;
			*n = v;
			*off = i;
			*len = j - i;
			return true;
		}
		if (imp_prefix(t, i, to, "één") && imp_word_end(t, i + 5, to)) {
			*n = 1, *off = i, *len = 5;
			return true;
		}
		for (int k = 0; words[k]; k++) {
			size_t l = strlen(words[k]);
			if (imp_prefix(t, i, to, words[k]) && imp_word_end(t, i + l, to)) {
				*n = k;
				*off = i;
				*len = l;
				return true;
			}
		}
	}
	return false;
}
