/*
 * Unit tests of the phone standardizer (std_phone.c). Each case gives the
 * input, the default country, the expected status, E.164 value and
 * extension.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "std.h"
#include "util.h"

typedef struct {
	const char *in;
	const char *country;
	stw_std_status st;
	const char *out; /* E.164 for CHANGED/SUGGEST, else NULL */
	const char *ext; /* expected extension or NULL */
} pcase;

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void
run(const pcase *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		stw_std_result r = {0};
		stw_std_phone(c[i].in, c[i].country, &r);
		const char *in = c[i].in ? c[i].in : "(null)";
		cr_expect_eq(r.status, c[i].st, "phone(\"%s\", %s): %s, expected %s (%s)", in,
		             c[i].country ? c[i].country : "NULL", stw_std_status_name(r.status),
		             stw_std_status_name(c[i].st), r.why);
		if (c[i].out)
			cr_expect(r.value && strcmp(r.value, c[i].out) == 0,
			          "phone(\"%s\", %s): \"%s\", expected \"%s\"", in, c[i].country,
			          r.value ? r.value : "(null)", c[i].out);
		else
			cr_expect_null(r.value, "phone(\"%s\"): unexpected \"%s\"", in, r.value);
		if (c[i].ext)
			cr_expect(r.extra && strcmp(r.extra, c[i].ext) == 0,
			          "phone(\"%s\"): extension \"%s\", expected \"%s\"", in,
			          r.extra ? r.extra : "(null)", c[i].ext);
		else
			cr_expect_null(r.extra, "phone(\"%s\"): unexpected extension \"%s\"", in,
			               r.extra);
		if (r.status != STW_STD_SAME && r.status != STW_STD_EMPTY)
			cr_expect(r.why[0], "phone(\"%s\"): no reason given", in);
		stw_std_result_free(&r);
	}
}

Test(std_phone, empty)
{
	static const pcase c[] = {
		{NULL, "US", STW_STD_EMPTY, NULL, NULL},
		{"", "US", STW_STD_EMPTY, NULL, NULL},
		{"   ", "GB", STW_STD_EMPTY, NULL, NULL},
		{"\xc2\xa0", NULL, STW_STD_EMPTY, NULL, NULL},
	};
	run(c, N(c));
}

Test(std_phone, nanp_formats)
{
	static const pcase c[] = {
		{"+14155552671", "US", STW_STD_SAME, NULL, NULL},
		{"+1 (415) 555-2671", "US", STW_STD_CHANGED, "+14155552671", NULL},
		{"(415) 555-2671", "US", STW_STD_CHANGED, "+14155552671", NULL},
		{"415-555-2671", "US", STW_STD_CHANGED, "+14155552671", NULL},
		{"415.555.2671", "US", STW_STD_CHANGED, "+14155552671", NULL},
		{"415 555 2671", "us", STW_STD_CHANGED, "+14155552671", NULL},
		{"4155552671", "US", STW_STD_CHANGED, "+14155552671", NULL},
		{"1-415-555-2671", "US", STW_STD_CHANGED, "+14155552671", NULL},
		{"1 (415) 555-2671", "US", STW_STD_CHANGED, "+14155552671", NULL},
		{"14155552671", "US", STW_STD_CHANGED, "+14155552671", NULL},
		{"+1 555 234 5678", "US", STW_STD_CHANGED, "+15552345678", NULL},
		{"416-555-0199", "CA", STW_STD_CHANGED, "+14165550199", NULL},
		{"(416) 555 0199", "Canada", STW_STD_CHANGED, "+14165550199", NULL},
		{"415\xe2\x80\x93" "555\xe2\x80\x93" "2671", "US", STW_STD_CHANGED,
		 "+14155552671", NULL},
		{"\xc2\xa0" "415 555 2671\xc2\xa0", "US", STW_STD_CHANGED, "+14155552671", NULL},
		/* NANP rules */
		{"123-456-7890", "US", STW_STD_INVALID, NULL, NULL},
		{"023-456-7890", "US", STW_STD_INVALID, NULL, NULL},
		{"415-155-2671", "US", STW_STD_INVALID, NULL, NULL},
		{"415-055-2671", "US", STW_STD_INVALID, NULL, NULL},
		{"911-555-2671", "US", STW_STD_INVALID, NULL, NULL},
		{"411-555-2671", "US", STW_STD_INVALID, NULL, NULL},
		{"295-555-2671", "US", STW_STD_INVALID, NULL, NULL},
		{"+1 123 456 7890", "GB", STW_STD_INVALID, NULL, NULL},
		{"415555267", "US", STW_STD_INVALID, NULL, NULL},
		{"41555526712", "US", STW_STD_SUGGEST, "+41555526712", NULL},
		{"415555267123", "US", STW_STD_INVALID, NULL, NULL},
		{"24155552671", "US", STW_STD_INVALID, NULL, NULL},
		{"555-2671", "US", STW_STD_INVALID, NULL, NULL},
	};
	run(c, N(c));
}

Test(std_phone, international_prefixes)
{
	static const pcase c[] = {
		{"011 44 20 7946 0000", "US", STW_STD_CHANGED, "+442079460000", NULL},
		{"0044 20 7946 0000", "US", STW_STD_CHANGED, "+442079460000", NULL},
		{"0044 20 7946 0000", "DE", STW_STD_CHANGED, "+442079460000", NULL},
		{"00 49 30 123456", "FR", STW_STD_CHANGED, "+4930123456", NULL},
		{"+44 (0)20 7946 0000", "US", STW_STD_CHANGED, "+442079460000", NULL},
		{"+44 (0) 20 7946 0000", "GB", STW_STD_CHANGED, "+442079460000", NULL},
		{"+44 020 7946 0000", "GB", STW_STD_CHANGED, "+442079460000", NULL},
		{"+49 (0)30 1234567", "DE", STW_STD_CHANGED, "+49301234567", NULL},
		{"+33 (0)1 23 45 67 89", "FR", STW_STD_CHANGED, "+33123456789", NULL},
		{"0033 1 23 45 67 89", "BE", STW_STD_CHANGED, "+33123456789", NULL},
		{"0011 44 20 7946 0000", "AU", STW_STD_CHANGED, "+442079460000", NULL},
		{"010 1 415 555 2671", "JP", STW_STD_CHANGED, "+14155552671", NULL},
		{"+39 06 1234 5678", "US", STW_STD_CHANGED, "+390612345678", NULL},
		{"+39 (0)6 1234 5678", "US", STW_STD_CHANGED, "+390612345678", NULL},
		{"+353 1 234 5678", "IE", STW_STD_CHANGED, "+35312345678", NULL},
		{"+41 44 123 45 67", NULL, STW_STD_CHANGED, "+41441234567", NULL},
		{"+4930123456", NULL, STW_STD_SAME, NULL, NULL},
		{"+442079460000", "", STW_STD_SAME, NULL, NULL},
		{"+999 1234 5678", "US", STW_STD_INVALID, NULL, NULL},
		{"+0 123 456 789", "US", STW_STD_INVALID, NULL, NULL},
		{"+44 20 7946 00", "GB", STW_STD_INVALID, NULL, NULL},
		{"+33 1 23 45 67 89 10", "FR", STW_STD_INVALID, NULL, NULL},
		{"+1 415 555 2671 +1", "US", STW_STD_INVALID, NULL, NULL},
		{"4+4 20 7946 0000", "GB", STW_STD_INVALID, NULL, NULL},
	};
	run(c, N(c));
}

Test(std_phone, trunk_prefixes)
{
	static const pcase c[] = {
		{"020 7946 0000", "GB", STW_STD_CHANGED, "+442079460000", NULL},
		{"07700 900123", "GB", STW_STD_CHANGED, "+447700900123", NULL},
		{"(0)20 7946 0000", "GB", STW_STD_CHANGED, "+442079460000", NULL},
		{"20 7946 0000", "GB", STW_STD_CHANGED, "+442079460000", NULL},
		{"030 123456", "DE", STW_STD_CHANGED, "+4930123456", NULL},
		{"089/1234567-0", "DE", STW_STD_CHANGED, "+498912345670", NULL},
		{"01 23 45 67 89", "FR", STW_STD_CHANGED, "+33123456789", NULL},
		{"06.12.34.56.78", "FR", STW_STD_CHANGED, "+33612345678", NULL},
		{"020-1234567", "NL", STW_STD_CHANGED, "+31201234567", NULL},
		{"01 234 5678", "IE", STW_STD_CHANGED, "+35312345678", NULL},
		{"044 123 45 67", "CH", STW_STD_CHANGED, "+41441234567", NULL},
		{"01 234567", "AT", STW_STD_CHANGED, "+431234567", NULL},
		{"02 123 45 67", "BE", STW_STD_CHANGED, "+3221234567", NULL},
		{"08-123 456 78", "SE", STW_STD_CHANGED, "+46812345678", NULL},
		{"02 9876 5432", "AU", STW_STD_CHANGED, "+61298765432", NULL},
		{"0412 345 678", "AU", STW_STD_CHANGED, "+61412345678", NULL},
		{"03-1234-5678", "JP", STW_STD_CHANGED, "+81312345678", NULL},
		{"098765 43210", "IN", STW_STD_CHANGED, "+919876543210", NULL},
		{"010 1234 5678", "CN", STW_STD_CHANGED, "+861012345678", NULL},
		{"8 495 123-45-67", "RU", STW_STD_CHANGED, "+74951234567", NULL},
		{"(11) 91234-5678", "BR", STW_STD_CHANGED, "+5511912345678", NULL},
		{"55 1234 5678", "MX", STW_STD_CHANGED, "+525512345678", NULL},
		/* no trunk prefix: Italy keeps its 0, Spain has none */
		{"06 1234 5678", "IT", STW_STD_CHANGED, "+390612345678", NULL},
		{"333 123 4567", "IT", STW_STD_CHANGED, "+393331234567", NULL},
		{"912 345 678", "ES", STW_STD_CHANGED, "+34912345678", NULL},
		{"22 123 45 67", "PL", STW_STD_CHANGED, "+48221234567", NULL},
		/* length checks */
		{"020 7946 00", "GB", STW_STD_INVALID, NULL, NULL},
		{"01 23 45 67", "FR", STW_STD_INVALID, NULL, NULL},
		{"01 23 45 67 89 1", "FR", STW_STD_INVALID, NULL, NULL},
		{"0301", "DE", STW_STD_INVALID, NULL, NULL},
		{"03012345678901234", "DE", STW_STD_INVALID, NULL, NULL},
		{"02 9876 543", "AU", STW_STD_INVALID, NULL, NULL},
	};
	run(c, N(c));
}

Test(std_phone, extensions)
{
	static const pcase c[] = {
		{"(415) 555-2671 x123", "US", STW_STD_CHANGED, "+14155552671", "123"},
		{"415-555-2671x123", "US", STW_STD_CHANGED, "+14155552671", "123"},
		{"415-555-2671 X 123", "US", STW_STD_CHANGED, "+14155552671", "123"},
		{"415-555-2671 ext. 99", "US", STW_STD_CHANGED, "+14155552671", "99"},
		{"415-555-2671 ext 99", "US", STW_STD_CHANGED, "+14155552671", "99"},
		{"415-555-2671 ext99", "US", STW_STD_CHANGED, "+14155552671", "99"},
		{"415-555-2671 EXT: 99", "US", STW_STD_CHANGED, "+14155552671", "99"},
		{"415-555-2671 extension 4", "US", STW_STD_CHANGED, "+14155552671", "4"},
		{"415-555-2671 #12", "US", STW_STD_CHANGED, "+14155552671", "12"},
		{"415-555-2671#12", "US", STW_STD_CHANGED, "+14155552671", "12"},
		{"415 555 2671;ext=7", "US", STW_STD_CHANGED, "+14155552671", "7"},
		{"+14155552671;ext=7", "US", STW_STD_CHANGED, "+14155552671", "7"},
		{"+44 20 7946 0000 ext. 2045", "GB", STW_STD_CHANGED, "+442079460000", "2045"},
		{"+44 20 7946 0000, x2", "GB", STW_STD_CHANGED, "+442079460000", "2"},
		{"415-555-2671 ext.", "US", STW_STD_INVALID, NULL, NULL},
		{"415-555-2671 x12345678901", "US", STW_STD_INVALID, NULL, NULL},
		{"415-555-2671 x12 y", "US", STW_STD_INVALID, NULL, NULL},
	};
	run(c, N(c));
}

Test(std_phone, garbage)
{
	static const pcase c[] = {
		{"1-800-FLOWERS", "US", STW_STD_INVALID, NULL, NULL},
		{"call me", "US", STW_STD_INVALID, NULL, NULL},
		{"tel: 4155552671", "US", STW_STD_INVALID, NULL, NULL},
		{"n/a", "US", STW_STD_INVALID, NULL, NULL},
		{"415-555-2671 or 415-555-2672", "US", STW_STD_INVALID, NULL, NULL},
		{"415*555*2671", "US", STW_STD_INVALID, NULL, NULL},
		{"415_555_2671", "US", STW_STD_INVALID, NULL, NULL},
		{"4155552671\xff", "US", STW_STD_INVALID, NULL, NULL},
		{"415\x01" "5552671", "US", STW_STD_CHANGED, "+14155552671", NULL},
		{"12", "US", STW_STD_INVALID, NULL, NULL},
		{"--", "US", STW_STD_INVALID, NULL, NULL},
		{"()", "US", STW_STD_INVALID, NULL, NULL},
		{"+", "US", STW_STD_INVALID, NULL, NULL},
		{"12345678901234567890123", "US", STW_STD_INVALID, NULL, NULL},
		{"\xef\xbc\x94\xef\xbc\x91\xef\xbc\x95", "US", STW_STD_INVALID, NULL, NULL},
		{"4155552671", NULL, STW_STD_INVALID, NULL, NULL},
		{"4155552671", "", STW_STD_INVALID, NULL, NULL},
		{"4155552671", "Narnia", STW_STD_INVALID, NULL, NULL},
	};
	run(c, N(c));
}

Test(std_phone, missing_plus)
{
	static const pcase c[] = {
		{"442079460000", "US", STW_STD_SUGGEST, "+442079460000", NULL},
		{"442079460000", "GB", STW_STD_SUGGEST, "+442079460000", NULL},
		{"4930123456789", "US", STW_STD_SUGGEST, "+4930123456789", NULL},
		{"33123456789 x5", "US", STW_STD_SUGGEST, "+33123456789", "5"},
		{"0207946000012", "GB", STW_STD_INVALID, NULL, NULL},
	};
	run(c, N(c));
}

Test(std_phone, calling_codes)
{
	static const struct {
		const char *cc;
		int code;
	} c[] = {
		{"US", 1},   {"CA", 1},   {"GB", 44},  {"gb", 44},  {"DE", 49},
		{"FR", 33},  {"IT", 39},  {"ES", 34},  {"NL", 31},  {"IE", 353},
		{"CH", 41},  {"AT", 43},  {"BE", 32},  {"SE", 46},  {"AU", 61},
		{"JP", 81},  {"IN", 91},  {"CN", 86},  {"BR", 55},  {"MX", 52},
		{"RU", 7},   {"KZ", 7},   {"ZA", 27},  {"NZ", 64},  {"SG", 65},
		{"HK", 852}, {"AE", 971}, {"IL", 972}, {"PL", 48},  {"PT", 351},
		{"XX", 0},   {"", 0},     {NULL, 0},   {"USA", 0},
	};
	for (size_t i = 0; i < N(c); i++)
		cr_expect_eq(stw_std_calling_code(c[i].cc), c[i].code, "calling_code(%s)",
		             c[i].cc ? c[i].cc : "NULL");
}

Test(std_phone, hostile_input)
{
	size_t n = 100000;
	char *big = stw_xmalloc(n + 1);
	for (size_t i = 0; i < n; i++)
		big[i] = (char)('0' + i % 10);
	big[n] = '\0';
	stw_std_result r = {0};
	stw_std_phone(big, "US", &r);
	cr_expect_eq(r.status, STW_STD_INVALID);
	stw_std_result_free(&r);
	memset(big, 'x', n);
	stw_std_phone(big, "US", &r);
	cr_expect_eq(r.status, STW_STD_INVALID);
	stw_std_result_free(&r);
	free(big);
	char all[256];
	for (int i = 1; i < 256; i++)
		all[i - 1] = (char)i;
	all[255] = '\0';
	stw_std_phone(all, "GB", &r);
	cr_expect_eq(r.status, STW_STD_INVALID);
	stw_std_result_free(&r);
	stw_std_phone("415(0", "US", &r);
	cr_expect_eq(r.status, STW_STD_INVALID);
	stw_std_result_free(&r);
	stw_std_phone("+44 (0", "US", &r);
	cr_expect_eq(r.status, STW_STD_INVALID);
	stw_std_result_free(&r);
}

/*
 * Values, extensions and reasons as the standardizer writes them (the
 * E.164 string and the reasons are put together by hand, not by printf):
 * codes of one to three digits, each way a number carries its code, and
 * digit counts on both sides of the limit.
 */
Test(std_phone, values_and_reasons)
{
	static const struct {
		const char *in, *country;
		stw_std_status st;
		const char *out, *ext, *why;
	} c[] = {
		{"+1 (415) 555-2671", "US", STW_STD_CHANGED, "+14155552671", NULL,
		 "international number"},
		{"+14155552671", "US", STW_STD_SAME, NULL, NULL, ""},
		{"0044 20 7946 0000", "GB", STW_STD_CHANGED, "+442079460000", NULL,
		 "international prefix 00 removed"},
		{"+44 (0)20 7946 0000", "US", STW_STD_CHANGED, "+442079460000", NULL,
		 "international number; (0) dropped"},
		{"+39 (0)6 1234 5678", "IT", STW_STD_CHANGED, "+390612345678", NULL,
		 "international number"},
		{"011 44 20 7946 0000", "US", STW_STD_CHANGED, "+442079460000", NULL,
		 "international prefix removed"},
		{"020 7946 0000", "GB", STW_STD_CHANGED, "+442079460000", NULL,
		 "national number read as GB, trunk prefix removed"},
		{"+971 50 123 4567", "US", STW_STD_CHANGED, "+971501234567", NULL,
		 "international number"},
		{"+352 1234", "LU", STW_STD_CHANGED, "+3521234", NULL, "international number"},
		{"4420794600001", "US", STW_STD_INVALID, NULL, NULL,
		 "+1 numbers have 10 digits after the country code, not 13"},
		{"12345678901234567890", "US", STW_STD_INVALID, NULL, NULL,
		 "20 digits is not a phone number"},
		{"1234567890123456789", "US", STW_STD_INVALID, NULL, NULL,
		 "+1 numbers have 10 digits after the country code, not 19"},
		{"+1 415 555 2671 ext 5", "US", STW_STD_CHANGED, "+14155552671", "5",
		 "international number; extension 5 kept apart"},
		{"0011 61 2 9374 4000", "AU", STW_STD_CHANGED, "+61293744000", NULL,
		 "international prefix removed"},
		{"(02) 9374 4000", "AU", STW_STD_CHANGED, "+61293744000", NULL,
		 "national number read as AU, trunk prefix removed"},
		{"+86 10 1234 5678", "CN", STW_STD_CHANGED, "+861012345678", NULL,
		 "international number"},
		{"8 (495) 123-45-67", "RU", STW_STD_CHANGED, "+74951234567", NULL,
		 "national number read as RU, trunk prefix removed"},
		{"+7 495 123 45 67", "DE", STW_STD_CHANGED, "+74951234567", NULL,
		 "international number"},
		{"06 12 34 56 78", "FR", STW_STD_CHANGED, "+33612345678", NULL,
		 "national number read as FR, trunk prefix removed"},
		{"+1-800-FLOWERS", "US", STW_STD_INVALID, NULL, NULL, "unexpected text 'FLOWERS'"},
		{"+998 90 123 45 67", "US", STW_STD_CHANGED, "+998901234567", NULL,
		 "international number"},
		{"+1 684 633 1234", "US", STW_STD_CHANGED, "+16846331234", NULL,
		 "international number"},
		{"633 1234", "AS", STW_STD_INVALID, NULL, NULL,
		 "+1 numbers have 10 digits after the country code, not 7"},
		{"+12", "US", STW_STD_INVALID, NULL, NULL, "2 digits is not a phone number"},
		{"442079460000", "US", STW_STD_SUGGEST, "+442079460000", NULL,
		 "not a US number; looks international without '+'"},
		{"44 20 7946 0000 x 12", "US", STW_STD_SUGGEST, "+442079460000", "12",
		 "not a US number; looks international without '+'"},
		{"3531234567", "US", STW_STD_INVALID, NULL, NULL,
		 "NANP area code and exchange must start with 2-9"},
	};
	for (size_t i = 0; i < N(c); i++) {
		stw_std_result r = {0};
		stw_std_phone(c[i].in, c[i].country, &r);
		cr_expect_eq(r.status, c[i].st, "phone(\"%s\"): %s", c[i].in,
		             stw_std_status_name(r.status));
		cr_expect_str_eq(r.value ? r.value : "-", c[i].out ? c[i].out : "-", "%s", c[i].in);
		cr_expect_str_eq(r.extra ? r.extra : "-", c[i].ext ? c[i].ext : "-", "%s", c[i].in);
		cr_expect_str_eq(r.why, c[i].why, "phone(\"%s\")", c[i].in);
		stw_std_result_free(&r);
	}
}

#include <stdio.h>

#include "std_internal.h"

/* True when some country of the table has calling code v (a plain scan). */
static bool
table_has_code(int v)
{
	size_t n;
	const stw_stdi_country *c = stw_stdi_countries(&n);
	for (size_t i = 0; i < n; i++)
		if (c[i].calling_code == v)
			return true;
	return false;
}

/*
 * Country codes are recognised through a bit set of the table's codes:
 * for every leading group of one to three digits, the code is unknown
 * exactly when no prefix of it is a code in the table.
 */
Test(std_phone, every_calling_code)
{
	for (int lead = 1; lead <= 999; lead++) {
		char in[48], digits[32];
		snprintf(digits, sizeof digits, "%d2345678", lead);
		snprintf(in, sizeof in, "+%s", digits);
		bool known = false;
		int v = 0;
		for (int len = 1; len <= 3 && !known; len++) {
			v = v * 10 + (digits[len - 1] - '0');
			known = v != 0 && table_has_code(v);
		}
		stw_std_result r = {0};
		stw_std_phone(in, "US", &r);
		bool unknown = r.status == STW_STD_INVALID &&
		               strcmp(r.why, "unknown country calling code") == 0;
		cr_expect_eq(unknown, !known, "phone(\"%s\"): %s", in, r.why);
		stw_std_result_free(&r);
	}
}
