#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "web/assets.h"

static void test_site_css(void **state)
{
	const rr_asset *a = assets_find("/assets/site.css");

	(void)state;
	assert_non_null(a);
	assert_string_equal(a->content_type, "text/css; charset=utf-8");
	assert_true(a->len > 10000);
	/* one stylesheet: tokens, components, our own */
	assert_true(memcmp(a->data, "@charset \"UTF-8\";", 17) == 0);
}

static int contains(const rr_asset *a, const char *needle)
{
	size_t n = strlen(needle);

	for (size_t i = 0; i + n <= a->len; i++)
		if (memcmp(a->data + i, needle, n) == 0)
			return 1;
	return 0;
}

static void test_css_has_theme_components_and_ours(void **state)
{
	const rr_asset *a = assets_find("/assets/site.css");

	(void)state;
	assert_true(contains(a, ".voorbeeld-theme {"));
	assert_true(contains(a, ".utrecht-page-header"));
	assert_true(contains(a, ".utrecht-table__header-cell"));
	assert_true(contains(a, ".rr-site-name"));
	assert_true(contains(a, "@media print"));
}

static void test_favicon(void **state)
{
	const rr_asset *a = assets_find("/assets/favicon.svg");

	(void)state;
	assert_non_null(a);
	assert_string_equal(a->content_type, "image/svg+xml");
	assert_true(memcmp(a->data, "<svg", 4) == 0);
}

static void test_unknown(void **state)
{
	(void)state;
	assert_null(assets_find("/assets/nope.css"));
	assert_null(assets_find("/assets/site.css?v=1"));
	assert_null(assets_find("/assets/../assets/site.css"));
	assert_null(assets_find(""));
	assert_null(assets_find(NULL));
}

static void test_etags_strong_and_distinct(void **state)
{
	(void)state;
	assert_true(assets_count() >= 2);
	for (size_t i = 0; i < assets_count(); i++) {
		const rr_asset *a = assets_at(i);
		size_t n = strlen(a->etag);

		assert_true(n >= 10);
		assert_int_equal(a->etag[0], '"');
		assert_int_equal(a->etag[n - 1], '"');
		assert_null(strstr(a->etag, "W/"));
		for (size_t j = i + 1; j < assets_count(); j++)
			assert_string_not_equal(a->etag, assets_at(j)->etag);
	}
	assert_null(assets_at(assets_count()));
}

static void test_etag_match(void **state)
{
	const rr_asset *a = assets_find("/assets/site.css");
	char hdr[200];

	(void)state;
	assert_true(assets_etag_match(a, a->etag));
	assert_true(assets_etag_match(a, "*"));
	snprintf(hdr, sizeof hdr, "W/%s", a->etag);
	assert_true(assets_etag_match(a, hdr));
	snprintf(hdr, sizeof hdr, "\"old\", %s , \"other\"", a->etag);
	assert_true(assets_etag_match(a, hdr));
	assert_false(assets_etag_match(a, "\"old\""));
	assert_false(assets_etag_match(a, ""));
	assert_false(assets_etag_match(a, NULL));
	assert_false(assets_etag_match(NULL, "*"));
	/* a prefix of the tag is no match */
	snprintf(hdr, sizeof hdr, "%.*s", (int)strlen(a->etag) - 2, a->etag);
	assert_false(assets_etag_match(a, hdr));
}

static void test_version(void **state)
{
	const rr_asset *a = assets_find("/assets/site.css");
	char v[16], tiny[4];

	(void)state;
	assert_int_equal(strlen(assets_version(a, v, sizeof v)), 12);
	assert_null(strchr(v, '"'));
	assert_true(strncmp(v, a->etag + 1, 12) == 0);
	assert_string_equal(assets_version(NULL, v, sizeof v), "");
	assert_int_equal(strlen(assets_version(a, tiny, sizeof tiny)), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_site_css),
		cmocka_unit_test(test_css_has_theme_components_and_ours),
		cmocka_unit_test(test_favicon),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_etags_strong_and_distinct),
		cmocka_unit_test(test_etag_match),
		cmocka_unit_test(test_version),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
