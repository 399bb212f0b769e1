/* import_mentions.c - trips a document mentions in passing that did not
 * take place: "een bezoek aan X in mei 2020 ... werd afgelast vanwege ...".
 *
 * One sentence must hold all of it: a word for a trip of the body
 * (bezoek, reis, missie, delegatie, ...), a word saying it was called off
 * (afgelast, geannuleerd, ging niet door, niet doorgegaan), a destination
 * abroad after "naar" or "aan" and a date with at least a month. Such a
 * sentence becomes an item with planned dates and a cancellation whose
 * reason is the words after "vanwege", "wegens", "door", "in verband met"
 * or "als gevolg van" (else the sentence itself); import.c gives it the
 * status "cancelled". Not taken:
 *   - a postponed trip ("uitgesteld", "verschoven"): a note only;
 *   - a trip of another body ("van de provincie X", "delegatie uit X");
 *   - a trip the document already has (same country, overlapping dates).
 * A visit that did take place and is only mentioned ("het laatste bezoek
 * vond plaats in ...") is left alone: such sentences rarely name the body,
 * the destination and the dates together. */
#include "import_int.h"

#include <stdio.h>
#include <string.h>

#include "../nl/nldate.h"

static const char *const trip_words[] = {"handelsmissie", "werkbezoek", "studiereis",
	"dienstreis", "bezoek", "reis", "missie", "delegatie", NULL};
static const char *const cancel_words[] = {"afgelast", "geannuleerd", "gecanceld",
	"ging niet door", "gingen niet door", "niet doorgegaan", "niet door kon gaan",
	"niet door konden gaan", NULL};
static const char *const postpone_words[] = {"uitgesteld", "verschoven", "verdaagd", NULL};
static const char *const other_body[] = {"van de provincie", "van de gemeente", "van de stad",
	"van het ministerie", "van de minister", "van de regio", "delegatie uit",
	"delegatie vanuit", "bezoek uit", "bezoek vanuit", NULL};
static const char *const reason_words[] = {"vanwege", "wegens", "in verband met", "i.v.m.",
	"als gevolg van", "door", NULL};

/* The first of words in [s, e): its offset (e when none); *len its length. */
static size_t first_of(const char *t, size_t s, size_t e, const char *const *words,
		       bool prefix_ok, size_t *len)
{
	size_t best = e;
	for (const char *const *w = words; *w; w++) {
		size_t at = imp_find_word(t, s, e, *w, prefix_ok);
		if (at < best) {
			best = at;
			if (len)
				*len = strlen(*w);
		}
	}
	return best;
}

static bool date_range(const json_t *trip, long *a, long *b)
{
	static const char *const keys[][2] = {{"start", "end"}, {"planned_start", "planned_end"}};
	for (size_t k = 0; k < 2; k++) {
		rr_date s = {0, 0, 0, RR_PREC_NONE}, e = {0, 0, 0, RR_PREC_NONE};
		const char *ss = json_string_value(json_object_get(trip, keys[k][0]));
		const char *es = json_string_value(json_object_get(trip, keys[k][1]));
		if (!ss || rr_date_parse_iso(ss, &s, NULL))
			continue;
		if (es && rr_date_parse_iso(es, &e, NULL))
			e.prec = RR_PREC_NONE;
		*a = rr_date_first(&s);
		*b = e.prec ? rr_date_last(&e) : rr_date_last(&s);
		return true;
	}
	return false;
}

/* Does an item of a already cover country cc in the days [da, db]? */
static bool known(const imp_analysis *a, const char *cc, long da, long db)
{
	for (size_t i = 0; i < a->n; i++) {
		json_t *d;
		size_t k;
		long ia, ib;
		if (!date_range(a->items[i].trip, &ia, &ib) || ia > db || da > ib)
			continue;
		json_array_foreach(json_object_get(a->items[i].trip, "destinations"), k, d) {
			const char *c = json_string_value(json_object_get(d, "country"));
			if (c && !strcmp(c, cc))
				return true;
		}
	}
	return false;
}

/* The reason: words after a reason word that follows the cancel word (or
 * anywhere in the sentence), without a leading article or end mark. */
static void reason_span(const char *t, size_t s, size_t e, size_t cw, size_t *rs, size_t *re)
{
	size_t len = 0, at = first_of(t, cw, e, reason_words, false, &len);
	if (at >= e)
		at = first_of(t, s, e, reason_words, false, &len);
	*rs = s;
	*re = e;
	if (at < e) {
		size_t q = at + len;
		while (q < e && t[q] == ' ')
			q++;
		if (imp_prefix(t, q, e, "de ") || imp_prefix(t, q, e, "het "))
			q += t[q] == 'h' || t[q] == 'H' ? 4 : 3;
		if (q < e)
			*rs = q;
	}
	while (*re > *rs && (t[*re - 1] == '.' || t[*re - 1] == ' ' || t[*re - 1] == ',' ||
			     t[*re - 1] == '!' || t[*re - 1] == ';' || t[*re - 1] == ')'))
		(*re)--;
	if (*re <= *rs) {
		*rs = s;
		*re = e;
	}
}

bool imp_called_off(const char *t, size_t s, size_t e, char *reason, size_t cap)
{
	size_t cwlen = 0, cw = first_of(t, s, e, cancel_words, false, &cwlen), rs, re;
	if (cw >= e)
		return false;
	if (reason && cap) {
		reason_span(t, s, e, cw + cwlen, &rs, &re);
		imp_copy(reason, cap, t, rs, re);
	}
	return true;
}

static rr_err one(const char *t, size_t s, size_t e, const char *name, imp_analysis *a,
		  imp_item *it, rr_diag *notes)
{
	size_t kwlen = 0, kw, to, np;
	imp_place p[IMP_MAX_PLACES];
	rr_nldate nd;
	const char *why, *kind;
	char title[200], reason[300];
	long da, db;
	json_t *c;

	kw = first_of(t, s, e, trip_words, true, &kwlen);
	if (kw >= e)
		return RR_ENOTFOUND;
	if (!imp_called_off(t, s, e, reason, sizeof reason)) {
		if (first_of(t, s, e, postpone_words, false, NULL) < e)
			rr_diag_add(notes, "%s: line %zu: a postponed trip without a new date, kept "
				    "in the text only", name, imp_lineno(t, s));
		return RR_ENOTFOUND;
	}
	if (first_of(t, s, e, other_body, false, NULL) < e)
		return RR_ENOTFOUND;
	to = imp_find_word(t, kw, e, "naar", false);
	if (to >= e)
		to = imp_find_word(t, kw, e, "aan", false);
	if (to >= e || !(np = imp_places_find(t, to, e, p, IMP_MAX_PLACES)))
		return RR_ENOTFOUND;
	if (rr_nldate_find(t, e, s, a->date.prec ? &a->date : NULL, &nd, &why) != RR_OK ||
	    nd.start.prec < RR_PREC_MONTH)
		return RR_ENOTFOUND;
	da = rr_date_first(&nd.start);
	db = nd.end.prec ? rr_date_last(&nd.end) : rr_date_last(&nd.start);
	if (known(a, p[0].country, da, db))
		return RR_ENOTFOUND;
	if (imp_item_init(it))
		return RR_ENOMEM;
	it->line = imp_lineno(t, s);
	json_object_set_new(it->trip, "direction", json_string("out"));
	imp_set_dates(it->trip, "planned_start", "planned_end", &nd.start, &nd.end);
	imp_span(it, "planned_start", nd.off, nd.off + nd.len);
	json_object_set_new(it->trip, "destinations", imp_destinations(p, np));
	imp_span(it, "destinations", p[0].off, p[np - 1].off + p[np - 1].len);
	imp_copy(title, sizeof title, t, kw, p[np - 1].off + p[np - 1].len);
	if (title[0] >= 'a' && title[0] <= 'z')
		title[0] = (char)(title[0] - 'a' + 'A');
	json_object_set_new(it->trip, "title", json_string(title));
	imp_span(it, "title", kw, p[np - 1].off + p[np - 1].len);
	if ((kind = imp_trip_kind(t, s, e)))
		json_object_set_new(it->trip, "kind", json_string(kind));
	c = json_object();
	json_object_set_new(c, "reason", json_string(reason));
	json_object_set_new(it->trip, "cancellation", c);
	imp_span(it, "cancellation", s, e);
	return RR_OK;
}

rr_err imp_mentions_scan(const char *t, size_t n, const char *name, imp_analysis *a,
			 rr_diag *notes)
{
	size_t pos = 0;
	rr_err e = RR_OK;

	while (pos < n && !e) {
		size_t s, se;
		imp_item it;
		rr_err r;
		imp_sentence(t, 0, n, pos, &s, &se);
		if (se <= pos)
			se = pos + 1;
		pos = se + 1;
		while (pos < n && (t[pos] == ' ' || t[pos] == '\n' || t[pos] == '\t'))
			pos++;
		if (se > n)
			se = n;
		if (s >= se || se - s > 600)
			continue;
		r = one(t, s, se, name, a, &it, notes);
		if (r == RR_ENOMEM)
			return r;
		if (r == RR_OK) {
			e = imp_push_item(a, &it);
		}
	}
	return e;
}
