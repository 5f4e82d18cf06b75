/*
 * Cluster decisions (accept, reject, split, defer), claims, and the functions
 * every decision shares. The model is in decide.h; in short: one transaction
 * per decision, state checked inside it, one audit entry, every change
 * linked to that entry, and what undo needs kept in decision_prior.
 */
#include "decide_int.h"
#include "jsonw.h"
#include "profile.h"
#include "rec.h"
#include "audit.h"
#include "validate.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== Shared by every decision ==== */

static stw_err
vprep(stw_ws *ws, stw_error *err, const char *sql, const char *types, va_list ap,
      sqlite3_stmt **st)
{
	stw_err e = stw_ws_prepare(ws, sql, st, err);
	if (e != STW_OK)
		return e;
	for (int i = 0; types[i]; i++) {
		if (types[i] == 'i') {
			sqlite3_bind_int64(*st, i + 1, va_arg(ap, int64_t));
		} else {
			const char *s = va_arg(ap, const char *);
			if (s)
				sqlite3_bind_text(*st, i + 1, s, -1, SQLITE_TRANSIENT);
		}
	}
	return STW_OK;
}

stw_err
stw_dx_run(stw_ws *ws, stw_error *err, const char *what, int *changes, const char *sql,
           const char *types, ...)
{
	sqlite3_stmt *st;
	va_list ap;
	va_start(ap, types);
	stw_err e = vprep(ws, err, sql, types, ap, &st);
	va_end(ap);
	if (e != STW_OK)
		return e;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return stw_ws_dberr(ws, rc, what, err);
	if (changes)
		*changes = sqlite3_changes(stw_ws_db(ws));
	return STW_OK;
}

stw_err
stw_dx_one(stw_ws *ws, stw_error *err, const char *what, bool *found, int64_t *i, char **s,
           const char *sql, const char *types, ...)
{
	*found = false;
	if (i)
		*i = 0;
	if (s)
		*s = NULL;
	sqlite3_stmt *st;
	va_list ap;
	va_start(ap, types);
	stw_err e = vprep(ws, err, sql, types, ap, &st);
	va_end(ap);
	if (e != STW_OK)
		return e;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*found = true;
		if (i)
			*i = sqlite3_column_int64(st, 0);
		const char *t = (const char *)sqlite3_column_text(st, 0);
		if (s && t)
			*s = stw_xstrdup(t);
	} else if (rc != SQLITE_DONE) {
		e = stw_ws_dberr(ws, rc, what, err);
	}
	sqlite3_finalize(st);
	return e;
}

stw_err
stw_dx_begin(stw_ws *ws, stw_error *err)
{
	stw_err e = stw_ws_begin(ws, err);
	if (e != STW_OK)
		return e;
	if ((e = stw_rec_sync(ws, NULL, err)) != STW_OK)
		stw_ws_rollback(ws);
	return e;
}

stw_err
stw_dx_end(stw_ws *ws, stw_err e, stw_error *err)
{
	if (e != STW_OK) {
		stw_ws_rollback(ws);
		return e;
	}
	return stw_ws_commit(ws, err);
}

stw_err
stw_dx_audit(stw_ws *ws, const stw_decider *d, const char *action, const char *subject,
             const char *before, const char *after, const char *reason, int64_t *seq,
             stw_error *err)
{
	char *why = NULL;
	if (d->comment && *d->comment)
		why = reason && *reason ? stw_xasprintf("%s; comment: %s", reason, d->comment)
		                        : stw_xasprintf("comment: %s", d->comment);
	stw_audit_entry a = {
		.steward = d->steward, .action = action, .subject = subject,
		.before = before, .after = after, .reason = why ? why : reason,
	};
	stw_err e = stw_audit_append(ws, &a, seq, err);
	free(why);
	return e;
}

stw_err
stw_dx_decision(stw_ws *ws, int64_t seq, const stw_decider *d, const char *action,
                int64_t cluster, int64_t record, stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, "INSERT INTO decision(seq, steward, action, cluster_id,"
	                               " record_id) VALUES(?,?,?,?,?)", &st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_int64(st, 1, seq);
	sqlite3_bind_text(st, 2, d->steward, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, action, -1, SQLITE_STATIC);
	if (cluster)
		sqlite3_bind_int64(st, 4, cluster);
	if (record)
		sqlite3_bind_int64(st, 5, record);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? STW_OK : stw_ws_dberr(ws, rc, "recording a decision", err);
}

stw_err
stw_dx_prior(stw_ws *ws, int64_t seq, const char *kind, int64_t id, const char *status,
             bool has_ref, int64_t ref, stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, "INSERT INTO decision_prior(seq, kind, id, status, ref)"
	                               " VALUES(?,?,?,?,?)", &st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_int64(st, 1, seq);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, id);
	if (status)
		sqlite3_bind_text(st, 4, status, -1, SQLITE_STATIC);
	if (has_ref)
		sqlite3_bind_int64(st, 5, ref);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? STW_OK : stw_ws_dberr(ws, rc, "recording a decision", err);
}

stw_err
stw_dx_header_field(stw_ws *ws, int64_t record, const char *header, bool *exists, char **field,
                    stw_error *err)
{
	*exists = false;
	*field = NULL;
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, "SELECT c.field FROM source_column c JOIN record r"
	                               " ON r.source_id = c.source_id WHERE r.id=? AND c.header=?"
	                               " ORDER BY c.pos LIMIT 1", &st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_int64(st, 1, record);
	sqlite3_bind_text(st, 2, header, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*exists = true;
		const char *f = (const char *)sqlite3_column_text(st, 0);
		if (f)
			*field = stw_xstrdup(f);
	} else if (rc != SQLITE_DONE) {
		e = stw_ws_dberr(ws, rc, "reading the column mapping", err);
	}
	sqlite3_finalize(st);
	return e;
}

stw_err
stw_dx_extra_get(stw_ws *ws, int64_t record, const char *header, bool *exists, char **value,
                 stw_error *err)
{
	*exists = false;
	*value = NULL;
	bool found;
	int64_t pos;
	stw_err e = stw_dx_one(ws, err, "reading the column mapping", &found, &pos, NULL,
	                       "SELECT c.pos FROM source_column c JOIN record r"
	                       " ON r.source_id = c.source_id WHERE r.id=? AND c.header=?"
	                       " ORDER BY c.pos LIMIT 1", "it", record, header);
	if (e != STW_OK || !found)
		return e;
	*exists = true;
	char *key = stw_xasprintf("#%s", header);
	char *v = NULL;
	e = stw_dx_one(ws, err, "reading a change", &found, NULL, &v,
	               "SELECT coalesce(new, '') FROM change WHERE record_id=? AND field=?"
	               " AND active=1 ORDER BY id DESC LIMIT 1", "it", record, key);
	free(key);
	if (e == STW_OK && !found)
		e = stw_dx_one(ws, err, "reading a record", &found, NULL, &v,
		               "SELECT json_extract(fields, '$[' || ? || ']') FROM record WHERE id=?",
		               "ii", pos, record);
	if (v && !*v) {
		free(v);
		v = NULL;
	}
	*value = v;
	return e;
}

stw_err
stw_dx_extra_set(stw_ws *ws, int64_t record, const char *header, const char *value, int64_t seq,
                 stw_error *err)
{
	bool exists;
	char *old;
	stw_err e = stw_dx_extra_get(ws, record, header, &exists, &old, err);
	if (e != STW_OK)
		return e;
	if (!exists)
		return stw_fail(err, STW_EUSAGE, "record %lld has no column '%s'", (long long)record,
		                header);
	const char *nv = value && *value ? value : NULL;
	if ((!old && !nv) || (old && nv && strcmp(old, nv) == 0)) {
		free(old);
		return STW_OK;
	}
	char *key = stw_xasprintf("#%s", header);
	e = stw_dx_run(ws, err, "recording a change", NULL,
	               "INSERT INTO change(record_id, field, old, new, audit_seq) VALUES(?,?,?,?,?)",
	               "ittti", record, key, old, nv, seq);
	free(key);
	free(old);
	return e;
}

stw_err
stw_dx_revalidate(stw_ws *ws, const stw_decider *d, int64_t record, stw_error *err)
{
	return stw_validate_record(ws, d->rules, record, err);
}

/* ==== Clusters ==== */

/* The entry that decided cluster last (in force), for messages. */
static void
decided_by(stw_ws *ws, int64_t cluster, char *out, size_t cap)
{
	sqlite3_stmt *st;
	out[0] = '\0';
	if (sqlite3_prepare_v2(stw_ws_db(ws),
	        "SELECT a.seq, a.steward, a.ts FROM decision d JOIN audit a ON a.seq = d.seq"
	        " WHERE d.cluster_id=? AND d.undone_by IS NULL AND d.action != 'undo'"
	        " ORDER BY d.seq DESC LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_int64(st, 1, cluster);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(out, cap, " by %s at %s (audit entry %lld)", sqlite3_column_text(st, 1),
		         sqlite3_column_text(st, 2), (long long)sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
}

stw_err
stw_dx_check_cluster(stw_ws *ws, const stw_decider *d, int64_t cluster, const char *action,
              char **status, int64_t *size, stw_error *err)
{
	*status = NULL;
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, "SELECT status, size, claimed_by, claimed_at,"
	                               " (julianday('now') - julianday(claimed_at)) * 86400.0"
	                               " FROM cluster WHERE id=?", &st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_int64(st, 1, cluster);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			return stw_fail(err, STW_ENOENT, "%s: no cluster %lld", stw_ws_path(ws),
			                (long long)cluster);
		return stw_ws_dberr(ws, rc, "reading a cluster", err);
	}
	char *s = stw_xstrdup((const char *)sqlite3_column_text(st, 0));
	*size = sqlite3_column_int64(st, 1);
	const char *by = (const char *)sqlite3_column_text(st, 2);
	bool recent = by && sqlite3_column_type(st, 4) != SQLITE_NULL &&
	              sqlite3_column_double(st, 4) < STW_CLAIM_TTL;
	if (strcmp(s, "accepted") == 0 || strcmp(s, "rejected") == 0) {
		char who[256];
		decided_by(ws, cluster, who, sizeof who);
		e = stw_fail(err, STW_EEXIST, "cluster %lld was already %s%s; nothing done",
		             (long long)cluster, s, who);
	} else if (strcmp(s, "deferred") == 0 && strcmp(action, "defer") == 0) {
		e = stw_fail(err, STW_EEXIST, "cluster %lld is already deferred", (long long)cluster);
	} else if (recent && strcmp(by, d->steward) != 0 && !d->force) {
		e = stw_fail(err, STW_EBUSY, "cluster %lld is being reviewed by %s (claimed at %s); "
		             "try later, or use --force", (long long)cluster, by,
		             sqlite3_column_text(st, 3));
	}
	sqlite3_finalize(st);
	if (e != STW_OK) {
		free(s);
		return e;
	}
	*status = s;
	return STW_OK;
}

stw_err
stw_decide_claim(stw_ws *ws, const stw_decider *d, int64_t cluster, stw_error *err)
{
	stw_err e = stw_ws_begin(ws, err);
	if (e != STW_OK)
		return e;
	char *status;
	int64_t size;
	e = stw_dx_check_cluster(ws, d, cluster, "claim", &status, &size, err);
	free(status);
	if (e == STW_OK) {
		char now[32];
		stw_now_utc(now);
		e = stw_dx_run(ws, err, "claiming a cluster", NULL,
		               "UPDATE cluster SET claimed_by=?, claimed_at=? WHERE id=?", "tti",
		               d->steward, now, cluster);
	}
	return stw_dx_end(ws, e, err);
}

stw_err
stw_decide_release(stw_ws *ws, const stw_decider *d, int64_t cluster, stw_error *err)
{
	return stw_dx_run(ws, err, "releasing a cluster", NULL,
	                  "UPDATE cluster SET claimed_by=NULL, claimed_at=NULL"
	                  " WHERE id=? AND claimed_by=?", "it", cluster, d->steward);
}

/* The cluster's members (ids ascending). *ids is owned. */
static stw_err
members(stw_ws *ws, int64_t cluster, int64_t **ids, int *n, stw_error *err)
{
	*ids = NULL;
	*n = 0;
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, "SELECT record_id FROM cluster_member WHERE cluster_id=?"
	                               " ORDER BY record_id", &st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_int64(st, 1, cluster);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*ids = stw_xrealloc(*ids, (size_t)(*n + 1) * sizeof **ids);
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return stw_ws_dberr(ws, rc, "reading a cluster", err);
	}
	return STW_OK;
}

stw_err
stw_dx_set_cluster(stw_ws *ws, int64_t seq, int64_t cluster, const char *old_status, int64_t old_size,
            const char *status, int64_t size, stw_error *err)
{
	stw_err e = stw_dx_prior(ws, seq, "cluster", cluster, old_status, true, old_size, err);
	if (e == STW_OK)
		e = stw_dx_run(ws, err, "changing a cluster", NULL,
		               "UPDATE cluster SET status=?, size=?, claimed_by=NULL, claimed_at=NULL"
		               " WHERE id=?", "tii", status, size, cluster);
	return e;
}

/* Rejects every pair of ids a x b (a pair only once; existing ones are kept). */
static stw_err
reject_pairs(stw_ws *ws, int64_t seq, const int64_t *a, int na, const int64_t *b, int nb,
             stw_error *err)
{
	stw_err e = STW_OK;
	for (int i = 0; i < na && e == STW_OK; i++)
		for (int k = 0; k < nb && e == STW_OK; k++) {
			if (a[i] == b[k])
				continue;
			int64_t lo = a[i] < b[k] ? a[i] : b[k], hi = a[i] < b[k] ? b[k] : a[i];
			e = stw_dx_run(ws, err, "remembering a rejected pair", NULL,
			               "INSERT OR IGNORE INTO rejected_pair(a, b, audit_seq) VALUES(?,?,?)",
			               "iii", lo, hi, seq);
		}
	return e;
}

static void
json_ids(stw_buf *b, const int64_t *ids, int n)
{
	stw_buf_addc(b, '[');
	for (int i = 0; i < n; i++)
		stw_buf_printf(b, "%s%lld", i ? "," : "", (long long)ids[i]);
	stw_buf_addc(b, ']');
}

stw_err
stw_decide_reject(stw_ws *ws, const stw_decider *d, int64_t cluster, int64_t *seq_out,
                  stw_error *err)
{
	stw_err e = stw_dx_begin(ws, err);
	if (e != STW_OK)
		return e;
	char *status = NULL;
	int64_t size, seq = 0, *ids = NULL;
	int n = 0;
	stw_buf before = STW_BUF_INIT, after = STW_BUF_INIT;
	if ((e = stw_dx_check_cluster(ws, d, cluster, "reject", &status, &size, err)) != STW_OK ||
	    (e = members(ws, cluster, &ids, &n, err)) != STW_OK)
		goto done;
	stw_buf_printf(&before, "{\"status\":");
	stw_json_str(&before, status);
	stw_buf_adds(&before, ",\"records\":");
	json_ids(&before, ids, n);
	stw_buf_adds(&before, "}");
	stw_buf_printf(&after, "{\"status\":\"rejected\",\"pairs\":%d}", n * (n - 1) / 2);
	char subject[48];
	snprintf(subject, sizeof subject, "cluster:%lld", (long long)cluster);
	if ((e = stw_dx_audit(ws, d, "reject", subject, before.data, after.data,
	                      "not duplicates", &seq, err)) != STW_OK ||
	    (e = reject_pairs(ws, seq, ids, n, ids, n, err)) != STW_OK ||
	    (e = stw_dx_set_cluster(ws, seq, cluster, status, size, "rejected", size, err)) != STW_OK)
		goto done;
	e = stw_dx_decision(ws, seq, d, "reject", cluster, 0, err);
done:
	free(status);
	free(ids);
	stw_buf_free(&before);
	stw_buf_free(&after);
	e = stw_dx_end(ws, e, err);
	if (seq_out)
		*seq_out = e == STW_OK ? seq : 0;
	return e;
}

stw_err
stw_decide_defer(stw_ws *ws, const stw_decider *d, int64_t cluster, int64_t *seq_out,
                 stw_error *err)
{
	stw_err e = stw_dx_begin(ws, err);
	if (e != STW_OK)
		return e;
	char *status = NULL;
	int64_t size, seq = 0;
	if ((e = stw_dx_check_cluster(ws, d, cluster, "defer", &status, &size, err)) != STW_OK)
		goto done;
	stw_buf before = STW_BUF_INIT;
	stw_buf_adds(&before, "{\"status\":");
	stw_json_str(&before, status);
	stw_buf_addc(&before, '}');
	char subject[48];
	snprintf(subject, sizeof subject, "cluster:%lld", (long long)cluster);
	e = stw_dx_audit(ws, d, "defer", subject, before.data, "{\"status\":\"deferred\"}", NULL,
	                 &seq, err);
	stw_buf_free(&before);
	if (e == STW_OK)
		e = stw_dx_set_cluster(ws, seq, cluster, status, size, "deferred", size, err);
	if (e == STW_OK)
		e = stw_dx_decision(ws, seq, d, "defer", cluster, 0, err);
done:
	free(status);
	e = stw_dx_end(ws, e, err);
	if (seq_out)
		*seq_out = e == STW_OK ? seq : 0;
	return e;
}

stw_err
stw_decide_split(stw_ws *ws, const stw_decider *d, int64_t cluster, const int64_t *out, int nout,
                 int64_t *seq_out, stw_error *err)
{
	if (nout < 1)
		return stw_fail(err, STW_EUSAGE, "split needs at least one record to take out");
	stw_err e = stw_dx_begin(ws, err);
	if (e != STW_OK)
		return e;
	char *status = NULL;
	int64_t size, seq = 0, *ids = NULL, *rest = NULL;
	int n = 0, nrest = 0;
	stw_buf before = STW_BUF_INIT, after = STW_BUF_INIT;
	if ((e = stw_dx_check_cluster(ws, d, cluster, "split", &status, &size, err)) != STW_OK ||
	    (e = members(ws, cluster, &ids, &n, err)) != STW_OK)
		goto done;
	rest = stw_xcalloc((size_t)n + 1, sizeof *rest);
	for (int k = 0; k < nout && e == STW_OK; k++) {
		bool in = false;
		for (int i = 0; i < n; i++)
			in = in || ids[i] == out[k];
		for (int j = 0; j < k; j++)
			if (out[j] == out[k])
				e = stw_fail(err, STW_EUSAGE, "record %lld is named twice",
				             (long long)out[k]);
		if (!in && e == STW_OK)
			e = stw_fail(err, STW_EUSAGE, "record %lld is not in cluster %lld",
			             (long long)out[k], (long long)cluster);
	}
	if (e != STW_OK)
		goto done;
	for (int i = 0; i < n; i++) {
		bool leaving = false;
		for (int k = 0; k < nout; k++)
			leaving = leaving || ids[i] == out[k];
		if (!leaving)
			rest[nrest++] = ids[i];
	}
	if (nrest < 2) {
		e = stw_fail(err, STW_EUSAGE, "a split must leave at least two records in the cluster "
		             "(to separate them all, reject the cluster)");
		goto done;
	}
	stw_buf_adds(&before, "{\"status\":");
	stw_json_str(&before, status);
	stw_buf_adds(&before, ",\"records\":");
	json_ids(&before, ids, n);
	stw_buf_adds(&before, "}");
	stw_buf_adds(&after, "{\"records\":");
	json_ids(&after, rest, nrest);
	stw_buf_adds(&after, ",\"taken_out\":");
	json_ids(&after, out, nout);
	stw_buf_adds(&after, "}");
	char subject[48];
	snprintf(subject, sizeof subject, "cluster:%lld", (long long)cluster);
	if ((e = stw_dx_audit(ws, d, "split", subject, before.data, after.data,
	                      "taken out: not duplicates of the rest", &seq, err)) != STW_OK)
		goto done;
	for (int k = 0; k < nout && e == STW_OK; k++) {
		e = stw_dx_prior(ws, seq, "member", out[k], NULL, true, cluster, err);
		if (e == STW_OK)
			e = stw_dx_run(ws, err, "changing a cluster", NULL,
			               "DELETE FROM cluster_member WHERE cluster_id=? AND record_id=?",
			               "ii", cluster, out[k]);
	}
	if (e == STW_OK)
		e = reject_pairs(ws, seq, out, nout, rest, nrest, err);
	/* The cluster stays as it was (open or deferred), only smaller. */
	if (e == STW_OK)
		e = stw_dx_set_cluster(ws, seq, cluster, status, size, status, nrest, err);
	if (e == STW_OK)
		e = stw_dx_decision(ws, seq, d, "split", cluster, 0, err);
done:
	free(status);
	free(ids);
	free(rest);
	stw_buf_free(&before);
	stw_buf_free(&after);
	e = stw_dx_end(ws, e, err);
	if (seq_out)
		*seq_out = e == STW_OK ? seq : 0;
	return e;
}
