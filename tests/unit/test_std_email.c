/*
 * Unit tests of the email standardizer (std_email.c): normalisation,
 * syntax, domain typos, role and placeholder addresses.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "std.h"
#include "util.h"

#include "std_cases.h"

Test(std_email, normalise)
{
	static const tcase c[] = {
		{NULL, STW_STD_EMPTY, NULL},
		{"", STW_STD_EMPTY, NULL},
		{" \t ", STW_STD_EMPTY, NULL},
		{"john@example.com", STW_STD_SAME, NULL},
		{"John@Example.COM", STW_STD_CHANGED, "john@example.com"},
		{"  john@example.com  ", STW_STD_CHANGED, "john@example.com"},
		{"\xc2\xa0john@example.com", STW_STD_CHANGED, "john@example.com"},
		{"john@example.com\xe2\x80\x8b", STW_STD_CHANGED, "john@example.com"},
		{"mailto:john@example.com", STW_STD_CHANGED, "john@example.com"},
		{"MAILTO:John@Example.com", STW_STD_CHANGED, "john@example.com"},
		{"John Doe <John@Example.com>", STW_STD_CHANGED, "john@example.com"},
		{"<john@example.com>", STW_STD_CHANGED, "john@example.com"},
		{"\"john@example.com\"", STW_STD_CHANGED, "john@example.com"},
		{"john@example.com.", STW_STD_CHANGED, "john@example.com"},
		{"john@example.com;", STW_STD_CHANGED, "john@example.com"},
		{"a+tag@sub.domain.co.uk", STW_STD_SAME, NULL},
		{"first.last@acme-corp.io", STW_STD_SAME, NULL},
		{"o'brien@acme.ie", STW_STD_SAME, NULL},
		{"x_y-z!#$%&*=?^`{|}~@a.bc", STW_STD_SAME, NULL},
		{"a@b.museum", STW_STD_SAME, NULL},
		{"123@456.com", STW_STD_SAME, NULL},
	};
	run("email", stw_std_email, c, N(c));
}

Test(std_email, syntax)
{
	static const tcase c[] = {
		{"plainaddress", STW_STD_INVALID, NULL},
		{"@example.com", STW_STD_INVALID, NULL},
		{"john@", STW_STD_INVALID, NULL},
		{"john@@example.com", STW_STD_INVALID, NULL},
		{"a@b@example.com", STW_STD_INVALID, NULL},
		{"john..doe@example.com", STW_STD_INVALID, NULL},
		{".john@example.com", STW_STD_INVALID, NULL},
		{"john.@example.com", STW_STD_INVALID, NULL},
		{"john@localhost", STW_STD_INVALID, NULL},
		{"john@example", STW_STD_INVALID, NULL},
		{"john@example.c", STW_STD_INVALID, NULL},
		{"john@example.c0m", STW_STD_INVALID, NULL},
		{"john@example.123", STW_STD_INVALID, NULL},
		{"john@-example.com", STW_STD_INVALID, NULL},
		{"john@example-.com", STW_STD_INVALID, NULL},
		{"john@exa_mple.com", STW_STD_INVALID, NULL},
		{"john@example..com", STW_STD_INVALID, NULL},
		{"john@.example.com", STW_STD_INVALID, NULL},
		{"john@[192.168.0.1]", STW_STD_INVALID, NULL},
		{"john doe@example.com", STW_STD_INVALID, NULL},
		{"jo(h)n@example.com", STW_STD_INVALID, NULL},
		{"jo,hn@example.com", STW_STD_INVALID, NULL},
		{"j\xc3\xb6rg@example.de", STW_STD_INVALID, NULL},
		{"jorg@b\xc3\xbc" "cher.de", STW_STD_INVALID, NULL},
		{"a@b.com, c@d.com", STW_STD_INVALID, NULL},
		{"a@b.com;c@d.com", STW_STD_INVALID, NULL},
		{"a@b.com c@d.com", STW_STD_INVALID, NULL},
		{"bad\xff@example.com", STW_STD_INVALID, NULL},
		/* control characters are dropped by whitespace tidying */
		{"tab\x01@example.com", STW_STD_CHANGED, "tab@example.com"},
	};
	run("email", stw_std_email, c, N(c));
}

Test(std_email, length_limits)
{
	stw_std_result r = {0};
	char local64[65], local65[66];
	memset(local64, 'a', 64);
	local64[64] = '\0';
	memset(local65, 'a', 65);
	local65[65] = '\0';
	char *ok = stw_xasprintf("%s@example.com", local64);
	stw_std_email(ok, &r);
	cr_expect_eq(r.status, STW_STD_SAME, "%s", r.why);
	stw_std_result_free(&r);
	char *bad = stw_xasprintf("%s@example.com", local65);
	stw_std_email(bad, &r);
	cr_expect_eq(r.status, STW_STD_INVALID);
	stw_std_result_free(&r);

	char label63[64], label64[65];
	memset(label63, 'b', 63);
	label63[63] = '\0';
	memset(label64, 'b', 64);
	label64[64] = '\0';
	char *l63 = stw_xasprintf("a@%s.com", label63);
	stw_std_email(l63, &r);
	cr_expect_eq(r.status, STW_STD_SAME, "%s", r.why);
	stw_std_result_free(&r);
	char *l64 = stw_xasprintf("a@%s.com", label64);
	stw_std_email(l64, &r);
	cr_expect_eq(r.status, STW_STD_INVALID);
	stw_std_result_free(&r);

	/* 64 + 1 + 4 * 63 + dots: over 254 in all */
	char *longaddr = stw_xasprintf("%s@%s.%s.%s.%s.com", local64, label63, label63,
	                               label63, label63);
	stw_std_email(longaddr, &r);
	cr_expect_eq(r.status, STW_STD_INVALID);
	stw_std_result_free(&r);

	/* a huge field is rejected without trouble */
	size_t n = 100000;
	char *huge = stw_xmalloc(n + 1);
	memset(huge, 'x', n);
	huge[n / 2] = '@';
	huge[n] = '\0';
	stw_std_email(huge, &r);
	cr_expect_eq(r.status, STW_STD_INVALID);
	stw_std_result_free(&r);
	stw_std_email_typo(huge, &r);
	stw_std_result_free(&r);
	cr_expect(!stw_std_email_is_role(huge));
	cr_expect(!stw_std_email_is_placeholder(huge));
	free(huge);
	free(ok);
	free(bad);
	free(l63);
	free(l64);
	free(longaddr);
}

Test(std_email, typos)
{
	static const tcase c[] = {
		{"ann@gmial.com", STW_STD_SUGGEST, "ann@gmail.com"},
		{"ann@gmai.com", STW_STD_SUGGEST, "ann@gmail.com"},
		{"ann@gamil.com", STW_STD_SUGGEST, "ann@gmail.com"},
		{"ann@gnail.com", STW_STD_SUGGEST, "ann@gmail.com"},
		{"ann@gmail.con", STW_STD_SUGGEST, "ann@gmail.com"},
		{"ann@gmail.co", STW_STD_SUGGEST, "ann@gmail.com"},
		{"ann@hotmial.com", STW_STD_SUGGEST, "ann@hotmail.com"},
		{"ann@hotmal.com", STW_STD_SUGGEST, "ann@hotmail.com"},
		{"ann@yaho.com", STW_STD_SUGGEST, "ann@yahoo.com"},
		{"ann@yahooo.com", STW_STD_SUGGEST, "ann@yahoo.com"},
		{"ann@outlok.com", STW_STD_SUGGEST, "ann@outlook.com"},
		{"ann@iclod.com", STW_STD_SUGGEST, "ann@icloud.com"},
		{"Ann@GMIAL.COM", STW_STD_SUGGEST, "ann@gmail.com"},
		{"ann@gmaill.com", STW_STD_SUGGEST, "ann@gmail.com"},
		{"ann@hotnail.con", STW_STD_SUGGEST, "ann@hotmail.com"},
		{"ann@gmial.con", STW_STD_SUGGEST, "ann@gmail.com"},
		{"ann@acme.con", STW_STD_SUGGEST, "ann@acme.com"},
		{"ann@acme.cmo", STW_STD_SUGGEST, "ann@acme.com"},
		{"ann@acme.ogr", STW_STD_SUGGEST, "ann@acme.org"},
		{"ann@verizon.nte", STW_STD_SUGGEST, "ann@verizon.net"},
		{"ann@comcsat.net", STW_STD_SUGGEST, "ann@comcast.net"},
		{"ann@protonmial.com", STW_STD_SUGGEST, "ann@protonmail.com"},
		{"ann@googlemial.com", STW_STD_SUGGEST, "ann@googlemail.com"},
		{"ann@btinternet.co", STW_STD_SUGGEST, "ann@btinternet.com"},
		/* the bounded distance search: a transposition, a deletion, two edits */
		{"ann@virginmedai.com", STW_STD_SUGGEST, "ann@virginmedia.com"},
		{"ann@sbcglobl.net", STW_STD_SUGGEST, "ann@sbcglobal.net"},
		{"ann@protnmial.com", STW_STD_SUGGEST, "ann@protonmail.com"},
		{"ann@hotmial.co.uk", STW_STD_SUGGEST, "ann@hotmail.co.uk"},
		{"ann@bigpnd.com", STW_STD_SUGGEST, "ann@bigpond.com"},
		/* real domains near popular ones are left alone */
		{"ann@gmail.com", STW_STD_SAME, NULL},
		{"ann@mail.com", STW_STD_SAME, NULL},
		{"ann@email.com", STW_STD_SAME, NULL},
		{"ann@ge.com", STW_STD_SAME, NULL},
		{"ann@ibm.com", STW_STD_SAME, NULL},
		{"ann@ao.com", STW_STD_SAME, NULL},
		{"ann@outlook.es", STW_STD_SAME, NULL},
		{"ann@hotmail.es", STW_STD_SAME, NULL},
		{"ann@gmx.at", STW_STD_SAME, NULL},
		{"ann@yahoo.co.jp", STW_STD_SAME, NULL},
		{"ann@acme.co", STW_STD_SAME, NULL},
		{"ann@acme.cm", STW_STD_SAME, NULL},
		{"ann@steward-data.com", STW_STD_SAME, NULL},
	};
	run("email", stw_std_email, c, N(c));
}

Test(std_email, typo_only)
{
	static const tcase c[] = {
		{NULL, STW_STD_EMPTY, NULL},
		{"", STW_STD_EMPTY, NULL},
		{"no-at-sign", STW_STD_INVALID, NULL},
		{"ann@gmial.com", STW_STD_SUGGEST, "ann@gmail.com"},
		{"ann@gmail.com", STW_STD_SAME, NULL},
		{"ann@yahoo.co", STW_STD_SUGGEST, "ann@yahoo.com"},
		{"ann@aol.co", STW_STD_SUGGEST, "ann@aol.com"},
	};
	run("email_typo", stw_std_email_typo, c, N(c));
	stw_std_result r = {0};
	stw_std_email_typo("ann@gmial.com", &r);
	cr_expect_str_eq(r.why, "domain typo: gmial.com -> gmail.com");
	stw_std_result_free(&r);
}

Test(std_email, role_accounts)
{
	static const struct {
		const char *in;
		bool role;
	} c[] = {
		{"info@acme.com", true},      {"INFO@acme.com", true},
		{"sales@acme.com", true},     {"support@acme.com", true},
		{"admin@acme.com", true},     {"contact@acme.com", true},
		{"hello@acme.com", true},     {"office@acme.com", true},
		{"billing@acme.com", true},   {"hr@acme.com", true},
		{"jobs@acme.com", true},      {"noreply@acme.com", true},
		{"no-reply@acme.com", true},  {"no_reply@acme.com", true},
		{"donotreply@acme.com", true}, {"do-not-reply@acme.com", true},
		{"postmaster@acme.com", true}, {"webmaster@acme.com", true},
		{"abuse@acme.com", true},     {"marketing@acme.com", true},
		{"team@acme.com", true},      {"enquiries@acme.com", true},
		{"info2@acme.com", true},     {"info+crm@acme.com", true},
		{"customer.service@acme.com", true},
		{"john@acme.com", false},     {"john.smith@acme.com", false},
		{"information.officer@acme.com", false},
		{"salesforce.admin.jane@acme.com", false},
		{"no-at-sign", false},        {NULL, false},
		{"", false},
	};
	for (size_t i = 0; i < N(c); i++)
		cr_expect_eq(stw_std_email_is_role(c[i].in), c[i].role, "is_role(\"%s\")",
		             c[i].in ? c[i].in : "(null)");
}

Test(std_email, placeholders)
{
	static const struct {
		const char *in;
		bool ph;
	} c[] = {
		{"test@test.com", true},      {"TEST@TEST.COM", true},
		{"john@example.com", true},   {"john@example.org", true},
		{"john@example.net", true},   {"john@acme.test", true},
		{"john@acme.invalid", true},  {"john@acme.example", true},
		{"john@host.localhost", true}, {"asdf@asdf.com", true},
		{"asdf@asdf.net", true},      {"qwerty@qwerty.de", true},
		{"noemail@acme.com", true},   {"no.email@acme.com", true},
		{"none@none.com", true},      {"john@noemail.com", true},
		{"x@asdf.com", true},         {"test@test.com.", true},
		{"john@acme.com", false},     {"test@acme.com", false},
		{"asdf@acme.com", false},     {"john@testing.com", false},
		{"john@examples.com", false}, {"anna@test.co.uk", false},
		{NULL, false},                {"no-at-sign", false},
	};
	for (size_t i = 0; i < N(c); i++)
		cr_expect_eq(stw_std_email_is_placeholder(c[i].in), c[i].ph,
		             "is_placeholder(\"%s\")", c[i].in ? c[i].in : "(null)");
}

/*
 * The lookups through the hash indexes answer as scans of the tables did:
 * every entry is found, near misses are not, and local parts longer than
 * any table entry are kept apart without changing an answer.
 */
Test(std_email, table_lookups)
{
	static const char *const roles[] = {
		"info", "administrator", "contactus", "accounting", "recruitment", "donotreply",
		"hostmaster", "inquiries", "helpdesk", "customerservice", "customercare",
		"newsletter", "reception", "invoices", "privacy", "security", "it", "root",
		"sysadmin", "all", "staff", "general", "bookings", "reservations", "partners",
		"purchasing", "procurement", "shop", "store", "mail", "mailer", "notifications",
		"alerts", "frontdesk", "membership", "events", "donations", "compliance", "ceo",
		"board", "investor", "investors", "ir",
	};
	for (size_t i = 0; i < N(roles); i++) {
		char addr[96];
		snprintf(addr, sizeof addr, "%s@acme.com", roles[i]);
		cr_expect(stw_std_email_is_role(addr), "%s", addr);
		snprintf(addr, sizeof addr, "%sx@acme.com", roles[i]);
		cr_expect(!stw_std_email_is_role(addr), "%s", addr);
	}
	static const struct {
		const char *in;
		bool role, ph;
	} c[] = {
		/* keys of 31 bytes and more: trailing digits still dropped */
		{"info0000000000000000000000000000000000@acme.com", true, false},
		{"info.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0@acme.com", true, false},
		{"none99999999999999999999999999999999999999@acme.com", false, true},
		{"infoinfoinfoinfoinfoinfoinfoinfo0@acme.com", false, false},
		{"infoinfoinfoinfoinfoinfoinfoinf@acme.com", false, false},
		{"customer-service-2@acme.com", true, false},
		/* placeholder domains, top-level domains and locals */
		{"x@domain.com", false, true},   {"x@yourdomain.com", false, true},
		{"x@mydomain.com", false, true}, {"x@company.com", false, true},
		{"x@nowhere.com", false, true},  {"x@unknown.com", false, true},
		{"x@email.invalid", false, true}, {"x@fake.com", false, true},
		{"x@a.local", false, true},      {"x@local", false, true},
		{"dummy@acme.com", false, true}, {"youremail@acme.com", false, true},
		{"placeholder@acme.com", false, true}, {"name@acme.com", false, true},
		{"temp@temp.org", false, true},  {"temp@acme.org", false, false},
		{"blah@blah.io", false, true},   {"nobody@nobody.com", false, true},
		{"x@EXAMPLE.COM..", false, true}, {"x@domaincom", false, false},
		{"x@" "averyveryveryveryveryveryveryveryveryveryveryveryveryveryverylong"
		 "averyveryveryveryveryveryveryveryveryveryveryveryveryveryverylong.test",
		 false, true},
	};
	for (size_t i = 0; i < N(c); i++) {
		cr_expect_eq(stw_std_email_is_role(c[i].in), c[i].role, "is_role(\"%s\")", c[i].in);
		cr_expect_eq(stw_std_email_is_placeholder(c[i].in), c[i].ph,
		             "is_placeholder(\"%s\")", c[i].in);
	}
	/* every listed typo, and domains longer than any popular one */
	static const tcase t[] = {
		{"a@gmal.com", STW_STD_SUGGEST, "a@gmail.com"},
		{"a@gmil.com", STW_STD_SUGGEST, "a@gmail.com"},
		{"a@gmali.com", STW_STD_SUGGEST, "a@gmail.com"},
		{"a@gmail.cm", STW_STD_SUGGEST, "a@gmail.com"},
		{"a@gmail.om", STW_STD_SUGGEST, "a@gmail.com"},
		{"a@hotmil.com", STW_STD_SUGGEST, "a@hotmail.com"},
		{"a@hotmai.com", STW_STD_SUGGEST, "a@hotmail.com"},
		{"a@hotmail.co", STW_STD_SUGGEST, "a@hotmail.com"},
		{"a@hotmail.con", STW_STD_SUGGEST, "a@hotmail.com"},
		{"a@hotamil.com", STW_STD_SUGGEST, "a@hotmail.com"},
		{"a@yahoo.con", STW_STD_SUGGEST, "a@yahoo.com"},
		{"a@yhoo.com", STW_STD_SUGGEST, "a@yahoo.com"},
		{"a@outlook.co", STW_STD_SUGGEST, "a@outlook.com"},
		{"a@outloo.com", STW_STD_SUGGEST, "a@outlook.com"},
		{"a@icoud.com", STW_STD_SUGGEST, "a@icloud.com"},
		{"a@icloud.co", STW_STD_SUGGEST, "a@icloud.com"},
		{"a@aol.co", STW_STD_SUGGEST, "a@aol.com"},
		{"a@acme.vom", STW_STD_SUGGEST, "a@acme.com"},
		{"a@acme.xom", STW_STD_SUGGEST, "a@acme.com"},
		{"a@acme.cpm", STW_STD_SUGGEST, "a@acme.com"},
		{"a@acme.clm", STW_STD_SUGGEST, "a@acme.com"},
		{"a@acme.comm", STW_STD_SUGGEST, "a@acme.com"},
		{"a@acme.coom", STW_STD_SUGGEST, "a@acme.com"},
		{"a@acme.ocm", STW_STD_SUGGEST, "a@acme.com"},
		{"a@acme.nett", STW_STD_SUGGEST, "a@acme.net"},
		{"a@acme.ner", STW_STD_SUGGEST, "a@acme.net"},
		{"a@acme.orgg", STW_STD_SUGGEST, "a@acme.org"},
		{"a@acme.prg", STW_STD_SUGGEST, "a@acme.org"},
		/* popular domains as they are, and longest ones one or two edits away */
		{"a@virginmedia.com", STW_STD_SAME, NULL},
		{"a@virginmediaa.com", STW_STD_SUGGEST, "a@virginmedia.com"},
		{"a@virginmediaaa.com", STW_STD_SUGGEST, "a@virginmedia.com"},
		{"a@virginmediaaaa.com", STW_STD_SAME, NULL},
		{"a@westvaultindustries.co.uk", STW_STD_SAME, NULL},
		{"a@yahoo.co.uk", STW_STD_SAME, NULL},
		{"a@t-online.de", STW_STD_SAME, NULL},
	};
	run("email", stw_std_email, t, N(t));
}
