/* country.c - country codes and names from the gazetteer (country.h). */
#include "country.h"

#include "../nl/places.h"

bool rr_country_valid(const char *code)
{
	return code && rr_country_name(code) != NULL;
}

size_t rr_country_count(void)
{
	return rr_places_country_count();
}

const char *rr_country_label(const char *code)
{
	const char *nl;

	if (!code)
		return "";
	nl = rr_country_name_nl(code);
	return nl ? nl : code;
}

