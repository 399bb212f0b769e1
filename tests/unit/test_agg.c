/* Unit tests: src/store/agg.h (the counts kept beside the trips by
 * migration 9's triggers) against the trips themselves, for every viewer,
 * after loads, updates, unpublishing, cancelling and deleting; and the map
 * drawn from those counts (web/mapview.h) against the map drawn from the
 * trips, byte for byte. Runs on PostgreSQL too with $RR_TEST_PG_URL. */
#include "testutil.h"
#include "teststore.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/lifecycle.h"
#include "model/record.h"
#include "model/co2.h"
#include "report/evaluation.h"
#include "model/totals.h"
#include "store/agg.h"
#include "store/public.h"
#include "store/store.h"
#include "web/mapview.h"

typedef rr_test_db fixture;

/* Two bodies; published and unpublished trips; cancelled, draft and
 * incoming ones; a trip without a start date; places stated by city, by
 * region, with and without coordinates, twice in one trip. */
static const char base_doc[] =
	"{\"organisations\":[{\"id\":\"gm0034\",\"name\":\"Gemeente Almere\"},"
	"{\"id\":\"pv26\",\"name\":\"Provincie Utrecht\"}],"
	"\"trips\":["
	"{\"id\":\"gm0034-2023-japan\",\"organisation\":\"gm0034\",\"title\":\"Japan\","
	"\"direction\":\"out\",\"status\":\"approved\",\"public\":true,\"start\":\"2023-05-15\","
	"\"destinations\":[{\"country\":\"JP\",\"city\":\"Osaka\"},{\"country\":\"JP\","
	"\"city\":\"Tokio\"},{\"country\":\"JP\",\"city\":\"Osaka\"}]},"
	"{\"id\":\"gm0034-2023-osaka\",\"organisation\":\"gm0034\",\"title\":\"Osaka\","
	"\"direction\":\"out\",\"status\":\"completed\",\"public\":true,\"start\":\"2023-10-01\","
	"\"destinations\":[{\"country\":\"JP\",\"city\":\"Osaka\"}]},"
	"{\"id\":\"gm0034-2022-secret\",\"organisation\":\"gm0034\",\"title\":\"Geheim\","
	"\"direction\":\"out\",\"status\":\"completed\",\"public\":false,\"start\":\"2022-02-01\","
	"\"destinations\":[{\"country\":\"KR\",\"city\":\"Seoul\"},{\"country\":\"JP\","
	"\"city\":\"Osaka\"}]},"
	"{\"id\":\"gm0034-2024-draft\",\"organisation\":\"gm0034\",\"title\":\"Concept\","
	"\"direction\":\"out\",\"status\":\"draft\",\"public\":false,\"start\":\"2024-03\","
	"\"destinations\":[{\"country\":\"FI\"}]},"
	"{\"id\":\"gm0034-2021-cancelled\",\"organisation\":\"gm0034\",\"title\":\"Afgelast\","
	"\"direction\":\"out\",\"status\":\"cancelled\",\"public\":true,\"start\":\"2021-06-01\",\"cancellation\":{\"reason\":\"Corona\"},"
	"\"destinations\":[{\"country\":\"DE\",\"city\":\"Berlijn\"}]},"
	"{\"id\":\"gm0034-2023-in\",\"organisation\":\"gm0034\",\"title\":\"Bezoek\","
	"\"direction\":\"in\",\"status\":\"completed\",\"public\":true,\"start\":\"2023-04-01\","
	"\"destinations\":[{\"country\":\"NL\",\"city\":\"Almere\"}]},"
	"{\"id\":\"gm0034-undated\",\"organisation\":\"gm0034\",\"title\":\"Ooit\","
	"\"direction\":\"out\",\"status\":\"requested\",\"public\":true,"
	"\"destinations\":[{\"country\":\"BE\",\"region\":\"Vlaanderen\"},{\"country\":\"FR\"}]},"
	"{\"id\":\"gm0034-2019-costs\",\"organisation\":\"gm0034\",\"title\":\"Berlijn\","
	"\"direction\":\"out\",\"status\":\"completed\",\"public\":true,\"start\":\"2019-03-01\","
	"\"end\":\"2019-03-05\",\"accompanying_officials\":2,"
	"\"travellers\":[{\"name\":\"A\",\"role\":\"wethouder\"},{\"name\":\"B\",\"role\":\"wethouder\"}],"
	"\"destinations\":[{\"country\":\"DE\",\"city\":\"Berlijn\"}],\"costs\":["
	"{\"category\":\"reis\",\"amount_eur\":1000.5,\"kind\":\"estimate\",\"paid_by\":\"gm0034\"},"
	"{\"category\":\"reis\",\"amount_eur\":900,\"kind\":\"actual\"},"
	"{\"category\":\"hotel\",\"amount_eur\":300,\"kind\":\"estimate\",\"paid_by\":\"MRA\"},"
	"{\"category\":\"diner\",\"amount_eur\":20.25,\"kind\":\"actual\",\"paid_by\":\"MRA\"},"
	"{\"category\":\"bus\",\"kind\":\"actual\",\"paid_by\":\"Provincie\"}]},"
	"{\"id\":\"gm0034-2020-request\",\"organisation\":\"gm0034\",\"title\":\"Verzoek\","
	"\"direction\":\"out\",\"status\":\"requested\",\"public\":true,\"start\":\"2020-01-01\","
	"\"end\":\"2020-01-02\",\"destinations\":[{\"country\":\"FR\",\"city\":\"Lyon\"}],"
	"\"travellers\":[{\"name\":\"C\",\"role\":\"burgemeester\"}],"
	"\"costs\":[{\"category\":\"reis\",\"amount_eur\":50,\"kind\":\"estimate\",\"paid_by\":\"Provincie\"}]},"
	"{\"id\":\"pv26-2017-guangdong\",\"organisation\":\"pv26\",\"title\":\"Missie\","
	"\"direction\":\"out\",\"status\":\"completed\",\"public\":true,\"start\":\"2017-10-28\","
	"\"destinations\":[{\"country\":\"CN\",\"city\":\"Guangzhou\",\"lat\":23.13,\"lon\":113.26}]},"
	"{\"id\":\"pv26-2018-hidden\",\"organisation\":\"pv26\",\"title\":\"Verborgen\","
	"\"direction\":\"out\",\"status\":\"completed\",\"public\":false,\"start\":\"2018-01-02\","
	"\"destinations\":[{\"country\":\"CN\",\"city\":\"Shenzhen\"}]}]}";

static const char *const almere[] = {"gm0034"};
static const rr_viewer editor = {false, almere, 1};

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	rr_diag d = {0};
	rr_test_db_open(f);
	if (rr_test_db_load(f->s, base_doc, &d)) {
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

/* {"org|year|direction|status": n} counted from the trips v may see. */
static json_t *tally_of_trips(rr_store *s, const char *org, const rr_viewer *v)
{
	rr_trip_query q = {.organisation = org};
	json_t *trips = NULL, *m = json_object();
	const json_t *t;
	size_t i;

	assert_int_equal(rr_store_trips(s, &q, v, &trips, NULL), RR_OK);
	json_array_foreach(trips, i, t) {
		rr_date d = rr_rec_date(t, "start");
		char k[200];
		snprintf(k, sizeof k, "%s|%d|%s|%s", rr_rec_str(t, "organisation"),
			 d.prec ? d.y : -1, rr_rec_str(t, "direction"), rr_rec_str(t, "status"));
		json_object_set_new(m, k, json_integer(json_integer_value(json_object_get(m, k)) + 1));
	}
	json_decref(trips);
	return m;
}

/* The same from rr_store_trip_tally. */
static json_t *tally_of_store(rr_store *s, const char *org, const rr_viewer *v)
{
	json_t *rows = NULL, *m = json_object();
	const json_t *r;
	size_t i;

	assert_int_equal(rr_store_trip_tally(s, org, v, &rows), RR_OK);
	json_array_foreach(rows, i, r) {
		const json_t *y = json_object_get(r, "year");
		char k[200];
		assert_true(json_integer_value(json_object_get(r, "trips")) > 0);
		snprintf(k, sizeof k, "%s|%d|%s|%s", rr_rec_str(r, "organisation"),
			 json_is_null(y) ? -1 : (int)json_integer_value(y),
			 rr_rec_str(r, "direction"), rr_rec_str(r, "status"));
		assert_null(json_object_get(m, k)); /* one row per key */
		json_object_set(m, k, json_object_get(r, "trips"));
	}
	json_decref(rows);
	return m;
}

/* {"country|city|region|lat|lon": trips} from the trips v may see. */
static json_t *places_of_trips(rr_store *s, const char *org, const rr_viewer *v)
{
	rr_trip_query q = {.organisation = org};
	json_t *trips = NULL, *m = json_object();
	const json_t *t, *d;
	size_t i, j;

	assert_int_equal(rr_store_trips(s, &q, v, &trips, NULL), RR_OK);
	json_array_foreach(trips, i, t) {
		json_t *seen;
		if (!rr_trip_counts(t) || strcmp(rr_rec_str(t, "direction"), "out"))
			continue;
		seen = json_object();
		json_array_foreach(json_object_get(t, "destinations"), j, d) {
			const json_t *la = json_object_get(d, "lat"), *lo = json_object_get(d, "lon");
			char k[300];
			snprintf(k, sizeof k, "%s|%s|%s|%g|%g", rr_rec_str(d, "country"),
				 rr_rec_str(d, "city") ? rr_rec_str(d, "city") : "-",
				 rr_rec_str(d, "region") ? rr_rec_str(d, "region") : "-",
				 la ? json_number_value(la) : -999, lo ? json_number_value(lo) : -999);
			if (json_object_get(seen, k))
				continue;
			json_object_set_new(seen, k, json_true());
			json_object_set_new(m, k, json_integer(json_integer_value(json_object_get(m,
				k)) + 1));
		}
		json_decref(seen);
	}
	json_decref(trips);
	return m;
}

static json_t *places_of_store(rr_store *s, const char *org, const rr_viewer *v)
{
	json_t *rows = NULL, *m = json_object();
	const json_t *r;
	size_t i;

	assert_int_equal(rr_store_trip_places(s, org, v, &rows), RR_OK);
	json_array_foreach(rows, i, r) {
		const json_t *la = json_object_get(r, "lat"), *lo = json_object_get(r, "lon");
		char k[300];
		snprintf(k, sizeof k, "%s|%s|%s|%g|%g", rr_rec_str(r, "country"),
			 rr_rec_str(r, "city") ? rr_rec_str(r, "city") : "-",
			 rr_rec_str(r, "region") ? rr_rec_str(r, "region") : "-",
			 json_is_null(la) ? -999 : json_number_value(la),
			 json_is_null(lo) ? -999 : json_number_value(lo));
		assert_null(json_object_get(m, k));
		json_object_set(m, k, json_object_get(r, "trips"));
	}
	json_decref(rows);
	return m;
}

static void assert_json_equal(json_t *a, json_t *b)
{
	if (!json_equal(a, b)) {
		char *x = json_dumps(a, JSON_SORT_KEYS), *y = json_dumps(b, JSON_SORT_KEYS);
		fprintf(stderr, "expected %s\n     got %s\n", x, y);
		free(x);
		free(y);
		fail();
	}
	json_decref(a);
	json_decref(b);
}

/* The map of a body from the counts: the same bytes as from the trips,
 * or false (and nothing written) when only the trips can say it. */
static bool map_same(rr_store *s, const char *org, const rr_viewer *v)
{
	rr_trip_query q = {.organisation = org};
	json_t *trips = NULL, *places = NULL;
	rr_buf a, b;
	html ha, hb;
	bool ok;

	assert_int_equal(rr_store_trips(s, &q, v, &trips, NULL), RR_OK);
	assert_int_equal(rr_store_trip_places(s, org, v, &places), RR_OK);
	rr_buf_init(&a, 0);
	rr_buf_init(&b, 0);
	html_init(&ha, &a);
	html_init(&hb, &b);
	mapview_destinations(&ha, trips, org, 0, "kaart", "Kaart");
	ok = mapview_destinations_counted(&hb, places, org, 0, "kaart", "Kaart");
	if (ok)
		assert_string_equal(rr_buf_cstr(&a), rr_buf_cstr(&b));
	else
		assert_int_equal(b.len, 0);
	rr_buf_free(&a);
	rr_buf_free(&b);
	json_decref(trips);
	json_decref(places);
	return ok;
}

/* Every count, for every viewer and body, as the trips say. */
static void check_all(rr_store *s)
{
	static const char *const orgs[] = {NULL, "gm0034", "pv26", "gm9999"};
	const rr_viewer *const vs[] = {&rr_viewer_anonymous, &editor, &rr_viewer_system};

	for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++) {
		for (size_t j = 0; j < sizeof orgs / sizeof orgs[0]; j++) {
			assert_json_equal(tally_of_trips(s, orgs[j], vs[i]),
					  tally_of_store(s, orgs[j], vs[i]));
			if (orgs[j]) {
				assert_json_equal(places_of_trips(s, orgs[j], vs[i]),
						  places_of_store(s, orgs[j], vs[i]));
				assert_true(map_same(s, orgs[j], vs[i]));
			}
		}
	}
}

static long long count_of(rr_store *s, const rr_viewer *v, const char *org)
{
	json_t *c = NULL;
	long long n;
	assert_int_equal(rr_store_trip_counts(s, v, &c), RR_OK);
	n = json_integer_value(json_object_get(c, org));
	json_decref(c);
	return n;
}

static void counts_follow_the_trips(void **state)
{
	fixture *f = *state;
	rr_diag d = {0};

	check_all(f->s);
	/* an anonymous visitor counts published trips only; the editor of
	 * Almere also its unpublished one, not the province's */
	assert_int_equal(count_of(f->s, &rr_viewer_anonymous, "gm0034"), 7);
	assert_int_equal(count_of(f->s, &editor, "gm0034"), 9);
	assert_int_equal(count_of(f->s, &editor, "pv26"), 1);
	assert_int_equal(count_of(f->s, &rr_viewer_system, "pv26"), 2);

	/* unpublished, cancelled, moved to another year and place */
	assert_int_equal(rr_test_db_load(f->s, "{\"trips\":["
		"{\"id\":\"gm0034-2023-osaka\",\"organisation\":\"gm0034\",\"title\":\"Osaka\","
		"\"direction\":\"out\",\"status\":\"completed\",\"public\":false,"
		"\"start\":\"2023-10-01\",\"destinations\":[{\"country\":\"JP\",\"city\":\"Osaka\"}]},"
		"{\"id\":\"gm0034-2023-japan\",\"organisation\":\"gm0034\",\"title\":\"Japan\","
		"\"direction\":\"out\",\"status\":\"cancelled\",\"public\":true,"
		"\"cancellation\":{\"reason\":\"Ziekte\"},\"start\":\"2023-05-15\",\"destinations\":[{\"country\":\"JP\",\"city\":\"Osaka\"}]},"
		"{\"id\":\"gm0034-undated\",\"organisation\":\"gm0034\",\"title\":\"Ooit\","
		"\"direction\":\"out\",\"status\":\"requested\",\"public\":true,\"start\":\"2019-01-05\","
		"\"destinations\":[{\"country\":\"IT\",\"city\":\"Rome\"}]}]}", &d), RR_OK);
	check_all(f->s);
	assert_int_equal(count_of(f->s, &rr_viewer_anonymous, "gm0034"), 6);

	/* deleted */
	assert_int_equal(rr_store_begin(f->s), RR_OK);
	assert_int_equal(rr_store_delete(f->s, RR_K_TRIP, "pv26-2017-guangdong"), RR_OK);
	assert_int_equal(rr_store_commit(f->s), RR_OK);
	check_all(f->s);
	assert_int_equal(count_of(f->s, &rr_viewer_anonymous, "pv26"), 0);
	assert_int_equal(count_of(f->s, &rr_viewer_system, "pv26"), 1);
	rr_diag_free(&d);
}

/* One place written in two ways (with and without its coordinates): where
 * its dot goes depends on which trip came first, which the counts do not
 * know; the map then comes from the trips. */
static void place_in_two_ways_falls_back(void **state)
{
	fixture *f = *state;
	rr_diag d = {0};

	assert_int_equal(rr_test_db_load(f->s, "{\"trips\":["
		"{\"id\":\"pv26-2019-guangzhou\",\"organisation\":\"pv26\",\"title\":\"Terug\","
		"\"direction\":\"out\",\"status\":\"completed\",\"public\":true,"
		"\"start\":\"2019-10-01\",\"destinations\":[{\"country\":\"CN\","
		"\"city\":\"Guangzhou\"}]}]}", &d), RR_OK);
	assert_false(map_same(f->s, "pv26", &rr_viewer_anonymous));
	assert_json_equal(places_of_trips(f->s, "pv26", &rr_viewer_anonymous),
			  places_of_store(f->s, "pv26", &rr_viewer_anonymous));
	rr_diag_free(&d);
}

/* /vergelijking's rows (rr_compare_bodies, from the sums the store keeps
 * per trip) against rr_trip_totals over the trips themselves, as the rows
 * were made before: every figure the same, for every viewer and period. */
static void compare_check(fixture *f)
{
	static const int periods[][2] = {{0, 0}, {2018, 2018}, {2019, 2023}, {0, 2019}, {2020, 0},
					 {1990, 1991}};
	const rr_viewer *const vs[] = {&rr_viewer_anonymous, &editor, &rr_viewer_system};
	rr_date today = rr_today();
	size_t checked = 0;

	for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++)
		for (size_t p = 0; p < sizeof periods / sizeof periods[0]; p++) {
			int from = periods[p][0], to = periods[p][1];
			json_t *rows = NULL, *orgs = NULL, *row;
			const json_t *o;
			size_t j, k = 0;

			assert_int_equal(rr_compare_bodies(f->s, vs[i], from, to, &rows), RR_OK);
			assert_int_equal(rr_store_list(f->s, RR_K_ORGANISATION, NULL, 0, vs[i], &orgs),
					 RR_OK);
			json_array_foreach(orgs, j, o) {
				rr_trip_query q = {.organisation = rr_rec_str(o, "id")};
				json_t *trips = NULL, *sel = json_array(), *one, *tot, *x;
				const char *key;
				size_t t;

				assert_int_equal(rr_store_trips(f->s, &q, vs[i], &trips, NULL), RR_OK);
				if (!json_array_size(trips)) {
					json_decref(trips);
					json_decref(sel);
					continue;
				}
				json_array_foreach(trips, t, x) {
					rr_date d = rr_rec_date(x, "start");
					if ((!from && !to) || (d.prec && (!from || d.y >= from) &&
							       (!to || d.y <= to)))
						json_array_append(sel, x);
				}
				one = rr_co2_orgs_one(o);
				tot = rr_trip_totals(sel, (int)rr_rec_count(o, "report_period_days",
					RR_REPORT_PERIOD_DAYS), &today, one);
				row = json_array_get(rows, k++);
				assert_non_null(row);
				assert_string_equal(rr_rec_str(row, "organisation"), rr_rec_str(o, "id"));
				json_object_foreach(tot, key, x) {
					if (!json_equal(x, json_object_get(row, key))) {
						char *a = json_dumps(x, JSON_ENCODE_ANY);
						char *b = json_dumps(json_object_get(row, key), JSON_ENCODE_ANY);
						fprintf(stderr, "%s %d-%d viewer %zu: %s: %s, not %s\n",
							rr_rec_str(o, "id"), from, to, i, key, a, b);
						free(a);
						free(b);
						fail();
					}
					checked++;
				}
				json_decref(tot);
				json_decref(one);
				json_decref(sel);
				json_decref(trips);
			}
			assert_int_equal(k, json_array_size(rows));
			json_decref(rows);
			json_decref(orgs);
		}
	assert_true(checked > 500); /* sums that run over: tests/http/sums.sh */
}

static long long late_of(rr_store *s, const char *org)
{
	json_t *rows = NULL, *row;
	long long n = -1;
	size_t i;

	assert_int_equal(rr_compare_bodies(s, &rr_viewer_anonymous, 0, 0, &rows), RR_OK);
	json_array_foreach(rows, i, row)
		if (!strcmp(rr_rec_str(row, "organisation"), org))
			n = json_integer_value(json_object_get(row, "reports_late"));
	json_decref(rows);
	return n;
}

static void compare_matches_trips(void **state)
{
	fixture *f = *state;
	rr_diag d = {0};

	compare_check(f);
	assert_int_equal(late_of(f->s, "gm0034"), 2);
	/* the body's own report period and emission factors are in its
	 * record: writing it again gives its trips' figures again */
	assert_int_equal(rr_test_db_load(f->s, "{\"organisations\":[{\"id\":\"gm0034\","
		"\"name\":\"Gemeente Almere\",\"report_period_days\":3000000}]}", &d), RR_OK);
	compare_check(f);
	assert_int_equal(late_of(f->s, "gm0034"), 0);
	rr_diag_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(counts_follow_the_trips, setup, teardown),
		cmocka_unit_test_setup_teardown(place_in_two_ways_falls_back, setup, teardown),
		cmocka_unit_test_setup_teardown(compare_matches_trips, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
