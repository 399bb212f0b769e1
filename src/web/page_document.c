/* page_document.c - a source document (/documenten/{id}): what it is, where
 * it was published, the original file, and its text with every span that a
 * record was read from marked and anchored (evidence.h); the original file
 * (/documenten/{id}/{name}); the same as JSON (/api/v1/documents/{id}).
 *
 * A document is public when a public record of its body cites it: an
 * anonymous visitor gets 404 for any other, as for every hidden record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/record.h"
#include "store/public.h"
#include "web/evidence.h"
#include "web/pages.h"

typedef struct mark_span {
	size_t start, end;
	char anchor[400];
	const char *label;
	size_t rec; /* index into the list of citing records */
} mark_span;

typedef struct marks {
	mark_span *v;
	size_t n, cap;
} marks;

/* May this viewer see the body's unpublished records? */
static bool sees_unpublished(const rr_viewer *v, const char *org)
{
	if (v->all)
		return true;
	for (size_t i = 0; i < v->norgs; i++)
		if (org && !strcmp(v->orgs[i], org))
			return true;
	return false;
}

/* The document and the records citing it, or RR_ENOTFOUND when the viewer
 * may not see it: hidden, or (for the public) cited by no public record. */
static rr_err load(rr_req *r, json_t **doc, json_t **citing)
{
	const char *org;
	rr_err e;

	*citing = NULL;
	if ((e = rr_store_get(r->store, RR_K_DOCUMENT, rr_req_cap(r, "id"), r->viewer, doc)))
		return e;
	org = rr_rec_str(*doc, "organisation");
	if ((e = rr_store_citing(r->store, rr_rec_str(*doc, "id"), org, r->viewer, citing)))
		goto fail;
	if (!sees_unpublished(r->viewer, org) &&
	    !json_array_size(json_object_get(*citing, "trips")) &&
	    !json_array_size(json_object_get(*citing, "results")) &&
	    !json_array_size(json_object_get(*citing, "partnerships"))) {
		e = RR_ENOTFOUND;
		goto fail;
	}
	return RR_OK;
fail:
	json_decref(*doc);
	json_decref(*citing);
	*doc = *citing = NULL;
	return e;
}

/* The file's name as it may appear in a URL segment: lower case, every
 * byte outside [a-z0-9._-] a '-', starting with a letter or digit. */
static void safe_name(char *out, size_t n, const char *name)
{
	size_t j = 0;

	if (!name || !*name)
		name = "origineel";
	if (!((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z') ||
	      (name[0] >= '0' && name[0] <= '9')))
		j = (size_t)snprintf(out, n, "bestand-");
	for (const char *p = name; *p && j + 1 < n && j < 100; p++) {
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		      c == '-'))
			c = '-';
		out[j++] = c;
	}
	out[j < n ? j : n - 1] = '\0';
}

static void add_mark(marks *m, const mark_span *s)
{
	if (m->n == m->cap) {
		size_t nc = m->cap ? m->cap * 2 : 64;
		mark_span *nv = realloc(m->v, nc * sizeof *nv);
		if (!nv)
			return;
		m->v = nv;
		m->cap = nc;
	}
	m->v[m->n++] = *s;
}

/* Moves an offset off the middle of a UTF-8 sequence (forward). */
static size_t char_boundary(const char *text, size_t len, size_t off)
{
	while (off < len && ((unsigned char)text[off] & 0xC0) == 0x80)
		off++;
	return off;
}

/* The spans of rec (of kind k, index ri in the record list) that point into
 * document docid, each with its anchor; the n-th span of a field is counted
 * over all of the record's sources, as ev_link counts it. */
static void collect(marks *m, rr_kind k, const json_t *rec, size_t ri, const char *docid,
		    size_t len, const char *text)
{
	json_t *seen = json_object();
	const json_t *src, *sp;
	size_t i, j;

	json_array_foreach(json_object_get(rec, "sources"), i, src) {
		const char *doc = rr_rec_str(src, "document");
		json_array_foreach(json_object_get(src, "spans"), j, sp) {
			const char *f = rr_rec_str(sp, "field");
			json_int_t nth;
			mark_span s = {0};
			rr_buf a;

			if (!f)
				continue;
			nth = json_integer_value(json_object_get(seen, f));
			json_object_set_new(seen, f, json_integer(nth + 1));
			if (!doc || strcmp(doc, docid))
				continue;
			s.start = (size_t)rr_rec_count(sp, "start", -1);
			s.end = (size_t)rr_rec_count(sp, "end", -1);
			if (!json_object_get(sp, "start") || !json_object_get(sp, "end") ||
			    s.end > len || s.start >= s.end)
				continue;
			s.start = char_boundary(text, len, s.start);
			s.end = char_boundary(text, len, s.end);
			if (s.start >= s.end)
				continue;
			rr_buf_init(&a, sizeof s.anchor - 1);
			ev_anchor(&a, k, rr_rec_str(rec, "id"), f, (size_t)nth);
			snprintf(s.anchor, sizeof s.anchor, "%s", rr_buf_cstr(&a));
			rr_buf_free(&a);
			s.label = ev_field_label(f);
			s.rec = ri;
			add_mark(m, &s);
		}
	}
	json_decref(seen);
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* The text with every span marked: the text is cut at every span's start
 * and end; each piece that a span covers is one <mark>, and a span's
 * anchor and label sit on the piece where it starts. Overlapping spans
 * (a figure inside a report) need no nesting this way. */
static void marked_text(html *h, const char *text, size_t len, const marks *m)
{
	size_t nb = 0, *b = malloc((2 * m->n + 2) * sizeof *b);

	if (!b) {
		html_textn(h, text, len);
		return;
	}
	b[nb++] = 0;
	b[nb++] = len;
	for (size_t i = 0; i < m->n; i++) {
		b[nb++] = m->v[i].start;
		b[nb++] = m->v[i].end;
	}
	qsort(b, nb, sizeof *b, cmp_size);
	for (size_t i = 0; i + 1 < nb; i++) {
		size_t a = b[i], z = b[i + 1];
		bool covered = false, id_done = false;

		if (a == z)
			continue;
		for (size_t k = 0; k < m->n && !covered; k++)
			covered = m->v[k].start <= a && m->v[k].end >= z;
		if (!covered) {
			html_textn(h, text + a, z - a);
			continue;
		}
		html_open_c(h, "mark", "rr-evidence");
		for (size_t k = 0; k < m->n; k++)
			if (m->v[k].start == a && !id_done) {
				html_attr(h, "id", m->v[k].anchor);
				id_done = true;
			}
		id_done = false;
		for (size_t k = 0; k < m->n; k++) {
			if (m->v[k].start != a)
				continue;
			if (id_done) { /* the first anchor is the mark's own id */
				html_open(h, "span");
				html_attr(h, "id", m->v[k].anchor);
				html_close(h, "span");
			}
			id_done = true;
			html_open_c(h, "span", "rr-evidence__label");
			html_text(h, m->v[k].label);
			html_open_c(h, "span", "rr-visually-hidden");
			html_raw_trusted(h, ": ");
			html_close(h, "span");
			html_close(h, "span");
		}
		html_textn(h, text + a, z - a);
		html_close(h, "mark");
	}
	free(b);
}

typedef struct cited {
	rr_kind k;
	const json_t *rec;
} cited;

static void record_link(html *h, rr_kind k, const json_t *rec)
{
	const char *id = rr_rec_str(rec, "id");
	if (k == RR_K_TRIP)
		pk_link(h, "/reizen/", id, rr_rec_str(rec, "title"));
	else if (k == RR_K_RESULT)
		pk_link(h, "/resultaten/", id, rr_rec_str(rec, "title"));
	else
		pk_link(h, "/partnerschappen/", id,
			rr_rec_str(json_object_get(rec, "partner"), "name"));
}

/* Per citing record: a link to it and to each of its marks here. */
static void legend(html *h, const cited *c, size_t nc, const marks *m)
{
	layout_h2(h, "Wat uit dit document is overgenomen");
	if (!nc) {
		layout_paragraph(h, "Geen openbaar gegeven verwijst naar dit document.");
		return;
	}
	html_open_c(h, "ul", "utrecht-unordered-list rr-evidence-legend");
	for (size_t i = 0; i < nc; i++) {
		bool any = false;
		html_open_c(h, "li", "utrecht-unordered-list__item");
		html_text(h, c[i].k == RR_K_TRIP ? "Reis: " : c[i].k == RR_K_RESULT ?
			  "Resultaat: " : "Partnerschap: ");
		record_link(h, c[i].k, c[i].rec);
		for (size_t k = 0; k < m->n; k++) {
			if (m->v[k].rec != i)
				continue;
			if (any)
				html_raw_trusted(h, ", ");
			else
				html_raw_trusted(h, " \xe2\x80\x94 gemarkeerd: ");
			any = true;
			html_open_c(h, "a", "utrecht-link");
			html_attr_begin(h, "href");
			html_raw_trusted(h, "#");
			html_urlpart(h, m->v[k].anchor);
			html_attr_end(h);
			html_text(h, m->v[k].label);
			html_close(h, "a");
		}
		html_close(h, "li");
	}
	html_close(h, "ul");
}

static void file_item(rr_req *r, html *h, const json_t *doc)
{
	json_t *meta = NULL;
	char name[128], size[48];

	pk_item_begin(h, "Origineel bestand");
	if (rr_store_file_get(r->store, rr_rec_str(doc, "id"), &meta, NULL) == RR_OK) {
		long long bytes = rr_rec_count(meta, "size", 0);
		safe_name(name, sizeof name, rr_rec_str(meta, "name"));
		html_open_c(h, "a", "utrecht-link utrecht-link--html-a");
		html_attr_begin(h, "href");
		html_raw_trusted(h, "/documenten/");
		html_urlpart(h, rr_rec_str(doc, "id"));
		html_raw_trusted(h, "/");
		html_urlpart(h, name);
		html_attr_end(h);
		html_text(h, rr_rec_str(meta, "name"));
		html_close(h, "a");
		if (bytes >= 1024)
			pk_int(size, sizeof size, (bytes + 1023) / 1024);
		else
			pk_int(size, sizeof size, bytes);
		html_textf(h, " (%s %s, downloaden)", size, bytes >= 1024 ? "kB" : "bytes");
	} else {
		html_text(h, "niet bewaard: het document kwam in het register zonder het "
			  "oorspronkelijke bestand (bijvoorbeeld als JSON geladen)");
	}
	pk_item_end(h);
	json_decref(meta);
}

rr_err page_document(rr_req *r, rr_resp *o)
{
	json_t *doc = NULL, *citing = NULL;
	static const char *const keys[] = {"trips", "results", "partnerships"};
	static const rr_kind kinds[] = {RR_K_TRIP, RR_K_RESULT, RR_K_PARTNERSHIP};
	cited *c = NULL;
	size_t nc = 0, len;
	marks m = {0};
	char when[96], orgurl[160], namebuf[300], diwoo[160];
	bool public_doc = false; /* cited by a public record: published under the Woo */
	const char *org, *title, *text, *orgname, *kind;
	html h;
	rr_err e;

	/* public: the viewer and the citing records decide what is shown */
	if ((e = load(r, &doc, &citing)))
		return e;
	org = rr_rec_str(doc, "organisation");
	title = rr_rec_str(doc, "title");
	text = rr_rec_str(doc, "text");
	len = text ? strlen(text) : 0;
	orgname = pk_org_name(r, org, namebuf, sizeof namebuf);
	if (!orgname)
		orgname = org;
	for (size_t i = 0; i < 3; i++)
		nc += json_array_size(json_object_get(citing, keys[i]));
	if (!(c = calloc(nc ? nc : 1, sizeof *c))) {
		e = RR_ENOMEM;
		goto out;
	}
	nc = 0;
	for (size_t i = 0; i < 3; i++) {
		const json_t *rec;
		size_t j;
		json_array_foreach(json_object_get(citing, keys[i]), j, rec) {
			public_doc |= json_is_true(json_object_get(rec, "public"));
			c[nc] = (cited){kinds[i], rec};
			if (text)
				collect(&m, kinds[i], rec, nc, rr_rec_str(doc, "id"), len, text);
			nc++;
		}
	}
	snprintf(orgurl, sizeof orgurl, "/o/%s", org);
	layout_crumb crumbs[] = {{"Home", "/"}, {orgname, orgurl}, {"Bronnen", NULL}};
	/* a public document has its DiWoo record (woo.c), named in the head */
	snprintf(diwoo, sizeof diwoo, "/woo/documenten/%s.xml", rr_rec_str(doc, "id"));
	layout_page lp = {.title = title, .crumbs = crumbs, .ncrumbs = 3,
		.meta_xml_url = public_doc ? diwoo : NULL};
	o->ctype = RR_CT_HTML;
	html_init(&h, &o->body);
	layout_begin(&h, &lp);
	layout_h1(&h, title);
	pk_dl_begin(&h);
	pk_item_begin(&h, "Orgaan");
	layout_link(&h, orgurl, orgname);
	pk_item_end(&h);
	kind = rr_enum_label(rr_doc_kind_values, rr_rec_str(doc, "kind"));
	pk_item(&h, "Soort document", kind);
	pk_dates(when, sizeof when, rr_rec_str(doc, "date"), NULL);
	pk_item(&h, "Datum", *when ? when : "niet vermeld");
	pk_item_begin(&h, "Oorspronkelijk adres");
	if (rr_rec_str(doc, "url"))
		layout_link(&h, rr_rec_str(doc, "url"), rr_rec_str(doc, "url"));
	else
		html_text(&h, "niet vastgelegd");
	pk_item_end(&h);
	file_item(r, &h, doc);
	pk_item(&h, "Controlegetal (SHA-256)", rr_rec_str(doc, "sha256"));
	pk_dl_end(&h);
	legend(&h, c, nc, &m);
	layout_h2(&h, "Tekst");
	if (text) {
		html_open_c(&h, "p", "utrecht-paragraph");
		html_textf(&h, "De tekst zoals het register hem bewaart. Gemarkeerd: de %zu "
			   "plaatsen waar een gegeven uit is overgenomen.", m.n);
		html_close(&h, "p");
		html_open_c(&h, "div", "rr-document-text");
		marked_text(&h, text, len, &m);
		html_close(&h, "div");
	} else {
		layout_paragraph(&h, "De tekst van dit document is niet in het register opgenomen.");
	}
	html_open_c(&h, "p", "utrecht-paragraph");
	pk_link(&h, "/api/v1/documents/", rr_rec_str(doc, "id"), "Dit document als JSON");
	if (public_doc) {
		html_raw_trusted(&h, " \xc2\xb7 ");
		layout_link(&h, diwoo, "metadata voor de Woo-index (DiWoo, XML)");
	}
	html_close(&h, "p");
	e = pk_end(&h, o);
out:
	free(c);
	free(m.v);
	json_decref(doc);
	json_decref(citing);
	return e;
}

rr_err page_document_file(rr_req *r, rr_resp *o)
{
	json_t *doc = NULL, *citing = NULL, *meta = NULL;
	char name[128];
	rr_err e;

	/* public: the same visibility as the document's page */
	if ((e = load(r, &doc, &citing)))
		return e;
	if ((e = rr_store_file_get(r->store, rr_rec_str(doc, "id"), &meta, NULL)))
		goto out;
	safe_name(name, sizeof name, rr_rec_str(meta, "name"));
	if (strcmp(name, rr_req_cap(r, "kind"))) {
		e = RR_ENOTFOUND;
		goto out;
	}
	json_decref(meta);
	meta = NULL;
	rr_buf_reset(&o->body);
	if ((e = rr_store_file_get(r->store, rr_rec_str(doc, "id"), &meta, &o->body)))
		goto out;
	/* never rendered by the browser as a page of this site */
	o->ctype = RR_CT_BINARY;
	o->disposition = "attachment";
out:
	json_decref(meta);
	json_decref(doc);
	json_decref(citing);
	return e;
}

rr_err api_document(rr_req *r, rr_resp *o)
{
	json_t *doc = NULL, *citing = NULL, *list = json_array(), *meta = NULL;
	static const char *const keys[] = {"trips", "results", "partnerships"};
	static const char *const kinds[] = {"trip", "result", "partnership"};
	rr_err e = load(r, &doc, &citing);

	if (e == RR_ENOTFOUND) {
		json_decref(list);
		page_error(o, 404, "not_found", "Dit document bestaat niet of is niet openbaar.");
		return RR_OK;
	}
	if (e) {
		json_decref(list);
		return e;
	}
	for (size_t i = 0; i < 3; i++) {
		const json_t *rec;
		size_t j;
		json_array_foreach(json_object_get(citing, keys[i]), j, rec)
			json_array_append_new(list, json_pack("{s:s, s:O}", "kind", kinds[i], "id",
							      json_object_get(rec, "id")));
	}
	json_object_set_new(doc, "cited_by", list);
	if (rr_store_file_get(r->store, rr_rec_str(doc, "id"), &meta, NULL) == RR_OK)
		json_object_set_new(doc, "original_file", meta);
	e = pk_json(o, doc);
	json_decref(doc);
	json_decref(citing);
	return e;
}
