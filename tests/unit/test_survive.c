#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "profile.h"
#include "rules.h"
#include "survive.h"
#include "survive_rules.h"

/* Three records of one person; fields are the contact fields. */
static const char *const *fields;
static const char **vals[3];
static stw_surv_rec recs[3];

static int
fi(const char *f)
{
	for (int i = 0; fields[i]; i++)
		if (strcmp(fields[i], f) == 0)
			return i;
	cr_assert_fail("no field %s", f);
	return -1;
}

static void
put(int r, const char *f, const char *v)
{
	vals[r][fi(f)] = v;
}

static void
setup(void)
{
	fields = stw_fields_of("contact");
	int n = 0;
	while (fields[n])
		n++;
	for (int r = 0; r < 3; r++) {
		vals[r] = calloc((size_t)n, sizeof *vals[r]);
		recs[r].id = 10 + r;
		recs[r].rank = 1000;
		recs[r].v = vals[r];
	}
	put(0, "external_id", "A");
	put(0, "first_name", "Jon");
	put(0, "email", "jon@old.com");
	put(0, "created_at", "2019-01-01");
	put(0, "updated_at", "2020-01-01");
	put(0, "title", "Sales");
	put(1, "external_id", "B");
	put(1, "first_name", "John");
	put(1, "email", "john@new.com");
	put(1, "phone", "+15550100");
	put(1, "created_at", "2021-01-01");
	put(1, "updated_at", "2023-06-01");
	put(1, "title", "VP Sales and Marketing");
	put(1, "city", "Boston");
	put(1, "last_activity_at", "2023-07-01");
	put(2, "external_id", "C");
	put(2, "first_name", "john");
	put(2, "email", "JON@OLD.COM");
	put(2, "phone", "+1 555 0199");
	put(2, "created_at", "2020-01-01");
	put(2, "updated_at", "2021-01-01");
	put(2, "title", "VP");
}

static void
teardown(void)
{
	for (int r = 0; r < 3; r++)
		free(vals[r]);
}

TestSuite(survive, .init = setup, .fini = teardown);

static stw_surv_rules rules;

static stw_golden
run_with(stw_surv_strategy dflt, stw_surv_master m, int64_t master,
         const stw_surv_choice *c, int nc)
{
	stw_surv_rules_defaults(&rules, "contact");
	rules.dflt = dflt;
	rules.master = m;
	stw_surv_input in = {
		.fields = fields, .rules = &rules, .entity = "contact", .date_order = STW_DATE_MDY,
		.recs = recs, .nrecs = 3, .master = master, .choices = c, .nchoices = nc,
	};
	stw_golden g;
	stw_error err;
	cr_assert_eq(stw_survive(&in, &g, &err), STW_OK, "%s", err.msg);
	stw_surv_rules_clear(&rules);
	return g;
}

static const char *
gv(const stw_golden *g, const char *f)
{
	return g->value[fi(f)];
}

Test(survive, master_oldest_created_keeps_its_id)
{
	stw_golden g = run_with(STW_SV_MOST_COMPLETE, STW_SVM_OLDEST_CREATED, 0, NULL, 0);
	cr_assert_eq(g.master, 10);
	cr_assert_str_eq(g.master_why, "oldest_created");
	cr_assert_str_eq(gv(&g, "external_id"), "A");
	stw_golden_free(&g);
}

Test(survive, master_most_recent_activity_and_most_complete)
{
	stw_golden g = run_with(STW_SV_MOST_COMPLETE, STW_SVM_MOST_RECENT_ACTIVITY, 0, NULL, 0);
	cr_assert_eq(g.master, 11, "last_activity_at, else updated_at");
	cr_assert_str_eq(gv(&g, "external_id"), "B");
	stw_golden_free(&g);
	g = run_with(STW_SV_MOST_COMPLETE, STW_SVM_MOST_COMPLETE, 0, NULL, 0);
	cr_assert_eq(g.master, 11, "record 11 has the most fields");
	stw_golden_free(&g);
}

Test(survive, steward_master_wins)
{
	stw_golden g = run_with(STW_SV_MOST_COMPLETE, STW_SVM_OLDEST_CREATED, 12, NULL, 0);
	cr_assert_eq(g.master, 12);
	cr_assert_str_eq(g.master_why, "steward");
	cr_assert_str_eq(gv(&g, "external_id"), "C");
	stw_golden_free(&g);
}

Test(survive, most_recent_takes_the_last_updated)
{
	stw_golden g = run_with(STW_SV_MOST_RECENT, STW_SVM_OLDEST_CREATED, 0, NULL, 0);
	cr_assert_str_eq(gv(&g, "title"), "VP Sales and Marketing");
	cr_assert_str_eq(gv(&g, "first_name"), "John");
	cr_assert_eq(g.from[fi("title")], 11);
	cr_assert_str_eq(g.why[fi("title")], "most_recent");
	stw_golden_free(&g);
}

Test(survive, most_frequent_folds_case_and_ties_go_to_the_master)
{
	stw_golden g = run_with(STW_SV_MOST_FREQUENT, STW_SVM_OLDEST_CREATED, 0, NULL, 0);
	/* john (2: John, john) beats Jon (1); the first in visiting order wins: 11. */
	cr_assert_str_eq(gv(&g, "first_name"), "John");
	/* titles all differ: the master's. */
	cr_assert_str_eq(gv(&g, "title"), "Sales");
	stw_golden_free(&g);
}

Test(survive, longest_and_most_complete)
{
	stw_golden g = run_with(STW_SV_LONGEST, STW_SVM_OLDEST_CREATED, 0, NULL, 0);
	cr_assert_str_eq(gv(&g, "title"), "VP Sales and Marketing");
	stw_golden_free(&g);
	g = run_with(STW_SV_MOST_COMPLETE, STW_SVM_OLDEST_CREATED, 0, NULL, 0);
	cr_assert_str_eq(gv(&g, "title"), "VP Sales and Marketing", "record 11 is the fullest");
	cr_assert_str_eq(gv(&g, "city"), "Boston", "an empty value never wins");
	stw_golden_free(&g);
}

Test(survive, source_priority_and_first)
{
	recs[2].rank = 0;
	recs[1].rank = 1;
	stw_golden g = run_with(STW_SV_SOURCE_PRIORITY, STW_SVM_OLDEST_CREATED, 0, NULL, 0);
	cr_assert_str_eq(gv(&g, "title"), "VP");
	cr_assert_str_eq(gv(&g, "city"), "Boston", "falls through to a ranked record that has one");
	stw_golden_free(&g);
	g = run_with(STW_SV_FIRST, STW_SVM_OLDEST_CREATED, 0, NULL, 0);
	cr_assert_str_eq(gv(&g, "title"), "Sales");
	cr_assert_str_eq(gv(&g, "city"), "Boston");
	stw_golden_free(&g);
}

Test(survive, picks_and_typed_values_always_win)
{
	stw_surv_choice c[] = {{"title", 12, NULL}, {"city", 0, "Cambridge"}, {"first_name", 0, ""}};
	stw_golden g = run_with(STW_SV_LONGEST, STW_SVM_OLDEST_CREATED, 0, c, 3);
	cr_assert_str_eq(gv(&g, "title"), "VP");
	cr_assert_str_eq(g.why[fi("title")], "pick");
	cr_assert_str_eq(gv(&g, "city"), "Cambridge");
	cr_assert_eq(g.from[fi("city")], 0);
	cr_assert_null(gv(&g, "first_name"), "a typed empty value empties the field");
	stw_golden_free(&g);
}

Test(survive, bad_choices_are_refused)
{
	stw_surv_rules_defaults(&rules, "contact");
	stw_surv_choice bad_field[] = {{"colour", 0, "red"}};
	stw_surv_choice bad_rec[] = {{"title", 99, NULL}};
	stw_surv_choice ext[] = {{"external_id", 0, "X"}};
	stw_surv_input in = {.fields = fields, .rules = &rules, .entity = "contact",
	                     .recs = recs, .nrecs = 3};
	stw_golden g;
	stw_error err;
	in.choices = bad_field, in.nchoices = 1;
	cr_assert_eq(stw_survive(&in, &g, &err), STW_EUSAGE);
	cr_assert(strstr(err.msg, "colour"));
	in.choices = bad_rec;
	cr_assert_eq(stw_survive(&in, &g, &err), STW_EUSAGE);
	cr_assert(strstr(err.msg, "not in the cluster"));
	in.choices = ext;
	cr_assert_eq(stw_survive(&in, &g, &err), STW_EUSAGE);
	in.choices = NULL, in.nchoices = 0, in.master = 5;
	cr_assert_eq(stw_survive(&in, &g, &err), STW_EUSAGE);
	stw_surv_rules_clear(&rules);
}

static bool
only_email2(const char *field, int64_t master, void *ctx)
{
	(void)master;
	(void)ctx;
	return strcmp(field, "email2") == 0;
}

Test(survive, losing_emails_and_phones_are_kept)
{
	stw_surv_rules_defaults(&rules, "contact");
	rules.master = STW_SVM_OLDEST_CREATED;
	rules.nfields = 1;
	rules.fields[0].field = strdup("email");
	rules.fields[0].strategy = STW_SV_MOST_RECENT;
	stw_surv_input in = {.fields = fields, .rules = &rules, .entity = "contact",
	                     .recs = recs, .nrecs = 3};
	stw_golden g;
	stw_error err;
	cr_assert_eq(stw_survive(&in, &g, &err), STW_OK, "%s", err.msg);
	cr_assert_str_eq(gv(&g, "email"), "john@new.com");
	/* jon@old.com and JON@OLD.COM are one address. */
	cr_assert_str_eq(gv(&g, "email2"), "jon@old.com");
	cr_assert_null(gv(&g, "email3"));
	cr_assert_str_eq(gv(&g, "phone2"), "+1 555 0199", "the other phone goes second");
	cr_assert_null(g.notes);
	stw_golden_free(&g);
	/* Only email2 exists in the master's file: the rest goes to the notes. */
	put(2, "email", "third@x.com");
	put(1, "mobile", "x");
	in.usable = only_email2;
	cr_assert_eq(stw_survive(&in, &g, &err), STW_OK, "%s", err.msg);
	cr_assert_str_eq(gv(&g, "email2"), "jon@old.com");
	cr_assert_null(gv(&g, "email3"), "unusable: left as the master has it");
	cr_assert_str_eq(g.notes, "email third@x.com; phone +1 555 0199");
	stw_golden_free(&g);
	stw_surv_rules_clear(&rules);
}

/* ==== The rules module ==== */

static stw_err
load(const char *file, stw_rules **r, stw_error *err)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", getenv("FIXTURES"), file);
	return stw_rules_load(path, r, err);
}

Test(survive_rules, builtin_rules_have_survivorship)
{
	stw_rules *r;
	stw_error err;
	cr_assert_eq(stw_rules_load(NULL, &r, &err), STW_OK, "%s", err.msg);
	const stw_surv_rules *s = r->contact.surv;
	cr_assert_not_null(s);
	cr_assert_eq(s->master, STW_SVM_OLDEST_CREATED);
	cr_assert_eq(stw_surv_strategy_for(s, "email"), STW_SV_MOST_RECENT);
	cr_assert_eq(stw_surv_strategy_for(s, "salutation"), s->dflt);
	cr_assert_str_eq(s->notes, "Description");
	cr_assert_not_null(r->company.surv);
	stw_rules_free(r);
}

static void
bad(const char *file, const char *where, const char *what)
{
	stw_rules *r;
	stw_error err;
	cr_assert_eq(load(file, &r, &err), STW_EDATA, "%s should fail", file);
	cr_assert_null(r);
	cr_assert(strstr(err.msg, where), "'%s' lacks '%s'", err.msg, where);
	cr_assert(strstr(err.msg, what), "'%s' lacks '%s'", err.msg, what);
}

Test(survive_rules, errors_name_file_line_and_column)
{
	bad("bad_surv_strategy.yaml", "bad_surv_strategy.yaml:6:14:",
	    "unknown survivorship strategy 'newest'");
	bad("bad_surv_field.yaml", "bad_surv_field.yaml:6:7:", "unknown contact field 'colour'");
	bad("bad_surv_master.yaml", "bad_surv_master.yaml:4:13:", "unknown master rule 'eldest'");
	bad("bad_surv_key.yaml", "bad_surv_key.yaml:5:5:", "unknown key 'winner'");
	bad("bad_surv_secondary.yaml", "bad_surv_secondary.yaml:6:23:",
	    "unknown contact field 'email9'");
	bad("bad_surv_priority.yaml", "bad_surv_priority.yaml:6:", "no source_priority list");
}
