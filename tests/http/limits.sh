#!/bin/sh
# reisregister serve against one client: ambiguous framing refused, a cache
# that unknown parameters cannot bypass, the write generation seen across
# processes without a query per request, no memory kept by 20,000 requests
# with hundreds of parameters or headers, limits per address and on the
# render queue answered with a Dutch 503 and Retry-After, and cached pages
# served while every worker is busy. Loopback only; bounded loops.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/fixtures/serve_lib.sh"
RAW="node $(dirname "$0")/fixtures/rawhttp.mjs"

DB="$T/r.db"
make_db "$DB" || { notok "database"; exit 1; }
start_server "$DB" || { notok "server starts"; exit 1; }

# --- framing: one request, one meaning
hex() { printf "$1" | od -An -tx1 | tr -d ' \n'; }
raw() { $RAW send "$PORT" "$(hex "$1")" > "$T/raw"; }
raw_status() { sed -n '1s/^HTTP\/1\.[01] \([0-9]*\).*/\1/p' "$T/raw" | tr -d '\r'; }
raw 'POST /inloggen HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 30\r\n\r\nabc'
[ "$(raw_status)" = 400 ] && ok "two Content-Length headers: 400" || notok "two Content-Length" "$(head -c 300 "$T/raw")"
contains "$T/raw" "meer dan één Content-Length" "the 400 says why, in Dutch"
grep -qi '^Connection: close' "$T/raw" && ok "the connection is closed after it" || notok "Connection: close after bad framing"
raw 'POST /inloggen HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n'
[ "$(raw_status)" = 400 ] && ok "Content-Length with Transfer-Encoding: 400" || notok "CL + TE" "$(head -c 300 "$T/raw")"
contains "$T/raw" "zowel Content-Length als Transfer-Encoding" "the 400 names both headers"
raw 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n'
[ "$(raw_status)" = 400 ] && ok "HTTP/1.1 without Host: 400" || notok "missing Host" "$(head -c 300 "$T/raw")"
raw 'GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n'
[ "$(raw_status)" = 400 ] && ok "two Host headers: 400" || notok "two Host headers" "$(head -c 300 "$T/raw")"
raw 'GET / HTTP/1.0\r\n\r\n'
[ "$(raw_status)" = 200 ] && ok "HTTP/1.0 without Host is fine" || notok "HTTP/1.0" "$(head -c 300 "$T/raw")"
get /; status_is 200 "still serving after bad framing"

# --- the cache key: the route and its own parameters only
get /o/gm0034/2023; get /o/gm0034/2023
contains "$T/head" "X-Cache: hit" "a page asked twice comes from the cache"
get "/o/gm0034/2023?x=1"
contains "$T/head" "X-Cache: hit" "?x=1 does not bypass the cache"
get "/o/gm0034/2023?utm_source=a&b=2&x=%20"
contains "$T/head" "X-Cache: hit" "any unknown parameters do not bypass it"
get "/zoeken?q=laadpaal&x=1"
contains "$T/head" "X-Cache: miss" "a new search is rendered"
get "/zoeken?x=2&q=laadpaal&y=3"
contains "$T/head" "X-Cache: hit" "the same search with other unknown parameters is a hit"
get "/zoeken?q=laadpalen"
contains "$T/head" "X-Cache: miss" "another search term is another page"

# --- the write generation: a commit by another process is seen at once
get /reizen/gm0034-2099-limits-test; status_is 404 "a trip not yet loaded is 404"
cat > "$T/new.json" <<'JSON'
{"trips":[{"id":"gm0034-2099-limits-test","organisation":"gm0034","title":"Proefreis limieten",
 "direction":"out","status":"requested","public":true,"planned_start":"2099-05-01",
 "planned_end":"2099-05-03","destinations":[{"country":"BE","city":"Gent"}]}]}
JSON
"$RR_BIN" load --db "$DB" "$T/new.json" >/dev/null 2>&1 || notok "load the new trip"
get /reizen/gm0034-2099-limits-test; status_is 200 "the trip loaded by the command line is served on the next request"
get /; get /
contains "$T/head" "X-Cache: hit" "after the write, pages are cached again"
# a change that bypasses the store's counter is still seen (once a second)
sqlite3 "$DB" "UPDATE meta SET value = value + 1 WHERE key = 'generation'" || notok "sqlite3 update"
i=0; seen=""
while [ $i -lt 50 ]; do
	get /
	if grep -q "X-Cache: miss" "$T/head"; then seen=1; break; fi
	sleep 0.2; i=$((i + 1))
done
[ -n "$seen" ] && ok "a write behind the store's back invalidates the cache too" || notok "backstop of the generation"
stop_server

# --- 20,000 requests with hundreds of parameters or headers keep no memory
# (ASan's quarantine keeps freed memory on purpose: off for this server)
ASAN_SAVED=${ASAN_OPTIONS:-}
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0:thread_local_quarantine_size_kb=0"
start_server "$DB" || { notok "server starts for the memory test"; exit 1; }
export ASAN_OPTIONS="$ASAN_SAVED"
q=""; i=0; while [ $i -lt 600 ]; do q="${q}p$i&"; i=$((i + 1)); done
$RAW keepalive "$PORT" 200 4 "/zoeken?$q" > /dev/null # warm up
$RAW headers "$PORT" 100 4 4000 > /dev/null
rss0=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status")
$RAW keepalive "$PORT" 17000 4 "/zoeken?$q" > "$T/many"
contains "$T/many" "statuses 414:17000" "17,000 requests with 600 parameters: each a 414"
$RAW headers "$PORT" 3000 8 4000 > "$T/many"
contains "$T/many" "statuses 431:3000" "3,000 requests with 4,000 header lines: each a 431"
rss1=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status")
if [ $((rss1 - rss0)) -le 20480 ]; then ok "resident memory within 20 MB after 20,000 such requests ($rss0 -> $rss1 kB)"
else notok "resident memory within 20 MB" "$rss0 -> $rss1 kB"; fi
get /; status_is 200 "still serving after them"
stop_server

# --- limits per address: a Dutch 503 with Retry-After, others unaffected
start_server "$DB" --max-per-address 4 || { notok "server starts with --max-per-address 4"; exit 1; }
$RAW idle "$PORT" 6 20 &
idle_pid=$!
i=0
while [ $i -lt 50 ]; do
	get /
	[ "$CODE" = 503 ] && break
	sleep 0.2; i=$((i + 1))
done
status_is 503 "over the per-address limit: 503"
contains "$T/head" "Retry-After:" "with Retry-After"
contains "$T/body" "te veel verbindingen tegelijk vanaf uw adres" "and a Dutch page that says why"
contains "$T/head" "Cache-Control: no-store" "never cached"
get / --interface 127.0.0.2; status_is 200 "another address is served meanwhile"
kill "$idle_pid" 2>/dev/null; wait "$idle_pid" 2>/dev/null
stop_server

# --- the render queue: full is a 503 with Retry-After, cached pages go on
start_server "$DB" --workers 1 --queue 1 || { notok "server starts with one worker"; exit 1; }
get /; get /
$RAW burst "$PORT" 40 "/zoeken?q=onbekendwoord" > "$T/burst" &
burst_pid=$!
get /
contains "$T/head" "X-Cache: hit" "a cached page is served while searches wait for the worker"
wait "$burst_pid"
if grep -q '^busy503 [1-9]' "$T/burst"; then ok "40 searches at once on one worker: the overflow gets 503 with Retry-After and a Dutch page"
else notok "503 when the queue is full" "$(cat "$T/burst")"; fi
if grep -q 'none' "$T/burst"; then notok "every request is answered" "$(cat "$T/burst")"; else ok "every request is answered (no silence)"; fi
get /zoeken?q=laadpaal; status_is 200 "the worker serves again afterwards"
