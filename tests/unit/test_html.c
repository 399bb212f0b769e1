#include "testutil.h"
#include "testhtml.h"

#include <stdlib.h>
#include <string.h>

#include "util/html.h"

static const char *out(fixture *f)
{
	return rr_buf_cstr(&f->b);
}

static void test_text_escapes_all_five(void **state)
{
	fixture *f = *state;
	html_text(&f->h, "a & b < c > d \" e ' f");
	assert_string_equal(out(f), "a &amp; b &lt; c &gt; d &quot; e &#39; f");
	assert_int_equal(html_finish(&f->h), RR_OK);
}

static void test_text_script_payload(void **state)
{
	fixture *f = *state;
	html_text(&f->h, "<script>alert(1)</script>");
	assert_string_equal(out(f), "&lt;script&gt;alert(1)&lt;/script&gt;");
}

static void test_text_keeps_utf8(void **state)
{
	fixture *f = *state;
	html_text(&f->h, "Café Zürich — 深圳 😀");
	assert_string_equal(out(f), "Café Zürich — 深圳 😀");
}

static void test_text_invalid_utf8(void **state)
{
	fixture *f = *state;
	/* lone continuation, truncated sequence, overlong '<', surrogate,
	 * past U+10FFFF, 0xFF */
	html_text(&f->h, "a\x80" "b\xC3" "c\xC0\xBC" "d\xED\xA0\x80" "e\xF4\x90\x80\x80" "f\xFF");
	assert_null(strchr(out(f), '<'));
	assert_string_equal(out(f),
		"a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD"
		"d\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
		"e\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "f\xEF\xBF\xBD");
}

static void test_text_truncated_at_end(void **state)
{
	fixture *f = *state;
	html_textn(&f->h, "x\xE6\xB7", 3);
	assert_string_equal(out(f), "x\xEF\xBF\xBD\xEF\xBF\xBD");
}

static void test_text_drops_nul_and_controls(void **state)
{
	fixture *f = *state;
	html_textn(&f->h, "a\0b\x01" "c\td\ne\x7f" "f\xC2\x85", 13);
	assert_string_equal(out(f),
		"ab\xEF\xBF\xBD" "c\td\ne\xEF\xBF\xBD" "f\xEF\xBF\xBD");
}

static void test_text_null_is_nothing(void **state)
{
	fixture *f = *state;
	html_text(&f->h, NULL);
	html_text(&f->h, "");
	assert_string_equal(out(f), "");
	assert_int_equal(html_finish(&f->h), RR_OK);
}

static void test_textf_escapes_result(void **state)
{
	fixture *f = *state;
	html_textf(&f->h, "%s has %d trips", "<b>Almere</b>", 3);
	assert_string_equal(out(f), "&lt;b&gt;Almere&lt;/b&gt; has 3 trips");
}

static void test_elements_and_attrs(void **state)
{
	fixture *f = *state;
	html_open(&f->h, "p");
	html_attr(&f->h, "class", "utrecht-paragraph");
	html_text(&f->h, "Hallo");
	html_open(&f->h, "br");
	html_close(&f->h, "p");
	assert_string_equal(out(f),
		"<p class=\"utrecht-paragraph\">Hallo<br></p>");
	assert_int_equal(html_finish(&f->h), RR_OK);
}

static void test_open_c_and_empty_element(void **state)
{
	fixture *f = *state;
	html_open_c(&f->h, "div", "utrecht-page");
	html_close(&f->h, "div");
	assert_string_equal(out(f), "<div class=\"utrecht-page\"></div>");
}

static void test_attr_breakout_payload(void **state)
{
	fixture *f = *state;
	html_open(&f->h, "input");
	html_attr(&f->h, "value", "\" onerror=\"alert(1)");
	html_attr(&f->h, "title", "' onmouseover='x");
	html_finish(&f->h);
	assert_string_equal(out(f),
		"<input value=\"&quot; onerror=&quot;alert(1)\" "
		"title=\"&#39; onmouseover=&#39;x\">");
}

static void test_attrf_and_bool(void **state)
{
	fixture *f = *state;
	html_open(&f->h, "input");
	html_attrf(&f->h, "maxlength", "%d", 200);
	html_attrf(&f->h, "placeholder", "%s", "a\"b");
	html_attr_bool(&f->h, "required");
	assert_int_equal(html_finish(&f->h), RR_OK);
	assert_string_equal(out(f),
		"<input maxlength=\"200\" placeholder=\"a&quot;b\" required>");
}

static void test_attr_null_value(void **state)
{
	fixture *f = *state;
	html_open(&f->h, "td");
	html_attr(&f->h, "title", NULL);
	html_close(&f->h, "td");
	assert_string_equal(out(f), "<td title=\"\"></td>");
}

static void test_attr_after_content_is_misuse(void **state)
{
	fixture *f = *state;
	html_open(&f->h, "p");
	html_text(&f->h, "x");
	html_attr(&f->h, "class", "late");
	assert_int_equal(html_err(&f->h), RR_EINVAL);
	/* sticky: nothing more is written */
	html_text(&f->h, "more");
	assert_string_equal(out(f), "<p>x");
}

static void test_close_mismatch_is_misuse(void **state)
{
	fixture *f = *state;
	html_open(&f->h, "div");
	html_close(&f->h, "span");
	assert_int_equal(html_err(&f->h), RR_EINVAL);
}

static void test_close_without_open(void **state)
{
	fixture *f = *state;
	html_close(&f->h, "div");
	assert_int_equal(html_finish(&f->h), RR_EINVAL);
}

static void test_unclosed_fails_finish(void **state)
{
	fixture *f = *state;
	html_open(&f->h, "main");
	assert_int_equal(html_finish(&f->h), RR_EINVAL);
}

static void test_depth_limit(void **state)
{
	fixture *f = *state;
	for (int i = 0; i < HTML_MAX_DEPTH; i++)
		html_open(&f->h, "div");
	assert_int_equal(html_err(&f->h), RR_OK);
	html_open(&f->h, "div");
	assert_int_equal(html_err(&f->h), RR_EINVAL);
}

static void test_url_allowed(void **state)
{
	(void)state;
	assert_true(html_url_is_safe("https://www.almere.nl/x?a=1#b"));
	assert_true(html_url_is_safe("HTTP://example.org"));
	assert_true(html_url_is_safe("mailto:info@example.org"));
	assert_true(html_url_is_safe("tel:+31201234567"));
	assert_true(html_url_is_safe("/trips/42"));
	assert_true(html_url_is_safe("trips/42"));
	assert_true(html_url_is_safe("?q=a:b"));
	assert_true(html_url_is_safe("#main"));
	assert_true(html_url_is_safe("/a:b"));
	assert_true(html_url_is_safe(""));
}

static void test_url_refused(void **state)
{
	(void)state;
	assert_false(html_url_is_safe(NULL));
	assert_false(html_url_is_safe("javascript:alert(1)"));
	assert_false(html_url_is_safe("JaVaScRiPt:alert(1)"));
	assert_false(html_url_is_safe(" javascript:alert(1)"));
	assert_false(html_url_is_safe("java\tscript:alert(1)"));
	assert_false(html_url_is_safe("java\nscript:alert(1)"));
	assert_false(html_url_is_safe("\x01javascript:alert(1)"));
	assert_false(html_url_is_safe("data:text/html,<script>"));
	assert_false(html_url_is_safe("vbscript:msgbox"));
	assert_false(html_url_is_safe("https://ok\x7f"));
	assert_false(html_url_is_safe("file:///etc/passwd"));
}

static void test_url_attr_writes(void **state)
{
	fixture *f = *state;
	html_open(&f->h, "a");
	html_url_attr(&f->h, "href", "javascript:alert(1)");
	html_close(&f->h, "a");
	html_open(&f->h, "a");
	html_url_attr(&f->h, "href", "/search?q=a&b=\"c\"");
	html_close(&f->h, "a");
	assert_string_equal(out(f),
		"<a href=\"#\"></a><a href=\"/search?q=a&amp;b=&quot;c&quot;\"></a>");
}

static void test_url_entity_colon_is_relative(void **state)
{
	fixture *f = *state;
	/* &colon; would be decoded by the browser; the & must be escaped */
	html_open(&f->h, "a");
	html_url_attr(&f->h, "href", "javascript&colon;alert(1)");
	html_close(&f->h, "a");
	assert_string_equal(out(f),
		"<a href=\"javascript&amp;colon;alert(1)\"></a>");
}

static void test_urlpart(void **state)
{
	fixture *f = *state;
	html_urlpart(&f->h, "Osaka/Tokio & \"co\" <x> é~_.-");
	assert_string_equal(out(f),
		"Osaka%2FTokio%20%26%20%22co%22%20%3Cx%3E%20%C3%A9~_.-");
}

static void test_attr_begin_end(void **state)
{
	fixture *f = *state;
	html_open(&f->h, "a");
	html_attr_begin(&f->h, "href");
	html_raw_trusted(&f->h, "/search?q=");
	html_urlpart(&f->h, "\"><script>");
	html_attr_end(&f->h);
	html_text(&f->h, "zoek");
	html_close(&f->h, "a");
	assert_int_equal(html_finish(&f->h), RR_OK);
	assert_string_equal(out(f),
		"<a href=\"/search?q=%22%3E%3Cscript%3E\">zoek</a>");
}

static void test_attr_begin_misuse(void **state)
{
	fixture *f = *state;
	html_open(&f->h, "a");
	html_attr_begin(&f->h, "href");
	html_open(&f->h, "b");
	assert_int_equal(html_err(&f->h), RR_EINVAL);
}

static void test_attr_end_without_begin(void **state)
{
	fixture *f = *state;
	html_attr_end(&f->h);
	assert_int_equal(html_err(&f->h), RR_EINVAL);
}

static void test_unfinished_attr_fails_finish(void **state)
{
	fixture *f = *state;
	html_open(&f->h, "a");
	html_attr_begin(&f->h, "href");
	assert_int_equal(html_finish(&f->h), RR_EINVAL);
}

static void test_json(void **state)
{
	fixture *f = *state;
	html_json(&f->h, "{\"t\":\"</script><!-- & \xE2\x80\xA8\xE2\x80\xA9 é\"}");
	assert_string_equal(out(f),
		"{\"t\":\"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 é\"}");
}

static void test_json_invalid_utf8(void **state)
{
	fixture *f = *state;
	html_json(&f->h, "[\"\xC3\"]");
	assert_string_equal(out(f), "[\"\\ufffd\"]");
}

static void test_json_script(void **state)
{
	fixture *f = *state;
	html_json_script(&f->h, "data", "[1,\"</script>\"]");
	assert_int_equal(html_finish(&f->h), RR_OK);
	assert_string_equal(out(f),
		"<script type=\"application/json\" id=\"data\">"
		"[1,\"\\u003c/script\\u003e\"]</script>");
}

static void test_raw_trusted(void **state)
{
	fixture *f = *state;
	html_raw_trusted(&f->h, "<!DOCTYPE html>");
	assert_string_equal(out(f), "<!DOCTYPE html>");
}

static void test_cap_reached_is_sticky(void **state)
{
	fixture *f = *state;
	rr_buf small;
	html h;

	(void)f;
	rr_buf_init(&small, 16);
	html_init(&h, &small);
	html_text(&h, "0123456789");
	assert_int_equal(html_err(&h), RR_OK);
	html_text(&h, "<<<<<<");
	assert_int_equal(html_err(&h), RR_ETOOBIG);
	html_text(&h, "x");
	assert_int_equal(html_finish(&h), RR_ETOOBIG);
	assert_true(small.len <= 16);
	rr_buf_free(&small);
}

static void test_textf_over_cap(void **state)
{
	rr_buf small;
	html h;

	(void)state;
	rr_buf_init(&small, 8);
	html_init(&h, &small);
	html_textf(&h, "%s", "this is far too long for eight bytes");
	assert_int_not_equal(html_err(&h), RR_OK);
	rr_buf_free(&small);
}

static void test_urlencode_buf(void **state)
{
	rr_buf b;

	(void)state;
	rr_buf_init(&b, 0);
	assert_int_equal(html_urlencode(&b, "gm0034 x"), RR_OK);
	assert_string_equal(rr_buf_cstr(&b), "gm0034%20x");
	rr_buf_free(&b);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_text_escapes_all_five),
		T(test_text_script_payload),
		T(test_text_keeps_utf8),
		T(test_text_invalid_utf8),
		T(test_text_truncated_at_end),
		T(test_text_drops_nul_and_controls),
		T(test_text_null_is_nothing),
		T(test_textf_escapes_result),
		T(test_elements_and_attrs),
		T(test_open_c_and_empty_element),
		T(test_attr_breakout_payload),
		T(test_attrf_and_bool),
		T(test_attr_null_value),
		T(test_attr_after_content_is_misuse),
		T(test_close_mismatch_is_misuse),
		T(test_close_without_open),
		T(test_unclosed_fails_finish),
		T(test_depth_limit),
		T(test_url_allowed),
		T(test_url_refused),
		T(test_url_attr_writes),
		T(test_url_entity_colon_is_relative),
		T(test_urlpart),
		T(test_attr_begin_end),
		T(test_attr_begin_misuse),
		T(test_attr_end_without_begin),
		T(test_unfinished_attr_fails_finish),
		T(test_json),
		T(test_json_invalid_utf8),
		T(test_json_script),
		T(test_raw_trusted),
		T(test_cap_reached_is_sticky),
		T(test_textf_over_cap),
		T(test_urlencode_buf),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
