/*
 * Phone standardizer: any of the ways people write a number in a CRM to
 * E.164 ("+" country code, national significant number, at most 15
 * digits), with the extension kept apart.
 *
 * A number is read in three steps: split off an extension, decide whether
 * the number carries its own country code ("+", "00", or the default
 * country's international prefix), then strip a trunk prefix and check the
 * length against the numbering plan of the country code. The plans below
 * hold only what is needed for that: trunk prefix, international prefix
 * and the possible lengths of the national significant number. Codes
 * without a plan get a generic length check. Nothing is guessed: text that
 * is not a number, an extension marker or punctuation makes the value
 * INVALID.
 */
#include "std_internal.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define E164_MAX 15
#define EXT_MAX 10
#define E164_BUF 32 /* "+", a code, the number as length_ok() allows, NUL */

typedef struct {
	int code;
	const char *trunk;   /* national trunk prefix, "" when none */
	const char *intl;    /* international prefix besides "00", or NULL */
	int nsn_min, nsn_max;
} phone_plan;

static const phone_plan plans[] = {
	{1, "1", "011", 10, 10},   {7, "8", "810", 10, 10},
	{20, "0", NULL, 8, 10},    {27, "0", NULL, 9, 9},
	{30, "", NULL, 10, 10},    {31, "0", NULL, 9, 9},
	{32, "0", NULL, 8, 9},     {33, "0", NULL, 9, 9},
	{34, "", NULL, 9, 9},      {36, "06", NULL, 8, 9},
	{39, "", NULL, 6, 11},     {40, "0", NULL, 9, 9},
	{41, "0", NULL, 9, 9},     {43, "0", NULL, 4, 13},
	{44, "0", NULL, 9, 10},    {45, "", NULL, 8, 8},
	{46, "0", NULL, 7, 10},    {47, "", NULL, 8, 8},
	{48, "", NULL, 9, 9},      {49, "0", NULL, 5, 13},
	{51, "0", NULL, 8, 9},     {52, "", NULL, 10, 10},
	{54, "0", NULL, 10, 11},   {55, "0", NULL, 10, 11},
	{56, "", NULL, 9, 9},      {57, "0", NULL, 8, 10},
	{58, "0", NULL, 10, 10},   {60, "0", NULL, 8, 10},
	{61, "0", "0011", 9, 9},   {62, "0", "001", 8, 12},
	{63, "0", NULL, 8, 10},    {64, "0", NULL, 8, 10},
	{65, "", "001", 8, 8},     {66, "0", "001", 8, 9},
	{81, "0", "010", 9, 10},   {82, "0", "001", 8, 11},
	{84, "0", NULL, 9, 10},    {86, "0", NULL, 9, 12},
	{90, "0", NULL, 10, 10},   {91, "0", NULL, 10, 10},
	{92, "0", NULL, 9, 10},    {94, "0", NULL, 9, 9},
	{98, "0", NULL, 10, 10},   {212, "0", NULL, 9, 9},
	{213, "0", NULL, 8, 9},    {216, "", NULL, 8, 8},
	{234, "0", NULL, 8, 10},   {254, "0", NULL, 9, 10},
	{255, "0", NULL, 9, 9},    {256, "0", NULL, 9, 9},
	{351, "", NULL, 9, 9},     {352, "", NULL, 4, 11},
	{353, "0", NULL, 7, 9},    {354, "", NULL, 7, 9},
	{356, "", NULL, 8, 8},     {357, "", NULL, 8, 8},
	{358, "0", NULL, 5, 12},   {359, "0", NULL, 6, 9},
	{370, "8", NULL, 8, 8},    {371, "", NULL, 8, 8},
	{372, "", NULL, 7, 8},     {380, "0", NULL, 9, 9},
	{385, "0", NULL, 8, 9},    {386, "0", NULL, 8, 8},
	{420, "", NULL, 9, 9},     {421, "0", NULL, 9, 9},
	{852, "", "001", 8, 8},    {853, "", NULL, 8, 8},
	{880, "0", NULL, 8, 10},   {886, "0", "002", 8, 9},
	{965, "", NULL, 8, 8},     {966, "0", NULL, 9, 9},
	{971, "0", NULL, 8, 9},    {972, "0", NULL, 8, 9},
	{974, "", NULL, 8, 8},
};

static const phone_plan *
plan_for(int code)
{
	for (size_t i = 0; i < COUNT(plans); i++)
		if (plans[i].code == code)
			return &plans[i];
	return NULL;
}

/*
 * The calling codes of the country table as a bit set over 1..999 (every
 * code that split_code() asks about), built on first use: each number with
 * a country code asks up to three times, and the table has some 250 rows.
 */
#define CODES_MAX 1000
static uint64_t code_bits[CODES_MAX / 64 + 1];
static _Atomic int code_bits_ready;
static pthread_mutex_t code_bits_lock = PTHREAD_MUTEX_INITIALIZER;

/* True when code is a calling code of some country in the table. */
static bool
known_code(int code)
{
	if (code <= 0 || code >= CODES_MAX) {
		size_t n;
		const stw_stdi_country *c = stw_stdi_countries(&n);
		for (size_t i = 0; i < n; i++)
			if (c[i].calling_code == code)
				return true;
		return false;
	}
	if (!atomic_load_explicit(&code_bits_ready, memory_order_acquire)) {
		pthread_mutex_lock(&code_bits_lock);
		if (!atomic_load_explicit(&code_bits_ready, memory_order_relaxed)) {
			size_t n;
			const stw_stdi_country *c = stw_stdi_countries(&n);
			for (size_t i = 0; i < n; i++)
				if (c[i].calling_code > 0 && c[i].calling_code < CODES_MAX)
					code_bits[c[i].calling_code / 64] |= 1ull << (c[i].calling_code % 64);
			atomic_store_explicit(&code_bits_ready, 1, memory_order_release);
		}
		pthread_mutex_unlock(&code_bits_lock);
	}
	return (code_bits[code / 64] >> (code % 64)) & 1;
}

/* ==== Extension ==== */

static const char *const ext_markers[] = {
	";ext=", "extension", "ext.", "ext:", "ext", "ex.", "ex", "x.", "x",
	"#", "poste", "durchwahl", "dw",
};

/*
 * Parses the text after the number: an extension marker and 1..10 digits.
 * Returns the digits (a new string) or NULL when the tail is not that.
 */
static char *
parse_extension(const char *tail)
{
	const char *p = tail;
	while (*p == ' ' || *p == ',' || *p == ';' || *p == '(')
		p++;
	/* ";ext=" is matched before its leading ';' is skipped */
	const char *start = tail;
	while (*start == ' ')
		start++;
	size_t mlen = 0;
	for (size_t i = 0; i < COUNT(ext_markers); i++) {
		size_t n = strlen(ext_markers[i]);
		const char *at = ext_markers[i][0] == ';' ? start : p;
		bool match = true;
		for (size_t k = 0; k < n; k++)
			if (stw_stdi_ascii_lower((unsigned char)at[k]) != ext_markers[i][k]) {
				match = false;
				break;
			}
		if (match) {
			p = at;
			mlen = n;
			break;
		}
	}
	if (!mlen)
		return NULL;
	p += mlen;
	while (*p == ' ' || *p == '.' || *p == ':' || *p == '-' || *p == '=' || *p == '#')
		p++;
	const char *d = p;
	while (stw_stdi_is_digit((unsigned char)*p))
		p++;
	size_t nd = (size_t)(p - d);
	while (*p == ' ' || *p == ')')
		p++;
	if (*p || nd == 0 || nd > EXT_MAX)
		return NULL;
	return stw_xstrndup(d, nd);
}

/* ==== Number ==== */

/* Checks the NANP shape NPA-NXX-XXXX of a 10-digit national number. */
static bool
nanp_ok(const char *d, stw_std_result *out)
{
	if (d[0] < '2' || d[3] < '2') {
		stw_stdi_why(out, "NANP area code and exchange must start with 2-9");
		return false;
	}
	if (d[1] == '1' && d[2] == '1') {
		stw_stdi_why(out, "N11 is not an area code");
		return false;
	}
	if (d[1] == '9') {
		stw_stdi_why(out, "area codes with 9 in second place are reserved");
		return false;
	}
	return true;
}

/* Checks the national significant number against the plan of code. */
static bool
length_ok(int code, const char *nsn, stw_std_result *out)
{
	const phone_plan *pl = plan_for(code);
	size_t n = strlen(nsn);
	size_t cc_len = code >= 100 ? 3 : code >= 10 ? 2 : 1;
	if (pl) {
		if (n < (size_t)pl->nsn_min || n > (size_t)pl->nsn_max) {
			if (pl->nsn_min == pl->nsn_max)
				stw_stdi_why(out, "+%d numbers have %d digits after the country code, not %zu",
				             code, pl->nsn_min, n);
			else
				stw_stdi_why(out, "+%d numbers have %d-%d digits after the country code, not %zu",
				             code, pl->nsn_min, pl->nsn_max, n);
			return false;
		}
	} else if (n < 4 || n + cc_len > E164_MAX) {
		stw_stdi_why(out, "wrong length for +%d (%zu digits)", code, n);
		return false;
	}
	if (code == 1 && !nanp_ok(nsn, out))
		return false;
	return true;
}

/*
 * Reads an international number (digits after the prefix) into *code and
 * *nsn (pointing into digits). False when no known country code starts it.
 */
static bool
split_code(const char *digits, int *code, const char **nsn)
{
	int v = 0;
	for (int len = 1; len <= 3 && digits[len - 1]; len++) {
		v = v * 10 + (digits[len - 1] - '0');
		if (v != 0 && known_code(v)) {
			*code = v;
			*nsn = digits + len;
			return true;
		}
	}
	return false;
}

/*
 * "+" code nsn into e164, as printf's "+%d%s" writes it (code is positive).
 * The callers have checked the length with length_ok(), so it fits.
 */
static void
e164_of(int code, const char *nsn, char e164[E164_BUF])
{
	char cc[12];
	int n = 0;
	do {
		cc[n++] = (char)('0' + code % 10);
		code /= 10;
	} while (code);
	size_t k = 0;
	e164[k++] = '+';
	while (n)
		e164[k++] = cc[--n];
	size_t len = strlen(nsn);
	if (len > E164_BUF - 1 - k)
		len = E164_BUF - 1 - k;
	memcpy(e164 + k, nsn, len);
	e164[k + len] = '\0';
}

/*
 * Finishes an international number: drops a trunk 0 written after the
 * code (not for Italy, where it belongs to the number) and checks it.
 * Writes the E.164 string to e164 and returns true, or false (why set).
 */
static bool
international(const char *digits, bool *dropped0, stw_std_result *out, char e164[E164_BUF])
{
	int code;
	const char *nsn;
	*dropped0 = false;
	if (!split_code(digits, &code, &nsn)) {
		stw_stdi_why(out, "unknown country calling code");
		return false;
	}
	const phone_plan *pl = plan_for(code);
	if (pl && strcmp(pl->trunk, "0") == 0 && nsn[0] == '0') {
		nsn++;
		*dropped0 = true;
	}
	if (!length_ok(code, nsn, out))
		return false;
	e164_of(code, nsn, e164);
	return true;
}

static void
finish(stw_std_result *out, const char *in, const char *e164, char *ext)
{
	char why[sizeof out->why];
	memcpy(why, out->why, sizeof why);
	stw_stdi_same_or_changed(out, in, e164);
	if (ext && out->status == STW_STD_SAME) {
		/* cannot happen: the input held more than the number */
		stw_stdi_set(out, STW_STD_CHANGED, e164);
	}
	out->extra = ext;
	if (out->status == STW_STD_CHANGED) {
		if (ext)
			stw_stdi_why(out, "%.100s; extension %s kept apart", why, ext);
		else
			stw_stdi_why_cat(out, why, (char *)NULL);
	}
}

/*
 * The digits of a number as read: len counts them all, data keeps the
 * first ones (NUL-terminated). A number of more than E164_MAX + 4 digits
 * is rejected on its count alone, so data is only read when it holds all.
 */
typedef struct {
	char   data[E164_MAX + 8];
	size_t len;
} digit_run;

static void
digits_add(digit_run *d, char c)
{
	if (d->len < sizeof d->data - 1) {
		d->data[d->len] = c;
		d->data[d->len + 1] = '\0';
	}
	d->len++;
}

static bool
is_dash(uint32_t cp)
{
	return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}

void
stw_std_phone(const char *in, const char *default_country, stw_std_result *out)
{
	/* The tidy text, on the stack when it is short, as phone numbers are. */
	char small[64];
	size_t inlen = in ? strlen(in) : 0;
	char *t = inlen < sizeof small ? small : stw_xmalloc(inlen + 1);
	t[0] = '\0';
	if (in)
		stw_stdi_tidy_to(in, t);
	char *ext = NULL;
	digit_run all = {.len = 0};  /* every digit */
	digit_run intl = {.len = 0}; /* digits without a "(0)" */
	bool plus = false, had_paren0 = false;

	if (!*t) {
		stw_stdi_set(out, STW_STD_EMPTY, NULL);
		goto done;
	}
	stw_stdi_set(out, STW_STD_INVALID, NULL);

	/* Scan the number up to the first letter, '#' or ';'. */
	const char *p = t;
	while (*p) {
		uint32_t cp;
		size_t n = stw_stdi_decode(p, &cp);
		if (stw_stdi_is_digit((int)cp)) {
			digits_add(&all, (char)cp);
			digits_add(&intl, (char)cp);
		} else if (cp == '+') {
			if (plus || all.len) {
				stw_stdi_why(out, "misplaced '+'");
				goto done;
			}
			plus = true;
		} else if (cp == '(' && p[1] == '0' && p[2] == ')') {
			digits_add(&all, '0');
			had_paren0 = true;
			n = 3;
		} else if (cp == ' ' || cp == '.' || cp == '(' || cp == ')' ||
		           cp == '/' || is_dash(cp)) {
			/* punctuation */
		} else if (stw_stdi_is_alpha((int)cp) || cp == '#' || cp == ';' ||
		           cp == ',') {
			break;
		} else {
			if (cp == STW_STDI_BAD)
				stw_stdi_why(out, "invalid byte in the number");
			else if (cp < 0x80 && cp >= 0x20)
				stw_stdi_why(out, "unexpected character '%c'", (char)cp);
			else
				stw_stdi_why(out, "unexpected character U+%04X", (unsigned)cp);
			goto done;
		}
		p += n;
	}
	if (*p) {
		ext = parse_extension(p);
		if (!ext) {
			stw_stdi_why(out, "unexpected text '%.40s'", p);
			goto done;
		}
	}
	if (all.len == 0) {
		stw_stdi_why(out, "no digits");
		goto done;
	}
	if (all.len < 3 || all.len > E164_MAX + 4) {
		stw_stdi_why(out, "%zu digits is not a phone number", all.len);
		goto done;
	}

	const stw_stdi_country *dc = NULL;
	bool guess;
	if (default_country && *default_country)
		dc = stw_stdi_country_resolve(default_country, &guess);
	const phone_plan *dplan = dc ? plan_for(dc->calling_code) : NULL;

	/* International forms. */
	const char *digits = NULL;
	const char *how = NULL;
	const char *digits_all = NULL; /* the same position in all */
	if (plus) {
		digits = intl.data;
		digits_all = all.data;
		how = "international number";
	} else if (dplan && dplan->intl && strncmp(all.data, dplan->intl, strlen(dplan->intl)) == 0) {
		digits = intl.data + strlen(dplan->intl);
		digits_all = all.data + strlen(dplan->intl);
		how = "international prefix removed";
	} else if (strncmp(all.data, "00", 2) == 0) {
		digits = intl.data + 2;
		digits_all = all.data + 2;
		how = "international prefix 00 removed";
	}
	if (digits) {
		bool dropped0;
		int code;
		const char *rest;
		const phone_plan *pl;
		/* "+39 (0)6 ...": in Italy the 0 is part of the number */
		if (had_paren0 && split_code(digits, &code, &rest) &&
		    (pl = plan_for(code)) != NULL && !pl->trunk[0]) {
			digits = digits_all;
			had_paren0 = false;
		}
		char e[E164_BUF];
		if (!international(digits, &dropped0, out, e))
			goto done;
		stw_stdi_why_cat(out, how,
		                 had_paren0 ? "; (0) dropped" : dropped0 ? "; trunk 0 dropped" : "",
		                 (char *)NULL);
		finish(out, in, e, ext);
		ext = NULL;
		goto done;
	}

	/* National form. */
	if (!dc || !dc->calling_code) {
		stw_stdi_why(out, "national number and no known default country");
		goto done;
	}
	int code = dc->calling_code;
	const char *nsn = all.data;
	bool trunk = false;
	if (code == 1) {
		if (all.len == 11 && nsn[0] == '1') {
			nsn++;
			trunk = true;
		}
	} else if (dplan && dplan->trunk[0] &&
	           strncmp(nsn, dplan->trunk, strlen(dplan->trunk)) == 0) {
		nsn += strlen(dplan->trunk);
		trunk = true;
	} else if (!dplan && nsn[0] == '0') {
		nsn++;
		trunk = true;
	}
	if (length_ok(code, nsn, out)) {
		char e[E164_BUF];
		e164_of(code, nsn, e);
		stw_stdi_why_cat(out, "national number read as ", dc->alpha2,
		                 trunk ? ", trunk prefix removed" : "", (char *)NULL);
		finish(out, in, e, ext);
		ext = NULL;
		goto done;
	}
	/* Perhaps an international number that lost its "+". */
	if (all.len >= 11 && all.data[0] != '0') {
		stw_std_result tmp = {0};
		bool dropped0;
		int code2;
		const char *rest;
		/* only codes whose plan is known: a generic length proves little */
		char e[E164_BUF];
		if (split_code(all.data, &code2, &rest) && plan_for(code2) &&
		    international(all.data, &dropped0, &tmp, e)) {
			stw_stdi_set(out, STW_STD_SUGGEST, e);
			out->extra = ext;
			ext = NULL;
			stw_stdi_why(out, "not a %s number; looks international without '+'",
			             dc->alpha2);
		}
	}
done:
	free(ext);
	if (t != small)
		free(t);
}
