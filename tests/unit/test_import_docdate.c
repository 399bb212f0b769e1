/* Unit tests: import/import_docdate.c - the document's own date. The texts
 * are made up for the test, each in a form the genre uses. */
#include <stdio.h>
#include <string.h>

#include "testutil.h"

#include "import/import_int.h"

/* The ISO date found in text (given: --date or NULL), or "-". */
static const char *found(const char *text, const char *given)
{
	static char iso[RR_DATE_ISO_MAX + 1];
	rr_date g = {0, 0, 0, RR_PREC_NONE}, d;
	size_t off, len;
	if (given)
		assert_int_equal(rr_date_parse_iso(given, &g, NULL), RR_OK);
	if (!imp_docdate(text, strlen(text), &g, &d, &off, &len))
		return "-";
	assert_true(off + len <= strlen(text));
	rr_date_iso(&d, iso);
	return iso;
}

static void forms(void **state)
{
	(void)state;
	assert_string_equal(found("Brief van de minister\n\nZwolle, 3 maart 2021\n\nGeachte voorzitter,", NULL), "2021-03-03");
	assert_string_equal(found("Vragen\n\nNummer: 2021-112\nDatum: 4 Mei 2021\n", NULL), "2021-05-04");
	assert_string_equal(found("Nieuws\nGepubliceerd op 2 juni 2016\n\nDe provincie", NULL), "2016-06-02");
	assert_string_equal(found(" date 2015-04 De burgemeester vertrok", NULL), "2015-04");
	assert_string_equal(found(" date 2015-04 9 april – De burgemeester vertrok", NULL), "2015-04-09");
	assert_string_equal(found("Titel\n\n12 maart 2009\n\nTekst van het bericht.", NULL), "2009-03-12");
	assert_string_equal(found("wo, 03-25-2020, 10:00\nNieuws\n", NULL), "2020-03-25");
	assert_string_equal(found("Bericht\nPosted on: Mon, 02 Mar 2015 10:11:12 +0000\n", NULL), "2015-03-02");
	assert_string_equal(found("Zaak 1, datum: 2018-11-07, bijgewerkt: 2024-02-19\n", NULL), "2018-11-07");
	assert_string_equal(found("Door de redactie | geplaatst: vrijdag 5 mei 2017, 10:00 uur\n", NULL), "2017-05-05");
	/* questions and their answers on one page: dated by the answer */
	assert_string_equal(found("Vraag 2021Z1\n\nIngediend 3 maart 2021\nBeantwoord 30 maart 2021\n", NULL), "2021-03-30");
}

static void not_dates(void **state)
{
	(void)state;
	/* reference numbers, a date in running text, label values */
	assert_string_equal(found("Ons kenmerk DOS-2016-0002798\n\nDe reis van 9 tot 11 april 2018 ging naar Berlijn.", NULL), "-");
	assert_string_equal(found("Bij brief van 7 juni, ingekomen op 10 juni 2011, heeft u geantwoord.", NULL), "-");
	assert_string_equal(found("Vertrekdatum:\n\n14 maart 2019\n", NULL), "-");
	/* one meeting date is the document's; several are a register's */
	assert_string_equal(found("Aanvraag\nVergaderdatum: 5 maart 2019\n", NULL), "2019-03-05");
	assert_string_equal(found("Vergaderdatum: 5 maart 2019\nx\nVergaderdatum: 9 april 2019\n", NULL), "-");
	/* a dateline without a year: only with a year from elsewhere */
	assert_string_equal(found("LEIDEN, 13 okt. De raad besloot", NULL), "-");
	assert_string_equal(found("LEIDEN, 13 okt. De raad besloot", "1995-10"), "1995-10-13");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(forms),
		cmocka_unit_test(not_dates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
