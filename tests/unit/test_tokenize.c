/* Unit tests: text/tokenize (folding, stemming, offsets). */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nl/tokenize.h"

/* The tokens of text as "tok@start-end tok@start-end ...". */
typedef struct out {
	char s[4096];
	size_t len;
	int stop_after; /* 0: never */
	int seen;
} out;

static int collect(void *ctx, const char *tok, size_t len, size_t start, size_t end)
{
	out *o = ctx;
	int n = snprintf(o->s + o->len, sizeof o->s - o->len, "%s%.*s@%zu-%zu",
			 o->len ? " " : "", (int)len, tok, start, end);
	if (n > 0 && (size_t)n < sizeof o->s - o->len)
		o->len += (size_t)n;
	o->seen++;
	return o->stop_after && o->seen >= o->stop_after ? 42 : 0;
}

static const char *toks(rr_tokenizer *t, const char *text, out *o)
{
	memset(o, 0, sizeof *o);
	assert_int_equal(rr_tokenize(t, text, strlen(text), collect, o), 0);
	return o->s;
}

/* The single token of a word, without offsets. */
static const char *stem(rr_tokenizer *t, const char *word, char buf[RR_TOKEN_MAX + 1])
{
	out o;
	char *at;
	toks(t, word, &o);
	assert_int_equal(o.seen, 1);
	at = strchr(o.s, '@');
	assert_true(at - o.s <= RR_TOKEN_MAX);
	memcpy(buf, o.s, (size_t)(at - o.s));
	buf[at - o.s] = '\0';
	return buf;
}

static int setup(void **state)
{
	*state = rr_tokenizer_new();
	return *state ? 0 : -1;
}

static int teardown(void **state)
{
	rr_tokenizer_free(*state);
	return 0;
}

static void same_stem(rr_tokenizer *t, const char *a, const char *b, const char *want)
{
	char x[RR_TOKEN_MAX + 1], y[RR_TOKEN_MAX + 1];
	assert_string_equal(stem(t, a, x), want);
	assert_string_equal(stem(t, b, y), want);
}

static void plural_meets_singular(void **state)
{
	rr_tokenizer *t = *state;
	/* Snowball alone: the open-syllable vowel is undoubled */
	same_stem(t, "laadpaal", "laadpalen", "laadpal");
	same_stem(t, "straat", "straten", "strat");
	same_stem(t, "bezoek", "bezoeken", "bezoek");
	same_stem(t, "gemeente", "gemeenten", "gemeent");
	same_stem(t, "universiteit", "universiteiten", "universiteit");
	/* with the documented normalisations */
	same_stem(t, "gemeente", "gemeentes", "gemeent");
	same_stem(t, "missie", "missies", "missie");
	same_stem(t, "cooperatie", "coöperaties", "cooperatie");
	same_stem(t, "haven", "havens", "haf");
	same_stem(t, "reis", "reizen", "reis");
	same_stem(t, "dienstreis", "dienstreizen", "dienstreis");
	same_stem(t, "brief", "brieven", "brief");
	same_stem(t, "bus", "bussen", "bus");
	same_stem(t, "auto", "auto's", "auto");
}

static void folding(void **state)
{
	rr_tokenizer *t = *state;
	char b[RR_TOKEN_MAX + 1];
	same_stem(t, "Coöperatie", "COOPERATIE", "cooperatie");
	same_stem(t, "café", "CAFE", "caf");
	same_stem(t, "ﬁets", "fiets", "fiet");
	same_stem(t, "Straße", "strasse", "stras");
	same_stem(t, "Ĳssel", "ijssel", "ijssel");
	same_stem(t, "naïef", "naief", "naief");
	same_stem(t, "Curaçao", "curacao", "curacao");
	same_stem(t, "Æsop", "aesop", "aesop");
	/* a combining accent and a soft hyphen do not split the word */
	same_stem(t, "e\xcc\x81" "cole", "école", "ecol");
	same_stem(t, "laad\xc2\xadpaal", "laadpaal", "laadpal");
	/* digits: folded, not stemmed */
	assert_string_equal(stem(t, "GM0034", b), "gm0034");
	assert_string_equal(stem(t, "2023", b), "2023");
	/* other scripts are kept, lowercased */
	assert_string_equal(stem(t, "ΑΘΗΝΑ", b), "αθηνα");
	assert_string_equal(stem(t, "Москва", b), "москва");
	assert_string_equal(stem(t, "深圳", b), "深圳");
}

static void offsets_and_separators(void **state)
{
	rr_tokenizer *t = *state;
	out o;
	assert_string_equal(toks(t, "Zuid-Korea", &o), "zuid@0-4 korea@5-10");
	/* curly quotes are ignored; the apostrophe-s is part of its word */
	assert_string_equal(toks(t, "“Almere’s” auto's", &o), "almer@3-13 auto@17-23");
	assert_string_equal(toks(t, "'s-Hertogenbosch", &o), "s@1-2 hertogenbosch@3-16");
	/* byte offsets of multi-byte text */
	assert_string_equal(toks(t, "€ 100 coöperatie.", &o), "100@4-7 cooperatie@8-19");
	/* invalid UTF-8 separates words and never reaches the stemmer */
	assert_string_equal(toks(t, "ab\xff" "cd \xc3", &o), "ab@0-2 cd@3-5");
	assert_string_equal(toks(t, "\xe0\x80\x80x\xed\xa0\x80y", &o), "x@3-4 y@7-8");
	assert_string_equal(toks(t, "", &o), "");
	assert_string_equal(toks(t, " ,.;!?()[]{}<>\"*^:-–—…•", &o), "");
	assert_string_equal(toks(t, "😀laadpaal😀", &o), "laadpal@4-12");
}

static void long_words_and_stopping(void **state)
{
	rr_tokenizer *t = *state;
	char big[1000];
	out o;
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	memset(&o, 0, sizeof o);
	assert_int_equal(rr_tokenize(t, big, strlen(big), collect, &o), 0);
	assert_int_equal(o.seen, 1);
	assert_non_null(strstr(o.s, "@0-999"));
	assert_true(strchr(o.s, '@') - o.s <= RR_TOKEN_MAX);
	/* a callback's non-zero value stops the run and is returned */
	memset(&o, 0, sizeof o);
	o.stop_after = 2;
	assert_int_equal(rr_tokenize(t, "een twee drie vier", 18, collect, &o), 42);
	assert_int_equal(o.seen, 2);
	/* the length is respected: no NUL needed */
	memset(&o, 0, sizeof o);
	assert_int_equal(rr_tokenize(t, "laadpaal en meer", 8, collect, &o), 0);
	assert_string_equal(o.s, "laadpal@0-8");
}

static void instances_are_independent(void **state)
{
	rr_tokenizer *a = *state, *b = rr_tokenizer_new();
	char x[RR_TOKEN_MAX + 1], y[RR_TOKEN_MAX + 1];
	assert_non_null(b);
	assert_string_equal(stem(a, "laadpalen", x), stem(b, "laadpalen", y));
	rr_tokenizer_free(b);
	rr_tokenizer_free(NULL);
	assert_int_equal(rr_tokenizer_word(a, "", 0, x), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(plural_meets_singular, setup, teardown),
		cmocka_unit_test_setup_teardown(folding, setup, teardown),
		cmocka_unit_test_setup_teardown(offsets_and_separators, setup, teardown),
		cmocka_unit_test_setup_teardown(long_words_and_stopping, setup, teardown),
		cmocka_unit_test_setup_teardown(instances_are_independent, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
