/* pages.h - the handlers of the public site and API, and the helpers the
 * page files share (pagekit.c). One source file per page family:
 *   page_home.c page_org.c page_trip.c page_people.c page_country.c
 *   page_search.c page_static.c api.c feed.c openapi.c
 * Every byte of HTML goes through the html writer (html.h); JSON through
 * jansson; Atom through feed_xml_escape. */
#ifndef RR_WEB_PAGES_H
#define RR_WEB_PAGES_H

#include <jansson.h>

#include "util/html.h"
#include "web/layout.h"
#include "web/server.h"

/* Handlers (routes.c lists them). */
rr_err page_home(rr_req *r, rr_resp *o);
rr_err page_org(rr_req *r, rr_resp *o);
rr_err page_org_year(rr_req *r, rr_resp *o);
rr_err page_trip(rr_req *r, rr_resp *o);
rr_err page_person(rr_req *r, rr_resp *o);
rr_err page_country(rr_req *r, rr_resp *o);
rr_err page_search(rr_req *r, rr_resp *o);
rr_err page_accessibility(rr_req *r, rr_resp *o);
rr_err page_open_data(rr_req *r, rr_resp *o);
rr_err api_trips(rr_req *r, rr_resp *o);
rr_err api_trip(rr_req *r, rr_resp *o);
rr_err api_trip_co2(rr_req *r, rr_resp *o);
rr_err api_trips_csv(rr_req *r, rr_resp *o);
rr_err api_organisations(rr_req *r, rr_resp *o);
rr_err api_partnerships(rr_req *r, rr_resp *o);
rr_err api_search(rr_req *r, rr_resp *o);
rr_err api_openapi(rr_req *r, rr_resp *o);
rr_err feed_org(rr_req *r, rr_resp *o);
rr_err feed_search(rr_req *r, rr_resp *o);
/* woo.c: Woo publication (robots.txt, DiWoo sitemaps, DiWoo metadata) */
rr_err woo_robots(rr_req *r, rr_resp *o);
rr_err woo_sitemapindex(rr_req *r, rr_resp *o);
rr_err woo_sitemap(rr_req *r, rr_resp *o);
rr_err woo_document(rr_req *r, rr_resp *o);
/* catalogue.c: the DCAT-AP-DONL catalogue */
rr_err catalogue_jsonld(rr_req *r, rr_resp *o);
rr_err catalogue_rdf(rr_req *r, rr_resp *o);
/* page_gifts.c */
rr_err page_gifts(rr_req *r, rr_resp *o);
rr_err api_gifts(rr_req *r, rr_resp *o);
rr_err api_gifts_csv(rr_req *r, rr_resp *o);
/* page_document.c, page_result.c, page_moved.c */
rr_err page_document(rr_req *r, rr_resp *o);
rr_err page_document_file(rr_req *r, rr_resp *o);
rr_err api_document(rr_req *r, rr_resp *o);
rr_err page_result(rr_req *r, rr_resp *o);
/* The old English addresses (/trips/{id}, /people/{id}, /countries/{cc},
 * /search, /partnerships/{id}): 301 to the Dutch one, query kept. */
rr_err page_moved(rr_req *r, rr_resp *o);
/* page_org.c: totals of a body's year; api.c: the spreadsheet */
rr_err api_totals(rr_req *r, rr_resp *o);
rr_err api_trips_xlsx(rr_req *r, rr_resp *o);
/* page_partnership.c */
rr_err page_partnership(rr_req *r, rr_resp *o);
rr_err page_compare(rr_req *r, rr_resp *o);
rr_err api_partnership_evaluation(rr_req *r, rr_resp *o);
rr_err api_partnership_evaluation_csv(rr_req *r, rr_resp *o);
rr_err api_compare(rr_req *r, rr_resp *o);

/* Signed-in work (every handler checks the capability on its first line):
 * page_login.c */
rr_err page_login(rr_req *r, rr_resp *o);
rr_err login_post(rr_req *r, rr_resp *o);
rr_err logout_post(rr_req *r, rr_resp *o);
/* page_admin.c: /beheer, the overdue lists */
rr_err page_admin(rr_req *r, rr_resp *o);
rr_err page_overdue(rr_req *r, rr_resp *o);
rr_err api_overdue(rr_req *r, rr_resp *o);
/* page_trip_edit.c, page_trip_action.c, page_trip_fields.c */
rr_err page_trip_new(rr_req *r, rr_resp *o);
rr_err trip_create(rr_req *r, rr_resp *o);
rr_err page_trip_edit(rr_req *r, rr_resp *o);
rr_err trip_action(rr_req *r, rr_resp *o);
rr_err trip_delete(rr_req *r, rr_resp *o);
/* page_trip_fields.c: correcting a trip's descriptive fields */
rr_err page_trip_fields(rr_req *r, rr_resp *o);
rr_err trip_fields_save(rr_req *r, rr_resp *o);
/* page_gift_edit.c */
rr_err page_gift_new(rr_req *r, rr_resp *o);
rr_err gift_create(rr_req *r, rr_resp *o);
rr_err page_gift_edit(rr_req *r, rr_resp *o);
rr_err gift_save(rr_req *r, rr_resp *o);
rr_err gift_delete(rr_req *r, rr_resp *o);
/* page_partnership_edit.c */
rr_err page_partnership_new(rr_req *r, rr_resp *o);
rr_err partnership_create(rr_req *r, rr_resp *o);
rr_err page_partnership_edit(rr_req *r, rr_resp *o);
rr_err partnership_save(rr_req *r, rr_resp *o);
rr_err partnership_event_add(rr_req *r, rr_resp *o);
rr_err partnership_event_remove(rr_req *r, rr_resp *o);
/* page_result_edit.c */
rr_err page_result_new(rr_req *r, rr_resp *o);
rr_err result_create(rr_req *r, rr_resp *o);
rr_err page_result_edit(rr_req *r, rr_resp *o);
rr_err result_save(rr_req *r, rr_resp *o);
rr_err result_follow_up(rr_req *r, rr_resp *o);
rr_err result_follow_up_remove(rr_req *r, rr_resp *o);
/* page_budget_edit.c */
rr_err page_budget_edit(rr_req *r, rr_resp *o);
rr_err budget_save(rr_req *r, rr_resp *o);
/* page_users.c: a beheerder's users of the body; accepting an invitation */
rr_err page_users(rr_req *r, rr_resp *o);
rr_err users_post(rr_req *r, rr_resp *o);
rr_err page_invite(rr_req *r, rr_resp *o);
rr_err invite_post(rr_req *r, rr_resp *o);
/* page_audit.c */
rr_err page_audit(rr_req *r, rr_resp *o);

/* Appends s escaped for XML text and attribute values (& < > " '), valid
 * UTF-8 only: invalid bytes and characters XML 1.0 forbids become U+FFFD. */
void feed_xml_escape(rr_buf *b, const char *s);

/* --- pagekit.c */

/* An error page (HTML, Dutch) or JSON error object, by o->ctype, with
 * status. code is the JSON code ("not_found"), message the Dutch text. */
void page_error(rr_resp *o, int status, const char *code, const char *message);

/* "€ 10.900" or "€ 10.900,50" from cents. */
void pk_money(char *out, size_t n, long long cents);
/* An amount field's value in Dutch: "onbekend" when amount is NULL or
 * JSON null (unknown is not zero), else as pk_money. */
void pk_money_json(char *out, size_t n, const json_t *amount);
/* "€ 17,6 mln" from a million euros up, else as pk_money. */
void pk_money_short(char *out, size_t n, long long cents);
/* A whole number with Dutch thousands: "3.272". */
void pk_int(char *out, size_t n, long long v);
/* A decimal number the Dutch way, at most two decimals: "0,2", "1,25". */
void pk_decimal(char *out, size_t n, double v);
/* Writes " (3 van 5 bekend)" when known < of; nothing when every one is
 * known or of is 0. */
void pk_known(html *h, long long known, long long of);
/* The name of the body (or other organisation) code, written into buf;
 * NULL when the register has no such organisation. */
const char *pk_org_name(rr_req *r, const char *code, char *buf, size_t n);
/* Markdown text (reports, purposes, descriptions) as HTML: cmark in safe
 * mode, the one piece of HTML not written by the html writer. Lists stay
 * lists. Inside a <div class="rr-markdown utrecht-html">. */
void pk_markdown(html *h, const char *text);
/* Dutch date range of two ISO strings (end may be NULL): "15 t/m 21
 * november 2014"; "" when start is missing. */
void pk_dates(char *out, size_t n, const char *start, const char *end);
/* Dutch names of enum values; the value itself when unknown. */
const char *pk_kind_label(const char *kind);
const char *pk_status_label(const char *status);
const char *pk_direction_label(const char *direction);
const char *pk_theme_label(const char *theme);
const char *pk_partnership_label(const char *type);
/* Who paid, for people: the name of the body when paid_by is the code of
 * one in the register (written into buf), else paid_by itself. */
const char *pk_payer(rr_req *r, const char *paid_by, char *buf, size_t n);
/* The country's Dutch name when known, else the code. */
const char *pk_country_name(const char *code);

/* "Japan (Osaka, Tokio), China (Shenzhen)" of a trip's destinations. */
void pk_destinations(html *h, const json_t *trip, bool link);
/* "name (role), ..." of travellers, linked to /personen/{id} when known;
 * a role equal to the name ("Gedeputeerde") is not repeated. */
void pk_travellers(html *h, const json_t *travellers);
/* " betaald door derden: X, Y" when a cost is paid by someone other than
 * the body itself (paid_by set and not the body's code); writes nothing
 * otherwise. Returns true when it wrote. */
bool pk_third_party(html *h, const json_t *trip);
/* A list of trips as a table: dates, title (link), body by name (when
 * show_org), where, status. */
void pk_trip_list(rr_req *r, html *h, const json_t *trips, bool show_org);
/* Renders o->body through the layout: call begin, write, then end. */
void pk_begin(html *h, rr_resp *o, const char *title,
	      const layout_crumb *crumbs, size_t ncrumbs, const char *nav);
rr_err pk_end(html *h, rr_resp *o);

/* Facts as a two-column table (row headers): pk_dl_begin, then per row
 * pk_item_begin(h, "Wie") ... value content ... pk_item_end(h), then
 * pk_dl_end. pk_item writes a text value in one go (nothing when empty). */
void pk_dl_begin(html *h);
void pk_dl_end(html *h);
void pk_item_begin(html *h, const char *key);
void pk_item_end(html *h);
void pk_item(html *h, const char *key, const char *value);
/* A link whose href is prefix (a literal) + one percent-encoded part. */
#define pk_link(h, prefix, part, text) pk_link_((h), "" prefix "", (part), (text))
void pk_link_(html *h, const char *prefix, const char *part, const char *text);
/* A link to prefix + one percent-encoded part + suffix (literals around). */
#define pk_link_path(h, prefix, part, suffix, text) \
	pk_link_path_((h), "" prefix "", (part), "" suffix "", (text))
void pk_link_path_(html *h, const char *prefix, const char *part, const char *suffix,
		   const char *text);

/* "Bronnen": the documents rec's sources name, linked to /documenten/{id}
 * when the viewer may see them (page_result.c). */
void pk_sources(rr_req *r, html *h, const json_t *rec);

/* Writes json as the response body (compact, sorted keys). Takes no
 * reference. */
rr_err pk_json(rr_resp *o, const json_t *json);

#endif
