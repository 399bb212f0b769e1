/* fuzz_doc.c - libFuzzer driver for the canonical document reader and the
 * record validator: any input is parsed and validated without crashing, and
 * a document that validates normalises to itself and survives
 * dump -> parse -> normalise unchanged. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *raw = NULL, *norm = NULL, *again = NULL, *back = NULL, *norm2 = NULL;
	rr_diag d = {0};
	char *text = NULL;

	if (rr_doc_parse((const char *)data, size, "fuzz", &raw, &d))
		goto out;
	if (rr_doc_normalise(raw, "fuzz", &norm, &d))
		goto out;
	if (rr_doc_normalise(norm, "fuzz", &again, &d) || !json_equal(norm, again))
		abort(); /* normalising must be idempotent */
	rr_doc_sort(norm);
	text = rr_doc_dumps(norm);
	if (!text)
		goto out;
	if (rr_doc_parse(text, strlen(text), "dump", &back, &d) ||
	    rr_doc_normalise(back, "dump", &norm2, &d))
		abort(); /* what we write we must read */
	rr_doc_sort(norm2);
	if (!json_equal(norm, norm2))
		abort();
out:
	free(text);
	json_decref(raw);
	json_decref(norm);
	json_decref(again);
	json_decref(back);
	json_decref(norm2);
	rr_diag_free(&d);
	return 0;
}
