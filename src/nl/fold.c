/* fold.c - folding of text for comparison (fold.h). */
#include "fold.h"

#include <string.h>

#include "../util/utf8.h"


/* The code point at s[0..n), or -1 for an invalid byte; *len is the number
 * of bytes read (1 for an invalid byte). */
static long decode(const unsigned char *s, size_t n, size_t *len)
{
	uint32_t cp;
	size_t l = rr_utf8_decode(s, n, &cp);
	*len = l ? l : 1;
	return l ? (long)cp : -1;
}

static size_t encode(long cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}


/* U+00C0..U+00FF; NULL: a separator (× ÷) */
static const char *const latin1[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "y",
};

static const struct {
	unsigned short lo, hi;
	const char *to;
} ranges[] = {
	/* Latin Extended-A */
	{0x0100, 0x0105, "a"}, {0x0106, 0x010D, "c"}, {0x010E, 0x0111, "d"},
	{0x0112, 0x011B, "e"}, {0x011C, 0x0123, "g"}, {0x0124, 0x0127, "h"},
	{0x0128, 0x0131, "i"}, {0x0132, 0x0133, "ij"}, {0x0134, 0x0135, "j"},
	{0x0136, 0x0138, "k"}, {0x0139, 0x0142, "l"}, {0x0143, 0x014B, "n"},
	{0x014C, 0x0151, "o"}, {0x0152, 0x0153, "oe"}, {0x0154, 0x0159, "r"},
	{0x015A, 0x0161, "s"}, {0x0162, 0x0167, "t"}, {0x0168, 0x0173, "u"},
	{0x0174, 0x0175, "w"}, {0x0176, 0x0178, "y"}, {0x0179, 0x017E, "z"},
	{0x017F, 0x017F, "s"},
	/* Latin Extended-B, the Romanian letters with comma below */
	{0x0218, 0x0219, "s"}, {0x021A, 0x021B, "t"},
	/* ligatures */
	{0xFB00, 0xFB00, "ff"}, {0xFB01, 0xFB01, "fi"}, {0xFB02, 0xFB02, "fl"},
	{0xFB03, 0xFB03, "ffi"}, {0xFB04, 0xFB04, "ffl"}, {0xFB05, 0xFB06, "st"},
};

/* The class of cp; for WORD, its folded UTF-8 in out (*n bytes). */
rr_fold_class rr_fold_cp(long cp, char out[8], size_t *n)
{
	*n = 0;
	if (cp < 0)
		return RR_FOLD_SEP;
	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
			out[0] = (char)cp;
			*n = 1;
			return RR_FOLD_WORD;
		}
		return cp == '\'' || cp == '`' ? RR_FOLD_APOS : RR_FOLD_SEP;
	}
	if (cp == 0xAD || (cp >= 0x0300 && cp <= 0x036F) || cp == 0x200C || cp == 0x200D ||
	    cp == 0x2060 || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0000 && cp <= 0xE007F))
		return RR_FOLD_IGNORE;
	if (cp == 0xB4 || cp == 0x2018 || cp == 0x2019 || cp == 0x02BC)
		return RR_FOLD_APOS;
	if (cp < 0xC0)
		return RR_FOLD_SEP;
	if (cp <= 0xFF) {
		const char *f = latin1[cp - 0xC0];
		if (!f)
			return RR_FOLD_SEP;
		*n = strlen(f);
		memcpy(out, f, *n);
		return RR_FOLD_WORD;
	}
	for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
		if (cp >= ranges[i].lo && cp <= ranges[i].hi) {
			*n = strlen(ranges[i].to);
			memcpy(out, ranges[i].to, *n);
			return RR_FOLD_WORD;
		}
	}
	/* punctuation, symbols, spaces, private use, emoji */
	if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x2E00 && cp <= 0x2E7F) ||
	    (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xD800 && cp <= 0xF8FF) ||
	    (cp >= 0xFE10 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
	    (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
	    (cp >= 0xFF5B && cp <= 0xFF65) || (cp >= 0xFFF0 && cp <= 0xFFFF) ||
	    cp == 0x037E || cp == 0x0387 || cp == 0x0589 || cp == 0x058A ||
	    (cp >= 0x1F000 && cp <= 0x1FAFF))
		return RR_FOLD_SEP;
	/* simple case folding of Greek, Cyrillic and full-width Latin */
	if (cp >= 0x0391 && cp <= 0x03A9)
		cp += 0x20;
	else if (cp >= 0x0410 && cp <= 0x042F)
		cp += 0x20;
	else if (cp >= 0x0400 && cp <= 0x040F)
		cp += 0x50;
	else if (cp >= 0xFF21 && cp <= 0xFF3A)
		cp = cp - 0xFF21 + 'a';
	else if (cp >= 0xFF41 && cp <= 0xFF5A)
		cp = cp - 0xFF41 + 'a';
	else if (cp >= 0xFF10 && cp <= 0xFF19)
		cp = cp - 0xFF10 + '0';
	*n = encode(cp, out);
	return RR_FOLD_WORD;
}


rr_fold_class rr_fold_at(const unsigned char *s, size_t n, size_t *len, char out[8], size_t *outn)
{
	return rr_fold_cp(decode(s, n, len), out, outn);
}

size_t rr_fold(const char *text, size_t len, char *out, size_t cap)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, o = 0, clen, fl;
	char f[8];
	bool sp = false;

	if (!cap)
		return 0;
	while (i < len) {
		rr_fold_class c = rr_fold_at(s + i, len - i, &clen, f, &fl);
		i += clen;
		if (c == RR_FOLD_IGNORE || c == RR_FOLD_APOS)
			continue;
		if (c != RR_FOLD_WORD) {
			sp = o > 0;
			continue;
		}
		if (o + fl + (sp ? 1 : 0) >= cap)
			break;
		if (sp)
			out[o++] = ' ';
		sp = false;
		memcpy(out + o, f, fl);
		o += fl;
	}
	out[o] = '\0';
	return o;
}
