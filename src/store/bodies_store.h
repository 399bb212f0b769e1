/* bodies_store.h - the built-in Dutch public bodies (nl/bodies.h) in the
 * register.
 *
 * A body is a record of the register from the first time it is used: a
 * record, an import or a form that names the code of a built-in body with
 * no record gets the body's organisation record (model/bodyrec.h) added in
 * the same transaction (store/load.c does it for every document). Until
 * then, rr_store_get_body reads it from the built-in list. */
#ifndef RR_BODIES_STORE_H
#define RR_BODIES_STORE_H

#include <stdbool.h>

#include <jansson.h>

#include "store.h"

/* Adds the organisation record of built-in body code when the register has
 * no organisation with that id. Must run inside a transaction. *added (if
 * given) says whether it did. RR_ENOTFOUND when code is neither in the
 * register nor built in. */
rr_err rr_store_ensure_body(rr_store *s, const char *code, bool *added, rr_diag *d);

/* The organisation record with id code as v sees it, or, when the register
 * has none, the built-in body's record (not stored). *out is a new
 * reference; RR_ENOTFOUND when there is neither. */
rr_err rr_store_get_body(rr_store *s, const char *code, const rr_viewer *v, json_t **out);

/* True while a transaction is open on s (rr_store_begin without commit or
 * rollback yet). */
bool rr_store_in_transaction(rr_store *s);

#endif
