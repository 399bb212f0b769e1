/* import_places.c - destinations: Dutch (and English) country names to ISO
 * 3166-1 codes, common destination cities and regions to their country,
 * several legs ("Osaka/Tokio", "Guangzhou, Shenzhen en Hong Kong"). */
#include "import_int.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

typedef struct country_def {
	const char *name, *code;
} country_def;

static const country_def countries[] = {
	{"België", "BE"}, {"Belgie", "BE"}, {"Bulgarije", "BG"}, {"Cyprus", "CY"},
	{"Denemarken", "DK"}, {"Duitsland", "DE"}, {"Estland", "EE"}, {"Finland", "FI"},
	{"Frankrijk", "FR"}, {"Griekenland", "GR"}, {"Hongarije", "HU"}, {"Ierland", "IE"},
	{"Italië", "IT"}, {"Italie", "IT"}, {"Kroatië", "HR"}, {"Letland", "LV"},
	{"Litouwen", "LT"}, {"Luxemburg", "LU"}, {"Malta", "MT"}, {"Oostenrijk", "AT"},
	{"Polen", "PL"}, {"Portugal", "PT"}, {"Roemenië", "RO"}, {"Slovenië", "SI"},
	{"Slowakije", "SK"}, {"Spanje", "ES"}, {"Tsjechië", "CZ"}, {"Zweden", "SE"},
	{"IJsland", "IS"}, {"Noorwegen", "NO"}, {"Liechtenstein", "LI"}, {"Zwitserland", "CH"},
	{"Verenigd Koninkrijk", "GB"}, {"Groot-Brittannië", "GB"}, {"Engeland", "GB"},
	{"Schotland", "GB"}, {"Wales", "GB"}, {"Noord-Ierland", "GB"},
	{"Verenigde Staten", "US"}, {"VS", "US"}, {"V.S.", "US"}, {"Amerika", "US"},
	{"USA", "US"}, {"Canada", "CA"}, {"Mexico", "MX"}, {"Brazilië", "BR"},
	{"Argentinië", "AR"}, {"Chili", "CL"}, {"Colombia", "CO"}, {"Peru", "PE"},
	{"China", "CN"}, {"Japan", "JP"}, {"Zuid-Korea", "KR"}, {"Korea", "KR"},
	{"Taiwan", "TW"}, {"Hongkong", "HK"}, {"Hong Kong", "HK"}, {"Macau", "MO"},
	{"Singapore", "SG"}, {"India", "IN"}, {"Indonesië", "ID"}, {"Vietnam", "VN"},
	{"Thailand", "TH"}, {"Maleisië", "MY"}, {"Filipijnen", "PH"}, {"Australië", "AU"},
	{"Nieuw-Zeeland", "NZ"}, {"Zuid-Afrika", "ZA"}, {"Marokko", "MA"}, {"Turkije", "TR"},
	{"Israël", "IL"}, {"Palestina", "PS"}, {"Verenigde Arabische Emiraten", "AE"},
	{"VAE", "AE"}, {"Qatar", "QA"}, {"Saoedi-Arabië", "SA"}, {"Egypte", "EG"},
	{"Kenia", "KE"}, {"Ghana", "GH"}, {"Nigeria", "NG"}, {"Ethiopië", "ET"},
	{"Tanzania", "TZ"}, {"Oeganda", "UG"}, {"Rwanda", "RW"}, {"Senegal", "SN"},
	{"Tunesië", "TN"}, {"Suriname", "SR"}, {"Curaçao", "CW"}, {"Curacao", "CW"},
	{"Aruba", "AW"}, {"Sint Maarten", "SX"}, {"Bonaire", "BQ"}, {"Rusland", "RU"},
	{"Oekraïne", "UA"}, {"Oekraine", "UA"}, {"Kazachstan", "KZ"}, {"Servië", "RS"},
	{"Bosnië", "BA"}, {"Albanië", "AL"}, {"Noord-Macedonië", "MK"}, {"Montenegro", "ME"},
	{"Kosovo", "XK"}, {"Moldavië", "MD"}, {"Georgië", "GE"}, {"Armenië", "AM"},
	{"Azerbeidzjan", "AZ"}, {"Wit-Rusland", "BY"}, {"Belarus", "BY"}, {"Iran", "IR"},
	{"Irak", "IQ"}, {"Jordanië", "JO"}, {"Libanon", "LB"}, {"Pakistan", "PK"},
	{"Bangladesh", "BD"}, {"Sri Lanka", "LK"}, {"Nepal", "NP"}, {"Mongolië", "MN"},
	{"Cuba", "CU"}, {"Nederland", "NL"}, {"Monaco", "MC"}, {"Andorra", "AD"},
	{"Germany", "DE"}, {"France", "FR"}, {"Spain", "ES"}, {"Italy", "IT"},
	{"United Kingdom", "GB"}, {"United States", "US"}, {"Belgium", "BE"},
	{"Switzerland", "CH"}, {"Austria", "AT"}, {"Sweden", "SE"}, {"Norway", "NO"},
	{"Denmark", "DK"}, {"Poland", "PL"}, {"South Korea", "KR"}, {"South Africa", "ZA"},
};

typedef struct city_def {
	const char *name, *code;
	bool region;
} city_def;

static const city_def cities[] = {
	{"Shenzhen", "CN", 0}, {"Guangzhou", "CN", 0}, {"Kanton", "CN", 0},
	{"Shanghai", "CN", 0}, {"Beijing", "CN", 0}, {"Peking", "CN", 0}, {"Wuhan", "CN", 0},
	{"Tianjin", "CN", 0}, {"Nanchang", "CN", 0}, {"Zhuhai", "CN", 0}, {"Foshan", "CN", 0},
	{"Hangzhou", "CN", 0}, {"Chengdu", "CN", 0}, {"Nanjing", "CN", 0}, {"Xiamen", "CN", 0},
	{"Guangdong", "CN", 1}, {"Sichuan", "CN", 1}, {"Hubei", "CN", 1}, {"Shandong", "CN", 1},
	{"Fujian", "CN", 1}, {"Zhejiang", "CN", 1}, {"Jiangsu", "CN", 1}, {"Hebei", "CN", 1},
	{"Liaoning", "CN", 1}, {"Shaanxi", "CN", 1}, {"Hunan", "CN", 1},
	{"Heilongjiang", "CN", 1}, {"Tokio", "JP", 0}, {"Tokyo", "JP", 0}, {"Osaka", "JP", 0},
	{"Kyoto", "JP", 0}, {"Yokohama", "JP", 0}, {"Nagoya", "JP", 0}, {"Kobe", "JP", 0},
	{"Seoul", "KR", 0}, {"Busan", "KR", 0}, {"Taipei", "TW", 0}, {"Helsinki", "FI", 0},
	{"Vantaa", "FI", 0}, {"Madrid", "ES", 0}, {"Barcelona", "ES", 0},
	{"Valencia", "ES", 0}, {"Sevilla", "ES", 0}, {"Bilbao", "ES", 0}, {"Lissabon", "PT", 0},
	{"Porto", "PT", 0}, {"Parijs", "FR", 0}, {"Lyon", "FR", 0}, {"Straatsburg", "FR", 0},
	{"Cannes", "FR", 0}, {"Marseille", "FR", 0}, {"Brussel", "BE", 0},
	{"Antwerpen", "BE", 0}, {"Gent", "BE", 0}, {"Luik", "BE", 0}, {"Berlijn", "DE", 0},
	{"Hamburg", "DE", 0}, {"München", "DE", 0}, {"Keulen", "DE", 0}, {"Düsseldorf", "DE", 0},
	{"Frankfurt", "DE", 0}, {"Stuttgart", "DE", 0}, {"Bremen", "DE", 0},
	{"Hannover", "DE", 0}, {"Münster", "DE", 0}, {"Nuernberg", "DE", 0},
	{"Neurenberg", "DE", 0}, {"Londen", "GB", 0}, {"Manchester", "GB", 0},
	{"Edinburgh", "GB", 0}, {"Glasgow", "GB", 0}, {"Dublin", "IE", 0}, {"Rome", "IT", 0},
	{"Milaan", "IT", 0}, {"Venetië", "IT", 0}, {"Turijn", "IT", 0}, {"Wenen", "AT", 0},
	{"Praag", "CZ", 0}, {"Warschau", "PL", 0}, {"Krakau", "PL", 0}, {"Boedapest", "HU", 0},
	{"Kopenhagen", "DK", 0}, {"Stockholm", "SE", 0}, {"Göteborg", "SE", 0},
	{"Oslo", "NO", 0}, {"Tallinn", "EE", 0}, {"Riga", "LV", 0}, {"Vilnius", "LT", 0},
	{"Athene", "GR", 0}, {"Zürich", "CH", 0}, {"Zurich", "CH", 0}, {"Genève", "CH", 0},
	{"Bern", "CH", 0}, {"Bazel", "CH", 0}, {"Plovdiv", "BG", 0}, {"Sofia", "BG", 0},
	{"Boekarest", "RO", 0}, {"New York", "US", 0}, {"Washington", "US", 0},
	{"San Francisco", "US", 0}, {"Boston", "US", 0}, {"Chicago", "US", 0},
	{"Los Angeles", "US", 0}, {"Austin", "US", 0}, {"Las Vegas", "US", 0},
	{"Toronto", "CA", 0}, {"Montreal", "CA", 0}, {"Vancouver", "CA", 0},
	{"São Paulo", "BR", 0}, {"Rio de Janeiro", "BR", 0}, {"Mumbai", "IN", 0},
	{"New Delhi", "IN", 0}, {"Bangalore", "IN", 0}, {"Jakarta", "ID", 0},
	{"Singapore", "SG", 0}, {"Dubai", "AE", 0}, {"Abu Dhabi", "AE", 0}, {"Doha", "QA", 0},
	{"Riyad", "SA", 0}, {"Istanbul", "TR", 0}, {"Ankara", "TR", 0},
	{"Tel Aviv", "IL", 0}, {"Jeruzalem", "IL", 0}, {"Caïro", "EG", 0}, {"Nairobi", "KE", 0},
	{"Accra", "GH", 0}, {"Lagos", "NG", 0}, {"Kaapstad", "ZA", 0},
	{"Johannesburg", "ZA", 0}, {"Rabat", "MA", 0}, {"Casablanca", "MA", 0},
	{"Paramaribo", "SR", 0}, {"Willemstad", "CW", 0}, {"Oranjestad", "AW", 0},
	{"Philipsburg", "SX", 0}, {"Moskou", "RU", 0}, {"Sint-Petersburg", "RU", 0},
	{"Kiev", "UA", 0}, {"Kyiv", "UA", 0}, {"Almaty", "KZ", 0}, {"Astana", "KZ", 0},
	{"Sydney", "AU", 0}, {"Melbourne", "AU", 0}, {"Auckland", "NZ", 0},
	{"Hanoi", "VN", 0}, {"Ho Chi Minhstad", "VN", 0}, {"Bangkok", "TH", 0},
	{"Kuala Lumpur", "MY", 0}, {"Manilla", "PH", 0}, {"Mexico-Stad", "MX", 0},
	{"Californië", "US", 1}, {"Massachusetts", "US", 1}, {"Michigan", "US", 1},
	{"Beieren", "DE", 1}, {"Noordrijn-Westfalen", "DE", 1}, {"Vlaanderen", "BE", 1},
	{"Wallonië", "BE", 1}, {"Catalonië", "ES", 1},
};

static bool matches(const char *t, size_t i, size_t to, const char *name)
{
	size_t n = strlen(name);
	return i + n <= to && !strncmp(t + i, name, n) && imp_word_start(t, i) &&
	       imp_word_end(t, i + n, to);
}

const char *imp_country_code(const char *name, size_t len)
{
	for (size_t k = 0; k < sizeof countries / sizeof countries[0]; k++)
		if (strlen(countries[k].name) == len && !strncasecmp(countries[k].name, name, len))
			return countries[k].code;
	return NULL;
}

size_t imp_places_find(const char *t, size_t from, size_t to, imp_place *out, size_t max)
{
	size_t n = 0;

	for (size_t i = from; i < to && n < max; i++) {
		if (!imp_word_start(t, i) || !((t[i] >= 'A' && t[i] <= 'Z') ||
					       (unsigned char)t[i] >= 0xC3))
			continue;
		size_t len = 0;
		imp_place p;
		memset(&p, 0, sizeof p);
		for (size_t k = 0; k < sizeof cities / sizeof cities[0]; k++)
			if (matches(t, i, to, cities[k].name)) {
				memcpy(p.country, cities[k].code, 3);
				snprintf(cities[k].region ? p.region : p.city, sizeof p.city, "%s",
					 cities[k].name);
				len = strlen(cities[k].name);
				break;
			}
		if (!len)
			for (size_t k = 0; k < sizeof countries / sizeof countries[0]; k++)
				if (matches(t, i, to, countries[k].name)) {
					memcpy(p.country, countries[k].code, 3);
					len = strlen(countries[k].name);
					break;
				}
		if (!len || !strcmp(p.country, "NL"))
			continue;
		p.off = i;
		p.len = len;
		/* the same place twice counts once */
		bool dup = false;
		for (size_t k = 0; k < n; k++)
			if (!strcmp(out[k].country, p.country) && !strcmp(out[k].city, p.city) &&
			    !strcmp(out[k].region, p.region))
				dup = true;
		if (!dup)
			out[n++] = p;
		i += len - 1;
	}
	return n;
}

json_t *imp_destinations(const imp_place *p, size_t n)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < n; i++) {
		bool specific = p[i].city[0] || p[i].region[0];
		if (!specific) {
			bool other = false;
			for (size_t k = 0; k < n; k++)
				if (k != i && !strcmp(p[k].country, p[i].country) &&
				    (p[k].city[0] || p[k].region[0]))
					other = true;
			if (other)
				continue;
		}
		json_t *o = json_object();
		json_object_set_new(o, "country", json_string(p[i].country));
		if (p[i].city[0])
			json_object_set_new(o, "city", json_string(p[i].city));
		if (p[i].region[0])
			json_object_set_new(o, "region", json_string(p[i].region));
		json_array_append_new(arr, o);
	}
	return arr;
}
