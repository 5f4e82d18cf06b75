/*
 * Log: the audit trail, newest first, filtered by action (f) and steward
 * (w). The selected entry's before, after and reason are shown in full at
 * the bottom.
 */
#include "app.h"
#include "term.h"

#include <stdio.h>
#include <stdlib.h>

static void
free_list(char **v)
{
	for (int i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

static int
count(char **v)
{
	int n = 0;
	while (v && v[n])
		n++;
	return n;
}

static const char *
nth(char **v, int i)
{
	return i > 0 && i <= count(v) ? v[i - 1] : NULL;
}

static void
log_load(struct ui_app *a)
{
	struct ui_state *s = &a->st;
	if (!a->actions || a->counts_stale || s->nactions == 0) {
		free_list(a->actions);
		free_list(a->stewards);
		a->actions = stw_view_log_distinct(a->ws, "action");
		a->stewards = stw_view_log_distinct(a->ws, "steward");
	}
	s->nactions = count(a->actions);
	s->nstewards = count(a->stewards);
	const char *act = nth(a->actions, s->log_action);
	const char *who = nth(a->stewards, s->log_steward);
	struct ui_list *l = &s->list[UI_LOG];
	int page = s->rows - 9;
	ui_list_set_count(l, stw_view_log_count(a->ws, act, who));
	ui_list_set_page(l, page);
	stw_view_log_free(&a->log);
	stw_error err;
	if (stw_view_log_page(a->ws, act, who, l->top, page, &a->log, &err) != STW_OK)
		ui_status(s, true, "%s", err.msg);
}

static void
log_draw(struct ui_app *a, int top, int height)
{
	struct ui_state *s = &a->st;
	struct ui_list *l = &s->list[UI_LOG];
	int cols = s->cols;
	const char *act = nth(a->actions, s->log_action);
	const char *who = nth(a->stewards, s->log_steward);
	ui_putf(a, top, 0, cols, ui_attr(a, UI_R_HEAD), "Audit trail: %lld entr%s · action: %s · steward: %s",
	        (long long)l->n, l->n == 1 ? "y" : "ies", act ? act : "any", who ? who : "any");
	int y = top + 1;
	int h = ui_attr(a, UI_R_DIM);
	int wsubj = cols >= 100 ? 18 : 14;
	ui_putf(a, y, 0, cols, h, "%6s %-20s %-10s %-9s %-*s %s", "#", "when (UTC)", "steward",
	        "action", wsubj, "subject", "reason");
	for (size_t i = 0; i < a->log.n && (int)i < height - 6; i++) {
		const stw_view_log_entry *e = &a->log.rows[i];
		bool sel = l->top + (int64_t)i == l->cur;
		int attr = sel ? ui_attr(a, UI_R_SELECT) : (int)A_NORMAL;
		y = top + 2 + (int)i;
		ui_fill(y, 0, cols, attr);
		ui_putf(a, y, 0, 7, attr, "%6lld", (long long)e->seq);
		ui_put(a, y, 7, 21, e->ts, attr);
		ui_put(a, y, 28, 10, e->steward, attr);
		ui_put(a, y, 39, 9, e->action, attr);
		ui_put(a, y, 49, wsubj, e->subject, attr);
		ui_put_field(a, y, 50 + wsubj, cols - 50 - wsubj, NULL, e->reason,
		             attr);
	}
	int64_t i = l->cur - l->top;
	if (i < 0 || (size_t)i >= a->log.n)
		return;
	const stw_view_log_entry *e = &a->log.rows[i];
	int by = top + height - 3;
	mvhline(by - 1, 0, ACS_HLINE, cols);
	/* Before and after are JSON of the values: masked as free text. */
	ui_put(a, by, 0, 8, "before", ui_attr(a, UI_R_DIM));
	ui_put_field(a, by, 8, cols - 8, NULL, e->before ? e->before : "", A_NORMAL);
	ui_put(a, by + 1, 0, 8, "after", ui_attr(a, UI_R_DIM));
	ui_put_field(a, by + 1, 8, cols - 8, NULL, e->after ? e->after : "", A_NORMAL);
	ui_put(a, by + 2, 0, 8, "reason", ui_attr(a, UI_R_DIM));
	ui_put_field(a, by + 2, 8, cols - 8, NULL, e->reason ? e->reason : "", A_NORMAL);
}

static void
log_click(struct ui_app *a, int y, int x, int top)
{
	struct ui_list *l = &a->st.list[UI_LOG];
	int64_t row = y - top - 2;
	if (row >= 0 && (size_t)row < a->log.n)
		ui_list_set(l, l->top + row);
}

const struct ui_view ui_view_log = {
	.name = "Log",
	.load = log_load,
	.draw = log_draw,
	.click = log_click,
};
