/*
 * Export for re-import into the CRM: records.csv with the original headers,
 * column order and every original column, one row per kept record.
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

typedef struct {
	bool force; /* write into a folder that already holds files */
} stw_export_opts;

typedef struct {
	size_t  nfiles;
	char    files[STW_EXPORT_MAX_FILES][256]; /* names written, relative to the folder */
	int64_t rows[STW_EXPORT_MAX_FILES];       /* data rows in each */
} stw_export_result;

/*
 * Writes the export into dir (created if missing). Sources with the same
 * header go to one records.csv; when sources differ, each gets
 * records-ID-NAME.csv. On failure nothing new is left in dir.
 */
stw_err stw_export(stw_ws *ws, const char *dir, const stw_export_opts *opts,
                   stw_export_result *res, stw_error *err);

#endif
