/*
 * Search results (/) and one record's fields (Enter on a result, or :r345),
 * drawn over the pane.
 */
#include "app.h"
#include "term.h"

#include <stdio.h>

void
ui_search_load(struct ui_app *a)
{
	stw_view_records_free(&a->results);
	stw_error err;
	if (stw_view_search(a->ws, a->st.edit.buf, 200, &a->results, &err) != STW_OK)
		ui_status(&a->st, true, "%s", err.msg);
	ui_list_set_count(&a->st.results, (int64_t)a->results.n);
	if (a->results.n == 0)
		ui_status(&a->st, false, "no record matches");
}

void
ui_record_load(struct ui_app *a, int64_t id)
{
	stw_view_record_detail_free(a->record);
	a->record = NULL;
	stw_error err;
	if (stw_view_record_get(a->ws, id, &a->record, &err) != STW_OK)
		ui_status(&a->st, true, "%s", err.msg);
}

void
ui_search_draw(struct ui_app *a)
{
	struct ui_list *l = &a->st.results;
	int rows = a->st.rows, cols = a->st.cols;
	int h = rows - 4, w = cols;
	ui_box(a, 2, 0, h, w, "Search");
	ui_list_set_page(l, h - 3);
	ui_putf(a, 3, 1, w - 2, ui_attr(a, UI_R_HEAD), "%zu record%s with \"%s\"%s", a->results.n,
	        a->results.n == 1 ? "" : "s", a->st.edit.buf, a->results.n >= 200 ? " (first 200)" : "");
	int wn = (w - 2 - 8 - 9) * 3 / 10, we = (w - 2 - 8 - 9) * 3 / 10;
	int wc = w - 2 - 8 - 9 - wn - we;
	for (int64_t i = l->top; i < (int64_t)a->results.n && i < l->top + l->page; i++) {
		const stw_view_record *r = &a->results.rows[i];
		int y = 4 + (int)(i - l->top);
		int attr = i == l->cur ? ui_attr(a, UI_R_SELECT) : (int)A_NORMAL;
		ui_putf(a, y, 1, 8, attr, "%lld", (long long)r->id);
		ui_put_field(a, y, 9, wn, "full_name", r->name, attr);
		ui_put_field(a, y, 9 + wn, we, "email", r->email, attr);
		ui_put(a, y, 9 + wn + we, wc, r->company ? r->company : r->city, attr);
		ui_put(a, y, w - 10, 9, r->status, attr);
	}
}

void
ui_record_draw(struct ui_app *a)
{
	const stw_view_record_detail *r = a->record;
	int rows = a->st.rows, cols = a->st.cols;
	int h = rows - 4;
	ui_box(a, 2, 0, h, cols, "Record");
	if (!r)
		return;
	char head[160];
	snprintf(head, sizeof head, "Record %lld · %s · %s · %s", (long long)r->id, r->entity,
	         r->status, r->source ? r->source : "");
	ui_put(a, 3, 1, cols - 2, head, ui_attr(a, UI_R_HEAD));
	int y = 4;
	if (r->cluster)
		ui_putf(a, y++, 1, cols - 2, A_NORMAL, "in cluster %lld (:c%lld jumps to it)",
		        (long long)r->cluster, (long long)r->cluster);
	if (r->master)
		ui_putf(a, y++, 1, cols - 2, A_NORMAL, "merged into record %lld", (long long)r->master);
	for (size_t i = 0; i < r->n && y < 2 + h - 1; i++, y++) {
		ui_put(a, y, 2, 18, r->field[i], ui_attr(a, UI_R_DIM));
		ui_put_field(a, y, 20, cols - 21, r->field[i], r->value[i], A_NORMAL);
	}
}
