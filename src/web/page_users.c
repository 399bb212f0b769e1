/* page_users.c - the users of a body, for its beheerder
 * (/beheer/organisaties/{code}/gebruikers): who has which role, invite a
 * new user (a one-time link, auth/invite.h), grant and withdraw roles of
 * this body, disable and enable an account (only one whose roles are all of
 * bodies this beheerder manages; never one's own). The invitee chooses a
 * password at /uitnodiging. The command line (`reisregister user`) stays. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "auth/invite.h"
#include "model/record.h"
#include "store/auth_store.h"
#include "web/adminkit.h"

static const char *const role_values[] = {"redacteur", "secretaris", "lezer", "beheerder", NULL};
static const char *const role_labels[] = {"redacteur (reizen, geschenken, verslagen, publiceren)",
	"secretaris (afstemming en besluiten)", "lezer (niet-openbare gegevens lezen)",
	"beheerder (gebruikers en instellingen)", NULL};

/* Does user u hold a role of org? */
static bool has_role_of(const json_t *u, const char *org)
{
	const json_t *g;
	size_t i;

	json_array_foreach(json_object_get(u, "grants"), i, g)
		if (rr_rec_str(g, "organisation") && !strcmp(rr_rec_str(g, "organisation"), org))
			return true;
	return false;
}

/* May r's beheerder disable u: every role of u is of a body r manages. */
static bool may_disable(const rr_req *r, const json_t *u)
{
	const json_t *g;
	size_t i;

	if (!strcmp(rr_rec_str(u, "name") ? rr_rec_str(u, "name") : "", r->principal->name))
		return false;
	json_array_foreach(json_object_get(u, "grants"), i, g)
		if (!rr_can(r->principal, rr_rec_str(g, "organisation"), RR_CAP_ADMIN))
			return false;
	return true;
}

static void small_form(html *h, rr_req *r, const char *action, const char *what,
		       const char *name, const char *role, const char *label)
{
	ak_form f;

	ak_form_begin(&f, h, r, NULL, action, NULL);
	ak_hidden(&f, "actie", what);
	ak_hidden(&f, "naam", name);
	if (role)
		ak_hidden(&f, "rol", role);
	html_open_c(h, "button", "utrecht-button utrecht-button--secondary-action");
	html_attr(h, "type", "submit");
	html_text(h, label);
	html_close(h, "button");
	ak_form_end(&f);
}

static rr_err users_page(rr_req *r, rr_resp *o, const char *org, const rr_diag *d,
			 const char *link_name, const char *token, int status)
{
	static const char *const heads[] = {"Gebruiker", "Rollen bij dit orgaan", "Account",
		"Wijzigen"};
	json_t *users = NULL, *orec = NULL;
	const json_t *u, *g;
	char action[200], title[300], tt[320];
	const char *name = ak_org_name(r->store, org, &orec);
	ak_form f;
	size_t i, j;
	html h;

	snprintf(action, sizeof action, "/beheer/organisaties/%s/gebruikers", org);
	snprintf(title, sizeof title, "Gebruikers van %s", name);
	layout_crumb crumbs[] = {{"Home", "/"}, {"Beheer", "/beheer"}, {"Gebruikers", NULL}};
	pk_begin(&h, o, ak_title(tt, sizeof tt, title, d), crumbs, 3, NULL);
	ak_errors(&h, d);
	ak_flash(&h, r);
	layout_h1(&h, title);
	if (token) {
		html_open_c(&h, "div", "utrecht-alert utrecht-alert--ok rr-flash");
		html_attr(&h, "role", "status");
		html_open_c(&h, "p", "utrecht-paragraph");
		html_textf(&h, "Uitnodiging voor %s gemaakt. Stuur deze link aan de nieuwe gebruiker; "
			   "hij is %d dagen geldig en wordt hier niet nog eens getoond:", link_name,
			   RR_INVITE_DAYS);
		html_close(&h, "p");
		html_open_c(&h, "p", "utrecht-paragraph rr-invite-link");
		html_open(&h, "code");
		html_text(&h, "/uitnodiging?naam=");
		html_urlpart(&h, link_name);
		html_text(&h, "&code=");
		html_text(&h, token);
		html_close(&h, "code");
		html_close(&h, "p");
		html_close(&h, "div");
	}
	if (rr_store_users(r->store, &users) == RR_OK) {
		layout_table_begin(&h, "Gebruikers met een rol bij dit orgaan", heads, NULL, 4);
		json_array_foreach(users, i, u) {
			const char *un = rr_rec_str(u, "name");
			json_t *full = NULL;
			const char *hash = NULL;
			bool disabled = json_is_true(json_object_get(u, "disabled"));

			if (!un || !has_role_of(u, org))
				continue;
			if (rr_store_user_get(r->store, un, &full) == RR_OK)
				hash = rr_rec_str(full, "password_hash");
			layout_row_begin(&h);
			layout_cell(&h, un, 0);
			html_open_c(&h, "td", "utrecht-table__cell");
			json_array_foreach(json_object_get(u, "grants"), j, g) {
				const char *ro = rr_rec_str(g, "role"), *go = rr_rec_str(g, "organisation");
				char label[120];
				if (!go || strcmp(go, org) || !ro)
					continue;
				html_open_c(&h, "div", "rr-role");
				html_text(&h, ro);
				snprintf(label, sizeof label, "Rol %s van %s intrekken", ro, un);
				small_form(&h, r, action, "rol-intrekken", un, ro, label);
				html_close(&h, "div");
			}
			html_close(&h, "td");
			layout_cell(&h, disabled ? "uitgeschakeld" : hash && !strncmp(hash, "invite$", 7) ?
				    "uitgenodigd, nog geen wachtwoord" : "actief", 0);
			html_open_c(&h, "td", "utrecht-table__cell");
			if (may_disable(r, u)) {
				char label[120];
				snprintf(label, sizeof label, "%s %s", disabled ? "Inschakelen:" :
					 "Uitschakelen:", un);
				small_form(&h, r, action, disabled ? "inschakelen" : "uitschakelen", un,
					   NULL, label);
			}
			html_close(&h, "td");
			layout_row_end(&h);
			json_decref(full);
		}
		layout_table_end(&h);
	}
	layout_h2(&h, "Iemand uitnodigen");
	ak_form_begin(&f, &h, r, d, action, NULL);
	ak_hidden(&f, "actie", "uitnodigen");
	ak_input(&f, "text", "nieuwe_naam", "Gebruikersnaam",
		 ak_val(r, "actie") && !strcmp(ak_val(r, "actie"), "uitnodigen") ?
		 ak_val(r, "nieuwe_naam") : NULL,
		 "Kleine letters, cijfers en . - _ @, zoals anna.devries of een e-mailadres");
	ak_select(&f, "nieuwe_rol", "Rol", role_values, role_labels, ak_val(r, "nieuwe_rol"), NULL,
		  NULL);
	ak_submit(&f, "Uitnodiging maken");
	ak_form_end(&f);
	layout_h2(&h, "Een bestaande gebruiker een rol geven");
	ak_form_begin(&f, &h, r, d, action, NULL);
	ak_hidden(&f, "actie", "rol-geven");
	ak_input(&f, "text", "gebruiker", "Gebruikersnaam", NULL, "Een gebruiker die al bestaat");
	ak_select(&f, "rol_erbij", "Rol", role_values, role_labels, NULL, NULL, NULL);
	ak_submit(&f, "Rol geven");
	ak_form_end(&f);
	json_decref(users);
	json_decref(orec);
	o->status = status;
	return pk_end(&h, o);
}

rr_err page_users(rr_req *r, rr_resp *o)
{
	const char *org = rr_req_cap(r, "code");

	if (!rr_can(r->principal, org, RR_CAP_ADMIN))
		return r->principal ? ak_forbidden(o) : ak_need_login(o);
	return users_page(r, o, org, NULL, NULL, NULL, 200);
}

rr_err users_post(rr_req *r, rr_resp *o)
{
	const char *org = rr_req_cap(r, "code"), *act = ak_val(r, "actie");
	char path[200], token[RR_TOKEN_LEN + 1];
	rr_diag d = {0};
	json_t *u = NULL;
	const char *flash = NULL;
	rr_err e = RR_OK;

	if (!rr_can(r->principal, org, RR_CAP_ADMIN))
		return ak_forbidden(o);
	snprintf(path, sizeof path, "/beheer/organisaties/%s/gebruikers", org);
	if (act && !strcmp(act, "uitnodigen")) {
		const char *name = ak_val(r, "nieuwe_naam"), *role = ak_val(r, "nieuwe_rol");
		if (!name || !rr_user_name_ok(name))
			rr_diag_add_at(&d, "nieuwe_naam", "Kies een gebruikersnaam van 1 tot 60 tekens: "
				       "kleine letters, cijfers en . - _ @.");
		if (!role || !rr_role_valid(role))
			rr_diag_add_at(&d, "nieuwe_rol", "Kies een rol uit de lijst.");
		if (!d.n) {
			e = rr_invite_create(r->store, name, org, role, (long long)time(NULL), token);
			if (e == RR_ECONFLICT)
				rr_diag_add_at(&d, "nieuwe_naam", "Er is al een gebruiker '%.60s'. Geef die "
					       "een rol met het formulier hieronder.", name);
			else if (!e) {
				e = users_page(r, o, org, NULL, name, token, 200);
				sodium_memzero(token, sizeof token);
				goto out;
			}
		}
	} else if (act && (!strcmp(act, "rol-geven") || !strcmp(act, "rol-intrekken"))) {
		bool give = !strcmp(act, "rol-geven");
		const char *name = ak_val(r, give ? "gebruiker" : "naam");
		const char *role = ak_val(r, give ? "rol_erbij" : "rol");
		if (!name || rr_store_user_get(r->store, name, &u))
			rr_diag_add_at(&d, give ? "gebruiker" : "naam", "Er is geen gebruiker '%.60s'.",
				       name ? name : "");
		if (!role || !rr_role_valid(role))
			rr_diag_add_at(&d, give ? "rol_erbij" : "rol", "Kies een rol uit de lijst.");
		if (!give && name && !strcmp(name, r->principal->name) && role &&
		    !strcmp(role, "beheerder"))
			rr_diag_add(&d, "U kunt uw eigen rol van beheerder niet intrekken; vraag een "
				    "andere beheerder.");
		if (!d.n && !(e = give ? rr_store_user_grant(r->store, name, org, role) :
				rr_store_user_revoke(r->store, name, org, role)))
			flash = give ? "rol" : "rol-weg";
	} else if (act && (!strcmp(act, "uitschakelen") || !strcmp(act, "inschakelen"))) {
		const char *name = ak_val(r, "naam");
		bool off = !strcmp(act, "uitschakelen");
		if (!name || rr_store_user_get(r->store, name, &u))
			rr_diag_add(&d, "Er is geen gebruiker '%.60s'.", name ? name : "");
		else if (!has_role_of(u, org) || !may_disable(r, u))
			rr_diag_add(&d, "U kunt alleen accounts uitschakelen van gebruikers die alleen "
				    "rollen hebben bij organen die u beheert, en niet uw eigen account.");
		else if (!(e = rr_store_user_set_disabled(r->store, name, off)))
			flash = off ? "uitgeschakeld" : "ingeschakeld";
	} else {
		rr_diag_add(&d, "Onbekende handeling; laad de pagina opnieuw.");
	}
	if (flash) {
		ak_redirect(o, path, flash);
		goto out;
	}
	if (e && e != RR_EINVAL && e != RR_ECONFLICT && e != RR_ENOTFOUND)
		goto out;
	e = users_page(r, o, org, &d, NULL, NULL, 422);
out:
	json_decref(u);
	rr_diag_free(&d);
	return e;
}

static rr_err invite_page(rr_req *r, rr_resp *o, const char *name, const char *code,
			  const rr_diag *d, int status)
{
	static const layout_crumb crumbs[] = {{"Home", "/"}, {"Uitnodiging", NULL}};
	char tt[120];
	ak_form f;
	html h;

	pk_begin(&h, o, ak_title(tt, sizeof tt, "Uitnodiging", d), crumbs, 2, NULL);
	ak_errors(&h, d);
	layout_h1(&h, "Uw wachtwoord kiezen");
	if (!rr_invite_valid(r->store, name, code, (long long)time(NULL))) {
		layout_paragraph(&h, "Deze uitnodiging is niet (meer) geldig: de link is al gebruikt, "
				 "verlopen of niet compleet. Vraag de beheerder om een nieuwe.");
		o->status = 404;
		return pk_end(&h, o);
	}
	html_open_c(&h, "p", "utrecht-paragraph");
	html_textf(&h, "U bent uitgenodigd als %s. Kies een wachtwoord van minstens %d tekens.",
		   name, RR_PASSWORD_MIN);
	html_close(&h, "p");
	ak_form_begin(&f, &h, r, d, "/uitnodiging", NULL);
	ak_hidden(&f, "naam", name);
	ak_hidden(&f, "code", code);
	ak_input(&f, "password", "wachtwoord", "Wachtwoord", NULL, "Minstens 10 tekens");
	ak_input(&f, "password", "herhaal", "Herhaal het wachtwoord", NULL, NULL);
	ak_submit(&f, "Wachtwoord instellen");
	ak_form_end(&f);
	o->status = status;
	return pk_end(&h, o);
}

rr_err page_invite(rr_req *r, rr_resp *o)
{
	/* public: the code in the link is the credential */
	return invite_page(r, o, rr_req_param(r, "naam"), rr_req_param(r, "code"), NULL, 200);
}

rr_err invite_post(rr_req *r, rr_resp *o)
{
	const char *name = ak_val(r, "naam"), *code = ak_val(r, "code");
	const char *pw = r->form ? rr_form_get(r->form, "wachtwoord") : NULL;
	const char *again = r->form ? rr_form_get(r->form, "herhaal") : NULL;
	const char *why = NULL;
	rr_diag d = {0};
	html h;
	rr_err e;

	/* public: the one-time code is checked before anything is written */
	if (!pw || !again || strcmp(pw, again))
		rr_diag_add_at(&d, "herhaal", "De twee wachtwoorden zijn niet gelijk.");
	if (!d.n) {
		e = rr_invite_accept(r->store, name, code, pw, (long long)time(NULL), &why);
		if (e == RR_EINVAL)
			rr_diag_add_at(&d, "wachtwoord", "Kies een wachtwoord van minstens %d en hoogstens "
				       "1000 tekens.", RR_PASSWORD_MIN);
		else if (e && e != RR_EPERM)
			return e;
		else if (!e) {
			static const layout_crumb crumbs[] = {{"Home", "/"}, {"Uitnodiging", NULL}};
			pk_begin(&h, o, "Wachtwoord ingesteld", crumbs, 2, NULL);
			layout_h1(&h, "Wachtwoord ingesteld");
			html_open_c(&h, "p", "utrecht-paragraph");
			html_text(&h, "Uw wachtwoord is ingesteld. U kunt nu ");
			layout_link(&h, "/inloggen", "inloggen");
			html_text(&h, ".");
			html_close(&h, "p");
			return pk_end(&h, o);
		}
	}
	(void)why;
	e = invite_page(r, o, name, code, &d, 422);
	rr_diag_free(&d);
	return e;
}
