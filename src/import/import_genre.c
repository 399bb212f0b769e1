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

#include "../nl/fold.h"
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
	free(a->gifts);
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

/* The first and last byte the item's spans cover; false when none. */
static bool item_extent(const imp_item *it, size_t *lo, size_t *hi)
{
	json_t *sp;
	size_t i;
	bool any = false;
	json_array_foreach(it->spans, i, sp) {
		size_t s = (size_t)json_integer_value(json_object_get(sp, "start"));
		size_t e = (size_t)json_integer_value(json_object_get(sp, "end"));
		if (!any || s < *lo)
			*lo = s;
		if (!any || e > *hi)
			*hi = e;
		any = true;
	}
	return any;
}

/* In a letter, agreements signed in the paragraph that tells of a trip are
 * its results ("… een missie naar Guangdong geleid. Er is een contract
 * afgesloten"), up to the next trip the text tells. */
static void prose_agreements(const char *t, size_t n, imp_analysis *a)
{
	for (size_t i = 0; i < a->n; i++) {
		imp_item *p = &a->items[i];
		size_t lo = 0, hi = 0, end;
		if (!p->prose || !item_extent(p, &lo, &hi) || json_array_size(p->results))
			continue;
		/* the paragraph's end: a blank line */
		for (end = hi; end < n && !(t[end] == '\n' && end + 1 < n && t[end + 1] == '\n'); end++)
			;
		for (size_t k = 0; k < a->n; k++) {
			size_t l2 = 0, h2 = 0;
			if (k != i && a->items[k].prose && item_extent(&a->items[k], &l2, &h2) &&
			    l2 > lo && l2 < end)
				end = l2;
		}
		if (end > lo)
			add_results(p, t, lo, end);
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
		it.src_off = starts[i]; /* the section, for events its text tells */
		it.src_end = to;
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
			const imp_place *origin, const imp_analysis *a, const char *name,
			imp_analysis *out, rr_diag *notes)
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
	it.src_off = s;
	it.src_end = e;
	imp_set_dates(it.trip, "start", "end", &nd.start, &nd.end);
	imp_span(&it, "start", nd.off, nd.off + nd.len);
	json_object_set_new(it.trip, "direction", json_string(dir == 1 ? "out" : "in"));
	if (!imp_copy(desc, sizeof desc, t, ds, de))
		snprintf(desc, sizeof desc, "%s", dir == 1 ? "Uitgaande delegatie" : "Inkomende delegatie");
	json_object_set_new(it.trip, "title", json_string(desc));
	imp_span(&it, "title", ds, de);
	kind = imp_trip_kind(t, ds, de);
	/* a conference held here is no kind of the visitors' trip */
	if (kind && (dir == 1 || strcmp(kind, "conferentie")))
		json_object_set_new(it.trip, "kind", json_string(kind));
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
		/* the visitors come from the place the line names, else from the
		 * one the list's heading names ("vanuit Guangdong") */
		imp_place p[IMP_MAX_PLACES];
		size_t np = imp_places_find(t, ds, de, p, IMP_MAX_PLACES), ce = ds;
		const imp_place *from = np ? &p[0] : origin && origin->country[0] ? origin : NULL;
		while (ce < de && t[ce] != '(')
			ce++;
		if (from) {
			json_t *o = json_object();
			const char *nm = from->city[0] ? from->city : from->region;
			json_object_set_new(o, "country", json_string(from->country));
			if (from->city[0])
				json_object_set_new(o, "city", json_string(from->city));
			if (from->region[0])
				json_object_set_new(o, "region", json_string(from->region));
			json_object_set_new(it.trip, "origin", o);
			/* the visiting party: the one who leads it ("o.l.v. Mr. Xiao
			 * Jinzhe", "o.l.v. Vice-Chairman van de Standing Committee"),
			 * else its place */
			size_t lv = imp_find_word(t, ds, ce, "o.l.v.", false);
			if (lv >= ce)
				lv = imp_find_word(t, ds, ce, "onder leiding van", false);
			if (lv < ce) {
				size_t ls = lv, le = ce;
				while (ls < ce && t[ls] != ' ')
					ls++;
				if (imp_prefix(t, lv, ce, "onder leiding van"))
					ls = lv + strlen("onder leiding van");
				while (ls < le && t[ls] == ' ')
					ls++;
				if (imp_prefix(t, ls, le, "Mr. ") || imp_prefix(t, ls, le, "Mr "))
					ls += 3 + (t[ls + 2] == '.');
				imp_trim(t, &ls, &le);
				/* but a body named before it leads: "Guangdong People's
				 * Congress o.l.v. Vice-chairman" */
				size_t bs = ds, be = lv;
				static const char *const lead_in[] = {"bezoek van het ", "bezoek van de ",
					"bezoek van ", "delegatie van het ", "delegatie van de ",
					"delegatie van ", "delegatie uit ", "delegatie ", NULL};
				for (const char *const *w = lead_in; *w; w++)
					if (imp_prefix(t, bs, be, *w)) {
						bs += strlen(*w);
						break;
					}
				imp_trim(t, &bs, &be);
				while (be > bs && (t[be - 1] == ',' || t[be - 1] == ' '))
					be--;
				if (be > bs && t[bs] >= 'A' && t[bs] <= 'Z' && !imp_prefix(t, ds, lv, "delegatie o") &&
				    be - bs > 3) {
					ls = bs;
					le = be;
				}
				char cp[120];
				if (le > ls && imp_copy(cp, sizeof cp, t, ls, le))
					json_object_set_new(it.trip, "counterpart", json_string(cp));
			} else if (nm[0]) {
				json_object_set_new(it.trip, "counterpart", json_string(nm));
			}
			if (np)
				imp_span(&it, "origin", p[0].off, p[0].off + p[0].len);
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
	imp_place origin;

	for (size_t pos = 0; pos < n && !e;) {
		size_t le = imp_eol(t, pos, n), s = pos, te = le, b;
		int h;
		imp_trim(t, &s, &te);
		pos = le + 1;
		if ((h = list_heading(t, s, te))) {
			dir = h;
			memset(&origin, 0, sizeof origin);
			if (h == 2) {
				size_t v = imp_find_word(t, s, te, "vanuit", false);
				if (v >= te)
					v = imp_find_word(t, s, te, "uit", false);
				if (v < te)
					imp_places_find(t, v, te, &origin, 1);
			}
			continue;
		}
		if (!dir || s == te || imp_superscript(t, s, te))
			continue;
		if ((b = bullet(t, s, te)))
			e = list_item(t, b, te, dir, ref, &origin, a, name, a, notes);
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

/* Does the text name the body (its place or name)? */
static bool names_body(const char *t, size_t n, const imp_body *b)
{
	char *f = malloc(n + 1), key[240];
	bool yes = false;

	if (!f)
		return false;
	rr_fold(t, n, f, n + 1);
	for (int k = 0; k < 2 && !yes; k++) {
		const char *s = k ? b->name : b->place;
		if (!s[0])
			continue;
		rr_fold(s, strlen(s), key, sizeof key);
		yes = key[0] && strstr(f, key) != NULL;
	}
	free(f);
	return yes;
}

/* A register or overview of trips: its title or opening speaks of them
 * ("Register van buitenlandse dienstreizen 2023", "de buitenlandse
 * dienstreizen van burgemeester en wethouders in 2016"). */
static bool register_opening(const char *t, size_t n)
{
	static const char *const words[] = {"dienstreizen", "buitenlandse reizen",
		"reizen van het college", "overzicht reizen", NULL};
	size_t end = n < 600 ? n : 600;
	for (const char *const *w = words; *w; w++)
		if (imp_find_word(t, 0, end, *w, false) < end)
			return true;
	return false;
}

/* A letter or report in the body's own voice: addressed to a council or
 * parliament ("Aan de Voorzitter", "Geachte …") or offering something
 * ("Hierbij ontvangt u", "Met deze brief"). Its trips are the body's unless
 * they name another body's people. */
/* Questions to the body's own college ("Geacht college,", "Statenvragen",
 * "schriftelijke vragen aan het college"): the trips they ask about are the
 * body's. */
static bool to_the_college(const char *t, size_t n)
{
	static const char *const openings[] = {"geacht college", "geachte college",
		"aan het college", "statenvragen", "raadsvragen", "schriftelijke vragen",
		"vragen aan het college", NULL};
	size_t end = n < 1500 ? n : 1500;
	for (const char *const *w = openings; *w; w++)
		if (imp_find_word(t, 0, end, *w, false) < end)
			return true;
	return false;
}

static bool authored(const char *t, size_t n)
{
	static const char *const openings[] = {"aan de voorzitter", "hierbij ontvangt u",
		"met deze brief", "hierbij informeren wij", "hierbij informeer ik", "geachte", NULL};
	size_t end = n < 3000 ? n : 3000;
	for (const char *const *w = openings; *w; w++)
		if (imp_find_word(t, 0, end, *w, false) < end)
			return true;
	return false;
}

/* Two items of one document that tell the same journey: same direction, a
 * country in common (or one without places), dates that overlap; without
 * dates on one side only when loose (a form's trip told again in its
 * report's text). */
static bool same_journey(const json_t *x, const json_t *y, bool loose)
{
	const char *dx = json_string_value(json_object_get(x, "direction"));
	const char *dy = json_string_value(json_object_get(y, "direction"));
	const char *key = dx && !strcmp(dx, "in") ? "origin" : "destinations";
	json_t *px = json_object_get(x, key), *py = json_object_get(y, key), *p, *q;
	size_t i, k;
	bool country = false;
	rr_date xs, xe, ys, ye;
	const char *s;

	if (!dx || !dy || strcmp(dx, dy))
		return false;
	if (json_is_object(px) && json_is_object(py)) {
		country = !strcmp(json_string_value(json_object_get(px, "country")),
				  json_string_value(json_object_get(py, "country")));
	} else if (json_is_array(px) && json_is_array(py)) {
		json_array_foreach(px, i, p)
			json_array_foreach(py, k, q)
				if (!strcmp(json_string_value(json_object_get(p, "country")),
					    json_string_value(json_object_get(q, "country"))))
					country = true;
	} else {
		country = !px || !py;
	}
	if (!country)
		return false;
	memset(&xs, 0, sizeof xs);
	ys = xe = ye = xs;
	if ((s = json_string_value(json_object_get(x, "start"))) ||
	    (s = json_string_value(json_object_get(x, "planned_start"))))
		rr_date_parse_iso(s, &xs, NULL);
	if ((s = json_string_value(json_object_get(y, "start"))) ||
	    (s = json_string_value(json_object_get(y, "planned_start"))))
		rr_date_parse_iso(s, &ys, NULL);
	if (!xs.prec || !ys.prec)
		return loose;
	if ((s = json_string_value(json_object_get(x, "end"))) ||
	    (s = json_string_value(json_object_get(x, "planned_end"))))
		rr_date_parse_iso(s, &xe, NULL);
	if ((s = json_string_value(json_object_get(y, "end"))) ||
	    (s = json_string_value(json_object_get(y, "planned_end"))))
		rr_date_parse_iso(s, &ye, NULL);
	return rr_date_first(&xs) <= rr_date_last(ye.prec ? &ye : &ys) &&
	       rr_date_first(&ys) <= rr_date_last(xe.prec ? &xe : &xs);
}

/* Surnames of an item's travellers, folded and joined, for comparison. */
static void traveller_key(const json_t *trip, char *out, size_t cap)
{
	json_t *v;
	size_t i, o = 0;
	out[0] = '\0';
	json_array_foreach(json_object_get(trip, "travellers"), i, v) {
		const char *nm = json_string_value(json_object_get(v, "name")), *sp;
		if (!nm)
			continue;
		sp = strrchr(nm, ' ');
		o += (size_t)snprintf(out + o, o < cap ? cap - o : 0, "%s|", sp ? sp + 1 : nm);
		if (o >= cap)
			break;
	}
}

static bool dated(const json_t *trip);

/* Adds the fields of src that dst lacks, the places dst lacks, the more
 * precise dates, and src's spans. */
static void merge_item(imp_item *dst, const imp_item *src)
{
	json_t *dd = json_object_get(dst->trip, "destinations");
	json_t *sd = json_object_get(src->trip, "destinations"), *x, *y;
	const char *a, *b;
	rr_date ds = {0, 0, 0, RR_PREC_NONE}, ss = ds;
	size_t i, k;

	if ((a = json_string_value(json_object_get(dst->trip, "start"))))
		rr_date_parse_iso(a, &ds, NULL);
	if ((b = json_string_value(json_object_get(src->trip, "start"))))
		rr_date_parse_iso(b, &ss, NULL);
	if (ss.prec > ds.prec || (ss.prec == ds.prec && ss.prec &&
				  json_object_get(src->trip, "end") &&
				  strcmp(json_string_value(json_object_get(src->trip, "end")), b) &&
				  !strcmp(json_string_value(json_object_get(dst->trip, "end")), a))) {
		json_object_set(dst->trip, "start", json_object_get(src->trip, "start"));
		json_object_set(dst->trip, "end", json_object_get(src->trip, "end"));
	}
	if (json_is_array(dd) && json_is_array(sd)) {
		json_array_foreach(sd, i, x) {
			bool have = false;
			const char *xc = json_string_value(json_object_get(x, "city"));
			const char *xr = json_string_value(json_object_get(x, "region"));
			json_array_foreach(dd, k, y) {
				const char *yc = json_string_value(json_object_get(y, "city"));
				const char *yr = json_string_value(json_object_get(y, "region"));
				if (strcmp(json_string_value(json_object_get(x, "country")),
					   json_string_value(json_object_get(y, "country"))))
					continue;
				if ((!xc && !xr) || (xc && yc && !strcmp(xc, yc)) ||
				    (xr && yr && !strcmp(xr, yr)))
					have = true;
			}
			if (!have)
				json_array_append(dd, x);
		}
		/* a country alone next to a place of it: the place */
		for (i = 0; i < json_array_size(dd); i++) {
			x = json_array_get(dd, i);
			if (json_object_get(x, "city") || json_object_get(x, "region"))
				continue;
			json_array_foreach(dd, k, y)
				if (k != i && !strcmp(json_string_value(json_object_get(x, "country")),
						      json_string_value(json_object_get(y, "country"))) &&
				    (json_object_get(y, "city") || json_object_get(y, "region"))) {
					json_array_remove(dd, i--);
					break;
				}
		}
	}
	/* a named kind (dienstreis, handelsmissie) says more than a visit; not
	 * from an undated mention, which may be another journey */
	if ((a = json_string_value(json_object_get(dst->trip, "kind"))) && !strcmp(a, "bezoek") &&
	    dated(src->trip) &&
	    (b = json_string_value(json_object_get(src->trip, "kind"))))
		json_object_set(dst->trip, "kind", json_object_get(src->trip, "kind"));
	/* the travellers of both: "Burgemeester X … komst naar Tonami" and "samen
	 * met wethouder Y" later */
	json_t *dt = json_object_get(dst->trip, "travellers"), *st = json_object_get(src->trip, "travellers");
	if (json_is_array(dt) && json_is_array(st)) {
		json_array_foreach(st, i, x) {
			bool have = false;
			json_array_foreach(dt, k, y)
				if (!strcmp(json_string_value(json_object_get(x, "name")),
					    json_string_value(json_object_get(y, "name"))))
					have = true;
			if (!have && json_array_size(dt) < 40)
				json_array_append(dt, x);
		}
	}
	json_object_update_missing(dst->trip, src->trip);
	json_array_extend(dst->spans, src->spans);
}

static bool dated(const json_t *trip)
{
	return json_object_get(trip, "start") || json_object_get(trip, "planned_start");
}

/* Dated more precisely than a year ("de reizen van dit jaar" is a summary). */
static bool dated_within_year(const json_t *trip)
{
	rr_date d;
	const char *s = json_string_value(json_object_get(trip, "start"));
	if (!s)
		s = json_string_value(json_object_get(trip, "planned_start"));
	return s && rr_date_parse_iso(s, &d, NULL) == RR_OK && d.prec > RR_PREC_YEAR;
}

/* Is q the only structured item that is the same journey as p, loosely? */
static bool only_one(const imp_analysis *a, const imp_item *q, const imp_item *p)
{
	for (size_t k = 0; k < a->n; k++) {
		const imp_item *o = &a->items[k];
		if (o != q && o != p && !o->prose && same_journey(o->trip, p->trip, true))
			return false;
	}
	return true;
}

/* How many prose items came from the same sentence as p (its group)? */
static size_t group_size(const imp_analysis *a, const imp_item *p)
{
	size_t n = 0;
	for (size_t k = 0; k < a->n; k++)
		if (a->items[k].prose && a->items[k].group == p->group)
			n++;
	return n;
}

/* The first destination's city (or region), or "". */
static const char *first_city(const json_t *trip)
{
	json_t *d = json_array_get(json_object_get(trip, "destinations"), 0);
	const char *c = json_string_value(json_object_get(d, "city"));
	if (!c)
		c = json_string_value(json_object_get(d, "region"));
	return c ? c : "";
}

/* Do two prose items tell one trip? A news item tells its trip in several
 * sentences: the same country, a compatible place (the same city, or one
 * names none), travellers in common or none on one side. Not in a register
 * or overview, where each line is a trip of its own, and not for the trips
 * of one sentence's list. */
static bool retold(const imp_analysis *a, const imp_item *q, const imp_item *p)
{
	char kp[200], kq[200];
	const char *cp = first_city(p->trip), *cq = first_city(q->trip);

	if (a->register_of_body || q->group == p->group || group_size(a, p) > 1 ||
	    group_size(a, q) > 1 || p->another)
		return false;
	/* in a text of many trips (one with lists of them), an undated mention
	 * pages away from a trip is not sure to be it */
	size_t pl = 0, ph = 0, ql = 0, qh = 0;
	bool lists = false;
	for (size_t k = 0; k < a->n; k++)
		lists |= !a->items[k].prose;
	if (lists && !dated(p->trip) && item_extent(p, &pl, &ph) && item_extent(q, &ql, &qh) &&
	    (pl > qh ? pl - qh : ql > ph ? ql - ph : 0) > 4000)
		return false;
	if (cp[0] && cq[0] && strcmp(cp, cq))
		return false;
	/* a visit that prepares a trade mission is not that mission */
	const char *kdp = json_string_value(json_object_get(p->trip, "kind"));
	const char *kdq = json_string_value(json_object_get(q->trip, "kind"));
	if (kdp && kdq && strcmp(kdp, kdq))
		return false;
	traveller_key(p->trip, kp, sizeof kp);
	traveller_key(q->trip, kq, sizeof kq);
	/* other travellers make another trip, unless one of the two is undated:
	 * a news item names the mayor first and her companions later */
	if (kp[0] && kq[0] && strcmp(kp, kq) && !strstr(kp, kq) && !strstr(kq, kp) &&
	    dated(p->trip) && dated(q->trip))
		return false;
	return same_journey(q->trip, p->trip, true);
}

/* "de twee reizen naar China: die kostten samen 41.700 euro" counts trips
 * the text tells one by one: a group of several undated trips without
 * travellers, when other trips of the text go to the same country, goes. */
static void drop_counts(imp_analysis *a)
{
	for (size_t i = 0; i < a->n; i++) {
		imp_item *p = &a->items[i];
		if (!p->prose || p->table || (group_size(a, p) < 2 && !p->plural) || dated_within_year(p->trip) ||
		    json_object_get(p->trip, "travellers"))
			continue;
		/* only a count ("twee reizen"), not a list of places or of years
		 * ("in 2005, 2007 en 2010") */
		bool count = true;
		for (size_t k = 0; k < a->n; k++)
			if (k != i && a->items[k].group == p->group &&
			    (!json_equal(json_object_get(a->items[k].trip, "destinations"),
					 json_object_get(p->trip, "destinations")) ||
			     !json_equal(json_object_get(a->items[k].trip, "start"),
					 json_object_get(p->trip, "start"))))
				count = false;
		if (!count)
			continue;
		bool other = false;
		for (size_t k = 0; k < a->n && !other; k++) {
			imp_item *q = &a->items[k];
			if (q->group != p->group && same_journey(q->trip, p->trip, true))
				other = true;
		}
		if (!other)
			continue;
		imp_item_free(p);
		memmove(p, p + 1, (a->n - i - 1) * sizeof *p);
		a->n--;
		i--;
	}
}

/* A trip the running text tells again adds what it knows and goes: the
 * same journey as a form's or a list's (dated alike, or undated when only
 * one of them goes there), or retold in a later sentence. */
static void fold_prose(imp_analysis *a)
{
	bool lists = false;
	for (size_t k = 0; k < a->n; k++)
		if (!a->items[k].prose)
			lists = true;
	for (size_t i = 0; i < a->n; i++) {
		imp_item *p = &a->items[i];
		bool done = false;
		if (!p->prose)
			continue;
		for (size_t k = 0; k < i && !done; k++) {
			imp_item *q = &a->items[k];
			bool same = q->prose ? retold(a, q, p)
				  : dated(p->trip) ? same_journey(q->trip, p->trip, false)
				  : same_journey(q->trip, p->trip, true) && only_one(a, q, p);
			if (!same)
				continue;
			merge_item(q, p);
			done = true;
		}
		/* beside a list of trips, an undated mention is one of them, not a
		 * trip of its own */
		if (!done && lists && !dated(p->trip))
			done = true;
		if (done) {
			imp_item_free(p);
			memmove(p, p + 1, (a->n - i - 1) * sizeof *p);
			a->n--;
			i--;
		}
	}
}

/* The first and last day of a trip's dates (actual, else planned). */
static bool trip_days(const json_t *trip, long *a, long *b)
{
	static const char *const keys[][2] = {{"start", "end"}, {"planned_start", "planned_end"}};
	for (size_t k = 0; k < 2; k++) {
		rr_date s, e;
		const char *ss = json_string_value(json_object_get(trip, keys[k][0]));
		const char *es = json_string_value(json_object_get(trip, keys[k][1]));
		if (!ss || rr_date_parse_iso(ss, &s, NULL) != RR_OK || !s.prec)
			continue;
		if (!es || rr_date_parse_iso(es, &e, NULL) != RR_OK || !e.prec)
			e = s;
		*a = rr_date_first(&s);
		*b = rr_date_last(&e);
		return true;
	}
	return false;
}

/* A report or request tells in its text of visitors the body received or
 * will receive ("In het voorjaar zal een delegatie van de stad X onze stad
 * bezoeken"): the incoming visits running text gives; its outgoing trips
 * are the form's own journey told again, unless made years before it. */
static rr_err incoming_in_forms(const imp_read *r, imp_analysis *a)
{
	size_t n0 = a->n;
	long first = 0, unused;
	bool journeys = false;
	/* the first day of the form's journeys */
	for (size_t i = 0; i < n0; i++) {
		long x;
		if (trip_days(a->items[i].trip, &x, &unused) && (!journeys || x < first)) {
			first = x;
			journeys = true;
		}
	}
	rr_err e = imp_prose_trips(r, a);
	if (e)
		return e;
	for (size_t i = n0; i < a->n; i++) {
		const char *d = json_string_value(json_object_get(a->items[i].trip, "direction"));
		long x, y;
		if (d && !strcmp(d, "in"))
			continue;
		/* "Het laatste bezoek vond plaats in september 2016": a journey
		 * made years before the form's own is another one */
		if (journeys && trip_days(a->items[i].trip, &x, &y) && y + 365 < first)
			continue;
		imp_item_free(&a->items[i]);
		memmove(&a->items[i], &a->items[i + 1], (a->n - i - 1) * sizeof a->items[i]);
		a->n--;
		i--;
	}
	return RR_OK;
}

rr_err imp_analyse(const imp_ctx *c, imp_analysis *a)
{
	const char *t = c->t, *name = c->name;
	size_t n = c->n;
	rr_diag *notes = c->notes;
	imp_label labs[IMP_MAX_LABELS];
	size_t nl, lines = 0, form = 0;
	imp_read r;
	rr_err e;

	/* a web page's navigation, never its title */
	static const char *const nav[] = {"direct naar", "ga direct naar", "ga naar", "spring naar",
		"naar de inhoud", "naar inhoud", "skip to", "menu", "zoeken", "home", "cookies",
		"u bent hier", "terug naar", "download", "print", "delen", NULL};
	memset(a, 0, sizeof *a);
	/* title: the first line with words */
	for (size_t pos = 0; pos < n && lines < 8;) {
		size_t le = imp_eol(t, pos, n), s = pos, te = le;
		bool skip = false;
		imp_trim(t, &s, &te);
		pos = le + 1;
		if (s == te)
			continue;
		lines++;
		/* a bullet ("• Download PDF") is no title either */
		if (imp_prefix(t, s, te, "\xe2\x80\xa2") || t[s] == '-' || t[s] == '*')
			skip = true;
		for (const char *const *w = nav; *w && !skip; w++)
			skip = imp_prefix(t, s, te, *w) && imp_word_end(t, s + strlen(*w), te);
		if (!a->title[0] && !skip)
			imp_copy(a->title, sizeof a->title, t, s, te);
	}
	size_t doff = 0, dlen = 0;
	if (!imp_docdate(t, n, &c->given, &a->date, &doff, &dlen)) {
		a->date = c->given;
		doff = dlen = 0;
	}
	a->about_body = names_body(t, n, c->body) || to_the_college(t, n);
	a->register_of_body = register_opening(t, n);
	a->authored = authored(t, n);
	if ((e = imp_read_init(&r, c, &a->date, doff, dlen)))
		goto out;
	/* a yearly register without a date of its own is dated by its year */
	if (!a->date.prec && a->register_of_body && r.anchor.prec == RR_PREC_YEAR)
		a->date = r.anchor;
	if (c->explain)
		imp_read_explain(&r, c->explain);
	if ((e = imp_partners_scan(&r, a)))
		goto out;
	/* the relation the document speaks of most */
	for (size_t i = 0; i < a->npartners; i++)
		if (!a->partnership.found || a->partners[i].mentions > a->partnership.mentions)
			a->partnership = a->partners[i];
	/* a register as a table first: its column names are no form's labels */
	if ((e = imp_tables_scan(&r, a)) || (e = imp_gifts_scan(&r, a)))
		goto out;
	nl = a->n ? 0 : imp_labels_scan(t, 0, n, labs, IMP_MAX_LABELS);
	for (size_t i = 0; i < nl; i++)
		if ((labs[i].kind == IMP_L_DATES || labs[i].kind == IMP_L_DESTINATION ||
		     labs[i].kind == IMP_L_OFFICIALS) && !r.used[rr_wat(&r.ws, labs[i].line)])
			form++; /* a gift register's "Datum:" is no trip form's */
	if (form) {
		e = forms(t, n, name, a, notes);
		/* visitors received by the body that a report tells in its text;
		 * a report without a date of its own is written after the journey
		 * it reports, so its year-less dates ("begin november jl.") are of
		 * that journey's time */
		if (!e && !a->date.prec && a->n == 1) {
			rr_date j;
			const json_t *tr = a->items[0].trip;
			const char *js = json_string_value(json_object_get(tr, "end"));
			if (!js)
				js = json_string_value(json_object_get(tr, "start"));
			if (js && rr_date_parse_iso(js, &j, NULL) == RR_OK && j.prec) {
				imp_read_free(&r);
				e = imp_read_init(&r, c, &j, doff, dlen);
			}
		}
		if (!e)
			e = incoming_in_forms(&r, a);
		if (!e)
			imp_partners_date_pending(a);
		if (!e)
			e = imp_mentions_scan(t, n, name, a, notes);
		goto out;
	}
	if (has_lists(t, n)) {
		a->genre = IMP_G_EVALUATION;
		if ((e = lists(t, n, name, a, notes)) || (e = imp_results_scan(t, n, a, false)))
			goto out;
		imp_investment_total(t, n, a);
	} else {
		a->genre = IMP_G_LETTER;
	}
	for (size_t i = 0; i < a->n; i++)
		if (a->items[i].src_end > a->items[i].src_off)
			imp_read_use(&r, a->items[i].src_off, a->items[i].src_end);
	if ((e = imp_prose_trips(&r, a)))
		goto out;
	drop_counts(a);
	fold_prose(a);
	/* "een overzicht van de reizen van dit jaar": a trip told after it
	 * without a date is of the document's year */
	for (size_t i = 0; i < a->n && a->date.prec; i++) {
		imp_item *p = &a->items[i];
		if (!p->prose || !p->this_year || dated(p->trip))
			continue;
		rr_date y = a->date;
		y.prec = RR_PREC_YEAR;
		imp_set_dates(p->trip, "start", "end", &y, &y);
	}
	/* a register of "dienstreizen": a trip without a more precise kind is one */
	if (a->register_of_body && imp_find_word(t, 0, n < 600 ? n : 600, "dienstreizen", false) <
				       (n < 600 ? n : 600))
		for (size_t i = 0; i < a->n; i++)
			if (!json_object_get(a->items[i].trip, "kind"))
				json_object_set_new(a->items[i].trip, "kind", json_string("dienstreis"));
	if (a->genre == IMP_G_LETTER)
		prose_agreements(t, n, a);
	if (a->genre == IMP_G_LETTER && (e = imp_results_scan(t, n, a, true)))
		goto out;
	if (a->genre == IMP_G_LETTER)
		imp_investment_total(t, n, a);
	e = imp_mentions_scan(t, n, name, a, notes);
out:
	imp_read_free(&r);
	return e;
}
