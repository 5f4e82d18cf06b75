/*
 * The export's files that come from decisions: merges.csv, changes.csv,
 * deletes.csv and audit.jsonl (see export.h for their columns). All values
 * are text; ids are written as they are stored, never as numbers.
 *
 * merges.csv has one row per merged-away record of every accept still in
 * force, ordered by cluster; within a cluster the steps are numbered 1, 2,
 * ... onto one master, so a CRM that merges two records per call applies
 * them one by one and Salesforce (a master and at most two duplicates per
 * call) takes them two steps at a time.
 */
#include "audit_log.h"
#include "export_int.h"
#include "listing.h"
#include "fields.h"
#include "jsonw.h"
#include "rec.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
put_row(stw_buf *b, const char *const *v, int n, bool guard)
{
	size_t len[16];
	const char *vv[16];
	for (int i = 0; i < n; i++) {
		vv[i] = v[i] ? v[i] : "";
		len[i] = strlen(vv[i]);
	}
	stw_csv_put_row(b, vv, len, (size_t)n, ',', guard);
}

static void
flush(stw_outfile *of, stw_buf *b, bool force)
{
	if (force || b->len > (1 << 20)) {
		stw_outfile_write(of, b->data, b->len);
		stw_buf_reset(b);
	}
}

/* The current value of a column (original header) of record id, owned ("" when empty). */
static char *
column_value(stw_ws *ws, int64_t id, int64_t pos, const char *field, const char *header)
{
	sqlite3_stmt *st;
	char *v = NULL;
	if (field && stw_rec_has_field(field)) {
		char *sql = sqlite3_mprintf("SELECT \"%w\" FROM rec WHERE id=?", field);
		if (sqlite3_prepare_v2(stw_ws_db(ws), sql, -1, &st, NULL) == SQLITE_OK) {
			sqlite3_bind_int64(st, 1, id);
			if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
				v = stw_xstrdup((const char *)sqlite3_column_text(st, 0));
			sqlite3_finalize(st);
		}
		sqlite3_free(sql);
		return v ? v : stw_xstrdup("");
	}
	char *key = stw_xasprintf("#%s", header);
	if (sqlite3_prepare_v2(stw_ws_db(ws),
	        "SELECT coalesce(new, '') FROM change WHERE record_id=? AND field=? AND active=1"
	        " ORDER BY id DESC LIMIT 1", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			v = stw_xstrdup((const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	free(key);
	if (!v && sqlite3_prepare_v2(stw_ws_db(ws),
	              "SELECT json_extract(fields, '$[' || ? || ']') FROM record WHERE id=?", -1, &st,
	              NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, pos);
		sqlite3_bind_int64(st, 2, id);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
			v = stw_xstrdup((const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	return v ? v : stw_xstrdup("");
}

/* JSON {header: value} of the master's columns that accept seq changed. Owned. */
static char *
master_values(stw_ws *ws, int64_t master, int64_t seq)
{
	sqlite3_stmt *st;
	stw_buf b = STW_BUF_INIT;
	stw_buf_addc(&b, '{');
	/* Each changed field with the first column of the master's file mapped to it. */
	if (sqlite3_prepare_v2(stw_ws_db(ws),
	        "SELECT ch.field, (SELECT sc.pos FROM source_column sc WHERE sc.source_id = r.source_id"
	        "   AND (sc.field = ch.field OR '#' || sc.header = ch.field) ORDER BY sc.pos LIMIT 1),"
	        " (SELECT sc.header FROM source_column sc WHERE sc.source_id = r.source_id"
	        "   AND (sc.field = ch.field OR '#' || sc.header = ch.field) ORDER BY sc.pos LIMIT 1)"
	        " FROM (SELECT DISTINCT field FROM change WHERE record_id=?1 AND audit_seq=?2"
	        "   AND active=1) ch, record r WHERE r.id=?1 ORDER BY 2", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, master);
		sqlite3_bind_int64(st, 2, seq);
		bool first = true;
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *field = (const char *)sqlite3_column_text(st, 0);
			const char *header = (const char *)sqlite3_column_text(st, 2);
			if (!header)
				continue; /* not a column of the master's file: nothing to send */
			char *v = column_value(ws, master, sqlite3_column_int64(st, 1),
			                       field[0] == '#' ? NULL : field, header);
			stw_json_key(&b, header, first);
			stw_json_str(&b, v);
			free(v);
			first = false;
		}
		sqlite3_finalize(st);
	}
	stw_buf_addc(&b, '}');
	return stw_buf_take(&b);
}

static stw_err
write_merges(stw_ws *ws, stw_outfile *of, bool guard, int64_t *rows, stw_error *err)
{
	*rows = 0;
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws,
		"SELECT d.seq, d.cluster_id, a.steward, a.ts, d.record_id, m.external_id, p.id,"
		" r.external_id FROM decision d JOIN audit a ON a.seq = d.seq"
		" JOIN decision_prior p ON p.seq = d.seq AND p.kind = 'rec'"
		" JOIN rec r ON r.id = p.id JOIN rec m ON m.id = d.record_id"
		" WHERE d.action = 'accept' AND d.undone_by IS NULL AND r.status = 'merged'"
		" AND r.master_id = d.record_id ORDER BY d.cluster_id, d.seq, p.id", &st, err);
	if (e != STW_OK)
		return e;
	stw_buf b = STW_BUF_INIT;
	stw_buf_adds(&b, "master_external_id,duplicate_external_id,cluster,step,steward,decided_at,"
	                 "master_values,master_record,duplicate_record\r\n");
	int64_t last_seq = -1, step = 0;
	char *values = NULL;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t seq = sqlite3_column_int64(st, 0);
		if (seq != last_seq) {
			free(values);
			values = master_values(ws, sqlite3_column_int64(st, 4), seq);
			last_seq = seq;
			step = 0;
		}
		char cluster[32], stp[32], mrec[32], drec[32];
		snprintf(cluster, sizeof cluster, "%lld", (long long)sqlite3_column_int64(st, 1));
		snprintf(stp, sizeof stp, "%lld", (long long)++step);
		snprintf(mrec, sizeof mrec, "%lld", (long long)sqlite3_column_int64(st, 4));
		snprintf(drec, sizeof drec, "%lld", (long long)sqlite3_column_int64(st, 6));
		const char *v[9] = {
			(const char *)sqlite3_column_text(st, 5), (const char *)sqlite3_column_text(st, 7),
			cluster, stp, (const char *)sqlite3_column_text(st, 2),
			(const char *)sqlite3_column_text(st, 3), values, mrec, drec,
		};
		put_row(&b, v, 9, guard);
		(*rows)++;
		flush(of, &b, false);
	}
	free(values);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		e = stw_ws_dberr(ws, rc, "reading merges", err);
	flush(of, &b, true);
	stw_buf_free(&b);
	return e;
}

static stw_err
write_changes(stw_ws *ws, stw_outfile *of, bool guard, int64_t *rows, stw_error *err)
{
	*rows = 0;
	sqlite3_stmt *st;
	/* Every column of a surviving record that has an active change for its field. */
	stw_err e = stw_ws_prepare(ws,
		"SELECT r.id, r.external_id, sc.pos, sc.header, sc.field,"
		" json_extract(rd.fields, '$[' || sc.pos || ']')"
		" FROM rec r JOIN record rd ON rd.id = r.id"
		" JOIN source_column sc ON sc.source_id = r.source_id"
		" WHERE r.status = 'active' AND EXISTS (SELECT 1 FROM change c WHERE c.record_id = r.id"
		"   AND c.active = 1 AND (c.field = sc.field OR c.field = '#' || sc.header))"
		" ORDER BY r.id, sc.pos", &st, err);
	if (e != STW_OK)
		return e;
	stw_buf b = STW_BUF_INIT;
	stw_buf_adds(&b, "external_id,field,old_value,new_value\r\n");
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *old = (const char *)sqlite3_column_text(st, 5);
		char *nv = column_value(ws, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 2),
		                        (const char *)sqlite3_column_text(st, 4),
		                        (const char *)sqlite3_column_text(st, 3));
		if (strcmp(old ? old : "", nv) != 0) {
			const char *v[4] = {(const char *)sqlite3_column_text(st, 1),
			                    (const char *)sqlite3_column_text(st, 3), old, nv};
			put_row(&b, v, 4, guard);
			(*rows)++;
		}
		free(nv);
		flush(of, &b, false);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		e = stw_ws_dberr(ws, rc, "reading changes", err);
	flush(of, &b, true);
	stw_buf_free(&b);
	return e;
}

static stw_err
write_deletes(stw_ws *ws, stw_outfile *of, bool guard, int64_t *rows, stw_error *err)
{
	*rows = 0;
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws,
		"SELECT r.external_id, a.reason, a.steward, a.ts, r.id FROM rec r"
		" JOIN audit a ON a.seq = (SELECT max(d.seq) FROM decision d WHERE d.record_id = r.id"
		"   AND d.action = 'purge' AND d.undone_by IS NULL)"
		" WHERE r.status = 'purged' ORDER BY r.id", &st, err);
	if (e != STW_OK)
		return e;
	stw_buf b = STW_BUF_INIT;
	stw_buf_adds(&b, "external_id,reason,steward,purged_at,record\r\n");
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char rec[32];
		snprintf(rec, sizeof rec, "%lld", (long long)sqlite3_column_int64(st, 4));
		const char *v[5] = {(const char *)sqlite3_column_text(st, 0),
		                    (const char *)sqlite3_column_text(st, 1),
		                    (const char *)sqlite3_column_text(st, 2),
		                    (const char *)sqlite3_column_text(st, 3), rec};
		put_row(&b, v, 5, guard);
		(*rows)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		e = stw_ws_dberr(ws, rc, "reading purges", err);
	flush(of, &b, true);
	stw_buf_free(&b);
	return e;
}

typedef struct {
	stw_outfile *of;
	stw_buf      b;
	int64_t      n;
} jsonl_ctx;

static int
jsonl_row(const stw_audit_row *r, void *ctx)
{
	jsonl_ctx *c = ctx;
	stw_audit_jsonl(&c->b, r);
	c->n++;
	flush(c->of, &c->b, false);
	return 0;
}

static stw_err
write_audit(stw_ws *ws, stw_outfile *of, bool guard, int64_t *rows, stw_error *err)
{
	(void)guard; /* JSON: no spreadsheet reads it */
	jsonl_ctx c = {of, STW_BUF_INIT, 0};
	stw_err e = stw_audit_each(ws, false, jsonl_row, &c, err);
	flush(of, &c.b, true);
	stw_buf_free(&c.b);
	*rows = c.n;
	return e;
}

static bool
want_worklist(const stw_export_opts *o)
{
	return o->worklist;
}

/* The work list of clusters still to review: open and deferred ones. */
static stw_err
write_worklist_clusters(stw_ws *ws, stw_outfile *of, bool guard, int64_t *rows, stw_error *err)
{
	stw_list_opts lo = {"open", 0.0, NULL};
	int64_t open = 0, deferred = 0;
	stw_err e = stw_list_write_csv(ws, STW_LIST_CLUSTERS, &lo, of, guard, true, &open, err);
	lo.status = "deferred";
	if (e == STW_OK)
		e = stw_list_write_csv(ws, STW_LIST_CLUSTERS, &lo, of, guard, false, &deferred, err);
	*rows = open + deferred;
	return e;
}

static stw_err
write_worklist_findings(stw_ws *ws, stw_outfile *of, bool guard, int64_t *rows, stw_error *err)
{
	return stw_list_write_csv(ws, STW_LIST_FINDINGS, NULL, of, guard, true, rows, err);
}

const stw_export_writer stw_export_writers[] = {
	{"merges.csv", true, NULL, write_merges},
	{"changes.csv", false, NULL, write_changes},
	{"deletes.csv", true, NULL, write_deletes},
	{"audit.jsonl", false, NULL, write_audit},
	{"clusters.csv", true, want_worklist, write_worklist_clusters},
	{"findings.csv", true, want_worklist, write_worklist_findings},
	{NULL, false, NULL, NULL},
};
