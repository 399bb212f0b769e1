#include "chart.h"

#include <stdio.h>

#define W 720
#define H 260
#define PAD_L 40
#define PAD_B 40
#define PAD_T 12

static long max_value(const rr_chart *c)
{
	long m = 0;
	for (size_t s = 0; s < c->nseries; s++)
		for (size_t i = 0; i < c->n; i++)
			if (c->values[s][i] > m)
				m = c->values[s][i];
	return m;
}

/* A round step for the axis: 1, 2, 5, 10, 20, 50, ... */
static long axis_step(long max)
{
	long step = 1;
	while (max / step > 5) {
		if (max / (step * 2) <= 5)
			return step * 2;
		if (max / (step * 5) <= 5)
			return step * 5;
		step *= 10;
	}
	return step;
}

void rr_svg_open(html *h, const char *fig_class, const char *svg_class, const char *role,
		 int w, int ht, const char *id, const char *title, const char *desc)
{
	html_open(h, "figure");
	html_attr(h, "class", fig_class);
	html_open(h, "svg");
	html_attr(h, "xmlns", "http://www.w3.org/2000/svg");
	html_attrf(h, "viewBox", "0 0 %d %d", w, ht);
	html_attr(h, "role", role);
	html_attrf(h, "aria-labelledby", "%s-title %s-desc", id, id);
	html_attr(h, "class", svg_class);
	html_open(h, "title");
	html_attrf(h, "id", "%s-title", id);
	html_text(h, title);
	html_close(h, "title");
	html_open(h, "desc");
	html_attrf(h, "id", "%s-desc", id);
	html_text(h, desc);
	html_close(h, "desc");
}

void rr_chart_bars(html *h, const rr_chart *c)
{
	long max = max_value(c), step, top;
	double plot_w = W - PAD_L - 8, plot_h = H - PAD_B - PAD_T, slot, bar;
	size_t every;

	if (c->nseries > RR_CHART_MAX_SERIES)
		return;
	step = axis_step(max ? max : 1);
	top = ((max + step - 1) / step) * step;
	if (!top)
		top = step;
	slot = c->n ? plot_w / (double)c->n : plot_w;
	bar = c->nseries ? (slot * 0.8) / (double)c->nseries : slot;
	every = c->n > 30 ? (c->n + 14) / 15 : 1; /* label every nth category */

	rr_svg_open(h, "rr-chart", "rr-chart__svg", "img", W, H, c->id, c->title, c->desc);
	/* horizontal grid lines with their values */
	for (long v = 0; v <= top; v += step) {
		double y = PAD_T + plot_h - (double)v / (double)top * plot_h;
		html_open(h, "line");
		html_attr(h, "class", "rr-chart__grid");
		html_attrf(h, "x1", "%d", PAD_L);
		html_attrf(h, "x2", "%d", W - 8);
		html_attrf(h, "y1", "%.1f", y);
		html_attrf(h, "y2", "%.1f", y);
		html_close(h, "line");
		html_open(h, "text");
		html_attr(h, "class", "rr-chart__axis");
		html_attrf(h, "x", "%d", PAD_L - 6);
		html_attrf(h, "y", "%.1f", y + 4);
		html_attr(h, "text-anchor", "end");
		html_textf(h, "%ld", v);
		html_close(h, "text");
	}
	for (size_t i = 0; i < c->n; i++) {
		double x0 = PAD_L + slot * (double)i + slot * 0.1;
		for (size_t s = 0; s < c->nseries; s++) {
			long v = c->values[s][i];
			double hgt = (double)v / (double)top * plot_h;
			if (!v)
				continue;
			html_open(h, "rect");
			html_attrf(h, "class", "rr-chart__bar rr-chart__bar--%zu", s);
			html_attrf(h, "x", "%.1f", x0 + bar * (double)s);
			html_attrf(h, "y", "%.1f", PAD_T + plot_h - hgt);
			html_attrf(h, "width", "%.1f", bar > 1 ? bar - 0.5 : bar);
			html_attrf(h, "height", "%.1f", hgt);
			html_open(h, "title");
			html_textf(h, "%s %s: %ld", c->labels[i], c->series_names[s], v);
			html_close(h, "title");
			html_close(h, "rect");
		}
		if (i % every == 0) {
			html_open(h, "text");
			html_attr(h, "class", "rr-chart__axis");
			html_attrf(h, "x", "%.1f", PAD_L + slot * (double)i + slot / 2);
			html_attrf(h, "y", "%d", H - PAD_B + 16);
			html_attr(h, "text-anchor", "middle");
			html_text(h, c->labels[i]);
			html_close(h, "text");
		}
	}
	html_close(h, "svg");
	html_open_c(h, "figcaption", "rr-chart__legend");
	for (size_t s = 0; s < c->nseries; s++) {
		html_open_c(h, "span", "rr-chart__key");
		html_open(h, "span");
		html_attrf(h, "class", "rr-chart__swatch rr-chart__bar--%zu", s);
		html_attr(h, "aria-hidden", "true");
		html_close(h, "span");
		html_text(h, c->series_names[s]);
		html_close(h, "span");
	}
	html_close(h, "figcaption");
	html_close(h, "figure");
}
