#!/bin/sh
# concurrency.sh - two `reisregister serve` processes on one database and 16
# editors at once (fixtures/concurrency.mjs), on both backends: one SQLite
# file (WAL), then one PostgreSQL database of a private server (pglib.sh).
# No lost update (every save applied or refused with a message to its
# editor), a write through one server seen through the other on the next
# request, every created record present under its own id, the audit log
# complete (one entry per applied save, none for a refused one, each
# starting from the one before), and the login limit exact (20 wrong
# passwords at once: exactly 5 checked, the rest 429). The register is read
# back through the product's own `export` and `audit`; only the count of
# failed logins, which nothing else shows, is read with sqlite3 or psql.
# Results are prefixed "sqlite:" and "postgresql:".
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/../cli/pglib.sh"
. "$(dirname "$0")/fixtures/serve_lib.sh"
. "$(dirname "$0")/fixtures/session_lib.sh"

CLIENTS=16
GIFT=gm0034-2016-geschenk-voorbeeld
SECOND_PID=
stop_second() {
	[ -n "$SECOND_PID" ] && kill "$SECOND_PID" 2>/dev/null && wait "$SECOND_PID" 2>/dev/null
	SECOND_PID=
}
trap 'stop_server; stop_second; pg_stop; rm -rf "$T"' EXIT

# failures KEY: the failed logins counted for KEY in $DB
failures() {
	case "$DB" in
	postgresql://*) "$PGBIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 "$DB" \
		-c "SELECT count(*) FROM login_failure WHERE key = '$1'" ;;
	*) sqlite3 "$DB" "SELECT count(*) FROM login_failure WHERE key = '$1'" ;;
	esac
}

# the gift's audit entries, oldest first, one JSON object a line
gift_audit() { "$RR_BIN" audit --db "$DB" --kind gift --id "$GIFT"; }

# run LABEL: the whole test on $DB, each result prefixed "LABEL: "
run() {
	L=$1
	make_db "$DB" || { notok "$L: fixture database loads"; return 1; }
	i=1
	while [ $i -le $CLIENTS ]; do
		adduser "ed$i" gm0034 redacteur "wachtwoord-ed$i" || break
		i=$((i + 1))
	done
	adduser doelwit gm0034 redacteur 'doelwit-wachtwoord-1' && [ $i -gt $CLIENTS ] &&
		ok "$L: $CLIENTS editors and one more account" ||
		notok "$L: accounts" "$(cat "$T/useradd.err")"

	start_server "$DB" --threads 8 || { notok "$L: first server starts"; return 1; }
	BASE1=$BASE
	# the second on a port of its own (one nobody answers on yet)
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
	[ -n "$SECOND_PID" ] && [ "$BASE1" != "$BASE2" ] &&
		ok "$L: two servers on one database ($BASE1, $BASE2)" ||
		{ notok "$L: second server starts" "$(cat "$T/server2.log")"; return 1; }

	gift_audit >"$T/audit0" || { notok "$L: audit log read"; return 1; }
	audit_before=$(wc -l <"$T/audit0")
	# SQLite: the servers share a counter in memory, a save is seen at once;
	# PostgreSQL: the other server learns of a commit by notification
	# (LISTEN/NOTIFY), a few milliseconds later, so its cache may answer
	# from before the save for that long (docs/operations.md)
	lag=0; [ "$L" = postgresql ] && lag=2000
	node "$FIXTURES/concurrency.mjs" "$BASE1" "$BASE2" "$CLIENTS" "$T/out.json" "$lag" | sed "s/^\(not \)*ok - /&$L: /"

	# --- the database agrees with what the editors were told
	gift_audit | tail -n +$((audit_before + 1)) >"$T/audit1"
	applied=$(jq '.applied | length' "$T/out.json")
	logged=$(wc -l <"$T/audit1")
	[ "$logged" -eq "$applied" ] && [ "$applied" -gt 0 ] &&
		ok "$L: one audit entry per applied save ($applied)" ||
		notok "$L: audit entries per applied save" "applied $applied, audit entries $logged"
	jq -r '.applied[]' "$T/out.json" | sort >"$T/applied"
	jq -r '.after.description' "$T/audit1" | sort >"$T/logged"
	same_files "$T/applied" "$T/logged" "$L: the audit log holds exactly the applied saves, none lost, none refused"
	last=$(tail -n 1 "$T/audit1" | jq -r '.after.description')
	"$RR_BIN" export --db "$DB" >"$T/export.json"
	now=$(jq -r --arg id "$GIFT" '.gifts[] | select(.id == $id) | .description' "$T/export.json")
	[ -n "$now" ] && [ "$now" = "$last" ] && ok "$L: the gift holds the last applied save" ||
		notok "$L: gift holds last save" "$now / $last"
	# each entry's before is the after of the entry before it: a save from
	# an old version would start from something else
	gaps=$(gift_audit | jq -s '[range(1; length) as $i | select(.[$i].before != .[$i - 1].after)] | length')
	[ "$gaps" = 0 ] && ok "$L: each change starts from the one before (no save from an old version)" ||
		notok "$L: audit chain" "$gaps entries do not start from the one before"

	jq -r '.gifts[] | select(.date == "2024-03-03") | .description' "$T/export.json" | sort >"$T/stored"
	jq -r '.created[]' "$T/out.json" | sort >"$T/created"
	[ "$(wc -l <"$T/created")" -eq $((CLIENTS * 2)) ] && same_files "$T/created" "$T/stored" \
		"$L: every created gift is stored, each under its own id" ||
		notok "$L: created gifts" "$(wc -l <"$T/created")"
	n=$(jq '[.trips[] | select(.title == "Gelijktijdig werkbezoek")] | length' "$T/export.json")
	[ "$n" -eq "$CLIENTS" ] && ok "$L: every created trip is stored ($n)" || notok "$L: created trips" "$n"
	jq -r '.trips[] | select(.title == "Gelijktijdig werkbezoek") | .travellers[0].name' "$T/export.json" |
		sort >"$T/travellers"
	i=1; : >"$T/want"; while [ $i -le $CLIENTS ]; do echo "ed$i" >>"$T/want"; i=$((i + 1)); done
	sort -o "$T/want" "$T/want"
	same_files "$T/want" "$T/travellers" "$L: each editor's trip is there, none replaced by another"
	# the audit log: each created trip once, as a create; no update (a create
	# that overwrote another editor's trip would be one)
	"$RR_BIN" audit --db "$DB" >"$T/audit_all" 2>"$T/audit.err" &&
		n=$(jq -rs '[.[] | select(.kind == "trip" and .after.title == "Gelijktijdig werkbezoek")
			| .action] | group_by(.) | map("\(.[0]) \(length)") | join(", ")' "$T/audit_all") ||
		n="audit: $(cat "$T/audit.err")"
	[ "$n" = "create $CLIENTS" ] && ok "$L: no create overwrote a record (the audit log: $n, no update)" ||
		notok "$L: creates in the audit log" "$n"
	n=$(failures user:doelwit)
	[ "$n" = 5 ] && ok "$L: exactly 5 failures counted for the account" || notok "$L: failures counted" "$n"
	stop_server
	stop_second
	grep -q "ERROR\|runtime error\|Sanitizer" "$T/server2.log" "$T/server.log" &&
		notok "$L: the servers logged no errors" "$(cat "$T/server2.log" "$T/server.log" | head -n 20)" ||
		ok "$L: the servers logged no errors"
}

DB="$T/c.db"
run sqlite
pg_start
DB=$(pg_db concurrency) || { notok "postgresql: a database"; exit 1; }
run postgresql
