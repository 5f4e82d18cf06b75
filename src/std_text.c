/*
 * Text standardizers: whitespace, the case of names and places, folding
 * into matching keys, and mojibake repair; plus the UTF-8, case and result
 * helpers the other std_*.c files share (std_internal.h).
 *
 * The case tables are hand-written ranges covering ASCII, Latin-1
 * Supplement, Latin Extended-A, the Romanian and Vietnamese letters of
 * Latin Extended-B, Latin Extended Additional and basic Cyrillic. That is
 * what CRM name fields hold in practice; other scripts pass through
 * untouched, never recased wrongly.
 */
#include "decode.h"
#include "std_internal.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== Results ==== */

void
stw_std_result_free(stw_std_result *r)
{
	if (!r)
		return;
	free(r->value);
	free(r->extra);
	r->value = NULL;
	r->extra = NULL;
	r->status = STW_STD_SAME;
	r->why[0] = '\0';
}

const char *
stw_std_status_name(stw_std_status s)
{
	switch (s) {
	case STW_STD_SAME:    return "same";
	case STW_STD_CHANGED: return "changed";
	case STW_STD_SUGGEST: return "suggest";
	case STW_STD_INVALID: return "invalid";
	case STW_STD_EMPTY:   return "empty";
	}
	return "unknown";
}

void
stw_stdi_why(stw_std_result *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(out->why, sizeof out->why, fmt, ap);
	va_end(ap);
}

void
stw_stdi_why_cat(stw_std_result *out, ...)
{
	va_list ap;
	size_t len = 0, room = sizeof out->why - 1;
	va_start(ap, out);
	for (const char *s; (s = va_arg(ap, const char *)) != NULL && len < room;) {
		size_t n = strlen(s);
		if (n > room - len)
			n = room - len;
		memcpy(out->why + len, s, n);
		len += n;
	}
	va_end(ap);
	out->why[len] = '\0';
}

void
stw_stdi_set(stw_std_result *out, stw_std_status status, const char *value)
{
	out->status = status;
	out->value = value ? stw_xstrdup(value) : NULL;
	out->extra = NULL;
	out->why[0] = '\0';
}

void
stw_stdi_same_or_changed(stw_std_result *out, const char *in, const char *cand)
{
	if (strcmp(in ? in : "", cand) == 0)
		stw_stdi_set(out, STW_STD_SAME, NULL);
	else
		stw_stdi_set(out, STW_STD_CHANGED, cand);
}

int
stw_stdi_ascii_lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

int
stw_stdi_strcasecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = stw_stdi_ascii_lower((unsigned char)*a);
		int cb = stw_stdi_ascii_lower((unsigned char)*b);
		if (ca != cb || ca == 0)
			return ca - cb;
	}
}

bool
stw_stdi_is_digit(int c)
{
	return c >= '0' && c <= '9';
}

bool
stw_stdi_is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* ==== Word tables ==== */

static pthread_mutex_t words_lock = PTHREAD_MUTEX_INITIALIZER;

static const char *
words_key(const stw_stdi_words *w, size_t i)
{
	return *(const char *const *)(const void *)((const char *)w->table + i * w->stride);
}

static uint32_t
words_hash(const char *key, size_t len)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)key[i];
		h *= 16777619u;
	}
	return h ^ (h >> 15);
}

/* Open addressing with linear probing; a key already placed keeps its slot. */
static void
words_build(stw_stdi_words *w)
{
	for (size_t i = 0; i < w->n; i++) {
		const char *k = words_key(w, i);
		size_t len = strlen(k);
		uint32_t h = words_hash(k, len) % STW_STDI_WORDS_SLOTS;
		for (;; h = (h + 1) % STW_STDI_WORDS_SLOTS) {
			if (!w->slot[h]) {
				w->slot[h] = (uint16_t)(i + 1);
				break;
			}
			if (strcmp(words_key(w, w->slot[h] - 1u), k) == 0)
				break; /* a duplicate: the first one answers */
		}
	}
}

int
stw_stdi_words_find(stw_stdi_words *w, const char *key, size_t len)
{
	if (w->n > STW_STDI_WORDS_SLOTS / 2) {
		/* too large for the slots: scan */
		for (size_t i = 0; i < w->n; i++) {
			const char *k = words_key(w, i);
			if (strncmp(k, key, len) == 0 && k[len] == '\0')
				return (int)i;
		}
		return -1;
	}
	if (!atomic_load_explicit(&w->ready, memory_order_acquire)) {
		pthread_mutex_lock(&words_lock);
		if (!atomic_load_explicit(&w->ready, memory_order_relaxed)) {
			words_build(w);
			atomic_store_explicit(&w->ready, 1, memory_order_release);
		}
		pthread_mutex_unlock(&words_lock);
	}
	for (uint32_t h = words_hash(key, len) % STW_STDI_WORDS_SLOTS;;
	     h = (h + 1) % STW_STDI_WORDS_SLOTS) {
		uint16_t e = w->slot[h];
		if (!e)
			return -1;
		const char *k = words_key(w, e - 1u);
		if ((len == 0 || k[0] == key[0]) && strncmp(k, key, len) == 0 && k[len] == '\0')
			return e - 1;
	}
}

bool
stw_stdi_words_has(stw_stdi_words *w, const char *key)
{
	return stw_stdi_words_find(w, key, strlen(key)) >= 0;
}

/* ==== UTF-8 ==== */

size_t
stw_stdi_decode(const char *str, uint32_t *cp)
{
	size_t len = stw_utf8_next(str, 4, cp);
	if (len == 0) {
		*cp = STW_STDI_BAD;
		return 1;
	}
	return len;
}

void
stw_stdi_encode(stw_buf *b, uint32_t cp)
{
	char tmp[4];
	size_t n;

	if (cp < 0x80) {
		tmp[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		tmp[0] = (char)(0xC0 | (cp >> 6));
		tmp[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		tmp[0] = (char)(0xE0 | (cp >> 12));
		tmp[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		tmp[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		tmp[0] = (char)(0xF0 | (cp >> 18));
		tmp[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		tmp[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		tmp[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	stw_buf_add(b, tmp, n);
}

/* ==== Case ==== */

/* Ranges where upper and lower case alternate: parity says which is upper. */
static const struct {
	uint32_t lo, hi;
	int upper_odd; /* 1: odd code points are upper case */
} alternating[] = {
	{0x0100, 0x012F, 0}, {0x0132, 0x0137, 0}, {0x0139, 0x0148, 1},
	{0x014A, 0x0177, 0}, {0x0179, 0x017E, 1}, {0x01A0, 0x01A1, 0},
	{0x01AF, 0x01B0, 1}, {0x0218, 0x021B, 0}, {0x1E00, 0x1E95, 0},
	{0x1EA0, 0x1EFF, 0},
};

uint32_t
stw_stdi_lower(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp < 0xC0)
		return cp;
	if (cp <= 0xDE && cp != 0xD7)
		return cp + 0x20;
	if (cp == 0x0130)
		return 'i';
	if (cp == 0x0178)
		return 0xFF;
	for (size_t i = 0; i < sizeof alternating / sizeof alternating[0]; i++)
		if (cp >= alternating[i].lo && cp <= alternating[i].hi) {
			bool odd = cp & 1;
			if (odd == (bool)alternating[i].upper_odd)
				return cp + 1;
			return cp;
		}
	if (cp >= 0x0410 && cp <= 0x042F)
		return cp + 0x20;
	if (cp >= 0x0400 && cp <= 0x040F)
		return cp + 0x50;
	return cp;
}

uint32_t
stw_stdi_upper(uint32_t cp)
{
	if (cp >= 'a' && cp <= 'z')
		return cp - 32;
	if (cp < 0xE0)
		return cp;
	if (cp <= 0xFE && cp != 0xF7)
		return cp - 0x20;
	if (cp == 0xFF)
		return 0x0178;
	if (cp == 0x0131)
		return 'I';
	for (size_t i = 0; i < sizeof alternating / sizeof alternating[0]; i++)
		if (cp >= alternating[i].lo && cp <= alternating[i].hi) {
			bool odd = cp & 1;
			if (odd != (bool)alternating[i].upper_odd && cp > alternating[i].lo)
				return cp - 1;
			return cp;
		}
	if (cp >= 0x0430 && cp <= 0x044F)
		return cp - 0x20;
	if (cp >= 0x0450 && cp <= 0x045F)
		return cp - 0x50;
	return cp;
}

bool
stw_stdi_is_upper(uint32_t cp)
{
	return stw_stdi_lower(cp) != cp;
}

bool
stw_stdi_is_lower(uint32_t cp)
{
	return stw_stdi_upper(cp) != cp;
}

bool
stw_stdi_is_alnum(uint32_t cp)
{
	if (cp < 0x80)
		return stw_stdi_is_alpha((int)cp) || stw_stdi_is_digit((int)cp);
	if (cp == 0xD7 || cp == 0xF7)
		return false;
	return (cp >= 0xC0 && cp <= 0x024F) || (cp >= 0x0370 && cp <= 0x03FF) ||
	       (cp >= 0x0400 && cp <= 0x04FF) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

/* ==== Whitespace ==== */

bool
stw_stdi_is_space(uint32_t cp)
{
	return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 ||
	       cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
	       cp == 0x3000;
}

bool
stw_stdi_is_invisible(uint32_t cp)
{
	return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF ||
	       cp == 0xAD || cp < 0x09 || (cp >= 0x0E && cp < 0x20) || cp == 0x7F;
}

size_t
stw_stdi_tidy_to(const char *in, char *out)
{
	size_t len = 0;
	bool pending_space = false;

	for (const unsigned char *p = (const unsigned char *)in; *p;) {
		unsigned char c = *p;
		if (c < 0x80) {
			/* ASCII needs no decoding: the same classes as below */
			p++;
			if (c > ' ' && c != 0x7F) {
				if (pending_space)
					out[len++] = ' ';
				pending_space = false;
				out[len++] = (char)c;
			} else if (c == ' ' || (c >= 0x09 && c <= 0x0D)) {
				pending_space = len > 0;
			}
			continue;
		}
		uint32_t cp;
		size_t n = stw_stdi_decode((const char *)p, &cp);
		if (cp != STW_STDI_BAD && stw_stdi_is_space(cp)) {
			pending_space = len > 0;
		} else if (cp != STW_STDI_BAD && stw_stdi_is_invisible(cp)) {
			/* dropped; does not break a run of spaces */
		} else {
			if (pending_space)
				out[len++] = ' ';
			pending_space = false;
			memcpy(out + len, p, n);
			len += n;
		}
		p += n;
	}
	out[len] = '\0';
	return len;
}

char *
stw_stdi_tidy(const char *in)
{
	if (!in)
		return stw_xstrdup("");
	char *out = stw_xmalloc(strlen(in) + 1);
	stw_stdi_tidy_to(in, out);
	return out;
}

char *
stw_stdi_tidy_in(const char *in, char *buf, size_t size)
{
	if (!in)
		in = "";
	size_t n = strlen(in);
	char *t = n < size ? buf : stw_xmalloc(n + 1);
	stw_stdi_tidy_to(in, t);
	return t;
}

void
stw_std_whitespace(const char *in, stw_std_result *out)
{
	char small[128];
	char *t = stw_stdi_tidy_in(in, small, sizeof small);
	if (!*t) {
		stw_stdi_set(out, STW_STD_EMPTY, NULL);
	} else {
		stw_stdi_same_or_changed(out, in, t);
		if (out->status == STW_STD_CHANGED)
			stw_stdi_why_cat(out, "whitespace tidied", (char *)NULL);
	}
	if (t != small)
		free(t);
}

/* ==== Folding ==== */

/* Folded forms of U+00C0..U+00FF (lower case first half mirrors the upper). */
static const char *const fold_latin1[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e",
	"i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", NULL,
	"o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e",
	"i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", NULL,
	"o", "u", "u", "u", "u", "y", "th", "y",
};

static const struct {
	uint32_t lo, hi;
	const char *base;
} fold_ranges[] = {
	{0x0100, 0x0105, "a"}, {0x0106, 0x010D, "c"}, {0x010E, 0x0111, "d"},
	{0x0112, 0x011B, "e"}, {0x011C, 0x0123, "g"}, {0x0124, 0x0127, "h"},
	{0x0128, 0x0131, "i"}, {0x0132, 0x0133, "ij"}, {0x0134, 0x0135, "j"},
	{0x0136, 0x0138, "k"}, {0x0139, 0x0142, "l"}, {0x0143, 0x014B, "n"},
	{0x014C, 0x0151, "o"}, {0x0152, 0x0153, "oe"}, {0x0154, 0x0159, "r"},
	{0x015A, 0x0161, "s"}, {0x0162, 0x0167, "t"}, {0x0168, 0x0173, "u"},
	{0x0174, 0x0175, "w"}, {0x0176, 0x0178, "y"}, {0x0179, 0x017E, "z"},
	{0x017F, 0x017F, "s"}, {0x01A0, 0x01A1, "o"}, {0x01AF, 0x01B0, "u"},
	{0x0218, 0x0219, "s"}, {0x021A, 0x021B, "t"}, {0x1EA0, 0x1EB7, "a"},
	{0x1EB8, 0x1EC7, "e"}, {0x1EC8, 0x1ECB, "i"}, {0x1ECC, 0x1EE3, "o"},
	{0x1EE4, 0x1EF1, "u"}, {0x1EF2, 0x1EF9, "y"},
};

void
stw_stdi_fold_cp(stw_buf *b, uint32_t cp)
{
	if (cp < 0x80) {
		stw_buf_addc(b, (char)stw_stdi_ascii_lower((int)cp));
		return;
	}
	if (cp >= 0xC0 && cp <= 0xFF && fold_latin1[cp - 0xC0]) {
		stw_buf_adds(b, fold_latin1[cp - 0xC0]);
		return;
	}
	for (size_t i = 0; i < sizeof fold_ranges / sizeof fold_ranges[0]; i++)
		if (cp >= fold_ranges[i].lo && cp <= fold_ranges[i].hi) {
			stw_buf_adds(b, fold_ranges[i].base);
			return;
		}
	stw_stdi_encode(b, stw_stdi_lower(cp));
}

static bool
is_punct(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 0x21 && cp <= 0x2F) || (cp >= 0x3A && cp <= 0x40) ||
		       (cp >= 0x5B && cp <= 0x60) || (cp >= 0x7B && cp <= 0x7E);
	return (cp >= 0xA1 && cp <= 0xBF && cp != 0xAA && cp != 0xBA) ||
	       cp == 0xD7 || cp == 0xF7 || (cp >= 0x2010 && cp <= 0x205E);
}

static bool
is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x02BB ||
	       cp == '`' || cp == 0xB4;
}

/*
 * What folding makes of the ASCII byte c: the byte to append, ' ' for a
 * blank (a pending space), or 0 for nothing. The same steps as for other
 * code points in stw_std_fold_opts (invisible characters dropped, then
 * punctuation, blanks, lower case), without decoding or calls.
 */
static inline unsigned char
fold_ascii(unsigned char c, unsigned flags)
{
	if (c < 0x09 || (c >= 0x0E && c < 0x20) || c == 0x7F)
		return 0;
	if ((flags & STW_FOLD_PUNCT) && is_punct(c))
		return c == '\'' || c == '`' || c == '.' ? 0 : ' ';
	if (c >= 0x09 && c <= 0x0D)
		return ' ';
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* fold_ascii() of every ASCII byte, without and with STW_FOLD_PUNCT. */
static unsigned char fold_table[2][128];
static _Atomic int fold_table_ready;

static const unsigned char *
fold_table_for(unsigned flags)
{
	if (!atomic_load_explicit(&fold_table_ready, memory_order_acquire)) {
		pthread_mutex_lock(&words_lock);
		if (!atomic_load_explicit(&fold_table_ready, memory_order_relaxed)) {
			for (unsigned c = 0; c < 128; c++) {
				fold_table[0][c] = fold_ascii((unsigned char)c, 0);
				fold_table[1][c] = fold_ascii((unsigned char)c, STW_FOLD_PUNCT);
			}
			atomic_store_explicit(&fold_table_ready, 1, memory_order_release);
		}
		pthread_mutex_unlock(&words_lock);
	}
	return fold_table[(flags & STW_FOLD_PUNCT) != 0];
}

bool
stw_stdi_fold_ascii(const char *in, unsigned flags, char *out, size_t size)
{
	const unsigned char *tab = fold_table_for(flags);
	size_t len = 0;
	bool pending_space = false;
	for (const unsigned char *p = (const unsigned char *)in; *p; p++) {
		if (*p >= 0x80)
			return false;
		unsigned char c = tab[*p];
		if (c == ' ') {
			pending_space = len > 0;
		} else if (c) {
			if (len + pending_space + 2 > size)
				return false;
			if (pending_space)
				out[len++] = ' ';
			pending_space = false;
			out[len++] = (char)c;
		}
	}
	if (!size)
		return false;
	out[len] = '\0';
	return true;
}

char *
stw_std_fold_opts(const char *in, unsigned flags)
{
	stw_buf b = STW_BUF_INIT;
	bool pending_space = false;

	if (!in)
		return stw_xstrdup("");
	/* Folding rarely makes text longer: one allocation is usually all. */
	stw_buf_reserve(&b, strlen(in));
	b.data[0] = '\0';
	for (const char *p = in; *p;) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x80) {
			p++;
			c = fold_ascii(c, flags);
			if (c == ' ') {
				pending_space = b.len > 0;
			} else if (c) {
				if (pending_space)
					stw_buf_addc(&b, ' ');
				pending_space = false;
				stw_buf_addc(&b, (char)c);
			}
			continue;
		}
		uint32_t cp;
		p += stw_stdi_decode(p, &cp);
		if (cp == STW_STDI_BAD || stw_stdi_is_invisible(cp))
			continue;
		if ((flags & STW_FOLD_PUNCT) && (is_punct(cp) || is_apostrophe(cp))) {
			if (is_apostrophe(cp) || cp == '.')
				continue;
			cp = ' ';
		}
		if (stw_stdi_is_space(cp)) {
			pending_space = b.len > 0;
			continue;
		}
		if (pending_space)
			stw_buf_addc(&b, ' ');
		pending_space = false;
		stw_stdi_fold_cp(&b, cp);
	}
	return stw_buf_take(&b);
}

char *
stw_std_fold(const char *in)
{
	return stw_std_fold_opts(in, 0);
}

/* ==== Name and place case ==== */

static const char *const particles[] = {
	"van", "von", "der", "den", "dem", "de", "del", "della", "delle", "dei",
	"degli", "di", "da", "das", "dos", "du", "la", "le", "les", "ter", "ten",
	"vom", "zu", "zum", "zur", "bin", "ibn", "af", "av", "op", "het", "t",
};

/* Particles that, at the start of a value, begin a chain ("van der"). */
static const char *const chain_starts[] = {
	"van", "von", "de", "della", "di", "da", "ter", "ten", "du",
};

static const char *const mac_names[] = {
	"macdonald", "macleod", "mackenzie", "macgregor", "macarthur",
	"macmillan", "maclean", "macneil", "macneill", "macpherson", "mackay",
	"macdougall", "macfarlane", "maclennan", "mackinnon", "macaulay",
	"macrae", "macbeth", "macdowell", "macintyre", "maclaren", "macnamara",
	"macquarie", "maccallum", "maccormack", "macdermott", "macewan",
	"macfadyen", "macgillivray", "maciver", "mackintosh", "maclachlan",
	"macleish", "macmahon", "macnab", "macnaughton", "macqueen",
	"macaskill", "macinnes", "maccoll", "macdonnell", "maccarthy",
	"macalister", "macallister", "macauley", "maccready", "macgowan",
	"maclellan", "macnair", "macphail", "macritchie",
};

/* Words kept in a fixed form whatever their input case. */
static const struct {
	const char *lower, *form;
} fixed_words[] = {
	{"ii", "II"}, {"iii", "III"}, {"iv", "IV"}, {"vi", "VI"},
	{"vii", "VII"}, {"viii", "VIII"}, {"ix", "IX"}, {"phd", "PhD"},
	{"ph.d.", "Ph.D."}, {"md", "MD"}, {"m.d.", "M.D."}, {"dds", "DDS"},
	{"cpa", "CPA"}, {"mba", "MBA"}, {"jr", "Jr"}, {"jr.", "Jr."},
	{"sr", "Sr"}, {"sr.", "Sr."},
};

static bool
in_list(const char *w, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(w, list[i]) == 0)
			return true;
	return false;
}

#define IN_LIST(w, list) in_list((w), (list), sizeof(list) / sizeof((list)[0]))

/* Lower-cases a UTF-8 string (n bytes) into a new string. */
static char *
lower_copy(const char *s, size_t n)
{
	stw_buf b = STW_BUF_INIT;
	size_t i = 0;
	while (i < n && s[i]) {
		uint32_t cp;
		size_t k = stw_stdi_decode(s + i, &cp);
		if (cp == STW_STDI_BAD)
			stw_buf_add(&b, s + i, k);
		else
			stw_stdi_encode(&b, stw_stdi_lower(cp));
		i += k;
	}
	return stw_buf_take(&b);
}

/* Counts upper- and lower-case letters in s (n bytes). */
static void
count_case(const char *s, size_t n, size_t *up, size_t *lo)
{
	*up = *lo = 0;
	for (size_t i = 0; i < n && s[i];) {
		uint32_t cp;
		i += stw_stdi_decode(s + i, &cp);
		if (cp == STW_STDI_BAD)
			continue;
		if (stw_stdi_is_upper(cp))
			(*up)++;
		else if (stw_stdi_is_lower(cp))
			(*lo)++;
	}
}

/*
 * Appends one segment (no spaces or hyphens) of a word being recased,
 * already in lower case: capitalises its first letter and the letters that
 * the Mc, Mac and one-letter-apostrophe rules name.
 */
static void
add_capitalised(stw_buf *b, const char *seg, bool names)
{
	size_t letters = 0;          /* letters seen so far */
	bool cap_next = true;        /* capitalise the next letter */
	bool prev_apos_single = false;
	size_t cap_at = (size_t)-1;  /* letter index to capitalise (Mc/Mac) */

	if (strncmp(seg, "mc", 2) == 0 && strlen(seg) >= 4)
		cap_at = 2;
	else if (names && IN_LIST(seg, mac_names))
		cap_at = 3;
	for (const char *p = seg; *p;) {
		uint32_t cp;
		size_t n = stw_stdi_decode(p, &cp);
		if (cp == STW_STDI_BAD) {
			stw_buf_add(b, p, n);
			p += n;
			continue;
		}
		bool letter = stw_stdi_is_lower(cp) || stw_stdi_is_upper(cp) ||
		              cp == 0xDF;
		if (letter) {
			if (cap_next || letters == cap_at || prev_apos_single)
				cp = stw_stdi_upper(cp);
			cap_next = false;
			prev_apos_single = false;
			letters++;
		} else if (is_apostrophe(cp)) {
			prev_apos_single = letters == 1;
		} else if (cp == '.') {
			cap_next = true; /* initials: "j.r." -> "J.R." */
		} else if (cp >= '0' && cp <= '9') {
			cap_next = false; /* "3rd", not "3Rd" */
		}
		stw_stdi_encode(b, cp);
		p += n;
	}
}

/* True when the code point at p separates the parts of a compound word. */
static size_t
hyphen_len(const char *p)
{
	uint32_t cp;
	size_t n = stw_stdi_decode(p, &cp);
	if (cp == '-' || cp == 0x2010 || cp == 0x2011)
		return n;
	return 0;
}

static const char *const place_small[] = {
	"am", "an", "der", "die", "das", "den", "dem", "im", "ob", "bei", "upon",
	"on", "de", "du", "des", "la", "le", "les", "en", "sur", "sous", "of",
	"the", "and", "y", "del", "da", "di", "do", "dos", "aan", "op", "ter",
	"zum", "zur", "van", "von", "in", "under", "by", "sul", "sur",
};

/*
 * Recases one word (lower-cased copy in w) into b. For names, particles
 * stay lower when particle is set; for places, small words do when small
 * is set.
 */
static void
recase_word(stw_buf *b, const char *w, bool names, bool keep_lower)
{
	for (size_t i = 0; i < sizeof fixed_words / sizeof fixed_words[0]; i++)
		if (names && strcmp(w, fixed_words[i].lower) == 0) {
			stw_buf_adds(b, fixed_words[i].form);
			return;
		}
	if (keep_lower) {
		stw_buf_adds(b, w);
		return;
	}
	/* Split at hyphens; each part is capitalised on its own. */
	const char *p = w;
	bool first = true;
	while (*p) {
		size_t len = 0;
		while (p[len] && !hyphen_len(p + len))
			len += stw_stdi_decode(p + len, &(uint32_t){0});
		char *seg = stw_xstrndup(p, len);
		if (!names && !first && IN_LIST(seg, place_small) && p[len])
			stw_buf_adds(b, seg);
		else
			add_capitalised(b, seg, names);
		free(seg);
		p += len;
		if (*p) {
			size_t h = hyphen_len(p);
			stw_buf_add(b, p, h);
			p += h;
		}
		first = false;
	}
}

/* Splits tidy text into words at single spaces; returns the count. */
static size_t
split_words(char *t, char ***words)
{
	size_t n = 1;
	for (char *p = t; *p; p++)
		if (*p == ' ')
			n++;
	*words = stw_xcalloc(n, sizeof **words);
	size_t i = 0;
	(*words)[i++] = t;
	for (char *p = t; *p; p++)
		if (*p == ' ') {
			*p = '\0';
			(*words)[i++] = p + 1;
		}
	return n;
}

void
stw_std_name_case(const char *in, stw_std_result *out)
{
	char small[128];
	char *t = stw_stdi_tidy_in(in, small, sizeof small);
	if (!*t) {
		if (t != small)
			free(t);
		stw_stdi_set(out, STW_STD_EMPTY, NULL);
		return;
	}
	char **words;
	size_t n = split_words(t, &words);
	char **lows = stw_xcalloc(n, sizeof *lows);
	for (size_t i = 0; i < n; i++)
		lows[i] = lower_copy(words[i], strlen(words[i]));

	stw_buf b = STW_BUF_INIT;
	bool recased = false;
	for (size_t i = 0; i < n; i++) {
		size_t up, lo;
		if (i)
			stw_buf_addc(&b, ' ');
		count_case(words[i], strlen(words[i]), &up, &lo);
		if ((up && lo) || (!up && !lo)) {
			stw_buf_adds(&b, words[i]); /* mixed case: intended */
			continue;
		}
		bool particle = false;
		if (i + 1 < n && IN_LIST(lows[i], particles)) {
			if (i > 0)
				particle = true;
			else
				particle = IN_LIST(lows[i], chain_starts) &&
				           IN_LIST(lows[i + 1], particles) && i + 2 < n;
		}
		size_t before = b.len;
		recase_word(&b, lows[i], true, particle);
		if (strcmp(b.data + before, words[i]) != 0)
			recased = true;
	}
	char *cand = stw_buf_take(&b);
	stw_stdi_same_or_changed(out, in, cand);
	if (out->status == STW_STD_CHANGED)
		stw_stdi_why(out, recased ? "name recased" : "whitespace tidied");
	free(cand);
	for (size_t i = 0; i < n; i++)
		free(lows[i]);
	free(lows);
	free(words);
	if (t != small)
		free(t);
}

void
stw_std_place_case(const char *in, stw_std_result *out)
{
	char small[128];
	char *t = stw_stdi_tidy_in(in, small, sizeof small);
	if (!*t) {
		if (t != small)
			free(t);
		stw_stdi_set(out, STW_STD_EMPTY, NULL);
		return;
	}
	size_t up, lo;
	count_case(t, strlen(t), &up, &lo);
	if ((up && lo) || (!up && !lo)) {
		stw_stdi_same_or_changed(out, in, t);
		if (out->status == STW_STD_CHANGED)
			stw_stdi_why(out, "whitespace tidied");
		if (t != small)
			free(t);
		return;
	}
	char **words;
	size_t n = split_words(t, &words);
	stw_buf b = STW_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		char *w = lower_copy(words[i], strlen(words[i]));
		if (i)
			stw_buf_addc(&b, ' ');
		recase_word(&b, w, false, i > 0 && i + 1 < n && IN_LIST(w, place_small));
		free(w);
	}
	char *cand = stw_buf_take(&b);
	stw_stdi_same_or_changed(out, in, cand);
	if (out->status == STW_STD_CHANGED)
		stw_stdi_why(out, "place name recased");
	free(cand);
	free(words);
	if (t != small)
		free(t);
}

/* ==== Mojibake ==== */

/* The cp1252 (or Latin-1) byte for cp, or -1 when there is none. */
static int
cp1252_byte(uint32_t cp)
{
	if (cp < 0x100)
		return (int)cp; /* C1 controls: text that was read as Latin-1 */
	for (int b = 0x80; b <= 0x9F; b++)
		if (stw_cp1252_to_unicode((unsigned char)b) == cp)
			return b;
	return -1;
}

/* One layer of repair; a new string, or NULL when the round trip is not clean. */
static char *
unmojibake_once(const char *s)
{
	stw_buf b = STW_BUF_INIT;
	bool high = false;
	for (const char *p = s; *p;) {
		uint32_t cp;
		p += stw_stdi_decode(p, &cp);
		int byte = cp == STW_STDI_BAD ? -1 : cp1252_byte(cp);
		if (byte < 0) {
			stw_buf_free(&b);
			return NULL;
		}
		if (byte >= 0x80)
			high = true;
		stw_buf_addc(&b, (char)byte);
	}
	if (!high || !stw_utf8_valid(b.data, b.len) || memchr(b.data, 0, b.len)) {
		stw_buf_free(&b);
		return NULL;
	}
	return stw_buf_take(&b);
}

void
stw_std_mojibake(const char *in, stw_std_result *out)
{
	char *t = stw_stdi_tidy(in);
	bool blank = !*t;
	free(t);
	if (blank) {
		stw_stdi_set(out, STW_STD_EMPTY, NULL);
		return;
	}
	char *cur = stw_xstrdup(in);
	int layers = 0;
	for (; layers < 3; layers++) {
		char *next = unmojibake_once(cur);
		if (!next)
			break;
		free(cur);
		cur = next;
	}
	if (layers == 0) {
		stw_stdi_set(out, STW_STD_SAME, NULL);
	} else {
		stw_stdi_set(out, STW_STD_SUGGEST, cur);
		stw_stdi_why(out, "UTF-8 read as Windows-1252%s",
		             layers > 1 ? " (several times)" : "");
	}
	free(cur);
}

char *
stw_stdi_fold_and(const char *in)
{
	if (!strchr(in, '&'))
		return stw_std_fold_opts(in, STW_FOLD_PUNCT);
	stw_buf b = STW_BUF_INIT;
	for (const char *p = in; *p; p++) {
		if (*p == '&')
			stw_buf_adds(&b, " and ");
		else
			stw_buf_addc(&b, *p);
	}
	char *tmp = stw_buf_take(&b);
	char *k = stw_std_fold_opts(tmp, STW_FOLD_PUNCT);
	free(tmp);
	return k;
}
