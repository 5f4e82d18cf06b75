#!/usr/bin/env bash
# Every broken fixture gets its exact message, its exit status and its
# quarantine count, and leaves nothing half-written.
. "$(dirname "$0")/lib.sh"

quarantine_case() { # FIXTURE ROWS QUARANTINED REASON
	local fx=$1 rows=$2 q=$3 reason=$4 ws="$WORK/$1.steward"
	run import "$ws" "$FIXTURES/$fx"
	check "$fx: import exit 0" status_is 0
	check "$fx: rows" [ "$(sql "$ws" 'SELECT count(*) FROM record')" = "$rows" ]
	check "$fx: quarantined" [ "$(sql "$ws" 'SELECT count(*) FROM quarantine')" = "$q" ]
	check "$fx: summary counts" out_has "$q row"
	run quarantine "$ws"
	check "$fx: quarantine lists reason" out_has "$reason"
	check "$fx: quarantine total" out_has "$q row"
}

quarantine_case bad_ragged.csv 2 2 "bad_ragged.csv:3: 3 fields where the header has 4"
run quarantine "$WORK/bad_ragged.csv.steward"
check "ragged: second reason" out_has "bad_ragged.csv:4: 5 fields where the header has 4"
check "ragged: raw text kept" out_has "3,Cy,Oh,cy@z.com,extra\\n"

quarantine_case bad_unterminated_quote.csv 3 1 "bad_unterminated_quote.csv:3: unterminated quoted field opened on line 3"
check "unterminated: later rows kept" [ "$(sql "$WORK/bad_unterminated_quote.csv.steward" 'SELECT group_concat(line) FROM record')" = "2,4,5" ]

quarantine_case bad_nul_bytes.csv 2 1 "bad_nul_bytes.csv:3: NUL byte on line 3, column 4"
run quarantine "$WORK/bad_nul_bytes.csv.steward"
check "NUL shown escaped" out_has '2,B\x00o,Ng'

quarantine_case bad_cp1252_undefined_byte.csv 2 1 "byte 0x81 that is not valid windows-1252 on line 3, column 6"

# Files that cannot be imported at all: message, status 1, no workspace left.
fatal_case() { # FIXTURE MESSAGE
	local fx=$1 msg=$2 ws="$WORK/fatal-$1.steward"
	run import "$ws" "$FIXTURES/$fx"
	check "$fx: exit 1" status_is 1
	check "$fx: message" err_is "steward: $msg"
	check "$fx: no workspace left behind" [ ! -e "$ws" ]
}
fatal_case bad_empty.csv "$FIXTURES/bad_empty.csv: the file is empty"
fatal_case bad_utf16.csv "$FIXTURES/bad_utf16.csv:1: the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" or pass --encoding utf-16"
fatal_case bad_header_unterminated.csv "$FIXTURES/bad_header_unterminated.csv:1: cannot read the header row: unterminated quoted field opened on line 1"

# A failed import into an existing workspace leaves it exactly as it was.
ws="$WORK/keep.steward"
run import "$ws" "$FIXTURES/salesforce_contacts.csv"
before=$(sql "$ws" 'SELECT count(*) FROM record')
run import "$ws" "$FIXTURES/bad_empty.csv"
check "existing workspace unchanged" [ "$(sql "$ws" 'SELECT count(*) FROM record')" = "$before" ]
check "existing workspace kept" [ -e "$ws" ]
check "no source row added" [ "$(sql "$ws" 'SELECT count(*) FROM source')" = 1 ]

# Bad profiles name file, line and column.
run import "$WORK/bp.steward" "$FIXTURES/salesforce_contacts.csv" --profile "$FIXTURES/bad_profile_field.yaml"
check "bad profile field: exit 1" status_is 1
check "bad profile field: location" err_is "steward: $FIXTURES/bad_profile_field.yaml:5:10: unknown contact field 'telephone'"
run import "$WORK/bp.steward" "$FIXTURES/salesforce_contacts.csv" --profile "$FIXTURES/bad_profile_syntax.yaml"
check "bad profile syntax: exit 1" status_is 1
check "bad profile syntax: location" err_has "$FIXTURES/bad_profile_syntax.yaml:6:1:"

# Not a workspace, missing workspace, missing file.
run quarantine "$FIXTURES/bad_not_a_workspace.txt"
check "not a workspace: exit 1" status_is 1
check "not a workspace: message" err_is "steward: $FIXTURES/bad_not_a_workspace.txt: not a Steward workspace (not an SQLite file)"
run quarantine "$WORK/missing.steward"
check "missing workspace" err_is "steward: $WORK/missing.steward: no such workspace"
run import "$WORK/x.steward" "$WORK/nope.csv"
check "missing file: exit 1" status_is 1
check "missing file: message" err_is "steward: $WORK/nope.csv: no such file"

# An interrupted import (Ctrl-C, or killed outright) leaves the workspace as it was.
"$STEWARD" sample --rows 400000 --seed 3 --out "$WORK/big.csv" >/dev/null
for sig in INT KILL; do
	ws="$WORK/int-$sig.steward"
	run import "$ws" "$FIXTURES/salesforce_contacts.csv"
	"$STEWARD" import "$ws" "$WORK/big.csv" >/dev/null 2>"$WORK/int.err" &
	pid=$!
	sleep 0.4
	kill -"$sig" "$pid"
	wait "$pid"
	RC=$?
	check "interrupted by SIG$sig: non-zero exit" [ "$RC" -ne 0 ]
	check "interrupted by SIG$sig: records unchanged" [ "$(sql "$ws" 'SELECT count(*) FROM record')" = 4 ]
	check "interrupted by SIG$sig: sources unchanged" [ "$(sql "$ws" 'SELECT count(*) FROM source')" = 1 ]
	check "interrupted by SIG$sig: still a workspace" [ "$(sql "$ws" 'PRAGMA integrity_check')" = ok ]
	if [ "$sig" = INT ]; then
		check "Ctrl-C message" grep -q "import cancelled; nothing was kept" "$WORK/int.err"
	fi
	run import "$ws" "$FIXTURES/zoho_cp1252.csv"
	check "interrupted by SIG$sig: usable afterwards" status_is 0
done

# A workspace locked by another writer: a clear message after the busy
# timeout, not a hang, and nothing written.
run import "$WORK/lock.steward" "$FIXTURES/salesforce_contacts.csv"
python3 -c '
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(5)
' "$WORK/lock.steward" "$WORK/locked" &
locker=$!
for _ in $(seq 50); do [ -e "$WORK/locked" ] && break; sleep 0.1; done
STEWARD_BUSY_TIMEOUT=300 run import "$WORK/lock.steward" "$FIXTURES/zoho_cp1252.csv"
check "locked: exit 1" status_is 1
check "locked: message" err_has "the workspace is locked by another process"
kill "$locker" 2>/dev/null; wait "$locker" 2>/dev/null
check "locked: nothing written" [ "$(sql "$WORK/lock.steward" 'SELECT count(*) FROM source')" = 1 ]
finish
