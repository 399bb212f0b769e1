/* places.c - lookups in the compiled-in gazetteer (places.h, places_data.h). */
#include "places.h"
#include "places_data.h"

#include "../util/utf8.h"

#include <math.h>
#include <string.h>

/* ---- folding ---- */

/* The packed fold of cp (see places_data.h), or -1 when cp is kept. */
static long fold_lookup(uint32_t cp)
{
	size_t lo = 0, hi = rr_pl_n_fold;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (rr_pl_fold_cp[mid] == cp)
			return (long)rr_pl_fold_to[mid];
		if (rr_pl_fold_cp[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static const char *umlaut_e(uint32_t cp)
{
	switch (cp) {
	case 0xE4: case 0xC4: return "ae";
	case 0xF6: case 0xD6: return "oe";
	case 0xFC: case 0xDC: return "ue";
	default: return NULL;
	}
}

/* Folds s[0, n) into out[0, size - 1]; returns the length or (size_t)-1
 * when it does not fit. Does not terminate out. */
static size_t fold(const char *s, size_t n, bool umlaut, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, o = 0;

	while (i < n) {
		uint32_t cp;
		size_t l = rr_utf8_decode(p + i, n - i, &cp);
		const char *add = NULL;
		char buf[4];
		size_t alen = 0;

		if (l == 0) { /* invalid byte: dropped */
			i++;
			continue;
		}
		if (cp < 0x80) {
			if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
				buf[alen++] = (char)cp;
			else if (cp >= 'A' && cp <= 'Z')
				buf[alen++] = (char)(cp - 'A' + 'a');
			add = buf;
		} else if (umlaut && (add = umlaut_e(cp)) != NULL) {
			alen = 2;
		} else {
			long f = fold_lookup(cp);
			if (f < 0) {
				add = (const char *)p + i; /* kept as it is */
				alen = l;
			} else {
				uint32_t v = (uint32_t)f;
				while (v && alen < 4) {
					buf[alen++] = (char)(v & 0xFF);
					v >>= 8;
				}
				add = buf;
			}
		}
		if (alen) {
			if (o + alen >= size)
				return (size_t)-1;
			memcpy(out + o, add, alen);
			o += alen;
		}
		i += l;
	}
	return o;
}

size_t rr_place_fold(const char *s, size_t len, char *out, size_t size)
{
	size_t n;

	if (!out || size == 0)
		return (size_t)-1;
	n = s ? fold(s, len, false, out, size) : 0;
	if (n == (size_t)-1) {
		out[0] = '\0';
		return n;
	}
	out[n] = '\0';
	return n;
}

static uint32_t fnv1a(const char *s, size_t n)
{
	uint32_t h = 0x811c9dc5u;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x01000193u;
	}
	return h;
}

/* ---- the data ---- */

static const char *pool(uint32_t off)
{
	return off < rr_pl_pool_size ? rr_pl_pool + off : "";
}

static uint32_t ref_entry(uint32_t ref)
{
	uint32_t id = ref & RR_PL_REF_ID;
	return (ref & RR_PL_REF_XN) ? rr_pl_xn_ent[id] / 16 : id;
}

static const char *ref_name(uint32_t ref)
{
	uint32_t id = ref & RR_PL_REF_ID;
	return pool((ref & RR_PL_REF_XN) ? rr_pl_xn_str[id] : rr_pl_ent_name[id]);
}

static uint32_t ref_kind(uint32_t ref) /* RR_PL_NK_* of an extra name */
{
	return rr_pl_xn_ent[ref & RR_PL_REF_ID] % 16;
}

/* First row of xn for entry id. */
static size_t xn_first(uint32_t id)
{
	size_t lo = 0, hi = rr_pl_n_xn;
	uint32_t want = id * 16;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (rr_pl_xn_ent[mid] < want)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const char *dutch_name(uint32_t id)
{
	for (size_t i = xn_first(id); i < rr_pl_n_xn && rr_pl_xn_ent[i] / 16 == id; i++)
		if (rr_pl_xn_ent[i] % 16 == RR_PL_NK_NL)
			return pool(rr_pl_xn_str[i]);
	return NULL;
}

static const char *country_code(uint32_t ci)
{
	return ci < rr_pl_n_country ? rr_pl_country_code + 3 * ci : "";
}

static void fill(uint32_t id, uint32_t ref, rr_place *p)
{
	uint32_t up = rr_pl_ent_up[id];

	memset(p, 0, sizeof *p);
	p->id = id;
	memcpy(p->country, country_code(rr_pl_ent_cc[id]), 3);
	p->name = pool(rr_pl_ent_name[id]);
	p->name_nl = dutch_name(id);
	if (id < rr_pl_n_country) {
		p->kind = RR_PLACE_COUNTRY;
		p->code = country_code(id);
	} else if (id < rr_pl_n_country + rr_pl_n_region) {
		p->kind = RR_PLACE_REGION;
		p->code = pool(rr_pl_region_code[id - rr_pl_n_country]);
		p->level = up ? 2 : 1;
	} else {
		p->kind = RR_PLACE_CITY;
		p->code = "";
		if (rr_pl_ent_feat[id] < rr_pl_n_feat && rr_pl_feat[rr_pl_ent_feat[id]][0])
			p->feature = rr_pl_feat[rr_pl_ent_feat[id]];
	}
	if (up && up <= rr_pl_n_region) {
		uint32_t rid = rr_pl_n_country + up - 1;
		p->region = dutch_name(rid);
		if (!p->region)
			p->region = pool(rr_pl_ent_name[rid]);
	}
	if (rr_pl_ent_lat[id] != RR_PL_UNKNOWN && rr_pl_ent_lon[id] != RR_PL_UNKNOWN) {
		p->has_coords = true;
		p->lat = rr_pl_ent_lat[id] / 1e5;
		p->lon = rr_pl_ent_lon[id] / 1e5;
	}
	p->population = rr_pl_ent_pop[id];
	if (!(ref & RR_PL_REF_XN))
		p->match = RR_PLACE_BY_NAME;
	else
		p->match = ref_kind(ref) == RR_PL_NK_ALT ? RR_PLACE_BY_ALT : RR_PLACE_BY_NL;
	p->common_word = (ref & RR_PL_REF_WORD) != 0;
}

/* ---- keys ---- */

typedef int (*visit_fn)(void *ctx, uint32_t id, uint32_t ref);

/* Calls fn for each key whose name folds to key[0, klen), in rank order,
 * until fn returns non-zero. Returns the number of calls. */
static size_t scan(const char *key, size_t klen, visit_fn fn, void *ctx)
{
	uint32_t h = fnv1a(key, klen);
	size_t lo = 0, hi = rr_pl_n_key, calls = 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (rr_pl_key_hash[mid] < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < rr_pl_n_key && rr_pl_key_hash[i] == h; i++) {
		uint32_t ref = rr_pl_key_ref[i];
		const char *nm = ref_name(ref);
		char buf[RR_PLACE_KEY_MAX + 1];
		size_t n = fold(nm, strlen(nm), (ref & RR_PL_REF_UMLAUT) != 0, buf, sizeof buf);

		if (n != klen || memcmp(buf, key, klen) != 0)
			continue;
		calls++;
		if (fn(ctx, ref_entry(ref), ref))
			break;
	}
	return calls;
}

/* The folded name in key (RR_PLACE_KEY_MAX + 1 bytes); its length, or 0. */
static size_t make_key(const char *name, size_t len, char *key)
{
	size_t n;

	if (!name || len == 0)
		return 0;
	n = fold(name, len, false, key, RR_PLACE_KEY_MAX + 1);
	return n == (size_t)-1 ? 0 : n;
}

typedef struct collect {
	rr_place *out;
	size_t max, n;
} collect;

static int on_lookup(void *ctx, uint32_t id, uint32_t ref)
{
	collect *c = ctx;

	if ((ref & RR_PL_REF_XN) && ref_kind(ref) == RR_PL_NK_ADJ)
		return 0; /* an adjective names no place */
	if (c->n < c->max)
		fill(id, ref, &c->out[c->n]);
	c->n++;
	return 0;
}

size_t rr_places_lookup(const char *name, size_t len, rr_place *out, size_t max)
{
	char key[RR_PLACE_KEY_MAX + 1];
	size_t klen = make_key(name, len, key);
	collect c = {out, out ? max : 0, 0};

	if (klen == 0)
		return 0;
	scan(key, klen, on_lookup, &c);
	return c.n;
}

typedef struct best {
	const char *hint;
	uint32_t first_id, first_ref, hint_id, hint_ref;
	bool first, hinted;
} best;

static int on_best(void *ctx, uint32_t id, uint32_t ref)
{
	best *b = ctx;

	if ((ref & RR_PL_REF_XN) && ref_kind(ref) == RR_PL_NK_ADJ)
		return 0;
	if (!b->first) {
		b->first = true;
		b->first_id = id;
		b->first_ref = ref;
	}
	if (b->hint && strcmp(country_code(rr_pl_ent_cc[id]), b->hint) == 0) {
		b->hinted = true;
		b->hint_id = id;
		b->hint_ref = ref;
		return 1;
	}
	return 0;
}

bool rr_place_best(const char *name, size_t len, const char *country_hint, rr_place *out)
{
	char key[RR_PLACE_KEY_MAX + 1];
	size_t klen = make_key(name, len, key);
	best b = {0};

	if (klen == 0 || !out)
		return false;
	b.hint = country_hint && strlen(country_hint) == 2 ? country_hint : NULL;
	scan(key, klen, on_best, &b);
	if (b.hinted)
		fill(b.hint_id, b.hint_ref, out);
	else if (b.first)
		fill(b.first_id, b.first_ref, out);
	return b.first;
}

/* ---- countries ---- */

static long country_index(const char *code)
{
	size_t lo = 0, hi = rr_pl_n_country;

	if (!code || strlen(code) != 2)
		return -1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(country_code((uint32_t)mid), code);
		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

bool rr_place_country(const char *code, rr_place *out)
{
	long i = country_index(code);

	if (i < 0 || !out)
		return false;
	fill((uint32_t)i, (uint32_t)i, out);
	return true;
}

bool rr_place_capital(const char *code, rr_place *out)
{
	long ci = country_index(code);
	uint32_t cap = 0, pop = 0;
	bool found = false;

	if (ci < 0 || !out)
		return false;
	for (uint32_t id = rr_pl_n_country + rr_pl_n_region; id < rr_pl_n_ent; id++) {
		if (rr_pl_ent_cc[id] != (uint32_t)ci || rr_pl_ent_feat[id] >= rr_pl_n_feat ||
		    strcmp(rr_pl_feat[rr_pl_ent_feat[id]], "PPLC"))
			continue;
		if (!found || rr_pl_ent_pop[id] > pop) {
			cap = id;
			pop = rr_pl_ent_pop[id];
			found = true;
		}
	}
	if (found)
		fill(cap, cap, out);
	return found;
}

const char *rr_country_name_nl(const char *code)
{
	long i = country_index(code);
	return i < 0 ? NULL : dutch_name((uint32_t)i);
}

const char *rr_country_name(const char *code)
{
	long i = country_index(code);
	return i < 0 ? NULL : pool(rr_pl_ent_name[i]);
}

static int on_country(void *ctx, uint32_t id, uint32_t ref)
{
	(void)ref;
	if (id < rr_pl_n_country) {
		*(long *)ctx = (long)id;
		return 1;
	}
	return 0;
}

const char *rr_country_code(const char *name, size_t len)
{
	char key[RR_PLACE_KEY_MAX + 1];
	size_t klen = make_key(name, len, key);
	long found = -1;

	if (klen == 0)
		return NULL;
	scan(key, klen, on_country, &found);
	return found < 0 ? NULL : country_code((uint32_t)found);
}

size_t rr_places_country_count(void)
{
	return rr_pl_n_country;
}

const char *rr_places_country_at(size_t i)
{
	return i < rr_pl_n_country ? country_code((uint32_t)i) : NULL;
}

/* ---- geometry and checks ---- */

double rr_place_distance_km(double lat1, double lon1, double lat2, double lon2)
{
	const double r = 6371.0088, rad = 3.14159265358979323846 / 180.0;
	double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
	double a = sin(dlat / 2) * sin(dlat / 2) +
		   cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);

	if (a > 1)
		a = 1;
	return 2 * r * asin(sqrt(a));
}

size_t rr_places_selfcheck(void)
{
	size_t bad = 0;

	for (size_t i = 0; i < rr_pl_n_key; i++) {
		uint32_t ref = rr_pl_key_ref[i];
		const char *nm = ref_name(ref);
		char buf[RR_PLACE_KEY_MAX + 1];
		size_t n = fold(nm, strlen(nm), (ref & RR_PL_REF_UMLAUT) != 0, buf, sizeof buf);

		if (n == (size_t)-1 || n == 0 || fnv1a(buf, n) != rr_pl_key_hash[i] ||
		    (i > 0 && rr_pl_key_hash[i - 1] > rr_pl_key_hash[i]) ||
		    ref_entry(ref) >= rr_pl_n_ent)
			bad++;
	}
	return bad;
}

size_t rr_places_count(rr_place_kind kind)
{
	switch (kind) {
	case RR_PLACE_COUNTRY: return rr_pl_n_country;
	case RR_PLACE_REGION: return rr_pl_n_region;
	case RR_PLACE_CITY: return rr_pl_n_ent - rr_pl_n_country - rr_pl_n_region;
	}
	return 0;
}
