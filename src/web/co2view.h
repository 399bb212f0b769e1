/* co2view.h - the CO₂ of trips on the public pages (model/co2.h does the
 * sums): a line for a trip, a section with its legs and assumptions, and
 * the weight of a total in words. */
#ifndef RR_WEB_CO2VIEW_H
#define RR_WEB_CO2VIEW_H

#include "model/co2.h"
#include "util/html.h"

/* "4,2 ton" from 1000 kg up (one decimal), else "350 kg". */
void co2_weight(char *out, size_t n, double kg);
/* "ongeveer 4,2 ton CO₂; 3 reizigers; vliegtuig 2 × 9.300 km" (text only) */
void co2_line(html *h, const rr_co2 *c);
/* <h2 id="co2">: the legs as a table and every assumption in words. */
void co2_section(html *h, const rr_co2 *c);
/* The paragraph of assumptions shared by the trip page and the totals:
 * the factors of st (the body's own or the built-in list) and their source. */
void co2_assumptions(html *h, const rr_co2_setup *st);

#endif
