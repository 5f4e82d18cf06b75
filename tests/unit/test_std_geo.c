/*
 * Unit tests of the country, subdivision and postcode standardizers
 * (std_countries.c, std_geo.c).
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "std.h"
#include "util.h"

typedef struct {
	const char *in;
	const char *country; /* for states and postcodes */
	stw_std_status st;
	const char *out; /* expected value for CHANGED/SUGGEST, else NULL */
} gcase;

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void
check(const char *what, const gcase *c, stw_std_result *r)
{
	const char *in = c->in ? c->in : "(null)";
	cr_expect_eq(r->status, c->st, "%s(\"%s\", %s): %s, expected %s (%s)", what, in,
	             c->country ? c->country : "NULL", stw_std_status_name(r->status),
	             stw_std_status_name(c->st), r->why);
	if (c->out)
		cr_expect(r->value && strcmp(r->value, c->out) == 0,
		          "%s(\"%s\", %s): \"%s\", expected \"%s\"", what, in,
		          c->country ? c->country : "NULL", r->value ? r->value : "(null)", c->out);
	else
		cr_expect_null(r->value, "%s(\"%s\"): unexpected \"%s\"", what, in, r->value);
	if (r->status == STW_STD_CHANGED || r->status == STW_STD_SUGGEST ||
	    r->status == STW_STD_INVALID)
		cr_expect(r->why[0], "%s(\"%s\"): no reason given", what, in);
	stw_std_result_free(r);
}

Test(std_geo, country_names)
{
	static const gcase c[] = {
		{NULL, NULL, STW_STD_EMPTY, NULL},
		{"", NULL, STW_STD_EMPTY, NULL},
		{"US", NULL, STW_STD_SAME, NULL},
		{"us", NULL, STW_STD_CHANGED, "US"},
		{" US ", NULL, STW_STD_CHANGED, "US"},
		{"USA", NULL, STW_STD_CHANGED, "US"},
		{"U.S.A.", NULL, STW_STD_CHANGED, "US"},
		{"U.S.", NULL, STW_STD_CHANGED, "US"},
		{"United States", NULL, STW_STD_CHANGED, "US"},
		{"united states of america", NULL, STW_STD_CHANGED, "US"},
		{"The United States of America", NULL, STW_STD_CHANGED, "US"},
		{"America", NULL, STW_STD_CHANGED, "US"},
		{"UK", NULL, STW_STD_CHANGED, "GB"},
		{"U.K.", NULL, STW_STD_CHANGED, "GB"},
		{"GB", NULL, STW_STD_SAME, NULL},
		{"GBR", NULL, STW_STD_CHANGED, "GB"},
		{"Great Britain", NULL, STW_STD_CHANGED, "GB"},
		{"United Kingdom", NULL, STW_STD_CHANGED, "GB"},
		{"England", NULL, STW_STD_CHANGED, "GB"},
		{"SCOTLAND", NULL, STW_STD_CHANGED, "GB"},
		{"Wales", NULL, STW_STD_CHANGED, "GB"},
		{"Northern Ireland", NULL, STW_STD_CHANGED, "GB"},
		{"Deutschland", NULL, STW_STD_CHANGED, "DE"},
		{"Germany", NULL, STW_STD_CHANGED, "DE"},
		{"DE", NULL, STW_STD_SAME, NULL},
		{"DEU", NULL, STW_STD_CHANGED, "DE"},
		{"deu", NULL, STW_STD_CHANGED, "DE"},
		{"FRA", NULL, STW_STD_CHANGED, "FR"},
		{"France", NULL, STW_STD_CHANGED, "FR"},
		{"\xc3\x96sterreich", NULL, STW_STD_CHANGED, "AT"},
		{"Schweiz", NULL, STW_STD_CHANGED, "CH"},
		{"Suisse", NULL, STW_STD_CHANGED, "CH"},
		{"Espa\xc3\xb1" "a", NULL, STW_STD_CHANGED, "ES"},
		{"Italia", NULL, STW_STD_CHANGED, "IT"},
		{"Nederland", NULL, STW_STD_CHANGED, "NL"},
		{"The Netherlands", NULL, STW_STD_CHANGED, "NL"},
		{"Holland", NULL, STW_STD_CHANGED, "NL"},
		{"Belgique", NULL, STW_STD_CHANGED, "BE"},
		{"Sverige", NULL, STW_STD_CHANGED, "SE"},
		{"Polska", NULL, STW_STD_CHANGED, "PL"},
		{"Czech Republic", NULL, STW_STD_CHANGED, "CZ"},
		{"Czechia", NULL, STW_STD_CHANGED, "CZ"},
		{"Brasil", NULL, STW_STD_CHANGED, "BR"},
		{"M\xc3\xa9xico", NULL, STW_STD_CHANGED, "MX"},
		{"\xd1\x80\xd0\xbe\xd1\x81\xd1\x81\xd0\xb8\xd1\x8f", NULL, STW_STD_CHANGED, "RU"},
		{"Russian Federation", NULL, STW_STD_CHANGED, "RU"},
		{"\xe6\x97\xa5\xe6\x9c\xac", NULL, STW_STD_CHANGED, "JP"},
		{"C\xc3\xb4te d'Ivoire", NULL, STW_STD_CHANGED, "CI"},
		{"Ivory Coast", NULL, STW_STD_CHANGED, "CI"},
		{"Trinidad & Tobago", NULL, STW_STD_CHANGED, "TT"},
		{"Bosnia and Herzegovina", NULL, STW_STD_CHANGED, "BA"},
		{"UAE", NULL, STW_STD_CHANGED, "AE"},
		{"South Korea", NULL, STW_STD_CHANGED, "KR"},
		{"Republic of Korea", NULL, STW_STD_CHANGED, "KR"},
		{"North Korea", NULL, STW_STD_CHANGED, "KP"},
		{"Viet Nam", NULL, STW_STD_CHANGED, "VN"},
		{"Vietnam", NULL, STW_STD_CHANGED, "VN"},
		{"T\xc3\xbcrkiye", NULL, STW_STD_CHANGED, "TR"},
		{"Turkey", NULL, STW_STD_CHANGED, "TR"},
		{"Georgia", NULL, STW_STD_CHANGED, "GE"},
		{"NA", NULL, STW_STD_SAME, NULL},
		{"Namibia", NULL, STW_STD_CHANGED, "NA"},
		{"Eire", NULL, STW_STD_CHANGED, "IE"},
		{"\xc3\x85land Islands", NULL, STW_STD_CHANGED, "AX"},
		{"R\xc3\xa9union", NULL, STW_STD_CHANGED, "RE"},
		{"Cura\xc3\xa7" "ao", NULL, STW_STD_CHANGED, "CW"},
		{"Korea", NULL, STW_STD_SUGGEST, "KR"},
		{"Congo", NULL, STW_STD_CHANGED, "CG"},
		{"DR Congo", NULL, STW_STD_CHANGED, "CD"},
		{"Virgin Islands", NULL, STW_STD_INVALID, NULL},
		{"Narnia", NULL, STW_STD_INVALID, NULL},
		{"XX", NULL, STW_STD_INVALID, NULL},
		{"XXX", NULL, STW_STD_INVALID, NULL},
		{"Untied States", NULL, STW_STD_INVALID, NULL},
		{"U", NULL, STW_STD_INVALID, NULL},
		{"...", NULL, STW_STD_INVALID, NULL},
		{"\xff\xfe", NULL, STW_STD_INVALID, NULL},
	};
	for (size_t i = 0; i < N(c); i++) {
		stw_std_result r = {0};
		stw_std_country(c[i].in, &r);
		check("country", &c[i], &r);
	}
}

/* Every alpha-2 and alpha-3 code and English name resolves to itself. */
Test(std_geo, country_table)
{
	static const char *const codes[] = {
		"AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT",
		"AU", "AW", "AX", "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI",
		"BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY",
		"BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
		"CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM",
		"DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK",
		"FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL",
		"GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
		"HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR",
		"IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN",
		"KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS",
		"LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
		"ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW",
		"MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP",
		"NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM",
		"PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
		"SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM",
		"SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF",
		"TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW",
		"TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
		"VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
	};
	cr_expect_eq(N(codes), 249u);
	for (size_t i = 0; i < N(codes); i++) {
		const char *name = stw_std_country_name(codes[i]);
		const char *a3 = stw_std_country_alpha3(codes[i]);
		cr_assert_not_null(name, "no entry for %s", codes[i]);
		cr_assert_not_null(a3, "no alpha-3 for %s", codes[i]);
		cr_expect_eq(strlen(a3), 3u);
		stw_std_result r = {0};
		stw_std_country(codes[i], &r);
		cr_expect_eq(r.status, STW_STD_SAME, "%s: %s", codes[i], r.why);
		stw_std_result_free(&r);
		stw_std_country(a3, &r);
		cr_expect_eq(r.status, STW_STD_CHANGED, "%s", a3);
		cr_expect(r.value && strcmp(r.value, codes[i]) == 0, "%s -> %s", a3, r.value);
		stw_std_result_free(&r);
		stw_std_country(name, &r);
		cr_expect(r.value && strcmp(r.value, codes[i]) == 0, "%s -> %s (%s)", name,
		          r.value, r.why);
		stw_std_result_free(&r);
	}
	cr_expect_null(stw_std_country_name("XX"));
	cr_expect_null(stw_std_country_name(NULL));
	cr_expect_null(stw_std_country_alpha3("ZZ"));
	cr_expect_str_eq(stw_std_country_name("de"), "Germany");
	cr_expect_str_eq(stw_std_country_alpha3("GB"), "GBR");
}

Test(std_geo, states)
{
	static const gcase c[] = {
		{"", "US", STW_STD_EMPTY, NULL},
		{"CA", "US", STW_STD_SAME, NULL},
		{"California", "US", STW_STD_CHANGED, "CA"},
		{"CALIFORNIA", "USA", STW_STD_CHANGED, "CA"},
		{"Calif.", "US", STW_STD_CHANGED, "CA"},
		{"Cal.", "United States", STW_STD_CHANGED, "CA"},
		{"ca", "US", STW_STD_CHANGED, "CA"},
		{"New York", "US", STW_STD_CHANGED, "NY"},
		{"N.Y.", "US", STW_STD_CHANGED, "NY"},
		{"NY", "US", STW_STD_SAME, NULL},
		{"new york state", "US", STW_STD_CHANGED, "NY"},
		{"State of New York", "US", STW_STD_CHANGED, "NY"},
		{"Washington", "US", STW_STD_CHANGED, "WA"},
		{"Washington, D.C.", "US", STW_STD_CHANGED, "DC"},
		{"District of Columbia", "US", STW_STD_CHANGED, "DC"},
		{"D.C.", "US", STW_STD_CHANGED, "DC"},
		{"Georgia", "US", STW_STD_CHANGED, "GA"},
		{"Mass.", "US", STW_STD_CHANGED, "MA"},
		{"Penna.", "US", STW_STD_CHANGED, "PA"},
		{"W. Va.", "US", STW_STD_CHANGED, "WV"},
		{"N. Carolina", "US", STW_STD_CHANGED, "NC"},
		{"Puerto Rico", "US", STW_STD_CHANGED, "PR"},
		{"Guam", "US", STW_STD_CHANGED, "GU"},
		{"Hawai\xca\xbbi", "US", STW_STD_CHANGED, "HI"},
		{"Texass", "US", STW_STD_INVALID, NULL},
		{"ZZ", "US", STW_STD_INVALID, NULL},
		{"Ontario", "US", STW_STD_INVALID, NULL},
		{"Ontario", "CA", STW_STD_CHANGED, "ON"},
		{"Ont.", "Canada", STW_STD_CHANGED, "ON"},
		{"Qu\xc3\xa9" "bec", "CA", STW_STD_CHANGED, "QC"},
		{"PQ", "CA", STW_STD_CHANGED, "QC"},
		{"P.E.I.", "CA", STW_STD_CHANGED, "PE"},
		{"Newfoundland", "CA", STW_STD_CHANGED, "NL"},
		{"Nfld.", "CA", STW_STD_CHANGED, "NL"},
		{"B.C.", "CA", STW_STD_CHANGED, "BC"},
		{"Yukon", "CA", STW_STD_CHANGED, "YT"},
		{"BC", "CA", STW_STD_SAME, NULL},
		{"California", "CA", STW_STD_INVALID, NULL},
		{"Texas", NULL, STW_STD_CHANGED, "TX"},
		{"Alberta", NULL, STW_STD_CHANGED, "AB"},
		{"Alberta", "", STW_STD_CHANGED, "AB"},
		{"Bavaria", NULL, STW_STD_INVALID, NULL},
		{"New South Wales", "AU", STW_STD_CHANGED, "NSW"},
		{"vic", "Australia", STW_STD_CHANGED, "VIC"},
		{"NSW", "AU", STW_STD_SAME, NULL},
		{"Texas", "AU", STW_STD_INVALID, NULL},
		{"Bayern", "DE", STW_STD_SAME, NULL},
		{" Bayern ", "DE", STW_STD_CHANGED, "Bayern"},
		{"Anything", "Narnia", STW_STD_SAME, NULL},
	};
	for (size_t i = 0; i < N(c); i++) {
		stw_std_result r = {0};
		stw_std_state(c[i].in, c[i].country, &r);
		check("state", &c[i], &r);
	}
}

Test(std_geo, postcodes)
{
	static const gcase c[] = {
		{"", "US", STW_STD_EMPTY, NULL},
		{"12345", "US", STW_STD_SAME, NULL},
		{" 12345", "US", STW_STD_CHANGED, "12345"},
		{"12345-6789", "US", STW_STD_SAME, NULL},
		{"123456789", "US", STW_STD_CHANGED, "12345-6789"},
		{"12345 6789", "US", STW_STD_CHANGED, "12345-6789"},
		{"2134", "US", STW_STD_SUGGEST, "02134"},
		{"501", "USA", STW_STD_SUGGEST, "00501"},
		{"2134-1234", "US", STW_STD_SUGGEST, "02134-1234"},
		{"00000", "US", STW_STD_INVALID, NULL},
		{"1234567", "US", STW_STD_INVALID, NULL},
		{"12", "US", STW_STD_INVALID, NULL},
		{"ABCDE", "US", STW_STD_INVALID, NULL},
		{"1234a", "US", STW_STD_INVALID, NULL},
		{"SW1A 1AA", "GB", STW_STD_SAME, NULL},
		{"sw1a1aa", "GB", STW_STD_CHANGED, "SW1A 1AA"},
		{"SW1A  1AA", "UK", STW_STD_CHANGED, "SW1A 1AA"},
		{"GIR 0AA", "GB", STW_STD_SAME, NULL},
		{"gir0aa", "GB", STW_STD_CHANGED, "GIR 0AA"},
		{"EC1A 1BB", "GB", STW_STD_SAME, NULL},
		{"W1A 0AX", "GB", STW_STD_SAME, NULL},
		{"M1 1AE", "GB", STW_STD_SAME, NULL},
		{"B33 8TH", "GB", STW_STD_SAME, NULL},
		{"CR2 6XH", "GB", STW_STD_SAME, NULL},
		{"DN55 1PT", "GB", STW_STD_SAME, NULL},
		{"QA1 1AA", "GB", STW_STD_INVALID, NULL},
		{"AI1 1AA", "GB", STW_STD_INVALID, NULL},
		{"SW1A 1CA", "GB", STW_STD_INVALID, NULL},
		{"SW1A 1AAA", "GB", STW_STD_INVALID, NULL},
		{"12345", "GB", STW_STD_INVALID, NULL},
		{"K1A 0B1", "CA", STW_STD_SAME, NULL},
		{"k1a0b1", "CA", STW_STD_CHANGED, "K1A 0B1"},
		{"K1A-0B1", "Canada", STW_STD_CHANGED, "K1A 0B1"},
		{"W1A 0B1", "CA", STW_STD_INVALID, NULL},
		{"K1A 0D1", "CA", STW_STD_INVALID, NULL},
		{"K1A 0B", "CA", STW_STD_INVALID, NULL},
		{"10115", "DE", STW_STD_SAME, NULL},
		{"1067", "DE", STW_STD_SUGGEST, "01067"},
		{"D-10115", "DE", STW_STD_CHANGED, "10115"},
		{"101155", "DE", STW_STD_INVALID, NULL},
		{"75001", "FR", STW_STD_SAME, NULL},
		{"1000", "FR", STW_STD_SUGGEST, "01000"},
		{"1234 AB", "NL", STW_STD_SAME, NULL},
		{"1234ab", "NL", STW_STD_CHANGED, "1234 AB"},
		{"0123 AB", "NL", STW_STD_INVALID, NULL},
		{"1234 SS", "NL", STW_STD_INVALID, NULL},
		{"2000", "AU", STW_STD_SAME, NULL},
		{"800", "AU", STW_STD_SUGGEST, "0800"},
		{"8001", "CH", STW_STD_SAME, NULL},
		{"CH-8001", "CH", STW_STD_CHANGED, "8001"},
		{"1010", "AT", STW_STD_SAME, NULL},
		{"00184", "IT", STW_STD_SAME, NULL},
		{"28013", "ES", STW_STD_SAME, NULL},
		{"A65 F4E2", "IE", STW_STD_SAME, NULL},
		{"d6wfx89", "IE", STW_STD_CHANGED, "D6W FX89"},
		{"B65 F4E2", "IE", STW_STD_INVALID, NULL},
		{"11455", "SE", STW_STD_CHANGED, "114 55"},
		{"00950", "PL", STW_STD_CHANGED, "00-950"},
		{"1000-001", "PT", STW_STD_SAME, NULL},
		{"01310100", "BR", STW_STD_CHANGED, "01310-100"},
		{"100-0001", "JP", STW_STD_SAME, NULL},
		{"110001", "IN", STW_STD_SAME, NULL},
		{"110 001", "IN", STW_STD_CHANGED, "110001"},
		{" 123 ", "XX", STW_STD_CHANGED, "123"},
		{"ABC", NULL, STW_STD_SAME, NULL},
		{"\xff", "DE", STW_STD_INVALID, NULL},
	};
	for (size_t i = 0; i < N(c); i++) {
		stw_std_result r = {0};
		stw_std_postcode(c[i].in, c[i].country, &r);
		check("postcode", &c[i], &r);
	}
}

Test(std_geo, hostile_input)
{
	size_t n = 100000;
	char *big = stw_xmalloc(n + 1);
	memset(big, 'A', n);
	big[n] = '\0';
	stw_std_result r = {0};
	stw_std_country(big, &r);
	cr_expect_eq(r.status, STW_STD_INVALID);
	stw_std_result_free(&r);
	stw_std_state(big, "US", &r);
	cr_expect_eq(r.status, STW_STD_INVALID);
	stw_std_result_free(&r);
	const char *cs[] = {"US", "GB", "CA", "IE", "NL", "DE", "SE", "XX", NULL};
	for (size_t i = 0; i < N(cs); i++) {
		stw_std_postcode(big, cs[i], &r);
		stw_std_result_free(&r);
		stw_std_postcode("-", cs[i], &r);
		stw_std_result_free(&r);
		stw_std_postcode("A-", cs[i], &r);
		stw_std_result_free(&r);
		stw_std_postcode("\xc3", cs[i], &r);
		stw_std_result_free(&r);
	}
	stw_std_state("\x01\x02", big, &r);
	stw_std_result_free(&r);
	free(big);
}
