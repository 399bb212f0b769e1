/* fuzz_html - every escaping function of the HTML writer on arbitrary
 * bytes; aborts when an output could break out of its context. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/html.h"

static void check(int ok)
{
	if (!ok)
		abort();
}

/* Valid UTF-8, no NUL or control other than tab, LF, CR. */
static void check_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

		if (c < 0x20)
			check(c == '\t' || c == '\n' || c == '\r');
		check(c != 0x7f);
		check(c < 0x80 || (c >= 0xC2 && c <= 0xF4));
		check(i + len <= n);
		for (size_t k = 1; k < len; k++)
			check((s[i + k] & 0xC0) == 0x80);
		if (c == 0xC2)
			check(s[i + 1] >= 0xA0); /* no C1 controls */
		i += len;
	}
}

/* Escaped text or attribute value: no markup character, every & starts
 * one of the writer's entities. */
static void check_escaped(const char *s, size_t n)
{
	static const char *const ents[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&#39;" };

	for (size_t i = 0; i < n; i++) {
		check(s[i] != '<' && s[i] != '>' && s[i] != '"' && s[i] != '\'');
		if (s[i] == '&') {
			int found = 0;
			for (size_t k = 0; k < 5; k++)
				if (strncmp(s + i, ents[k], strlen(ents[k])) == 0)
					found = 1;
			check(found);
		}
	}
	check_utf8((const unsigned char *)s, n);
}

static void fresh(rr_buf *b, html *h)
{
	rr_buf_reset(b);
	html_init(h, b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rr_buf b;
	html h;
	char *z;
	const char *o;
	size_t n;

	z = malloc(size + 1);
	if (!z)
		return 0;
	memcpy(z, data, size);
	z[size] = '\0';
	rr_buf_init(&b, 1 << 20);

	/* text, with NULs inside */
	fresh(&b, &h);
	html_textn(&h, (const char *)data, size);
	check(html_finish(&h) == RR_OK);
	check_escaped(rr_buf_cstr(&b), b.len);
	check(memchr(rr_buf_cstr(&b), '\0', b.len) == NULL);

	/* printf-style text */
	fresh(&b, &h);
	html_textf(&h, "[%s]", z);
	check(html_finish(&h) == RR_OK);
	check_escaped(rr_buf_cstr(&b), b.len);

	/* attribute value: <x a="..." */
	fresh(&b, &h);
	html_open(&h, "x");
	html_attr(&h, "a", z);
	html_close(&h, "x");
	check(html_finish(&h) == RR_OK);
	o = rr_buf_cstr(&b);
	check(strncmp(o, "<x a=\"", 6) == 0);
	n = b.len - strlen("\"></x>") - 6;
	check(strcmp(o + 6 + n, "\"></x>") == 0);
	check_escaped(o + 6, n);

	/* URL attribute: "#" or the escaped URL, and never a bad scheme */
	fresh(&b, &h);
	html_open(&h, "a");
	html_url_attr(&h, "href", z);
	html_close(&h, "a");
	check(html_finish(&h) == RR_OK);
	o = rr_buf_cstr(&b);
	check(strncmp(o, "<a href=\"", 9) == 0);
	n = b.len - strlen("\"></a>") - 9;
	check_escaped(o + 9, n);
	if (!html_url_is_safe(z)) {
		check(strcmp(o, "<a href=\"#\"></a>") == 0);
	} else {
		size_t k = strcspn(z, ":/?#");
		check(z[k] != ':' || strncasecmp(z, "http", 4) == 0 ||
			strncasecmp(z, "mailto:", 7) == 0 ||
			strncasecmp(z, "tel:", 4) == 0);
		for (size_t i = 0; z[i]; i++)
			check((unsigned char)z[i] >= 0x20 && z[i] != 0x7f);
	}

	/* URL part: only unreserved characters and %XX */
	fresh(&b, &h);
	html_urlpart(&h, z);
	check(html_finish(&h) == RR_OK);
	o = rr_buf_cstr(&b);
	for (size_t i = 0; i < b.len; i++)
		check(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
			"0123456789-._~%", o[i]) != NULL);

	/* JSON for a script element: no < > &, no U+2028/9 */
	fresh(&b, &h);
	html_json_script(&h, "d", z);
	check(html_finish(&h) == RR_OK);
	o = rr_buf_cstr(&b);
	{
		const char *body = strchr(o, '>') + 1;
		size_t bn = b.len - (size_t)(body - o) - strlen("</script>");
		check(strcmp(body + bn, "</script>") == 0);
		for (size_t i = 0; i < bn; i++)
			check(body[i] != '<' && body[i] != '>' && body[i] != '&');
		for (size_t i = 0; i + 2 < bn; i++)
			check(!((unsigned char)body[i] == 0xE2 &&
				(unsigned char)body[i + 1] == 0x80 &&
				((unsigned char)body[i + 2] == 0xA8 ||
				 (unsigned char)body[i + 2] == 0xA9)));
	}

	/* a tiny cap: errors, never overflow */
	{
		rr_buf small;
		rr_buf_init(&small, 16);
		html_init(&h, &small);
		html_open(&h, "p");
		html_attr(&h, "title", z);
		html_text(&h, z);
		html_close(&h, "p");
		(void)html_finish(&h);
		check(small.len <= 16);
		rr_buf_free(&small);
	}

	rr_buf_free(&b);
	free(z);
	return 0;
}
