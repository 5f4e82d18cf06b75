/*
 * Header counts, the cluster queue and the detail of one cluster.
 *
 * The queue pages through the indexes cluster_queue_score and
 * cluster_queue_size (status first, then the sort key), so a page is a short
 * index range whatever the number of clusters.
 */
#include "view.h"
#include "view_int.h"
#include "rec.h"
#include "util.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int64_t
count1(stw_ws *ws, const char *sql, const char *bind)
{
	sqlite3_stmt *st;
	if (stw_ws_prepare(ws, sql, &st, NULL) != STW_OK)
		return -1;
	if (bind)
		sqlite3_bind_text(st, 1, bind, -1, SQLITE_STATIC);
	int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	return n;
}

char *
stw_view_cluster_counts_format(const stw_view_cluster_counts *c)
{
	return stw_xasprintf("%" PRId64 " %" PRId64 " %" PRId64 " %" PRId64, c->all, c->open,
	                     c->deferred, c->flagged);
}

bool
stw_view_cluster_counts_parse(const char *text, stw_view_cluster_counts *c)
{
	return text && sscanf(text, "%" SCNd64 " %" SCNd64 " %" SCNd64 " %" SCNd64, &c->all,
	                      &c->open, &c->deferred, &c->flagged) == 4;
}

/*
 * Each is an index range, but a range of every open cluster is still a
 * step per cluster (10 ms for 170,000 of them, and the header and the queue
 * both want it after every decision): kept while the clusters and the
 * decisions stay as they are, and brought forward by a decision of this
 * console (view_track.c).
 */
bool
stw_view_cluster_counts_get(stw_ws *ws, stw_view_cluster_counts *c)
{
	char *key = stw_view_cluster_key(ws);
	char *kept = stw_view_cache_get(ws, STW_VIEW_CLUSTERS_NAME, key);
	bool ok = stw_view_cluster_counts_parse(kept, c);
	free(kept);
	if (!ok) {
		c->all = count1(ws, "SELECT count(*) FROM cluster", NULL);
		c->open = count1(ws, "SELECT count(*) FROM cluster WHERE status='open'", NULL);
		c->deferred = count1(ws, "SELECT count(*) FROM cluster WHERE status='deferred'", NULL);
		c->flagged = count1(ws, "SELECT count(*) FROM cluster WHERE status='open' AND flagged=1",
		                    NULL);
		ok = c->all >= 0 && c->open >= 0 && c->deferred >= 0 && c->flagged >= 0;
		if (ok) {
			char *body = stw_view_cluster_counts_format(c);
			stw_view_cache_put(ws, STW_VIEW_CLUSTERS_NAME, key, body);
			free(body);
		}
	}
	free(key);
	return ok;
}

stw_err
stw_view_counts_get(stw_ws *ws, stw_view_counts *c, stw_error *err)
{
	memset(c, 0, sizeof *c);
	stw_view_cluster_counts cc;
	if (stw_view_cluster_counts_get(ws, &cc)) {
		c->clusters = cc.all;
		c->open = cc.open;
		c->deferred = cc.deferred;
		c->decided = c->clusters - c->open - c->deferred;
	} else {
		c->clusters = -1;
	}
	c->audit = count1(ws, "SELECT count(*) FROM audit", NULL);
	/* The counts that read every record, finding or proposal are kept in
	 * the meta table while those do not change (view_cache.c). */
	char *key = stw_view_cache_key(ws);
	char *kept = stw_view_cache_get(ws, STW_VIEW_COUNTS_NAME, key);
	if (!kept || sscanf(kept, "%" SCNd64 " %" SCNd64 " %" SCNd64 " %" SCNd64, &c->records,
	                    &c->incomplete, &c->findings, &c->proposals) != 4) {
		c->records = count1(ws, "SELECT count(*) FROM rec WHERE status='active'", NULL);
		/* Validation keeps findings for active records only (see view.h). */
		c->incomplete = count1(ws, "SELECT count(DISTINCT record_id) FROM finding", NULL);
		c->findings = count1(ws, "SELECT count(*) FROM finding", NULL);
		c->proposals = count1(ws, "SELECT count(*) FROM proposal WHERE status='open'", NULL);
		if (c->records >= 0 && c->incomplete >= 0 && c->findings >= 0 && c->proposals >= 0) {
			char body[128];
			snprintf(body, sizeof body, "%" PRId64 " %" PRId64 " %" PRId64 " %" PRId64,
			         c->records, c->incomplete, c->findings, c->proposals);
			stw_view_cache_put(ws, STW_VIEW_COUNTS_NAME, key, body);
		}
	}
	free(kept);
	free(key);
	if (c->records < 0 || c->clusters < 0 || c->incomplete < 0 || c->audit < 0)
		return stw_ws_dberr(ws, sqlite3_errcode(stw_ws_db(ws)), "counting", err);
	return STW_OK;
}

const char *
stw_view_filter_name(stw_view_filter f)
{
	switch (f) {
	case STW_VIEW_ALL: return "all";
	case STW_VIEW_OPEN: return "open";
	case STW_VIEW_DEFERRED: return "deferred";
	case STW_VIEW_FLAGGED: return "flagged";
	case STW_VIEW_DECIDED: return "decided";
	}
	return "?";
}

const char *
stw_view_sort_name(stw_view_sort s)
{
	switch (s) {
	case STW_VIEW_BY_SCORE: return "score";
	case STW_VIEW_BY_SIZE: return "size";
	case STW_VIEW_BY_ID: return "id";
	}
	return "?";
}

static const char *
filter_sql(stw_view_filter f)
{
	switch (f) {
	case STW_VIEW_OPEN: return "c.status='open'";
	case STW_VIEW_DEFERRED: return "c.status='deferred'";
	case STW_VIEW_FLAGGED: return "c.status='open' AND c.flagged=1";
	case STW_VIEW_DECIDED: return "c.status IN ('accepted','rejected','split')";
	case STW_VIEW_ALL: break;
	}
	return "1";
}

/* The order of sort s, or its exact reverse (for pages near the end). */
static const char *
order_sql(stw_view_sort s, bool reverse)
{
	switch (s) {
	case STW_VIEW_BY_SCORE: return reverse ? "c.max_prob ASC, c.id DESC" : "c.max_prob DESC, c.id";
	case STW_VIEW_BY_SIZE: return reverse ? "c.size ASC, c.id DESC" : "c.size DESC, c.id";
	case STW_VIEW_BY_ID: break;
	}
	return reverse ? "c.id DESC" : "c.id";
}

stw_err
stw_view_cluster_page(stw_ws *ws, stw_view_filter f, stw_view_sort s, int64_t offset, int limit,
                      int64_t total, stw_view_clusters *out, stw_error *err)
{
	memset(out, 0, sizeof *out);
	if (offset < 0)
		offset = 0;
	if (limit <= 0)
		return STW_OK;
	/* An OFFSET steps over every row it skips, even on an index: past the
	 * middle, skip from the end in the reverse order instead, and turn the
	 * page around. */
	bool reverse = total >= 0 && offset > total / 2 && offset < total;
	if (reverse) {
		int64_t end = offset + limit < total ? offset + limit : total;
		limit = (int)(end - offset);
		offset = total - end;
	}
	char *sql = stw_xasprintf(
		"SELECT c.id, c.size, coalesce(c.max_prob,0), coalesce(c.min_prob,0), c.flagged,"
		" c.status, (SELECT " STW_VIEW_NAME_SQL " FROM cluster_member m JOIN rec r"
		"  ON r.id=m.record_id WHERE m.cluster_id=c.id ORDER BY m.record_id LIMIT 1)"
		" FROM cluster c WHERE %s ORDER BY %s LIMIT ? OFFSET ?",
		filter_sql(f), order_sql(s, reverse));
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, sql, &st, err);
	free(sql);
	if (e != STW_OK)
		return e;
	sqlite3_bind_int(st, 1, limit);
	sqlite3_bind_int64(st, 2, offset);
	out->rows = stw_xcalloc((size_t)limit, sizeof *out->rows);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->n < (size_t)limit) {
		stw_view_cluster *c = &out->rows[out->n++];
		c->id = sqlite3_column_int64(st, 0);
		c->size = sqlite3_column_int(st, 1);
		c->score = sqlite3_column_double(st, 2);
		c->min_score = sqlite3_column_double(st, 3);
		c->flagged = sqlite3_column_int(st, 4) != 0;
		stw_view_copy(c->status, sizeof c->status, (const char *)sqlite3_column_text(st, 5));
		c->name = stw_view_dup(st, 6);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		stw_view_clusters_free(out);
		return stw_ws_dberr(ws, rc, "reading the cluster queue", err);
	}
	for (size_t i = 0; reverse && i < out->n / 2; i++) {
		stw_view_cluster t = out->rows[i];
		out->rows[i] = out->rows[out->n - 1 - i];
		out->rows[out->n - 1 - i] = t;
	}
	return STW_OK;
}

int64_t
stw_view_cluster_count(stw_ws *ws, stw_view_filter f)
{
	if (f == STW_VIEW_DECIDED) {
		char *sql = stw_xasprintf("SELECT count(*) FROM cluster c WHERE %s", filter_sql(f));
		int64_t n = count1(ws, sql, NULL);
		free(sql);
		return n;
	}
	stw_view_cluster_counts c;
	if (!stw_view_cluster_counts_get(ws, &c))
		return -1;
	switch (f) {
	case STW_VIEW_ALL: return c.all;
	case STW_VIEW_OPEN: return c.open;
	case STW_VIEW_DEFERRED: return c.deferred;
	case STW_VIEW_FLAGGED: return c.flagged;
	case STW_VIEW_DECIDED: break;
	}
	return -1;
}

int64_t
stw_view_cluster_position(stw_ws *ws, stw_view_filter f, stw_view_sort s, int64_t id)
{
	/* Rows before id in the order: the sort key is compared as a tuple. */
	const char *before;
	switch (s) {
	case STW_VIEW_BY_SCORE:
		before = "(c.max_prob > x.max_prob OR (c.max_prob = x.max_prob AND c.id < x.id))";
		break;
	case STW_VIEW_BY_SIZE:
		before = "(c.size > x.size OR (c.size = x.size AND c.id < x.id))";
		break;
	default:
		before = "c.id < x.id";
		break;
	}
	char *sql = stw_xasprintf(
		"SELECT (SELECT count(*) FROM cluster c WHERE %s AND %s),"
		" (SELECT count(*) FROM cluster c WHERE c.id = x.id AND %s)"
		" FROM cluster x WHERE x.id=?", filter_sql(f), before, filter_sql(f));
	sqlite3_stmt *st;
	int64_t pos = -1;
	if (stw_ws_prepare(ws, sql, &st, NULL) == STW_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 1) == 1)
			pos = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	free(sql);
	return pos;
}

void
stw_view_clusters_free(stw_view_clusters *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		free(c->rows[i].name);
	free(c->rows);
	memset(c, 0, sizeof *c);
}

bool
stw_view_cluster_exists(stw_ws *ws, int64_t id)
{
	sqlite3_stmt *st;
	if (stw_ws_prepare(ws, "SELECT 1 FROM cluster WHERE id=?", &st, NULL) != STW_OK)
		return false;
	sqlite3_bind_int64(st, 1, id);
	bool yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return yes;
}

/* Turns the levels JSON object of a pair into "field=level ..." text. */
static char *
levels_text(stw_ws *ws, const char *json)
{
	stw_buf b = STW_BUF_INIT;
	stw_buf_adds(&b, "");
	sqlite3_stmt *st;
	if (!json || stw_ws_prepare(ws, "SELECT key, value FROM json_each(?)", &st, NULL) != STW_OK)
		return stw_buf_take(&b);
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		const char *v = (const char *)sqlite3_column_text(st, 1);
		stw_buf_printf(&b, "%s%s=%s", b.len ? " " : "", k ? k : "", v ? v : "");
	}
	sqlite3_finalize(st);
	return stw_buf_take(&b);
}

static stw_err
read_members(stw_ws *ws, stw_view_cluster_detail *d, stw_error *err)
{
	const char *const *fields = stw_rec_fields();
	size_t nf = 0;
	while (fields[nf])
		nf++;
	stw_buf sql = STW_BUF_INIT;
	stw_buf_adds(&sql, "SELECT r.id, s.name || ':' || rd.line");
	for (size_t i = 0; i < nf; i++) {
		char *q = sqlite3_mprintf(", r.\"%w\"", fields[i]);
		stw_buf_adds(&sql, q);
		sqlite3_free(q);
	}
	stw_buf_adds(&sql, " FROM cluster_member m JOIN rec r ON r.id=m.record_id"
	                   " LEFT JOIN record rd ON rd.id=r.id LEFT JOIN source s ON s.id=r.source_id"
	                   " WHERE m.cluster_id=? ORDER BY r.id");
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, sql.data, &st, err);
	stw_buf_free(&sql);
	if (e != STW_OK)
		return e;
	sqlite3_bind_int64(st, 1, d->id);
	size_t cap = 0;
	char **all = NULL; /* all[r * nf + f] */
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (d->nrec == cap) {
			cap = cap ? cap * 2 : 8;
			d->rec = stw_xrealloc(d->rec, cap * sizeof *d->rec);
			d->source = stw_xrealloc(d->source, cap * sizeof *d->source);
			all = stw_xrealloc(all, cap * nf * sizeof *all);
		}
		size_t r = d->nrec++;
		d->rec[r] = sqlite3_column_int64(st, 0);
		d->source[r] = stw_view_dup(st, 1);
		for (size_t f = 0; f < nf; f++)
			all[r * nf + f] = stw_view_dup(st, (int)f + 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		for (size_t i = 0; i < d->nrec * nf; i++)
			free(all[i]);
		free(all);
		return stw_ws_dberr(ws, rc, "reading a cluster's records", err);
	}
	/* Keep the fields some member fills, in the canonical order. */
	d->field = stw_xcalloc(nf ? nf : 1, sizeof *d->field);
	d->value = stw_xcalloc(nf * (d->nrec ? d->nrec : 1), sizeof *d->value);
	d->differs = stw_xcalloc(nf ? nf : 1, sizeof *d->differs);
	for (size_t f = 0; f < nf; f++) {
		bool any = false;
		const char *first = NULL;
		bool differs = false;
		for (size_t r = 0; r < d->nrec; r++) {
			const char *v = all[r * nf + f];
			if (!v)
				continue;
			any = true;
			if (!first)
				first = v;
			else if (strcmp(first, v) != 0)
				differs = true;
		}
		if (!any) {
			for (size_t r = 0; r < d->nrec; r++)
				free(all[r * nf + f]);
			continue;
		}
		size_t k = d->nfield++;
		d->field[k] = fields[f];
		d->differs[k] = differs;
		for (size_t r = 0; r < d->nrec; r++)
			d->value[k * d->nrec + r] = all[r * nf + f];
	}
	free(all);
	return STW_OK;
}

static stw_err
read_pairs(stw_ws *ws, stw_view_cluster_detail *d, stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws,
		"SELECT p.a, p.b, p.weight, p.prob, p.levels FROM cluster_member x"
		" JOIN pair p ON p.a=x.record_id"
		" JOIN cluster_member y ON y.cluster_id=x.cluster_id AND y.record_id=p.b"
		" WHERE x.cluster_id=? ORDER BY p.prob DESC, p.a, p.b", &st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_int64(st, 1, d->id);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (d->npair == cap) {
			cap = cap ? cap * 2 : 8;
			d->pair = stw_xrealloc(d->pair, cap * sizeof *d->pair);
		}
		stw_view_pair *p = &d->pair[d->npair++];
		p->a = sqlite3_column_int64(st, 0);
		p->b = sqlite3_column_int64(st, 1);
		p->weight = sqlite3_column_double(st, 2);
		p->prob = sqlite3_column_double(st, 3);
		p->levels = levels_text(ws, (const char *)sqlite3_column_text(st, 4));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return stw_ws_dberr(ws, rc, "reading a cluster's pairs", err);
	return STW_OK;
}

stw_err
stw_view_cluster_get(stw_ws *ws, int64_t id, stw_view_cluster_detail **out, stw_error *err)
{
	*out = NULL;
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, "SELECT status, flagged, coalesce(max_prob,0),"
	                               " (SELECT r.entity FROM cluster_member m JOIN rec r"
	                               "  ON r.id=m.record_id WHERE m.cluster_id=cluster.id LIMIT 1)"
	                               " FROM cluster WHERE id=?", &st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			return stw_fail(err, STW_ENOENT, "no cluster %lld", (long long)id);
		return stw_ws_dberr(ws, rc, "reading a cluster", err);
	}
	stw_view_cluster_detail *d = stw_xcalloc(1, sizeof *d);
	d->id = id;
	stw_view_copy(d->status, sizeof d->status, (const char *)sqlite3_column_text(st, 0));
	d->flagged = sqlite3_column_int(st, 1) != 0;
	d->score = sqlite3_column_double(st, 2);
	stw_view_copy(d->entity, sizeof d->entity, (const char *)sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
	if ((e = read_members(ws, d, err)) != STW_OK || (e = read_pairs(ws, d, err)) != STW_OK) {
		stw_view_cluster_detail_free(d);
		return e;
	}
	*out = d;
	return STW_OK;
}

const stw_view_pair *
stw_view_cluster_pair(const stw_view_cluster_detail *d, int64_t a, int64_t b)
{
	if (a > b) {
		int64_t t = a;
		a = b;
		b = t;
	}
	for (size_t i = 0; i < d->npair; i++)
		if (d->pair[i].a == a && d->pair[i].b == b)
			return &d->pair[i];
	return NULL;
}

void
stw_view_cluster_detail_free(stw_view_cluster_detail *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->nfield * d->nrec; i++)
		free(d->value[i]);
	for (size_t i = 0; i < d->nrec; i++)
		free(d->source[i]);
	for (size_t i = 0; i < d->npair; i++)
		free(d->pair[i].levels);
	free(d->value);
	free(d->field);
	free(d->differs);
	free(d->rec);
	free(d->source);
	free(d->pair);
	free(d);
}
