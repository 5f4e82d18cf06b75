/*
 * A stream of records checked on two worker threads while one thread writes
 * their proposals and findings: the engine behind the full standardization
 * and validation pass (stw_check_all) and behind the import, which checks
 * each row as it loads it.
 *
 * Records are put one at a time, in id order, with their current values in
 * the order of the entity's field rules. They are gathered in batches; a
 * full batch is checked on the workers while the caller goes on (reading
 * the next rows) and the previous batch's results are written. Only the
 * calling thread touches the workspace, inside the caller's transaction;
 * results are written in id order, so they are the same as checking one
 * record at a time.
 */
#ifndef STW_CHECK_PASS_H
#define STW_CHECK_PASS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "check.h"
#include "error.h"
#include "rules.h"
#include "standardize.h"
#include "validate_rules.h"
#include "ws.h"

/* What a pass wrote. */
typedef struct {
	int64_t records;   /* records checked */
	int64_t proposals; /* proposal rows written */
	int64_t findings;  /* finding rows written */
	/* Proposals left open, per stw_standardize_rules() index and kind
	 * (0 suggest, 1 safe). */
	int64_t open[STW_STANDARDIZE_NRULES][2];
} stw_check_tally;

typedef struct stw_check_pass stw_check_pass;

/*
 * Opens a pass over records of entity ("contact" or "company") with rules
 * (NULL: the built-in rules), writing what (STW_RUN_*) into ws. fresh says
 * that the records have no proposal rows at all (new records, or a table
 * emptied first): they are then inserted as they are, which needs no
 * lookup of the unique key; otherwise each is merged with the applied or
 * dismissed proposal of the same record, field and rule.
 */
stw_err stw_check_pass_open(stw_ws *ws, const stw_rules *rules, const char *entity,
                            unsigned what, bool fresh, stw_check_pass **out, stw_error *err);

/* The field rules whose order stw_check_pass_put() expects. */
const stw_field_rules *stw_check_pass_fields(const stw_check_pass *p);

/*
 * Adds record id: v[i] (len[i] bytes; NULL or 0 bytes when empty) is the
 * current value of field i of the field rules. Ids must grow.
 */
stw_err stw_check_pass_put(stw_check_pass *p, int64_t id, const char *const *v,
                           const size_t *len, stw_error *err);

/* Checks and writes what is left, and adds what the pass wrote to tally. */
stw_err stw_check_pass_finish(stw_check_pass *p, stw_check_tally *tally, stw_error *err);

/* Waits for the workers and releases p (finished or not; NULL is fine). */
void stw_check_pass_free(stw_check_pass *p);

/*
 * Writes one checked record's results (what: STW_RUN_*) without a pass:
 * values are the ones out was computed from.
 */
stw_err stw_check_write(stw_ws *ws, unsigned what, const stw_field_rules *fr, int64_t id,
                        const char *const *values, const stw_check_out *out, stw_error *err);

/*
 * How far the records are known to be checked: every record with an id up
 * to the returned one has had its proposals and findings computed by this
 * version of steward with the rule set rules (NULL: built-in), and no
 * decision has been made since. 0 when nothing is known for these rules.
 * counts (may be NULL) receives the open proposals per rule and kind then.
 * stw_checked_set records it; stw_checked_forget drops it unless it is for
 * rules.
 */
int64_t stw_checked_through(stw_ws *ws, const stw_rules *rules, stw_check_tally *counts);
stw_err stw_checked_set(stw_ws *ws, const stw_rules *rules, int64_t through,
                        const stw_check_tally *counts, stw_error *err);
stw_err stw_checked_forget(stw_ws *ws, const stw_rules *rules, stw_error *err);

#endif
