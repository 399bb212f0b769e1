#include "web/layout.h"

#include <string.h>

#include "web/assets.h"

typedef struct nav_item {
	const char *href;
	const char *label;
} nav_item;

static const nav_item nav_items[] = {
	{ "/", "Home" },
	{ "/zoeken", "Zoeken" },
	{ "/open-data", "Open data" },
	{ "/toegankelijkheid", "Toegankelijkheid" },
};

/* <link rel="stylesheet" href="/assets/site.css?v=VERSION"> */
static void stylesheet(html *h)
{
	const rr_asset *css = assets_find("/assets/site.css");
	char v[16];

	html_open(h, "link");
	html_attr(h, "rel", "stylesheet");
	html_attr_begin(h, "href");
	html_raw_trusted(h, "/assets/site.css");
	if (css) {
		html_raw_trusted(h, "?v=");
		html_urlpart(h, assets_version(css, v, sizeof v));
	}
	html_attr_end(h);
}

static void head(html *h, const layout_page *p)
{
	html_open(h, "head");
	html_open(h, "meta");
	html_attr(h, "charset", "utf-8");
	html_open(h, "meta");
	html_attr(h, "name", "viewport");
	html_attr(h, "content", "width=device-width, initial-scale=1");
	html_open(h, "title");
	if (p->title && *p->title) {
		html_text(h, p->title);
		html_raw_trusted(h, " - ");
	}
	html_raw_trusted(h, LAYOUT_SITE_NAME);
	html_close(h, "title");
	if (p->description) {
		html_open(h, "meta");
		html_attr(h, "name", "description");
		html_attr(h, "content", p->description);
	}
	if (p->canonical) {
		html_open(h, "link");
		html_attr(h, "rel", "canonical");
		html_url_attr(h, "href", p->canonical);
	}
	stylesheet(h);
	html_open(h, "link");
	html_attr(h, "rel", "icon");
	html_attr(h, "type", "image/svg+xml");
	html_attr(h, "href", "/assets/favicon.svg");
	if (p->feed_url) {
		html_open(h, "link");
		html_attr(h, "rel", "alternate");
		html_attr(h, "type", "application/atom+xml");
		html_attr(h, "title", p->feed_title ? p->feed_title : p->title);
		html_url_attr(h, "href", p->feed_url);
	}
	if (p->meta_xml_url) {
		html_open(h, "link");
		html_attr(h, "rel", "alternate");
		html_attr(h, "type", "application/xml");
		html_attr(h, "title", "DiWoo-metadata");
		html_url_attr(h, "href", p->meta_xml_url);
	}
	html_close(h, "head");
}

static void header(html *h)
{
	html_open_c(h, "header", "utrecht-page-header");
	html_open_c(h, "div", "utrecht-page-header__content");
	html_open_c(h, "a", "rr-site-name");
	html_attr(h, "href", "/");
	html_open_c(h, "span", "rr-site-name__mark");
	html_attr(h, "aria-hidden", "true");
	html_close(h, "span");
	html_raw_trusted(h, LAYOUT_SITE_NAME);
	html_close(h, "a");
	html_open_c(h, "p", "rr-site-tagline");
	html_raw_trusted(h, "Buitenlandse reizen van gemeenten en provincies");
	html_close(h, "p");
	html_close(h, "div");
	html_close(h, "header");
}

static void nav(html *h, const char *current)
{
	html_open_c(h, "nav", "utrecht-nav-bar");
	html_attr(h, "aria-label", "Hoofdmenu");
	html_open_c(h, "div", "utrecht-nav-bar__content");
	html_open_c(h, "ul", "utrecht-nav-list");
	for (size_t i = 0; i < sizeof nav_items / sizeof nav_items[0]; i++) {
		html_open_c(h, "li", "utrecht-nav-list__item");
		html_open_c(h, "a", "utrecht-link utrecht-nav-list__link");
		html_attr(h, "href", nav_items[i].href);
		if (current && strcmp(current, nav_items[i].href) == 0)
			html_attr(h, "aria-current", "page");
		html_text(h, nav_items[i].label);
		html_close(h, "a");
		html_close(h, "li");
	}
	html_close(h, "ul");
	html_close(h, "div");
	html_close(h, "nav");
}

void layout_breadcrumb(html *h, const layout_crumb *c, size_t n)
{
	if (!n)
		return;
	html_open_c(h, "nav", "utrecht-breadcrumb-nav");
	html_attr(h, "aria-label", "Kruimelpad");
	html_open_c(h, "ol",
		"utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol");
	for (size_t i = 0; i < n; i++) {
		bool last = i + 1 == n;

		html_open_c(h, "li", "utrecht-breadcrumb-nav__item");
		if (c[i].href && !last) {
			html_open_c(h, "a",
				"utrecht-link utrecht-breadcrumb-nav__link");
			html_url_attr(h, "href", c[i].href);
			html_text(h, c[i].label);
			html_close(h, "a");
		} else {
			html_open_c(h, "span",
				"utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current");
			html_attr(h, "aria-current", "page");
			html_text(h, c[i].label);
			html_close(h, "span");
		}
		html_close(h, "li");
	}
	html_close(h, "ol");
	html_close(h, "nav");
}

void layout_begin(html *h, const layout_page *p)
{
	static const layout_page empty = { 0 };

	if (!p)
		p = &empty;
	html_raw_trusted(h, "<!DOCTYPE html>\n");
	html_open_c(h, "html", "utrecht-root " LAYOUT_THEME_CLASS);
	html_attr(h, "lang", "nl");
	head(h, p);
	html_open_c(h, "body", "utrecht-body");
	html_open_c(h, "div", "utrecht-page-layout rr-page");
	html_open_c(h, "a",
		"utrecht-skip-link utrecht-skip-link--visible-on-focus");
	html_attr(h, "href", "#main");
	html_raw_trusted(h, "Direct naar de inhoud");
	html_close(h, "a");
	header(h);
	nav(h, p->nav);
	html_open_c(h, "div", "utrecht-page-body");
	html_open_c(h, "div", "utrecht-page-body__content");
	layout_breadcrumb(h, p->crumbs, p->ncrumbs);
	html_open_c(h, "main", "utrecht-page-content");
	html_attr(h, "id", "main");
	html_attr(h, "tabindex", "-1");
}

static void footer_links(html *h)
{
	static const nav_item links[] = {
		{ "/open-data", "Open data" },
		{ "/api/v1/organisations", "API (JSON)" },
		{ "/toegankelijkheid", "Toegankelijkheid" },
	};

	html_open_c(h, "ul", "utrecht-link-list utrecht-link-list--html-ul");
	for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
		html_open_c(h, "li", "utrecht-link-list__item");
		html_open_c(h, "a", "utrecht-link utrecht-link-list__link");
		html_attr(h, "href", links[i].href);
		html_text(h, links[i].label);
		html_close(h, "a");
		html_close(h, "li");
	}
	html_close(h, "ul");
}

void layout_end(html *h)
{
	html_close(h, "main");
	html_close(h, "div");
	html_close(h, "div");
	html_open_c(h, "footer", "utrecht-page-footer");
	html_open_c(h, "div", "utrecht-page-footer__content rr-footer");
	html_open(h, "div");
	html_open_c(h, "h2", "utrecht-heading-4 rr-footer__heading");
	html_raw_trusted(h, LAYOUT_SITE_NAME);
	html_close(h, "h2");
	html_open_c(h, "p", "utrecht-paragraph");
	html_raw_trusted(h, "Het openbare register van buitenlandse dienstreizen, "
		"handelsmissies en ontvangen delegaties van gemeenten en "
		"provincies: aanvragen, besluiten, kosten, verslagen en "
		"resultaten.");
	html_close(h, "p");
	html_close(h, "div");
	html_open(h, "div");
	html_open_c(h, "h2", "utrecht-heading-4 rr-footer__heading");
	html_raw_trusted(h, "Gegevens");
	html_close(h, "h2");
	footer_links(h);
	html_close(h, "div");
	html_close(h, "div");
	html_close(h, "footer");
	html_close(h, "div");
	html_close(h, "body");
	html_close(h, "html");
	html_raw_trusted(h, "\n");
}

void layout_table_begin(html *h, const char *caption,
	const char *const *headers, const int *numeric, size_t ncols)
{
	/* a region that may scroll must be reachable by keyboard */
	html_open_c(h, "div", "utrecht-table-container");
	html_attr(h, "role", "region");
	html_attr(h, "aria-label", caption ? caption : "Tabel");
	html_attr(h, "tabindex", "0");
	html_open_c(h, "table", "utrecht-table");
	if (caption) {
		html_open_c(h, "caption", "utrecht-table__caption");
		html_text(h, caption);
		html_close(h, "caption");
	}
	html_open_c(h, "thead", "utrecht-table__header");
	html_open_c(h, "tr", "utrecht-table__row");
	for (size_t i = 0; i < ncols; i++) {
		html_open(h, "th");
		if (numeric && numeric[i])
			html_attr(h, "class", "utrecht-table__header-cell "
				"utrecht-table__header-cell--numeric-column");
		else
			html_attr(h, "class", "utrecht-table__header-cell");
		html_attr(h, "scope", "col");
		html_text(h, headers[i]);
		html_close(h, "th");
	}
	html_close(h, "tr");
	html_close(h, "thead");
	html_open_c(h, "tbody", "utrecht-table__body");
}

void layout_row_begin(html *h)
{
	html_open_c(h, "tr", "utrecht-table__row");
}

void layout_cell(html *h, const char *text, int numeric)
{
	html_open(h, "td");
	if (numeric)
		html_attr(h, "class", "utrecht-table__cell "
			"utrecht-table__cell--numeric-column");
	else
		html_attr(h, "class", "utrecht-table__cell");
	html_text(h, text);
	html_close(h, "td");
}

void layout_row_end(html *h)
{
	html_close(h, "tr");
}

void layout_table_end(html *h)
{
	html_close(h, "tbody");
	html_close(h, "table");
	html_close(h, "div");
}

void layout_h1(html *h, const char *text)
{
	html_open_c(h, "h1", "utrecht-heading-1");
	html_text(h, text);
	html_close(h, "h1");
}

void layout_h2(html *h, const char *text)
{
	html_open_c(h, "h2", "utrecht-heading-2");
	html_text(h, text);
	html_close(h, "h2");
}

void layout_paragraph(html *h, const char *text)
{
	html_open_c(h, "p", "utrecht-paragraph");
	html_text(h, text);
	html_close(h, "p");
}

void layout_link(html *h, const char *url, const char *text)
{
	html_open_c(h, "a", "utrecht-link utrecht-link--html-a");
	html_url_attr(h, "href", url);
	html_text(h, text);
	html_close(h, "a");
}
