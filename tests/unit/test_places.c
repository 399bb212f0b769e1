/* Unit tests: nl/places (the compiled-in gazetteer: data, folding, ranking,
 * countries, distances). Each case fails when the data packages, the hand
 * table or the folding lose what the importer and the CO2 figures need. */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "nl/places.h"

static bool best(const char *name, const char *hint, rr_place *p)
{
	return rr_place_best(name, strlen(name), hint, p);
}

/* The best place for name is of kind in country cc; returns it. */
static rr_place expect(const char *name, const char *hint, rr_place_kind kind, const char *cc)
{
	rr_place p;
	if (!best(name, hint, &p)) {
		fprintf(stderr, "no place for \"%s\"\n", name);
		fail();
	}
	if (p.kind != kind || strcmp(p.country, cc) != 0) {
		fprintf(stderr, "\"%s\": kind %d in %s (%s), want kind %d in %s\n", name, p.kind,
			p.country, p.name, kind, cc);
		fail();
	}
	return p;
}

static void data_is_consistent(void **state)
{
	(void)state;
	/* every key hashes what this build of the folding makes of its name */
	assert_int_equal(rr_places_selfcheck(), 0);
	assert_int_equal(rr_places_count(RR_PLACE_COUNTRY), 250);
	assert_true(rr_places_count(RR_PLACE_REGION) > 5000);
	/* every city of GeoNames' cities1000, not a selection */
	assert_true(rr_places_count(RR_PLACE_CITY) > 170000);
}

/* The capital of a country: the city GeoNames marks PPLC */
static void capitals(void **state)
{
	rr_place p;
	(void)state;
	assert_true(rr_place_capital("BE", &p));
	assert_string_equal(p.name_nl ? p.name_nl : p.name, "Brussel");
	assert_int_equal(p.kind, RR_PLACE_CITY);
	assert_true(rr_place_capital("JP", &p));
	assert_string_equal(p.name_nl ? p.name_nl : p.name, "Tokio");
	assert_false(rr_place_capital("XX", &p));
}

static void dutch_exonyms(void **state)
{
	rr_place p;
	(void)state;
	p = expect("Tokio", NULL, RR_PLACE_CITY, "JP");
	assert_string_equal(p.name, "Tokyo");
	assert_string_equal(p.name_nl, "Tokio");
	assert_int_equal(p.match, RR_PLACE_BY_NL);
	p = expect("Peking", NULL, RR_PLACE_CITY, "CN");
	assert_string_equal(p.name, "Beijing");
	p = expect("Keulen", NULL, RR_PLACE_CITY, "DE");
	assert_string_equal(p.name, "Köln");
	assert_string_equal(p.region, "Noordrijn-Westfalen");
	p = expect("Aken", NULL, RR_PLACE_CITY, "DE");
	assert_string_equal(p.name, "Aachen");
	expect("Kopenhagen", NULL, RR_PLACE_CITY, "DK");
	expect("Moskou", NULL, RR_PLACE_CITY, "RU");
	p = expect("Brussel", NULL, RR_PLACE_CITY, "BE");
	assert_string_equal(p.feature, "PPLC");
	p = expect("Munchen", NULL, RR_PLACE_CITY, "DE");
	assert_string_equal(p.name, "Munich");
	expect("München", NULL, RR_PLACE_CITY, "DE");
	expect("Muenchen", NULL, RR_PLACE_CITY, "DE");
	p = expect("Frankfurt", NULL, RR_PLACE_CITY, "DE");
	assert_string_equal(p.name, "Frankfurt am Main");
	p = expect("Den Haag", NULL, RR_PLACE_CITY, "NL");
	assert_string_equal(p.name, "The Hague");
}

static void small_cities_and_spellings(void **state)
{
	rr_place p;
	(void)state;
	p = expect("Balve", NULL, RR_PLACE_CITY, "DE");
	assert_true(p.population > 10000 && p.population < 15000);
	expect("Tilisca", NULL, RR_PLACE_CITY, "RO");
	expect("Tilişca", NULL, RR_PLACE_CITY, "RO");
	expect("Tilișca", NULL, RR_PLACE_CITY, "RO"); /* comma below, not cedilla */
	p = expect("Kurobe", NULL, RR_PLACE_CITY, "JP");
	assert_int_equal(p.match, RR_PLACE_BY_ALT); /* GeoNames: Kurobe-shi */
	expect("Shunan", NULL, RR_PLACE_CITY, "JP");
	expect("Shūnan", NULL, RR_PLACE_CITY, "JP");
	expect("Dobruska", NULL, RR_PLACE_CITY, "CZ");
	expect("Dobruška", NULL, RR_PLACE_CITY, "CZ");
	expect("Sered", NULL, RR_PLACE_CITY, "SK");
	expect("Sereď", NULL, RR_PLACE_CITY, "SK");
	expect("Bückeburg", NULL, RR_PLACE_CITY, "DE");
	expect("Bueckeburg", NULL, RR_PLACE_CITY, "DE");
	expect("BÜCKEBURG", NULL, RR_PLACE_CITY, "DE");
	p = expect("'s-Hertogenbosch", NULL, RR_PLACE_CITY, "NL");
	assert_string_equal(p.feature, "PPLA");
	expect("’s-Hertogenbosch", NULL, RR_PLACE_CITY, "NL");
	expect("s Hertogenbosch", NULL, RR_PLACE_CITY, "NL");
	expect("Bad Pyrmont", NULL, RR_PLACE_CITY, "DE");
	expect("Konstancin-Jeziorna", NULL, RR_PLACE_CITY, "PL");
	expect("Konstancin Jeziorna", NULL, RR_PLACE_CITY, "PL");
	expect("Łódź", NULL, RR_PLACE_CITY, "PL");
	expect("Lodz", NULL, RR_PLACE_CITY, "PL");
}

static void ambiguity_population_and_hint(void **state)
{
	rr_place p[64];
	rr_place one;
	size_t n, i;
	bool us = false;
	(void)state;
	one = expect("Manchester", NULL, RR_PLACE_CITY, "GB");
	assert_true(one.population > 300000);
	one = expect("Manchester", "US", RR_PLACE_CITY, "US");
	assert_string_equal(one.name, "Manchester");
	assert_true(one.population > 100000); /* the largest in the US: New Hampshire */
	n = rr_places_lookup("Manchester", 10, p, 64);
	assert_true(n > 10 && n <= 64);
	for (i = 0; i < n; i++)
		us |= strcmp(p[i].country, "US") == 0;
	assert_true(us);
	/* a hint for a country without such a place: the first one */
	expect("Manchester", "JP", RR_PLACE_CITY, "GB");
	/* a national capital comes before a region of the same name */
	one = expect("Washington", NULL, RR_PLACE_CITY, "US");
	assert_string_equal(one.feature, "PPLC");
	/* a city comes before the region of the same name it lies in */
	one = expect("Osaka", NULL, RR_PLACE_CITY, "JP");
	n = rr_places_lookup("Osaka", 5, p, 64);
	assert_true(n >= 2);
	assert_int_equal(p[1].kind, RR_PLACE_REGION);
	assert_string_equal(p[1].code, "JP-27");
	/* lookup reports the full count even with a small buffer */
	assert_int_equal(rr_places_lookup("Manchester", 10, p, 1), n = rr_places_lookup("Manchester", 10, NULL, 0));
	assert_true(n > 10);
}

static void regions(void **state)
{
	rr_place p;
	(void)state;
	p = expect("Guangdong", NULL, RR_PLACE_REGION, "CN");
	assert_string_equal(p.code, "CN-GD");
	assert_true(p.has_coords);
	p = expect("Beieren", NULL, RR_PLACE_REGION, "DE");
	assert_string_equal(p.code, "DE-BY");
	assert_string_equal(p.name_nl, "Beieren");
	expect("Bayern", NULL, RR_PLACE_REGION, "DE");
	p = expect("Nedersaksen", NULL, RR_PLACE_REGION, "DE");
	assert_string_equal(p.code, "DE-NI");
	assert_true(p.has_coords); /* the seat, Hannover */
	assert_true(fabs(p.lat - 52.37) < 0.2 && fabs(p.lon - 9.73) < 0.2);
	expect("Niedersachsen", NULL, RR_PLACE_REGION, "DE");
	expect("Nordrhein-Westfalen", NULL, RR_PLACE_REGION, "DE");
	expect("Noordrijn-Westfalen", NULL, RR_PLACE_REGION, "DE");
	p = expect("Zuid-Moravië", NULL, RR_PLACE_REGION, "CZ");
	assert_string_equal(p.code, "CZ-64");
	expect("Jihomoravský kraj", NULL, RR_PLACE_REGION, "CZ");
	p = expect("Michigan", NULL, RR_PLACE_REGION, "US");
	assert_string_equal(p.code, "US-MI");
	expect("Lombardije", NULL, RR_PLACE_REGION, "IT");
	expect("Lombardia", NULL, RR_PLACE_REGION, "IT");
	expect("Zhejiang", NULL, RR_PLACE_REGION, "CN");
	expect("Sichuan", NULL, RR_PLACE_REGION, "CN");
	expect("Maramureș", NULL, RR_PLACE_REGION, "RO");
	expect("Maramures", NULL, RR_PLACE_REGION, "RO");
	/* a city knows its region */
	p = expect("Balve", NULL, RR_PLACE_CITY, "DE");
	assert_string_equal(p.region, "Noordrijn-Westfalen");
}

static void countries(void **state)
{
	rr_place p;
	(void)state;
	assert_string_equal(rr_country_name_nl("CN"), "China");
	assert_string_equal(rr_country_name_nl("DE"), "Duitsland");
	assert_string_equal(rr_country_name_nl("KR"), "Zuid-Korea");
	assert_string_equal(rr_country_name_nl("GB"), "Verenigd Koninkrijk");
	assert_string_equal(rr_country_name_nl("XK"), "Kosovo");
	assert_string_equal(rr_country_name("DE"), "Germany");
	assert_null(rr_country_name_nl("ZZ"));
	assert_null(rr_country_name_nl("cn"));
	assert_null(rr_country_name_nl(NULL));
#define CODE(s) rr_country_code(s, strlen(s))
	assert_string_equal(CODE("Chinese"), "CN");
	assert_string_equal(CODE("Chinees"), "CN");
	assert_string_equal(CODE("Poolse"), "PL");
	assert_string_equal(CODE("Duitse"), "DE");
	assert_string_equal(CODE("Japanse"), "JP");
	assert_string_equal(CODE("Zuid-Afrikaanse"), "ZA");
	assert_string_equal(CODE("Amerikaanse"), "US");
	assert_string_equal(CODE("Italiaanse"), "IT");
	assert_string_equal(CODE("Tsjechische"), "CZ");
	assert_string_equal(CODE("Roemeense"), "RO");
	assert_string_equal(CODE("Nicaraguaanse"), "NI");
	assert_string_equal(CODE("Indonesische"), "ID");
	assert_string_equal(CODE("Engeland"), "GB");
	assert_string_equal(CODE("Amerika"), "US");
	assert_string_equal(CODE("Verenigde Staten"), "US");
	assert_string_equal(CODE("Zuid-Korea"), "KR");
	assert_string_equal(CODE("Tsjechië"), "CZ");
	assert_string_equal(CODE("Rusland"), "RU");
	assert_string_equal(CODE("Germany"), "DE");
	assert_string_equal(CODE("duitsland"), "DE");
	assert_string_equal(CODE("Georgia"), "GE");
	assert_null(CODE("Tokio"));
	assert_null(CODE("Fietspad"));
#undef CODE
	/* an adjective names no place */
	assert_int_equal(rr_places_lookup("Chinese", 7, NULL, 0), 0);
	assert_false(best("Poolse", NULL, &p));
	p = expect("Zuid-Korea", NULL, RR_PLACE_COUNTRY, "KR");
	assert_string_equal(p.code, "KR");
	assert_true(rr_place_country("NL", &p));
	assert_string_equal(p.name_nl, "Nederland");
	assert_true(p.has_coords); /* the capital, Amsterdam */
	assert_false(rr_place_country("QQ", &p));
	assert_int_equal(rr_places_country_count(), 250);
	assert_string_equal(rr_places_country_at(0), "AD");
	assert_null(rr_places_country_at(250));
}

static void coordinates_and_distance(void **state)
{
	rr_place osaka, ams;
	double d;
	(void)state;
	osaka = expect("Osaka", NULL, RR_PLACE_CITY, "JP");
	ams = expect("Amsterdam", NULL, RR_PLACE_CITY, "NL");
	assert_true(osaka.has_coords && ams.has_coords);
	assert_true(fabs(osaka.lat - 34.69) < 0.2 && fabs(osaka.lon - 135.50) < 0.2);
	assert_true(fabs(ams.lat - 52.37) < 0.2 && fabs(ams.lon - 4.89) < 0.2);
	d = rr_place_distance_km(ams.lat, ams.lon, osaka.lat, osaka.lon);
	assert_true(d > 9300 * 0.97 && d < 9300 * 1.03);
	assert_true(rr_place_distance_km(52, 5, 52, 5) < 1e-9);
	/* a quarter of the equator */
	d = rr_place_distance_km(0, 0, 0, 90);
	assert_true(fabs(d - 10007.5) < 1);
	/* antipodes do not overflow asin */
	d = rr_place_distance_km(0, 0, 0, 180);
	assert_true(fabs(d - 20015.1) < 1);
}

static void unknown_words_give_nothing(void **state)
{
	rr_place p;
	const char *none[] = {"Fietspad", "Vergaderstuk", "Xqzwv", "Kosten", "Zijn", "de",
			      "burgemeester", "", " - ", "'''"};
	(void)state;
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
		assert_int_equal(rr_places_lookup(none[i], strlen(none[i]), &p, 1), 0);
		assert_false(best(none[i], NULL, &p));
	}
	assert_int_equal(rr_places_lookup(NULL, 5, &p, 1), 0);
	/* a real place that is also an ordinary Dutch word says so */
	p = expect("Best", NULL, RR_PLACE_CITY, "NL");
	assert_true(p.common_word);
	p = expect("Tokio", NULL, RR_PLACE_CITY, "JP");
	assert_false(p.common_word);
}

static void folding(void **state)
{
	char out[RR_PLACE_KEY_MAX + 1];
	char small[4];
	char longname[400];
	(void)state;
#define FOLD(s) (rr_place_fold(s, strlen(s), out, sizeof out), out)
	assert_string_equal(FOLD("'s-Hertogenbosch"), "shertogenbosch");
	assert_string_equal(FOLD("Bad Pyrmont"), "badpyrmont");
	assert_string_equal(FOLD("Łódź"), "lodz");
	assert_string_equal(FOLD("Straße"), "strasse");
	assert_string_equal(FOLD("Ærøskøbing"), "aeroskobing");
	assert_string_equal(FOLD("Sereď"), "sered");
	assert_string_equal(FOLD("Tilișca"), "tilisca");
	assert_string_equal(FOLD("Hà Nội"), "hanoi");
	assert_string_equal(FOLD("İzmir"), "izmir");
	assert_string_equal(FOLD("Москва"), "Москва"); /* other scripts kept */
#undef FOLD
	/* an invalid byte is dropped, the rest folds */
	assert_int_equal(rr_place_fold("Ba\xffl\xc3ve", 7, out, sizeof out), 5);
	assert_string_equal(out, "balve");
	assert_int_equal(rr_place_fold("Amsterdam", 9, small, sizeof small), (size_t)-1);
	assert_string_equal(small, "");
	memset(longname, 'a', sizeof longname);
	assert_int_equal(rr_places_lookup(longname, sizeof longname, NULL, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(data_is_consistent),
		cmocka_unit_test(capitals),
		cmocka_unit_test(dutch_exonyms),
		cmocka_unit_test(small_cities_and_spellings),
		cmocka_unit_test(ambiguity_population_and_hint),
		cmocka_unit_test(regions),
		cmocka_unit_test(countries),
		cmocka_unit_test(coordinates_and_distance),
		cmocka_unit_test(unknown_words_give_nothing),
		cmocka_unit_test(folding),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
