#!/bin/sh
# Benchmark of reisregister serve against many clients at once, on a
# generated register (bench/gen.mjs, default 10,000 trips), optimised build:
#   mix     wrk with 1,000 connections for DURATION: 9 in 10 requests for
#           cached pages, 1 in 10 uncached or cache-busting (bench/mix.lua);
#           meanwhile a separate visitor (another loopback address) asks for
#           the home page every 0.5 s: its latencies are reported
#   slow    2,000 connections from 8 addresses each sending a byte every
#           10 s for 30 s; the separate visitor meanwhile
#   params  20,000 requests with 600 parameters or 4,000 header lines:
#           the server's resident memory before and after
# Loopback only. Installs wrk with apt-get when missing (as root).
# Usage: [RR_SERVE_ARGS="--threads 4"] bench/bench_server.sh [TRIPS] [DURATION] [PHASES]
#        (default 10000 20s "mix slow params")
set -eu
N=${1:-10000}
DUR=${2:-20s}
PHASES=" ${3:-mix slow params} "
has() { case "$PHASES" in *" $1 "*) return 0 ;; esac; return 1; }
if ! command -v wrk >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
	apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi
command -v wrk >/dev/null 2>&1 || { echo "bench_server: needs wrk (apt-get install wrk)" >&2; exit 1; }
W=$(mktemp -d "${TMPDIR:-/tmp}/rr-bench.XXXXXX")
RR_PID=""; V_PID=""
cleanup() {
	for p in $RR_PID $V_PID; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
	rm -rf "$W"
}
trap cleanup EXIT INT TERM
RAW="node tests/http/fixtures/rawhttp.mjs"

echo "building an optimised binary in build-bench/ ..."
make --no-print-directory BUILD=build-bench OPT="-O2 -DNDEBUG" build-bench/reisregister >/dev/null
BIN=$PWD/build-bench/reisregister
node bench/gen.mjs "$N" > "$W/gen.json"
"$BIN" init --db "$W/r.db" >/dev/null
"$BIN" load --db "$W/r.db" "$W/gen.json" >/dev/null
P=$((31000 + $$ % 5000))
# wrk connects from one address: the per-address limit is raised for it
"$BIN" serve --db "$W/r.db" --listen 127.0.0.1:$P --max-per-address 2000 ${RR_SERVE_ARGS:-} 2>"$W/log" &
RR_PID=$!
i=0; until curl -s -o /dev/null http://127.0.0.1:$P/; do i=$((i + 1)); [ $i -gt 200 ] && exit 1; sleep 0.1; done
for p in / /o/gm0034 /o/gm0034/2015 /o/gm9001/2020 /o/gm9002 /vergelijking /open-data /countries/JP \
	"/search?q=laadpalen"; do curl -s -o /dev/null "http://127.0.0.1:$P$p"; done

# visitor SECONDS FILE: the home page from 127.0.0.2 every 0.5 s
visitor() {
	end=$(($(date +%s) + $1)); : > "$2"
	while [ "$(date +%s)" -lt "$end" ]; do
		curl -s -o /dev/null --interface 127.0.0.2 --max-time 30 \
			-w '%{http_code} %{time_total} %{time_connect}\n' "http://127.0.0.1:$P/" >> "$2" || echo "000 30 30" >> "$2"
		sleep 0.5
	done
}
report() { # FILE LABEL
	sort -k2 -n "$1" | awk -v l="$2" '{n++; t[n]=$2; if ($3 > c) c = $3; if ($1 == 200) ok++; if ($1 == 200 && $2 <= 1) fast++}
		END {printf "%s: %d visits, %d answered 200, %d within 1 s; p50 %.0f ms, max %.0f ms (longest connect %.0f ms)\n",
			l, n, ok, fast, t[int((n+1)/2)]*1000, t[n]*1000, c*1000}'
}
rss() { awk '/^VmRSS/ {print $2}' "/proc/$RR_PID/status"; }

if has mix; then
echo "== mix: $N trips, wrk -t2 -c1000 -d$DUR, 1 in 10 uncached or cache-busting; $(nproc) CPUs"
secs=$(echo "$DUR" | tr -d 's')
visitor "$secs" "$W/visits" & V_PID=$!
wrk -t2 -c1000 -d"$DUR" --latency -s bench/mix.lua "http://127.0.0.1:$P/" > "$W/wrk" 2>&1 || true
wait "$V_PID" || true; V_PID=""
grep -E "Requests/sec|Latency|50%|99%|Non-2xx|Socket errors" "$W/wrk" | sed 's/^ */  /'
report "$W/visits" "  separate visitor"
echo "  answers by status: $(awk '$3 ~ /^[0-9]+$/ && $1 ~ /^(GET|HEAD)$/ {c[$3]++} END {for (k in c) printf "%s:%d ", k, c[k]}' "$W/log")"

fi
if has slow; then
echo "== slow: 2,000 connections, a byte every 10 s, 30 s"
$RAW slow "$P" 2000 8 30 > "$W/slow" &
S_PID=$!
visitor 30 "$W/visits2"
wait "$S_PID" || true
echo "  $(cat "$W/slow")"
report "$W/visits2" "  separate visitor"

fi
if has params; then
echo "== params: 20,000 requests with 600 parameters or 4,000 header lines"
q=""; i=0; while [ $i -lt 600 ]; do q="${q}p$i&"; i=$((i + 1)); done
$RAW keepalive "$P" 500 4 "/search?$q" >/dev/null
r0=$(rss)
$RAW keepalive "$P" 17000 4 "/search?$q" | sed 's/^/  600 parameters: /'
$RAW headers "$P" 3000 8 4000 | sed 's/^/  4,000 headers: /'
r1=$(rss)
echo "  resident memory: $r0 kB before, $r1 kB after ($(( (r1 - r0) / 1024 )) MB more)"
fi
