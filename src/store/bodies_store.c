/* bodies_store.c - built-in bodies in the register (bodies_store.h). The
 * part that needs no SQL; rr_store_in_transaction is the backend's. */
#include "bodies_store.h"

#include "../model/bodyrec.h"

rr_err rr_store_ensure_body(rr_store *s, const char *code, bool *added, rr_diag *d)
{
	bool yes = false;
	json_t *rec;
	rr_err e;

	if (added)
		*added = false;
	if ((e = rr_store_exists(s, RR_K_ORGANISATION, code, &yes)))
		return e;
	if (yes)
		return RR_OK;
	if (!(rec = rr_body_record_of(code)))
		return rr_body_get(code) ? RR_ENOMEM : RR_ENOTFOUND;
	e = rr_store_put(s, RR_K_ORGANISATION, rec, NULL, d);
	json_decref(rec);
	if (!e && added)
		*added = true;
	return e;
}

rr_err rr_store_get_body(rr_store *s, const char *code, const rr_viewer *v, json_t **out)
{
	rr_err e = rr_store_get(s, RR_K_ORGANISATION, code, v, out);
	if (e != RR_ENOTFOUND)
		return e;
	if (!rr_body_get(code))
		return RR_ENOTFOUND;
	return (*out = rr_body_record_of(code)) ? RR_OK : RR_ENOMEM;
}
