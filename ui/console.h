/*
 * The ncurses console.
 */
#ifndef UI_CONSOLE_H
#define UI_CONSOLE_H

/*
 * Opens the console on the workspace at path. Returns the exit status
 * (0 after a normal quit, 1 when the workspace cannot be opened or there is
 * no terminal).
 */
int ui_console_run(const char *path);

#endif
