/* feed.c - Atom 1.0 feeds: a body's public trips (/o/{code}/feed.atom),
 * newest first, and any search (/zoeken.atom, the parameters and filters
 * of /zoeken: best first with q, else newest first, over all bodies); and
 * the XML escaping they are written with. Links are absolute with
 * `serve --base-url`, else relative (publish.h). */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/country.h"
#include "model/record.h"
#include "store/search.h"
#include "web/publish.h"
#include "web/routes.h"
#include "util/utf8.h"
#include "web/pages.h"

#define FEED_MAX_ENTRIES 500

static const char REPLACEMENT[] = "\xEF\xBF\xBD";

/* Characters XML 1.0 allows. */
static bool xml_char(uint32_t c)
{
	return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
	       (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

void feed_xml_escape(rr_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = s ? strlen(s) : 0;

	while (n > 0) {
		uint32_t c = 0;
		size_t len = rr_utf8_decode(p, n, &c);

		if (!len) {
			rr_buf_addstr(b, REPLACEMENT);
			p++;
			n--;
			continue;
		}
		if (!xml_char(c))
			rr_buf_addstr(b, REPLACEMENT);
		else if (c == '&')
			rr_buf_addstr(b, "&amp;");
		else if (c == '<')
			rr_buf_addstr(b, "&lt;");
		else if (c == '>')
			rr_buf_addstr(b, "&gt;");
		else if (c == '"')
			rr_buf_addstr(b, "&quot;");
		else if (c == '\'')
			rr_buf_addstr(b, "&#39;");
		else
			rr_buf_add(b, p, len);
		p += len;
		n -= len;
	}
}

/* <tag>escaped text</tag>\n; tag is a literal of ours. */
static void element(rr_buf *b, const char *tag, const char *text)
{
	rr_buf_printf(b, "<%s>", tag);
	feed_xml_escape(b, text);
	rr_buf_printf(b, "</%s>\n", tag);
}

/* An RFC 3339 timestamp for a trip: its latest known date (report
 * submitted, decision, end, start), at midnight UTC. */
static void trip_updated(const json_t *t, char out[32])
{
	const char *cands[] = {rr_rec_str(json_object_get(t, "report"), "submitted"),
		rr_rec_str(json_object_get(t, "decision"), "date"), rr_rec_str(t, "end"),
		rr_rec_str(t, "start")};
	rr_date best = {0};

	for (size_t i = 0; i < sizeof cands / sizeof cands[0]; i++) {
		rr_date d;
		if (cands[i] && !rr_date_parse_iso(cands[i], &d, NULL) &&
		    (best.prec == RR_PREC_NONE || rr_date_last(&d) > rr_date_last(&best)))
			best = d;
	}
	if (best.prec == RR_PREC_NONE) {
		snprintf(out, 32, "1970-01-01T00:00:00Z");
		return;
	}
	snprintf(out, 32, "%04d-%02d-%02dT00:00:00Z", best.y, best.m ? best.m : 1,
		 best.d ? best.d : 1);
}

/* The newest update of the trips, RFC 3339. */
static void feed_updated(const json_t *trips, char updated[32])
{
	const json_t *t;
	size_t i;

	snprintf(updated, 32, "1970-01-01T00:00:00Z");
	json_array_foreach(trips, i, t) {
		char u[32];
		trip_updated(t, u);
		if (strcmp(u, updated) > 0)
			memcpy(updated, u, sizeof u);
	}
}

/* href="BASE" + path piece by piece: base is --base-url or "" (publish.h). */
static void href_begin(rr_buf *b, const char *rel, const char *type)
{
	rr_buf_printf(b, "<link rel=\"%s\" type=\"%s\" href=\"", rel, type);
	feed_xml_escape(b, rr_publish_feed_base());
}

/* One <entry> per trip; names the body of each when all_bodies. */
static void entries(rr_req *r, rr_buf *b, const json_t *trips, bool all_bodies)
{
	const json_t *t;
	size_t i;

	json_array_foreach(trips, i, t) {
		const char *id = rr_rec_str(t, "id");
		char u[32], when[96], name[300];

		trip_updated(t, u);
		pk_dates(when, sizeof when, rr_rec_str(t, "start"), rr_rec_str(t, "end"));
		rr_buf_addstr(b, "<entry>\n<id>urn:reisregister:trip:");
		feed_xml_escape(b, id);
		rr_buf_addstr(b, "</id>\n");
		element(b, "title", rr_rec_str(t, "title"));
		element(b, "updated", u);
		if (all_bodies) {
			const char *org = rr_rec_str(t, "organisation");
			const char *nm = pk_org_name(r, org, name, sizeof name);
			rr_buf_addstr(b, "<author><name>");
			feed_xml_escape(b, nm ? nm : org);
			rr_buf_addstr(b, "</name></author>\n");
		}
		href_begin(b, "alternate", "text/html");
		rr_buf_addstr(b, "/reizen/");
		feed_xml_escape(b, id);
		rr_buf_addstr(b, "\"/>\n<summary type=\"text\">");
		feed_xml_escape(b, when);
		/* a search hit has its snippet where a trip has its purpose */
		const char *what = rr_rec_str(t, "purpose") ? rr_rec_str(t, "purpose") :
							     rr_rec_str(t, "snippet");
		if (*when && what)
			rr_buf_addstr(b, ": ");
		feed_xml_escape(b, what);
		rr_buf_addstr(b, "</summary>\n</entry>\n");
	}
}

rr_err feed_org(rr_req *r, rr_resp *o)
{
	const char *code = rr_req_cap(r, "code");
	json_t *org = NULL, *trips = NULL;
	rr_trip_query q = {.organisation = code, .limit = FEED_MAX_ENTRIES};
	char updated[32];
	rr_buf *b = &o->body;
	rr_err e;

	/* public: the store shows the viewer what it may see */
	if ((e = rr_store_get(r->store, RR_K_ORGANISATION, code, r->viewer, &org)) ||
	    (e = rr_store_trips(r->store, &q, r->viewer, &trips, NULL)))
		goto out;
	feed_updated(trips, updated);
	o->ctype = RR_CT_ATOM;
	rr_buf_addstr(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"nl\">\n");
	rr_buf_addstr(b, "<id>urn:reisregister:organisation:");
	feed_xml_escape(b, code);
	rr_buf_addstr(b, "</id>\n<title>Reisregister: ");
	feed_xml_escape(b, rr_rec_str(org, "name"));
	rr_buf_addstr(b, "</title>\n");
	element(b, "updated", updated);
	href_begin(b, "self", "application/atom+xml");
	rr_buf_addstr(b, "/o/");
	feed_xml_escape(b, code);
	rr_buf_addstr(b, "/feed.atom\"/>\n");
	href_begin(b, "alternate", "text/html");
	rr_buf_addstr(b, "/o/");
	feed_xml_escape(b, code);
	rr_buf_addstr(b, "\"/>\n<author><name>");
	feed_xml_escape(b, rr_rec_str(org, "name"));
	rr_buf_addstr(b, "</name></author>\n");
	entries(r, b, trips, false);
	rr_buf_addstr(b, "</feed>\n");
	e = rr_buf_err(b);
out:
	json_decref(org);
	json_decref(trips);
	return e;
}

/* The search's filters, validated as the search page does (page_search.c). */
static const char *const search_keys[] = {"q", "organisation", "year", "country", "person",
	"kind", "direction", "third_party"};
#define NSEARCH (sizeof search_keys / sizeof search_keys[0])

/* The query string of the search, percent-encoded, after '?' (or ""). */
static void search_query(rr_buf *b, const char *const val[NSEARCH])
{
	bool first = true;

	for (size_t k = 0; k < NSEARCH; k++) {
		if (!val[k])
			continue;
		rr_buf_addstr(b, first ? "?" : "&amp;");
		rr_buf_addstr(b, search_keys[k]);
		rr_buf_addc(b, '=');
		html_urlencode(b, val[k]);
		first = false;
	}
}

rr_err feed_search(rr_req *r, rr_resp *o)
{
	const char *val[NSEARCH] = {0};
	char country[3] = "", updated[32];
	rr_search_query sq = {.limit = FEED_MAX_ENTRIES};
	json_t *trips = NULL, *fac = NULL;
	rr_buf *b = &o->body;
	rr_err e;

	/* public: the store shows the viewer what it may see */
	for (size_t k = 0; k < NSEARCH; k++) {
		const char *v = rr_req_param(r, search_keys[k]);
		if (!v || (k > 0 && strlen(v) > 200)) /* as /zoeken: q at any length */
			continue;
		if (!strcmp(search_keys[k], "year") && !rr_route_param_ok("year", v))
			continue;
		if (!strcmp(search_keys[k], "third_party") && strcmp(v, "1"))
			continue;
		if (!strcmp(search_keys[k], "country")) {
			if (strlen(v) != 2)
				continue;
			country[0] = (char)toupper((unsigned char)v[0]);
			country[1] = (char)toupper((unsigned char)v[1]);
			country[2] = '\0';
			if (!rr_country_valid(country))
				continue;
			v = country;
		}
		val[k] = v;
	}
	sq.q = val[0];
	sq.organisation = val[1];
	if (val[2]) {
		char *end;
		long y = strtol(val[2], &end, 10);
		sq.year = (int)y; /* four digits: checked above */
	}
	sq.country = val[3];
	sq.person = val[4];
	sq.kind = val[5];
	sq.direction = val[6];
	sq.third_party_paid = val[7] != NULL;
	if (sq.q) {
		if ((e = rr_store_search(r->store, &sq, r->viewer, &trips, &fac, NULL)))
			goto out;
	} else {
		rr_trip_query q = {.organisation = sq.organisation, .year = sq.year,
			.country = sq.country, .person = sq.person, .kind = sq.kind,
			.direction = sq.direction, .third_party_paid = sq.third_party_paid,
			.limit = FEED_MAX_ENTRIES};
		if ((e = rr_store_trips(r->store, &q, r->viewer, &trips, NULL)))
			goto out;
	}
	feed_updated(trips, updated);
	o->ctype = RR_CT_ATOM;
	rr_buf_addstr(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"nl\">\n"
		      "<id>urn:reisregister:search:");
	search_query(b, val);
	rr_buf_addstr(b, "</id>\n<title>Reisregister: zoeken");
	if (sq.q) {
		rr_buf_addstr(b, " naar \u201c");
		feed_xml_escape(b, sq.q);
		rr_buf_addstr(b, "\u201d");
	}
	rr_buf_addstr(b, "</title>\n");
	element(b, "updated", updated);
	href_begin(b, "self", "application/atom+xml");
	rr_buf_addstr(b, "/zoeken.atom");
	search_query(b, val);
	rr_buf_addstr(b, "\"/>\n");
	href_begin(b, "alternate", "text/html");
	rr_buf_addstr(b, "/zoeken");
	search_query(b, val);
	rr_buf_addstr(b, "\"/>\n<author><name>Reisregister</name></author>\n");
	entries(r, b, trips, true);
	rr_buf_addstr(b, "</feed>\n");
	e = rr_buf_err(b);
out:
	json_decref(trips);
	json_decref(fac);
	return e;
}
