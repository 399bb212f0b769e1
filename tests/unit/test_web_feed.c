/* Unit tests of the Atom/XML escaping (web/feed.c) and the money and date
 * helpers of the pages (web/pagekit.c). */
#include "testutil.h"

#include <string.h>

#include "web/pages.h"

static const char *esc(rr_buf *b, const char *s)
{
	rr_buf_reset(b);
	feed_xml_escape(b, s);
	return rr_buf_cstr(b);
}

static void test_xml_escape(void **state)
{
	rr_buf b;

	(void)state;
	rr_buf_init(&b, 0);
	assert_string_equal(esc(&b, "a & b < c > d \" e ' f"),
			    "a &amp; b &lt; c &gt; d &quot; e &#39; f");
	assert_string_equal(esc(&b, "<script>alert(1)</script>"),
			    "&lt;script&gt;alert(1)&lt;/script&gt;");
	assert_string_equal(esc(&b, "]]>"), "]]&gt;");
	assert_string_equal(esc(&b, "café €"), "café €");
	assert_string_equal(esc(&b, "tab\tnl\ncr\r"), "tab\tnl\ncr\r");
	assert_string_equal(esc(&b, "bell\x07" "x"), "bell\xEF\xBF\xBDx");
	assert_string_equal(esc(&b, "bad\xC3(x"), "bad\xEF\xBF\xBD(x");
	assert_string_equal(esc(&b, "\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); /* surrogate */
	assert_string_equal(esc(&b, "\xEF\xBF\xBE"), "\xEF\xBF\xBD"); /* U+FFFE */
	assert_string_equal(esc(&b, "\xC0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD"); /* overlong */
	assert_string_equal(esc(&b, "\xF0\x9F\x98\x80"), "\xF0\x9F\x98\x80");
	assert_string_equal(esc(&b, NULL), "");
	assert_string_equal(esc(&b, "\xF0\x9F\x98"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); /* truncated */
	rr_buf_free(&b);
}

static void test_money(void **state)
{
	char m[48];

	(void)state;
	pk_money(m, sizeof m, 1090000);
	assert_string_equal(m, "\xe2\x82\xac 10.900");
	pk_money(m, sizeof m, 123450);
	assert_string_equal(m, "\xe2\x82\xac 1.234,50");
	pk_money(m, sizeof m, 5);
	assert_string_equal(m, "\xe2\x82\xac 0,05");
	pk_money(m, sizeof m, 100000000);
	assert_string_equal(m, "\xe2\x82\xac 1.000.000");
	pk_money(m, sizeof m, 0);
	assert_string_equal(m, "\xe2\x82\xac 0");
}

static void test_dates(void **state)
{
	char d[96];

	(void)state;
	pk_dates(d, sizeof d, "2014-11-15", "2014-11-21");
	assert_string_equal(d, "15 t/m 21 november 2014");
	pk_dates(d, sizeof d, "2023-05-15", "2023-05-15");
	assert_string_equal(d, "15 mei 2023");
	pk_dates(d, sizeof d, "1996-10", NULL);
	assert_string_equal(d, "oktober 1996");
	pk_dates(d, sizeof d, NULL, "2020");
	assert_string_equal(d, "");
	pk_dates(d, sizeof d, "not a date", NULL);
	assert_string_equal(d, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xml_escape),
		cmocka_unit_test(test_money),
		cmocka_unit_test(test_dates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
