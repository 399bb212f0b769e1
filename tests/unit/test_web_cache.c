/* Unit tests of the response cache (web/cache.c): hits, generation
 * invalidation, LRU bounds, reference counting, ETag and HTTP dates. */
#include "testutil.h"

#include <string.h>

#include <sodium.h>

#include "web/cache.h"

static int setup(void **state)
{
	(void)state;
	return sodium_init() < 0 ? -1 : 0;
}

static void test_put_get(void **state)
{
	rr_cache *c;
	rr_cache_entry *e;

	(void)state;
	assert_int_equal(rr_cache_new(1 << 20, 100, &c), RR_OK);
	assert_null(rr_cache_get(c, "anon /", 1));
	e = rr_cache_put(c, "anon /", 1, "hello", 5, 0, NULL);
	assert_non_null(e);
	rr_cache_release(c, e);
	e = rr_cache_get(c, "anon /", 1);
	assert_non_null(e);
	assert_int_equal(e->len, 5);
	assert_memory_equal(e->body, "hello", 5);
	assert_int_equal(strlen(e->etag), 34);
	assert_true(e->etag[0] == '"' && e->etag[33] == '"');
	rr_cache_release(c, e);
	assert_null(rr_cache_get(c, "anon /x", 1));
	unsigned long long hits, misses;
	rr_cache_stats(c, NULL, NULL, &hits, &misses);
	assert_int_equal(hits, 1);
	assert_int_equal(misses, 2);
	rr_cache_free(c);
}

static void test_generation_flushes(void **state)
{
	rr_cache *c;
	size_t n;

	(void)state;
	assert_int_equal(rr_cache_new(1 << 20, 100, &c), RR_OK);
	rr_cache_release(c, rr_cache_put(c, "a", 1, "x", 1, 0, NULL));
	rr_cache_release(c, rr_cache_put(c, "b", 1, "y", 1, 0, NULL));
	rr_cache_stats(c, &n, NULL, NULL, NULL);
	assert_int_equal(n, 2);
	assert_null(rr_cache_get(c, "a", 2)); /* a write happened */
	rr_cache_stats(c, &n, NULL, NULL, NULL);
	assert_int_equal(n, 0);
	rr_cache_free(c);
}

static void test_bounds_and_refs(void **state)
{
	rr_cache *c;
	rr_cache_entry *held, *e;
	size_t n, bytes;
	char key[16];

	(void)state;
	assert_int_equal(rr_cache_new(100, 3, &c), RR_OK);
	held = rr_cache_put(c, "k0", 1, "0123456789", 10, 0, NULL);
	for (int i = 1; i < 5; i++) {
		snprintf(key, sizeof key, "k%d", i);
		rr_cache_release(c, rr_cache_put(c, key, 1, "0123456789", 10, 0, NULL));
	}
	rr_cache_stats(c, &n, &bytes, NULL, NULL);
	assert_int_equal(n, 3);
	assert_int_equal(bytes, 30);
	assert_null(rr_cache_get(c, "k0", 1)); /* evicted, least recently used */
	assert_memory_equal(held->body, "0123456789", 10); /* still alive: held */
	rr_cache_release(c, held);
	/* a recently used entry survives */
	rr_cache_release(c, rr_cache_get(c, "k2", 1));
	rr_cache_release(c, rr_cache_put(c, "k5", 1, "z", 1, 0, NULL));
	e = rr_cache_get(c, "k2", 1);
	assert_non_null(e);
	rr_cache_release(c, e);
	/* byte bound */
	rr_cache_release(c, rr_cache_put(c, "big", 1, "0123456789012345678901234567890123456789"
		"0123456789012345678901234567890123456789", 80, 0, NULL));
	rr_cache_stats(c, &n, &bytes, NULL, NULL);
	assert_true(bytes <= 100);
	/* larger than the cache: returned, not kept */
	char huge[200];
	memset(huge, 'h', sizeof huge);
	e = rr_cache_put(c, "huge", 1, huge, sizeof huge, 0, NULL);
	assert_non_null(e);
	assert_int_equal(e->len, sizeof huge);
	rr_cache_release(c, e);
	assert_null(rr_cache_get(c, "huge", 1));
	/* replacing a key */
	rr_cache_release(c, rr_cache_put(c, "k5", 1, "new", 3, 0, NULL));
	e = rr_cache_get(c, "k5", 1);
	assert_memory_equal(e->body, "new", 3);
	rr_cache_release(c, e);
	rr_cache_free(c);
}

static void test_etag(void **state)
{
	char a[36], b[36], c2[36];

	(void)state;
	rr_cache_etag("abc", 3, a);
	rr_cache_etag("abc", 3, b);
	rr_cache_etag("abd", 3, c2);
	assert_string_equal(a, b);
	assert_string_not_equal(a, c2);
	assert_true(rr_etag_match(a, a));
	assert_true(rr_etag_match("*", a));
	char list[100];
	snprintf(list, sizeof list, "\"x\", W/%s", a);
	assert_true(rr_etag_match(list, a));
	assert_false(rr_etag_match("\"x\", \"y\"", a));
	assert_false(rr_etag_match("", a));
	assert_false(rr_etag_match(NULL, a));
}

static void test_http_date(void **state)
{
	char d[32];

	(void)state;
	rr_http_date(784111777, d);
	assert_string_equal(d, "Sun, 06 Nov 1994 08:49:37 GMT");
	assert_int_equal(rr_http_date_parse(d), 784111777);
	assert_int_equal(rr_http_date_parse("Sun, 06 Nov 1994 08:49:37 UTC"), -1);
	assert_int_equal(rr_http_date_parse("Sunday, 06-Nov-94 08:49:37 GMT"), -1);
	assert_int_equal(rr_http_date_parse("Sun, 06 Foo 1994 08:49:37 GMT"), -1);
	assert_int_equal(rr_http_date_parse(NULL), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_get),
		cmocka_unit_test(test_generation_flushes),
		cmocka_unit_test(test_bounds_and_refs),
		cmocka_unit_test(test_etag),
		cmocka_unit_test(test_http_date),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
