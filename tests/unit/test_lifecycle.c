/* Unit tests: src/model/lifecycle.c */
#include "testutil.h"

#include <string.h>

#include "model/lifecycle.h"
#include "model/record.h"

static json_t *trip(const char *extra)
{
	char text[2048];
	json_error_t je;
	json_t *t;
	snprintf(text, sizeof text, "{\"id\":\"gm0034-2023-japan\",\"organisation\":\"gm0034\","
		 "\"title\":\"Japan\",\"direction\":\"out\",\"status\":\"draft\"%s%s}",
		 extra ? "," : "", extra ? extra : "");
	t = json_loads(text, 0, &je);
	assert_non_null(t);
	return t;
}

static const char *status(const json_t *t)
{
	return json_string_value(json_object_get(t, "status"));
}

static void whole_lifecycle(void **state)
{
	(void)state;
	json_t *t = trip("\"planned_start\":\"2023-05-13\",\"planned_end\":\"2023-05-19\","
			 "\"start\":\"2023-05-13\",\"end\":\"2023-05-19\"");
	rr_diag d = {0};
	rr_date d1 = rr_date_day(2023, 2, 8), d2 = rr_date_day(2023, 2, 21);
	rr_date s = rr_date_day(2023, 5, 15), e = rr_date_day(2023, 5, 19), r = rr_date_day(2023, 7, 10);
	json_t *norm = NULL;

	assert_int_equal(rr_trip_request(t, NULL, &d), RR_OK);
	assert_int_equal(rr_trip_coordinate(t, "internationale zaken", &d1, &d), RR_OK);
	assert_int_equal(rr_trip_coordinate(t, "burgemeester", &d1, &d), RR_OK);
	assert_string_equal(status(t), "coordinated");
	assert_int_equal(json_array_size(json_object_get(t, "coordination")), 2);
	assert_int_equal(rr_trip_decide(t, "approved", &d2, &d), RR_OK);
	assert_int_equal(rr_trip_complete(t, &s, &e, &d), RR_OK);
	assert_string_equal(json_string_value(json_object_get(t, "start")), "2023-05-15");
	assert_int_equal(rr_trip_file_report(t, "Verslag", &r, &d), RR_OK);
	assert_string_equal(status(t), "reported");
	rr_trip_publish(t, 1);
	/* the result is a valid record */
	assert_int_equal(rr_record_normalise(RR_K_TRIP, t, "t", &norm, &d), RR_OK);
	json_t *diffs = rr_trip_differences(norm);
	assert_int_equal(json_array_size(diffs), 1); /* start 13 -> 15 May */
	assert_string_equal(json_string_value(json_object_get(json_array_get(diffs, 0), "field")),
			    "start");
	json_decref(diffs);
	json_decref(norm);
	json_decref(t);
	assert_int_equal(d.n, 0);
}

static void refusals_leave_trip_unchanged(void **state)
{
	(void)state;
	json_t *t = trip(NULL), *copy;
	rr_diag d = {0};
	rr_date day = rr_date_day(2023, 2, 21), month = rr_date_month(2023, 2);
	copy = json_deep_copy(t);
	assert_int_equal(rr_trip_decide(t, "approved", &day, &d), RR_ECONFLICT); /* draft */
	assert_non_null(strstr(d.msg[0], "cannot go from draft to approved"));
	assert_string_equal(rr_diag_field(&d, 0), "status");
	assert_int_equal(rr_trip_file_report(t, "x", &day, &d), RR_ECONFLICT);
	assert_int_equal(rr_trip_request(t, NULL, &d), RR_OK);
	assert_int_equal(rr_trip_decide(t, "maybe", &day, &d), RR_EINVAL);
	assert_int_equal(rr_trip_decide(t, "approved", &month, &d), RR_EINVAL);
	assert_int_equal(rr_trip_cancel(t, "", NULL, &d), RR_EINVAL);
	assert_int_equal(rr_trip_coordinate(t, "", &day, &d), RR_EINVAL);
	assert_int_equal(rr_trip_complete(t, NULL, NULL, &d), RR_EINVAL); /* no start */
	json_object_set_new(copy, "status", json_string("requested"));
	assert_true(json_equal(t, copy));
	assert_int_equal(rr_trip_cancel(t, "afgelast vanwege Covid", NULL, &d), RR_OK);
	assert_int_equal(rr_trip_request(t, NULL, &d), RR_ECONFLICT);
	json_decref(t);
	json_decref(copy);
	rr_diag_free(&d);
}

static void deadlines(void **state)
{
	(void)state;
	json_t *t = trip("\"status\":\"completed\",\"start\":\"2023-05-15\",\"end\":\"2023-05-19\"");
	rr_date due = rr_trip_report_due(t, 42), before = rr_date_day(2023, 6, 30),
		after = rr_date_day(2023, 7, 10);
	char s[RR_DATE_ISO_MAX];
	rr_date_iso(&due, s);
	assert_string_equal(s, "2023-06-30");
	assert_int_equal(rr_trip_days_overdue(t, 42, &before), 0);
	assert_int_equal(rr_trip_days_overdue(t, 42, &after), 10);
	rr_date_iso((rr_date[]){rr_trip_report_due(t, 14)}, s);
	assert_string_equal(s, "2023-06-02"); /* configurable period */
	/* an explicit due date wins */
	json_object_set_new(t, "report", json_pack("{s:s}", "due", "2023-08-01"));
	assert_int_equal(rr_trip_days_overdue(t, 42, &after), 0);
	/* a filed report is never late */
	json_object_set_new(t, "report", json_pack("{s:s, s:s}", "text", "x", "submitted", "2023-09-01"));
	assert_int_equal(rr_trip_days_overdue(t, 42, &after), 0);
	json_decref(t);
	/* an approved trip is never late: still ahead, or (dates passed) its
	 * taking place was not recorded, a signal for editors */
	t = trip("\"status\":\"approved\",\"start\":\"2023-05-15\",\"end\":\"2023-05-19\"");
	assert_int_equal(rr_trip_days_overdue(t, 42, &(rr_date){2023, 5, 1, RR_PREC_DAY}), 0);
	assert_int_equal(rr_trip_report_status(t, 42, &(rr_date){2023, 5, 1, RR_PREC_DAY}).state,
			 RR_REPORT_NOT_DUE);
	assert_int_equal(rr_trip_days_overdue(t, 42, &after), 0);
	assert_int_equal(rr_trip_report_status(t, 42, &after).state, RR_REPORT_NOT_RECORDED);
	json_object_set_new(t, "status", json_string("requested"));
	assert_int_equal(rr_trip_report_status(t, 42, &after).state, RR_REPORT_NOT_RECORDED);
	json_decref(t);
	/* incoming delegations have no report deadline */
	t = trip("\"direction\":\"in\",\"status\":\"completed\",\"start\":\"2023-05-15\"");
	json_object_set_new(t, "direction", json_string("in"));
	assert_int_equal(rr_trip_report_due(t, 42).prec, RR_PREC_NONE);
	json_decref(t);
}

static void late_definition(void **state)
{
	(void)state;
	rr_date today = rr_date_day(2026, 12, 1);
	rr_report_status rs;
	char s[RR_DATE_ISO_MAX];
	/* a trip known to the month: due 42 days after the month's last day */
	json_t *t = trip("\"status\":\"completed\",\"start\":\"2016-09\",\"end\":\"2016-09\"");
	rs = rr_trip_report_status(t, 42, &today);
	assert_int_equal(rs.state, RR_REPORT_LATE);
	rr_date_iso(&rs.due, s);
	assert_string_equal(s, "2016-11-11");
	assert_int_equal(rs.days_late, rr_date_first(&today) - rr_days_from_ymd(2016, 11, 11));
	assert_int_equal(rr_trip_report_status(t, 42, &(rr_date){2016, 10, 15, RR_PREC_DAY}).state,
			 RR_REPORT_PENDING);
	json_decref(t);
	/* a later document reporting on the trip is its report, dated by it */
	t = trip("\"status\":\"completed\",\"start\":\"2017-10-28\",\"end\":\"2017-11-04\","
		 "\"report\":{\"submitted\":\"2018-03-01\",\"document\":\"doc-brief\"}");
	rs = rr_trip_report_status(t, 42, &today);
	assert_int_equal(rs.state, RR_REPORT_FILED);
	rr_date_iso(&rs.filed, s);
	assert_string_equal(s, "2018-03-01");
	assert_int_equal(rs.days_late, rr_days_from_ymd(2018, 3, 1) - rr_days_from_ymd(2017, 12, 16));
	assert_int_equal(rr_trip_days_overdue(t, 42, &today), 0);
	json_decref(t);
	/* cancelled, rejected, drafts and incoming delegations: nothing due */
	const char *none[] = {"\"status\":\"cancelled\",\"start\":\"2020-05\"",
		"\"status\":\"rejected\",\"start\":\"2020-05-01\"",
		"\"status\":\"draft\",\"start\":\"2020-05-01\""};
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
		t = trip(none[i]);
		json_object_set_new(t, "status", json_string(i == 0 ? "cancelled" : i == 1 ? "rejected" : "draft"));
		assert_int_equal(rr_trip_report_status(t, 42, &today).state, RR_REPORT_NOT_DUE);
		json_decref(t);
	}
	/* completed without any date: pending, never late */
	t = trip("\"status\":\"completed\"");
	json_object_set_new(t, "status", json_string("completed"));
	assert_int_equal(rr_trip_report_status(t, 42, &today).state, RR_REPORT_PENDING);
	json_decref(t);
}

static const json_t *diff_of(const json_t *diffs, const char *field)
{
	const json_t *d;
	size_t i;
	json_array_foreach(diffs, i, d)
		if (!strcmp(json_string_value(json_object_get(d, "field")), field))
			return d;
	return NULL;
}

static void differences_quantified(void **state)
{
	(void)state;
	json_t *t = trip("\"status\":\"reported\",\"planned_start\":\"2023-05-13\","
		"\"planned_end\":\"2023-05-19\",\"start\":\"2023-05-15\",\"end\":\"2023-05-18\","
		"\"planned_accompanying_officials\":2,\"accompanying_officials\":1,"
		"\"planned_travellers\":[{\"name\":\"A\"},{\"name\":\"B\"}],"
		"\"travellers\":[{\"name\":\"A\"},{\"name\":\"C\"}],"
		"\"costs\":[{\"category\":\"r\",\"kind\":\"estimate\",\"amount_eur\":1000},"
		"{\"category\":\"r\",\"kind\":\"actual\",\"amount_eur\":1250}]");
	json_object_set_new(t, "status", json_string("reported"));
	json_t *d = rr_trip_differences(t);
	assert_int_equal(json_integer_value(json_object_get(diff_of(d, "start"), "days")), 2);
	assert_int_equal(json_integer_value(json_object_get(diff_of(d, "end"), "days")), -1);
	assert_int_equal(json_integer_value(json_object_get(diff_of(d, "accompanying_officials"),
							    "delta")), -1);
	assert_string_equal(json_string_value(json_array_get(json_object_get(
		diff_of(d, "travellers"), "added"), 0)), "C");
	assert_string_equal(json_string_value(json_array_get(json_object_get(
		diff_of(d, "travellers"), "removed"), 0)), "B");
	assert_true(json_real_value(json_object_get(diff_of(d, "costs_eur"), "delta_eur")) == 250.0);
	assert_true(json_real_value(json_object_get(diff_of(d, "costs_eur"), "percent")) == 25.0);
	json_decref(d);
	/* a trip that did not take place has no actual dates to compare */
	json_object_set_new(t, "status", json_string("approved"));
	d = rr_trip_differences(t);
	assert_null(diff_of(d, "start"));
	json_decref(d);
	/* no request: nothing planned, nothing to compare */
	json_decref(t);
	t = trip("\"status\":\"reported\",\"start\":\"2014-11-15\",\"end\":\"2014-11-21\"");
	json_object_set_new(t, "status", json_string("reported"));
	d = rr_trip_differences(t);
	assert_int_equal(json_array_size(d), 0);
	json_decref(d);
	json_decref(t);
}

static void completeness(void **state)
{
	(void)state;
	rr_date today = rr_date_day(2023, 8, 1);
	json_t *t = trip("\"status\":\"completed\",\"start\":\"2023-05-15\",\"end\":\"2023-05-19\"");
	json_t *c = rr_trip_completeness(t, 42, &today);
	const char *expect[] = {"purpose", "destinations", "travellers", "accompanying_officials",
				"costs", "decision", "report"};
	assert_int_equal(json_array_size(c), sizeof expect / sizeof expect[0]);
	for (size_t i = 0; i < json_array_size(c); i++)
		assert_string_equal(json_string_value(json_object_get(json_array_get(c, i), "field")),
				    expect[i]);
	json_decref(c);
	json_decref(t);
	t = trip("\"status\":\"reported\",\"start\":\"2023-05-15\",\"purpose\":\"p\","
		 "\"destinations\":[{\"country\":\"JP\"}],\"travellers\":[{\"name\":\"A\"}],"
		 "\"accompanying_officials\":2,\"costs\":[{\"category\":\"r\",\"kind\":\"actual\"}],"
		 "\"decision\":{\"outcome\":\"approved\",\"date\":\"2023-06-01\"},"
		 "\"report\":{\"text\":\"x\",\"submitted\":\"2023-06-10\"}");
	c = rr_trip_completeness(t, 42, &today);
	assert_int_equal(json_array_size(c), 1); /* decided after departure */
	assert_string_equal(json_string_value(json_object_get(json_array_get(c, 0), "field")),
			    "decision.date");
	json_decref(c);
	json_decref(t);
}


/* The rules of time (the Osaka example on 1 December 2026). */
static void rules_of_time(void **state)
{
	(void)state;
	rr_date today = rr_date_day(2026, 12, 1);
	rr_diag d = {0};
	json_t *t = trip("\"status\":\"completed\",\"start\":\"2027-03-10\",\"end\":\"2027-03-15\"");

	assert_int_equal(rr_trip_check_times(t, &today, &d), RR_EINVAL);
	assert_string_equal(rr_diag_field(&d, 0), "end");
	assert_non_null(strstr(d.msg[0], "15 maart 2027"));
	rr_diag_free(&d);
	json_object_set_new(t, "status", json_string("approved"));
	assert_int_equal(rr_trip_check_times(t, &today, &d), RR_OK); /* still ahead: fine */
	json_object_set_new(t, "report", json_pack("{s:s}", "submitted", "2027-04-01"));
	assert_int_equal(rr_trip_check_times(t, &today, &d), RR_EINVAL);
	assert_string_equal(rr_diag_field(&d, 0), "report.submitted");
	assert_non_null(strstr(d.msg[0], "1 april 2027"));
	rr_diag_free(&d);
	json_object_del(t, "report");
	json_object_set_new(t, "requested", json_string("2026-11-20"));
	json_object_set_new(t, "decision", json_pack("{s:s, s:s}", "outcome", "approved", "date",
						      "2026-11-19"));
	assert_int_equal(rr_trip_check_times(t, &today, &d), RR_EINVAL);
	assert_string_equal(rr_diag_field(&d, 0), "decision.date");
	assert_non_null(strstr(d.msg[0], "20 november 2026"));
	rr_diag_free(&d);
	json_object_set_new(t, "decision", json_pack("{s:s, s:s}", "outcome", "approved", "date",
						      "2026-11-20"));
	assert_int_equal(rr_trip_check_times(t, &today, &d), RR_OK); /* the same day: fine */
	json_object_set_new(t, "decision", json_pack("{s:s, s:s}", "outcome", "approved", "date",
						      "2026-12-02"));
	assert_int_equal(rr_trip_check_times(t, &today, &d), RR_EINVAL); /* tomorrow */
	rr_diag_free(&d);
	json_decref(t);
	/* a month-precise return date in the current month counts as ended */
	t = trip("\"status\":\"completed\",\"start\":\"2026-12\"");
	assert_int_equal(rr_trip_check_times(t, &today, &d), RR_OK);
	json_decref(t);
	assert_int_equal(d.n, 0);
}

/* The decision in full: conform, onder voorwaarden, afgewezen, aangehouden. */
static void decision_outcomes(void **state)
{
	(void)state;
	rr_date day = rr_date_day(2023, 2, 21);
	rr_diag d = {0};
	json_t *t = trip(NULL), *norm = NULL;

	assert_int_equal(rr_trip_request(t, &day, &d), RR_OK);
	assert_string_equal(json_string_value(json_object_get(t, "requested")), "2023-02-21");
	assert_int_equal(rr_trip_decide(t, "deferred", &day, &d), RR_OK);
	assert_string_equal(status(t), "requested"); /* aangehouden: still waiting */
	assert_int_equal(rr_record_normalise(RR_K_TRIP, t, "t", &norm, &d), RR_OK);
	json_decref(norm);
	assert_int_equal(rr_trip_decide(t, "approved_with_conditions", &day, &d), RR_OK);
	assert_string_equal(status(t), "approved");
	json_object_set_new(json_object_get(t, "decision"), "number", json_string("B&W 2023/114"));
	json_object_set_new(json_object_get(t, "decision"), "conditions",
			    json_string("Alleen economy class."));
	assert_int_equal(rr_record_normalise(RR_K_TRIP, t, "t", &norm, &d), RR_OK);
	json_decref(norm);
	/* an approved trip with a deferred decision is inconsistent */
	json_object_set_new(json_object_get(t, "decision"), "outcome", json_string("deferred"));
	assert_int_equal(rr_record_normalise(RR_K_TRIP, t, "t", &norm, &d), RR_EINVAL);
	rr_diag_free(&d);
	/* deferring is only for a request that waits */
	json_object_set_new(json_object_get(t, "decision"), "outcome", json_string("approved"));
	assert_int_equal(rr_trip_decide(t, "deferred", &day, &d), RR_ECONFLICT);
	assert_string_equal(rr_enum_label(rr_outcome_values, "approved"), "conform (goedgekeurd)");
	assert_string_equal(rr_enum_label(rr_outcome_values, "deferred"), "aangehouden");
	json_decref(t);
	rr_diag_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(whole_lifecycle), cmocka_unit_test(refusals_leave_trip_unchanged),
		cmocka_unit_test(deadlines), cmocka_unit_test(late_definition),
		cmocka_unit_test(differences_quantified), cmocka_unit_test(completeness),
		cmocka_unit_test(rules_of_time), cmocka_unit_test(decision_outcomes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
