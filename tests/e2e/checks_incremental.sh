#!/usr/bin/env bash
# The import checks rows as it loads them; `steward standardize` then checks
# only what is left, and everything again when the rules changed or a
# decision was made since. The figures always equal a full recheck.
. "$(dirname "$0")/lib.sh"
export STEWARD_TODAY=2026-01-01 STEWARD_NAME=tester
head -4 "$FIXTURES/quality_contacts.csv" >"$WORK/a.csv"
{ head -1 "$FIXTURES/quality_contacts.csv"; tail -n +5 "$FIXTURES/quality_contacts.csv"; } >"$WORK/b.csv"

# counts WS: "P F" open proposals and findings, as stored
counts() {
	echo "$(sql "$1" "SELECT count(*) FROM proposal WHERE status='open'") $(sql "$1" "SELECT count(*) FROM finding")"
}
# dump WS: every proposal and finding, without ids
dump() {
	sql "$1" "SELECT record_id, field, rule, before, after, kind, status FROM proposal ORDER BY 1, 2, 3;
	          SELECT record_id, field, rule, severity, message FROM finding ORDER BY 1, 2, 3, 5"
}

# Two imports, both checked as they load.
W=$WORK/inc.steward
run import "$W" "$WORK/a.csv"
check "first import checked" out_has "a.csv: checked: "
run import "$W" "$WORK/b.csv"
check "second import checked" out_has "b.csv: checked: "
dump "$W" >"$WORK/inc.txt"
run standardize "$W"
check "nothing left to check" out_has "every record already checked: 9 open proposals, 10 findings"
check "same as stored" [ "$(counts "$W")" = "9 10" ]
run standardize "$W" --refresh
check "a full recheck agrees" out_has "6 records checked: 9 open proposals, 10 findings"
dump "$W" >"$WORK/full.txt"
check "same proposals and findings as a full recheck" cmp -s "$WORK/inc.txt" "$WORK/full.txt"

# An import without checks: standardize checks only the new records.
W2=$WORK/nc.steward
run import "$W2" "$WORK/a.csv"
run import "$W2" "$WORK/b.csv" --no-check
check "--no-check says nothing of checks" sh -c "! grep -q checked '$WORK/out'"
check "--no-check writes no findings for the new rows" \
	[ "$(sql "$W2" "SELECT count(*) FROM finding WHERE record_id > 3")" = 0 ]
run standardize "$W2"
check "only the new records checked" out_has "3 records checked: 9 open proposals, 10 findings"
dump "$W2" >"$WORK/nc.txt"
check "same as checking at import" cmp -s "$WORK/nc.txt" "$WORK/full.txt"

# Other rules: the next import leaves its rows for standardize, which
# checks every record again with the rules it is given.
sed 's/^default_country: US/default_country: GB/' "$SOURCE_ROOT/rules/default.yaml" >"$WORK/gb.yaml"
check "test rules differ" grep -q "^default_country: GB" "$WORK/gb.yaml"
W3=$WORK/rules.steward
run import "$W3" "$WORK/a.csv" --rules "$WORK/gb.yaml"
check "import with other rules" status_is 0
run import "$W3" "$WORK/b.csv"
check "rows left for standardize" out_has "not checked yet"
run standardize "$W3"
check "every record checked again" out_has "6 records checked: 9 open proposals, 10 findings"
dump "$W3" >"$WORK/rules.txt"
check "same as checking with one rule set" cmp -s "$WORK/rules.txt" "$WORK/full.txt"

# A decision since the last check: everything is checked again.
run standardize "$W" --apply phone_e164
check "apply" status_is 0
run standardize "$W"
check "a decision calls for a full check" out_has "6 records checked: "
check "applied proposals are not open" [ "$(sql "$W" "SELECT count(*) FROM proposal WHERE rule='phone_e164' AND status='open'")" = 0 ]
# Indexes set aside for the bulk writes are all back, the unique key too.
idx="SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema WHERE type='index' AND tbl_name IN ('proposal','finding','rec') AND sql IS NOT NULL ORDER BY name)"
want="finding_record,finding_rule_record,proposal_key,proposal_open_rule,rec_status"
for w in "$W" "$W2" "$W3"; do
	check "indexes rebuilt in $(basename "$w")" [ "$(sql "$w" "$idx")" = "$want" ]
done
check "one proposal per record, field and rule" \
	[ "$(sql "$W" "SELECT count(*) FROM (SELECT 1 FROM proposal GROUP BY record_id, field, rule HAVING count(*) > 1)")" = 0 ]
finish
