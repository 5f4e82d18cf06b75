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
#include "decide.h"
#include "profile.h"
#include "rec.h"
#include "util.h"
#include "validate.h"
#include "validate_rules.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BATCH 4096

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

/* ==== Writing ==== */

typedef struct {
	stw_ws       *ws;
	sqlite3_stmt *prop;  /* upsert of a proposal */
	sqlite3_stmt *find;  /* insert of a finding */
	int64_t       nprops, nfinds;
	/* Proposals left open, per rule_names index and kind (0 suggest, 1 safe). */
	int64_t       open[STW_STANDARDIZE_NRULES][2];
} writer;

/* The index of rule (one of rule_names) in rule_names. */
static int
rule_index(const char *rule)
{
	for (int i = 0; rule_names[i]; i++)
		if (rule_names[i][0] == rule[0] && strcmp(rule_names[i], rule) == 0)
			return i;
	return -1;
}

static stw_err
writer_open(writer *w, stw_ws *ws, unsigned what, stw_error *err)
{
	memset(w, 0, sizeof *w);
	w->ws = ws;
	stw_err e;
	if ((what & STW_RUN_PROPOSE) &&
	    (e = stw_ws_prepare(ws,
	         "INSERT INTO proposal(record_id, field, rule, before, after, why, kind)"
	         " VALUES(?,?,?,?,?,?,?) ON CONFLICT(record_id, field, rule) DO UPDATE SET"
	         " before=excluded.before, after=excluded.after, why=excluded.why,"
	         " kind=excluded.kind, status='open'"
	         " WHERE proposal.status='applied' OR proposal.before IS NOT excluded.before"
	         " OR proposal.after IS NOT excluded.after", &w->prop, err)) != STW_OK)
		return e;
	if ((what & STW_RUN_VALIDATE) &&
	    (e = stw_ws_prepare(ws, "INSERT INTO finding(record_id, field, rule, severity, message)"
	                            " VALUES(?,?,?,?,?)", &w->find, err)) != STW_OK) {
		sqlite3_finalize(w->prop);
		w->prop = NULL;
		return e;
	}
	return STW_OK;
}

static void
writer_close(writer *w)
{
	sqlite3_finalize(w->prop);
	sqlite3_finalize(w->find);
	w->prop = w->find = NULL;
}

static void
bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* Writes one record's results. */
static stw_err
writer_put(writer *w, const stw_field_rules *fr, int64_t id, const char *const *values,
           const stw_check_out *out, stw_error *err)
{
	int rc;
	for (size_t k = 0; w->prop && k < out->nprops; k++) {
		const stw_check_prop *p = &out->props[k];
		sqlite3_stmt *st = w->prop;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, fr->fields[p->field].name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, p->rule, -1, SQLITE_STATIC);
		bind_opt(st, 4, values[p->field]);
		bind_opt(st, 5, p->after);
		bind_opt(st, 6, p->why);
		sqlite3_bind_text(st, 7, p->safe ? "safe" : "suggest", -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return stw_ws_dberr(w->ws, rc, "writing proposals", err);
		w->nprops++;
		/* Open now unless the upsert left a dismissed proposal as it was. */
		int r = rule_index(p->rule);
		if (r >= 0 && sqlite3_changes(stw_ws_db(w->ws)) > 0)
			w->open[r][p->safe]++;
	}
	for (size_t k = 0; w->find && k < out->nfinds; k++) {
		const stw_check_find *f = &out->finds[k];
		sqlite3_stmt *st = w->find;
		sqlite3_bind_int64(st, 1, id);
		bind_opt(st, 2, f->field >= 0 ? fr->fields[f->field].name : NULL);
		sqlite3_bind_text(st, 3, f->rule, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, f->severity, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, f->message, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return stw_ws_dberr(w->ws, rc, "writing findings", err);
		w->nfinds++;
	}
	return STW_OK;
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

/*
 * One batch of records: the values of row r's field i are
 * vals[r * nf + i] (NULL when empty), pointing into arena.
 */
typedef struct {
	int64_t        *ids;  /* BATCH */
	size_t         *offs; /* BATCH * nf: offsets in arena, SIZE_MAX for empty */
	const char    **vals; /* BATCH * nf */
	stw_check_out  *outs; /* BATCH */
	stw_buf         arena;
	int             n;    /* rows in the batch */
} batch;

static void
batch_init(batch *b, size_t nf)
{
	b->ids = stw_xmalloc(BATCH * sizeof *b->ids);
	b->offs = stw_xmalloc(BATCH * nf * sizeof *b->offs);
	b->vals = stw_xmalloc(BATCH * nf * sizeof *b->vals);
	b->outs = stw_xcalloc(BATCH, sizeof *b->outs);
	b->arena = (stw_buf)STW_BUF_INIT;
	b->n = 0;
}

static void
batch_free(batch *b)
{
	for (int r = 0; r < BATCH; r++)
		stw_check_out_free(&b->outs[r]);
	free(b->outs);
	free(b->vals);
	free(b->offs);
	free(b->ids);
	stw_buf_free(&b->arena);
}

/*
 * Reads up to BATCH rows of st into b. Returns the last sqlite3_step()
 * code: SQLITE_ROW when there may be more, SQLITE_DONE at the end, else an
 * error (b->n is then meaningless).
 */
static int
batch_read(sqlite3_stmt *st, batch *b, size_t nf)
{
	int rc = SQLITE_ROW;
	b->n = 0;
	stw_buf_reset(&b->arena);
	while (b->n < BATCH && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t *offs = &b->offs[(size_t)b->n * nf];
		b->ids[b->n] = sqlite3_column_int64(st, 0);
		for (size_t i = 0; i < nf; i++) {
			const char *v = (const char *)sqlite3_column_text(st, (int)i + 1);
			if (!v || !*v) {
				offs[i] = SIZE_MAX;
				continue;
			}
			offs[i] = b->arena.len;
			stw_buf_add(&b->arena, v, (size_t)sqlite3_column_bytes(st, (int)i + 1) + 1);
		}
		b->n++;
	}
	/* The arena may have moved while growing: point at it only now. */
	for (size_t k = 0; k < (size_t)b->n * nf; k++)
		b->vals[k] = b->offs[k] == SIZE_MAX ? NULL : b->arena.data + b->offs[k];
	return rc;
}

/* Half of a batch, checked on a worker thread. */
typedef struct {
	const stw_check_ctx *ctx;
	stw_check_memo      *memo; /* this half's own, kept from batch to batch */
	unsigned             what; /* STW_CHECK_* */
	size_t               nf;
	batch               *b;
	int                  from, to;
	pthread_t            th;
	bool                 threaded; /* th is running and must be joined */
} job;

static void
run_job(job *j)
{
	for (int r = j->from; r < j->to; r++)
		stw_check_record_memo(j->ctx, j->memo, &j->b->vals[(size_t)r * j->nf], j->what,
		                      &j->b->outs[r]);
}

static void *
worker(void *arg)
{
	run_job(arg);
	return NULL;
}

/*
 * Starts checking b in two halves on worker threads and returns without
 * waiting (checks_wait() does), so that this thread can meanwhile write the
 * previous batch. A half whose thread cannot be started, or a small batch,
 * is checked here before returning.
 */
static void
checks_start(job half[2], batch *b)
{
	half[0].b = half[1].b = b;
	half[0].from = 0;
	half[0].to = half[1].from = b->n / 2;
	half[1].to = b->n;
	for (int h = 0; h < 2; h++) {
		half[h].threaded = b->n >= 64 &&
		                   pthread_create(&half[h].th, NULL, worker, &half[h]) == 0;
		if (!half[h].threaded)
			run_job(&half[h]);
	}
}

static void
checks_wait(job half[2])
{
	for (int h = 0; h < 2; h++)
		if (half[h].threaded) {
			pthread_join(half[h].th, NULL);
			half[h].threaded = false;
		}
}

/*
 * The pass over one entity is a pipeline of two batches: while batch k is
 * written here (SQLite has one writer), batch k+1 is checked on two worker
 * threads, and it was read here while batch k was still being checked.
 * Batches are written in id order, so the result is the same as one batch
 * at a time; only this thread touches the connection.
 */
static stw_err
pass_entity(stw_ws *ws, const stw_rules *rules, const char *entity, unsigned what, writer *w,
            int64_t *records, stw_error *err)
{
	stw_field_rules *owned;
	const stw_field_rules *fr = stw_entity_field_rules(rules, entity, &owned);
	stw_check_ctx ctx;
	stw_check_ctx_init(&ctx, fr, rules ? rules->default_country : "US",
	                   rules ? rules->date_order == STW_MDY : 1);
	size_t nf = fr->nfields;
	char *sql = select_sql(fr, "entity=? AND status='active' ORDER BY id");
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, sql, &st, err);
	free(sql);
	if (e != STW_OK) {
		stw_field_rules_free(owned);
		return e;
	}
	sqlite3_bind_text(st, 1, entity, -1, SQLITE_STATIC);
	unsigned check = (what & STW_RUN_PROPOSE ? STW_CHECK_PROPOSE : 0) |
	                 (what & STW_RUN_VALIDATE ? STW_CHECK_FIND : 0);
	job half[2];
	for (int h = 0; h < 2; h++)
		half[h] = (job){.ctx = &ctx, .memo = stw_check_memo_new(), .what = check, .nf = nf};
	batch bs[2];
	batch_init(&bs[0], nf);
	batch_init(&bs[1], nf);
	int cur = 0;
	int rc = batch_read(st, &bs[cur], nf);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		checks_start(half, &bs[cur]);
	else
		bs[cur].n = 0;
	while (bs[cur].n > 0) {
		batch *b = &bs[cur], *next = &bs[cur ^ 1];
		next->n = 0;
		if (rc == SQLITE_ROW)
			rc = batch_read(st, next, nf);
		checks_wait(half);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			break;
		if (next->n > 0)
			checks_start(half, next);
		for (int r = 0; r < b->n && e == STW_OK; r++)
			e = writer_put(w, fr, b->ids[r], &b->vals[(size_t)r * nf], &b->outs[r], err);
		if (e != STW_OK) {
			checks_wait(half);
			break;
		}
		*records += b->n;
		cur ^= 1;
	}
	if (e == STW_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
		e = stw_ws_dberr(ws, rc, "reading records", err);
	sqlite3_finalize(st);
	batch_free(&bs[0]);
	batch_free(&bs[1]);
	stw_check_memo_free(half[0].memo);
	stw_check_memo_free(half[1].memo);
	stw_field_rules_free(owned);
	return e;
}

static stw_err
exec(stw_ws *ws, const char *sql, const char *what, stw_error *err)
{
	int rc = sqlite3_exec(stw_ws_db(ws), sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? STW_OK : stw_ws_dberr(ws, rc, what, err);
}

typedef struct {
	char **sql;
	size_t n;
} index_set;

/* Drops the secondary indexes of table, keeping their SQL in set. */
static stw_err
drop_indexes(stw_ws *ws, const char *table, index_set *set, stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, "SELECT name, sql FROM sqlite_schema WHERE type='index'"
	                               " AND tbl_name=? AND sql IS NOT NULL", &st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	char **names = NULL;
	size_t n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		names = stw_xrealloc(names, (n + 1) * sizeof *names);
		set->sql = stw_xrealloc(set->sql, (set->n + 1) * sizeof *set->sql);
		names[n++] = stw_xstrdup((const char *)sqlite3_column_text(st, 0));
		set->sql[set->n++] = stw_xstrdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		e = stw_ws_dberr(ws, rc, "reading the schema", err);
	for (size_t i = 0; i < n; i++) {
		if (e == STW_OK) {
			char *q = sqlite3_mprintf("DROP INDEX \"%w\"", names[i]);
			e = exec(ws, q, "preparing the bulk write", err);
			sqlite3_free(q);
		}
		free(names[i]);
	}
	free(names);
	return e;
}

static stw_err
restore_indexes(stw_ws *ws, index_set *set, stw_error *err)
{
	stw_err e = STW_OK;
	for (size_t i = 0; i < set->n; i++) {
		if (e == STW_OK)
			e = exec(ws, set->sql[i], "rebuilding an index", err);
		free(set->sql[i]);
	}
	free(set->sql);
	set->sql = NULL;
	set->n = 0;
	return e;
}

static int64_t
count_rows(stw_ws *ws, const char *sql)
{
	sqlite3_stmt *st;
	int64_t n = 0;
	if (sqlite3_prepare_v2(stw_ws_db(ws), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int
rule_count_cmp(const void *a, const void *b)
{
	const stw_rule_count *x = a, *y = b;
	int c = strcmp(x->rule, y->rule);
	return c ? c : (int)y->safe - (int)x->safe; /* "safe" < "suggest" */
}

/*
 * Fills stats->rules from w's counts as stw_proposals_count() orders them
 * (by rule, then "safe" before "suggest") and returns their total. Every
 * open proposal was written by this pass, since it deleted the others
 * first, and only for active records.
 */
static int64_t
rule_counts(const writer *w, stw_run_stats *stats)
{
	int64_t total = 0;
	stats->nrules = 0;
	for (int i = 0; i < STW_STANDARDIZE_NRULES; i++)
		for (int k = 0; k < 2; k++)
			if (w->open[i][k] > 0) {
				stw_rule_count *c = &stats->rules[stats->nrules++];
				snprintf(c->rule, sizeof c->rule, "%s", rule_names[i]);
				c->safe = k;
				c->count = w->open[i][k];
				total += c->count;
			}
	qsort(stats->rules, stats->nrules, sizeof *stats->rules, rule_count_cmp);
	return total;
}

static stw_err
record_rules(stw_ws *ws, const stw_rules *rules, stw_error *err)
{
	if (!rules)
		return STW_OK;
	stw_err e = stw_ws_meta_set(ws, "rules_sha256", rules->sha256, err);
	if (e == STW_OK)
		e = stw_ws_meta_set(ws, "rules_file", rules->file, err);
	return e;
}

stw_err
stw_check_all(stw_ws *ws, const stw_rules *rules, unsigned what, stw_run_stats *stats,
              stw_error *err)
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
	index_set idx = {NULL, 0};
	if ((what & STW_RUN_PROPOSE) &&
	    ((e = exec(ws, "DELETE FROM proposal WHERE status='open'", "clearing proposals",
	               err)) != STW_OK ||
	     (e = drop_indexes(ws, "proposal", &idx, err)) != STW_OK))
		goto done;
	if ((what & STW_RUN_VALIDATE) &&
	    ((e = exec(ws, "DELETE FROM finding", "clearing findings", err)) != STW_OK ||
	     (e = drop_indexes(ws, "finding", &idx, err)) != STW_OK))
		goto done;
	writer w;
	if ((e = writer_open(&w, ws, what, err)) != STW_OK)
		goto done;
	int64_t records = 0;
	e = pass_entity(ws, rules, "contact", what, &w, &records, err);
	if (e == STW_OK)
		e = pass_entity(ws, rules, "company", what, &w, &records, err);
	writer_close(&w);
	/* Index builds sort: let SQLite use a second thread for that. */
	if (e == STW_OK)
		e = exec(ws, "PRAGMA threads=2", "rebuilding an index", err);
	if (e == STW_OK)
		e = restore_indexes(ws, &idx, err);
	if (e == STW_OK)
		e = exec(ws, "PRAGMA threads=0", "rebuilding an index", err);
	if (e == STW_OK)
		e = record_rules(ws, rules, err);
	if (e == STW_OK && stats) {
		stats->records = records;
		if (what & STW_RUN_PROPOSE)
			stats->proposals = rule_counts(&w, stats);
		else
			stats->proposals = count_rows(ws, "SELECT count(*) FROM proposal"
			                                  " WHERE status='open'");
		stats->findings = count_rows(ws, "SELECT count(*) FROM finding");
	}
done:
	for (size_t i = 0; i < idx.n; i++)
		free(idx.sql[i]);
	free(idx.sql);
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
				writer w;
				if ((e = writer_open(&w, ws, what, err)) == STW_OK) {
					e = writer_put(&w, fr, id, vals, &out, err);
					writer_close(&w);
				}
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
		e = record_rules(ws, rules, err);
	return e;
}

stw_err
stw_standardize_dismiss_id(stw_ws *ws, const char *steward, int64_t id, int64_t *seq,
                           stw_error *err)
{
	stw_decider d = {.steward = steward};
	return stw_decide_dismiss(ws, &d, id, seq, err);
}
