/* import_people.c - travellers with their roles: "Burgemeester F. Weerwind",
 * "wethouder Van der Loo", "gedeputeerde Economie" (an office without a
 * name), "o.l.v. CvdK", and list lines "F. Weerwind, Burgemeester Almere".
 * Only called on places that name participants (labels, headings, "o.l.v."
 * phrases, delegation lists), never on free text. */
#include "import_int.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

typedef struct role_def {
	const char *word;
	const char *role;
} role_def;

static const role_def roles[] = {
	{"loco-burgemeester", "loco-burgemeester"}, {"burgemeester", "burgemeester"},
	{"wethouder", "wethouder"}, {"gedeputeerde", "gedeputeerde"},
	{"commissaris van de koningin", "CvdK"}, {"commissaris van de koning", "CvdK"},
	{"cvdk", "CvdK"}, {"cdk", "CvdK"}, {"gouverneur", "gouverneur"},
	{"directeur", "directeur"}, {"ceo", "CEO"}, {"raadslid", "raadslid"},
	{"statenlid", "statenlid"}, {"gemeentesecretaris", "gemeentesecretaris"},
	{"provinciesecretaris", "provinciesecretaris"}, {"secretaris", "secretaris"},
	{"vertegenwoordiger", "vertegenwoordiger"}, {"voorzitter", "voorzitter"},
	{"ambtenaar", "ambtenaar"}, {"medewerker", "medewerker"},
	{"dhr.", "dhr."}, {"mevr.", "mevr."}, {"mevrouw", "mevr."}, {"de heer", "dhr."},
};

/* Capitalised words after a role that are not names: portfolios, places. */
static const char *const not_names[] = {"Economie", "Economische", "Cultuur", "Financiën",
	"Onderwijs", "Zorg", "Wonen", "Mobiliteit", "Milieu", "Landbouw", "Ruimte", "Sport",
	"Welzijn", "Duurzaamheid", "Natuur", "Energie", "Verkeer", "Bestuur", "Internationale",
	"Internationaal", "Europa", "Werk", "Jeugd", "Veiligheid", "Economisch", "EZ",
	"Almere", "Utrecht", "Amsterdam", "De", "Het", "Een", "In", "Op", "Naar", "Aan",
	"En", "Met", "Namens", "Van", "Vice", "Gemeente", "Provincie", NULL};

static const char *const particles[] = {"van der ", "van den ", "van de ", "van ", "de ",
	"den ", "der ", "ter ", "ten ", "te ", "'t ", "in 't ", "op de ", "le ", "la ", "du ",
	NULL};

static bool upper_at(const char *t, size_t i, size_t to)
{
	unsigned char c = (unsigned char)t[i];
	if (i >= to)
		return false;
	if (c >= 'A' && c <= 'Z')
		return true;
	/* À-Þ in UTF-8 */
	return c == 0xC3 && i + 1 < to && (unsigned char)t[i + 1] >= 0x80 &&
	       (unsigned char)t[i + 1] <= 0x9E;
}

static size_t word_end(const char *t, size_t i, size_t to)
{
	while (i < to && (isalpha((unsigned char)t[i]) || (unsigned char)t[i] >= 0x80 ||
			  (t[i] == '-' && i + 1 < to && isalpha((unsigned char)t[i + 1]))))
		i++;
	return i;
}

static bool listed(const char *const *list, const char *t, size_t s, size_t e)
{
	for (; *list; list++)
		if (strlen(*list) == e - s && !strncmp(*list, t + s, e - s))
			return true;
	return false;
}

/* [initials] [particles] Surname at t[i]; returns the end, or i. */
static size_t name_at(const char *t, size_t i, size_t to)
{
	size_t j = i, e;
	bool initials = false;

	while (j + 1 < to && upper_at(t, j, to) && t[j + 1] == '.' &&
	       (j + 2 >= to || !isalpha((unsigned char)t[j + 2]) || upper_at(t, j + 2, to))) {
		j += 2;
		initials = true;
		while (j < to && t[j] == ' ')
			j++;
	}
	for (int again = 1; again;) {
		again = 0;
		for (const char *const *p = particles; *p; p++)
			if (imp_prefix(t, j, to, *p)) {
				j += strlen(*p);
				again = 1;
				break;
			}
	}
	if (!upper_at(t, j, to))
		return i;
	e = word_end(t, j, to);
	if (e - j < 2 || listed(not_names, t, j, e))
		return initials ? i : i;
	return e;
}

static const role_def *role_at(const char *t, size_t i, size_t to, size_t *end)
{
	if (!imp_word_start(t, i))
		return NULL;
	for (size_t k = 0; k < sizeof roles / sizeof roles[0]; k++) {
		size_t n = strlen(roles[k].word);
		if (imp_prefix(t, i, to, roles[k].word) &&
		    (roles[k].word[n - 1] == '.' || imp_word_end(t, i + n, to))) {
			*end = i + n;
			return &roles[k];
		}
	}
	return NULL;
}

static void set(imp_person *p, const char *t, size_t ns, size_t ne, const char *role,
		size_t off, size_t end)
{
	memset(p, 0, sizeof *p);
	imp_copy(p->name, sizeof p->name, t, ns, ne);
	if (role[strlen(role) - 1] != '.') /* "dhr." is a form of address */
		snprintf(p->role, sizeof p->role, "%s", role);
	p->off = off;
	p->len = end - off;
}

/* "F. Weerwind, Burgemeester Almere" at the start of a (numbered) line */
static bool list_person(const char *t, size_t ls, size_t le, imp_person *p)
{
	size_t i = ls, ne, rs, re, oe;
	const role_def *r;

	while (i < le && (isdigit((unsigned char)t[i]) || t[i] == '.' || t[i] == ' ' ||
			  t[i] == '-' || t[i] == '\t' || t[i] == ')'))
		i++;
	ne = name_at(t, i, le);
	if (ne == i || ne + 2 > le || t[ne] != ',')
		return false;
	rs = ne + 1;
	while (rs < le && t[rs] == ' ')
		rs++;
	if (!(r = role_at(t, rs, le, &re)))
		return false;
	set(p, t, i, ne, r->role, i, le);
	oe = re;
	while (oe < le && t[oe] != ',' && t[oe] != '(' &&
	       !(t[oe] == ' ' && (imp_prefix(t, oe, le, " en ") ||
				  isdigit((unsigned char)t[oe + 1 < le ? oe + 1 : oe]))))
		oe++;
	imp_copy(p->org, sizeof p->org, t, re, oe);
	return true;
}

size_t imp_people_find(const char *t, size_t from, size_t to, imp_person *out, size_t max)
{
	size_t n = 0, i = from;

	/* list lines first: they carry name, role and organisation */
	for (size_t ls = from; ls < to && n < max;) {
		size_t le = imp_eol(t, ls, to);
		if (list_person(t, ls, le, &out[n]))
			n++;
		ls = le + 1;
	}
	if (n)
		return n;
	while (i < to && n < max) {
		size_t re, ns, ne;
		const role_def *r = role_at(t, i, to, &re);
		if (!r) {
			i++;
			continue;
		}
		ns = re;
		while (ns < to && t[ns] == ' ')
			ns++;
		ne = name_at(t, ns, to);
		if (ne > ns) {
			set(&out[n++], t, ns, ne, r->role, i, ne);
			i = ne;
			continue;
		}
		/* an office without a name: "gedeputeerde Economie", "CvdK" */
		if (r->role[0] != 'd' && r->role[0] != 'm') {
			size_t e = re;
			if (upper_at(t, ns, to)) {
				size_t we = word_end(t, ns, to);
				if (listed(not_names, t, ns, we) && strcmp(r->role, "CvdK"))
					e = we;
			}
			set(&out[n++], t, i, e, r->role, i, e);
			if (out[n - 1].name[0] >= 'a' && out[n - 1].name[0] <= 'z')
				out[n - 1].name[0] = (char)toupper((unsigned char)out[n - 1].name[0]);
		}
		i = re;
	}
	return n;
}

static const char *surname(const char *name)
{
	const char *s = strrchr(name, ' ');
	return s ? s + 1 : name;
}

void imp_traveller_add(json_t *arr, const imp_person *p)
{
	json_t *v, *o;
	size_t i;

	if (!p->name[0])
		return;
	json_array_foreach(arr, i, v) {
		const char *nm = json_string_value(json_object_get(v, "name"));
		if (nm && !strcasecmp(surname(nm), surname(p->name))) {
			if (strlen(p->name) > strlen(nm))
				json_object_set_new(v, "name", json_string(p->name));
			return;
		}
	}
	o = json_object();
	json_object_set_new(o, "name", json_string(p->name));
	if (p->role[0])
		json_object_set_new(o, "role", json_string(p->role));
	if (p->org[0])
		json_object_set_new(o, "organisation", json_string(p->org));
	json_array_append_new(arr, o);
}
