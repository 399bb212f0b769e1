#!/bin/sh
# Page times of two builds on the same register: DB (a SQLite file loaded
# by OLD) is copied, the copy migrated by NEW (reisregister init: migration
# 9 fills the counts and the figures per trip, timed), and both are served
# with --no-cache side by side; each page of issue 12 is asked for
# REQS (20) times from each, alternating, and min/p50/p95 (ms) are
# printed: on a busy machine the minimum is the steadiest estimate of what
# a page costs itself.
# Loading 100,000 trips takes minutes: load once, compare builds here.
# Usage: bench/bench_pages.sh OLD_BIN NEW_BIN DB
set -eu
OLD=$1; NEW=$2; DB=$3; REQS=${REQS:-20}
W=$(mktemp -d "${TMPDIR:-/tmp}/rr-pages.XXXXXX")
P1=""; P2=""
cleanup() { for p in $P1 $P2; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done; rm -rf "$W"; }
trap cleanup EXIT INT TERM
PORT=$((40000 + $$ % 5000))
cp "$DB" "$W/new.db"
t0=$(date +%s.%N)
"$NEW" init --db "$W/new.db" >/dev/null
t1=$(date +%s.%N)
echo "migrating the copy with NEW: $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}') s"
"$OLD" serve --db "$DB" --listen 127.0.0.1:$PORT --no-cache 2>/dev/null & P1=$!
"$NEW" serve --db "$W/new.db" --listen 127.0.0.1:$((PORT + 1)) --no-cache 2>/dev/null & P2=$!
i=0; until curl -s -o /dev/null http://127.0.0.1:$PORT/ && curl -s -o /dev/null http://127.0.0.1:$((PORT + 1))/; do
	i=$((i + 1)); [ $i -gt 300 ] && exit 1; sleep 0.1; done
pct() { sort -n "$1" | awk -v p="$2" '{a[NR]=$1} END {i=int(NR*p/100+0.999); if (i<1) i=1; printf "%.1f", a[i]*1000}'; }
trip=$(curl -s "http://127.0.0.1:$PORT/api/v1/trips?organisation=gm0034&limit=1" |
	sed -n 's/.*"id": *"\(gm0034-[^"]*\)".*/\1/p' | head -1)
printf '%-36s %8s %8s %8s %8s %8s %8s %s\n' page old_min old_p50 old_p95 new_min new_p50 new_p95 same_bytes
for pg in / /o/gm0034 /o/gm0034/2015 "/reizen/$trip" /vergelijking "/vergelijking?van=2010&tot=2015" \
	/api/v1/compare "/api/v1/trips.csv?organisation=gm0034"; do
	: > "$W/a"; : > "$W/b"
	for i in $(seq 1 "$REQS"); do
		curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT$pg" >> "$W/a"
		curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$((PORT + 1))$pg" >> "$W/b"
	done
	curl -s "http://127.0.0.1:$PORT$pg" > "$W/ba"; curl -s "http://127.0.0.1:$((PORT + 1))$pg" > "$W/bb"
	same=no; cmp -s "$W/ba" "$W/bb" && same=yes
	printf '%-36s %8s %8s %8s %8s %8s %8s %s\n' "$(echo "$pg" | sed 's/gen-[0-9]*/gen-…/')" \
		"$(pct "$W/a" 0)" "$(pct "$W/a" 50)" "$(pct "$W/a" 95)" \
		"$(pct "$W/b" 0)" "$(pct "$W/b" 50)" "$(pct "$W/b" 95)" "$same"
done
