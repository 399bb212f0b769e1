/* test_import_gifts - gifts read by the importer (src/import/import_gifts.c)
 * from gift registers (tables in rows, flattened, label blocks) and from
 * running text, on made-up documents. */
#include <stdio.h>
#include <string.h>

#include "testutil.h"

#include "import/import.h"
#include "import/import_int.h"

/* The canonical document an import of one text for body org gives. */
static json_t *import_as(const char *org, const char *name, const char *text, rr_diag *notes)
{
	rr_import *im = NULL;
	rr_diag d = {0};
	json_t *doc = NULL;
	assert_int_equal(rr_import_new(NULL, org, true, &im, &d), RR_OK);
	assert_int_equal(rr_import_add(im, name, (const unsigned char *)text, strlen(text), &d),
			 RR_OK);
	if (rr_import_result(im, &doc, &d))
		rr_diag_print(&d, "", stderr);
	assert_non_null(doc);
	if (notes) {
		const rr_diag *n = rr_import_notes(im);
		for (size_t i = 0; i < n->n; i++)
			rr_diag_add(notes, "%s", n->msg[i]);
	}
	rr_import_free(im);
	rr_diag_free(&d);
	return doc;
}

static size_t ngifts(const json_t *doc)
{
	return json_array_size(json_object_get(doc, "gifts"));
}

/* The gift whose description is desc, or NULL. */
static const json_t *gift(const json_t *doc, const char *desc)
{
	json_t *g;
	size_t i;
	json_array_foreach(json_object_get(doc, "gifts"), i, g)
		if (!strcmp(json_string_value(json_object_get(g, "description")), desc))
			return g;
	return NULL;
}

static const char *str(const json_t *g, const char *key)
{
	const char *s = json_string_value(json_object_get(g, key));
	return s ? s : "";
}

static double value(const json_t *g)
{
	const json_t *v = json_object_get(g, "value_eur");
	return v ? json_number_value(v) : -1;
}

static bool noted(const rr_diag *d, const char *what)
{
	for (size_t i = 0; i < d->n; i++)
		if (strstr(d->msg[i], what))
			return true;
	return false;
}

/* ---- registers ---- */

static void test_columns(void **state)
{
	(void)state;
	static const char *const yes[] = {"Gever", "Schenker", "Ontvanger", "Geschatte waarde",
		"Waarde (€)", "Geschenk", "Omschrijving geschenk", "Aangeboden door", NULL};
	static const char *const no[] = {"Bestemming", "Datum", "Omschrijving", "Naam", "Doel",
		"Kosten", "Wie", NULL};
	for (const char *const *c = yes; *c; c++)
		assert_true(imp_gift_column(*c, 0, strlen(*c)));
	for (const char *const *c = no; *c; c++)
		assert_false(imp_gift_column(*c, 0, strlen(*c)));
}

static void test_table_rows(void **state)
{
	const char text[] =
		"Register relatiegeschenken 2031\n\n"
		"Datum\tOntvanger\tOmschrijving\tGever\tGeschatte waarde\tBestemming\n"
		"02-02-2031\tWethouder T. Kwast\tKristallen schaal\tBurgemeester van Coimbra\t€ 85\t"
		"Vitrine in de raadzaal\n"
		"7 maart 2031\tWethouder T. Kwast\tDoos bonbons\tHandelskamer Gent\tonbekend\t"
		"Uitgedeeld aan de medewerkers\n"
		"19 mei\tBurgemeester R. Valk\tAsbak\tConsul van Peru\t< € 50\tTeruggestuurd\n";
	json_t *doc = import_as("gm0034", "r.txt", text, NULL);
	const json_t *g;
	(void)state;
	assert_int_equal(ngifts(doc), 3);
	/* Bestemming with a place of the register is no trip's destination */
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 0);
	g = gift(doc, "Kristallen schaal");
	assert_non_null(g);
	assert_string_equal(str(g, "date"), "2031-02-02");
	assert_string_equal(str(g, "recipient"), "Wethouder T. Kwast");
	assert_string_equal(str(g, "giver"), "Burgemeester van Coimbra");
	assert_true(value(g) == 85.0);
	assert_string_equal(str(g, "disposition"), "displayed");
	assert_string_equal(str(g, "disposition_note"), "Vitrine in de raadzaal");
	assert_string_equal(str(g, "id"), "gm0034-geschenk-2031-02-02-kristallen-schaal");
	assert_true(json_is_true(json_object_get(g, "public")));
	g = gift(doc, "Doos bonbons");
	assert_non_null(g);
	assert_true(value(g) < 0); /* "onbekend" is no value */
	assert_string_equal(str(g, "disposition"), "shared");
	g = gift(doc, "Asbak");
	assert_non_null(g);
	assert_string_equal(str(g, "date"), "2031-05-19"); /* the register's year */
	assert_true(value(g) < 0);                       /* a bound is no value */
	assert_string_equal(str(g, "disposition"), "returned");
	json_decref(doc);
}

static void test_table_markdown_and_flat(void **state)
{
	const char md[] =
		"# Ontvangen geschenken\n\n"
		"| Datum | Gever | Ontvanger | Geschenk | Waarde (€) | Wat is ermee gedaan |\n"
		"|---|---|---|---|---|---|\n"
		"| 3 juni 2032 | Gouverneur van Minas Gerais | Commissaris van de Koning | "
		"Koffieservies | 120 | Tentoongesteld in het provinciehuis |\n";
	const char flat[] =
		"Geschenken van de burgemeester\n\n"
		"Burgemeester K. Brons\n\n"
		"Datum\nOmschrijving\nGever\nWaarde\nBestemming\n"
		"2 februari 2033\nZilveren vulpen\nAmbassadeur van Chili\n€ 40\nBehouden door ontvanger\n"
		"15 oktober 2033\nFotoboek\nStad Brugge\nonbekend\nBoekenkast gemeentehuis\n";
	json_t *doc;
	const json_t *g;
	(void)state;
	doc = import_as("pv26", "m.md", md, NULL);
	assert_int_equal(ngifts(doc), 1);
	g = gift(doc, "Koffieservies");
	assert_non_null(g);
	assert_true(value(g) == 120.0);
	assert_string_equal(str(g, "giver"), "Gouverneur van Minas Gerais");
	assert_string_equal(str(g, "disposition"), "displayed");
	json_decref(doc);

	doc = import_as("gm0034", "f.txt", flat, NULL);
	assert_int_equal(ngifts(doc), 2);
	g = gift(doc, "Zilveren vulpen");
	assert_non_null(g);
	/* the person above the table received them */
	assert_string_equal(str(g, "recipient"), "Burgemeester K. Brons");
	assert_string_equal(str(g, "date"), "2033-02-02");
	assert_true(value(g) == 40.0);
	assert_string_equal(str(g, "disposition"), "kept_by_recipient");
	g = gift(doc, "Fotoboek");
	assert_non_null(g);
	assert_string_equal(str(g, "giver"), "Stad Brugge");
	assert_string_equal(str(g, "disposition"), "kept_by_body");
	json_decref(doc);
}

static void test_label_blocks(void **state)
{
	const char text[] =
		"Geschenken 2034\n\n"
		"Datum: 14 juni 2034\nOntvanger: dijkgraaf M. Zwaan\nGever: Deichverband Emden\n"
		"Geschenk: Glazen schaal\nWaarde: ca. € 60\n\n"
		"Datum: 2 november 2034\nOntvanger: dijkgraaf M. Zwaan\nGever: delegatie uit Peru\n"
		"Geschenk: Lakschilderij\nWaarde: onbekend\nBestemming: hangt in de vergaderzaal\n";
	rr_diag notes = {0};
	json_t *doc = import_as("ws0155", "b.txt", text, &notes);
	const json_t *g;
	(void)state;
	assert_int_equal(ngifts(doc), 2);
	/* a register's "Datum:" is no trip form's */
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 0);
	assert_false(noted(&notes, "label not understood"));
	g = gift(doc, "Glazen schaal");
	assert_non_null(g);
	assert_true(value(g) == 60.0);
	assert_string_equal(str(g, "recipient"), "dijkgraaf M. Zwaan");
	g = gift(doc, "Lakschilderij");
	assert_non_null(g);
	assert_string_equal(str(g, "disposition"), "displayed");
	assert_string_equal(str(g, "disposition_note"), "hangt in de vergaderzaal");
	json_decref(doc);
	rr_diag_free(&notes);
}

/* ---- running text ---- */

static void test_prose_receive(void **state)
{
	const char text[] =
		"Wethouder ontvangt schaal\n\n"
		"Zwolle, 3 oktober 2035\n\n"
		"Wethouder Ria Schaap ontving op 1 oktober van de burgemeester van Coimbra een "
		"tinnen schaal ter waarde van € 45. Het geschenk staat nu in de hal van het "
		"stadhuis.\n";
	json_t *doc = import_as("gm0034", "p.txt", text, NULL);
	const json_t *g = gift(doc, "tinnen schaal");
	(void)state;
	assert_int_equal(ngifts(doc), 1);
	assert_non_null(g);
	assert_string_equal(str(g, "recipient"), "wethouder Ria Schaap");
	assert_string_equal(str(g, "giver"), "burgemeester van Coimbra");
	assert_string_equal(str(g, "date"), "2035-10-01"); /* the year of the document */
	assert_true(value(g) == 45.0);
	assert_string_equal(str(g, "disposition_note"), "staat nu in de hal van het stadhuis");
	json_decref(doc);
}

static void test_prose_list_in_brackets(void **state)
{
	/* a news item on a register: the year once, the recipient by a pronoun,
	 * the gifts in a list with giver and value in brackets */
	const char text[] =
		"Kamerleden kregen in 2036 de meeste cadeaus van het decennium. De helft ervan ging "
		"naar fractievoorzitter Olde Weghuis. Hij heeft 21 giften opgegeven, waaronder een "
		"wollen muts (Stichting Schaapskudde, twaalf euro) en een kookboek (uitgeverij "
		"Smakelijk, 25 euro).\n";
	json_t *doc = import_as("tk-tweede-kamer", "n.txt", text, NULL);
	const json_t *g;
	(void)state;
	assert_int_equal(ngifts(doc), 2);
	g = gift(doc, "wollen muts");
	assert_non_null(g);
	assert_string_equal(str(g, "recipient"), "fractievoorzitter Olde Weghuis");
	assert_string_equal(str(g, "giver"), "Stichting Schaapskudde");
	assert_string_equal(str(g, "date"), "2036");
	assert_true(value(g) == 12.0);
	g = gift(doc, "kookboek");
	assert_non_null(g);
	assert_string_equal(str(g, "giver"), "uitgeverij Smakelijk");
	assert_true(value(g) == 25.0);
	json_decref(doc);
}

static void test_prose_follow_up(void **state)
{
	/* the giver and the value in the next sentence; a gift "geschonken door"
	 * with what was done with it after it */
	const char text[] =
		"Geschenken\n\n"
		"Datum: 20 april 2037\n\n"
		"Joris van Dam, fractievoorzitter van de Groene Partij, ontving op dinsdag 14 april een "
		"paraplu. Hij kreeg het geschenk van de Vereniging Regenkleding en de paraplu zou "
		"24,50 euro hebben gekost.\n\n"
		"In 2030 maakte toenmalig burgemeester Hendrik Hoogland gewag van een doos sigaren "
		"en een aquarel, geschonken door een oud-wethouder. Dat kreeg een plekje in de "
		"trouwzaal.\n";
	rr_diag notes = {0};
	json_t *doc = import_as("gm0034", "f.txt", text, &notes);
	const json_t *g;
	(void)state;
	g = gift(doc, "paraplu");
	assert_non_null(g);
	assert_string_equal(str(g, "recipient"), "Joris van Dam");
	assert_string_equal(str(g, "giver"), "Vereniging Regenkleding");
	assert_string_equal(str(g, "date"), "2037-04-14");
	assert_true(value(g) == 24.5);
	g = gift(doc, "aquarel");
	assert_non_null(g);
	assert_string_equal(str(g, "giver"), "oud-wethouder");
	assert_string_equal(str(g, "recipient"), "burgemeester Hendrik Hoogland");
	assert_string_equal(str(g, "date"), "2030");
	assert_string_equal(str(g, "disposition"), "displayed");
	assert_string_equal(str(g, "disposition_note"), "kreeg een plekje in de trouwzaal");
	/* the cigars have no giver: a record with the giver empty */
	g = gift(doc, "doos sigaren");
	assert_non_null(g);
	assert_null(json_object_get(g, "giver"));
	assert_string_equal(str(g, "recipient"), "burgemeester Hendrik Hoogland");
	assert_string_equal(str(g, "date"), "2030");
	assert_false(noted(&notes, "doos sigaren"));
	assert_int_equal(ngifts(doc), 3);
	json_decref(doc);
	rr_diag_free(&notes);
}

static void test_prose_give_and_trip(void **state)
{
	/* given by the body's people; a gift received on a trip is that trip's
	 * and, undated itself, takes its dates (to the month they share) */
	const char give[] =
		"Nieuws\n\nAssen, 6 mei 2038\n\n"
		"Op 5 mei 2038 overhandigde gedeputeerde Fenna Bos de gouverneur van Paraná een "
		"Drents houten beeld als relatiegeschenk.\n";
	const char trip[] =
		"Verslag werkbezoek Paraná\n\n"
		"Van 3 tot 7 juni 2039 bracht gedeputeerde Fenna Bos een werkbezoek aan Paraná. "
		"Tijdens het werkbezoek kreeg gedeputeerde Fenna Bos van de gouverneur van Paraná "
		"een geweven kleed als geschenk.\n";
	const char form[] =
		"Verslag dienstreis wethouder Mol naar Tampere\n\n"
		"Deelnemers namens college: wethouder K. Mol\n"
		"Reisdoel (land, plaats): Finland, Tampere\n"
		"Vertrekdatum en duur van de reis: 3 t/m 5 maart 2031\n"
		"Verslag van de reis: De wethouder sprak over slimme mobiliteit. Wethouder Mol ontving "
		"van de burgemeester van Tampere een glazen vogel als relatiegeschenk. Het geschenk "
		"staat in de vitrine van het stadhuis.\n";
	json_t *doc;
	const json_t *g;
	(void)state;
	doc = import_as("pv22", "g.txt", give, NULL);
	g = gift(doc, "Drents houten beeld");
	assert_non_null(g);
	assert_string_equal(str(g, "giver"), "gedeputeerde Fenna Bos");
	assert_string_equal(str(g, "recipient"), "gouverneur van Paraná");
	assert_string_equal(str(g, "date"), "2038-05-05");
	json_decref(doc);

	doc = import_as("pv22", "t.txt", trip, NULL);
	assert_int_equal(json_array_size(json_object_get(doc, "trips")), 1);
	g = gift(doc, "geweven kleed");
	assert_non_null(g);
	const char *tid = json_string_value(json_object_get(
		json_array_get(json_object_get(doc, "trips"), 0), "id"));
	assert_string_equal(str(g, "trip"), tid);
	assert_string_equal(str(g, "date"), "2039-06");
	json_decref(doc);

	/* told in the report of a trip form: that trip's */
	doc = import_as("gm0034", "v.txt", form, NULL);
	g = gift(doc, "glazen vogel");
	assert_non_null(g);
	assert_string_equal(str(g, "trip"), "gm0034-2031-03-tampere");
	assert_string_equal(str(g, "date"), "2031-03");
	assert_string_equal(str(g, "giver"), "burgemeester van Tampere");
	assert_string_equal(str(g, "disposition"), "displayed");
	json_decref(doc);
}

static void test_prose_handing_over(void **state)
{
	/* a text not about gifts: a verb that hands over by itself, then any
	 * verb of giving right after; "aan haar collega" names no one; a name
	 * with what the giver is after it; "met ..." is still the gift */
	const char text[] =
		"Verslag\n\nDen Haag, 3 april 2041\n\n"
		"Tijdens de ceremonie speelde een orkest. Daarna overhandigde wethouder Lotte Kramer "
		"een beschilderde vaas aan haar Finse collega. Piet Boer, voorzitter van de "
		"gemeenteraad gaf de burgemeester een wandkleed met afbeeldingen van het stadhuis.\n";
	json_t *doc;
	const json_t *g;
	(void)state;
	doc = import_as("gm0034", "h.txt", text, NULL);
	assert_int_equal(ngifts(doc), 2);
	g = gift(doc, "beschilderde vaas");
	assert_non_null(g);
	assert_string_equal(str(g, "giver"), "wethouder Lotte Kramer");
	assert_string_equal(str(g, "recipient"), "");
	g = gift(doc, "wandkleed");
	assert_non_null(g);
	assert_string_equal(str(g, "giver"), "voorzitter Piet Boer");
	assert_string_equal(str(g, "recipient"), "burgemeester");
	assert_string_equal(str(g, "disposition_note"), "");
	assert_string_equal(str(g, "disposition"), "");
	json_decref(doc);
}

static void test_not_gifts(void **state)
{
	/* denied, habits, rules, conditions, questions, words for any gift,
	 * things that are no gift, another body's people: nothing */
	const char text[] =
		"Geschenken en gedragscode\n\n"
		"Den Haag, 2 maart 2040\n\n"
		"De burgemeester kreeg geen cadeaus tijdens de reis. Volgens de gedragscode mogen "
		"bestuurders geschenken tot 50 euro houden. Als een raadslid een geschenk ontvangt, "
		"meldt hij dat bij de griffie. Jaarlijks schenkt de partnerstad een kerstboom aan de "
		"gemeente. Kreeg de wethouder op 1 maart 2040 een vaas van de consul? De burgemeester "
		"kreeg op 1 maart 2040 een cadeau van de Japanse consul. De wethouder ontving op 1 "
		"maart 2040 een delegatie uit Tampere. De gemeente ontving op 1 maart 2040 van de "
		"provincie een subsidie van € 20.000. Burgemeester Anton Pels van Utrecht kreeg op 1 "
		"maart 2040 van de consul van Peru een vaas.\n";
	const char report[] =
		"Verslag\n\nDen Haag, 2 maart 2040\n\n"
		"Op 1 maart 2040 overhandigde de wethouder het rapport aan de minister. De burgemeester "
		"ontving op 1 maart 2040 van de ambassadeur een uitnodiging.\n";
	json_t *doc;
	(void)state;
	doc = import_as("gm0034", "n.txt", text, NULL);
	assert_int_equal(ngifts(doc), 0);
	json_decref(doc);
	doc = import_as("gm0034", "v.txt", report, NULL);
	assert_int_equal(ngifts(doc), 0);
	json_decref(doc);
}

static void test_unstated_facts(void **state)
{
	/* a giver, a recipient or a date the text does not state stays empty;
	 * a gift of running text with no recipient is kept only when the
	 * body's people gave it; "hij" is not a name in the phrase that opens
	 * its own sentence */
	const char text[] =
		"Ontvangen geschenken\n\n"
		"Den Haag, 3 april 2042\n\n"
		"In 2041 kreeg wethouder Lotte Kramer een ingelijste prent.\n\n"
		"Op 2 februari 2042 overhandigde de burgemeester een stadsvlag als geschenk.\n\n"
		"Op 4 februari 2042 overhandigde de ambassadeur van Chili een boek als geschenk.\n\n"
		"Dit jaar heeft wethouder Kees Mol het duurste cadeau ontvangen. Bij de uitreiking "
		"van de Gouden Fietsprijs kreeg hij een racefiets van 900 euro.\n";
	const char reg[] =
		"Geschenkenregister\n\n"
		"Ontvanger\tOmschrijving\tGever\tWaarde\n"
		"Burgemeester L. Vos\tTheeservies\tConsul van Japan\t€ 60\n"
		"Wethouder K. Mol\tFotoboek\t\tonbekend\n";
	rr_diag notes = {0};
	json_t *doc = import_as("gm0034", "u.txt", text, &notes);
	const json_t *g;
	(void)state;
	g = gift(doc, "ingelijste prent");
	assert_non_null(g);
	assert_null(json_object_get(g, "giver"));
	assert_string_equal(str(g, "recipient"), "wethouder Lotte Kramer");
	assert_string_equal(str(g, "date"), "2041");
	g = gift(doc, "stadsvlag");
	assert_non_null(g);
	assert_string_equal(str(g, "giver"), "burgemeester");
	assert_null(json_object_get(g, "recipient"));
	assert_string_equal(str(g, "date"), "2042-02-02");
	/* from someone not the body's, to no one named: not the body's gift */
	assert_null(gift(doc, "boek"));
	assert_true(noted(&notes, "a gift (boek) without a recipient"));
	g = gift(doc, "racefiets");
	assert_non_null(g);
	assert_string_equal(str(g, "recipient"), "wethouder Kees Mol");
	assert_null(json_object_get(g, "giver"));
	assert_true(value(g) == 900.0);
	assert_int_equal(ngifts(doc), 3);
	json_decref(doc);
	rr_diag_free(&notes);

	/* a register without dates: the date empty, the id says so */
	doc = import_as("gm0034", "r.txt", reg, NULL);
	assert_int_equal(ngifts(doc), 2);
	g = gift(doc, "Theeservies");
	assert_non_null(g);
	assert_null(json_object_get(g, "date"));
	assert_string_equal(str(g, "giver"), "Consul van Japan");
	assert_string_equal(str(g, "id"), "gm0034-geschenk-zonder-datum-theeservies");
	g = gift(doc, "Fotoboek");
	assert_non_null(g);
	assert_null(json_object_get(g, "giver"));
	assert_null(json_object_get(g, "date"));
	assert_string_equal(str(g, "recipient"), "Wethouder K. Mol");
	json_decref(doc);
}

static void test_same_gift_twice(void **state)
{
	/* importing again gives the same record; two gifts alike in one text are two */
	const char text[] =
		"Datum\tOntvanger\tOmschrijving\tGever\n"
		"4-4-2041\tBurgemeester L. Vos\tFles wijn\tConsul van Chili\n"
		"4-4-2041\tWethouder K. Mol\tFles wijn\tConsul van Chili\n";
	rr_import *im = NULL;
	rr_diag d = {0};
	json_t *doc = NULL;
	(void)state;
	assert_int_equal(rr_import_new(NULL, "gm0034", false, &im, &d), RR_OK);
	for (int i = 0; i < 2; i++)
		assert_int_equal(rr_import_add(im, "r.txt", (const unsigned char *)text, strlen(text),
					       &d), RR_OK);
	assert_int_equal(rr_import_result(im, &doc, &d), RR_OK);
	assert_int_equal(ngifts(doc), 2);
	const json_t *a = json_array_get(json_object_get(doc, "gifts"), 0);
	const json_t *b = json_array_get(json_object_get(doc, "gifts"), 1);
	assert_string_equal(str(a, "id"), "gm0034-geschenk-2041-04-04-fles-wijn");
	assert_string_equal(str(b, "id"), "gm0034-geschenk-2041-04-04-fles-wijn-2");
	assert_true(json_is_false(json_object_get(a, "public")));
	json_decref(doc);
	rr_import_free(im);
	rr_diag_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_columns),
		cmocka_unit_test(test_table_rows),
		cmocka_unit_test(test_table_markdown_and_flat),
		cmocka_unit_test(test_label_blocks),
		cmocka_unit_test(test_prose_receive),
		cmocka_unit_test(test_prose_list_in_brackets),
		cmocka_unit_test(test_prose_follow_up),
		cmocka_unit_test(test_prose_give_and_trip),
		cmocka_unit_test(test_prose_handing_over),
		cmocka_unit_test(test_not_gifts),
		cmocka_unit_test(test_unstated_facts),
		cmocka_unit_test(test_same_gift_twice),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
