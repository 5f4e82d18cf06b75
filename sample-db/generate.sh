#!/bin/sh
# Regenerates the trainer's sample: contacts.csv and companies.csv (Salesforce
# layout) with their truth files, from `steward sample` with fixed seeds.
# The generator gives the same bytes on every machine, so running this must
# reproduce the committed files exactly (tests/e2e/sample.sh checks it).
#
# usage: sample-db/generate.sh [DIR]    writes into DIR (default: sample-db/)
# The binary is $STEWARD if set, else build/ui/steward, else steward on PATH.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-$here}
if [ -n "${STEWARD:-}" ]; then
	steward=$STEWARD
elif [ -x "$here/../build/ui/steward" ]; then
	steward=$here/../build/ui/steward
else
	steward=steward
fi
mkdir -p "$dir"

"$steward" sample --kind contacts --profile salesforce --rows 2000 --dup-rate 0.2 \
	--seed 2026 --out "$dir/contacts.csv" --truth "$dir/contacts.truth.csv"
"$steward" sample --kind companies --profile salesforce --rows 500 --dup-rate 0.2 \
	--seed 2026 --out "$dir/companies.csv" --truth "$dir/companies.truth.csv"
