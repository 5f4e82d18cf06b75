#!/usr/bin/env bash
# End to end: import a fixture, standardize, apply a rule, check current
# values, audit entries and findings, then the quality report as JSON and
# as a self-contained HTML page.
. "$(dirname "$0")/lib.sh"
export STEWARD_TODAY=2026-01-01 STEWARD_NAME=tester
WS=$WORK/q.steward

run import "$WS" "$FIXTURES/quality_contacts.csv"
check "import" status_is 0
check "import checks the rows" out_has "checked: 9 open proposals, 10 findings"

run standardize "$WS"
check "standardize runs" status_is 0
check "counts kept by the import" out_has "every record already checked: 9 open proposals, 10 findings"
check "rule table from the kept counts" out_has "phone_e164"
run standardize "$WS" --refresh
check "refresh checks every record" out_has "6 records checked: 9 open proposals, 10 findings"
check "phone rule listed" out_has "phone_e164     safe             2"
check "example" out_has 'record 1 phone: "(415) 555-0134" -> "+14155550134"'
check "rules hash recorded" [ "$(sql "$WS" "SELECT length(value) FROM meta WHERE key='rules_sha256'")" = 64 ]
check "nothing applied yet" [ "$(sql "$WS" "SELECT count(*) FROM change")" = 0 ]
check "finding stored" [ "$(sql "$WS" "SELECT count(*) FROM finding WHERE record_id=5 AND rule='invalid_country'")" = 1 ]

run standardize "$WS" --apply phone_e164
check "apply rule" status_is 0
check "apply message" out_has "2 proposals applied to 2 records (phone_e164)"
check "current value" [ "$(sql "$WS" "SELECT phone FROM rec WHERE id=3")" = "+14155550134" ]
check "original kept" [ "$(sql "$WS" "SELECT json_extract(fields, '\$[4]') FROM record WHERE id=3")" = "415-555-0134" ]
check "one audit entry" [ "$(sql "$WS" "SELECT count(*) FROM audit WHERE action='apply' AND steward='tester' AND reason='rule phone_e164' AND subject='rule:phone_e164'")" = 1 ]
check "changes linked" [ "$(sql "$WS" "SELECT count(*) FROM change WHERE audit_seq IS NOT NULL")" = 2 ]
check "one decision" [ "$(sql "$WS" "SELECT count(*) FROM decision WHERE action='apply'")" = 1 ]

# Undo takes the whole rule back in one step and reopens its proposals.
run undo "$WS"
check "undo rule" status_is 0
check "value back" [ "$(sql "$WS" "SELECT phone FROM rec WHERE id=3")" = "415-555-0134" ]
check "proposals open again" [ "$(sql "$WS" "SELECT count(*) FROM proposal WHERE rule='phone_e164' AND status='open'")" = 2 ]
check "changes inactive" [ "$(sql "$WS" "SELECT count(*) FROM change WHERE active=1")" = 0 ]
run standardize "$WS" --apply phone_e164
check "apply again" status_is 0
check "applied again" out_has "2 proposals applied to 2 records (phone_e164)"

run standardize "$WS" --apply country_code
check "apply country" status_is 0
check "findings current after apply" [ "$(sql "$WS" "SELECT count(*) FROM finding WHERE record_id=5 AND rule='invalid_country'")" = 1 ]
id=$(sql "$WS" "SELECT id FROM proposal WHERE rule='junk_value' AND record_id=3")
run standardize "$WS" --apply-id "$id"
check "apply one" status_is 0
check "junk emptied" [ -z "$(sql "$WS" "SELECT last_name FROM rec WHERE id=3")" ]
check "finding follows" [ "$(sql "$WS" "SELECT message FROM finding WHERE record_id=3 AND rule='missing_required'")" = "required field is empty" ]
run standardize "$WS" --apply-id "$id"
check "apply twice refused" status_is 1
check "already applied" err_has "was already applied"
run undo "$WS"
check "undo apply-id" status_is 0
check "junk back" [ "$(sql "$WS" "SELECT last_name FROM rec WHERE id=3")" != "" ]
check "proposal open" [ "$(sql "$WS" "SELECT status FROM proposal WHERE id=$id")" = open ]
check "finding back" [ "$(sql "$WS" "SELECT count(*) FROM finding WHERE record_id=3 AND rule='missing_required' AND message='required field is empty'")" = 0 ]
did=$(sql "$WS" "SELECT id FROM proposal WHERE rule='whitespace' AND status='open' LIMIT 1")
run standardize "$WS" --dismiss-id "$did"
check "dismiss" status_is 0
check "dismissed" [ "$(sql "$WS" "SELECT status FROM proposal WHERE id=$did")" = dismissed ]
run undo "$WS"
check "undo dismiss" status_is 0
check "dismiss undone" [ "$(sql "$WS" "SELECT status FROM proposal WHERE id=$did")" = open ]
run standardize "$WS" --apply colour
check "unknown rule" status_is 2
run standardize "$WS" --apply-all --apply phone_e164
check "one action only" status_is 2

run profile "$WS" --json
check "profile json" status_is 0
check "json parses" python3 -m json.tool "$WORK/out" >/dev/null
check "before figures present" python3 -c "import json,sys; d=json.load(open('$WORK/out')); e=d['entities'][0]; sys.exit(0 if e['before'] and e['before']['score'] == 82.3829 else 1)"
run profile "$WS" --html "$WORK/report.html"
check "profile html" status_is 0
check "html written" [ -s "$WORK/report.html" ]
check "html has svg" grep -q "<svg" "$WORK/report.html"
check "html self-contained" bash -c "! grep -Eiq '(src|href)=\"?(https?:)?//' '$WORK/report.html'"
check "no remote urls" bash -c "! grep -Eq 'https?://' '$WORK/report.html'"
run profile "$WS"
check "profile text" out_has "quality score"
run standardize "$WS" --rules "$FIXTURES/rules_unknown_type.yaml"
check "bad rules" status_is 1
check "bad rules message" err_has "rules_unknown_type.yaml:3:20: unknown type 'mail'"
finish
