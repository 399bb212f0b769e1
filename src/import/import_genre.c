/* import_genre.c - what kind of document this is and where its trips are:
 *   form       one trip report or request with label lines (seeds 000, 001)
 *   register   several requests and reports, paired per journey (004)
 *   letter     a letter on a mission and its results, no labels (003)
 *   evaluation lists of outgoing and incoming delegations (002)
 * Each trip found becomes an imp_item; the importer (import.c) gives ids,
 * merges with the register and writes records. */
#include "import_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../nl/nldate.h"

static rr_err push(imp_analysis *a, imp_item *it)
{
	if (a->n >= IMP_MAX_ITEMS) {
		imp_item_free(it);
		return RR_ETOOBIG;
	}
	if (a->n == a->cap) {
		size_t nc = a->cap ? a->cap * 2 : 16;
		imp_item *ni = realloc(a->items, nc * sizeof *ni);
		if (!ni) {
			imp_item_free(it);
			return RR_ENOMEM;
		}
		a->items = ni;
		a->cap = nc;
	}
	a->items[a->n++] = *it;
	return RR_OK;
}

rr_err imp_push_item(imp_analysis *a, imp_item *it)
{
	return push(a, it);
}

void imp_analysis_free(imp_analysis *a)
{
	for (size_t i = 0; i < a->n; i++)
		imp_item_free(&a->items[i]);
	free(a->items);
	json_decref(a->results);
	memset(a, 0, sizeof *a);
}

/* ---- agreements as results of a trip ---- */

static void add_results(imp_item *it, const char *t, size_t s, size_t e)
{
	imp_agreement ag[16];
	size_t n = imp_agreements_find(t, s, e, ag, 16);
	rr_date ref = {0, 0, 0, RR_PREC_NONE};
	const char *end = json_string_value(json_object_get(it->trip, "end"));

	if (!end)
		end = json_string_value(json_object_get(it->trip, "planned_end"));
	if (end)
		rr_date_parse_iso(end, &ref, NULL);
	for (size_t i = 0; i < n; i++) {
		json_t *r = json_object();
		char title[160], iso[RR_DATE_ISO_MAX];
		rr_nldate nd;
		const char *why;
		rr_date st = {0, 0, 0, RR_PREC_NONE};
		const char *sts = json_string_value(json_object_get(it->trip, "start"));
		if (sts)
			rr_date_parse_iso(sts, &st, NULL);
		if (st.prec && rr_nldate_find(t, ag[i].off + ag[i].len, ag[i].off, ref.prec ? &ref : NULL,
					      &nd, &why) == RR_OK &&
		    rr_date_last(nd.end.prec ? &nd.end : &nd.start) + 31 < rr_date_first(&st)) {
			json_decref(r);
			continue; /* signed earlier: history, not a result of this trip */
		}
		imp_copy(title, sizeof title, t, ag[i].off, ag[i].off + ag[i].len);
		json_object_set_new(r, "title", json_string(title));
		json_object_set_new(r, "type", json_string("agreement"));
		json_object_set_new(r, "agreement", json_string(ag[i].type));
		{
			const char *th = imp_theme(t, ag[i].off, ag[i].off + ag[i].len);
			if (th)
				json_object_set_new(r, "theme", json_string(th));
		}
		json_object_set_new(r, "description", json_stringn(t + ag[i].off, ag[i].len));
		if (rr_nldate_find(t, ag[i].off + ag[i].len, ag[i].off, ref.prec ? &ref : NULL, &nd,
				   &why) == RR_OK && nd.start.prec == RR_PREC_DAY) {
			rr_date_iso(&nd.start, iso);
			json_object_set_new(r, "date", json_string(iso));
		}
		json_object_set_new(r, "_start", json_integer((json_int_t)ag[i].off));
		json_object_set_new(r, "_end", json_integer((json_int_t)(ag[i].off + ag[i].len)));
		json_array_append_new(it->results, r);
	}
}

/* ---- forms and registers ---- */

static bool heading_line(const char *t, size_t s, size_t e)
{
	imp_label l;
	static const char *const starts[] = {"verslag", "aanvraag", "dienstreis", "reisverslag",
		"verzoek", NULL};
	static const char *const starts_naar[] = {"werkbezoek", "studiereis", "handelsmissie",
		"missie", NULL};
	imp_amount am;
	static const char *const trip[] = {"reis", "bezoek", "missie", "dienstreis",
		"werkbezoek", "studiereis", "handelsmissie", NULL};
	bool ok = false;

	imp_trim(t, &s, &e);
	if (e <= s || e - s > 250 || imp_label_line(t, s, e, &l))
		return false;
	for (const char *const *w = starts; *w; w++)
		if (imp_prefix(t, s, e, *w) && imp_word_end(t, s + strlen(*w), e))
			ok = true;
	for (const char *const *w = starts_naar; *w && !ok; w++)
		if (imp_prefix(t, s, e, *w) && imp_word_end(t, s + strlen(*w), e) &&
		    imp_find_word(t, s, e, "naar", false) < e)
			ok = true;
	if (!ok || imp_amount_find(t, s, e, &am))
		return false;
	for (const char *const *w = trip; *w; w++)
		if (imp_find_word(t, s, e, *w, true) < e ||
		    imp_find_word(t, s, e, "dienstreis", true) < e)
			return true;
	return false;
}

static const char *dest_country(const json_t *trip, size_t i)
{
	return json_string_value(json_object_get(
		json_array_get(json_object_get(trip, "destinations"), i), "country"));
}

static bool pairable(const imp_item *req, const imp_item *rep)
{
	const char *a = dest_country(req->trip, 0), *b = dest_country(rep->trip, 0);
	if (!req->person[0] || strcasecmp(req->person, rep->person))
		return false;
	return !a || !b || !strcmp(a, b);
}

static size_t specific(const json_t *dests)
{
	size_t n = 0, i;
	json_t *d;
	json_array_foreach(dests, i, d)
		if (json_object_get(d, "city") || json_object_get(d, "region"))
			n++;
	return n;
}

/* The request's planned values and the report's actual ones side by side. */
static void pair(imp_item *rep, imp_item *req)
{
	const char *key;
	json_t *v, *rd = json_object_get(req->trip, "destinations"),
		   *pd = json_object_get(rep->trip, "destinations");
	size_t i;

	if (rd && (!pd || specific(rd) > specific(pd)))
		json_object_set(rep->trip, "destinations", rd);
	if (json_object_get(req->trip, "title"))
		json_object_set(rep->trip, "title", json_object_get(req->trip, "title"));
	json_object_foreach(req->trip, key, v) {
		if (!strcmp(key, "report") && json_object_get(rep->trip, "report")) {
			json_object_update_missing(json_object_get(rep->trip, "report"), v);
			continue;
		}
		if (!json_object_get(rep->trip, key))
			json_object_set(rep->trip, key, v);
	}
	json_array_foreach(req->spans, i, v)
		json_array_append(rep->spans, v);
	json_array_foreach(req->results, i, v)
		json_array_append(rep->results, v);
	rep->request = true;
	rep->report = true;
}

static rr_err forms(const char *t, size_t n, const char *name, imp_analysis *a, rr_diag *notes)
{
	size_t starts[256], ends[256], ns = 0, pos = 0;
	rr_err e = RR_OK;

	/* groups of heading lines, only blank lines between them */
	while (pos < n && ns < 256) {
		size_t le = imp_eol(t, pos, n);
		if (heading_line(t, pos, le)) {
			size_t gend = le, q = le + 1;
			while (q < n) {
				size_t qe = imp_eol(t, q, n), a1 = q, b1 = qe;
				imp_trim(t, &a1, &b1);
				if (a1 == b1) {
					q = qe + 1;
					continue;
				}
				if (!heading_line(t, q, qe))
					break;
				gend = qe;
				q = qe + 1;
			}
			starts[ns] = pos;
			ends[ns++] = gend;
			pos = gend + 1;
			continue;
		}
		pos = le + 1;
	}
	if (!ns) {
		starts[0] = 0;
		ends[0] = imp_eol(t, 0, n);
		ns = 1;
	}
	for (size_t i = 0; i < ns && !e; i++) {
		imp_item it;
		size_t to = i + 1 < ns ? starts[i + 1] : n;
		if ((e = imp_item_init(&it)))
			break;
		imp_form_section(t, starts[i], ends[i], to, &it, name, notes);
		if (!json_object_get(it.trip, "start") && !json_object_get(it.trip, "planned_start") &&
		    !json_object_get(it.trip, "destinations")) {
			rr_diag_add(notes, "%s: line %zu: a section without dates or destination, "
				    "kept in the text only", name, it.line);
			imp_item_free(&it);
			continue;
		}
		add_results(&it, t, ends[i], to);
		e = push(a, &it);
	}
	/* pair each request with the report of the same journey */
	for (size_t i = 0; i < a->n; i++) {
		imp_item *req = &a->items[i];
		if (!req->request || req->report)
			continue;
		for (size_t k = 0; k < a->n; k++) {
			imp_item *rep = &a->items[k];
			if (k == i || rep->request || !pairable(req, rep))
				continue;
			pair(rep, req);
			imp_item_free(req);
			memmove(req, req + 1, (a->n - i - 1) * sizeof *req);
			a->n--;
			i--;
			break;
		}
	}
	a->genre = a->n > 1 ? IMP_G_REGISTER : IMP_G_FORM;
	return e;
}

/* ---- evaluations: lists of delegations ---- */

static int list_heading(const char *t, size_t s, size_t e)
{
	imp_trim(t, &s, &e);
	if (e - s > 120)
		return 0;
	if ((imp_prefix(t, s, e, "uitgaande") || imp_prefix(t, s, e, "outgoing")) &&
	    imp_find_word(t, s, e, "delegaties", true) + imp_find_word(t, s, e, "missies", true) +
	    imp_find_word(t, s, e, "bezoeken", true) + imp_find_word(t, s, e, "reizen", true) < 4 * e)
		return 1;
	if ((imp_prefix(t, s, e, "inkomende") || imp_prefix(t, s, e, "incoming")) &&
	    imp_find_word(t, s, e, "delegaties", true) + imp_find_word(t, s, e, "missies", true) +
	    imp_find_word(t, s, e, "bezoeken", true) + imp_find_word(t, s, e, "bezoek", true) < 4 * e)
		return 2;
	return 0;
}

static size_t bullet(const char *t, size_t s, size_t e)
{
	while (s < e && (t[s] == ' ' || t[s] == '\t'))
		s++;
	if (s + 1 < e && (t[s] == '-' || t[s] == '*') && t[s + 1] == ' ')
		return s + 2;
	if (s + 3 < e && (unsigned char)t[s] == 0xE2 && (unsigned char)t[s + 1] == 0x80 &&
	    ((unsigned char)t[s + 2] == 0xA2 || (unsigned char)t[s + 2] == 0x93))
		return s + 3;
	return 0;
}

static rr_err list_item(const char *t, size_t s, size_t e, int dir, const rr_date *ref,
			const imp_analysis *a, const char *name, imp_analysis *out, rr_diag *notes)
{
	imp_item it;
	rr_nldate nd;
	const char *why, *kind;
	size_t ds, de = e, naar;
	char desc[300];
	rr_err err;

	while (s < e && t[s] == ' ')
		s++;
	if (rr_nldate_find(t, e, s, ref, &nd, &why) != RR_OK || nd.off > s + 12) {
		rr_diag_add(notes, "%s: line %zu: list line without a date, not imported: '%.*s'",
			    name, imp_lineno(t, s), (int)(e - s > 80 ? 80 : e - s), t + s);
		return RR_OK;
	}
	ds = nd.off + nd.len;
	while (ds < e && (t[ds] == ' ' || imp_superscript(t, ds, e) ||
			  (t[ds] >= '0' && t[ds] <= '9' && ds == nd.off + nd.len)))
		ds += imp_superscript(t, ds, e) ? imp_superscript(t, ds, e) : 1;
	/* footnote marks at the end */
	while (de > ds) {
		if (de >= 2 && imp_superscript(t, de - 2, e) == 2)
			de -= 2;
		else if (de >= 3 && imp_superscript(t, de - 3, e) == 3)
			de -= 3;
		else
			break;
	}
	if ((err = imp_item_init(&it)))
		return err;
	it.line = imp_lineno(t, s);
	imp_set_dates(it.trip, "start", "end", &nd.start, &nd.end);
	imp_span(&it, "start", nd.off, nd.off + nd.len);
	json_object_set_new(it.trip, "direction", json_string(dir == 1 ? "out" : "in"));
	if (!imp_copy(desc, sizeof desc, t, ds, de))
		snprintf(desc, sizeof desc, "%s", dir == 1 ? "Uitgaande delegatie" : "Inkomende delegatie");
	json_object_set_new(it.trip, "title", json_string(desc));
	imp_span(&it, "title", ds, de);
	kind = imp_trip_kind(t, ds, de);
	json_object_set_new(it.trip, "kind", json_string(kind ? kind : "bezoek"));
	if (imp_called_off(t, ds, de, desc, sizeof desc)) {
		json_t *c = json_object();
		json_object_set_new(c, "reason", json_string(desc));
		json_object_set_new(it.trip, "cancellation", c);
		imp_span(&it, "cancellation", ds, de);
	}
	if (dir == 1) {
		imp_place p[IMP_MAX_PLACES];
		imp_person pp[8];
		size_t np, npp;
		naar = imp_find_word(t, ds, de, "naar", false);
		if (naar >= de)
			naar = imp_find_word(t, ds, de, "aan", false);
		np = imp_places_find(t, naar < de ? naar : ds, de, p, IMP_MAX_PLACES);
		if (!np)
			np = imp_places_find(t, ds, de, p, IMP_MAX_PLACES);
		if (np) {
			json_object_set_new(it.trip, "destinations", imp_destinations(p, np));
			imp_span(&it, "destinations", p[0].off, p[np - 1].off + p[np - 1].len);
		} else if (a->partnership.found) {
			json_object_set_new(it.trip, "destinations",
					    imp_destinations(&a->partnership.partner, 1));
			rr_diag_add(notes, "%s: line %zu: no destination named; the partner (%s) "
				    "assumed", name, it.line, a->partnership.partner.region[0]
				    ? a->partnership.partner.region : a->partnership.partner.city);
		}
		npp = imp_people_find(t, ds, naar < de ? naar : de, pp, 8);
		if (npp) {
			json_t *arr = json_array();
			for (size_t i = 0; i < npp; i++)
				imp_traveller_add(arr, &pp[i]);
			json_object_set_new(it.trip, "travellers", arr);
			imp_span(&it, "travellers", pp[0].off, pp[npp - 1].off + pp[npp - 1].len);
		}
	} else {
		char cp[200];
		size_t ce = ds;
		while (ce < de && t[ce] != '(')
			ce++;
		if (imp_copy(cp, sizeof cp, t, ds, ce)) {
			json_object_set_new(it.trip, "counterpart", json_string(cp));
			imp_span(&it, "counterpart", ds, ce);
		}
		rr_buf b;
		size_t we = ds;
		for (int w = 0; w < 4 && we < ce; w++) {
			while (we < ce && t[we] == ' ')
				we++;
			while (we < ce && t[we] != ' ')
				we++;
		}
		rr_buf_init(&b, 64);
		imp_slug(&b, t, ds, we, 40);
		snprintf(it.slug, sizeof it.slug, "%s", rr_buf_cstr(&b));
		rr_buf_free(&b);
	}
	return push(out, &it);
}

static rr_err lists(const char *t, size_t n, const char *name, imp_analysis *a, rr_diag *notes)
{
	int dir = 0;
	rr_err e = RR_OK;
	const rr_date *ref = a->date.prec ? &a->date : NULL;

	for (size_t pos = 0; pos < n && !e;) {
		size_t le = imp_eol(t, pos, n), s = pos, te = le, b;
		int h;
		imp_trim(t, &s, &te);
		pos = le + 1;
		if ((h = list_heading(t, s, te))) {
			dir = h;
			continue;
		}
		if (!dir || s == te || imp_superscript(t, s, te))
			continue;
		if ((b = bullet(t, s, te)))
			e = list_item(t, b, te, dir, ref, a, name, a, notes);
		else
			dir = 0; /* the list ended */
	}
	return e;
}

static bool has_lists(const char *t, size_t n)
{
	for (size_t pos = 0; pos < n;) {
		size_t le = imp_eol(t, pos, n);
		if (list_heading(t, pos, le))
			return true;
		pos = le + 1;
	}
	return false;
}

/* ---- letters: the sentence that says when and where the mission went ---- */

static rr_err letter(const char *t, size_t n, const char *name, imp_analysis *a, rr_diag *notes)
{
	static const char *const words[] = {"handelsmissie", "missie", "dienstreis", "werkbezoek",
		"studiereis", "reis", NULL};
	size_t best_s = 0, best_e = 0, pos = 0;
	int best = 0;
	rr_nldate best_d;
	imp_item it;
	rr_err e;

	while (pos < n) {
		size_t s, e2, kw = n;
		rr_nldate nd;
		const char *why;
		imp_place p[IMP_MAX_PLACES];
		imp_sentence(t, 0, n, pos, &s, &e2);
		if (e2 <= pos)
			e2 = pos + 1;
		pos = e2 + 1;
		while (pos < n && (t[pos] == ' ' || t[pos] == '\n' || t[pos] == '\t'))
			pos++;
		for (const char *const *w = words; *w && kw >= e2; w++)
			kw = imp_find_word(t, s, e2, *w, false);
		if (kw >= e2 || imp_called_off(t, s, e2, NULL, 0))
			continue; /* a mission called off is left to imp_mentions_scan */
		size_t naar = imp_find_word(t, kw, e2, "naar", false);
		if (naar >= e2 || !imp_places_find(t, naar, e2, p, IMP_MAX_PLACES))
			continue;
		if (rr_nldate_find(t, e2, s, a->date.prec ? &a->date : NULL, &nd, &why) != RR_OK)
			continue;
		int score = (int)nd.start.prec * 2 + (nd.end.prec ? 1 : 0);
		if (score > best) {
			best = score;
			best_s = s;
			best_e = e2;
			best_d = nd;
		}
	}
	if (!best) {
		rr_diag_add(notes, "%s: no trip found (no sentence names a mission with a date "
			    "and a destination)", name);
		return RR_OK;
	}
	if ((e = imp_item_init(&it)))
		return e;
	it.line = imp_lineno(t, best_s);
	imp_set_dates(it.trip, "start", "end", &best_d.start, &best_d.end);
	imp_span(&it, "start", best_d.off, best_d.off + best_d.len);
	{
		imp_place p[IMP_MAX_PLACES];
		imp_person pp[8];
		size_t kw = n, naar, np, npp;
		char title[200];
		const char *kind;
		for (const char *const *w = words; *w && kw >= best_e; w++)
			kw = imp_find_word(t, best_s, best_e, *w, false);
		naar = imp_find_word(t, kw, best_e, "naar", false);
		np = imp_places_find(t, naar, best_e, p, IMP_MAX_PLACES);
		if (!np) { /* cannot happen: the sentence was chosen for its place */
			imp_item_free(&it);
			return RR_OK;
		}
		json_object_set_new(it.trip, "destinations", imp_destinations(p, np));
		imp_span(&it, "destinations", p[0].off, p[np - 1].off + p[np - 1].len);
		imp_copy(title, sizeof title, t, kw, p[np - 1].off + p[np - 1].len);
		if (title[0] >= 'a' && title[0] <= 'z')
			title[0] = (char)(title[0] - 'a' + 'A');
		json_object_set_new(it.trip, "title", json_string(title));
		imp_span(&it, "title", kw, p[np - 1].off + p[np - 1].len);
		if ((kind = imp_trip_kind(t, best_s, best_e)))
			json_object_set_new(it.trip, "kind", json_string(kind));
		npp = imp_people_find(t, best_s, kw, pp, 8);
		if (npp) {
			json_t *arr = json_array();
			for (size_t i = 0; i < npp; i++)
				imp_traveller_add(arr, &pp[i]);
			json_object_set_new(it.trip, "travellers", arr);
			imp_span(&it, "travellers", pp[0].off, pp[npp - 1].off + pp[npp - 1].len);
		}
	}
	add_results(&it, t, 0, n);
	return push(a, &it);
}

rr_err imp_analyse(const imp_ctx *c, imp_analysis *a)
{
	const char *t = c->t, *name = c->name;
	size_t n = c->n;
	rr_diag *notes = c->notes;
	imp_label labs[IMP_MAX_LABELS];
	size_t nl, lines = 0, form = 0;
	rr_err e;

	memset(a, 0, sizeof *a);
	/* title: the first line with words */
	for (size_t pos = 0; pos < n && lines < 8;) {
		size_t le = imp_eol(t, pos, n), s = pos, te = le;
		imp_trim(t, &s, &te);
		pos = le + 1;
		if (s == te)
			continue;
		lines++;
		if (!a->title[0])
			imp_copy(a->title, sizeof a->title, t, s, te);
	}
	{
		size_t doff, dlen;
		if (!imp_docdate(t, n, &c->given, &a->date, &doff, &dlen))
			a->date = c->given;
	}
	nl = imp_labels_scan(t, 0, n, labs, IMP_MAX_LABELS);
	for (size_t i = 0; i < nl; i++)
		if (labs[i].kind == IMP_L_DATES || labs[i].kind == IMP_L_DESTINATION ||
		    labs[i].kind == IMP_L_OFFICIALS)
			form++;
	if (form) {
		e = forms(t, n, name, a, notes);
		if (!e && a->n) {
			json_t *d0 = json_array_get(json_object_get(a->items[0].trip, "destinations"), 0);
			imp_place fb;
			rr_date ref = {0, 0, 0, RR_PREC_NONE};
			memset(&fb, 0, sizeof fb);
			if (d0) {
				snprintf(fb.country, sizeof fb.country, "%s",
					 json_string_value(json_object_get(d0, "country")));
				if (json_object_get(d0, "city"))
					snprintf(fb.city, sizeof fb.city, "%s",
						 json_string_value(json_object_get(d0, "city")));
				if (json_object_get(d0, "region"))
					snprintf(fb.region, sizeof fb.region, "%s",
						 json_string_value(json_object_get(d0, "region")));
			}
			const char *st = json_string_value(json_object_get(a->items[0].trip, "start"));
			if (st)
				rr_date_parse_iso(st, &ref, NULL);
			imp_partnership_find(t, 0, n, d0 ? &fb : NULL, ref.prec ? &ref : NULL,
					     &a->partnership);
		}
		return e ? e : imp_mentions_scan(t, n, name, a, notes);
	}
	imp_partnership_find(t, 0, n, NULL, a->date.prec ? &a->date : NULL, &a->partnership);
	if (has_lists(t, n)) {
		a->genre = IMP_G_EVALUATION;
		if ((e = lists(t, n, name, a, notes)) || (e = imp_results_scan(t, n, a, false)))
			return e;
		imp_investment_total(t, n, a);
		return imp_mentions_scan(t, n, name, a, notes);
	}
	a->genre = IMP_G_LETTER;
	if ((e = letter(t, n, name, a, notes)) || (e = imp_results_scan(t, n, a, true)))
		return e;
	imp_investment_total(t, n, a);
	return imp_mentions_scan(t, n, name, a, notes);
}
