/*
 * The console's state machine (see state.h). Each pane has a key handler;
 * ui_key() first lets the mode (help, prompt, confirmation, split...) take
 * the key, then the global keys, then the pane.
 */
#include "state.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Queue filters and sorts, in the order f and s cycle through them
 * (the values of stw_view_filter and stw_view_sort). */
#define UI_NFILTERS 5
#define UI_NSORTS   3

static const char *const pane_names[UI_NPANES] = {
	"Dashboard", "Duplicates", "Incomplete", "Log", "Export",
};

const char *
ui_pane_name(enum ui_pane p)
{
	return p < UI_NPANES ? pane_names[p] : "?";
}

void
ui_list_set_page(struct ui_list *l, int page)
{
	l->page = page < 1 ? 1 : page;
	if (l->cur < l->top)
		l->top = l->cur;
	if (l->cur >= l->top + l->page)
		l->top = l->cur - l->page + 1;
	if (l->top > l->n - l->page)
		l->top = l->n - l->page;
	if (l->top < 0)
		l->top = 0;
}

void
ui_list_set_count(struct ui_list *l, int64_t n)
{
	l->n = n < 0 ? 0 : n;
	if (l->cur >= l->n)
		l->cur = l->n - 1;
	if (l->cur < 0)
		l->cur = 0;
	ui_list_set_page(l, l->page);
}

void
ui_list_set(struct ui_list *l, int64_t i)
{
	l->cur = i;
	ui_list_set_count(l, l->n);
}

void
ui_list_move(struct ui_list *l, int64_t delta)
{
	ui_list_set(l, l->cur + delta);
}

void
ui_state_init(struct ui_state *s, int rows, int cols)
{
	memset(s, 0, sizeof *s);
	s->pane = UI_DUPES;
	s->mode = UI_MODE_NORMAL;
	s->filter = 1; /* open */
	s->sort = 0;   /* score */
	for (int i = 0; i < UI_NPANES; i++)
		s->list[i].page = 1;
	s->results.page = 1;
	s->col_fit = 1;
	ui_state_resize(s, rows, cols);
}

void
ui_state_resize(struct ui_state *s, int rows, int cols)
{
	s->rows = rows;
	s->cols = cols;
	/* The drawing sets the real page sizes; keep the cursors valid now. */
	for (int i = 0; i < UI_NPANES; i++)
		ui_list_set_page(&s->list[i], s->list[i].page);
	ui_state_set_detail(s, s->ncols, s->nfields);
}

void
ui_state_set_detail(struct ui_state *s, int ncols, int nfields)
{
	if (ncols != s->ncols)
		s->split_mask = 0;
	s->ncols = ncols;
	s->nfields = nfields;
	if (s->field >= nfields)
		s->field = nfields - 1;
	if (s->field < 0)
		s->field = 0;
	if (s->col >= ncols)
		s->col = ncols - 1;
	if (s->col < 0)
		s->col = 0;
	if (s->col_fit < 1)
		s->col_fit = 1;
	if (s->col < s->col_first)
		s->col_first = s->col;
	if (s->col >= s->col_first + s->col_fit)
		s->col_first = s->col - s->col_fit + 1;
	if (s->col_first > ncols - s->col_fit)
		s->col_first = ncols - s->col_fit;
	if (s->col_first < 0)
		s->col_first = 0;
}

void
ui_status(struct ui_state *s, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->status, sizeof s->status, fmt, ap);
	va_end(ap);
	s->status_error = error;
}

void
ui_confirm(struct ui_state *s, enum ui_act act, const char *question)
{
	snprintf(s->confirm, sizeof s->confirm, "%s", question);
	s->confirm_act = act;
	s->back = s->mode == UI_MODE_CONFIRM ? UI_MODE_NORMAL : s->mode;
	s->mode = UI_MODE_CONFIRM;
}

void
ui_prompt_open(struct ui_state *s, enum ui_prompt k, const char *text)
{
	s->back = s->mode == UI_MODE_PROMPT ? UI_MODE_NORMAL : s->mode;
	s->mode = UI_MODE_PROMPT;
	s->prompt = k;
	ui_edit_set(&s->edit, text);
}

/* Up/down/page/home/end on a list; returns true when the key was one. */
static bool
list_key(struct ui_list *l, int key)
{
	switch (key) {
	case UI_K_UP: case 'k': ui_list_move(l, -1); return true;
	case UI_K_DOWN: case 'j': ui_list_move(l, 1); return true;
	case UI_K_PGUP: case UI_CTRL('b'): ui_list_move(l, -l->page); return true;
	case UI_K_PGDN: case UI_CTRL('f'): case ' ': ui_list_move(l, l->page); return true;
	case UI_K_HOME: case 'g': ui_list_set(l, 0); return true;
	case UI_K_END: case 'G': ui_list_set(l, l->n - 1); return true;
	}
	return false;
}

static void
set_col(struct ui_state *s, int col)
{
	s->col = col;
	ui_state_set_detail(s, s->ncols, s->nfields);
}

static enum ui_act
dupes_key(struct ui_state *s, int key)
{
	struct ui_list *q = &s->list[UI_DUPES];
	bool have = q->n > 0;
	switch (key) {
	case 'f':
		s->filter = (s->filter + 1) % UI_NFILTERS;
		ui_list_set(q, 0);
		return UI_A_MOVE;
	case 's':
		s->sort = (s->sort + 1) % UI_NSORTS;
		ui_list_set(q, 0);
		return UI_A_MOVE;
	case 'n': case 'J':
		ui_list_move(q, 1);
		s->field = 0, s->col = 0, s->col_first = 0;
		return UI_A_MOVE;
	case 'p': case 'K':
		ui_list_move(q, -1);
		s->field = 0, s->col = 0, s->col_first = 0;
		return UI_A_MOVE;
	case 'a': return have ? UI_A_ACCEPT : UI_A_NONE;
	case 'r': return have ? UI_A_REJECT : UI_A_NONE;
	case 'd': return have ? UI_A_DEFER : UI_A_NONE;
	case 'x':
		if (!have || s->ncols < 3) {
			ui_status(s, true, "a split needs a cluster of three records or more");
			return UI_A_MOVE;
		}
		s->mode = UI_MODE_SPLIT;
		s->split_mask = 0;
		s->detail = true;
		return UI_A_MOVE;
	}
	if (!s->detail) {
		if (list_key(q, key)) {
			s->field = 0, s->col = 0, s->col_first = 0;
			return UI_A_MOVE;
		}
		if ((key == UI_K_ENTER || key == UI_K_RIGHT || key == 'l') && have) {
			s->detail = true;
			return UI_A_MOVE;
		}
		return UI_A_NONE;
	}
	switch (key) {
	case UI_K_ESC: case UI_K_BACKSPACE:
		s->detail = false;
		return UI_A_MOVE;
	case UI_K_UP: case 'k':
		if (s->field > 0)
			s->field--;
		return UI_A_MOVE;
	case UI_K_DOWN: case 'j':
		if (s->field < s->nfields - 1)
			s->field++;
		return UI_A_MOVE;
	case UI_K_HOME: case 'g': s->field = 0; return UI_A_MOVE;
	case UI_K_END: case 'G': s->field = s->nfields > 0 ? s->nfields - 1 : 0; return UI_A_MOVE;
	case UI_K_PGUP: s->field = 0; return UI_A_MOVE;
	case UI_K_PGDN: s->field = s->nfields > 0 ? s->nfields - 1 : 0; return UI_A_MOVE;
	case UI_K_LEFT: case 'h':
		set_col(s, s->col - 1);
		return UI_A_MOVE;
	case UI_K_RIGHT: case 'l':
		set_col(s, s->col + 1);
		return UI_A_MOVE;
	case UI_K_ENTER: case 'v':
		return s->nfields > 0 && s->ncols > 0 ? UI_A_PICK : UI_A_NONE;
	case 'e':
		if (s->nfields > 0)
			ui_prompt_open(s, UI_PROMPT_VALUE, NULL);
		return UI_A_MOVE;
	case 'm':
		return s->ncols > 0 ? UI_A_MASTER : UI_A_NONE;
	}
	return UI_A_NONE;
}

static enum ui_act
split_key(struct ui_state *s, int key)
{
	switch (key) {
	case UI_K_LEFT: case 'h': set_col(s, s->col - 1); return UI_A_MOVE;
	case UI_K_RIGHT: case 'l': set_col(s, s->col + 1); return UI_A_MOVE;
	case ' ': case 'x':
		if (s->col >= 0 && s->col < 64)
			s->split_mask ^= (uint64_t)1 << s->col;
		return UI_A_MOVE;
	case UI_K_ENTER: {
		int picked = __builtin_popcountll(s->split_mask);
		if (picked == 0 || picked >= s->ncols) {
			ui_status(s, true, "pick the records to split off with Space (not all of them)");
			return UI_A_MOVE;
		}
		s->mode = UI_MODE_NORMAL;
		return UI_A_SPLIT;
	}
	case UI_K_ESC: case 'q':
		s->mode = UI_MODE_NORMAL;
		s->split_mask = 0;
		return UI_A_MOVE;
	}
	return UI_A_NONE;
}

static enum ui_act
incomplete_key(struct ui_state *s, int key)
{
	struct ui_list *l = &s->list[UI_INCOMPLETE];
	if (list_key(l, key))
		return UI_A_MOVE;
	switch (key) {
	case UI_K_LEFT: case 'h': case '[':
		if (s->rule > 0) {
			s->rule--;
			ui_list_set(l, 0);
		}
		return UI_A_MOVE;
	case UI_K_RIGHT: case 'l': case ']':
		if (s->rule < s->nrules - 1) {
			s->rule++;
			ui_list_set(l, 0);
		}
		return UI_A_MOVE;
	case 'e': case UI_K_ENTER:
		/* The view fills the current value in (it knows the row). */
		if (l->n > 0) {
			ui_prompt_open(s, UI_PROMPT_EDIT, NULL);
			s->prompt_fill = true;
		}
		return l->n > 0 ? UI_A_MOVE : UI_A_NONE;
	case 'a':
		return l->n > 0 ? UI_A_APPLY : UI_A_NONE;
	case 'A':
		return s->nrules > 0 ? UI_A_APPLY_RULE_ASK : UI_A_NONE;
	case 'X':
		if (l->n > 0)
			ui_prompt_open(s, UI_PROMPT_PURGE, NULL);
		return UI_A_MOVE;
	}
	return UI_A_NONE;
}

static enum ui_act
log_key(struct ui_state *s, int key)
{
	struct ui_list *l = &s->list[UI_LOG];
	if (list_key(l, key))
		return UI_A_MOVE;
	switch (key) {
	case 'f':
		s->log_action = s->nactions > 0 ? (s->log_action + 1) % (s->nactions + 1) : 0;
		ui_list_set(l, 0);
		return UI_A_MOVE;
	case 'w':
		s->log_steward = s->nstewards > 0 ? (s->log_steward + 1) % (s->nstewards + 1) : 0;
		ui_list_set(l, 0);
		return UI_A_MOVE;
	case 'c':
		s->log_action = s->log_steward = 0;
		ui_list_set(l, 0);
		return UI_A_MOVE;
	}
	return UI_A_NONE;
}

static enum ui_act
export_key(struct ui_state *s, int key)
{
	switch (key) {
	case 'e': case 'o':
		ui_prompt_open(s, UI_PROMPT_FOLDER, s->export_dir);
		return UI_A_MOVE;
	case UI_K_ENTER: case 'x':
		return UI_A_EXPORT;
	}
	return UI_A_NONE;
}

static enum ui_act
dashboard_key(struct ui_state *s, int key)
{
	switch (key) {
	case 'M':
		return UI_A_MATCH;
	case 'P':
		return UI_A_PROFILE;
	case 'I':
		ui_prompt_open(s, UI_PROMPT_IMPORT, NULL);
		return UI_A_MOVE;
	case UI_K_ENTER:
		s->pane = UI_DUPES;
		return UI_A_MOVE;
	}
	return UI_A_NONE;
}

static enum ui_act
prompt_key(struct ui_state *s, int key)
{
	enum ui_edit_result r = ui_edit_key(&s->edit, key);
	if (r == UI_EDIT_GOING)
		return UI_A_MOVE;
	enum ui_prompt k = s->prompt;
	s->mode = s->back;
	s->back = UI_MODE_NORMAL;
	s->prompt = UI_PROMPT_NONE;
	if (r == UI_EDIT_CANCEL)
		return UI_A_MOVE;
	switch (k) {
	case UI_PROMPT_SEARCH:
		if (!s->edit.len)
			return UI_A_MOVE;
		ui_list_set(&s->results, 0);
		return UI_A_SEARCH;
	case UI_PROMPT_JUMP:
		/* ":import FILE" imports from any pane; anything else is an id. */
		if (strncmp(s->edit.buf, "import", 6) == 0 &&
		    (s->edit.buf[6] == ' ' || s->edit.buf[6] == '\0')) {
			const char *file = s->edit.buf + 6;
			while (*file == ' ')
				file++;
			if (!*file) {
				ui_status(s, true, "import what? type :import FILE.csv");
				return UI_A_MOVE;
			}
			char path[UI_EDIT_MAX];
			snprintf(path, sizeof path, "%s", file);
			ui_edit_set(&s->edit, path);
			return UI_A_IMPORT;
		}
		return s->edit.len ? UI_A_JUMP : UI_A_MOVE;
	case UI_PROMPT_IMPORT:
		if (!s->edit.len) {
			ui_status(s, true, "no file named; nothing imported");
			return UI_A_MOVE;
		}
		return UI_A_IMPORT;
	case UI_PROMPT_VALUE: return UI_A_SET_VALUE;
	case UI_PROMPT_EDIT: return UI_A_EDIT;
	case UI_PROMPT_PURGE:
		if (!s->edit.len) {
			ui_status(s, true, "a purge needs a reason; nothing purged");
			return UI_A_MOVE;
		}
		return UI_A_PURGE;
	case UI_PROMPT_FOLDER:
		if (s->edit.len)
			snprintf(s->export_dir, sizeof s->export_dir, "%s", s->edit.buf);
		return UI_A_MOVE;
	case UI_PROMPT_NONE: break;
	}
	return UI_A_MOVE;
}

static enum ui_act
global_key(struct ui_state *s, int key)
{
	switch (key) {
	case 'q': case 'Q': return UI_A_QUIT;
	case '?':
		s->back = UI_MODE_NORMAL;
		s->mode = UI_MODE_HELP;
		return UI_A_MOVE;
	case '/': ui_prompt_open(s, UI_PROMPT_SEARCH, NULL); return UI_A_MOVE;
	case ':': ui_prompt_open(s, UI_PROMPT_JUMP, NULL); return UI_A_MOVE;
	case 'u': return UI_A_UNDO;
	case UI_CTRL('l'): return UI_A_RELOAD;
	case UI_K_TAB:
		s->pane = (s->pane + 1) % UI_NPANES;
		return UI_A_MOVE;
	case UI_K_BTAB:
		s->pane = (s->pane + UI_NPANES - 1) % UI_NPANES;
		return UI_A_MOVE;
	case UI_K_MOUSE:
		return UI_A_CLICK;
	case UI_K_RESIZE:
		return UI_A_MOVE;
	}
	if (key >= '1' && key < '1' + UI_NPANES) {
		s->pane = (enum ui_pane)(key - '1');
		return UI_A_MOVE;
	}
	return UI_A_NONE;
}

enum ui_act
ui_key(struct ui_state *s, int key)
{
	if (key == UI_K_RESIZE)
		return UI_A_MOVE;
	if (s->mode != UI_MODE_CONFIRM && s->mode != UI_MODE_PROMPT)
		s->status[0] = '\0';
	switch (s->mode) {
	case UI_MODE_WELCOME:
	case UI_MODE_HELP:
		if (s->mode == UI_MODE_HELP && key == 'q')
			return UI_A_QUIT;
		s->mode = UI_MODE_NORMAL;
		return UI_A_MOVE;
	case UI_MODE_PROMPT:
		return prompt_key(s, key);
	case UI_MODE_CONFIRM:
		s->mode = s->back;
		s->back = UI_MODE_NORMAL;
		if (key == 'y' || key == 'Y')
			return s->confirm_act;
		ui_status(s, false, "cancelled; nothing changed");
		return UI_A_MOVE;
	case UI_MODE_SPLIT:
		return split_key(s, key);
	case UI_MODE_RESULTS:
		if (list_key(&s->results, key))
			return UI_A_MOVE;
		if (key == UI_K_ENTER)
			return s->results.n > 0 ? UI_A_OPEN_RECORD : UI_A_NONE;
		if (key == UI_K_ESC || key == 'q') {
			s->mode = UI_MODE_NORMAL;
			return UI_A_MOVE;
		}
		if (key == '/') {
			ui_prompt_open(s, UI_PROMPT_SEARCH, s->edit.buf);
			return UI_A_MOVE;
		}
		return UI_A_NONE;
	case UI_MODE_RECORD:
		if (key == UI_K_ESC || key == 'q' || key == UI_K_ENTER || key == UI_K_BACKSPACE) {
			s->mode = s->results.n > 0 ? UI_MODE_RESULTS : UI_MODE_NORMAL;
			return UI_A_MOVE;
		}
		return UI_A_NONE;
	case UI_MODE_NORMAL:
		break;
	}
	enum ui_act a = global_key(s, key);
	if (a != UI_A_NONE)
		return a;
	switch (s->pane) {
	case UI_DASHBOARD: return dashboard_key(s, key);
	case UI_DUPES: return dupes_key(s, key);
	case UI_INCOMPLETE: return incomplete_key(s, key);
	case UI_LOG: return log_key(s, key);
	case UI_EXPORT: return export_key(s, key);
	case UI_NPANES: break;
	}
	return UI_A_NONE;
}

const char *
ui_state_keys(const struct ui_state *s)
{
	switch (s->mode) {
	case UI_MODE_WELCOME: return "any key: start  ? help";
	case UI_MODE_HELP: return "any key: back  q quit";
	case UI_MODE_PROMPT: return "Enter ok  Esc cancel  ←→ Home End  ^U clear  ^W word";
	case UI_MODE_CONFIRM: return "y yes  any other key: no";
	case UI_MODE_SPLIT: return "←→ record  Space pick  Enter split off the picked  Esc cancel";
	case UI_MODE_RESULTS: return "↑↓ select  Enter open  / search again  Esc back";
	case UI_MODE_RECORD: return "Esc back";
	case UI_MODE_NORMAL: break;
	}
	switch (s->pane) {
	case UI_DASHBOARD: return "Enter review  M match again  I import CSV  P profile  / search  ? help  q quit";
	case UI_DUPES:
		if (s->detail)
			return "←→ record Enter pick e type m master a accept r reject x split"
			       " d defer u undo ?";
		return "Enter open a accept r reject x split d defer f filter s sort u undo"
		       " ? q quit";
	case UI_INCOMPLETE:
		return "←→ rule e edit a apply A apply rule X purge u undo / search ? help q quit";
	case UI_LOG: return "↑↓ entry  f action  w steward  c clear filters  / search  ? help  q quit";
	case UI_EXPORT: return "e folder  Enter export  / search  ? help  q quit";
	case UI_NPANES: break;
	}
	return "";
}
