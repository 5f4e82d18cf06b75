/*
 * Undo: the steward's latest decision still in force is reversed by a new
 * decision. Its value changes (table change, audit_seq = the decision) are
 * reverted newest first: canonical fields through stw_rec_revert(), which
 * puts the old value back only if nobody changed the field since, and
 * "#HEADER" changes by marking them inactive. The statuses it changed come
 * back from decision_prior, rejected pairs it added are forgotten, and the
 * undone decision is marked with the undo's sequence; the audit trail keeps
 * both entries. A decision that a later decision of another steward built
 * on (same cluster or record) is refused until that one is undone.
 */
#include "decide_int.h"
#include "jsonw.h"
#include "rec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reverts the value changes of decision seq, newest first. */
static stw_err
revert_changes(stw_ws *ws, int64_t seq, stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, "SELECT id, field FROM change WHERE audit_seq=? AND active=1"
	                               " ORDER BY id DESC", &st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_int64(st, 1, seq);
	int64_t *ids = NULL;
	bool *extra = NULL;
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ids = stw_xrealloc(ids, (size_t)(n + 1) * sizeof *ids);
		extra = stw_xrealloc(extra, (size_t)(n + 1) * sizeof *extra);
		ids[n] = sqlite3_column_int64(st, 0);
		extra[n++] = sqlite3_column_text(st, 1)[0] == '#';
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		e = stw_ws_dberr(ws, rc, "reading changes", err);
	for (int i = 0; i < n && e == STW_OK; i++)
		e = extra[i] ? stw_dx_run(ws, err, "undoing a change", NULL,
		                          "UPDATE change SET active=0 WHERE id=?", "i", ids[i])
		             : stw_rec_revert(ws, ids[i], err);
	free(ids);
	free(extra);
	return e;
}

/* Puts back every status decision seq changed. */
static stw_err
restore_priors(stw_ws *ws, int64_t seq, stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, "SELECT kind, id, status, ref FROM decision_prior"
	                               " WHERE seq=?", &st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_int64(st, 1, seq);
	int rc;
	while (e == STW_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *kind = (const char *)sqlite3_column_text(st, 0);
		int64_t id = sqlite3_column_int64(st, 1);
		const char *status = (const char *)sqlite3_column_text(st, 2);
		int64_t ref = sqlite3_column_int64(st, 3);
		if (strcmp(kind, "cluster") == 0)
			e = stw_dx_run(ws, err, "restoring a cluster", NULL,
			               "UPDATE cluster SET status=?, size=? WHERE id=?", "tii", status, ref,
			               id);
		else if (strcmp(kind, "rec") == 0)
			e = stw_dx_run(ws, err, "restoring a record", NULL,
			               "UPDATE rec SET status=?, master_id=NULL WHERE id=?", "ti", status,
			               id);
		else if (strcmp(kind, "member") == 0)
			e = stw_dx_run(ws, err, "restoring a cluster", NULL,
			               "INSERT OR IGNORE INTO cluster_member(cluster_id, record_id)"
			               " VALUES(?,?)", "ii", ref, id);
		else if (strcmp(kind, "proposal") == 0)
			e = stw_dx_run(ws, err, "restoring a proposal", NULL,
			               "UPDATE proposal SET status=? WHERE id=?", "ti", status, id);
	}
	if (e == STW_OK && rc != SQLITE_DONE)
		e = stw_ws_dberr(ws, rc, "reading a decision", err);
	sqlite3_finalize(st);
	return e;
}

/* Recomputes the findings of every record decision seq touched. */
static stw_err
revalidate(stw_ws *ws, const stw_decider *d, int64_t seq, stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws,
		"SELECT record_id FROM change WHERE audit_seq=?1"
		" UNION SELECT id FROM decision_prior WHERE seq=?1 AND kind='rec'"
		" UNION SELECT record_id FROM decision WHERE seq=?1 AND record_id IS NOT NULL",
		&st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_int64(st, 1, seq);
	int64_t *ids = NULL;
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ids = stw_xrealloc(ids, (size_t)(n + 1) * sizeof *ids);
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		e = stw_ws_dberr(ws, rc, "reading a decision", err);
	for (int i = 0; i < n && e == STW_OK; i++)
		e = stw_dx_revalidate(ws, d, ids[i], err);
	free(ids);
	return e;
}

stw_err
stw_decide_undo(stw_ws *ws, const stw_decider *d, int64_t *undone_out, int64_t *seq_out,
                stw_error *err)
{
	stw_err e = stw_dx_begin(ws, err);
	if (e != STW_OK)
		return e;
	sqlite3_stmt *st = NULL;
	int64_t seq = 0, target = 0, cluster = 0, record = 0;
	char *action = NULL, *subject = NULL;
	stw_buf before = STW_BUF_INIT, after = STW_BUF_INIT;
	if ((e = stw_ws_prepare(ws, "SELECT d.seq, d.action, d.cluster_id, d.record_id, a.subject"
	                            " FROM decision d JOIN audit a ON a.seq = d.seq"
	                            " WHERE d.steward=? AND d.undone_by IS NULL"
	                            " AND d.action != 'undo' ORDER BY d.seq DESC LIMIT 1",
	                        &st, err)) != STW_OK)
		goto done;
	sqlite3_bind_text(st, 1, d->steward, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		target = sqlite3_column_int64(st, 0);
		action = stw_xstrdup((const char *)sqlite3_column_text(st, 1));
		cluster = sqlite3_column_int64(st, 2);
		record = sqlite3_column_int64(st, 3);
		subject = stw_xstrdup((const char *)sqlite3_column_text(st, 4));
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc == SQLITE_DONE)
		e = stw_fail(err, STW_ENOENT, "%s: %s has no decision to undo", stw_ws_path(ws),
		             d->steward);
	else if (rc != SQLITE_ROW)
		e = stw_ws_dberr(ws, rc, "reading decisions", err);
	if (e != STW_OK)
		goto done;

	/* A later decision in force on the same cluster or records comes first. */
	if ((e = stw_ws_prepare(ws,
	        "SELECT d2.seq, d2.steward, d2.action FROM decision d2"
	        " WHERE d2.seq > ?1 AND d2.undone_by IS NULL AND d2.action != 'undo' AND ("
	        "  (d2.cluster_id IS NOT NULL AND d2.cluster_id = ?2)"
	        "  OR (d2.record_id IS NOT NULL AND (d2.record_id = ?3 OR d2.record_id IN"
	        "      (SELECT id FROM decision_prior WHERE seq = ?1 AND kind IN ('rec', 'member'))))"
	        "  OR EXISTS (SELECT 1 FROM decision_prior p2 JOIN decision_prior p1"
	        "      ON p1.kind = p2.kind AND p1.id = p2.id WHERE p2.seq = d2.seq AND p1.seq = ?1)"
	        "  OR (d2.cluster_id IS NOT NULL AND d2.cluster_id IN"
	        "      (SELECT ref FROM decision_prior WHERE seq = ?1 AND kind = 'member'))"
	        /* a bulk decision (no cluster, no record): the records it changed */
	        "  OR (?2 = 0 AND ?3 = 0 AND d2.record_id IN"
	        "      (SELECT record_id FROM change WHERE audit_seq = ?1)))"
	        " ORDER BY d2.seq LIMIT 1", &st, err)) != STW_OK)
		goto done;
	sqlite3_bind_int64(st, 1, target);
	sqlite3_bind_int64(st, 2, cluster);
	sqlite3_bind_int64(st, 3, record);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		e = stw_fail(err, STW_EEXIST, "cannot undo entry %lld (%s %s): entry %lld (%s by %s) "
		             "built on it and must be undone first", (long long)target, action,
		             subject, (long long)sqlite3_column_int64(st, 0),
		             sqlite3_column_text(st, 2), sqlite3_column_text(st, 1));
	else if (rc != SQLITE_DONE)
		e = stw_ws_dberr(ws, rc, "reading decisions", err);
	sqlite3_finalize(st);
	st = NULL;
	if (e != STW_OK)
		goto done;

	stw_buf_printf(&before, "{\"undoes\":%lld,\"action\":", (long long)target);
	stw_json_str(&before, action);
	stw_buf_adds(&before, ",\"in_force\":true}");
	stw_buf_printf(&after, "{\"undoes\":%lld,\"in_force\":false}", (long long)target);
	char *why = stw_xasprintf("undo of entry %lld (%s %s)", (long long)target, action, subject);
	e = stw_dx_audit(ws, d, "undo", subject, before.data, after.data, why, &seq, err);
	free(why);
	if (e == STW_OK)
		e = revert_changes(ws, target, err);
	if (e == STW_OK)
		e = restore_priors(ws, target, err);
	if (e == STW_OK)
		e = revalidate(ws, d, target, err);
	if (e == STW_OK)
		e = stw_dx_run(ws, err, "forgetting rejected pairs", NULL,
		               "DELETE FROM rejected_pair WHERE audit_seq=?", "i", target);
	if (e == STW_OK)
		e = stw_dx_run(ws, err, "recording an undo", NULL,
		               "UPDATE decision SET undone_by=? WHERE seq=?", "ii", seq, target);
	if (e == STW_OK)
		e = stw_dx_decision(ws, seq, d, "undo", cluster, record, err);
done:
	free(action);
	free(subject);
	stw_buf_free(&before);
	stw_buf_free(&after);
	e = stw_dx_end(ws, e, err);
	if (undone_out)
		*undone_out = e == STW_OK ? target : 0;
	if (seq_out)
		*seq_out = e == STW_OK ? seq : 0;
	return e;
}
