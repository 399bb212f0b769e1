/* import_partners.c - the body's relations with foreign bodies and their
 * life, sentence by sentence:
 *
 *   the relation  stedenband, zusterstad, partnerstad, zustergemeente,
 *                 jumelage, verzustering (sister city); vriendschapsband,
 *                 -verdrag, -relatie, zusterprovincie (friendship treaty);
 *                 memorandum (of understanding), MoU, intentieverklaring;
 *                 samenwerkingsovereenkomst, convenant (cooperation
 *                 agreement); friendly city;
 *   the partner   the foreign place after the word ("zusterstad Shangluo",
 *                 "de stedenband met Chengdu", "stedenbanden met Hranice in
 *                 Tsjechië en Konstancin-Jeziorna in Polen"), else the
 *                 foreign place of the sentence, else of the sentence
 *                 before ("de Chinese zusterprovincie");
 *   its start     "sinds 1999", "in 1999 tot stand", "40-jarige", "bestaat
 *                 dertig jaar", "het 50e jubileumjaar" against the
 *                 document's date;
 *   its events    signed (ondertekend, getekend, gesloten, aangegaan),
 *                 renewed (hernieuwd, vernieuwd, verlengd, opnieuw
 *                 ondertekend, herbevestigd), amended (aangepast,
 *                 gewijzigd), upgraded (opgewaardeerd), joint declaration,
 *                 dormant (slapend), ended (verbroken, opgezegd, beëindigd,
 *                 opgeheven, "een einde gemaakt aan"), each dated by its
 *                 sentence, else by the document when it speaks of now
 *                 ("woensdagavond", "vrijdag") — to the year only.
 *
 * A relation that another Dutch body holds ("De gemeente Maastricht heeft
 * … een stedenband met Chengdu" on a province's page) is not the body's. */
#include "import_int.h"

#include <stdio.h>
#include <string.h>

#include "../nl/bodies.h"
#include "../nl/numwords.h"

typedef struct rel {
	const char *w;
	const char *type;
	bool plural;
} rel;

static const rel rels[] = {
	{"stedenband", "sister_city", false}, {"stedenbanden", "sister_city", true},
	{"zusterstad", "sister_city", false}, {"zustersteden", "sister_city", true},
	{"zusterstadrelatie", "sister_city", false}, {"zustergemeente", "sister_city", false},
	{"partnerstad", "sister_city", false}, {"partnersteden", "sister_city", true},
	{"partnergemeente", "sister_city", false}, {"jumelage", "sister_city", false},
	{"verzustering", "sister_city", false}, {"zusterrelatie", "sister_city", false},
	{"stedenbandovereenkomst", "sister_city", false},
	{"vriendschapsband", "friendship_treaty", false},
	{"vriendschapsbanden", "friendship_treaty", true},
	{"vriendschapsverdrag", "friendship_treaty", false},
	{"vriendschapsrelatie", "friendship_treaty", false},
	{"vriendschapsovereenkomst", "friendship_treaty", false},
	{"zusterprovincie", "friendship_treaty", false},
	{"partnerregio", "friendship_treaty", false},
	{"vriendschapsmemorandum", "mou", false}, {"memorandum", "mou", false},
	{"mou", "mou", false}, {"intentieverklaring", "mou", false},
	{"samenwerkingsovereenkomst", "cooperation_agreement", false},
	{"convenant", "cooperation_agreement", false},
	{"partnerschapverdrag", "friendship_treaty", false},
	{"partnerschapsverdrag", "friendship_treaty", false},
	/* words that name a relation without its kind */
	{"partnerschap", NULL, false}, {"partnerschappen", NULL, true},
};

static const rel *rel_at(const rr_words *ws, size_t i);

static const char *const third_parties[] = {"bedrijf", "bedrijven", "universiteit",
	"universiteiten", "hogeschool", "hogescholen", "school", "scholen", "onderwijsinstellingen",
	"ondernemers", "ondernemingen", NULL};

static bool word_in_list(const rr_words *ws, size_t a, size_t b, const char *const *l)
{
	for (size_t k = a; k < b; k++)
		if (ws->w[k].kind == RR_W_WORD)
			for (const char *const *w = l; *w; w++)
				if (!strcmp(*w, rr_wfold(ws, k)))
					return true;
	return false;
}

/* "herbevestigden", "hernieuwd", "vernieuwde": signed again */
static bool reconfirms(const rr_words *ws, size_t s0, size_t s1)
{
	for (size_t k = s0; k < s1; k++) {
		const char *f = rr_wfold(ws, k);
		if (ws->w[k].kind != RR_W_WORD)
			continue;
		if (!strncmp(f, "herbevestig", 11))
			return true;
		/* "het vernieuwde vriendschapsverdrag", not "de hernieuwde toenadering" */
		if ((!strncmp(f, "hernieuwd", 9) || !strncmp(f, "vernieuwd", 9)) && rel_at(ws, k + 1))
			return true;
	}
	return false;
}

/* A signing in the sentence: "ondertekening", "ondertekend", "getekend". */
static bool signs(const rr_words *ws, size_t s0, size_t s1)
{
	for (size_t k = s0; k < s1; k++) {
		const char *f = rr_wfold(ws, k);
		if (ws->w[k].kind == RR_W_WORD &&
		    (!strncmp(f, "ondertek", 8) || !strcmp(f, "getekend") || !strncmp(f, "tekende", 7)))
			return true;
	}
	return false;
}

/* Words for any bond of friendship, whatever its form. */
static bool generic(const rel *x)
{
	return !strcmp(x->w, "vriendschapsband") || !strcmp(x->w, "vriendschapsbanden") ||
	       !strcmp(x->w, "vriendschapsrelatie");
}

/* Words that speak of the relation named before ("de band", "de relatie"). */
static const char *const anaphors[] = {"band", "relatie", "partnerschap", "verdrag",
	"overeenkomst", "samenwerking", NULL};

typedef struct evw {
	const char *w;
	const char *kind;
} evw;

static const evw events[] = {
	{"verbroken", "ended"}, {"verbreekt", "ended"}, {"opgezegd", "ended"},
	{"beeindigd", "ended"}, {"opgeheven", "ended"}, {"ontbonden", "ended"},
	{"slapend", "dormant"}, {"slapende", "dormant"},
	{"opgewaardeerd", "upgraded"},
	{"hernieuwd", "renewed"}, {"hernieuwde", "renewed"}, {"vernieuwd", "renewed"},
	{"vernieuwde", "renewed"}, {"verlengd", "renewed"}, {"herbevestigd", "renewed"},
	{"herbevestigden", "renewed"}, {"herbevestigde", "renewed"},
	{"aangepast", "amended"}, {"gewijzigd", "amended"},
	{"ondertekend", "signed"}, {"getekend", "signed"}, {"tekende", "signed"},
	{"tekenden", "signed"}, {"ondertekenden", "signed"}, {"ondertekende", "signed"},
	{"gesloten", "signed"}, {"afgesloten", "signed"}, {"aangegaan", "signed"},
	{"ondertekening", "signed"}, {"ondertekenen", "signed"}, {"sloten", "signed"},
	{"bezegeld", "signed"},
};


static bool in_list(const char *const *l, const char *w)
{
	for (; *l; l++)
		if (!strcmp(*l, w))
			return true;
	return false;
}

static const rel *rel_at(const rr_words *ws, size_t i)
{
	if (i >= ws->count || ws->w[i].kind != RR_W_WORD)
		return NULL;
	const char *f = rr_wfold(ws, i);
	for (size_t k = 0; k < sizeof rels / sizeof rels[0]; k++)
		if (!strcmp(rels[k].w, f))
			return &rels[k];
	/* "memorandum of understanding", "sister city", "friendly city",
	 * "town twinning" */
	static const rel sister = {"sister city", "sister_city", false};
	static const rel friendly = {"friendly city", "friendly_city", false};
	if (!strcmp(f, "sister") && rr_wis(ws, i + 1, "city"))
		return &sister;
	if (!strcmp(f, "friendly") && rr_wis(ws, i + 1, "city"))
		return &friendly;
	return NULL;
}

static bool word_between(const rr_words *ws, size_t a, size_t b, const char *f)
{
	for (size_t k = a; k < b; k++)
		if (rr_wis(ws, k, f))
			return true;
	return false;
}

/* The foreign places of words [a, b), in order, no duplicates. */
static size_t foreign_places(const imp_read *r, size_t a, size_t b, const imp_pm **out,
			     size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < r->pms.n && n < max; i++) {
		const imp_pm *m = &r->pms.v[i];
		if (m->w0 < a || m->w0 >= b || m->home || m->adjective ||
		    m->p.kind == RR_PLACE_COUNTRY)
			continue;
		bool dup = false;
		for (size_t k = 0; k < n; k++)
			if (out[k]->p.id == m->p.id)
				dup = true;
		if (!dup)
			out[n++] = m;
	}
	return n;
}

/* "Het waterschap heeft de afgelopen 9 jaar samengewerkt met de stad X",
 * "werkt al tien jaar samen met X": a lasting cooperation with the one
 * foreign place right after "met" (at most "de stad/gemeente/provincie"
 * between); its age in years, else -1. */
static long worked_with(const imp_read *r, size_t s0, size_t s1, const imp_pm **out)
{
	const rr_words *ws = &r->ws;
	size_t v = s1;
	for (size_t k = s0; k < s1 && v == s1; k++) {
		if (rr_wis(ws, k, "samengewerkt") || rr_wis(ws, k, "samenwerkt") ||
		    rr_wis(ws, k, "samenwerken"))
			v = k;
		/* "werkt (al tien jaar) samen met" */
		for (size_t j = k + 1; j < s1 && j < k + 6 && v == s1 &&
		     (rr_wis(ws, k, "werkt") || rr_wis(ws, k, "werken")); j++)
			if (rr_wis(ws, j, "samen"))
				v = j;
	}
	if (v == s1)
		return -1;
	long age = -1;
	for (size_t k = s0; k + 2 < s1 && age < 0; k++) {
		if (!rr_wis(ws, k, "afgelopen") && !rr_wis(ws, k, "al") && !rr_wis(ws, k, "ruim"))
			continue;
		long n = -1;
		size_t j = k + 1;
		if (ws->w[j].kind == RR_W_NUM && ws->w[j].len <= 3) {
			n = 0;
			for (size_t i = 0; i < ws->w[j].len; i++)
				n = n * 10 + ws->text[ws->w[j].off + i] - '0';
		} else if (ws->w[j].kind == RR_W_WORD) {
			n = rr_number_word(rr_wfold(ws, j));
		}
		/* "ruim tien jaar" is more than ten: no year */
		if (n >= 2 && n <= 150 && rr_wis(ws, j + 1, "jaar") && !rr_wis(ws, k, "ruim"))
			age = n;
	}
	if (age < 0)
		return -1;
	for (size_t k = v; k < s1; k++) {
		if (!rr_wis(ws, k, "met"))
			continue;
		size_t j = k + 1;
		if (rr_wis(ws, j, "de") || rr_wis(ws, j, "het"))
			j++;
		if (rr_wis(ws, j, "stad") || rr_wis(ws, j, "gemeente") || rr_wis(ws, j, "provincie") ||
		    rr_wis(ws, j, "regio"))
			j++;
		for (size_t i = 0; i < r->pms.n; i++) {
			const imp_pm *m = &r->pms.v[i];
			if (m->w0 == j && !m->home && !m->adjective && m->p.kind != RR_PLACE_COUNTRY &&
			    strcmp(m->p.country, "NL")) {
				*out = m;
				return age;
			}
		}
		return -1;
	}
	return -1;
}

/* Does words [a, b) name another Dutch body as a party ("De gemeente
 * Maastricht heeft …")? */
static bool other_body(const imp_read *r, size_t a, size_t b)
{
	const rr_words *ws = &r->ws;
	for (size_t k = a; k < b; k++) {
		const rr_body *body = NULL;
		if (!rr_wis(ws, k, "gemeente") && !rr_wis(ws, k, "provincie"))
			continue;
		size_t off = ws->w[k].off, end = ws->w[b - 1].off + ws->w[b - 1].len;
		if (rr_body_prefix(ws->text + off, end - off, NULL, 0, &body) && body &&
		    strcmp(body->code, r->c->body->code))
			return true;
	}
	return false;
}

static bool known_partner(const imp_analysis *a, const imp_pm *m)
{
	for (size_t i = 0; i < a->npartners; i++)
		if (a->partners[i].pid == m->p.id)
			return true;
	return false;
}

static imp_partnership *partner_slot(imp_analysis *a, const imp_pm *m)
{
	for (size_t i = 0; i < a->npartners; i++)
		if (a->partners[i].pid == m->p.id)
			return &a->partners[i];
	if (a->npartners >= IMP_MAX_PARTNERS)
		return NULL;
	imp_partnership *p = &a->partners[a->npartners++];
	memset(p, 0, sizeof *p);
	p->found = true;
	p->pid = m->p.id;
	memcpy(p->partner.country, m->p.country, 3);
	const char *nm = m->p.name_nl ? m->p.name_nl : m->p.name;
	if (m->p.kind == RR_PLACE_CITY)
		snprintf(p->partner.city, sizeof p->partner.city, "%s", nm);
	else
		snprintf(p->partner.region, sizeof p->partner.region, "%s", nm);
	p->partner.off = m->off;
	p->partner.len = m->end - m->off;
	return p;
}

static void add_event(imp_partnership *p, const char *kind, const char *type, const rr_date *d,
		      size_t s, size_t e)
{
	if (p->nev >= sizeof p->ev / sizeof p->ev[0] || !d->prec)
		return;
	for (size_t i = 0; i < p->nev; i++)
		if (!strcmp(p->ev[i].kind, kind) && p->ev[i].date.y == d->y) {
			if (d->prec > p->ev[i].date.prec)
				p->ev[i].date = *d;
			return;
		}
	p->ev[p->nev].kind = kind;
	p->ev[p->nev].type = type;
	p->ev[p->nev].date = *d;
	p->ev[p->nev].off = s;
	p->ev[p->nev].len = e - s;
	p->nev++;
}

/* "40-jarige", "40 jaar", "dertig jaar", "het 50e jubileumjaar": the
 * relation's age in years, or -1. */
static long age_in(const rr_words *ws, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++) {
		long n = -1;
		size_t j = k + 1;
		if (ws->w[k].kind == RR_W_NUM && ws->w[k].len <= 3) {
			n = 0;
			for (size_t i = 0; i < ws->w[k].len; i++)
				n = n * 10 + ws->text[ws->w[k].off + i] - '0';
			/* "50e", "45ste" */
			if (j < b && rr_wglued(ws, j) && (rr_wis(ws, j, "e") || rr_wis(ws, j, "ste")))
				j++;
		} else if (ws->w[k].kind == RR_W_WORD) {
			n = rr_number_word(rr_wfold(ws, k));
			if (n < 0)
				n = rr_ordinal_word(rr_wfold(ws, k));
		}
		if (n < 2 || n > 150)
			continue;
		if (j < b && rr_wmark(ws, j, '-') && rr_wglued(ws, j))
			j++;
		const char *f = rr_wfold(ws, j);
		if (!strcmp(f, "jarig") || !strcmp(f, "jarige") || !strcmp(f, "jubileumjaar") ||
		    !strcmp(f, "jubileum"))
			return n;
		if (!strcmp(f, "jaar") && !(k > a && (rr_wis(ws, k - 1, "meer") ||
						   rr_wis(ws, k - 1, "ruim") ||
						   rr_wis(ws, k - 1, "bijna") ||
						   rr_wis(ws, k - 1, "afgelopen") ||
						   rr_wis(ws, k - 1, "dan"))))
			return n;
	}
	return -1;
}

/* The date an event of sentence [s0, s1) happened: a date in it, else the
 * document's year when the sentence speaks of now. */
static bool event_date(const imp_read *r, size_t s0, size_t s1, const rr_date *doc,
		       rr_date *out, bool *explicit)
{
	const imp_date_m *best = NULL;
	*explicit = false;
	for (size_t i = 0; i < r->nd; i++) {
		const imp_date_m *d = &r->dm[i];
		if (d->w0 < s0 || d->w0 >= s1)
			continue;
		if (!best || d->d.start.prec > best->d.start.prec)
			best = d;
	}
	if (best) {
		*out = best->d.start;
		*explicit = true;
		return true;
	}
	/* no date of its own: told in the present or present perfect, it is
	 * news of the document's time, dated by the document to the year */
	static const char *const now[] = {"heeft", "hebben", "is", "wordt", "worden",
		"verbreekt", "beeindigt", "zegt", "heft", "stemde", "besloot", NULL};
	static const char *const then[] = {"werd", "werden", "was", "waren", "destijds",
		"toenmalige", "toen", NULL};
	bool is_now = false, is_then = false;
	for (size_t k = s0; k < s1; k++) {
		is_now |= r->ws.w[k].kind == RR_W_WORD && in_list(now, rr_wfold(&r->ws, k));
		is_then |= r->ws.w[k].kind == RR_W_WORD && in_list(then, rr_wfold(&r->ws, k));
	}
	if (doc && doc->prec && is_now && !is_then) {
		*out = rr_date_year(doc->y);
		return true;
	}
	return false;
}

/* The partner of a relation word at fw: a foreign place right after it
 * ("zusterstad Shangluo", "de stedenband met Chengdu", "met de Chinese
 * provincie Sichuan"), the other side of "tussen A en B", the place right
 * before it ("Tilburgs zusterstad"), or the one foreign place of the
 * sentence. Up to max for a plural word. */
static bool signs(const rr_words *ws, size_t s0, size_t s1);

/* "beide gemeenten", "beide steden", "beide provincies": the two parties
 * of a relation, named before. */
static bool both_sides(const rr_words *ws, size_t s0, size_t s1)
{
	static const char *const parties[] = {"gemeenten", "gemeentes", "steden", "provincies",
		"regio's", "regios", "partijen", "partners", NULL};
	for (size_t k = s0; k + 1 < s1; k++)
		if (rr_wis(ws, k, "beide") && ws->w[k + 1].kind == RR_W_WORD)
			for (const char *const *p = parties; *p; p++)
				if (rr_wis(ws, k + 1, *p))
					return true;
	return false;
}

static size_t partner_of(const imp_read *r, size_t s0, size_t s1, size_t fw, const rel *rl,
			 const imp_pm **out, size_t max)
{
	const rr_words *ws = &r->ws;
	const imp_pm *pl[8];
	size_t np = foreign_places(r, s0, s1, pl, 8), n = 0;

	for (size_t i = 0; i < np && n < max; i++) {
		size_t gap = 0;
		if (pl[i]->w0 <= fw)
			continue;
		/* only articles, "met", "tussen", adjectives and place nouns between */
		for (size_t k = fw + 1; k < pl[i]->w0; k++)
			if (ws->w[k].kind == RR_W_WORD && !rr_wis(ws, k, "en"))
				gap++;
		if (gap > 5 && !(rl->plural && n))
			break;
		out[n++] = pl[i];
		if (!rl->plural)
			break;
	}
	if (!n)
		for (size_t i = np; i > 0; i--)
			if (pl[i - 1]->w1 <= fw && fw - pl[i - 1]->w1 <= 3) {
				out[n++] = pl[i - 1];
				break;
			}
	if (!n && np == 1)
		out[n++] = pl[0];
	/* "De provincies …, de Duitse Kreisen Warendorf, Coesfeld, Steinfurt en
	 * Borken en de stad Münster hebben … een gezamenlijk memorandum …
	 * ondertekend": every foreign party named before a signed agreement */
	if (!n && rl->type && (!strcmp(rl->type, "mou") || !strcmp(rl->type, "cooperation_agreement")) &&
	    signs(ws, s0, s1))
		for (size_t i = 0; i < np && n < max; i++)
			if (pl[i]->w1 <= fw)
				out[n++] = pl[i];
	return n;
}

/* Is the relation word at fw denied ("geen officiële stedenband", "is het
 * niet meer gekomen")? */
static bool denied(const rr_words *ws, size_t s0, size_t s1, size_t fw)
{
	for (size_t k = fw > s0 + 3 ? fw - 3 : s0; k < fw; k++)
		if (rr_wis(ws, k, "geen"))
			return true;
	return word_between(ws, s0, s1, "niet") && word_between(ws, s0, s1, "gekomen");
}

static bool event_date(const imp_read *r, size_t s0, size_t s1, const rr_date *doc, rr_date *d,
		       bool *explicit);

/* A day of the week said alone: "vrijdag", "zaterdagavond". */
static bool weekday_in(const rr_words *ws, size_t s0, size_t s1)
{
	static const char *const days[] = {"maandag", "dinsdag", "woensdag", "donderdag",
		"vrijdag", "zaterdag", "zondag", NULL};
	for (size_t k = s0; k < s1; k++)
		for (const char *const *d = days; *d && ws->w[k].kind == RR_W_WORD; d++)
			if (!strncmp(rr_wfold(ws, k), *d, strlen(*d)))
				return true;
	return false;
}

static bool have_date_of(const imp_read *r, size_t s0, size_t s1, const rr_date *doc)
{
	rr_date d;
	bool ex;
	return event_date(r, s0, s1, doc, &d, &ex) && ex;
}

void imp_partners_date_pending(imp_analysis *a)
{
	for (size_t i = 0; i < a->npartners; i++) {
		imp_partnership *p = &a->partners[i];
		for (size_t k = 0; k < p->npend; k++)
			for (size_t q = 0; q < a->n; q++) {
				const imp_item *it = &a->items[q];
				const char *st = json_string_value(json_object_get(it->trip, "start"));
				rr_date d;
				if (it->prose || !st || p->pend[k].off < it->src_off ||
				    p->pend[k].off >= it->src_end || rr_date_parse_iso(st, &d, NULL))
					continue;
				/* the month when the whole trip falls in it, else the year
				 * (29 May - 3 June: some day of 2016) */
				const char *en = json_string_value(json_object_get(it->trip, "end"));
				rr_date de = d;
				if (en)
					rr_date_parse_iso(en, &de, NULL);
				if (d.prec > RR_PREC_MONTH)
					d.prec = RR_PREC_MONTH;
				if (de.y != d.y || (d.prec >= RR_PREC_MONTH && de.prec >= RR_PREC_MONTH && de.m != d.m))
					d = rr_date_year(d.y);
				add_event(p, p->pend[k].kind, p->pend[k].type, &d, p->pend[k].off,
					  p->pend[k].off + p->pend[k].len);
				break;
			}
		p->npend = 0;
	}
}

rr_err imp_partners_scan(const imp_read *r, imp_analysis *a)
{
	const rr_words *ws = &r->ws;
	const rr_date *doc = a->date.prec ? &a->date : NULL;
	const imp_pm *last_partner = NULL;
	size_t prev0 = 0, prev1 = 0;

	bool quoted = false;
	for (size_t s0 = 0; s0 < ws->count;) {
		size_t s1 = rr_wsent_end(ws, s0);
		const rel *first = NULL, *last = NULL, *named = NULL;
		/* what someone says (",,Het is een slapende stedenband", he said) is
		 * an opinion of the relation's state */
		if (rr_wmark(ws, s0, '"') || (rr_wmark(ws, s0, ',') && rr_wmark(ws, s0 + 1, ',')) ||
		    (s0 >= 2 && rr_wmark(ws, s0 - 1, ',') && rr_wmark(ws, s0 - 2, ',') &&
		     rr_wglued(ws, s0)))
			quoted = true;
		bool speech = quoted;
		for (size_t k = s0 + 1; k < s1 && quoted; k++)
			if (rr_wmark(ws, k, '"'))
				quoted = false;
		size_t fw = 0, anaphor = 0;
		for (size_t k = s0; k < s1; k++) {
			const rel *x = rel_at(ws, k);
			if (x && !first) {
				first = x;
				fw = k;
			}
			if (x && x->type && !generic(x) && !named)
				named = x;
			if (x && x->type)
				last = x;
			if (!x && k > s0 && ws->w[k].kind == RR_W_WORD &&
			    in_list(anaphors, rr_wfold(ws, k)) &&
			    (rr_wis(ws, k - 1, "de") || rr_wis(ws, k - 1, "het") ||
			     rr_wis(ws, k - 1, "deze") || rr_wis(ws, k - 1, "dit")))
				anaphor = k;
		}
		const imp_pm *partners[8];
		size_t n = 0;
		/* an agreement that companies or schools sign with a partner's
		 * firm ("SHV … een intentieverklaring met een lokaal bedrijf uit
		 * Zhuhai") is theirs: no relation of the body */
		bool theirs = first && first->type && (!strcmp(first->type, "mou") ||
						       !strcmp(first->type, "cooperation_agreement")) &&
			      word_in_list(ws, s0, s1, third_parties);
		if (first && !theirs && !other_body(r, s0, fw))
			n = partner_of(r, s0, s1, fw, first, partners, 8);
		/* "het verbreken van de stedenband": the relation just spoken of */
		/* "De provincie gaat samenwerken met de Italiaanse regio X. Ze
		 * hebben vrijdag een samenwerkingsovereenkomst getekend": the
		 * party the sentence before named after "met" */
		if (first && first->type && !n && !theirs && prev1 == s0 && s0 > 0 &&
		    !(ws->w[s0].flags & RR_W_PARA) && signs(ws, s0, s1) && !other_body(r, s0, fw)) {
			const imp_pm *pl[8];
			size_t np = foreign_places(r, prev0, prev1, pl, 8);
			bool met = false;
			for (size_t k = np == 1 ? pl[0]->w0 : prev0; np == 1 && k-- > prev0 &&
			     k + 5 > pl[0]->w0 && !met;)
				met = rr_wis(ws, k, "met");
			if (np == 1 && met && !other_body(r, prev0, pl[0]->w0))
				partners[n++] = pl[0];
		}
		if (first && !n && !theirs && last_partner && !first->plural && fw > s0 &&
		    (rr_wis(ws, fw - 1, "de") || rr_wis(ws, fw - 1, "het") || rr_wis(ws, fw - 1, "deze") ||
		     rr_wis(ws, fw - 1, "dit") || rr_wis(ws, fw - 1, "die")) && !other_body(r, s0, fw))
			partners[n++] = last_partner;
		else if (first && !n && !theirs && prev1 == s0 && both_sides(ws, s0, s1)) {
			/* "tussen beide gemeenten … een stedenband": the one foreign
			 * place of the sentence before */
			const imp_pm *pl[8];
			if (foreign_places(r, prev0, prev1, pl, 8) == 1 && !other_body(r, prev0, prev1))
				partners[n++] = pl[0];
		} else if (!first && anaphor && last_partner && !(ws->w[s0].flags & RR_W_PARA) &&
			 known_partner(a, last_partner)) {
			/* "de samenwerking" speaks of a relation already named, never
			 * makes one ("Deze stad wil graag samenwerking aangaan") */
			partners[n++] = last_partner;
			fw = anaphor;
		}
		long worked = -1;
		if (!first && !n) {
			const imp_pm *m = NULL;
			if ((worked = worked_with(r, s0, s1, &m)) > 0 && !other_body(r, s0, m->w0))
				partners[n++] = m;
			else
				worked = -1;
		}
		if (!n) {
			prev0 = s0;
			prev1 = s1;
			s0 = s1;
			continue;
		}
		size_t bs = ws->w[s0].off, be = ws->w[s1 - 1].off + ws->w[s1 - 1].len;
		/* a question or a wish ("aanleiding om het verdrag stop te zetten?")
		 * states no event */
		bool asks = rr_wmark(ws, s1 - 1, '?') || word_between(ws, s0, s1, "indien") ||
			    word_between(ws, s0, s1, "mocht") || word_between(ws, s0, s1, "zou") ||
			    word_between(ws, s0, s1, "zouden");
		/* "heeft gevraagd om de in 2013 afgesloten MoU op te waarderen": the
		 * upgrade is asked for, the signing of 2013 happened */
		bool requested = (word_between(ws, s0, s1, "gevraagd") ||
				  word_between(ws, s0, s1, "verzoek") || word_between(ws, s0, s1, "vraagt") ||
				  word_between(ws, s0, s1, "wil") || word_between(ws, s0, s1, "willen")) &&
				 word_between(ws, s0, s1, "te");
		bool upgrade = !requested && (word_between(ws, s0, s1, "opwaarderen") ||
					      word_between(ws, s0, s1, "opgewaardeerd") ||
					      word_between(ws, s0, s1, "waarderen"));
		for (size_t i = 0; i < n; i++) {
			imp_partnership *p = partner_slot(a, partners[i]);
			rr_date d;
			bool explicit;
			if (!p)
				break;
			/* the kind: the one word the text uses; two different words for
			 * one relation (vriendschapsband, zusterstadrelatie) leave it
			 * open, except that an upgrade names the new kind */
			/* a "vriendschapsband" is any bond of friendship: a precise word
			 * for it ("de oudste zusterstadrelatie") names its kind */
			const rel *kw = named ? named : first;
			if (kw && kw->type && !denied(ws, s0, s1, fw)) {
				if (upgrade && last) {
					p->type = last->type;
					p->type_fixed = true;
				} else if (p->type && strcmp(p->type, kw->type) && !generic(kw) &&
					   (!strcmp(kw->type, "sister_city") ||
					    !strcmp(kw->type, "friendship_treaty")) &&
					   signs(ws, s0, s1) && !requested && !asks) {
					/* "de relatie is bekrachtigd middels de ondertekening van
					 * de Sister City Agreement": signed anew as that kind, an
					 * upgrade, dated by the trip the report tells when the
					 * sentence gives no date (imp_partners_date_pending) */
					p->type = kw->type;
					p->type_fixed = true;
					if (!have_date_of(r, s0, s1, doc) && p->npend < IMP_MAX_PENDING) {
						p->pend[p->npend].kind = "upgraded";
						p->pend[p->npend].type = kw->type;
						p->pend[p->npend].off = bs;
						p->pend[p->npend].len = be - bs;
						p->npend++;
					}
				} else if (!p->type && !p->type_conflict) {
					p->type = kw->type;
					p->type_generic = generic(kw);
				} else if (p->type && strcmp(p->type, kw->type) && !p->type_fixed &&
					   p->type_generic && !generic(kw)) {
					p->type = kw->type;
					p->type_generic = false;
				} else if (p->type && strcmp(p->type, kw->type) && !p->type_fixed &&
					   !generic(kw)) {
					p->type = NULL;
					p->type_conflict = true;
				}
			}
			p->mentions++;
			/* since: "sinds 1995", or the age against the document's date */
			for (size_t k = s0; k < s1; k++)
				if (rr_wis(ws, k, "sinds") || rr_wis(ws, k, "vanaf"))
					for (size_t q = 0; q < r->nd; q++)
						if ((r->dm[q].w0 == k + 1 || r->dm[q].w0 == k + 2) &&
						    (!p->since.prec || rr_date_first(&r->dm[q].d.start) <
									       rr_date_first(&p->since)))
							p->since = r->dm[q].d.start;
			long age = worked > 0 ? worked : age_in(ws, s0, s1);
			/* "het 45-jarig bestaan van de stedenband in 2019": against
			 * the year the sentence names, else the document's */
			int at = doc ? doc->y : 0;
			for (size_t q = 0; age > 0 && q < r->nd; q++)
				if (r->dm[q].w0 > s0 && r->dm[q].w0 < s1 && rr_wis(ws, r->dm[q].w0 - 1, "in") &&
				    r->dm[q].d.start.prec == RR_PREC_YEAR && !r->dm[q].d.end.prec)
					at = r->dm[q].d.start.y;
			if (age > 0 && at && !p->since.prec)
				p->since = rr_date_year(at - (int)age);
			/* events near the relation or its partner */
			size_t near0 = partners[i]->w0 < fw ? partners[i]->w0 : fw;
			size_t near1 = partners[i]->w1 > fw ? partners[i]->w1 : fw + 1;
			size_t e0 = near0 > s0 + 10 ? near0 - 10 : s0, e1 = near1 + 10 < s1 ? near1 + 10 : s1;
			bool have_date = event_date(r, s0, s1, doc, &d, &explicit);
			if (!have_date && prev1 == s0 && !(ws->w[s0].flags & RR_W_PARA))
				have_date = event_date(r, prev0, prev1, doc, &d, &explicit);
			if (asks)
				have_date = false;
			/* an agreement that companies, schools or a university sign
			 * ("een van de meegereisde bedrijven heeft … een intentieverklaring
			 * getekend") is theirs, not an event of the relation */
			if (first && first->type && (!strcmp(first->type, "mou") ||
						     !strcmp(first->type, "cooperation_agreement")) &&
			    word_in_list(ws, s0, s1, third_parties))
				have_date = false;
			if (upgrade && have_date) {
				add_event(p, "upgraded", last ? last->type : NULL, &d, bs, be);
			} else if (have_date) {
				for (size_t k = e0; k < e1; k++) {
					const char *f = rr_wfold(ws, k);
					const char *kind = NULL;
					for (size_t q = 0; q < sizeof events / sizeof events[0] && !kind; q++)
						if (!strcmp(events[q].w, f))
							kind = events[q].kind;
					if (!kind && rr_wis(ws, k, "stand") && k > s0 && rr_wis(ws, k - 1, "tot"))
						kind = "signed";
					if (!kind && rr_wis(ws, k, "einde") && k + 1 < s1 &&
					    (rr_wis(ws, k + 1, "aan") || rr_wis(ws, k + 1, "gemaakt")))
						kind = "ended";
					if (!kind && rr_wis(ws, k, "gezamenlijke") && rr_wis(ws, k + 1, "verklaring") &&
					    explicit)
						kind = "joint_declaration";
					if (!kind)
						continue;
					/* "slapend" in someone's words is an opinion */
					if (speech && (!strcmp(kind, "dormant") || !strcmp(kind, "revived")))
						continue;
					if (!strcmp(kind, "signed") && (word_between(ws, s0, s1, "opnieuw") || age > 0 ||
									reconfirms(ws, s0, s1)))
						kind = "renewed";
					/* a signing is dated by its own words; "vrijdag getekend"
					 * in a dated news item is of the item's time */
					if (!strcmp(kind, "signed") && !explicit && !weekday_in(ws, s0, s1))
						continue;
					add_event(p, kind, !strcmp(kind, "signed") && first ? first->type : NULL,
						  &d, bs, be);
					break;
				}
			}
			last_partner = partners[i];
		}
		prev0 = s0;
		prev1 = s1;
		s0 = s1;
	}
	for (size_t i = 0; i < a->npartners; i++) {
		imp_partnership *p = &a->partners[i];
		for (size_t k = 0; k < p->nev; k++)
			if (!strcmp(p->ev[k].kind, "signed") &&
			    (!p->since.prec || rr_date_first(&p->ev[k].date) < rr_date_first(&p->since)))
				p->since = p->ev[k].date;
		/* a relation named only as a partnership: its kind from a body's
		 * usual word is not stated, so the import says sister city only
		 * when a word said it */
	}
	return RR_OK;
}
