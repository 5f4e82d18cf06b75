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

/* Every byte JSON escapes, at every position of strings of 0 to 40 bytes
 * (across the encoder's 8-byte steps), encoded as a byte-by-byte encoder
 * would. */
Test(fields, escapes_at_every_position)
{
	const unsigned char special[] = {'"', '\\', '\n', '\r', '\t', 0x01, 0x1f, 0x00};
	for (size_t len = 0; len <= 40; len++)
		for (size_t at = 0; at < len || (len == 0 && at == 0); at++)
			for (size_t k = 0; k < sizeof special; k++) {
				char v[41];
				for (size_t i = 0; i < len; i++)
					v[i] = (char)('a' + (i * 7) % 26 + (i % 5 == 4 ? 0x80 - 'a' : 0));
				if (len)
					v[at] = (char)special[k];
				const char *vs[1] = {v};
				size_t ls[1] = {len};
				stw_buf got = STW_BUF_INIT, want = STW_BUF_INIT;
				stw_fields_encode(&got, vs, ls, 1);
				stw_buf_adds(&want, "[\"");
				for (size_t i = 0; i < len; i++) {
					unsigned char c = (unsigned char)v[i];
					if (c == '"' || c == '\\')
						stw_buf_printf(&want, "\\%c", c);
					else if (c == '\n')
						stw_buf_adds(&want, "\\n");
					else if (c == '\r')
						stw_buf_adds(&want, "\\r");
					else if (c == '\t')
						stw_buf_adds(&want, "\\t");
					else if (c < 0x20)
						stw_buf_printf(&want, "\\u%04x", c);
					else
						stw_buf_addc(&want, (char)c);
				}
				stw_buf_adds(&want, "\"]");
				cr_assert_eq(got.len, want.len, "len %zu, byte %zu at %zu", len, k, at);
				cr_assert(memcmp(got.data, want.data, got.len) == 0,
				          "len %zu, byte %zu at %zu", len, k, at);
				stw_buf_free(&got);
				stw_buf_free(&want);
			}
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
