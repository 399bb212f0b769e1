/* fuzz_query - the request-target parser and the route matcher on
 * arbitrary bytes; aborts when an invariant breaks: every segment is
 * non-empty, holds no '/' and is not "." or ".."; counts stay in bounds;
 * the cursor never reads outside its input; a matched route's parameters
 * pass their own validation. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web/request.h"
#include "web/routes.h"

static void check(int ok)
{
	if (!ok)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static rr_req r;
	const rr_route *route = NULL;
	const char *bad = NULL;
	rr_qcursor c;
	const char *k, *v;
	size_t kl, vl, pairs = 0;
	const char *in = (const char *)data;

	rr_qcursor_init(&c, in, size);
	while (rr_qcursor_next(&c, &k, &kl, &v, &vl)) {
		check(k >= in && k + kl <= in + size);
		check(v >= in && v + vl <= in + size);
		check(kl + vl > 0 || kl == 0);
		check(memchr(k, '&', kl) == NULL && memchr(v, '&', vl) == NULL);
		check(++pairs <= size);
	}

	memset(&r, 0, sizeof r);
	if (rr_target_parse(in, size, &r.t) != RR_OK)
		return 0;
	check(size <= RR_URL_MAX);
	check(r.t.nsegs <= RR_SEGS_MAX && r.t.nparams <= RR_PARAMS_MAX);
	check(r.t.used <= sizeof r.t.store);
	for (size_t i = 0; i < r.t.nsegs; i++) {
		const char *s = r.t.segs[i];
		check(s[0] != '\0' && !strchr(s, '/'));
		check(strcmp(s, ".") && strcmp(s, ".."));
	}
	for (size_t i = 0; i < r.t.nparams; i++) {
		check(r.t.params[i].key != NULL && r.t.params[i].val != NULL);
		check(strlen(r.t.params[i].key) <= size && strlen(r.t.params[i].val) <= size);
	}
	switch (rr_route_match(&r, &route, &bad)) {
	case RR_MATCH_OK:
		check(route && route->fn);
		for (size_t i = 0; i < r.ncaps; i++)
			check(rr_route_param_ok(r.cap_names[i], r.caps[i]));
		break;
	case RR_MATCH_BAD_PARAM:
		check(route && bad);
		break;
	case RR_MATCH_NONE:
	case RR_MATCH_METHOD:
		break;
	}
	return 0;
}
