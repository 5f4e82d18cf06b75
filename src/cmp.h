/*
 * Field comparators: the primitives the matcher applies to each field of a
 * candidate pair before weighting the outcome.
 *
 * Every function here is pure and thread-safe, allocates nothing and works
 * on Unicode code points decoded from UTF-8, not on bytes. A NULL string is
 * treated as the empty string. A byte that is not part of well-formed UTF-8
 * counts as one code point of its own (distinct from every real character
 * and from every other bad byte), so bad input never crashes and never
 * compares equal to good input by accident.
 *
 * To stay allocation-free, the string comparators look at no more than the
 * first STW_CMP_MAX_CP code points of each argument; anything after that is
 * ignored (truncated). Names, e-mail addresses and company names are far
 * shorter; for longer text the results describe the first 256 code points.
 *
 * String comparators are case-sensitive and compare code points exactly
 * (the standardizers fold case and spacing first), except the token
 * comparators, which fold case themselves.
 */
#ifndef STW_CMP_H
#define STW_CMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Code points of each argument that the string comparators consider. */
#define STW_CMP_MAX_CP 256

/* "No bound" for the max parameter of the edit distances. */
#define STW_DIST_UNBOUNDED SIZE_MAX

/* ==== Decoding and folding ==== */

/*
 * Decodes up to cap code points of the NUL-terminated UTF-8 string s (NULL:
 * empty) into out and returns how many were written. A malformed byte
 * becomes 0xDC00 + byte (a lone surrogate, never produced by valid input).
 * Decoding stops silently at cap.
 */
size_t stw_utf8_decode(const char *s, uint32_t *out, size_t cap);

/*
 * The lower-case ASCII spelling of one code point from the Latin ranges
 * (ASCII letters, Latin-1 Supplement, Latin Extended-A): "e" for U+00C9,
 * "ss" for U+00DF, "ae" for U+00C6. NULL for anything else (digits,
 * punctuation, other scripts). Static storage.
 */
const char *stw_fold_latin(uint32_t cp);

/*
 * Writes into out (outsz bytes, at least 1) the lower-case ASCII form of s:
 * ASCII letters are lower-cased, Latin accented letters are replaced by
 * stw_fold_latin(), ASCII digits, spaces and punctuation are copied, and any
 * other code point is dropped. out is always NUL-terminated. Returns true
 * when nothing was dropped and the result was not truncated.
 */
bool stw_ascii_fold(const char *s, char *out, size_t outsz);

/* ==== Jaro and Jaro-Winkler ==== */

/*
 * Jaro similarity in [0, 1] over code points. Two empty strings are
 * identical (1.0); one empty string against a non-empty one gives 0.0.
 */
double stw_jaro(const char *a, const char *b);

/*
 * Jaro-Winkler similarity in [0, 1] with Winkler's constants: prefix scale
 * 0.1, common prefix of at most 4 code points, and the prefix boost applied
 * only when the Jaro similarity is above 0.7 (Winkler's boost threshold).
 */
double stw_jaro_winkler(const char *a, const char *b);

/*
 * Jaro-Winkler with a chosen prefix scale p (0 to 0.25; larger values are
 * clamped to 0.25 so the result stays within [0, 1]) and boost threshold
 * (the boost applies when Jaro > boost_threshold; pass 0 to always boost).
 */
double stw_jaro_winkler_ex(const char *a, const char *b, double p,
    double boost_threshold);

/* ==== Edit distances ==== */

/*
 * Levenshtein distance (insertions, deletions, substitutions, each cost 1)
 * over code points. When the distance exceeds max the computation stops
 * early and max + 1 is returned; pass STW_DIST_UNBOUNDED for the exact value.
 */
size_t stw_levenshtein(const char *a, const char *b, size_t max);

/*
 * Damerau-Levenshtein distance in its optimal string alignment form (OSA,
 * also called restricted edit distance): like Levenshtein, plus the
 * transposition of two adjacent code points at cost 1, where no substring
 * may be edited more than once. So OSA("CA", "ABC") is 3, whereas the
 * unrestricted Damerau-Levenshtein distance is 2 (CA -> AC -> ABC). OSA is
 * what typing errors call for and is cheaper to compute. Bound as for
 * stw_levenshtein().
 */
size_t stw_osa(const char *a, const char *b, size_t max);

/*
 * Normalised similarities 1 - d / max(len(a), len(b)) in [0, 1], lengths in
 * code points; two empty strings give 1.0.
 */
double stw_levenshtein_sim(const char *a, const char *b);
double stw_osa_sim(const char *a, const char *b);

/* ==== Token comparators ==== */

/*
 * The token comparators split each string into words at whitespace and
 * punctuation (ASCII non-alphanumerics, U+00A0 and the General Punctuation
 * block), fold case (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic),
 * and keep at most STW_CMP_MAX_TOKENS words. A string with no word compares
 * as empty: two of them give 1.0, one of them against a non-empty string
 * gives 0.0.
 */
#define STW_CMP_MAX_TOKENS 64

/* Jaccard index |A ∩ B| / |A ∪ B| of the two sets of words. */
double stw_token_jaccard(const char *a, const char *b);

/*
 * Token-sort ratio: the words of each string sorted and joined with single
 * spaces, then compared with stw_levenshtein_sim(). Word order does not
 * matter: "Smith John" against "John Smith" gives 1.0.
 */
double stw_token_sort(const char *a, const char *b);

/*
 * Token-set ratio: with I the sorted common words and DA, DB the sorted
 * words found in only one string, the best Levenshtein similarity among
 * (I, I+DA), (I, I+DB) and (I+DA, I+DB). When the words of one string are
 * a subset of the other's the result is 1.0 ("Acme" against "Acme Holdings
 * International"), so it suits company names with extra words; pair it with
 * a stricter comparator, since "Acme" alone carries little evidence.
 */
double stw_token_set(const char *a, const char *b);

/* ==== Exact comparison ==== */

/* Outcome of a comparison that knows about missing values. */
typedef enum {
	STW_TRI_MISSING = -1, /* either value is NULL or empty: no evidence */
	STW_TRI_DIFF    = 0,  /* both present and different */
	STW_TRI_SAME    = 1,  /* both present and equal */
} stw_tri;

/* Byte-exact comparison; NULL or "" on either side gives STW_TRI_MISSING. */
stw_tri stw_exact(const char *a, const char *b);

/* As stw_exact(), ignoring ASCII case. */
stw_tri stw_exact_ci(const char *a, const char *b);

/* ==== Numbers and dates ==== */

/* |a - b|. NaN when either is NaN. */
double stw_abs_diff(double a, double b);

/*
 * Relative difference |a - b| / max(|a|, |b|) in [0, 2]; 0 when both are
 * zero (or equal), NaN when either is NaN.
 */
double stw_rel_diff(double a, double b);

/*
 * Parses an ISO 8601 calendar date "YYYY-MM-DD" (exactly ten characters,
 * year 0001 to 9999, a day that exists in that month of the proleptic
 * Gregorian calendar). On success stores the day number (days since
 * 1970-01-01, negative before) in *days (if not NULL) and returns true; on
 * failure returns false and leaves *days unchanged.
 */
bool stw_date_parse(const char *s, int32_t *days);

/*
 * Distance in days between two ISO dates (always >= 0). Returns false, and
 * leaves *days unchanged, when either date does not parse.
 */
bool stw_date_distance(const char *a, const char *b, int32_t *days);

/*
 * True when a and b both parse, differ, and are the same date with day and
 * month swapped (2024-03-04 against 2024-04-03), the usual trace of a US
 * date read as European or the reverse.
 */
bool stw_date_swapped(const char *a, const char *b);

#endif
