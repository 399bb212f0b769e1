/* fuzz_tokenize - the Dutch search tokenizer on arbitrary bytes: every
 * token is non-empty, short, valid UTF-8 without ASCII capitals or
 * punctuation, and its offsets lie in the input, in order. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nl/tokenize.h"

static void check(int ok)
{
	if (!ok)
		abort();
}

static void check_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = s[i];
		size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		check(c < 0x80 || (c >= 0xC2 && c <= 0xF4));
		check(i + len <= n);
		for (size_t k = 1; k < len; k++)
			check((s[i + k] & 0xC0) == 0x80);
		if (c < 0x80)
			check((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
		i += len;
	}
}

typedef struct state {
	size_t size, last_end;
	int n;
} state;

static int on_token(void *ctx, const char *tok, size_t len, size_t start, size_t end)
{
	state *st = ctx;
	check(len > 0 && len <= RR_TOKEN_MAX);
	check(start < end && end <= st->size);
	check(start >= st->last_end);
	check_utf8((const unsigned char *)tok, len);
	st->last_end = end;
	st->n++;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rr_tokenizer *t = rr_tokenizer_new();
	state st = {size, 0, 0};
	char *copy;

	if (!t)
		return 0;
	/* an exact-size heap copy: ASan sees any read past the end */
	copy = malloc(size ? size : 1);
	if (copy) {
		if (size)
			memcpy(copy, data, size);
		check(rr_tokenize(t, copy, size, on_token, &st) == 0);
		check(st.n <= (int)size);
		free(copy);
	}
	rr_tokenizer_free(t);
	return 0;
}
