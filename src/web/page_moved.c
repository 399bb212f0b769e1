/* page_moved.c - the public site's first, English addresses answer 301
 * with the Dutch one (routes.c), the rest of the path and the query kept:
 *   /trips/{id} -> /reizen/{id}         /people/{id} -> /personen/{id}
 *   /countries/{cc} -> /landen/{cc}     /search -> /zoeken
 *   /partnerships/{id} -> /partnerschappen/{id}
 * The API keeps its English addresses. */
#include <stdio.h>
#include <string.h>

#include "web/pages.h"

static const struct {
	const char *from, *to;
} moved[] = {
	{"/trips", "/reizen"}, {"/people", "/personen"}, {"/countries", "/landen"},
	{"/search", "/zoeken"}, {"/partnerships", "/partnerschappen"},
};

rr_err page_moved(rr_req *r, rr_resp *o)
{
	const char *uri = r->uri ? r->uri : "/";
	char path[sizeof o->location];

	/* public: a redirect shows nothing; the new address checks visibility */
	for (size_t i = 0; i < sizeof moved / sizeof moved[0]; i++) {
		size_t n = strlen(moved[i].from);
		if (strncmp(uri, moved[i].from, n) || (uri[n] && uri[n] != '/' && uri[n] != '?'))
			continue;
		if ((size_t)snprintf(path, sizeof path, "%s%s", moved[i].to, uri + n) >= sizeof path)
			snprintf(path, sizeof path, "%s", moved[i].to); /* too long: drop the rest */
		rr_resp_redirect(o, path);
		o->status = 301;
		return RR_OK;
	}
	return RR_ENOTFOUND;
}
