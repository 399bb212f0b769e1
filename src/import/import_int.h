/* import_int.h - the parts of the importer (import.h), shared between its
 * files. Every finder reads a text t between byte offsets [from, to) and
 * never past to; results are byte offsets into t (spans) or small fixed
 * buffers inside the result structs. Nothing here allocates unless said. */
#ifndef RR_IMPORT_INT_H
#define RR_IMPORT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "../nl/date.h"
#include "../nl/nldate.h"
#include "../nl/words.h"
#include "../util/buf.h"
#include "../util/err.h"

/* ---- text helpers (import_extract.c) ---- */

/* Offset of the '\n' ending the line that starts at pos, or to. */
size_t imp_eol(const char *t, size_t pos, size_t to);
/* A line of text by its trimmed offsets [s, e). */
typedef struct imp_line {
	size_t s, e;
} imp_line;
/* The non-empty lines of t[0..n), trimmed, in *out (the caller frees it;
 * NULL when there are none) and their number in *count. */
rr_err imp_lines(const char *t, size_t n, imp_line **out, size_t *count);
/* The cells of the line t[s..e) split at tabs or '|', trimmed, at most max,
 * in out; their number, 0 when the line has no separator. */
size_t imp_cells(const char *t, size_t s, size_t e, imp_line *out, size_t max);
/* The line [*s, *e) trimmed of spaces and tabs (ASCII). */
void imp_trim(const char *t, size_t *s, size_t *e);
/* True when t[pos..to) starts with word, ASCII case-insensitively. */
bool imp_prefix(const char *t, size_t pos, size_t to, const char *word);
/* True when t[pos] starts a word (start of text or a non-letter before). */
bool imp_word_start(const char *t, size_t pos);
/* True when t[pos] ends a word (pos == to or a non-letter at pos). */
bool imp_word_end(const char *t, size_t pos, size_t to);
/* First occurrence of word (case-insensitive, whole word unless prefix_ok)
 * in [from, to); to when absent. */
size_t imp_find_word(const char *t, size_t from, size_t to, const char *word,
		     bool prefix_ok);
/* Copies t[s..e) into out (size cap), collapsing runs of white space and
 * cutting at a UTF-8 character boundary. Returns the length written. */
size_t imp_copy(char *out, size_t cap, const char *t, size_t s, size_t e);
/* Lower-case ASCII slug of t[s..e) ("Osaka/Tokio" -> "osaka-tokio"),
 * accented Latin letters folded, at most max bytes, appended to b. */
void imp_slug(rr_buf *b, const char *t, size_t s, size_t e, size_t max);
/* Length of a superscript digit (¹²³ ⁰-⁹) at t[pos], else 0. */
size_t imp_superscript(const char *t, size_t pos, size_t to);

/* Extracts the text of a file: plain text, HTML (libxml2) or Markdown.
 * Checks the bytes (no NUL, UTF-8 or repairable), normalises line ends.
 * out receives the text; *media_type a static string. Errors name the
 * reason in d (the caller adds the file name); repairs go to notes. */
rr_err imp_extract(const char *name, const unsigned char *data, size_t len, rr_buf *out,
		   const char **media_type, rr_diag *d, rr_diag *notes);

/* ---- label lines (import_labels.c) ---- */

typedef enum {
	IMP_L_NONE = 0,
	IMP_L_PARTICIPANTS, IMP_L_APPLICANT, IMP_L_DESTINATION, IMP_L_DATES,
	IMP_L_OFFICIALS, IMP_L_REPORT, IMP_L_MOTIVATION, IMP_L_PURPOSE,
	IMP_L_EXTERNAL, IMP_L_BUDGET, IMP_L_COSTS, IMP_L_COORD, IMP_L_MEETING,
	IMP_L_DECISION, IMP_L_FOLLOWUP, IMP_L_PROGRAMME, IMP_L_TRANSPORT,
	IMP_L_SUBJECT, IMP_L_BACKGROUND, IMP_L_RESULTS, IMP_L_UNKNOWN
} imp_lab;

typedef struct imp_label {
	imp_lab kind;
	size_t line, name_end;  /* the label's own words */
	size_t val, val_end;    /* value on the same line after ':' (may be empty) */
	size_t block_end;       /* the value block ends here (next label / section end) */
} imp_label;

#define IMP_MAX_LABELS 64

/* Recognises the line [ls, le) as a label line. */
bool imp_label_line(const char *t, size_t ls, size_t le, imp_label *out);
/* Every label line in [from, to), block ends filled in. Returns the count. */
size_t imp_labels_scan(const char *t, size_t from, size_t to, imp_label *out, size_t max);
/* The value of a label: the same-line value, else the first non-empty line
 * of its block. */
void imp_label_value(const char *t, const imp_label *l, size_t *s, size_t *e);
const char *imp_label_name(imp_lab k);
/* Trip-form labels (dates, destination, officials, participants). */
bool imp_label_is_tripform(imp_lab k);

/* ---- amounts and counts (import_amounts.c) ---- */

typedef struct imp_amount {
	long long cents;
	size_t off, len;
	bool approx; /* "ongeveer", "circa", "±" */
} imp_amount;

/* First amount in euro in [from, to). */
bool imp_amount_find(const char *t, size_t from, size_t to, imp_amount *out);
/* "komen voor rekening van de MRA" -> span of "MRA". */
bool imp_payer_find(const char *t, size_t from, size_t to, size_t *s, size_t *e);
/* First count in [from, to): digits or a Dutch number word ("twee"). */
bool imp_count_find(const char *t, size_t from, size_t to, long *n, size_t *off,
		    size_t *len);

/* ---- people (import_people.c) ---- */

/* Whose person or place: the body's own, a foreign body's, another Dutch
 * body's, or not known. */
typedef enum { IMP_SIDE_UNKNOWN, IMP_SIDE_OURS, IMP_SIDE_FOREIGN, IMP_SIDE_OTHER } imp_side;

typedef struct imp_person {
	char name[96];      /* as written: "Han Weber", "P. Bijman", "De Graaf" */
	char role[48];      /* the office, lower case ("burgemeester"), or "" */
	char org[120];      /* the affiliation as written ("Bückeburg"), or "" */
	size_t off, len;    /* bytes of the whole mention */
	size_t w0, w1;      /* its words [w0, w1) */
	size_t nw0, nw1;    /* the words of the name */
	imp_side side;
} imp_person;

struct imp_body;
/* Every person named with an office (or a form of address) in words
 * [from, to) of ws, in order; body (may be NULL) decides sides. At most
 * max. See import_people.c for the forms. */
size_t imp_persons_scan(const rr_words *ws, size_t from, size_t to,
			const struct imp_body *body, imp_person *out, size_t max);
/* The same over the bytes t[from, to) (sides unknown); offsets into t. */
size_t imp_people_find(const char *t, size_t from, size_t to, imp_person *out, size_t max);
/* A count of officials in words [from, to): "twee ambtenaren", "vijf
 * medewerkers", "2 beleidsmedewerkers"; -1 when none. [*w0, *w1) are its
 * words. */
long imp_officials_count(const rr_words *ws, size_t from, size_t to, size_t *w0, size_t *w1);
/* Adds p to a travellers array unless the same surname is there already
 * (keeps the longer name). */
void imp_traveller_add(json_t *arr, const imp_person *p);

/* ---- places (import_places.c) ---- */

typedef struct imp_place {
	char country[3];
	char city[48];
	char region[48];
	bool has_coords;
	double lat, lon;
	size_t off, len;
} imp_place;

#include "../nl/places.h"

/* A place named in the text (import_places.c). */
typedef struct imp_pm {
	size_t w0, w1;    /* its words [w0, w1) */
	size_t off, end;  /* its bytes */
	rr_place p;       /* the place chosen */
	bool adjective;   /* a country by its adjective: "de Chinese stad" */
	bool home;        /* in the Netherlands */
	bool ours;        /* the body's own place */
	int cue;          /* 2: a noun before it ("stad"), 1: a preposition, 0 */
} imp_pm;

typedef struct imp_pms {
	imp_pm *v;
	size_t n, cap;
} imp_pms;

struct imp_body;
/* Every place of ws, in order. mask (may be NULL) marks words of people's
 * names (never places). Free out with imp_pms_free, also on failure. */
rr_err imp_places_scan(const rr_words *ws, const struct imp_body *body,
		       const unsigned char *mask, imp_pms *out);
void imp_pms_free(imp_pms *p);
/* The distinct places of pms within bytes [off, end) (foreign_only: not in
 * the Netherlands), as imp_place. Returns the count (at most max). */
size_t imp_places_from(const imp_pms *pms, size_t off, size_t end, bool foreign_only,
		       imp_place *out, size_t max);

#define IMP_MAX_PLACES 8

size_t imp_places_find(const char *t, size_t from, size_t to, imp_place *out, size_t max);
/* Destinations array from places (country alone only when no city or
 * region of that country is in the list). New reference. */
json_t *imp_destinations(const imp_place *p, size_t n);
/* The city of a territory that is one city ("HK" -> "Hong Kong"), else
 * NULL: a destination named by such a country is that city. */
const char *imp_city_state(const char *cc);
/* The ISO code of a Dutch or English country name, or NULL. */
const char *imp_country_code(const char *name, size_t len);

/* ---- agreements and partnerships (import_relations.c) ---- */

typedef struct imp_agreement {
	const char *type;      /* schema enum value: "mou", "contract", ... */
	size_t off, len;       /* the sentence */
} imp_agreement;

size_t imp_agreements_find(const char *t, size_t from, size_t to, imp_agreement *out,
			   size_t max);
/* Sentence around pos: [*s, *e). */
void imp_sentence(const char *t, size_t from, size_t to, size_t pos, size_t *s, size_t *e);

typedef struct imp_partner_event {
	const char *kind;  /* signed, amended, renewed, upgraded, joint_declaration */
	const char *type;  /* partnership type at that event or NULL */
	rr_date date;
	size_t off, len;
} imp_partner_event;

#define IMP_MAX_PENDING 2

typedef struct imp_partnership {
	bool found;
	imp_place partner;
	const char *type;
	imp_partner_event ev[8];
	size_t nev;
	uint32_t pid;       /* the gazetteer's id of the partner place */
	rr_date since;      /* the start the text states, or prec NONE */
	size_t mentions;    /* sentences that speak of it */
	bool type_conflict; /* the text calls it by two kinds: kind unknown */
	bool type_fixed;    /* an upgrade named its kind */
	bool type_generic;  /* the kind from a word for any friendship */
	imp_partner_event pend[IMP_MAX_PENDING]; /* events the text does not date */
	size_t npend;
} imp_partnership;

#define IMP_MAX_PARTNERS 8


/* ---- themes (import_themes.c) ---- */

/* The theme (a slug of rr_theme_values) that t[from..to) speaks of most,
 * from a table of Dutch and English word stems ("handelsmissie" -> trade,
 * "vestiging" -> investment, "tentoonstelling" -> culture_tourism); the
 * earliest hit breaks a tie. NULL when no theme word is there. Static
 * string. */
const char *imp_theme(const char *t, size_t from, size_t to);
/* A short heading line that names a theme ("Onderwijs", "Cultuur en
 * Media-aandacht", "Life sciences and health:"): its theme. *heading is
 * set when the line is such a heading, also a theme-less one ("Algemeen",
 * which then returns NULL). */
const char *imp_theme_heading(const char *t, size_t s, size_t e, bool *heading);

/* ---- the body and the document being read ---- */

/* The body a document is imported for, as the register knows it. */
typedef struct imp_body {
	char code[101];
	char name[200];  /* "Gemeente Almere"; "" when unknown */
	char place[120]; /* its own place: the seat, or the name without "Gemeente" */
	char kind[32];   /* municipality, province, national, ... or "" */
} imp_body;

/* Fills b (code already set) from the body's organisation record. */
void imp_body_from_record(imp_body *b, const json_t *org);
/* Does text [s, e) name a Dutch public body by its kind and name ("de
 * gemeente Westland", "provincie Zeeland"; not "de provincie Hebei")? */
bool imp_names_dutch_body(const char *t, size_t s, size_t e);

/* One document being read: its text and what is known around it. All
 * borrowed; the text is NUL-terminated at n. */
typedef struct imp_ctx {
	const char *t;
	size_t n;
	const char *name;    /* file name, for notes */
	const imp_body *body;
	rr_date given;       /* the date given with --date; prec NONE when none */
	rr_diag *notes;      /* receives what was not understood */
	rr_buf *explain;     /* when not NULL, receives what the reading found */
} imp_ctx;

/* ---- the document's own date (import_docdate.c) ---- */

/* The date the document states for itself (letterhead, date label, archive
 * stamp, a line that is only a date, a dateline), as precise as stated;
 * given (may be NULL or of no precision) is the date the user gave, which
 * completes a dateline without a year. True when found; [*off, +*len) is
 * its span. */
bool imp_docdate(const char *t, size_t n, const rr_date *given, rr_date *out, size_t *off,
		 size_t *len);

/* ---- one reading of a document (import_read.c) ---- */

typedef struct imp_date_m {
	rr_nldate d;      /* the date, with its byte span */
	size_t w0, w1;    /* its words */
} imp_date_m;

typedef struct imp_read {
	const imp_ctx *c;
	rr_words ws;            /* the text's words and sentences */
	imp_person *pp;         /* the people named, in order */
	size_t np;
	unsigned char *mask;    /* per word: part of a person's name */
	imp_pms pms;            /* the places named */
	imp_date_m *dm;         /* the dates, in order */
	size_t nd;
	rr_date anchor;         /* what year-less dates were completed with */
	unsigned char *used;    /* per word: taken by a form, list or table */
	size_t doc_off, doc_len; /* the document's own date expression, not an event's */
} imp_read;

/* Reads c's text once for all finders; docdate (may be NULL) anchors
 * year-less dates. Free with imp_read_free, also on failure. */
rr_err imp_read_init(imp_read *r, const imp_ctx *c, const rr_date *docdate, size_t doc_off,
		     size_t doc_len);
void imp_read_free(imp_read *r);
/* What the reading found, sentence by sentence, for a person reviewing an
 * import (Dutch, one line per sentence that names a place, person or date). */
void imp_read_explain(const imp_read *r, rr_buf *out);
/* Marks the words of bytes [off, end) as taken (the prose finder skips them). */
void imp_read_use(imp_read *r, size_t off, size_t end);

/* ---- what a document says (import_genre.c) ---- */

typedef enum { IMP_G_FORM, IMP_G_REGISTER, IMP_G_LETTER, IMP_G_EVALUATION } imp_genre;

/* One trip as one document describes it, before ids and merging. */
typedef struct imp_item {
	json_t *trip;      /* trip fields (no id, organisation, sources) */
	json_t *spans;     /* [{"field","start","end"}] into the document text */
	json_t *results;   /* result records without id/trip/organisation */
	bool request;      /* from a request (aanvraag) */
	bool report;       /* from a report (verslag) */
	char person[48];   /* surname of the first traveller, for pairing */
	char slug[48];     /* description words for ids of incoming visits */
	size_t line;       /* line number of its heading or list line */
	bool prose;        /* found in running text (import_prose.c) */
	bool table;        /* a row of a register's table (import_tables.c) */
	size_t group;      /* prose: items of one sentence share it (1, 2, …) */
	bool plural;       /* prose: from a plural ("de reizen naar Spanje") */
	bool this_year;    /* prose: told after "de reizen van dit jaar": when undated,
			    * of the document's year */
	bool another;      /* prose: its sentence goes on with a list ("Verder …", "In
			    * de tweede plaats …"): another trip, no retelling */
	size_t src_off, src_end; /* the text it was read from (lists, forms) */
	char org[32];      /* another body's trip (a section of an overview), or "" */
} imp_item;

typedef struct imp_analysis {
	imp_genre genre;
	imp_item *items;
	size_t n, cap;
	imp_partnership partnership;
	rr_date date;       /* the document's own date, if it says */
	char title[200];
	json_t *results;    /* results of the partnership, not of one trip, or NULL */
	imp_partnership partners[IMP_MAX_PARTNERS]; /* every relation the text states */
	size_t npartners;
	bool about_body;    /* the text names the body it is imported for */
	bool register_of_body; /* a register or overview of the body's own trips */
	bool authored;      /* a letter or report in the body's own voice */
	struct imp_gift *gifts; /* gifts the text states (import_gifts.c) */
	size_t ngifts, gcap;
} imp_analysis;

#define IMP_MAX_ITEMS 2000

/* Reads the whole text. notes receives what was not understood. */
rr_err imp_analyse(const imp_ctx *c, imp_analysis *a);
void imp_analysis_free(imp_analysis *a);
/* Appends it to a (a takes it over, also on failure). */
rr_err imp_push_item(imp_analysis *a, imp_item *it);

/* import_mentions.c: trips the text mentions as cancelled ("een bezoek aan
 * X in mei 2020 werd afgelast vanwege ..."): items with planned dates and a
 * "cancellation" {reason}, unless a's items already cover that country and
 * time. Postponed trips and other bodies' trips give nothing. */
/* Does t[s..e) say a trip was called off (afgelast, geannuleerd, ging niet
 * door)? reason (cap bytes, may be NULL) receives why, from the text. */
bool imp_called_off(const char *t, size_t s, size_t e, char *reason, size_t cap);
rr_err imp_mentions_scan(const char *t, size_t n, const char *name, imp_analysis *a,
			 rr_diag *notes);

/* import_form.c: one section of a trip form (report or request). */
rr_err imp_form_section(const char *t, size_t hs, size_t he, size_t to, imp_item *it,
			const char *name, rr_diag *notes);
/* Adds a span {"field", start, end} to it->spans. */
void imp_span(imp_item *it, const char *field, size_t s, size_t e);
/* Item helpers. */
rr_err imp_item_init(imp_item *it);
void imp_item_free(imp_item *it);
/* The trip kind named in [s, e) ("handelsmissie", ...) or NULL. */
const char *imp_trip_kind(const char *t, size_t s, size_t e);
/* Sets start/end (or planned_*) from a found date range. */
void imp_set_dates(json_t *trip, const char *start_key, const char *end_key,
		   const rr_date *a, const rr_date *b);
/* Line number (1-based) of offset pos. */
size_t imp_lineno(const char *t, size_t pos);

/* ---- registers as tables (import_tables.c) ---- */

/* Trips of tables in rows (tab or '|' separated) or flattened (a cell a
 * line), appended to a; their lines are theirs (src_off, src_end). */
rr_err imp_tables_scan(const imp_read *r, imp_analysis *a);

/* ---- relations with foreign bodies (import_partners.c) ---- */

/* The body's partnerships the sentences of r state, with their start and
 * events, into a->partners. */
rr_err imp_partners_scan(const imp_read *r, imp_analysis *a);
/* Dates the events a report's text gives without a date by the trip the
 * report section tells (a form's start, to the month). */
void imp_partners_date_pending(imp_analysis *a);

/* ---- trips in running text (import_prose.c) ---- */

/* Trips the sentences of r tell, outgoing and incoming, appended to a
 * (items with prose set). Words marked used in r are skipped. */
rr_err imp_prose_trips(const imp_read *r, imp_analysis *a);

/* ---- results per mission (import_results.c) ---- */

/* Results under mission headings (evaluation) or under the line that
 * announces them (letter: the first item's trip) are appended to the
 * items' results, with "_start", "_end" (span) and "_key" (normalised
 * first words of the title, for matching the same result in two
 * documents). A letter's agreements are left to the whole-text finder. */
rr_err imp_results_scan(const char *t, size_t n, imp_analysis *a, bool letter);
/* One sentence summing up investments over a period (count of projects,
 * euros, jobs, a year range) becomes one result in a->results. */
void imp_investment_total(const char *t, size_t n, imp_analysis *a);
/* The result type a bullet's words speak of (schema rr_result_type_values
 * minus "agreement"): investment, media, exhibition, follow_up_visit,
 * exchange, lead or other. Static string. */
const char *imp_result_type(const char *t, size_t s, size_t e);
/* The id of result i of arr (import.c gives owner: a trip's or the
 * partnership's id): agreements "OWNER-AGREEMENT[-n]" (n counts the same
 * kind before it), others "OWNER-TYPE-KEY". '_' becomes '-'. */
void imp_result_id(char *id, size_t cap, const json_t *arr, size_t i, const char *owner);
/* Is result i of arr the same as an earlier one (type, agreement, "_key")? */
bool imp_result_repeated(const json_t *arr, size_t i);
/* Jobs stated in [from, to): "20 banen", "10 nieuwe arbeidsplaatsen",
 * "werkgelegenheid voor 134 mensen". */
bool imp_jobs_find(const char *t, size_t from, size_t to, long *jobs);

/* ---- gifts (import_gifts.c) ---- */

/* One gift to or from the body's people as the text states it: from a
 * gift register (a table in rows or flattened, or blocks of label lines)
 * or from running text ("ontving van de burgemeester van X een vaas",
 * "waaronder sokken (provincie X, vijf euro)", "een schilderij, geschonken
 * door …"). Strings as written; empty when the text does not say. */
typedef struct imp_gift {
	char giver[160];
	char recipient[160];
	char description[160];
	rr_date date;             /* prec NONE when the text gives none */
	bool has_value;
	long long cents;          /* the estimated value, when has_value */
	const char *disposition;  /* a schema value (rr_disposition_values) or NULL */
	char note[200];           /* what was done with it, as written */
	size_t off, end;          /* the sentence, row or block it was read from */
	size_t line;              /* the line of off, for notes */
	bool during_trip;         /* "tijdens de reis", "bij het werkbezoek" */
	imp_place places[4];      /* places abroad named with it, for its trip */
	size_t nplaces;
} imp_gift;

/* Gifts of r's text into a->gifts (those with a giver, a recipient and a
 * description; what lacks one of them is noted in r's notes). The lines
 * of a gift register are marked used. Run after the trip tables, before
 * the running text's trips. */
rr_err imp_gifts_scan(imp_read *r, imp_analysis *a);
/* Is t[s..e) the name of a gift register's own column (Gever, Schenker,
 * Ontvanger, Geschenk, Waarde, …)? A table with one is no trip register. */
bool imp_gift_column(const char *t, size_t s, size_t e);
struct rr_store;
/* The gift records of a (import.c, once a's trips carry their ids): id
 * ORG-geschenk-DATE-WORDS, organisation, public, the trip it was given
 * during when the text places it in one of a's trips (which then dates
 * it, if the text does not). A gift the register has already keeps what
 * it has and gains what it lacked. A gift without a date is noted (name)
 * and left out. Records go into out, by id. */
void imp_gifts_records(const imp_analysis *a, const char *org, bool pub, struct rr_store *s,
		       json_t *out, const char *name, rr_diag *notes);

#endif
