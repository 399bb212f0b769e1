/* Unit tests: nl/fold (folding) and nl/words (words, marks, sentences). */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "nl/fold.h"
#include "nl/words.h"

static void folding(void **state)
{
	char out[64];
	(void)state;
	rr_fold("'s-Hertogenbosch", strlen("'s-Hertogenbosch"), out, sizeof out);
	assert_string_equal(out, "s hertogenbosch");
	rr_fold("Dobruška", strlen("Dobruška"), out, sizeof out);
	assert_string_equal(out, "dobruska");
	rr_fold("Maramureș", strlen("Maramureș"), out, sizeof out);
	assert_string_equal(out, "maramures");
	rr_fold("BÜCKEBURG", strlen("BÜCKEBURG"), out, sizeof out);
	assert_string_equal(out, "buckeburg");
	rr_fold("Xi’an  ", strlen("Xi’an  "), out, sizeof out);
	assert_string_equal(out, "xian");
	assert_int_equal(rr_fold("abcdef", 6, out, 4), 3);
	assert_string_equal(out, "abc");
}

/* Words joined with '|' and sentence starts marked with '^'. */
static void render(const char *text, char *out, size_t cap)
{
	rr_words ws;
	size_t o = 0;
	assert_int_equal(rr_words_split(text, strlen(text), &ws), RR_OK);
	for (size_t i = 0; i < ws.count && o + 40 < cap; i++) {
		if (i)
			out[o++] = '|';
		if (ws.w[i].flags & RR_W_SENT)
			out[o++] = '^';
		if (ws.w[i].kind == RR_W_PUNCT)
			out[o++] = ws.w[i].mark;
		else
			o += (size_t)snprintf(out + o, cap - o, "%s", rr_wfold(&ws, i));
	}
	out[o] = '\0';
	rr_words_free(&ws);
}

static void sentences(void **state)
{
	char got[512];
	(void)state;
	render("De reis ging o.a. naar Peking. Daarna Tokio.", got, sizeof got);
	assert_string_equal(got, "^de|reis|ging|o|.|a|.|naar|peking|.|^daarna|tokio|.");
	render("Gedeputeerde P. Bijman bezocht Essen.", got, sizeof got);
	assert_string_equal(got, "^gedeputeerde|p|.|bijman|bezocht|essen|.");
	render("Programma\n\nDe delegatie\nvertrok naar Japan", got, sizeof got);
	assert_string_equal(got, "^programma|^de|delegatie|vertrok|naar|japan");
	render("Wethouder Kokke:\nEngeland, Manchester", got, sizeof got);
	assert_string_equal(got, "^wethouder|kokke|:|^engeland|,|manchester");
	render("• Marokko (2–5 februari),", got, sizeof got);
	assert_string_equal(got, "^*|marokko|(|2|-|5|februari|)|,");
	render("ROTTERDAM, 13 okt. De verkiezing", got, sizeof got);
	assert_string_equal(got, "^rotterdam|,|13|okt|.|^de|verkiezing");
	render("programmabureau 2018Brabant", got, sizeof got);
	assert_string_equal(got, "^programmabureau|2018|brabant");
}

static void flags_and_lookup(void **state)
{
	static const char t[] = "De EMA-conferentie in Den Haag";
	rr_words ws;
	(void)state;
	assert_int_equal(rr_words_split(t, sizeof t - 1, &ws), RR_OK);
	assert_int_equal(ws.count, 7);
	assert_true(ws.w[1].flags & RR_W_UPPER);
	assert_true(ws.w[1].flags & RR_W_CAP);
	assert_true(rr_wmark(&ws, 2, '-'));
	assert_true(rr_wglued(&ws, 2) && rr_wglued(&ws, 3));
	assert_false(rr_wglued(&ws, 4));
	assert_true(rr_wis(&ws, 6, "haag"));
	assert_false(rr_wis(&ws, 7, "haag"));
	assert_int_equal(rr_wat(&ws, 0), 0);
	assert_int_equal(rr_wat(&ws, 7), 3);
	assert_int_equal(rr_wat(&ws, sizeof t), ws.count);
	assert_int_equal(rr_wsent_start(&ws, 5), 0);
	assert_int_equal(rr_wsent_end(&ws, 0), ws.count);
	rr_words_free(&ws);
	assert_int_equal(rr_words_split("", 0, &ws), RR_OK);
	assert_int_equal(ws.count, 0);
	rr_words_free(&ws);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(folding),
		cmocka_unit_test(sentences),
		cmocka_unit_test(flags_and_lookup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
