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
} ui_console_opts;

/*
 * Opens the console on the workspace o->path. Returns the exit status
 * (0 after a normal quit, 1 when the workspace cannot be opened or there is
 * no terminal).
 */
int ui_console_run(const ui_console_opts *o);

/*
 * Replays keys (UTF-8 text; <Down>, <Enter>, <Esc>, <Tab>, <PgDn>... for the
 * other keys) on an off-screen terminal of rows x cols and prints the time
 * to the first screen and per keystroke (median, mean, max) on stdout.
 */
int ui_console_bench(const ui_console_opts *o, const char *keys, int rows, int cols);

#endif
