/* Unit tests of the form-body parser (web/form.c) and the request guards
 * (web/guard.c): limits, bad escapes, repeated keys, UTF-8, cookies, the
 * Origin rule, CSRF and Set-Cookie attributes. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/adminkit.h"
#include "web/form.h"
#include "web/guard.h"

static rr_form *form(void)
{
	static rr_form *f;
	if (!f)
		f = malloc(sizeof *f);
	assert_non_null(f);
	return f;
}

static rr_err parse(const char *s)
{
	return rr_form_parse(s, strlen(s), form());
}

static void test_basic(void **state)
{
	rr_form *f = form();
	(void)state;
	assert_int_equal(parse("titel=Reis+naar+Lyon&doel=%C3%A9%26x&leeg=&zonder"), RR_OK);
	assert_int_equal(f->nparams, 4);
	assert_string_equal(rr_form_get(f, "titel"), "Reis naar Lyon");
	assert_string_equal(rr_form_get(f, "doel"), "\xc3\xa9&x");
	assert_string_equal(rr_form_get(f, "leeg"), "");
	assert_string_equal(rr_form_get(f, "zonder"), "");
	assert_null(rr_form_get(f, "nergens"));
	assert_int_equal(parse(""), RR_OK);
	assert_int_equal(f->nparams, 0);
	assert_int_equal(parse("&&&"), RR_OK);
	assert_int_equal(f->nparams, 0);
	assert_int_equal(parse("a=%0A%0D"), RR_OK);
	assert_string_equal(rr_form_get(f, "a"), "\n\r");
}

static void test_repeated(void **state)
{
	rr_form *f = form();
	size_t i = 0;
	(void)state;
	assert_int_equal(parse("d=JP+Osaka&x=1&d=CN+Shenzhen&d="), RR_OK);
	assert_string_equal(rr_form_next(f, "d", &i), "JP Osaka");
	assert_string_equal(rr_form_next(f, "d", &i), "CN Shenzhen");
	assert_string_equal(rr_form_next(f, "d", &i), "");
	assert_null(rr_form_next(f, "d", &i));
	assert_string_equal(rr_form_get(f, "d"), "JP Osaka");
}

static void test_bad(void **state)
{
	rr_form *f = form();
	(void)state;
	assert_int_equal(parse("a=%zz"), RR_EINVAL);
	assert_int_equal(f->nparams, 0);
	assert_int_equal(parse("a=%4"), RR_EINVAL);
	assert_int_equal(parse("a=%"), RR_EINVAL);
	assert_int_equal(parse("a=%00"), RR_EINVAL);
	assert_int_equal(parse("=value"), RR_EINVAL);
	assert_int_equal(parse("a=%FF"), RR_EINVAL);          /* not UTF-8 */
	assert_int_equal(parse("a=%C0%AF"), RR_EINVAL);       /* overlong */
	assert_int_equal(parse("a=%ED%A0%80"), RR_EINVAL);    /* surrogate */
	assert_int_equal(parse("a=%F4%90%80%80"), RR_EINVAL); /* > U+10FFFF */
	assert_int_equal(parse("a=%E2%82"), RR_EINVAL);       /* truncated */
	assert_int_equal(parse("ok=1&b=%zz"), RR_EINVAL);
	assert_int_equal(f->nparams, 0);
}

static void test_limits(void **state)
{
	rr_form *f = form();
	char *big = malloc(RR_FORM_MAX + 16);
	size_t n = 0;
	(void)state;
	assert_non_null(big);
	/* exactly RR_FORM_PARAMS_MAX pairs pass, one more does not */
	for (int i = 0; i < RR_FORM_PARAMS_MAX; i++)
		n += (size_t)sprintf(big + n, "k=v&");
	assert_int_equal(rr_form_parse(big, n, f), RR_OK);
	assert_int_equal(f->nparams, RR_FORM_PARAMS_MAX);
	n += (size_t)sprintf(big + n, "x=y");
	assert_int_equal(rr_form_parse(big, n, f), RR_ETOOBIG);
	assert_int_equal(f->nparams, 0);
	/* a value of the whole cap fits; a byte more is too big */
	memcpy(big, "v=", 2);
	memset(big + 2, 'a', RR_FORM_MAX - 2);
	assert_int_equal(rr_form_parse(big, RR_FORM_MAX, f), RR_OK);
	assert_int_equal(strlen(rr_form_get(f, "v")), RR_FORM_MAX - 2);
	assert_int_equal(rr_form_parse(big, RR_FORM_MAX + 1, f), RR_ETOOBIG);
	free(big);
}

static void test_utf8(void **state)
{
	(void)state;
	assert_true(rr_utf8_valid("gewoon", 6));
	assert_true(rr_utf8_valid("\xe2\x82\xac \xf0\x9f\x98\x80", 8));
	assert_false(rr_utf8_valid("\x80", 1));
	assert_false(rr_utf8_valid("\xe2\x82", 2));
}

static void test_cookie(void **state)
{
	char v[64];
	(void)state;
	assert_true(guard_cookie_value("a=1; rr_session=abc; b=2", "rr_session", v, sizeof v));
	assert_string_equal(v, "abc");
	assert_true(guard_cookie_value("rr_session=x", "rr_session", v, sizeof v));
	assert_string_equal(v, "x");
	assert_false(guard_cookie_value("xrr_session=abc", "rr_session", v, sizeof v));
	assert_false(guard_cookie_value("rr_sessionx=abc", "rr_session", v, sizeof v));
	assert_false(guard_cookie_value(NULL, "rr_session", v, sizeof v));
	assert_false(guard_cookie_value("rr_session=0123456789", "rr_session", v, 5));
}

static void test_origin(void **state)
{
	(void)state;
	assert_true(guard_same_origin("http://127.0.0.1:8080", NULL, "127.0.0.1:8080", false));
	assert_false(guard_same_origin("https://127.0.0.1:8080", NULL, "127.0.0.1:8080", false));
	assert_true(guard_same_origin("https://reis.example", NULL, "reis.example", true));
	assert_false(guard_same_origin("http://evil.example", NULL, "reis.example", false));
	assert_false(guard_same_origin("null", NULL, "reis.example", false));
	assert_false(guard_same_origin("http://reis.example.evil", NULL, "reis.example", false));
	/* no Origin: the Referer decides */
	assert_true(guard_same_origin(NULL, "http://reis.example/beheer", "reis.example", false));
	assert_false(guard_same_origin(NULL, "http://reis.example.evil/x", "reis.example", false));
	assert_false(guard_same_origin(NULL, "http://reis.example", "reis.example", false));
	assert_false(guard_same_origin(NULL, NULL, "reis.example", false));
	assert_false(guard_same_origin("http://reis.example", NULL, NULL, false));
	assert_false(guard_same_origin("http://a@b", NULL, "a@b", false));
}

static void test_post_guard(void **state)
{
	rr_req *r = calloc(1, sizeof *r);
	rr_principal p = {.name = "anna", .csrf = "tok-123"};
	const char *why = NULL;
	(void)state;
	assert_non_null(r);
	r->form = form();
	assert_int_equal(parse("csrf=tok-123"), RR_OK);
	/* login: origin only */
	assert_true(guard_post_ok(r, RR_POST_LOGIN, "http://h", NULL, "h", &why));
	assert_false(guard_post_ok(r, RR_POST_LOGIN, "http://x", NULL, "h", &why));
	assert_string_equal(why, "origin");
	/* a form: session, token and origin */
	assert_false(guard_post_ok(r, RR_POST, "http://h", NULL, "h", &why));
	assert_string_equal(why, "session");
	r->principal = &p;
	assert_true(guard_post_ok(r, RR_POST, "http://h", NULL, "h", &why));
	assert_false(guard_post_ok(r, RR_POST, "http://evil", NULL, "h", &why));
	assert_int_equal(parse("csrf=tok-124"), RR_OK);
	assert_false(guard_post_ok(r, RR_POST, "http://h", NULL, "h", &why));
	assert_string_equal(why, "csrf");
	assert_int_equal(parse("other=1"), RR_OK);
	assert_false(guard_post_ok(r, RR_POST, "http://h", NULL, "h", &why));
	r->form = NULL;
	assert_false(guard_post_ok(r, RR_POST, "http://h", NULL, "h", &why));
	free(r);
}

static void test_cookie_attrs(void **state)
{
	rr_resp o = {.set_session = true};
	char c[200];
	(void)state;
	snprintf(o.session, sizeof o.session, "TOKEN");
	guard_cookie(c, sizeof c, &o, false);
	assert_string_equal(c, "rr_session=TOKEN; Path=/; HttpOnly; SameSite=Strict");
	guard_cookie(c, sizeof c, &o, true);
	assert_non_null(strstr(c, "; Secure"));
	o.session[0] = '\0';
	guard_cookie(c, sizeof c, &o, false);
	assert_non_null(strstr(c, "Max-Age=0"));
	assert_non_null(strstr(c, "HttpOnly"));
	/* redirects stay on this site */
	rr_resp_redirect(&o, "//evil.example/x");
	assert_string_equal(o.location, "/");
	rr_resp_redirect(&o, "/beheer/reizen/x");
	assert_string_equal(o.location, "/beheer/reizen/x");
	assert_int_equal(o.status, 303);
}

static void test_euros(void **state)
{
	(void)state;
	assert_int_equal(ak_euros("1.234,50"), 123450);
	assert_int_equal(ak_euros("1234,5"), 123450);
	assert_int_equal(ak_euros("1234.50"), 123450);
	assert_int_equal(ak_euros("1.234"), 123400);
	assert_int_equal(ak_euros("\xe2\x82\xac 10"), 1000);
	assert_int_equal(ak_euros("12"), 1200);
	assert_int_equal(ak_euros(""), -1);
	assert_int_equal(ak_euros("1,234"), -1);
	assert_int_equal(ak_euros("abc"), -1);
	assert_int_equal(ak_euros("-5"), -1);
	assert_int_equal(ak_euros("5,"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_repeated),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_cookie),
		cmocka_unit_test(test_origin),
		cmocka_unit_test(test_post_guard),
		cmocka_unit_test(test_cookie_attrs),
		cmocka_unit_test(test_euros),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
