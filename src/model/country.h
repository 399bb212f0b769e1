/* country.h - ISO 3166-1 alpha-2 country codes. */
#ifndef RR_COUNTRY_H
#define RR_COUNTRY_H

#include <stdbool.h>
#include <stddef.h>

/* True when code is an assigned ISO 3166-1 alpha-2 code (upper case), or XK
 * (Kosovo, user-assigned but used by the EU and the Netherlands). */
bool rr_country_valid(const char *code);
/* The Dutch name of a country ("JP" -> "Japan") for the countries the
 * register's bodies travel to most; NULL for others. Static strings. */
const char *rr_country_name_nl(const char *code);
/* Number of known codes (for tests). */
size_t rr_country_count(void);

#endif
