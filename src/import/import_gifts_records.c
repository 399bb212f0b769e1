/* import_gifts_records.c - the gifts a document told (import_gifts.c) as
 * gift records: their date (the text's, else the trip's they were given
 * during), the trip, an id from the date and the description; a record the
 * register or an earlier file holds keeps what it has. */
#include "import_gifts_int.h"

#include <stdio.h>
#include <string.h>

#include "../model/record.h"
#include "../store/store.h"

static rr_date iso_date(const json_t *rec, const char *key)
{
	rr_date d = {0, 0, 0, RR_PREC_NONE};
	const char *s = json_string_value(json_object_get(rec, key));
	if (s && rr_date_parse_iso(s, &d, NULL))
		d.prec = RR_PREC_NONE;
	return d;
}

/* The days of a trip, actual else planned, as one date. */
static rr_date trip_date(const json_t *trip)
{
	rr_date s = iso_date(trip, "start"), e = iso_date(trip, "end");
	if (!s.prec) {
		s = iso_date(trip, "planned_start");
		e = iso_date(trip, "planned_end");
	}
	if (!s.prec)
		return s;
	return gx_narrow(&s, &e);
}

static bool trip_names(const json_t *trip, const imp_place *p)
{
	json_t *d;
	size_t i;
	json_array_foreach(json_object_get(trip, "destinations"), i, d) {
		const char *c = rr_rec_str(d, "country"), *city = rr_rec_str(d, "city");
		if (!c || strcmp(c, p->country))
			continue;
		if (!p->city[0] || !city || !strcmp(city, p->city))
			return true;
	}
	const json_t *o = json_object_get(trip, "origin");
	return o && rr_rec_str(o, "country") && !strcmp(rr_rec_str(o, "country"), p->country);
}

/* The trip of a the gift was given during: the one whose text holds it, the
 * one to the place it names, or the only one when it says "tijdens de reis". */
static const json_t *trip_of(const imp_analysis *a, const imp_gift *x, const char *org)
{
	const json_t *only = NULL, *named = NULL;
	size_t trips = 0, nnamed = 0;
	for (size_t i = 0; i < a->n; i++) {
		const imp_item *it = &a->items[i];
		const json_t *trip = it->trip;
		if (!json_string_value(json_object_get(trip, "id")) || (it->org[0] && strcmp(it->org, org)))
			continue;
		rr_date td = trip_date(trip);
		if (x->date.prec && td.prec &&
		    (rr_date_last(&x->date) < rr_date_first(&td) ||
		     rr_date_last(&td) < rr_date_first(&x->date)))
			continue;
		if (it->src_end > it->src_off && x->off >= it->src_off && x->end <= it->src_end)
			return trip;
		trips++;
		only = trip;
		for (size_t k = 0; k < x->nplaces; k++)
			if (trip_names(trip, &x->places[k])) {
				if (named != trip)
					nnamed++;
				named = trip;
				break;
			}
	}
	if (nnamed == 1)
		return named;
	if (x->during_trip && trips == 1 && !x->nplaces)
		return only;
	return NULL;
}

void imp_gifts_records(const imp_analysis *a, const char *org, bool pub, struct rr_store *s,
		       json_t *out, const char *name, rr_diag *notes)
{
	json_t *mine = json_object();

	(void)name; /* every gift found whole is a record: no note to make */
	(void)notes;

	for (size_t i = 0; i < a->ngifts; i++) {
		const imp_gift *x = &a->gifts[i];
		const json_t *trip = trip_of(a, x, org);
		rr_date d = x->date;
		char iso[RR_DATE_ISO_MAX], id[200], base[180];
		json_t *rec, *old = NULL;
		rr_buf b;

		if (!d.prec && trip)
			d = trip_date(trip);
		/* a date the text does not state stays empty */
		iso[0] = '\0';
		if (d.prec)
			rr_date_iso(&d, iso);
		rr_buf_init(&b, 200);
		rr_buf_printf(&b, "%s-geschenk-%s-", org, iso[0] ? iso : "zonder-datum");
		imp_slug(&b, x->description, 0, strlen(x->description), 40);
		snprintf(base, sizeof base, "%s", rr_buf_cstr(&b));
		rr_buf_free(&b);
		snprintf(id, sizeof id, "%s", base);
		for (int n = 2; json_object_get(mine, id) && n < 1000; n++)
			snprintf(id, sizeof id, "%s-%d", base, n);
		json_object_set_new(mine, id, json_true());
		rec = json_object();
		json_object_set_new(rec, "id", json_string(id));
		json_object_set_new(rec, "organisation", json_string(org));
		if (x->giver[0])
			json_object_set_new(rec, "giver", json_string(x->giver));
		if (x->recipient[0])
			json_object_set_new(rec, "recipient", json_string(x->recipient));
		if (iso[0])
			json_object_set_new(rec, "date", json_string(iso));
		json_object_set_new(rec, "description", json_string(x->description));
		if (x->has_value)
			json_object_set_new(rec, "value_eur", json_real((double)x->cents / 100.0));
		if (x->disposition)
			json_object_set_new(rec, "disposition", json_string(x->disposition));
		if (x->note[0])
			json_object_set_new(rec, "disposition_note", json_string(x->note));
		if (trip)
			json_object_set(rec, "trip", json_object_get(trip, "id"));
		json_object_set_new(rec, "public", json_boolean(pub));
		/* the register's (or an earlier file's) record keeps what it has */
		old = json_incref(json_object_get(out, id));
		if (!old && s && rr_store_get(s, RR_K_GIFT, id, &rr_viewer_system, &old))
			old = NULL;
		if (old) {
			json_t *merged = json_deep_copy(old);
			json_object_update_missing(merged, rec);
			json_decref(rec);
			rec = merged;
		}
		json_decref(old);
		json_object_set_new(out, id, rec);
	}
	json_decref(mine);
}

