/* page_audit.c - the audit log of one record (/beheer/audit/{kind}/{id}),
 * for the editors and readers of its body: who changed what when, with the
 * changed fields before and after. */
#include <string.h>

#include "model/record.h"
#include "store/auth_store.h"
#include "web/adminkit.h"

rr_err page_audit(rr_req *r, rr_resp *o)
{
	static const struct { const char *seg; rr_kind k; const char *label; } kinds[] = {
		{"trip", RR_K_TRIP, "reis"}, {"gift", RR_K_GIFT, "geschenk"},
		{"result", RR_K_RESULT, "resultaat"}, {"partnership", RR_K_PARTNERSHIP, "relatie"},
		{"organisation", RR_K_ORGANISATION, "orgaan"}};
	const char *seg = rr_req_cap(r, "kind"), *id = rr_req_cap(r, "id"), *org = NULL;
	json_t *rec = NULL, *log = NULL;
	const json_t *en;
	size_t i, k;
	char title[200];
	html h;
	rr_err e;

	if (!r->principal)
		return ak_need_login(o);
	for (k = 0; k < sizeof kinds / sizeof kinds[0] && strcmp(kinds[k].seg, seg); k++)
		;
	if (k == sizeof kinds / sizeof kinds[0])
		return RR_ENOTFOUND;
	if ((e = rr_store_audit(r->store, (int)kinds[k].k, id, &log)))
		return e;
	/* the body: from the record, or (deleted) from its last audit entry */
	if (rr_store_get(r->store, kinds[k].k, id, &rr_viewer_system, &rec) == RR_OK)
		org = kinds[k].k == RR_K_ORGANISATION ? id : rr_rec_str(rec, "organisation");
	json_array_foreach(log, i, en)
		if (!org && rr_rec_str(en, "organisation"))
			org = rr_rec_str(en, "organisation");
	/* another body's record answers like a missing one: 404, so that
	 * the answer does not tell that it exists */
	if (!org || !rr_can(r->principal, org, RR_CAP_READ)) {
		json_decref(rec);
		json_decref(log);
		return RR_ENOTFOUND;
	}
	snprintf(title, sizeof title, "Wijzigingen van %s %s", kinds[k].label,
		 rec && rr_rec_str(rec, "title") ? rr_rec_str(rec, "title") : id);
	layout_crumb crumbs[] = {{"Home", "/"}, {"Beheer", "/beheer"}, {title, NULL}};
	pk_begin(&h, o, title, crumbs, 3, NULL);
	layout_h1(&h, title);
	html_open_c(&h, "p", "utrecht-paragraph");
	if (!rec)
		html_text(&h, "Dit record bestaat niet meer. ");
	else if (kinds[k].k == RR_K_TRIP)
		pk_link(&h, "/beheer/reizen/", id, "Terug naar de reis");
	else if (kinds[k].k == RR_K_PARTNERSHIP)
		pk_link(&h, "/beheer/partnerschappen/", id, "Terug naar het partnerschap");
	else if (kinds[k].k == RR_K_RESULT)
		pk_link(&h, "/beheer/resultaten/", id, "Terug naar het resultaat");
	html_close(&h, "p");
	ak_audit_table(&h, log, kinds[k].k);
	e = pk_end(&h, o);
	json_decref(rec);
	json_decref(log);
	return e;
}
