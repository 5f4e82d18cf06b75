#!/usr/bin/env bash
# Import then export gives the same data back, for every well-formed fixture:
# same header, same rows, byte-identical values (Windows-1252 comes back as UTF-8).
. "$(dirname "$0")/lib.sh"

roundtrip() { # FIXTURE ENCODING DELIMITER [import options]
	local fx=$1 enc=$2 delim=$3
	shift 3
	local ws="$WORK/$fx.steward" out="$WORK/out-$fx"
	run import "$ws" "$FIXTURES/$fx" "$@"
	check "$fx: import succeeds" status_is 0
	run export "$ws" --out "$out"
	check "$fx: export succeeds" status_is 0
	TESTS=$((TESTS + 1))
	if ! python3 "$(dirname "$0")/csvsame.py" "$FIXTURES/$fx" "$enc" "$delim" "$out/records.csv" >"$WORK/cmp" 2>&1; then
		cat "$WORK/cmp" >&2
		fail "$fx: exported data differs from the original"
	fi
}

roundtrip salesforce_contacts.csv utf-8 comma
roundtrip hubspot_semicolon_bom.csv utf-8-sig semicolon
roundtrip zoho_cp1252.csv cp1252 comma
roundtrip dynamics_tab.tsv utf-8 tab
roundtrip pipedrive_pipe_cr.csv utf-8 pipe
roundtrip excel_sep_hint.csv utf-8 semicolon
roundtrip mixed_line_endings.csv utf-8 comma
roundtrip no_header.csv utf-8 comma

# The exported header is the original header, in order, byte for byte.
head -1 "$WORK/out-salesforce_contacts.csv/records.csv" | tr -d '\r' >"$WORK/h1"
head -1 "$FIXTURES/salesforce_contacts.csv" | tr -d '\r' >"$WORK/h2"
check "header identical" cmp -s "$WORK/h1" "$WORK/h2"

# Windows-1252 comes back as UTF-8 and the source records the conversion.
check "cp1252 decoded" grep -q "François,Lefèvre" "$WORK/out-zoho_cp1252.csv/records.csv"
check "cp1252 smart quotes" grep -q "“Quoted” Ltd" "$WORK/out-zoho_cp1252.csv/records.csv"
check "conversion recorded" [ "$(sql "$WORK/zoho_cp1252.csv.steward" 'SELECT encoding||converted FROM source')" = "windows-12521" ]

# Export refuses a non-empty folder without --force, and is atomic.
run export "$WORK/salesforce_contacts.csv.steward" --out "$WORK/out-salesforce_contacts.csv"
check "non-empty folder refused" status_is 1
check "non-empty folder message" err_has "the folder is not empty; use --force"
run export "$WORK/salesforce_contacts.csv.steward" --out "$WORK/out-salesforce_contacts.csv" --force
check "--force overwrites" status_is 0
check "no temporary files left" [ -z "$(ls "$WORK/out-salesforce_contacts.csv" | grep tmp)" ]

# Two sources with different columns export to one file each.
run import "$WORK/two.steward" "$FIXTURES/salesforce_contacts.csv" "$FIXTURES/dynamics_tab.tsv"
check "two sources import" status_is 0
run export "$WORK/two.steward" --out "$WORK/two"
check "two records files" [ "$(ls "$WORK/two" | grep -c '^records')" -eq 2 ]
check "per-source names" out_has "records-2-dynamics_tab.tsv.csv: 2 rows"
finish
