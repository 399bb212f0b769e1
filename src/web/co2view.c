/* co2view.c - the CO₂ of trips on the public pages; see co2view.h. */
#include "web/co2view.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

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

/* A factor with a decimal comma and three decimals: "0,297". */
static void factor_text(char *out, size_t n, double f)
{
	char *p;
	snprintf(out, n, "%.3f", f);
	if ((p = strchr(out, '.')))
		*p = ',';
}

void co2_assumptions(html *h, const rr_co2_setup *st)
{
	char a[32], b[32], c[32], t[32], car[32], boat[32];

	factor_text(a, sizeof a, st->plane_short);
	factor_text(b, sizeof b, st->plane_mid);
	factor_text(c, sizeof c, st->plane_long);
	factor_text(t, sizeof t, st->train);
	factor_text(car, sizeof car, st->car);
	factor_text(boat, sizeof boat, st->boat);
	html_open_c(h, "p", "utrecht-paragraph");
	html_text(h, "Uitgangspunten: de afstand is die in rechte lijn over de aarde "
		"(grootcirkel) van de zetel van het orgaan naar elke bestemming en terug; een vlucht "
		"telt 95 km extra voor opstijgen, landen en omwegen. Staat het vervoer niet in de "
		"stukken, dan is het geschat: boven 700 km het vliegtuig, daaronder de trein. ");
	html_textf(h, "Emissiefactoren in kg CO₂ per reizigerskilometer (%s): vliegtuig %s (tot "
		   "700 km), %s (700 tot 2.500 km), %s (verder); trein %s; auto %s (per auto, "
		   "gerekend als één reiziger per auto); boot %s. ", st->source, a, b, c, t, car, boat);
	html_text(h, "Reizigers: de genoemde delegatieleden plus de meereizende ambtenaren. Het "
		"is een schatting, geen meting.");
	html_close(h, "p");
}

void co2_section(html *h, const rr_co2 *c)
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
		pk_int(t, sizeof t, c->setup.train_km);
		html_open_c(h, "p", "utrecht-paragraph");
		html_textf(h, "De trein was mogelijk: een vlucht van minder dan %s km in rechte lijn.",
			   t);
		html_close(h, "p");
	}
	co2_assumptions(h, &c->setup);
}
