#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import.h"
#include "quality.h"
#include "quality_cache.h"
#include "rec.h"
#include "rules.h"
#include "standardize.h"
#include "ws.h"

/*
 * tests/fixtures/quality_contacts.csv, 6 contacts, by hand (reference day
 * 2026-01-01, default rules):
 *   first_name  Ann BOB Cy Test(junk) " Dee " Eve   filled 5, valid 5, distinct 6
 *   last_name   Lee Ng n/a(junk) Test(junk) Ray Poe  filled 4, valid 4 (required)
 *   email       6 filled, not-an-email invalid: valid 5 (required);
 *               ann@northwind-traders.com twice: duplicates 2 of 6
 *   phone       5 filled, "12" invalid: valid 4; +14155550135 twice: 2 of 5
 *   country     5 filled, Narnia invalid: valid 4
 *   last_activity_at 6 filled, "bad date" invalid: valid 5; 2020-01-15 stale
 *   external_id 6 filled, 6 valid
 *   C = (4/6 + 6/6) / 2 = 0.83333   V = 33/37 = 0.89189
 *   U = 1 - (2/6 + 2/5) / 2 = 0.63333   F = 1 - 1/6 = 0.83333
 *   score = 100 (0.35 C + 0.35 V + 0.15 U + 0.15 F) = 82.383
 */
#include "quality_fixture.h"

TestSuite(quality, .init = setup, .fini = teardown);

static const stw_qfield *
field(const stw_quality *q, const char *name)
{
	for (size_t i = 0; i < q->nfields; i++)
		if (strcmp(q->fields[i].field, name) == 0)
			return &q->fields[i];
	cr_assert_fail("no field %s", name);
	return NULL;
}

#define NEAR(a, b) cr_assert(fabs((a) - (b)) < 1e-4, "%s = %.6f, want %.6f", #a, (double)(a), (double)(b))

Test(quality, numbers_by_hand)
{
	stw_quality_report r;
	stw_error err;
	cr_assert_eq(stw_quality_build(ws, rules, &r, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(r.nentities, 1);
	cr_assert(!r.entities[0].has_before);
	const stw_quality *q = &r.entities[0].now;
	cr_assert_eq(q->records, 6);
	cr_assert_eq(q->nfields, 7);
	const stw_qfield *f = field(q, "first_name");
	cr_assert_eq(f->filled, 5);
	cr_assert_eq(f->valid, 5);
	cr_assert_eq(f->distinct, 6);
	cr_assert_str_eq(f->top_patterns[0].value, "Aaa");
	cr_assert_eq(f->top_patterns[0].count, 2);
	f = field(q, "last_name");
	cr_assert_eq(f->filled, 4);
	cr_assert(f->required);
	f = field(q, "email");
	cr_assert_eq(f->filled, 6);
	cr_assert_eq(f->valid, 5);
	cr_assert_eq(f->distinct, 5);
	cr_assert_str_eq(f->top_values[0].value, "ann@northwind-traders.com");
	cr_assert_eq(f->top_values[0].count, 2);
	f = field(q, "phone");
	cr_assert_eq(f->filled, 5);
	cr_assert_eq(f->valid, 4);
	cr_assert_eq(f->distinct, 4);
	cr_assert_str_eq(f->top_patterns[0].value, "+99999999999");
	cr_assert_eq(f->top_patterns[0].count, 2);
	cr_assert_str_eq(f->top_patterns[1].value, "(999) 999-9999");
	f = field(q, "country");
	cr_assert_eq(f->valid, 4);
	cr_assert_eq(q->email_with, 6);
	cr_assert_eq(q->email_dup, 2);
	cr_assert_eq(q->phone_with, 5);
	cr_assert_eq(q->phone_dup, 2);
	cr_assert_eq(q->stale, 1);
	cr_assert_eq(q->placeholder, 1);
	NEAR(q->completeness, 5.0 / 6);
	NEAR(q->validity, 33.0 / 37);
	NEAR(q->uniqueness, 1 - (2.0 / 6 + 2.0 / 5) / 2);
	NEAR(q->freshness, 5.0 / 6);
	NEAR(q->score, 82.382883);
	stw_quality_report_free(&r);
}

Test(quality, before_and_after)
{
	stw_error err;
	cr_assert_eq(stw_standardize_run(ws, rules, NULL, &err), STW_OK);
	cr_assert_eq(stw_standardize_apply_rule(ws, rules, "ann", "phone_e164", NULL, NULL, NULL,
	                                        &err), STW_OK);
	stw_quality_report r;
	cr_assert_eq(stw_quality_build(ws, rules, &r, &err), STW_OK, "%s", err.msg);
	cr_assert(r.entities[0].has_before);
	cr_assert_eq(r.changes, 2);
	/* Phones now agree: +14155550134 twice and +14155550135 twice of 5. */
	cr_assert_eq(r.entities[0].now.phone_dup, 4);
	cr_assert_eq(r.entities[0].before.phone_dup, 2);
	NEAR(r.entities[0].before.score, 82.382883);
	cr_assert_gt(r.entities[0].before.uniqueness, r.entities[0].now.uniqueness);
	stw_buf b = STW_BUF_INIT;
	stw_quality_html(&r, &b);
	cr_assert(strstr(b.data, "<svg"));
	cr_assert(strstr(b.data, "Before and after"));
	cr_assert_null(strstr(b.data, "http://"));
	cr_assert_null(strstr(b.data, "https://"));
	stw_buf_free(&b);
	stw_quality_report_free(&r);
}

Test(quality, pattern_mapping)
{
	stw_buf b = STW_BUF_INIT;
	stw_quality_pattern("(415) 555-0134 x9", &b);
	cr_assert_str_eq(b.data, "(999) 999-9999 a9");
	stw_buf_reset(&b);
	stw_quality_pattern("Müller", &b);
	cr_assert_str_eq(b.data, "Aaaaaa");
	stw_buf_free(&b);
}

Test(quality, json_escapes_controls)
{
	stw_error err;
	cr_assert_eq(sqlite3_exec(stw_ws_db(ws), "UPDATE rec SET email='a\x01\"b' WHERE id=1",
	                          NULL, NULL, NULL), SQLITE_OK);
	stw_quality_report r;
	cr_assert_eq(stw_quality_build(ws, rules, &r, &err), STW_OK);
	stw_buf b = STW_BUF_INIT;
	stw_quality_json(&r, &b);
	cr_assert(strstr(b.data, "a\\u0001\\\"b"), "%s", b.data);
	for (size_t i = 0; i < b.len; i++)
		cr_assert(b.data[i] == '\n' || (unsigned char)b.data[i] >= 0x20);
	stw_buf_free(&b);
	stw_quality_report_free(&r);
}

/* The console's stored figures: the report's, read back while the key holds. */
Test(quality, summary_is_kept_under_its_key)
{
	stw_error err;
	char *key = stw_qsum_key(ws, rules);
	cr_assert_not_null(key);
	stw_qsum s, back;
	cr_assert(!stw_qsum_get(ws, key, &back));
	cr_assert_eq(stw_qsum_build(ws, rules, key, &s, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(s.n, 1);
	cr_assert_str_eq(s.e[0].entity, "contact");
	cr_assert_eq(s.e[0].records, 6);
	cr_assert(fabs(s.e[0].score - 82.383) < 0.01, "%f", s.e[0].score);
	cr_assert(fabs(s.e[0].dup_phone - 0.4) < 1e-6);
	cr_assert_str_eq(s.today, "2026-01-01");
	cr_assert(stw_qsum_get(ws, key, &back));
	cr_assert_eq(back.n, 1);
	cr_assert_eq(back.e[0].records, 6);
	cr_assert(fabs(back.e[0].score - 82.38) < 0.006, "%f", back.e[0].score);
	cr_assert(fabs(back.e[0].completeness - s.e[0].completeness) < 1e-6);
	cr_assert(fabs(back.e[0].stale - 1.0 / 6) < 1e-6);
	cr_assert_str_eq(back.today, "2026-01-01");
	/* Another reference day is another key. */
	setenv("STEWARD_TODAY", "2026-02-01", 1);
	char *later = stw_qsum_key(ws, rules);
	cr_assert_str_neq(later, key);
	cr_assert(!stw_qsum_get(ws, later, &back));
	free(later);
	free(key);
}
