/* xlsx.h - trips as a spreadsheet for people (libxlsxwriter).
 *
 * Two sheets with Dutch headings: "Reizen" (one row per trip) and
 * "Kostenposten" (one row per cost line). Dates are real date cells (a
 * date known to the month shows as "september 2016", to the year as
 * "2016"), amounts and counts real number cells; an unknown figure is an
 * empty cell, never 0. Labels of enumerations are the Dutch ones
 * (rr_enum_label). orgs maps a body's code to its organisation record
 * ({"gm0034": {"name": "Gemeente Almere", ...}}): its name is written, its
 * report_period_days counts for the late column; codes not in it are
 * written as they are. Borrowed. */
#ifndef RR_XLSX_H
#define RR_XLSX_H

#include <jansson.h>

#include "../nl/date.h"
#include "../util/buf.h"
#include "../util/err.h"

/* Appends the .xlsx file's bytes to out. A temporary file is used while
 * writing (in $TMPDIR, else /tmp) and removed. */
rr_err rr_xlsx_trips(rr_buf *out, const json_t *trips, const json_t *orgs,
		     const rr_date *today);

#endif
