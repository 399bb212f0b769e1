#!/bin/sh
# concurrency.sh - two `reisregister serve` processes on one SQLite file
# (WAL) and 16 editors at once (fixtures/concurrency.mjs): no lost update
# (every save applied or refused with a message to its editor), every
# created record present under its own id, the audit log complete (one
# entry per applied save, none for a refused one), and the login limit
# exact (20 wrong passwords at once: exactly 5 checked, the rest 429).
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/fixtures/serve_lib.sh"
. "$(dirname "$0")/fixtures/session_lib.sh"

CLIENTS=16
DB="$T/c.db"
make_db "$DB" || { notok "fixture database loads"; exit 1; }
i=1
while [ $i -le $CLIENTS ]; do
	adduser "ed$i" gm0034 redacteur "wachtwoord-ed$i" || break
	i=$((i + 1))
done
adduser doelwit gm0034 redacteur 'doelwit-wachtwoord-1' && [ $i -gt $CLIENTS ] &&
	ok "$CLIENTS editors and one more account" || notok "accounts" "$(cat "$T/useradd.err")"

start_server "$DB" --threads 8 || { notok "first server starts"; exit 1; }
BASE1=$BASE
# the second on a port of its own (one nobody answers on yet)
SECOND_PID=
trap 'stop_server; [ -n "$SECOND_PID" ] && kill "$SECOND_PID" 2>/dev/null && wait "$SECOND_PID" 2>/dev/null; rm -rf "$T"' EXIT
for try in 1 2 3 4 5 6; do
	P2=$((PORT + 1 + try * 37))
	BASE2="http://127.0.0.1:$P2"
	curl -s -o /dev/null "$BASE2/toegankelijkheid" && continue
	"$RR_BIN" serve --db "$DB" --listen "127.0.0.1:$P2" --threads 8 2>"$T/server2.log" &
	SECOND_PID=$!
	n=0
	while [ $n -lt 100 ] && kill -0 "$SECOND_PID" 2>/dev/null; do
		curl -s -o /dev/null "$BASE2/toegankelijkheid" && break
		sleep 0.1; n=$((n + 1))
	done
	kill -0 "$SECOND_PID" 2>/dev/null && break
	wait "$SECOND_PID" 2>/dev/null; SECOND_PID=
done
[ -n "$SECOND_PID" ] && [ "$BASE1" != "$BASE2" ] && ok "two servers on one database ($BASE1, $BASE2)" ||
	{ notok "second server starts" "$(cat "$T/server2.log")"; exit 1; }

GIFT=gm0034-2016-geschenk-voorbeeld
audit_before=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE kind = 'gift' AND record = '$GIFT'")
node "$FIXTURES/concurrency.mjs" "$BASE1" "$BASE2" "$CLIENTS" "$T/out.json"

# --- the database agrees with what the editors were told
applied=$(jq '.applied | length' "$T/out.json")
audit_after=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE kind = 'gift' AND record = '$GIFT'")
[ $((audit_after - audit_before)) -eq "$applied" ] && [ "$applied" -gt 0 ] &&
	ok "one audit entry per applied save ($applied)" ||
	notok "audit entries per applied save" "applied $applied, audit entries $((audit_after - audit_before))"
jq -r '.applied[]' "$T/out.json" | sort >"$T/applied"
sqlite3 "$DB" "SELECT json_extract(after, '$.description') FROM audit WHERE kind = 'gift'
	AND record = '$GIFT' ORDER BY seq LIMIT -1 OFFSET $audit_before" | sort >"$T/logged"
same_files "$T/applied" "$T/logged" "the audit log holds exactly the applied saves, none lost, none refused"
last=$(sqlite3 "$DB" "SELECT json_extract(after, '$.description') FROM audit WHERE kind = 'gift'
	AND record = '$GIFT' ORDER BY seq DESC LIMIT 1")
now=$("$RR_BIN" export --db "$DB" | jq -r --arg id "$GIFT" '.gifts[] | select(.id == $id) | .description')
[ -n "$now" ] && [ "$now" = "$last" ] && ok "the gift holds the last applied save" || notok "gift holds last save" "$now / $last"
sqlite3 "$DB" "SELECT count(*) FROM audit a JOIN audit b ON b.seq = (SELECT min(seq) FROM audit
	WHERE kind = 'gift' AND record = '$GIFT' AND seq > a.seq) WHERE a.kind = 'gift' AND a.record = '$GIFT'
	AND a.after IS NOT b.before" >"$T/gaps"
[ "$(cat "$T/gaps")" = 0 ] && ok "each change starts from the one before (no save from an old version)" ||
	notok "audit chain" "$(cat "$T/gaps")"

"$RR_BIN" export --db "$DB" | jq -r '.gifts[] | select(.date == "2024-03-03") | .description' | sort >"$T/stored"
jq -r '.created[]' "$T/out.json" | sort >"$T/created"
[ "$(wc -l <"$T/created")" -eq $((CLIENTS * 2)) ] && same_files "$T/created" "$T/stored" \
	"every created gift is stored, each under its own id" || notok "created gifts" "$(wc -l <"$T/created")"
n=$("$RR_BIN" export --db "$DB" | jq '[.trips[] | select(.title == "Gelijktijdig werkbezoek")] | length')
[ "$n" -eq "$CLIENTS" ] && ok "every created trip is stored ($n)" || notok "created trips" "$n"
"$RR_BIN" export --db "$DB" | jq -r '.trips[] | select(.title == "Gelijktijdig werkbezoek") | .travellers[0].name' |
	sort >"$T/travellers"
i=1; : >"$T/want"; while [ $i -le $CLIENTS ]; do echo "ed$i" >>"$T/want"; i=$((i + 1)); done
sort -o "$T/want" "$T/want"
same_files "$T/want" "$T/travellers" "each editor's trip is there, none replaced by another"
n=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE kind = 'trip' AND action = 'update' AND
	json_extract(after, '$.title') = 'Gelijktijdig werkbezoek'")
[ "$n" = 0 ] && ok "no create overwrote a record (no update in the audit log)" || notok "creates overwrote" "$n"
n=$(sqlite3 "$DB" "SELECT count(*) FROM login_failure WHERE key = 'user:doelwit'")
[ "$n" = 5 ] && ok "exactly 5 failures counted for the account" || notok "failures counted" "$n"
grep -q "ERROR\|runtime error\|Sanitizer" "$T/server2.log" "$T/server.log" &&
	notok "the servers logged no errors" "$(cat "$T/server2.log" "$T/server.log" | head -n 20)" ||
	ok "the servers logged no errors"
