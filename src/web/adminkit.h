/* adminkit.h - pieces the signed-in pages share (page_admin.c,
 * page_trip_*.c, page_gift_edit.c, page_partnership_edit.c,
 * page_result_edit.c, page_budget_edit.c, page_users.c, page_audit.c):
 * forms in the NL Design System layout with their hidden fields, field
 * errors and the error summary, confirmations after a save, the audit log
 * for people, and the one way to save or delete a record.
 *
 * A form field is a label above its field, a hint under the label, the
 * field, and the Dutch message about it under the field; the summary at the
 * top of the page links to every field with a problem (rr_diag_add_at with
 * the field's name). Every write goes through ak_save, ak_create or
 * ak_delete (ak_save.c): rr_record_normalise, the actor "user:NAME", then,
 * in one transaction, the version the form was read at, and the loader
 * (references, status transitions, the rules of time, all or nothing).
 *
 * Memory: nothing here keeps a pointer past the call; an ak_form borrows its
 * html writer, request and diagnostics for as long as the form is written. */
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

/* --- forms */

typedef struct ak_form {
	html *h;
	const rr_req *r;
	const rr_diag *d; /* problems shown at their fields, or NULL */
} ak_form;

/* <form method="post" action=ACTION class="rr-form"> with every hidden field
 * a write needs, written here and nowhere else: the session's CSRF token
 * and "versie", the version of rec (the record the form was read from; NULL
 * for a new one; see ak_form_version). action is a local path. Close with
 * ak_form_end. */
void ak_form_begin(ak_form *f, html *h, const rr_req *r, const rr_diag *d, const char *action,
		   const json_t *rec);
void ak_form_end(ak_form *f);
/* A labelled field; type a literal ("text", "date", "number", "url",
 * "password", "email"); value and hint may be NULL. id = name. */
#define ak_input(f, type, name, label, value, hint) \
	ak_input_((f), "" type "", (name), (label), (value), (hint), NULL)
/* The same with suggestions from the datalist with id list. */
#define ak_input_list(f, name, label, value, hint, list) \
	ak_input_((f), "text", (name), (label), (value), (hint), (list))
void ak_input_(ak_form *f, const char *type, const char *name, const char *label,
	       const char *value, const char *hint, const char *list);
void ak_textarea(ak_form *f, const char *name, const char *label, const char *value,
		 const char *hint);
/* A select of values (NULL-terminated) with labels (same length; NULL: the
 * Dutch label of each value from rr_enum_label, else the value); with an
 * empty first option `none` (e.g. "(geen)") when not NULL. */
void ak_select(ak_form *f, const char *name, const char *label, const char *const *values,
	       const char *const *labels, const char *selected, const char *none,
	       const char *hint);
/* Checkboxes (a fieldset with legend) of values labelled by rr_enum_label;
 * the checked ones are the strings in the array checked. */
void ak_checkboxes(ak_form *f, const char *name, const char *legend,
		   const char *const *values, const json_t *checked);
/* A single checkbox name=value "1". */
void ak_checkbox(ak_form *f, const char *name, const char *label, bool checked);
/* <fieldset class="utrecht-form-fieldset"><legend>..; close with
 * ak_fieldset_end. cls: "" or an extra class literal. */
#define ak_fieldset_begin(f, legend, cls) ak_fieldset_begin_((f), (legend), "" cls "")
void ak_fieldset_begin_(ak_form *f, const char *legend, const char *cls);
void ak_fieldset_end(ak_form *f);
/* The primary submit button. */
void ak_submit(ak_form *f, const char *label);
/* A secondary submit button name=value (add a row, remove). */
void ak_button(ak_form *f, const char *name, const char *value, const char *label);
/* The form's default button, first in the form and hidden: Enter in a text
 * field saves, rather than pressing the first "Nog een ..." button. Call
 * right after ak_form_begin in forms with rows. */
void ak_default_submit(ak_form *f);
/* A hidden field. */
void ak_hidden(ak_form *f, const char *name, const char *value);

/* A whole small form: one button that POSTs to action (with the hidden
 * fields) and optional hidden name=value; for remove, delete, withdraw. */
void ak_button_form(html *h, const rr_req *r, const char *action, const json_t *rec,
		    const char *name, const char *value, const char *label);

/* The error summary of the NL Design System at the top of a page: "Er is
 * niets opgeslagen", then each problem, linked to its field (#name) when
 * it names one. Nothing when d has none. */
void ak_errors(html *h, const rr_diag *d);
/* The page title with "Fout: " before it when d has problems, into out. */
const char *ak_title(char *out, size_t n, const char *title, const rr_diag *d);

/* --- confirmations: after a save the handler answers 303 to the page the
 * user came from with ?melding=CODE; that page shows the Dutch sentence of
 * the code (a fixed list: nothing the client sends is shown). */
void ak_redirect(rr_resp *o, const char *path, const char *code);
/* The confirmation of r's ?melding=, as a status message; nothing else. */
void ak_flash(html *h, const rr_req *r);

/* --- reading form values */

/* A form value, or NULL when absent or empty (leading space skipped). */
const char *ak_val(const rr_req *r, const char *key);
/* A form value of a JSON object of form values, or NULL. */
const char *ak_fval(const json_t *v, const char *key);
/* A day-precise date from field key, as typed in the date field (ISO) or as
 * Dutch ("21 mei 2023", "21-5-2023"); false with a Dutch message at the
 * field when it is required and missing, or not a date. RR_PREC_NONE when
 * optional and empty. */
bool ak_date(const rr_req *r, const char *key, bool required, rr_date *out, rr_diag *d);
/* The same from a text (NULL: empty). */
bool ak_date_text(const char *v, const char *key, bool required, rr_date *out, rr_diag *d);
/* Euros as typed ("1.234,50", "1234.5", "€ 10"): cents, or -1 if bad. */
long long ak_euros(const char *s);
/* A whole number 0..max from field key into *out (unchanged when empty);
 * false with a Dutch message at the field when it is not one. */
bool ak_count(const rr_req *r, const char *key, long long max, long long *out, bool *given,
	      rr_diag *d);

/* The body's report period (organisation.report_period_days, else 42). */
int ak_report_period(rr_store *s, const char *org);
/* The name of body (organisation) code, or the code. Borrowed from rec,
 * which the caller frees (json_decref) after use. */
const char *ak_org_name(rr_store *s, const char *code, json_t **rec);

/* --- saving (ak_save.c). Every write checks, inside its write transaction,
 * that the record is still the version the form was read from (the hidden
 * field "versie"); a create never replaces a record (store/put_checked.h). */

/* The version a form of rec carries: after a save refused as stale the
 * record's current one (so that saving again is a deliberate choice), on a
 * form shown again the one it was read at (the posted "versie"), else rec's
 * own. buf holds it when computed. */
const char *ak_form_version(const rr_req *r, const json_t *rec, char buf[RR_VERSION_MAX]);

/* Normalises rec as kind k, records the actor "user:NAME" and loads it (one
 * record, all or nothing). When the form posted a version, the stored
 * record must still have it: else RR_ECONFLICT with a Dutch message naming
 * who changed it and when, r->version_now the current version. On
 * RR_EINVAL/RR_ECONFLICT d says why (in Dutch where the model says it in
 * Dutch, each message at its field path) and nothing was written. */
rr_err ak_save(rr_req *r, rr_kind k, const json_t *rec, rr_diag *d);
/* Creates rec (kind k, its "id" set here) under the first id not taken of
 * base, base-2, base-3... (AK_ID_NUMBERED: base-1, base-2, ...): the id is
 * chosen inside the write transaction, and a create that meets an id taken
 * meanwhile tries the next. Otherwise as ak_save. On RR_OK rec["id"] is the
 * new id. */
enum { AK_ID_NUMBERED = 1 };
rr_err ak_create(rr_req *r, rr_kind k, json_t *rec, const char *base, unsigned flags,
		 rr_diag *d);
/* Deletes record id of kind k as the user (the audit log keeps it), checking
 * the posted version like ak_save. RR_ECONFLICT with a Dutch message when
 * other records still refer to it or it changed meanwhile. */
rr_err ak_delete(rr_req *r, rr_kind k, const char *id, rr_diag *d);
/* The base of a new id, "{org}-{slug of text}" (the kind's name when text
 * has no letters), into out (n >= 120 bytes), for ak_create. */
void ak_id_base(rr_kind k, const char *org, const char *text, char *out, size_t n);

/* --- the audit log for people (ak_audit.c) */

/* The audit entries (rr_store_audit) as a table: when (Dutch), who, what
 * (created, changed, deleted, the status), and per changed field in Dutch
 * "Einddatum: 19 mei → 21 mei 2023"; items of lists added or removed. */
void ak_audit_table(html *h, const json_t *entries, rr_kind k);
/* The changes between two versions of a record of kind k, one Dutch line
 * each, appended to lines (an array of strings). For tests and mail. */
void ak_audit_lines(rr_kind k, const json_t *before, const json_t *after, json_t *lines);
/* "2 december 2026, 01:09" of an audit time "2026-12-02T01:09:15Z" (UTC). */
void ak_when_text(char *out, size_t n, const char *at);
/* Who an audit actor is, in Dutch: "anna" of "user:anna", ... */
void ak_who_text(char *out, size_t n, const char *actor);

/* --- trips (page_trip_edit.c, page_trip_fields.c, page_trip_rows.c,
 * page_trip_action.c) */

/* The editors' page of trip (loaded with the system viewer), with d's
 * problems on top and HTTP status (422 after a refused action). */
rr_err ak_trip_page(rr_req *r, rr_resp *o, const json_t *trip, const rr_diag *d,
		    int status);
/* Loads trip id for a signed-in user: RR_ENOTFOUND (404) when the user may
 * not even see it; a 403 page in o and *denied when the user sees it but
 * lacks cap. On RR_OK without *denied, *t is a new reference to the whole
 * record (read as the system). */
rr_err ak_load_trip(rr_req *r, rr_resp *o, const char *id, rr_cap cap, json_t **t,
		    bool *denied);

/* The descriptive fields of a trip as one form, shared by the new request
 * and the correction page. The form's values are a JSON object of form
 * texts, with the repeatable rows as arrays of objects ("bestemmingen",
 * "reizigers", "geplande_reizigers", "kosten") and "thema" an array: of
 * the request, or of a stored trip. AK_TF_EDIT adds the planned travellers
 * and makes the planned start optional; AK_TF_REPORTED says at the planned
 * fields that they are the request's values. */
enum { AK_TF_EDIT = 1, AK_TF_REPORTED = 2 };
json_t *ak_trip_form_of_req(const rr_req *r, unsigned flags);
json_t *ak_trip_form_of_trip(const json_t *trip);
void ak_trip_form_fields(ak_form *f, const json_t *values, const char *org, unsigned flags);
/* Replaces the descriptive fields of t (which keeps every other field) by
 * the form's, adding problems at their fields to d; *planned_start is the
 * planned start (RR_PREC_NONE when empty). */
void ak_trip_form_parse(rr_req *r, json_t *t, unsigned flags, rr_date *planned_start,
			rr_diag *d);
/* True when the form asked for one more row ("meer") rather than a save:
 * the caller shows the form again, with one more row, and saves nothing. */
bool ak_more(const rr_req *r);

/* Repeatable rows (page_trip_rows.c). Each row kind has a prefix for its
 * field names ("bestemming" -> bestemming-1-land, bestemming-1-stad, ...).
 * _of_req reads the rows as typed (array of objects of form texts); _of
 * reads them from records; _fields writes them (plus one empty row, or
 * more when asked); _parse turns them into records with Dutch messages at
 * their fields. */
json_t *ak_rows_of_req(const rr_req *r, const char *prefix);
json_t *ak_dest_rows_of(const json_t *dests);
json_t *ak_traveller_rows_of(const json_t *travellers);
json_t *ak_cost_rows_of(const json_t *costs, const char *org);
void ak_dest_fields(ak_form *f, const char *prefix, const json_t *rows, size_t extra);
void ak_traveller_fields(ak_form *f, const char *prefix, const char *legend,
			 const json_t *rows, size_t extra, const char *hint);
void ak_cost_fields(ak_form *f, const char *prefix, const json_t *rows, size_t extra,
		    const char *org, const char *fixed_kind);
json_t *ak_dest_parse(const json_t *rows, const char *prefix, rr_diag *d);
json_t *ak_traveller_parse(rr_req *r, const json_t *rows, const char *prefix, rr_diag *d);
json_t *ak_cost_parse(const json_t *rows, const char *prefix, const char *org,
		      const char *fixed_kind, rr_diag *d);
/* The datalists the rows suggest from: countries by Dutch name ("landen"),
 * cities ("steden"), people in the register ("personen"). Cities come from
 * the places already in the register (until the gazetteer src/nl/places.h
 * lands; then only ak_city_suggestions changes). */
void ak_row_datalists(ak_form *f);
/* An ISO code of a country typed by Dutch name or code, or NULL. */
const char *ak_country_code(const char *typed, char cc[3]);

/* page_trip_action.c: one small form per lifecycle step the user may take. */
void ak_trip_action_forms(html *h, rr_req *r, const json_t *trip, const rr_diag *d);

/* --- partnerships, results, budgets, gifts */

/* Loads record id of kind k for a signed-in user, like ak_load_trip: 404
 * when invisible, a 403 page and *denied without cap for its body. */
rr_err ak_load_rec(rr_req *r, rr_resp *o, rr_kind k, const char *id, rr_cap cap,
		   json_t **rec, bool *denied);
/* Sets rec[key] to the string v, or removes key when v is NULL. */
void ak_set(json_t *rec, const char *key, const char *v);
/* A string, whole or real number as form text into out ("" when absent);
 * euros with a decimal comma (1234,50). */
void ak_text_of(char *out, size_t n, const json_t *v);
/* A select of the body's records of kind k, chosen by name (trip titles,
 * partner names), value its id. */
void ak_record_select(ak_form *f, rr_kind k, const char *org, const char *name,
		      const char *label, const char *selected, const char *hint);
/* A reference field (trip, partnership) to a record of the same body only:
 * sets rec[key], or a Dutch message at field. */
void ak_own_ref(rr_req *r, json_t *rec, rr_kind k, const char *key, const char *field,
		const char *label, rr_diag *d);
/* Removes item `nummer` (1-based, form field) of array key of rec; false
 * with a message when there is no such item. */
bool ak_remove_item(const rr_req *r, json_t *rec, const char *key, rr_diag *d);

/* page_admin_records.c: on /beheer, a body's partnerships, results, gifts
 * and overdue follow-up actions, with links to their forms. */
void ak_body_records(rr_req *r, html *h, const char *org);
/* page_admin_work.c: a body's worklists (report/worklist.h) on /beheer. */
void ak_worklists(rr_req *r, html *h, const char *org);

#endif
