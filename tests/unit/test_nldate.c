/* test_nldate.c - the Dutch date-expression parser. Cases come from the
 * seed documents and from invented sentences. Each case is written as
 *   "START|SPAN" or "START..END|SPAN"   the first expression found
 *   "NEED|SPAN"                          found, but no year can be known
 *   "NONE"                               no date expression */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "nl/nldate.h"

typedef struct tcase {
	const char *in, *want;
} tcase;

static void describe(const char *in, const char *ref, char *out, size_t size)
{
	rr_date r;
	rr_nldate d;
	const char *why = NULL;
	char s[RR_DATE_ISO_MAX], e[RR_DATE_ISO_MAX];
	rr_err err;

	if (ref)
		assert_int_equal(rr_date_parse_iso(ref, &r, NULL), RR_OK);
	err = rr_nldate_find(in, strlen(in), 0, ref ? &r : NULL, &d, &why);
	if (err == RR_ENOTFOUND) {
		assert_non_null(why);
		snprintf(out, size, "NONE");
		return;
	}
	assert_true(d.off <= strlen(in) && d.len <= strlen(in) - d.off);
	if (err == RR_EINVAL) {
		assert_non_null(why);
		snprintf(out, size, "NEED|%.*s", (int)d.len, in + d.off);
		return;
	}
	assert_int_equal(err, RR_OK);
	rr_date_iso(&d.start, s);
	rr_date_iso(&d.end, e);
	if (d.end.prec != RR_PREC_NONE)
		snprintf(out, size, "%s..%s|%.*s", s, e, (int)d.len, in + d.off);
	else
		snprintf(out, size, "%s|%.*s", s, (int)d.len, in + d.off);
}

static void run(const tcase *t, size_t n, const char *ref)
{
	char got[512];

	for (size_t i = 0; i < n; i++) {
		describe(t[i].in, ref, got, sizeof got);
		if (strcmp(got, t[i].want) != 0)
			print_error("input: %s\n", t[i].in);
		assert_string_equal(got, t[i].want);
	}
}

#define RUN(t, ref) run(t, sizeof t / sizeof t[0], ref)

static void test_day_ranges(void **state)
{
	static const tcase t[] = {
		{"15 t/m 21 november 2014", "2014-11-15..2014-11-21|15 t/m 21 november 2014"},
		{"handelsmissie 15 t/m 21 november 2014 naar Shenzhen", "2014-11-15..2014-11-21|15 t/m 21 november 2014"},
		{"11-13 mei 2023", "2023-05-11..2023-05-13|11-13 mei 2023"},
		{"Madrid 11 - 13 mei 2023", "2023-05-11..2023-05-13|11 - 13 mei 2023"},
		{"Helsinki van 28 – 29 september 2023", "2023-09-28..2023-09-29|28 – 29 september 2023"},
		{"28—29 september 2023", "2023-09-28..2023-09-29|28—29 september 2023"},
		{"15 – 19 mei 2023", "2023-05-15..2023-05-19|15 – 19 mei 2023"},
		{"van 13 t/m 19 mei 2023", "2023-05-13..2023-05-19|13 t/m 19 mei 2023"},
		{"van 13 tot en met 19 mei 2023", "2023-05-13..2023-05-19|13 tot en met 19 mei 2023"},
		{"van 13 tot 19 mei 2023", "2023-05-13..2023-05-19|13 tot 19 mei 2023"},
		{"op de wereldexpo in Shanghai 23 t/m 30 mei 2010.", "2010-05-23..2010-05-30|23 t/m 30 mei 2010"},
		{"China 9-16 november 2019", "2019-11-09..2019-11-16|9-16 november 2019"},
		{"28 en 29 september 2023", "2023-09-28..2023-09-29|28 en 29 september 2023"},
		{"Vertrekdatum en retourdatum van de reis: 28 en 29 september 2023",
		 "2023-09-28..2023-09-29|28 en 29 september 2023"},
		{"29 mei-3 juni 2016", "2016-05-29..2016-06-03|29 mei-3 juni 2016"},
		{"29 mei - 3 juni 2016", "2016-05-29..2016-06-03|29 mei - 3 juni 2016"},
		{"Van 28 oktober tot 4 november 2017 heeft", "2017-10-28..2017-11-04|28 oktober tot 4 november 2017"},
		{"30 december 2016 - 2 januari 2017", "2016-12-30..2017-01-02|30 december 2016 - 2 januari 2017"},
		{"30 december 2016 t/m 2 januari 2017", "2016-12-30..2017-01-02|30 december 2016 t/m 2 januari 2017"},
		{"28 september 2023 en 29 september 2023", "2023-09-28..2023-09-29|28 september 2023 en 29 september 2023"},
		{"13 en 20 februari 2023", "2023-02-13|13"},
		{"Vertrek 13 mei 2023, retour 19 mei 2023", "2023-05-13..2023-05-19|13 mei 2023, retour 19 mei 2023"},
		{"Vertrek: 13 mei 2023; terugreis: 19 mei 2023", "2023-05-13..2023-05-19|13 mei 2023; terugreis: 19 mei 2023"},
		{"van 13 mei 2023, retour 19 mei 2023", "2023-05-13|13 mei 2023"},
		{"2 t/m 4 maart 2015", "2015-03-02..2015-03-04|2 t/m 4 maart 2015"},
		{"1 tm 3 juli 2019", "2019-07-01..2019-07-03|1 tm 3 juli 2019"},
	};
	(void)state;
	RUN(t, NULL);
}

static void test_year_from_second_part(void **state)
{
	static const tcase t[] = {
		{"28 december - 3 januari 2017", "2016-12-28..2017-01-03|28 december - 3 januari 2017"},
		{"31 december tot 1 januari 2020", "2019-12-31..2020-01-01|31 december tot 1 januari 2020"},
		{"20 mei 2016 - 2 juni", "2016-05-20..2016-06-02|20 mei 2016 - 2 juni"},
		{"20 december 2016 - 2 januari", "2016-12-20..2017-01-02|20 december 2016 - 2 januari"},
		{"30 - 2 januari 2017", "2017-01-02|2 januari 2017"},
	};
	(void)state;
	RUN(t, NULL);
}

static void test_months(void **state)
{
	static const tcase t[] = {
		{"Oktober 1996", "1996-10|Oktober 1996"},
		{"- Oktober 1996 Missie o.l.v. CvdK naar", "1996-10|Oktober 1996"},
		{"in mei 2016.", "2016-05|mei 2016"},
		{"OKTOBER 1996", "1996-10|OKTOBER 1996"},
		{"Feb/ maart 2006", "2006-02..2006-03|Feb/ maart 2006"},
		{"feb/maart 2006", "2006-02..2006-03|feb/maart 2006"},
		{"mei - juni 2016", "2016-05..2016-06|mei - juni 2016"},
		{"van mei tot juli 2016", "2016-05..2016-07|mei tot juli 2016"},
		{"november 2016 t/m februari 2017", "2016-11..2017-02|november 2016 t/m februari 2017"},
		{"november t/m februari 2017", "2016-11..2017-02|november t/m februari 2017"},
		{"3 jan 2020", "2020-01-03|3 jan 2020"},
		{"3 jan. 2020", "2020-01-03|3 jan. 2020"},
		{"3 febr. 2020", "2020-02-03|3 febr. 2020"},
		{"3 mrt 2020", "2020-03-03|3 mrt 2020"},
		{"3 apr 2020", "2020-04-03|3 apr 2020"},
		{"3 jun 2020", "2020-06-03|3 jun 2020"},
		{"3 jul 2020", "2020-07-03|3 jul 2020"},
		{"3 aug 2020", "2020-08-03|3 aug 2020"},
		{"3 sep 2020", "2020-09-03|3 sep 2020"},
		{"3 Sept. 2020", "2020-09-03|3 Sept. 2020"},
		{"3 okt 2020", "2020-10-03|3 okt 2020"},
		{"3 NOV 2020", "2020-11-03|3 NOV 2020"},
		{"3 dec. 2020", "2020-12-03|3 dec. 2020"},
		{"versie april 2006", "2006-04|april 2006"},
		{"- 2006 (maart) gesproken", "2006-03|2006 (maart)"},
		{"In september is door Provinciale Staten", "NONE"},
		{"Jan Jansen kwam langs", "NONE"},
		{"2023-05", "2023-05|2023-05"},
	};
	(void)state;
	RUN(t, NULL);
}

static void test_weekdays(void **state)
{
	static const tcase t[] = {
		{"dinsdag 18 april 2023", "2023-04-18|dinsdag 18 april 2023"},
		{"Dinsdag, 18 april 2023", "2023-04-18|Dinsdag, 18 april 2023"},
		{"donderdagmiddag 20 april 2023", "2023-04-20|donderdagmiddag 20 april 2023"},
		{"zaterdagochtend 22 april 2023", "2023-04-22|zaterdagochtend 22 april 2023"},
		{"op woensdagavond 19 april 2023 vertrekt", "2023-04-19|woensdagavond 19 april 2023"},
		{"zondag 7 mei - dinsdag 9 mei 2023", "2023-05-07..2023-05-09|zondag 7 mei - dinsdag 9 mei 2023"},
		{"dinsdag is er overleg", "NONE"},
	};
	(void)state;
	RUN(t, NULL);
}

static void test_numeric(void **state)
{
	static const tcase t[] = {
		{"21-02-2023", "2023-02-21|21-02-2023"},
		{"21/2/2023", "2023-02-21|21/2/2023"},
		{"13.11.2015", "2015-11-13|13.11.2015"},
		{"17. juni 2009", "2009-06-17|17. juni 2009"},
		{"(Bron FD 30/11/2019)", "2019-11-30|30/11/2019"},
		{"dd. 25/09/19)", "2019-09-25|25/09/19"},
		{"2023-05-15", "2023-05-15|2023-05-15"},
		{"2023-05-15T10:00:00Z", "2023-05-15|2023-05-15T10:00:00Z"},
		{"2023-05-15T10:00:00+02:00 begint", "2023-05-15|2023-05-15T10:00:00+02:00"},
		{"om 2023-05-15 10:00 uur", "2023-05-15|2023-05-15 10:00"},
		{"1.2.3.2023", "NONE"},
		{"06-12-34-56-78", "NONE"},
		{"21-02-2023 t/m 23-02-2023", "2023-02-21..2023-02-23|21-02-2023 t/m 23-02-2023"},
		{"31-04-2023", "NONE"},
		{"29-02-2024", "2024-02-29|29-02-2024"},
		{"29-02-2023", "NONE"},
	};
	(void)state;
	RUN(t, NULL);
}

static void test_years(void **state)
{
	static const tcase t[] = {
		{"2001", "2001|2001"},
		{"in 2001 was", "2001|2001"},
		{"in1993 werd", "1993|1993"},
		{"2015-2018", "2015..2018|2015-2018"},
		{"2015–2018", "2015..2018|2015–2018"},
		{"2015 - 2018", "2015..2018|2015 - 2018"},
		{"van 2021 tot 2025", "2021..2025|2021 tot 2025"},
		{"Vergaderjaar 2022-2023", "2022..2023|2022-2023"},
		{"Vergaderjaar 2022-23", "2022..2023|2022-23"},
		{"driejarenplan (2018-2020)", "2018..2020|2018-2020"},
		{"2016/2017", "2016..2017|2016/2017"},
		{"1995–2019", "1995..2019|1995–2019"},
		{"in 2012 en 2017", "2012|2012"},
		{"1899", "NONE"},
		{"2100", "NONE"},
		{"sinds 2015 is", "2015|2015"},
		{"vanaf 2015", "2015|2015"},
		{"per 2024", "2024|2024"},
		{"2018-2015", "2018|2018"},
	};
	(void)state;
	RUN(t, NULL);
}

static void test_decades(void **state)
{
	static const tcase t[] = {
		{"jaren 80", "1980..1989|jaren 80"},
		{"in de jaren '90", "1990..1999|jaren '90"},
		{"in de jaren ’90", "1990..1999|jaren ’90"},
		{"vanaf de jaren '60 en '70", "1960..1969|jaren '60"},
		{"Medio jaren 80 van de vorige eeuw", "1980..1989|jaren 80"},
		{"jaren negentig", "1990..1999|jaren negentig"},
		{"jaren tachtig", "1980..1989|jaren tachtig"},
		{"jaren 1970", "1970..1979|jaren 1970"},
		{"jaren 00", "2000..2009|jaren 00"},
		{"jaren 10", "2010..2019|jaren 10"},
		{"de komende jaren explosief", "NONE"},
		{"jaren 85", "NONE"},
	};
	(void)state;
	RUN(t, NULL);
}

static void test_vague(void **state)
{
	static const tcase t[] = {
		{"begin 2016", "2016|begin 2016"},
		{"Begin 2001 Bezoek van de Gouverneur", "2001|Begin 2001"},
		{"een bezoek begin 2015 om", "2015|begin 2015"},
		{"medio 2016", "2016|medio 2016"},
		{"midden 2016", "2016|midden 2016"},
		{"eind 2016", "2016|eind 2016"},
		{"einde 2016", "2016|einde 2016"},
		{"begin van 2016", "2016|begin van 2016"},
		{"eind november 2014", "2014-11|eind november 2014"},
		{"Begin november 2017 heeft", "2017-11|Begin november 2017"},
		{"Begin december 2019 bezocht", "2019-12|Begin december 2019"},
		{"begin mei 2016", "2016-05|begin mei 2016"},
		{"Tussen eind 2012 en eind 2017 is", "2012..2017|eind 2012 en eind 2017"},
		{"Sinds het begin van de relatie", "NONE"},
		{"voorjaar 2016", "2016-03..2016-05|voorjaar 2016"},
		{"In het voorjaar van 2024 zal", "2024-03..2024-05|voorjaar van 2024"},
		{"lente 2016", "2016-03..2016-05|lente 2016"},
		{"zomer 2016", "2016-06..2016-08|zomer 2016"},
		{"najaar 2016", "2016-09..2016-11|najaar 2016"},
		{"herfst 2016", "2016-09..2016-11|herfst 2016"},
		{"winter 2016", "2016-12..2017-02|winter 2016"},
		{"winter 2016-2017", "2016-12..2017-02|winter 2016-2017"},
		{"naar de zomer bij elkaar", "NONE"},
		{"in het voorjaar een China-strategie", "NONE"},
	};
	(void)state;
	RUN(t, NULL);
}

static void test_quarters_halves(void **state)
{
	static const tcase t[] = {
		{"eerste helft 2020", "2020-01..2020-06|eerste helft 2020"},
		{"1ste helft 2020", "2020-01..2020-06|1ste helft 2020"},
		{"tweede helft 2020", "2020-07..2020-12|tweede helft 2020"},
		{"2de helft van 2020", "2020-07..2020-12|2de helft van 2020"},
		{"eerste halfjaar 2020", "2020-01..2020-06|eerste halfjaar 2020"},
		{"tweede half jaar 2020", "2020-07..2020-12|tweede half jaar 2020"},
		{"derde kwartaal 2019", "2019-07..2019-09|derde kwartaal 2019"},
		{"3e kwartaal 2019", "2019-07..2019-09|3e kwartaal 2019"},
		{"3de kwartaal van 2019", "2019-07..2019-09|3de kwartaal van 2019"},
		{"Q3 2019", "2019-07..2019-09|Q3 2019"},
		{"q1-2020", "2020-01..2020-03|q1-2020"},
		{"H2 2020", "2020-07..2020-12|H2 2020"},
		{"laatste kwartaal 2021", "2021-10..2021-12|laatste kwartaal 2021"},
		{"tweede tot en met vierde kwartaal 2021", "2021-04..2021-12|tweede tot en met vierde kwartaal 2021"},
		{"eerste t/m derde kwartaal 2021", "2021-01..2021-09|eerste t/m derde kwartaal 2021"},
		{"vijfde kwartaal 2021", "2021|2021"},
		{"Q5 2021", "2021|2021"},
		{"de eerste helft van de relatie", "NONE"},
	};
	(void)state;
	RUN(t, NULL);
}

static void test_footnotes(void **state)
{
	static const tcase t[] = {
		{"in 20151 werd", "2015|2015"},
		{"november 20143", "2014-11|november 2014"},
		{"Bezoek januari 1995³³", "1995-01|januari 1995"},
		{"Missie November 2014⁴⁰", "2014-11|November 2014"},
		{"Dienstreis juni 2010³⁶ en", "2010-06|juni 2010"},
		{"2014² was", "2014|2014"},
		{"staat 20151 keer", "NONE"},
		{"Statenbrief 2010int264501, 9 november 2010", "2010-11-09|9 november 2010"},
	};
	(void)state;
	RUN(t, NULL);
}

static void test_not_dates(void **state)
{
	static const tcase t[] = {
		{"om 10.30 uur", "NONE"},
		{"€ 10.900", "NONE"},
		{"€ 2015", "NONE"},
		{"2015 euro", "NONE"},
		{"tel. 06-12345678", "NONE"},
		{"020-1234567", "NONE"},
		{"55 Europese metropoolregio's", "NONE"},
		{"25 jaar", "NONE"},
		{"de 7e plaats", "NONE"},
		{"1.500.000 inwoners", "NONE"},
		{"BZDOC-940412845-56", "NONE"},
		{"2.015 bezoekers", "NONE"},
		{"versie 2015.3", "NONE"},
		{"", "NONE"},
		{"   ", "NONE"},
		{"12345", "NONE"},
	};
	(void)state;
	RUN(t, NULL);
}

/* Years are never read from reference and case numbers. */
static void test_references(void **state)
{
	static const tcase t[] = {
		{"kenmerk DOS-2016-0002798, van 9 tot 11 april 2018", "2018-04-09..2018-04-11|9 tot 11 april 2018"},
		{"ons kenmerk 2002/6071", "NONE"},
		{"PZH-2018-123", "NONE"},
		{"Nummer: 2019-083", "NONE"},
		{"kst-34775-XVII-5", "NONE"},
		{"2018D53069", "NONE"},
		{"programmabureau 2018Brabant", "NONE"},
		{"de jaren 1995-2019", "1995..2019|1995-2019"},
		{"op 2018-11-07 verzonden", "2018-11-07|2018-11-07"},
		{"in 2016/2017", "2016..2017|2016/2017"},
		{"op 26+27 mei 2016", "2016-05-26..2016-05-27|26+27 mei 2016"},
	};
	(void)state;
	RUN(t, NULL);
}

/* A month alone is a date only when the caller asks, in the year of ref,
 * and the result says its year was not written. */
static void test_bare_month(void **state)
{
	static const char in[] = "In maart gingen twee wethouders naar Yangzhou.";
	rr_date ref = rr_date_month(2019, 12);
	rr_nldate d;
	char iso[RR_DATE_ISO_MAX];
	(void)state;
	assert_int_equal(rr_nldate_find(in, sizeof in - 1, 0, &ref, &d, NULL), RR_ENOTFOUND);
	assert_int_equal(rr_nldate_find_flags(in, sizeof in - 1, 0, NULL, RR_NLD_BARE_MONTH, &d,
					      NULL), RR_ENOTFOUND);
	assert_int_equal(rr_nldate_find_flags(in, sizeof in - 1, 0, &ref, RR_NLD_BARE_MONTH, &d,
					      NULL), RR_OK);
	rr_date_iso(&d.start, iso);
	assert_string_equal(iso, "2019-03");
	assert_true(d.yearless);
	assert_int_equal(rr_nldate_find(in, sizeof in - 1, 0, NULL, &d, NULL), RR_ENOTFOUND);
	static const char ok[] = "op 4 november 2016";
	assert_int_equal(rr_nldate_find(ok, sizeof ok - 1, 0, &ref, &d, NULL), RR_OK);
	assert_false(d.yearless);
	static const char dm[] = "op 4 november";
	assert_int_equal(rr_nldate_find(dm, sizeof dm - 1, 0, &ref, &d, NULL), RR_OK);
	assert_true(d.yearless);
}

static void test_impossible(void **state)
{
	static const tcase t[] = {
		{"30 februari 2023", "NONE"},
		{"32 mei 2023", "NONE"},
		{"0 mei 2023", "NONE"},
		{"29 februari 2023", "NONE"},
		{"29 februari 2024", "2024-02-29|29 februari 2024"},
		{"31 april 2023 en 2 mei 2023", "2023-05-02|2 mei 2023"},
		{"2023-13-01", "NONE"},
	};
	(void)state;
	RUN(t, NULL);
}

static void test_no_ref(void **state)
{
	static const tcase t[] = {
		{"18 april", "NEED|18 april"},
		{"Op 22 april was Invest Shenzhen op bezoek", "NEED|22 april"},
		{"19 december jl.", "NEED|19 december jl."},
		{"op 18 en 19 oktober", "NEED|18 en 19 oktober"},
		{"eind november", "NEED|eind november"},
	};
	(void)state;
	RUN(t, NULL);
}

static void test_with_ref(void **state)
{
	static const tcase t[] = {
		{"18 april", "2016-04-18|18 april"},
		{"dinsdag 18 april", "2016-04-18|dinsdag 18 april"},
		{"19 december jl.", "2015-12-19|19 december jl."},
		{"19 december jongstleden", "2015-12-19|19 december jongstleden"},
		{"30 juni jl. in Almere", "2016-06-30|30 juni jl."},
		{"10 juli jl.", "2016-07-10|10 juli jl."},
		{"11 juli j.l.", "2015-07-11|11 juli j.l."},
		{"Begin november jl. heeft", "2015-11|Begin november jl."},
		{"12 maart a.s.", "2017-03-12|12 maart a.s."},
		{"12 augustus aanstaande", "2016-08-12|12 augustus aanstaande"},
		{"op 18 en 19 oktober", "2016-10-18..2016-10-19|18 en 19 oktober"},
		{"28 december - 3 januari", "2015-12-28..2016-01-03|28 december - 3 januari"},
		{"eind november", "2016-11|eind november"},
		{"29 februari jl.", "2016-02-29|29 februari jl."},
		{"1 mei 2013", "2013-05-01|1 mei 2013"},
	};
	(void)state;
	RUN(t, "2016-07-10");
}

static void test_leap_jl(void **state)
{
	static const tcase t[] = {
		{"29 februari jl.", "2016-02-29|29 februari jl."},
		{"29 februari", "NONE"},
	};
	(void)state;
	RUN(t, "2019-03-01");
}

static void test_iterate(void **state)
{
	static const char txt[] =
		"Datum afstemming burgemeester: 13 en 20 februari 2023. "
		"Vergaderdatum: 21 februari 2023. Op 18 april kwam men samen; "
		"het verslag volgt in juni 2023.";
	static const char *const want[] = {"2023-02-13", "2023-02-20",
		"2023-02-21", "NEED", "2023-06"};
	rr_nldate_iter it;
	rr_nldate d;
	const char *why;
	char s[RR_DATE_ISO_MAX];
	size_t k = 0;
	rr_err e;

	(void)state;
	rr_nldate_iter_init(&it, txt, strlen(txt), NULL);
	while ((e = rr_nldate_next(&it, &d, &why)) != RR_ENOTFOUND) {
		assert_true(k < sizeof want / sizeof want[0]);
		if (e == RR_EINVAL) {
			assert_string_equal(want[k], "NEED");
		} else {
			assert_int_equal(e, RR_OK);
			rr_date_iso(&d.start, s);
			assert_string_equal(want[k], s);
		}
		k++;
	}
	assert_int_equal(k, sizeof want / sizeof want[0]);
}

static void test_exact(void **state)
{
	static const struct { const char *in; rr_err want; } t[] = {
		{"15 t/m 21 november 2014", RR_OK},
		{"  Oktober 1996. ", RR_OK},
		{"op 28 en 29 september 2023", RR_OK},
		{"d.d. 21 februari 2023", RR_OK},
		{"in 20151", RR_OK},
		{"2014⁴⁰", RR_OK},
		{"(2018-2020)", RR_OK},
		{"Missie November 2014", RR_EINVAL},
		{"13 en 20 februari 2023", RR_EINVAL},
		{"mei 2016 en juni 2017", RR_EINVAL},
		{"geen datum", RR_EINVAL},
		{"18 april", RR_EINVAL},
		{"", RR_EINVAL},
	};
	rr_nldate d;
	const char *why;

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		why = NULL;
		if (rr_nldate_parse_exact(t[i].in, strlen(t[i].in), NULL, &d, &why) !=
		    t[i].want)
			print_error("input: %s\n", t[i].in);
		assert_int_equal(rr_nldate_parse_exact(t[i].in, strlen(t[i].in), NULL,
						       &d, &why), t[i].want);
		if (t[i].want != RR_OK)
			assert_non_null(why);
	}
}

static void test_bounds(void **state)
{
	/* Never read past n: the date is cut off mid-expression. */
	static const char txt[] = "15 t/m 21 november 2014";
	char *heap;
	rr_nldate d;
	const char *why;
	char s[RR_DATE_ISO_MAX];

	(void)state;
	for (size_t n = 0; n <= sizeof txt - 1; n++) {
		heap = test_malloc(n ? n : 1);
		memcpy(heap, txt, n);
		(void)rr_nldate_find(heap, n, 0, NULL, &d, &why);
		assert_true(d.off + d.len <= n);
		test_free(heap);
	}
	assert_int_equal(rr_nldate_find(txt, 9, 0, NULL, &d, &why), RR_ENOTFOUND);
	assert_int_equal(rr_nldate_find(txt, 18, 0, NULL, &d, &why), RR_EINVAL);
	assert_int_equal(rr_nldate_find(txt, sizeof txt - 1, 3, NULL, &d, &why), RR_OK);
	rr_date_iso(&d.start, s);
	assert_string_equal(s, "2014-11-21");
	/* invalid UTF-8 and NUL bytes */
	assert_int_equal(rr_nldate_find("\xff\xfe 3\x00 mei 2020 \xe2\x80", 19, 0, NULL,
					&d, &why), RR_OK);
	rr_date_iso(&d.start, s);
	assert_string_equal(s, "2020-05");
	assert_int_equal(rr_nldate_find(NULL, 0, 0, NULL, &d, &why), RR_ENOTFOUND);
	assert_int_equal(rr_nldate_find("2020", 4, 9, NULL, &d, &why), RR_ENOTFOUND);
}

static void test_precision_names(void **state)
{
	(void)state;
	assert_string_equal(rr_nldate_prec_name(RR_PREC_DAY), "day");
	assert_string_equal(rr_nldate_prec_name(RR_PREC_MONTH), "month");
	assert_string_equal(rr_nldate_prec_name(RR_PREC_YEAR), "year");
	assert_string_equal(rr_nldate_prec_name(RR_PREC_NONE), "none");
}

/* Overlong UTF-8 is not a digit: "\xE0\x80\xB2" must not read as '2'. */
static void test_overlong_utf8(void **state)
{
	static const char text[] = "\xE0\x80\xB2\xE0\x80\xB9 mei 2023 en 0i\xCD*(\xE0\x80\xB2 7";
	rr_nldate d;
	const char *why = NULL;
	rr_err e;
	(void)state;
	e = rr_nldate_find(text, sizeof text - 1, 0, NULL, &d, &why);
	assert_int_equal(e, RR_OK);
	assert_int_equal(d.start.prec, RR_PREC_MONTH); /* "mei 2023", no day 29 */
	assert_int_equal(d.start.m, 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_day_ranges),
		cmocka_unit_test(test_year_from_second_part),
		cmocka_unit_test(test_months),
		cmocka_unit_test(test_weekdays),
		cmocka_unit_test(test_numeric),
		cmocka_unit_test(test_years),
		cmocka_unit_test(test_decades),
		cmocka_unit_test(test_vague),
		cmocka_unit_test(test_quarters_halves),
		cmocka_unit_test(test_footnotes),
		cmocka_unit_test(test_not_dates),
		cmocka_unit_test(test_references),
		cmocka_unit_test(test_bare_month),
		cmocka_unit_test(test_impossible),
		cmocka_unit_test(test_no_ref),
		cmocka_unit_test(test_with_ref),
		cmocka_unit_test(test_leap_jl),
		cmocka_unit_test(test_iterate),
		cmocka_unit_test(test_exact),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_precision_names),
		cmocka_unit_test(test_overlong_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
