/* import_places.c - places in Dutch text, from the gazetteer (nl/places.h):
 * countries by name or adjective ("Zuid-Korea", "de Chinese stad"),
 * first-level regions ("Guangdong", "Beieren", "Nedersaksen") and the
 * world's cities ("Bückeburg", "Tilisca", "Kurobe").
 *
 * A capitalised run of up to five words (with hyphens, apostrophes and
 * the particles of place names: "Rio de Janeiro", "Bergen op Zoom", "Berg
 * en Dal") is looked up; the longest run that names a place wins. Whether
 * a city is meant depends on what stands around it:
 *   a cue before it: a preposition (naar, in, uit, te, bij, aan, vanuit)
 *     or a noun (stad, gemeente, zusterstad, partnerstad, provincie, regio,
 *     deelstaat), possibly after a country adjective ("de Chinese stad");
 *   its country named in the same sentence or line ("Engeland,
 *     Manchester", "Dobruska (Tsjechië)", "Hranice in Tsjechië"), or
 *     elsewhere in the document;
 *   a large city (50,000 people or more) needs neither.
 * A name that is also an ordinary Dutch word ("Doel", "Kosten", "Best"),
 * or only an alternative spelling in GeoNames, needs a cue or its
 * country. Words of a person's name are never places. Ambiguous names go
 * to the country named nearby, else to the largest place. */
#include "import_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../nl/fold.h"
#include "../nl/places.h"

#define MAX_RUN 5
#define CANDS 24

static const char *const preps[] = {"naar", "in", "uit", "te", "bij", "aan", "vanuit",
	"richting", "via", "tot", "tussen", "met", NULL};
static const char *const nouns[] = {"stad", "steden", "gemeente", "gemeenten", "zusterstad",
	"zustersteden", "partnerstad", "partnersteden", "zustergemeente", "partnergemeente",
	"provincie", "zusterprovincie", "partnerprovincie", "partnerregio", "regio",
	"deelstaat", "staat", "prefectuur", "district", "hoofdstad", "havenstad",
	"miljoenenstad", "wereldstad", "metropool", "kreis", "bezirk", "landkreis",
	"departement", "graafschap", "county", "city", NULL};
/* Lower-case words inside a place name. */
static const char *const inner[] = {"de", "del", "della", "di", "da", "do", "dos", "la", "le",
	"les", "el", "am", "an", "im", "upon", "on", "sur", "sous", "en", "op", "aan", "den",
	"der", "bei", "ob", "y", "of", NULL};

static bool in_list(const char *const *l, const char *w)
{
	for (; *l; l++)
		if (!strcmp(*l, w))
			return true;
	return false;
}

static bool cap_word(const rr_words *ws, size_t i)
{
	return i < ws->count && ws->w[i].kind == RR_W_WORD && (ws->w[i].flags & RR_W_CAP);
}

/* The end of a possible place name starting at word i: the candidate runs
 * are [i, e) for e in (i, *end]. */
static size_t run_end(const rr_words *ws, size_t i)
{
	size_t j = i, words = 0, last = i;

	/* "'s-Hertogenbosch", "'s-Gravenhage" */
	if (rr_wmark(ws, j, '\'') && rr_wis(ws, j + 1, "s") && rr_wmark(ws, j + 2, '-'))
		j += 3;
	while (j < ws->count && words < MAX_RUN) {
		if (j > i && (ws->w[j].flags & (RR_W_NL | RR_W_SENT)))
			break;
		if (cap_word(ws, j) || (j > i && ws->w[j].kind == RR_W_NUM && rr_wglued(ws, j))) {
			j++;
			words++;
			last = j;
		} else if (j > i && ws->w[j].kind == RR_W_WORD && in_list(inner, rr_wfold(ws, j)) &&
			   cap_word(ws, j + 1)) {
			j++;
		} else {
			break;
		}
		/* glued marks inside a name: "Sint-Petersburg", "Xi'an", "Súdwest-Fryslân" */
		while (j + 1 < ws->count && ws->w[j].kind == RR_W_PUNCT && rr_wglued(ws, j) &&
		       (ws->w[j].mark == '-' || ws->w[j].mark == '\'') && rr_wglued(ws, j + 1) &&
		       ws->w[j + 1].kind == RR_W_WORD) {
			j++;
			/* the rest of the name in lower case: "Xi'an" */
			if (ws->w[j - 1].mark == '\'' && !cap_word(ws, j)) {
				j++;
				last = j;
			}
		}
	}
	return last;
}

static size_t span_len(const rr_words *ws, size_t a, size_t b)
{
	return ws->w[b - 1].off + ws->w[b - 1].len - ws->w[a].off;
}

/* The words of the body's own place ("Almere", "Súdwest-Fryslân"). */
static bool body_place(const rr_words *ws, size_t a, size_t b, const imp_body *body)
{
	char x[160], y[160];
	if (!body || !body->place[0])
		return false;
	rr_fold(ws->text + ws->w[a].off, span_len(ws, a, b), x, sizeof x);
	rr_fold(body->place, strlen(body->place), y, sizeof y);
	return x[0] && !strcmp(x, y);
}

/* A cue right before word i: a preposition, a place noun, "de Chinese
 * stad", "de stad". Returns 2 for a noun, 1 for a preposition, else 0. */
static int cue_before(const rr_words *ws, size_t i)
{
	if (i == 0 || (ws->w[i].flags & (RR_W_SENT | RR_W_NL)))
		return 0;
	const char *p = rr_wfold(ws, i - 1);
	if (ws->w[i - 1].kind != RR_W_WORD)
		return 0;
	if (in_list(nouns, p))
		return 2;
	if (in_list(preps, p))
		return 1;
	return 0;
}

typedef struct scan {
	const rr_words *ws;
	const imp_body *body;
	const unsigned char *mask;  /* words of people's names */
	char doc_countries[64][3];  /* countries the document names */
	size_t ndoc;
	const imp_pms *done;        /* the places chosen so far */
	const imp_pms *later;       /* a first reading of the whole text, or NULL */
} scan;

static bool doc_has(const scan *s, const char *cc)
{
	for (size_t k = 0; k < s->ndoc; k++)
		if (!strcmp(s->doc_countries[k], cc))
			return true;
	return false;
}

static void doc_add(scan *s, const char *cc)
{
	if (!doc_has(s, cc) && s->ndoc < 64)
		memcpy(s->doc_countries[s->ndoc++], cc, 3);
}

/* The country named nearest to words [a, b) in the same sentence (or
 * line), by name or adjective, other than through word range itself;
 * NULL when none. */
static const char *near_country(const scan *s, size_t a, size_t b)
{
	const rr_words *ws = s->ws;
	size_t lo = rr_wsent_start(ws, a), hi = rr_wsent_end(ws, b ? b - 1 : 0);
	const char *best = NULL;
	size_t bestd = (size_t)-1;

	for (size_t k = lo; k < hi; k++) {
		if ((k >= a && k < b) || !cap_word(ws, k))
			continue;
		const char *cc = rr_country_code(ws->text + ws->w[k].off, ws->w[k].len);
		if (!cc) {
			/* two-word countries: "Zuid-Korea", "Verenigde Staten" */
			size_t e = k + 1;
			while (e < hi && e < k + 4 && (cap_word(ws, e) || rr_wmark(ws, e, '-')))
				e++;
			for (size_t f = e; f > k + 1 && !cc; f--)
				cc = rr_country_code(ws->text + ws->w[k].off, span_len(ws, k, f));
		}
		if (!cc)
			continue;
		size_t d = k < a ? a - k : k - b;
		if (d < bestd) {
			bestd = d;
			best = cc;
		}
	}
	return best;
}

/* Is country cc named in the sentence (or line) of words [a, b), by name
 * or adjective, outside the run itself? */
static bool sentence_has(const scan *s, size_t a, size_t b, const char *cc, bool by_places)
{
	const rr_words *ws = s->ws;
	size_t lo = rr_wsent_start(ws, a), hi = rr_wsent_end(ws, b ? b - 1 : 0);
	for (size_t k = lo; k < hi; k++) {
		if ((k >= a && k < b) || !cap_word(ws, k))
			continue;
		const char *c = rr_country_code(ws->text + ws->w[k].off, ws->w[k].len);
		if (c && !strcmp(c, cc))
			return true;
	}
	/* or a place of it chosen earlier in the sentence: "Dallas, Houston,
	 * Boston" are all American (but Ottawa stays the capital) */
	for (size_t i = s->done && by_places ? s->done->n : 0; i-- > 0 && s->done->v[i].w0 >= lo;)
		if (s->done->v[i].w1 <= a &&
		    !strcmp(s->done->v[i].p.country, cc))
			return true;
	return false;
}

/* Chooses among candidates c[0..n) for the run [a, b); returns the index
 * or -1 when none is plausible here. */
static int choose(scan *s, size_t a, size_t b, const rr_place *c, size_t n)
{
	const rr_words *ws = s->ws;
	int cue = cue_before(ws, a);
	bool sent_start = (ws->w[a].flags & (RR_W_SENT | RR_W_NL)) != 0;
	bool paren_country = false;
	const char *near = near_country(s, a, b);
	int pick = -1;

	/* "Dobruska (Tsjechië)"; "Engeland, Manchester", "Frankrijk Nantes": its
	 * country right beside it */
	if (b + 2 < ws->count && rr_wmark(ws, b, '(') && cap_word(ws, b + 1) &&
	    rr_country_code(ws->text + ws->w[b + 1].off, ws->w[b + 1].len))
		paren_country = true;
	{
		size_t k = a;
		if (k > 0 && rr_wmark(ws, k - 1, ','))
			k--;
		if (k > 0 && cap_word(ws, k - 1) && !(ws->w[a].flags & RR_W_SENT && k == a) &&
		    rr_country_code(ws->text + ws->w[k - 1].off, ws->w[k - 1].len))
			paren_country = true;
	}
	/* a country by name always */
	for (size_t k = 0; k < n; k++)
		if (c[k].kind == RR_PLACE_COUNTRY)
			return (int)k;
	/* "de gemeente Westland", "provincie Zeeland": a Dutch body, in the
	 * Netherlands whatever else abroad has its name */
	if (cue == 2 && imp_names_dutch_body(ws->text, ws->w[a - 1].off,
					     ws->w[b - 1].off + ws->w[b - 1].len)) {
		for (size_t k = 0; k < n; k++)
			if (!strcmp(c[k].country, "NL"))
				return (int)k;
		return -1;
	}
	/* "Stichting Stedenband Groningen – San Carlos …; … in San Carlos in
	 * Nicaragua": the town the text names later with a cue is that town
	 * already (not an ordinary word) */
	for (size_t k = 0; s->later && k < n; k++)
		for (size_t i = 0; i < s->later->n; i++)
			if (s->later->v[i].p.id == c[k].id && s->later->v[i].w0 > b &&
			    s->later->v[i].cue && c[k].kind == RR_PLACE_CITY &&
			    !(c[k].common_word && c[k].match != RR_PLACE_BY_NL) &&
			    !body_place(ws, a, b, s->body))
				return (int)k;
	/* the country named nearby, else in the sentence, else in the
	 * document; a national capital or a city of a million keeps its name
	 * against the last */
	bool dominant = c[0].kind == RR_PLACE_CITY &&
			((c[0].feature && !strcmp(c[0].feature, "PPLC")) || c[0].population >= 1000000);
	bool in_sentence = false;
	for (int pass = 0; pass < 3 && pick < 0; pass++)
		for (size_t k = 0; k < n && pick < 0; k++) {
			const char *cc = c[k].country;
			if (pass == 0 ? near && !strcmp(near, cc)
			    : pass == 1 ? sentence_has(s, a, b, cc, !dominant) : !dominant && doc_has(s, cc)) {
				pick = (int)k;
				in_sentence = pass < 2;
			}
		}
	bool context = pick >= 0;
	if (pick < 0)
		pick = 0;
	const rr_place *p = &c[pick];
	/* an ordinary Dutch word ("Van", "Best", "Manchester" the cloth) or a
	 * stray spelling, unless it is the place's Dutch name ("Milaan" is in
	 * the word list too) */
	bool weak = p->common_word && p->match != RR_PLACE_BY_NL;
	/* another spelling (GeoNames' older names, "Kurobe" for "Kurobe-shi")
	 * needs a cue or its country in the sentence */
	if (!weak && p->match == RR_PLACE_BY_ALT && p->population < 100000 && !cue &&
	    !paren_country && !in_sentence)
		return -1;
	/* population unknown: the seat of an administrative division counts */
	bool seat = !p->population && p->feature && !strncmp(p->feature, "PPLA", 4);
	bool big = p->kind == RR_PLACE_REGION || p->population >= 50000 || seat;
	/* parts of cities and historical places only with a cue */
	bool part = p->feature && (!strncmp(p->feature, "PPLX", 4) || !strncmp(p->feature, "PPLH", 4) ||
				   !strncmp(p->feature, "PPLQ", 4) || !strncmp(p->feature, "PPLW", 4));

	/* the body's own place is its Dutch one, whatever else has its name */
	if (body_place(ws, a, b, s->body)) {
		for (size_t k = 0; k < n; k++)
			if (!strcmp(c[k].country, "NL"))
				return (int)k;
		return pick;
	}
	if (part && cue < 2)
		return -1;
	if (weak) {
		/* an ordinary word or a stray spelling: a noun cue, or its
		 * country right there */
		if (cue == 2 || paren_country || (in_sentence && cue))
			return pick;
		/* a city of a quarter million after a preposition ("het bezoek aan
		 * Essen"), not one word of a name ("aan Van Gogh") */
		if (cue == 1 && p->kind == RR_PLACE_CITY && p->population >= 250000 && !sent_start &&
		    !(b < ws->count && cap_word(ws, b)))
			return pick;
		return -1;
	}
	if (paren_country || in_sentence)
		return pick;
	/* a place the document named already, with its country or a cue
	 * ("Dobruska (Tsjechië)" above), is that place again */
	for (size_t i = 0; s->done && i < s->done->n; i++)
		if (s->done->v[i].p.id == p->id && !weak)
			return pick;
	/* "tussen Nieuwkoop en Dobruška": the second of two places has the
	 * cue of the first */
	if (!cue && a >= 2 && (rr_wis(ws, a - 1, "en") || rr_wmark(ws, a - 1, ',')) && s->done &&
	    s->done->n && s->done->v[s->done->n - 1].w1 == a - 1)
		cue = 1;
	if (cue && (p->population >= 1000 || big || (!p->population && context)))
		return pick;
	if (big && (!sent_start || p->population >= 500000 || b - a > 1))
		return pick;
	return -1;
}

static rr_err push(imp_pms *out, const imp_pm *m)
{
	if (out->n == out->cap) {
		size_t nc = out->cap ? out->cap * 2 : 32;
		imp_pm *nv = realloc(out->v, nc * sizeof *nv);
		if (!nv)
			return RR_ENOMEM;
		out->v = nv;
		out->cap = nc;
	}
	out->v[out->n++] = *m;
	return RR_OK;
}

static rr_err scan_pass(const rr_words *ws, const imp_body *body, const unsigned char *mask,
			const imp_pms *later, imp_pms *out);

rr_err imp_places_scan(const rr_words *ws, const imp_body *body, const unsigned char *mask,
		       imp_pms *out)
{
	imp_pms first;
	/* twice: the second reading knows the places the whole text names */
	rr_err e = scan_pass(ws, body, mask, NULL, &first);
	if (!e)
		e = scan_pass(ws, body, mask, &first, out);
	imp_pms_free(&first);
	return e;
}

static rr_err scan_pass(const rr_words *ws, const imp_body *body, const unsigned char *mask,
			const imp_pms *later, imp_pms *out)
{
	scan s;
	rr_place c[CANDS];
	rr_err e = RR_OK;

	memset(out, 0, sizeof *out);
	memset(&s, 0, sizeof s);
	s.ws = ws;
	s.body = body;
	s.mask = mask;
	s.done = out;
	s.later = later;
	/* first the countries the document names, by name or adjective */
	for (size_t i = 0; i < ws->count; i++) {
		const char *cc;
		if (!cap_word(ws, i) || (mask && mask[i]))
			continue;
		if ((cc = rr_country_code(ws->text + ws->w[i].off, ws->w[i].len)))
			doc_add(&s, cc);
	}
	for (size_t i = 0; i < ws->count && !e;) {
		bool apos = rr_wmark(ws, i, '\'') && rr_wis(ws, i + 1, "s");
		if ((!cap_word(ws, i) && !apos) || (mask && mask[i])) {
			i++;
			continue;
		}
		size_t end = run_end(ws, i), got = 0;
		int pick = -1;
		for (size_t b = end; b > i && pick < 0; b--) {
			bool masked = false;
			for (size_t k = i; k < b; k++)
				if (mask && mask[k])
					masked = true;
			if (masked || !(cap_word(ws, b - 1) ||
					 (b - 1 > i && rr_wmark(ws, b - 2, '\'') && rr_wglued(ws, b - 1))))
				continue;
			size_t nc = rr_places_lookup(ws->text + ws->w[i].off, span_len(ws, i, b), c,
						     CANDS);
			if (!nc)
				continue;
			if (nc > CANDS)
				nc = CANDS;
			got = b;
			pick = choose(&s, i, b, c, nc);
			/* the head of a compound ("Bentley-congres", "China-reis",
			 * "Zuid-Hollandse"): a country, never a town or region of
			 * the same name */
			if (pick >= 0 && c[pick].kind != RR_PLACE_COUNTRY && b + 1 < ws->count &&
			    rr_wmark(ws, b, '-') && rr_wglued(ws, b) && rr_wglued(ws, b + 1) &&
			    ws->w[b + 1].kind == RR_W_WORD)
				pick = -1;
		}
		if (pick >= 0) {
			imp_pm m;
			memset(&m, 0, sizeof m);
			m.w0 = i;
			m.w1 = got;
			m.off = ws->w[i].off;
			m.end = ws->w[got - 1].off + ws->w[got - 1].len;
			m.p = c[pick];
			m.home = !strcmp(m.p.country, "NL");
			m.ours = body_place(ws, i, got, body);
			m.cue = cue_before(ws, i);
			if (m.p.kind == RR_PLACE_COUNTRY)
				doc_add(&s, m.p.country);
			e = push(out, &m);
			i = got;
			continue;
		}
		/* "Zuid-Duitsland", "Noord-Italië": a part of a country is the country */
		if (!got && i + 2 < ws->count && rr_wmark(ws, i + 1, '-') && rr_wglued(ws, i + 1) &&
		    rr_wglued(ws, i + 2) && cap_word(ws, i + 2)) {
			static const char *const compass[] = {"noord", "zuid", "oost", "west", "midden",
				"centraal", "zuidoost", "zuidwest", "noordoost", "noordwest", NULL};
			const char *cc2 = rr_country_code(ws->text + ws->w[i + 2].off, ws->w[i + 2].len);
			bool cmp = false;
			for (const char *const *q = compass; *q && !cmp; q++)
				cmp = rr_wis(ws, i, *q);
			imp_pm m;
			memset(&m, 0, sizeof m);
			if (cmp && cc2 && rr_place_country(cc2, &m.p) &&
			    !(i + 3 < ws->count && rr_wglued(ws, i + 3) && ws->w[i + 3].kind == RR_W_WORD)) {
				m.w0 = i;
				m.w1 = i + 3;
				m.off = ws->w[i].off;
				m.end = ws->w[i + 2].off + ws->w[i + 2].len;
				m.home = !strcmp(cc2, "NL");
				m.cue = cue_before(ws, i);
				e = push(out, &m);
				i += 3;
				continue;
			}
		}
		/* the body's own place, also when the gazetteer knows it by another
		 * name only (GeoNames adds a suffix to some towns) or not at all (a
		 * merged municipality): a Dutch place, ours */
		if (!got && s.body && s.body->place[0] && !(mask && mask[i])) {
			size_t b = 0;
			for (size_t q = end; q > i && !b; q--)
				if (body_place(ws, i, q, s.body))
					b = q;
			imp_pm m;
			memset(&m, 0, sizeof m);
			if (b && rr_place_country("NL", &m.p)) {
				m.p.kind = RR_PLACE_CITY;
				m.p.name = s.body->place;
				m.p.name_nl = NULL;
				m.p.has_coords = false;
				m.w0 = i;
				m.w1 = b;
				m.off = ws->w[i].off;
				m.end = ws->w[b - 1].off + ws->w[b - 1].len;
				m.home = true;
				m.ours = true;
				m.cue = cue_before(ws, i);
				e = push(out, &m);
				i = b;
				continue;
			}
		}
		/* an adjective: "de Chinese stad", "Poolse" */
		const char *cc = rr_country_code(ws->text + ws->w[i].off, ws->w[i].len);
		if (cc && !got) {
			imp_pm m;
			memset(&m, 0, sizeof m);
			m.w0 = i;
			m.w1 = i + 1;
			m.off = ws->w[i].off;
			m.end = m.off + ws->w[i].len;
			/* "de Belgische hoofdstad": that country's capital, a city */
			if (i + 1 < ws->count && rr_wis(ws, i + 1, "hoofdstad") &&
			    rr_place_capital(cc, &m.p)) {
				m.w1 = i + 2;
				m.end = ws->w[i + 1].off + ws->w[i + 1].len;
				m.home = !strcmp(cc, "NL");
				m.cue = cue_before(ws, i);
				e = push(out, &m);
				i += 2;
				continue;
			}
			if (rr_place_country(cc, &m.p)) {
				m.adjective = true;
				m.home = !strcmp(cc, "NL");
				e = push(out, &m);
			}
		}
		i++;
	}
	return e;
}

void imp_pms_free(imp_pms *p)
{
	free(p->v);
	memset(p, 0, sizeof *p);
}

/* ---- the older, byte-range interface (forms, lists, partnerships) ---- */

static void to_place(const imp_pm *m, imp_place *p)
{
	const char *nm = m->p.name_nl ? m->p.name_nl : m->p.name;
	memset(p, 0, sizeof *p);
	memcpy(p->country, m->p.country, 3);
	if (m->p.kind == RR_PLACE_CITY)
		snprintf(p->city, sizeof p->city, "%s", nm);
	else if (m->p.kind == RR_PLACE_REGION)
		snprintf(p->region, sizeof p->region, "%s", nm);
	p->has_coords = m->p.has_coords && m->p.kind != RR_PLACE_COUNTRY;
	p->lat = m->p.lat;
	p->lon = m->p.lon;
	p->off = m->off;
	p->len = m->end - m->off;
}

size_t imp_places_from(const imp_pms *pms, size_t off, size_t end, bool foreign_only,
		       imp_place *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < pms->n && n < max; i++) {
		const imp_pm *m = &pms->v[i];
		imp_place p;
		bool dup = false;
		if (m->off < off || m->end > end || (foreign_only && m->home))
			continue;
		to_place(m, &p);
		for (size_t k = 0; k < n; k++)
			if (!strcmp(out[k].country, p.country) && !strcmp(out[k].city, p.city) &&
			    !strcmp(out[k].region, p.region))
				dup = true;
		if (!dup)
			out[n++] = p;
	}
	return n;
}

size_t imp_places_find(const char *t, size_t from, size_t to, imp_place *out, size_t max)
{
	rr_words ws;
	imp_pms pms;
	size_t n = 0;

	if (to <= from)
		return 0;
	memset(&ws, 0, sizeof ws);
	memset(&pms, 0, sizeof pms);
	if (rr_words_split(t + from, to - from, &ws) != RR_OK ||
	    imp_places_scan(&ws, NULL, NULL, &pms) != RR_OK) {
		imp_pms_free(&pms);
		rr_words_free(&ws);
		return 0;
	}
	n = imp_places_from(&pms, 0, to - from, true, out, max);
	for (size_t i = 0; i < n; i++)
		out[i].off += from;
	imp_pms_free(&pms);
	rr_words_free(&ws);
	return n;
}

const char *imp_city_state(const char *cc)
{
	/* territories that are one city: the country named is that city */
	static const char *const cs[][2] = {{"SG", "Singapore"}, {"HK", "Hong Kong"},
		{"MO", "Macau"}, {"MC", "Monaco"}, {"VA", "Vaticaanstad"}, {"GI", "Gibraltar"}};
	for (size_t i = 0; cc && i < sizeof cs / sizeof cs[0]; i++)
		if (!strcmp(cc, cs[i][0]))
			return cs[i][1];
	return NULL;
}

json_t *imp_destinations(const imp_place *p, size_t n)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < n; i++) {
		bool specific = p[i].city[0] || p[i].region[0];
		if (!specific) {
			bool other = false;
			for (size_t k = 0; k < n; k++)
				if (k != i && !strcmp(p[k].country, p[i].country) &&
				    (p[k].city[0] || p[k].region[0]))
					other = true;
			if (other)
				continue;
		}
		json_t *o = json_object();
		json_object_set_new(o, "country", json_string(p[i].country));
		if (p[i].city[0])
			json_object_set_new(o, "city", json_string(p[i].city));
		else if (!p[i].region[0] && imp_city_state(p[i].country))
			json_object_set_new(o, "city", json_string(imp_city_state(p[i].country)));
		if (p[i].region[0])
			json_object_set_new(o, "region", json_string(p[i].region));
		if (p[i].has_coords) {
			json_object_set_new(o, "lat", json_real(p[i].lat));
			json_object_set_new(o, "lon", json_real(p[i].lon));
		}
		json_array_append_new(arr, o);
	}
	return arr;
}

const char *imp_country_code(const char *name, size_t len)
{
	return rr_country_code(name, len);
}
