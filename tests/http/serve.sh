#!/bin/sh
# Black-box tests of reisregister serve: pages, API, CSV, Atom, caching,
# escaping and visibility. Uses examples/ plus tests/http/fixtures.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/fixtures/serve_lib.sh"

DB="${RR_TEST_DB:-$T/r.db}" # tests/http/pg.sh runs this suite on PostgreSQL
make_db "$DB" || { notok "database from examples and fixtures"; exit 1; }
start_server "$DB" || { notok "server starts"; exit 1; }
ok "server starts and answers"

# --- pages
for p in / /o/gm0034 /o/gm0034/2023 /toegankelijkheid /open-data /zoeken "/zoeken?q=laadpaal" \
	/landen/JP /landen/jp /o/pv26; do
	get "$p"; status_is 200 "GET $p is 200"
	contains "$T/body" 'lang="nl"' "$p has lang=nl"
	contains "$T/head" "Content-Security-Policy: default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'" "$p has the CSP"
	contains "$T/head" "X-Content-Type-Options: nosniff" "$p has nosniff"
	contains "$T/head" "Referrer-Policy: strict-origin-when-cross-origin" "$p has Referrer-Policy"
done
get /o/gm0034/2023
contains "$T/body" "Osaka" "2023 register lists the Japan trip"
contains "$T/body" "15 t/m 19 mei 2023" "2023 register: dates in Dutch"
contains "$T/body" "€ 10.900" "2023 register: costs as € 10.900"
contains "$T/body" "betaald door" "2023 register: who pays"
contains "$T/body" "#verslag" "2023 register links to the report"
get /o/gm0034
contains "$T/body" "<svg" "body page has an SVG chart"
contains "$T/body" "<desc" "the chart has a description"
contains "$T/body" 'href="/o/gm0034/2023"' "body page links the 2023 register"
contains "$T/body" 'feed.atom' "body page links its feed"
get /reizen/gm0034-2023-osaka-tokio
status_is 200 "trip page is 200"
contains "$T/body" "Aanvraag (gepland)" "trip page: request and report side by side"
contains "$T/body" "13 t/m 19 mei 2023" "trip page: planned dates"
contains "$T/body" 'id="verslag"' "trip page: report section"
pid=$(sed -n 's/.*href="\/personen\/\([a-z0-9._-]*\)".*/\1/p' "$T/body" | head -n 1)
if [ -n "$pid" ]; then get "/personen/$pid"; status_is 200 "person page /personen/$pid"; else notok "trip page links a person"; fi
get "/zoeken?q=laadpaal"
contains "$T/body" "<mark" "search highlights with <mark>"
contains "$T/body" 'href="/reizen/' "search for laadpaal finds a trip"

# --- errors
get /nope; status_is 404 "unknown path is 404"
contains "$T/body" "Niet gevonden" "404 page is Dutch"
get /o/gm0034/20x3; status_is 400 "a bad year is 400"
get /o/GM0034; status_is 404 "a bad code is 404"
get /reizen/no-such-trip; status_is 404 "unknown trip is 404"
get /landen/XX; status_is 404 "unknown country is 404"
get /api/v1/trips/no-such-trip; status_is 404 "API: unknown trip is 404"
contains "$T/body" '"code":"not_found"' "API errors are JSON with a code"
get "/api/v1/trips?year=abcd"; status_is 400 "API: bad year is 400"
get / -X POST -d x=1; status_is 405 "POST is 405"
contains "$T/head" "Allow: GET, HEAD" "405 says Allow: GET, HEAD"
get / -X DELETE; status_is 405 "DELETE is 405"
get / -I; status_is 200 "HEAD is 200"
if ! grep -q '<html' "$T/body" && grep -qi '^Content-Length: [1-9]' "$T/head"; then ok "HEAD: no body, a Content-Length"; else notok "HEAD: no body, a Content-Length"; fi

# --- API
get "/api/v1/trips?organisation=gm0034&year=2023"; status_is 200 "API trips"
contains "$T/head" "Access-Control-Allow-Origin: *" "API has CORS open"
contains "$T/head" "application/json" "API is JSON"
n=$(jq -r '"\(.trips | length) \(.total)"' "$T/body" 2>/dev/null)
[ "$n" = "3 3" ] && ok "API: Almere 2023 has 3 trips" || notok "API: Almere 2023 has 3 trips" "$n"
get /api/v1/trips/gm0034-2023-osaka-tokio; status_is 200 "API one trip"
contains "$T/body" '"organisation":"gm0034"' "API trip is canonical"
get /api/v1/organisations; status_is 200 "API organisations"
contains "$T/body" '"organisations":' "organisations list"
get "/api/v1/partnerships?organisation=gm0034"; status_is 200 "API partnerships"
get "/api/v1/search?q=laadpaal"; status_is 200 "API search"
contains "$T/body" '"results":' "API search has results"
get /api/openapi.json; status_is 200 "OpenAPI"
jq -e '(.openapi | startswith("3")) and (.paths | has("/api/v1/trips"))' "$T/body" >/dev/null \
	&& ok "OpenAPI is valid JSON with the paths" || notok "OpenAPI is valid JSON with the paths"

# --- CSV
get "/api/v1/trips.csv?organisation=gm0034&year=2023"; status_is 200 "CSV"
contains "$T/head" "text/csv" "CSV content type"
head -n 1 "$T/body" | grep -q '^id,organisation,title' && ok "CSV header row" || notok "CSV header row" "$(head -n 1 "$T/body")"
rows=$(($(wc -l < "$T/body") - 1))
[ "$rows" -eq 3 ] && ok "CSV has 3 rows for Almere 2023" || notok "CSV has 3 rows" "$rows"

# --- Atom
get /o/gm0034/feed.atom; status_is 200 "Atom feed"
contains "$T/head" "application/atom+xml" "Atom content type"
if xmllint --noout "$T/body" 2>"$T/xml.err"; then ok "Atom feed is well-formed XML"; else notok "Atom feed is well-formed XML" "$(cat "$T/xml.err")"; fi
want=$("$RR_BIN" export --db "$DB" --public-only --organisation gm0034 | jq '.trips | length')
got=$(grep -c '<entry>' "$T/body")
[ "$want" = "$got" ] && ok "Atom: one entry per public Almere trip ($got)" || notok "Atom entries" "$got, wanted $want"
get /o/gm9990/feed.atom
xmllint --noout "$T/body" 2>/dev/null && ok "Atom with hostile text is well-formed" || notok "Atom with hostile text is well-formed"

# --- caching
get /o/gm0034/2023
etag=$(sed -n 's/^ETag: \(.*\)\r$/\1/p' "$T/head")
lm=$(sed -n 's/^Last-Modified: \(.*\)\r$/\1/p' "$T/head")
[ -n "$etag" ] && ok "ETag present ($etag)" || notok "ETag present"
contains "$T/head" "Cache-Control: public, max-age=60" "Cache-Control for anonymous"
get /o/gm0034/2023 -H "If-None-Match: $etag"; status_is 304 "If-None-Match gives 304"
get /o/gm0034/2023 -H "If-Modified-Since: $lm"; status_is 304 "If-Modified-Since gives 304"
get /o/gm0034/2023 -H 'If-None-Match: "other"'; status_is 200 "a different ETag gives 200"
get /o/gm9990/2023
etag2=$(sed -n 's/^ETag: \(.*\)\r$/\1/p' "$T/head")
"$RR_BIN" load --db "$DB" "$FIXTURES"/change.json >/dev/null
get /o/gm9990/2023 -H "If-None-Match: $etag2"; status_is 200 "a write invalidates the cache"
contains "$T/body" "Gewijzigde titel" "the new content is served"
get /o/gm0034/2023 -H "If-None-Match: $etag"; status_is 304 "an unchanged page keeps its ETag"

# --- visibility: the unpublished fixture trip is nowhere
for p in /o/gm9990 /o/gm9990/2022 /o/gm9990/feed.atom /landen/CH "/zoeken?q=geheimzinnigereis" \
	"/api/v1/trips" "/api/v1/trips?organisation=gm9990" "/api/v1/trips.csv" \
	"/api/v1/search?q=geheimzinnigereis" "/api/v1/trips?q=geheimzinnigereis" /; do
	get "$p"
	lacks "$T/body" "Geheimzinnige" "unpublished trip absent from $p"
done
get /reizen/gm9990-2022-geheim; status_is 404 "unpublished trip page is 404"
get /api/v1/trips/gm9990-2022-geheim; status_is 404 "unpublished trip API is 404"
jq -r '(.trips // [])[] | select(.public == false) | .id' "$EXAMPLES"/*.json > "$T/private_ids"
while read -r id; do
	get "/reizen/$id"; status_is 404 "unpublished example $id is 404"
	get "/api/v1/trips"; lacks "$T/body" "\"$id\"" "unpublished example $id not in the API"
	get "/api/v1/trips.csv"; lacks "$T/body" "$id" "unpublished example $id not in CSV"
done < "$T/private_ids"

# --- escaping: payloads in every text field come out as text
for p in /reizen/gm9990-2022-xss /o/gm9990 /o/gm9990/2022 "/zoeken?q=lyon" /landen/FR /; do
	get "$p"
	for bad in "<script" "<img" "<iframe" "<svg onload" "<b " 'href="javascript'; do
		lacks "$T/body" "$bad" "$p: no raw '$bad'"
	done
done
get /reizen/gm9990-2022-xss
contains "$T/body" "&lt;script&gt;alert(" "payloads are escaped as text"
contains "$T/body" "raw HTML omitted" "report Markdown: raw HTML dropped by cmark"
contains "$T/body" "<strong>vet</strong>" "report Markdown is rendered"
get "/zoeken?q=%3Cscript%3Ealert(1)%3C/script%3E"
lacks "$T/body" "<script>alert" "search query is escaped in the form"
get "/api/v1/trips.csv?organisation=gm9990"
contains "$T/body" "\"'=cmd" "CSV neutralises a formula"
