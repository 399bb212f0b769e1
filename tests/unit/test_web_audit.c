/* Unit tests of the audit log for people (web/ak_audit.c), the field tags
 * of diagnostics (util/err.c) and the worklists (report/worklist.c). */
#include "testutil.h"

#include <string.h>

#include "model/record.h"
#include "report/worklist.h"
#include "web/adminkit.h"

static json_t *parse(const char *s)
{
	json_error_t je;
	json_t *j = json_loads(s, 0, &je);
	assert_non_null(j);
	return j;
}

static bool has_line(const json_t *lines, const char *want)
{
	const json_t *l;
	size_t i;
	json_array_foreach(lines, i, l)
		if (!strcmp(json_string_value(l), want))
			return true;
	return false;
}

static void dump(const json_t *lines)
{
	const json_t *l;
	size_t i;
	json_array_foreach(lines, i, l)
		fprintf(stderr, "  line: %s\n", json_string_value(l));
}

/* The example: the Osaka trip's end date and more, in Dutch. */
static void osaka_changes(void **state)
{
	(void)state;
	json_t *before = parse("{\"id\":\"gm0034-2023-osaka-tokio\",\"status\":\"approved\","
		"\"public\":false,\"end\":\"2023-05-19\",\"start\":\"2022-12-30\","
		"\"costs\":[{\"category\":\"Hotel\",\"amount_eur\":1400.0,\"kind\":\"actual\","
		"\"paid_by\":\"MRA\"},{\"category\":\"Vliegreis\",\"kind\":\"estimate\"}],"
		"\"destinations\":[{\"country\":\"JP\",\"city\":\"Osaka\"}]}");
	json_t *after = parse("{\"id\":\"gm0034-2023-osaka-tokio\",\"status\":\"completed\","
		"\"public\":true,\"end\":\"2023-05-21\",\"start\":\"2023-01-02\","
		"\"costs\":[{\"category\":\"Vliegreis\",\"kind\":\"estimate\"}],"
		"\"destinations\":[{\"country\":\"JP\",\"city\":\"Osaka\"},{\"country\":\"JP\","
		"\"city\":\"Tokio\"}],\"decision\":{\"outcome\":\"approved_with_conditions\","
		"\"date\":\"2023-02-21\",\"number\":\"B&W 2023/114\"}}");
	json_t *lines = json_array();

	ak_audit_lines(RR_K_TRIP, before, after, lines);
	dump(lines);
	assert_true(has_line(lines, "Einddatum: 19 mei \xe2\x86\x92 21 mei 2023"));
	/* across a year, both dates keep their year */
	assert_true(has_line(lines, "Vertrekdatum: 30 december 2022 \xe2\x86\x92 2 januari 2023"));
	assert_true(has_line(lines, "Status: goedgekeurd \xe2\x86\x92 uitgevoerd"));
	assert_true(has_line(lines, "Openbaar: nee \xe2\x86\x92 ja"));
	assert_true(has_line(lines, "Kostenpost verwijderd: Hotel, \xe2\x82\xac 1.400 (werkelijk), "
			     "betaald door MRA"));
	assert_true(has_line(lines, "Bestemming toegevoegd: Japan, Tokio"));
	assert_true(has_line(lines, "Besluit: onder voorwaarden goedgekeurd (nieuw)"));
	assert_true(has_line(lines, "Besluitnummer: B&W 2023/114 (nieuw)"));
	assert_true(has_line(lines, "Datum van het besluit: 21 februari 2023 (nieuw)"));
	assert_int_equal(json_array_size(lines), 9);
	json_decref(lines);
	json_decref(before);
	json_decref(after);
}

static void diag_fields(void **state)
{
	(void)state;
	rr_diag d = {0};

	rr_diag_add(&d, "zonder veld");
	assert_null(rr_diag_field(&d, 0));
	for (int i = 0; i < 20; i++)
		rr_diag_add_at(&d, i % 2 ? "end" : "titel", "melding %d", i);
	assert_null(rr_diag_field(&d, 0));
	assert_string_equal(rr_diag_field(&d, 1), "titel");
	assert_string_equal(rr_diag_field(&d, 2), "end");
	rr_diag_rename(&d, "end", "werkelijk_eind");
	assert_string_equal(rr_diag_field(&d, 2), "werkelijk_eind");
	assert_string_equal(rr_diag_field(&d, 1), "titel");
	assert_null(rr_diag_field(&d, 99));
	rr_diag_free(&d);
	assert_int_equal(d.n, 0);
}

static void worklists(void **state)
{
	(void)state;
	rr_date today = rr_date_day(2026, 12, 1);
	json_t *trips = parse("["
		"{\"id\":\"a\",\"title\":\"A\",\"direction\":\"out\",\"status\":\"requested\","
		"\"start\":\"2027-03-10\"},"
		"{\"id\":\"b\",\"title\":\"B\",\"direction\":\"out\",\"status\":\"completed\","
		"\"start\":\"2026-09-01\",\"end\":\"2026-09-05\"},"
		"{\"id\":\"c\",\"title\":\"C\",\"direction\":\"out\",\"status\":\"completed\","
		"\"start\":\"2026-10-20\",\"end\":\"2026-10-25\"},"
		"{\"id\":\"d\",\"title\":\"D\",\"direction\":\"out\",\"status\":\"reported\","
		"\"public\":false,\"report\":{\"submitted\":\"2026-11-01\",\"text\":\"x\"}},"
		"{\"id\":\"e\",\"title\":\"E\",\"direction\":\"in\",\"status\":\"completed\","
		"\"start\":\"2026-09-01\"}]");
	json_t *wl = rr_worklist(trips, 42, &today, 14);

	assert_int_equal(json_array_size(json_object_get(wl, "decisions")), 1);
	assert_int_equal(json_array_size(json_object_get(wl, "late")), 1);
	assert_string_equal(rr_rec_str(json_array_get(json_object_get(wl, "late"), 0), "id"), "b");
	assert_int_equal(json_integer_value(json_object_get(json_array_get(
		json_object_get(wl, "late"), 0), "days")), 45);
	/* c returned 25 October: due 6 December, in 5 days */
	assert_int_equal(json_array_size(json_object_get(wl, "due")), 1);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(
		json_object_get(wl, "due"), 0), "days")), 5);
	assert_int_equal(json_array_size(json_object_get(wl, "unpublished")), 1);
	assert_int_equal(json_array_size(json_object_get(wl, "incomplete")), 1); /* a lacks much */
	assert_int_equal(rr_worklist_count(wl), 5);
	json_decref(wl);
	json_decref(trips);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(osaka_changes), cmocka_unit_test(diag_fields),
		cmocka_unit_test(worklists),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
