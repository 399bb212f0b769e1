/* ak_save.c - the one way the signed-in pages write (adminkit.h): the
 * version a form was read at is checked, and a new record's id chosen,
 * inside the write transaction (store/put_checked.h), so that two editors
 * never silently overwrite each other. */
#include "web/adminkit.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/doc.h"
#include "model/record.h"
#include "store/auth_store.h"
#include "store/bodies_store.h"
#include "store/load.h"
#include "store/put_checked.h"

/* The version the form posted, when it has the shape of one. */
static const char *posted_version(const rr_req *r)
{
	const char *v = r->form ? rr_form_get(r->form, "versie") : NULL;
	size_t n = v ? strlen(v) : 0;

	if (n != RR_VERSION_MAX - 1)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (!isxdigit((unsigned char)v[i]))
			return NULL;
	return v;
}

const char *ak_form_version(const rr_req *r, const json_t *rec, char buf[RR_VERSION_MAX])
{
	const char *v;

	if (r->version_now[0])
		return r->version_now;
	if ((v = posted_version(r)))
		return v;
	rr_record_version(rec, buf);
	return buf;
}

/* "Dit geschenk", "Deze reis", ... */
static const char *the_record(rr_kind k)
{
	switch (k) {
	case RR_K_TRIP: return "Deze reis";
	case RR_K_PARTNERSHIP: return "Dit partnerschap";
	case RR_K_RESULT: return "Dit resultaat";
	case RR_K_GIFT: return "Dit geschenk";
	case RR_K_ORGANISATION: return "Dit bestuursorgaan";
	case RR_K_PERSON: return "Deze persoon";
	case RR_K_DOCUMENT: return "Dit document";
	default: return "Dit gegeven";
	}
}

/* The Dutch message of a save refused as stale. */
static void stale_message(rr_req *r, rr_kind k, const rr_change *who, rr_diag *d)
{
	char name[160], when[96];

	ak_who_text(name, sizeof name, who->actor[0] ? who->actor : NULL);
	ak_when_text(when, sizeof when, who->at[0] ? who->at : NULL);
	if (!r->version_now[0])
		rr_diag_add(d, "%s is intussen verwijderd door %s (%s UTC). Er is niets opgeslagen.",
			    the_record(k), name, when);
	else
		rr_diag_add(d, "%s is intussen gewijzigd door %s (%s UTC), nadat u het formulier "
			    "opende. Er is niets opgeslagen: uw invoer staat hieronder nog. Bekijk de "
			    "wijziging en sla opnieuw op als uw invoer dan nog klopt.",
			    the_record(k), name, when);
}

/* Copies every message of from into to. */
static void diag_move(rr_diag *to, rr_diag *from)
{
	for (size_t i = 0; i < from->n; i++)
		rr_diag_add_at(to, rr_diag_field(from, i), "%s", from->msg[i]);
	rr_diag_free(from);
}

/* One transaction: the version check (when ver), then the record through
 * the loader (create-only with RR_LOAD_CREATE_ONLY), then commit. */
static rr_err write_rec(rr_req *r, rr_kind k, const json_t *rec, const char *ver,
			unsigned flags, rr_diag *d)
{
	json_t *norm = NULL, *doc = NULL;
	const char *id = rr_rec_str(rec, "id");
	char actor[80];
	rr_change who;
	bool taken = false;
	rr_err e;

	if (!r->principal)
		return RR_EPERM;
	if ((e = rr_record_normalise(k, rec, rr_kind_get(k)->singular, &norm, d)))
		return e;
	if (!(doc = rr_doc_new())) {
		json_decref(norm);
		return RR_ENOMEM;
	}
	json_array_append_new(json_object_get(doc, rr_kind_get(k)->plural), norm);
	snprintf(actor, sizeof actor, "user:%s", r->principal->name);
	rr_store_set_actor(r->store, actor);
	if ((e = rr_store_begin(r->store)))
		goto out;
	if (ver && id) {
		e = rr_store_check_version(r->store, k, id, ver, r->version_now, &who);
		if (e == RR_ECONFLICT)
			stale_message(r, k, &who, d);
	} else if ((flags & RR_LOAD_CREATE_ONLY) && id &&
		   !(e = rr_store_exists(r->store, k, id, &taken)) && taken) {
		e = RR_EEXISTS;
	}
	if (!e)
		e = rr_load_document_flags(r->store, doc, flags, NULL, d);
	if (!e)
		e = rr_store_commit(r->store);
	if (e)
		rr_store_rollback(r->store);
out:
	rr_store_set_actor(r->store, NULL);
	json_decref(doc);
	return e;
}

rr_err ak_save(rr_req *r, rr_kind k, const json_t *rec, rr_diag *d)
{
	return write_rec(r, k, rec, posted_version(r), 0, d);
}

rr_err ak_create(rr_req *r, rr_kind k, json_t *rec, const char *base, unsigned flags,
		 rr_diag *d)
{
	char id[200];
	rr_err e = RR_EEXISTS;

	for (int i = 1; i < 1000 && e == RR_EEXISTS; i++) {
		rr_diag mine = {0};
		bool taken = false;
		if (i == 1 && !(flags & AK_ID_NUMBERED))
			snprintf(id, sizeof id, "%s", base);
		else
			snprintf(id, sizeof id, "%s-%d", base, i);
		json_object_set_new(rec, "id", json_string(id));
		/* a quick look first, without the write lock; the write checks again */
		if (rr_store_exists(r->store, k, id, &taken) == RR_OK && taken)
			continue;
		if ((e = write_rec(r, k, rec, NULL, RR_LOAD_CREATE_ONLY, &mine)) == RR_EEXISTS)
			rr_diag_free(&mine); /* taken, perhaps just now: the next id */
		else
			diag_move(d, &mine);
	}
	if (e == RR_EEXISTS) {
		rr_diag_add(d, "Er is geen vrije code voor dit nieuwe gegeven gevonden. Kies een "
			    "andere titel of naam.");
		e = RR_ECONFLICT;
	}
	if (e)
		json_object_del(rec, "id"); /* a refused new one stays new */
	return e;
}

rr_err ak_delete(rr_req *r, rr_kind k, const char *id, rr_diag *d)
{
	const char *ver = posted_version(r);
	char actor[80];
	rr_change who;
	bool stale = false;
	rr_err e;

	if (!r->principal)
		return RR_EPERM;
	snprintf(actor, sizeof actor, "user:%s", r->principal->name);
	rr_store_set_actor(r->store, actor);
	if (!(e = rr_store_begin(r->store))) {
		if (ver && (e = rr_store_check_version(r->store, k, id, ver, r->version_now,
						       &who)) == RR_ECONFLICT) {
			stale_message(r, k, &who, d);
			stale = true;
		}
		if (!e)
			e = rr_store_delete(r->store, k, id);
		if (!e)
			e = rr_store_commit(r->store);
		if (e)
			rr_store_rollback(r->store);
	}
	rr_store_set_actor(r->store, NULL);
	if (stale)
		return e;
	if (e == RR_EDB || e == RR_ECONFLICT) {
		rr_diag_add(d, "Dit kan niet worden verwijderd: er verwijzen nog andere gegevens naar "
			    "(een resultaat, geschenk of document). Verwijder of wijzig die eerst.");
		return RR_ECONFLICT;
	}
	return e;
}

void ak_id_base(rr_kind k, const char *org, const char *text, char *out, size_t n)
{
	char slug[64];
	size_t j = 0;
	bool dash = false;

	for (const char *p = text ? text : ""; *p && j < 48; p++) {
		unsigned char c = (unsigned char)*p;
		if (isalnum(c) && c < 128) {
			if (dash && j)
				slug[j++] = '-';
			slug[j++] = (char)tolower(c);
			dash = false;
		} else {
			dash = true;
		}
	}
	slug[j] = '\0';
	if (!j)
		snprintf(slug, sizeof slug, "%s", rr_kind_get(k)->singular);
	snprintf(out, n, "%s-%s", org, slug);
}
