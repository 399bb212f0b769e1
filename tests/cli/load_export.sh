#!/bin/sh
# Black-box tests of init, load, export and show on the example register.
. "$(dirname "$0")/lib.sh"

DB="$T/r.db"
expect_exit 0 "init creates a database" -- "$RR_BIN" init --db "$DB"
expect_exit 0 "init again is a no-op" -- "$RR_BIN" init --db "$DB"
expect_exit 0 "load the examples" -- "$RR_BIN" load --db "$DB" "$EXAMPLES"/*.json
expect_exit 0 "load the examples again (upsert)" -- "$RR_BIN" load --db "$DB" "$EXAMPLES"/*.json
contains "$T/out" "unchanged" "a second load reports records unchanged"

expect_exit 0 "export json" -- "$RR_BIN" export --db "$DB"
cp "$T/out" "$T/export1.json"
n=$(grep -c '"direction":' "$T/export1.json")
if [ "$n" -ge 5 ]; then ok "examples hold at least 5 trips ($n)"; else notok "examples hold at least 5 trips" "$n"; fi

DB2="$T/r2.db"
"$RR_BIN" init --db "$DB2" >/dev/null
expect_exit 0 "load the export into an empty database" -- "$RR_BIN" load --db "$DB2" "$T/export1.json"
"$RR_BIN" export --db "$DB2" > "$T/export2.json"
same_files "$T/export1.json" "$T/export2.json" "export -> load -> export is byte-identical"

REISREGISTER_DB="$DB" "$RR_BIN" export > "$T/export3.json"
same_files "$T/export1.json" "$T/export3.json" "--db defaults to \$REISREGISTER_DB"

expect_exit 0 "export csv" -- "$RR_BIN" export --db "$DB" --format csv --organisation gm0034 --year 2023
head -n 1 "$T/out" | grep -q '^id,organisation,title,kind,direction,status,public,start,end' \
	&& ok "csv has a header row" || notok "csv has a header row" "$(head -n 1 "$T/out")"
rows=$(($(wc -l < "$T/out") - 1))
[ "$rows" -ge 3 ] && ok "csv has a row per 2023 Almere trip ($rows)" || notok "csv rows" "$rows"
if tr -d '\n' < "$T/out" | grep -q "$(printf '\r')"; then ok "csv lines end in CRLF"; else notok "csv lines end in CRLF"; fi

expect_exit 0 "export --public-only" -- "$RR_BIN" export --db "$DB" --public-only
lacks "$T/out" '"public": false' "public-only export has no unpublished record"

expect_exit 0 "show prints the register" -- "$RR_BIN" show --db "$DB"
contains "$T/out" "Gemeente Almere" "show names the body"

# Bad input: exit 1, every problem named, the database byte-for-byte unchanged.
cat > "$T/bad.json" <<'JSON'
{"trips": [
 {"id": "gm0034-bad-dates", "organisation": "gm0034", "title": "Omgekeerd", "direction": "out",
  "status": "completed", "public": true, "start": "2023-05-15", "end": "2023-05-13"},
 {"id": "gm0034-bad-country", "organisation": "gm0034", "title": "Nergensland", "direction": "out",
  "status": "draft", "destinations": [{"country": "XY"}]},
 {"id": "gm0034-bad-day", "organisation": "gm0034", "title": "Februari", "direction": "out",
  "status": "draft", "start": "2023-02-30"}
]}
JSON
sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null 2>&1
cp "$DB" "$T/before.db"
expect_exit 1 "a load with bad records exits 1" -- "$RR_BIN" load --db "$DB" "$T/bad.json"
contains "$T/err" "gm0034-bad-dates: end: 2023-05-13 is before start 2023-05-15" "names record and field (end before start)"
contains "$T/err" "gm0034-bad-country: destinations[0].country: 'XY' is not an ISO 3166-1" "names record and field (country)"
contains "$T/err" "gm0034-bad-day: start: '2023-02-30' is not a date: that day does not exist" "names record and field (30 February)"
contains "$T/err" "nothing was written" "says nothing was written"
sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null 2>&1
same_files "$T/before.db" "$DB" "a rejected load leaves the database byte-for-byte unchanged"

# One good file and one bad file: still nothing written.
cat > "$T/good.json" <<'JSON'
{"trips": [{"id": "gm0034-new-good", "organisation": "gm0034", "title": "Goed", "direction": "out", "status": "draft"}]}
JSON
expect_exit 1 "good + bad file: refused" -- "$RR_BIN" load --db "$DB" "$T/good.json" "$T/bad.json"
"$RR_BIN" export --db "$DB" > "$T/after.json"
lacks "$T/after.json" "gm0034-new-good" "all or nothing across files"

# Files are read one record at a time: standard input, forward references
# across files, ids given twice, errors found only in the transaction.
"$RR_BIN" export --db "$DB" > "$T/base.json"
cat > "$T/ref.json" <<'JSON'
{"trips": [{"id": "gm0034-stream-ref", "organisation": "gm0034", "title": "Verwijst",
  "direction": "out", "status": "draft", "partnership": "gm0034-stream-p"}]}
JSON
cat > "$T/part.json" <<'JSON'
{"partnerships": [{"id": "gm0034-stream-p", "organisation": "gm0034", "type": "sister_city",
  "partner": {"name": "Oslo", "country": "NO"}}]}
JSON
cp "$DB" "$T/stream.db"
expect_exit 0 "a reference to a record in a later file" -- "$RR_BIN" load --db "$T/stream.db" "$T/ref.json" "$T/part.json"
expect_exit 0 "load from standard input" -- sh -c "\"\$1\" load --db \"\$2\" - < \"\$3\"" sh "$RR_BIN" "$T/stream.db" "$T/export1.json"
contains "$T/out" "unchanged" "standard input: the export loads unchanged"
expect_exit 1 "an id in two files is refused" -- "$RR_BIN" load --db "$T/stream.db" "$T/ref.json" "$T/ref.json"
contains "$T/err" "trip gm0034-stream-ref: given in two files" "names the id given in two files"
printf '{"trips": [{"id": "gm0034-dup", "organisation": "gm0034", "title": "A", "direction": "out", "status": "draft"},\n{"id": "gm0034-dup", "organisation": "gm0034", "title": "B", "direction": "out", "status": "draft"}]}\n' > "$T/dup.json"
expect_exit 1 "an id twice in one file is refused" -- "$RR_BIN" load --db "$T/stream.db" "$T/dup.json"
contains "$T/err" "id: 'gm0034-dup' appears twice in trips" "names the id given twice"
printf '{"trips": [\n  {"id": "gm0034-ok", "organisation": "gm0034", "title": "A", "direction": "out", "status": "draft"},\n  {"id": "gm0034-x", "title": tru}\n]}\n' > "$T/syntax.json"
expect_exit 1 "a syntax error in the second record" -- "$RR_BIN" load --db "$T/stream.db" "$T/syntax.json"
contains "$T/err" "syntax.json: line 3, column" "the file's own line of a syntax error in a record"
printf '{"trips": [], "trips": []}' > "$T/twice.json"
expect_exit 1 "a kind given twice in a file" -- "$RR_BIN" load --db "$T/stream.db" "$T/twice.json"
printf '{"trips": {}}' > "$T/notarray.json"
expect_exit 1 "a kind that is not an array" -- "$RR_BIN" load --db "$T/stream.db" "$T/notarray.json"
contains "$T/err" "trips must be an array" "says the kind must be an array"
# a good record first, then one whose reference is missing: found while
# writing, and the transaction is undone
cat > "$T/late.json" <<'JSON'
{"trips": [{"id": "gm0034-aaa-good", "organisation": "gm0034", "title": "Goed", "direction": "out", "status": "draft"},
 {"id": "gm0034-zzz-bad", "organisation": "gm0034", "title": "Fout", "direction": "out", "status": "draft", "partnership": "nergens"}]}
JSON
sqlite3 "$T/stream.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null 2>&1
cp "$T/stream.db" "$T/stream-before.db"
expect_exit 1 "a missing reference found while writing" -- "$RR_BIN" load --db "$T/stream.db" "$T/late.json"
contains "$T/err" "trip gm0034-zzz-bad: partnership: no partnership with id 'nergens'" "names the missing reference"
contains "$T/err" "nothing was written" "a late problem: says nothing was written"
sqlite3 "$T/stream.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null 2>&1
same_files "$T/stream-before.db" "$T/stream.db" "a late problem leaves the database byte-for-byte unchanged"

printf '{"trips": [' > "$T/broken.json"
expect_exit 1 "malformed JSON exits 1" -- "$RR_BIN" load --db "$DB" "$T/broken.json"
contains "$T/err" "broken.json: line" "malformed JSON: file, line and column"
head -c 2000 /dev/urandom > "$T/binary.json"
expect_exit 1 "binary file exits 1" -- "$RR_BIN" load --db "$DB" "$T/binary.json"
expect_exit 1 "missing file exits 1" -- "$RR_BIN" load --db "$DB" "$T/nope.json"
expect_exit 1 "missing database exits 1" -- "$RR_BIN" export --db "$T/none.db"
contains "$T/err" "reisregister init" "missing database: says how to create it"

expect_exit 2 "no files: usage error" -- "$RR_BIN" load --db "$DB"
expect_exit 2 "unknown option: usage error" -- "$RR_BIN" export --db "$DB" --format xml
expect_exit 2 "unknown command" -- "$RR_BIN" fly
for c in init load export show; do
	expect_exit 0 "$c --help" -- "$RR_BIN" $c --help
	contains "$T/out" "usage: reisregister $c" "$c --help prints usage"
done
