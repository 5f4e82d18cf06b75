#!/usr/bin/env bash
# Match quality with the default rules, learning nothing from the answers:
# pairwise precision, recall and F1 of the clusters (every pair inside a
# cluster counts as predicted) against the ground truth, and the time of
# `steward match`, on
#   - FEBRL dataset 3 (deduplication, 5,000 records),
#   - FEBRL datasets 4a + 4b imported as two sources (linkage, 10,000 records),
#   - generated contacts (steward sample) with known duplicates.
# The FEBRL files are mapped with tests/bench/febrl.yaml (soc_sec_id unused).
# Usage: tests/bench/quality.sh [ROWS]   (generated rows, default 20000)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
STEWARD=${STEWARD:-$ROOT/build/ui/steward}
FEBRL=${FEBRL:-$ROOT/../shared/bench/febrl}
ROWS=${1:-20000}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

timed_match() { # WS: runs match, prints its wall time in seconds
	local t0 t1
	t0=$(date +%s.%N)
	"$STEWARD" match "$1" >"$WORK/match.out"
	t1=$(date +%s.%N)
	echo "$t1 - $t0" | bc
}

echo "== FEBRL dataset 3 (dedup)"
"$STEWARD" import "$WORK/f3.steward" "$FEBRL/febrl_dataset3.csv" --profile "$HERE/febrl.yaml" >/dev/null
t=$(timed_match "$WORK/f3.steward")
head -1 "$WORK/match.out"
python3 "$HERE/pairs_f1.py" "$WORK/f3.steward" febrl
echo "match time: ${t} s"

echo "== FEBRL datasets 4a + 4b (linkage, two sources)"
"$STEWARD" import "$WORK/f4.steward" "$FEBRL/febrl_dataset4a.csv" --profile "$HERE/febrl.yaml" >/dev/null
"$STEWARD" import "$WORK/f4.steward" "$FEBRL/febrl_dataset4b.csv" --profile "$HERE/febrl.yaml" >/dev/null
t=$(timed_match "$WORK/f4.steward")
head -1 "$WORK/match.out"
python3 "$HERE/pairs_f1.py" "$WORK/f4.steward" febrl
echo "match time: ${t} s"

echo "== generated contacts ($ROWS rows, 20% duplicates)"
"$STEWARD" sample --kind contacts --rows "$ROWS" --dup-rate 0.2 --seed 7 \
	--out "$WORK/gen.csv" --truth "$WORK/gen_truth.csv" >/dev/null
"$STEWARD" import "$WORK/gen.steward" "$WORK/gen.csv" >/dev/null
t=$(timed_match "$WORK/gen.steward")
head -1 "$WORK/match.out"
python3 "$HERE/pairs_f1.py" "$WORK/gen.steward" "$WORK/gen_truth.csv" external_id entity_id
echo "match time: ${t} s"
