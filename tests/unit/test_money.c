/* Unit tests: sums of euro cents (model/record.c rr_cents_add, rr_trip_cost),
 * exactly two decimals on load, and the sums of the evaluation and
 * comparison saying when they overflowed instead of wrapping. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "model/record.h"

static void cents_add_saturates(void **state)
{
	long long s = 0;

	(void)state;
	assert_true(rr_cents_add(&s, 5));
	assert_int_equal(s, 5);
	assert_true(rr_cents_add(&s, LLONG_MAX - 5));
	assert_int_equal(s, LLONG_MAX);
	s = LLONG_MAX - 10;
	assert_false(rr_cents_add(&s, 11));
	assert_int_equal(s, RR_CENTS_OVERFLOW);
	assert_false(rr_cents_add(&s, 0)); /* stays overflowed */
	assert_int_equal(s, RR_CENTS_OVERFLOW);
	s = 1;
	assert_false(rr_cents_add(&s, RR_CENTS_OVERFLOW));
	assert_int_equal(s, RR_CENTS_OVERFLOW);
}

/* A trip with n cost lines of € 10^12 each, kind actual. */
static json_t *big_trip(size_t n)
{
	json_t *t = json_pack("{s:s, s:s}", "id", "t", "organisation", "gm0034"), *costs = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(costs, json_pack("{s:s, s:f, s:s}", "category", "x",
						       "amount_eur", 1e12, "kind", "actual"));
	json_object_set_new(t, "costs", costs);
	return t;
}

static void trip_cost_sums(void **state)
{
	json_t *t = big_trip(10000);
	long long sum;

	(void)state;
	/* the largest trip the schema allows still fits: 10^4 lines x 10^14 cents */
	assert_int_equal(rr_trip_cost(t, "actual"), 1000000000000000000LL);
	assert_int_equal(rr_trip_cost(t, "estimate"), -1);
	/* ten of them do not: the sum says it overflowed, never wraps */
	sum = 0;
	for (int i = 0; i < 10; i++)
		rr_cents_add(&sum, rr_trip_cost(t, "actual"));
	assert_int_equal(sum, RR_CENTS_OVERFLOW);
	json_decref(t);
}

static rr_err norm_amount(const char *amount, json_t **out, rr_diag *d)
{
	char text[400];
	json_error_t je;
	json_t *in;
	rr_err e;

	snprintf(text, sizeof text, "{\"id\":\"gm0034-x\",\"organisation\":\"gm0034\","
		 "\"title\":\"X\",\"direction\":\"out\",\"status\":\"requested\",\"costs\":[{\"category\":\"reis\","
		 "\"amount_eur\":%s,\"kind\":\"estimate\"}]}", amount);
	in = json_loads(text, 0, &je);
	assert_non_null(in);
	e = rr_record_normalise(RR_K_TRIP, in, "t", out, d);
	json_decref(in);
	return e;
}

static void two_decimals_exactly(void **state)
{
	static const char *const good[] = {"0", "0.01", "12.34", "10900.00", "99999999.99",
		"100000.10", "999999999999.99", "1000000000000", "0.1"};
	static const char *const bad[] = {"99999999.991", "100000.001", "0.001", "12.345",
		"999999999999.999", "123456.785"};

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		json_t *out = NULL;
		rr_diag d = {0};
		if (norm_amount(good[i], &out, &d) != RR_OK)
			fail_msg("%s refused: %s", good[i], d.n ? d.msg[0] : "");
		json_decref(out);
		rr_diag_free(&d);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		json_t *out = NULL;
		rr_diag d = {0};
		if (norm_amount(bad[i], &out, &d) != RR_EINVAL)
			fail_msg("%s accepted", bad[i]);
		assert_non_null(strstr(d.msg[0], "more than two decimals"));
		assert_non_null(strstr(d.msg[0], "costs[0].amount_eur"));
		rr_diag_free(&d);
	}
}

static void amount_cents_bounded(void **state)
{
	json_t *huge = json_real(1e300), *neg = json_real(-1e300), *ok = json_real(12.34);

	(void)state;
	assert_int_equal(rr_amount_cents(huge), RR_CENTS_OVERFLOW);
	assert_int_equal(rr_amount_cents(neg), 0);
	assert_int_equal(rr_amount_cents(ok), 1234);
	json_decref(huge);
	json_decref(neg);
	json_decref(ok);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cents_add_saturates),
		cmocka_unit_test(trip_cost_sums),
		cmocka_unit_test(two_decimals_exactly),
		cmocka_unit_test(amount_cents_bounded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
