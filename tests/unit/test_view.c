/*
 * Paged view queries on a small hand-made workspace.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "view.h"
#include "ws.h"

static stw_ws *ws;
static char path[64];

static void
exec(const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(stw_ws_db(ws), sql, NULL, NULL, &msg);
	cr_assert_eq(rc, SQLITE_OK, "%s: %s", sql, msg ? msg : "");
}

static void
setup(void)
{
	snprintf(path, sizeof path, "/tmp/test_view_%d.steward", (int)getpid());
	unlink(path);
	stw_error err;
	cr_assert_eq(stw_ws_open(&ws, path, STW_WS_CREATE, &err), STW_OK, "%s", err.msg);
	exec("INSERT INTO rec(id, source_id, entity, first_name, last_name, email) VALUES"
	     " (1, 1, 'contact', 'Ann', 'Lee', 'ann@x.com'),"
	     " (2, 1, 'contact', 'Anne', 'Lee', 'ann@x.com'),"
	     " (3, 1, 'contact', 'Bob', 'Roy', 'b_r@y.com'),"
	     " (4, 1, 'contact', 'Bobby', 'Roy', NULL),"
	     " (5, 1, 'contact', 'Robert', 'Roy', NULL);"
	     "INSERT INTO cluster(id, status, size, min_prob, max_prob, flagged) VALUES"
	     " (10, 'open', 2, 0.9, 0.99, 0), (11, 'open', 3, 0.5, 0.95, 1),"
	     " (12, 'accepted', 2, 0.8, 0.8, 0);"
	     "INSERT INTO cluster_member VALUES (10,1),(10,2),(11,3),(11,4),(11,5);"
	     "INSERT INTO pair VALUES (1, 2, 12.5, 0.99, '{\"email\":\"exact\",\"first_name\":\"nickname\"}');"
	     "INSERT INTO finding(record_id, field, rule, severity, message) VALUES"
	     " (3, 'email', 'invalid_email', 'error', 'bad'), (4, 'email', 'missing', 'warning', 'm'),"
	     " (5, 'email', 'missing', 'warning', 'm');"
	     "INSERT INTO proposal(record_id, field, rule, before, after, kind) VALUES"
	     " (3, 'email', 'email_typo', 'b_r@y.com', 'br@y.com', 'suggest');");
}

static void
teardown(void)
{
	stw_ws_close(ws);
	unlink(path);
	char aux[80];
	snprintf(aux, sizeof aux, "%s-wal", path);
	unlink(aux);
	snprintf(aux, sizeof aux, "%s-shm", path);
	unlink(aux);
}

TestSuite(view, .init = setup, .fini = teardown);

Test(view, counts)
{
	stw_view_counts c;
	cr_assert_eq(stw_view_counts_get(ws, &c, NULL), STW_OK);
	cr_assert_eq(c.records, 5);
	cr_assert_eq(c.open, 2);
	cr_assert_eq(c.decided, 1);
	cr_assert_eq(c.incomplete, 3);
	cr_assert_eq(c.proposals, 1);
}

Test(view, queue_pages_filters_and_sorts)
{
	stw_view_clusters q;
	cr_assert_eq(stw_view_cluster_page(ws, STW_VIEW_OPEN, STW_VIEW_BY_SCORE, 0, 10, -1, &q, NULL), STW_OK);
	cr_assert_eq(q.n, 2);
	cr_assert_eq(q.rows[0].id, 10);
	cr_assert_str_eq(q.rows[0].name, "Ann Lee");
	stw_view_clusters_free(&q);
	cr_assert_eq(stw_view_cluster_page(ws, STW_VIEW_OPEN, STW_VIEW_BY_SIZE, 0, 1, -1, &q, NULL), STW_OK);
	cr_assert_eq(q.n, 1);
	cr_assert_eq(q.rows[0].id, 11);
	stw_view_clusters_free(&q);
	cr_assert_eq(stw_view_cluster_count(ws, STW_VIEW_FLAGGED), 1);
	cr_assert_eq(stw_view_cluster_count(ws, STW_VIEW_ALL), 3);
	cr_assert_eq(stw_view_cluster_position(ws, STW_VIEW_OPEN, STW_VIEW_BY_SCORE, 11), 1);
	cr_assert_eq(stw_view_cluster_position(ws, STW_VIEW_OPEN, STW_VIEW_BY_SCORE, 12), -1);
}

Test(view, queue_pages_from_the_end)
{
	/* A page past the middle is read backwards: the same rows, same order. */
	for (int sort = STW_VIEW_BY_SCORE; sort <= STW_VIEW_BY_ID; sort++)
		for (int64_t off = 0; off <= 3; off++) {
			stw_view_clusters fw, bw;
			cr_assert_eq(stw_view_cluster_page(ws, STW_VIEW_ALL, sort, off, 2, -1, &fw, NULL),
			             STW_OK);
			cr_assert_eq(stw_view_cluster_page(ws, STW_VIEW_ALL, sort, off, 2, 3, &bw, NULL),
			             STW_OK);
			cr_assert_eq(bw.n, fw.n, "sort %d offset %lld", sort, (long long)off);
			for (size_t i = 0; i < fw.n; i++)
				cr_assert_eq(bw.rows[i].id, fw.rows[i].id, "sort %d offset %lld", sort,
				             (long long)off);
			stw_view_clusters_free(&fw);
			stw_view_clusters_free(&bw);
		}
}

Test(view, cluster_detail)
{
	stw_view_cluster_detail *d;
	cr_assert_eq(stw_view_cluster_get(ws, 10, &d, NULL), STW_OK);
	cr_assert_eq(d->nrec, 2);
	cr_assert_str_eq(d->entity, "contact");
	cr_assert_eq(d->nfield, 3); /* first_name, last_name, email */
	cr_assert_str_eq(d->field[0], "first_name");
	cr_assert(d->differs[0]);
	cr_assert(!d->differs[1]);
	cr_assert_str_eq(d->value[0 * d->nrec + 1], "Anne");
	const stw_view_pair *p = stw_view_cluster_pair(d, 2, 1);
	cr_assert_not_null(p);
	cr_assert_str_eq(p->levels, "email=exact first_name=nickname");
	stw_view_cluster_detail_free(d);
	cr_assert_eq(stw_view_cluster_get(ws, 99, &d, NULL), STW_ENOENT);
}

Test(view, findings_grouped_by_rule)
{
	stw_view_rules r;
	cr_assert_eq(stw_view_rule_list(ws, &r, NULL), STW_OK);
	cr_assert_eq(r.n, 3);
	cr_assert_str_eq(r.rows[0].rule, "missing");
	cr_assert_eq(r.rows[0].records, 2);
	cr_assert(r.rows[2].proposal);
	stw_view_findings f;
	cr_assert_eq(stw_view_finding_page(ws, &r.rows[1], 0, 10, &f, NULL), STW_OK);
	cr_assert_eq(f.n, 1);
	cr_assert_str_eq(f.rows[0].value, "b_r@y.com");
	cr_assert_str_eq(f.rows[0].proposed, "br@y.com");
	stw_view_findings_free(&f);
	cr_assert_eq(stw_view_finding_page(ws, &r.rows[0], 1, 10, &f, NULL), STW_OK);
	cr_assert_eq(f.n, 1);
	cr_assert_eq(f.rows[0].record, 5);
	stw_view_findings_free(&f);
	stw_view_rules_free(&r);
}

Test(view, search_escapes_wildcards)
{
	stw_view_records r;
	cr_assert_eq(stw_view_search(ws, "lee", 10, &r, NULL), STW_OK);
	cr_assert_eq(r.n, 2);
	cr_assert_eq(r.rows[0].cluster, 10);
	stw_view_records_free(&r);
	cr_assert_eq(stw_view_search(ws, "b_r", 10, &r, NULL), STW_OK);
	cr_assert_eq(r.n, 1);
	stw_view_records_free(&r);
	cr_assert_eq(stw_view_search(ws, "4", 10, &r, NULL), STW_OK);
	cr_assert_eq(r.n, 1);
	cr_assert_eq(r.rows[0].id, 4);
	stw_view_records_free(&r);
}

Test(view, record_detail)
{
	stw_view_record_detail *d;
	cr_assert_eq(stw_view_record_get(ws, 3, &d, NULL), STW_OK);
	cr_assert_eq(d->cluster, 11);
	cr_assert_eq(d->n, 3);
	stw_view_record_detail_free(d);
	cr_assert(stw_view_record_exists(ws, 5));
	cr_assert(!stw_view_record_exists(ws, 6));
}

Test(view, empty_log)
{
	stw_view_log l;
	cr_assert_eq(stw_view_log_page(ws, NULL, NULL, 0, 10, &l, NULL), STW_OK);
	cr_assert_eq(l.n, 0);
	stw_view_log_free(&l);
	cr_assert_eq(stw_view_log_count(ws, "accept", NULL), 0);
	char **v = stw_view_log_distinct(ws, "action");
	cr_assert_null(v[0]);
	free(v);
}

Test(view, counts_are_kept_until_the_data_changes)
{
	stw_view_counts c;
	stw_view_rules r;
	cr_assert_eq(stw_view_counts_get(ws, &c, NULL), STW_OK);
	cr_assert_eq(stw_view_rule_list(ws, &r, NULL), STW_OK);
	stw_view_rules_free(&r);
	char *kept = stw_ws_meta_get(ws, "console_rules");
	cr_assert_not_null(kept);
	cr_assert(strstr(kept, "\n1 1 1 email_typo\n") != NULL, "%s", kept);
	free(kept);
	/* The kept list is read back, in the same order with the same counts. */
	cr_assert_eq(stw_view_rule_list(ws, &r, NULL), STW_OK);
	cr_assert_eq(r.n, 3);
	cr_assert_str_eq(r.rows[0].rule, "missing");
	cr_assert_eq(r.rows[0].records, 2);
	cr_assert_eq(r.rows[0].rows, 2);
	cr_assert(r.rows[2].proposal);
	stw_view_rules_free(&r);
	/* A new finding changes the key: counted afresh. */
	exec("INSERT INTO finding(record_id, field, rule, severity, message) VALUES"
	     " (1, 'email', 'missing', 'warning', 'm');");
	cr_assert_eq(stw_view_rule_list(ws, &r, NULL), STW_OK);
	cr_assert_eq(r.rows[0].records, 3);
	stw_view_rules_free(&r);
	cr_assert_eq(stw_view_counts_get(ws, &c, NULL), STW_OK);
	cr_assert_eq(c.incomplete, 4);
	cr_assert_eq(c.findings, 4);
	/* So does a decision (the audit head). */
	exec("UPDATE rec SET status='merged' WHERE id=2;"
	     "INSERT INTO meta(key, value) VALUES('audit_head', 'abc')"
	     " ON CONFLICT(key) DO UPDATE SET value=excluded.value;");
	cr_assert_eq(stw_view_counts_get(ws, &c, NULL), STW_OK);
	cr_assert_eq(c.records, 4);
	/* A stored entry under another key is never used. */
	exec("UPDATE meta SET value='v1 other\n9 9 9 9' WHERE key='console_counts';");
	cr_assert_eq(stw_view_counts_get(ws, &c, NULL), STW_OK);
	cr_assert_eq(c.records, 4);
	cr_assert_eq(stw_view_cluster_count(ws, STW_VIEW_FLAGGED), 1);
	exec("UPDATE cluster SET flagged=0 WHERE id=11;"
	     "UPDATE meta SET value='def' WHERE key='audit_head';");
	cr_assert_eq(stw_view_cluster_count(ws, STW_VIEW_FLAGGED), 0);
}
