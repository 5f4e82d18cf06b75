/*
 * Streaming CSV reader on top of libcsv that knows physical line numbers.
 *
 * The file is read in blocks and handed to libcsv one physical line at a
 * time, so each row carries the line it starts on and the line it ends on,
 * and its original bytes (for the quarantine). Lines are decoded to UTF-8 by
 * the given decoder; a NUL byte or a byte that cannot be decoded marks the
 * row bad instead of stopping the import. An unterminated quote (found at the
 * end of the file, or when one row grows past STW_CSV_MAX_ROW) marks only the
 * line that opened it bad, and reading resumes on the next line, so one stray
 * quote never swallows the rest of the file. Memory stays flat: one row at a
 * time.
 */
#ifndef STW_CSVREAD_H
#define STW_CSVREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode.h"
#include "dialect.h"
#include "error.h"

/* A single row larger than this is taken for an unterminated quote. */
#define STW_CSV_MAX_ROW ((size_t)64 << 20)

typedef struct stw_csv stw_csv;

typedef struct {
	size_t       n;        /* number of fields */
	const char **v;        /* v[i]: field i, UTF-8, NUL-terminated */
	const size_t *len;     /* len[i]: its length in bytes */
	long         line;     /* physical line the row starts on (1-based) */
	long         end_line; /* physical line it ends on */
	const char  *raw;      /* the row's original bytes, terminator included */
	size_t       raw_len;
	const char  *bad;      /* NULL, or why the row cannot be used */
	bool         bad_encoding; /* bad because of a byte invalid in the encoding */
} stw_csv_row;

/*
 * Opens path for reading with dialect d and decoder dec (borrowed; must
 * outlive the reader). skip_bom skips a leading UTF-8 byte order mark.
 * trusted_utf8 says the whole file was already checked to be valid UTF-8.
 * On success *out is owned by the caller (stw_csv_close).
 */
stw_err stw_csv_open(stw_csv **out, const char *path, const stw_dialect *d, stw_decoder *dec,
                     bool skip_bom, bool trusted_utf8, stw_error *err);
void    stw_csv_close(stw_csv *r);

/*
 * Reads the next row into row (its pointers stay valid until the next call).
 * Returns 1 for a row, 0 at the end of the file, -1 on an I/O error (err set).
 */
int stw_csv_next(stw_csv *r, stw_csv_row *row, stw_error *err);

/*
 * When the caller finds that the row just returned, which spans several
 * lines, has the wrong number of fields, it may call this to keep only that
 * row's first line as the bad row and read on from its second line (a stray
 * quote is the usual cause). Adjusts row's raw and end_line. Returns 0, or -1
 * on an I/O error.
 */
int stw_csv_resync(stw_csv *r, stw_csv_row *row, stw_error *err);

/* Bytes consumed so far (for progress). */
uint64_t stw_csv_offset(const stw_csv *r);

#endif
