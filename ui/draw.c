/*
 * Drawing helpers shared by the panes: attributes with a monochrome
 * fallback, fitted and escaped text, bars and boxes.
 */
#include "app.h"
#include "mask.h"
#include "term.h"
#include "text.h"

#include <stdarg.h>
#include <stdio.h>

int
ui_attr(const struct ui_app *a, enum ui_role r)
{
	if (a->color) {
		switch (r) {
		case UI_R_NORMAL: return A_NORMAL;
		case UI_R_TITLE: return COLOR_PAIR(UI_R_TITLE) | A_BOLD;
		case UI_R_SELECT: return COLOR_PAIR(UI_R_SELECT) | A_BOLD;
		case UI_R_DIFF: return COLOR_PAIR(UI_R_DIFF) | A_BOLD;
		case UI_R_GOLD: return COLOR_PAIR(UI_R_GOLD) | A_BOLD;
		case UI_R_ERROR: return COLOR_PAIR(UI_R_ERROR) | A_BOLD;
		case UI_R_OK: return COLOR_PAIR(UI_R_OK);
		case UI_R_DIM: return COLOR_PAIR(UI_R_DIM);
		case UI_R_BAR: return COLOR_PAIR(UI_R_BAR);
		case UI_R_HEAD: return A_BOLD | A_UNDERLINE;
		case UI_NROLES: break;
		}
		return A_NORMAL;
	}
	switch (r) {
	case UI_R_TITLE: return A_REVERSE;
	case UI_R_SELECT: return A_REVERSE;
	case UI_R_DIFF: return A_BOLD;
	case UI_R_GOLD: return A_UNDERLINE;
	case UI_R_ERROR: return A_BOLD;
	case UI_R_HEAD: return A_BOLD | A_UNDERLINE;
	case UI_R_BAR: return A_REVERSE;
	case UI_R_DIM: return A_DIM;
	default: return A_NORMAL;
	}
}

void
ui_size(int *rows, int *cols)
{
	getmaxyx(stdscr, *rows, *cols);
}

void
ui_put_field(struct ui_app *a, int y, int x, int width, const char *field, const char *text,
             int attr)
{
	int rows, cols;
	ui_size(&rows, &cols);
	if (y < 0 || y >= rows || x >= cols || width <= 0)
		return;
	if (x + width > cols)
		width = cols - x;
	const char *s = text;
	if (a->mask && text && ui_mask_field(field)) {
		ui_mask(&a->tmp2, field, text);
		s = a->tmp2.data;
	}
	ui_text_fit(&a->tmp, s, width, true);
	attrset(attr);
	mvaddstr(y, x, a->tmp.data);
	attrset(A_NORMAL);
}

void
ui_put(struct ui_app *a, int y, int x, int width, const char *text, int attr)
{
	ui_put_field(a, y, x, width, "", text, attr);
}

void
ui_putf(struct ui_app *a, int y, int x, int width, int attr, const char *fmt, ...)
{
	char line[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	ui_put(a, y, x, width, line, attr);
}

void
ui_fill(int y, int x, int width, int attr)
{
	attrset(attr);
	mvhline(y, x, ' ', width);
	attrset(A_NORMAL);
}

void
ui_bar(struct ui_app *a, int y, int x, int width, double share)
{
	if (width <= 0)
		return;
	if (share < 0)
		share = 0;
	if (share > 1)
		share = 1;
	int full = (int)(share * width + 0.5);
	/* Colour: a filled background; monochrome: '#'. The rest is dotted. */
	attrset(ui_attr(a, UI_R_BAR));
	for (int i = 0; i < full; i++)
		mvaddch(y, x + i, a->color ? ' ' : '#');
	attrset(ui_attr(a, UI_R_DIM));
	for (int i = full; i < width; i++)
		mvaddch(y, x + i, '.');
	attrset(A_NORMAL);
}

void
ui_box(struct ui_app *a, int y, int x, int h, int w, const char *title)
{
	for (int i = 0; i < h; i++)
		ui_fill(y + i, x, w, A_NORMAL);
	attrset(A_NORMAL);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y, x, ACS_ULCORNER);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	if (title)
		ui_putf(a, y, x + 2, w - 4, A_BOLD, " %s ", title);
}
