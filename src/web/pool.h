/* pool.h - the worker threads that render answers the cache does not have,
 * so that libmicrohttpd's own threads only move bytes and serve the cache.
 *
 * Work waits in one bounded queue. A worker takes light work first; heavy
 * work (routes marked RR_HEAVY: search, exports, comparisons) runs on at
 * most all workers but one, so one is always free for a light page. Each
 * client address may have at most max_per_addr items queued or running,
 * so one client cannot fill the queue for everyone else. When the queue or
 * the address's share is full, rr_pool_submit refuses and the server
 * answers 503 with Retry-After.
 *
 * Workers run at a lower scheduling priority (nice RR_POOL_NICE) than the
 * threads that serve the cache, so cached pages stay fast while the CPUs
 * render.
 *
 * Memory: the pool never frees work; run() owns its item once called. */
#ifndef RR_WEB_POOL_H
#define RR_WEB_POOL_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"

#define RR_POOL_NICE 10

typedef struct rr_work {
	void (*run)(struct rr_work *w); /* on a worker thread */
	bool heavy;
	unsigned addr_slot;  /* set by rr_pool_submit */
	struct rr_work *next;
} rr_work;

typedef struct rr_pool rr_pool;

typedef enum { RR_POOL_OK, RR_POOL_FULL, RR_POOL_ADDR_FULL, RR_POOL_STOPPED } rr_pool_result;

rr_err rr_pool_new(unsigned threads, size_t max_queued, size_t max_per_addr, rr_pool **out);
/* Queues w for addr (the client's address, for its share). */
rr_pool_result rr_pool_submit(rr_pool *p, rr_work *w, const char *addr);
/* Refuses new work (RR_POOL_STOPPED), runs what is queued, joins the
 * workers. */
void rr_pool_stop(rr_pool *p);
/* Stops p if need be and frees it. */
void rr_pool_free(rr_pool *p);

/* Items waiting and running, for the log and tests. */
void rr_pool_stats(rr_pool *p, size_t *queued, size_t *running);

#endif
