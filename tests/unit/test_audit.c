#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "ws.h"

static char dir[64];
static char path[128];
static stw_ws *ws;

static void
setup(void)
{
	strcpy(dir, "/tmp/stw-audit-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/a.steward", dir);
	stw_error err;
	cr_assert_eq(stw_ws_open(&ws, path, STW_WS_CREATE, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(stw_ws_begin(ws, &err), STW_OK);
	for (int i = 0; i < 5; i++) {
		char subject[32];
		snprintf(subject, sizeof subject, "record:%d", i + 1);
		stw_audit_entry e = {"ann", "edit", subject, "{\"email\":\"a@x\"}",
		                     "{\"email\":\"b@x\"}", "typo"};
		int64_t seq;
		cr_assert_eq(stw_audit_append(ws, &e, &seq, &err), STW_OK, "%s", err.msg);
		cr_assert_eq(seq, i + 1);
	}
	cr_assert_eq(stw_ws_commit(ws, &err), STW_OK);
}

static void
teardown(void)
{
	stw_ws_close(ws);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(audit, .init = setup, .fini = teardown);

/* Runs SQL on the file behind Steward's back, as someone tampering would. */
static void
tamper(const char *sql)
{
	sqlite3 *db;
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	char *msg = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
	cr_assert_eq(rc, SQLITE_OK, "%s", msg ? msg : "");
	sqlite3_close(db);
}

static int64_t
verify(char *problem)
{
	int64_t count, bad;
	stw_error err;
	stw_audit_verify(ws, &count, &bad, problem, &err);
	return bad;
}

Test(audit, intact_chain_verifies)
{
	int64_t count, bad;
	char problem[256];
	stw_error err;
	cr_assert_eq(stw_audit_verify(ws, &count, &bad, problem, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(count, 5);
	cr_assert_eq(bad, 0);
}

Test(audit, triggers_refuse_update_and_delete)
{
	sqlite3 *db = stw_ws_db(ws);
	cr_assert_neq(sqlite3_exec(db, "UPDATE audit SET steward='mallory'", NULL, NULL, NULL), SQLITE_OK);
	cr_assert_neq(sqlite3_exec(db, "DELETE FROM audit WHERE seq=2", NULL, NULL, NULL), SQLITE_OK);
	cr_assert(strstr(sqlite3_errmsg(db), "append-only"));
}

Test(audit, altered_entry_is_named)
{
	tamper("DROP TRIGGER audit_no_update; UPDATE audit SET after='{\"email\":\"evil@x\"}' WHERE seq=3");
	char problem[256];
	cr_assert_eq(verify(problem), 3);
	cr_assert_str_eq(problem, "entry 3 was altered (its hash does not match its contents)");
}

Test(audit, removed_entry_is_named)
{
	tamper("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq=2");
	char problem[256];
	cr_assert_eq(verify(problem), 2);
	cr_assert_str_eq(problem, "entry 2 is missing (removed); the next entry is 3");
}

Test(audit, removed_tail_is_named)
{
	tamper("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq>=4");
	char problem[256];
	cr_assert_eq(verify(problem), 4);
	cr_assert_str_eq(problem, "entries 4 to 5 are missing (removed from the end)");
}

Test(audit, inserted_entry_is_named)
{
	/* Renumber to make room, then insert a forged entry 3 with a made-up hash. */
	tamper("DROP TRIGGER audit_no_update;"
	       "UPDATE audit SET seq=seq+100 WHERE seq>=3; UPDATE audit SET seq=seq-99 WHERE seq>=103;"
	       "INSERT INTO audit VALUES(3,'2026-01-01T00:00:00Z','mallory','edit','record:9',"
	       "NULL,NULL,NULL,(SELECT hash FROM audit WHERE seq=2),'00');");
	char problem[256];
	cr_assert_eq(verify(problem), 3);
	cr_assert_str_eq(problem, "entry 3 was altered (its hash does not match its contents)");
}

Test(audit, append_needs_a_transaction_and_a_steward)
{
	stw_error err;
	stw_audit_entry e = {"ann", "edit", "record:1", NULL, NULL, NULL};
	cr_assert_eq(stw_audit_append(ws, &e, NULL, &err), STW_EUSAGE);
	stw_ws_begin(ws, &err);
	stw_audit_entry anon = {"", "edit", "record:1", NULL, NULL, NULL};
	cr_assert_eq(stw_audit_append(ws, &anon, NULL, &err), STW_EUSAGE);
	stw_ws_rollback(ws);
}

Test(audit, canonical_text_is_unambiguous)
{
	char *a = stw_audit_canonical(1, "t", "s", "a", "b", "x\nreason=1:y", NULL, NULL, "p");
	char *b = stw_audit_canonical(1, "t", "s", "a", "b", "x", NULL, "y", "p");
	cr_assert_str_neq(a, b);
	free(a);
	free(b);
}
