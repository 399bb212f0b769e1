#!/bin/sh
# Black-box tests of `reisregister import` on the five seed documents
# (../shared/seeds beside the repository) and on bad input.
. "$(dirname "$0")/lib.sh"

SEEDS=${SEEDS:-$PWD/../shared/seeds}
if [ ! -d "$SEEDS" ] || ! command -v jq >/dev/null 2>&1; then
	notok "import tests need $SEEDS and jq"
	exit 0
fi
DB="$T/r.db"
"$RR_BIN" init --db "$DB" >/dev/null
if [ -f "$EXAMPLES/organisations.json" ]; then
	"$RR_BIN" load --db "$DB" "$EXAMPLES/organisations.json" >/dev/null
else
	cat > "$T/orgs.json" <<'JSON'
{"organisations": [
 {"id": "gm0034", "name": "Gemeente Almere", "kind": "municipality", "country": "NL"},
 {"id": "pv26", "name": "Provincie Utrecht", "kind": "province", "country": "NL"}]}
JSON
	"$RR_BIN" load --db "$DB" "$T/orgs.json" >/dev/null
fi

expect_exit 0 "import --help" -- "$RR_BIN" import --help
contains "$T/out" "--dry-run" "help describes --dry-run"
expect_exit 2 "import without --organisation is a usage error" -- "$RR_BIN" import --db "$DB" "$SEEDS"/000_*.txt
expect_exit 1 "import for an unknown body" -- "$RR_BIN" import --db "$DB" --organisation gm9999 "$SEEDS"/000_*.txt
contains "$T/err" "create it first" "says to create the organisation first"

expect_exit 0 "dry run of the Almere seeds" -- "$RR_BIN" import --db "$DB" --organisation gm0034 --dry-run \
	"$SEEDS"/000_*.txt "$SEEDS"/001_*.txt "$SEEDS"/004_*.txt
contains "$T/out" "trip gm0034-2023-05-osaka (new)" "dry run lists the trips it would create"
contains "$T/out" "not understood" "dry run lists what was not understood"
contains "$T/out" "nothing was written" "dry run says nothing was written"
"$RR_BIN" export --db "$DB" > "$T/empty.json"
n=$(jq '.trips | length' "$T/empty.json")
[ "$n" -eq 0 ] && ok "dry run wrote nothing" || notok "dry run wrote nothing" "$n trips"

expect_exit 0 "import the Almere seeds" -- "$RR_BIN" import --db "$DB" --organisation gm0034 \
	"$SEEDS"/000_*.txt "$SEEDS"/001_*.txt "$SEEDS"/004_*.txt
expect_exit 0 "import the Utrecht seeds" -- "$RR_BIN" import --db "$DB" --organisation pv26 \
	"$SEEDS"/002_*.txt "$SEEDS"/003_*.txt
"$RR_BIN" export --db "$DB" > "$T/e1.json"
E="$T/e1.json"

check() { # NAME JQ-EXPRESSION (must print true)
	if [ "$(jq "$2" "$E")" = "true" ]; then ok "$1"; else notok "$1" "$(jq -c "$2" "$E")"; fi
}
trip() { echo ".trips[] | select(.organisation == \"$1\" and (.start // \"\" | startswith(\"$2\")) and (.destinations // [] | map(.city // .region // \"\") | index(\"$3\") != null))"; }

check "2014 Shenzhen trip: 15-21 November, 2 officials" \
	"[$(trip gm0034 2014-11 Shenzhen) | .start == \"2014-11-15\" and .end == \"2014-11-21\" and .accompanying_officials == 2] == [true]"
check "2014 Shenzhen travellers Pol and Jorritsma" \
	"[$(trip gm0034 2014-11 Shenzhen) | .travellers | map(.name) | (index(\"Pol\") != null and index(\"Jorritsma\") != null)] == [true]"
check "2016 Shenzhen trip: 29 May - 3 June, 2 officials, Weerwind" \
	"[$(trip gm0034 2016-05 Shenzhen) | .end == \"2016-06-03\" and .accompanying_officials == 2 and (.travellers | map(.name) | any(endswith(\"Weerwind\")))] == [true]"
check "Helsinki 2023: 1 official, paid by the MRA" \
	"[$(trip gm0034 2023-09 Helsinki) | .accompanying_officials == 1 and (.costs | any(.paid_by == \"MRA\"))] == [true]"
check "Osaka/Tokio: planned 13-19 May, actual 15-19 May" \
	"[$(trip gm0034 2023-05 Osaka) | .planned_start == \"2023-05-13\" and .planned_end == \"2023-05-19\" and .start == \"2023-05-15\" and .end == \"2023-05-19\"] == [true]"
check "Osaka/Tokio: both legs in Japan" \
	"[$(trip gm0034 2023-05 Osaka) | .destinations | map(.country + \"/\" + .city)] == [[\"JP/Osaka\", \"JP/Tokio\"]]"
check "Osaka/Tokio: 2 officials, EUR 10,900 estimate, decided 21 February 2023" \
	"[$(trip gm0034 2023-05 Osaka) | .accompanying_officials == 2 and (.costs | any(.amount_eur == 10900 and .kind == \"estimate\")) and .decision.date == \"2023-02-21\" and .decision.outcome == \"approved\"] == [true]"
check "Madrid: EUR 1,250 and 1 official" \
	"[$(trip gm0034 2023-05 Madrid) | .accompanying_officials == 1 and (.costs | any(.amount_eur == 1250))] == [true]"
check "Almere: 6 trips that took place or were asked for (one recalled from 2016)" "[.trips[] | select(.organisation == \"gm0034\" and .direction == \"out\" and .status != \"cancelled\")] | length == 6"
check "Almere: the last visit to Japan, September 2016, by mayor Weerwind" \
	"[.trips[] | select(.organisation == \"gm0034\" and .start == \"2016-09\") | .destinations[0].country == \"JP\" and (.travellers | map(.name) | index(\"Weerwind\") != null)] == [true]"
check "Almere: 2 visits received, told in the reports" "[.trips[] | select(.organisation == \"gm0034\" and .direction == \"in\")] | length == 2"
check "Almere: the Guangming delegation of November 2014" \
	"[.trips[] | select(.organisation == \"gm0034\" and .direction == \"in\" and .start == \"2014-11\") | .origin.country == \"CN\" and .counterpart == \"Guangming New Town\"] == [true]"
check "Almere: the Vantaa delegation planned for 2024" \
	"[.trips[] | select(.organisation == \"gm0034\" and .direction == \"in\" and .start == \"2024\") | .origin.city == \"Vantaa\" and .status == \"approved\"] == [true]"
check "Almere: the Japan visit of May 2020 is the one cancelled trip" \
	"[.trips[] | select(.organisation == \"gm0034\" and .status == \"cancelled\") | .start == \"2020-05\" and .planned_start == \"2020-05\" and (.destinations | map(.country)) == [\"JP\"]] == [true]"
check "the 2020 cancellation names Covid as its reason" \
	"[.trips[] | select(.organisation == \"gm0034\" and .status == \"cancelled\") | .cancellation.reason | test(\"covid\"; \"i\")] == [true]"
check "the 2020 cancellation is public and points at its sentence" \
	"[.trips[] | select(.organisation == \"gm0034\" and .status == \"cancelled\") | .public == true and (.sources | length == 1) and (.sources[0].spans | any(.field == \"cancellation\"))] == [true]"
check "no Utrecht trip is made from a cancellation" "[.trips[] | select(.organisation == \"pv26\" and .status == \"cancelled\")] | length == 0"
check "Utrecht 2017 mission: 28 October - 4 November, both documents" \
	"[.trips[] | select(.organisation == \"pv26\" and .start == \"2017-10-28\") | .end == \"2017-11-04\" and (.sources | length == 2)] == [true]"
check "26 outgoing delegations 1995-2019" \
	"[.trips[] | select(.organisation == \"pv26\" and .direction == \"out\") | .start[0:4] | tonumber | select(. >= 1995 and . <= 2019)] | length == 26"
check "31 incoming delegations 1995-2019" \
	"[.trips[] | select(.organisation == \"pv26\" and .direction == \"in\") | .start[0:4] | tonumber | select(. >= 1995 and . <= 2019)] | length == 31"
# the lists' 26 and 31 and the history's visit of 1988
check "no other Utrecht trips" "[.trips[] | select(.organisation == \"pv26\")] | length == 58"
check "the 2017 mission is counted once" \
	"[.trips[] | select(.organisation == \"pv26\" and .direction == \"out\" and (.start | startswith(\"2017\")))] | length == 1"
check "Utrecht-Guangdong partnership since 1995" \
	"[.partnerships[] | select(.organisation == \"pv26\" and .partner.name == \"Guangdong\" and .partner.country == \"CN\") | .since] == [\"1995\"]"
check "Almere-Shenzhen sister city since 2013, upgraded 2016" \
	"[.partnerships[] | select(.organisation == \"gm0034\") | .type == \"sister_city\" and .since == \"2013\" and (.events | any(.kind == \"upgraded\"))] == [true]"
check "the 2014 and 2016 Shenzhen trips belong to the Almere-Shenzhen partnership" \
	"[.trips[] | select(.organisation == \"gm0034\" and (.destinations | any(.city == \"Shenzhen\"))) | .partnership] == [\"gm0034-shenzhen\", \"gm0034-shenzhen\"]"
check "every Utrecht delegation belongs to the Guangdong partnership" \
	"[.trips[] | select(.organisation == \"pv26\") | .partnership == \"pv26-guangdong\"] | all"
check "every record is public" "[.trips[], .documents[], .partnerships[], .results[] | .public] | all"
check "every trip names its source document with spans" \
	"[.trips[] | .sources | length > 0 and all(.document and (.spans | length > 0))] | all"
check "a document per file, with its whole text" \
	"[.documents[] | select(.text | length > 5000)] | length == 5"
check "agreements signed are results" \
	"[.results[] | select(.type == \"agreement\" and .agreement == \"contract\" and (.trip | startswith(\"pv26-2017\")))] | length == 1"
# Results per mission (seed 002's appendix, seed 003's list) with themes.
PV26_TRIPS='[.trips[] | select(.organisation == "pv26") | {key: .id, value: (.start // "")}] | from_entries'
check "Utrecht results carry a theme" \
	"[.results[] | select(.organisation == \"pv26\" and .theme)] | length >= 20"
check "at least 5 themes among the results of the 2010-2019 missions" \
	"($PV26_TRIPS) as \$t | [.results[] | select(.organisation == \"pv26\" and .trip and (\$t[.trip] // \"\") >= \"2010\" and (\$t[.trip] // \"\") < \"2020\") | .theme | select(.)] | unique | length >= 5"
check "results of the 2010, 2013, 2015, 2017 and 2019 missions" \
	"($PV26_TRIPS) as \$t | [.results[] | select(.organisation == \"pv26\" and .trip) | \$t[.trip][0:4]] | unique | contains([\"2010\", \"2013\", \"2015\", \"2017\", \"2019\"])"
check "every Utrecht result links the partnership or an Utrecht trip" \
	"($PV26_TRIPS) as \$t | [.results[] | select(.organisation == \"pv26\") | .partnership == \"pv26-guangdong\" or (.trip and \$t[.trip] != null)] | all"
check "the investments 2010-2020 are one result: EUR 17.56 million, 134 jobs, on the partnership" \
	"[.results[] | select(.organisation == \"pv26\" and .type == \"investment\" and .trip == null) | [.amount_eur, .jobs, .date, .partnership]] == [[17560000, 134, \"2010\", \"pv26-guangdong\"]]"
check "the total is not counted twice: Utrecht's results hold 134 jobs and EUR 17.56 million" \
	"[.results[] | select(.organisation == \"pv26\")] | ([.[].jobs // 0] | add) == 134 and ([.[].amount_eur // 0] | add) == 17560000"
check "a result of the 2017 mission in both documents is one result with two sources" \
	"[.results[] | select(.organisation == \"pv26\" and .type == \"media\" and (.trip // \"\" | startswith(\"pv26-2017\")))] | length == 1 and (.[0].sources | length == 2)"
check "the 2015 mission's contract, MoU and letter of intent are results" \
	"[.results[] | select(.type == \"agreement\" and (.trip // \"\" | startswith(\"pv26-2015\"))) | .agreement] | contains([\"contract\", \"mou\", \"letter_of_intent\"])"
check "every result names its source document with a span" \
	"[.results[] | .sources | length > 0 and all(.document and (.spans | length > 0))] | all"
SPAN=$(jq -r '[.trips[] | select(.organisation == "gm0034" and .start == "2014-11-15")][0] as $t |
	($t.sources[0].spans[] | select(.field == "start")) as $s |
	(.documents[] | select(.id == $t.sources[0].document) | .text | explode[$s.start:$s.end] | implode)' "$E" 2>/dev/null)
[ "$SPAN" = "15 t/m 21 november 2014" ] && ok "a span points at the text the field came from" \
	|| notok "a span points at the text the field came from" "$SPAN"

expect_exit 0 "import the same files again" -- "$RR_BIN" import --db "$DB" --organisation pv26 \
	"$SEEDS"/003_*.txt "$SEEDS"/002_*.txt
contains "$T/out" "(0 new, 0 changed, 58 unchanged)" "re-import reports every trip unchanged"
"$RR_BIN" import --db "$DB" --organisation gm0034 "$SEEDS"/004_*.txt >/dev/null
"$RR_BIN" export --db "$DB" > "$T/e2.json"
same_files "$T/e1.json" "$T/e2.json" "re-import changes nothing (export identical)"

# --private
DB2="$T/p.db"
"$RR_BIN" init --db "$DB2" >/dev/null
cp "$DB" "$DB2" 2>/dev/null
"$RR_BIN" init --db "$T/q.db" >/dev/null
jq '{organisations: .organisations}' "$E" > "$T/o.json"
"$RR_BIN" load --db "$T/q.db" "$T/o.json" >/dev/null
expect_exit 0 "import --private" -- "$RR_BIN" import --db "$T/q.db" --organisation gm0034 --private "$SEEDS"/000_*.txt
"$RR_BIN" export --db "$T/q.db" > "$T/q.json"
[ "$(jq '[.trips[], .documents[] | .public] | any' "$T/q.json")" = "false" ] \
	&& ok "--private records are not public" || notok "--private records are not public"

# Bad input: a clear error naming the file, exit 1, the database unchanged.
sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null 2>&1
cp "$DB" "$T/before.db"
printf 'GIF89a\001\000\001\000\000\377\000,binary' > "$T/pic.txt"
expect_exit 1 "a binary file is refused" -- "$RR_BIN" import --db "$DB" --organisation gm0034 "$SEEDS"/000_*.txt "$T/pic.txt"
contains "$T/err" "pic.txt: contains NUL bytes" "the error names the file and the reason"
contains "$T/err" "nothing was written" "says nothing was written"
printf '<html><body><!-- Verslag buitenlandse dienstreis naar Madrid\n<p>15 mei 2023</p>' > "$T/bad.html"
expect_exit 1 "a malformed HTML file is refused" -- "$RR_BIN" import --db "$DB" --organisation gm0034 "$T/bad.html"
contains "$T/err" "bad.html: is malformed HTML" "the error says the HTML is malformed"
: > "$T/empty.txt"
expect_exit 1 "an empty file is refused" -- "$RR_BIN" import --db "$DB" --organisation gm0034 "$T/empty.txt"
contains "$T/err" "empty.txt: is empty" "the error says the file is empty"
printf 'Verslag \377\376 reis \377\376\377 naar \200\201\215 Madrid\n' > "$T/latin.txt"
expect_exit 1 "bytes that are neither UTF-8 nor Windows-1252 are refused" -- "$RR_BIN" import --db "$DB" --organisation gm0034 "$T/latin.txt"
sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null 2>&1
same_files "$T/before.db" "$DB" "refused imports leave the database byte-for-byte unchanged"

# HTML and Markdown: the same genre in other formats
cat > "$T/reis.html" <<'HTML'
<!DOCTYPE html><html><head><title>Verslag</title><script>var x = "<p>Reisdoel: Japan</p>";</script></head>
<body><h1>Verslag buitenlandse dienstreis wethouder De Vries naar Duitsland, Berlijn</h1>
<p>Reisdoel (land, plaats): Duitsland, Berlijn</p>
<p>Vertrekdatum en duur van de reis: 3 t/m 5 maart 2024</p>
<p>Aantal meereizende ambtenaren gemeente Almere: twee</p>
<h2>Verslag van de reis</h2><p>Er is een intentieverklaring getekend met de stad.</p></body></html>
HTML
expect_exit 0 "an HTML report" -- "$RR_BIN" import --db "$DB" --organisation gm0034 --dry-run "$T/reis.html"
contains "$T/out" "trip gm0034-2024-03-berlijn (new)" "HTML: the trip with its date and destination"
contains "$T/out" "officials 2" "HTML: officials written as a word"
lacks "$T/out" "Japan" "HTML: script content is not text"
cat > "$T/reis.md" <<'MD'
# Aanvraag dienstreis burgemeester Jansen naar Kopenhagen

**Reisdoel (land, plaats):** Denemarken, Kopenhagen
**Vertrek- en retourdatum van de reis:** 10 en 11 juni 2024
**Reiskosten:** ongeveer € 1.600,-
MD
expect_exit 0 "a Markdown request" -- "$RR_BIN" import --db "$DB" --organisation gm0034 --dry-run "$T/reis.md"
contains "$T/out" "planned 2024-06-10 .. 2024-06-11" "Markdown: planned dates"
contains "$T/out" "EUR 1600.00 estimate" "Markdown: the estimated cost"
contains "$T/out" "| requested" "Markdown: a request without a decision is requested"
# A gift register: real gift records, written and read back; again: unchanged.
printf 'Geschenkenregister 2042\n\nDatum\tOntvanger\tOmschrijving\tGever\tWaarde\tBestemming\n%s\n%s\n' \
	"3-3-2042	Burgemeester A. Wolf	Porseleinen schaal	Burgemeester van Coimbra	€ 75	Vitrine stadhuis" \
	"8-5-2042	Wethouder B. Das	Fles wijn	Consul van Chili	onbekend	Gedeeld met medewerkers" > "$T/geschenken.txt"
expect_exit 0 "a gift register: dry run" -- "$RR_BIN" import --db "$DB" --organisation gm0034 --dry-run "$T/geschenken.txt"
contains "$T/out" "gift gm0034-geschenk-2042-03-03-porseleinen-schaal (new)" "dry run lists the gifts"
contains "$T/out" "Burgemeester van Coimbra -> Burgemeester A. Wolf | Porseleinen schaal | EUR 75.00" "a gift's giver, recipient and value"
expect_exit 0 "a gift register: import" -- "$RR_BIN" import --db "$DB" --organisation gm0034 "$T/geschenken.txt"
contains "$T/out" "gifts             2 (2 new" "the gifts are written"
"$RR_BIN" export --db "$DB" > "$T/gifts.json"
n=$(jq '[.gifts[] | select(.organisation == "gm0034" and .disposition == "shared")] | length' "$T/gifts.json")
[ "$n" -eq 1 ] && ok "a written gift keeps what was done with it" || notok "a written gift keeps what was done with it" "$n"
expect_exit 0 "a gift register again" -- "$RR_BIN" import --db "$DB" --organisation gm0034 "$T/geschenken.txt"
contains "$T/out" "gifts             2 (0 new, 0 changed, 2 unchanged)" "importing again changes no gift"
# A register that states no dates and leaves a giver out: written with those facts empty.
printf 'Geschenkenregister\n\nOntvanger\tOmschrijving\tGever\tWaarde\n%s\n%s\n' \
	"Burgemeester A. Wolf	Theeservies	Consul van Japan	€ 60" \
	"Wethouder B. Das	Fotoboek		onbekend" > "$T/zonder.txt"
expect_exit 0 "a register without dates: import" -- "$RR_BIN" import --db "$DB" --organisation gm0034 "$T/zonder.txt"
contains "$T/out" "gifts             2 (2 new" "the undated gifts are written"
"$RR_BIN" export --db "$DB" | jq -e '[.gifts[] | select(.id == "gm0034-geschenk-zonder-datum-fotoboek" and
	.recipient == "Wethouder B. Das" and (has("giver") | not) and (has("date") | not))] | length == 1' \
	>/dev/null && ok "a written gift keeps its giver and date empty" || notok "a written gift keeps its giver and date empty"
expect_exit 0 "a register without dates again" -- "$RR_BIN" import --db "$DB" --organisation gm0034 "$T/zonder.txt"
contains "$T/out" "gifts             2 (0 new, 0 changed, 2 unchanged)" "importing it again changes no gift"
