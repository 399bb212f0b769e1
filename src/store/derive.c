/* derive.c - a record's columns, child rows and search text (derive.h). */
#include "derive.h"

#include <string.h>

#include "../model/record.h"

const char *rr_derive_table(rr_kind k)
{
	static const char *const t[RR_K_COUNT] = {
		[RR_K_ORGANISATION] = "organisation", [RR_K_PERSON] = "person",
		[RR_K_PARTNERSHIP] = "partnership", [RR_K_DOCUMENT] = "document",
		[RR_K_TRIP] = "trip", [RR_K_RESULT] = "result", [RR_K_GIFT] = "gift",
	};
	return k < RR_K_COUNT ? t[k] : NULL;
}

typedef struct cols {
	rr_col *v;
	size_t n;
} cols;

static void str(cols *c, const char *name, const char *s)
{
	if (c->n < RR_DERIVE_MAX_COLS)
		c->v[c->n++] = (rr_col){name, 0, s == NULL, 0, s};
}

static void num(cols *c, const char *name, int null, long long i)
{
	if (c->n < RR_DERIVE_MAX_COLS)
		c->v[c->n++] = (rr_col){name, 1, null, i, NULL};
}

static void year(cols *c, const json_t *r, const char *key)
{
	rr_date d = rr_rec_date(r, key);
	num(c, "year", !d.prec, d.prec ? d.y : 0);
}

static void cents(cols *c, const char *name, const json_t *v)
{
	num(c, name, v == NULL, v ? rr_amount_cents(v) : 0);
}

size_t rr_derive_columns(rr_kind k, const json_t *r, rr_col out[RR_DERIVE_MAX_COLS])
{
	cols c = {out, 0};
	const json_t *partner = json_object_get(r, "partner");

	switch (k) {
	case RR_K_ORGANISATION:
		str(&c, "name", rr_rec_str(r, "name"));
		str(&c, "kind", rr_rec_str(r, "kind"));
		str(&c, "country", rr_rec_str(r, "country"));
		break;
	case RR_K_PERSON:
		str(&c, "name", rr_rec_str(r, "name"));
		str(&c, "organisation", rr_rec_str(r, "organisation"));
		break;
	case RR_K_PARTNERSHIP:
		str(&c, "organisation", rr_rec_str(r, "organisation"));
		str(&c, "type", rr_rec_str(r, "type"));
		str(&c, "partner_name", rr_rec_str(partner, "name"));
		str(&c, "partner_country", rr_rec_str(partner, "country"));
		str(&c, "since", rr_rec_str(r, "since"));
		num(&c, "public", 0, rr_rec_bool(r, "public"));
		year(&c, r, "since");
		break;
	case RR_K_DOCUMENT:
		str(&c, "organisation", rr_rec_str(r, "organisation"));
		str(&c, "title", rr_rec_str(r, "title"));
		str(&c, "kind", rr_rec_str(r, "kind"));
		str(&c, "sha256", rr_rec_str(r, "sha256"));
		num(&c, "public", 0, rr_rec_bool(r, "public"));
		year(&c, r, "date");
		break;
	case RR_K_TRIP:
		str(&c, "organisation", rr_rec_str(r, "organisation"));
		str(&c, "title", rr_rec_str(r, "title"));
		str(&c, "kind", rr_rec_str(r, "kind"));
		str(&c, "direction", rr_rec_str(r, "direction"));
		str(&c, "status", rr_rec_str(r, "status"));
		num(&c, "public", 0, rr_rec_bool(r, "public"));
		str(&c, "start_date", rr_rec_str(r, "start"));
		str(&c, "end_date", rr_rec_str(r, "end"));
		year(&c, r, "start");
		str(&c, "partnership", rr_rec_str(r, "partnership"));
		num(&c, "third_party_paid", 0, rr_trip_paid_by_other(r));
		break;
	case RR_K_RESULT:
		str(&c, "organisation", rr_rec_str(r, "organisation"));
		str(&c, "type", rr_rec_str(r, "type"));
		str(&c, "theme", rr_rec_str(r, "theme"));
		cents(&c, "amount_cents", json_object_get(r, "amount_eur"));
		num(&c, "jobs", !json_object_get(r, "jobs"), rr_rec_count(r, "jobs", 0));
		str(&c, "date", rr_rec_str(r, "date"));
		year(&c, r, "date");
		str(&c, "trip", rr_rec_str(r, "trip"));
		str(&c, "partnership", rr_rec_str(r, "partnership"));
		num(&c, "public", 0, rr_rec_bool(r, "public"));
		break;
	case RR_K_GIFT:
		str(&c, "organisation", rr_rec_str(r, "organisation"));
		str(&c, "date", rr_rec_str(r, "date"));
		year(&c, r, "date");
		cents(&c, "value_cents", json_object_get(r, "value_eur"));
		str(&c, "trip", rr_rec_str(r, "trip"));
		num(&c, "public", 0, rr_rec_bool(r, "public"));
		break;
	default:
		break;
	}
	return c.n;
}

const rr_child_table rr_trip_children[] = {
	{"trip_destination", "destinations", 1, {"country", "city"}, {"country", "city"}, {0}},
	{"trip_traveller", "travellers", 1, {"name", "role", "person"},
	 {"name", "role", "person"}, {0}},
	{"trip_cost", "costs", 1, {"category", "amount_cents", "kind", "paid_by"},
	 {"category", "amount_eur", "kind", "paid_by"}, {0, 1, 0, 0}},
	{"trip_theme", "themes", 0, {"theme"}, {NULL}, {0}},
};
const size_t rr_trip_children_count = sizeof rr_trip_children / sizeof rr_trip_children[0];

size_t rr_derive_child(const rr_child_table *c, const json_t *el, rr_col out[4])
{
	size_t n = 0;
	for (; n < 4 && c->cols[n]; n++) {
		const char *f = c->fields[n];
		if (c->cents[n]) {
			const json_t *v = json_object_get(el, f);
			out[n] = (rr_col){c->cols[n], 1, v == NULL, v ? rr_amount_cents(v) : 0, NULL};
		} else {
			const char *s = f ? rr_rec_str(el, f) : json_string_value(el);
			out[n] = (rr_col){c->cols[n], 0, s == NULL, 0, s};
		}
	}
	return n;
}

/* Appends s as one line of b (lines joined by newlines), when s is a text. */
static void line(rr_buf *b, const char *s)
{
	if (!s)
		return;
	if (b->len)
		rr_buf_addc(b, '\n');
	rr_buf_addstr(b, s);
}

void rr_derive_search_text(const json_t *t, rr_buf out[4])
{
	const json_t *el, *c;
	size_t i, j;

	line(&out[0], rr_rec_str(t, "title"));
	/* purpose: in the order of sqlite_fts_sql.h's FTS_PURPOSE */
	line(&out[1], rr_rec_str(t, "purpose"));
	line(&out[1], rr_rec_str(t, "motivation"));
	line(&out[1], rr_rec_str(t, "counterpart"));
	json_array_foreach(json_object_get(t, "external_parties"), i, el)
		line(&out[1], json_string_value(el));
	json_array_foreach(json_object_get(t, "programme"), i, el)
		line(&out[1], rr_rec_str(el, "activity"));
	json_array_foreach(json_object_get(t, "programme"), i, el)
		json_array_foreach(json_object_get(el, "counterparts"), j, c)
			line(&out[1], json_string_value(c));
	json_array_foreach(json_object_get(t, "destinations"), i, el) {
		const char *city = rr_rec_str(el, "city"), *region = rr_rec_str(el, "region");
		if (city && region) {
			if (out[1].len)
				rr_buf_addc(&out[1], '\n');
			rr_buf_printf(&out[1], "%s %s", city, region);
		} else {
			line(&out[1], city && *city ? city : region && *region ? region : NULL);
		}
	}
	json_array_foreach(json_object_get(t, "travellers"), i, el) {
		const char *name = rr_rec_str(el, "name"), *role = rr_rec_str(el, "role");
		if (!name)
			continue;
		if (out[1].len)
			rr_buf_addc(&out[1], '\n');
		if (role)
			rr_buf_printf(&out[1], "%s (%s)", name, role);
		else
			rr_buf_addstr(&out[1], name);
	}
	line(&out[2], rr_rec_str(json_object_get(t, "report"), "text"));
	line(&out[2], rr_rec_str(json_object_get(t, "cancellation"), "reason"));
	json_array_foreach(json_object_get(t, "sources"), i, el)
		line(&out[3], rr_rec_str(el, "title"));
}
