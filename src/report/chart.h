/* chart.h - accessible bar charts as inline SVG, drawn on the server.
 *
 * The chart carries a <title> and <desc> (referenced by aria-labelledby),
 * and the caller shows the same numbers as a table next to it: the chart is
 * decoration for those who can see it, the table is the data. Everything is
 * written through the HTML writer, so labels are escaped. Colours come from
 * classes in web/site.css (rr-chart__bar--0, --1, ...). */
#ifndef RR_CHART_H
#define RR_CHART_H

#include <stddef.h>

#include "../util/html.h"

#define RR_CHART_MAX_SERIES 4

typedef struct rr_chart {
	const char *id;          /* unique on the page, [a-z0-9-]: for aria ids */
	const char *title;       /* short title */
	const char *desc;        /* one sentence: what is shown, the totals */
	size_t n;                /* number of categories (bars per series) */
	const char *const *labels;             /* n category labels, e.g. years */
	size_t nseries;
	const char *series_names[RR_CHART_MAX_SERIES];
	const long *values[RR_CHART_MAX_SERIES]; /* n values each, >= 0 */
} rr_chart;

/* Writes <figure><svg>…</svg><figcaption>legend</figcaption></figure>. */
void rr_chart_bars(html *h, const rr_chart *c);

/* Opens <figure class=fig_class><svg> of w × h units with role, class
 * svg_class and its <title> and <desc> (ids "ID-title", "ID-desc",
 * referenced by aria-labelledby): the frame every drawing on the site
 * shares. The caller draws, then closes "svg" and "figure". */
void rr_svg_open(html *h, const char *fig_class, const char *svg_class, const char *role,
		 int w, int ht, const char *id, const char *title, const char *desc);

#endif
