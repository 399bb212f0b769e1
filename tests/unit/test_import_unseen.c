/* test_import_unseen - rules found by reading documents of the genre that
 * the corpus does not hold, on made-up sentences of the same forms: a
 * surname that is also a word ("Van de Stad"), a Dutch body whose name a
 * town abroad shares ("de gemeente Westland"), a relation's "sinds 2007"
 * that is no trip's date. */
#include <stdio.h>
#include <string.h>

#include "testutil.h"

#include "import/import.h"
#include "import/import_int.h"
#include "nl/words.h"

static const imp_body province = {"pv99", "Provincie Voorbeeld", "Voorbeeld", "province"};

/* The people of s, read with the province's eyes. */
static size_t people(const char *s, imp_person *p, size_t max)
{
	rr_words ws;
	size_t n;
	assert_int_equal(rr_words_split(s, strlen(s), &ws), RR_OK);
	n = imp_persons_scan(&ws, 0, ws.count, &province, p, max);
	rr_words_free(&ws);
	return n;
}

static void surname_that_is_a_word(void **state)
{
	imp_person p[4];
	(void)state;
	/* "van de" before a capitalised word that ends the run: a surname */
	assert_int_equal(people("In mei reist burgemeester Karel van de Stad naar Gent.", p, 4), 1);
	assert_string_equal(p[0].name, "Karel van de Stad");
	assert_string_equal(p[0].role, "burgemeester");
	assert_int_equal(people("wethouder Els van der Kamer en burgemeester Bos", p, 4), 2);
	assert_string_equal(p[0].name, "Els van der Kamer");
	/* a country's adjective after "van de" begins whose office it is */
	assert_int_equal(people("met burgemeester Ferenc Kovács van de Hongaarse gemeente Baja",
				p, 4), 1);
	assert_string_equal(p[0].name, "Ferenc Kovács");
	assert_int_equal(p[0].side, IMP_SIDE_FOREIGN);
	/* but "van de gemeente ..." still ends the name */
	assert_int_equal(people("wethouder Jansen van de gemeente Voorbeeld", p, 4), 1);
	assert_string_equal(p[0].name, "Jansen");
}

static void dutch_body_abroad_name(void **state)
{
	imp_person p[4];
	const char *s = "met burgemeester Bakker van de gemeente Westland";
	(void)state;
	assert_true(imp_names_dutch_body(s, strlen("met burgemeester Bakker van "), strlen(s)));
	assert_true(imp_names_dutch_body("provincie Zeeland", 0, strlen("provincie Zeeland")));
	assert_false(imp_names_dutch_body("de provincie Hebei", 0, strlen("de provincie Hebei")));
	assert_false(imp_names_dutch_body("Westland", 0, strlen("Westland")));
	/* a mayor of another Dutch body, not a foreign one */
	assert_int_equal(people(s, p, 4), 1);
	assert_int_equal(p[0].side, IMP_SIDE_OTHER);
}

static void dutch_body_is_no_place_abroad(void **state)
{
	const char *s = "Een tuinbouwdelegatie van de gemeente Westland reisde mee naar Hebei.";
	rr_words ws;
	imp_pms pms = {0};
	(void)state;
	assert_int_equal(rr_words_split(s, strlen(s), &ws), RR_OK);
	assert_int_equal(imp_places_scan(&ws, &province, NULL, &pms), RR_OK);
	for (size_t i = 0; i < pms.n; i++)
		assert_true(!strcmp(pms.v[i].p.country, "NL") || !strcmp(pms.v[i].p.country, "CN"));
	imp_pms_free(&pms);
	rr_words_free(&ws);
}

/* The trips of one made-up text imported for Utrecht's province (dry run). */
static json_t *trips_of(const char *text)
{
	rr_import *im = NULL;
	rr_diag d = {0};
	json_t *doc = NULL, *trips;
	assert_int_equal(rr_import_new(NULL, "pv26", true, &im, &d), RR_OK);
	assert_int_equal(rr_import_add(im, "m.txt", (const unsigned char *)text, strlen(text), &d),
			 RR_OK);
	assert_int_equal(rr_import_result(im, &doc, &d), RR_OK);
	rr_import_free(im);
	rr_diag_free(&d);
	trips = json_incref(json_object_get(doc, "trips"));
	json_decref(doc);
	return trips;
}

static void since_is_no_trip_date(void **state)
{
	json_t *t;
	(void)state;
	/* "sinds 2007" dates the relation; the visits are those of the mission */
	t = trips_of("Aankondiging missie naar China november 2019\n\nDatum besluit: 2 juli 2019\n\n"
		     "De gedeputeerde leidt van 4 tot en met 9 november 2019 een missie naar China. "
		     "Naast een bezoek aan een beurs worden werkbezoeken afgelegd in de provincie "
		     "Jiangsu, waarmee de provincie Utrecht sinds 2007 een intensieve relatie "
		     "onderhoudt.\n");
	assert_int_equal(json_array_size(t), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(t, 0), "start")),
			    "2019-11-04");
	json_decref(t);
}

/* "gaan … naar" with no date: still to come; "gingen … naar": made */
static void going_is_planned(void **state)
{
	json_t *t;
	(void)state;
	t = trips_of("Drie bedrijven uit de provincie gaan samen met de gedeputeerde naar Japan voor "
		     "een handelsmissie.\n");
	assert_int_equal(json_array_size(t), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(t, 0), "status")),
			    "approved");
	json_decref(t);
	t = trips_of("Drie bedrijven uit de provincie gingen samen met de gedeputeerde naar Japan "
		     "voor een handelsmissie.\n");
	assert_int_equal(json_array_size(t), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(t, 0), "status")),
			    "completed");
	json_decref(t);
}

/* "de Belgische hoofdstad" is Brussel, a city */
static void capital_by_adjective(void **state)
{
	json_t *t, *d;
	(void)state;
	t = trips_of("Provincie Utrecht, 3 december 2024\n\nDe gedeputeerde bracht in oktober een "
		     "werkbezoek aan de Noorse hoofdstad.\n");
	assert_int_equal(json_array_size(t), 1);
	d = json_array_get(json_object_get(json_array_get(t, 0), "destinations"), 0);
	assert_string_equal(json_string_value(json_object_get(d, "country")), "NO");
	assert_string_equal(json_string_value(json_object_get(d, "city")), "Oslo");
	json_decref(t);
}

/* The King of "Commissaris van de Koning" is the province's own governor's
 * office; the King himself travels for nobody's register here. */
static void governor_of_the_king(void **state)
{
	json_t *t;
	(void)state;
	t = trips_of("Nieuws\n\nCommissaris van de Koning Anna Bakker heeft van 4 - 9 juni 2017 "
		     "een handelsmissie naar Vietnam geleid.\n");
	assert_int_equal(json_array_size(t), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(
		json_array_get(t, 0), "travellers"), 0), "role")), "commissaris van de koning");
	json_decref(t);
	t = trips_of("Nieuws\n\nDe Koning heeft van 4 - 9 juni 2017 een staatsbezoek aan Vietnam "
		     "gebracht.\n");
	assert_int_equal(json_array_size(t), 0);
	json_decref(t);
}

/* "uit te slaan in China" is a verb's particle, not visitors from China */
static void particle_is_no_origin(void **state)
{
	json_t *t;
	(void)state;
	t = trips_of("Nieuws\n\nOndernemers die hun vleugels willen uit te slaan in Vietnam, kunnen "
		     "van 3 tot en met 8 december 2018 met de gedeputeerde en een delegatie experts "
		     "mee op handelsreis.\n");
	for (size_t i = 0; i < json_array_size(t); i++)
		assert_string_not_equal(json_string_value(json_object_get(json_array_get(t, i),
			"direction")), "in");
	json_decref(t);
}

/* "tussen beide gemeenten … een stedenband": the partner named before */
static void both_sides_of_a_relation(void **state)
{
	rr_import *im = NULL;
	rr_diag d = {0};
	json_t *doc = NULL, *p;
	const char *text = "Nieuws, 14 september 2018\n\nDe burgemeester en de burgemeester van "
		"de Poolse gemeente Wieliczka hebben zaterdag een boom geplant. Ze vierden dat "
		"tussen beide gemeenten al 20 jaar een stedenband bestaat.\n";
	(void)state;
	assert_int_equal(rr_import_new(NULL, "pv26", true, &im, &d), RR_OK);
	assert_int_equal(rr_import_add(im, "m.txt", (const unsigned char *)text, strlen(text), &d),
			 RR_OK);
	assert_int_equal(rr_import_result(im, &doc, &d), RR_OK);
	assert_int_equal(json_array_size(json_object_get(doc, "partnerships")), 1);
	p = json_array_get(json_object_get(doc, "partnerships"), 0);
	assert_string_equal(json_string_value(json_object_get(json_object_get(p, "partner"),
							      "country")), "PL");
	assert_string_equal(json_string_value(json_object_get(p, "since")), "1998");
	assert_string_equal(json_string_value(json_object_get(p, "type")), "sister_city");
	json_decref(doc);
	rr_import_free(im);
	rr_diag_free(&d);
}

/* "heeft de afgelopen 12 jaar samengewerkt met de stad X": a relation
 * since the document's year less those years, of no stated kind; without
 * how long, or with another Dutch body as the party, none */
static json_t *partnerships_of(const char *text)
{
	rr_import *im = NULL;
	rr_diag d = {0};
	json_t *doc = NULL, *p;
	assert_int_equal(rr_import_new(NULL, "pv26", true, &im, &d), RR_OK);
	assert_int_equal(rr_import_add(im, "m.txt", (const unsigned char *)text, strlen(text), &d),
			 RR_OK);
	assert_int_equal(rr_import_result(im, &doc, &d), RR_OK);
	rr_import_free(im);
	rr_diag_free(&d);
	p = json_incref(json_object_get(doc, "partnerships"));
	json_decref(doc);
	return p;
}

static void worked_together_for_years(void **state)
{
	json_t *p;
	(void)state;
	p = partnerships_of("Nieuws, 3 maart 2020\n\nDe gemeente heeft de afgelopen 12 jaar "
			    "samengewerkt met de stad Tampere aan schoon drinkwater.\n");
	assert_int_equal(json_array_size(p), 1);
	assert_string_equal(json_string_value(json_object_get(json_object_get(json_array_get(p, 0),
							      "partner"), "country")), "FI");
	assert_string_equal(json_string_value(json_object_get(json_array_get(p, 0), "since")),
			    "2008");
	assert_null(json_object_get(json_array_get(p, 0), "type"));
	json_decref(p);
	p = partnerships_of("Nieuws, 3 maart 2020\n\nDe gemeente werkt al tien jaar samen met "
			    "Tampere.\n");
	assert_int_equal(json_array_size(p), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(p, 0), "since")),
			    "2010");
	json_decref(p);
	p = partnerships_of("Nieuws, 3 maart 2020\n\nDe gemeente heeft samengewerkt met de stad "
			    "Tampere.\n");
	assert_int_equal(json_array_size(p), 0);
	json_decref(p);
}

/* The trips of a made-up text imported for the body code (dry run). */
static json_t *trips_for(const char *code, const char *text)
{
	rr_import *im = NULL;
	rr_diag d = {0};
	json_t *doc = NULL, *trips;
	assert_int_equal(rr_import_new(NULL, code, true, &im, &d), RR_OK);
	assert_int_equal(rr_import_add(im, "m.txt", (const unsigned char *)text, strlen(text), &d),
			 RR_OK);
	assert_int_equal(rr_import_result(im, &doc, &d), RR_OK);
	rr_import_free(im);
	rr_diag_free(&d);
	trips = json_incref(json_object_get(doc, "trips"));
	json_decref(doc);
	return trips;
}

static const char *field(json_t *trips, size_t i, const char *k)
{
	return json_string_value(json_object_get(json_array_get(trips, i), k));
}

static const char *origin_of(json_t *trips, size_t i, const char *k)
{
	return json_string_value(json_object_get(json_object_get(json_array_get(trips, i),
								 "origin"), k));
}

/* "een delegatie van de stad X zal onze plaats bezoeken": visitors named by
 * the town they are of, to the body's own place even when the gazetteer
 * knows no town of that name (a merged municipality); one visit, though
 * two words tell it; a season is its year */
static void delegation_of_a_town(void **state)
{
	json_t *t;
	(void)state;
	t = trips_for("gm1978", "Nieuws\n\nIn het najaar van 2025 zal een delegatie van de stad "
		      "Tartu Molenlanden bezoeken.\n");
	assert_int_equal(json_array_size(t), 1);
	assert_string_equal(field(t, 0, "direction"), "in");
	assert_string_equal(origin_of(t, 0, "country"), "EE");
	assert_string_equal(origin_of(t, 0, "city"), "Tartu");
	assert_string_equal(field(t, 0, "start"), "2025");
	assert_string_equal(field(t, 0, "status"), "approved");
	json_decref(t);
	/* a town's name that goes on in capitals is a longer name: only its
	 * country is sure, the whole name is the counterpart */
	t = trips_for("gm1978", "Nieuws\n\nIn oktober 2019 heeft een delegatie uit Suzhou "
		      "Industrial Park een bezoek gebracht aan Molenlanden.\n");
	assert_int_equal(json_array_size(t), 1);
	assert_string_equal(field(t, 0, "direction"), "in");
	assert_string_equal(origin_of(t, 0, "country"), "CN");
	assert_null(origin_of(t, 0, "city"));
	assert_string_equal(field(t, 0, "counterpart"), "Suzhou Industrial Park");
	json_decref(t);
}

/* A report tells of visitors received; without a date of its own, its
 * year-less dates are of the journey it reports */
static void visitors_in_a_report(void **state)
{
	json_t *t;
	size_t in = 0;
	(void)state;
	t = trips_for("gm1978", "Verslag buitenlandse dienstreis\n\nDeelnemer(s) namens college:\n\n"
		      "Burgemeester Jansen\n\nReisdoel (land, plaats):\n\nFinland, Tampere\n\n"
		      "Vertrek- en retourdatum van de reis:\n\n3 t/m 6 oktober 2022\n\n"
		      "Verslag van de reis:\n\nDe burgemeester sprak met het stadsbestuur. Eind "
		      "september jl. heeft een delegatie uit Tampere een bezoek gebracht aan "
		      "Molenlanden.\n");
	assert_int_equal(json_array_size(t), 2);
	for (size_t i = 0; i < 2; i++) {
		if (strcmp(field(t, i, "direction"), "in"))
			continue;
		in++;
		assert_string_equal(origin_of(t, i, "city"), "Tampere");
		assert_string_equal(field(t, i, "start"), "2022-09");
	}
	assert_int_equal(in, 1);
	json_decref(t);
}

/* A news item on a visit to the partner recalls earlier visits: "de
 * Duitsers" came to the body (from the partner of that country), "de Duitse
 * stad" is the partner again; what follows is about the coming visit, and
 * "de kosten worden door X gedragen" names its payer */
static void visits_recalled(void **state)
{
	json_t *t;
	(void)state;
	t = trips_for("gm1978", "Nieuws\n\nMolenlanden, 3 maart 2026\n\nBurgemeester Jansen brengt "
		      "in juni een werkbezoek aan de Duitse zusterstad Rheine.\n\nDe Duitsers brachten "
		      "eerder al een bezoek aan Molenlanden. In 2019 bracht een wethouder ook al een "
		      "bezoek aan de Duitse stad. De meeste kosten van het bezoek worden door de "
		      "Duitse gastheren gedragen.\n");
	assert_int_equal(json_array_size(t), 3);
	assert_string_equal(field(t, 0, "start"), "2026-06");
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(
		json_array_get(t, 0), "costs"), 0), "paid_by")), "Duitse gastheren");
	assert_string_equal(field(t, 1, "direction"), "in");
	assert_string_equal(origin_of(t, 1, "city"), "Rheine");
	assert_string_equal(field(t, 2, "start"), "2019");
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(
		json_array_get(t, 2), "destinations"), 0), "city")), "Rheine");
	assert_null(json_object_get(json_array_get(t, 2), "costs"));
	json_decref(t);
}

/* Visitors told as coming ("komen … op bezoek") are still to come, the
 * yearly fair they come for is no habit of the visit, and "Verder …" tells
 * another visit, not the one before again; "op bezoek geweest bij de
 * gemeente X" names the host */
static void visitors_coming(void **state)
{
	json_t *t;
	(void)state;
	t = trips_for("gm1978", "Nieuws\n\nMolenlanden, 3 maart 2026\n\nVorig jaar ben ik op bezoek "
		      "geweest bij de gemeente Rheine. In mei komt een groep leerlingen uit Rheine op "
		      "bezoek bij onze muziekschool. Verder komen de burgemeester en de wethouder van "
		      "Rheine op bezoek om de jaarlijkse kermis te openen.\n");
	assert_int_equal(json_array_size(t), 3);
	assert_string_equal(field(t, 0, "direction"), "out");
	assert_string_equal(field(t, 0, "counterpart"), "Rheine");
	assert_string_equal(field(t, 1, "start"), "2026-05");
	assert_string_equal(field(t, 2, "direction"), "in");
	assert_string_equal(field(t, 2, "status"), "approved");
	assert_null(field(t, 2, "start"));
	assert_string_equal(origin_of(t, 2, "city"), "Rheine");
	json_decref(t);
}

/* A trip word with no place of its own goes to the one foreign place of the
 * sentence right before it: the first trip of a text, or the last of a
 * series that a report recalls (years before its own journey: another) */
static void place_in_the_sentence_before(void **state)
{
	json_t *t;
	(void)state;
	t = trips_for("pv26", "Nieuws\n\nVolgens de organisator laat Vietnam voorlopig geen groepen "
		      "meer toe. Daarom heeft de gedeputeerde besloten de handelsmissie voorlopig te "
		      "annuleren.\n");
	assert_int_equal(json_array_size(t), 1);
	assert_string_equal(field(t, 0, "status"), "cancelled");
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(
		json_array_get(t, 0), "destinations"), 0), "country")), "VN");
	json_decref(t);
	t = trips_for("gm1978", "Verslag buitenlandse dienstreis\n\nDeelnemer(s) namens college:\n\n"
		      "Burgemeester Jansen\n\nReisdoel (land, plaats):\n\nFinland, Tampere\n\n"
		      "Vertrek- en retourdatum van de reis:\n\n3 t/m 6 oktober 2022\n\n"
		      "Verslag van de reis:\n\nDit bezoek is een van een reeks bezoeken van onze "
		      "bestuurders aan Finland. Het laatste bezoek vond plaats in mei 2017 door "
		      "wethouder De Vries.\n");
	assert_int_equal(json_array_size(t), 2);
	assert_string_equal(field(t, 1, "start"), "2017-05");
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(
		json_array_get(t, 1), "destinations"), 0), "country")), "FI");
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(
		json_array_get(t, 1), "travellers"), 0), "name")), "De Vries");
	json_decref(t);
}

/* "Burgemeester X was daar telkens bij" right after trips: X went on each;
 * whoever the sentence names after that (only some of the times) does not */
static void present_there(void **state)
{
	json_t *t;
	(void)state;
	t = trips_for("gm1978", "Nieuws\n\nMolenlanden, 12 december 2025\n\nDit jaar maakte de "
		      "gemeente drie reizen naar Gdynia, Lodz en Krakau. Burgemeester Visser was daar "
		      "telkens bij en wethouder Kok een keer.\n");
	assert_int_equal(json_array_size(t), 3);
	for (size_t i = 0; i < 3; i++) {
		json_t *tr = json_object_get(json_array_get(t, i), "travellers");
		assert_int_equal(json_array_size(tr), 1);
		assert_string_equal(json_string_value(json_object_get(json_array_get(tr, 0),
								       "name")), "Visser");
	}
	json_decref(t);
}

/* The one town a trip goes to, called the body's partner in the trip's
 * sentence ("de Finse partnergemeente"), is its counterpart; a partner of
 * another country is not that town */
static void partner_named_after_the_town(void **state)
{
	json_t *t;
	(void)state;
	t = trips_for("gm1978", "Nieuws\n\nMolenlanden, 12 mei 2025\n\nWethouder Bakker heeft met "
		      "haar komst naar Tampere veel vrienden gemaakt bij de inwoners van de Finse "
		      "partnergemeente.\n");
	assert_int_equal(json_array_size(t), 1);
	assert_string_equal(field(t, 0, "counterpart"), "Tampere");
	json_decref(t);
	t = trips_for("gm1978", "Nieuws\n\nMolenlanden, 12 mei 2025\n\nWethouder Bakker heeft met "
		      "haar komst naar Tampere veel vrienden gemaakt bij de inwoners van de Zweedse "
		      "partnergemeente.\n");
	assert_int_equal(json_array_size(t), 1);
	assert_null(field(t, 0, "counterpart"));
	json_decref(t);
}

/* After "een overzicht van de reizen van dit jaar", an undated trip is of
 * the document's year */
static void trips_of_this_year(void **state)
{
	json_t *t;
	(void)state;
	t = trips_for("gm1978", "Nieuws\n\nMolenlanden, 12 december 2025\n\nDe burgemeester stuurde "
		      "donderdag een overzicht van de reizen van dit jaar naar de raad. Wethouder "
		      "Bakker is twee keer in Denemarken geweest.\n");
	assert_int_equal(json_array_size(t), 2);
	assert_string_equal(field(t, 0, "start"), "2025");
	assert_string_equal(field(t, 1, "start"), "2025");
	json_decref(t);
	/* without it, the text does not say when */
	t = trips_for("gm1978", "Nieuws\n\nMolenlanden, 12 december 2025\n\nWethouder Bakker is "
		      "twee keer in Denemarken geweest.\n");
	assert_int_equal(json_array_size(t), 2);
	assert_null(field(t, 0, "start"));
	json_decref(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(surname_that_is_a_word),
		cmocka_unit_test(dutch_body_abroad_name),
		cmocka_unit_test(dutch_body_is_no_place_abroad),
		cmocka_unit_test(since_is_no_trip_date),
		cmocka_unit_test(going_is_planned),
		cmocka_unit_test(capital_by_adjective),
		cmocka_unit_test(governor_of_the_king),
		cmocka_unit_test(particle_is_no_origin),
		cmocka_unit_test(both_sides_of_a_relation),
		cmocka_unit_test(delegation_of_a_town),
		cmocka_unit_test(visitors_in_a_report),
		cmocka_unit_test(visits_recalled),
		cmocka_unit_test(visitors_coming),
		cmocka_unit_test(place_in_the_sentence_before),
		cmocka_unit_test(trips_of_this_year),
		cmocka_unit_test(present_there),
		cmocka_unit_test(worked_together_for_years),
		cmocka_unit_test(partner_named_after_the_town),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
