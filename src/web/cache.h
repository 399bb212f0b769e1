/* cache.h - rendered responses kept in memory, keyed by URL and viewer
 * class, valid for one store generation.
 *
 * Every lookup passes the store's current generation (store/gen.h, read
 * without a database round trip); when it is newer than the cache's,
 * everything is dropped first: a write to the register invalidates every
 * page. Generations only grow: a page rendered under an older generation
 * than the cache's is handed back but not kept, and a lookup with an older
 * one misses. Entries carry a strong ETag (a
 * BLAKE2b hash of the body, via libsodium) and a Last-Modified time (when
 * this generation was first seen). The cache is bounded by total bytes and
 * number of entries; the least recently used entry goes first. All calls
 * are safe from several threads (one mutex).
 *
 * Memory: rr_cache_get and rr_cache_put hand out a counted reference to an
 * entry; the caller gives it back with rr_cache_release. An evicted entry
 * lives until its last reference is released. */
#ifndef RR_WEB_CACHE_H
#define RR_WEB_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "util/err.h"

typedef struct rr_cache rr_cache;

typedef struct rr_cache_entry {
	char *key;
	char *body;
	size_t len;
	int ctype;             /* the server's rr_ctype */
	int status;            /* 200 for kept entries; see rr_cache_make */
	const char *disposition;
	char location[512];    /* a redirect's target (never kept), or "" */
	char etag[36];         /* "\"" + 32 hex + "\"" */
	time_t last_modified;
	/* private */
	unsigned refs;
	bool linked;
	struct rr_cache_entry *hnext, *prev, *next;
} rr_cache_entry;

/* max_bytes: total bytes of bodies kept; max_entries: number kept. */
rr_err rr_cache_new(size_t max_bytes, size_t max_entries, rr_cache **out);
void rr_cache_free(rr_cache *c);

/* The entry for key in generation gen, or NULL. */
rr_cache_entry *rr_cache_get(rr_cache *c, const char *key, long long gen);
/* Stores a copy of body under key for generation gen and returns a
 * reference to the new entry (NULL when out of memory). A body larger than
 * the cache is not kept but still returned as an unlinked entry. */
rr_cache_entry *rr_cache_put(rr_cache *c, const char *key, long long gen,
			     const char *body, size_t len, int ctype,
			     const char *disposition);
void rr_cache_release(rr_cache *c, rr_cache_entry *e);

/* An entry that is never kept (a 404 or another answer not to cache) but
 * can be handed to several waiting requests like a kept one: a counted
 * reference, released with rr_cache_release. NULL when out of memory. */
rr_cache_entry *rr_cache_make(rr_cache *c, int status, const char *body, size_t len,
			      int ctype, const char *disposition);
/* Takes one more reference to e (for another request that shares it). */
void rr_cache_ref(rr_cache *c, rr_cache_entry *e);

/* The strong ETag of body: "\"<32 hex>\"" into out[36]. */
void rr_cache_etag(const char *body, size_t len, char out[36]);

/* Counts, for tests and the log. */
void rr_cache_stats(rr_cache *c, size_t *entries, size_t *bytes,
		    unsigned long long *hits, unsigned long long *misses);

/* True when an If-None-Match value lists etag (or is "*"); weak
 * comparison, as RFC 9110 asks for If-None-Match. */
bool rr_etag_match(const char *if_none_match, const char *etag);
/* Parses an HTTP date (IMF-fixdate); -1 when it is not one. */
time_t rr_http_date_parse(const char *s);
/* Writes an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") into out[32]. */
void rr_http_date(time_t t, char out[32]);

#endif
