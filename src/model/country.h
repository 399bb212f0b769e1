/* country.h - ISO 3166-1 alpha-2 country codes and their Dutch names, for
 * the model and the pages. The codes and names come from the gazetteer
 * (nl/places.h: Debian iso-codes, i18n-iso-countries and the Dutch table
 * data/places-nl.tsv), so validation and names cover the same 250
 * countries. Returned strings are static; callers never free them. */
#ifndef RR_COUNTRY_H
#define RR_COUNTRY_H

#include <stdbool.h>
#include <stddef.h>

/* True when code is an assigned ISO 3166-1 alpha-2 code (upper case), or XK
 * (Kosovo, user-assigned but used by the EU and the Netherlands). */
bool rr_country_valid(const char *code);
/* Number of known codes (for tests). */
size_t rr_country_count(void);
/* The Dutch name of a valid code ("CN" → "China"); the code itself for an
 * unknown one, and "" for NULL, so a page always has text to show. */
const char *rr_country_label(const char *code);

#endif
