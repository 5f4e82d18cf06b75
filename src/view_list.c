/*
 * Findings grouped by rule, the audit log, record search and record detail.
 *
 * Pages go through finding_rule_record, proposal_open_rule and
 * audit_action / audit_steward (see ws.c) so a page reads only its rows.
 */
#include "view.h"
#include "view_int.h"
#include "rec.h"
#include "util.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *
stw_view_dup(sqlite3_stmt *st, int col)
{
	const char *s = (const char *)sqlite3_column_text(st, col);
	return s && *s ? stw_xstrdup(s) : NULL;
}

void
stw_view_copy(char *out, size_t n, const char *s)
{
	snprintf(out, n, "%s", s ? s : "");
}

/* ---- Findings ---- */

static stw_err
rules_from(stw_ws *ws, const char *sql, bool proposal, stw_view_rules *out, size_t *cap,
           stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, sql, &st, err);
	if (e != STW_OK)
		return e;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == *cap) {
			*cap = *cap ? *cap * 2 : 16;
			out->rows = stw_xrealloc(out->rows, *cap * sizeof *out->rows);
		}
		stw_view_rule *r = &out->rows[out->n++];
		r->rule = stw_xstrdup((const char *)sqlite3_column_text(st, 0));
		r->records = sqlite3_column_int64(st, 1);
		r->rows = sqlite3_column_int64(st, 2);
		r->proposal = proposal;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return stw_ws_dberr(ws, rc, "reading the rules with findings", err);
	return STW_OK;
}

/* The list kept in the meta table: one "PROPOSAL RECORDS ROWS RULE" line per group. */
bool
stw_view_rules_parse(const char *text, stw_view_rules *out)
{
	size_t cap = out->n;
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		int prop, used = 0;
		int64_t n, rows;
		if (sscanf(p, "%d %" SCNd64 " %" SCNd64 " %n", &prop, &n, &rows, &used) != 3 ||
		    used == 0 ||
		    (size_t)used >= len)
			return false;
		if (out->n == cap) {
			cap = cap ? cap * 2 : 16;
			out->rows = stw_xrealloc(out->rows, cap * sizeof *out->rows);
		}
		stw_view_rule *r = &out->rows[out->n++];
		r->rule = stw_xasprintf("%.*s", (int)(len - (size_t)used), p + used);
		r->records = n;
		r->rows = rows;
		r->proposal = prop != 0;
		p += len + (nl ? 1 : 0);
	}
	return true;
}

char *
stw_view_rules_format(const stw_view_rules *r)
{
	stw_buf b = STW_BUF_INIT;
	stw_buf_adds(&b, "");
	for (size_t i = 0; i < r->n; i++)
		stw_buf_printf(&b, "%d %" PRId64 " %" PRId64 " %s\n", r->rows[i].proposal ? 1 : 0,
		               r->rows[i].records, r->rows[i].rows, r->rows[i].rule);
	return stw_buf_take(&b);
}

/* The order of the two queries of stw_view_rule_list(): "ORDER BY n DESC,
 * rule", where SQLite compares text bytewise, as strcmp does. */
static int
rule_cmp(const void *x, const void *y)
{
	const stw_view_rule *a = x, *b = y;
	if (a->proposal != b->proposal)
		return a->proposal ? 1 : -1;
	if (a->records != b->records)
		return a->records > b->records ? -1 : 1;
	return strcmp(a->rule, b->rule);
}

void
stw_view_rules_sort(stw_view_rules *r)
{
	if (r->n > 1)
		qsort(r->rows, r->n, sizeof *r->rows, rule_cmp);
}

stw_err
stw_view_rule_list(stw_ws *ws, stw_view_rules *out, stw_error *err)
{
	memset(out, 0, sizeof *out);
	char *key = stw_view_cache_key(ws);
	char *kept = stw_view_cache_get(ws, STW_VIEW_RULES_NAME, key);
	if (kept && stw_view_rules_parse(kept, out)) {
		free(kept);
		free(key);
		return STW_OK;
	}
	free(kept);
	stw_view_rules_free(out);
	size_t cap = 0;
	stw_err e = rules_from(ws,
		"SELECT f.rule, count(DISTINCT f.record_id) n, count(*) FROM finding f"
		" GROUP BY f.rule ORDER BY n DESC, f.rule", false, out, &cap, err);
	/* One count per rule over proposal_open_rule: a third of the time of
	 * one GROUP BY with count(DISTINCT) on millions of proposals. */
	if (e == STW_OK)
		e = rules_from(ws,
			"SELECT g.rule, g.n, g.rows FROM (SELECT d.rule,"
			"   (SELECT count(DISTINCT p.record_id) FROM proposal p"
			"     WHERE p.rule=d.rule AND p.status='open') n,"
			"   (SELECT count(*) FROM proposal p WHERE p.rule=d.rule AND p.status='open') rows"
			"   FROM (SELECT DISTINCT rule FROM proposal WHERE status='open') d) g"
			" ORDER BY g.n DESC, g.rule",
			true, out, &cap, err);
	if (e != STW_OK) {
		stw_view_rules_free(out);
	} else {
		char *body = stw_view_rules_format(out);
		stw_view_cache_put(ws, STW_VIEW_RULES_NAME, key, body);
		free(body);
	}
	free(key);
	return e;
}

void
stw_view_rules_free(stw_view_rules *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++)
		free(r->rows[i].rule);
	free(r->rows);
	memset(r, 0, sizeof *r);
}

/*
 * The current value of field for the rec row aliased r: a CASE over the
 * known fields, so the column is chosen by data and never spliced into SQL.
 */
static void
value_case(stw_buf *b, const char *field_expr)
{
	stw_buf_printf(b, "CASE %s", field_expr);
	for (const char *const *f = stw_rec_fields(); *f; f++) {
		char *q = sqlite3_mprintf(" WHEN '%q' THEN r.\"%w\"", *f, *f);
		stw_buf_adds(b, q);
		sqlite3_free(q);
	}
	stw_buf_adds(b, " END");
}

stw_err
stw_view_finding_page(stw_ws *ws, const stw_view_rule *rule, int64_t offset, int limit,
                      stw_view_findings *out, stw_error *err)
{
	memset(out, 0, sizeof *out);
	if (limit <= 0)
		return STW_OK;
	stw_buf sql = STW_BUF_INIT;
	if (!rule->proposal) {
		stw_buf_adds(&sql, "SELECT f.id, f.record_id, f.field, f.severity, f.message, ");
		value_case(&sql, "f.field");
		stw_buf_adds(&sql, ", (SELECT p.id FROM proposal p WHERE p.record_id=f.record_id"
		                   "   AND p.field=f.field AND p.status='open' ORDER BY p.id LIMIT 1),"
		                   " (SELECT p.after FROM proposal p WHERE p.record_id=f.record_id"
		                   "   AND p.field=f.field AND p.status='open' ORDER BY p.id LIMIT 1), "
		                   STW_VIEW_NAME_SQL
		                   " FROM finding f JOIN rec r ON r.id=f.record_id AND r.status='active'"
		                   " WHERE f.rule=? ORDER BY f.record_id, f.id LIMIT ? OFFSET ?");
	} else {
		stw_buf_adds(&sql, "SELECT 0, p.record_id, p.field, p.kind, coalesce(p.why,''), ");
		value_case(&sql, "p.field");
		stw_buf_adds(&sql, ", p.id, p.after, " STW_VIEW_NAME_SQL
		                   " FROM proposal p JOIN rec r ON r.id=p.record_id AND r.status='active'"
		                   " WHERE p.rule=? AND p.status='open'"
		                   " ORDER BY p.record_id, p.id LIMIT ? OFFSET ?");
	}
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, sql.data, &st, err);
	stw_buf_free(&sql);
	if (e != STW_OK)
		return e;
	sqlite3_bind_text(st, 1, rule->rule, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, limit);
	sqlite3_bind_int64(st, 3, offset < 0 ? 0 : offset);
	out->rows = stw_xcalloc((size_t)limit, sizeof *out->rows);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->n < (size_t)limit) {
		stw_view_finding *f = &out->rows[out->n++];
		f->finding = sqlite3_column_int64(st, 0);
		f->record = sqlite3_column_int64(st, 1);
		f->field = stw_view_dup(st, 2);
		f->severity = stw_view_dup(st, 3);
		f->message = stw_view_dup(st, 4);
		f->value = stw_view_dup(st, 5);
		f->proposal = sqlite3_column_int64(st, 6);
		f->proposed = stw_view_dup(st, 7);
		f->name = stw_view_dup(st, 8);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		stw_view_findings_free(out);
		return stw_ws_dberr(ws, rc, "reading findings", err);
	}
	return STW_OK;
}

int64_t
stw_view_finding_count(stw_ws *ws, const stw_view_rule *rule)
{
	const char *sql = rule->proposal
		? "SELECT count(*) FROM proposal p WHERE p.rule=? AND p.status='open'"
		: "SELECT count(*) FROM finding f WHERE f.rule=?";
	sqlite3_stmt *st;
	if (stw_ws_prepare(ws, sql, &st, NULL) != STW_OK)
		return -1;
	sqlite3_bind_text(st, 1, rule->rule, -1, SQLITE_STATIC);
	int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	return n;
}

void
stw_view_findings_free(stw_view_findings *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n; i++) {
		stw_view_finding *x = &f->rows[i];
		free(x->field);
		free(x->severity);
		free(x->message);
		free(x->value);
		free(x->proposed);
		free(x->name);
	}
	free(f->rows);
	memset(f, 0, sizeof *f);
}

/* ---- Audit log ---- */

stw_err
stw_view_log_page(stw_ws *ws, const char *action, const char *steward, int64_t offset, int limit,
                  stw_view_log *out, stw_error *err)
{
	memset(out, 0, sizeof *out);
	if (limit <= 0)
		return STW_OK;
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws,
		"SELECT seq, ts, steward, action, subject, before, after, reason FROM audit"
		" WHERE (?1 IS NULL OR action=?1) AND (?2 IS NULL OR steward=?2)"
		" ORDER BY seq DESC LIMIT ?3 OFFSET ?4", &st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_text(st, 1, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, steward, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, limit);
	sqlite3_bind_int64(st, 4, offset < 0 ? 0 : offset);
	out->rows = stw_xcalloc((size_t)limit, sizeof *out->rows);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->n < (size_t)limit) {
		stw_view_log_entry *l = &out->rows[out->n++];
		l->seq = sqlite3_column_int64(st, 0);
		l->ts = stw_view_dup(st, 1);
		l->steward = stw_view_dup(st, 2);
		l->action = stw_view_dup(st, 3);
		l->subject = stw_view_dup(st, 4);
		l->before = stw_view_dup(st, 5);
		l->after = stw_view_dup(st, 6);
		l->reason = stw_view_dup(st, 7);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		stw_view_log_free(out);
		return stw_ws_dberr(ws, rc, "reading the audit trail", err);
	}
	return STW_OK;
}

int64_t
stw_view_log_count(stw_ws *ws, const char *action, const char *steward)
{
	sqlite3_stmt *st;
	if (stw_ws_prepare(ws, "SELECT count(*) FROM audit WHERE (?1 IS NULL OR action=?1)"
	                       " AND (?2 IS NULL OR steward=?2)", &st, NULL) != STW_OK)
		return -1;
	sqlite3_bind_text(st, 1, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, steward, -1, SQLITE_STATIC);
	int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	return n;
}

void
stw_view_log_free(stw_view_log *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		stw_view_log_entry *x = &l->rows[i];
		free(x->ts);
		free(x->steward);
		free(x->action);
		free(x->subject);
		free(x->before);
		free(x->after);
		free(x->reason);
	}
	free(l->rows);
	memset(l, 0, sizeof *l);
}

char **
stw_view_log_distinct(stw_ws *ws, const char *column)
{
	const char *sql = strcmp(column, "steward") == 0
		? "SELECT DISTINCT steward FROM audit ORDER BY steward"
		: "SELECT DISTINCT action FROM audit ORDER BY action";
	size_t n = 0, cap = 8;
	char **out = stw_xcalloc(cap, sizeof *out);
	sqlite3_stmt *st;
	if (stw_ws_prepare(ws, sql, &st, NULL) != STW_OK)
		return out;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n + 1 >= cap) {
			cap *= 2;
			out = stw_xrealloc(out, cap * sizeof *out);
		}
		out[n++] = stw_xstrdup((const char *)sqlite3_column_text(st, 0));
	}
	out[n] = NULL;
	sqlite3_finalize(st);
	return out;
}

/* ---- Records ---- */

stw_err
stw_view_search(stw_ws *ws, const char *text, int limit, stw_view_records *out, stw_error *err)
{
	memset(out, 0, sizeof *out);
	if (limit <= 0 || !text || !*text)
		return STW_OK;
	bool digits = true;
	for (const char *p = text; *p; p++)
		if (!isdigit((unsigned char)*p))
			digits = false;
	stw_buf sql = STW_BUF_INIT;
	stw_buf_adds(&sql, "SELECT r.id, " STW_VIEW_NAME_SQL ", r.email, coalesce(r.phone, r.mobile),"
	                   " r.company, r.city, r.status,"
	                   " (SELECT cluster_id FROM cluster_member WHERE record_id=r.id LIMIT 1)"
	                   " FROM rec r WHERE (r.id = ?3");
	for (const char *const *f = stw_rec_fields(); *f; f++) {
		char *q = sqlite3_mprintf(" OR r.\"%w\" LIKE ?1 ESCAPE '\\'", *f);
		stw_buf_adds(&sql, q);
		sqlite3_free(q);
	}
	stw_buf_adds(&sql, ") ORDER BY r.id LIMIT ?2");
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, sql.data, &st, err);
	stw_buf_free(&sql);
	if (e != STW_OK)
		return e;
	/* %text% with LIKE's own wildcards escaped. */
	stw_buf pat = STW_BUF_INIT;
	stw_buf_addc(&pat, '%');
	for (const char *p = text; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			stw_buf_addc(&pat, '\\');
		stw_buf_addc(&pat, *p);
	}
	stw_buf_addc(&pat, '%');
	sqlite3_bind_text(st, 1, pat.data, -1, SQLITE_TRANSIENT);
	stw_buf_free(&pat);
	sqlite3_bind_int(st, 2, limit);
	sqlite3_bind_int64(st, 3, digits && strlen(text) < 18 ? atoll(text) : -1);
	out->rows = stw_xcalloc((size_t)limit, sizeof *out->rows);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->n < (size_t)limit) {
		stw_view_record *r = &out->rows[out->n++];
		r->id = sqlite3_column_int64(st, 0);
		r->name = stw_view_dup(st, 1);
		r->email = stw_view_dup(st, 2);
		r->phone = stw_view_dup(st, 3);
		r->company = stw_view_dup(st, 4);
		r->city = stw_view_dup(st, 5);
		stw_view_copy(r->status, sizeof r->status, (const char *)sqlite3_column_text(st, 6));
		r->cluster = sqlite3_column_int64(st, 7);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		stw_view_records_free(out);
		return stw_ws_dberr(ws, rc, "searching records", err);
	}
	return STW_OK;
}

void
stw_view_records_free(stw_view_records *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		free(r->rows[i].name);
		free(r->rows[i].email);
		free(r->rows[i].phone);
		free(r->rows[i].company);
		free(r->rows[i].city);
	}
	free(r->rows);
	memset(r, 0, sizeof *r);
}

bool
stw_view_record_exists(stw_ws *ws, int64_t id)
{
	sqlite3_stmt *st;
	if (stw_ws_prepare(ws, "SELECT 1 FROM rec WHERE id=?", &st, NULL) != STW_OK)
		return false;
	sqlite3_bind_int64(st, 1, id);
	bool yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return yes;
}

stw_err
stw_view_record_get(stw_ws *ws, int64_t id, stw_view_record_detail **out, stw_error *err)
{
	*out = NULL;
	const char *const *fields = stw_rec_fields();
	size_t nf = 0;
	while (fields[nf])
		nf++;
	stw_buf sql = STW_BUF_INIT;
	stw_buf_adds(&sql, "SELECT r.status, r.entity, coalesce(r.master_id,0),"
	                   " coalesce((SELECT cluster_id FROM cluster_member WHERE record_id=r.id"
	                   "  LIMIT 1),0), s.name || ':' || rd.line");
	for (size_t i = 0; i < nf; i++) {
		char *q = sqlite3_mprintf(", r.\"%w\"", fields[i]);
		stw_buf_adds(&sql, q);
		sqlite3_free(q);
	}
	stw_buf_adds(&sql, " FROM rec r LEFT JOIN record rd ON rd.id=r.id"
	                   " LEFT JOIN source s ON s.id=r.source_id WHERE r.id=?");
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, sql.data, &st, err);
	stw_buf_free(&sql);
	if (e != STW_OK)
		return e;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			return stw_fail(err, STW_ENOENT, "no record %lld", (long long)id);
		return stw_ws_dberr(ws, rc, "reading a record", err);
	}
	stw_view_record_detail *d = stw_xcalloc(1, sizeof *d);
	d->id = id;
	stw_view_copy(d->status, sizeof d->status, (const char *)sqlite3_column_text(st, 0));
	stw_view_copy(d->entity, sizeof d->entity, (const char *)sqlite3_column_text(st, 1));
	d->master = sqlite3_column_int64(st, 2);
	d->cluster = sqlite3_column_int64(st, 3);
	d->source = stw_view_dup(st, 4);
	d->field = stw_xcalloc(nf, sizeof *d->field);
	d->value = stw_xcalloc(nf, sizeof *d->value);
	for (size_t i = 0; i < nf; i++) {
		char *v = stw_view_dup(st, (int)i + 5);
		if (!v)
			continue;
		d->field[d->n] = fields[i];
		d->value[d->n++] = v;
	}
	sqlite3_finalize(st);
	*out = d;
	return STW_OK;
}

void
stw_view_record_detail_free(stw_view_record_detail *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++)
		free(r->value[i]);
	free(r->value);
	free(r->field);
	free(r->source);
	free(r);
}
