#include "testutil.h"
#include "testhtml.h"

#include <stdlib.h>
#include <string.h>

#include "web/layout.h"

static const char *page(fixture *f, const layout_page *p)
{
	layout_begin(&f->h, p);
	html_text(&f->h, "inhoud");
	layout_end(&f->h);
	assert_int_equal(html_finish(&f->h), RR_OK);
	return rr_buf_cstr(&f->b);
}

#define assert_has(s, needle) assert_non_null(strstr((s), (needle)))
#define assert_lacks(s, needle) assert_null(strstr((s), (needle)))

/* An event-handler attribute: ' on' letters '=' */
static int has_handler(const char *s)
{
	for (const char *p = strstr(s, " on"); p; p = strstr(p + 1, " on")) {
		const char *q = p + 3;
		while (*q >= 'a' && *q <= 'z')
			q++;
		if (q > p + 3 && *q == '=')
			return 1;
	}
	return 0;
}

static void test_skeleton(void **state)
{
	fixture *f = *state;
	layout_page p = { .title = "Zoeken" };
	const char *s = page(f, &p);

	assert_true(strncmp(s, "<!DOCTYPE html>\n<html ", 22) == 0);
	assert_has(s, "lang=\"nl\"");
	assert_has(s, "class=\"utrecht-root " LAYOUT_THEME_CLASS "\"");
	assert_has(s, "<meta charset=\"utf-8\">");
	assert_has(s, "name=\"viewport\"");
	assert_has(s, "<title>Zoeken - Reisregister</title>");
	assert_has(s, "href=\"/assets/site.css?v=");
	assert_has(s, "href=\"#main\">Direct naar de inhoud</a>");
	assert_has(s, "<main class=\"utrecht-page-content\" id=\"main\"");
	assert_has(s, ">inhoud</main>");
	assert_has(s, "<footer class=\"utrecht-page-footer\"");
	assert_has(s, "</html>\n");
}

static void test_nav_links_and_current(void **state)
{
	fixture *f = *state;
	layout_page p = { .title = "Zoeken", .nav = "/zoeken" };
	const char *s = page(f, &p);

	assert_has(s, "aria-label=\"Hoofdmenu\"");
	assert_has(s, "href=\"/\">Home</a>");
	assert_has(s, "href=\"/zoeken\" aria-current=\"page\">Zoeken</a>");
	assert_has(s, "href=\"/open-data\">Open data</a>");
	assert_has(s, "href=\"/toegankelijkheid\">Toegankelijkheid</a>");
	/* only one current item */
	assert_null(strstr(strstr(s, "aria-current") + 1, "aria-current"));
}

static void test_no_inline_script_or_style(void **state)
{
	fixture *f = *state;
	layout_page p = { .title = "x", .feed_url = "/feed.atom",
		.description = "d", .canonical = "/x" };
	const char *s = page(f, &p);

	assert_lacks(s, "<script");
	assert_lacks(s, "<style");
	assert_lacks(s, " style=");
	assert_false(has_handler(s));
}

static void test_title_is_escaped(void **state)
{
	fixture *f = *state;
	layout_page p = { .title = "</title><script>alert(1)</script>",
		.description = "\" onload=\"x" };
	const char *s = page(f, &p);

	assert_lacks(s, "<script");
	assert_has(s, "<title>&lt;/title&gt;&lt;script&gt;");
	assert_has(s, "content=\"&quot; onload=&quot;x\"");
}

static void test_no_title(void **state)
{
	fixture *f = *state;
	const char *s = page(f, NULL);

	assert_has(s, "<title>Reisregister</title>");
}

static void test_feed_link(void **state)
{
	fixture *f = *state;
	layout_page p = { .title = "Almere", .feed_url = "/o/gm0034/feed.atom" };
	const char *s = page(f, &p);

	assert_has(s, "<link rel=\"alternate\" type=\"application/atom+xml\" "
		"title=\"Almere\" href=\"/o/gm0034/feed.atom\">");
}

static void test_feed_hostile_url(void **state)
{
	fixture *f = *state;
	layout_page p = { .title = "x", .feed_url = "javascript:alert(1)" };
	const char *s = page(f, &p);

	assert_lacks(s, "javascript:");
	assert_has(s, "application/atom+xml\" title=\"x\" href=\"#\"");
}

static void test_breadcrumb(void **state)
{
	fixture *f = *state;
	static const layout_crumb c[] = {
		{ "Home", "/" }, { "Almere & co", "/o/gm0034" }, { "Reis <1>", NULL },
	};
	layout_page p = { .title = "Reis", .crumbs = c, .ncrumbs = 3 };
	const char *s = page(f, &p);

	assert_has(s, "<nav class=\"utrecht-breadcrumb-nav\" aria-label=\"Kruimelpad\">");
	assert_has(s, "href=\"/o/gm0034\">Almere &amp; co</a>");
	assert_has(s, "aria-current=\"page\">Reis &lt;1&gt;</span>");
	/* the breadcrumb comes before main */
	assert_true(strstr(s, "Kruimelpad") < strstr(s, "id=\"main\""));
}

static void test_breadcrumb_last_with_href_is_current(void **state)
{
	fixture *f = *state;
	static const layout_crumb c[] = { { "Home", "/" }, { "Zoeken", "/zoeken" } };

	layout_breadcrumb(&f->h, c, 2);
	assert_int_equal(html_finish(&f->h), RR_OK);
	assert_lacks(rr_buf_cstr(&f->b), "href=\"/zoeken\"");
	assert_has(rr_buf_cstr(&f->b), "aria-current=\"page\">Zoeken</span>");
}

static void test_breadcrumb_empty(void **state)
{
	fixture *f = *state;
	layout_breadcrumb(&f->h, NULL, 0);
	assert_string_equal(rr_buf_cstr(&f->b), "");
}

static void test_table(void **state)
{
	fixture *f = *state;
	static const char *const hd[] = { "Reis", "Kosten" };
	static const int num[] = { 0, 1 };
	const char *s;

	layout_table_begin(&f->h, "Reizen <2023>", hd, num, 2);
	layout_row_begin(&f->h);
	layout_cell(&f->h, "Shenzhen & Hongkong", 0);
	layout_cell(&f->h, "10.900,00", 1);
	layout_row_end(&f->h);
	layout_table_end(&f->h);
	assert_int_equal(html_finish(&f->h), RR_OK);
	s = rr_buf_cstr(&f->b);
	assert_has(s, "<div class=\"utrecht-table-container\" role=\"region\" "
		"aria-label=\"Reizen &lt;2023&gt;\" tabindex=\"0\"><table class=\"utrecht-table\">");
	assert_has(s, "<caption class=\"utrecht-table__caption\">Reizen &lt;2023&gt;</caption>");
	assert_has(s, "<th class=\"utrecht-table__header-cell\" scope=\"col\">Reis</th>");
	assert_has(s, "utrecht-table__header-cell--numeric-column\" scope=\"col\">Kosten</th>");
	assert_has(s, ">Shenzhen &amp; Hongkong</td>");
	assert_has(s, "utrecht-table__cell--numeric-column\">10.900,00</td>");
	assert_has(s, "</tbody></table></div>");
}

static void test_table_without_caption(void **state)
{
	fixture *f = *state;
	static const char *const hd[] = { "A" };

	layout_table_begin(&f->h, NULL, hd, NULL, 1);
	layout_table_end(&f->h);
	assert_int_equal(html_finish(&f->h), RR_OK);
	assert_lacks(rr_buf_cstr(&f->b), "<caption");
	assert_has(rr_buf_cstr(&f->b), "aria-label=\"Tabel\"");
}

static void test_helpers(void **state)
{
	fixture *f = *state;
	const char *s;

	layout_h1(&f->h, "Kop & co");
	layout_h2(&f->h, "Tweede");
	layout_paragraph(&f->h, "Tekst");
	layout_link(&f->h, "javascript:x", "klik");
	layout_link(&f->h, "https://www.almere.nl/", "Almere");
	assert_int_equal(html_finish(&f->h), RR_OK);
	s = rr_buf_cstr(&f->b);
	assert_has(s, "<h1 class=\"utrecht-heading-1\">Kop &amp; co</h1>");
	assert_has(s, "<h2 class=\"utrecht-heading-2\">Tweede</h2>");
	assert_has(s, "<p class=\"utrecht-paragraph\">Tekst</p>");
	assert_has(s, "href=\"#\">klik</a>");
	assert_has(s, "href=\"https://www.almere.nl/\">Almere</a>");
}

static void test_small_cap_fails_cleanly(void **state)
{
	rr_buf b;
	html h;
	layout_page p = { .title = "x" };

	(void)state;
	rr_buf_init(&b, 100);
	html_init(&h, &b);
	layout_begin(&h, &p);
	layout_end(&h);
	assert_int_equal(html_finish(&h), RR_ETOOBIG);
	rr_buf_free(&b);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_skeleton),
		T(test_nav_links_and_current),
		T(test_no_inline_script_or_style),
		T(test_title_is_escaped),
		T(test_no_title),
		T(test_feed_link),
		T(test_feed_hostile_url),
		T(test_breadcrumb),
		T(test_breadcrumb_last_with_href_is_current),
		T(test_breadcrumb_empty),
		T(test_table),
		T(test_table_without_caption),
		T(test_helpers),
		T(test_small_cap_fails_cleanly),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
