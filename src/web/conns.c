/* conns.c - connection registry, address counts and the slow-connection
 * sweeper (conns.h). */
#include "web/conns.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#define NBUCKETS 1024

typedef struct addr_count {
	char addr[64];
	atomic_size_t n;
	struct addr_count *next;
} addr_count;

struct rr_conn {
	int fd;
	atomic_int state;
	_Atomic long long since_ms;
	atomic_size_t sending;
	addr_count *ac;
	struct rr_conn *prev, *next;
	max_align_t data[];
};

struct rr_conns {
	rr_conns_opts o;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	bool stop;
	pthread_t sweeper;
	rr_conn *head;
	atomic_size_t count;
	atomic_ullong swept;
	addr_count *buckets[NBUCKETS];
};

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static unsigned long addr_hash(const char *s)
{
	unsigned long h = 5381;

	for (; *s; s++)
		h = h * 33 + (unsigned char)*s;
	return h % NBUCKETS;
}

/* One pass of the sweeper, with the lock held. */
static unsigned sweep(rr_conns *c)
{
	long long now = now_ms();
	unsigned n = 0;

	for (rr_conn *k = c->head; k; k = k->next) {
		int st = atomic_load(&k->state);
		long long since = atomic_load(&k->since_ms), limit;

		if (st == RR_CONN_BUSY || k->fd < 0)
			continue;
		if (st == RR_CONN_WAITING)
			limit = (long long)c->o.wait_secs * 1000;
		else
			limit = (long long)c->o.send_secs * 1000 +
				(long long)(atomic_load(&k->sending) / c->o.send_rate) * 1000;
		if (now - since > limit) {
			shutdown(k->fd, SHUT_RDWR);
			k->fd = -1; /* once */
			n++;
		}
	}
	return n;
}

static void *sweeper(void *arg)
{
	rr_conns *c = arg;
	struct timespec ts;
	unsigned n;

	pthread_mutex_lock(&c->mu);
	while (!c->stop) {
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec += 1;
		pthread_cond_timedwait(&c->cv, &c->mu, &ts);
		if (c->stop)
			break;
		n = sweep(c);
		pthread_mutex_unlock(&c->mu);
		if (n) {
			atomic_fetch_add(&c->swept, n);
			fprintf(stderr, "reisregister serve: closed %u connection%s slower than the "
				"minimum rate\n", n, n == 1 ? "" : "s");
		}
		if (c->o.tick)
			c->o.tick(c->o.tick_cls);
		pthread_mutex_lock(&c->mu);
	}
	pthread_mutex_unlock(&c->mu);
	return NULL;
}

rr_err rr_conns_new(const rr_conns_opts *o, rr_conns **out)
{
	rr_conns *c = calloc(1, sizeof *c);

	*out = NULL;
	if (!c)
		return RR_ENOMEM;
	c->o = *o;
	if (!c->o.wait_secs)
		c->o.wait_secs = 10;
	if (!c->o.send_secs)
		c->o.send_secs = 30;
	if (!c->o.send_rate)
		c->o.send_rate = 65536;
	pthread_mutex_init(&c->mu, NULL);
	pthread_cond_init(&c->cv, NULL);
	if (pthread_create(&c->sweeper, NULL, sweeper, c)) {
		pthread_cond_destroy(&c->cv);
		pthread_mutex_destroy(&c->mu);
		free(c);
		return RR_ENOMEM;
	}
	*out = c;
	return RR_OK;
}

void rr_conns_free(rr_conns *c)
{
	if (!c)
		return;
	pthread_mutex_lock(&c->mu);
	c->stop = true;
	pthread_cond_signal(&c->cv);
	pthread_mutex_unlock(&c->mu);
	pthread_join(c->sweeper, NULL);
	for (size_t i = 0; i < NBUCKETS; i++)
		while (c->buckets[i]) {
			addr_count *a = c->buckets[i];
			c->buckets[i] = a->next;
			free(a);
		}
	pthread_cond_destroy(&c->cv);
	pthread_mutex_destroy(&c->mu);
	free(c);
}

rr_conn *rr_conns_open(rr_conns *c, int fd, const char *addr, size_t extra)
{
	rr_conn *k = calloc(1, sizeof *k + extra);
	unsigned long h = addr_hash(addr);
	addr_count *a;

	if (!k)
		return NULL;
	k->fd = fd;
	atomic_init(&k->state, RR_CONN_WAITING);
	atomic_init(&k->since_ms, now_ms());
	atomic_init(&k->sending, 0);
	pthread_mutex_lock(&c->mu);
	for (a = c->buckets[h]; a && strcmp(a->addr, addr); a = a->next)
		;
	if (!a && (a = calloc(1, sizeof *a))) {
		snprintf(a->addr, sizeof a->addr, "%s", addr);
		atomic_init(&a->n, 0);
		a->next = c->buckets[h];
		c->buckets[h] = a;
	}
	if (!a) {
		pthread_mutex_unlock(&c->mu);
		free(k);
		return NULL;
	}
	atomic_fetch_add(&a->n, 1);
	k->ac = a;
	k->next = c->head;
	if (c->head)
		c->head->prev = k;
	c->head = k;
	atomic_fetch_add(&c->count, 1);
	pthread_mutex_unlock(&c->mu);
	return k;
}

void rr_conns_close(rr_conns *c, rr_conn *k)
{
	addr_count *a;

	if (!k)
		return;
	pthread_mutex_lock(&c->mu);
	if (k->prev)
		k->prev->next = k->next;
	else
		c->head = k->next;
	if (k->next)
		k->next->prev = k->prev;
	a = k->ac;
	if (atomic_fetch_sub(&a->n, 1) == 1) {
		addr_count **pp = &c->buckets[addr_hash(a->addr)];
		while (*pp != a)
			pp = &(*pp)->next;
		*pp = a->next;
		free(a);
	}
	atomic_fetch_sub(&c->count, 1);
	pthread_mutex_unlock(&c->mu);
	free(k);
}

void *rr_conn_data(rr_conn *k)
{
	return k->data;
}

void rr_conn_set(rr_conn *k, int state, size_t sending)
{
	atomic_store(&k->since_ms, now_ms());
	atomic_store(&k->sending, sending);
	atomic_store(&k->state, state);
}

void rr_conn_set_keep(rr_conn *k, int state)
{
	atomic_store(&k->state, state);
}

size_t rr_conns_count(rr_conns *c)
{
	return atomic_load(&c->count);
}

size_t rr_conn_addr_count(const rr_conn *k)
{
	return atomic_load(&k->ac->n);
}

unsigned long long rr_conns_swept(rr_conns *c)
{
	return atomic_load(&c->swept);
}
