/*
 * Importing a CSV export into a workspace.
 *
 * The file is read twice: once for its SHA-256 (a file already imported is
 * refused unless forced) and to check whether it is valid UTF-8, then to
 * load it. Every row is kept exactly, with its physical line number; rows
 * that cannot be read go to the quarantine with the reason. Each row's
 * mapped values also become the record's current values (table rec) and,
 * when asked, are checked against the rules on two worker threads while
 * the load goes on. The load is one
 * transaction: a failed or interrupted import leaves the workspace as it was.
 */
#ifndef STW_IMPORT_H
#define STW_IMPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "dialect.h"
#include "error.h"
#include "profile.h"
#include "rules.h"
#include "ws.h"

typedef struct {
	const char *profile;   /* NULL: detect; else a name, a CRM or a .yaml path */
	const char *encoding;  /* NULL: UTF-8 if valid, else Windows-1252 */
	char        delimiter; /* 0: sniff */
	int         header;    /* -1: sniff, 0: no header row, 1: header row */
	bool        force;     /* import a file whose SHA-256 is already there */
	bool        dry_run;   /* read and map, write nothing */
	const char *steward;   /* who imports (recorded with the source) */
	/* Check each row as it loads (proposals and findings, as `steward
	 * standardize` would make them) with rules (NULL: the built-in rules).
	 * Skipped when the records already there were not all checked with the
	 * same rules (see stw_checked_through); `steward standardize` then
	 * checks the new ones. */
	bool        check;
	const stw_rules *rules;
	/* Called now and then with bytes read so far and the file size. */
	void      (*progress)(uint64_t done, uint64_t total, void *arg);
	void       *progress_arg;
	/* Set to non-zero (e.g. from a signal handler) to cancel; nothing is kept. */
	volatile int *cancel;
} stw_import_opts;

typedef struct {
	char        sha256[65];
	char        encoding[32];  /* encoding the file was read in */
	bool        converted;     /* decoded to UTF-8 from another encoding */
	bool        bom;
	stw_dialect dialect;
	size_t      ncols;
	char      **headers;       /* ncols headers, owned */
	stw_mapping mapping;
	int64_t     rows;          /* records imported (or that would be) */
	int64_t     quarantined;   /* rows sent to quarantine */
	int64_t     source_id;     /* 0 on a dry run */
	bool        checked;       /* the rows were checked as they loaded */
	int64_t     proposals;     /* then: open proposals and findings they got */
	int64_t     findings;
	char        first_problem[256]; /* the first quarantine reason, or "" */
} stw_import_result;

/*
 * Imports the CSV file at path into ws (ws may be NULL on a dry run). On
 * success res is filled (release with stw_import_result_free). On failure
 * the workspace is unchanged, res holds nothing to free, and err says why:
 * STW_EEXIST for a file already imported, STW_EDATA for a file that cannot
 * be imported at all (empty, unreadable header, UTF-16), STW_ECANCEL when
 * cancelled.
 */
stw_err stw_import_file(stw_ws *ws, const char *path, const stw_import_opts *opts,
                        stw_import_result *res, stw_error *err);

void stw_import_result_free(stw_import_result *res);

/*
 * Quarantine rows of a workspace, in source then line order: calls fn for
 * each (source name, line, end line, reason, raw bytes). fn returns non-zero
 * to stop.
 */
typedef int (*stw_quarantine_fn)(const char *source, int64_t line, int64_t end_line,
                                 const char *reason, const void *raw, size_t raw_len,
                                 void *arg);
stw_err stw_quarantine_each(stw_ws *ws, stw_quarantine_fn fn, void *arg, stw_error *err);

#endif
