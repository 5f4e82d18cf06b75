#!/usr/bin/env bash
# steward match and explain on a small export with known duplicates (a
# nickname, a married name, a job change, a mistyped mail domain) and known look-alikes that must
# stay apart (a family, namesakes, colleagues sharing a role address and a
# switchboard number); a rejected pair is never proposed again.
. "$(dirname "$0")/lib.sh"

# clusters WS: one line per cluster, its members' external ids joined by ','
clusters() {
	sql "$1" "SELECT group_concat(x, ',') FROM (SELECT m.cluster_id AS c, r.external_id AS x
	          FROM cluster_member m JOIN rec r ON r.id = m.record_id ORDER BY c, r.id)
	          GROUP BY c ORDER BY c"
}
id_of() { sql ws.steward "SELECT id FROM rec WHERE external_id='$1'"; }

run import ws.steward "$FIXTURES/match_contacts.csv"
check "import" status_is 0
run match ws.steward
check "match exit 0" status_is 0
check "match counts" out_has "contact: 23 records"
check "match clusters" out_has "4 clusters (8 records"
got=$(clusters ws.steward | tr '\n' ' ')
check "clusters: nickname, married name, job change, mail typo" [ "$got" = "101,102 103,104 111,112 113,123 " ]
check "pairs stored with levels" [ "$(sql ws.steward "SELECT json_extract(levels, '\$.first_name')
      FROM pair WHERE a=$(id_of 101) AND b=$(id_of 102)")" = "nickname" ]

run explain ws.steward "$(id_of 101)" "$(id_of 102)"
check "explain exit 0" status_is 0
check "explain nickname level" grep -qE "^first_name +robert +bob +nickname" "$WORK/out"
check "explain phone in E.164" grep -qE "^phone +\+15552013344 +\+15552013344 +exact" "$WORK/out"
check "explain probability" out_has "match probability"
check "explain outcome" out_has "outcome: proposed"
check "explain prior" grep -qE "^prior " "$WORK/out"

run explain ws.steward "$(id_of 113)" "$(id_of 123)"
check "mistyped mail domain read as meant" grep -qE "^email +laura.ortega@hotmail.com +laura.ortega@hotmail.com +exact" "$WORK/out"

run explain ws.steward "$(id_of 105)" "$(id_of 106)"
check "family vetoed" out_has "outcome: not proposed, a vetoing comparison clearly disagrees"
check "family veto on first name" grep -qE "^first_name .*VETO" "$WORK/out"
run explain ws.steward "$(id_of 107)" "$(id_of 108)"
check "namesakes below review" out_has "outcome: below the review threshold"
run explain ws.steward "$(id_of 109)" "$(id_of 110)"
check "role address is not an exact email agreement" grep -qE "^email +info@globex.com +info@globex.com +else" "$WORK/out"
check "colleagues not proposed" out_has "outcome: not proposed"

run explain ws.steward "$(id_of 101)" 9999
check "explain unknown record: exit 1" status_is 1
check "explain unknown record: message" err_has "no record 9999"
run explain ws.steward 1
check "explain one id: exit 2" status_is 2

# A steward rejects 103/104: a fresh match never proposes it again.
a=$(id_of 103); b=$(id_of 104)
sql ws.steward "INSERT INTO rejected_pair(a, b) VALUES($a, $b)"
run match ws.steward
check "rematch exit 0" status_is 0
check "rematch reports the rejected pair" out_has "1 pairs rejected by a steward"
got=$(clusters ws.steward | tr '\n' ' ')
check "rejected pair not proposed" [ "$got" = "101,102 111,112 113,123 " ]
check "rejected pair not stored" [ "$(sql ws.steward "SELECT count(*) FROM pair WHERE a=$a AND b=$b")" = 0 ]
run explain ws.steward "$a" "$b"
check "explain says rejected" out_has "outcome: rejected by a steward"

# A cluster a steward accepted is kept; its records are not proposed again.
sql ws.steward "UPDATE cluster SET status='accepted' WHERE id=(SELECT cluster_id FROM cluster_member WHERE record_id=$(id_of 101))"
run match ws.steward
check "accepted cluster kept" [ "$(clusters ws.steward | tr '\n' ' ')" = "101,102 111,112 113,123 " ]
check "locked records reported" out_has "2 records in clusters a steward decided on were left out"
check "two open clusters" [ "$(sql ws.steward "SELECT count(*) FROM cluster WHERE status='open'")" = 2 ]

# Bad rules name file, line and column.
run match ws.steward --rules "$FIXTURES/bad_match_comparator.yaml"
check "bad rules: exit 1" status_is 1
check "bad rules: location" err_has "bad_match_comparator.yaml:7:25: unknown comparator 'soundslike'"
run match ws.steward --rules "$FIXTURES/bad_match_block_field.yaml"
check "bad key: location" err_has "bad_match_block_field.yaml:6:10: blocking key on unknown field 'surname'"

run match --help
check "match --help" out_has "usage: steward match"
run explain --help
check "explain --help" out_has "usage: steward explain"
finish
