/*
 * JSON array of strings: the storage form of a record's columns.
 */
#include "fields.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char hexd[] = "0123456789abcdef";

#define ONES  0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* Whether one of the 8 bytes at p is below 0x20, a quote or a backslash
 * (the bytes JSON escapes): each test is exact for "some byte". */
static inline bool
needs_escape8(const unsigned char *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
	uint64_t q = w ^ (ONES * '"'), b = w ^ (ONES * '\\');
	return (((w - ONES * 0x20) & ~w) | ((q - ONES) & ~q) | ((b - ONES) & ~b)) & HIGHS;
}

void
stw_fields_encode(stw_buf *out, const char *const *values, const size_t *lens, size_t n)
{
	size_t need = 2;
	for (size_t i = 0; i < n; i++)
		need += lens[i] + 3;
	stw_buf_reserve(out, need);
	stw_buf_addc(out, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			stw_buf_addc(out, ',');
		stw_buf_addc(out, '"');
		const unsigned char *s = (const unsigned char *)values[i];
		size_t start = 0;
		for (size_t k = 0; k < lens[i]; k++) {
			/* Eight bytes at a time while none needs escaping (most text). */
			while (k + 8 <= lens[i] && !needs_escape8(s + k))
				k += 8;
			if (k >= lens[i])
				break;
			unsigned char c = s[k];
			if (c >= 0x20 && c != '"' && c != '\\')
				continue;
			stw_buf_add(out, s + start, k - start);
			start = k + 1;
			switch (c) {
			case '"': stw_buf_add(out, "\\\"", 2); break;
			case '\\': stw_buf_add(out, "\\\\", 2); break;
			case '\n': stw_buf_add(out, "\\n", 2); break;
			case '\r': stw_buf_add(out, "\\r", 2); break;
			case '\t': stw_buf_add(out, "\\t", 2); break;
			default: {
				char esc[6] = {'\\', 'u', '0', '0', hexd[c >> 4], hexd[c & 15]};
				stw_buf_add(out, esc, 6);
			}
			}
		}
		stw_buf_add(out, s + start, lens[i] - start);
		stw_buf_addc(out, '"');
	}
	stw_buf_addc(out, ']');
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int
read_u4(const char *p, const char *end, unsigned *cp)
{
	if (end - p < 4)
		return -1;
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		int h = hexval(p[i]);
		if (h < 0)
			return -1;
		v = v << 4 | (unsigned)h;
	}
	*cp = v;
	return 0;
}

int
stw_fields_decode(const char *json, size_t len, stw_fields *f)
{
	memset(f, 0, sizeof *f);
	const char *p = json, *end = json + len;
	/* Decoded text is never longer than the JSON; one NUL per value. */
	f->block_ = stw_xmalloc(len + 1);
	char *o = f->block_;
	size_t cap = 16;
	f->v = stw_xmalloc(cap * sizeof *f->v);
	f->len = stw_xmalloc(cap * sizeof *f->len);
	while (p < end && (*p == ' ' || *p == '\n'))
		p++;
	if (p >= end || *p++ != '[')
		goto bad;
	while (p < end && *p == ' ')
		p++;
	if (p < end && *p == ']')
		return 0;
	for (;;) {
		while (p < end && *p == ' ')
			p++;
		if (p >= end || *p++ != '"')
			goto bad;
		char *start = o;
		for (;;) {
			if (p >= end)
				goto bad;
			char c = *p++;
			if (c == '"')
				break;
			if (c != '\\') {
				*o++ = c;
				continue;
			}
			if (p >= end)
				goto bad;
			char esc = *p++;
			unsigned cp;
			switch (esc) {
			case '"': *o++ = '"'; break;
			case '\\': *o++ = '\\'; break;
			case '/': *o++ = '/'; break;
			case 'b': *o++ = '\b'; break;
			case 'f': *o++ = '\f'; break;
			case 'n': *o++ = '\n'; break;
			case 'r': *o++ = '\r'; break;
			case 't': *o++ = '\t'; break;
			case 'u':
				if (read_u4(p, end, &cp) != 0)
					goto bad;
				p += 4;
				if (cp >= 0xD800 && cp < 0xDC00 && end - p >= 6 && p[0] == '\\' &&
				    p[1] == 'u') {
					unsigned lo;
					if (read_u4(p + 2, end, &lo) == 0 && lo >= 0xDC00 && lo < 0xE000) {
						cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
						p += 6;
					}
				}
				o += stw_utf8_encode(cp, o);
				break;
			default:
				goto bad;
			}
		}
		if (f->n == cap) {
			cap *= 2;
			f->v = stw_xrealloc(f->v, cap * sizeof *f->v);
			f->len = stw_xrealloc(f->len, cap * sizeof *f->len);
		}
		f->v[f->n] = start;
		f->len[f->n] = (size_t)(o - start);
		f->n++;
		*o++ = '\0';
		while (p < end && *p == ' ')
			p++;
		if (p >= end)
			goto bad;
		if (*p == ',') {
			p++;
			continue;
		}
		if (*p == ']')
			return 0;
		goto bad;
	}
bad:
	stw_fields_free(f);
	return -1;
}

void
stw_fields_free(stw_fields *f)
{
	free(f->v);
	free(f->len);
	free(f->block_);
	memset(f, 0, sizeof *f);
}
