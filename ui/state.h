/*
 * The console's state machine: key -> action -> new state.
 *
 * Nothing here draws or reads the workspace. ui_key() moves cursors,
 * switches panes and modes and returns the action the main loop must carry
 * out against the workspace (accept a cluster, apply a fix...); the main
 * loop then tells the state what it found (ui_state_set_count(), the
 * cluster's size...) and draws. Keys are Unicode code points, or UI_K_*
 * codes above the Unicode range for the keys that are not text, so tests
 * can drive it without a terminal.
 */
#ifndef UI_STATE_H
#define UI_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "edit.h"

enum {
	UI_K_BASE = 0x110000,
	UI_K_UP, UI_K_DOWN, UI_K_LEFT, UI_K_RIGHT,
	UI_K_PGUP, UI_K_PGDN, UI_K_HOME, UI_K_END,
	UI_K_ENTER, UI_K_ESC, UI_K_BACKSPACE, UI_K_DELETE,
	UI_K_TAB, UI_K_BTAB, UI_K_RESIZE, UI_K_MOUSE,
};

#define UI_CTRL(c) ((c) & 0x1f)

enum ui_pane {
	UI_DASHBOARD,
	UI_DUPES,
	UI_INCOMPLETE,
	UI_LOG,
	UI_EXPORT,
	UI_NPANES,
};

enum ui_mode {
	UI_MODE_NORMAL,
	UI_MODE_WELCOME, /* the demo's one-screen introduction */
	UI_MODE_HELP,    /* every key */
	UI_MODE_PROMPT,  /* a line being typed (see prompt) */
	UI_MODE_CONFIRM, /* y/n for confirm_act */
	UI_MODE_SPLIT,   /* picking the records to split off */
	UI_MODE_RESULTS, /* search results */
	UI_MODE_RECORD,  /* one record's fields */
};

enum ui_prompt {
	UI_PROMPT_NONE,
	UI_PROMPT_SEARCH, /* / */
	UI_PROMPT_JUMP,   /* : */
	UI_PROMPT_VALUE,  /* a typed golden value (Duplicates) */
	UI_PROMPT_EDIT,   /* a field's new value (Incomplete) */
	UI_PROMPT_PURGE,  /* the reason for a purge */
	UI_PROMPT_FOLDER, /* the export folder */
	UI_PROMPT_IMPORT, /* a CSV file to import (Dashboard I) */
};

/* What the main loop must do after a key. */
enum ui_act {
	UI_A_NONE,        /* nothing changed */
	UI_A_MOVE,        /* the state changed: reload the visible page and draw */
	UI_A_RELOAD,      /* the workspace may have changed: reload counts too */
	UI_A_QUIT,
	UI_A_ACCEPT,      /* the selected cluster, with the golden record */
	UI_A_REJECT,
	UI_A_DEFER,
	UI_A_SPLIT,       /* split_mask of the selected cluster's records */
	UI_A_PICK,        /* field row, record column: that value into the golden record */
	UI_A_SET_VALUE,   /* field row: the typed value (edit.buf) */
	UI_A_MASTER,      /* record column: the master record */
	UI_A_UNDO,        /* the steward's last decision */
	UI_A_EDIT,        /* the selected finding's field := edit.buf */
	UI_A_APPLY,       /* the selected finding's proposal */
	UI_A_APPLY_RULE_ASK, /* count what applying the rule changes, then ui_confirm() */
	UI_A_APPLY_RULE,  /* confirmed: apply every open proposal of the rule */
	UI_A_PURGE,       /* the selected finding's record, reason edit.buf */
	UI_A_SEARCH,      /* edit.buf */
	UI_A_JUMP,        /* edit.buf: "c12", "r345" or "12" */
	UI_A_OPEN_RECORD, /* the selected search result */
	UI_A_EXPORT,      /* into export_dir */
	UI_A_MATCH,       /* match again, with progress */
	UI_A_PROFILE,     /* compute the quality profile now */
	UI_A_IMPORT,      /* import the CSV file edit.buf, with progress */
	UI_A_CLICK,       /* a mouse click at click_y, click_x (resolved by the view) */
};

/* A cursor over a list that is read one page at a time. */
struct ui_list {
	int64_t cur; /* selected row, 0-based */
	int64_t top; /* first visible row */
	int64_t n;   /* rows in the list */
	int     page;/* visible rows (set by the drawing) */
};

struct ui_state {
	enum ui_pane   pane;
	enum ui_mode   mode;
	enum ui_mode   back;        /* mode to return to after help/prompt */
	int            rows, cols;  /* screen size */

	struct ui_list list[UI_NPANES]; /* per pane: its main list */

	/* Duplicates */
	int      filter;            /* stw_view_filter value */
	int      sort;              /* stw_view_sort value */
	bool     detail;            /* focus on the cluster detail (else the queue) */
	int      field;             /* field row in the detail */
	int      nfields;
	int      col;               /* selected record column */
	int      ncols;             /* records in the cluster */
	int      col_first;         /* first record column shown (horizontal scroll) */
	int      col_fit;           /* record columns that fit (set by the drawing) */
	uint64_t split_mask;        /* records picked for a split (bit per column) */

	/* Incomplete */
	int      rule;              /* selected rule group */
	int      nrules;

	/* Log */
	int      log_action;        /* 0: any; else index+1 into the distinct actions */
	int      nactions;
	int      log_steward;
	int      nstewards;

	/* Search results and record detail */
	struct ui_list results;

	/* Prompt and confirmation */
	enum ui_prompt prompt;
	struct ui_edit edit;
	bool           prompt_fill; /* the view puts the current value into edit */
	enum ui_act    confirm_act;
	char           confirm[256];

	char           export_dir[1024];
	char           status[256]; /* the message line */
	bool           status_error;

	int            click_y, click_x;
};

/* Initial state for a screen of rows x cols. */
void ui_state_init(struct ui_state *s, int rows, int cols);

/* Handles one key. Returns what the main loop must do. */
enum ui_act ui_key(struct ui_state *s, int key);

/* The screen changed size: keeps every cursor and makes it visible again. */
void ui_state_resize(struct ui_state *s, int rows, int cols);

/* Sets the row count of a list and keeps its cursor inside. */
void ui_list_set_count(struct ui_list *l, int64_t n);
/* Moves the cursor by delta (clamped) and scrolls so it is visible. */
void ui_list_move(struct ui_list *l, int64_t delta);
/* Puts the cursor on row i (clamped). */
void ui_list_set(struct ui_list *l, int64_t i);
/* Sets the visible rows and scrolls so the cursor is visible. */
void ui_list_set_page(struct ui_list *l, int page);

/* The selected cluster detail's record count and field count changed. */
void ui_state_set_detail(struct ui_state *s, int ncols, int nfields);

/* Asks y/n; on y the next key returns act. */
void ui_confirm(struct ui_state *s, enum ui_act act, const char *question);

/* Sets the message line. */
void ui_status(struct ui_state *s, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Opens a prompt of kind k with initial text (may be NULL). */
void ui_prompt_open(struct ui_state *s, enum ui_prompt k, const char *text);

/* The label of each pane ("Dashboard"...). Static. */
const char *ui_pane_name(enum ui_pane p);

/* The keys that work in the current pane and mode, for the bottom bar. Static. */
const char *ui_state_keys(const struct ui_state *s);

#endif
