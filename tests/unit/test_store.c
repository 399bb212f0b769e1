/* Unit tests: src/store (SQLite backend, loader) on a real database file. */
#include "testutil.h"
#include "teststore.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/doc.h"
#include "model/record.h"
#include "report/csv.h"
#include "store/load.h"
#include "store/store.h"
#include "store/store_int.h"

typedef rr_test_db fixture;

static const char base_doc[] =
	"{\"organisations\":[{\"id\":\"gm0034\",\"name\":\"Gemeente Almere\"},"
	"{\"id\":\"pv26\",\"name\":\"Provincie Utrecht\"}],"
	"\"partnerships\":[{\"id\":\"pv26-guangdong\",\"organisation\":\"pv26\",\"type\":"
	"\"friendship_treaty\",\"partner\":{\"name\":\"Guangdong\",\"country\":\"CN\"},"
	"\"since\":\"1995\",\"public\":true}],"
	"\"trips\":["
	"{\"id\":\"gm0034-2023-japan\",\"organisation\":\"gm0034\",\"title\":\"Japan\","
	"\"direction\":\"out\",\"status\":\"approved\",\"public\":true,\"start\":\"2023-05-15\","
	"\"end\":\"2023-05-19\",\"destinations\":[{\"country\":\"JP\",\"city\":\"Osaka\"}],"
	"\"travellers\":[{\"name\":\"M. Veeningen\",\"role\":\"wethouder\",\"person\":\"veeningen\"}],"
	"\"costs\":[{\"category\":\"reis\",\"amount_eur\":10900,\"kind\":\"estimate\"}]},"
	"{\"id\":\"gm0034-2023-helsinki\",\"organisation\":\"gm0034\",\"title\":\"Helsinki\","
	"\"direction\":\"out\",\"status\":\"completed\",\"public\":true,\"start\":\"2023-09-28\","
	"\"destinations\":[{\"country\":\"FI\"}],\"costs\":[{\"category\":\"reis\",\"kind\":"
	"\"actual\",\"paid_by\":\"MRA\"}]},"
	"{\"id\":\"gm0034-2024-secret\",\"organisation\":\"gm0034\",\"title\":\"Concept\","
	"\"direction\":\"out\",\"status\":\"draft\",\"start\":\"2024-03\","
	"\"destinations\":[{\"country\":\"JP\"}]},"
	"{\"id\":\"pv26-2017-guangdong\",\"organisation\":\"pv26\",\"title\":\"Missie\","
	"\"direction\":\"out\",\"status\":\"completed\",\"public\":true,\"start\":\"2017-10-28\","
	"\"end\":\"2017-11-04\",\"partnership\":\"pv26-guangdong\","
	"\"destinations\":[{\"country\":\"CN\",\"city\":\"Guangzhou\"}]}],"
	"\"people\":[{\"id\":\"veeningen\",\"name\":\"Maaike Veeningen\",\"organisation\":\"gm0034\"}]}";

#define load_text rr_test_db_load

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	rr_diag d = {0};
	rr_test_db_open(f);
	if (load_text(f->s, base_doc, &d)) {
		rr_diag_print(&d, "", stderr);
		fail();
	}
	rr_diag_free(&d);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	int rc = rr_test_db_close(f);
	free(f);
	return rc;
}

static void migrations_applied(void **state)
{
	fixture *f = *state;
	rr_store *again = NULL;
	rr_diag d = {0};
	assert_int_equal(rr_store_schema_version(f->s), rr_store_latest_version());
	/* opening again is a no-op */
	assert_int_equal(rr_store_open(f->path, 0, &again, &d), RR_OK);
	assert_int_equal(rr_store_schema_version(again), rr_store_latest_version());
	rr_store_close(again);
	/* a missing file is not created without RR_STORE_CREATE */
	assert_int_equal(rr_store_open("/tmp/rr-no-such-dir/x.db", 0, &again, &d), RR_ENOTFOUND);
	assert_non_null(strstr(d.msg[0], "reisregister init"));
	rr_diag_free(&d);
}

/* Schema version N means the same tables on SQLite and PostgreSQL
 * (pg_schema.c): a migration added to one needs its step in the other. */
static void backends_agree_on_versions(void **state)
{
	(void)state;
	assert_int_equal(rr_sqlite_migration_count, rr_pg_migration_count);
	assert_int_equal(rr_store_latest_version(), rr_pg_migration_count);
}

static void newer_schema_refused(void **state)
{
	fixture *f = *state;
	rr_store *s2 = NULL;
	rr_diag d = {0};
	char sql[64], pg[96];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", rr_store_latest_version() + 1);
	snprintf(pg, sizeof pg, "UPDATE meta SET value = %d WHERE key = 'schema_version'",
		 rr_store_latest_version() + 1);
	assert_int_equal(rr_test_db_sql(f, sql, pg), 0);
	assert_int_equal(rr_store_open(f->path, 0, &s2, &d), RR_ECONFLICT);
	assert_non_null(strstr(d.msg[0], "newer reisregister"));
	rr_diag_free(&d);
}

static void get_and_visibility(void **state)
{
	fixture *f = *state;
	json_t *t = NULL;
	const char *orgs[] = {"gm0034"};
	rr_viewer reader = {false, orgs, 1};
	assert_int_equal(rr_store_get(f->s, RR_K_TRIP, "gm0034-2023-japan", &rr_viewer_anonymous, &t),
			 RR_OK);
	assert_string_equal(rr_rec_str(t, "title"), "Japan");
	json_decref(t);
	/* the unpublished draft: hidden from the public, visible to the body's reader */
	assert_int_equal(rr_store_get(f->s, RR_K_TRIP, "gm0034-2024-secret", &rr_viewer_anonymous,
				      &t), RR_ENOTFOUND);
	assert_null(t);
	assert_int_equal(rr_store_get(f->s, RR_K_TRIP, "gm0034-2024-secret", &reader, &t), RR_OK);
	json_decref(t);
	orgs[0] = "pv26";
	assert_int_equal(rr_store_get(f->s, RR_K_TRIP, "gm0034-2024-secret", &reader, &t),
			 RR_ENOTFOUND);
	assert_int_equal(rr_store_get(f->s, RR_K_TRIP, "no-such", &rr_viewer_system, &t),
			 RR_ENOTFOUND);
}

static size_t count_trips(rr_store *s, const rr_trip_query *q, const rr_viewer *v)
{
	json_t *arr = NULL;
	size_t total = 99;
	assert_int_equal(rr_store_trips(s, q, v, &arr, &total), RR_OK);
	assert_int_equal(json_array_size(arr), q->limit && q->limit < total ? q->limit : total);
	json_decref(arr);
	return total;
}

static void trip_queries(void **state)
{
	fixture *f = *state;
	rr_trip_query q = {0};
	assert_int_equal(count_trips(f->s, &q, &rr_viewer_anonymous), 3);
	assert_int_equal(count_trips(f->s, &q, &rr_viewer_system), 4);
	q.organisation = "gm0034";
	assert_int_equal(count_trips(f->s, &q, &rr_viewer_anonymous), 2);
	q.year = 2023;
	assert_int_equal(count_trips(f->s, &q, &rr_viewer_anonymous), 2);
	q.year = 2024;
	assert_int_equal(count_trips(f->s, &q, &rr_viewer_anonymous), 0);
	assert_int_equal(count_trips(f->s, &q, &rr_viewer_system), 1);
	memset(&q, 0, sizeof q);
	q.country = "JP";
	assert_int_equal(count_trips(f->s, &q, &rr_viewer_anonymous), 1);
	q.country = NULL;
	q.person = "veeningen";
	assert_int_equal(count_trips(f->s, &q, &rr_viewer_anonymous), 1);
	q.person = "M. Veeningen";
	assert_int_equal(count_trips(f->s, &q, &rr_viewer_anonymous), 1);
	q.person = NULL;
	q.third_party_paid = true;
	assert_int_equal(count_trips(f->s, &q, &rr_viewer_anonymous), 1); /* paid by MRA */
	q.third_party_paid = false;
	q.partnership = "pv26-guangdong";
	assert_int_equal(count_trips(f->s, &q, &rr_viewer_anonymous), 1);
	memset(&q, 0, sizeof q);
	q.limit = 1;
	q.offset = 1;
	assert_int_equal(count_trips(f->s, &q, &rr_viewer_anonymous), 3);
	/* hostile values are only ever bound, never part of the SQL */
	q.organisation = "gm0034' OR '1'='1";
	q.limit = 0;
	assert_int_equal(count_trips(f->s, &q, &rr_viewer_anonymous), 0);
}

static void update_replaces_children(void **state)
{
	fixture *f = *state;
	rr_diag d = {0};
	rr_trip_query q = {0};
	assert_int_equal(load_text(f->s, "{\"trips\":[{\"id\":\"gm0034-2023-japan\","
		"\"organisation\":\"gm0034\",\"title\":\"Japan (report)\",\"direction\":\"out\","
		"\"status\":\"reported\",\"public\":true,\"start\":\"2023-05-15\",\"report\":{\"text\":"
		"\"Verslag\"},\"destinations\":[{\"country\":\"KR\"}]}]}", &d), RR_OK);
	q.country = "JP";
	assert_int_equal(count_trips(f->s, &q, &rr_viewer_anonymous), 0);
	q.country = "KR";
	assert_int_equal(count_trips(f->s, &q, &rr_viewer_anonymous), 1);
	rr_diag_free(&d);
}

static void load_refuses_bad_refs_and_transitions(void **state)
{
	fixture *f = *state;
	rr_diag d = {0};
	json_t *before = NULL, *after = NULL;
	assert_int_equal(rr_store_export(f->s, NULL, 0, &rr_viewer_system, &before), RR_OK);
	assert_int_equal(load_text(f->s, "{\"trips\":[{\"id\":\"x\",\"organisation\":\"gm9999\","
		"\"title\":\"x\",\"direction\":\"out\",\"status\":\"draft\"},"
		"{\"id\":\"gm0034-2023-japan\",\"organisation\":\"gm0034\",\"title\":\"x\","
		"\"direction\":\"out\",\"status\":\"draft\"}]}", &d), RR_EINVAL);
	assert_int_equal(d.n, 2);
	assert_non_null(strstr(d.msg[0], "organisation: no organisation with id 'gm9999'"));
	assert_non_null(strstr(d.msg[1], "status: cannot go from approved to draft"));
	assert_int_equal(rr_store_export(f->s, NULL, 0, &rr_viewer_system, &after), RR_OK);
	assert_true(json_equal(before, after));
	json_decref(before);
	json_decref(after);
	rr_diag_free(&d);
}

/* Fault injection: make the database fail on the second record of a load
 * and check the first one was rolled back. */
static void failure_mid_load_rolls_back(void **state)
{
	fixture *f = *state;
	rr_diag d = {0};
	json_t *t = NULL;
	assert_int_equal(rr_test_db_sql(f, "CREATE TRIGGER fail_b BEFORE INSERT ON trip "
		"WHEN NEW.id = 'b' BEGIN SELECT RAISE(ABORT, 'injected fault'); END",
		"CREATE FUNCTION fail_b() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN "
		"IF NEW.id = 'b' THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END$$; "
		"CREATE TRIGGER fail_b BEFORE INSERT ON trip FOR EACH ROW EXECUTE FUNCTION fail_b()"),
		0);
	assert_int_equal(load_text(f->s, "{\"trips\":[{\"id\":\"a\",\"organisation\":\"gm0034\","
		"\"title\":\"a\",\"direction\":\"out\",\"status\":\"draft\"},{\"id\":\"b\","
		"\"organisation\":\"gm0034\",\"title\":\"b\",\"direction\":\"out\",\"status\":"
		"\"draft\"}]}", &d), RR_EDB);
	assert_non_null(strstr(d.msg[0], "injected fault"));
	assert_int_equal(rr_store_get(f->s, RR_K_TRIP, "a", &rr_viewer_system, &t), RR_ENOTFOUND);
	rr_diag_free(&d);
}

static void generation_grows(void **state)
{
	fixture *f = *state;
	long long g1 = 0, g2 = 0;
	rr_diag d = {0};
	assert_int_equal(rr_store_generation(f->s, &g1), RR_OK);
	assert_int_equal(load_text(f->s, "{\"organisations\":[{\"id\":\"gm0363\",\"name\":"
				   "\"Gemeente Amsterdam\"}]}", &d), RR_OK);
	assert_int_equal(rr_store_generation(f->s, &g2), RR_OK);
	assert_true(g2 > g1);
	rr_diag_free(&d);
}

static void export_round_trip(void **state)
{
	fixture *f = *state;
	json_t *doc = NULL, *doc2 = NULL, *norm = NULL;
	char *a, *b, path2[128];
	rr_store *s2 = NULL;
	rr_diag d = {0};
	assert_int_equal(rr_store_export(f->s, NULL, 0, &rr_viewer_system, &doc), RR_OK);
	a = rr_doc_dumps(doc);
	snprintf(path2, sizeof path2, "%s/copy.db", f->dir);
	assert_int_equal(rr_store_open(path2, RR_STORE_CREATE, &s2, &d), RR_OK);
	assert_int_equal(rr_doc_normalise(doc, "export", &norm, &d), RR_OK);
	assert_int_equal(rr_load_document(s2, norm, NULL, &d), RR_OK);
	assert_int_equal(rr_store_export(s2, NULL, 0, &rr_viewer_system, &doc2), RR_OK);
	b = rr_doc_dumps(doc2);
	assert_string_equal(a, b);
	/* the public export leaves the draft out */
	json_decref(doc2);
	assert_int_equal(rr_store_export(s2, "gm0034", 0, &rr_viewer_anonymous, &doc2), RR_OK);
	assert_int_equal(json_array_size(json_object_get(doc2, "trips")), 2);
	assert_int_equal(json_array_size(json_object_get(doc2, "partnerships")), 0);
	free(a);
	free(b);
	json_decref(doc);
	json_decref(doc2);
	json_decref(norm);
	rr_store_close(s2);
	rr_diag_free(&d);
}

static void csv_rows(void **state)
{
	fixture *f = *state;
	rr_trip_query q = {0};
	json_t *trips = NULL;
	rr_buf b;
	q.organisation = "gm0034";
	assert_int_equal(rr_store_trips(f->s, &q, &rr_viewer_anonymous, &trips, NULL), RR_OK);
	rr_buf_init(&b, 0);
	assert_int_equal(rr_csv_trips(&b, trips, NULL), RR_OK);
	const char *c = rr_buf_cstr(&b);
	assert_true(strncmp(c, "id,organisation,title,", 22) == 0);
	assert_non_null(strstr(c, "\r\ngm0034-2023-helsinki,gm0034,Helsinki,"));
	assert_non_null(strstr(c, ",10900.00,"));
	assert_non_null(strstr(c, ",MRA,"));
	assert_null(strstr(c, "secret"));
	rr_buf_reset(&b);
	rr_csv_field(&b, "a,\"b\"\nc", 1);
	rr_csv_field(&b, "=HYPERLINK(1)", 0);
	rr_csv_field(&b, "-12", 0);
	assert_string_equal(rr_buf_cstr(&b), "\"a,\"\"b\"\"\nc\",\"'=HYPERLINK(1)\",-12");
	rr_buf_free(&b);
	json_decref(trips);
}

/* A gift whose date, giver or recipient its source does not state is
 * stored with the fact empty, listed under no year, exported as it is. */
static void gifts_with_unstated_facts(void **state)
{
	fixture *f = *state;
	json_t *all = NULL, *year = NULL, *g = NULL;
	rr_buf b;
	rr_diag d = {0};
	assert_int_equal(load_text(f->s, "{\"gifts\":["
		"{\"id\":\"g-undated\",\"organisation\":\"gm0034\",\"recipient\":\"wethouder\","
		"\"description\":\"een boek over bruggen\",\"public\":true},"
		"{\"id\":\"g-dated\",\"organisation\":\"gm0034\",\"date\":\"2023-05-16\","
		"\"giver\":\"Stad Osaka\",\"description\":\"een vaas\",\"value_eur\":60,"
		"\"public\":true}]}", &d), RR_OK);
	assert_int_equal(rr_store_get(f->s, RR_K_GIFT, "g-undated", &rr_viewer_anonymous, &g), RR_OK);
	assert_null(json_object_get(g, "giver"));
	assert_null(json_object_get(g, "date"));
	assert_string_equal(rr_rec_str(g, "recipient"), "wethouder");
	assert_int_equal(rr_store_list(f->s, RR_K_GIFT, "gm0034", 0, &rr_viewer_anonymous, &all),
			 RR_OK);
	assert_int_equal(json_array_size(all), 2);
	assert_int_equal(rr_store_list(f->s, RR_K_GIFT, "gm0034", 2023, &rr_viewer_anonymous, &year),
			 RR_OK);
	assert_int_equal(json_array_size(year), 1);
	assert_string_equal(rr_rec_str(json_array_get(year, 0), "id"), "g-dated");
	rr_buf_init(&b, 0);
	assert_int_equal(rr_csv_gifts(&b, all, 5000), RR_OK);
	assert_non_null(strstr(rr_buf_cstr(&b), "\r\ng-undated,gm0034,,,wethouder,een boek over "
					       "bruggen,,,,,\r\n"));
	assert_non_null(strstr(rr_buf_cstr(&b), "\r\ng-dated,gm0034,2023-05-16,Stad Osaka,,een vaas,"
					       "60.00,true,"));
	rr_buf_free(&b);
	json_decref(all);
	json_decref(year);
	json_decref(g);
	rr_diag_free(&d);
}

/* Migration 10 on a register of version 9 (gift.date NOT NULL, a gift in
 * it): the gift stays, and a gift without a date can be stored after. */
static void gift_date_migration(void **state)
{
	fixture *f = *state;
	rr_store *s2 = NULL;
	json_t *g = NULL;
	rr_diag d = {0};
	assert_int_equal(load_text(f->s, "{\"gifts\":[{\"id\":\"g-old\",\"organisation\":"
		"\"gm0034\",\"date\":\"2022-02-02\",\"giver\":\"Stad Gent\",\"recipient\":"
		"\"wethouder\",\"description\":\"een pen\",\"public\":true}]}", &d), RR_OK);
	rr_store_close(f->s);
	f->s = NULL;
	assert_int_equal(rr_test_db_sql(f,
		"CREATE TABLE gift9 AS SELECT * FROM gift; DROP TABLE gift;"
		"CREATE TABLE gift (id TEXT PRIMARY KEY, organisation TEXT NOT NULL REFERENCES "
		"organisation(id) DEFERRABLE INITIALLY DEFERRED, date TEXT NOT NULL, year INTEGER, "
		"value_cents INTEGER, trip TEXT REFERENCES trip(id) DEFERRABLE INITIALLY DEFERRED, "
		"public INTEGER NOT NULL, doc TEXT NOT NULL, updated_at TEXT NOT NULL);"
		"INSERT INTO gift SELECT * FROM gift9; DROP TABLE gift9;"
		"CREATE INDEX gift_org_year ON gift(organisation, year); PRAGMA user_version = 9;",
		"ALTER TABLE gift ALTER COLUMN date SET NOT NULL;"
		"UPDATE meta SET value = 9 WHERE key = 'schema_version'"), 0);
	assert_int_equal(rr_store_open(f->path, 0, &s2, &d), RR_OK);
	f->s = s2;
	assert_int_equal(rr_store_schema_version(f->s), rr_store_latest_version());
	assert_int_equal(rr_store_get(f->s, RR_K_GIFT, "g-old", &rr_viewer_system, &g), RR_OK);
	assert_string_equal(rr_rec_str(g, "date"), "2022-02-02");
	json_decref(g);
	assert_int_equal(load_text(f->s, "{\"gifts\":[{\"id\":\"g-new\",\"organisation\":"
		"\"gm0034\",\"giver\":\"Stad Gent\",\"description\":\"een map\"}]}", &d), RR_OK);
	assert_int_equal(rr_store_get(f->s, RR_K_GIFT, "g-new", &rr_viewer_system, &g), RR_OK);
	assert_null(json_object_get(g, "date"));
	json_decref(g);
	rr_diag_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(migrations_applied, setup, teardown),
		cmocka_unit_test(backends_agree_on_versions),
		cmocka_unit_test_setup_teardown(newer_schema_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(get_and_visibility, setup, teardown),
		cmocka_unit_test_setup_teardown(trip_queries, setup, teardown),
		cmocka_unit_test_setup_teardown(update_replaces_children, setup, teardown),
		cmocka_unit_test_setup_teardown(load_refuses_bad_refs_and_transitions, setup, teardown),
		cmocka_unit_test_setup_teardown(failure_mid_load_rolls_back, setup, teardown),
		cmocka_unit_test_setup_teardown(generation_grows, setup, teardown),
		cmocka_unit_test_setup_teardown(export_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(csv_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(gifts_with_unstated_facts, setup, teardown),
		cmocka_unit_test_setup_teardown(gift_date_migration, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
