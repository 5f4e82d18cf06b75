/*
 * The running console: the workspace, the state machine, the page of data
 * each pane shows, and the drawing helpers the panes share.
 *
 * Each pane is a file (view_*.c) exporting a const struct ui_view: load()
 * reads the page the state points at through the core's view.h queries,
 * draw() paints it, click() turns a mouse click into a cursor move. The key
 * handling of every pane lives in state.c, with no terminal.
 */
#ifndef UI_APP_H
#define UI_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "decide.h"
#include "export.h"
#include "match.h"
#include "quality_cache.h"
#include "rules.h"
#include "state.h"
#include "util.h"
#include "view.h"
#include "ws.h"

/* Colour roles; each has a monochrome fallback (see ui_attr). */
enum ui_role {
	UI_R_NORMAL,
	UI_R_TITLE,    /* header line and bottom bar */
	UI_R_SELECT,   /* the cursor row */
	UI_R_DIFF,     /* a cell that differs between records */
	UI_R_GOLD,     /* the golden record column */
	UI_R_ERROR,
	UI_R_OK,
	UI_R_DIM,
	UI_R_BAR,      /* filled part of a bar */
	UI_R_HEAD,     /* column headings */
	UI_NROLES,
};

/* What the dashboard knows of the quality profile. */
enum ui_quality {
	UI_Q_NONE,   /* not computed for this data, and too big to do unasked */
	UI_Q_READY,  /* figures of the data as it is */
	UI_Q_OLD,    /* figures of the data before the latest changes */
	UI_Q_FAILED,
};

/* The steward's picks for the golden record of one cluster. */
#define UI_MAX_CHOICES 64
struct ui_picks {
	int64_t         cluster;
	int64_t         master;                 /* 0: the rules' choice */
	int             n;
	stw_surv_choice c[UI_MAX_CHOICES];      /* field static; value owned */
};

struct ui_app {
	stw_ws         *ws;
	stw_rules      *rules;
	const char     *steward;
	const char     *name;       /* workspace name for the header */
	const char     *note;       /* the welcome screen's line on the data (may be NULL) */
	bool            mask;
	bool            color;
	bool            headless;   /* benchmark: never wait for a terminal */
	struct ui_state st;
	stw_decider     who;

	stw_view_counts counts;
	bool            counts_stale;

	/* Dashboard: the quality profile's figures (see view_dashboard.c) */
	stw_qsum        quality;
	enum ui_quality quality_state;
	bool            quality_check;  /* the data may have changed: look again */

	/* Duplicates */
	stw_view_clusters        queue;
	stw_view_cluster_detail *detail;
	stw_golden               golden;
	bool                     have_golden;
	char                     golden_err[512];
	struct ui_picks          picks;
	int64_t                  golden_for;    /* cluster the golden record is of */
	bool                     golden_dirty;  /* picks changed since */
	stw_explain             *why;           /* the why line's pair, explained (or NULL) */
	int64_t                  why_a, why_b;  /* the pair why is of; 0: none tried */
	int                      count_filter;  /* filter queue_count is of, -1: none */
	int64_t                  queue_count;

	/* Incomplete */
	stw_view_rules    rules_list;
	stw_view_findings findings;
	int               count_rule;  /* rule group finding_count is of, -1: none */
	int64_t           finding_count;

	/* Log */
	stw_view_log log;
	char       **actions;
	char       **stewards;

	/* Search and record detail */
	stw_view_records        results;
	stw_view_record_detail *record;

	/* Export: the last run's result */
	bool              exported;
	stw_export_result export_res;

	stw_buf tmp;   /* scratch for fitting text */
	stw_buf tmp2;
};

struct ui_view {
	const char *name;
	void (*load)(struct ui_app *a);
	void (*draw)(struct ui_app *a, int top, int height);
	void (*click)(struct ui_app *a, int y, int x, int top);
};

extern const struct ui_view ui_view_dashboard;
extern const struct ui_view ui_view_dupes;
extern const struct ui_view ui_view_incomplete;
extern const struct ui_view ui_view_log;
extern const struct ui_view ui_view_export;

/* Overlays, drawn over the pane. */
void ui_help_draw(struct ui_app *a);
void ui_welcome_draw(struct ui_app *a);
void ui_search_draw(struct ui_app *a);
void ui_record_draw(struct ui_app *a);

/* ---- Drawing helpers (draw.c) ---- */

/* The attribute for a role: a colour pair, or bold/reverse/underline without colour. */
int  ui_attr(const struct ui_app *a, enum ui_role r);
/* Writes text (escaped, masked as field when masking) at y,x fitted to width columns. */
void ui_put(struct ui_app *a, int y, int x, int width, const char *text, int attr);
void ui_put_field(struct ui_app *a, int y, int x, int width, const char *field,
                  const char *text, int attr);
/* printf into a fitted cell. */
void ui_putf(struct ui_app *a, int y, int x, int width, int attr, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Fills a row from x to the right edge with attr. */
void ui_fill(int y, int x, int width, int attr);
/* A horizontal bar of width columns filled to share (0..1). */
void ui_bar(struct ui_app *a, int y, int x, int width, double share);
/* A box with a title, used by the overlays. */
void ui_box(struct ui_app *a, int y, int x, int h, int w, const char *title);
/* Screen size. */
void ui_size(int *rows, int *cols);

/* ---- Actions (act.c): carry out what ui_key() returned ---- */
void ui_act_run(struct ui_app *a, enum ui_act act);
/*
 * Imports the CSV file at path into the workspace with a progress bar on
 * the bottom lines (Esc or Ctrl-C cancels: nothing is kept), then gives the
 * new records their current values. The message line says what happened.
 * Returns false when nothing was imported (err says why, or the import was
 * cancelled: err->code STW_ECANCEL).
 */
bool ui_import_run(struct ui_app *a, const char *path, stw_error *err);
/* Clears the golden-record picks. */
void ui_picks_clear(struct ui_picks *p);

/* The dashboard's quality figures: looked up (and computed when the
 * workspace is small, or when force) if the data changed. */
void ui_quality_load(struct ui_app *a, bool force);

/* Records (search results and one record). */
void ui_search_load(struct ui_app *a);
void ui_record_load(struct ui_app *a, int64_t id);

#endif
