#!/bin/sh
# HTTP tests of the gifts register: page per body and year, JSON, CSV; a
# gift whose giver, recipient or date is not stated shows the fact as "niet
# vermeld" (null in JSON, an empty CSV field), an undated one under no year;
# the editor registers such a gift but not one with a description alone.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/fixtures/serve_lib.sh"
. "$(dirname "$0")/fixtures/session_lib.sh"

DB="${RR_TEST_DB:-$T/g.db}"
"$RR_BIN" init --db "$DB" >/dev/null
"$RR_BIN" load --db "$DB" "$EXAMPLES"/*.json >/dev/null || { notok "load examples"; exit 1; }
cat > "$T/unstated.json" <<'JSON'
{"gifts": [
 {"id": "pv26-geschenk-zonder-gever", "organisation": "pv26", "recipient": "Gedeputeerde K. Bos",
  "date": "2019-06-03", "description": "Een ingelijste kaart van de haven", "public": true},
 {"id": "pv26-geschenk-zonder-datum", "organisation": "pv26", "giver": "Stadsbestuur van Gent",
  "recipient": null, "description": "Een doos bonbons", "value_eur": 20, "public": true}
]}
JSON
"$RR_BIN" load --db "$DB" "$T/unstated.json" >/dev/null && ok "gifts without giver, recipient or date load" \
	|| notok "gifts without giver, recipient or date load"
adduser anna pv26 redacteur 'anna-wachtwoord-1' || notok "user added"
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

# gifts whose source does not state the giver, the recipient or the date
get /o/pv26/geschenken
contains "$T/body" "Een ingelijste kaart van de haven" "a gift without giver is on the public page"
contains "$T/body" "Een doos bonbons" "a gift without date is on the public page"
C='<td class="utrecht-table__cell">'
contains "$T/body" "${C}3 juni 2019</td>${C}niet vermeld</td>${C}Gedeputeerde K. Bos</td>" \
	"the missing giver reads 'niet vermeld'"
contains "$T/body" "${C}niet vermeld</td>${C}Stadsbestuur van Gent</td>${C}niet vermeld</td>${C}Een doos bonbons</td>" \
	"the missing date and recipient read 'niet vermeld'"
n=$(grep -o "${C}</td>" "$T/body" | wc -l)
[ "$n" -eq 2 ] && ok "no empty cell but the two without a trip to link" || notok "empty cells" "$n, wanted 2"
# newest first, the undated one last
a=$(grep -bo 'ingelijste kaart' "$T/body" | head -n 1 | cut -d: -f1)
b=$(grep -bo 'doos bonbons' "$T/body" | head -n 1 | cut -d: -f1)
[ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ] && ok "the undated gift comes after the dated one" \
	|| notok "the undated gift comes after the dated one" "$a $b"
get '/o/pv26/geschenken?jaar=2019'
contains "$T/body" "Een ingelijste kaart van de haven" "the 2019 gift without giver is in 2019"
lacks "$T/body" "Een doos bonbons" "the undated gift is in no year"
contains "$T/body" "1 geschenk zonder vermelde datum staat bij geen jaar" "a year's page points to the undated gift"
get '/api/v1/gifts?organisation=pv26'
node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1]));
 const g = Object.fromEntries(d.gifts.map((x) => [x.id, x]));
 const a = g["pv26-geschenk-zonder-gever"], b = g["pv26-geschenk-zonder-datum"];
 if (d.total !== 2 || a.giver !== null || a.recipient !== "Gedeputeerde K. Bos" ||
     b.date !== null || b.recipient !== null || b.giver !== "Stadsbestuur van Gent") process.exit(1)' "$T/body" \
	&& ok "gifts JSON: the unstated facts are null" || notok "gifts JSON null facts" "$(cat "$T/body")"
get '/api/v1/gifts.csv?organisation=pv26'
contains "$T/body" "pv26-geschenk-zonder-gever,pv26,2019-06-03,,Gedeputeerde K. Bos,Een ingelijste kaart van de haven,," \
	"gifts CSV: an empty giver field"
contains "$T/body" "pv26-geschenk-zonder-datum,pv26,,Stadsbestuur van Gent,,Een doos bonbons,20.00,false," \
	"gifts CSV: an empty date and recipient"

# the editor: a gift with a recipient only is registered; a description alone is not
ANNA=$(login anna 'anna-wachtwoord-1')
CS=$(csrf_from "$ANNA" "/beheer/geschenken/nieuw?organisation=pv26")
post "$ANNA" "/beheer/geschenken/nieuw?organisation=pv26" --data-urlencode "csrf=$CS" \
	--data-urlencode "ontvanger=Gedeputeerde K. Bos" --data-urlencode "omschrijving=Een stropdas" -d openbaar=0
code_is 303 "the editor registers a gift without giver and date"
"$RR_BIN" export --db "$DB" | jq -e '[.gifts[] | select(.description == "Een stropdas" and
	.id == "pv26-geschenk-zonder-datum-1" and (has("giver") | not) and (has("date") | not))] | length == 1' \
	>/dev/null && ok "stored with the giver and date empty" || notok "stored with the giver and date empty"
post "$ANNA" "/beheer/geschenken/nieuw?organisation=pv26" --data-urlencode "csrf=$CS" \
	--data-urlencode "ontvanger=Gedeputeerde K. Bos" -d datum=2019-05 --data-urlencode "omschrijving=Een sjaal" -d openbaar=0
code_is 303 "the editor registers a gift dated by its month only"
"$RR_BIN" export --db "$DB" | jq -e '[.gifts[] | select(.description == "Een sjaal" and .date == "2019-05")]
	| length == 1' >/dev/null && ok "the month is kept as the date" || notok "the month is kept as the date"
get /beheer/geschenken/pv26-geschenk-2019-05-1 -b "rr_session=$ANNA"
contains "$T/body" 'value="2019-05"' "the edit form shows the month-only date"
post "$ANNA" "/beheer/geschenken/nieuw?organisation=pv26" --data-urlencode "csrf=$CS" \
	--data-urlencode "omschrijving=Een pen" -d openbaar=0
code_is 422 "a description alone is refused"
contains "$T/body" "Vul ten minste de gever, de ontvanger, de datum of de reis in" "the refusal says what to fill in"
