/* search.h - Dutch full-text search over the trips of the register.
 *
 * Trips are indexed (SQLite FTS5, tokenizer "rr_dutch": text/tokenize.h)
 * in four columns, ranked by bm25 with weights 10, 2, 1, 1:
 *   title    the trip's title
 *   purpose  the request: purpose, motivation, counterpart, external
 *            parties, programme activities and counterparts, destination
 *            cities and regions, travellers' names and roles
 *   report   the report's text and a cancellation's reason
 *   sources  the titles of the trip's sources
 * The index is written in the same transaction as the trip (rr_store_put,
 * rr_store_delete). Visibility is the store's (store.h): a viewer never
 * finds, counts or facets a record it may not read, and a viewer who may
 * read no unpublished record is ranked against published text only (an
 * index of the published trips: unpublished text moves no public score). */
#ifndef RR_SEARCH_H
#define RR_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "store.h"

typedef struct rr_search_query {
	const char *q;            /* user text, any characters */
	const char *organisation; /* filters as in rr_trip_query; NULL/0: any */
	int year;
	const char *country;
	const char *person;       /* person id or traveller name */
	const char *kind;
	const char *direction;
	bool third_party_paid;
	size_t limit, offset;     /* limit 0: 20; at most 1000 */
} rr_search_query;

/* Trips matching q that v may see, best first. The user text is never
 * passed to FTS5 as syntax: it is split into words (and "quoted phrases"),
 * each searched as a quoted phrase, all required; operators (AND OR NOT
 * NEAR), column filters, * and ^ have no special meaning. At most 16 words
 * of the first 1000 bytes count.
 *
 * *results: new array of {"id","title","organisation","start","end",
 * "snippet","highlights":[[byte_off,byte_len],...],"score"} ("start", "end"
 * only when known). snippet is plain text (not HTML) from the best
 * matching column, "…" marking cut text; highlights mark the matched words
 * in it by byte offset and length. score: higher is better.
 *
 * *facets (if non-NULL): new object {"organisation":[{"value":"gm0034",
 * "count":3},...], "year":[...] (integer values), "country":[...],
 * "person":[...] (person id, else traveller name), "kind":[...],
 * "direction":[...], "paid_by":[...] (payer, the body itself when a cost
 * names none)}; organisation, person and paid_by values carry a "label"
 * (the name) when the register knows one; each sorted by count then value, at most 100 values, over
 * all matches (ignoring limit/offset, respecting visibility and the other
 * filters). A count is of trips.
 *
 * *total (if non-NULL): number of matches. An empty or all-punctuation q
 * matches nothing (total 0, empty results and facets). */
rr_err rr_store_search(rr_store *s, const rr_search_query *q, const rr_viewer *v,
		       json_t **results, json_t **facets, size_t *total);

/* The FTS5 expression for user text q: a new string the caller frees, or
 * NULL when q has no searchable word (or out of memory: *err says). Exposed
 * for tests and the fuzz driver. */
char *rr_search_expr(const char *q, rr_err *err);

#endif
