#!/bin/sh
# SQLite against PostgreSQL on the same synthetic register: load, export,
# and search latency through the API. PostgreSQL is a private server
# (tests/cli/pglib.sh) with fsync off, so the load figure is the work of the
# program and the server, not of the disk.
# Usage: bench/bench_backends.sh [N] [BIN]   (N trips, default 10000)
N=${1:-10000}
RR_BIN=${2:-$PWD/build/reisregister}
. tests/cli/lib.sh
. tests/cli/pglib.sh
pg_start
node bench/gen.mjs "$N" > "$T/gen.json"
PG=$(pg_db bench)
SQ="$T/b.db"
pct() { sort -n "$1" | awk -v p="$2" '{a[NR]=$1} END {i=int(NR*p/100+0.999); if (i<1) i=1; printf "%.1f", a[i]*1000}'; }
printf '%-10s %8s %8s %10s %10s %10s\n' backend trips load_s export_s search_p50 search_p95
port=$((36000 + $$ % 3000))
for db in "$SQ" "$PG"; do
	"$RR_BIN" init --db "$db" >/dev/null
	t0=$(date +%s.%N)
	"$RR_BIN" load --db "$db" "$T/gen.json" >/dev/null || exit 1
	t1=$(date +%s.%N)
	"$RR_BIN" export --db "$db" > "$T/export.json"
	t2=$(date +%s.%N)
	"$RR_BIN" serve --db "$db" --listen 127.0.0.1:$port --no-cache 2>/dev/null &
	pid=$!
	i=0; until curl -s -o /dev/null http://127.0.0.1:$port/; do i=$((i + 1)); [ $i -gt 200 ] && exit 1; sleep 0.1; done
	: > "$T/search"
	for i in $(seq 1 40); do
		for q in laadpaal handelsmissie Osaka; do
			curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/api/v1/search?q=$q" >> "$T/search"
		done
	done
	kill "$pid"; wait "$pid" 2>/dev/null
	case "$db" in postgresql*) name=postgresql ;; *) name=sqlite ;; esac
	printf '%-10s %8s %8.2f %10.2f %10s %10s\n' "$name" "$N" "$(echo "$t1 - $t0" | bc)" \
		"$(echo "$t2 - $t1" | bc)" "$(pct "$T/search" 50)" "$(pct "$T/search" 95)"
	port=$((port + 1))
done
