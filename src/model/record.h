/* record.h - validation and normalisation of one record of the register.
 *
 * A record is a jansson object shaped as in docs/data-model.md. Validation
 * walks the kind's field table (schema.h), then the kind's own rules (a trip
 * that ends before it starts). Every problem is added to a diagnostics list
 * as "LABEL: FIELD: REASON", so a person can find and fix it. */
#ifndef RR_RECORD_H
#define RR_RECORD_H

#include <jansson.h>
#include <limits.h>
#include <stdbool.h>

#include "../util/err.h"
#include "../nl/date.h"
#include "schema.h"

/* Validates rec as a record of kind k. On success *out is a new reference
 * to the normalised record (strings trimmed, nulls and empty optional
 * strings dropped, amounts rounded to cents, a trip's start/end taken from
 * planned_start/planned_end when absent). Normalising twice gives the same
 * record. On RR_EINVAL nothing is returned and d lists every problem. label
 * names the record in messages (e.g. "trips[2] gm0034-2023-japan"). */
rr_err rr_record_normalise(rr_kind k, const json_t *rec, const char *label,
			   json_t **out, rr_diag *d);

/* Calls fn for every reference to another record in rec (organisation,
 * partnership, person, ...). path is the field path ("travellers[1].person").
 * rec must be normalised. */
typedef void (*rr_ref_fn)(void *ctx, rr_kind target, const char *id, const char *path);
void rr_record_refs(rr_kind k, const json_t *rec, rr_ref_fn fn, void *ctx);

/* Helpers for reading normalised records; results borrow from rec. */
const char *rr_rec_str(const json_t *rec, const char *key);  /* NULL if absent */
long long rr_rec_count(const json_t *rec, const char *key, long long dflt);
int rr_rec_bool(const json_t *rec, const char *key);
/* The date at key, or a date with RR_PREC_NONE. */
rr_date rr_rec_date(const json_t *rec, const char *key);
/* Euro cents of an amount field value (a JSON number). */
long long rr_amount_cents(const json_t *v);

/* Sums of euro cents are checked. rr_cents_add adds v (>= 0) to *sum and
 * returns true; a sum that would pass LLONG_MAX becomes RR_CENTS_OVERFLOW
 * and stays there, and it returns false. Whoever shows a sum shows
 * RR_CENTS_OVERFLOW as "too large to add up" (null and "overflow": true in
 * JSON, an empty CSV field, a sentence on a page), never as a number. */
#define RR_CENTS_OVERFLOW LLONG_MAX
bool rr_cents_add(long long *sum, long long v);

/* The sum in euro cents of a trip's cost lines of one kind ("estimate" or
 * "actual") that state an amount; -1 when none does; RR_CENTS_OVERFLOW
 * when it does not fit. */
long long rr_trip_cost(const json_t *trip, const char *kind);
/* True when a cost line names a payer other than the trip's own body. */
int rr_trip_paid_by_other(const json_t *trip);

/* Lifecycle of a trip (DESIGN.md): may a trip go from status `from` to
 * `to`? Staying in the same status is allowed. */
int rr_status_transition_ok(const char *from, const char *to);

#endif
