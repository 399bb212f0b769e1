/* routes.c - the declarative route table and its matcher (routes.h). */
#include "web/routes.h"

#include <stdio.h>
#include <string.h>

#include "web/pages.h"

/* The fifth column lists the query parameters a route reads (rr_req_param
 * answers no others, and only these make up the cache key); the sixth
 * marks routes whose uncached answers may be slow (RR_HEAVY). */
/* Order matters only where a literal and a parameter share a position:
 * literals come first ("/o/{code}/feed.atom" before "/o/{code}/{year}"). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers" /* no params, not heavy */
static const rr_route table[] = {
	{"/", page_home, RR_CT_HTML, RR_GET},
	{"/o/{code}", page_org, RR_CT_HTML, RR_GET, NULL, RR_HEAVY},
	{"/o/{code}/feed.atom", feed_org, RR_CT_ATOM, RR_GET},
	{"/o/{code}/geschenken", page_gifts, RR_CT_HTML, RR_GET, "year jaar", 0},
	{"/o/{code}/te-laat", page_overdue, RR_CT_HTML, RR_GET},
	{"/o/{code}/{year}", page_org_year, RR_CT_HTML, RR_GET},
	{"/reizen/{id}", page_trip, RR_CT_HTML, RR_GET},
	{"/personen/{id}", page_person, RR_CT_HTML, RR_GET},
	{"/landen/{country}", page_country, RR_CT_HTML, RR_GET, NULL, RR_HEAVY},
	{"/zoeken", page_search, RR_CT_HTML, RR_GET, "q organisation year country person kind direction third_party", RR_HEAVY},
	{"/zoeken.atom", feed_search, RR_CT_ATOM, RR_GET, "q organisation year country person kind direction third_party", RR_HEAVY},
	{"/search.atom", feed_search, RR_CT_ATOM, RR_GET, "q organisation year country person kind direction third_party", RR_HEAVY},
	{"/documenten/{id}", page_document, RR_CT_HTML, RR_GET},
	{"/documenten/{id}/{kind}", page_document_file, RR_CT_HTML, RR_GET},
	{"/resultaten/{id}", page_result, RR_CT_HTML, RR_GET},
	{"/partnerschappen/{id}", page_partnership, RR_CT_HTML, RR_GET, "slapend_na", RR_HEAVY},
	/* the first, English addresses: 301 to the Dutch ones (page_moved.c),
	 * their query kept */
	{"/trips/{id}", page_moved, RR_CT_HTML, RR_GET},
	{"/people/{id}", page_moved, RR_CT_HTML, RR_GET},
	{"/countries/{country}", page_moved, RR_CT_HTML, RR_GET},
	{"/search", page_moved, RR_CT_HTML, RR_GET, "q organisation year country person kind direction third_party", 0},
	{"/partnerships/{id}", page_moved, RR_CT_HTML, RR_GET, "slapend_na", 0},
	{"/toegankelijkheid", page_accessibility, RR_CT_HTML, RR_GET},
	{"/open-data", page_open_data, RR_CT_HTML, RR_GET},
	{"/api/openapi.json", api_openapi, RR_CT_JSON, RR_GET},
	/* Woo publication and the open-data catalogue (woo.c, catalogue.c) */
	{"/robots.txt", woo_robots, RR_CT_TEXT, RR_GET, NULL, RR_HEAVY},
	{"/sitemapindex-diwoo-infocat006.xml", woo_sitemapindex, RR_CT_XML, RR_GET, NULL, RR_HEAVY},
	{"/sitemapindex-diwoo-infocat015.xml", woo_sitemapindex, RR_CT_XML, RR_GET, NULL, RR_HEAVY},
	{"/sitemapindex-diwoo-infocat018.xml", woo_sitemapindex, RR_CT_XML, RR_GET, NULL, RR_HEAVY},
	{"/woo/sitemaps/{id}", woo_sitemap, RR_CT_XML, RR_GET, NULL, RR_HEAVY},
	{"/woo/documenten/{id}", woo_document, RR_CT_XML, RR_GET},
	{"/catalogus", catalogue_jsonld, RR_CT_JSON, RR_GET, NULL, RR_HEAVY},
	{"/catalogus.rdf", catalogue_rdf, RR_CT_XML, RR_GET, NULL, RR_HEAVY},
	{"/api/v1/trips", api_trips, RR_CT_JSON, RR_GET, "q organisation year country person kind direction third_party limit offset", RR_HEAVY},
	{"/api/v1/trips.csv", api_trips_csv, RR_CT_CSV, RR_GET, "q organisation year country person kind direction third_party limit offset", RR_HEAVY},
	{"/api/v1/trips.xlsx", api_trips_xlsx, RR_CT_XLSX, RR_GET, "q organisation year country person kind direction third_party limit offset", RR_HEAVY},
	{"/api/v1/totals", api_totals, RR_CT_JSON, RR_GET, "organisation year", RR_HEAVY},
	{"/api/v1/documents/{id}", api_document, RR_CT_JSON, RR_GET},
	{"/api/v1/trips/{id}", api_trip, RR_CT_JSON, RR_GET},
	{"/api/v1/trips/{id}/co2", api_trip_co2, RR_CT_JSON, RR_GET},
	{"/api/v1/organisations", api_organisations, RR_CT_JSON, RR_GET, "organisation", 0},
	{"/api/v1/partnerships", api_partnerships, RR_CT_JSON, RR_GET, "organisation", 0},
	{"/api/v1/search", api_search, RR_CT_JSON, RR_GET, "q organisation year country person kind direction third_party limit offset", RR_HEAVY},
	{"/vergelijking", page_compare, RR_CT_HTML, RR_GET, "van tot jaar", RR_HEAVY},
	{"/api/v1/partnerships/{id}/evaluation", api_partnership_evaluation, RR_CT_JSON, RR_GET, "slapend_na", RR_HEAVY},
	{"/api/v1/partnerships/{id}/evaluation.csv", api_partnership_evaluation_csv, RR_CT_CSV, RR_GET, "slapend_na", RR_HEAVY},
	{"/api/v1/compare", api_compare, RR_CT_JSON, RR_GET, "from to year", RR_HEAVY},
	{"/api/v1/gifts", api_gifts, RR_CT_JSON, RR_GET, "year jaar organisation", 0},
	{"/api/v1/gifts.csv", api_gifts_csv, RR_CT_CSV, RR_GET, "year jaar organisation", 0},
	{"/api/v1/overdue", api_overdue, RR_CT_JSON, RR_GET, "organisation", 0},
	/* signed in: sessions, forms (page_login.c, page_admin.c, page_trip_edit.c,
	 * page_trip_action.c, page_trip_fields.c, page_gift_edit.c, page_audit.c) */
	{"/inloggen", page_login, RR_CT_HTML, RR_GET},
	{"/inloggen", login_post, RR_CT_HTML, RR_POST_LOGIN},
	{"/uitloggen", logout_post, RR_CT_HTML, RR_POST},
	{"/beheer", page_admin, RR_CT_HTML, RR_GET, "organisation melding", 0},
	{"/beheer/reizen/nieuw", page_trip_new, RR_CT_HTML, RR_GET, "organisation melding", 0},
	{"/beheer/reizen/nieuw", trip_create, RR_CT_HTML, RR_POST, "organisation", 0},
	{"/beheer/reizen/{id}", page_trip_edit, RR_CT_HTML, RR_GET, "melding", 0},
	{"/beheer/reizen/{id}/bewerken", page_trip_fields, RR_CT_HTML, RR_GET, "melding", 0},
	{"/beheer/reizen/{id}/bewerken", trip_fields_save, RR_CT_HTML, RR_POST},
	{"/beheer/reizen/{id}/aanvragen", trip_action, RR_CT_HTML, RR_POST},
	{"/beheer/reizen/{id}/afstemming", trip_action, RR_CT_HTML, RR_POST},
	{"/beheer/reizen/{id}/besluit", trip_action, RR_CT_HTML, RR_POST},
	{"/beheer/reizen/{id}/uitgevoerd", trip_action, RR_CT_HTML, RR_POST},
	{"/beheer/reizen/{id}/geannuleerd", trip_action, RR_CT_HTML, RR_POST},
	{"/beheer/reizen/{id}/verslag", trip_action, RR_CT_HTML, RR_POST},
	{"/beheer/reizen/{id}/publiceren", trip_action, RR_CT_HTML, RR_POST},
	{"/beheer/reizen/{id}/depubliceren", trip_action, RR_CT_HTML, RR_POST},
	{"/beheer/reizen/{id}/verwijderen", trip_delete, RR_CT_HTML, RR_POST},
	{"/beheer/geschenken/nieuw", page_gift_new, RR_CT_HTML, RR_GET, "organisation melding", 0},
	{"/beheer/geschenken/nieuw", gift_create, RR_CT_HTML, RR_POST, "organisation", 0},
	{"/beheer/geschenken/{id}", page_gift_edit, RR_CT_HTML, RR_GET, "melding", 0},
	{"/beheer/geschenken/{id}", gift_save, RR_CT_HTML, RR_POST},
	{"/beheer/geschenken/{id}/verwijderen", gift_delete, RR_CT_HTML, RR_POST},
	{"/beheer/audit/{kind}/{id}", page_audit, RR_CT_HTML, RR_GET, "melding", 0},
	/* page_partnership_edit.c, page_result_edit.c, page_budget_edit.c */
	{"/beheer/partnerschappen/nieuw", page_partnership_new, RR_CT_HTML, RR_GET, "organisation melding", 0},
	{"/beheer/partnerschappen/nieuw", partnership_create, RR_CT_HTML, RR_POST, "organisation", 0},
	{"/beheer/partnerschappen/{id}", page_partnership_edit, RR_CT_HTML, RR_GET, "melding", 0},
	{"/beheer/partnerschappen/{id}", partnership_save, RR_CT_HTML, RR_POST},
	{"/beheer/partnerschappen/{id}/gebeurtenis", partnership_event_add, RR_CT_HTML, RR_POST},
	{"/beheer/partnerschappen/{id}/gebeurtenis-weg", partnership_event_remove, RR_CT_HTML, RR_POST},
	{"/beheer/resultaten/nieuw", page_result_new, RR_CT_HTML, RR_GET, "organisation trip partnership melding", 0},
	{"/beheer/resultaten/nieuw", result_create, RR_CT_HTML, RR_POST, "organisation", 0},
	{"/beheer/resultaten/{id}", page_result_edit, RR_CT_HTML, RR_GET, "melding", 0},
	{"/beheer/resultaten/{id}", result_save, RR_CT_HTML, RR_POST},
	{"/beheer/resultaten/{id}/vervolg", result_follow_up, RR_CT_HTML, RR_POST},
	{"/beheer/resultaten/{id}/vervolg-weg", result_follow_up_remove, RR_CT_HTML, RR_POST},
	{"/beheer/organisaties/{code}/budget", page_budget_edit, RR_CT_HTML, RR_GET, "melding", 0},
	{"/beheer/organisaties/{code}/budget", budget_save, RR_CT_HTML, RR_POST},
	/* page_users.c: users of a body, invitations */
	{"/beheer/organisaties/{code}/gebruikers", page_users, RR_CT_HTML, RR_GET, "naam code melding", 0},
	{"/beheer/organisaties/{code}/gebruikers", users_post, RR_CT_HTML, RR_POST},
	{"/uitnodiging", page_invite, RR_CT_HTML, RR_GET, "naam code", 0},
	{"/uitnodiging", invite_post, RR_CT_HTML, RR_POST_LOGIN},
};
#pragma GCC diagnostic pop

const rr_route *rr_routes(size_t *n)
{
	*n = sizeof table / sizeof table[0];
	return table;
}

static bool id_ok(const char *v)
{
	size_t n = strlen(v);

	if (n == 0 || n > 100 || !((v[0] >= 'a' && v[0] <= 'z') || (v[0] >= '0' && v[0] <= '9')))
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = v[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
		      c == '_' || c == '-'))
			return false;
	}
	return true;
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool rr_route_param_ok(const char *name, const char *v)
{
	if (!strcmp(name, "year"))
		return strlen(v) == 4 && strspn(v, "0123456789") == 4 && v[0] != '0';
	if (!strcmp(name, "country"))
		return strlen(v) == 2 && is_alpha(v[0]) && is_alpha(v[1]);
	return id_ok(v); /* code, id, kind */
}

/* Does pattern have the shape of segs? Fills caps; *bad names the first
 * parameter that fails validation (the shape still counts as a fit). */
static bool fits(const char *pattern, rr_req *r, const char **bad)
{
	const char *p = pattern;
	size_t i = 0;

	r->ncaps = 0;
	*bad = NULL;
	while (*p == '/')
		p++;
	while (*p) {
		const char *end = strchr(p, '/');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *seg;

		if (i >= r->t.nsegs)
			return false;
		seg = r->t.segs[i++];
		if (p[0] == '{' && len > 2 && p[len - 1] == '}') {
			/* the known parameter names, as static strings */
			static const char *const names[] = {"code", "id", "year", "country",
							    "kind"};
			const char *name = NULL;

			for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
				if (strlen(names[k]) == len - 2 && !strncmp(names[k], p + 1, len - 2))
					name = names[k];
			if (!name || r->ncaps >= RR_CAPS_MAX)
				return false;
			r->cap_names[r->ncaps] = name;
			r->caps[r->ncaps++] = seg;
			if (!*bad && !rr_route_param_ok(name, seg))
				*bad = name;
		} else if (strlen(seg) != len || strncmp(seg, p, len)) {
			return false;
		}
		p += len;
		while (*p == '/')
			p++;
	}
	return i == r->t.nsegs;
}

static rr_method method_of(const rr_req *r)
{
	if (r->method && !strcmp(r->method, "POST"))
		return RR_POST;
	return RR_GET;
}

/* RR_POST_LOGIN answers POST like RR_POST; the server tells them apart. */
static bool method_fits(const rr_route *route, rr_method m)
{
	return m == RR_POST ? route->method != RR_GET : route->method == RR_GET;
}

rr_match_result rr_route_match(rr_req *r, const rr_route **route, const char **bad_name)
{
	const rr_route *bad_route = NULL;
	const char *bad_param = NULL;
	rr_method m = method_of(r);
	bool other_method = false;

	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		const char *bad;

		if (!fits(table[i].pattern, r, &bad))
			continue;
		if (!method_fits(&table[i], m)) {
			other_method = true;
			continue;
		}
		if (!bad) {
			*route = &table[i];
			return RR_MATCH_OK;
		}
		if (!bad_route) {
			bad_route = &table[i];
			bad_param = bad;
		}
	}
	r->ncaps = 0;
	if (bad_route) {
		*route = bad_route;
		*bad_name = bad_param;
		return RR_MATCH_BAD_PARAM;
	}
	return other_method ? RR_MATCH_METHOD : RR_MATCH_NONE;
}

bool rr_route_declares(const rr_route *route, const char *key)
{
	const char *p = route ? route->params : NULL;
	size_t kl = strlen(key);

	while (p && *p) {
		size_t n = strcspn(p, " ");
		if (n == kl && !strncmp(p, key, n))
			return true;
		p += n;
		while (*p == ' ')
			p++;
	}
	return false;
}

/* Appends s percent-encoded (all but [A-Za-z0-9._~-]) at out+*len. */
static bool put_enc(char *out, size_t n, size_t *len, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			     (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '~' || c == '-';

		if (*len + 4 > n)
			return false;
		if (plain) {
			out[(*len)++] = (char)c;
		} else {
			out[(*len)++] = '%';
			out[(*len)++] = hex[c >> 4];
			out[(*len)++] = hex[c & 15];
		}
	}
	out[*len] = '\0';
	return true;
}

static bool put_raw(char *out, size_t n, size_t *len, const char *s)
{
	size_t l = strlen(s);

	if (*len + l + 1 > n)
		return false;
	memcpy(out + *len, s, l + 1);
	*len += l;
	return true;
}

bool rr_route_cache_key(const rr_req *r, const rr_route *route, char *out, size_t n)
{
	const char *p = route->params;
	size_t len = 0;
	char sep = '?';

	if (!put_raw(out, n, &len, "anon "))
		return false;
	if (r->t.nsegs == 0 && !put_raw(out, n, &len, "/"))
		return false;
	for (size_t i = 0; i < r->t.nsegs; i++)
		if (!put_raw(out, n, &len, "/") || !put_enc(out, n, &len, r->t.segs[i]))
			return false;
	while (p && *p) {
		size_t kl = strcspn(p, " ");
		char key[64];
		const char *v;

		if (kl >= sizeof key)
			return false;
		memcpy(key, p, kl);
		key[kl] = '\0';
		if ((v = rr_target_param(&r->t, key))) {
			char kv[2] = {sep, '\0'};
			if (!put_raw(out, n, &len, kv) || !put_raw(out, n, &len, key) ||
			    !put_raw(out, n, &len, "=") || !put_enc(out, n, &len, v))
				return false;
			sep = '&';
		}
		p += kl;
		while (*p == ' ')
			p++;
	}
	return true;
}
