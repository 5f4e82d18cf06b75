/*
 * The counts the console keeps are brought forward through decisions
 * (view_track.c): after each one, what is kept must equal a fresh count.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "decide.h"
#include "import.h"
#include "rec.h"
#include "rules.h"
#include "standardize.h"
#include "view.h"
#include "ws.h"

static char dir[64];
static char path[128];
static stw_ws *ws;
static stw_rules *rules;
static stw_decider ann = {.steward = "ann"};

static void
sql(const char *q)
{
	char *msg = NULL;
	int rc = sqlite3_exec(stw_ws_db(ws), q, NULL, NULL, &msg);
	cr_assert_eq(rc, SQLITE_OK, "%s: %s", q, msg ? msg : "");
}

static int64_t
num(const char *q)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(stw_ws_db(ws), q, -1, &st, NULL), SQLITE_OK, "%s", q);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", q);
	int64_t n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void
import(const char *name)
{
	char csv[512];
	snprintf(csv, sizeof csv, "%s/%s", getenv("FIXTURES"), name);
	stw_error err;
	stw_import_opts o = {.header = -1};
	stw_import_result res;
	cr_assert_eq(stw_import_file(ws, csv, &o, &res, &err), STW_OK, "%s", err.msg);
	stw_import_result_free(&res);
	cr_assert_eq(stw_rec_sync(ws, NULL, &err), STW_OK, "%s", err.msg);
}

static void
standardize(void)
{
	stw_error err;
	cr_assert_eq(stw_standardize_run(ws, rules, NULL, &err), STW_OK, "%s", err.msg);
}

static void
setup(void)
{
	strcpy(dir, "/tmp/stw-track-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/t.steward", dir);
	stw_error err;
	cr_assert_eq(stw_ws_open(&ws, path, STW_WS_CREATE, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(stw_rules_load(NULL, &rules, &err), STW_OK, "%s", err.msg);
	ann.rules = rules;
	import("decide_contacts.csv");
	standardize();
	sql("INSERT INTO cluster(id, size, min_prob, max_prob, flagged) VALUES(1,3,0.93,0.99,1),"
	    "(2,2,0.91,0.91,0),(3,3,0.9,0.97,1),(4,2,0.95,0.95,0);"
	    "INSERT INTO cluster_member VALUES(1,1),(1,2),(1,3),(2,4),(2,5),(3,6),(3,7),(3,8),"
	    "(4,11),(4,12);");
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

TestSuite(view_track, .init = setup, .fini = teardown);

typedef struct {
	stw_view_counts c;
	stw_view_rules  r;
	int64_t         queue[4]; /* all, open, deferred, flagged */
} seen;

static void
look(seen *s)
{
	cr_assert_eq(stw_view_counts_get(ws, &s->c, NULL), STW_OK);
	cr_assert_eq(stw_view_rule_list(ws, &s->r, NULL), STW_OK);
	s->queue[0] = stw_view_cluster_count(ws, STW_VIEW_ALL);
	s->queue[1] = stw_view_cluster_count(ws, STW_VIEW_OPEN);
	s->queue[2] = stw_view_cluster_count(ws, STW_VIEW_DEFERRED);
	s->queue[3] = stw_view_cluster_count(ws, STW_VIEW_FLAGGED);
}

/* What the console shows (read from the kept entries) equals a fresh count,
 * and a fresh count of the records agrees with the tables themselves. */
static void
kept_is_fresh(const char *after)
{
	seen k, f;
	look(&k);
	sql("UPDATE meta SET value='' WHERE key LIKE 'console_%'");
	look(&f);
	cr_assert_eq(k.c.records, f.c.records, "%s: records %lld, fresh %lld", after,
	             (long long)k.c.records, (long long)f.c.records);
	cr_assert_eq(k.c.incomplete, f.c.incomplete, "%s: incomplete", after);
	cr_assert_eq(k.c.findings, f.c.findings, "%s: findings", after);
	cr_assert_eq(k.c.proposals, f.c.proposals, "%s: proposals", after);
	cr_assert_eq(k.c.clusters, f.c.clusters, "%s: clusters", after);
	cr_assert_eq(k.c.open, f.c.open, "%s: open", after);
	cr_assert_eq(k.c.deferred, f.c.deferred, "%s: deferred", after);
	cr_assert_eq(k.c.decided, f.c.decided, "%s: decided", after);
	for (int i = 0; i < 4; i++)
		cr_assert_eq(k.queue[i], f.queue[i], "%s: queue %d: %lld, fresh %lld", after, i,
		             (long long)k.queue[i], (long long)f.queue[i]);
	cr_assert_eq(k.r.n, f.r.n, "%s: %zu rule groups, fresh %zu", after, k.r.n, f.r.n);
	for (size_t i = 0; i < k.r.n; i++) {
		cr_assert_str_eq(k.r.rows[i].rule, f.r.rows[i].rule, "%s: group %zu", after, i);
		cr_assert_eq(k.r.rows[i].proposal, f.r.rows[i].proposal, "%s: %s", after,
		             k.r.rows[i].rule);
		cr_assert_eq(k.r.rows[i].records, f.r.rows[i].records, "%s: %s records", after,
		             k.r.rows[i].rule);
		cr_assert_eq(k.r.rows[i].rows, f.r.rows[i].rows, "%s: %s rows", after,
		             k.r.rows[i].rule);
	}
	cr_assert_eq(f.c.records, num("SELECT count(*) FROM rec WHERE status='active'"));
	cr_assert_eq(f.c.open, num("SELECT count(*) FROM cluster WHERE status='open'"));
	stw_view_rules_free(&k.r);
	stw_view_rules_free(&f.r);
}

/* One decision as the console makes it: between begin and end. All three
 * kept entries must be brought forward, not dropped. */
#define TRACKED(what, call)                                                           \
	do {                                                                          \
		kept_is_fresh("before " what);                                        \
		stw_view_track *t_ = stw_view_track_begin(ws);                        \
		cr_assert_not_null(t_, "%s: nothing to keep", what);                  \
		stw_error err_ = {0};                                                     \
		stw_err e_ = (call);                                                  \
		cr_assert_eq(e_, STW_OK, "%s: %s", what, err_.msg);                  \
		cr_assert_eq(stw_view_track_end(ws, t_), 3, "%s: not kept", what);   \
		kept_is_fresh(what);                                                  \
	} while (0)

static int64_t
open_proposal(void)
{
	return num("SELECT coalesce(min(id), 0) FROM proposal WHERE status='open'"
	           " AND record_id IN (SELECT id FROM rec WHERE status='active')");
}

Test(view_track, decisions_and_undo_keep_fresh_counts)
{
	stw_accept_opts o = {.rules = rules};
	int64_t seq, undone;
	int64_t split_off[] = {8};
	cr_assert_gt(num("SELECT count(*) FROM finding"), 0);
	cr_assert_gt(open_proposal(), 0);
	TRACKED("accept", stw_decide_accept(ws, &ann, 1, &o, &seq, &err_));
	TRACKED("reject", stw_decide_reject(ws, &ann, 2, &seq, &err_));
	TRACKED("split", stw_decide_split(ws, &ann, 3, split_off, 1, &seq, &err_));
	TRACKED("defer", stw_decide_defer(ws, &ann, 4, &seq, &err_));
	TRACKED("edit to an invalid e-mail", stw_decide_edit(ws, &ann, 9, "email", "not an email",
	                                                     &seq, &err_));
	TRACKED("edit emptying a field", stw_decide_edit(ws, &ann, 10, "last_name", "", &seq, &err_));
	int64_t p = open_proposal();
	TRACKED("apply a fix", stw_standardize_apply_id(ws, rules, "ann", p, &seq, &err_));
	TRACKED("purge", stw_decide_purge(ws, &ann, 10, "test record", &seq, &err_));
	/* Undo every one of them, newest first, back to the start. */
	for (int i = 0; i < 8; i++)
		TRACKED("undo", stw_decide_undo(ws, &ann, &undone, &seq, &err_));
	cr_assert_eq(num("SELECT count(*) FROM cluster WHERE status='open'"), 4);
	cr_assert_eq(num("SELECT count(*) FROM rec WHERE status='active'"),
	             num("SELECT count(*) FROM rec"));
}

Test(view_track, a_failed_decision_keeps_the_counts)
{
	int64_t seq;
	TRACKED("reject", stw_decide_reject(ws, &ann, 2, &seq, &err_));
	kept_is_fresh("again");
	stw_view_track *t = stw_view_track_begin(ws);
	cr_assert_not_null(t);
	stw_error err;
	cr_assert_eq(stw_decide_reject(ws, &ann, 2, &seq, &err), STW_EEXIST);
	cr_assert_eq(stw_view_track_end(ws, t), 3);
	kept_is_fresh("a refused decision");
}

Test(view_track, import_and_standardize_are_counted_afresh)
{
	int64_t seq;
	kept_is_fresh("start");
	import("match_contacts.csv");
	kept_is_fresh("import");
	standardize();
	kept_is_fresh("standardize");
	TRACKED("edit after the import", stw_decide_edit(ws, &ann, 15, "email", "x@", &seq, &err_));
	TRACKED("undo", stw_decide_undo(ws, &ann, NULL, &seq, &err_));
}

Test(view_track, another_stewards_write_is_never_folded_in)
{
	int64_t seq;
	kept_is_fresh("start");
	stw_view_track *t = stw_view_track_begin(ws);
	cr_assert_not_null(t);
	/* Another steward, on another connection, edits a record meanwhile. */
	stw_ws *other;
	stw_error err;
	cr_assert_eq(stw_ws_open(&other, path, 0, &err), STW_OK, "%s", err.msg);
	stw_decider bob = {.steward = "bob", .rules = rules};
	cr_assert_eq(stw_decide_edit(other, &bob, 4, "email", "bad address", &seq, &err), STW_OK,
	             "%s", err.msg);
	stw_ws_close(other);
	cr_assert_eq(stw_decide_edit(ws, &ann, 5, "email", "also bad", &seq, &err), STW_OK, "%s",
	             err.msg);
	cr_assert_eq(stw_view_track_end(ws, t), 0);
	kept_is_fresh("two stewards");
}

Test(view_track, nothing_kept_nothing_tracked)
{
	sql("UPDATE meta SET value='' WHERE key LIKE 'console_%'");
	cr_assert_null(stw_view_track_begin(ws));
	cr_assert_eq(stw_view_track_end(ws, NULL), 0);
}
