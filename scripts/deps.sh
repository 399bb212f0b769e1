#!/bin/sh
# Installs the Debian packages reisregister needs to build and test, when
# they are missing. As root it runs apt-get; otherwise it prints the command.
set -e
PKGS="build-essential pkg-config clang libclang-rt-14-dev
libsqlite3-dev sqlite3 libpq-dev postgresql libjansson-dev libmicrohttpd-dev libcmark-dev
libsodium-dev libxml2-dev libstemmer-dev libcmocka-dev libxlsxwriter-dev unzip
iso-codes wdutch"
[ -n "$RR_EXTRA_PKGS" ] && PKGS="$PKGS $RR_EXTRA_PKGS"
if [ -f scripts/deps-extra.txt ]; then
	PKGS="$PKGS $(grep -v '^#' scripts/deps-extra.txt | tr '\n' ' ')"
fi
missing=""
for p in $PKGS; do
	# nodejs from another source may bring its own npm: the command is enough
	if [ "$p" = npm ] && command -v npm >/dev/null 2>&1; then continue; fi
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
		|| missing="$missing $p"
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ]; then
		echo "deps: installing$missing"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		apt-get install -y -qq --no-install-recommends $missing >/dev/null
	else
		echo "deps: missing Debian packages. Run as root:" >&2
		echo "  apt-get update && apt-get install -y$missing" >&2
		exit 1
	fi
fi
# Front-end packages (NL Design System CSS, browser-test tools) come from npm
# with the committed package-lock.json.
if [ -f package-lock.json ] && [ ! -d node_modules ] || \
   { [ -f package-lock.json ] && [ package-lock.json -nt node_modules ]; }; then
	if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
		echo "deps: installing nodejs npm"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
	fi
	if command -v npm >/dev/null 2>&1; then
		echo "deps: npm ci"
		npm ci --no-audit --no-fund --loglevel=error >/dev/null
	else
		echo "deps: npm is missing; install nodejs and npm" >&2
		exit 1
	fi
fi
