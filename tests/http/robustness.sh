#!/bin/sh
# reisregister serve under hostile requests: oversized URLs, headers and
# bodies are refused with 4xx and the server keeps serving; bad escapes and
# path tricks are 400/404; SIGTERM stops it cleanly.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/fixtures/serve_lib.sh"

DB="$T/r.db"
make_db "$DB" || { notok "database"; exit 1; }
start_server "$DB" || { notok "server starts"; exit 1; }

long=$(head -c 5000 /dev/zero | tr '\0' a)
get "/zoeken?q=$long"; status_is 414 "URL over 4 KiB is 414"
get /; status_is 200 "still serving after 414"
huge=$(head -c 70000 /dev/zero | tr '\0' a)
get "/$huge"
case "$CODE" in 414|431) ok "URL of 70 KB is refused ($CODE)" ;; *) notok "URL of 70 KB is refused" "$CODE" ;; esac
get /; status_is 200 "still serving after a 70 KB URL"
hdr=$(head -c 9000 /dev/zero | tr '\0' b)
get / -H "X-Big: $hdr"; status_is 431 "headers over 8 KiB are 431"
get / -H "X-A: $hdr" -H "X-B: $hdr" -H "X-C: $hdr"
case "$CODE" in 431|400|413) ok "headers of 27 KB are refused ($CODE)" ;; *) notok "headers of 27 KB refused" "$CODE" ;; esac
get /; status_is 200 "still serving after 431"
head -c 100000 /dev/zero > "$T/big"
get / -X GET --data-binary @"$T/big" -H 'Content-Type: application/octet-stream'; status_is 413 "a body over 64 KiB is 413"
get / -X POST --data-binary @"$T/big"
case "$CODE" in 405|413) ok "a big POST is refused ($CODE)" ;; *) notok "a big POST is refused" "$CODE" ;; esac
get /; status_is 200 "still serving after 413"
get "/zoeken?q=%zz"; status_is 400 "a bad percent-escape is 400"
get "/reizen/%00x"; status_is 400 "an encoded NUL is 400"
get "/o/../etc/passwd"
case "$CODE" in 400|404) ok "dot segments are refused ($CODE)" ;; *) notok "dot segments refused" "$CODE" ;; esac
get "/reizen/a%2Fb"; status_is 400 "an encoded slash in a segment is 400"
q=""; i=0; while [ $i -lt 40 ]; do q="${q}a$i=1&"; i=$((i + 1)); done
get "/api/v1/trips?$q"; status_is 414 "more than 32 query parameters is 414"
get "/reizen/UPPER"; status_is 404 "an id with capitals is 404"
get "/o/gm0034/123"; status_is 400 "a 3-digit year is 400"
get "/landen/J1"; status_is 404 "a bad country is 404"
get "/api/v1/trips?limit=5000"; status_is 400 "limit over 1000 is 400"
get "/api/v1/trips?limit=1&offset=1"; status_is 200 "limit and offset"
jq -e '(.trips | length) == 1 and .total > 1' "$T/body" >/dev/null \
	&& ok "limit 1 gives one trip and the full total" || notok "limit/offset"
# many clients at once
pids=""; i=0
while [ $i -lt 20 ]; do curl -s -o /dev/null "$BASE/o/gm0034/2023" & pids="$pids $!"; i=$((i + 1)); done
for p in $pids; do wait "$p"; done
get /o/gm0034/2023; status_is 200 "serves after 20 parallel clients"
grep -q '^GET /o/gm0034/2023 200 [0-9]* [0-9.]*$' "$T/server.log" && ok "one log line per request: METHOD PATH STATUS BYTES MS" \
	|| notok "log line format" "$(tail -n 3 "$T/server.log")"

kill -TERM "$SERVER_PID"
i=0; while kill -0 "$SERVER_PID" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
if kill -0 "$SERVER_PID" 2>/dev/null; then notok "SIGTERM stops the server"; else
	wait "$SERVER_PID"; rc=$?; SERVER_PID=
	[ "$rc" -eq 0 ] && ok "SIGTERM stops the server, exit 0" || notok "SIGTERM exit status" "$rc"
fi
expect_exit 2 "serve --listen without a port is a usage error" -- "$RR_BIN" serve --db "$DB" --listen 127.0.0.1
expect_exit 2 "serve --threads 0 is a usage error" -- "$RR_BIN" serve --db "$DB" --threads 0
expect_exit 0 "serve --help" -- "$RR_BIN" serve --help
expect_exit 1 "serve on a missing database exits 1" -- "$RR_BIN" serve --db "$T/none.db" --listen 127.0.0.1:1
