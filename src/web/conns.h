/* conns.h - the open connections of the web server: counts per client
 * address and in total (for the server's limits), and a sweeper thread
 * that closes connections slower than the minimum rate.
 *
 * The server registers each TCP connection when libmicrohttpd opens it and
 * removes it when libmicrohttpd closes it (before the socket is closed, so
 * the sweeper never touches a reused descriptor), and says what the
 * connection is doing:
 *   RR_CONN_WAITING  a request (headers and body) is arriving or awaited:
 *                    it must be whole within wait_secs of the connection's
 *                    start or of the previous answer, whatever trickles in
 *   RR_CONN_BUSY     a handler or a worker has it: no deadline
 *   RR_CONN_SENDING  an answer of n bytes is going out: it must be gone
 *                    within send_secs + n / send_rate seconds
 * Once a second the sweeper shuts down (shutdown(2)) the sockets past their
 * deadline; libmicrohttpd then sees the end of the stream and closes them.
 * It also calls tick(cls), for other once-a-second work of the server.
 *
 * Memory: rr_conns_open returns a connection with `extra` zeroed bytes of
 * the caller's (rr_conn_data); both live until rr_conns_close. */
#ifndef RR_WEB_CONNS_H
#define RR_WEB_CONNS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"

typedef struct rr_conns rr_conns;
typedef struct rr_conn rr_conn;

enum { RR_CONN_WAITING, RR_CONN_BUSY, RR_CONN_SENDING };

typedef struct rr_conns_opts {
	unsigned wait_secs;   /* a whole request within this (default 10) */
	unsigned send_secs;   /* an answer's base time (default 30) */
	size_t send_rate;     /* bytes per second beyond that (default 65536) */
	void (*tick)(void *cls);
	void *tick_cls;
} rr_conns_opts;

rr_err rr_conns_new(const rr_conns_opts *o, rr_conns **out);
/* Stops the sweeper; every connection must be closed first. */
void rr_conns_free(rr_conns *c);

/* A new connection on socket fd from addr (numeric, for the counts). NULL
 * when out of memory. */
rr_conn *rr_conns_open(rr_conns *c, int fd, const char *addr, size_t extra);
void rr_conns_close(rr_conns *c, rr_conn *k);
void *rr_conn_data(rr_conn *k);

/* What the connection does now (see above); the deadline starts now. */
void rr_conn_set(rr_conn *k, int state, size_t sending);
/* Like rr_conn_set but keeps the time the current wait started. */
void rr_conn_set_keep(rr_conn *k, int state);

/* Open connections in total, and from k's address (including k). */
size_t rr_conns_count(rr_conns *c);
size_t rr_conn_addr_count(const rr_conn *k);
/* Connections the sweeper has closed so far. */
unsigned long long rr_conns_swept(rr_conns *c);

#endif
