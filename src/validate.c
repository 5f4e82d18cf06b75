/*
 * Validation entry points and the findings listing. The checking itself is
 * check.c; the passes that write findings are shared with standardization
 * (standardize.c), so that one read of each record serves both.
 */
#include "validate.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

stw_err
stw_validate_all(stw_ws *ws, const stw_rules *rules, stw_run_stats *stats, stw_error *err)
{
	return stw_check_all(ws, rules, STW_RUN_VALIDATE, stats, err);
}

stw_err
stw_validate_record(stw_ws *ws, const stw_rules *rules, int64_t id, stw_error *err)
{
	return stw_check_one(ws, rules, id, STW_RUN_VALIDATE, err);
}

stw_err
stw_findings_each(stw_ws *ws, const char *rule, int64_t record, int64_t offset, int64_t limit,
                  stw_finding_fn fn, void *arg, stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws,
		"SELECT id, record_id, field, rule, severity, message FROM finding"
		" WHERE (?1 IS NULL OR rule=?1) AND (?2 = 0 OR record_id=?2)"
		" ORDER BY record_id, id LIMIT ?3 OFFSET ?4", &st, err);
	if (e != STW_OK)
		return e;
	if (rule)
		sqlite3_bind_text(st, 1, rule, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, record);
	sqlite3_bind_int64(st, 3, limit > 0 ? limit : -1);
	sqlite3_bind_int64(st, 4, offset > 0 ? offset : 0);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		stw_finding f = {
			.id = sqlite3_column_int64(st, 0),
			.record_id = sqlite3_column_int64(st, 1),
			.field = (const char *)sqlite3_column_text(st, 2),
			.rule = (const char *)sqlite3_column_text(st, 3),
			.severity = (const char *)sqlite3_column_text(st, 4),
			.message = (const char *)sqlite3_column_text(st, 5),
		};
		if (fn(&f, arg)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? STW_OK : stw_ws_dberr(ws, rc, "reading findings", err);
}

stw_err
stw_findings_count(stw_ws *ws, stw_finding_count **out, size_t *n, stw_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, "SELECT rule, severity, count(*) FROM finding"
	                               " GROUP BY rule, severity ORDER BY rule, severity", &st, err);
	if (e != STW_OK)
		return e;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = stw_xrealloc(*out, (*n + 1) * sizeof **out);
		stw_finding_count *c = &(*out)[(*n)++];
		snprintf(c->rule, sizeof c->rule, "%s", sqlite3_column_text(st, 0));
		snprintf(c->severity, sizeof c->severity, "%s", sqlite3_column_text(st, 1));
		c->count = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return stw_ws_dberr(ws, rc, "counting findings", err);
	}
	return STW_OK;
}
