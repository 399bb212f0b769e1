/* import_gifts_int.h - what the gift files of the importer share:
 * import_gifts.c (running text and the whole document),
 * import_gifts_tables.c (registers: tables and label blocks) and
 * import_gifts_records.c (the records). Not for other files. */
#ifndef RR_IMPORT_GIFTS_INT_H
#define RR_IMPORT_GIFTS_INT_H

#include <stdbool.h>
#include <string.h>

#include "import_int.h"

#define MAX_FOUND 4096 /* gifts per document, with those the text leaves incomplete */
#define MAX_SENTENCE 300 /* words: a longer "sentence" is a list or a table, not a gift's */
#define MAX_BACK 200     /* words a pronoun may look back */
#define MAX_ITEMS 16   /* gifts in one sentence */
#define MAX_GCOLS 10

typedef struct found {
	imp_gift g;
	size_t w0;        /* its first word */
	bool generic;
	bool reg;         /* a row or block of a register: every gift there is the body's */
	bool giver_ours;  /* running text: its giver is the body's (or an office alone) */
} found;

typedef struct gx {
	imp_read *r;
	const rr_words *ws;
	const char *t;
	imp_analysis *a;
	const char *name;
	rr_diag *notes;
	bool about_gifts;  /* the opening speaks of gifts */
	found *f;          /* gifts found, complete or not */
	size_t nf, fcap;
	size_t prev_lo, prev_hi; /* the gifts of the sentence before */
	size_t prev_end;         /* the word after that sentence */
	rr_date para_date;       /* the date a paragraph gave its gifts */
	bool cadeau_verb;        /* the clause's verb is krijgen or geven ("cadeau krijgen") */
	size_t line_off, line;   /* the line number of byte line_off, counted so far */
	unsigned char *ours;     /* per person of the reading: named as the body's somewhere */
} gx;

typedef struct who {
	size_t w0, w1;       /* its words, the determiner included */
	char text[160];      /* as written, without the determiner */
	bool pronoun;
	size_t a0, a1;       /* a pronoun: the words it stands for */
} who;

/* words (folded) and word lists */
static inline bool in(const char *f, const char *const *l)
{
	for (; *l; l++)
		if (!strcmp(f, *l))
			return true;
	return false;
}

static inline const char *F(const rr_words *ws, size_t k)
{
	return rr_wfold(ws, k);
}

static inline bool is_word(const rr_words *ws, size_t k)
{
	return k < ws->count && ws->w[k].kind == RR_W_WORD;
}

static inline bool cap(const rr_words *ws, size_t k)
{
	return k < ws->count && ws->w[k].kind != RR_W_PUNCT &&
	       (ws->w[k].flags & (RR_W_CAP | RR_W_UPPER));
}

static inline bool word_in(const rr_words *ws, size_t k, const char *const *l)
{
	return k < ws->count && ws->w[k].kind != RR_W_PUNCT && in(F(ws, k), l);
}

/* nouns of a trip: bezoek, reis, missie, … (import_gifts.c) */
extern const char *const gx_trip_nouns[];
/* the words [w0, w1) as written, into out (import_gifts.c) */
void gx_copy_words(const gx *g, char *out, size_t cap, size_t w0, size_t w1);
/* people, offices, bodies (import_gifts.c) */
bool gx_known_person(const gx *g, size_t k, size_t lim, who *out);
bool gx_office_phrase(const gx *g, size_t k, size_t lim, unsigned kinds, who *out);
/* what was done with a gift, its words in [s, e) (import_gifts.c) */
const char *gx_disposition_of(const gx *g, size_t s, size_t e, size_t *cue);
/* a new gift found at word w0, text [off, end) (import_gifts.c) */
found *gx_new_gift(gx *g, size_t w0, size_t off, size_t end);
/* two dates as one day, month or year (import_gifts.c) */
rr_date gx_narrow(const rr_date *a, const rr_date *b);
/* the registers of the text (import_gifts_tables.c) */
rr_err gx_scan_registers(gx *g);

#endif
