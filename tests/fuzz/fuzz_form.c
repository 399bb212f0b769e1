/* fuzz_form - the urlencoded form-body parser (web/form.c) and the cookie
 * reader (web/guard.c) on arbitrary bytes; aborts when an invariant
 * breaks: counts and storage stay in bounds, every key is non-empty, every
 * string is valid UTF-8 without NUL, and rr_form_next visits exactly the
 * pairs with that key. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web/form.h"
#include "web/guard.h"

static void check(int ok)
{
	if (!ok)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static rr_form f;
	static char cookie[4096], val[64];
	const char *in = (const char *)data;
	rr_err e = rr_form_parse(in, size, &f);

	if (e) {
		check(e == RR_EINVAL || e == RR_ETOOBIG);
		check(f.nparams == 0);
	} else {
		check(f.nparams <= RR_FORM_PARAMS_MAX && f.used <= sizeof f.store);
		for (size_t i = 0; i < f.nparams; i++) {
			const char *k = f.params[i].key, *v = f.params[i].val;
			check(k[0] != '\0');
			check(rr_utf8_valid(k, strlen(k)) && rr_utf8_valid(v, strlen(v)));
			check(k >= f.store && v >= f.store && v < f.store + sizeof f.store);
		}
		if (f.nparams) {
			const char *key = f.params[0].key, *v;
			size_t i = 0, n = 0, want = 0;
			for (size_t j = 0; j < f.nparams; j++)
				want += !strcmp(f.params[j].key, key);
			while ((v = rr_form_next(&f, key, &i)))
				n++;
			check(n == want);
			check(rr_form_get(&f, key) == f.params[0].val);
		}
	}
	if (size < sizeof cookie) {
		memcpy(cookie, in, size);
		cookie[size] = '\0';
		if (guard_cookie_value(cookie, "rr_session", val, sizeof val))
			check(strlen(val) < sizeof val);
	}
	return 0;
}
