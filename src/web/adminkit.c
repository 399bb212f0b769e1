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
#include "store/bodies_store.h"
#include "store/load.h"
#include "nl/nldate.h"

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

/* ---- forms */

void ak_form_begin(ak_form *f, html *h, const rr_req *r, const rr_diag *d, const char *action,
		   const json_t *rec)
{
	f->h = h;
	f->r = r;
	f->d = d;
	html_open_c(h, "form", "rr-form");
	html_attr(h, "method", "post");
	html_url_attr(h, "action", action);
	html_attr_bool(h, "novalidate"); /* the server's Dutch messages, not the browser's */
	ak_hidden(f, "csrf", r->principal ? r->principal->csrf : "");
	if (rec) {
		char buf[RR_VERSION_MAX];
		ak_hidden(f, "versie", ak_form_version(r, rec, buf));
	}
}

void ak_form_end(ak_form *f)
{
	html_close(f->h, "form");
}

void ak_default_submit(ak_form *f)
{
	html_open_c(f->h, "button", "rr-visually-hidden");
	html_attr(f->h, "type", "submit");
	html_attr(f->h, "tabindex", "-1");
	html_attr(f->h, "aria-hidden", "true");
	html_text(f->h, "Verzenden met Enter");
	html_close(f->h, "button");
}

void ak_hidden(ak_form *f, const char *name, const char *value)
{
	html_open(f->h, "input");
	html_attr(f->h, "type", "hidden");
	html_attr(f->h, "name", name);
	html_attr(f->h, "value", value ? value : "");
}

/* The messages of f about field name, or false when there are none. */
static bool has_error(const ak_form *f, const char *name)
{
	for (size_t i = 0; f->d && i < f->d->n; i++)
		if (rr_diag_field(f->d, i) && !strcmp(rr_diag_field(f->d, i), name))
			return true;
	return false;
}

static void error_message(ak_form *f, const char *name)
{
	if (!has_error(f, name))
		return;
	html_open_c(f->h, "div", "utrecht-form-field__error-message utrecht-form-field-error-message");
	html_attrf(f->h, "id", "%s-fout", name);
	for (size_t i = 0; i < f->d->n; i++) {
		if (!rr_diag_field(f->d, i) || strcmp(rr_diag_field(f->d, i), name))
			continue;
		html_open_c(f->h, "p", "rr-field-error");
		html_open_c(f->h, "span", "rr-visually-hidden");
		html_text(f->h, "Fout: ");
		html_close(f->h, "span");
		html_text(f->h, f->d->msg[i]);
		html_close(f->h, "p");
	}
	html_close(f->h, "div");
}

static void field_begin(ak_form *f, const char *name, const char *label, const char *hint,
			bool invalid)
{
	if (invalid)
		html_open_c(f->h, "div", "utrecht-form-field utrecht-form-field--invalid rr-field");
	else
		html_open_c(f->h, "div", "utrecht-form-field rr-field");
	html_open_c(f->h, "div", "utrecht-form-field__label");
	html_open_c(f->h, "label", "utrecht-form-label");
	html_attr(f->h, "for", name);
	html_text(f->h, label);
	html_close(f->h, "label");
	html_close(f->h, "div");
	if (hint) {
		html_open_c(f->h, "div", "utrecht-form-field__description utrecht-form-field-description");
		html_attrf(f->h, "id", "%s-hint", name);
		html_text(f->h, hint);
		html_close(f->h, "div");
	}
	html_open_c(f->h, "div", "utrecht-form-field__input");
}

/* id, name, aria-describedby and aria-invalid of a control. */
static void control_attrs(ak_form *f, const char *name, const char *hint, bool invalid)
{
	html_attr(f->h, "id", name);
	html_attr(f->h, "name", name);
	if (hint && invalid)
		html_attrf(f->h, "aria-describedby", "%s-hint %s-fout", name, name);
	else if (hint)
		html_attrf(f->h, "aria-describedby", "%s-hint", name);
	else if (invalid)
		html_attrf(f->h, "aria-describedby", "%s-fout", name);
	if (invalid)
		html_attr(f->h, "aria-invalid", "true");
}

static void field_end(ak_form *f, const char *name)
{
	html_close(f->h, "div");
	error_message(f, name);
	html_close(f->h, "div");
}

void ak_input_(ak_form *f, const char *type, const char *name, const char *label,
	       const char *value, const char *hint, const char *list)
{
	bool bad = has_error(f, name);

	field_begin(f, name, label, hint, bad);
	if (bad)
		html_open_c(f->h, "input", "utrecht-textbox utrecht-textbox--html-input "
			    "utrecht-textbox--invalid");
	else
		html_open_c(f->h, "input", "utrecht-textbox utrecht-textbox--html-input");
	html_attr_(f->h, "type", type);
	control_attrs(f, name, hint, bad);
	if (list)
		html_attr(f->h, "list", list);
	if (value)
		html_attr(f->h, "value", value);
	field_end(f, name);
}

void ak_textarea(ak_form *f, const char *name, const char *label, const char *value,
		 const char *hint)
{
	bool bad = has_error(f, name);

	field_begin(f, name, label, hint, bad);
	if (bad)
		html_open_c(f->h, "textarea", "utrecht-textarea utrecht-textarea--html-textarea "
			    "utrecht-textarea--invalid");
	else
		html_open_c(f->h, "textarea", "utrecht-textarea utrecht-textarea--html-textarea");
	control_attrs(f, name, hint, bad);
	html_attr(f->h, "rows", "5");
	html_text(f->h, value ? value : "");
	html_close(f->h, "textarea");
	field_end(f, name);
}

void ak_select(ak_form *f, const char *name, const char *label, const char *const *values,
	       const char *const *labels, const char *selected, const char *none,
	       const char *hint)
{
	bool bad = has_error(f, name);

	field_begin(f, name, label, hint, bad);
	if (bad)
		html_open_c(f->h, "select", "utrecht-select utrecht-select--html-select "
			    "utrecht-select--invalid");
	else
		html_open_c(f->h, "select", "utrecht-select utrecht-select--html-select");
	control_attrs(f, name, hint, bad);
	if (none) {
		html_open(f->h, "option");
		html_attr(f->h, "value", "");
		html_text(f->h, none);
		html_close(f->h, "option");
	}
	for (size_t i = 0; values[i]; i++) {
		const char *l = labels ? labels[i] : rr_enum_label(values, values[i]);
		html_open(f->h, "option");
		html_attr(f->h, "value", values[i]);
		if (selected && !strcmp(selected, values[i]))
			html_attr_bool(f->h, "selected");
		html_text(f->h, l ? l : values[i]);
		html_close(f->h, "option");
	}
	html_close(f->h, "select");
	field_end(f, name);
}

void ak_checkbox(ak_form *f, const char *name, const char *label, bool checked)
{
	html_open_c(f->h, "div", "utrecht-form-field utrecht-form-field--checkbox rr-checkbox");
	html_open_c(f->h, "div", "utrecht-form-field__input");
	html_open_c(f->h, "input", "utrecht-checkbox utrecht-checkbox--html-input");
	html_attr(f->h, "type", "checkbox");
	html_attr(f->h, "id", name);
	html_attr(f->h, "name", name);
	html_attr(f->h, "value", "1");
	if (checked)
		html_attr_bool(f->h, "checked");
	html_close(f->h, "div");
	html_open_c(f->h, "div", "utrecht-form-field__label");
	html_open_c(f->h, "label", "utrecht-form-label utrecht-form-label--checkbox");
	html_attr(f->h, "for", name);
	html_text(f->h, label);
	html_close(f->h, "label");
	html_close(f->h, "div");
	html_close(f->h, "div");
}

void ak_checkboxes(ak_form *f, const char *name, const char *legend,
		   const char *const *values, const json_t *checked)
{
	ak_fieldset_begin(f, legend, "rr-checkboxes");
	error_message(f, name);
	for (size_t i = 0; values[i]; i++) {
		const char *l = rr_enum_label(values, values[i]);
		const json_t *c;
		size_t j;
		bool on = false;
		char id[96];

		json_array_foreach(checked, j, c)
			on |= json_is_string(c) && !strcmp(json_string_value(c), values[i]);
		snprintf(id, sizeof id, "%s-%s", name, values[i]);
		html_open_c(f->h, "div", "utrecht-form-field utrecht-form-field--checkbox rr-checkbox");
		html_open_c(f->h, "div", "utrecht-form-field__input");
		html_open_c(f->h, "input", "utrecht-checkbox utrecht-checkbox--html-input");
		html_attr(f->h, "type", "checkbox");
		html_attr(f->h, "id", id);
		html_attr(f->h, "name", name);
		html_attr(f->h, "value", values[i]);
		if (on)
			html_attr_bool(f->h, "checked");
		html_close(f->h, "div");
		html_open_c(f->h, "div", "utrecht-form-field__label");
		html_open_c(f->h, "label", "utrecht-form-label utrecht-form-label--checkbox");
		html_attr(f->h, "for", id);
		html_text(f->h, l ? l : values[i]);
		html_close(f->h, "label");
		html_close(f->h, "div");
		html_close(f->h, "div");
	}
	ak_fieldset_end(f);
}

void ak_fieldset_begin_(ak_form *f, const char *legend, const char *cls)
{
	html_open_c(f->h, "fieldset", "utrecht-form-fieldset utrecht-form-fieldset--html-fieldset rr-fieldset");
	if (*cls)
		html_attr_(f->h, "data-rr", cls);
	html_open_c(f->h, "legend", "utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend");
	html_text(f->h, legend);
	html_close(f->h, "legend");
}

void ak_fieldset_end(ak_form *f)
{
	html_close(f->h, "fieldset");
}

void ak_submit(ak_form *f, const char *label)
{
	html_open_c(f->h, "div", "rr-form-actions");
	html_open_c(f->h, "button", "utrecht-button utrecht-button--primary-action");
	html_attr(f->h, "type", "submit");
	html_text(f->h, label);
	html_close(f->h, "button");
	html_close(f->h, "div");
}

void ak_button(ak_form *f, const char *name, const char *value, const char *label)
{
	html_open_c(f->h, "button", "utrecht-button utrecht-button--secondary-action rr-button-more");
	html_attr(f->h, "type", "submit");
	html_attr(f->h, "name", name);
	html_attr(f->h, "value", value);
	html_text(f->h, label);
	html_close(f->h, "button");
}

void ak_button_form(html *h, const rr_req *r, const char *action, const json_t *rec,
		    const char *name, const char *value, const char *label)
{
	ak_form f;

	ak_form_begin(&f, h, r, NULL, action, rec);
	if (name)
		ak_hidden(&f, name, value);
	html_open_c(h, "button", "utrecht-button utrecht-button--secondary-action");
	html_attr(h, "type", "submit");
	html_text(h, label);
	html_close(h, "button");
	ak_form_end(&f);
}

void ak_errors(html *h, const rr_diag *d)
{
	if (!d || !d->n)
		return;
	html_open_c(h, "div", "utrecht-alert utrecht-alert--error rr-errors");
	html_attr(h, "role", "alert");
	html_attr(h, "aria-labelledby", "rr-errors-title");
	html_open_c(h, "h2", "utrecht-heading-2");
	html_attr(h, "id", "rr-errors-title");
	html_text(h, "Er is niets opgeslagen. Verbeter het volgende:");
	html_close(h, "h2");
	html_open_c(h, "ul", "utrecht-unordered-list");
	for (size_t i = 0; i < d->n; i++) {
		const char *field = rr_diag_field(d, i);
		html_open_c(h, "li", "utrecht-unordered-list__item");
		if (field && !strchr(field, '.') && !strchr(field, '[')) {
			html_open_c(h, "a", "utrecht-link");
			html_attr_begin(h, "href");
			html_raw_trusted(h, "#");
			html_urlpart(h, field);
			html_attr_end(h);
			html_text(h, d->msg[i]);
			html_close(h, "a");
		} else {
			html_text(h, d->msg[i]);
		}
		html_close(h, "li");
	}
	if (d->dropped) {
		html_open_c(h, "li", "utrecht-unordered-list__item");
		html_textf(h, "en nog %zu meldingen", d->dropped);
		html_close(h, "li");
	}
	html_close(h, "ul");
	html_close(h, "div");
}

const char *ak_title(char *out, size_t n, const char *title, const rr_diag *d)
{
	snprintf(out, n, "%s%s", d && d->n ? "Fout: " : "", title);
	return out;
}

/* ---- confirmations */

static const struct {
	const char *code, *text;
} flashes[] = {
	{"aanvraag", "Aanvraag opgeslagen."},
	{"concept", "Concept opgeslagen."},
	{"gegevens", "Gegevens van de reis opgeslagen."},
	{"aangevraagd", "Aanvraag ingediend bij het college."},
	{"afstemming", "Afstemming vastgelegd."},
	{"besluit", "Besluit van het college vastgelegd."},
	{"uitgevoerd", "Vastgelegd dat de reis heeft plaatsgevonden."},
	{"afgelast", "De reis is afgelast."},
	{"verslag", "Verslag ingediend."},
	{"gepubliceerd", "Reis gepubliceerd."},
	{"ingetrokken", "Publicatie ingetrokken: de reis is niet meer openbaar."},
	{"verwijderd", "Het concept is verwijderd."},
	{"geschenk", "Geschenk opgeslagen."},
	{"geschenk-weg", "Geschenk verwijderd."},
	{"geschenk-ingetrokken", "Het geschenk is niet meer openbaar."},
	{"partnerschap", "Partnerschap opgeslagen."},
	{"gebeurtenis", "Gebeurtenis toegevoegd."},
	{"gebeurtenis-weg", "Gebeurtenis verwijderd."},
	{"resultaat", "Resultaat opgeslagen."},
	{"vervolg", "Vervolgactie opgeslagen."},
	{"vervolg-weg", "Vervolgactie verwijderd."},
	{"budget", "Budget van het jaar opgeslagen."},
	{"budget-weg", "Budgetjaar verwijderd."},
	{"instellingen", "Instellingen opgeslagen."},
	{"uitgenodigd", "Uitnodiging gemaakt."},
	{"rol", "Rol gegeven."},
	{"rol-weg", "Rol ingetrokken."},
	{"uitgeschakeld", "Account uitgeschakeld; de gebruiker is uitgelogd."},
	{"ingeschakeld", "Account weer ingeschakeld."},
};

void ak_redirect(rr_resp *o, const char *path, const char *code)
{
	char url[600];

	snprintf(url, sizeof url, "%s%s%s", path, strchr(path, '?') ? "&melding=" : "?melding=",
		 code);
	rr_resp_redirect(o, url);
}

void ak_flash(html *h, const rr_req *r)
{
	const char *code = rr_req_param(r, "melding");

	for (size_t i = 0; code && i < sizeof flashes / sizeof flashes[0]; i++) {
		if (strcmp(flashes[i].code, code))
			continue;
		html_open_c(h, "div", "utrecht-alert utrecht-alert--ok rr-flash");
		html_attr(h, "role", "status");
		html_open_c(h, "p", "utrecht-paragraph");
		html_text(h, flashes[i].text);
		html_close(h, "p");
		html_close(h, "div");
		return;
	}
}

/* ---- reading form values */

const char *ak_val(const rr_req *r, const char *key)
{
	const char *v = r->form ? rr_form_get(r->form, key) : NULL;
	while (v && isspace((unsigned char)*v))
		v++;
	return v && *v ? v : NULL;
}

const char *ak_fval(const json_t *v, const char *key)
{
	const char *s = json_string_value(json_object_get(v, key));
	return s && *s ? s : NULL;
}

bool ak_date_text(const char *v, const char *key, bool required, rr_date *out, rr_diag *d)
{
	rr_nldate nd;
	rr_date today = rr_today();

	out->prec = RR_PREC_NONE;
	if (!v) {
		if (required)
			rr_diag_add_at(d, key, "Vul een datum in, zoals 21-05-2023 of 21 mei 2023.");
		return !required;
	}
	if (!rr_date_parse_iso(v, out, NULL) && out->prec == RR_PREC_DAY)
		return true;
	/* a date written out, never a relative one ("morgen", "volgende week"):
	 * what a form stores must not depend on the day it was sent */
	if (strpbrk(v, "0123456789") && !rr_nldate_parse_exact(v, strlen(v), &today, &nd, NULL) &&
	    nd.end.prec == RR_PREC_NONE && nd.start.prec == RR_PREC_DAY) {
		*out = nd.start;
		return true;
	}
	rr_diag_add_at(d, key, "'%.40s' is geen datum. Vul dag, maand en jaar in, zoals "
		       "21-05-2023 of 21 mei 2023.", v);
	out->prec = RR_PREC_NONE;
	return false;
}

bool ak_date(const rr_req *r, const char *key, bool required, rr_date *out, rr_diag *d)
{
	return ak_date_text(ak_val(r, key), key, required, out, d);
}

bool ak_count(const rr_req *r, const char *key, long long max, long long *out, bool *given,
	      rr_diag *d)
{
	const char *v = ak_val(r, key);
	char *end;
	long long n;

	*given = false;
	if (!v)
		return true;
	n = strtoll(v, &end, 10);
	while (*end == ' ')
		end++;
	if (*end || n < 0 || n > max || !isdigit((unsigned char)v[0])) {
		rr_diag_add_at(d, key, "Vul een heel getal in van 0 tot %lld.", max);
		return false;
	}
	*out = n;
	*given = true;
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

const char *ak_org_name(rr_store *s, const char *code, json_t **rec)
{
	*rec = NULL;
	/* a built-in body without a record yet is named from the built-in list */
	if (code && rr_store_get_body(s, code, &rr_viewer_system, rec) == RR_OK &&
	    rr_rec_str(*rec, "name"))
		return rr_rec_str(*rec, "name");
	return code ? code : "";
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

void ak_set(json_t *rec, const char *key, const char *v)
{
	if (v)
		json_object_set_new(rec, key, json_string(v));
	else
		json_object_del(rec, key);
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

void ak_record_select(ak_form *f, rr_kind k, const char *org, const char *name,
		      const char *label, const char *selected, const char *hint)
{
	json_t *list = NULL;
	const char **values = NULL, **labels = NULL;
	const json_t *rec;
	size_t i, n = 0;

	if (rr_store_list(f->r->store, k, org, 0, f->r->viewer, &list) == RR_OK &&
	    (values = calloc(json_array_size(list) + 1, sizeof *values)) &&
	    (labels = calloc(json_array_size(list) + 1, sizeof *labels))) {
		json_array_foreach(list, i, rec) {
			const char *t = rr_rec_str(rec, "title");
			const json_t *partner = json_object_get(rec, "partner");
			if (k == RR_K_PARTNERSHIP && rr_rec_str(partner, "name"))
				t = rr_rec_str(partner, "name");
			values[n] = rr_rec_str(rec, "id");
			labels[n++] = t ? t : rr_rec_str(rec, "id");
		}
		ak_select(f, name, label, values, labels, selected, "(geen)", hint);
	}
	free(values);
	free(labels);
	json_decref(list);
}

void ak_own_ref(rr_req *r, json_t *rec, rr_kind k, const char *key, const char *field,
		const char *label, rr_diag *d)
{
	const char *v = ak_val(r, field), *org = rr_rec_str(rec, "organisation");
	const char *now = rr_rec_str(rec, key);
	json_t *t = NULL;

	if (!v || (now && !strcmp(now, v))) {
		ak_set(rec, key, v);
		return;
	}
	if (rr_store_get(r->store, k, v, r->viewer, &t) || !org || !rr_rec_str(t, "organisation") ||
	    strcmp(rr_rec_str(t, "organisation"), org))
		rr_diag_add_at(d, field, "%s: kies er een van dit bestuursorgaan uit de lijst.", label);
	else
		ak_set(rec, key, v);
	json_decref(t);
}

bool ak_remove_item(const rr_req *r, json_t *rec, const char *key, rr_diag *d)
{
	const char *num = ak_val(r, "nummer");
	json_t *arr = json_object_get(rec, key);
	char *end = NULL;
	long n = num ? strtol(num, &end, 10) : 0;

	if (!num || *end || n < 1 || (size_t)n > json_array_size(arr)) {
		rr_diag_add(d, "Dit onderdeel bestaat niet (meer); laad de pagina opnieuw.");
		return false;
	}
	json_array_remove(arr, (size_t)(n - 1));
	if (!json_array_size(arr))
		json_object_del(rec, key);
	return true;
}
