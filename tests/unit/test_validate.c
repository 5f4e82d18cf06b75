#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import.h"
#include "rec.h"
#include "rules.h"
#include "validate.h"
#include "ws.h"

#include "quality_fixture.h"

TestSuite(validate, .init = setup, .fini = teardown);

typedef struct {
	char text[2048];
} acc;

static int
add(const stw_finding *f, void *arg)
{
	acc *a = arg;
	size_t n = strlen(a->text);
	snprintf(a->text + n, sizeof a->text - n, "%lld %s %s %s\n", (long long)f->record_id,
	         f->field ? f->field : "-", f->rule, f->severity);
	return 0;
}

Test(validate, findings_by_hand)
{
	stw_run_stats s;
	stw_error err;
	cr_assert_eq(stw_validate_all(ws, rules, &s, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(s.findings, 10);
	acc a = {""};
	cr_assert_eq(stw_findings_each(ws, NULL, 0, 0, 0, add, &a, &err), STW_OK);
	cr_assert_str_eq(a.text,
		"2 last_activity_at stale warning\n"
		"3 last_name missing_required error\n"
		"3 email role_email warning\n"
		"4 first_name junk_value warning\n"
		"4 last_name missing_required error\n"
		"4 - placeholder warning\n"
		"5 phone invalid_phone error\n"
		"5 country invalid_country error\n"
		"6 email invalid_email error\n"
		"6 last_activity_at invalid_date error\n");
	stw_finding_count *c;
	size_t n;
	cr_assert_eq(stw_findings_count(ws, &c, &n, &err), STW_OK);
	cr_assert_eq(n, 9);
	cr_assert_str_eq(c[5].rule, "missing_required");
	cr_assert_eq(c[5].count, 2);
	free(c);
}

Test(validate, record_kept_current_after_edit)
{
	stw_error err;
	cr_assert_eq(stw_validate_all(ws, rules, NULL, &err), STW_OK);
	cr_assert_eq(stw_ws_begin(ws, &err), STW_OK);
	cr_assert_eq(stw_rec_set(ws, 5, "country", "Canada", 0, NULL, &err), STW_OK);
	cr_assert_eq(stw_rec_set(ws, 5, "phone", "+1 604 555 0100", 0, NULL, &err), STW_OK);
	cr_assert_eq(stw_validate_record(ws, rules, 5, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(stw_ws_commit(ws, &err), STW_OK);
	acc a = {""};
	cr_assert_eq(stw_findings_each(ws, NULL, 5, 0, 0, add, &a, &err), STW_OK);
	cr_assert_str_eq(a.text, "");
	cr_assert_eq(stw_validate_record(ws, rules, 77, &err), STW_ENOENT);
}

Test(validate, purged_records_have_no_findings)
{
	stw_error err;
	cr_assert_eq(sqlite3_exec(stw_ws_db(ws), "UPDATE rec SET status='purged' WHERE id=6", NULL,
	                          NULL, NULL), SQLITE_OK);
	cr_assert_eq(stw_validate_all(ws, rules, NULL, &err), STW_OK);
	acc a = {""};
	cr_assert_eq(stw_findings_each(ws, NULL, 6, 0, 0, add, &a, &err), STW_OK);
	cr_assert_str_eq(a.text, "");
}

Test(validate, pattern_and_allowed)
{
	const char *yaml = "contact:\n  fields:\n    external_id: { type: id, pattern: \"^001[A-E]$\" }\n"
	                   "    first_name: { allowed: [Ann, Bob, Cy, Eve] }\n";
	char path[128];
	snprintf(path, sizeof path, "%s/r.yaml", dir);
	FILE *f = fopen(path, "w");
	fputs(yaml, f);
	fclose(f);
	stw_rules *r;
	stw_error err;
	cr_assert_eq(stw_rules_load(path, &r, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(stw_validate_all(ws, r, NULL, &err), STW_OK);
	acc a = {""};
	cr_assert_eq(stw_findings_each(ws, "pattern_mismatch", 0, 0, 0, add, &a, &err), STW_OK);
	cr_assert_str_eq(a.text, "6 external_id pattern_mismatch error\n");
	a.text[0] = '\0';
	/* BOB matches Bob without regard to case; " Dee " and the junk "Test" do not count. */
	cr_assert_eq(stw_findings_each(ws, "not_allowed", 0, 0, 0, add, &a, &err), STW_OK);
	cr_assert_str_eq(a.text, "5 first_name not_allowed error\n");
	stw_rules_free(r);
}
