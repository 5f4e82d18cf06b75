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
 * The whitespace-tidied copy of in (see stw_std_whitespace); "" for NULL.
 * The caller frees it.
 */
char *stw_stdi_tidy(const char *in);

/* Sets out->why with printf formatting (truncated to fit). */
void stw_stdi_why(stw_std_result *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

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
