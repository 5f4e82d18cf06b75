/*
 * The audit trail: an append-only, hash-chained log of every decision.
 *
 * Each entry has a sequence number, a UTC timestamp, the steward, the action
 * ("accept", "edit", "apply", "purge", "undo", ...), its subject
 * ("cluster:12", "record:345"), before and after values (JSON text), the
 * reason (rule, score or comment), the previous entry's hash and its own
 * SHA-256 over all of these. Triggers refuse UPDATE and DELETE on the table,
 * and the newest sequence and hash are also kept in the workspace's meta
 * table, so stw_audit_verify() notices an entry that was altered, removed
 * (also at the end) or inserted.
 */
#ifndef STW_AUDIT_H
#define STW_AUDIT_H

#include <stdint.h>

#include "error.h"
#include "ws.h"

typedef struct {
	const char *steward; /* who; NULL or "" is refused */
	const char *action;  /* what */
	const char *subject; /* on what: "cluster:12", "record:345", "rule:email_typo" */
	const char *before;  /* JSON text or NULL */
	const char *after;   /* JSON text or NULL */
	const char *reason;  /* why: rule, score or comment; may be NULL */
} stw_audit_entry;

/*
 * Appends an entry. Must be called inside a transaction (the decision's own
 * changes and its audit entry commit together). *seq receives the entry's
 * sequence number (may be NULL).
 */
stw_err stw_audit_append(stw_ws *ws, const stw_audit_entry *e, int64_t *seq, stw_error *err);

/*
 * Recomputes the chain. Returns STW_OK with *bad_seq 0 when it is intact;
 * otherwise *bad_seq is the first entry that was altered, removed or
 * inserted (or the place where entries are missing), problem (at least 256
 * bytes) says what, and STW_EDATA is returned. *count receives the number of
 * entries checked.
 */
stw_err stw_audit_verify(stw_ws *ws, int64_t *count, int64_t *bad_seq, char *problem,
                         stw_error *err);

/* The canonical text an entry's hash covers (for tests and documentation). Owned. */
char *stw_audit_canonical(int64_t seq, const char *ts, const char *steward, const char *action,
                          const char *subject, const char *before, const char *after,
                          const char *reason, const char *prev_hash);

#endif
