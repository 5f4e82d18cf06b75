#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rules.h"

static char path[64];

static stw_err
load_text(const char *text, stw_rules **r, stw_error *err)
{
	strcpy(path, "/tmp/stw-rules-XXXXXX");
	int fd = mkstemp(path);
	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	stw_err e = stw_rules_load(path, r, err);
	unlink(path);
	return e;
}

Test(rules, builtin_defaults_load)
{
	stw_rules *r;
	stw_error err;
	cr_assert_eq(stw_rules_load(NULL, &r, &err), STW_OK, "%s", err.msg);
	cr_assert_str_eq(r->default_country, "US");
	cr_assert_eq(r->date_order, STW_MDY);
	cr_assert_eq(strlen(r->sha256), 64);
	cr_assert_not_null(stw_rules_entity(r, "contact"));
	cr_assert_null(stw_rules_entity(r, "person"));
	stw_rules_free(r);
}

Test(rules, top_level_settings)
{
	stw_rules *r;
	stw_error err;
	cr_assert_eq(load_text("version: 1\ndefault_country: DE\ndate_order: dmy\n", &r, &err), STW_OK,
	             "%s", err.msg);
	cr_assert_str_eq(r->default_country, "DE");
	cr_assert_eq(r->date_order, STW_DMY);
	stw_rules_free(r);
}

Test(rules, errors_name_file_line_and_column)
{
	struct { const char *text, *msg; } cases[] = {
		{"version: 1\ncolour: blue\n",
		 ":2:1: unknown key 'colour' in the rules file (expected one of: version, "
		 "default_country, date_order, contact, company)"},
		{"default_country: Germany\n",
		 ":1:18: default_country must be an ISO 3166 alpha-2 code such as US, not 'Germany'"},
		{"date_order: ymd\n", ":1:13: date_order must be mdy or dmy, not 'ymd'"},
		{"version: 7\n", ":1:10: 7 is out of range (1 to 1)"},
		{"version: [1]\n", ":1:10: a whole number must be a single value, not a list"},
		{"contact: 3\n", ":1:10: the contact section must be a mapping, not a single value"},
		{"version: 1\nversion: 1\n", ":2:1: 'version' is given twice in the rules file"},
		{"version: 1\n  bad: [\n", ":2:"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		stw_rules *r;
		stw_error err;
		cr_assert_eq(load_text(cases[i].text, &r, &err), STW_EDATA, "case %zu", i);
		cr_assert_null(r);
		char want[512];
		snprintf(want, sizeof want, "%s%s", path, cases[i].msg);
		cr_assert(strncmp(err.msg, want, strlen(want)) == 0, "case %zu: got '%s', want '%s'", i,
		          err.msg, want);
	}
}

Test(rules, missing_file)
{
	stw_rules *r;
	stw_error err;
	cr_assert_eq(stw_rules_load("/nonexistent/rules.yaml", &r, &err), STW_EIO);
	cr_assert(strstr(err.msg, "/nonexistent/rules.yaml: cannot read: No such file or directory"));
}
