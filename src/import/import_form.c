/* import_form.c - one trip request (aanvraag) or report (verslag) with its
 * label lines, turned into trip fields with the span each came from. */
#include "import_int.h"

#include <stdio.h>
#include <string.h>

#include "../nl/nldate.h"

rr_err imp_item_init(imp_item *it)
{
	memset(it, 0, sizeof *it);
	it->trip = json_object();
	it->spans = json_array();
	it->results = json_array();
	return it->trip && it->spans && it->results ? RR_OK : RR_ENOMEM;
}

void imp_item_free(imp_item *it)
{
	json_decref(it->trip);
	json_decref(it->spans);
	json_decref(it->results);
	memset(it, 0, sizeof *it);
}

void imp_span(imp_item *it, const char *field, size_t s, size_t e)
{
	json_t *o = json_object();
	json_object_set_new(o, "field", json_string(field));
	json_object_set_new(o, "start", json_integer((json_int_t)s));
	json_object_set_new(o, "end", json_integer((json_int_t)e));
	json_array_append_new(it->spans, o);
}

size_t imp_lineno(const char *t, size_t pos)
{
	size_t n = 1;
	for (size_t i = 0; i < pos; i++)
		if (t[i] == '\n')
			n++;
	return n;
}

const char *imp_trip_kind(const char *t, size_t s, size_t e)
{
	/* only the register's own words: a "missie" or a "delegatie" alone
	 * says no kind; of several, the most precise ("een dienstreis … een
	 * handelsmissie" is a trade mission) */
	static const struct { const char *w, *k; int rank; } kinds[] = {
		{"handelsmissie", "handelsmissie", 5}, {"handelsmissies", "handelsmissie", 5},
		{"handelsreis", "handelsmissie", 5}, {"handelsdelegatie", "handelsmissie", 5},
		{"bedrijvenmissie", "handelsmissie", 5}, {"economische missie", "handelsmissie", 5},
		{"studiereis", "studiereis", 4}, {"werkbezoek", "werkbezoek", 3},
		{"werkreis", "werkbezoek", 3}, {"conferentie", "conferentie", 3},
		{"congres", "conferentie", 3}, {"forum", "conferentie", 3},
		{"symposium", "conferentie", 3}, {"bezoek", "bezoek", 2},
		{"kennismakingsbezoek", "bezoek", 2}, {"uitwisselingsbezoek", "bezoek", 2},
		{"tegenbezoek", "bezoek", 2}, {"dienstreis", "dienstreis", 1},
	};
	const char *best = NULL;
	int rank = 0;
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		if (kinds[k].rank <= rank)
			continue;
		/* not in brackets: "Hoge ambtelijke delegatie (bezoek DHV, …)" is a
		 * delegation that visited a company */
		for (size_t from = s, at; (at = imp_find_word(t, from, e, kinds[k].w, false)) < e;
		     from = at + 1) {
			int depth = 0;
			for (size_t q = s; q < at; q++)
				depth += t[q] == '(' ? 1 : t[q] == ')' && depth > 0 ? -1 : 0;
			if (depth == 0) {
				best = kinds[k].k;
				rank = kinds[k].rank;
				break;
			}
		}
	}
	return best;
}

void imp_set_dates(json_t *trip, const char *start_key, const char *end_key,
		   const rr_date *a, const rr_date *b)
{
	char iso[RR_DATE_ISO_MAX];
	if (!a->prec)
		return;
	rr_date_iso(a, iso);
	json_object_set_new(trip, start_key, json_string(iso));
	rr_date_iso(b && b->prec ? b : a, iso);
	json_object_set_new(trip, end_key, json_string(iso));
}

static void text_field(imp_item *it, json_t *obj, const char *key, const char *span,
		       const char *t, size_t s, size_t e)
{
	imp_trim(t, &s, &e);
	while (s < e && (t[s] == '\n' || t[s] == ' '))
		s++;
	while (e > s && (t[e - 1] == '\n' || t[e - 1] == ' '))
		e--;
	if (e <= s)
		return;
	json_object_set_new(obj, key, json_stringn(t + s, e - s));
	imp_span(it, span, s, e);
}

static void add_people(imp_item *it, const char *key, const char *t, size_t s, size_t e)
{
	imp_person p[16];
	size_t n = imp_people_find(t, s, e, p, 16);
	json_t *arr = json_object_get(it->trip, key);

	if (!n)
		return;
	if (!arr) {
		arr = json_array();
		json_object_set_new(it->trip, key, arr);
	}
	for (size_t i = 0; i < n; i++) {
		imp_traveller_add(arr, &p[i]);
		imp_span(it, key, p[i].off, p[i].off + p[i].len);
	}
	if (!it->person[0]) {
		const char *sp = strrchr(p[0].name, ' ');
		imp_copy(it->person, sizeof it->person, sp ? sp + 1 : p[0].name, 0,
			 strlen(sp ? sp + 1 : p[0].name));
	}
}

static void add_places(imp_item *it, const char *t, size_t s, size_t e)
{
	imp_place p[IMP_MAX_PLACES];
	size_t n = imp_places_find(t, s, e, p, IMP_MAX_PLACES);
	if (!n || json_object_get(it->trip, "destinations"))
		return;
	json_object_set_new(it->trip, "destinations", imp_destinations(p, n));
	for (size_t i = 0; i < n; i++)
		imp_span(it, "destinations", p[i].off, p[i].off + p[i].len);
}

/* Cost lines in a costs/budget block: "Reiskosten wethouder: € 10.900",
 * "Studiereis (all-in): 1.250 euro", "... komen voor rekening van de MRA". */
static void add_costs(imp_item *it, const char *t, size_t s, size_t e, const char *deflt)
{
	json_t *costs = json_object_get(it->trip, "costs");
	for (size_t ls = s; ls < e;) {
		size_t le = imp_eol(t, ls, e), ps, pe, cs = ls, ce;
		imp_amount a;
		bool amt = imp_amount_find(t, ls, le, &a);
		bool payer = imp_payer_find(t, ls, le, &ps, &pe);
		if (amt || payer) {
			json_t *c = json_object();
			char cat[160];
			ce = amt ? a.off : imp_find_word(t, ls, le, "komen", false);
			if (ce >= le)
				ce = imp_find_word(t, ls, le, "komt", false);
			if (ce >= le)
				ce = ps;
			while (ce > cs && (t[ce - 1] == ':' || t[ce - 1] == ' '))
				ce--;
			if (!imp_copy(cat, sizeof cat, t, cs, ce))
				snprintf(cat, sizeof cat, "%s", deflt);
			json_object_set_new(c, "category", json_string(cat));
			if (amt) {
				json_object_set_new(c, "amount_eur", json_real((double)a.cents / 100.0));
				imp_span(it, "costs", a.off, a.off + a.len);
			}
			json_object_set_new(c, "kind", json_string(it->request ? "estimate" : "actual"));
			if (payer) {
				json_object_set_new(c, "paid_by", json_stringn(t + ps, pe - ps));
				imp_span(it, "costs", ps, pe);
			}
			if (!costs) {
				costs = json_array();
				json_object_set_new(it->trip, "costs", costs);
			}
			if (json_array_size(costs) < 20)
				json_array_append_new(costs, c);
			else
				json_decref(c);
		}
		ls = le + 1;
	}
}

static rr_date find_date(const char *t, size_t s, size_t e, const rr_date *ref, rr_nldate *nd)
{
	const char *why;
	if (rr_nldate_find(t, e, s, ref, nd, &why) == RR_OK)
		return nd->start;
	nd->start.prec = RR_PREC_NONE;
	return nd->start;
}

/* "Wijze van vervoer: vliegtuig" / "Vervoer: met de trein": the trip's
 * transport when the value names exactly one mode (docs/co2.md). */
static void transport(imp_item *it, const char *t, size_t vs, size_t ve)
{
	static const char *const words[][2] = {{"vliegtuig", "plane"}, {"vlucht", "plane"},
		{"vliegen", "plane"}, {"trein", "train"}, {"auto", "car"}, {"boot", "boat"},
		{"veerboot", "boat"}};
	const char *mode = NULL;
	size_t at = ve, end = ve;

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t p = imp_find_word(t, vs, ve, words[i][0], false);
		if (p >= ve)
			continue;
		if (mode && strcmp(mode, words[i][1]))
			return; /* two modes: the legs are not known */
		mode = words[i][1];
		if (p < at) {
			at = p;
			end = p + strlen(words[i][0]);
		}
	}
	if (!mode)
		return;
	json_object_set_new(it->trip, "transport", json_string(mode));
	imp_span(it, "transport", at, end);
}

static void one_label(imp_item *it, const char *t, const imp_label *l, const rr_date *ref,
		      const char *name, rr_diag *notes)
{
	size_t vs, ve;
	rr_nldate nd;
	long cnt;
	size_t co, cl;
	char iso[RR_DATE_ISO_MAX], who[120];
	json_t *o;

	imp_label_value(t, l, &vs, &ve);
	switch (l->kind) {
	case IMP_L_DATES:
		if (find_date(t, vs, ve, ref, &nd).prec) {
			imp_set_dates(it->trip, it->request ? "planned_start" : "start",
				      it->request ? "planned_end" : "end", &nd.start, &nd.end);
			imp_span(it, it->request ? "planned_start" : "start", nd.off, nd.off + nd.len);
		} else {
			rr_diag_add(notes, "%s: line %zu: no date understood in '%.*s'", name,
				    imp_lineno(t, l->line), (int)(ve - vs > 80 ? 80 : ve - vs), t + vs);
		}
		break;
	case IMP_L_DESTINATION:
		add_places(it, t, vs, ve);
		break;
	case IMP_L_OFFICIALS:
		if (imp_count_find(t, vs, ve, &cnt, &co, &cl)) {
			const char *k = it->request ? "planned_accompanying_officials"
						    : "accompanying_officials";
			json_object_set_new(it->trip, k, json_integer(cnt));
			imp_span(it, k, co, co + cl);
		}
		break;
	case IMP_L_PARTICIPANTS:
	case IMP_L_APPLICANT:
		add_people(it, it->request ? "planned_travellers" : "travellers", t, vs,
			   l->kind == IMP_L_PARTICIPANTS ? l->block_end : ve);
		break;
	case IMP_L_REPORT: {
		json_t *r = json_object();
		text_field(it, r, "text", "report", t, imp_eol(t, l->line, l->block_end),
			   l->block_end);
		if (json_object_size(r)) {
			json_object_set_new(it->trip, "report", r);
			it->report = true;
		} else {
			json_decref(r);
		}
		break;
	}
	case IMP_L_TRANSPORT:
		transport(it, t, vs, ve);
		break;
	case IMP_L_MOTIVATION:
	case IMP_L_PURPOSE:
		if (!json_object_get(it->trip, l->kind == IMP_L_PURPOSE ? "purpose" : "motivation"))
			text_field(it, it->trip, l->kind == IMP_L_PURPOSE ? "purpose" : "motivation",
				   l->kind == IMP_L_PURPOSE ? "purpose" : "motivation", t,
				   l->val < l->val_end ? l->val : imp_eol(t, l->line, l->block_end),
				   l->block_end);
		break;
	case IMP_L_EXTERNAL: {
		json_t *arr = json_array();
		size_t a = vs;
		for (size_t i = vs; i <= ve; i++) {
			if (i == ve || t[i] == ',' || t[i] == ';') {
				char part[200];
				if (imp_copy(part, sizeof part, t, a, i) && json_array_size(arr) < 30)
					json_array_append_new(arr, json_string(part));
				a = i + 1;
			}
		}
		if (json_array_size(arr)) {
			json_object_set_new(it->trip, "external_parties", arr);
			imp_span(it, "external_parties", vs, ve);
		} else {
			json_decref(arr);
		}
		break;
	}
	case IMP_L_BUDGET:
	case IMP_L_COSTS:
	case IMP_L_BACKGROUND:
		add_costs(it, t, l->kind == IMP_L_COSTS ? l->line : imp_eol(t, l->line, l->block_end),
			  l->block_end, "reiskosten");
		break;
	case IMP_L_COORD:
		if (find_date(t, vs, ve, ref, &nd).prec) {
			json_t *arr = json_object_get(it->trip, "coordination");
			size_t ws = l->line, we = l->name_end;
			size_t at = imp_find_word(t, ws, we, "afstemming", false);
			if (at < we)
				ws = at + 10;
			if (!imp_copy(who, sizeof who, t, ws, we))
				snprintf(who, sizeof who, "afstemming");
			o = json_object();
			json_object_set_new(o, "with", json_string(who));
			rr_date_iso(&nd.start, iso);
			json_object_set_new(o, "date", json_string(iso));
			if (nd.len < ve - vs) {
				char note[200];
				imp_copy(note, sizeof note, t, vs, ve);
				json_object_set_new(o, "note", json_string(note));
			}
			if (!arr) {
				arr = json_array();
				json_object_set_new(it->trip, "coordination", arr);
			}
			json_array_append_new(arr, o);
			imp_span(it, "coordination", vs, ve);
		}
		break;
	case IMP_L_MEETING:
	case IMP_L_DECISION: {
		json_t *dec = json_object_get(it->trip, "decision");
		if (!dec) {
			dec = json_object();
			json_object_set_new(it->trip, "decision", dec);
		}
		if (!json_object_get(dec, "date") && find_date(t, vs, ve, ref, &nd).prec) {
			rr_date_iso(&nd.start, iso);
			json_object_set_new(dec, "date", json_string(iso));
			imp_span(it, "decision.date", nd.off, nd.off + nd.len);
		}
		if (l->kind == IMP_L_DECISION) {
			const char *out = NULL;
			if (imp_find_word(t, vs, ve, "niet", false) < ve ||
			    imp_find_word(t, vs, ve, "afgewezen", true) < ve ||
			    imp_find_word(t, vs, ve, "afwijzen", true) < ve)
				out = "rejected";
			else if (imp_find_word(t, vs, ve, "conform", false) < ve ||
				 imp_find_word(t, vs, ve, "akkoord", false) < ve ||
				 imp_find_word(t, vs, ve, "ingestemd", false) < ve ||
				 imp_find_word(t, vs, ve, "goedgekeurd", false) < ve ||
				 imp_find_word(t, vs, ve, "instemmen", false) < ve)
				out = "approved";
			if (out) {
				json_object_set_new(dec, "outcome", json_string(out));
				imp_span(it, "decision.outcome", vs, ve);
			}
		}
		break;
	}
	case IMP_L_FOLLOWUP:
		if (find_date(t, vs, ve, ref, &nd).prec) {
			json_t *r = json_object_get(it->trip, "report");
			if (!r) {
				r = json_object();
				json_object_set_new(it->trip, "report", r);
			}
			rr_date_iso(&nd.start, iso);
			json_object_set_new(r, "due", json_string(iso));
			imp_span(it, "report.due", nd.off, nd.off + nd.len);
		}
		break;
	case IMP_L_PROGRAMME: {
		json_t *arr = json_array();
		size_t ls = imp_eol(t, l->line, l->block_end) + 1;
		while (ls < l->block_end && json_array_size(arr) < 50) {
			size_t le = imp_eol(t, ls, l->block_end);
			char act[300];
			if (imp_copy(act, sizeof act, t, ls, le)) {
				o = json_object();
				json_object_set_new(o, "activity", json_string(act));
				json_array_append_new(arr, o);
			}
			ls = le + 1;
		}
		if (json_array_size(arr)) {
			json_object_set_new(it->trip, "programme", arr);
			imp_span(it, "programme", l->line, l->block_end);
		} else {
			json_decref(arr);
		}
		break;
	}
	case IMP_L_UNKNOWN:
		rr_diag_add(notes, "%s: line %zu: label not understood, kept in the text: '%.*s'",
			    name, imp_lineno(t, l->line),
			    (int)(l->val_end - l->line > 90 ? 90 : l->val_end - l->line), t + l->line);
		break;
	default:
		break;
	}
}

/* The title from a heading: "Aanvraag dienstreis wethouder X naar Y" ->
 * "Dienstreis wethouder X naar Y"; "Verslag buitenlandse dienstreis ..." ->
 * "Buitenlandse dienstreis ...". */
static void title(imp_item *it, const char *t, size_t hs, size_t he)
{
	char buf[300];
	size_t s = hs, e = he, best = hs, best_e = imp_eol(t, hs, he);

	for (size_t ls = hs; ls < he;) {
		size_t le = imp_eol(t, ls, he);
		if (imp_find_word(t, ls, le, "naar", false) < le) {
			best = ls;
			best_e = le;
			break;
		}
		ls = le + 1;
	}
	s = best, e = best_e;
	imp_trim(t, &s, &e);
	if (imp_prefix(t, s, e, "aanvraag "))
		s += 9;
	else if (imp_prefix(t, s, e, "verslag "))
		s += 8;
	while (e > s && (t[e - 1] == '.' || t[e - 1] == ':'))
		e--;
	if (!imp_copy(buf, sizeof buf, t, s, e))
		return;
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	json_object_set_new(it->trip, "title", json_string(buf));
	imp_span(it, "title", s, e);
}

rr_err imp_form_section(const char *t, size_t hs, size_t he, size_t to, imp_item *it,
			const char *name, rr_diag *notes)
{
	imp_label labs[IMP_MAX_LABELS];
	size_t nl, hl = imp_eol(t, hs, he);
	rr_nldate nd;
	const char *kind;
	rr_date ref = {0, 0, 0, RR_PREC_NONE};

	it->request = imp_prefix(t, hs, he, "aanvraag");
	for (size_t ls = hs; ls < he; ls = imp_eol(t, ls, he) + 1)
		if (imp_prefix(t, ls, he, "aanvraag"))
			it->request = true;
	it->line = imp_lineno(t, hs);
	title(it, t, hs, he);
	/* the most precise word of the section ("een conferentie"); but a mere
	 * visit or working visit in the text below is the trip the heading
	 * names, or one made during it */
	if ((kind = imp_trip_kind(t, hs, to)) && (!strcmp(kind, "bezoek") || !strcmp(kind, "werkbezoek")) &&
	    imp_trip_kind(t, hs, hl))
		kind = imp_trip_kind(t, hs, hl);
	if (kind)
		json_object_set_new(it->trip, "kind", json_string(kind));
	/* the heading: who, where, when */
	add_people(it, it->request ? "planned_travellers" : "travellers", t, hs, he);
	{
		size_t naar = imp_find_word(t, hs, he, "naar", false);
		add_places(it, t, naar < he ? naar : hs, he);
	}
	nl = imp_labels_scan(t, he, to, labs, IMP_MAX_LABELS);
	/* the dates label first: it is the reference for year-less dates */
	for (size_t i = 0; i < nl; i++)
		if (labs[i].kind == IMP_L_DATES)
			one_label(it, t, &labs[i], NULL, name, notes);
	if (!json_object_get(it->trip, it->request ? "planned_start" : "start")) {
		/* "Vertrek 13 mei 2023, retour 19 mei 2023" under the heading, or the heading */
		size_t lim = nl ? labs[0].line : to;
		if (find_date(t, hs, lim, NULL, &nd).prec) {
			imp_set_dates(it->trip, it->request ? "planned_start" : "start",
				      it->request ? "planned_end" : "end", &nd.start, &nd.end);
			imp_span(it, it->request ? "planned_start" : "start", nd.off, nd.off + nd.len);
		}
	}
	{
		json_t *sd = json_object_get(it->trip, it->request ? "planned_start" : "start");
		if (sd)
			rr_date_parse_iso(json_string_value(sd), &ref, NULL);
	}
	for (size_t i = 0; i < nl; i++)
		if (labs[i].kind != IMP_L_DATES)
			one_label(it, t, &labs[i], ref.prec ? &ref : NULL, name, notes);
	(void)hl;
	return RR_OK;
}
