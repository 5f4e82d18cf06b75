#!/usr/bin/env bash
# steward sample: reproducible bytes, usage errors, no partial files, output
# that import maps without help, and the committed sample-db kept in step.
. "$(dirname "$0")/lib.sh"
: "${SOURCE_ROOT:?set SOURCE_ROOT to the source tree}"

sha() { sha256sum "$1" | cut -d' ' -f1; }

# Same options, same bytes; another seed, other bytes.
run sample --rows 3000 --seed 42 --out a1.csv --truth t1.csv
check "sample exit 0" status_is 0
check "summary line" out_has "wrote 3000 contact rows (2400 entities, 600 duplicates, salesforce layout) to a1.csv, truth to t1.csv"
check "nothing on stderr" [ ! -s "$WORK/err" ]
run sample --rows 3000 --seed 42 --out a2.csv --truth t2.csv
check "same seed: same CSV" [ "$(sha a1.csv)" = "$(sha a2.csv)" ]
check "same seed: same truth" [ "$(sha t1.csv)" = "$(sha t2.csv)" ]
run sample --rows 3000 --seed 43 --out a3.csv --truth t3.csv
check "other seed: other CSV" [ "$(sha a1.csv)" != "$(sha a3.csv)" ]
check "other seed: other truth" [ "$(sha t1.csv)" != "$(sha t3.csv)" ]
check "truth header" [ "$(head -n 1 t1.csv)" = $'row,line,external_id,entity_id,is_duplicate,defects\r' ]
check "one truth row per data row" [ "$(($(wc -l <t1.csv) - 1))" = 3000 ]
check "no temporary files left" [ -z "$(ls ./*.tmp 2>/dev/null)" ]

# --help and usage errors (exit 2, one message naming the problem).
run sample --help
check "--help exit 0" status_is 0
check "--help usage" out_has "usage: steward sample --out FILE.csv"
check "--help lists defects" out_has "mojibake"
run sample --rows 0 --out x.csv
check "rows 0: exit 2" status_is 2
check "rows 0: message" err_has "--rows must be a whole number from 1 to 1000000000, not '0'"
run sample --dup-rate 2 --out x.csv
check "dup-rate 2: exit 2" status_is 2
check "dup-rate 2: message" err_has "--dup-rate must be a number from 0 to 0.9, not '2'"
run sample --profile frobnicate --out x.csv
check "unknown profile: exit 2" status_is 2
check "unknown profile: message" err_has "unknown --profile 'frobnicate'"
run sample --kind people --out x.csv
check "unknown kind: exit 2" status_is 2
run sample --rows 10
check "no --out: exit 2" status_is 2
check "no --out: message" err_has "--out is required"
run sample --out same.csv --truth same.csv
check "truth = out: exit 2" status_is 2
check "usage errors write nothing" [ -z "$(ls x.csv same.csv 2>/dev/null)" ]

# Unwritable output: exit 1, a message naming the file, nothing left behind,
# and a file already at the other path untouched.
run sample --rows 10 --out "$WORK/missing/x.csv"
check "unwritable out: exit 1" status_is 1
check "unwritable out: message" err_has "cannot create $WORK/missing/x.csv.tmp"
printf 'old\n' >keep.csv
run sample --rows 10 --out keep.csv --truth "$WORK/missing/t.csv"
check "unwritable truth: exit 1" status_is 1
check "unwritable truth: message" err_has "cannot create $WORK/missing/t.csv.tmp"
check "unwritable truth: output untouched" [ "$(cat keep.csv)" = old ]
check "unwritable truth: no temporary file" [ ! -e keep.csv.tmp ]

# Each layout is recognised by import: the right profile, every row read.
for crm in salesforce hubspot dynamics pipedrive zoho; do
	for kind in contacts companies; do
		case $crm-$kind in
		pipedrive-contacts) prof=pipedrive-person ;;
		pipedrive-companies) prof=pipedrive-organization ;;
		hubspot-companies) prof=hubspot-company ;;
		*-contacts) prof=$crm-contact ;;
		*) prof=$crm-account ;;
		esac
		run sample --rows 300 --seed 5 --profile "$crm" --kind "$kind" --out "$crm-$kind.csv"
		check "$crm $kind: generated" status_is 0
		run import "$crm-$kind.steward" "$crm-$kind.csv"
		check "$crm $kind: imported" status_is 0
		check "$crm $kind: profile $prof" out_has "300 rows imported into $crm-$kind.steward (profile $prof, utf-8, comma, CRLF)"
		run quarantine "$crm-$kind.steward"
		check "$crm $kind: no quarantine" out_has "0 rows in quarantine"
		check "$crm $kind: all records" [ "$(sql "$crm-$kind.steward" 'SELECT count(*) FROM record')" = 300 ]
	done
done

# The committed trainer's sample is exactly what its script regenerates.
mkdir sdb
STEWARD=$STEWARD sh "$SOURCE_ROOT/sample-db/generate.sh" "$WORK/sdb" >"$WORK/out" 2>"$WORK/err"
RC=$?
check "sample-db regenerates" status_is 0
for f in contacts.csv contacts.truth.csv companies.csv companies.truth.csv; do
	check "sample-db/$f unchanged" cmp -s "sdb/$f" "$SOURCE_ROOT/sample-db/$f"
done

finish
