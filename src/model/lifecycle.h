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
 * else start) plus period_days. RR_PREC_NONE when the trip has no day-
 * precise return date or is not outgoing. */
rr_date rr_trip_report_due(const json_t *trip, int period_days);
/* Days the report is late on today (> 0), or 0 when it is not late: it was
 * filed, the trip did not take place, or the due date has not passed. */
long rr_trip_days_overdue(const json_t *trip, int period_days, const rr_date *today);

/* What is missing from a trip, as a new array of {"field","message"} in
 * Dutch, for editors to fix (missing purpose, costs, officials count, a
 * report after return, a decision before departure, ...). */
json_t *rr_trip_completeness(const json_t *trip, int period_days, const rr_date *today);

/* Where request and report differ: a new array of {"field","planned",
 * "actual"} for dates, officials, travellers and costs. */
json_t *rr_trip_differences(const json_t *trip);

/* Today's date (UTC). */
rr_date rr_today(void);

#endif
