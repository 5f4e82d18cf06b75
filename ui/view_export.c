/*
 * Export: the folder, what will be written, and the result of the last run.
 */
#include "app.h"
#include "term.h"

#include <stdio.h>

static void
export_load(struct ui_app *a)
{
	(void)a;
}

static void
export_draw(struct ui_app *a, int top, int height)
{
	int cols = a->st.cols;
	const stw_view_counts *c = &a->counts;
	int y = top + 1;
	ui_put(a, y++, 0, cols, "Export for re-import into the CRM", ui_attr(a, UI_R_HEAD));
	ui_put(a, y, 2, 8, "Folder", A_BOLD);
	ui_put(a, y++, 10, cols - 10, a->st.export_dir, A_UNDERLINE);
	y++;
	ui_put(a, y++, 2, cols - 2, "What will be written:", A_NORMAL);
	ui_putf(a, y++, 4, cols - 4, A_NORMAL,
	        "records: %lld active records with the original headers and columns",
	        (long long)c->records);
	ui_putf(a, y++, 4, cols - 4, A_NORMAL,
	        "with the decisions so far: %lld clusters decided, %lld audit entries",
	        (long long)c->decided, (long long)c->audit);
	ui_put(a, y++, 4, cols - 4, "the folder must be new or empty; nothing is half-written",
	       ui_attr(a, UI_R_DIM));
	y++;
	if (a->exported) {
		ui_put(a, y++, 2, cols - 2, "Written:", ui_attr(a, UI_R_OK));
		for (size_t i = 0; i < a->export_res.nfiles && y < top + height; i++)
			ui_putf(a, y++, 4, cols - 4, A_NORMAL, "%-40s %lld rows", a->export_res.files[i],
			        (long long)a->export_res.rows[i]);
	}
}

const struct ui_view ui_view_export = {
	.name = "Export",
	.load = export_load,
	.draw = export_draw,
	.click = NULL,
};
