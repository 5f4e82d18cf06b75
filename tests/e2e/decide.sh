#!/usr/bin/env bash
# Decisions end to end: import, clusters, accept / reject / split / defer,
# edit, purge, export compared file by file with the expected files, undo back
# to the earlier files, the audit trail under tampering, and two stewards
# deciding the same cluster at once.
. "$(dirname "$0")/lib.sh"
EXPECTED="$FIXTURES/expected/decide"
export STEWARD_NAME=alice
export STEWARD_BUSY_TIMEOUT=20000

# Times and hashes change from run to run: blank them before comparing.
normalize() { # FILE -> stdout
	python3 - "$1" <<'PY'
import csv, io, json, re, sys
path = sys.argv[1]
name = path.rsplit('/', 1)[-1]
if name.endswith('.jsonl'):
    for line in open(path, encoding='utf-8'):
        e = json.loads(line)
        e['ts'] = 'TIME'
        e['prev_hash'] = e['hash'] = 'HASH'
        print(json.dumps(e, ensure_ascii=False, sort_keys=True))
    sys.exit(0)
time_col = {'merges.csv': 'decided_at', 'deletes.csv': 'purged_at'}.get(name)
text = open(path, encoding='utf-8', newline='').read()
rows = list(csv.reader(io.StringIO(text, newline='')))
out = io.StringIO(newline='')
w = csv.writer(out, lineterminator='\r\n')
idx = rows[0].index(time_col) if time_col and rows else -1
for i, r in enumerate(rows):
    if i and idx >= 0:
        r[idx] = 'TIME'
    w.writerow(r)
sys.stdout.write(out.getvalue())
PY
}

same_files() { # NAME DIR_A DIR_B FILE...
	local name=$1 a=$2 b=$3 f
	shift 3
	for f in "$@"; do
		TESTS=$((TESTS + 1))
		if ! cmp -s "$a/$f" "$b/$f"; then
			diff "$a/$f" "$b/$f" >&2
			fail "$name: $f differs"
		fi
	done
}

matches_expected() { # DIR
	local f
	for f in records.csv merges.csv changes.csv deletes.csv audit.jsonl; do
		TESTS=$((TESTS + 1))
		if ! diff <(normalize "$1/$f") <(normalize "$EXPECTED/$f") >"$WORK/diff" 2>&1; then
			cat "$WORK/diff" >&2
			fail "$1/$f differs from the expected file"
		fi
	done
}

clusters() { # WORKSPACE
	sql "$1" "INSERT INTO cluster(id, size, min_prob, max_prob) VALUES(1,3,0.93,0.99),
	  (2,2,0.91,0.91),(3,3,0.9,0.97),(4,2,0.95,0.95);
	  INSERT INTO cluster_member VALUES(1,1),(1,2),(1,3),(2,4),(2,5),(3,6),(3,7),(3,8),(4,11),(4,12);"
}

WS="$WORK/d.steward"
run import "$WS" "$FIXTURES/decide_contacts.csv"
check "import" status_is 0
clusters "$WS"

# Before any decision the export gives the file back.
run export "$WS" --out "$WORK/e0"
check "export before decisions" status_is 0
TESTS=$((TESTS + 1))
python3 "$(dirname "$0")/csvsame.py" "$FIXTURES/decide_contacts.csv" utf-8 comma "$WORK/e0/records.csv" >"$WORK/cmp" 2>&1 ||
	{ cat "$WORK/cmp" >&2; fail "records.csv before decisions differs from the original"; }
check "no merges yet" [ "$(wc -l <"$WORK/e0/merges.csv")" -eq 1 ]

# The decisions.
run decide "$WS" 1 accept --pick title=2 --set "company=Acme, Inc." --comment "same person"
check "accept with --pick/--set" status_is 0
check "accept message" out_has "cluster 1: accepted (audit entry 1 by alice)"
run decide "$WS" 2 reject --steward bob
check "reject" status_is 0
run decide "$WS" 3 split 8
check "split" status_is 0
run decide "$WS" 3 accept --master id:003C01
check "accept with --master" status_is 0
run decide "$WS" 4 defer
check "defer" status_is 0
run edit "$WS" 10 Title "Head of Ops"
check "edit a mapped field" status_is 0
run edit "$WS" id:003E01 Description "=1+2"
check "edit an unmapped column" status_is 0
run export "$WS" --out "$WORK/before-purge"
check "export before the purge" status_is 0
run purge "$WS" 9 --reason "=test record"
check "purge" status_is 0

run export "$WS" --out "$WORK/e1"
check "export after decisions" status_is 0
check "export lists the files" out_has "e1/deletes.csv: 1 rows"
matches_expected "$WORK/e1"

# Decisions are checked: nothing twice, clear errors.
run decide "$WS" 1 accept
check "decided twice: exit 1" status_is 1
check "decided twice: message" err_has "cluster 1 was already accepted by alice"
run decide "$WS" 2 accept --steward carol
check "rejected cluster: exit 1" status_is 1
run decide "$WS" 99 defer
check "no such cluster: exit 1" status_is 1
check "no such cluster: message" err_has "no cluster 99"
run decide "$WS" 4 merge
check "unknown decision: exit 2" status_is 2
run decide "$WS" 4 split
check "split without records: exit 2" status_is 2
run decide "$WS" 4 reject --pick title=11
check "--pick without accept: exit 2" status_is 2
run purge "$WS" 10
check "purge without reason: exit 2" status_is 2
run purge "$WS" 9 --reason again
check "purged twice: exit 1" status_is 1
run edit "$WS" 10 Colour red
check "unknown field: exit 2" status_is 2
check "no audit entry for refused decisions" [ "$(sql "$WS" 'SELECT count(*) FROM audit')" -eq 8 ]

# Claims: another steward's recent claim blocks, --force overrides.
sql "$WS" "UPDATE cluster SET claimed_by='bob', claimed_at=strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id=4"
run decide "$WS" 4 reject
check "claimed: exit 1" status_is 1
check "claimed: message" err_has "cluster 4 is being reviewed by bob"
sql "$WS" "UPDATE cluster SET claimed_at='2000-01-01T00:00:00Z' WHERE id=4"
run decide "$WS" 4 reject
check "expired claim" status_is 0
run undo "$WS"
check "undo the reject" status_is 0

# Spreadsheet guard.
check "deletes.csv is guarded" grep -qF "\"'=test record\"" "$WORK/e1/deletes.csv"
check "records.csv is not guarded by default" grep -qF ",=1+2" "$WORK/e1/records.csv"
run export "$WS" --out "$WORK/all" --guard all
check "--guard all" grep -qF "\"'=1+2\"" "$WORK/all/records.csv"
check "--guard all keeps phones" grep -qF ",+14155550134," "$WORK/all/records.csv"
check "--guard all keeps negative numbers" grep -qF ",-15551234567," "$WORK/all/records.csv"
run export "$WS" --out "$WORK/none" --no-guard
check "--no-guard" grep -qF ",=test record," "$WORK/none/deletes.csv"
run export "$WS" --out "$WORK/bad" --guard maybe
check "bad --guard: exit 2" status_is 2

# The log.
run log "$WS"
check "log" status_is 0
check "log newest first" [ "$(head -1 "$WORK/out" | cut -d' ' -f1)" = 10 ]
check "log shows the comment" out_has "comment: same person"
run log "$WS" --jsonl
check "log --jsonl" status_is 0
check "log --jsonl is audit.jsonl" cmp -s <(head -8 "$WORK/out") "$WORK/e1/audit.jsonl"
run log "$WS" --csv
check "log --csv header" [ "$(head -1 "$WORK/out" | tr -d '\r')" = "seq,ts,steward,action,subject,before,after,reason,prev_hash,hash" ]
check "log --csv guarded" out_has "\"'=test record\""
run log "$WS" --verify
check "verify intact" out_has "audit trail intact: 10 entries"

# Undo gives the earlier files back.
run undo "$WS"
check "undo the purge" status_is 0
check "undo message" out_has "audit entry 8 undone"
run export "$WS" --out "$WORK/u1"
same_files "undo purge" "$WORK/before-purge" "$WORK/u1" records.csv merges.csv changes.csv deletes.csv
for i in 1 2 3 4 5 6; do run undo "$WS"; done
run undo "$WS" --steward bob
check "bob undoes his reject" status_is 0
run undo "$WS"
check "nothing left to undo: exit 1" status_is 1
check "nothing left to undo: message" err_has "alice has no decision to undo"
run export "$WS" --out "$WORK/u0"
same_files "undo all" "$WORK/e0" "$WORK/u0" records.csv merges.csv changes.csv deletes.csv
check "every cluster open again" [ "$(sql "$WS" "SELECT group_concat(status) FROM cluster")" = "open,open,open,open" ]
check "no rejected pairs" [ "$(sql "$WS" "SELECT count(*) FROM rejected_pair")" -eq 0 ]
check "the trail keeps everything" [ "$(sql "$WS" "SELECT count(*) FROM audit")" -eq 18 ]
run log "$WS" --verify
check "verify after undo" status_is 0

# Tampering with the file directly is found and the entry named.
cp "$WS" "$WORK/t1.steward"
sql "$WORK/t1.steward" "DROP TRIGGER audit_no_update; UPDATE audit SET reason='nothing to see' WHERE seq=3"
run log "$WORK/t1.steward" --verify
check "altered: exit 1" status_is 1
check "altered: named" err_has "audit trail broken at entry 3: entry 3 was altered"
cp "$WS" "$WORK/t2.steward"
sql "$WORK/t2.steward" "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq=5"
run log "$WORK/t2.steward" --verify
check "removed: named" err_has "entry 5 is missing (removed)"
cp "$WS" "$WORK/t3.steward"
sql "$WORK/t3.steward" "INSERT INTO audit SELECT 19, ts, 'mallory', action, subject, before, after, reason, hash, hash FROM audit WHERE seq=18"
run log "$WORK/t3.steward" --verify
check "inserted: named" err_has "entry 19 was inserted after the last entry written (18)"
cp "$WS" "$WORK/t4.steward"
sql "$WORK/t4.steward" "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq>=17"
run log "$WORK/t4.steward" --verify
check "truncated: named" err_has "entries 17 to 18 are missing (removed from the end)"
TESTS=$((TESTS + 1))
if sql "$WS" "UPDATE audit SET reason='x' WHERE seq=1" 2>"$WORK/err"; then
	fail "the audit trail took an UPDATE"
fi
check "triggers refuse UPDATE" err_has "the audit trail is append-only"

# Two stewards decide the same cluster at once: exactly one wins.
for round in 1 2 3 4 5; do
	W="$WORK/race$round.steward"
	"$STEWARD" import "$W" "$FIXTURES/decide_contacts.csv" >/dev/null 2>&1
	clusters "$W"
	"$STEWARD" decide "$W" 1 accept --steward p1 >"$WORK/r1" 2>"$WORK/e1r" &
	p1=$!
	if [ $((round % 2)) -eq 0 ]; then
		"$STEWARD" decide "$W" 1 reject --steward p2 >"$WORK/r2" 2>"$WORK/e2r" &
	else
		"$STEWARD" decide "$W" 1 accept --steward p2 >"$WORK/r2" 2>"$WORK/e2r" &
	fi
	p2=$!
	wait $p1; s1=$?
	wait $p2; s2=$?
	check "race $round: one wins" [ $((s1 + s2)) -eq 1 ]
	check "race $round: the other is told" grep -q "cluster 1 was already" "$WORK/e1r" "$WORK/e2r"
	check "race $round: one entry" [ "$(sql "$W" "SELECT count(*) FROM audit")" -eq 1 ]
	check "race $round: no change twice" [ "$(sql "$W" "SELECT count(*) FROM change WHERE audit_seq IS NOT 1")" -eq 0 ]
	check "race $round: one decision" [ "$(sql "$W" "SELECT count(*) FROM decision")" -eq 1 ]
	"$STEWARD" log "$W" --verify >/dev/null 2>&1
	check "race $round: trail intact" [ $? -eq 0 ]
done

# With the matching engine: match, accept the first cluster, export.
M="$WORK/m.steward"
run import "$M" "$FIXTURES/decide_contacts.csv"
run match "$M"
check "match" status_is 0
first=$(sql "$M" "SELECT min(id) FROM cluster")
if [ -n "$first" ]; then
	run decide "$M" "$first" accept
	check "accept a matched cluster" status_is 0
	run export "$M" --out "$WORK/m"
	check "matched merge exported" [ "$(wc -l <"$WORK/m/merges.csv")" -gt 1 ]
fi
# A rejected cluster is not proposed again by a fresh match.
mary=$(sql "$M" "SELECT cluster_id FROM cluster_member WHERE record_id=4")
if [ -n "$mary" ]; then
	run decide "$M" "$mary" reject
	check "reject a matched cluster" status_is 0
	run match "$M"
	check "match again" status_is 0
	check "rejected pair not proposed again" [ "$(sql "$M" "SELECT count(*) FROM cluster c
	  JOIN cluster_member a ON a.cluster_id = c.id AND a.record_id = 4
	  JOIN cluster_member b ON b.cluster_id = c.id AND b.record_id = 5 WHERE c.status = 'open'")" -eq 0 ]
	check "decided clusters kept" [ "$(sql "$M" "SELECT count(*) FROM cluster WHERE status != 'open'")" -eq 2 ]
fi
finish
