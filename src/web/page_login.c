/* page_login.c - signing in and out (/inloggen, /uitloggen).
 *
 * The login form carries no CSRF token (there is no session yet); the
 * server checks its Origin instead (routes.h: RR_POST_LOGIN). A login
 * always gets a new session token from rr_login; a session cookie the
 * browser had before is ended, never reused (no session fixation). One
 * message for a wrong name, a wrong password and a disabled account. */
#include <string.h>
#include <time.h>

#include "store/auth_store.h"
#include "web/adminkit.h"

static const layout_crumb crumbs[] = {{"Home", "/"}, {"Inloggen", NULL}};

static rr_err login_form(rr_req *r, rr_resp *o, int status, const char *msg)
{
	html h;
	const char *name = ak_val(r, "naam");

	pk_begin(&h, o, "Inloggen", crumbs, 2, NULL);
	layout_h1(&h, "Inloggen");
	if (r->principal) {
		html_open_c(&h, "p", "utrecht-paragraph");
		html_textf(&h, "U bent ingelogd als %s. ", r->principal->name);
		layout_link(&h, "/beheer", "Naar het beheer");
		html_close(&h, "p");
	}
	layout_paragraph(&h, "Voor medewerkers die reizen, besluiten, verslagen en geschenken "
			 "vastleggen. Het openbare register is zonder inloggen te lezen.");
	if (msg) {
		html_open_c(&h, "div", "utrecht-alert utrecht-alert--error rr-errors");
		html_attr(&h, "role", "alert");
		layout_paragraph(&h, msg);
		html_close(&h, "div");
	}
	html_open_c(&h, "form", "rr-form");
	html_attr(&h, "method", "post");
	html_attr(&h, "action", "/inloggen");
	{
		ak_form f = {.h = &h, .r = r, .d = NULL};
		ak_input(&f, "text", "naam", "Gebruikersnaam", name, NULL);
		ak_input(&f, "password", "wachtwoord", "Wachtwoord", NULL, NULL);
		ak_submit(&f, "Inloggen");
	}
	html_close(&h, "form");
	o->status = status;
	return pk_end(&h, o);
}

rr_err page_login(rr_req *r, rr_resp *o)
{
	return login_form(r, o, 200, NULL); /* public: no capability needed */
}

rr_err login_post(rr_req *r, rr_resp *o)
{
	char token[RR_TOKEN_LEN + 1];
	const char *name = ak_val(r, "naam"), *pw = r->form ? rr_form_get(r->form, "wachtwoord") : NULL;
	rr_err e;

	/* public: the Origin was checked by the server */
	if (!name || !pw || strlen(name) > 100 || strlen(pw) > 1000)
		return login_form(r, o, 422, "Vul uw gebruikersnaam en wachtwoord in.");
	e = rr_login(r->store, name, pw, r->client_addr, (long long)time(NULL), token);
	if (e == RR_ETOOBIG) {
		html h;
		pk_begin(&h, o, "Te veel pogingen", crumbs, 2, NULL);
		layout_h1(&h, "Te veel pogingen");
		layout_paragraph(&h, "Er is te vaak een verkeerd wachtwoord gegeven. Probeer het over "
				 "een kwartier opnieuw, of vraag de beheerder om hulp.");
		o->status = 429;
		return pk_end(&h, o);
	}
	if (e == RR_EPERM)
		return login_form(r, o, 401, "Deze combinatie van gebruikersnaam en wachtwoord is niet "
				  "bekend, of het account is uitgeschakeld.");
	if (e)
		return e;
	if (r->session_token) /* never keep a session from before the login */
		rr_logout(r->store, r->session_token);
	o->set_session = true;
	snprintf(o->session, sizeof o->session, "%s", token);
	rr_resp_redirect(o, "/beheer");
	return RR_OK;
}

rr_err logout_post(rr_req *r, rr_resp *o)
{
	if (!r->principal) /* the server already refused this; say it twice */
		return ak_forbidden(o);
	if (r->session_token)
		rr_logout(r->store, r->session_token);
	o->set_session = true;
	o->session[0] = '\0';
	rr_resp_redirect(o, "/");
	return RR_OK;
}
