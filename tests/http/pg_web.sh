#!/bin/sh
# The web suites on PostgreSQL: each listed suite runs again with
# RR_TEST_DB set to a fresh database of a private server (pglib.sh), its
# results prefixed "postgresql:". Then the search API is compared between
# SQLite and PostgreSQL on the same register: the same matches, totals,
# facets and snippets (the order by rank may differ).
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/../cli/pglib.sh"

SUITES=${RR_PG_SUITES:-"serve users forms trip_edit woo gifts partnership public_site bodies sums co2 counts"}
HERE=$(dirname "$0")

pg_start
for s in $SUITES; do
	url=$(pg_db "suite_$s") || { notok "postgresql: database for $s"; continue; }
	RR_TEST_DB="$url" sh "$HERE/$s.sh" > "$T/$s.out" 2>&1
	rc=$?
	sed -n -e 's/^ok - /ok - postgresql: '"$s"': /p' -e 's/^not ok - /not ok - postgresql: '"$s"': /p' \
		-e '/^#/p' "$T/$s.out"
	if [ "$rc" -ne 0 ] && ! grep -q '^not ok ' "$T/$s.out"; then
		notok "postgresql: $s exited $rc" "$(tail -n 10 "$T/$s.out")"
	fi
done

# --- search: SQLite and PostgreSQL give the same answers
. "$HERE/fixtures/serve_lib.sh"
trap 'stop_server; pg_stop; rm -rf "$T"' EXIT
PG=$(pg_db search)
SQ="$T/s.db"
make_db "$SQ" && make_db "$PG" || { notok "search: both databases load"; exit 1; }
QUERIES="laadpaal laadpalen Shenzhen handelsmissie %22elektrisch+vervoer%22 China+bedrijven
wethouder zzzonbekend AND OR+NOT ( \"\" %27%3B+DROP+TABLE+trip%3B"
fetch_all() { # OUTDIR
	mkdir -p "$1"
	n=0
	for q in $QUERIES; do
		n=$((n + 1))
		for f in "" "&organisation=gm0034" "&year=2019" "&country=CN" "&limit=100"; do
			get "/api/v1/search?q=$q$f"
			# the order by rank is the backend's; everything else must match
			jq -S '{total, facets, results: (.results | map(del(.score)) | sort_by(.id))}' \
				"$T/body" > "$1/$n$f.json" 2>/dev/null || cp "$T/body" "$1/$n$f.json"
			echo "$CODE" >> "$1/$n$f.json"
		done
	done
}
start_server "$SQ" || { notok "search: SQLite server starts"; exit 1; }
fetch_all "$T/sq"
stop_server
start_server "$PG" || { notok "search: PostgreSQL server starts"; exit 1; }
fetch_all "$T/pg"
stop_server
if diff -r "$T/sq" "$T/pg" > "$T/diff"; then
	ok "search: the same matches, facets and snippets on SQLite and PostgreSQL ($(ls "$T/sq" | wc -l) queries)"
else
	notok "search: the same answers on both backends" "$(head -n 30 "$T/diff")"
fi
grep -l '"total": [1-9]' "$T/pg"/* > /dev/null && ok "search: PostgreSQL finds trips" || notok "search: PostgreSQL finds trips"
