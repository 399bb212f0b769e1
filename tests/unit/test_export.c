/* Unit tests: the register written out record by record (report/export.h)
 * gives the same bytes as the whole document built in memory and dumped
 * (rr_store_export + rr_doc_dumps, rr_csv_trips). */
#include "testutil.h"
#include "teststore.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/doc.h"
#include "model/co2.h"
#include "report/csv.h"
#include "report/export.h"
#include "store/store.h"

#define NTRIPS 600 /* more than two batches of CSV rows */

/* A register of two bodies, a person, NTRIPS trips over three years (one
 * in three unpublished, some with amounts in cents and text that needs
 * escaping), a partnership and a gift. */
static void fill(rr_store *s)
{
	rr_buf b;
	rr_diag d = {0};

	rr_buf_init(&b, (size_t)16 << 20);
	rr_buf_addstr(&b, "{\"organisations\":["
		"{\"id\":\"gm0034\",\"name\":\"Gemeente Almere\",\"kind\":\"municipality\"},"
		"{\"id\":\"pv26\",\"name\":\"Provincie Utrecht\",\"kind\":\"province\"}],"
		"\"people\":[{\"id\":\"veeningen\",\"name\":\"M. Veeningen\"}],"
		"\"partnerships\":[{\"id\":\"gm0034-p-oslo\",\"organisation\":\"gm0034\","
		"\"type\":\"sister_city\",\"partner\":{\"name\":\"Oslo\",\"country\":\"NO\"},"
		"\"public\":true}],"
		"\"gifts\":[{\"id\":\"gm0034-g-1\",\"organisation\":\"gm0034\",\"date\":\"2023-02-01\","
		"\"giver\":\"Stad Oslo\",\"recipient\":\"M. Veeningen\",\"description\":\"Boek\","
		"\"value_eur\":30.5,\"public\":true}],"
		"\"trips\":[");
	for (int i = 0; i < NTRIPS; i++)
		rr_buf_printf(&b, "%s{\"id\":\"%s-%d-t%03d\",\"organisation\":\"%s\","
			      "\"title\":\"Reis \\\"%d\\\" naar Zürich \\\\ \\/ en terug\",\"direction\":\"out\","
			      "\"status\":\"completed\",\"public\":%s,\"start\":\"%d-0%d-1%d\","
			      "\"purpose\":\"Doel, met; tekens = + @\",\"destinations\":[{\"country\":"
			      "\"CH\",\"city\":\"Zürich\"}],\"travellers\":[{\"name\":\"M. Veeningen\","
			      "\"person\":\"veeningen\"}],\"costs\":[{\"category\":\"reis\","
			      "\"amount_eur\":%d.%02d,\"kind\":\"actual\"}]}",
			      i ? "," : "", i % 2 ? "gm0034" : "pv26", 2021 + i % 3, i,
			      i % 2 ? "gm0034" : "pv26", i, i % 3 ? "true" : "false", 2021 + i % 3,
			      1 + i % 9, i % 10, 100 + i, i % 100);
	rr_buf_addstr(&b, "]}");
	assert_false(rr_buf_err(&b));
	if (rr_test_db_load(s, rr_buf_cstr(&b), &d)) {
		rr_diag_print(&d, "  ", stderr);
		fail();
	}
	rr_diag_free(&d);
	rr_buf_free(&b);
}

/* The export's bytes, written by fn to a memory stream. */
static char *streamed(rr_store *s, rr_err (*fn)(rr_store *, const char *, int,
						  const rr_viewer *, FILE *),
		      const char *org, int year, const rr_viewer *v)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	assert_non_null(f);
	assert_int_equal(fn(s, org, year, v, f), RR_OK);
	assert_int_equal(fclose(f), 0);
	return text;
}

/* The same from the whole document in memory. */
static char *in_memory(rr_store *s, int csv, const char *org, int year, const rr_viewer *v)
{
	json_t *doc = NULL;
	char *text;
	rr_buf b;

	assert_int_equal(rr_store_export(s, org, year, v, &doc), RR_OK);
	if (!csv) {
		text = rr_doc_dumps(doc);
	} else {
		json_t *bycode = rr_co2_orgs_by_code(json_object_get(doc, "organisations"));
		rr_buf_init(&b, (size_t)64 << 20);
		assert_int_equal(rr_csv_trips(&b, json_object_get(doc, "trips"), bycode), RR_OK);
		json_decref(bycode);
		text = rr_buf_steal(&b, NULL);
		rr_buf_free(&b);
	}
	json_decref(doc);
	assert_non_null(text);
	return text;
}

static void same_bytes(void **state)
{
	static const char *const orgs[] = {NULL, "gm0034", "pv26", "gm9999"};
	static const int years[] = {0, 2022, 1999};
	static const char *const mine[] = {"gm0034"};
	const rr_viewer own = {false, mine, 1};
	const rr_viewer *viewers[] = {&rr_viewer_system, &rr_viewer_anonymous, &own};
	rr_test_db t;
	(void)state;

	rr_test_db_open(&t);
	/* an empty register first: every kind an empty array */
	for (int csv = 0; csv < 2; csv++) {
		char *a = streamed(t.s, csv ? rr_export_csv : rr_export_json, NULL, 0,
				   &rr_viewer_system);
		char *b = in_memory(t.s, csv, NULL, 0, &rr_viewer_system);
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
	fill(t.s);
	for (size_t o = 0; o < sizeof orgs / sizeof orgs[0]; o++)
		for (size_t y = 0; y < sizeof years / sizeof years[0]; y++)
			for (size_t v = 0; v < sizeof viewers / sizeof viewers[0]; v++)
				for (int csv = 0; csv < 2; csv++) {
					char *a = streamed(t.s, csv ? rr_export_csv : rr_export_json,
							   orgs[o], years[y], viewers[v]);
					char *b = in_memory(t.s, csv, orgs[o], years[y], viewers[v]);
					assert_string_equal(a, b);
					free(a);
					free(b);
				}
	assert_int_equal(rr_test_db_close(&t), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
