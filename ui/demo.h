/*
 * steward demo: the sample data in a scratch workspace, opened in the console.
 */
#ifndef UI_DEMO_H
#define UI_DEMO_H

#include <stdbool.h>

#include "console.h"

/*
 * Copies the sample exports (sample-db/, or freshly generated ones when it
 * is not there) into a new temporary folder, imports and matches them into a
 * workspace there and opens the console on it with the welcome screen. The
 * folder is removed on quit unless keep. Returns the exit status.
 */
int ui_demo_run(ui_console_opts *o, bool keep);

#endif
