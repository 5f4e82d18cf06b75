/*
 * Keeping the kept counts right through one decision, without counting
 * everything again.
 *
 * The counts of view_cache.c are stored under a key that names the state of
 * the workspace; a decision changes that key (the audit trail's head, the
 * newest finding), and counting again takes a second on a million records.
 * But a decision touches a handful of records and clusters, and every count
 * kept is a sum over records (active or not, findings and open proposals
 * per rule) or over clusters (status, flag). So around a decision made on
 * this connection:
 *
 *   begin   reads the kept entries that are current, and adds temporary
 *           triggers (this connection only) on finding, proposal, rec and
 *           cluster that, before the first write to a record or cluster,
 *           note what it adds to the counts;
 *   end     drops the triggers, takes what the touched records and clusters
 *           add now, and stores each entry with the difference applied
 *           under the new key.
 *
 * Whatever the decision writes, and whichever module writes it, the
 * triggers see it, so the counts brought forward are the counts a fresh
 * count gives. When another connection commits in between (PRAGMA
 * data_version tells), or something does not add up, nothing is stored and
 * the next read counts afresh.
 */
#include "view.h"
#include "view_int.h"
#include "util.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct stw_view_track {
	int64_t version;   /* PRAGMA data_version at begin */
	char   *key;       /* stw_view_cache_key() at begin */
	char   *ckey;      /* stw_view_cluster_key() at begin */
	char   *counts;    /* the kept bodies current at begin, or NULL */
	char   *rules;
	char   *clusters;
	int     ntrig;     /* triggers created */
};

/* ---- Triggers ---- */

/* A record's share of the counts, noted once per record: its findings and
 * open proposals by rule (kind 0 and 1) and whether it is active (kind 2).
 * @ stands for the record id expression; the last statement is left out for a row
 * being inserted into rec (it was not there before). */
static const char record_body[] =
	" WHEN NOT EXISTS (SELECT 1 FROM stw_track_rec WHERE id=@) BEGIN"
	" INSERT INTO stw_track_rec(id) VALUES(@);"
	" INSERT INTO stw_track_before SELECT @, 0, rule, count(*) FROM finding"
	"  WHERE record_id=@ GROUP BY rule;"
	" INSERT INTO stw_track_before SELECT @, 1, rule, count(*) FROM proposal"
	"  WHERE record_id=@ AND status='open' GROUP BY rule;";
static const char record_active[] =
	" INSERT INTO stw_track_before SELECT id, 2, '', 1 FROM rec WHERE id=@ AND status='active';";

static const char cluster_body[] =
	" WHEN NOT EXISTS (SELECT 1 FROM stw_track_cl WHERE id=@) BEGIN"
	" INSERT INTO stw_track_cl(id, present, status, flagged)"
	"  SELECT @, count(c.id), max(c.status), max(c.flagged)"
	"  FROM (SELECT 1) LEFT JOIN cluster c ON c.id=@;";

static const struct {
	const char *when;  /* "BEFORE DELETE ON finding" */
	const char *x;     /* the id of the row's record or cluster */
	bool        cluster;
	bool        fresh; /* a row inserted into rec or cluster: absent before */
} triggers[] = {
	{"BEFORE INSERT ON finding", "new.record_id", false, false},
	{"BEFORE DELETE ON finding", "old.record_id", false, false},
	{"BEFORE UPDATE ON finding", "old.record_id", false, false},
	{"BEFORE UPDATE ON finding", "new.record_id", false, false},
	{"BEFORE INSERT ON proposal", "new.record_id", false, false},
	{"BEFORE DELETE ON proposal", "old.record_id", false, false},
	{"BEFORE UPDATE ON proposal", "old.record_id", false, false},
	{"BEFORE UPDATE ON proposal", "new.record_id", false, false},
	{"AFTER INSERT ON rec", "new.id", false, true},
	{"BEFORE DELETE ON rec", "old.id", false, false},
	{"BEFORE UPDATE OF status ON rec", "old.id", false, false},
	{"AFTER INSERT ON cluster", "new.id", true, true},
	{"BEFORE DELETE ON cluster", "old.id", true, false},
	{"BEFORE UPDATE OF status, flagged ON cluster", "old.id", true, false},
};
#define NTRIGGERS ((int)(sizeof triggers / sizeof triggers[0]))

/* text with every @ replaced by x, added to b. */
static void
add_with(stw_buf *b, const char *text, const char *x)
{
	for (const char *p = text; *p; p++) {
		if (*p == '@')
			stw_buf_adds(b, x);
		else
			stw_buf_addc(b, *p);
	}
}

static bool
exec(stw_ws *ws, const char *sql)
{
	return sqlite3_exec(stw_ws_db(ws), sql, NULL, NULL, NULL) == SQLITE_OK;
}

static bool
create_trigger(stw_ws *ws, int i)
{
	stw_buf b = STW_BUF_INIT;
	stw_buf_printf(&b, "CREATE TEMP TRIGGER stw_track_%d %s FOR EACH ROW", i, triggers[i].when);
	if (triggers[i].cluster && triggers[i].fresh) {
		stw_buf_adds(&b, " WHEN NOT EXISTS (SELECT 1 FROM stw_track_cl WHERE id=new.id) BEGIN"
		                 " INSERT INTO stw_track_cl(id, present) VALUES(new.id, 0);");
	} else if (triggers[i].cluster) {
		add_with(&b, cluster_body, triggers[i].x);
	} else {
		add_with(&b, record_body, triggers[i].x);
		if (!triggers[i].fresh)
			add_with(&b, record_active, triggers[i].x);
	}
	stw_buf_adds(&b, " END");
	bool ok = exec(ws, b.data);
	stw_buf_free(&b);
	return ok;
}

static void
drop_triggers(stw_ws *ws, stw_view_track *t)
{
	for (int i = 0; i < t->ntrig; i++) {
		char sql[64];
		snprintf(sql, sizeof sql, "DROP TRIGGER IF EXISTS temp.stw_track_%d", i);
		(void)exec(ws, sql); /* a temporary trigger goes with the connection anyway */
	}
	t->ntrig = 0;
}

static void
track_free(stw_view_track *t)
{
	if (!t)
		return;
	free(t->key);
	free(t->ckey);
	free(t->counts);
	free(t->rules);
	free(t->clusters);
	free(t);
}

stw_view_track *
stw_view_track_begin(stw_ws *ws)
{
	stw_view_track *t = stw_xcalloc(1, sizeof *t);
	/* The version first: a commit by another connection from here on,
	 * even while the entries are read, shows at the end. */
	t->version = stw_ws_query_int(ws, "PRAGMA data_version");
	t->key = stw_view_cache_key(ws);
	t->ckey = stw_view_cluster_key(ws);
	t->counts = stw_view_cache_get(ws, STW_VIEW_COUNTS_NAME, t->key);
	t->rules = stw_view_cache_get(ws, STW_VIEW_RULES_NAME, t->key);
	t->clusters = stw_view_cache_get(ws, STW_VIEW_CLUSTERS_NAME, t->ckey);
	if ((!t->counts && !t->rules && !t->clusters) || t->version < 0 ||
	    sqlite3_get_autocommit(stw_ws_db(ws)) == 0)
		goto fail;
	if (!exec(ws, "CREATE TEMP TABLE IF NOT EXISTS stw_track_rec(id INTEGER PRIMARY KEY);"
	              "CREATE TEMP TABLE IF NOT EXISTS stw_track_before(record_id INTEGER,"
	              " kind INTEGER, rule TEXT, n INTEGER);"
	              "CREATE TEMP TABLE IF NOT EXISTS stw_track_after(record_id INTEGER,"
	              " kind INTEGER, rule TEXT, n INTEGER);"
	              "CREATE TEMP TABLE IF NOT EXISTS stw_track_cl(id INTEGER PRIMARY KEY,"
	              " present INTEGER, status TEXT, flagged INTEGER);"
	              "DELETE FROM stw_track_rec; DELETE FROM stw_track_before;"
	              "DELETE FROM stw_track_after; DELETE FROM stw_track_cl;"))
		goto fail;
	for (int i = 0; i < NTRIGGERS; i++) {
		if (!create_trigger(ws, i)) {
			t->ntrig = NTRIGGERS; /* drop whichever were made */
			drop_triggers(ws, t);
			goto fail;
		}
		t->ntrig = i + 1;
	}
	return t;
fail:
	track_free(t);
	return NULL;
}

/* ---- Bringing the kept entries forward ---- */

/* The difference the touched records make, per count. */
typedef struct {
	int64_t records, incomplete, findings, proposals;
	size_t  n;              /* per (kind, rule): records and rows */
	struct { bool proposal; char *rule; int64_t records, rows; } *rule;
} record_delta;

static void
record_delta_free(record_delta *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->rule[i].rule);
	free(d->rule);
}

static bool
one(stw_ws *ws, const char *sql, int64_t *out)
{
	sqlite3_stmt *st;
	if (stw_ws_prepare(ws, sql, &st, NULL) != STW_OK)
		return false;
	bool ok = sqlite3_step(st) == SQLITE_ROW;
	if (ok)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return ok;
}

static bool
records_delta(stw_ws *ws, record_delta *d)
{
	/* CROSS JOIN keeps the touched rows outside: the planner knows nothing
	 * of the temporary tables and would otherwise walk every finding. */
	if (!exec(ws, "INSERT INTO stw_track_after"
	              " SELECT s.id, 0, f.rule, count(*) FROM stw_track_rec s"
	              "  CROSS JOIN finding f ON f.record_id=s.id GROUP BY s.id, f.rule;"
	              "INSERT INTO stw_track_after"
	              " SELECT s.id, 1, p.rule, count(*) FROM stw_track_rec s"
	              "  CROSS JOIN proposal p ON p.record_id=s.id AND p.status='open' GROUP BY s.id, p.rule;"
	              "INSERT INTO stw_track_after"
	              " SELECT s.id, 2, '', 1 FROM stw_track_rec s"
	              "  CROSS JOIN rec r ON r.id=s.id AND r.status='active';"))
		return false;
	if (!one(ws, "SELECT (SELECT count(*) FROM stw_track_after WHERE kind=2)"
	             " - (SELECT count(*) FROM stw_track_before WHERE kind=2)", &d->records) ||
	    !one(ws, "SELECT (SELECT count(DISTINCT record_id) FROM stw_track_after WHERE kind=0)"
	             " - (SELECT count(DISTINCT record_id) FROM stw_track_before WHERE kind=0)",
	         &d->incomplete) ||
	    !one(ws, "SELECT (SELECT coalesce(sum(n), 0) FROM stw_track_after WHERE kind=0)"
	             " - (SELECT coalesce(sum(n), 0) FROM stw_track_before WHERE kind=0)",
	         &d->findings) ||
	    !one(ws, "SELECT (SELECT coalesce(sum(n), 0) FROM stw_track_after WHERE kind=1)"
	             " - (SELECT coalesce(sum(n), 0) FROM stw_track_before WHERE kind=1)",
	         &d->proposals))
		return false;
	/* Each row is one record with at least one finding or proposal of its
	 * rule: the records of a group change by the rows' count. */
	sqlite3_stmt *st;
	if (stw_ws_prepare(ws, "SELECT kind, rule, sum(sg), sum(sg * n) FROM"
	                       " (SELECT kind, rule, n, 1 sg FROM stw_track_after WHERE kind < 2"
	                       "  UNION ALL SELECT kind, rule, n, -1 FROM stw_track_before WHERE kind < 2)"
	                       " GROUP BY kind, rule HAVING sum(sg) <> 0 OR sum(sg * n) <> 0",
	                       &st, NULL) != STW_OK)
		return false;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (d->n == cap) {
			cap = cap ? cap * 2 : 8;
			d->rule = stw_xrealloc(d->rule, cap * sizeof *d->rule);
		}
		const char *rule = (const char *)sqlite3_column_text(st, 1);
		d->rule[d->n].proposal = sqlite3_column_int(st, 0) == 1;
		d->rule[d->n].rule = stw_xstrdup(rule ? rule : "");
		d->rule[d->n].records = sqlite3_column_int64(st, 2);
		d->rule[d->n].rows = sqlite3_column_int64(st, 3);
		d->n++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE;
}

/* New header counts body, or NULL when they do not add up. */
static char *
counts_forward(const char *kept, const record_delta *d)
{
	int64_t rec, inc, fin, pro;
	if (sscanf(kept, "%" SCNd64 " %" SCNd64 " %" SCNd64 " %" SCNd64, &rec, &inc, &fin, &pro) != 4)
		return NULL;
	rec += d->records;
	inc += d->incomplete;
	fin += d->findings;
	pro += d->proposals;
	if (rec < 0 || inc < 0 || fin < 0 || pro < 0 || inc > fin)
		return NULL;
	return stw_xasprintf("%" PRId64 " %" PRId64 " %" PRId64 " %" PRId64, rec, inc, fin, pro);
}

/* New rule groups body, or NULL when they do not add up. */
static char *
rules_forward(const char *kept, const record_delta *d)
{
	stw_view_rules r = {0};
	char *out = NULL;
	if (!stw_view_rules_parse(kept, &r))
		goto done;
	for (size_t i = 0; i < d->n; i++) {
		size_t j;
		for (j = 0; j < r.n; j++)
			if (r.rows[j].proposal == d->rule[i].proposal &&
			    strcmp(r.rows[j].rule, d->rule[i].rule) == 0)
				break;
		if (j == r.n) {
			r.rows = stw_xrealloc(r.rows, (r.n + 1) * sizeof *r.rows);
			r.rows[r.n++] = (stw_view_rule){.rule = stw_xstrdup(d->rule[i].rule),
			                                .proposal = d->rule[i].proposal};
		}
		r.rows[j].records += d->rule[i].records;
		r.rows[j].rows += d->rule[i].rows;
	}
	/* A group with nothing left is not listed; one that went below zero
	 * means the kept list was wrong. */
	size_t k = 0;
	for (size_t i = 0; i < r.n; i++) {
		stw_view_rule *g = &r.rows[i];
		if (g->records < 0 || g->rows < 0 || (g->records == 0) != (g->rows == 0) ||
		    g->records > g->rows) {
			k = SIZE_MAX;
			break;
		}
		if (g->records == 0) {
			free(g->rule);
			continue;
		}
		r.rows[k++] = *g;
	}
	if (k == SIZE_MAX)
		goto done;
	r.n = k;
	stw_view_rules_sort(&r);
	out = stw_view_rules_format(&r);
done:
	stw_view_rules_free(&r);
	return out;
}

/* New cluster counts body, or NULL when they do not add up. */
static char *
clusters_forward(stw_ws *ws, const char *kept)
{
	stw_view_cluster_counts c;
	if (!stw_view_cluster_counts_parse(kept, &c))
		return NULL;
	sqlite3_stmt *st;
	if (stw_ws_prepare(ws, "SELECT t.present, t.status, t.flagged, c.id IS NOT NULL, c.status,"
	                       " c.flagged FROM stw_track_cl t LEFT JOIN cluster c ON c.id=t.id",
	                       &st, NULL) != STW_OK)
		return NULL;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int side = 0; side < 2; side++) {
			int sign = side == 0 ? -1 : 1;
			if (!sqlite3_column_int(st, side * 3))
				continue;
			const char *status = (const char *)sqlite3_column_text(st, side * 3 + 1);
			bool open = status && strcmp(status, "open") == 0;
			c.all += sign;
			c.open += open ? sign : 0;
			c.deferred += status && strcmp(status, "deferred") == 0 ? sign : 0;
			c.flagged += open && sqlite3_column_int(st, side * 3 + 2) ? sign : 0;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE || c.all < 0 || c.open < 0 || c.deferred < 0 || c.flagged < 0 ||
	    c.open + c.deferred > c.all || c.flagged > c.open)
		return NULL;
	return stw_view_cluster_counts_format(&c);
}

int
stw_view_track_end(stw_ws *ws, stw_view_track *t)
{
	if (!t)
		return 0;
	int kept = 0;
	drop_triggers(ws, t);
	record_delta d = {0};
	char *key = NULL, *ckey = NULL;
	if (!records_delta(ws, &d))
		goto done;
	key = stw_view_cache_key(ws);
	ckey = stw_view_cluster_key(ws);
	/* Another connection committed since begin: its changes are not in
	 * the difference. */
	if (!key || !ckey || stw_ws_query_int(ws, "PRAGMA data_version") != t->version)
		goto done;
	char *body;
	if (t->counts && (body = counts_forward(t->counts, &d))) {
		stw_view_cache_put(ws, STW_VIEW_COUNTS_NAME, key, body);
		free(body);
		kept++;
	}
	if (t->rules && (body = rules_forward(t->rules, &d))) {
		stw_view_cache_put(ws, STW_VIEW_RULES_NAME, key, body);
		free(body);
		kept++;
	}
	if (t->clusters && (body = clusters_forward(ws, t->clusters))) {
		stw_view_cache_put(ws, STW_VIEW_CLUSTERS_NAME, ckey, body);
		free(body);
		kept++;
	}
done:
	(void)exec(ws, "DELETE FROM stw_track_rec; DELETE FROM stw_track_before;"
	               "DELETE FROM stw_track_after; DELETE FROM stw_track_cl;");
	record_delta_free(&d);
	free(key);
	free(ckey);
	track_free(t);
	return kept;
}
