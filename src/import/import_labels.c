/* import_labels.c - label lines of trip requests and reports:
 * "Reisdoel (land, plaats): China, Shenzhen", "Budget", "Vergaderdatum: ...".
 * A label line starts with a known label; its value follows a colon on the
 * same line, or fills the following lines up to the next label. A line
 * without a colon counts only when it is short and not a sentence, so that
 * "Doel van het bezoek is ..." stays text. */
#include "import_int.h"

#include <string.h>

typedef struct lab_def {
	const char *prefix;
	imp_lab kind;
} lab_def;

/* Longer prefixes first where one is the start of another. */
static const lab_def defs[] = {
	{"deelnemer(s) namens", IMP_L_PARTICIPANTS}, {"deelnemers namens", IMP_L_PARTICIPANTS},
	{"deelnemer namens", IMP_L_PARTICIPANTS}, {"deelnemers", IMP_L_PARTICIPANTS},
	{"reizigers", IMP_L_PARTICIPANTS}, {"delegatie", IMP_L_PARTICIPANTS},
	{"naam aanvrager", IMP_L_APPLICANT}, {"aanvrager", IMP_L_APPLICANT},
	{"reisdoel", IMP_L_DESTINATION}, {"bestemming", IMP_L_DESTINATION},
	{"land en plaats", IMP_L_DESTINATION},
	{"vertrekdatum", IMP_L_DATES}, {"vertrek- en retourdatum", IMP_L_DATES},
	{"vertrek en retourdatum", IMP_L_DATES}, {"vertrek- en terugkomstdatum", IMP_L_DATES},
	{"reisdatum", IMP_L_DATES}, {"datum van de reis", IMP_L_DATES},
	{"data van de reis", IMP_L_DATES}, {"periode", IMP_L_DATES},
	{"reisperiode", IMP_L_DATES}, {"duur van de reis", IMP_L_DATES},
	{"aantal meereizende ambtenaren", IMP_L_OFFICIALS},
	{"meereizende ambtenaren", IMP_L_OFFICIALS}, {"aantal ambtenaren", IMP_L_OFFICIALS},
	{"ambtelijke ondersteuning", IMP_L_OFFICIALS},
	{"verslag van de reis", IMP_L_REPORT}, {"reisverslag", IMP_L_REPORT},
	{"motivatie", IMP_L_MOTIVATION}, {"aanleiding en doel", IMP_L_PURPOSE},
	{"doel van de reis", IMP_L_PURPOSE}, {"doel van het bezoek", IMP_L_PURPOSE},
	{"doel", IMP_L_PURPOSE},
	{"indien van toepassing, betrokken externe partijen", IMP_L_EXTERNAL},
	{"betrokken externe partijen", IMP_L_EXTERNAL}, {"externe partijen", IMP_L_EXTERNAL},
	{"budget", IMP_L_BUDGET}, {"reiskosten", IMP_L_COSTS}, {"kosten", IMP_L_COSTS},
	{"reis- en verblijfkosten", IMP_L_COSTS}, {"reis- en verblijfskosten", IMP_L_COSTS},
	{"geraamde kosten", IMP_L_COSTS}, {"begrote kosten", IMP_L_COSTS},
	{"datum afstemming", IMP_L_COORD}, {"afstemming", IMP_L_COORD},
	{"vergaderdatum", IMP_L_MEETING}, {"datum collegevergadering", IMP_L_MEETING},
	{"datum besluit", IMP_L_MEETING},
	{"besluit", IMP_L_DECISION}, {"collegebesluit", IMP_L_DECISION},
	{"vervolg proces", IMP_L_FOLLOWUP}, {"vervolgproces", IMP_L_FOLLOWUP},
	{"vervolgprocedure", IMP_L_FOLLOWUP},
	{"programma", IMP_L_PROGRAMME}, {"activiteiten/programma", IMP_L_PROGRAMME},
	{"wijze van vervoer", IMP_L_TRANSPORT}, {"vervoer", IMP_L_TRANSPORT},
	{"onderwerp", IMP_L_SUBJECT}, {"achtergrondinformatie", IMP_L_BACKGROUND},
	{"resultaten", IMP_L_RESULTS},
};

static const char *const names[] = {
	[IMP_L_NONE] = "none", [IMP_L_PARTICIPANTS] = "participants",
	[IMP_L_APPLICANT] = "applicant", [IMP_L_DESTINATION] = "destination",
	[IMP_L_DATES] = "dates", [IMP_L_OFFICIALS] = "officials", [IMP_L_REPORT] = "report",
	[IMP_L_MOTIVATION] = "motivation", [IMP_L_PURPOSE] = "purpose",
	[IMP_L_EXTERNAL] = "external parties", [IMP_L_BUDGET] = "budget",
	[IMP_L_COSTS] = "costs", [IMP_L_COORD] = "coordination", [IMP_L_MEETING] = "meeting",
	[IMP_L_DECISION] = "decision", [IMP_L_FOLLOWUP] = "follow-up",
	[IMP_L_PROGRAMME] = "programme", [IMP_L_TRANSPORT] = "transport",
	[IMP_L_SUBJECT] = "subject", [IMP_L_BACKGROUND] = "background",
	[IMP_L_RESULTS] = "results", [IMP_L_UNKNOWN] = "unknown",
};

const char *imp_label_name(imp_lab k)
{
	return k <= IMP_L_UNKNOWN ? names[k] : "?";
}

bool imp_label_is_tripform(imp_lab k)
{
	return k == IMP_L_DATES || k == IMP_L_DESTINATION || k == IMP_L_OFFICIALS ||
	       k == IMP_L_PARTICIPANTS || k == IMP_L_APPLICANT;
}

/* A short line that reads like a heading, not a sentence. */
static bool heading_like(const char *t, size_t s, size_t e)
{
	if (e - s > 80)
		return false;
	if (e > s && (t[e - 1] == '.' || t[e - 1] == ','))
		return false;
	return true;
}

bool imp_label_line(const char *t, size_t ls, size_t le, imp_label *out)
{
	size_t s = ls, e = le, colon = le;

	imp_trim(t, &s, &e);
	while (s < e && (t[s] == '-' || t[s] == '*') && s + 1 < e && t[s + 1] == ' ')
		s += 2;
	if (s >= e)
		return false;
	for (size_t i = s; i < e && i < s + 100; i++)
		if (t[i] == ':') {
			colon = i;
			break;
		}
	memset(out, 0, sizeof *out);
	for (size_t k = 0; k < sizeof defs / sizeof defs[0]; k++) {
		size_t n = strlen(defs[k].prefix);
		if (!imp_prefix(t, s, e, defs[k].prefix) || !imp_word_end(t, s + n, e))
			continue;
		if (colon < le) {
			/* "Label ...: value" - the label words stop at the colon */
			if (colon < s + n)
				continue;
			out->val = colon + 1;
			out->val_end = e;
			imp_trim(t, &out->val, &out->val_end);
			out->name_end = colon;
		} else {
			if (!heading_like(t, s, e))
				continue;
			out->val = out->val_end = e;
			out->name_end = e;
		}
		out->kind = defs[k].kind;
		out->line = s;
		return true;
	}
	/* an unknown "Label: value" line, reported as not understood */
	if (colon < le && colon > s && colon - s <= 50 && t[s] >= 'A' && t[s] <= 'Z') {
		size_t words = 1;
		for (size_t i = s; i < colon; i++) {
			if (t[i] == '.' || t[i] == '(' )
				return false;
			if (t[i] == ' ')
				words++;
		}
		if (words > 6 || colon + 1 >= e)
			return false;
		out->kind = IMP_L_UNKNOWN;
		out->line = s;
		out->name_end = colon;
		out->val = colon + 1;
		out->val_end = e;
		imp_trim(t, &out->val, &out->val_end);
		return true;
	}
	return false;
}

size_t imp_labels_scan(const char *t, size_t from, size_t to, imp_label *out, size_t max)
{
	size_t n = 0, pos = from, last = (size_t)-1;

	while (pos < to && n < max) {
		size_t le = imp_eol(t, pos, to);
		if (imp_label_line(t, pos, le, &out[n])) {
			/* unknown labels ("Dag 1: reistijd") do not end a block */
			if (out[n].kind == IMP_L_UNKNOWN) {
				out[n].block_end = le;
			} else {
				if (last != (size_t)-1)
					out[last].block_end = pos;
				out[n].block_end = to;
				last = n;
			}
			n++;
		}
		pos = le + 1;
	}
	return n;
}

void imp_label_value(const char *t, const imp_label *l, size_t *s, size_t *e)
{
	size_t pos;

	if (l->val < l->val_end) {
		*s = l->val;
		*e = l->val_end;
		return;
	}
	pos = imp_eol(t, l->line, l->block_end) + 1;
	while (pos < l->block_end) {
		size_t le = imp_eol(t, pos, l->block_end), a = pos, b = le;
		imp_trim(t, &a, &b);
		if (a < b) {
			*s = a;
			*e = b;
			return;
		}
		pos = le + 1;
	}
	*s = *e = l->block_end;
}
