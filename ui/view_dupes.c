/*
 * Duplicates: the cluster queue on the left, the selected cluster on the
 * right with one column per record and one row per field, cells that differ
 * highlighted, the golden record that accepting would write (survivorship
 * plus the steward's picks), and a "why" line: how the selected record
 * compares with the first one, field by field.
 *
 * In 80 columns the queue gives its room to the records while the detail has
 * the focus; the columns scroll sideways when more records than fit.
 */
#include "app.h"
#include "profile.h"
#include "term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIELD_W 17 /* field names column */
#define GOLD_W  18

static int
queue_width(const struct ui_app *a)
{
	int cols = a->st.cols;
	if (a->st.detail && cols < 120)
		return 0;
	int w = cols * 2 / 5;
	return w > 44 ? 44 : w;
}

static void
golden_load(struct ui_app *a)
{
	/* Survivorship reads the whole cluster: only for the focused detail,
	 * and again only when the cluster or the picks change. */
	if (!a->detail || !a->st.detail) {
		if (a->have_golden)
			stw_golden_free(&a->golden);
		a->have_golden = false;
		a->golden_for = 0;
		a->golden_err[0] = '\0';
		return;
	}
	if (a->golden_for == a->detail->id && !a->golden_dirty)
		return;
	a->golden_for = a->detail->id;
	a->golden_dirty = false;
	if (a->have_golden) {
		stw_golden_free(&a->golden);
		a->have_golden = false;
	}
	a->golden_err[0] = '\0';
	if (!a->detail)
		return;
	stw_accept_opts o = {0};
	o.rules = a->rules;
	if (a->picks.cluster == a->detail->id) {
		o.master = a->picks.master;
		o.choices = a->picks.c;
		o.nchoices = a->picks.n;
	}
	stw_error err;
	if (stw_decide_golden(a->ws, a->detail->id, &o, &a->golden, &err) == STW_OK)
		a->have_golden = true;
	else
		snprintf(a->golden_err, sizeof a->golden_err, "%s", err.msg);
}

static void
dupes_load(struct ui_app *a)
{
	struct ui_state *s = &a->st;
	struct ui_list *q = &s->list[UI_DUPES];
	int page = s->rows - 6;
	if (page < 1)
		page = 1;
	if (a->count_filter != s->filter) {
		/* The header counts have most queues' sizes already (each is a
		 * scan of the clusters on a big workspace). */
		const stw_view_counts *c = &a->counts;
		switch (s->filter) {
		case STW_VIEW_ALL: a->queue_count = c->clusters; break;
		case STW_VIEW_OPEN: a->queue_count = c->open; break;
		case STW_VIEW_DEFERRED: a->queue_count = c->deferred; break;
		default: a->queue_count = stw_view_cluster_count(a->ws, s->filter); break;
		}
		a->count_filter = s->filter;
	}
	ui_list_set_count(q, a->queue_count);
	ui_list_set_page(q, page);
	stw_view_clusters_free(&a->queue);
	stw_error err;
	if (stw_view_cluster_page(a->ws, s->filter, s->sort, q->top, page, a->queue_count,
	                          &a->queue, &err) != STW_OK)
		ui_status(s, true, "%s", err.msg);
	int64_t want = 0;
	int64_t i = q->cur - q->top;
	if (i >= 0 && (size_t)i < a->queue.n)
		want = a->queue.rows[i].id;
	{ /* decisions change it: always read it afresh */
		stw_view_cluster_detail_free(a->detail);
		a->detail = NULL;
		if (want && stw_view_cluster_get(a->ws, want, &a->detail, &err) != STW_OK)
			ui_status(s, true, "%s", err.msg);
	}
	if (!a->detail) {
		ui_state_set_detail(s, 0, 0);
		s->detail = false;
		if (a->have_golden)
			stw_golden_free(&a->golden);
		a->have_golden = false;
		return;
	}
	if (a->picks.cluster && a->picks.cluster != a->detail->id)
		ui_picks_clear(&a->picks);
	int avail = s->cols - queue_width(a) - 1 - FIELD_W - GOLD_W;
	int colw = avail / (int)(a->detail->nrec ? a->detail->nrec : 1);
	s->col_fit = colw >= 14 ? (int)a->detail->nrec : avail / 14;
	if (s->col_fit < 1)
		s->col_fit = 1;
	ui_state_set_detail(s, (int)a->detail->nrec, (int)a->detail->nfield);
	golden_load(a);
}

/* The golden value of field, or NULL; *from receives where it came from. */
static const char *
golden_value(const struct ui_app *a, const char *field, int64_t *from, const char **why)
{
	*from = -1;
	*why = NULL;
	if (!a->have_golden)
		return NULL;
	const char *const *fields = stw_fields_of(a->detail->entity);
	for (int i = 0; fields && fields[i] && i < a->golden.nfields; i++)
		if (strcmp(fields[i], field) == 0) {
			*from = a->golden.from[i];
			*why = a->golden.why[i];
			return a->golden.value[i];
		}
	return NULL;
}

static void
queue_draw(struct ui_app *a, int top, int height, int width)
{
	struct ui_state *s = &a->st;
	struct ui_list *q = &s->list[UI_DUPES];
	ui_putf(a, top, 0, width, ui_attr(a, UI_R_HEAD), "%lld %s clusters · by %s",
	        (long long)q->n, stw_view_filter_name(s->filter), stw_view_sort_name(s->sort));
	ui_putf(a, top + 1, 0, width, ui_attr(a, UI_R_DIM), "%6s %3s %5s  %-s", "id", "n", "score",
	        "name");
	for (size_t i = 0; i < a->queue.n && (int)i < height - 2; i++) {
		const stw_view_cluster *c = &a->queue.rows[i];
		bool sel = q->top + (int64_t)i == q->cur;
		int attr = sel ? ui_attr(a, s->detail ? UI_R_HEAD : UI_R_SELECT) : (int)A_NORMAL;
		char head[48];
		snprintf(head, sizeof head, "%6lld %3d %5.3f%s ", (long long)c->id, c->size, c->score,
		         c->flagged ? "!" : " ");
		int hw = (int)strlen(head);
		ui_put(a, top + 2 + (int)i, 0, hw, head, attr);
		/* The status column only when the filter mixes statuses. */
		int stw = s->filter == 0 || s->filter == 4 ? 9 : 0;
		int namew = width - hw - stw;
		ui_put_field(a, top + 2 + (int)i, hw, namew, "full_name", c->name, attr);
		if (stw)
			ui_put(a, top + 2 + (int)i, hw + namew, stw, c->status, attr);
	}
	if (q->n == 0)
		ui_put(a, top + 3, 1, width - 1,
		       s->filter == 1 ? "No open clusters. f: other filters; M on the Dashboard: match."
		                      : "No clusters here (f: other filters).", A_NORMAL);
}

static void
why_draw(struct ui_app *a, int y, int x, int width)
{
	const stw_view_cluster_detail *d = a->detail;
	if (d->nrec < 2)
		return;
	int col = a->st.col;
	int64_t other = d->rec[col == 0 ? 1 : col];
	int64_t base = d->rec[0];
	const stw_view_pair *p = stw_view_cluster_pair(d, base, other);
	stw_buf line = STW_BUF_INIT;
	stw_buf_printf(&line, "why #%lld~#%lld: ", (long long)base, (long long)other);
	/* Each comparison's level and weight, as 'steward explain' gives them:
	 * a few indexed lookups with the parameters the match stored, explained
	 * once per pair shown. */
	if (a->why_a != base || a->why_b != other) {
		stw_explain_free(a->why);
		a->why = NULL;
		a->why_a = base;
		a->why_b = other;
		stw_error err;
		if (stw_match_explain_stored(a->ws, a->rules, base, other, &a->why, &err) != STW_OK)
			a->why = NULL;
	}
	const stw_explain *ex = a->why;
	if (ex) {
		stw_buf_printf(&line, "p=%.3f w=%+.1f ", ex->prob, ex->total - ex->prior);
		for (size_t i = 0; i < ex->n; i++)
			stw_buf_printf(&line, " %s=%s(%+.1f)", ex->f[i].name, ex->f[i].level,
			               ex->f[i].weight);
	} else if (p) {
		/* Nothing stored for these rules (matched with others?): the
		 * stored levels. */
		stw_buf_printf(&line, "p=%.3f w=%.1f  %s", p->prob, p->weight, p->levels);
	} else {
		stw_buf_adds(&line, "no stored pair (linked through the others)");
	}
	/* Two lines: the why text wraps once. */
	ui_put(a, y, x, width, line.data, ui_attr(a, UI_R_DIM));
	stw_buf_free(&line);
}

static void
detail_draw(struct ui_app *a, int top, int height, int x0, int width)
{
	struct ui_state *s = &a->st;
	const stw_view_cluster_detail *d = a->detail;
	if (!d)
		return;
	bool split = s->mode == UI_MODE_SPLIT;
	ui_putf(a, top, x0, width, ui_attr(a, UI_R_HEAD), "Cluster %lld · %s · %zu records · %.3f%s%s",
	        (long long)d->id, d->status, d->nrec, d->score, d->flagged ? " · weak chain" : "",
	        split ? " · SPLIT: pick records" : "");
	int nshow = s->col_fit < (int)d->nrec ? s->col_fit : (int)d->nrec;
	int avail = width - FIELD_W - GOLD_W;
	int colw = nshow ? avail / nshow : avail;
	if (colw < 6)
		colw = 6;
	int64_t master = a->have_golden ? a->golden.master : 0;
	/* Column headings: record ids, the master starred, split picks marked. */
	int y = top + 1;
	ui_put(a, y, x0, FIELD_W, s->col_first > 0 ? "◀ field" : "field", ui_attr(a, UI_R_DIM));
	for (int c = 0; c < nshow; c++) {
		int r = s->col_first + c;
		bool picked = split && (s->split_mask & ((uint64_t)1 << r));
		char head[64];
		snprintf(head, sizeof head, "%s#%lld%s", picked ? "[x]" : split ? "[ ]" : "",
		         (long long)d->rec[r], d->rec[r] == master ? " ★" : "");
		int attr = ui_attr(a, UI_R_HEAD);
		if (s->detail && r == s->col)
			attr = ui_attr(a, UI_R_SELECT);
		ui_put(a, y, x0 + FIELD_W + c * colw, colw - 1, head, attr);
	}
	bool more = s->col_first + nshow < (int)d->nrec;
	ui_put(a, y, x0 + FIELD_W + nshow * colw, GOLD_W,
	       s->detail ? (more ? "▶ golden" : "golden") : (more ? "▶ golden: Enter" : "golden: Enter"),
	       ui_attr(a, UI_R_GOLD));
	y++;
	ui_put(a, y, x0, FIELD_W, "source", ui_attr(a, UI_R_DIM));
	for (int c = 0; c < nshow; c++)
		ui_put(a, y, x0 + FIELD_W + c * colw, colw - 1, d->source[s->col_first + c],
		       ui_attr(a, UI_R_DIM));
	y++;
	/* Field rows, scrolled to keep the selected one visible. */
	int rows = height - 5;
	if (rows < 1)
		rows = 1;
	int first = s->field >= rows ? s->field - rows + 1 : 0;
	for (int f = first; f < (int)d->nfield && y < top + 3 + rows; f++, y++) {
		bool selrow = s->detail && f == s->field;
		ui_put(a, y, x0, FIELD_W - 1, d->field[f], selrow ? A_BOLD | A_UNDERLINE : (int)A_NORMAL);
		int64_t from;
		const char *why;
		const char *gv = golden_value(a, d->field[f], &from, &why);
		for (int c = 0; c < nshow; c++) {
			int r = s->col_first + c;
			const char *v = d->value[f * d->nrec + r];
			int attr = A_NORMAL;
			if (d->differs[f] && v)
				attr = ui_attr(a, UI_R_DIFF);
			if (selrow && r == s->col)
				attr = ui_attr(a, UI_R_SELECT);
			ui_put_field(a, y, x0 + FIELD_W + c * colw, colw - 1, d->field[f], v ? v : "·",
			             attr);
		}
		char mark[8] = "";
		if (why && (strcmp(why, "pick") == 0 || strcmp(why, "set") == 0))
			snprintf(mark, sizeof mark, "✎ ");
		ui_put(a, y, x0 + FIELD_W + nshow * colw, 2, mark, ui_attr(a, UI_R_GOLD));
		ui_put_field(a, y, x0 + FIELD_W + nshow * colw + 2, GOLD_W - 2, d->field[f],
		             gv ? gv : "", ui_attr(a, UI_R_GOLD));
	}
	if (!a->have_golden && a->golden_err[0])
		ui_put(a, top + height - 2, x0, width, a->golden_err, ui_attr(a, UI_R_ERROR));
	why_draw(a, top + height - 1, x0, width);
}

static void
dupes_draw(struct ui_app *a, int top, int height)
{
	int qw = queue_width(a);
	if (qw > 0) {
		queue_draw(a, top, height, qw);
		attrset(ui_attr(a, UI_R_DIM));
		mvvline(top, qw, ACS_VLINE, height);
		attrset(A_NORMAL);
	}
	int x0 = qw > 0 ? qw + 1 : 0;
	detail_draw(a, top, height, x0, a->st.cols - x0);
}

static void
dupes_click(struct ui_app *a, int y, int x, int top)
{
	struct ui_state *s = &a->st;
	int qw = queue_width(a);
	if (x < qw) {
		int64_t row = y - top - 2;
		if (row >= 0 && (size_t)row < a->queue.n) {
			ui_list_set(&s->list[UI_DUPES], s->list[UI_DUPES].top + row);
			s->detail = false;
			s->field = s->col = s->col_first = 0;
		}
		return;
	}
	if (!a->detail)
		return;
	int x0 = qw > 0 ? qw + 1 : 0;
	int row = y - top - 3;
	int nshow = s->col_fit < (int)a->detail->nrec ? s->col_fit : (int)a->detail->nrec;
	int colw = nshow ? (s->cols - x0 - FIELD_W - GOLD_W) / nshow : 1;
	int rows = s->rows - 4 - 5;
	int first = s->field >= rows ? s->field - rows + 1 : 0;
	s->detail = true;
	if (row >= 0 && first + row < (int)a->detail->nfield)
		s->field = first + row;
	int c = colw > 0 ? (x - x0 - FIELD_W) / colw : -1;
	if (x - x0 >= FIELD_W && c >= 0 && c < nshow) {
		s->col = s->col_first + c;
		ui_state_set_detail(s, s->ncols, s->nfields);
	}
}

const struct ui_view ui_view_dupes = {
	.name = "Duplicates",
	.load = dupes_load,
	.draw = dupes_draw,
	.click = dupes_click,
};
