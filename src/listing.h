/*
 * Listings for scripts and hand-offs: cluster members, candidate pairs and
 * findings, one row at a time with a fixed set of named, typed columns.
 *
 * A listing is one prepared statement walked in index order, so listing a
 * workspace of a million records streams with flat memory. The command line
 * prints listings as a table, RFC 4180 CSV or one JSON document; the export
 * writes them as spreadsheet-safe worklists (stw_list_write_csv).
 */
#ifndef STW_LISTING_H
#define STW_LISTING_H

#include <stdbool.h>
#include <stddef.h>

#include "csvwrite.h"
#include "error.h"
#include "ws.h"

typedef enum { STW_LIST_CLUSTERS, STW_LIST_PAIRS, STW_LIST_FINDINGS } stw_list_kind;

typedef enum { STW_COL_TEXT, STW_COL_INT, STW_COL_REAL, STW_COL_BOOL } stw_col_type;

typedef struct {
	const char  *status;    /* clusters: open, accepted, rejected, deferred or all (NULL: all) */
	double       min_score; /* pairs: lowest match probability listed */
	const char  *rule;      /* findings: only this rule (NULL: all) */
} stw_list_opts;

typedef struct stw_list stw_list;

/*
 * Opens a listing. On success *out is owned by the caller (stw_list_close).
 * STW_EUSAGE for an unknown status.
 */
stw_err stw_list_open(stw_ws *ws, stw_list_kind kind, const stw_list_opts *opts,
                      stw_list **out, stw_error *err);

/* Column count, names and types. Names are stable: documented in the README. */
size_t       stw_list_ncols(const stw_list *l);
const char  *stw_list_colname(const stw_list *l, size_t i);
stw_col_type stw_list_coltype(const stw_list *l, size_t i);

/*
 * Reads the next row: *values points to ncols strings ("" for empty), valid
 * until the next call. Returns 1 for a row, 0 at the end, -1 on error (err set).
 */
int  stw_list_next(stw_list *l, const char *const **values, stw_error *err);
void stw_list_close(stw_list *l);

/*
 * Writes a whole listing as CSV (with header the header row first; CRLF) into
 * an open output file;
 * with guard, cells a spreadsheet would take for formulas are neutralised.
 * *rows receives the number of data rows.
 */
stw_err stw_list_write_csv(stw_ws *ws, stw_list_kind kind, const stw_list_opts *opts,
                           stw_outfile *out, bool guard, bool header, int64_t *rows,
                           stw_error *err);

#endif
