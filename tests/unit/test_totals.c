/* Unit tests: src/model/totals.c (sums with how much is known) and
 * src/report/xlsx.c (the spreadsheet). */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/totals.h"
#include "report/xlsx.h"

static json_t *parse(const char *text)
{
	json_error_t je;
	json_t *j = json_loads(text, 0, &je);
	if (!j)
		fprintf(stderr, "%s\n", je.text);
	assert_non_null(j);
	return j;
}

static const char trips_json[] =
	"[{\"id\":\"a\",\"organisation\":\"gm0034\",\"title\":\"Osaka\",\"direction\":\"out\","
	"\"status\":\"reported\",\"start\":\"2023-05-15\",\"end\":\"2023-05-19\","
	"\"report\":{\"text\":\"x\"},\"accompanying_officials\":2,"
	"\"costs\":[{\"category\":\"reis\",\"kind\":\"estimate\",\"amount_eur\":10900},"
	"{\"category\":\"lokaal\",\"kind\":\"estimate\",\"paid_by\":\"Dujat\"}]},"
	"{\"id\":\"b\",\"organisation\":\"gm0034\",\"title\":\"Helsinki\",\"direction\":\"out\","
	"\"status\":\"completed\",\"start\":\"2023-09-28\",\"end\":\"2023-09-29\","
	"\"costs\":[{\"category\":\"reis\",\"kind\":\"actual\",\"amount_eur\":800.5,\"paid_by\":\"mra\"},"
	"{\"category\":\"hotel\",\"kind\":\"actual\",\"amount_eur\":200,\"paid_by\":\"mra\"}]},"
	"{\"id\":\"c\",\"organisation\":\"gm0034\",\"title\":\"Madrid\",\"direction\":\"out\","
	"\"status\":\"approved\",\"start\":\"2023-05-11\",\"end\":\"2023-05-13\"},"
	"{\"id\":\"d\",\"organisation\":\"gm0034\",\"title\":\"Japan\",\"direction\":\"out\","
	"\"status\":\"cancelled\",\"start\":\"2023-03\",\"cancellation\":{\"reason\":\"Covid\"}},"
	"{\"id\":\"e\",\"organisation\":\"gm0034\",\"title\":\"Bezoek\",\"direction\":\"in\","
	"\"status\":\"completed\",\"start\":\"2023-06\"}]";

static void sums_with_known(void **state)
{
	(void)state;
	json_t *trips = parse(trips_json);
	rr_date today = rr_date_day(2023, 12, 1);
	json_t *t = rr_trip_totals(trips, 42, &today, NULL), *p;

	assert_int_equal(json_integer_value(json_object_get(t, "trips")), 4);
	assert_int_equal(json_integer_value(json_object_get(t, "trips_out")), 3);
	assert_int_equal(json_integer_value(json_object_get(t, "trips_in")), 1);
	assert_int_equal(json_integer_value(json_object_get(t, "cancelled")), 1);
	assert_int_equal(json_integer_value(json_object_get(t, "cost_trips")), 3);
	/* officials: one trip of three states them */
	assert_int_equal(json_integer_value(json_object_get(t, "officials")), 2);
	assert_int_equal(json_integer_value(json_object_get(t, "officials_known")), 1);
	assert_true(json_real_value(json_object_get(t, "costs_estimate_eur")) == 10900.0);
	assert_int_equal(json_integer_value(json_object_get(t, "estimate_known")), 1);
	assert_true(json_real_value(json_object_get(t, "costs_actual_eur")) == 1000.5);
	assert_int_equal(json_integer_value(json_object_get(t, "paid_by_others")), 2);
	p = json_object_get(t, "payers");
	assert_int_equal(json_array_size(p), 2);
	for (size_t i = 0; i < 2; i++) {
		const char *by = json_string_value(json_object_get(json_array_get(p, i), "paid_by"));
		json_t *amt = json_object_get(json_array_get(p, i), "amount_eur");
		if (!strcmp(by, "Dujat"))
			assert_true(json_is_null(amt)); /* unknown, not 0 */
		else
			assert_true(json_real_value(amt) == 1000.5);
	}
	/* Helsinki took place without a report (due 10 November): late;
	 * Madrid was approved and never recorded: not late */
	assert_int_equal(json_integer_value(json_object_get(t, "reports_late")), 1);
	assert_int_equal(json_integer_value(json_object_get(t, "not_recorded")), 1);
	json_decref(t);
	/* nothing at all: null sums, zero counts */
	json_t *none = json_array();
	t = rr_trip_totals(none, 42, &today, NULL);
	assert_true(json_is_null(json_object_get(t, "costs_estimate_eur")));
	assert_true(json_is_null(json_object_get(t, "officials")));
	assert_int_equal(json_integer_value(json_object_get(t, "trips")), 0);
	json_decref(t);
	json_decref(none);
	json_decref(trips);
}

static void spreadsheet(void **state)
{
	(void)state;
	json_t *trips = parse(trips_json);
	json_t *orgs = parse("{\"gm0034\":{\"id\":\"gm0034\",\"name\":\"Gemeente Almere\"}}");
	rr_date today = rr_date_day(2023, 12, 1);
	rr_buf b;

	rr_buf_init(&b, 0);
	assert_int_equal(rr_xlsx_trips(&b, trips, orgs, &today), RR_OK);
	assert_true(b.len > 1000);
	assert_memory_equal(b.data, "PK\x03\x04", 4); /* a zip: Office Open XML */
	rr_buf_free(&b);
	/* an empty selection still gives both sheets */
	json_t *none = json_array();
	rr_buf_init(&b, 0);
	assert_int_equal(rr_xlsx_trips(&b, none, orgs, &today), RR_OK);
	assert_memory_equal(b.data, "PK\x03\x04", 4);
	rr_buf_free(&b);
	json_decref(none);
	json_decref(orgs);
	json_decref(trips);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sums_with_known),
		cmocka_unit_test(spreadsheet),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
