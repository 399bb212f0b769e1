/* fuzz_places - the gazetteer's lookups on arbitrary bytes: folding stays
 * in bounds and is idempotent; every place found is complete (kind, a
 * known country, a name, coordinates in range), in the promised order of
 * kinds (countries first), and the count does not depend on the buffer;
 * rr_place_best and rr_country_code agree with the list. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nl/places.h"

static void check(int ok)
{
	if (!ok)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rr_place p[8], one;
	char key[RR_PLACE_KEY_MAX + 1], again[RR_PLACE_KEY_MAX + 1];
	size_t n, k;
	char *copy = malloc(size ? size : 1); /* exact size: ASan sees overreads */
	const char *cc;

	if (!copy)
		return 0;
	if (size)
		memcpy(copy, data, size);
	k = rr_place_fold(copy, size, key, sizeof key);
	if (k != (size_t)-1) {
		check(strlen(key) == k);
		check(rr_place_fold(key, k, again, sizeof again) == k);
		check(memcmp(key, again, k) == 0);
	}
	n = rr_places_lookup(copy, size, p, 8);
	check(rr_places_lookup(copy, size, NULL, 0) == n);
	for (size_t i = 0; i < n && i < 8; i++) {
		check(p[i].kind >= RR_PLACE_COUNTRY && p[i].kind <= RR_PLACE_CITY);
		check(p[i].name && p[i].name[0] && p[i].code);
		check(rr_country_name_nl(p[i].country) != NULL);
		check(!p[i].has_coords || (p[i].lat >= -90 && p[i].lat <= 90 &&
					   p[i].lon >= -180 && p[i].lon <= 180));
		if (i > 0)
			check(p[i - 1].kind == RR_PLACE_COUNTRY || p[i].kind != RR_PLACE_COUNTRY);
	}
	check(rr_place_best(copy, size, NULL, &one) == (n > 0));
	if (n > 0)
		check(one.id == p[0].id);
	if (n > 0 && rr_place_best(copy, size, p[n < 8 ? n - 1 : 7].country, &one))
		check(strcmp(one.country, p[n < 8 ? n - 1 : 7].country) == 0);
	cc = rr_country_code(copy, size);
	if (cc)
		check(rr_country_name(cc) != NULL);
	free(copy);
	return 0;
}
