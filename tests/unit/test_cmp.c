/*
 * Field comparators: published values, edge cases (NULL, empty, invalid
 * UTF-8, strings past the 256 code point cap) and properties checked
 * against a plain reference implementation.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmp.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))
#define EPS 0.0005

/* ==== Jaro and Jaro-Winkler ==== */

Test(jaro, published_values)
{
	struct { const char *a, *b; double jaro, jw; } c[] = {
		{"MARTHA", "MARHTA", 0.944, 0.961},
		{"DWAYNE", "DUANE", 0.822, 0.840},
		{"DIXON", "DICKSONX", 0.767, 0.813},
		{"JELLYFISH", "SMELLYFISH", 0.896, 0.896},
		{"CRATE", "TRACE", 0.733, 0.733},
		{"ABC", "ABC", 1.0, 1.0},
		{"ABC", "XYZ", 0.0, 0.0},
		{"", "", 1.0, 1.0},
		{"", "A", 0.0, 0.0},
		{"A", "", 0.0, 0.0},
		{NULL, NULL, 1.0, 1.0},
		{NULL, "A", 0.0, 0.0},
		{"A", "A", 1.0, 1.0},
		{"A", "B", 0.0, 0.0},
		{"AB", "BA", 0.0, 0.0},      /* window 0: no match in range */
	};
	for (size_t i = 0; i < N_OF(c); i++) {
		cr_expect(fabs(stw_jaro(c[i].a, c[i].b) - c[i].jaro) < EPS,
		    "jaro case %zu: %f", i, stw_jaro(c[i].a, c[i].b));
		cr_expect(fabs(stw_jaro_winkler(c[i].a, c[i].b) - c[i].jw) < EPS,
		    "jw case %zu: %f", i, stw_jaro_winkler(c[i].a, c[i].b));
	}
}

Test(jaro, counts_code_points_not_bytes)
{
	/* One differing character, however many bytes it takes. */
	double ascii = stw_jaro("Muller", "Mxller");
	cr_expect(fabs(stw_jaro("M\xc3\xbcller", "Muller") - ascii) < 1e-12);
	cr_expect(fabs(stw_jaro("\xe5\xbc\xa0\xe4\xbc\x9f", "\xe5\xbc\xa0\xe4\xbc\x9f") - 1.0) < 1e-12);
	cr_expect(fabs(stw_jaro("\xf0\x9f\x98\x80" "abc", "Xabc") - stw_jaro("Yabc", "Xabc")) < 1e-12);
}

Test(jaro, symmetric_and_bounded)
{
	const char *w[] = {"", "a", "ab", "martha", "marhta", "dwayne", "duane",
	    "Jos\xc3\xa9", "Jose", "abcdefghij", "jihgfedcba", "aaaa", "aaab",
	    "\xff\xfe", "Stra\xc3\x9f" "e", "strasse"};
	for (size_t i = 0; i < N_OF(w); i++) {
		for (size_t j = 0; j < N_OF(w); j++) {
			double x = stw_jaro_winkler(w[i], w[j]);
			double y = stw_jaro_winkler(w[j], w[i]);
			cr_expect(fabs(x - y) < 1e-12, "%zu/%zu", i, j);
			cr_expect(x >= 0.0 && x <= 1.0);
			cr_expect(stw_jaro(w[i], w[j]) <= x + 1e-12);
			if (i == j)
				cr_expect(x == 1.0);
		}
	}
}

Test(jaro, winkler_parameters)
{
	/* DIXON/DICKSONX: jaro 0.767, prefix 2. */
	double j = stw_jaro("DIXON", "DICKSONX");
	cr_expect(fabs(stw_jaro_winkler_ex("DIXON", "DICKSONX", 0.0, 0.0) - j) < 1e-12);
	cr_expect(fabs(stw_jaro_winkler_ex("DIXON", "DICKSONX", 0.2, 0.0) -
	    (j + 2 * 0.2 * (1 - j))) < 1e-12);
	/* Above the threshold: no boost. */
	cr_expect(fabs(stw_jaro_winkler_ex("DIXON", "DICKSONX", 0.1, 0.8) - j) < 1e-12);
	/* The scale is clamped so the result never exceeds 1. */
	cr_expect(stw_jaro_winkler_ex("ABCDX", "ABCDY", 5.0, 0.0) <= 1.0);
	/* The prefix counts at most four code points. */
	cr_expect(fabs(stw_jaro_winkler("ABCDEFGX", "ABCDEFGY") -
	    stw_jaro_winkler_ex("ABCDEFGX", "ABCDEFGY", 0.1, 0.7)) < 1e-12);
	double jj = stw_jaro("ABCDEFGX", "ABCDEFGY");
	cr_expect(fabs(stw_jaro_winkler("ABCDEFGX", "ABCDEFGY") - (jj + 0.4 * (1 - jj))) < 1e-12);
}

Test(jaro, invalid_utf8_is_safe)
{
	cr_expect(stw_jaro("\xff", "\xff") == 1.0);
	cr_expect(stw_jaro("\xff", "\xfe") == 0.0);
	/* A bad byte never equals the character it might have been. */
	cr_expect(stw_jaro("\xe9", "\xc3\xa9") == 0.0);
	/* Truncated sequence at the end of the string. */
	cr_expect(stw_jaro("ab\xe2\x82", "ab") > 0.0);
	cr_expect(stw_jaro("\xc0\xaf", "/") == 0.0);          /* overlong */
	cr_expect(stw_jaro("\xed\xa0\x80", "x") == 0.0);      /* surrogate */
}

/* ==== Edit distances ==== */

Test(edit, published_values)
{
	struct { const char *a, *b; size_t lev, osa; } c[] = {
		{"kitten", "sitting", 3, 3},
		{"sitting", "kitten", 3, 3},
		{"CA", "ABC", 3, 3},     /* unrestricted Damerau would be 2 */
		{"flaw", "lawn", 2, 2},
		{"ca", "ac", 2, 1},
		{"abcd", "acbd", 2, 1},
		{"abcdef", "badcfe", 4, 3},
		{"Saturday", "Sunday", 3, 3},
		{"", "", 0, 0},
		{"", "abc", 3, 3},
		{"abc", "", 3, 3},
		{NULL, "abc", 3, 3},
		{NULL, NULL, 0, 0},
		{"same", "same", 0, 0},
		{"gumbo", "gambol", 2, 2},
		{"book", "back", 2, 2},
		{"M\xc3\xbcller", "Muller", 1, 1},
		{"M\xc3\xbcller", "Mueller", 2, 2},
		{"Jos\xc3\xa9", "Jose", 1, 1},
		{"\xe5\xbc\xa0\xe4\xbc\x9f", "\xe4\xbc\x9f\xe5\xbc\xa0", 2, 1},
		{"\xff", "\xfe", 1, 1},
		{"\xff", "\xff", 0, 0},
		{"\xe9", "\xc3\xa9", 1, 1},
	};
	for (size_t i = 0; i < N_OF(c); i++) {
		cr_expect_eq(stw_levenshtein(c[i].a, c[i].b, STW_DIST_UNBOUNDED), c[i].lev,
		    "lev case %zu: %zu", i, stw_levenshtein(c[i].a, c[i].b, STW_DIST_UNBOUNDED));
		cr_expect_eq(stw_osa(c[i].a, c[i].b, STW_DIST_UNBOUNDED), c[i].osa,
		    "osa case %zu: %zu", i, stw_osa(c[i].a, c[i].b, STW_DIST_UNBOUNDED));
	}
}

Test(edit, bound_stops_early)
{
	cr_expect_eq(stw_levenshtein("kitten", "sitting", 3), 3);
	cr_expect_eq(stw_levenshtein("kitten", "sitting", 2), 3);
	cr_expect_eq(stw_levenshtein("kitten", "sitting", 0), 1);
	cr_expect_eq(stw_levenshtein("abc", "abc", 0), 0);
	cr_expect_eq(stw_levenshtein("a", "abcdefgh", 2), 3);   /* length gap */
	cr_expect_eq(stw_osa("ca", "ac", 1), 1);
	cr_expect_eq(stw_osa("ca", "ac", 0), 1);
	cr_expect_eq(stw_osa("abcdef", "badcfe", 2), 3);
	cr_expect_eq(stw_osa("", "abc", 1), 2);
}

Test(edit, similarity)
{
	cr_expect(fabs(stw_levenshtein_sim("kitten", "sitting") - (1.0 - 3.0 / 7.0)) < 1e-12);
	cr_expect(fabs(stw_osa_sim("ca", "ac") - 0.5) < 1e-12);
	cr_expect(stw_levenshtein_sim("", "") == 1.0);
	cr_expect(stw_levenshtein_sim(NULL, "") == 1.0);
	cr_expect(stw_levenshtein_sim("", "x") == 0.0);
	cr_expect(stw_osa_sim("abc", "xyz") == 0.0);
	cr_expect(fabs(stw_levenshtein_sim("M\xc3\xbcller", "Muller") - (1.0 - 1.0 / 6.0)) < 1e-12);
}

/* Full-matrix reference without affix stripping or bounds. */
static size_t
ref_dist(const char *a, const char *b, int osa)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t *d = calloc((la + 1) * (lb + 1), sizeof(size_t));
#define D(i, j) d[(i) * (lb + 1) + (j)]
	for (size_t i = 0; i <= la; i++)
		D(i, 0) = i;
	for (size_t j = 0; j <= lb; j++)
		D(0, j) = j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			size_t v = D(i - 1, j - 1) + (a[i - 1] != b[j - 1]);
			if (D(i - 1, j) + 1 < v)
				v = D(i - 1, j) + 1;
			if (D(i, j - 1) + 1 < v)
				v = D(i, j - 1) + 1;
			if (osa && i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && D(i - 2, j - 2) + 1 < v)
				v = D(i - 2, j - 2) + 1;
			D(i, j) = v;
		}
	}
	size_t r = D(la, lb);
#undef D
	free(d);
	return r;
}

Test(edit, matches_reference_on_random_strings)
{
	unsigned seed = 12345;
	char a[16], b[16];
	for (int iter = 0; iter < 20000; iter++) {
		size_t la, lb;
		seed = seed * 1103515245u + 12345u;
		la = (seed >> 16) % 10;
		seed = seed * 1103515245u + 12345u;
		lb = (seed >> 16) % 10;
		for (size_t i = 0; i < la; i++) {
			seed = seed * 1103515245u + 12345u;
			a[i] = (char)('a' + (seed >> 16) % 3);
		}
		for (size_t i = 0; i < lb; i++) {
			seed = seed * 1103515245u + 12345u;
			b[i] = (char)('a' + (seed >> 16) % 3);
		}
		a[la] = b[lb] = '\0';
		size_t lev = ref_dist(a, b, 0), osa = ref_dist(a, b, 1);
		cr_assert_eq(stw_levenshtein(a, b, STW_DIST_UNBOUNDED), lev, "lev %s/%s", a, b);
		cr_assert_eq(stw_osa(a, b, STW_DIST_UNBOUNDED), osa, "osa %s/%s", a, b);
		for (size_t max = 0; max < 5; max++) {
			cr_assert_eq(stw_levenshtein(a, b, max), lev > max ? max + 1 : lev,
			    "lev %s/%s max %zu", a, b, max);
			cr_assert_eq(stw_osa(a, b, max), osa > max ? max + 1 : osa,
			    "osa %s/%s max %zu", a, b, max);
		}
	}
}

/* ==== Long strings ==== */

static char *
repeat(const char *unit, size_t n, const char *tail)
{
	size_t ul = strlen(unit), tl = strlen(tail);
	char *s = malloc(ul * n + tl + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(s + i * ul, unit, ul);
	memcpy(s + ul * n, tail, tl + 1);
	return s;
}

Test(long_strings, truncated_to_cap)
{
	char *a = repeat("a", 1000, "");
	char *b = repeat("a", 999, "b");
	char *c = repeat("a", 200, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
	char *u = repeat("\xc3\xa9", 300, "");       /* 300 two-byte code points */
	char *v = repeat("\xc3\xa9", 255, "x");

	/* Beyond STW_CMP_MAX_CP code points nothing is compared. */
	cr_expect_eq(stw_levenshtein(a, b, STW_DIST_UNBOUNDED), 0);
	cr_expect_eq(stw_osa(a, b, STW_DIST_UNBOUNDED), 0);
	cr_expect(stw_jaro_winkler(a, b) == 1.0);
	cr_expect_eq(stw_levenshtein(a, c, STW_DIST_UNBOUNDED), 56);
	cr_expect_eq(stw_levenshtein(a, "", STW_DIST_UNBOUNDED), STW_CMP_MAX_CP);
	cr_expect_eq(stw_levenshtein(u, v, STW_DIST_UNBOUNDED), 1);
	cr_expect(stw_jaro(u, v) < 1.0);
	cr_expect(stw_token_sort(a, b) == 1.0);
	cr_expect(stw_token_set(a, c) >= 0.0);
	free(a);
	free(b);
	free(c);
	free(u);
	free(v);
}

Test(long_strings, many_tokens)
{
	char *a = repeat("w ", 500, "");
	char *b = repeat("x y ", 300, "");
	cr_expect(stw_token_jaccard(a, a) == 1.0);
	cr_expect(stw_token_jaccard(a, b) == 0.0);
	cr_expect(stw_token_set(a, b) < 0.5);
	cr_expect(stw_token_sort(b, b) == 1.0);
	free(a);
	free(b);
}

/* ==== Token comparators ==== */

Test(tokens, jaccard)
{
	struct { const char *a, *b; double want; } c[] = {
		{"John Smith", "Smith John", 1.0},
		{"John Smith", "smith, JOHN", 1.0},
		{"Acme Corp", "acme, inc.", 1.0 / 3.0},
		{"a b c", "a b d", 2.0 / 4.0},
		{"a a a b", "a b", 1.0},          /* sets: duplicates count once */
		{"", "", 1.0},
		{"  ,, ", "", 1.0},               /* no words on either side */
		{"", "x", 0.0},
		{NULL, "x", 0.0},
		{"O'Brien", "obrien", 1.0},       /* apostrophes join */
		{"Jean-Luc Picard", "jean luc picard", 1.0},
		{"M\xc3\x9cLLER GmbH", "m\xc3\xbcller gmbh", 1.0},  /* Latin-1 case */
		{"\xd0\x98\xd0\x92\xd0\x90\xd0\x9d", "\xd0\xb8\xd0\xb2\xd0\xb0\xd0\xbd", 1.0}, /* Cyrillic */
		{"a\xc2\xa0" "b", "a b", 1.0},    /* no-break space separates */
		{"a\xe2\x80\x94" "b", "b a", 1.0}, /* em dash separates */
		{"x\xff", "x", 0.0},              /* bad byte stays in its word */
	};
	for (size_t i = 0; i < N_OF(c); i++)
		cr_expect(fabs(stw_token_jaccard(c[i].a, c[i].b) - c[i].want) < 1e-9,
		    "case %zu: %f", i, stw_token_jaccard(c[i].a, c[i].b));
}

Test(tokens, sort_ratio)
{
	cr_expect(stw_token_sort("Smith John", "John Smith") == 1.0);
	cr_expect(stw_token_sort("SMITH,  john", "john smith") == 1.0);
	cr_expect(stw_token_sort("", "") == 1.0);
	cr_expect(stw_token_sort("", "a") == 0.0);
	/* "john smith" against "john smyth": one edit in ten. */
	cr_expect(fabs(stw_token_sort("Smyth John", "John Smith") - 0.9) < 1e-12);
	/* Duplicates are kept by the sort ratio. */
	cr_expect(stw_token_sort("a a", "a") < 1.0);
	cr_expect(stw_token_sort("mary ann smith", "smith mary") < 1.0);
}

Test(tokens, set_ratio)
{
	struct { const char *a, *b; double lo, hi; } c[] = {
		{"Acme", "Acme Holdings International", 1.0, 1.0},
		{"Acme Holdings International", "acme", 1.0, 1.0},
		{"The Acme Company", "Acme Company, The", 1.0, 1.0},
		{"Acme Widgets Ltd", "Acme Widget Ltd", 0.9, 0.99},
		{"Acme Widgets", "Zenith Gadgets", 0.0, 0.6},
		{"", "", 1.0, 1.0},
		{"", "acme", 0.0, 0.0},
		{"a a b", "b a", 1.0, 1.0},
	};
	for (size_t i = 0; i < N_OF(c); i++) {
		double s = stw_token_set(c[i].a, c[i].b);
		cr_expect(s >= c[i].lo - 1e-12 && s <= c[i].hi + 1e-12, "case %zu: %f", i, s);
		cr_expect(fabs(s - stw_token_set(c[i].b, c[i].a)) < 1e-12, "symmetry %zu", i);
	}
}

/* ==== Exact, numbers, dates ==== */

Test(exact, tri_state)
{
	struct { const char *a, *b; stw_tri cs, ci; } c[] = {
		{"x", "x", STW_TRI_SAME, STW_TRI_SAME},
		{"x", "X", STW_TRI_DIFF, STW_TRI_SAME},
		{"abc", "abd", STW_TRI_DIFF, STW_TRI_DIFF},
		{"abc", "ab", STW_TRI_DIFF, STW_TRI_DIFF},
		{"", "x", STW_TRI_MISSING, STW_TRI_MISSING},
		{"x", "", STW_TRI_MISSING, STW_TRI_MISSING},
		{"", "", STW_TRI_MISSING, STW_TRI_MISSING},
		{NULL, "x", STW_TRI_MISSING, STW_TRI_MISSING},
		{"x", NULL, STW_TRI_MISSING, STW_TRI_MISSING},
		{NULL, NULL, STW_TRI_MISSING, STW_TRI_MISSING},
		{"\xc3\xa9", "\xc3\x89", STW_TRI_DIFF, STW_TRI_DIFF},
	};
	for (size_t i = 0; i < N_OF(c); i++) {
		cr_expect_eq(stw_exact(c[i].a, c[i].b), c[i].cs, "case %zu", i);
		cr_expect_eq(stw_exact_ci(c[i].a, c[i].b), c[i].ci, "ci case %zu", i);
	}
}

Test(numbers, differences)
{
	cr_expect(stw_abs_diff(3.0, 5.5) == 2.5);
	cr_expect(stw_abs_diff(-1.0, 1.0) == 2.0);
	cr_expect(isnan(stw_abs_diff(NAN, 1.0)));
	cr_expect(stw_rel_diff(100.0, 90.0) == 0.1);
	cr_expect(stw_rel_diff(90.0, 100.0) == 0.1);
	cr_expect(stw_rel_diff(0.0, 0.0) == 0.0);
	cr_expect(stw_rel_diff(0.0, 5.0) == 1.0);
	cr_expect(stw_rel_diff(-1.0, 1.0) == 2.0);
	cr_expect(stw_rel_diff(INFINITY, INFINITY) == 0.0);
	cr_expect(stw_rel_diff(INFINITY, 1.0) == 1.0);
	cr_expect(isnan(stw_rel_diff(1.0, NAN)));
}

Test(dates, parse)
{
	struct { const char *s; bool ok; int32_t days; } c[] = {
		{"1970-01-01", true, 0},
		{"1970-01-02", true, 1},
		{"1969-12-31", true, -1},
		{"2000-02-29", true, 11016},
		{"2024-02-29", true, 19782},
		{"2000-03-01", true, 11017},
		{"0001-01-01", true, -719162},
		{"9999-12-31", true, 2932896},
		{"1900-02-29", false, 0},     /* not a leap year */
		{"2023-02-29", false, 0},
		{"2023-04-31", false, 0},
		{"2023-13-01", false, 0},
		{"2023-00-10", false, 0},
		{"2023-01-00", false, 0},
		{"0000-01-01", false, 0},
		{"2023-1-01", false, 0},
		{"2023/01/01", false, 0},
		{"2023-01-01T00:00", false, 0},
		{"20230101", false, 0},
		{"", false, 0},
		{NULL, false, 0},
		{"abcd-ef-gh", false, 0},
		{"2023-01-0\xff", false, 0},
	};
	for (size_t i = 0; i < N_OF(c); i++) {
		int32_t d = 77;
		cr_expect_eq(stw_date_parse(c[i].s, &d), c[i].ok, "case %zu", i);
		cr_expect_eq(d, c[i].ok ? c[i].days : 77, "case %zu: %d", i, d);
	}
	cr_expect(stw_date_parse("2020-01-01", NULL));
}

Test(dates, distance_and_swap)
{
	int32_t d = -5;
	cr_expect(stw_date_distance("2024-01-01", "2024-12-31", &d));
	cr_expect_eq(d, 365);
	cr_expect(stw_date_distance("2024-12-31", "2024-01-01", &d));
	cr_expect_eq(d, 365);
	cr_expect(stw_date_distance("1999-12-31", "2000-01-01", &d));
	cr_expect_eq(d, 1);
	cr_expect(stw_date_distance("2000-01-01", "2000-01-01", &d));
	cr_expect_eq(d, 0);
	d = -5;
	cr_expect(!stw_date_distance("2000-01-01", "2000-02-30", &d));
	cr_expect(!stw_date_distance(NULL, "2000-01-01", &d));
	cr_expect(!stw_date_distance("2000-01-01", "", &d));
	cr_expect_eq(d, -5);

	cr_expect(stw_date_swapped("2024-03-04", "2024-04-03"));
	cr_expect(stw_date_swapped("1980-12-01", "1980-01-12"));
	cr_expect(!stw_date_swapped("2024-03-03", "2024-03-03"));    /* same date */
	cr_expect(!stw_date_swapped("2024-03-04", "2023-04-03"));    /* other year */
	cr_expect(!stw_date_swapped("2024-03-04", "2024-03-05"));
	cr_expect(!stw_date_swapped("2024-01-31", "2024-31-01"));    /* does not parse */
	cr_expect(!stw_date_swapped(NULL, "2024-04-03"));
}

/* ==== Decoding and folding ==== */

Test(fold, latin_letters)
{
	struct { uint32_t cp; const char *want; } c[] = {
		{'A', "a"}, {'z', "z"}, {0xC0, "a"}, {0xE9, "e"}, {0xC6, "ae"},
		{0xDF, "ss"}, {0xDE, "th"}, {0xFE, "th"}, {0xFF, "y"}, {0xD8, "o"},
		{0xF1, "n"}, {0x141, "l"}, {0x142, "l"}, {0x15A, "s"}, {0x160, "s"},
		{0x17D, "z"}, {0x150, "o"}, {0x16E, "u"}, {0x174, "w"}, {0x178, "y"},
		{0x17F, "s"}, {0x132, "ij"}, {0x153, "oe"}, {0x131, "i"}, {0x111, "d"},
	};
	for (size_t i = 0; i < N_OF(c); i++) {
		const char *f = stw_fold_latin(c[i].cp);
		cr_expect(f && strcmp(f, c[i].want) == 0, "U+%04X", (unsigned)c[i].cp);
	}
	uint32_t none[] = {'1', ' ', '-', 0xD7, 0xF7, 0xA0, 0x180, 0x416, 0x4E00, 0xDCFF};
	for (size_t i = 0; i < N_OF(none); i++)
		cr_expect_null(stw_fold_latin(none[i]), "U+%04X", (unsigned)none[i]);
}

Test(fold, ascii_fold)
{
	char out[16];
	cr_expect(stw_ascii_fold("Jos\xc3\xa9 M\xc3\xbcller", out, sizeof out));
	cr_expect_str_eq(out, "jose muller");
	cr_expect(stw_ascii_fold("Stra\xc3\x9f" "e", out, sizeof out));
	cr_expect_str_eq(out, "strasse");
	cr_expect(!stw_ascii_fold("\xd0\x98van", out, sizeof out));
	cr_expect_str_eq(out, "van");
	cr_expect(!stw_ascii_fold("a\xff" "b", out, sizeof out));
	cr_expect_str_eq(out, "ab");
	cr_expect(!stw_ascii_fold("abcdefghijklmnopqrstuvwxyz", out, sizeof out));
	cr_expect_eq(strlen(out), 15);
	cr_expect(stw_ascii_fold(NULL, out, sizeof out));
	cr_expect_str_eq(out, "");
	cr_expect(!stw_ascii_fold("x", out, 1));
	cr_expect_str_eq(out, "");
}

Test(fold, decode)
{
	uint32_t cp[8];
	cr_expect_eq(stw_utf8_decode("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", cp, 8), 4);
	cr_expect(cp[0] == 'a' && cp[1] == 0xE9 && cp[2] == 0x20AC && cp[3] == 0x1F600);
	cr_expect_eq(stw_utf8_decode("\xff\xc3", cp, 8), 2);
	cr_expect(cp[0] == 0xDCFF && cp[1] == 0xDCC3);
	cr_expect_eq(stw_utf8_decode("abcdef", cp, 3), 3);
	cr_expect_eq(stw_utf8_decode(NULL, cp, 3), 0);
	cr_expect_eq(stw_utf8_decode("\xf4\x90\x80\x80", cp, 8), 4);   /* > U+10FFFF */
}
