/* test_import - the importer's parts: amounts, counts, people, places,
 * labels, agreements, partnerships, extraction, genres and merging. */
#include <stdio.h>
#include <string.h>

#include "testutil.h"

#include "import/import.h"
#include "import/import_int.h"

/* ---- amounts ---- */

static long long amount(const char *s, bool *approx)
{
	imp_amount a;
	if (!imp_amount_find(s, 0, strlen(s), &a))
		return -1;
	if (approx)
		*approx = a.approx;
	return a.cents;
}

static void test_amounts(void **state)
{
	bool ap = false;
	(void)state;
	assert_int_equal(amount("Reiskosten: € 10.900.", NULL), 1090000);
	assert_int_equal(amount("kosten €10.900,-", NULL), 1090000);
	assert_int_equal(amount("Studiereis (all-in): 1.250 euro", NULL), 125000);
	assert_int_equal(amount("ongeveer € 16.000", &ap), 1600000);
	assert_true(ap);
	assert_int_equal(amount("EUR 2.500,50 totaal", &ap), 250050);
	assert_false(ap);
	assert_int_equal(amount("ter waarde van € 17,56 miljoen", NULL), 1756000000);
	assert_int_equal(amount("12 miljoen euro", NULL), 1200000000);
	assert_int_equal(amount("± € 15.000", &ap), 1500000);
	assert_true(ap);
	assert_int_equal(amount("20 fte in Almere, 2.000 m2", NULL), -1);
	assert_int_equal(amount("Europa en euro's", NULL), -1);
	assert_int_equal(amount("€", NULL), -1);
}

static void test_payer(void **state)
{
	const char *s = "Reis- en verblijfskosten komen voor rekening van de MRA.";
	size_t a, b;
	(void)state;
	assert_true(imp_payer_find(s, 0, strlen(s), &a, &b));
	assert_int_equal(b - a, 3);
	assert_memory_equal(s + a, "MRA", 3);
	s = "Lokale kosten komen voor rekening van de Dutch Japanese Trade Federation (Dujat) "
	    "(onderdeel lidmaatschap).";
	assert_true(imp_payer_find(s, 0, strlen(s), &a, &b));
	assert_int_equal(b - a, strlen("Dutch Japanese Trade Federation (Dujat)"));
	s = "geen betaler";
	assert_false(imp_payer_find(s, 0, strlen(s), &a, &b));
}

static long count(const char *s)
{
	long n;
	size_t o, l;
	return imp_count_find(s, 0, strlen(s), &n, &o, &l) ? n : -1;
}

static void test_counts(void **state)
{
	(void)state;
	assert_int_equal(count("2"), 2);
	assert_int_equal(count("2 ambtenaren (Gemeente Almere)"), 2);
	assert_int_equal(count("twee ambtenaren"), 2);
	assert_int_equal(count("één"), 1);
	assert_int_equal(count("geen"), 0);
	assert_int_equal(count("2 (n.t.b.)"), 2);
	assert_int_equal(count("onbekend"), -1);
}

/* ---- people ---- */

static void test_people(void **state)
{
	imp_person p[8];
	const char *s = "Wethouder Pol (Economische Ontwikkeling) en burgemeester Jorritsma";
	size_t n;
	(void)state;
	n = imp_people_find(s, 0, strlen(s), p, 8);
	assert_int_equal(n, 2);
	assert_string_equal(p[0].name, "Pol");
	assert_string_equal(p[0].role, "wethouder");
	assert_string_equal(p[1].name, "Jorritsma");
	assert_string_equal(p[1].role, "burgemeester");
	s = "Burgemeester F. Weerwind";
	assert_int_equal(imp_people_find(s, 0, strlen(s), p, 8), 1);
	assert_string_equal(p[0].name, "F. Weerwind");
	s = "burgemeester Van der Loo naar Finland";
	assert_int_equal(imp_people_find(s, 0, strlen(s), p, 8), 1);
	assert_string_equal(p[0].name, "Van der Loo");
	s = "wethouder J.P. Lindenbergh";
	assert_int_equal(imp_people_find(s, 0, strlen(s), p, 8), 1);
	assert_string_equal(p[0].name, "J.P. Lindenbergh");
	s = " 1. F. Weerwind, Burgemeester Almere,\n 2. W. Bekkering, Directeur CAH Vilentum\n";
	assert_int_equal(imp_people_find(s, 0, strlen(s), p, 8), 2);
	assert_string_equal(p[0].name, "F. Weerwind");
	assert_string_equal(p[0].role, "burgemeester");
	assert_string_equal(p[0].org, "Almere");
	assert_string_equal(p[1].role, "directeur");
	/* an office without a name is nobody's name */
	s = "de gedeputeerde Economie";
	assert_int_equal(imp_people_find(s, 0, strlen(s), p, 8), 0);
	s = "Missie o.l.v. CvdK naar Guangdong";
	assert_int_equal(imp_people_find(s, 0, strlen(s), p, 8), 0);
}

static void test_traveller_dedupe(void **state)
{
	json_t *arr = json_array();
	imp_person a = {.name = "Weerwind", .role = "burgemeester"};
	imp_person b = {.name = "F. Weerwind", .role = "burgemeester"};
	(void)state;
	imp_traveller_add(arr, &a);
	imp_traveller_add(arr, &b);
	assert_int_equal(json_array_size(arr), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(arr, 0), "name")),
			    "F. Weerwind");
	json_decref(arr);
}

/* ---- places ---- */

static void test_places(void **state)
{
	imp_place p[IMP_MAX_PLACES];
	const char *s = "naar Osaka/Tokio Japan";
	json_t *d;
	(void)state;
	assert_int_equal(imp_places_find(s, 0, strlen(s), p, IMP_MAX_PLACES), 3);
	d = imp_destinations(p, 3);
	assert_int_equal(json_array_size(d), 2); /* Japan alone is dropped */
	assert_string_equal(json_string_value(json_object_get(json_array_get(d, 1), "city")), "Tokio");
	json_decref(d);
	s = "China, Shenzhen";
	assert_int_equal(imp_places_find(s, 0, strlen(s), p, IMP_MAX_PLACES), 2);
	s = "aan Guangdong en Hong Kong";
	assert_int_equal(imp_places_find(s, 0, strlen(s), p, IMP_MAX_PLACES), 2);
	assert_string_equal(p[0].region, "Guangdong");
	assert_string_equal(p[1].country, "HK");
	s = "Spanje, Madrid; Hongkong; Verenigd Koninkrijk; Suriname; Curaçao";
	assert_int_equal(imp_places_find(s, 0, strlen(s), p, IMP_MAX_PLACES), 6);
	assert_string_equal(p[2].country, "HK");
	assert_string_equal(p[3].country, "GB");
	assert_string_equal(p[5].country, "CW");
	s = "Almere en Utrecht in Nederland"; /* home is not a destination */
	assert_int_equal(imp_places_find(s, 0, strlen(s), p, IMP_MAX_PLACES), 0);
	assert_string_equal(imp_country_code("Zuid-Korea", 10), "KR");
	assert_null(imp_country_code("Atlantis", 8));
}

/* ---- labels ---- */

static void test_labels(void **state)
{
	const char *s = "Reisdoel (land, plaats): China, Shenzhen\n"
			"Vertrek- en retourdatum van de reis\n\n28 september 2023\n"
			"Doel van het bezoek is door een aantal bedrijven te bezoeken de relatie te versterken.\n"
			"Budget\nReis- en verblijfskosten komen voor rekening van de MRA.\n"
			"Dag 1: reistijd\n";
	imp_label l[16];
	size_t n = imp_labels_scan(s, 0, strlen(s), l, 16), vs, ve;
	(void)state;
	assert_int_equal(n, 4);
	assert_int_equal(l[0].kind, IMP_L_DESTINATION);
	imp_label_value(s, &l[0], &vs, &ve);
	assert_int_equal(ve - vs, strlen("China, Shenzhen"));
	assert_int_equal(l[1].kind, IMP_L_DATES);
	imp_label_value(s, &l[1], &vs, &ve);
	assert_memory_equal(s + vs, "28 september 2023", ve - vs);
	assert_int_equal(l[2].kind, IMP_L_BUDGET);
	assert_int_equal(l[3].kind, IMP_L_UNKNOWN);
}

/* ---- agreements and partnerships ---- */

static void test_agreements(void **state)
{
	const char *s = "Door Huawei en SADC is een MoU getekend. Er was een diner. "
			"Zij tekenden tijdens het seminar eenMoU met Tempus. "
			"Ook is er een intentieverklaring getekend voor de overgang. "
			"Een contract, twee MoU's en een Letter of Intent zijn getekend.";
	imp_agreement a[16];
	size_t n;
	(void)state;
	n = imp_agreements_find(s, 0, strlen(s), a, 16);
	assert_int_equal(n, 6);
	assert_string_equal(a[0].type, "mou");
	assert_string_equal(a[1].type, "mou");
	assert_string_equal(a[2].type, "intention");
	s = "Er werd over een MoU gesproken.";
	assert_int_equal(imp_agreements_find(s, 0, strlen(s), a, 16), 0);
}

/* The relations a text states, through the whole reading (import_read.c,
 * import_partners.c), for a body the text does not name. */
static void analyse(const char *code, const char *kind, const char *place, const char *t,
		    imp_analysis *a)
{
	static imp_body b;
	rr_diag notes = {0};
	memset(&b, 0, sizeof b);
	snprintf(b.code, sizeof b.code, "%s", code);
	snprintf(b.kind, sizeof b.kind, "%s", kind);
	snprintf(b.place, sizeof b.place, "%s", place);
	imp_ctx c = {t, strlen(t), "t.txt", &b, {0, 0, 0, RR_PREC_NONE}, &notes, NULL};
	memset(a, 0, sizeof *a);
	assert_int_equal(imp_analyse(&c, a), RR_OK);
	rr_diag_free(&notes);
}

static const imp_partnership *partner_of(const imp_analysis *a, const char *name)
{
	for (size_t i = 0; i < a->npartners; i++)
		if (!strcmp(a->partners[i].partner.city, name) ||
		    !strcmp(a->partners[i].partner.region, name))
			return &a->partners[i];
	return NULL;
}

static void test_partnership(void **state)
{
	imp_analysis a;
	const imp_partnership *p;
	(void)state;
	analyse("pv30", "province", "", "De provincie heeft sinds 1998 een vriendschapsverdrag met de "
		"Chinese provincie Hubei. In 2011 werd het verdrag verlengd. De eerste "
		"zusterstadrelatie ter wereld werd in 1920 gesloten.", &a);
	assert_non_null(p = partner_of(&a, "Hubei"));
	assert_string_equal(p->partner.country, "CN");
	assert_string_equal(p->type, "friendship_treaty");
	assert_int_equal(p->since.y, 1998);
	assert_true(p->nev >= 1);
	assert_string_equal(p->ev[p->nev - 1].kind, "renewed");
	assert_int_equal(p->ev[p->nev - 1].date.y, 2011);
	imp_analysis_free(&a);

	/* "40 jaar stedenband" dates the start from the document's year; the
	 * relation of another Dutch body is not the body's */
	analyse("gm0100", "municipality", "Dorp", "Dorp, 12 mei 2015\n\nDorp en de Duitse stad "
		"Lippstadt vieren dit jaar 40 jaar stedenband.", &a);
	assert_non_null(p = partner_of(&a, "Lippstadt"));
	assert_string_equal(p->type, "sister_city");
	assert_int_equal(p->since.y, 1975);
	imp_analysis_free(&a);
	analyse("gm0100", "municipality", "Dorp", "De gemeente Maastricht heeft sinds 2012 een "
		"stedenband met Chengdu.", &a);
	assert_null(partner_of(&a, "Chengdu"));
	imp_analysis_free(&a);

	/* every foreign party to a signed agreement is a relation; a firm's
	 * agreement is none */
	analyse("pv25", "province", "", "Arnhem, 6 mei 2019\n\nDe provincie en de Duitse steden "
		"Bocholt en Emmerich hebben op 2 mei 2019 een gezamenlijk memorandum ondertekend. "
		"Een bedrijf uit de regio tekende een intentieverklaring met een bedrijf uit Lyon.", &a);
	assert_non_null(p = partner_of(&a, "Bocholt"));
	assert_string_equal(p->type, "mou");
	assert_non_null(p = partner_of(&a, "Emmerik")); /* its Dutch name */
	assert_int_equal(p->since.y, 2019);
	assert_null(partner_of(&a, "Lyon"));
	imp_analysis_free(&a);
}

/* ---- extraction ---- */

static rr_err extract(const char *name, const char *data, size_t len, rr_buf *out,
		      const char **mt)
{
	rr_diag d = {0}, notes = {0};
	rr_err e;
	rr_buf_init(out, 0);
	e = imp_extract(name, (const unsigned char *)data, len, out, mt, &d, &notes);
	rr_diag_free(&d);
	rr_diag_free(&notes);
	return e;
}

static void test_extract(void **state)
{
	rr_buf b;
	const char *mt;
	const char html[] = "<html><head><style>p{}</style></head><body><h1>Kop</h1>"
			    "<p>Een &amp; twee</p><ul><li>a</li><li>b</li></ul></body></html>";
	(void)state;
	assert_int_equal(extract("x.html", html, sizeof html - 1, &b, &mt), RR_OK);
	assert_string_equal(mt, "text/html");
	assert_non_null(strstr(rr_buf_cstr(&b), "Kop\n\nEen & twee"));
	assert_non_null(strstr(rr_buf_cstr(&b), "- a\n- b"));
	assert_null(strstr(rr_buf_cstr(&b), "p{}"));
	rr_buf_free(&b);
	assert_int_equal(extract("x.txt", "a\0b", 3, &b, &mt), RR_EINVAL);
	rr_buf_free(&b);
	assert_int_equal(extract("x.txt", "", 0, &b, &mt), RR_EINVAL);
	rr_buf_free(&b);
	/* Windows-1252: repaired */
	assert_int_equal(extract("x.txt", "caf\xe9 \x80 5", 8, &b, &mt), RR_OK);
	assert_string_equal(rr_buf_cstr(&b), "caf\xc3\xa9 \xe2\x82\xac 5");
	rr_buf_free(&b);
	/* CR LF and no-break spaces */
	assert_int_equal(extract("x.txt", "a\r\nb\xc2\xa0" "c", 7, &b, &mt), RR_OK);
	assert_string_equal(rr_buf_cstr(&b), "a\nb c");
	rr_buf_free(&b);
	assert_int_equal(extract("x.html", "<html><body><!-- open", 21, &b, &mt), RR_EINVAL);
	rr_buf_free(&b);
	assert_int_equal(extract("x.md", "# Kop\n**vet** [link](http://x)\n", 31, &b, &mt), RR_OK);
	assert_string_equal(rr_buf_cstr(&b), "Kop\nvet link\n");
	rr_buf_free(&b);
}

/* ---- themes ---- */

static const char *theme(const char *s)
{
	const char *th = imp_theme(s, 0, strlen(s));
	return th ? th : "-";
}

static void test_themes(void **state)
{
	bool h;
	const char *l;
	(void)state;
	assert_string_equal(theme("Een handelsmissie met twaalf bedrijven"), "trade");
	assert_string_equal(theme("De export naar China is verdubbeld"), "trade");
	assert_string_equal(theme("Een bedrijf opent zijn Europese hoofdkantoor in Utrecht"),
			    "investment");
	assert_string_equal(theme("Interesse in Utrecht als vestigingslocatie"), "investment");
	assert_string_equal(theme("Opening van de tentoonstelling van het museum"),
			    "culture_tourism");
	assert_string_equal(theme("Een pianoconcert van jonge musici"), "culture_tourism");
	assert_string_equal(theme("Chinese touroperators bezochten de stad"), "culture_tourism");
	assert_string_equal(theme("De hogeschool sloot een overeenkomst met een universiteit"),
			    "education");
	assert_string_equal(theme("uitwisseling van studenten"), "education");
	assert_string_equal(theme("Circulair bouwen en klimaatadaptatie"), "sustainability");
	assert_string_equal(theme("expertise op het gebied van waterzuivering"), "water");
	assert_string_equal(theme("een tankstation voor waterstof"), "energy");
	assert_string_equal(theme("Een seminar over life sciences & health"),
			    "life_sciences_health");
	assert_string_equal(theme("samenwerking in de ouderenzorg"), "life_sciences_health");
	assert_string_equal(theme("Een Tv-ploeg volgde de delegatie"), "media");
	assert_string_equal(theme("Artikelen in de Chinese pers"), "media");
	assert_string_equal(theme("gesproken over mensenrechten"), "human_rights");
	assert_string_equal(theme("laadpalen en elektrisch vervoer"), "mobility");
	assert_string_equal(theme("een smart city project"), "urban_development");
	assert_string_equal(theme("Een seminar over glastuinbouw"), "agriculture_food");
	/* whole words only where a stem is ambiguous; nothing gives NULL */
	assert_string_equal(theme("vanuit dat perspectief"), "-");
	assert_string_equal(theme("het zorgt voor goede contacten"), "-");
	assert_string_equal(theme(""), "-");
	/* the theme with more hits wins */
	assert_string_equal(theme("Een museum en een hogeschool, studenten en een school"),
			    "education");
	l = "Onderwijs";
	assert_string_equal(imp_theme_heading(l, 0, strlen(l), &h), "education");
	assert_true(h);
	l = "Cultuur en Media-aandacht";
	assert_string_equal(imp_theme_heading(l, 0, strlen(l), &h), "culture_tourism");
	l = "Life sciences and health:";
	assert_string_equal(imp_theme_heading(l, 0, strlen(l), &h), "life_sciences_health");
	l = "Algemeen";
	assert_null(imp_theme_heading(l, 0, strlen(l), &h));
	assert_true(h);
	l = "- Onderwijs";
	assert_null(imp_theme_heading(l, 0, strlen(l), &h));
	assert_false(h);
	l = "De hogeschool heeft een overeenkomst getekend met een school in China.";
	assert_null(imp_theme_heading(l, 0, strlen(l), &h));
	assert_false(h);
}

/* ---- whole documents ---- */

static json_t *import(const char *const *names, const char *const *texts, size_t n)
{
	rr_import *im = NULL;
	rr_diag d = {0};
	json_t *doc = NULL;
	assert_int_equal(rr_import_new(NULL, "pv26", true, &im, &d), RR_OK);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(rr_import_add(im, names[i], (const unsigned char *)texts[i],
					       strlen(texts[i]), &d), RR_OK);
	if (rr_import_result(im, &doc, &d))
		rr_diag_print(&d, "", stderr);
	assert_non_null(doc);
	rr_import_free(im);
	rr_diag_free(&d);
	return doc;
}

static const char evaluation[] =
	"Evaluatie\n\nFebruari 2020\n\n"
	"De provincie Utrecht heeft sinds 1995 een vriendschapsverdrag met de provincie Guangdong.\n\n"
	"Uitgaande delegaties\n\n"
	"- Oktober 1996 Missie o.l.v. CvdK naar Guangdong\n"
	"- November 2017 Missie o.l.v. Gedeputeerde naar Guangdong\n\n"
	"Inkomende delegaties vanuit Guangdong\n\n"
	"- Juni 1995 Delegatie o.l.v. Vice-gouverneur\n"
	"- Juni 1995 Hoge ambtelijke delegatie\n"
	"³¹ een voetnoot\n"
	"- 2019 Bezoek van een delegatie³²\n\n"
	"Appendix 4\n\n- 1996 opening van een beurs\n";
static const char letter[] =
	"Geachte dames en heren,\n\n"
	"Van 28 oktober tot 4 november 2017 heeft de gedeputeerde Economie een economische "
	"missie naar Guangdong geleid. Er is een contract afgesloten voor een fabriek.\n";

static void test_evaluation_and_letter(void **state)
{
	const char *names[] = {"eval.txt", "brief.txt"};
	const char *texts[] = {evaluation, letter};
	json_t *doc, *t;
	size_t i, out = 0, in = 0;
	(void)state;
	doc = import(names, texts, 2);
	json_array_foreach(json_object_get(doc, "trips"), i, t) {
		const char *dir = json_string_value(json_object_get(t, "direction"));
		if (!strcmp(dir, "out"))
			out++;
		else
			in++;
		if (!strcmp(json_string_value(json_object_get(t, "id")), "pv26-2017-11-guangdong")) {
			assert_string_equal(json_string_value(json_object_get(t, "start")), "2017-10-28");
			assert_int_equal(json_array_size(json_object_get(t, "sources")), 2);
		}
	}
	assert_int_equal(out, 2);
	assert_int_equal(in, 3);
	assert_int_equal(json_array_size(json_object_get(doc, "partnerships")), 1);
	assert_int_equal(json_array_size(json_object_get(doc, "results")), 1);
	assert_int_equal(json_array_size(json_object_get(doc, "documents")), 2);
	json_decref(doc);
}

static void test_letter_first(void **state)
{
	/* the same journey, documents in the other order: still one trip */
	const char *names[] = {"brief.txt", "eval.txt"};
	const char *texts[] = {letter, evaluation};
	json_t *doc;
	size_t i, out = 0;
	json_t *t;
	(void)state;
	doc = import(names, texts, 2);
	json_array_foreach(json_object_get(doc, "trips"), i, t)
		if (!strcmp(json_string_value(json_object_get(t, "direction")), "out"))
			out++;
	assert_int_equal(out, 2);
	json_decref(doc);
}

static void test_register_pairs(void **state)
{
	const char text[] =
		"Register van buitenlandse dienstreizen 2023\n\n"
		"Verslag buitenlandse dienstreis wethouder Veeningen naar Japan\n\n"
		"Vertrek- en retourdatum van de reis: 15 – 19 mei 2023\n"
		"Meereizende ambtenaren gemeente Almere: 2\n\nVerslag van de reis\n\nGoed verlopen.\n\n"
		"Aanvraag dienstreis wethouder Veeningen naar Osaka/Tokio Japan 13 - 19 mei 2023\n\n"
		"Reiskosten wethouder (vervoer en hotel): € 10.900.\n"
		"Vergaderdatum: 21 februari 2023\nBesluit: conform 21 februari 2023\n";
	const char *names[] = {"r.txt"};
	const char *texts[] = {text};
	json_t *doc, *t;
	(void)state;
	doc = import(names, texts, 1);
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	t = json_array_get(json_object_get(doc, "trips"), 0);
	assert_string_equal(json_string_value(json_object_get(t, "planned_start")), "2023-05-13");
	assert_string_equal(json_string_value(json_object_get(t, "start")), "2023-05-15");
	assert_string_equal(json_string_value(json_object_get(t, "status")), "reported");
	assert_string_equal(json_string_value(json_object_get(json_object_get(t, "decision"),
							      "outcome")), "approved");
	json_decref(doc);
}

static void test_jobs_and_types(void **state)
{
	long j = 0;
	const char *x;
	(void)state;
#define JOBS(str) (j = -1, imp_jobs_find(str, 0, strlen(str), &j) ? j : -1)
	assert_int_equal(JOBS("Dit levert 10 nieuwe arbeidsplaatsen op."), 10);
	assert_int_equal(JOBS("goed voor 20 banen in de regio"), 20);
	assert_int_equal(JOBS("met werkgelegenheid voor 134 mensen"), 134);
	assert_int_equal(JOBS("werkgelegenheid voor 82"), 82);
	assert_int_equal(JOBS("met 1.135 werknemers in dienst, werkgelegenheid voor 1.135 werknemers"),
			 1135);
	assert_int_equal(JOBS("25 mensen bezochten de stand"), -1);
	assert_int_equal(JOBS("17,56 banen"), -1);
	assert_int_equal(JOBS("geen banen"), -1);
#undef JOBS
#define TYPE(str) (x = str, imp_result_type(x, 0, strlen(x)))
	assert_string_equal(TYPE("Een bedrijf vestigt zijn hoofdkantoor in Utrecht."), "investment");
	assert_string_equal(TYPE("Artikelen in de Chinese pers."), "media");
	assert_string_equal(TYPE("Een Tv-ploeg volgde de delegatie."), "media");
	assert_string_equal(TYPE("Opening van een tentoonstelling in Guangzhou."), "exhibition");
	assert_string_equal(TYPE("Een delegatie overweegt een vervolgbezoek aan Nederland."),
			    "follow_up_visit");
	assert_string_equal(TYPE("Twintig extra stageplekken voor studenten."), "exchange");
	assert_string_equal(TYPE("Er zijn veel nieuwe contacten gelegd."), "lead");
	assert_string_equal(TYPE("Een mooie dag."), "other");
#undef TYPE
}

static const json_t *result_by(const json_t *doc, const char *key, const char *value)
{
	json_t *r;
	size_t i;
	json_array_foreach(json_object_get(doc, "results"), i, r) {
		const char *v = json_string_value(json_object_get(r, key));
		if (v && strstr(v, value))
			return r;
	}
	return NULL;
}

static const char eval_results[] =
	"Evaluatie van een relatie\n\nFebruari 2020\n\n"
	"De provincie Utrecht heeft sinds 1995 een vriendschapsverdrag met de provincie Guangdong.\n\n"
	"Tussen 2010 en 2020 werden 4 investeringsprojecten gerealiseerd ter waarde van "
	"\xe2\x82\xac 2 miljoen met werkgelegenheid voor 20 mensen. Het deel hiervan uit "
	"Guangdong was 1 miljoen euro.\n\n"
	"Uitgaande delegaties\n\n"
	"- Mei 2012 Missie o.l.v. CvdK naar Guangdong\n"
	"- November 2014 Handelsmissie naar Guangdong\n\n"
	"Appendix 4: Resultaten\n\n"
	"Missie mei 2012\xc2\xb9\n\n"
	"- Een bedrijf uit Shenzhen opent een vestiging in Utrecht. Dit levert 20 banen op.\n"
	"- Er verschenen artikelen in de Chinese\n\n"
	"\xc2\xb9 een voetnoot\n\n"
	"pers.\n"
	"- Een bedrijf uit Shenzhen opent een vestiging in Utrecht, zo bleek later.\n\n"
	"Handelsmissie november 2014\n\n"
	"Onderwijs\n\n"
	"- Een hogeschool heeft een intentieverklaring getekend met een universiteit.\n"
	"- Een Chinese delegatie overweegt een vervolgbezoek aan Nederland.\n\n"
	"Appendix 5: Kosten\n\n- Een regel die geen resultaat is.\n";

static const char letter_results[] =
	"Geachte dames en heren,\n\n"
	"Van 9 tot 15 november 2014 heeft de gedeputeerde een handelsmissie naar Guangdong "
	"geleid.\n\nDe belangrijkste resultaten van de missie zijn:\n"
	"- Een Chinese delegatie overweegt een vervolgbezoek aan Nederland en komt\n"
	"in het voorjaar.\n"
	"- Drie artikelen in de Chinese pers.\n"
	"- Een nieuwe vestiging in Utrecht met 12 banen.\n\n"
	"Op 29 januari komen de deelnemers nog eens bijeen.\n"
	"- Een streep die geen resultaat is.\n";

static void test_mission_results(void **state)
{
	const char *names[] = {"eval.txt", "brief.txt"};
	const char *texts[] = {eval_results, letter_results};
	json_t *doc;
	const json_t *r;
	(void)state;
	doc = import(names, texts, 2);
	/* 2012: an investment (quoted twice: one result), media over a
	 * wrapped line and a footnote */
	r = result_by(doc, "title", "opent een vestiging");
	assert_non_null(r);
	assert_string_equal(json_string_value(json_object_get(r, "type")), "investment");
	assert_string_equal(json_string_value(json_object_get(r, "theme")), "investment");
	/* its jobs are within the period's total: in the description only */
	assert_null(json_object_get(r, "jobs"));
	assert_non_null(strstr(json_string_value(json_object_get(r, "description")), "20 banen"));
	assert_string_equal(json_string_value(json_object_get(r, "trip")), "pv26-2012-05-guangdong");
	assert_string_equal(json_string_value(json_object_get(r, "partnership")), "pv26-guangdong");
	assert_string_equal(json_string_value(json_object_get(r, "date")), "2012-05");
	r = result_by(doc, "title", "verschenen artikelen in de Chinese pers");
	assert_non_null(r);
	assert_string_equal(json_string_value(json_object_get(r, "type")), "media");
	assert_string_equal(json_string_value(json_object_get(r, "trip")), "pv26-2012-05-guangdong");
	/* 2014: the heading's theme wins; the letter's copy merges */
	r = result_by(doc, "title", "overweegt een vervolgbezoek");
	assert_non_null(r);
	assert_string_equal(json_string_value(json_object_get(r, "type")), "follow_up_visit");
	assert_string_equal(json_string_value(json_object_get(r, "theme")), "education");
	assert_string_equal(json_string_value(json_object_get(r, "trip")), "pv26-2014-11-guangdong");
	assert_int_equal(json_array_size(json_object_get(r, "sources")), 2);
	r = result_by(doc, "agreement", "intention");
	assert_non_null(r);
	assert_string_equal(json_string_value(json_object_get(r, "theme")), "education");
	/* the letter has no total: its investment keeps its jobs */
	r = result_by(doc, "title", "nieuwe vestiging");
	assert_non_null(r);
	assert_int_equal(json_integer_value(json_object_get(r, "jobs")), 12);
	assert_string_equal(json_string_value(json_object_get(r, "type")), "investment");
	/* the letter's own: media of the 2014 trip */
	r = result_by(doc, "title", "Drie artikelen");
	assert_non_null(r);
	assert_string_equal(json_string_value(json_object_get(r, "trip")), "pv26-2014-11-guangdong");
	/* the period's total: on the partnership, no trip */
	r = result_by(doc, "id", "total");
	assert_non_null(r);
	assert_null(json_object_get(r, "trip"));
	assert_string_equal(json_string_value(json_object_get(r, "partnership")), "pv26-guangdong");
	assert_true(json_real_value(json_object_get(r, "amount_eur")) == 2000000.0);
	assert_int_equal(json_integer_value(json_object_get(r, "jobs")), 20);
	assert_string_equal(json_string_value(json_object_get(r, "date")), "2010");
	assert_non_null(strstr(json_string_value(json_object_get(r, "description")), "hiervan"));
	/* nothing from outside the lists */
	assert_null(result_by(doc, "title", "geen resultaat"));
	assert_int_equal(json_array_size(json_object_get(doc, "results")), 7);
	json_decref(doc);
}

static size_t count_status(const json_t *doc, const char *status)
{
	size_t i, n = 0;
	json_t *t;
	json_array_foreach(json_object_get(doc, "trips"), i, t)
		if (!strcmp(json_string_value(json_object_get(t, "status")), status))
			n++;
	return n;
}

static json_t *import1(const char *text)
{
	const char *names[] = {"m.txt"};
	const char *texts[] = {text};
	return import(names, texts, 1);
}

static const char *trip_str(const json_t *doc, size_t i, const char *key)
{
	return json_string_value(json_object_get(json_array_get(json_object_get(doc, "trips"), i), key));
}

/* Rules of the genre on made-up sentences: what is no trip, whose and when. */
static void test_prose_rules(void **state)
{
	json_t *doc;
	(void)state;
	/* a visit that did not happen, a habit, going home: no trip */
	doc = import1("Provincie Utrecht, 3 mei 2021\n\nDe gedeputeerde bezocht Zweden niet.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 0);
	json_decref(doc);
	doc = import1("Eens per twee jaar gaat een delegatie van de provincie naar Noorwegen.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 0);
	json_decref(doc);
	doc = import1("Na de lunch met de gedeputeerde reizen de gasten weer terug naar Bergen.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 0);
	json_decref(doc);
	/* the date of a paper is not the trip's; "medio 2022" is a year */
	doc = import1("Conform het besluit van 12 september 2021 gaat de gedeputeerde naar Noorwegen.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	assert_null(trip_str(doc, 0, "start"));
	json_decref(doc);
	doc = import1("Medio 2022 gaat de gedeputeerde op handelsmissie naar Noorwegen.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	assert_string_equal(trip_str(doc, 0, "start"), "2022");
	assert_string_equal(trip_str(doc, 0, "kind"), "handelsmissie");
	json_decref(doc);
	/* a place that comes on a visit: incoming from it */
	doc = import1("De Noorse stad Bergen komt van 12 tot 14 mei 2021 op bezoek bij de gedeputeerde.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	assert_string_equal(trip_str(doc, 0, "direction"), "in");
	assert_string_equal(json_string_value(json_object_get(json_object_get(
		json_array_get(json_object_get(doc, "trips"), 0), "origin"), "country")), "NO");
	json_decref(doc);
	/* the adjective of the trip word decides the status */
	doc = import1("De afgelopen weken was er ophef over de voorgenomen reis van de gedeputeerde "
		      "naar Noorwegen.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	assert_string_equal(trip_str(doc, 0, "status"), "approved");
	json_decref(doc);
}

/* More rules of the genre: a list of years, a noun pointing back. */
static void test_prose_lists(void **state)
{
	json_t *doc;
	(void)state;
	/* a plural with a list of years is a trip in each; "deze Noorse
	 * provincie" is the partner region named before */
	doc = import1("Provincie Utrecht, 3 mei 2021\n\nMet de provincie Rogaland bestaat sinds "
		      "1998 een vriendschapsrelatie. In 2004, 2008 en 2012 zijn er handelsmissies "
		      "geweest van Utrecht naar deze Noorse provincie.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 3);
	assert_string_equal(trip_str(doc, 0, "start"), "2004");
	assert_string_equal(trip_str(doc, 1, "start"), "2008");
	assert_string_equal(trip_str(doc, 2, "start"), "2012");
	assert_string_equal(trip_str(doc, 2, "kind"), "handelsmissie");
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(
		json_array_get(json_object_get(doc, "trips"), 1), "destinations"), 0), "region")),
		"Rogaland");
	json_decref(doc);
	/* the paragraph after a trip that names who goes adds its travellers;
	 * a question about them does not */
	doc = import1("Provincie Utrecht, 3 mei 2021\n\nDe provincie organiseert op 2 en 3 juni "
		      "2021 een uitwisselingsbezoek aan Trondheim.\n\nGedeputeerde Karel Jansen is "
		      "delegatieleider en gedeputeerde Anna de Vries gaat mee namens de provincie.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	assert_int_equal(json_array_size(json_object_get(json_array_get(json_object_get(doc, "trips"), 0),
							 "travellers")), 2);
	json_decref(doc);
	doc = import1("Provincie Utrecht, 3 mei 2021\n\nDe provincie organiseert op 2 en 3 juni "
		      "2021 een uitwisselingsbezoek aan Trondheim.\n\nGaat gedeputeerde Karel Jansen "
		      "mee met de delegatie?\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	assert_null(json_object_get(json_array_get(json_object_get(doc, "trips"), 0), "travellers"));
	json_decref(doc);
	/* the town that sends visitors or is visited as the partner is the
	 * counterpart; a country is not */
	doc = import1("Provincie Utrecht, 3 mei 2021\n\nDe gedeputeerde ontvangt op 12 april 2021 "
		      "een delegatie uit de Noorse stad Trondheim.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	assert_string_equal(trip_str(doc, 0, "direction"), "in");
	assert_string_equal(trip_str(doc, 0, "counterpart"), "Trondheim");
	json_decref(doc);
	doc = import1("Provincie Utrecht, 3 mei 2021\n\nDe gedeputeerde ontvangt op 12 april 2021 "
		      "een delegatie uit Noorwegen.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	assert_null(trip_str(doc, 0, "counterpart"));
	json_decref(doc);
	doc = import1("Provincie Utrecht, 3 mei 2021\n\nDe gedeputeerde bracht in maart 2021 een "
		      "bezoek aan partnerstad Trondheim.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	assert_string_equal(trip_str(doc, 0, "counterpart"), "Trondheim");
	json_decref(doc);
	doc = import1("Provincie Utrecht, 3 mei 2021\n\nDe gedeputeerde reisde in maart 2021 "
		      "naar Trondheim.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	assert_null(trip_str(doc, 0, "counterpart"));
	json_decref(doc);
	/* a trip under way as a dated text is written is in its year; told in
	 * the past it may be any year */
	doc = import1("Provincie Utrecht, 3 mei 2021\n\nDe gedeputeerde leidt een handelsmissie "
		      "in Noorwegen.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	assert_string_equal(trip_str(doc, 0, "start"), "2021");
	json_decref(doc);
	doc = import1("Provincie Utrecht, 3 mei 2021\n\nDe gedeputeerde leidde een handelsmissie "
		      "in Noorwegen.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	assert_null(trip_str(doc, 0, "start"));
	json_decref(doc);
	/* "de gedeputeerde" after a sentence that named her is her */
	doc = import1("Provincie Utrecht, 3 mei 2021\n\nGedeputeerde Anna de Vries hoopt op meer "
		      "handel met Noorwegen. De gedeputeerde leidde in april 2021 een handelsmissie "
		      "naar Trondheim.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(
		json_array_get(json_object_get(doc, "trips"), 0), "travellers"), 0), "name")),
		"Anna de Vries");
	json_decref(doc);
	/* two of that office named before: nobody can tell which */
	doc = import1("Provincie Utrecht, 3 mei 2021\n\nGedeputeerde Anna de Vries en gedeputeerde "
		      "Karel Jansen hopen op meer handel met Noorwegen. De gedeputeerde leidde in april "
		      "2021 een handelsmissie naar Trondheim.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	assert_null(json_object_get(json_array_get(json_object_get(doc, "trips"), 0), "travellers"));
	json_decref(doc);
	/* a line of an overview of trips that names a place is a trip there,
	 * with the costs of the line; a heading with only a place is not */
	doc = import1("Overzicht buitenlandse dienstreizen 2021\n\nNoorwegen\n"
		      "Jubileumviering in Trondheim\n"
		      "Juni 2021 Zweden. Totale kosten: € 2.500\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(
		json_array_get(json_object_get(doc, "trips"), 0), "destinations"), 0), "city")),
		"Trondheim");
	assert_string_equal(trip_str(doc, 1, "start"), "2021-06");
	assert_non_null(json_object_get(json_array_get(json_object_get(doc, "trips"), 1), "costs"));
	json_decref(doc);
	/* the same line in a text that is no overview of trips tells none */
	doc = import1("Provincie Utrecht, 3 mei 2021\n\nJubileumviering in Trondheim\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 0);
	json_decref(doc);
	/* a celebration of the body's relation in a foreign town is a trip
	 * there; the paragraph after it names who spoke on the occasion */
	doc = import1("Provincie Utrecht, 3 mei 2021\n\nIn de Noorse stad Trondheim is op 8 april "
		      "2021 het 40-jarige partnerschap met de provincie Utrecht gevierd. Er werd een "
		      "oorkonde ondertekend.\n\nIn de toespraak die gedeputeerde Anna de Vries bij "
		      "deze gelegenheid hield, ging zij in op de vriendschap.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	assert_string_equal(trip_str(doc, 0, "direction"), "out");
	assert_string_equal(trip_str(doc, 0, "start"), "2021-04-08");
	assert_string_equal(trip_str(doc, 0, "counterpart"), "Trondheim");
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(
		json_array_get(json_object_get(doc, "trips"), 0), "travellers"), 0), "name")),
		"Anna de Vries");
	json_decref(doc);
	/* a celebration at home, or of others, is none */
	doc = import1("Provincie Utrecht, 3 mei 2021\n\nIn Trondheim is op 8 april 2021 het "
		      "jubileum van de universiteit gevierd.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 0);
	json_decref(doc);
	/* a territory that is one city is that city too */
	doc = import1("Provincie Utrecht, 3 mei 2021\n\nDe gedeputeerde reisde in april 2021 "
		      "naar Hongkong.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(
		json_array_get(json_object_get(doc, "trips"), 0), "destinations"), 0), "city")),
		"Hong Kong");
	json_decref(doc);
	/* a name with its office in brackets goes along; a foundation named
	 * after the partner town is no foreign body */
	doc = import1("Provincie Utrecht, 3 mei 2021\n\nDe gedeputeerde reisde in april 2021 naar "
		      "Trondheim, samen met gedeputeerde Karel Jansen, Anna de Vries (voorzitter "
		      "Stichting Trondheim) en een tolk.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	{
		json_t *tr = json_object_get(json_array_get(json_object_get(doc, "trips"), 0), "travellers");
		assert_int_equal(json_array_size(tr), 2);
		assert_string_equal(json_string_value(json_object_get(json_array_get(tr, 1), "name")),
				    "Anna de Vries");
		assert_string_equal(json_string_value(json_object_get(json_array_get(tr, 1), "role")),
				    "voorzitter");
	}
	json_decref(doc);
	/* everyone the sentence counts to the delegation goes, also an
	 * official of no named body */
	doc = import1("Provincie Utrecht, 3 mei 2021\n\nDe gedeputeerde bracht in april 2021 een "
		      "bezoek aan Trondheim. Van de kleine delegatie maakten ook gedeputeerde Karel "
		      "Jansen en ambtenaar Piet Smit deel uit.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	assert_int_equal(json_array_size(json_object_get(json_array_get(json_object_get(doc, "trips"), 0),
							 "travellers")), 2);
	json_decref(doc);
	/* "Ze hebben vrijdag een samenwerkingsovereenkomst getekend": with the
	 * party the sentence before named, in the dated item's year */
	doc = import1("Provincie Utrecht, 3 juni 2021\n\nDe provincie Utrecht gaat samenwerken met "
		      "de Noorse regio Rogaland. Ze hebben vrijdag een samenwerkingsovereenkomst "
		      "getekend.\n");
	{
		json_t *p = json_array_get(json_object_get(doc, "partnerships"), 0);
		assert_non_null(p);
		assert_string_equal(json_string_value(json_object_get(json_object_get(p, "partner"),
									"name")), "Rogaland");
		assert_string_equal(json_string_value(json_object_get(p, "type")),
				    "cooperation_agreement");
		assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(
			p, "events"), 0), "date")), "2021");
	}
	json_decref(doc);
	/* a town named bare first and with its country later is that town
	 * from the start: the relation the first sentence ends */
	doc = import1("Provincie Utrecht, 3 juni 2021\n\nDe Stichting Stedenband Utrecht – Santa Rosa "
		      "wordt op 31 december 2021 opgeheven. Amerikaanse steun viel weg.\n\nDe "
		      "ontwikkelingen in Argentinië maakten het werk van de stichting in Santa Rosa "
		      "moeilijker.\n");
	{
		json_t *p = json_array_get(json_object_get(doc, "partnerships"), 0);
		assert_non_null(p);
		assert_string_equal(json_string_value(json_object_get(json_object_get(p, "partner"),
									"country")), "AR");
		assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(
			p, "events"), 0), "kind")), "ended");
	}
	json_decref(doc);
	/* an age "in 2019" is counted from that year, not the text's */
	doc = import1("Provincie Utrecht, 3 juni 2021\n\nDe gedeputeerde bezocht in mei 2021 "
		      "partnerregio Rogaland, ook ter gelegenheid van het 30-jarig bestaan van de "
		      "vriendschapsband in 2019.\n");
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(doc,
		"partnerships"), 0), "since")), "1989");
	json_decref(doc);
	/* the towns where the next paragraph holds its visits are stops of
	 * the trip; towns of another country are not */
	doc = import1("Provincie Utrecht, 3 juni 2021\n\nEen delegatie van de provincie Utrecht is "
		      "volgende week te gast in de Noorse regio Rogaland.\n\nIn Stavanger en Sandnes "
		      "worden bezoeken gebracht aan diverse bedrijven.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	/* (the region gives way to its towns) */
	assert_int_equal(json_array_size(json_object_get(json_array_get(json_object_get(doc, "trips"), 0),
							 "destinations")), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(
		json_array_get(json_object_get(doc, "trips"), 0), "destinations"), 1), "city")),
		"Sandnes");
	json_decref(doc);
	doc = import1("Provincie Utrecht, 3 juni 2021\n\nEen delegatie van de provincie Utrecht is "
		      "volgende week te gast in de Noorse regio Rogaland.\n\nIn Göteborg "
		      "worden bezoeken gebracht aan diverse bedrijven.\n");
	assert_int_equal(json_array_size(json_object_get(json_array_get(json_object_get(doc, "trips"), 0),
							 "destinations")), 1);
	json_decref(doc);
	/* "was ik in Noorwegen met een handelsmissie": the place of the
	 * clause before the trip word, and its date, not the next clause's */
	doc = import1("Provincie Utrecht, 3 juni 2021\n\nIn april was ik nog in Noorwegen met een "
		      "succesvolle handelsmissie en de koning bracht in februari een bezoek aan het "
		      "land.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	assert_string_equal(trip_str(doc, 0, "kind"), "handelsmissie");
	assert_string_equal(trip_str(doc, 0, "start"), "2021-04");
	json_decref(doc);
	/* the "ik" of a text that named one of the body's people is that
	 * person; of a text that named two, nobody */
	doc = import1("Provincie Utrecht, 3 juni 2021\n\nGedeputeerde Anna de Vries licht toe:\n\n"
		      "'In april ben ik op werkbezoek geweest in Noorwegen.'\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(
		json_array_get(json_object_get(doc, "trips"), 0), "travellers"), 0), "name")),
		"Anna de Vries");
	json_decref(doc);
	doc = import1("Provincie Utrecht, 3 juni 2021\n\nGedeputeerde Anna de Vries en gedeputeerde "
		      "Karel Jansen lichten toe:\n\n'In april ben ik op werkbezoek geweest in "
		      "Noorwegen.'\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	assert_null(json_object_get(json_array_get(json_object_get(doc, "trips"), 0), "travellers"));
	json_decref(doc);
	/* a visiting head's visit is his; everyone his delegation is said to
	 * hold visits too, whatever office the words seem to name */
	doc = import1("Provincie Utrecht, 3 juni 2021\n\nDe premier van Noorwegen, de heer Ola "
		      "Nordmann, bracht van 12 tot en met 14 mei 2021 een werkbezoek aan Nederland. In "
		      "zijn delegatie zaten onder meer een gedeputeerde van Rogaland, de heer Per "
		      "Hansen, en gedeputeerde Kari Berg.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	assert_string_equal(trip_str(doc, 0, "direction"), "in");
	assert_string_equal(trip_str(doc, 0, "counterpart"), "premier Ola Nordmann");
	assert_int_equal(json_array_size(json_object_get(json_array_get(json_object_get(doc, "trips"), 0),
							 "travellers")), 3);
	json_decref(doc);
	/* the kind the sentence before gave the journey to that country */
	doc = import1("Provincie Utrecht, 3 juni 2021\n\nDe handelsmissie naar Noorwegen heeft haar "
		      "eerste vruchten afgeworpen. Dat zei gedeputeerde Anna de Vries na afloop van "
		      "een driedaagse reis naar Oslo.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	assert_string_equal(trip_str(doc, 0, "kind"), "handelsmissie");
	json_decref(doc);
	/* a date that is no list (a range, a paper's date) is one trip's */
	doc = import1("Provincie Utrecht, 3 mei 2021\n\nIn 2004 en in de zomer van 2008 zijn er "
		      "handelsmissies geweest van Utrecht naar Noorwegen.\n");
	assert_true(json_array_size(json_object_get(doc, "trips")) <= 1);
	json_decref(doc);
}

static void test_cancelled_mentions(void **state)
{
	json_t *doc, *t;
	(void)state;
	/* called off, with a reason: a cancelled trip with planned month */
	doc = import1("Geachte leden,\n\nDe gedeputeerde bezocht Chili niet. In juni 2021 zou "
		      "een handelsmissie naar Chili gaan, maar die ging niet door wegens de "
		      "lockdown.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	t = json_array_get(json_object_get(doc, "trips"), 0);
	assert_string_equal(json_string_value(json_object_get(t, "status")), "cancelled");
	assert_string_equal(json_string_value(json_object_get(t, "planned_start")), "2021-06");
	assert_string_equal(json_string_value(json_object_get(t, "start")), "2021-06");
	assert_string_equal(json_string_value(json_object_get(json_object_get(t, "cancellation"),
							      "reason")), "lockdown");
	assert_string_equal(json_string_value(json_object_get(
		json_array_get(json_object_get(t, "destinations"), 0), "country")), "CL");
	assert_true(json_is_true(json_object_get(t, "public")));
	json_decref(doc);
	/* the same sentence twice in one import: one trip */
	{
		const char *names[] = {"a.txt", "a.txt"};
		const char *texts[] = {"Het bezoek aan Kenia in april 2019 is geannuleerd.\n",
			"Het bezoek aan Kenia in april 2019 is geannuleerd.\n"};
		doc = import(names, texts, 2);
		assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
		assert_int_equal(count_status(doc, "cancelled"), 1);
		json_decref(doc);
	}
	/* postponed without a new date: nothing */
	doc = import1("Het werkbezoek aan Duitsland in maart 2021 werd uitgesteld.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 0);
	json_decref(doc);
	/* a past visit mentioned in passing: not made a trip (see docs) */
	doc = import1("Dit past in een reeks. Het laatste bezoek aan Canada vond plaats in "
		      "oktober 2015.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 0);
	json_decref(doc);
	/* another body's visit: nothing */
	doc = import1("Een bezoek van de provincie Gelderland aan Japan in mei 2020 werd "
		      "afgelast vanwege corona.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 0);
	json_decref(doc);
	/* no month: nothing */
	doc = import1("Een reis naar Peru in 2020 werd afgelast.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 0);
	json_decref(doc);
	/* a list line that says so is cancelled, and the sentence adds nothing */
	doc = import1("Evaluatie\n\nUitgaande delegaties\n\n"
		      "- Mei 2020 Missie naar Japan (afgelast vanwege Covid-19)\n"
		      "- Oktober 2018 Missie naar Canada\n\n"
		      "De missie naar Japan in mei 2020 werd afgelast vanwege Covid-19.\n");
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 2);
	assert_int_equal(count_status(doc, "cancelled"), 1);
	assert_int_equal(count_status(doc, "completed"), 1);
	json_decref(doc);
}

static void test_bad_files(void **state)
{
	rr_import *im = NULL;
	rr_diag d = {0};
	(void)state;
	assert_int_equal(rr_import_new(NULL, "pv26", true, &im, &d), RR_OK);
	assert_int_equal(rr_import_add(im, "bin.txt", (const unsigned char *)"\x01\x00\x02", 3, &d),
			 RR_EINVAL);
	assert_true(d.n > 0);
	assert_non_null(strstr(d.msg[0], "bin.txt"));
	rr_import_free(im);
	rr_diag_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_amounts),
		cmocka_unit_test(test_payer),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_people),
		cmocka_unit_test(test_traveller_dedupe),
		cmocka_unit_test(test_places),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_agreements),
		cmocka_unit_test(test_partnership),
		cmocka_unit_test(test_extract),
		cmocka_unit_test(test_themes),
		cmocka_unit_test(test_evaluation_and_letter),
		cmocka_unit_test(test_letter_first),
		cmocka_unit_test(test_register_pairs),
		cmocka_unit_test(test_jobs_and_types),
		cmocka_unit_test(test_mission_results),
		cmocka_unit_test(test_cancelled_mentions),
		cmocka_unit_test(test_prose_rules),
		cmocka_unit_test(test_prose_lists),
		cmocka_unit_test(test_bad_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
