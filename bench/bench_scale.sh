#!/bin/sh
# How page time and search latency grow with the size of the register.
# For N in 1000 10000 100000 (or the arguments): generate N trips
# (bench/gen.mjs), load them, serve, and time with curl:
#   page   /o/gm0034/2015 rendered fresh each time (a server started with
#          --no-cache), median and p95 of 30 requests; and cached
#   search /api/v1/search?q=WORD, fresh each time, p95 of 50 requests
#   pages  each page of issue 12 (/, a body, a body's year, a trip,
#          /vergelijking, a body's CSV), fresh each time, p50 and p95 of
#          RR_SCALE_REQS (20) requests, one line per page
# Usage: [RR_BENCH_BIN=path] [RR_SCALE_REQS=n] bench/bench_scale.sh [N...]
set -eu
SIZES=${*:-1000 10000 100000}
command -v curl >/dev/null || { echo "bench_scale: needs curl (apt-get install -y curl)" >&2; exit 1; }
W=$(mktemp -d "${TMPDIR:-/tmp}/rr-scale.XXXXXX")
: > "$W/pages"
PID=""; PID2=""
cleanup() { for p in $PID $PID2; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done; rm -rf "$W"; }
trap cleanup EXIT INT TERM
# RR_BENCH_BIN: time that binary (say, an older build) instead of building one
if [ -n "${RR_BENCH_BIN:-}" ]; then
	BIN=$RR_BENCH_BIN
else
	make --no-print-directory BUILD=build-bench OPT="-O2 -DNDEBUG" build-bench/reisregister >/dev/null
	BIN=$PWD/build-bench/reisregister
fi
PORT=$((35000 + $$ % 5000))

# pct FILE P: the P-th percentile (ms) of the numbers in FILE (seconds)
pct() { sort -n "$1" | awk -v p="$2" '{a[NR]=$1} END {i=int(NR*p/100+0.999); if (i<1) i=1; printf "%.1f", a[i]*1000}'; }

printf '%-8s %-10s %-12s %-12s %-12s %-12s %-12s\n' trips load_s page_p50_ms page_p95_ms cached_p50_ms search_p50_ms search_p95_ms
for n in $SIZES; do
	node bench/gen.mjs "$n" > "$W/gen.json"
	rm -f "$W/r.db"*
	"$BIN" init --db "$W/r.db" >/dev/null
	t0=$(date +%s.%N)
	"$BIN" load --db "$W/r.db" "$W/gen.json" >/dev/null
	t1=$(date +%s.%N)
	# fresh renders from a server that keeps nothing (unknown parameters
	# such as ?r=1 no longer bypass the cache); cached from a normal one
	"$BIN" serve --db "$W/r.db" --listen 127.0.0.1:$PORT --no-cache 2>/dev/null &
	PID=$!
	"$BIN" serve --db "$W/r.db" --listen 127.0.0.1:$((PORT + 1)) 2>/dev/null &
	PID2=$!
	i=0; until curl -s -o /dev/null http://127.0.0.1:$PORT/ && curl -s -o /dev/null http://127.0.0.1:$((PORT + 1))/; do
		i=$((i + 1)); [ $i -gt 200 ] && exit 1; sleep 0.1; done
	: > "$W/page"; : > "$W/cached"; : > "$W/search"
	for i in $(seq 1 30); do
		curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT/o/gm0034/2015?r=$i" >> "$W/page"
		curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$((PORT + 1))/o/gm0034/2015" >> "$W/cached"
	done
	for i in $(seq 1 50); do
		w=$(echo laadpalen waterstof havens onderwijs innovatie | cut -d' ' -f$((i % 5 + 1)))
		curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT/api/v1/search?q=$w&r=$i" >> "$W/search"
	done
	# every page of issue 12 point 2, fresh each time
	trip=$(curl -s "http://127.0.0.1:$PORT/api/v1/trips?organisation=gm0034&limit=1" |
		sed -n 's/.*"id": *"\(gm0034-[^"]*\)".*/\1/p' | head -1)
	for pg in / /o/gm0034 /o/gm0034/2015 "/reizen/$trip" /vergelijking \
		"/api/v1/trips.csv?organisation=gm0034"; do
		: > "$W/p"
		for i in $(seq 1 "${RR_SCALE_REQS:-20}"); do
			curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT$pg" >> "$W/p"
		done
		echo "$pg" | sed 's/gen-[0-9]*/gen-…/' | awk -v n="$n" -v a="$(pct "$W/p" 50)" -v b="$(pct "$W/p" 95)" \
			'{printf "page %-8s %-40s p50 %8s ms  p95 %8s ms\n", n, $0, a, b}' >> "$W/pages"
	done
	kill "$PID" "$PID2"; wait "$PID" "$PID2" 2>/dev/null || true; PID=""; PID2=""
	printf '%-8s %-10s %-12s %-12s %-12s %-12s %-12s\n' "$n" "$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')" \
		"$(pct "$W/page" 50)" "$(pct "$W/page" 95)" "$(pct "$W/cached" 50)" \
		"$(pct "$W/search" 50)" "$(pct "$W/search" 95)"
done
cat "$W/pages"
