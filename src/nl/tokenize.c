/* tokenize.c - folding and stemming of Dutch text for search (tokenize.h). */
#include "tokenize.h"

#include "fold.h"

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
	rr_fold_class c;

	while (i <= len) {
		if (i < len) {
			c = rr_fold_at(s + i, len - i, &clen, f, &fn_len);
		} else {
			c = RR_FOLD_SEP;
			clen = 0;
		}
		if (c == RR_FOLD_WORD) {
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
		if (c == RR_FOLD_IGNORE && in_word) {
			end = i + clen;
			i += clen;
			continue;
		}
		if (c == RR_FOLD_APOS && in_word && i + clen < len && (s[i + clen] | 0x20) == 's') {
			/* "auto's": the clitic s belongs to the word, and is dropped */
			size_t after = i + clen + 1, alen = 0, dummy;
			rr_fold_class ac = after < len ? rr_fold_at(s + after, len - after, &alen, f,
								    &dummy)
						       : RR_FOLD_SEP;
			if (ac != RR_FOLD_WORD && ac != RR_FOLD_IGNORE) {
				end = after;
				i = after;
				c = RR_FOLD_SEP;
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
