/*
 * The three listings are each one SELECT in primary-key order (no sort, no
 * temporary table); pairs expand their per-field levels (a JSON object)
 * into one column per comparison, named level_FIELD, taken from the first
 * pair (every pair of a match run has the same comparisons).
 */
#include "listing.h"
#include "rec.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COLS 64

struct stw_list {
	stw_ws       *ws;
	stw_list_kind kind;
	sqlite3_stmt *st;
	size_t        ncols;
	size_t        nfixed;               /* columns straight from the statement */
	char         *names[MAX_COLS];      /* owned */
	stw_col_type  types[MAX_COLS];
	const char   *values[MAX_COLS];
	bool          pending;              /* a row was read ahead (pairs) */
	int           pending_rc;
	stw_buf       levels;               /* pairs: decoded level values */
	size_t        level_off[MAX_COLS];
};

typedef struct {
	const char  *name;
	stw_col_type type;
} colspec;

static const colspec cluster_cols[] = {
	{"cluster_id", STW_COL_INT}, {"cluster_status", STW_COL_TEXT},
	{"min_score", STW_COL_REAL}, {"max_score", STW_COL_REAL}, {"flagged", STW_COL_BOOL},
	{"record_id", STW_COL_INT}, {"source", STW_COL_TEXT}, {"line", STW_COL_INT},
	{"external_id", STW_COL_TEXT}, {"name", STW_COL_TEXT}, {"email", STW_COL_TEXT},
	{"phone", STW_COL_TEXT}, {"company", STW_COL_TEXT},
};

static const colspec pair_cols[] = {
	{"record_a", STW_COL_INT}, {"record_b", STW_COL_INT}, {"line_a", STW_COL_INT},
	{"line_b", STW_COL_INT}, {"external_id_a", STW_COL_TEXT}, {"external_id_b", STW_COL_TEXT},
	{"weight", STW_COL_REAL}, {"probability", STW_COL_REAL},
};

static const colspec finding_cols[] = {
	{"record_id", STW_COL_INT}, {"source", STW_COL_TEXT}, {"line", STW_COL_INT},
	{"external_id", STW_COL_TEXT}, {"field", STW_COL_TEXT}, {"rule", STW_COL_TEXT},
	{"severity", STW_COL_TEXT}, {"value", STW_COL_TEXT}, {"proposed_fix", STW_COL_TEXT},
	{"message", STW_COL_TEXT},
};

#define NAME_SQL                                                                     \
	"coalesce(nullif(trim(coalesce(r.first_name,'') || ' ' || coalesce(r.last_name,'')),"  \
	" ''), r.full_name, r.name, '')"

static const char clusters_sql[] =
	"SELECT c.id, c.status, printf('%.4f', c.min_prob), printf('%.4f', c.max_prob),"
	" c.flagged, r.id, s.name, rd.line, r.external_id, " NAME_SQL ","
	" r.email, coalesce(r.phone, r.mobile), CASE r.entity WHEN 'company' THEN r.name"
	" ELSE r.company END"
	" FROM cluster c JOIN cluster_member m ON m.cluster_id = c.id"
	" JOIN rec r ON r.id = m.record_id JOIN record rd ON rd.id = r.id"
	" JOIN source s ON s.id = r.source_id"
	" WHERE ?1 IS NULL OR c.status = ?1 ORDER BY c.id, m.record_id";

static const char pairs_sql[] =
	"SELECT p.a, p.b, ra.line, rb.line, xa.external_id, xb.external_id,"
	" printf('%.3f', p.weight), printf('%.4f', p.prob), p.levels"
	" FROM pair p JOIN record ra ON ra.id = p.a JOIN record rb ON rb.id = p.b"
	" JOIN rec xa ON xa.id = p.a JOIN rec xb ON xb.id = p.b"
	" WHERE p.prob >= ?1 ORDER BY p.a, p.b";

static void
set_cols(stw_list *l, const colspec *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		l->names[i] = stw_xstrdup(c[i].name);
		l->types[i] = c[i].type;
	}
	l->ncols = l->nfixed = n;
}

/* The findings SELECT: the current value comes from the rec column the
 * finding names, through a CASE over the known fields. */
static char *
findings_sql(void)
{
	stw_buf b = STW_BUF_INIT;
	stw_buf_adds(&b, "SELECT f.record_id, s.name, rd.line, r.external_id,"
	                 " coalesce(sc.header, f.field, ''), f.rule, f.severity, CASE f.field");
	for (const char *const *fld = stw_rec_fields(); *fld; fld++) {
		char *q = sqlite3_mprintf(" WHEN '%q' THEN r.\"%w\"", *fld, *fld);
		stw_buf_adds(&b, q);
		sqlite3_free(q);
	}
	stw_buf_adds(&b, " END, (SELECT p.after FROM proposal p WHERE p.record_id = f.record_id"
	                 " AND p.field = f.field AND p.status = 'open' ORDER BY p.id LIMIT 1),"
	                 " f.message"
	                 " FROM finding f JOIN rec r ON r.id = f.record_id"
	                 " JOIN record rd ON rd.id = f.record_id JOIN source s ON s.id = r.source_id"
	                 " LEFT JOIN source_column sc ON sc.source_id = r.source_id"
	                 " AND sc.field = f.field"
	                 " WHERE ?1 IS NULL OR f.rule = ?1 ORDER BY f.record_id, f.id");
	return stw_buf_take(&b);
}

/* Splits a levels object {"email": "exact", ...} into keys and values. */
static int
parse_levels(const char *json, stw_buf *out, size_t *off, char **keys, size_t max)
{
	/* The levels object is written by the matcher: flat, string values. */
	size_t n = 0;
	stw_buf_reset(out);
	const char *p = json ? strchr(json, '{') : NULL;
	if (!p)
		return 0;
	p++;
	while (n < max) {
		const char *k1 = strchr(p, '"');
		if (!k1)
			break;
		const char *k2 = strchr(k1 + 1, '"');
		if (!k2)
			break;
		const char *v1 = strchr(k2 + 1, '"');
		if (!v1)
			break;
		const char *v2 = strchr(v1 + 1, '"');
		if (!v2)
			break;
		if (keys)
			keys[n] = stw_xasprintf("level_%.*s", (int)(k2 - k1 - 1), k1 + 1);
		off[n] = out->len;
		stw_buf_add(out, v1 + 1, (size_t)(v2 - v1 - 1));
		stw_buf_addc(out, '\0');
		n++;
		p = v2 + 1;
	}
	return (int)n;
}

stw_err
stw_list_open(stw_ws *ws, stw_list_kind kind, const stw_list_opts *opts, stw_list **out,
              stw_error *err)
{
	*out = NULL;
	stw_list_opts none = {NULL, 0.0, NULL};
	if (!opts)
		opts = &none;
	const char *status = opts->status;
	if (status && strcmp(status, "all") == 0)
		status = NULL;
	if (status && strcmp(status, "open") && strcmp(status, "accepted") &&
	    strcmp(status, "rejected") && strcmp(status, "deferred"))
		return stw_fail(err, STW_EUSAGE,
		                "unknown status '%s' (open, accepted, rejected, deferred or all)",
		                status);
	stw_list *l = stw_xcalloc(1, sizeof *l);
	l->ws = ws;
	l->kind = kind;
	stw_err e;
	char *sql = NULL;
	switch (kind) {
	case STW_LIST_CLUSTERS:
		set_cols(l, cluster_cols, sizeof cluster_cols / sizeof cluster_cols[0]);
		e = stw_ws_prepare(ws, clusters_sql, &l->st, err);
		if (e == STW_OK && status)
			sqlite3_bind_text(l->st, 1, status, -1, SQLITE_TRANSIENT);
		break;
	case STW_LIST_PAIRS:
		set_cols(l, pair_cols, sizeof pair_cols / sizeof pair_cols[0]);
		e = stw_ws_prepare(ws, pairs_sql, &l->st, err);
		if (e == STW_OK)
			sqlite3_bind_double(l->st, 1, opts->min_score);
		break;
	default:
		set_cols(l, finding_cols, sizeof finding_cols / sizeof finding_cols[0]);
		sql = findings_sql();
		e = stw_ws_prepare(ws, sql, &l->st, err);
		free(sql);
		if (e == STW_OK && opts->rule)
			sqlite3_bind_text(l->st, 1, opts->rule, -1, SQLITE_TRANSIENT);
		break;
	}
	if (e != STW_OK) {
		stw_list_close(l);
		return e;
	}
	if (kind == STW_LIST_PAIRS) {
		/* Read ahead one row to learn the level columns. */
		l->pending = true;
		l->pending_rc = sqlite3_step(l->st);
		if (l->pending_rc == SQLITE_ROW) {
			int n = parse_levels((const char *)sqlite3_column_text(l->st, 8), &l->levels,
			                     l->level_off, l->names + l->nfixed, MAX_COLS - l->nfixed);
			for (int i = 0; i < n; i++)
				l->types[l->nfixed + (size_t)i] = STW_COL_TEXT;
			l->ncols = l->nfixed + (size_t)n;
		}
	}
	*out = l;
	return STW_OK;
}

size_t
stw_list_ncols(const stw_list *l)
{
	return l->ncols;
}

const char *
stw_list_colname(const stw_list *l, size_t i)
{
	return l->names[i];
}

stw_col_type
stw_list_coltype(const stw_list *l, size_t i)
{
	return l->types[i];
}

int
stw_list_next(stw_list *l, const char *const **values, stw_error *err)
{
	int rc;
	if (l->pending) {
		rc = l->pending_rc;
		l->pending = false;
	} else {
		rc = sqlite3_step(l->st);
	}
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW) {
		stw_ws_dberr(l->ws, rc, "reading a listing", err);
		return -1;
	}
	for (size_t i = 0; i < l->nfixed; i++) {
		const char *v = (const char *)sqlite3_column_text(l->st, (int)i);
		l->values[i] = v ? v : "";
	}
	if (l->kind == STW_LIST_PAIRS) {
		size_t want = l->ncols - l->nfixed;
		size_t off[MAX_COLS];
		int n = parse_levels((const char *)sqlite3_column_text(l->st, 8), &l->levels, off, NULL,
		                     want);
		for (size_t i = 0; i < want; i++)
			l->values[l->nfixed + i] = (int)i < n ? l->levels.data + off[i] : "";
	}
	*values = l->values;
	return 1;
}

void
stw_list_close(stw_list *l)
{
	if (!l)
		return;
	sqlite3_finalize(l->st);
	for (size_t i = 0; i < l->ncols; i++)
		free(l->names[i]);
	stw_buf_free(&l->levels);
	free(l);
}

stw_err
stw_list_write_csv(stw_ws *ws, stw_list_kind kind, const stw_list_opts *opts, stw_outfile *out,
                   bool guard, bool header, int64_t *rows, stw_error *err)
{
	stw_list *l;
	stw_err e = stw_list_open(ws, kind, opts, &l, err);
	if (e != STW_OK)
		return e;
	stw_buf b = STW_BUF_INIT;
	size_t n = stw_list_ncols(l);
	size_t lens[MAX_COLS];
	for (size_t i = 0; i < n; i++)
		lens[i] = strlen(l->names[i]);
	if (header)
		stw_csv_put_row(&b, (const char *const *)l->names, lens, n, ',', false);
	*rows = 0;
	const char *const *v;
	int got;
	while ((got = stw_list_next(l, &v, err)) == 1) {
		for (size_t i = 0; i < n; i++)
			lens[i] = strlen(v[i]);
		stw_csv_put_row(&b, v, lens, n, ',', guard);
		(*rows)++;
		if (b.len > (1 << 20)) {
			stw_outfile_write(out, b.data, b.len);
			stw_buf_reset(&b);
		}
	}
	stw_outfile_write(out, b.data, b.len);
	stw_buf_free(&b);
	if (got < 0)
		e = err ? err->code : STW_EDB;
	stw_list_close(l);
	return e;
}
