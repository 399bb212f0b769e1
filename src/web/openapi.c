/* openapi.c - /api/openapi.json: the OpenAPI 3 description of the API,
 * compiled in. Keep it in step with api.c, feed.c and routes.c: every GET
 * route outside /beheer is here with exactly the query parameters it
 * declares (tests/unit/test_openapi.c checks it against the route table). */
#include <string.h>

#include "web/pages.h"

#define P(name, desc, schema) \
	"{\"name\":\"" name "\",\"in\":\"query\",\"required\":false,\"description\":\"" desc \
	"\",\"schema\":" schema "}"
#define FILTERS \
	P("organisation", "body code (TOOI/CBS), e.g. gm0034", "{\"type\":\"string\"}") "," \
	P("year", "year the trip started", "{\"type\":\"integer\",\"minimum\":1000,\"maximum\":9999}") "," \
	P("country", "destination, ISO 3166-1 alpha-2", "{\"type\":\"string\",\"pattern\":\"^[A-Za-z]{2}$\"}") "," \
	P("person", "person id or traveller name", "{\"type\":\"string\"}") "," \
	P("kind", "dienstreis, handelsmissie, studiereis, werkbezoek, conferentie, bezoek", "{\"type\":\"string\"}") "," \
	P("direction", "out or in", "{\"type\":\"string\",\"enum\":[\"out\",\"in\"]}") "," \
	P("q", "full-text search (Dutch stemming); results best first", "{\"type\":\"string\"}") "," \
	P("third_party", "1: only trips with a cost paid by another party", "{\"type\":\"string\",\"enum\":[\"1\"]}") "," \
	P("limit", "at most this many (1-1000)", "{\"type\":\"integer\",\"minimum\":0,\"maximum\":1000}") "," \
	P("offset", "skip this many", "{\"type\":\"integer\",\"minimum\":0}")
#define ERR "\"default\":{\"description\":\"error\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Error\"}}}}"
#define JSON_OK(desc, schema) \
	"\"200\":{\"description\":\"" desc "\",\"content\":{\"application/json\":{\"schema\":" schema "}}}"

/* The search page's and the feeds' filters: FILTERS without paging. */
#define SEARCH_FILTERS \
	P("q", "full-text search (Dutch stemming); results best first", "{\"type\":\"string\"}") "," \
	P("organisation", "body code (TOOI/CBS), e.g. gm0034", "{\"type\":\"string\"}") "," \
	P("year", "year the trip started", "{\"type\":\"integer\",\"minimum\":1000,\"maximum\":9999}") "," \
	P("country", "destination, ISO 3166-1 alpha-2", "{\"type\":\"string\",\"pattern\":\"^[A-Za-z]{2}$\"}") "," \
	P("person", "person id or traveller name", "{\"type\":\"string\"}") "," \
	P("kind", "dienstreis, handelsmissie, studiereis, werkbezoek, conferentie, bezoek", "{\"type\":\"string\"}") "," \
	P("direction", "out or in", "{\"type\":\"string\",\"enum\":[\"out\",\"in\"]}") "," \
	P("third_party", "1: only trips with a cost paid by another party", "{\"type\":\"string\",\"enum\":[\"1\"]}")
#define PATH(name) "{\"name\":\"" name "\",\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"string\"}}"
#define YEARP(name, desc) P(name, desc, "{\"type\":\"integer\",\"minimum\":1000,\"maximum\":9999}")
#define SLAPEND P("slapend_na", "years without activity after which a partnership counts as dormant", "{\"type\":\"integer\",\"minimum\":1}")
#define TYPED_OK(desc, type) \
	"\"200\":{\"description\":\"" desc "\",\"content\":{\"" type "\":{\"schema\":{\"type\":\"string\"}}}}"
#define HTML_OK(desc) TYPED_OK(desc, "text/html")
#define NOT_FOUND "\"404\":{\"description\":\"not found, or not published\"}"
/* A GET of the public site: summary, parameters (JSON list items) and responses. */
#define GET(path, summary, params, responses) \
	"\"" path "\":{\"get\":{\"summary\":\"" summary "\",\"parameters\":[" params "],\"responses\":{" responses "}}},"
#define PAGE(path, summary, params) GET(path, summary, params, HTML_OK("page (Dutch)") "," NOT_FOUND)
#define MOVED(path, to, params) \
	GET(path, "Former English address: 301 to " to ", the query kept", params, \
	    "\"301\":{\"description\":\"moved permanently\"}")
#define XML_OK(desc) TYPED_OK(desc, "application/xml")

static const char spec[] =
	"{\"openapi\":\"3.0.3\","
	"\"info\":{\"title\":\"Reisregister open data\",\"version\":\"1\","
	"\"description\":\"Public register of foreign trips of Dutch municipalities and provinces. "
	"Only published records. Field names: docs/data-model.md. CORS is open for GET.\"},"
	"\"paths\":{"
	"\"/api/v1/trips\":{\"get\":{\"summary\":\"Trips, newest first (best first with q)\","
	"\"parameters\":[" FILTERS "],\"responses\":{" JSON_OK("trips and the number of matches",
	"{\"type\":\"object\",\"properties\":{\"trips\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Trip\"}},\"total\":{\"type\":\"integer\"}}}") "," ERR "}}},"
	"\"/api/v1/trips.csv\":{\"get\":{\"summary\":\"The same trips as CSV (RFC 4180, UTF-8, header row)\","
	"\"parameters\":[" FILTERS "],\"responses\":{\"200\":{\"description\":\"CSV\",\"content\":{\"text/csv\":{\"schema\":{\"type\":\"string\"}}}}," ERR "}}},"
	"\"/api/v1/trips.xlsx\":{\"get\":{\"summary\":\"The same trips as a spreadsheet for people: sheets Reizen and Kostenposten, Dutch headings, date and number cells, unknown amounts empty\","
	"\"parameters\":[" FILTERS "],\"responses\":{\"200\":{\"description\":\"XLSX\",\"content\":{\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\":{\"schema\":{\"type\":\"string\",\"format\":\"binary\"}}}}," ERR "}}},"
	"\"/api/v1/totals\":{\"get\":{\"summary\":\"A body's totals (of a year): trips, officials, costs estimated and actual with how many trips state them (null: unknown), paid by others, late reports, CO₂ in kg (co2_kg, co2_known; docs/co2.md)\","
	"\"parameters\":[" P("organisation", "body code (required)", "{\"type\":\"string\"}") "," P("year", "year the trips started", "{\"type\":\"integer\"}") "],"
	"\"responses\":{" JSON_OK("totals", "{\"type\":\"object\"}") "," ERR "}}},"
	"\"/api/v1/compare\":{\"get\":{\"summary\":\"The bodies side by side over a period (totals per body, budget, FTE)\","
	"\"parameters\":[" P("from", "first year", "{\"type\":\"integer\"}") "," P("to", "last year", "{\"type\":\"integer\"}") "," P("year", "one year (from = to)", "{\"type\":\"integer\"}") "],"
	"\"responses\":{" JSON_OK("bodies", "{\"type\":\"object\",\"properties\":{\"bodies\":{\"type\":\"array\",\"items\":{\"type\":\"object\"}}}}") "," ERR "}}},"
	"\"/api/v1/documents/{id}\":{\"get\":{\"summary\":\"A source document cited by a published record: its text, cited_by [{kind, id}], original_file {name, media_type, sha256, size}\",\"parameters\":[{\"name\":\"id\",\"in\":\"path\",\"required\":true,"
	"\"schema\":{\"type\":\"string\"}}],\"responses\":{" JSON_OK("the document", "{\"type\":\"object\"}") "," ERR "}}},"
	"\"/api/v1/trips/{id}\":{\"get\":{\"summary\":\"One trip\",\"parameters\":[{\"name\":\"id\",\"in\":\"path\",\"required\":true,"
	"\"schema\":{\"type\":\"string\",\"pattern\":\"^[a-z0-9][a-z0-9._-]*$\"}}],\"responses\":{" JSON_OK("the trip", "{\"$ref\":\"#/components/schemas/Trip\"}") "," ERR "}}},"
	"\"/api/v1/trips/{id}/co2\":{\"get\":{\"summary\":\"The CO2 estimate of one trip (docs/co2.md): kg (null when the number of travellers is unknown), kg_per_traveller, travellers, legs [{from, to, km, km_counted, mode, estimated, train_possible, factor_kg_per_pkm}], train_possible, factors_source, own_factors, train_threshold_km; 404 when the trip has no estimate (incoming, or no known destination)\",\"parameters\":[{\"name\":\"id\",\"in\":\"path\",\"required\":true,"
	"\"schema\":{\"type\":\"string\",\"pattern\":\"^[a-z0-9][a-z0-9._-]*$\"}}],\"responses\":{" JSON_OK("the estimate", "{\"type\":\"object\"}") "," ERR "}}},"
	"\"/api/v1/organisations\":{\"get\":{\"summary\":\"Bodies and other organisations\","
	"\"parameters\":[" P("organisation", "only this body and the organisations its records name", "{\"type\":\"string\"}") "],\"responses\":{"
	JSON_OK("organisations", "{\"type\":\"object\",\"properties\":{\"organisations\":{\"type\":\"array\",\"items\":{\"type\":\"object\"}}}}") "," ERR "}}},"
	"\"/api/v1/partnerships\":{\"get\":{\"summary\":\"Partnerships (sister cities, friendship treaties, MoUs)\","
	"\"parameters\":[" P("organisation", "body code", "{\"type\":\"string\"}") "],\"responses\":{"
	JSON_OK("partnerships", "{\"type\":\"object\",\"properties\":{\"partnerships\":{\"type\":\"array\",\"items\":{\"type\":\"object\"}}}}") "," ERR "}}},"
	"\"/api/v1/search\":{\"get\":{\"summary\":\"Full-text search with snippets and facets\",\"parameters\":[" FILTERS "],"
	"\"responses\":{" JSON_OK("results, facets and total", "{\"type\":\"object\",\"properties\":{\"results\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/SearchResult\"}},"
	"\"facets\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"value\":{},\"count\":{\"type\":\"integer\"}}}}},\"total\":{\"type\":\"integer\"}}}") "," ERR "}}},"
	"\"/o/{code}/feed.atom\":{\"get\":{\"summary\":\"Atom 1.0 feed of a body's trips, newest first\",\"parameters\":[{\"name\":\"code\",\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"string\"}}],"
	"\"responses\":{\"200\":{\"description\":\"Atom\",\"content\":{\"application/atom+xml\":{\"schema\":{\"type\":\"string\"}}}}," ERR "}}},"
	"\"/api/v1/partnerships/{id}/evaluation\":{\"get\":{\"summary\":\"A partnership's evaluation: its results, trips, costs and activity per year\","
	"\"parameters\":[" PATH("id") "," SLAPEND "],\"responses\":{" JSON_OK("the evaluation", "{\"type\":\"object\"}") "," ERR "}}},"
	"\"/api/v1/partnerships/{id}/evaluation.csv\":{\"get\":{\"summary\":\"The same evaluation as CSV\","
	"\"parameters\":[" PATH("id") "," SLAPEND "],\"responses\":{" TYPED_OK("CSV", "text/csv") "," ERR "}}},"
	"\"/api/v1/gifts\":{\"get\":{\"summary\":\"Gifts received or given (of a body, of a year)\","
	"\"description\":\"giver, recipient and date are null when the source does not state them; "
	"a gift without a date is in no year's list\","
	"\"parameters\":[" YEARP("year", "year of the gift") "," YEARP("jaar", "the same as year") "," P("organisation", "body code", "{\"type\":\"string\"}") "],"
	"\"responses\":{" JSON_OK("gifts", "{\"type\":\"object\",\"properties\":{\"gifts\":{\"type\":\"array\",\"items\":{\"type\":\"object\","
	"\"required\":[\"id\",\"organisation\",\"description\",\"giver\",\"recipient\",\"date\"],\"properties\":{"
	"\"giver\":{\"type\":\"string\",\"nullable\":true},\"recipient\":{\"type\":\"string\",\"nullable\":true},"
	"\"date\":{\"type\":\"string\",\"nullable\":true},\"description\":{\"type\":\"string\"}}}}}}") "," ERR "}}},"
	"\"/api/v1/gifts.csv\":{\"get\":{\"summary\":\"The same gifts as CSV\","
	"\"parameters\":[" YEARP("year", "year of the gift") "," YEARP("jaar", "the same as year") "," P("organisation", "body code", "{\"type\":\"string\"}") "],"
	"\"responses\":{" TYPED_OK("CSV", "text/csv") "," ERR "}}},"
	"\"/api/v1/overdue\":{\"get\":{\"summary\":\"Trips whose report is overdue (of a body)\","
	"\"parameters\":[" P("organisation", "body code", "{\"type\":\"string\"}") "],"
	"\"responses\":{" JSON_OK("overdue trips", "{\"type\":\"object\"}") "," ERR "}}},"
	GET("/zoeken.atom", "Atom 1.0 feed of any search, over all bodies: the filters of /zoeken; best first with q, else newest first", SEARCH_FILTERS,
	    TYPED_OK("Atom", "application/atom+xml"))
	GET("/search.atom", "The same feed as /zoeken.atom", SEARCH_FILTERS, TYPED_OK("Atom", "application/atom+xml"))
	PAGE("/", "Home page: the bodies that publish", "")
	PAGE("/o/{code}", "A body: its trips, totals and partnerships", PATH("code"))
	PAGE("/o/{code}/geschenken", "A body's gifts", PATH("code") "," YEARP("year", "year of the gift") "," YEARP("jaar", "the same as year"))
	PAGE("/o/{code}/te-laat", "A body's trips whose report is overdue", PATH("code"))
	PAGE("/o/{code}/{year}", "A body's trips of one year", PATH("code") "," PATH("year"))
	PAGE("/reizen/{id}", "One trip", PATH("id"))
	PAGE("/personen/{id}", "A person's trips", PATH("id"))
	PAGE("/landen/{country}", "Trips to a country", PATH("country"))
	PAGE("/zoeken", "Search and filters (a plain GET form)", SEARCH_FILTERS)
	PAGE("/documenten/{id}", "A source document cited by a published record, with the evidence marked", PATH("id"))
	GET("/documenten/{id}/{kind}", "The document's original file, as imported", PATH("id") "," PATH("kind"),
	    TYPED_OK("the file", "application/octet-stream") "," NOT_FOUND)
	PAGE("/resultaten/{id}", "A result of a partnership or trip", PATH("id"))
	PAGE("/partnerschappen/{id}", "A partnership and its evaluation", PATH("id") "," SLAPEND)
	MOVED("/trips/{id}", "/reizen/{id}", PATH("id"))
	MOVED("/people/{id}", "/personen/{id}", PATH("id"))
	MOVED("/countries/{country}", "/landen/{country}", PATH("country"))
	MOVED("/search", "/zoeken", SEARCH_FILTERS)
	MOVED("/partnerships/{id}", "/partnerschappen/{id}", PATH("id") "," SLAPEND)
	PAGE("/toegankelijkheid", "Accessibility statement", "")
	PAGE("/open-data", "The open data explained", "")
	PAGE("/vergelijking", "The bodies side by side over a period", YEARP("van", "first year") "," YEARP("tot", "last year") "," YEARP("jaar", "one year"))
	PAGE("/inloggen", "Sign-in form (for the bodies' editors)", "")
	PAGE("/uitnodiging", "Accepting an invitation (for the bodies' editors)", P("naam", "user name", "{\"type\":\"string\"}") "," P("code", "invitation code", "{\"type\":\"string\"}"))
	GET("/robots.txt", "Robots rules, with a Sitemap line per Woo information category that has documents", "", TYPED_OK("text", "text/plain"))
	GET("/sitemapindex-diwoo-infocat006.xml", "DiWoo sitemap index: information category bij vertegenwoordigende organen ingekomen stukken (letters)", "", XML_OK("sitemap index") "," NOT_FOUND)
	GET("/sitemapindex-diwoo-infocat015.xml", "DiWoo sitemap index: information category onderzoeksrapporten (evaluations)", "", XML_OK("sitemap index") "," NOT_FOUND)
	GET("/sitemapindex-diwoo-infocat018.xml", "DiWoo sitemap index: inspanningsverplichting art. 3.1 Woo (the other documents)", "", XML_OK("sitemap index") "," NOT_FOUND)
	GET("/woo/sitemaps/{id}", "DiWoo sitemap of a category (id: infocatNNN.xml): one url per public document with its DiWoo metadata", PATH("id"), XML_OK("sitemap") "," NOT_FOUND)
	GET("/woo/documenten/{id}", "DiWoo metadata of a public document (id: the document's id + .xml)", PATH("id"), XML_OK("diwoo:Document") "," NOT_FOUND)
	GET("/catalogus", "DCAT-AP-DONL catalogue of the open data (JSON-LD)", "", TYPED_OK("JSON-LD", "application/json"))
	GET("/catalogus.rdf", "The same catalogue as RDF/XML", "", XML_OK("RDF/XML"))
	"\"/api/openapi.json\":{\"get\":{\"summary\":\"This description\",\"parameters\":[],\"responses\":{\"200\":{\"description\":\"OpenAPI 3\"}}}}"
	"},"
	"\"components\":{\"schemas\":{"
	"\"Error\":{\"type\":\"object\",\"properties\":{\"error\":{\"type\":\"object\",\"properties\":{\"code\":{\"type\":\"string\"},\"message\":{\"type\":\"string\"}}}}},"
	"\"SearchResult\":{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},\"title\":{\"type\":\"string\"},\"organisation\":{\"type\":\"string\"},"
	"\"start\":{\"type\":\"string\"},\"end\":{\"type\":\"string\"},\"snippet\":{\"type\":\"string\",\"description\":\"plain text\"},"
	"\"highlights\":{\"type\":\"array\",\"items\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"}},\"description\":\"[byte offset, byte length] in snippet\"},\"score\":{\"type\":\"number\"}}},"
	"\"Trip\":{\"type\":\"object\",\"description\":\"canonical trip (docs/data-model.md)\",\"required\":[\"id\",\"organisation\",\"title\",\"direction\",\"status\"],"
	"\"properties\":{\"id\":{\"type\":\"string\"},\"organisation\":{\"type\":\"string\"},\"title\":{\"type\":\"string\"},\"kind\":{\"type\":\"string\"},"
	"\"direction\":{\"type\":\"string\",\"enum\":[\"out\",\"in\"]},\"status\":{\"type\":\"string\"},\"public\":{\"type\":\"boolean\"},"
	"\"start\":{\"type\":\"string\",\"description\":\"YYYY, YYYY-MM or YYYY-MM-DD\"},\"end\":{\"type\":\"string\"},\"planned_start\":{\"type\":\"string\"},\"planned_end\":{\"type\":\"string\"},"
	"\"destinations\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"country\":{\"type\":\"string\"},\"city\":{\"type\":\"string\"}}}},"
	"\"travellers\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"role\":{\"type\":\"string\"},\"person\":{\"type\":\"string\"}}}},"
	"\"accompanying_officials\":{\"type\":\"integer\"},\"planned_accompanying_officials\":{\"type\":\"integer\"},\"purpose\":{\"type\":\"string\"},"
	"\"costs\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"category\":{\"type\":\"string\"},\"amount_eur\":{\"type\":\"number\"},"
	"\"kind\":{\"type\":\"string\",\"enum\":[\"estimate\",\"actual\"]},\"paid_by\":{\"type\":\"string\"}}}},"
	"\"decision\":{\"type\":\"object\"},\"report\":{\"type\":\"object\",\"properties\":{\"due\":{\"type\":\"string\"},\"submitted\":{\"type\":\"string\"},\"text\":{\"type\":\"string\",\"description\":\"Markdown\"}}},"
	"\"partnership\":{\"type\":\"string\"},\"counterpart\":{\"type\":\"string\"},\"themes\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"sources\":{\"type\":\"array\",\"items\":{\"type\":\"object\"}}}}"
	"}}}\n";

rr_err api_openapi(rr_req *r, rr_resp *o)
{
	(void)r;
	o->ctype = RR_CT_JSON;
	return rr_buf_add(&o->body, spec, sizeof spec - 1);
}
