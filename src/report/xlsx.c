/* xlsx.c - trips and cost lines as a spreadsheet (xlsx.h). */
#include "xlsx.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "../model/country.h"
#include "../nl/places.h"
#include "../model/lifecycle.h"
#include "../model/record.h"
#include "../model/schema.h"
#include "../model/co2.h"

typedef struct fmts {
	lxw_format *head, *day, *month, *year, *eur, *count;
} fmts;

static const char *name_of(const json_t *orgs, const char *code)
{
	const char *n = rr_rec_str(json_object_get(orgs, code ? code : ""), "name");
	return n ? n : code ? code : "";
}

static void str(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s)
{
	if (s && *s)
		worksheet_write_string(ws, r, c, s, NULL);
}

static void label(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *const *values,
		  const char *v)
{
	const char *l = rr_enum_label(values, v);
	str(ws, r, c, l ? l : v);
}

/* A date as a date cell, formatted to its precision. */
static void date_cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const rr_date *d,
		      const fmts *f)
{
	lxw_datetime dt = {0};
	if (!d->prec)
		return;
	dt.year = d->y;
	dt.month = d->prec >= RR_PREC_MONTH ? d->m : 1;
	dt.day = d->prec == RR_PREC_DAY ? d->d : 1;
	worksheet_write_datetime(ws, r, c, &dt, d->prec == RR_PREC_DAY ? f->day :
				 d->prec == RR_PREC_MONTH ? f->month : f->year);
}

static void date_field(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const json_t *rec,
		       const char *key, const fmts *f)
{
	rr_date d = rr_rec_date(rec, key);
	date_cell(ws, r, c, &d, f);
}

static void eur_cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, long long cents,
		     const fmts *f)
{
	if (cents >= 0)
		worksheet_write_number(ws, r, c, (double)cents / 100.0, f->eur);
}

static void heads(lxw_worksheet *ws, const char *const *h, size_t n, const double *widths,
		  const fmts *f)
{
	for (size_t i = 0; i < n; i++) {
		worksheet_write_string(ws, 0, (lxw_col_t)i, h[i], f->head);
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, widths[i], NULL);
	}
	worksheet_freeze_panes(ws, 1, 0);
}

/* "De Vries (wethouder); ..." of a list of objects. */
static void join_list(rr_buf *b, const json_t *list, const char *k1, const char *k2)
{
	const json_t *x;
	size_t i;

	rr_buf_reset(b);
	json_array_foreach(list, i, x) {
		const char *a = rr_rec_str(x, k1), *z = k2 ? rr_rec_str(x, k2) : NULL;
		if (i)
			rr_buf_addstr(b, "; ");
		rr_buf_addstr(b, a ? a : "");
		if (z && (!a || strcmp(a, z)))
			rr_buf_printf(b, " (%s)", z);
	}
}

static void trip_row(lxw_worksheet *ws, lxw_row_t r, const json_t *t, const json_t *names,
		     const rr_date *today, const fmts *f, rr_buf *b)
{
	const char *org = rr_rec_str(t, "organisation");
	const json_t *c;
	int period = (int)rr_rec_count(json_object_get(names, org ? org : ""),
				       "report_period_days", RR_REPORT_PERIOD_DAYS);
	rr_report_status rs = rr_trip_report_status(t, period, today);
	size_t i;
	int took = rr_trip_took_place(t);

	str(ws, r, 0, rr_rec_str(t, "id"));
	str(ws, r, 1, name_of(names, org));
	str(ws, r, 2, rr_rec_str(t, "title"));
	label(ws, r, 3, rr_trip_kind_values, rr_rec_str(t, "kind"));
	label(ws, r, 4, rr_direction_values, rr_rec_str(t, "direction"));
	label(ws, r, 5, rr_trip_status_values, rr_rec_str(t, "status"));
	if (took) {
		date_field(ws, r, 6, t, "start", f);
		date_field(ws, r, 7, t, "end", f);
	}
	date_field(ws, r, 8, t, "planned_start", f);
	date_field(ws, r, 9, t, "planned_end", f);
	rr_buf_reset(b);
	json_array_foreach(json_object_get(t, "destinations"), i, c) {
		const char *cc = rr_rec_str(c, "country"), *city = rr_rec_str(c, "city");
		const char *nl = rr_country_name_nl(cc);
		if (i)
			rr_buf_addstr(b, "; ");
		if (city)
			rr_buf_printf(b, "%s, ", city);
		rr_buf_addstr(b, nl ? nl : cc ? cc : "");
	}
	str(ws, r, 10, rr_buf_cstr(b));
	join_list(b, json_object_get(t, "travellers"), "name", "role");
	str(ws, r, 11, rr_buf_cstr(b));
	if (json_object_get(t, "accompanying_officials"))
		worksheet_write_number(ws, r, 12, (double)rr_rec_count(t, "accompanying_officials", 0),
				       f->count);
	eur_cell(ws, r, 13, rr_trip_cost(t, "estimate"), f);
	eur_cell(ws, r, 14, rr_trip_cost(t, "actual"), f);
	rr_buf_reset(b);
	json_array_foreach(json_object_get(t, "costs"), i, c) {
		const char *by = rr_rec_str(c, "paid_by");
		if (!by || (org && !strcmp(by, org)) || strstr(rr_buf_cstr(b), name_of(names, by)))
			continue;
		if (b->len)
			rr_buf_addstr(b, "; ");
		rr_buf_addstr(b, name_of(names, by));
	}
	str(ws, r, 15, rr_buf_cstr(b));
	if (rs.state != RR_REPORT_NOT_DUE)
		date_cell(ws, r, 16, &rs.due, f);
	date_cell(ws, r, 17, &rs.filed, f);
	if (rs.state == RR_REPORT_LATE)
		worksheet_write_number(ws, r, 18, (double)rs.days_late, f->count);
	{ /* CO₂ (co2.h) with the body's own factors: empty when unknown */
		rr_co2 co2;
		rr_co2_setup st;
		rr_co2_setup_in(names, t, &st);
		if (rr_co2_trip(t, &st, &co2)) {
			if (co2.kg >= 0)
				worksheet_write_number(ws, r, 19, floor(co2.kg + 0.5), f->count);
			worksheet_write_number(ws, r, 20, floor(co2.kg_per_person + 0.5), f->count);
			worksheet_write_number(ws, r, 21, (double)co2.train_possible, f->count);
		}
	}
}

static void cost_rows(lxw_worksheet *ws, lxw_row_t *r, const json_t *t, const json_t *names,
		      const fmts *f)
{
	const json_t *c;
	size_t i;

	json_array_foreach(json_object_get(t, "costs"), i, c) {
		const json_t *amt = json_object_get(c, "amount_eur");
		const char *by = rr_rec_str(c, "paid_by");
		str(ws, *r, 0, rr_rec_str(t, "id"));
		str(ws, *r, 1, rr_rec_str(t, "title"));
		str(ws, *r, 2, rr_rec_str(c, "category"));
		label(ws, *r, 3, rr_cost_kind_values, rr_rec_str(c, "kind"));
		if (amt)
			eur_cell(ws, *r, 4, rr_amount_cents(amt), f);
		str(ws, *r, 5, by ? name_of(names, by) : NULL);
		str(ws, *r, 6, rr_rec_str(c, "note"));
		(*r)++;
	}
}

static rr_err write_book(const char *path, const json_t *trips, const json_t *names,
			 const rr_date *today)
{
	static const char *const th[] = {"Kenmerk", "Orgaan", "Reis", "Soort", "Richting",
		"Status", "Vertrek", "Terug", "Vertrek (aanvraag)", "Terug (aanvraag)",
		"Bestemmingen", "Reizigers", "Meereizende ambtenaren", "Kosten geraamd (\xe2\x82\xac)",
		"Kosten werkelijk (\xe2\x82\xac)", "Betaald door anderen", "Verslag uiterlijk",
		"Verslag ingediend", "Verslag te laat (dagen)", "CO\xe2\x82\x82 (kg, schatting)",
		"CO\xe2\x82\x82 per reiziger (kg)", "Vluchten waar de trein mogelijk was"};
	static const double tw[] = {28, 22, 50, 14, 18, 18, 14, 14, 16, 16, 30, 40, 12, 16, 16,
		30, 16, 16, 12, 14, 14, 14};
	static const char *const ch[] = {"Kenmerk reis", "Reis", "Post", "Soort",
		"Bedrag (\xe2\x82\xac)", "Betaald door", "Toelichting"};
	static const double cw[] = {28, 50, 45, 12, 14, 30, 30};
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws, *wc;
	const json_t *t;
	lxw_row_t r = 1, cr = 1;
	size_t i;
	fmts f;
	rr_buf b;

	if (!wb)
		return RR_EIO;
	f.head = workbook_add_format(wb);
	format_set_bold(f.head);
	f.day = workbook_add_format(wb);
	format_set_num_format(f.day, "d mmmm yyyy");
	f.month = workbook_add_format(wb);
	format_set_num_format(f.month, "mmmm yyyy");
	f.year = workbook_add_format(wb);
	format_set_num_format(f.year, "yyyy");
	f.eur = workbook_add_format(wb);
	format_set_num_format(f.eur, "#,##0.00");
	f.count = workbook_add_format(wb);
	format_set_num_format(f.count, "0");
	ws = workbook_add_worksheet(wb, "Reizen");
	wc = workbook_add_worksheet(wb, "Kostenposten");
	heads(ws, th, sizeof th / sizeof th[0], tw, &f);
	heads(wc, ch, sizeof ch / sizeof ch[0], cw, &f);
	rr_buf_init(&b, 1 << 20);
	json_array_foreach(trips, i, t) {
		trip_row(ws, r++, t, names, today, &f, &b);
		cost_rows(wc, &cr, t, names, &f);
	}
	rr_buf_free(&b);
	worksheet_autofilter(ws, 0, 0, r - 1, (lxw_col_t)(sizeof th / sizeof th[0] - 1));
	worksheet_autofilter(wc, 0, 0, cr - 1, (lxw_col_t)(sizeof ch / sizeof ch[0] - 1));
	return workbook_close(wb) == LXW_NO_ERROR ? RR_OK : RR_EIO;
}

rr_err rr_xlsx_trips(rr_buf *out, const json_t *trips, const json_t *orgs,
		     const rr_date *today)
{
	const char *dir = getenv("TMPDIR");
	char path[512];
	unsigned char chunk[65536];
	FILE *fp;
	size_t n;
	int fd;
	rr_err e;

	if (snprintf(path, sizeof path, "%s/reisregister-XXXXXX",
		     dir && *dir ? dir : "/tmp") >= (int)sizeof path)
		return RR_ETOOBIG;
	if ((fd = mkstemp(path)) < 0)
		return RR_EIO;
	close(fd);
	e = write_book(path, trips, orgs, today);
	if (!e && !(fp = fopen(path, "rb")))
		e = RR_EIO;
	if (!e) {
		while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
			if (rr_buf_add(out, chunk, n))
				break;
		if (ferror(fp))
			e = RR_EIO;
		fclose(fp);
		if (!e)
			e = rr_buf_err(out);
	}
	unlink(path);
	return e;
}
