/* fuzz_tables - the readers of registers as tables (rows separated by tabs
 * or '|', or flattened to a cell a line under a header) and of delegation
 * lists, and of gift registers and news on gifts, on arbitrary cells. The
 * first byte picks the shape the input is
 * put in, so that mutations reach the table and list readers and not only
 * the classification; the rest goes through the whole importer. Any crash,
 * leak or sanitizer report is a bug; refusing input is fine. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import/import.h"

static const char *const shapes[] = {
	"Wie\tBestemming\tDoel\tDatum\tKosten\n",
	"| Bestemming | Doel | Datum | Wordt betaald door |\n|---|---|---|---|\n",
	"Burgemeester\n\nBestemming\nDoel\nDatum\nbetaald door\n",
	"Uitgaande delegaties\n\n- ",
	"Inkomende delegaties vanuit \n\n- ",
	"Overzicht buitenlandse reizen 2019\n\n",
	"Geachte leden van de raad,\n\n",
	"\xe2\x80\xa2 ",
	/* gift registers (import_gifts.c): rows, flattened, label blocks, news */
	"Datum\tOntvanger\tOmschrijving\tGever\tGeschatte waarde\tBestemming\n",
	"Burgemeester K. Brons\n\nDatum\nOmschrijving\nGever\nWaarde\nBestemming\n",
	"Geschenken 2030\n\nDatum: 1 mei 2030\nOntvanger: wethouder A. Bos\nGever: ",
	"Geschenkenregister\n\nWethouder Jan Bos ontving op 2 mei 2030 van de burgemeester van ",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rr_import *im = NULL;
	rr_diag d = {0};
	json_t *doc = NULL;
	unsigned char *buf;
	size_t np, n;

	if (size < 1)
		return 0;
	const char *pre = shapes[data[0] % (sizeof shapes / sizeof shapes[0])];
	np = strlen(pre);
	n = np + size - 1;
	if (!(buf = malloc(n + 1)))
		return 0;
	memcpy(buf, pre, np);
	memcpy(buf + np, data + 1, size - 1);
	if (rr_import_new(NULL, "gm0855", true, &im, &d) == RR_OK &&
	    rr_import_add(im, "register.txt", buf, n, &d) == RR_OK)
		rr_import_result(im, &doc, &d);
	json_decref(doc);
	rr_import_free(im);
	rr_diag_free(&d);
	free(buf);
	return 0;
}
