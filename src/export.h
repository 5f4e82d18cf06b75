/*
 * Export for re-import into the CRM:
 *
 *   records.csv   surviving records (purged and merged-away ones left out)
 *                 with their current values written into the columns the
 *                 fields were mapped from; original headers, column order
 *                 and unmapped columns carried through
 *   merges.csv    one row per merged-away record: master and duplicate
 *                 external ids, cluster, step, steward, time, and the values
 *                 the master takes (JSON keyed by original header)
 *   changes.csv   external id, field (original header), old and new value,
 *                 for every value of a surviving record that differs from
 *                 the imported one
 *   deletes.csv   external ids of purged records with the reason
 *   audit.jsonl   the audit trail, oldest entry first
 *
 * With the worklist option, also (guarded by default, like every file meant
 * for people):
 *
 *   clusters.csv  open and deferred duplicate clusters, one row per member
 *                 (the columns of `steward clusters`)
 *   findings.csv  validation findings (the columns of `steward findings`)
 *
 * The spreadsheet guard (a leading apostrophe, inside quotes, before cells a
 * spreadsheet would take for a formula; see stw_csv_formula_risk) is applied
 * by default to the files people review (merges.csv, deletes.csv) and not to
 * the files the CRM's import tools read (records.csv, changes.csv);
 * STW_GUARD_NONE and STW_GUARD_ALL change that for every CSV file.
 *
 * Files are written under temporary names and renamed into place only when
 * all of them are complete, so a failed export leaves the folder as it was.
 * A non-empty folder is refused unless forced.
 */
#ifndef STW_EXPORT_H
#define STW_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "ws.h"

#define STW_EXPORT_MAX_FILES 64

typedef enum {
	STW_GUARD_DEFAULT = 0, /* files for people guarded, re-import files not */
	STW_GUARD_NONE,        /* no file guarded (machine re-import of everything) */
	STW_GUARD_ALL,         /* every CSV file guarded (for opening in a spreadsheet) */
} stw_export_guard;

typedef struct {
	bool             force; /* write into a folder that already holds files */
	stw_export_guard guard;
	bool             worklist; /* also clusters.csv and findings.csv, for a client to review */
} stw_export_opts;

typedef struct {
	size_t  nfiles;
	char    files[STW_EXPORT_MAX_FILES][256]; /* names written, relative to the folder */
	int64_t rows[STW_EXPORT_MAX_FILES];       /* data rows in each */
} stw_export_result;

/*
 * Writes the export into dir (created if missing). Sources with the same
 * header go to one records.csv; when sources differ, each gets
 * records-ID-NAME.csv. The other files follow (see above), each always
 * written, with its header when it has no rows. On failure nothing new is
 * left in dir.
 */
stw_err stw_export(stw_ws *ws, const char *dir, const stw_export_opts *opts,
                   stw_export_result *res, stw_error *err);

#endif
