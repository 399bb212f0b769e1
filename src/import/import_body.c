/* import_body.c - the body a document is imported for: its name, its own
 * place and kind, from its record in the register. The importer uses them
 * to tell the body's own people and places from foreign ones. */
#include "import_int.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../model/record.h"
#include "../nl/bodies.h"
#include "../nl/fold.h"

/* "Gemeente Almere" -> "Almere"; "Provincie Utrecht" -> "Utrecht";
 * "Hoogheemraadschap van Rijnland" -> "Rijnland". */
static void place_of_name(const char *name, char *out, size_t cap)
{
	static const char *const prefixes[] = {"gemeente ", "provincie ",
		"hoogheemraadschap van ", "hoogheemraadschap ", "waterschap ",
		"wetterskip ", "ministerie van ", NULL};
	for (const char *const *p = prefixes; *p; p++) {
		size_t n = strlen(*p);
		if (!strncasecmp(name, *p, n)) {
			snprintf(out, cap, "%s", name + n);
			return;
		}
	}
	snprintf(out, cap, "%s", name);
}

void imp_body_from_record(imp_body *b, const json_t *org)
{
	const char *name = rr_rec_str(org, "name"), *city = rr_rec_str(org, "city");
	const char *kind = rr_rec_str(org, "kind");

	if (name)
		snprintf(b->name, sizeof b->name, "%s", name);
	if (kind)
		snprintf(b->kind, sizeof b->kind, "%s", kind);
	if (kind && !strcmp(kind, "municipality") && city)
		snprintf(b->place, sizeof b->place, "%s", city);
	else if (name)
		place_of_name(name, b->place, sizeof b->place);
	else if (city)
		snprintf(b->place, sizeof b->place, "%s", city);
}

/* Does [s, e) name a Dutch public body by its name with its kind ("de
 * gemeente Westland", "provincie Zeeland")? A place of the same name
 * abroad does not make it foreign; "de provincie Hebei" is no Dutch body. */
bool imp_names_dutch_body(const char *t, size_t s, size_t e)
{
	char f[160], g[160];
	size_t n = rr_fold(t + s, e - s, f, sizeof f);

	if (!n || n >= sizeof f - 1)
		return false;
	if (!strncmp(f, "de ", 3))
		memmove(f, f + 3, strlen(f + 3) + 1);
	if (strncmp(f, "gemeente ", 9) && strncmp(f, "provincie ", 10) &&
	    strncmp(f, "waterschap ", 11) && strncmp(f, "hoogheemraadschap ", 18))
		return false;
	for (size_t i = 0; i < rr_bodies_count(); i++) {
		const rr_body *b = rr_body_at(i);
		if (b->name && rr_fold(b->name, strlen(b->name), g, sizeof g) && !strcmp(f, g))
			return true;
	}
	return false;
}
