#!/bin/sh
# HTTP test of the partnership evaluation built from imported documents
# only: the five seeds (../shared/seeds beside the repository) imported into
# an empty register with just the organisations, then the Utrecht-Guangdong
# evaluation (API and page) and the Almere-Shenzhen page.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/fixtures/serve_lib.sh"

DB="$T/imp.db"
seed_register "$DB" || exit 0
start_server "$DB" || { notok "server starts"; exit 1; }

get /api/v1/partnerships/pv26-guangdong/evaluation
status_is 200 "evaluation JSON answers 200"
cp "$T/body" "$T/ev.json"
jcheck() { # NAME JQ-EXPRESSION (must print true)
	if [ "$(jq "$2" "$T/ev.json" 2>/dev/null)" = "true" ]; then ok "$1"
	else notok "$1" "$(jq -c "$2" "$T/ev.json" 2>&1 | head -c 400)"; fi
}
# the 26 of Appendix 3 and the introductory visit of 1988 its history tells
jcheck "27 outgoing delegations" ".totals.delegations_out == 27"
jcheck "31 incoming delegations" ".totals.delegations_in == 31"
jcheck "2 incoming in 1995" "[.per_year[] | select(.year == 1995) | .in] == [2]"
jcheck "4 incoming in 2014" "[.per_year[] | select(.year == 2014) | .in] == [4]"
jcheck "results by theme: at least 5 themes" \
	"[.results_by_theme[] | .theme | select(. != \"unknown\")] | length >= 5"
jcheck "results by theme include investment, education, culture and tourism, media" \
	"[.results_by_theme[] | .theme] | contains([\"investment\", \"education\", \"culture_tourism\", \"media\"])"

get /partnerschappen/pv26-guangdong
status_is 200 "evaluation page answers 200"
cp "$T/body" "$T/page.html"
contains "$T/page.html" 'aria-labelledby="delegaties-title delegaties-desc"' "the page has the accessible chart"
contains "$T/page.html" "<svg" "the chart is an SVG"
# The chart's data table must hold exactly the API's per_year numbers.
node -e '
const fs = require("fs");
const html = fs.readFileSync(process.argv[1], "utf8");
const ev = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const start = html.indexOf(">Delegaties per jaar</caption>");
const end = html.indexOf("</table>", start);
if (start < 0 || end < 0) { console.log("no table"); process.exit(1); }
const rows = [...html.slice(start, end).matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].slice(1)
  .map(m => [...m[1].matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map(c => c[1]));
const api = ev.per_year.map(r => [String(r.year), String(r.out), String(r.in)]);
if (JSON.stringify(rows) !== JSON.stringify(api)) {
  console.log("table", JSON.stringify(rows.slice(0, 5)), "api", JSON.stringify(api.slice(0, 5)));
  process.exit(1);
}
' "$T/page.html" "$T/ev.json" > "$T/cmp" 2>&1 && ok "chart table rows equal the API per_year" \
	|| notok "chart table rows equal the API per_year" "$(cat "$T/cmp")"

get /partnerschappen/gm0034-shenzhen
status_is 200 "Almere-Shenzhen page answers 200"
contains "$T/body" "/reizen/gm0034-2014-11-shenzhen" "Almere-Shenzhen lists the 2014 trip"
contains "$T/body" "/reizen/gm0034-2016-06-shenzhen" "Almere-Shenzhen lists the 2016 trip"
contains "$T/body" "opgewaardeerd" "Almere-Shenzhen shows the upgrade"
get /api/v1/partnerships/gm0034-shenzhen/evaluation
cp "$T/body" "$T/p.json"
"$RR_BIN" export --db "$DB" > "$T/export.json"
if [ "$(jq '[.partnerships[] | select(.id == "gm0034-shenzhen") | .events[] | select(.kind == "upgraded")] | length >= 1' "$T/export.json")" = true ]; then
	ok "the upgrade is an event of kind upgraded"
else
	notok "the upgrade is an event of kind upgraded" "$(jq -c '.partnerships' "$T/export.json" | head -c 300)"
fi
if [ "$(jq '[.trips[]? // .per_year[]? ] | length >= 1' "$T/p.json" 2>/dev/null)" = true ]; then
	ok "Almere-Shenzhen evaluation JSON has its trips"
else
	notok "Almere-Shenzhen evaluation JSON has its trips" "$(head -c 300 "$T/p.json")"
fi
stop_server
