/* csv.h - trips as CSV for spreadsheets: RFC 4180 (CRLF line ends, fields
 * quoted when they hold a comma, quote or line break), UTF-8, a header row,
 * one row per trip. Amounts are euros with a dot and two decimals. The last
 * columns are the CO₂ of the trip in kg (co2.h; empty when unknown). */
#ifndef RR_CSV_H
#define RR_CSV_H

#include <jansson.h>

#include "../util/buf.h"

/* Appends one field (with its separator unless first) to out. */
void rr_csv_field(rr_buf *out, const char *s, int first);

/* Appends the header row and one row per trip of the array trips (orgs:
 * the bodies' records by code, for their own emission factors; may be
 * NULL). Formula
 * triggers (= + - @ at the start of a text field) are prefixed with a
 * quote so that spreadsheets do not run them. */
rr_err rr_csv_trips(rr_buf *out, const json_t *trips, const json_t *orgs);

/* Appends the header row and one row per gift of the array gifts:
 * id, organisation, date, giver, recipient, description, value_eur,
 * above_threshold, disposition, disposition_note, trip. threshold_cents is
 * the body's threshold for registering gifts. */
rr_err rr_csv_gifts(rr_buf *out, const json_t *gifts, long long threshold_cents);

#endif
