/* fuzz_search - arbitrary user query strings through rr_store_search on a
 * small register: the query must never make SQLite fail (no SQL error can
 * reach a user), and every highlight must lie inside its snippet. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/record.h"
#include "store/search.h"
#include "store/store.h"

static rr_store *store;
static char dir[64];

static void check(int ok)
{
	if (!ok)
		abort();
}

static void cleanup(void)
{
	char path[96];
	rr_store_close(store);
	snprintf(path, sizeof path, "%s/f.db", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/f.db-wal", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/f.db-shm", dir);
	unlink(path);
	rmdir(dir);
}

static void put(rr_kind k, const char *text)
{
	json_error_t je;
	json_t *raw = json_loads(text, 0, &je), *norm = NULL;
	rr_diag d = {0};
	check(raw && !rr_record_normalise(k, raw, "fuzz", &norm, &d) &&
	      !rr_store_put(store, k, norm, NULL, &d));
	json_decref(raw);
	json_decref(norm);
	rr_diag_free(&d);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char path[96];
	rr_diag d = {0};
	(void)argc;
	(void)argv;
	strcpy(dir, "/tmp/rr-fuzz-search-XXXXXX");
	check(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/f.db", dir);
	check(rr_store_open(path, RR_STORE_CREATE, &store, &d) == RR_OK);
	atexit(cleanup);
	check(rr_store_begin(store) == RR_OK);
	put(RR_K_ORGANISATION, "{\"id\":\"gm0034\",\"name\":\"Gemeente Almere\"}");
	put(RR_K_TRIP, "{\"id\":\"gm0034-2023-oslo\",\"organisation\":\"gm0034\","
		"\"title\":\"Laadpalen in Oslo\",\"direction\":\"out\",\"status\":\"completed\","
		"\"public\":true,\"start\":\"2023-05-15\",\"purpose\":\"Coöperatie, “laadpaal” "
		"en Zuid-Korea: near or not, and col: * ^ (x) \\\"y\\\".\","
		"\"destinations\":[{\"country\":\"NO\",\"city\":\"Oslo\"}],"
		"\"report\":{\"text\":\"# Verslag\\n\\nDe **delegatie** bezocht 12 laadpleinen.\"}}");
	put(RR_K_TRIP, "{\"id\":\"gm0034-2024-concept\",\"organisation\":\"gm0034\","
		"\"title\":\"Concept\",\"direction\":\"out\",\"status\":\"draft\","
		"\"purpose\":\"Geheime laadpalen.\"}");
	check(rr_store_commit(store) == RR_OK);
	rr_diag_free(&d);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *q = malloc(size + 1);
	rr_search_query sq = {0};
	json_t *res = NULL, *facets = NULL, *r, *h;
	size_t total = 0, i, k;
	rr_err e;

	if (!q)
		return 0;
	memcpy(q, data, size);
	q[size] = '\0';
	sq.q = q;
	sq.limit = 5;
	e = rr_store_search(store, &sq, &rr_viewer_anonymous, &res, &facets, &total);
	if (e != RR_OK) {
		fprintf(stderr, "search failed: %s\n", rr_store_errmsg(store));
		abort();
	}
	check(total <= 1 && json_array_size(res) == total);
	json_array_foreach(res, i, r) {
		const char *snip = json_string_value(json_object_get(r, "snippet"));
		check(snip != NULL);
		json_array_foreach(json_object_get(r, "highlights"), k, h) {
			json_int_t off = json_integer_value(json_array_get(h, 0));
			json_int_t len = json_integer_value(json_array_get(h, 1));
			check(off >= 0 && len > 0 && (size_t)(off + len) <= strlen(snip));
		}
	}
	json_decref(res);
	json_decref(facets);
	free(q);
	return 0;
}
