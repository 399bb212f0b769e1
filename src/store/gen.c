/* gen.c - the write generation in a shared-memory file (gen.h). */
#include "gen.h"
#include "store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define GEN_FILE_SIZE 4096

struct rr_gen {
	_Atomic long long *counter; /* in the mapping, or in local */
	_Atomic long long local;
	void *map;
	struct rr_pg_listener *listener; /* PostgreSQL: keeps counter current */
};

/* The file a database name stands for, or NULL ("postgresql://...",
 * ":memory:", "file:" URIs): then the counter is private to the process
 * and the backend keeps it current (see gen.h). */
static const char *plain_file(const char *db)
{
	if (db && !strncmp(db, "sqlite:", 7))
		db += 7;
	if (!db || !*db || !strcmp(db, ":memory:") || !strncmp(db, "file:", 5) || strstr(db, "://"))
		return NULL;
	return db;
}

rr_err rr_gen_open(const char *db, rr_gen **out, rr_diag *d)
{
	rr_gen *g = calloc(1, sizeof *g);
	char path[4200];
	struct stat st;
	int fd = -1;

	*out = NULL;
	if (!g)
		return RR_ENOMEM;
	atomic_init(&g->local, 0);
	g->counter = &g->local;
	if (!plain_file(db)) {
		/* without a listener the server's backstop still sees writes */
		if (!strncmp(db, "postgresql://", 13) || !strncmp(db, "postgres://", 11))
			g->listener = rr_pg_listen(db, g);
		*out = g;
		return RR_OK;
	}
	db = plain_file(db);
	if ((size_t)snprintf(path, sizeof path, "%s-gen", db) >= sizeof path) {
		rr_diag_add(d, "%s: path too long", db);
		goto fail;
	}
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0 || fstat(fd, &st) < 0) {
		rr_diag_add(d, "%s: %s", path, strerror(errno));
		goto fail;
	}
	/* a new file: its size set once; zero bytes are generation 0 */
	if (st.st_size < GEN_FILE_SIZE && ftruncate(fd, GEN_FILE_SIZE) < 0) {
		rr_diag_add(d, "%s: %s", path, strerror(errno));
		goto fail;
	}
	g->map = mmap(NULL, GEN_FILE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (g->map == MAP_FAILED) {
		rr_diag_add(d, "%s: %s", path, strerror(errno));
		g->map = NULL;
		goto fail;
	}
	close(fd);
	g->counter = (_Atomic long long *)g->map;
	*out = g;
	return RR_OK;
fail:
	if (fd >= 0)
		close(fd);
	free(g);
	return RR_EIO;
}

void rr_gen_close(rr_gen *g)
{
	if (!g)
		return;
	rr_pg_listen_stop(g->listener);
	if (g->map)
		munmap(g->map, GEN_FILE_SIZE);
	free(g);
}

long long rr_gen_read(const rr_gen *g)
{
	return atomic_load_explicit(((rr_gen *)g)->counter, memory_order_acquire);
}

void rr_gen_bump(rr_gen *g)
{
	if (g)
		atomic_fetch_add_explicit(g->counter, 1, memory_order_acq_rel);
}
