/* html.h - the one HTML writer of reisregister, with escaping per context.
 *
 * Every byte of a page goes through these functions, so that escaping cannot
 * be forgotten:
 *
 *   html_open(h, "a");                      <a
 *   html_url_attr(h, "href", url);           href="<checked, escaped url>"
 *   html_attr(h, "class", "utrecht-link");   class="utrecht-link"
 *   html_text(h, name);                     >escaped text
 *   html_close(h, "a");                     </a>
 *
 * A tag stays open for attributes until the next content call. Tag and
 * attribute names, and html_raw_trusted() markup, must be string literals:
 * the macros below refuse anything else at compile time. Dynamic values only
 * ever go in escaped: text (html_text), attribute values (html_attr), URLs
 * (html_url_attr, html_urlpart) and JSON (html_json).
 *
 * Text is written as valid UTF-8: invalid sequences become U+FFFD, NUL bytes
 * are dropped, other control characters become U+FFFD.
 *
 * Errors are sticky, like rr_buf: misuse (an attribute outside a start tag, a
 * close that does not match, nesting deeper than HTML_MAX_DEPTH) or a full
 * buffer make every later call a no-op; check html_finish() once at the end.
 *
 * Memory: the html struct does not own the rr_buf; the caller does. The
 * writer keeps pointers to tag names, which are string literals. */
#ifndef RR_HTML_H
#define RR_HTML_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

#define HTML_MAX_DEPTH 64

typedef struct html {
	rr_buf *b;                        /* output, owned by the caller */
	const char *open[HTML_MAX_DEPTH]; /* stack of open tags (literals) */
	unsigned depth;
	bool in_tag;                      /* a start tag awaits its '>' */
	bool in_attr;                     /* inside html_attr_begin/_end */
	rr_err err;                       /* first misuse, sticky */
} html;

void html_init(html *h, rr_buf *b);
/* The first error: misuse or the buffer's own (cap reached, no memory). */
rr_err html_err(const html *h);
/* Ends a pending start tag; RR_EINVAL if elements are still open. */
rr_err html_finish(html *h);

/* --- elements. Names must be string literals. Void elements (br, img,
 * input, link, meta, hr, ...) are not pushed and need no close. */
#define html_open(h, tag) html_open_((h), "" tag "")
#define html_open_c(h, tag, cls) html_open_c_((h), "" tag "", "" cls "")
#define html_close(h, tag) html_close_((h), "" tag "")
void html_open_(html *h, const char *tag);
void html_open_c_(html *h, const char *tag, const char *cls);
void html_close_(html *h, const char *tag);

/* --- attributes: only right after html_open, before any content. */
#define html_attr(h, name, v) html_attr_((h), "" name "", (v))
#define html_attrf(h, name, ...) html_attrf_((h), "" name "", __VA_ARGS__)
#define html_attr_bool(h, name) html_attr_bool_((h), "" name "")
#define html_url_attr(h, name, url) html_url_attr_((h), "" name "", (url))
void html_attr_(html *h, const char *name, const char *value);
void html_attrf_(html *h, const char *name, const char *fmt, ...)
	RR_PRINTF(3, 4);
void html_attr_bool_(html *h, const char *name);
/* Only http:, https:, mailto:, tel: and relative URLs pass; anything else
 * (javascript:, data:, control characters, ...) is written as "#". */
void html_url_attr_(html *h, const char *name, const char *url);

/* An attribute built piece by piece, e.g. a link with a query value:
 *   html_attr_begin(h, "href"); html_raw_trusted(h, "/search?q=");
 *   html_urlpart(h, q); html_attr_end(h);
 * Inside, only html_raw_trusted, html_urlpart and html_text may be used. */
#define html_attr_begin(h, name) html_attr_begin_((h), "" name "")
void html_attr_begin_(html *h, const char *name);
void html_attr_end(html *h);

/* --- content. */
void html_text(html *h, const char *s);
void html_textn(html *h, const char *s, size_t n);
void html_textf(html *h, const char *fmt, ...) RR_PRINTF(2, 3);
/* Percent-encodes everything but A-Z a-z 0-9 - . _ ~ (a path segment or a
 * query value); the result is safe in text and attribute values. */
void html_urlpart(html *h, const char *s);
/* Writes JSON text safe inside <script type="application/json">: < > & and
 * U+2028/9 become \uXXXX escapes. The input must be valid JSON. */
void html_json(html *h, const char *json);
/* <script type="application/json" id="ID">json</script> */
void html_json_script(html *h, const char *id, const char *json);
/* Markup written as is: a string literal only. */
#define html_raw_trusted(h, lit) html_raw_((h), "" lit "")
void html_raw_(html *h, const char *lit);

/* Percent-encoding into a plain buffer, for building URLs outside a page. */
rr_err html_urlencode(rr_buf *out, const char *s);
/* True when url would pass html_url_attr unchanged. */
bool html_url_is_safe(const char *url);

#endif
