/*
 * The one place that includes curses.
 */
#ifndef UI_TERM_H
#define UI_TERM_H

#define NCURSES_WIDECHAR 1
#include <curses.h>

#endif
