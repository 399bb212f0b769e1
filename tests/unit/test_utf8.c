/* Unit tests: src/util/utf8.c */
#include "testutil.h"

#include "util/utf8.h"

static size_t dec(const char *s, size_t n, uint32_t *cp)
{
	return rr_utf8_decode((const unsigned char *)s, n, cp);
}

static void valid(void **state)
{
	uint32_t cp = 0;
	(void)state;
	assert_int_equal(dec("a", 1, &cp), 1);
	assert_int_equal(cp, 'a');
	assert_int_equal(dec("\xC3\xAB", 2, &cp), 2); /* ë */
	assert_int_equal(cp, 0xEB);
	assert_int_equal(dec("\xE2\x82\xAC", 3, &cp), 3); /* € */
	assert_int_equal(cp, 0x20AC);
	assert_int_equal(dec("\xF0\x9F\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	assert_int_equal(dec("\xF4\x8F\xBF\xBF", 4, &cp), 4);
	assert_int_equal(cp, 0x10FFFF);
}

static void invalid(void **state)
{
	static const struct { const char *s; size_t n; } bad[] = {
		{"\x80", 1}, {"\xBF", 1},                /* stray continuation bytes */
		{"\xC0\xBC", 2}, {"\xC1\xBF", 2},        /* overlong '<' and DEL */
		{"\xE0\x80\xB2", 3}, {"\xE0\x9F\xBF", 3}, /* overlong 3-byte */
		{"\xF0\x80\x80\xB2", 4},                 /* overlong 4-byte */
		{"\xED\xA0\x80", 3},                     /* surrogate */
		{"\xF4\x90\x80\x80", 4}, {"\xF5\x80\x80\x80", 4}, /* past U+10FFFF */
		{"\xE2\x82", 2}, {"\xC3", 1},            /* truncated */
		{"\xE2\x28\xAC", 3},                     /* bad continuation */
	};
	uint32_t cp;
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (dec(bad[i].s, bad[i].n, &cp) != 0)
			fail_msg("case %zu decoded", i);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid), cmocka_unit_test(invalid),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
