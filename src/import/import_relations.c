/* import_relations.c - agreements signed (MoU, contract, letter of intent,
 * intentieverklaring, sister-city agreement, declaration) and partnerships
 * mentioned with their dates ("sinds 1995 een vriendschapsverdrag met de
 * Chinese provincie Guangdong"; "de in 2013 afgesloten MoU ... van een
 * Friendly City naar een Sister City Agreement"). Sentence by sentence. */
#include "import_int.h"

#include <ctype.h>
#include <string.h>

#include "../nl/nldate.h"

#define SENTENCE_MAX 800

static bool boundary(const char *t, size_t from, size_t to, size_t i)
{
	char c = t[i];
	if (c == '!' || c == '?' || c == ';' || c == '.') {
		size_t k = i, w = 0;
		if (i + 1 < to && !isspace((unsigned char)t[i + 1]))
			return false;
		if (c != '.')
			return true;
		while (k > from && isalpha((unsigned char)t[k - 1]))
			k--, w++;
		/* "o.l.v." and "J." are abbreviations, "jaar." and "2016." are ends */
		return w >= 3 || w == 0;
	}
	if (c == '\n' && i + 1 < to) {
		size_t k = i + 1, p = i;
		while (p > from && (t[p - 1] == ' ' || t[p - 1] == '\t'))
			p--;
		if (p > from && t[p - 1] == ':')
			return true;
		while (k < to && (t[k] == ' ' || t[k] == '\t'))
			k++;
		if (k < to && t[k] == '\n') {
			/* a blank line ends a paragraph, unless it only breaks a long
			 * line in the middle of a sentence (text taken from PDF) */
			size_t ls = p;
			while (ls > from && t[ls - 1] != '\n')
				ls--;
			if (p - ls < 60 || (p > from && strchr(".!?:", t[p - 1])))
				return true;
			return false;
		}
		if (k + 1 < to && (t[k] == '-' || t[k] == '*') && t[k + 1] == ' ')
			return true;
		if (k + 2 < to && (unsigned char)t[k] == 0xE2 && (unsigned char)t[k + 1] == 0x80 &&
		    (unsigned char)t[k + 2] == 0xA2)
			return true;
	}
	return false;
}

void imp_sentence(const char *t, size_t from, size_t to, size_t pos, size_t *s, size_t *e)
{
	size_t a = pos, b = pos;
	while (a > from && pos - a < SENTENCE_MAX && !boundary(t, from, to, a - 1))
		a--;
	while (b < to && b - pos < SENTENCE_MAX && !boundary(t, from, to, b))
		b++;
	if (b < to && t[b] != '\n')
		b++;
	while (a < b && isspace((unsigned char)t[a]))
		a++;
	while (b > a && isspace((unsigned char)t[b - 1]))
		b--;
	/* bullets */
	if (a + 1 < b && (t[a] == '-' || t[a] == '*') && t[a + 1] == ' ')
		a += 2;
	if (a + 3 < b && (unsigned char)t[a] == 0xE2 && (unsigned char)t[a + 1] == 0x80 &&
	    (unsigned char)t[a + 2] == 0xA2)
		a += 3;
	while (a < b && isspace((unsigned char)t[a]))
		a++;
	*s = a;
	*e = b;
}

typedef struct kw {
	const char *word;
	const char *type;
	bool exact_case; /* "MoU": case matters ("mou" is no word for it) */
} kw;

static const kw agreements[] = {
	{"memorandum of understanding", "mou", 0}, {"MoU", "mou", 1}, {"MOU", "mou", 1},
	{"sister city agreement", "sister_city_agreement", 0},
	{"zusterstedenovereenkomst", "sister_city_agreement", 0},
	{"stedenbandovereenkomst", "sister_city_agreement", 0},
	{"letter of intent", "letter_of_intent", 0}, {"LOI", "letter_of_intent", 1},
	{"intentieverklaring", "intention", 0}, {"contract", "contract", 0},
	{"overeenkomst", "contract", 0}, {"political declaration", "declaration", 0},
	{"gezamenlijke verklaring", "declaration", 0},
};

static const char *const sign_verbs[] = {"getekend", "ondertekend", "ondertekening",
	"ondertekenen", "tekenden", "tekende", "ondertekende", "afgesloten", "gesloten",
	"signed", "sloten", NULL};

static size_t find_kw(const char *t, size_t s, size_t e, const kw *k)
{
	size_t n = strlen(k->word);
	if (!k->exact_case)
		return imp_find_word(t, s, e, k->word, true);
	for (size_t i = s; i + n <= e; i++)
		if (!strncmp(t + i, k->word, n) && imp_word_end(t, i + n, e) &&
		    !(i + n < e && t[i + n] >= 'a' && t[i + n] <= 'z'))
			return i;
	return e;
}

static bool has_any(const char *t, size_t s, size_t e, const char *const *words)
{
	for (; *words; words++)
		if (imp_find_word(t, s, e, *words, true) < e)
			return true;
	return false;
}

size_t imp_agreements_find(const char *t, size_t from, size_t to, imp_agreement *out,
			   size_t max)
{
	size_t n = 0, pos = from;

	while (pos < to && n < max) {
		size_t s, e;
		imp_sentence(t, from, to, pos, &s, &e);
		if (e <= pos)
			e = pos + 1;
		if (e > s && has_any(t, s, e, sign_verbs)) {
			const char *seen[8];
			size_t ns = 0;
			for (size_t k = 0; k < sizeof agreements / sizeof agreements[0] && n < max; k++) {
				bool dup = false;
				if (find_kw(t, s, e, &agreements[k]) >= e)
					continue;
				for (size_t q = 0; q < ns; q++)
					if (!strcmp(seen[q], agreements[k].type))
						dup = true;
				/* "sister city agreement" is not also a contract */
				if (!strcmp(agreements[k].word, "overeenkomst") &&
				    (ns || imp_find_word(t, s, e, "deze overeenkomst", false) < e))
					dup = true;
				if (dup)
					continue;
				if (ns < 8)
					seen[ns++] = agreements[k].type;
				out[n].type = agreements[k].type;
				out[n].off = s;
				out[n].len = e - s;
				n++;
			}
		}
		pos = e + 1;
		while (pos < to && isspace((unsigned char)t[pos]))
			pos++;
	}
	return n;
}

