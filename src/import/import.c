/* import.c - from analysed documents (import_genre.c) to records: ids,
 * matching the same journey across documents and against the register,
 * merging, sources with spans. See import.h. */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "../model/bodyrec.h"
#include "../model/doc.h"
#include "../model/record.h"
#include "import_int.h"

struct rr_import {
	rr_store *s;
	char org[101];
	imp_body body;
	rr_date given;        /* --date */
	rr_buf *explain;      /* --explain: what each file's reading found */
	bool pub;
	json_t *trips;        /* id -> trip: the register's and ours */
	json_t *touched;      /* id -> true: trips created or changed */
	json_t *partnerships; /* id -> record, created or changed */
	json_t *results;
	json_t *gifts;        /* id -> gift record (import_gifts.c) */
	json_t *documents;
	json_t *merged;       /* trip ids an item of the current file merged into */
	rr_diag notes;
};

rr_err rr_import_new(rr_store *s, const char *organisation, bool public_records,
		     rr_import **out, rr_diag *d)
{
	rr_import *im;
	json_t *arr = NULL, *r;
	size_t i;
	bool yes = false;
	rr_err e;

	*out = NULL;
	if (!organisation || strlen(organisation) > 100 || !*organisation) {
		rr_diag_add(d, "an organisation code is required (--organisation CODE)");
		return RR_EUSAGE;
	}
	if (s) {
		if ((e = rr_store_exists(s, RR_K_ORGANISATION, organisation, &yes)))
			return e;
		if (!yes) {
			rr_diag_add(d, "organisation '%s' is not in the register: load "
				    "examples/organisations.json or create it first", organisation);
			return RR_EINVAL;
		}
	}
	if (!(im = calloc(1, sizeof *im)))
		return RR_ENOMEM;
	im->s = s;
	snprintf(im->org, sizeof im->org, "%s", organisation);
	snprintf(im->body.code, sizeof im->body.code, "%s", organisation);
	{
		/* the register's record, else the built-in body's */
		json_t *o = NULL;
		if ((s && !rr_store_get(s, RR_K_ORGANISATION, organisation, &rr_viewer_system, &o)) ||
		    (o = rr_body_record_of(organisation))) {
			imp_body_from_record(&im->body, o);
			json_decref(o);
		}
	}
	im->pub = public_records;
	im->trips = json_object();
	im->touched = json_object();
	im->partnerships = json_object();
	im->results = json_object();
	im->gifts = json_object();
	im->documents = json_object();
	im->merged = json_object();
	if (s) {
		if ((e = rr_store_list(s, RR_K_TRIP, organisation, 0, &rr_viewer_system, &arr))) {
			rr_diag_add(d, "reading the register failed: %s", rr_store_errmsg(s));
			rr_import_free(im);
			return e;
		}
		json_array_foreach(arr, i, r)
			json_object_set(im->trips, rr_rec_str(r, "id"), r);
		json_decref(arr);
	}
	*out = im;
	return RR_OK;
}

void rr_import_free(rr_import *im)
{
	if (!im)
		return;
	json_decref(im->trips);
	json_decref(im->touched);
	json_decref(im->partnerships);
	json_decref(im->results);
	json_decref(im->gifts);
	json_decref(im->documents);
	json_decref(im->merged);
	rr_diag_free(&im->notes);
	free(im);
}

rr_err rr_import_set_date(rr_import *im, const char *iso, rr_diag *d)
{
	const char *why = NULL;
	rr_date dt;

	if (!iso || rr_date_parse_iso(iso, &dt, &why)) {
		rr_diag_add(d, "--date: '%s' is geen datum (JJJJ, JJJJ-MM of JJJJ-MM-DD)%s%s",
			    iso ? iso : "", why ? ": " : "", why ? why : "");
		return RR_EINVAL;
	}
	im->given = dt;
	return RR_OK;
}

void rr_import_set_explain(rr_import *im, rr_buf *out)
{
	im->explain = out;
}

const rr_diag *rr_import_notes(const rr_import *im)
{
	return &im->notes;
}

/* ---- helpers ---- */

static rr_date date_at(const json_t *rec, const char *key)
{
	rr_date d = {0, 0, 0, RR_PREC_NONE};
	const char *s = json_string_value(json_object_get(rec, key));
	if (s && rr_date_parse_iso(s, &d, NULL))
		d.prec = RR_PREC_NONE;
	return d;
}

/* The days a trip covers, actual else planned. */
static bool span_of(const json_t *trip, long *a, long *b)
{
	rr_date s = date_at(trip, "start"), e = date_at(trip, "end");
	if (!s.prec) {
		s = date_at(trip, "planned_start");
		e = date_at(trip, "planned_end");
	}
	if (!s.prec)
		return false;
	*a = rr_date_first(&s);
	*b = e.prec ? rr_date_last(&e) : rr_date_last(&s);
	return true;
}

static bool same_dest(const json_t *x, const json_t *y)
{
	const char *xc = rr_rec_str(x, "country"), *yc = rr_rec_str(y, "country");
	const char *xn = rr_rec_str(x, "city"), *yn = rr_rec_str(y, "city");
	const char *xr = rr_rec_str(x, "region"), *yr = rr_rec_str(y, "region");
	if (!xc || !yc || strcmp(xc, yc))
		return false;
	if ((!xn && !xr) || (!yn && !yr))
		return true;
	return (xn && yn && !strcmp(xn, yn)) || (xr && yr && !strcmp(xr, yr));
}

static bool dest_overlap(const json_t *a, const json_t *b)
{
	json_t *da = json_object_get(a, "destinations"), *db = json_object_get(b, "destinations");
	json_t *x, *y;
	size_t i, k;
	if (!json_array_size(da) || !json_array_size(db))
		return true;
	json_array_foreach(da, i, x)
		json_array_foreach(db, k, y)
			if (same_dest(x, y))
				return true;
	return false;
}

static bool has_other_source(const json_t *trip, const char *docid)
{
	json_t *src;
	size_t i;
	json_array_foreach(json_object_get(trip, "sources"), i, src) {
		const char *d = rr_rec_str(src, "document");
		if (d && strcmp(d, docid))
			return true;
	}
	return false;
}

static bool has_source(const json_t *rec, const char *docid)
{
	json_t *src;
	size_t i;
	json_array_foreach(json_object_get(rec, "sources"), i, src) {
		const char *d = rr_rec_str(src, "document");
		if (d && !strcmp(d, docid))
			return true;
	}
	return false;
}

/* Adds or replaces the source of docid; sources sorted by document. */
static void merge_sources(json_t *dst, const json_t *src_arr)
{
	json_t *arr = json_object_get(dst, "sources"), *s, *q;
	size_t i, k;
	if (!arr) {
		arr = json_array();
		json_object_set_new(dst, "sources", arr);
	}
	json_array_foreach(src_arr, i, s) {
		bool done = false;
		json_array_foreach(arr, k, q)
			if (!strcmp(rr_rec_str(q, "document"), rr_rec_str(s, "document"))) {
				json_array_set(arr, k, s);
				done = true;
				break;
			}
		if (!done) {
			size_t at = json_array_size(arr);
			json_array_foreach(arr, k, q)
				if (strcmp(rr_rec_str(q, "document"), rr_rec_str(s, "document")) > 0) {
					at = k;
					break;
				}
			json_array_insert(arr, at, s);
		}
	}
}

static int status_rank(const char *s)
{
	static const char *const order[] = {"draft", "requested", "coordinated", "rejected",
		"approved", "cancelled", "completed", "reported", NULL};
	for (int i = 0; s && order[i]; i++)
		if (!strcmp(order[i], s))
			return i;
	return -1;
}

static void merge_dates(json_t *dst, const json_t *src, const char *sk, const char *ek)
{
	rr_date ds = date_at(dst, sk), ss = date_at(src, sk);
	if (ss.prec > ds.prec) {
		json_object_set(dst, sk, json_object_get(src, sk));
		if (json_object_get(src, ek))
			json_object_set(dst, ek, json_object_get(src, ek));
		else
			json_object_del(dst, ek);
	}
}

static void merge_trip(json_t *dst, const json_t *src)
{
	const char *key;
	json_t *v;

	merge_dates(dst, src, "start", "end");
	merge_dates(dst, src, "planned_start", "planned_end");
	if (status_rank(rr_rec_str(src, "status")) > status_rank(rr_rec_str(dst, "status")))
		json_object_set(dst, "status", json_object_get(src, "status"));
	json_object_foreach((json_t *)src, key, v) {
		if (!strcmp(key, "sources")) {
			merge_sources(dst, v);
		} else if (!strcmp(key, "destinations")) {
			json_t *dd = json_object_get(dst, "destinations"), *x;
			size_t i;
			if (!dd) {
				json_object_set(dst, key, v);
				continue;
			}
			json_array_foreach(v, i, x) {
				json_t *y;
				size_t k;
				bool seen = false;
				json_array_foreach(dd, k, y)
					if (same_dest(x, y))
						seen = true;
				if (!seen && json_array_size(dd) < 20)
					json_array_append(dd, x);
			}
		} else if (!json_object_get(dst, key) ||
			   (!strcmp(key, "kind") && !strcmp(rr_rec_str(dst, "kind"), "bezoek"))) {
			/* a named kind (dienstreis, handelsmissie) says more than a visit */
			json_object_set(dst, key, v);
		}
	}
}

static json_t *find_match(rr_import *im, const json_t *trip, const char *docid, const char *org)
{
	const char *key, *dir = rr_rec_str(trip, "direction");
	json_t *c;
	long a, b, ca, cb;

	if (!span_of(trip, &a, &b) || !strcmp(dir, "in"))
		return NULL;
	json_object_foreach(im->trips, key, c) {
		if (strcmp(rr_rec_str(c, "organisation"), org) ||
		    strcmp(rr_rec_str(c, "direction"), dir) || json_object_get(im->merged, key) ||
		    !has_other_source(c, docid) || !span_of(c, &ca, &cb))
			continue;
		if (ca <= b && a <= cb && dest_overlap(c, trip))
			return c;
	}
	return NULL;
}

static void trip_id(rr_buf *b, const char *org, const json_t *trip, const imp_item *it)
{
	/* the month the trip ends: "November 2017" and "28 October - 4 November
	 * 2017" give the same id */
	rr_date d = date_at(trip, "end");
	json_t *d0 = json_array_get(json_object_get(trip, "destinations"), 0);
	const char *place = NULL;
	char iso[RR_DATE_ISO_MAX];

	if (!d.prec)
		d = date_at(trip, "start");
	if (!d.prec)
		d = date_at(trip, "planned_end");
	if (!d.prec)
		d = date_at(trip, "planned_start");
	rr_buf_printf(b, "%s-", org);
	if (!strcmp(rr_rec_str(trip, "direction"), "in"))
		rr_buf_addstr(b, "in-");
	if (d.prec) {
		if (d.prec == RR_PREC_DAY)
			d.prec = RR_PREC_MONTH;
		rr_date_iso(&d, iso);
		rr_buf_addstr(b, iso);
	} else {
		rr_buf_addstr(b, "undated");
	}
	if (it->slug[0]) {
		rr_buf_printf(b, "-%s", it->slug);
		return;
	}
	if (d0)
		place = rr_rec_str(d0, "city") ? rr_rec_str(d0, "city")
		      : rr_rec_str(d0, "region") ? rr_rec_str(d0, "region") : rr_rec_str(d0, "country");
	if (place) {
		rr_buf_addc(b, '-');
		imp_slug(b, place, 0, strlen(place), 30);
	}
}

static const char *status_of(const imp_item *it, const json_t *trip, imp_genre g)
{
	json_t *dec = json_object_get(trip, "decision");
	const char *o = dec ? rr_rec_str(dec, "outcome") : NULL;
	if (json_object_get(trip, "cancellation"))
		return "cancelled";
	if (json_object_get(trip, "report") && rr_rec_str(json_object_get(trip, "report"), "text") &&
	    (json_object_get(trip, "start") || json_object_get(trip, "planned_start")))
		return "reported";
	if (json_object_get(trip, "start") && (it->report || !it->request || g != IMP_G_FORM))
		return "completed";
	if (o && !strcmp(o, "approved"))
		return "approved";
	if (o && !strcmp(o, "rejected"))
		return "rejected";
	if (json_object_get(trip, "coordination"))
		return "coordinated";
	/* a trip told in running text, with no sign that it was still to
	 * come, is one that took place: documents mostly account afterwards */
	if (it->prose)
		return "completed";
	return "requested";
}

static json_t *partnership_record(rr_import *im, const imp_partnership *p, const char *t,
				  const char *docid, char *id, size_t idcap)
{
	json_t *rec, *partner, *events = json_array(), *docs = json_array(), *old = NULL;
	const char *pname = p->partner.region[0] ? p->partner.region : p->partner.city;
	rr_date since = p->since;
	char iso[RR_DATE_ISO_MAX];
	rr_buf b;

	rr_buf_init(&b, 200);
	rr_buf_printf(&b, "%s-", im->org);
	imp_slug(&b, pname, 0, strlen(pname), 40);
	snprintf(id, idcap, "%s", rr_buf_cstr(&b));
	rr_buf_free(&b);
	for (size_t i = 0; i < p->nev; i++) {
		json_t *ev = json_object();
		char desc[400];
		rr_date_iso(&p->ev[i].date, iso);
		json_object_set_new(ev, "date", json_string(iso));
		json_object_set_new(ev, "kind", json_string(p->ev[i].kind));
		if (p->ev[i].type)
			json_object_set_new(ev, "type", json_string(p->ev[i].type));
		imp_copy(desc, sizeof desc, t, p->ev[i].off, p->ev[i].off + p->ev[i].len);
		json_object_set_new(ev, "description", json_string(desc));
		json_object_set_new(ev, "document", json_string(docid));
		json_array_append_new(events, ev);
		if (!strcmp(p->ev[i].kind, "signed") &&
		    (!since.prec || rr_date_first(&p->ev[i].date) < rr_date_first(&since)))
			since = p->ev[i].date;
	}
	json_array_append_new(docs, json_string(docid));
	rec = json_object();
	json_object_set_new(rec, "id", json_string(id));
	json_object_set_new(rec, "organisation", json_string(im->org));
	partner = json_object();
	json_object_set_new(partner, "name", json_string(pname));
	json_object_set_new(partner, "country", json_string(p->partner.country));
	json_object_set_new(rec, "partner", partner);
	if (p->type) /* unknown when the text names the relation only loosely */
		json_object_set_new(rec, "type", json_string(p->type));
	if (since.prec) {
		rr_date_iso(&since, iso);
		json_object_set_new(rec, "since", json_string(iso));
	}
	json_object_set_new(rec, "events", events);
	json_object_set_new(rec, "documents", docs);
	json_object_set_new(rec, "public", json_boolean(im->pub));
	/* merge with what the register or this import already has */
	old = json_incref(json_object_get(im->partnerships, id));
	if (!old && im->s && rr_store_get(im->s, RR_K_PARTNERSHIP, id, &rr_viewer_system, &old))
		old = NULL;
	if (old) {
		json_t *oe = json_object_get(old, "events"), *ev, *x;
		size_t i, k;
		if (!oe) {
			oe = json_array();
			json_object_set_new(old, "events", oe);
		}
		json_array_foreach(events, i, ev) {
			bool seen = false;
			json_array_foreach(oe, k, x)
				if (!strcmp(rr_rec_str(x, "kind"), rr_rec_str(ev, "kind")) &&
				    !strncmp(rr_rec_str(x, "date"), rr_rec_str(ev, "date"), 4))
					seen = true;
			if (!seen)
				json_array_append(oe, ev);
		}
		rr_date os = date_at(old, "since");
		if (since.prec && (!os.prec || rr_date_first(&since) < rr_date_first(&os)))
			json_object_set(old, "since", json_object_get(rec, "since"));
		json_t *od = json_object_get(old, "documents");
		if (!od) {
			od = json_array();
			json_object_set_new(old, "documents", od);
		}
		bool have = false;
		json_array_foreach(od, i, x)
			if (!strcmp(json_string_value(x), docid))
				have = true;
		if (!have)
			json_array_append_new(od, json_string(docid));
		json_decref(rec);
		rec = old;
	}
	json_object_set_new(im->partnerships, id, rec);
	return rec; /* borrowed from im->partnerships */
}

/* Records for the results of arr, owned by a trip (tripid) and/or the
 * partnership pid; a result from another document with the same id gains
 * this document as a source. */
static void add_results_of(rr_import *im, const json_t *arr, const char *tripid,
			   const char *pid, const char *docid)
{
	json_t *r;
	size_t i;
	char id[200];

	json_array_foreach(arr, i, r) {
		json_t *q, *rec, *src, *spans, *sp, *old = NULL;
		if (imp_result_repeated(arr, i))
			continue;
		imp_result_id(id, sizeof id, arr, i, tripid ? tripid : pid);
		rec = json_deep_copy(r);
		json_object_del(rec, "_start");
		json_object_del(rec, "_end");
		json_object_del(rec, "_key");
		json_object_set_new(rec, "id", json_string(id));
		json_object_set_new(rec, "organisation", json_string(im->org));
		if (tripid)
			json_object_set_new(rec, "trip", json_string(tripid));
		if (pid && *pid)
			json_object_set_new(rec, "partnership", json_string(pid));
		/* a result the text does not date stays undated (the trip has its dates) */
		json_object_set_new(rec, "public", json_boolean(im->pub));
		src = json_object();
		json_object_set_new(src, "document", json_string(docid));
		spans = json_array();
		sp = json_object();
		json_object_set_new(sp, "field", json_string("description"));
		json_object_set(sp, "start", json_object_get(r, "_start"));
		json_object_set(sp, "end", json_object_get(r, "_end"));
		json_array_append_new(spans, sp);
		json_object_set_new(src, "spans", spans);
		q = json_array();
		json_array_append_new(q, src);
		old = json_incref(json_object_get(im->results, id));
		if (!old && im->s && rr_store_get(im->s, RR_K_RESULT, id, &rr_viewer_system, &old))
			old = NULL;
		if (old && (!has_source(old, docid) || has_other_source(old, docid))) {
			/* quoted by another document too: the first words stay, the
			 * more precise date wins, whatever the order of import */
			rr_date od = date_at(old, "date"), nd = date_at(rec, "date");
			if (nd.prec > od.prec)
				json_object_set(old, "date", json_object_get(rec, "date"));
			json_object_update_missing(old, rec);
			merge_sources(old, q);
			json_decref(rec);
			rec = old;
		} else {
			json_decref(old);
			json_object_set(rec, "sources", q);
		}
		json_decref(q);
		json_object_set(im->results, id, rec);
		json_decref(rec);
	}
}

static void add_results(rr_import *im, const imp_item *it, const char *tripid, const char *pid,
			const char *docid)
{
	add_results_of(im, it->results, tripid, pid, docid);
}

static const char *doc_kind(const imp_analysis *a)
{
	switch (a->genre) {
	case IMP_G_REGISTER: return "register";
	case IMP_G_LETTER: return "letter";
	case IMP_G_EVALUATION: return "evaluation";
	default: return a->n && a->items[0].request && !a->items[0].report ? "request" : "report";
	}
}

static bool near_partner(const json_t *trip, const imp_partnership *p)
{
	json_t *d;
	size_t i;
	json_array_foreach(json_object_get(trip, "destinations"), i, d) {
		const char *c = rr_rec_str(d, "city"), *r = rr_rec_str(d, "region");
		if ((c && !strcmp(c, p->partner.city)) || (r && !strcmp(r, p->partner.region)))
			return true;
	}
	return false;
}

rr_err rr_import_add(rr_import *im, const char *name, const unsigned char *data, size_t len,
		     rr_diag *d)
{
	rr_buf text;
	rr_diag why = {0};
	const char *media;
	unsigned char hash[crypto_hash_sha256_BYTES];
	char hex[crypto_hash_sha256_BYTES * 2 + 1], docid[40], pid[200] = "";
	imp_analysis a;
	json_t *doc;
	rr_err e;

	rr_buf_init(&text, 0);
	if ((e = imp_extract(name, data, len, &text, &media, &why, &im->notes))) {
		for (size_t i = 0; i < why.n; i++)
			rr_diag_add(d, "%s: %s", name, why.msg[i]);
		rr_diag_free(&why);
		rr_buf_free(&text);
		return e;
	}
	rr_buf_cstr(&text);
	crypto_hash_sha256(hash, data, len);
	sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
	snprintf(docid, sizeof docid, "doc-%.16s", hex);
	if (im->explain)
		rr_buf_printf(im->explain, "%s:\n", name);
	imp_ctx ctx = {text.data, text.len, name, &im->body, im->given, &im->notes, im->explain};
	if ((e = imp_analyse(&ctx, &a))) {
		rr_diag_add(d, "%s: %s", name, rr_strerror(e));
		imp_analysis_free(&a);
		rr_buf_free(&text);
		return e;
	}
	doc = json_object();
	json_object_set_new(doc, "id", json_string(docid));
	json_object_set_new(doc, "organisation", json_string(im->org));
	json_object_set_new(doc, "title", json_string(a.title[0] ? a.title : name));
	json_object_set_new(doc, "kind", json_string(doc_kind(&a)));
	json_object_set_new(doc, "media_type", json_string(media));
	json_object_set_new(doc, "sha256", json_string(hex));
	json_object_set_new(doc, "text", json_stringn(text.data, text.len));
	json_object_set_new(doc, "public", json_boolean(im->pub));
	if (a.date.prec) {
		char iso[RR_DATE_ISO_MAX];
		rr_date_iso(&a.date, iso);
		json_object_set_new(doc, "date", json_string(iso));
	}
	json_object_set_new(im->documents, docid, doc);
	/* every relation the document states; trips go with the one it speaks
	 * of most */
	for (size_t i = 0; i < a.npartners; i++) {
		char one[200];
		partnership_record(im, &a.partners[i], text.data, docid, one, sizeof one);
		if (a.partnership.found && a.partners[i].pid == a.partnership.pid)
			snprintf(pid, sizeof pid, "%s", one);
	}
	json_object_clear(im->merged);
	for (size_t i = 0; i < a.n; i++) {
		imp_item *it = &a.items[i];
		json_t *trip = it->trip, *src, *srcs, *m;
		rr_buf idb;
		char base[100], id[120];
		if (!json_object_get(trip, "direction"))
			json_object_set_new(trip, "direction", json_string("out"));
		if (!json_object_get(trip, "title"))
			json_object_set_new(trip, "title", json_string(a.title[0] ? a.title : name));
		/* a document about several bodies: the trip is its section's */
		const char *org = it->org[0] ? it->org : im->org;
		json_object_set_new(trip, "organisation", json_string(org));
		m = json_object_get(trip, "decision");
		if (m && !json_object_get(m, "outcome")) {
			rr_diag_add(&im->notes, "%s: line %zu: a decision date without an outcome "
				    "(approved or rejected); kept in the text only", name, it->line);
			json_object_del(trip, "decision");
		}
		json_object_set_new(trip, "public", json_boolean(im->pub));
		if (!json_object_get(trip, "status"))
			json_object_set_new(trip, "status", json_string(status_of(it, trip, a.genre)));
		if (pid[0] && (a.genre == IMP_G_EVALUATION || near_partner(trip, &a.partnership)))
			json_object_set_new(trip, "partnership", json_string(pid));
		src = json_object();
		json_object_set_new(src, "document", json_string(docid));
		json_object_set(src, "spans", it->spans);
		srcs = json_array();
		json_array_append_new(srcs, src);
		json_object_set_new(trip, "sources", srcs);
		if ((m = find_match(im, trip, docid, org))) {
			const char *mid = rr_rec_str(m, "id");
			merge_trip(m, trip);
			json_object_set_new(trip, "id", json_string(mid)); /* for its gifts */
			json_object_set_new(im->merged, mid, json_true());
			json_object_set_new(im->touched, mid, json_true());
			add_results(im, it, mid,
				    rr_rec_str(m, "partnership"), docid);
			continue;
		}
		rr_buf_init(&idb, 200);
		trip_id(&idb, org, trip, it);
		snprintf(base, sizeof base, "%s", rr_buf_cstr(&idb));
		rr_buf_free(&idb);
		snprintf(id, sizeof id, "%s", base);
		for (int n = 2; n < 1000; n++) {
			json_t *old = json_object_get(im->trips, id);
			if (!old || (has_source(old, docid) && !json_object_get(im->merged, id)))
				break;
			snprintf(id, sizeof id, "%s-%d", base, n);
		}
		json_object_set_new(trip, "id", json_string(id));
		json_object_set(im->trips, id, trip);
		json_object_set_new(im->touched, id, json_true());
		json_object_set_new(im->merged, id, json_true());
		add_results(im, it, id, rr_rec_str(trip, "partnership"), docid);
	}
	imp_gifts_records(&a, im->org, im->pub, im->s, im->gifts, name, &im->notes);
	if (a.results && pid[0])
		add_results_of(im, a.results, NULL, pid, docid);
	else if (a.results)
		rr_diag_add(&im->notes, "%s: a total of investments, but no partnership to hold "
			    "it; kept in the text only", name);
	imp_analysis_free(&a);
	rr_buf_free(&text);
	return RR_OK;
}

static void values(json_t *obj, json_t *arr)
{
	const char *k;
	json_t *v;
	json_object_foreach(obj, k, v)
		json_array_append(arr, v);
}

/* ASCII case-insensitive: does hay contain needle? */
static bool contains_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; n && *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return true;
	return false;
}

/* Does partnership p's partner stand among the trip's destinations? */
static bool partner_visited(const json_t *p, const json_t *trip)
{
	const json_t *partner = json_object_get(p, "partner"), *d;
	const char *pname = rr_rec_str(partner, "name"), *pcity = rr_rec_str(partner, "city");
	const char *pc = rr_rec_str(partner, "country");
	size_t i;

	json_array_foreach(json_object_get(trip, "destinations"), i, d) {
		const char *c = rr_rec_str(d, "city"), *r = rr_rec_str(d, "region");
		const char *dc = rr_rec_str(d, "country");
		if (!dc || !pc || strcmp(dc, pc))
			continue;
		for (int k = 0; k < 2; k++) {
			const char *place = k ? r : c;
			if (!place || !*place)
				continue;
			if ((pcity && !strcasecmp(pcity, place)) || (pname && contains_nocase(pname, place)))
				return true;
		}
	}
	return false;
}

/* Links trips that name no partnership to the body's partnership whose
 * partner they visited, when the partnership existed by then. Candidates:
 * partnerships of this import and those already in the register. */
static rr_err link_partnerships(rr_import *im, rr_diag *d)
{
	json_t *known = NULL, *all = json_array(), *p, *v;
	const char *k;
	size_t i;
	rr_err e = RR_OK;

	if (im->s && (e = rr_store_list(im->s, RR_K_PARTNERSHIP, im->org, 0, &rr_viewer_system,
					&known))) {
		rr_diag_add(d, "reading the register failed: %s", rr_store_errmsg(im->s));
		json_decref(all);
		return e;
	}
	json_array_foreach(known, i, p)
		if (!json_object_get(im->partnerships, rr_rec_str(p, "id")))
			json_array_append(all, p);
	json_object_foreach(im->partnerships, k, p)
		json_array_append(all, p);
	json_object_foreach(im->touched, k, v) {
		json_t *trip = json_object_get(im->trips, k);
		rr_date start = date_at(trip, "start");
		if (!trip || json_object_get(trip, "partnership"))
			continue;
		json_array_foreach(all, i, p) {
			rr_date since = date_at(p, "since");
			if (since.prec && start.prec && rr_date_last(&start) < rr_date_first(&since))
				continue;
			if (partner_visited(p, trip)) {
				json_object_set(trip, "partnership", json_object_get(p, "id"));
				break;
			}
		}
	}
	json_decref(known);
	json_decref(all);
	return RR_OK;
}

rr_err rr_import_result(rr_import *im, json_t **out, rr_diag *d)
{
	json_t *doc = rr_doc_new(), *trips = json_object_get(doc, "trips");
	const char *k;
	json_t *v;
	rr_err e;

	*out = NULL;
	if ((e = link_partnerships(im, d))) {
		json_decref(doc);
		return e;
	}
	json_object_foreach(im->touched, k, v)
		json_array_append(trips, json_object_get(im->trips, k));
	values(im->documents, json_object_get(doc, "documents"));
	values(im->partnerships, json_object_get(doc, "partnerships"));
	values(im->results, json_object_get(doc, "results"));
	values(im->gifts, json_object_get(doc, "gifts"));
	e = rr_doc_normalise(doc, "import", out, d);
	json_decref(doc);
	return e;
}
