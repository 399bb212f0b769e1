/* import_results.c - what a mission yielded, from a letter on its results or
 * an evaluation's results section:
 *   - a mission heading ("Missie November 2013", "Dienstreis mei 2010 ...")
 *     picks the outgoing trip of that month (year when no month is given);
 *   - a theme heading ("Onderwijs", "Cultuur en media:") sets the theme of
 *     the bullets under it, "Algemeen" clears it;
 *   - in a letter, a line that announces results ("De belangrijkste
 *     resultaten van de missie zijn:") starts the list of its one trip;
 *   - each bullet (with its wrapped lines) becomes a result: agreements as
 *     found by imp_agreements_find, else a type from its words, a theme
 *     (heading first, else imp_theme), euros and jobs when stated.
 * A sentence that sums up investments over a period ("15
 * investeringsprojecten ... 17,56 miljoen euro ... werkgelegenheid voor 134
 * mensen") becomes one result of the partnership, not of a trip.
 * Records carry "_start"/"_end" (the span) and "_key" (normalised first
 * words of the title) for import.c, which gives ids and merges. */
#include "import_int.h"

#include <stdio.h>
#include <string.h>

#include "../nl/nldate.h"

#define KEY_WORDS 6

/* ---- small readers ---- */

static size_t bullet_at(const char *t, size_t s, size_t e)
{
	while (s < e && (t[s] == ' ' || t[s] == '\t'))
		s++;
	if (s + 1 < e && (t[s] == '-' || t[s] == '*') && (t[s + 1] == ' ' || t[s + 1] == '\t'))
		return s + 2;
	if (s + 3 <= e && (unsigned char)t[s] == 0xE2 && (unsigned char)t[s + 1] == 0x80 &&
	    ((unsigned char)t[s + 2] == 0xA2 || (unsigned char)t[s + 2] == 0x93))
		return s + 3;
	return 0;
}

static bool has(const char *t, size_t s, size_t e, const char *const *stems)
{
	for (; *stems; stems++)
		if (imp_find_word(t, s, e, *stems, true) < e)
			return true;
	return false;
}

static bool has_word(const char *t, size_t s, size_t e, const char *const *ws)
{
	for (; *ws; ws++)
		if (imp_find_word(t, s, e, *ws, false) < e)
			return true;
	return false;
}

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A whole number of digits (with '.' thousands) at i; its end in *end. */
static bool number_at(const char *t, size_t i, size_t to, long *v, size_t *end)
{
	long n = 0;
	size_t k = i;
	if (k >= to || !digit(t[k]) || (k > 0 && (digit(t[k - 1]) || t[k - 1] == ',' ||
						   t[k - 1] == '.')))
		return false;
	while (k < to && (digit(t[k]) || (t[k] == '.' && k + 3 < to && digit(t[k + 1]) &&
					  digit(t[k + 2]) && digit(t[k + 3]) &&
					  (k + 4 >= to || !digit(t[k + 4]))))) {
		if (digit(t[k]) && n < 100000000)
			n = n * 10 + (t[k] - '0');
		k++;
	}
	if (k < to && t[k] == ',' && k + 1 < to && digit(t[k + 1]))
		return false; /* a decimal: not a head count */
	*v = n;
	*end = k;
	return true;
}

static size_t skip_spaces(const char *t, size_t i, size_t to)
{
	while (i < to && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n'))
		i++;
	return i;
}

bool imp_jobs_find(const char *t, size_t from, size_t to, long *jobs)
{
	static const char *const after[] = {"banen", "baan", "arbeidsplaats", "werkplek",
		"fte", "jobs", "mensen", "medewerkers", "werknemers", NULL};
	static const char *const adj[] = {"nieuwe", "extra", "directe", "structurele", NULL};

	for (size_t i = from; i < to; i++) {
		long v;
		size_t e, w;
		bool people;
		if (!number_at(t, i, to, &v, &e))
			continue;
		w = skip_spaces(t, e, to);
		for (const char *const *a = adj; *a; a++)
			if (imp_prefix(t, w, to, *a) && imp_word_end(t, w + strlen(*a), to)) {
				w = skip_spaces(t, w + strlen(*a), to);
				break;
			}
		for (const char *const *a = after; *a; a++) {
			if (!imp_prefix(t, w, to, *a))
				continue;
			/* "mensen", "medewerkers": jobs only after "werkgelegenheid (voor)" */
			people = !strcmp(*a, "mensen") || !strcmp(*a, "medewerkers") ||
				 !strcmp(*a, "werknemers");
			if (people) {
				size_t back = i > from + 40 ? i - 40 : from;
				if (imp_find_word(t, back, i, "werkgelegenheid", false) >= i)
					continue;
			}
			*jobs = v;
			return true;
		}
		/* "werkgelegenheid voor 134" without a noun */
		if (imp_find_word(t, i > from + 30 ? i - 30 : from, i, "werkgelegenheid voor",
				  false) < i) {
			*jobs = v;
			return true;
		}
		i = e;
	}
	return false;
}

const char *imp_result_type(const char *t, size_t s, size_t e)
{
	static const char *const invest[] = {"investering", "investeer", "vestig",
		"hoofdkantoor", "joint venture", "showroom", "uitbreiding van", "uit te breiden",
		"distributiecentrum", NULL};
	static const char *const media[] = {"pers", "tv", "radio", "media", "interview",
		"journalist", "televisie", NULL};
	static const char *const media_p[] = {"media-", "artikelen", "persbijeenkomst",
		"persbericht", "tv-", "radioploeg", NULL};
	static const char *const expo[] = {"tentoonstelling", "expositie", "paviljoen",
		"concert", NULL};
	static const char *const visit[] = {"vervolgbezoek", "tegenbezoek", "terugbezoek",
		"retourbezoek", "bezoek aan nederland", "bezoek aan utrecht", "naar utrecht te",
		"naar nederland te", "naar onze regio", "inkomende missie", "inkomend bezoek",
		"inmiddels bezocht", NULL};
	static const char *const exch[] = {"uitwisseling", "stage", "stagiair", "studenten",
		"afstudeerplek", NULL};
	static const char *const lead[] = {"contact", "interesse", "overweeg", "overwog",
		"verwacht", "geïntroduceerd", "vervolgafspra", "deuren", "potentiële", "lead",
		"toegezegd", "aanbod", "intentie", NULL};

	if (has(t, s, e, invest))
		return "investment";
	if (has_word(t, s, e, media) || has(t, s, e, media_p))
		return "media";
	if (has(t, s, e, expo))
		return "exhibition";
	if (has(t, s, e, visit))
		return "follow_up_visit";
	if (has(t, s, e, exch))
		return "exchange";
	if (has(t, s, e, lead))
		return "lead";
	return "other";
}

/* "_key": the first words of the title as a slug, the same for the same
 * result quoted in two documents. */
static void set_key(json_t *r, const char *t, size_t s, size_t e)
{
	size_t k = s, w = 0;
	rr_buf b;
	while (k < e && w < KEY_WORDS) {
		while (k < e && (t[k] == ' ' || t[k] == '\n' || t[k] == '\t'))
			k++;
		while (k < e && t[k] != ' ' && t[k] != '\n' && t[k] != '\t')
			k++;
		w++;
	}
	rr_buf_init(&b, 64);
	imp_slug(&b, t, s, k, 60);
	json_object_set_new(r, "_key", json_string(rr_buf_cstr(&b)));
	rr_buf_free(&b);
}

static json_t *result_new(const char *t, size_t s, size_t e, size_t span_s, size_t span_e,
			  const char *type, const char *theme, const char *date)
{
	json_t *r = json_object();
	char title[160], desc[2000];
	imp_copy(title, sizeof title, t, s, e);
	imp_copy(desc, sizeof desc, t, s, e);
	json_object_set_new(r, "title", json_string(title));
	json_object_set_new(r, "type", json_string(type));
	if (theme)
		json_object_set_new(r, "theme", json_string(theme));
	json_object_set_new(r, "description", json_string(desc));
	if (date)
		json_object_set_new(r, "date", json_string(date));
	json_object_set_new(r, "_start", json_integer((json_int_t)span_s));
	json_object_set_new(r, "_end", json_integer((json_int_t)span_e));
	set_key(r, t, s, e);
	return r;
}

#define MAX_SEG 32

/* One bullet under a mission: its lines (footnotes between them left out)
 * joined, then agreements, else one typed result. The span is the
 * bullet's whole extent in the document. */
static void bullet_results(const char *t, const size_t *ss, const size_t *se, size_t nseg,
			   imp_item *it, const char *head_theme, bool skip_agreements)
{
	imp_agreement ag[8];
	const char *date = json_string_value(json_object_get(it->trip, "start"));
	const char *type, *theme, *x;
	size_t n, len, s0 = ss[0], e0 = se[nseg - 1];
	imp_amount am;
	long jobs;
	json_t *r;
	rr_buf b;

	rr_buf_init(&b, 65536);
	for (size_t i = 0; i < nseg; i++) {
		if (i)
			rr_buf_addc(&b, ' ');
		rr_buf_add(&b, t + ss[i], se[i] - ss[i]);
	}
	x = rr_buf_cstr(&b);
	len = b.len;
	if (!len) {
		rr_buf_free(&b);
		return;
	}
	n = imp_agreements_find(x, 0, len, ag, 8);
	if (n) {
		for (size_t i = 0; i < n && !skip_agreements; i++) {
			size_t a = ag[i].off, e = ag[i].off + ag[i].len;
			theme = head_theme ? head_theme : imp_theme(x, a, e);
			r = result_new(x, a, e, s0, e0, "agreement", theme, date);
			json_object_set_new(r, "agreement", json_string(ag[i].type));
			json_array_append_new(it->results, r);
		}
		/* a letter's agreements are found over its whole text */
		rr_buf_free(&b);
		return;
	}
	type = imp_result_type(x, 0, len);
	theme = head_theme ? head_theme : imp_theme(x, 0, len);
	r = result_new(x, 0, len, s0, e0, type, theme, date);
	if (!strcmp(type, "investment") && imp_amount_find(x, 0, len, &am) && am.cents > 0)
		json_object_set_new(r, "amount_eur", json_real((double)am.cents / 100.0));
	if (imp_jobs_find(x, 0, len, &jobs) && jobs > 0)
		json_object_set_new(r, "jobs", json_integer(jobs));
	json_array_append_new(it->results, r);
	rr_buf_free(&b);
}

/* ---- headings ---- */

static bool mission_heading(const char *t, size_t s, size_t e, const rr_date *ref,
			    rr_nldate *nd)
{
	static const char *const starts[] = {"missie", "dienstreis", "handelsmissie",
		"werkbezoek", "bezoek", "reis", "studiereis", "economische missie",
		"handelsreis", "acquisitiereis", NULL};
	const char *why;
	bool ok = false;

	if (e <= s || e - s > 100 || bullet_at(t, s, e))
		return false;
	for (const char *const *w = starts; *w && !ok; w++)
		ok = imp_prefix(t, s, e, *w) && imp_word_end(t, s + strlen(*w), e);
	if (!ok || rr_nldate_find(t, e, s, ref, nd, &why) != RR_OK)
		return false;
	return nd->start.prec >= RR_PREC_YEAR && nd->off < s + 40;
}

static imp_item *mission_item(imp_analysis *a, const rr_nldate *nd)
{
	imp_item *by_year = NULL;
	size_t years = 0;
	for (size_t i = 0; i < a->n; i++) {
		json_t *tr = a->items[i].trip;
		const char *dir = json_string_value(json_object_get(tr, "direction"));
		const char *st = json_string_value(json_object_get(tr, "start"));
		const char *en = json_string_value(json_object_get(tr, "end"));
		rr_date d, f;
		if ((dir && strcmp(dir, "out")) || !st || rr_date_parse_iso(st, &d, NULL))
			continue;
		if (!en || rr_date_parse_iso(en, &f, NULL))
			f = d;
		if (d.y != nd->start.y && f.y != nd->start.y)
			continue;
		if (nd->start.prec >= RR_PREC_MONTH &&
		    ((d.prec >= RR_PREC_MONTH && d.m == nd->start.m) ||
		     (f.prec >= RR_PREC_MONTH && f.m == nd->start.m)))
			return &a->items[i];
		by_year = &a->items[i];
		years++;
	}
	return years == 1 ? by_year : NULL;
}

static bool results_intro(const char *t, size_t s, size_t e)
{
	return e > s && e - s < 200 && t[e - 1] == ':' &&
	       (imp_find_word(t, s, e, "resultaten", true) < e ||
		imp_find_word(t, s, e, "opbrengsten", true) < e ||
		imp_find_word(t, s, e, "results", true) < e);
}

static bool ends_sentence(const char *t, size_t s, size_t e)
{
	imp_trim(t, &s, &e);
	if (e >= s + 3 && (unsigned char)t[e - 3] == 0xE2 && (unsigned char)t[e - 2] == 0x80 &&
	    ((unsigned char)t[e - 1] == 0x9D || (unsigned char)t[e - 1] == 0x99))
		return true; /* a closing quote */
	return e > s && (t[e - 1] == '.' || t[e - 1] == '!' || t[e - 1] == '?' ||
			 t[e - 1] == ':' || t[e - 1] == ')' || t[e - 1] == '"');
}

static bool lower_start(const char *t, size_t s, size_t e)
{
	return s < e && ((t[s] >= 'a' && t[s] <= 'z') || t[s] == '(' || t[s] == '&');
}

static bool section_break(const char *t, size_t s, size_t e)
{
	return imp_prefix(t, s, e, "appendix") || imp_prefix(t, s, e, "bijlage") ||
	       imp_prefix(t, s, e, "hoofdstuk") ||
	       (e - s < 80 && digit(t[s]) && s + 1 < e && t[s + 1] == '.');
}

/* ---- the scan ---- */

rr_err imp_results_scan(const char *t, size_t n, imp_analysis *a, bool letter)
{
	imp_item *cur = NULL;
	const char *theme = NULL;
	const rr_date *ref = a->date.prec ? &a->date : NULL;
	size_t ss[MAX_SEG], se[MAX_SEG], nseg = 0; /* the open bullet's lines */
	bool open = false, in_list = false;

	for (size_t pos = 0; pos <= n;) {
		size_t le = pos < n ? imp_eol(t, pos, n) : n, s = pos, e = le, b;
		rr_nldate nd;
		bool head = false;
		const char *th;

		if (pos < n)
			imp_trim(t, &s, &e);
		pos = le + 1;
		if (s < e && (imp_superscript(t, s, e) || (e - s < 4 && digit(t[s]))))
			continue; /* footnotes and page numbers */
		if (s == e && le < n)
			continue;
		/* does the open bullet go on on this line? */
		if (open && s < e && !bullet_at(t, s, e) &&
		    (lower_start(t, s, e) || !ends_sentence(t, ss[nseg - 1], se[nseg - 1])) &&
		    !mission_heading(t, s, e, ref, &nd) && !section_break(t, s, e) &&
		    (lower_start(t, s, e) || e - s >= 100 ||
		     rr_nldate_find(t, e, s, ref, &nd, NULL) != RR_OK)) {
			if (nseg < MAX_SEG) {
				ss[nseg] = s;
				se[nseg++] = e;
			} else {
				se[nseg - 1] = e;
			}
			continue;
		}
		if (open) {
			if (cur)
				bullet_results(t, ss, se, nseg, cur, theme, letter);
			open = false;
		}
		if (s == e)
			break; /* end of text */
		if (!letter && mission_heading(t, s, e, ref, &nd)) {
			cur = mission_item(a, &nd);
			theme = NULL;
			in_list = true;
			continue;
		}
		if (letter && results_intro(t, s, e)) {
			cur = a->n ? &a->items[0] : NULL;
			theme = NULL;
			in_list = true;
			continue;
		}
		if ((b = bullet_at(t, s, e))) {
			if (in_list && cur) {
				ss[0] = b;
				se[0] = e;
				nseg = 1;
				open = true;
			}
			continue;
		}
		if (section_break(t, s, e)) {
			cur = NULL;
			in_list = false;
			continue;
		}
		if (in_list && (th = imp_theme_heading(t, s, e, &head), head)) {
			theme = th;
			continue;
		}
		if (letter) {
			cur = NULL; /* the letter's list ended */
			in_list = false;
		} else if (e - s < 100 && rr_nldate_find(t, e, s, ref, &nd, NULL) == RR_OK) {
			cur = NULL; /* "Overzicht 1995-2009": not one mission */
		}
	}
	return RR_OK;
}

/* ---- ids ---- */

static const char *str_of(const json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

/* The id of result r (index i of arr) of a trip or partnership owner:
 * agreements "{owner}-{agreement}[-n]" (n counts the same kind before it),
 * others "{owner}-{type}-{key}" where key is the title's first words. */
void imp_result_id(char *id, size_t cap, const json_t *arr, size_t i, const char *owner)
{
	const json_t *r = json_array_get(arr, i), *q;
	const char *ag = str_of(r, "agreement"), *key = str_of(r, "_key");
	int nth = 1;

	if (ag) {
		for (size_t k = 0; k < i; k++) {
			q = json_array_get(arr, k);
			if (str_of(q, "agreement") && !strcmp(str_of(q, "agreement"), ag))
				nth++;
		}
		if (nth > 1)
			snprintf(id, cap, "%.80s-%s-%d", owner, ag, nth);
		else
			snprintf(id, cap, "%.80s-%s", owner, ag);
	} else {
		snprintf(id, cap, "%.80s-%s-%.60s", owner, str_of(r, "type"),
			 key && *key ? key : "result");
	}
	for (char *c = id; *c; c++)
		if (*c == '_')
			*c = '-';
}

/* Is r the same as an earlier one of arr (same type, agreement and key)?
 * A result quoted twice in one document is one result. */
bool imp_result_repeated(const json_t *arr, size_t i)
{
	const json_t *r = json_array_get(arr, i), *q;
	const char *key = str_of(r, "_key"), *ag = str_of(r, "agreement");
	if (!key)
		return false;
	for (size_t k = 0; k < i; k++) {
		const char *qa;
		q = json_array_get(arr, k);
		qa = str_of(q, "agreement");
		if (str_of(q, "_key") && !strcmp(str_of(q, "_key"), key) &&
		    !strcmp(str_of(q, "type"), str_of(r, "type")) &&
		    ((!qa && !ag) || (qa && ag && !strcmp(qa, ag))))
			return true;
	}
	return false;
}

/* ---- the sum of investments over a period ---- */

/* The total holds the euros and jobs of the period: a mission's investment
 * result within it keeps them in its description only, so that a sum over
 * results does not count them twice. */
static void within_total(imp_analysis *a, int from, int to)
{
	for (size_t i = 0; i < a->n; i++) {
		json_t *r;
		size_t k;
		json_array_foreach(a->items[i].results, k, r) {
			const char *d = str_of(r, "date"), *ty = str_of(r, "type");
			int y = d && strlen(d) >= 4 ? (d[0] - '0') * 1000 + (d[1] - '0') * 100 +
				(d[2] - '0') * 10 + (d[3] - '0') : 0;
			if (!ty || strcmp(ty, "investment") || y < from || y > to)
				continue;
			json_object_del(r, "amount_eur");
			json_object_del(r, "jobs");
		}
	}
}

void imp_investment_total(const char *t, size_t n, imp_analysis *a)
{
	static const char *const proj[] = {"investeringsproject", "investeringen",
		"investeringsprojecten", NULL};

	for (size_t pos = 0; pos < n;) {
		size_t s, e, ns, ne;
		imp_amount am;
		rr_nldate nd;
		long jobs, count;
		size_t coff, clen;
		char title[200], desc[1200], iso[RR_DATE_ISO_MAX], iso2[RR_DATE_ISO_MAX];
		json_t *r;

		imp_sentence(t, 0, n, pos, &s, &e);
		if (e <= pos)
			e = pos + 1;
		pos = e + 1;
		if (e > n)
			e = n;
		if (!has(t, s, e, proj) || !imp_amount_find(t, s, e, &am) || am.cents <= 0 ||
		    !imp_jobs_find(t, s, e, &jobs) || !imp_count_find(t, s, e, &count, &coff, &clen) ||
		    rr_nldate_find(t, e, s, NULL, &nd, NULL) != RR_OK || !nd.end.prec ||
		    nd.end.y <= nd.start.y)
			continue;
		rr_date_iso(&nd.start, iso);
		rr_date_iso(&nd.end, iso2);
		snprintf(title, sizeof title, "%ld investeringsprojecten %.4s-%.4s: EUR %.2f "
			 "miljoen, %ld banen", count, iso, iso2,
			 (double)am.cents / 100.0 / 1e6, jobs);
		/* the sentence, and the next one when it breaks the total down */
		imp_sentence(t, 0, n, e + 1 < n ? e + 1 : e, &ns, &ne);
		if (ne > n)
			ne = n;
		if (ns > e && ne > ns && (imp_find_word(t, ns, ne, "hiervan", false) < ne ||
					  imp_find_word(t, ns, ne, "daarvan", false) < ne))
			imp_copy(desc, sizeof desc, t, s, ne);
		else
			imp_copy(desc, sizeof desc, t, s, e);
		r = json_object();
		json_object_set_new(r, "title", json_string(title));
		json_object_set_new(r, "type", json_string("investment"));
		json_object_set_new(r, "theme", json_string("investment"));
		json_object_set_new(r, "amount_eur", json_real((double)am.cents / 100.0));
		json_object_set_new(r, "jobs", json_integer(jobs));
		json_object_set_new(r, "date", json_string(iso));
		{
			char d2[1300];
			snprintf(d2, sizeof d2, "Periode %.4s-%.4s. %s", iso, iso2, desc);
			json_object_set_new(r, "description", json_string(d2));
		}
		json_object_set_new(r, "_start", json_integer((json_int_t)s));
		json_object_set_new(r, "_end", json_integer((json_int_t)e));
		{
			char key[40];
			snprintf(key, sizeof key, "total-%.4s-%.4s", iso, iso2);
			json_object_set_new(r, "_key", json_string(key));
		}
		if (!a->results)
			a->results = json_array();
		json_array_append_new(a->results, r);
		within_total(a, nd.start.y, nd.end.y);
		return; /* one total per document */
	}
}
