#!/bin/sh
# Latency of /api/v1/search on an existing database, against two engines'
# own speed on the same text, in one run, with one set of 20 queries:
#   reisregister  /api/v1/search?q=Q, anonymous, with its facets, from a
#                 server started with --no-cache (curl's time_total)
#   postgresql    a private PostgreSQL server (tests/cli/pglib.sh, fsync
#                 off): the same texts in a table with a weighted
#                 to_tsvector('dutch') (title A, purpose B, report C,
#                 sources D) and a GIN index; per query the 20 best by
#                 ts_rank with weights like bm25's and the count (psql's
#                 \timing, both statements); skipped when PostgreSQL is
#                 not installed
#   fts5          the same texts in a bare FTS5 table under FTS5's own
#                 tokenizer (the sqlite3 shell does not know rr_dutch): the
#                 20 best by bm25(10, 2, 1, 1) and the count (the shell's
#                 .timer, both statements)
# The texts are those of the published-only index (trip_fts_public), the
# one an anonymous search reads. Each query runs RUNS times (default 5) per
# system; p50 and p95 are over all those runs. The references do no
# facets, no snippets and no HTTP: they are the floor.
# Usage: bench/bench_search.sh DB [BIN] [RUNS]
#   DB   a loaded register (e.g. node bench/gen.mjs 100000 > g.json;
#        reisregister init --db r.db; reisregister load --db r.db g.json)
#   BIN  the reisregister to serve with (default build-bench/reisregister,
#        built here with -O2)
set -eu
DB=$1
BIN=${2:-}
RUNS=${3:-5}
command -v curl >/dev/null || { echo "bench_search: needs curl" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "bench_search: needs sqlite3" >&2; exit 1; }
if [ -z "$BIN" ]; then
	make --no-print-directory BUILD=build-bench OPT="-O2 -DNDEBUG" build-bench/reisregister >/dev/null
	BIN=$PWD/build-bench/reisregister
fi
RR_BIN=$BIN
. tests/cli/lib.sh
. tests/cli/pglib.sh
W=$T
PID=""
cleanup() {
	if [ -n "$PID" ]; then kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null || true; fi
	pg_stop
	rm -rf "$W"
}
trap cleanup EXIT INT TERM
PORT=$((40000 + $$ % 5000))
# the 20 queries: the 16 topic words of bench/gen.mjs (each in a quarter to
# a third of the trips), two cities (a tenth), a word with a number (two
# words, few trips) and a stem that finds "laadpalen"
QUERIES="laadpalen waterstof havens onderwijs innovatie cultuur toerisme investeringen
duurzaamheid mobiliteit woningbouw zorg energie circulair data logistiek Osaka Helsinki
wethouder+17 laadpaal"

# pct FILE P: the P-th percentile (ms) of the numbers in FILE (ms)
pct() { sort -n "$1" | awk -v p="$2" '{a[NR]=$1} END {i=int(NR*p/100+0.999); if (i<1) i=1; printf "%.1f", a[i]}'; }

# ---- reisregister ----
"$BIN" serve --db "$DB" --listen 127.0.0.1:$PORT --no-cache 2>/dev/null &
PID=$!
i=0; until curl -s -o /dev/null http://127.0.0.1:$PORT/; do
	i=$((i + 1)); [ $i -gt 300 ] && exit 1; sleep 0.1; done
: > "$W/rr"
for run in $(seq 1 "$RUNS"); do
	for q in $QUERIES; do
		curl -s -o /dev/null -w '%{time_total}\n' \
			"http://127.0.0.1:$PORT/api/v1/search?q=$(echo "$q" | sed 's/+/%20/g')" |
			awk '{printf "%.3f\n", $1 * 1000}' >> "$W/rr"
	done
done
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""

# ---- the texts, for both references ----
sqlite3 -csv "$DB" "SELECT id, c0, coalesce(c1, ''), coalesce(c2, ''), coalesce(c3, '')
  FROM trip_fts_public_content" > "$W/texts.csv"

# ---- bare FTS5 ----
sqlite3 "$W/ref.db" "CREATE VIRTUAL TABLE ref USING fts5(title, purpose, report, sources);
CREATE TABLE t (id INTEGER PRIMARY KEY, title, purpose, report, sources);" >/dev/null
printf '.mode csv\n.import %s t\n' "$W/texts.csv" | sqlite3 "$W/ref.db"
sqlite3 "$W/ref.db" "INSERT INTO ref (rowid, title, purpose, report, sources)
  SELECT id, title, purpose, report, sources FROM t; DROP TABLE t; VACUUM;"
: > "$W/fts5"
for run in $(seq 1 "$RUNS"); do
	for q in $QUERIES; do
		w=$(echo "$q" | sed 's/+/ /g')
		printf ".timer on\nSELECT count(*) FROM (SELECT rowid FROM ref WHERE ref MATCH '%s' ORDER BY bm25(ref, 10.0, 2.0, 1.0, 1.0) LIMIT 20);\nSELECT count(*) FROM ref WHERE ref MATCH '%s';\n" "$w" "$w" |
			sqlite3 "$W/ref.db" | awk '/^Run Time/ {s += $4} END {printf "%.3f\n", s * 1000}' >> "$W/fts5"
	done
done

# ---- PostgreSQL ----
: > "$W/pg"
if [ -n "$PGBIN" ] && [ -x "$PGBIN/postgres" ]; then
	pg_start
	PG=$(pg_db ref)
	pg_sql "$PG" "CREATE TABLE ref (id bigint PRIMARY KEY, title text, purpose text,
	  report text, sources text)" >/dev/null
	"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U rr -d ref \
		-c "\\copy ref FROM '$W/texts.csv' WITH (FORMAT csv)" >/dev/null
	pg_sql "$PG" "ALTER TABLE ref ADD COLUMN vec tsvector GENERATED ALWAYS AS (
	  setweight(to_tsvector('dutch', title), 'A') ||
	  setweight(to_tsvector('dutch', purpose), 'B') ||
	  setweight(to_tsvector('dutch', report), 'C') ||
	  setweight(to_tsvector('dutch', sources), 'D')) STORED;
	  CREATE INDEX ref_vec ON ref USING gin (vec)" >/dev/null
	pg_sql "$PG" "VACUUM ANALYZE ref" >/dev/null
	for run in $(seq 1 "$RUNS"); do
		for q in $QUERIES; do
			w=$(echo "$q" | sed 's/+/ /g')
			printf '\\timing on\nSELECT id FROM ref WHERE vec @@ plainto_tsquery('"'dutch', '%s'"') ORDER BY ts_rank('"'{0.1, 0.1, 0.2, 1.0}'"', vec, plainto_tsquery('"'dutch', '%s'"')) DESC LIMIT 20;\nSELECT count(*) FROM ref WHERE vec @@ plainto_tsquery('"'dutch', '%s'"');\n' "$w" "$w" "$w" |
				"$PGBIN/psql" -X -q -h 127.0.0.1 -p "$PGPORT" -U rr -d ref |
				awk '/^Time:/ {s += $2} END {printf "%.3f\n", s}' >> "$W/pg"
		done
	done
fi

n=$(wc -l < "$W/rr")
printf '%-14s %8s %8s %8s\n' system runs p50_ms p95_ms
printf '%-14s %8s %8s %8s\n' reisregister "$n" "$(pct "$W/rr" 50)" "$(pct "$W/rr" 95)"
if [ -s "$W/pg" ]; then
	printf '%-14s %8s %8s %8s\n' postgresql "$(wc -l < "$W/pg")" "$(pct "$W/pg" 50)" "$(pct "$W/pg" 95)"
else
	printf '%-14s %8s\n' postgresql "not installed"
fi
printf '%-14s %8s %8s %8s\n' fts5 "$(wc -l < "$W/fts5")" "$(pct "$W/fts5" 50)" "$(pct "$W/fts5" 95)"
