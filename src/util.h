/*
 * Memory helpers and a growable byte buffer.
 *
 * stw_xmalloc and friends never return NULL: on failure they call the
 * out-of-memory handler (the console installs one that restores the terminal
 * first) and then abort. Everything they return is released with free().
 */
#ifndef STW_UTIL_H
#define STW_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <string.h>

typedef void (*stw_oom_handler)(size_t size);

/* Installs the handler run before aborting on out-of-memory (NULL: none). */
void stw_set_oom_handler(stw_oom_handler fn);

void *stw_xmalloc(size_t size);
void *stw_xcalloc(size_t n, size_t size);
void *stw_xrealloc(void *p, size_t size);
char *stw_xstrdup(const char *s);
char *stw_xstrndup(const char *s, size_t n);
/* printf into a new string; the caller frees it. */
char *stw_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable buffer; data is always NUL-terminated (len excludes the NUL). */
typedef struct {
	char  *data;
	size_t len;
	size_t cap;
} stw_buf;

#define STW_BUF_INIT {NULL, 0, 0}

void stw_buf_reserve(stw_buf *b, size_t extra);
/* stw_buf_add when the buffer must grow first. */
void stw_buf_add_slow(stw_buf *b, const void *p, size_t n);
void stw_buf_adds(stw_buf *b, const char *s);

/*
 * Appending is inline because the standardizers build their output a byte
 * at a time: only growing the buffer is a call.
 */
static inline void
stw_buf_add(stw_buf *b, const void *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		stw_buf_add_slow(b, p, n);
		return;
	}
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static inline void
stw_buf_addc(stw_buf *b, char c)
{
	if (b->len + 2 > b->cap)
		stw_buf_reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}
void stw_buf_printf(stw_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void stw_buf_reset(stw_buf *b);   /* len = 0, keeps the memory */
void stw_buf_free(stw_buf *b);    /* frees and re-initialises */
/* Hands the data to the caller (who frees it) and re-initialises b. */
char *stw_buf_take(stw_buf *b);

/* True when s (n bytes) is well-formed UTF-8 (no overlongs, no surrogates). */
bool stw_utf8_valid(const char *s, size_t n);
/*
 * Length of the longest prefix of s (n bytes) that is well-formed UTF-8, so
 * the first bad byte is at s[result] when result < n.
 */
size_t stw_utf8_valid_prefix(const char *s, size_t n);
/*
 * Decodes the UTF-8 sequence at s (at most n bytes): returns its length and
 * sets *cp, or returns 0 when the bytes there are not a well-formed sequence
 * (overlong forms, surrogates, values above U+10FFFF, a cut sequence). For a
 * NUL-terminated string n may be 4: the NUL is never a continuation byte.
 */
size_t stw_utf8_next(const char *s, size_t n, uint32_t *cp);
/* Writes cp (at most U+10FFFF) as UTF-8 into out; returns the byte count (1-4). */
size_t stw_utf8_encode(uint32_t cp, char out[4]);
/* Number of code points in a UTF-8 string of n bytes (bad bytes count as one). */
size_t stw_utf8_count(const char *s, size_t n);

/*
 * Reads the whole file at path into out (appending). Returns 0, or -1 with
 * errno set (out may then hold part of the file).
 */
int stw_read_file(const char *path, stw_buf *out);

/* Current time as "YYYY-MM-DDTHH:MM:SSZ" into out (at least 21 bytes). */
void stw_now_utc(char out[32]);

#endif
