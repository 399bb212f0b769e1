/* page_trip_fields.c - the descriptive fields of a trip as one form, shared
 * by the new request (/beheer/reizen/nieuw, page_trip_edit.c) and the
 * correction of an existing trip (/beheer/reizen/{id}/bewerken, here):
 * title, kind, direction, counterpart, purpose, motivation, destinations,
 * travellers, external parties, planned dates and officials, cost lines,
 * themes and partnership. Lists are one per line. The lifecycle fields
 * (status, decision, report, public, coordination, cancellation, sources,
 * actual dates) are never touched here: they are page_trip_action.c's. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/country.h"
#include "model/record.h"
#include "web/adminkit.h"

/* Calls fn for every non-empty trimmed line of text. */
typedef void (*line_fn)(void *ctx, char *line, size_t no);

static void each_line(const char *text, line_fn fn, void *ctx)
{
	char line[1024];
	size_t no = 0;

	while (text && *text) {
		size_t n = strcspn(text, "\n");
		size_t k = n < sizeof line - 1 ? n : sizeof line - 1;
		char *s = line, *e;

		memcpy(line, text, k);
		line[k] = '\0';
		text += n + (text[n] == '\n');
		no++;
		while (isspace((unsigned char)*s))
			s++;
		e = s + strlen(s);
		while (e > s && isspace((unsigned char)e[-1]))
			*--e = '\0';
		if (*s)
			fn(ctx, s, no);
	}
}

/* Splits s at ';' into at most n trimmed parts; returns how many. */
static size_t split(char *s, char **parts, size_t n)
{
	size_t k = 0;

	while (k < n) {
		char *semi = k + 1 < n ? strchr(s, ';') : NULL, *e;
		while (isspace((unsigned char)*s))
			s++;
		if (semi)
			*semi = '\0';
		e = s + strlen(s);
		while (e > s && isspace((unsigned char)e[-1]))
			*--e = '\0';
		parts[k++] = s;
		if (!semi)
			break;
		s = semi + 1;
	}
	return k;
}

typedef struct lines_ctx {
	json_t *arr;
	rr_diag *d;
	const char *kind, *org;
} lines_ctx;

static void dest_line(void *ctx, char *line, size_t no)
{
	lines_ctx *c = ctx;
	char cc[3] = {0};
	const char *city = line + 2;

	if (!isalpha((unsigned char)line[0]) || !isalpha((unsigned char)line[1]) ||
	    (line[2] && line[2] != ' ' && line[2] != ',')) {
		rr_diag_add(c->d, "Bestemmingen (bestemmingen), regel %zu: begin met de landcode "
			    "van twee letters, zoals 'JP Osaka'", no);
		return;
	}
	cc[0] = (char)toupper((unsigned char)line[0]);
	cc[1] = (char)toupper((unsigned char)line[1]);
	if (!rr_country_valid(cc)) {
		rr_diag_add(c->d, "Bestemmingen (bestemmingen), regel %zu: '%s' is geen bekende "
			    "landcode", no, cc);
		return;
	}
	while (*city == ' ' || *city == ',')
		city++;
	json_array_append_new(c->arr, *city ? json_pack("{s:s, s:s}", "country", cc, "city", city)
					    : json_pack("{s:s}", "country", cc));
}

static void traveller_line(void *ctx, char *line, size_t no)
{
	lines_ctx *c = ctx;
	char *p[2];
	size_t n = split(line, p, 2);

	(void)no;
	if (n == 2 && *p[1])
		json_array_append_new(c->arr, json_pack("{s:s, s:s}", "name", p[0], "role", p[1]));
	else
		json_array_append_new(c->arr, json_pack("{s:s}", "name", p[0]));
}

static void cost_line(void *ctx, char *line, size_t no)
{
	lines_ctx *c = ctx;
	char *p[4];
	size_t n = split(line, p, 4);
	long long cents = n >= 2 && *p[1] ? ak_euros(p[1]) : n >= 2 ? -2 : -1;
	const char *kind = c->kind;
	json_t *cost;

	if (n == 4 && !strcmp(p[3], "werkelijk"))
		kind = "actual";
	else if (n == 4 && !strcmp(p[3], "raming"))
		kind = "estimate";
	else if (n == 4 && *p[3])
		cents = -1;
	if (n < 2 || !*p[0] || cents == -1) {
		rr_diag_add(c->d, "Kosten (kosten), regel %zu: schrijf 'categorie; bedrag; betaald "
			    "door', het bedrag in euro's zoals 1.234,50 (en eventueel '; werkelijk')",
			    no);
		return;
	}
	cost = json_pack("{s:s, s:s, s:s}", "category", p[0], "kind", kind, "paid_by",
			 n >= 3 && *p[2] ? p[2] : c->org);
	if (cost && cents >= 0) /* -2: left empty, not known */
		json_object_set_new(cost, "amount_eur", json_real((double)cents / 100.0));
	json_array_append_new(c->arr, cost);
}

json_t *ak_destinations(const char *text, rr_diag *d)
{
	lines_ctx c = {.arr = json_array(), .d = d};
	each_line(text, dest_line, &c);
	return c.arr;
}

json_t *ak_travellers(const char *text, rr_diag *d)
{
	lines_ctx c = {.arr = json_array(), .d = d};
	each_line(text, traveller_line, &c);
	return c.arr;
}

json_t *ak_costs(const char *text, const char *kind, const char *org, rr_diag *d)
{
	lines_ctx c = {.arr = json_array(), .d = d, .kind = kind, .org = org};
	each_line(text, cost_line, &c);
	return c.arr;
}

static const char *const kind_labels[] = {"Dienstreis", "Handelsmissie", "Studiereis",
	"Werkbezoek", "Conferentie", "Bezoek", NULL};
static const char *const dir_values[] = {"out", "in", NULL};
static const char *const dir_labels[] = {"Uitgaand (wij reizen)", "Ontvangen delegatie", NULL};

/* The text keys of the form (thema is the array of checked themes). */
static const char *const text_keys[] = {"titel", "soort", "richting", "tegenpartij",
	"gepland_begin", "gepland_eind", "bestemmingen", "reizigers", "geplande_reizigers",
	"doel", "motivatie", "ambtenaren", "externe_partijen", "kosten", "partnerschap", NULL};

json_t *ak_trip_form_of_req(const rr_req *r)
{
	json_t *v = json_object(), *themes = json_array();
	const char *s;
	size_t i = 0;

	for (size_t k = 0; text_keys[k]; k++)
		if ((s = ak_val(r, text_keys[k])))
			json_object_set_new(v, text_keys[k], json_string(s));
	while (r->form && (s = rr_form_next(r->form, "thema", &i)))
		json_array_append_new(themes, json_string(s));
	json_object_set_new(v, "thema", themes);
	return v;
}

/* A growing text of lines. */
typedef struct text {
	char *s;
	size_t n, cap;
} text;

static void text_add(text *t, const char *s)
{
	size_t k = strlen(s);

	if (t->n + k + 1 > t->cap) {
		size_t cap = (t->n + k + 1) * 2;
		char *p = realloc(t->s, cap);
		if (!p)
			return;
		t->s = p;
		t->cap = cap;
	}
	memcpy(t->s + t->n, s, k + 1);
	t->n += k;
}

/* Sets v[key] to the text and frees it. */
static void text_put(json_t *v, const char *key, text *t)
{
	if (t->s && t->n)
		json_object_set_new(v, key, json_string(t->s));
	free(t->s);
	*t = (text){0};
}

static void travellers_text(json_t *v, const char *key, const json_t *arr)
{
	text t = {0};
	const json_t *x;
	size_t i;

	json_array_foreach(arr, i, x) {
		if (!rr_rec_str(x, "name"))
			continue;
		text_add(&t, rr_rec_str(x, "name"));
		if (rr_rec_str(x, "role")) {
			text_add(&t, "; ");
			text_add(&t, rr_rec_str(x, "role"));
		}
		text_add(&t, "\n");
	}
	text_put(v, key, &t);
}

json_t *ak_trip_form_of_trip(const json_t *trip)
{
	json_t *v = json_object(), *themes = json_object_get(trip, "themes");
	const char *org = rr_rec_str(trip, "organisation");
	text t = {0};
	const json_t *x;
	char s[64];
	size_t i;
	static const char *const plain[][2] = {{"titel", "title"}, {"soort", "kind"},
		{"richting", "direction"}, {"tegenpartij", "counterpart"},
		{"gepland_begin", "planned_start"}, {"gepland_eind", "planned_end"},
		{"doel", "purpose"}, {"motivatie", "motivation"}, {"partnerschap", "partnership"}};

	for (i = 0; i < sizeof plain / sizeof plain[0]; i++)
		if (rr_rec_str(trip, plain[i][1]))
			json_object_set_new(v, plain[i][0], json_string(rr_rec_str(trip, plain[i][1])));
	ak_text_of(s, sizeof s, json_object_get(trip, "planned_accompanying_officials"));
	if (s[0])
		json_object_set_new(v, "ambtenaren", json_string(s));
	json_array_foreach(json_object_get(trip, "destinations"), i, x) {
		text_add(&t, rr_rec_str(x, "country") ? rr_rec_str(x, "country") : "");
		if (rr_rec_str(x, "city")) {
			text_add(&t, " ");
			text_add(&t, rr_rec_str(x, "city"));
		}
		text_add(&t, "\n");
	}
	text_put(v, "bestemmingen", &t);
	travellers_text(v, "reizigers", json_object_get(trip, "travellers"));
	travellers_text(v, "geplande_reizigers", json_object_get(trip, "planned_travellers"));
	json_array_foreach(json_object_get(trip, "external_parties"), i, x) {
		if (!json_is_string(x))
			continue;
		text_add(&t, json_string_value(x));
		text_add(&t, "\n");
	}
	text_put(v, "externe_partijen", &t);
	json_array_foreach(json_object_get(trip, "costs"), i, x) {
		const char *paid = rr_rec_str(x, "paid_by"), *kind = rr_rec_str(x, "kind");
		ak_text_of(s, sizeof s, json_object_get(x, "amount_eur"));
		text_add(&t, rr_rec_str(x, "category") ? rr_rec_str(x, "category") : "");
		text_add(&t, "; ");
		text_add(&t, s);
		text_add(&t, "; ");
		text_add(&t, paid ? paid : org ? org : "");
		if (kind && !strcmp(kind, "actual"))
			text_add(&t, "; werkelijk");
		text_add(&t, "\n");
	}
	text_put(v, "kosten", &t);
	json_object_set_new(v, "thema", json_is_array(themes) ? json_deep_copy(themes) :
				   json_array());
	return v;
}

static const char *val(const json_t *v, const char *key)
{
	return rr_rec_str(v, key);
}

void ak_trip_form_fields(html *h, const json_t *v, unsigned flags)
{
	bool edit = flags & AK_TF_EDIT, rep = flags & AK_TF_REPORTED;
	static const char req[] = " Waarde uit de aanvraag: het verslag is al ingediend.";
	char hint[200];

	ak_input(h, "text", "titel", "Titel", val(v, "titel"), NULL);
	ak_select(h, "soort", "Soort reis", rr_trip_kind_values, kind_labels, val(v, "soort"),
		  edit);
	ak_select(h, "richting", "Richting", dir_values, dir_labels, val(v, "richting"), false);
	ak_input(h, "text", "tegenpartij", "Tegenpartij (bezoekende of bezochte partij)",
		 val(v, "tegenpartij"), NULL);
	snprintf(hint, sizeof hint, "jjjj-mm-dd.%s", rep ? req : "");
	ak_input(h, "date", "gepland_begin", "Geplande vertrekdatum", val(v, "gepland_begin"),
		 hint);
	ak_input(h, "date", "gepland_eind", "Geplande terugkomst", val(v, "gepland_eind"), hint);
	ak_textarea(h, "bestemmingen", "Bestemmingen", val(v, "bestemmingen"),
		    "Eén per regel: landcode en stad, zoals 'JP Osaka'.");
	ak_textarea(h, "reizigers", "Reizigers", val(v, "reizigers"),
		    "Eén per regel: naam; rol, zoals 'Anna de Vries; wethouder'.");
	if (edit) {
		snprintf(hint, sizeof hint, "Zoals gepland in de aanvraag; één per regel: naam; rol.%s",
			 rep ? req : "");
		ak_textarea(h, "geplande_reizigers", "Reizigers (gepland)",
			    val(v, "geplande_reizigers"), hint);
	}
	ak_textarea(h, "doel", "Doel", val(v, "doel"), NULL);
	ak_textarea(h, "motivatie", "Motivatie", val(v, "motivatie"), NULL);
	ak_input(h, "number", "ambtenaren", "Aantal meereizende ambtenaren (gepland)",
		 val(v, "ambtenaren"), rep ? req + 1 : NULL);
	ak_textarea(h, "externe_partijen", "Externe partijen", val(v, "externe_partijen"),
		    "Eén per regel, zoals een bedrijf of kennisinstelling die meereist.");
	ak_textarea(h, "kosten", edit ? "Kosten" : "Geraamde kosten", val(v, "kosten"),
		    "Eén post per regel: categorie; bedrag in euro's; betaald door (leeg: het "
		    "orgaan zelf), zoals 'Vliegreis; 1.250,00; MRA'. Werkelijke kosten eindigen "
		    "op '; werkelijk'.");
	ak_checkboxes(h, "thema", "Thema's", rr_theme_values, pk_theme_label,
		      json_object_get(v, "thema"));
	ak_input(h, "text", "partnerschap", "Partnerschap (id, als de reis erbij hoort)",
		 val(v, "partnerschap"), NULL);
}

/* Copies field extra of the old item with the same k1 and k2 into each new
 * item (a traveller's person, a destination's region, a cost's note). */
static void keep(json_t *arr, const json_t *old, const char *k1, const char *k2,
		 const char *extra)
{
	const json_t *o;
	json_t *n;
	size_t i, j;

	json_array_foreach(arr, i, n) {
		json_array_foreach(old, j, o) {
			const char *a = rr_rec_str(n, k1), *b = rr_rec_str(o, k1);
			const char *c = rr_rec_str(n, k2), *d = rr_rec_str(o, k2);
			if (a && b && !strcmp(a, b) && (c ? d && !strcmp(c, d) : !d)) {
				if (json_object_get(o, extra) && !json_object_get(n, extra))
					json_object_set(n, extra, json_object_get(o, extra));
				break;
			}
		}
	}
}

static void party_line(void *ctx, char *line, size_t no)
{
	(void)no;
	json_array_append_new(ctx, json_string(line));
}

/* The strings of now, those also in old first in old's order (a form of
 * checkboxes sends them in its own order). Steals now. */
static json_t *in_old_order(json_t *now, const json_t *old)
{
	json_t *out = json_array(), *x;
	const json_t *o;
	size_t i, j;

	json_array_foreach(old, j, o)
		json_array_foreach(now, i, x)
			if (json_equal(x, o)) {
				json_array_append(out, x);
				json_array_remove(now, i);
				break;
			}
	json_array_extend(out, now);
	json_decref(now);
	return out;
}

/* arr as t[key], or no key when empty. Steals arr. */
static void set_arr(json_t *t, const char *key, json_t *arr)
{
	if (json_array_size(arr))
		json_object_set_new(t, key, arr);
	else {
		json_decref(arr);
		json_object_del(t, key);
	}
}

/* A trip may link only a partnership of its own body (one it already
 * links stays as it is). */
static void own_partnership(const rr_req *r, json_t *t, rr_diag *d)
{
	const char *v = ak_val(r, "partnerschap"), *org = rr_rec_str(t, "organisation");
	const char *now = rr_rec_str(t, "partnership");
	json_t *p = NULL;

	if (!v || (now && !strcmp(now, v))) {
		ak_set(t, "partnership", v);
		return;
	}
	if (rr_store_get(r->store, RR_K_PARTNERSHIP, v, r->viewer, &p) || !org ||
	    !rr_rec_str(p, "organisation") || strcmp(rr_rec_str(p, "organisation"), org))
		rr_diag_add(d, "Partnerschap (partnerschap): '%.100s' hoort niet bij %s", v,
			    org ? org : "dit orgaan");
	else
		ak_set(t, "partnership", v);
	json_decref(p);
}

void ak_trip_form_parse(const rr_req *r, json_t *t, unsigned flags, rr_date *ps, rr_diag *d)
{
	bool edit = flags & AK_TF_EDIT;
	const char *org = rr_rec_str(t, "organisation"), *v;
	json_t *travs, *planned, *costs, *dests, *ext = json_array(), *themes = json_array();
	char iso[RR_DATE_ISO_MAX];
	rr_date pe;
	size_t i = 0;

	if (!(v = ak_val(r, "titel")))
		rr_diag_add(d, "Titel (titel): vul een titel in");
	ak_set(t, "title", v);
	ak_set(t, "kind", ak_val(r, "soort"));
	ak_set(t, "direction", ak_val(r, "richting"));
	ak_set(t, "counterpart", ak_val(r, "tegenpartij"));
	ak_set(t, "purpose", ak_val(r, "doel"));
	ak_set(t, "motivation", ak_val(r, "motivatie"));
	own_partnership(r, t, d);
	ak_date(r, "gepland_begin", "Geplande vertrekdatum", !edit, ps, d);
	ak_date(r, "gepland_eind", "Geplande terugkomst", false, &pe, d);
	if (ps->prec)
		rr_date_iso(ps, iso);
	ak_set(t, "planned_start", ps->prec ? iso : NULL);
	if (pe.prec)
		rr_date_iso(&pe, iso);
	ak_set(t, "planned_end", pe.prec ? iso : NULL);
	dests = ak_destinations(ak_val(r, "bestemmingen"), d);
	keep(dests, json_object_get(t, "destinations"), "country", "city", "region");
	set_arr(t, "destinations", dests);
	travs = ak_travellers(ak_val(r, "reizigers"), d);
	keep(travs, json_object_get(t, "travellers"), "name", "role", "person");
	planned = edit ? ak_travellers(ak_val(r, "geplande_reizigers"), d) : json_deep_copy(travs);
	keep(planned, json_object_get(t, "planned_travellers"), "name", "role", "person");
	set_arr(t, "travellers", travs);
	set_arr(t, "planned_travellers", planned);
	costs = ak_costs(ak_val(r, "kosten"), "estimate", org ? org : "", d);
	keep(costs, json_object_get(t, "costs"), "category", "kind", "note");
	set_arr(t, "costs", costs);
	json_object_del(t, "planned_accompanying_officials");
	if ((v = ak_val(r, "ambtenaren"))) {
		char *end;
		long n = strtol(v, &end, 10);
		if (*end || n < 0 || n > 1000)
			rr_diag_add(d, "Aantal ambtenaren (ambtenaren): een heel getal van 0 tot 1000");
		else
			json_object_set_new(t, "planned_accompanying_officials", json_integer(n));
	}
	each_line(ak_val(r, "externe_partijen"), party_line, ext);
	set_arr(t, "external_parties", ext);
	while (r->form && (v = rr_form_next(r->form, "thema", &i))) {
		if (!rr_enum_has(rr_theme_values, v))
			rr_diag_add(d, "Thema's (thema): onbekend thema");
		else
			json_array_append_new(themes, json_string(v));
	}
	set_arr(t, "themes", in_old_order(themes, json_object_get(t, "themes")));
}

/* The correction form of trip with values v and d's problems. */
static rr_err fields_page(rr_req *r, rr_resp *o, const json_t *trip, const json_t *v,
			  const rr_diag *d, int status)
{
	const char *id = rr_rec_str(trip, "id"), *title = rr_rec_str(trip, "title");
	const char *st = rr_rec_str(trip, "status");
	bool rep = st && !strcmp(st, "reported");
	char action[200], back[200];
	html h;

	snprintf(back, sizeof back, "/beheer/reizen/%s", id);
	layout_crumb crumbs[] = {{"Home", "/"}, {"Beheer", "/beheer"}, {title, back},
		{"Gegevens bewerken", NULL}};
	pk_begin(&h, o, "Gegevens bewerken", crumbs, 4, NULL);
	layout_h1(&h, "Gegevens bewerken");
	html_open_c(&h, "p", "utrecht-paragraph");
	html_textf(&h, "%s (%s). Status, besluit, verslag en publicatie wijzigt u met de "
		   "volgende stappen op de pagina van de reis.", title, id);
	html_close(&h, "p");
	if (rep)
		layout_paragraph(&h, "Het verslag is ingediend: de geplande datums, reizigers en "
				 "ambtenaren zijn de waarden uit de aanvraag.");
	ak_errors(&h, d);
	snprintf(action, sizeof action, "/beheer/reizen/%s/bewerken", id);
	ak_form_begin(&h, r, action);
	ak_trip_form_fields(&h, v, AK_TF_EDIT | (rep ? AK_TF_REPORTED : 0));
	ak_submit(&h, "Opslaan");
	html_close(&h, "form");
	html_open_c(&h, "p", "utrecht-paragraph");
	pk_link(&h, "/beheer/reizen/", id, "Terug naar de reis");
	html_close(&h, "p");
	o->status = status;
	return pk_end(&h, o);
}

rr_err page_trip_fields(rr_req *r, rr_resp *o)
{
	json_t *t = NULL, *v = NULL;
	bool denied;
	rr_err e;

	if (!r->principal)
		return ak_need_login(o);
	if ((e = ak_load_trip(r, o, rr_req_cap(r, "id"), RR_CAP_EDIT, &t, &denied)) || denied)
		return e;
	if (!(v = ak_trip_form_of_trip(t))) {
		e = RR_ENOMEM;
		goto out;
	}
	e = fields_page(r, o, t, v, NULL, 200);
out:
	json_decref(v);
	json_decref(t);
	return e;
}

rr_err trip_fields_save(rr_req *r, rr_resp *o)
{
	json_t *t = NULL, *upd = NULL, *v = NULL;
	rr_diag d = {0};
	rr_date ps;
	bool denied;
	char path[200];
	rr_err e;

	if ((e = ak_load_trip(r, o, rr_req_cap(r, "id"), RR_CAP_EDIT, &t, &denied)) || denied)
		return e;
	if (!(upd = json_deep_copy(t))) {
		e = RR_ENOMEM;
		goto out;
	}
	ak_trip_form_parse(r, upd, AK_TF_EDIT, &ps, &d);
	if (!d.n && (e = ak_save(r, RR_K_TRIP, upd, &d)) == RR_OK) {
		snprintf(path, sizeof path, "/beheer/reizen/%s", rr_rec_str(t, "id"));
		rr_resp_redirect(o, path);
		goto out;
	}
	if (e && e != RR_EINVAL && e != RR_ECONFLICT)
		goto out;
	if (!(v = ak_trip_form_of_req(r))) {
		e = RR_ENOMEM;
		goto out;
	}
	e = fields_page(r, o, t, v, &d, 422);
out:
	json_decref(v);
	json_decref(upd);
	json_decref(t);
	rr_diag_free(&d);
	return e;
}
