/*
 * Hash chain: hash(n) = SHA-256 of the canonical text of entry n, which
 * includes hash(n-1). The canonical text is each field as "name=LENGTH:value\n"
 * in a fixed order, so no value can be confused with another (a NULL value
 * is written "name=-\n").
 */
#include "audit.h"
#include "sha256.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

static void
put(stw_buf *b, const char *name, const char *value)
{
	if (value)
		stw_buf_printf(b, "%s=%zu:%s\n", name, strlen(value), value);
	else
		stw_buf_printf(b, "%s=-\n", name);
}

char *
stw_audit_canonical(int64_t seq, const char *ts, const char *steward, const char *action,
                    const char *subject, const char *before, const char *after,
                    const char *reason, const char *prev_hash)
{
	stw_buf b = STW_BUF_INIT;
	char num[32];
	snprintf(num, sizeof num, "%lld", (long long)seq);
	put(&b, "seq", num);
	put(&b, "ts", ts);
	put(&b, "steward", steward);
	put(&b, "action", action);
	put(&b, "subject", subject);
	put(&b, "before", before);
	put(&b, "after", after);
	put(&b, "reason", reason);
	put(&b, "prev", prev_hash);
	return stw_buf_take(&b);
}

static void
entry_hash(int64_t seq, const char *ts, const char *steward, const char *action,
           const char *subject, const char *before, const char *after, const char *reason,
           const char *prev, char out[65])
{
	char *text = stw_audit_canonical(seq, ts, steward, action, subject, before, after, reason,
	                                 prev);
	stw_sha256_hex(text, strlen(text), out);
	free(text);
}

/* Reads "SEQ:HASH" from meta audit_head; 0 and GENESIS when there is none. */
static void
read_head(stw_ws *ws, int64_t *seq, char hash[65])
{
	*seq = 0;
	memcpy(hash, GENESIS, 65);
	char *v = stw_ws_meta_get(ws, "audit_head");
	if (!v)
		return;
	char *colon = strchr(v, ':');
	if (colon && strlen(colon + 1) == 64) {
		*seq = strtoll(v, NULL, 10);
		memcpy(hash, colon + 1, 65);
	}
	free(v);
}

stw_err
stw_audit_append(stw_ws *ws, const stw_audit_entry *e, int64_t *seq_out, stw_error *err)
{
	if (!e->steward || !*e->steward || !e->action || !*e->action || !e->subject)
		return stw_fail(err, STW_EUSAGE, "an audit entry needs a steward, an action and a subject");
	if (sqlite3_get_autocommit(stw_ws_db(ws)))
		return stw_fail(err, STW_EUSAGE, "audit entries are written inside a transaction");
	int64_t seq;
	char prev[65];
	read_head(ws, &seq, prev);
	seq++;
	char ts[32];
	stw_now_utc(ts);
	char hash[65];
	entry_hash(seq, ts, e->steward, e->action, e->subject, e->before, e->after, e->reason, prev,
	           hash);
	sqlite3_stmt *st;
	stw_err x = stw_ws_prepare(ws,
		"INSERT INTO audit(seq, ts, steward, action, subject, before, after, reason,"
		" prev_hash, hash) VALUES(?,?,?,?,?,?,?,?,?,?)", &st, err);
	if (x != STW_OK)
		return x;
	sqlite3_bind_int64(st, 1, seq);
	sqlite3_bind_text(st, 2, ts, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, e->steward, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, e->action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, e->subject, -1, SQLITE_STATIC);
	if (e->before)
		sqlite3_bind_text(st, 6, e->before, -1, SQLITE_STATIC);
	if (e->after)
		sqlite3_bind_text(st, 7, e->after, -1, SQLITE_STATIC);
	if (e->reason)
		sqlite3_bind_text(st, 8, e->reason, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, prev, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, hash, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return stw_ws_dberr(ws, rc, "writing the audit trail", err);
	char head[96];
	snprintf(head, sizeof head, "%lld:%s", (long long)seq, hash);
	if ((x = stw_ws_meta_set(ws, "audit_head", head, err)) != STW_OK)
		return x;
	if (seq_out)
		*seq_out = seq;
	return STW_OK;
}

static const char *
col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

stw_err
stw_audit_verify(stw_ws *ws, int64_t *count, int64_t *bad_seq, char *problem, stw_error *err)
{
	*count = 0;
	*bad_seq = 0;
	problem[0] = '\0';
	sqlite3_stmt *st;
	stw_err x = stw_ws_prepare(ws,
		"SELECT seq, ts, steward, action, subject, before, after, reason, prev_hash, hash"
		" FROM audit ORDER BY seq", &st, err);
	if (x != STW_OK)
		return x;
	char prev[65];
	memcpy(prev, GENESIS, 65);
	int64_t head_seq;
	char head_hash[65];
	read_head(ws, &head_seq, head_hash);
	int64_t expect = 1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t seq = sqlite3_column_int64(st, 0);
		const char *stored_prev = col(st, 8), *stored = col(st, 9);
		if (seq > head_seq && seq == expect) {
			/* Past the last entry Steward wrote: added behind its back. */
			*bad_seq = seq;
			snprintf(problem, 256, "entry %lld was inserted after the last entry written "
			         "(%lld)", (long long)seq, (long long)head_seq);
			break;
		}
		if (seq != expect) {
			*bad_seq = seq > expect ? expect : seq;
			snprintf(problem, 256, seq > expect ?
			         "entry %lld is missing (removed); the next entry is %lld" :
			         "entry %lld appears out of order (inserted)", (long long)expect,
			         (long long)seq);
			break;
		}
		if (!stored_prev || strcmp(stored_prev, prev) != 0) {
			*bad_seq = seq;
			snprintf(problem, 256, "entry %lld does not follow entry %lld (an entry was "
			         "removed or inserted before it)", (long long)seq, (long long)seq - 1);
			break;
		}
		char h[65];
		entry_hash(seq, col(st, 1), col(st, 2), col(st, 3), col(st, 4), col(st, 5), col(st, 6),
		           col(st, 7), prev, h);
		if (!stored || strcmp(h, stored) != 0) {
			*bad_seq = seq;
			snprintf(problem, 256, "entry %lld was altered (its hash does not match its "
			         "contents)", (long long)seq);
			break;
		}
		memcpy(prev, h, 65);
		(*count)++;
		expect++;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		return stw_ws_dberr(ws, rc, "reading the audit trail", err);
	}
	sqlite3_finalize(st);
	if (!*bad_seq) {
		if (head_seq != *count || strcmp(head_hash, prev) != 0) {
			/* Missing at the end, or the last entry replaced by a well-chained one. */
			*bad_seq = head_seq > *count ? *count + 1 : head_seq;
			if (head_seq > *count)
				snprintf(problem, 256, "entries %lld to %lld are missing (removed from the "
				         "end)", (long long)*count + 1, (long long)head_seq);
			else
				snprintf(problem, 256, "entry %lld was replaced (it is not the entry last "
				         "written)", (long long)head_seq);
		}
	}
	if (*bad_seq)
		return stw_fail(err, STW_EDATA, "%s: audit trail broken at entry %lld: %s",
		                stw_ws_path(ws), (long long)*bad_seq, problem);
	return STW_OK;
}
