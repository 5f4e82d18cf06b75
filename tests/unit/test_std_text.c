/*
 * Unit tests of the text standardizers (std_text.c): whitespace, name and
 * place case, folding and mojibake. Each test is a table of
 * {input, expected status, expected value}.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "std.h"
#include "util.h"

#include "std_cases.h"

Test(std_text, whitespace)
{
	static const tcase c[] = {
		{NULL, STW_STD_EMPTY, NULL},
		{"", STW_STD_EMPTY, NULL},
		{"   ", STW_STD_EMPTY, NULL},
		{"\t\r\n", STW_STD_EMPTY, NULL},
		{"\xc2\xa0", STW_STD_EMPTY, NULL},
		{"\xe2\x80\x8b", STW_STD_EMPTY, NULL},
		{"abc", STW_STD_SAME, NULL},
		{"a b c", STW_STD_SAME, NULL},
		{" abc", STW_STD_CHANGED, "abc"},
		{"abc ", STW_STD_CHANGED, "abc"},
		{"  a   b  ", STW_STD_CHANGED, "a b"},
		{"a\tb", STW_STD_CHANGED, "a b"},
		{"a\nb", STW_STD_CHANGED, "a b"},
		{"a\r\nb", STW_STD_CHANGED, "a b"},
		{"a\xc2\xa0" "b", STW_STD_CHANGED, "a b"},
		{"a\xc2\xa0\xc2\xa0 b", STW_STD_CHANGED, "a b"},
		{"\xc2\xa0John\xc2\xa0", STW_STD_CHANGED, "John"},
		{"Jo\xe2\x80\x8bhn", STW_STD_CHANGED, "John"},
		{"\xef\xbb\xbfId", STW_STD_CHANGED, "Id"},
		{"a\xe2\x80\x8c" "b\xe2\x80\x8d" "c", STW_STD_CHANGED, "abc"},
		{"a\xe2\x80\x83" "b", STW_STD_CHANGED, "a b"},
		{"a\xe3\x80\x80" "b", STW_STD_CHANGED, "a b"},
		{"a\xe2\x80\xa8" "b", STW_STD_CHANGED, "a b"},
		{"a\x01" "b\x7f", STW_STD_CHANGED, "ab"},
		{"soft\xc2\xad" "hyphen", STW_STD_CHANGED, "softhyphen"},
		{"M\xc3\xbcller", STW_STD_SAME, NULL},
		{"bad\xff  byte", STW_STD_CHANGED, "bad\xff byte"},
		{"\xc3", STW_STD_SAME, NULL},
		{"a \xe2\x80\x8b b", STW_STD_CHANGED, "a b"},
	};
	run("whitespace", stw_std_whitespace, c, N(c));
}

Test(std_text, name_case)
{
	static const tcase c[] = {
		{NULL, STW_STD_EMPTY, NULL},
		{"  ", STW_STD_EMPTY, NULL},
		{"John Smith", STW_STD_SAME, NULL},
		{"JOHN SMITH", STW_STD_CHANGED, "John Smith"},
		{"john smith", STW_STD_CHANGED, "John Smith"},
		{"  john   smith ", STW_STD_CHANGED, "John Smith"},
		{"John  Smith", STW_STD_CHANGED, "John Smith"},
		{"MCDONALD", STW_STD_CHANGED, "McDonald"},
		{"mcdonald", STW_STD_CHANGED, "McDonald"},
		{"O'BRIEN", STW_STD_CHANGED, "O'Brien"},
		{"o'brien", STW_STD_CHANGED, "O'Brien"},
		{"O\xe2\x80\x99" "BRIEN", STW_STD_CHANGED, "O\xe2\x80\x99" "Brien"},
		{"D'ANGELO", STW_STD_CHANGED, "D'Angelo"},
		{"VAN DER BERG", STW_STD_CHANGED, "van der Berg"},
		{"jan van der berg", STW_STD_CHANGED, "Jan van der Berg"},
		{"MARIA DE LA CRUZ", STW_STD_CHANGED, "Maria de la Cruz"},
		{"de la cruz", STW_STD_CHANGED, "de la Cruz"},
		{"LUDWIG VAN BEETHOVEN", STW_STD_CHANGED, "Ludwig van Beethoven"},
		{"VON TRAPP", STW_STD_CHANGED, "Von Trapp"},
		{"DI MAIO", STW_STD_CHANGED, "Di Maio"},
		{"MACLEOD", STW_STD_CHANGED, "MacLeod"},
		{"macdonald", STW_STD_CHANGED, "MacDonald"},
		{"MACHADO", STW_STD_CHANGED, "Machado"},
		{"MACK", STW_STD_CHANGED, "Mack"},
		{"JEAN-LUC PICARD", STW_STD_CHANGED, "Jean-Luc Picard"},
		{"mary-jane watson", STW_STD_CHANGED, "Mary-Jane Watson"},
		{"ST. JOHN", STW_STD_CHANGED, "St. John"},
		{"st john", STW_STD_CHANGED, "St John"},
		{"DeVito", STW_STD_SAME, NULL},
		{"Danny DeVito", STW_STD_SAME, NULL},
		{"DANNY DeVito", STW_STD_CHANGED, "Danny DeVito"},
		{"McArthur", STW_STD_SAME, NULL},
		{"iPhone", STW_STD_SAME, NULL},
		{"MacLaine", STW_STD_SAME, NULL},
		{"Maclaine", STW_STD_SAME, NULL},
		{"M\xc3\x9cLLER", STW_STD_CHANGED, "M\xc3\xbcller"},
		{"GARC\xc3\x8d" "A", STW_STD_CHANGED, "Garc\xc3\xad" "a"},
		{"\xc3\x89MILE", STW_STD_CHANGED, "\xc3\x89mile"},
		{"\xc3\xa9mile zola", STW_STD_CHANGED, "\xc3\x89mile Zola"},
		{"\xc5\x81UKASZ", STW_STD_CHANGED, "\xc5\x81ukasz"},
		{"\xc5\xa0KODA", STW_STD_CHANGED, "\xc5\xa0koda"},
		{"\xc3\x98RJAN", STW_STD_CHANGED, "\xc3\x98rjan"},
		{"\xd0\x9b\xd0\x95\xd0\x92", STW_STD_CHANGED, "\xd0\x9b\xd0\xb5\xd0\xb2"},
		{"\xce\x9d\xce\x99\xce\x9a\xce\x9f\xce\xa3", STW_STD_SAME, NULL},
		{"john smith iii", STW_STD_CHANGED, "John Smith III"},
		{"JOHN SMITH JR.", STW_STD_CHANGED, "John Smith Jr."},
		{"JANE DOE PHD", STW_STD_CHANGED, "Jane Doe PhD"},
		{"J.R.R. TOLKIEN", STW_STD_CHANGED, "J.R.R. Tolkien"},
		{"j. smith", STW_STD_CHANGED, "J. Smith"},
		{"A", STW_STD_SAME, NULL},
		{"a", STW_STD_CHANGED, "A"},
		{"123", STW_STD_SAME, NULL},
		{"3RD", STW_STD_CHANGED, "3rd"},
		{"STRA\xc3\x9f" "E", STW_STD_CHANGED, "Stra\xc3\x9f" "e"},
		{"bad\xff" "BYTE", STW_STD_SAME, NULL},
		{"MCD", STW_STD_CHANGED, "Mcd"},
	};
	run("name_case", stw_std_name_case, c, N(c));
}

Test(std_text, place_case)
{
	static const tcase c[] = {
		{"", STW_STD_EMPTY, NULL},
		{"NEW YORK", STW_STD_CHANGED, "New York"},
		{"new york", STW_STD_CHANGED, "New York"},
		{"New York", STW_STD_SAME, NULL},
		{"New york", STW_STD_SAME, NULL},
		{" New  York ", STW_STD_CHANGED, "New York"},
		{"FRANKFURT AM MAIN", STW_STD_CHANGED, "Frankfurt am Main"},
		{"STRATFORD-UPON-AVON", STW_STD_CHANGED, "Stratford-upon-Avon"},
		{"aix-en-provence", STW_STD_CHANGED, "Aix-en-Provence"},
		{"RIO DE JANEIRO", STW_STD_CHANGED, "Rio de Janeiro"},
		{"ST. LOUIS", STW_STD_CHANGED, "St. Louis"},
		{"SAN JOS\xc3\x89", STW_STD_CHANGED, "San Jos\xc3\xa9"},
		{"M\xc3\x9cNCHEN", STW_STD_CHANGED, "M\xc3\xbcnchen"},
		{"L'AQUILA", STW_STD_CHANGED, "L'Aquila"},
		{"MCALLEN", STW_STD_CHANGED, "McAllen"},
		{"WINSTON-SALEM", STW_STD_CHANGED, "Winston-Salem"},
		{"NEWCASTLE UPON TYNE", STW_STD_CHANGED, "Newcastle upon Tyne"},
		{"THE HAGUE", STW_STD_CHANGED, "The Hague"},
		{"london", STW_STD_CHANGED, "London"},
		{"10115", STW_STD_SAME, NULL},
	};
	run("place_case", stw_std_place_case, c, N(c));
}

Test(std_text, mojibake)
{
	static const tcase c[] = {
		{NULL, STW_STD_EMPTY, NULL},
		{" ", STW_STD_EMPTY, NULL},
		{"M\xc3\x83\xc2\xbcller", STW_STD_SUGGEST, "M\xc3\xbcller"},
		{"Jos\xc3\x83\xc2\xa9", STW_STD_SUGGEST, "Jos\xc3\xa9"},
		{"Stra\xc3\x83\xc5\xb8" "e", STW_STD_SUGGEST, "Stra\xc3\x9f" "e"},
		{"it\xc3\xa2\xe2\x82\xac\xe2\x84\xa2s", STW_STD_SUGGEST, "it\xe2\x80\x99s"},
		{"Fran\xc3\x83\xc2\xa7ois", STW_STD_SUGGEST, "Fran\xc3\xa7ois"},
		{"S\xc3\x83\xc2\xa3o Paulo", STW_STD_SUGGEST, "S\xc3\xa3o Paulo"},
		{"\xc3\x83\xe2\x80\xb0mile", STW_STD_SUGGEST, "\xc3\x89mile"},
		{"a\xc3\x82\xc2\xa0" "b", STW_STD_SUGGEST, "a\xc2\xa0" "b"},
		{"M\xc3\x83\xc6\x92\xc3\x82\xc2\xbcller", STW_STD_SUGGEST, "M\xc3\xbcller"},
		{"M\xc3\xbcller", STW_STD_SAME, NULL},
		{"plain ascii", STW_STD_SAME, NULL},
		{"Jos\xc3\xa9 M\xc3\x83\xc2\xbcller", STW_STD_SAME, NULL},
		{"caf\xc3\xa9", STW_STD_SAME, NULL},
		{"\xe2\x82\xac" "100", STW_STD_SAME, NULL},
		{"\xc3\x83", STW_STD_SAME, NULL},
		{"\xff\xfe", STW_STD_SAME, NULL},
		{"\xe6\x97\xa5\xe6\x9c\xac", STW_STD_SAME, NULL},
		{"\xc3\x83\xc2", STW_STD_SAME, NULL},
	};
	run("mojibake", stw_std_mojibake, c, N(c));
}

Test(std_text, fold)
{
	static const struct {
		const char *in;
		unsigned flags;
		const char *out;
	} c[] = {
		{NULL, 0, ""},
		{"", 0, ""},
		{"  ", 0, ""},
		{"ABC", 0, "abc"},
		{"M\xc3\xbcller", 0, "muller"},
		{"M\xc3\x9cLLER", 0, "muller"},
		{"Stra\xc3\x9f" "e", 0, "strasse"},
		{"\xc3\x89mile", 0, "emile"},
		{"Garc\xc3\xad" "a", 0, "garcia"},
		{"\xc3\x98resund", 0, "oresund"},
		{"\xc3\x86sir", 0, "aesir"},
		{"\xc5\x81\xc3\xb3" "d\xc5\xba", 0, "lodz"},
		{"\xc5\x92uvre", 0, "oeuvre"},
		{"\xc3\x9ein", 0, "thin"},
		{"\xc4\x90or\xc4\x91" "e", 0, "dorde"},
		{"\xc8\x98tefan", 0, "stefan"},
		{"Nguy\xe1\xbb\x85n", 0, "nguyen"},
		{"  a   b  ", 0, "a b"},
		{"a\xc2\xa0" "b", 0, "a b"},
		{"a\xe2\x80\x8b" "b", 0, "ab"},
		{"bad\xff" "byte", 0, "badbyte"},
		{"O'Brien", 0, "o'brien"},
		{"O'Brien", STW_FOLD_PUNCT, "obrien"},
		{"St. John", STW_FOLD_PUNCT, "st john"},
		{"Smith-Jones", STW_FOLD_PUNCT, "smith jones"},
		{"A/S", STW_FOLD_PUNCT, "a s"},
		{"a, b; c!", STW_FOLD_PUNCT, "a b c"},
		{"\xe2\x80\x9cQuoted\xe2\x80\x9d", STW_FOLD_PUNCT, "quoted"},
		{"\xd0\x9b\xd0\x95\xd0\x92", 0, "\xd0\xbb\xd0\xb5\xd0\xb2"},
		{"\xe6\x97\xa5\xe6\x9c\xac", 0, "\xe6\x97\xa5\xe6\x9c\xac"},
	};
	for (size_t i = 0; i < N(c); i++) {
		char *f = stw_std_fold_opts(c[i].in, c[i].flags);
		cr_expect_str_eq(f, c[i].out, "fold(\"%s\", %u)", c[i].in ? c[i].in : "(null)",
		                 c[i].flags);
		free(f);
	}
	char *f = stw_std_fold("\xc3\x85ngstr\xc3\xb6m");
	cr_expect_str_eq(f, "angstrom");
	free(f);
}

Test(std_text, status_names)
{
	cr_expect_str_eq(stw_std_status_name(STW_STD_SAME), "same");
	cr_expect_str_eq(stw_std_status_name(STW_STD_CHANGED), "changed");
	cr_expect_str_eq(stw_std_status_name(STW_STD_SUGGEST), "suggest");
	cr_expect_str_eq(stw_std_status_name(STW_STD_INVALID), "invalid");
	cr_expect_str_eq(stw_std_status_name(STW_STD_EMPTY), "empty");
	stw_std_result_free(NULL);
}

/* Long values, every byte value, control characters: no crash, sane results. */
Test(std_text, hostile_input)
{
	size_t n = 200000;
	char *big = stw_xmalloc(n + 1);
	for (size_t i = 0; i < n; i++)
		big[i] = (char)(i % 7 == 0 ? ' ' : 'A' + (int)(i % 26));
	big[n] = '\0';
	stw_std_result r = {0};
	stw_std_whitespace(big, &r);
	cr_expect(r.status == STW_STD_SAME || r.status == STW_STD_CHANGED);
	stw_std_result_free(&r);
	stw_std_name_case(big, &r);
	cr_expect_eq(r.status, STW_STD_CHANGED);
	stw_std_result_free(&r);
	stw_std_place_case(big, &r);
	cr_expect_eq(r.status, STW_STD_CHANGED);
	stw_std_result_free(&r);
	stw_std_mojibake(big, &r);
	cr_expect_eq(r.status, STW_STD_SAME);
	stw_std_result_free(&r);
	char *f = stw_std_fold_opts(big, STW_FOLD_PUNCT);
	cr_expect(strlen(f) > 0);
	free(f);

	/* every byte value, including stray continuation and lead bytes */
	char all[256];
	for (int i = 1; i < 256; i++)
		all[i - 1] = (char)i;
	all[255] = '\0';
	void (*fns[])(const char *, stw_std_result *) = {
		stw_std_whitespace, stw_std_name_case, stw_std_place_case, stw_std_mojibake,
	};
	for (size_t k = 0; k < N(fns); k++) {
		fns[k](all, &r);
		cr_expect(r.status != STW_STD_EMPTY);
		stw_std_result_free(&r);
		/* truncated multi-byte sequences at the very end */
		fns[k]("abc\xe2\x82", &r);
		stw_std_result_free(&r);
		fns[k]("\xf0\x9f\x98", &r);
		stw_std_result_free(&r);
		fns[k]("\xed\xa0\x80 surrogate", &r);
		stw_std_result_free(&r);
		fns[k]("\xc0\xaf overlong", &r);
		stw_std_result_free(&r);
	}
	f = stw_std_fold(all);
	free(f);
	free(big);
}

/* ==== Fast paths against the code-point-by-code-point rules ==== */

#include "std_internal.h"

/*
 * The whitespace rule of stw_std_whitespace applied one decoded code point
 * at a time, as the tidy did before it read ASCII bytes directly.
 */
static char *
tidy_by_code_point(const char *in)
{
	stw_buf b = STW_BUF_INIT;
	bool pending = false;
	for (const char *p = in; *p;) {
		uint32_t cp;
		size_t n = stw_stdi_decode(p, &cp);
		if (cp != STW_STDI_BAD && stw_stdi_is_space(cp)) {
			pending = b.len > 0;
		} else if (cp == STW_STDI_BAD || !stw_stdi_is_invisible(cp)) {
			if (pending)
				stw_buf_addc(&b, ' ');
			pending = false;
			stw_buf_add(&b, p, n);
		}
		p += n;
	}
	return stw_buf_take(&b);
}

/* Inputs for the fast paths: every kind of ASCII byte next to other text. */
static const char *const fast_inputs[] = {
	"", " ", "a", " a", "a ", "  a  b  ", "a\tb", "a\r\nb", "\x01" "a\x7f" "b\x1f",
	"\x0b\x0c" "x", "O'Brien", "A.B.C.", "L.L.C.", "Smith & Sons, Inc.", "AT&T",
	"a/s", "x`y", "[a]{b}(c)", "~!@#$%^*-_=+|\\;:\",<>?", "MiXeD CaSe 123",
	"2024-12-27T11:29:16.000+0000", "  Jan 5, 2021  ", "M\xc3\xbcller GmbH",
	"a\xc2\xa0" "b", "a\xe2\x80\x8b" "b", "\xff\xfe", "caf\xc3\xa9 \xe2\x80\x93 bar",
	"\xe3\x80\x80" "x" "\xe3\x80\x80",
};

Test(std_text, tidy_fast_path_matches_code_points)
{
	char one[4] = {0};
	for (int c = 1; c < 0x100; c++) {
		/* every byte alone, between letters and after a blank */
		const char *forms[3];
		char between[4] = {'a', (char)c, 'b', 0}, after[4] = {' ', (char)c, 'x', 0};
		one[0] = (char)c;
		forms[0] = one;
		forms[1] = between;
		forms[2] = after;
		for (int k = 0; k < 3; k++) {
			char *want = tidy_by_code_point(forms[k]), *got = stw_stdi_tidy(forms[k]);
			cr_expect_str_eq(got, want, "byte 0x%02x form %d", c, k);
			free(want);
			free(got);
		}
	}
	for (size_t i = 0; i < N(fast_inputs); i++) {
		char *want = tidy_by_code_point(fast_inputs[i]);
		char *got = stw_stdi_tidy(fast_inputs[i]);
		cr_expect_str_eq(got, want, "tidy(\"%s\")", fast_inputs[i]);
		char small[8];
		char *in = stw_stdi_tidy_in(fast_inputs[i], small, sizeof small);
		cr_expect_str_eq(in, want, "tidy_in(\"%s\")", fast_inputs[i]);
		cr_expect_eq(in == small, strlen(fast_inputs[i]) < sizeof small);
		if (in != small)
			free(in);
		free(got);
		free(want);
	}
	char small[4];
	char *t = stw_stdi_tidy_in(NULL, small, sizeof small);
	cr_expect_str_eq(t, "");
}

/* ASCII punctuation as STW_FOLD_PUNCT reads it. */
static bool
ascii_punct(unsigned c)
{
	return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
	       (c >= 0x7B && c <= 0x7E);
}

/* The fold of ASCII text one decoded code point at a time, for comparison. */
static char *
fold_by_code_point(const char *in, unsigned flags)
{
	stw_buf b = STW_BUF_INIT;
	bool pending = false;
	for (const char *p = in; *p;) {
		uint32_t cp;
		p += stw_stdi_decode(p, &cp);
		if (stw_stdi_is_invisible(cp))
			continue;
		if ((flags & STW_FOLD_PUNCT) && ascii_punct(cp)) {
			if (cp == '\'' || cp == '`' || cp == '.')
				continue;
			cp = ' ';
		}
		if (stw_stdi_is_space(cp)) {
			pending = b.len > 0;
			continue;
		}
		if (pending)
			stw_buf_addc(&b, ' ');
		pending = false;
		stw_stdi_fold_cp(&b, cp);
	}
	return stw_buf_take(&b);
}

Test(std_text, fold_fast_path_matches_code_points)
{
	static const unsigned flags[] = {0, STW_FOLD_PUNCT};
	for (size_t f = 0; f < N(flags); f++) {
		for (int c = 1; c < 0x80; c++) {
			char s[5] = {'A', ' ', (char)c, 'z', 0};
			char *want = fold_by_code_point(s, flags[f]);
			char *slow = stw_std_fold_opts(s, flags[f]);
			char buf[16];
			cr_assert(stw_stdi_fold_ascii(s, flags[f], buf, sizeof buf));
			cr_expect_str_eq(buf, want, "byte 0x%02x flags %u", c, flags[f]);
			cr_expect_str_eq(slow, want, "byte 0x%02x flags %u", c, flags[f]);
			free(want);
			free(slow);
		}
		for (size_t i = 0; i < N(fast_inputs); i++) {
			const char *in = fast_inputs[i];
			char *slow = stw_std_fold_opts(in, flags[f]);
			char buf[64];
			bool ascii = true;
			for (const char *p = in; *p; p++)
				ascii = ascii && (unsigned char)*p < 0x80;
			cr_expect_eq(stw_stdi_fold_ascii(in, flags[f], buf, sizeof buf), ascii, "%s", in);
			if (ascii) {
				char *want = fold_by_code_point(in, flags[f]);
				cr_expect_str_eq(buf, want, "fold_ascii(\"%s\", %u)", in, flags[f]);
				cr_expect_str_eq(slow, want, "fold_opts(\"%s\", %u)", in, flags[f]);
				free(want);
			}
			free(slow);
		}
	}
	/* too small a buffer: false, and the caller folds the slow way */
	char tiny[4];
	cr_expect(!stw_stdi_fold_ascii("abcd", 0, tiny, sizeof tiny));
	cr_expect(stw_stdi_fold_ascii("abc", 0, tiny, sizeof tiny));
	cr_expect_str_eq(tiny, "abc");
	cr_expect(stw_stdi_fold_ascii("  a  ", 0, tiny, 2));
	cr_expect_str_eq(tiny, "a");
}

Test(std_text, why_cat_truncates_as_printf)
{
	char longer[400];
	memset(longer, 'x', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	const char *parts[][3] = {
		{"a", "", "b"}, {"", "", ""}, {longer, "tail", ""}, {"head; ", longer, "!"},
		{"national number read as ", "US", ", trunk prefix removed"},
	};
	for (size_t i = 0; i < N(parts); i++) {
		stw_std_result cat = {0}, fmt = {0};
		stw_stdi_why_cat(&cat, parts[i][0], parts[i][1], parts[i][2], (char *)NULL);
		stw_stdi_why(&fmt, "%s%s%s", parts[i][0], parts[i][1], parts[i][2]);
		cr_expect_str_eq(cat.why, fmt.why, "case %zu", i);
	}
}

/* A table with a duplicate key and keys that are prefixes of others. */
static const struct {
	const char *key;
	int         value;
} words_table[] = {
	{"co", 1}, {"co kg", 2}, {"gmbh", 3}, {"co", 4}, {"g", 5}, {"", 6}, {"kgaa", 7},
};

Test(std_text, words_index_answers_as_a_scan)
{
	static stw_stdi_words index = {.table = words_table, .n = N(words_table),
	                               .stride = sizeof words_table[0]};
	for (size_t i = 0; i < N(words_table); i++) {
		const char *k = words_table[i].key;
		int first = -1;
		for (size_t j = 0; j < N(words_table) && first < 0; j++)
			if (strcmp(words_table[j].key, k) == 0)
				first = (int)j;
		cr_expect_eq(stw_stdi_words_find(&index, k, strlen(k)), first, "%s", k);
		cr_expect(stw_stdi_words_has(&index, k));
	}
	static const char *const absent[] = {"c", "cok", "co k", "gmbhx", "kga", "GMBH", "x"};
	for (size_t i = 0; i < N(absent); i++)
		cr_expect_eq(stw_stdi_words_find(&index, absent[i], strlen(absent[i])), -1, "%s",
		             absent[i]);
	/* a key given by length inside a longer text */
	const char *text = "co kg and more";
	cr_expect_eq(stw_stdi_words_find(&index, text, 5), 1);
	cr_expect_eq(stw_stdi_words_find(&index, text, 2), 0);
	cr_expect_eq(stw_stdi_words_find(&index, text, 3), -1);
}
