#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "validate_rules.h"

/* Loads tests/fixtures/NAME and checks the error ends with ":LINE:COL: msg". */
static void
expect_error(const char *name, const char *where_msg)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", getenv("FIXTURES"), name);
	stw_rules *r;
	stw_error err;
	cr_assert_eq(stw_rules_load(path, &r, &err), STW_EDATA, "%s loaded", name);
	cr_assert_null(r);
	char want[700];
	snprintf(want, sizeof want, "%s%s", path, where_msg);
	cr_assert_eq(strncmp(err.msg, want, strlen(want)), 0, "got '%s', want '%s'", err.msg, want);
}

Test(validate_rules, unknown_field) {
	expect_error("rules_unknown_field.yaml", ":4:5: unknown field 'colour' for contact");
}
Test(validate_rules, unknown_type) {
	expect_error("rules_unknown_type.yaml", ":3:20: unknown type 'mail' (expected one of: "
	             "given_name, family_name, full_name, email, phone, date, datetime, country, "
	             "state, postcode, company_name, place, url, text, id)");
}
Test(validate_rules, bad_pattern) {
	expect_error("rules_bad_pattern.yaml", ":5:16: pattern '^[0-9]{5$' does not compile: ");
}
Test(validate_rules, staleness_out_of_range) {
	expect_error("rules_stale_range.yaml", ":2:58: 0 is out of range (1 to 36500)");
}
Test(validate_rules, staleness_needs_a_date) {
	expect_error("rules_stale_not_date.yaml", ":2:23: staleness needs a date or datetime field; "
	             "'email' is of type email");
}
Test(validate_rules, staleness_incomplete) {
	expect_error("rules_stale_missing.yaml",
	             ":2:14: staleness needs both 'field' and 'older_than_days'");
}
Test(validate_rules, unknown_field_setting) {
	expect_error("rules_field_setting.yaml", ":3:33: unknown key 'mandatory' in the settings of "
	             "field 'name' (expected one of: type, required, pattern, allowed, standardize, "
	             "junk)");
}
Test(validate_rules, junk_values_must_be_a_list) {
	expect_error("rules_junk_not_list.yaml", ":2:16: junk_values must be a list, not a single value");
}
Test(validate_rules, email_pattern_needs_at) {
	expect_error("rules_email_pattern.yaml", ":2:24: 'sales' in role_emails needs an '@' "
	             "(user@domain, local@ or @domain)");
}
Test(validate_rules, required_is_a_boolean) {
	expect_error("rules_required_bool.yaml", ":3:28: expected true or false, not 'maybe'");
}
Test(validate_rules, allowed_not_empty) {
	expect_error("rules_allowed_empty.yaml", ":3:28: allowed must list at least one value");
}

Test(validate_rules, defaults_are_typed)
{
	stw_rules *r;
	stw_error err;
	cr_assert_eq(stw_rules_load(NULL, &r, &err), STW_OK, "%s", err.msg);
	const stw_field_rules *fr = r->contact.fields;
	cr_assert_not_null(fr);
	const stw_field_rule *f = stw_field_rules_find(fr, "email");
	cr_assert_eq(f->type, STW_FT_EMAIL);
	cr_assert(f->required);
	cr_assert_eq(stw_field_rules_find(fr, "row_checksum")->type, STW_FT_ID);
	cr_assert(!stw_field_rules_find(fr, "row_checksum")->junk);
	cr_assert(!stw_field_rules_find(fr, "created_at")->standardize);
	cr_assert_str_eq(fr->stale_field, "last_activity_at");
	cr_assert_eq(fr->stale_days, 1095);
	cr_assert_gt(fr->njunk, 5);
	cr_assert_gt(fr->nrole_emails, 0);
	cr_assert(stw_field_rules_find(r->company.fields, "employees")->has_pattern);
	stw_rules_free(r);
}

Test(validate_rules, defaults_without_section)
{
	stw_field_rules *fr = stw_field_rules_default("company");
	cr_assert_eq(stw_field_rules_find(fr, "name")->type, STW_FT_COMPANY_NAME);
	cr_assert_null(stw_field_rules_find(fr, "first_name"));
	cr_assert_gt(fr->njunk, 0);
	stw_field_rules_free(fr);
}
