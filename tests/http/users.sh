#!/bin/sh
# users.sh - users in the web for a beheerder (/beheer/organisaties/{code}/
# gebruikers), tested from outside: invite a new user by a one-time link,
# the invitee chooses a password and signs in, roles of the own body given
# and withdrawn, an account disabled (its sessions end); refused: an editor,
# a beheerder of another body, a used or wrong link, an account that also
# works for another body, a bad name.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/fixtures/serve_lib.sh"
. "$(dirname "$0")/fixtures/session_lib.sh"

DB="${RR_TEST_DB:-$T/u.db}"
make_db "$DB" || { notok "fixture database loads"; exit 1; }
adduser bea gm0034 beheerder 'bea-wachtwoord-12' && adduser anna gm0034 redacteur 'anna-wachtwoord-1' &&
	adduser piet pv26 beheerder 'piet-wachtwoord-1' && ok "users created" || notok "users created"
start_server "$DB" || { notok "server starts"; exit 1; }
BEA=$(login bea 'bea-wachtwoord-12'); ANNA=$(login anna 'anna-wachtwoord-1'); PIET=$(login piet 'piet-wachtwoord-1')
U=/beheer/organisaties/gm0034/gebruikers

get "$U" -b "rr_session=$BEA"; code_is 200 "the beheerder gets the users page"
contains "$T/body" "anna" "it lists the body's users"
get "$U" -b "rr_session=$ANNA"; code_is 403 "an editor does not"
get "$U" -b "rr_session=$PIET"; code_is 403 "a beheerder of another body does not"
get "$U"; code_is 303 "anonymous: to /inloggen"
CB=$(csrf_from "$BEA" "$U")

post "$BEA" "$U" --data-urlencode "csrf=$CB" -d actie=uitnodigen --data-urlencode "nieuwe_naam=Kees de Boer!" -d nieuwe_rol=lezer
code_is 422 "a bad user name: 422"
contains "$T/body" 'id="nieuwe_naam-fout"' "the message stands at the name field"
post "$BEA" "$U" --data-urlencode "csrf=$CB" -d actie=uitnodigen -d nieuwe_naam=kees -d nieuwe_rol=lezer
code_is 200 "an invitation is made"
CODE_INV=$(sed -n 's/.*code=\([A-Za-z0-9_-]\{43\}\).*/\1/p' "$T/body" | head -n 1)
[ -n "$CODE_INV" ] && ok "the page shows the one-time link once" || notok "invitation link" "$(grep -o 'uitnodiging[^<]*' "$T/body")"
"$RR_BIN" user list --db "$DB" | grep -q '^kees gm0034:lezer' && ok "kees exists with the role lezer" || notok "kees listed"
stored_hash() { # the row as the backend keeps it (tests/http/pg.sh runs this on PostgreSQL)
	case "$DB" in
	postgresql://*) psql -X -A -t "$DB" -c "SELECT password_hash FROM account WHERE name='kees'" ;;
	*) sqlite3 "$DB" "SELECT password_hash FROM user WHERE name='kees'" ;;
	esac
}
stored_hash | grep -q '^invite\$' && ! stored_hash | grep -q "$CODE_INV" &&
	ok "only a hash of the code is stored" || notok "stored invitation"
[ -z "$(login kees "$CODE_INV")" ] && ok "nobody signs in to an invited account" || notok "login before accepting"

get "/uitnodiging?naam=kees&code=$CODE_INV"; code_is 200 "the link opens the password form"
get "/uitnodiging?naam=kees&code=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"; code_is 404 "a wrong code: 404"
accept() { # PW AGAIN
	CODE=$(curl -s -o "$T/body" -w '%{http_code}' -H "Origin: $BASE" --data-urlencode "naam=kees" \
		--data-urlencode "code=$CODE_INV" --data-urlencode "wachtwoord=$1" --data-urlencode "herhaal=$2" \
		"$BASE/uitnodiging")
}
accept 'kees-wachtwoord-1' 'iets-anders-dan'; code_is 422 "two different passwords: 422"
contains "$T/body" 'id="herhaal-fout"' "the message stands at the second password"
accept 'kort' 'kort'; code_is 422 "a short password: 422"
CODE=$(curl -s -o "$T/body" -w '%{http_code}' --data-urlencode "naam=kees" --data-urlencode "code=$CODE_INV" \
	--data-urlencode "wachtwoord=kees-wachtwoord-1" --data-urlencode "herhaal=kees-wachtwoord-1" "$BASE/uitnodiging")
code_is 403 "no Origin: 403"
accept 'kees-wachtwoord-1' 'kees-wachtwoord-1'; code_is 200 "the invitee chooses a password"
KEES=$(login kees 'kees-wachtwoord-1')
[ -n "$KEES" ] && ok "and signs in" || notok "kees signs in"
accept 'ander-wachtwoord-2' 'ander-wachtwoord-2'; code_is 404 "the link works once"

post "$BEA" "$U" --data-urlencode "csrf=$CB" -d actie=rol-geven -d gebruiker=kees -d rol_erbij=redacteur
code_is 303 "a role is given"; [ "$FLASH" = rol ] && ok "with its confirmation" || notok "flash rol" "$FLASH"
"$RR_BIN" user list --db "$DB" | grep -q '^kees.*gm0034:redacteur' && ok "kees is redacteur" || notok "kees redacteur"
post "$BEA" "$U" --data-urlencode "csrf=$CB" -d actie=rol-intrekken -d naam=kees -d rol=redacteur
code_is 303 "the role is withdrawn"
! "$RR_BIN" user list --db "$DB" | grep -q '^kees.*gm0034:redacteur' && ok "kees is no longer redacteur" || notok "revoked"
post "$BEA" "$U" --data-urlencode "csrf=$CB" -d actie=rol-geven -d gebruiker=niemand -d rol_erbij=lezer
code_is 422 "an unknown user: 422"
post "$PIET" "$U" --data-urlencode "csrf=$(csrf_from "$PIET" /beheer)" -d actie=rol-geven -d gebruiker=piet -d rol_erbij=beheerder
code_is 403 "a beheerder of pv26 cannot give himself a role at gm0034"

post "$BEA" "$U" --data-urlencode "csrf=$CB" -d actie=uitschakelen -d naam=kees
code_is 303 "kees is disabled"
get /beheer -b "rr_session=$KEES"; code_is 303 "his session has ended"
"$RR_BIN" user grant anna --db "$DB" --organisation pv26 --role lezer >/dev/null
post "$BEA" "$U" --data-urlencode "csrf=$CB" -d actie=uitschakelen -d naam=anna
code_is 422 "an account that also works for pv26 is not disabled by gm0034's beheerder"
post "$BEA" "$U" --data-urlencode "csrf=$CB" -d actie=uitschakelen -d naam=bea
code_is 422 "nor one's own"
post "$BEA" "$U" -d actie=uitschakelen -d naam=anna
code_is 403 "no CSRF token: 403"
grep -q 'ERROR\|runtime error\|AddressSanitizer' "$T/server.log" &&
	notok "the server log is clean" "$(grep -m 5 'ERROR\|runtime error' "$T/server.log")" || ok "the server log is clean"
