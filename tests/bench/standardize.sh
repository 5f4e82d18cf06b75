#!/usr/bin/env bash
# Standardize + validate speed: a generated 1,000,000-row contacts export is
# imported, then `steward standardize` computes every proposal and finding
# (one pass over the current values, checks on two threads, one writer).
# The same script times the sqlite3 shell's .import of the same file.
# Prints standardize+validate throughput in rows/s and the ratio
# (import + standardize + validate) / sqlite3 .import. Target: <= 3.
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
imp=$(python3 "$here/measure.py" "steward import" "$steward" import "$work/c.steward" "$work/contacts.csv")
# Staleness is measured on a fixed day so that the figures are reproducible.
std=$(STEWARD_TODAY=2026-01-01 python3 "$here/measure.py" "steward standardize" "$steward" standardize "$work/c.steward" --examples 0)
echo "$ref"
echo "$imp"
echo "$std"
t_ref=$(awk '{print $(NF-3)}' <<<"$ref")
t_imp=$(awk '{print $(NF-3)}' <<<"$imp")
t_std=$(awk '{print $(NF-3)}' <<<"$std")
python3 - "$rows" "$t_ref" "$t_imp" "$t_std" <<'PY'
import sys
rows, ref, imp, std = int(sys.argv[1]), *map(float, sys.argv[2:])
print(f"standardize + validate: {rows / std:,.0f} rows/s")
print(f"ratio (import + standardize + validate) / sqlite3 .import: {(imp + std) / ref:.2f} (target <= 3)")
PY
printf 'proposals: %s, findings: %s\n' \
  "$(sqlite3 "$work/c.steward" "SELECT count(*) FROM proposal WHERE status='open'")" \
  "$(sqlite3 "$work/c.steward" "SELECT count(*) FROM finding")"
