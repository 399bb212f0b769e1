#!/bin/sh
# remind.sh - `reisregister remind`: the e-mail digest of each body's
# worklist, sent through a fake `sendmail` on PATH that writes every
# message it gets to a file. A late report, a request waiting for a
# decision, the right lists per role, nothing for a user without an e-mail
# address, --to, --dry-run, a failing sendmail, bad options.
. "$(dirname "$0")/lib.sh"

DB="${RR_TEST_DB:-$T/r.db}" # tests/cli/pg.sh runs this suite on PostgreSQL
"$RR_BIN" init --db "$DB" >/dev/null 2>&1 && "$RR_BIN" load --db "$DB" examples/*.json >/dev/null 2>&1 ||
	{ notok "fixture database loads"; exit 1; }
# a request waiting for the decision, and a trip back long ago without report
cat >"$T/work.json" <<'JSON'
{"trips": [
 {"id": "gm0034-2026-wacht", "organisation": "gm0034", "title": "Werkbezoek Wacht", "direction": "out",
  "status": "requested", "requested": "2026-11-01", "planned_start": "2027-03-10", "planned_end": "2027-03-15",
  "purpose": "Leren.", "destinations": [{"country": "JP", "city": "Osaka"}],
  "travellers": [{"name": "A. Jansen", "role": "wethouder"}], "planned_accompanying_officials": 1,
  "costs": [{"category": "Vliegreis", "amount_eur": 1200, "kind": "estimate", "paid_by": "gm0034"}]},
 {"id": "gm0034-2026-laat", "organisation": "gm0034", "title": "Werkbezoek Laat", "direction": "out",
  "status": "completed", "start": "2026-09-01", "end": "2026-09-05"}
]}
JSON
"$RR_BIN" load --db "$DB" "$T/work.json" >"$T/load.out" 2>&1 && ok "two trips of the week load" ||
	notok "two trips of the week load" "$(cat "$T/load.out")"
for u in sec@almere.nl:secretaris red@almere.nl:redacteur piet:redacteur; do
	printf '%s\n' 'een-lang-wachtwoord' | "$RR_BIN" user add "${u%%:*}" --db "$DB" --organisation gm0034 \
		--role "${u#*:}" --password-stdin >/dev/null 2>&1
done
"$RR_BIN" user list --db "$DB" | grep -q 'sec@almere.nl' && ok "users with e-mail addresses as names" ||
	notok "users added"

mkdir -p "$T/bin"
cat >"$T/bin/sendmail" <<SH
#!/bin/sh
# fake sendmail: the arguments and the message, appended to a file
echo "ARGS: \$*" >>"$T/mail.out"
cat >>"$T/mail.out"
echo "=== END" >>"$T/mail.out"
SH
chmod +x "$T/bin/sendmail"

PATH="$T/bin:$PATH" "$RR_BIN" remind --db "$DB" --today 2026-12-01 --base-url https://register.example.nl \
	>"$T/out" 2>"$T/err"
[ $? -eq 0 ] && ok "remind exits 0" || notok "remind exits 0" "$(cat "$T/err")"
n=$(grep -c '^=== END' "$T/mail.out")
[ "$n" -eq 2 ] && ok "two messages: the secretary and the editor with an address (not piet)" ||
	notok "two messages" "$n: $(cat "$T/err")"
grep -q '^ARGS: -t -oi$' "$T/mail.out" && ok "sendmail is called with -t -oi" || notok "sendmail -t -oi"
awk '/^To: sec@almere.nl/,/^=== END/' "$T/mail.out" >"$T/sec"
awk '/^To: red@almere.nl/,/^=== END/' "$T/mail.out" >"$T/red"
grep -q 'Werkbezoek Wacht' "$T/sec" && ! grep -q 'Werkbezoek Laat' "$T/sec" &&
	ok "the secretary gets the decision waiting, not the reports" || notok "secretary's digest" "$(cat "$T/sec")"
grep -q 'Verslagen die te laat zijn' "$T/red" && grep -q 'Werkbezoek Laat: verslag uiterlijk 17 oktober 2026, 45 dagen te laat' "$T/red" &&
	ok "the editor gets the late report with its Dutch due date and days late" || notok "editor's digest" "$(cat "$T/red")"
! grep -q 'Aanvragen die wachten' "$T/red" && ok "the editor does not get the decisions" || notok "editor without decisions"
grep -q 'https://register.example.nl/beheer/reizen/gm0034-2026-laat' "$T/red" &&
	ok "each item links to its trip page" || notok "links"
grep -q '^Subject: =?UTF-8?B?' "$T/red" && grep -q '^Content-Type: text/plain; charset=utf-8' "$T/red" &&
	ok "a MIME text message with an encoded subject" || notok "headers" "$(head -12 "$T/red")"

: >"$T/mail.out"
PATH="$T/bin:$PATH" "$RR_BIN" remind --db "$DB" --today 2026-12-01 --to team@almere.nl --organisation gm0034 \
	>/dev/null 2>&1
[ "$(grep -c '^=== END' "$T/mail.out")" -eq 1 ] && grep -q 'Werkbezoek Wacht' "$T/mail.out" &&
	grep -q 'Werkbezoek Laat' "$T/mail.out" && ok "--to: one message with every list" || notok "--to" "$(cat "$T/mail.out")"

: >"$T/mail.out"
PATH="$T/bin:$PATH" "$RR_BIN" remind --db "$DB" --today 2026-12-01 --dry-run >"$T/dry" 2>&1
[ ! -s "$T/mail.out" ] && grep -q '^To: red@almere.nl' "$T/dry" && ok "--dry-run prints and sends nothing" ||
	notok "--dry-run" "$(head -5 "$T/dry")"

printf '#!/bin/sh\ncat >/dev/null\nexit 75\n' >"$T/bin/sendmail"
PATH="$T/bin:$PATH" "$RR_BIN" remind --db "$DB" --today 2026-12-01 >/dev/null 2>"$T/err"
rc=$?
[ "$rc" -ne 0 ] && grep -q 'sendmail failed' "$T/err" && ok "a failing sendmail: non-zero exit and a message" ||
	notok "failing sendmail" "rc $rc: $(cat "$T/err")"
expect_exit 2 "--today must be a date" -- "$RR_BIN" remind --db "$DB" --today morgen
expect_exit 2 "--to takes one address" -- "$RR_BIN" remind --db "$DB" --to "$(printf 'a@b\nBcc: x@y')"
