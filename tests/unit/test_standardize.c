#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "decide.h"
#include "import.h"
#include "rec.h"
#include "rules.h"
#include "standardize.h"
#include "validate.h"
#include "ws.h"

/* tests/fixtures/quality_contacts.csv: see test_quality.c for the numbers. */
#include "quality_fixture.h"

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
	/* One decision for the whole rule, every change linked to its entry. */
	cr_assert_eq(count("SELECT count(*) FROM audit WHERE action='apply'"), 1);
	cr_assert_eq(count("SELECT count(*) FROM change c JOIN audit a ON a.seq = c.audit_seq"
	                   " WHERE a.subject = 'rule:phone_e164' AND a.reason = 'rule phone_e164'"),
	             2);
	cr_assert_eq(count("SELECT count(*) FROM decision d JOIN audit a ON a.seq = d.seq"
	                   " WHERE d.action = 'apply' AND a.subject = 'rule:phone_e164'"), 1);
	cr_assert_eq(count("SELECT count(*) FROM decision_prior WHERE kind='proposal'"), 2);
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
	/* One audit entry for the whole operation, naming every rule applied. */
	cr_assert_eq(count("SELECT count(*) FROM audit"), 1);
	cr_assert_eq(count("SELECT count(*) FROM audit WHERE subject='rule:*' AND reason="
	                   "'rules junk_value, whitespace, name_case, phone_e164, country_code'"),
	             1);
	cr_assert_eq(count("SELECT count(DISTINCT record_id) FROM change"), 5);
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

/* The run's own counts are what stw_proposals_count() reads back. */
static void
assert_counts_match(const stw_run_stats *s)
{
	stw_error err;
	stw_rule_count *c;
	size_t n;
	cr_assert_eq(stw_proposals_count(ws, &c, &n, &err), STW_OK);
	cr_assert_eq(s->nrules, n);
	int64_t total = 0;
	for (size_t i = 0; i < n; i++) {
		cr_assert_str_eq(s->rules[i].rule, c[i].rule);
		cr_assert_eq(s->rules[i].safe, c[i].safe, "%s", c[i].rule);
		cr_assert_eq(s->rules[i].count, c[i].count, "%s", c[i].rule);
		total += c[i].count;
	}
	cr_assert_eq(s->proposals, total);
	free(c);
}

Test(standardize, run_counts_open_proposals_per_rule)
{
	stw_error err;
	stw_run_stats s;
	cr_assert_eq(stw_standardize_run(ws, rules, &s, &err), STW_OK, "%s", err.msg);
	cr_assert_gt(s.nrules, 1);
	assert_counts_match(&s);
	/* Applied and dismissed proposals are not open after the next run. */
	int64_t id = count("SELECT id FROM proposal WHERE rule='name_case'");
	cr_assert_eq(stw_standardize_apply_id(ws, rules, "ann", id, NULL, &err), STW_OK, "%s", err.msg);
	int64_t d = count("SELECT id FROM proposal WHERE rule='whitespace'");
	cr_assert_eq(stw_standardize_dismiss_id(ws, "ann", d, NULL, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(stw_standardize_run(ws, rules, &s, &err), STW_OK, "%s", err.msg);
	assert_counts_match(&s);
	/* Validation alone leaves the per-rule counts empty. */
	cr_assert_eq(stw_validate_all(ws, rules, &s, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(s.nrules, 0);
	cr_assert_eq(s.proposals, count("SELECT count(*) FROM proposal WHERE status='open'"));
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

/* Every current value of the workspace, as one text (for before/after comparisons). */
static char *
snapshot(void)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(stw_ws_db(ws),
	    "SELECT group_concat(id || ':' || coalesce(first_name, '') || '|' ||"
	    " coalesce(last_name, '') || '|' || coalesce(phone, '') || '|' ||"
	    " coalesce(country, '') || '|' || coalesce(email, ''), ';') FROM rec", -1, &st, NULL),
	    SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	char *s = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return s;
}

static void
undo_once(void)
{
	stw_error err;
	stw_decider d = {.steward = "ann", .rules = rules};
	int64_t undone = 0;
	cr_assert_eq(stw_decide_undo(ws, &d, &undone, NULL, &err), STW_OK, "%s", err.msg);
	cr_assert_gt(undone, 0);
}

Test(standardize, undo_of_apply_rule_restores_every_value_in_one_step)
{
	stw_error err;
	cr_assert_eq(stw_standardize_run(ws, rules, NULL, &err), STW_OK);
	char *before = snapshot();
	int64_t findings = count("SELECT count(*) FROM finding");
	int64_t applied, recs;
	cr_assert_eq(stw_standardize_apply_rule(ws, rules, "ann", NULL, &applied, &recs, NULL,
	                                        &err), STW_OK, "%s", err.msg);
	cr_assert_eq(applied, 9);
	cr_assert_eq(recs, 5);
	char *mid = snapshot();
	cr_assert_str_neq(mid, before);
	undo_once();
	char *after = snapshot();
	cr_assert_str_eq(after, before, "every value is back");
	cr_assert_eq(count("SELECT count(*) FROM proposal WHERE status='open'"), 9,
	             "every proposal is open again");
	cr_assert_eq(count("SELECT count(*) FROM change WHERE active=1"), 0);
	cr_assert_eq(count("SELECT count(*) FROM finding"), findings, "findings follow");
	cr_assert_eq(count("SELECT count(*) FROM decision WHERE undone_by IS NOT NULL"), 1);
	/* Nothing else to undo, and the proposals can be applied again. */
	stw_decider d = {.steward = "ann", .rules = rules};
	cr_assert_eq(stw_decide_undo(ws, &d, NULL, NULL, &err), STW_ENOENT);
	cr_assert_eq(stw_standardize_apply_rule(ws, rules, "ann", "phone_e164", &applied, NULL,
	                                        NULL, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(applied, 2);
	int64_t n, bad;
	char problem[256];
	cr_assert_eq(stw_audit_verify(ws, &n, &bad, problem, &err), STW_OK, "%s", err.msg);
	free(before);
	free(mid);
	free(after);
}

Test(standardize, undo_of_apply_id_reopens_the_proposal)
{
	stw_error err;
	cr_assert_eq(stw_standardize_run(ws, rules, NULL, &err), STW_OK);
	int64_t id = count("SELECT id FROM proposal WHERE rule='name_case'");
	cr_assert_eq(stw_standardize_apply_id(ws, rules, "ann", id, NULL, &err), STW_OK, "%s",
	             err.msg);
	char *v = value(2, "first_name");
	cr_assert_str_eq(v, "Bob");
	free(v);
	cr_assert_eq(count("SELECT count(*) FROM decision WHERE action='apply' AND record_id=2"), 1);
	undo_once();
	v = value(2, "first_name");
	cr_assert_str_eq(v, "BOB");
	free(v);
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM proposal WHERE id=%lld AND status='open'",
	         (long long)id);
	cr_assert_eq(count(sql), 1);
}

Test(standardize, undo_of_dismiss_reopens_the_proposal)
{
	stw_error err;
	cr_assert_eq(stw_standardize_run(ws, rules, NULL, &err), STW_OK);
	int64_t id = count("SELECT id FROM proposal WHERE rule='whitespace'");
	cr_assert_eq(stw_standardize_dismiss_id(ws, "ann", id, NULL, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(count("SELECT count(*) FROM proposal WHERE status='dismissed'"), 1);
	undo_once();
	cr_assert_eq(count("SELECT count(*) FROM proposal WHERE status='dismissed'"), 0);
	cr_assert_eq(count("SELECT count(*) FROM audit WHERE action='undo'"), 1);
	/* Open again: the next run keeps proposing it. */
	cr_assert_eq(stw_standardize_run(ws, rules, NULL, &err), STW_OK);
	cr_assert_eq(count("SELECT count(*) FROM proposal WHERE rule='whitespace' AND status='open'"),
	             1);
}

Test(standardize, stale_proposals_are_skipped_in_bulk)
{
	stw_error err;
	cr_assert_eq(stw_standardize_run(ws, rules, NULL, &err), STW_OK);
	cr_assert_eq(stw_ws_begin(ws, &err), STW_OK);
	cr_assert_eq(stw_rec_set(ws, 2, "first_name", "Robert", 0, NULL, &err), STW_OK);
	cr_assert_eq(stw_ws_commit(ws, &err), STW_OK);
	int64_t applied, skipped;
	cr_assert_eq(stw_standardize_apply_rule(ws, rules, "ann", "name_case", &applied, NULL,
	                                        &skipped, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(applied, 0);
	cr_assert_eq(skipped, 1);
	cr_assert_eq(count("SELECT count(*) FROM audit"), 0, "nothing logged");
}

Test(standardize, undo_of_apply_rule_waits_for_a_later_edit_on_its_records)
{
	stw_error err;
	cr_assert_eq(stw_standardize_run(ws, rules, NULL, &err), STW_OK);
	cr_assert_eq(stw_standardize_apply_rule(ws, rules, "ann", "phone_e164", NULL, NULL, NULL,
	                                        &err), STW_OK, "%s", err.msg);
	stw_decider bob = {.steward = "bob", .rules = rules};
	cr_assert_eq(stw_decide_edit(ws, &bob, 1, "phone", "+14155550199", NULL, &err), STW_OK,
	             "%s", err.msg);
	stw_decider ann = {.steward = "ann", .rules = rules};
	cr_assert_eq(stw_decide_undo(ws, &ann, NULL, NULL, &err), STW_EEXIST);
	cr_assert(strstr(err.msg, "must be undone first"), "%s", err.msg);
	cr_assert_eq(stw_decide_undo(ws, &bob, NULL, NULL, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(stw_decide_undo(ws, &ann, NULL, NULL, &err), STW_OK, "%s", err.msg);
	char *v = value(1, "phone");
	cr_assert_str_eq(v, "(415) 555-0134");
	free(v);
}
