/* sqlite_fts.c - Dutch full-text search of trips (search.h): the rr_dutch
 * FTS5 tokenizer, the index rows kept in step with every write, and the
 * search queries.
 *
 * trip_fts (FTS5, migration 3) holds one row per trip; its rowid is the
 * docid of the trip in trip_search, an INTEGER PRIMARY KEY that VACUUM
 * never renumbers (a trip's own rowid it may). The row's text is derived in
 * SQL from the stored document by the same expressions as migration 3's
 * rebuild (tests/unit/test_search.c checks that both give the same).
 *
 * trip_fts_public (migration 7) holds the same row for the published trips
 * only, and is what a viewer who may see no unpublished record searches:
 * bm25 weighs a word by how many rows hold it and a row by its length over
 * the average, so an index that also held unpublished text would let it
 * move the public ranking.
 *
 * trip_search's row also holds the trip's filter and facet columns, and
 * trip_facet_row its countries, travellers and payers by docid (migration
 * 8), written with the index rows: a search filters and counts its facets
 * from the matches' docids alone, without the trip's text key. */
#include "sqlite_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../nl/tokenize.h"
#include "../util/buf.h"
#include "search.h"
#include "search_text.h"

/* ---- the FTS5 tokenizer ---- */

typedef int (*fts_token_fn)(void *, int, const char *, int, int, int);

struct fts_cb {
	void *ctx;
	fts_token_fn x;
	size_t last_start, last_end; /* span of the previous token */
	int any;
};

/* A token with the same span as the one before is the unstemmed form of the
 * same word (RR_TOK_STEM_AND_WORD): FTS5 indexes it at the same position. */
static int fts_token(void *ctx, const char *tok, size_t len, size_t start, size_t end)
{
	struct fts_cb *c = ctx;
	int coloc = c->any && start == c->last_start && end == c->last_end;
	c->any = 1;
	c->last_start = start;
	c->last_end = end;
	return c->x(c->ctx, coloc ? FTS5_TOKEN_COLOCATED : 0, tok, (int)len, (int)start, (int)end);
}

static int tok_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	rr_tokenizer *t = rr_tokenizer_new();
	(void)ctx;
	(void)argv;
	*out = NULL;
	if (argc > 0)
		return SQLITE_ERROR;
	if (!t)
		return SQLITE_NOMEM;
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static void tok_delete(Fts5Tokenizer *p)
{
	rr_tokenizer_free((rr_tokenizer *)p);
}

static int tok_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int n,
			fts_token_fn x)
{
	struct fts_cb cb = {ctx, x, 0, 0, 0};
	rr_tokenizer *t = (rr_tokenizer *)p;
	int rc;
	if (flags & FTS5_TOKENIZE_PREFIX)
		rr_tokenizer_set_mode(t, RR_TOK_WORD);
	else if (flags & FTS5_TOKENIZE_DOCUMENT)
		rr_tokenizer_set_mode(t, RR_TOK_STEM_AND_WORD);
	else
		rr_tokenizer_set_mode(t, RR_TOK_STEM);
	rc = rr_tokenize(t, text, n > 0 ? (size_t)n : 0, fts_token, &cb);
	rr_tokenizer_set_mode(t, RR_TOK_STEM);
	return rc < 0 ? SQLITE_NOMEM : rc;
}

rr_err rr_sqlite_fts_register(rr_store *s)
{
	static const fts5_tokenizer methods = {tok_create, tok_delete, tok_tokenize};
	fts5_api *api = NULL;
	sqlite3_stmt *st = rr_sqlite_prepare(s, "SELECT fts5(?1)");

	if (!st)
		return RR_EDB;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!api || api->iVersion < 2) {
		snprintf(s->errmsg, sizeof s->errmsg, "this SQLite has no FTS5");
		return RR_EDB;
	}
	if (api->xCreateTokenizer(api, "rr_dutch", NULL, (fts5_tokenizer *)&methods, NULL) !=
	    SQLITE_OK)
		return rr_sqlite_fail(s, "register the rr_dutch tokenizer");
	return RR_OK;
}

/* ---- the index ---- */

#include "sqlite_fts_sql.h"

/* The write path's statements, prepared once per connection (a load
 * writes every trip through them). */
enum {
	ST_KEY, ST_DOCID, ST_DROP, ST_DROP_PUBLIC, ST_DROP_FACETS, ST_INDEX, ST_INDEX_PUBLIC,
	ST_FACETS, ST_ONE_VALUES, ST_KEY_DELETE, ST_N
};

static const char *const write_sql[ST_N] = {
	/* the key row with the trip's filter and facet columns (migration 8) */
	[ST_KEY] = "INSERT INTO trip_search (trip, " FTS_KEY_COLS ") SELECT id, " FTS_KEY_COLS
		" FROM trip WHERE id = ?1 ON CONFLICT (trip) DO UPDATE SET"
		" organisation = excluded.organisation, year = excluded.year,"
		" kind = excluded.kind, direction = excluded.direction,"
		" public = excluded.public, third_party_paid = excluded.third_party_paid",
	[ST_DOCID] = "SELECT docid FROM trip_search WHERE trip = ?1",
	[ST_DROP] = "DELETE FROM trip_fts WHERE rowid = ?1",
	[ST_DROP_PUBLIC] = "DELETE FROM trip_fts_public WHERE rowid = ?1",
	[ST_DROP_FACETS] = "DELETE FROM trip_facet_row WHERE facet IN (3, 4, 7) AND docid = ?1",
	[ST_INDEX] = "INSERT INTO trip_fts (rowid, title, purpose, report, sources) "
		"SELECT ?1, t.title, " FTS_PURPOSE ", " FTS_REPORT ", " FTS_SOURCES
		" FROM trip t WHERE t.id = ?2",
	[ST_INDEX_PUBLIC] = "INSERT INTO trip_fts_public (rowid, title, purpose, report, sources) "
		"SELECT f.rowid, f.title, f.purpose, f.report, f.sources FROM trip_fts f, trip t "
		"WHERE f.rowid = ?1 AND t.id = ?2 AND t.public = 1",
	[ST_FACETS] = FTS_FACET_ROWS("?1", "?2"),
	[ST_ONE_VALUES] = "UPDATE trip_search" FTS_SET_ONE_VALUES("?1")
		" WHERE docid = ?1 AND trip = ?2",
	[ST_KEY_DELETE] = "DELETE FROM trip_search WHERE docid = ?1",
};

_Static_assert(ST_N <= sizeof ((rr_store *)0)->fts_st / sizeof (sqlite3_stmt *),
	       "rr_store keeps every write statement");

void rr_sqlite_fts_close(rr_store *s)
{
	for (int i = 0; i < ST_N; i++) {
		sqlite3_finalize(s->fts_st[i]);
		s->fts_st[i] = NULL;
	}
}

/* Statement which, ready to bind. */
static sqlite3_stmt *write_stmt(rr_store *s, int which)
{
	sqlite3_stmt *st = s->fts_st[which];
	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		return st;
	}
	if (sqlite3_prepare_v3(s->db, write_sql[which], -1, SQLITE_PREPARE_PERSISTENT, &st,
			       NULL) != SQLITE_OK) {
		rr_sqlite_fail(s, "prepare");
		sqlite3_finalize(st);
		return NULL;
	}
	return s->fts_st[which] = st;
}

/* Runs a statement of write_stmt to its end, and resets it. */
static rr_err write_run(rr_store *s, sqlite3_stmt *st, const char *what)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE) {
		rr_err e = rr_sqlite_fail(s, what);
		sqlite3_reset(st);
		return e;
	}
	sqlite3_reset(st);
	return RR_OK;
}

static rr_err docid_of(rr_store *s, const char *id, sqlite3_int64 *docid, int *found)
{
	sqlite3_stmt *st = write_stmt(s, ST_DOCID);
	int rc;

	*found = 0;
	if (!st)
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*docid = sqlite3_column_int64(st, 0);
		*found = 1;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		rr_err e = rr_sqlite_fail(s, "search docid");
		sqlite3_reset(st);
		return e;
	}
	sqlite3_reset(st);
	return RR_OK;
}

/* Removes the row docid from both indexes, and its facet rows. */
static rr_err drop_row(rr_store *s, sqlite3_int64 docid)
{
	static const int which[] = {ST_DROP, ST_DROP_PUBLIC, ST_DROP_FACETS};
	for (size_t i = 0; i < sizeof which / sizeof which[0]; i++) {
		sqlite3_stmt *st = write_stmt(s, which[i]);
		rr_err e;
		if (!st)
			return RR_EDB;
		sqlite3_bind_int64(st, 1, docid);
		if ((e = write_run(s, st, "search index delete")))
			return e;
	}
	return RR_OK;
}

rr_err rr_sqlite_fts_put(rr_store *s, const char *id)
{
	sqlite3_stmt *st;
	sqlite3_int64 docid = 0;
	int found;
	rr_err e;

	if (!(st = write_stmt(s, ST_KEY)))
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, id);
	if ((e = write_run(s, st, "search key")))
		return e;
	if ((e = docid_of(s, id, &docid, &found)))
		return e;
	if ((e = drop_row(s, docid)))
		return e;
	for (int which = ST_INDEX; which <= ST_ONE_VALUES; which++) {
		if (!(st = write_stmt(s, which)))
			return RR_EDB;
		sqlite3_bind_int64(st, 1, docid);
		rr_sqlite_bind_str(st, 2, id);
		if ((e = write_run(s, st, which == ST_INDEX ? "search index"
					  : which == ST_INDEX_PUBLIC ? "public search index"
					  : which == ST_FACETS ? "search facet rows"
					  : "search one-value columns")))
			return e;
	}
	return RR_OK;
}

rr_err rr_sqlite_fts_delete(rr_store *s, const char *id)
{
	sqlite3_stmt *st;
	sqlite3_int64 docid = 0;
	int found;
	rr_err e;

	if ((e = docid_of(s, id, &docid, &found)) || !found)
		return e;
	if ((e = drop_row(s, docid)))
		return e;
	if (!(st = write_stmt(s, ST_KEY_DELETE)))
		return RR_EDB;
	sqlite3_bind_int64(st, 1, docid);
	return write_run(s, st, "search key delete");
}

/* ---- the user's query ---- */

/* Appends one quoted FTS5 phrase per term to the expression (the rr_buf
 * ctx), all required. */
static void quote_piece(rr_buf *expr, const char *p, size_t n)
{
	rr_buf_addc(expr, '"');
	for (size_t k = 0; k < n; k++) {
		if (p[k] == '"')
			rr_buf_addc(expr, '"');
		rr_buf_addc(expr, p[k]);
	}
	rr_buf_addc(expr, '"');
}

static int fts_term(void *ctx, const char *p, size_t n, int quoted, size_t ntok, int index)
{
	rr_buf *expr = ctx;

	if (index)
		rr_buf_addstr(expr, " AND ");
	/* one word also matches as the head of a compound: the indexed
	 * unstemmed words that start with it ("laadpaal"* finds
	 * "laadpaalbedrijven") */
	if (!quoted && ntok == 1)
		rr_buf_addc(expr, '(');
	quote_piece(expr, p, n);
	if (!quoted && ntok == 1) {
		rr_buf_addstr(expr, " OR ");
		quote_piece(expr, p, n);
		rr_buf_addstr(expr, "*)");
	}
	return 0;
}

static int build_expr(rr_tokenizer *t, const char *q, rr_buf *expr, rr_qstems *qs)
{
	return rr_search_split(t, q, qs, fts_term, expr);
}

char *rr_search_expr(const char *q, rr_err *err)
{
	rr_tokenizer *t = rr_tokenizer_new();
	rr_qstems *qs = calloc(1, sizeof *qs);
	rr_buf expr;
	char *out = NULL;
	int terms = -1;

	*err = RR_OK;
	rr_buf_init(&expr, 4 * RR_SEARCH_MAX_Q_BYTES);
	if (t && qs)
		terms = build_expr(t, q, &expr, qs);
	if (terms < 0 || rr_buf_err(&expr))
		*err = RR_ENOMEM;
	else if (terms > 0 && !(out = rr_buf_steal(&expr, NULL)))
		*err = RR_ENOMEM;
	rr_buf_free(&expr);
	rr_tokenizer_free(t);
	free(qs);
	return out;
}

/* ---- snippets ---- */

/* Chooses the column (base title, base + 1 purpose, + 2 report, + 3
 * sources of row st) with the most query words, preferring the body to the
 * title, and puts its snippet into res. */
static rr_err snippet_of(rr_tokenizer *t, sqlite3_stmt *st, int base, const rr_qstems *qs,
			 json_t *res)
{
	const int cols[] = {base + 1, base + 2, base + 3, base};
	const char *texts[4];
	size_t lens[4];

	for (size_t i = 0; i < 4; i++) {
		texts[i] = (const char *)sqlite3_column_text(st, cols[i]);
		lens[i] = (size_t)sqlite3_column_bytes(st, cols[i]);
	}
	return rr_search_snippet(t, texts, lens, 4, qs, res);
}

/* ---- the search ---- */

#define MAX_LIMIT 1000
#define MAX_FACET_VALUES 100

static const char *const facet_names[] = {"organisation", "year", "country", "person",
					  "kind", "direction", "paid_by"};
#define NFACETS (sizeof facet_names / sizeof facet_names[0])
#define ROW_PAGE 8 /* the first column of a row of the page of results */

/* Parameter numbers of a search's filters (0: not used). */
typedef struct params {
	int org, year, country, person, kind, dir, vis;
} params;

/* The index v searches: the published trips' own (trip_fts_public) unless
 * v may see some unpublished record. */
static const char *index_for(const rr_viewer *v)
{
	return v->all || v->norgs ? "trip_fts" : "trip_fts_public";
}

/* " FROM ... WHERE ..." of the matches: ?1 is the FTS5 expression. */
static void where_clause(rr_buf *w, const char *fts, const rr_search_query *q,
			 const rr_viewer *v, params *p)
{
	int next = 2;

	/* the trip's filter and facet columns from its key row (migration 8),
	 * found by the index's integer docid: no join on the trip's text id,
	 * no trip row (about a page, with the document, for every match) */
	rr_buf_printf(w, " FROM %s f JOIN trip_search t ON t.docid = f.rowid WHERE %s MATCH ?1",
		      fts, fts);
	if (q->organisation)
		rr_buf_printf(w, " AND t.organisation = ?%d", p->org = next++);
	if (q->year)
		rr_buf_printf(w, " AND t.year = ?%d", p->year = next++);
	if (q->country)
		rr_buf_printf(w, " AND EXISTS (SELECT 1 FROM trip_facet_row d WHERE "
			      "d.facet = 3 AND d.docid = t.docid AND d.value = ?%d)",
			      p->country = next++);
	if (q->person) {
		p->person = next++;
		rr_buf_printf(w, " AND EXISTS (SELECT 1 FROM trip_traveller p WHERE "
			      "p.trip = t.trip AND (p.person = ?%d OR p.name = ?%d))",
			      p->person, p->person);
	}
	if (q->kind)
		rr_buf_printf(w, " AND t.kind = ?%d", p->kind = next++);
	if (q->direction)
		rr_buf_printf(w, " AND t.direction = ?%d", p->dir = next++);
	if (q->third_party_paid)
		rr_buf_addstr(w, " AND t.third_party_paid = 1");
	p->vis = next;
	rr_sqlite_visible(w, RR_K_TRIP, "t", v, &next);
}

static void bind_params(sqlite3_stmt *st, const char *expr, const rr_search_query *q,
			const rr_viewer *v, const params *p)
{
	rr_sqlite_bind_str(st, 1, expr);
	if (p->org)
		rr_sqlite_bind_str(st, p->org, q->organisation);
	if (p->year)
		sqlite3_bind_int(st, p->year, q->year);
	if (p->country)
		rr_sqlite_bind_str(st, p->country, q->country);
	if (p->person)
		rr_sqlite_bind_str(st, p->person, q->person);
	if (p->kind)
		rr_sqlite_bind_str(st, p->kind, q->kind);
	if (p->dir)
		rr_sqlite_bind_str(st, p->dir, q->direction);
	rr_sqlite_bind_visible(st, RR_K_TRIP, v, p->vis);
}

static sqlite3_stmt *prepare_buf(rr_store *s, rr_buf *sql)
{
	if (rr_buf_err(sql)) {
		snprintf(s->errmsg, sizeof s->errmsg, "search query too long");
		return NULL;
	}
	return rr_sqlite_prepare(s, rr_buf_cstr(sql));
}

static json_t *empty_facets(void)
{
	json_t *f = json_object();
	for (size_t i = 0; i < NFACETS; i++)
		json_object_set_new(f, facet_names[i], json_array());
	return f;
}

static void set_text(json_t *o, const char *key, sqlite3_stmt *st, int col)
{
	const char *v = (const char *)sqlite3_column_text(st, col);
	if (v)
		json_object_set_new(o, key, json_string(v));
}

/* The statement of a search: the matches are found once (the MATCH runs
 * once, bm25 with it) into m; from m come the count (row 0), the facets
 * (rows 1..7: value, count, label) and the page (rows 8: id, docid,
 * score), in that order; facet values by count then value, the page best
 * first. Columns: which, value, count, label, sort key, sort key.
 * Countries, travellers and payers come from the one-value columns and
 * facet rows of migration 8 (one row per trip and distinct value, so
 * count(*) counts trips); a traveller's label from the facet row of one of
 * its trips, as before from one of its child rows. */
/* The values v (with their match's docid d) of facet FACET of the matches
 * m: the one-value column COL of a match that has one, its facet rows for
 * the others. */
#define ONE_OR_ROWS(FACET, COL) \
	"(SELECT m." COL " AS v, m.docid AS d FROM m WHERE m." COL " IS NOT NULL " \
	"UNION ALL SELECT r.value, r.docid FROM m JOIN trip_facet_row r ON r.facet = " FACET \
	" AND r.docid = m.docid WHERE m." COL " IS NULL)"

static void search_sql(rr_buf *sql, const char *fts, const char *where, int facets,
		       size_t limit, size_t offset)
{
	rr_buf_printf(sql, "WITH m AS MATERIALIZED (SELECT t.docid, t.trip AS id, t.organisation, "
		      "t.year, t.kind, t.direction, t.country, t.person, t.paid_by, "
		      "bm25(%s, 10.0, 2.0, 1.0, 1.0) AS r%s) "
		      "SELECT 0, NULL, count(*), NULL, NULL, NULL FROM m ", fts, where);
	if (facets)
		rr_buf_addstr(sql,
			"UNION ALL SELECT 1, organisation, count(*), "
			"(SELECT name FROM organisation o WHERE o.id = m.organisation), -count(*), "
			"organisation FROM m GROUP BY 2 "
			"UNION ALL SELECT 2, year, count(*), NULL, -count(*), year FROM m "
			"WHERE year IS NOT NULL GROUP BY 2 "
			"UNION ALL SELECT 3, v, count(*), NULL, -count(*), v FROM " ONE_OR_ROWS("3", "country")
			" GROUP BY 2 "
			"UNION ALL SELECT 4, v, count(*), (SELECT coalesce((SELECT name FROM person x "
			"WHERE x.id = r.ref), r.name) FROM trip_facet_row r WHERE r.facet = 4 AND "
			"r.docid = d AND r.value = v), -count(*), v FROM " ONE_OR_ROWS("4", "person")
			" GROUP BY 2 "
			"UNION ALL SELECT 5, kind, count(*), NULL, -count(*), kind FROM m "
			"WHERE kind IS NOT NULL GROUP BY 2 "
			"UNION ALL SELECT 6, direction, count(*), NULL, -count(*), direction "
			"FROM m GROUP BY 2 "
			"UNION ALL SELECT 7, v, count(*), (SELECT name FROM organisation o "
			"WHERE o.id = v), -count(*), v FROM " ONE_OR_ROWS("7", "paid_by")
			" GROUP BY 2 ");
	rr_buf_printf(sql, "UNION ALL SELECT * FROM (SELECT %d, id, docid, NULL, r, id FROM m "
		      "ORDER BY r, id LIMIT %zu OFFSET %zu) ORDER BY 1, 5, 6",
		      ROW_PAGE, limit, offset);
}

/* Adds a facet row of st to f; shown counts the values per facet. */
static void add_facet(sqlite3_stmt *st, int which, json_t *f, size_t *shown)
{
	json_t *val, *item;

	if (which < 1 || which > (int)NFACETS || shown[which - 1]++ >= MAX_FACET_VALUES)
		return;
	if (sqlite3_column_type(st, 1) == SQLITE_INTEGER)
		val = json_integer(sqlite3_column_int64(st, 1));
	else if (sqlite3_column_type(st, 1) == SQLITE_NULL)
		return;
	else
		val = json_string((const char *)sqlite3_column_text(st, 1));
	if (!val)
		return;
	item = json_pack("{s:o,s:I}", "value", val, "count",
			 (json_int_t)sqlite3_column_int64(st, 2));
	if (sqlite3_column_type(st, 3) == SQLITE_TEXT)
		json_object_set_new(item, "label",
				    json_string((const char *)sqlite3_column_text(st, 3)));
	json_array_append_new(json_object_get(f, facet_names[which - 1]), item);
}

/* A result of the page: the trip's fields and the snippet, read by its
 * id and docid with the prepared statement one (reset here). */
static rr_err add_result(rr_store *s, rr_tokenizer *t, const rr_qstems *qs, sqlite3_stmt *one,
			 sqlite3_stmt *st, json_t *arr)
{
	json_t *res = json_object();
	int rc;
	rr_err e = RR_OK;

	json_array_append_new(arr, res);
	set_text(res, "id", st, 1);
	json_object_set_new(res, "score", json_real(-sqlite3_column_double(st, 4)));
	sqlite3_reset(one);
	rr_sqlite_bind_str(one, 1, (const char *)sqlite3_column_text(st, 1));
	sqlite3_bind_int64(one, 2, sqlite3_column_int64(st, 2));
	if ((rc = sqlite3_step(one)) == SQLITE_ROW) {
		set_text(res, "title", one, 0);
		set_text(res, "organisation", one, 1);
		set_text(res, "start", one, 2);
		set_text(res, "end", one, 3);
		e = snippet_of(t, one, 4, qs, res);
	} else if (rc != SQLITE_DONE) {
		e = rr_sqlite_fail(s, "search result");
	}
	sqlite3_reset(one);
	return e;
}

rr_err rr_sqlite_search(rr_store *s, const rr_search_query *q, const rr_viewer *v,
		       json_t **results, json_t **facets, size_t *total)
{
	rr_tokenizer *t = rr_tokenizer_new();
	rr_qstems *qs = calloc(1, sizeof *qs);
	rr_buf expr, where, sql;
	sqlite3_stmt *st = NULL, *one = NULL;
	const char *fts = index_for(v);
	json_t *arr = NULL, *f = NULL;
	size_t shown[NFACETS] = {0};
	size_t limit = q->limit ? q->limit : 20;
	params p = {0};
	int terms, rc;
	rr_err e = RR_OK;

	*results = NULL;
	if (facets)
		*facets = NULL;
	if (total)
		*total = 0;
	if (limit > MAX_LIMIT)
		limit = MAX_LIMIT;
	rr_buf_init(&expr, 4 * RR_SEARCH_MAX_Q_BYTES);
	rr_buf_init(&where, 65536);
	rr_buf_init(&sql, 65536);
	if (!t || !qs) {
		e = RR_ENOMEM;
		goto out;
	}
	terms = build_expr(t, q->q, &expr, qs);
	if (terms < 0 || rr_buf_err(&expr)) {
		e = RR_ENOMEM;
		goto out;
	}
	if (terms == 0) {
		*results = json_array();
		if (facets)
			*facets = empty_facets();
		goto out;
	}
	where_clause(&where, fts, q, v, &p);
	search_sql(&sql, fts, rr_buf_cstr(&where), facets != NULL, limit,
		   q->offset > (size_t)INT64_MAX ? (size_t)INT64_MAX : q->offset);
	if (rr_buf_err(&where) || !(st = prepare_buf(s, &sql))) {
		if (rr_buf_err(&where))
			snprintf(s->errmsg, sizeof s->errmsg, "search query too long");
		e = RR_EDB;
		goto out;
	}
	rr_buf_reset(&sql);
	rr_buf_printf(&sql, "SELECT t.title, t.organisation, t.start_date, t.end_date, f.title, "
		      "f.purpose, f.report, f.sources FROM trip t, %s f WHERE t.id = ?1 "
		      "AND f.rowid = ?2", fts);
	if (!(one = prepare_buf(s, &sql))) {
		e = RR_EDB;
		goto out;
	}
	bind_params(st, rr_buf_cstr(&expr), q, v, &p);
	arr = json_array();
	if (facets)
		f = empty_facets();
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int which = sqlite3_column_int(st, 0);
		if (which == 0 && total)
			*total = (size_t)sqlite3_column_int64(st, 2);
		else if (which == ROW_PAGE && (e = add_result(s, t, qs, one, st, arr)))
			break;
		else if (f && which > 0 && which < ROW_PAGE)
			add_facet(st, which, f, shown);
	}
	if (!e && rc != SQLITE_DONE)
		e = rr_sqlite_fail(s, "search");
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
	sqlite3_finalize(st);
	sqlite3_finalize(one);
	json_decref(arr);
	json_decref(f);
	rr_buf_free(&expr);
	rr_buf_free(&where);
	rr_buf_free(&sql);
	rr_tokenizer_free(t);
	free(qs);
	return e;
}
