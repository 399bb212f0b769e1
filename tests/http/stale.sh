#!/bin/sh
# stale.sh - two editors never silently overwrite each other, tested from
# outside: every edit form carries the version of the record it was read
# from; a save from a form read before someone else's change is refused
# (422) with the other editor's name and the time, nothing is written, the
# form keeps what the user typed and now carries the current version, so
# that saving again is a deliberate choice. The same for a trip's fields, a
# lifecycle step, a delete and a partnership (after another editor added a
# life event). A new password (CLI `user passwd`) or a disabled account ends
# every session of the account.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/fixtures/serve_lib.sh"
. "$(dirname "$0")/fixtures/session_lib.sh"

DB="$T/s.db"
make_db "$DB" || { notok "fixture database loads"; exit 1; }
adduser anna gm0034 redacteur 'anna-wachtwoord-1' && adduser bea gm0034 redacteur 'bea-wachtwoord-12' &&
	adduser chef gm0034 beheerder 'chef-wachtwoord-1' && ok "users created" || notok "users created"
start_server "$DB" || { notok "server starts"; exit 1; }
ANNA=$(login anna 'anna-wachtwoord-1'); BEA=$(login bea 'bea-wachtwoord-12')
[ -n "$ANNA" ] && [ -n "$BEA" ] && ok "two editors sign in" || notok "two editors sign in"

# version_from TOKEN PATH -> the version in the (first) form on PATH
version_from() {
	curl -s -b "rr_session=$1" "$BASE$2" | sed -n 's/.*name="versie" value="\([0-9a-f]*\)".*/\1/p' | head -n 1
}
audit_count() { # KIND ID
	sqlite3 "$DB" "SELECT count(*) FROM audit WHERE kind = '$1' AND record = '$2'"
}

# --- 1. a gift: anna opens the form, bea saves a change, anna saves
G=/beheer/geschenken/gm0034-2016-geschenk-voorbeeld
CA=$(csrf_from "$ANNA" "$G"); CB=$(csrf_from "$BEA" "$G")
VA=$(version_from "$ANNA" "$G")
[ ${#VA} -eq 32 ] && ok "the edit form carries the record's version" || notok "version in form" "$VA"
[ "$(version_from "$BEA" "$G")" = "$VA" ] && ok "both editors read the same version" || notok "same version"
post "$BEA" "$G" --data-urlencode "csrf=$CB" -d "versie=$VA" -d gever=Voorbeeldgever \
	-d ontvanger=Burgemeester -d datum=2016-05-10 --data-urlencode "omschrijving=Bea's versie" \
	-d waarde=50 -d openbaar=0
code_is 303 "bea saves first: 303"
N=$(audit_count gift gm0034-2016-geschenk-voorbeeld)
snapshot "$T/before.json"
post "$ANNA" "$G" --data-urlencode "csrf=$CA" -d "versie=$VA" -d gever=Voorbeeldgever \
	-d ontvanger=Burgemeester -d datum=2016-05-10 --data-urlencode "omschrijving=Anna's eigen tekst" \
	-d waarde=50 -d openbaar=0
code_is 422 "anna's save from the older form is refused: 422"
contains "$T/body" "intussen gewijzigd door bea" "the message names the other editor"
grep -q "gewijzigd door bea ([0-9]* [a-z]* 20[0-9][0-9], [0-2][0-9]:[0-5][0-9] UTC)" "$T/body" &&
	ok "and when" || notok "and when" "$(grep -o 'gewijzigd door[^<]*' "$T/body")"
contains "$T/body" "Anna&#39;s eigen tekst" "the form keeps what anna typed"
VNOW=$(sed -n 's/.*name="versie" value="\([0-9a-f]*\)".*/\1/p' "$T/body" | head -n 1)
[ -n "$VNOW" ] && [ "$VNOW" != "$VA" ] && [ "$VNOW" = "$(version_from "$BEA" "$G")" ] &&
	ok "the form shown again carries the current version" || notok "current version" "$VNOW / $VA"
snapshot "$T/after.json"
same_files "$T/before.json" "$T/after.json" "the refused save wrote nothing"
[ "$(audit_count gift gm0034-2016-geschenk-voorbeeld)" = "$N" ] && ok "nor an audit entry" || notok "audit after refusal"
post "$ANNA" "$G" --data-urlencode "csrf=$CA" -d "versie=$VNOW" -d gever=Voorbeeldgever \
	-d ontvanger=Burgemeester -d datum=2016-05-10 --data-urlencode "omschrijving=Anna's eigen tekst" \
	-d waarde=50 -d openbaar=0
code_is 303 "saving again from the form shown again: 303"
"$RR_BIN" export --db "$DB" | jq -e '.gifts[] | select(.id == "gm0034-2016-geschenk-voorbeeld") |
	.description == "Anna'"'"'s eigen tekst"' >/dev/null && ok "then anna's text is stored" || notok "anna's text stored"
[ "$(audit_count gift gm0034-2016-geschenk-voorbeeld)" = $((N + 1)) ] && ok "with one audit entry" || notok "audit after save"
post "$BEA" "$G" --data-urlencode "csrf=$CB" -d "versie=0123456789abcdef0123456789abcdef" \
	-d gever=X -d ontvanger=Y -d datum=2016-05-10 -d omschrijving=Z -d openbaar=0
code_is 422 "a made-up version is refused"

# --- 2. a trip's fields and a lifecycle step
post "$ANNA" "/beheer/reizen/nieuw?organisation=gm0034" --data-urlencode "csrf=$CA" \
	--data-urlencode "titel=Werkbezoek Gent" -d richting=out -d vervoer=train -d gepland_begin=2027-03-01 \
	-d bestemming-1-land=BE -d bestemming-1-stad=Gent --data-urlencode "reiziger-1-naam=Anna de Vries" \
	-d reiziger-1-rol=wethouder -d thema=trade
code_is 303 "anna requests a trip"
TRIP=${LOC#/beheer/reizen/}
TP=/beheer/reizen/$TRIP
if [ -n "$TRIP" ] && [ "$TRIP" != null ]; then
	VT=$(version_from "$ANNA" "$TP/bewerken")
	[ ${#VT} -eq 32 ] && ok "the trip's fields form carries its version" || notok "trip version" "$VT"
	# bea changes the trip's title through the form she read
	curl -s -b "rr_session=$BEA" "$BASE$TP/bewerken" >"$T/form.html"
	node -e '
const fs = require("fs"), h = fs.readFileSync(process.argv[1], "utf8");
const form = h.slice(h.indexOf("<form", h.indexOf("rr-form") - 40));
const out = [];
const unesc = (s) => s.replace(/&quot;/g, "\"").replace(/&#39;/g, "\x27").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
for (const m of form.matchAll(/<input([^>]*)>/g)) {
	const a = m[1], n = /name="([^"]*)"/.exec(a), v = /value="([^"]*)"/.exec(a), t = /type="([^"]*)"/.exec(a);
	if (!n || (t && /checkbox|radio/.test(t[1]) && !/checked/.test(a))) continue;
	out.push([n[1], v ? unesc(v[1]) : ""]);
}
for (const m of form.matchAll(/<textarea[^>]*name="([^"]*)"[^>]*>([^<]*)<\/textarea>/g)) out.push([m[1], unesc(m[2])]);
for (const m of form.matchAll(/<select[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) {
	const s = /<option[^>]*value="([^"]*)"[^>]*selected/.exec(m[2]);
	if (s) out.push([m[1], unesc(s[1])]);
}
fs.writeFileSync(process.argv[2], out.filter(([n]) => n !== "meer").map(([n, v]) => n + "=" + encodeURIComponent(v)).join("&"));
' "$T/form.html" "$T/fields"
	sed 's/\(^\|&\)titel=[^&]*/\1titel=Titel%20van%20bea/' "$T/fields" >"$T/bea"
	post "$BEA" "$TP/bewerken" --data-binary "@$T/bea" -H 'Content-Type: application/x-www-form-urlencoded'
	code_is 303 "bea saves the trip's fields: 303"
	sed -e 's/\(^\|&\)titel=[^&]*/\1titel=Titel%20van%20anna/' \
		-e "s/\\(^\\|&\\)csrf=[^&]*/\\1csrf=$CA/" "$T/fields" >"$T/anna"
	post "$ANNA" "$TP/bewerken" --data-binary "@$T/anna" -H 'Content-Type: application/x-www-form-urlencoded'
	code_is 422 "anna's save of the same trip from the older form: 422"
	contains "$T/body" "Deze reis is intussen gewijzigd door bea" "the message names bea"
	contains "$T/body" "Titel van anna" "the trip form keeps anna's title"
	"$RR_BIN" export --db "$DB" | jq -e --arg id "$TRIP" '.trips[] | select(.id == $id) |
		.title == "Titel van bea"' >/dev/null && ok "bea's title stays" || notok "bea's title stays"
	post "$ANNA" "$TP/afstemming" --data-urlencode "csrf=$CA" -d "versie=$VT" -d met=burgemeester \
		-d "datum_afstemming=$(date -u +%Y-%m-%d)"
	code_is 422 "a lifecycle step from the older page: 422"
	contains "$T/body" "intussen gewijzigd door bea" "the step's refusal names bea"
else
	notok "a trip to edit"
fi

# --- 3. a delete from an older page
post "$ANNA" "/beheer/geschenken/nieuw?organisation=gm0034" --data-urlencode "csrf=$CA" \
	-d gever=Gever -d ontvanger=Ontvanger -d datum=2024-02-02 -d omschrijving=Boek -d openbaar=0
code_is 303 "anna registers a gift"
GD=/beheer/geschenken/gm0034-geschenk-2024-02-02-1
VD=$(version_from "$ANNA" "$GD")
post "$BEA" "$GD" --data-urlencode "csrf=$CB" -d "versie=$VD" -d gever=Gever -d ontvanger=Ontvanger \
	-d datum=2024-02-02 -d omschrijving=Boeken -d openbaar=0
code_is 303 "bea corrects it"
post "$ANNA" "$GD/verwijderen" --data-urlencode "csrf=$CA" -d "versie=$VD"
code_is 422 "anna's delete from the older page is refused"
contains "$T/body" "gewijzigd door bea" "naming bea"
get "$GD" -b "rr_session=$ANNA"; code_is 200 "the gift is still there"

# --- 4. a partnership: bea adds a life event, anna saves the older form
PS=/beheer/partnerschappen/gm0034-shenzhen
VP=$(version_from "$ANNA" "$PS")
post "$BEA" "$PS/gebeurtenis" --data-urlencode "csrf=$CB" -d "versie=$VP" -d datum=2025-06-01 \
	-d soort=renewed --data-urlencode "toelichting=Verlengd"
code_is 303 "bea adds an event to the partnership"
post "$ANNA" "$PS" --data-urlencode "csrf=$CA" -d "versie=$VP" --data-urlencode "partner=Gemeente Shenzhen" \
	-d land=CN -d type=friendly_city -d sinds=2016-05-01 --data-urlencode "omschrijving=Anna's omschrijving" -d openbaar=1
code_is 422 "anna's save of the partnership from the older form: 422"
contains "$T/body" "Dit partnerschap is intussen gewijzigd door bea" "the message names bea"
contains "$T/body" "Anna&#39;s omschrijving" "the partnership form keeps anna's text"
"$RR_BIN" export --db "$DB" | jq -e '.partnerships[] | select(.id == "gm0034-shenzhen") |
	.events[-1].kind == "renewed" and .events[-1].date == "2025-06-01" and
	.description != "Anna'"'"'s omschrijving"' >/dev/null &&
	ok "bea's event stays, anna's text is not stored" || notok "bea's event stays"

# --- 5. sessions end with a new password or a disabled account
get /beheer -b "rr_session=$ANNA"; code_is 200 "anna's session works"
ANNA2=$(login anna 'anna-wachtwoord-1')
printf 'anna-nieuw-wachtwoord\n' | "$RR_BIN" user passwd anna --db "$DB" --password-stdin >/dev/null 2>&1 &&
	ok "reisregister user passwd anna" || notok "user passwd"
get /beheer -b "rr_session=$ANNA"; code_is 303 "after a new password her session has ended"
get /beheer -b "rr_session=$ANNA2"; code_is 303 "and her other session too"
get /beheer -b "rr_session=$BEA"; code_is 200 "bea's session is untouched"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM session s JOIN user u ON u.id = s.user WHERE u.name = 'anna'")" = 0 ] &&
	ok "no session of anna is left in the database" || notok "anna's sessions removed"
ANNA3=$(login anna 'anna-nieuw-wachtwoord')
[ -n "$ANNA3" ] && ok "anna signs in with the new password" || notok "login with new password"
"$RR_BIN" user disable anna --db "$DB" >/dev/null 2>&1
get /beheer -b "rr_session=$ANNA3"; code_is 303 "a disabled account's session has ended"
