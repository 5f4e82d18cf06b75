#!/usr/bin/env bash
# Console benchmark: builds a big workspace (default 1,000,000 records),
# then replays keystrokes on an off-screen 80x24 terminal and prints the time
# to the first screen and per keystroke (median, mean, max). Not a timed test.
#   tests/bench/console.sh [ROWS]
# BENCH_DIR keeps the built workspace between runs; BENCH_WS names a
# matched workspace to use instead (it is copied, never changed).
#
# Two replays: moving around (the workspace is only read), then decisions
# (accept, reject, defer, undo, a fix and its undo) on a copy of the
# workspace, each keystroke timed on its own: a decision is written, the
# header and the Incomplete pane's counts follow it, the pane is redrawn.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
STEWARD=${STEWARD:-$ROOT/build/ui/steward}
ROWS=${1:-1000000}
DIR=${BENCH_DIR:-$(mktemp -d)}
WS=$DIR/bench.steward
if [ -n "${BENCH_WS:-}" ]; then
	WS=$BENCH_WS
elif [ ! -f "$WS" ]; then
	echo "building a workspace of $ROWS records in $DIR" >&2
	"$STEWARD" sample --out "$DIR/bench.csv" --rows "$ROWS" --seed 7 >/dev/null
	"$STEWARD" import "$WS" "$DIR/bench.csv" >/dev/null
	"$STEWARD" standardize "$WS" >/dev/null
	"$STEWARD" match "$WS" >/dev/null
fi
cleanup() {
	rm -f "$DIR/decide.steward" "$DIR/decide.steward-wal" "$DIR/decide.steward-shm"
	[ -n "${BENCH_DIR:-}" ] || rm -rf "$DIR"
}
trap cleanup EXIT
echo "console on $(sqlite3 "$WS" "select count(*) from rec where status='active'" 2>/dev/null || echo "$ROWS") records (80x24)"
# Queue moves, paging, the cluster detail, field and record moves, filters,
# the Incomplete pane and its rules, the Log, and back.
KEYS='jjjjjjjjjj<PgDn><PgDn><PgDn><End><Home><Enter>jjjjllhh<Esc>ffffsss'
KEYS+='3jjjjj<PgDn>]]]jj[[<Home>4jjjj<PgDn>1255jjjj<Tab><Tab>'
"$STEWARD" --bench-keys "$KEYS" --size 80x24 "$WS"

# Decisions, on a copy. The Incomplete pane is visited first so that its
# rule groups are counted once (and then only followed); on the queue:
# accept, reject, defer, accept, four undos; on the Incomplete pane's last
# group (fixes): apply one, undo it.
echo
echo "decisions on a copy (each keystroke; a accept, r reject, d defer, u undo)"
cp "$WS" "$DIR/decide.steward"
DKEYS='32jajrjdjauuuu3]]]]]]]]]]]]]]]]]]]]au'
"$STEWARD" --bench-keys "$DKEYS" --bench-each --size 80x24 "$DIR/decide.steward"
