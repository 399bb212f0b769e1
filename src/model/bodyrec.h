/* bodyrec.h - the organisation record of a built-in Dutch public body
 * (nl/bodies.h): what the register stores the first time a record, an
 * import or a form names a body that has no record yet. */
#ifndef RR_BODYREC_H
#define RR_BODYREC_H

#include <jansson.h>

#include "../nl/bodies.h"

/* The normalised organisation record of body b: {"id": its code, "name":
 * "Gemeente Den Haag", "kind": "municipality" | "province" | "water_board"
 * | "national", "country": "NL", "city": its seat when known}. New
 * reference (caller decrefs); NULL when b is NULL or out of memory. */
json_t *rr_body_record(const rr_body *b);

/* The same for a code: NULL when code names no built-in body. */
json_t *rr_body_record_of(const char *code);

#endif
