#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/doc_stream.h"
#include "../model/lifecycle.h"
#include "../model/record.h"
#include "../nl/bodies.h"
#include "bodies_store.h"
#include "put_checked.h"

typedef struct refctx {
	rr_store *s;
	json_t *ids[RR_K_COUNT]; /* per kind: the ids the document holds */
	json_t *bodies;          /* built-in bodies named but not yet records */
	const char *label;
	rr_diag *d;
	int bad;
	rr_err err;
} refctx;

static void index_ids(refctx *c, const json_t *doc)
{
	for (int k = 0; k < RR_K_COUNT; k++) {
		json_t *r;
		size_t i;
		c->ids[k] = json_object();
		json_array_foreach(json_object_get(doc, rr_kind_get(k)->plural), i, r)
			json_object_set_new(c->ids[k], rr_rec_str(r, "id"), json_true());
	}
}

static void check_ref(void *ctx, rr_kind target, const char *id, const char *path)
{
	refctx *c = ctx;
	bool yes = false;
	rr_err e;

	if (!id || json_object_get(c->ids[target], id))
		return;
	if ((e = rr_store_exists(c->s, target, id, &yes))) {
		c->err = e;
		return;
	}
	if (!yes && target == RR_K_ORGANISATION && rr_body_get(id)) {
		json_object_set_new(c->bodies, id, json_true()); /* added with the document */
		return;
	}
	if (!yes) {
		rr_diag_add(c->d, "%s: %s: no %s with id '%s' in the document or the register",
			    c->label, path, rr_kind_get(target)->singular, id);
		c->bad = 1;
	}
}

static void check_transition(refctx *c, const json_t *trip)
{
	json_t *old = NULL;
	const char *from, *to = rr_rec_str(trip, "status");

	if (rr_store_get(c->s, RR_K_TRIP, rr_rec_str(trip, "id"), &rr_viewer_system, &old))
		return; /* new trip: any status */
	from = rr_rec_str(old, "status");
	if (from && to && !rr_status_transition_ok(from, to)) {
		rr_diag_add(c->d, "%s: status: cannot go from %s to %s", c->label, from, to);
		c->bad = 1;
	}
	json_decref(old);
}

rr_err rr_load_document(rr_store *s, const json_t *doc, rr_load_stats *stats, rr_diag *d)
{
	return rr_load_document_flags(s, doc, 0, stats, d);
}

rr_err rr_load_document_flags(rr_store *s, const json_t *doc, unsigned flags,
			      rr_load_stats *stats, rr_diag *d)
{
	refctx c = {s, {NULL}, NULL, NULL, d, 0, RR_OK};
	rr_date today = rr_today();
	rr_err e = RR_OK;
	json_t *r;
	size_t i;
	char label[160];
	const char *code;
	bool own = !rr_store_in_transaction(s); /* else the caller commits */

	if (stats)
		memset(stats, 0, sizeof *stats);
	/* the checks read what the writes rely on: inside the same transaction,
	 * so that no other writer can change it in between */
	if (own && (e = rr_store_begin(s))) {
		rr_diag_add(d, "cannot start a transaction: %s", rr_store_errmsg(s));
		return e;
	}
	index_ids(&c, doc);
	c.bodies = json_object();
	for (int k = 0; k < RR_K_COUNT; k++) {
		json_array_foreach(json_object_get(doc, rr_kind_get(k)->plural), i, r) {
			snprintf(label, sizeof label, "%s %s", rr_kind_get(k)->singular,
				 rr_rec_str(r, "id"));
			c.label = label;
			rr_record_refs((rr_kind)k, r, check_ref, &c);
			if (k == RR_K_TRIP) {
				check_transition(&c, r);
				if (rr_trip_check_times(r, &today, d))
					c.bad = 1;
			}
		}
	}
	for (int k = 0; k < RR_K_COUNT; k++)
		json_decref(c.ids[k]);
	if (c.err) {
		rr_diag_add(d, "reading the register failed: %s", rr_store_errmsg(s));
		e = c.err;
	} else if (c.bad) {
		e = RR_EINVAL;
	}
	/* the built-in bodies the document names become records first */
	json_object_foreach(c.bodies, code, r) {
		bool added = false;
		if (e)
			break;
		if ((e = rr_store_ensure_body(s, code, &added, d))) {
			rr_diag_add(d, "organisation %s: cannot add the built-in body: %s", code,
				    rr_store_errmsg(s));
			break;
		}
		if (added && stats)
			stats->created[RR_K_ORGANISATION]++;
	}
	json_decref(c.bodies);
	/* kinds in dependency order: bodies first (enum order of rr_kind) */
	for (int k = 0; k < RR_K_COUNT && !e; k++) {
		json_array_foreach(json_object_get(doc, rr_kind_get(k)->plural), i, r) {
			rr_put_result res = RR_PUT_CREATED;
			if (flags & RR_LOAD_CREATE_ONLY) {
				if ((e = rr_store_put_new(s, (rr_kind)k, r, d)) == RR_EEXISTS)
					rr_diag_add(d, "%s %s: already exists", rr_kind_get(k)->singular,
						    rr_rec_str(r, "id"));
			} else {
				e = rr_store_put(s, (rr_kind)k, r, &res, d);
			}
			if (e)
				break;
			if (stats)
				(res == RR_PUT_CREATED ? stats->created
				 : res == RR_PUT_UPDATED ? stats->updated : stats->unchanged)[k]++;
		}
	}
	if (own && !e && (e = rr_store_commit(s)))
		rr_diag_add(d, "commit failed: %s", rr_store_errmsg(s));
	if (own && e)
		rr_store_rollback(s);
	return e;
}

/* ---- loading files one record at a time ---- */

typedef struct sfile {
	rr_doc_stream *ds;
	long off[RR_K_COUNT]; /* where each kind's array starts, or -1 */
} sfile;

typedef struct sload {
	rr_store *s;
	sfile *files;
	size_t nfiles, cur;
	json_t *ids[RR_K_COUNT]; /* per kind: id -> index of the file holding it */
	rr_load_stats *stats;
	rr_date today;
	const char *label;
	rr_diag *d;
	int bad;
	rr_err err;
} sload;

/* First reading: each record normalised, each id once. */
static rr_err first_pass(void *ctx, const char *key, size_t i, json_t *rec, long offset)
{
	sload *c = ctx;
	sfile *f = &c->files[c->cur];
	const char *name = rr_doc_stream_name(f->ds), *id;
	int k = rr_kind_by_plural(key);
	char label[300];
	json_t *norm = NULL, *where;

	if (i == RR_DOC_MEMBER) {
		if (k < 0) {
			rr_diag_add(c->d, "%s: unknown top-level key '%s' (expected organisations, "
				"people, trips, partnerships, results, gifts or documents)", name, key);
			c->bad = 1;
		} else if (offset < 0) {
			rr_diag_add(c->d, "%s: %s must be an array", name, key);
			c->bad = 1;
		} else if (f->off[k] >= 0) {
			rr_diag_add(c->d, "%s: the key '%s' appears twice", name, key);
			c->bad = 1;
		} else {
			f->off[k] = offset;
		}
		return RR_OK;
	}
	if (k < 0)
		return RR_OK;
	id = rr_rec_str(rec, "id");
	snprintf(label, sizeof label, "%s: %s[%zu]%s%.120s", name, key, i, id ? " " : "",
		 id ? id : "");
	if (rr_record_normalise((rr_kind)k, rec, label, &norm, c->d)) {
		c->bad = 1;
		return RR_OK;
	}
	id = rr_rec_str(norm, "id");
	if ((where = json_object_get(c->ids[k], id))) {
		if ((size_t)json_integer_value(where) == c->cur)
			rr_diag_add(c->d, "%s: id: '%s' appears twice in %s", label, id, key);
		else
			rr_diag_add(c->d, "%s: %s %s: given in two files", name,
				    rr_kind_get(k)->singular, id);
		c->bad = 1;
	} else if (json_object_set_new(c->ids[k], id, json_integer((json_int_t)c->cur))) {
		json_decref(norm);
		return RR_ENOMEM;
	}
	json_decref(norm);
	return RR_OK;
}

static void stream_ref(void *ctx, rr_kind target, const char *id, const char *path)
{
	sload *c = ctx;
	bool yes = false, added = false;
	rr_err e;

	if (!id || json_object_get(c->ids[target], id) || c->err)
		return;
	if ((e = rr_store_exists(c->s, target, id, &yes))) {
		c->err = e;
		return;
	}
	if (!yes && target == RR_K_ORGANISATION && rr_body_get(id)) {
		/* a built-in body: added with the document (rolled back with it) */
		if ((e = rr_store_ensure_body(c->s, id, &added, c->d))) {
			rr_diag_add(c->d, "organisation %s: cannot add the built-in body: %s", id,
				    rr_store_errmsg(c->s));
			c->err = e;
			return;
		}
		json_object_set_new(c->ids[target], id, json_integer(-1));
		if (added && c->stats)
			c->stats->created[RR_K_ORGANISATION]++;
		return;
	}
	if (!yes) {
		rr_diag_add(c->d, "%s: %s: no %s with id '%s' in the document or the register",
			    c->label, path, rr_kind_get(target)->singular, id);
		c->bad = 1;
	}
}

/* Second reading, in the transaction: references, status changes and
 * times checked, then the record written (until a problem is found). */
static rr_err second_pass(void *ctx, const char *key, size_t i, json_t *rec, long offset)
{
	sload *c = ctx;
	int k = rr_kind_by_plural(key);
	rr_diag scratch = {0};
	json_t *norm = NULL, *old = NULL;
	char label[160];
	rr_put_result res;
	rr_err e = RR_OK;

	(void)i;
	(void)offset;
	if (k < 0 || rr_record_normalise((rr_kind)k, rec, "", &norm, &scratch)) {
		rr_diag_free(&scratch);
		rr_diag_add(c->d, "%s: changed while it was read", rr_doc_stream_name(
			    c->files[c->cur].ds));
		return RR_EINVAL;
	}
	snprintf(label, sizeof label, "%s %s", rr_kind_get(k)->singular, rr_rec_str(norm, "id"));
	c->label = label;
	rr_record_refs((rr_kind)k, norm, stream_ref, c);
	if (k == RR_K_TRIP && !c->err) {
		const char *from, *to = rr_rec_str(norm, "status");
		if (!rr_store_get(c->s, RR_K_TRIP, rr_rec_str(norm, "id"), &rr_viewer_system,
				  &old)) {
			from = rr_rec_str(old, "status");
			if (from && to && !rr_status_transition_ok(from, to)) {
				rr_diag_add(c->d, "%s: status: cannot go from %s to %s", label, from,
					    to);
				c->bad = 1;
			}
			json_decref(old);
		}
		if (rr_trip_check_times(norm, &c->today, c->d))
			c->bad = 1;
	}
	if (c->err) {
		e = c->err;
	} else if (!c->bad && !(e = rr_store_put(c->s, (rr_kind)k, norm, &res, c->d)) &&
		   c->stats) {
		(res == RR_PUT_CREATED ? c->stats->created
		 : res == RR_PUT_UPDATED ? c->stats->updated : c->stats->unchanged)[k]++;
	}
	json_decref(norm);
	return e;
}

rr_err rr_load_files(rr_store *s, const char *const *paths, size_t n, rr_load_stats *stats,
		     rr_diag *d)
{
	sload c = {.s = s, .nfiles = n, .stats = stats, .today = rr_today(), .d = d};
	bool own = !rr_store_in_transaction(s), begun = false;
	rr_err e = RR_OK;

	if (stats)
		memset(stats, 0, sizeof *stats);
	for (int k = 0; k < RR_K_COUNT; k++)
		c.ids[k] = json_object();
	if (!(c.files = calloc(n ? n : 1, sizeof *c.files))) {
		e = RR_ENOMEM;
		goto out;
	}
	for (c.cur = 0; c.cur < n; c.cur++) {
		sfile *f = &c.files[c.cur];
		rr_err fe;
		for (int k = 0; k < RR_K_COUNT; k++)
			f->off[k] = -1;
		if ((fe = rr_doc_stream_open(paths[c.cur], &f->ds, d)) ||
		    (fe = rr_doc_stream_scan(f->ds, first_pass, &c, d))) {
			if (fe != RR_EINVAL && fe != RR_ETOOBIG && fe != RR_EIO) {
				e = fe;
				goto out;
			}
			c.bad = 1;
		}
	}
	if (c.bad) {
		e = RR_EINVAL;
		goto out;
	}
	if (own && (e = rr_store_begin(s))) {
		rr_diag_add(d, "cannot start a transaction: %s", rr_store_errmsg(s));
		goto out;
	}
	begun = own;
	/* kinds in dependency order: bodies first (enum order of rr_kind) */
	for (int k = 0; k < RR_K_COUNT && !e; k++)
		for (c.cur = 0; c.cur < n && !e; c.cur++)
			if (c.files[c.cur].off[k] >= 0)
				e = rr_doc_stream_member(c.files[c.cur].ds, rr_kind_get(k)->plural,
							 c.files[c.cur].off[k], second_pass, &c, d);
	if (c.err && e == c.err && e != RR_EINVAL)
		rr_diag_add(d, "reading the register failed: %s", rr_store_errmsg(s));
	if (!e && c.bad)
		e = RR_EINVAL;
	if (begun && !e && (e = rr_store_commit(s)))
		rr_diag_add(d, "commit failed: %s", rr_store_errmsg(s));
	if (begun && e)
		rr_store_rollback(s);
out:
	for (int k = 0; k < RR_K_COUNT; k++)
		json_decref(c.ids[k]);
	for (size_t i = 0; c.files && i < n; i++)
		rr_doc_stream_close(c.files[i].ds);
	free(c.files);
	return e;
}
