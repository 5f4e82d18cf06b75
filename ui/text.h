/*
 * Text for the screen: data made safe to show, measured and fitted.
 *
 * Nothing from the workspace reaches the terminal without going through
 * ui_text_fit(): control characters (C0, DEL, C1) and so every escape
 * sequence are shown escaped ("\e", "\n", "\x07"), bytes that are not UTF-8
 * are shown as "\xHH", and the result is cut or padded to an exact number of
 * terminal columns, counting wide characters as two.
 */
#ifndef UI_TEXT_H
#define UI_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* Appends s (NULL: nothing) to out with control characters and bad bytes escaped. */
void ui_text_escape(stw_buf *out, const char *s);

/* Terminal columns of UTF-8 text that is already escaped. */
int ui_text_width(const char *s);

/*
 * Replaces out's contents with s escaped and fitted to width columns: cut
 * with "…" when longer; padded with spaces when pad is set. Returns the
 * columns used.
 */
int ui_text_fit(stw_buf *out, const char *s, int width, bool pad);

#endif
