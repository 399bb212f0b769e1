#!/bin/sh
# HTTP tests of the partnership evaluation and the comparison of bodies,
# against a real server on loopback with the example register.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/fixtures/serve_lib.sh"

DB="${RR_TEST_DB:-$T/p.db}"
"$RR_BIN" init --db "$DB" >/dev/null
"$RR_BIN" load --db "$DB" "$EXAMPLES"/*.json >/dev/null || { notok "load examples"; exit 1; }
start_server "$DB" || { notok "server starts"; exit 1; }
code_of() { get "$1"; printf %s "$CODE"; }

[ "$(code_of /partnerschappen/pv26-guangdong)" = 200 ] && ok "evaluation page answers 200" || notok "evaluation page"
cp "$T/body" "$T/page.html"
contains "$T/page.html" "Provincie Utrecht en Provincie Guangdong" "evaluation page names both parties"
contains "$T/page.html" 'aria-labelledby="delegaties-title delegaties-desc"' "the chart has an accessible title and description"
contains "$T/page.html" "Mensenrechten en veiligheid" "human rights section present"
contains "$T/page.html" "Jaren zonder delegatie" "activity gaps section present"

[ "$(code_of /api/v1/partnerships/pv26-guangdong/evaluation)" = 200 ] && ok "evaluation JSON answers 200" || notok "evaluation JSON"
cp "$T/body" "$T/ev.json"
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
const t = ev.totals;
if (t.delegations_out !== api.reduce((s, r) => s + +r[1], 0)) process.exit(2);
if (t.delegations_in !== api.reduce((s, r) => s + +r[2], 0)) process.exit(3);
' "$T/page.html" "$T/ev.json" > "$T/cmp" 2>&1 && ok "chart table equals the API per_year, totals add up" || notok "chart table equals API" "$(cat "$T/cmp")"

[ "$(code_of /api/v1/partnerships/pv26-guangdong/evaluation.csv)" = 200 ] && ok "evaluation CSV answers 200" || notok "evaluation CSV"
head -n 1 "$T/body" | grep -q '^year,delegations_out,delegations_in' && ok "evaluation CSV header" || notok "evaluation CSV header"

[ "$(code_of /partnerschappen/gm0034-shenzhen)" = 200 ] && ok "Almere-Shenzhen page answers 200" || notok "Almere-Shenzhen page"
contains "$T/body" "vriendschappelijke stad" "Almere-Shenzhen shows the friendly-city start" 
contains "$T/body" "opgewaardeerd" "Almere-Shenzhen shows the upgrade"
contains "$T/body" "/reizen/gm0034-2014-shenzhen" "Almere-Shenzhen lists the 2014 trip"
contains "$T/body" "/reizen/gm0034-2016-shenzhen" "Almere-Shenzhen lists the 2016 trip"

[ "$(code_of /partnerschappen/no-such-thing)" = 404 ] && ok "unknown partnership: 404" || notok "unknown partnership 404"
[ "$(code_of /api/v1/partnerships/no-such-thing/evaluation)" = 404 ] && ok "unknown partnership API: 404" || notok "unknown partnership API 404"
contains "$T/body" '"code":"not_found"' "API error has a code"
[ "$(code_of '/partnerschappen/%3Cscript%3E')" = 400 ] || [ "$(code_of '/partnerschappen/%3Cscript%3E')" = 404 ] && ok "hostile id refused" || notok "hostile id refused"
lacks "$T/body" "<script>" "hostile id not echoed unescaped"

[ "$(code_of /vergelijking)" = 200 ] && ok "comparison page answers 200" || notok "comparison page"
contains "$T/body" "Gemeente Almere" "comparison lists Almere"
contains "$T/body" "Provincie Utrecht" "comparison lists Utrecht"
[ "$(code_of /api/v1/compare)" = 200 ] && ok "comparison JSON answers 200" || notok "comparison JSON"
node -e 'const b = JSON.parse(require("fs").readFileSync(process.argv[1])).bodies;
 if (b.length !== 2 || !b.every(x => x.trips > 0)) process.exit(1)' "$T/body" && ok "comparison JSON has both bodies" || notok "comparison JSON bodies"
pid=$SERVER_PID
stop_server
if kill -0 "$pid" 2>/dev/null; then notok "server stopped by its PID"; else ok "server stopped by its PID"; fi
