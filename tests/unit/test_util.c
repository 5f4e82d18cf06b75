#include <criterion/criterion.h>
#include <string.h>

#include "fields.h"
#include "util.h"

Test(util, buf_grows_and_stays_terminated)
{
	stw_buf b = STW_BUF_INIT;
	for (int i = 0; i < 1000; i++)
		stw_buf_printf(&b, "%d,", i);
	cr_assert_eq(strlen(b.data), b.len);
	cr_assert(strncmp(b.data, "0,1,2,", 6) == 0);
	char *s = stw_buf_take(&b);
	cr_assert_null(b.data);
	free(s);
}

Test(util, utf8_validation)
{
	struct { const char *s; size_t prefix; } cases[] = {
		{"plain ascii", 11},
		{"M\xc3\xbcller", 7},
		{"Nguy\xe1\xbb\x85n", 8},
		{"\xf0\x9f\x98\x80", 4},
		{"M\xfcller", 1},             /* Latin-1 byte */
		{"\xc0\xaf", 0},              /* overlong */
		{"\xed\xa0\x80", 0},          /* surrogate */
		{"ab\xe2\x82", 2},            /* cut sequence */
		{"\xf4\x90\x80\x80", 0},      /* above U+10FFFF */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		cr_assert_eq(stw_utf8_valid_prefix(cases[i].s, strlen(cases[i].s)), cases[i].prefix,
		             "case %zu", i);
	cr_assert_eq(stw_utf8_count("M\xc3\xbcller", 7), 6);
}

Test(fields, round_trip_of_hostile_values)
{
	const char *v[] = {"", "plain", "with \"quotes\"", "back\\slash", "line\nbreak\r\n",
	                   "tab\there", "\x01\x1f control", "M\xc3\xbcller \xe2\x80\x99"};
	size_t n = sizeof v / sizeof v[0];
	size_t len[8];
	for (size_t i = 0; i < n; i++)
		len[i] = strlen(v[i]);
	stw_buf b = STW_BUF_INIT;
	stw_fields_encode(&b, v, len, n);
	stw_fields f;
	cr_assert_eq(stw_fields_decode(b.data, b.len, &f), 0);
	cr_assert_eq(f.n, n);
	for (size_t i = 0; i < n; i++) {
		cr_assert_eq(f.len[i], len[i]);
		cr_assert(memcmp(f.v[i], v[i], len[i]) == 0, "value %zu", i);
	}
	stw_fields_free(&f);
	stw_buf_free(&b);
}

Test(fields, decodes_json_escapes_and_rejects_garbage)
{
	stw_fields f;
	const char *j = "[\"\\u00fc\\ud83d\\ude00\", \"a\\/b\"]";
	cr_assert_eq(stw_fields_decode(j, strlen(j), &f), 0);
	cr_assert_str_eq(f.v[0], "\xc3\xbc\xf0\x9f\x98\x80");
	cr_assert_str_eq(f.v[1], "a/b");
	stw_fields_free(&f);
	const char *bad[] = {"", "[", "[\"a\"", "[\"a\",]", "{\"a\":1}", "[\"\\x\"]", "[1]"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_assert_eq(stw_fields_decode(bad[i], strlen(bad[i]), &f), -1, "case %zu", i);
	cr_assert_eq(stw_fields_decode("[]", 2, &f), 0);
	cr_assert_eq(f.n, 0);
	stw_fields_free(&f);
}
