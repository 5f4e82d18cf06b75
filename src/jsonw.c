/*
 * JSON string escaping. Bytes at or above 0x80 are copied as they are: the
 * workspace holds UTF-8 only.
 */
#include "jsonw.h"

void
stw_json_str(stw_buf *b, const char *s)
{
	if (!s) {
		stw_buf_adds(b, "null");
		return;
	}
	stw_buf_addc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': stw_buf_adds(b, "\\\""); break;
		case '\\': stw_buf_adds(b, "\\\\"); break;
		case '\n': stw_buf_adds(b, "\\n"); break;
		case '\r': stw_buf_adds(b, "\\r"); break;
		case '\t': stw_buf_adds(b, "\\t"); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				stw_buf_printf(b, "\\u%04x", *p);
			else
				stw_buf_addc(b, (char)*p);
		}
	}
	stw_buf_addc(b, '"');
}

void
stw_json_key(stw_buf *b, const char *key, bool first)
{
	if (!first)
		stw_buf_addc(b, ',');
	stw_json_str(b, key);
	stw_buf_addc(b, ':');
}
