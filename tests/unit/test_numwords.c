/* Unit tests: nl/numwords - Dutch numbers as words. */
#include "testutil.h"

#include "nl/numwords.h"

static void numbers(void **state)
{
	(void)state;
	assert_int_equal(rr_number_word("een"), 1);
	assert_int_equal(rr_number_word("twaalf"), 12);
	assert_int_equal(rr_number_word("negentien"), 19);
	assert_int_equal(rr_number_word("dertig"), 30);
	assert_int_equal(rr_number_word("vijfentwintig"), 25);
	assert_int_equal(rr_number_word("tweeentwintig"), 22);
	assert_int_equal(rr_number_word("drieentachtig"), 83);
	assert_int_equal(rr_number_word("honderd"), 100);
	assert_int_equal(rr_number_word("tweehonderd"), 200);
	assert_int_equal(rr_number_word("honderdvijftig"), 150);
	assert_int_equal(rr_number_word("geen"), 0);
	assert_int_equal(rr_number_word("enkele"), -1);
	assert_int_equal(rr_number_word("entwintig"), -1);
	assert_int_equal(rr_number_word(""), -1);
}

static void ordinals(void **state)
{
	(void)state;
	assert_int_equal(rr_ordinal_word("eerste"), 1);
	assert_int_equal(rr_ordinal_word("achtste"), 8);
	assert_int_equal(rr_ordinal_word("dertiende"), 13);
	assert_int_equal(rr_ordinal_word("veertigste"), 40);
	assert_int_equal(rr_ordinal_word("vijfenveertigste"), 45);
	assert_int_equal(rr_ordinal_word("vijftig"), -1);
	assert_int_equal(rr_ordinal_word("onde"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers),
		cmocka_unit_test(ordinals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
