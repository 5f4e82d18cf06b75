/*
 * The audit trail read back in order, as JSON Lines and as CSV. The rows are
 * read in one statement (a consistent snapshot in WAL mode).
 */
#include "audit_log.h"
#include "csvwrite.h"
#include "jsonw.h"

#include <stdio.h>
#include <string.h>

static const char *
col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

stw_err
stw_audit_each(stw_ws *ws, bool newest_first, stw_audit_cb cb, void *ctx, stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, newest_first ?
		"SELECT seq, ts, steward, action, subject, before, after, reason, prev_hash, hash,"
		" json_valid(before), json_valid(after) FROM audit ORDER BY seq DESC" :
		"SELECT seq, ts, steward, action, subject, before, after, reason, prev_hash, hash,"
		" json_valid(before), json_valid(after) FROM audit ORDER BY seq", &st, err);
	if (e != STW_OK)
		return e;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		stw_audit_row r = {
			.seq = sqlite3_column_int64(st, 0),
			.ts = col(st, 1), .steward = col(st, 2), .action = col(st, 3),
			.subject = col(st, 4), .before = col(st, 5), .after = col(st, 6),
			.reason = col(st, 7), .prev_hash = col(st, 8), .hash = col(st, 9),
			.before_json = sqlite3_column_int(st, 10) == 1,
			.after_json = sqlite3_column_int(st, 11) == 1,
		};
		if (cb(&r, ctx)) {
			sqlite3_finalize(st);
			return STW_ECANCEL;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return stw_ws_dberr(ws, rc, "reading the audit trail", err);
	return STW_OK;
}

static void
json_value(stw_buf *b, const char *v, bool valid)
{
	if (v && valid)
		stw_buf_adds(b, v);
	else
		stw_json_str(b, v);
}

void
stw_audit_jsonl(stw_buf *b, const stw_audit_row *r)
{
	stw_buf_printf(b, "{\"seq\":%lld", (long long)r->seq);
	stw_json_key(b, "ts", false);
	stw_json_str(b, r->ts);
	stw_json_key(b, "steward", false);
	stw_json_str(b, r->steward);
	stw_json_key(b, "action", false);
	stw_json_str(b, r->action);
	stw_json_key(b, "subject", false);
	stw_json_str(b, r->subject);
	stw_json_key(b, "before", false);
	json_value(b, r->before, r->before_json);
	stw_json_key(b, "after", false);
	json_value(b, r->after, r->after_json);
	stw_json_key(b, "reason", false);
	stw_json_str(b, r->reason);
	stw_json_key(b, "prev_hash", false);
	stw_json_str(b, r->prev_hash);
	stw_json_key(b, "hash", false);
	stw_json_str(b, r->hash);
	stw_buf_adds(b, "}\n");
}

void
stw_audit_csv_header(stw_buf *b)
{
	stw_buf_adds(b, "seq,ts,steward,action,subject,before,after,reason,prev_hash,hash\r\n");
}

void
stw_audit_csv(stw_buf *b, const stw_audit_row *r, bool guard)
{
	char seq[32];
	snprintf(seq, sizeof seq, "%lld", (long long)r->seq);
	const char *v[10] = {seq, r->ts, r->steward, r->action, r->subject, r->before, r->after,
	                     r->reason, r->prev_hash, r->hash};
	size_t len[10];
	for (int i = 0; i < 10; i++) {
		if (!v[i])
			v[i] = "";
		len[i] = strlen(v[i]);
	}
	stw_csv_put_row(b, v, len, 10, ',', guard);
}
