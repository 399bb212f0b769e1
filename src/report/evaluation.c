/* evaluation.c - the evaluation of a partnership (see evaluation.h). */
#include "evaluation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../model/lifecycle.h"
#include "../model/record.h"
#include "../util/buf.h"
#include "csv.h"

#define YEAR_MIN 1900
#define YEAR_MAX 2100
#define NYEARS (YEAR_MAX - YEAR_MIN + 1)

typedef struct tally {
	int out[NYEARS], in[NYEARS];
	long long est[NYEARS], act[NYEARS];
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

static void add_costs(tally *t, int y, const json_t *trip)
{
	long long est = rr_trip_cost(trip, "estimate"), act = rr_trip_cost(trip, "actual");
	if (est > 0)
		rr_cents_add(&t->est[y - YEAR_MIN], est);
	if (act > 0)
		rr_cents_add(&t->act[y - YEAR_MIN], act);
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

static void tally_trips(tally *t, const json_t *trips, json_t *out_trips, json_t *rights)
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
		json_array_foreach(json_object_get(trip, "rights_and_security"), j, r) {
			json_t *item = json_deep_copy(r);
			json_object_set_new(item, "trip", json_string(rr_rec_str(trip, "id")));
			json_object_set(item, "trip_title", json_object_get(trip, "title"));
			json_array_append_new(rights, item);
		}
		if (!d.prec || !in_range(d.y) || !took_place(trip))
			continue;
		if (dir && !strcmp(dir, "in"))
			t->in[d.y - YEAR_MIN]++;
		else
			t->out[d.y - YEAR_MIN]++;
		add_costs(t, d.y, trip);
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

/* Adds n, cents and jobs to the group named key in obj {key: {count,...}}. */
static void group_add(json_t *obj, const char *key, long long cents, long long jobs)
{
	json_t *g = json_object_get(obj, key);
	if (!g) {
		g = json_pack("{s:i, s:I, s:I}", "count", 0, "cents", (json_int_t)0,
			      "jobs", (json_int_t)0);
		json_object_set_new(obj, key, g);
	}
	json_object_set_new(g, "count", json_integer(json_integer_value(json_object_get(g, "count")) + 1));
	long long sum = json_integer_value(json_object_get(g, "cents"));
	rr_cents_add(&sum, cents > 0 ? cents : 0);
	json_object_set_new(g, "cents", json_integer(sum));
	json_object_set_new(g, "jobs", json_integer(json_integer_value(json_object_get(g, "jobs")) + jobs));
}

/* {key: {count,cents,jobs}} -> [{name: key, count, amount_eur, jobs}] sorted by key */
static json_t *groups_to_array(json_t *obj, const char *name)
{
	json_t *arr = json_array(), *g;
	const char *key;
	void *iter;
	const char **keys;
	size_t n = json_object_size(obj), i = 0;

	keys = calloc(n ? n : 1, sizeof *keys);
	if (!keys)
		return arr;
	json_object_foreach(obj, key, g)
		keys[i++] = key;
	for (size_t a = 1; a < n; a++)
		for (size_t b = a; b > 0 && strcmp(keys[b - 1], keys[b]) > 0; b--) {
			const char *tmp = keys[b];
			keys[b] = keys[b - 1];
			keys[b - 1] = tmp;
		}
	for (i = 0; i < n; i++) {
		g = json_object_get(obj, keys[i]);
		json_t *row = json_pack("{s:s, s:O, s:O}", name, keys[i], "count",
			json_object_get(g, "count"), "jobs", json_object_get(g, "jobs"));
		json_object_set_new(row, "amount_eur",
				    eur_in(row, json_integer_value(json_object_get(g, "cents"))));
		json_array_append_new(arr, row);
	}
	(void)iter;
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

static rr_err collect_results(rr_store *s, const json_t *p, const json_t *trips,
			      const rr_viewer *v, const rr_date *today, json_t *ev, json_t *totals)
{
	json_t *all = NULL, *r, *list = json_array(), *by_theme = json_object(),
	       *by_type = json_object(), *follow = json_array();
	size_t i;
	long long agreements = 0, cents = 0, jobs = 0;
	const char *pid = rr_rec_str(p, "id");
	rr_err e;

	if ((e = rr_store_list(s, RR_K_RESULT, rr_rec_str(p, "organisation"), 0, v, &all)))
		goto out;
	json_array_foreach(all, i, r) {
		const char *rp = rr_rec_str(r, "partnership"), *type = rr_rec_str(r, "type");
		long long c = rr_amount_cents(json_object_get(r, "amount_eur"));
		long long j = rr_rec_count(r, "jobs", 0);
		if (!(rp && !strcmp(rp, pid)) && !trip_in(trips, rr_rec_str(r, "trip")))
			continue;
		json_array_append(list, r);
		open_follow_ups(r, today, follow);
		if (type && !strcmp(type, "agreement"))
			agreements++;
		if (type && !strcmp(type, "investment"))
			rr_cents_add(&cents, c);
		jobs += j;
		group_add(by_theme, rr_rec_str(r, "theme") ? rr_rec_str(r, "theme") : "unknown", c, j);
		group_add(by_type, type, c, j);
	}
	json_object_set_new(ev, "results", list);
	json_object_set_new(ev, "follow_ups_overdue", follow);
	list = follow = NULL;
	json_object_set_new(ev, "results_by_theme", groups_to_array(by_theme, "theme"));
	json_object_set_new(ev, "results_by_type", groups_to_array(by_type, "type"));
	json_object_set_new(totals, "results",
			    json_integer((json_int_t)json_array_size(json_object_get(ev, "results"))));
	json_object_set_new(totals, "agreements", json_integer(agreements));
	json_object_set_new(totals, "investment_eur", eur_in(totals, cents));
	json_object_set_new(totals, "jobs", json_integer(jobs));
out:
	json_decref(list);
	json_decref(follow);
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
	       *costs, *brief_trips, *rights;
	rr_trip_query q = {0};
	tally *t = NULL;
	int now, from, to, dormant_after;
	rr_date today;
	long long est = 0, act = 0;
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
	json_object_set(ev, "partnership", p);
	tally_trips(t, trips, brief_trips, rights);
	json_object_set_new(ev, "trips", brief_trips);
	json_object_set_new(ev, "rights_and_security", rights);

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
		if (t->est[i] || t->act[i] || b) {
			json_t *row = json_pack("{s:i}", "year", y);
			json_object_set_new(row, "estimate_eur", eur_in(row, t->est[i]));
			json_object_set_new(row, "actual_eur", eur_in(row, t->act[i]));
			if (b && json_object_get(b, "amount_eur"))
				json_object_set(row, "budget_eur", json_object_get(b, "amount_eur"));
			if (b && json_object_get(b, "fte"))
				json_object_set(row, "fte", json_object_get(b, "fte"));
			json_array_append_new(costs, row);
		}
		rr_cents_add(&est, t->est[i]);
		rr_cents_add(&act, t->act[i]);
	}
	json_object_set_new(ev, "per_year", per_year);
	json_object_set_new(ev, "gaps", gaps);
	json_object_set_new(ev, "costs_per_year", costs);
	json_object_set_new(totals, "delegations_out", json_integer(nout));
	json_object_set_new(totals, "delegations_in", json_integer(nin));
	json_object_set_new(totals, "costs_estimate_eur", eur_in(totals, est));
	json_object_set_new(totals, "costs_actual_eur", eur_in(totals, act));
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

rr_err rr_compare_bodies(rr_store *s, const rr_viewer *v, json_t **out)
{
	json_t *orgs = NULL, *o, *res = json_array();
	size_t i;
	rr_err e;

	*out = NULL;
	if ((e = rr_store_list(s, RR_K_ORGANISATION, NULL, 0, v, &orgs)))
		goto out;
	json_array_foreach(orgs, i, o) {
		const char *id = rr_rec_str(o, "id");
		rr_trip_query q = {0};
		json_t *trips = NULL, *parts = NULL, *results = NULL, *tr, *b, *latest = NULL;
		size_t j, nout = 0, nin = 0, third = 0;
		long long est = 0, act = 0;
		q.organisation = id;
		if ((e = rr_store_trips(s, &q, v, &trips, NULL)) ||
		    (e = rr_store_list(s, RR_K_PARTNERSHIP, id, 0, v, &parts)) ||
		    (e = rr_store_list(s, RR_K_RESULT, id, 0, v, &results))) {
			json_decref(trips);
			json_decref(parts);
			goto out;
		}
		json_array_foreach(trips, j, tr) {
			const char *dir = rr_rec_str(tr, "direction");
			if (dir && !strcmp(dir, "in"))
				nin++;
			else
				nout++;
			long long te = rr_trip_cost(tr, "estimate"), ta = rr_trip_cost(tr, "actual");
			rr_cents_add(&est, te > 0 ? te : 0);
			rr_cents_add(&act, ta > 0 ? ta : 0);
			third += (size_t)rr_trip_paid_by_other(tr);
		}
		json_array_foreach(json_object_get(o, "budgets"), j, b)
			if (!latest || rr_rec_count(b, "year", 0) > rr_rec_count(latest, "year", 0))
				latest = b;
		if (!json_array_size(trips) && !json_array_size(parts) && !latest) {
			json_decref(trips);
			json_decref(parts);
			json_decref(results);
			continue; /* a foreign body or company, not a publishing body */
		}
		json_t *row = json_pack("{s:s, s:O, s:I, s:I, s:I, s:I, s:o, s:o, s:I}", "organisation",
			id, "name", json_object_get(o, "name"), "trips", (json_int_t)json_array_size(trips),
			"trips_out", (json_int_t)nout, "trips_in", (json_int_t)nin, "third_party_paid",
			(json_int_t)third, "costs_estimate_eur", eur(est), "costs_actual_eur", eur(act),
			"partnerships", (json_int_t)json_array_size(parts));
		if (est == RR_CENTS_OVERFLOW || act == RR_CENTS_OVERFLOW)
			json_object_set_new(row, "overflow", json_true());
		json_object_set_new(row, "results", json_integer((json_int_t)json_array_size(results)));
		if (latest) {
			json_object_set(row, "budget_year", json_object_get(latest, "year"));
			if (json_object_get(latest, "amount_eur"))
				json_object_set(row, "budget_eur", json_object_get(latest, "amount_eur"));
			if (json_object_get(latest, "fte"))
				json_object_set(row, "fte", json_object_get(latest, "fte"));
		}
		json_array_append_new(res, row);
		json_decref(trips);
		json_decref(parts);
		json_decref(results);
	}
	*out = res;
	res = NULL;
out:
	json_decref(res);
	json_decref(orgs);
	return e;
}

rr_err rr_evaluation_csv(rr_buf *out, const json_t *ev)
{
	json_t *row;
	size_t i;
	char n[3][32];

	rr_buf_addstr(out, "year,delegations_out,delegations_in,costs_estimate_eur,costs_actual_eur\r\n");
	json_array_foreach(json_object_get(ev, "per_year"), i, row) {
		json_int_t y = json_integer_value(json_object_get(row, "year"));
		long long e = 0, a = 0;
		json_t *c;
		size_t j;
		json_array_foreach(json_object_get(ev, "costs_per_year"), j, c)
			if (json_integer_value(json_object_get(c, "year")) == y) {
				e = json_is_number(json_object_get(c, "estimate_eur")) ?
				    rr_amount_cents(json_object_get(c, "estimate_eur")) : -1;
				a = json_is_number(json_object_get(c, "actual_eur")) ?
				    rr_amount_cents(json_object_get(c, "actual_eur")) : -1;
			}
		snprintf(n[0], sizeof n[0], "%lld", (long long)y);
		/* an overflowed sum is left empty (unknown), never a wrong number */
		if (e >= 0)
			snprintf(n[1], sizeof n[1], "%lld.%02lld", e / 100, e % 100);
		else
			n[1][0] = '\0';
		if (a >= 0)
			snprintf(n[2], sizeof n[2], "%lld.%02lld", a / 100, a % 100);
		else
			n[2][0] = '\0';
		rr_buf_printf(out, "%s,%lld,%lld,%s,%s\r\n", n[0],
			      (long long)json_integer_value(json_object_get(row, "out")),
			      (long long)json_integer_value(json_object_get(row, "in")), n[1], n[2]);
	}
	rr_buf_addstr(out, "\r\nresult_id,title,type,theme,date,amount_eur,jobs,trip\r\n");
	json_array_foreach(json_object_get(ev, "results"), i, row) {
		char amt[32] = "", jobs[32] = "";
		json_t *a = json_object_get(row, "amount_eur");
		if (a) {
			long long c = rr_amount_cents(a);
			snprintf(amt, sizeof amt, "%lld.%02lld", c / 100, c % 100);
		}
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
		rr_buf_addstr(out, "\r\n");
	}
	return rr_buf_err(out);
}
