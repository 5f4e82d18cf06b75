#!/usr/bin/env bash
# steward import: workspace creation, provenance, re-import refusal, dry run.
. "$(dirname "$0")/lib.sh"

ws="$WORK/c.steward"
run import "$ws" "$FIXTURES/salesforce_contacts.csv"
check "import exit 0" status_is 0
check "summary line" out_has "salesforce_contacts.csv: 4 rows imported into $ws (profile salesforce-contact, utf-8, comma, CRLF)"
check "mode 0600" [ "$(stat -c %a "$ws")" = 600 ]
check "WAL mode" [ "$(sql "$ws" 'PRAGMA journal_mode')" = wal ]
check "schema version" [ "$(sql "$ws" 'PRAGMA user_version')" = 3 ]
check "physical line numbers" [ "$(sql "$ws" 'SELECT group_concat(line) FROM record')" = "2,4,5,6" ]
check "all columns kept" [ "$(sql "$ws" "SELECT json_array_length(fields) FROM record LIMIT 1")" = 15 ]
check "unmapped column kept" [ "$(sql "$ws" "SELECT json_extract(fields,'\$[14]') FROM record WHERE line=2")" = 'Said "call me Jack"' ]
check "sha256 recorded" [ "$(sql "$ws" 'SELECT sha256 FROM source')" = "$(sha256sum "$FIXTURES/salesforce_contacts.csv" | cut -d' ' -f1)" ]
check "mapping recorded" [ "$(sql "$ws" "SELECT field FROM source_column WHERE header='MailingPostalCode'")" = postcode ]

# Re-importing the same bytes is refused unless --force.
run import "$ws" "$FIXTURES/salesforce_contacts.csv"
check "re-import refused" status_is 1
check "re-import message" err_has "already imported into $ws"
check "re-import names --force" err_has "use --force"
check "nothing added" [ "$(sql "$ws" 'SELECT count(*) FROM record')" = 4 ]
run import "$ws" "$FIXTURES/salesforce_contacts.csv" --force
check "--force re-imports" status_is 0
check "second source" [ "$(sql "$ws" 'SELECT count(*) FROM source')" = 2 ]

# Several files, several sources; each record remembers its source.
run import "$WORK/multi.steward" "$FIXTURES/salesforce_contacts.csv" "$FIXTURES/zoho_cp1252.csv"
check "multi import" status_is 0
check "records per source" [ "$(sql "$WORK/multi.steward" 'SELECT group_concat(n) FROM (SELECT count(*) n FROM record GROUP BY source_id ORDER BY source_id)')" = "4,2" ]

# Dry run prints the mapping and writes nothing.
run import "$WORK/dry.steward" "$FIXTURES/hubspot_semicolon_bom.csv" --dry-run
check "dry run exit 0" status_is 0
check "dry run dialect" out_has "profile hubspot-contact (contact), utf-8, BOM, semicolon-delimited, header row, LF line endings"
check "dry run mapping" out_has "Phone Number                      phone"
check "dry run count" out_has "would import 2 rows"
check "dry run writes nothing" [ ! -e "$WORK/dry.steward" ]

# Profiles: forced, by CRM name, by file; synonyms when nothing fits.
run import "$WORK/p.steward" "$FIXTURES/generic_headers.csv" --dry-run
check "generic profile" out_has "profile generic-contact"
check "synonym mapping" out_has "E-Mail Address                    email  (synonym)"
check "synonym mapping (German)" out_has "Handy                             mobile  (synonym)"
check "unknown header kept" out_has "Lieblingsfarbe                    (kept, not mapped)"
run import "$WORK/p.steward" "$FIXTURES/excel_sep_hint.csv" --dry-run --profile zoho
check "--profile crm" out_has "profile zoho-contact"

# No header row: columns get names, the first row is data.
run import "$WORK/nh.steward" "$FIXTURES/no_header.csv"
check "no header import" status_is 0
check "no header rows" [ "$(sql "$WORK/nh.steward" 'SELECT count(*) FROM record')" = 2 ]
check "generated headers" [ "$(sql "$WORK/nh.steward" "SELECT group_concat(header) FROM source_column")" = "column1,column2,column3,column4" ]

# steward FILE.csv imports into FILE.steward beside it (without a terminal the
# console refuses to start, but the workspace is created), and re-opening does
# not import again.
cp "$FIXTURES/salesforce_contacts.csv" "$WORK/mine.csv"
run "$WORK/mine.csv"
check "FILE.csv creates FILE.steward" [ -e "$WORK/mine.steward" ]
check "console needs a terminal" err_has "the console needs a terminal"
run "$WORK/mine.csv"
check "re-open does not re-import" [ "$(sql "$WORK/mine.steward" 'SELECT count(*) FROM source')" = 1 ]
# A workspace written by an older Steward is migrated forward on open, data kept.
cp "$FIXTURES/schema_v1_workspace.db" "$WORK/old.steward"
run export "$WORK/old.steward" --out "$WORK/old-out"
check "old schema read-only open refused" err_has "needs migrating; open it once read-write"
run import "$WORK/old.steward" "$FIXTURES/zoho_cp1252.csv"
check "old schema migrated" [ "$(sql "$WORK/old.steward" 'PRAGMA user_version')" = 3 ]
check "old data kept" [ "$(sql "$WORK/old.steward" 'SELECT count(*) FROM record')" = 6 ]
check "new tables exist" [ "$(sql "$WORK/old.steward" 'SELECT count(*) FROM audit')" = 0 ]
finish
