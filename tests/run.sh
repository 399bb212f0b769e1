#!/bin/sh
# Runs every test of reisregister and prints one summary line:
#   N passed, M failed
# Usage: tests/run.sh BUILD_DIR FUZZ_DIR
#   unit tests   BUILD_DIR/tests/test_*   (cmocka; each test case counts)
#   CLI tests    tests/cli/*.sh           (TAP-like "ok"/"not ok" lines)
#   HTTP tests   tests/http/*.sh          (same)
#   fuzz         FUZZ_DIR/fuzz_*          (bounded runs; one test each)
#   browser      tests/browser/*.mjs      (node; TAP-like lines)
BUILD=${1:-build/asan}
FUZZ=${2:-build/fuzz}
FUZZ_SECONDS=${RR_FUZZ_SECONDS:-20}
export RR_BIN="$PWD/$BUILD/reisregister"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
LOG=${RR_TEST_LOG:-build/test.log}
mkdir -p "$(dirname "$LOG")"
: > "$LOG"
pass=0
fail=0
failed_names=""

count_tap() { # file label
	p=$(grep -c '^ok ' "$1")
	f=$(grep -c '^not ok ' "$1")
	pass=$((pass + p))
	fail=$((fail + f))
	if [ "$f" -gt 0 ]; then
		failed_names="$failed_names $2"
		grep '^not ok ' "$1" | sed 's/^/    /'
	fi
}

for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	out=$(mktemp)
	"$t" >"$out" 2>&1
	rc=$?
	cat "$out" >> "$LOG"
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$out" | awk '{s+=$1} END {print s+0}')
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$out" | awk '{s+=$1} END {print s+0}')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	printf '%-40s %3d passed, %d failed\n' "$(basename "$t")" "$p" "$f"
	if [ "$f" -gt 0 ]; then
		failed_names="$failed_names $(basename "$t")"
		grep -E '^\[  (FAILED|  ERROR) \]|error:|Error|runtime error|Sanitizer' "$out" | head -n 20 | sed 's/^/    /'
	fi
	pass=$((pass + p))
	fail=$((fail + f))
	rm -f "$out"
done

for dir in tests/cli tests/import tests/http; do
	for t in "$dir"/*.sh; do
		[ -f "$t" ] || continue
		case "$t" in */lib.sh|*/pglib.sh) continue ;; esac
		out=$(mktemp)
		sh "$t" >"$out" 2>&1
		rc=$?
		cat "$out" >> "$LOG"
		if [ "$rc" -ne 0 ] && ! grep -q '^not ok ' "$out"; then
			echo "not ok - $(basename "$t") exited $rc" >> "$out"
			tail -n 15 "$out" | sed 's/^/    /'
		fi
		printf '%-40s %3d passed, %d failed\n' "$(basename "$t")" \
			"$(grep -c '^ok ' "$out")" "$(grep -c '^not ok ' "$out")"
		count_tap "$out" "$(basename "$t")"
		rm -f "$out"
	done
done

for fz in "$FUZZ"/fuzz_*; do
	[ -x "$fz" ] || continue
	n=$(basename "$fz")
	corpus=tests/fuzz/corpus/${n#fuzz_}
	work=$(mktemp -d)
	[ -d "$corpus" ] && cp -r "$corpus"/. "$work"/ 2>/dev/null
	mkdir -p "$FUZZ/artifacts"
	if "$fz" -max_total_time="$FUZZ_SECONDS" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$FUZZ/artifacts/$n-" "$work" >>"$LOG" 2>&1; then
		echo "ok - $n ran ${FUZZ_SECONDS}s clean" > "$work.out"
	else
		echo "not ok - $n found a crash or hang (input saved in $FUZZ/artifacts/)" > "$work.out"
		tail -n 30 "$LOG" | sed 's/^/    /'
	fi
	printf '%-40s %s\n' "$n" "$(cat "$work.out")"
	count_tap "$work.out" "$n"
	rm -rf "$work" "$work.out"
done

if [ -d tests/browser ] && [ -z "$RR_SKIP_BROWSER" ]; then
	for t in tests/browser/*.test.mjs; do
		[ -f "$t" ] || continue
		out=$(mktemp)
		timeout 600 node "$t" >"$out" 2>&1
		rc=$?
		cat "$out" >> "$LOG"
		if [ "$rc" -ne 0 ] && ! grep -q '^not ok ' "$out"; then
			echo "not ok - $(basename "$t") exited $rc" >> "$out"
			tail -n 15 "$out" | sed 's/^/    /'
		fi
		printf '%-40s %3d passed, %d failed\n' "$(basename "$t")" \
			"$(grep -c '^ok ' "$out")" "$(grep -c '^not ok ' "$out")"
		count_tap "$out" "$(basename "$t")"
		rm -f "$out"
	done
fi

[ -n "$failed_names" ] && echo "failing:$failed_names"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
