/* pg_gen.c - the write generation of a PostgreSQL register (gen.h): every
 * commit sends NOTIFY rr_generation (pg.c); a thread with its own
 * connection LISTENs and bumps the process's counter per notification.
 * When the connection drops it bumps once (a write may have been missed)
 * and connects again. */
#include "pg_int.h"

#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gen.h"

struct rr_pg_listener {
	pthread_t thread;
	atomic_int stop;
	rr_gen *g;
	char *url;
};

static PGconn *connect_listen(const char *url)
{
	PGconn *c = PQconnectdb(url);
	PGresult *r;

	if (!c || PQstatus(c) != CONNECTION_OK) {
		PQfinish(c);
		return NULL;
	}
	r = PQexec(c, "LISTEN rr_generation");
	if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) {
		PQclear(r);
		PQfinish(c);
		return NULL;
	}
	PQclear(r);
	return c;
}

static void *listen_main(void *arg)
{
	rr_pg_listener *l = arg;
	PGconn *c = NULL;

	while (!atomic_load(&l->stop)) {
		struct pollfd pfd;
		PGnotify *n;

		if (!c) {
			if (!(c = connect_listen(l->url))) {
				struct timespec ts = {0, 500 * 1000 * 1000};
				nanosleep(&ts, NULL);
				continue;
			}
			rr_gen_bump(l->g); /* writes while no one listened */
		}
		pfd = (struct pollfd){PQsocket(c), POLLIN, 0};
		if (poll(&pfd, 1, 200) < 0)
			continue;
		if (!PQconsumeInput(c) || PQstatus(c) != CONNECTION_OK) {
			PQfinish(c);
			c = NULL;
			continue;
		}
		while ((n = PQnotifies(c))) {
			rr_gen_bump(l->g);
			PQfreemem(n);
		}
	}
	PQfinish(c);
	return NULL;
}

rr_pg_listener *rr_pg_listen(const char *url, rr_gen *g)
{
	rr_pg_listener *l = calloc(1, sizeof *l);

	if (!l)
		return NULL;
	atomic_init(&l->stop, 0);
	l->g = g;
	if (!(l->url = strdup(url)) || pthread_create(&l->thread, NULL, listen_main, l)) {
		free(l->url);
		free(l);
		return NULL;
	}
	return l;
}

void rr_pg_listen_stop(rr_pg_listener *l)
{
	if (!l)
		return;
	atomic_store(&l->stop, 1);
	pthread_join(l->thread, NULL);
	free(l->url);
	free(l);
}
