/* words.h - a Dutch text as a sequence of words, numbers and marks, each
 * with its byte span, its folded form (fold.h) and what surrounds it:
 * capitals, white space, line and paragraph breaks, and where sentences
 * start. The importer reads documents through it; pattern rules then look
 * at word i, i+1, ... instead of at bytes.
 *
 * Sentences: a new one starts at the first word, after a blank line, after
 * a line that ends a sentence or is a heading or list line (a line break
 * followed by a capital, a digit or a bullet), and after '.', '!', '?'
 * followed by a capital or digit, unless the word before the full stop is
 * an abbreviation ("o.a.", "dhr.", "jl.", "nr.") or an initial ("P.").
 *
 * Memory: rr_words_split allocates; rr_words_free releases. The text is
 * borrowed (it must outlive the words) and never written. At most
 * RR_WORDS_MAX words are kept; a longer text is refused with RR_ETOOBIG. */
#ifndef RR_WORDS_H
#define RR_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/err.h"

#define RR_WORDS_MAX 2000000

typedef enum { RR_W_WORD = 1, RR_W_NUM, RR_W_PUNCT } rr_wkind;

enum {
	RR_W_CAP = 1,    /* starts with an upper-case letter */
	RR_W_UPPER = 2,  /* two or more letters, all upper case ("EMA", "BREDA") */
	RR_W_SP = 4,     /* white space before it */
	RR_W_NL = 8,     /* a line break before it */
	RR_W_PARA = 16,  /* a blank line before it: a new paragraph */
	RR_W_SENT = 32,  /* it starts a sentence */
	RR_W_ABBR = 64   /* a word that is a known abbreviation ("dhr", "o") */
};

typedef struct rr_word {
	size_t off, len;      /* bytes of the text */
	size_t fold;          /* its folded form: offset in the pool, NUL-terminated */
	unsigned short flags; /* RR_W_* */
	unsigned char kind;   /* rr_wkind */
	char mark;            /* RR_W_PUNCT: the ASCII mark; every dash is '-', every
			       * quote '"' or '\'' (apostrophes), bullets '*', the
			       * euro sign 'E', anything else '?' */
} rr_word;

typedef struct rr_words {
	const char *text; /* borrowed */
	size_t n;         /* bytes of text */
	rr_word *w;
	size_t count;
	char *pool;
	size_t pool_len, pool_cap;
} rr_words;

/* Splits text[0..n) (UTF-8; invalid bytes are marks). *out is filled; free
 * with rr_words_free also on failure. */
rr_err rr_words_split(const char *text, size_t n, rr_words *out);
void rr_words_free(rr_words *ws);

/* The folded form of word i ("" for a mark, digits for a number). */
const char *rr_wfold(const rr_words *ws, size_t i);
/* Is word i (i < count) a word or number whose folded form is f? */
bool rr_wis(const rr_words *ws, size_t i, const char *f);
/* Is word i a mark m? */
bool rr_wmark(const rr_words *ws, size_t i, char m);
/* Is word i glued to word i-1 (no white space between)? */
bool rr_wglued(const rr_words *ws, size_t i);
/* First word of the sentence holding word i; the word after its last. */
size_t rr_wsent_start(const rr_words *ws, size_t i);
size_t rr_wsent_end(const rr_words *ws, size_t i);
/* The index of the first word whose span ends after byte off (count when
 * none): the word at or after a byte offset. */
size_t rr_wat(const rr_words *ws, size_t off);

#endif
