/* adminkit.c - shared pieces of the signed-in pages (adminkit.h). */
#include "web/adminkit.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/doc.h"
#include "model/lifecycle.h"
#include "model/record.h"
#include "store/auth_store.h"
#include "store/load.h"

rr_err ak_forbidden(rr_resp *o)
{
	page_error(o, 403, "forbidden",
		   "U heeft geen toegang tot deze pagina of dit record van dit bestuursorgaan.");
	return RR_OK;
}

rr_err ak_need_login(rr_resp *o)
{
	rr_resp_redirect(o, "/inloggen");
	return RR_OK;
}

void ak_form_begin(html *h, const rr_req *r, const char *action)
{
	html_open_c(h, "form", "rr-form");
	html_attr(h, "method", "post");
	html_url_attr(h, "action", action);
	html_open(h, "input");
	html_attr(h, "type", "hidden");
	html_attr(h, "name", "csrf");
	html_attr(h, "value", r->principal ? r->principal->csrf : "");
}

static void label_for(html *h, const char *name, const char *label)
{
	html_open_c(h, "label", "utrecht-form-label");
	html_attr(h, "for", name);
	html_text(h, label);
	html_close(h, "label");
}

static void hint(html *h, const char *name, const char *text)
{
	if (!text)
		return;
	html_open_c(h, "div", "utrecht-form-field-description");
	html_attrf(h, "id", "%s-hint", name);
	html_text(h, text);
	html_close(h, "div");
}

void ak_input_(html *h, const char *type, const char *name, const char *label,
	       const char *value, const char *hint_text)
{
	html_open_c(h, "div", "utrecht-form-field");
	label_for(h, name, label);
	hint(h, name, hint_text);
	html_open_c(h, "input", "utrecht-textbox");
	html_attr_(h, "type", type);
	html_attr(h, "id", name);
	html_attr(h, "name", name);
	if (hint_text)
		html_attrf(h, "aria-describedby", "%s-hint", name);
	if (value)
		html_attr(h, "value", value);
	html_close(h, "div");
}

void ak_textarea(html *h, const char *name, const char *label, const char *value,
		 const char *hint_text)
{
	html_open_c(h, "div", "utrecht-form-field");
	label_for(h, name, label);
	hint(h, name, hint_text);
	html_open_c(h, "textarea", "utrecht-textarea");
	html_attr(h, "id", name);
	html_attr(h, "name", name);
	html_attr(h, "rows", "4");
	if (hint_text)
		html_attrf(h, "aria-describedby", "%s-hint", name);
	html_text(h, value ? value : "");
	html_close(h, "textarea");
	html_close(h, "div");
}

void ak_select(html *h, const char *name, const char *label, const char *const *values,
	       const char *const *labels, const char *selected, bool optional)
{
	html_open_c(h, "div", "utrecht-form-field");
	label_for(h, name, label);
	html_open_c(h, "select", "utrecht-select");
	html_attr(h, "id", name);
	html_attr(h, "name", name);
	if (optional) {
		html_open(h, "option");
		html_attr(h, "value", "");
		html_text(h, "(geen)");
		html_close(h, "option");
	}
	for (size_t i = 0; values[i]; i++) {
		html_open(h, "option");
		html_attr(h, "value", values[i]);
		if (selected && !strcmp(selected, values[i]))
			html_attr_bool(h, "selected");
		html_text(h, labels ? labels[i] : values[i]);
		html_close(h, "option");
	}
	html_close(h, "select");
	html_close(h, "div");
}

void ak_submit(html *h, const char *label)
{
	html_open_c(h, "button", "utrecht-button utrecht-button--primary-action");
	html_attr(h, "type", "submit");
	html_text(h, label);
	html_close(h, "button");
}

void ak_errors(html *h, const rr_diag *d)
{
	if (!d || !d->n)
		return;
	html_open_c(h, "div", "utrecht-alert utrecht-alert--error rr-errors");
	html_attr(h, "role", "alert");
	html_open_c(h, "h2", "utrecht-heading-2");
	html_text(h, "Er is niets opgeslagen. Verbeter het volgende:");
	html_close(h, "h2");
	html_open_c(h, "ul", "utrecht-unordered-list");
	for (size_t i = 0; i < d->n; i++) {
		html_open_c(h, "li", "utrecht-unordered-list__item");
		html_text(h, d->msg[i]);
		html_close(h, "li");
	}
	html_close(h, "ul");
	html_close(h, "div");
}

const char *ak_val(const rr_req *r, const char *key)
{
	const char *v = r->form ? rr_form_get(r->form, key) : NULL;
	while (v && isspace((unsigned char)*v))
		v++;
	return v && *v ? v : NULL;
}

bool ak_date(const rr_req *r, const char *key, const char *label, bool required,
	     rr_date *out, rr_diag *d)
{
	const char *v = ak_val(r, key);

	out->prec = RR_PREC_NONE;
	if (!v) {
		if (required)
			rr_diag_add(d, "%s (%s): vul een datum in (jjjj-mm-dd)", label, key);
		return !required;
	}
	if (rr_date_parse_iso(v, out, NULL) || out->prec != RR_PREC_DAY) {
		rr_diag_add(d, "%s (%s): '%.40s' is geen datum als 2024-05-31", label, key, v);
		out->prec = RR_PREC_NONE;
		return false;
	}
	return true;
}

long long ak_euros(const char *s)
{
	char buf[40];
	size_t n = 0;
	long long euros = 0, cents = 0;
	int dec = -1, run = 0; /* run: digits since the last thousands dot */
	bool comma, grouped = false;

	if (!s)
		return -1;
	while (*s == ' ')
		s++;
	if (!strncmp(s, "\xe2\x82\xac", 3))
		s += 3;
	while (*s == ' ')
		s++;
	for (; *s && *s != ' ' && n < sizeof buf - 1; s++)
		buf[n++] = *s;
	buf[n] = '\0';
	while (*s == ' ')
		s++;
	if (*s || !n || n >= sizeof buf - 1)
		return -1;
	/* With a comma, dots group thousands (1.234,50); without one, a dot
	 * followed by exactly three digits does too (1.234), else it is the
	 * decimal point (12.5). */
	comma = strchr(buf, ',') != NULL;
	for (size_t i = 0; i < n; i++) {
		char c = buf[i];

		if (isdigit((unsigned char)c)) {
			if (dec >= 0) {
				if (++dec > 2)
					return -1;
				cents = cents * 10 + (c - '0');
			} else {
				if (euros > 100000000000LL)
					return -1;
				euros = euros * 10 + (c - '0');
				run++;
			}
		} else if (c == ',' && dec < 0 && i > 0) {
			dec = 0;
		} else if (c == '.' && dec < 0 && i > 0) {
			if (!comma && strspn(buf + i + 1, "0123456789") != 3 && !grouped)
				dec = 0;
			else if (strspn(buf + i + 1, "0123456789") != 3)
				return -1;
			else if (grouped ? run != 3 : run > 3)
				return -1; /* 99999999.991: not groups of three */
			else {
				grouped = true;
				run = 0;
			}
		} else {
			return -1;
		}
	}
	if (dec == 0)
		return -1;
	if (dec == 1)
		cents *= 10;
	return euros * 100 + cents;
}

int ak_report_period(rr_store *s, const char *org)
{
	json_t *o = NULL;
	long long days = RR_REPORT_PERIOD_DAYS;

	if (org && rr_store_get(s, RR_K_ORGANISATION, org, &rr_viewer_system, &o) == RR_OK)
		days = rr_rec_count(o, "report_period_days", RR_REPORT_PERIOD_DAYS);
	json_decref(o);
	return days > 0 && days < 3650 ? (int)days : RR_REPORT_PERIOD_DAYS;
}

rr_err ak_save(rr_req *r, rr_kind k, const json_t *rec, rr_diag *d)
{
	json_t *norm = NULL, *doc = NULL;
	char actor[80];
	rr_err e;

	if (!r->principal)
		return RR_EPERM;
	if ((e = rr_record_normalise(k, rec, rr_kind_get(k)->singular, &norm, d)))
		return e;
	if (!(doc = rr_doc_new())) {
		json_decref(norm);
		return RR_ENOMEM;
	}
	json_array_append_new(json_object_get(doc, rr_kind_get(k)->plural), norm);
	snprintf(actor, sizeof actor, "user:%s", r->principal->name);
	rr_store_set_actor(r->store, actor);
	e = rr_load_document(r->store, doc, NULL, d);
	rr_store_set_actor(r->store, NULL);
	json_decref(doc);
	return e;
}

/* A field value as short readable text. */
static void value_text(html *h, const json_t *v)
{
	if (!v) {
		html_text(h, "-");
	} else if (json_is_string(v)) {
		html_text(h, json_string_value(v));
	} else {
		char *s = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
		html_text(h, s ? s : "?");
		free(s);
	}
}

static void diff_list(html *h, const json_t *before, const json_t *after)
{
	const char *key;
	json_t *v;
	bool any = false;

	html_open_c(h, "ul", "utrecht-unordered-list rr-diff");
	json_object_foreach((json_t *)after, key, v) {
		json_t *b = json_object_get(before, key);
		if (b && json_equal(b, v))
			continue;
		any = true;
		html_open_c(h, "li", "utrecht-unordered-list__item");
		html_open(h, "strong");
		html_text(h, key);
		html_close(h, "strong");
		html_text(h, ": ");
		html_open(h, "del");
		value_text(h, b);
		html_close(h, "del");
		html_text(h, " \xe2\x86\x92 ");
		html_open(h, "ins");
		value_text(h, v);
		html_close(h, "ins");
		html_close(h, "li");
	}
	json_object_foreach((json_t *)before, key, v) {
		if (json_object_get(after, key))
			continue;
		any = true;
		html_open_c(h, "li", "utrecht-unordered-list__item");
		html_open(h, "strong");
		html_text(h, key);
		html_close(h, "strong");
		html_text(h, ": verwijderd (");
		value_text(h, v);
		html_text(h, ")");
		html_close(h, "li");
	}
	if (!any) {
		html_open_c(h, "li", "utrecht-unordered-list__item");
		html_text(h, "geen inhoudelijke wijziging");
		html_close(h, "li");
	}
	html_close(h, "ul");
}

void ak_audit_table(html *h, const json_t *entries)
{
	static const char *const heads[] = {"Wanneer", "Wie", "Wat", "Wijzigingen"};
	const json_t *en;
	size_t i;

	if (!json_array_size(entries)) {
		layout_paragraph(h, "Er zijn nog geen wijzigingen vastgelegd.");
		return;
	}
	layout_table_begin(h, "Auditlog: elke wijziging, oudste eerst", heads, NULL, 4);
	json_array_foreach(entries, i, en) {
		const json_t *before = json_object_get(en, "before"),
			     *after = json_object_get(en, "after");
		const char *st = after ? rr_rec_str(after, "status") : NULL;
		char what[96];

		snprintf(what, sizeof what, "%s%s%s", rr_rec_str(en, "action") ?
			 rr_rec_str(en, "action") : "", st ? ", status " : "", st ? st : "");
		layout_row_begin(h);
		layout_cell(h, rr_rec_str(en, "at") ? rr_rec_str(en, "at") : "", 0);
		layout_cell(h, rr_rec_str(en, "actor") ? rr_rec_str(en, "actor") : "", 0);
		layout_cell(h, what, 0);
		html_open_c(h, "td", "utrecht-table__cell");
		diff_list(h, json_is_object(before) ? before : NULL,
			  json_is_object(after) ? after : NULL);
		html_close(h, "td");
		layout_row_end(h);
	}
	layout_table_end(h);
}

rr_err ak_load_rec(rr_req *r, rr_resp *o, rr_kind k, const char *id, rr_cap cap,
		   json_t **rec, bool *denied)
{
	rr_err e;

	*denied = false;
	*rec = NULL;
	if (!id)
		return RR_ENOTFOUND;
	if ((e = rr_store_get(r->store, k, id, r->viewer, rec)))
		return e; /* not visible to this user: 404 */
	if (!rr_can(r->principal, rr_rec_str(*rec, "organisation"), cap)) {
		json_decref(*rec);
		*rec = NULL;
		*denied = true;
		return ak_forbidden(o);
	}
	json_decref(*rec); /* reload as the system, with every field */
	return rr_store_get(r->store, k, id, &rr_viewer_system, rec);
}

rr_err ak_new_id(rr_req *r, rr_kind k, const char *org, const char *text, char *out,
		 size_t n)
{
	char slug[64];
	size_t j = 0;
	bool yes = true, dash = false;
	rr_err e;

	for (const char *p = text ? text : ""; *p && j < 48; p++) {
		unsigned char c = (unsigned char)*p;
		if (isalnum(c) && c < 128) {
			if (dash && j)
				slug[j++] = '-';
			slug[j++] = (char)tolower(c);
			dash = false;
		} else {
			dash = true;
		}
	}
	slug[j] = '\0';
	if (!j)
		snprintf(slug, sizeof slug, "%s", rr_kind_get(k)->singular);
	for (int i = 1; i < 1000 && yes; i++) {
		if (i == 1)
			snprintf(out, n, "%s-%s", org, slug);
		else
			snprintf(out, n, "%s-%s-%d", org, slug, i);
		if ((e = rr_store_exists(r->store, k, out, &yes)))
			return e;
	}
	return yes ? RR_ECONFLICT : RR_OK;
}

void ak_set(json_t *rec, const char *key, const char *v)
{
	if (v)
		json_object_set_new(rec, key, json_string(v));
	else
		json_object_del(rec, key);
}

void ak_checkboxes(html *h, const char *name, const char *legend,
		   const char *const *values, const char *(*label)(const char *),
		   const json_t *checked)
{
	html_open_c(h, "fieldset", "utrecht-form-fieldset rr-checkboxes");
	html_open_c(h, "legend", "utrecht-form-fieldset__legend");
	html_text(h, legend);
	html_close(h, "legend");
	for (size_t i = 0; values[i]; i++) {
		const json_t *c;
		size_t j;
		bool on = false;

		json_array_foreach(checked, j, c)
			on |= json_is_string(c) && !strcmp(json_string_value(c), values[i]);
		html_open_c(h, "div", "utrecht-form-field utrecht-form-field--checkbox");
		html_open_c(h, "input", "utrecht-checkbox");
		html_attr(h, "type", "checkbox");
		html_attrf(h, "id", "%s-%s", name, values[i]);
		html_attr(h, "name", name);
		html_attr(h, "value", values[i]);
		if (on)
			html_attr_bool(h, "checked");
		html_open_c(h, "label", "utrecht-form-label utrecht-form-label--checkbox");
		html_attrf(h, "for", "%s-%s", name, values[i]);
		html_text(h, label ? label(values[i]) : values[i]);
		html_close(h, "label");
		html_close(h, "div");
	}
	html_close(h, "fieldset");
}

void ak_text_of(char *out, size_t n, const json_t *v)
{
	out[0] = '\0';
	if (json_is_string(v)) {
		snprintf(out, n, "%s", json_string_value(v));
	} else if (json_is_integer(v)) {
		snprintf(out, n, "%lld", (long long)json_integer_value(v));
	} else if (json_is_real(v)) {
		long long c = rr_amount_cents(v);
		if (c % 100)
			snprintf(out, n, "%lld,%02lld", c / 100, c % 100);
		else
			snprintf(out, n, "%lld", c / 100);
	}
}
