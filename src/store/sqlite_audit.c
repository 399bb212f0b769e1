/* sqlite_audit.c - the append-only audit log. */
#include "sqlite_int.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "auth_store.h"

void rr_store_set_actor(rr_store *s, const char *actor)
{
	snprintf(s->actor, sizeof s->actor, "%s", actor && *actor ? actor : "system");
}

rr_err rr_sqlite_audit(rr_store *s, rr_kind k, const char *id, const char *org,
		       const char *before, const char *after)
{
	sqlite3_stmt *st;
	char now[32];
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
	st = rr_sqlite_prepare(s, "INSERT INTO audit (at, actor, action, kind, record, "
				  "organisation, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	if (!st)
		return RR_EDB;
	rr_sqlite_bind_str(st, 1, now);
	rr_sqlite_bind_str(st, 2, s->actor[0] ? s->actor : "system");
	rr_sqlite_bind_str(st, 3, !before ? "create" : !after ? "delete" : "update");
	rr_sqlite_bind_str(st, 4, rr_kind_get(k)->singular);
	rr_sqlite_bind_str(st, 5, id);
	rr_sqlite_bind_str(st, 6, org);
	rr_sqlite_bind_str(st, 7, before);
	rr_sqlite_bind_str(st, 8, after);
	return rr_sqlite_run(s, st, "audit");
}

static json_t *parsed(const unsigned char *txt)
{
	json_error_t je;
	json_t *j = txt ? json_loads((const char *)txt, 0, &je) : NULL;
	return j ? j : json_null();
}

rr_err rr_sqlite_audit_list(rr_store *s, int kind, const char *id, json_t **out)
{
	sqlite3_stmt *st;
	json_t *arr;
	int rc;

	*out = NULL;
	if (kind >= 0 && kind < RR_K_COUNT) {
		st = rr_sqlite_prepare(s, "SELECT seq, at, actor, action, kind, record, organisation, "
					  "before, after FROM audit WHERE kind = ?1 AND record = ?2 ORDER BY seq");
		if (!st)
			return RR_EDB;
		rr_sqlite_bind_str(st, 1, rr_kind_get((rr_kind)kind)->singular);
		rr_sqlite_bind_str(st, 2, id);
	} else {
		st = rr_sqlite_prepare(s, "SELECT seq, at, actor, action, kind, record, organisation, "
					  "before, after FROM audit ORDER BY seq");
		if (!st)
			return RR_EDB;
	}
	arr = json_array();
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_t *e = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s}",
			"seq", (json_int_t)sqlite3_column_int64(st, 0),
			"at", (const char *)sqlite3_column_text(st, 1),
			"actor", (const char *)sqlite3_column_text(st, 2),
			"action", (const char *)sqlite3_column_text(st, 3),
			"kind", (const char *)sqlite3_column_text(st, 4),
			"record", (const char *)sqlite3_column_text(st, 5));
		if (sqlite3_column_type(st, 6) != SQLITE_NULL)
			json_object_set_new(e, "organisation",
					    json_string((const char *)sqlite3_column_text(st, 6)));
		json_object_set_new(e, "before", parsed(sqlite3_column_text(st, 7)));
		json_object_set_new(e, "after", parsed(sqlite3_column_text(st, 8)));
		json_array_append_new(arr, e);
	}
	if (rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		json_decref(arr);
		return rr_sqlite_fail(s, "audit");
	}
	sqlite3_finalize(st);
	*out = arr;
	return RR_OK;
}
