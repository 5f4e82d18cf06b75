/*
 * Reading the audit trail back: every entry in order (oldest or newest
 * first), and its JSON Lines and CSV forms, for `steward log` and for the
 * export's audit.jsonl.
 */
#ifndef STW_AUDIT_LOG_H
#define STW_AUDIT_LOG_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"
#include "util.h"
#include "ws.h"

/* One entry; the strings are borrowed for the duration of the callback. */
typedef struct {
	int64_t     seq;
	const char *ts, *steward, *action, *subject;
	const char *before, *after; /* JSON text or NULL */
	bool        before_json, after_json; /* the text is valid JSON */
	const char *reason;         /* may be NULL */
	const char *prev_hash, *hash;
} stw_audit_row;

/* Return non-zero to stop the walk (stw_audit_each then returns STW_ECANCEL). */
typedef int (*stw_audit_cb)(const stw_audit_row *row, void *ctx);

/* Calls cb for every entry, oldest first or newest first. */
stw_err stw_audit_each(stw_ws *ws, bool newest_first, stw_audit_cb cb, void *ctx,
                       stw_error *err);

/*
 * Appends the entry as one JSON object and a newline: seq, ts, steward,
 * action, subject, before, after (embedded as JSON when valid, else as
 * strings), reason, prev_hash, hash.
 */
void stw_audit_jsonl(stw_buf *b, const stw_audit_row *r);

/* The CSV header and one row (same columns; CRLF). guard: see stw_csv_put_field. */
void stw_audit_csv_header(stw_buf *b);
void stw_audit_csv(stw_buf *b, const stw_audit_row *r, bool guard);

#endif
