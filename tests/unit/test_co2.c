/* Unit tests: src/model/co2.c (the CO₂ of a trip), with the hand
 * calculations of docs/co2.md. */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/record.h"
#include "model/co2.h"
#include "model/totals.h"

static json_t *parse(const char *text)
{
	json_error_t je;
	json_t *j = json_loads(text, 0, &je);
	if (!j)
		fprintf(stderr, "%s\n", je.text);
	assert_non_null(j);
	return j;
}

static void within(double got, double want, double frac)
{
	if (fabs(got - want) > frac * want)
		fail_msg("got %.1f, want %.1f within %.0f%%", got, want, frac * 100);
}

/* Almere → Osaka → Tokio → Almere, one alderman and two officials, the mode
 * not stated. By hand: Almere (52.37 N, 5.22 E) to Osaka (34.69 N, 135.50 E)
 * is about 9,200 km over the great circle, Osaka to Tokio about 400 km,
 * Tokio (35.69 N, 139.69 E) to Almere about 9,300 km. The long legs are
 * estimated flights: (9,200 + 95) × 0.147 + (9,300 + 95) × 0.147 = 2,747 kg;
 * the short one a train: 400 × 0.006 = 2.4 kg; per traveller about 2,750
 * kg, for three 8,250 kg: "ongeveer 8,2 ton". */
static const char osaka[] =
	"{\"id\":\"o\",\"organisation\":\"gm0034\",\"title\":\"Osaka\",\"direction\":\"out\","
	"\"status\":\"reported\",\"accompanying_officials\":2,"
	"\"travellers\":[{\"name\":\"Wethouder\"}],"
	"\"destinations\":[{\"country\":\"JP\",\"city\":\"Osaka\",\"lat\":34.69,\"lon\":135.50},"
	"{\"country\":\"JP\",\"city\":\"Tokio\",\"lat\":35.69,\"lon\":139.69}]}";

static void osaka_by_hand(void **state)
{
	(void)state;
	json_t *t = parse(osaka);
	rr_co2 c;
	assert_true(rr_co2_trip(t, NULL, &c));
	assert_int_equal(c.nlegs, 3);
	assert_int_equal(c.travellers, 3);
	assert_true(c.officials_known);
	within(c.legs[0].km, 9200, 0.02);
	within(c.legs[1].km, 400, 0.05);
	within(c.legs[2].km, 9300, 0.02);
	assert_int_equal(c.legs[0].mode, RR_MODE_PLANE);
	assert_true(c.legs[0].estimated);
	assert_int_equal(c.legs[1].mode, RR_MODE_TRAIN);
	assert_int_equal(c.legs[2].mode, RR_MODE_PLANE);
	within(c.legs[0].km_counted, c.legs[0].km + 95, 0.001);
	within(c.kg_per_person, 2750, 0.10);
	within(c.kg, 8250, 0.10);
	assert_int_equal(c.train_possible, 0); /* estimated flights are not flagged */
	/* "Wijze van vervoer: vliegtuig": out and home stated, Osaka → Tokio
	 * still estimated (a train), the same figure */
	json_object_set_new(t, "transport", json_string("plane"));
	assert_true(rr_co2_trip(t, NULL, &c));
	assert_false(c.legs[0].estimated);
	assert_int_equal(c.legs[1].mode, RR_MODE_TRAIN);
	assert_true(c.legs[1].estimated);
	assert_false(c.legs[2].estimated);
	assert_int_equal(c.train_possible, 0);
	within(c.kg, 8250, 0.10);
	json_decref(t);
}

/* Almere → Brussel by plane, stated: about 180 km, under 700 km. */
static void brussels_by_plane(void **state)
{
	(void)state;
	json_t *t = parse("{\"organisation\":\"gm0034\",\"direction\":\"out\",\"status\":\"completed\","
		"\"transport\":\"plane\",\"travellers\":[{\"name\":\"A\"}],"
		"\"destinations\":[{\"country\":\"BE\",\"city\":\"Brussel\",\"lat\":50.85,\"lon\":4.35}]}");
	rr_co2 c;
	assert_true(rr_co2_trip(t, NULL, &c));
	assert_int_equal(c.nlegs, 2);
	assert_int_equal(c.legs[0].mode, RR_MODE_PLANE);
	assert_false(c.legs[0].estimated);
	assert_true(c.legs[0].train_possible);
	assert_int_equal(c.train_possible, 2);
	within(c.legs[0].km, 180, 0.15);
	/* (180 + 95) × 0.297 per flight */
	within(c.legs[0].kg_per_person, 275 * 0.297, 0.10);
	assert_int_equal(c.travellers, 1);
	assert_false(c.officials_known);
	/* a body's own threshold: 100 km, Brussel is further */
	{
		json_t *org = parse("{\"id\":\"gm0034\",\"train_threshold_km\":100}");
		rr_co2_setup st;
		rr_co2_setup_of(org, &st);
		assert_true(rr_co2_trip(t, &st, &c));
		assert_int_equal(c.train_possible, 0);
		assert_false(c.setup.own);
		json_decref(org);
	}
	/* by train, stated per leg */
	json_object_del(t, "transport");
	json_object_set_new(json_array_get(json_object_get(t, "destinations"), 0), "transport",
			    json_string("train"));
	assert_true(rr_co2_trip(t, NULL, &c));
	assert_int_equal(c.legs[0].mode, RR_MODE_TRAIN);
	assert_int_equal(c.legs[1].mode, RR_MODE_TRAIN); /* home the way it went */
	assert_int_equal(c.train_possible, 0);
	json_decref(t);
}

/* Unknown travellers: no total, the figure per traveller; a country alone
 * counts as its capital; incoming visits and unknown seats have none. */
static void unknowns(void **state)
{
	(void)state;
	json_t *t = parse("{\"organisation\":\"pv26\",\"direction\":\"out\",\"status\":\"completed\","
		"\"destinations\":[{\"country\":\"CN\"}]}");
	rr_co2 c;
	assert_true(rr_co2_trip(t, NULL, &c));
	assert_int_equal(c.travellers, -1);
	assert_true(c.kg < 0);
	assert_true(c.kg_per_person > 1000);
	assert_int_equal(c.capital_assumed, 1);
	json_t *j = rr_co2_json(&c);
	assert_true(json_is_null(json_object_get(j, "kg")));
	assert_true(json_integer_value(json_object_get(j, "kg_per_traveller")) > 1000);
	json_decref(j);
	/* a city without coordinates: the gazetteer's Osaka, not Tokio */
	json_object_set_new(json_array_get(json_object_get(t, "destinations"), 0), "city",
			    json_string("Osaka"));
	json_object_set_new(json_array_get(json_object_get(t, "destinations"), 0), "country",
			    json_string("JP"));
	json_object_set_new(t, "organisation", json_string("gm0034"));
	assert_true(rr_co2_trip(t, NULL, &c));
	assert_int_equal(c.capital_assumed, 0);
	within(c.legs[0].km, 9200, 0.02);
	json_object_set_new(t, "direction", json_string("in"));
	assert_false(rr_co2_trip(t, NULL, &c));
	json_object_set_new(t, "direction", json_string("out"));
	json_object_set_new(t, "organisation", json_string("nobody"));
	assert_false(rr_co2_trip(t, NULL, &c));
	json_decref(t);
}

/* The schema takes transport on the trip and per destination, nothing else. */
static void schema_transport(void **state)
{
	(void)state;
	json_t *t = parse(osaka), *out = NULL;
	rr_diag d = {0};
	json_object_set_new(t, "status", json_string("approved"));
	json_object_set_new(t, "transport", json_string("plane"));
	json_object_set_new(json_array_get(json_object_get(t, "destinations"), 1), "transport",
			    json_string("train"));
	if (rr_record_normalise(RR_K_TRIP, t, "t", &out, &d) != RR_OK) {
		rr_diag_print(&d, "", stderr);
		fail();
	}
	json_decref(out);
	out = NULL;
	json_object_set_new(t, "transport", json_string("raket"));
	assert_int_equal(rr_record_normalise(RR_K_TRIP, t, "t", &out, &d), RR_EINVAL);
	rr_diag_free(&d);
	json_decref(t);
}

/* The totals: kg over the trips whose travellers are known. */
/* A body that sets its own factors (organisation.co2_factors) gets them on
 * every figure, with its source; a factor it leaves out stays the built-in
 * one. The Brussel flight: (180 + 95) km x 0.250 instead of x 0.297. */
static void own_factors(void **state)
{
	(void)state;
	json_t *t = parse("{\"id\":\"x\",\"organisation\":\"gm0034\",\"direction\":\"out\","
		"\"transport\":\"plane\",\"travellers\":[{\"name\":\"A\"}],"
		"\"destinations\":[{\"country\":\"BE\",\"city\":\"Brussel\",\"lat\":50.85,\"lon\":4.35}]}");
	json_t *org = parse("{\"id\":\"gm0034\",\"co2_factors\":{\"plane_short\":0.25,"
		"\"source\":\"CO2emissiefactoren.nl, januari 2026\"}}");
	json_t *orgs = rr_co2_orgs_one(org), *trips = json_array(), *tot;
	rr_co2_setup st, dflt;
	rr_co2 c, d;
	rr_date today = rr_date_day(2026, 1, 1);

	rr_co2_setup_of(org, &st);
	rr_co2_setup_of(NULL, &dflt);
	assert_true(st.own);
	assert_false(dflt.own);
	assert_string_equal(st.source, "CO2emissiefactoren.nl, januari 2026");
	within(st.plane_short, 0.25, 0.0001);
	within(st.plane_mid, dflt.plane_mid, 0.0001); /* left out: built in */
	assert_true(rr_co2_trip(t, &st, &c));
	assert_true(rr_co2_trip(t, NULL, &d));
	within(c.legs[0].factor, 0.25, 0.0001);
	within(c.kg_per_person / d.kg_per_person, 0.25 / dflt.plane_short, 0.001);
	/* the sums look the body up by the trip's code */
	json_array_append(trips, t);
	tot = rr_trip_totals(trips, 42, &today, orgs);
	assert_int_equal(json_integer_value(json_object_get(tot, "co2_kg")),
			 (json_int_t)(c.kg + 0.5));
	json_decref(tot);
	tot = rr_trip_totals(trips, 42, &today, NULL);
	assert_int_equal(json_integer_value(json_object_get(tot, "co2_kg")),
			 (json_int_t)(d.kg + 0.5));
	json_decref(tot);
	json_decref(trips);
	json_decref(orgs);
	json_decref(org);
	json_decref(t);
}

static void totals(void **state)
{
	(void)state;
	char buf[4096];
	snprintf(buf, sizeof buf, "[%s, {\"organisation\":\"pv26\",\"direction\":\"out\","
		"\"status\":\"completed\",\"destinations\":[{\"country\":\"CN\"}]}]", osaka);
	json_t *trips = parse(buf);
	rr_date today = rr_date_day(2023, 12, 1);
	json_t *tot = rr_trip_totals(trips, 90, &today, NULL);
	assert_non_null(tot);
	assert_int_equal(json_integer_value(json_object_get(tot, "co2_known")), 1);
	assert_int_equal(json_integer_value(json_object_get(tot, "co2_distance_known")), 2);
	within((double)json_integer_value(json_object_get(tot, "co2_kg")), 8250, 0.10);
	json_decref(tot);
	json_decref(trips);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(osaka_by_hand),
		cmocka_unit_test(brussels_by_plane),
		cmocka_unit_test(unknowns),
		cmocka_unit_test(schema_transport),
		cmocka_unit_test(own_factors),
		cmocka_unit_test(totals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
