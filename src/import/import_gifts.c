/* import_gifts.c - gifts to and from the body's people, in the shapes gift
 * registers and the news about them write them:
 *
 *   tables   a register with columns such as Datum, Ontvanger, Omschrijving
 *            or Geschenk, Gever or Schenker or Aangeboden door, (Geschatte)
 *            waarde, Bestemming or Wat is ermee gedaan: in rows (tabs or
 *            '|') or flattened to a cell a line under the column names;
 *            a person on the line above names the recipient of them all;
 *   blocks   the same as label lines ("Gever: …", "Waarde: € 75"), one gift
 *            after another;
 *   text     a verb of receiving or of reporting with the recipient as its
 *            subject ("X ontving op 14 april een paraplu", "heeft hij 21
 *            giften opgegeven, waaronder een muts (stichting X, twaalf euro)",
 *            "maakte gewag van een aquarel, geschonken door …"), or of
 *            giving with the giver as its subject ("overhandigde … een bord
 *            aan haar collega", "bood de gouverneur een vaas aan"); several
 *            gifts joined by commas and "en" are each a gift.
 *
 * In running text the giver follows "van" or "door" or stands in brackets
 * after the gift; the value is "van 75 euro", "ter waarde van € 75",
 * "geschat op € 75" (a bound such as "boven de 50 euro" is none, and so is
 * "waarde onbekend"); the date is the sentence's own, else that of an
 * earlier sentence of the paragraph that dates the gifts ("kregen in 2018
 * … cadeaus"), else the trip's it was given during (import.c). The next
 * sentence may add to the gift it speaks of: its giver ("Hij kreeg het
 * geschenk van …"), its value ("de paraplu zou 24,50 euro hebben gekost")
 * or what was done with it ("Dat kreeg een plekje in de trouwzaal").
 *
 * Running text counts only in a text about gifts (its opening names them),
 * in a sentence that names a gift (geschenk, cadeau, presentje, …) or in one
 * followed by a sentence that speaks of "het geschenk". Not a gift: what the
 * sentence denies (geen, niet), a habit (jaarlijks, traditiegetrouw, altijd,
 * wel eens), a rule or a condition (mogen, moeten, als …), a question, a
 * word for any gift ("21 giften") without the gifts themselves.
 *
 * Tables and blocks are read in import_gifts_tables.c, the records made in
 * import_gifts_records.c; import_gifts_int.h is what the three share. */
#include "import_gifts_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/record.h"
#include "../model/schema.h"
#include "../nl/fold.h"
#include "../nl/numwords.h"
#include "../store/store.h"

/* ---- word lists (folded) ---- */

static bool ends(const char *f, const char *suf)
{
	size_t a = strlen(f), b = strlen(suf);
	return a >= b && !strcmp(f + a - b, suf);
}

static bool ends_any(const char *f, const char *const *l)
{
	for (; *l; l++)
		if (ends(f, *l))
			return true;
	return false;
}

/* A word for a gift: geschenk, relatiegeschenk, cadeau(tje), presentje, gift,
 * attentie; not the register ("geschenkenregister"). */
static bool gift_word(const char *f)
{
	static const char *const exact[] = {"gift", "giften", "attentie", "attenties",
		"presentje", "presentjes", "kado", "kadootje", "kadootjes", NULL};
	static const char *const suf[] = {"geschenk", "geschenken", "geschenkje", "geschenkjes",
		"cadeau", "cadeaus", "cadeautje", "cadeautjes", NULL};
	return in(f, exact) || ends_any(f, suf);
}

typedef enum { V_NONE, V_RECV, V_REPORT, V_GIVE } vkind;

static const char *const recv_fin[] = {"kreeg", "kregen", "krijgt", "krijg", "ontving",
	"ontvingen", "ontvangt", NULL};
static const char *const recv_part[] = {"gekregen", "ontvangen", NULL};
static const char *const report_fin[] = {"meldde", "meldden", "vermeldde", "vermeldden",
	"registreerde", "registreerden", NULL};
static const char *const report_part[] = {"opgegeven", "gemeld", "vermeld", "geregistreerd",
	"aangemeld", NULL};
static const char *const give_fin[] = {"gaf", "gaven", "geeft", "schonk", "schonken", "schenkt",
	"overhandigde", "overhandigden", "overhandigt", "bood", "boden", "biedt", NULL};
static const char *const give_part[] = {"gegeven", "geschonken", "overhandigd", "aangeboden",
	NULL};
static const char *const possessives[] = {"zijn", "haar", "hun", "diens", "wiens", NULL};
static const char *const aux_have[] = {"heeft", "hebben", "had", "hadden", NULL};

/* Offices and roles: the word or the end of a compound ("partijleider",
 * "oud-wethouder", "fractievoorzitter"). */
static const char *const offices[] = {"burgemeester", "wethouder", "gedeputeerde",
	"commissaris", "minister", "staatssecretaris", "ambassadeur", "ambassadrice", "consul",
	"voorzitter", "leider", "kamerlid", "raadslid", "statenlid", "secretaris", "griffier",
	"directeur", "dijkgraaf", "heemraad", "president", "gouverneur", "premier", "koning",
	"koningin", "prins", "prinses", "ambtenaar", "medewerker", "woordvoerder", "nestor",
	"collega", "bestuurder", "ceo", "rector", "gezant", "burgervader", "gastheer", "gastvrouw",
	"vertegenwoordiger", "afgevaardigde", "kanselier", "keizer", "generaal", NULL};
/* Those who receive together. */
static const char *const groups[] = {"delegatie", "leden", "ambtenaren", "medewerkers",
	"bestuurders", "wethouders", "gedeputeerden", "burgemeesters", "college", "dames", "heren",
	"gasten", "deelnemers", "personeel", NULL};
/* Bodies that give. */
static const char *const orgs[] = {"gemeente", "provincie", "stad", "stadsbestuur", "regering",
	"overheid", "ministerie", "ambassade", "consulaat", "stichting", "vereniging", "club",
	"bond", "federatie", "bedrijf", "onderneming", "firma", "organisatie", "kamer", "fonds",
	"universiteit", "hogeschool", "school", "museum", "orkest", "ziekenhuis", "bank", "omroep",
	"comite", "raad", "prefectuur", "district", "delegatie", "partij", "fractie", "uitgeverij",
	"genootschap", "kring", "waterschap", "hoogheemraadschap", "koninkrijk", "republiek",
	"instituut", "agentschap", "vrienden", NULL};

static const char *const dets[] = {"de", "het", "een", "haar", "zijn", "hun", "onze", "alle",
	"elke", "ieder", "iedere", NULL};
static const char *const pronouns[] = {"hij", "zij", "ze", "hem", NULL};
/* Words that end a gift's words, a giver's or a name. */
static const char *const stops[] = {"van", "voor", "aan", "bij", "tijdens", "op", "in", "uit",
	"met", "door", "ter", "als", "namens", "vanwege", "tot", "naar", "over", "om", "na",
	"en", "of", "maar", "dat", "die", "wat", "waarvan", "waarmee", "waarop", "is", "was",
	"zijn", "waren", "werd", "werden", "wordt", "worden", "heeft", "had", "hebben", "hadden",
	"zou", "zouden", "zal", "zullen", "kan", "kon", "mag", "mocht", "moet", "moest", "ook",
	"nog", "al", "er", "daar", "toen", "niet", "geen", "hij", "zij", "ze", "hem", "we", "wij",
	"ik", "u", "zoals", "waaronder", "namelijk", "dankzij", "omdat", "terwijl", "want",
	"tw", "twv", "nu", "inmiddels", "samen", "zelf", NULL};
/* Capitalised words that are never a name. */
static const char *const not_names[] = {"de", "het", "een", "in", "op", "naar", "aan", "en",
	"met", "namens", "voor", "bij", "uit", "tijdens", "na", "dit", "dat", "deze", "die",
	"zijn", "haar", "hun", "ook", "als", "hij", "zij", "ze", "wij", "we", "ik", "u", "er",
	"daar", "toen", "nu", "dan", "daarna", "daarom", "zo", "wel", "niet", "geen", "nog",
	"al", "alle", "sommige", "veel", "enkele", "elke", "ieder", "wat", "wie", "waar", "hoe",
	"omdat", "maar", "of", "want", "dus", "bovendien", "verder", "tevens", "echter",
	"vervolgens", "iets", "niets", "vorig", "vorige", "afgelopen", "gisteren", "vandaag",
	"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
	"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
	"oktober", "november", "december", "geschenk", "cadeau", "tijdens", "onder", "ter",
	"volgens", "over", "sinds", "vanaf", NULL};
/* What is never a gift, received or given. */
static const char *const not_gifts[] = {"delegatie", "bezoek", "brief", "uitnodiging",
	"subsidie", "bijdrage", "rondleiding", "presentatie", "toelichting", "uitleg", "antwoord",
	"vraag", "reactie", "kans", "plek", "plekje", "plaats", "rol", "taak", "opdracht", "aantal",
	"deel", "lijst", "overzicht", "waarde", "bedrag", "prijs", "lintje", "onderscheiding",
	"compliment", "complimenten", "applaus", "welkom", "ontvangst", "groep", "gezelschap",
	"bericht", "mail", "verzoek", "melding", "boete", "salaris", "vergoeding", "kritiek",
	"steun", "advies", "voorstel", "informatie", "indruk", "idee", "les", "training",
	"cursus", "gelegenheid", "mogelijkheid", "toespraak", "speech", "woord", "aandacht",
	"stem", "stemmen", "meerderheid", "opdracht", "gasten", "bezoekers", "ambtenaren",
	"medewerkers", "leden", "mensen", "nummer", "keer", "maal", "jaar", "dag", "week", "rapport",
	"verslag", "petitie", "handtekeningen", "nota", "notitie", "document", "dossier", "plan",
	"motie", "rapportage", NULL};
const char *const gx_trip_nouns[] = {"bezoek", "werkbezoek", "reis", "dienstreis",
	"studiereis", "missie", "handelsmissie", "handelsreis", "staatsbezoek", "bezoeken",
	"kennismakingsbezoek", "delegatiebezoek", "werkreis", "tegenbezoek", NULL};

/* A verb of this file's or an auxiliary: no part of a name or a gift. */
static bool verb(const char *f)
{
	return in(f, recv_fin) || in(f, recv_part) || in(f, report_fin) || in(f, report_part) ||
	       in(f, give_fin) || in(f, give_part) || in(f, aux_have);
}

/* A hyphen glued on both sides ("oud-wethouder", "Zuid-Holland"). */
static bool glued_hyphen(const rr_words *ws, size_t k, size_t lim)
{
	return k + 1 < lim && rr_wmark(ws, k, '-') && rr_wglued(ws, k) && rr_wglued(ws, k + 1) &&
	       ws->w[k + 1].kind != RR_W_PUNCT;
}

/* An apostrophe glued on both sides ("vaasje's", "zo'n"). */
static bool glued_quote(const rr_words *ws, size_t k, size_t lim)
{
	return k + 1 < lim && rr_wmark(ws, k, '\'') && rr_wglued(ws, k) && rr_wglued(ws, k + 1) &&
	       ws->w[k + 1].kind != RR_W_PUNCT;
}

/* The end of the word at k with its glued parts ("oud-wethouder" is one):
 * the index after it, and in *last the index of its last part. */
static size_t compound_end(const rr_words *ws, size_t k, size_t lim, size_t *last)
{
	size_t i = k + 1;
	*last = k;
	while (i < lim && (glued_hyphen(ws, i, lim) || glued_quote(ws, i, lim))) {
		*last = i + 1;
		i += 2;
	}
	return i;
}

/* ---- the reading ---- */

/* The line number of byte off (1-based), counting on from the last one asked. */
static size_t line_of(gx *g, size_t off)
{
	if (off < g->line_off || !g->line) {
		g->line_off = 0;
		g->line = 1;
	}
	for (size_t i = g->line_off; i < off && i < g->ws->n; i++)
		if (g->t[i] == '\n')
			g->line++;
	g->line_off = off;
	return g->line;
}

void gx_copy_words(const gx *g, char *out, size_t cap, size_t w0, size_t w1)
{
	out[0] = '\0';
	if (w1 <= w0 || w1 > g->ws->count)
		return;
	imp_copy(out, cap, g->t, g->ws->w[w0].off, g->ws->w[w1 - 1].off + g->ws->w[w1 - 1].len);
}

/* ---- amounts ---- */

/* Words of a bound, not a value: "boven de 50 euro", "minder dan € 50". */
static bool bound_before(const gx *g, size_t k, size_t s0)
{
	static const char *const b[] = {"boven", "onder", "minder", "meer", "vanaf", "tot",
		"maximaal", "max", "hooguit", "minimaal", "ten", "tussen", "beneden", NULL};
	const rr_words *ws = g->ws;
	for (size_t i = k > s0 + 3 ? k - 3 : s0; i < k; i++)
		if (word_in(ws, i, b) || rr_wmark(ws, i, '<') || rr_wmark(ws, i, '>'))
			return true;
	return false;
}

/* An amount in euro starting at word k ("€ 75", "24,50 euro", "vijf euro",
 * "3 euro en 29 cent"): its cents and the word after it. */
static bool amount_at(const gx *g, size_t k, size_t lim, long long *cents, size_t *end)
{
	const rr_words *ws = g->ws;
	imp_amount am;
	if (k >= lim)
		return false;
	size_t from = ws->w[k].off, to = ws->w[lim - 1].off + ws->w[lim - 1].len;
	if ((rr_wmark(ws, k, 'E') || rr_wis(ws, k, "eur") || rr_wis(ws, k, "euro") ||
	     ws->w[k].kind == RR_W_NUM) &&
	    imp_amount_find(g->t, from, to, &am) && am.off == from) {
		*cents = am.cents;
		*end = rr_wat(ws, am.off + am.len);
	} else if (is_word(ws, k) && rr_number_word(F(ws, k)) > 0 && k + 1 < lim &&
		   rr_wis(ws, k + 1, "euro")) {
		*cents = rr_number_word(F(ws, k)) * 100LL;
		*end = k + 2;
	} else {
		return false;
	}
	/* "3 euro en 29 cent" */
	if (*end + 2 < lim && rr_wis(ws, *end, "en") && ws->w[*end + 1].kind == RR_W_NUM &&
	    rr_wis(ws, *end + 2, "cent")) {
		long c = atol(F(ws, *end + 1));
		if (c >= 0 && c < 100) {
			*cents += c;
			*end += 3;
		}
	}
	if (*end > lim)
		*end = lim;
	return true;
}

/* "waarde onbekend", "een onbekende waarde" at word k: the word after it. */
static size_t unknown_value_at(const gx *g, size_t k, size_t lim)
{
	const rr_words *ws = g->ws;
	size_t i = k;
	if (rr_wis(ws, i, "een"))
		i++;
	if (rr_wis(ws, i, "onbekende") && rr_wis(ws, i + 1, "waarde") && i + 2 <= lim)
		return i + 2;
	if (rr_wis(ws, i, "waarde") && rr_wis(ws, i + 1, "onbekend") && i + 2 <= lim)
		return i + 2;
	if (rr_wis(ws, i, "onbekend") && i + 1 <= lim)
		return i + 1;
	return 0;
}

/* ---- people and bodies ---- */


static bool name_word(const rr_words *ws, size_t k)
{
	return cap(ws, k) && !in(F(ws, k), not_names);
}

/* A run of capitalised words with particles and glued parts: "Ria Schaap",
 * "ABC Vereniging", "Zuid-Holland", "Kamer van Koophandel". The index after
 * it, or k. */
static size_t cap_run(const rr_words *ws, size_t k, size_t lim)
{
	static const char *const particles[] = {"van", "de", "der", "den", "ten", "ter", "von",
		"du", "la", "le", "di", "da", NULL};
	size_t i = k, n = 0, last;
	if (!name_word(ws, k))
		return k;
	while (i < lim && n < 6) {
		if (cap(ws, i) && (i == k || !in(F(ws, i), not_names) || in(F(ws, i), particles))) {
			bool initial = ws->w[i].len <= 2 && is_word(ws, i);
			i = compound_end(ws, i, lim, &last);
			/* an initial: "K. Smit", "J.P. de Wit" */
			if (initial && i < lim && rr_wmark(ws, i, '.') && rr_wglued(ws, i) && i + 1 < lim &&
			    cap(ws, i + 1))
				i++;
			n++;
			continue;
		}
		/* particles between names: "Van der Maas", "Kamer van Koophandel" */
		size_t j = i;
		while (j < lim && j - i < 3 && word_in(ws, j, particles) && !cap(ws, j))
			j++;
		if (j > i && name_word(ws, j)) {
			i = j;
			continue;
		}
		break;
	}
	return i;
}

/* A person the reading found (import_people.c) at k, after at most two
 * words before it ("toenmalig burgemeester Ria Schaap"). */
bool gx_known_person(const gx *g, size_t k, size_t lim, who *out)
{
	const imp_read *r = g->r;
	for (size_t i = 0; i < r->np; i++) {
		const imp_person *p = &r->pp[i];
		if (p->w0 < k || p->w0 > k + 2 || p->w1 > lim)
			continue;
		bool ok = true;
		for (size_t j = k; j < p->w0; j++)
			if (!is_word(g->ws, j) || cap(g->ws, j) || in(F(g->ws, j), stops))
				ok = false;
		if (!ok)
			continue;
		out->w0 = k;
		out->w1 = p->nw1 > p->w1 ? p->nw1 : p->w1;
		/* "gedeputeerde X van de gouverneur van Y": in a sentence of gifts
		 * "van" after the name names the giver, not the person's body */
		if (p->nw1 < p->w1 && p->nw1 > p->w0 && rr_wis(g->ws, p->nw1, "van"))
			out->w1 = p->nw1;
		if (out->w1 > lim)
			out->w1 = lim;
		if (p->role[0])
			snprintf(out->text, sizeof out->text, "%s %s", p->role, p->name);
		else
			snprintf(out->text, sizeof out->text, "%s", p->name);
		out->pronoun = false;
		return true;
	}
	return false;
}

/* An office, a group or a body, after a determiner and at most two words:
 * "de burgemeester van X", "ABC-fractievoorzitter Y", "haar Duitse
 * collega", "zo'n 15 ambtenaren", "de provincie Zuid-Holland", "sportclub
 * ABC Vereniging". kinds: 1 offices, 2 groups, 4 bodies. */
bool gx_office_phrase(const gx *g, size_t k, size_t lim, unsigned kinds, who *out)
{
	const rr_words *ws = g->ws;
	size_t i = k, last, he = 0, d0 = k;
	bool det = false, named = false;

	if (word_in(ws, i, dets)) {
		det = true;
		d0 = ++i;
	} else if (rr_wis(ws, i, "zo") && glued_quote(ws, i + 1, lim) && rr_wis(ws, i + 2, "n")) {
		det = true; /* zo'n */
		d0 = i += 3;
	}
	for (size_t n = 0; i < lim && n < 3; n++) {
		if (ws->w[i].kind == RR_W_PUNCT)
			return false;
		size_t e = compound_end(ws, i, lim, &last);
		const char *f = F(ws, last);
		if (((kinds & 1) && ends_any(f, offices)) || ((kinds & 2) && ends_any(f, groups)) ||
		    ((kinds & 4) && ends_any(f, orgs))) {
			he = e;
			break;
		}
		/* words before it: numbers and adjectives ("15", "toenmalig", "Duitse",
		 * "Damster"), not a name or a verb */
		if (is_word(ws, i) && (in(f, stops) || verb(f) ||
				       (cap(ws, i) && !ends(f, "e") && !ends(f, "er"))))
			return false;
		i = e;
	}
	if (!he)
		return false;
	i = he;
	/* a name after the office ("burgemeester Ria Schaap", "Stichting X") */
	size_t ne = cap_run(ws, i, lim);
	if (ne > i) {
		named = true;
		i = ne;
	}
	/* "van X" after an office without a name: "de burgemeester van Coimbra",
	 * "de dames van de delegatie" */
	if (!named && rr_wis(ws, i, "van") && i + 1 < lim) {
		size_t j = i + 1, pe;
		if (word_in(ws, j, dets))
			j++;
		pe = cap_run(ws, j, lim);
		if (pe == j && j < lim && is_word(ws, j)) {
			size_t l2, e2 = compound_end(ws, j, lim, &l2);
			if (ends_any(F(ws, l2), groups) || ends_any(F(ws, l2), orgs))
				pe = e2;
		}
		if (pe > j) {
			i = pe;
			named = true;
		}
	}
	/* an office alone is someone only with its article: "de burgemeester" */
	if (!named && !det && !(kinds & 2))
		return false;
	out->w0 = k;
	out->w1 = i;
	out->pronoun = false;
	/* "de burgemeester" is "burgemeester"; "haar Duitse collega", "alle
	 * Kamerleden" keep their first word */
	if (word_in(ws, k, (const char *const[]){"alle", "haar", "zijn", "hun", "onze", NULL}))
		d0 = k;
	gx_copy_words(g, out->text, sizeof out->text, d0, i);
	return out->text[0] != '\0';
}

/* A name, maybe with its office after a comma: "Joris van Dam, fractie-
 * voorzitter van X," (the words up to the closing comma are the person's). */
static bool name_phrase(const gx *g, size_t k, size_t lim, who *out)
{
	const rr_words *ws = g->ws;
	size_t e = cap_run(ws, k, lim);
	if (e == k)
		return false;
	/* one capitalised word says little ("het Geschenkenregister", a word at
	 * the start of a sentence): two names, a surname the reading knows, or
	 * an office after a comma */
	bool sure = e - k >= 2 || g->r->mask[k];
	size_t i = e;
	if (rr_wmark(ws, i, ',') && i + 1 < lim) {
		size_t l;
		compound_end(ws, i + 1, lim, &l);
		if (is_word(ws, i + 1) && ends_any(F(ws, l), offices)) {
			sure = true;
			size_t j = i + 1;
			while (j < lim && !rr_wmark(ws, j, ',') && j - i < 12)
				j++;
			if (rr_wmark(ws, j, ','))
				i = j + 1;
			else
				i = j;
		}
	}
	if (!sure)
		return false;
	out->w0 = k;
	out->w1 = i;
	out->pronoun = false;
	gx_copy_words(g, out->text, sizeof out->text, k, e);
	return true;
}

static bool someone_at(const gx *g, size_t i, size_t lim, unsigned kinds, who *w)
{
	return gx_known_person(g, i, lim, w) || gx_office_phrase(g, i, lim, kinds, w) ||
	       name_phrase(g, i, lim, w);
}

/* The person or group before word k that a pronoun stands for: the last one
 * named in this sentence (not in a phrase that opens it with a preposition)
 * or the three before it, in the same paragraph (groups only for "zij",
 * "ze"). */
static bool antecedent(const gx *g, size_t k, who *out)
{
	unsigned kinds = rr_wis(g->ws, k, "hij") || rr_wis(g->ws, k, "hem") ? 1 : 1 | 2;
	const rr_words *ws = g->ws;
	size_t s = rr_wsent_start(ws, k), from = s;
	for (int n = 0; n < 3 && from > 0 && !(ws->w[from].flags & RR_W_PARA); n++)
		from = rr_wsent_start(ws, from - 1);
	if (k > MAX_BACK && from < k - MAX_BACK)
		from = k - MAX_BACK;
	size_t lim = k;
	/* "Bij de verkiezing tot X kreeg hij …": a name in a phrase that opens
	 * the pronoun's own sentence is not whom the pronoun stands for */
	static const char *const openers[] = {"bij", "tijdens", "tot", "na", "voor", "op", "in",
		"tegen", "namens", "over", "via", "zoals", NULL};
	bool fronted = word_in(ws, s, openers);
	for (size_t i = k; i-- > from;) {
		who w;
		/* a name does not run on into the next sentence */
		if (i + 1 < k && (ws->w[i + 1].flags & RR_W_SENT))
			lim = i + 1;
		if (fronted && i >= s)
			continue;
		if (someone_at(g, i, lim, kinds, &w)) {
			/* an office that names no one ("per Kamerlid") stands for no one */
			if (w.w1 - w.w0 == 1 && !cap(ws, w.w0))
				continue;
			/* the whole mention: "burgemeester Ria Schaap", not "Schaap" */
			for (size_t j = i; j-- > from && i - j <= 3;) {
				who x;
				if (someone_at(g, j, lim, kinds, &x) && x.w1 >= w.w1)
					w = x;
			}
			*out = w;
			return true;
		}
	}
	return false;
}

/* A recipient at k: a pronoun (resolved), a person, an office, a group. */
static bool recipient_at(const gx *g, size_t k, size_t lim, who *out)
{
	const rr_words *ws = g->ws;
	if (k >= lim)
		return false;
	if (word_in(ws, k, pronouns)) {
		who a;
		memset(out, 0, sizeof *out);
		out->w0 = k;
		out->w1 = k + 1;
		out->pronoun = true;
		if (antecedent(g, k, &a)) {
			snprintf(out->text, sizeof out->text, "%s", a.text);
			out->a0 = a.w0;
			out->a1 = a.w1;
		}
		return true;
	}
	return gx_known_person(g, k, lim, out) || gx_office_phrase(g, k, lim, 1 | 2, out) ||
	       name_phrase(g, k, lim, out);
}

/* A giver at k: a person, an office, a body, a name. */
static bool giver_at(const gx *g, size_t k, size_t lim, who *out)
{
	const rr_words *ws = g->ws;
	size_t i = k, e;
	if (k >= lim)
		return false;
	if (gx_known_person(g, k, lim, out) || gx_office_phrase(g, k, lim, 1 | 4, out))
		return true;
	if (word_in(ws, i, dets))
		i++;
	e = cap_run(ws, i, lim);
	/* a name, not an adjective: it ends in a capital ("Delfts blauw" is no one) */
	if (e == i || (e < lim && is_word(ws, e) && !cap(ws, e) && !in(F(ws, e), stops)))
		return false;
	out->w0 = k;
	out->w1 = e;
	out->pronoun = false;
	gx_copy_words(g, out->text, sizeof out->text, i, e);
	return true;
}

/* Whose is the person or body of words [w0, w1) (a pronoun: of the words it
 * stands for)? The reading's side of a person named there, else by the place
 * named: the body's own, another Dutch one, abroad. */
static imp_side side_of(const gx *g, const who *w)
{
	const imp_read *r = g->r;
	size_t w0 = w->pronoun ? w->a0 : w->w0, w1 = w->pronoun ? w->a1 : w->w1;
	for (size_t i = 0; i < r->np; i++) {
		if (r->pp[i].nw0 < w0 || r->pp[i].nw0 >= w1)
			continue;
		/* the same person named elsewhere as the body's is the body's */
		return g->ours[i] ? IMP_SIDE_OURS : r->pp[i].side;
	}
	imp_side side = IMP_SIDE_UNKNOWN;
	for (size_t i = 0; i < r->pms.n; i++) {
		const imp_pm *m = &r->pms.v[i];
		if (m->w0 < w0 || m->w0 >= w1)
			continue;
		if (m->ours)
			return IMP_SIDE_OURS;
		side = m->home ? IMP_SIDE_OTHER : IMP_SIDE_FOREIGN;
	}
	return side;
}

/* Is the gift between others, not the body's people? Received by another
 * body's person (from someone not ours), or given by another Dutch body's
 * person to someone not ours. An office alone ("de burgemeester") is the
 * body's. */
/* Is the giver w the body's: a person or body named as the body's, or an
 * office alone ("de burgemeester")? */
static bool giver_is_ours(const gx *g, const who *w)
{
	imp_side gs = side_of(g, w);
	return gs == IMP_SIDE_OURS ||
	       (gs == IMP_SIDE_UNKNOWN && w->w1 - w->w0 <= 2 && !cap(g->ws, w->w1 - 1));
}

static bool between_others(const gx *g, vkind vk, const who *rec, bool has_rec, const who *giv,
			   bool has_giv)
{
	imp_side rs = has_rec ? side_of(g, rec) : IMP_SIDE_UNKNOWN;
	imp_side gs = has_giv ? side_of(g, giv) : IMP_SIDE_UNKNOWN;
	bool giver_ours = has_giv && giver_is_ours(g, giv);
	bool rec_ours = rs == IMP_SIDE_OURS;
	if (vk == V_GIVE)
		return gs == IMP_SIDE_OTHER && !rec_ours;
	return (rs == IMP_SIDE_OTHER || rs == IMP_SIDE_FOREIGN) && !giver_ours;
}

/* ---- what was done with it ---- */

const char *gx_disposition_of(const gx *g, size_t s, size_t e, size_t *cue)
{
	static const struct {
		const char *w;
		const char *d;
	} cues[] = {
		{"tentoongesteld", "displayed"}, {"vitrine", "displayed"}, {"opgehangen", "displayed"},
		{"hangt", "displayed"}, {"expositie", "displayed"}, {"plek", "displayed"},
		{"plekje", "displayed"}, {"plaatsje", "displayed"},
		{"goede", "donated"}, {"goed", "donated"}, {"voedselbank", "donated"},
		{"weggegeven", "donated"}, {"gedoneerd", "donated"}, {"geveild", "donated"},
		{"teruggestuurd", "returned"}, {"teruggegeven", "returned"},
		{"geretourneerd", "returned"}, {"retour", "returned"}, {"terugbezorgd", "returned"},
		{"gedeeld", "shared"}, {"verdeeld", "shared"}, {"uitgedeeld", "shared"},
		{"verloot", "shared"},
		{"houden", "kept_by_recipient"}, {"behouden", "kept_by_recipient"},
		{"gehouden", "kept_by_recipient"},
		{"bewaard", "kept_by_body"}, {"eigendom", "kept_by_body"}, {"archief", "kept_by_body"},
		{"depot", "kept_by_body"}, {"boekenkast", "kept_by_body"}, {"collectie", "kept_by_body"},
		{"gemeentehuis", "kept_by_body"}, {"stadhuis", "kept_by_body"},
		{"raadhuis", "kept_by_body"}, {"provinciehuis", "kept_by_body"},
		{"gemeentekantoor", "kept_by_body"},
	};
	const rr_words *ws = g->ws;
	const char *best = NULL;
	for (size_t k = s; k < e; k++) {
		if (!is_word(ws, k))
			continue;
		const char *f = F(ws, k);
		for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++) {
			if (strcmp(f, cues[c].w))
				continue;
			/* "goede doel", "goed doel"; "een plek in/op" */
			if ((!strcmp(f, "goede") || !strcmp(f, "goed")) &&
			    !(rr_wis(ws, k + 1, "doel") || rr_wis(ws, k + 1, "doelen")))
				continue;
			if ((!strncmp(f, "plek", 4) || !strcmp(f, "plaatsje")) &&
			    !(rr_wis(ws, k + 1, "in") || rr_wis(ws, k + 1, "op")))
				continue;
			/* a place in the town hall is where it is shown */
			if (!best || (!strcmp(best, "kept_by_body") && strcmp(cues[c].d, "kept_by_body"))) {
				if (!best)
					*cue = k;
				best = cues[c].d;
			}
		}
	}
	return best;
}

/* The start of the clause of word cue, not before from: after the last
 * comma, "en", "maar" or ";" before it. */
static size_t clause_start(const gx *g, size_t from, size_t cue)
{
	const rr_words *ws = g->ws;
	size_t b = from;
	for (size_t k = from; k < cue; k++)
		if (rr_wmark(ws, k, ',') || rr_wmark(ws, k, ';') || rr_wis(ws, k, "en") ||
		    rr_wis(ws, k, "maar"))
			b = k + 1;
	return b;
}

/* ---- gifts found ---- */

found *gx_new_gift(gx *g, size_t w0, size_t off, size_t end)
{
	if (g->nf >= MAX_FOUND)
		return NULL;
	if (g->nf == g->fcap) {
		size_t nc = g->fcap ? g->fcap * 2 : 8;
		found *nf = realloc(g->f, nc * sizeof *nf);
		if (!nf)
			return NULL;
		g->f = nf;
		g->fcap = nc;
	}
	found *x = &g->f[g->nf++];
	memset(x, 0, sizeof *x);
	x->w0 = w0;
	x->g.off = off;
	x->g.end = end;
	x->g.line = line_of(g, off);
	return x;
}

/* The date of the sentence [s0, s1) nearest word k, as one day, month or
 * year: a range within one month is that month ("3 tot 7 mei" is May). */
rr_date gx_narrow(const rr_date *a, const rr_date *b)
{
	rr_date none = {0, 0, 0, RR_PREC_NONE};
	if (!b->prec)
		return *a;
	if (a->y != b->y)
		return none;
	if (a->prec >= RR_PREC_MONTH && b->prec >= RR_PREC_MONTH && a->m == b->m) {
		if (a->prec == RR_PREC_DAY && b->prec == RR_PREC_DAY && a->d == b->d)
			return *a;
		return rr_date_month(a->y, a->m);
	}
	return rr_date_year(a->y);
}

/* The index of the first date of the reading (in order of their words) at
 * or after word w. */
static size_t first_date(const imp_read *r, size_t w)
{
	size_t lo = 0, hi = r->nd;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->dm[mid].w0 < w)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t dates_in(const gx *g, size_t s0, size_t s1, rr_date *one, size_t near)
{
	const imp_read *r = g->r;
	size_t n = 0, best = (size_t)-1;
	for (size_t i = first_date(r, s0); i < r->nd && r->dm[i].w0 < s1; i++) {
		const imp_date_m *d = &r->dm[i];
		if (r->mask[d->w0])
			continue; /* "Jan Jansen" is no January */
		n++;
		size_t dist = d->w0 > near ? d->w0 - near : near - d->w0;
		if (dist < best) {
			best = dist;
			*one = gx_narrow(&d->d.start, &d->d.end);
		}
	}
	return n;
}

/* Is word k inside a date of the reading? The word after it, else 0. */
static size_t date_at(const gx *g, size_t k)
{
	const imp_read *r = g->r;
	size_t i = first_date(r, k > 16 ? k - 16 : 0);
	for (; i < r->nd && r->dm[i].w0 <= k; i++)
		if (k < r->dm[i].w1 && !r->mask[r->dm[i].w0])
			return r->dm[i].w1;
	return 0;
}

/* ---- one gift's words and what follows them ---- */

typedef struct item {
	size_t w0, w1;       /* the gift's words */
	size_t d0;           /* its description starts here (after the article) */
	bool generic;
	bool has_value;
	long long cents;
	who giver;
	bool has_giver;
	bool trip;
} item;

/* Do the words [w0, w1) name a person or a place the reading found? */
static bool names_someone(const gx *g, size_t w0, size_t w1)
{
	const imp_read *r = g->r;
	for (size_t k = w0; k < w1; k++)
		if (r->mask[k])
			return true;
	for (size_t i = 0; i < r->pms.n; i++)
		if (r->pms.v[i].w0 >= w0 && r->pms.v[i].w0 < w1 && r->pms.v[i].w1 == w1)
			return true;
	return false;
}

/* An adjective before a noun, by its form: "mooi", "prachtig", "passend". */
static bool adjective(const char *f)
{
	static const char *const plain[] = {"mooi", "groot", "klein", "leuk", "fijn", "duur",
		"bijzonder", "speciaal", "origineel", "heel", "echt", "waar", "goed", "nieuw",
		"oud", "ander", "eigen", NULL};
	static const char *const suf[] = {"ig", "lijk", "isch", "end", "ief", "baar", NULL};
	/* "mooie", "duurste", "geregistreerde" (not "thee") */
	return in(f, plain) || ends_any(f, suf) || (ends(f, "e") && !ends(f, "ee"));
}

/* Words of a gift at k: an article or a number, then at most six words up to
 * a word that ends them. bare: no article needed (a list after
 * "waaronder"). The index after them, or k. */
static size_t gift_words(const gx *g, size_t k, size_t lim, bool bare, item *it)
{
	const rr_words *ws = g->ws;
	size_t i = k, n = 0, head = 0, last;
	memset(it, 0, sizeof *it);
	it->w0 = it->d0 = k;
	if (rr_wis(ws, i, "een") || rr_wis(ws, i, "het") || rr_wis(ws, i, "de") ||
	    rr_wis(ws, i, "haar") || rr_wis(ws, i, "zijn")) {
		i++;
		it->d0 = i;
	} else if ((ws->w[i].kind == RR_W_NUM || (is_word(ws, i) && rr_number_word(F(ws, i)) > 1)) &&
		   !rr_wis(ws, i + 1, "euro") && !rr_wmark(ws, i + 1, ',')) {
		i++; /* "twee tassen", "21 giften": the number is part of it */
	} else if (!bare) {
		return k;
	}
	while (i < lim && n < 6) {
		if (ws->w[i].kind == RR_W_PUNCT)
			break;
		if (ws->w[i].kind == RR_W_NUM && n)
			break;
		const char *f = F(ws, i);
		if (in(f, stops) || verb(f))
			break;
		/* "een Delfts blauwe tegel cadeau (geven)": the last word is the verb's,
		 * not the gift's ("een mooi cadeau" is a word for any gift) */
		if (n >= 2 && g->cadeau_verb && gift_word(f) && !adjective(F(ws, head)) &&
		    (i + 1 >= lim || ws->w[i + 1].kind == RR_W_PUNCT))
			break;
		size_t e = compound_end(ws, i, lim, &last);
		head = last;
		n++;
		i = e;
	}
	if (!n)
		return k;
	it->w1 = i;
	const char *hf = F(ws, head);
	if (gift_word(hf))
		it->generic = true;
	else if (in(hf, not_gifts) || rr_number_word(hf) >= 0 || ws->w[head].kind == RR_W_NUM ||
		 ends_any(hf, offices) || ends_any(hf, groups) || ends_any(hf, orgs) ||
		 in(hf, (const char *const[]){"heer", "mevrouw", "dhr", "mevr", NULL}) ||
		 names_someone(g, it->d0, i))
		return k;
	return i;
}

/* "tijdens de reis", "bij het werkbezoek aan X", "op handelsmissie": the
 * word after it, else 0. */
static size_t trip_at(const gx *g, size_t k, size_t lim)
{
	const rr_words *ws = g->ws;
	if (!(rr_wis(ws, k, "tijdens") || rr_wis(ws, k, "bij") || rr_wis(ws, k, "op")))
		return 0;
	for (size_t i = k + 1; i < lim && i < k + 5; i++) {
		if (!is_word(ws, i))
			return 0;
		size_t l, e = compound_end(ws, i, lim, &l);
		if (word_in(ws, l, gx_trip_nouns)) {
			/* "aan X", "naar X", "van een delegatie uit X": who and where */
			for (int n = 0; n < 2 && e < lim; n++) {
				if (!word_in(ws, e, (const char *const[]){"aan", "naar", "in", "van", "uit",
					NULL}))
					break;
				size_t j = e + 1, pe;
				if (word_in(ws, j, dets))
					j++;
				pe = cap_run(ws, j, lim);
				if (pe == j && is_word(ws, j) && !in(F(ws, j), stops)) {
					size_t l2;
					pe = compound_end(ws, j, lim, &l2);
					if (!ends_any(F(ws, l2), groups) && !ends_any(F(ws, l2), orgs) &&
					    !ends_any(F(ws, l2), offices))
						break;
				}
				if (pe == j)
					break;
				e = pe;
			}
			return e;
		}
		i = e - 1;
	}
	return 0;
}

/* What follows a gift's words: its value, its giver, the trip. The index
 * after them. */
static size_t modifiers(const gx *g, size_t k, size_t lim, size_t s0, item *it)
{
	const rr_words *ws = g->ws;
	size_t i = k, e;
	long long c;
	for (int guard = 0; i < lim && guard < 8; guard++) {
		/* "van 300 euro", "ter waarde van € 75", "t.w.v. € 50", "geschat op € 75",
		 * ", ter waarde van € 80" */
		size_t j = i;
		if (rr_wmark(ws, i, ',') && word_in(ws, i + 1, (const char *const[]){"ter", "met",
			"twv", "geschat", NULL}))
			j = i + 1;
		if (rr_wis(ws, j, "ter") && rr_wis(ws, j + 1, "waarde") && rr_wis(ws, j + 2, "van"))
			j += 3;
		else if (rr_wis(ws, j, "met") && rr_wis(ws, j + 1, "een") &&
			 rr_wis(ws, j + 2, "waarde") && rr_wis(ws, j + 3, "van"))
			j += 4;
		else if (rr_wis(ws, j, "geschat") && rr_wis(ws, j + 1, "op"))
			j += 2;
		else if (rr_wis(ws, j, "twv"))
			j += 1;
		else if (rr_wis(ws, j, "t") && rr_wmark(ws, j + 1, '.') && rr_wis(ws, j + 2, "w") &&
			 rr_wis(ws, j + 4, "v"))
			j += rr_wmark(ws, j + 5, '.') ? 6 : 5; /* t.w.v. */
		else if (rr_wis(ws, j, "van"))
			j += 1;
		if (j > i && j < lim && amount_at(g, j, lim, &c, &e)) {
			if (!bound_before(g, j, s0)) {
				it->has_value = true;
				it->cents = c;
			}
			i = e;
			continue;
		}
		if (j > i && j < lim && (e = unknown_value_at(g, j, lim))) {
			i = e;
			continue;
		}
		/* "van de burgemeester van Coimbra" */
		if (rr_wis(ws, i, "van") && !it->has_giver) {
			who w;
			if (giver_at(g, i + 1, lim, &w)) {
				it->giver = w;
				it->has_giver = true;
				i = w.w1;
				continue;
			}
			break;
		}
		/* "(provincie Zuid-Holland, vijf euro)" */
		if (rr_wmark(ws, i, '(')) {
			size_t close = i + 1;
			while (close < lim && !rr_wmark(ws, close, ')') && close - i < 30)
				close++;
			if (close >= lim || !rr_wmark(ws, close, ')'))
				break;
			for (size_t p = i + 1; p < close;) {
				size_t pe = p;
				while (pe < close && !rr_wmark(ws, pe, ',') && !rr_wmark(ws, pe, ';'))
					pe++;
				who w;
				size_t after = 0;
				if (amount_at(g, p, pe, &c, &after) && after == pe) {
					if (!bound_before(g, p, i + 1)) {
						it->has_value = true;
						it->cents = c;
					}
				} else if (unknown_value_at(g, p, pe) == pe) {
					/* nothing */
				} else if (!it->has_giver && giver_at(g, p, pe, &w) && w.w1 == pe) {
					it->giver = w;
					it->has_giver = true;
				}
				p = pe + 1;
			}
			i = close + 1;
			continue;
		}
		/* ", geschonken door een oud-wethouder" */
		if (rr_wmark(ws, i, ',') && word_in(ws, i + 1, give_part) && rr_wis(ws, i + 2, "door") &&
		    !it->has_giver) {
			who w;
			if (giver_at(g, i + 3, lim, &w)) {
				it->giver = w;
				it->has_giver = true;
				i = w.w1;
				continue;
			}
			break;
		}
		if ((e = trip_at(g, i, lim))) {
			it->trip = true;
			i = e;
			continue;
		}
		/* "als (relatie)geschenk", "cadeau" */
		if (rr_wis(ws, i, "als") && i + 1 < lim && (gift_word(F(ws, i + 1)) ||
			(word_in(ws, i + 1, dets) && gift_word(F(ws, i + 2))))) {
			i += gift_word(F(ws, i + 1)) ? 2 : 3;
			continue;
		}
		if (is_word(ws, i) && gift_word(F(ws, i)) && !cap(ws, i)) {
			i++;
			continue;
		}
		break;
	}
	return i;
}

/* Gifts one after another: "een horloge van 300 euro, een tegoedbon van 50
 * euro en twee tassen". Returns the count; *stop the word after
 * the last. */
static size_t gift_list(const gx *g, size_t k, size_t lim, size_t s0, bool bare, item *out,
			size_t max, size_t *stop)
{
	const rr_words *ws = g->ws;
	size_t n = 0, i = k;
	*stop = k;
	while (i < lim && n < max) {
		item it;
		size_t e = gift_words(g, i, lim, bare, &it);
		if (e == i)
			break;
		e = modifiers(g, e, lim, s0, &it);
		out[n++] = it;
		*stop = e;
		i = e;
		/* ", " or " en " or ", en " before the next */
		size_t j = i;
		if (rr_wmark(ws, j, ','))
			j++;
		if (rr_wis(ws, j, "en"))
			j++;
		if (j == i)
			break;
		i = j;
	}
	return n;
}

/* ---- a sentence ---- */

/* Does the sentence deny, speak of a habit, a rule, a condition, or ask? */
static bool not_an_event(const gx *g, size_t s0, size_t s1)
{
	static const char *const neg[] = {"geen", "niet", "nooit", "niets", "noch", "jaarlijks",
		"jaarlijkse", "traditiegetrouw", "altijd", "steevast", "telkens", "doorgaans",
		"meestal", "vaak", "regelmatig", "mag", "mogen", "mocht", "mochten", "moet",
		"moeten", "moest", "moesten", "kan", "kunnen", "zal", "zullen", "zou", "zouden",
		"wil", "willen", "hoeft", "hoeven", "dient", "dienen", "verplicht", "mits",
		"indien", NULL};
	const rr_words *ws = g->ws;
	if (word_in(ws, s0, (const char *const[]){"als", "wanneer", "mocht", "stel", NULL}))
		return true;
	for (size_t k = s0; k < s1; k++) {
		if (word_in(ws, k, neg))
			return true;
		if (rr_wmark(ws, k, '?'))
			return true;
		/* "ieder jaar", "elk jaar", "wel eens" */
		if ((rr_wis(ws, k, "ieder") || rr_wis(ws, k, "elk") || rr_wis(ws, k, "elke")) &&
		    (rr_wis(ws, k + 1, "jaar") || rr_wis(ws, k + 1, "keer")))
			return true;
		if (rr_wis(ws, k, "wel") && rr_wis(ws, k + 1, "eens"))
			return true;
	}
	return false;
}

static bool has_gift_word(const gx *g, size_t s0, size_t s1)
{
	for (size_t k = s0; k < s1; k++)
		if (is_word(g->ws, k) && gift_word(F(g->ws, k)))
			return true;
	return false;
}

/* "het geschenk", "dit cadeau" (not "het cadeau dat hij eerder kreeg", which
 * is another): the word after it, else 0. */
static size_t gift_reference(const gx *g, size_t s0, size_t s1, const char *head)
{
	const rr_words *ws = g->ws;
	static const char *const def[] = {"het", "dit", "dat", "deze", "die", "de", NULL};
	for (size_t k = s0; k + 1 < s1; k++) {
		if (!word_in(ws, k, def))
			continue;
		const char *f = F(ws, k + 1);
		bool hit = gift_word(f) ||
			   (head && strlen(f) >= 3 && ends(head, f) && !in(f, not_gifts));
		if (!hit)
			continue;
		if (word_in(ws, k + 2, (const char *const[]){"dat", "die", "wat", NULL}))
			continue;
		return k + 2;
	}
	return 0;
}

static void set_value(found *x, const item *it)
{
	if (it->has_value) {
		x->g.has_value = true;
		x->g.cents = it->cents;
	}
}

/* The last word of a gift's description. */
static void head_of(const char *desc, char *out, size_t cap)
{
	const char *sp = strrchr(desc, ' ');
	rr_fold(sp ? sp + 1 : desc, strlen(sp ? sp + 1 : desc), out, cap);
}

/* The sentence right after a gift that speaks of it ("het geschenk", "de
 * vaas", "Dat …"): adds what the gift lacks of its giver, value, recipient,
 * date and what was done with it. True when it speaks of the gift (it then
 * tells no new one). */
static bool follow_up(gx *g, size_t s0, size_t s1)
{
	const rr_words *ws = g->ws;
	if (g->prev_hi == g->prev_lo || g->prev_end != s0 || (ws->w[s0].flags & RR_W_PARA))
		return false;
	found *x = &g->f[g->prev_hi - 1];
	char head[64];
	head_of(x->g.description, head, sizeof head);
	size_t ref = gift_reference(g, s0, s1, head);
	/* "Dat kreeg een plekje …", "Het hangt nu in …": the gift before */
	bool demonstrative = !ref && word_in(ws, s0, (const char *const[]){"dat", "dit", "het",
		"deze", "die", NULL}) && is_word(ws, s0 + 1) && !cap(ws, s0 + 1) &&
		!in(F(ws, s0 + 1), dets);
	if (!ref && !demonstrative)
		return false;
	/* "Het is een cadeau van …": the gift word names it too */
	for (size_t k = s0 + 1; demonstrative && k + 1 < s1 && k < s0 + 5; k++)
		if (is_word(ws, k) && gift_word(F(ws, k)) && rr_wis(ws, k + 1, "van")) {
			ref = k + 1;
			break;
		}
	bool did = false;
	size_t from = ref ? ref : s0 + 1;
	if (ref) {
		who w;
		long long c;
		size_t e;
		/* "het geschenk van sportclub X", "… kreeg het geschenk van X",
		 * "Het is een cadeau van X aan Y" */
		if (rr_wis(ws, ref, "van") && giver_at(g, ref + 1, s1, &w)) {
			if (!x->g.giver[0]) {
				snprintf(x->g.giver, sizeof x->g.giver, "%s", w.text);
				did = true;
			}
			who r;
			if (rr_wis(ws, w.w1, "aan") && recipient_at(g, w.w1 + 1, s1, &r) && !r.pronoun &&
			    !x->g.recipient[0]) {
				snprintf(x->g.recipient, sizeof x->g.recipient, "%s", r.text);
				did = true;
			}
		}
		for (size_t k = s0; k < s1; k++)
			if (word_in(ws, k, give_part) && rr_wis(ws, k + 1, "door") && !x->g.giver[0] &&
			    giver_at(g, k + 2, s1, &w)) {
				snprintf(x->g.giver, sizeof x->g.giver, "%s", w.text);
				did = true;
			}
		/* one amount in the sentence is its value */
		size_t amounts = 0, at = 0;
		long long v = 0;
		for (size_t k = s0; k < s1; k++)
			if (amount_at(g, k, s1, &c, &e)) {
				if (!amounts)
					v = c, at = k;
				amounts++;
				k = e > k ? e - 1 : k;
			}
		if (amounts == 1 && !x->g.has_value && !bound_before(g, at, s0)) {
			x->g.has_value = true;
			x->g.cents = v;
			did = true;
		}
		rr_date d;
		if (!x->g.date.prec && dates_in(g, s0, s1, &d, s0) == 1 && d.prec) {
			x->g.date = d;
			did = true;
		}
	}
	size_t cue = 0;
	const char *disp = gx_disposition_of(g, from, s1, &cue);
	if (disp && !x->g.note[0]) {
		size_t e = s1, b = clause_start(g, from, cue);
		while (e > b && ws->w[e - 1].kind == RR_W_PUNCT)
			e--;
		x->g.disposition = disp;
		gx_copy_words(g, x->g.note, sizeof x->g.note, b, e);
		did = true;
	}
	return did || ref;
}

/* The first verb of giving, receiving or reporting in [from, s1) of the
 * sentence [s0, s1): its index and kind; *fin the finite verb of its clause
 * (the auxiliary of a participle), *obj where its objects may start. */
static vkind trigger(const gx *g, size_t s0, size_t s1, size_t from, size_t *v, size_t *fin,
		     size_t *obj)
{
	const rr_words *ws = g->ws;
	for (size_t k = from; k < s1; k++) {
		if (!is_word(ws, k))
			continue;
		const char *f = F(ws, k);
		*v = *fin = k;
		*obj = k + 1;
		/* "de ontvangen geschenken": a participle as an adjective */
		bool adjective = k > s0 && word_in(ws, k - 1, dets);
		if (in(f, recv_fin))
			return V_RECV;
		if (in(f, report_fin))
			return V_REPORT;
		if (in(f, give_fin)) {
			/* "gaf … op": reported */
			for (size_t j = k + 1; j < s1; j++)
				if (rr_wis(ws, j, "op") && (j + 1 >= s1 || ws->w[j + 1].kind == RR_W_PUNCT))
					return V_REPORT;
			return V_GIVE;
		}
		/* "maakte gewag van", "melding gemaakt van" */
		if ((!strcmp(f, "gewag") || !strcmp(f, "melding")) && rr_wis(ws, k + 1, "van")) {
			for (size_t j = s0; j < s1; j++)
				if (is_word(ws, j) && (!strncmp(F(ws, j), "maak", 4) ||
						       !strncmp(F(ws, j), "maakt", 5) ||
						       !strcmp(F(ws, j), "gemaakt"))) {
					*fin = j;
					*obj = k + 2;
					return V_REPORT;
				}
		}
		if (!adjective && (in(f, recv_part) || in(f, report_part) || in(f, give_part))) {
			/* a participle with "heeft/hebben": the clause's verb */
			for (size_t j = s0; j < k; j++)
				if (word_in(ws, j, aux_have)) {
					*fin = j;
					*obj = j + 1;
					return in(f, give_part) ? V_GIVE
					       : in(f, report_part) ? V_REPORT : V_RECV;
				}
		}
	}
	return V_NONE;
}

/* The subject of the clause whose finite verb is fin: after the verb when
 * something else comes first ("In 2005 maakte burgemeester X …", "Daarna
 * kreeg hij …"), else at the start. giver: who gives, not who receives. */
static bool first_subject(const gx *g, size_t s0, size_t fin, bool giver, who *out);

static bool subject(const gx *g, size_t s0, size_t s1, size_t fin, bool giver, who *out)
{
	const rr_words *ws = g->ws;
	size_t k = fin + 1;
	while (word_in(ws, k, (const char *const[]){"ook", "nog", "toen", "er", "daar", "dan",
		"onlangs", "eerder", "gisteren", "vandaag", NULL}))
		k++;
	if (fin > s0 && first_subject(g, s0, fin, giver, out))
		return true;
	return fin > s0 && (giver ? giver_at(g, k, s1, out) : recipient_at(g, k, s1, out));
}

/* The subject that opens the sentence and ends at its verb fin. */
static bool first_subject(const gx *g, size_t s0, size_t fin, bool giver, who *out)
{
	const rr_words *ws = g->ws;
	size_t b = s0;
	/* the document's own date before the sentence ("date 2023-05 X ontving …") */
	size_t dend = g->r->doc_len ? g->r->doc_off + g->r->doc_len : 0;
	if (dend && ws->w[b].off < dend && rr_wat(ws, dend) < b + 8)
		b = rr_wat(ws, dend);
	while (b < fin && ws->w[b].kind == RR_W_PUNCT)
		b++;
	if (b >= fin)
		return false;
	bool ok = giver ? giver_at(g, b, fin, out) : recipient_at(g, b, fin, out);
	/* "burgemeester X van Rotterdam kreeg": the name's place */
	if (ok && out->w1 < fin && rr_wis(ws, out->w1, "van") && cap_run(ws, out->w1 + 1, fin) == fin)
		out->w1 = fin;
	/* "Anna Smit, voorzitter van de raad gaf": what she is, after her name */
	if (ok && out->w1 + 2 < fin && out->w1 + 6 >= fin && rr_wis(ws, out->w1, "van") &&
	    word_in(ws, out->w1 + 1, dets)) {
		size_t k = out->w1 + 2;
		while (k < fin && is_word(ws, k))
			k++;
		if (k == fin || (k + 1 == fin && rr_wmark(ws, k, ',')))
			out->w1 = fin;
	}
	/* "Anna Smit, voorzitter van de raad(,) gaf": the name and what she is */
	if (ok && out->w1 + 2 < fin && rr_wmark(ws, out->w1, ',') && !out->pronoun) {
		size_t k = out->w1 + 1;
		while (k < fin && !rr_wmark(ws, k, ',') && is_word(ws, k) && !in(F(ws, k), give_fin) &&
		       !in(F(ws, k), recv_fin))
			k++;
		if (k == fin || (k + 1 == fin && rr_wmark(ws, k, ',')))
			out->w1 = fin;
	}
	return ok && out->w1 == fin;
}

/* Is a gift found whole enough to be a record? A giver or a recipient is
 * enough (the other and the date stay empty when the text does not state
 * them), but a gift of running text without a recipient only when the
 * body's people gave it: from anyone else it need not be the body's. A row
 * of a register is the body's: its date alone will do. Else a note. */
static bool keep(gx *g, const found *x)
{
	const char *why = NULL;
	if (!x->g.giver[0] && !x->g.recipient[0] && !(x->reg && x->g.date.prec))
		why = x->reg ? "without a giver, a recipient or a date" : "without a giver or a recipient";
	else if (!x->reg && !x->g.recipient[0] && !x->giver_ours)
		why = "without a recipient, from someone not the body's";
	if (why)
		rr_diag_add(g->notes, "%s: line %zu: a gift (%s) %s; kept in the text only", g->name,
			    x->g.line, x->g.description, why);
	return !why;
}

/* What may stand between a verb and its gifts: adverbs, a date, a trip
 * ("tijdens het werkbezoek aan X"), "als geschenk", and (when giver is
 * given) "van <giver>". The first word after them. */
static size_t skip_fillers(const gx *g, size_t k, size_t s1, who *giver, bool *has_giver)
{
	const rr_words *ws = g->ws;
	for (int guard = 0; k < s1 && guard < 12; guard++) {
		size_t e;
		if (word_in(ws, k, (const char *const[]){"ook", "nog", "toen", "er", "daar",
			"onlangs", "eerder", "al", "op", "in", "samen", "daarna", "vervolgens", NULL})) {
			k++;
			continue;
		}
		if ((e = date_at(g, k))) {
			k = e;
			continue;
		}
		if (giver && rr_wis(ws, k, "van") && !*has_giver && giver_at(g, k + 1, s1, giver)) {
			*has_giver = true;
			k = giver->w1;
			continue;
		}
		if ((e = trip_at(g, k, s1))) {
			k = e;
			continue;
		}
		if (rr_wis(ws, k, "als") && k + 1 < s1 && gift_word(F(ws, k + 1))) {
			k += 2;
			continue;
		}
		if (rr_wmark(ws, k, ',')) {
			k++;
			continue;
		}
		break;
	}
	return k;
}

/* The gifts of the clause of verb v (kind vk, finite verb fin, objects from
 * obj) in the sentence [s0, s1). True when it told some. */
static bool clause(gx *g, size_t s0, size_t s1, vkind vk, size_t v, size_t fin, size_t obj)
{
	const rr_words *ws = g->ws;
	size_t lo = g->nf;
	item its[MAX_ITEMS];
	size_t n = 0, stop = 0;
	who rec, giv;
	bool has_rec = false, has_giv = false;

	memset(&rec, 0, sizeof rec);
	memset(&giv, 0, sizeof giv);
	{
		const char *f = F(ws, v);
		g->cadeau_verb = !strncmp(f, "kr", 2) || !strcmp(f, "gekregen") || !strncmp(f, "ga", 2) ||
				 !strcmp(f, "geeft") || !strcmp(f, "gegeven");
	}
	if (vk == V_GIVE) {
		has_giv = subject(g, s0, s1, fin, true, &giv);
		size_t k = skip_fillers(g, has_giv && giv.w1 > obj ? giv.w1 : obj, s1, NULL, NULL);
		/* "gaf de burgemeester een fotodoek": who gets it first */
		who w;
		if (recipient_at(g, k, s1, &w) && !w.pronoun) {
			size_t after = skip_fillers(g, w.w1, s1, NULL, NULL);
			if (after < s1 && (rr_wis(ws, after, "een") || rr_wis(ws, after, "het") ||
					   ws->w[after].kind == RR_W_NUM)) {
				rec = w;
				has_rec = true;
				k = after;
			}
		} else if (word_in(ws, k, (const char *const[]){"hem", "haar", NULL}) &&
			   recipient_at(g, k, s1, &w) && w.text[0]) {
			rec = w;
			has_rec = true;
			k = skip_fillers(g, k + 1, s1, NULL, NULL);
		}
		n = gift_list(g, k, s1, s0, false, its, MAX_ITEMS, &stop);
		/* "… aan haar Duitse collega" (not the particle of "bood … aan") */
		for (size_t j = stop; j < s1 && !has_rec; j++)
			if (rr_wis(ws, j, "aan") && j + 1 < s1 && ws->w[j + 1].kind != RR_W_PUNCT &&
			    recipient_at(g, j + 1, s1, &rec))
				has_rec = true;
	} else {
		has_rec = subject(g, s0, s1, fin, false, &rec);
		size_t k = obj;
		if (has_rec && rec.w1 > k && rec.w0 <= k + 1)
			k = rec.w1;
		/* what comes before the gifts: adverbs, a date, "van <giver>" */
		k = skip_fillers(g, k, s1, &giv, &has_giv);
		size_t lim = v > k ? v : s1; /* a participle closes the clause's gifts */
		n = gift_list(g, k, lim, s0, false, its, MAX_ITEMS, &stop);
		/* "… een vaas gekregen, ter waarde van € 80": the last one's value */
		if (n && lim == v && stop == v && !its[n - 1].generic)
			stop = modifiers(g, v + 1, s1, s0, &its[n - 1]);
		/* "21 giften opgegeven, waaronder …", "cadeaus: een vaas, …" */
		if (n && its[n - 1].generic) {
			size_t j = v > k ? v + 1 : stop;
			if (rr_wmark(ws, j, ','))
				j++;
			if (rr_wis(ws, j, "waaronder") || rr_wis(ws, j, "namelijk") ||
			    rr_wmark(ws, stop, ':')) {
				j = rr_wmark(ws, stop, ':') ? stop + 1 : j + 1;
				n = gift_list(g, j, s1, s0, true, its, MAX_ITEMS, &stop);
			} else {
				n = 0;
			}
		}
	}
	if (!n)
		return false;
	if (between_others(g, vk, &rec, has_rec, &giv, has_giv))
		return true;
	for (size_t i = 0; i < n; i++)
		if (vk != V_GIVE && its[i].has_giver &&
		    between_others(g, vk, &rec, has_rec, &its[i].giver, true))
			return true;
	/* the date of the sentence, else the paragraph's */
	rr_date date = {0, 0, 0, RR_PREC_NONE}, d1;
	size_t nd = dates_in(g, s0, s1, &d1, v);
	if (nd)
		date = d1;
	else
		date = g->para_date;
	bool trip = false;
	for (size_t k = s0; k < s1 && !trip; k++)
		trip = trip_at(g, k, s1) != 0;
	for (size_t i = 0; i < n; i++) {
		const item *it = &its[i];
		if (it->generic)
			continue;
		found *x = gx_new_gift(g, it->w0, ws->w[s0].off,
				    ws->w[s1 - 1].off + ws->w[s1 - 1].len);
		if (!x)
			break;
		gx_copy_words(g, x->g.description, sizeof x->g.description, it->d0, it->w1);
		if (vk == V_GIVE) {
			if (has_giv) {
				snprintf(x->g.giver, sizeof x->g.giver, "%s", giv.text);
				x->giver_ours = giver_is_ours(g, &giv);
			}
			if (it->has_giver && !x->g.giver[0]) {
				snprintf(x->g.giver, sizeof x->g.giver, "%s", it->giver.text);
				x->giver_ours = giver_is_ours(g, &it->giver);
			}
		} else {
			if (it->has_giver) {
				snprintf(x->g.giver, sizeof x->g.giver, "%s", it->giver.text);
				x->giver_ours = giver_is_ours(g, &it->giver);
			} else if (has_giv) {
				snprintf(x->g.giver, sizeof x->g.giver, "%s", giv.text);
				x->giver_ours = giver_is_ours(g, &giv);
			}
		}
		/* "aan haar Duitse collega": whom it stands for is not stated */
		if (has_rec && !word_in(ws, rec.w0, possessives))
			snprintf(x->g.recipient, sizeof x->g.recipient, "%s", rec.text);
		set_value(x, it);
		x->g.date = date;
		x->g.during_trip = it->trip || trip;
		x->g.nplaces = imp_places_from(&g->r->pms, x->g.off, x->g.end, true, x->g.places, 4);
	}
	/* what was done with them, in the same sentence after them */
	if (g->nf > lo && stop < s1) {
		size_t cue = 0;
		const char *disp = gx_disposition_of(g, stop, s1, &cue);
		/* "een doek met foto's van het stadhuis": still the gift */
		if (disp && rr_wis(ws, stop, "met"))
			disp = NULL;
		if (disp) {
			size_t e = s1;
			while (e > stop && ws->w[e - 1].kind == RR_W_PUNCT)
				e--;
			size_t b = stop;
			while (b < e && (ws->w[b].kind == RR_W_PUNCT || word_in(ws, b,
				(const char *const[]){"en", "dat", "die", "wat", "dat", NULL})))
				b++;
			for (size_t i = lo; i < g->nf; i++) {
				g->f[i].g.disposition = disp;
				gx_copy_words(g, g->f[i].g.note, sizeof g->f[i].g.note, b, e);
			}
		}
	}
	g->prev_lo = lo;
	g->prev_hi = g->nf;
	g->prev_end = s1;
	return true;
}

/* Does the sentence hand something over: a verb that says so by itself
 * ("schonk", "overhandigde", "geschonken"), or any verb of giving or getting
 * right after a sentence of the paragraph that told a gift ("X overhandigde
 * een bord. Y gaf de burgemeester een boek.")? */
static bool handing_over(const gx *g, size_t s0, size_t s1)
{
	static const char *const by_itself[] = {"schonk", "schonken", "schenkt", "overhandigde",
		"overhandigden", "overhandigt", "geschonken", "overhandigd", NULL};
	const rr_words *ws = g->ws;
	bool after_gift = g->prev_hi > g->prev_lo && g->prev_end == s0 &&
			  !(ws->w[s0].flags & RR_W_PARA);
	for (size_t k = s0; k < s1; k++) {
		if (!is_word(ws, k))
			continue;
		const char *f = F(ws, k);
		if (in(f, by_itself))
			return true;
		if (after_gift && (in(f, give_fin) || in(f, recv_fin)))
			return true;
	}
	return false;
}

static void sentence(gx *g, size_t s0, size_t s1)
{
	const rr_words *ws = g->ws;
	size_t v, fin, obj;
	vkind vk;

	if (s1 - s0 > MAX_SENTENCE || follow_up(g, s0, s1))
		return;
	/* a gift is told where the text is about gifts */
	bool next_refers = false;
	size_t s2 = s1 < ws->count ? rr_wsent_end(ws, s1) : s1;
	if (s2 > s1 && !(ws->w[s1].flags & RR_W_PARA) && gift_reference(g, s1, s2, NULL))
		next_refers = true;
	if ((!g->about_gifts && !has_gift_word(g, s0, s1) && !next_refers &&
	     !handing_over(g, s0, s1)) ||
	    not_an_event(g, s0, s1))
		return;
	/* the first verb whose clause tells gifts */
	for (size_t from = s0; (vk = trigger(g, s0, s1, from, &v, &fin, &obj)) != V_NONE;
	     from = v + 1)
		if (clause(g, s0, s1, vk, v, fin, obj))
			break;
}

/* ---- the whole text ---- */

/* Does the opening (the first paragraph, its first 120 words) speak of gifts
 * or a gift register? */
static bool opening_about_gifts(const rr_words *ws)
{
	for (size_t k = 0; k < ws->count && k < 120; k++) {
		if (k && (ws->w[k].flags & RR_W_PARA) && k > 12)
			break;
		const char *f = rr_wfold(ws, k);
		if (ws->w[k].kind == RR_W_WORD && (gift_word(f) || strstr(f, "geschenk") ||
						  strstr(f, "cadeau")))
			return true;
	}
	return false;
}

static rr_err push_gift(imp_analysis *a, const imp_gift *x)
{
	if (a->ngifts == a->gcap) {
		size_t nc = a->gcap ? a->gcap * 2 : 8;
		imp_gift *ng = realloc(a->gifts, nc * sizeof *ng);
		if (!ng)
			return RR_ENOMEM;
		a->gifts = ng;
		a->gcap = nc;
	}
	a->gifts[a->ngifts++] = *x;
	return RR_OK;
}

rr_err imp_gifts_scan(imp_read *r, imp_analysis *a)
{
	const rr_words *ws = &r->ws;
	gx g;
	rr_err e = RR_OK;

	memset(&g, 0, sizeof g);
	g.r = r;
	g.ws = ws;
	g.t = ws->text;
	g.a = a;
	g.name = r->c->name;
	g.notes = r->c->notes;
	g.about_gifts = opening_about_gifts(ws);
	if (!(g.ours = calloc(r->np + 1, 1)))
		return RR_ENOMEM;
	for (size_t i = 0; i < r->np; i++)
		for (size_t k = 0; k < r->np && !g.ours[i]; k++)
			g.ours[i] = r->pp[k].side == IMP_SIDE_OURS && !strcmp(r->pp[k].name, r->pp[i].name);
	if ((e = gx_scan_registers(&g)))
		goto out;
	size_t di = 0; /* the reading's dates, in order: the first not before s0 */
	for (size_t s0 = 0; s0 < ws->count;) {
		size_t s1 = rr_wsent_end(ws, s0);
		if (s1 <= s0)
			s1 = s0 + 1;
		if (ws->w[s0].flags & RR_W_PARA)
			g.para_date.prec = RR_PREC_NONE;
		while (di < r->nd && r->dm[di].w0 < s0)
			di++;
		bool dated = di < r->nd && r->dm[di].w0 < s1;
		if (!r->used[s0]) {
			sentence(&g, s0, s1);
			/* a sentence that dates the gifts of its paragraph ("in 2018
			 * kregen … cadeaus"); any other date ends that */
			rr_date d;
			size_t v, fin, obj;
			if (dated && has_gift_word(&g, s0, s1) && dates_in(&g, s0, s1, &d, s0) == 1 &&
			    d.prec && trigger(&g, s0, s1, s0, &v, &fin, &obj) != V_NONE)
				g.para_date = d;
			else if (dated)
				g.para_date.prec = RR_PREC_NONE;
		}
		s0 = s1;
	}
	for (size_t i = 0; i < g.nf && !e; i++) {
		found *x = &g.f[i];
		if (!x->g.description[0])
			continue;
		if (keep(&g, x))
			e = push_gift(a, &x->g);
	}
out:
	free(g.f);
	free(g.ours);
	return e;
}

