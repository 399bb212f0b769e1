/* The API description is complete: every GET route of the route table
 * outside /beheer is in /api/openapi.json (web/openapi.c), with exactly the
 * path parameters of its pattern and the query parameters it declares. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "web/pages.h"
#include "web/routes.h"

static json_t *spec(void)
{
	rr_req r;
	rr_resp o;
	json_t *j;
	json_error_t err;

	memset(&r, 0, sizeof r);
	memset(&o, 0, sizeof o);
	rr_buf_init(&o.body, 0);
	assert_int_equal(api_openapi(&r, &o), RR_OK);
	j = json_loadb(o.body.data, o.body.len, 0, &err);
	if (!j)
		fail_msg("openapi.json does not parse: %s at line %d", err.text, err.line);
	rr_buf_free(&o.body);
	return j;
}

/* Is name in the space-separated list (NULL: empty)? */
static int listed(const char *list, const char *name)
{
	size_t n = strlen(name);

	while (list && *list) {
		size_t k = strcspn(list, " ");
		if (k == n && !strncmp(list, name, n))
			return 1;
		list += k;
		while (*list == ' ')
			list++;
	}
	return 0;
}

/* The {names} of pattern, space-separated, into out. */
static void path_params(const char *pattern, char *out, size_t n)
{
	const char *p = pattern;

	out[0] = '\0';
	while ((p = strchr(p, '{'))) {
		const char *end = strchr(p, '}');
		if (!end)
			break;
		snprintf(out + strlen(out), n - strlen(out), "%s%.*s", out[0] ? " " : "",
			 (int)(end - p - 1), p + 1);
		p = end;
	}
}

static size_t count(const char *list)
{
	size_t c = 0;

	while (list && *list) {
		list += strcspn(list, " ");
		while (*list == ' ')
			list++;
		c++;
	}
	return c;
}

static void test_every_public_route_documented(void **state)
{
	json_t *j = spec(), *paths = json_object_get(j, "paths");
	size_t n, checked = 0;
	const rr_route *t = rr_routes(&n);

	(void)state;
	assert_non_null(paths);
	for (size_t i = 0; i < n; i++) {
		const rr_route *rt = &t[i];
		json_t *get, *params, *p;
		char pathp[200];
		size_t nq = 0, np = 0, k;

		if (rt->method != RR_GET || !strncmp(rt->pattern, "/beheer", 7))
			continue;
		get = json_object_get(json_object_get(paths, rt->pattern), "get");
		if (!get)
			fail_msg("route %s is missing from /api/openapi.json", rt->pattern);
		params = json_object_get(get, "parameters");
		path_params(rt->pattern, pathp, sizeof pathp);
		json_array_foreach(params, k, p) {
			const char *name = json_string_value(json_object_get(p, "name"));
			const char *in = json_string_value(json_object_get(p, "in"));
			if (!name || !in)
				fail_msg("%s: a parameter without name or in", rt->pattern);
			if (!strcmp(in, "query")) {
				if (!listed(rt->params, name))
					fail_msg("%s documents query parameter '%s' that the route does not "
						 "declare (%s)", rt->pattern, name, rt->params ? rt->params : "none");
				nq++;
			} else if (!strcmp(in, "path")) {
				if (!listed(pathp, name))
					fail_msg("%s documents path parameter '%s' not in its pattern",
						 rt->pattern, name);
				np++;
			}
		}
		if (nq != count(rt->params))
			fail_msg("%s declares %zu query parameters (%s), documents %zu", rt->pattern,
				 count(rt->params), rt->params ? rt->params : "", nq);
		if (np != count(pathp))
			fail_msg("%s has %zu path parameters, documents %zu", rt->pattern, count(pathp), np);
		if (!json_object_size(json_object_get(get, "responses")))
			fail_msg("%s documents no response", rt->pattern);
		checked++;
	}
	assert_true(checked >= 40);
	json_decref(j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_public_route_documented),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
