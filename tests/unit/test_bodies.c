/* Unit tests: nl/bodies (the built-in Dutch public bodies), model/bodyrec
 * and store/bodies_store (a body becomes a record of the register when a
 * document first names it). Each case fails when the data loses a body, a
 * merger, a seat or a name the importer relies on. */
#include "testutil.h"

#include <string.h>

#include "model/bodyrec.h"
#include "model/record.h"
#include "nl/bodies.h"
#include "store/bodies_store.h"
#include "teststore.h"

static const rr_body *named(const char *text, const char *on, unsigned flags)
{
	return rr_body_by_name(text, text ? strlen(text) : 0, on, flags);
}

static void expect_name(const char *text, const char *code)
{
	const rr_body *b = named(text, NULL, 0);
	if (!b || strcmp(b->code, code)) {
		fprintf(stderr, "\"%s\" -> %s, want %s\n", text, b ? b->code : "nothing", code);
		fail();
	}
}

static void data_is_complete(void **state)
{
	size_t cur[5] = {0}, all[5] = {0};
	(void)state;
	assert_int_equal(rr_bodies_selfcheck(), 0);
	for (size_t i = 0; i < rr_bodies_count(); i++) {
		const rr_body *b = rr_body_at(i);
		all[b->kind]++;
		cur[b->kind] += b->end == NULL;
		if (i)
			assert_true(strcmp(rr_body_at(i - 1)->code, b->code) < 0);
	}
	assert_null(rr_body_at(rr_bodies_count()));
	/* 342 municipalities since 1 January 2023, 12 provinces, 21 water boards */
	assert_int_equal(cur[RR_BODY_MUNICIPALITY], 342);
	assert_int_equal(cur[RR_BODY_PROVINCE], 12);
	assert_int_equal(cur[RR_BODY_WATER_BOARD], 21);
	assert_true(cur[RR_BODY_MINISTRY] >= 12);
	/* and those dissolved since 1999 */
	assert_true(all[RR_BODY_MUNICIPALITY] - cur[RR_BODY_MUNICIPALITY] > 250);
	assert_true(all[RR_BODY_WATER_BOARD] - cur[RR_BODY_WATER_BOARD] >= 10);
}

static void codes_and_names(void **state)
{
	const rr_body *b;
	char uri[128];
	(void)state;
	b = rr_body_get("gm0363");
	assert_non_null(b);
	assert_string_equal(b->name, "Gemeente Amsterdam");
	assert_int_equal(b->kind, RR_BODY_MUNICIPALITY);
	assert_string_equal(b->province, "pv27");
	assert_ptr_equal(rr_body_get("GM0363"), b);
	assert_null(rr_body_get("gm9999"));
	assert_null(rr_body_get(""));
	assert_null(rr_body_get(NULL));
	assert_string_equal(rr_body_get("pv27")->name, "Provincie Noord-Holland");
	assert_string_equal(rr_body_get("ws0616")->name, "Hoogheemraadschap van Rijnland");
	assert_string_equal(rr_body_get("ws0654")->name, "Waterschap Aa en Maas");
	assert_string_equal(rr_body_get("mnre1013")->name, "Ministerie van Buitenlandse Zaken");
	assert_string_equal(rr_body_get("mnre1013")->abbr, "BZ");
	b = rr_body_get("gm0518");
	assert_string_equal(b->name, "Gemeente Den Haag");
	assert_string_equal(b->official, "Gemeente 's-Gravenhage");
	assert_string_equal(rr_body_org_kind(RR_BODY_WATER_BOARD), "water_board");
	assert_string_equal(rr_body_org_kind(RR_BODY_MINISTRY), "national");
	assert_string_equal(rr_body_tooi_uri(rr_body_get("ws0155"), uri, sizeof uri),
			    "https://identifier.overheid.nl/tooi/id/waterschap/ws0155");
	assert_string_equal(rr_body_tooi_uri(rr_body_get("mnre1013"), uri, 10), "");
}

static void mergers(void **state)
{
	const rr_body *out[8], *eems = rr_body_get("gm1979");
	(void)state;
	/* Delfzijl, Appingedam and Loppersum became Eemsdelta on 1 January 2021 */
	assert_string_equal(eems->start, "2021-01-01");
	assert_null(eems->end);
	assert_int_equal(rr_body_predecessors(eems, out, 8), 3);
	assert_string_equal(out[0]->code, "gm0003");
	assert_string_equal(out[1]->code, "gm0010");
	assert_string_equal(out[2]->code, "gm0024");
	assert_string_equal(rr_body_get("gm0010")->end, "2020-12-31");
	assert_int_equal(rr_body_successors(rr_body_get("gm0010"), out, 8), 1);
	assert_ptr_equal(out[0], eems);
	/* Groesbeek took in Millingen and Ubbergen (2015), then became Berg en Dal */
	assert_int_equal(rr_body_successors(rr_body_get("gm0282"), out, 8), 1);
	assert_string_equal(out[0]->code, "gm0241");
	assert_int_equal(rr_body_successors(rr_body_get("gm0241"), out, 8), 1);
	assert_string_equal(out[0]->code, "gm1945");
	/* Haaren was split among four municipalities */
	assert_int_equal(rr_body_successors(rr_body_get("gm0788"), out, 8), 4);
	/* water boards and ministries merge too */
	assert_int_equal(rr_body_successors(rr_body_get("ws0585"), out, 8), 1);
	assert_string_equal(out[0]->code, "ws0665");
	assert_int_equal(rr_body_successors(rr_body_get("mnre1182"), out, 8), 1);
	assert_string_equal(out[0]->code, "mnre1045");
	/* a body existed on a day, a month, a year */
	assert_true(rr_body_exists_on(rr_body_get("gm0010"), "2020-12-31"));
	assert_false(rr_body_exists_on(rr_body_get("gm0010"), "2021-01-01"));
	assert_true(rr_body_exists_on(rr_body_get("gm0010"), "2020"));
	assert_false(rr_body_exists_on(eems, "2020-12"));
	assert_true(rr_body_exists_on(eems, "2021"));
	assert_false(rr_body_exists_on(eems, "20"));
}

static void former_names(void **state)
{
	const rr_body_name *fn[8];
	(void)state;
	assert_int_equal(rr_body_former_names(rr_body_get("mnre1045"), fn, 8), 4);
	assert_string_equal(fn[0]->abbr, "ELenI");
	assert_int_equal(rr_body_former_names(rr_body_get("ws0155"), fn, 8), 1);
	assert_string_equal(fn[0]->name, "Hoogheemraadschap Amstel, Gooi en Vecht");
	assert_int_equal(rr_body_former_names(rr_body_get("gm0363"), fn, 8), 0);
}

static void seats(void **state)
{
	const rr_body *b;
	size_t current = 0, seated = 0;
	(void)state;
	b = rr_body_get("gm0363");
	assert_string_equal(b->seat, "Amsterdam");
	assert_true(b->has_coords);
	assert_true(b->lat > 52.3 && b->lat < 52.4 && b->lon > 4.8 && b->lon < 5.0);
	assert_string_equal(rr_body_get("gm0394")->seat, "Hoofddorp"); /* Haarlemmermeer */
	assert_string_equal(rr_body_get("pv30")->seat, "'s-Hertogenbosch");
	assert_string_equal(rr_body_get("ws0616")->seat, "Leiden");
	assert_string_equal(rr_body_get("mnre1013")->seat, "Den Haag");
	assert_true(rr_body_get("mnre1013")->has_coords);
	/* Bergen (NH) sits in Bergen in Noord-Holland, not in Limburg or Norway */
	b = rr_body_get("gm0373");
	assert_string_equal(b->seat, "Bergen");
	assert_true(b->lat > 52.6 && b->lat < 52.7);
	for (size_t i = 0; i < rr_bodies_count(); i++) {
		b = rr_body_at(i);
		if (b->end || b->kind != RR_BODY_MUNICIPALITY)
			continue;
		current++;
		seated += b->seat != NULL;
		if (b->has_coords) /* within the Netherlands */
			assert_true(b->lat > 50.7 && b->lat < 53.6 && b->lon > 3.3 && b->lon < 7.3);
	}
	/* every current municipality but the few docs/bodies.md names */
	assert_true(seated >= current - 20);
}

static void names_as_written(void **state)
{
	(void)state;
	expect_name("Gemeente Tilburg", "gm0855");
	expect_name("gemeente Amsterdam", "gm0363");
	expect_name("de provincie Zeeland", "pv29");
	expect_name("Hoogheemraadschap van Schieland en de Krimpenerwaard", "ws0656");
	expect_name("Ministerie van Buitenlandse Zaken", "mnre1013");
	expect_name("het ministerie van BZK", "mnre1034");
	expect_name("GEMEENTE 'S-GRAVENHAGE", "gm0518");
	expect_name("gemeente Den Haag.", "gm0518");
	expect_name("provincie Friesland", "pv21");
	expect_name("Provincie Fryslân", "pv21");
	expect_name("Wetterskip Fryslân", "ws0653");
	expect_name("waterschap Rijnland", "ws0616");
	expect_name("gemeente Súdwest-Fryslân", "gm1900");
	expect_name("gemeente Sudwest Fryslan", "gm1900");
	expect_name("Gemeente Bergen (NH)", "gm0373");
	expect_name("gemeente Delfzijl", "gm0010"); /* dissolved: still found */
	/* a name two bodies had: the one of the day the text speaks of */
	assert_string_equal(named("ministerie van Economische Zaken", "2009-05", 0)->code, "mnre1040");
	assert_string_equal(named("ministerie van Economische Zaken", "2015", 0)->code, "mnre1045");
	assert_string_equal(named("Ministerie van Landbouw, Natuur en Voedselkwaliteit", "2020", 0)->code,
			    "mnre1153");
	assert_string_equal(named("Ministerie van Landbouw, Natuur en Voedselkwaliteit", "2005", 0)->code,
			    "mnre1150");
	/* what is not a body's name */
	assert_null(named("gemeente Bergen", NULL, 0)); /* two Bergens */
	assert_null(named("Tilburg", NULL, 0));          /* no kind: only when asked */
	assert_string_equal(named("Tilburg", NULL, RR_BODY_BARE)->code, "gm0855");
	assert_null(named("Groningen", NULL, RR_BODY_BARE)); /* city and province */
	assert_null(named("gemeente Atlantis", NULL, 0));
	assert_null(named("de gemeente Amsterdam heeft besloten", NULL, 0));
	assert_null(named("BZ", NULL, 0));
	assert_null(named("", NULL, 0));
	assert_null(named(NULL, NULL, 0));
	assert_null(named("gemeente", NULL, 0));
}

static void prefix_of_a_text(void **state)
{
	const rr_body *b = NULL;
	const char *t = "De gemeente Amsterdam heeft besloten";
	(void)state;
	assert_int_equal(rr_body_prefix(t, strlen(t), NULL, 0, &b), strlen("De gemeente Amsterdam"));
	assert_string_equal(b->code, "gm0363");
	t = "Hoogheemraadschap van Schieland en de Krimpenerwaard, afdeling";
	assert_int_equal(rr_body_prefix(t, strlen(t), NULL, 0, &b),
			 strlen("Hoogheemraadschap van Schieland en de Krimpenerwaard"));
	assert_string_equal(b->code, "ws0656");
	t = "het college van burgemeester en wethouders";
	assert_int_equal(rr_body_prefix(t, strlen(t), NULL, 0, &b), 0);
	assert_null(b);
}

static void search(void **state)
{
	const rr_body *out[16];
	size_t n;
	(void)state;
	/* Eemsdelta and the three municipalities that formed it */
	n = rr_bodies_search("eemsdelta", out, 16);
	assert_int_equal(n, 4);
	assert_string_equal(out[3]->code, "gm1979");
	n = rr_bodies_search("Schieland Krimpenerwaard", out, 16);
	assert_int_equal(n, 1);
	assert_string_equal(out[0]->code, "ws0656");
	assert_int_equal(rr_bodies_search("", NULL, 0), rr_bodies_count());
	assert_int_equal(rr_bodies_search("zzzqqq", out, 16), 0);
	n = rr_bodies_search("ELenI", out, 16); /* a former abbreviation */
	assert_int_equal(n, 1);
	assert_string_equal(out[0]->code, "mnre1045");
}

static void records(void **state)
{
	json_t *r;
	(void)state;
	r = rr_body_record_of("ws0656");
	assert_non_null(r);
	assert_string_equal(rr_rec_str(r, "name"), "Hoogheemraadschap van Schieland en de Krimpenerwaard");
	assert_string_equal(rr_rec_str(r, "kind"), "water_board");
	assert_string_equal(rr_rec_str(r, "country"), "NL");
	assert_string_equal(rr_rec_str(r, "city"), "Rotterdam");
	json_decref(r);
	assert_null(rr_body_record_of("cn-shenzhen"));
}

/* A document naming a built-in body with no record: the body is added with
 * it, in the same transaction; a bad document adds nothing. */
static void store_adds_a_body_when_first_used(void **state)
{
	rr_test_db t;
	rr_diag d = {0};
	json_t *o = NULL;
	bool yes = true;
	(void)state;
	rr_test_db_open(&t);
	assert_int_equal(rr_store_exists(t.s, RR_K_ORGANISATION, "ws0656", &yes), RR_OK);
	assert_false(yes);
	/* read from the built-in list before it is a record */
	assert_int_equal(rr_store_get_body(t.s, "ws0656", &rr_viewer_anonymous, &o), RR_OK);
	assert_string_equal(rr_rec_str(o, "kind"), "water_board");
	json_decref(o);
	assert_int_equal(rr_store_get_body(t.s, "xx-none", &rr_viewer_anonymous, &o), RR_ENOTFOUND);

	/* a bad trip: nothing is written, not even the body */
	assert_int_equal(rr_test_db_load(t.s, "{\"trips\":[{\"id\":\"ws0656-x\",\"organisation\":"
				       "\"ws0656\",\"title\":\"Bezoek\",\"direction\":\"out\",\"status\":"
				       "\"draft\",\"partnership\":\"nope\"}]}", &d), RR_EINVAL);
	rr_diag_free(&d);
	assert_int_equal(rr_store_exists(t.s, RR_K_ORGANISATION, "ws0656", &yes), RR_OK);
	assert_false(yes);

	assert_int_equal(rr_test_db_load(t.s, "{\"trips\":[{\"id\":\"ws0656-x\",\"organisation\":"
				       "\"ws0656\",\"title\":\"Bezoek\",\"direction\":\"out\",\"status\":"
				       "\"draft\"}]}", &d), RR_OK);
	rr_diag_free(&d);
	assert_int_equal(rr_store_get(t.s, RR_K_ORGANISATION, "ws0656", &rr_viewer_system, &o), RR_OK);
	assert_string_equal(rr_rec_str(o, "name"), "Hoogheemraadschap van Schieland en de Krimpenerwaard");
	json_decref(o);
	/* an unknown code is still refused */
	assert_int_equal(rr_test_db_load(t.s, "{\"trips\":[{\"id\":\"gm9999-x\",\"organisation\":"
				       "\"gm9999\",\"title\":\"Bezoek\",\"direction\":\"out\",\"status\":"
				       "\"draft\"}]}", &d), RR_EINVAL);
	assert_true(d.n > 0);
	rr_diag_free(&d);
	/* ensure_body: nothing to do for a record, not found for an unknown code */
	assert_int_equal(rr_store_begin(t.s), RR_OK);
	assert_true(rr_store_in_transaction(t.s));
	bool added = true;
	assert_int_equal(rr_store_ensure_body(t.s, "ws0656", &added, &d), RR_OK);
	assert_false(added);
	assert_int_equal(rr_store_ensure_body(t.s, "pv27", &added, &d), RR_OK);
	assert_true(added);
	assert_int_equal(rr_store_ensure_body(t.s, "xx", &added, &d), RR_ENOTFOUND);
	rr_store_rollback(t.s);
	assert_false(rr_store_in_transaction(t.s));
	assert_int_equal(rr_store_exists(t.s, RR_K_ORGANISATION, "pv27", &yes), RR_OK);
	assert_false(yes);
	rr_diag_free(&d);
	rr_test_db_close(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(data_is_complete),
		cmocka_unit_test(codes_and_names),
		cmocka_unit_test(mergers),
		cmocka_unit_test(former_names),
		cmocka_unit_test(seats),
		cmocka_unit_test(names_as_written),
		cmocka_unit_test(prefix_of_a_text),
		cmocka_unit_test(search),
		cmocka_unit_test(records),
		cmocka_unit_test(store_adds_a_body_when_first_used),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
