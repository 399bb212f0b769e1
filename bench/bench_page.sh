#!/bin/sh
# Benchmark: reisregister serve against nginx serving the same bytes of
# /o/gm0034/2023 as a static file, with wrk, in one run. Prints requests/s
# of both and the ratio (target >= 0.9). Installs wrk and nginx-light with
# apt-get when they are missing (as root; benchmarks only, not deps.sh).
# Usage: bench/bench_page.sh [DURATION]   (default 10s)
set -eu
DUR=${1:-10s}
missing=""
for t in wrk nginx curl; do command -v $t >/dev/null 2>&1 || [ -x /usr/sbin/$t ] || missing="$missing $t"; done
if [ -n "$missing" ] && [ "$(id -u)" = 0 ]; then
	apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends wrk nginx-light curl >/dev/null
	missing=""
	for t in wrk nginx curl; do command -v $t >/dev/null 2>&1 || [ -x /usr/sbin/$t ] || missing="$missing $t"; done
fi
if [ -n "$missing" ]; then
	echo "bench_page: missing:$missing. Install with:" >&2
	echo "  apt-get install -y wrk nginx-light curl" >&2
	exit 1
fi
NGINX=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)
W=$(mktemp -d "${TMPDIR:-/tmp}/rr-bench.XXXXXX")
RR_PID=""; NG_PID=""
cleanup() {
	[ -n "$RR_PID" ] && kill "$RR_PID" 2>/dev/null && wait "$RR_PID" 2>/dev/null
	[ -n "$NG_PID" ] && kill "$NG_PID" 2>/dev/null
	rm -rf "$W"
}
trap cleanup EXIT INT TERM

echo "building an optimised binary in build-bench/ ..."
make --no-print-directory BUILD=build-bench OPT="-O2 -DNDEBUG" build-bench/reisregister >/dev/null
BIN=$PWD/build-bench/reisregister
"$BIN" init --db "$W/demo.db" >/dev/null
"$BIN" load --db "$W/demo.db" examples/*.json >/dev/null
P1=$((30000 + $$ % 5000)); P2=$((P1 + 1))
"$BIN" serve --db "$W/demo.db" --listen 127.0.0.1:$P1 2>/dev/null &
RR_PID=$!
i=0; until curl -s -o /dev/null http://127.0.0.1:$P1/; do i=$((i + 1)); [ $i -gt 100 ] && exit 1; sleep 0.1; done
mkdir -p "$W/www/o/gm0034"
curl -s -o "$W/www/o/gm0034/2023" http://127.0.0.1:$P1/o/gm0034/2023
cat > "$W/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $W/nginx.pid;
error_log $W/nginx.err;
events { worker_connections 1024; }
http {
	access_log off;
	default_type text/html;
	client_body_temp_path $W/tmp; proxy_temp_path $W/tmp; fastcgi_temp_path $W/tmp;
	uwsgi_temp_path $W/tmp; scgi_temp_path $W/tmp;
	server { listen 127.0.0.1:$P2; root $W/www; etag on; }
}
CONF
mkdir -p "$W/tmp"
"$NGINX" -c "$W/nginx.conf" -p "$W" &
NG_PID=$!
i=0; until curl -s -o /dev/null http://127.0.0.1:$P2/o/gm0034/2023; do i=$((i + 1)); [ $i -gt 100 ] && exit 1; sleep 0.1; done
echo "page: $(wc -c < "$W/www/o/gm0034/2023") bytes; wrk -t2 -c32 -d$DUR; $(nproc) CPUs"
rps() { wrk -t2 -c32 -d"$DUR" "$1" | awk '/^Requests\/sec:/ {print $2}'; }
RR=$(rps http://127.0.0.1:$P1/o/gm0034/2023)
NG=$(rps http://127.0.0.1:$P2/o/gm0034/2023)
echo "reisregister: $RR requests/s"
echo "nginx:        $NG requests/s"
awk -v a="$RR" -v b="$NG" 'BEGIN { printf "ratio:        %.2f (target >= 0.9)\n", a / b }'
