/* testhtml.h - an HTML writer over a fresh buffer for each test case.
 * Include after testutil.h; use setup/teardown with cmocka. */
#ifndef RR_TESTHTML_H
#define RR_TESTHTML_H

#include <stdlib.h>

#include "util/html.h"

typedef struct fixture {
	rr_buf b;
	html h;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	rr_buf_init(&f->b, 0);
	html_init(&f->h, &f->b);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	rr_buf_free(&f->b);
	free(f);
	return 0;
}

#endif
