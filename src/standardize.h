/*
 * Standardization proposals: what the rules propose to change, and the
 * decisions that apply or dismiss them.
 *
 * A proposal (table proposal) names a record, a field, the rule, the value
 * before and after, why, and its kind: `safe` (the standardizer's CHANGED:
 * a rewrite that keeps the meaning, such as "(415) 555-0134" ->
 * "+14155550134") or `suggest` (a likely fix that is a guess, such as a
 * domain typo; never applied in bulk unless its rule is named). Originals
 * are never overwritten. Applying and dismissing are decisions of the
 * decisions engine (decide.h), whichever way they are asked for: each is
 * one transaction with one audit entry, every value change made through
 * stw_rec_set() and linked to that entry, the proposals' earlier status
 * kept for undo, and one decision row, so that `steward undo` reverses it.
 * Applying one proposal is a decision on its record (subject "record:ID");
 * applying a rule (or every safe proposal) is ONE decision however many
 * records it changes (subject "rule:NAME"), so one undo takes all of it
 * back and reopens its proposals. Findings of changed records are
 * recomputed in the same transaction.
 *
 * A proposal whose `before` no longer equals the field's current value (the
 * value was edited, or another proposal on the same field was applied
 * first) is stale: applying it is refused one at a time and skipped in
 * bulk; the next run refreshes it.
 *
 * Re-running keeps applied and dismissed proposals and replaces the open
 * ones. A dismissed proposal stays dismissed while the rule proposes the
 * same change for the same value; an applied one whose value has since been
 * reverted (undo) is opened again.
 */
#ifndef STW_STANDARDIZE_H
#define STW_STANDARDIZE_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"
#include "rules.h"
#include "ws.h"

/* What a full pass computes and writes. */
enum {
	STW_RUN_PROPOSE  = 1, /* refresh the open proposals */
	STW_RUN_VALIDATE = 2, /* refresh the findings (see validate.h) */
};

/* Open proposals per rule and kind, for summaries. */
typedef struct {
	char    rule[32];
	bool    safe;
	int64_t count;
} stw_rule_count;

/* The number of rule names stw_standardize_rules() lists. */
#define STW_STANDARDIZE_NRULES 13

typedef struct {
	int64_t        records;   /* active records checked */
	int64_t        proposals; /* open proposals after the run */
	int64_t        findings;  /* findings after the run */
	/* After a run that refreshes the proposals: what stw_proposals_count()
	 * would give, counted while writing (nrules 0 otherwise). */
	stw_rule_count rules[2 * STW_STANDARDIZE_NRULES];
	size_t         nrules;
} stw_run_stats;

/*
 * One pass over every active record (rec.status 'active') of both
 * entities, in one transaction: proposals and/or findings as `what` says,
 * computed on two threads and written by one. Records the rule set's
 * SHA-256 and file name in the workspace's meta table (rules_sha256,
 * rules_file). The caller runs stw_rec_sync() first. On failure nothing is
 * changed. stats may be NULL.
 */
stw_err stw_check_all(stw_ws *ws, const stw_rules *rules, unsigned what, stw_run_stats *stats,
                      stw_error *err);

/*
 * Records in the workspace's meta table which rule set the proposals and
 * findings come from (rules_sha256, rules_file); nothing for NULL (the
 * built-in rules).
 */
stw_err stw_rules_record(stw_ws *ws, const stw_rules *rules, stw_error *err);

/*
 * Brings proposals and findings up to date with rules: checks only the
 * active records not checked yet (those an import added without checking
 * them) when the workspace says the others were checked with the same rule
 * set and steward version (see stw_checked_through in check_pass.h), else
 * every active record (stw_check_all). stats->records counts the records
 * checked, possibly 0; the other figures are for the whole workspace.
 */
stw_err stw_check_new(stw_ws *ws, const stw_rules *rules, stw_run_stats *stats,
                      stw_error *err);

/* stw_check_all(ws, rules, STW_RUN_PROPOSE | STW_RUN_VALIDATE, ...). */
stw_err stw_standardize_run(stw_ws *ws, const stw_rules *rules, stw_run_stats *stats,
                            stw_error *err);

/*
 * Refreshes the open proposals of one record (after an edit). Inside or
 * outside a transaction. STW_ENOENT for an unknown record; a record that is
 * not active just loses its open proposals.
 */
stw_err stw_standardize_record(stw_ws *ws, const stw_rules *rules, int64_t id,
                               stw_error *err);

/* One open proposal, as listed. Strings are borrowed for the callback's duration. */
typedef struct {
	int64_t     id;
	int64_t     record_id;
	const char *field;
	const char *rule;
	const char *kind;   /* "safe" or "suggest" */
	const char *before; /* NULL when empty */
	const char *after;  /* NULL: the field is emptied */
	const char *why;
} stw_proposal;

/* Return non-zero from a callback to stop the iteration (the function then returns STW_OK). */
typedef int (*stw_proposal_fn)(const stw_proposal *p, void *arg);

/*
 * Calls fn for the open proposals of rule (NULL: every rule) of active
 * records, ordered by record and field, skipping `offset` and giving at most
 * `limit` (<= 0: all). For paging in the console.
 */
stw_err stw_proposals_each(stw_ws *ws, const char *rule, int64_t offset, int64_t limit,
                           stw_proposal_fn fn, void *arg, stw_error *err);

/*
 * Fills *out (owned array, free()) with the open proposals of active records
 * counted per rule and kind, ordered by rule; *n receives the length.
 */
stw_err stw_proposals_count(stw_ws *ws, stw_rule_count **out, size_t *n, stw_error *err);

/*
 * Applies open proposal id for steward: stw_decide_apply() with rules for
 * revalidation. STW_ENOENT (no such proposal), STW_EEXIST (not open),
 * STW_EDATA (stale: the value changed since; nothing is logged). *seq
 * receives the audit entry's sequence (may be NULL).
 */
stw_err stw_standardize_apply_id(stw_ws *ws, const stw_rules *rules, const char *steward,
                                 int64_t id, int64_t *seq, stw_error *err);

/*
 * Applies every open proposal of rule (any kind), or when rule is NULL every
 * open `safe` proposal, of active records: stw_decide_apply_rule(), one
 * decision and one audit entry for the whole operation, findings of the
 * changed records refreshed. Stale proposals are skipped and counted in
 * *skipped; *applied counts applied proposals and *records changed records
 * (each may be NULL). An unknown rule name is STW_EUSAGE.
 */
stw_err stw_standardize_apply_rule(stw_ws *ws, const stw_rules *rules, const char *steward,
                                   const char *rule, int64_t *applied, int64_t *records,
                                   int64_t *skipped, stw_error *err);

/*
 * Dismisses open proposal id for steward: stw_decide_dismiss(). STW_ENOENT,
 * STW_EEXIST as for apply.
 */
stw_err stw_standardize_dismiss_id(stw_ws *ws, const char *steward, int64_t id, int64_t *seq,
                                   stw_error *err);

/* The rule names proposals can have, NULL-terminated. Static storage. */
const char *const *stw_standardize_rules(void);

/*
 * The field rules of entity from rules (its "validation" part), or, when the
 * rule set has no section for the entity, built-in ones stored in *owned
 * (free with stw_field_rules_free; *owned is NULL otherwise).
 */
const struct stw_field_rules *stw_entity_field_rules(const stw_rules *rules, const char *entity,
                                                     struct stw_field_rules **owned);

#endif
