#include "country.h"

#include <string.h>

/* Two letters per code, sorted, as one string. */
static const char codes[] =
	"ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZ"
	"CACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFO"
	"FRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJE"
	"JMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMO"
	"MPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPW"
	"PYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTM"
	"TNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSXKYEYTZAZMZW";

bool rr_country_valid(const char *code)
{
	size_t lo = 0, hi = (sizeof codes - 1) / 2;

	if (!code || strlen(code) != 2)
		return false;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strncmp(codes + 2 * mid, code, 2);
		if (c == 0)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

size_t rr_country_count(void)
{
	return (sizeof codes - 1) / 2;
}

const char *rr_country_name_nl(const char *code)
{
	static const struct {
		const char *code, *nl;
	} t[] = {{"AE", "Verenigde Arabische Emiraten"}, {"AR", "Argentinië"},
		{"AT", "Oostenrijk"}, {"AU", "Australië"}, {"BE", "België"}, {"BR", "Brazilië"},
		{"CA", "Canada"}, {"CH", "Zwitserland"}, {"CL", "Chili"}, {"CN", "China"},
		{"CW", "Curaçao"}, {"CZ", "Tsjechië"}, {"DE", "Duitsland"}, {"DK", "Denemarken"},
		{"ES", "Spanje"}, {"FI", "Finland"}, {"FR", "Frankrijk"},
		{"GB", "Verenigd Koninkrijk"}, {"GH", "Ghana"}, {"GR", "Griekenland"},
		{"HK", "Hongkong"}, {"HU", "Hongarije"}, {"ID", "Indonesië"}, {"IE", "Ierland"},
		{"IL", "Israël"}, {"IN", "India"}, {"IT", "Italië"}, {"JP", "Japan"},
		{"KE", "Kenia"}, {"KR", "Zuid-Korea"}, {"LU", "Luxemburg"}, {"MA", "Marokko"},
		{"MX", "Mexico"}, {"NG", "Nigeria"}, {"NL", "Nederland"}, {"NO", "Noorwegen"},
		{"PL", "Polen"}, {"PT", "Portugal"}, {"SE", "Zweden"}, {"SG", "Singapore"},
		{"SR", "Suriname"}, {"TR", "Turkije"}, {"TW", "Taiwan"},
		{"US", "Verenigde Staten"}, {"VN", "Vietnam"}, {"ZA", "Zuid-Afrika"}};
	for (size_t i = 0; code && i < sizeof t / sizeof t[0]; i++)
		if (!strcmp(t[i].code, code))
			return t[i].nl;
	return NULL;
}
