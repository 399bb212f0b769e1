/* cache.c - bounded LRU cache of rendered responses (cache.h). */
#include "web/cache.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#define NBUCKETS 1024

struct rr_cache {
	pthread_mutex_t mu;
	rr_cache_entry *buckets[NBUCKETS];
	rr_cache_entry *head, *tail; /* most recently used first */
	size_t entries, bytes, max_bytes, max_entries;
	long long gen;
	bool have_gen;
	time_t gen_since;
	unsigned long long hits, misses;
};

static unsigned long hash(const char *s)
{
	unsigned long h = 14695981039346656037ul;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ul;
	return h;
}

rr_err rr_cache_new(size_t max_bytes, size_t max_entries, rr_cache **out)
{
	rr_cache *c = calloc(1, sizeof *c);

	if (!c)
		return RR_ENOMEM;
	if (pthread_mutex_init(&c->mu, NULL)) {
		free(c);
		return RR_ENOMEM;
	}
	c->max_bytes = max_bytes;
	c->max_entries = max_entries ? max_entries : 1;
	*out = c;
	return RR_OK;
}

static void entry_free(rr_cache_entry *e)
{
	free(e->key);
	free(e->body);
	free(e);
}

/* Takes e out of the table and the list; frees it when unreferenced. */
static void unlink_entry(rr_cache *c, rr_cache_entry *e)
{
	rr_cache_entry **pp = &c->buckets[hash(e->key) % NBUCKETS];

	while (*pp && *pp != e)
		pp = &(*pp)->hnext;
	if (*pp)
		*pp = e->hnext;
	if (e->prev)
		e->prev->next = e->next;
	else
		c->head = e->next;
	if (e->next)
		e->next->prev = e->prev;
	else
		c->tail = e->prev;
	e->linked = false;
	e->prev = e->next = e->hnext = NULL;
	c->entries--;
	c->bytes -= e->len;
	if (e->refs == 0)
		entry_free(e);
}

static void flush(rr_cache *c)
{
	while (c->head)
		unlink_entry(c, c->head);
}

void rr_cache_free(rr_cache *c)
{
	if (!c)
		return;
	flush(c);
	pthread_mutex_destroy(&c->mu);
	free(c);
}

static void to_front(rr_cache *c, rr_cache_entry *e)
{
	if (c->head == e)
		return;
	e->prev->next = e->next;
	if (e->next)
		e->next->prev = e->prev;
	else
		c->tail = e->prev;
	e->prev = NULL;
	e->next = c->head;
	c->head->prev = e;
	c->head = e;
}

/* Called with the lock held: drops everything of an older generation.
 * False when gen is older than the cache's (a late request). */
static bool check_gen(rr_cache *c, long long gen)
{
	if (c->have_gen && c->gen == gen)
		return true;
	if (c->have_gen && gen < c->gen)
		return false;
	flush(c);
	c->gen = gen;
	c->have_gen = true;
	c->gen_since = time(NULL);
	return true;
}

rr_cache_entry *rr_cache_get(rr_cache *c, const char *key, long long gen)
{
	rr_cache_entry *e;

	pthread_mutex_lock(&c->mu);
	e = NULL;
	if (check_gen(c, gen))
		for (e = c->buckets[hash(key) % NBUCKETS]; e; e = e->hnext)
			if (!strcmp(e->key, key))
				break;
	if (e) {
		to_front(c, e);
		e->refs++;
		c->hits++;
	} else {
		c->misses++;
	}
	pthread_mutex_unlock(&c->mu);
	return e;
}

void rr_cache_etag(const char *body, size_t len, char out[36])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char h[16];

	crypto_generichash(h, sizeof h, (const unsigned char *)body, len, NULL, 0);
	out[0] = '"';
	for (size_t i = 0; i < sizeof h; i++) {
		out[1 + 2 * i] = hex[h[i] >> 4];
		out[2 + 2 * i] = hex[h[i] & 15];
	}
	out[33] = '"';
	out[34] = '\0';
}

static rr_cache_entry *entry_new(const char *key, int status, const char *body, size_t len,
				 int ctype, const char *disposition)
{
	rr_cache_entry *e = calloc(1, sizeof *e);
	size_t klen = strlen(key);

	if (!e)
		return NULL;
	e->key = malloc(klen + 1);
	e->body = malloc(len ? len : 1);
	if (!e->key || !e->body) {
		entry_free(e);
		return NULL;
	}
	memcpy(e->key, key, klen + 1);
	if (len)
		memcpy(e->body, body, len);
	e->len = len;
	e->status = status;
	e->ctype = ctype;
	e->disposition = disposition;
	rr_cache_etag(body, len, e->etag);
	e->refs = 1;
	return e;
}

rr_cache_entry *rr_cache_make(rr_cache *c, int status, const char *body, size_t len,
			      int ctype, const char *disposition)
{
	rr_cache_entry *e = entry_new("", status, body, len, ctype, disposition);

	if (e) {
		pthread_mutex_lock(&c->mu);
		e->last_modified = c->have_gen ? c->gen_since : time(NULL);
		pthread_mutex_unlock(&c->mu);
	}
	return e;
}

void rr_cache_ref(rr_cache *c, rr_cache_entry *e)
{
	pthread_mutex_lock(&c->mu);
	e->refs++;
	pthread_mutex_unlock(&c->mu);
}

rr_cache_entry *rr_cache_put(rr_cache *c, const char *key, long long gen,
			     const char *body, size_t len, int ctype,
			     const char *disposition)
{
	rr_cache_entry *e = entry_new(key, 200, body, len, ctype, disposition), *old;

	if (!e)
		return NULL;
	pthread_mutex_lock(&c->mu);
	if (!check_gen(c, gen)) {
		e->last_modified = time(NULL);
		pthread_mutex_unlock(&c->mu);
		return e; /* rendered before the latest write: not kept */
	}
	e->last_modified = c->gen_since;
	if (len > c->max_bytes) {
		pthread_mutex_unlock(&c->mu);
		return e; /* too big to keep: handed out unlinked */
	}
	for (old = c->buckets[hash(key) % NBUCKETS]; old; old = old->hnext)
		if (!strcmp(old->key, key))
			break;
	if (old)
		unlink_entry(c, old);
	while (c->tail && (c->entries + 1 > c->max_entries || c->bytes + len > c->max_bytes))
		unlink_entry(c, c->tail);
	e->hnext = c->buckets[hash(key) % NBUCKETS];
	c->buckets[hash(key) % NBUCKETS] = e;
	e->next = c->head;
	if (c->head)
		c->head->prev = e;
	c->head = e;
	if (!c->tail)
		c->tail = e;
	e->linked = true; /* the cache's own hold; refs counts the callers' */
	c->entries++;
	c->bytes += len;
	pthread_mutex_unlock(&c->mu);
	return e;
}

void rr_cache_release(rr_cache *c, rr_cache_entry *e)
{
	bool gone;

	if (!e)
		return;
	pthread_mutex_lock(&c->mu);
	e->refs--;
	gone = e->refs == 0 && !e->linked;
	pthread_mutex_unlock(&c->mu);
	if (gone)
		entry_free(e);
}

void rr_cache_stats(rr_cache *c, size_t *entries, size_t *bytes,
		    unsigned long long *hits, unsigned long long *misses)
{
	pthread_mutex_lock(&c->mu);
	if (entries)
		*entries = c->entries;
	if (bytes)
		*bytes = c->bytes;
	if (hits)
		*hits = c->hits;
	if (misses)
		*misses = c->misses;
	pthread_mutex_unlock(&c->mu);
}

/* Compares entity tags ignoring a W/ prefix (weak comparison). */
bool rr_etag_match(const char *inm, const char *etag)
{
	const char *p = inm;
	size_t elen = strlen(etag);

	if (!inm)
		return false;
	while (*p) {
		const char *start;

		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		if (*p == '*')
			return true;
		if (p[0] == 'W' && p[1] == '/')
			p += 2;
		start = p;
		if (*p == '"') {
			p++;
			while (*p && *p != '"')
				p++;
			if (*p == '"')
				p++;
		} else {
			while (*p && *p != ',')
				p++;
		}
		if ((size_t)(p - start) == elen && !strncmp(start, etag, elen))
			return true;
		while (*p && *p != ',')
			p++;
	}
	return false;
}

static const char *const wday[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
	"Aug", "Sep", "Oct", "Nov", "Dec"};

void rr_http_date(time_t t, char out[32])
{
	struct tm tm;

	gmtime_r(&t, &tm);
	snprintf(out, 32, "%s, %02d %s %04d %02d:%02d:%02d GMT", wday[tm.tm_wday % 7],
		 tm.tm_mday, mon[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour,
		 tm.tm_min, tm.tm_sec);
}

time_t rr_http_date_parse(const char *s)
{
	char wd[4], mo[4], gmt[4];
	int d, y, hh, mm, ss, m = -1, used = 0;
	struct tm tm;

	if (!s || strlen(s) != 29)
		return -1;
	if (sscanf(s, "%3s, %2d %3s %4d %2d:%2d:%2d %3s%n", wd, &d, mo, &y, &hh, &mm,
		   &ss, gmt, &used) != 8 || used != 29 || strcmp(gmt, "GMT"))
		return -1;
	for (int i = 0; i < 12; i++)
		if (!strcmp(mo, mon[i]))
			m = i;
	if (m < 0 || d < 1 || d > 31 || y < 1970 || hh > 23 || mm > 59 || ss > 60)
		return -1;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m;
	tm.tm_mday = d;
	tm.tm_hour = hh;
	tm.tm_min = mm;
	tm.tm_sec = ss;
	return timegm(&tm);
}
