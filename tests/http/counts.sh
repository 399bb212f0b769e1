#!/bin/sh
# The counts and sums kept beside the trips (store/agg.h): an unpublished
# trip changes no figure an anonymous visitor sees on /, /o/{code},
# /vergelijking or /api/v1/compare, while a published one does; and a
# whole CSV, read and written 256 trips at a time, holds every trip once,
# in the order of /api/v1/trips.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/fixtures/serve_lib.sh"

DB="${RR_TEST_DB:-$T/r.db}"
PAGES="/ /o/gm0034 /o/pv26 /vergelijking /vergelijking?jaar=2023 /api/v1/compare"
make_db "$DB" || { notok "the register loads"; exit 1; }
node "$(dirname "$0")/../../bench/gen.mjs" 700 > "$T/gen.json" &&
	"$RR_BIN" load --db "$DB" "$T/gen.json" >/dev/null || { notok "700 generated trips load"; exit 1; }
ok "the register with 700 generated trips loads"
start_server "$DB" || { notok "server starts"; exit 1; }

snapshot() { # DIR
	mkdir -p "$1"
	for p in $PAGES; do
		get "$p"
		cp "$T/body" "$1/$(echo "$p" | tr '/?=' '___')"
	done
}
trip() { # ID PUBLIC
	printf '{"trips":[{"id":"%s","organisation":"gm0034","title":"Geheime reis",' "$1"
	printf '"direction":"out","status":"completed","public":%s,"start":"2023-03-01",' "$2"
	printf '"end":"2023-03-04","accompanying_officials":3,"travellers":[{"name":"X","role":"wethouder"}],'
	printf '"destinations":[{"country":"PE","city":"Lima"}],"costs":[{"category":"reis",'
	printf '"amount_eur":12345,"kind":"actual","paid_by":"Geheim Fonds"}]}]}\n'
}
snapshot "$T/before"
trip gm0034-2023-lima false > "$T/secret.json"
"$RR_BIN" load --db "$DB" "$T/secret.json" >/dev/null || notok "the unpublished trip loads"
snapshot "$T/secret"
for p in $PAGES; do
	f=$(echo "$p" | tr '/?=' '___')
	if cmp -s "$T/before/$f" "$T/secret/$f"; then
		ok "an unpublished trip changes nothing on $p for an anonymous visitor"
	else
		notok "an unpublished trip changes nothing on $p for an anonymous visitor" \
			"$(diff "$T/before/$f" "$T/secret/$f" | head -c 600)"
	fi
done
lacks "$T/secret/_o_gm0034" "Lima" "the unpublished trip's place is not on the map"
lacks "$T/secret/_api_v1_compare" "Geheim Fonds" "its payer is not in the comparison"

# the same trip published: the figures move (the counts are kept in step)
trip gm0034-2023-lima true > "$T/open.json"
"$RR_BIN" load --db "$DB" "$T/open.json" >/dev/null || notok "the trip is published"
snapshot "$T/open"
for p in / /o/gm0034 /vergelijking /api/v1/compare; do
	f=$(echo "$p" | tr '/?=' '___')
	if cmp -s "$T/before/$f" "$T/open/$f"; then notok "a published trip changes $p"; else ok "a published trip changes $p"; fi
done
contains "$T/open/_o_gm0034" "Lima" "its place is on the body's map"
contains "$T/open/_api_v1_compare" "Geheim Fonds" "its payer is in the comparison"
n_before=$(sed -n 's/.*internationale werk: \([0-9]*\) openbare.*/\1/p' "$T/before/_")
n_open=$(sed -n 's/.*internationale werk: \([0-9]*\) openbare.*/\1/p' "$T/open/_")
[ -n "$n_before" ] && [ "$n_open" = "$((n_before + 1))" ] &&
	ok "/ counts one trip more ($n_before, then $n_open)" ||
	notok "/ counts one trip more" "before '$n_before', after '$n_open'"

# the whole CSV (several pages of 256) and a body's: every trip once, in
# the order of the JSON list
for filter in "" "organisation=gm0034"; do
	get "/api/v1/trips.csv?$filter"; status_is 200 "GET /api/v1/trips.csv?$filter is 200"
	tail -n +2 "$T/body" | cut -d, -f1 > "$T/csv_ids"
	get "/api/v1/trips?$filter&limit=1000"; status_is 200 "GET /api/v1/trips?$filter"
	jq -r '.trips[].id' "$T/body" > "$T/json_ids"
	total=$(jq -r '.total' "$T/body")
	same_files "$T/json_ids" "$T/csv_ids" "the CSV ($filter) holds its $total trips, newest first"
	[ "$(sort -u "$T/csv_ids" | wc -l)" = "$total" ] && ok "no trip twice ($total)" ||
		notok "no trip twice ($filter)"
done
get "/api/v1/trips.csv"
[ "$(tail -n +2 "$T/body" | wc -l)" -gt 512 ] && ok "the whole CSV spans three pages and more" ||
	notok "the whole CSV spans three pages and more" "$(tail -n +2 "$T/body" | wc -l) rows"
