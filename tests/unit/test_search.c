/* Unit tests: Dutch full-text search of trips (store/search.h) on a real
 * SQLite file. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/record.h"
#include "store/search.h"
#include "store/sqlite_int.h"
#include "store/store.h"

typedef struct fixture {
	char dir[64], path[96];
	rr_store *s;
} fixture;

static const char *const orgs[] = {
	"{\"id\":\"gm0034\",\"name\":\"Gemeente Almere\",\"kind\":\"municipality\"}",
	"{\"id\":\"pv26\",\"name\":\"Provincie Utrecht\",\"kind\":\"province\"}",
};

static const char *const trips[] = {
	/* laadpalen in the purpose */
	"{\"id\":\"gm0034-2023-oslo\",\"organisation\":\"gm0034\",\"title\":\"Werkbezoek Oslo\","
	"\"kind\":\"werkbezoek\",\"direction\":\"out\",\"status\":\"completed\",\"public\":true,"
	"\"start\":\"2023-05-15\",\"end\":\"2023-05-17\","
	"\"purpose\":\"Kennis opdoen over snelle laadpalen en elektrisch vervoer in de stad.\","
	"\"destinations\":[{\"country\":\"NO\",\"city\":\"Oslo\"}],"
	"\"travellers\":[{\"name\":\"M. Veeningen\",\"role\":\"wethouder\",\"person\":\"veeningen\"}],"
	"\"costs\":[{\"category\":\"reis\",\"amount_eur\":1200,\"kind\":\"actual\"}]}",
	/* diacritics, a hyphenated country, a report */
	"{\"id\":\"gm0034-2016-shenzhen\",\"organisation\":\"gm0034\","
	"\"title\":\"Handelsmissie Shenzhen\",\"kind\":\"handelsmissie\",\"direction\":\"out\","
	"\"status\":\"reported\",\"public\":true,\"start\":\"2016-11-01\",\"end\":\"2016-11-06\","
	"\"purpose\":\"Coöperatie met bedrijven en de sister city relatie versterken.\","
	"\"destinations\":[{\"country\":\"CN\",\"city\":\"Shenzhen\"},{\"country\":\"KR\","
	"\"city\":\"Seoul\"}],"
	"\"travellers\":[{\"name\":\"M. Veeningen\",\"person\":\"veeningen\"},"
	"{\"name\":\"F. Weerwind\",\"role\":\"burgemeester\"}],"
	"\"report\":{\"text\":\"Na Shenzhen reisde de delegatie door naar Zuid-Korea.\"},"
	"\"sources\":[{\"title\":\"Verslag handelsmissie 2016\"}]}",
	/* laadpaal in the title, paid by a third party */
	"{\"id\":\"pv26-2019-laadpaal\",\"organisation\":\"pv26\","
	"\"title\":\"Laadpaal-innovatie Guangdong\",\"kind\":\"werkbezoek\",\"direction\":\"out\","
	"\"status\":\"completed\",\"public\":true,\"start\":\"2019-04-02\","
	"\"purpose\":\"Samenwerking op het gebied van elektrisch vervoer in de stad.\","
	"\"destinations\":[{\"country\":\"CN\",\"city\":\"Guangzhou\"}],"
	"\"costs\":[{\"category\":\"reis\",\"amount_eur\":900,\"kind\":\"actual\","
	"\"paid_by\":\"MRA\"}]}",
	/* not published: laadpalen in the purpose */
	"{\"id\":\"gm0034-2024-concept\",\"organisation\":\"gm0034\",\"title\":\"Concept\","
	"\"direction\":\"out\",\"status\":\"draft\",\"start\":\"2024-03\","
	"\"purpose\":\"Geheime verkenning van laadpalen.\","
	"\"destinations\":[{\"country\":\"JP\"}]}",
};

static rr_err put_json(rr_store *s, rr_kind k, const char *text)
{
	json_error_t je;
	json_t *raw = json_loads(text, 0, &je), *norm = NULL;
	rr_diag d = {0};
	rr_err e;

	assert_non_null(raw);
	e = rr_record_normalise(k, raw, "test", &norm, &d);
	if (!e)
		e = rr_store_put(s, k, norm, NULL, &d);
	if (e)
		rr_diag_print(&d, "  ", stderr);
	rr_diag_free(&d);
	json_decref(raw);
	json_decref(norm);
	return e;
}

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	rr_diag d = {0};
	strcpy(f->dir, "/tmp/rr-search-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	if (rr_store_open(f->path, RR_STORE_CREATE, &f->s, &d)) {
		rr_diag_print(&d, "", stderr);
		fail();
	}
	assert_int_equal(rr_store_begin(f->s), RR_OK);
	for (size_t i = 0; i < sizeof orgs / sizeof orgs[0]; i++)
		assert_int_equal(put_json(f->s, RR_K_ORGANISATION, orgs[i]), RR_OK);
	for (size_t i = 0; i < sizeof trips / sizeof trips[0]; i++)
		assert_int_equal(put_json(f->s, RR_K_TRIP, trips[i]), RR_OK);
	assert_int_equal(rr_store_commit(f->s), RR_OK);
	rr_diag_free(&d);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	char cmd[128];
	rr_store_close(f->s);
	snprintf(cmd, sizeof cmd, "rm -rf %s", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

/* Searches q as v; returns the results (caller decrefs), total in *n. */
static json_t *search_as(rr_store *s, const char *q, const rr_viewer *v, size_t *n)
{
	rr_search_query sq = {.q = q};
	json_t *res = NULL;
	size_t total = 12345;
	assert_int_equal(rr_store_search(s, &sq, v, &res, NULL, &total), RR_OK);
	assert_true(json_is_array(res));
	assert_true(json_array_size(res) <= total);
	if (n)
		*n = total;
	return res;
}

static int has_id(const json_t *res, const char *id)
{
	size_t i;
	json_t *r;
	json_array_foreach(res, i, r)
		if (strcmp(json_string_value(json_object_get(r, "id")), id) == 0)
			return 1;
	return 0;
}

static void laadpaal_finds_laadpalen(void **state)
{
	fixture *f = *state;
	size_t n;
	json_t *res = search_as(f->s, "laadpaal", &rr_viewer_anonymous, &n);
	assert_int_equal(n, 2);
	assert_true(has_id(res, "gm0034-2023-oslo"));
	assert_true(has_id(res, "pv26-2019-laadpaal"));
	json_decref(res);
	res = search_as(f->s, "LAADPALEN", &rr_viewer_anonymous, &n);
	assert_int_equal(n, 2);
	json_decref(res);
	/* every word is required */
	res = search_as(f->s, "laadpaal Oslo", &rr_viewer_anonymous, &n);
	assert_int_equal(n, 1);
	assert_true(has_id(res, "gm0034-2023-oslo"));
	json_decref(res);
}

/* A word finds compounds that start with it: the index keeps the unstemmed
 * words too, and each query word is also a prefix term. */
static void compound_heads(void **state)
{
	fixture *f = *state;
	size_t n;
	json_t *res;
	rr_diag d = {0};
	assert_int_equal(rr_store_begin(f->s), RR_OK);
	assert_int_equal(put_json(f->s, RR_K_TRIP, "{\"id\":\"gm0034-2014-compound\","
		"\"organisation\":\"gm0034\",\"title\":\"Handelsmissie\",\"direction\":\"out\","
		"\"status\":\"completed\",\"public\":true,\"start\":\"2014-11-15\","
		"\"purpose\":\"Kennismaking met laadpaalbedrijven en de zorgsector.\"}"), RR_OK);
	assert_int_equal(rr_store_commit(f->s), RR_OK);
	res = search_as(f->s, "laadpaal", &rr_viewer_anonymous, &n);
	assert_true(has_id(res, "gm0034-2014-compound"));
	json_decref(res);
	res = search_as(f->s, "zorg", &rr_viewer_anonymous, &n);
	assert_true(has_id(res, "gm0034-2014-compound"));
	json_decref(res);
	/* a phrase stays exact: no prefix */
	res = search_as(f->s, "\"laadpaal\"", &rr_viewer_anonymous, &n);
	assert_false(has_id(res, "gm0034-2014-compound"));
	json_decref(res);
	/* tails of compounds are not found (no decompounding) */
	res = search_as(f->s, "bedrijven", &rr_viewer_anonymous, &n);
	assert_false(has_id(res, "gm0034-2014-compound"));
	json_decref(res);
	rr_diag_free(&d);
}

static void diacritics_and_hyphens(void **state)
{
	fixture *f = *state;
	static const char *const qs[] = {"cooperatie", "coöperatie", "COÖPERATIE", "coöperaties"};
	size_t n;
	json_t *res;

	for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
		res = search_as(f->s, qs[i], &rr_viewer_anonymous, &n);
		assert_int_equal(n, 1);
		assert_true(has_id(res, "gm0034-2016-shenzhen"));
		json_decref(res);
	}
	res = search_as(f->s, "Zuid-Korea", &rr_viewer_anonymous, &n);
	assert_int_equal(n, 1);
	json_decref(res);
	res = search_as(f->s, "\"zuid korea\"", &rr_viewer_anonymous, &n);
	assert_int_equal(n, 1);
	json_decref(res);
	res = search_as(f->s, "korea", &rr_viewer_anonymous, &n);
	assert_int_equal(n, 1);
	json_decref(res);
	/* a phrase is a phrase: the words apart do not match it */
	res = search_as(f->s, "\"korea zuid\"", &rr_viewer_anonymous, &n);
	assert_int_equal(n, 0);
	json_decref(res);
	/* destinations, travellers and sources are searched too */
	res = search_as(f->s, "Seoul burgemeester verslag", &rr_viewer_anonymous, &n);
	assert_int_equal(n, 1);
	json_decref(res);
}

static void title_ranks_above_body(void **state)
{
	fixture *f = *state;
	json_t *res = search_as(f->s, "laadpaal", &rr_viewer_anonymous, NULL);
	json_t *a = json_array_get(res, 0), *b = json_array_get(res, 1);
	assert_string_equal(json_string_value(json_object_get(a, "id")), "pv26-2019-laadpaal");
	assert_string_equal(json_string_value(json_object_get(b, "id")), "gm0034-2023-oslo");
	assert_true(json_real_value(json_object_get(a, "score")) >
		    json_real_value(json_object_get(b, "score")));
	assert_string_equal(json_string_value(json_object_get(a, "organisation")), "pv26");
	assert_string_equal(json_string_value(json_object_get(a, "start")), "2019-04-02");
	assert_null(json_object_get(a, "end"));
	assert_string_equal(json_string_value(json_object_get(b, "end")), "2023-05-17");
	json_decref(res);
}

static void snippet_and_highlights(void **state)
{
	fixture *f = *state;
	json_t *res = search_as(f->s, "laadpaal vervoer", &rr_viewer_anonymous, NULL), *r, *h;
	const char *snip;
	size_t i, found = 0;

	assert_int_equal(json_array_size(res), 2);
	r = json_array_get(res, 1); /* gm0034-2023-oslo: both words in the purpose */
	snip = json_string_value(json_object_get(r, "snippet"));
	assert_non_null(strstr(snip, "snelle laadpalen en elektrisch vervoer"));
	assert_int_equal(json_array_size(json_object_get(r, "highlights")), 2);
	json_array_foreach(json_object_get(r, "highlights"), i, h) {
		size_t off = (size_t)json_integer_value(json_array_get(h, 0));
		size_t len = (size_t)json_integer_value(json_array_get(h, 1));
		assert_true(off + len <= strlen(snip));
		if ((len == 9 && memcmp(snip + off, "laadpalen", 9) == 0) ||
		    (len == 7 && memcmp(snip + off, "vervoer", 7) == 0))
			found++;
	}
	assert_int_equal(found, 2);
	json_decref(res);
}

static void facets_count(void **state)
{
	fixture *f = *state;
	rr_search_query q = {.q = "stad"};
	json_t *res = NULL, *fc = NULL, *v;
	size_t total = 0;
	char *txt;

	assert_int_equal(rr_store_search(f->s, &q, &rr_viewer_system, &res, &fc, &total), RR_OK);
	assert_int_equal(total, 2);
	txt = json_dumps(fc, JSON_SORT_KEYS | JSON_COMPACT);
	assert_string_equal(txt,
		"{\"country\":[{\"count\":1,\"value\":\"CN\"},{\"count\":1,\"value\":\"NO\"}],"
		"\"direction\":[{\"count\":2,\"value\":\"out\"}],"
		"\"kind\":[{\"count\":2,\"value\":\"werkbezoek\"}],"
		"\"organisation\":[{\"count\":1,\"label\":\"Gemeente Almere\",\"value\":\"gm0034\"},{\"count\":1,\"label\":\"Provincie Utrecht\",\"value\":\"pv26\"}],"
		"\"paid_by\":[{\"count\":1,\"value\":\"MRA\"},{\"count\":1,\"label\":\"Gemeente Almere\",\"value\":\"gm0034\"}],"
		"\"person\":[{\"count\":1,\"label\":\"M. Veeningen\",\"value\":\"veeningen\"}],"
		"\"year\":[{\"count\":1,\"value\":2019},{\"count\":1,\"value\":2023}]}");
	free(txt);
	json_decref(res);
	json_decref(fc);

	/* facets ignore limit and offset */
	q.q = "laadpaal";
	q.limit = 1;
	q.offset = 1;
	assert_int_equal(rr_store_search(f->s, &q, &rr_viewer_system, &res, &fc, &total), RR_OK);
	assert_int_equal(total, 3);
	assert_int_equal(json_array_size(res), 1);
	v = json_array_get(json_object_get(fc, "organisation"), 0);
	assert_string_equal(json_string_value(json_object_get(v, "value")), "gm0034");
	assert_int_equal(json_integer_value(json_object_get(v, "count")), 2);
	json_decref(res);
	json_decref(fc);
}

static void filters(void **state)
{
	fixture *f = *state;
	rr_search_query q = {.q = "laadpaal"};
	json_t *res = NULL;
	size_t total;

	q.organisation = "pv26";
	assert_int_equal(rr_store_search(f->s, &q, &rr_viewer_system, &res, NULL, &total), RR_OK);
	assert_int_equal(total, 1);
	json_decref(res);
	q = (rr_search_query){.q = "laadpaal", .year = 2023};
	assert_int_equal(rr_store_search(f->s, &q, &rr_viewer_system, &res, NULL, &total), RR_OK);
	assert_int_equal(total, 1);
	assert_true(has_id(res, "gm0034-2023-oslo"));
	json_decref(res);
	q = (rr_search_query){.q = "laadpaal", .country = "JP"};
	assert_int_equal(rr_store_search(f->s, &q, &rr_viewer_system, &res, NULL, &total), RR_OK);
	assert_int_equal(total, 1);
	assert_true(has_id(res, "gm0034-2024-concept"));
	json_decref(res);
	q = (rr_search_query){.q = "laadpaal", .person = "veeningen"};
	assert_int_equal(rr_store_search(f->s, &q, &rr_viewer_system, &res, NULL, &total), RR_OK);
	assert_int_equal(total, 1);
	json_decref(res);
	q = (rr_search_query){.q = "laadpaal", .third_party_paid = true, .kind = "werkbezoek",
			      .direction = "out"};
	assert_int_equal(rr_store_search(f->s, &q, &rr_viewer_system, &res, NULL, &total), RR_OK);
	assert_int_equal(total, 1);
	assert_true(has_id(res, "pv26-2019-laadpaal"));
	json_decref(res);
}

static void visibility(void **state)
{
	fixture *f = *state;
	static const char *const mine[] = {"gm0034"};
	static const char *const other[] = {"pv26"};
	rr_viewer own = {false, mine, 1}, stranger = {false, other, 1};
	rr_search_query q = {.q = "geheime verkenning"};
	json_t *res = NULL, *fc = NULL;
	size_t n;

	res = search_as(f->s, "laadpaal", &rr_viewer_anonymous, &n);
	assert_int_equal(n, 2);
	assert_false(has_id(res, "gm0034-2024-concept"));
	json_decref(res);
	res = search_as(f->s, "laadpaal", &rr_viewer_system, &n);
	assert_int_equal(n, 3);
	assert_true(has_id(res, "gm0034-2024-concept"));
	json_decref(res);
	res = search_as(f->s, "laadpaal", &own, &n);
	assert_int_equal(n, 3);
	json_decref(res);
	res = search_as(f->s, "laadpaal", &stranger, &n);
	assert_int_equal(n, 2);
	json_decref(res);
	/* neither counted nor faceted */
	assert_int_equal(rr_store_search(f->s, &q, &rr_viewer_anonymous, &res, &fc, &n), RR_OK);
	assert_int_equal(n, 0);
	assert_int_equal(json_array_size(res), 0);
	assert_int_equal(json_array_size(json_object_get(fc, "country")), 0);
	json_decref(res);
	json_decref(fc);
}

static void update_and_delete(void **state)
{
	fixture *f = *state;
	size_t n;
	json_t *res;

	assert_int_equal(rr_store_begin(f->s), RR_OK);
	assert_int_equal(put_json(f->s, RR_K_TRIP,
		"{\"id\":\"gm0034-2023-oslo\",\"organisation\":\"gm0034\",\"title\":\"Werkbezoek Oslo\","
		"\"direction\":\"out\",\"status\":\"completed\",\"public\":true,"
		"\"start\":\"2023-05-15\",\"purpose\":\"Waterstofbussen bekijken.\"}"), RR_OK);
	assert_int_equal(rr_store_commit(f->s), RR_OK);
	res = search_as(f->s, "laadpaal", &rr_viewer_anonymous, &n);
	assert_int_equal(n, 1);
	assert_false(has_id(res, "gm0034-2023-oslo"));
	json_decref(res);
	res = search_as(f->s, "waterstofbus", &rr_viewer_anonymous, &n);
	assert_int_equal(n, 1);
	json_decref(res);

	/* a rolled-back update leaves the index as it was */
	assert_int_equal(rr_store_begin(f->s), RR_OK);
	assert_int_equal(put_json(f->s, RR_K_TRIP,
		"{\"id\":\"gm0034-2023-oslo\",\"organisation\":\"gm0034\",\"title\":\"Werkbezoek Oslo\","
		"\"direction\":\"out\",\"status\":\"completed\",\"public\":true,"
		"\"start\":\"2023-05-15\",\"purpose\":\"Fietsenstallingen.\"}"), RR_OK);
	rr_store_rollback(f->s);
	res = search_as(f->s, "fietsenstalling", &rr_viewer_anonymous, &n);
	assert_int_equal(n, 0);
	json_decref(res);

	assert_int_equal(rr_store_begin(f->s), RR_OK);
	assert_int_equal(rr_store_delete(f->s, RR_K_TRIP, "gm0034-2023-oslo"), RR_OK);
	assert_int_equal(rr_store_delete(f->s, RR_K_TRIP, "no-such-trip"), RR_ENOTFOUND);
	assert_int_equal(rr_store_commit(f->s), RR_OK);
	res = search_as(f->s, "waterstofbus", &rr_viewer_system, &n);
	assert_int_equal(n, 0);
	json_decref(res);
	res = search_as(f->s, "oslo", &rr_viewer_system, &n);
	assert_int_equal(n, 0);
	json_decref(res);
}

static void empty_and_hostile_queries(void **state)
{
	fixture *f = *state;
	static const char *const empty[] = {"", "   ", "!!!", "*", "\"", "\"\"", "()", "-", "^",
					    "OR", "AND NOT", "NEAR(", "“ ” ‘ ’", "\t\n"};
	static const char *const hostile[] = {
		"\"laadpaal", "laadpaal\"", "NEAR(laadpaal", "laadpaal*", "laadpaal)",
		"laadpaal OR", "OR laadpaal", "title:laadpaal", "col:", "{title purpose}: x",
		"laadpaal NOT oslo", "a\"b\"c", "-laadpaal", "+laadpaal", "laadpaal^",
		"laadpaal' OR 1=1 --", "'); DROP TABLE trip; --", "NEAR(\"a\" \"b\", 2)",
		"\xff\xfe laadpaal", "laadpaal \xc3", "trip_fts:laadpaal", "rank:bm25"};
	rr_search_query q = {0};
	json_t *res = NULL, *fc = NULL;
	size_t n;

	for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++) {
		q.q = empty[i];
		assert_int_equal(rr_store_search(f->s, &q, &rr_viewer_system, &res, &fc, &n), RR_OK);
		assert_int_equal(n, 0);
		assert_int_equal(json_array_size(res), 0);
		assert_int_equal(json_object_size(fc), 7);
		json_decref(res);
		json_decref(fc);
	}
	q.q = NULL;
	assert_int_equal(rr_store_search(f->s, &q, &rr_viewer_system, &res, NULL, NULL), RR_OK);
	json_decref(res);
	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		q.q = hostile[i];
		if (rr_store_search(f->s, &q, &rr_viewer_system, &res, &fc, &n) != RR_OK)
			fail_msg("query %s: %s", hostile[i], rr_store_errmsg(f->s));
		json_decref(res);
		json_decref(fc);
	}
	/* operators are words or nothing: these find the laadpaal trips */
	q.q = "NEAR(laadpaal OR";
	assert_int_equal(rr_store_search(f->s, &q, &rr_viewer_system, &res, NULL, &n), RR_OK);
	assert_int_equal(n, 3);
	json_decref(res);
}

static void expression_is_quoted(void **state)
{
	rr_err e;
	char *x;
	(void)state;
	x = rr_search_expr("laadpaal NEAR( \"zuid korea\" OR col: * a\"b", &e);
	assert_int_equal(e, RR_OK);
	assert_string_equal(x, "(\"laadpaal\" OR \"laadpaal\"*) AND \"zuid korea\" AND "
			    "(\"col:\" OR \"col:\"*) AND (\"a\" OR \"a\"*) AND \"b\"");
	free(x);
	assert_null(rr_search_expr("*** OR ^", &e));
	assert_int_equal(e, RR_OK);
}

/* The first column of the one row of sql, as a new string. */
static char *snapshot(rr_store *s, const char *sql)
{
	sqlite3_stmt *st;
	char *txt;

	assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	txt = strdup(sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "");
	sqlite3_finalize(st);
	assert_non_null(txt);
	return txt;
}

/* The search's key columns and facet rows of every trip (migration 8), by
 * trip id (docids may differ between a rebuild and the puts). */
static const char facet_snap[] =
	"SELECT group_concat(v, '#') FROM (SELECT k.trip || '|' || coalesce(k.organisation, '') "
	"|| '|' || coalesce(k.year, '') || '|' || coalesce(k.kind, '') || '|' || "
	"coalesce(k.direction, '') || '|' || k.public || '|' || k.third_party_paid || '|' || "
	"coalesce(k.country, '') || '|' || coalesce(k.person, '') || '|' || "
	"coalesce(k.paid_by, '') AS v "
	"FROM trip_search k UNION ALL SELECT k.trip || '|' || r.facet || '|' || r.value || '|' "
	"|| coalesce(r.ref, '') || '|' || coalesce(r.name, '') FROM trip_facet_row r "
	"JOIN trip_search k ON k.docid = r.docid ORDER BY v)";

static void migration_rebuild_matches_puts(void **state)
{
	fixture *f = *state;
	static const char snap[] = "SELECT group_concat(k.trip || '|' || coalesce(x.title, '') || '|' || "
		"coalesce(x.purpose, '') || '|' || coalesce(x.report, '') || '|' || "
		"coalesce(x.sources, ''), '#') FROM (SELECT * FROM trip_search ORDER BY trip) k "
		"JOIN trip_fts x ON x.rowid = k.docid";
	sqlite3_stmt *st;
	char *before, *after, *facets_before, sql[64];
	rr_store *s2 = NULL;
	rr_diag d = {0};
	size_t n;
	json_t *res;

	assert_int_equal(sqlite3_prepare_v2(f->s->db, snap, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	before = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_non_null(strstr(before, "Zuid-Korea"));
	assert_non_null(strstr(before, "F. Weerwind (burgemeester)"));
	facets_before = snapshot(f->s, facet_snap);
	assert_non_null(strstr(facets_before,
			       "gm0034-2023-oslo|gm0034|2023|werkbezoek|out|1|0|NO|veeningen|gm0034"));
	/* two countries, two travellers: no one value, the facet rows count */
	assert_non_null(strstr(facets_before,
			       "gm0034-2016-shenzhen|gm0034|2016|handelsmissie|out|1|0|||#"));
	assert_non_null(strstr(facets_before, "gm0034-2023-oslo|3|NO||"));
	assert_non_null(strstr(facets_before, "gm0034-2023-oslo|4|veeningen|veeningen|M. Veeningen"));
	assert_non_null(strstr(facets_before, "gm0034-2023-oslo|7|gm0034||"));
	assert_non_null(strstr(facets_before, "pv26-2019-laadpaal|7|MRA||"));

	/* back to schema 2, before search; opening migrates and rebuilds */
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", 2);
	assert_int_equal(sqlite3_exec(f->s->db, "DROP TABLE trip_facet_row; "
				      "DROP TABLE trip_fts_public; DROP TABLE trip_fts; "
				      "DROP TABLE trip_search; DROP INDEX trip_facet; "
				      "DROP INDEX trip_destination_facet; DROP INDEX trip_traveller_facet; "
				      "DROP INDEX trip_cost_facet;", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(f->s->db, sql, NULL, NULL, NULL), SQLITE_OK);
	rr_store_close(f->s);
	f->s = NULL;
	assert_int_equal(rr_store_open(f->path, 0, &s2, &d), RR_OK);
	f->s = s2;
	assert_int_equal(sqlite3_prepare_v2(f->s->db, snap, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	after = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_string_equal(before, after);
	free(before);
	free(after);
	/* migration 8 builds the same key columns and facet rows as the puts */
	after = snapshot(f->s, facet_snap);
	assert_string_equal(facets_before, after);
	free(facets_before);
	free(after);
	res = search_as(f->s, "laadpaal", &rr_viewer_system, &n);
	assert_int_equal(n, 3);
	json_decref(res);
	/* the rebuilt public index holds the published trips, the same text */
	assert_int_equal(sqlite3_prepare_v2(f->s->db, "SELECT group_concat(k.trip, ',') FROM "
		"(SELECT * FROM trip_search ORDER BY trip) k JOIN trip_fts_public x ON "
		"x.rowid = k.docid JOIN trip_fts y ON y.rowid = x.rowid AND y.title = x.title "
		"AND y.purpose IS x.purpose AND y.report IS x.report AND y.sources IS x.sources",
		-1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0),
			    "gm0034-2016-shenzhen,gm0034-2023-oslo,pv26-2019-laadpaal");
	sqlite3_finalize(st);
	res = search_as(f->s, "laadpaal", &rr_viewer_anonymous, &n);
	assert_int_equal(n, 2);
	json_decref(res);
	rr_diag_free(&d);
}

/* The anonymous ranking, count and facets as one compact text. */
static char *anonymous_view(rr_store *s, const char *q)
{
	rr_search_query sq = {.q = q};
	json_t *res = NULL, *fc = NULL, *all;
	size_t total = 0;
	char *txt;

	assert_int_equal(rr_store_search(s, &sq, &rr_viewer_anonymous, &res, &fc, &total), RR_OK);
	all = json_pack("{s:o,s:o,s:I}", "results", res, "facets", fc, "total",
			(json_int_t)total);
	txt = json_dumps(all, JSON_SORT_KEYS | JSON_COMPACT | JSON_REAL_PRECISION(17));
	json_decref(all);
	assert_non_null(txt);
	return txt;
}

/* The facets of q as v sees them, as one compact text. */
static char *facets_of(rr_store *s, const char *q, const rr_viewer *v)
{
	rr_search_query sq = {.q = q};
	json_t *res = NULL, *fc = NULL;
	size_t total = 0;
	char *txt;

	assert_int_equal(rr_store_search(s, &sq, v, &res, &fc, &total), RR_OK);
	txt = json_dumps(fc, JSON_SORT_KEYS | JSON_COMPACT);
	json_decref(res);
	json_decref(fc);
	assert_non_null(txt);
	return txt;
}

/* Unpublished text leaves no trace in what an anonymous visitor sees:
 * bm25 over an index that also held it would change the public scores
 * (the number of rows holding a word, the average row length). */
static void unpublished_text_moves_no_public_score(void **state)
{
	fixture *f = *state;
	static const char *const words[] = {"Shenzhen", "stad", "laadpaal", "delegatie"};
	static const char *const mine[] = {"gm0034"};
	rr_viewer own = {false, mine, 1};
	char *before[4], *after;
	size_t n;
	json_t *res;

	for (size_t i = 0; i < 4; i++)
		before[i] = anonymous_view(f->s, words[i]);
	assert_int_equal(rr_store_begin(f->s), RR_OK);
	assert_int_equal(put_json(f->s, RR_K_TRIP,
		"{\"id\":\"gm0034-2025-geheim\",\"organisation\":\"gm0034\","
		"\"title\":\"Shenzhen Shenzhen stad\",\"direction\":\"out\",\"status\":\"draft\","
		"\"start\":\"2025-03\",\"purpose\":\"Shenzhen laadpaal stad delegatie, een heel "
		"lange tekst over van alles en nog wat dat de gemiddelde lengte verandert.\","
		"\"destinations\":[{\"country\":\"CN\",\"city\":\"Shenzhen\"},"
		"{\"country\":\"KP\"}],\"travellers\":[{\"name\":\"Geheime Reiziger\"},"
		"{\"person\":\"veeningen\",\"name\":\"M. Veeningen\"}],"
		"\"costs\":[{\"category\":\"Reis\",\"amount_eur\":100,\"kind\":\"actual\","
		"\"paid_by\":\"Geheime Betaler\"},{\"category\":\"Hotel\",\"amount_eur\":100,"
		"\"kind\":\"actual\"}]}"), RR_OK);
	assert_int_equal(rr_store_commit(f->s), RR_OK);
	for (size_t i = 0; i < 4; i++) {
		after = anonymous_view(f->s, words[i]);
		assert_string_equal(before[i], after);
		free(after);
	}
	/* the body's own editor finds it, and counts it in the facets */
	res = search_as(f->s, "Shenzhen", &own, &n);
	assert_int_equal(n, 2);
	assert_true(has_id(res, "gm0034-2025-geheim"));
	json_decref(res);
	after = facets_of(f->s, "Shenzhen", &own);
	assert_non_null(strstr(after, "{\"count\":1,\"value\":\"KP\"}"));
	assert_non_null(strstr(after, "{\"count\":1,\"label\":\"Geheime Reiziger\","
				      "\"value\":\"Geheime Reiziger\"}"));
	assert_non_null(strstr(after, "{\"count\":1,\"value\":\"Geheime Betaler\"}"));
	free(after);
	after = facets_of(f->s, "Shenzhen", &rr_viewer_anonymous);
	assert_null(strstr(after, "KP"));
	assert_null(strstr(after, "Geheim"));
	free(after);
	/* published, it counts for everyone; unpublished again, it is gone */
	assert_int_equal(rr_store_begin(f->s), RR_OK);
	assert_int_equal(put_json(f->s, RR_K_TRIP,
		"{\"id\":\"gm0034-2025-geheim\",\"organisation\":\"gm0034\","
		"\"title\":\"Shenzhen Shenzhen stad\",\"direction\":\"out\",\"status\":\"approved\","
		"\"public\":true,\"start\":\"2025-03\",\"destinations\":[{\"country\":\"CN\"}]}"),
		RR_OK);
	assert_int_equal(rr_store_commit(f->s), RR_OK);
	res = search_as(f->s, "Shenzhen", &rr_viewer_anonymous, &n);
	assert_int_equal(n, 2);
	json_decref(res);
	after = anonymous_view(f->s, "Shenzhen");
	assert_string_not_equal(before[0], after);
	free(after);
	/* its facet rows were rewritten with it: one country, no traveller,
	 * the body as the payer of none */
	after = facets_of(f->s, "Shenzhen", &rr_viewer_anonymous);
	assert_null(strstr(after, "KP"));
	assert_null(strstr(after, "Geheim"));
	assert_non_null(strstr(after, "{\"count\":2,\"value\":\"CN\"}"));
	free(after);
	assert_int_equal(rr_store_begin(f->s), RR_OK);
	assert_int_equal(rr_store_delete(f->s, RR_K_TRIP, "gm0034-2025-geheim"), RR_OK);
	assert_int_equal(rr_store_commit(f->s), RR_OK);
	for (size_t i = 0; i < 4; i++) {
		after = anonymous_view(f->s, words[i]);
		assert_string_equal(before[i], after);
		free(after);
		free(before[i]);
	}
	/* no facet row outlives its trip's key */
	after = snapshot(f->s, "SELECT count(*) FROM trip_facet_row WHERE docid NOT IN "
			       "(SELECT docid FROM trip_search)");
	assert_string_equal(after, "0");
	free(after);
}

static void readonly_store_searches(void **state)
{
	fixture *f = *state;
	rr_store *ro = NULL;
	rr_diag d = {0};
	size_t n;
	json_t *res;

	assert_int_equal(rr_store_open(f->path, RR_STORE_READONLY, &ro, &d), RR_OK);
	res = search_as(ro, "coöperatie", &rr_viewer_anonymous, &n);
	assert_int_equal(n, 1);
	json_decref(res);
	rr_store_close(ro);
	rr_diag_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(laadpaal_finds_laadpalen, setup, teardown),
		cmocka_unit_test_setup_teardown(compound_heads, setup, teardown),
		cmocka_unit_test_setup_teardown(diacritics_and_hyphens, setup, teardown),
		cmocka_unit_test_setup_teardown(title_ranks_above_body, setup, teardown),
		cmocka_unit_test_setup_teardown(snippet_and_highlights, setup, teardown),
		cmocka_unit_test_setup_teardown(facets_count, setup, teardown),
		cmocka_unit_test_setup_teardown(filters, setup, teardown),
		cmocka_unit_test_setup_teardown(visibility, setup, teardown),
		cmocka_unit_test_setup_teardown(update_and_delete, setup, teardown),
		cmocka_unit_test_setup_teardown(empty_and_hostile_queries, setup, teardown),
		cmocka_unit_test(expression_is_quoted),
		cmocka_unit_test_setup_teardown(migration_rebuild_matches_puts, setup, teardown),
		cmocka_unit_test_setup_teardown(unpublished_text_moves_no_public_score, setup,
						teardown),
		cmocka_unit_test_setup_teardown(readonly_store_searches, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
