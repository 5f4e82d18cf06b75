#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "profile.h"

static stw_mapping
map(const char *const *h, size_t n, const char *want)
{
	stw_mapping m;
	stw_error err;
	cr_assert_eq(stw_mapping_detect(h, n, want, &m, &err), STW_OK, "%s", err.msg);
	return m;
}

static const char *
field_of(const stw_mapping *m, const char *const *h, const char *header)
{
	for (size_t i = 0; i < m->n; i++)
		if (strcmp(h[i], header) == 0)
			return m->field[i];
	return "(no such header)";
}

Test(profile, every_builtin_profile_loads)
{
	for (const char *const *p = stw_profile_builtin_names(); *p; p++) {
		stw_profile *prof;
		stw_error err;
		cr_assert_eq(stw_profile_load(*p, &prof, &err), STW_OK, "%s: %s", *p, err.msg);
		cr_assert_str_eq(prof->name, *p);
		cr_assert_gt(prof->n, 5);
		stw_profile_free(prof);
	}
}

Test(profile, detects_each_crm)
{
	static const char *const sf[] = {"Id", "FirstName", "LastName", "Email", "Phone",
	                                 "MailingCity", "CreatedDate", "Custom__c"};
	stw_mapping m = map(sf, 8, NULL);
	cr_assert_str_eq(m.profile, "salesforce-contact");
	cr_assert_str_eq(field_of(&m, sf, "MailingCity"), "city");
	cr_assert_null(m.field[7], "an unknown custom column stays unmapped");
	stw_mapping_free(&m);

	static const char *const hs[] = {"Record ID", "First Name", "Last Name", "Email",
	                                 "Phone Number", "Company Name", "Create Date"};
	m = map(hs, 7, NULL);
	cr_assert_str_eq(m.profile, "hubspot-contact");
	cr_assert_str_eq(field_of(&m, hs, "Phone Number"), "phone");
	stw_mapping_free(&m);

	static const char *const zo[] = {"Contact ID", "First Name", "Last Name", "Email",
	                                 "Account Name", "Mailing City", "Mailing Zip"};
	m = map(zo, 7, NULL);
	cr_assert_str_eq(m.profile, "zoho-contact");
	cr_assert_str_eq(field_of(&m, zo, "Account Name"), "company");
	stw_mapping_free(&m);

	static const char *const dy[] = {"contactid", "firstname", "lastname", "emailaddress1",
	                                 "telephone1", "address1_city"};
	m = map(dy, 6, NULL);
	cr_assert_str_eq(m.profile, "dynamics-contact");
	stw_mapping_free(&m);

	static const char *const pd[] = {"Person - ID", "Person - Name", "Person - Email",
	                                 "Person - Phone", "Person - Organization"};
	m = map(pd, 5, NULL);
	cr_assert_str_eq(m.profile, "pipedrive-person");
	stw_mapping_free(&m);

	static const char *const acc[] = {"Id", "Name", "Website", "BillingCity", "Industry"};
	m = map(acc, 5, NULL);
	cr_assert_str_eq(m.profile, "salesforce-account");
	cr_assert_str_eq(m.entity, "company");
	stw_mapping_free(&m);
}

Test(profile, synonyms_when_no_profile_fits)
{
	static const char *const h[] = {"E-Mail Address", "Vorname", "Surname", "Cell Phone",
	                                "Organisation", "Favourite colour"};
	stw_mapping m = map(h, 6, NULL);
	cr_assert_str_eq(m.profile, "generic-contact");
	cr_assert_str_eq(m.field[0], "email");
	cr_assert_str_eq(m.field[1], "first_name");
	cr_assert_str_eq(m.field[2], "last_name");
	cr_assert_str_eq(m.field[3], "mobile");
	cr_assert_str_eq(m.field[4], "company");
	cr_assert_null(m.field[5]);
	stw_mapping_free(&m);
}

Test(profile, a_field_is_taken_by_its_first_column_only)
{
	static const char *const h[] = {"Email", "email", "First Name"};
	stw_mapping m = map(h, 3, NULL);
	cr_assert_str_eq(m.field[0], "email");
	cr_assert_null(m.field[1]);
	stw_mapping_free(&m);
}

Test(profile, explicit_crm_and_unknown_names)
{
	static const char *const h[] = {"Email", "Phone"};
	stw_mapping m = map(h, 2, "hubspot");
	cr_assert_str_eq(m.profile, "hubspot-contact");
	stw_mapping_free(&m);
	stw_error err;
	cr_assert_eq(stw_mapping_detect(h, 2, "nosuchcrm", &m, &err), STW_EUSAGE);
	cr_assert(strstr(err.msg, "nosuchcrm"));
}

Test(profile, yaml_errors_name_file_line_and_column)
{
	char path[] = "/tmp/stw-profile-XXXXXX.yaml";
	int fd = mkstemps(path, 5);
	const char *text = "name: mine\nentity: contact\ncolumns:\n  Mail: emial\n";
	cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	stw_profile *p;
	stw_error err;
	cr_assert_eq(stw_profile_load(path, &p, &err), STW_EDATA);
	char want[128];
	snprintf(want, sizeof want, "%s:4:9: unknown contact field 'emial'", path);
	cr_assert_str_eq(err.msg, want);

	fd = open(path, O_WRONLY | O_TRUNC);
	text = "name: mine\nentity: contact\ncolumns: [a, b\n";
	cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	cr_assert_eq(stw_profile_load(path, &p, &err), STW_EDATA);
	snprintf(want, sizeof want, "%s:4:1:", path);
	cr_assert(strncmp(err.msg, want, strlen(want)) == 0, "%s", err.msg);

	fd = open(path, O_WRONLY | O_TRUNC);
	text = "name: mine\nentity: person\ncolumns: {}\n";
	cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	cr_assert_eq(stw_profile_load(path, &p, &err), STW_EDATA);
	snprintf(want, sizeof want, "%s:2:9: entity must be 'contact' or 'company', not 'person'", path);
	cr_assert_str_eq(err.msg, want);
	unlink(path);
}
