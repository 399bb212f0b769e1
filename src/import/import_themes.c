/* import_themes.c - which theme (rr_theme_values in model/schema.c) a piece
 * of Dutch (or English) text is about: a table of word stems per theme,
 * counted over the text; the theme with the most hits wins, the earliest
 * hit breaks a tie. A pure function over [from, to): no allocation, no
 * state. Stems marked "word" must stand alone ("pers" is not "perspectief");
 * the others may start a longer word ("investering" in "investeringsfonds"). */
#include "import_int.h"

#include <string.h>

typedef struct {
	const char *stem;
	const char *theme;
	bool word; /* whole word only */
} theme_word;

static const theme_word words[] = {
	/* trade */
	{"handel", "trade", false}, {"export", "trade", false}, {"import", "trade", true},
	{"trade", "trade", true}, {"omzet", "trade", true}, {"opdracht", "trade", false},
	{"zakendoen", "trade", false}, {"business", "trade", true}, {"beurs", "trade", true},
	{"jaarbeurs", "trade", true}, {"fair", "trade", true},
	/* investment */
	{"investering", "investment", false}, {"investeer", "investment", false},
	{"invest", "investment", true}, {"vestig", "investment", false},
	{"hoofdkantoor", "investment", false}, {"acquisitie", "investment", false},
	{"joint venture", "investment", false}, {"uitbreiding", "investment", false},
	{"showroom", "investment", true}, {"distributiecentrum", "investment", false},
	{"nfia", "investment", true},
	/* culture and tourism */
	{"cultu", "culture_tourism", false}, {"toeris", "culture_tourism", false},
	{"touroperator", "culture_tourism", false}, {"museum", "culture_tourism", false},
	{"musea", "culture_tourism", true}, {"concert", "culture_tourism", false},
	{"tentoonstelling", "culture_tourism", false},
	{"expositie", "culture_tourism", false}, {"musici", "culture_tourism", true},
	{"kunst", "culture_tourism", false}, {"monument", "culture_tourism", false},
	{"erfgoed", "culture_tourism", false}, {"festival", "culture_tourism", false},
	{"restauratie", "culture_tourism", false}, {"curator", "culture_tourism", false},
	/* education */
	{"onderwijs", "education", false}, {"universit", "education", false},
	{"hogeschool", "education", false}, {"student", "education", false},
	{"stage", "education", false}, {"stagiair", "education", false},
	{"uitwisseling", "education", false}, {"school", "education", false},
	{"scholen", "education", true}, {"alumni", "education", false},
	{"afstudeer", "education", false}, {"opleiding", "education", false},
	{"kennisinstelling", "education", false},
	/* sustainability, energy, water */
	{"duurza", "sustainability", false}, {"circula", "sustainability", false},
	{"klimaat", "sustainability", false}, {"cradle to cradle", "sustainability", false},
	{"milieu", "sustainability", false}, {"afval", "sustainability", false},
	{"verduurza", "sustainability", false}, {"groen", "sustainability", true},
	{"energie", "energy", false}, {"energy", "energy", true},
	{"waterstof", "energy", false}, {"lng", "energy", true}, {"zonnecel", "energy", false},
	{"zonne-energie", "energy", false}, {"solar", "energy", true},
	{"waterzuivering", "water", false}, {"watermanagement", "water", false},
	{"waterbeheer", "water", false}, {"drinkwater", "water", false},
	{"afvalwater", "water", false}, {"delta", "water", true},
	/* life sciences and health */
	{"life science", "life_sciences_health", false}, {"gezond", "life_sciences_health", false},
	{"zorg", "life_sciences_health", true}, {"ouderenzorg", "life_sciences_health", false},
	{"medisch", "life_sciences_health", false}, {"medische", "life_sciences_health", false},
	{"medical", "life_sciences_health", false},
	{"health", "life_sciences_health", false}, {"lsh", "life_sciences_health", true},
	{"biotech", "life_sciences_health", false}, {"farma", "life_sciences_health", false},
	{"pharma", "life_sciences_health", false}, {"ziekenhui", "life_sciences_health", false},
	{"medtech", "life_sciences_health", false}, {"e-health", "life_sciences_health", false},
	/* media */
	{"media", "media", false}, {"pers", "media", true},
	{"persbericht", "media", false}, {"persconferentie", "media", false},
	{"journalist", "media", false}, {"tv", "media", true}, {"televisie", "media", false},
	{"radio", "media", false}, {"artikel", "media", false}, {"interview", "media", false},
	{"krant", "media", false},
	/* human rights, security */
	{"mensenrecht", "human_rights", false}, {"human rights", "human_rights", false},
	{"arbeidssituatie", "human_rights", false}, {"arbeidsomstandigheden", "human_rights", false},
	{"emancipatie", "human_rights", false}, {"participatie van mensen", "human_rights", false},
	{"veiligheidsaspect", "security", false}, {"cybersecurity", "security", false},
	{"spionage", "security", false}, {"veiligheidsbriefing", "security", false},
	/* mobility, urban development, agriculture and food, innovation */
	{"mobilit", "mobility", false}, {"laadpa", "mobility", false},
	{"elektrisch vervoer", "mobility", false}, {"elektrisch rijden", "mobility", false},
	{"openbaar vervoer", "mobility", false}, {"bussen", "mobility", true},
	{"smart city", "urban_development", false}, {"stedelijk", "urban_development", false},
	{"gebiedsontwikkeling", "urban_development", false}, {"stedenbouw", "urban_development", false},
	{"landbouw", "agriculture_food", false}, {"voedsel", "agriculture_food", false},
	{"agri", "agriculture_food", false}, {"tuinbouw", "agriculture_food", false},
	{"glastuinbouw", "agriculture_food", false}, {"foodvalley", "agriculture_food", false},
	{"food", "agriculture_food", true}, {"veeteelt", "agriculture_food", false},
	{"innovat", "innovation", false}, {"gaming", "innovation", false},
	{"game", "innovation", false}, {"robotica", "innovation", false},
	{"kunstmatige intelligentie", "innovation", false}, {"fintech", "innovation", false},
};

#define NWORDS (sizeof words / sizeof words[0])
#define MAX_THEMES 24

const char *imp_theme(const char *t, size_t from, size_t to)
{
	const char *names[MAX_THEMES];
	size_t first[MAX_THEMES];
	int score[MAX_THEMES];
	size_t nt = 0, best = MAX_THEMES;

	if (!t || from >= to)
		return NULL;
	for (size_t w = 0; w < NWORDS; w++) {
		size_t pos = from, k;
		for (;;) {
			size_t hit = imp_find_word(t, pos, to, words[w].stem, !words[w].word);
			if (hit >= to)
				break;
			for (k = 0; k < nt && strcmp(names[k], words[w].theme); k++)
				;
			if (k == nt) {
				if (nt == MAX_THEMES)
					break;
				names[nt] = words[w].theme;
				score[nt] = 0;
				first[nt] = hit;
				nt++;
			}
			score[k]++;
			if (hit < first[k])
				first[k] = hit;
			pos = hit + 1;
		}
	}
	for (size_t k = 0; k < nt; k++)
		if (best == MAX_THEMES || score[k] > score[best] ||
		    (score[k] == score[best] && first[k] < first[best]))
			best = k;
	return best < nt ? names[best] : NULL;
}

const char *imp_theme_heading(const char *t, size_t s, size_t e, bool *heading)
{
	size_t nw = 0;
	bool in_word = false;

	*heading = false;
	imp_trim(t, &s, &e);
	while (e > s && t[e - 1] == ':')
		e--;
	if (e <= s || e - s > 60)
		return NULL;
	if (t[s] == '-' || t[s] == '*' || (unsigned char)t[s] == 0xE2)
		return NULL; /* a bullet */
	for (size_t i = s; i < e; i++) {
		char c = t[i];
		if (c == '.' || c == ';' || c == ',' || c == '"' || (c >= '0' && c <= '9'))
			return NULL;
		if (c == ' ') {
			in_word = false;
		} else if (!in_word) {
			in_word = true;
			nw++;
		}
	}
	if (nw > 5 || !((t[s] >= 'A' && t[s] <= 'Z') || ((unsigned char)t[s] >= 0xC3)))
		return NULL;
	if (imp_prefix(t, s, e, "algemeen") || imp_prefix(t, s, e, "overig") ||
	    imp_prefix(t, s, e, "general") || imp_prefix(t, s, e, "other")) {
		*heading = true;
		return NULL;
	}
	const char *th = imp_theme(t, s, e);
	*heading = th != NULL;
	return th;
}
