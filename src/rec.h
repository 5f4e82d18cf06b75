/*
 * Current values of records.
 *
 * Imported rows are never changed (table record). Table rec holds, for every
 * record, the current value of each canonical field: the original mapped
 * value plus the changes applied since (edits, standardizations,
 * survivorship), each of which is also a row in table change so it can be
 * traced and undone. The import fills rec as it writes record (through a
 * stw_rec_writer); stw_rec_sync() fills in whatever is still missing.
 */
#ifndef STW_REC_H
#define STW_REC_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "ws.h"

/* The canonical fields stored in rec, NULL-terminated (union of entities). */
const char *const *stw_rec_fields(void);

/* True when field is a column of rec. */
int stw_rec_has_field(const char *field);

/*
 * Adds rec rows for one source's records, in the caller's transaction:
 * open reads the source's column mapping (table source_column), put adds
 * record id with the row's columns v[0..n) (len[i] bytes each; a column
 * the mapping names beyond n is stored as NULL).
 */
typedef struct stw_rec_writer stw_rec_writer;
stw_err stw_rec_writer_open(stw_ws *ws, int64_t source_id, const char *entity,
                            stw_rec_writer **out, stw_error *err);
stw_err stw_rec_writer_put(stw_rec_writer *w, int64_t id, const char *const *v,
                           const size_t *len, size_t n, stw_error *err);

/* One row for stw_rec_writer_put_rows: as the arguments of put. */
typedef struct {
	int64_t            id;
	const char *const *v;
	const size_t      *len;
	size_t             n;
} stw_rec_row;

/* Rows written STW_REC_MANY to a statement (far cheaper than one each). */
#define STW_REC_MANY 16

/* Adds count rows: as many puts, in one statement when count is STW_REC_MANY. */
stw_err stw_rec_writer_put_rows(stw_rec_writer *w, const stw_rec_row *rows, int count,
                                stw_error *err);
void    stw_rec_writer_close(stw_rec_writer *w);

/*
 * Adds rec rows for records that have none yet (records imported before
 * the import kept rec current). Runs in
 * its own transaction unless one is open. Returns the number added in *added
 * (may be NULL).
 */
stw_err stw_rec_sync(stw_ws *ws, int64_t *added, stw_error *err);

/*
 * The current value of field for record id, as an owned string (NULL when
 * empty or when the record does not exist). Returns STW_ENOENT for an unknown
 * record.
 */
stw_err stw_rec_get(stw_ws *ws, int64_t id, const char *field, char **value, stw_error *err);

/*
 * Sets field of record id to value (NULL or "" empties it), recording the old
 * and new value in table change with the audit entry that made it. Must be
 * called inside a transaction; does nothing (and records nothing) when the
 * value does not change. *change_id receives the change's id, or 0.
 */
stw_err stw_rec_set(stw_ws *ws, int64_t id, const char *field, const char *value,
                    int64_t audit_seq, int64_t *change_id, stw_error *err);

/*
 * Reverts one change: restores its old value (if the field still holds the
 * change's new value) and marks it inactive. Inside a transaction.
 */
stw_err stw_rec_revert(stw_ws *ws, int64_t change_id, stw_error *err);

#endif
