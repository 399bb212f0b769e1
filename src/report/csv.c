#include "csv.h"
#include "../model/co2.h"

#include <stdio.h>
#include <string.h>

#include "../model/record.h"

void rr_csv_field(rr_buf *out, const char *s, int first)
{
	if (!first)
		rr_buf_addc(out, ',');
	if (!s)
		return;
	int formula = strchr("=+-@", s[0]) && s[0] && !(s[0] == '-' && s[1] >= '0' && s[1] <= '9');
	if (!formula && !strpbrk(s, ",\"\r\n")) {
		rr_buf_addstr(out, s);
		return;
	}
	rr_buf_addc(out, '"');
	if (formula)
		rr_buf_addc(out, '\'');
	for (; *s; s++) {
		if (*s == '"')
			rr_buf_addc(out, '"');
		rr_buf_addc(out, *s);
	}
	rr_buf_addc(out, '"');
}

static const char *const columns[] = {
	"id", "organisation", "title", "kind", "direction", "status", "public",
	"start", "end", "planned_start", "planned_end", "destinations", "travellers",
	"accompanying_officials", "planned_accompanying_officials",
	"costs_estimate_eur", "costs_actual_eur", "paid_by", "decision_date",
	"decision_outcome", "report_due", "report_submitted", "partnership",
	"counterpart", "themes", "purpose", "co2_kg", "co2_kg_per_traveller",
	"co2_flights_train_possible", NULL};

/* "a; b; c" from an array, each element through fmt_el */
static void joined(rr_buf *tmp, const json_t *arr, void (*fmt_el)(rr_buf *, const json_t *))
{
	size_t i;
	json_t *el;
	rr_buf_reset(tmp);
	json_array_foreach(arr, i, el) {
		if (i)
			rr_buf_addstr(tmp, "; ");
		fmt_el(tmp, el);
	}
}

static void fmt_dest(rr_buf *b, const json_t *el)
{
	const char *city = rr_rec_str(el, "city");
	rr_buf_addstr(b, rr_rec_str(el, "country"));
	if (city)
		rr_buf_printf(b, " %s", city);
}

static void fmt_traveller(rr_buf *b, const json_t *el)
{
	const char *role = rr_rec_str(el, "role");
	rr_buf_addstr(b, rr_rec_str(el, "name"));
	if (role)
		rr_buf_printf(b, " (%s)", role);
}

static void fmt_str(rr_buf *b, const json_t *el)
{
	rr_buf_addstr(b, json_string_value(el));
}

/* "a; b" of the distinct payers of a trip's costs */
static void payers_of(const json_t *trip, rr_buf *payers)
{
	json_t *c;
	size_t i;
	rr_buf_reset(payers);
	json_array_foreach(json_object_get(trip, "costs"), i, c) {
		const char *p = rr_rec_str(c, "paid_by");
		if (p && !strstr(rr_buf_cstr(payers), p)) {
			if (payers->len)
				rr_buf_addstr(payers, "; ");
			rr_buf_addstr(payers, p);
		}
	}
}

static const char *cents(char *out, size_t n, long long c, int has)
{
	if (!has || c == RR_CENTS_OVERFLOW) /* too large to add up: unknown */
		return NULL;
	snprintf(out, n, "%lld.%02lld", c / 100, c % 100);
	return out;
}

static const char *count_str(char *out, size_t n, const json_t *trip, const char *key)
{
	json_t *v = json_object_get(trip, key);
	if (!json_is_integer(v))
		return NULL;
	snprintf(out, n, "%lld", (long long)json_integer_value(v));
	return out;
}

rr_err rr_csv_trips(rr_buf *out, const json_t *trips, const json_t *orgs)
{
	rr_buf tmp, payers;
	json_t *t;
	size_t i;

	rr_buf_init(&tmp, 1 << 20);
	rr_buf_init(&payers, 1 << 16);
	for (int c = 0; columns[c]; c++)
		rr_csv_field(out, columns[c], c == 0);
	rr_buf_addstr(out, "\r\n");
	json_array_foreach(trips, i, t) {
		char n1[32], n2[32], e1[32], e2[32];
		long long est = rr_trip_cost(t, "estimate"), act = rr_trip_cost(t, "actual");
		json_t *dec = json_object_get(t, "decision"), *rep = json_object_get(t, "report");
		int col = 0;

		payers_of(t, &payers);
#define F(v) rr_csv_field(out, (v), col++ == 0)
		F(rr_rec_str(t, "id"));
		F(rr_rec_str(t, "organisation"));
		F(rr_rec_str(t, "title"));
		F(rr_rec_str(t, "kind"));
		F(rr_rec_str(t, "direction"));
		F(rr_rec_str(t, "status"));
		F(rr_rec_bool(t, "public") ? "true" : "false");
		F(rr_rec_str(t, "start"));
		F(rr_rec_str(t, "end"));
		F(rr_rec_str(t, "planned_start"));
		F(rr_rec_str(t, "planned_end"));
		joined(&tmp, json_object_get(t, "destinations"), fmt_dest);
		F(rr_buf_cstr(&tmp));
		joined(&tmp, json_object_get(t, "travellers"), fmt_traveller);
		F(rr_buf_cstr(&tmp));
		F(count_str(n1, sizeof n1, t, "accompanying_officials"));
		F(count_str(n2, sizeof n2, t, "planned_accompanying_officials"));
		F(cents(e1, sizeof e1, est, est >= 0));
		F(cents(e2, sizeof e2, act, act >= 0));
		F(rr_buf_cstr(&payers));
		F(dec ? rr_rec_str(dec, "date") : NULL);
		F(dec ? rr_rec_str(dec, "outcome") : NULL);
		F(rep ? rr_rec_str(rep, "due") : NULL);
		F(rep ? rr_rec_str(rep, "submitted") : NULL);
		F(rr_rec_str(t, "partnership"));
		F(rr_rec_str(t, "counterpart"));
		joined(&tmp, json_object_get(t, "themes"), fmt_str);
		F(rr_buf_cstr(&tmp));
		F(rr_rec_str(t, "purpose"));
		{ /* CO₂ (co2.h): empty when unknown, never zero for unknown */
			rr_co2 c;
			rr_co2_setup st;
			char k1[32], k2[32], k3[32];
			bool has;
			rr_co2_setup_in(orgs, t, &st);
			has = rr_co2_trip(t, &st, &c);
			snprintf(k1, sizeof k1, "%.0f", c.kg);
			snprintf(k2, sizeof k2, "%.0f", c.kg_per_person);
			snprintf(k3, sizeof k3, "%d", c.train_possible);
			F(has && c.kg >= 0 ? k1 : NULL);
			F(has ? k2 : NULL);
			F(has ? k3 : NULL);
		}
#undef F
		rr_buf_addstr(out, "\r\n");
	}
	rr_buf_free(&tmp);
	rr_buf_free(&payers);
	return rr_buf_err(out);
}

rr_err rr_csv_gifts(rr_buf *out, const json_t *gifts, long long threshold_cents)
{
	static const char *const cols[] = {"id", "organisation", "date", "giver", "recipient",
		"description", "value_eur", "above_threshold", "disposition", "disposition_note",
		"trip", NULL};
	json_t *g;
	size_t i;

	for (int c = 0; cols[c]; c++)
		rr_csv_field(out, cols[c], c == 0);
	rr_buf_addstr(out, "\r\n");
	json_array_foreach(gifts, i, g) {
		json_t *v = json_object_get(g, "value_eur");
		long long c = rr_amount_cents(v);
		char val[32] = "";
		int col = 0;
		if (v)
			snprintf(val, sizeof val, "%lld.%02lld", c / 100, c % 100);
#define F(x) rr_csv_field(out, (x), col++ == 0)
		F(rr_rec_str(g, "id"));
		F(rr_rec_str(g, "organisation"));
		F(rr_rec_str(g, "date"));
		F(rr_rec_str(g, "giver"));
		F(rr_rec_str(g, "recipient"));
		F(rr_rec_str(g, "description"));
		F(val);
		F(v ? (c > threshold_cents ? "true" : "false") : NULL);
		F(rr_rec_str(g, "disposition"));
		F(rr_rec_str(g, "disposition_note"));
		F(rr_rec_str(g, "trip"));
#undef F
		rr_buf_addstr(out, "\r\n");
	}
	return rr_buf_err(out);
}
