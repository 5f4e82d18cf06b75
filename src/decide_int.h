/*
 * Internals shared by decide.c (clusters), decide_rec.c (records) and
 * decide_undo.c: small statement runners, the decision tables, and the
 * current values of unmapped columns. Not for use outside the decide files.
 */
#ifndef STW_DECIDE_INT_H
#define STW_DECIDE_INT_H

#include "decide.h"
#include "util.h"

/*
 * Prepares sql, binds the arguments described by types ('i' int64_t, 't'
 * const char * or NULL for NULL), and steps it to the end. what names the
 * work in error messages. *changes (may be NULL) receives sqlite3_changes().
 */
stw_err stw_dx_run(stw_ws *ws, stw_error *err, const char *what, int *changes,
                   const char *sql, const char *types, ...);

/*
 * Runs a one-row query with the same binds and returns its first column:
 * *i (may be NULL) as an integer, *s (may be NULL) as an owned string or NULL.
 * *found is false when there is no row.
 */
stw_err stw_dx_one(stw_ws *ws, stw_error *err, const char *what, bool *found, int64_t *i,
                   char **s, const char *sql, const char *types, ...);

/* Starts a decision: BEGIN IMMEDIATE and current values for new records. */
stw_err stw_dx_begin(stw_ws *ws, stw_error *err);
/* Commits, or rolls back when e is not STW_OK; returns the outcome. */
stw_err stw_dx_end(stw_ws *ws, stw_err e, stw_error *err);

/* Appends the audit entry of a decision, with d's comment added to reason. */
stw_err stw_dx_audit(stw_ws *ws, const stw_decider *d, const char *action, const char *subject,
                     const char *before, const char *after, const char *reason, int64_t *seq,
                     stw_error *err);

/* Records a decision in force (cluster, record: 0 for none). */
stw_err stw_dx_decision(stw_ws *ws, int64_t seq, const stw_decider *d, const char *action,
                        int64_t cluster, int64_t record, stw_error *err);

/* Remembers the status (and ref, see ws.c) an object had before decision seq. */
stw_err stw_dx_prior(stw_ws *ws, int64_t seq, const char *kind, int64_t id, const char *status,
                     bool has_ref, int64_t ref, stw_error *err);

/*
 * Current value of the unmapped column header of record: the newest active
 * "#HEADER" change, else the original value. *exists is false when the
 * record's file has no such column. *value is owned (NULL when empty).
 */
stw_err stw_dx_extra_get(stw_ws *ws, int64_t record, const char *header, bool *exists,
                         char **value, stw_error *err);
/* Sets it, logging a "#HEADER" change for audit entry seq (nothing when equal). */
stw_err stw_dx_extra_set(stw_ws *ws, int64_t record, const char *header, const char *value,
                         int64_t seq, stw_error *err);

/* The mapped field of header in record's file: owned, or NULL when unmapped/absent. */
stw_err stw_dx_header_field(stw_ws *ws, int64_t record, const char *header, bool *exists,
                            char **field, stw_error *err);

/*
 * Checks that d may decide cluster now: it exists, its status allows action
 * ("accept", "defer", ...), and no other steward holds a recent claim.
 * *status receives the current status (owned), *size the size.
 */
stw_err stw_dx_check_cluster(stw_ws *ws, const stw_decider *d, int64_t cluster,
                             const char *action, char **status, int64_t *size, stw_error *err);

/* Sets a cluster's status and size (releasing its claim), remembering the old ones. */
stw_err stw_dx_set_cluster(stw_ws *ws, int64_t seq, int64_t cluster, const char *old_status,
                           int64_t old_size, const char *status, int64_t size, stw_error *err);

/* Recomputes record's validation findings with d's rules (inside the transaction). */
stw_err stw_dx_revalidate(stw_ws *ws, const stw_decider *d, int64_t record, stw_error *err);

#endif
