/* pg_search.c - Dutch full-text search of trips on PostgreSQL (search.h).
 *
 * The project's own tokenizer (nl/tokenize.h) does all the language work,
 * in C: a trip's index row (trip_search, migration 3) holds its four
 * columns' text and a tsvector written as a literal of already stemmed
 * lexemes (stems and, at the same position, unstemmed words), weighted A
 * (title), B (purpose), C (report), D (sources); the user's text becomes a
 * tsquery literal the same way. No PostgreSQL text search configuration
 * is involved, so no server dictionary can change what is found. Ranking
 * is ts_rank with the weights 10, 2, 1, 1 of the SQLite backend; snippets
 * and highlights come from search_text.c, as on SQLite. */
#include "pg_int.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../nl/tokenize.h"
#include "search_text.h"

#define MAX_VEC_BYTES (4u << 20)
#define MAX_POS 16383 /* PostgreSQL's largest position */
#define MAX_LIMIT 1000
#define MAX_FACET_VALUES 100

/* ts_rank's weights in the order D, C, B, A: 1, 1, 2, 10 (scaled). */
#define RANK_WEIGHTS "'{0.1, 0.1, 0.2, 1.0}'"

/* Appends tok as a quoted tsvector/tsquery lexeme. */
static void lexeme(rr_buf *b, const char *tok, size_t len)
{
	rr_buf_addc(b, '\'');
	for (size_t i = 0; i < len; i++) {
		if (tok[i] == '\'' || tok[i] == '\\')
			rr_buf_addc(b, tok[i]);
		rr_buf_addc(b, tok[i]);
	}
	rr_buf_addc(b, '\'');
}

/* ---- the index ---- */

typedef struct vec_ctx {
	rr_buf *vec;
	char weight;
	int pos;
	size_t last_start, last_end;
	int any;
} vec_ctx;

static int vec_token(void *ctx, const char *tok, size_t len, size_t start, size_t end)
{
	vec_ctx *c = ctx;

	/* the unstemmed word has the span of its stem: the same position */
	if (!(c->any && start == c->last_start && end == c->last_end) && c->pos < MAX_POS)
		c->pos++;
	c->any = 1;
	c->last_start = start;
	c->last_end = end;
	lexeme(c->vec, tok, len);
	rr_buf_printf(c->vec, ":%d%c ", c->pos, c->weight);
	return 0;
}

/* The tsvector literal of the four columns; positions go on from column
 * to column with one left empty between, so no phrase spans two. */
static rr_err vector_of(rr_tokenizer *t, rr_buf cols[4], rr_buf *vec)
{
	static const char weights[4] = {'A', 'B', 'C', 'D'};
	vec_ctx c = {vec, 'A', 0, 0, 0, 0};

	rr_tokenizer_set_mode(t, RR_TOK_STEM_AND_WORD);
	for (int i = 0; i < 4; i++) {
		c.weight = weights[i];
		c.any = 0;
		if (cols[i].len && rr_tokenize(t, cols[i].data, cols[i].len, vec_token, &c) < 0) {
			rr_tokenizer_set_mode(t, RR_TOK_STEM);
			return RR_ENOMEM;
		}
		if (c.pos < MAX_POS)
			c.pos++;
	}
	rr_tokenizer_set_mode(t, RR_TOK_STEM);
	return rr_buf_err(vec);
}

rr_err rr_pg_search_put(rr_store *s, const json_t *trip)
{
	rr_tokenizer *t = rr_tokenizer_new();
	rr_buf cols[4], vec;
	rr_pg_params p = {0};
	rr_err e;

	for (int i = 0; i < 4; i++)
		rr_buf_init(&cols[i], MAX_VEC_BYTES);
	rr_buf_init(&vec, MAX_VEC_BYTES);
	if (!t) {
		e = RR_ENOMEM;
		goto out;
	}
	rr_derive_search_text(trip, cols);
	for (int i = 0; i < 4 && !(e = rr_buf_err(&cols[i])); i++)
		;
	if (e || (e = vector_of(t, cols, &vec))) {
		snprintf(s->errmsg, sizeof s->errmsg, "search index: the trip's text is too long");
		goto out;
	}
	rr_pg_str(&p, json_string_value(json_object_get(trip, "id")));
	for (int i = 0; i < 4; i++)
		rr_pg_str(&p, rr_buf_cstr(&cols[i]));
	rr_pg_str(&p, rr_buf_cstr(&vec));
	e = rr_pg_run(s, "INSERT INTO trip_search (trip, title, purpose, report, sources, vec) "
			 "VALUES ($1, $2, $3, $4, $5, $6::tsvector) ON CONFLICT (trip) DO UPDATE SET "
			 "title = EXCLUDED.title, purpose = EXCLUDED.purpose, report = EXCLUDED.report, "
			 "sources = EXCLUDED.sources, vec = EXCLUDED.vec", &p, "search index");
out:
	for (int i = 0; i < 4; i++)
		rr_buf_free(&cols[i]);
	rr_buf_free(&vec);
	rr_tokenizer_free(t);
	return e;
}

/* ---- the user's query ---- */

typedef struct query_ctx {
	rr_tokenizer *t;
	rr_buf *q;
	int n; /* tokens of the current term so far */
} query_ctx;

static int phrase_token(void *ctx, const char *tok, size_t len, size_t start, size_t end)
{
	query_ctx *c = ctx;
	(void)start;
	(void)end;
	if (c->n++)
		rr_buf_addstr(c->q, " <-> ");
	lexeme(c->q, tok, len);
	return 0;
}

static int word_token(void *ctx, const char *tok, size_t len, size_t start, size_t end)
{
	query_ctx *c = ctx;
	(void)start;
	(void)end;
	if (c->n++)
		return 0;
	lexeme(c->q, tok, len);
	rr_buf_addstr(c->q, ":*");
	return 0;
}

/* One term: its stems as a phrase, and for a single word also the
 * unstemmed word as a prefix (the head of a compound: "laadpaal"* finds
 * "laadpaalbedrijven"), as the FTS5 expression on SQLite. */
static int query_term(void *ctx, const char *p, size_t n, int quoted, size_t ntok, int index)
{
	query_ctx *c = ctx;
	int word = !quoted && ntok == 1;

	if (index)
		rr_buf_addstr(c->q, " & ");
	rr_buf_addc(c->q, '(');
	c->n = 0;
	if (rr_tokenize(c->t, p, n, phrase_token, c) < 0)
		return -1;
	if (word) {
		rr_buf_addstr(c->q, " | ");
		c->n = 0;
		rr_tokenizer_set_mode(c->t, RR_TOK_WORD);
		if (rr_tokenize(c->t, p, n, word_token, c) < 0)
			return -1;
		rr_tokenizer_set_mode(c->t, RR_TOK_STEM);
		if (!c->n)
			rr_buf_addstr(c->q, "''"); /* cannot happen: the term has a token */
	}
	rr_buf_addc(c->q, ')');
	return 0;
}

/* ---- the search ---- */

static const char *const facet_names[] = {"organisation", "year", "country", "person",
					  "kind", "direction", "paid_by"};
#define NFACETS (sizeof facet_names / sizeof facet_names[0])

static json_t *empty_facets(void)
{
	json_t *f = json_object();
	for (size_t i = 0; i < NFACETS; i++)
		json_object_set_new(f, facet_names[i], json_array());
	return f;
}

/* " FROM ... WHERE ..." of the matches, k.r their rank; $1 is the tsquery.
 * Without a filter on the trip, the rank is taken in a subquery that the
 * planner may not merge into the join (OFFSET 0): else it joins first and
 * carries every match's tsvector (a few hundred bytes) through the hash
 * join to rank it after, a third of the time of a search over a third of
 * 100k trips. With a filter the join stays flat, so that the planner may
 * start from the trips the filter leaves and rank only their matches. */
static void where_clause(rr_buf *w, const rr_search_query *q, const rr_viewer *v,
			 rr_pg_params *p)
{
	if (q->organisation || q->year || q->country || q->person || q->kind || q->direction ||
	    q->third_party_paid)
		rr_buf_addstr(w, " FROM (SELECT trip, vec, ts_rank(" RANK_WEIGHTS ", vec, $1::tsquery)"
				 " AS r FROM trip_search) k JOIN trip t ON t.id = k.trip"
				 " WHERE k.vec @@ $1::tsquery");
	else
		rr_buf_addstr(w, " FROM (SELECT trip, ts_rank(" RANK_WEIGHTS ", vec, $1::tsquery)"
				 " AS r FROM trip_search WHERE vec @@ $1::tsquery OFFSET 0) k"
				 " JOIN trip t ON t.id = k.trip WHERE TRUE");
	if (q->organisation)
		rr_buf_printf(w, " AND t.organisation = $%d", rr_pg_str(p, q->organisation));
	if (q->year)
		rr_buf_printf(w, " AND t.year = $%d", rr_pg_int(p, q->year));
	if (q->country)
		rr_buf_printf(w, " AND EXISTS (SELECT 1 FROM trip_destination d WHERE "
			      "d.trip = t.id AND d.country = $%d)", rr_pg_str(p, q->country));
	if (q->person) {
		int n = rr_pg_str(p, q->person);
		rr_buf_printf(w, " AND EXISTS (SELECT 1 FROM trip_traveller x WHERE "
			      "x.trip = t.id AND (x.person = $%d OR x.name = $%d))", n, n);
	}
	if (q->kind)
		rr_buf_printf(w, " AND t.kind = $%d", rr_pg_str(p, q->kind));
	if (q->direction)
		rr_buf_printf(w, " AND t.direction = $%d", rr_pg_str(p, q->direction));
	if (q->third_party_paid)
		rr_buf_addstr(w, " AND t.third_party_paid = 1");
	rr_pg_visible(w, RR_K_TRIP, "t", v, p);
}

static void set_text(json_t *o, const char *key, PGresult *r, int row, int col)
{
	if (!PQgetisnull(r, row, col))
		json_object_set_new(o, key, json_string(PQgetvalue(r, row, col)));
}

/* A count or a year of the result (a base-10 integer, nothing else). */
static int int_of(PGresult *r, int row, int col, long long *v)
{
	const char *p = PQgetvalue(r, row, col);
	char *end;

	if (PQgetisnull(r, row, col) || !*p)
		return -1;
	errno = 0;
	*v = strtoll(p, &end, 10);
	return errno || *end ? -1 : 0;
}

#define C_TEXT(x) "(" x ")::text COLLATE \"C\""
#define ROW_PAGE 8 /* the "which" of a row of the page of results */

/* The statement of a search, as SQLite's (sqlite_fts.c): the matches are
 * found once (the GIN index on the stored tsvector; ts_rank with them)
 * into m; from m come the count (row 0), the facets (rows 1..7: value,
 * count, label) and the page (rows 8, best first, with the trip's columns
 * and its four texts for the snippet). Columns: which, value, count,
 * label, place on the page, score, title, organisation, start, end, and
 * the texts title, purpose, report, sources. */
static void search_sql(rr_buf *sql, const char *where, int facets, size_t limit, size_t offset)
{
	rr_buf_printf(sql,
		"WITH m AS MATERIALIZED (SELECT t.id, t.organisation, t.year, t.kind, t.direction, "
		"k.r%s) "
		"SELECT 0 AS w, NULL::text COLLATE \"C\" AS v, count(*) AS n, NULL::text AS l, "
		"NULL::bigint AS o, NULL::real AS r, NULL::text AS a, NULL::text AS b, "
		"NULL::text AS c, NULL::text AS d, NULL::text AS e, NULL::text AS f, "
		"NULL::text AS g, NULL::text AS h FROM m ", where);
#define NO_PAGE ", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL "
	if (facets)
		rr_buf_addstr(sql,
			"UNION ALL SELECT 1, " C_TEXT("organisation") ", count(*), "
			"(SELECT name FROM organisation o WHERE o.id = min(m.organisation))" NO_PAGE
			"FROM m GROUP BY 2 "
			"UNION ALL SELECT 2, " C_TEXT("year") ", count(*), NULL" NO_PAGE "FROM m "
			"WHERE year IS NOT NULL GROUP BY 2 "
			"UNION ALL SELECT 3, " C_TEXT("d.country") ", count(DISTINCT d.trip), NULL"
			NO_PAGE "FROM m JOIN trip_destination d ON d.trip = m.id GROUP BY 2 "
			"UNION ALL SELECT 4, " C_TEXT("coalesce(x.person, x.name)") ", "
			"count(DISTINCT x.trip), coalesce((SELECT name FROM person y "
			"WHERE y.id = min(x.person)), min(x.name))" NO_PAGE "FROM m "
			"JOIN trip_traveller x ON x.trip = m.id GROUP BY 2 "
			"UNION ALL SELECT 5, " C_TEXT("kind") ", count(*), NULL" NO_PAGE "FROM m "
			"WHERE kind IS NOT NULL GROUP BY 2 "
			"UNION ALL SELECT 6, " C_TEXT("direction") ", count(*), NULL" NO_PAGE
			"FROM m GROUP BY 2 "
			"UNION ALL SELECT 7, " C_TEXT("coalesce(c.paid_by, m.organisation)") ", "
			"count(DISTINCT c.trip), (SELECT name FROM organisation o "
			"WHERE o.id = min(coalesce(c.paid_by, m.organisation)))" NO_PAGE
			"FROM m JOIN trip_cost c ON c.trip = m.id GROUP BY 2 ");
#undef NO_PAGE
	rr_buf_printf(sql,
		"UNION ALL SELECT %d, p.id, NULL, NULL, p.o, p.r, t.title, t.organisation, "
		"t.start_date, t.end_date, k.title, k.purpose, k.report, k.sources "
		"FROM (SELECT id, r, row_number() OVER (ORDER BY r DESC, id) AS o FROM m "
		"ORDER BY r DESC, id LIMIT %zu OFFSET %zu) p JOIN trip t ON t.id = p.id "
		"JOIN trip_search k ON k.trip = p.id "
		"ORDER BY 1, 5, 3 DESC, 2", ROW_PAGE, limit, offset);
}

/* A facet row i of r into f; shown counts the values per facet. */
static void add_facet(PGresult *r, int i, int which, json_t *f, size_t *shown)
{
	long long n, year;
	json_t *val, *item;

	if (which < 1 || which > (int)NFACETS || PQgetisnull(r, i, 1) || int_of(r, i, 2, &n) ||
	    shown[which - 1]++ >= MAX_FACET_VALUES)
		return;
	if (which == 2)
		val = int_of(r, i, 1, &year) ? NULL : json_integer(year);
	else
		val = json_string(PQgetvalue(r, i, 1));
	if (!val)
		return;
	item = json_pack("{s:o,s:I}", "value", val, "count", (json_int_t)n);
	if (item && !PQgetisnull(r, i, 3))
		json_object_set_new(item, "label", json_string(PQgetvalue(r, i, 3)));
	json_array_append_new(json_object_get(f, facet_names[which - 1]), item);
}

/* A result of the page, row i of r: the trip's fields and the snippet. */
static rr_err add_result(rr_tokenizer *t, const rr_qstems *qs, PGresult *r, int i, json_t *arr)
{
	static const int cols[] = {11, 12, 13, 10}; /* purpose, report, sources, title */
	json_t *res = json_object();
	const char *texts[4];
	size_t lens[4];

	json_array_append_new(arr, res);
	set_text(res, "id", r, i, 1);
	set_text(res, "title", r, i, 6);
	set_text(res, "organisation", r, i, 7);
	set_text(res, "start", r, i, 8);
	set_text(res, "end", r, i, 9);
	json_object_set_new(res, "score", json_real(strtod(PQgetvalue(r, i, 5), NULL)));
	for (int c = 0; c < 4; c++) {
		texts[c] = PQgetvalue(r, i, cols[c]);
		lens[c] = (size_t)PQgetlength(r, i, cols[c]);
	}
	return rr_search_snippet(t, texts, lens, 4, qs, res);
}

rr_err rr_pg_search(rr_store *s, const rr_search_query *q, const rr_viewer *v,
		    json_t **results, json_t **facets, size_t *total)
{
	rr_tokenizer *t = rr_tokenizer_new();
	rr_qstems *qs = calloc(1, sizeof *qs);
	rr_pg_params p = {0};
	rr_buf tsq, where, sql;
	PGresult *r = NULL;
	json_t *arr = NULL, *f = NULL;
	size_t shown[NFACETS] = {0};
	size_t limit = q->limit ? q->limit : 20;
	long long n;
	query_ctx qc;
	int terms = -1;
	rr_err e = RR_OK;

	*results = NULL;
	if (facets)
		*facets = NULL;
	if (total)
		*total = 0;
	rr_buf_init(&tsq, 8 * RR_SEARCH_MAX_Q_BYTES);
	rr_buf_init(&where, 65536);
	rr_buf_init(&sql, 65536);
	if (limit > MAX_LIMIT)
		limit = MAX_LIMIT;
	if (!t || !qs) {
		e = RR_ENOMEM;
		goto out;
	}
	qc = (query_ctx){t, &tsq, 0};
	terms = rr_search_split(t, q->q, qs, query_term, &qc);
	if (terms < 0 || rr_buf_err(&tsq)) {
		e = RR_ENOMEM;
		goto out;
	}
	if (terms == 0) {
		*results = json_array();
		if (facets)
			*facets = empty_facets();
		goto out;
	}
	rr_pg_str(&p, rr_buf_cstr(&tsq));
	where_clause(&where, q, v, &p);
	if (rr_buf_err(&where)) {
		snprintf(s->errmsg, sizeof s->errmsg, "search query too long");
		e = RR_EDB;
		goto out;
	}
	search_sql(&sql, rr_buf_cstr(&where), facets != NULL, limit,
		   q->offset > (size_t)INT64_MAX ? (size_t)INT64_MAX : q->offset);
	if (!(r = rr_pg_query_buf(s, &sql, &p, "search", &e)))
		goto out;
	arr = json_array();
	if (facets)
		f = empty_facets();
	for (int i = 0; i < PQntuples(r) && !e; i++) {
		long long which;

		if (int_of(r, i, 0, &which))
			continue;
		if (which == 0 && total && !int_of(r, i, 2, &n) && n >= 0)
			*total = (size_t)n;
		else if (which == ROW_PAGE)
			e = add_result(t, qs, r, i, arr);
		else if (f && which > 0 && which < ROW_PAGE)
			add_facet(r, i, (int)which, f, shown);
	}
	if (e)
		goto out;
	*results = arr;
	arr = NULL;
	if (facets) {
		*facets = f;
		f = NULL;
	}
out:
	if (e && total)
		*total = 0;
	PQclear(r);
	json_decref(arr);
	json_decref(f);
	rr_buf_free(&tsq);
	rr_buf_free(&where);
	rr_buf_free(&sql);
	rr_tokenizer_free(t);
	free(qs);
	return e;
}
