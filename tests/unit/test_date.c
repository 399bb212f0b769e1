/* Unit tests: src/nl/date.c */
#include "testutil.h"

#include <string.h>

#include "nl/date.h"

static void iso_valid(void **state)
{
	(void)state;
	static const struct { const char *in; int y, m, d; rr_prec p; } ok[] = {
		{"2014-11-15", 2014, 11, 15, RR_PREC_DAY}, {"1996-10", 1996, 10, 0, RR_PREC_MONTH},
		{"2001", 2001, 0, 0, RR_PREC_YEAR}, {"2024-02-29", 2024, 2, 29, RR_PREC_DAY},
		{"2000-02-29", 2000, 2, 29, RR_PREC_DAY}, {"1995-12-31", 1995, 12, 31, RR_PREC_DAY},
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		rr_date d;
		char out[RR_DATE_ISO_MAX];
		assert_int_equal(rr_date_parse_iso(ok[i].in, &d, NULL), RR_OK);
		assert_int_equal(d.y, ok[i].y);
		assert_int_equal(d.m, ok[i].m);
		assert_int_equal(d.d, ok[i].d);
		assert_int_equal(d.prec, ok[i].p);
		rr_date_iso(&d, out);
		assert_string_equal(out, ok[i].in);
	}
}

static void iso_invalid(void **state)
{
	(void)state;
	static const char *const bad[] = {"2023-02-30", "2023-02-29", "1900-02-29", "2023-13",
		"2023-00", "2023-04-31", "20151", "999", "2023-1-5", "2023/01/05", "", "abcd",
		"2023-05-15T10:00", " 2023", "0999"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		rr_date d;
		const char *why = NULL;
		assert_int_equal(rr_date_parse_iso(bad[i], &d, &why), RR_EINVAL);
		assert_non_null(why);
	}
}

static void day_arithmetic(void **state)
{
	(void)state;
	rr_date a = rr_date_day(2023, 5, 19), due;
	char out[RR_DATE_ISO_MAX];
	due = rr_date_add_days(&a, 42); /* report due six weeks after return */
	rr_date_iso(&due, out);
	assert_string_equal(out, "2023-06-30");
	assert_int_equal(rr_days_from_ymd(1970, 1, 1), 0);
	for (long n = -800000; n < 800000; n += 997) {
		rr_date r = rr_date_from_days(n);
		assert_int_equal(rr_days_from_ymd(r.y, r.m, r.d), n);
	}
}

static void ranges_of_precision(void **state)
{
	(void)state;
	rr_date m = rr_date_month(1996, 10), y = rr_date_year(2001), feb = rr_date_month(2024, 2);
	assert_int_equal(rr_date_last(&m) - rr_date_first(&m), 30);
	assert_int_equal(rr_date_last(&y) - rr_date_first(&y), 364);
	assert_int_equal(rr_date_last(&feb) - rr_date_first(&feb), 28);
	rr_date d = rr_date_day(2017, 11, 1), nov = rr_date_month(2017, 11);
	assert_true(rr_date_cmp(&nov, &d) < 0); /* same first day: coarser first */
	assert_true(rr_date_cmp(&m, &y) < 0);
}

static void leap_years(void **state)
{
	(void)state;
	assert_true(rr_is_leap(2000));
	assert_false(rr_is_leap(1900));
	assert_true(rr_is_leap(2024));
	assert_int_equal(rr_days_in_month(2023, 2), 28);
	assert_int_equal(rr_days_in_month(2023, 13), 0);
	assert_false(rr_ymd_valid(2023, 2, 29));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(iso_valid), cmocka_unit_test(iso_invalid),
		cmocka_unit_test(day_arithmetic), cmocka_unit_test(ranges_of_precision),
		cmocka_unit_test(leap_years),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
