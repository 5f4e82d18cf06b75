/*
 * Escaping, measuring and fitting text for the screen (see text.h).
 */
#include "text.h"
#include "edit.h"

#include <stdio.h>
#include <string.h>

void
ui_text_escape(stw_buf *out, const char *s)
{
	if (!s)
		return;
	size_t n = strlen(s);
	size_t i = 0;
	while (i < n) {
		unsigned cp;
		size_t len = ui_utf8_decode(s + i, n - i, &cp);
		unsigned char c = (unsigned char)s[i];
		if (cp == 0xFFFD && len == 1 && c >= 0x80) {
			stw_buf_printf(out, "\\x%02X", c);
		} else if (cp == 0x1B) {
			stw_buf_adds(out, "\\e");
		} else if (cp == '\n') {
			stw_buf_adds(out, "\\n");
		} else if (cp == '\r') {
			stw_buf_adds(out, "\\r");
		} else if (cp == '\t') {
			stw_buf_adds(out, "\\t");
		} else if (cp < 0x20 || cp == 0x7F) {
			stw_buf_printf(out, "\\x%02X", cp);
		} else if (cp >= 0x80 && cp < 0xA0) {
			stw_buf_printf(out, "\\u%04X", cp);
		} else if (cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
		           (cp >= 0x2066 && cp <= 0x2069)) {
			/* Direction overrides would reorder the rest of the line. */
			stw_buf_printf(out, "\\u%04X", cp);
		} else {
			stw_buf_add(out, s + i, len);
		}
		i += len;
	}
}

int
ui_text_width(const char *s)
{
	int w = 0;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		unsigned cp;
		i += ui_utf8_decode(s + i, n - i, &cp);
		w += ui_cp_width(cp);
	}
	return w;
}

int
ui_text_fit(stw_buf *out, const char *s, int width, bool pad)
{
	stw_buf_reset(out);
	stw_buf_adds(out, "");
	if (width <= 0)
		return 0;
	stw_buf esc = STW_BUF_INIT;
	ui_text_escape(&esc, s);
	stw_buf_adds(&esc, "");
	int total = ui_text_width(esc.data);
	int used = 0;
	size_t n = esc.len;
	int room = total > width ? width - 1 : width; /* keep a column for the ellipsis */
	for (size_t i = 0; i < n;) {
		unsigned cp;
		size_t len = ui_utf8_decode(esc.data + i, n - i, &cp);
		int w = ui_cp_width(cp);
		if (used + w > room)
			break;
		stw_buf_add(out, esc.data + i, len);
		used += w;
		i += len;
	}
	if (total > width) {
		stw_buf_adds(out, "…");
		used++;
	}
	while (pad && used < width) {
		stw_buf_addc(out, ' ');
		used++;
	}
	stw_buf_free(&esc);
	return used;
}
