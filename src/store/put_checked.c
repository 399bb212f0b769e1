/* put_checked.c - versions and create-only writes on top of the store API
 * (put_checked.h). No SQL here: every backend gets the same checks. */
#include "put_checked.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "../model/record.h"
#include "auth_store.h"
#include "bodies_store.h"

void rr_record_version(const json_t *rec, char out[RR_VERSION_MAX])
{
	unsigned char h[16];
	char *txt = json_dumps(rec, JSON_SORT_KEYS | JSON_COMPACT | JSON_REAL_PRECISION(15));

	out[0] = '\0';
	if (!txt)
		return;
	crypto_generichash(h, sizeof h, (const unsigned char *)txt, strlen(txt), NULL, 0);
	sodium_bin2hex(out, RR_VERSION_MAX, h, sizeof h);
	free(txt);
}

rr_err rr_store_version(rr_store *s, rr_kind k, const char *id, char now[RR_VERSION_MAX])
{
	json_t *cur = NULL;
	rr_err e;

	now[0] = '\0';
	e = rr_store_get(s, k, id, &rr_viewer_system, &cur);
	if (e == RR_ENOTFOUND)
		return RR_OK;
	if (e)
		return e;
	rr_record_version(cur, now);
	json_decref(cur);
	return RR_OK;
}

/* The newest audit entry of the record into who. */
static rr_err last_change(rr_store *s, rr_kind k, const char *id, rr_change *who)
{
	json_t *log = NULL, *last;
	rr_err e;

	who->actor[0] = who->at[0] = '\0';
	if ((e = rr_store_audit(s, (int)k, id, &log)))
		return e;
	if ((last = json_array_get(log, json_array_size(log) - 1))) {
		snprintf(who->actor, sizeof who->actor, "%s", rr_rec_str(last, "actor") ?
			 rr_rec_str(last, "actor") : "");
		snprintf(who->at, sizeof who->at, "%s", rr_rec_str(last, "at") ?
			 rr_rec_str(last, "at") : "");
	}
	json_decref(log);
	return RR_OK;
}

rr_err rr_store_check_version(rr_store *s, rr_kind k, const char *id, const char *expected,
			      char now[RR_VERSION_MAX], rr_change *who)
{
	char cur[RR_VERSION_MAX];
	rr_err e;

	if (now)
		now[0] = '\0';
	if (!rr_store_in_transaction(s))
		return RR_ECONFLICT; /* a check outside the write would prove nothing */
	if ((e = rr_store_version(s, k, id, cur)))
		return e;
	if (now)
		memcpy(now, cur, sizeof cur);
	if (expected && cur[0] && !strcmp(cur, expected))
		return RR_OK;
	if (who && (e = last_change(s, k, id, who)))
		return e;
	return RR_ECONFLICT;
}

rr_err rr_store_put_new(rr_store *s, rr_kind k, const json_t *rec, rr_diag *d)
{
	const char *id = rr_rec_str(rec, "id");
	rr_put_result res;
	bool yes = false;
	rr_err e;

	if (!id)
		return RR_EINVAL;
	if (!rr_store_in_transaction(s))
		return RR_ECONFLICT;
	if ((e = rr_store_exists(s, k, id, &yes)))
		return e;
	if (yes)
		return RR_EEXISTS;
	if ((e = rr_store_put(s, k, rec, &res, d)))
		return e;
	/* a backend that let another writer in between says so here */
	return res == RR_PUT_CREATED ? RR_OK : RR_EEXISTS;
}
