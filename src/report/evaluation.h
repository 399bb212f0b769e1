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
 *   results, agreements, investment_eur, jobs, costs_estimate_eur,
 *   costs_actual_eur}, results_by_theme, results_by_type, results, trips,
 *   costs_per_year [{year, estimate_eur, actual_eur, budget_eur, fte}],
 *   gaps [years without a delegation], last_activity, dormant,
 *   dormant_after_years, rights_and_security [...], follow_ups_overdue
 *   [{action, owner, due, status, result, result_title, days_overdue}].
 * RR_ENOTFOUND when v may not see the partnership. */
rr_err rr_evaluate_partnership(rr_store *s, const char *id, const rr_viewer *v,
			       const rr_eval_opts *opts, json_t **out);

/* The bodies side by side: per organisation with trips, trips out/in,
 * third-party paid trips, costs (estimate, actual), partnerships, results,
 * and the latest budget and FTE. New JSON array. */
rr_err rr_compare_bodies(rr_store *s, const rr_viewer *v, json_t **out);

/* The per_year array of an evaluation as CSV (year,out,in), and the whole
 * evaluation's results as CSV; appended to out. */
struct rr_buf;
rr_err rr_evaluation_csv(struct rr_buf *out, const json_t *evaluation);

#endif
