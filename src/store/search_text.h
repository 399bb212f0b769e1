/* search_text.h - the parts of Dutch search that are the same on every
 * backend (search.h): splitting the user's text into terms, and the
 * snippet with its highlights. Each backend turns the terms into its own
 * query language (FTS5 in sqlite_fts.c, tsquery in pg_search.c). */
#ifndef RR_SEARCH_TEXT_H
#define RR_SEARCH_TEXT_H

#include <stddef.h>

#include <jansson.h>

#include "../nl/tokenize.h"
#include "../util/err.h"

#define RR_SEARCH_MAX_Q_BYTES 1000
#define RR_SEARCH_MAX_TERMS 16
#define RR_SEARCH_MAX_STEMS 64

/* The stems of the query's words, for highlighting. */
typedef struct rr_qstems {
	char stem[RR_SEARCH_MAX_STEMS][RR_TOKEN_MAX + 1];
	size_t n;
	size_t last; /* tokens of the last term */
} rr_qstems;

/* Called per term: the word or "quoted phrase" p (n bytes, without its
 * quotes) that has ntok tokens (ntok >= 1); index counts from 0. Returns 0,
 * or -1 to stop (out of memory). */
typedef int (*rr_search_term_fn)(void *ctx, const char *p, size_t n, int quoted, size_t ntok,
				 int index);

/* Splits the first RR_SEARCH_MAX_Q_BYTES of q into at most
 * RR_SEARCH_MAX_TERMS terms: words and "quoted phrases"; bare operators
 * (AND OR NOT NEAR), parentheses and terms without a token are dropped.
 * Collects the stems in qs. Returns the number of terms, or -1 when out of
 * memory. */
int rr_search_split(rr_tokenizer *t, const char *q, rr_qstems *qs, rr_search_term_fn fn,
		    void *ctx);

/* Chooses among the n texts (in order of preference on a tie) the one with
 * the most query words and sets "snippet" and "highlights" (search.h) in
 * res from its best window. */
rr_err rr_search_snippet(rr_tokenizer *t, const char *const *texts, const size_t *lens,
			 size_t n, const rr_qstems *qs, json_t *res);

#endif
