#!/usr/bin/env bash
# Console benchmark: builds a big workspace (default 1,000,000 records),
# then replays keystrokes on an off-screen 80x24 terminal and prints the time
# to the first screen and per keystroke (median, mean, max). Not a timed test.
#   tests/bench/console.sh [ROWS]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
STEWARD=${STEWARD:-$ROOT/build/ui/steward}
ROWS=${1:-1000000}
DIR=${BENCH_DIR:-$(mktemp -d)}
WS=$DIR/bench.steward
if [ ! -f "$WS" ]; then
	echo "building a workspace of $ROWS records in $DIR" >&2
	"$STEWARD" sample --out "$DIR/bench.csv" --rows "$ROWS" --seed 7 >/dev/null
	"$STEWARD" import "$WS" "$DIR/bench.csv" >/dev/null
	"$STEWARD" standardize "$WS" >/dev/null
	"$STEWARD" match "$WS" >/dev/null
fi
echo "console on $ROWS records (80x24)"
# Queue moves, paging, the cluster detail, field and record moves, filters,
# the Incomplete pane and its rules, the Log, and back.
KEYS='jjjjjjjjjj<PgDn><PgDn><PgDn><End><Home><Enter>jjjjllhh<Esc>ffffsss'
KEYS+='3jjjjj<PgDn>]]]jj[[<Home>4jjjj<PgDn>1255jjjj<Tab><Tab>'
"$STEWARD" --bench-keys "$KEYS" --size 80x24 "$WS"
[ -n "${BENCH_DIR:-}" ] || rm -rf "$DIR"
