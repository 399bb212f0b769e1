/* Unit tests: the worker pool (web/pool.c: bounded queue, share per
 * address, heavy work never on the last worker), the connection registry's
 * address counts (web/conns.c), the shared write generation (store/gen.c),
 * the cache's growing generations and the canonical cache key (routes.c). */
#include "testutil.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/gen.h"
#include "web/cache.h"
#include "web/conns.h"
#include "web/pool.h"
#include "web/routes.h"

/* Work that waits until released, counting how many run at once. */
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static bool released;
static int running, heavy_running, max_heavy, done;

typedef struct item {
	rr_work w;
} item;

static void hold(rr_work *w)
{
	pthread_mutex_lock(&mu);
	running++;
	if (w->heavy && ++heavy_running > max_heavy)
		max_heavy = heavy_running;
	pthread_cond_broadcast(&cv);
	while (!released)
		pthread_cond_wait(&cv, &mu);
	running--;
	if (w->heavy)
		heavy_running--;
	done++;
	pthread_mutex_unlock(&mu);
	free(w);
}

static rr_work *work(bool heavy)
{
	item *it = calloc(1, sizeof *it);

	assert_non_null(it);
	it->w.run = hold;
	it->w.heavy = heavy;
	return &it->w;
}

static void wait_running(int n)
{
	pthread_mutex_lock(&mu);
	while (running < n)
		pthread_cond_wait(&cv, &mu);
	pthread_mutex_unlock(&mu);
}

static void pool_limits(void **state)
{
	rr_pool *p = NULL;
	rr_work *w;

	(void)state;
	released = false;
	running = heavy_running = max_heavy = done = 0;
	/* 3 workers, 4 waiting at most, 3 per address */
	assert_int_equal(rr_pool_new(3, 4, 3, &p), RR_OK);
	for (int i = 0; i < 3; i++)
		assert_int_equal(rr_pool_submit(p, work(true), "10.0.0.1"), RR_POOL_OK);
	/* heavy work takes at most two of the three workers */
	wait_running(2);
	/* the address has its three: a fourth is refused, another address not */
	w = work(false);
	assert_int_equal(rr_pool_submit(p, w, "10.0.0.1"), RR_POOL_ADDR_FULL);
	free(w);
	assert_int_equal(rr_pool_submit(p, work(false), "10.0.0.2"), RR_POOL_OK);
	wait_running(3); /* the light one ran on the free worker */
	assert_int_equal(rr_pool_submit(p, work(false), "10.0.0.3"), RR_POOL_OK);
	assert_int_equal(rr_pool_submit(p, work(false), "10.0.0.4"), RR_POOL_OK);
	assert_int_equal(rr_pool_submit(p, work(false), "10.0.0.5"), RR_POOL_OK);
	/* the queue holds 4 (one heavy still waits, and three light): full */
	w = work(false);
	assert_int_equal(rr_pool_submit(p, w, "10.0.0.7"), RR_POOL_FULL);
	free(w);
	pthread_mutex_lock(&mu);
	assert_int_equal(max_heavy, 2);
	released = true;
	pthread_cond_broadcast(&cv);
	pthread_mutex_unlock(&mu);
	rr_pool_stop(p);
	w = work(false);
	assert_int_equal(rr_pool_submit(p, w, "10.0.0.1"), RR_POOL_STOPPED);
	free(w);
	rr_pool_free(p);
	assert_int_equal(done, 7);
	assert_int_equal(max_heavy, 2);
}

static void conn_counts(void **state)
{
	rr_conns_opts o = {0};
	rr_conns *c = NULL;
	rr_conn *a, *b, *x;

	(void)state;
	assert_int_equal(rr_conns_new(&o, &c), RR_OK);
	a = rr_conns_open(c, -1, "127.0.0.2", 16);
	b = rr_conns_open(c, -1, "127.0.0.2", 16);
	x = rr_conns_open(c, -1, "::1", 16);
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(x);
	assert_int_equal(rr_conns_count(c), 3);
	assert_int_equal(rr_conn_addr_count(a), 2);
	assert_int_equal(rr_conn_addr_count(x), 1);
	memset(rr_conn_data(a), 0xab, 16);
	rr_conns_close(c, b);
	assert_int_equal(rr_conn_addr_count(a), 1);
	assert_int_equal(rr_conns_count(c), 2);
	rr_conns_close(c, a);
	rr_conns_close(c, x);
	assert_int_equal(rr_conns_count(c), 0);
	rr_conns_free(c);
}

static void shared_generation(void **state)
{
	char dir[] = "/tmp/rr-gen-XXXXXX", db[64];
	rr_gen *a = NULL, *b = NULL, *m = NULL;
	rr_diag d = {0};

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(db, sizeof db, "%s/r.db", dir);
	assert_int_equal(rr_gen_open(db, &a, &d), RR_OK);
	assert_int_equal(rr_gen_open(db, &b, &d), RR_OK);
	assert_int_equal(rr_gen_read(a), 0);
	rr_gen_bump(b); /* another connection's commit */
	rr_gen_bump(b);
	assert_int_equal(rr_gen_read(a), 2);
	assert_int_equal(rr_gen_open(":memory:", &m, &d), RR_OK);
	rr_gen_bump(m);
	assert_int_equal(rr_gen_read(m), 1);
	assert_int_equal(rr_gen_read(a), 2);
	rr_gen_close(a);
	rr_gen_close(b);
	rr_gen_close(m);
	assert_int_equal(rr_gen_open("postgresql://u@127.0.0.1/r", &m, &d), RR_OK);
	assert_int_equal(rr_gen_read(m), 0); /* private: the backend bumps it */
	rr_gen_close(m);
	snprintf(db, sizeof db, "%s/r.db-gen", dir);
	unlink(db);
	rmdir(dir);
}

static void cache_generations_grow(void **state)
{
	rr_cache *c = NULL;
	rr_cache_entry *e;

	(void)state;
	assert_int_equal(rr_cache_new(1 << 20, 100, &c), RR_OK);
	rr_cache_release(c, rr_cache_put(c, "k", 5, "new", 3, 0, NULL));
	/* a slow rendering from before the write comes back late: handed out,
	 * not kept, and the newer page stays */
	e = rr_cache_put(c, "k", 4, "old", 3, 0, NULL);
	assert_non_null(e);
	assert_memory_equal(e->body, "old", 3);
	rr_cache_release(c, e);
	assert_null(rr_cache_get(c, "k", 4));
	e = rr_cache_get(c, "k", 5);
	assert_non_null(e);
	assert_memory_equal(e->body, "new", 3);
	rr_cache_release(c, e);
	/* an answer shared by waiters but never kept */
	e = rr_cache_make(c, 404, "nf", 2, 0, NULL);
	assert_int_equal(e->status, 404);
	rr_cache_ref(c, e);
	rr_cache_release(c, e);
	rr_cache_release(c, e);
	rr_cache_free(c);
}

static void key_of(const char *uri, char *key, size_t n)
{
	rr_req *r = calloc(1, sizeof *r);
	const rr_route *route = NULL;
	const char *bad = NULL;

	assert_non_null(r);
	assert_int_equal(rr_target_parse(uri, strlen(uri), &r->t), RR_OK);
	assert_int_equal(rr_route_match(r, &route, &bad), RR_MATCH_OK);
	assert_true(rr_route_cache_key(r, route, key, n));
	free(r);
}

static void canonical_keys(void **state)
{
	char a[600], b[600];

	(void)state;
	key_of("/o/gm0034/2023", a, sizeof a);
	assert_string_equal(a, "anon /o/gm0034/2023");
	/* unknown parameters are not part of the key */
	key_of("/o/gm0034/2023?x=1&utm_source=y", b, sizeof b);
	assert_string_equal(a, b);
	/* known ones are, in the route's order, first value, encoded */
	key_of("/search?year=2023&q=laad+paal&x=9&q=ignored", a, sizeof a);
	key_of("/search?q=laad%20paal&year=2023", b, sizeof b);
	assert_string_equal(a, "anon /search?q=laad%20paal&year=2023");
	assert_string_equal(a, b);
	/* an empty value counts as absent, as for the handler */
	key_of("/search?q=x&country=", b, sizeof b);
	assert_string_equal(b, "anon /search?q=x");
	/* "&" and "=" in a value cannot forge another key */
	key_of("/search?q=a%26year%3D2023", b, sizeof b);
	assert_string_equal(b, "anon /search?q=a%26year%3D2023");
	/* a key that does not fit is refused (then the answer is not kept) */
	{
		rr_req *r = calloc(1, sizeof *r);
		const rr_route *route = NULL;
		const char *bad = NULL;
		assert_int_equal(rr_target_parse("/search?q=abcdef", 16, &r->t), RR_OK);
		assert_int_equal(rr_route_match(r, &route, &bad), RR_MATCH_OK);
		assert_false(rr_route_cache_key(r, route, b, 12));
		free(r);
	}
	/* and a handler reads only what its route declares */
	{
		rr_req *r = calloc(1, sizeof *r);
		const rr_route *route = NULL;
		const char *bad = NULL;
		assert_int_equal(rr_target_parse("/search?q=a&x=1", 15, &r->t), RR_OK);
		assert_int_equal(rr_route_match(r, &route, &bad), RR_MATCH_OK);
		r->route = route;
		assert_string_equal(rr_req_param(r, "q"), "a");
		assert_null(rr_req_param(r, "x"));
		free(r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pool_limits),
		cmocka_unit_test(conn_counts),
		cmocka_unit_test(shared_generation),
		cmocka_unit_test(cache_generations_grow),
		cmocka_unit_test(canonical_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
