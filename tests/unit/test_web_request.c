/* Unit tests of the request-target parser (web/request.c) and the route
 * matcher (web/routes.c). */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "web/request.h"
#include "web/routes.h"

static rr_target *parse(const char *uri, rr_err want)
{
	static rr_target t;
	assert_int_equal(rr_target_parse(uri, strlen(uri), &t), want);
	return &t;
}

static void test_segments(void **state)
{
	(void)state;
	rr_target *t = parse("/o/gm0034/2023", RR_OK);
	assert_int_equal(t->nsegs, 3);
	assert_string_equal(t->segs[0], "o");
	assert_string_equal(t->segs[1], "gm0034");
	assert_string_equal(t->segs[2], "2023");
	t = parse("/", RR_OK);
	assert_int_equal(t->nsegs, 0);
	t = parse("//a///b/", RR_OK);
	assert_int_equal(t->nsegs, 2);
	t = parse("/a%20b#frag?x=1", RR_OK);
	assert_string_equal(t->segs[0], "a b");
	assert_int_equal(t->nparams, 0);
}

static void test_query(void **state)
{
	(void)state;
	rr_target *t = parse("/search?q=laad+paal&year=2023&&x&y=&q=second&e=%C3%A9%26", RR_OK);
	assert_int_equal(t->nparams, 6);
	assert_string_equal(rr_target_param(t, "q"), "laad paal");
	assert_string_equal(rr_target_param(t, "year"), "2023");
	assert_null(rr_target_param(t, "x")); /* empty counts as absent */
	assert_null(rr_target_param(t, "y"));
	assert_null(rr_target_param(t, "nope"));
	assert_string_equal(rr_target_param(t, "e"), "\xc3\xa9&");
	t = parse("/?a=b=c", RR_OK);
	assert_string_equal(rr_target_param(t, "a"), "b=c");
	t = parse("/p+q?", RR_OK);
	assert_string_equal(t->segs[0], "p+q"); /* '+' is a space only in the query */
}

static void test_cursor(void **state)
{
	const char *qs = "a=1&&b&c=";
	rr_qcursor c;
	const char *k, *v;
	size_t kl, vl;

	(void)state;
	rr_qcursor_init(&c, qs, strlen(qs));
	assert_true(rr_qcursor_next(&c, &k, &kl, &v, &vl));
	assert_int_equal(kl, 1);
	assert_memory_equal(k, "a", 1);
	assert_int_equal(vl, 1);
	assert_true(rr_qcursor_next(&c, &k, &kl, &v, &vl));
	assert_memory_equal(k, "b", 1);
	assert_int_equal(vl, 0);
	assert_true(rr_qcursor_next(&c, &k, &kl, &v, &vl));
	assert_memory_equal(k, "c", 1);
	assert_int_equal(vl, 0);
	assert_false(rr_qcursor_next(&c, &k, &kl, &v, &vl));
	rr_qcursor_init(&c, NULL, 0);
	assert_false(rr_qcursor_next(&c, &k, &kl, &v, &vl));
}

static void test_bad(void **state)
{
	char *big;
	(void)state;
	parse("", RR_EINVAL);
	parse("o/x", RR_EINVAL);
	parse("/%zz", RR_EINVAL);
	parse("/a%2", RR_EINVAL);
	parse("/a%", RR_EINVAL);
	parse("/x?q=%00", RR_EINVAL);
	parse("/a%2Fb", RR_EINVAL);
	parse("/a/../b", RR_EINVAL);
	parse("/a/%2e%2e/b", RR_EINVAL);
	parse("/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/17", RR_ETOOBIG);
	big = malloc(RR_URL_MAX + 2);
	assert_non_null(big);
	memset(big, 'a', RR_URL_MAX + 1);
	big[0] = '/';
	big[RR_URL_MAX + 1] = '\0';
	parse(big, RR_ETOOBIG);
	big[RR_URL_MAX] = '\0'; /* exactly the limit */
	parse(big, RR_OK);
	free(big);
}

static void test_too_many_params(void **state)
{
	char uri[1024] = "/x?";
	(void)state;
	for (int i = 0; i < RR_PARAMS_MAX; i++)
		strcat(uri, "a=1&");
	parse(uri, RR_OK);
	strcat(uri, "b=2");
	parse(uri, RR_ETOOBIG);
}

static rr_match_result match(const char *uri, const rr_route **route, const char **bad,
			     rr_req *r)
{
	memset(r, 0, sizeof *r);
	assert_int_equal(rr_target_parse(uri, strlen(uri), &r->t), RR_OK);
	return rr_route_match(r, route, bad);
}

static void test_routes(void **state)
{
	rr_req *r = calloc(1, sizeof *r);
	const rr_route *route = NULL;
	const char *bad = NULL;

	(void)state;
	assert_non_null(r);
	assert_int_equal(match("/", &route, &bad, r), RR_MATCH_OK);
	assert_string_equal(route->pattern, "/");
	assert_int_equal(match("/o/gm0034/2023", &route, &bad, r), RR_MATCH_OK);
	assert_string_equal(route->pattern, "/o/{code}/{year}");
	assert_string_equal(rr_req_cap(r, "code"), "gm0034");
	assert_string_equal(rr_req_cap(r, "year"), "2023");
	assert_int_equal(match("/o/gm0034/feed.atom", &route, &bad, r), RR_MATCH_OK);
	assert_string_equal(route->pattern, "/o/{code}/feed.atom");
	assert_int_equal(match("/api/v1/trips.csv?x=1", &route, &bad, r), RR_MATCH_OK);
	assert_string_equal(route->pattern, "/api/v1/trips.csv");
	assert_int_equal(match("/api/v1/trips/a.b_c-1", &route, &bad, r), RR_MATCH_OK);
	assert_string_equal(rr_req_cap(r, "id"), "a.b_c-1");
	assert_int_equal(match("/countries/jp", &route, &bad, r), RR_MATCH_OK);
	assert_int_equal(match("/o/gm0034/20x3", &route, &bad, r), RR_MATCH_BAD_PARAM);
	assert_string_equal(bad, "year");
	assert_int_equal(match("/o/GM0034", &route, &bad, r), RR_MATCH_BAD_PARAM);
	assert_string_equal(bad, "code");
	assert_int_equal(match("/countries/J1", &route, &bad, r), RR_MATCH_BAD_PARAM);
	assert_int_equal(match("/o", &route, &bad, r), RR_MATCH_NONE);
	assert_int_equal(match("/o/a/b/c", &route, &bad, r), RR_MATCH_NONE);
	assert_int_equal(match("/trips", &route, &bad, r), RR_MATCH_NONE);
	assert_int_equal(match("/assets/x.css", &route, &bad, r), RR_MATCH_NONE);
	free(r);
}

static void test_param_rules(void **state)
{
	(void)state;
	assert_true(rr_route_param_ok("id", "gm0034-2023-osaka"));
	assert_false(rr_route_param_ok("id", ""));
	assert_false(rr_route_param_ok("id", "-x"));
	assert_false(rr_route_param_ok("id", "a b"));
	assert_false(rr_route_param_ok("id", "<script>"));
	assert_true(rr_route_param_ok("year", "2014"));
	assert_false(rr_route_param_ok("year", "0999"));
	assert_false(rr_route_param_ok("year", "20145"));
	assert_true(rr_route_param_ok("country", "nl"));
	assert_false(rr_route_param_ok("country", "NLD"));
	size_t n;
	const rr_route *t = rr_routes(&n);
	assert_true(n >= 15);
	for (size_t i = 0; i < n; i++)
		assert_true(t[i].pattern[0] == '/' && t[i].fn != NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_segments),
		cmocka_unit_test(test_query),
		cmocka_unit_test(test_cursor),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_too_many_params),
		cmocka_unit_test(test_routes),
		cmocka_unit_test(test_param_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
