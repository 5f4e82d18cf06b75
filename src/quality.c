/*
 * The quality report: numbers (see quality.h for every definition and the
 * score's formula) and their three renderings (text, JSON, HTML).
 *
 * The numbers for one entity come from one streaming SELECT over the table
 * (rec, or the temporary table of original values for the "before"
 * figures) fed through stw_check_record, plus per-field GROUP BY queries for
 * distinct counts, top values and top patterns (a SQL function
 * stw_pattern() registered on the connection) and for the duplicate rates.
 * Field names reach SQL only as identifiers quoted with %w.
 */
#include "quality.h"
#include "check.h"
#include "rec.h"
#include "standardize.h"
#include "validate_rules.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define BEFORE_TABLE "stw_before"

/* ==== Patterns ==== */

void
stw_quality_pattern(const char *s, stw_buf *b)
{
	size_t chars = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; chars++) {
		if (chars == 40) {
			stw_buf_adds(b, "...");
			return;
		}
		unsigned char c = *p;
		if (c >= 0x80) {
			stw_buf_addc(b, 'a');
			p++;
			while ((*p & 0xC0) == 0x80)
				p++;
			continue;
		}
		stw_buf_addc(b, c >= 'A' && c <= 'Z' ? 'A' : c >= 'a' && c <= 'z' ? 'a' :
		                c >= '0' && c <= '9' ? '9' : (char)c);
		p++;
	}
}

static void
sql_pattern(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	stw_buf b = STW_BUF_INIT;
	stw_quality_pattern(s, &b);
	sqlite3_result_text(ctx, b.data ? b.data : "", -1, SQLITE_TRANSIENT);
	stw_buf_free(&b);
}

/* ==== Computing ==== */

static void
quality_free(stw_quality *q)
{
	for (size_t i = 0; i < q->nfields; i++) {
		for (int k = 0; k < q->fields[i].ntop_values; k++)
			free(q->fields[i].top_values[k].value);
		for (int k = 0; k < q->fields[i].ntop_patterns; k++)
			free(q->fields[i].top_patterns[k].value);
	}
	free(q->fields);
	memset(q, 0, sizeof *q);
}

void
stw_quality_report_free(stw_quality_report *r)
{
	for (size_t i = 0; i < r->nentities; i++) {
		quality_free(&r->entities[i].now);
		quality_free(&r->entities[i].before);
	}
	free(r->workspace);
	free(r->rules_file);
	memset(r, 0, sizeof *r);
}

static bool
junk_value(const stw_field_rules *fr, const char *v)
{
	while (*v == ' ' || *v == '\t')
		v++;
	size_t n = strlen(v);
	while (n && (v[n - 1] == ' ' || v[n - 1] == '\t'))
		n--;
	if (n == 0 || n >= 64)
		return n == 0;
	char key[64];
	for (size_t i = 0; i < n; i++)
		key[i] = v[i] >= 'A' && v[i] <= 'Z' ? (char)(v[i] - 'A' + 'a') : v[i];
	key[n] = '\0';
	for (size_t i = 0; i < fr->njunk; i++)
		if (strcmp(fr->junk[i], key) == 0)
			return true;
	return false;
}

/* Runs sql (one ? for the entity) and keeps the first STW_QTOP rows (text, count). */
static stw_err
top_rows(stw_ws *ws, const char *sql, const char *entity, stw_qcount *out, int *n,
         stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, sql, &st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_text(st, 1, entity, -1, SQLITE_STATIC);
	int rc;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < STW_QTOP) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		out[*n].value = stw_xstrdup(v ? v : "");
		out[*n].count = sqlite3_column_int64(st, 1);
		(*n)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return stw_ws_dberr(ws, rc, "profiling a field", err);
	return STW_OK;
}

/* Exact duplicates of field: records with a shared non-junk value, and records with one. */
static stw_err
dup_rate(stw_ws *ws, const char *table, const stw_field_rules *fr, const char *field,
         const char *entity, int64_t *with, int64_t *dup, stw_error *err)
{
	*with = *dup = 0;
	if (!stw_field_rules_find(fr, field))
		return STW_OK;
	char *sql = sqlite3_mprintf("SELECT \"%w\", count(*) FROM \"%w\" WHERE entity=? AND"
	                            " status='active' AND \"%w\" <> '' GROUP BY \"%w\"", field,
	                            table, field, field);
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, sql, &st, err);
	sqlite3_free(sql);
	if (e != STW_OK)
		return e;
	sqlite3_bind_text(st, 1, entity, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		int64_t c = sqlite3_column_int64(st, 1);
		if (!v || junk_value(fr, v))
			continue;
		*with += c;
		if (c > 1)
			*dup += c;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? STW_OK : stw_ws_dberr(ws, rc, "counting duplicates", err);
}

static double
ratio(int64_t a, int64_t b, double none)
{
	return b > 0 ? (double)a / (double)b : none;
}

static stw_err
compute(stw_ws *ws, const stw_rules *rules, const char *table, const char *entity,
        stw_quality *q, stw_error *err)
{
	memset(q, 0, sizeof *q);
	stw_field_rules *owned;
	const stw_field_rules *fr = stw_entity_field_rules(rules, entity, &owned);
	stw_check_ctx ctx;
	stw_check_ctx_init(&ctx, fr, rules ? rules->default_country : "US",
	                   rules ? rules->date_order == STW_MDY : 1);
	size_t nf = fr->nfields;
	int64_t *filled = stw_xcalloc(nf, sizeof *filled), *valid = stw_xcalloc(nf, sizeof *valid);
	int64_t *nonempty = stw_xcalloc(nf, sizeof *nonempty);
	stw_buf sql = STW_BUF_INIT;
	stw_buf_adds(&sql, "SELECT 0");
	for (size_t i = 0; i < nf; i++) {
		char *q1 = sqlite3_mprintf(", \"%w\"", fr->fields[i].name);
		stw_buf_adds(&sql, q1);
		sqlite3_free(q1);
	}
	char *from = sqlite3_mprintf(" FROM \"%w\" WHERE entity=? AND status='active'", table);
	stw_buf_adds(&sql, from);
	sqlite3_free(from);
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, sql.data, &st, err);
	stw_buf_free(&sql);
	const char **vals = stw_xcalloc(nf, sizeof *vals);
	stw_check_out out = {0};
	if (e == STW_OK) {
		sqlite3_bind_text(st, 1, entity, -1, SQLITE_STATIC);
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			for (size_t i = 0; i < nf; i++) {
				vals[i] = (const char *)sqlite3_column_text(st, (int)i + 1);
				nonempty[i] += vals[i] && *vals[i];
			}
			stw_check_record(&ctx, vals, 0, &out);
			q->records++;
			q->stale += out.stale;
			q->placeholder += out.placeholder;
			for (size_t i = 0; i < nf; i++) {
				filled[i] += out.state[i] == STW_FS_VALID || out.state[i] == STW_FS_INVALID;
				valid[i] += out.state[i] == STW_FS_VALID;
			}
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			e = stw_ws_dberr(ws, rc, "reading records", err);
	}
	stw_check_out_free(&out);
	free(vals);
	q->fields = stw_xcalloc(nf, sizeof *q->fields);
	int64_t sum_filled = 0, sum_valid = 0;
	double req_sum = 0;
	int nreq = 0;
	for (size_t i = 0; i < nf && e == STW_OK; i++) {
		const stw_field_rule *f = &fr->fields[i];
		sum_filled += filled[i];
		sum_valid += valid[i];
		if (f->required) {
			req_sum += ratio(filled[i], q->records, 0);
			nreq++;
		}
		if (!nonempty[i])
			continue;
		stw_qfield *qf = &q->fields[q->nfields++];
		qf->field = f->name;
		qf->type = stw_ftype_name(f->type);
		qf->required = f->required;
		qf->filled = filled[i];
		qf->valid = valid[i];
		char *s = sqlite3_mprintf("SELECT count(DISTINCT \"%w\") FROM \"%w\" WHERE entity=?"
		                          " AND status='active' AND \"%w\" <> ''", f->name, table,
		                          f->name);
		if ((e = stw_ws_prepare(ws, s, &st, err)) == STW_OK) {
			sqlite3_bind_text(st, 1, entity, -1, SQLITE_STATIC);
			if (sqlite3_step(st) == SQLITE_ROW)
				qf->distinct = sqlite3_column_int64(st, 0);
			sqlite3_finalize(st);
		}
		sqlite3_free(s);
		if (e != STW_OK)
			break;
		s = sqlite3_mprintf("SELECT \"%w\" v, count(*) c FROM \"%w\" WHERE entity=? AND"
		                    " status='active' AND \"%w\" <> '' GROUP BY v ORDER BY c DESC, v",
		                    f->name, table, f->name);
		e = top_rows(ws, s, entity, qf->top_values, &qf->ntop_values, err);
		sqlite3_free(s);
		if (e != STW_OK)
			break;
		s = sqlite3_mprintf("SELECT stw_pattern(\"%w\") p, count(*) c FROM \"%w\" WHERE"
		                    " entity=? AND status='active' AND \"%w\" <> '' GROUP BY p"
		                    " ORDER BY c DESC, p", f->name, table, f->name);
		e = top_rows(ws, s, entity, qf->top_patterns, &qf->ntop_patterns, err);
		sqlite3_free(s);
	}
	if (e == STW_OK)
		e = dup_rate(ws, table, fr, "email", entity, &q->email_with, &q->email_dup, err);
	if (e == STW_OK)
		e = dup_rate(ws, table, fr, "phone", entity, &q->phone_with, &q->phone_dup, err);
	if (e == STW_OK) {
		q->dup_email = ratio(q->email_dup, q->email_with, 0);
		q->dup_phone = ratio(q->phone_dup, q->phone_with, 0);
		q->stale_rate = ratio(q->stale, q->records, 0);
		q->placeholder_rate = ratio(q->placeholder, q->records, 0);
		q->completeness = nreq ? req_sum / nreq : 1;
		q->validity = ratio(sum_valid, sum_filled, 1);
		int nu = (q->email_with > 0) + (q->phone_with > 0);
		q->uniqueness = nu ? 1 - ((q->email_with ? q->dup_email : 0) +
		                          (q->phone_with ? q->dup_phone : 0)) / nu : 1;
		q->freshness = 1 - q->stale_rate;
		q->score = 100 * (0.35 * q->completeness + 0.35 * q->validity +
		                  0.15 * q->uniqueness + 0.15 * q->freshness);
	}
	free(filled);
	free(valid);
	free(nonempty);
	stw_field_rules_free(owned);
	if (e != STW_OK)
		quality_free(q);
	return e;
}

static int64_t
one_int(stw_ws *ws, const char *sql)
{
	sqlite3_stmt *st;
	int64_t n = 0;
	if (sqlite3_prepare_v2(stw_ws_db(ws), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* temp.stw_before: rec with every active change reverted and every record active. */
static stw_err
build_before(stw_ws *ws, stw_error *err)
{
	const char *what = "building the original values";
	stw_err e = stw_ws_exec(ws, "DROP TABLE IF EXISTS temp." BEFORE_TABLE ";"
	                            "CREATE TEMP TABLE " BEFORE_TABLE " AS SELECT * FROM rec;"
	                            "UPDATE temp." BEFORE_TABLE " SET status='active';"
	                            "CREATE INDEX temp.stw_before_id ON " BEFORE_TABLE "(id)", what, err);
	for (const char *const *f = stw_rec_fields(); *f && e == STW_OK; f++) {
		char *sql = sqlite3_mprintf(
			"UPDATE temp." BEFORE_TABLE " SET \"%w\" = (SELECT c.old FROM change c"
			" WHERE c.record_id = " BEFORE_TABLE ".id AND c.field = ?1 AND c.active = 1"
			" ORDER BY c.id LIMIT 1) WHERE id IN (SELECT record_id FROM change"
			" WHERE field = ?1 AND active = 1)", *f);
		sqlite3_stmt *st;
		e = stw_ws_prepare(ws, sql, &st, err);
		sqlite3_free(sql);
		if (e != STW_OK)
			break;
		sqlite3_bind_text(st, 1, *f, -1, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			e = stw_ws_dberr(ws, rc, "building the original values", err);
	}
	return e;
}

stw_err
stw_quality_build(stw_ws *ws, const stw_rules *rules, stw_quality_report *r, stw_error *err)
{
	memset(r, 0, sizeof *r);
	int rc = sqlite3_create_function(stw_ws_db(ws), "stw_pattern", 1,
	                                 SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_pattern,
	                                 NULL, NULL);
	if (rc != SQLITE_OK)
		return stw_ws_dberr(ws, rc, "registering a function", err);
	r->workspace = stw_xstrdup(stw_ws_path(ws));
	r->rules_file = stw_xstrdup(rules ? rules->file : "(built-in)");
	snprintf(r->rules_sha256, sizeof r->rules_sha256, "%s", rules ? rules->sha256 : "");
	stw_check_ctx ctx;
	stw_check_ctx_init(&ctx, NULL, NULL, 1);
	memcpy(r->today, ctx.today, sizeof r->today);
	r->changes = one_int(ws, "SELECT count(*) FROM change WHERE active=1");
	r->not_active = one_int(ws, "SELECT count(*) FROM rec WHERE status<>'active'");
	bool before = r->changes > 0 || r->not_active > 0;
	stw_err e = before ? build_before(ws, err) : STW_OK;
	static const char *const entities[] = {"contact", "company"};
	for (int i = 0; i < 2 && e == STW_OK; i++) {
		sqlite3_stmt *st;
		if ((e = stw_ws_prepare(ws, "SELECT count(*) FROM rec WHERE entity=?", &st, err)) !=
		    STW_OK)
			break;
		sqlite3_bind_text(st, 1, entities[i], -1, SQLITE_STATIC);
		int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		sqlite3_finalize(st);
		if (!n)
			continue;
		stw_quality_entity *qe = &r->entities[r->nentities++];
		qe->entity = entities[i];
		e = compute(ws, rules, "rec", entities[i], &qe->now, err);
		if (e == STW_OK && before) {
			e = compute(ws, rules, BEFORE_TABLE, entities[i], &qe->before, err);
			qe->has_before = e == STW_OK;
		}
	}
	if (before)
		sqlite3_exec(stw_ws_db(ws), "DROP TABLE IF EXISTS temp." BEFORE_TABLE, NULL, NULL, NULL);
	if (e != STW_OK)
		stw_quality_report_free(r);
	return e;
}

/* ==== Text ==== */

static double
pct(int64_t a, int64_t b, double none)
{
	return 100 * ratio(a, b, none / 100);
}

#define FORMULA "score = 100 x (0.35 completeness + 0.35 validity + 0.15 uniqueness + " \
                "0.15 freshness)"

void
stw_quality_text(const stw_quality_report *r, FILE *f, void (*esc)(FILE *f, const char *s))
{
	fputs("quality report for ", f);
	esc(f, r->workspace);
	fputs(" (rules ", f);
	esc(f, r->rules_file);
	fprintf(f, ", staleness measured on %s)\n", r->today);
	if (!r->nentities)
		fputs("no records\n", f);
	for (size_t k = 0; k < r->nentities; k++) {
		const stw_quality_entity *qe = &r->entities[k];
		const stw_quality *q = &qe->now;
		fprintf(f, "\n%s: %lld active records, quality score %.1f / 100\n", qe->entity,
		        (long long)q->records, q->score);
		fprintf(f, "  completeness %.1f%%  validity %.1f%%  uniqueness %.1f%%  freshness %.1f%%\n",
		        100 * q->completeness, 100 * q->validity, 100 * q->uniqueness,
		        100 * q->freshness);
		fprintf(f, "  exact duplicates: email %.1f%% (%lld of %lld), phone %.1f%% (%lld of %lld)\n",
		        100 * q->dup_email, (long long)q->email_dup, (long long)q->email_with,
		        100 * q->dup_phone, (long long)q->phone_dup, (long long)q->phone_with);
		fprintf(f, "  stale %.1f%% (%lld), placeholder or test %.1f%% (%lld)\n",
		        100 * q->stale_rate, (long long)q->stale, 100 * q->placeholder_rate,
		        (long long)q->placeholder);
		fprintf(f, "  %-18s %7s %7s %9s  %-22s %s\n", "field", "filled", "valid", "distinct",
		        "top pattern", "top value");
		for (size_t i = 0; i < q->nfields; i++) {
			const stw_qfield *qf = &q->fields[i];
			fprintf(f, "  %-18s %6.1f%% %6.1f%% %9lld  ", qf->field,
			        pct(qf->filled, q->records, 0), pct(qf->valid, qf->filled, 100),
			        (long long)qf->distinct);
			if (qf->ntop_patterns) {
				esc(f, qf->top_patterns[0].value);
				int w = 22 - (int)stw_utf8_count(qf->top_patterns[0].value,
				                                 strlen(qf->top_patterns[0].value));
				fprintf(f, "%*s ", w > 0 ? w : 0, "");
			}
			if (qf->ntop_values) {
				esc(f, qf->top_values[0].value);
				fprintf(f, " (%lld)", (long long)qf->top_values[0].count);
			}
			fputc('\n', f);
		}
		if (qe->has_before) {
			const stw_quality *b = &qe->before;
			fprintf(f, "  before decisions -> now: score %.1f -> %.1f, validity %.1f%% -> "
			        "%.1f%%, email duplicates %.1f%% -> %.1f%%, phone duplicates %.1f%% -> "
			        "%.1f%%, records %lld -> %lld\n", b->score, q->score, 100 * b->validity,
			        100 * q->validity, 100 * b->dup_email, 100 * q->dup_email,
			        100 * b->dup_phone, 100 * q->dup_phone, (long long)b->records,
			        (long long)q->records);
		}
	}
	fprintf(f, "\n%s\n", FORMULA);
}

/* ==== JSON ==== */

static void
jstr(stw_buf *b, const char *s)
{
	stw_buf_addc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			stw_buf_printf(b, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			stw_buf_printf(b, "\\u%04x", *p);
		else
			stw_buf_addc(b, (char)*p);
	}
	stw_buf_addc(b, '"');
}

/* Rounded to 4 decimals so the text is stable; always a valid JSON number. */
static void
jnum(stw_buf *b, double v)
{
	if (!isfinite(v))
		v = 0;
	stw_buf_printf(b, "%.4f", round(v * 10000) / 10000);
}

static void
json_counts(stw_buf *b, const stw_qcount *c, int n)
{
	stw_buf_addc(b, '[');
	for (int i = 0; i < n; i++) {
		stw_buf_adds(b, i ? ",{\"value\":" : "{\"value\":");
		jstr(b, c[i].value);
		stw_buf_printf(b, ",\"count\":%lld}", (long long)c[i].count);
	}
	stw_buf_addc(b, ']');
}

static void
json_quality(stw_buf *b, const stw_quality *q)
{
	stw_buf_printf(b, "{\"records\":%lld,\"score\":", (long long)q->records);
	jnum(b, q->score);
	stw_buf_adds(b, ",\"completeness\":");
	jnum(b, q->completeness);
	stw_buf_adds(b, ",\"validity\":");
	jnum(b, q->validity);
	stw_buf_adds(b, ",\"uniqueness\":");
	jnum(b, q->uniqueness);
	stw_buf_adds(b, ",\"freshness\":");
	jnum(b, q->freshness);
	stw_buf_printf(b, ",\"duplicates\":{\"email\":{\"with_value\":%lld,\"duplicates\":%lld,"
	               "\"rate\":", (long long)q->email_with, (long long)q->email_dup);
	jnum(b, q->dup_email);
	stw_buf_printf(b, "},\"phone\":{\"with_value\":%lld,\"duplicates\":%lld,\"rate\":",
	               (long long)q->phone_with, (long long)q->phone_dup);
	jnum(b, q->dup_phone);
	stw_buf_printf(b, "}},\"stale\":{\"count\":%lld,\"rate\":", (long long)q->stale);
	jnum(b, q->stale_rate);
	stw_buf_printf(b, "},\"placeholder\":{\"count\":%lld,\"rate\":", (long long)q->placeholder);
	jnum(b, q->placeholder_rate);
	stw_buf_adds(b, "},\"fields\":[");
	for (size_t i = 0; i < q->nfields; i++) {
		const stw_qfield *f = &q->fields[i];
		stw_buf_adds(b, i ? ",{\"field\":" : "{\"field\":");
		jstr(b, f->field);
		stw_buf_adds(b, ",\"type\":");
		jstr(b, f->type);
		stw_buf_printf(b, ",\"required\":%s,\"filled\":%lld,\"filled_pct\":",
		               f->required ? "true" : "false", (long long)f->filled);
		jnum(b, pct(f->filled, q->records, 0));
		stw_buf_printf(b, ",\"valid\":%lld,\"valid_pct\":", (long long)f->valid);
		jnum(b, pct(f->valid, f->filled, 100));
		stw_buf_printf(b, ",\"distinct\":%lld,\"top_values\":", (long long)f->distinct);
		json_counts(b, f->top_values, f->ntop_values);
		stw_buf_adds(b, ",\"top_patterns\":");
		json_counts(b, f->top_patterns, f->ntop_patterns);
		stw_buf_addc(b, '}');
	}
	stw_buf_adds(b, "]}");
}

void
stw_quality_json(const stw_quality_report *r, stw_buf *b)
{
	stw_buf_adds(b, "{\"workspace\":");
	jstr(b, r->workspace);
	stw_buf_adds(b, ",\"rules\":{\"file\":");
	jstr(b, r->rules_file);
	stw_buf_adds(b, ",\"sha256\":");
	jstr(b, r->rules_sha256);
	stw_buf_adds(b, "},\"today\":");
	jstr(b, r->today);
	stw_buf_printf(b, ",\"changes\":%lld,\"not_active\":%lld,\"formula\":",
	               (long long)r->changes, (long long)r->not_active);
	jstr(b, FORMULA);
	stw_buf_adds(b, ",\"entities\":[");
	for (size_t k = 0; k < r->nentities; k++) {
		const stw_quality_entity *qe = &r->entities[k];
		stw_buf_adds(b, k ? ",{\"entity\":" : "{\"entity\":");
		jstr(b, qe->entity);
		stw_buf_adds(b, ",\"now\":");
		json_quality(b, &qe->now);
		stw_buf_adds(b, ",\"before\":");
		if (qe->has_before)
			json_quality(b, &qe->before);
		else
			stw_buf_adds(b, "null");
		stw_buf_addc(b, '}');
	}
	stw_buf_adds(b, "]}\n");
}

/* ==== HTML ==== */

static void
hstr(stw_buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '<': stw_buf_adds(b, "&lt;"); break;
		case '>': stw_buf_adds(b, "&gt;"); break;
		case '&': stw_buf_adds(b, "&amp;"); break;
		case '"': stw_buf_adds(b, "&quot;"); break;
		case '\'': stw_buf_adds(b, "&#39;"); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				stw_buf_printf(b, "&#x%x;", 0x2400 + *p); /* visible control picture */
			else
				stw_buf_addc(b, (char)*p);
		}
	}
}

/* An inline SVG with two bars (filled, valid) of a field, 0..100. */
static void
svg_bars(stw_buf *b, double filled, double valid)
{
	stw_buf_printf(b, "<svg width=\"210\" height=\"26\" role=\"img\" aria-label=\"filled %.1f%%, "
	               "valid %.1f%%\"><rect x=\"0\" y=\"2\" width=\"200\" height=\"9\" "
	               "fill=\"#e5e7eb\"/><rect x=\"0\" y=\"2\" width=\"%.1f\" height=\"9\" "
	               "fill=\"#2563eb\"/><rect x=\"0\" y=\"14\" width=\"200\" height=\"9\" "
	               "fill=\"#e5e7eb\"/><rect x=\"0\" y=\"14\" width=\"%.1f\" height=\"9\" "
	               "fill=\"#16a34a\"/></svg>", filled, valid, 2 * filled, 2 * valid);
}

static void
html_summary(stw_buf *b, const char *entity, const stw_quality *q)
{
	stw_buf_printf(b, "<p class=\"score\">%.1f<small> / 100</small></p>", q->score);
	stw_buf_printf(b, "<p>The %s records (%lld active) are %.0f%% complete on required fields; "
	               "%.0f%% of the filled values are valid. %.1f%% of the records with an e-mail "
	               "share it with another record exactly, %.1f%% of those with a phone number "
	               "share it. %.1f%% have had no activity for longer than the staleness rule "
	               "allows and %.1f%% look like placeholder or test records; both are proposed "
	               "for purge.</p>", entity, (long long)q->records, 100 * q->completeness,
	               100 * q->validity, 100 * q->dup_email, 100 * q->dup_phone,
	               100 * q->stale_rate, 100 * q->placeholder_rate);
}

static void
html_row(stw_buf *b, const char *name, double before, double now, bool lower_is_better)
{
	double d = now - before;
	bool good = lower_is_better ? d < 0 : d > 0;
	stw_buf_printf(b, "<tr><td>%s</td><td>%.1f</td><td>%.1f</td><td class=\"%s\">%+.1f</td></tr>",
	               name, before, now, d == 0 ? "" : good ? "up" : "down", d);
}

void
stw_quality_html(const stw_quality_report *r, stw_buf *b)
{
	stw_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	             "<title>Data quality report</title><style>"
	             "body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;"
	             "color:#111;padding:0 1em}h1{font-size:1.6em}table{border-collapse:collapse;"
	             "width:100%;margin:1em 0}td,th{border-bottom:1px solid #ddd;padding:4px 6px;"
	             "text-align:left;vertical-align:middle;font-size:.9em}th{background:#f3f4f6}"
	             ".score{font-size:3em;font-weight:700;margin:.2em 0}.score small{font-size:.4em;"
	             "color:#555}.up{color:#15803d}.down{color:#b91c1c}code{font-size:.95em}"
	             ".legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px}"
	             "</style></head><body>\n<h1>Data quality report</h1>\n<p>Workspace <code>");
	hstr(b, r->workspace);
	stw_buf_adds(b, "</code>, rules <code>");
	hstr(b, r->rules_file);
	stw_buf_printf(b, "</code>, staleness measured on %s.</p>\n", r->today);
	for (size_t k = 0; k < r->nentities; k++) {
		const stw_quality_entity *qe = &r->entities[k];
		const stw_quality *q = &qe->now;
		stw_buf_printf(b, "<h2>%s records</h2>\n", qe->entity);
		html_summary(b, qe->entity, q);
		if (qe->has_before) {
			const stw_quality *p = &qe->before;
			stw_buf_adds(b, "<h3>Before and after the decisions applied</h3><table><tr><th>"
			             "measure</th><th>before</th><th>now</th><th>change</th></tr>");
			html_row(b, "quality score", p->score, q->score, false);
			html_row(b, "completeness %", 100 * p->completeness, 100 * q->completeness, false);
			html_row(b, "validity %", 100 * p->validity, 100 * q->validity, false);
			html_row(b, "e-mail duplicates %", 100 * p->dup_email, 100 * q->dup_email, true);
			html_row(b, "phone duplicates %", 100 * p->dup_phone, 100 * q->dup_phone, true);
			html_row(b, "stale %", 100 * p->stale_rate, 100 * q->stale_rate, true);
			html_row(b, "active records", (double)p->records, (double)q->records, false);
			stw_buf_adds(b, "</table>\n");
		}
		stw_buf_adds(b, "<h3>Fields</h3><p class=\"legend\"><span style=\"background:#2563eb\">"
		             "</span>filled %<span style=\"background:#16a34a\"></span>valid % of "
		             "filled</p><table><tr><th>field</th><th>type</th><th>filled / valid</th>"
		             "<th>filled</th><th>valid</th><th>distinct</th><th>top patterns</th>"
		             "<th>top values</th></tr>\n");
		for (size_t i = 0; i < q->nfields; i++) {
			const stw_qfield *f = &q->fields[i];
			double fp = pct(f->filled, q->records, 0), vp = pct(f->valid, f->filled, 100);
			stw_buf_printf(b, "<tr><td>%s%s</td><td>%s</td><td>", f->field,
			               f->required ? " *" : "", f->type);
			svg_bars(b, fp, vp);
			stw_buf_printf(b, "</td><td>%.1f%%</td><td>%.1f%%</td><td>%lld</td><td>", fp, vp,
			               (long long)f->distinct);
			for (int t = 0; t < f->ntop_patterns && t < 3; t++) {
				stw_buf_adds(b, t ? "<br><code>" : "<code>");
				hstr(b, f->top_patterns[t].value);
				stw_buf_printf(b, "</code> %lld", (long long)f->top_patterns[t].count);
			}
			stw_buf_adds(b, "</td><td>");
			for (int t = 0; t < f->ntop_values && t < 3; t++) {
				if (t)
					stw_buf_adds(b, "<br>");
				hstr(b, f->top_values[t].value);
				stw_buf_printf(b, " (%lld)", (long long)f->top_values[t].count);
			}
			stw_buf_adds(b, "</td></tr>\n");
		}
		stw_buf_adds(b, "</table><p>* required field</p>\n");
	}
	stw_buf_adds(b, "<h2>How the score is computed</h2><p><code>" FORMULA "</code>. "
	             "Completeness is the mean filled share of the required fields; validity the "
	             "share of filled values that pass their type, pattern and allowed values; "
	             "uniqueness one minus the mean exact-duplicate rate of e-mail and phone; "
	             "freshness one minus the share of stale records. Junk values such as "
	             "&quot;n/a&quot; count as missing.</p>\n</body></html>\n");
}
