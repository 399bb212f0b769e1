/* fold.h - folding of text for comparison: lower case, diacritics
 * stripped (é→e, ë→e, ü→u, ç→c, ș→s, ł→l), ß→ss, æ→ae, œ→oe, ĳ→ij and the
 * ligatures ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ expanded; Greek, Cyrillic and full-width Latin
 * lower-cased; combining marks, soft hyphens and zero-width joiners
 * ignored. The search tokenizer (tokenize.h), the word splitter (words.h)
 * and the gazetteer (places.h) fold alike, so what one writes the others
 * find. Nothing here allocates. */
#ifndef RR_FOLD_H
#define RR_FOLD_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
	RR_FOLD_SEP,    /* separates words: space, punctuation, symbol, bad byte */
	RR_FOLD_IGNORE, /* inside a word, no trace: soft hyphen, combining mark */
	RR_FOLD_APOS,   /* an apostrophe of any shape */
	RR_FOLD_WORD    /* a letter or digit; its folded UTF-8 is given */
} rr_fold_class;

/* The class of code point cp (-1: an invalid byte); for RR_FOLD_WORD its
 * folded UTF-8 in out (*n bytes, at most 4). */
rr_fold_class rr_fold_cp(long cp, char out[8], size_t *n);

/* The same for the character at s (n >= 1 bytes); *len is the number of
 * bytes it takes (1 for an invalid byte). */
rr_fold_class rr_fold_at(const unsigned char *s, size_t n, size_t *len, char out[8],
			 size_t *outn);

/* The folded words of text[0..len) into out (cap bytes, NUL-terminated),
 * separated by one space: "'s-Hertogenbosch" → "s hertogenbosch",
 * "Dobruška" → "dobruska". Apostrophes vanish. Returns the length. */
size_t rr_fold(const char *text, size_t len, char *out, size_t cap);

#endif
