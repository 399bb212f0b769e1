#!/bin/sh
# Clear failures: a read-only database and a full disk are logged with
# their cause and answered with a Dutch 503 page (Retry-After, never
# cached, never a partial page) while reads go on; the audit page answers
# 404, not 403, for another body's record.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/fixtures/serve_lib.sh"
SEC=$(dirname "$0")/fixtures/security.json

DB="$T/r.db"
"$RR_BIN" init --db "$DB" >/dev/null && "$RR_BIN" load --db "$DB" "$EXAMPLES"/*.json "$SEC" >/dev/null ||
	{ notok "fixture database loads"; exit 1; }
printf '%s\n' 'anna-wachtwoord-1' | "$RR_BIN" user add anna --db "$DB" --organisation gm0034 \
	--role redacteur --password-stdin >/dev/null || notok "user anna"

# login NAME PASSWORD: token in $TOKEN, status in $CODE
login() {
	CODE=$(curl -s -o "$T/body" -D "$T/head" -w '%{http_code}' -H "Origin: $BASE" \
		--data-urlencode "naam=$1" --data-urlencode "wachtwoord=$2" "$BASE/inloggen")
	TOKEN=$(sed -n 's/^Set-Cookie: rr_session=\([^;]*\);.*/\1/p' "$T/head" | tr -d '\r')
}
# unavailable NAME: the last answer is the Dutch 503 of a database failure
unavailable() {
	status_is 503 "$1: 503"
	contains "$T/head" "Retry-After:" "$1: with Retry-After"
	contains "$T/head" "Cache-Control: no-store" "$1: never cached"
	contains "$T/body" "Er is niets veranderd" "$1: a Dutch page that says nothing changed"
	contains "$T/body" "</html>" "$1: a whole page"
}

# --- the audit page: another body's record is 404, like a missing one
start_server "$DB" || { notok "server starts"; exit 1; }
login anna 'anna-wachtwoord-1'
[ -n "$TOKEN" ] && ok "anna signs in" || notok "anna signs in" "$CODE"
get /beheer/audit/trip/pv26-2024-geheim -b "rr_session=$TOKEN"; status_is 404 "another body's unpublished trip: audit page 404"
cp "$T/body" "$T/other"
get /beheer/audit/trip/pv26-2099-bestaat-niet -b "rr_session=$TOKEN"; status_is 404 "a missing trip: audit page 404"
same_files "$T/other" "$T/body" "both answers are the same page"
get /beheer/audit/trip/gm0034-2023-osaka-tokio -b "rr_session=$TOKEN"; status_is 200 "her own body's audit page is 200"
stop_server

# --- a read-only database: the server runs as an unprivileged user on a
# database file it may not write
mkdir "$T/ro" && cp "$DB" "$T/ro/r.db" && chmod 444 "$T/ro/r.db" && chmod 777 "$T/ro" && chmod 755 "$T"
cat > "$T/rr-nobody" <<WRAP
#!/bin/sh
exec setpriv --reuid=65534 --regid=65534 --clear-groups "$RR_BIN" "\$@"
WRAP
chmod 755 "$T/rr-nobody"
REAL_BIN=$RR_BIN; RR_BIN="$T/rr-nobody"
start_server "$T/ro/r.db" || { notok "server starts on a read-only database" "$(cat "$T/server.log")"; exit 1; }
RR_BIN=$REAL_BIN
get /o/gm0034/2023; status_is 200 "read-only database: pages are served"
login anna 'anna-wachtwoord-1'
unavailable "read-only database: signing in (a write)"
grep -q "database unavailable: .*readonly" "$T/server.log" && ok "read-only database: the log names the cause" \
	|| notok "read-only database: the log names the cause" "$(tail -n 5 "$T/server.log")"
get "/zoeken?q=laadpaal"; status_is 200 "read-only database: an uncached search is served"
stop_server

# --- a full disk: a small file system of its own (a private mount)
cat > "$T/full.sh" <<'FULL'
T0=$T; . "$LIB"; rmdir "$T"; T=$T0
. "$SERVE_LIB"
mkdir -p "$T/full"
mount -t tmpfs -o size=2m rr-full "$T/full" || { notok "a small file system for the full-disk test"; exit 0; }
trap 'stop_server; umount "$T/full"' EXIT
cp "$T/r.db" "$T/full/r.db"
login() {
	CODE=$(curl -s -o "$T/body" -D "$T/head" -w '%{http_code}' -H "Origin: $BASE" \
		--data-urlencode "naam=$1" --data-urlencode "wachtwoord=$2" "$BASE/inloggen")
}
start_server "$T/full/r.db" || { notok "server starts on the small file system"; exit 0; }
get /o/gm0034/2023
dd if=/dev/zero of="$T/full/fill" bs=16k >/dev/null 2>&1
login anna 'anna-wachtwoord-1'
status_is 503 "full disk: signing in (a write): 503"
contains "$T/head" "Retry-After:" "full disk: with Retry-After"
contains "$T/body" "Er is niets veranderd" "full disk: a Dutch page that says nothing changed"
grep -q "database unavailable: .*full" "$T/server.log" && ok "full disk: the log names the cause" \
	|| notok "full disk: the log names the cause" "$(tail -n 5 "$T/server.log")"
get /o/gm0034/2023; status_is 200 "full disk: pages are served"
get "/zoeken?q=laadpalen"; status_is 200 "full disk: an uncached search is served"
rm -f "$T/full/fill"
login anna 'anna-wachtwoord-1'
[ "$CODE" = 303 ] && ok "room again: signing in works" || notok "signing in after the disk has room" "$CODE"
FULL
if unshare -m true 2>/dev/null; then
	T="$T" LIB="$(dirname "$0")/../cli/lib.sh" SERVE_LIB="$(dirname "$0")/fixtures/serve_lib.sh" \
		RR_BIN="$RR_BIN" EXAMPLES="$EXAMPLES" unshare -m sh "$T/full.sh"
else
	notok "a private mount for the full-disk test (unshare -m, as root)"
fi
