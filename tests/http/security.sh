#!/bin/sh
# security.sh - what the issue's "Security" promises, tested from outside:
# no unpublished record for anonymous visitors anywhere a crawl reaches;
# hostile text escaped on every page and in the API; POSTs without session,
# CSRF token or from another origin change nothing; one body's editor
# cannot touch another body; session fixation; login throttling; logout;
# cookie attributes and headers.
. tests/cli/lib.sh
. tests/http/fixtures/serve_lib.sh

SEC=tests/http/fixtures/security.json
CONCEPT_ID=gm0034-2024-voorbeeld-concept
CONCEPT_TITLE="Voorbeeld van een niet-gepubliceerde aanvraag"
"$RR_BIN" init --db "$T/r.db" >/dev/null &&
	"$RR_BIN" load --db "$T/r.db" "$EXAMPLES"/*.json "$SEC" >/dev/null ||
	{ notok "fixture database loads"; exit 1; }
adduser() { # NAME ORG ROLE PASSWORD
	printf '%s\n' "$4" | "$RR_BIN" user add "$1" --db "$T/r.db" --organisation "$2" \
		--role "$3" --password-stdin >/dev/null 2>"$T/useradd.err"
}
adduser anna gm0034 redacteur 'anna-wachtwoord-1' && adduser piet pv26 redacteur 'piet-wachtwoord-1' &&
	adduser kees gm0034 lezer 'kees-wachtwoord-1' && adduser throttle gm0034 lezer 'throttle-wachtwoord' &&
	ok "users created with reisregister user add --password-stdin" ||
	notok "users created with reisregister user add --password-stdin" "$(cat "$T/useradd.err")"

# The server, started with --trust-proxy (for the Secure cookie check).
for try in 1 2 3 4 5; do
	PORT=$((20000 + ($$ * 11 + try * 173) % 10000))
	"$RR_BIN" serve --db "$T/r.db" --listen "127.0.0.1:$PORT" --threads 2 --trust-proxy \
		2>"$T/server.log" &
	SERVER_PID=$!
	BASE="http://127.0.0.1:$PORT"
	i=0
	while [ $i -lt 100 ] && ! curl -s -o /dev/null "$BASE/toegankelijkheid"; do
		kill -0 "$SERVER_PID" 2>/dev/null || break
		sleep 0.1; i=$((i + 1))
	done
	curl -s -o /dev/null "$BASE/toegankelijkheid" && break
	stop_server
done
[ -n "$SERVER_PID" ] || { notok "server starts" "$(cat "$T/server.log")"; exit 1; }

# login NAME PASSWORD [curl options]: token in $TOKEN, status in $CODE
login() {
	n=$1; p=$2; shift 2
	CODE=$(curl -s -o "$T/body" -D "$T/head" -w '%{http_code}' -H "Origin: ${ORIGIN:-$BASE}" \
		--data-urlencode "naam=$n" --data-urlencode "wachtwoord=$p" "$@" "$BASE/inloggen")
	TOKEN=$(sed -n 's/^Set-Cookie: rr_session=\([^;]*\);.*/\1/p' "$T/head" | tr -d '\r')
}
csrf_of() { # TOKEN -> the CSRF token on /beheer
	curl -s -b "rr_session=$1" "$BASE/beheer" |
		sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1
}
# post TOKEN PATH [curl options]: a form POST with Origin; status in $CODE
post() {
	tok=$1; p=$2; shift 2
	CODE=$(curl -s -o "$T/body" -D "$T/head" -w '%{http_code}' -b "rr_session=$tok" "$@" "$BASE$p")
}
trip_json() { curl -s "$BASE/api/v1/trips/$1" -b "rr_session=$2"; }
audit_count() { "$RR_BIN" audit --db "$T/r.db" 2>/dev/null | wc -l; }

# --- 1. anonymous crawl: the unpublished record is nowhere
node "$(dirname "$0")/fixtures/crawl.mjs" "$BASE" "$CONCEPT_ID" "$CONCEPT_TITLE" >"$T/crawl" 2>&1
pages=$(sed -n 's/^pages //p' "$T/crawl")
if grep -q '^LEAK' "$T/crawl" || [ -z "$pages" ]; then notok "anonymous crawl never shows an unpublished record" "$(head -n 20 "$T/crawl")"
else ok "anonymous crawl of $pages pages, API, feeds, CSV and search never shows an unpublished record"; fi
[ "${pages:-0}" -ge 50 ] && ok "the crawl reached at least 50 pages" || notok "the crawl reached at least 50 pages" "$pages"

# --- 2. hostile text escaped everywhere
login anna 'anna-wachtwoord-1'; ANNA=$TOKEN
for p in /reizen/gm0034-2024-xss /o/gm0034 /o/gm0034/2024 / "/zoeken?q=alert" /landen/fr \
	/o/gm0034/te-laat /beheer /beheer/reizen/gm0034-2024-xss /beheer/audit/trip/gm0034-2024-xss; do
	get "$p" -b "rr_session=$ANNA"
	if grep -q '<script>alert(1)' "$T/body" || grep -q '" onerror="alert(1)' "$T/body" ||
		grep -q 'onerror="alert' "$T/body"; then
		notok "hostile text escaped on $p" "$(grep -o '.\{40\}alert(1).\{40\}' "$T/body" | head -n 3)"
	elif [ "$CODE" != 200 ]; then notok "hostile text escaped on $p" "status $CODE"
	else ok "hostile text escaped on $p"; fi
done
get /reizen/gm0034-2024-xss
contains "$T/body" '&lt;script&gt;alert(1)&lt;/script&gt;' "the payload is shown as text"
for p in /api/v1/trips/gm0034-2024-xss "/api/v1/trips?organisation=gm0034" "/api/v1/search?q=alert"; do
	get "$p"
	if jq -e 'tostring | contains("onerror")' "$T/body" >/dev/null 2>&1 &&
		grep -qi '^Content-Type: application/json' "$T/head" && grep -qi '^X-Content-Type-Options: nosniff' "$T/head" &&
		! grep -q '" onerror="' "$T/body"; then ok "JSON $p: valid, quotes escaped, served as JSON with nosniff"
	else notok "JSON $p: valid, quotes escaped, served as JSON with nosniff" "$(head -c 300 "$T/body")"; fi
done
get "/api/v1/trips.csv?organisation=gm0034"
grep -qi '^Content-Type: text/csv' "$T/head" && ok "CSV served as text/csv" || notok "CSV served as text/csv"
get /o/gm0034/feed.atom
xmllint --noout "$T/body" 2>/dev/null && ! grep -q '<script>alert' "$T/body" &&
	ok "Atom feed with the payload is well-formed and escaped" || notok "Atom feed with the payload is well-formed and escaped"

# --- 3. security headers on HTML, no-store when signed in
get /
grep -qi "^Content-Security-Policy:.*script-src 'none'" "$T/head" && grep -qi "frame-ancestors 'none'" "$T/head" &&
	grep -qi '^X-Content-Type-Options: nosniff' "$T/head" && grep -qi '^Referrer-Policy:' "$T/head" &&
	ok "HTML: CSP without inline script, frame-ancestors 'none', nosniff, Referrer-Policy" ||
	notok "HTML: CSP without inline script, frame-ancestors 'none', nosniff, Referrer-Policy" "$(cat "$T/head")"
get /beheer -b "rr_session=$ANNA"
grep -qi "^Content-Security-Policy:.*frame-ancestors 'none'" "$T/head" && grep -qi '^Cache-Control: no-store' "$T/head" &&
	ok "signed-in pages: Cache-Control no-store and the CSP" || notok "signed-in pages: Cache-Control no-store and the CSP" "$(cat "$T/head")"
get /o/gm0034/2024 -b "rr_session=$ANNA"
contains "$T/body" "$CONCEPT_TITLE" "an editor sees the unpublished record of the own body"
get /o/gm0034/2024
lacks "$T/body" "$CONCEPT_TITLE" "... and the shared cache does not pass it on to an anonymous visitor"
get /reizen/$CONCEPT_ID -b "rr_session=$ANNA"; status_is 200 "an editor opens the unpublished trip"
get /reizen/$CONCEPT_ID; status_is 404 "... an anonymous visitor gets 404"

# --- 4. POSTs that must change nothing
CS=$(csrf_of "$ANNA")
[ -n "$CS" ] && ok "the forms carry a CSRF token" || notok "the forms carry a CSRF token"
before=$(audit_count)
NEWTRIP0='titel=Sluipreis&soort=dienstreis&richting=out&status=requested'
NEWTRIP="$NEWTRIP0&gepland_begin=2026-01-05"
post "" "/beheer/reizen/nieuw?organisation=gm0034" -H "Origin: $BASE" -d "$NEWTRIP"
status_is 403 "POST without a session: 403"
post "$ANNA" "/beheer/reizen/nieuw?organisation=gm0034" -H "Origin: $BASE" -d "$NEWTRIP"
status_is 403 "POST with a session but no CSRF token: 403"
post "$ANNA" "/beheer/reizen/nieuw?organisation=gm0034" -H "Origin: $BASE" -d "$NEWTRIP&csrf=wrong$CS"
status_is 403 "POST with a wrong CSRF token: 403"
post "$ANNA" "/beheer/reizen/nieuw?organisation=gm0034" -H "Origin: http://evil.example" -d "$NEWTRIP&csrf=$CS"
status_is 403 "POST from a foreign Origin: 403"
post "$ANNA" "/beheer/reizen/nieuw?organisation=gm0034" -H "Referer: http://evil.example/x" -d "$NEWTRIP&csrf=$CS"
status_is 403 "POST without Origin and with a foreign Referer: 403"
post "$ANNA" "/beheer/reizen/nieuw?organisation=gm0034" -d "$NEWTRIP&csrf=$CS"
status_is 403 "POST with neither Origin nor Referer: 403"
post "$ANNA" /beheer/reizen/gm0034-2024-xss/publiceren -H "Origin: $BASE" -H 'Content-Type: text/plain' -d "csrf=$CS"
status_is 415 "POST of another content type: 415"
head -c 70000 /dev/zero | tr '\0' a > "$T/big"
post "$ANNA" /beheer/reizen/gm0034-2024-xss/depubliceren -H "Origin: $BASE" --data-binary @"$T/big"
status_is 413 "POST body over 64 KiB: 413"
get /beheer/reizen/gm0034-2024-xss/depubliceren -b "rr_session=$ANNA"
status_is 405 "GET of an action changes nothing: 405"
[ "$(audit_count)" = "$before" ] && ok "nothing was written by the refused POSTs" ||
	notok "nothing was written by the refused POSTs" "audit $before -> $(audit_count)"
get "/api/v1/trips?q=Sluipreis" -b "rr_session=$ANNA"
lacks "$T/body" "Sluipreis" "no trip was created"
post "$ANNA" "/beheer/reizen/nieuw?organisation=gm0034" -H "Origin: $BASE" -d "$NEWTRIP0&gepland_begin=morgen&csrf=$CS"
status_is 422 "a bad date: 422 with the form again"
contains "$T/body" "gepland_begin" "the message names the field"
[ "$(audit_count)" = "$before" ] && ok "... and nothing was written" || notok "... and nothing was written"
post "$ANNA" "/beheer/reizen/nieuw?organisation=gm0034" -H "Origin: $BASE" -d "$NEWTRIP&csrf=$CS"
status_is 303 "the same POST with session, token and Origin creates the trip"

# --- 5. one body's editor cannot touch another body
get /beheer/reizen/pv26-2024-geheim -b "rr_session=$ANNA"; status_is 404 "gm0034 editor: pv26's unpublished trip is 404"
get /reizen/pv26-2024-geheim -b "rr_session=$ANNA"; status_is 404 "gm0034 editor: pv26's unpublished trip is 404 on the public page"
get "/api/v1/trips?organisation=pv26&limit=1000" -b "rr_session=$ANNA"
lacks "$T/body" "Zwaluwstaartvlinder" "gm0034 editor: pv26's unpublished trip is not in the API"
get /beheer/audit/trip/pv26-2024-geheim -b "rr_session=$ANNA"
case "$CODE" in 403|404) ok "gm0034 editor: pv26's audit log refused ($CODE)" ;; *) notok "gm0034 editor: pv26's audit log refused" "$CODE" ;; esac
PV=$(curl -s "$BASE/api/v1/trips?organisation=pv26&limit=1" | jq -r '.trips[0].id')
before=$(audit_count)
post "$ANNA" /beheer/reizen/$PV/depubliceren -H "Origin: $BASE" -d "csrf=$CS"
status_is 403 "gm0034 editor: POST to a pv26 trip is 403"
post "$ANNA" /beheer/reizen/pv26-2024-geheim/publiceren -H "Origin: $BASE" -d "csrf=$CS"
status_is 404 "gm0034 editor: POST to pv26's unpublished trip is 404"
post "$ANNA" "/beheer/reizen/nieuw?organisation=pv26" -H "Origin: $BASE" -d "$NEWTRIP&csrf=$CS"
status_is 403 "gm0034 editor: creating a pv26 trip is 403"
post "$ANNA" "/beheer/geschenken/nieuw?organisation=pv26" -H "Origin: $BASE" -d "gever=x&ontvanger=y&datum=2024-01-01&omschrijving=z&csrf=$CS"
status_is 403 "gm0034 editor: creating a pv26 gift is 403"
[ "$(audit_count)" = "$before" ] && ok "nothing of pv26 was changed" || notok "nothing of pv26 was changed"
login kees 'kees-wachtwoord-1'; KEES=$TOKEN; KCS=$(csrf_of "$KEES")
post "$KEES" /beheer/reizen/gm0034-2024-xss/depubliceren -H "Origin: $BASE" -d "csrf=$KCS"
status_is 403 "a lezer cannot publish or unpublish"
login piet 'piet-wachtwoord-1'; PIET=$TOKEN; PCS=$(csrf_of "$PIET")
post "$PIET" /beheer/reizen/$PV/besluit -H "Origin: $BASE" -d "uitkomst=approved&datum_besluit=2024-01-01&csrf=$PCS"
status_is 403 "a redacteur cannot record the college's decision"
post "$PIET" /beheer/reizen/$CONCEPT_ID/aanvragen -H "Origin: $BASE" -d "csrf=$PCS"
status_is 404 "a pv26 editor cannot touch gm0034's unpublished trip"
post "$PIET" /beheer/reizen/gm0034-2024-xss/depubliceren -H "Origin: $BASE" -d "csrf=$CS"
status_is 403 "another session's CSRF token does not work"

# --- 6. session fixation, logout, cookies
PLANT=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
login anna 'anna-wachtwoord-1' -b "rr_session=$PLANT"
[ -n "$TOKEN" ] && [ "$TOKEN" != "$PLANT" ] && ok "login with a planted cookie issues a new token" ||
	notok "login with a planted cookie issues a new token" "$TOKEN"
get /beheer -b "rr_session=$PLANT"; status_is 303 "the planted value never authenticates"
OLD=$ANNA
login anna 'anna-wachtwoord-1' -b "rr_session=$OLD"; NEW=$TOKEN
[ "$NEW" != "$OLD" ] && ok "a second login gets another token" || notok "a second login gets another token"
get /beheer -b "rr_session=$OLD"; status_is 303 "the session sent along with a login is ended"
login anna 'anna-wachtwoord-1'
H=$(grep -i '^Set-Cookie:' "$T/head")
case "$H" in *HttpOnly*) case "$H" in *SameSite=Strict*) case "$H" in *"Path=/"*) ok "cookie: HttpOnly; SameSite=Strict; Path=/" ;; *) notok "cookie Path" "$H" ;; esac ;; *) notok "cookie SameSite" "$H" ;; esac ;; *) notok "cookie HttpOnly" "$H" ;; esac
case "$H" in *Secure*) notok "no Secure over plain http" "$H" ;; *) ok "no Secure over plain http" ;; esac
ANNA=$TOKEN
ORIGIN="https://127.0.0.1:$PORT" login anna 'anna-wachtwoord-1' -H 'X-Forwarded-Proto: https'
grep -i '^Set-Cookie:' "$T/head" | grep -q 'Secure' && ok "Secure behind a trusted proxy that says https" ||
	notok "Secure behind a trusted proxy that says https" "$(grep -i '^Set-Cookie' "$T/head")"
CS=$(csrf_of "$ANNA")
post "$ANNA" /uitloggen -H "Origin: $BASE" -d "csrf=$CS"
status_is 303 "logout"
grep -qi '^Set-Cookie: rr_session=;.*Max-Age=0' "$T/head" && ok "logout clears the cookie" || notok "logout clears the cookie" "$(cat "$T/head")"
get /beheer -b "rr_session=$ANNA"; status_is 303 "after logout the session no longer works"

# --- 7. login throttling and one message for every failure
login nobody 'whatever-password'; M1=$(grep -o 'combinatie[^<]*' "$T/body")
login anna 'wrong-password-1'; M2=$(grep -o 'combinatie[^<]*' "$T/body")
[ -n "$M1" ] && [ "$M1" = "$M2" ] && ok "one message for an unknown name and a wrong password" || notok "one message for an unknown name and a wrong password"
for i in 1 2 3 4 5; do login throttle "wrong-password-$i"; done
[ "$CODE" = 401 ] && ok "5 wrong passwords: refused (401)" || notok "5 wrong passwords: refused (401)" "$CODE"
login throttle 'wrong-password-6'; status_is 429 "the 6th attempt: 429"
login throttle 'throttle-wachtwoord'; status_is 429 "then even the right password is refused"
[ -z "$TOKEN" ] && ok "... and no session is given" || notok "... and no session is given"

stop_server
if grep -q 'Sanitizer\|runtime error' "$T/server.log"; then notok "server ran clean" "$(grep -A5 'Sanitizer\|runtime error' "$T/server.log" | head -20)"
else ok "server ran clean"; fi
