#!/bin/sh
# trip_edit.sh - correcting a trip's descriptive fields
# (/beheer/reizen/{id}/bewerken), tested from outside: the form comes
# pre-filled (sending it back unchanged changes nothing), an editor changes
# the purpose and a destination (the public page and the API show it, the
# lifecycle fields stay, the audit log names the user), and the refused
# cases change nothing: an unknown country (422 naming the field), no CSRF
# token, an editor of another body, a reader.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/fixtures/serve_lib.sh"
. "$(dirname "$0")/fixtures/session_lib.sh"

DB="${RR_TEST_DB:-$T/e.db}"
ID=gm0034-2023-osaka-tokio
make_db "$DB" || { notok "fixture database loads"; exit 1; }
adduser anna gm0034 redacteur 'anna-wachtwoord-1' && adduser piet pv26 redacteur 'piet-wachtwoord-1' &&
	adduser kees gm0034 lezer 'kees-wachtwoord-1' &&
	ok "users created with reisregister user add --password-stdin" ||
	notok "users created" "$(cat "$T/useradd.err")"
start_server "$DB" || { notok "server starts"; exit 1; }

stored() { # the whole stored trip, as the export has it
	"$RR_BIN" export --db "$DB" 2>/dev/null | jq -S --arg id "$ID" '.trips[] | select(.id == $id)'
}
# The form on $T/body as curl --data-urlencode arguments, one a line, with
# field=value replacements from the arguments (FIELD=VALUE).
cat >"$T/form.mjs" <<'JS'
import { readFileSync } from "node:fs";
const html = readFileSync(process.argv[2], "utf8");
const dec = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"')
	.replace(/&#39;/g, "'").replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
const form = html.slice(html.indexOf('action="/beheer/reizen/'), html.indexOf("</form>"));
const out = [];
for (const m of form.matchAll(/<input([^>]*)>/g)) {
	const a = m[1], name = /name="([^"]*)"/.exec(a), val = /value="([^"]*)"/.exec(a);
	if (!name) continue;
	if (/type="checkbox"/.test(a) && !/ checked/.test(a)) continue;
	out.push([name[1], val ? dec(val[1]) : ""]);
}
for (const m of form.matchAll(/<textarea[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g))
	out.push([m[1], dec(m[2].replace(/^\n/, ""))]);
for (const m of form.matchAll(/<select[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) {
	const sel = /<option[^>]*value="([^"]*)"[^>]* selected/.exec(m[2]);
	out.push([m[1], sel ? dec(sel[1]) : ""]);
}
for (const r of process.argv.slice(3)) {
	const k = r.slice(0, r.indexOf("=")), v = r.slice(r.indexOf("=") + 1);
	const f = out.find((x) => x[0] === k);
	if (f) f[1] = v; else out.push([k, v]);
}
for (const [k, v] of out) console.log(JSON.stringify(k + "=" + v));
JS
# send_form TOKEN [FIELD=VALUE...]: the edit form of $ID, changed, POSTed
send_form() {
	tok=$1; shift
	curl -s -b "rr_session=$tok" "$BASE/beheer/reizen/$ID/bewerken" >"$T/formpage"
	node "$T/form.mjs" "$T/formpage" "$@" >"$T/fields" || return 1
	set --
	while IFS= read -r line; do
		set -- "$@" --data-urlencode "$(printf '%s' "$line" | jq -r .)"
	done <"$T/fields"
	post "$tok" "/beheer/reizen/$ID/bewerken" "$@"
}

ANNA=$(login anna 'anna-wachtwoord-1'); PIET=$(login piet 'piet-wachtwoord-1'); KEES=$(login kees 'kees-wachtwoord-1')
[ -n "$ANNA" ] && [ -n "$PIET" ] && [ -n "$KEES" ] && ok "three users sign in" || notok "three users sign in"

# --- 1. the form, pre-filled, linked from the trip's page
get "/beheer/reizen/$ID" -b "rr_session=$ANNA"
contains "$T/body" "/beheer/reizen/$ID/bewerken" "the trip's page links to the edit form"
get "/beheer/reizen/$ID/bewerken" -b "rr_session=$ANNA"; code_is 200 "editor gets the edit form"
title=$(stored | jq -r .title)
contains "$T/body" "value=\"$title\"" "the form holds the current title"
contains "$T/body" 'name="bestemming-1-land"' "the form has a row per destination"
contains "$T/body" 'value="Japan"' "the destination's country is shown by its Dutch name"
contains "$T/body" "waarden uit de aanvraag" "a reported trip's form says the planned fields are the request's"
get "/beheer/reizen/$ID/bewerken"; code_is 303 "anonymous: the form sends to /inloggen"

# --- 2. sending the form back unchanged changes nothing
stored >"$T/before0"
send_form "$ANNA"; code_is 303 "the unchanged form: 303"
stored >"$T/after0"
same_files "$T/before0" "$T/after0" "the unchanged form keeps the stored trip as it was (people, regions, cost notes)"

# --- 3. an editor changes the purpose and a destination
jq -S '{status, decision, report, public, coordination, cancellation, sources, start, "end": .["end"]}' "$T/before0" >"$T/life0"
last=$(jq -r '.destinations | length' "$T/before0")
before_n=$("$RR_BIN" audit --db "$DB" --kind trip --id "$ID" | wc -l)
send_form "$ANNA" "doel=Nieuw doel: kennis over waterstof." "bestemming-$last-land=Zuid-Korea" \
	"bestemming-$last-stad=Busan"
code_is 303 "the editor's correction: 303"
[ "$LOC" = "/beheer/reizen/$ID" ] && ok "303 to the trip's page" || notok "303 to the trip's page" "$LOC"
get "/reizen/$ID"
contains "$T/body" "Nieuw doel: kennis over waterstof." "the public page shows the new purpose"
contains "$T/body" "Busan" "the public page shows the new destination"
get "/api/v1/trips/$ID"
jq -e '.purpose == "Nieuw doel: kennis over waterstof." and (.destinations | map(.country) | index("KR"))' \
	"$T/body" >/dev/null && ok "the API shows the change" || notok "the API shows the change" "$(head -c 400 "$T/body")"
stored >"$T/after1"
jq -S '{status, decision, report, public, coordination, cancellation, sources, start, "end": .["end"]}' "$T/after1" >"$T/life1"
same_files "$T/life0" "$T/life1" "status, decision, report, publication and actual dates unchanged"
jq -S 'del(.purpose, .destinations)' "$T/before0" >"$T/rest0"
jq -S 'del(.purpose, .destinations)' "$T/after1" >"$T/rest1"
same_files "$T/rest0" "$T/rest1" "every other field stays as it was"
"$RR_BIN" audit --db "$DB" --kind trip --id "$ID" >"$T/audit"
after_n=$(wc -l <"$T/audit")
[ "$after_n" -eq $((before_n + 1)) ] && ok "one audit entry for the correction" || notok "one audit entry for the correction" "$before_n -> $after_n"
tail -n 1 "$T/audit" | jq -e '.actor == "user:anna" and .action == "update" and
	.after.purpose == "Nieuw doel: kennis over waterstof." and .before.purpose != .after.purpose' >/dev/null &&
	ok "reisregister audit shows the edit by user:anna, before and after" ||
	notok "reisregister audit shows the edit by user:anna, before and after" "$(tail -n 1 "$T/audit" | head -c 400)"

# --- 4. refused: nothing written
snapshot "$T/s0"
send_form "$ANNA" "bestemming-1-land=Nergensland" "bestemming-1-stad=Nergensstad"
code_is 422 "an unknown country: 422"
contains "$T/body" 'id="bestemming-1-land-fout"' "the message stands at the country field of the row"
contains "$T/body" 'href="#bestemming-1-land"' "the summary links to it"
contains "$T/body" "Nergensstad" "the form is shown again with what was typed"
send_form "$ANNA" "titel="
code_is 422 "an empty title: 422"
contains "$T/body" 'id="titel-fout"' "the message stands at the title field"
send_form "$ANNA" "partnerschap=pv26-guangdong"
code_is 422 "a partnership of another body: 422"
contains "$T/body" 'id="partnerschap-fout"' "the message stands at the partnership field"
snapshot "$T/s1"
same_files "$T/s0" "$T/s1" "refused input: the export is identical"
post "$ANNA" "/beheer/reizen/$ID/bewerken" --data-urlencode "doel=zonder token" -d titel=x -d richting=out
code_is 403 "no CSRF token: 403"
CP=$(csrf_from "$PIET" /beheer)
post "$PIET" "/beheer/reizen/$ID/bewerken" --data-urlencode "csrf=$CP" --data-urlencode "doel=van pv26" \
	-d titel=x -d richting=out
code_is 403 "an editor of pv26: 403 on a gm0034 trip"
get "/beheer/reizen/$ID/bewerken" -b "rr_session=$PIET"; code_is 403 "an editor of pv26 does not get the form"
CK=$(csrf_from "$KEES" /beheer)
post "$KEES" "/beheer/reizen/$ID/bewerken" --data-urlencode "csrf=$CK" --data-urlencode "doel=van een lezer" \
	-d titel=x -d richting=out
code_is 403 "a reader (lezer): 403"
get "/beheer/reizen/$ID/bewerken" -b "rr_session=$KEES"; code_is 403 "a reader does not get the form"
get "/beheer/reizen/$ID" -b "rr_session=$KEES"
lacks "$T/body" "/bewerken" "a reader's trip page has no edit link"
snapshot "$T/s2"
same_files "$T/s0" "$T/s2" "refused POSTs: the export is identical"

send_form "$ANNA" "partnerschap=gm0034-shenzhen" "thema=trade"
code_is 303 "linking a partnership of its own body: 303"
stored | jq -e '.partnership == "gm0034-shenzhen" and (.themes | index("trade"))' >/dev/null &&
	ok "the link and the theme are stored" || notok "the link and the theme are stored" "$(stored | jq -c '{partnership, themes}')"

# --- 5. the new request still works with the shared form
CS=$(csrf_from "$ANNA" "/beheer/reizen/nieuw?organisation=gm0034")
post "$ANNA" "/beheer/reizen/nieuw?organisation=gm0034" --data-urlencode "csrf=$CS" \
	--data-urlencode "titel=Werkbezoek Gent" -d richting=out -d vervoer=train -d gepland_begin=2027-03-01 \
	-d bestemming-1-land=BE -d bestemming-1-stad=Gent --data-urlencode "reiziger-1-naam=Anna de Vries" \
	-d reiziger-1-rol=wethouder -d kosten-1-categorie=Trein --data-urlencode "kosten-1-bedrag=120,50" \
	-d kosten-1-soort=estimate -d thema=trade --data-urlencode "externe_partijen=Port of Gent"
code_is 303 "a new request with the shared form: 303"
NID=${LOC#/beheer/reizen/}
"$RR_BIN" export --db "$DB" | jq -e --arg id "$NID" '.trips[] | select(.id == $id) |
	.status == "requested" and .planned_travellers[0].name == "Anna de Vries" and
	.costs[0].kind == "estimate" and .costs[0].amount_eur == 120.5 and .themes == ["trade"] and
	.external_parties == ["Port of Gent"] and .transport == "train"' >/dev/null &&
	ok "the new request stores the shared form's fields" || notok "the new request stores the shared form's fields"
grep -q 'ERROR\|runtime error\|AddressSanitizer' "$T/server.log" &&
	notok "the server log is clean" "$(grep -m 5 'ERROR\|runtime error' "$T/server.log")" || ok "the server log is clean"
