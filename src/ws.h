/*
 * The workspace: one SQLite file per piece of work.
 *
 * A workspace holds every imported row exactly as it came (source file, line
 * number and all columns in order), the quarantine of rows that could not be
 * read, and, as later modules add them, the decisions and the audit trail.
 * It is opened in WAL mode with a busy timeout so that two stewards can work
 * on one file; it is created with mode 0600; its schema is versioned and
 * migrated forward on open.
 *
 * Core modules reach the database through stw_ws_db(); the console never
 * does (it calls the core's functions).
 */
#ifndef STW_WS_H
#define STW_WS_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

typedef struct stw_ws stw_ws;

enum {
	STW_WS_CREATE   = 1, /* create the file if it does not exist */
	STW_WS_READONLY = 2, /* open read-only (listings, log --verify) */
};

/* The schema version this build writes. */
#define STW_SCHEMA_VERSION 3

/*
 * Opens the workspace at path. With STW_WS_CREATE a missing file is created
 * (mode 0600) with the current schema; otherwise a missing file is an error
 * (STW_ENOENT). A file that is not a Steward workspace, or was written by a
 * newer Steward, is refused (STW_EDATA). Older schemas are migrated.
 * On success *out is owned by the caller (stw_ws_close); on failure *out is
 * NULL and err says why.
 */
stw_err stw_ws_open(stw_ws **out, const char *path, int flags, stw_error *err);

/* Closes the workspace. NULL is fine. */
void stw_ws_close(stw_ws *ws);

/* The SQLite handle, borrowed for the workspace's lifetime. Core only. */
sqlite3 *stw_ws_db(stw_ws *ws);

/* The path the workspace was opened with. Borrowed. */
const char *stw_ws_path(const stw_ws *ws);

/*
 * Fills err with an STW_EDB error naming the workspace and SQLite's message
 * for rc, and returns STW_EDB. `what` says what was being done.
 */
stw_err stw_ws_dberr(stw_ws *ws, int rc, const char *what, stw_error *err);

/* Transactions. begin uses BEGIN IMMEDIATE (waits on the busy timeout). */
stw_err stw_ws_begin(stw_ws *ws, stw_error *err);
stw_err stw_ws_commit(stw_ws *ws, stw_error *err);
void    stw_ws_rollback(stw_ws *ws);

/*
 * For a bulk load: switches to a rollback journal (on) when no other process
 * has the workspace open, so each page is written once instead of twice (WAL
 * log, then checkpoint); back to WAL with on = false. Call outside a
 * transaction. Returns true when the switch took effect; when it is refused
 * the load simply runs in WAL mode.
 */
bool stw_ws_bulk_mode(stw_ws *ws, bool on);

/*
 * A pass that writes more pages than the usual page cache (64 MiB) holds
 * reads spilled pages back (the next index update, an index rebuild): with
 * on, the cache grows to 512 MiB for this connection; off restores it. The
 * import does not use it, to keep its memory low; the standardization pass
 * does.
 */
void stw_ws_big_cache(stw_ws *ws, bool on);

/*
 * Secondary indexes set aside for a bulk write: building an index once from
 * the finished table is far cheaper than updating it row by row.
 * stw_ws_drop_indexes drops the secondary indexes of table (not the ones
 * behind a UNIQUE or PRIMARY KEY constraint), adding their SQL to set;
 * stw_ws_restore_indexes creates them again and empties set. Both inside
 * the caller's transaction, so a failure in between loses nothing.
 * stw_ws_index_set_free releases a set that is not restored.
 */
typedef struct {
	char  **name;
	char  **sql;
	size_t  n;
} stw_index_set;
stw_err stw_ws_drop_indexes(stw_ws *ws, const char *table, stw_index_set *set, stw_error *err);
stw_err stw_ws_restore_indexes(stw_ws *ws, stw_index_set *set, stw_error *err);
/* Creates the one index of set called name now (if set holds it) and takes it out of set. */
stw_err stw_ws_restore_index(stw_ws *ws, stw_index_set *set, const char *name, stw_error *err);
void    stw_ws_index_set_free(stw_index_set *set);

/* Reads or writes a value of the meta table. get returns an owned string or NULL. */
char   *stw_ws_meta_get(stw_ws *ws, const char *key);
stw_err stw_ws_meta_set(stw_ws *ws, const char *key, const char *value, stw_error *err);

/* Runs sql (no rows); on failure err says what was being done. */
stw_err stw_ws_exec(stw_ws *ws, const char *sql, const char *what, stw_error *err);

/* The first column of the first row of sql (a count, a max id); -1 on a
 * database error or when there is no row. */
int64_t stw_ws_query_int(stw_ws *ws, const char *sql);

/* Simple counts used by summaries. Return -1 on a database error. */
int64_t stw_ws_count_records(stw_ws *ws);
int64_t stw_ws_count_quarantine(stw_ws *ws);
int64_t stw_ws_count_sources(stw_ws *ws);

/* Prepares sql or fills err; *st is NULL on failure. */
stw_err stw_ws_prepare(stw_ws *ws, const char *sql, sqlite3_stmt **st, stw_error *err);

/*
 * Prepares head ("INSERT INTO t(a, b)") with rows rows of ncols parameters:
 * a bulk write binds many rows to one statement, which costs far less than
 * as many executions of a one-row INSERT.
 */
stw_err stw_ws_prepare_insert(stw_ws *ws, const char *head, int ncols, int rows,
                              sqlite3_stmt **st, stw_error *err);

#endif
