/*
 * Writing CSV: RFC 4180 quoting, and the spreadsheet guard for files meant
 * to be opened by people.
 */
#ifndef STW_CSVWRITE_H
#define STW_CSVWRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util.h"

/*
 * True when a spreadsheet would take the cell for a formula: it starts with
 * '=', '+', '-', '@', a tab, CR or LF (or their full-width forms), and it
 * is not a phone number (+15551234567, +44 (0)20 7946 0000) or a plain
 * number (-5, -3.25).
 */
bool stw_csv_formula_risk(const char *s, size_t n);

/*
 * Appends one field to out, quoted when it holds the delimiter, a quote, CR
 * or LF, or starts or ends with a space. With guard, a risky cell (see
 * stw_csv_formula_risk) is prefixed with a single quote.
 */
void stw_csv_put_field(stw_buf *out, const char *s, size_t n, char delim, bool guard);

/* Appends a whole row: fields separated by delim, ended by CRLF. */
void stw_csv_put_row(stw_buf *out, const char *const *v, const size_t *len, size_t n,
                     char delim, bool guard);

/*
 * An output file written beside its final name and renamed into place on
 * commit, so a reader never sees half a file.
 */
typedef struct {
	FILE *f;
	char *tmp;   /* owned */
	char *final; /* owned */
	bool  failed;
} stw_outfile;

/* Opens DIR/NAME for writing (mode 0600) via a temporary name. */
int  stw_outfile_open(stw_outfile *o, const char *path);
/* Writes n bytes; remembers a failure for commit to report. */
void stw_outfile_write(stw_outfile *o, const void *p, size_t n);
/* Flushes, fsyncs and renames. Returns 0, or -1 with errno set (the temporary is removed). */
int  stw_outfile_commit(stw_outfile *o);
/* Removes the temporary (when not committed) and frees. Safe after commit. */
void stw_outfile_abort(stw_outfile *o);

#endif
