/* feed.c - Atom 1.0 feed of a body's public trips (/o/{code}/feed.atom),
 * newest first, and the XML escaping it is written with. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "model/record.h"
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

rr_err feed_org(rr_req *r, rr_resp *o)
{
	const char *code = rr_req_cap(r, "code");
	json_t *org = NULL, *trips = NULL;
	rr_trip_query q = {.organisation = code, .limit = FEED_MAX_ENTRIES};
	char updated[32] = "1970-01-01T00:00:00Z";
	rr_buf *b = &o->body;
	const json_t *t;
	size_t i;
	rr_err e;

	if ((e = rr_store_get(r->store, RR_K_ORGANISATION, code, r->viewer, &org)) ||
	    (e = rr_store_trips(r->store, &q, r->viewer, &trips, NULL)))
		goto out;
	json_array_foreach(trips, i, t) {
		char u[32];
		trip_updated(t, u);
		if (strcmp(u, updated) > 0)
			memcpy(updated, u, sizeof u);
	}
	o->ctype = RR_CT_ATOM;
	rr_buf_addstr(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"nl\">\n");
	rr_buf_addstr(b, "<id>urn:reisregister:organisation:");
	feed_xml_escape(b, code);
	rr_buf_addstr(b, "</id>\n<title>Reisregister: ");
	feed_xml_escape(b, rr_rec_str(org, "name"));
	rr_buf_addstr(b, "</title>\n");
	element(b, "updated", updated);
	rr_buf_addstr(b, "<link rel=\"self\" type=\"application/atom+xml\" href=\"/o/");
	feed_xml_escape(b, code);
	rr_buf_addstr(b, "/feed.atom\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"/o/");
	feed_xml_escape(b, code);
	rr_buf_addstr(b, "\"/>\n<author><name>");
	feed_xml_escape(b, rr_rec_str(org, "name"));
	rr_buf_addstr(b, "</name></author>\n");
	json_array_foreach(trips, i, t) {
		const char *id = rr_rec_str(t, "id");
		char u[32], when[96];

		trip_updated(t, u);
		pk_dates(when, sizeof when, rr_rec_str(t, "start"), rr_rec_str(t, "end"));
		rr_buf_addstr(b, "<entry>\n<id>urn:reisregister:trip:");
		feed_xml_escape(b, id);
		rr_buf_addstr(b, "</id>\n");
		element(b, "title", rr_rec_str(t, "title"));
		element(b, "updated", u);
		rr_buf_addstr(b, "<link rel=\"alternate\" type=\"text/html\" href=\"/reizen/");
		feed_xml_escape(b, id);
		rr_buf_addstr(b, "\"/>\n<summary type=\"text\">");
		feed_xml_escape(b, when);
		if (*when && rr_rec_str(t, "purpose"))
			rr_buf_addstr(b, ": ");
		feed_xml_escape(b, rr_rec_str(t, "purpose"));
		rr_buf_addstr(b, "</summary>\n</entry>\n");
	}
	rr_buf_addstr(b, "</feed>\n");
	e = rr_buf_err(b);
out:
	json_decref(org);
	json_decref(trips);
	return e;
}
