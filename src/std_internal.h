/*
 * Shared internals of the standardizers (std_*.c): UTF-8 stepping, the
 * small case and folding tables, whitespace classes and result building.
 * Not part of the public API; only std_*.c include this header.
 */
#ifndef STW_STD_INTERNAL_H
#define STW_STD_INTERNAL_H

#include "std.h"
#include "util.h"

#include <stddef.h>
#include <stdint.h>

/* Code point reported for a byte that does not start valid UTF-8. */
#define STW_STDI_BAD 0xFFFFFFFFu

/*
 * Decodes the code point at s (which must not be at the terminating NUL)
 * into *cp and returns the number of bytes it takes (1..4). A byte that
 * does not start a well-formed sequence gives *cp = STW_STDI_BAD and 1.
 * Never reads past a NUL.
 */
size_t stw_stdi_decode(const char *s, uint32_t *cp);

/* Appends the UTF-8 encoding of cp to b. */
void stw_stdi_encode(stw_buf *b, uint32_t cp);

/* Simple case mappings (identity for code points without one). */
uint32_t stw_stdi_lower(uint32_t cp);
uint32_t stw_stdi_upper(uint32_t cp);
/* True for letters that have a case mapping (ß and ĸ count as neither). */
bool stw_stdi_is_upper(uint32_t cp);
bool stw_stdi_is_lower(uint32_t cp);
/* True for letters and digits as far as the tables know (ASCII, Latin, Cyrillic, Greek). */
bool stw_stdi_is_alnum(uint32_t cp);

/* Whitespace that stw_std_whitespace turns into one space. */
bool stw_stdi_is_space(uint32_t cp);
/* Invisible characters that stw_std_whitespace removes. */
bool stw_stdi_is_invisible(uint32_t cp);

/*
 * Appends the folded form of cp (lower case, Latin diacritics stripped,
 * ß -> ss ...) to b.
 */
void stw_stdi_fold_cp(stw_buf *b, uint32_t cp);

/*
 * stw_std_fold_opts(in, STW_FOLD_PUNCT) with each '&' read as " and ", the
 * key form of company and country names. The caller frees the result.
 */
char *stw_stdi_fold_and(const char *in);

/*
 * stw_std_fold_opts(in, flags) into out (size bytes) when in is all ASCII
 * and its folded form fits; false otherwise (out is then undefined), and
 * the caller folds with stw_std_fold_opts. Spares an allocation for the
 * short values most fields hold.
 */
bool stw_stdi_fold_ascii(const char *in, unsigned flags, char *out, size_t size);

/*
 * The whitespace-tidied copy of in (see stw_std_whitespace); "" for NULL.
 * The caller frees it.
 */
char *stw_stdi_tidy(const char *in);

/*
 * The whitespace-tidied form of in (NULL: "") in buf when it fits in size
 * bytes, else in a new allocation; returns where. Release with
 * "if (t != buf) free(t)". Spares an allocation for short values.
 */
char *stw_stdi_tidy_in(const char *in, char *buf, size_t size);

/*
 * Writes the whitespace-tidied form of in (not NULL) to out and returns its
 * length. The tidied form is never longer than in (a run of blanks becomes
 * at most one space, everything else is kept or dropped), so out needs
 * strlen(in) + 1 bytes; it must not overlap in.
 */
size_t stw_stdi_tidy_to(const char *in, char *out);

/* Sets out->why with printf formatting (truncated to fit). */
void stw_stdi_why(stw_std_result *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Sets out->why to the concatenation of the strings given (the list ends
 * with NULL), truncated to fit as stw_stdi_why truncates. For the reasons
 * given on every call, where formatting would cost more than the rest.
 */
void stw_stdi_why_cat(stw_std_result *out, ...) __attribute__((sentinel));

/*
 * Fills out (which must be freed or fresh) with status and a copy of value
 * (NULL allowed) and clears extra and why.
 */
void stw_stdi_set(stw_std_result *out, stw_std_status status, const char *value);

/*
 * Fills out with SAME when cand equals in, else CHANGED with a copy of cand.
 * why is left empty; the caller may set it afterwards.
 */
void stw_stdi_same_or_changed(stw_std_result *out, const char *in, const char *cand);

/*
 * A hash index over a constant table whose entries each begin with a
 * string key (a list of words, or pairs such as {typo, fix}), so that a
 * lookup costs one hash and usually one comparison where a scan costs one
 * per entry. Declare one per table with static storage:
 *
 *   static stw_stdi_words index = {.table = words, .n = COUNT(words),
 *                                  .stride = sizeof words[0]};
 *
 * The index is built on the first lookup (safe from any thread). A lookup
 * answers what a scan of the table from the start would: the first entry
 * whose key equals the one asked.
 */
#define STW_STDI_WORDS_SLOTS 256 /* tables of up to half as many entries */

typedef struct {
	const void *table;  /* the first entry */
	size_t      n;      /* entries */
	size_t      stride; /* bytes from one entry to the next */
	_Atomic int ready;  /* the slots are built */
	uint16_t    slot[STW_STDI_WORDS_SLOTS]; /* entry index + 1, 0 when free */
} stw_stdi_words;

/* The index of the first entry whose key is the len bytes at key, or -1. */
int stw_stdi_words_find(stw_stdi_words *w, const char *key, size_t len);

/* True when the NUL-terminated key is in the table. */
bool stw_stdi_words_has(stw_stdi_words *w, const char *key);

/* ASCII-only helpers that do not depend on the locale. */
int stw_stdi_ascii_lower(int c);
int stw_stdi_strcasecmp(const char *a, const char *b);
bool stw_stdi_is_digit(int c);
bool stw_stdi_is_alpha(int c);

/* Country table (std_countries.c). */
typedef struct {
	const char *alpha2;
	const char *alpha3;
	const char *name;  /* English short name */
	int         calling_code; /* 0 when none */
} stw_stdi_country;

/* The whole table and its length. */
const stw_stdi_country *stw_stdi_countries(size_t *n);
/* Finds a country by alpha-2 code (case-insensitive); NULL if unknown. */
const stw_stdi_country *stw_stdi_country_by_alpha2(const char *alpha2);
/*
 * Resolves a country field to its entry as stw_std_country does; NULL when
 * unknown or ambiguous. *guess is set when the match is only likely.
 */
const stw_stdi_country *stw_stdi_country_resolve(const char *in, bool *guess);

#endif
