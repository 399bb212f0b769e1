/* gen.h - the store's write generation, readable without a database round
 * trip (for the web server's response cache).
 *
 * Beside a database file PATH lives PATH-gen: 4096 bytes mapped shared by
 * every process that opens the database, holding one 64-bit counter. Every
 * commit (rr_store_commit) adds one to it after the commit succeeded, so a
 * reader that reads the counter before it reads the data never keeps data
 * older than the counter it read. Reading it is one atomic load.
 *
 * This is the one place where the cache meets the store: the server opens
 * one rr_gen with rr_gen_open(--db) and calls rr_gen_read per request. A
 * backend that keeps the generation in its database (PostgreSQL, several
 * servers) plugs in at rr_gen_open: for a postgresql:// URL it returns an
 * rr_gen whose counter a listening connection keeps current (pg_gen.c:
 * bumped on each commit's NOTIFY), and the server needs no change; the
 * server's once-a-second check of rr_store_generation stays the backstop.
 *
 * Memory: rr_gen_open returns an object the caller closes with rr_gen_close.
 * Thread-safe: any number of threads may read and bump one rr_gen. */
#ifndef RR_STORE_GEN_H
#define RR_STORE_GEN_H

#include "../util/err.h"

typedef struct rr_gen rr_gen;

/* Maps the counter beside db (created, zero, if missing; "sqlite:PATH" is
 * PATH). For a database that is not a plain file ("postgresql://...",
 * ":memory:", "file:" URIs) a counter private to this process is made
 * instead, for the backend to bump. */
rr_err rr_gen_open(const char *db, rr_gen **out, rr_diag *d);
void rr_gen_close(rr_gen *g);

/* The current generation (never decreases while g is open). */
long long rr_gen_read(const rr_gen *g);
/* Adds one (after a commit, or when a change was seen another way). */
void rr_gen_bump(rr_gen *g);

#endif
