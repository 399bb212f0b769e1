/* ak_audit.c - the audit log for people (adminkit.h): per entry when (a
 * Dutch date), who, what, and per changed field one Dutch line such as
 * "Einddatum: 19 mei → 21 mei 2023" or "Kostenpost verwijderd: Hotel,
 * € 1.400 (werkelijk)". Fields are walked in the order of the kind's field
 * table (schema.c), values written by their type: dates in Dutch, enum
 * values by rr_enum_label, amounts in euros, countries by name. The raw
 * before/after JSON stays in the API and `reisregister audit`. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/record.h"
#include "nl/nlfmt.h"
#include "web/adminkit.h"

/* Dutch names of fields; "parent.field" for fields inside an object. */
static const char *const labels[][2] = {
	{"title", "Titel"}, {"kind", "Soort"}, {"direction", "Richting"}, {"status", "Status"},
	{"public", "Openbaar"}, {"requested", "Aangevraagd op"}, {"start", "Vertrekdatum"},
	{"end", "Einddatum"}, {"planned_start", "Geplande vertrekdatum"},
	{"planned_end", "Geplande einddatum"}, {"destinations", "Bestemming"},
	{"travellers", "Reiziger"}, {"planned_travellers", "Geplande reiziger"},
	{"accompanying_officials", "Aantal ambtenaren"},
	{"planned_accompanying_officials", "Gepland aantal ambtenaren"}, {"purpose", "Doel"},
	{"motivation", "Motivatie"}, {"programme", "Programmaonderdeel"},
	{"external_parties", "Externe partij"}, {"costs", "Kostenpost"},
	{"coordination", "Afstemming"}, {"decision", "Besluit"}, {"report", "Verslag"},
	{"cancellation", "Afgelasting"}, {"partnership", "Partnerschap"},
	{"counterpart", "Tegenpartij"}, {"themes", "Thema"},
	{"rights_and_security", "Mensenrechten en veiligheid"}, {"sources", "Bron"},
	{"decision.date", "Datum van het besluit"}, {"decision.outcome", "Besluit"},
	{"decision.number", "Besluitnummer"}, {"decision.text", "Besluittekst"},
	{"decision.conditions", "Voorwaarden"}, {"decision.url", "Besluitdocument"},
	{"decision.document", "Besluitdocument"}, {"decision.body", "Besloten door"},
	{"decision.note", "Toelichting bij het besluit"}, {"report.due", "Verslag uiterlijk"},
	{"report.submitted", "Verslag ingediend op"}, {"report.text", "Verslag"},
	{"cancellation.date", "Datum van afgelasten"}, {"cancellation.reason", "Reden van afgelasten"},
	{"partner", "Partner"}, {"partner.name", "Partner"}, {"partner.country", "Land van de partner"},
	{"partner.city", "Stad van de partner"}, {"partner.organisation", "Organisatie van de partner"},
	{"type", "Vorm"}, {"since", "Sinds"}, {"until", "Tot"}, {"events", "Gebeurtenis"},
	{"description", "Omschrijving"}, {"documents", "Document"}, {"agreement", "Soort overeenkomst"},
	{"theme", "Thema"}, {"parties", "Partij"}, {"amount_eur", "Bedrag"}, {"jobs", "Banen"},
	{"date", "Datum"}, {"trip", "Reis"}, {"follow_up", "Vervolgactie"}, {"giver", "Gever"},
	{"recipient", "Ontvanger"}, {"value_eur", "Geschatte waarde"},
	{"disposition", "Wat ermee is gedaan"}, {"disposition_note", "Toelichting"},
	{"name", "Naam"}, {"country", "Land"}, {"city", "Stad"}, {"website", "Website"},
	{"report_period_days", "Verslagtermijn in dagen"},
	{"gift_threshold_eur", "Drempel voor geschenken"}, {"budgets", "Budgetjaar"},
	{"organisation", "Orgaan"}, {"role", "Rol"}, {"portfolio", "Portefeuille"},
	{"aliases", "Andere schrijfwijze"},
};

static const char *label_of(const char *parent, const char *name)
{
	char key[96];

	snprintf(key, sizeof key, "%s%s%s", parent ? parent : "", parent ? "." : "", name);
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (!strcmp(labels[i][0], key))
			return labels[i][1];
	for (size_t i = 0; parent && i < sizeof labels / sizeof labels[0]; i++)
		if (!strcmp(labels[i][0], name))
			return labels[i][1];
	return name;
}

/* A growing text. */
typedef struct txt {
	char s[1200];
	size_t n;
} txt;

static void add(txt *t, const char *fmt, ...) RR_PRINTF(2, 3);

static void add(txt *t, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (t->n >= sizeof t->s - 1)
		return;
	va_start(ap, fmt);
	k = vsnprintf(t->s + t->n, sizeof t->s - t->n, fmt, ap);
	va_end(ap);
	if (k > 0)
		t->n = t->n + (size_t)k < sizeof t->s ? t->n + (size_t)k : sizeof t->s - 1;
}

/* A date in Dutch; without its year when `bare` (the other side has it). */
static void date_text(txt *t, const char *iso, bool bare)
{
	rr_date d;
	char s[64];

	if (rr_date_parse_iso(iso, &d, NULL)) {
		add(t, "%s", iso);
		return;
	}
	if (bare && d.prec == RR_PREC_DAY) {
		add(t, "%d %s", d.d, rr_nl_month_name(d.m));
		return;
	}
	if (rr_nlfmt_range_s(s, sizeof s, &d, NULL))
		snprintf(s, sizeof s, "%s", iso);
	add(t, "%s", s);
}

/* One value of field f as short Dutch text. */
static void value_text(txt *t, const rr_field *f, rr_ftype type, const json_t *v, bool bare)
{
	char s[64];

	if (!v) {
		add(t, "(leeg)");
		return;
	}
	switch (type) {
	case RR_F_DATE:
		date_text(t, json_string_value(v), bare);
		break;
	case RR_F_ENUM: {
		const char *l = rr_enum_label(f->values, json_string_value(v));
		add(t, "%s", l ? l : json_string_value(v) ? json_string_value(v) : "");
		break;
	}
	case RR_F_BOOL:
		add(t, "%s", json_is_true(v) ? "ja" : "nee");
		break;
	case RR_F_AMOUNT:
		pk_money(s, sizeof s, rr_amount_cents(v));
		add(t, "%s", s);
		break;
	case RR_F_COUNT:
		add(t, "%lld", (long long)json_integer_value(v));
		break;
	case RR_F_NUMBER:
		ak_text_of(s, sizeof s, v);
		add(t, "%s", s);
		break;
	case RR_F_COUNTRY:
		add(t, "%s", pk_country_name(json_string_value(v)));
		break;
	case RR_F_TEXT: {
		const char *x = json_string_value(v);
		size_t n = x ? strlen(x) : 0;
		if (n > 120) {
			n = 117;
			while (n > 0 && (x[n] & 0xC0) == 0x80)
				n--; /* not inside a UTF-8 sequence */
			add(t, "\xe2\x80\x9c%.*s\xe2\x80\xa6\xe2\x80\x9d", (int)n, x);
		} else {
			add(t, "\xe2\x80\x9c%s\xe2\x80\x9d", x ? x : "");
		}
		break;
	}
	case RR_F_OBJ: {
		bool first = true;
		for (const rr_field *sf = f->sub; sf && sf->name; sf++) {
			const json_t *x = json_object_get(v, sf->name);
			if (!x || sf->type == RR_F_OBJ || sf->type == RR_F_ARR)
				continue;
			if (!first)
				add(t, ", ");
			first = false;
			value_text(t, sf, sf->type, x, false);
		}
		break;
	}
	default:
		if (json_is_string(v)) {
			add(t, "%s", json_string_value(v));
		} else {
			char *dump = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
			add(t, "%s", dump ? dump : "?");
			free(dump);
		}
	}
}

/* One item of a list, described for people. */
static void item_text(txt *t, const char *list, const rr_field *f, const json_t *x)
{
	const char *s;

	if (!strcmp(list, "costs")) {
		char m[48];
		add(t, "%s, ", rr_rec_str(x, "category") ? rr_rec_str(x, "category") : "");
		if (json_object_get(x, "amount_eur")) {
			pk_money(m, sizeof m, rr_amount_cents(json_object_get(x, "amount_eur")));
			add(t, "%s", m);
		} else {
			add(t, "bedrag onbekend");
		}
		s = rr_enum_label(rr_cost_kind_values, rr_rec_str(x, "kind"));
		add(t, " (%s)", s ? s : "");
		if (rr_rec_str(x, "paid_by"))
			add(t, ", betaald door %s", rr_rec_str(x, "paid_by"));
	} else if (!strcmp(list, "destinations")) {
		add(t, "%s", pk_country_name(rr_rec_str(x, "country")));
		if (rr_rec_str(x, "city"))
			add(t, ", %s", rr_rec_str(x, "city"));
	} else if (!strcmp(list, "travellers") || !strcmp(list, "planned_travellers")) {
		add(t, "%s", rr_rec_str(x, "name") ? rr_rec_str(x, "name") : "");
		if (rr_rec_str(x, "role"))
			add(t, " (%s)", rr_rec_str(x, "role"));
	} else if (!strcmp(list, "coordination")) {
		add(t, "met %s", rr_rec_str(x, "with") ? rr_rec_str(x, "with") : "");
		if (rr_rec_str(x, "date")) {
			add(t, " op ");
			date_text(t, rr_rec_str(x, "date"), false);
		}
	} else if (!strcmp(list, "events")) {
		s = rr_enum_label(rr_event_kind_values, rr_rec_str(x, "kind"));
		add(t, "%s", s ? s : "");
		if (rr_rec_str(x, "date")) {
			add(t, " op ");
			date_text(t, rr_rec_str(x, "date"), false);
		}
		if (rr_rec_str(x, "description"))
			add(t, " (%s)", rr_rec_str(x, "description"));
	} else if (!strcmp(list, "follow_up")) {
		add(t, "%s", rr_rec_str(x, "action") ? rr_rec_str(x, "action") : "");
		if (rr_rec_str(x, "due")) {
			add(t, " (uiterlijk ");
			date_text(t, rr_rec_str(x, "due"), false);
			add(t, ")");
		}
		s = rr_enum_label(rr_followup_status_values, rr_rec_str(x, "status"));
		if (s)
			add(t, ", %s", s);
	} else if (!strcmp(list, "budgets")) {
		char m[48] = "";
		if (json_object_get(x, "amount_eur"))
			pk_money(m, sizeof m, rr_amount_cents(json_object_get(x, "amount_eur")));
		add(t, "%lld%s%s", rr_rec_count(x, "year", 0), m[0] ? ": " : "", m);
	} else if (f->elem == RR_F_OBJ) {
		value_text(t, f, RR_F_OBJ, x, false);
	} else {
		value_text(t, f, f->elem, x, false);
	}
}

static bool in_array(const json_t *arr, const json_t *x)
{
	const json_t *y;
	size_t i;

	json_array_foreach(arr, i, y)
		if (json_equal(x, y))
			return true;
	return false;
}

static void push(json_t *lines, txt *t)
{
	json_array_append_new(lines, json_string(t->s));
	t->n = 0;
	t->s[0] = '\0';
}

static void diff_fields(const rr_field *fields, const char *parent, const json_t *before,
			const json_t *after, json_t *lines)
{
	txt t = {.n = 0};

	for (const rr_field *f = fields; f && f->name; f++) {
		const json_t *b = json_object_get(before, f->name), *a = json_object_get(after, f->name);
		const char *label = label_of(parent, f->name);
		const json_t *x;
		size_t i;

		if ((!b && !a) || (b && a && json_equal(b, a)) || !strcmp(f->name, "id"))
			continue;
		if (f->type == RR_F_ARR) {
			json_array_foreach(b, i, x) {
				if (in_array(a, x))
					continue;
				add(&t, "%s verwijderd: ", label);
				item_text(&t, f->name, f, x);
				push(lines, &t);
			}
			json_array_foreach(a, i, x) {
				if (in_array(b, x))
					continue;
				add(&t, "%s toegevoegd: ", label);
				item_text(&t, f->name, f, x);
				push(lines, &t);
			}
			continue;
		}
		if (f->type == RR_F_OBJ) { /* field by field, also when new or gone */
			json_t *empty = json_object();
			diff_fields(f->sub, f->name, b ? b : empty, a ? a : empty, lines);
			json_decref(empty);
			continue;
		}
		if (f->type == RR_F_TEXT && b && a) {
			add(&t, "%s gewijzigd: ", label);
			value_text(&t, f, f->type, a, false);
			push(lines, &t);
			continue;
		}
		add(&t, "%s: ", label);
		if (!b) {
			value_text(&t, f, f->type, a, false);
			add(&t, " (nieuw)");
		} else if (!a) {
			value_text(&t, f, f->type, b, false);
			add(&t, " \xe2\x86\x92 (leeg)");
		} else {
			/* "19 mei → 21 mei 2023": the year once when both share it */
			rr_date db = {0}, da = {0};
			bool bare = f->type == RR_F_DATE &&
				!rr_date_parse_iso(json_string_value(b), &db, NULL) &&
				!rr_date_parse_iso(json_string_value(a), &da, NULL) && db.y == da.y &&
				db.prec == RR_PREC_DAY && da.prec == RR_PREC_DAY;
			value_text(&t, f, f->type, b, bare);
			add(&t, " \xe2\x86\x92 ");
			value_text(&t, f, f->type, a, false);
		}
		push(lines, &t);
	}
}

void ak_audit_lines(rr_kind k, const json_t *before, const json_t *after, json_t *lines)
{
	const rr_kind_info *ki = rr_kind_get(k);

	if (ki)
		diff_fields(ki->fields, NULL, json_is_object(before) ? before : NULL,
			    json_is_object(after) ? after : NULL, lines);
}

/* "2 december 2026, 01:09" of "2026-12-02T01:09:15Z" (UTC). */
void ak_when_text(char *out, size_t n, const char *at)
{
	char day[16], nl[64];

	snprintf(day, sizeof day, "%.10s", at ? at : "");
	pk_dates(nl, sizeof nl, day, NULL);
	if (at && strlen(at) >= 16)
		snprintf(out, n, "%s, %.5s", nl[0] ? nl : day, at + 11);
	else
		snprintf(out, n, "%s", nl[0] ? nl : at ? at : "");
}

void ak_who_text(char *out, size_t n, const char *actor)
{
	if (!actor)
		snprintf(out, n, "onbekend");
	else if (!strncmp(actor, "user:", 5))
		snprintf(out, n, "%s", actor + 5);
	else if (!strncmp(actor, "cli:", 4))
		snprintf(out, n, "opdrachtregel (%s)", actor + 4);
	else if (!strcmp(actor, "system"))
		snprintf(out, n, "het systeem (laden of importeren)");
	else
		snprintf(out, n, "%s", actor);
}

void ak_audit_table(html *h, const json_t *entries, rr_kind k)
{
	static const char *const heads[] = {"Wanneer", "Wie", "Wat", "Wijzigingen"};
	const json_t *en, *line;
	size_t i, j;

	if (!json_array_size(entries)) {
		layout_paragraph(h, "Er zijn nog geen wijzigingen vastgelegd.");
		return;
	}
	layout_table_begin(h, "Wijzigingen, oudste eerst", heads, NULL, 4);
	json_array_foreach(entries, i, en) {
		const json_t *before = json_object_get(en, "before"),
			     *after = json_object_get(en, "after");
		const char *act = rr_rec_str(en, "action");
		const char *st = json_is_object(after) ? rr_rec_str(after, "status") : NULL;
		const char *stb = json_is_object(before) ? rr_rec_str(before, "status") : NULL;
		json_t *lines = json_array();
		char when[96], who[96], what[160];

		ak_when_text(when, sizeof when, rr_rec_str(en, "at"));
		ak_who_text(who, sizeof who, rr_rec_str(en, "actor"));
		snprintf(what, sizeof what, "%s",
			 act && !strcmp(act, "create") ? "aangemaakt" :
			 act && !strcmp(act, "delete") ? "verwijderd" : "gewijzigd");
		if (st && (!stb || strcmp(st, stb)))
			snprintf(what + strlen(what), sizeof what - strlen(what), ", status %s",
				 pk_status_label(st));
		if (!act || strcmp(act, "create"))
			ak_audit_lines(k, before, after, lines);
		layout_row_begin(h);
		layout_cell(h, when, 0);
		layout_cell(h, who, 0);
		layout_cell(h, what, 0);
		html_open_c(h, "td", "utrecht-table__cell");
		if (act && !strcmp(act, "delete")) {
			html_text(h, "Het record is verwijderd; het auditlog bewaart wat er stond.");
		} else if (act && !strcmp(act, "create")) {
			html_text(h, "Nieuw record.");
		} else if (!json_array_size(lines)) {
			html_text(h, "Geen inhoudelijke wijziging.");
		} else {
			html_open_c(h, "ul", "utrecht-unordered-list rr-diff");
			json_array_foreach(lines, j, line) {
				html_open_c(h, "li", "utrecht-unordered-list__item");
				html_text(h, json_string_value(line));
				html_close(h, "li");
			}
			html_close(h, "ul");
		}
		html_close(h, "td");
		layout_row_end(h);
		json_decref(lines);
	}
	layout_table_end(h);
}
