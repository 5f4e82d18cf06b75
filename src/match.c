/*
 * Matching, end to end: prepare, block, compare, estimate, score, cluster
 * and store, entity by entity (see match.h); and the explanation of one
 * pair.
 *
 * Storing replaces the open clusters of the entity and the pairs that do not
 * lie inside a cluster a steward decided on. Every entity is stored inside
 * one transaction, opened before the first store and committed after the
 * last, so a failure or a cancel while the second entity is computed leaves
 * the first one's previous results in place too. A pair row
 * keeps its total weight (log2 likelihood ratio, without the prior), its
 * probability, and its levels as JSON ({"first_name": "nickname", ...}) so
 * listings and the console can show why without recomputing. The estimated
 * parameters are kept in the meta table (key match.params.ENTITY, tied to the
 * rules' SHA-256) so that `explain` later weighs exactly as `match` did.
 */
#include "jsonw.h"
#include "match_int.h"
#include "rec.h"
#include "util.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double
now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reports progress; true when the run must stop. */
static bool
tick(const stw_match_opts *o, const char *entity, const char *phase, int64_t done,
     int64_t total)
{
	if (o->progress)
		o->progress(o->progress_ctx, entity, phase, done, total);
	return o->cancel && *o->cancel;
}

/* Loading and standardizing the records ("prepare"): the share done, in
 * thousandths. */
struct prepare_watch {
	const stw_match_opts *o;
	const char           *entity;
};

static bool
prepare_tick(void *ctx, double share)
{
	const struct prepare_watch *p = ctx;
	return tick(p->o, p->entity, "prepare", (int64_t)(share * 1000), 1000);
}

/* Pairs compared or scored between two looks at the cancel flag. */
#define MATCH_BATCH ((size_t)1 << 20)

static const char *const LOCKED_SQL =
	"SELECT cm.record_id FROM cluster_member cm JOIN cluster c ON c.id = cm.cluster_id"
	" WHERE c.status <> 'open'";

/* Marks the records in clusters a steward decided on. */
static stw_err
load_locked(stw_ws *ws, mp_data *d, int64_t *nlocked, stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, LOCKED_SQL, &st, err);
	if (e != STW_OK)
		return e;
	int rc;
	*nlocked = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long i = mp_find(d, sqlite3_column_int64(st, 0));
		if (i >= 0 && !d->locked[i]) {
			d->locked[i] = 1;
			(*nlocked)++;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? STW_OK : stw_ws_dberr(ws, rc, "reading clusters", err);
}

/* The rejected pairs of this entity, as sorted index pairs. */
static stw_err
load_rejected(stw_ws *ws, const mp_data *d, uint64_t **out, size_t *n, stw_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, "SELECT a, b FROM rejected_pair", &st, err);
	if (e != STW_OK)
		return e;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long i = mp_find(d, sqlite3_column_int64(st, 0));
		long j = mp_find(d, sqlite3_column_int64(st, 1));
		if (i < 0 || j < 0 || i == j)
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*out = stw_xrealloc(*out, cap * sizeof **out);
		}
		(*out)[(*n)++] = i < j ? (uint64_t)i << 32 | (uint64_t)j : (uint64_t)j << 32 | (uint64_t)i;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		return stw_ws_dberr(ws, rc, "reading rejected pairs", err);
	}
	mp_sort_u64(*out, *n);
	return STW_OK;
}

static bool
in_sorted(const uint64_t *v, size_t n, uint64_t x)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo] == x;
}

static const char *
level_name(const stw_match_cmp *cm, uint8_t lv)
{
	if (lv == MP_MISSING)
		return "missing";
	return lv < cm->nlevels ? cm->levels[lv].text : "else";
}

/* ==== Storing ==== */

typedef struct {
	const mp_data  *d;
	const mp_params *p;
	const uint64_t *pairs; /* kept pairs */
	const double   *weight, *prob;
	const uint8_t  *levels; /* per kept pair, ncmp each */
	size_t          n;
	const mp_clusters *cl;
} store_in;

static stw_err
exec_entity(stw_ws *ws, const char *sql, const char *entity, stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, sql, &st, err);
	if (e != STW_OK)
		return e;
	if (entity)
		sqlite3_bind_text(st, 1, entity, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? STW_OK : stw_ws_dberr(ws, rc, "replacing match results", err);
}

/* Keeps the values held by three records or more per comparison (match_tf),
 * so that an explanation weighs a pair as the match did without counting. */
static stw_err
store_tf(stw_ws *ws, const mp_data *d, stw_error *err)
{
	stw_err e = exec_entity(ws, "DELETE FROM match_tf WHERE entity=?", d->entity, err);
	if (e != STW_OK)
		return e;
	sqlite3_stmt *st;
	if ((e = stw_ws_prepare(ws, "INSERT INTO match_tf(entity, cmp, hash, count)"
	                            " VALUES(?,?,?,?)", &st, err)) != STW_OK)
		return e;
	sqlite3_bind_text(st, 1, d->entity, -1, SQLITE_STATIC);
	int rc = SQLITE_DONE;
	for (int c = 0; c < d->mr->ncmp && rc == SQLITE_DONE; c++) {
		const mp_tf *t = &d->tf[c];
		for (size_t k = 0; t->hash && k <= t->mask && rc == SQLITE_DONE; k++) {
			if (!t->hash[k] || t->count[k] < 3)
				continue;
			sqlite3_bind_int(st, 2, c);
			sqlite3_bind_int64(st, 3, (int64_t)t->hash[k]);
			sqlite3_bind_int64(st, 4, t->count[k]);
			rc = sqlite3_step(st);
			sqlite3_reset(st);
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? STW_OK : stw_ws_dberr(ws, rc, "storing term frequencies", err);
}

/* Replaces one entity's results; the caller holds the transaction and rolls
 * it back on failure. */
static stw_err
store(stw_ws *ws, const stw_rules *rules, const store_in *in, stw_error *err)
{
	const mp_data *d = in->d;
	stw_err e;
	sqlite3_stmt *ins_pair = NULL, *ins_cl = NULL, *ins_mem = NULL;
	stw_buf json = STW_BUF_INIT;
	char *params = NULL;
	if ((e = exec_entity(ws,
		"DELETE FROM pair WHERE a IN (SELECT id FROM rec WHERE entity=?1) AND NOT ("
		" a IN (SELECT cm.record_id FROM cluster_member cm JOIN cluster c ON c.id ="
		" cm.cluster_id WHERE c.status <> 'open') AND"
		" b IN (SELECT cm.record_id FROM cluster_member cm JOIN cluster c ON c.id ="
		" cm.cluster_id WHERE c.status <> 'open'))", d->entity, err)) != STW_OK)
		goto done;
	if ((e = exec_entity(ws,
		/* Open clusters first, then the entity of each member: with both as
		 * IN lists SQLite would probe every (cluster, record) combination. */
		"DELETE FROM cluster_member WHERE cluster_id IN"
		" (SELECT id FROM cluster WHERE status='open')"
		" AND (SELECT entity FROM rec WHERE rec.id = record_id) = ?1",
		d->entity, err)) != STW_OK)
		goto done;
	if ((e = exec_entity(ws,
		"DELETE FROM cluster WHERE status='open' AND NOT EXISTS"
		" (SELECT 1 FROM cluster_member m WHERE m.cluster_id = cluster.id)", NULL, err)))
		goto done;
	if ((e = stw_ws_prepare(ws, "INSERT INTO pair(a, b, weight, prob, levels)"
	                            " VALUES(?,?,?,?,?)", &ins_pair, err)) != STW_OK ||
	    (e = stw_ws_prepare(ws, "INSERT INTO cluster(status, size, min_prob, max_prob, flagged)"
	                            " VALUES('open',?,?,?,?)", &ins_cl, err)) != STW_OK ||
	    (e = stw_ws_prepare(ws, "INSERT INTO cluster_member(cluster_id, record_id)"
	                            " VALUES(?,?)", &ins_mem, err)) != STW_OK)
		goto done;
	int nc = d->mr->ncmp;
	int rc;
	for (size_t k = 0; k < in->n; k++) {
		size_t i = (size_t)(in->pairs[k] >> 32), j = (size_t)(in->pairs[k] & 0xFFFFFFFF);
		stw_buf_reset(&json);
		stw_buf_addc(&json, '{');
		for (int c = 0; c < nc; c++) {
			if (c)
				stw_buf_adds(&json, ", ");
			stw_json_str(&json, d->mr->cmp[c].name);
			stw_buf_adds(&json, ": ");
			stw_json_str(&json, level_name(&d->mr->cmp[c], in->levels[k * (size_t)nc + (size_t)c]));
		}
		stw_buf_addc(&json, '}');
		sqlite3_bind_int64(ins_pair, 1, d->id[i]);
		sqlite3_bind_int64(ins_pair, 2, d->id[j]);
		sqlite3_bind_double(ins_pair, 3, in->weight[k]);
		sqlite3_bind_double(ins_pair, 4, in->prob[k]);
		sqlite3_bind_text(ins_pair, 5, json.data, (int)json.len, SQLITE_STATIC);
		rc = sqlite3_step(ins_pair);
		sqlite3_reset(ins_pair);
		if (rc != SQLITE_DONE) {
			e = stw_ws_dberr(ws, rc, "storing pairs", err);
			goto done;
		}
	}
	const mp_clusters *cl = in->cl;
	for (size_t k = 0; k < cl->n; k++) {
		sqlite3_bind_int64(ins_cl, 1, (int64_t)(cl->start[k + 1] - cl->start[k]));
		sqlite3_bind_double(ins_cl, 2, cl->min_prob[k]);
		sqlite3_bind_double(ins_cl, 3, cl->max_prob[k]);
		sqlite3_bind_int(ins_cl, 4, cl->flagged[k]);
		rc = sqlite3_step(ins_cl);
		sqlite3_reset(ins_cl);
		if (rc != SQLITE_DONE) {
			e = stw_ws_dberr(ws, rc, "storing clusters", err);
			goto done;
		}
		int64_t cid = sqlite3_last_insert_rowid(stw_ws_db(ws));
		for (size_t m = cl->start[k]; m < cl->start[k + 1]; m++) {
			sqlite3_bind_int64(ins_mem, 1, cid);
			sqlite3_bind_int64(ins_mem, 2, d->id[cl->members[m]]);
			rc = sqlite3_step(ins_mem);
			sqlite3_reset(ins_mem);
			if (rc != SQLITE_DONE) {
				e = stw_ws_dberr(ws, rc, "storing clusters", err);
				goto done;
			}
		}
	}
	if ((e = store_tf(ws, d, err)) != STW_OK)
		goto done;
	mp_params pt = *in->p;
	for (int c = 0; c < nc; c++)
		pt.tf_total[c] = d->tf[c].total;
	params = mp_params_dump(&pt, rules->sha256);
	char key[64];
	snprintf(key, sizeof key, "match.params.%s", d->entity);
	e = stw_ws_meta_set(ws, key, params, err);
done:
	sqlite3_finalize(ins_pair);
	sqlite3_finalize(ins_cl);
	sqlite3_finalize(ins_mem);
	stw_buf_free(&json);
	free(params);
	return e;
}

/* ==== One entity ==== */

typedef struct {
	const mp_data   *d;
	const mp_params *p;
	const uint64_t  *pairs;
	const uint8_t   *levels;
	size_t           from, to;
	double          *weight, *prob;
	uint8_t         *veto;
} score_job;

static void *
score_worker(void *arg)
{
	score_job *j = arg;
	size_t nc = (size_t)j->d->mr->ncmp;
	for (size_t k = j->from; k < j->to; k++) {
		size_t a = (size_t)(j->pairs[k] >> 32), b = (size_t)(j->pairs[k] & 0xFFFFFFFF);
		bool v;
		j->weight[k] = mp_score(j->d, j->p, j->levels + k * nc, a, b, &v);
		j->prob[k] = mp_prob(j->p, j->weight[k]);
		j->veto[k] = v;
	}
	return NULL;
}

/* Weight, probability and veto of every pair; each pair is scored on its
 * own, so the threads only split the work. */
static void
score_all(const mp_data *d, const mp_params *p, const uint64_t *pairs, const uint8_t *levels,
          size_t n, double *weight, double *prob, uint8_t *veto, int threads)
{
	if (threads < 1 || n < 10000)
		threads = 1;
	if (threads > 8)
		threads = 8;
	score_job jobs[8];
	pthread_t tid[8];
	bool started[8] = {false};
	for (int t = 0; t < threads; t++) {
		jobs[t] = (score_job){d, p, pairs, levels, n * (size_t)t / (size_t)threads,
		                      n * (size_t)(t + 1) / (size_t)threads, weight, prob, veto};
		if (t > 0)
			started[t] = pthread_create(&tid[t], NULL, score_worker, &jobs[t]) == 0;
	}
	score_worker(&jobs[0]);
	for (int t = 1; t < threads; t++) {
		if (started[t])
			pthread_join(tid[t], NULL);
		else
			score_worker(&jobs[t]);
	}
}

/*
 * Matches one entity and, unless a dry run, stores its results, opening the
 * run's transaction first when *in_txn is false (and setting it).
 */
static stw_err
run_entity(stw_ws *ws, const stw_rules *rules, const stw_match_rules *mr, const char *entity,
           const stw_match_opts *opts, int threads, bool *in_txn, stw_match_entity_result *res,
           stw_error *err)
{
	double t0 = now_s();
	memset(res, 0, sizeof *res);
	res->entity = strcmp(entity, "company") ? "contact" : "company";
	const char *en = res->entity;
	if (tick(opts, en, "prepare", 0, 0))
		return stw_fail(err, STW_ECANCEL, "match cancelled: nothing was changed");
	mp_data d;
	struct prepare_watch pwc = {opts, en};
	mp_watch watch = {.tick = prepare_tick, .ctx = &pwc, .cancel = opts->cancel};
	stw_err e = mp_load_watched(ws, entity, mr, rules->default_country,
	                            rules->date_order == STW_DMY, &watch, &d, err);
	if (e != STW_OK)
		return e;
	uint64_t *rej = NULL;
	size_t nrej = 0;
	if ((e = load_locked(ws, &d, &res->locked, err)) != STW_OK ||
	    (e = load_rejected(ws, &d, &rej, &nrej, err)) != STW_OK) {
		mp_free(&d);
		return e;
	}
	res->records = (int64_t)d.n;
	if (tick(opts, en, "block", 0, (int64_t)d.n)) {
		free(rej);
		mp_free(&d);
		return stw_fail(err, STW_ECANCEL, "match cancelled: nothing was changed");
	}
	mp_cands cands;
	mp_block(&d, threads, &cands);
	res->candidates = (int64_t)cands.n;
	res->blocks_skipped = (int64_t)cands.nskipped;
	res->skipped_records = (int64_t)cands.skipped_recs;
	for (size_t k = 0; k < cands.nworst; k++) {
		stw_match_skipped *s = &res->skipped[res->nskipped++];
		snprintf(s->key, sizeof s->key, "%s", mr->keys[cands.worst[k].key].name);
		snprintf(s->value, sizeof s->value, "%s", cands.worst[k].value);
		s->size = cands.worst[k].size;
	}
	/* Pairs a steward rejected are never proposed again. */
	size_t n = 0;
	for (size_t k = 0; k < cands.n; k++)
		if (!nrej || !in_sorted(rej, nrej, cands.pairs[k]))
			cands.pairs[n++] = cands.pairs[k];
	res->rejected = (int64_t)(cands.n - n);
	cands.n = n;
	free(rej);

	int nc = mr->ncmp;
	uint8_t *levels = stw_xmalloc((n ? n : 1) * (size_t)nc);
	double *weight = NULL, *prob = NULL;
	uint8_t *veto = NULL;
	mp_clusters cl = {0};
	bool cancelled = false;
	/* Compared in batches, each pair on its own, so batching does not
	 * change the levels; the cancel flag is read between batches. */
	for (size_t k = 0; k < n && !cancelled; k += MATCH_BATCH) {
		cancelled = tick(opts, en, "compare", (int64_t)k, (int64_t)n);
		size_t len = n - k < MATCH_BATCH ? n - k : MATCH_BATCH;
		if (!cancelled)
			mp_levels(&d, cands.pairs + k, len, levels + k * (size_t)nc, threads);
	}
	if (cancelled || tick(opts, en, "estimate", 0, (int64_t)n))
		goto cancel;
	mp_params p;
	mp_estimate(&d, levels, n, threads, &p);
	res->estimated = p.estimated;
	res->em_iterations = p.em_iter;
	res->lambda = p.lambda;

	/* Score (on threads); keep the pairs at or above review, compacting in
	 * place. */
	weight = stw_xmalloc((n ? n : 1) * sizeof *weight);
	prob = stw_xmalloc((n ? n : 1) * sizeof *prob);
	veto = stw_xmalloc(n ? n : 1);
	for (size_t k = 0; k < n; k += MATCH_BATCH) {
		if (tick(opts, en, "score", (int64_t)k, (int64_t)n))
			goto cancel;
		size_t len = n - k < MATCH_BATCH ? n - k : MATCH_BATCH;
		score_all(&d, &p, cands.pairs + k, levels + k * (size_t)nc, len, weight + k, prob + k,
		          veto + k, threads);
	}
	size_t kept = 0;
	for (size_t k = 0; k < n; k++) {
		const uint8_t *lv = levels + k * (size_t)nc;
		double w = weight[k], pr = prob[k];
		if (pr < mr->review)
			continue;
		if (veto[k]) {
			res->vetoed++;
			continue;
		}
		cands.pairs[kept] = cands.pairs[k];
		memmove(levels + kept * (size_t)nc, lv, (size_t)nc);
		weight[kept] = w;
		prob[kept] = pr;
		kept++;
	}
	res->pairs = (int64_t)kept;
	if (tick(opts, en, "cluster", 0, (int64_t)kept))
		goto cancel;
	mp_cluster(d.n, cands.pairs, prob, kept, &cl);
	mp_flag_weak(&d, &p, &cl, threads);
	res->clusters = (int64_t)cl.n;
	res->clustered = cl.n ? (int64_t)cl.start[cl.n] : 0;
	for (size_t k = 0; k < cl.n; k++)
		res->flagged += cl.flagged[k];
	/* The last look at the flag: past it, the results are stored. */
	if (tick(opts, en, "store", 0, (int64_t)kept))
		goto cancel;
	if (!opts->dry_run) {
		store_in in = {&d, &p, cands.pairs, weight, prob, levels, kept, &cl};
		if (!*in_txn && (e = stw_ws_begin(ws, err)) == STW_OK)
			*in_txn = true;
		if (e == STW_OK)
			e = store(ws, rules, &in, err);
	}
	if (0) {
cancel:
		e = stw_fail(err, STW_ECANCEL, "match cancelled: nothing was changed");
	}
	mp_clusters_free(&cl);
	free(veto);
	free(weight);
	free(prob);
	free(levels);
	mp_cands_free(&cands);
	mp_free(&d);
	res->seconds = now_s() - t0;
	return e;
}

stw_err
stw_match_run(stw_ws *ws, const stw_rules *rules, const stw_match_opts *opts,
              stw_match_result *result, stw_error *err)
{
	static const stw_match_opts defaults = {0};
	if (!opts)
		opts = &defaults;
	memset(result, 0, sizeof *result);
	int threads = opts->threads > 0 ? opts->threads : 2;
	stw_err e = stw_rec_sync(ws, NULL, err);
	if (e != STW_OK)
		return e;
	static const char *const entities[] = {"contact", "company"};
	bool in_txn = false;
	for (int k = 0; k < 2; k++) {
		if (opts->entity && strcmp(opts->entity, entities[k]))
			continue;
		const stw_entity_rules *er = stw_rules_entity(rules, entities[k]);
		if (!er || !er->match)
			continue;
		stw_match_entity_result *res = &result->ent[result->n];
		if ((e = run_entity(ws, rules, er->match, entities[k], opts, threads, &in_txn, res,
		                    err)) != STW_OK) {
			stw_ws_rollback(ws);
			return e;
		}
		if (res->records > 0)
			result->n++;
	}
	return in_txn ? stw_ws_commit(ws, err) : STW_OK;
}

/* ==== Explanations ==== */

void
stw_explain_free(stw_explain *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->n; i++) {
		free(x->f[i].name);
		free(x->f[i].a);
		free(x->f[i].b);
		free(x->f[i].level);
	}
	free(x->f);
	free(x->keys);
	free(x);
}

static stw_err
entity_of(stw_ws *ws, int64_t id, char out[16], stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, "SELECT entity, status FROM rec WHERE id=?", &st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(out, 16, "%s", (const char *)sqlite3_column_text(st, 0));
		if (strcmp((const char *)sqlite3_column_text(st, 1), "active"))
			e = stw_fail(err, STW_EDATA, "record %lld is %s, not active", (long long)id,
			             (const char *)sqlite3_column_text(st, 1));
	} else if (rc == SQLITE_DONE) {
		e = stw_fail(err, STW_ENOENT, "no record %lld", (long long)id);
	} else {
		e = stw_ws_dberr(ws, rc, "reading a record", err);
	}
	sqlite3_finalize(st);
	return e;
}

static int64_t
query_id2(stw_ws *ws, const char *sql, int64_t a, int64_t b)
{
	sqlite3_stmt *st;
	if (stw_ws_prepare(ws, sql, &st, NULL) != STW_OK)
		return 0;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return v;
}

/* The first value of comparison c present in record i, or NULL. */
static char *
first_value(const mp_data *d, int c, int alt, size_t i)
{
	if (alt >= 0)
		return stw_xstrdup(mp_val(d, d->cmp_slot[c][alt], i));
	for (int f = 0; f < d->mr->cmp[c].nfields; f++) {
		const char *v = mp_val(d, d->cmp_slot[c][f], i);
		if (*v)
			return stw_xstrdup(v);
	}
	return NULL;
}

/*
 * Fills the term frequencies of record i's values from match_tf, with the
 * totals of p: what mp_weight() looks up for an exact agreement of i with
 * another record. A value not stored is held by two records (see ws.c).
 */
static stw_err
load_tf(stw_ws *ws, mp_data *d, const mp_params *p, size_t i, stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, "SELECT count FROM match_tf WHERE entity=? AND cmp=?"
	                               " AND hash=?", &st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_text(st, 1, d->entity, -1, SQLITE_STATIC);
	int rc = SQLITE_DONE;
	for (int c = 0; c < d->mr->ncmp && rc == SQLITE_DONE; c++) {
		const stw_match_cmp *cm = &d->mr->cmp[c];
		if (!cm->tf || !p->tf_total[c])
			continue;
		for (int f = 0; f < cm->nfields && rc == SQLITE_DONE; f++) {
			const char *v = mp_val(d, d->cmp_slot[c][f], i);
			if (!*v)
				continue;
			uint64_t h = mp_hash(v, 0);
			sqlite3_bind_int(st, 2, c);
			sqlite3_bind_int64(st, 3, (int64_t)h);
			uint32_t n = 2;
			if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
				n = (uint32_t)sqlite3_column_int64(st, 0);
				rc = SQLITE_DONE;
			}
			sqlite3_reset(st);
			mp_tf_put(d, c, p->tf_total[c], h, n);
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? STW_OK : stw_ws_dberr(ws, rc, "reading term frequencies", err);
}

/* Explains a and b; stored_only refuses to estimate the parameters. */
static stw_err
explain(stw_ws *ws, const stw_rules *rules, int64_t a, int64_t b, bool stored_only,
        stw_explain **out, stw_error *err)
{
	*out = NULL;
	stw_err e = stw_rec_sync(ws, NULL, err);
	if (e != STW_OK)
		return e;
	char ea[16], eb[16];
	if ((e = entity_of(ws, a, ea, err)) != STW_OK || (e = entity_of(ws, b, eb, err)) != STW_OK)
		return e;
	if (strcmp(ea, eb))
		return stw_fail(err, STW_EDATA, "record %lld is a %s and record %lld a %s: only "
		                "records of one kind are compared", (long long)a, ea, (long long)b, eb);
	if (a == b)
		return stw_fail(err, STW_EUSAGE, "give two different records");
	const stw_entity_rules *er = stw_rules_entity(rules, ea);
	if (!er || !er->match)
		return stw_fail(err, STW_EDATA, "%s: no matching rules for %s records", rules->file, ea);
	const stw_match_rules *mr = er->match;
	mp_data d;
	mp_params p;
	char key[64];
	snprintf(key, sizeof key, "match.params.%s", ea);
	char *saved = stw_ws_meta_get(ws, key);
	/* Parsing needs only the rules; init by mp_load* comes after. */
	memset(&d, 0, sizeof d);
	d.mr = mr;
	bool have = saved && mp_params_parse(saved, rules->sha256, &d, &p);
	free(saved);
	if (stored_only && !(have && p.have_tf))
		return stw_fail(err, STW_ENOENT, "no stored match parameters for these rules");
	if (have && p.have_tf) {
		/* The stored parameters and frequencies: read just the two
		 * records and the frequencies of their values. */
		int64_t ids[2] = {a, b};
		e = mp_load_ids(ws, ea, mr, rules->default_country, rules->date_order == STW_DMY,
		                ids, 2, &d, err);
		if (e == STW_OK && (e = load_tf(ws, &d, &p, (size_t)mp_find(&d, a), err)) != STW_OK)
			mp_free(&d);
	} else {
		e = mp_load(ws, ea, mr, rules->default_country, rules->date_order == STW_DMY, &d, err);
	}
	if (e != STW_OK)
		return e;
	size_t i = (size_t)mp_find(&d, a), j = (size_t)mp_find(&d, b);
	if (!have) {
		/* No match with these rules yet: estimate as match would. */
		int64_t nlocked;
		if ((e = load_locked(ws, &d, &nlocked, err)) != STW_OK) {
			mp_free(&d);
			return e;
		}
		mp_cands c;
		mp_block(&d, 2, &c);
		uint8_t *lv = stw_xmalloc((c.n ? c.n : 1) * (size_t)mr->ncmp);
		mp_levels(&d, c.pairs, c.n, lv, 2);
		mp_estimate(&d, lv, c.n, 2, &p);
		free(lv);
		mp_cands_free(&c);
	}
	stw_explain *x = stw_xcalloc(1, sizeof *x);
	x->a = a;
	x->b = b;
	x->entity = d.entity;
	x->n = (size_t)mr->ncmp;
	x->f = stw_xcalloc(x->n, sizeof *x->f);
	x->prior = p.prior;
	x->review = mr->review;
	x->estimated = p.estimated;
	double total = p.prior;
	uint8_t lvs[STW_MATCH_MAX_CMP];
	for (int c = 0; c < mr->ncmp; c++)
		lvs[c] = mp_level(&d, c, i, j, NULL, NULL);
	for (int c = 0; c < mr->ncmp; c++) {
		stw_explain_field *f = &x->f[c];
		const stw_match_cmp *cm = &mr->cmp[c];
		int fa, fb;
		uint8_t lv = mp_level(&d, c, i, j, &fa, &fb);
		f->name = stw_xstrdup(cm->name);
		f->a = first_value(&d, c, fa, i);
		f->b = first_value(&d, c, fb, j);
		f->level = stw_xstrdup(level_name(cm, lv));
		if (lv != MP_MISSING) {
			f->m = p.m[c][lv];
			f->u = p.ur[c][lv];
		}
		f->weight = mp_weight(&d, &p, c, lv, i, j, &f->tf);
		f->veto = mp_vetoes(mr, lvs, c);
		x->vetoed |= f->veto;
		total += f->weight;
	}
	x->total = total;
	x->prob = mp_prob(&p, total - p.prior);
	stw_buf keys = STW_BUF_INIT;
	for (int k = 0; k < mr->nkeys; k++)
		if (mp_share_key(&d, k, i, j)) {
			stw_buf_printf(&keys, "%s%s", keys.len ? "; " : "", mr->keys[k].name);
			x->candidate = true;
		}
	x->keys = keys.data ? stw_buf_take(&keys) : stw_xstrdup("");
	int64_t lo = a < b ? a : b, hi = a < b ? b : a;
	x->rejected = query_id2(ws, "SELECT 1 FROM rejected_pair WHERE (a=?1 AND b=?2) OR"
	                           " (a=?2 AND b=?1)", lo, hi) != 0;
	x->cluster = query_id2(ws, "SELECT m1.cluster_id FROM cluster_member m1 JOIN cluster_member"
	                           " m2 ON m1.cluster_id = m2.cluster_id WHERE m1.record_id=? AND"
	                           " m2.record_id=?", a, b);
	mp_free(&d);
	*out = x;
	return STW_OK;
}

stw_err
stw_match_explain(stw_ws *ws, const stw_rules *rules, int64_t a, int64_t b, stw_explain **out,
                  stw_error *err)
{
	return explain(ws, rules, a, b, false, out, err);
}

stw_err
stw_match_explain_stored(stw_ws *ws, const stw_rules *rules, int64_t a, int64_t b,
                         stw_explain **out, stw_error *err)
{
	return explain(ws, rules, a, b, true, out, err);
}
