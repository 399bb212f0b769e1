/* copy.c - one register into another store (copy.h), on top of the store
 * API only, so any backend to any backend. */
#include "copy.h"

#include <stdlib.h>
#include <string.h>

#include "../model/doc.h"
#include "../model/record.h"
#include "auth_store.h"
#include "public.h"

static rr_err target_empty(rr_store *to, rr_diag *d)
{
	json_t *doc = NULL, *users = NULL;
	rr_err e;
	int n = 0;

	if ((e = rr_store_export(to, NULL, 0, &rr_viewer_system, &doc)) ||
	    (e = rr_store_users(to, &users))) {
		rr_diag_add(d, "reading the target failed: %s", rr_store_errmsg(to));
		goto out;
	}
	for (int k = 0; k < RR_K_COUNT; k++)
		n += (int)json_array_size(json_object_get(doc, rr_kind_get((rr_kind)k)->plural));
	if (n || json_array_size(users)) {
		rr_diag_add(d, "the target holds %d records and %zu accounts already: copy only "
			       "into an empty register", n, json_array_size(users));
		e = RR_ECONFLICT;
	}
out:
	json_decref(doc);
	json_decref(users);
	return e;
}

static rr_err copy_files(rr_store *from, rr_store *to, const json_t *doc, size_t *n,
			 rr_diag *d)
{
	json_t *r;
	size_t i;

	json_array_foreach(json_object_get(doc, "documents"), i, r) {
		const char *id = rr_rec_str(r, "id");
		json_t *meta = NULL;
		rr_buf data;
		rr_err e;

		rr_buf_init(&data, 0);
		e = rr_store_file_get(from, id, &meta, &data);
		if (e == RR_ENOTFOUND) {
			rr_buf_free(&data);
			continue;
		}
		if (!e)
			e = rr_store_file_put(to, id, rr_rec_str(meta, "name"),
					      rr_rec_str(meta, "media_type"), rr_rec_str(meta, "sha256"),
					      (const unsigned char *)data.data, data.len);
		if (e)
			rr_diag_add(d, "document %s: copying its file failed: %s", id,
				    rr_store_errmsg(e == RR_EDB || e == RR_EUNAVAIL ? to : from));
		else
			(*n)++;
		json_decref(meta);
		rr_buf_free(&data);
		if (e)
			return e;
	}
	return RR_OK;
}

static rr_err copy_users(rr_store *from, rr_store *to, size_t *n, rr_diag *d)
{
	json_t *users = NULL, *u, *g;
	size_t i, j;
	rr_err e;

	if ((e = rr_store_users(from, &users)))
		return e;
	json_array_foreach(users, i, u) {
		const char *name = rr_rec_str(u, "name");
		json_t *full = NULL;
		if ((e = rr_store_user_get(from, name, &full)) ||
		    (e = rr_store_user_add(to, name, rr_rec_str(full, "password_hash"), NULL)))
			goto fail;
		if (json_is_true(json_object_get(full, "disabled")) &&
		    (e = rr_store_user_set_disabled(to, name, 1)))
			goto fail;
		json_array_foreach(json_object_get(full, "grants"), j, g)
			if ((e = rr_store_user_grant(to, name, rr_rec_str(g, "organisation"),
						     rr_rec_str(g, "role"))))
				goto fail;
		json_decref(full);
		(*n)++;
		continue;
fail:
		rr_diag_add(d, "user %s: copying failed: %s", name, rr_store_errmsg(to));
		json_decref(full);
		break;
	}
	json_decref(users);
	return e;
}

rr_err rr_store_copy(rr_store *from, rr_store *to, rr_copy_stats *st, rr_diag *d)
{
	json_t *doc = NULL, *norm = NULL, *check = NULL;
	char *a = NULL, *b = NULL;
	rr_err e;

	memset(st, 0, sizeof *st);
	if ((e = target_empty(to, d)))
		return e;
	if ((e = rr_store_export(from, NULL, 0, &rr_viewer_system, &doc))) {
		rr_diag_add(d, "reading the source failed: %s", rr_store_errmsg(from));
		return e;
	}
	if ((e = rr_doc_normalise(doc, "source", &norm, d)))
		goto out;
	if ((e = rr_store_begin(to))) {
		rr_diag_add(d, "cannot start a transaction: %s", rr_store_errmsg(to));
		goto out;
	}
	if ((e = rr_load_document(to, norm, &st->records, d)) ||
	    (e = copy_files(from, to, norm, &st->files, d)) ||
	    (e = copy_users(from, to, &st->users, d)))
		goto rollback;
	/* the target must now export exactly what the source does */
	if ((e = rr_store_export(to, NULL, 0, &rr_viewer_system, &check))) {
		rr_diag_add(d, "reading the copy failed: %s", rr_store_errmsg(to));
		goto rollback;
	}
	a = rr_doc_dumps(doc);
	b = rr_doc_dumps(check);
	if (!a || !b || strcmp(a, b)) {
		rr_diag_add(d, "the copy differs from the source: nothing was written");
		e = a && b ? RR_EDB : RR_ENOMEM;
		goto rollback;
	}
	if ((e = rr_store_commit(to))) {
		rr_diag_add(d, "commit failed: %s", rr_store_errmsg(to));
		goto rollback;
	}
	goto out;
rollback:
	rr_store_rollback(to);
out:
	free(a);
	free(b);
	json_decref(doc);
	json_decref(norm);
	json_decref(check);
	return e;
}
