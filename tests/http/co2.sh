#!/bin/sh
# HTTP test of the CO₂ of trips (docs/co2.md): on the trip page with its
# assumptions, on every seed trip with a known destination, per year in the
# API and per trip in the CSV; a flight Almere → Brussel is flagged as
# within train distance; unpublished trips stay out of the public sums.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/fixtures/serve_lib.sh"

DB="${RR_TEST_DB:-$T/co2.db}"
seed_register "$DB" || exit 0
expect_exit 0 "load the Brussel flight and an unpublished trip" -- "$RR_BIN" load --db "$DB" \
	"$(dirname "$0")/fixtures/co2.json"
expect_exit 0 "import a request that says: Wijze van vervoer: vliegtuig" -- "$RR_BIN" import \
	--db "$DB" --organisation gm0034 "$(dirname "$0")/fixtures/co2_brussel.txt"
# Utrecht sets its own factor for long flights, with its source (docs/co2.md):
# every figure of its trips uses it; Almere keeps the built-in list.
jq '{organisations: [.organisations[] | select(.id == "pv26")
	| .co2_factors = {plane_long: 0.3, source: "Eigen lijst provincie, 2026"}]}' \
	"$EXAMPLES/organisations.json" >"$T/pv26-factors.json"
expect_exit 0 "a body's own emission factors load" -- "$RR_BIN" load --db "$DB" "$T/pv26-factors.json"
jq '{organisations: [.organisations[] | select(.id == "pv26") | .co2_factors = {plane_long: -1}]}' \
	"$EXAMPLES/organisations.json" >"$T/bad-factors.json"
expect_exit 1 "a negative factor is refused" -- "$RR_BIN" load --db "$DB" "$T/bad-factors.json"
"$RR_BIN" export --db "$DB" --public-only >"$T/export.json"
start_server "$DB" || { notok "server starts"; exit 1; }

# ---- 1. The Osaka/Tokio trip: the figure, its travellers and legs, the assumptions
get "/reizen/gm0034-2023-05-osaka"
status_is 200 "the Osaka trip page answers"
cp "$T/body" "$T/osaka.html"
# By hand (docs/co2.md): (9,200 + 95 + 9,280 + 95) × 0.147 + 400 × 0.006 = 2,747 kg
# per traveller; 1 alderman and 2 officials: 8,240 kg, "8,2 ton".
# The register says "Wijze van vervoer: vliegtuig": out and home by plane;
# Osaka → Tokio is estimated a train.
contains "$T/osaka.html" 'ongeveer 8,2 ton CO₂; 3 reizigers; vliegtuig 2 × 9.240 km, trein 400 km (geschat)' \
	"the Osaka trip shows about 8,2 ton CO₂ for 3 travellers, 2 stated flights, a train estimated"
contains "$T/osaka.html" 'id="co2"' "the Osaka trip has a CO₂ section"
contains "$T/osaka.html" '>Reisdelen en hun CO₂</caption>' "the legs are a table with a caption"
contains "$T/osaka.html" 'CO2emissiefactoren.nl, lijst 2024' "the factors' source is on the page"
contains "$T/osaka.html" 'telt 95 km extra' "the flight detour is on the page"
lacks "$T/osaka.html" 'de trein was mogelijk' "flights to Japan are not flagged"

# ---- 2. Every seed trip with a known destination shows a figure
missing=
for id in $(jq -r '.trips[] | select(.direction == "out" and .organisation != "pv99"
	and (.destinations | length) > 0) | .id' "$T/export.json"); do
	get "/reizen/$id"
	grep -q 'scope="row">CO₂</th>' "$T/body" || missing="$missing $id"
done
n=$(jq '[.trips[] | select(.direction == "out" and (.destinations | length) > 0)] | length' \
	"$T/export.json")
if [ -z "$missing" ] && [ "$n" -ge 20 ]; then ok "all $n outgoing trips with a destination show CO₂"
else notok "every trip with a destination shows CO₂" "missing:$missing (of $n)"; fi
# a trip without named travellers: per traveller, the number said unknown
id=$(jq -r '[.trips[] | select(.direction == "out" and (.destinations | length) > 0
	and (.travellers | length) == 0 and (.planned_travellers | length) == 0)][0].id' "$T/export.json")
get "/reizen/$id"
contains "$T/body" 'CO₂ per reiziger; aantal reizigers onbekend' \
	"unknown travellers: the figure per traveller, the number said unknown ($id)"
lacks "$T/body" 'ongeveer 0 kg' "unknown is not shown as zero"
# a cancelled trip emitted nothing: the page says so before the plan's figure
id=$(jq -r '[.trips[] | select(.status == "cancelled" and (.destinations | length) > 0)][0].id' \
	"$T/export.json")
get "/reizen/$id"
contains "$T/body" 'CO₂</th><td class="utrecht-table__cell">geen, de reis is niet gemaakt' \
	"a cancelled trip's CO₂ reads: geen, de reis is niet gemaakt ($id)"

# ---- 3. Almere → Brussel by plane is within train distance
get "/reizen/gm0034-2024-brussel"
status_is 200 "the Brussel trip page answers"
contains "$T/body" 'vliegtuig 2 × 1' "the Brussel trip is two stated flights"
contains "$T/body" '; de trein was mogelijk' "a flight Almere → Brussel is flagged: de trein was mogelijk"
contains "$T/body" 'een vlucht van minder dan 700 km' "the threshold is on the page"
# the importer reads the mode of transport from the request's label
if [ "$(jq '[.trips[] | select(.id == "gm0034-2025-03-brussel") | .transport] == ["plane"]' \
	"$T/export.json")" = true ]; then ok "the importer reads 'Wijze van vervoer: vliegtuig'"
else notok "the importer reads 'Wijze van vervoer: vliegtuig'" \
	"$(jq -c '[.trips[] | select(.organisation == "gm0034") | {id, transport}]' "$T/export.json")"; fi
get "/reizen/gm0034-2025-03-brussel"
contains "$T/body" '; de trein was mogelijk' "the imported flight to Brussel is flagged: de trein was mogelijk"
contains "$T/body" 'vliegtuig 2 × 1' "the imported trip counts two stated flights"

# ---- 4. Per year in the API, per trip in the CSV; unpublished trips not counted
get "/api/v1/totals?organisation=gm0034&year=2023"
status_is 200 "totals 2023 answer"
cp "$T/body" "$T/t2023.json"
if [ "$(jq '.co2_kg >= 9000 and .co2_kg <= 13000 and .co2_known == 3' "$T/t2023.json")" = true ]
then ok "CO₂ per year in the API: Almere 2023 (Osaka, Madrid, Helsinki)"
else notok "CO₂ per year in the API" "$(jq -c '{co2_kg, co2_known, co2_distance_known}' "$T/t2023.json")"; fi
get "/api/v1/totals?organisation=gm0034&year=2024"
cp "$T/body" "$T/t2024.json"
# Brussel: 2 travellers × 2 flights × (about 180 + 95) km × 0.297 = about 330 kg
if [ "$(jq '.co2_kg > 250 and .co2_kg < 400 and .co2_known == 1 and .flights_train_possible == 2' \
	"$T/t2024.json")" = true ]; then ok "2024: only the published Brussel flight counts"
else notok "2024: the unpublished trip stays out of the sum" "$(jq -c . "$T/t2024.json" | head -c 600)"; fi
get "/o/gm0034/2023"
status_is 200 "the year page answers"
contains "$T/body" 'scope="row">CO₂ (schatting)</th><td class="utrecht-table__cell">ongeveer 1' \
	"the year page shows the year's CO₂"
contains "$T/body" 'id="co2-uitgangspunten"' "the year page gives the assumptions"
get "/api/v1/trips.csv?organisation=gm0034&year=2023"
status_is 200 "the CSV answers"
cp "$T/body" "$T/trips.csv"
head -n 1 "$T/trips.csv" | grep -q ',co2_kg,co2_kg_per_traveller,co2_flights_train_possible' \
	&& ok "the CSV has CO₂ columns" || notok "the CSV has CO₂ columns" "$(head -n 1 "$T/trips.csv")"
kg=$(node -e '
const rows = require("fs").readFileSync(process.argv[1], "utf8").split("\r\n");
const head = rows[0].split(","), i = head.indexOf("co2_kg");
const r = rows.find((l) => l.startsWith("gm0034-2023-05-osaka,"));
// the last three fields have no quotes or commas
console.log(r ? r.split(",").slice(-3)[0] : "none", i === head.length - 3);
' "$T/trips.csv")
case "$kg" in
8[0-9][0-9][0-9]" true") ok "the CSV gives the Osaka trip's kg ($kg)" ;;
*) notok "the CSV gives the Osaka trip's kg" "$kg" ;;
esac
get "/reizen/gm0034-2024-sydney-geheim"
status_is 404 "the unpublished trip is not shown"

# ---- 5. The map of destinations: /o/gm0034 and the relation's page
# map_check PAGE NAME API-QUERY: the SVG is well-formed XML (libxml2) with a
# title and a description, a linked dot per row of the table, and the table
# lists the same places as the API's trips (country|city, outgoing trips
# that count).
map_check() {
	get "$1"
	status_is 200 "$2: the page answers"
	cp "$T/body" "$T/map.html"
	node -e '
const fs = require("fs"), html = fs.readFileSync(process.argv[1], "utf8");
const at = html.indexOf("<figure class=\"rr-map\">");
if (at < 0) { console.log("no map"); process.exit(1); }
const svg = html.slice(html.indexOf("<svg", at), html.indexOf("</svg>", at) + 6);
fs.writeFileSync(process.argv[2] + "/map.svg", svg);
const cap = html.indexOf(">Bestemmingen op de kaart (");
const table = html.slice(cap, html.indexOf("</table>", cap));
const text = (s) => s.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").trim();
const rows = [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].slice(1).map((r) => {
  const cells = [...r[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]);
  const cc = (cells[0].match(/country=([A-Z]{2})/) || [])[1];
  const name = text(cells[0]).replace(/ \(op de kaart bij de hoofdstad\)$/, "");
  return cc + "|" + (name === text(cells[1]) ? "" : name);
});
const dots = (svg.match(/<a href="[^"]+" aria-label="[^"]+"><circle /g) || []).length;
fs.writeFileSync(process.argv[2] + "/map-rows.json", JSON.stringify({ rows: rows.sort(), dots }));
' "$T/map.html" "$T" || { notok "$2: the page has a map"; return; }
	ok "$2: the page has a map"
	if xmllint --noout "$T/map.svg" 2>"$T/xml.err"; then ok "$2: the map SVG is well-formed"
	else notok "$2: the map SVG is well-formed" "$(head -c 400 "$T/xml.err")"; fi
	if [ "$(xmllint --xpath 'count(/*[local-name()="svg"]/*[local-name()="title"]) + count(/*[local-name()="svg"]/*[local-name()="desc"])' "$T/map.svg" 2>/dev/null)" = 2 ] \
		&& grep -q 'aria-labelledby="kaart-[a-z]*-title kaart-[a-z]*-desc"' "$T/map.svg"
	then ok "$2: the map has a title and a description"
	else notok "$2: the map has a title and a description" "$(head -c 400 "$T/map.svg")"; fi
	get "$3"
	jq -c '[.trips[] | select(.direction == "out" and ((.status == "cancelled" or .status == "rejected"
		or .status == "draft") | not)) | .destinations[]? | .country + "|" + (.city // .region // "")]
		| unique | sort' "$T/body" >"$T/api-rows.json"
	if [ "$(jq -c '.rows | unique' "$T/map-rows.json")" = "$(cat "$T/api-rows.json")" ] &&
		[ "$(jq '.dots == (.rows | length) and .dots > 0' "$T/map-rows.json")" = true ]
	then ok "$2: the table and the dots list the API's destinations ($(jq '.dots' "$T/map-rows.json"))"
	else notok "$2: the table lists the API's destinations" \
		"map $(cat "$T/map-rows.json"); api $(cat "$T/api-rows.json")"; fi
}
map_check "/o/gm0034" "/o/gm0034" "/api/v1/trips?organisation=gm0034&limit=1000"
lacks "$T/map.html" 'Sydney' "the unpublished trip is not on the map"
contains "$T/map.html" 'aria-label="Shenzhen (China): 2 reizen"' "a dot says its place and trips"
PID=$(jq -r '.partnerships[] | select(.organisation == "pv26") | .id' "$T/export.json" | head -n 1)
map_check "/partnerschappen/$PID" "/partnerschappen/$PID" \
	"/api/v1/trips?organisation=pv26&limit=1000"
contains "$T/map.html" 'CO₂ van de uitgaande reizen (schatting): ongeveer' \
	"the relation's page gives the CO₂ of its delegations"

get "/o/gm0034/2023"
cp "$T/body" "$T/year.html"
contains "$T/year.html" 'id="kaart-jaar-title"' "the year page has the map of that year"
contains "$T/year.html" 'href="/zoeken?organisation=gm0034&amp;country=JP&amp;year=2023"' \
	"a dot of the year map links to that year's trips to the country"
lacks "$T/year.html" 'aria-label="Shenzhen (China)' "the year map holds only that year's places"

# ---- 6. The bodies side by side
get "/vergelijking?van=2023&tot=2023"
status_is 200 "the comparison answers"
contains "$T/body" '>CO₂ (schatting)</th>' "the comparison has a CO₂ column"
contains "$T/body" 'numeric-column">ongeveer 1' "Almere's 2023 CO₂ is in the comparison"
get "/api/v1/compare?from=2023&to=2023"
jcheck_co2() {
	if [ "$(jq "$2" "$T/body")" = true ]; then ok "$1"; else notok "$1" "$(head -c 400 "$T/body")"; fi
}
jcheck_co2 "the compare API gives Almere's 2023 CO₂" \
	'[.bodies[] | select(.organisation == "gm0034") | .co2_kg > 9000 and .co2_known == 3] == [true]'

# ---- 7. A body's own factors; one trip's figure in the API; the spreadsheet
OSAKA=gm0034-2023-05-osaka
get "/api/v1/trips/$OSAKA/co2"
status_is 200 "one trip's CO₂ in the API"
jcheck_co2 "the API gives the Osaka figure with the built-in list and its source" \
	'.kg > 7400 and .kg < 9100 and .travellers == 3 and .own_factors == false
	 and (.factors_source | startswith("CO2emissiefactoren.nl")) and (.legs | length) == 3
	 and .legs[0].factor_kg_per_pkm == 0.147 and .counts == true'
OKG=$(jq '.kg' "$T/body")
get "/api/v1/trips.csv?organisation=gm0034&year=2023"
cp "$T/body" "$T/almere.csv"
if node -e '
const [csv, id, kg] = process.argv.slice(1);
const rows = require("fs").readFileSync(csv, "utf8").trim().split("\r\n").map((l) => l.split(","));
const h = rows[0], r = rows.find((x) => x[0] === id);
process.exit(r && r[h.indexOf("co2_kg")] === kg ? 0 : 1);' "$T/almere.csv" "$OSAKA" "$OKG"
then ok "the CSV gives the same figure as the trip API ($OKG kg)"
else notok "the CSV gives the same figure as the trip API" "$(head -c 300 "$T/almere.csv")"; fi
UT=$(jq -r '[.trips[] | select(.organisation == "pv26" and .direction == "out"
	and ([.destinations[]? | select(.country == "CN")] | length) > 0)][0].id' "$T/export.json")
get "/api/v1/trips/$UT/co2"
jcheck_co2 "Utrecht's trip to China uses its own factor for long flights" \
	'.own_factors == true and .factors_source == "Eigen lijst provincie, 2026"
	 and ([.legs[] | select(.km > 2500) | .factor_kg_per_pkm] | unique) == [0.3]'
get "/reizen/$UT"
contains "$T/body" 'Eigen lijst provincie, 2026' "the trip page names the body's own source"
contains "$T/body" 'verder); trein 0,006' "a factor the body left out is the built-in one"
lacks "$T/body" 'CO2emissiefactoren.nl, lijst 2024' "the built-in source is not claimed for it"
get "/api/v1/trips/does-not-exist/co2"
status_is 404 "no such trip: 404"
IN=$(jq -r '[.trips[] | select(.direction == "in")][0].id' "$T/export.json")
get "/api/v1/trips/$IN/co2"
status_is 404 "an incoming delegation has no figure: 404"
get "/api/v1/trips/gm0034-2024-sydney-geheim/co2"
status_is 404 "the unpublished trip's figure is not shown"
get "/api/v1/trips.xlsx?organisation=gm0034&year=2023"
cp "$T/body" "$T/r.xlsx"
node "$(dirname "$0")/fixtures/xlsx_check.mjs" "$T/r.xlsx" >"$T/body" 2>&1
jcheck_co2 "the spreadsheet gives the Osaka CO₂ as a number, the same as the API" \
	"[.sheets[0].rows[] | select(.Kenmerk.value == \"$OSAKA\") | .\"CO₂ (kg, schatting)\" | [.type, .value]] == [[\"number\", $OKG]]"
stop_server
