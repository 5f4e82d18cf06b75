/*
 * Decisions: what a steward does to clusters and records.
 *
 * On a cluster: accept (merge its records into one surviving master built by
 * survivorship), reject (its records are different people or companies:
 * every pair goes to rejected_pair and is never proposed again), split (take
 * records out; the rest stays a cluster), defer (come back later). On a
 * record: edit a value, apply or dismiss a proposed standardization, purge
 * (marked, never deleted) and restore. Applying a whole rule's proposals is
 * one decision however many records it changes (decide_bulk.c). Undo
 * reverses the steward's latest decision still in force, as a new decision;
 * nothing is ever rewritten.
 *
 * Every decision is one transaction (BEGIN IMMEDIATE, so two stewards on one
 * workspace queue up behind each other): the state is checked first (a
 * cluster already accepted or rejected cannot be decided again, so no
 * decision is applied twice), exactly one audit entry is appended, every
 * value change goes through stw_rec_set() linked to that entry, and what undo
 * needs to put back is written to tables decision and decision_prior.
 *
 * Claims: a steward who opens a cluster claims it (cluster.claimed_by and
 * claimed_at). A claim by another steward younger than STW_CLAIM_TTL blocks
 * deciding the cluster (STW_EBUSY) unless forced; older claims have expired.
 * Deciding a cluster releases its claim.
 *
 * Every record a decision changes has its validation findings recomputed
 * (stw_validate_record) inside the same transaction, so the findings always
 * describe the current values.
 *
 * Values of columns that are not mapped to a canonical field (a notes or
 * description column, say) can be changed too: such a change is stored in
 * table change with the field written "#HEADER" (the original header), and
 * the newest active one is the column's current value.
 */
#ifndef STW_DECIDE_H
#define STW_DECIDE_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"
#include "rules.h"
#include "survive.h"
#include "ws.h"

/* A claim younger than this (seconds) blocks other stewards. */
#define STW_CLAIM_TTL (30 * 60)

/* Who decides, and why. */
typedef struct {
	const char *steward; /* required */
	const char *comment; /* the steward's reason, or NULL */
	bool        force;   /* decide even when another steward holds a recent claim */
	const stw_rules *rules; /* rules to revalidate changed records with; NULL: built-in */
} stw_decider;

/* Accept's choices. */
typedef struct {
	int64_t                master;   /* the master record, or 0 for the rules' choice */
	const stw_surv_choice *choices;  /* --pick FIELD=RECORD and --set FIELD=VALUE */
	int                    nchoices;
	const stw_rules       *rules;    /* survivorship rules; NULL: the built-in ones */
} stw_accept_opts;

/*
 * Claims cluster for d->steward. Fails with STW_EBUSY when another steward
 * holds a claim younger than STW_CLAIM_TTL (unless d->force), STW_ENOENT for
 * an unknown cluster. Claims are not decisions: nothing is logged.
 */
stw_err stw_decide_claim(stw_ws *ws, const stw_decider *d, int64_t cluster, stw_error *err);
/* Releases d->steward's claim on cluster (nothing when it holds none). */
stw_err stw_decide_release(stw_ws *ws, const stw_decider *d, int64_t cluster, stw_error *err);

/*
 * Builds the golden record of cluster without changing anything (for the
 * console and for --dry-run). On success g is owned by the caller
 * (stw_golden_free).
 */
stw_err stw_decide_golden(stw_ws *ws, int64_t cluster, const stw_accept_opts *o, stw_golden *g,
                          stw_error *err);

/*
 * The cluster decisions. Each returns STW_OK and the audit entry's sequence
 * in *seq (may be NULL), or: STW_ENOENT (no such cluster), STW_EEXIST (the
 * cluster was already decided, or is already deferred), STW_EBUSY (claimed by
 * another steward, or the workspace stayed locked), STW_EUSAGE (bad choice,
 * record not in the cluster, a split leaving fewer than two records),
 * STW_EDATA (a member was purged or merged elsewhere). On failure nothing
 * has changed.
 */
stw_err stw_decide_accept(stw_ws *ws, const stw_decider *d, int64_t cluster,
                          const stw_accept_opts *o, int64_t *seq, stw_error *err);
stw_err stw_decide_reject(stw_ws *ws, const stw_decider *d, int64_t cluster, int64_t *seq,
                          stw_error *err);
stw_err stw_decide_split(stw_ws *ws, const stw_decider *d, int64_t cluster,
                         const int64_t *records, int nrecords, int64_t *seq, stw_error *err);
stw_err stw_decide_defer(stw_ws *ws, const stw_decider *d, int64_t cluster, int64_t *seq,
                         stw_error *err);

/*
 * Sets one value of record. field is a canonical field, or an original
 * column header of the record's file (mapped or not). value "" empties it.
 * STW_EEXIST when the value is already that (nothing logged).
 */
stw_err stw_decide_edit(stw_ws *ws, const stw_decider *d, int64_t record, const char *field,
                        const char *value, int64_t *seq, stw_error *err);

/* Marks an active record purged (reason required) / a purged one active again. */
stw_err stw_decide_purge(stw_ws *ws, const stw_decider *d, int64_t record, const char *reason,
                         int64_t *seq, stw_error *err);
stw_err stw_decide_restore(stw_ws *ws, const stw_decider *d, int64_t record, int64_t *seq,
                           stw_error *err);

/*
 * Applies / dismisses an open standardization proposal (table proposal).
 * STW_ENOENT (no such proposal), STW_EEXIST (not open). Applying a stale
 * proposal (its `before` is no longer the field's current value) is refused
 * with STW_EDATA and nothing is logged; dismissing one is allowed.
 */
stw_err stw_decide_apply(stw_ws *ws, const stw_decider *d, int64_t proposal, int64_t *seq,
                         stw_error *err);
stw_err stw_decide_dismiss(stw_ws *ws, const stw_decider *d, int64_t proposal, int64_t *seq,
                           stw_error *err);

/*
 * Applies every open proposal of rule (any kind), or when rule is NULL every
 * open `safe` proposal, of active records, as ONE decision: one audit entry
 * (action "apply", subject "rule:NAME" or "rule:*", reason "rule NAME" or
 * "rules A, B"), every change linked to it, one decision row. An undo of it
 * reverts every change and reopens every proposal it applied, in one step.
 * Stale proposals are skipped and counted in *skipped; *applied counts the
 * applied proposals, *records the changed records, *seq the entry (0 when
 * nothing applied: then nothing is logged). Each may be NULL. Records
 * changed are revalidated with d->rules. An unknown rule name is
 * STW_EUSAGE. On failure nothing has changed.
 */
stw_err stw_decide_apply_rule(stw_ws *ws, const stw_decider *d, const char *rule,
                              int64_t *applied, int64_t *records, int64_t *skipped,
                              int64_t *seq, stw_error *err);

/*
 * Undoes d->steward's latest decision still in force: its value changes are
 * reverted, statuses put back (cluster open again, merged and purged records
 * active again, rejected pairs forgotten, split records back in their
 * cluster, proposals open again), and an "undo" entry naming the undone
 * entry is appended. *undone receives the undone entry's sequence (may be
 * NULL). STW_ENOENT when there is nothing to undo; STW_EEXIST when a later
 * decision of another steward built on it (that one must be undone first).
 */
stw_err stw_decide_undo(stw_ws *ws, const stw_decider *d, int64_t *undone, int64_t *seq,
                        stw_error *err);

/*
 * Finds a record from the command line's text: a workspace record id
 * ("12"), or "id:EXTERNAL" for the CRM's id. STW_ENOENT when there is none,
 * STW_EDATA when an external id names several records.
 */
stw_err stw_decide_find_record(stw_ws *ws, const char *text, int64_t *id, stw_error *err);

#endif
