#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "import.h"
#include "rec.h"
#include "rules.h"
#include "standardize.h"
#include "validate.h"
#include "ws.h"

/* tests/fixtures/quality_contacts.csv: see test_quality.c for the numbers. */
static char dir[64];
static stw_ws *ws;
static stw_rules *rules;

static void
setup(void)
{
	setenv("STEWARD_TODAY", "2026-01-01", 1);
	strcpy(dir, "/tmp/stw-std-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	char wsp[128], csv[512];
	snprintf(wsp, sizeof wsp, "%s/q.steward", dir);
	snprintf(csv, sizeof csv, "%s/quality_contacts.csv", getenv("FIXTURES"));
	stw_error err;
	cr_assert_eq(stw_ws_open(&ws, wsp, STW_WS_CREATE, &err), STW_OK, "%s", err.msg);
	stw_import_opts o = {.header = -1};
	stw_import_result res;
	cr_assert_eq(stw_import_file(ws, csv, &o, &res, &err), STW_OK, "%s", err.msg);
	stw_import_result_free(&res);
	cr_assert_eq(stw_rec_sync(ws, NULL, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(stw_rules_load(NULL, &rules, &err), STW_OK, "%s", err.msg);
}

static void
teardown(void)
{
	stw_rules_free(rules);
	stw_ws_close(ws);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(standardize, .init = setup, .fini = teardown);

static int64_t
count(const char *sql)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(stw_ws_db(ws), sql, -1, &st, NULL), SQLITE_OK, "%s", sql);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	int64_t n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static char *
value(int64_t id, const char *field)
{
	char *v;
	stw_error err;
	cr_assert_eq(stw_rec_get(ws, id, field, &v, &err), STW_OK, "%s", err.msg);
	return v;
}

Test(standardize, proposals_per_rule)
{
	stw_run_stats s;
	stw_error err;
	cr_assert_eq(stw_standardize_run(ws, rules, &s, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(s.records, 6);
	cr_assert_eq(s.proposals, 9);
	cr_assert_eq(s.findings, 10);
	stw_rule_count *c;
	size_t n;
	cr_assert_eq(stw_proposals_count(ws, &c, &n, &err), STW_OK);
	const char *rules_want[] = {"country_code", "junk_value", "name_case", "phone_e164",
	                            "whitespace"};
	int64_t counts[] = {2, 3, 1, 2, 1};
	cr_assert_eq(n, 5);
	for (size_t i = 0; i < n; i++) {
		cr_assert_str_eq(c[i].rule, rules_want[i]);
		cr_assert_eq(c[i].count, counts[i], "%s", c[i].rule);
		cr_assert(c[i].safe);
	}
	free(c);
	char *h = stw_ws_meta_get(ws, "rules_sha256");
	cr_assert_str_eq(h, rules->sha256);
	free(h);
	/* Running again keeps the same open set. */
	cr_assert_eq(stw_standardize_run(ws, rules, &s, &err), STW_OK);
	cr_assert_eq(s.proposals, 9);
}

Test(standardize, apply_rule_logs_and_links_changes)
{
	stw_error err;
	cr_assert_eq(stw_standardize_run(ws, rules, NULL, &err), STW_OK);
	int64_t applied, recs, skipped;
	cr_assert_eq(stw_standardize_apply_rule(ws, rules, "ann", "phone_e164", &applied, &recs,
	                                        &skipped, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(applied, 2);
	cr_assert_eq(recs, 2);
	cr_assert_eq(skipped, 0);
	char *v = value(1, "phone");
	cr_assert_str_eq(v, "+14155550134");
	free(v);
	cr_assert_eq(count("SELECT count(*) FROM audit WHERE action='apply'"), 2);
	cr_assert_eq(count("SELECT count(*) FROM change c JOIN audit a ON a.seq = c.audit_seq"
	                   " WHERE a.subject = 'record:' || c.record_id"), 2);
	cr_assert_eq(count("SELECT count(*) FROM proposal WHERE status='applied'"), 2);
	/* The original is untouched. */
	cr_assert_eq(count("SELECT count(*) FROM record WHERE fields LIKE '%(415) 555-0134%'"), 1);
	int64_t n, bad;
	char problem[256];
	cr_assert_eq(stw_audit_verify(ws, &n, &bad, problem, &err), STW_OK, "%s", err.msg);
	/* Re-running after apply proposes nothing new for phones. */
	stw_run_stats s;
	cr_assert_eq(stw_standardize_run(ws, rules, &s, &err), STW_OK);
	cr_assert_eq(s.proposals, 7);
}

Test(standardize, apply_all_takes_safe_only_and_findings_follow)
{
	stw_error err;
	cr_assert_eq(stw_standardize_run(ws, rules, NULL, &err), STW_OK);
	cr_assert_eq(count("SELECT count(*) FROM finding WHERE record_id=3 AND rule='missing_required'"), 1);
	int64_t applied, recs, skipped;
	cr_assert_eq(stw_standardize_apply_rule(ws, rules, "ann", NULL, &applied, &recs, &skipped,
	                                        &err), STW_OK, "%s", err.msg);
	cr_assert_eq(applied, 9);
	cr_assert_eq(recs, 5);
	/* One audit entry per record, naming every rule. */
	cr_assert_eq(count("SELECT count(*) FROM audit WHERE subject='record:3' AND"
	                   " reason='rules junk_value, phone_e164, country_code'"), 1);
	/* Findings were refreshed: the junk last name is now plainly empty. */
	cr_assert_eq(count("SELECT count(*) FROM finding WHERE record_id=3 AND rule='missing_required'"
	                   " AND message='required field is empty'"), 1);
}

Test(standardize, apply_and_dismiss_one)
{
	stw_error err;
	cr_assert_eq(stw_standardize_run(ws, rules, NULL, &err), STW_OK);
	int64_t id = count("SELECT id FROM proposal WHERE rule='name_case'");
	int64_t seq;
	cr_assert_eq(stw_standardize_apply_id(ws, rules, "ann", id, &seq, &err), STW_OK, "%s", err.msg);
	cr_assert_gt(seq, 0);
	char *v = value(2, "first_name");
	cr_assert_str_eq(v, "Bob");
	free(v);
	cr_assert_eq(stw_standardize_apply_id(ws, rules, "ann", id, &seq, &err), STW_EEXIST);
	cr_assert_eq(stw_standardize_apply_id(ws, rules, "ann", 999, &seq, &err), STW_ENOENT);
	int64_t d = count("SELECT id FROM proposal WHERE rule='whitespace'");
	cr_assert_eq(stw_standardize_dismiss_id(ws, "ann", d, &seq, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(count("SELECT count(*) FROM audit WHERE action='dismiss'"), 1);
	/* A dismissed proposal stays dismissed on the next run. */
	cr_assert_eq(stw_standardize_run(ws, rules, NULL, &err), STW_OK);
	cr_assert_eq(count("SELECT count(*) FROM proposal WHERE rule='whitespace' AND status='open'"), 0);
}

Test(standardize, stale_proposal_is_refused)
{
	stw_error err;
	cr_assert_eq(stw_standardize_run(ws, rules, NULL, &err), STW_OK);
	cr_assert_eq(stw_ws_begin(ws, &err), STW_OK);
	cr_assert_eq(stw_rec_set(ws, 2, "first_name", "Robert", 0, NULL, &err), STW_OK);
	cr_assert_eq(stw_ws_commit(ws, &err), STW_OK);
	int64_t id = count("SELECT id FROM proposal WHERE rule='name_case'");
	cr_assert_eq(stw_standardize_apply_id(ws, rules, "ann", id, NULL, &err), STW_EDATA);
	cr_assert(strstr(err.msg, "out of date"), "%s", err.msg);
	cr_assert_eq(count("SELECT count(*) FROM audit"), 0, "nothing logged");
}

Test(standardize, unknown_rule_is_usage)
{
	stw_error err;
	cr_assert_eq(stw_standardize_apply_rule(ws, rules, "ann", "colour", NULL, NULL, NULL, &err),
	             STW_EUSAGE);
}

static int
collect(const stw_proposal *p, void *arg)
{
	int *n = arg;
	(*n)++;
	cr_assert_str_eq(p->rule, "junk_value");
	cr_assert_null(p->after);
	return 0;
}

Test(standardize, listing_pages)
{
	stw_error err;
	cr_assert_eq(stw_standardize_run(ws, rules, NULL, &err), STW_OK);
	int n = 0;
	cr_assert_eq(stw_proposals_each(ws, "junk_value", 1, 5, collect, &n, &err), STW_OK);
	cr_assert_eq(n, 2, "3 junk proposals, offset 1");
}
