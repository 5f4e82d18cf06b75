#!/usr/bin/env bash
# Import speed: steward import of a generated 1,000,000-row contacts export,
# against the sqlite3 command-line shell's .import of the same file into a
# plain table, in the same run. Prints both times, the ratio and steward's
# peak memory. Targets: ratio <= 1.5, peak memory < 200 MiB.
#
# usage: tests/bench/import.sh [ROWS]   (run ./dev build first)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
steward=${STEWARD:-$root/build/ui/steward}
rows=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$steward" sample --kind contacts --rows "$rows" --dup-rate 0.2 --seed 42 --out "$work/contacts.csv" >/dev/null
size=$(stat -c %s "$work/contacts.csv")
echo "import benchmark: $rows rows, $((size / 1000000)) MB ($(head -1 "$work/contacts.csv" | tr -d '\r' | tr ',' '\n' | wc -l) columns)"
# Warm the page cache so both runs read from memory.
cat "$work/contacts.csv" >/dev/null

ref=$(python3 "$here/measure.py" "sqlite3 .import" sqlite3 "$work/ref.db" ".mode csv" ".import $work/contacts.csv contacts")
out=$(python3 "$here/measure.py" "steward import" "$steward" import "$work/c.steward" "$work/contacts.csv")
echo "$ref"
echo "$out"
t_ref=$(awk '{print $(NF-3)}' <<<"$ref")
t_stw=$(awk '{print $(NF-3)}' <<<"$out")
mem=$(awk '{print $(NF-1)}' <<<"$out")
ratio=$(python3 -c "print(f'{$t_stw / $t_ref:.2f}')")
echo "ratio steward/sqlite3: $ratio (target <= 1.5); steward peak memory: $mem MiB (target < 200)"
imported=$(sqlite3 "$work/c.steward" 'SELECT count(*) FROM record')
quarantined=$(sqlite3 "$work/c.steward" 'SELECT count(*) FROM quarantine')
echo "rows imported: $imported, quarantined: $quarantined"
