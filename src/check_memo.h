/*
 * A memo of standardizer results for stw_check_record_memo(): most CRM
 * columns hold few distinct values (countries, states, cities, titles,
 * first names), so each distinct (type, country, value) is standardized
 * once and the result reused. Internal to check.c and check_memo.c.
 *
 * The table is direct-mapped and bounded (a new value takes the slot of an
 * older one), so memory stays flat on columns of unique values, and a field
 * whose values turn out to be nearly all distinct (phones, e-mail
 * addresses, streets) stops using the memo after a trial, since storing
 * what never repeats only costs. A memo belongs to one thread and one
 * stw_check_ctx; results are the standardizers' own, so nothing changes
 * but the time taken.
 */
#ifndef STW_CHECK_MEMO_H
#define STW_CHECK_MEMO_H

#include <stdint.h>

#include "check.h"

/*
 * The memoized result for field (index in the field rules) of type with
 * country (NULL: none) and value v, or NULL when it is not known; then
 * *hash receives what stw_check_memo_put() needs, or 0 when the field does
 * not use the memo (do not put).
 */
const stw_std_result *stw_check_memo_get(stw_check_memo *m, int field, int type,
                                         const char *country, const char *v, uint64_t *hash);

/*
 * Stores res (taking its strings; res is left an empty result) for the key
 * of the last stw_check_memo_get() that returned NULL with this hash, and
 * returns the stored result, valid until the next put.
 */
const stw_std_result *stw_check_memo_put(stw_check_memo *m, uint64_t hash, int type,
                                         const char *country, const char *v,
                                         stw_std_result *res);

#endif
