#!/usr/bin/env bash
# steward clusters | pairs | findings: stable CSV and JSON formats, compared
# with expected files for a fixture workspace; export --worklist.
. "$(dirname "$0")/lib.sh"
expected="$FIXTURES/expected/listings"

ws="$WORK/l.steward"
run import "$ws" "$FIXTURES/salesforce_contacts.csv" --no-check
check "import" status_is 0
# The listings read what matching and validation stored; store a known state
# directly so the formats are tested on their own.
run findings "$ws" --csv   # builds nothing, but must work on an empty workspace
check "empty findings listing" status_is 0
check "empty findings header" out_has "record_id,source,line,external_id,field,rule,severity,value,proposed_fix,message"
sql "$ws" "
DELETE FROM rec;
INSERT INTO rec(id, source_id, entity, external_id, first_name, last_name, email, phone, company)
  SELECT id, source_id, 'contact', json_extract(fields,'\$[0]'), json_extract(fields,'\$[2]'),
         json_extract(fields,'\$[3]'), json_extract(fields,'\$[6]'), json_extract(fields,'\$[7]'),
         json_extract(fields,'\$[5]') FROM record;
INSERT INTO cluster(id, status, size, min_prob, max_prob, flagged) VALUES
  (1, 'open', 2, 0.9712, 0.9712, 0), (2, 'accepted', 3, 0.41, 0.99, 1);
INSERT INTO cluster_member VALUES (1, 1), (1, 2), (2, 3), (2, 4), (2, 1);
INSERT INTO pair VALUES (1, 2, 12.5, 0.9712, '{\"first_name\": \"nickname\", \"email\": \"else\"}'),
                        (3, 4, -2.25, 0.41, '{\"first_name\": \"jw92\", \"email\": \"exact\"}');
INSERT INTO finding(record_id, field, rule, severity, message) VALUES
  (2, 'phone', 'invalid_phone', 'error', 'not a phone number'),
  (4, 'email', 'role_email', 'warning', 'a role account, \"quoted\"');
INSERT INTO proposal(record_id, field, rule, before, after, why, kind) VALUES
  (2, 'phone', 'phone_e164', '+49 30 123456', '+4930123456', 'E.164', 'safe');
"
for kind in clusters pairs findings; do
	run "$kind" "$ws" --csv
	check "$kind --csv exit 0" status_is 0
	check "$kind --csv matches expected" cmp -s "$WORK/out" "$expected/$kind.csv"
	run "$kind" "$ws" --json
	check "$kind --json matches expected" cmp -s "$WORK/out" "$expected/$kind.json"
	check "$kind --json is valid JSON" json_ok "$WORK/out"
	run "$kind" "$ws"
	check "$kind table" out_has "row"
done
run clusters "$ws" --csv --status open
check "status filter" [ "$(grep -c '^1,open' "$WORK/out")" = 2 ]
check "status filter excludes" [ "$(grep -c 'accepted' "$WORK/out")" = 0 ]
run clusters "$ws" --status maybe
check "bad status: exit 2" status_is 2
run pairs "$ws" --csv --min-score 0.5
check "min-score filter" [ "$(wc -l < "$WORK/out")" = 2 ]
run pairs "$ws" --min-score 7
check "bad min-score: exit 2" status_is 2
run findings "$ws" --csv --rule role_email
check "rule filter" [ "$(wc -l < "$WORK/out")" = 2 ]
run findings "$ws" --csv --json
check "csv and json: exit 2" status_is 2

# export --worklist: clusters still to review and findings, spreadsheet-safe.
sql "$ws" "UPDATE rec SET title='=HYPERLINK(\"x\")' WHERE id=2;
           INSERT INTO finding(record_id, field, rule, severity, message)
             VALUES (2, 'title', 'pattern_mismatch', 'warning', 'looks like a formula');"
run export "$ws" --out "$WORK/wl" --worklist
check "worklist export" status_is 0
check "worklist clusters.csv written" out_has "$WORK/wl/clusters.csv: 2 rows"
check "worklist findings.csv written" out_has "$WORK/wl/findings.csv: 3 rows"
check "worklist: only open and deferred clusters" [ "$(grep -c accepted "$WORK/wl/clusters.csv")" = 0 ]
check "worklist: same columns as the listing" [ "$(head -1 "$WORK/wl/clusters.csv")" = "$(head -1 "$expected/clusters.csv")" ]
check "worklist: formula neutralised" grep -qF ",\"'=HYPERLINK(\"\"x\"\")\"," "$WORK/wl/findings.csv"
check "worklist: phone number intact" grep -qF ",+49 30 123456," "$WORK/wl/findings.csv"
run export "$ws" --out "$WORK/nowl"
check "no worklist by default" [ ! -e "$WORK/nowl/clusters.csv" ]
finish
