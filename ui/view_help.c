/*
 * The help overlay (every key) and the demo's one-screen welcome.
 */
#include "app.h"
#include "term.h"

static const char *const help[] = {
	"Everywhere",
	"  1-5 Tab S-Tab  panes           / search records     : jump to c12 / r345",
	"  ↑↓ jk PgUp PgDn Home End g G   move                 u undo your last decision",
	"  ^L reload   mouse click: select   ? this help       q quit (all is saved)",
	"Duplicates: queue",
	"  Enter → l  open the cluster    a accept  r reject  x split  d defer",
	"  f filter open/deferred/flagged/decided/all          s sort score/size/id",
	"Duplicates: cluster",
	"  ↑↓ field  ←→ hl record  Enter v pick that value for the golden record",
	"  e type a value   m make the record the master   n p next/previous cluster",
	"  x split: ←→ record, Space pick, Enter split off   Esc back to the queue",
	"Incomplete",
	"  ←→ [ ] rule  e Enter edit the value  a apply the proposed fix",
	"  A apply every fix of the rule (asks first)   X purge the record (reason)",
	"  Editor: ←→ Home End ^A ^E  Backspace Del  ^U ^K ^W  Enter ok  Esc cancel",
	"Log: f action filter  w steward filter  c clear.   Export: e folder  Enter run",
	"Dashboard: Enter review  M match again  P profile  I, :import FILE  import CSV",
	NULL,
};

void
ui_help_draw(struct ui_app *a)
{
	int rows = a->st.rows, cols = a->st.cols;
	int n = 0;
	while (help[n])
		n++;
	int h = n + 2 < rows - 2 ? n + 2 : rows - 2;
	int w = cols < 80 ? cols : 80;
	int y0 = 2, x0 = (cols - w) / 2;
	ui_box(a, y0 - 1 < 1 ? 1 : y0 - 1, x0, h + 1, w, "Keys");
	for (int i = 0; i < n && i < h - 1; i++)
		ui_put(a, y0 + i, x0 + 1, w - 2, help[i],
		       help[i][0] != ' ' ? ui_attr(a, UI_R_HEAD) : (int)A_NORMAL);
}

static const char *const welcome[] = {
	"Welcome to Steward: a sample CRM export, imported and matched.",
	"",
	"1 Dashboard   quality figures and review progress, as bars",
	"2 Duplicates  clusters of likely duplicates: the records side by side,",
	"              differences highlighted, the golden record that accepting",
	"              writes. a accept, r reject, x split, d defer, u undo",
	"3 Incomplete  records failing validation, grouped by rule, with the",
	"              proposed fix: e edit, a apply, A apply the whole rule",
	"4 Log         every decision, who and when (hash-chained, append-only)",
	"5 Export      files your CRM can take back",
	"",
	"Every decision is saved as you make it; q quits at any time.",
	"This is a scratch copy: nothing you do here touches the sample files.",
	"", /* the line on the data (ui_app.note) */
	"",
	"Press any key to start, ? for every key.",
	NULL,
};

void
ui_welcome_draw(struct ui_app *a)
{
	int rows = a->st.rows, cols = a->st.cols;
	int n = 0;
	while (welcome[n])
		n++;
	int w = cols < 76 ? cols : 76;
	int h = n + 2 < rows - 3 ? n + 2 : rows - 3;
	int y0 = 2 + (rows - 4 - h) / 2, x0 = (cols - w) / 2;
	ui_box(a, y0, x0, h, w, "Steward demo");
	for (int i = 0; i < n && i < h - 2; i++) {
		const char *line = welcome[i];
		if (i == n - 3)
			line = a->note ? a->note : "";
		ui_put(a, y0 + 1 + i, x0 + 2, w - 4, line, i == 0 ? (int)A_BOLD : (int)A_NORMAL);
	}
}
