# pglib.sh - a private PostgreSQL server for one test script. Source it after
# lib.sh. pg_start runs initdb in a temporary folder and starts postgres on
# a free loopback port (as an unprivileged user when run as root); the
# server is stopped by its PID when the script exits. pg_db NAME creates a
# database and prints its URL.
#
# PostgreSQL comes from the Debian package postgresql ('make deps'); when
# it is missing the script reports "not ok" and stops.
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PGDIR=""
PGPORT=""
PGPID=""

pg_stop() {
	[ -n "$PGDIR" ] || return 0
	if [ -f "$PGDIR/data/postmaster.pid" ]; then
		PGPID=$(head -n 1 "$PGDIR/data/postmaster.pid")
		kill -INT "$PGPID" 2>/dev/null
		i=0
		while kill -0 "$PGPID" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	fi
	rm -rf "$PGDIR"
	PGDIR=""
}
trap 'pg_stop; rm -rf "$T"' EXIT

# pg_as CMD...: runs a server program as the unprivileged owner of PGDIR.
pg_as() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u "$PGUSER_OS" -- "$@"
	else
		"$@"
	fi
}

pg_start() {
	if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ] || [ ! -x "$PGBIN/postgres" ]; then
		notok "PostgreSQL is installed" "no initdb/postgres under /usr/lib/postgresql: run 'make deps'"
		exit 1
	fi
	PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/rr-pg.XXXXXX")
	PGUSER_OS=postgres
	id "$PGUSER_OS" >/dev/null 2>&1 || PGUSER_OS=nobody
	[ "$(id -u)" = 0 ] && chown "$PGUSER_OS" "$PGDIR"
	chmod 700 "$PGDIR"
	# a Dutch ICU collation where the server has one: records must still
	# come out in byte order (the schema says COLLATE "C")
	if ! pg_as "$PGBIN/initdb" -D "$PGDIR/data" -U rr --auth=trust -E UTF8 \
		--locale-provider=icu --icu-locale=nl-NL --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1; then
		rm -rf "$PGDIR/data"
		if ! pg_as "$PGBIN/initdb" -D "$PGDIR/data" -U rr --auth=trust -E UTF8 \
			--locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1; then
			notok "initdb" "$(tail -n 5 "$PGDIR/initdb.log")"
			exit 1
		fi
	fi
	for try in 1 2 3 4 5; do
		PGPORT=$(( ( $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 30000 ) + 20000 ))
		pg_as "$PGBIN/postgres" -D "$PGDIR/data" -p "$PGPORT" -k "$PGDIR" \
			-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
			-c full_page_writes=off >"$PGDIR/server.log" 2>&1 &
		i=0
		while [ $i -lt 100 ]; do
			if "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" -U rr 2>/dev/null; then
				PGPID=$(head -n 1 "$PGDIR/data/postmaster.pid")
				export PGPORT
				return 0
			fi
			# the server gave up (port taken): try another port
			kill -0 $! 2>/dev/null || break
			sleep 0.1
			i=$((i + 1))
		done
	done
	notok "PostgreSQL starts" "$(tail -n 5 "$PGDIR/server.log")"
	exit 1
}

# pg_db NAME: a new empty database; prints its URL.
pg_db() {
	"$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U rr "$1" || return 1
	echo "postgresql://rr@127.0.0.1:$PGPORT/$1"
}

# pg_sql DB SQL: runs SQL with psql, unaligned, no headers.
pg_sql() {
	"$PGBIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U rr -d "$1" -c "$2"
}
