/* publish.h - how the register presents itself to the national
 * infrastructure: its base URL (absolute links in feeds, sitemaps, DiWoo
 * metadata and the DCAT catalogue), the licence of its open data and its
 * publisher. Set once by `reisregister serve` before the server starts;
 * read by the handlers (never changed while requests run).
 *
 * The base URL comes from `serve --base-url` only, never from a request's
 * Host header: the response cache is shared between visitors and keyed
 * without the Host, so a Host-derived URL would let one request poison the
 * links every other visitor gets. Without --base-url, the Atom feeds keep
 * relative links, and the documents that must have absolute URLs (sitemaps,
 * DiWoo, DCAT) use the address the server listens on. */
#ifndef RR_WEB_PUBLISH_H
#define RR_WEB_PUBLISH_H

#include <stdbool.h>

#include "util/buf.h"
#include "util/err.h"

typedef struct rr_publish {
	const char *base_url;  /* "https://reizen.example.nl", no trailing '/'; or NULL */
	const char *listen_url; /* "http://127.0.0.1:8080": fallback for absolute URLs */
	const char *licence;   /* URI of the open data's licence; NULL: CC0 1.0 */
	const char *publisher; /* URI of the publisher; NULL: the TOOI URI of each body */
} rr_publish;

#define RR_LICENCE_CC0 "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"

/* Keeps a copy of p (the strings must outlive the server). */
void rr_publish_set(const rr_publish *p);
const rr_publish *rr_publish_get(void);
/* A configured base URL is an http(s) URL without query, fragment or
 * trailing slash. */
bool rr_publish_base_ok(const char *url);
/* A licence or publisher URI: http(s), at most 200 bytes, nothing to escape. */
bool rr_publish_uri_ok(const char *uri);

/* The base for absolute URLs: --base-url, else the listening address, else "". */
const char *rr_publish_abs_base(void);
/* The base for feeds: --base-url, else "" (relative links). */
const char *rr_publish_feed_base(void);
/* The licence URI (CC0 when none is configured). */
const char *rr_publish_licence(void);
/* The TOOI URI of a body code ("gm0034" -> ".../tooi/id/gemeente/gm0034"),
 * written into out; "" for a code of no known kind. */
void rr_tooi_uri(char *out, size_t n, const char *code);

/* XML text or attribute value, escaped; invalid UTF-8 and characters XML
 * does not allow become U+FFFD (the same as feed_xml_escape). */
void rr_xml_text(rr_buf *b, const char *s);
/* <tag>escaped text</tag>; tag a literal of ours. Nothing when text is NULL. */
void rr_xml_element(rr_buf *b, const char *tag, const char *text);

#endif
