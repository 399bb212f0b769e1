/* Unit tests: src/report/evaluation.c and chart.c on a real store. */
#include "testutil.h"
#include "teststore.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/doc.h"
#include "model/record.h"
#include "report/chart.h"
#include "report/evaluation.h"
#include "store/load.h"

static const char doc[] =
	"{\"organisations\":[{\"id\":\"pv26\",\"name\":\"Provincie Utrecht\",\"budgets\":["
	"{\"year\":2017,\"amount_eur\":15000,\"fte\":0.2}]},{\"id\":\"gm0034\",\"name\":\"Almere\"}],"
	"\"partnerships\":[{\"id\":\"pv26-guangdong\",\"organisation\":\"pv26\",\"type\":"
	"\"friendship_treaty\",\"partner\":{\"name\":\"Guangdong\",\"country\":\"CN\"},"
	"\"since\":\"1995\",\"public\":true,\"events\":[{\"date\":\"1995\",\"kind\":\"signed\"}]}],"
	"\"trips\":["
	"{\"id\":\"t1\",\"organisation\":\"pv26\",\"title\":\"In 1995 a\",\"direction\":\"in\","
	"\"status\":\"completed\",\"public\":true,\"start\":\"1995-06\",\"partnership\":\"pv26-guangdong\"},"
	"{\"id\":\"t2\",\"organisation\":\"pv26\",\"title\":\"In 1995 b\",\"direction\":\"in\","
	"\"status\":\"completed\",\"public\":true,\"start\":\"1995-06\",\"partnership\":\"pv26-guangdong\"},"
	"{\"id\":\"t3\",\"organisation\":\"pv26\",\"title\":\"Missie 1996\",\"direction\":\"out\","
	"\"status\":\"completed\",\"public\":true,\"start\":\"1996-10\",\"partnership\":\"pv26-guangdong\"},"
	"{\"id\":\"t4\",\"organisation\":\"pv26\",\"title\":\"Missie 2017\",\"direction\":\"out\","
	"\"status\":\"reported\",\"public\":true,\"start\":\"2017-10-28\",\"end\":\"2017-11-04\","
	"\"partnership\":\"pv26-guangdong\",\"report\":{\"text\":\"x\"},"
	"\"costs\":[{\"category\":\"reis\",\"amount_eur\":5000.5,\"kind\":\"actual\"}],"
	"\"rights_and_security\":[{\"kind\":\"topic_raised\",\"description\":\"mensenrechten\"}]},"
	"{\"id\":\"t5\",\"organisation\":\"pv26\",\"title\":\"Concept 2018\",\"direction\":\"out\","
	"\"status\":\"completed\",\"start\":\"2018-05\",\"partnership\":\"pv26-guangdong\"},"
	"{\"id\":\"t6\",\"organisation\":\"pv26\",\"title\":\"Afgelast\",\"direction\":\"out\","
	"\"status\":\"cancelled\",\"public\":true,\"start\":\"2020-05\",\"partnership\":\"pv26-guangdong\","
	"\"cancellation\":{\"reason\":\"Covid\"}}],"
	"\"results\":["
	"{\"id\":\"r1\",\"organisation\":\"pv26\",\"title\":\"Vestiging\",\"type\":\"investment\","
	"\"theme\":\"investment\",\"amount_eur\":2000000,\"jobs\":20,\"partnership\":\"pv26-guangdong\","
	"\"public\":true},"
	"{\"id\":\"r2\",\"organisation\":\"pv26\",\"title\":\"MoU\",\"type\":\"agreement\","
	"\"theme\":\"education\",\"trip\":\"t4\",\"public\":true,\"follow_up\":["
	"{\"action\":\"Bezoek terug\",\"owner\":\"EZ\",\"due\":\"2018-06-01\",\"status\":\"open\"},"
	"{\"action\":\"Klaar\",\"due\":\"2018-01-01\",\"status\":\"done\"}]},"
	"{\"id\":\"r3\",\"organisation\":\"pv26\",\"title\":\"Geheim\",\"type\":\"investment\","
	"\"amount_eur\":1,\"partnership\":\"pv26-guangdong\"},"
	"{\"id\":\"r4\",\"organisation\":\"pv26\",\"title\":\"Alle Chinese investeringen\","
	"\"type\":\"investment\",\"theme\":\"investment\",\"amount_eur\":17560000,\"jobs\":134,"
	"\"scope\":\"wider\",\"scope_note\":\"alle Chinese investeringen in de provincie\","
	"\"partnership\":\"pv26-guangdong\",\"public\":true},"
	"{\"id\":\"r5\",\"organisation\":\"pv26\",\"title\":\"Zonder bedrag\",\"type\":\"investment\","
	"\"partnership\":\"pv26-guangdong\",\"public\":true},"
	"{\"id\":\"r6\",\"organisation\":\"pv26\",\"title\":\"Mensenrechten besproken\","
	"\"type\":\"other\",\"theme\":\"human_rights\",\"trip\":\"t4\",\"public\":true}]}";

typedef rr_test_db fx;

static int setup(void **state)
{
	fx *f = calloc(1, sizeof *f);
	rr_diag d = {0};
	rr_test_db_open(f);
	if (rr_test_db_load(f->s, doc, &d)) {
		rr_diag_print(&d, "", stderr);
		fail();
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fx *f = *state;
	int rc = rr_test_db_close(f);
	free(f);
	return rc;
}

static json_t *year_row(json_t *ev, int year)
{
	json_t *r;
	size_t i;
	json_array_foreach(json_object_get(ev, "per_year"), i, r)
		if (json_integer_value(json_object_get(r, "year")) == year)
			return r;
	return NULL;
}

static long long ival(json_t *o, const char *k)
{
	return json_integer_value(json_object_get(o, k));
}

static void public_evaluation(void **state)
{
	fx *f = *state;
	json_t *ev = NULL, *tot;
	rr_eval_opts o = {3, 2020, {2020, 1, 1, RR_PREC_DAY}};
	assert_int_equal(rr_evaluate_partnership(f->s, "pv26-guangdong", &rr_viewer_anonymous, &o,
						 &ev), RR_OK);
	tot = json_object_get(ev, "totals");
	json_t *fu = json_object_get(ev, "follow_ups_overdue");
	assert_int_equal(json_array_size(fu), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(fu, 0), "action")),
			    "Bezoek terug");
	assert_int_equal(ival(json_array_get(fu, 0), "days_overdue"), 579);
	assert_int_equal(ival(tot, "delegations_in"), 2);
	assert_int_equal(ival(tot, "delegations_out"), 2); /* draft 2018 unpublished, 2020 cancelled */
	assert_int_equal(ival(year_row(ev, 1995), "in"), 2);
	assert_int_equal(ival(year_row(ev, 1996), "out"), 1);
	assert_int_equal(ival(year_row(ev, 2018), "out"), 0);
	assert_int_equal(json_array_size(json_object_get(ev, "per_year")), 2020 - 1995 + 1);
	/* r3 unpublished; r4 is about more than this relation: listed apart */
	assert_int_equal(ival(tot, "results"), 4);
	assert_int_equal(ival(tot, "agreements"), 1);
	assert_int_equal(ival(tot, "jobs"), 20);
	assert_true(json_real_value(json_object_get(tot, "investment_eur")) == 2000000.0);
	assert_int_equal(ival(tot, "investments"), 2);
	assert_int_equal(ival(tot, "investment_known"), 1); /* r5 states no amount */
	assert_int_equal(json_array_size(json_object_get(ev, "wider_scope")), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
		json_object_get(ev, "wider_scope"), 0), "id")), "r4");
	/* unknown is not zero: no estimate anywhere is null, not 0 */
	assert_true(json_real_value(json_object_get(tot, "costs_actual_eur")) == 5000.5);
	assert_int_equal(ival(tot, "costs_actual_known"), 1);
	assert_true(json_is_null(json_object_get(tot, "costs_estimate_eur")));
	assert_int_equal(ival(tot, "costs_estimate_known"), 0);
	/* human rights: the item on t4, and r6 tagged with the theme */
	assert_int_equal(json_array_size(json_object_get(ev, "human_rights_results")), 1);
	/* gaps: 1997..2016 and 2018..2020 */
	assert_int_equal(json_array_size(json_object_get(ev, "gaps")), 20 + 3);
	assert_int_equal(ival(ev, "last_activity"), 2017);
	assert_true(json_is_true(json_object_get(ev, "dormant")));
	assert_int_equal(json_array_size(json_object_get(ev, "rights_and_security")), 1);
	/* investment, education, human rights, and r5 without a theme (null, last) */
	json_t *themes = json_object_get(ev, "results_by_theme");
	assert_int_equal(json_array_size(themes), 4);
	assert_true(json_is_null(json_object_get(json_array_get(themes, 3), "theme")));
	assert_int_equal(ival(json_array_get(themes, 3), "count"), 1);
	assert_true(json_is_null(json_object_get(json_array_get(themes, 3), "amount_eur")));
	/* the investment theme sums 2 000 000 of r1 only (r4 is wider, r5 unknown) */
	assert_string_equal(json_string_value(json_object_get(json_array_get(themes, 2), "theme")),
			    "investment");
	assert_true(json_real_value(json_object_get(json_array_get(themes, 2), "amount_eur")) ==
		    2000000.0);
	assert_int_equal(ival(json_array_get(themes, 2), "amount_known"), 1);
	/* costs per year: 1996 (a delegation, no costs known), 2017 (budget and costs) */
	json_t *c = json_object_get(ev, "costs_per_year"), *cost2017 = NULL, *cost1996 = NULL;
	for (size_t i = 0; i < json_array_size(c); i++) {
		if (ival(json_array_get(c, i), "year") == 2017)
			cost2017 = json_array_get(c, i);
		if (ival(json_array_get(c, i), "year") == 1996)
			cost1996 = json_array_get(c, i);
	}
	assert_non_null(cost2017);
	assert_non_null(cost1996);
	assert_true(json_real_value(json_object_get(cost2017, "budget_eur")) == 15000.0);
	assert_true(json_is_null(json_object_get(cost1996, "actual_eur")));
	assert_int_equal(ival(cost1996, "delegations_out"), 1);
	json_decref(ev);
}

static void private_view_and_dormancy(void **state)
{
	fx *f = *state;
	json_t *ev = NULL;
	const char *orgs[] = {"pv26"};
	rr_viewer editor = {false, orgs, 1};
	rr_eval_opts o = {5, 2020, {0, 0, 0, RR_PREC_NONE}};
	assert_int_equal(rr_evaluate_partnership(f->s, "pv26-guangdong", &editor, &o, &ev), RR_OK);
	assert_int_equal(ival(json_object_get(ev, "totals"), "delegations_out"), 3);
	assert_int_equal(ival(ev, "last_activity"), 2018);
	assert_false(json_is_true(json_object_get(ev, "dormant"))); /* 2 years < 5 */
	json_decref(ev);
	assert_int_equal(rr_evaluate_partnership(f->s, "nope", &editor, &o, &ev), RR_ENOTFOUND);
}

static void compare(void **state)
{
	fx *f = *state;
	json_t *rows = NULL, *r;
	assert_int_equal(rr_compare_bodies(f->s, &rr_viewer_anonymous, 0, 0, &rows), RR_OK);
	assert_int_equal(json_array_size(rows), 1); /* Almere has nothing yet */
	r = json_array_get(rows, 0);
	assert_string_equal(json_string_value(json_object_get(r, "organisation")), "pv26");
	assert_int_equal(ival(r, "trips"), 4); /* the cancelled one is not a trip */
	assert_int_equal(ival(r, "cancelled"), 1);
	assert_int_equal(ival(r, "partnerships"), 1);
	assert_true(json_real_value(json_object_get(r, "fte")) == 0.2);
	assert_true(json_is_null(json_object_get(r, "costs_estimate_eur")));
	assert_int_equal(ival(r, "actual_known"), 1);
	assert_int_equal(ival(r, "cost_trips"), 2); /* 1996 and 2017 went out */
	json_decref(rows);
	/* one year: 2017 only */
	assert_int_equal(rr_compare_bodies(f->s, &rr_viewer_anonymous, 2017, 2017, &rows), RR_OK);
	r = json_array_get(rows, 0);
	assert_int_equal(ival(r, "trips"), 1);
	assert_int_equal(ival(r, "cancelled"), 0);
	assert_true(json_real_value(json_object_get(r, "costs_actual_eur")) == 5000.5);
	assert_true(json_real_value(json_object_get(r, "budget_eur")) == 15000.0);
	json_decref(rows);
	/* a period without trips: the body stays, with zero trips and nothing known */
	assert_int_equal(rr_compare_bodies(f->s, &rr_viewer_anonymous, 2000, 2005, &rows), RR_OK);
	r = json_array_get(rows, 0);
	assert_int_equal(ival(r, "trips"), 0);
	assert_true(json_is_null(json_object_get(r, "costs_actual_eur")));
	assert_true(json_is_null(json_object_get(r, "budget_eur")));
	json_decref(rows);
}

static void csv_and_chart(void **state)
{
	fx *f = *state;
	json_t *ev = NULL;
	rr_eval_opts o = {3, 2020, {0, 0, 0, RR_PREC_NONE}};
	rr_buf b;
	html h;
	const char *labels[] = {"1995", "1996"};
	long out[] = {0, 1}, in[] = {2, 0};
	rr_chart c = {"deleg", "Delegaties <per jaar>", "2 in, 1 uit & meer", 2, labels, 2,
		      {"uitgaand", "inkomend"}, {out, in}};
	assert_int_equal(rr_evaluate_partnership(f->s, "pv26-guangdong", &rr_viewer_anonymous, &o,
						 &ev), RR_OK);
	rr_buf_init(&b, 0);
	assert_int_equal(rr_evaluation_csv(&b, ev), RR_OK);
	assert_non_null(strstr(rr_buf_cstr(&b), "year,delegations_out,delegations_in"));
	/* unknown costs are empty, not 0.00 */
	assert_non_null(strstr(rr_buf_cstr(&b), "\r\n1995,0,2,,\r\n"));
	assert_non_null(strstr(rr_buf_cstr(&b), ",wider\r\n"));
	assert_non_null(strstr(rr_buf_cstr(&b), "\r\n2017,1,0,,5000.50\r\n"));
	rr_buf_reset(&b);
	html_init(&h, &b);
	rr_chart_bars(&h, &c);
	assert_int_equal(html_finish(&h), RR_OK);
	assert_non_null(strstr(rr_buf_cstr(&b), "aria-labelledby=\"deleg-title deleg-desc\""));
	assert_non_null(strstr(rr_buf_cstr(&b), "Delegaties &lt;per jaar&gt;"));
	assert_non_null(strstr(rr_buf_cstr(&b), "2 in, 1 uit &amp; meer"));
	assert_non_null(strstr(rr_buf_cstr(&b), "<title>1995 inkomend: 2</title>"));
	rr_buf_free(&b);
	json_decref(ev);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(public_evaluation, setup, teardown),
		cmocka_unit_test_setup_teardown(private_view_and_dormancy, setup, teardown),
		cmocka_unit_test_setup_teardown(compare, setup, teardown),
		cmocka_unit_test_setup_teardown(csv_and_chart, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
