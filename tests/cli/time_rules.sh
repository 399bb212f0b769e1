#!/bin/sh
# time_rules.sh - the rules of time (lifecycle.c) hold in `reisregister load`
# too, not only in the forms: no trip recorded as taken place before it
# ends, no report submitted in the future, no decision before the request;
# each refused load names the record and field in Dutch and writes nothing.
# The decision's old outcomes (approved, rejected) still load, next to the
# new ones with number, text and document.
. "$(dirname "$0")/lib.sh"

DB="$T/t.db"
"$RR_BIN" init --db "$DB" >/dev/null 2>&1 && "$RR_BIN" load --db "$DB" examples/*.json >/dev/null 2>&1 ||
	{ notok "fixture database loads"; exit 1; }
"$RR_BIN" export --db "$DB" >"$T/before.json"

trip() { # ID STATUS EXTRA-JSON
	printf '{"trips":[{"id":"%s","organisation":"gm0034","title":"T","direction":"out","status":"%s"%s}]}\n' \
		"$1" "$2" "$3" >"$T/$1.json"
}
trip t1 completed ',"start":"2099-03-10","end":"2099-03-15"'
expect_exit 1 "a trip that ends in 2099 cannot be completed" -- "$RR_BIN" load --db "$DB" "$T/t1.json"
grep -q 'pas als uitgevoerd' "$T/err" && grep -q '15 maart 2099' "$T/err" &&
	ok "the message is Dutch and gives the end date" || notok "message for t1" "$(cat "$T/err")"
trip t2 approved ',"start":"2020-03-10","report":{"submitted":"2099-04-01","text":"x"}'
expect_exit 1 "a report submitted in the future is refused" -- "$RR_BIN" load --db "$DB" "$T/t2.json"
grep -q 'ligt in de toekomst' "$T/err" && ok "it says the date lies in the future" || notok "message for t2" "$(cat "$T/err")"
trip t3 approved ',"requested":"2023-02-10","decision":{"outcome":"approved","date":"2023-02-01"}'
expect_exit 1 "a decision before the request is refused" -- "$RR_BIN" load --db "$DB" "$T/t3.json"
grep -q 'kan niet v' "$T/err" && grep -q '10 februari 2023' "$T/err" &&
	ok "it names the request's date" || notok "message for t3" "$(cat "$T/err")"
"$RR_BIN" export --db "$DB" >"$T/after.json"
same_files "$T/before.json" "$T/after.json" "nothing was written"

trip t4 rejected ',"decision":{"outcome":"rejected","date":"2023-02-01"}'
expect_exit 0 "the old outcome rejected still loads" -- "$RR_BIN" load --db "$DB" "$T/t4.json"
trip t5 approved ',"requested":"2023-01-20","decision":{"outcome":"approved_with_conditions","date":"2023-02-01","number":"B&W 2023/114","text":"Akkoord.","conditions":"Alleen economy class.","url":"https://example.nl/besluit.pdf"}'
expect_exit 0 "a decision in full loads (onder voorwaarden, number, text, document)" -- "$RR_BIN" load --db "$DB" "$T/t5.json"
"$RR_BIN" export --db "$DB" | jq -e '.trips[] | select(.id == "t5") | .decision.number == "B&W 2023/114" and .requested == "2023-01-20"' >/dev/null &&
	ok "the decision's number and the request date are exported" || notok "decision exported"
trip t6 approved ',"decision":{"outcome":"deferred","date":"2023-02-01"}'
expect_exit 1 "an approved trip with a deferred decision is refused" -- "$RR_BIN" load --db "$DB" "$T/t6.json"
