/*
 * Memory helpers, the byte buffer, UTF-8 checks and error records.
 */
#include "util.h"
#include "error.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static stw_oom_handler oom_handler;

void
stw_set_oom_handler(stw_oom_handler fn)
{
	oom_handler = fn;
}

static void
oom(size_t size)
{
	if (oom_handler)
		oom_handler(size);
	fprintf(stderr, "steward: out of memory (%zu bytes)\n", size);
	abort();
}

void *
stw_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		oom(size);
	return p;
}

void *
stw_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom(n * size);
	return p;
}

void *
stw_xrealloc(void *p, size_t size)
{
	void *q = realloc(p, size ? size : 1);
	if (!q)
		oom(size);
	return q;
}

char *
stw_xstrdup(const char *s)
{
	return stw_xstrndup(s, strlen(s));
}

char *
stw_xstrndup(const char *s, size_t n)
{
	char *p = stw_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
stw_xasprintf(const char *fmt, ...)
{
	stw_buf b = STW_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	stw_buf_reserve(&b, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b.data, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b.len = (size_t)n;
	return stw_buf_take(&b);
}

void
stw_buf_reserve(stw_buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->data = stw_xrealloc(b->data, cap);
	b->cap = cap;
}

void
stw_buf_add_slow(stw_buf *b, const void *p, size_t n)
{
	stw_buf_reserve(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
stw_buf_adds(stw_buf *b, const char *s)
{
	size_t n = strlen(s);
	if (b->len + n + 1 > b->cap)
		stw_buf_reserve(b, n);
	memcpy(b->data + b->len, s, n + 1);
	b->len += n;
}

void
stw_buf_printf(stw_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	stw_buf_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
stw_buf_reset(stw_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void
stw_buf_free(stw_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *
stw_buf_take(stw_buf *b)
{
	char *p = b->data;
	if (!p)
		p = stw_xstrdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

size_t
stw_utf8_next(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	if (n == 0)
		return 0;
	unsigned char c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len;
	uint32_t v;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		v = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		v = c & 0x07;
	} else {
		return 0;
	}
	for (size_t k = 1; k < len; k++) {
		if (k >= n || (s[k] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[k] & 0x3F);
	}
	if ((len == 3 && v < 0x800) || (len == 4 && v < 0x10000) || v > 0x10FFFF ||
	    (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return len;
}

size_t
stw_utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t
stw_utf8_valid_prefix(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t len = stw_utf8_next(s + i, n - i, &cp);
		if (len == 0)
			return i;
		i += len;
	}
	return n;
}

int
stw_read_file(const char *path, stw_buf *out)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char chunk[8192];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		stw_buf_add(out, chunk, k);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		errno = EIO;
		return -1;
	}
	if (!out->data)
		stw_buf_add(out, "", 0);
	return 0;
}

bool
stw_utf8_valid(const char *s, size_t n)
{
	return stw_utf8_valid_prefix(s, n) == n;
}

size_t
stw_utf8_count(const char *s, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	return count;
}

void
stw_now_utc(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---- error records ---- */

const char *
stw_strerror(stw_err code)
{
	switch (code) {
#define X(name, val, msg) case name: return msg;
		STW_ERRORS(X)
#undef X
	}
	return "unknown error";
}

stw_err
stw_fail(stw_error *err, stw_err code, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
		err->code = code;
		if (code != STW_EDB)
			err->sqlite_rc = 0;
	}
	return code;
}

void
stw_error_clear(stw_error *err)
{
	if (err) {
		err->code = STW_OK;
		err->sqlite_rc = 0;
		err->msg[0] = '\0';
	}
}

int
stw_exit_status(stw_err code)
{
	if (code == STW_OK)
		return 0;
	if (code == STW_EUSAGE)
		return 2;
	return 1;
}
