/*
 * The checking pipeline: batches of BATCH records, each checked in two
 * halves on two worker threads (the checks are pure, see check.h), and one
 * writer on the calling thread with two prepared statements.
 *
 * Two batches take turns. When the one being filled is full, the workers'
 * previous batch is waited for, the full one is handed to the workers, and
 * the previous one's results are written while they check: so checking
 * overlaps both the writing and the caller's reading of the next rows.
 */
#include "check_pass.h"
#include "util.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BATCH 4096

/* ==== Writing ==== */

/*
 * A fresh pass writes rows MANY to a statement: one INSERT with MANY rows
 * of values costs far less than MANY executions of a one-row INSERT (each
 * opens and closes its cursors and its statement). The rows wait in pend
 * while they point into the batch being written, and go before it is
 * reused.
 */
#define MANY 32

typedef struct {
	int64_t               id;
	const char           *before;
	const stw_check_prop *p;
} pend_prop;

typedef struct {
	int64_t               id;
	const stw_check_find *f;
} pend_find;

typedef struct {
	stw_ws                *ws;
	const stw_field_rules *fr;
	sqlite3_stmt          *prop;      /* upsert (or insert, when fresh) of a proposal */
	sqlite3_stmt          *find;      /* insert of a finding */
	sqlite3_stmt          *prop_many; /* fresh: insert of MANY proposals */
	sqlite3_stmt          *find_many; /* fresh: insert of MANY findings */
	pend_prop              pprop[MANY];
	pend_find              pfind[MANY];
	int                    nprop, nfind;
} writer;

/* The index of rule in stw_standardize_rules(). */
static int
rule_index(const char *rule)
{
	const char *const *names = stw_standardize_rules();
	for (int i = 0; names[i]; i++)
		if (names[i][0] == rule[0] && strcmp(names[i], rule) == 0)
			return i;
	return -1;
}

#define PROP_INSERT "INSERT INTO proposal(record_id, field, rule, before, after, why, kind)"
#define PROP_COLS 7
#define FIND_INSERT "INSERT INTO finding(record_id, field, rule, severity, message)"
#define FIND_COLS 5

static void writer_close(writer *w);

static stw_err
writer_open(writer *w, stw_ws *ws, const stw_field_rules *fr, unsigned what, bool fresh,
            stw_error *err)
{
	memset(w, 0, sizeof *w);
	w->ws = ws;
	w->fr = fr;
	stw_err e = STW_OK;
	if (what & STW_RUN_PROPOSE) {
		e = fresh ? stw_ws_prepare_insert(ws, PROP_INSERT, PROP_COLS, 1, &w->prop, err)
		          : stw_ws_prepare(ws, PROP_INSERT " VALUES(?,?,?,?,?,?,?)"
		               " ON CONFLICT(record_id, field, rule) DO UPDATE SET"
		               " before=excluded.before, after=excluded.after, why=excluded.why,"
		               " kind=excluded.kind, status='open'"
		               " WHERE proposal.status='applied' OR proposal.before IS NOT excluded.before"
		               " OR proposal.after IS NOT excluded.after", &w->prop, err);
		if (e == STW_OK && fresh)
			e = stw_ws_prepare_insert(ws, PROP_INSERT, PROP_COLS, MANY, &w->prop_many, err);
	}
	if (e == STW_OK && (what & STW_RUN_VALIDATE)) {
		e = stw_ws_prepare_insert(ws, FIND_INSERT, FIND_COLS, 1, &w->find, err);
		if (e == STW_OK && fresh)
			e = stw_ws_prepare_insert(ws, FIND_INSERT, FIND_COLS, MANY, &w->find_many, err);
	}
	if (e != STW_OK)
		writer_close(w);
	return e;
}

static void
writer_close(writer *w)
{
	sqlite3_finalize(w->prop);
	sqlite3_finalize(w->find);
	sqlite3_finalize(w->prop_many);
	sqlite3_finalize(w->find_many);
	w->prop = w->find = w->prop_many = w->find_many = NULL;
}

static void
bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* Binds a waiting row as the values from parameter at on. */
typedef void bind_fn(const writer *w, sqlite3_stmt *st, int at, const void *row);

static void
bind_prop(const writer *w, sqlite3_stmt *st, int at, const void *row)
{
	const pend_prop *q = row;
	sqlite3_bind_int64(st, at, q->id);
	sqlite3_bind_text(st, at + 1, w->fr->fields[q->p->field].name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, at + 2, q->p->rule, -1, SQLITE_STATIC);
	bind_opt(st, at + 3, q->before);
	bind_opt(st, at + 4, q->p->after);
	bind_opt(st, at + 5, q->p->why);
	sqlite3_bind_text(st, at + 6, q->p->safe ? "safe" : "suggest", -1, SQLITE_STATIC);
}

static void
bind_find(const writer *w, sqlite3_stmt *st, int at, const void *row)
{
	const pend_find *q = row;
	sqlite3_bind_int64(st, at, q->id);
	bind_opt(st, at + 1, q->f->field >= 0 ? w->fr->fields[q->f->field].name : NULL);
	sqlite3_bind_text(st, at + 2, q->f->rule, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, at + 3, q->f->severity, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, at + 4, q->f->message, -1, SQLITE_STATIC);
}

static stw_err
step(writer *w, sqlite3_stmt *st, const char *what, stw_error *err)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? STW_OK : stw_ws_dberr(w->ws, rc, what, err);
}

/*
 * Writes n waiting rows (each size bytes) of ncols values: MANY at once
 * through many when there are so many, else one by one through one.
 */
static stw_err
flush_rows(writer *w, sqlite3_stmt *one, sqlite3_stmt *many, int ncols, bind_fn *bind,
           const void *rows, size_t size, int n, const char *what, stw_error *err)
{
	const char *row = rows;
	if (n == MANY) {
		for (int k = 0; k < MANY; k++)
			bind(w, many, 1 + k * ncols, row + (size_t)k * size);
		return step(w, many, what, err);
	}
	stw_err e = STW_OK;
	for (int k = 0; k < n && e == STW_OK; k++) {
		bind(w, one, 1, row + (size_t)k * size);
		e = step(w, one, what, err);
	}
	return e;
}

/* Writes the rows waiting. */
static stw_err
writer_flush(writer *w, stw_error *err)
{
	stw_err e = flush_rows(w, w->prop, w->prop_many, PROP_COLS, bind_prop, w->pprop,
	                       sizeof w->pprop[0], w->nprop, "writing proposals", err);
	if (e == STW_OK)
		e = flush_rows(w, w->find, w->find_many, FIND_COLS, bind_find, w->pfind,
		               sizeof w->pfind[0], w->nfind, "writing findings", err);
	w->nprop = w->nfind = 0;
	return e;
}

/*
 * Writes one record's results, counting them in t; in a fresh pass they
 * may wait in the writer until writer_flush, so values and out must live
 * until then.
 */
static stw_err
writer_put(writer *w, int64_t id, const char *const *values, const stw_check_out *out,
           stw_check_tally *t, stw_error *err)
{
	stw_err e = STW_OK;
	for (size_t k = 0; w->prop && k < out->nprops && e == STW_OK; k++) {
		const stw_check_prop *p = &out->props[k];
		pend_prop q = {id, values[p->field], p};
		int r = rule_index(p->rule);
		t->proposals++;
		if (w->prop_many) {
			/* a plain insert: every proposal is a new open one */
			if (r >= 0)
				t->open[r][p->safe]++;
			w->pprop[w->nprop++] = q;
			if (w->nprop == MANY)
				e = writer_flush(w, err);
			continue;
		}
		bind_prop(w, w->prop, 1, &q);
		e = step(w, w->prop, "writing proposals", err);
		/* Open now unless the upsert left a dismissed proposal as it was. */
		if (e == STW_OK && r >= 0 && sqlite3_changes(stw_ws_db(w->ws)) > 0)
			t->open[r][p->safe]++;
	}
	for (size_t k = 0; w->find && k < out->nfinds && e == STW_OK; k++) {
		pend_find q = {id, &out->finds[k]};
		t->findings++;
		if (w->find_many) {
			w->pfind[w->nfind++] = q;
			if (w->nfind == MANY)
				e = writer_flush(w, err);
			continue;
		}
		bind_find(w, w->find, 1, &q);
		e = step(w, w->find, "writing findings", err);
	}
	return e;
}

stw_err
stw_check_write(stw_ws *ws, unsigned what, const stw_field_rules *fr, int64_t id,
                const char *const *values, const stw_check_out *out, stw_error *err)
{
	writer w;
	stw_check_tally t;
	memset(&t, 0, sizeof t);
	stw_err e = writer_open(&w, ws, fr, what, false, err);
	if (e == STW_OK) {
		e = writer_put(&w, id, values, out, &t, err);
		writer_close(&w);
	}
	return e;
}

/* ==== Batches ==== */

/*
 * One batch of records: the values of row r's field i are
 * vals[r * nf + i] (NULL when empty), pointing into arena once the batch
 * is full (the arena may move while it fills, so offsets are kept first).
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
	if (!b->outs)
		return;
	for (int r = 0; r < BATCH; r++)
		stw_check_out_free(&b->outs[r]);
	free(b->outs);
	free(b->vals);
	free(b->offs);
	free(b->ids);
	stw_buf_free(&b->arena);
}

static void
batch_seal(batch *b, size_t nf)
{
	for (size_t k = 0; k < (size_t)b->n * nf; k++)
		b->vals[k] = b->offs[k] == SIZE_MAX ? NULL : b->arena.data + b->offs[k];
}

/* ==== Workers ==== */

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
 * waiting (checks_wait() does). A half whose thread cannot be started, or
 * a small batch, is checked here before returning.
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

/* ==== The pass ==== */

struct stw_check_pass {
	stw_ws                *ws;
	stw_field_rules       *owned; /* built-in field rules, when rules had none */
	const stw_field_rules *fr;
	stw_check_ctx          ctx;
	size_t                 nf;
	writer                 w;
	job                    half[2];
	batch                  bs[2];
	int                    fill;     /* the batch being filled */
	bool                   checking; /* the other batch is with the workers */
	stw_check_tally        tally;
};

const stw_field_rules *
stw_check_pass_fields(const stw_check_pass *p)
{
	return p->fr;
}

stw_err
stw_check_pass_open(stw_ws *ws, const stw_rules *rules, const char *entity, unsigned what,
                    bool fresh, stw_check_pass **out, stw_error *err)
{
	*out = NULL;
	stw_check_pass *p = stw_xcalloc(1, sizeof *p);
	p->ws = ws;
	p->fr = stw_entity_field_rules(rules, entity, &p->owned);
	stw_check_ctx_init(&p->ctx, p->fr, rules ? rules->default_country : "US",
	                   rules ? rules->date_order == STW_MDY : 1);
	p->nf = p->fr->nfields;
	stw_err e = writer_open(&p->w, ws, p->fr, what, fresh, err);
	if (e != STW_OK) {
		stw_field_rules_free(p->owned);
		free(p);
		return e;
	}
	unsigned check = (what & STW_RUN_PROPOSE ? STW_CHECK_PROPOSE : 0) |
	                 (what & STW_RUN_VALIDATE ? STW_CHECK_FIND : 0);
	for (int h = 0; h < 2; h++)
		p->half[h] = (job){.ctx = &p->ctx, .memo = stw_check_memo_new(), .what = check,
		                   .nf = p->nf};
	batch_init(&p->bs[0], p->nf);
	batch_init(&p->bs[1], p->nf);
	*out = p;
	return STW_OK;
}

/* Writes the results of batch b. */
static stw_err
write_batch(stw_check_pass *p, batch *b, stw_error *err)
{
	stw_err e = STW_OK;
	for (int r = 0; r < b->n && e == STW_OK; r++)
		e = writer_put(&p->w, b->ids[r], &b->vals[(size_t)r * p->nf], &b->outs[r],
		               &p->tally, err);
	if (e == STW_OK) /* the rows waiting point into b */
		e = writer_flush(&p->w, err);
	if (e == STW_OK)
		p->tally.records += b->n;
	b->n = 0;
	stw_buf_reset(&b->arena);
	return e;
}

/*
 * Hands the batch being filled to the workers and writes the one they
 * had, which then becomes the batch being filled.
 */
static stw_err
turn(stw_check_pass *p, stw_error *err)
{
	batch *full = &p->bs[p->fill], *prev = &p->bs[p->fill ^ 1];
	if (p->checking)
		checks_wait(p->half);
	batch_seal(full, p->nf);
	checks_start(p->half, full);
	p->checking = true;
	p->fill ^= 1;
	return prev->n > 0 ? write_batch(p, prev, err) : STW_OK;
}

stw_err
stw_check_pass_put(stw_check_pass *p, int64_t id, const char *const *v, const size_t *len,
                   stw_error *err)
{
	batch *b = &p->bs[p->fill];
	size_t *offs = &b->offs[(size_t)b->n * p->nf];
	b->ids[b->n] = id;
	for (size_t i = 0; i < p->nf; i++) {
		if (!v[i] || len[i] == 0) {
			offs[i] = SIZE_MAX;
			continue;
		}
		offs[i] = b->arena.len;
		stw_buf_add(&b->arena, v[i], len[i]);
		stw_buf_addc(&b->arena, '\0');
	}
	if (++b->n < BATCH)
		return STW_OK;
	return turn(p, err);
}

stw_err
stw_check_pass_finish(stw_check_pass *p, stw_check_tally *tally, stw_error *err)
{
	stw_err e = STW_OK;
	if (p->bs[p->fill].n > 0)
		e = turn(p, err);
	if (p->checking) {
		checks_wait(p->half);
		p->checking = false;
		batch *last = &p->bs[p->fill ^ 1];
		if (e == STW_OK && last->n > 0)
			e = write_batch(p, last, err);
	}
	if (e == STW_OK && tally) {
		tally->records += p->tally.records;
		tally->proposals += p->tally.proposals;
		tally->findings += p->tally.findings;
		for (int i = 0; i < STW_STANDARDIZE_NRULES; i++)
			for (int k = 0; k < 2; k++)
				tally->open[i][k] += p->tally.open[i][k];
	}
	return e;
}

void
stw_check_pass_free(stw_check_pass *p)
{
	if (!p)
		return;
	if (p->checking)
		checks_wait(p->half);
	writer_close(&p->w);
	batch_free(&p->bs[0]);
	batch_free(&p->bs[1]);
	stw_check_memo_free(p->half[0].memo);
	stw_check_memo_free(p->half[1].memo);
	stw_field_rules_free(p->owned);
	free(p);
}

/* ==== How far records are checked ==== */

/*
 * Meta entry "checked": "SHA VERSION HEAD THROUGH" then the open proposal
 * counts per rule and kind. HEAD is the audit trail's head when it was
 * written: a decision since (an edit, an applied or dismissed proposal)
 * may have left proposals to refresh, so the entry then no longer holds.
 */
static char *
checked_stamp(stw_ws *ws, const stw_rules *rules)
{
	char *head = stw_ws_meta_get(ws, "audit_head");
	char *s = stw_xasprintf("%s %s %s", rules ? rules->sha256 : "built-in", STEWARD_VERSION,
	                        head && *head ? head : "-");
	free(head);
	return s;
}

int64_t
stw_checked_through(stw_ws *ws, const stw_rules *rules, stw_check_tally *counts)
{
	if (counts)
		memset(counts, 0, sizeof *counts);
	char *stamp = checked_stamp(ws, rules);
	char *v = stw_ws_meta_get(ws, "checked");
	size_t n = strlen(stamp);
	int64_t through = 0;
	if (v && strncmp(v, stamp, n) == 0 && v[n] == ' ') {
		char *p = v + n + 1, *end;
		through = strtoll(p, &end, 10);
		for (int i = 0; i < STW_STANDARDIZE_NRULES && through > 0; i++)
			for (int k = 0; k < 2 && through > 0; k++) {
				p = end;
				int64_t c = strtoll(p, &end, 10);
				if (end == p || c < 0)
					through = 0; /* damaged: known for nothing */
				else if (counts)
					counts->open[i][k] = c;
			}
	}
	free(v);
	free(stamp);
	if (through <= 0 && counts)
		memset(counts, 0, sizeof *counts);
	return through > 0 ? through : 0;
}

stw_err
stw_checked_set(stw_ws *ws, const stw_rules *rules, int64_t through,
                const stw_check_tally *counts, stw_error *err)
{
	char *stamp = checked_stamp(ws, rules);
	stw_buf b = STW_BUF_INIT;
	stw_buf_printf(&b, "%s %lld", stamp, (long long)through);
	for (int i = 0; i < STW_STANDARDIZE_NRULES; i++)
		for (int k = 0; k < 2; k++)
			stw_buf_printf(&b, " %lld", (long long)counts->open[i][k]);
	stw_err e = stw_ws_meta_set(ws, "checked", b.data, err);
	stw_buf_free(&b);
	free(stamp);
	return e;
}

stw_err
stw_checked_forget(stw_ws *ws, const stw_rules *rules, stw_error *err)
{
	char *v = stw_ws_meta_get(ws, "checked");
	if (!v)
		return STW_OK;
	free(v);
	if (stw_checked_through(ws, rules, NULL) > 0)
		return STW_OK;
	return stw_ws_meta_set(ws, "checked", "", err);
}
