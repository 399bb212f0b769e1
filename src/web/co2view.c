/* co2view.c - the CO₂ of trips on the public pages; see co2view.h. */
#include "web/co2view.h"

#include <math.h>
#include <stdio.h>

#include "web/pages.h"

void co2_weight(char *out, size_t n, double kg)
{
	char d[32];
	if (kg >= 1000) {
		pk_decimal(d, sizeof d, round(kg / 100.0) / 10.0);
		snprintf(out, n, "%s ton", d);
	} else {
		pk_int(d, sizeof d, (long long)(kg + 0.5));
		snprintf(out, n, "%s kg", d);
	}
}

/* a distance rounded to 10 km, Dutch thousands */
static void km_text(char *out, size_t n, double km)
{
	char d[32];
	pk_int(d, sizeof d, (long long)(round(km / 10.0) * 10.0));
	snprintf(out, n, "%s km", d);
}

void co2_line(html *h, const rr_co2 *c)
{
	char w[48], k[48];
	bool first_mode = true;

	co2_weight(w, sizeof w, c->kg >= 0 ? c->kg : c->kg_per_person);
	if (c->kg >= 0)
		html_textf(h, "ongeveer %s CO₂; %ld %s", w, c->travellers,
			   c->travellers == 1 ? "reiziger" : "reizigers");
	else
		html_textf(h, "ongeveer %s CO₂ per reiziger; aantal reizigers onbekend", w);
	for (rr_mode m = RR_MODE_PLANE; m <= RR_MODE_BOAT; m++) {
		int legs = 0;
		double lo = 1e12, hi = 0, sum = 0;
		bool est = false;
		for (int i = 0; i < c->nlegs; i++) {
			if (c->legs[i].mode != m)
				continue;
			legs++;
			sum += c->legs[i].km;
			lo = fmin(lo, c->legs[i].km);
			hi = fmax(hi, c->legs[i].km);
			est |= c->legs[i].estimated;
		}
		if (!legs)
			continue;
		html_textf(h, first_mode ? "; %s" : ", %s", rr_mode_nl(m));
		first_mode = false;
		if (legs > 1 && hi - lo < 0.02 * hi) {
			km_text(k, sizeof k, sum / legs);
			html_textf(h, " %d × %s", legs, k);
		} else {
			km_text(k, sizeof k, sum);
			html_textf(h, " %s", k);
		}
		if (est)
			html_text(h, " (geschat)");
	}
	if (c->train_possible)
		html_text(h, "; de trein was mogelijk");
}

void co2_assumptions(html *h)
{
	layout_paragraph(h, "Uitgangspunten: de afstand is die in rechte lijn over de aarde "
		"(grootcirkel) van de zetel van het orgaan naar elke bestemming en terug; een vlucht "
		"telt 95 km extra voor opstijgen, landen en omwegen. Staat het vervoer niet in de "
		"stukken, dan is het geschat: boven 700 km het vliegtuig, daaronder de trein. "
		"Emissiefactoren in kg CO₂ per reizigerskilometer (CO2emissiefactoren.nl, lijst 2024): "
		"vliegtuig 0,297 (tot 700 km), 0,200 (700 tot 2.500 km), 0,147 (verder); trein 0,006; "
		"auto 0,195 (per auto, gerekend als één reiziger per auto); boot 0,116. Reizigers: de "
		"genoemde delegatieleden plus de meereizende ambtenaren. Het is een schatting, geen "
		"meting.");
}

void co2_section(html *h, const rr_co2 *c, long train_km)
{
	static const char *const heads[] = {"Van", "Naar", "Vervoer", "Afstand",
		"Gerekend", "CO₂ per reiziger"};
	static const int num[] = {0, 0, 0, 1, 1, 1};
	char a[48], b[48], w[48], t[32];

	html_open_c(h, "h2", "utrecht-heading-2");
	html_attr(h, "id", "co2");
	html_raw_trusted(h, "CO₂-uitstoot (schatting)");
	html_close(h, "h2");
	html_open_c(h, "p", "utrecht-paragraph");
	co2_line(h, c);
	html_close(h, "p");
	layout_table_begin(h, "Reisdelen en hun CO₂", heads, num, 6);
	for (int i = 0; i < c->nlegs; i++) {
		const rr_co2_leg *l = &c->legs[i];
		char mode[64];
		snprintf(mode, sizeof mode, "%s%s%s", rr_mode_nl(l->mode),
			 l->estimated ? " (geschat)" : "",
			 l->train_possible ? "; de trein was mogelijk" : "");
		km_text(a, sizeof a, l->km);
		km_text(b, sizeof b, l->km_counted);
		co2_weight(w, sizeof w, l->kg_per_person);
		layout_row_begin(h);
		layout_cell(h, l->from, 0);
		layout_cell(h, l->to, 0);
		layout_cell(h, mode, 0);
		layout_cell(h, a, 1);
		layout_cell(h, b, 1);
		layout_cell(h, w, 1);
		layout_row_end(h);
	}
	layout_table_end(h);
	if (c->travellers < 0)
		layout_paragraph(h, "Het aantal reizigers is niet vastgelegd; daarom staat hier "
			"alleen de uitstoot per reiziger.");
	else if (!c->officials_known)
		layout_paragraph(h, "Het aantal meereizende ambtenaren is niet vastgelegd; alleen "
			"de genoemde delegatieleden zijn geteld.");
	if (c->skipped)
		layout_paragraph(h, "Niet elke bestemming heeft bekende coördinaten; die zijn niet "
			"meegerekend.");
	if (c->capital_assumed)
		layout_paragraph(h, "Van een bestemming waarvan alleen het land bekend is, is de "
			"afstand tot de hoofdstad van dat land genomen.");
	if (c->train_possible) {
		pk_int(t, sizeof t, train_km > 0 ? train_km : RR_CO2_TRAIN_KM);
		html_open_c(h, "p", "utrecht-paragraph");
		html_textf(h, "De trein was mogelijk: een vlucht van minder dan %s km in rechte lijn.",
			   t);
		html_close(h, "p");
	}
	co2_assumptions(h);
}
