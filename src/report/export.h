/* export.h - the register as canonical JSON or as CSV, written record by
 * record as the store reads it (rr_store_each): memory does not grow with
 * the size of the register.
 *
 * rr_export_json writes the bytes rr_doc_dumps gives for the document
 * rr_store_export returns with the same arguments (keys sorted, records by
 * id, indent 2, a final newline); bodies and people are always whole.
 * rr_export_csv writes what rr_csv_trips gives for that document's trips.
 * On failure part of the output may have been written; RR_EIO: writing to
 * f failed. */
#ifndef RR_EXPORT_H
#define RR_EXPORT_H

#include <stdio.h>

#include "../store/store.h"

rr_err rr_export_json(rr_store *s, const char *organisation, int year, const rr_viewer *v,
		      FILE *f);
rr_err rr_export_csv(rr_store *s, const char *organisation, int year, const rr_viewer *v,
		     FILE *f);

#endif
