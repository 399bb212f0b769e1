#!/bin/sh
# HTTP tests of the gifts register: page per body and year, JSON, CSV.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/fixtures/serve_lib.sh"

DB="${RR_TEST_DB:-$T/g.db}"
"$RR_BIN" init --db "$DB" >/dev/null
"$RR_BIN" load --db "$DB" "$EXAMPLES"/*.json >/dev/null || { notok "load examples"; exit 1; }
start_server "$DB" || { notok "server starts"; exit 1; }
code_of() { get "$1"; printf %s "$CODE"; }

[ "$(code_of /o/gm0034/geschenken)" = 200 ] && ok "gifts page answers 200" || notok "gifts page"
contains "$T/body" "Gemeente Shenzhen" "gifts page lists the public gift"
contains "$T/body" "boven de drempel" "a gift above the threshold is marked"
contains "$T/body" "/reizen/gm0034-2016-shenzhen" "the gift links its trip"
lacks "$T/body" "Voorbeeldgever" "an unpublished gift is not shown"
[ "$(code_of '/o/gm0034/geschenken?jaar=2016')" = 200 ] && ok "gifts of one year" || notok "gifts of one year"
contains "$T/body" "Gemeente Shenzhen" "the 2016 gift is in 2016"
get '/o/gm0034/geschenken?jaar=2015'
lacks "$T/body" "Gemeente Shenzhen" "the 2016 gift is not in 2015"
[ "$(code_of '/o/gm0034/geschenken?jaar=20x5')" = 400 ] && ok "a bad year is refused" || notok "bad year"
[ "$(code_of /o/nobody/geschenken)" = 404 ] && ok "unknown body: 404" || notok "unknown body"

[ "$(code_of '/api/v1/gifts?organisation=gm0034')" = 200 ] && ok "gifts JSON answers 200" || notok "gifts JSON"
node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1]));
 if (d.total !== 1 || d.gifts[0].id !== "gm0034-2016-geschenk-voorbeeld") process.exit(1)' "$T/body" \
	&& ok "gifts JSON: only the public gift, total 1" || notok "gifts JSON content" "$(cat "$T/body")"
[ "$(code_of '/api/v1/gifts.csv?organisation=gm0034')" = 200 ] && ok "gifts CSV answers 200" || notok "gifts CSV"
head -n 1 "$T/body" | grep -q '^id,organisation,date,giver,recipient,description,value_eur,above_threshold' \
	&& ok "gifts CSV header" || notok "gifts CSV header"
[ "$(wc -l < "$T/body")" -eq 2 ] && ok "gifts CSV: header + 1 row" || notok "gifts CSV rows" "$(cat "$T/body")"
lacks "$T/body" "Voorbeeldgever" "gifts CSV leaves the unpublished gift out"
