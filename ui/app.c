/*
 * The console's main loop: terminal set-up (colours or monochrome,
 * NO_COLOR, mouse), keys translated to the state machine's codes, the header
 * line, pane tabs, message line and bottom bar, and the headless replay the
 * benchmark uses.
 */
#include "app.h"
#include "console.h"
#include "rec.h"
#include "term.h"
#include "text.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const struct ui_view *const views[UI_NPANES] = {
	&ui_view_dashboard, &ui_view_dupes, &ui_view_incomplete, &ui_view_log, &ui_view_export,
};

static void
restore_terminal(size_t size)
{
	(void)size;
	if (!isendwin())
		endwin();
	fputs("steward: out of memory\n", stderr);
}

static void
colors_init(struct ui_app *a)
{
	const char *nc = getenv("NO_COLOR");
	a->color = !(nc && *nc) && has_colors();
	if (!a->color)
		return;
	start_color();
	use_default_colors();
	init_pair(UI_R_TITLE, COLOR_BLACK, COLOR_CYAN);
	init_pair(UI_R_SELECT, COLOR_BLACK, COLOR_YELLOW);
	init_pair(UI_R_DIFF, COLOR_RED, -1);
	init_pair(UI_R_GOLD, COLOR_GREEN, -1);
	init_pair(UI_R_ERROR, COLOR_WHITE, COLOR_RED);
	init_pair(UI_R_OK, COLOR_GREEN, -1);
	init_pair(UI_R_DIM, COLOR_BLUE, -1);
	init_pair(UI_R_BAR, COLOR_BLACK, COLOR_GREEN);
}

/* curses key -> state machine key; -1 for keys to ignore. */
static int
map_key(int rc, wint_t wc, struct ui_app *a)
{
	if (rc == KEY_CODE_YES) {
		switch (wc) {
		case KEY_UP: return UI_K_UP;
		case KEY_DOWN: return UI_K_DOWN;
		case KEY_LEFT: return UI_K_LEFT;
		case KEY_RIGHT: return UI_K_RIGHT;
		case KEY_PPAGE: return UI_K_PGUP;
		case KEY_NPAGE: return UI_K_PGDN;
		case KEY_HOME: return UI_K_HOME;
		case KEY_END: return UI_K_END;
		case KEY_ENTER: return UI_K_ENTER;
		case KEY_BACKSPACE: return UI_K_BACKSPACE;
		case KEY_DC: return UI_K_DELETE;
		case KEY_BTAB: return UI_K_BTAB;
		case KEY_RESIZE: return UI_K_RESIZE;
		case KEY_MOUSE: {
			MEVENT ev;
			if (getmouse(&ev) != OK || !(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
				return -1;
			a->st.click_y = ev.y;
			a->st.click_x = ev.x;
			return UI_K_MOUSE;
		}
		}
		return -1;
	}
	if (rc != OK)
		return -1;
	switch (wc) {
	case 27: return UI_K_ESC;
	case '\t': return UI_K_TAB;
	case '\n': case '\r': return UI_K_ENTER;
	case 127: return UI_K_BACKSPACE;
	}
	return (int)wc;
}

static void
header_draw(struct ui_app *a, int cols)
{
	int t = ui_attr(a, UI_R_TITLE);
	ui_fill(0, 0, cols, t);
	const stw_view_counts *c = &a->counts;
	ui_putf(a, 0, 0, cols, t,
	        " Steward %s %s │ %lld records │ %lld open clusters │ %lld incomplete │ %s",
	        a->mask ? "[masked]" : "", a->name, (long long)c->records, (long long)c->open,
	        (long long)c->incomplete, a->steward);
	ui_fill(1, 0, cols, A_NORMAL);
	int x = 0;
	for (int p = 0; p < UI_NPANES && x < cols; p++) {
		char label[32];
		snprintf(label, sizeof label, " %d %s ", p + 1, ui_pane_name(p));
		int w = (int)strlen(label);
		ui_put(a, 1, x, w, label, p == (int)a->st.pane ? ui_attr(a, UI_R_SELECT) : (int)A_NORMAL);
		x += w + 1;
	}
}

static void
footer_draw(struct ui_app *a, int rows, int cols)
{
	struct ui_state *s = &a->st;
	ui_fill(rows - 2, 0, cols, A_NORMAL);
	if (s->mode == UI_MODE_PROMPT) {
		static const char *const labels[] = {
			"", "Search: ", "Jump to (c12 cluster, r345 record): ", "Value: ",
			"New value: ", "Reason for the purge: ", "Export folder: ",
			"Import CSV file: ",
		};
		const char *label = labels[s->prompt];
		int lw = ui_text_width(label);
		ui_put(a, rows - 2, 0, lw, label, A_BOLD);
		size_t start;
		int curx;
		int w = cols - lw - 1;
		ui_edit_view(&s->edit, w, &start, &curx);
		ui_put(a, rows - 2, lw, w, s->edit.buf + start, A_UNDERLINE);
		move(rows - 2, lw + curx);
	} else if (s->mode == UI_MODE_CONFIRM) {
		ui_putf(a, rows - 2, 0, cols, ui_attr(a, UI_R_ERROR), " %s [y/N] ", s->confirm);
	} else if (s->status[0]) {
		ui_putf(a, rows - 2, 0, cols, s->status_error ? ui_attr(a, UI_R_ERROR) : (int)A_BOLD,
		        " %s", s->status);
	}
	int t = ui_attr(a, UI_R_TITLE);
	ui_fill(rows - 1, 0, cols, t);
	ui_putf(a, rows - 1, 0, cols, t, " %s", ui_state_keys(s));
}

/* Reads what the current pane shows. */
static void
load(struct ui_app *a)
{
	if (a->counts_stale) {
		stw_error err;
		if (stw_view_counts_get(a->ws, &a->counts, &err) != STW_OK)
			ui_status(&a->st, true, "%s", err.msg);
		a->counts_stale = false;
	}
	views[a->st.pane]->load(a);
}

static void
draw(struct ui_app *a)
{
	int rows, cols;
	ui_size(&rows, &cols);
	ui_state_resize(&a->st, rows, cols);
	erase();
	curs_set(0);
	if (rows < 10 || cols < 40) {
		ui_put(a, 0, 0, cols, "The window is too small: Steward needs 80x24.", A_BOLD);
		refresh();
		return;
	}
	header_draw(a, cols);
	views[a->st.pane]->draw(a, 2, rows - 4);
	switch (a->st.mode) {
	case UI_MODE_HELP: ui_help_draw(a); break;
	case UI_MODE_WELCOME: ui_welcome_draw(a); break;
	case UI_MODE_RESULTS: ui_search_draw(a); break;
	case UI_MODE_RECORD: ui_record_draw(a); break;
	default: break;
	}
	footer_draw(a, rows, cols);
	if (a->st.mode == UI_MODE_PROMPT)
		curs_set(1);
	refresh();
}

static void
click(struct ui_app *a)
{
	int y = a->st.click_y, x = a->st.click_x;
	if (a->st.mode != UI_MODE_NORMAL)
		return;
	if (y == 1) {
		int px = 0;
		for (int p = 0; p < UI_NPANES; p++) {
			int w = (int)strlen(ui_pane_name(p)) + 4;
			if (x >= px && x < px + w) {
				a->st.pane = p;
				return;
			}
			px += w + 1;
		}
		return;
	}
	if (views[a->st.pane]->click)
		views[a->st.pane]->click(a, y, x, 2);
}

/* One key: state machine, then the action. Returns false to quit. */
static bool
step(struct ui_app *a, int key)
{
	enum ui_act act = ui_key(&a->st, key);
	if (act == UI_A_QUIT)
		return false;
	if (act == UI_A_CLICK)
		click(a);
	else
		ui_act_run(a, act);
	return true;
}

static void
app_free(struct ui_app *a)
{
	stw_view_clusters_free(&a->queue);
	stw_view_cluster_detail_free(a->detail);
	stw_explain_free(a->why);
	if (a->have_golden)
		stw_golden_free(&a->golden);
	ui_picks_clear(&a->picks);
	stw_view_rules_free(&a->rules_list);
	stw_view_findings_free(&a->findings);
	stw_view_log_free(&a->log);
	for (int i = 0; a->actions && a->actions[i]; i++)
		free(a->actions[i]);
	free(a->actions);
	for (int i = 0; a->stewards && a->stewards[i]; i++)
		free(a->stewards[i]);
	free(a->stewards);
	stw_view_records_free(&a->results);
	stw_view_record_detail_free(a->record);
	stw_buf_free(&a->tmp);
	stw_buf_free(&a->tmp2);
	stw_rules_free(a->rules);
	stw_ws_close(a->ws);
}

static int
app_open(struct ui_app *a, const ui_console_opts *o)
{
	memset(a, 0, sizeof *a);
	stw_error err;
	if (stw_ws_open(&a->ws, o->path, o->create ? STW_WS_CREATE : 0, &err) != STW_OK) {
		fprintf(stderr, "steward: %s\n", err.msg);
		return stw_exit_status(err.code);
	}
	if (stw_rules_load(o->rules, &a->rules, &err) != STW_OK) {
		fprintf(stderr, "steward: %s\n", err.msg);
		stw_ws_close(a->ws);
		return stw_exit_status(err.code);
	}
	/* Records imported since the last run get their current values. */
	if (stw_rec_sync(a->ws, NULL, &err) != STW_OK) {
		fprintf(stderr, "steward: %s\n", err.msg);
		stw_rules_free(a->rules);
		stw_ws_close(a->ws);
		return stw_exit_status(err.code);
	}
	a->steward = o->steward;
	a->who.steward = o->steward;
	a->who.rules = a->rules;
	a->mask = o->mask;
	a->note = o->note;
	const char *slash = strrchr(o->path, '/');
	a->name = slash ? slash + 1 : o->path;
	a->counts_stale = true;
	a->count_filter = -1;
	a->count_rule = -1;
	a->quality_check = true;
	return 0;
}

static void
screen_init(struct ui_app *a, bool welcome)
{
	int rows, cols;
	ui_size(&rows, &cols);
	ui_state_init(&a->st, rows, cols);
	snprintf(a->st.export_dir, sizeof a->st.export_dir, "%s.export", stw_ws_path(a->ws));
	if (welcome)
		a->st.mode = UI_MODE_WELCOME;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	colors_init(a);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED, NULL);
	mouseinterval(0);
}

/* A workspace made for an import that did not happen: the file and its
 * WAL and shared-memory files. */
static void
remove_workspace(const char *path)
{
	static const char *const side[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < sizeof side / sizeof *side; i++) {
		char *p = stw_xasprintf("%s%s", path, side[i]);
		unlink(p);
		free(p);
	}
}

int
ui_console_run(const ui_console_opts *o)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "steward: the console needs a terminal (use the commands for scripts; "
		                "see 'steward --help')\n");
		return 1;
	}
	struct ui_app a;
	int status = app_open(&a, o);
	if (status != 0) {
		if (o->create)
			remove_workspace(o->path);
		return status;
	}
	setlocale(LC_ALL, "");
	stw_set_oom_handler(restore_terminal);
	initscr();
	screen_init(&a, o->welcome);
	if (o->import) {
		load(&a);
		draw(&a);
		stw_error err;
		if (!ui_import_run(&a, o->import, &err)) {
			/* Nothing was imported: say why where it stays readable. */
			endwin();
			stw_set_oom_handler(NULL);
			app_free(&a);
			if (o->create)
				remove_workspace(o->path);
			if (err.code == STW_ECANCEL)
				fprintf(stderr, "steward: %s: import cancelled; nothing was kept\n", o->import);
			else
				fprintf(stderr, "steward: %s\n", err.msg);
			return stw_exit_status(err.code);
		}
	}
	for (bool go = true; go;) {
		load(&a);
		draw(&a);
		wint_t wc;
		int rc = get_wch(&wc);
		int key = map_key(rc, wc, &a);
		if (key >= 0)
			go = step(&a, key);
	}
	endwin();
	stw_set_oom_handler(NULL);
	app_free(&a);
	return 0;
}

/* ---- Headless replay for the benchmark ---- */

static double
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return a < b ? -1 : a > b;
}

/* "j" -> 'j'; "<Down>" etc. -> UI_K_*. Advances *p. */
static int
next_bench_key(const char **p)
{
	static const struct { const char *name; int key; } named[] = {
		{"<Up>", UI_K_UP}, {"<Down>", UI_K_DOWN}, {"<Left>", UI_K_LEFT},
		{"<Right>", UI_K_RIGHT}, {"<PgUp>", UI_K_PGUP}, {"<PgDn>", UI_K_PGDN},
		{"<Home>", UI_K_HOME}, {"<End>", UI_K_END}, {"<Enter>", UI_K_ENTER},
		{"<Esc>", UI_K_ESC}, {"<Tab>", UI_K_TAB},
	};
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
		size_t n = strlen(named[i].name);
		if (strncmp(*p, named[i].name, n) == 0) {
			*p += n;
			return named[i].key;
		}
	}
	unsigned cp;
	*p += ui_utf8_decode(*p, strlen(*p), &cp);
	return (int)cp;
}

int
ui_console_bench(const ui_console_opts *o, const char *keys, int rows, int cols, bool each)
{
	struct ui_app a;
	double t0 = now_ms();
	int status = app_open(&a, o);
	if (status != 0)
		return status;
	a.headless = true;
	setlocale(LC_ALL, "");
	FILE *out = fopen("/dev/null", "w");
	FILE *in = fopen("/dev/null", "r");
	if (!out || !in) {
		fprintf(stderr, "steward: cannot open /dev/null\n");
		return 1;
	}
	SCREEN *scr = newterm("xterm-256color", out, in);
	if (!scr)
		scr = newterm("vt100", out, in);
	if (!scr) {
		fprintf(stderr, "steward: no terminal description for the replay\n");
		return 1;
	}
	set_term(scr);
	resizeterm(rows, cols);
	screen_init(&a, false);
	load(&a);
	draw(&a);
	double first = now_ms() - t0;
	size_t cap = strlen(keys) + 1, n = 0;
	double *t = stw_xcalloc(cap, sizeof *t);
	size_t slowest = 0, slow_at = 0, slow_len = 0;
	for (const char *p = keys; *p;) {
		const char *at = p;
		int key = next_bench_key(&p);
		double k0 = now_ms();
		if (!step(&a, key))
			break;
		load(&a);
		draw(&a);
		t[n] = now_ms() - k0;
		if (each)
			printf("  %-8.*s %9.2f ms\n", (int)(p - at), at, t[n]);
		if (n == 0 || t[n] > t[slowest])
			slowest = n, slow_at = (size_t)(at - keys), slow_len = (size_t)(p - at);
		n++;
	}
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	double max = 0, sum = 0;
	for (size_t i = 0; i < n; i++) {
		sum += t[i];
		if (t[i] > max)
			max = t[i];
	}
	if (n)
		printf("slowest: keystroke %zu, %.*s (%.2f ms)\n", slowest + 1, (int)slow_len,
		       keys + slow_at, t[slowest]);
	qsort(t, n, sizeof *t, cmp_double);
	printf("first screen: %.1f ms\n", first);
	printf("keystrokes: %zu  median %.2f ms  mean %.2f ms  max %.2f ms\n", n,
	       n ? t[n / 2] : 0.0, n ? sum / (double)n : 0.0, max);
	free(t);
	app_free(&a);
	return 0;
}
