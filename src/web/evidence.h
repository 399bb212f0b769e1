/* evidence.h - from a figure to the words it was read from, and back.
 *
 * A record's sources (trips, results) say which byte span of which
 * document supports which field: {"document", "spans":[{"field","start",
 * "end"}]}. The document's page (/documenten/{id}, page_document.c) marks
 * every span with an anchor; a figure on a trip, result or partnership page
 * links there with ev_link. Both sides name the anchor with ev_anchor, so
 * the link always lands on its mark:
 *   reis-gm0034-2023-05-osaka-costs      the first "costs" span of that trip
 *   reis-gm0034-2023-05-osaka-costs-2    the second
 *   resultaat-ID-FIELD, partnerschap-ID-FIELD
 * The n-th span of a field is counted over all of the record's sources in
 * order. */
#ifndef RR_WEB_EVIDENCE_H
#define RR_WEB_EVIDENCE_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "model/schema.h"
#include "util/buf.h"
#include "util/html.h"

/* "reis", "resultaat", "partnerschap" (the anchor's first word). */
const char *ev_prefix(rr_kind k);

/* Appends the anchor of the n-th (0-based) span of field in record id. The
 * field is written with every byte outside [a-z0-9._-] as '-'. */
void ev_anchor(rr_buf *b, rr_kind k, const char *id, const char *field, size_t n);

/* The document and span index of the n-th span of field in rec's sources:
 * the document's id (borrowed) or NULL when there are not that many. */
const char *ev_find(const json_t *rec, const char *field, size_t n);

/* A small link "bron" (read by screen readers as "bron van WHAT") to the
 * n-th span of field in rec: /documenten/DOC#ANCHOR, after a space.
 * Writes nothing and returns false when no such span exists. */
bool ev_link_n(html *h, rr_kind k, const json_t *rec, const char *field, size_t n,
	       const char *what);
#define ev_link(h, k, rec, field, what) ev_link_n((h), (k), (rec), (field), 0, (what))

/* Dutch name of a source field ("costs" -> "kosten"), for marks and lists;
 * "gegeven" when unknown. Static strings. */
const char *ev_field_label(const char *field);

#endif
