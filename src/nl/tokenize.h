/* tokenize.h - Dutch search tokens: folded and stemmed words with the byte
 * offsets of the text they were read from.
 *
 * A word is a run of letters and digits. Folding lowercases and strips
 * diacritics (é→e, ë→e, ï→i, ö→o, ü→u, ç→c), expands ß→ss, æ→ae, œ→oe,
 * ĳ→ij and the ligatures ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ; combining marks, soft hyphens and
 * zero-width joiners inside a word are ignored. Everything else (spaces,
 * punctuation, hyphens, quotes of every shape, symbols) separates words; an
 * apostrophe followed by a final s ("auto's", "Almere’s") belongs to the
 * word and is dropped. Invalid UTF-8 bytes separate words.
 *
 * Each folded word then goes through the Snowball Dutch stemmer, with three
 * small documented normalisations around it (see rr_tokenizer_word):
 *   before stemming, a plural s after -ie, -te, -en is dropped
 *     (missies→missie, gemeentes→gemeente, havens→haven), which Snowball
 *     leaves alone or stems differently from the singular;
 *   after stemming, a final double consonant is undoubled (bussen→buss→
 *     bus like bus; Snowball does it only for kk, dd, tt), then a final z
 *     becomes s and a final v becomes f (reizen→reiz→reis like reis;
 *     brieven→briev→brief like brief).
 * Snowball itself already undoubles the vowel of an open syllable
 * (laadpaal→laadpal, laadpalen→laadpal). Words containing a digit are
 * folded but not stemmed. Words are cut at RR_TOKEN_MAX folded bytes. */
#ifndef RR_TOKENIZE_H
#define RR_TOKENIZE_H

#include <stddef.h>

#define RR_TOKEN_MAX 128

/* One tokenizer owns one Snowball stemmer; libstemmer handles are not
 * thread-safe, so use an instance from one thread at a time. */
typedef struct rr_tokenizer rr_tokenizer;

/* A new tokenizer, or NULL when out of memory. Free with rr_tokenizer_free. */
rr_tokenizer *rr_tokenizer_new(void);
void rr_tokenizer_free(rr_tokenizer *t);

/* What rr_tokenize emits per word:
 *   RR_TOK_STEM           the stem (queries, snippets; the default)
 *   RR_TOK_STEM_AND_WORD  the stem, then, when it differs, the folded
 *                         unstemmed word with the same span (for indexing:
 *                         a prefix query "laadpaal"* then finds the compound
 *                         "laadpaalbedrijven")
 *   RR_TOK_WORD           only the folded unstemmed word (prefix terms) */
typedef enum { RR_TOK_STEM = 0, RR_TOK_STEM_AND_WORD, RR_TOK_WORD } rr_tok_mode;
void rr_tokenizer_set_mode(rr_tokenizer *t, rr_tok_mode mode);

/* Called for each token: tok (len bytes, not NUL-terminated, valid only
 * during the call) was read from text[start, end). Return 0 to go on; any
 * other value stops rr_tokenize, which returns it. */
typedef int (*rr_token_fn)(void *ctx, const char *tok, size_t len, size_t start,
			   size_t end);

/* Splits text (len bytes of UTF-8, need not be NUL-terminated) into tokens.
 * Returns 0, the callback's non-zero value, or -1 when the stemmer ran out
 * of memory. */
int rr_tokenize(rr_tokenizer *t, const char *text, size_t len, rr_token_fn fn, void *ctx);

/* The token of one already-folded word (lowercase ASCII/UTF-8, no
 * separators): normalised and stemmed into out (NUL-terminated, at most
 * RR_TOKEN_MAX bytes plus the NUL). Returns its length, 0 for none, -1 when
 * out of memory. Exposed for tests. */
int rr_tokenizer_word(rr_tokenizer *t, const char *word, size_t len,
		      char out[RR_TOKEN_MAX + 1]);

#endif
