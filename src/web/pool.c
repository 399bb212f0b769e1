/* pool.c - worker threads with a bounded, fair queue (pool.h). */
#include "web/pool.h"

#include <pthread.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#define ADDR_SLOTS 4096

struct rr_pool {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	bool stop;
	unsigned nthreads, heavy_max, heavy_running, running;
	size_t queued, max_queued, max_per_addr;
	rr_work *light_head, *light_tail, *heavy_head, *heavy_tail;
	unsigned short per_addr[ADDR_SLOTS];
	pthread_t *threads;
};

static unsigned slot_of(const char *s)
{
	unsigned long h = 14695981039346656037ul;

	for (; s && *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ul;
	return (unsigned)(h % ADDR_SLOTS);
}

static rr_work *take(rr_work **head, rr_work **tail)
{
	rr_work *w = *head;

	*head = w->next;
	if (!*head)
		*tail = NULL;
	w->next = NULL;
	return w;
}

static void *worker(void *arg)
{
	rr_pool *p = arg;

	/* below the connection threads: when the CPUs are short, answering
	 * from the cache goes first and rendering takes what is left */
	setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), RR_POOL_NICE);
	pthread_mutex_lock(&p->mu);
	for (;;) {
		rr_work *w = NULL;
		bool heavy = false;
		unsigned slot;

		if (p->light_head)
			w = take(&p->light_head, &p->light_tail);
		else if (p->heavy_head && p->heavy_running < p->heavy_max) {
			w = take(&p->heavy_head, &p->heavy_tail);
			heavy = true;
		}
		if (!w) {
			if (p->stop && !p->light_head && !p->heavy_head)
				break;
			pthread_cond_wait(&p->cv, &p->mu);
			continue;
		}
		p->queued--;
		p->running++;
		if (heavy)
			p->heavy_running++;
		slot = w->addr_slot;
		pthread_mutex_unlock(&p->mu);
		w->run(w); /* frees w */
		pthread_mutex_lock(&p->mu);
		p->running--;
		if (heavy) {
			p->heavy_running--;
			pthread_cond_broadcast(&p->cv); /* a heavy slot is free */
		}
		if (p->per_addr[slot])
			p->per_addr[slot]--;
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

rr_err rr_pool_new(unsigned threads, size_t max_queued, size_t max_per_addr, rr_pool **out)
{
	rr_pool *p = calloc(1, sizeof *p);

	*out = NULL;
	if (!p)
		return RR_ENOMEM;
	if (!threads)
		threads = 1;
	p->threads = calloc(threads, sizeof *p->threads);
	if (!p->threads) {
		free(p);
		return RR_ENOMEM;
	}
	p->max_queued = max_queued ? max_queued : 1;
	p->max_per_addr = max_per_addr ? max_per_addr : p->max_queued;
	if (p->max_per_addr > 65535)
		p->max_per_addr = 65535;
	p->heavy_max = threads > 1 ? threads - 1 : 1;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	for (unsigned i = 0; i < threads; i++) {
		if (pthread_create(&p->threads[i], NULL, worker, p))
			break;
		p->nthreads++;
	}
	if (!p->nthreads) {
		rr_pool_free(p);
		return RR_ENOMEM;
	}
	*out = p;
	return RR_OK;
}

rr_pool_result rr_pool_submit(rr_pool *p, rr_work *w, const char *addr)
{
	rr_pool_result r = RR_POOL_OK;

	w->addr_slot = slot_of(addr);
	w->next = NULL;
	pthread_mutex_lock(&p->mu);
	if (p->stop)
		r = RR_POOL_STOPPED;
	else if (p->queued >= p->max_queued)
		r = RR_POOL_FULL;
	else if (p->per_addr[w->addr_slot] >= p->max_per_addr)
		r = RR_POOL_ADDR_FULL;
	if (r == RR_POOL_OK) {
		p->per_addr[w->addr_slot]++;
		p->queued++;
		if (w->heavy) {
			if (p->heavy_tail)
				p->heavy_tail->next = w;
			else
				p->heavy_head = w;
			p->heavy_tail = w;
		} else {
			if (p->light_tail)
				p->light_tail->next = w;
			else
				p->light_head = w;
			p->light_tail = w;
		}
		pthread_cond_signal(&p->cv);
	}
	pthread_mutex_unlock(&p->mu);
	return r;
}

void rr_pool_stop(rr_pool *p)
{
	unsigned n;

	if (!p)
		return;
	pthread_mutex_lock(&p->mu);
	p->stop = true;
	n = p->nthreads;
	p->nthreads = 0;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	for (unsigned i = 0; i < n; i++)
		pthread_join(p->threads[i], NULL);
}

void rr_pool_free(rr_pool *p)
{
	if (!p)
		return;
	rr_pool_stop(p);
	pthread_cond_destroy(&p->cv);
	pthread_mutex_destroy(&p->mu);
	free(p->threads);
	free(p);
}

void rr_pool_stats(rr_pool *p, size_t *queued, size_t *running)
{
	pthread_mutex_lock(&p->mu);
	if (queued)
		*queued = p->queued;
	if (running)
		*running = p->running;
	pthread_mutex_unlock(&p->mu);
}
