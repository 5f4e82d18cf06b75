#include <criterion/criterion.h>
#include <string.h>

#include "decode.h"

static char *
run(const char *enc, const char *in, int *rc, size_t *bad)
{
	stw_decoder *d;
	cr_assert_eq(stw_decoder_open(&d, enc, NULL), STW_OK);
	stw_buf out = STW_BUF_INIT;
	*rc = stw_decoder_run(d, in, strlen(in), &out, bad);
	stw_decoder_free(d);
	return stw_buf_take(&out);
}

Test(decode, windows_1252)
{
	struct { const char *in, *out; } cases[] = {
		{"M\xfcller", "M\xc3\xbcller"},
		{"Jos\xe9", "Jos\xc3\xa9"},
		{"Stra\xdf" "e", "Stra\xc3\x9f" "e"},
		{"\x80 5", "\xe2\x82\xac 5"},              /* euro sign */
		{"O\x92" "Brien", "O\xe2\x80\x99" "Brien"}, /* right single quote */
		{"\x93quoted\x94", "\xe2\x80\x9cquoted\xe2\x80\x9d"},
		{"plain", "plain"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int rc;
		size_t bad;
		char *s = run("windows-1252", cases[i].in, &rc, &bad);
		cr_assert_eq(rc, 0, "case %zu", i);
		cr_assert_str_eq(s, cases[i].out, "case %zu", i);
		free(s);
	}
}

Test(decode, undefined_bytes_are_reported_with_offset)
{
	int rc;
	size_t bad = 0;
	char *s = run("cp1252", "abc\x81xyz", &rc, &bad);
	cr_assert_eq(rc, -1);
	cr_assert_eq(bad, 3);
	free(s);
	s = run("utf-8", "ok \xff", &rc, &bad);
	cr_assert_eq(rc, -1);
	cr_assert_eq(bad, 3);
	free(s);
}

Test(decode, latin1_and_iconv)
{
	int rc;
	size_t bad;
	char *s = run("latin1", "\x80\xe9", &rc, &bad);
	cr_assert_eq(rc, 0);
	cr_assert_str_eq(s, "\xc2\x80\xc3\xa9");
	free(s);
	s = run("ISO-8859-15", "\xa4", &rc, &bad); /* euro in Latin-9, via iconv */
	cr_assert_eq(rc, 0);
	cr_assert_str_eq(s, "\xe2\x82\xac");
	free(s);
}

Test(decode, unknown_encoding_is_a_usage_error)
{
	stw_decoder *d;
	stw_error err;
	cr_assert_eq(stw_decoder_open(&d, "no-such-encoding", &err), STW_EUSAGE);
	cr_assert(strstr(err.msg, "no-such-encoding"));
	cr_assert_str_eq(stw_encoding_canonical("UTF8"), "utf-8");
	cr_assert_str_eq(stw_encoding_canonical("CP1252"), "windows-1252");
}
