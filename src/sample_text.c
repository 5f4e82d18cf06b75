/*
 * Text for the sample generator: word lists (one allocation per list,
 * entries drawn by rank weight), folding names into email local parts, and
 * the defects that change a value's letters rather than its meaning: typos,
 * capitals, mojibake, stray whitespace, email letter case, mistyped and
 * malformed email addresses and websites.
 *
 * Every change works in place on a VCAP-byte buffer, touches ASCII bytes or
 * whole UTF-8 sequences only, and so leaves valid UTF-8 behind.
 */
#include "sample_internal.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Mistyped free-mail domains: the domain, then its usual slips. */
static const char *const mail_typos[][6] = {
	{"gmail.com", "gmial.com", "gmai.com", "gamil.com", "gnail.com", "gmail.con"},
	{"yahoo.com", "yaho.com", "yahooo.com", "yahoo.cm", NULL},
	{"hotmail.com", "hotmial.com", "hotmal.com", "hotmail.co", NULL},
	{"outlook.com", "outlok.com", "outloo.com", NULL},
	{"icloud.com", "iclod.com", "icoud.com", NULL},
};

/* ==== word lists ==== */

void
stw_smp_wl_init(smp_wlist *l, const char *text, char sep, bool ranked)
{
	l->mem = stw_xstrdup(text);
	l->n = 1;
	for (const char *p = text; *p; p++)
		l->n += *p == sep;
	l->w = stw_xcalloc(l->n, sizeof *l->w);
	l->cum = ranked ? stw_xcalloc(l->n, sizeof *l->cum) : NULL;
	uint32_t k = 0;
	l->w[k++] = l->mem;
	for (char *p = l->mem; *p; p++) {
		if (*p == sep) {
			*p = '\0';
			l->w[k++] = p + 1;
		} else if (*p == '_' && sep == ' ') {
			*p = ' ';
		}
	}
	/* Weight 1/(rank + 10): the head is common, the tail still appears. */
	for (uint32_t i = 0; ranked && i < l->n; i++)
		l->cum[i] = (i ? l->cum[i - 1] : 0) + 1000000u / (i + 10);
}

void
stw_smp_wl_free(smp_wlist *l)
{
	free(l->mem);
	free(l->w);
	free(l->cum);
}

uint32_t
stw_smp_wl_index(const smp_wlist *l, smp_rng *r)
{
	if (!l->cum)
		return rng_below(r, l->n);
	uint32_t u = rng_below(r, l->cum[l->n - 1]), lo = 0, hi = l->n - 1;
	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;
		if (l->cum[mid] > u)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

const char *
stw_smp_wl_pick(const smp_wlist *l, smp_rng *r)
{
	return l->w[stw_smp_wl_index(l, r)];
}

/* ==== letters ==== */

bool
stw_smp_has_nonascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return true;
	return false;
}

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * Appends s folded to lower-case ASCII letters and digits (for email local
 * parts and domains): "Müller" -> "muller", "O'Brien" -> "obrien".
 */
void
stw_smp_fold(smp_sb *b, const char *s)
{
	static const char latin1[] = "aaaaaaaceeeeiiiidnooooo ouuuuy  ";
	/* U+0100..U+017F (Latin Extended-A), sixteen code points a line. */
	static const char exta[] = "aaaaaaccccccccddddeeeeeeeeeegggg"
		"gggghhhhiiiiiiiiiiiijjkkklllllll"
		"lllnnnnnnnnnoooooooorrrrrrssssss"
		"ssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		uint32_t cp = *p++;
		if (cp >= 0xC0) {
			int more = cp >= 0xF0 ? 3 : cp >= 0xE0 ? 2 : 1;
			cp &= more == 1 ? 0x1F : more == 2 ? 0x0F : 0x07;
			for (; more && (*p & 0xC0) == 0x80; more--)
				cp = (cp << 6) | (*p++ & 0x3F);
		}
		if (cp < 0x80) {
			if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
				sb_c(b, (char)cp);
			else if (cp >= 'A' && cp <= 'Z')
				sb_c(b, (char)(cp + 32));
		} else if (cp == 0xDF) {
			sb_s(b, "ss");
		} else if (cp == 0xC6 || cp == 0xE6) {
			sb_s(b, "ae");
		} else if (cp == 0xDE || cp == 0xFE) {
			sb_s(b, "th");
		} else if (cp >= 0xC0 && cp <= 0xFF && latin1[(cp - 0xC0) & 31] != ' ') {
			sb_c(b, latin1[(cp - 0xC0) & 31]);
		} else if (cp >= 0x100 && cp < 0x180) {
			sb_c(b, exta[cp - 0x100]);
		} else if (cp >= 0x1EA0 && cp <= 0x1EF9) {
			sb_c(b, cp < 0x1EB8 ? 'a' : cp < 0x1EC8 ? 'e' : cp < 0x1ECC ? 'i' :
			        cp < 0x1EE4 ? 'o' : cp < 0x1EF2 ? 'u' : 'y');
		} else if (cp == 0x1A0 || cp == 0x1A1) {
			sb_c(b, 'o');
		} else if (cp == 0x1AF || cp == 0x1B0) {
			sb_c(b, 'u');
		}
	}
}

/* Upper-cases ASCII and Latin-1 letters in place (UTF-8 stays valid). */
void
stw_smp_upcase(char *s)
{
	unsigned char *p = (unsigned char *)s;
	for (; *p; p++) {
		if (*p >= 'a' && *p <= 'z')
			*p -= 32;
		else if (*p == 0xC3 && p[1] >= 0xA0 && p[1] <= 0xBE && p[1] != 0xB7)
			*++p -= 0x20;
	}
}

/*
 * Replaces s by what a program shows when it reads its UTF-8 bytes as
 * Windows-1252 ("Müller" -> "MÃ¼ller"). The result is valid UTF-8; the five
 * bytes cp1252 leaves undefined become the C1 code points, as Windows does.
 */
void
stw_smp_mojibake(char *s)
{
	static const uint16_t c1[32] = {
		0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021,
		0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0x8D, 0x17D, 0x8F,
		0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
		0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178,
	};
	char out[VCAP];
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p && n + 4 < VCAP; p++) {
		uint32_t cp = *p >= 0x80 && *p < 0xA0 ? c1[*p - 0x80] : *p;
		if (cp < 0x80) {
			out[n++] = (char)cp;
		} else if (cp < 0x800) {
			out[n++] = (char)(0xC0 | (cp >> 6));
			out[n++] = (char)(0x80 | (cp & 0x3F));
		} else {
			out[n++] = (char)(0xE0 | (cp >> 12));
			out[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
			out[n++] = (char)(0x80 | (cp & 0x3F));
		}
	}
	out[n] = '\0';
	memcpy(s, out, n + 1);
}

/*
 * One keyboard slip on an ASCII letter: insertion, deletion, substitution or
 * transposition. Only ASCII bytes are touched, so UTF-8 stays valid, and the
 * result always differs from the input.
 */
void
stw_smp_typo(smp_rng *r, char *s)
{
	size_t n = strlen(s), pos[VCAP], np = 0;
	for (size_t i = 0; i < n; i++)
		if (is_alpha(s[i]))
			pos[np++] = i;
	uint32_t op = np ? rng_below(r, 4) : 0;
	if (op == 1 && np < 2)
		op = 2;
	if (op == 3) {
		size_t cand[VCAP], nc = 0;
		for (size_t k = 0; k + 1 < np; k++)
			if (pos[k] + 1 == pos[k + 1] && s[pos[k]] != s[pos[k + 1]])
				cand[nc++] = pos[k];
		if (!nc) {
			op = 2;
		} else {
			size_t at = cand[rng_below(r, (uint32_t)nc)];
			char t = s[at];
			s[at] = s[at + 1];
			s[at + 1] = t;
			return;
		}
	}
	if (op == 0) {
		if (n + 2 > VCAP)
			return;
		size_t at = np ? pos[rng_below(r, (uint32_t)np)] + 1 : n;
		char c = np && rng_below(r, 2) ? s[at - 1] : (char)('a' + rng_below(r, 26));
		if (c >= 'A' && c <= 'Z')
			c += 32;
		memmove(s + at + 1, s + at, n - at + 1);
		s[at] = c;
	} else if (op == 1) {
		size_t at = pos[rng_below(r, (uint32_t)np)];
		memmove(s + at, s + at + 1, n - at);
	} else {
		size_t at = pos[rng_below(r, (uint32_t)np)];
		char base = s[at] >= 'a' ? 'a' : 'A';
		s[at] = (char)(base + (s[at] - base + 1 + rng_below(r, 25)) % 26);
	}
}

/* ==== spaces, emails and websites ==== */

void
stw_smp_whitespace(smp_rng *r, char *s)
{
	char tmp[VCAP];
	set(tmp, s);
	smp_sb b;
	sb_init(&b, s);
	uint32_t k = rng_below(r, 3);
	sb_s(&b, k == 0 ? " " : "");
	sb_s(&b, tmp);
	sb_s(&b, k == 1 ? " " : k == 2 ? "\xC2\xA0" : "");
}

void
stw_smp_email_case(smp_rng *r, char *s)
{
	uint32_t k = rng_below(r, 3);
	bool start = true;
	for (char *p = s; *p; p++) {
		if (k == 0 || (start && *p >= 'a' && *p <= 'z'))
			*p = *p >= 'a' && *p <= 'z' ? (char)(*p - 32) : *p;
		start = k == 2 ? *p == '.' || *p == '@' : false;
		if (k == 1 && *p == '@')
			break;
	}
}

void
stw_smp_email_typo(smp_rng *r, char *s)
{
	char *at = strchr(s, '@');
	if (!at)
		return;
	char out[VCAP], host[VCAP];
	const char *dom = at + 1, *dot = strchr(dom, '.');
	smp_sb b;
	sb_init(&b, out);
	for (const char *p = s; p <= at; p++)
		sb_c(&b, *p);
	for (size_t i = 0; i < sizeof mail_typos / sizeof mail_typos[0]; i++) {
		if (strcmp(dom, mail_typos[i][0]) == 0) {
			uint32_t n = 1;
			while (n < 5 && mail_typos[i][n + 1])
				n++;
			sb_s(&b, mail_typos[i][1 + rng_below(r, n)]);
			set(s, out);
			return;
		}
	}
	/* Any other domain: a slip in the host name. */
	size_t hn = dot ? (size_t)(dot - dom) : strlen(dom);
	memcpy(host, dom, hn);
	host[hn] = '\0';
	stw_smp_typo(r, host);
	sb_s(&b, host);
	sb_s(&b, dot ? dot : "");
	set(s, out);
}

void
stw_smp_email_invalid(smp_rng *r, char *s)
{
	char *at = strchr(s, '@');
	if (!at)
		return;
	char out[VCAP];
	const char *dom = at + 1, *dot = strrchr(dom, '.');
	smp_sb b;
	sb_init(&b, out);
	for (const char *p = s; p < at; p++)
		sb_c(&b, *p);
	uint32_t k = rng_below(r, 6);
	if (k == 0)
		sb_s(&b, dom);                  /* no @ */
	else
		sb_s(&b, k == 1 ? "@@" : k == 3 ? " @" : "@");
	for (const char *p = dom; k && *p; p++) {
		if (p == dot && k == 5)
			break;                  /* no TLD */
		if (p == dot && k == 2)
			sb_c(&b, '.');          /* double dot */
		sb_c(&b, p == dot && k == 4 ? ',' : *p);
	}
	set(s, out);
}

void
stw_smp_website_invalid(smp_rng *r, const char *domain, char *out)
{
	static const char *const pre[] = {"http//www.", "www.", "www,", "htp://"};
	uint32_t k = rng_below(r, 4);
	smp_sb b;
	sb_init(&b, out);
	sb_s(&b, pre[k]);
	for (const char *p = domain; *p && !(k == 1 && *p == '.'); p++)
		sb_c(&b, *p); /* k == 1: no TLD */
}
