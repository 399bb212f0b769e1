/* export.c - the register written out record by record (export.h). */
#include "export.h"

#include <stdlib.h>
#include <string.h>

#include "../model/doc.h"
#include "../model/co2.h"
#include "csv.h"

#define CSV_BATCH 256 /* trips turned into CSV rows at a time */

typedef struct sink {
	FILE *f;
	size_t n;        /* records of the current kind written */
	json_t *batch;   /* csv: trips not yet written */
	json_t *orgs;    /* csv: the bodies by code, for their CO₂ factors */
	size_t head_len; /* csv: bytes of the header row */
	int head_done;
} sink;

/* One record at depth 2 of the document: its canonical text with every
 * line indented by four spaces (a JSON text holds no raw line break but
 * its own). */
static rr_err put_json(void *ctx, const json_t *rec)
{
	sink *k = ctx;
	char *text = json_dumps(rec, RR_JSON_FLAGS);

	if (!text)
		return RR_ENOMEM;
	fputs(k->n++ ? ",\n    " : "[\n    ", k->f);
	for (const char *p = text, *nl; *p; p = nl + 1) {
		if (!(nl = strchr(p, '\n'))) {
			fputs(p, k->f);
			break;
		}
		fwrite(p, 1, (size_t)(nl - p), k->f);
		fputs("\n    ", k->f);
	}
	free(text);
	return ferror(k->f) ? RR_EIO : RR_OK;
}

static rr_err flush_csv(sink *k)
{
	rr_buf out;
	rr_err e;

	rr_buf_init(&out, (size_t)256 << 20);
	if (!(e = rr_csv_trips(&out, k->batch, k->orgs))) {
		size_t skip = k->head_done ? k->head_len : 0;
		fwrite(rr_buf_cstr(&out) + skip, 1, out.len - skip, k->f);
		k->head_done = 1;
	}
	rr_buf_free(&out);
	json_array_clear(k->batch);
	return e ? e : ferror(k->f) ? RR_EIO : RR_OK;
}

static rr_err put_csv(void *ctx, const json_t *rec)
{
	sink *k = ctx;
	json_array_append(k->batch, (json_t *)rec);
	return json_array_size(k->batch) < CSV_BATCH ? RR_OK : flush_csv(k);
}

static int by_plural(const void *a, const void *b)
{
	return strcmp(rr_kind_get(*(const int *)a)->plural, rr_kind_get(*(const int *)b)->plural);
}

rr_err rr_export_json(rr_store *s, const char *org, int year, const rr_viewer *v, FILE *f)
{
	int order[RR_K_COUNT];
	sink k = {.f = f};
	rr_err e = RR_OK;

	for (int i = 0; i < RR_K_COUNT; i++)
		order[i] = i;
	qsort(order, RR_K_COUNT, sizeof order[0], by_plural);
	fputs("{", f);
	for (int i = 0; i < RR_K_COUNT && !e; i++) {
		/* bodies and people are shared reference data: always whole */
		int ref = order[i] == RR_K_ORGANISATION || order[i] == RR_K_PERSON;
		fprintf(f, "%s\n  \"%s\": ", i ? "," : "", rr_kind_get(order[i])->plural);
		k.n = 0;
		e = rr_store_each(s, (rr_kind)order[i], ref ? NULL : org, ref ? 0 : year, v, put_json,
				  &k);
		fputs(k.n ? "\n  ]" : "[]", f);
	}
	fputs("\n}\n", f);
	return e;
}

rr_err rr_export_csv(rr_store *s, const char *org, int year, const rr_viewer *v, FILE *f)
{
	sink k = {.f = f, .batch = json_array()};
	json_t *none = json_array(), *orgs = NULL;
	rr_buf head;
	rr_err e;

	/* the bodies (a few hundred at most) for their own emission factors */
	if ((e = rr_store_list(s, RR_K_ORGANISATION, NULL, 0, v, &orgs)) ||
	    !(k.orgs = rr_co2_orgs_by_code(orgs))) {
		json_decref(orgs);
		json_decref(none);
		json_decref(k.batch);
		return e ? e : RR_ENOMEM;
	}
	json_decref(orgs);
	rr_buf_init(&head, 1 << 16);
	e = rr_csv_trips(&head, none, NULL);
	k.head_len = head.len;
	rr_buf_free(&head);
	json_decref(none);
	if (!e)
		e = rr_store_each(s, RR_K_TRIP, org, year, v, put_csv, &k);
	if (!e && (json_array_size(k.batch) || !k.head_done))
		e = flush_csv(&k);
	json_decref(k.batch);
	json_decref(k.orgs);
	return e;
}

