/*
 * The line editor (see edit.h) and the UTF-8 helpers the console shares.
 */
#include "edit.h"
#include "state.h"

#include <string.h>
#include <wchar.h>

size_t
ui_utf8_decode(const char *str, size_t n, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	if (n == 0) {
		*cp = 0;
		return 0;
	}
	unsigned c = s[0];
	size_t len;
	unsigned min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if ((c & 0xE0) == 0xC0) {
		len = 2, c &= 0x1F, min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		len = 3, c &= 0x0F, min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		len = 4, c &= 0x07, min = 0x10000;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (len > n)
		goto bad;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xFFFD;
	return 1;
}

size_t
ui_utf8_encode(unsigned cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 0;
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp <= 0x10FFFF) {
		o[0] = (unsigned char)(0xF0 | (cp >> 18));
		o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
		o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[3] = (unsigned char)(0x80 | (cp & 0x3F));
		return 4;
	}
	return 0;
}

int
ui_cp_width(unsigned cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	int w = wcwidth((wchar_t)cp);
	/* Unknown to the locale (or a C locale): count one column, as the terminal will. */
	return w < 0 ? 1 : w;
}

void
ui_edit_set(struct ui_edit *e, const char *text)
{
	size_t n = text ? strlen(text) : 0;
	if (n >= UI_EDIT_MAX)
		n = UI_EDIT_MAX - 1;
	/* Never cut a code point in two. */
	while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
		n--;
	if (n)
		memcpy(e->buf, text, n);
	e->buf[n] = '\0';
	e->len = n;
	e->cur = n;
}

static size_t
prev_cp(const struct ui_edit *e, size_t at)
{
	if (at == 0)
		return 0;
	at--;
	while (at > 0 && ((unsigned char)e->buf[at] & 0xC0) == 0x80)
		at--;
	return at;
}

static size_t
next_cp(const struct ui_edit *e, size_t at)
{
	if (at >= e->len)
		return e->len;
	unsigned cp;
	return at + ui_utf8_decode(e->buf + at, e->len - at, &cp);
}

static void
erase(struct ui_edit *e, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	e->cur = from;
}

static void
insert(struct ui_edit *e, unsigned cp)
{
	char enc[4];
	size_t n = ui_utf8_encode(cp, enc);
	if (n == 0 || e->len + n >= UI_EDIT_MAX)
		return;
	memmove(e->buf + e->cur + n, e->buf + e->cur, e->len - e->cur + 1);
	memcpy(e->buf + e->cur, enc, n);
	e->len += n;
	e->cur += n;
}

static bool
is_space_at(const struct ui_edit *e, size_t at)
{
	return e->buf[at] == ' ' || e->buf[at] == '\t';
}

enum ui_edit_result
ui_edit_key(struct ui_edit *e, int key)
{
	switch (key) {
	case UI_K_ENTER:
	case '\n':
	case '\r':
		return UI_EDIT_DONE;
	case UI_K_ESC:
	case UI_CTRL('g'):
		return UI_EDIT_CANCEL;
	case UI_K_LEFT:
	case UI_CTRL('b'):
		e->cur = prev_cp(e, e->cur);
		break;
	case UI_K_RIGHT:
	case UI_CTRL('f'):
		e->cur = next_cp(e, e->cur);
		break;
	case UI_K_HOME:
	case UI_CTRL('a'):
		e->cur = 0;
		break;
	case UI_K_END:
	case UI_CTRL('e'):
		e->cur = e->len;
		break;
	case UI_K_BACKSPACE:
	case 0x7F:
	case UI_CTRL('h'):
		erase(e, prev_cp(e, e->cur), e->cur);
		break;
	case UI_K_DELETE:
	case UI_CTRL('d'):
		erase(e, e->cur, next_cp(e, e->cur));
		break;
	case UI_CTRL('u'):
		erase(e, 0, e->cur);
		break;
	case UI_CTRL('k'):
		e->buf[e->cur] = '\0';
		e->len = e->cur;
		break;
	case UI_CTRL('w'): {
		size_t at = e->cur;
		while (at > 0 && is_space_at(e, prev_cp(e, at)))
			at = prev_cp(e, at);
		while (at > 0 && !is_space_at(e, prev_cp(e, at)))
			at = prev_cp(e, at);
		erase(e, at, e->cur);
		break;
	}
	default:
		if (key >= 0x20 && key < UI_K_BASE && key != 0x7F && !(key >= 0x80 && key < 0xA0))
			insert(e, (unsigned)key);
		break;
	}
	return UI_EDIT_GOING;
}

void
ui_edit_view(const struct ui_edit *e, int width, size_t *start, int *curx)
{
	if (width < 2)
		width = 2;
	/* Columns from each candidate start to the cursor; move the start
	 * forward until the cursor fits (keeping one column for it). */
	size_t s = 0;
	for (;;) {
		int cols = 0;
		size_t at = s;
		while (at < e->cur) {
			unsigned cp;
			at += ui_utf8_decode(e->buf + at, e->len - at, &cp);
			cols += ui_cp_width(cp);
		}
		if (cols < width || s >= e->cur) {
			*start = s;
			*curx = cols;
			return;
		}
		s = next_cp(e, s);
	}
}
