/*
 * Phonetic codes for names: American Soundex and Double Metaphone.
 *
 * Both reduce a name to a short code so that names which sound alike share
 * it (blocking keys, and a graded "sounds alike" level in comparisons). They
 * are designed for names written in the Latin alphabet: input is UTF-8,
 * accented Latin letters are folded to their base letters first (stw_fold_
 * latin in cmp.h), and everything else apart from letters is ignored. All
 * functions are pure, thread-safe and allocate nothing; the caller provides
 * the output storage. NULL input is treated as the empty string.
 */
#ifndef STW_PHONETIC_H
#define STW_PHONETIC_H

#include <stdbool.h>
#include <stddef.h>

/* ==== Soundex (phonetic.c) ==== */

/*
 * American Soundex as the US National Archives use it: the first letter,
 * then three digits (B F P V = 1; C G J K Q S X Z = 2; D T = 3; L = 4;
 * M N = 5; R = 6), equal digits of adjacent letters coded once, vowels and
 * Y separating them, H and W not separating them, zero-padded ("Robert" and
 * "Rupert" R163, "Ashcraft" A261, "Tymczak" T522, "Pfister" P236).
 * Writes the code and a NUL into out. Returns false, with out set to "",
 * when s contains no Latin letter.
 */
bool stw_soundex(const char *s, char out[5]);

/* ==== Double Metaphone (metaphone.c) ==== */

/* Default and largest code length for stw_dmetaphone(). */
#define STW_DMETA_DEFAULT_LEN 4
#define STW_DMETA_MAX_LEN     32

/* The two codes of a name. */
typedef struct {
	char primary[STW_DMETA_MAX_LEN + 1];   /* the most likely sound */
	char alternate[STW_DMETA_MAX_LEN + 1]; /* another reading; equal to
	                                          primary when there is none */
} stw_dmeta;

/*
 * Lawrence Philips' Double Metaphone ("The Double Metaphone Search
 * Algorithm", C/C++ Users Journal, June 2000). Codes use the letters
 * A F H J K L M N P R S T X and 0 (zero, for "th"); A stands for a vowel at
 * the start of the name. max_len caps each code (0 means
 * STW_DMETA_DEFAULT_LEN, values above STW_DMETA_MAX_LEN are clamped). Only
 * the first 256 bytes of the folded name are examined. A name without
 * letters gives two empty codes. Examples: "Smith" SM0/XMT, "Schmidt"
 * XMT/SMT, "Xavier" SF/SFR, "Knight" NT.
 */
void stw_dmetaphone(const char *s, size_t max_len, stw_dmeta *out);

/* How two Double Metaphone results relate, strongest first. */
typedef enum {
	STW_DMETA_NONE = 0,      /* no code in common (or a code is empty) */
	STW_DMETA_ALTERNATE = 1, /* they share a code, not both primaries */
	STW_DMETA_PRIMARY = 2,   /* the primary codes are equal */
} stw_dmeta_level;

/* Compares two results; empty codes never match anything. */
stw_dmeta_level stw_dmeta_compare(const stw_dmeta *a, const stw_dmeta *b);

#endif
