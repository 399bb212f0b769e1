/* evaluation.c - the evaluation of a partnership (see evaluation.h). */
#include "evaluation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../model/lifecycle.h"
#include "../model/record.h"
#include "../store/agg.h"
#include "../store/public.h"
#include "../util/buf.h"
#include "../model/co2.h"
#include "csv.h"
#include "../model/totals.h"

#define YEAR_MIN 1900
#define YEAR_MAX 2100
#define NYEARS (YEAR_MAX - YEAR_MIN + 1)

typedef struct tally {
	int out[NYEARS], in[NYEARS];
	long long est[NYEARS], act[NYEARS];
	int est_known[NYEARS], act_known[NYEARS]; /* delegations stating costs */
	int first, last;       /* years with activity (0: none) */
	int first_event;       /* earliest partnership date */
} tally;

static int this_year(void)
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	return tm.tm_year + 1900;
}

static int in_range(int y)
{
	return y >= YEAR_MIN && y <= YEAR_MAX;
}

/* Costs are known per trip when a line states an amount; unknown is not 0. */
static void add_costs(tally *t, int y, const json_t *trip)
{
	long long est = rr_trip_cost(trip, "estimate"), act = rr_trip_cost(trip, "actual");
	if (est >= 0) {
		rr_cents_add(&t->est[y - YEAR_MIN], est);
		t->est_known[y - YEAR_MIN]++;
	}
	if (act >= 0) {
		rr_cents_add(&t->act[y - YEAR_MIN], act);
		t->act_known[y - YEAR_MIN]++;
	}
}

/* Counts a trip as a delegation in its start year. Cancelled, rejected and
 * draft trips did not take place and are not delegations. */
static int took_place(const json_t *trip)
{
	const char *st = rr_rec_str(trip, "status");
	return st && (!strcmp(st, "completed") || !strcmp(st, "reported") ||
		      !strcmp(st, "approved") || !strcmp(st, "coordinated") ||
		      !strcmp(st, "requested"));
}

static int has_theme(const json_t *rec, const char *theme)
{
	const json_t *x;
	size_t i;
	json_array_foreach(json_object_get(rec, "themes"), i, x)
		if (json_string_value(x) && !strcmp(json_string_value(x), theme))
			return 1;
	return 0;
}

static void tally_trips(tally *t, const json_t *trips, json_t *out_trips, json_t *rights,
			json_t *hr_trips)
{
	json_t *trip, *r;
	size_t i, j;

	json_array_foreach(trips, i, trip) {
		rr_date d = rr_rec_date(trip, "start");
		const char *dir = rr_rec_str(trip, "direction");
		json_t *brief = json_object();
		json_object_set_new(brief, "id", json_string(rr_rec_str(trip, "id")));
		json_object_set(brief, "title", json_object_get(trip, "title"));
		json_object_set(brief, "direction", json_object_get(trip, "direction"));
		json_object_set(brief, "status", json_object_get(trip, "status"));
		if (json_object_get(trip, "start"))
			json_object_set(brief, "start", json_object_get(trip, "start"));
		if (json_object_get(trip, "end"))
			json_object_set(brief, "end", json_object_get(trip, "end"));
		json_array_append_new(out_trips, brief);
		if (has_theme(trip, "human_rights"))
			json_array_append_new(hr_trips, json_pack("{s:s, s:O}", "id",
				rr_rec_str(trip, "id"), "title", json_object_get(trip, "title")));
		json_array_foreach(json_object_get(trip, "rights_and_security"), j, r) {
			json_t *item = json_deep_copy(r);
			json_object_set_new(item, "trip", json_string(rr_rec_str(trip, "id")));
			json_object_set(item, "trip_title", json_object_get(trip, "title"));
			json_array_append_new(rights, item);
		}
		if (!d.prec || !in_range(d.y) || !took_place(trip))
			continue;
		if (dir && !strcmp(dir, "in")) {
			t->in[d.y - YEAR_MIN]++;
		} else {
			t->out[d.y - YEAR_MIN]++;
			add_costs(t, d.y, trip);
		}
		if (!t->first || d.y < t->first)
			t->first = d.y;
		if (d.y > t->last)
			t->last = d.y;
	}
}

/* A sum in euros; null when it overflowed (model/record.h), and then obj
 * (if given) says so with "overflow": true. */
static json_t *eur_in(json_t *obj, long long cents)
{
	if (cents == RR_CENTS_OVERFLOW) {
		if (obj)
			json_object_set_new(obj, "overflow", json_true());
		return json_null();
	}
	return json_real((double)cents / 100.0);
}

static json_t *eur(long long cents)
{
	return eur_in(NULL, cents);
}

/* Adds a result to the group named key ("" for none) in obj
 * {key: {count, cents, known, jobs, jobs_known}}. */
static void group_add(json_t *obj, const char *key, const json_t *amount, const json_t *jobs)
{
	json_t *g = json_object_get(obj, key);
	if (!g) {
		g = json_pack("{s:I, s:I, s:I, s:I, s:I}", "count", (json_int_t)0, "cents",
			      (json_int_t)0, "known", (json_int_t)0, "jobs", (json_int_t)0,
			      "jobs_known", (json_int_t)0);
		json_object_set_new(obj, key, g);
	}
#define BUMP(k, n) json_object_set_new(g, k, json_integer(json_integer_value(json_object_get(g, k)) + (n)))
	BUMP("count", 1);
	if (amount) {
		long long sum = json_integer_value(json_object_get(g, "cents"));
		rr_cents_add(&sum, rr_amount_cents(amount));
		json_object_set_new(g, "cents", json_integer(sum));
		BUMP("known", 1);
	}
	if (jobs) {
		BUMP("jobs", json_integer_value(jobs));
		BUMP("jobs_known", 1);
	}
#undef BUMP
}

static int by_key(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	if (!*x || !*y) /* "" (no theme) last */
		return !*x - !*y;
	return strcmp(x, y);
}

/* {key: group} -> [{name: key or null, count, amount_eur (null: unknown),
 * amount_known, jobs (null: unknown), jobs_known}] sorted by key */
static json_t *groups_to_array(json_t *obj, const char *name)
{
	json_t *arr = json_array(), *g;
	const char *key, **keys;
	size_t n = json_object_size(obj), i = 0;

	keys = calloc(n ? n : 1, sizeof *keys);
	if (!keys)
		return arr;
	json_object_foreach(obj, key, g)
		keys[i++] = key;
	qsort(keys, n, sizeof *keys, by_key);
	for (i = 0; i < n; i++) {
		json_int_t known, jk;
		g = json_object_get(obj, keys[i]);
		known = json_integer_value(json_object_get(g, "known"));
		jk = json_integer_value(json_object_get(g, "jobs_known"));
		json_array_append_new(arr, json_pack("{s:o, s:O, s:o, s:I, s:o, s:I}", name,
			*keys[i] ? json_string(keys[i]) : json_null(), "count",
			json_object_get(g, "count"), "amount_eur",
			known ? eur(json_integer_value(json_object_get(g, "cents"))) : json_null(),
			"amount_known", known,
			"jobs", jk ? json_integer(json_integer_value(json_object_get(g, "jobs"))) : json_null(),
			"jobs_known", jk));
	}
	free(keys);
	return arr;
}

static int trip_in(const json_t *trips, const char *id)
{
	json_t *t;
	size_t i;
	if (!id)
		return 0;
	json_array_foreach(trips, i, t)
		if (!strcmp(rr_rec_str(t, "id"), id))
			return 1;
	return 0;
}

/* Follow-up actions of result r still open and past their due date. */
static void open_follow_ups(const json_t *r, const rr_date *today, json_t *out)
{
	json_t *f;
	size_t i;
	json_array_foreach(json_object_get(r, "follow_up"), i, f) {
		const char *st = rr_rec_str(f, "status");
		rr_date due = rr_rec_date(f, "due");
		json_t *item;
		if ((st && (!strcmp(st, "done") || !strcmp(st, "dropped"))) || !due.prec ||
		    rr_date_last(&due) >= rr_date_first(today))
			continue;
		item = json_deep_copy(f);
		json_object_set_new(item, "result", json_string(rr_rec_str(r, "id")));
		json_object_set(item, "result_title", json_object_get(r, "title"));
		json_object_set_new(item, "days_overdue",
				    json_integer(rr_date_first(today) - rr_date_last(&due)));
		json_array_append_new(out, item);
	}
}

/* A result whose figures cover more than this relation ("all Chinese
 * investment in the province") is shown, never summed into it. */
static int wider_scope(const json_t *r)
{
	const char *sc = rr_rec_str(r, "scope");
	return sc && !strcmp(sc, "wider");
}

static rr_err collect_results(rr_store *s, const json_t *p, const json_t *trips,
			      const rr_viewer *v, const rr_date *today, json_t *ev, json_t *totals)
{
	json_t *all = NULL, *r, *list = json_array(), *by_theme = json_object(),
	       *by_type = json_object(), *follow = json_array(), *wider = json_array(),
	       *hr = json_array();
	size_t i;
	long long agreements = 0, cents = 0, jobs = 0, inv = 0, inv_known = 0, jobs_known = 0;
	const char *pid = rr_rec_str(p, "id");
	rr_err e;

	if ((e = rr_store_list(s, RR_K_RESULT, rr_rec_str(p, "organisation"), 0, v, &all)))
		goto out;
	json_array_foreach(all, i, r) {
		const char *rp = rr_rec_str(r, "partnership"), *type = rr_rec_str(r, "type");
		const char *theme = rr_rec_str(r, "theme");
		const json_t *amount = json_object_get(r, "amount_eur"), *nj = json_object_get(r, "jobs");
		if (!(rp && !strcmp(rp, pid)) && !trip_in(trips, rr_rec_str(r, "trip")))
			continue;
		if (theme && !strcmp(theme, "human_rights"))
			json_array_append_new(hr, json_pack("{s:O, s:O, s:O?}", "id",
				json_object_get(r, "id"), "title", json_object_get(r, "title"),
				"trip", json_object_get(r, "trip")));
		if (wider_scope(r)) {
			json_array_append(wider, r);
			continue;
		}
		json_array_append(list, r);
		open_follow_ups(r, today, follow);
		if (type && !strcmp(type, "agreement"))
			agreements++;
		if (type && !strcmp(type, "investment")) {
			inv++;
			if (amount) {
				rr_cents_add(&cents, rr_amount_cents(amount));
				inv_known++;
			}
		}
		if (nj) {
			jobs += json_integer_value(nj);
			jobs_known++;
		}
		group_add(by_theme, theme ? theme : "", amount, nj);
		group_add(by_type, type, amount, nj);
	}
	json_object_set_new(ev, "results", list);
	json_object_set_new(ev, "follow_ups_overdue", follow);
	json_object_set_new(ev, "wider_scope", wider);
	json_object_set_new(ev, "human_rights_results", hr);
	list = follow = wider = hr = NULL;
	json_object_set_new(ev, "results_by_theme", groups_to_array(by_theme, "theme"));
	json_object_set_new(ev, "results_by_type", groups_to_array(by_type, "type"));
	json_object_set_new(totals, "results",
			    json_integer((json_int_t)json_array_size(json_object_get(ev, "results"))));
	json_object_set_new(totals, "agreements", json_integer(agreements));
	json_object_set_new(totals, "investments", json_integer(inv));
	json_object_set_new(totals, "investment_eur", inv_known ? eur_in(totals, cents) : json_null());
	json_object_set_new(totals, "investment_known", json_integer(inv_known));
	json_object_set_new(totals, "jobs", jobs_known ? json_integer(jobs) : json_null());
	json_object_set_new(totals, "jobs_known", json_integer(jobs_known));
out:
	json_decref(list);
	json_decref(follow);
	json_decref(wider);
	json_decref(hr);
	json_decref(all);
	json_decref(by_theme);
	json_decref(by_type);
	return e;
}

static int first_event_year(const json_t *p)
{
	json_t *ev;
	size_t i;
	rr_date d = rr_rec_date(p, "since");
	int y = d.prec ? d.y : 0;
	json_array_foreach(json_object_get(p, "events"), i, ev) {
		rr_date e = rr_rec_date(ev, "date");
		if (e.prec && (!y || e.y < y))
			y = e.y;
	}
	return y;
}

static const json_t *budget_of(const json_t *org, int year)
{
	json_t *b;
	size_t i;
	json_array_foreach(json_object_get(org, "budgets"), i, b)
		if (rr_rec_count(b, "year", 0) == year)
			return b;
	return NULL;
}

rr_err rr_evaluate_partnership(rr_store *s, const char *id, const rr_viewer *v,
			       const rr_eval_opts *opts, json_t **out)
{
	json_t *p = NULL, *org = NULL, *trips = NULL, *ev = NULL, *totals, *per_year, *gaps,
	       *costs, *brief_trips, *rights, *hr_trips;
	rr_trip_query q = {0};
	tally *t = NULL;
	int now, from, to, dormant_after;
	rr_date today;
	long long est = 0, act = 0;
	int est_known = 0, act_known = 0;
	size_t late = 0, k;
	const json_t *tr;
	rr_err e;

	*out = NULL;
	if ((e = rr_store_get(s, RR_K_PARTNERSHIP, id, v, &p)))
		return e;
	if ((e = rr_store_get(s, RR_K_ORGANISATION, rr_rec_str(p, "organisation"), v, &org)) &&
	    e != RR_ENOTFOUND)
		goto out;
	q.partnership = id;
	if ((e = rr_store_trips(s, &q, v, &trips, NULL)))
		goto out;
	if (!(t = calloc(1, sizeof *t))) {
		e = RR_ENOMEM;
		goto out;
	}
	now = opts && opts->current_year ? opts->current_year : this_year();
	today = opts && opts->today.prec ? opts->today : rr_today();
	dormant_after = opts && opts->dormant_after_years > 0 ? opts->dormant_after_years : 3;
	ev = json_object();
	totals = json_object();
	brief_trips = json_array();
	rights = json_array();
	hr_trips = json_array();
	json_object_set(ev, "partnership", p);
	tally_trips(t, trips, brief_trips, rights, hr_trips);
	json_object_set_new(ev, "trips", brief_trips);
	json_object_set_new(ev, "rights_and_security", rights);
	json_object_set_new(ev, "human_rights_trips", hr_trips);
	json_array_foreach(trips, k, tr)
		late += rr_trip_report_status(tr, (int)rr_rec_count(org, "report_period_days",
			RR_REPORT_PERIOD_DAYS), &today).state == RR_REPORT_LATE;

	t->first_event = first_event_year(p);
	from = t->first_event && (!t->first || t->first_event < t->first) ? t->first_event : t->first;
	to = now > t->last ? now : t->last;
	if (!in_range(from))
		from = t->first ? t->first : now;
	per_year = json_array();
	gaps = json_array();
	costs = json_array();
	int nout = 0, nin = 0;
	for (int y = from; y <= to && in_range(y); y++) {
		int i = y - YEAR_MIN;
		const json_t *b = budget_of(org, y);
		json_array_append_new(per_year, json_pack("{s:i, s:i, s:i}", "year", y, "out",
							  t->out[i], "in", t->in[i]));
		nout += t->out[i];
		nin += t->in[i];
		if (!t->out[i] && !t->in[i])
			json_array_append_new(gaps, json_integer(y));
		if (t->out[i] || b) {
			json_t *row = json_pack("{s:i, s:i, s:o, s:i, s:o, s:i}", "year", y,
				"delegations_out", t->out[i],
				"estimate_eur", t->est_known[i] ? eur(t->est[i]) : json_null(),
				"estimate_known", t->est_known[i],
				"actual_eur", t->act_known[i] ? eur(t->act[i]) : json_null(),
				"actual_known", t->act_known[i]);
			if (b && json_object_get(b, "amount_eur"))
				json_object_set(row, "budget_eur", json_object_get(b, "amount_eur"));
			if (b && json_object_get(b, "fte"))
				json_object_set(row, "fte", json_object_get(b, "fte"));
			json_array_append_new(costs, row);
		}
		rr_cents_add(&est, t->est[i]);
		rr_cents_add(&act, t->act[i]);
		est_known += t->est_known[i];
		act_known += t->act_known[i];
	}
	json_object_set_new(ev, "per_year", per_year);
	json_object_set_new(ev, "gaps", gaps);
	json_object_set_new(ev, "costs_per_year", costs);
	json_object_set_new(totals, "delegations_out", json_integer(nout));
	json_object_set_new(totals, "delegations_in", json_integer(nin));
	json_object_set_new(totals, "costs_estimate_eur", est_known ? eur_in(totals, est) : json_null());
	json_object_set_new(totals, "costs_actual_eur", act_known ? eur_in(totals, act) : json_null());
	json_object_set_new(totals, "costs_estimate_known", json_integer(est_known));
	json_object_set_new(totals, "costs_actual_known", json_integer(act_known));
	json_object_set_new(totals, "reports_late", json_integer((json_int_t)late));
	json_object_set_new(ev, "totals", totals);
	if ((e = collect_results(s, p, trips, v, &today, ev, totals)))
		goto out;
	json_object_set_new(ev, "last_activity", t->last ? json_integer(t->last) : json_null());
	json_object_set_new(ev, "dormant_after_years", json_integer(dormant_after));
	json_object_set_new(ev, "dormant", json_boolean(!t->last || now - t->last >= dormant_after));
	*out = ev;
	ev = NULL;
out:
	free(t);
	json_decref(ev);
	json_decref(p);
	json_decref(org);
	json_decref(trips);
	return e;
}

static int in_period(const rr_date *d, int from, int to)
{
	if (!from && !to)
		return 1;
	return d->prec && (!from || d->y >= from) && (!to || d->y <= to);
}

/* The totals of a body's trips from the store's sums (store/agg.h): the
 * same object rr_trip_totals gives over those trips. */
static json_t *totals_of_sums(const json_t *sum, const json_t *payers, const char *id)
{
	rr_totals_acc a = {0};
	const json_t *p;
	size_t i;

#define N(k) (json_integer_value(json_object_get(sum, k)))
	a.payers = json_object();
	a.n = (size_t)N("n");
	a.cancelled = (size_t)N("cancelled");
	a.nin = (size_t)N("in");
	a.nout = a.cost_trips = (size_t)N("out");
	a.officials = N("officials");
	a.officials_known = (size_t)N("officials_known");
	rr_cents_add(&a.est, N("est"));
	a.est_known = (size_t)N("est_known");
	rr_cents_add(&a.act, N("act"));
	a.act_known = (size_t)N("act_known");
	a.others = (size_t)N("others");
	a.co2_any = (size_t)N("co2_any");
	a.train = (size_t)N("train");
	a.co2_kg = json_number_value(json_object_get(sum, "co2_kg"));
	a.co2_known = (size_t)N("co2_known");
	a.late = (size_t)N("late");
	a.not_recorded = (size_t)N("not_recorded");
#undef N
	json_array_foreach(payers, i, p)
		if (!strcmp(rr_rec_str(p, "organisation"), id))
			rr_totals_add_payer(&a, rr_rec_str(p, "paid_by"),
					    json_is_true(json_object_get(p, "known")),
					    json_integer_value(json_object_get(p, "cents")));
	return rr_totals_object(&a);
}

/* One body's row, or NULL when it publishes nothing visible to v (counts:
 * the trips v may see per body). sums, payers: rr_store_trip_sums. */
static rr_err compare_row(rr_store *s, const rr_viewer *v, const json_t *o, int from, int to,
			  const json_t *counts, const json_t *sums, const json_t *payers,
			  json_t **row)
{
	const char *id = rr_rec_str(o, "id");
	json_t *parts = NULL, *results = NULL, *x, *b, *latest = NULL;
	const json_t *sum = NULL;
	size_t j, nres = 0, budget_years = 0;
	long long budget = 0;
	rr_err e;

	*row = NULL;
	if (json_integer_value(json_object_get(counts, id)) <= 0)
		return RR_OK; /* a partner, a company, or a body with an empty register */
	if ((e = rr_store_list(s, RR_K_PARTNERSHIP, id, 0, v, &parts)) ||
	    (e = rr_store_list(s, RR_K_RESULT, id, 0, v, &results)))
		goto out;
	json_array_foreach(sums, j, x)
		if (!strcmp(rr_rec_str(x, "organisation"), id))
			sum = x;
	json_array_foreach(results, j, x) {
		rr_date d = rr_rec_date(x, "date");
		nres += (size_t)in_period(&d, from, to);
	}
	*row = totals_of_sums(sum, payers, id);
	json_object_set_new(*row, "organisation", json_string(id));
	json_object_set(*row, "name", json_object_get(o, "name"));
	json_object_set_new(*row, "third_party_paid",
			    json_integer(json_integer_value(json_object_get(*row, "paid_by_others"))));
	json_object_set_new(*row, "partnerships", json_integer((json_int_t)json_array_size(parts)));
	json_object_set_new(*row, "results", json_integer((json_int_t)nres));
	json_array_foreach(json_object_get(o, "budgets"), j, b) {
		json_int_t y = rr_rec_count(b, "year", 0);
		rr_date d = rr_date_year((int)y);
		if (!in_period(&d, from, to))
			continue;
		if (json_object_get(b, "amount_eur")) {
			rr_cents_add(&budget, rr_amount_cents(json_object_get(b, "amount_eur")));
			budget_years++;
		}
		if (!latest || y > rr_rec_count(latest, "year", 0))
			latest = b;
	}
	json_object_set_new(*row, "budget_eur", budget_years ? eur(budget) : json_null());
	json_object_set_new(*row, "budget_years_known", json_integer((json_int_t)budget_years));
	if (latest) {
		json_object_set(*row, "budget_year", json_object_get(latest, "year"));
		json_object_set(*row, "fte", json_object_get(latest, "fte") ?
				json_object_get(latest, "fte") : json_null());
	} else {
		json_object_set_new(*row, "fte", json_null());
	}
out:
	json_decref(parts);
	json_decref(results);
	return e;
}

rr_err rr_compare_bodies(rr_store *s, const rr_viewer *v, int from, int to, json_t **out)
{
	json_t *orgs = NULL, *o, *res = json_array(), *counts = NULL, *sums = NULL, *payers = NULL;
	rr_date today = rr_today();
	size_t i;
	rr_err e;

	*out = NULL;
	/* sums kept per trip by the store (store/agg.h), not the trips */
	if ((e = rr_store_list(s, RR_K_ORGANISATION, NULL, 0, v, &orgs)) ||
	    (e = rr_store_trip_counts(s, v, &counts)) ||
	    (e = rr_store_trip_sums(s, v, from, to, rr_date_first(&today), &sums, &payers)))
		goto out;
	json_array_foreach(orgs, i, o) {
		json_t *row = NULL;
		if ((e = compare_row(s, v, o, from, to, counts, sums, payers, &row)))
			goto out;
		if (row)
			json_array_append_new(res, row);
	}
	*out = res;
	res = NULL;
out:
	json_decref(res);
	json_decref(orgs);
	json_decref(counts);
	json_decref(sums);
	json_decref(payers);
	return e;
}

/* Euros as 1234.50, or "" when unknown (null or absent). */
static void csv_eur(char *out, size_t n, const json_t *v)
{
	long long c;
	out[0] = '\0';
	if (!v || json_is_null(v))
		return;
	c = rr_amount_cents(v);
	snprintf(out, n, "%lld.%02lld", c / 100, c % 100);
}

rr_err rr_evaluation_csv(rr_buf *out, const json_t *ev)
{
	json_t *row;
	size_t i;
	char n[3][32];

	rr_buf_addstr(out, "year,delegations_out,delegations_in,costs_estimate_eur,costs_actual_eur\r\n");
	json_array_foreach(json_object_get(ev, "per_year"), i, row) {
		json_int_t y = json_integer_value(json_object_get(row, "year"));
		json_t *c;
		size_t j;
		n[1][0] = n[2][0] = '\0';
		json_array_foreach(json_object_get(ev, "costs_per_year"), j, c)
			if (json_integer_value(json_object_get(c, "year")) == y) {
				csv_eur(n[1], sizeof n[1], json_object_get(c, "estimate_eur"));
				csv_eur(n[2], sizeof n[2], json_object_get(c, "actual_eur"));
			}
		snprintf(n[0], sizeof n[0], "%lld", (long long)y);
		rr_buf_printf(out, "%s,%lld,%lld,%s,%s\r\n", n[0],
			      (long long)json_integer_value(json_object_get(row, "out")),
			      (long long)json_integer_value(json_object_get(row, "in")), n[1], n[2]);
	}
	rr_buf_addstr(out, "\r\nresult_id,title,type,theme,date,amount_eur,jobs,trip,scope\r\n");
	for (int pass = 0; pass < 2; pass++) {
		json_array_foreach(json_object_get(ev, pass ? "wider_scope" : "results"), i, row) {
			char amt[32], jobs[32] = "";
			csv_eur(amt, sizeof amt, json_object_get(row, "amount_eur"));
			if (json_object_get(row, "jobs"))
				snprintf(jobs, sizeof jobs, "%lld", rr_rec_count(row, "jobs", 0));
			rr_csv_field(out, rr_rec_str(row, "id"), 1);
			rr_csv_field(out, rr_rec_str(row, "title"), 0);
			rr_csv_field(out, rr_rec_str(row, "type"), 0);
			rr_csv_field(out, rr_rec_str(row, "theme"), 0);
			rr_csv_field(out, rr_rec_str(row, "date"), 0);
			rr_csv_field(out, amt, 0);
			rr_csv_field(out, jobs, 0);
			rr_csv_field(out, rr_rec_str(row, "trip"), 0);
			rr_csv_field(out, pass ? "wider" : "partnership", 0);
			rr_buf_addstr(out, "\r\n");
		}
	}
	return rr_buf_err(out);
}
