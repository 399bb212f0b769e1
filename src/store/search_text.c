/* search_text.c - terms of the user's text and snippets (search_text.h);
 * moved here from sqlite_fts.c to serve every backend. */
#include "search_text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"

/* ---- the user's query ---- */

static int count_stems(void *ctx, const char *tok, size_t len, size_t start, size_t end)
{
	rr_qstems *qs = ctx;
	size_t i;
	(void)start;
	(void)end;
	qs->last++;
	for (i = 0; i < qs->n; i++)
		if (strlen(qs->stem[i]) == len && memcmp(qs->stem[i], tok, len) == 0)
			return 0;
	if (qs->n < RR_SEARCH_MAX_STEMS) {
		memcpy(qs->stem[qs->n], tok, len);
		qs->stem[qs->n][len] = '\0';
		qs->n++;
	}
	return 0;
}

/* An FTS5 operator written as a bare word: AND, OR, NOT, NEAR( ... */
static int is_operator(const char *w, size_t n)
{
	static const char *const ops[] = {"AND", "OR", "NOT", "NEAR"};
	while (n && !((w[n - 1] >= 'A' && w[n - 1] <= 'Z') || (w[n - 1] >= 'a' && w[n - 1] <= 'z') ||
		      (w[n - 1] >= '0' && w[n - 1] <= '9')))
		n--;
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
		if (strlen(ops[i]) == n && memcmp(ops[i], w, n) == 0)
			return 1;
	return 0;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int rr_search_split(rr_tokenizer *t, const char *q, rr_qstems *qs, rr_search_term_fn fn,
		    void *ctx)
{
	size_t n = q ? strlen(q) : 0, i = 0, a, b;
	int terms = 0, quoted;

	if (n > RR_SEARCH_MAX_Q_BYTES)
		n = RR_SEARCH_MAX_Q_BYTES;
	while (i < n && terms < RR_SEARCH_MAX_TERMS) {
		if (is_space(q[i])) {
			i++;
			continue;
		}
		quoted = q[i] == '"';
		a = i + (size_t)quoted;
		b = a;
		if (quoted) {
			while (b < n && q[b] != '"')
				b++;
			i = b < n ? b + 1 : b;
		} else {
			while (b < n && !is_space(q[b]) && q[b] != '"' && q[b] != '(' &&
			       q[b] != ')')
				b++;
			i = b == a ? a + 1 : b; /* a lone ( or ) */
		}
		if (b == a || (!quoted && is_operator(q + a, b - a)))
			continue;
		qs->last = 0;
		if (rr_tokenize(t, q + a, b - a, count_stems, qs) < 0)
			return -1;
		if (!qs->last)
			continue;
		if (fn(ctx, q + a, b - a, quoted, qs->last, terms) < 0)
			return -1;
		terms++;
	}
	return terms;
}

/* ---- snippets ---- */


#define SNIP_TOKENS 24
#define SNIP_BYTES 240
#define SNIP_MAX_BYTES 480
#define SNIP_MAX_SCAN 20000 /* tokens of one column looked at */

typedef struct tpos {
	size_t start, end;
	int term; /* index into qstems, -1: no match */
} tpos;

typedef struct tlist {
	tpos *v;
	size_t n, cap;
	const rr_qstems *qs;
	uint64_t seen;
	size_t hits;
	int oom;
} tlist;

static int add_pos(void *ctx, const char *tok, size_t len, size_t start, size_t end)
{
	tlist *l = ctx;
	int term = -1;

	if (l->n == SNIP_MAX_SCAN)
		return 1;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		tpos *nv = realloc(l->v, cap * sizeof *nv);
		if (!nv) {
			l->oom = 1;
			return 1;
		}
		l->v = nv;
		l->cap = cap;
	}
	for (size_t i = 0; i < l->qs->n; i++) {
		if (strlen(l->qs->stem[i]) == len && memcmp(l->qs->stem[i], tok, len) == 0) {
			term = (int)i;
			l->seen |= (uint64_t)1 << i;
			l->hits++;
			break;
		}
	}
	l->v[l->n++] = (tpos){start, end, term};
	return 0;
}

static int popcount64(uint64_t x)
{
	int n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

static uint64_t window_terms(const tlist *l, size_t from, size_t to)
{
	uint64_t m = 0;
	for (size_t i = from; i < to && i < l->n; i++)
		if (l->v[i].term >= 0)
			m |= (uint64_t)1 << l->v[i].term;
	return m;
}

/* The snippet of text around its best window of tokens l: sets
 * "snippet" and "highlights" in res. */
static rr_err put_snippet(json_t *res, const char *text, size_t tlen, const tlist *l)
{
	rr_buf out;
	json_t *hl = json_array(), *str;
	size_t best = 0, j, from, to, pre, end;
	int best_score = -1;

	for (size_t m = 0; m < l->n; m++) {
		size_t st;
		int sc;
		if (l->v[m].term < 0)
			continue;
		st = m >= 3 ? m - 3 : 0;
		sc = popcount64(window_terms(l, st, st + SNIP_TOKENS));
		if (sc > best_score) {
			best_score = sc;
			best = st;
		}
	}
	rr_buf_init(&out, 4 * SNIP_MAX_BYTES);
	if (l->n == 0) {
		from = to = 0;
		end = 0;
	} else {
		from = l->v[best].start;
		for (end = best + 1; end < l->n && end - best < SNIP_TOKENS &&
				     l->v[end].end - from <= SNIP_BYTES;
		     end++)
			;
		to = l->v[end - 1].end;
		/* the sentence's own punctuation right after the last word */
		for (j = 0; j < 2 && to < tlen && strchr(".,;:!?)", text[to]) && text[to]; j++)
			to++;
		if (to - from > SNIP_MAX_BYTES) {
			to = from + SNIP_MAX_BYTES;
			while (to > from && ((unsigned char)text[to] & 0xC0) == 0x80)
				to--;
		}
	}
	if (best > 0)
		rr_buf_addstr(&out, "… ");
	pre = out.len;
	for (j = from; j < to; j++) {
		unsigned char c = (unsigned char)text[j];
		rr_buf_addc(&out, c < 0x20 || c == 0x7f ? ' ' : (char)c);
	}
	if (l->n && (end < l->n || to < l->v[end - 1].end))
		rr_buf_addstr(&out, " …");
	for (j = best; j < end && l->n; j++) {
		if (l->v[j].term < 0 || l->v[j].end > to)
			continue;
		json_array_append_new(hl, json_pack("[I,I]", (json_int_t)(pre + l->v[j].start - from),
						    (json_int_t)(l->v[j].end - l->v[j].start)));
	}
	if (rr_buf_err(&out)) {
		rr_buf_free(&out);
		json_decref(hl);
		return RR_ENOMEM;
	}
	str = json_stringn(rr_buf_cstr(&out), out.len);
	json_object_set_new(res, "snippet", str ? str : json_string(""));
	json_object_set_new(res, "highlights", str ? hl : json_array());
	if (!str)
		json_decref(hl);
	rr_buf_free(&out);
	return RR_OK;
}

rr_err rr_search_snippet(rr_tokenizer *t, const char *const *texts, const size_t *lens,
			 size_t n, const rr_qstems *qs, json_t *res)
{
	tlist best = {0}, cur;
	const char *best_text = "";
	size_t best_len = 0;
	int have = 0, rc;
	rr_err e;

	for (size_t i = 0; i < n; i++) {
		const char *txt = texts[i];
		size_t len = lens[i];
		if (!txt || !len)
			continue;
		cur = (tlist){.qs = qs};
		rc = rr_tokenize(t, txt, len, add_pos, &cur);
		if (rc < 0 || cur.oom) {
			free(cur.v);
			free(best.v);
			return RR_ENOMEM;
		}
		if (!have || popcount64(cur.seen) > popcount64(best.seen) ||
		    (popcount64(cur.seen) == popcount64(best.seen) && cur.hits > best.hits)) {
			free(best.v);
			best = cur;
			best_text = txt;
			best_len = len;
			have = 1;
		} else {
			free(cur.v);
		}
	}
	e = put_snippet(res, best_text, best_len, &best);
	free(best.v);
	return e;
}
