/*
 * Dashboard: the state of the workspace at a glance, as horizontal bars:
 * review progress (clusters decided out of all), records without findings,
 * open fixes, and the audit trail's length.
 */
#include "app.h"
#include "term.h"

#include <stdio.h>

static void
dashboard_load(struct ui_app *a)
{
	(void)a;
}

static void
figure(struct ui_app *a, int y, const char *label, double share, const char *text)
{
	int cols = a->st.cols;
	int bw = cols - 28 - 34;
	if (bw < 10)
		bw = 10;
	ui_put(a, y, 2, 26, label, A_NORMAL);
	ui_bar(a, y, 28, bw, share);
	ui_putf(a, y, 29 + bw, cols - 29 - bw, A_NORMAL, "%5.1f%%  %s", share * 100, text);
}

static void
dashboard_draw(struct ui_app *a, int top, int height)
{
	const stw_view_counts *c = &a->counts;
	char text[96];
	int y = top + 1;
	ui_put(a, y++, 0, a->st.cols, "Review", ui_attr(a, UI_R_HEAD));
	snprintf(text, sizeof text, "%lld of %lld clusters", (long long)c->decided,
	         (long long)c->clusters);
	figure(a, y++, "Clusters decided", c->clusters ? (double)c->decided / (double)c->clusters : 0,
	       text);
	snprintf(text, sizeof text, "%lld open, %lld deferred", (long long)c->open,
	         (long long)c->deferred);
	figure(a, y++, "Still to review", c->clusters ? (double)(c->open + c->deferred) /
	                                                    (double)c->clusters : 0, text);
	y++;
	ui_put(a, y++, 0, a->st.cols, "Quality", ui_attr(a, UI_R_HEAD));
	snprintf(text, sizeof text, "%lld of %lld records", (long long)(c->records - c->incomplete),
	         (long long)c->records);
	figure(a, y++, "Records without findings",
	       c->records ? (double)(c->records - c->incomplete) / (double)c->records : 0, text);
	snprintf(text, sizeof text, "%lld findings", (long long)c->findings);
	figure(a, y++, "Records with findings",
	       c->records ? (double)c->incomplete / (double)c->records : 0, text);
	ui_putf(a, y++, 2, a->st.cols - 2, A_NORMAL, "%lld fixes proposed (Incomplete, 3)",
	        (long long)c->proposals);
	y++;
	ui_putf(a, y++, 2, a->st.cols - 2, A_NORMAL, "Audit trail: %lld entries.  Enter: review the "
	        "duplicates.  M: match again.", (long long)c->audit);
	(void)height;
}

const struct ui_view ui_view_dashboard = {
	.name = "Dashboard",
	.load = dashboard_load,
	.draw = dashboard_draw,
	.click = NULL,
};
