/* adminkit.h - pieces the signed-in pages share (page_admin.c,
 * page_trip_edit.c, page_trip_action.c, page_gift_edit.c, page_audit.c):
 * forms with the session's CSRF token, error summaries, field diffs of the
 * audit log, and the one way to save a record.
 *
 * Every write goes through ak_save: rr_record_normalise, the actor
 * "user:NAME" on the store, then rr_load_document (references, status
 * transitions, all or nothing). The rules stay in the model and the loader.
 *
 * Memory: nothing here keeps a pointer past the call. */
#ifndef RR_WEB_ADMINKIT_H
#define RR_WEB_ADMINKIT_H

#include <jansson.h>

#include "auth/auth.h"
#include "nl/date.h"
#include "model/schema.h"
#include "web/form.h"
#include "web/pages.h"

/* 403 page ("Geen toegang"). Returns RR_OK so a handler can return it. */
rr_err ak_forbidden(rr_resp *o);
/* 303 to /inloggen for someone who is not signed in. */
rr_err ak_need_login(rr_resp *o);

/* <form method="post" action=ACTION> with the hidden csrf field; close it
 * with html_close(h, "form"). action is a local path (escaped). */
void ak_form_begin(html *h, const rr_req *r, const char *action);
/* A labelled input; type a literal ("text", "date", "number", "password");
 * value may be NULL. id = name. */
#define ak_input(h, type, name, label, value, hint) \
	ak_input_((h), "" type "", (name), (label), (value), (hint))
void ak_input_(html *h, const char *type, const char *name, const char *label,
	       const char *value, const char *hint);
void ak_textarea(html *h, const char *name, const char *label, const char *value,
		 const char *hint);
/* A select of values (NULL-terminated) with Dutch labels (same length, or
 * NULL: the values); selected may be NULL. With an empty first option when
 * optional. */
void ak_select(html *h, const char *name, const char *label, const char *const *values,
	       const char *const *labels, const char *selected, bool optional);
void ak_submit(html *h, const char *label);

/* The problems of d as an error summary (role="alert"), nothing if none. */
void ak_errors(html *h, const rr_diag *d);

/* A form value, or NULL when absent or empty. */
const char *ak_val(const rr_req *r, const char *key);
/* A day-precise date from a form value; false with a message in d naming
 * the field when it is missing (required) or wrong. RR_PREC_NONE when
 * optional and empty. */
bool ak_date(const rr_req *r, const char *key, const char *label, bool required,
	     rr_date *out, rr_diag *d);
/* Euros as typed ("1.234,50", "1234.5", "€ 10"): cents, or -1 if bad. */
long long ak_euros(const char *s);

/* The body's report period (organisation.report_period_days, else 42). */
int ak_report_period(rr_store *s, const char *org);

/* Normalises rec as kind k, records the actor "user:NAME" and loads it (one
 * record, all or nothing). On RR_EINVAL/RR_ECONFLICT d says why and
 * nothing was written. */
rr_err ak_save(rr_req *r, rr_kind k, const json_t *rec, rr_diag *d);

/* The audit entries (rr_store_audit) as a table: when, who, what, and per
 * changed field before -> after. */
void ak_audit_table(html *h, const json_t *entries);

/* page_trip_edit.c: the editors' page of trip (loaded with the system
 * viewer), with d's problems on top and HTTP status (422 after a refused
 * action). */
rr_err ak_trip_page(rr_req *r, rr_resp *o, const json_t *trip, const rr_diag *d,
		    int status);
/* Lines of a textarea into records (page_trip_edit.c), adding problems to
 * d with the field name: "CC Stad" -> destinations; "Naam; rol" ->
 * travellers; "categorie; bedrag; betaald door" -> costs of kind. New
 * arrays (possibly empty). */
json_t *ak_destinations(const char *text, rr_diag *d);
json_t *ak_travellers(const char *text, rr_diag *d);
json_t *ak_costs(const char *text, const char *kind, const char *org, rr_diag *d);
/* page_trip_fields.c: the descriptive fields of a trip as one form, shared
 * by the new request and the correction page. The form's values are an
 * object of form texts (and "thema", an array): of the request, or of a
 * stored trip. AK_TF_EDIT adds the planned travellers next to the
 * travellers and makes the planned start optional; AK_TF_REPORTED says at
 * the planned fields that they are the request's values. */
enum { AK_TF_EDIT = 1, AK_TF_REPORTED = 2 };
json_t *ak_trip_form_of_req(const rr_req *r);
json_t *ak_trip_form_of_trip(const json_t *trip);
void ak_trip_form_fields(html *h, const json_t *values, unsigned flags);
/* Replaces the descriptive fields of t (which keeps every other field) by
 * the form's, adding problems with the field names to d; *planned_start
 * is the planned start (RR_PREC_NONE when empty). */
void ak_trip_form_parse(const rr_req *r, json_t *t, unsigned flags, rr_date *planned_start,
			rr_diag *d);
/* Loads trip id for a signed-in user: RR_ENOTFOUND (404) when the user may
 * not even see it; a 403 page in o and *denied when the user sees it but
 * lacks cap. On RR_OK without *denied, *t is a new reference to the whole
 * record (read as the system). */
rr_err ak_load_trip(rr_req *r, rr_resp *o, const char *id, rr_cap cap, json_t **t,
		    bool *denied);
/* page_trip_action.c: one small form per lifecycle step the user may take. */
void ak_trip_action_forms(html *h, const rr_req *r, const json_t *trip);

/* --- partnerships, results, budgets (page_partnership_edit.c,
 * page_result_edit.c, page_budget_edit.c) */

/* Loads record id of kind k for a signed-in user, like ak_load_trip: 404
 * when invisible, a 403 page and *denied without cap for its body. */
rr_err ak_load_rec(rr_req *r, rr_resp *o, rr_kind k, const char *id, rr_cap cap,
		   json_t **rec, bool *denied);
/* A new id "{org}-{slug of text}" (plus "-2", "-3", ... when taken) of kind
 * k into out (n >= 120 bytes). */
rr_err ak_new_id(rr_req *r, rr_kind k, const char *org, const char *text, char *out,
		 size_t n);
/* Sets rec[key] to the string v, or removes key when v is NULL. */
void ak_set(json_t *rec, const char *key, const char *v);
/* A group of checkboxes (fieldset and legend) of values with labels from
 * label(value); the checked ones are the strings in the array checked. */
void ak_checkboxes(html *h, const char *name, const char *legend,
		   const char *const *values, const char *(*label)(const char *),
		   const json_t *checked);
/* A string, whole or real number as form text into out ("" when absent);
 * euros with a decimal comma (1234,50). */
void ak_text_of(char *out, size_t n, const json_t *v);

/* page_admin_records.c: on /beheer, a body's partnerships, results and
 * overdue follow-up actions, with links to their forms and the budget page. */
void ak_body_records(rr_req *r, html *h, const char *org);

#endif
