/* tokenize.c - folding and stemming of Dutch text for search (tokenize.h). */
#include "tokenize.h"

#include "../util/utf8.h"

#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

struct rr_tokenizer {
	struct sb_stemmer *stem;
	rr_tok_mode mode;
};

void rr_tokenizer_set_mode(rr_tokenizer *t, rr_tok_mode mode)
{
	t->mode = mode;
}

rr_tokenizer *rr_tokenizer_new(void)
{
	rr_tokenizer *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->stem = sb_stemmer_new("dutch", "UTF_8");
	if (!t->stem) {
		free(t);
		return NULL;
	}
	return t;
}

void rr_tokenizer_free(rr_tokenizer *t)
{
	if (!t)
		return;
	sb_stemmer_delete(t->stem);
	free(t);
}

/* ---- decoding and folding ---- */

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

enum cls { SEP, IGNORE, APOS, WORD };

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
static enum cls fold(long cp, char out[8], size_t *n)
{
	*n = 0;
	if (cp < 0)
		return SEP;
	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
			out[0] = (char)cp;
			*n = 1;
			return WORD;
		}
		return cp == '\'' || cp == '`' ? APOS : SEP;
	}
	if (cp == 0xAD || (cp >= 0x0300 && cp <= 0x036F) || cp == 0x200C || cp == 0x200D ||
	    cp == 0x2060 || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0000 && cp <= 0xE007F))
		return IGNORE;
	if (cp == 0xB4 || cp == 0x2018 || cp == 0x2019 || cp == 0x02BC)
		return APOS;
	if (cp < 0xC0)
		return SEP;
	if (cp <= 0xFF) {
		const char *f = latin1[cp - 0xC0];
		if (!f)
			return SEP;
		*n = strlen(f);
		memcpy(out, f, *n);
		return WORD;
	}
	for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
		if (cp >= ranges[i].lo && cp <= ranges[i].hi) {
			*n = strlen(ranges[i].to);
			memcpy(out, ranges[i].to, *n);
			return WORD;
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
		return SEP;
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
	return WORD;
}

/* ---- one word ---- */

static int ends_with(const char *w, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	return len >= n && memcmp(w + len - n, suffix, n) == 0;
}

int rr_tokenizer_word(rr_tokenizer *t, const char *word, size_t len,
		      char out[RR_TOKEN_MAX + 1])
{
	const sb_symbol *st;
	size_t n;
	int digits = 0;

	if (len > RR_TOKEN_MAX)
		len = RR_TOKEN_MAX;
	for (size_t i = 0; i < len; i++)
		digits |= word[i] >= '0' && word[i] <= '9';
	if (digits || len == 0) {
		memcpy(out, word, len);
		out[len] = '\0';
		return (int)len;
	}
	/* a plural s that Snowball keeps or stems unlike the singular:
	 * missies, gemeentes, havens */
	if ((len >= 5 && ends_with(word, len, "ies")) ||
	    (len >= 6 && (ends_with(word, len, "tes") || ends_with(word, len, "ens"))))
		len--;
	st = sb_stemmer_stem(t->stem, (const sb_symbol *)word, (int)len);
	if (!st)
		return -1;
	n = (size_t)sb_stemmer_length(t->stem);
	if (n > RR_TOKEN_MAX)
		n = RR_TOKEN_MAX;
	memcpy(out, st, n);
	out[n] = '\0';
	/* bussen -> buss -> bus (Snowball undoubles only kk, dd, tt) */
	if (n >= 3 && out[n - 1] == out[n - 2] && out[n - 1] >= 'b' && out[n - 1] <= 'z' &&
	    !strchr("aeiouy", out[n - 1]))
		out[--n] = '\0';
	/* reizen -> reiz -> reis, brieven -> briev -> brief */
	if (n >= 3 && out[n - 1] == 'z')
		out[n - 1] = 's';
	else if (n >= 3 && out[n - 1] == 'v')
		out[n - 1] = 'f';
	return (int)n;
}

/* ---- the scanner ---- */

int rr_tokenize(rr_tokenizer *t, const char *text, size_t len, rr_token_fn fn, void *ctx)
{
	const unsigned char *s = (const unsigned char *)text;
	char word[RR_TOKEN_MAX + 8], tok[RR_TOKEN_MAX + 1], f[8];
	size_t i = 0, wlen = 0, start = 0, end = 0, clen, fn_len;
	int in_word = 0, rc, n;
	enum cls c;

	while (i <= len) {
		if (i < len) {
			c = fold(decode(s + i, len - i, &clen), f, &fn_len);
		} else {
			c = SEP;
			clen = 0;
		}
		if (c == WORD) {
			if (!in_word) {
				in_word = 1;
				wlen = 0;
				start = i;
			}
			if (wlen + fn_len <= RR_TOKEN_MAX) {
				memcpy(word + wlen, f, fn_len);
				wlen += fn_len;
			}
			end = i + clen;
			i += clen;
			continue;
		}
		if (c == IGNORE && in_word) {
			end = i + clen;
			i += clen;
			continue;
		}
		if (c == APOS && in_word && i + clen < len && (s[i + clen] | 0x20) == 's') {
			/* "auto's": the clitic s belongs to the word, and is dropped */
			size_t after = i + clen + 1, alen = 0, dummy;
			enum cls ac = after < len ? fold(decode(s + after, len - after, &alen), f,
							 &dummy)
						  : SEP;
			if (ac != WORD && ac != IGNORE) {
				end = after;
				i = after;
				c = SEP;
				clen = 0;
			}
		}
		if (in_word) {
			in_word = 0;
			n = t->mode == RR_TOK_WORD ? 0 : rr_tokenizer_word(t, word, wlen, tok);
			if (n < 0)
				return -1;
			if (n > 0 && (rc = fn(ctx, tok, (size_t)n, start, end)))
				return rc;
			if (t->mode != RR_TOK_STEM && wlen &&
			    (t->mode == RR_TOK_WORD || (size_t)n != wlen || memcmp(tok, word, wlen)) &&
			    (rc = fn(ctx, word, wlen, start, end)))
				return rc;
		}
		if (i == len)
			break;
		i += clen;
	}
	return 0;
}
