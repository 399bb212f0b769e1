#!/bin/sh
# Slow senders cannot stop a visitor: 2,000 connections from 8 loopback
# addresses each send a byte every 10 s (a request that never completes)
# for 25 s while a separate visitor asks for pages; every visit is
# answered, and the server closes the slow connections itself (a whole
# request within --request-seconds). Loopback only; bounded in time.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/fixtures/serve_lib.sh"
RAW="node $(dirname "$0")/fixtures/rawhttp.mjs"

DB="$T/r.db"
make_db "$DB" || { notok "database"; exit 1; }
start_server "$DB" || { notok "server starts"; exit 1; }

$RAW slow "$PORT" 2000 8 25 > "$T/slow" 2>&1 &
slow_pid=$!
answered=0; tries=0
for wait_s in 2 4 5 5 5; do
	sleep "$wait_s"
	tries=$((tries + 1))
	code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$BASE/o/gm0034/2023")
	[ "$code" = 200 ] && answered=$((answered + 1))
done
[ "$answered" -eq "$tries" ] && ok "the separate visitor was answered $answered times out of $tries" \
	|| notok "the separate visitor was answered every time" "$answered of $tries"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$BASE/zoeken?q=slow$$")
[ "$code" = 200 ] && ok "an uncached search is answered too" || notok "uncached search during slow connections" "$code"
wait "$slow_pid"
closed=$(sed -n 's/.*closed_by_server \([0-9]*\).*/\1/p' "$T/slow")
[ "${closed:-0}" -gt 0 ] && ok "the server closed slow connections itself ($(cat "$T/slow"))" \
	|| notok "slow connections closed by the server" "$(cat "$T/slow")"
grep -q "slower than the minimum rate" "$T/server.log" && ok "and said so in its log" \
	|| notok "log line for closed slow connections" "$(tail -n 5 "$T/server.log")"
get /; status_is 200 "still serving afterwards"
