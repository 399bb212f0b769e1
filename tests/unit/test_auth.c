/* Unit tests: src/auth (passwords, sessions, throttling, roles) and the
 * audit log, on a real database. */
#include "testutil.h"
#include "teststore.h"

#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth/auth.h"
#include "model/doc.h"
#include "store/auth_store.h"
#include "store/load.h"

typedef rr_test_db fx;

static const char pw[] = "correct horse battery";

static void add_user(rr_store *s, const char *name, const char *org, const char *role)
{
	char hash[crypto_pwhash_STRBYTES];
	assert_int_equal(rr_password_hash(pw, hash, sizeof hash), RR_OK);
	assert_int_equal(rr_store_begin(s), RR_OK);
	assert_int_equal(rr_store_user_add(s, name, hash, NULL), RR_OK);
	assert_int_equal(rr_store_user_grant(s, name, org, role), RR_OK);
	assert_int_equal(rr_store_commit(s), RR_OK);
}

static int setup(void **state)
{
	fx *f = calloc(1, sizeof *f);
	assert_int_equal(rr_auth_init(), RR_OK);
	rr_test_db_open(f);
	add_user(f->s, "anna", "gm0034", "redacteur");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fx *f = *state;
	int rc = rr_test_db_close(f);
	free(f);
	return rc;
}

static void passwords(void **state)
{
	(void)state;
	char hash[crypto_pwhash_STRBYTES];
	const char *why = NULL;
	assert_int_equal(rr_password_check("short", &why), RR_EINVAL);
	assert_non_null(why);
	assert_int_equal(rr_password_check(pw, &why), RR_OK);
	assert_int_equal(rr_password_hash(pw, hash, sizeof hash), RR_OK);
	assert_true(strncmp(hash, "$argon2id$", 10) == 0);
	assert_true(rr_password_verify(hash, pw));
	assert_false(rr_password_verify(hash, "correct horse battery!"));
	assert_false(rr_password_verify("garbage", pw));
}

static void login_session_logout(void **state)
{
	fx *f = *state;
	char t1[RR_TOKEN_LEN + 1], t2[RR_TOKEN_LEN + 1];
	rr_principal p;
	rr_viewer v;
	long long now = 1700000000;

	assert_int_equal(rr_login(f->s, "anna", pw, "127.0.0.1", now, t1), RR_OK);
	assert_int_equal(strlen(t1), RR_TOKEN_LEN);
	assert_int_equal(rr_session_principal(f->s, t1, now + 10, &p), RR_OK);
	assert_string_equal(p.name, "anna");
	assert_true(rr_can(&p, "gm0034", RR_CAP_EDIT));
	assert_true(rr_can(&p, "gm0034", RR_CAP_READ));
	assert_false(rr_can(&p, "gm0034", RR_CAP_DECIDE));
	assert_false(rr_can(&p, "pv26", RR_CAP_EDIT)); /* another body */
	assert_false(rr_can(NULL, "gm0034", RR_CAP_READ));
	v = rr_principal_viewer(&p);
	assert_int_equal(v.norgs, 1);
	assert_string_equal(v.orgs[0], "gm0034");
	assert_true(rr_csrf_ok(&p, p.csrf));
	assert_false(rr_csrf_ok(&p, "x"));
	assert_false(rr_csrf_ok(&p, NULL));
	rr_principal_free(&p);
	/* a second login gives a new token: a planted token is never adopted */
	assert_int_equal(rr_login(f->s, "anna", pw, "127.0.0.1", now, t2), RR_OK);
	assert_string_not_equal(t1, t2);
	assert_int_equal(rr_logout(f->s, t1), RR_OK);
	assert_int_equal(rr_session_principal(f->s, t1, now + 20, &p), RR_ENOTFOUND);
	assert_int_equal(rr_session_principal(f->s, "not-a-token", now, &p), RR_ENOTFOUND);
	/* idle and absolute expiry */
	assert_int_equal(rr_session_principal(f->s, t2, now + RR_SESSION_IDLE + 5, &p), RR_ENOTFOUND);
	assert_int_equal(rr_login(f->s, "anna", pw, "127.0.0.1", now, t2), RR_OK);
	for (long long t = now; t < now + RR_SESSION_MAX - 60; t += RR_SESSION_IDLE / 2) {
		assert_int_equal(rr_session_principal(f->s, t2, t, &p), RR_OK);
		rr_principal_free(&p);
	}
	assert_int_equal(rr_session_principal(f->s, t2, now + RR_SESSION_MAX + 1, &p), RR_ENOTFOUND);
}

static void wrong_and_throttled(void **state)
{
	fx *f = *state;
	char t[RR_TOKEN_LEN + 1];
	long long now = 1700000000;
	assert_int_equal(rr_login(f->s, "nobody", pw, "10.0.0.1", now, t), RR_EPERM);
	assert_string_equal(t, "");
	for (int i = 0; i < RR_LOGIN_MAX_PER_USER; i++)
		assert_int_equal(rr_login(f->s, "anna", "wrong password!", "10.0.0.2", now, t), RR_EPERM);
	/* now even the right password is refused for a while */
	assert_int_equal(rr_login(f->s, "anna", pw, "10.0.0.3", now + 1, t), RR_ETOOBIG);
	assert_int_equal(rr_login(f->s, "anna", pw, "10.0.0.3", now + RR_LOGIN_WINDOW + 2, t), RR_OK);
}

static void disabled_account(void **state)
{
	fx *f = *state;
	char t[RR_TOKEN_LEN + 1];
	rr_principal p;
	long long now = 1700000000;
	assert_int_equal(rr_login(f->s, "anna", pw, "127.0.0.1", now, t), RR_OK);
	assert_int_equal(rr_store_user_set_disabled(f->s, "anna", 1), RR_OK);
	assert_int_equal(rr_session_principal(f->s, t, now + 1, &p), RR_ENOTFOUND);
	assert_int_equal(rr_login(f->s, "anna", pw, "127.0.0.1", now + 2, t), RR_EPERM);
}

static void audit_log(void **state)
{
	fx *f = *state;
	rr_diag d = {0};
	json_t *raw, *norm, *log = NULL;
	const char *v1 = "{\"organisations\":[{\"id\":\"gm0034\",\"name\":\"Almere\"}],\"trips\":[{"
			 "\"id\":\"t1\",\"organisation\":\"gm0034\",\"title\":\"Eerst\",\"direction\":"
			 "\"out\",\"status\":\"draft\"}]}";
	const char *v2 = "{\"trips\":[{\"id\":\"t1\",\"organisation\":\"gm0034\",\"title\":\"Daarna\","
			 "\"direction\":\"out\",\"status\":\"requested\"}]}";
	for (int i = 0; i < 3; i++) { /* v1, v2, v2 again (unchanged: no entry) */
		const char *txt = i == 0 ? v1 : v2;
		rr_store_set_actor(f->s, i == 0 ? "cli:load" : "user:anna");
		assert_int_equal(rr_doc_parse(txt, strlen(txt), "t", &raw, &d), RR_OK);
		assert_int_equal(rr_doc_normalise(raw, "t", &norm, &d), RR_OK);
		assert_int_equal(rr_load_document(f->s, norm, NULL, &d), RR_OK);
		json_decref(raw);
		json_decref(norm);
	}
	assert_int_equal(rr_store_audit(f->s, RR_K_TRIP, "t1", &log), RR_OK);
	assert_int_equal(json_array_size(log), 2);
	json_t *a = json_array_get(log, 0), *b = json_array_get(log, 1);
	assert_string_equal(json_string_value(json_object_get(a, "action")), "create");
	assert_string_equal(json_string_value(json_object_get(a, "actor")), "cli:load");
	assert_true(json_is_null(json_object_get(a, "before")));
	assert_string_equal(json_string_value(json_object_get(b, "action")), "update");
	assert_string_equal(json_string_value(json_object_get(b, "actor")), "user:anna");
	assert_string_equal(json_string_value(json_object_get(json_object_get(b, "before"), "title")), "Eerst");
	assert_string_equal(json_string_value(json_object_get(json_object_get(b, "after"), "title")), "Daarna");
	json_decref(log);
	/* deletes are logged; the log itself cannot be changed */
	assert_int_equal(rr_store_begin(f->s), RR_OK);
	assert_int_equal(rr_store_delete(f->s, RR_K_TRIP, "t1"), RR_OK);
	assert_int_equal(rr_store_commit(f->s), RR_OK);
	assert_int_equal(rr_store_audit(f->s, RR_K_TRIP, "t1", &log), RR_OK);
	assert_int_equal(json_array_size(log), 3);
	assert_true(json_is_null(json_object_get(json_array_get(log, 2), "after")));
	json_decref(log);
	assert_int_not_equal(rr_test_db_sql(f, "UPDATE audit SET actor = 'x'",
					    "UPDATE audit SET actor = 'x'"), 0);
	assert_int_not_equal(rr_test_db_sql(f, "DELETE FROM audit", "DELETE FROM audit"), 0);
	assert_int_not_equal(rr_test_db_sql(f, "DELETE FROM audit", "TRUNCATE audit"), 0);
	rr_diag_free(&d);
}

static void roles(void **state)
{
	(void)state;
	assert_true(rr_role_caps("secretaris") & RR_CAP_DECIDE);
	assert_false(rr_role_caps("secretaris") & RR_CAP_EDIT);
	assert_true(rr_role_caps("beheerder") & RR_CAP_ADMIN);
	assert_false(rr_role_caps("lezer") & RR_CAP_EDIT);
	assert_int_equal(rr_role_caps("koning"), 0);
	assert_int_equal(rr_role_caps(NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(passwords),
		cmocka_unit_test_setup_teardown(login_session_logout, setup, teardown),
		cmocka_unit_test_setup_teardown(wrong_and_throttled, setup, teardown),
		cmocka_unit_test_setup_teardown(disabled_account, setup, teardown),
		cmocka_unit_test_setup_teardown(audit_log, setup, teardown),
		cmocka_unit_test(roles),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
