#include "util/html.h"

#include <stdint.h>
#include <string.h>

#include "util/utf8.h"

/* Elements that have no end tag. */
static const char *const void_tags[] = {
	"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
	"meta", "source", "track", "wbr",
};

/* Bytes after which html_text must act: escapes, controls, non-ASCII. */
static bool text_special(unsigned char c)
{
	return c < 0x20 || c >= 0x7f || c == '&' || c == '<' || c == '>' ||
		c == '"' || c == '\'';
}

static const char REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */

void html_init(html *h, rr_buf *b)
{
	memset(h, 0, sizeof *h);
	h->b = b;
}

rr_err html_err(const html *h)
{
	if (h->err)
		return h->err;
	return rr_buf_err(h->b);
}

static bool failed(const html *h)
{
	return html_err(h) != RR_OK;
}

/* Misuse is only recorded as the first error: after a full buffer, closes
 * are skipped, and the buffer's error is the one to report. */
static void misuse(html *h)
{
	if (html_err(h) == RR_OK)
		h->err = RR_EINVAL;
}

/* Called before any content: closes a pending start tag. */
static bool content(html *h)
{
	if (failed(h))
		return false;
	if (h->in_attr)
		return true;
	if (h->in_tag) {
		rr_buf_addc(h->b, '>');
		h->in_tag = false;
	}
	return !failed(h);
}

rr_err html_finish(html *h)
{
	if (h->in_attr)
		misuse(h);
	content(h);
	if (h->depth)
		misuse(h);
	return html_err(h);
}

/* Escapes n bytes of s for text and quoted attribute values. */
static void escape(html *h, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0;

	while (i < n && !failed(h)) {
		unsigned char c = p[i];
		uint32_t cp;
		size_t len;

		if (!text_special(c)) {
			i++;
			continue;
		}
		rr_buf_add(h->b, p + run, i - run);
		switch (c) {
		case '&': rr_buf_addstr(h->b, "&amp;"); len = 1; break;
		case '<': rr_buf_addstr(h->b, "&lt;"); len = 1; break;
		case '>': rr_buf_addstr(h->b, "&gt;"); len = 1; break;
		case '"': rr_buf_addstr(h->b, "&quot;"); len = 1; break;
		case '\'': rr_buf_addstr(h->b, "&#39;"); len = 1; break;
		case '\0': len = 1; break;
		case '\t': case '\n': case '\r':
			rr_buf_addc(h->b, (char)c);
			len = 1;
			break;
		default:
			len = rr_utf8_decode(p + i, n - i, &cp);
			if (len == 0 || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
				rr_buf_addstr(h->b, REPLACEMENT);
				if (len == 0)
					len = 1;
			} else {
				rr_buf_add(h->b, p + i, len);
			}
			break;
		}
		i += len;
		run = i;
	}
	rr_buf_add(h->b, p + run, i - run);
}

static bool is_void(const char *tag)
{
	for (size_t i = 0; i < sizeof void_tags / sizeof void_tags[0]; i++)
		if (strcmp(tag, void_tags[i]) == 0)
			return true;
	return false;
}

void html_open_(html *h, const char *tag)
{
	if (h->in_attr)
		misuse(h);
	if (!content(h))
		return;
	if (!is_void(tag)) {
		if (h->depth == HTML_MAX_DEPTH) {
			misuse(h);
			return;
		}
		h->open[h->depth++] = tag;
	}
	rr_buf_addc(h->b, '<');
	rr_buf_addstr(h->b, tag);
	h->in_tag = true;
}

void html_open_c_(html *h, const char *tag, const char *cls)
{
	html_open_(h, tag);
	html_attr_(h, "class", cls);
}

void html_close_(html *h, const char *tag)
{
	if (h->in_attr)
		misuse(h);
	if (!content(h))
		return;
	if (h->depth == 0 || strcmp(h->open[h->depth - 1], tag) != 0) {
		misuse(h);
		return;
	}
	h->depth--;
	rr_buf_addstr(h->b, "</");
	rr_buf_addstr(h->b, tag);
	rr_buf_addc(h->b, '>');
}

/* Writes ' name="' when a start tag is open, else flags misuse. */
static bool attr_start(html *h, const char *name)
{
	if (failed(h))
		return false;
	if (!h->in_tag || h->in_attr) {
		misuse(h);
		return false;
	}
	rr_buf_addc(h->b, ' ');
	rr_buf_addstr(h->b, name);
	rr_buf_addstr(h->b, "=\"");
	return true;
}

void html_attr_(html *h, const char *name, const char *value)
{
	if (!attr_start(h, name))
		return;
	if (value)
		escape(h, value, strlen(value));
	rr_buf_addc(h->b, '"');
}

void html_attrf_(html *h, const char *name, const char *fmt, ...)
{
	rr_buf tmp;
	va_list ap;

	if (!attr_start(h, name))
		return;
	rr_buf_init(&tmp, h->b->max);
	va_start(ap, fmt);
	rr_buf_vprintf(&tmp, fmt, ap);
	va_end(ap);
	if (rr_buf_err(&tmp)) {
		if (!h->err)
			h->err = rr_buf_err(&tmp);
	} else {
		escape(h, tmp.data, tmp.len);
	}
	rr_buf_free(&tmp);
	rr_buf_addc(h->b, '"');
}

void html_attr_bool_(html *h, const char *name)
{
	if (failed(h))
		return;
	if (!h->in_tag || h->in_attr) {
		misuse(h);
		return;
	}
	rr_buf_addc(h->b, ' ');
	rr_buf_addstr(h->b, name);
}

static bool ieq_prefix(const char *s, size_t n, const char *lit)
{
	size_t m = strlen(lit);

	if (n != m)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != lit[i])
			return false;
	}
	return true;
}

bool html_url_is_safe(const char *url)
{
	size_t n;

	if (!url)
		return false;
	/* Browsers drop tabs and newlines inside URLs and strip leading
	 * controls, which can hide a scheme: refuse them all. */
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return false;
	n = strcspn(url, ":/?#");
	if (url[n] != ':')
		return true; /* relative: no scheme */
	return ieq_prefix(url, n, "http") || ieq_prefix(url, n, "https") ||
		ieq_prefix(url, n, "mailto") || ieq_prefix(url, n, "tel");
}

void html_url_attr_(html *h, const char *name, const char *url)
{
	html_attr_(h, name, html_url_is_safe(url) ? url : "#");
}

void html_attr_begin_(html *h, const char *name)
{
	if (attr_start(h, name))
		h->in_attr = true;
}

void html_attr_end(html *h)
{
	if (!h->in_attr) {
		misuse(h);
		return;
	}
	h->in_attr = false;
	rr_buf_addc(h->b, '"');
}

void html_textn(html *h, const char *s, size_t n)
{
	if (!content(h) || !s)
		return;
	escape(h, s, n);
}

void html_text(html *h, const char *s)
{
	if (s)
		html_textn(h, s, strlen(s));
}

void html_textf(html *h, const char *fmt, ...)
{
	rr_buf tmp;
	va_list ap;

	if (!content(h))
		return;
	rr_buf_init(&tmp, h->b->max);
	va_start(ap, fmt);
	rr_buf_vprintf(&tmp, fmt, ap);
	va_end(ap);
	if (rr_buf_err(&tmp)) {
		if (!h->err)
			h->err = rr_buf_err(&tmp);
	} else {
		escape(h, tmp.data, tmp.len);
	}
	rr_buf_free(&tmp);
}

static bool unreserved(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		(c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
		c == '~';
}

rr_err html_urlencode(rr_buf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)s;

	for (; p && *p && !rr_buf_err(out); p++) {
		if (unreserved(*p)) {
			rr_buf_addc(out, (char)*p);
		} else {
			char e[3] = { '%', hex[*p >> 4], hex[*p & 15] };
			rr_buf_add(out, e, 3);
		}
	}
	return rr_buf_err(out);
}

void html_urlpart(html *h, const char *s)
{
	if (content(h))
		html_urlencode(h->b, s);
}

void html_json(html *h, const char *json)
{
	const unsigned char *p = (const unsigned char *)json;
	size_t run = 0, i = 0, n;

	if (!content(h) || !json)
		return;
	n = strlen(json);
	while (i < n && !failed(h)) {
		unsigned char c = p[i];
		const char *esc = NULL;
		uint32_t cp;
		size_t len = 1;

		if (c == '<')
			esc = "\\u003c";
		else if (c == '>')
			esc = "\\u003e";
		else if (c == '&')
			esc = "\\u0026";
		else if (c >= 0x80) {
			len = rr_utf8_decode(p + i, n - i, &cp);
			if (len == 0) {
				esc = "\\ufffd";
				len = 1;
			} else if (cp == 0x2028) {
				esc = "\\u2028";
			} else if (cp == 0x2029) {
				esc = "\\u2029";
			}
		}
		if (esc) {
			rr_buf_add(h->b, p + run, i - run);
			rr_buf_addstr(h->b, esc);
			run = i + len;
		}
		i += len;
	}
	rr_buf_add(h->b, p + run, i - run);
}

void html_json_script(html *h, const char *id, const char *json)
{
	html_open(h, "script");
	html_attr(h, "type", "application/json");
	if (id)
		html_attr(h, "id", id);
	html_json(h, json);
	html_close(h, "script");
}

void html_raw_(html *h, const char *lit)
{
	if (content(h))
		rr_buf_addstr(h->b, lit);
}
