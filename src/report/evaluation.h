/* evaluation.h - what a relation yielded, derived from the register.
 *
 * Never typed in: computed from a partnership, the trips linked to it, the
 * results linked to it or to its trips, and the body's budgets. Everything
 * goes through the store with the caller's viewer, so an anonymous
 * evaluation counts only published records. */
#ifndef RR_EVALUATION_H
#define RR_EVALUATION_H

#include <jansson.h>

#include "../nl/date.h"
#include "../store/store.h"

typedef struct rr_eval_opts {
	int dormant_after_years; /* no delegation for this many years: dormant (default 3) */
	int current_year;        /* "now", for gaps and dormancy (0: this year) */
	rr_date today;           /* for overdue follow-ups (RR_PREC_NONE: today) */
} rr_eval_opts;

/* The evaluation of partnership id as a new JSON object:
 *   partnership, per_year [{year,out,in}] (every year from the first event or
 *   delegation to the current year), totals {delegations_out, delegations_in,
 *   results, agreements, investments, investment_eur, investment_known,
 *   jobs, jobs_known, costs_estimate_eur, costs_estimate_known,
 *   costs_actual_eur, costs_actual_known, reports_late}, results_by_theme
 *   and results_by_type [{theme|type (null: none), count, amount_eur,
 *   amount_known, jobs, jobs_known}], results, wider_scope (results whose
 *   figures cover more than this relation, scope "wider": listed, never
 *   summed), trips, costs_per_year [{year, delegations_out, estimate_eur,
 *   estimate_known, actual_eur, actual_known, budget_eur, fte}], gaps
 *   [years without a delegation], last_activity, dormant,
 *   dormant_after_years, rights_and_security [...], human_rights_trips and
 *   human_rights_results [{id, title}] (tagged with the theme),
 *   follow_ups_overdue [{action, owner, due, status, result, result_title,
 *   days_overdue}].
 * Unknown is not zero: a sum no record states is null, and each says how
 * many records state it (*_known).
 * RR_ENOTFOUND when v may not see the partnership. */
rr_err rr_evaluate_partnership(rr_store *s, const char *id, const rr_viewer *v,
			       const rr_eval_opts *opts, json_t **out);

/* The bodies side by side, over the years from..to (0 for either: open):
 * per body with a trip v may see, rr_trip_totals (totals.h) of its trips
 * that started in the period, plus organisation, name, third_party_paid,
 * partnerships, results (dated in the period), budget_eur (the sum of the
 * period's budgets, null when none states one), budget_years_known,
 * budget_year and fte (the latest year in the period). New JSON array. */
rr_err rr_compare_bodies(rr_store *s, const rr_viewer *v, int from, int to, json_t **out);

/* The per_year array of an evaluation as CSV (year,out,in), and the whole
 * evaluation's results as CSV; appended to out. */
struct rr_buf;
rr_err rr_evaluation_csv(struct rr_buf *out, const json_t *evaluation);

#endif
