/* bodies.c - the public bodies of the Netherlands (bodies.h). */
#include "bodies.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "bodies_data.h"
#include "fold.h"

size_t rr_bodies_count(void)
{
	return rr_bodies_n;
}

const rr_body *rr_body_at(size_t i)
{
	return i < rr_bodies_n ? &rr_bodies_table[i] : NULL;
}

const rr_body *rr_body_get(const char *code)
{
	char k[16];
	size_t n, lo = 0, hi = rr_bodies_n;

	if (!code || (n = strlen(code)) == 0 || n >= sizeof k)
		return NULL;
	for (size_t i = 0; i <= n; i++)
		k[i] = (char)(code[i] >= 'A' && code[i] <= 'Z' ? code[i] + 32 : code[i]);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(k, rr_bodies_table[mid].code);
		if (!c)
			return &rr_bodies_table[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const char *rr_body_org_kind(rr_body_kind k)
{
	switch (k) {
	case RR_BODY_MUNICIPALITY: return "municipality";
	case RR_BODY_PROVINCE: return "province";
	case RR_BODY_WATER_BOARD: return "water_board";
	case RR_BODY_MINISTRY: return "national";
	}
	return "other";
}

const char *rr_body_kind_nl(rr_body_kind k)
{
	switch (k) {
	case RR_BODY_MUNICIPALITY: return "gemeente";
	case RR_BODY_PROVINCE: return "provincie";
	case RR_BODY_WATER_BOARD: return "waterschap";
	case RR_BODY_MINISTRY: return "ministerie";
	}
	return "";
}

const char *rr_body_tooi_uri(const rr_body *b, char *buf, size_t n)
{
	int w;
	if (!n)
		return buf;
	w = snprintf(buf, n, "https://identifier.overheid.nl/tooi/id/%s/%s",
		     rr_body_kind_nl(b->kind), b->code);
	if (w < 0 || (size_t)w >= n)
		buf[0] = '\0';
	return buf;
}

/* The first and last day a partial ISO date stands for. */
static bool day_range(const char *d, char lo[11], char hi[11])
{
	size_t n = d ? strlen(d) : 0;
	if (n != 4 && n != 7 && n != 10)
		return false;
	memcpy(lo, d, n);
	memcpy(hi, d, n);
	if (n == 4) {
		memcpy(lo + 4, "-01-01", 6);
		memcpy(hi + 4, "-12-31", 6);
	} else if (n == 7) {
		memcpy(lo + 7, "-01", 3);
		memcpy(hi + 7, "-31", 3);
	}
	lo[10] = hi[10] = '\0';
	return true;
}

/* Does [from, until] (NULL: open) meet the days of day? */
static bool span_meets(const char *from, const char *until, const char *day)
{
	char lo[11], hi[11];
	if (!day_range(day, lo, hi))
		return false;
	return (!from || strcmp(from, hi) <= 0) && (!until || strcmp(until, lo) >= 0);
}

bool rr_body_exists_on(const rr_body *b, const char *day)
{
	return b && span_meets(b->start, b->end, day);
}

/* The i-th code of a comma-separated list into out; false past the end. */
static bool nth_code(const char *list, size_t i, char out[16])
{
	const char *p = list;
	while (p && i--) {
		p = strchr(p, ',');
		if (p)
			p++;
	}
	if (!p || !*p)
		return false;
	size_t n = strcspn(p, ",");
	if (n >= 16)
		return false;
	memcpy(out, p, n);
	out[n] = '\0';
	return true;
}

size_t rr_body_successors(const rr_body *b, const rr_body **out, size_t max)
{
	char code[16];
	size_t n = 0;
	for (size_t i = 0; b && nth_code(b->successors, i, code); i++) {
		const rr_body *s = rr_body_get(code);
		if (!s)
			continue;
		if (n < max)
			out[n] = s;
		n++;
	}
	return n;
}

size_t rr_body_predecessors(const rr_body *b, const rr_body **out, size_t max)
{
	char code[16];
	size_t n = 0;
	for (size_t i = 0; b && i < rr_bodies_n; i++) {
		const rr_body *p = &rr_bodies_table[i];
		for (size_t j = 0; nth_code(p->successors, j, code); j++) {
			if (strcmp(code, b->code))
				continue;
			if (n < max)
				out[n] = p;
			n++;
			break;
		}
	}
	return n;
}

size_t rr_body_former_names(const rr_body *b, const rr_body_name **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; b && i < rr_body_names_n; i++) {
		if (strcmp(rr_body_names_table[i].code, b->code))
			continue;
		if (n < max)
			out[n] = &rr_body_names_table[i];
		n++;
	}
	return n;
}

/* ---- finding a body by its name ---- */

#define KEY_MAX 160
#define WORDS_MAX 16

typedef struct key {
	char *text;              /* folded core name: without kind words */
	const rr_body *body;
	const char *from, *until; /* when the body had the name (NULL: open) */
	bool abbr;               /* an abbreviation: only after a kind word */
} key;

static struct {
	key *keys;
	size_t n, first; /* first: the current body's first key */
	char **hay; /* per body: every name folded, for search */
} idx;
static pthread_once_t idx_once = PTHREAD_ONCE_INIT;

/* Kind words a name may start with, folded, longest first. */
static const struct {
	const char *words;
	rr_body_kind kind;
} kind_words[] = {
	{"hoogheemraadschap van", RR_BODY_WATER_BOARD},
	{"hoogheemraadschap", RR_BODY_WATER_BOARD},
	{"waterschap", RR_BODY_WATER_BOARD},
	{"wetterskip", RR_BODY_WATER_BOARD},
	{"ministerie van", RR_BODY_MINISTRY},
	{"ministerie voor", RR_BODY_MINISTRY},
	{"ministerie", RR_BODY_MINISTRY},
	{"gemeente", RR_BODY_MUNICIPALITY},
	{"provincie", RR_BODY_PROVINCE},
};

/* Strips a leading kind word from folded s (in place); returns its kind or 0. */
static rr_body_kind strip_kind(char *s)
{
	for (size_t i = 0; i < sizeof kind_words / sizeof kind_words[0]; i++) {
		size_t n = strlen(kind_words[i].words);
		if (!strncmp(s, kind_words[i].words, n) && s[n] == ' ') {
			memmove(s, s + n + 1, strlen(s + n + 1) + 1);
			return kind_words[i].kind;
		}
	}
	return 0;
}

static void add_key(size_t *cap, const char *name, const rr_body *b, const char *from,
		    const char *until, bool abbr)
{
	char f[KEY_MAX];
	key *k;
	if (!name || !*name)
		return;
	if (rr_fold(name, strlen(name), f, sizeof f) == 0)
		return;
	if (!abbr)
		strip_kind(f);
	if (!*f)
		return;
	for (size_t i = idx.first; i < idx.n; i++) /* the same name twice for one body and span */
		if (idx.keys[i].body == b && idx.keys[i].from == from &&
		    idx.keys[i].until == until && !strcmp(idx.keys[i].text, f))
			return;
	if (idx.n == *cap) {
		size_t nc = *cap ? *cap * 2 : 2048;
		key *nk = realloc(idx.keys, nc * sizeof *nk);
		if (!nk)
			return;
		idx.keys = nk;
		*cap = nc;
	}
	k = &idx.keys[idx.n];
	if (!(k->text = strdup(f)))
		return;
	k->body = b;
	k->from = from;
	k->until = until;
	k->abbr = abbr;
	idx.n++;
}

/* A name with its parenthesis dropped: "Bergen (NH)" -> "Bergen". */
static void add_unparenthesised(size_t *cap, const char *name, const rr_body *b,
				const char *from, const char *until)
{
	char buf[KEY_MAX];
	const char *p = name ? strstr(name, " (") : NULL;
	if (!p || (size_t)(p - name) >= sizeof buf)
		return;
	memcpy(buf, name, (size_t)(p - name));
	buf[p - name] = '\0';
	add_key(cap, buf, b, from, until, false);
}

static void hay_add(char *hay, size_t cap, const char *s)
{
	size_t o = strlen(hay);
	if (!s || o + 2 >= cap)
		return;
	hay[o++] = '|';
	rr_fold(s, strlen(s), hay + o, cap - o);
}

static void build_index(void)
{
	size_t cap = 0;
	idx.hay = calloc(rr_bodies_n, sizeof *idx.hay);
	for (size_t i = 0; i < rr_bodies_n; i++) {
		const rr_body *b = &rr_bodies_table[i];
		const char *from = b->name_from ? b->name_from : b->start;
		char hay[2048] = "";
		const rr_body_name *fn[16];
		size_t nfn = rr_body_former_names(b, fn, 16);

		idx.first = idx.n;

		add_key(&cap, b->name, b, from, b->end, false);
		add_key(&cap, b->short_name, b, from, b->end, false);
		add_unparenthesised(&cap, b->short_name, b, from, b->end);
		add_key(&cap, b->official, b, from, b->end, false);
		if (b->kind == RR_BODY_MINISTRY)
			add_key(&cap, b->abbr, b, from, b->end, true);
		hay_add(hay, sizeof hay, b->code);
		hay_add(hay, sizeof hay, b->name);
		hay_add(hay, sizeof hay, b->official);
		hay_add(hay, sizeof hay, b->abbr);
		for (size_t j = 0; j < nfn && j < 16; j++) {
			add_key(&cap, fn[j]->name, b, fn[j]->from, fn[j]->until, false);
			add_key(&cap, fn[j]->short_name, b, fn[j]->from, fn[j]->until, false);
			if (b->kind == RR_BODY_MINISTRY)
				add_key(&cap, fn[j]->abbr, b, fn[j]->from, fn[j]->until, true);
			hay_add(hay, sizeof hay, fn[j]->name);
			hay_add(hay, sizeof hay, fn[j]->abbr);
		}
		/* a merged body is found by the name of the body it went into */
		const rr_body *succ[8];
		size_t ns = rr_body_successors(b, succ, 8);
		for (size_t j = 0; j < ns && j < 8; j++)
			hay_add(hay, sizeof hay, succ[j]->name);
		for (size_t j = 0; j < rr_body_aliases_n; j++) {
			if (strcmp(rr_body_aliases_table[j][0], b->code))
				continue;
			add_key(&cap, rr_body_aliases_table[j][1], b, b->start, b->end, false);
			hay_add(hay, sizeof hay, rr_body_aliases_table[j][1]);
		}
		if (idx.hay)
			idx.hay[i] = strdup(hay);
	}
}

static void today(char out[11])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	if (!strftime(out, 11, "%Y-%m-%d", &tm))
		memcpy(out, "2000-01-01", 11);
}

/* The body a folded core name (and kind, 0: any) names; see rr_body_by_name. */
static const rr_body *match(const char *core, rr_body_kind kind, bool kinded, const char *on)
{
	const key *cand[64];
	size_t n = 0;
	char now[11];
	const char *day = on;

	for (size_t i = 0; i < idx.n && n < 64; i++) {
		const key *k = &idx.keys[i];
		if (strcmp(k->text, core) || (kind && k->body->kind != kind) || (k->abbr && !kinded))
			continue;
		cand[n++] = k;
	}
	if (!n)
		return NULL;
	if (!day) {
		today(now);
		day = now;
	}
	/* first the names in use on that day, then any; among several bodies the
	 * one that held the name last */
	for (int pass = 0; pass < 2; pass++) {
		const key *best = NULL;
		bool tie = false;
		for (size_t i = 0; i < n; i++) {
			if (pass == 0 && !span_meets(cand[i]->from, cand[i]->until, day))
				continue;
			if (!best) {
				best = cand[i];
				continue;
			}
			if (best->body == cand[i]->body)
				continue;
			const char *a = best->until, *b = cand[i]->until;
			int c = !a && !b ? 0 : !a ? 1 : !b ? -1 : strcmp(a, b);
			if (c < 0) {
				best = cand[i];
				tie = false;
			} else if (c == 0) {
				tie = true;
			}
		}
		if (best)
			return tie ? NULL : best->body;
	}
	return NULL;
}

typedef struct words {
	char text[WORDS_MAX][KEY_MAX];
	size_t end[WORDS_MAX]; /* byte after the word in the input */
	size_t n;
} words;

/* The first WORDS_MAX folded words of s[0, len); stops at a too long word. */
static void split(const char *s, size_t len, words *w)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, o = 0, clen, fl;
	char f[8];
	bool in = false;

	w->n = 0;
	while (i < len && w->n < WORDS_MAX) {
		rr_fold_class c = rr_fold_at(p + i, len - i, &clen, f, &fl);
		if (c == RR_FOLD_IGNORE || c == RR_FOLD_APOS) {
			i += clen;
			continue;
		}
		if (c != RR_FOLD_WORD) {
			if (in) {
				w->text[w->n][o] = '\0';
				w->n++;
				in = false;
			}
			i += clen;
			continue;
		}
		if (o + fl >= KEY_MAX)
			return;
		if (!in) {
			in = true;
			o = 0;
		}
		memcpy(w->text[w->n] + o, f, fl);
		o += fl;
		i += clen;
		w->end[w->n] = i;
	}
	if (in && w->n < WORDS_MAX) {
		w->text[w->n][o] = '\0';
		w->n++;
	}
}

/* Tries the first k words (after the article) as a body's name. */
static const rr_body *try_words(const words *w, size_t first, size_t k, const char *on,
				unsigned flags)
{
	char s[KEY_MAX * 2];
	size_t o = 0;
	rr_body_kind kind;

	for (size_t i = first; i < first + k; i++) {
		size_t l = strlen(w->text[i]);
		if (o + l + 2 >= sizeof s)
			return NULL;
		if (o)
			s[o++] = ' ';
		memcpy(s + o, w->text[i], l);
		o += l;
	}
	s[o] = '\0';
	kind = strip_kind(s);
	if (!*s)
		return NULL;
	if (!kind) {
		/* a bare name: the body's own full name ("Wetterskip Fryslân") or,
		 * when asked, a name without its kind */
		const rr_body *b = match(s, 0, false, on);
		if (!b)
			return NULL;
		if (flags & RR_BODY_BARE)
			return b;
		char full[KEY_MAX];
		rr_fold(b->name, strlen(b->name), full, sizeof full);
		char whole[KEY_MAX * 2];
		size_t wo = 0;
		for (size_t i = first; i < first + k && wo < sizeof whole - 1; i++)
			wo += (size_t)snprintf(whole + wo, sizeof whole - wo, "%s%s", wo ? " " : "",
					       w->text[i]);
		return !strcmp(full, whole) ? b : NULL;
	}
	return match(s, kind, true, on);
}

static size_t prefix(const char *text, size_t len, const char *on, unsigned flags,
		     const rr_body **out, bool whole)
{
	words w;
	size_t first = 0;

	*out = NULL;
	if (!text)
		return 0;
	pthread_once(&idx_once, build_index);
	split(text, len, &w);
	if (w.n && (!strcmp(w.text[0], "de") || !strcmp(w.text[0], "het") ||
		    !strcmp(w.text[0], "t")))
		first = 1;
	for (size_t k = w.n - first; k >= 1 && first + k <= w.n; k--) {
		if (whole && k != w.n - first)
			continue;
		const rr_body *b = try_words(&w, first, k, on, flags);
		if (b) {
			*out = b;
			return w.end[first + k - 1];
		}
		if (whole)
			break;
	}
	return 0;
}

const rr_body *rr_body_by_name(const char *text, size_t len, const char *on, unsigned flags)
{
	const rr_body *b = NULL;
	words w;
	if (!text)
		return NULL;
	split(text, len, &w);
	if (w.n == WORDS_MAX) /* longer than any name */
		return NULL;
	prefix(text, len, on, flags, &b, true);
	return b;
}

size_t rr_body_prefix(const char *text, size_t len, const char *on, unsigned flags,
		      const rr_body **out)
{
	return prefix(text, len, on, flags, out, false);
}

size_t rr_bodies_search(const char *query, const rr_body **out, size_t max)
{
	words w;
	size_t n = 0;

	pthread_once(&idx_once, build_index);
	split(query ? query : "", query ? strlen(query) : 0, &w);
	for (size_t i = 0; i < rr_bodies_n; i++) {
		const char *hay = idx.hay && idx.hay[i] ? idx.hay[i] : rr_bodies_table[i].code;
		bool all = true;
		for (size_t j = 0; j < w.n && all; j++)
			all = strstr(hay, w.text[j]) != NULL;
		if (!all)
			continue;
		if (n < max)
			out[n] = &rr_bodies_table[i];
		n++;
	}
	return n;
}

static bool is_day(const char *d)
{
	int y, m, dd;
	char tail;
	if (!d)
		return true;
	if (strlen(d) != 10 || sscanf(d, "%4d-%2d-%2d%c", &y, &m, &dd, &tail) != 3)
		return false;
	return m >= 1 && m <= 12 && dd >= 1 && dd <= 31;
}

size_t rr_bodies_selfcheck(void)
{
	size_t bad = 0;
	char code[16];

	for (size_t i = 0; i < rr_bodies_n; i++) {
		const rr_body *b = &rr_bodies_table[i];
		if (i && strcmp(rr_bodies_table[i - 1].code, b->code) >= 0)
			bad++;
		if (!is_day(b->start) || !is_day(b->end) || !is_day(b->name_from))
			bad++;
		if (b->start && b->end && strcmp(b->start, b->end) > 0)
			bad++;
		for (size_t j = 0; nth_code(b->successors, j, code); j++)
			if (!rr_body_get(code))
				bad++;
		if (b->kind == RR_BODY_MUNICIPALITY &&
		    (!rr_body_get(b->province) || rr_body_get(b->province)->kind != RR_BODY_PROVINCE))
			bad++;
	}
	for (size_t i = 0; i < rr_body_names_n; i++)
		if (!rr_body_get(rr_body_names_table[i].code) ||
		    !is_day(rr_body_names_table[i].from) || !rr_body_names_table[i].until ||
		    !is_day(rr_body_names_table[i].until))
			bad++;
	return bad;
}
