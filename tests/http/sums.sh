#!/bin/sh
# Right sums: ten trips of 10,000 cost lines of EUR 10^12 each (the largest
# the schema allows) overflow a 64-bit count of cents when added up; the
# comparison says so (null and "overflow": true; "te groot om op te
# tellen" on the page) instead of a wrapped negative number, and the
# sanitizer build does not abort. Amounts with a third decimal are refused.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/fixtures/serve_lib.sh"

DB="${RR_TEST_DB:-$T/r.db}"
node -e '
const trips = [];
for (let t = 0; t < 10; t++) {
	const costs = [];
	for (let i = 0; i < 10000; i++) costs.push({category: "x", amount_eur: 1e12, kind: "actual"});
	trips.push({id: `gm0034-2020-groot-${t}`, organisation: "gm0034", title: `Groot ${t}`,
		direction: "out", status: "completed", public: true, start: "2020-01-01", end: "2020-01-02", costs});
}
process.stdout.write(JSON.stringify({trips}));' > "$T/big.json"
"$RR_BIN" init --db "$DB" >/dev/null && "$RR_BIN" load --db "$DB" "$EXAMPLES"/*.json "$T/big.json" >/dev/null ||
	{ notok "the register with ten very large trips loads"; exit 1; }
ok "the register with ten very large trips loads"
start_server "$DB" || { notok "server starts"; exit 1; }
get /api/v1/compare; status_is 200 "GET /api/v1/compare is 200"
jq -e '[.. | objects | select(.organisation? == "gm0034")][0] | .overflow == true and .costs_actual_eur == null' \
	"$T/body" >/dev/null && ok "Almere's actual costs: null with overflow true, not a wrapped number" ||
	notok "compare overflow" "$(head -c 400 "$T/body")"
lacks "$T/body" '"costs_actual_eur": -' "no negative sum anywhere"
lacks "$T/body" '"costs_actual_eur":-' "no negative sum anywhere (compact)"
get /vergelijking; status_is 200 "GET /vergelijking is 200"
contains "$T/body" "te groot om op te tellen" "the page says the sum is too large to add up"
get /reizen/gm0034-2020-groot-0; status_is 200 "one such trip's page is 200"
contains "$T/body" "€ 10.000.000.000.000.000" "its own sum (10^16 euro) still fits and is shown"
stop_server

# exactly two decimals, at any size
printf '{"trips":[{"id":"gm0034-2021-decimalen","organisation":"gm0034","title":"D","direction":"out","status":"requested","costs":[{"category":"x","amount_eur":99999999.991,"kind":"estimate"}]}]}' > "$T/dec.json"
expect_exit 1 "an amount of 99999999.991 is refused" -- "$RR_BIN" load --db "$DB" "$T/dec.json"
contains "$T/err" "costs[0].amount_eur" "the message names the field"
contains "$T/err" "more than two decimals" "and the reason"
