/* nldate_int.h - internals of the Dutch date parser, shared by
 * src/nl/nldate*.c only. Not part of the public API.
 *
 * The input is cut into tokens by a cursor (nld_scan_one): digit runs,
 * letter runs, single punctuation marks and superscript digits. The grammar
 * (nldate.c) looks at a small window of tokens from one start position;
 * tokens are scanned lazily, at most NLD_WIN per start, so the work per
 * input byte is bounded. Nothing here allocates. */
#ifndef RR_NLDATE_INT_H
#define RR_NLDATE_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "nldate.h"

enum { NLD_END, NLD_NUM, NLD_WORD, NLD_PUNCT, NLD_SUP };

#define NLD_WMAX 24 /* longest word kept for keyword comparison, + NUL */
#define NLD_WIN 32  /* tokens looked at from one start position */

typedef struct nld_tok {
	int kind;
	bool sp;          /* whitespace before the token */
	bool nl;          /* a line break in that whitespace */
	size_t off, len;  /* bytes in the input */
	int nd;           /* NUM: number of digits */
	long val;         /* NUM: value, saturating at NLD_NUM_MAX */
	char c;           /* PUNCT: the mark; every dash is '-', quotes are
			   * '\'', the euro sign is 'E', anything else '?' */
	char w[NLD_WMAX]; /* WORD: lower-cased; "" when too long */
} nld_tok;

#define NLD_NUM_MAX 1000000000L

/* Scans one token at or after byte at (skipping whitespace). Returns the
 * offset just after the token; t->kind is NLD_END at the end of input. */
size_t nld_scan_one(const char *s, size_t n, size_t at, nld_tok *t);

/* A window of tokens from one start position, filled on demand. */
typedef struct nld_win {
	const char *s;
	size_t n, pos;
	nld_tok t[NLD_WIN];
	int nt;
	bool done;
} nld_win;

void nld_win_init(nld_win *w, const char *s, size_t n, size_t at);
/* Token i of the window, or NULL past the end of input or window. */
const nld_tok *nld_win_tok(nld_win *w, int i);

/* The grammar (nldate.c): tries one expression whose first token starts at
 * byte off; prev is the token before it (or NULL). On NLD_M_OK *out is
 * filled; on NLD_M_NEED (no year can be known) out->off/len is the span and
 * *why the reason; on NLD_M_BAD (an impossible date) *why says why and
 * *bad_end is where the refused text ends. */
enum { NLD_M_NO, NLD_M_OK, NLD_M_BAD, NLD_M_NEED };
int nld_match_at(const char *s, size_t n, size_t off, const nld_tok *prev,
		 const rr_date *ref, unsigned flags, rr_nldate *out, const char **why,
		 size_t *bad_end);

/* Keyword tables (nldate_words.c). Each takes a lower-cased word. */
int nld_month(const char *w, bool *abbr); /* 1..12, 0 if not a month */
bool nld_weekday(const char *w);          /* "dinsdag", "zaterdagochtend" */
int nld_ordinal_word(const char *w);      /* "eerste".."vierde" -> 1..4 */
int nld_decade_word(const char *w);       /* "tachtig" -> 80, else -1 */
bool nld_year_prefix(const char *w);      /* "in", "sinds": a year follows */
bool nld_count_noun(const char *w);       /* "euro", "inwoners": not a year */
/* Is the byte a letter start (ASCII letter or a UTF-8 lead/continuation)? */
bool nld_is_letter_byte(unsigned char b);

#endif
