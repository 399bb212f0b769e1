#!/bin/sh
# corpus.sh - imports every document of ../shared/corpus (and the seeds) for
# which tests/import/expected/ holds our record of its facts, and scores the
# import against it (tests/import/score.mjs, tests/import/README.md).
# Fails on any invented fact and when the share of right facts falls below
# tests/import/ratchet. RR_CORPUS_VERBOSE=1 prints every fact not right.
. "$(dirname "$0")/../cli/lib.sh"
SHARED=${SHARED:-$PWD/../shared}
EXP=tests/import/expected
[ -d "$SHARED/corpus" ] || { notok "corpus: $SHARED/corpus is missing"; exit 0; }
ls "$EXP"/*.json >/dev/null 2>&1 || { notok "corpus: no expected facts in $EXP"; exit 0; }

# One register holding the bodies the documents are imported for.
node -e '
const fs = require("fs"), path = require("path");
const dir = process.argv[1], seen = new Map();
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
	const o = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")).organisation;
	if (o && o.id && !seen.has(o.id)) seen.set(o.id, { id: o.id, name: o.name, kind: o.kind,
		country: o.country || "NL", ...(o.city ? { city: o.city } : {}) });
}
const kinds = new Set(["municipality", "province", "national", "other"]);
for (const o of seen.values()) if (!kinds.has(o.kind)) o.kind = "other";
fs.writeFileSync(process.argv[2], JSON.stringify({ organisations: [...seen.values()] }));
' "$EXP" "$T/orgs.json"
"$RR_BIN" init --db "$T/r.db" >/dev/null && "$RR_BIN" load --db "$T/r.db" "$T/orgs.json" >/dev/null \
	|| { notok "corpus: the bodies could not be loaded" "$(cat "$T/orgs.json" | head -c 400)"; exit 0; }

mkdir -p "$T/actual"
failed=""
for e in "$EXP"/*.json; do
	n=$(basename "$e" .json)
	file=$(node -e 'const x=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(x.file||"")' "$e")
	org=$(node -e 'const x=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(x.organisation.id)' "$e")
	date=$(node -e 'const x=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(x.import_date||"")' "$e")
	case "$n" in seed*) src="$SHARED/seeds/$file" ;; *) src="$SHARED/corpus/$file" ;; esac
	if [ ! -f "$src" ]; then failed="$failed $n(no file)"; continue; fi
	set -- --db "$T/r.db" --organisation "$org" --dry-run --json
	[ -n "$date" ] && set -- "$@" --date "$date"
	if ! "$RR_BIN" import "$@" "$src" >"$T/actual/$n.json" 2>"$T/err"; then
		failed="$failed $n"
		echo "# $n: $(head -c 300 "$T/err")"
		: >"$T/actual/$n.json"
	fi
done
if [ -z "$failed" ]; then ok "corpus: every document imports"; else notok "corpus: import failed for$failed"; fi
v=""
[ -n "$RR_CORPUS_VERBOSE" ] && v=--verbose
node tests/import/score.mjs "$EXP" "$T/actual" --ratchet tests/import/ratchet $v | sed 's/^\([^on]\)/# \1/'
