/* Unit tests: src/model/record.c, schema.c, country.c - validation. */
#include "testutil.h"

#include <string.h>

#include "model/country.h"
#include "model/record.h"

/* Normalises JSON text as kind k; returns the error and fills d. */
static rr_err norm(rr_kind k, const char *text, json_t **out, rr_diag *d)
{
	json_error_t je;
	json_t *in = json_loads(text, 0, &je);
	rr_err e;
	assert_non_null(in);
	e = rr_record_normalise(k, in, "t", out, d);
	json_decref(in);
	return e;
}

static int has_msg(const rr_diag *d, const char *needle)
{
	for (size_t i = 0; i < d->n; i++)
		if (strstr(d->msg[i], needle))
			return 1;
	return 0;
}

#define TRIP "\"id\":\"gm0034-2023-japan\",\"organisation\":\"gm0034\",\"title\":\"Japan\"," \
	     "\"direction\":\"out\""

static void valid_trip_normalised(void **state)
{
	(void)state;
	json_t *out = NULL, *again = NULL;
	rr_diag d = {0};
	assert_int_equal(norm(RR_K_TRIP, "{" TRIP ",\"status\":\"approved\",\"title\":\"  Japan \","
			 "\"planned_start\":\"2023-05-13\",\"planned_end\":\"2023-05-19\","
			 "\"purpose\":null,\"counterpart\":\"\",\"costs\":[{\"category\":\"reis\","
			 "\"amount_eur\":10900,\"kind\":\"estimate\"}]}", &out, &d), RR_OK);
	assert_string_equal(rr_rec_str(out, "title"), "Japan");
	assert_string_equal(rr_rec_str(out, "start"), "2023-05-13"); /* from planned */
	assert_string_equal(rr_rec_str(out, "end"), "2023-05-19");
	assert_null(json_object_get(out, "purpose"));
	assert_null(json_object_get(out, "counterpart"));
	assert_int_equal(rr_amount_cents(json_object_get(
		json_array_get(json_object_get(out, "costs"), 0), "amount_eur")), 1090000);
	/* normalising is idempotent */
	assert_int_equal(rr_record_normalise(RR_K_TRIP, out, "t", &again, &d), RR_OK);
	assert_true(json_equal(out, again));
	json_decref(out);
	json_decref(again);
	rr_diag_free(&d);
}

static void end_before_start(void **state)
{
	(void)state;
	json_t *out = NULL;
	rr_diag d = {0};
	assert_int_equal(norm(RR_K_TRIP, "{" TRIP ",\"status\":\"completed\","
			 "\"start\":\"2023-05-15\",\"end\":\"2023-05-13\"}", &out, &d), RR_EINVAL);
	assert_null(out);
	assert_true(has_msg(&d, "t: end: 2023-05-13 is before start 2023-05-15"));
	rr_diag_free(&d);
	/* reduced precision: 1996-10 .. 1996-10-05 overlaps, allowed */
	assert_int_equal(norm(RR_K_TRIP, "{" TRIP ",\"status\":\"completed\","
			 "\"start\":\"1996-10\",\"end\":\"1996-10-05\"}", &out, &d), RR_OK);
	json_decref(out);
	rr_diag_free(&d);
}

static void field_problems_named(void **state)
{
	(void)state;
	static const struct { const char *json, *msg; } cases[] = {
		{"{" TRIP ",\"status\":\"draft\",\"destinations\":[{\"country\":\"XX\"}]}",
		 "destinations[0].country: 'XX' is not an ISO 3166-1"},
		{"{" TRIP ",\"status\":\"draft\",\"destinations\":[{\"country\":\"nl\"}]}",
		 "destinations[0].country"},
		{"{" TRIP ",\"status\":\"draft\",\"costs\":[{\"category\":\"x\",\"kind\":\"actual\","
		 "\"amount_eur\":-1}]}", "costs[0].amount_eur: must not be negative"},
		{"{" TRIP ",\"status\":\"draft\",\"costs\":[{\"category\":\"x\",\"kind\":\"actual\","
		 "\"amount_eur\":1.005}]}", "more than two decimals"},
		{"{" TRIP ",\"status\":\"draft\",\"start\":\"2023-02-30\"}",
		 "start: '2023-02-30' is not a date: that day does not exist"},
		{"{" TRIP ",\"status\":\"flying\"}", "status: 'flying' is not one of"},
		{"{\"id\":\"x\",\"title\":\"a\",\"direction\":\"out\",\"status\":\"draft\"}",
		 "organisation: is required"},
		{"{" TRIP ",\"status\":\"draft\",\"colour\":\"red\"}", "colour: unknown field"},
		{"{" TRIP ",\"status\":\"draft\",\"public\":\"yes\"}", "public: must be true or false"},
		{"{" TRIP ",\"status\":\"draft\",\"accompanying_officials\":1.5}",
		 "accompanying_officials: must be a whole number"},
		{"{\"id\":\"Bad Id\",\"organisation\":\"gm0034\",\"title\":\"a\",\"direction\":\"out\","
		 "\"status\":\"draft\"}", "id: 'Bad Id' is not a valid id"},
		{"{" TRIP ",\"status\":\"cancelled\"}", "cancellation: a cancelled trip needs"},
		{"{" TRIP ",\"status\":\"reported\",\"start\":\"2023-01-01\"}", "report: a trip with status"},
		{"{" TRIP ",\"status\":\"completed\"}", "start: is required once a trip has taken place"},
		{"{" TRIP ",\"status\":\"completed\",\"sources\":[]}", "start: is required once a trip"},
		{"{" TRIP ",\"status\":\"approved\",\"decision\":{\"outcome\":\"rejected\"}}",
		 "decision.outcome: is rejected but the trip's status is approved"},
		{"{" TRIP ",\"status\":\"rejected\",\"decision\":{\"outcome\":\"approved\"}}",
		 "decision.outcome: is approved but the trip's status is rejected"},
		{"{" TRIP ",\"status\":\"draft\",\"title\":\"   \"}", "title: must not be empty or blank"},
		{"{" TRIP ",\"status\":\"draft\",\"title\":\"a\\u0001b\"}", "title: contains control"},
		{"{" TRIP ",\"status\":\"draft\",\"sources\":[{\"url\":\"javascript:alert(1)\"}]}",
		 "sources[0].url: 'javascript:alert(1)' is not an http(s) URL"},
		{"{" TRIP ",\"status\":\"draft\",\"themes\":[\"trade\",\"golf\"]}", "themes[1]: 'golf'"},
		{"[1]", "record: must be an object"},
		{"{" TRIP ",\"status\":\"draft\",\"public\":true}", "public: a draft cannot be published"},
		{"{" TRIP ",\"status\":\"completed\",\"start\":\"2023-01-01\",\"decision\":"
		 "{\"outcome\":\"rejected\"}}", "decision.outcome: is rejected but the trip's status is completed"},
		{"{" TRIP ",\"status\":\"reported\",\"start\":\"2023-01-01\",\"report\":"
		 "{\"due\":\"2023-03-01\"}}", "report: a trip with status reported needs a report text"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		json_t *out = NULL;
		rr_diag d = {0};
		assert_int_equal(norm(RR_K_TRIP, cases[i].json, &out, &d), RR_EINVAL);
		if (!has_msg(&d, cases[i].msg)) {
			rr_diag_print(&d, "got: ", stderr);
			fail_msg("case %zu: no message containing '%s'", i, cases[i].msg);
		}
		assert_null(out);
		rr_diag_free(&d);
	}
}

static void every_problem_reported(void **state)
{
	(void)state;
	json_t *out = NULL;
	rr_diag d = {0};
	assert_int_equal(norm(RR_K_TRIP, "{" TRIP ",\"status\":\"draft\",\"start\":\"2023-05-15\","
			 "\"end\":\"2023-05-01\",\"destinations\":[{\"country\":\"ZZ\"}],\"x\":1}",
			 &out, &d), RR_EINVAL);
	assert_int_equal(d.n, 3);
	rr_diag_free(&d);
}

static void other_kinds(void **state)
{
	(void)state;
	json_t *out = NULL;
	rr_diag d = {0};
	assert_int_equal(norm(RR_K_PARTNERSHIP, "{\"id\":\"pv26-guangdong\",\"organisation\":\"pv26\","
			 "\"partner\":{\"name\":\"Guangdong\",\"country\":\"CN\"},\"type\":\"friendship_treaty\","
			 "\"since\":\"1995\",\"events\":[{\"date\":\"1995\",\"kind\":\"signed\"}]}",
			 &out, &d), RR_OK);
	json_decref(out);
	assert_int_equal(norm(RR_K_PARTNERSHIP, "{\"id\":\"p\",\"organisation\":\"pv26\","
			 "\"partner\":{\"name\":\"G\",\"country\":\"CN\"},\"type\":\"mou\","
			 "\"since\":\"2016\",\"until\":\"2013\"}", &out, &d), RR_EINVAL);
	assert_true(has_msg(&d, "until: 2013 is before since 2016"));
	rr_diag_free(&d);
	assert_int_equal(norm(RR_K_GIFT, "{\"id\":\"g1\",\"organisation\":\"gm0034\","
			 "\"giver\":\"Shenzhen\",\"recipient\":\"burgemeester\",\"date\":\"2016-05-30\","
			 "\"description\":\"vaas\",\"value_eur\":45.5}", &out, &d), RR_OK);
	json_decref(out);
	assert_int_equal(norm(RR_K_GIFT, "{\"id\":\"g1\",\"organisation\":\"gm0034\"}", &out, &d),
			 RR_EINVAL);
	assert_true(has_msg(&d, "description: is required"));
	rr_diag_free(&d);
	/* giver, recipient and date may each be unknown (null or left out) */
	assert_int_equal(norm(RR_K_GIFT, "{\"id\":\"g1\",\"organisation\":\"gm0034\","
			 "\"giver\":null,\"recipient\":\"wethouder\",\"description\":\"een das\"}",
			 &out, &d), RR_OK);
	assert_null(json_object_get(out, "giver"));
	assert_null(json_object_get(out, "date"));
	json_decref(out);
	assert_int_equal(norm(RR_K_GIFT, "{\"id\":\"g1\",\"organisation\":\"gm0034\","
			 "\"giver\":\"Stad Bergen\",\"date\":\"2021\",\"description\":\"een das\"}",
			 &out, &d), RR_OK);
	json_decref(out);
	assert_int_equal(norm(RR_K_GIFT, "{\"id\":\"g1\",\"organisation\":\"gm0034\","
			 "\"date\":\"2021-03-04\",\"description\":\"een das\"}", &out, &d), RR_OK);
	json_decref(out);
	assert_int_equal(norm(RR_K_GIFT, "{\"id\":\"g1\",\"organisation\":\"gm0034\","
			 "\"trip\":\"gm0034-2021-bergen\",\"description\":\"een das\"}", &out, &d),
			 RR_OK);
	json_decref(out);
	assert_int_equal(d.n, 0);
	/* but not a description alone: nothing in it could be checked */
	assert_int_equal(norm(RR_K_GIFT, "{\"id\":\"g1\",\"organisation\":\"gm0034\","
			 "\"giver\":\" \",\"description\":\"een das\"}", &out, &d), RR_EINVAL);
	assert_true(has_msg(&d, "giver: a gift needs at least one of giver, recipient, date or trip"));
	rr_diag_free(&d);
}

static void count(void *ctx, rr_kind k, const char *id, const char *path)
{
	(void)k;
	(void)path;
	assert_non_null(id);
	++*(int *)ctx;
}

static void refs_walked(void **state)
{
	(void)state;
	json_t *out = NULL;
	rr_diag d = {0};
	int n = 0;
	assert_int_equal(norm(RR_K_TRIP, "{" TRIP ",\"status\":\"draft\",\"partnership\":\"p1\","
			 "\"travellers\":[{\"name\":\"A\",\"person\":\"pa\"},{\"name\":\"B\"}],"
			 "\"sources\":[{\"document\":\"d1\"}]}", &out, &d), RR_OK);
	rr_record_refs(RR_K_TRIP, out, count, &n);
	assert_int_equal(n, 4); /* organisation, partnership, person, document */
	json_decref(out);
	rr_diag_free(&d);
}

static void lifecycle(void **state)
{
	(void)state;
	assert_true(rr_status_transition_ok("draft", "requested"));
	assert_true(rr_status_transition_ok("requested", "coordinated"));
	assert_true(rr_status_transition_ok("coordinated", "approved"));
	assert_true(rr_status_transition_ok("approved", "completed"));
	assert_true(rr_status_transition_ok("completed", "reported"));
	assert_true(rr_status_transition_ok("approved", "cancelled"));
	assert_true(rr_status_transition_ok("reported", "reported"));
	assert_false(rr_status_transition_ok("reported", "draft"));
	assert_false(rr_status_transition_ok("draft", "completed"));
	assert_false(rr_status_transition_ok("rejected", "completed"));
	assert_false(rr_status_transition_ok("cancelled", "approved"));
}

static void countries(void **state)
{
	(void)state;
	assert_int_equal(rr_country_count(), 250);
	assert_true(rr_country_valid("NL"));
	assert_true(rr_country_valid("CN"));
	assert_true(rr_country_valid("ZW"));
	assert_true(rr_country_valid("AD"));
	assert_false(rr_country_valid("UK"));
	assert_false(rr_country_valid("nl"));
	assert_false(rr_country_valid("NLD"));
	assert_false(rr_country_valid(""));
	assert_false(rr_country_valid(NULL));
	/* Dutch names for every valid code, from the gazetteer */
	assert_string_equal(rr_country_label("CN"), "China");
	assert_string_equal(rr_country_label("ZW"), "Zimbabwe");
	assert_string_equal(rr_country_label("NI"), "Nicaragua");
	assert_string_equal(rr_country_label("XK"), "Kosovo");
	assert_string_equal(rr_country_label("QQ"), "QQ");
	assert_string_equal(rr_country_label(NULL), "");
}

/* Every value of every enumeration in every record kind has a Dutch label,
 * so no page shows "follow_up_visit" or "approved". */
static size_t unlabelled(const rr_field *fields)
{
	size_t missing = 0;
	for (const rr_field *f = fields; f && f->name; f++) {
		if (f->values)
			for (size_t i = 0; f->values[i]; i++)
				if (!rr_enum_label(f->values, f->values[i])) {
					print_error("no Dutch label: %s = %s\n", f->name, f->values[i]);
					missing++;
				}
		if (f->sub)
			missing += unlabelled(f->sub);
	}
	return missing;
}

static void enum_labels(void **state)
{
	(void)state;
	for (int k = 0; k < RR_K_COUNT; k++)
		assert_int_equal(unlabelled(rr_kind_get((rr_kind)k)->fields), 0);
	assert_string_equal(rr_enum_label(rr_result_type_values, "follow_up_visit"), "vervolgbezoek");
	assert_string_equal(rr_enum_label(rr_trip_status_values, "approved"), "goedgekeurd");
	assert_null(rr_enum_label(rr_trip_status_values, "follow_up_visit"));
	assert_null(rr_enum_label(rr_trip_status_values, NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_trip_normalised), cmocka_unit_test(end_before_start),
		cmocka_unit_test(field_problems_named), cmocka_unit_test(every_problem_reported),
		cmocka_unit_test(other_kinds), cmocka_unit_test(refs_walked),
		cmocka_unit_test(lifecycle), cmocka_unit_test(countries),
		cmocka_unit_test(enum_labels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
