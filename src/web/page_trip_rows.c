/* page_trip_rows.c - the repeatable rows of the trip forms: destinations
 * (country by Dutch name, city with suggestions), travellers (a person in
 * the register or a new one, with role) and cost lines (category, amount,
 * estimate or actual, paid by the body, an organisation in the register or
 * another named party). Without JavaScript: every form shows its rows plus
 * an empty one; "Nog een ..." sends the form back to be shown with one more
 * row (nothing is saved), "Verwijderen" on a row leaves it out.
 *
 * Field names are PREFIX-N-PART (bestemming-1-land, kosten-2-bedrag), N
 * from 1 in the order shown; a row's messages are at its fields.
 *
 * Suggestions: countries by their Dutch names (pk_country_name), cities
 * from the places already in the register. When the gazetteer
 * (src/nl/places.h) lands, only ak_country_code, country_name and
 * city_suggestions below change. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/country.h"
#include "model/record.h"
#include "web/adminkit.h"

#define MAX_ROWS 60

/* ---- the places hook */

static const char *country_name(const char *code)
{
	const char *n = pk_country_name(code);
	return n && *n ? n : code;
}

const char *ak_country_code(const char *typed, char cc[3])
{
	char code[3];

	if (!typed)
		return NULL;
	while (*typed == ' ')
		typed++;
	if (strlen(typed) == 2 && isalpha((unsigned char)typed[0]) &&
	    isalpha((unsigned char)typed[1])) {
		cc[0] = (char)toupper((unsigned char)typed[0]);
		cc[1] = (char)toupper((unsigned char)typed[1]);
		cc[2] = '\0';
		return rr_country_valid(cc) ? cc : NULL;
	}
	code[2] = '\0';
	for (char a = 'A'; a <= 'Z'; a++)
		for (char b = 'A'; b <= 'Z'; b++) {
			code[0] = a;
			code[1] = b;
			if (rr_country_valid(code) && !strcasecmp(country_name(code), typed)) {
				memcpy(cc, code, 3);
				return cc;
			}
		}
	return NULL;
}

/* Distinct city names of the register's destinations and partners. */
static json_t *city_suggestions(const rr_req *r)
{
	rr_trip_query q = {.limit = 2000};
	json_t *trips = NULL, *set = json_object(), *ps = NULL;
	const json_t *t, *dst;
	size_t i, j;

	if (rr_store_trips(r->store, &q, r->viewer, &trips, NULL) == RR_OK)
		json_array_foreach(trips, i, t)
			json_array_foreach(json_object_get(t, "destinations"), j, dst)
				if (rr_rec_str(dst, "city"))
					json_object_set_new(set, rr_rec_str(dst, "city"), json_true());
	if (rr_store_list(r->store, RR_K_PARTNERSHIP, NULL, 0, r->viewer, &ps) == RR_OK)
		json_array_foreach(ps, i, t)
			if (rr_rec_str(json_object_get(t, "partner"), "city"))
				json_object_set_new(set, rr_rec_str(json_object_get(t, "partner"), "city"),
						    json_true());
	json_decref(trips);
	json_decref(ps);
	return set;
}

static void datalist_begin(html *h, const char *id)
{
	html_open(h, "datalist");
	html_attr(h, "id", id);
}

static void option(html *h, const char *value)
{
	html_open(h, "option");
	html_attr(h, "value", value);
	html_close(h, "option");
}

void ak_row_datalists(ak_form *f)
{
	json_t *set = city_suggestions(f->r), *people = NULL, *v;
	const json_t *p;
	const char *key;
	char code[3] = {0};
	size_t i;

	datalist_begin(f->h, "landen");
	for (char a = 'A'; a <= 'Z'; a++)
		for (char b = 'A'; b <= 'Z'; b++) {
			code[0] = a;
			code[1] = b;
			if (rr_country_valid(code) && strcmp(country_name(code), code))
				option(f->h, country_name(code));
		}
	html_close(f->h, "datalist");
	datalist_begin(f->h, "steden");
	json_object_foreach(set, key, v)
		option(f->h, key);
	html_close(f->h, "datalist");
	datalist_begin(f->h, "personen");
	if (rr_store_list(f->r->store, RR_K_PERSON, NULL, 0, f->r->viewer, &people) == RR_OK)
		json_array_foreach(people, i, p)
			if (rr_rec_str(p, "name"))
				option(f->h, rr_rec_str(p, "name"));
	html_close(f->h, "datalist");
	json_decref(people);
	json_decref(set);
}

/* ---- rows as typed */

static bool significant(const char *part)
{
	return strcmp(part, "soort") && strcmp(part, "betaler") && strcmp(part, "weg");
}

json_t *ak_rows_of_req(const rr_req *r, const char *prefix)
{
	json_t *rows[MAX_ROWS] = {0}, *out = json_array();
	size_t pl = strlen(prefix), max = 0;

	for (size_t i = 0; r->form && i < r->form->nparams; i++) {
		const char *k = r->form->params[i].key, *v = r->form->params[i].val;
		char *end;
		long n;

		if (strncmp(k, prefix, pl) || k[pl] != '-' || !isdigit((unsigned char)k[pl + 1]))
			continue;
		n = strtol(k + pl + 1, &end, 10);
		if (n < 1 || n > MAX_ROWS || *end != '-' || !end[1])
			continue;
		if (!rows[n - 1])
			rows[n - 1] = json_object();
		json_object_set_new(rows[n - 1], end + 1, json_string(v));
		if ((size_t)n > max)
			max = (size_t)n;
	}
	for (size_t i = 0; i < max; i++) {
		const char *k;
		json_t *v;
		bool any = false;

		if (!rows[i])
			continue;
		json_object_foreach(rows[i], k, v)
			any |= significant(k) && *json_string_value(v);
		if (any && !ak_fval(rows[i], "weg"))
			json_array_append(out, rows[i]);
		json_decref(rows[i]);
	}
	return out;
}

json_t *ak_dest_rows_of(const json_t *dests)
{
	json_t *out = json_array();
	const json_t *x;
	size_t i;

	json_array_foreach(dests, i, x)
		json_array_append_new(out, json_pack("{s:s, s:s}", "land",
			rr_rec_str(x, "country") ? country_name(rr_rec_str(x, "country")) : "",
			"stad", rr_rec_str(x, "city") ? rr_rec_str(x, "city") : ""));
	return out;
}

json_t *ak_traveller_rows_of(const json_t *travellers)
{
	json_t *out = json_array();
	const json_t *x;
	size_t i;

	json_array_foreach(travellers, i, x)
		json_array_append_new(out, json_pack("{s:s, s:s}", "naam",
			rr_rec_str(x, "name") ? rr_rec_str(x, "name") : "",
			"rol", rr_rec_str(x, "role") ? rr_rec_str(x, "role") : ""));
	return out;
}

json_t *ak_cost_rows_of(const json_t *costs, const char *org)
{
	json_t *out = json_array();
	const json_t *x;
	size_t i;

	json_array_foreach(costs, i, x) {
		const char *paid = rr_rec_str(x, "paid_by");
		char amount[64];
		json_t *row;

		ak_text_of(amount, sizeof amount, json_object_get(x, "amount_eur"));
		row = json_pack("{s:s, s:s, s:s}", "categorie",
				rr_rec_str(x, "category") ? rr_rec_str(x, "category") : "",
				"bedrag", amount, "soort",
				rr_rec_str(x, "kind") ? rr_rec_str(x, "kind") : "estimate");
		/* an organisation is recognised when the form is drawn */
		json_object_set_new(row, "betaler", json_string(!paid || (org && !strcmp(paid, org)) ?
								  "" : paid));
		json_array_append_new(out, row);
	}
	return out;
}

/* ---- drawing rows */

static void row_name(char *out, size_t n, const char *prefix, size_t i, const char *part)
{
	snprintf(out, n, "%s-%zu-%s", prefix, i + 1, part);
}

static void row_begin(ak_form *f, const char *what, size_t i)
{
	char legend[80];

	snprintf(legend, sizeof legend, "%s %zu", what, i + 1);
	html_open_c(f->h, "fieldset", "utrecht-form-fieldset utrecht-form-fieldset--html-fieldset rr-row");
	html_open_c(f->h, "legend", "utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend rr-row__legend");
	html_text(f->h, legend);
	html_close(f->h, "legend");
	html_open_c(f->h, "div", "rr-row__fields");
}

static void row_end(ak_form *f, const char *prefix, size_t i, bool filled)
{
	char name[64];

	html_close(f->h, "div");
	if (filled) {
		row_name(name, sizeof name, prefix, i, "weg");
		ak_checkbox(f, name, "Deze regel verwijderen", false);
	}
	html_close(f->h, "fieldset");
}

static size_t extra_rows(const ak_form *f, const char *prefix, size_t extra)
{
	const char *more = ak_val(f->r, "meer");
	return extra + (more && !strcmp(more, prefix) ? 1 : 0);
}

void ak_dest_fields(ak_form *f, const char *prefix, const json_t *rows, size_t extra)
{
	size_t n = json_array_size(rows) + extra_rows(f, prefix, extra);
	char name[64];

	ak_fieldset_begin(f, "Bestemmingen", "");
	html_open_c(f->h, "p", "utrecht-paragraph rr-hint");
	html_text(f->h, "Eén regel per plaats: het land en de stad. Begin te typen en kies uit "
		  "de lijst.");
	html_close(f->h, "p");
	for (size_t i = 0; i < n && i < MAX_ROWS; i++) {
		const json_t *row = json_array_get(rows, i);
		row_begin(f, "Bestemming", i);
		row_name(name, sizeof name, prefix, i, "land");
		ak_input_list(f, name, "Land", ak_fval(row, "land"), NULL, "landen");
		row_name(name, sizeof name, prefix, i, "stad");
		ak_input_list(f, name, "Stad", ak_fval(row, "stad"), NULL, "steden");
		row_end(f, prefix, i, row != NULL);
	}
	ak_button(f, "meer", prefix, "Nog een bestemming");
	ak_fieldset_end(f);
}

void ak_traveller_fields(ak_form *f, const char *prefix, const char *legend,
			 const json_t *rows, size_t extra, const char *hint)
{
	size_t n = json_array_size(rows) + extra_rows(f, prefix, extra);
	char name[64];

	ak_fieldset_begin(f, legend, "");
	if (hint) {
		html_open_c(f->h, "p", "utrecht-paragraph rr-hint");
		html_text(f->h, hint);
		html_close(f->h, "p");
	}
	for (size_t i = 0; i < n && i < MAX_ROWS; i++) {
		const json_t *row = json_array_get(rows, i);
		row_begin(f, "Reiziger", i);
		row_name(name, sizeof name, prefix, i, "naam");
		ak_input_list(f, name, "Naam", ak_fval(row, "naam"), NULL, "personen");
		row_name(name, sizeof name, prefix, i, "rol");
		ak_input(f, "text", name, "Rol", ak_fval(row, "rol"), NULL);
		row_end(f, prefix, i, row != NULL);
	}
	ak_button(f, "meer", prefix, "Nog een reiziger");
	ak_fieldset_end(f);
}

/* The payer select: the body itself, an organisation of the register, or
 * another party named in the next field. */
static void payer_select(ak_form *f, const char *name, const char *org, const json_t *orgs,
			 const char *chosen, bool *other)
{
	size_t n = json_array_size(orgs), k = 0, i;
	const char **values = calloc(n + 3, sizeof *values), **labels = calloc(n + 3, sizeof *labels);
	const json_t *o;
	char self[200];

	*other = chosen && *chosen;
	if (!values || !labels)
		goto out;
	snprintf(self, sizeof self, "%s zelf", org ? org : "Het orgaan");
	values[k] = "";
	labels[k++] = self;
	json_array_foreach(orgs, i, o) {
		const char *id = rr_rec_str(o, "id");
		if (!id || (org && !strcmp(id, org)))
			continue;
		if (chosen && !strcmp(chosen, id))
			*other = false;
		values[k] = id;
		labels[k++] = rr_rec_str(o, "name") ? rr_rec_str(o, "name") : id;
	}
	values[k] = "ander";
	labels[k++] = "Een andere partij (vul de naam in)";
	if (chosen && !strcmp(chosen, "ander"))
		*other = true;
	ak_select(f, name, "Betaald door", values, labels, *other ? "ander" : chosen, NULL, NULL);
out:
	free(values);
	free(labels);
}

void ak_cost_fields(ak_form *f, const char *prefix, const json_t *rows, size_t extra,
		    const char *org, const char *fixed_kind)
{
	size_t n = json_array_size(rows) + extra_rows(f, prefix, extra);
	json_t *orgs = NULL, *orec = NULL;
	const char *org_name = ak_org_name(f->r->store, org, &orec);
	char name[64];

	rr_store_list(f->r->store, RR_K_ORGANISATION, NULL, 0, f->r->viewer, &orgs);
	ak_fieldset_begin(f, fixed_kind ? "Werkelijke kosten" : "Kosten", "");
	html_open_c(f->h, "p", "utrecht-paragraph rr-hint");
	html_text(f->h, "Eén regel per kostenpost. Laat het bedrag leeg als het nog niet bekend is.");
	html_close(f->h, "p");
	for (size_t i = 0; i < n && i < MAX_ROWS; i++) {
		const json_t *row = json_array_get(rows, i);
		const char *payer = ak_fval(row, "betaler");
		bool other;

		row_begin(f, "Kostenpost", i);
		row_name(name, sizeof name, prefix, i, "categorie");
		ak_input(f, "text", name, "Waarvoor", ak_fval(row, "categorie"), "Zoals Vliegreis of Hotel");
		row_name(name, sizeof name, prefix, i, "bedrag");
		ak_input(f, "text", name, "Bedrag in euro's", ak_fval(row, "bedrag"), "Zoals 1.250,50");
		if (!fixed_kind) {
			row_name(name, sizeof name, prefix, i, "soort");
			ak_select(f, name, "Raming of werkelijk", rr_cost_kind_values, NULL,
				  ak_fval(row, "soort"), NULL, NULL);
		}
		row_name(name, sizeof name, prefix, i, "betaler");
		payer_select(f, name, org_name, orgs, payer, &other);
		row_name(name, sizeof name, prefix, i, "partij");
		ak_input(f, "text", name, "Naam van de andere betaler",
			 ak_fval(row, "partij") ? ak_fval(row, "partij") :
			 other && payer && strcmp(payer, "ander") ? payer : NULL,
			 "Alleen als een andere partij betaalt");
		row_end(f, prefix, i, row != NULL);
	}
	ak_button(f, "meer", prefix, "Nog een kostenpost");
	ak_fieldset_end(f);
	json_decref(orgs);
	json_decref(orec);
}

/* ---- parsing rows */

json_t *ak_dest_parse(const json_t *rows, const char *prefix, rr_diag *d)
{
	json_t *out = json_array();
	const json_t *row;
	char name[64], cc[3];
	size_t i;

	json_array_foreach(rows, i, row) {
		const char *land = ak_fval(row, "land"), *stad = ak_fval(row, "stad");
		row_name(name, sizeof name, prefix, i, "land");
		if (!land) {
			rr_diag_add_at(d, name, "Bestemming %zu: vul het land in.", i + 1);
			continue;
		}
		if (!ak_country_code(land, cc)) {
			rr_diag_add_at(d, name, "Bestemming %zu: '%.60s' is geen land dat wij kennen. "
				       "Kies een land uit de lijst, of typ de landcode van twee letters "
				       "(zoals JP).", i + 1, land);
			continue;
		}
		json_array_append_new(out, stad ? json_pack("{s:s, s:s}", "country", cc, "city", stad)
						: json_pack("{s:s}", "country", cc));
	}
	return out;
}

/* The id of the person in people called name (or by an alias), or NULL. */
static const char *person_of(const json_t *people, const char *name)
{
	const json_t *p, *a;
	size_t i, j;

	json_array_foreach(people, i, p) {
		if (rr_rec_str(p, "name") && !strcasecmp(rr_rec_str(p, "name"), name))
			return rr_rec_str(p, "id");
		json_array_foreach(json_object_get(p, "aliases"), j, a)
			if (json_is_string(a) && !strcasecmp(json_string_value(a), name))
				return rr_rec_str(p, "id");
	}
	return NULL;
}

json_t *ak_traveller_parse(rr_req *r, const json_t *rows, const char *prefix, rr_diag *d)
{
	json_t *out = json_array(), *people = NULL;
	const json_t *row;
	char name[64];
	size_t i;

	rr_store_list(r->store, RR_K_PERSON, NULL, 0, r->viewer, &people);
	json_array_foreach(rows, i, row) {
		const char *naam = ak_fval(row, "naam"), *rol = ak_fval(row, "rol"), *who;
		json_t *t;

		row_name(name, sizeof name, prefix, i, "naam");
		if (!naam) {
			rr_diag_add_at(d, name, "Reiziger %zu: vul de naam in.", i + 1);
			continue;
		}
		t = json_pack("{s:s}", "name", naam);
		if (rol)
			json_object_set_new(t, "role", json_string(rol));
		if ((who = person_of(people, naam)))
			json_object_set_new(t, "person", json_string(who));
		json_array_append_new(out, t);
	}
	json_decref(people);
	return out;
}

json_t *ak_cost_parse(const json_t *rows, const char *prefix, const char *org,
		      const char *fixed_kind, rr_diag *d)
{
	json_t *out = json_array();
	const json_t *row;
	char name[64];
	size_t i;

	json_array_foreach(rows, i, row) {
		const char *cat = ak_fval(row, "categorie"), *amount = ak_fval(row, "bedrag");
		const char *kind = fixed_kind ? fixed_kind : ak_fval(row, "soort");
		const char *payer = ak_fval(row, "betaler"), *party = ak_fval(row, "partij");
		long long cents = -2;
		bool bad = false;
		json_t *c;

		if (!cat) {
			row_name(name, sizeof name, prefix, i, "categorie");
			rr_diag_add_at(d, name, "Kostenpost %zu: vul in waarvoor de kosten zijn, zoals "
				       "Vliegreis.", i + 1);
			bad = true;
		}
		if (amount && (cents = ak_euros(amount)) < 0) {
			row_name(name, sizeof name, prefix, i, "bedrag");
			rr_diag_add_at(d, name, "Kostenpost %zu: '%.40s' is geen bedrag. Schrijf het in "
				       "euro's, zoals 1.250,50.", i + 1, amount);
			bad = true;
		}
		if (!kind || !rr_enum_has(rr_cost_kind_values, kind)) {
			row_name(name, sizeof name, prefix, i, "soort");
			rr_diag_add_at(d, name, "Kostenpost %zu: kies raming of werkelijk.", i + 1);
			bad = true;
		}
		if (payer && !strcmp(payer, "ander")) {
			payer = party;
			if (!party) {
				row_name(name, sizeof name, prefix, i, "partij");
				rr_diag_add_at(d, name, "Kostenpost %zu: vul de naam in van de partij die "
					       "betaalt.", i + 1);
				bad = true;
			}
		} else if (!payer && party) {
			payer = party; /* a name typed without choosing "another party" */
		}
		if (bad)
			continue;
		c = json_pack("{s:s, s:s, s:s}", "category", cat, "kind", kind, "paid_by",
			      payer ? payer : org ? org : "");
		if (c && cents >= 0) /* -2: left empty, not known */
			json_object_set_new(c, "amount_eur", json_real((double)cents / 100.0));
		json_array_append_new(out, c);
	}
	return out;
}

bool ak_more(const rr_req *r)
{
	return ak_val(r, "meer") != NULL;
}
