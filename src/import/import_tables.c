/* import_tables.c - registers of trips written as tables:
 *
 *   rows      a header line of column names and one line per trip, the
 *             cells separated by tabs (HTML tables, see import_extract.c)
 *             or by '|' (Markdown);
 *   flattened the same table copied from a web page with every cell on a
 *             line of its own: the column names one per line, then the
 *             cells of each row in the same order, rows grouped under a
 *             line that names the traveller ("Wethouder Kokke:").
 *
 * The column names say what a cell holds (Bestemming, Waar, Land; Doel;
 * Datum, Wanneer, Periode; Wie, Reiziger; Kosten, Bedrag; Betaald door,
 * Reis- en verblijfkosten betaald door; Verslag). A flattened row starts at
 * a cell that names a place abroad; a cell that does not fit its column
 * (a date column without a date) ends the row early, so a page cut off in
 * the middle of a row gives what it has. A line under a traveller heading
 * that says no trip was made ("Geen buitenlandse dienstreis") gives none. */
#include "import_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../nl/fold.h"
#include "../nl/nldate.h"

enum col { C_NONE, C_DEST, C_PURPOSE, C_DATE, C_WHO, C_COST, C_PAYER, C_REPORT, C_OFFICIALS,
	C_GIFT };

#define MAX_COLS 10
#define MAX_CELLS 64

typedef imp_line cell; /* bytes, trimmed */

/* What a column name says its cells hold. */
static enum col column_of(const char *t, size_t s, size_t e)
{
	char f[160];
	if (e <= s || e - s > 80)
		return C_NONE;
	if (imp_gift_column(t, s, e)) /* a gift register's (import_gifts.c) */
		return C_GIFT;
	rr_fold(t + s, e - s, f, sizeof f);
	if (strstr(f, "betaald door") || strstr(f, "rekening van") || strstr(f, "financiering") ||
	    strstr(f, "bekostiging"))
		return C_PAYER;
	if (strstr(f, "ambtenaren") || strstr(f, "ondersteuning"))
		return C_OFFICIALS;
	if (strstr(f, "kosten") || strstr(f, "bedrag"))
		return C_COST;
	if (!strcmp(f, "datum") || !strcmp(f, "wanneer") || !strcmp(f, "periode") ||
	    !strcmp(f, "data") || strstr(f, "reisdatum") || !strncmp(f, "datum ", 6))
		return C_DATE;
	if (!strcmp(f, "bestemming") || !strcmp(f, "waar") || !strcmp(f, "waarheen") ||
	    !strcmp(f, "land") || !strcmp(f, "plaats") || !strcmp(f, "reisdoel") ||
	    !strcmp(f, "locatie") || !strcmp(f, "land plaats") || !strcmp(f, "stad") ||
	    !strcmp(f, "bestemming land plaats"))
		return C_DEST;
	if (!strcmp(f, "doel") || !strcmp(f, "reden") || !strcmp(f, "aanleiding") ||
	    !strcmp(f, "onderwerp") || !strcmp(f, "omschrijving") || !strcmp(f, "programma") ||
	    !strcmp(f, "activiteit") || !strcmp(f, "doel van de reis"))
		return C_PURPOSE;
	if (!strcmp(f, "wie") || !strcmp(f, "naam") || !strcmp(f, "reiziger") ||
	    !strcmp(f, "reizigers") || !strcmp(f, "deelnemer") || !strcmp(f, "deelnemers") ||
	    !strcmp(f, "bestuurder") || !strcmp(f, "functionaris"))
		return C_WHO;
	if (!strcmp(f, "verslag"))
		return C_REPORT;
	return C_NONE;
}

typedef struct table {
	enum col cols[MAX_COLS];
	size_t ncols;
} table;

static bool useful(const table *tb)
{
	bool dest = false, date = false;
	for (size_t i = 0; i < tb->ncols; i++) {
		dest |= tb->cols[i] == C_DEST;
		date |= tb->cols[i] == C_DATE;
		if (tb->cols[i] == C_GIFT)
			return false;
	}
	return tb->ncols >= 3 && dest && date;
}

/* ---- one row, whatever its form ---- */

typedef struct row {
	cell c[MAX_COLS];
	bool have[MAX_COLS];
	size_t first, last;     /* bytes the row covers */
	const imp_person *who;  /* the heading above it */
} row;

static void set_payer(json_t *trip, const char *t, const cell *c)
{
	size_t s = c->s, e = c->e;
	/* "Derde, Diamant-groep": a third party, named after the comma */
	const char *comma = memchr(t + s, ',', e - s);
	if (comma && (size_t)(comma - (t + s)) < 12)
		s = (size_t)(comma - t) + 1;
	imp_trim(t, &s, &e);
	if (e <= s || e - s > 160)
		return;
	json_t *costs = json_array(), *cost = json_object();
	json_object_set_new(cost, "category", json_string("reis en verblijf"));
	json_object_set_new(cost, "kind", json_string("actual"));
	json_object_set_new(cost, "paid_by", json_stringn(t + s, e - s));
	json_array_append_new(costs, cost);
	json_object_set_new(trip, "costs", costs);
}

static rr_err emit(const imp_read *r, imp_analysis *a, const table *tb, const row *rw)
{
	const char *t = r->ws.text;
	imp_item it;
	rr_err e;
	bool dest = false;

	if ((e = imp_item_init(&it)))
		return e;
	it.line = imp_lineno(t, rw->first);
	it.src_off = rw->first;
	it.src_end = rw->last;
	json_object_set_new(it.trip, "direction", json_string("out"));
	for (size_t i = 0; i < tb->ncols; i++) {
		const cell *c = &rw->c[i];
		if (!rw->have[i])
			continue;
		switch (tb->cols[i]) {
		case C_DEST: {
			imp_place p[IMP_MAX_PLACES];
			size_t np = imp_places_from(&r->pms, c->s, c->e, true, p, IMP_MAX_PLACES);
			if (np) {
				json_object_set_new(it.trip, "destinations", imp_destinations(p, np));
				imp_span(&it, "destinations", c->s, c->e);
				dest = true;
			}
			break;
		}
		case C_PURPOSE: {
			const char *kind = imp_trip_kind(t, c->s, c->e);
			json_object_set_new(it.trip, "purpose", json_stringn(t + c->s, c->e - c->s));
			imp_span(&it, "purpose", c->s, c->e);
			if (kind)
				json_object_set_new(it.trip, "kind", json_string(kind));
			break;
		}
		case C_DATE: {
			rr_nldate nd;
			const char *why;
			if (rr_nldate_find(t, c->e, c->s, r->anchor.prec ? &r->anchor : NULL, &nd,
					   &why) == RR_OK) {
				imp_set_dates(it.trip, "start", "end", &nd.start, &nd.end);
				imp_span(&it, "start", nd.off, nd.off + nd.len);
			}
			break;
		}
		case C_PAYER:
			set_payer(it.trip, t, c);
			imp_span(&it, "costs", c->s, c->e);
			break;
		case C_COST: {
			imp_amount am;
			if (imp_amount_find(t, c->s, c->e, &am)) {
				json_t *costs = json_object_get(it.trip, "costs");
				if (!costs) {
					costs = json_array();
					json_object_set_new(it.trip, "costs", costs);
				}
				json_t *cost = json_array_get(costs, 0);
				if (!cost) {
					cost = json_object();
					json_object_set_new(cost, "category", json_string("totaal"));
					json_object_set_new(cost, "kind", json_string("actual"));
					json_array_append_new(costs, cost);
				}
				json_object_set_new(cost, "amount_eur", json_real((double)am.cents / 100.0));
				imp_span(&it, "costs", am.off, am.off + am.len);
			}
			break;
		}
		case C_WHO: {
			imp_person p[8];
			size_t np = imp_people_find(t, c->s, c->e, p, 8);
			if (np) {
				json_t *arr = json_array();
				for (size_t k = 0; k < np; k++)
					imp_traveller_add(arr, &p[k]);
				json_object_set_new(it.trip, "travellers", arr);
				imp_span(&it, "travellers", c->s, c->e);
			}
			break;
		}
		default:
			break;
		}
	}
	if (rw->who && !json_object_get(it.trip, "travellers")) {
		json_t *arr = json_array();
		imp_traveller_add(arr, rw->who);
		json_object_set_new(it.trip, "travellers", arr);
		imp_span(&it, "travellers", rw->who->off, rw->who->off + rw->who->len);
	}
	if (!dest) {
		imp_item_free(&it);
		return RR_OK;
	}
	/* a register row tells a trip made, unless its date is still to come */
	{
		const char *st = json_string_value(json_object_get(it.trip, "start"));
		rr_date d;
		bool future = st && a->date.prec == RR_PREC_DAY && !rr_date_parse_iso(st, &d, NULL) &&
			      rr_date_first(&d) > rr_date_last(&a->date);
		json_object_set_new(it.trip, "status", json_string(future ? "approved" : "completed"));
	}
	{
		char title[200];
		const cell *c = &rw->c[0];
		imp_copy(title, sizeof title, t, c->s, c->e);
		json_object_set_new(it.trip, "title", json_string(title));
	}
	it.table = true;
	return imp_push_item(a, &it);
}

/* ---- rows on lines ---- */

typedef imp_line line; /* trimmed */

/* Does the cell look like a destination: short, names a place abroad? */
static bool dest_cell(const imp_read *r, size_t s, size_t e)
{
	imp_place p[2];
	if (e - s > 80)
		return false;
	return imp_places_from(&r->pms, s, e, true, p, 2) > 0;
}

static bool date_cell(const imp_read *r, size_t s, size_t e)
{
	rr_nldate nd;
	const char *why;
	if (e - s > 60)
		return false;
	rr_err x = rr_nldate_find(r->ws.text, e, s, r->anchor.prec ? &r->anchor : NULL, &nd, &why);
	return x == RR_OK || x == RR_EINVAL;
}

/* A line that is only a person: "Wethouder Kokke:". */
static const imp_person *heading_at(const imp_read *r, size_t s, size_t e)
{
	for (size_t i = 0; i < r->np; i++) {
		const imp_person *p = &r->pp[i];
		size_t pe = p->off + p->len;
		if (p->off != s || p->side == IMP_SIDE_FOREIGN)
			continue;
		while (pe < e && (r->ws.text[pe] == ':' || r->ws.text[pe] == ' '))
			pe++;
		if (pe == e)
			return p;
	}
	return NULL;
}

static bool no_trip_line(const char *t, size_t s, size_t e)
{
	return imp_prefix(t, s, e, "geen ") || imp_prefix(t, s, e, "n.v.t") ||
	       imp_prefix(t, s, e, "nvt") || imp_prefix(t, s, e, "niet van toepassing");
}

/* A flattened table from line h (the first column name) on: returns the
 * index of the line after it. */
static rr_err flattened(const imp_read *r, imp_analysis *a, const line *ln, size_t nl,
			size_t h, size_t *next)
{
	const char *t = r->ws.text;
	table tb = {0};
	size_t i = h;
	row rw;
	bool open = false;
	size_t col = 0;
	const imp_person *who = NULL;
	rr_err e = RR_OK;

	while (i < nl && tb.ncols < MAX_COLS) {
		enum col c = column_of(t, ln[i].s, ln[i].e);
		if (c == C_NONE)
			break;
		tb.cols[tb.ncols++] = c;
		i++;
	}
	if (!useful(&tb) || tb.cols[0] != C_DEST) {
		*next = h + 1;
		return RR_OK;
	}
	memset(&rw, 0, sizeof rw);
	for (; i < nl && !e; i++) {
		size_t s = ln[i].s, en = ln[i].e;
		const imp_person *hp = heading_at(r, s, en);
		if (hp) {
			if (open)
				e = emit(r, a, &tb, &rw);
			open = false;
			who = hp;
			continue;
		}
		if (no_trip_line(t, s, en) && !open)
			continue;
		if (dest_cell(r, s, en) && (!open || col >= 1)) {
			/* a new row */
			if (open)
				e = emit(r, a, &tb, &rw);
			memset(&rw, 0, sizeof rw);
			rw.c[0] = (cell){s, en};
			rw.have[0] = true;
			rw.first = s;
			rw.last = en;
			rw.who = who;
			open = true;
			col = 1;
			continue;
		}
		if (!open) {
			/* text after the table ends it */
			if (en - s > 200)
				break;
			continue;
		}
		if (col >= tb.ncols) {
			e = emit(r, a, &tb, &rw);
			open = false;
			continue;
		}
		/* the cell must fit its column; a long paragraph ends the table */
		if (tb.cols[col] == C_DATE && !date_cell(r, s, en)) {
			/* a purpose cell may come before the date: shift only when the
			 * next column is the date */
			e = emit(r, a, &tb, &rw);
			open = false;
			continue;
		}
		rw.c[col] = (cell){s, en};
		rw.have[col] = true;
		rw.last = en;
		col++;
	}
	if (open && !e)
		e = emit(r, a, &tb, &rw);
	*next = i;
	return e;
}

/* A table in rows: the header line and the lines after it with as many
 * cells. */
static rr_err rows(const imp_read *r, imp_analysis *a, const line *ln, size_t nl, size_t h,
		   size_t *next)
{
	const char *t = r->ws.text;
	cell hc[MAX_CELLS], c[MAX_CELLS];
	size_t nh = imp_cells(t, ln[h].s, ln[h].e, hc, MAX_CELLS), i = h + 1;
	table tb = {0};
	const imp_person *who = NULL;
	rr_err e = RR_OK;

	for (size_t k = 0; k < nh && k < MAX_COLS; k++)
		tb.cols[tb.ncols++] = column_of(t, hc[k].s, hc[k].e);
	if (!useful(&tb)) {
		*next = h + 1;
		return RR_OK;
	}
	for (; i < nl && !e; i++) {
		size_t n = imp_cells(t, ln[i].s, ln[i].e, c, MAX_CELLS);
		if (!n) {
			const imp_person *hp = heading_at(r, ln[i].s, ln[i].e);
			if (hp) {
				who = hp;
				continue;
			}
			break;
		}
		/* a Markdown rule "|---|---|" */
		if (strspn(t + ln[i].s, "|-: \t") == ln[i].e - ln[i].s)
			continue;
		row rw;
		memset(&rw, 0, sizeof rw);
		for (size_t k = 0; k < n && k < tb.ncols; k++) {
			rw.c[k] = c[k];
			rw.have[k] = c[k].e > c[k].s;
		}
		rw.first = ln[i].s;
		rw.last = ln[i].e;
		rw.who = who;
		e = emit(r, a, &tb, &rw);
	}
	*next = i;
	return e;
}

rr_err imp_tables_scan(const imp_read *r, imp_analysis *a)
{
	const char *t = r->ws.text;
	size_t n = r->ws.n, nl = 0;
	line *ln = NULL;
	rr_err e = RR_OK;

	if (imp_lines(t, n, &ln, &nl))
		return RR_ENOMEM;
	for (size_t i = 0; i < nl && !e;) {
		cell c[MAX_CELLS];
		size_t next = i + 1;
		if (imp_cells(t, ln[i].s, ln[i].e, c, MAX_CELLS) >= 3)
			e = rows(r, a, ln, nl, i, &next);
		else if (column_of(t, ln[i].s, ln[i].e) == C_DEST)
			e = flattened(r, a, ln, nl, i, &next);
		i = next > i ? next : i + 1;
	}
	free(ln);
	return e;
}
