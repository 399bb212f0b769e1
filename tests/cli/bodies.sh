#!/bin/sh
# Black-box tests of the built-in Dutch public bodies: `reisregister bodies`,
# and import, load and init on a fresh database without any organisation
# loaded first (docs/bodies.md).
. "$(dirname "$0")/lib.sh"

DB="$T/r.db"
expect_exit 0 "init" -- "$RR_BIN" init --db "$DB"
contains "$T/out" "Dutch public bodies built in" "init says the bodies are built in"

expect_exit 0 "bodies --help" -- "$RR_BIN" bodies --help
contains "$T/out" "--search" "help describes --search"
expect_exit 0 "bodies --search eemsdelta" -- "$RR_BIN" bodies --search eemsdelta
contains "$T/out" "gm1979    Gemeente Eemsdelta (Groningen), since 2021-01-01" "Eemsdelta with its first day"
contains "$T/out" "gm0010    Gemeente Delfzijl (Groningen), until 2020-12-31" "Delfzijl with its last day"
contains "$T/out" "merged into gm1979 Gemeente Eemsdelta" "Delfzijl merged into Eemsdelta"
contains "$T/out" "gm0003    Gemeente Appingedam" "Appingedam is listed"
contains "$T/out" "gm0024    Gemeente Loppersum" "Loppersum is listed"
n=$(grep -c '^gm' "$T/out")
[ "$n" -eq 4 ] && ok "eemsdelta finds four municipalities" || notok "eemsdelta finds four municipalities" "$n"
expect_exit 0 "bodies --search Schieland --json" -- "$RR_BIN" bodies --search "schieland" --json
if command -v jq >/dev/null 2>&1; then
	[ "$(jq -r '.[0].code' "$T/out")" = ws0656 ] && ok "json: the water board's code" || notok "json: code" "$(cat "$T/out")"
	[ "$(jq -r '.[0].tooi' "$T/out")" = https://identifier.overheid.nl/tooi/id/waterschap/ws0656 ] \
		&& ok "json: its TOOI URI" || notok "json: TOOI URI" "$(cat "$T/out")"
	[ "$(jq -r '.[0].seat.name' "$T/out")" = Rotterdam ] && ok "json: its seat" || notok "json: seat"
fi
expect_exit 0 "bodies --kind province" -- "$RR_BIN" bodies --kind province
n=$(grep -c '^pv' "$T/out")
[ "$n" -eq 12 ] && ok "twelve provinces" || notok "twelve provinces" "$n"
expect_exit 0 "bodies --kind municipality --current" -- "$RR_BIN" bodies --kind municipality --current
n=$(grep -c '^gm' "$T/out")
[ "$n" -eq 342 ] && ok "342 current municipalities" || notok "342 current municipalities" "$n"
expect_exit 1 "no match exits 1" -- "$RR_BIN" bodies --search zzqqxx
contains "$T/err" "no body matches" "says no body matches"
expect_exit 2 "a bad kind is a usage error" -- "$RR_BIN" bodies --kind city
expect_exit 2 "an unknown option is a usage error" -- "$RR_BIN" bodies --frobnicate

# load: a trip of a built-in body that has no record yet
cat > "$T/trip.json" <<'JSON'
{"trips": [{"id": "ws0656-2024-delta", "organisation": "ws0656", "title": "Werkbezoek Rotterdam Delta",
  "direction": "out", "status": "completed", "public": true, "start": "2024-03-04",
  "destinations": [{"country": "BE", "city": "Antwerpen"}]}]}
JSON
expect_exit 0 "load a trip of a water board not yet in the register" -- "$RR_BIN" load --db "$DB" "$T/trip.json"
"$RR_BIN" export --db "$DB" > "$T/export.json"
contains "$T/export.json" '"name": "Hoogheemraadschap van Schieland en de Krimpenerwaard"' "the water board became a record"
contains "$T/export.json" '"kind": "water_board"' "with the water-board kind"
cat > "$T/bad.json" <<'JSON'
{"trips": [{"id": "gm9998-x", "organisation": "gm9998", "title": "Nergens", "direction": "out",
  "status": "draft"}]}
JSON
expect_exit 1 "an unknown code is still refused" -- "$RR_BIN" load --db "$DB" "$T/bad.json"
contains "$T/err" "no organisation with id 'gm9998'" "names the unknown code"

# import for a body that has no record: a dry run adds nothing, the import adds it
printf '%s\n' "Verslag buitenlandse dienstreis burgemeester naar Finland, Helsinki" \
	"Vertrekdatum en retourdatum van de reis: 28 en 29 september 2023" \
	"De burgemeester nam deel aan de conferentie van Europese metropolen in Helsinki." > "$T/verslag.txt"
expect_exit 0 "dry run of an import for gm0518" -- "$RR_BIN" import --db "$DB" --organisation gm0518 --dry-run "$T/verslag.txt"
contains "$T/out" "nothing was written" "the dry run writes nothing"
"$RR_BIN" export --db "$DB" > "$T/export2.json"
lacks "$T/export2.json" '"gm0518"' "after the dry run Den Haag is not in the register"
expect_exit 0 "import for gm0518 on a register without it" -- "$RR_BIN" import --db "$DB" --organisation gm0518 "$T/verslag.txt"
contains "$T/out" "organisation gm0518 (Gemeente Den Haag) added from the built-in list" "says the body was added"
"$RR_BIN" export --db "$DB" > "$T/export3.json"
contains "$T/export3.json" '"name": "Gemeente Den Haag"' "Den Haag is now a record"
contains "$T/export3.json" '"organisation": "gm0518"' "its trip belongs to it"
expect_exit 0 "import again" -- "$RR_BIN" import --db "$DB" --organisation gm0518 "$T/verslag.txt"
lacks "$T/out" "added from the built-in list" "the second import adds no body"
