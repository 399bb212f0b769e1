/* Unit tests: src/util/buf.c, src/util/err.c */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

static void grows_and_terminates(void **state)
{
	(void)state;
	rr_buf b;
	rr_buf_init(&b, 0);
	assert_string_equal(rr_buf_cstr(&b), "");
	for (int i = 0; i < 1000; i++)
		rr_buf_printf(&b, "%d,", i);
	assert_int_equal(rr_buf_err(&b), RR_OK);
	assert_true(strncmp(rr_buf_cstr(&b), "0,1,2,", 6) == 0);
	assert_int_equal(strlen(rr_buf_cstr(&b)), b.len);
	rr_buf_free(&b);
}

static void cap_is_sticky(void **state)
{
	(void)state;
	rr_buf b;
	rr_buf_init(&b, 10);
	assert_int_equal(rr_buf_addstr(&b, "12345"), RR_OK);
	assert_int_equal(rr_buf_addstr(&b, "678901"), RR_ETOOBIG);
	assert_int_equal(b.len, 5); /* nothing partial was added */
	assert_int_equal(rr_buf_addstr(&b, "x"), RR_ETOOBIG); /* sticky */
	assert_null(rr_buf_steal(&b, NULL)); /* a failed buffer yields nothing */
	rr_buf_free(&b);
}

static void steal_hands_over(void **state)
{
	(void)state;
	rr_buf b;
	size_t n;
	char *s;
	rr_buf_init(&b, 100);
	rr_buf_add(&b, "ab\0cd", 5);
	s = rr_buf_steal(&b, &n);
	assert_int_equal(n, 5);
	assert_memory_equal(s, "ab\0cd", 5);
	assert_null(b.data);
	free(s);
}

static void diag_bounded(void **state)
{
	(void)state;
	rr_diag d = {0};
	for (int i = 0; i < RR_DIAG_MAX + 5; i++)
		rr_diag_add(&d, "problem %d", i);
	assert_int_equal(d.n, RR_DIAG_MAX);
	assert_int_equal(d.dropped, 5);
	assert_string_equal(d.msg[3], "problem 3");
	rr_diag_free(&d);
	assert_int_equal(rr_exit_code(RR_EINVAL), 1);
	assert_int_equal(rr_exit_code(RR_EUSAGE), 2);
	assert_int_equal(rr_exit_code(RR_EDB), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(grows_and_terminates), cmocka_unit_test(cap_is_sticky),
		cmocka_unit_test(steal_hands_over), cmocka_unit_test(diag_bounded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
