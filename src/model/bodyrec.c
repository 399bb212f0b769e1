/* bodyrec.c - organisation records of built-in bodies (bodyrec.h). */
#include "bodyrec.h"

#include "record.h"

json_t *rr_body_record(const rr_body *b)
{
	json_t *rec, *out = NULL;
	rr_diag d = {0};

	if (!b)
		return NULL;
	rec = json_pack("{s:s, s:s, s:s, s:s}", "id", b->code, "name", b->name, "kind",
			rr_body_org_kind(b->kind), "country", "NL");
	if (rec && b->seat)
		json_object_set_new(rec, "city", json_string(b->seat));
	/* through the validator, so that it is stored exactly as a loaded one */
	if (rec && rr_record_normalise(RR_K_ORGANISATION, rec, b->code, &out, &d))
		out = NULL;
	rr_diag_free(&d);
	json_decref(rec);
	return out;
}

json_t *rr_body_record_of(const char *code)
{
	return rr_body_record(rr_body_get(code));
}
