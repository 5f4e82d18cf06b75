/*
 * Unit tests of the company name standardizer (std_company.c): the display
 * form, the legal suffix found, and the matching key.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "std.h"
#include "util.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

Test(std_company, display)
{
	static const struct {
		const char *in;
		stw_std_status st;
		const char *out;    /* display form for CHANGED/SUGGEST */
		const char *suffix; /* extra: the suffix as displayed, or NULL */
	} c[] = {
		{NULL, STW_STD_EMPTY, NULL, NULL},
		{"", STW_STD_EMPTY, NULL, NULL},
		{"  ", STW_STD_EMPTY, NULL, NULL},
		{"Acme Inc.", STW_STD_SAME, NULL, "Inc."},
		{"Acme Inc", STW_STD_SAME, NULL, "Inc"},
		{"Acme, Inc.", STW_STD_SAME, NULL, "Inc."},
		{"Acme,Inc.", STW_STD_CHANGED, "Acme, Inc.", "Inc."},
		{"Acme , Inc", STW_STD_CHANGED, "Acme, Inc", "Inc"},
		{"  Acme   Widgets  Ltd ", STW_STD_CHANGED, "Acme Widgets Ltd", "Ltd"},
		{"acme llc", STW_STD_CHANGED, "Acme LLC", "llc"},
		{"acme widgets ltd.", STW_STD_CHANGED, "Acme Widgets Ltd.", "Ltd."},
		{"ACME CORPORATION", STW_STD_SUGGEST, "Acme Corporation", "Corporation"},
		{"BEISPIEL GMBH & CO. KG", STW_STD_SUGGEST, "Beispiel GmbH & Co. KG",
		 "GmbH & Co. KG"},
		{"GENERAL ELECTRIC COMPANY", STW_STD_SUGGEST, "General Electric Company",
		 "Company"},
		{"BANK OF AMERICA", STW_STD_SUGGEST, "Bank of America", NULL},
		{"IBM", STW_STD_SAME, NULL, NULL},
		{"KPMG LLP", STW_STD_SAME, NULL, "LLP"},
		{"BASF SE", STW_STD_SAME, NULL, "SE"},
		{"AT&T Inc.", STW_STD_SAME, NULL, "Inc."},
		{"at&t inc", STW_STD_CHANGED, "at&t Inc", "inc"},
		{"iRobot Corp", STW_STD_SAME, NULL, "Corp"},
		{"Siemens AG", STW_STD_SAME, NULL, "AG"},
		{"M\xc3\xbcller GmbH & Co. KG", STW_STD_SAME, NULL, "GmbH & Co. KG"},
		{"m\xc3\xbcller gmbh", STW_STD_CHANGED, "M\xc3\xbcller GmbH", "GmbH"},
		{"The Boeing Company", STW_STD_SAME, NULL, "Company"},
		{"Smith & Co.", STW_STD_SAME, NULL, "& Co."},
		{"Foo Pty Ltd", STW_STD_SAME, NULL, "Pty Ltd"},
		{"Nestl\xc3\xa9 S.A.", STW_STD_SAME, NULL, "S.A."},
		{"Fiat S.p.A.", STW_STD_SAME, NULL, "S.p.A."},
		{"Maersk A/S", STW_STD_SAME, NULL, "A/S"},
		{"Philips N.V.", STW_STD_SAME, NULL, "N.V."},
		{"Shell B.V.", STW_STD_SAME, NULL, "B.V."},
		{"Nokia Oyj", STW_STD_SAME, NULL, "Oyj"},
		{"Volvo AB", STW_STD_SAME, NULL, "AB"},
		{"Renault SAS", STW_STD_SAME, NULL, "SAS"},
		{"Dupont SARL", STW_STD_SAME, NULL, "SARL"},
		{"Rossi S.r.l.", STW_STD_SAME, NULL, "S.r.l."},
		{"Samsung Electronics Co., Ltd.", STW_STD_SAME, NULL, "Co., Ltd."},
		{"Acme L.L.C.", STW_STD_SAME, NULL, "L.L.C."},
		{"Acme Incorporated", STW_STD_SAME, NULL, "Incorporated"},
		{"Acme Limited", STW_STD_SAME, NULL, "Limited"},
		{"Acme PLC", STW_STD_SAME, NULL, "PLC"},
		{"l'or\xc3\xa9" "al sa", STW_STD_CHANGED, "L'Or\xc3\xa9" "al SA", "sa"},
		{"Coca-Cola", STW_STD_SAME, NULL, NULL},
		{"Sa Sa International", STW_STD_SAME, NULL, NULL},
		{"Costco Wholesale", STW_STD_SAME, NULL, NULL},
		{"Inc", STW_STD_SAME, NULL, NULL},
		{"Co", STW_STD_SAME, NULL, NULL},
		{"Ltd.", STW_STD_SAME, NULL, NULL},
		{"Acme Co. Holdings", STW_STD_SAME, NULL, NULL},
		{"Beatles, The", STW_STD_SAME, NULL, NULL},
		{"3m company", STW_STD_CHANGED, "3m Company", "company"},
	};
	for (size_t i = 0; i < N(c); i++) {
		stw_std_result r = {0};
		stw_std_company(c[i].in, &r);
		const char *in = c[i].in ? c[i].in : "(null)";
		cr_expect_eq(r.status, c[i].st, "company(\"%s\"): %s, expected %s (%s)", in,
		             stw_std_status_name(r.status), stw_std_status_name(c[i].st), r.why);
		if (c[i].out)
			cr_expect(r.value && strcmp(r.value, c[i].out) == 0,
			          "company(\"%s\"): \"%s\", expected \"%s\"", in,
			          r.value ? r.value : "(null)", c[i].out);
		else
			cr_expect_null(r.value, "company(\"%s\"): unexpected \"%s\"", in, r.value);
		/* for CHANGED/SUGGEST, extra is read from the display form */
		const char *want = c[i].suffix;
		if (want && (r.status == STW_STD_CHANGED || r.status == STW_STD_SUGGEST)) {
			/* exact forms are checked in suffix_as_displayed */
			cr_expect(r.extra && strlen(r.extra) == strlen(want),
			          "company(\"%s\"): suffix \"%s\"", in, r.extra ? r.extra : "(null)");
		} else if (want) {
			cr_expect(r.extra && strcmp(r.extra, want) == 0,
			          "company(\"%s\"): suffix \"%s\", expected \"%s\"", in,
			          r.extra ? r.extra : "(null)", want);
		} else {
			cr_expect_null(r.extra, "company(\"%s\"): unexpected suffix \"%s\"", in,
			               r.extra);
		}
		stw_std_result_free(&r);
	}
}

Test(std_company, suffix_as_displayed)
{
	static const struct {
		const char *in, *suffix;
	} c[] = {
		{"acme llc", "LLC"},
		{"ACME CORPORATION", "Corporation"},
		{"BEISPIEL GMBH & CO. KG", "GmbH & Co. KG"},
		{"m\xc3\xbcller gmbh", "GmbH"},
		{"Acme,Inc.", "Inc."},
		{"l'or\xc3\xa9" "al sa", "SA"},
		{"rossi s.r.l.", "S.r.l."},
		{"maersk a/s", "A/S"},
	};
	for (size_t i = 0; i < N(c); i++) {
		stw_std_result r = {0};
		stw_std_company(c[i].in, &r);
		cr_expect(r.extra && strcmp(r.extra, c[i].suffix) == 0,
		          "company(\"%s\"): suffix \"%s\", expected \"%s\"", c[i].in,
		          r.extra ? r.extra : "(null)", c[i].suffix);
		stw_std_result_free(&r);
	}
}

Test(std_company, key)
{
	static const struct {
		const char *in;
		const char *key;
		const char *suffix; /* key form, or NULL */
	} c[] = {
		{NULL, "", NULL},
		{"", "", NULL},
		{"Acme Inc.", "acme", "inc"},
		{"ACME, INC", "acme", "inc"},
		{"Acme Incorporated", "acme", "incorporated"},
		{"Acme Corp", "acme", "corp"},
		{"Acme Corporation", "acme", "corporation"},
		{"Acme LLC", "acme", "llc"},
		{"Acme L.L.C.", "acme", "llc"},
		{"Acme Ltd", "acme", "ltd"},
		{"Acme Ltd.", "acme", "ltd"},
		{"Acme Limited", "acme", "limited"},
		{"Acme PLC", "acme", "plc"},
		{"Acme GmbH", "acme", "gmbh"},
		{"Acme AG", "acme", "ag"},
		{"Acme S.A.", "acme", "sa"},
		{"Acme SA", "acme", "sa"},
		{"Acme SARL", "acme", "sarl"},
		{"Acme S.r.l.", "acme", "srl"},
		{"Acme B.V.", "acme", "bv"},
		{"Acme N.V.", "acme", "nv"},
		{"Acme Oy", "acme", "oy"},
		{"Acme AB", "acme", "ab"},
		{"Acme Pty Ltd", "acme", "pty ltd"},
		{"Acme Pty. Ltd.", "acme", "pty ltd"},
		{"Acme & Co.", "acme", "and co"},
		{"Acme Co.", "acme", "co"},
		{"Acme KG", "acme", "kg"},
		{"Acme GmbH & Co. KG", "acme", "gmbh and co kg"},
		{"Acme Co., Ltd.", "acme", "co ltd"},
		{"Acme Sp. z o.o.", "acme", "sp z oo"},
		{"The Acme Company", "acme", "company"},
		{"THE ACME COMPANY", "acme", "company"},
		{"Acme, The", "acme", NULL},
		{"The Beatles", "beatles", NULL},
		{"The", "the", NULL},
		{"The Co", "the", "co"},
		{"Johnson & Johnson", "johnson and johnson", NULL},
		{"Johnson and Johnson", "johnson and johnson", NULL},
		{"AT&T Inc.", "at and t", "inc"},
		{"M\xc3\xbcller GmbH", "muller", "gmbh"},
		{"Soci\xc3\xa9t\xc3\xa9 G\xc3\xa9n\xc3\xa9rale S.A.", "societe generale", "sa"},
		{"  Acme   Widgets  ", "acme widgets", NULL},
		{"Acme-Widgets, Inc.", "acme widgets", "inc"},
		{"O'Reilly Media, Inc.", "oreilly media", "inc"},
		{"Coca-Cola", "coca cola", NULL},
		{"Costco", "costco", NULL},
		{"Co", "co", NULL},
		{"Inc", "inc", NULL},
		{"Sa Sa International", "sa sa international", NULL},
		{"Acme Inc Holdings", "acme inc holdings", NULL},
		{"bad\xff" "byte inc", "badbyte", "inc"},
	};
	for (size_t i = 0; i < N(c); i++) {
		char *sfx = (char *)"unset";
		char *k = stw_std_company_key(c[i].in, &sfx);
		cr_expect_str_eq(k, c[i].key, "key(\"%s\")", c[i].in ? c[i].in : "(null)");
		if (c[i].suffix)
			cr_expect(sfx && strcmp(sfx, c[i].suffix) == 0,
			          "key(\"%s\"): suffix \"%s\", expected \"%s\"", c[i].in,
			          sfx ? sfx : "(null)", c[i].suffix);
		else
			cr_expect_null(sfx, "key(\"%s\"): unexpected suffix \"%s\"", c[i].in, sfx);
		free(k);
		free(sfx);
	}
	/* the suffix pointer is optional */
	char *k = stw_std_company_key("Acme Inc", NULL);
	cr_expect_str_eq(k, "acme");
	free(k);
}

/* Names that differ only in form share a key. */
Test(std_company, same_key)
{
	static const char *const groups[][5] = {
		{"Acme Inc.", "ACME, INC", "acme incorporated", "The Acme Inc", "Acme"},
		{"Smith & Sons Ltd", "Smith and Sons Limited", "SMITH & SONS", NULL, NULL},
	};
	for (size_t g = 0; g < N(groups); g++) {
		char *first = stw_std_company_key(groups[g][0], NULL);
		for (size_t i = 1; i < 5 && groups[g][i]; i++) {
			char *k = stw_std_company_key(groups[g][i], NULL);
			cr_expect_str_eq(k, first, "%s vs %s", groups[g][i], groups[g][0]);
			free(k);
		}
		free(first);
	}
}

Test(std_company, hostile_input)
{
	size_t n = 100000;
	char *big = stw_xmalloc(n + 1);
	for (size_t i = 0; i < n; i++)
		big[i] = "ACME INC, "[i % 10];
	big[n] = '\0';
	stw_std_result r = {0};
	stw_std_company(big, &r);
	cr_expect_neq(r.status, STW_STD_INVALID);
	stw_std_result_free(&r);
	char *k = stw_std_company_key(big, NULL);
	cr_expect(strlen(k) > 0);
	free(k);
	free(big);
	char all[256];
	for (int i = 1; i < 256; i++)
		all[i - 1] = (char)i;
	all[255] = '\0';
	stw_std_company(all, &r);
	stw_std_result_free(&r);
	k = stw_std_company_key(all, NULL);
	free(k);
	static const char *const odd[] = {
		",", ", ,", "&", "& & &", ".", "...", "-", "\xc3", "Inc.,", " , Inc",
		"GmbH & Co. KG", "& Co.", "\t\n",
	};
	for (size_t i = 0; i < N(odd); i++) {
		stw_std_company(odd[i], &r);
		stw_std_result_free(&r);
		char *s = NULL;
		k = stw_std_company_key(odd[i], &s);
		free(k);
		free(s);
	}
}

/*
 * Every legal form is found at the end of a name through the suffix index,
 * as a scan of the table found it, and only as the whole run of last tokens.
 */
Test(std_company, every_suffix)
{
	static const char *const suffixes[] = {
		"gmbh and co kgaa", "gmbh and co kg", "gmbh and co ohg", "ag and co kg",
		"se and co kg", "gmbh and co", "and co kg", "co kg", "ug haftungsbeschrankt",
		"pty ltd", "pty limited", "pty", "pte ltd", "pte", "pvt ltd",
		"private limited", "sdn bhd", "bhd", "co ltd", "co limited", "co inc",
		"and co", "and company", "inc", "incorporated", "corp", "corporation",
		"co", "company", "llc", "llp", "lllp", "pllc", "lp", "ltd", "limited",
		"plc", "gmbh", "ggmbh", "ag", "kg", "kgaa", "ohg", "ug", "ev", "eg", "se",
		"sa", "sas", "sasu", "sarl", "eurl", "sa de cv", "s de rl de cv",
		"s de rl", "srl", "spa", "sl", "slu", "sau", "bv", "nv", "vof", "cv",
		"oy", "oyj", "ab", "ab publ", "as", "asa", "a s", "aps", "sp z oo",
		"sp z o o", "kft", "zrt", "nyrt", "doo", "ooo", "pao", "ltda", "cia ltda",
		"lda", "kk", "kabushiki kaisha", "gk", "sro", "spol s ro",
	};
	for (size_t i = 0; i < N(suffixes); i++) {
		char name[96];
		snprintf(name, sizeof name, "Acme %s", suffixes[i]);
		char *sfx = NULL;
		char *key = stw_std_company_key(name, &sfx);
		cr_expect_str_eq(key, "acme", "key(\"%s\")", name);
		cr_expect(sfx && strcmp(sfx, suffixes[i]) == 0, "suffix(\"%s\"): %s", name,
		          sfx ? sfx : "(none)");
		free(key);
		free(sfx);
		/* not a suffix when glued to another token */
		snprintf(name, sizeof name, "Acme %sx", suffixes[i]);
		key = stw_std_company_key(name, &sfx);
		cr_expect(!sfx || strcmp(sfx, suffixes[i]) != 0, "suffix(\"%s\")", name);
		free(key);
		free(sfx);
	}
	/* legal forms written as in the display form keep their usual case */
	static const struct {
		const char *in;
		stw_std_status st;
		const char *out;
	} c[] = {
		{"acme gmbh", STW_STD_CHANGED, "Acme GmbH"},
		{"acme ggmbh", STW_STD_CHANGED, "Acme gGmbH"},
		{"acme kgaa", STW_STD_CHANGED, "Acme KGaA"},
		{"acme s.r.l.", STW_STD_CHANGED, "Acme S.r.l."},
		{"acme s.p.a.", STW_STD_CHANGED, "Acme S.p.A."},
		{"acme aps", STW_STD_CHANGED, "Acme ApS"},
		{"acme e.v.", STW_STD_CHANGED, "Acme e.V."},
		{"acme sro", STW_STD_CHANGED, "Acme s.r.o."},
		{"acme a/s", STW_STD_CHANGED, "Acme A/S"},
		{"acme pty. ltd.", STW_STD_CHANGED, "Acme Pty. Ltd."},
		{"acme inc.", STW_STD_CHANGED, "Acme Inc."},
		{"acme kft.", STW_STD_CHANGED, "Acme Kft."},
		{"house of the rising sun and co", STW_STD_CHANGED, "House of the Rising Sun and Co"},
		{"gmbh", STW_STD_CHANGED, "Gmbh"},
		{"ACME INDUSTRIES GMBH", STW_STD_SUGGEST, "Acme Industries GmbH"},
		{"a very long company name with many words that does not fit any small buffer at all "
		 "and goes on and on and on inc", STW_STD_CHANGED,
		 "A Very Long Company Name With Many Words That Does Not Fit Any Small Buffer at All "
		 "and Goes on and on and on Inc"},
	};
	for (size_t i = 0; i < N(c); i++) {
		stw_std_result r = {0};
		stw_std_company(c[i].in, &r);
		cr_expect_eq(r.status, c[i].st, "company(\"%s\"): %s", c[i].in,
		             stw_std_status_name(r.status));
		cr_expect(r.value && strcmp(r.value, c[i].out) == 0, "company(\"%s\"): \"%s\"",
		          c[i].in, r.value ? r.value : "(null)");
		stw_std_result_free(&r);
	}
}
