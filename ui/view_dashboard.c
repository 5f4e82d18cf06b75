/*
 * Dashboard: the state of the workspace at a glance, as horizontal bars:
 * review progress (clusters decided out of all), then per entity the
 * quality profile's figures (required fields filled, valid values, exact
 * duplicates, stale records) with its overall score, and the records
 * without findings.
 *
 * The profile reads every active record, which takes seconds on a million
 * of them, so its figures are stored in the workspace (quality_cache.h) and
 * computed again only when the data changed: unasked on a workspace of up
 * to UI_QUALITY_AUTO records (with "Computing…" on the message line while
 * it runs), on P above that, where until then the figures of the older data
 * are shown marked as such. `steward profile` stores its figures the same
 * way. The first screen is never held up by it.
 */
#include "app.h"
#include "term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Above this many active records the profile waits for P. */
#define UI_QUALITY_AUTO 50000

void
ui_quality_load(struct ui_app *a, bool force)
{
	if (!a->quality_check && !force)
		return;
	a->quality_check = false;
	char *key = stw_qsum_key(a->ws, a->rules);
	stw_qsum found;
	if (!force && stw_qsum_get(a->ws, key, &found)) {
		a->quality = found;
		a->quality_state = UI_Q_READY;
		free(key);
		return;
	}
	if (!force && a->counts.records > UI_QUALITY_AUTO) {
		if (a->quality_state == UI_Q_READY)
			a->quality_state = UI_Q_OLD;
		free(key);
		return;
	}
	if (!a->headless) {
		int rows, cols;
		ui_size(&rows, &cols);
		ui_fill(rows - 2, 0, cols, ui_attr(a, UI_R_TITLE));
		ui_putf(a, rows - 2, 0, cols, ui_attr(a, UI_R_TITLE),
		        " Computing the quality profile of %lld records…",
		        (long long)a->counts.records);
		refresh();
	}
	stw_error err;
	if (stw_qsum_build(a->ws, a->rules, key, &found, &err) == STW_OK) {
		a->quality = found;
		a->quality_state = UI_Q_READY;
	} else {
		a->quality_state = UI_Q_FAILED;
		ui_status(&a->st, true, "quality profile: %s", err.msg);
	}
	free(key);
}

static void
dashboard_load(struct ui_app *a)
{
	ui_quality_load(a, false);
}

/* One bar: label, bar, the number (a percentage unless given) and a comment. */
static void
figure_n(struct ui_app *a, int y, const char *label, double share, const char *number,
         const char *text)
{
	int cols = a->st.cols;
	int bw = cols - 28 - 34;
	if (bw < 10)
		bw = 10;
	char pct[16];
	if (!number) {
		snprintf(pct, sizeof pct, "%5.1f%%", share * 100);
		number = pct;
	}
	ui_put(a, y, 2, 25, label, A_NORMAL); /* a blank column before the bar */
	ui_bar(a, y, 28, bw, share);
	ui_putf(a, y, 29 + bw, cols - 29 - bw, A_NORMAL, "%s  %s", number, text);
}

static void
figure(struct ui_app *a, int y, const char *label, double share, const char *text)
{
	figure_n(a, y, label, share, NULL, text);
}

static double
share(int64_t part, int64_t whole)
{
	return whole > 0 ? (double)part / (double)whole : 0;
}

/* The figures of one entity: five rows. */
static int
entity_draw(struct ui_app *a, int y, const stw_qsum_entity *e)
{
	char label[64], number[16], text[96];
	bool company = strcmp(e->entity, "company") == 0;
	snprintf(label, sizeof label, "%s: %lld records", company ? "Companies" : "Contacts",
	         (long long)e->records);
	snprintf(number, sizeof number, "%5.1f", e->score);
	figure_n(a, y++, label, e->score / 100, number, "overall score, of 100");
	figure(a, y++, "  required fields filled", e->completeness, "");
	figure(a, y++, "  valid values", e->validity, "of the filled ones");
	double dup = e->email_with + e->phone_with > 0
		? (e->dup_email * (double)e->email_with + e->dup_phone * (double)e->phone_with) /
		  (double)(e->email_with + e->phone_with) : 0;
	if (e->email_with && e->phone_with)
		snprintf(text, sizeof text, "email %.1f%%, phone %.1f%%", e->dup_email * 100,
		         e->dup_phone * 100);
	else
		snprintf(text, sizeof text, "%s %.1f%%", e->email_with ? "email" : "phone",
		         (e->email_with ? e->dup_email : e->dup_phone) * 100);
	figure(a, y++, "  exact duplicates", dup, text);
	figure(a, y++, "  stale", e->stale, "by the staleness rule");
	return y;
}

static void
quality_draw(struct ui_app *a, int y, int last)
{
	const struct ui_state *s = &a->st;
	int head = ui_attr(a, UI_R_HEAD);
	switch (a->quality_state) {
	case UI_Q_READY:
	case UI_Q_OLD:
		ui_putf(a, y++, 0, s->cols, head, "Quality on %s%s", a->quality.today,
		        a->quality_state == UI_Q_OLD ? ", before the latest changes (P updates it)"
		                                     : " ('steward profile' has the details)");
		for (int i = 0; i < a->quality.n && y + 5 <= last; i++)
			y = entity_draw(a, y, &a->quality.e[i]);
		break;
	case UI_Q_NONE:
		ui_put(a, y++, 0, s->cols, "Quality", head);
		ui_putf(a, y++, 2, s->cols - 2, A_NORMAL,
		        "The quality profile reads all %lld records, minutes on a million:",
		        (long long)a->counts.records);
		ui_put(a, y++, 2, s->cols - 2,
		       "press P to compute it, or run 'steward profile' on this workspace.", A_NORMAL);
		ui_put(a, y++, 2, s->cols - 2,
		       "Either way the figures are kept here until the data changes.", A_NORMAL);
		break;
	case UI_Q_FAILED:
		ui_put(a, y++, 0, s->cols, "Quality", head);
		ui_put(a, y++, 2, s->cols - 2, "The quality profile failed (see the message line); "
		       "P tries again.", A_NORMAL);
		break;
	}
}

static void
dashboard_draw(struct ui_app *a, int top, int height)
{
	const stw_view_counts *c = &a->counts;
	char text[96];
	int y = top + 1;
	int last = top + height - 1;
	ui_put(a, y++, 0, a->st.cols, "Review", ui_attr(a, UI_R_HEAD));
	snprintf(text, sizeof text, "%lld of %lld clusters", (long long)c->decided,
	         (long long)c->clusters);
	figure(a, y++, "Clusters decided", share(c->decided, c->clusters), text);
	snprintf(text, sizeof text, "%lld open, %lld deferred", (long long)c->open,
	         (long long)c->deferred);
	figure(a, y++, "Still to review", share(c->open + c->deferred, c->clusters), text);
	snprintf(text, sizeof text, "%lld of %lld records",
	         (long long)(c->records - c->incomplete), (long long)c->records);
	figure(a, y++, "Records without findings", share(c->records - c->incomplete, c->records),
	       text);
	y++;
	/* The three last rows: a blank one, fixes and audit, keys. */
	quality_draw(a, y, last - 2);
	ui_putf(a, last - 1, 2, a->st.cols - 2, A_NORMAL, "%lld fixes proposed (3 Incomplete).  "
	        "Audit trail: %lld entries (4 Log).", (long long)c->proposals, (long long)c->audit);
	ui_put(a, last, 2, a->st.cols - 2, "Enter: review the duplicates.  M: match again.  "
	       "P: profile.  I: import a CSV.", A_NORMAL);
}

const struct ui_view ui_view_dashboard = {
	.name = "Dashboard",
	.load = dashboard_load,
	.draw = dashboard_draw,
	.click = NULL,
};
