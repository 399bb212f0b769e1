/* import_prose.c - trips told in running text, sentence by sentence:
 *
 *   outgoing  a trip word with a foreign place after naar/aan/in/bij
 *             ("een werkbezoek aan de Chinese zusterstad Shangluo",
 *             "bracht ik een bezoek aan Zuid-Turkije", "op handelsmissie in
 *             Indonesië"), a verb of going or visiting ("reisde naar",
 *             "vertrok naar", "bezocht Peking, Xi'an en Chengdu", "op bezoek
 *             bij"), or a heading "Burgemeester X naar China";
 *   incoming  visitors from abroad ("een delegatie uit de Japanse stad
 *             Kurobe", "bracht een werkbezoek aan Nederland", "komt op
 *             bezoek", "werd ontvangen", "Regierungspräsidentinnen … op
 *             bezoek in Gelderland").
 *
 * A trip is the body's when its own people travel (an office of the body,
 * a name with the body's affiliation, "ik"/"wij" in its letter, "de
 * burgemeester"), or when the body itself is said to go ("een delegatie van
 * de provincie Groningen"); a trip of another body, of the King, or of
 * companies alone is not. Several places after a plural ("werkbezoeken aan
 * Casablanca, Milaan en Washington") are several trips; "twee keer" is two.
 * The tense and the document's date decide the status; called off is
 * cancelled. A later sentence that speaks of "het bezoek", "de reis" or
 * "de missie" without a new place adds its dates, costs, officials and
 * travellers to the trip before it. */
#include "import_prose_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../nl/bodies.h"
#include "../nl/fold.h"
#include "../nl/numwords.h"

/* ---- the lexicon ---- */

static const trig trigs[] = {
	{"bezoek", "bezoek", false, false, true}, {"bezoeken", "bezoek", true, false, true},
	{"werkbezoek", "werkbezoek", false, false, false},
	{"werkbezoeken", "werkbezoek", true, false, false},
	{"kennismakingsbezoek", "bezoek", false, false, false},
	{"uitwisselingsbezoek", "bezoek", false, false, false},
	{"tegenbezoek", "bezoek", false, false, false},
	{"bestuursbezoek", "bezoek", false, false, false},
	{"staatsbezoek", "bezoek", false, false, true},
	{"staatsbezoeken", "bezoek", true, false, true},
	{"handelsmissie", "handelsmissie", false, false, false},
	{"handelsmissies", "handelsmissie", true, false, false},
	{"handelsreis", "handelsmissie", false, false, false},
	{"handelsreizen", "handelsmissie", true, false, false},
	{"handelsdelegatie", "handelsmissie", false, false, false},
	{"missie", NULL, false, false, false}, {"missies", NULL, true, false, false},
	{"dienstreis", "dienstreis", false, false, false},
	{"dienstreizen", "dienstreis", true, false, false},
	{"studiereis", "studiereis", false, false, false},
	{"studiereizen", "studiereis", true, false, false},
	{"reis", NULL, false, false, false}, {"reizen", NULL, true, true, false},
	{"werkreis", "werkbezoek", false, false, false},
	{"netwerkreis", NULL, false, false, false}, {"netwerkreizen", NULL, true, false, false},
	{"excursie", NULL, false, false, false}, {"trip", NULL, false, false, false},
	{"delegatie", NULL, false, false, false},
	{"conferentie", "conferentie", false, false, false},
	{"congres", "conferentie", false, false, false},
	{"forum", "conferentie", false, false, false},
	{"beurs", NULL, false, false, false}, {"beurzen", NULL, true, false, false},
	/* verbs */
	{"reisde", NULL, false, true, false}, {"reisden", NULL, false, true, false},
	{"reist", NULL, false, true, false}, {"gereisd", NULL, false, true, false},
	{"afgereisd", NULL, false, true, false}, {"afreizen", NULL, false, true, false},
	{"vertrok", NULL, false, true, false}, {"vertrokken", NULL, false, true, false},
	{"vertrekt", NULL, false, true, false}, {"vertrekken", NULL, false, true, false},
	{"ging", NULL, false, true, false}, {"gingen", NULL, false, true, false},
	{"gaat", NULL, false, true, false}, {"gaan", NULL, false, true, false},
	{"vloog", NULL, false, true, false}, {"vlogen", NULL, false, true, false},
	{"komst", NULL, false, true, false},
	{"bezocht", NULL, false, false, true}, {"bezochten", NULL, false, false, true},
	{"bezoekt", NULL, false, false, true},
	{"verblijft", NULL, false, true, false}, {"verbleef", NULL, false, true, false},
	{"verbleven", NULL, false, true, false},
	/* "ontvangt … een groep inwoners uit de zusterstad Bad Pyrmont": only
	 * with visitors from abroad (see sentence) */
	{"ontvangt", NULL, false, false, false}, {"ontving", NULL, false, false, false},
	{"ontvingen", NULL, false, false, false}, {"verwelkomt", NULL, false, false, false},
	{"verwelkomde", NULL, false, false, false},
	/* "is drie keer in Spanje geweest": the place comes before the verb */
	{"geweest", NULL, false, true, false},
};

/* "zij reizen naar …": the verb, one trip */
static const trig reizen_verb = {"reizen", NULL, false, true, false};
/* a line of a register that names a place without a trip word */
const trig pr_register_line = {"", NULL, false, false, false};
static const trig trade_mission = {"economische missie", "handelsmissie", false, false, false};
static const trig trade_missions = {"economische missies", "handelsmissie", true, false, false};

static const char *const into_preps[] = {"naar", "aan", "in", "bij", "te", "richting",
	NULL};
static const char *const from_preps[] = {"uit", "vanuit", NULL};
/* Trip words that name an event: a trip only when someone takes part. */
static const char *const event_words[] = {"conferentie", "congres", "forum", "beurs",
	"beurzen", NULL};
static const char *const taking_part[] = {"deelname", "deelnemen", "deelgenomen", "deel",
	"bezocht", "bezoek", "bezoeken", "aanwezig", "sprak", "spreker", "bijgewoond",
	"bijwonen", "woonde", "woonden", "vertegenwoordigd", "namens", NULL};
static const char *const visitor_nouns[] = {"delegatie", "gasten", "groep", "bezoekers",
	"inwoners", "gezelschap", "vertegenwoordigers", "bestuurders", "burgemeesters", NULL};
static const char *const come_verbs[] = {"komt", "komen", "kwam", "kwamen", "gekomen", NULL};
static const char *const welcome_verbs[] = {"ontving", "ontvingen", "ontvangt", "ontvangen",
	"ontvangst", "verwelkomd", "verwelkomde", "verwelkomt", "onthaald", NULL};
const char *const pr_past_words[] = {"was", "waren", "werd", "werden", "had", "hadden",
	"bracht", "brachten", "bezocht", "bezochten", "reisde", "reisden", "ging", "gingen",
	"vertrok", "vertrokken", "kwam", "kwamen", "ontving", "ontvingen", "nam", "namen",
	"sprak", "maakte", "maakten", "vond", "vonden", "hield", "vloog", "vlogen", "geweest",
	"gebracht", "gemaakt", "ondernomen", "afgereisd", "gereisd", "afgelopen", "vorige",
	"vorig", "jl", "onlangs", "eerder", "kostte", "kostten", "verbleef", "verbleven",
	"ontvangen", "bezochten", "werden", "vierde", "tekende", "ondertekend", "getekend",
	"gevierd", "begon", "startte", "landde", "overhandigde", "leidde", NULL};
const char *const pr_future_words[] = {"zal", "zullen", "gepland", "voorgenomen",
	"volgende", "komende", "aanstaande", "as", "binnenkort", NULL};
/* Present-tense verbs of a trip: announced, or under way when the text says
 * so ("nu", "vandaag", "tot zondag") */
const char *const pr_present_words[] = {"is", "zijn", "gaat", "gaan", "brengt", "brengen",
	"bezoekt", "reist", "vertrekt", "vertrekken", "neemt", "nemen", "leidt", "staat", "komt",
	"komen", "verblijft", "organiseert", "ontvangt", "verwelkomt", NULL};
static const char *const ongoing_words[] = {"vandaag", "vanmorgen", "vanochtend", "momenteel",
	"nu", "tot", NULL};
const char *const pr_cancel_words[] = {"afgelast", "geannuleerd", "afgezegd", "afzeggen",
	"annuleren", "afgeblazen", "uitgesteld", "verplaatst", "verplaatsen", NULL};
const char *const pr_anaphors[] = {"bezoek", "reis", "missie", "handelsmissie",
	"werkbezoek", "trip", "delegatie", "dienstreis", "studiereis", "handelsreis",
	"excursie", "tripje", NULL};
static const char *const first_person[] = {"ik", "wij", "we", "mijn", "ons", "onze", NULL};
/* Words for our own kind of body acting, without a name. */
static const char *const own_offices[] = {"burgemeester", "wethouder", "wethouders",
	"college", "gedeputeerde", "gedeputeerden", "commissaris", "cvdk", "cdk", "dijkgraaf",
	"hoogheemraden", "minister", "ministers", "staatssecretaris", "minister-president",
	"bestuurders", "afgevaardigden", "collegeleden", NULL};
/* Travellers who make a trip not the body's. */
static const char *const other_travellers[] = {"koning", "koningin", "koninklijk",
	"kabinet", "kamerleden", "kamerlid", "raadsleden", "fractie", NULL};
static const char *const habit_words[] = {"jaarlijks", "regelmatig",
	"doorgaans", "gewoonlijk", "telkens", NULL};
/* "Schriftelijke vragen … van het Statenlid X over de reis van een
 * delegatie": X asks */
const char *const pr_question_words[] = {"vragen", "vraag", "schriftelijke", "stelde",
	"stelden", "gesteld", "vroeg", "vroegen", NULL};
const char *const pr_delegation_words[] = {"delegatie", "gezelschap", "deel", "mee",
	"reisden", "reisde", "delegatieleider", "reisgezelschap", NULL};

/* Words before those who go along: "samen met", "vergezeld door". */
static const char *const along_words[] = {"samen", "vergezeld", "begeleid", NULL};

/* Offices a visiting delegation is led by. */
const char *const pr_foreign_offices[] = {"president", "vicepresident", "premier",
	"minister", "viceminister", "gouverneur", "burgemeester", "koning", "koningin",
	"partijsecretaris", "ambassadeur", "delegatie", NULL};
/* Words that make the one after them a host, not a traveller. */
static const char *const host_cues[] = {"door", "van", "met", "bij", "tegen", NULL};

bool pr_in_list(const char *const *l, const char *w)
{
	for (; *l; l++)
		if (!strcmp(*l, w))
			return true;
	return false;
}

const trig *pr_trig_at(const rr_words *ws, size_t i)
{
	if (i >= ws->count || ws->w[i].kind != RR_W_WORD)
		return NULL;
	const char *f = rr_wfold(ws, i);
	for (size_t k = 0; k < sizeof trigs / sizeof trigs[0]; k++)
		if (!strcmp(trigs[k].w, f))
			return &trigs[k];
	/* "economische missie", "EMA-conferentie" */
	if (!strcmp(f, "missie") || !strcmp(f, "missies"))
		return NULL;
	return NULL;
}

bool pr_word_in(const imp_read *r, size_t a, size_t b, const char *const *l)
{
	for (size_t k = a; k < b && k < r->ws.count; k++)
		if (r->ws.w[k].kind == RR_W_WORD && pr_in_list(l, rr_wfold(&r->ws, k)))
			return true;
	return false;
}

/* The King's people, a fraction or the cabinet among words [a, b): a trip
 * that is not the body's. The King of "Commissaris van de Koning" is part
 * of the office of the province's own governor. */
static bool other_travellers_in(const imp_read *r, size_t a, size_t b)
{
	const rr_words *ws = &r->ws;
	for (size_t k = a; k < b && k < ws->count; k++) {
		if (ws->w[k].kind != RR_W_WORD || !pr_in_list(other_travellers, rr_wfold(ws, k)))
			continue;
		if (k >= 3 && rr_wis(ws, k - 1, "de") && rr_wis(ws, k - 2, "van") &&
		    (rr_wis(ws, k - 3, "commissaris") || rr_wis(ws, k - 3, "commissarissen")))
			continue;
		return true;
	}
	return false;
}

/* ---- frames ---- */

bool pr_is_place_word(const imp_read *r, size_t k, const imp_pm **pm)
{
	for (size_t i = 0; i < r->pms.n; i++)
		if (k >= r->pms.v[i].w0 && k < r->pms.v[i].w1) {
			*pm = &r->pms.v[i];
			return true;
		}
	return false;
}

/* Places of the sentence after the trigger, attached by a preposition
 * (into or from), up to the sentence end or the next trigger of another
 * trip. List continuations (", Milaan", "en Washington", ": Venetië,
 * Treviso") stay attached. */
/* Nouns for the body's partner, written without its name: "aan de Chinese
 * partnerregio", "naar de zusterstad". */
const char *const pr_partner_nouns[] = {"partnerregio", "zusterstad", "zusterprovincie",
	"partnerstad", "partnergemeente", "zustergemeente", "partnerprovincie", NULL};

/* "deze Chinese provincie", "die Duitse stad": a demonstrative, a country
 * adjective and a noun of the partner's kind point back to the partner. */
static bool back_to_partner(const imp_read *r, const imp_pm *the_partner, size_t k)
{
	const rr_words *ws = &r->ws;
	const imp_pm *adj = NULL;
	bool region = rr_wis(ws, k, "provincie") || rr_wis(ws, k, "regio") ||
		      rr_wis(ws, k, "deelstaat");
	bool city = rr_wis(ws, k, "stad") || rr_wis(ws, k, "gemeente");
	/* "een bezoek aan de Chinese stad": the definite article points back too */
	if (k < 2 || !(region || city) || !pr_is_place_word(r, k - 1, &adj) || !adj->adjective ||
	    !(rr_wis(ws, k - 2, "deze") || rr_wis(ws, k - 2, "die") || rr_wis(ws, k - 2, "dit") ||
	      rr_wis(ws, k - 2, "de")))
		return false;
	if (strcmp(adj->p.country, the_partner->p.country) || the_partner->home)
		return false;
	return region ? the_partner->p.kind == RR_PLACE_REGION : the_partner->p.kind == RR_PLACE_CITY;
}

static void attached(const imp_read *r, const imp_pm *the_partner, size_t from, size_t s1,
		     const char *const *preps, const imp_pm **out, size_t *n, size_t max,
		     bool direct)
{
	const rr_words *ws = &r->ws;
	bool on = direct;
	size_t since = 0;

	for (size_t k = from; k < s1 && *n < max; k++) {
		const imp_pm *pm;
		/* "de Chinese partnerregio" with no name after it: the partner the
		 * document speaks of, when its country agrees; "naar deze Chinese
		 * provincie": a place noun pointing back, with the partner's country
		 * and kind */
		if (on && the_partner && ws->w[k].kind == RR_W_WORD &&
		    (pr_in_list(pr_partner_nouns, rr_wfold(ws, k)) || back_to_partner(r, the_partner, k)) &&
		    !pr_is_place_word(r, k + 1, &pm)) {
			const imp_pm *adj = NULL;
			if (k > 0 && pr_is_place_word(r, k - 1, &adj) && !adj->adjective)
				adj = NULL;
			if (!adj || !strcmp(adj->p.country, the_partner->p.country)) {
				bool dup = false;
				for (size_t i = 0; i < *n; i++)
					dup |= out[i] == the_partner;
				if (!dup)
					out[(*n)++] = the_partner;
			}
			continue;
		}
		/* not the particle of a verb: "hun vleugels uit te slaan in China" */
		if (ws->w[k].kind == RR_W_WORD && pr_in_list(preps, rr_wfold(ws, k)) &&
		    !(k + 1 < s1 && rr_wis(ws, k + 1, "te"))) {
			on = true;
			since = 0;
			continue;
		}
		if (pr_is_place_word(r, k, &pm)) {
			/* "een vertegenwoordiger van de Guangzhou Award": whose, not
			 * where to */
			bool of = (k >= 1 && rr_wis(ws, k - 1, "van")) ||
				  (k >= 2 && rr_wis(ws, k - 2, "van") &&
				   (rr_wis(ws, k - 1, "de") || rr_wis(ws, k - 1, "het")));
			if (of && preps != from_preps) {
				k = pm->w1 - 1;
				on = false;
				continue;
			}
			if (on || (since <= 2 && *n)) {
				bool dup = false;
				for (size_t i = 0; i < *n; i++)
					if (out[i] == pm)
						dup = true;
				if (!dup && !pm->adjective)
					out[(*n)++] = pm;
				on = true;
				since = 0;
			}
			k = pm->w1 - 1;
			continue;
		}
		if (ws->w[k].kind == RR_W_PUNCT && (ws->w[k].mark == ',' || ws->w[k].mark == ':')) {
			since = 0;
			continue;
		}
		if (rr_wis(ws, k, "en") || rr_wis(ws, k, "de") || rr_wis(ws, k, "het") ||
		    rr_wis(ws, k, "o") || rr_wmark(ws, k, '.')) {
			continue;
		}
		/* a place noun or an adjective before a place: "de Chinese
		 * zusterstad", "de stad" */
		if (ws->w[k].kind == RR_W_WORD && k + 1 < s1) {
			since++;
			if (since > 3)
				on = false;
			continue;
		}
		since++;
		if (since > 3)
			on = false;
	}
}

bool pr_foreign(const imp_pm *p)
{
	return !p->home;
}

/* The people of the sentence: who travels and who receives. */
void pr_travellers(const imp_read *r, frame *f, bool want_foreign)
{
	const rr_words *ws = &r->ws;
	for (size_t i = 0; i < r->np && f->ntrav < MAX_TRAV; i++) {
		const imp_person *p = &r->pp[i];
		if (p->w0 < f->s0 || p->w0 >= f->s1)
			continue;
		/* "onder leiding van X", "o.l.v. X": X leads the travellers */
		bool leads = p->w0 >= 2 && (rr_wis(ws, p->w0 - 2, "leiding") ||
					    rr_wis(ws, p->w0 - 2, "aanvoering") ||
					    (rr_wis(ws, p->w0 - 1, "v") && rr_wis(ws, p->w0 - 3, "l")));
		/* "ontvangen door X", "op uitnodiging van X", "met X gesproken";
		 * "ondernomen door X" is X's trip */
		bool host = !leads && p->w0 > f->s0 && ws->w[p->w0 - 1].kind == RR_W_WORD &&
			    pr_in_list(host_cues, rr_wfold(ws, p->w0 - 1));
		if (host && rr_wis(ws, p->w0 - 1, "door"))
			host = pr_word_in(r, p->w0 > f->s0 + 4 ? p->w0 - 4 : f->s0, p->w0, welcome_verbs);
		/* "samen met wethouder X": X goes along */
		if (host && rr_wis(ws, p->w0 - 1, "met") && p->w0 >= f->s0 + 2 &&
		    rr_wis(ws, p->w0 - 2, "samen"))
			host = false;
		if (host)
			continue;
		if (leads && p->side != IMP_SIDE_OTHER) {
			f->trav[f->ntrav++] = p;
			continue;
		}
		/* "samen met wethouder X, Co Lieverse (voorzitter Stichting …)":
		 * someone of no known body who goes along with the body's people */
		bool along = !want_foreign && p->side == IMP_SIDE_UNKNOWN && p->role[0] &&
			     ((f->ntrav > 0 && pr_word_in(r, f->s0, p->w0, along_words)) ||
			      pr_word_in(r, f->s0, f->s1, pr_delegation_words));
		if (!along && (want_foreign ? p->side != IMP_SIDE_FOREIGN && !(p->side == IMP_SIDE_UNKNOWN)
				 : p->side != IMP_SIDE_OURS))
			continue;
		if (want_foreign && p->side == IMP_SIDE_UNKNOWN && !p->role[0])
			continue;
		/* a council or States member asks questions; travels only as one
		 * of a delegation */
		if ((!strcmp(p->role, "raadslid") || !strcmp(p->role, "statenlid")) &&
		    (!pr_word_in(r, f->s0, f->s1, pr_delegation_words) ||
		     pr_word_in(r, f->s0, f->s1, pr_question_words)))
			continue;
		f->trav[f->ntrav++] = p;
	}
}

/* A date that belongs to a paper, not a journey: "conform GS besluit van 12
 * september 2017", "het verzoek van de commissie van 21 juni", "de brief
 * d.d. 3 mei". */
bool pr_paper_date(const rr_words *ws, size_t w0, size_t a)
{
	static const char *const papers[] = {"besluit", "brief", "verzoek", "vergadering",
		"motie", "commissie", "raadsvoorstel", "statenvoorstel", "kamerbrief",
		"raadsinformatiebrief", "statenbrief", "vragen", "antwoord", "antwoorden", "beantwoording",
		"dd", "d.d", "gedateerd", "ingediend", "ingekomen", "verzonden", "zitting", NULL};
	/* "sinds 2007" dates a state (a relation, an office), not a journey */
	if (rr_wis(ws, w0, "sinds") || (w0 > 0 && rr_wis(ws, w0 - 1, "sinds")))
		return true;
	if (w0 == 0 || w0 <= a)
		return false;
	size_t k = w0 - 1;
	if (rr_wmark(ws, k, '.') && k > a)
		k--; /* "d.d." */
	if (pr_in_list(papers, rr_wfold(ws, k)))
		return true;
	if (!rr_wis(ws, k, "van"))
		return false;
	for (size_t q = k; q-- > a && q + 5 > k;)
		if (ws->w[q].kind == RR_W_WORD && pr_in_list(papers, rr_wfold(ws, q)))
			return true;
	return false;
}

/* The date of words [a, b) that belongs to the trip word at w: the most
 * precise, a range before a single day, the nearest of equals. */
const imp_date_m *pr_best_date(const imp_read *r, size_t a, size_t b, size_t w)
{
	const imp_date_m *best = NULL;
	long best_score = 0;
	for (size_t i = 0; i < r->nd; i++) {
		const imp_date_m *d = &r->dm[i];
		if (d->w0 < a || d->w0 >= b || pr_paper_date(&r->ws, d->w0, a))
			continue;
		size_t dist = d->w0 > w ? d->w0 - w : w - d->w0;
		long score = (long)d->d.start.prec * 100 + (d->d.end.prec ? 50 : 0) - (long)dist;
		if (!best || score > best_score) {
			best = d;
			best_score = score;
		}
	}
	return best;
}

/* "twee keer", "tweemaal", "drie maal" */
static int times_in(const imp_read *r, size_t a, size_t b)
{
	const rr_words *ws = &r->ws;
	for (size_t k = a; k + 1 < b; k++) {
		long n = rr_number_word(rr_wfold(ws, k));
		if (n >= 2 && n <= 12 && (rr_wis(ws, k + 1, "keer") || rr_wis(ws, k + 1, "maal")))
			return (int)n;
		if (rr_wis(ws, k, "tweemaal"))
			return 2;
		if (rr_wis(ws, k, "driemaal"))
			return 3;
	}
	return 1;
}

/* Is the word one of the body's kind of offices, said without a name
 * ("de burgemeester", "het college")? */
static bool own_office_words(const imp_read *r, size_t a, size_t b)
{
	const rr_words *ws = &r->ws;
	for (size_t k = a; k < b; k++) {
		if (ws->w[k].kind != RR_W_WORD || !pr_in_list(own_offices, rr_wfold(ws, k)) || r->mask[k])
			continue;
		/* "de burgemeester van Rotterdam" is someone else's */
		if (k + 1 < b && rr_wis(ws, k + 1, "van"))
			continue;
		/* "burgemeesters uit andere landen" */
		if (k + 1 < b && rr_wis(ws, k + 1, "uit"))
			continue;
		bool ok = true;
		for (size_t i = 0; i < r->np; i++)
			if (k >= r->pp[i].w0 && k < r->pp[i].w1 && r->pp[i].side != IMP_SIDE_OURS)
				ok = false;
		if (ok)
			return true;
	}
	return false;
}

/* Does the sentence name the body itself ("de provincie Groningen",
 * "Flevoland", "namens de gemeente") as a party? */
bool pr_names_us(const imp_read *r, size_t a, size_t b)
{
	for (size_t i = 0; i < r->pms.n; i++) {
		const imp_pm *m = &r->pms.v[i];
		if (m->w0 >= a && m->w0 < b && m->ours)
			return true;
	}
	return false;
}

static bool in_date(const imp_read *r, size_t k)
{
	for (size_t i = 0; i < r->nd; i++)
		if (k >= r->dm[i].w0 && k < r->dm[i].w1)
			return true;
	return false;
}

static const char *status_of(const imp_read *r, const frame *f, const rr_date *doc)
{
	size_t a = f->c0, b = f->c1 ? f->c1 : f->s1;
	if (pr_word_in(r, a, b, pr_cancel_words))
		return "cancelled";
	/* "ging niet door", "is niet doorgegaan"; not "niet door het college
	 * ingelicht" */
	for (size_t k = a; k + 1 < b; k++)
		if (rr_wis(&r->ws, k, "niet") &&
		    ((rr_wis(&r->ws, k + 1, "door") &&
		      (k + 2 >= b || r->ws.w[k + 2].kind == RR_W_PUNCT || rr_wis(&r->ws, k + 2, "wegens") ||
		       rr_wis(&r->ws, k + 2, "vanwege") || rr_wis(&r->ws, k + 2, "gegaan"))) ||
		     rr_wis(&r->ws, k + 1, "doorgegaan")))
			return "cancelled";
	/* dates against the document's own date (a year taken from a document
	 * dated only by its year says nothing of before or after) */
	if (f->date && doc && doc->prec && (!f->date->d.yearless || doc->prec >= RR_PREC_MONTH)) {
		const rr_date *end = f->date->d.end.prec ? &f->date->d.end : &f->date->d.start;
		if (rr_date_last(end) < rr_date_first(doc))
			return "completed";
		if (rr_date_first(&f->date->d.start) > rr_date_last(doc))
			return "approved";
	}
	/* "de voorgenomen reis", "de geplande missie"; "de afgelopen reis" */
	static const char *const planned_adj[] = {"voorgenomen", "geplande", "komende", "aanstaande",
		"beoogde", "toekomstige", NULL};
	static const char *const past_adj[] = {"afgelopen", "vorige", "recente", "eerdere", NULL};
	for (size_t k = f->trig_w > f->s0 + 2 ? f->trig_w - 2 : f->s0; k < f->trig_w; k++) {
		if (pr_in_list(planned_adj, rr_wfold(&r->ws, k)))
			return "approved";
		if (pr_in_list(past_adj, rr_wfold(&r->ws, k)))
			return "completed";
	}
	bool past = false, future = false, present = false, ongoing = false;
	for (size_t i = 0; i <= f->nco; i++) {
		size_t x = i ? f->co[i - 1][0] : f->s0, y = i ? f->co[i - 1][1] : f->s1;
		past |= pr_word_in(r, x, y, pr_past_words);
		future |= pr_word_in(r, x, y, pr_future_words);
		present |= pr_word_in(r, x, y, pr_present_words);
		/* "tot zondag", but not the "tot" of "8 tot 10 juni" */
		for (size_t k = x; k < y; k++)
			if (r->ws.w[k].kind == RR_W_WORD && pr_in_list(ongoing_words, rr_wfold(&r->ws, k)) &&
			    !in_date(r, k))
				ongoing = true;
	}
	(void)a;
	(void)b;
	if (future && !past)
		return "approved";
	if (past)
		return "completed";
	if (!f->date && pr_coming(r, f))
		return "approved";
	/* the present tense of news is mostly now, rarely an announcement:
	 * without a date or a word of the future it says nothing */
	/* but a date with it announces: "is van 22 tot en met 25 november op
	 * handelsmissie in Indonesië" */
	if (present && f->date && !ongoing && !(doc && doc->prec >= RR_PREC_MONTH))
		return "approved"; /* (dated news in the trip's month tells it under way) */
	/* "gaan … naar China", "vertrekt naar": going somewhere is still to
	 * come, unless the text says it is under way now */
	if (present && !f->date && !ongoing && pr_going(r, f))
		return "approved";
	(void)ongoing;
	return NULL;
}

/* ---- building items ---- */

static void set_place(json_t *o, const imp_pm *m)
{
	const char *nm = m->p.name_nl ? m->p.name_nl : m->p.name;
	json_object_set_new(o, "country", json_string(m->p.country));
	if (m->p.kind == RR_PLACE_CITY)
		json_object_set_new(o, "city", json_string(nm));
	else if (m->p.kind == RR_PLACE_REGION)
		json_object_set_new(o, "region", json_string(nm));
	else if (imp_city_state(m->p.country))
		json_object_set_new(o, "city", json_string(imp_city_state(m->p.country)));
	if (m->p.has_coords && m->p.kind != RR_PLACE_COUNTRY) {
		json_object_set_new(o, "lat", json_real(m->p.lat));
		json_object_set_new(o, "lon", json_real(m->p.lon));
	}
}

static json_t *dest_array(const imp_pm *const *d, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		bool covered = false;
		/* a country alone when a place in it is named too says nothing more */
		if (d[i]->p.kind == RR_PLACE_COUNTRY)
			for (size_t k = 0; k < n; k++)
				if (k != i && d[k]->p.kind != RR_PLACE_COUNTRY &&
				    !strcmp(d[k]->p.country, d[i]->p.country))
					covered = true;
		/* a region with a city of it named: the city */
		if (d[i]->p.kind == RR_PLACE_REGION)
			for (size_t k = 0; k < n; k++)
				if (k != i && d[k]->p.kind == RR_PLACE_CITY &&
				    !strcmp(d[k]->p.country, d[i]->p.country) && d[k]->p.region &&
				    (!strcmp(d[k]->p.region, d[i]->p.name) ||
				     (d[i]->p.name_nl && !strcmp(d[k]->p.region, d[i]->p.name_nl))))
					covered = true;
		if (covered)
			continue;
		json_t *o = json_object();
		set_place(o, d[i]);
		json_array_append_new(arr, o);
	}
	return arr;
}

/* Is the date a season ("voorjaar 2024", "in de zomer van 2019")? */
static bool season(const imp_read *r, const imp_date_m *d)
{
	static const char *const seasons[] = {"voorjaar", "lente", "zomer", "najaar", "herfst",
		"winter", NULL};
	return pr_word_in(r, d->w0, d->w1, seasons);
}

static rr_err emit(const imp_read *r, imp_analysis *a, const frame *f, const imp_pm *only,
		   const rr_date *doc, size_t group)
{
	const char *t = r->ws.text;
	imp_item it;
	rr_err e;
	char title[200];

	if ((e = imp_item_init(&it)))
		return e;
	it.line = imp_lineno(t, r->ws.w[f->s0].off);
	it.prose = true;
	it.group = group;
	it.plural = f->tg && f->tg->plural;
	it.another = f->another;
	it.this_year = f->this_year && !pr_word_in(r, f->s0, f->s1, pr_future_words);
	if (f->org)
		snprintf(it.org, sizeof it.org, "%s", f->org);
	json_object_set_new(it.trip, "direction", json_string(f->dir > 0 ? "out" : "in"));
	if (f->tg && f->tg->kind && !f->kind_open)
		json_object_set_new(it.trip, "kind", json_string(f->tg->kind));
	if (f->dir > 0) {
		json_t *d = only ? dest_array(&only, 1) : dest_array(f->dest, f->ndest);
		json_object_set_new(it.trip, "destinations", d);
		for (size_t i = 0; i < f->ndest; i++)
			if (!only || f->dest[i] == only)
				imp_span(&it, "destinations", f->dest[i]->off, f->dest[i]->end);
	} else {
		json_t *d = json_array(), *o = json_object();
		json_object_set_new(o, "country", json_string("NL"));
		if (r->c->body->place[0] && !strcmp(r->c->body->kind, "municipality"))
			json_object_set_new(o, "city", json_string(r->c->body->place));
		json_array_append_new(d, o);
		json_object_set_new(it.trip, "destinations", d);
		if (f->origin) {
			json_t *org = json_object();
			if (f->origin_country)
				json_object_set_new(org, "country", json_string(f->origin->p.country));
			else
				set_place(org, f->origin);
			json_object_set_new(it.trip, "origin", org);
			imp_span(&it, "origin", f->origin->off, f->origin->end);
		}
	}
	/* "werkbezoeken aan Luxemburg (2007) en Linz (2009)": each place its
	 * own date in brackets */
	const imp_date_m *dt = f->date;
	if (only && rr_wmark(&r->ws, only->w1, '(')) {
		for (size_t i = 0; i < r->nd; i++)
			if (r->dm[i].w0 == only->w1 + 1 && rr_wmark(&r->ws, r->dm[i].w1, ')'))
				dt = &r->dm[i];
	}
	if (dt && season(r, dt)) {
		/* "in het voorjaar van 2024": a season names no months, the year */
		rr_date y = dt->d.start;
		y.prec = RR_PREC_YEAR;
		imp_set_dates(it.trip, "start", "end", &y, &y);
		imp_span(&it, "start", dt->d.off, dt->d.off + dt->d.len);
	} else if (dt) {
		imp_set_dates(it.trip, "start", "end", &dt->d.start, &dt->d.end);
		imp_span(&it, "start", dt->d.off, dt->d.off + dt->d.len);
	} else if (doc && doc->prec && pr_told_now(r, f)) {
		/* "De wethouder leidt een handelsreis in Zuid-Duitsland": a trip
		 * under way as the dated text is written is in its year */
		rr_date y = *doc;
		y.prec = RR_PREC_YEAR;
		imp_set_dates(it.trip, "start", "end", &y, &y);
	}
	if (f->ntrav) {
		json_t *arr = json_array();
		for (size_t i = 0; i < f->ntrav; i++) {
			imp_traveller_add(arr, f->trav[i]);
			imp_span(&it, "travellers", f->trav[i]->off, f->trav[i]->off + f->trav[i]->len);
		}
		json_object_set_new(it.trip, "travellers", arr);
		const char *sp = strrchr(f->trav[0]->name, ' ');
		imp_copy(it.person, sizeof it.person, sp ? sp + 1 : f->trav[0]->name, 0, strlen(sp ? sp + 1 : f->trav[0]->name));
	}
	if (f->officials >= 0 && f->dir > 0) {
		json_object_set_new(it.trip, "accompanying_officials", json_integer(f->officials));
		imp_span(&it, "accompanying_officials", r->ws.w[f->off_w0].off,
			 r->ws.w[f->off_w1 - 1].off + r->ws.w[f->off_w1 - 1].len);
	}
	if (f->has_cost && !only) {
		json_t *costs = json_array(), *c = json_object();
		json_object_set_new(c, "category", json_string("totaal"));
		json_object_set_new(c, "amount_eur", json_real((double)f->cost.cents / 100.0));
		json_object_set_new(c, "kind", json_string("actual"));
		if (f->pay_e > f->pay_s)
			json_object_set_new(c, "paid_by", json_stringn(t + f->pay_s, f->pay_e - f->pay_s));
		json_array_append_new(costs, c);
		json_object_set_new(it.trip, "costs", costs);
		imp_span(&it, "costs", f->cost.off, f->cost.off + f->cost.len);
	} else if (f->pay_e > f->pay_s) {
		json_t *costs = json_array(), *c = json_object();
		json_object_set_new(c, "category", json_string("reis en verblijf"));
		json_object_set_new(c, "kind", json_string("actual"));
		json_object_set_new(c, "paid_by", json_stringn(t + f->pay_s, f->pay_e - f->pay_s));
		json_array_append_new(costs, c);
		json_object_set_new(it.trip, "costs", costs);
		imp_span(&it, "costs", f->pay_s, f->pay_e);
	}
	{
		char cp[120];
		if (f->counterpart[0])
			json_object_set_new(it.trip, "counterpart", json_string(f->counterpart));
		else if (pr_host_place(r, f, only, cp, sizeof cp))
			json_object_set_new(it.trip, "counterpart", json_string(cp));
	}
	const char *st = f->status ? f->status : status_of(r, f, doc);
	if (st)
		json_object_set_new(it.trip, "status", json_string(st));
	if (st && !strcmp(st, "cancelled")) {
		/* the reason: "wegens de lockdown", "vanwege het coronavirus" */
		json_t *c = json_object();
		size_t a0 = f->c0 ? f->c0 : f->s0, b0 = f->c1 ? f->c1 : f->s1, rs = 0, re = 0;
		for (size_t k = a0; k < b0 && !re; k++)
			if (rr_wis(&r->ws, k, "wegens") || rr_wis(&r->ws, k, "vanwege") ||
			    (rr_wis(&r->ws, k, "verband") && k > a0 && rr_wis(&r->ws, k - 1, "in") &&
			     rr_wis(&r->ws, k + 1, "met") && k++)) {
				size_t se = rr_wsent_end(&r->ws, k);
				if (se > k + 1 && se <= b0 + 1) {
					rs = r->ws.w[k + 1].off;
					re = r->ws.w[se - 1].off + r->ws.w[se - 1].len;
					while (re > rs && (t[re - 1] == '.' || t[re - 1] == ','))
						re--;
				}
			}
		if (re > rs && re - rs < 200) {
			/* "de lockdown": without its article */
			if (re - rs > 3 && (!strncmp(t + rs, "de ", 3)))
				rs += 3;
			else if (re - rs > 4 && !strncmp(t + rs, "het ", 4))
				rs += 4;
			json_object_set_new(c, "reason", json_stringn(t + rs, re - rs));
			imp_span(&it, "cancellation", rs, re);
		} else {
			json_object_set_new(c, "reason", json_string("afgelast of afgezegd (zie de bron)"));
		}
		json_object_set_new(it.trip, "cancellation", c);
		/* its dates were the plan */
		if (json_object_get(it.trip, "start") && !json_object_get(it.trip, "planned_start")) {
			json_object_set(it.trip, "planned_start", json_object_get(it.trip, "start"));
			if (json_object_get(it.trip, "end"))
				json_object_set(it.trip, "planned_end", json_object_get(it.trip, "end"));
		}
	}
	/* title: the sentence, cut at a word */
	{
		size_t s = r->ws.w[f->s0].off, e2 = r->ws.w[f->s1 - 1].off + r->ws.w[f->s1 - 1].len;
		imp_copy(title, sizeof title, t, s, e2);
		if (strlen(title) > 150) {
			/* cut at the last space before 150 bytes, and say so */
			size_t cut = 150;
			while (cut > 80 && title[cut] != ' ')
				cut--;
			snprintf(title + cut, sizeof title - cut, " …");
		}
		json_object_set_new(it.trip, "title", json_string(title));
		imp_span(&it, "title", s, e2);
	}
	return imp_push_item(a, &it);
}

/* One sentence [s0, s1): zero or more frames. */
typedef struct frames {
	frame *v;
	size_t n, cap;
} frames;

static rr_err push_frame(frames *fs, const frame *f)
{
	if (fs->n >= 2000)
		return RR_ETOOBIG;
	if (fs->n == fs->cap) {
		size_t nc = fs->cap ? fs->cap * 2 : 16;
		frame *nv = realloc(fs->v, nc * sizeof *nv);
		if (!nv)
			return RR_ENOMEM;
		fs->v = nv;
		fs->cap = nc;
	}
	fs->v[fs->n++] = *f;
	return RR_OK;
}

/* A line that is only a person heads the trips under it: "Burgemeester
 * Cohen:", "Wethouder Kokke:". */
static const imp_person *heading_person(const imp_read *r, size_t s0, size_t s1)
{
	for (size_t i = 0; i < r->np; i++) {
		const imp_person *p = &r->pp[i];
		if (p->w0 != s0 || p->side == IMP_SIDE_FOREIGN || !p->role[0])
			continue;
		if (p->w1 == s1 || (p->w1 + 1 == s1 && rr_wmark(&r->ws, p->w1, ':')))
			return p;
	}
	return NULL;
}

/* The date of a sentence just before s0 (up to three back) that speaks of
 * trips in general and names no place: "de missies die plaatsvonden in de
 * eerste helft van 2017" dates the list of missions that follows. */
static const imp_date_m *date_before(const imp_read *r, size_t s0, const char *cc,
				      const trig **kind)
{
	const rr_words *ws = &r->ws;
	for (int back = 0; back < 3 && s0 > 0; back++) {
		size_t p1 = s0, p0 = rr_wsent_start(ws, s0 - 1);
		bool trips = false, places = false;
		for (size_t k = p0; k < p1; k++)
			if (pr_trig_at(ws, k))
				trips = true;
		/* places of another country: another trip ("… op handelsmissie in
		 * Indonesië. De delegatie bezoekt Semarang" is one) */
		for (size_t i = 0; i < r->pms.n; i++)
			if (r->pms.v[i].w0 >= p0 && r->pms.v[i].w0 < p1 && !r->pms.v[i].adjective &&
			    !r->pms.v[i].home && !(cc && !strcmp(cc, r->pms.v[i].p.country)))
				places = true;
		const imp_date_m *d = pr_best_date(r, p0, p1, p1);
		if (trips && !places && d) {
			/* "… een handelsmissie die medio 2014 zal plaatsvinden. Dan
			 * zullen bedrijven naar Zhejiang reizen": that mission */
			for (size_t k = p0; k < d->w0 && kind; k++) {
				const trig *t = pr_trig_at(ws, k);
				if (t && t->kind)
					*kind = t; /* the trip word nearest before the date */
			}
			return d;
		}
		if (d)
			return NULL; /* another trip's date, or a date of something else */
		s0 = p0;
	}
	return NULL;
}

/* An office of another body: "de Staatssecretaris van Volksgezondheid",
 * "de burgemeester van Rotterdam" — the office word, then "van" and a name
 * that is not the body's. */
static bool other_office(const imp_read *r, size_t a, size_t b)
{
	const rr_words *ws = &r->ws;
	const imp_body *body = r->c->body;
	for (size_t k = a; k + 2 < b; k++) {
		if (ws->w[k].kind != RR_W_WORD || !pr_in_list(own_offices, rr_wfold(ws, k)) ||
		    !rr_wis(ws, k + 1, "van"))
			continue;
		size_t s = k + 2;
		while (s < b && (rr_wis(ws, s, "de") || rr_wis(ws, s, "het")))
			s++;
		if (s >= b || !(ws->w[s].flags & RR_W_CAP))
			continue;
		char x[240], y[240];
		size_t e = s;
		while (e < b && e < s + 6 && ws->w[e].kind == RR_W_WORD &&
		       ((ws->w[e].flags & RR_W_CAP) || rr_wis(ws, e, "en")))
			e++;
		rr_fold(ws->text + ws->w[s].off, ws->w[e - 1].off + ws->w[e - 1].len - ws->w[s].off,
			x, sizeof x);
		rr_fold(body->place, strlen(body->place), y, sizeof y);
		if (!y[0] || !strstr(x, y))
			return true;
	}
	return false;
}

bool pr_habitual(const rr_words *ws, size_t s0, size_t s1)
{
	for (size_t q = s0; q + 1 < s1; q++) {
		if (rr_wis(ws, q, "eens") && rr_wis(ws, q + 1, "per"))
			return true;
		if ((rr_wis(ws, q, "elk") || rr_wis(ws, q, "ieder") || rr_wis(ws, q, "elke") ||
		     rr_wis(ws, q, "iedere")) &&
		    (rr_wis(ws, q + 1, "jaar") || rr_wis(ws, q + 1, "voorjaar") ||
		     rr_wis(ws, q + 1, "najaar") || rr_wis(ws, q + 1, "keer")))
			return true;
		if (rr_wis(ws, q, "om") && q + 3 < s1 && rr_wis(ws, q + 1, "de") &&
		    (rr_wis(ws, q + 3, "jaar") || rr_wis(ws, q + 2, "jaar")))
			return true;
	}
	return false;
}

/* Do words [a, b) call missions economic ("economische missie",
 * "handelsmissie")? Then a bare "missie" that follows is one too: "de
 * rapportage over de economische missies … De rapportage gaat in op de
 * volgende uitgaande missies: …". */
static bool speaks_of_trade_missions(const rr_words *ws, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++) {
		if (ws->w[k].kind != RR_W_WORD)
			continue;
		const char *f = rr_wfold(ws, k);
		if (!strcmp(f, "handelsmissie") || !strcmp(f, "handelsmissies") ||
		    ((!strcmp(f, "missie") || !strcmp(f, "missies")) && k > 0 &&
		     rr_wis(ws, k - 1, "economische")))
			return true;
	}
	return false;
}

/* "De gedeputeerde bezocht Chili niet", "is nooit naar … geweest": no trip.
 * Not "niet alleen … maar ook", "niet voor het eerst", nor "ging niet
 * door" (called off, see status_of). */
bool pr_negated(const rr_words *ws, size_t s0, size_t s1)
{
	for (size_t k = s0; k < s1; k++) {
		/* "een bezoek … ontbrak nog": there was none */
		if (rr_wis(ws, k, "ontbrak") || rr_wis(ws, k, "ontbreekt") || rr_wis(ws, k, "ontbraken"))
			return true;
		if (!rr_wis(ws, k, "niet") && !rr_wis(ws, k, "nooit"))
			continue;
		if (k + 1 < s1 && (rr_wis(ws, k + 1, "alleen") || rr_wis(ws, k + 1, "door") ||
				   rr_wis(ws, k + 1, "doorgegaan") || rr_wis(ws, k + 1, "voor") ||
				   rr_wis(ws, k + 1, "de") || rr_wis(ws, k + 1, "het") ||
				   rr_wis(ws, k + 1, "eerder") || rr_wis(ws, k + 1, "zozeer")))
			continue;
		return true;
	}
	return false;
}

/* The one foreign place (not an adjective) of the sentence right before
 * s0 in the same paragraph, or NULL when it names none, or several, or a
 * place of ours. */
static const imp_pm *place_just_before(const imp_read *r, size_t s0)
{
	const rr_words *ws = &r->ws;
	const imp_pm *one = NULL;
	if (!s0 || (ws->w[s0].flags & RR_W_PARA))
		return NULL;
	size_t p0 = rr_wsent_start(ws, s0 - 1);
	for (size_t i = 0; i < r->pms.n; i++) {
		const imp_pm *m = &r->pms.v[i];
		if (m->w0 < p0 || m->w0 >= s0 || m->adjective)
			continue;
		if (!pr_foreign(m) || (one && one->p.id != m->p.id))
			return NULL;
		one = m;
	}
	return one;
}

/* "de Chinezen", "de Duitsers": the people of a country, as the subject
 * before word k (a country's adjective that is a plural noun). */
static const imp_pm *demonym_before(const imp_read *r, size_t s0, size_t k)
{
	const rr_words *ws = &r->ws;
	for (size_t i = 0; i < r->pms.n; i++) {
		const imp_pm *m = &r->pms.v[i];
		if (m->w0 < s0 || m->w0 >= k || !m->adjective || m->home || m->w1 != m->w0 + 1)
			continue;
		size_t len = ws->w[m->w0].len;
		char last = ws->text[ws->w[m->w0].off + len - 1];
		if (len < 5 || (last != 'n' && last != 's'))
			continue;
		if (m->w0 == s0 || (m->w0 == s0 + 1 && rr_wis(ws, s0, "de")))
			return m;
	}
	return NULL;
}

/* "een delegatie van de stad X", "een groep bestuurders van de Duitse
 * partnergemeente X": visitors named by the foreign town they are of. */
static const imp_pm *delegation_of(const imp_read *r, size_t s0, size_t s1)
{
	const rr_words *ws = &r->ws;
	static const char *const town_nouns[] = {"stad", "gemeente", "provincie", "regio",
		"deelstaat", "partnerstad", "zusterstad", "partnergemeente", "zusterprovincie",
		"partnerregio", NULL};
	for (size_t k = s0; k + 2 < s1; k++) {
		if (ws->w[k].kind != RR_W_WORD || !pr_in_list(visitor_nouns, rr_wfold(ws, k)) ||
		    !rr_wis(ws, k + 1, "van"))
			continue;
		size_t q = k + 2;
		const imp_pm *pm;
		if (q < s1 && (rr_wis(ws, q, "de") || rr_wis(ws, q, "het")))
			q++;
		if (q < s1 && pr_is_place_word(r, q, &pm) && pm->adjective)
			q = pm->w1;
		if (q < s1 && ws->w[q].kind == RR_W_WORD && pr_in_list(town_nouns, rr_wfold(ws, q)))
			q++;
		if (q < s1 && pr_is_place_word(r, q, &pm) && !pm->adjective && pr_foreign(pm))
			return pm;
	}
	return NULL;
}

static bool habit(const imp_read *r, size_t s0, size_t s1);

static rr_err sentence(const imp_read *r, const imp_analysis *a, size_t s0, size_t s1,
		       frames *fs, const imp_person *heading, const imp_pm *partner)
{
	const rr_words *ws = &r->ws;
	frame f;

	for (size_t k = s0; k < s1; k++) {
		const trig *tg = pr_trig_at(ws, k);
		if (!tg || r->used[k])
			continue;
		if (pr_in_list(event_words, tg->w) && !pr_word_in(r, s0, s1, taking_part))
			continue;
		if (pr_negated(ws, s0, s1) && !pr_word_in(r, s0, s1, pr_cancel_words))
			continue;
		/* a footnote ("[1] 6 Bezoek aan Lille …") refers, it does not tell */
		if (rr_wmark(ws, s0, '[') && s0 + 2 < s1 && ws->w[s0 + 1].kind == RR_W_NUM &&
		    rr_wmark(ws, s0 + 2, ']'))
			continue;
		/* "de delegatie is … in Fukuoka per bus vertrokken naar Shunan
		 * City": the delegation is the subject of the verb's one trip */
		if (!strcmp(tg->w, "delegatie")) {
			bool verb_after = false;
			for (size_t q = k + 1; q < s1 && !verb_after; q++)
				verb_after = pr_trig_at(ws, q) && pr_trig_at(ws, q)->verb;
			if (verb_after)
				continue;
		}
		/* "reizen de gasten weer terug naar Bad Pyrmont": going home ends a
		 * visit, it is none */
		{
			bool home = false;
			for (size_t q = k; q + 1 < s1 && q < k + 8 && !home; q++)
				home = (rr_wis(ws, q, "terug") || rr_wis(ws, q, "huiswaarts")) &&
				       (rr_wis(ws, q + 1, "naar") || q + 1 == s1 - 1);
			for (size_t q = s0; q < k && !home; q++)
				home = rr_wis(ws, q, "terug") && q + 1 < s1 && rr_wis(ws, q + 1, "naar");
			if (home)
				continue;
		}
		/* a habit, not a trip: "steeds meer paarden gaan naar …", "jaarlijks",
		 * "eens per twee jaar", "elk jaar", "om de twee jaar" */
		if (habit(r, s0, s1) || pr_habitual(ws, s0, s1) ||
		    (pr_word_in(r, s0, s1, (const char *const[]){"steeds", NULL}) &&
		     pr_word_in(r, s0, s1, (const char *const[]){"meer", NULL})))
			continue;
		memset(&f, 0, sizeof f);
		f.s0 = s0;
		f.s1 = s1;
		f.trig_w = k;
		f.tg = tg;
		f.officials = -1;
		/* the trip word's reach: up to the next trip word of the sentence */
		size_t reach = s1;
		for (size_t q = k + 1; q < s1; q++)
			/* "zijn er handelsmissies geweest": the verb of the same clause */
			if (pr_trig_at(ws, q) && !(q == k + 2 && rr_wis(ws, k + 1, "en")) &&
			    !(q == k + 2 && rr_wis(ws, k + 1, "of")) &&
			    !(rr_wis(ws, q, "geweest") && !tg->verb)) {
				reach = q;
				break;
			}
		if (k + 2 < s1 && rr_wis(ws, k + 1, "of") && pr_trig_at(ws, k + 2) &&
		    pr_trig_at(ws, k + 2)->kind != tg->kind)
			f.kind_open = true;
		/* "een economische missie in de marge van het werkbezoek van het
		 * koninklijk paar aan Duitsland en het staatsbezoek Italië": the
		 * body's part of a visit that a trade mission goes along with */
		bool alongside = false;
		for (size_t q = s0; q < k && !alongside; q++) {
			const trig *t2 = pr_trig_at(ws, q);
			bool trade = t2 && ((t2->kind && !strcmp(t2->kind, "handelsmissie")) ||
					    ((!strcmp(t2->w, "missie") || !strcmp(t2->w, "missies")) && q > s0 &&
					     (rr_wis(ws, q - 1, "economische") || rr_wis(ws, q - 1, "handels"))));
			for (size_t m = q + 1; trade && m < k && !alongside; m++)
				alongside = rr_wis(ws, m, "marge") || rr_wis(ws, m, "parallel") ||
					    rr_wis(ws, m, "tijdens");
		}
		if (alongside)
			f.tg = tg->plural ? &trade_missions : &trade_mission;
		/* "economische missie", "handelsmissie"; a bare "missie" of a text
		 * that calls its missions economic elsewhere */
		if (!tg->kind && (!strcmp(tg->w, "missie") || !strcmp(tg->w, "missies")) &&
		    ((k > s0 && (rr_wis(ws, k - 1, "economische") || rr_wis(ws, k - 1, "handels"))) ||
		     speaks_of_trade_missions(ws, s0 > 0 ? rr_wsent_start(ws, rr_wsent_start(ws, s0 - 1) > 0
						? rr_wsent_start(ws, s0 - 1) - 1 : 0) : 0, s1)))
			f.tg = tg->plural ? &trade_missions : &trade_mission;
		/* "reizen" is a plural noun only after a determiner or at the start */
		if (!strcmp(tg->w, "reizen") && k > s0 &&
		    !(rr_wis(ws, k - 1, "verder") || rr_wis(ws, k - 1, "de") ||
		      rr_wis(ws, k - 1, "deze") || rr_wis(ws, k - 1, "andere") ||
		      rr_wis(ws, k - 1, "enkele") || rr_wis(ws, k - 1, "meerdere") ||
		      rr_wis(ws, k - 1, "diverse") || rr_wis(ws, k - 1, "buitenlandse") ||
		      (strlen(rr_wfold(ws, k - 1)) > 4 &&
		       !strcmp(rr_wfold(ws, k - 1) + strlen(rr_wfold(ws, k - 1)) - 3, "tal")) ||
		      rr_number_word(rr_wfold(ws, k - 1)) > 1))
			f.tg = &reizen_verb;

		const imp_pm *into[MAX_DEST], *from[MAX_DEST];
		size_t ninto = 0, nfrom = 0;
		bool of_town = false; /* "een ambtenaar van de gemeente X" */
		/* "inkomende bezoeken uit Vietnam, Mozambique en India",
		 * "het inkomende staatsbezoek Argentinië" */
		bool incoming = (k > s0 && (rr_wis(ws, k - 1, "inkomende") || rr_wis(ws, k - 1, "inkomend"))) ||
				(k > s0 + 1 && rr_wis(ws, k - 2, "inkomende"));
		/* "de volgende uitgaande missies: Verenigde Staten, Kenia, …" */
		bool colon = k + 1 < s1 && rr_wmark(ws, k + 1, ':');
		if (incoming) {
			attached(r, partner, k + 1, reach, from_preps, from, &nfrom, MAX_DEST, true);
		} else if (!strcmp(tg->w, "geweest")) {
			/* "is drie keer in Spanje geweest": the place before the verb */
			attached(r, partner, s0, k, into_preps, into, &ninto, MAX_DEST, false);
		} else {
			attached(r, partner, colon ? k + 2 : k + 1, reach, into_preps, into, &ninto, MAX_DEST,
				 tg->visit || colon);
			attached(r, partner, s0, s1, from_preps, from, &nfrom, MAX_DEST, false);
			if (!nfrom && (from[0] = delegation_of(r, s0, s1))) {
				nfrom = 1;
				of_town = true;
			}
		}
		/* "China Handelsmissie", "Californië: Orange County beurs": a place
		 * right before the trip word on the same line */
		if (!ninto && k > s0) {
			const imp_pm *pm;
			size_t q = k - 1;
			/* "een China-reis", "de Marokko-reis" */
			if (rr_wmark(ws, q, '-') && rr_wglued(ws, q) && rr_wglued(ws, k) && q > s0)
				q--;
			if (pr_is_place_word(r, q, &pm) && !pm->adjective)
				into[ninto++] = pm;
		}
		/* "In april was ik nog in China met een succesvolle handelsmissie":
		 * the place of the clause right before the trip word, joined by
		 * "met/voor/op een" */
		bool place_before = false;
		if (!ninto && !incoming && k > s0 && !tg->verb) {
			pr_into_before(r, s0, k, into, &ninto);
			place_before = ninto > 0;
		}
		/* "… signalen dat China alle groepsreizen wil tegenhouden. Daarom
		 * is besloten de handelsmissie af te zeggen", "… bezoeken van
		 * bestuurders aan Japan. Het laatste bezoek vond plaats in 2016":
		 * a trip word with no place of its own, the first trip of the text
		 * or the last or previous of a series, goes to the one foreign
		 * place of the sentence right before it in the paragraph */
		if (!ninto && !incoming && !tg->verb && !tg->plural && k > s0 &&
		    (!fs->n || rr_wis(ws, k - 1, "laatste") || rr_wis(ws, k - 1, "vorige")) &&
		    pr_word_in(r, k - 1, k, (const char *const[]){"de", "het", "laatste", "vorige", NULL})) {
			const imp_pm *one = place_just_before(r, s0);
			if (one)
				into[ninto++] = one;
		}
		size_t nf = 0, nh = 0;
		const imp_pm *fd[MAX_DEST];
		for (size_t i = 0; i < ninto; i++) {
			if (pr_foreign(into[i]))
				fd[nf++] = into[i];
			else
				nh++;
		}
		/* incoming: visitors from abroad */
		bool visitors = pr_word_in(r, s0, s1, visitor_nouns) || pr_word_in(r, s0, s1, welcome_verbs) ||
				of_town;
		const imp_pm *origin = NULL;
		for (size_t i = 0; i < nfrom; i++)
			if (pr_foreign(from[i]))
				origin = from[i];
		/* "De Chinezen brachten eerder al een bezoek aan Emmen": the people
		 * of a country, named before the trip word, visit the body's own
		 * place; from the partner of that country the text speaks of */
		if (!origin && nh && !nf && !incoming) {
			const imp_pm *dm = demonym_before(r, s0, k);
			if (dm && partner && !partner->home && !strcmp(partner->p.country, dm->p.country))
				origin = partner;
			else if (dm)
				origin = dm;
			if (origin)
				visitors = true;
		}
		/* a verb of welcoming is a trip word only for visitors from abroad */
		if (pr_in_list(welcome_verbs, tg->w) && !(origin && pr_word_in(r, s0, s1, visitor_nouns)))
			continue;
		bool foreign_person = false;
		for (size_t i = 0; i < r->np; i++)
			if (r->pp[i].w0 >= s0 && r->pp[i].w0 < s1 && r->pp[i].side == IMP_SIDE_FOREIGN &&
			    r->pp[i].w0 < k)
				foreign_person = true;
		/* "De vicepresident van China, de heer Wang Qishan, bracht …": a
		 * foreign office, or an office of a country named right after it */
		for (size_t q = s0; q < k && !foreign_person; q++) {
			const char *fw = rr_wfold(ws, q);
			if (!pr_in_list(pr_foreign_offices, fw))
				continue;
			const imp_pm *pm;
			if (q + 2 < k && rr_wis(ws, q + 1, "van") && pr_is_place_word(r, q + 2, &pm) &&
			    pr_foreign(pm))
				foreign_person = true;
			else if (q > s0 && pr_is_place_word(r, q - 1, &pm) && pm->adjective && pr_foreign(pm))
				foreign_person = true;
		}
		if (incoming && nfrom) {
			/* several origins after a plural: a visit from each */
			for (size_t i = 0; i < nfrom && pr_foreign(from[i]); i++) {
				frame g;
				memset(&g, 0, sizeof g);
				g.s0 = s0;
				g.s1 = s1;
				g.trig_w = k;
				g.tg = tg;
				g.officials = -1;
				g.dir = -1;
				g.origin = from[i];
				g.ours = true;
				g.date = pr_best_date(r, s0, s1, k);
				if (!g.date)
					g.date = date_before(r, s0, NULL, NULL);
				g.times = 1;
				g.c0 = s0;
				g.c1 = s1;
				rr_err e = push_frame(fs, &g);
				if (e)
					return e;
				if (!tg->plural)
					break;
			}
			k = reach - 1;
			continue;
		}
		/* visitors from abroad are the body's guests when the sentence says
		 * so: received, here (a place of ours), by our people or by us; "een
		 * delegatie uit China heeft het Fieldlab bezocht" is a company's */
		bool hosted = nh || pr_word_in(r, s0, s1, welcome_verbs) || own_office_words(r, s0, s1) ||
			      pr_names_us(r, s0, s1) || pr_word_in(r, s0, s1, first_person) ||
			      a->register_of_body;
		/* "zusterstad Bad Pyrmont komt op bezoek": the place comes */
		if (!origin && !nf && k > s0 && rr_wis(ws, k - 1, "op") &&
		    pr_word_in(r, s0, s1, come_verbs))
			for (size_t i = 0; i < r->pms.n; i++) {
				const imp_pm *m = &r->pms.v[i];
				if (m->w0 >= s0 && m->w0 < k && pr_foreign(m) && !m->adjective) {
					origin = m;
					visitors = hosted = true;
				}
			}
		if ((origin && visitors && hosted) || (nh && !nf && (foreign_person || origin))) {
			f.dir = -1;
			f.origin = origin;
			/* "een delegatie uit Guangming New Town": a town's name that
			 * goes on in capitals is a longer name (a district, a body) the
			 * gazetteer does not know; only its country is sure */
			if (origin && origin->p.kind == RR_PLACE_CITY && origin->w1 < s1 &&
			    ws->w[origin->w1].kind == RR_W_WORD && (ws->w[origin->w1].flags & RR_W_CAP) &&
			    !pr_is_place_word(r, origin->w1, &(const imp_pm *){NULL})) {
				size_t e1 = origin->w1;
				while (e1 < s1 && e1 < origin->w1 + 4 && ws->w[e1].kind == RR_W_WORD &&
				       (ws->w[e1].flags & RR_W_CAP))
					e1++;
				f.origin_country = true;
				imp_copy(f.counterpart, sizeof f.counterpart, ws->text, origin->off,
					 ws->w[e1 - 1].off + ws->w[e1 - 1].len);
			}
			if (!origin) {
				/* the foreign place of the sentence; of several cities of
				 * one country, only the country is sure */
				size_t cities = 0;
				for (size_t i = 0; i < r->pms.n; i++) {
					const imp_pm *m = &r->pms.v[i];
					if (m->w0 < s0 || m->w0 >= s1 || !pr_foreign(m))
						continue;
					if (!f.origin)
						f.origin = m;
					if (m->p.kind != RR_PLACE_COUNTRY && !m->adjective &&
					    m->p.id != f.origin->p.id)
						cities++;
				}
				f.origin_country = cities > 0;
			}
			pr_travellers(r, &f, true);
			f.ours = true;
		} else if (nf) {
			f.dir = 1;
			for (size_t i = 0; i < nf; i++)
				f.dest[f.ndest++] = fd[i];
			pr_travellers(r, &f, false);
			/* whose trip: the body's people, "ik"/"wij", "de burgemeester",
			 * the body named; not the King's or a fraction's */
			bool others = !alongside && (other_travellers_in(r, s0, k) ||
						     (!f.ntrav && other_office(r, s0, s1)));
			bool strangers = false;
			for (size_t i = 0; i < r->np; i++)
				if (r->pp[i].w0 >= s0 && r->pp[i].w0 < s1 &&
				    (r->pp[i].side == IMP_SIDE_OTHER || r->pp[i].side == IMP_SIDE_FOREIGN))
					strangers = true;
			f.ours = !others && (f.ntrav || pr_word_in(r, s0, s1, first_person) ||
					     own_office_words(r, s0, s1) || pr_names_us(r, s0, s1) ||
					     a->register_of_body || (a->authored && !strangers));
			if (!f.ours && !others) {
				/* only people of another body? */
				bool other_people = false;
				for (size_t i = 0; i < r->np; i++)
					if (r->pp[i].w0 >= s0 && r->pp[i].w0 < s1 &&
					    (r->pp[i].side == IMP_SIDE_OTHER ||
					     r->pp[i].side == IMP_SIDE_FOREIGN))
						other_people = true;
				/* a verb of going needs someone who goes: "paarden gaan
				 * naar Xinqiao" is no trip of the body */
				f.ours = !other_people && a->about_body;
			}
		} else {
			continue;
		}
		if (!f.ntrav && f.dir > 0 && pr_word_in(r, s0, s1, (const char *const[]){"ik", NULL})) {
			const imp_person *p = pr_speaker(r, s0);
			if (p)
				f.trav[f.ntrav++] = p;
		}
		if (!f.ntrav && f.dir > 0) {
			const imp_person *p = pr_named_before(r, s0, s1);
			if (p) {
				f.trav[f.ntrav++] = p;
				f.ours = true;
			}
		}
		if (heading && f.dir > 0 && !f.ntrav) {
			f.trav[f.ntrav++] = heading;
			f.ours = true;
		}
		if (!f.ours)
			continue;
		/* "De handelsmissie naar Portugal heeft vruchten afgeworpen. Dat zei
		 * minister X na afloop van een driedaagse reis naar Lissabon": the
		 * kind the sentence before gave the journey, when it told no trip of
		 * its own */
		if (f.dir > 0 && !f.tg->kind && !f.tg->plural && f.ndest && s0 > 0 &&
		    !(ws->w[s0].flags & RR_W_PARA) && !(fs->n && fs->v[fs->n - 1].s1 == s0)) {
			size_t p0 = rr_wsent_start(ws, s0 - 1);
			for (size_t q = p0; q < s0; q++) {
				const trig *t2 = pr_trig_at(ws, q);
				const imp_pm *pm;
				if (!t2 || !t2->kind || t2->plural || t2->verb || q + 2 >= s0 ||
				    !(rr_wis(ws, q + 1, "naar") || rr_wis(ws, q + 1, "aan") ||
				      rr_wis(ws, q + 1, "in")) ||
				    !pr_is_place_word(r, q + 2, &pm) || strcmp(pm->p.country, f.dest[0]->p.country))
					continue;
				f.tg = t2;
				break;
			}
		}
		/* a date after the next trip word is that trip's: "het bezoek … dient ter
		 * voorbereiding op een handelsmissie die medio 2014 zal plaatsvinden" */
		f.date = pr_best_date(r, s0, reach, k);
		/* the clause told before the trip word holds its date too */
		if (place_before && pr_best_date(r, s0, k, k))
			f.date = pr_best_date(r, s0, k, k);
		/* nor is one far from it in a long sentence: "… bedrijven bezocht en
		 * … (IDH) dat een boost heeft gekregen nadat de provincie het vorig
		 * jaar heeft geïntroduceerd" */
		if (f.date && (f.date->w0 > k ? f.date->w0 - k : k - f.date->w0) > 40)
			f.date = NULL;
		if (f.date && f.tg->plural)
			pr_list_dates(r, &f, s0, reach);
		if (!f.date && times_in(r, s0, s1) == 1) {
			const trig *was = NULL;
			f.date = date_before(r, s0, f.ndest ? f.dest[0]->p.country : NULL, &was);
			if (f.date && was && !f.tg->kind)
				f.tg = was;
		}
		{
			size_t w0, w1;
			long n = imp_officials_count(ws, s0, s1, &w0, &w1);
			if (n >= 0) {
				f.officials = n;
				f.off_w0 = w0;
				f.off_w1 = w1;
			}
		}
		pr_cost_of(r, &f, s0, s1);
		f.times = times_in(r, s0, s1);
		f.c0 = s0;
		f.c1 = s1;
		/* "het bezoek aan Essen … 'van het werkbezoek aan Essen een verslag'":
		 * the same place twice in one sentence is one trip, of the more
		 * precise kind */
		frame *same = NULL;
		for (size_t i = fs->n; i-- > 0 && fs->v[i].s0 == s0 && !same;)
			if (fs->v[i].dir == f.dir &&
			    ((fs->v[i].ndest == 1 && f.ndest == 1 && !fs->v[i].tg->plural &&
			      !f.tg->plural && fs->v[i].dest[0]->p.id == f.dest[0]->p.id) ||
			     /* "een delegatie uit X heeft een bezoek gebracht aan
			      * onze stad", "zal een delegatie van de stad X onze stad
			      * bezoeken": one visit from X */
			     (f.dir < 0 && fs->v[i].origin && f.origin &&
			      fs->v[i].origin->p.id == f.origin->p.id)))
				same = &fs->v[i];
		if (same) {
			if (f.tg->kind && (!same->tg->kind || !strcmp(same->tg->kind, "bezoek")))
				same->tg = f.tg;
			if (!same->date)
				same->date = f.date;
			k = reach - 1;
			continue;
		}
		rr_err e = push_frame(fs, &f);
		if (e)
			return e;
		k = reach - 1;
	}
	return RR_OK;
}

/* A word of habit in the sentence: "jaarlijks", "regelmatig"; "jaarlijkse"
 * only before a trip word ("het jaarlijkse bezoek"), not the yearly event
 * visitors come for ("om de jaarlijkse braderie te bezoeken"). */
static bool habit(const imp_read *r, size_t s0, size_t s1)
{
	const rr_words *ws = &r->ws;
	if (pr_word_in(r, s0, s1, habit_words))
		return true;
	for (size_t k = s0; k < s1; k++)
		if (rr_wis(ws, k, "jaarlijkse") &&
		    (pr_trig_at(ws, k + 1) || (k + 2 < s1 && pr_trig_at(ws, k + 2))))
			return true;
	return false;
}

/* A sentence that goes on with a list: "Verder …", "Daarnaast …", "In de
 * tweede plaats …", "Tot slot …". */
static bool listed(const rr_words *ws, size_t s0, size_t s1)
{
	if (s0 >= s1)
		return false;
	if (rr_wis(ws, s0, "verder") || rr_wis(ws, s0, "daarnaast") || rr_wis(ws, s0, "bovendien") ||
	    rr_wis(ws, s0, "tevens"))
		return true;
	if (s0 + 1 < s1 && (rr_wis(ws, s0, "tot") || rr_wis(ws, s0, "ten")) &&
	    rr_wis(ws, s0 + 1, "slotte") + rr_wis(ws, s0 + 1, "slot"))
		return true;
	return s0 + 3 < s1 && rr_wis(ws, s0, "in") && rr_wis(ws, s0 + 1, "de") &&
	       rr_wis(ws, s0 + 3, "plaats");
}

/* "ook al", "eerder al", "al eerder": a visit recalled in passing. */
static bool recalled(const rr_words *ws, size_t s0, size_t s1)
{
	for (size_t k = s0; k + 1 < s1; k++)
		if ((rr_wis(ws, k, "ook") && rr_wis(ws, k + 1, "al")) ||
		    (rr_wis(ws, k, "eerder") && rr_wis(ws, k + 1, "al")) ||
		    (rr_wis(ws, k, "al") && rr_wis(ws, k + 1, "eerder")))
			return true;
	return false;
}

rr_err imp_prose_trips(const imp_read *r, imp_analysis *a)
{
	const rr_words *ws = &r->ws;
	frames fs = {0};
	rr_err e = RR_OK;
	const imp_person *heading = NULL;

	/* the partner the document speaks of most, for "de zusterstad" */
	const imp_pm *partner = NULL;
	for (size_t i = 0; a->partnership.found && i < r->pms.n && !partner; i++)
		if (r->pms.v[i].p.id == a->partnership.pid)
			partner = &r->pms.v[i];
	const char *section_org = NULL;

	for (size_t s0 = 0; s0 < ws->count && !e;) {
		size_t s1 = rr_wsent_end(ws, s0), before = fs.n;
		const imp_person *h = heading_person(r, s0, s1);
		if (h) {
			heading = h;
			s0 = s1;
			continue;
		}
		/* a numbered section ("2. Gemeente Tilburg") ends the heading's
		 * reach; when it names a body, its trips are that body's */
		{
			/* "2." may stand as a sentence of its own before the name */
			size_t h0 = s0;
			bool numbered = false;
			if (ws->w[s0].kind == RR_W_NUM && rr_wmark(ws, s0 + 1, '.') &&
			    (!s0 || (ws->w[s0].flags & (RR_W_NL | RR_W_PARA)))) {
				numbered = true;
				h0 = s0 + 2 < s1 ? s0 + 2 : s1;
			} else if (s0 >= 2 && ws->w[s0 - 2].kind == RR_W_NUM && rr_wmark(ws, s0 - 1, '.') &&
				   (ws->w[s0 - 2].flags & (RR_W_NL | RR_W_PARA))) {
				numbered = true;
			}
			if (numbered)
				heading = NULL;
			const rr_body *b = NULL;
			if (numbered && h0 < s1 && s1 - h0 <= 14) {
				size_t off = ws->w[h0].off;
				if (rr_body_prefix(ws->text + off,
						   ws->w[s1 - 1].off + ws->w[s1 - 1].len - off, NULL, 0, &b) &&
				    b)
					section_org = strcmp(b->code, r->c->body->code) ? b->code : NULL;
			}
		}
		size_t n0 = fs.n;
		e = sentence(r, a, s0, s1, &fs, heading, partner);
		if (!e && fs.n == n0) {
			frame f;
			if ((a->register_of_body && pr_register_line_frame(r, s0, s1, &f)) ||
			    pr_celebration_frame(r, s0, s1, &f)) {
				if (heading)
					f.trav[f.ntrav++] = heading;
				e = push_frame(&fs, &f);
			}
		}
		for (size_t i = n0; i < fs.n; i++)
			fs.v[i].org = section_org;
		/* "In 2011 brachten bestuurders ook al een bezoek aan …": a visit
		 * recalled in passing; what follows is about the trip before it */
		for (size_t i = n0; i < fs.n; i++) {
			fs.v[i].aside = recalled(ws, s0, s1);
			fs.v[i].another = listed(ws, s0, s1);
		}
		size_t last = fs.n;
		while (last > 0 && fs.v[last - 1].aside)
			last--;
		if (!last)
			last = fs.n;
		/* a later sentence of the same paragraph about the same trip */
		if (!e && fs.n == before && fs.n && !(ws->w[s0].flags & RR_W_PARA) &&
		    pr_near_paragraph(ws, fs.v[last - 1].s1, s0))
			pr_coref(r, &fs.v[last - 1], s0, s1);
		else if (!e && fs.n == before && fs.n && (ws->w[s0].flags & RR_W_PARA))
			pr_next_paragraph(r, &fs.v[last - 1], s0, s1);
		if (!e && fs.n == before && fs.n)
			pr_stops(r, &fs.v[last - 1], s0, s1);
		s0 = s1;
	}
	/* "een overzicht van de reizen van dit jaar": the trips told after it
	 * without a date are of the document's year */
	size_t yr_at = ws->count;
	for (size_t k = 0; k + 2 < ws->count && yr_at == ws->count; k++) {
		static const char *const trips_pl[] = {"reizen", "dienstreizen", "bezoeken",
			"werkbezoeken", "missies", "handelsmissies", "studiereizen", NULL};
		if (ws->w[k].kind != RR_W_WORD || !pr_in_list(trips_pl, rr_wfold(ws, k)))
			continue;
		size_t q = k + 1;
		if (rr_wis(ws, q, "van"))
			q++;
		if (q + 1 < ws->count && rr_wis(ws, q, "dit") && rr_wis(ws, q + 1, "jaar"))
			yr_at = k;
	}
	for (size_t i = 0; i < fs.n; i++)
		fs.v[i].this_year = fs.v[i].s0 > yr_at;
	for (size_t i = 0; i < fs.n && !e; i++) {
		frame *f = &fs.v[i];
		/* several places after a plural: a trip to each */
		if (f->neach > 1 && (f->dir < 0 || f->ndest <= 1)) {
			/* a trip on each date of the list */
			for (size_t k = 0; k < f->neach && !e; k++) {
				frame g = *f;
				g.date = f->each[k];
				e = emit(r, a, &g, NULL, &a->date, i + 1);
			}
		} else if (f->tg->plural && f->dir > 0 && f->ndest > 1) {
			for (size_t k = 0; k < f->ndest && !e; k++)
				e = emit(r, a, f, f->dest[k], &a->date, i + 1);
		} else {
			for (int t = 0; t < f->times && !e; t++)
				e = emit(r, a, f, NULL, &a->date, i + 1);
		}
	}
	free(fs.v);
	return e;
}
