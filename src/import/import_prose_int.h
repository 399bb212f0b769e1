/* import_prose_int.h - the parts of the reader of running text
 * (import_prose.c) that the rules around a trip (import_prose_near.c)
 * share: the trip words, a trip being read (a frame) and the helpers over
 * the words of a reading (imp_read). */
#ifndef RR_IMPORT_PROSE_INT_H
#define RR_IMPORT_PROSE_INT_H

#include "import_int.h"

typedef struct trig {
	const char *w;
	const char *kind;  /* the register's kind, or NULL */
	bool plural;
	bool verb;         /* a verb of going: needs naar/in/bij + a place */
	bool visit;        /* a verb of visiting: the place may follow directly */
} trig;

#define MAX_DEST 12
#define MAX_TRAV 12

typedef struct frame {
	size_t s0, s1;          /* words of the sentence(s) */
	size_t trig_w;
	const trig *tg;
	int dir;                /* 1 out, -1 in */
	const imp_pm *dest[MAX_DEST];
	size_t ndest;
	const imp_pm *origin;
	const imp_person *trav[MAX_TRAV];
	size_t ntrav;
	const imp_date_m *date;
	long officials;
	size_t off_w0, off_w1;
	imp_amount cost;
	bool has_cost;
	size_t pay_s, pay_e;
	char counterpart[120];
	const char *status;
	int times;              /* "twee keer" */
	bool ours;              /* evidence that the body travels */
	size_t c0, c1;          /* the sentences that speak of it, for its status */
	size_t co[4][2];        /* later sentences that speak of it again */
	size_t nco;
	const char *org;        /* the section's body when not the importing one */
	bool origin_country;    /* only the origin's country is sure */
	bool kind_open;         /* "werkbezoeken of beurzen": either, so no kind */
	const imp_date_m *each[6]; /* "in 2005, 2007 en 2010 … handelsmissies": a trip each */
	size_t neach;
	bool another;           /* "Verder komen …": the next of a list of trips */
	bool this_year;         /* told after "een overzicht van de reizen van dit
				 * jaar": undated, of the document's year */
	bool aside;             /* "bracht … ook al een bezoek": an earlier visit
				 * recalled, not the trip the text goes on about */
} frame;

extern const char *const pr_past_words[];
extern const char *const pr_future_words[];
extern const char *const pr_present_words[];
extern const char *const pr_cancel_words[];
extern const char *const pr_anaphors[];
extern const char *const pr_question_words[];
extern const char *const pr_delegation_words[];
extern const char *const pr_foreign_offices[];
extern const char *const pr_partner_nouns[];
extern const trig pr_register_line;

bool pr_in_list(const char *const *l, const char *w);
const trig *pr_trig_at(const rr_words *ws, size_t i);
bool pr_word_in(const imp_read *r, size_t a, size_t b, const char *const *l);
bool pr_is_place_word(const imp_read *r, size_t k, const imp_pm **pm);
bool pr_foreign(const imp_pm *p);
void pr_travellers(const imp_read *r, frame *f, bool want_foreign);
bool pr_paper_date(const rr_words *ws, size_t w0, size_t a);
const imp_date_m *pr_best_date(const imp_read *r, size_t a, size_t b, size_t w);
bool pr_names_us(const imp_read *r, size_t a, size_t b);
bool pr_habitual(const rr_words *ws, size_t s0, size_t s1);
bool pr_negated(const rr_words *ws, size_t s0, size_t s1);
void pr_list_dates(const imp_read *r, frame *f, size_t a, size_t b);
const imp_person *pr_named_before(const imp_read *r, size_t s0, size_t s1);
const imp_person *pr_speaker(const imp_read *r, size_t s0);
/* Told as going somewhere ("gaan … naar", "vertrekt naar"): still to come. */
bool pr_going(const imp_read *r, const frame *f);
bool pr_told_now(const imp_read *r, const frame *f);
bool pr_coming(const imp_read *r, const frame *f);
bool pr_host_place(const imp_read *r, const frame *f, const imp_pm *only, char *out,
		   size_t cap);
void pr_cost_of(const imp_read *r, frame *f, size_t s0, size_t s1);
bool pr_near_paragraph(const rr_words *ws, size_t a, size_t b);
bool pr_celebration_frame(const imp_read *r, size_t s0, size_t s1, frame *f);
void pr_next_paragraph(const imp_read *r, frame *f, size_t s0, size_t s1);
void pr_stops(const imp_read *r, frame *f, size_t s0, size_t s1);
void pr_coref(const imp_read *r, frame *f, size_t s0, size_t s1);
bool pr_register_line_frame(const imp_read *r, size_t s0, size_t s1, frame *f);
void pr_into_before(const imp_read *r, size_t s0, size_t k, const imp_pm **into, size_t *n);

#endif
