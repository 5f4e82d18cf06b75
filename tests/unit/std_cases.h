/*
 * Table-driven checks shared by the standardizer tests: each case is an
 * input, the status it must get and (for CHANGED/SUGGEST) the value.
 * Included by one test file per executable, so the helpers are static.
 */
#ifndef STW_TEST_STD_CASES_H
#define STW_TEST_STD_CASES_H

#include <criterion/criterion.h>
#include <string.h>

#include "std.h"

typedef struct {
	const char *in;
	stw_std_status st;
	const char *out; /* expected value for CHANGED/SUGGEST, else NULL */
} tcase;

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void
run(const char *what, void (*fn)(const char *, stw_std_result *),
    const tcase *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		stw_std_result r = {0};
		fn(c[i].in, &r);
		cr_expect_eq(r.status, c[i].st, "%s(\"%s\"): %s, expected %s (%s)", what,
		             c[i].in ? c[i].in : "(null)", stw_std_status_name(r.status),
		             stw_std_status_name(c[i].st), r.why);
		if (c[i].out)
			cr_expect(r.value && strcmp(r.value, c[i].out) == 0,
			          "%s(\"%s\"): \"%s\", expected \"%s\"", what, c[i].in,
			          r.value ? r.value : "(null)", c[i].out);
		else
			cr_expect_null(r.value, "%s(\"%s\"): unexpected value \"%s\"", what,
			               c[i].in ? c[i].in : "(null)", r.value);
		if (r.status == STW_STD_CHANGED || r.status == STW_STD_SUGGEST ||
		    r.status == STW_STD_INVALID)
			cr_expect(r.why[0], "%s(\"%s\"): no reason given", what, c[i].in);
		stw_std_result_free(&r);
	}
}

#endif
