/* import_prose_near.c - the rules of running text that look around a
 * trip (import_prose.c): the sentences and the paragraph after it (its
 * costs, travellers, stops), what a word stands for there ("de wethouder",
 * "ik", "deze Chinese provincie"), its counterpart, the dates of a list, a
 * trip under way, and the lines and sentences that tell a trip without a
 * trip word (a line of an overview, a celebration abroad). */
#include "import_prose_int.h"

#include <stdio.h>
#include <string.h>

/* "In 2005, 2007 en 2010 zijn er handelsmissies geweest": a plural with a
 * list of dates of one precision (joined by commas and "en") is a trip on
 * each of them. Fills f->each when words [a, b) hold such a list. */
void pr_list_dates(const imp_read *r, frame *f, size_t a, size_t b)
{
	const rr_words *ws = &r->ws;
	const imp_date_m *prev = NULL;
	f->neach = 0;
	for (size_t i = 0; i < r->nd; i++) {
		const imp_date_m *d = &r->dm[i];
		if (d->w0 < a || d->w0 >= b || pr_paper_date(ws, d->w0, a))
			continue;
		if (d->d.end.prec || (prev && d->d.start.prec != prev->d.start.prec))
			goto none;
		if (prev) {
			/* only ", " or "en" between two dates of the list */
			size_t gap = 0;
			for (size_t q = prev->w1; q < d->w0; q++, gap++)
				if (!rr_wmark(ws, q, ',') && !rr_wis(ws, q, "en"))
					goto none;
			if (gap == 0 || gap > 2)
				goto none;
			if (rr_date_first(&d->d.start) <= rr_date_first(&prev->d.start))
				goto none;
		}
		if (f->neach >= sizeof f->each / sizeof f->each[0])
			goto none;
		f->each[f->neach++] = d;
		prev = d;
	}
	if (f->neach < 2)
		goto none;
	return;
none:
	f->neach = 0;
}

/* "Wethouder Jan Jansen hoopt … . De wethouder leidt een handelsreis …":
 * an office said without a name, after a sentence shortly before that named
 * the body's one holder of it, is that person. NULL when none or several. */
const imp_person *pr_named_before(const imp_read *r, size_t s0, size_t s1)
{
	static const char *const offices[] = {"burgemeester", "wethouder", "gedeputeerde",
		"commissaris", "dijkgraaf", "minister", "staatssecretaris", NULL};
	const rr_words *ws = &r->ws;
	for (size_t k = s0 + 1; k < s1; k++) {
		if (ws->w[k].kind != RR_W_WORD || !pr_in_list(offices, rr_wfold(ws, k)) || r->mask[k] ||
		    !rr_wis(ws, k - 1, "de"))
			continue;
		bool in_person = false;
		for (size_t i = 0; i < r->np; i++)
			in_person |= k >= r->pp[i].w0 && k < r->pp[i].w1;
		const imp_pm *pm;
		if (in_person || (k + 2 < s1 && rr_wis(ws, k + 1, "van") &&
				  !(pr_is_place_word(r, k + 2, &pm) && pm->ours)))
			continue;
		const char *office = rr_wfold(ws, k);
		const imp_person *found = NULL;
		for (size_t i = 0; i < r->np; i++) {
			const imp_person *p = &r->pp[i];
			if (p->w0 >= s0 || p->w0 + 80 < s0 || p->side != IMP_SIDE_OURS || !p->name[0] ||
			    strncmp(p->role, office, strlen(office)))
				continue;
			const char *a = strrchr(p->name, ' '), *b = found ? strrchr(found->name, ' ') : NULL;
			if (found && strcmp(a ? a : p->name, b ? b : found->name))
				return NULL;
			found = p;
		}
		return found;
	}
	return NULL;
}

/* "Burgemeester X licht een en ander toe: '… ben ik op bezoek geweest …'":
 * the "ik" of a text that named one of the body's people before, and only
 * one, is that person. NULL when none or several. */
const imp_person *pr_speaker(const imp_read *r, size_t s0)
{
	const imp_person *found = NULL;
	for (size_t i = 0; i < r->np && r->pp[i].w0 < s0; i++) {
		const imp_person *p = &r->pp[i];
		if (p->side != IMP_SIDE_OURS || !p->name[0] || !p->role[0])
			continue;
		const char *a = strrchr(p->name, ' '), *b = found ? strrchr(found->name, ' ') : NULL;
		if (found && strcmp(a ? a + 1 : p->name, b ? b + 1 : found->name))
			return NULL;
		if (!found || strlen(p->name) > strlen(found->name))
			found = p;
	}
	return found;
}

bool pr_going(const imp_read *r, const frame *f)
{
	static const char *const going[] = {"gaat", "gaan", "vertrekt", "vertrekken", NULL};
	static const char *const to[] = {"naar", NULL};
	for (size_t i = 0; i <= f->nco; i++) {
		size_t x = i ? f->co[i - 1][0] : f->s0, y = i ? f->co[i - 1][1] : f->s1;
		if (pr_word_in(r, x, y, going) && pr_word_in(r, x, y, to))
			return true;
	}
	return false;
}

/* Visitors told as coming ("Verder komen de burgemeester en de loco van X
 * op bezoek", "gaat er een ambtenaar van X stage lopen"), in the present
 * tense with no word of the past: a visit still to come. */
bool pr_coming(const imp_read *r, const frame *f)
{
	static const char *const coming[] = {"komt", "komen", "gaat", "gaan", NULL};
	static const char *const now[] = {"vandaag", "vanmorgen", "vanochtend", "momenteel", "nu",
		NULL};
	return f->dir < 0 && pr_word_in(r, f->s0, f->s1, coming) &&
	       !pr_word_in(r, f->s0, f->s1, pr_past_words) && !pr_word_in(r, f->s0, f->s1, now);
}

/* Is the trip told in the present tense only (no word of the past or the
 * future in its sentences, no date anywhere in them)? "gaan … naar" tells
 * one still to come. */
bool pr_told_now(const imp_read *r, const frame *f)
{
	bool present = false;
	if (pr_going(r, f) || pr_coming(r, f))
		return false;
	/* a trip noun or a verb of visiting: "gaat … samenwerken" is no trip
	 * under way */
	if (f->times > 1 || !f->tg || f->tg->plural || f->tg->verb)
		return false;
	for (size_t i = 0; i <= f->nco; i++) {
		size_t x = i ? f->co[i - 1][0] : f->s0, y = i ? f->co[i - 1][1] : f->s1;
		if (pr_word_in(r, x, y, pr_past_words) || pr_word_in(r, x, y, pr_future_words) ||
		    pr_word_in(r, x, y, pr_cancel_words) || pr_habitual(&r->ws, x, y))
			return false;
		for (size_t d = 0; d < r->nd; d++)
			if (r->dm[d].w0 >= x && r->dm[d].w0 < y)
				return false;
		present |= pr_word_in(r, x, y, pr_present_words);
	}
	return present;
}

/* The town or region that receives or sends a visit, as the text names it:
 * visitors from a city or region ("een delegatie uit de Japanse stad X",
 * "een groep inwoners uit de zusterstad X" — not from a country), or a
 * visit to the partner named so ("een bezoek aan partnerstad X"). */
bool pr_host_place(const imp_read *r, const frame *f, const imp_pm *only, char *out,
		       size_t cap)
{
	const rr_words *ws = &r->ws;
	const imp_pm *m = NULL;
	if (f->dir < 0) {
		if (f->origin && !f->origin_country && !f->origin->adjective &&
		    f->origin->p.kind != RR_PLACE_COUNTRY)
			m = f->origin;
	} else if (f->tg && f->tg->kind &&
		   (!strcmp(f->tg->kind, "bezoek") || !strcmp(f->tg->kind, "werkbezoek")) &&
		   !f->tg->plural && !f->tg->verb) {
		/* "bezoek aan [de] [Chinese] zusterstad X", "op bezoek geweest bij
		 * de gemeente X" */
		size_t k = f->trig_w + 1;
		if (k + 1 < f->s1 && (rr_wis(ws, k, "geweest") || rr_wis(ws, k, "gebracht")) &&
		    rr_wis(ws, k + 1, "bij"))
			k++;
		if (k < f->s1 && (rr_wis(ws, k, "aan") || rr_wis(ws, k, "bij"))) {
			k++;
			if (k < f->s1 && (rr_wis(ws, k, "de") || rr_wis(ws, k, "het")))
				k++;
			const imp_pm *adj;
			if (k < f->s1 && pr_is_place_word(r, k, &adj) && adj->adjective)
				k = adj->w1;
			const imp_pm *pm;
			if (k + 1 < f->s1 && (pr_in_list(pr_partner_nouns, rr_wfold(ws, k)) ||
					      rr_wis(ws, k, "gemeente")) &&
			    pr_is_place_word(r, k + 1, &pm) && pr_foreign(pm) && !pm->adjective &&
			    pm->p.kind != RR_PLACE_COUNTRY && (!only || only == pm))
				for (size_t i = 0; i < f->ndest; i++)
					if (f->dest[i] == pm)
						m = pm;
		}
	}
	/* "door haar komst naar X … bij de inwoners van de Japanse
	 * partnergemeente": the one town the trip goes to, named the body's
	 * partner in the trip's sentence (without another name after it) */
	if (!m && f->dir > 0 && f->ndest == 1 && f->dest[0]->p.kind == RR_PLACE_CITY &&
	    pr_foreign(f->dest[0]) && !f->dest[0]->adjective && (!only || only == f->dest[0]) &&
	    (!f->tg || !f->tg->plural))
		for (size_t k = f->s0 + 1; k + 1 < f->s1 && !m; k++) {
			if (!pr_in_list(pr_partner_nouns, rr_wfold(ws, k)) || k <= f->dest[0]->w0)
				continue;
			size_t d = k - 1;
			const imp_pm *adj;
			if (pr_is_place_word(r, d, &adj) && adj->adjective && d > f->s0) {
				if (strcmp(adj->p.country, f->dest[0]->p.country))
					continue;
				d--;
			}
			const imp_pm *next;
			if ((rr_wis(ws, d, "de") || rr_wis(ws, d, "onze")) &&
			    !(k + 1 < f->s1 && pr_is_place_word(r, k + 1, &next)))
				m = f->dest[0];
		}
	if (!m && f->dir < 0 && f->ntrav && f->trav[0]->side == IMP_SIDE_FOREIGN &&
	    f->trav[0]->role[0] && pr_in_list(pr_foreign_offices, f->trav[0]->role) &&
	    strcmp(f->trav[0]->role, "delegatie")) {
		/* "De vicepresident van China, de heer Wang Qishan, bracht …": the
		 * visit is his */
		rr_buf b;
		rr_buf_init(&b, cap);
		rr_buf_printf(&b, "%s %s", f->trav[0]->role, f->trav[0]->name);
		imp_copy(out, cap, rr_buf_cstr(&b), 0, strlen(rr_buf_cstr(&b)));
		rr_buf_free(&b);
		return out[0] != 0;
	}
	if (!m)
		return false;
	imp_copy(out, cap, ws->text, m->off, m->end);
	return out[0] != 0;
}

/* A trip's cost and payer in words [s0, s1): an amount with a word of
 * cost, not a maximum or a sum of several trips. */
void pr_cost_of(const imp_read *r, frame *f, size_t s0, size_t s1)
{
	const rr_words *ws = &r->ws;
	size_t bs = ws->w[s0].off, be = ws->w[s1 - 1].off + ws->w[s1 - 1].len, ps, pe;
	imp_amount am;
	static const char *const cost_words[] = {"kosten", "kostte", "kostten", "kost",
		"kostprijs", NULL};
	static const char *const not_one[] = {"maximaal", "ruim", "bijna", "samen", "totaal",
		"gezamenlijk", "per", NULL};

	if (imp_amount_find(ws->text, bs, be, &am) && !am.approx && pr_word_in(r, s0, s1, cost_words) &&
	    !pr_word_in(r, s0, s1, not_one) && !(f->tg && f->tg->plural && f->ndest > 1)) {
		f->cost = am;
		f->has_cost = true;
	}
	if (!(f->pay_e > f->pay_s) && imp_payer_find(ws->text, bs, be, &ps, &pe)) {
		f->pay_s = ps;
		f->pay_e = pe;
	}
}

/* Words [a, b) are few: "deze missie" far below a trip, in a section on
 * another one, is not that trip (a news item's short paragraphs are). */
bool pr_near_paragraph(const rr_words *ws, size_t a, size_t b)
{
	size_t words = 0;
	for (size_t k = a; k < b && k < ws->count; k++)
		if (ws->w[k].kind == RR_W_WORD && ++words > 200)
			return false;
	return true;
}

static const char *const determiners[] = {"het", "de", "dit", "deze", "die", "dat", "aan", "zijn",
	"haar", "hun", NULL};

/* The travellers of words [s0, s1) join f's. */
static void add_travellers(const imp_read *r, frame *f, size_t s0, size_t s1)
{
	frame tmp;
	memset(&tmp, 0, sizeof tmp);
	tmp.s0 = s0;
	tmp.s1 = s1;
	pr_travellers(r, &tmp, f->dir < 0);
	for (size_t i = 0; i < tmp.ntrav && f->ntrav < MAX_TRAV; i++) {
		bool have = false;
		for (size_t q = 0; q < f->ntrav; q++)
			have |= !strcmp(f->trav[q]->name, tmp.trav[i]->name);
		if (!have)
			f->trav[f->ntrav++] = tmp.trav[i];
	}
}

/* Words of a celebration abroad: "is het partnerschap gevierd", "de
 * ceremonie". */
static const char *const celebration_words[] = {"gevierd", "viering", "vierde", "vierden",
	"jubileum", "ceremonie", "plechtigheid", "festiviteiten", NULL};
static const char *const relation_words[] = {"partnerschap", "stedenband", "jumelage",
	"vriendschapsband", "partnerstad", "zusterstad", "partnergemeente", NULL};

/* "bij deze gelegenheid", "tijdens de ceremonie": the occasion told just
 * before */
static bool occasion(const imp_read *r, size_t s0, size_t s1)
{
	static const char *const nouns[] = {"gelegenheid", "ceremonie", "viering",
		"plechtigheid", "festiviteiten", NULL};
	for (size_t k = s0 + 1; k < s1; k++)
		if (pr_in_list(nouns, rr_wfold(&r->ws, k)) &&
		    pr_in_list(determiners, rr_wfold(&r->ws, k - 1)))
			return true;
	return false;
}

/* "In de Duitse gemeente X is op zaterdag 8 september het 40-jarige
 * partnerschap met de gemeente Y gevierd": a celebration in a foreign town
 * that names the body (or its people) is a trip there, though no trip word
 * says so. Its people come from the sentences after it. */
bool pr_celebration_frame(const imp_read *r, size_t s0, size_t s1, frame *f)
{
	const rr_words *ws = &r->ws;
	const imp_pm *only = NULL;
	bool ours = pr_names_us(r, s0, s1);
	if (!pr_word_in(r, s0, s1, celebration_words) || rr_wmark(ws, s1 - 1, '?') ||
	    pr_negated(ws, s0, s1) || pr_habitual(ws, s0, s1) || pr_word_in(r, s0, s1, pr_question_words))
		return false;
	for (size_t i = 0; i < r->np; i++)
		if (r->pp[i].w0 >= s0 && r->pp[i].w0 < s1 && r->pp[i].side == IMP_SIDE_OURS)
			ours = true;
	if (!ours)
		return false;
	for (size_t i = 0; i < r->pms.n; i++) {
		const imp_pm *m = &r->pms.v[i];
		if (m->w0 < s0 || m->w0 >= s1 || !pr_foreign(m) || m->adjective)
			continue;
		if (only)
			return false;
		/* "in [de Duitse gemeente] X" */
		bool in = false;
		for (size_t q = m->w0; q-- > s0 && q + 5 > m->w0 && !in;)
			in = rr_wis(ws, q, "in");
		if (!in)
			return false;
		only = m;
	}
	if (!only)
		return false;
	memset(f, 0, sizeof *f);
	f->s0 = f->c0 = s0;
	f->s1 = f->c1 = s1;
	f->trig_w = only->w0;
	f->tg = &pr_register_line;
	f->officials = -1;
	f->dir = 1;
	f->dest[f->ndest++] = only;
	f->ours = true;
	f->date = pr_best_date(r, s0, s1, only->w0);
	f->times = 1;
	pr_travellers(r, f, false);
	if (pr_word_in(r, s0, s1, relation_words) && only->p.kind == RR_PLACE_CITY)
		imp_copy(f->counterpart, sizeof f->counterpart, ws->text, only->off, only->end);
	return true;
}

/* "… op 2 en 3 oktober een uitwisselingsbezoek aan Michigan.¶ Commissaris X
 * is delegatieleider en de gedeputeerden Y en Z gaan mee": the paragraph
 * right after a trip that names who goes (a word of the delegation, no
 * place of its own, no question) adds its travellers, nothing else. */
void pr_next_paragraph(const imp_read *r, frame *f, size_t s0, size_t s1)
{
	const rr_words *ws = &r->ws;
	if (f->dir <= 0 || f->c1 > s0 || !pr_near_paragraph(ws, f->c1, s0) ||
	    !(pr_word_in(r, s0, s1, pr_delegation_words) || occasion(r, s0, s1)) ||
	    pr_word_in(r, s0, s1, pr_question_words) || rr_wmark(ws, s1 - 1, '?'))
		return;
	/* the paragraph right after the trip's own */
	for (size_t k = f->c1; k < s0; k++)
		if (ws->w[k].flags & RR_W_PARA)
			return;
	for (size_t i = 0; i < r->pms.n; i++) {
		const imp_pm *m = &r->pms.v[i];
		if (m->w0 < s0 || m->w0 >= s1 || !pr_foreign(m) || !m->cue)
			continue;
		bool same = false;
		for (size_t k = 0; k < f->ndest; k++)
			same |= !strcmp(f->dest[k]->p.country, m->p.country);
		if (!same)
			return;
	}
	add_travellers(r, f, s0, s1);
	f->c1 = s1;
}

/* "In Oldenburg, Bremen en Hamburg worden bezoeken gebracht aan …" right
 * after a trip to the region: a sentence that opens with towns of the
 * trip's country, where visits or meetings are held, names its stops. */
void pr_stops(const imp_read *r, frame *f, size_t s0, size_t s1)
{
	static const char *const meet[] = {"bezoek", "bezoeken", "bezocht", "bijeenkomst",
		"bijeenkomsten", "gesprekken", "ontmoetingen", "werkbezoeken", NULL};
	const rr_words *ws = &r->ws;
	const imp_pm *add[MAX_DEST];
	size_t n = 0, k = s0 + 1;
	if (f->dir <= 0 || !f->ndest || f->tg->plural || !pr_near_paragraph(ws, f->c1, s0) ||
	    !rr_wis(ws, s0, "in") || !pr_word_in(r, s0, s1, meet) || rr_wmark(ws, s1 - 1, '?'))
		return;
	while (k < s1 && n < MAX_DEST) {
		const imp_pm *pm;
		if (!pr_is_place_word(r, k, &pm) || !pr_foreign(pm) || pm->adjective ||
		    pm->p.kind != RR_PLACE_CITY)
			break;
		bool same = false;
		for (size_t i = 0; i < f->ndest; i++)
			same |= !strcmp(f->dest[i]->p.country, pm->p.country);
		if (!same)
			return;
		add[n++] = pm;
		k = pm->w1;
		if (k < s1 && (rr_wmark(ws, k, ',') || rr_wis(ws, k, "en")))
			k++;
		else
			break;
	}
	for (size_t i = 0; i < n && f->ndest < MAX_DEST; i++) {
		bool have = false;
		for (size_t q = 0; q < f->ndest; q++)
			have |= f->dest[q]->p.id == add[i]->p.id;
		if (!have)
			f->dest[f->ndest++] = add[i];
	}
}

/* "Burgemeester X was daar telkens bij", "wethouder Y was er ook bij": the
 * word "was" (or "waren") whose subject was present at the trip just told,
 * else 0. */
static size_t present_there(const rr_words *ws, size_t s0, size_t s1)
{
	static const char *const be[] = {"was", "waren", NULL};
	static const char *const between[] = {"daar", "er", "telkens", "steeds", "ook", "elke",
		"iedere", "keer", "alle", "keren", "zelf", NULL};
	for (size_t k = s0 + 1; k < s1; k++) {
		if (ws->w[k].kind != RR_W_WORD || !pr_in_list(be, rr_wfold(ws, k)))
			continue;
		size_t j = k + 1;
		bool there = false;
		while (j < s1 && j < k + 5 && ws->w[j].kind == RR_W_WORD &&
		       pr_in_list(between, rr_wfold(ws, j))) {
			there |= rr_wis(ws, j, "daar") || rr_wis(ws, j, "er");
			j++;
		}
		if (j < s1 && ((there && rr_wis(ws, j, "bij")) || rr_wis(ws, j, "erbij") ||
			       rr_wis(ws, j, "daarbij")))
			return k;
	}
	return 0;
}

/* "Tot zondag is de delegatie … in Duitsland" — a sentence without a new
 * place that speaks of the trip again adds to the frame before it. */
void pr_coref(const imp_read *r, frame *f, size_t s0, size_t s1)
{
	const rr_words *ws = &r->ws;
	bool mention = false;
	size_t w0, w1;
	long n;

	for (size_t k = s0; k < s1; k++) {
		if (ws->w[k].kind != RR_W_WORD || !pr_in_list(pr_anaphors, rr_wfold(ws, k)) || k == s0)
			continue;
		/* "de delegatie", "de kleine delegatie" (one adjective between) */
		size_t d = k - 1;
		if (d > s0 && ws->w[d].kind == RR_W_WORD && !(ws->w[d].flags & RR_W_CAP) &&
		    !pr_in_list(determiners, rr_wfold(ws, d)))
			d--;
		if (pr_in_list(determiners, rr_wfold(ws, d)))
			mention = true;
	}
	/* "Kosten: 15.000 euro." right after the trip */
	if (rr_wis(ws, s0, "kosten") || (rr_wis(ws, s0, "totale") && rr_wis(ws, s0 + 1, "kosten")))
		mention = true;
	/* "Burgemeester X was daar telkens bij (en Y twee keer)": X, who opens it */
	size_t was = present_there(ws, s0, s1);
	if (!mention && was && f->ntrav == 0 && f->dir > 0) {
		add_travellers(r, f, s0, was);
		f->c1 = s1;
		return;
	}
	if (!mention)
		return;
	/* one date is not that of each of several trips ("drie keer in Spanje
	 * … de laatste reis (deze week)") */
	if (!f->date && f->times <= 1 && !f->tg->plural)
		f->date = pr_best_date(r, s0, s1, s0);
	if (f->officials < 0 && (n = imp_officials_count(ws, s0, s1, &w0, &w1)) >= 0) {
		f->officials = n;
		f->off_w0 = w0;
		f->off_w1 = w1;
	}
	if (!f->has_cost)
		pr_cost_of(r, f, s0, s1);
	/* its travellers; more of them when the sentence lists the delegation
	 * ("Van de kleine delegatie maakten behalve X ook Y en Z deel uit") */
	if (f->ntrav == 0 || pr_word_in(r, s0, s1, pr_delegation_words))
		add_travellers(r, f, s0, s1);
	/* "In zijn delegatie zaten onder meer een viceminister van …, de heer
	 * X": everyone the visitors' delegation is said to hold is a visitor,
	 * whatever office the words seem to name */
	if (f->dir < 0 && pr_word_in(r, s0, s1, (const char *const[]){"delegatie", NULL}) &&
	    pr_word_in(r, s0, s1, (const char *const[]){"zaten", "zat", "bestond", "bestaande",
						     NULL}))
		for (size_t i = 0; i < r->np && f->ntrav < MAX_TRAV; i++) {
			const imp_person *p = &r->pp[i];
			bool have = false;
			if (p->w0 < s0 || p->w0 >= s1 || !p->name[0])
				continue;
			for (size_t q = 0; q < f->ntrav; q++)
				have |= !strcmp(f->trav[q]->name, p->name);
			if (!have)
				f->trav[f->ntrav++] = p;
		}
	f->c1 = s1;
	if (f->nco < 4) {
		f->co[f->nco][0] = s0;
		f->co[f->nco][1] = s1;
		f->nco++;
	}
}

/* A line of an overview of the body's trips that names a place, without a
 * trip word: "Stedenband viering in Tanzania", "Prijsuitreiking fietsplan
 * in Kaapstad", "Juni 2006 Suriname. Totale kosten: € 3.386" — a trip
 * there. Only a short sentence starting a line, one foreign place after
 * "in"/"naar" or right after the line's opening date, nobody else's. */
bool pr_register_line_frame(const imp_read *r, size_t s0, size_t s1, frame *f)
{
	const rr_words *ws = &r->ws;
	size_t words = 0;
	const imp_pm *only = NULL;
	if (!(s0 == 0 || (ws->w[s0].flags & (RR_W_NL | RR_W_PARA))) || rr_wmark(ws, s1 - 1, '?') ||
	    pr_negated(ws, s0, s1) || pr_habitual(ws, s0, s1))
		return false;
	for (size_t k = s0; k < s1; k++) {
		if (r->used[k] || pr_trig_at(ws, k))
			return false;
		if (ws->w[k].kind == RR_W_WORD && ++words > 10)
			return false;
	}
	for (size_t i = 0; i < r->np; i++)
		if (r->pp[i].w0 >= s0 && r->pp[i].w0 < s1 && r->pp[i].side != IMP_SIDE_OURS)
			return false;
	for (size_t i = 0; i < r->pms.n; i++) {
		const imp_pm *m = &r->pms.v[i];
		if (m->w0 < s0 || m->w0 >= s1 || !pr_foreign(m))
			continue;
		if (only || m->adjective)
			return false;
		only = m;
	}
	if (!only)
		return false;
	const imp_date_m *d = NULL;
	for (size_t i = 0; i < r->nd; i++)
		if (r->dm[i].w0 == s0)
			d = &r->dm[i];
	bool prep = only->w0 > s0 && (rr_wis(ws, only->w0 - 1, "in") || rr_wis(ws, only->w0 - 1, "naar"));
	if (!prep && !(d && d->w1 == only->w0))
		return false;
	memset(f, 0, sizeof *f);
	f->s0 = f->c0 = s0;
	f->s1 = f->c1 = s1;
	f->trig_w = only->w0;
	f->tg = &pr_register_line;
	f->officials = -1;
	f->dir = 1;
	f->dest[f->ndest++] = only;
	f->ours = true;
	f->date = pr_best_date(r, s0, s1, only->w0);
	f->times = 1;
	pr_cost_of(r, f, s0, s1);
	return true;
}

void pr_into_before(const imp_read *r, size_t s0, size_t k, const imp_pm **into, size_t *n)
{
	static const char *const joins[] = {"met", "voor", "op", NULL};
	static const char *const fill[] = {"een", "de", "het", "nog", "zijn", "haar", "hun", NULL};
	const rr_words *ws = &r->ws;
	bool joined = false;
	for (size_t q = k; q-- > s0 && q + 8 > k;) {
		const imp_pm *pm;
		if (ws->w[q].kind == RR_W_PUNCT || pr_trig_at(ws, q))
			return;
		if (pr_is_place_word(r, q, &pm)) {
			if (!joined || pm->adjective || !pr_foreign(pm) || pm->w0 <= s0 ||
			    !(rr_wis(ws, pm->w0 - 1, "in") || rr_wis(ws, pm->w0 - 1, "naar")))
				return;
			into[(*n)++] = pm;
			return;
		}
		if (pr_in_list(joins, rr_wfold(ws, q)))
			joined = true;
		else if (!pr_in_list(fill, rr_wfold(ws, q)) &&
			 !(ws->w[q].kind == RR_W_WORD && !(ws->w[q].flags & RR_W_CAP) && q + 1 == k))
			return; /* one adjective right before the trip word */
	}
}
