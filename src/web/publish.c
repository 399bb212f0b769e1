/* publish.c - the register's public identity (publish.h). */
#include "web/publish.h"

#include <stdio.h>
#include <string.h>

#include "nl/bodies.h"
#include "web/pages.h"

static rr_publish settings;

void rr_publish_set(const rr_publish *p)
{
	settings = *p;
}

const rr_publish *rr_publish_get(void)
{
	return &settings;
}

bool rr_publish_uri_ok(const char *uri)
{
	size_t n = uri ? strlen(uri) : 0;

	if (n < 8 || n > 200)
		return false;
	if (strncmp(uri, "https://", 8) && strncmp(uri, "http://", 7))
		return false;
	if (strpbrk(uri, "\"'<>\\ \t\r\n"))
		return false;
	return html_url_is_safe(uri);
}

bool rr_publish_base_ok(const char *url)
{
	return rr_publish_uri_ok(url) && url[strlen(url) - 1] != '/' && !strpbrk(url, "?#");
}

const char *rr_publish_abs_base(void)
{
	if (settings.base_url)
		return settings.base_url;
	return settings.listen_url ? settings.listen_url : "";
}

const char *rr_publish_feed_base(void)
{
	return settings.base_url ? settings.base_url : "";
}

const char *rr_publish_licence(void)
{
	return settings.licence ? settings.licence : RR_LICENCE_CC0;
}

void rr_tooi_uri(char *out, size_t n, const char *code)
{
	const rr_body *b = code ? rr_body_get(code) : NULL;

	if (n)
		out[0] = '\0';
	if (b)
		rr_body_tooi_uri(b, out, n);
}

void rr_xml_text(rr_buf *b, const char *s)
{
	feed_xml_escape(b, s);
}

void rr_xml_element(rr_buf *b, const char *tag, const char *text)
{
	if (!text)
		return;
	rr_buf_printf(b, "<%s>", tag);
	feed_xml_escape(b, text);
	rr_buf_printf(b, "</%s>", tag);
}
