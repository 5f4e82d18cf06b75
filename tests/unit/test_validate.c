#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import.h"
#include "rec.h"
#include "rules.h"
#include "validate.h"
#include "ws.h"

#include "quality_fixture.h"

TestSuite(validate, .init = setup, .fini = teardown);

typedef struct {
	char text[2048];
} acc;

static int
add(const stw_finding *f, void *arg)
{
	acc *a = arg;
	size_t n = strlen(a->text);
	snprintf(a->text + n, sizeof a->text - n, "%lld %s %s %s\n", (long long)f->record_id,
	         f->field ? f->field : "-", f->rule, f->severity);
	return 0;
}

Test(validate, findings_by_hand)
{
	stw_run_stats s;
	stw_error err;
	cr_assert_eq(stw_validate_all(ws, rules, &s, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(s.findings, 10);
	acc a = {""};
	cr_assert_eq(stw_findings_each(ws, NULL, 0, 0, 0, add, &a, &err), STW_OK);
	cr_assert_str_eq(a.text,
		"2 last_activity_at stale warning\n"
		"3 last_name missing_required error\n"
		"3 email role_email warning\n"
		"4 first_name junk_value warning\n"
		"4 last_name missing_required error\n"
		"4 - placeholder warning\n"
		"5 phone invalid_phone error\n"
		"5 country invalid_country error\n"
		"6 email invalid_email error\n"
		"6 last_activity_at invalid_date error\n");
	stw_finding_count *c;
	size_t n;
	cr_assert_eq(stw_findings_count(ws, &c, &n, &err), STW_OK);
	cr_assert_eq(n, 9);
	cr_assert_str_eq(c[5].rule, "missing_required");
	cr_assert_eq(c[5].count, 2);
	free(c);
}

Test(validate, record_kept_current_after_edit)
{
	stw_error err;
	cr_assert_eq(stw_validate_all(ws, rules, NULL, &err), STW_OK);
	cr_assert_eq(stw_ws_begin(ws, &err), STW_OK);
	cr_assert_eq(stw_rec_set(ws, 5, "country", "Canada", 0, NULL, &err), STW_OK);
	cr_assert_eq(stw_rec_set(ws, 5, "phone", "+1 604 555 0100", 0, NULL, &err), STW_OK);
	cr_assert_eq(stw_validate_record(ws, rules, 5, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(stw_ws_commit(ws, &err), STW_OK);
	acc a = {""};
	cr_assert_eq(stw_findings_each(ws, NULL, 5, 0, 0, add, &a, &err), STW_OK);
	cr_assert_str_eq(a.text, "");
	cr_assert_eq(stw_validate_record(ws, rules, 77, &err), STW_ENOENT);
}

Test(validate, purged_records_have_no_findings)
{
	stw_error err;
	cr_assert_eq(sqlite3_exec(stw_ws_db(ws), "UPDATE rec SET status='purged' WHERE id=6", NULL,
	                          NULL, NULL), SQLITE_OK);
	cr_assert_eq(stw_validate_all(ws, rules, NULL, &err), STW_OK);
	acc a = {""};
	cr_assert_eq(stw_findings_each(ws, NULL, 6, 0, 0, add, &a, &err), STW_OK);
	cr_assert_str_eq(a.text, "");
}

Test(validate, pattern_and_allowed)
{
	const char *yaml = "contact:\n  fields:\n    external_id: { type: id, pattern: \"^001[A-E]$\" }\n"
	                   "    first_name: { allowed: [Ann, Bob, Cy, Eve] }\n";
	char path[128];
	snprintf(path, sizeof path, "%s/r.yaml", dir);
	FILE *f = fopen(path, "w");
	fputs(yaml, f);
	fclose(f);
	stw_rules *r;
	stw_error err;
	cr_assert_eq(stw_rules_load(path, &r, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(stw_validate_all(ws, r, NULL, &err), STW_OK);
	acc a = {""};
	cr_assert_eq(stw_findings_each(ws, "pattern_mismatch", 0, 0, 0, add, &a, &err), STW_OK);
	cr_assert_str_eq(a.text, "6 external_id pattern_mismatch error\n");
	a.text[0] = '\0';
	/* BOB matches Bob without regard to case; " Dee " and the junk "Test" do not count. */
	cr_assert_eq(stw_findings_each(ws, "not_allowed", 0, 0, 0, add, &a, &err), STW_OK);
	cr_assert_str_eq(a.text, "5 first_name not_allowed error\n");
	stw_rules_free(r);
}

/* ==== One record, without a workspace (check.c) ==== */

#include "check.h"
#include "std.h"

static int
field_of(const stw_field_rules *fr, const char *name)
{
	const stw_field_rule *f = stw_field_rules_find(fr, name);
	cr_assert_not_null(f, "%s", name);
	return (int)(f - fr->fields);
}

/*
 * Junk values are told apart by their first byte before they are copied
 * and looked up: values that share a first byte with a junk value, in any
 * case and after blanks, must still be judged by the whole list.
 */
Test(check, junk_values_behind_the_first_byte_filter)
{
	stw_field_rules *fr = stw_field_rules_default("contact");
	stw_check_ctx ctx;
	stw_check_ctx_init(&ctx, fr, "US", 1);
	int title = field_of(fr, "title");
	static const struct {
		const char *v;
		bool junk;
	} c[] = {
		{"n/a", true},          {"N/A", true},         {"  n/a\t", true},
		{"\r\nNULL", true},     {"#N/A", true},        {"-", true},
		{"--", true},           {".", true},           {"?", true},
		{"Not Available", true}, {"TBD", true},        {"xxx", true},
		{"n/ab", false},        {"Nancy", false},      {"test pilot", false},
		{"?!", false},          {"Director", false},   {"\xc3\x9cnknown", false},
		{"-x", false},          {" ", false},
	};
	const char *vals[64] = {0};
	cr_assert(fr->nfields <= 64);
	stw_check_out out = {0};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		vals[title] = c[i].v;
		stw_check_record(&ctx, vals, STW_CHECK_PROPOSE | STW_CHECK_FIND, &out);
		cr_expect_eq(out.state[title] == STW_FS_JUNK, c[i].junk, "title '%s'", c[i].v);
	}
	stw_check_out_free(&out);
	stw_field_rules_free(fr);
}

/*
 * Proposals and messages live in the out's text arena: a record whose text
 * overflows the first chunk chains more, and every string stays intact
 * until the next check, which starts again from one chunk.
 */
Test(check, text_arena_keeps_every_string)
{
	stw_field_rules *fr = stw_field_rules_default("contact");
	stw_check_ctx ctx;
	stw_check_ctx_init(&ctx, fr, "US", 1);
	const char *vals[64] = {0};
	cr_assert(fr->nfields <= 64);
	static const char *const text_fields[] = {"title", "department", "street", "lifecycle_stage"};
	char *longs[4];
	for (size_t k = 0; k < 4; k++) {
		size_t n = 700 + 900 * k;
		longs[k] = malloc(n + 1);
		for (size_t i = 0; i < n; i++)
			longs[k][i] = i % 7 == 0 ? ' ' : (char)('a' + (i + k) % 26);
		longs[k][0] = ' ';
		longs[k][n] = '\0';
		vals[field_of(fr, text_fields[k])] = longs[k];
	}
	vals[field_of(fr, "phone")] = "(415) 555-0123 ext. 42";
	vals[field_of(fr, "email")] = "Info@Acme.COM";
	vals[field_of(fr, "mobile")] = "12";
	stw_check_out out = {0};
	for (int round = 0; round < 3; round++) {
		stw_check_record(&ctx, vals, STW_CHECK_PROPOSE | STW_CHECK_FIND, &out);
		size_t seen = 0;
		for (size_t k = 0; k < out.nprops; k++) {
			const stw_check_prop *p = &out.props[k];
			const char *name = fr->fields[p->field].name;
			for (size_t t = 0; t < 4; t++)
				if (strcmp(name, text_fields[t]) == 0) {
					stw_std_result r = {0};
					stw_std_whitespace(longs[t], &r);
					cr_expect_str_eq(p->after, r.value, "%s", name);
					stw_std_result_free(&r);
					seen++;
				}
			if (strcmp(name, "phone") == 0)
				cr_expect_str_eq(p->after, "+14155550123;ext=42");
			if (strcmp(name, "email") == 0)
				cr_expect_str_eq(p->after, "info@acme.com");
		}
		cr_expect_eq(seen, 4, "round %d", round);
		bool role = false, phone = false;
		for (size_t k = 0; k < out.nfinds; k++) {
			const stw_check_find *f = &out.finds[k];
			if (strcmp(f->rule, "role_email") == 0)
				role = strcmp(f->message,
				              "'info@acme.com' is a role account, not a person's address") == 0;
			if (strcmp(f->rule, "invalid_phone") == 0)
				phone = strcmp(f->message, "'12': 2 digits is not a phone number") == 0;
		}
		cr_expect(role && phone, "round %d", round);
	}
	stw_check_out_free(&out);
	for (size_t k = 0; k < 4; k++)
		free(longs[k]);
	stw_field_rules_free(fr);
}

/* The stale message, with its day count written out by hand. */
Test(check, stale_message)
{
	stw_field_rules *fr = stw_field_rules_default("contact");
	int i = field_of(fr, "last_activity_at");
	fr->stale_field = fr->fields[i].name; /* the rule is found by this pointer */
	stw_check_ctx ctx;
	stw_check_ctx_init(&ctx, fr, "US", 1);
	memcpy(ctx.today, "2026-01-01", 11);
	stw_check_iso_days(ctx.today, &ctx.today_days);
	const char *vals[64] = {0};
	static const struct {
		long days;
		const char *v, *msg;
	} c[] = {
		{1095, "2020-03-04", "no activity since 2020-03-04, more than 1095 days before "
		                     "2026-01-01: proposed for purge"},
		{0, "12/31/2025", "no activity since 2025-12-31, more than 0 days before "
		                  "2026-01-01: proposed for purge"},
		{-5, "2026-01-03", "no activity since 2026-01-03, more than -5 days before "
		                   "2026-01-01: proposed for purge"},
		{10000000000L, "1800-01-01", NULL},
	};
	stw_check_out out = {0};
	for (size_t k = 0; k < sizeof c / sizeof c[0]; k++) {
		fr->stale_days = c[k].days;
		vals[i] = c[k].v;
		stw_check_record(&ctx, vals, STW_CHECK_FIND, &out);
		const char *msg = NULL;
		for (size_t f = 0; f < out.nfinds; f++)
			if (strcmp(out.finds[f].rule, "stale") == 0)
				msg = out.finds[f].message;
		if (c[k].msg)
			cr_expect(msg && strcmp(msg, c[k].msg) == 0, "%s: %s", c[k].v, msg ? msg : "-");
		else
			cr_expect_null(msg);
	}
	stw_check_out_free(&out);
	stw_field_rules_free(fr);
}

/* Compares two outs field by field. */
static void
expect_same_out(const stw_check_out *a, const stw_check_out *b, size_t nf, int rec)
{
	for (size_t i = 0; i < nf; i++)
		cr_expect_eq(a->state[i], b->state[i], "record %d field %zu", rec, i);
	cr_expect_eq(a->stale, b->stale, "record %d", rec);
	cr_expect_eq(a->placeholder, b->placeholder, "record %d", rec);
	cr_assert_eq(a->nprops, b->nprops, "record %d", rec);
	for (size_t k = 0; k < a->nprops; k++) {
		const stw_check_prop *p = &a->props[k], *q = &b->props[k];
		cr_expect(p->field == q->field && strcmp(p->rule, q->rule) == 0 &&
		          p->safe == q->safe && strcmp(p->why, q->why) == 0 &&
		          strcmp(p->after ? p->after : "-", q->after ? q->after : "-") == 0,
		          "record %d proposal %zu", rec, k);
	}
	cr_assert_eq(a->nfinds, b->nfinds, "record %d", rec);
	for (size_t k = 0; k < a->nfinds; k++)
		cr_expect(a->finds[k].field == b->finds[k].field &&
		          strcmp(a->finds[k].rule, b->finds[k].rule) == 0 &&
		          strcmp(a->finds[k].message, b->finds[k].message) == 0,
		          "record %d finding %zu", rec, k);
}

/*
 * The memo changes nothing but the time taken: records whose values repeat
 * (keys short enough to sit in a slot, and longer ones; states and
 * postcodes with and without a country) give what they give without it,
 * also after the trial switches the memo off for a field.
 */
Test(check, memo_gives_the_same_results)
{
	stw_field_rules *fr = stw_field_rules_default("contact");
	stw_check_ctx ctx;
	stw_check_ctx_init(&ctx, fr, "US", 1);
	static const char *const cities[] = {"NEW YORK", "frankfurt am main", "Paris", "  Lyon ",
		"stratford-upon-avon and a very long place name for the memo key", "n/a"};
	static const char *const states[] = {"California", "calif.", "N.Y.", "Québec", "XX", "ON"};
	static const char *const countries[] = {"USA", "Canada", "Deutschland", "", "uk",
		"a country name long enough not to fit next to a long state value"};
	static const char *const codes[] = {"94103", "1234", "H2X 1Y4", "10115", "sw1a1aa", "x"};
	static const char *const companies[] = {"ACME INDUSTRIES GMBH", "acme inc", "Acme, Inc.",
		"the acme company & sons limited, a rather long company name indeed"};
	const char *vals[64] = {0};
	cr_assert(fr->nfields <= 64);
	int city = field_of(fr, "city"), state = field_of(fr, "state"),
	    country = field_of(fr, "country"), postcode = field_of(fr, "postcode"),
	    company = field_of(fr, "company"), phone = field_of(fr, "phone");
	stw_check_memo *memo = stw_check_memo_new();
	stw_check_out with = {0}, without = {0};
	for (int r = 0; r < 12000; r++) {
		char ph[32];
		snprintf(ph, sizeof ph, "(415) 555-%04d", r % 10000);
		vals[city] = cities[r % 6];
		vals[state] = states[(r / 6) % 6];
		vals[country] = countries[(r / 36) % 6];
		vals[postcode] = codes[(r / 7) % 6];
		vals[company] = companies[(r / 5) % 4];
		vals[phone] = ph;
		stw_check_record_memo(&ctx, memo, vals, STW_CHECK_PROPOSE | STW_CHECK_FIND, &with);
		stw_check_record(&ctx, vals, STW_CHECK_PROPOSE | STW_CHECK_FIND, &without);
		expect_same_out(&with, &without, fr->nfields, r);
	}
	stw_check_out_free(&with);
	stw_check_out_free(&without);
	stw_check_memo_free(memo);
	stw_field_rules_free(fr);
}
