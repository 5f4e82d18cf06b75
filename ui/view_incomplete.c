/*
 * Incomplete: records with findings, grouped by rule (missing required
 * field, invalid email, unparseable phone, stale, junk value, placeholder...)
 * and the standardization rules with open proposals. The rule groups run
 * along the top (Left/Right to change); below, one row per record with the
 * field, its current value, the proposed fix beside it and the message.
 */
#include "app.h"
#include "term.h"

#include <stdio.h>
#include <string.h>

static const stw_view_rule *
cur_rule(const struct ui_app *a)
{
	int r = a->st.rule;
	return r >= 0 && (size_t)r < a->rules_list.n ? &a->rules_list.rows[r] : NULL;
}

static void
incomplete_load(struct ui_app *a)
{
	struct ui_state *s = &a->st;
	stw_error err;
	if (!a->rules_list.rows) {
		/* A second on a million records when the data changed (the list
		 * is kept in the workspace until then): say so meanwhile. */
		if (!a->headless) {
			ui_fill(s->rows - 2, 0, s->cols, ui_attr(a, UI_R_TITLE));
			ui_put(a, s->rows - 2, 0, s->cols, " Counting the findings and fixes by rule…",
			       ui_attr(a, UI_R_TITLE));
			refresh();
		}
		if (stw_view_rule_list(a->ws, &a->rules_list, &err) != STW_OK)
			ui_status(s, true, "%s", err.msg);
	}
	s->nrules = (int)a->rules_list.n;
	if (s->rule >= s->nrules)
		s->rule = s->nrules > 0 ? s->nrules - 1 : 0;
	struct ui_list *l = &s->list[UI_INCOMPLETE];
	const stw_view_rule *r = cur_rule(a);
	stw_view_findings_free(&a->findings);
	if (!r) {
		ui_list_set_count(l, 0);
		return;
	}
	int page = s->rows - 7;
	if (a->count_rule != s->rule) {
		a->finding_count = r->rows; /* counted with the list */
		a->count_rule = s->rule;
	}
	ui_list_set_count(l, a->finding_count);
	ui_list_set_page(l, page);
	if (stw_view_finding_page(a->ws, r, l->top, page, &a->findings, &err) != STW_OK)
		ui_status(s, true, "%s", err.msg);
	/* An edit starts from the current value. */
	if (s->prompt_fill && s->mode == UI_MODE_PROMPT && s->prompt == UI_PROMPT_EDIT) {
		s->prompt_fill = false;
		int64_t i = l->cur - l->top;
		if (i >= 0 && (size_t)i < a->findings.n && a->findings.rows[i].value)
			ui_edit_set(&s->edit, a->findings.rows[i].value);
	}
}

static void
incomplete_draw(struct ui_app *a, int top, int height)
{
	struct ui_state *s = &a->st;
	int cols = s->cols;
	if (a->rules_list.n == 0) {
		ui_put(a, top + 1, 1, cols - 1, "No findings and no proposed fixes.", A_BOLD);
		ui_put(a, top + 2, 1, cols - 1,
		       "Validation and standardization fill this pane ('steward standardize').", A_NORMAL);
		return;
	}
	/* Rule tabs, scrolled so the selected one shows. */
	int x = 0;
	int start = 0;
	for (;;) {
		int w = 0;
		for (int i = start; i <= s->rule; i++)
			w += (int)strlen(a->rules_list.rows[i].rule) + 12;
		if (w < cols - 2 || start >= s->rule)
			break;
		start++;
	}
	if (start > 0)
		ui_put(a, top, x, 2, "◀ ", A_NORMAL), x += 2;
	for (int i = start; (size_t)i < a->rules_list.n && x < cols; i++) {
		const stw_view_rule *r = &a->rules_list.rows[i];
		char tab[160];
		snprintf(tab, sizeof tab, " %s%s %lld ", r->proposal ? "fix:" : "", r->rule,
		         (long long)r->records);
		int w = (int)strlen(tab);
		ui_put(a, top, x, w > cols - x ? cols - x : w, tab,
		       i == s->rule ? ui_attr(a, UI_R_SELECT) : ui_attr(a, UI_R_DIM));
		x += w + 1;
	}
	const stw_view_rule *r = cur_rule(a);
	struct ui_list *l = &s->list[UI_INCOMPLETE];
	ui_putf(a, top + 1, 0, cols, A_NORMAL, "%s %s: %lld row%s%s", r->proposal ? "Proposed fix" : "Rule",
	        r->rule, (long long)l->n, l->n == 1 ? "" : "s",
	        r->proposal ? "  (A applies them all)" : "");
	int wid = 8, wname = cols >= 100 ? 22 : 16, wfield = 11;
	int rest = cols - wid - wname - wfield - 3;
	int wval = rest * 2 / 5, wfix = rest / 3, wmsg = rest - wval - wfix;
	int y = top + 2;
	int h = ui_attr(a, UI_R_HEAD);
	ui_put(a, y, 0, wid, "record", h);
	ui_put(a, y, wid, wname, "name", h);
	ui_put(a, y, wid + wname + 1, wfield, "field", h);
	ui_put(a, y, wid + wname + wfield + 2, wval, "value", h);
	ui_put(a, y, wid + wname + wfield + 2 + wval, wfix, "→ proposed", h);
	ui_put(a, y, wid + wname + wfield + 2 + wval + wfix, wmsg, "why", h);
	for (size_t i = 0; i < a->findings.n && (int)i < height - 3; i++) {
		const stw_view_finding *f = &a->findings.rows[i];
		bool sel = l->top + (int64_t)i == l->cur;
		int attr = sel ? ui_attr(a, UI_R_SELECT) : (int)A_NORMAL;
		y = top + 3 + (int)i;
		ui_fill(y, 0, cols, attr);
		ui_putf(a, y, 0, wid, attr, "%lld", (long long)f->record);
		ui_put_field(a, y, wid, wname, "full_name", f->name, attr);
		ui_put(a, y, wid + wname + 1, wfield, f->field ? f->field : "(record)", attr);
		bool editing = sel && s->mode == UI_MODE_PROMPT && s->prompt == UI_PROMPT_EDIT;
		ui_put_field(a, y, wid + wname + wfield + 2, wval - 1, f->field,
		             editing ? "(editing below)" : f->value ? f->value : "·", attr);
		int fix = sel ? attr : ui_attr(a, UI_R_OK);
		ui_put_field(a, y, wid + wname + wfield + 2 + wval, wfix - 1, f->field,
		             f->proposal ? (f->proposed ? f->proposed : "(empty)") : "", fix);
		ui_put(a, y, wid + wname + wfield + 2 + wval + wfix, wmsg, f->message, attr);
	}
}

static void
incomplete_click(struct ui_app *a, int y, int x, int top)
{
	struct ui_list *l = &a->st.list[UI_INCOMPLETE];
	int64_t row = y - top - 3;
	if (row >= 0 && (size_t)row < a->findings.n)
		ui_list_set(l, l->top + row);
}

const struct ui_view ui_view_incomplete = {
	.name = "Incomplete",
	.load = incomplete_load,
	.draw = incomplete_draw,
	.click = incomplete_click,
};
