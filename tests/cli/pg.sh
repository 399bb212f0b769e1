#!/bin/sh
# The PostgreSQL backend against SQLite: the same register loaded into
# both gives byte-identical exports and the same answers; bad input leaves
# the PostgreSQL database unchanged; the audit log refuses changes.
# Starts its own server (pglib.sh).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/pglib.sh"

pg_start
ok "a private PostgreSQL server runs on port $PGPORT"
PG=$(pg_db reg)
SQ="$T/r.db"

expect_exit 0 "init creates the schema on PostgreSQL" -- "$RR_BIN" init --db "$PG"
contains "$T/out" "schema version 8" "init reports the newest schema version"
expect_exit 0 "init again is a no-op" -- "$RR_BIN" init --db "$PG"
"$RR_BIN" init --db "sqlite:$SQ" >/dev/null
[ -f "$SQ" ] && ok "sqlite:PATH names a SQLite file" || notok "sqlite:PATH names a SQLite file"

expect_exit 0 "load the examples into PostgreSQL" -- "$RR_BIN" load --db "$PG" "$EXAMPLES"/*.json
cp "$T/out" "$T/load-pg.txt"
"$RR_BIN" load --db "$SQ" "$EXAMPLES"/*.json > "$T/load-sq.txt" 2>&1
same_files "$T/load-sq.txt" "$T/load-pg.txt" "load counts the same records on both"
expect_exit 0 "load again" -- "$RR_BIN" load --db "$PG" "$EXAMPLES"/*.json
contains "$T/out" "0 new, 0 changed" "a second load changes nothing on PostgreSQL"

# the same answers from both backends
compare() { # NAME ARGS...
	name=$1
	shift
	"$RR_BIN" "$@" --db "$SQ" > "$T/a.out" 2>&1
	ra=$?
	"$RR_BIN" "$@" --db "$PG" > "$T/b.out" 2>&1
	rb=$?
	if [ "$ra" -eq "$rb" ] && cmp -s "$T/a.out" "$T/b.out" && [ -s "$T/a.out" ]; then
		ok "$name"
	else
		notok "$name" "exit $ra/$rb; $(diff "$T/a.out" "$T/b.out" | head -n 10)"
	fi
}
compare "export is byte-identical from both backends" export
compare "export --public-only is identical" export --public-only
compare "export of one body and year is identical" export --organisation gm0034 --year 2023
compare "csv export is identical" export --format csv
compare "show is identical" show
compare "show of one body is identical" show --organisation gm0034
compare "show of one year is identical" show --year 2023

"$RR_BIN" export --db "$PG" > "$T/pg1.json"
n=$(grep -c '"direction":' "$T/pg1.json")
[ "$n" -ge 5 ] && ok "the PostgreSQL export holds the trips ($n)" || notok "export holds trips" "$n"
PG2=$(pg_db copy1)
"$RR_BIN" init --db "$PG2" >/dev/null
expect_exit 0 "load the export into an empty PostgreSQL database" -- "$RR_BIN" load --db "$PG2" "$T/pg1.json"
"$RR_BIN" export --db "$PG2" > "$T/pg2.json"
same_files "$T/pg1.json" "$T/pg2.json" "export -> load -> export is byte-identical on PostgreSQL"
REISREGISTER_DB="$PG" "$RR_BIN" export > "$T/pg3.json"
same_files "$T/pg1.json" "$T/pg3.json" "\$REISREGISTER_DB takes a postgresql:// URL"

# bad input: exit 1, nothing written (the whole database dumped before and
# after; sequences are left out: PostgreSQL never rolls them back)
dump() { "$PGBIN/pg_dump" -h 127.0.0.1 -p "$PGPORT" -U rr --data-only --no-owner reg | grep -v -e '^\\\(un\)\?restrict ' -e '^SELECT pg_catalog.setval'; }
cat > "$T/bad.json" <<'JSON'
{"trips": [
 {"id": "gm0034-bad-dates", "organisation": "gm0034", "title": "Omgekeerd", "direction": "out",
  "status": "completed", "public": true, "start": "2023-05-15", "end": "2023-05-13"},
 {"id": "gm0034-bad-country", "organisation": "gm0034", "title": "Nergensland", "direction": "out",
  "status": "draft", "destinations": [{"country": "XY"}]}
]}
JSON
cat > "$T/badref.json" <<'JSON'
{"trips": [
 {"id": "gm0034-good", "organisation": "gm0034", "title": "Goed", "direction": "out",
  "status": "draft", "destinations": [{"country": "BE"}]},
 {"id": "gm0034-dangling", "organisation": "gm0034", "title": "Verwijst", "direction": "out",
  "status": "draft", "partnership": "gm0034-no-such-partnership"}
]}
JSON
dump > "$T/before.sql"
expect_exit 1 "a load with bad records exits 1 on PostgreSQL" -- "$RR_BIN" load --db "$PG" "$T/bad.json"
contains "$T/err" "gm0034-bad-dates: end: 2023-05-13 is before start 2023-05-15" "names record and field"
contains "$T/err" "nothing was written" "says nothing was written"
expect_exit 1 "a load with a dangling reference exits 1" -- "$RR_BIN" load --db "$PG" "$T/badref.json"
contains "$T/err" "gm0034-no-such-partnership" "names the missing record"
dump > "$T/after.sql"
same_files "$T/before.sql" "$T/after.sql" "rejected loads leave the PostgreSQL database unchanged"

# a write the server refuses halfway (a test trigger): all or nothing
pg_sql reg "CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS
  \$\$BEGIN IF NEW.id = 'gm0034-boom' THEN RAISE EXCEPTION 'test: refused'; END IF;
  RETURN NEW; END\$\$;
  CREATE TRIGGER boom BEFORE INSERT ON trip FOR EACH ROW EXECUTE FUNCTION boom();"
cat > "$T/boom.json" <<'JSON'
{"people": [{"id": "p-nieuw", "name": "Nieuwe Persoon", "organisation": "gm0034"}],
 "trips": [
 {"id": "gm0034-aaa-first", "organisation": "gm0034", "title": "Eerst", "direction": "out",
  "status": "draft", "destinations": [{"country": "BE"}]},
 {"id": "gm0034-boom", "organisation": "gm0034", "title": "Boem", "direction": "out",
  "status": "draft", "destinations": [{"country": "BE"}]}
]}
JSON
dump > "$T/before.sql"
expect_exit 3 "a load the database refuses halfway fails" -- "$RR_BIN" load --db "$PG" "$T/boom.json"
contains "$T/err" "test: refused" "the database's reason is shown"
dump > "$T/after.sql"
same_files "$T/before.sql" "$T/after.sql" "the records written before the refusal were rolled back"
pg_sql reg "DROP TRIGGER boom ON trip; DROP FUNCTION boom()"

# the audit log is append-only in the database itself
n=$(pg_sql reg "SELECT count(*) FROM audit")
[ "$n" -gt 50 ] && ok "every write was logged ($n entries)" || notok "writes logged" "$n"
for stmt in "UPDATE audit SET actor = 'x'" "DELETE FROM audit" "TRUNCATE audit"; do
	if pg_sql reg "$stmt" >/dev/null 2>"$T/err"; then
		notok "the audit log refuses: $stmt"
	else
		contains "$T/err" "append-only" "the audit log refuses: $stmt"
	fi
done
[ "$(pg_sql reg "SELECT count(*) FROM audit")" = "$n" ] && ok "the audit log kept every entry" \
	|| notok "the audit log kept every entry"

# accounts on PostgreSQL
echo "een lang wachtwoord" > "$T/pw"
expect_exit 0 "user add on PostgreSQL" -- sh -c "\"$RR_BIN\" user add anna --db \"$PG\" --organisation gm0034 --role redacteur --password-stdin < \"$T/pw\""
expect_exit 1 "the same user twice is refused" -- sh -c "\"$RR_BIN\" user add anna --db \"$PG\" --organisation gm0034 --role redacteur --password-stdin < \"$T/pw\""
"$RR_BIN" user add anna --db "$SQ" --organisation gm0034 --role redacteur --password-stdin < "$T/pw" >/dev/null 2>&1
"$RR_BIN" user grant anna --db "$SQ" --organisation pv26 --role lezer >/dev/null 2>&1
expect_exit 0 "user grant on PostgreSQL" -- "$RR_BIN" user grant anna --db "$PG" --organisation pv26 --role lezer
compare "user list is identical" user list
expect_exit 0 "audit of one record on PostgreSQL" -- "$RR_BIN" audit --db "$PG" --kind trip --id gm0034-2023-madrid
contains "$T/out" '"actor":"cli:load"' "the audit names the loader"

# a server that is not there
expect_exit 3 "an unreachable server is an error, not a crash" -- "$RR_BIN" export --db "postgresql://rr@127.0.0.1:1/none?connect_timeout=2"
contains "$T/err" "cannot connect" "says it cannot connect"
expect_exit 3 "a password never shows in messages" -- "$RR_BIN" export --db "postgresql://rr:geheim@127.0.0.1:1/none?connect_timeout=2"
lacks "$T/err" "geheim" "the password is masked"
expect_exit 0 "a URL with a password" -- "$RR_BIN" init --db "postgresql://rr:geheim@127.0.0.1:$PGPORT/reg"
contains "$T/out" "postgresql://rr:***@127.0.0.1:$PGPORT/reg: schema version" "init names the database without its password"

# import on PostgreSQL gives what it gives on SQLite (originals kept too)
SEEDS=${SEEDS:-$PWD/../shared/seeds}
if [ -d "$SEEDS" ]; then
	for db in "$SQ" "$PG"; do
		"$RR_BIN" import --db "$db" --organisation gm0034 "$SEEDS"/000_*.txt "$SEEDS"/001_*.txt \
			"$SEEDS"/004_*.txt > "$T/imp.out" 2>&1 || notok "import into $db" "$(cat "$T/imp.out")"
	done
	compare "import then export is identical" export
	nf=$(sqlite3 "$SQ" "SELECT count(*) FROM document_file")
	[ "$nf" -gt 0 ] && [ "$(pg_sql reg "SELECT count(*) FROM document_file")" = "$nf" ] \
		&& ok "both keep the $nf original files" || notok "original files kept" "$nf"
else
	notok "import on PostgreSQL needs the seeds in $SEEDS"
fi

# copy: any backend into an empty one, all or nothing
CP=$(pg_db copy2)
expect_exit 0 "copy SQLite -> PostgreSQL" -- "$RR_BIN" copy --from "$SQ" --to "$CP"
contains "$T/out" "users" "copy reports what it copied"
"$RR_BIN" export --db "$SQ" > "$T/c1.json"
"$RR_BIN" export --db "$CP" > "$T/c2.json"
same_files "$T/c1.json" "$T/c2.json" "the copy exports byte-identically"
"$RR_BIN" user list --db "$CP" > "$T/u2.txt"
"$RR_BIN" user list --db "$SQ" > "$T/u1.txt"
same_files "$T/u1.txt" "$T/u2.txt" "accounts and roles are copied"
sqlite3 "$SQ" "SELECT document, sha256, hex(bytes) FROM document_file ORDER BY document" | tr 'A-F' 'a-f' > "$T/f1.txt"
pg_sql copy2 "SELECT document, sha256, encode(bytes, 'hex') FROM document_file ORDER BY document" > "$T/f2.txt"
[ -s "$T/f1.txt" ] && same_files "$T/f1.txt" "$T/f2.txt" "original files are copied byte for byte" \
	|| notok "original files are copied" "no files"
SQ2="$T/back.db"
expect_exit 0 "copy PostgreSQL -> SQLite" -- "$RR_BIN" copy --from "$CP" --to "$SQ2"
"$RR_BIN" export --db "$SQ2" > "$T/c3.json"
same_files "$T/c1.json" "$T/c3.json" "and back: still byte-identical"
"$RR_BIN" export --db "$CP" > "$T/c4.json"
dump2() { "$PGBIN/pg_dump" -h 127.0.0.1 -p "$PGPORT" -U rr --data-only copy2 | grep -v -e '^\\\(un\)\?restrict ' -e '^SELECT pg_catalog.setval'; }
dump2 > "$T/before.sql"
expect_exit 1 "copy into a register that is not empty is refused" -- "$RR_BIN" copy --from "$SQ" --to "$CP"
contains "$T/err" "copy only into an empty register" "says why"
dump2 > "$T/after.sql"
same_files "$T/before.sql" "$T/after.sql" "the refused copy wrote nothing"
expect_exit 2 "copy without --to is a usage error" -- "$RR_BIN" copy --from "$SQ"

# suites that take their database from RR_TEST_DB, again on PostgreSQL
for s in remind; do
	url=$(pg_db "suite_$s") || { notok "postgresql: database for $s"; continue; }
	RR_TEST_DB="$url" sh "$(dirname "$0")/$s.sh" > "$T/$s.out" 2>&1
	rc=$?
	sed -n -e 's/^ok - /ok - postgresql: '"$s"': /p' -e 's/^not ok - /not ok - postgresql: '"$s"': /p' \
		-e '/^#/p' "$T/$s.out"
	[ "$rc" -eq 0 ] || grep -q '^not ok ' "$T/$s.out" || notok "postgresql: $s exited $rc"
done

# the store's unit tests again, on PostgreSQL (teststore.h reads RR_TEST_PG_URL)
TB=$(dirname "$RR_BIN")/tests
for u in test_store test_auth test_bodies test_evaluation; do
	if [ ! -x "$TB/$u" ]; then
		notok "postgresql: $u is built" "no $TB/$u: run make unit with the same BUILD"
		continue
	fi
	url=$(pg_db "unit_$u") || { notok "postgresql: database for $u"; continue; }
	RR_TEST_PG_URL="$url" "$TB/$u" > "$T/$u.out" 2>&1
	rc=$?
	sed -n -e 's/^\[       OK \] \(.*\)/ok - postgresql: '"$u"': \1/p' \
		-e 's/^\[  FAILED  \] \([^0-9].*\)/not ok - postgresql: '"$u"': \1/p' "$T/$u.out"
	if [ "$rc" -ne 0 ]; then
		notok "postgresql: $u exited $rc" "$(grep -E 'ERROR|error|Sanitizer|FAIL' "$T/$u.out" | head -n 10)"
	fi
done
