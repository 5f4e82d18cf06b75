/*
 * American Soundex.
 *
 * The name is read as a stream of Latin letters (accents folded, anything
 * else skipped). Each letter has a digit, or none for the vowels A E I O U
 * Y and for H and W. A digit is written unless it equals the digit last
 * seen with only H or W in between (the National Archives rule that makes
 * "Ashcraft" A261, not A226); a vowel resets that memory, so "Tymczak"
 * keeps both its 2s apart from the Z/C run. The first letter is written as
 * itself but its digit still counts as the one last seen ("Pfister" P236).
 * The Double Metaphone is in metaphone.c.
 */
#include "phonetic.h"
#include "cmp.h"

#include <string.h>

/* Digit for each letter A..Z; '0' for vowels, '-' for H and W. */
static const char soundex_digit[26] = {
	'0', '1', '2', '3', '0', '1', '2', '-', '0', '2', '2', '4', '5',
	'5', '0', '1', '2', '6', '2', '3', '0', '1', '-', '2', '0', '2',
};

bool
stw_soundex(const char *s, char out[5])
{
	uint32_t cps[STW_CMP_MAX_CP];
	size_t n = stw_utf8_decode(s, cps, STW_CMP_MAX_CP);
	size_t len = 0;
	char last = 0;

	for (size_t i = 0; i < n && len < 4; i++) {
		const char *f = stw_fold_latin(cps[i]);
		if (!f)
			continue;
		/* A ligature such as "ae" or "ss" contributes each letter. */
		for (; *f && len < 4; f++) {
			char digit = soundex_digit[*f - 'a'];
			if (len == 0) {
				out[len++] = (char)(*f - 'a' + 'A');
				last = digit;
				continue;
			}
			if (digit == '-')
				continue;       /* H, W: transparent */
			if (digit == '0') {
				last = 0;       /* vowel: separates */
				continue;
			}
			if (digit != last)
				out[len++] = digit;
			last = digit;
		}
	}
	if (len == 0) {
		out[0] = '\0';
		return false;
	}
	while (len < 4)
		out[len++] = '0';
	out[4] = '\0';
	return true;
}
