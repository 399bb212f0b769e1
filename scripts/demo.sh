#!/bin/sh
# make demo: build, load examples/ into demo.db, then run the main job.
set -e
BIN=${1:-build/reisregister}
DB=${DEMO_DB:-demo.db}
rm -f "$DB" "$DB-wal" "$DB-shm"
"$BIN" init --db "$DB" >/dev/null
"$BIN" load --db "$DB" examples/*.json
if "$BIN" serve --help >/dev/null 2>&1; then
	LISTEN=${DEMO_LISTEN:-127.0.0.1:8080}
	echo "Serving the example register on http://$LISTEN/ (Ctrl-C stops)"
	exec "$BIN" serve --db "$DB" --listen "$LISTEN"
fi
"$BIN" show --db "$DB"
