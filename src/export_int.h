/*
 * The export's files besides records.csv, as a table of writers that
 * stw_export() runs in order (export_decisions.c). A new file is one more
 * entry: a name, whether people open it (guarded by default), whether the
 * options ask for it, and a function that writes it into an stw_outfile.
 */
#ifndef STW_EXPORT_INT_H
#define STW_EXPORT_INT_H

#include "csvwrite.h"
#include "export.h"

typedef struct {
	const char *name;       /* file name in the export folder */
	bool        for_people; /* guarded by default (STW_GUARD_DEFAULT) */
	bool      (*wanted)(const stw_export_opts *o); /* NULL: always written */
	stw_err   (*write)(stw_ws *ws, stw_outfile *of, bool guard, int64_t *rows,
	                   stw_error *err);
} stw_export_writer;

/* NULL-terminated by a writer with name NULL. */
extern const stw_export_writer stw_export_writers[];

/* Whether a file is guarded under o. */
bool stw_export_guarded(const stw_export_opts *o, bool for_people);

#endif
