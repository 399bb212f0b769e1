#!/bin/sh
# Black-box tests of `reisregister user` and `reisregister audit`.
. "$(dirname "$0")/lib.sh"

DB="$T/u.db"
"$RR_BIN" init --db "$DB" >/dev/null
"$RR_BIN" load --db "$DB" "$EXAMPLES"/*.json >/dev/null 2>&1

echo "kort" > "$T/short"
expect_exit 1 "a short password is refused" -- sh -c "\"$RR_BIN\" user add anna --db \"$DB\" --organisation gm0034 --role redacteur --password-stdin < \"$T/short\""
contains "$T/err" "at least 10 characters" "the refusal says why"
echo "een lang wachtwoord" > "$T/pw"
expect_exit 0 "user add" -- sh -c "\"$RR_BIN\" user add anna --db \"$DB\" --organisation gm0034 --role redacteur --password-stdin < \"$T/pw\""
expect_exit 1 "the same user twice is refused" -- sh -c "\"$RR_BIN\" user add anna --db \"$DB\" --organisation gm0034 --role redacteur --password-stdin < \"$T/pw\""
expect_exit 2 "an unknown role is a usage error" -- "$RR_BIN" user grant anna --db "$DB" --organisation gm0034 --role koning
expect_exit 0 "user grant" -- "$RR_BIN" user grant anna --db "$DB" --organisation pv26 --role lezer
expect_exit 0 "user list" -- "$RR_BIN" user list --db "$DB"
contains "$T/out" "anna gm0034:redacteur pv26:lezer" "list shows the grants"
lacks "$T/out" "argon2" "list never shows password hashes"
expect_exit 0 "user disable" -- "$RR_BIN" user disable anna --db "$DB"
"$RR_BIN" user list --db "$DB" > "$T/out"
contains "$T/out" "anna (uitgeschakeld)" "a disabled user is marked"
expect_exit 1 "disable an unknown user" -- "$RR_BIN" user disable nobody --db "$DB"
expect_exit 0 "user passwd" -- sh -c "\"$RR_BIN\" user passwd anna --db \"$DB\" --password-stdin < \"$T/pw\""
if sqlite3 "$DB" "SELECT password_hash FROM user" | grep -q '^\$argon2id\$'; then ok "passwords are stored as argon2id hashes"; else notok "argon2id hashes"; fi

expect_exit 0 "audit prints the log" -- "$RR_BIN" audit --db "$DB"
n=$(wc -l < "$T/out")
[ "$n" -gt 5 ] && ok "the load was logged ($n entries)" || notok "the load was logged" "$n"
contains "$T/out" '"actor":"cli:load"' "load is named as the actor"
id=$(sed -n 's/.*"kind":"trip","organisation":"[a-z0-9]*","record":"\([^"]*\)".*/\1/p' "$T/out" | head -n 1)
[ -z "$id" ] && id=$(sed -n 's/.*"record":"\([^"]*\)".*"kind":"trip".*/\1/p' "$T/out" | head -n 1)
expect_exit 0 "audit of one record" -- "$RR_BIN" audit --db "$DB" --kind trip --id "$id"
[ "$(wc -l < "$T/out")" -ge 1 ] && ok "one record's history ($id)" || notok "one record's history" "$id"
expect_exit 2 "audit --kind without --id" -- "$RR_BIN" audit --db "$DB" --kind trip
