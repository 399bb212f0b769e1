/* fuzz_import - the whole importer (extraction as text, HTML or Markdown,
 * genre analysis, labels, amounts, people, places, relations, merging) on
 * arbitrary bytes, without a store. The first byte picks the format. Any
 * crash, leak or sanitizer report is a bug; refusing input is fine. */
#include <stddef.h>
#include <stdint.h>

#include "import/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {"f.txt", "f.html", "f.md", "f"};
	rr_import *im = NULL;
	rr_diag d = {0};
	json_t *doc = NULL;

	if (size < 1)
		return 0;
	if (rr_import_new(NULL, "gm0034", true, &im, &d) == RR_OK) {
		/* twice: the second read merges with the first */
		if (rr_import_add(im, names[data[0] & 3], data + 1, size - 1, &d) == RR_OK) {
			rr_import_add(im, "g.txt", data + 1, size - 1, &d);
			rr_import_result(im, &doc, &d);
		}
	}
	json_decref(doc);
	rr_import_free(im);
	rr_diag_free(&d);
	return 0;
}
