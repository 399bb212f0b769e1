#include "doc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "record.h"
#include "schema.h"

rr_err rr_doc_parse(const char *data, size_t len, const char *name, json_t **out,
		    rr_diag *d)
{
	json_error_t je;

	*out = json_loadb(data, len, JSON_REJECT_DUPLICATES, &je);
	if (!*out) {
		rr_diag_add(d, "%s: line %d, column %d: %s", name, je.line, je.column, je.text);
		return RR_EINVAL;
	}
	if (!json_is_object(*out)) {
		rr_diag_add(d, "%s: the document must be a JSON object", name);
		json_decref(*out);
		*out = NULL;
		return RR_EINVAL;
	}
	return RR_OK;
}

rr_err rr_doc_read_file(const char *path, json_t **out, rr_diag *d)
{
	FILE *f = NULL;
	rr_buf b;
	char chunk[65536];
	size_t n;
	rr_err e = RR_OK;

	*out = NULL;
	rr_buf_init(&b, RR_DOC_MAX_BYTES);
	f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f) {
		rr_diag_add(d, "%s: cannot open: %s", path, strerror(errno));
		e = RR_EINVAL;
		goto out;
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		if (rr_buf_add(&b, chunk, n))
			break;
	if (ferror(f)) {
		rr_diag_add(d, "%s: read error", path);
		e = RR_EIO;
		goto out;
	}
	if (rr_buf_err(&b)) {
		rr_diag_add(d, "%s: larger than %zu MiB", path, RR_DOC_MAX_BYTES >> 20);
		e = RR_ETOOBIG;
		goto out;
	}
	if (memchr(rr_buf_cstr(&b), '\0', b.len)) {
		rr_diag_add(d, "%s: not a text file (contains NUL bytes)", path);
		e = RR_EINVAL;
		goto out;
	}
	e = rr_doc_parse(rr_buf_cstr(&b), b.len, path, out, d);
out:
	if (f && f != stdin)
		fclose(f);
	rr_buf_free(&b);
	return e;
}

json_t *rr_doc_new(void)
{
	json_t *doc = json_object();
	for (int k = 0; k < RR_K_COUNT; k++)
		json_object_set_new(doc, rr_kind_get(k)->plural, json_array());
	return doc;
}

rr_err rr_doc_normalise(const json_t *doc, const char *name, json_t **out, rr_diag *d)
{
	json_t *res = rr_doc_new(), *arr, *seen = json_object();
	const char *key;
	int bad = 0;

	*out = NULL;
	if (!json_is_object(doc)) {
		rr_diag_add(d, "%s: the document must be a JSON object", name);
		bad = 1;
		goto out;
	}
	json_object_foreach((json_t *)doc, key, arr) {
		int k = rr_kind_by_plural(key);
		size_t i;
		json_t *rec;
		if (k < 0) {
			rr_diag_add(d, "%s: unknown top-level key '%s' (expected organisations, "
				"people, trips, partnerships, results, gifts or documents)", name, key);
			bad = 1;
			continue;
		}
		if (!json_is_array(arr)) {
			rr_diag_add(d, "%s: %s must be an array", name, key);
			bad = 1;
			continue;
		}
		json_array_foreach(arr, i, rec) {
			char label[300];
			const char *id = rr_rec_str(rec, "id");
			json_t *norm = NULL;
			snprintf(label, sizeof label, "%s: %s[%zu]%s%.120s", name, key, i,
				 id ? " " : "", id ? id : "");
			if (rr_record_normalise((rr_kind)k, rec, label, &norm, d)) {
				bad = 1;
				continue;
			}
			id = rr_rec_str(norm, "id");
			char seenkey[160];
			snprintf(seenkey, sizeof seenkey, "%d/%s", k, id);
			if (json_object_get(seen, seenkey)) {
				rr_diag_add(d, "%s: id: '%s' appears twice in %s", label, id, key);
				bad = 1;
			}
			json_object_set_new(seen, seenkey, json_true());
			json_array_append_new(json_object_get(res, key), norm);
		}
	}
out:
	json_decref(seen);
	if (bad) {
		json_decref(res);
		return RR_EINVAL;
	}
	*out = res;
	return RR_OK;
}

static int by_id(const void *a, const void *b)
{
	const char *x = rr_rec_str(*(json_t *const *)a, "id");
	const char *y = rr_rec_str(*(json_t *const *)b, "id");
	return strcmp(x ? x : "", y ? y : "");
}

void rr_doc_sort(json_t *doc)
{
	for (int k = 0; k < RR_K_COUNT; k++) {
		json_t *arr = json_object_get(doc, rr_kind_get(k)->plural);
		size_t n = json_array_size(arr), i;
		json_t **v;
		if (n < 2)
			continue;
		v = malloc(n * sizeof *v);
		if (!v)
			return;
		for (i = 0; i < n; i++)
			v[i] = json_incref(json_array_get(arr, i));
		qsort(v, n, sizeof *v, by_id);
		json_array_clear(arr);
		for (i = 0; i < n; i++)
			json_array_append_new(arr, v[i]);
		free(v);
	}
}

char *rr_doc_dumps(const json_t *doc)
{
	char *s = json_dumps(doc, RR_JSON_FLAGS);
	size_t n;
	char *t;

	if (!s)
		return NULL;
	n = strlen(s);
	t = realloc(s, n + 2);
	if (!t) {
		free(s);
		return NULL;
	}
	t[n] = '\n';
	t[n + 1] = '\0';
	return t;
}
