/*
 * The ncurses console.
 */
#ifndef UI_CONSOLE_H
#define UI_CONSOLE_H

#include <stdbool.h>

typedef struct {
	const char *path;    /* the workspace */
	const char *steward; /* who decides (recorded in the audit trail) */
	const char *rules;   /* rules file, NULL: the built-in rules */
	bool        mask;    /* mask personal data */
	bool        welcome; /* open on the one-screen introduction (demo) */
	const char *note;    /* a line for the welcome screen: where the data came from */
	const char *import;  /* a CSV file to import first, with progress (NULL: none) */
	bool        create;  /* path is a new workspace for import: created, and
	                      * removed again when that import is cancelled or fails */
} ui_console_opts;

/*
 * Opens the console on the workspace o->path, first importing o->import
 * into it when set. Returns the exit status (0 after a normal quit, 1 when
 * the workspace cannot be opened or there is no terminal, and the import's
 * status when that import is cancelled or fails: the console then closes
 * and a workspace it created is removed).
 */
int ui_console_run(const ui_console_opts *o);

/*
 * Replays keys (UTF-8 text; <Down>, <Enter>, <Esc>, <Tab>, <PgDn>... for the
 * other keys) on an off-screen terminal of rows x cols and prints the time
 * to the first screen and per keystroke (median, mean, max) on stdout;
 * with each, also every keystroke's own time as it happens.
 */
int ui_console_bench(const ui_console_opts *o, const char *keys, int rows, int cols, bool each);

#endif
