/* lifecycle.h - the steps of a trip, its report deadline and completeness.
 *
 * draft -> requested -> coordinated (each step dated) -> approved/rejected
 * (college meeting date) -> completed or cancelled (reason) -> reported.
 * Each step function changes a normalised trip in place, or refuses with a
 * message in d and leaves it as it was. Publication is separate from the
 * status: rr_trip_publish sets "public". */
#ifndef RR_LIFECYCLE_H
#define RR_LIFECYCLE_H

#include <jansson.h>

#include "../util/err.h"
#include "../nl/date.h"

#define RR_REPORT_PERIOD_DAYS 42 /* six weeks after return */

/* Requests it (from draft or rejected); date, if given, becomes "requested". */
rr_err rr_trip_request(json_t *trip, const rr_date *date, rr_diag *d);
/* Adds a coordination step ("internationale zaken", "burgemeester") on date. */
rr_err rr_trip_coordinate(json_t *trip, const char *with, const rr_date *date, rr_diag *d);
/* The college's decision (an rr_outcome_values value) on its meeting date:
 * approved (conform) and approved_with_conditions make the trip approved,
 * rejected rejected; deferred (aangehouden) keeps it waiting. Number, text
 * and document are set on trip.decision by the caller. */
rr_err rr_trip_decide(json_t *trip, const char *outcome, const rr_date *date, rr_diag *d);
/* The trip took place: actual start and end (NULL keeps the planned ones). */
rr_err rr_trip_complete(json_t *trip, const rr_date *start, const rr_date *end, rr_diag *d);
/* True for the outcomes after which the trip may go ahead. */
int rr_outcome_goes_ahead(const char *outcome);
rr_err rr_trip_cancel(json_t *trip, const char *reason, const rr_date *date, rr_diag *d);
/* Files the report (Markdown) on date; the trip becomes reported. */
rr_err rr_trip_file_report(json_t *trip, const char *text, const rr_date *date, rr_diag *d);
void rr_trip_publish(json_t *trip, int public_);

/* The rules of time, against today: a trip is recorded as taken place
 * (completed, reported) only once it has ended (end, else start); a report
 * is not submitted, a request not made and a decision not taken in the
 * future; a decision is not taken before the request. Messages in Dutch,
 * each naming its field ("end", "report.submitted", "decision.date",
 * "requested"); RR_EINVAL when one is broken. The loader applies them to
 * every trip it writes, so the forms, the API and `load` all obey them. */
rr_err rr_trip_check_times(const json_t *trip, const rr_date *today, rr_diag *d);

/* The report's due date: report.due if set, else the return date (end,
 * else start) plus period_days. A return date of reduced precision counts
 * from its last day ("september 2016" from 30 September). RR_PREC_NONE when
 * the trip has no return date or is not outgoing. */
rr_date rr_trip_report_due(const json_t *trip, int period_days);

/* Where a trip stands with its report: the one definition of "late" that
 * the pages, the API, /beheer and the evaluation use.
 *   RR_REPORT_NOT_DUE       no report is expected (yet): an incoming
 *                           delegation, a draft, a cancelled or rejected
 *                           trip, a trip still ahead or under way
 *   RR_REPORT_PENDING       it took place; the period has not passed
 *   RR_REPORT_LATE          it took place (completed), the return date plus
 *                           the body's period has passed, and there is no
 *                           report
 *   RR_REPORT_FILED         there is a report: report.submitted, text or
 *                           document (a later document that reports on the
 *                           trip, such as a letter on its results, counts,
 *                           dated by that document), or status reported
 *   RR_REPORT_NOT_RECORDED  requested, coordinated or approved and its
 *                           dates have passed, but it was never recorded as
 *                           taken place: a signal for editors ("uitvoering
 *                           niet vastgelegd"), not a late report */
typedef enum {
	RR_REPORT_NOT_DUE = 0,
	RR_REPORT_PENDING,
	RR_REPORT_LATE,
	RR_REPORT_FILED,
	RR_REPORT_NOT_RECORDED
} rr_report_state;

typedef struct rr_report_status {
	rr_report_state state;
	rr_date due;     /* the due date, RR_PREC_NONE when none applies */
	rr_date filed;   /* FILED: report.submitted, when known */
	long days_late;  /* LATE: days past due on today; FILED: days the report
			    came after its due date (0 when on time or unknown) */
} rr_report_status;

rr_report_status rr_trip_report_status(const json_t *trip, int period_days,
				       const rr_date *today);
/* rr_trip_report_status's days_late when LATE, else 0. */
long rr_trip_days_overdue(const json_t *trip, int period_days, const rr_date *today);
/* Did the trip take place (status completed or reported)? */
int rr_trip_took_place(const json_t *trip);

/* What is missing from a trip, as a new array of {"field","message"} in
 * Dutch, for editors to fix (missing purpose, costs, officials count, a
 * report after return, a decision before departure, ...). */
json_t *rr_trip_completeness(const json_t *trip, int period_days, const rr_date *today);

/* Where request and report differ, quantified: a new array of
 *   {"field":"start"|"end", "planned", "actual", "days"}   (+ later, - earlier)
 *   {"field":"accompanying_officials", "planned", "actual", "delta"}
 *   {"field":"travellers", "planned", "actual", "added":[names], "removed":[names]}
 *   {"field":"costs_eur", "planned", "actual", "delta_eur", "percent"}
 * Planned values come only from the request (planned_*, cost estimates);
 * actual dates, officials and travellers only from a trip that took place
 * (status completed or reported); actual costs from the lines so marked. "days" is present when both dates are precise to the day,
 * "percent" when the estimate is not 0. A field without both values is
 * not listed. */
json_t *rr_trip_differences(const json_t *trip);

/* Today's date (UTC). */
rr_date rr_today(void);

#endif
