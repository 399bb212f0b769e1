/* bodies_data.h - the compiled-in tables of the public bodies, for
 * bodies.c only. Defined in $(BUILD)/gen/bodies_data.c, which
 * scripts/bodies.mjs writes from data/bodies-nl.tsv and
 * data/bodies-nl-hand.tsv. Static and constant for the life of the program.
 *
 * rr_bodies_table: every body, sorted by code. rr_body_names_table: former
 * names, sorted by code and then by their last day. rr_body_aliases_table:
 * {code, name} pairs of other names, sorted by code. The last two end with
 * a row of NULLs (not counted in their _n). */
#ifndef RR_BODIES_DATA_H
#define RR_BODIES_DATA_H

#include <stddef.h>

#include "bodies.h"

extern const rr_body rr_bodies_table[];
extern const size_t rr_bodies_n;
extern const rr_body_name rr_body_names_table[];
extern const size_t rr_body_names_n;
extern const char *const rr_body_aliases_table[][2];
extern const size_t rr_body_aliases_n;

#endif
