/* test_nlfmt.c - Dutch rendering of dates and ranges. */
#include "testutil.h"

#include <string.h>

#include "nl/nlfmt.h"

static rr_date iso(const char *s)
{
	rr_date d;

	memset(&d, 0, sizeof d);
	if (s)
		assert_int_equal(rr_date_parse_iso(s, &d, NULL), RR_OK);
	return d;
}

static void want(const char *start, const char *end, const char *text)
{
	rr_date s = iso(start), e = iso(end);
	rr_buf b;
	char small[64];

	rr_buf_init(&b, 0);
	assert_int_equal(rr_nlfmt_range(&b, &s, end ? &e : NULL), RR_OK);
	assert_string_equal(rr_buf_cstr(&b), text);
	rr_buf_free(&b);
	assert_int_equal(rr_nlfmt_range_s(small, sizeof small, &s, &e), RR_OK);
	assert_string_equal(small, text);
}

static void test_single(void **state)
{
	(void)state;
	want("2023-05-15", NULL, "15 mei 2023");
	want("2023-05-01", NULL, "1 mei 2023");
	want("1996-10", NULL, "oktober 1996");
	want("2001", NULL, "2001");
	want("2023-05-15", "2023-05-15", "15 mei 2023");
}

static void test_day_ranges(void **state)
{
	(void)state;
	want("2014-11-15", "2014-11-21", "15 t/m 21 november 2014");
	want("2023-09-28", "2023-09-29", "28 en 29 september 2023");
	want("2016-05-29", "2016-06-03", "29 mei t/m 3 juni 2016");
	want("2016-05-31", "2016-06-01", "31 mei t/m 1 juni 2016");
	want("2016-12-30", "2017-01-02", "30 december 2016 t/m 2 januari 2017");
	want("2016-12-31", "2017-01-01", "31 december 2016 t/m 1 januari 2017");
}

static void test_coarse_ranges(void **state)
{
	(void)state;
	want("2006-02", "2006-03", "februari t/m maart 2006");
	want("2016-12", "2017-02", "december 2016 t/m februari 2017");
	want("2015", "2018", "2015 t/m 2018");
	want("1980", "1989", "1980 t/m 1989");
	want("2023-05-15", "2023-06", "15 mei 2023 t/m juni 2023");
}

static void test_long(void **state)
{
	rr_date d = iso("2023-04-18");
	char out[64];

	(void)state;
	assert_int_equal(rr_nlfmt_long_s(out, sizeof out, &d), RR_OK);
	assert_string_equal(out, "dinsdag 18 april 2023");
	d = iso("1970-01-01");
	assert_int_equal(rr_nlfmt_long_s(out, sizeof out, &d), RR_OK);
	assert_string_equal(out, "donderdag 1 januari 1970");
	d = iso("2024-02-29");
	assert_int_equal(rr_nlfmt_long_s(out, sizeof out, &d), RR_OK);
	assert_string_equal(out, "donderdag 29 februari 2024");
	d = iso("1969-12-28");
	assert_string_equal(rr_nl_weekday_name(&d), "zondag");
	d = iso("1996-10");
	assert_int_equal(rr_nlfmt_long_s(out, sizeof out, &d), RR_OK);
	assert_string_equal(out, "oktober 1996");
	assert_null(rr_nl_weekday_name(&d));
}

static void test_errors(void **state)
{
	rr_date none, bad = {2023, 2, 30, RR_PREC_DAY}, s = iso("2014-11-15");
	char out[8];
	rr_buf b;

	(void)state;
	memset(&none, 0, sizeof none);
	rr_buf_init(&b, 0);
	assert_int_equal(rr_nlfmt_range(&b, &none, NULL), RR_EINVAL);
	assert_int_equal(rr_nlfmt_range(&b, &bad, NULL), RR_EINVAL);
	assert_int_equal(rr_nlfmt_long(&b, &bad), RR_EINVAL);
	assert_int_equal(rr_nlfmt_range(&b, &s, &bad), RR_EINVAL);
	rr_buf_free(&b);
	assert_int_equal(rr_nlfmt_range_s(out, sizeof out, &s, NULL), RR_ETOOBIG);
	assert_string_equal(out, "");
	assert_int_equal(rr_nlfmt_range_s(out, 0, &s, NULL), RR_ETOOBIG);
	assert_null(rr_nl_month_name(0));
	assert_null(rr_nl_month_name(13));
	assert_string_equal(rr_nl_month_name(3), "maart");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_single),
		cmocka_unit_test(test_day_ranges),
		cmocka_unit_test(test_coarse_ranges),
		cmocka_unit_test(test_long),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
