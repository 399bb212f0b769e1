#!/bin/sh
# Latency of /api/v1/search on an existing database, against the engine's
# own speed on the same text.
#   server     /api/v1/search?q=WORD (five words, each in about a quarter
#              of the trips of bench/gen.mjs), anonymous, from a server
#              started with --no-cache: p50 and p95 of 50 requests
#   reference  the same words as a bare FTS5 query in the sqlite3 shell:
#              the page of 20 best (bm25) and the count, over a copy of the
#              index's text with FTS5's own tokenizer (the shell does not
#              know rr_dutch); median of 5 runs per word
# Usage: bench/bench_search.sh DB [BIN]
#   DB   a loaded register (e.g. node bench/gen.mjs 100000 > g.json;
#        reisregister init --db r.db; reisregister load --db r.db g.json)
#   BIN  the reisregister to serve with (default build-bench/reisregister,
#        built here with -O2)
set -eu
DB=$1
BIN=${2:-}
command -v curl >/dev/null || { echo "bench_search: needs curl" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "bench_search: needs sqlite3" >&2; exit 1; }
if [ -z "$BIN" ]; then
	make --no-print-directory BUILD=build-bench OPT="-O2 -DNDEBUG" build-bench/reisregister >/dev/null
	BIN=$PWD/build-bench/reisregister
fi
W=$(mktemp -d "${TMPDIR:-/tmp}/rr-search.XXXXXX")
PID=""
cleanup() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null || true; fi; rm -rf "$W"; }
trap cleanup EXIT INT TERM
PORT=$((40000 + $$ % 5000))
WORDS="laadpalen waterstof havens onderwijs innovatie"

# pct FILE P: the P-th percentile (ms) of the numbers in FILE (seconds)
pct() { sort -n "$1" | awk -v p="$2" '{a[NR]=$1} END {i=int(NR*p/100+0.999); if (i<1) i=1; printf "%.1f", a[i]*1000}'; }

"$BIN" serve --db "$DB" --listen 127.0.0.1:$PORT --no-cache 2>/dev/null &
PID=$!
i=0; until curl -s -o /dev/null http://127.0.0.1:$PORT/; do
	i=$((i + 1)); [ $i -gt 300 ] && exit 1; sleep 0.1; done
: > "$W/search"
for i in $(seq 1 50); do
	w=$(echo $WORDS | cut -d' ' -f$((i % 5 + 1)))
	curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT/api/v1/search?q=$w" >> "$W/search"
done
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""

# the reference: the index's text (its content table) under FTS5's own
# tokenizer, queried by the shell
sqlite3 "$W/ref.db" "ATTACH '$DB' AS r;
CREATE VIRTUAL TABLE ref USING fts5(title, purpose, report, sources);
INSERT INTO ref (rowid, title, purpose, report, sources)
  SELECT id, c0, c1, c2, c3 FROM r.trip_fts_content;" >/dev/null
: > "$W/ref"
for w in $WORDS; do
	for run in 1 2 3 4 5; do
		printf ".timer on\nSELECT count(*) FROM (SELECT rowid FROM ref WHERE ref MATCH '%s' ORDER BY bm25(ref, 10.0, 2.0, 1.0, 1.0) LIMIT 20);\nSELECT count(*) FROM ref WHERE ref MATCH '%s';\n" "$w" "$w" |
			sqlite3 "$W/ref.db" | awk '/^Run Time/ {s += $4} END {print s}' >> "$W/ref"
	done
done
printf '%-16s %-16s %-18s\n' search_p50_ms search_p95_ms fts5_shell_p50_ms
printf '%-16s %-16s %-18s\n' "$(pct "$W/search" 50)" "$(pct "$W/search" 95)" "$(pct "$W/ref" 50)"
