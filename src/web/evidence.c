/* evidence.c - anchors of source spans and links to them (evidence.h). */
#include "web/evidence.h"

#include <string.h>

#include "model/record.h"

const char *ev_prefix(rr_kind k)
{
	switch (k) {
	case RR_K_TRIP: return "reis";
	case RR_K_RESULT: return "resultaat";
	case RR_K_PARTNERSHIP: return "partnerschap";
	default: return "bron";
	}
}

void ev_anchor(rr_buf *b, rr_kind k, const char *id, const char *field, size_t n)
{
	rr_buf_printf(b, "%s-%s-", ev_prefix(k), id ? id : "");
	for (const char *p = field ? field : ""; *p; p++) {
		char c = *p;
		bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
			  c == '_' || c == '-';
		rr_buf_addc(b, ok ? c : '-');
	}
	if (n)
		rr_buf_printf(b, "-%zu", n + 1);
}

const char *ev_find(const json_t *rec, const char *field, size_t n)
{
	const json_t *src, *sp;
	size_t i, j, seen = 0;

	json_array_foreach(json_object_get(rec, "sources"), i, src) {
		const char *doc = rr_rec_str(src, "document");
		json_array_foreach(json_object_get(src, "spans"), j, sp) {
			const char *f = rr_rec_str(sp, "field");
			if (!f || strcmp(f, field))
				continue;
			if (seen++ == n)
				return doc;
		}
	}
	return NULL;
}

bool ev_link_n(html *h, rr_kind k, const json_t *rec, const char *field, size_t n,
	       const char *what)
{
	const char *doc = ev_find(rec, field, n);
	rr_buf a;

	if (!doc)
		return false;
	rr_buf_init(&a, 512);
	ev_anchor(&a, k, rr_rec_str(rec, "id"), field, n);
	html_raw_trusted(h, " ");
	html_open_c(h, "a", "utrecht-link rr-evidence-link");
	html_attr_begin(h, "href");
	html_raw_trusted(h, "/documenten/");
	html_urlpart(h, doc);
	html_raw_trusted(h, "#");
	html_urlpart(h, rr_buf_cstr(&a));
	html_attr_end(h);
	html_raw_trusted(h, "bron");
	if (what && *what) {
		html_open_c(h, "span", "rr-visually-hidden");
		html_raw_trusted(h, " van ");
		html_text(h, what);
		html_close(h, "span");
	}
	html_close(h, "a");
	rr_buf_free(&a);
	return true;
}

const char *ev_field_label(const char *field)
{
	static const char *const t[][2] = {
		{"title", "titel"}, {"travellers", "reizigers"},
		{"planned_travellers", "reizigers (aanvraag)"}, {"destinations", "bestemming"},
		{"start", "vertrek"}, {"end", "terugkeer"}, {"planned_start", "vertrek (aanvraag)"},
		{"planned_end", "terugkeer (aanvraag)"},
		{"accompanying_officials", "meereizende ambtenaren"},
		{"planned_accompanying_officials", "meereizende ambtenaren (aanvraag)"},
		{"purpose", "doel"}, {"motivation", "motivatie"}, {"programme", "programma"},
		{"external_parties", "externe partijen"}, {"costs", "kosten"},
		{"coordination", "afstemming"}, {"decision", "besluit"},
		{"decision.date", "datum besluit"}, {"decision.outcome", "besluit"},
		{"decision.number", "besluitnummer"}, {"decision.text", "besluittekst"},
		{"report", "verslag"}, {"report.due", "verslag uiterlijk"},
		{"report.submitted", "verslag ingediend"}, {"cancellation", "afgelasting"},
		{"counterpart", "bezoekende partij"}, {"themes", "thema's"},
		{"description", "beschrijving"}, {"amount_eur", "bedrag"}, {"jobs", "banen"},
		{"date", "datum"}, {"parties", "partijen"}, {"partnership", "partnerschap"},
		{"events", "gebeurtenis"}, {"since", "sinds"}, {"transport", "vervoer"},
	};
	for (size_t i = 0; field && i < sizeof t / sizeof t[0]; i++)
		if (!strcmp(t[i][0], field))
			return t[i][1];
	return "gegeven";
}
