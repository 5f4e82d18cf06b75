/*
 * Field comparators: Jaro and Jaro-Winkler, Levenshtein and OSA distances,
 * token comparators, missing-aware exact comparison, numeric and date
 * distances.
 *
 * The matcher calls these tens of millions of times per run, so nothing here
 * allocates: each string is decoded into a fixed array of STW_CMP_MAX_CP code
 * points on the stack (1 KiB) and the dynamic-programming rows live on the
 * stack as well. Strings longer than that are compared on their first
 * STW_CMP_MAX_CP code points, as cmp.h documents.
 */
#include "cmp.h"

#include <math.h>
#include <string.h>

#include "util.h"

/* ==== UTF-8 decoding and folding ==== */

/*
 * Decodes one code point at *ps and advances *ps past it. A byte that does
 * not start a well-formed sequence (overlong forms, surrogates and values
 * above U+10FFFF included) yields 0xDC00 + byte and advances by one.
 */
static uint32_t
next_cp(const unsigned char **ps)
{
	if (**ps < 0x80)
		return *(*ps)++;
	uint32_t cp;
	size_t len = stw_utf8_next((const char *)*ps, 4, &cp);
	if (len == 0) {
		cp = 0xDC00 + **ps;
		len = 1;
	}
	*ps += len;
	return cp;
}

size_t
stw_utf8_decode(const char *str, uint32_t *out, size_t cap)
{
	if (!str)
		return 0;
	const unsigned char *s = (const unsigned char *)str;
	size_t n = 0;
	while (*s && n < cap)
		out[n++] = next_cp(&s);
	return n;
}

/* Latin Extended-A (U+0100..U+017F) folded to ASCII, one letter per code
 * point; '*' marks the ligatures handled separately. */
static const char latin_ext_a[] =
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkklllllll"
	"lllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
_Static_assert(sizeof(latin_ext_a) == 0x80 + 1, "one letter per code point");

const char *
stw_fold_latin(uint32_t cp)
{
	/* One static string per ASCII letter, so results can be returned. */
	static const char letters[] =
		"a\0b\0c\0d\0e\0f\0g\0h\0i\0j\0k\0l\0m\0n\0o\0p\0q\0r\0s\0t\0"
		"u\0v\0w\0x\0y\0z";
#define LETTER(ch) (letters + 2 * ((ch) - 'a'))

	if (cp >= 'a' && cp <= 'z')
		return LETTER(cp);
	if (cp >= 'A' && cp <= 'Z')
		return LETTER(cp - 'A' + 'a');
	if (cp >= 0xC0 && cp <= 0xFF) {
		/* Latin-1 Supplement; upper and lower halves share letters. */
		static const char l1[] = "aaaaaa*ceeeeiiiidnooooo/ouuuuy*";
		uint32_t i = (cp & ~0x20u) - 0xC0;
		if (cp == 0xFF)
			return LETTER('y');
		if (cp == 0xDF)
			return "ss";
		if (i == 6)
			return "ae";
		if (i == 30)
			return "th";
		if (l1[i] == '/')
			return NULL; /* U+00D7 and U+00F7, times and divide */
		return LETTER(l1[i]);
	}
	if (cp >= 0x100 && cp <= 0x17F) {
		if (cp == 0x132 || cp == 0x133)
			return "ij";
		if (cp == 0x152 || cp == 0x153)
			return "oe";
		return LETTER(latin_ext_a[cp - 0x100]);
	}
	return NULL;
#undef LETTER
}

bool
stw_ascii_fold(const char *str, char *out, size_t outsz)
{
	bool complete = true;
	size_t n = 0;

	if (str) {
		const unsigned char *s = (const unsigned char *)str;
		while (*s) {
			uint32_t cp = next_cp(&s);
			char one[2] = {0, 0};
			const char *rep;
			if (cp < 0x80 && !(cp >= 'A' && cp <= 'Z')) {
				one[0] = (char)cp;
				rep = one;
			} else {
				rep = stw_fold_latin(cp);
			}
			if (!rep) {
				complete = false;
				continue;
			}
			size_t len = strlen(rep);
			if (n + len >= outsz) {
				complete = false;
				break;
			}
			memcpy(out + n, rep, len);
			n += len;
		}
	}
	out[n] = '\0';
	return complete;
}

/* ==== Jaro and Jaro-Winkler ==== */

static double
jaro_cp(const uint32_t *a, size_t la, const uint32_t *b, size_t lb)
{
	bool ma[STW_CMP_MAX_CP], mb[STW_CMP_MAX_CP];
	size_t window, m = 0, t = 0;

	if (la == 0 && lb == 0)
		return 1.0;
	if (la == 0 || lb == 0)
		return 0.0;
	window = (la > lb ? la : lb) / 2;
	window = window > 0 ? window - 1 : 0;
	memset(ma, 0, la);
	memset(mb, 0, lb);

	for (size_t i = 0; i < la; i++) {
		size_t lo = i > window ? i - window : 0;
		size_t hi = i + window + 1 < lb ? i + window + 1 : lb;
		for (size_t j = lo; j < hi; j++) {
			if (!mb[j] && a[i] == b[j]) {
				ma[i] = mb[j] = true;
				m++;
				break;
			}
		}
	}
	if (m == 0)
		return 0.0;

	/* Half the matched characters that are out of order. */
	for (size_t i = 0, k = 0; i < la; i++) {
		if (!ma[i])
			continue;
		while (!mb[k])
			k++;
		if (a[i] != b[k])
			t++;
		k++;
	}
	t /= 2;
	return ((double)m / (double)la + (double)m / (double)lb +
	    (double)(m - t) / (double)m) / 3.0;
}

double
stw_jaro(const char *a, const char *b)
{
	uint32_t ca[STW_CMP_MAX_CP], cb[STW_CMP_MAX_CP];
	size_t la = stw_utf8_decode(a, ca, STW_CMP_MAX_CP);
	size_t lb = stw_utf8_decode(b, cb, STW_CMP_MAX_CP);
	return jaro_cp(ca, la, cb, lb);
}

double
stw_jaro_winkler_ex(const char *a, const char *b, double p,
    double boost_threshold)
{
	uint32_t ca[STW_CMP_MAX_CP], cb[STW_CMP_MAX_CP];
	size_t la = stw_utf8_decode(a, ca, STW_CMP_MAX_CP);
	size_t lb = stw_utf8_decode(b, cb, STW_CMP_MAX_CP);
	double j = jaro_cp(ca, la, cb, lb);

	if (!(p > 0.0) || !(j > boost_threshold))
		return j;
	if (p > 0.25)
		p = 0.25;
	size_t l = 0;
	while (l < 4 && l < la && l < lb && ca[l] == cb[l])
		l++;
	return j + (double)l * p * (1.0 - j);
}

double
stw_jaro_winkler(const char *a, const char *b)
{
	return stw_jaro_winkler_ex(a, b, 0.1, 0.7);
}

/* ==== Edit distances ==== */

/*
 * Removes the common prefix and suffix, which changes neither distance:
 * an optimal alignment can always match equal ends to each other.
 */
static void
strip_affixes(uint32_t **a, size_t *la, uint32_t **b, size_t *lb)
{
	size_t p = 0;
	while (p < *la && p < *lb && (*a)[p] == (*b)[p])
		p++;
	*a += p;
	*b += p;
	*la -= p;
	*lb -= p;
	while (*la > 0 && *lb > 0 && (*a)[*la - 1] == (*b)[*lb - 1]) {
		(*la)--;
		(*lb)--;
	}
}

static size_t
clamp_dist(size_t d, size_t max)
{
	return d > max ? max + 1 : d;
}

/*
 * The distance functions take non-const pointers only because some
 * compilers warn about const pointers to arrays they cannot prove are
 * written; they never modify the code points.
 *
 * Levenshtein distance with one rolling row. The minimum of a row never
 * decreases from one row to the next and bounds the final distance from
 * below, so once it exceeds max the answer is known to be max + 1.
 */
static size_t
lev_cp(uint32_t *a, size_t la, uint32_t *b, size_t lb, size_t max)
{
	uint32_t row[STW_CMP_MAX_CP + 1];

	strip_affixes(&a, &la, &b, &lb);
	if (la > lb) {
		uint32_t *ts = a; a = b; b = ts;
		size_t tl = la; la = lb; lb = tl;
	}
	/* Now la <= lb: the row runs over the longer string b. */
	if (lb - la > max)
		return max + 1;
	if (la == 0)
		return lb;

	for (size_t j = 0; j <= lb; j++)
		row[j] = (uint32_t)j;
	for (size_t i = 1; i <= la; i++) {
		uint32_t diag = row[0], rmin;
		row[0] = (uint32_t)i;
		rmin = row[0];
		for (size_t j = 1; j <= lb; j++) {
			uint32_t v = diag + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < v)
				v = row[j] + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			diag = row[j];
			row[j] = v;
			if (v < rmin)
				rmin = v;
		}
		if (rmin > max)
			return max + 1;
	}
	return clamp_dist(row[lb], max);
}

/*
 * Optimal string alignment distance with three rolling rows (the
 * transposition looks two rows back). The row minimum argument of lev_cp
 * still holds: a transposition from d[i-2][j-2] costs at least as much as
 * the substitution path through d[i-1][j-1].
 */
static size_t
osa_cp(uint32_t *a, size_t la, uint32_t *b, size_t lb, size_t max)
{
	uint32_t rows[3][STW_CMP_MAX_CP + 1];
	uint32_t *r2 = rows[0], *r1 = rows[1], *r0 = rows[2];

	strip_affixes(&a, &la, &b, &lb);
	if (la > lb) {
		uint32_t *ts = a; a = b; b = ts;
		size_t tl = la; la = lb; lb = tl;
	}
	if (lb - la > max)
		return max + 1;
	if (la == 0)
		return lb;

	for (size_t j = 0; j <= lb; j++)
		r1[j] = (uint32_t)j;
	for (size_t i = 1; i <= la; i++) {
		uint32_t rmin;
		r0[0] = (uint32_t)i;
		rmin = r0[0];
		for (size_t j = 1; j <= lb; j++) {
			uint32_t v = r1[j - 1] + (a[i - 1] != b[j - 1]);
			if (r1[j] + 1 < v)
				v = r1[j] + 1;
			if (r0[j - 1] + 1 < v)
				v = r0[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && r2[j - 2] + 1 < v)
				v = r2[j - 2] + 1;
			r0[j] = v;
			if (v < rmin)
				rmin = v;
		}
		if (rmin > max)
			return max + 1;
		uint32_t *t = r2;
		r2 = r1;
		r1 = r0;
		r0 = t;
	}
	return clamp_dist(r1[lb], max);
}

size_t
stw_levenshtein(const char *a, const char *b, size_t max)
{
	uint32_t ca[STW_CMP_MAX_CP], cb[STW_CMP_MAX_CP];
	size_t la = stw_utf8_decode(a, ca, STW_CMP_MAX_CP);
	size_t lb = stw_utf8_decode(b, cb, STW_CMP_MAX_CP);
	return lev_cp(ca, la, cb, lb, max);
}

size_t
stw_osa(const char *a, const char *b, size_t max)
{
	uint32_t ca[STW_CMP_MAX_CP], cb[STW_CMP_MAX_CP];
	size_t la = stw_utf8_decode(a, ca, STW_CMP_MAX_CP);
	size_t lb = stw_utf8_decode(b, cb, STW_CMP_MAX_CP);
	return osa_cp(ca, la, cb, lb, max);
}

static double
dist_sim(size_t d, size_t la, size_t lb)
{
	size_t n = la > lb ? la : lb;
	if (n == 0)
		return 1.0;
	return 1.0 - (double)d / (double)n;
}

static double
lev_sim_cp(uint32_t *a, size_t la, uint32_t *b, size_t lb)
{
	return dist_sim(lev_cp(a, la, b, lb, STW_DIST_UNBOUNDED), la, lb);
}

double
stw_levenshtein_sim(const char *a, const char *b)
{
	uint32_t ca[STW_CMP_MAX_CP], cb[STW_CMP_MAX_CP];
	size_t la = stw_utf8_decode(a, ca, STW_CMP_MAX_CP);
	size_t lb = stw_utf8_decode(b, cb, STW_CMP_MAX_CP);
	return lev_sim_cp(ca, la, cb, lb);
}

double
stw_osa_sim(const char *a, const char *b)
{
	uint32_t ca[STW_CMP_MAX_CP], cb[STW_CMP_MAX_CP];
	size_t la = stw_utf8_decode(a, ca, STW_CMP_MAX_CP);
	size_t lb = stw_utf8_decode(b, cb, STW_CMP_MAX_CP);
	return dist_sim(osa_cp(ca, la, cb, lb, STW_DIST_UNBOUNDED), la, lb);
}

/* ==== Token comparators ==== */

/*
 * The words of one string, case-folded, stored back to back in cp. The
 * total of their lengths plus one separator between each two never exceeds
 * STW_CMP_MAX_CP, so any selection of them joined with spaces fits in a
 * STW_CMP_MAX_CP array.
 */
typedef struct {
	uint32_t cp[STW_CMP_MAX_CP];
	uint16_t off[STW_CMP_MAX_TOKENS];
	uint16_t len[STW_CMP_MAX_TOKENS];
	size_t   n;
} tokens;

static uint32_t
fold_case(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'A' && c <= 'Z') ? c + 32 : c;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 0x20;
	if (c >= 0x100 && c <= 0x17F) {
		if (c == 0x130)
			return 'i';
		if (c == 0x178)
			return 0xFF;
		if (c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F)
			return c;
		/* Upper case is even before U+0139 and from U+014A, odd between. */
		if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
			return (c & 1) ? c + 1 : c;
		return (c & 1) ? c : c + 1;
	}
	if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
		return c + 0x20;
	if (c >= 0x410 && c <= 0x42F)
		return c + 0x20;
	if (c >= 0x400 && c <= 0x40F)
		return c + 0x50;
	return c;
}

/* Apostrophes join ("O'Brien" is one word, "obrien"); they are dropped. */
static bool
is_apostrophe(uint32_t c)
{
	return c == '\'' || c == 0x2019 || c == 0x2018;
}

static bool
is_separator(uint32_t c)
{
	if (c < 0x80)
		return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z'));
	return (c >= 0xA0 && c <= 0xBF) || c == 0xD7 || c == 0xF7 ||
	    (c >= 0x2000 && c <= 0x206F) || c == 0x3000 || c == 0xFEFF;
}

static void
tokenize(const char *str, tokens *t)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	size_t stored = 0; /* code points in t->cp */
	bool in_word = false;

	/*
	 * Joined with spaces, n words take stored + n - 1 code points; a code
	 * point is kept only while that stays within STW_CMP_MAX_CP.
	 */
	t->n = 0;
	while (*s) {
		uint32_t c = next_cp(&s);
		if (is_apostrophe(c))
			continue;
		if (is_separator(c)) {
			in_word = false;
			continue;
		}
		if (!in_word) {
			if (t->n == STW_CMP_MAX_TOKENS ||
			    stored + t->n + 1 > STW_CMP_MAX_CP)
				break;
			t->off[t->n] = (uint16_t)stored;
			t->len[t->n] = 0;
			t->n++;
			in_word = true;
		} else if (stored + t->n > STW_CMP_MAX_CP) {
			break;
		}
		t->cp[stored++] = fold_case(c);
		t->len[t->n - 1]++;
	}
}

static int
tok_cmp(const tokens *t, size_t x, size_t y)
{
	const uint32_t *a = t->cp + t->off[x], *b = t->cp + t->off[y];
	size_t la = t->len[x], lb = t->len[y];
	for (size_t i = 0; i < la && i < lb; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return la < lb ? -1 : la > lb;
}

static int
tok_cmp2(const tokens *ta, size_t x, const tokens *tb, size_t y)
{
	const uint32_t *a = ta->cp + ta->off[x], *b = tb->cp + tb->off[y];
	size_t la = ta->len[x], lb = tb->len[y];
	for (size_t i = 0; i < la && i < lb; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return la < lb ? -1 : la > lb;
}

/* Sorts the word indices of t into idx; returns their count. With dedup,
 * equal words appear once. */
static size_t
sort_tokens(const tokens *t, uint8_t *idx, bool dedup)
{
	size_t n = 0;
	for (size_t i = 0; i < t->n; i++) {
		size_t k = n;
		while (k > 0 && tok_cmp(t, idx[k - 1], i) > 0)
			k--;
		if (dedup && k > 0 && tok_cmp(t, idx[k - 1], i) == 0)
			continue;
		memmove(idx + k + 1, idx + k, n - k);
		idx[k] = (uint8_t)i;
		n++;
	}
	return n;
}

/* Appends the chosen words of t to out (length *n) separated by spaces. */
static void
join_tokens(const tokens *t, const uint8_t *idx, size_t nidx, uint32_t *out,
    size_t *n)
{
	for (size_t i = 0; i < nidx; i++) {
		if (*n > 0)
			out[(*n)++] = ' ';
		memcpy(out + *n, t->cp + t->off[idx[i]],
		    t->len[idx[i]] * sizeof(uint32_t));
		*n += t->len[idx[i]];
	}
}

double
stw_token_jaccard(const char *a, const char *b)
{
	tokens ta, tb;
	uint8_t ia[STW_CMP_MAX_TOKENS], ib[STW_CMP_MAX_TOKENS];

	tokenize(a, &ta);
	tokenize(b, &tb);
	size_t na = sort_tokens(&ta, ia, true);
	size_t nb = sort_tokens(&tb, ib, true);
	if (na == 0 && nb == 0)
		return 1.0;
	if (na == 0 || nb == 0)
		return 0.0;

	size_t common = 0, i = 0, j = 0;
	while (i < na && j < nb) {
		int c = tok_cmp2(&ta, ia[i], &tb, ib[j]);
		if (c == 0) {
			common++;
			i++;
			j++;
		} else if (c < 0) {
			i++;
		} else {
			j++;
		}
	}
	return (double)common / (double)(na + nb - common);
}

double
stw_token_sort(const char *a, const char *b)
{
	tokens ta, tb;
	uint8_t ia[STW_CMP_MAX_TOKENS], ib[STW_CMP_MAX_TOKENS];
	uint32_t ja[STW_CMP_MAX_CP], jb[STW_CMP_MAX_CP];
	size_t la = 0, lb = 0;

	tokenize(a, &ta);
	tokenize(b, &tb);
	join_tokens(&ta, ia, sort_tokens(&ta, ia, false), ja, &la);
	join_tokens(&tb, ib, sort_tokens(&tb, ib, false), jb, &lb);
	return lev_sim_cp(ja, la, jb, lb);
}

double
stw_token_set(const char *a, const char *b)
{
	tokens ta, tb;
	uint8_t ia[STW_CMP_MAX_TOKENS], ib[STW_CMP_MAX_TOKENS];
	uint8_t both[STW_CMP_MAX_TOKENS], only_a[STW_CMP_MAX_TOKENS];
	uint8_t only_b[STW_CMP_MAX_TOKENS];
	size_t nboth = 0, nonly_a = 0, nonly_b = 0;
	uint32_t t0[STW_CMP_MAX_CP], t1[STW_CMP_MAX_CP], t2[STW_CMP_MAX_CP];
	size_t l0 = 0, l1 = 0, l2 = 0;

	tokenize(a, &ta);
	tokenize(b, &tb);
	size_t na = sort_tokens(&ta, ia, true);
	size_t nb = sort_tokens(&tb, ib, true);
	if (na == 0 && nb == 0)
		return 1.0;
	if (na == 0 || nb == 0)
		return 0.0;

	size_t i = 0, j = 0;
	while (i < na || j < nb) {
		int c = i == na ? 1 : j == nb ? -1 :
		    tok_cmp2(&ta, ia[i], &tb, ib[j]);
		if (c == 0) {
			both[nboth++] = ia[i++];
			j++;
		} else if (c < 0) {
			only_a[nonly_a++] = ia[i++];
		} else {
			only_b[nonly_b++] = ib[j++];
		}
	}

	/* I, I + DA and I + DB; the sorted words of a string fit, so these do. */
	join_tokens(&ta, both, nboth, t0, &l0);
	memcpy(t1, t0, l0 * sizeof(uint32_t));
	l1 = l0;
	join_tokens(&ta, only_a, nonly_a, t1, &l1);
	memcpy(t2, t0, l0 * sizeof(uint32_t));
	l2 = l0;
	join_tokens(&tb, only_b, nonly_b, t2, &l2);

	double best = lev_sim_cp(t1, l1, t2, l2);
	if (nboth > 0) {
		double s = lev_sim_cp(t0, l0, t1, l1);
		if (s > best)
			best = s;
		s = lev_sim_cp(t0, l0, t2, l2);
		if (s > best)
			best = s;
	}
	return best;
}

/* ==== Exact comparison ==== */

stw_tri
stw_exact(const char *a, const char *b)
{
	if (!a || !b || !*a || !*b)
		return STW_TRI_MISSING;
	return strcmp(a, b) == 0 ? STW_TRI_SAME : STW_TRI_DIFF;
}

stw_tri
stw_exact_ci(const char *a, const char *b)
{
	if (!a || !b || !*a || !*b)
		return STW_TRI_MISSING;
	for (;; a++, b++) {
		unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
		if (x >= 'A' && x <= 'Z')
			x += 32;
		if (y >= 'A' && y <= 'Z')
			y += 32;
		if (x != y)
			return STW_TRI_DIFF;
		if (!x)
			return STW_TRI_SAME;
	}
}

/* ==== Numbers and dates ==== */

double
stw_abs_diff(double a, double b)
{
	return fabs(a - b);
}

double
stw_rel_diff(double a, double b)
{
	if (isnan(a) || isnan(b))
		return NAN;
	if (a == b)
		return 0.0;
	double m = fmax(fabs(a), fabs(b));
	if (isinf(m))
		return isinf(a) && isinf(b) ? 2.0 : 1.0;
	return fabs(a - b) / m;
}

static int
two_digits(const char *s)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	return (s[0] - '0') * 10 + (s[1] - '0');
}

static bool
parse_ymd(const char *s, int *y, int *m, int *d)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	int hi = two_digits(s), lo = two_digits(s + 2);
	*m = two_digits(s + 5);
	*d = two_digits(s + 8);
	if (hi < 0 || lo < 0 || *m < 1 || *m > 12 || *d < 1)
		return false;
	*y = hi * 100 + lo;
	if (*y == 0)
		return false;
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
	int last = mdays[*m - 1] + (*m == 2 && leap);
	return *d <= last;
}

/*
 * Day number of a proleptic Gregorian date, counted from 1970-01-01. The
 * year is taken to start in March so that the leap day falls last; then a
 * 400-year cycle has 146097 days and day-of-year follows a linear formula
 * in the shifted month (30.6 days a month on average).
 */
static int32_t
days_from_civil(int y, int m, int d)
{
	if (m <= 2)
		y--;
	int era = y / 400;                              /* y >= 0 here */
	int yoe = y - era * 400;                        /* [0, 399] */
	int mp = m > 2 ? m - 3 : m + 9;                 /* March = 0 */
	int doy = (153 * mp + 2) / 5 + d - 1;           /* [0, 365] */
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

bool
stw_date_parse(const char *s, int32_t *days)
{
	int y, m, d;
	if (!parse_ymd(s, &y, &m, &d))
		return false;
	if (days)
		*days = days_from_civil(y, m, d);
	return true;
}

bool
stw_date_distance(const char *a, const char *b, int32_t *days)
{
	int32_t da, db;
	if (!stw_date_parse(a, &da) || !stw_date_parse(b, &db))
		return false;
	if (days)
		*days = da > db ? da - db : db - da;
	return true;
}

bool
stw_date_swapped(const char *a, const char *b)
{
	int ya, ma, da, yb, mb, db;
	if (!parse_ymd(a, &ya, &ma, &da) || !parse_ymd(b, &yb, &mb, &db))
		return false;
	return ya == yb && ma == db && da == mb && ma != da;
}
