/*
 * Record decisions: edit a value, purge and restore, apply or dismiss a
 * proposed standardization, and finding a record from the command line's
 * text. A purged record is only marked (rec.status = 'purged'); its row and
 * values stay, and the export lists it in deletes.csv with the reason.
 */
#include "decide_int.h"
#include "jsonw.h"
#include "rec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

stw_err
stw_decide_find_record(stw_ws *ws, const char *text, int64_t *id, stw_error *err)
{
	*id = 0;
	stw_err e = stw_rec_sync(ws, NULL, err);
	if (e != STW_OK)
		return e;
	bool found;
	if (strncmp(text, "id:", 3) == 0) {
		int64_t n;
		if ((e = stw_dx_one(ws, err, "finding a record", &found, &n, NULL,
		                    "SELECT count(*) FROM rec WHERE external_id=?", "t",
		                    text + 3)) != STW_OK)
			return e;
		if (n > 1)
			return stw_fail(err, STW_EDATA, "external id '%s' names %lld records; use the "
			                "record number", text + 3, (long long)n);
		if ((e = stw_dx_one(ws, err, "finding a record", &found, id, NULL,
		                    "SELECT id FROM rec WHERE external_id=?", "t", text + 3)) != STW_OK)
			return e;
		if (!found)
			return stw_fail(err, STW_ENOENT, "no record with external id '%s'", text + 3);
		return STW_OK;
	}
	char *end;
	long long v = strtoll(text, &end, 10);
	if (!*text || *end || v <= 0)
		return stw_fail(err, STW_EUSAGE, "'%s' is not a record (a record number, or "
		                "id:EXTERNAL_ID)", text);
	if ((e = stw_dx_one(ws, err, "finding a record", &found, NULL, NULL,
	                    "SELECT 1 FROM rec WHERE id=?", "i", (int64_t)v)) != STW_OK)
		return e;
	if (!found)
		return stw_fail(err, STW_ENOENT, "%s: no record %lld", stw_ws_path(ws), v);
	*id = v;
	return STW_OK;
}

/* Reads a record's status (owned) or fails with STW_ENOENT. */
static stw_err
rec_status(stw_ws *ws, int64_t record, char **status, stw_error *err)
{
	bool found;
	stw_err e = stw_dx_one(ws, err, "reading a record", &found, NULL, status,
	                       "SELECT status FROM rec WHERE id=?", "i", record);
	if (e == STW_OK && !found)
		e = stw_fail(err, STW_ENOENT, "%s: no record %lld", stw_ws_path(ws), (long long)record);
	return e;
}

static void
edit_json(stw_buf *b, const char *field, const char *value)
{
	stw_buf_adds(b, "{");
	stw_json_key(b, field, true);
	stw_json_str(b, value);
	stw_buf_adds(b, "}");
}

stw_err
stw_decide_edit(stw_ws *ws, const stw_decider *d, int64_t record, const char *field,
                const char *value, int64_t *seq_out, stw_error *err)
{
	stw_err e = stw_dx_begin(ws, err);
	if (e != STW_OK)
		return e;
	char *status = NULL, *mapped = NULL, *old = NULL, *key = NULL;
	const char *canon = NULL;
	int64_t seq = 0;
	bool exists;
	stw_buf before = STW_BUF_INIT, after = STW_BUF_INIT;
	if ((e = rec_status(ws, record, &status, err)) != STW_OK)
		goto done;
	if (strcmp(status, "active") != 0) {
		e = stw_fail(err, STW_EDATA, "record %lld is %s; restore it first", (long long)record,
		             status);
		goto done;
	}
	/* A canonical field, else an original header (mapped or not). */
	if (stw_rec_has_field(field)) {
		canon = field;
	} else {
		if ((e = stw_dx_header_field(ws, record, field, &exists, &mapped, err)) != STW_OK)
			goto done;
		if (!exists) {
			e = stw_fail(err, STW_EUSAGE, "record %lld has no field or column '%s'",
			             (long long)record, field);
			goto done;
		}
		if (mapped && stw_rec_has_field(mapped))
			canon = mapped;
	}
	if (canon) {
		e = stw_rec_get(ws, record, canon, &old, err);
		key = stw_xstrdup(canon);
	} else {
		e = stw_dx_extra_get(ws, record, field, &exists, &old, err);
		key = stw_xasprintf("#%s", field);
	}
	if (e != STW_OK)
		goto done;
	const char *nv = value && *value ? value : NULL;
	if ((!old && !nv) || (old && nv && strcmp(old, nv) == 0)) {
		e = stw_fail(err, STW_EEXIST, "record %lld: %s is already %s%s%s; nothing done",
		             (long long)record, field, nv ? "'" : "empty", nv ? nv : "", nv ? "'" : "");
		goto done;
	}
	edit_json(&before, key, old);
	edit_json(&after, key, nv);
	char subject[48];
	snprintf(subject, sizeof subject, "record:%lld", (long long)record);
	if ((e = stw_dx_audit(ws, d, "edit", subject, before.data, after.data, "edited by hand",
	                      &seq, err)) != STW_OK)
		goto done;
	if (canon)
		e = stw_rec_set(ws, record, canon, nv, seq, NULL, err);
	else
		e = stw_dx_extra_set(ws, record, field, nv, seq, err);
	if (e == STW_OK)
		e = stw_dx_revalidate(ws, d, record, err);
	if (e == STW_OK)
		e = stw_dx_decision(ws, seq, d, "edit", 0, record, err);
done:
	free(status);
	free(mapped);
	free(old);
	free(key);
	stw_buf_free(&before);
	stw_buf_free(&after);
	e = stw_dx_end(ws, e, err);
	if (seq_out)
		*seq_out = e == STW_OK ? seq : 0;
	return e;
}

/* purge (active -> purged) and restore (purged -> active). */
static stw_err
set_status(stw_ws *ws, const stw_decider *d, int64_t record, bool purge, const char *reason,
           int64_t *seq_out, stw_error *err)
{
	if (purge && (!reason || !*reason))
		return stw_fail(err, STW_EUSAGE, "a purge needs a reason");
	stw_err e = stw_dx_begin(ws, err);
	if (e != STW_OK)
		return e;
	char *status = NULL;
	int64_t seq = 0;
	const char *from = purge ? "active" : "purged", *to = purge ? "purged" : "active";
	if ((e = rec_status(ws, record, &status, err)) != STW_OK)
		goto done;
	if (strcmp(status, to) == 0) {
		e = stw_fail(err, STW_EEXIST, "record %lld is already %s; nothing done",
		             (long long)record, to);
		goto done;
	}
	if (strcmp(status, from) != 0) {
		e = stw_fail(err, STW_EDATA, "record %lld is %s%s", (long long)record, status,
		             strcmp(status, "merged") == 0 ? " (undo the merge to get it back)" : "");
		goto done;
	}
	char subject[48], before[64], after[64];
	snprintf(subject, sizeof subject, "record:%lld", (long long)record);
	snprintf(before, sizeof before, "{\"status\":\"%s\"}", from);
	snprintf(after, sizeof after, "{\"status\":\"%s\"}", to);
	if ((e = stw_dx_audit(ws, d, purge ? "purge" : "restore", subject, before, after,
	                      purge ? reason : NULL, &seq, err)) != STW_OK ||
	    (e = stw_dx_prior(ws, seq, "rec", record, from, false, 0, err)) != STW_OK ||
	    (e = stw_dx_run(ws, err, "changing a record", NULL,
	                    "UPDATE rec SET status=? WHERE id=?", "ti", to, record)) != STW_OK)
		goto done;
	if ((e = stw_dx_revalidate(ws, d, record, err)) == STW_OK)
		e = stw_dx_decision(ws, seq, d, purge ? "purge" : "restore", 0, record, err);
done:
	free(status);
	e = stw_dx_end(ws, e, err);
	if (seq_out)
		*seq_out = e == STW_OK ? seq : 0;
	return e;
}

stw_err
stw_decide_purge(stw_ws *ws, const stw_decider *d, int64_t record, const char *reason,
                 int64_t *seq, stw_error *err)
{
	return set_status(ws, d, record, true, reason, seq, err);
}

stw_err
stw_decide_restore(stw_ws *ws, const stw_decider *d, int64_t record, int64_t *seq,
                   stw_error *err)
{
	return set_status(ws, d, record, false, NULL, seq, err);
}

/* apply (open -> applied, value changed) and dismiss (open -> dismissed). */
static stw_err
proposal(stw_ws *ws, const stw_decider *d, int64_t id, bool apply, int64_t *seq_out,
         stw_error *err)
{
	stw_err e = stw_dx_begin(ws, err);
	if (e != STW_OK)
		return e;
	sqlite3_stmt *st;
	int64_t seq = 0, record = 0;
	char *field = NULL, *rule = NULL, *pbefore = NULL, *pafter = NULL, *status = NULL;
	char *cur = NULL;
	stw_buf before = STW_BUF_INIT, after = STW_BUF_INIT;
	if ((e = stw_ws_prepare(ws, "SELECT record_id, field, rule, before, after, status"
	                            " FROM proposal WHERE id=?", &st, err)) != STW_OK)
		goto done;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		record = sqlite3_column_int64(st, 0);
		field = stw_xstrdup((const char *)sqlite3_column_text(st, 1));
		rule = stw_xstrdup((const char *)sqlite3_column_text(st, 2));
		const char *b = (const char *)sqlite3_column_text(st, 3);
		const char *a = (const char *)sqlite3_column_text(st, 4);
		pbefore = b ? stw_xstrdup(b) : NULL;
		pafter = a ? stw_xstrdup(a) : NULL;
		status = stw_xstrdup((const char *)sqlite3_column_text(st, 5));
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		e = stw_fail(err, STW_ENOENT, "%s: no proposal %lld", stw_ws_path(ws), (long long)id);
	else if (rc != SQLITE_ROW)
		e = stw_ws_dberr(ws, rc, "reading a proposal", err);
	else if (strcmp(status, "open") != 0)
		e = stw_fail(err, STW_EEXIST, "proposal %lld was already %s; nothing done",
		             (long long)id, status);
	if (e != STW_OK)
		goto done;
	if ((e = stw_rec_get(ws, record, field, &cur, err)) != STW_OK)
		goto done;
	/* A proposal made for a value the field no longer holds is out of date. */
	if (apply && !((!cur || !*cur) ? (!pbefore || !*pbefore)
	                               : (pbefore && strcmp(cur, pbefore) == 0))) {
		e = stw_fail(err, STW_EDATA, "proposal %lld is out of date: record %lld's %s has "
		             "changed since (run 'steward standardize' again)", (long long)id,
		             (long long)record, field);
		goto done;
	}
	stw_buf_adds(&before, "{");
	stw_json_key(&before, field, true);
	stw_json_str(&before, cur);
	stw_buf_printf(&before, ",\"proposal\":%lld,\"status\":\"open\"}", (long long)id);
	stw_buf_adds(&after, "{");
	stw_json_key(&after, field, true);
	stw_json_str(&after, apply ? pafter : cur);
	stw_buf_printf(&after, ",\"status\":\"%s\"}", apply ? "applied" : "dismissed");
	char subject[48];
	snprintf(subject, sizeof subject, "record:%lld", (long long)record);
	char *why = stw_xasprintf("rule %s", rule);
	e = stw_dx_audit(ws, d, apply ? "apply" : "dismiss", subject, before.data, after.data, why,
	                 &seq, err);
	free(why);
	if (e == STW_OK && apply)
		e = stw_rec_set(ws, record, field, pafter, seq, NULL, err);
	if (e == STW_OK)
		e = stw_dx_prior(ws, seq, "proposal", id, "open", false, 0, err);
	if (e == STW_OK)
		e = stw_dx_run(ws, err, "changing a proposal", NULL,
		               "UPDATE proposal SET status=? WHERE id=?", "ti",
		               apply ? "applied" : "dismissed", id);
	if (e == STW_OK && apply)
		e = stw_dx_revalidate(ws, d, record, err);
	if (e == STW_OK)
		e = stw_dx_decision(ws, seq, d, apply ? "apply" : "dismiss", 0, record, err);
done:
	free(field);
	free(rule);
	free(pbefore);
	free(pafter);
	free(status);
	free(cur);
	stw_buf_free(&before);
	stw_buf_free(&after);
	e = stw_dx_end(ws, e, err);
	if (seq_out)
		*seq_out = e == STW_OK ? seq : 0;
	return e;
}

stw_err
stw_decide_apply(stw_ws *ws, const stw_decider *d, int64_t id, int64_t *seq, stw_error *err)
{
	return proposal(ws, d, id, true, seq, err);
}

stw_err
stw_decide_dismiss(stw_ws *ws, const stw_decider *d, int64_t id, int64_t *seq, stw_error *err)
{
	return proposal(ws, d, id, false, seq, err);
}
