/* layout.h - the page skeleton of the public site (NL Design System).
 *
 *   layout_page p = { .title = "Zoeken", .nav = "/search" };
 *   layout_begin(h, &p);
 *   ... page content through the html writer ...
 *   layout_end(h);
 *
 * layout_begin writes everything up to and including <main id="main">;
 * layout_end closes main and writes the footer. The theme class of the
 * design tokens (LAYOUT_THEME_CLASS) is on <html>. No inline script or style
 * is written, so a strict Content-Security-Policy holds.
 *
 * Memory: layout_page and its crumbs are borrowed for the duration of the
 * call only; nothing is kept. */
#ifndef RR_LAYOUT_H
#define RR_LAYOUT_H

#include <stddef.h>

#include "util/html.h"

#define LAYOUT_SITE_NAME "Reisregister"
#define LAYOUT_THEME_CLASS "voorbeeld-theme"

/* One breadcrumb step. href NULL marks the current page (the last one). */
typedef struct layout_crumb {
	const char *label;
	const char *href;
} layout_crumb;

typedef struct layout_page {
	const char *title;          /* page title; the site name is added */
	const char *description;    /* optional <meta name="description"> */
	const layout_crumb *crumbs; /* optional; "Home" is not implied */
	size_t ncrumbs;
	const char *feed_url;       /* optional Atom feed of this page */
	const char *feed_title;     /* its title; defaults to the page title */
	const char *nav;            /* path of the current menu item, e.g. "/search" */
	const char *canonical;      /* optional absolute or relative URL */
	const char *meta_xml_url;   /* optional machine-readable metadata of the
	                             * page (a document's DiWoo record) */
} layout_page;

void layout_begin(html *h, const layout_page *p);
void layout_end(html *h);

/* <nav aria-label="Kruimelpad"> with an ordered list of links; the last
 * crumb is the current page. layout_begin calls it when p->crumbs is set. */
void layout_breadcrumb(html *h, const layout_crumb *c, size_t n);

/* Table helpers: layout_table_begin writes a keyboard-scrollable
 * <div class="utrecht-table-container" role="region" tabindex="0">
 * <table class="utrecht-table"> with a caption (optional) and a header row;
 * numeric[i] (optional) right-aligns column i. Then write rows with
 * layout_row_begin/layout_cell/layout_row_end and finish with
 * layout_table_end. */
void layout_table_begin(html *h, const char *caption,
	const char *const *headers, const int *numeric, size_t ncols);
void layout_row_begin(html *h);
void layout_cell(html *h, const char *text, int numeric);
void layout_row_end(html *h);
void layout_table_end(html *h);

/* <h1 class="utrecht-heading-1">..</h1>, <p class="utrecht-paragraph">..</p> */
void layout_h1(html *h, const char *text);
void layout_h2(html *h, const char *text);
void layout_paragraph(html *h, const char *text);

/* A link <a class="utrecht-link" href=url>text</a>; url checked. */
void layout_link(html *h, const char *url, const char *text);

#endif
