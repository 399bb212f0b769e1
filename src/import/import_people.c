/* import_people.c - people in Dutch text: an office and a name in the forms
 * the genre writes them,
 *   office Name              "burgemeester Han Weber", "gedeputeerde P. Bijman",
 *                            "Commissaris van de Koning Jaap Smit", "minister Ploumen"
 *   offices Name en Name     "gedeputeerden Harry van der Maas en Anita Pijpelink",
 *                            "wethouders Paul de Beer (D66) en Boaz Adank (VVD)"
 *   office van X Name        "burgemeester van Súdwest-Fryslân De Vries"
 *   adjective office Name    "de Balver burgemeester Mühling"
 *   Name, office [van X]     "Hans Oosters, … dijkgraaf van het hoogheemraadschap …"
 *   Name, Office X           "F. Jansen, Burgemeester Almere" (delegation lists)
 *   de heer / Dhr. Name, …   "de heer Zhang Yong", "Dhr. Dumitru RACEU, burgemeester van …"
 * and who they belong to: the body's own people (its offices, or an
 * affiliation with its name or place), a foreign body's (an affiliation
 * abroad, a foreign office such as gouverneur or Regierungspräsidentin, a
 * country adjective: "de Chinese premier"), another Dutch body's, or not
 * known. An office without a name is not a person. */
#include "import_int.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../nl/fold.h"
#include "../nl/numwords.h"
#include "../nl/places.h"

/* ---- offices ---- */

enum { K_MUN = 1, K_PROV = 2, K_WATER = 4, K_NAT = 8, K_ANY = 15 };

typedef struct office {
	const char *w[5];  /* folded words; a hyphen between them is allowed */
	const char *role;  /* as the register writes it */
	unsigned kinds;    /* the bodies that have this office (K_*); 0: foreign */
	bool plural;
	bool generic;      /* directeur, voorzitter: anyone's */
} office;

static const office offices[] = {
	{{"commissaris", "van", "de", "koning"}, "commissaris van de koning", K_PROV, false, false},
	{{"commissaris", "van", "de", "koningin"}, "commissaris van de koning", K_PROV, false, false},
	{{"commissarissen", "van", "de", "koning"}, "commissaris van de koning", K_PROV, true, false},
	{{"cvdk"}, "commissaris van de koning", K_PROV, false, false},
	{{"cdk"}, "commissaris van de koning", K_PROV, false, false},
	{{"loco", "burgemeester"}, "locoburgemeester", K_MUN, false, false},
	{{"locoburgemeester"}, "locoburgemeester", K_MUN, false, false},
	{{"burgemeester"}, "burgemeester", K_MUN, false, false},
	{{"burgemeesters"}, "burgemeester", K_MUN, true, false},
	{{"wethouder"}, "wethouder", K_MUN, false, false},
	{{"wethouders"}, "wethouder", K_MUN, true, false},
	{{"gemeentesecretaris"}, "gemeentesecretaris", K_MUN, false, false},
	{{"raadslid"}, "raadslid", K_MUN, false, false},
	{{"gemeenteraadslid"}, "raadslid", K_MUN, false, false},
	{{"raadsleden"}, "raadslid", K_MUN, true, false},
	{{"gedeputeerde"}, "gedeputeerde", K_PROV, false, false},
	{{"gedeputeerden"}, "gedeputeerde", K_PROV, true, false},
	{{"statenlid"}, "statenlid", K_PROV, false, false},
	{{"provinciesecretaris"}, "provinciesecretaris", K_PROV, false, false},
	{{"dijkgraaf"}, "dijkgraaf", K_WATER, false, false},
	{{"watergraaf"}, "dijkgraaf", K_WATER, false, false},
	{{"hoogheemraad"}, "hoogheemraad", K_WATER, false, false},
	{{"hoogheemraden"}, "hoogheemraad", K_WATER, true, false},
	{{"heemraad"}, "heemraad", K_WATER, false, false},
	{{"minister", "president"}, "minister-president", K_NAT, false, false},
	{{"minister"}, "minister", K_NAT, false, false},
	{{"ministers"}, "minister", K_NAT, true, false},
	{{"staatssecretaris"}, "staatssecretaris", K_NAT, false, false},
	{{"secretaris", "generaal"}, "secretaris-generaal", K_NAT, false, false},
	{{"ambassadeur"}, "ambassadeur", K_NAT, false, false},
	{{"consul", "generaal"}, "consul-generaal", K_NAT, false, false},
	{{"consul"}, "consul", K_NAT, false, false},
	/* offices of foreign bodies */
	{{"premier"}, "premier", 0, false, false},
	{{"president"}, "president", 0, false, false},
	{{"vicepresident"}, "vicepresident", 0, false, false},
	{{"vice", "president"}, "vicepresident", 0, false, false},
	{{"viceminister"}, "viceminister", 0, false, false},
	{{"gouverneur"}, "gouverneur", 0, false, false},
	{{"partijsecretaris"}, "partijsecretaris", 0, false, false},
	{{"regierungsprasidentin"}, "Regierungspräsidentin", 0, false, false},
	{{"regierungsprasidentinnen"}, "Regierungspräsidentin", 0, true, false},
	{{"regierungsprasident"}, "Regierungspräsident", 0, false, false},
	{{"oberburgermeister"}, "Oberbürgermeister", 0, false, false},
	{{"burgermeister"}, "Bürgermeister", 0, false, false},
	{{"landrat"}, "Landrat", 0, false, false},
	{{"mayor"}, "mayor", 0, false, false},
	{{"governor"}, "governor", 0, false, false},
	/* anyone's */
	{{"directeur", "generaal"}, "directeur-generaal", K_ANY, false, true},
	{{"directeur"}, "directeur", K_ANY, false, true},
	{{"voorzitter"}, "voorzitter", K_ANY, false, true},
	{{"bestuurder"}, "bestuurder", K_ANY, false, true},
	{{"rector"}, "rector", K_ANY, false, true},
	{{"ceo"}, "CEO", K_ANY, false, true},
	{{"ambtenaar"}, "ambtenaar", K_ANY, false, true},
	{{"topambtenaar"}, "ambtenaar", K_ANY, false, true},
	{{"beleidsmedewerker"}, "beleidsmedewerker", K_ANY, false, true},
	{{"wethouder", "economische", "zaken"}, "wethouder", K_MUN, false, false},
};

/* Forms of address before a name. */
static const char *const honorifics[] = {"heer", "mevrouw", "dhr", "mevr", "mw", "mr", "drs",
	"ir", "dr", "prof", "ing", NULL};
/* Particles of Dutch and other names. */
static const char *const particles[] = {"van", "de", "der", "den", "ten", "ter", "te", "von",
	"zu", "di", "da", "du", "le", "la", "t", NULL};
/* Capitalised words that never begin or end a name. */
static const char *const not_names[] = {"de", "het", "een", "in", "op", "naar", "aan", "en",
	"met", "namens", "voor", "bij", "uit", "tijdens", "na", "dit", "dat", "deze", "die",
	"zijn", "haar", "hun", "ook", "als", "gemeente", "provincie", "stad", "regio", "staat",
	"koninkrijk", "rijk", "waterschap", "hoogheemraadschap", "ministerie", "college",
	"economie", "economische", "cultuur", "financien", "onderwijs", "zorg", "wonen",
	"mobiliteit", "milieu", "landbouw", "ruimte", "sport", "welzijn", "duurzaamheid",
	"natuur", "energie", "verkeer", "bestuur", "internationale", "internationaal",
	"europa", "europese", "werk", "jeugd", "veiligheid", "economisch", "zaken",
	"buitenlandse", "binnenlandse", "handel", "ontwikkelingssamenwerking", "defensie",
	"vvd", "cda", "pvda", "sp", "d66", "groenlinks", "cu", "sgp", "pvv", "volt",
	/* a list item starts with what it was: "Bezoek CvdK, Gedeputeerde, …" */
	"bezoek", "werkbezoek", "missie", "handelsmissie", "bedrijvenmissie", "delegatie", "reis",
	"dienstreis", "studiereis",
	/* an organisation after an office: "voorzitter Stichting Holland X" */
	"stichting", "vereniging", "federatie", "comite", "fonds", "platform", "instituut",
	"universiteit", "hogeschool", "museum", "bedrijf", "holding", "groep", "kamer", NULL};

static bool in_list(const char *const *l, const char *w)
{
	for (; *l; l++)
		if (!strcmp(*l, w))
			return true;
	return false;
}

static bool is_word(const rr_words *ws, size_t i)
{
	return i < ws->count && ws->w[i].kind == RR_W_WORD;
}

static bool is_cap(const rr_words *ws, size_t i)
{
	return is_word(ws, i) && (ws->w[i].flags & RR_W_CAP);
}

/* The office at word i: its table entry and the word after it. */
static const office *office_at(const rr_words *ws, size_t i, size_t to, size_t *next)
{
	const office *best = NULL;
	size_t best_end = 0;

	for (size_t k = 0; k < sizeof offices / sizeof offices[0]; k++) {
		size_t j = i, m = 0;
		for (; m < 5 && offices[k].w[m]; m++) {
			if (m && rr_wmark(ws, j, '-') && rr_wglued(ws, j))
				j++;
			if (j >= to || !rr_wis(ws, j, offices[k].w[m]))
				break;
			j++;
		}
		if (m < 5 && offices[k].w[m])
			continue;
		if (j > best_end) {
			best = &offices[k];
			best_end = j;
		}
	}
	if (best)
		*next = best_end;
	return best;
}

/* An initial: one capital letter with its full stop ("P.", "S.A.M."). */
static bool initial_at(const rr_words *ws, size_t i, size_t to)
{
	return i + 1 < to && is_cap(ws, i) && ws->w[i].len == 1 && rr_wmark(ws, i + 1, '.') &&
	       rr_wglued(ws, i + 1);
}

/* A capitalised word that may be part of a name (hyphenated parts glued). */
static size_t name_word(const rr_words *ws, size_t i, size_t to)
{
	size_t j = i;
	if (!is_cap(ws, i) || in_list(not_names, rr_wfold(ws, i)) || ws->w[i].len < 2)
		return i;
	j++;
	while (j + 1 < to && rr_wmark(ws, j, '-') && rr_wglued(ws, j) && rr_wglued(ws, j + 1) &&
	       is_cap(ws, j + 1))
		j += 2;
	return j;
}

/* Is the text at word i (and on) a place the gazetteer knows, or the
 * body's own place? Used to end a name before "van Bückeburg". */
static size_t place_words(const rr_words *ws, size_t i, size_t to, const imp_body *body)
{
	size_t best = 0;
	for (size_t j = i; j < to && j < i + 4; j++) {
		if (ws->w[j].kind == RR_W_PUNCT && ws->w[j].mark != '-' && ws->w[j].mark != '\'')
			break;
		size_t off = ws->w[i].off, len = ws->w[j].off + ws->w[j].len - off;
		rr_place p;
		if (rr_place_best(ws->text + off, len, NULL, &p) && !p.common_word)
			best = j + 1;
		if (body && body->place[0] && strlen(body->place) == len &&
		    !strncasecmp(body->place, ws->text + off, len))
			best = j + 1;
	}
	return best;
}

/* Is the body's own place at word k ("burgemeester Eric van Oosterhout van
 * Emmen": "van Emmen" is his, the first "van" his name)? */
static bool body_place_at(const rr_words *ws, size_t k, size_t to, const imp_body *body)
{
	if (!body || !body->place[0] || k >= to)
		return false;
	size_t n = strlen(body->place);
	return ws->n - ws->w[k].off >= n && !strncasecmp(ws->text + ws->w[k].off, body->place, n);
}

/* A place abroad at word k ("Brombach van Bückeburg": whose, not his name;
 * "Eric van Oosterhout": a Dutch place, a Dutch surname). */
static bool foreign_place_at(const rr_words *ws, size_t k, size_t to)
{
	rr_place p;
	size_t e = k + 1;
	while (e < to && rr_wmark(ws, e, '-') && rr_wglued(ws, e) && e + 1 < to)
		e += 2;
	return rr_place_best(ws->text + ws->w[k].off, ws->w[e - 1].off + ws->w[e - 1].len - ws->w[k].off,
			     "NL", &p) && strcmp(p.country, "NL") && !p.common_word;
}

/* [initials] [particles] Name [Name]… at word i; returns the word after
 * the name, or i. At most five words; particles only before a capital. */
static size_t name_at(const rr_words *ws, size_t i, size_t to, const imp_body *body)
{
	size_t j = i, words = 0, last = i;

	while (initial_at(ws, j, to)) {
		j += 2;
		last = j;
	}
	while (j < to && words < 5) {
		size_t k = j, e;
		/* a name ends at the end of its line: a heading "… premier Li
		 * Keqiang" above "Minister-president Rutte …" */
		if (j > i && (ws->w[j].flags & RR_W_NL))
			break;
		/* particles: lower case after a first name or initials ("Paul de
		 * Beer", "P. van der Maas"), capitalised without ("Van der Tak");
		 * "minister van Volksgezondheid" is an office of a ministry */
		while (k < to && is_word(ws, k) && in_list(particles, rr_wfold(ws, k)) &&
		       (k == j || !(ws->w[k].flags & RR_W_CAP)))
			k++;
		if (k > j && !words && last == i && !(ws->w[j].flags & RR_W_CAP))
			break;
		if (k > j && (words || last > i) && rr_wis(ws, j, "van") &&
		    place_words(ws, k, to, body) &&
		    (words >= 2 || body_place_at(ws, k, to, body) ||
		     (words >= 1 && foreign_place_at(ws, k, to))))
			break; /* "Weber van Bückeburg": an affiliation */
		/* "László Domonyi van de Hongaarse gemeente Kiskőrös": a country's
		 * adjective after the particles begins an affiliation */
		if (k > j && (words || last > i) && rr_wis(ws, j, "van") && k < to &&
		    is_word(ws, k) && rr_country_code(ws->text + ws->w[k].off, ws->w[k].len))
			break;
		if (k > j && (words || last > i) && (rr_wis(ws, j, "van") || rr_wis(ws, j, "in")) &&
		    k < to && is_word(ws, k) && in_list(not_names, rr_wfold(ws, k)) &&
		    !(k >= j + 2 && is_cap(ws, k) && (k + 1 >= to || !is_cap(ws, k + 1))))
			break; /* "van de gemeente …", but "Pieter van de Stad" is a name */
		e = name_word(ws, k, to);
		if (e == k && k >= j + 2 && is_cap(ws, k) && ws->w[k].len >= 2 &&
		    (k + 1 >= to || !is_cap(ws, k + 1)) &&
		    !rr_country_code(ws->text + ws->w[k].off, ws->w[k].len))
			e = k + 1; /* after "van de": "Van de Stad", "Van der Kamer"; not
				    * "van de Hongaarse gemeente" */
		if (e == k)
			break;
		j = e;
		last = e;
		words++;
		if (ws->w[j - 1].flags & RR_W_UPPER && words > 1)
			break; /* "Dumitru RACEU": a surname in capitals ends it */
	}
	if (!words)
		return i;
	/* an acronym alone is an organisation: "CEO SADC", "directeur NFIA" */
	if (words == 1 && last == i + 1 && (ws->w[i].flags & RR_W_UPPER))
		return i;
	return last;
}

/* ---- affiliations and sides ---- */

static bool names_body(const char *t, size_t s, size_t e, const imp_body *body)
{
	char a[240], b[240];
	if (!body || e <= s)
		return false;
	rr_fold(t + s, e - s, a, sizeof a);
	if (body->place[0]) {
		rr_fold(body->place, strlen(body->place), b, sizeof b);
		if (b[0] && strstr(a, b))
			return true;
	}
	if (body->name[0]) {
		rr_fold(body->name, strlen(body->name), b, sizeof b);
		if (b[0] && strstr(a, b))
			return true;
	}
	return false;
}

/* The side of a place or organisation named at [s, e) of the text. */
static imp_side side_of_text(const char *t, size_t s, size_t e, const imp_body *body)
{
	rr_place p;
	char f[160];
	size_t i, n;

	if (names_body(t, s, e, body))
		return IMP_SIDE_OURS;
	if (imp_names_dutch_body(t, s, e))
		return IMP_SIDE_OTHER;
	/* the last capitalised run names the place: "het Bezirk Düsseldorf" */
	for (i = e; i > s && t[i - 1] != ' '; i--)
		;
	n = e - i;
	if (n && rr_place_best(t + i, n, "NL", &p))
		return strcmp(p.country, "NL") ? IMP_SIDE_FOREIGN : IMP_SIDE_OTHER;
	rr_fold(t + s, e - s, f, sizeof f);
	if (rr_place_best(t + s, e - s, "NL", &p))
		return strcmp(p.country, "NL") ? IMP_SIDE_FOREIGN : IMP_SIDE_OTHER;
	/* a country by name or adjective: "van de Hongaarse gemeente …" */
	for (i = s; i < e;) {
		size_t j = i;
		while (j < e && t[j] != ' ')
			j++;
		const char *cc = j > i ? rr_country_code(t + i, j - i) : NULL;
		if (cc)
			return strcmp(cc, "NL") ? IMP_SIDE_FOREIGN : IMP_SIDE_OTHER;
		i = j + 1;
	}
	return IMP_SIDE_UNKNOWN;
}

/* A word before an office that says whose office: a country adjective
 * ("de Chinese premier"), or a place adjective ("de Balver burgemeester",
 * "de Heerder burgemeester", "Bredase wethouder"). */
static imp_side adjective_side(const rr_words *ws, size_t i, const imp_body *body)
{
	static const char *const suffixes[] = {"se", "er", "r", "s", "e", ""};
	const char *t = ws->text;
	size_t off, len;

	if (!is_cap(ws, i))
		return IMP_SIDE_UNKNOWN;
	off = ws->w[i].off;
	len = ws->w[i].len;
	if (rr_country_code(t + off, len))
		return strcmp(rr_country_code(t + off, len), "NL") ? IMP_SIDE_FOREIGN
								    : IMP_SIDE_UNKNOWN;
	for (size_t k = 0; k < sizeof suffixes / sizeof suffixes[0]; k++) {
		size_t sl = strlen(suffixes[k]);
		rr_place p;
		if (!sl || len <= sl + 2 || strncmp(t + off + len - sl, suffixes[k], sl))
			continue;
		if (body && body->place[0] && strlen(body->place) == len - sl &&
		    !strncasecmp(body->place, t + off, len - sl))
			return IMP_SIDE_OURS;
		if (rr_place_best(t + off, len - sl, NULL, &p) && !p.common_word &&
		    p.kind == RR_PLACE_CITY)
			return strcmp(p.country, "NL") ? IMP_SIDE_FOREIGN : IMP_SIDE_OTHER;
	}
	return IMP_SIDE_UNKNOWN;
}

static unsigned body_kind(const imp_body *b)
{
	if (!b || !b->kind[0])
		return 0;
	if (!strcmp(b->kind, "municipality"))
		return K_MUN;
	if (!strcmp(b->kind, "province"))
		return K_PROV;
	if (!strcmp(b->kind, "national"))
		return K_NAT;
	/* water boards are "other" bodies; their name says it */
	if (strstr(b->name, "heemraad") || strstr(b->name, "aterschap") ||
	    strstr(b->name, "etterskip"))
		return K_WATER;
	return 0;
}

/* "van de gemeente X", "van het Bezirk X", "van X", "(X)" after a name or
 * an office: the words [*s, *e) and the word after. */
static size_t affiliation(const rr_words *ws, size_t i, size_t to, size_t *s, size_t *e)
{
	size_t j = i, start;
	if (rr_wmark(ws, j, '(')) {
		size_t k = j + 1;
		while (k < to && k < j + 6 && !rr_wmark(ws, k, ')'))
			k++;
		if (k < to && rr_wmark(ws, k, ')') && k > j + 1 && is_cap(ws, j + 1)) {
			*s = j + 1;
			*e = k;
			return k + 1;
		}
		return i;
	}
	if (!rr_wis(ws, j, "van") && !rr_wis(ws, j, "uit") && !rr_wis(ws, j, "te"))
		return i;
	j++;
	start = j;
	while (j < to && is_word(ws, j) && !(ws->w[j].flags & RR_W_CAP) && j < start + 3)
		j++; /* "de gemeente", "het Bezirk" */
	if (!is_cap(ws, j))
		return i;
	while (j < to && (is_cap(ws, j) || (rr_wmark(ws, j, '-') && rr_wglued(ws, j)) ||
			  (is_word(ws, j) && in_list(particles, rr_wfold(ws, j)) &&
			   is_cap(ws, j + 1))) && j < start + 8)
		j++;
	*s = start;
	*e = j;
	return j;
}

static void set_person(imp_person *p, const rr_words *ws, size_t m0, size_t m1, size_t n0,
		       size_t n1, const office *o)
{
	const char *t = ws->text;
	memset(p, 0, sizeof *p);
	imp_copy(p->name, sizeof p->name, t, ws->w[n0].off, ws->w[n1 - 1].off + ws->w[n1 - 1].len);
	if (o)
		snprintf(p->role, sizeof p->role, "%s", o->role);
	p->w0 = m0;
	p->w1 = m1;
	p->nw0 = n0;
	p->nw1 = n1;
	p->off = ws->w[m0].off;
	p->len = ws->w[m1 - 1].off + ws->w[m1 - 1].len - p->off;
}

static void decide_side(imp_person *p, const rr_words *ws, const office *o, imp_side adj,
			size_t as, size_t ae, const imp_body *body)
{
	const char *t = ws->text;
	unsigned bk = body_kind(body);

	if (ae > as) {
		size_t s = ws->w[as].off, e = ws->w[ae - 1].off + ws->w[ae - 1].len;
		imp_copy(p->org, sizeof p->org, t, s, e);
		p->side = side_of_text(t, s, e, body);
		if (p->side != IMP_SIDE_UNKNOWN)
			return;
	}
	if (adj != IMP_SIDE_UNKNOWN) {
		p->side = adj;
		return;
	}
	if (!o || o->generic) {
		p->side = IMP_SIDE_UNKNOWN;
		return;
	}
	if (!o->kinds) {
		p->side = IMP_SIDE_FOREIGN;
		return;
	}
	p->side = bk && (o->kinds & bk) ? IMP_SIDE_OURS : bk ? IMP_SIDE_OTHER : IMP_SIDE_UNKNOWN;
}

/* After a plural office or a first name: ", Name" and "en Name" go on. */
static size_t more_names(const rr_words *ws, size_t j, size_t to)
{
	if (j + 1 < to && (rr_wmark(ws, j, ',') || rr_wis(ws, j, "en")))
		return j + 1;
	return 0;
}

size_t imp_persons_scan(const rr_words *ws, size_t from, size_t to, const imp_body *body,
			imp_person *out, size_t max)
{
	size_t n = 0;

	for (size_t i = from; i < to && n < max;) {
		size_t next = i + 1, j, ne, as = 0, ae = 0, j2x;
		const office *o;
		imp_side adj = IMP_SIDE_UNKNOWN;

		/* Name, office …  (a name of two or more words, or with initials) */
		if (is_cap(ws, i) && (i == from || !is_cap(ws, i - 1)) &&
		    !office_at(ws, i, to, &j)) {
			size_t e = name_at(ws, i, to, body);
			/* not "InvestShenzhen, directeur Mr Wen Qiu": the office is
			 * the next one's */
			if (e > i + 1 && e + 1 < to && rr_wmark(ws, e, ',') &&
			    (o = office_at(ws, e + 1, to, &j)) &&
			    !(j < to && is_word(ws, j) && in_list(honorifics, rr_wfold(ws, j)))) {
				size_t k = j;
				/* "voorzitter van … en dijkgraaf van …": the last office */
				for (size_t guard = 0; guard < 24 && k < to &&
				     !rr_wmark(ws, k, '.') && !rr_wmark(ws, k, ';'); guard++, k++) {
					size_t j2;
					const office *o2;
					if (rr_wis(ws, k, "en") && (o2 = office_at(ws, k + 1, to, &j2)) &&
					    !o2->generic) {
						o = o2;
						j = j2;
					}
				}
				size_t ae2 = affiliation(ws, j, to, &as, &ae);
				/* "F. Jansen, Burgemeester Almere," in a list: the body
				 * right after the office, up to the comma or the line's end */
				if (ae2 <= j && is_cap(ws, j)) {
					size_t q = j;
					while (q < to && q < j + 6 && is_cap(ws, q) &&
					       !(q > j && (ws->w[q].flags & RR_W_NL)))
						q++;
					if (q >= to || rr_wmark(ws, q, ',') || (ws->w[q].flags & RR_W_NL)) {
						as = j;
						ae = ae2 = q;
					}
				}
				set_person(&out[n], ws, i, ae2 > j ? ae2 : j, i, e, o);
				decide_side(&out[n], ws, o, IMP_SIDE_UNKNOWN, as, ae, body);
				n++;
				i = ae2 > j ? ae2 : j;
				/* "CEO SADC en Directeur Amsterdam Airport Area": more
				 * offices of the same person, to the end of the item */
				{
					size_t q0 = i; /* past the body of the first office */
					while (q0 < to && q0 < i + 6 && is_cap(ws, q0) &&
					       !(ws->w[q0].flags & RR_W_NL))
						q0++;
					if (q0 + 1 < to && rr_wis(ws, q0, "en") && office_at(ws, q0 + 1, to, &j2x))
						i = q0;
				}
				while (i + 1 < to && rr_wis(ws, i, "en") && office_at(ws, i + 1, to, &j2x)) {
					size_t q = j2x;
					while (q < to && is_cap(ws, q) && !(ws->w[q].flags & RR_W_NL) && q < j2x + 6)
						q++;
					i = q;
				}
				continue;
			}
		}
		/* Name (office …): "J. Jansen (wethouder economie)", "Co Lieverse
		 * (voorzitter Stichting X)" — a name of two or more words */
		if (is_cap(ws, i) && (i == from || !is_cap(ws, i - 1)) && !office_at(ws, i, to, &j)) {
			size_t e = name_at(ws, i, to, body);
			if (e > i + 1 && e + 2 < to && rr_wmark(ws, e, '(') &&
			    (o = office_at(ws, e + 1, to, &j)) && !o->plural) {
				size_t q = j;
				while (q < to && q < j + 8 && !rr_wmark(ws, q, ')') && !rr_wmark(ws, q, '('))
					q++;
				if (q < to && rr_wmark(ws, q, ')')) {
					set_person(&out[n], ws, i, q + 1, i, e, o);
					decide_side(&out[n], ws, o, IMP_SIDE_UNKNOWN, j, q, body);
					/* a Dutch foundation or association named after a
					 * foreign place is not a foreign body */
					if (out[n].side == IMP_SIDE_FOREIGN && j < q &&
					    (rr_wis(ws, j, "stichting") || rr_wis(ws, j, "vereniging")))
						out[n].side = IMP_SIDE_UNKNOWN;
					n++;
					i = q + 1;
					continue;
				}
			}
		}
		if (!(o = office_at(ws, i, to, &j))) {
			/* "de heer Wang Qishan", "Dhr. Dumitru RACEU, burgemeester …" */
			size_t h = i;
			if (rr_wis(ws, h, "de") && rr_wis(ws, h + 1, "heer"))
				h++;
			if (is_word(ws, h) && in_list(honorifics, rr_wfold(ws, h)) &&
			    (ws->w[h].flags & RR_W_CAP || rr_wis(ws, h, "heer") ||
			     rr_wis(ws, h, "mevrouw"))) {
				size_t s = h + 1 + (rr_wmark(ws, h + 1, '.') ? 1 : 0);
				ne = name_at(ws, s, to, body);
				if (ne > s) {
					const office *o2 = NULL;
					size_t j2 = ne, e2 = ne;
					if (rr_wmark(ws, ne, ',') && (o2 = office_at(ws, ne + 1, to, &j2)))
						e2 = affiliation(ws, j2, to, &as, &ae);
					set_person(&out[n], ws, i, e2 > j2 ? e2 : j2, s, ne, o2);
					decide_side(&out[n], ws, o2, IMP_SIDE_UNKNOWN, as, ae, body);
					n++;
					i = e2 > j2 ? e2 : j2;
					continue;
				}
			}
			i = next;
			continue;
		}
		if (i > from)
			adj = adjective_side(ws, i - 1, body);
		/* "burgemeester van Súdwest-Fryslân De Vries" */
		if (rr_wis(ws, j, "van")) {
			size_t a2 = affiliation(ws, j, to, &as, &ae);
			size_t e = name_at(ws, a2, to, body);
			if (a2 > j && e > a2 && e - a2 <= 3 && (rr_wis(ws, a2, "de") || e - a2 >= 1) &&
			    is_cap(ws, a2) && !(ws->w[a2].flags & RR_W_SENT)) {
				/* only when the place ends before the name: the
				 * affiliation took every capital, so split at the
				 * body's or a known place */
				size_t pw = place_words(ws, as, ae, body);
				if (pw && pw < ae) {
					set_person(&out[n], ws, i, ae, pw, ae, o);
					decide_side(&out[n], ws, o, adj, as, pw, body);
					n++;
					i = ae;
					continue;
				}
			}
			as = ae = 0;
		}
		/* "een viceminister van Handel, de heer Yu Jianhua": the office,
		 * its affiliation, then the name after a comma and a form of address */
		{
			size_t a0 = 0, a1 = 0, q = affiliation(ws, j, to, &a0, &a1);
			if (q + 2 < to && rr_wmark(ws, q, ',')) {
				size_t h = q + 1;
				if (rr_wis(ws, h, "de") && rr_wis(ws, h + 1, "heer"))
					h++;
				if (is_word(ws, h) && (rr_wis(ws, h, "heer") || rr_wis(ws, h, "mevrouw") ||
						       rr_wis(ws, h, "dhr") || rr_wis(ws, h, "mevr"))) {
					size_t ns = h + 1 + (rr_wmark(ws, h + 1, '.') ? 1 : 0);
					size_t ne2 = name_at(ws, ns, to, body);
					if (ne2 > ns) {
						set_person(&out[n], ws, i, ne2, ns, ne2, o);
						decide_side(&out[n], ws, o, adj, a0, a1, body);
						n++;
						i = ne2;
						continue;
					}
				}
			}
		}
		/* office [honorific] Name [affiliation] [, Name | en Name]… */
		size_t s = j;
		if (rr_wis(ws, s, "de") && rr_wis(ws, s + 1, "heer"))
			s += 2;
		ne = name_at(ws, s, to, body);
		if (ne == s) {
			i = j;
			continue;
		}
		for (;;) {
			size_t after = ne, a0 = 0, a1 = 0;
			size_t ae2 = affiliation(ws, ne, to, &a0, &a1);
			/* a party or portfolio in brackets is not an affiliation */
			if (ae2 > ne && rr_wmark(ws, ne, '(')) {
				imp_side sd = side_of_text(ws->text, ws->w[a0].off,
							   ws->w[a1 - 1].off + ws->w[a1 - 1].len, body);
				after = ae2;
				if (sd == IMP_SIDE_UNKNOWN)
					a0 = a1 = 0;
			} else if (ae2 > ne) {
				after = ae2;
			}
			set_person(&out[n], ws, i, after, s, ne, o);
			decide_side(&out[n], ws, o, adj, a0, a1, body);
			n++;
			if (n >= max)
				break;
			size_t k = more_names(ws, after, to);
			size_t s2 = k, ne2;
			if (!k)
				break;
			/* the next one may bring its own office: "en burgemeester X" */
			const office *o2 = office_at(ws, k, to, &s2);
			if (o2)
				break;
			if (!o->plural && !rr_wis(ws, after, "en"))
				break;
			if (!o->plural)
				break;
			ne2 = name_at(ws, s2, to, body);
			if (ne2 == s2)
				break;
			i = after;
			s = s2;
			ne = ne2;
			(void)j;
		}
		i = out[n - 1].w1 > i ? out[n - 1].w1 : i + 1;
	}
	return n;
}

/* ---- what the form reader and older callers use ---- */

size_t imp_people_find(const char *t, size_t from, size_t to, imp_person *out, size_t max)
{
	rr_words ws;
	size_t n;

	memset(&ws, 0, sizeof ws); /* freed also when nothing was split */

	if (to <= from || rr_words_split(t + from, to - from, &ws) != RR_OK) {
		rr_words_free(&ws);
		return 0;
	}
	n = imp_persons_scan(&ws, 0, ws.count, NULL, out, max);
	for (size_t i = 0; i < n; i++)
		out[i].off += from;
	rr_words_free(&ws);
	return n;
}

static const char *surname(const char *name)
{
	const char *s = strrchr(name, ' ');
	return s ? s + 1 : name;
}

void imp_traveller_add(json_t *arr, const imp_person *p)
{
	json_t *v, *o;
	size_t i;

	if (!p->name[0])
		return;
	json_array_foreach(arr, i, v) {
		const char *nm = json_string_value(json_object_get(v, "name"));
		if (nm && !strcasecmp(surname(nm), surname(p->name))) {
			if (strlen(p->name) > strlen(nm))
				json_object_set_new(v, "name", json_string(p->name));
			if (p->role[0] && !json_object_get(v, "role"))
				json_object_set_new(v, "role", json_string(p->role));
			return;
		}
	}
	o = json_object();
	json_object_set_new(o, "name", json_string(p->name));
	if (p->role[0])
		json_object_set_new(o, "role", json_string(p->role));
	if (p->org[0])
		json_object_set_new(o, "organisation", json_string(p->org));
	json_array_append_new(arr, o);
}

/* ---- officials counted in words ---- */

static const char *const official_nouns[] = {"ambtenaar", "ambtenaren", "medewerker",
	"medewerkers", "beleidsmedewerker", "beleidsmedewerkers", "topambtenaar",
	"topambtenaren", "beleidsadviseur", "beleidsadviseurs", "ambtelijk", "ambtelijke",
	NULL};

static bool adjective_like(const char *f)
{
	size_t n = strlen(f);
	static const char *const adj[] = {"extra", "eigen", "andere", "vaste", NULL};
	if (in_list(adj, f))
		return true;
	return n > 3 && (!strcmp(f + n - 1, "e") || !strcmp(f + n - 2, "ke")) &&
	       strcmp(f + n - 3, "tie") != 0;
}

long imp_officials_count(const rr_words *ws, size_t from, size_t to, size_t *w0, size_t *w1)
{
	for (size_t i = from; i < to; i++) {
		long n = -1;
		size_t j = i + 1;
		if (ws->w[i].kind == RR_W_NUM && ws->w[i].len <= 2) {
			n = 0;
			for (size_t k = 0; k < ws->w[i].len; k++)
				n = n * 10 + (ws->text[ws->w[i].off + k] - '0');
		} else if (is_word(ws, i)) {
			n = rr_number_word(rr_wfold(ws, i));
		}
		if (n <= 0 || n > 50)
			continue;
		/* "twee ambtenaren", "vijf medewerkers", "2 beleidsmedewerkers",
		 * "één ambtelijk medewerker"; an adjective may come between */
		/* an adjective between ("twee ambtelijke medewerkers", "vijf
		 * extra ambtenaren"), never a noun ("een delegatie ambtenaren") */
		if (j < to && is_word(ws, j) && !in_list(official_nouns, rr_wfold(ws, j)) &&
		    j + 1 < to && in_list(official_nouns, rr_wfold(ws, j + 1)) &&
		    !(ws->w[j].flags & RR_W_CAP) && adjective_like(rr_wfold(ws, j)))
			j++;
		/* "een" counts one only before a singular noun */
		static const char *const singular[] = {"ambtenaar", "medewerker",
			"beleidsmedewerker", "topambtenaar", "beleidsadviseur", "ambtelijk", NULL};
		if (n == 1 && j < to && !in_list(singular, rr_wfold(ws, j)))
			continue;
		if (j < to && is_word(ws, j) && in_list(official_nouns, rr_wfold(ws, j))) {
			/* "ambtelijke delegatie" is no count of officials */
			if ((rr_wis(ws, j, "ambtelijk") || rr_wis(ws, j, "ambtelijke")) &&
			    !(j + 1 < to && (rr_wis(ws, j + 1, "medewerker") ||
					     rr_wis(ws, j + 1, "medewerkers"))))
				continue;
			/* "medewerkers van de ambassade" are not the body's */
			size_t e = j + 1;
			if (e + 2 < to && rr_wis(ws, e, "van") &&
			    (rr_wis(ws, e + 2, "ambassade") || rr_wis(ws, e + 1, "ambassade")))
				continue;
			*w0 = i;
			*w1 = e;
			return n;
		}
	}
	return -1;
}
