#!/bin/sh
# forms.sh - the signed-in forms of partnerships, results (with follow-up
# actions) and budgets, tested from outside: create, change, what the public
# evaluation then shows, the audit log, and the refused cases (wrong role,
# other body, no CSRF token, invalid input: 422 and nothing written).
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/fixtures/serve_lib.sh"
. "$(dirname "$0")/fixtures/session_lib.sh"

DB="${RR_TEST_DB:-$T/f.db}"
make_db "$DB" || { notok "fixture database loads"; exit 1; }
adduser anna gm0034 redacteur 'anna-wachtwoord-1' && adduser piet pv26 redacteur 'piet-wachtwoord-1' &&
	adduser bea gm0034 beheerder 'bea-wachtwoord-12' &&
	ok "users created with reisregister user add --password-stdin" ||
	notok "users created" "$(cat "$T/useradd.err")"
start_server "$DB" || { notok "server starts"; exit 1; }

ANNA=$(login anna 'anna-wachtwoord-1'); PIET=$(login piet 'piet-wachtwoord-1'); BEA=$(login bea 'bea-wachtwoord-12')
[ -n "$ANNA" ] && [ -n "$PIET" ] && [ -n "$BEA" ] && ok "three users sign in" || notok "three users sign in"

# --- 1. the pages answer for an editor
for p in "/beheer/partnerschappen/nieuw?organisation=gm0034" /beheer/partnerschappen/gm0034-shenzhen \
	"/beheer/resultaten/nieuw?organisation=gm0034"; do
	get "$p" -b "rr_session=$ANNA"; code_is 200 "editor gets $p"
done
get /beheer/partnerschappen/nieuw?organisation=gm0034; code_is 303 "anonymous: the form sends to /inloggen"

# --- 2. a new partnership, then a life event
CS=$(csrf_from "$ANNA" "/beheer/partnerschappen/nieuw?organisation=gm0034")
[ -n "$CS" ] && ok "the form carries a CSRF token" || notok "the form carries a CSRF token"
post "$ANNA" "/beheer/partnerschappen/nieuw?organisation=gm0034" --data-urlencode "csrf=$CS" \
	--data-urlencode "partner=Gemeente Brno" -d land=cz -d stad=Brno -d type=friendly_city \
	-d sinds=2024-03-01 -d thema=education -d thema=innovation \
	--data-urlencode "omschrijving=Proef met uitwisseling." -d openbaar=1
code_is 303 "a new partnership: 303"
PID=${LOC#/beheer/partnerschappen/}
[ "$PID" = gm0034-gemeente-brno ] && ok "its id is derived from body and partner ($PID)" || notok "derived id" "$LOC"
get "/api/v1/partnerships" 
jq -e --arg id "$PID" '[.. | objects | select(.id? == $id)][0] | .partner.country == "CZ" and
	(.themes | sort) == ["education","innovation"] and .type == "friendly_city"' "$T/body" >/dev/null &&
	ok "the partnership is public with country CZ, two themes, type" || notok "partnership saved" "$(head -c 400 "$T/body")"
post "$ANNA" "/beheer/partnerschappen/$PID/gebeurtenis" --data-urlencode "csrf=$CS" \
	-d datum=2025-06-01 -d soort=upgraded -d vorm=sister_city --data-urlencode "toelichting=Zusterstad"
code_is 303 "a life event is added: 303"
"$RR_BIN" export --db "$DB" | jq -e --arg id "$PID" '.partnerships[] | select(.id == $id) |
	.events[-1].kind == "upgraded" and .events[-1].date == "2025-06-01" and .type == "sister_city"' >/dev/null &&
	ok "the event is stored and the upgrade sets the type" || notok "event stored"
get "/beheer/partnerschappen/$PID" -b "rr_session=$ANNA"
contains "$T/body" "opgewaardeerd" "the edit page lists the event in Dutch"
[ "$FLASH" = gebeurtenis ] && ok "the event add answers with its confirmation" || notok "event confirmation" "$FLASH"

# --- 3. a result with a follow-up past its due date, then done
post "$ANNA" "/beheer/resultaten/nieuw?organisation=gm0034" --data-urlencode "csrf=$CS" \
	--data-urlencode "titel=MoU over studentenuitwisseling" -d type=agreement -d overeenkomst=mou \
	-d thema=education --data-urlencode "partijen=Hogeschool Windesheim
Masaryk-universiteit" --data-urlencode "bedrag=12.500,50" -d banen=3 -d datum=2025-06-02 \
	-d "partnerschap=$PID" -d openbaar=1
code_is 303 "a new result: 303"
RID=${LOC#/beheer/resultaten/}
[ "$RID" = gm0034-mou-over-studentenuitwisseling ] && ok "result id derived ($RID)" || notok "result id" "$LOC"
"$RR_BIN" export --db "$DB" | jq -e --arg id "$RID" '.results[] | select(.id == $id) |
	.amount_eur == 12500.5 and .jobs == 3 and (.parties | length) == 2 and .agreement == "mou"' >/dev/null &&
	ok "amount with a Dutch comma, jobs, two parties and the agreement kind stored" || notok "result fields"
post "$ANNA" "/beheer/resultaten/$RID/vervolg" --data-urlencode "csrf=$CS" \
	--data-urlencode "actie=Getekende MoU publiceren" -d eigenaar=Griffie -d uiterlijk=2025-07-01 -d vstatus=open
code_is 303 "a follow-up action is added: 303"
get "/api/v1/partnerships/$PID/evaluation"
jq -e --arg r "$RID" '.follow_ups_overdue | length == 1 and .[0].result == $r and .[0].owner == "Griffie"' \
	"$T/body" >/dev/null && ok "the overdue follow-up is in the public evaluation" ||
	notok "overdue follow-up in evaluation" "$(head -c 600 "$T/body")"
get /beheer -b "rr_session=$ANNA"
contains "$T/body" "Getekende MoU publiceren" "/beheer lists the overdue follow-up"
contains "$T/body" "/beheer/resultaten/$RID" "/beheer links the result's edit page"
contains "$T/body" "/beheer/partnerschappen/$PID" "/beheer links the partnership's edit page"
post "$ANNA" "/beheer/resultaten/$RID/vervolg" --data-urlencode "csrf=$CS" -d nummer=1 -d nieuwe_status=done
code_is 303 "the follow-up is marked done: 303"
get "/api/v1/partnerships/$PID/evaluation"
jq -e '.follow_ups_overdue | length == 0' "$T/body" >/dev/null && ok "a done follow-up is no longer overdue" ||
	notok "done follow-up gone" "$(head -c 400 "$T/body")"

# --- 4. budget as beheerder
get /beheer/organisaties/gm0034/budget -b "rr_session=$BEA"; code_is 200 "beheerder gets the budget page"
BCS=$(csrf_from "$BEA" /beheer/organisaties/gm0034/budget)
post "$BEA" /beheer/organisaties/gm0034/budget --data-urlencode "csrf=$BCS" -d formulier=budget \
	-d jaar=2016 --data-urlencode "budget=250.000" -d fte=1,5 -d notitie=Stedenband
code_is 303 "a budget year is saved: 303"
get "/api/v1/partnerships/gm0034-shenzhen/evaluation"
jq -e '[.. | objects | select(.year? == 2016)] | map(tostring) | join(" ") | test("250000")' "$T/body" >/dev/null &&
	ok "the budget appears in the evaluation's costs per year" || notok "budget in evaluation" "$(jq -c .costs_per_year "$T/body" | head -c 600)"
get /vergelijking
contains "$T/body" "250.000" "the budget appears on /vergelijking"
post "$BEA" /beheer/organisaties/gm0034/budget --data-urlencode "csrf=$BCS" -d formulier=instellingen \
	-d verslagtermijn=30 -d drempel=100
code_is 303 "settings saved: 303"
"$RR_BIN" export --db "$DB" | jq -e '.organisations[] | select(.id == "gm0034") |
	.report_period_days == 30 and .gift_threshold_eur == 100' >/dev/null &&
	ok "report period and gift threshold stored" || notok "settings stored"
# the CO₂ settings: a train threshold and one own factor with its source
post "$BEA" /beheer/organisaties/gm0034/budget --data-urlencode "csrf=$BCS" -d formulier=instellingen \
	-d verslagtermijn=30 -d drempel=100 -d treindrempel=750 -d factor-vlucht-lang=0,16 \
	--data-urlencode "factor-bron=Eigen lijst 2026"
code_is 303 "CO₂ settings saved: 303"
"$RR_BIN" export --db "$DB" | jq -e '.organisations[] | select(.id == "gm0034") |
	.train_threshold_km == 750 and .co2_factors == {plane_long: 0.16, source: "Eigen lijst 2026"}' >/dev/null &&
	ok "the train threshold and the own factor with its source are stored" ||
	notok "CO₂ settings stored" "$("$RR_BIN" export --db "$DB" | jq -c '.organisations[] | select(.id == "gm0034")')"
get /beheer/organisaties/gm0034/budget -b "rr_session=$BEA"
contains "$T/body" 'value="0,16"' "the settings form shows the own factor"
contains "$T/body" '0,297 als dit leeg is' "an empty factor says the built-in value"
snapshot "$T/co2-before.json"
post "$BEA" /beheer/organisaties/gm0034/budget --data-urlencode "csrf=$BCS" -d formulier=instellingen \
	-d verslagtermijn=30 -d factor-trein=veel
code_is 422 "a factor that is no number is refused: 422"
contains "$T/body" "is geen factor van 0 tot 10 kg per reizigerskilometer" "the refusal names the reason"
snapshot "$T/co2-after.json"
cmp -s "$T/co2-before.json" "$T/co2-after.json" && ok "the refused settings wrote nothing" ||
	notok "refused settings wrote nothing"

# --- 5. refused cases, each writing nothing
snapshot "$T/before.json"
get /beheer/organisaties/gm0034/budget -b "rr_session=$ANNA"; code_is 403 "redacteur on the budget page: 403"
post "$ANNA" /beheer/organisaties/gm0034/budget --data-urlencode "csrf=$CS" -d formulier=budget -d jaar=2017 -d budget=1
code_is 403 "redacteur posting a budget: 403"
PCS=$(csrf_from "$PIET" "/beheer/partnerschappen/nieuw?organisation=pv26")
get /beheer/partnerschappen/gm0034-shenzhen -b "rr_session=$PIET"
case $CODE in 403|404) ok "pv26 editor on a gm0034 partnership: $CODE";; *) notok "pv26 editor on gm0034 partnership" "$CODE";; esac
get /beheer/partnerschappen/pv26-guangdong -b "rr_session=$ANNA"
case $CODE in 403|404) ok "gm0034 editor on the pv26 partnership: $CODE";; *) notok "gm0034 editor on pv26" "$CODE";; esac
post "$ANNA" /beheer/partnerschappen/pv26-guangdong --data-urlencode "csrf=$CS" -d partner=X -d land=CN -d type=mou
case $CODE in 403|404) ok "gm0034 editor posting to the pv26 partnership: $CODE";; *) notok "post to pv26" "$CODE";; esac
post "$PIET" "/beheer/resultaten/$RID/vervolg" --data-urlencode "csrf=$PCS" -d actie=Overnemen
case $CODE in 403|404) ok "pv26 editor adding a follow-up to a gm0034 result: $CODE";; *) notok "pv26 follow-up" "$CODE";; esac
post "$ANNA" "/beheer/resultaten/nieuw?organisation=pv26" --data-urlencode "csrf=$CS" -d titel=X -d type=lead
code_is 403 "gm0034 editor creating a pv26 result: 403"
post "$ANNA" "/beheer/resultaten/nieuw?organisation=gm0034" --data-urlencode "csrf=$CS" -d titel=Y -d type=lead \
	-d partnerschap=pv26-guangdong
code_is 422 "a result linked to another body's partnership: 422"
post "$ANNA" "/beheer/partnerschappen/$PID" -d partner=Brno -d land=CZ -d type=mou
code_is 403 "POST without CSRF token: 403"
post "$ANNA" "/beheer/partnerschappen/$PID" --data-urlencode "csrf=$CS" -d partner=Brno -d land=XX -d type=mou
code_is 422 "an invalid country: 422"
contains "$T/body" 'id="land-fout"' "the message stands at the country field"
contains "$T/body" 'href="#land"' "the summary links to the country field"
contains "$T/body" "geen land dat wij kennen" "the message is Dutch and says how to fix it"
post "$ANNA" "/beheer/resultaten/$RID" --data-urlencode "csrf=$CS" -d titel=Z -d type=investment -d bedrag=-5
code_is 422 "a negative amount: 422"
contains "$T/body" 'id="bedrag-fout"' "the message stands at the amount field"
post "$BEA" /beheer/organisaties/gm0034/budget --data-urlencode "csrf=$BCS" -d formulier=budget -d jaar=2018 -d budget=-10
code_is 422 "a negative budget: 422"
contains "$T/body" 'id="budget-fout"' "the message stands at the budget field"
snapshot "$T/after.json"
same_files "$T/before.json" "$T/after.json" "the refused requests wrote nothing (export before = after)"

# --- 6. the audit log names the user
"$RR_BIN" audit --db "$DB" --kind partnership --id "$PID" >"$T/audit"
[ "$(wc -l <"$T/audit")" -eq 2 ] && ok "the partnership's audit log has create and the event" || notok "audit entries" "$(cat "$T/audit")"
jq -e -s 'all(.actor == "user:anna")' "$T/audit" >/dev/null && ok "the audit log shows user:anna as actor" ||
	notok "audit actor" "$(head -c 400 "$T/audit")"
"$RR_BIN" audit --db "$DB" --kind result --id "$RID" | jq -e -s 'length == 3 and .[2].after.follow_up[0].status == "done"' \
	>/dev/null && ok "the result's audit log records the follow-up status change" || notok "result audit"
"$RR_BIN" audit --db "$DB" --kind organisation --id gm0034 | jq -e -s 'any(.actor == "user:bea")' >/dev/null &&
	ok "the budget change is in the audit log with user:bea" || notok "budget audit"
