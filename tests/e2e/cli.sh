#!/usr/bin/env bash
# Command-line conventions: --help on every command, --version, usage errors exit 2.
. "$(dirname "$0")/lib.sh"

run --version
check "--version" out_has "steward 0.1.0"
run --help
check "--help exit 0" status_is 0
for cmd in import quarantine export; do
	run "$cmd" --help
	check "$cmd --help exit 0" status_is 0
	check "$cmd --help usage" out_has "usage: steward $cmd"
done
run
check "no arguments: exit 2" status_is 2
run frobnicate x
check "unknown command: exit 2" status_is 2
check "unknown command: message" err_is "steward: unknown command 'frobnicate' (see 'steward --help')"
run import
check "import without args: exit 2" status_is 2
run import ws.steward "$FIXTURES/salesforce_contacts.csv" --bogus
check "unknown option: exit 2" status_is 2
check "unknown option: message" err_has "unknown option '--bogus'"
run import ws.steward "$FIXTURES/salesforce_contacts.csv" --delimiter '#'
check "bad delimiter: exit 2" status_is 2
run import ws.steward "$FIXTURES/salesforce_contacts.csv" --encoding klingon
check "bad encoding: exit 2" status_is 2
check "bad encoding: message" err_is "steward: unknown encoding 'klingon'"
run export ws.steward
check "export without --out: exit 2" status_is 2
finish
