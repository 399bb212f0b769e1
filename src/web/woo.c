/* woo.c - active publication under the Wet open overheid: the documents
 * behind public records, with DiWoo metadata, in sitemaps the national
 * Woo-index harvests (docs/operations.md says how a body registers them).
 *
 *   /robots.txt                              Sitemap: lines, one per category
 *   /sitemapindex-diwoo-infocatNNN.xml       sitemap index of one category
 *   /woo/sitemaps/infocatNNN.xml             its sitemap: one <url> per
 *                                            document, with its DiWoo metadata
 *   /woo/documenten/{id}.xml                 one document's DiWoo metadata
 *
 * Which documents: those the document page shows anonymous visitors
 * (page_document.c): a document is public when a public record of its body
 * cites it. These files are read as the anonymous visitor, whoever asks.
 *
 * Information categories (TOOI, "Woo informatiecategorieën", as in the
 * DiWoo informatiecategorielijst 0.9.4 of standaarden.overheid.nl):
 *   infocat006 c_8c840238 bij vertegenwoordigende organen ingekomen stukken:
 *              letters (to the council or the states, on a mission)
 *   infocat015 c_fdaee95e onderzoeksrapporten: evaluations
 *   infocat018 c_816e508d inspanningsverplichting art. 3.1 Woo: the rest
 *              (requests, decisions, reports, registers, web pages), which
 *              the body publishes without one of the 17 categories obliging it
 * The numbering infocatNNN follows the order of that list (as the DiWoo
 * sitemap naming does: infocat014 is Woo-verzoeken en -besluiten). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/record.h"
#include "model/schema.h"
#include "store/public.h"
#include "web/pages.h"
#include "web/publish.h"

#define WOO_MAX_URLS 50000 /* the sitemap protocol's limit per file */
#define TOOI_KERN "https://identifier.overheid.nl/tooi/def/thes/kern/"
#define DIWOO_NS "https://standaarden.overheid.nl/diwoo/metadata/"

typedef struct woo_cat {
	const char *code, *uri, *label;
} woo_cat;

static const woo_cat cats[] = {
	{"infocat006", TOOI_KERN "c_8c840238", "bij vertegenwoordigende organen ingekomen stukken"},
	{"infocat015", TOOI_KERN "c_fdaee95e", "onderzoeksrapporten"},
	{"infocat018", TOOI_KERN "c_816e508d", "inspanningsverplichting art 3.1 Woo"},
};
#define NCATS (sizeof cats / sizeof cats[0])

static const woo_cat *cat_of_kind(const char *kind)
{
	if (kind && !strcmp(kind, "letter"))
		return &cats[0];
	if (kind && !strcmp(kind, "evaluation"))
		return &cats[1];
	return &cats[2];
}

static const woo_cat *cat_by_code(const char *code, size_t len)
{
	for (size_t i = 0; i < NCATS; i++)
		if (strlen(cats[i].code) == len && !strncmp(cats[i].code, code, len))
			return &cats[i];
	return NULL;
}

/* Is the document public: cited by a public record of its body? */
static rr_err doc_public(rr_req *r, const json_t *doc, bool *yes)
{
	json_t *citing = NULL;
	rr_err e;

	*yes = false;
	if ((e = rr_store_citing(r->store, rr_rec_str(doc, "id"), rr_rec_str(doc, "organisation"),
				 &rr_viewer_anonymous, &citing)))
		return e;
	*yes = json_array_size(json_object_get(citing, "trips")) ||
	       json_array_size(json_object_get(citing, "results")) ||
	       json_array_size(json_object_get(citing, "partnerships"));
	json_decref(citing);
	return RR_OK;
}

/* The public documents of category c (NULL: all), sorted by id: a new array. */
static rr_err public_docs(rr_req *r, const woo_cat *c, json_t **out)
{
	json_t *all = NULL;
	const json_t *d;
	size_t i;
	rr_err e;

	if (!(*out = json_array()))
		return RR_ENOMEM;
	if ((e = rr_store_list(r->store, RR_K_DOCUMENT, NULL, 0, &rr_viewer_anonymous, &all)))
		goto out;
	json_array_foreach(all, i, d) {
		bool pub;
		if (c && cat_of_kind(rr_rec_str(d, "kind")) != c)
			continue;
		if ((e = doc_public(r, d, &pub)))
			goto out;
		if (pub && json_array_size(*out) < WOO_MAX_URLS && json_array_append(*out, (json_t *)d)) {
			e = RR_ENOMEM;
			goto out;
		}
	}
out:
	json_decref(all);
	if (e) {
		json_decref(*out);
		*out = NULL;
	}
	return e;
}

/* A full date YYYY-MM-DD, else NULL (DiWoo and sitemaps want whole days). */
static const char *full_date(const char *d)
{
	if (!d || strlen(d) != 10 || d[4] != '-' || d[7] != '-' || strspn(d, "0123456789-") != 10)
		return NULL;
	return d;
}

static void loc(rr_buf *b, const char *path, const char *id, const char *suffix)
{
	rr_buf_addstr(b, "<loc>");
	rr_xml_text(b, rr_publish_abs_base());
	rr_buf_addstr(b, path);
	if (id)
		html_urlencode(b, id);
	rr_buf_addstr(b, suffix);
	rr_buf_addstr(b, "</loc>");
}

/* <diwoo:NAME resource="URI">label</diwoo:NAME>; name a literal of ours. */
static void resource(rr_buf *b, const char *name, const char *uri, const char *label)
{
	rr_buf_printf(b, "<diwoo:%s resource=\"", name);
	rr_xml_text(b, uri);
	rr_buf_addstr(b, "\">");
	rr_xml_text(b, label);
	rr_buf_printf(b, "</diwoo:%s>", name);
}

/* <diwoo:Document> with the DiWoo metadata of a public document. */
static void diwoo(rr_req *r, rr_buf *b, const json_t *doc, bool ns)
{
	const char *org = rr_rec_str(doc, "organisation");
	const char *date = full_date(rr_rec_str(doc, "date"));
	const woo_cat *c = cat_of_kind(rr_rec_str(doc, "kind"));
	char tooi[160], namebuf[300];
	const char *name = pk_org_name(r, org, namebuf, sizeof namebuf);

	if (!name)
		name = org;
	rr_tooi_uri(tooi, sizeof tooi, org);
	rr_buf_addstr(b, ns ? "<diwoo:Document xmlns:diwoo=\"" DIWOO_NS "\">" : "<diwoo:Document>");
	rr_buf_addstr(b, "<diwoo:DiWoo><diwoo:identifiers><diwoo:identifier>");
	rr_xml_text(b, rr_publish_abs_base());
	rr_buf_addstr(b, "/documenten/");
	html_urlencode(b, rr_rec_str(doc, "id"));
	rr_buf_addstr(b, "</diwoo:identifier>");
	if (rr_rec_str(doc, "url"))
		rr_xml_element(b, "diwoo:identifier", rr_rec_str(doc, "url"));
	rr_buf_addstr(b, "</diwoo:identifiers>");
	resource(b, "publisher", tooi, name);
	resource(b, "verantwoordelijke", tooi, name);
	rr_buf_addstr(b, "<diwoo:titelcollectie>");
	rr_xml_element(b, "diwoo:officieleTitel", rr_rec_str(doc, "title"));
	rr_buf_addstr(b, "</diwoo:titelcollectie><diwoo:classificatiecollectie>"
		      "<diwoo:informatiecategorieen>");
	resource(b, "informatiecategorie", c->uri, c->label);
	rr_buf_addstr(b, "</diwoo:informatiecategorieen></diwoo:classificatiecollectie>");
	rr_xml_element(b, "diwoo:creatiedatum", date);
	resource(b, "language", "http://publications.europa.eu/resource/authority/language/NLD",
		 "Nederlands");
	resource(b, "format", "http://publications.europa.eu/resource/authority/file-type/HTML",
		 "html");
	rr_buf_addstr(b, "<diwoo:documenthandelingen><diwoo:documenthandeling>");
	resource(b, "soortHandeling", TOOI_KERN "c_641ecd76", "vaststelling");
	rr_xml_element(b, "diwoo:atTime", date);
	resource(b, "wasAssociatedWith", tooi, name);
	rr_buf_addstr(b, "</diwoo:documenthandeling></diwoo:documenthandelingen>"
		      "</diwoo:DiWoo></diwoo:Document>");
}

rr_err woo_robots(rr_req *r, rr_resp *o)
{
	rr_buf *b = &o->body;
	rr_err e = RR_OK;

	/* public: names only the files anyone may read */
	o->ctype = RR_CT_TEXT;
	rr_buf_addstr(b, "User-agent: *\nDisallow: /beheer\nDisallow: /inloggen\n"
		      "Disallow: /uitnodiging\n\n");
	for (size_t i = 0; i < NCATS; i++) {
		json_t *docs = NULL;
		if ((e = public_docs(r, &cats[i], &docs)))
			return e;
		if (json_array_size(docs)) {
			rr_buf_addstr(b, "Sitemap: ");
			rr_buf_addstr(b, rr_publish_abs_base());
			rr_buf_printf(b, "/sitemapindex-diwoo-%s.xml\n", cats[i].code);
		}
		json_decref(docs);
	}
	return rr_buf_err(b);
}

/* The latest full date of docs, or NULL. */
static const char *latest(const json_t *docs)
{
	const char *best = NULL;
	const json_t *d;
	size_t i;

	json_array_foreach(docs, i, d) {
		const char *x = full_date(rr_rec_str(d, "date"));
		if (x && (!best || strcmp(x, best) > 0))
			best = x;
	}
	return best;
}

rr_err woo_sitemapindex(rr_req *r, rr_resp *o)
{
	const char *seg = r->t.nsegs ? r->t.segs[0] : "";
	const char *p = strstr(seg, "infocat");
	const woo_cat *c = p ? cat_by_code(p, strcspn(p, ".")) : NULL;
	json_t *docs = NULL;
	rr_buf *b = &o->body;
	rr_err e;

	/* public: lists public documents only */
	if (!c)
		return RR_ENOTFOUND;
	if ((e = public_docs(r, c, &docs)))
		return e;
	if (!json_array_size(docs)) {
		e = RR_ENOTFOUND; /* a sitemap index holds at least one sitemap */
		goto out;
	}
	o->ctype = RR_CT_XML;
	rr_buf_addstr(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n<sitemap>");
	loc(b, "/woo/sitemaps/", c->code, ".xml");
	rr_xml_element(b, "lastmod", latest(docs));
	rr_buf_addstr(b, "</sitemap>\n</sitemapindex>\n");
	e = rr_buf_err(b);
out:
	json_decref(docs);
	return e;
}

/* "{stem}.xml" in the route's {id}: the stem into out, else false. */
static bool xml_stem(const rr_req *r, char *out, size_t n)
{
	const char *id = rr_req_cap(r, "id");
	size_t len = id ? strlen(id) : 0;

	if (len <= 4 || len - 4 >= n || strcmp(id + len - 4, ".xml"))
		return false;
	memcpy(out, id, len - 4);
	out[len - 4] = '\0';
	return true;
}

rr_err woo_sitemap(rr_req *r, rr_resp *o)
{
	char code[64];
	const woo_cat *c;
	json_t *docs = NULL;
	const json_t *d;
	rr_buf *b = &o->body;
	size_t i;
	rr_err e;

	/* public: lists public documents only */
	if (!xml_stem(r, code, sizeof code) || !(c = cat_by_code(code, strlen(code))))
		return RR_ENOTFOUND;
	if ((e = public_docs(r, c, &docs)))
		return e;
	if (!json_array_size(docs)) {
		e = RR_ENOTFOUND; /* a sitemap holds at least one url */
		goto out;
	}
	o->ctype = RR_CT_XML;
	rr_buf_addstr(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
		      "xmlns:diwoo=\"" DIWOO_NS "\">\n");
	json_array_foreach(docs, i, d) {
		rr_buf_addstr(b, "<url>");
		loc(b, "/documenten/", rr_rec_str(d, "id"), "");
		rr_xml_element(b, "lastmod", full_date(rr_rec_str(d, "date")));
		diwoo(r, b, d, false);
		rr_buf_addstr(b, "</url>\n");
	}
	rr_buf_addstr(b, "</urlset>\n");
	e = rr_buf_err(b);
out:
	json_decref(docs);
	return e;
}

rr_err woo_document(rr_req *r, rr_resp *o)
{
	char id[128];
	json_t *doc = NULL;
	bool pub = false;
	rr_err e;

	/* public: the document page's rule, as the anonymous visitor */
	if (!xml_stem(r, id, sizeof id))
		return RR_ENOTFOUND;
	if ((e = rr_store_get(r->store, RR_K_DOCUMENT, id, &rr_viewer_anonymous, &doc)))
		return e;
	if ((e = doc_public(r, doc, &pub)))
		goto out;
	if (!pub) {
		e = RR_ENOTFOUND;
		goto out;
	}
	o->ctype = RR_CT_XML;
	rr_buf_addstr(&o->body, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	diwoo(r, &o->body, doc, true);
	rr_buf_addstr(&o->body, "\n");
	e = rr_buf_err(&o->body);
out:
	json_decref(doc);
	return e;
}
