/*
 * Proposals and findings for the whole workspace or one record, and the
 * decisions that apply or dismiss proposals.
 *
 * The full pass reads active records in batches of BATCH rows (one SELECT
 * per entity, in id order) and checks each batch on two worker threads
 * (the checks are pure, see check.h) while this thread, the only one that
 * touches the connection, writes the previous batch's proposals and
 * findings with two prepared statements, all in one transaction. The
 * secondary indexes of the tables being rewritten are dropped first and
 * rebuilt from their stored SQL at the end (building an index once is far
 * cheaper than updating it row by row), and, when no other connection has
 * the workspace open, the transaction runs in a rollback journal so each
 * page is written once (stw_ws_bulk_mode(), as the import does).
 * Everything stays atomic.
 */
#include "standardize.h"
#include "check.h"
#include "check_pass.h"
#include "decide.h"
#include "profile.h"
#include "rec.h"
#include "util.h"
#include "validate.h"
#include "validate_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const rule_names[] = {
	"junk_value", "whitespace", "mojibake", "name_case", "place_case", "email_case",
	"email_typo", "phone_e164", "date_iso", "country_code", "state_code", "postcode",
	"company_tidy", NULL,
};
_Static_assert(sizeof rule_names / sizeof rule_names[0] == STW_STANDARDIZE_NRULES + 1,
               "STW_STANDARDIZE_NRULES counts rule_names");

const char *const *
stw_standardize_rules(void)
{
	return rule_names;
}

const stw_field_rules *
stw_entity_field_rules(const stw_rules *rules, const char *entity, stw_field_rules **owned)
{
	*owned = NULL;
	const stw_entity_rules *e = rules ? stw_rules_entity(rules, entity) : NULL;
	if (e && e->fields)
		return e->fields;
	*owned = stw_field_rules_default(entity);
	return *owned;
}

/* SELECT id, f1, f2 ... FROM rec WHERE ... for fr's fields. Owned. */
static char *
select_sql(const stw_field_rules *fr, const char *where)
{
	stw_buf b = STW_BUF_INIT;
	stw_buf_adds(&b, "SELECT id");
	for (size_t i = 0; i < fr->nfields; i++) {
		char *q = sqlite3_mprintf(", \"%w\"", fr->fields[i].name);
		stw_buf_adds(&b, q);
		sqlite3_free(q);
	}
	stw_buf_printf(&b, " FROM rec WHERE %s", where);
	return stw_buf_take(&b);
}

/* ==== The full pass ==== */

/* Feeds the active records of entity with ids above from_id to a check pass
 * (fresh: see stw_check_pass_open). */
static stw_err
pass_entity(stw_ws *ws, const stw_rules *rules, const char *entity, unsigned what,
            int64_t from_id, bool fresh, stw_check_tally *tally, stw_error *err)
{
	stw_check_pass *p;
	stw_err e = stw_check_pass_open(ws, rules, entity, what, fresh, &p, err);
	if (e != STW_OK)
		return e;
	const stw_field_rules *fr = stw_check_pass_fields(p);
	size_t nf = fr->nfields;
	char *sql = select_sql(fr, "entity=? AND status='active' AND id>? ORDER BY id");
	sqlite3_stmt *st;
	e = stw_ws_prepare(ws, sql, &st, err);
	free(sql);
	if (e != STW_OK) {
		stw_check_pass_free(p);
		return e;
	}
	sqlite3_bind_text(st, 1, entity, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, from_id);
	const char **v = stw_xcalloc(nf, sizeof *v);
	size_t *len = stw_xcalloc(nf, sizeof *len);
	int rc;
	while (e == STW_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (size_t i = 0; i < nf; i++) {
			v[i] = (const char *)sqlite3_column_text(st, (int)i + 1);
			len[i] = (size_t)sqlite3_column_bytes(st, (int)i + 1);
		}
		e = stw_check_pass_put(p, sqlite3_column_int64(st, 0), v, len, err);
	}
	if (e == STW_OK && rc != SQLITE_DONE)
		e = stw_ws_dberr(ws, rc, "reading records", err);
	if (e == STW_OK)
		e = stw_check_pass_finish(p, tally, err);
	sqlite3_finalize(st);
	free(v);
	free(len);
	stw_check_pass_free(p);
	return e;
}

static int
rule_count_cmp(const void *a, const void *b)
{
	const stw_rule_count *x = a, *y = b;
	int c = strcmp(x->rule, y->rule);
	return c ? c : (int)y->safe - (int)x->safe; /* "safe" < "suggest" */
}

/*
 * Fills stats->rules from t's counts as stw_proposals_count() orders them
 * (by rule, then "safe" before "suggest") and returns their total: every
 * open proposal, since a full pass deleted the others first and an
 * incremental one starts from the counts stored with the records checked
 * before, and only for active records.
 */
static int64_t
rule_counts(const stw_check_tally *t, stw_run_stats *stats)
{
	int64_t total = 0;
	stats->nrules = 0;
	for (int i = 0; i < STW_STANDARDIZE_NRULES; i++)
		for (int k = 0; k < 2; k++)
			if (t->open[i][k] > 0) {
				stw_rule_count *c = &stats->rules[stats->nrules++];
				snprintf(c->rule, sizeof c->rule, "%s", rule_names[i]);
				c->safe = k;
				c->count = t->open[i][k];
				total += c->count;
			}
	qsort(stats->rules, stats->nrules, sizeof *stats->rules, rule_count_cmp);
	return total;
}

stw_err
stw_rules_record(stw_ws *ws, const stw_rules *rules, stw_error *err)
{
	if (!rules)
		return STW_OK;
	stw_err e = stw_ws_meta_set(ws, "rules_sha256", rules->sha256, err);
	if (e == STW_OK)
		e = stw_ws_meta_set(ws, "rules_file", rules->file, err);
	/* Records checked with other rules are no longer known to be current. */
	if (e == STW_OK)
		e = stw_checked_forget(ws, rules, err);
	return e;
}

/*
 * The pass behind stw_check_all (from_id 0: every active record, after
 * clearing what it recomputes) and stw_check_new (only records above
 * from_id, which have nothing to clear).
 */
static stw_err
check_pass(stw_ws *ws, const stw_rules *rules, unsigned what, int64_t from_id,
           stw_run_stats *stats, stw_error *err)
{
	if (stats)
		memset(stats, 0, sizeof *stats);
	bool bulk = sqlite3_get_autocommit(stw_ws_db(ws)) && stw_ws_bulk_mode(ws, true);
	if (bulk)
		stw_ws_big_cache(ws, true);
	stw_err e = stw_ws_begin(ws, err);
	if (e != STW_OK) {
		if (bulk) {
			stw_ws_big_cache(ws, false);
			stw_ws_bulk_mode(ws, false);
		}
		return e;
	}
	int64_t last = stw_ws_query_int(ws, "SELECT coalesce(max(id), 0) FROM rec");
	stw_index_set idx = {NULL, NULL, 0};
	if (last < 0) {
		e = stw_ws_dberr(ws, sqlite3_errcode(stw_ws_db(ws)), "reading records", err);
		goto done;
	}
	/* Records above from_id have no proposals yet: plain inserts will do. */
	bool fresh = true;
	if (from_id == 0) {
		/* Without their indexes, the old rows go and the new ones come in
		 * cheaply. Applied and dismissed proposals stay: when there are any,
		 * the new ones are merged with them through the unique key. */
		if ((what & STW_RUN_PROPOSE) &&
		    ((e = stw_ws_drop_indexes(ws, "proposal", &idx, err)) != STW_OK ||
		     (e = stw_ws_exec(ws, "DELETE FROM proposal WHERE status='open'", "clearing proposals",
		               err)) != STW_OK))
			goto done;
		fresh = stw_ws_query_int(ws, "SELECT EXISTS(SELECT 1 FROM proposal)") == 0;
		if (!fresh && (e = stw_ws_restore_index(ws, &idx, "proposal_key", err)) != STW_OK)
			goto done;
		if ((what & STW_RUN_VALIDATE) &&
		    ((e = stw_ws_drop_indexes(ws, "finding", &idx, err)) != STW_OK ||
		     (e = stw_ws_exec(ws, "DELETE FROM finding", "clearing findings", err)) != STW_OK))
			goto done;
	}
	/* The open proposals: those of the records checked before, then this pass's. */
	stw_check_tally t;
	memset(&t, 0, sizeof t);
	if (from_id > 0)
		stw_checked_through(ws, rules, &t);
	e = pass_entity(ws, rules, "contact", what, from_id, fresh, &t, err);
	if (e == STW_OK)
		e = pass_entity(ws, rules, "company", what, from_id, fresh, &t, err);
	if (e == STW_OK)
		e = stw_ws_restore_indexes(ws, &idx, err);
	if (e == STW_OK)
		e = stw_rules_record(ws, rules, err);
	if (e == STW_OK && what == (STW_RUN_PROPOSE | STW_RUN_VALIDATE))
		e = stw_checked_set(ws, rules, last, &t, err);
	if (e == STW_OK && stats) {
		stats->records = t.records;
		if (what & STW_RUN_PROPOSE)
			stats->proposals = rule_counts(&t, stats);
		else
			stats->proposals = stw_ws_query_int(ws, "SELECT count(*) FROM proposal"
			                                        " WHERE status='open'");
		stats->findings = stw_ws_query_int(ws, "SELECT count(*) FROM finding");
	}
done:
	stw_ws_index_set_free(&idx);
	if (e == STW_OK)
		e = stw_ws_commit(ws, err);
	else
		stw_ws_rollback(ws);
	if (bulk) {
		stw_ws_big_cache(ws, false);
		stw_ws_bulk_mode(ws, false);
	}
	return e;
}

stw_err
stw_check_all(stw_ws *ws, const stw_rules *rules, unsigned what, stw_run_stats *stats,
              stw_error *err)
{
	return check_pass(ws, rules, what, 0, stats, err);
}

stw_err
stw_check_new(stw_ws *ws, const stw_rules *rules, stw_run_stats *stats, stw_error *err)
{
	return check_pass(ws, rules, STW_RUN_PROPOSE | STW_RUN_VALIDATE,
	                  stw_checked_through(ws, rules, NULL), stats, err);
}

stw_err
stw_standardize_run(stw_ws *ws, const stw_rules *rules, stw_run_stats *stats, stw_error *err)
{
	return stw_check_all(ws, rules, STW_RUN_PROPOSE | STW_RUN_VALIDATE, stats, err);
}

/* ==== One record ==== */

/* Declared in validate.h. */
stw_err
stw_check_one(stw_ws *ws, const stw_rules *rules, int64_t id, unsigned what, stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, "SELECT entity, status FROM rec WHERE id=?", &st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	char entity[16] = "", status[16] = "";
	if (rc == SQLITE_ROW) {
		snprintf(entity, sizeof entity, "%s", sqlite3_column_text(st, 0));
		snprintf(status, sizeof status, "%s", sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return stw_fail(err, STW_ENOENT, "%s: no record %lld", stw_ws_path(ws), (long long)id);
	if (rc != SQLITE_ROW)
		return stw_ws_dberr(ws, rc, "reading a record", err);
	bool own_tx = sqlite3_get_autocommit(stw_ws_db(ws));
	if (own_tx && (e = stw_ws_begin(ws, err)) != STW_OK)
		return e;
	if ((what & STW_RUN_PROPOSE) &&
	    (e = stw_ws_prepare(ws, "DELETE FROM proposal WHERE record_id=? AND status='open'",
	                        &st, err)) == STW_OK) {
		sqlite3_bind_int64(st, 1, id);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			e = stw_ws_dberr(ws, rc, "clearing proposals", err);
	}
	if (e == STW_OK && (what & STW_RUN_VALIDATE) &&
	    (e = stw_ws_prepare(ws, "DELETE FROM finding WHERE record_id=?", &st, err)) == STW_OK) {
		sqlite3_bind_int64(st, 1, id);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			e = stw_ws_dberr(ws, rc, "clearing findings", err);
	}
	stw_field_rules *owned = NULL;
	if (e == STW_OK && strcmp(status, "active") == 0) {
		const stw_field_rules *fr = stw_entity_field_rules(rules, entity, &owned);
		char *sql = select_sql(fr, "id=?");
		e = stw_ws_prepare(ws, sql, &st, err);
		free(sql);
		if (e == STW_OK) {
			sqlite3_bind_int64(st, 1, id);
			rc = sqlite3_step(st);
			if (rc == SQLITE_ROW) {
				const char **vals = stw_xcalloc(fr->nfields, sizeof *vals);
				for (size_t i = 0; i < fr->nfields; i++)
					vals[i] = (const char *)sqlite3_column_text(st, (int)i + 1);
				stw_check_ctx ctx;
				stw_check_ctx_init(&ctx, fr, rules ? rules->default_country : "US",
				                   rules ? rules->date_order == STW_MDY : 1);
				stw_check_out out = {0};
				stw_check_record(&ctx, vals, (what & STW_RUN_PROPOSE ? STW_CHECK_PROPOSE : 0) |
				                 (what & STW_RUN_VALIDATE ? STW_CHECK_FIND : 0), &out);
				e = stw_check_write(ws, what, fr, id, vals, &out, err);
				stw_check_out_free(&out);
				free(vals);
			} else if (rc != SQLITE_DONE) {
				e = stw_ws_dberr(ws, rc, "reading a record", err);
			}
			sqlite3_finalize(st);
		}
	}
	stw_field_rules_free(owned);
	if (own_tx) {
		if (e == STW_OK)
			e = stw_ws_commit(ws, err);
		else
			stw_ws_rollback(ws);
	}
	return e;
}

stw_err
stw_standardize_record(stw_ws *ws, const stw_rules *rules, int64_t id, stw_error *err)
{
	return stw_check_one(ws, rules, id, STW_RUN_PROPOSE, err);
}

/* ==== Listing ==== */

stw_err
stw_proposals_each(stw_ws *ws, const char *rule, int64_t offset, int64_t limit,
                   stw_proposal_fn fn, void *arg, stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws,
		"SELECT p.id, p.record_id, p.field, p.rule, p.kind, p.before, p.after, p.why"
		" FROM proposal p JOIN rec r ON r.id = p.record_id"
		" WHERE p.status='open' AND r.status='active' AND (?1 IS NULL OR p.rule=?1)"
		" ORDER BY p.record_id, p.field, p.rule LIMIT ?2 OFFSET ?3", &st, err);
	if (e != STW_OK)
		return e;
	if (rule)
		sqlite3_bind_text(st, 1, rule, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, limit > 0 ? limit : -1);
	sqlite3_bind_int64(st, 3, offset > 0 ? offset : 0);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		stw_proposal p = {
			.id = sqlite3_column_int64(st, 0),
			.record_id = sqlite3_column_int64(st, 1),
			.field = (const char *)sqlite3_column_text(st, 2),
			.rule = (const char *)sqlite3_column_text(st, 3),
			.kind = (const char *)sqlite3_column_text(st, 4),
			.before = (const char *)sqlite3_column_text(st, 5),
			.after = (const char *)sqlite3_column_text(st, 6),
			.why = (const char *)sqlite3_column_text(st, 7),
		};
		if (fn(&p, arg)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? STW_OK : stw_ws_dberr(ws, rc, "reading proposals", err);
}

stw_err
stw_proposals_count(stw_ws *ws, stw_rule_count **out, size_t *n, stw_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws,
		"SELECT p.rule, p.kind, count(*) FROM proposal p JOIN rec r ON r.id = p.record_id"
		" WHERE p.status='open' AND r.status='active' GROUP BY p.rule, p.kind"
		" ORDER BY p.rule, p.kind", &st, err);
	if (e != STW_OK)
		return e;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = stw_xrealloc(*out, (*n + 1) * sizeof **out);
		stw_rule_count *c = &(*out)[(*n)++];
		snprintf(c->rule, sizeof c->rule, "%s", sqlite3_column_text(st, 0));
		c->safe = strcmp((const char *)sqlite3_column_text(st, 1), "safe") == 0;
		c->count = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return stw_ws_dberr(ws, rc, "counting proposals", err);
	}
	return STW_OK;
}

/* ==== Applying: through the decisions engine (decide.h) ==== */

stw_err
stw_standardize_apply_id(stw_ws *ws, const stw_rules *rules, const char *steward, int64_t id,
                         int64_t *seq, stw_error *err)
{
	stw_decider d = {.steward = steward, .rules = rules};
	return stw_decide_apply(ws, &d, id, seq, err);
}

stw_err
stw_standardize_apply_rule(stw_ws *ws, const stw_rules *rules, const char *steward,
                           const char *rule, int64_t *applied, int64_t *records,
                           int64_t *skipped, stw_error *err)
{
	stw_decider d = {.steward = steward, .rules = rules};
	stw_err e = stw_decide_apply_rule(ws, &d, rule, applied, records, skipped, NULL, err);
	if (e == STW_OK)
		e = stw_rules_record(ws, rules, err);
	return e;
}

stw_err
stw_standardize_dismiss_id(stw_ws *ws, const char *steward, int64_t id, int64_t *seq,
                           stw_error *err)
{
	stw_decider d = {.steward = steward};
	return stw_decide_dismiss(ws, &d, id, seq, err);
}
