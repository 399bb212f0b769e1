# lib.sh - shared helpers for the black-box CLI and HTTP tests.
# Each test prints "ok - NAME" or "not ok - NAME"; tests/run.sh counts them.
# RR_BIN is the binary under test.
: "${RR_BIN:=$PWD/build/asan/reisregister}"
T=$(mktemp -d "${TMPDIR:-/tmp}/rr-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
EXAMPLES=${EXAMPLES:-$PWD/examples}

ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; [ -n "$2" ] && printf '%s\n' "$2" | head -n 20 | sed 's/^/#   /'; }

# expect_exit CODE NAME -- CMD...   runs CMD, captures out/err in $T/out $T/err
expect_exit() {
	want=$1; name=$2; shift 3
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$name"; else
		notok "$name" "exit $got, wanted $want; stderr: $(cat "$T/err")"; fi
}

# contains FILE TEXT NAME
contains() {
	if grep -qF -- "$2" "$1"; then ok "$3"; else notok "$3" "'$2' not in: $(head -c 600 "$1")"; fi
}
lacks() {
	if grep -qF -- "$2" "$1"; then notok "$3" "'$2' unexpectedly in $1"; else ok "$3"; fi
}
same_files() { # A B NAME
	if cmp -s "$1" "$2"; then ok "$3"; else notok "$3" "$(diff "$1" "$2" | head -n 20)"; fi
}
