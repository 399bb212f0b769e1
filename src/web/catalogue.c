/* catalogue.c - the open data as a DCAT-AP-DONL catalogue, for
 * data.overheid.nl to harvest: /catalogus (JSON-LD) and /catalogus.rdf
 * (RDF/XML), the same graph.
 *
 * Per body that publishes trips, five datasets: its trips, their cost
 * lines, its gifts, its partnerships, and the results of its partnerships
 * (the evaluation of each). Each distribution is an address of the API
 * (JSON, CSV, XLSX) or an Atom feed, filtered to the body. Publisher: the
 * body's TOOI URI, or `serve --publisher`; licence: CC0 1.0, or
 * `serve --licence`; contact: the body's page in the register; update
 * frequency: continuous (the register changes whenever a body publishes).
 * Absolute URLs from `serve --base-url` (publish.h). Read as the anonymous
 * visitor, whoever asks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/record.h"
#include "store/public.h"
#include "web/pages.h"
#include "web/publish.h"

#define FILETYPE "http://publications.europa.eu/resource/authority/file-type/"
#define FREQ_CONT "http://publications.europa.eu/resource/authority/frequency/CONT"
#define LANG_NLD "http://publications.europa.eu/resource/authority/language/NLD"
#define MAX_DIST 64
#define URL_MAX 600

typedef struct dist {
	char url[URL_MAX];
	const char *format;     /* EU file type: JSON, CSV, XLSX, ATOM */
	const char *media_type;
	const char *title;
} dist;

typedef struct dataset {
	char id[URL_MAX];       /* its URI */
	char title[400];
	char description[600];
	char publisher[200];
	char contact[URL_MAX];
	dist d[MAX_DIST];
	size_t nd;
} dataset;

static void add_dist(dataset *ds, const char *format, const char *media, const char *title,
		     const char *fmt, const char *code, const char *id)
{
	char path[URL_MAX];

	if (ds->nd >= MAX_DIST)
		return;
	snprintf(path, sizeof path, fmt, code, id ? id : "");
	snprintf(ds->d[ds->nd].url, URL_MAX, "%s%s", rr_publish_abs_base(), path);
	ds->d[ds->nd].format = format;
	ds->d[ds->nd].media_type = media;
	ds->d[ds->nd].title = title;
	ds->nd++;
}

#define JSON_D(ds, t, f, c, id) add_dist(ds, "JSON", "application/json", t, f, c, id)
#define CSV_D(ds, t, f, c, id) add_dist(ds, "CSV", "text/csv", t, f, c, id)
#define XLSX_D(ds, t, f, c) \
	add_dist(ds, "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", t, f, c, NULL)
#define ATOM_D(ds, t, f, c) add_dist(ds, "ATOM", "application/atom+xml", t, f, c, NULL)

/* The five datasets of body code (named name); *n of them filled. */
static rr_err body_datasets(rr_req *r, const char *code, const char *name, dataset *out,
			    size_t *n)
{
	static const struct {
		const char *slug, *title, *desc;
	} kinds[] = {
		{"reizen", "Buitenlandse reizen", "De buitenlandse dienstreizen, handelsmissies en "
		 "werkbezoeken van bestuurders en ambtenaren, en de bezoeken die het orgaan ontving: "
		 "bestemming, reizigers, doel, besluit, kosten en verslag."},
		{"kostenposten", "Kostenposten van buitenlandse reizen", "De kosten van elke reis per "
		 "post (reis, verblijf, ...), geraamd of werkelijk, met wie betaalde."},
		{"geschenken", "Geschenken", "Geschenken die bestuurders op reis of bij bezoek ontvingen "
		 "of gaven, met hun waarde en wat ermee gebeurde."},
		{"partnerschappen", "Internationale partnerschappen", "Stedenbanden, "
		 "vriendschapsverdragen en samenwerkingsovereenkomsten met buitenlandse partners."},
		{"resultaten", "Resultaten van partnerschappen", "Wat partnerschappen en reizen "
		 "opleverden, met de evaluatie per partnerschap."},
	};
	const rr_publish *pub = rr_publish_get();
	json_t *parts = NULL;
	const json_t *p;
	size_t i;
	rr_err e;

	*n = 0;
	if ((e = rr_store_list(r->store, RR_K_PARTNERSHIP, code, 0, &rr_viewer_anonymous, &parts)))
		return e;
	for (size_t k = 0; k < 5; k++) {
		dataset *ds = &out[*n];

		memset(ds, 0, sizeof *ds);
		snprintf(ds->id, sizeof ds->id, "%s/catalogus#%s-%s", rr_publish_abs_base(), code,
			 kinds[k].slug);
		snprintf(ds->title, sizeof ds->title, "%s: %s", kinds[k].title, name);
		snprintf(ds->description, sizeof ds->description, "%s", kinds[k].desc);
		if (pub->publisher)
			snprintf(ds->publisher, sizeof ds->publisher, "%s", pub->publisher);
		else
			rr_tooi_uri(ds->publisher, sizeof ds->publisher, code);
		snprintf(ds->contact, sizeof ds->contact, "%s/o/%s", rr_publish_abs_base(), code);
		switch (k) {
		case 0:
			JSON_D(ds, "Reizen (JSON)", "/api/v1/trips?organisation=%s&limit=1000", code, NULL);
			CSV_D(ds, "Reizen (CSV)", "/api/v1/trips.csv?organisation=%s&limit=1000", code, NULL);
			XLSX_D(ds, "Reizen (spreadsheet)", "/api/v1/trips.xlsx?organisation=%s&limit=1000", code);
			ATOM_D(ds, "Nieuwe reizen (Atom)", "/o/%s/feed.atom", code);
			break;
		case 1:
			XLSX_D(ds, "Kostenposten (spreadsheet, blad Kostenposten)",
			       "/api/v1/trips.xlsx?organisation=%s&limit=1000", code);
			JSON_D(ds, "Reizen met kostenposten (JSON, costs)",
			       "/api/v1/trips?organisation=%s&limit=1000", code, NULL);
			break;
		case 2:
			JSON_D(ds, "Geschenken (JSON)", "/api/v1/gifts?organisation=%s", code, NULL);
			CSV_D(ds, "Geschenken (CSV)", "/api/v1/gifts.csv?organisation=%s", code, NULL);
			break;
		case 3:
			JSON_D(ds, "Partnerschappen (JSON)", "/api/v1/partnerships?organisation=%s", code, NULL);
			break;
		case 4:
			json_array_foreach(parts, i, p) {
				const char *id = rr_rec_str(p, "id");
				JSON_D(ds, "Evaluatie van een partnerschap (JSON)",
				       "/api/v1/partnerships/%.0s%s/evaluation", code, id);
				CSV_D(ds, "Evaluatie van een partnerschap (CSV)",
				      "/api/v1/partnerships/%.0s%s/evaluation.csv", code, id);
			}
			break;
		}
		if (ds->nd)
			(*n)++;
	}
	json_decref(parts);
	return RR_OK;
}

/* Every dataset: a new array of *n (free() it). */
static rr_err datasets(rr_req *r, dataset **out, size_t *n)
{
	json_t *counts = NULL;
	const char *code;
	json_t *v;
	rr_err e;

	*out = NULL;
	*n = 0;
	if ((e = rr_store_trip_counts(r->store, &rr_viewer_anonymous, &counts)))
		return e;
	if (!(*out = calloc(json_object_size(counts) * 5 + 1, sizeof **out))) {
		e = RR_ENOMEM;
		goto out;
	}
	json_object_foreach(counts, code, v) {
		char name[300];
		const char *nm = pk_org_name(r, code, name, sizeof name);
		size_t k = 0;

		if ((e = body_datasets(r, code, nm ? nm : code, *out + *n, &k)))
			goto out;
		*n += k;
	}
out:
	json_decref(counts);
	return e;
}

static json_t *ref(const char *uri)
{
	return json_pack("{s:s}", "@id", uri);
}

rr_err catalogue_jsonld(rr_req *r, rr_resp *o)
{
	dataset *ds = NULL;
	size_t n = 0;
	json_t *doc = NULL, *list;
	char self[URL_MAX];
	rr_err e;

	/* public: describes the open data only */
	if ((e = datasets(r, &ds, &n)))
		goto out;
	snprintf(self, sizeof self, "%s/catalogus", rr_publish_abs_base());
	doc = json_pack("{s:{s:s,s:s,s:s,s:s,s:s,s:s},s:s,s:s,s:{s:s,s:s},s:{s:s,s:s},s:o,s:o}",
		"@context", "dcat", "http://www.w3.org/ns/dcat#", "dct", "http://purl.org/dc/terms/",
		"foaf", "http://xmlns.com/foaf/0.1/", "vcard", "http://www.w3.org/2006/vcard/ns#",
		"donl", "https://data.overheid.nl/", "xsd", "http://www.w3.org/2001/XMLSchema#",
		"@id", self, "@type", "dcat:Catalog",
		"dct:title", "@value", "Reisregister", "@language", "nl",
		"dct:description", "@value", "Open data over buitenlandse reizen van Nederlandse "
		"overheden: reizen, kosten, geschenken, partnerschappen en resultaten.", "@language", "nl",
		"dct:language", ref(LANG_NLD), "dcat:dataset", json_array());
	if (!doc) {
		e = RR_ENOMEM;
		goto out;
	}
	list = json_object_get(doc, "dcat:dataset");
	for (size_t i = 0; i < n; i++) {
		json_t *dists = json_array();
		json_t *d = json_pack("{s:s,s:s,s:s,s:{s:s,s:s},s:{s:s,s:s},s:o,s:o,s:o,s:{s:s,s:o},s:o}",
			"@id", ds[i].id, "@type", "dcat:Dataset", "dct:identifier", ds[i].id,
			"dct:title", "@value", ds[i].title, "@language", "nl",
			"dct:description", "@value", ds[i].description, "@language", "nl",
			"dct:publisher", ref(ds[i].publisher), "dct:language", ref(LANG_NLD),
			"dct:accrualPeriodicity", ref(FREQ_CONT),
			"dcat:contactPoint", "@type", "vcard:Kind", "vcard:hasURL", ref(ds[i].contact),
			"dcat:distribution", dists);
		if (!d || !dists || json_array_append_new(list, d)) {
			e = RR_ENOMEM;
			goto out;
		}
		for (size_t k = 0; k < ds[i].nd; k++) {
			const dist *x = &ds[i].d[k];
			char ft[120];
			snprintf(ft, sizeof ft, FILETYPE "%s", x->format);
			if (json_array_append_new(dists, json_pack(
				"{s:s,s:{s:s,s:s},s:o,s:o,s:o,s:s,s:o}", "@type", "dcat:Distribution",
				"dct:title", "@value", x->title, "@language", "nl",
				"dcat:accessURL", ref(x->url), "dcat:downloadURL", ref(x->url),
				"dct:format", ref(ft), "dcat:mediaType", x->media_type,
				"dct:license", ref(rr_publish_licence())))) {
				e = RR_ENOMEM;
				goto out;
			}
		}
	}
	e = pk_json(o, doc);
out:
	free(ds);
	json_decref(doc);
	return e;
}

/* <tag rdf:resource="uri"/>; tag a literal of ours. */
static void res(rr_buf *b, const char *tag, const char *uri)
{
	rr_buf_printf(b, "<%s rdf:resource=\"", tag);
	rr_xml_text(b, uri);
	rr_buf_addstr(b, "\"/>");
}

/* <tag xml:lang="nl">text</tag> */
static void lit(rr_buf *b, const char *tag, const char *text)
{
	rr_buf_printf(b, "<%s xml:lang=\"nl\">", tag);
	rr_xml_text(b, text);
	rr_buf_printf(b, "</%s>", tag);
}

rr_err catalogue_rdf(rr_req *r, rr_resp *o)
{
	dataset *ds = NULL;
	size_t n = 0;
	rr_buf *b = &o->body;
	rr_err e;

	/* public: describes the open data only */
	if ((e = datasets(r, &ds, &n)))
		return e;
	o->ctype = RR_CT_XML;
	rr_buf_addstr(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
		      "xmlns:dcat=\"http://www.w3.org/ns/dcat#\" xmlns:dct=\"http://purl.org/dc/terms/\" "
		      "xmlns:vcard=\"http://www.w3.org/2006/vcard/ns#\">\n<dcat:Catalog rdf:about=\"");
	rr_xml_text(b, rr_publish_abs_base());
	rr_buf_addstr(b, "/catalogus\">");
	lit(b, "dct:title", "Reisregister");
	lit(b, "dct:description", "Open data over buitenlandse reizen van Nederlandse overheden: "
	    "reizen, kosten, geschenken, partnerschappen en resultaten.");
	res(b, "dct:language", LANG_NLD);
	rr_buf_addstr(b, "\n");
	for (size_t i = 0; i < n; i++) {
		rr_buf_addstr(b, "<dcat:dataset><dcat:Dataset rdf:about=\"");
		rr_xml_text(b, ds[i].id);
		rr_buf_addstr(b, "\">");
		rr_xml_element(b, "dct:identifier", ds[i].id);
		lit(b, "dct:title", ds[i].title);
		lit(b, "dct:description", ds[i].description);
		res(b, "dct:publisher", ds[i].publisher);
		res(b, "dct:language", LANG_NLD);
		res(b, "dct:accrualPeriodicity", FREQ_CONT);
		rr_buf_addstr(b, "<dcat:contactPoint><vcard:Kind>");
		res(b, "vcard:hasURL", ds[i].contact);
		rr_buf_addstr(b, "</vcard:Kind></dcat:contactPoint>\n");
		for (size_t k = 0; k < ds[i].nd; k++) {
			const dist *x = &ds[i].d[k];
			char ft[120];
			snprintf(ft, sizeof ft, FILETYPE "%s", x->format);
			rr_buf_addstr(b, "<dcat:distribution><dcat:Distribution>");
			lit(b, "dct:title", x->title);
			res(b, "dcat:accessURL", x->url);
			res(b, "dcat:downloadURL", x->url);
			res(b, "dct:format", ft);
			rr_xml_element(b, "dcat:mediaType", x->media_type);
			res(b, "dct:license", rr_publish_licence());
			rr_buf_addstr(b, "</dcat:Distribution></dcat:distribution>\n");
		}
		rr_buf_addstr(b, "</dcat:Dataset></dcat:dataset>\n");
	}
	rr_buf_addstr(b, "</dcat:Catalog>\n</rdf:RDF>\n");
	e = rr_buf_err(b);
	free(ds);
	return e;
}
