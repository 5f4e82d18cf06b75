/*
 * Validation: findings (table finding) for records that break the rules,
 * kept current after every change.
 *
 * Each active record is checked against its entity's field rules (see
 * validate_rules.h and check.h). A finding names the record, the field (NULL
 * for a finding about the whole record), the rule, a severity and a message
 * for a person:
 *
 *   missing_required  error    a required field is empty or holds a junk value
 *   invalid_email     error    not an e-mail address the standardizer can read
 *   invalid_phone     error    not a phone number (for the default country)
 *   invalid_date      error    not a date / datetime, or outside 1700..4000
 *   invalid_country   error    not a country name or code
 *   invalid_state     warning  not a subdivision of the US, Canada or Australia
 *   invalid_postcode  warning  not a postcode of the record's country
 *   invalid_url       warning  not a web address
 *   pattern_mismatch  error    the value does not match the field's pattern
 *   not_allowed       error    the value is not one of the allowed values
 *   junk_value        warning  an optional field holds a junk value
 *   role_email        warning  a role account (info@, sales@ ...)
 *   stale             warning  the staleness rule holds: proposed for purge
 *   placeholder       warning  a placeholder or test record: proposed for purge
 *
 * Purging is a decision (the record is marked, never deleted); validation
 * only proposes it. Records that are not active (purged, merged) have no
 * findings.
 */
#ifndef STW_VALIDATE_H
#define STW_VALIDATE_H

#include <stdint.h>

#include "error.h"
#include "rules.h"
#include "standardize.h"
#include "ws.h"

/*
 * Recomputes every finding in one pass and one transaction (see
 * stw_check_all). stats may be NULL. The caller runs stw_rec_sync() first.
 */
stw_err stw_validate_all(stw_ws *ws, const stw_rules *rules, stw_run_stats *stats,
                         stw_error *err);

/*
 * Recomputes the findings of record id after a change: deletes its findings
 * and writes the current ones. Cost: two indexed statements plus one check
 * of one record (microseconds; no scan). Runs inside the caller's
 * transaction when one is open (so an edit and its findings commit
 * together), else in its own. rules may be NULL (built-in rules).
 * STW_ENOENT for an unknown record.
 */
stw_err stw_validate_record(stw_ws *ws, const stw_rules *rules, int64_t id, stw_error *err);

/*
 * The worker behind stw_validate_record and stw_standardize_record:
 * refreshes record id's open proposals and/or findings (what: STW_RUN_*).
 */
stw_err stw_check_one(stw_ws *ws, const stw_rules *rules, int64_t id, unsigned what,
                      stw_error *err);

/* One finding, as listed. Strings are borrowed for the callback's duration. */
typedef struct {
	int64_t     id;
	int64_t     record_id;
	const char *field;    /* NULL for the whole record */
	const char *rule;
	const char *severity; /* "error", "warning", "info" */
	const char *message;
} stw_finding;

/* Return non-zero to stop the iteration (the function then returns STW_OK). */
typedef int (*stw_finding_fn)(const stw_finding *f, void *arg);

/*
 * Calls fn for the findings of rule (NULL: all) and of record (0: all),
 * ordered by record and id, skipping offset and giving at most limit
 * (<= 0: all).
 */
stw_err stw_findings_each(stw_ws *ws, const char *rule, int64_t record, int64_t offset,
                          int64_t limit, stw_finding_fn fn, void *arg, stw_error *err);

/* Findings counted per rule and severity. */
typedef struct {
	char    rule[32];
	char    severity[8];
	int64_t count;
} stw_finding_count;

/* Fills *out (owned array, free()) ordered by rule; *n its length. */
stw_err stw_findings_count(stw_ws *ws, stw_finding_count **out, size_t *n, stw_error *err);

#endif
