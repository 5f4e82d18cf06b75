# Helpers for the end-to-end tests: run steward, check output and status.
set -u
: "${STEWARD:?set STEWARD to the steward binary}"
: "${FIXTURES:?set FIXTURES to tests/fixtures}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
FAILS=0
TESTS=0

# run CMD...: runs steward, stdout to $WORK/out, stderr to $WORK/err, status in $RC
run() {
	"$STEWARD" "$@" >"$WORK/out" 2>"$WORK/err" </dev/null
	RC=$?
}

fail() {
	echo "FAIL: $*" >&2
	echo "--- stdout" >&2; cat "$WORK/out" >&2 2>/dev/null
	echo "--- stderr" >&2; cat "$WORK/err" >&2 2>/dev/null
	FAILS=$((FAILS + 1))
}

# check NAME CONDITION...: counts a check
check() {
	local name=$1
	shift
	TESTS=$((TESTS + 1))
	if "$@"; then :; else fail "$name"; fi
}

status_is() { [ "$RC" -eq "$1" ]; }
out_has() { grep -qF -- "$1" "$WORK/out"; }
err_has() { grep -qF -- "$1" "$WORK/err"; }
err_is() { [ "$(cat "$WORK/err")" = "$1" ]; }

sql() { sqlite3 "$1" "$2"; }

finish() {
	echo "$((TESTS - FAILS)) of $TESTS checks passed"
	[ "$FAILS" -eq 0 ]
}

# json_ok FILE: the file is one valid JSON document
json_ok() { python3 -m json.tool "$1" >/dev/null 2>&1; }
