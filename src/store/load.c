#include "load.h"

#include <stdio.h>
#include <string.h>

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
