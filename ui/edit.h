/*
 * A one-line text editor for prompts and in-place edits.
 *
 * The text is UTF-8; the cursor is a byte offset that always sits on a code
 * point boundary. Keys are code points or UI_K_* codes (state.h). Drawing
 * needs only ui_edit_view(), which says which bytes are visible in a given
 * width and where the cursor is, measured in terminal columns (wcwidth).
 */
#ifndef UI_EDIT_H
#define UI_EDIT_H

#include <stdbool.h>
#include <stddef.h>

#define UI_EDIT_MAX 1024

struct ui_edit {
	char   buf[UI_EDIT_MAX]; /* NUL-terminated UTF-8 */
	size_t len;              /* bytes */
	size_t cur;              /* byte offset of the cursor */
};

enum ui_edit_result {
	UI_EDIT_GOING,  /* keep editing */
	UI_EDIT_DONE,   /* Enter */
	UI_EDIT_CANCEL, /* Esc */
};

/* Starts editing text (NULL: empty), cursor at the end. */
void ui_edit_set(struct ui_edit *e, const char *text);

/*
 * Handles one key: printable code points are inserted, Left/Right move by
 * code point, Home/End and Ctrl-A/Ctrl-E jump, Backspace/Delete erase,
 * Ctrl-U erases to the start, Ctrl-K to the end, Ctrl-W the word before the
 * cursor. Control characters are refused. Text that would not fit is
 * refused whole.
 */
enum ui_edit_result ui_edit_key(struct ui_edit *e, int key);

/*
 * For a field of width columns: *start is the first visible byte and *curx
 * the cursor's column inside the field, scrolled so the cursor is visible.
 */
void ui_edit_view(const struct ui_edit *e, int width, size_t *start, int *curx);

/* Decodes one UTF-8 code point at s (n bytes); returns its length (1 for a bad byte, *cp = 0xFFFD). */
size_t ui_utf8_decode(const char *s, size_t n, unsigned *cp);
/* Encodes cp; returns the bytes written to out (at least 4 bytes), 0 if invalid. */
size_t ui_utf8_encode(unsigned cp, char *out);
/* Terminal columns of code point cp: 0, 1 or 2 (control characters: 0). */
int ui_cp_width(unsigned cp);

#endif
