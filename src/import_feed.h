/*
 * The import's reading thread: parses CSV rows ahead of the loader, in
 * batches, while the loader writes the rows before them.
 *
 * The feed owns the reading once started. It also does the row-level work
 * that needs no workspace: a row whose number of fields differs from the
 * header's gets its reason (a multi-line one is cut back to its first line,
 * see stw_csv_resync), and a good row gets its storage form
 * (stw_fields_encode) when asked for.
 */
#ifndef STW_IMPORT_FEED_H
#define STW_IMPORT_FEED_H

#include "csvread.h"

typedef struct stw_feed stw_feed;

typedef struct {
	stw_csv_row row;    /* as stw_csv_next gave it (raw only when why is set) */
	const char *why;    /* NULL, or why the row goes to the quarantine */
	const char *json;   /* the fields' storage form (encode, good rows) */
	size_t      json_len;
	uint64_t    offset; /* bytes of the file read up to this row */
	bool        last;   /* the last row of its batch: the next call ends the
	                     * life of this row's bytes, and of those before it */
} stw_feed_row;

/*
 * Starts reading csv (borrowed; the feed alone reads it until
 * stw_feed_stop) on a thread. ncols: the header's number of fields.
 * encode: give good rows their storage form.
 */
stw_err stw_feed_start(stw_feed **out, stw_csv *csv, size_t ncols, bool encode, stw_error *err);

/*
 * The next row. Its bytes (values, lens, raw, json; not the v array, which
 * is the feed's scratch) stay valid until the call after the one that
 * returns a row marked last. Returns 1, 0 at the end of the file, or -1 on
 * a read error (err set).
 */
int stw_feed_next(stw_feed *f, stw_feed_row *row, stw_error *err);

/* Stops the thread (at once, rows not taken are dropped) and frees f. */
void stw_feed_stop(stw_feed *f);

#endif
