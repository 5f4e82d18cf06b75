/*
 * Carrying out the state machine's actions against the workspace, through
 * the decision module (decide.h) and the view queries. Every decision is
 * written as it is made; the message line says what happened.
 */
#include "app.h"
#include "export.h"
#include "import.h"
#include "match.h"
#include "standardize.h"
#include "term.h"

#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
ui_picks_clear(struct ui_picks *p)
{
	for (int i = 0; i < p->n; i++)
		free((char *)p->c[i].value);
	memset(p, 0, sizeof *p);
}

static int64_t
cur_cluster(const struct ui_app *a)
{
	return a->detail ? a->detail->id : 0;
}

static const stw_view_finding *
cur_finding(const struct ui_app *a)
{
	const struct ui_list *l = &a->st.list[UI_INCOMPLETE];
	int64_t i = l->cur - l->top;
	if (i < 0 || (size_t)i >= a->findings.n)
		return NULL;
	return &a->findings.rows[i];
}

static void
changed(struct ui_app *a)
{
	a->counts_stale = true;
	a->count_filter = -1;
	a->count_rule = -1;
	a->quality_check = true;
	a->golden_dirty = true;
	stw_explain_free(a->why);
	a->why = NULL;
	a->why_a = a->why_b = 0;
	stw_view_rules_free(&a->rules_list);
	a->rules_list.rows = NULL;
}

static bool
report(struct ui_app *a, stw_err e, const stw_error *err)
{
	if (e == STW_OK)
		return true;
	ui_status(&a->st, true, "%s", err->msg[0] ? err->msg : stw_strerror(e));
	return false;
}

static void
pick(struct ui_app *a, const char *field, int64_t record, const char *value)
{
	struct ui_picks *p = &a->picks;
	if (p->cluster != cur_cluster(a)) {
		ui_picks_clear(p);
		p->cluster = cur_cluster(a);
	}
	int i;
	for (i = 0; i < p->n; i++)
		if (strcmp(p->c[i].field, field) == 0)
			break;
	if (i == p->n) {
		if (p->n == UI_MAX_CHOICES)
			return;
		p->n++;
	} else {
		free((char *)p->c[i].value);
	}
	a->golden_dirty = true;
	p->c[i].field = field;
	p->c[i].record = record;
	p->c[i].value = value ? stw_xstrdup(value) : NULL;
}

static void
cluster_decision(struct ui_app *a, enum ui_act act)
{
	int64_t id = cur_cluster(a);
	if (!id)
		return;
	stw_error err;
	int64_t seq = 0;
	stw_err e;
	const char *done;
	/* The kept counts follow the decision instead of being counted again. */
	stw_view_track *t = stw_view_track_begin(a->ws);
	if (act == UI_A_ACCEPT) {
		stw_accept_opts o = {0};
		if (a->picks.cluster == id) {
			o.master = a->picks.master;
			o.choices = a->picks.c;
			o.nchoices = a->picks.n;
		}
		o.rules = a->rules;
		e = stw_decide_accept(a->ws, &a->who, id, &o, &seq, &err);
		done = "accepted: its records are merged";
	} else if (act == UI_A_REJECT) {
		e = stw_decide_reject(a->ws, &a->who, id, &seq, &err);
		done = "rejected: its records stay apart and are never proposed again";
	} else if (act == UI_A_DEFER) {
		e = stw_decide_defer(a->ws, &a->who, id, &seq, &err);
		done = "deferred";
	} else {
		int64_t recs[64];
		int n = 0;
		for (int i = 0; i < a->st.ncols && i < 64; i++)
			if (a->st.split_mask & ((uint64_t)1 << i))
				recs[n++] = a->detail->rec[i];
		e = stw_decide_split(a->ws, &a->who, id, recs, n, &seq, &err);
		done = "split";
		a->st.split_mask = 0;
	}
	stw_view_track_end(a->ws, t);
	if (!report(a, e, &err))
		return;
	ui_picks_clear(&a->picks);
	ui_status(&a->st, false, "cluster %lld %s (audit #%lld)", (long long)id, done,
	          (long long)seq);
	a->st.detail = false;
	a->st.field = a->st.col = a->st.col_first = 0;
	changed(a);
}

static void
undo(struct ui_app *a)
{
	stw_error err;
	int64_t undone = 0, seq = 0;
	stw_view_track *t = stw_view_track_begin(a->ws);
	stw_err e = stw_decide_undo(a->ws, &a->who, &undone, &seq, &err);
	stw_view_track_end(a->ws, t);
	if (e == STW_ENOENT) {
		ui_status(&a->st, true, "nothing of yours to undo");
		return;
	}
	if (!report(a, e, &err))
		return;
	ui_status(&a->st, false, "undid audit #%lld (audit #%lld)", (long long)undone,
	          (long long)seq);
	changed(a);
}

static void
edit_value(struct ui_app *a)
{
	const stw_view_finding *f = cur_finding(a);
	if (!f)
		return;
	if (!f->field) {
		ui_status(&a->st, true, "this finding is about the whole record: open it with / or :");
		return;
	}
	stw_error err;
	int64_t seq = 0;
	stw_view_track *t = stw_view_track_begin(a->ws);
	stw_err e = stw_decide_edit(a->ws, &a->who, f->record, f->field, a->st.edit.buf, &seq, &err);
	stw_view_track_end(a->ws, t);
	if (e == STW_EEXIST) {
		ui_status(&a->st, false, "unchanged");
		return;
	}
	if (!report(a, e, &err))
		return;
	int64_t rec = f->record;
	ui_status(&a->st, false, "record %lld changed (audit #%lld)", (long long)rec, (long long)seq);
	changed(a);
}

static void
apply(struct ui_app *a)
{
	const stw_view_finding *f = cur_finding(a);
	if (!f)
		return;
	if (!f->proposal) {
		ui_status(&a->st, true, "no fix is proposed here: press e to edit the value");
		return;
	}
	stw_error err;
	int64_t seq = 0;
	int64_t rec = f->record;
	stw_view_track *t = stw_view_track_begin(a->ws);
	stw_err e = stw_standardize_apply_id(a->ws, a->rules, a->steward, f->proposal, &seq, &err);
	stw_view_track_end(a->ws, t);
	if (!report(a, e, &err))
		return;
	ui_status(&a->st, false, "record %lld: fix applied (audit #%lld)", (long long)rec,
	          (long long)seq);
	changed(a);
}

static const stw_view_rule *
cur_rule(const struct ui_app *a)
{
	int r = a->st.rule;
	return r >= 0 && (size_t)r < a->rules_list.n ? &a->rules_list.rows[r] : NULL;
}

static void
apply_rule_ask(struct ui_app *a)
{
	const stw_view_rule *r = cur_rule(a);
	if (!r)
		return;
	if (!r->proposal) {
		ui_status(&a->st, true, "A applies a fix: group; %s is a check (←→ to the fixes)",
		          r->rule);
		return;
	}
	char q[200];
	int64_t n = r->rows;
	snprintf(q, sizeof q, "Apply all %lld fixes of %s? %lld record%s change", (long long)n,
	         r->rule, (long long)r->records, r->records == 1 ? "" : "s");
	ui_confirm(&a->st, UI_A_APPLY_RULE, q);
}

static void
apply_rule(struct ui_app *a)
{
	const stw_view_rule *r = cur_rule(a);
	if (!r || !r->proposal)
		return;
	stw_error err;
	int64_t applied = 0, records = 0, skipped = 0;
	char *rule = stw_xstrdup(r->rule);
	stw_err e = stw_standardize_apply_rule(a->ws, a->rules, a->steward, rule, &applied,
	                                       &records, &skipped, &err);
	if (report(a, e, &err)) {
		ui_status(&a->st, false, "%s: %lld fixes applied to %lld records%s", rule,
		          (long long)applied, (long long)records,
		          skipped ? " (some skipped: values changed since)" : "");
		changed(a);
	}
	free(rule);
}

static void
purge(struct ui_app *a)
{
	const stw_view_finding *f = cur_finding(a);
	if (!f)
		return;
	stw_error err;
	int64_t seq = 0;
	int64_t rec = f->record;
	stw_view_track *t = stw_view_track_begin(a->ws);
	stw_err e = stw_decide_purge(a->ws, &a->who, rec, a->st.edit.buf, &seq, &err);
	stw_view_track_end(a->ws, t);
	if (!report(a, e, &err))
		return;
	ui_status(&a->st, false, "record %lld purged (audit #%lld; u undoes it)", (long long)rec,
	          (long long)seq);
	changed(a);
}

static void
jump(struct ui_app *a)
{
	const char *t = a->st.edit.buf;
	while (*t == ' ')
		t++;
	bool record = false, cluster = false;
	if (*t == 'c' || *t == 'C')
		cluster = true, t++;
	else if (*t == 'r' || *t == 'R' || *t == '#')
		record = true, t++;
	char *end;
	long long id = strtoll(t, &end, 10);
	if (end == t || *end || id <= 0) {
		ui_status(&a->st, true, "type c12 for a cluster, r345 for a record, or a number");
		return;
	}
	if (!record && stw_view_cluster_exists(a->ws, id)) {
		int64_t pos = stw_view_cluster_position(a->ws, a->st.filter, a->st.sort, id);
		if (pos < 0) {
			/* Not in the current queue: show every cluster. */
			a->st.filter = STW_VIEW_ALL;
			pos = stw_view_cluster_position(a->ws, a->st.filter, a->st.sort, id);
		}
		a->st.pane = UI_DUPES;
		a->st.mode = UI_MODE_NORMAL;
		a->st.detail = true;
		a->st.list[UI_DUPES].n = pos + 1 > a->st.list[UI_DUPES].n ? pos + 1
		                                                          : a->st.list[UI_DUPES].n;
		ui_list_set(&a->st.list[UI_DUPES], pos);
		a->st.field = a->st.col = a->st.col_first = 0;
		return;
	}
	if (!cluster && stw_view_record_exists(a->ws, id)) {
		stw_view_records_free(&a->results);
		ui_record_load(a, id);
		a->st.mode = UI_MODE_RECORD;
		return;
	}
	ui_status(&a->st, true, "no %s %lld", cluster ? "cluster" : record ? "record" : "cluster or record",
	          id);
}

static void
run_export(struct ui_app *a)
{
	stw_error err;
	stw_export_opts o = {.force = false};
	memset(&a->export_res, 0, sizeof a->export_res);
	a->exported = false;
	if (!report(a, stw_export(a->ws, a->st.export_dir, &o, &a->export_res, &err), &err))
		return;
	a->exported = true;
	ui_status(&a->st, false, "exported %zu file%s to %s", a->export_res.nfiles,
	          a->export_res.nfiles == 1 ? "" : "s", a->st.export_dir);
}

/* ---- Long work with a progress bar: matching, importing ---- */

/* Set by SIGINT (Ctrl-C) or Esc while a match or an import runs; read by
 * the work between batches. */
static volatile int work_cancel;

static void
on_sigint(int sig)
{
	(void)sig;
	work_cancel = 1;
}

/* The last share drawn, in thousandths: the bar is drawn again only when it
 * moves, and the keys are read at every call. */
static int bar_drawn;

/* Draws title and the bar at share (0..1) on the two bottom lines when it
 * moved; hint follows the title. */
static void
work_draw(struct ui_app *a, const char *title, const char *hint, double share)
{
	int permille = (int)(share * 1000);
	if (permille == bar_drawn)
		return;
	bar_drawn = permille;
	int rows, cols;
	ui_size(&rows, &cols);
	int t = ui_attr(a, UI_R_TITLE);
	ui_fill(rows - 2, 0, cols, t);
	ui_putf(a, rows - 2, 0, cols, t, " %s  %3d%%   %s", title, (int)(share * 100 + 0.5), hint);
	ui_fill(rows - 1, 0, cols, A_NORMAL);
	ui_bar(a, rows - 1, 1, cols - 2, share);
	refresh();
}

/* Between work_begin() and work_end(): draws the bar, then looks for Esc or
 * Ctrl-C without waiting. */
static void
work_progress(struct ui_app *a, const char *title, double share)
{
	work_draw(a, title, "Esc or Ctrl-C: cancel, nothing is lost", share);
	int c;
	while ((c = getch()) != ERR)
		if (c == 27 || c == UI_CTRL('c'))
			work_cancel = 1;
}

/* Starts long work: keys without waiting, Ctrl-C to cancel. */
static void
work_begin(struct ui_app *a, struct sigaction *old)
{
	work_cancel = 0;
	bar_drawn = -1;
	if (a->headless)
		return;
	struct sigaction sa = {.sa_handler = on_sigint};
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, old);
	nodelay(stdscr, TRUE);
}

static void
work_end(struct ui_app *a, const struct sigaction *old)
{
	if (a->headless)
		return;
	nodelay(stdscr, FALSE);
	sigaction(SIGINT, old, NULL);
}

static const char *const match_phases[] = {
	"prepare", "block", "compare", "estimate", "score", "cluster", "store",
};
#define NPHASES ((int)(sizeof match_phases / sizeof *match_phases))

/* The matcher's progress callback. */
static void
match_progress(void *ctx, const char *entity, const char *phase, int64_t done, int64_t total)
{
	struct ui_app *a = ctx;
	if (a->headless)
		return;
	int ph = 0;
	while (ph < NPHASES - 1 && strcmp(match_phases[ph], phase))
		ph++;
	double share = ((double)ph + (total > 0 ? (double)done / (double)total : 0)) / NPHASES;
	char title[96];
	snprintf(title, sizeof title, "Matching %ss: %s", entity, phase);
	work_progress(a, title, share);
}

static void
run_match(struct ui_app *a)
{
	stw_error err;
	stw_match_opts o = {.progress = match_progress, .progress_ctx = a, .cancel = &work_cancel};
	stw_match_result r;
	struct sigaction old;
	work_begin(a, &old);
	stw_err e = stw_match_run(a->ws, a->rules, &o, &r, &err);
	work_end(a, &old);
	if (e == STW_ECANCEL) {
		ui_status(&a->st, false, "match cancelled: the previous clusters are unchanged");
		return;
	}
	if (!report(a, e, &err))
		return;
	int64_t clusters = 0, pairs = 0;
	for (int i = 0; i < r.n; i++)
		clusters += r.ent[i].clusters, pairs += r.ent[i].pairs;
	ui_status(&a->st, false, "matched: %lld pairs in %lld clusters", (long long)pairs,
	          (long long)clusters);
	ui_picks_clear(&a->picks);
	changed(a);
}

/* ---- Importing with a progress bar ---- */

struct import_watch {
	struct ui_app *a;
	const char    *name;  /* the file's name, for the bar */
};

static void
import_progress(uint64_t done, uint64_t total, void *arg)
{
	struct import_watch *w = arg;
	if (w->a->headless)
		return;
	char title[160];
	snprintf(title, sizeof title, "Importing %s", w->name);
	work_progress(w->a, title, total ? (double)done / (double)total : 0);
}

bool
ui_import_run(struct ui_app *a, const char *path, stw_error *err)
{
	const char *slash = strrchr(path, '/');
	struct import_watch w = {a, slash ? slash + 1 : path};
	stw_import_opts o = {
		.header = -1,
		.steward = a->steward,
		.check = true,
		.rules = a->rules,
		.progress = import_progress,
		.progress_arg = &w,
		.cancel = &work_cancel,
	};
	stw_import_result r;
	struct sigaction old;
	work_begin(a, &old);
	stw_err e = stw_import_file(a->ws, path, &o, &r, err);
	work_end(a, &old);
	if (e == STW_ECANCEL) {
		ui_status(&a->st, false, "import of %s cancelled: nothing was kept", w.name);
		return false;
	}
	if (!report(a, e, err))
		return false;
	char checked[96] = "";
	if (r.checked)
		snprintf(checked, sizeof checked, ", %lld fixes proposed, %lld findings",
		         (long long)r.proposals, (long long)r.findings);
	if (r.quarantined) {
		ui_status(&a->st, false, "%s: %lld rows imported%s, %lld quarantined (first: %s);"
		          " M matches them", w.name, (long long)r.rows, checked,
		          (long long)r.quarantined, r.first_problem);
	} else {
		ui_status(&a->st, false, "%s: %lld rows imported (%s)%s; M matches them", w.name,
		          (long long)r.rows, r.mapping.profile, checked);
	}
	stw_import_result_free(&r);
	changed(a);
	return true;
}

void
ui_act_run(struct ui_app *a, enum ui_act act)
{
	switch (act) {
	case UI_A_NONE:
	case UI_A_MOVE:
	case UI_A_QUIT:
	case UI_A_CLICK:
		break;
	case UI_A_RELOAD:
		changed(a);
		clearok(stdscr, TRUE);
		break;
	case UI_A_ACCEPT:
	case UI_A_REJECT:
	case UI_A_DEFER:
	case UI_A_SPLIT:
		cluster_decision(a, act);
		break;
	case UI_A_PICK:
		if (a->detail && a->st.field < (int)a->detail->nfield && a->st.col < (int)a->detail->nrec)
			pick(a, a->detail->field[a->st.field], a->detail->rec[a->st.col], NULL);
		break;
	case UI_A_SET_VALUE:
		if (a->detail && a->st.field < (int)a->detail->nfield)
			pick(a, a->detail->field[a->st.field], 0, a->st.edit.buf);
		break;
	case UI_A_MASTER:
		if (a->detail && a->st.col < (int)a->detail->nrec) {
			if (a->picks.cluster != cur_cluster(a)) {
				ui_picks_clear(&a->picks);
				a->picks.cluster = cur_cluster(a);
			}
			a->picks.master = a->detail->rec[a->st.col];
			a->golden_dirty = true;
			ui_status(&a->st, false, "master record: %lld", (long long)a->picks.master);
		}
		break;
	case UI_A_UNDO:
		undo(a);
		break;
	case UI_A_EDIT:
		edit_value(a);
		break;
	case UI_A_APPLY:
		apply(a);
		break;
	case UI_A_APPLY_RULE_ASK:
		apply_rule_ask(a);
		break;
	case UI_A_APPLY_RULE:
		apply_rule(a);
		break;
	case UI_A_PURGE:
		purge(a);
		break;
	case UI_A_SEARCH:
		ui_search_load(a);
		a->st.mode = UI_MODE_RESULTS;
		break;
	case UI_A_JUMP:
		jump(a);
		break;
	case UI_A_OPEN_RECORD: {
		int64_t i = a->st.results.cur;
		if (i >= 0 && (size_t)i < a->results.n) {
			ui_record_load(a, a->results.rows[i].id);
			a->st.mode = UI_MODE_RECORD;
		}
		break;
	}
	case UI_A_EXPORT:
		run_export(a);
		break;
	case UI_A_MATCH:
		run_match(a);
		break;
	case UI_A_PROFILE:
		ui_quality_load(a, true);
		break;
	case UI_A_IMPORT: {
		char path[UI_EDIT_MAX];
		snprintf(path, sizeof path, "%s", a->st.edit.buf);
		stw_error err;
		(void)ui_import_run(a, path, &err);
		break;
	}
	}
}
