/* assets.h - static files compiled into the binary (the site's CSS, icon).
 *
 * The bytes come from $(BUILD)/gen/assets_data.h, written by
 * scripts/assets.sh from node_modules and web/. Each asset has a strong ETag
 * (a quoted hash of its content) computed at build time.
 *
 * Memory: everything returned points to constant static data; nothing is
 * allocated and nothing needs freeing. */
#ifndef RR_ASSETS_H
#define RR_ASSETS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct rr_asset {
	const char *path;         /* "/assets/site.css" */
	const char *content_type; /* "text/css; charset=utf-8" */
	const char *etag;         /* "\"3f2a...\"", with the quotes */
	const unsigned char *data;
	size_t len;
} rr_asset;

/* The asset served at path (no query string), or NULL. */
const rr_asset *assets_find(const char *path);

/* The number of assets and the i-th one, for listing and tests. */
size_t assets_count(void);
const rr_asset *assets_at(size_t i);

/* True when an If-None-Match header value (a list of entity tags, weak or
 * strong, or "*") matches the asset, so a 304 may be sent. */
bool assets_etag_match(const rr_asset *a, const char *if_none_match);

/* A short content version for cache-busting URLs: the first 12 hex digits
 * of the ETag ("/assets/site.css?v=..."), written into the caller's buf
 * (13 bytes suffice) and returned; "" if the asset is NULL. */
const char *assets_version(const rr_asset *a, char *buf, size_t n);

#endif
