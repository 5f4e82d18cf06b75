#!/usr/bin/env bash
# Speed of `steward match` on generated contacts with about 20% duplicates
# (typos, nicknames, swapped fields, reformatted phones, missing values):
# wall time and peak memory of the match alone (the import is not timed).
# Usage: tests/bench/match.sh [ROWS...]   (default: 100000 1000000)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
STEWARD=${STEWARD:-$ROOT/build/ui/steward}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ $# -gt 0 ] || set -- 100000 1000000
for rows in "$@"; do
	"$STEWARD" sample --kind contacts --rows "$rows" --dup-rate 0.2 --seed 11 \
		--out "$WORK/c.csv" >/dev/null
	rm -f "$WORK/c.steward"
	"$STEWARD" import "$WORK/c.steward" "$WORK/c.csv" >/dev/null
	/usr/bin/time -f "%e %M %U %S" -o "$WORK/time" "$STEWARD" match "$WORK/c.steward" >"$WORK/out"
	read -r secs kib usr sys <"$WORK/time"
	head -1 "$WORK/out"
	# CPU time too: on a shared machine the wall time says little alone.
	printf '%s contacts: match %.2f s wall (%.2f s user, %.2f s system), peak memory %.0f MiB\n' \
		"$rows" "$secs" "$usr" "$sys" "$(echo "$kib / 1024" | bc -l)"
done
