/*
 * The reader keeps one block buffer, one decoded line, the current row's raw
 * bytes and the current row's fields. libcsv is fed a line at a time; its
 * field callback copies fields into the row arena and its row callback marks
 * the row complete.
 */
#include "csvread.h"
#include "util.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BLOCK (1 << 20)

struct stw_csv {
	int          fd;
	char        *path;
	stw_decoder *dec;          /* borrowed */
	bool         trusted_utf8;
	struct csv_parser p;
	char         delim, quote;

	char        *buf;          /* block buffer */
	size_t       cap, start, end;
	uint64_t     buf_off;      /* file offset of buf[0] */
	bool         eof;          /* read() returned 0 */
	bool         done;         /* everything returned */

	long         line;         /* physical lines consumed */
	stw_buf      dec_line;     /* decoded current line */
	stw_buf      raw;          /* raw bytes of the current row */
	size_t       first_line_len; /* raw bytes of the row's first line */
	uint64_t     row_off;      /* file offset where the row starts */
	long         row_line;     /* line where the row starts */
	bool         row_started;
	char         bad[160];
	bool         is_bad;
	bool         bad_encoding; /* the reason is an undecodable byte */

	stw_buf      arena;        /* field bytes, NUL-separated */
	size_t      *offs;         /* field start offsets into arena */
	size_t      *lens;
	const char **ptrs;
	size_t       nf, fcap;
	bool         row_done;
};

static int
no_space(unsigned char c)
{
	(void)c;
	return 0; /* keep every byte of unquoted fields: round trips are exact */
}

static void
on_field(void *s, size_t len, void *data)
{
	stw_csv *r = data;
	if (r->nf == r->fcap) {
		r->fcap = r->fcap ? r->fcap * 2 : 32;
		r->offs = stw_xrealloc(r->offs, r->fcap * sizeof *r->offs);
		r->lens = stw_xrealloc(r->lens, r->fcap * sizeof *r->lens);
		r->ptrs = stw_xrealloc(r->ptrs, r->fcap * sizeof *r->ptrs);
	}
	if (!s)
		len = 0;
	r->offs[r->nf] = r->arena.len;
	r->lens[r->nf] = len;
	r->nf++;
	stw_buf_reserve(&r->arena, len + 1);
	if (len)
		memcpy(r->arena.data + r->arena.len, s, len);
	r->arena.len += len;
	r->arena.data[r->arena.len++] = '\0';
}

/* The fields of a row without quotes: the bytes between delimiters. */
static void
split_plain(stw_csv *r, const char *s, size_t n)
{
	for (;;) {
		const char *d = memchr(s, r->delim, n);
		size_t len = d ? (size_t)(d - s) : n;
		on_field((void *)s, len, r);
		if (!d)
			break;
		s = d + 1;
		n -= len + 1;
	}
	r->row_done = true;
}

static void
on_row(int c, void *data)
{
	(void)c;
	stw_csv *r = data;
	r->row_done = true;
}

static void
parser_reset(stw_csv *r)
{
	csv_free(&r->p);
	csv_init(&r->p, CSV_STRICT_FINI);
	csv_set_delim(&r->p, (unsigned char)r->delim);
	csv_set_quote(&r->p, (unsigned char)r->quote);
	csv_set_space_func(&r->p, no_space);
	/* libcsv grows a field's buffer by this much at a time: large steps keep
	 * a field of several megabytes from being copied thousands of times. */
	csv_set_blk_size(&r->p, 1 << 20);
}

static void
row_reset(stw_csv *r)
{
	stw_buf_reset(&r->raw);
	stw_buf_reset(&r->arena);
	r->nf = 0;
	r->row_done = false;
	r->row_started = false;
	r->is_bad = false;
	r->bad_encoding = false;
	r->bad[0] = '\0';
	r->first_line_len = 0;
}

stw_err
stw_csv_open(stw_csv **out, const char *path, const stw_dialect *d, stw_decoder *dec,
             bool skip_bom, bool trusted_utf8, stw_error *err)
{
	*out = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return stw_fail(err, STW_EIO, "%s: cannot open: %s", path, strerror(errno));
	stw_csv *r = stw_xcalloc(1, sizeof *r);
	r->fd = fd;
	r->path = stw_xstrdup(path);
	r->dec = dec;
	r->trusted_utf8 = trusted_utf8;
	r->delim = d->delimiter;
	r->quote = d->quote;
	r->cap = BLOCK;
	r->buf = stw_xmalloc(r->cap);
	if (csv_init(&r->p, CSV_STRICT_FINI) != 0) {
		stw_csv_close(r);
		return stw_fail(err, STW_ENOMEM, "out of memory");
	}
	parser_reset(r);
	if (skip_bom) {
		char bom[3];
		if (read(fd, bom, 3) == 3 && memcmp(bom, "\xEF\xBB\xBF", 3) == 0)
			r->buf_off = 3;
		if (lseek(fd, (off_t)r->buf_off, SEEK_SET) < 0) {
			stw_csv_close(r);
			return stw_fail(err, STW_EIO, "%s: cannot seek: %s", path, strerror(errno));
		}
	}
	*out = r;
	return STW_OK;
}

void
stw_csv_close(stw_csv *r)
{
	if (!r)
		return;
	csv_free(&r->p);
	if (r->fd >= 0)
		close(r->fd);
	free(r->path);
	free(r->buf);
	stw_buf_free(&r->dec_line);
	stw_buf_free(&r->raw);
	stw_buf_free(&r->arena);
	free(r->offs);
	free(r->lens);
	free(r->ptrs);
	free(r);
}

uint64_t
stw_csv_offset(const stw_csv *r)
{
	return r->buf_off + r->start;
}

/* Reads more bytes, keeping the unread part. Returns bytes read, 0 at EOF, -1 on error. */
static ssize_t
fill(stw_csv *r, stw_error *err)
{
	if (r->start > 0) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->buf_off += r->start;
		r->end -= r->start;
		r->start = 0;
	}
	if (r->end == r->cap) {
		r->cap *= 2;
		r->buf = stw_xrealloc(r->buf, r->cap);
	}
	ssize_t n;
	do
		n = read(r->fd, r->buf + r->end, r->cap - r->end);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		stw_fail(err, STW_EIO, "%s: read error: %s", r->path, strerror(errno));
		return -1;
	}
	if (n == 0)
		r->eof = true;
	r->end += (size_t)n;
	return n;
}

/*
 * Finds the next physical line. Returns 1 with p and n set (terminator
 * included), 0 at the end of the file, -1 on error.
 */
static int
next_line(stw_csv *r, const char **p, size_t *n, stw_error *err)
{
	size_t scan = r->start;
	for (;;) {
		char *s = r->buf + scan;
		size_t avail = r->end - scan;
		char *nl = memchr(s, '\n', avail);
		char *cr = memchr(s, '\r', nl ? (size_t)(nl - s) : avail);
		size_t stop = 0;
		bool found = false;
		if (cr && cr + 1 < r->buf + r->end) {
			stop = (size_t)(cr - r->buf) + (cr[1] == '\n' ? 2 : 1);
			found = true;
		} else if (!cr && nl) {
			stop = (size_t)(nl - r->buf) + 1;
			found = true;
		} else if (cr && r->eof) {
			stop = (size_t)(cr - r->buf) + 1;
			found = true;
		}
		if (found) {
			*p = r->buf + r->start;
			*n = stop - r->start;
			r->start = stop;
			return 1;
		}
		if (r->eof) {
			if (r->end == r->start)
				return 0;
			*p = r->buf + r->start;
			*n = r->end - r->start;
			r->start = r->end;
			return 1;
		}
		size_t keep = cr ? (size_t)(cr - r->buf) : r->end;
		size_t rel = keep - r->start;
		if (fill(r, err) < 0)
			return -1;
		scan = r->start + rel;
	}
}

static void
mark_bad(stw_csv *r, const char *fmt, long line, size_t col)
{
	if (r->is_bad)
		return;
	r->is_bad = true;
	snprintf(r->bad, sizeof r->bad, fmt, line, col);
}

static void
fill_row(stw_csv *r, stw_csv_row *row)
{
	for (size_t i = 0; i < r->nf; i++)
		r->ptrs[i] = r->arena.data + r->offs[i];
	row->n = r->nf;
	row->v = r->ptrs;
	row->len = r->lens;
	row->line = r->row_line;
	row->end_line = r->line;
	row->raw = r->raw.data ? r->raw.data : "";
	row->raw_len = r->raw.len;
	row->bad = r->is_bad ? r->bad : NULL;
	row->bad_encoding = r->bad_encoding;
}

/* Goes back to the start of the line after the current row's first line. */
static int
seek_after_first_line(stw_csv *r, stw_error *err)
{
	uint64_t off = r->row_off + r->first_line_len;
	if (lseek(r->fd, (off_t)off, SEEK_SET) < 0) {
		stw_fail(err, STW_EIO, "%s: cannot seek: %s", r->path, strerror(errno));
		return -1;
	}
	r->buf_off = off;
	r->start = r->end = 0;
	r->eof = false;
	r->line = r->row_line;
	r->raw.len = r->first_line_len;
	r->raw.data[r->raw.len] = '\0';
	parser_reset(r);
	return 0;
}

static void
unterminated(stw_csv *r, stw_csv_row *row)
{
	r->is_bad = false;
	snprintf(r->bad, sizeof r->bad, "unterminated quoted field opened on line %ld", r->row_line);
	r->is_bad = true;
	r->nf = 0;
	fill_row(r, row);
	row->end_line = r->row_line;
}

int
stw_csv_next(stw_csv *r, stw_csv_row *row, stw_error *err)
{
	memset(row, 0, sizeof *row);
	if (r->done)
		return 0;
	row_reset(r);
	for (;;) {
		const char *p;
		size_t n;
		int got = next_line(r, &p, &n, err);
		if (got < 0)
			return -1;
		if (got == 0) {
			/* End of file: flush the last row, or find an open quote. */
			r->done = true;
			if (!r->row_started)
				return 0;
			/* libcsv's own check needs strict mode, which would also refuse
			 * stray quotes inside unquoted fields; look at its state instead
			 * (2 is FIELD_BEGUN). */
			bool open_quote = r->p.pstate == 2 && r->p.quoted;
			if (open_quote || csv_fini(&r->p, on_field, on_row, r) != 0) {
				r->done = false;
				if (seek_after_first_line(r, err) < 0)
					return -1;
				unterminated(r, row);
				return 1;
			}
			fill_row(r, row);
			return 1;
		}
		uint64_t line_off = r->buf_off + (uint64_t)(p - r->buf);
		r->line++;
		/* Blank lines between rows carry nothing. */
		if (!r->row_started && r->p.pstate == 0 &&
		    (p[0] == '\n' || p[0] == '\r'))
			continue;
		if (!r->row_started) {
			r->row_started = true;
			r->row_line = r->line;
			r->row_off = line_off;
			r->first_line_len = n;
		}
		stw_buf_add(&r->raw, p, n);

		const char *text = p;
		size_t tlen = n;
		const char *nul = memchr(p, '\0', n);
		if (nul)
			mark_bad(r, "NUL byte on line %ld, column %zu", r->line,
			         stw_utf8_count(p, (size_t)(nul - p)) + 1);
		if (stw_decoder_is_utf8(r->dec)) {
			/* UTF-8 is checked in place: no copy. */
			size_t ok = r->trusted_utf8 ? n : stw_utf8_valid_prefix(p, n);
			if (ok < n && !r->is_bad) {
				r->is_bad = true;
				r->bad_encoding = true;
				snprintf(r->bad, sizeof r->bad,
				         "byte 0x%02X that is not valid utf-8 on line %ld, column %zu",
				         (unsigned char)p[ok], r->line, stw_utf8_count(p, ok) + 1);
			}
		} else {
			size_t badpos = 0;
			stw_buf_reset(&r->dec_line);
			if (stw_decoder_run(r->dec, p, n, &r->dec_line, &badpos) != 0) {
				if (!r->is_bad) {
					r->is_bad = true;
					r->bad_encoding = true;
					snprintf(r->bad, sizeof r->bad,
					         "byte 0x%02X that is not valid %s on line %ld, column %zu",
					         (unsigned char)p[badpos], stw_decoder_name(r->dec), r->line,
					         stw_utf8_count(p, badpos) + 1);
				}
				/* Feed the raw line so the row still ends where it should. */
				stw_buf_reset(&r->dec_line);
				stw_buf_add(&r->dec_line, p, n);
			}
			text = r->dec_line.data;
			tlen = r->dec_line.len;
		}
		/* A whole row on one line without a quote character: its fields are
		 * the bytes between delimiters, which libcsv would give too (spaces
		 * are kept), so they are split here at a fraction of the cost. */
		if (r->p.pstate == 0 && r->nf == 0 && !memchr(text, r->quote, tlen)) {
			size_t body = tlen;
			if (body && text[body - 1] == '\n')
				body--;
			if (body && text[body - 1] == '\r')
				body--;
			split_plain(r, text, body);
			fill_row(r, row);
			return 1;
		}
		if (csv_parse(&r->p, text, tlen, on_field, on_row, r) != tlen) {
			stw_fail(err, STW_ENOMEM, "%s: line %ld: %s", r->path, r->line,
			         csv_strerror(csv_error(&r->p)));
			return -1;
		}
		if (r->row_done) {
			fill_row(r, row);
			return 1;
		}
		if (r->raw.len > STW_CSV_MAX_ROW) {
			if (seek_after_first_line(r, err) < 0)
				return -1;
			unterminated(r, row);
			return 1;
		}
	}
}

int
stw_csv_resync(stw_csv *r, stw_csv_row *row, stw_error *err)
{
	if (row->end_line == row->line)
		return 0;
	r->done = false;
	if (seek_after_first_line(r, err) < 0)
		return -1;
	row->raw_len = r->first_line_len;
	row->end_line = row->line;
	return 0;
}
