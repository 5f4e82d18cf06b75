#!/usr/bin/env bash
# Listings stream: time and peak memory of `steward findings`, `clusters` and
# `pairs` (CSV and JSON) on generated workspaces of growing size. Memory
# should stay flat as the workspace grows.
#
# usage: tests/bench/listings.sh [ROWS...]   (default: 20000 200000; run ./dev build first)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
steward=${STEWARD:-$root/build/ui/steward}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(20000 200000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export STEWARD_TODAY=2026-01-01

for n in "${sizes[@]}"; do
	ws="$work/w$n.steward"
	"$steward" sample --rows "$n" --seed 5 --out "$work/c$n.csv" >/dev/null
	"$steward" import "$ws" "$work/c$n.csv" >/dev/null
	"$steward" standardize "$ws" >/dev/null
	"$steward" match "$ws" >/dev/null
	echo "$n records: $(sqlite3 "$ws" 'SELECT count(*) FROM finding') findings," \
	     "$(sqlite3 "$ws" 'SELECT count(*) FROM cluster_member') cluster members," \
	     "$(sqlite3 "$ws" 'SELECT count(*) FROM pair') pairs"
	for kind in findings clusters pairs; do
		for fmt in csv json; do
			python3 "$here/measure.py" "  $kind --$fmt" "$steward" "$kind" "$ws" "--$fmt"
		done
	done
done
