#!/usr/bin/env bash
# Standardize + validate speed: a generated 1,000,000-row contacts export is
# imported (the import checks each row as it loads it: proposals and
# findings, checks on two threads, one writer), then `steward standardize`
# brings everything up to date (nothing left to do after such an import).
# The same script times the sqlite3 shell's .import of the same file, and a
# full recheck (`steward standardize --refresh`) on its own.
# Prints the ratio (import + standardize) / sqlite3 .import (target: <= 3)
# and the throughput of checking in rows/s, both within the import and as a
# full recheck.
#
# usage: tests/bench/standardize.sh [ROWS]   (run ./dev build first)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
steward=${STEWARD:-$root/build/ui/steward}
rows=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$steward" sample --kind contacts --rows "$rows" --dup-rate 0.2 --seed 42 --out "$work/contacts.csv" >/dev/null
size=$(stat -c %s "$work/contacts.csv")
echo "standardize benchmark: $rows rows, $((size / 1000000)) MB"
cat "$work/contacts.csv" >/dev/null   # warm the page cache

ref=$(python3 "$here/measure.py" "sqlite3 .import" sqlite3 "$work/ref.db" ".mode csv" ".import $work/contacts.csv contacts")
load=$(python3 "$here/measure.py" "steward import --no-check" "$steward" import "$work/n.steward" "$work/contacts.csv" --no-check)
rm -f "$work/n.steward"
# Staleness is measured on a fixed day so that the figures are reproducible.
export STEWARD_TODAY=2026-01-01
imp=$(python3 "$here/measure.py" "steward import (checks rows)" "$steward" import "$work/c.steward" "$work/contacts.csv")
std=$(python3 "$here/measure.py" "steward standardize" "$steward" standardize "$work/c.steward" --examples 0)
full=$(python3 "$here/measure.py" "steward standardize --refresh" "$steward" standardize "$work/c.steward" --examples 0 --refresh)
echo "$ref"
echo "$load"
echo "$imp"
echo "$std"
echo "$full"
t() { awk '{print $(NF-3)}' <<<"$1"; }
python3 - "$rows" "$(t "$ref")" "$(t "$load")" "$(t "$imp")" "$(t "$std")" "$(t "$full")" <<'PY'
import sys
rows, ref, load, imp, std, full = int(sys.argv[1]), *map(float, sys.argv[2:])
print(f"checking within the import: {rows / max(imp - load, 1e-9):,.0f} rows/s "
      f"({imp - load:.2f} s over a load without checks)")
print(f"standardize + validate, full recheck: {rows / full:,.0f} rows/s")
print(f"ratio (import + standardize + validate) / sqlite3 .import: {(imp + std) / ref:.2f} (target <= 3)")
PY
printf 'proposals: %s, findings: %s\n' \
  "$(sqlite3 "$work/c.steward" "SELECT count(*) FROM proposal WHERE status='open'")" \
  "$(sqlite3 "$work/c.steward" "SELECT count(*) FROM finding")"
