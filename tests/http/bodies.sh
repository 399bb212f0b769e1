#!/bin/sh
# Black-box tests of the built-in public bodies on the web: a body that is
# not yet a record is accepted by the forms and joins the register with its
# first saved record; the start page lists only bodies that publish a
# register (a body with only unpublished records stays unnamed).
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/fixtures/serve_lib.sh"
. "$(dirname "$0")/fixtures/session_lib.sh"

DB="${RR_TEST_DB:-$T/r.db}"
make_db "$DB" || { notok "database from examples and fixtures"; exit 1; }
cat > "$T/private.json" <<'JSON'
{"trips": [{"id": "ws0656-2024-geheim", "organisation": "ws0656", "title": "Onaangekondigd bezoek",
  "direction": "out", "status": "draft", "public": false}]}
JSON
"$RR_BIN" load --db "$DB" "$T/private.json" >/dev/null || notok "load a private trip of a water board"
adduser jan gm0518 redacteur 'jan-wachtwoord-1' || notok "add a user for gm0518" "$(cat "$T/useradd.err")"
start_server "$DB" || { notok "server starts"; exit 1; }

get /
status_is 200 "start page"
contains "$T/body" "Gemeente Almere" "the start page lists a body with a public register"
lacks "$T/body" "Schieland" "a body with only an unpublished trip is not named"
lacks "$T/body" "Gemeente Den Haag" "a built-in body without records is not listed"

TOKEN=$(login jan 'jan-wachtwoord-1')
[ -n "$TOKEN" ] && ok "log in for gm0518" || notok "log in for gm0518"
get /beheer -b "rr_session=$TOKEN"
contains "$T/body" "Gemeente Den Haag —" "the work area names the built-in body"
get "/beheer/reizen/nieuw?organisation=gm0518" -b "rr_session=$TOKEN"
status_is 200 "the trip form for a body not yet in the register"
CS=$(csrf_from "$TOKEN" "/beheer/reizen/nieuw?organisation=gm0518")
post "$TOKEN" "/beheer/reizen/nieuw?organisation=gm0518" --data-urlencode "csrf=$CS" \
	--data-urlencode "titel=Werkbezoek Antwerpen" --data-urlencode "soort=werkbezoek" \
	--data-urlencode "richting=out" --data-urlencode "gepland_begin=2026-03-02" \
	--data-urlencode "land=BE" --data-urlencode "stad=Antwerpen"
code_is 303 "saving the first trip of gm0518"
"$RR_BIN" export --db "$DB" > "$T/export.json"
contains "$T/export.json" '"name": "Gemeente Den Haag"' "gm0518 became a record with its first trip"
