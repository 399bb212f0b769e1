/* Unit tests: src/store/put_checked.c (versions, create-only writes), the
 * loader's create-only mode, and what auth does with it (the login attempt
 * counted before the password check; a new password ends sessions). */
#include "testutil.h"
#include "teststore.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "model/doc.h"
#include "model/record.h"
#include "store/auth_store.h"
#include "store/load.h"
#include "store/put_checked.h"
#include "store/store.h"

typedef rr_test_db fixture;

static const char doc[] =
	"{\"organisations\":[{\"id\":\"gm0034\",\"name\":\"Gemeente Almere\"}],"
	"\"gifts\":[{\"id\":\"g1\",\"organisation\":\"gm0034\",\"date\":\"2024-01-02\","
	"\"giver\":\"A\",\"recipient\":\"B\",\"description\":\"Een vaas\",\"public\":false}]}";

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	rr_diag d = {0};
	assert_int_equal(rr_auth_init(), RR_OK);
	rr_test_db_open(f);
	if (rr_test_db_load(f->s, doc, &d)) {
		rr_diag_print(&d, "", stderr);
		fail();
	}
	rr_diag_free(&d);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	int rc = rr_test_db_close(f);
	free(f);
	return rc;
}

static json_t *gift(rr_store *s, const char *id)
{
	json_t *g = NULL;
	assert_int_equal(rr_store_get(s, RR_K_GIFT, id, &rr_viewer_system, &g), RR_OK);
	return g;
}

/* Sets the gift's description and puts it as actor, in its own transaction. */
static void change(rr_store *s, const char *actor, const char *text)
{
	json_t *g = gift(s, "g1");
	rr_diag d = {0};
	json_object_set_new(g, "description", json_string(text));
	rr_store_set_actor(s, actor);
	assert_int_equal(rr_store_begin(s), RR_OK);
	assert_int_equal(rr_store_put(s, RR_K_GIFT, g, NULL, &d), RR_OK);
	assert_int_equal(rr_store_commit(s), RR_OK);
	rr_store_set_actor(s, NULL);
	json_decref(g);
}

static void version_follows_the_record(void **state)
{
	fixture *f = *state;
	char v1[RR_VERSION_MAX], v2[RR_VERSION_MAX], v3[RR_VERSION_MAX], none[RR_VERSION_MAX];
	json_t *g = gift(f->s, "g1");

	rr_record_version(g, v1);
	assert_int_equal(strlen(v1), RR_VERSION_MAX - 1);
	assert_int_equal(rr_store_version(f->s, RR_K_GIFT, "g1", v2), RR_OK);
	assert_string_equal(v1, v2); /* the form's version is the store's */
	change(f->s, "user:bea", "Twee vazen");
	assert_int_equal(rr_store_version(f->s, RR_K_GIFT, "g1", v3), RR_OK);
	assert_string_not_equal(v1, v3);
	assert_int_equal(rr_store_version(f->s, RR_K_GIFT, "nope", none), RR_OK);
	assert_string_equal(none, "");
	json_decref(g);
}

static void stale_version_refused_with_who(void **state)
{
	fixture *f = *state;
	char v1[RR_VERSION_MAX], now[RR_VERSION_MAX];
	rr_change who;

	assert_int_equal(rr_store_version(f->s, RR_K_GIFT, "g1", v1), RR_OK);
	/* only inside a transaction: a check outside the write proves nothing */
	assert_int_equal(rr_store_check_version(f->s, RR_K_GIFT, "g1", v1, now, &who), RR_ECONFLICT);
	assert_int_equal(rr_store_begin(f->s), RR_OK);
	assert_int_equal(rr_store_check_version(f->s, RR_K_GIFT, "g1", v1, now, &who), RR_OK);
	assert_string_equal(now, v1);
	rr_store_rollback(f->s);
	change(f->s, "user:bea", "Twee vazen");
	assert_int_equal(rr_store_begin(f->s), RR_OK);
	assert_int_equal(rr_store_check_version(f->s, RR_K_GIFT, "g1", v1, now, &who), RR_ECONFLICT);
	assert_string_not_equal(now, v1);
	assert_string_equal(who.actor, "user:bea");
	assert_int_equal(strlen(who.at), 20); /* 2026-12-02T12:40:00Z */
	assert_int_equal(rr_store_check_version(f->s, RR_K_GIFT, "g1", now, NULL, NULL), RR_OK);
	/* deleted meanwhile: no current version */
	rr_store_set_actor(f->s, "user:chef");
	assert_int_equal(rr_store_delete(f->s, RR_K_GIFT, "g1"), RR_OK);
	assert_int_equal(rr_store_check_version(f->s, RR_K_GIFT, "g1", v1, now, &who), RR_ECONFLICT);
	assert_string_equal(now, "");
	assert_string_equal(who.actor, "user:chef");
	rr_store_rollback(f->s);
	rr_store_set_actor(f->s, NULL);
}

static void create_only_never_replaces(void **state)
{
	fixture *f = *state;
	json_t *g = gift(f->s, "g1"), *back, *d2, *a, *b;
	rr_diag d = {0};

	json_object_set_new(g, "description", json_string("Overschreven?"));
	assert_int_equal(rr_store_put_new(f->s, RR_K_GIFT, g, &d), RR_ECONFLICT); /* no txn */
	assert_int_equal(rr_store_begin(f->s), RR_OK);
	assert_int_equal(rr_store_put_new(f->s, RR_K_GIFT, g, &d), RR_EEXISTS);
	json_object_set_new(g, "id", json_string("g2"));
	assert_int_equal(rr_store_put_new(f->s, RR_K_GIFT, g, &d), RR_OK);
	assert_int_equal(rr_store_commit(f->s), RR_OK);
	back = gift(f->s, "g1");
	assert_string_equal(rr_rec_str(back, "description"), "Een vaas");
	json_decref(back);
	back = gift(f->s, "g2");
	assert_string_equal(rr_rec_str(back, "description"), "Overschreven?");
	json_decref(back);
	/* the loader's create-only mode: all or nothing */
	d2 = rr_doc_new();
	a = json_deep_copy(g);
	b = json_deep_copy(g);
	json_object_set_new(a, "id", json_string("g3"));
	json_object_set_new(b, "id", json_string("g1"));
	json_array_append_new(json_object_get(d2, "gifts"), a);
	json_array_append_new(json_object_get(d2, "gifts"), b);
	assert_int_equal(rr_load_document_flags(f->s, d2, RR_LOAD_CREATE_ONLY, NULL, &d), RR_EEXISTS);
	assert_int_equal(rr_store_get(f->s, RR_K_GIFT, "g3", &rr_viewer_system, &back), RR_ENOTFOUND);
	back = gift(f->s, "g1");
	assert_string_equal(rr_rec_str(back, "description"), "Een vaas");
	json_decref(back);
	json_decref(d2);
	json_decref(g);
	rr_diag_free(&d);
}

static void login_counted_before_the_check(void **state)
{
	fixture *f = *state;
	char hash[crypto_pwhash_STRBYTES], t[RR_TOKEN_LEN + 1], t2[RR_TOKEN_LEN + 1];
	const char *pw = "een-goed-wachtwoord";
	rr_principal p;
	long long now = 1700000000;
	int n = -1;

	assert_int_equal(rr_password_hash(pw, hash, sizeof hash), RR_OK);
	assert_int_equal(rr_store_user_add(f->s, "anna", hash, NULL), RR_OK);
	assert_int_equal(rr_login(f->s, "anna", "fout-wachtwoord", "10.0.0.9", now, t), RR_EPERM);
	assert_int_equal(rr_store_login_failures(f->s, "addr:10.0.0.9", 0, &n), RR_OK);
	assert_int_equal(n, 1);
	/* a good login leaves no failure of its own behind, and clears the user's */
	assert_int_equal(rr_login(f->s, "anna", pw, "10.0.0.9", now, t), RR_OK);
	assert_int_equal(rr_store_login_failures(f->s, "addr:10.0.0.9", 0, &n), RR_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rr_store_login_failures(f->s, "user:anna", 0, &n), RR_OK);
	assert_int_equal(n, 0);
	assert_int_equal(rr_login(f->s, "anna", pw, "10.0.0.8", now, t2), RR_OK);
	/* a new password ends every session of the account */
	assert_int_equal(rr_password_hash("nog-een-wachtwoord", hash, sizeof hash), RR_OK);
	assert_int_equal(rr_store_user_set_hash(f->s, "anna", hash), RR_OK);
	assert_int_equal(rr_session_principal(f->s, t, now + 1, &p), RR_ENOTFOUND);
	assert_int_equal(rr_session_principal(f->s, t2, now + 1, &p), RR_ENOTFOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(version_follows_the_record, setup, teardown),
		cmocka_unit_test_setup_teardown(stale_version_refused_with_who, setup, teardown),
		cmocka_unit_test_setup_teardown(create_only_never_replaces, setup, teardown),
		cmocka_unit_test_setup_teardown(login_counted_before_the_check, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
