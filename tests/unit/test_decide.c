#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "decide.h"
#include "export.h"
#include "import.h"
#include "rec.h"
#include "rules.h"
#include "ws.h"

static char dir[64];
static char path[128];
static stw_ws *ws;
static stw_rules *rules;
static stw_decider ann = {.steward = "ann"};
static stw_decider bob = {.steward = "bob"};

static void
sql(const char *q)
{
	char *msg = NULL;
	int rc = sqlite3_exec(stw_ws_db(ws), q, NULL, NULL, &msg);
	cr_assert_eq(rc, SQLITE_OK, "%s: %s", q, msg ? msg : "");
}

static char *
one(const char *q)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(stw_ws_db(ws), q, -1, &st, NULL), SQLITE_OK, "%s", q);
	char *v = NULL;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		v = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

static void
is(const char *q, const char *want)
{
	char *v = one(q);
	if (!want)
		cr_assert_null(v, "%s gave %s", q, v);
	else
		cr_assert(v && strcmp(v, want) == 0, "%s gave %s, not %s", q, v ? v : "NULL", want);
	free(v);
}

static void
setup(void)
{
	strcpy(dir, "/tmp/stw-decide-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/d.steward", dir);
	char csv[512];
	snprintf(csv, sizeof csv, "%s/decide_contacts.csv", getenv("FIXTURES"));
	stw_error err;
	cr_assert_eq(stw_ws_open(&ws, path, STW_WS_CREATE, &err), STW_OK, "%s", err.msg);
	stw_import_opts o = {.header = -1};
	stw_import_result res;
	cr_assert_eq(stw_import_file(ws, csv, &o, &res, &err), STW_OK, "%s", err.msg);
	stw_import_result_free(&res);
	sql("INSERT INTO cluster(id, size, min_prob, max_prob) VALUES(1,3,0.93,0.99),"
	    "(2,2,0.91,0.91),(3,3,0.9,0.97),(4,2,0.95,0.95);"
	    "INSERT INTO cluster_member VALUES(1,1),(1,2),(1,3),(2,4),(2,5),(3,6),(3,7),(3,8),"
	    "(4,11),(4,12);");
	cr_assert_eq(stw_rules_load(NULL, &rules, &err), STW_OK, "%s", err.msg);
	ann.rules = bob.rules = rules;
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

TestSuite(decide, .init = setup, .fini = teardown);

static void
verify_ok(void)
{
	int64_t count, bad;
	char problem[256];
	stw_error err;
	cr_assert_eq(stw_audit_verify(ws, &count, &bad, problem, &err), STW_OK, "%s", err.msg);
}

Test(decide, accept_merges_into_the_golden_master)
{
	stw_error err;
	stw_accept_opts o = {.rules = rules};
	int64_t seq;
	cr_assert_eq(stw_decide_accept(ws, &ann, 1, &o, &seq, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(seq, 1);
	is("SELECT status FROM cluster WHERE id=1", "accepted");
	is("SELECT group_concat(id || ':' || status || ':' || coalesce(master_id, '-')) FROM rec"
	   " WHERE id IN (1,2,3)", "1:active:-,2:merged:1,3:merged:1");
	/* master 1 (oldest created); email and phone most recent (record 2);
	 * the master's old phone moves to HomePhone (phone2). */
	is("SELECT email || '|' || phone || '|' || phone2 FROM rec WHERE id=1",
	   "jsmith@acme.com|(415) 555-0177|+14155550134");
	/* every change is linked to the audit entry */
	is("SELECT count(*) FROM change WHERE audit_seq=1", "6");
	is("SELECT company || '|' || title FROM rec WHERE id=1", "Acme|Vice President Sales");
	is("SELECT count(*) FROM audit", "1");
	is("SELECT action || ' ' || subject || ' ' || steward FROM audit", "accept cluster:1 ann");
	/* the notes column got what did not fit */
	is("SELECT new FROM change WHERE field='#Description'",
	   "Met at a conference\nMerged duplicates: email john.smith@acme.com; "
	   "email john.smith@gmail.com; phone +14155550199");
	verify_ok();
}

Test(decide, accept_with_master_pick_and_set)
{
	stw_error err;
	stw_surv_choice c[] = {{"title", 3, NULL}, {"company", 0, "ACME Corp"}};
	stw_accept_opts o = {.rules = rules, .master = 2, .choices = c, .nchoices = 2};
	cr_assert_eq(stw_decide_accept(ws, &ann, 1, &o, NULL, &err), STW_OK, "%s", err.msg);
	is("SELECT group_concat(master_id) FROM rec WHERE status='merged'", "2,2");
	is("SELECT external_id || '|' || coalesce(title, '') || '|' || company FROM rec WHERE id=2",
	   "003A02||ACME Corp");
	is("SELECT reason FROM audit", "master 2 (steward); first_name: most_frequent from 1; "
	   "phone2: secondary from 1; company: set; title: pick from 3; "
	   "match probability 0.930 to 0.990");
}

Test(decide, a_decided_cluster_cannot_be_decided_again)
{
	stw_error err;
	stw_accept_opts o = {.rules = rules};
	cr_assert_eq(stw_decide_accept(ws, &ann, 1, &o, NULL, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(stw_decide_accept(ws, &bob, 1, &o, NULL, &err), STW_EEXIST);
	cr_assert(strstr(err.msg, "cluster 1 was already accepted by ann"), "%s", err.msg);
	cr_assert_eq(stw_decide_reject(ws, &bob, 1, NULL, &err), STW_EEXIST);
	cr_assert_eq(stw_decide_defer(ws, &ann, 2, NULL, &err), STW_OK);
	cr_assert_eq(stw_decide_defer(ws, &ann, 2, NULL, &err), STW_EEXIST);
	cr_assert_eq(stw_decide_reject(ws, &ann, 2, NULL, &err), STW_OK, "a deferred cluster "
	             "can still be decided");
	cr_assert_eq(stw_decide_reject(ws, &ann, 99, NULL, &err), STW_ENOENT);
	is("SELECT count(*) FROM audit", "3");
	is("SELECT count(*) FROM change WHERE audit_seq IS NOT 1", "0");
}

Test(decide, claims_block_other_stewards_until_they_expire)
{
	stw_error err;
	cr_assert_eq(stw_decide_claim(ws, &ann, 2, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(stw_decide_claim(ws, &bob, 2, &err), STW_EBUSY);
	cr_assert_eq(stw_decide_reject(ws, &bob, 2, NULL, &err), STW_EBUSY);
	cr_assert(strstr(err.msg, "being reviewed by ann"), "%s", err.msg);
	stw_decider forced = {.steward = "bob", .force = true, .rules = rules};
	cr_assert_eq(stw_decide_defer(ws, &forced, 2, NULL, &err), STW_OK, "%s", err.msg);
	is("SELECT claimed_by FROM cluster WHERE id=2", NULL);
	/* an old claim has expired */
	sql("UPDATE cluster SET claimed_by='ann', claimed_at='2000-01-01T00:00:00Z' WHERE id=3");
	cr_assert_eq(stw_decide_defer(ws, &bob, 3, NULL, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(stw_decide_claim(ws, &ann, 1, &err), STW_OK);
	cr_assert_eq(stw_decide_release(ws, &ann, 1, &err), STW_OK);
	cr_assert_eq(stw_decide_claim(ws, &bob, 1, &err), STW_OK, "released");
}

Test(decide, reject_remembers_every_pair)
{
	stw_error err;
	int64_t seq;
	cr_assert_eq(stw_decide_reject(ws, &ann, 1, &seq, &err), STW_OK, "%s", err.msg);
	is("SELECT group_concat(a || '-' || b || '@' || audit_seq) FROM rejected_pair",
	   "1-2@1,1-3@1,2-3@1");
	is("SELECT status FROM cluster WHERE id=1", "rejected");
}

Test(decide, split_takes_records_out)
{
	stw_error err;
	int64_t out[] = {8}, seq;
	cr_assert_eq(stw_decide_split(ws, &ann, 3, out, 1, &seq, &err), STW_OK, "%s", err.msg);
	is("SELECT group_concat(record_id) FROM cluster_member WHERE cluster_id=3", "6,7");
	is("SELECT size || status FROM cluster WHERE id=3", "2open");
	is("SELECT group_concat(a || '-' || b) FROM rejected_pair", "6-8,7-8");
	int64_t two[] = {6, 7};
	cr_assert_eq(stw_decide_split(ws, &ann, 3, two, 1, NULL, &err), STW_EUSAGE);
	int64_t stranger[] = {1};
	cr_assert_eq(stw_decide_split(ws, &ann, 3, stranger, 1, NULL, &err), STW_EUSAGE);
	cr_assert(strstr(err.msg, "not in cluster 3"));
	cr_assert_eq(stw_decide_undo(ws, &ann, NULL, NULL, &err), STW_OK, "%s", err.msg);
	is("SELECT group_concat(record_id) FROM cluster_member WHERE cluster_id=3", "6,7,8");
	is("SELECT size FROM cluster WHERE id=3", "3");
	is("SELECT count(*) FROM rejected_pair", "0");
}

Test(decide, edit_purge_restore)
{
	stw_error err;
	int64_t seq;
	cr_assert_eq(stw_decide_edit(ws, &ann, 10, "title", "Head of Ops", &seq, &err), STW_OK,
	             "%s", err.msg);
	is("SELECT title FROM rec WHERE id=10", "Head of Ops");
	cr_assert_eq(stw_decide_edit(ws, &ann, 10, "Title", "Head of Ops", NULL, &err), STW_EEXIST,
	             "an original header names the mapped field; same value: nothing");
	cr_assert_eq(stw_decide_edit(ws, &ann, 10, "Description", "note", NULL, &err), STW_OK);
	is("SELECT new FROM change WHERE field='#Description'", "note");
	cr_assert_eq(stw_decide_edit(ws, &ann, 10, "Colour", "red", NULL, &err), STW_EUSAGE);
	cr_assert_eq(stw_decide_purge(ws, &ann, 9, "", NULL, &err), STW_EUSAGE);
	cr_assert_eq(stw_decide_purge(ws, &ann, 9, "test record", NULL, &err), STW_OK);
	cr_assert_eq(stw_decide_purge(ws, &ann, 9, "again", NULL, &err), STW_EEXIST);
	cr_assert_eq(stw_decide_edit(ws, &ann, 9, "title", "x", NULL, &err), STW_EDATA);
	is("SELECT status FROM rec WHERE id=9", "purged");
	is("SELECT count(*) FROM record", "12"); /* never deleted */
	cr_assert_eq(stw_decide_restore(ws, &ann, 9, NULL, &err), STW_OK);
	is("SELECT status FROM rec WHERE id=9", "active");
	cr_assert_eq(stw_decide_restore(ws, &ann, 9, NULL, &err), STW_EEXIST);
	is("SELECT group_concat(action) FROM audit", "edit,edit,purge,restore");
	verify_ok();
}

Test(decide, find_record_by_number_or_external_id)
{
	stw_error err;
	int64_t id;
	cr_assert_eq(stw_decide_find_record(ws, "id:003C02", &id, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(id, 7);
	cr_assert_eq(stw_decide_find_record(ws, "7", &id, &err), STW_OK);
	cr_assert_eq(id, 7);
	cr_assert_eq(stw_decide_find_record(ws, "99", &id, &err), STW_ENOENT);
	cr_assert_eq(stw_decide_find_record(ws, "id:nope", &id, &err), STW_ENOENT);
	cr_assert_eq(stw_decide_find_record(ws, "seven", &id, &err), STW_EUSAGE);
}

Test(decide, apply_and_dismiss_proposals)
{
	stw_error err;
	sql("INSERT INTO proposal(id, record_id, field, rule, before, after, why, kind) VALUES"
	    "(1, 2, 'phone', 'phone_e164', '(415) 555-0177', '+14155550177', 'E.164', 'safe'),"
	    "(2, 3, 'first_name', 'name_case', 'John', 'JOHN', 'case', 'suggest')");
	cr_assert_eq(stw_rec_sync(ws, NULL, &err), STW_OK);
	cr_assert_eq(stw_decide_apply(ws, &ann, 1, NULL, &err), STW_OK, "%s", err.msg);
	is("SELECT phone FROM rec WHERE id=2", "+14155550177");
	is("SELECT status FROM proposal WHERE id=1", "applied");
	cr_assert_eq(stw_decide_apply(ws, &ann, 1, NULL, &err), STW_EEXIST);
	cr_assert_eq(stw_decide_dismiss(ws, &ann, 2, NULL, &err), STW_OK);
	is("SELECT r.first_name || p.status FROM rec r, proposal p WHERE r.id=3 AND p.id=2",
	   "Johndismissed");
	is("SELECT reason FROM audit WHERE seq=1", "rule phone_e164");
	cr_assert_eq(stw_decide_undo(ws, &ann, NULL, NULL, &err), STW_OK);
	cr_assert_eq(stw_decide_undo(ws, &ann, NULL, NULL, &err), STW_OK);
	is("SELECT group_concat(status) FROM proposal", "open,open");
	is("SELECT phone FROM rec WHERE id=2", "(415) 555-0177");
}

Test(decide, undo_reverses_the_latest_decision_of_this_steward)
{
	stw_error err;
	stw_accept_opts o = {.rules = rules};
	cr_assert_eq(stw_decide_accept(ws, &ann, 1, &o, NULL, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(stw_decide_purge(ws, &bob, 9, "junk", NULL, &err), STW_OK);
	int64_t undone, seq;
	cr_assert_eq(stw_decide_undo(ws, &ann, &undone, &seq, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(undone, 1, "ann's latest, not bob's");
	cr_assert_eq(seq, 3);
	is("SELECT status FROM cluster WHERE id=1", "open");
	is("SELECT group_concat(status) FROM rec WHERE id IN (1,2,3)", "active,active,active");
	is("SELECT email || '|' || phone || '|' || coalesce(phone2, '-') FROM rec WHERE id=1",
	   "john.smith@acme.com|+14155550134|-");
	is("SELECT count(*) FROM change WHERE active=1", "0");
	is("SELECT status FROM rec WHERE id=9", "purged");
	is("SELECT undone_by FROM decision WHERE seq=1", "3");
	is("SELECT action || ' ' || subject || ' ' || reason FROM audit WHERE seq=3",
	   "undo cluster:1 undo of entry 1 (accept cluster:1)");
	cr_assert_eq(stw_decide_undo(ws, &ann, NULL, NULL, &err), STW_ENOENT);
	/* the cluster can be decided again */
	cr_assert_eq(stw_decide_reject(ws, &ann, 1, NULL, &err), STW_OK, "%s", err.msg);
	verify_ok();
}

Test(decide, undo_refuses_what_another_steward_built_on)
{
	stw_error err;
	cr_assert_eq(stw_decide_defer(ws, &ann, 1, NULL, &err), STW_OK);
	stw_accept_opts o = {.rules = rules};
	cr_assert_eq(stw_decide_accept(ws, &bob, 1, &o, NULL, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(stw_decide_undo(ws, &ann, NULL, NULL, &err), STW_EEXIST);
	cr_assert(strstr(err.msg, "entry 2 (accept by bob)"), "%s", err.msg);
	cr_assert_eq(stw_decide_undo(ws, &bob, NULL, NULL, &err), STW_OK);
	cr_assert_eq(stw_decide_undo(ws, &ann, NULL, NULL, &err), STW_OK, "%s", err.msg);
	is("SELECT status FROM cluster WHERE id=1", "open");
}

Test(decide, undo_of_an_edit_keeps_a_later_change)
{
	stw_error err;
	cr_assert_eq(stw_decide_edit(ws, &ann, 10, "title", "A", NULL, &err), STW_OK);
	cr_assert_eq(stw_decide_edit(ws, &ann, 10, "title", "B", NULL, &err), STW_OK);
	cr_assert_eq(stw_decide_undo(ws, &ann, NULL, NULL, &err), STW_OK);
	is("SELECT title FROM rec WHERE id=10", "A");
	cr_assert_eq(stw_decide_undo(ws, &ann, NULL, NULL, &err), STW_OK);
	is("SELECT title FROM rec WHERE id=10", "-Head of =Ops");
}

Test(decide, a_merged_or_purged_member_blocks_accept)
{
	stw_error err;
	cr_assert_eq(stw_decide_purge(ws, &ann, 2, "junk", NULL, &err), STW_OK);
	stw_accept_opts o = {.rules = rules};
	cr_assert_eq(stw_decide_accept(ws, &ann, 1, &o, NULL, &err), STW_EDATA);
	cr_assert(strstr(err.msg, "record 2 of cluster 1 is purged"), "%s", err.msg);
	is("SELECT count(*) FROM audit", "1");
}

Test(decide, findings_follow_the_current_values)
{
	stw_error err;
	cr_assert_eq(stw_decide_edit(ws, &ann, 10, "email", "not an address", NULL, &err), STW_OK,
	             "%s", err.msg);
	is("SELECT count(*) FROM finding WHERE record_id=10 AND rule='invalid_email'", "1");
	cr_assert_eq(stw_decide_undo(ws, &ann, NULL, NULL, &err), STW_OK, "%s", err.msg);
	is("SELECT count(*) FROM finding WHERE record_id=10 AND rule='invalid_email'", "0");
	cr_assert_eq(stw_decide_purge(ws, &ann, 10, "gone", NULL, &err), STW_OK);
	is("SELECT count(*) FROM finding WHERE record_id=10", "0");
}

Test(decide, golden_preview_changes_nothing)
{
	stw_error err;
	stw_golden g;
	stw_accept_opts o = {.rules = rules};
	cr_assert_eq(stw_decide_golden(ws, 1, &o, &g, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(g.master, 1);
	stw_golden_free(&g);
	is("SELECT count(*) FROM change", "0");
	is("SELECT count(*) FROM audit", "0");
}

/* ==== The trail under tampering ==== */

static void
tamper(const char *q)
{
	sqlite3 *db;
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(db, q, NULL, NULL, &msg), SQLITE_OK, "%s", msg ? msg : "");
	sqlite3_close(db);
}

static int64_t
broken_at(char *problem)
{
	int64_t count, bad;
	stw_error err;
	cr_assert_eq(stw_audit_verify(ws, &count, &bad, problem, &err), STW_EDATA);
	return bad;
}

static void
three_decisions(void)
{
	stw_error err;
	cr_assert_eq(stw_decide_defer(ws, &ann, 1, NULL, &err), STW_OK);
	cr_assert_eq(stw_decide_defer(ws, &ann, 2, NULL, &err), STW_OK);
	cr_assert_eq(stw_decide_purge(ws, &ann, 9, "junk", NULL, &err), STW_OK);
}

Test(decide, verify_names_an_entry_appended_behind_its_back)
{
	three_decisions();
	tamper("INSERT INTO audit SELECT 4, ts, 'mallory', action, subject, before, after, reason,"
	       " hash, hash FROM audit WHERE seq=3");
	char problem[256];
	cr_assert_eq(broken_at(problem), 4);
	cr_assert_str_eq(problem, "entry 4 was inserted after the last entry written (3)");
}

Test(decide, verify_names_entries_removed_from_the_end)
{
	three_decisions();
	tamper("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq=3");
	char problem[256];
	cr_assert_eq(broken_at(problem), 3);
	cr_assert_str_eq(problem, "entries 3 to 3 are missing (removed from the end)");
}

Test(decide, verify_names_a_steward_changed_by_hand)
{
	three_decisions();
	tamper("DROP TRIGGER audit_no_update; UPDATE audit SET steward='mallory' WHERE seq=2");
	char problem[256];
	cr_assert_eq(broken_at(problem), 2);
}
