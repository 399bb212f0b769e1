/* page_static.c - the accessibility statement and the open-data page. */
#include "web/pages.h"

rr_err page_accessibility(rr_req *r, rr_resp *o)
{
	static const layout_crumb crumbs[] = {{"Home", "/"}, {"Toegankelijkheid", NULL}};
	html h;

	(void)r;
	pk_begin(&h, o, "Toegankelijkheidsverklaring", crumbs, 2, "/toegankelijkheid");
	layout_h1(&h, "Toegankelijkheidsverklaring");
	layout_paragraph(&h, "Wij willen dat iedereen het reisregister kan gebruiken. De site "
		"is gebouwd volgens de Web Content Accessibility Guidelines (WCAG) 2.1 op "
		"niveau AA, met de componenten van het NL Design System.");
	layout_h2(&h, "Wat wij doen");
	html_open_c(&h, "ul", "utrecht-unordered-list");
	html_open_c(&h, "li", "utrecht-unordered-list__item");
	html_raw_trusted(&h, "Alle pagina's werken zonder JavaScript en met alleen een toetsenbord.");
	html_close(&h, "li");
	html_open_c(&h, "li", "utrecht-unordered-list__item");
	html_raw_trusted(&h, "Elke grafiek heeft een beschrijving en dezelfde cijfers staan in een tabel.");
	html_close(&h, "li");
	html_open_c(&h, "li", "utrecht-unordered-list__item");
	html_raw_trusted(&h, "Elke pagina wordt automatisch gecontroleerd met axe-core.");
	html_close(&h, "li");
	html_close(&h, "ul");
	layout_h2(&h, "Problemen melden");
	layout_paragraph(&h, "Loopt u tegen een probleem aan? Meld het bij de organisatie die "
		"de reis heeft gepubliceerd; wij passen de site zo snel mogelijk aan.");
	return pk_end(&h, o);
}

static void li_link(html *h, const char *url, const char *text)
{
	html_open_c(h, "li", "utrecht-unordered-list__item");
	layout_link(h, url, text);
	html_close(h, "li");
}

rr_err page_open_data(rr_req *r, rr_resp *o)
{
	static const layout_crumb crumbs[] = {{"Home", "/"}, {"Open data", NULL}};
	html h;

	(void)r;
	pk_begin(&h, o, "Open data", crumbs, 2, "/open-data");
	layout_h1(&h, "Open data");
	layout_paragraph(&h, "Alle openbare gegevens van het register zijn vrij te gebruiken, "
		"als JSON, CSV, spreadsheet (XLSX) en Atom. De API is beschreven in OpenAPI 3. Alle adressen "
		"mogen vanuit elke website worden opgevraagd (CORS).");
	layout_h2(&h, "Adressen");
	html_open_c(&h, "ul", "utrecht-unordered-list");
	li_link(&h, "/api/openapi.json", "/api/openapi.json: beschrijving van de API (OpenAPI 3)");
	li_link(&h, "/api/v1/trips", "/api/v1/trips: reizen als JSON; filters organisation, year, country, person en q");
	li_link(&h, "/api/v1/trips.csv", "/api/v1/trips.csv: dezelfde reizen als CSV (UTF-8, kopregel)");
	li_link(&h, "/api/v1/trips.xlsx", "/api/v1/trips.xlsx: dezelfde reizen als spreadsheet, met een blad "
		"reizen en een blad kostenposten; datums en bedragen als echte datum- en getalcellen");
	li_link(&h, "/api/v1/totals?organisation=gm0034", "/api/v1/totals?organisation=&year=: de totalen "
		"van een overheid (per jaar), met hoeveel reizen elk bedrag vermelden");
	li_link(&h, "/api/v1/compare", "/api/v1/compare?from=&to=: de overheden naast elkaar over een periode");
	li_link(&h, "/api/v1/organisations", "/api/v1/organisations: overheden en organisaties");
	li_link(&h, "/api/v1/partnerships", "/api/v1/partnerships: partnerschappen; filter organisation");
	li_link(&h, "/api/v1/search?q=", "/api/v1/search?q=: zoeken in titels, doelen, verslagen en bronnen");
	html_close(&h, "ul");
	layout_paragraph(&h, "Een enkele reis staat op /api/v1/trips/{id}, een brondocument op "
		"/api/v1/documents/{id}. Een onbekend bedrag is null, nooit 0. Per overheid is er "
		"een Atom-feed op /o/{code}/feed.atom. Velden zijn beschreven in het "
		"gegevensmodel (docs/data-model.md); fouten komen terug als "
		"{\"error\": {\"code\": ..., \"message\": ...}} met de passende HTTP-status.");
	return pk_end(&h, o);
}
