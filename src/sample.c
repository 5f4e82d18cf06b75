/*
 * The sample generator behind `steward sample`.
 *
 * Everything is derived from the seed with a private PRNG (xoshiro256**
 * seeded through splitmix64), one independent stream per purpose and index:
 * the entity with number E always has the same canonical values, however
 * many rows came before it, and row R always draws the same defects. That is
 * what keeps memory flat: a duplicate row regenerates its entity instead of
 * looking it up, so nothing grows with the row count.
 *
 * Rows are planned so that exactly round(rows * dup rate) of them are
 * duplicates: each row is a duplicate with probability (duplicates left /
 * rows left), of an entity drawn mostly from the last 2,000 (so clusters
 * stay small, 2-4 records at the usual rates) and sometimes from any earlier
 * one. Entities are numbered in order of first appearance.
 *
 * Defects that touch the same field exclude each other: for each field one
 * draw picks at most one of them, from fixed intervals, so the rate of every
 * defect is exactly the rate listed in the defect table (as a share of all
 * rows, or of duplicate rows for those that only duplicates carry). A defect
 * is written to the truth file only when it was applied.
 */
#include "sample.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

#define VCAP        256      /* bytes per field value, NUL included */
#define PPM         1000000u
#define REF_DAY     20454    /* 2026-01-01, days since 1970-01-01 */
#define DAY         86400
#define WINDOW      2000     /* most duplicates are of one of the last WINDOW entities */
#define NOWNERS     10
#define INTL_PPM    40000    /* entities whose name has a non-ASCII letter (contacts) */
#define MOJIBAKE_Q  250000   /* share of their rows that are mojibake */

/* Streams of the PRNG: one per purpose, so that purposes do not interfere. */
enum { S_PLAN = 1, S_ENTITY, S_COMPANY, S_ROW, S_FAMILY, S_OWNER, S_ID };

/* ---- PRNG ---- */

typedef struct { uint64_t s[4]; } rng;

static uint64_t
mix64(uint64_t x)
{
	x += 0x9E3779B97F4A7C15ULL;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
	return x ^ (x >> 31);
}

static void
rng_init(rng *r, uint64_t seed, uint64_t stream, uint64_t index)
{
	uint64_t x = mix64(seed ^ mix64(stream * 0xD1B54A32D192ED03ULL ^ mix64(index)));
	for (int i = 0; i < 4; i++)
		r->s[i] = x = mix64(x);
}

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t
rng_next(rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

/* Uniform in [0, n) for n < 2^32 (multiply-shift, no modulo bias to speak of). */
static uint32_t
rng_below(rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

static bool
rng_ppm(rng *r, uint32_t ppm)
{
	return rng_below(r, PPM) < ppm;
}

/* Inclusive range. */
static uint32_t
rng_range(rng *r, uint32_t lo, uint32_t hi)
{
	return lo + rng_below(r, hi - lo + 1);
}

/* ---- word lists ---- */

typedef struct {
	char        *mem; /* copy of the text, separators replaced by NULs */
	const char **w;
	uint32_t    *cum; /* cumulative rank weights, NULL when uniform */
	uint32_t     n;
} wlist;

static void
wl_init(wlist *l, const char *text, char sep, bool ranked)
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

static void
wl_free(wlist *l)
{
	free(l->mem);
	free(l->w);
	free(l->cum);
}

static uint32_t
wl_index(const wlist *l, rng *r)
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

static const char *
wl_pick(const wlist *l, rng *r)
{
	return l->w[wl_index(l, r)];
}

/* ---- strings in fixed VCAP buffers ---- */

typedef struct {
	char  *p;
	size_t n;
} sb;

static void
sb_init(sb *b, char *dst)
{
	b->p = dst;
	b->n = 0;
	dst[0] = '\0';
}

static void
sb_c(sb *b, char c)
{
	if (b->n < VCAP - 1)
		b->p[b->n++] = c;
	b->p[b->n] = '\0';
}

static void
sb_s(sb *b, const char *s)
{
	while (*s && b->n < VCAP - 1)
		b->p[b->n++] = *s++;
	b->p[b->n] = '\0';
}

/* Decimal, zero-padded to width digits. */
static void
sb_u(sb *b, uint64_t v, int width)
{
	char tmp[24];
	int n = 0;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v || n < width);
	while (n)
		sb_c(b, tmp[--n]);
}

static void
set(char *dst, const char *s)
{
	sb b;
	sb_init(&b, dst);
	sb_s(&b, s);
}

static bool
has_nonascii(const char *s)
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
static void
sb_fold(sb *b, const char *s)
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
static void
upcase(char *s)
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
static void
mojibake(char *s)
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
static void
typo(rng *r, char *s)
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

/* ---- fields, layouts, defects ---- */

enum {
	K_ID, K_SALUT, K_FIRST, K_LAST, K_FULL, K_TITLE, K_COMPANY, K_EMAIL,
	K_PHONE, K_MOBILE, K_STREET, K_CITY, K_STATE, K_POSTCODE, K_COUNTRY,
	K_WEBSITE, K_INDUSTRY, K_EMPLOYEES, K_OWNER, K_STAGE, K_CREATED,
	K_UPDATED, K_ACTIVITY, NKEYS
};

typedef struct {
	const char *header;
	uint8_t     key;
} column;

/* Header names are those of rules/profiles/<crm>-<entity>.yaml. */
static const column sf_contact[] = {
	{"Id", K_ID}, {"Salutation", K_SALUT}, {"FirstName", K_FIRST}, {"LastName", K_LAST},
	{"Title", K_TITLE}, {"Account.Name", K_COMPANY}, {"Email", K_EMAIL}, {"Phone", K_PHONE},
	{"MobilePhone", K_MOBILE}, {"MailingStreet", K_STREET}, {"MailingCity", K_CITY},
	{"MailingState", K_STATE}, {"MailingPostalCode", K_POSTCODE}, {"MailingCountry", K_COUNTRY},
	{"OwnerId", K_OWNER}, {"CreatedDate", K_CREATED}, {"LastModifiedDate", K_UPDATED},
	{"LastActivityDate", K_ACTIVITY}, {NULL, 0}};
static const column sf_account[] = {
	{"Id", K_ID}, {"Name", K_COMPANY}, {"Website", K_WEBSITE}, {"Phone", K_PHONE},
	{"BillingStreet", K_STREET}, {"BillingCity", K_CITY}, {"BillingState", K_STATE},
	{"BillingPostalCode", K_POSTCODE}, {"BillingCountry", K_COUNTRY}, {"Industry", K_INDUSTRY},
	{"NumberOfEmployees", K_EMPLOYEES}, {"OwnerId", K_OWNER}, {"CreatedDate", K_CREATED},
	{"LastModifiedDate", K_UPDATED}, {"LastActivityDate", K_ACTIVITY}, {NULL, 0}};
static const column hs_contact[] = {
	{"Record ID", K_ID}, {"First Name", K_FIRST}, {"Last Name", K_LAST}, {"Email", K_EMAIL},
	{"Phone Number", K_PHONE}, {"Mobile Phone Number", K_MOBILE}, {"Company Name", K_COMPANY},
	{"Job Title", K_TITLE}, {"Street Address", K_STREET}, {"City", K_CITY},
	{"State/Region", K_STATE}, {"Postal Code", K_POSTCODE}, {"Country/Region", K_COUNTRY},
	{"Contact owner", K_OWNER}, {"Lifecycle Stage", K_STAGE}, {"Create Date", K_CREATED},
	{"Last Modified Date", K_UPDATED}, {"Last Activity Date", K_ACTIVITY}, {NULL, 0}};
static const column hs_company[] = {
	{"Record ID", K_ID}, {"Company name", K_COMPANY}, {"Company Domain Name", K_WEBSITE},
	{"Phone Number", K_PHONE}, {"Street Address", K_STREET}, {"City", K_CITY},
	{"State/Region", K_STATE}, {"Postal Code", K_POSTCODE}, {"Country/Region", K_COUNTRY},
	{"Industry", K_INDUSTRY}, {"Number of Employees", K_EMPLOYEES}, {"Company owner", K_OWNER},
	{"Create Date", K_CREATED}, {"Last Modified Date", K_UPDATED},
	{"Last Activity Date", K_ACTIVITY}, {NULL, 0}};
static const column dy_contact[] = {
	{"contactid", K_ID}, {"firstname", K_FIRST}, {"lastname", K_LAST}, {"jobtitle", K_TITLE},
	{"parentcustomerid", K_COMPANY}, {"emailaddress1", K_EMAIL}, {"telephone1", K_PHONE},
	{"mobilephone", K_MOBILE}, {"address1_line1", K_STREET}, {"address1_city", K_CITY},
	{"address1_stateorprovince", K_STATE}, {"address1_postalcode", K_POSTCODE},
	{"address1_country", K_COUNTRY}, {"ownerid", K_OWNER}, {"createdon", K_CREATED},
	{"modifiedon", K_UPDATED}, {NULL, 0}};
static const column dy_account[] = {
	{"accountid", K_ID}, {"name", K_COMPANY}, {"websiteurl", K_WEBSITE}, {"telephone1", K_PHONE},
	{"address1_line1", K_STREET}, {"address1_city", K_CITY},
	{"address1_stateorprovince", K_STATE}, {"address1_postalcode", K_POSTCODE},
	{"address1_country", K_COUNTRY}, {"industrycode", K_INDUSTRY},
	{"numberofemployees", K_EMPLOYEES}, {"ownerid", K_OWNER}, {"createdon", K_CREATED},
	{"modifiedon", K_UPDATED}, {NULL, 0}};
static const column pd_person[] = {
	{"Person - ID", K_ID}, {"Person - Name", K_FULL}, {"Person - First name", K_FIRST},
	{"Person - Last name", K_LAST}, {"Person - Email - Work", K_EMAIL},
	{"Person - Phone - Work", K_PHONE}, {"Person - Phone - Mobile", K_MOBILE},
	{"Person - Organization", K_COMPANY}, {"Person - Job title", K_TITLE},
	{"Person - Owner", K_OWNER}, {"Person - Person created", K_CREATED},
	{"Person - Update time", K_UPDATED}, {"Person - Last activity date", K_ACTIVITY}, {NULL, 0}};
static const column pd_org[] = {
	{"Organization - ID", K_ID}, {"Organization - Name", K_COMPANY},
	{"Organization - Address", K_STREET},
	{"Organization - Address - City/town/village/locality", K_CITY},
	{"Organization - Address - State/County", K_STATE},
	{"Organization - Address - ZIP/Postal code", K_POSTCODE},
	{"Organization - Address - Country", K_COUNTRY}, {"Organization - Website", K_WEBSITE},
	{"Organization - Industry", K_INDUSTRY}, {"Organization - Owner", K_OWNER},
	{"Organization - Organization created", K_CREATED},
	{"Organization - Update time", K_UPDATED},
	{"Organization - Last activity date", K_ACTIVITY}, {NULL, 0}};
static const column zo_contact[] = {
	{"Contact ID", K_ID}, {"First Name", K_FIRST}, {"Last Name", K_LAST}, {"Email", K_EMAIL},
	{"Phone", K_PHONE}, {"Mobile", K_MOBILE}, {"Account Name", K_COMPANY}, {"Title", K_TITLE},
	{"Mailing Street", K_STREET}, {"Mailing City", K_CITY}, {"Mailing State", K_STATE},
	{"Mailing Zip", K_POSTCODE}, {"Mailing Country", K_COUNTRY}, {"Contact Owner", K_OWNER},
	{"Created Time", K_CREATED}, {"Modified Time", K_UPDATED},
	{"Last Activity Time", K_ACTIVITY}, {NULL, 0}};
static const column zo_account[] = {
	{"Account ID", K_ID}, {"Account Name", K_COMPANY}, {"Website", K_WEBSITE}, {"Phone", K_PHONE},
	{"Billing Street", K_STREET}, {"Billing City", K_CITY}, {"Billing State", K_STATE},
	{"Billing Code", K_POSTCODE}, {"Billing Country", K_COUNTRY}, {"Industry", K_INDUSTRY},
	{"Employees", K_EMPLOYEES}, {"Account Owner", K_OWNER}, {"Created Time", K_CREATED},
	{"Modified Time", K_UPDATED}, {"Last Activity Time", K_ACTIVITY}, {NULL, 0}};

static const column *const layouts[5][2] = {
	{sf_contact, sf_account}, {hs_contact, hs_company}, {dy_contact, dy_account},
	{pd_person, pd_org}, {zo_contact, zo_account},
};

/* Defect names as written in the truth file; the order is the order there. */
enum {
	D_TYPO_FIRST, D_NICKNAME, D_TYPO_LAST, D_MARRIED, D_SWAPPED, D_TYPO_COMPANY,
	D_TYPO_NAME, D_SUFFIX, D_NEW_EMPLOYER, D_TITLE_CHANGED, D_MISSING_TITLE,
	D_EMAIL_CASE, D_TYPO_EMAIL, D_PHONE_FMT, D_MISSING_PHONE, D_ADDRESS_CHANGED,
	D_STREET_FMT, D_COUNTRY_FMT, D_WEBSITE_FMT, D_EMPLOYEES, D_MISSING_INDUSTRY,
	D_JUNK_FIRST, D_JUNK_LAST, D_JUNK_COMPANY, D_JUNK_NAME, D_JUNK_TITLE,
	D_JUNK_EMAIL, D_JUNK_PHONE, D_JUNK_CITY, D_JUNK_WEBSITE, D_JUNK_INDUSTRY,
	D_MISSING_LAST, D_MISSING_COMPANY, D_MISSING_NAME, D_MISSING_EMAIL,
	D_MISSING_WEBSITE, D_INVALID_EMAIL, D_INVALID_WEBSITE, D_ROLE_EMAIL,
	D_SWITCHBOARD, D_WHITESPACE, D_STALE, D_ALL_CAPS, D_NON_ASCII, D_MOJIBAKE,
	D_NAMESAKE, D_FAMILY, ND
};

static const struct {
	const char *name;
	uint8_t     key;       /* the field it shows in; the layout must have it */
	bool        dup;       /* only duplicate rows carry it */
	uint32_t    contacts;  /* intended rate for contacts, ppm; 0: never */
	uint32_t    companies; /* the same for companies */
	const char *about;
} defects[ND] = {
	[D_TYPO_FIRST] = {"typo_first_name", K_FIRST, true, 120000, 0, "one-letter slip in the first name"},
	[D_NICKNAME] = {"nickname", K_FIRST, true, 150000, 0, "first name replaced by a nickname (Robert -> Bob)"},
	[D_TYPO_LAST] = {"typo_last_name", K_LAST, true, 100000, 0, "one-letter slip in the last name"},
	[D_MARRIED] = {"married_name", K_LAST, true, 60000, 0, "new or double-barrelled surname (women only)"},
	[D_SWAPPED] = {"swapped_names", K_FIRST, true, 30000, 0, "first and last name swapped"},
	[D_TYPO_COMPANY] = {"typo_company", K_COMPANY, true, 50000, 0, "one-letter slip in the company"},
	[D_TYPO_NAME] = {"typo_name", K_COMPANY, true, 0, 120000, "one-letter slip in the company name"},
	[D_SUFFIX] = {"company_suffix", K_COMPANY, true, 150000, 250000, "legal suffix written another way (Inc / Inc. / Incorporated / none)"},
	[D_NEW_EMPLOYER] = {"new_employer", K_COMPANY, true, 80000, 0, "moved to another company, with a new work email"},
	[D_TITLE_CHANGED] = {"title_changed", K_TITLE, true, 100000, 0, "another job title"},
	[D_MISSING_TITLE] = {"missing_title", K_TITLE, true, 50000, 0, "job title left empty"},
	[D_EMAIL_CASE] = {"email_case", K_EMAIL, true, 100000, 0, "same email in other letter case"},
	[D_TYPO_EMAIL] = {"typo_email", K_EMAIL, true, 50000, 0, "slip in the email domain (gmial.com)"},
	[D_PHONE_FMT] = {"phone_format", K_PHONE, true, 300000, 300000, "same phone number written another way"},
	[D_MISSING_PHONE] = {"missing_phone", K_PHONE, true, 80000, 80000, "phone left empty"},
	[D_ADDRESS_CHANGED] = {"address_changed", K_STREET, true, 80000, 80000, "moved: another street and city"},
	[D_STREET_FMT] = {"street_format", K_STREET, true, 150000, 150000, "street type abbreviated or spelt out (St / Street)"},
	[D_COUNTRY_FMT] = {"country_format", K_COUNTRY, true, 100000, 100000, "country written another way (USA / United States)"},
	[D_WEBSITE_FMT] = {"website_format", K_WEBSITE, true, 0, 200000, "website with or without www., http(s)://, slash"},
	[D_EMPLOYEES] = {"employees_changed", K_EMPLOYEES, true, 0, 150000, "another employee count"},
	[D_MISSING_INDUSTRY] = {"missing_industry", K_INDUSTRY, true, 0, 80000, "industry left empty"},
	[D_JUNK_FIRST] = {"junk_first_name", K_FIRST, false, 10000, 0, "placeholder first name (n/a, test, xxx...)"},
	[D_JUNK_LAST] = {"junk_last_name", K_LAST, false, 5000, 0, "placeholder last name"},
	[D_JUNK_COMPANY] = {"junk_company", K_COMPANY, false, 15000, 0, "placeholder company"},
	[D_JUNK_NAME] = {"junk_name", K_COMPANY, false, 0, 10000, "placeholder company name"},
	[D_JUNK_TITLE] = {"junk_title", K_TITLE, false, 20000, 0, "placeholder job title"},
	[D_JUNK_EMAIL] = {"junk_email", K_EMAIL, false, 10000, 0, "placeholder email (n/a, test@test.com...)"},
	[D_JUNK_PHONE] = {"junk_phone", K_PHONE, false, 20000, 20000, "placeholder phone (000-000-0000...)"},
	[D_JUNK_CITY] = {"junk_city", K_CITY, false, 10000, 10000, "placeholder city"},
	[D_JUNK_WEBSITE] = {"junk_website", K_WEBSITE, false, 0, 15000, "placeholder website"},
	[D_JUNK_INDUSTRY] = {"junk_industry", K_INDUSTRY, false, 0, 20000, "placeholder industry"},
	[D_MISSING_LAST] = {"missing_last_name", K_LAST, false, 10000, 0, "required last name empty"},
	[D_MISSING_COMPANY] = {"missing_company", K_COMPANY, false, 20000, 0, "company empty"},
	[D_MISSING_NAME] = {"missing_name", K_COMPANY, false, 0, 5000, "required company name empty"},
	[D_MISSING_EMAIL] = {"missing_email", K_EMAIL, false, 30000, 0, "email empty"},
	[D_MISSING_WEBSITE] = {"missing_website", K_WEBSITE, false, 0, 30000, "website empty"},
	[D_INVALID_EMAIL] = {"invalid_email", K_EMAIL, false, 30000, 0, "malformed email (no @, double dot, space, comma, no TLD)"},
	[D_INVALID_WEBSITE] = {"invalid_website", K_WEBSITE, false, 0, 20000, "malformed website (http//, no TLD, comma)"},
	[D_ROLE_EMAIL] = {"role_email", K_EMAIL, false, 30000, 0, "company role address (info@, sales@) shared by colleagues"},
	[D_SWITCHBOARD] = {"switchboard", K_PHONE, false, 40000, 0, "company main number shared by colleagues"},
	[D_WHITESPACE] = {"whitespace", K_FIRST, false, 20000, 20000, "leading or trailing space or no-break space in the (first) name"},
	[D_STALE] = {"stale", K_UPDATED, false, 100000, 100000, "last activity 4.5+ years, last change 4+ years before 2026-01-01"},
	[D_ALL_CAPS] = {"all_caps", K_ID, false, 30000, 30000, "names, title and address in capitals"},
	[D_NON_ASCII] = {"non_ascii", K_ID, false, 0, 0, "name with letters outside ASCII (Müller, Nguyễn)"},
	[D_MOJIBAKE] = {"mojibake", K_ID, false, 0, 0, "such a name read as Windows-1252 (MÃ¼ller)"},
	[D_NAMESAKE] = {"namesake", K_ID, false, 30000, 30000, "different entity with a common name shared by others (not a duplicate)"},
	[D_FAMILY] = {"family", K_LAST, false, 30000, 0, "two people with one surname, address and phone (not duplicates)"},
};

#define BIT(d) (1ULL << (d))

/* Field groups: one draw per group picks at most one of its defects. */
static const int8_t grp_first[] = {D_TYPO_FIRST, D_NICKNAME, D_JUNK_FIRST, D_WHITESPACE, -1};
static const int8_t grp_last[] = {D_TYPO_LAST, D_MARRIED, D_JUNK_LAST, D_MISSING_LAST, -1};
static const int8_t grp_company[] = {D_TYPO_COMPANY, D_SUFFIX, D_NEW_EMPLOYER, D_JUNK_COMPANY,
                                     D_MISSING_COMPANY, -1};
static const int8_t grp_name[] = {D_TYPO_NAME, D_SUFFIX, D_JUNK_NAME, D_MISSING_NAME, D_WHITESPACE, -1};
static const int8_t grp_title[] = {D_TITLE_CHANGED, D_MISSING_TITLE, D_JUNK_TITLE, -1};
static const int8_t grp_email[] = {D_EMAIL_CASE, D_TYPO_EMAIL, D_JUNK_EMAIL, D_MISSING_EMAIL,
                                   D_INVALID_EMAIL, D_ROLE_EMAIL, -1};
static const int8_t grp_phone[] = {D_PHONE_FMT, D_MISSING_PHONE, D_JUNK_PHONE, D_SWITCHBOARD, -1};
static const int8_t grp_web[] = {D_WEBSITE_FMT, D_JUNK_WEBSITE, D_MISSING_WEBSITE, D_INVALID_WEBSITE, -1};
static const int8_t grp_industry[] = {D_MISSING_INDUSTRY, D_JUNK_INDUSTRY, -1};
static const int8_t grp_employees[] = {D_EMPLOYEES, -1};
static const int8_t grp_street[] = {D_STREET_FMT, -1};
static const int8_t grp_city[] = {D_JUNK_CITY, -1};
static const int8_t grp_country[] = {D_COUNTRY_FMT, -1};

static const char *const junk_any[] = {"n/a", "N/A", "-", "unknown", "test", "asdf", "xxx",
	"none", "null", "TBD", ".", "?", "NA", "#N/A", NULL};
static const char *const junk_phone[] = {"000-000-0000", "1234567890", "n/a", "-", "0",
	"none", "555-5555", "x", "unknown", NULL};
static const char *const junk_email[] = {"n/a", "none", "test@test.com", "noemail@noemail.com",
	"unknown", "-", "no@email.com", "asdf@asdf.com", "null", NULL};
static const char *const junk_web[] = {"n/a", "-", "none", "www.", "http://", "www.example.com", NULL};
static const char *const roles[] = {"info", "sales", "contact", "office", "admin", "hello",
	"support", "team", "enquiries", "accounts", NULL};
static const char *const stages[] = {"Subscriber", "Lead", "Marketing Qualified Lead",
	"Sales Qualified Lead", "Opportunity", "Customer", "Evangelist", "Other", NULL};

static uint32_t
count(const char *const *list)
{
	uint32_t n = 0;
	while (list[n])
		n++;
	return n;
}

static const char *
pick(rng *r, const char *const *list)
{
	return list[rng_below(r, count(list))];
}

/* ---- countries, addresses, phones ---- */

enum { C_US, C_CA, C_GB, C_DE, C_FR, NCOUNTRY };

static const char *const country_iso[NCOUNTRY] = {"US", "CA", "GB", "DE", "FR"};
static const uint32_t country_ppm[NCOUNTRY] = {780000, 60000, 80000, 50000, 30000};
static const char *const dial[NCOUNTRY] = {"1", "1", "44", "49", "33"};
static const char *const country_names[NCOUNTRY][6] = {
	{"United States", "USA", "US", "U.S.A.", "United States of America", NULL},
	{"Canada", "CA", "CAN", NULL},
	{"United Kingdom", "UK", "GB", "Great Britain", "England", NULL},
	{"Germany", "Deutschland", "DE", NULL},
	{"France", "FR", "République française", NULL},
};
static const char *const free_mail[NCOUNTRY][8] = {
	{"gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "icloud.com", "comcast.net", NULL},
	{"gmail.com", "hotmail.com", "yahoo.ca", "outlook.com", "rogers.com", "shaw.ca", NULL},
	{"gmail.com", "hotmail.co.uk", "yahoo.co.uk", "btinternet.com", "outlook.com", "sky.com", NULL},
	{"gmail.com", "gmx.de", "web.de", "t-online.de", "outlook.de", NULL},
	{"gmail.com", "orange.fr", "free.fr", "laposte.net", "hotmail.fr", NULL},
};
static const char *const tld[NCOUNTRY] = {".com", ".ca", ".co.uk", ".de", ".fr"};
/* Mistyped free-mail domains: the domain, then its usual slips. */
static const char *const mail_typos[][6] = {
	{"gmail.com", "gmial.com", "gmai.com", "gamil.com", "gnail.com", "gmail.con"},
	{"yahoo.com", "yaho.com", "yahooo.com", "yahoo.cm", NULL},
	{"hotmail.com", "hotmial.com", "hotmal.com", "hotmail.co", NULL},
	{"outlook.com", "outlok.com", "outloo.com", NULL},
	{"icloud.com", "iclod.com", "icoud.com", NULL},
};

typedef struct {
	const char *usual, *other;
} spelling;

static const spelling types_us[] = {{"St", "Street"}, {"Ave", "Avenue"}, {"Blvd", "Boulevard"},
	{"Rd", "Road"}, {"Dr", "Drive"}, {"Ln", "Lane"}, {"Ct", "Court"}, {"Pl", "Place"},
	{"Pkwy", "Parkway"}, {"Ter", "Terrace"}, {NULL, NULL}};
static const spelling types_gb[] = {{"Road", "Rd"}, {"Street", "St"}, {"Lane", "Ln"},
	{"Avenue", "Ave"}, {"Close", "Cl"}, {"Gardens", "Gdns"}, {"Square", "Sq"}, {NULL, NULL}};
static const spelling types_de[] = {{"straße", "str."}, {"straße", "strasse"}, {"weg", " Weg"},
	{"allee", " Allee"}, {"platz", "pl."}, {NULL, NULL}};
static const spelling types_fr[] = {{"rue", "r."}, {"avenue", "av."}, {"boulevard", "bd"},
	{"place", "pl."}, {"allée", "all."}, {NULL, NULL}};
static const spelling *const street_types[NCOUNTRY] = {types_us, types_us, types_gb, types_de, types_fr};
static const char *const unit_kinds[] = {"", "Suite ", "Ste ", "Floor ", "Unit ", "Apt ", "#"};

/* Legal suffix families; each lists the ways one suffix is written. */
enum {
	SX_INC, SX_LLC, SX_CORP, SX_NONE_US, SX_LTD, SX_PLC, SX_LLP, SX_NONE_GB,
	SX_GMBH, SX_AG, SX_KG, SX_NONE_DE, SX_SAS, SX_SA, SX_SARL, SX_NONE_FR, NSUFFIX
};
static const char *const suffixes[NSUFFIX][6] = {
	[SX_INC] = {" Inc", " Inc.", ", Inc.", " Incorporated", "", NULL},
	[SX_LLC] = {" LLC", " L.L.C.", ", LLC", "", NULL},
	[SX_CORP] = {" Corp", " Corp.", " Corporation", "", NULL},
	[SX_NONE_US] = {"", " Inc.", NULL},
	[SX_LTD] = {" Ltd", " Ltd.", " Limited", "", NULL},
	[SX_PLC] = {" PLC", " plc", " Public Limited Company", "", NULL},
	[SX_LLP] = {" LLP", " L.L.P.", "", NULL},
	[SX_NONE_GB] = {"", " Ltd", NULL},
	[SX_GMBH] = {" GmbH", " G.m.b.H.", " Gmbh", "", NULL},
	[SX_AG] = {" AG", " A.G.", "", NULL},
	[SX_KG] = {" GmbH & Co. KG", " GmbH & Co KG", " GmbH u. Co. KG", "", NULL},
	[SX_NONE_DE] = {"", " GmbH", NULL},
	[SX_SAS] = {" SAS", " S.A.S.", " sas", "", NULL},
	[SX_SA] = {" SA", " S.A.", "", NULL},
	[SX_SARL] = {" SARL", " S.A.R.L.", " Sàrl", "", NULL},
	[SX_NONE_FR] = {"", " SAS", NULL},
};
/* Per country: four suffix families and their cumulative shares (ppm). */
static const uint8_t suffix_family[NCOUNTRY][4] = {
	{SX_INC, SX_LLC, SX_CORP, SX_NONE_US}, {SX_INC, SX_LTD, SX_CORP, SX_NONE_US},
	{SX_LTD, SX_PLC, SX_LLP, SX_NONE_GB}, {SX_GMBH, SX_AG, SX_KG, SX_NONE_DE},
	{SX_SAS, SX_SA, SX_SARL, SX_NONE_FR},
};
static const uint32_t suffix_cum[NCOUNTRY][4] = {
	{350000, 600000, 700000, PPM}, {400000, 700000, 750000, PPM},
	{600000, 680000, 750000, PPM}, {600000, 700000, 780000, PPM},
	{400000, 600000, 800000, PPM},
};

typedef struct {
	uint16_t city, street, number, unit;
	uint8_t  country, type, unit_kind, cvar;
	bool     other_type; /* street type spelt the other way */
	bool     unit_nl;    /* unit on a second line */
	char     postcode[12];
} address;

typedef struct {
	uint8_t country;
	char    area[8];
	char    sub[12];
} phone;

typedef struct {
	uint64_t index, serial;
	uint32_t prefix, core, trade, employees;
	bool     intl, namesake;
	uint8_t  suffix, suffix_var, phone_fmt, web_style, role;
	address  addr;
	phone    main;
	char     domain[128];
} company;

typedef struct {
	bool     female, namesake, family, free_mail, has_mobile;
	uint8_t  salut, phone_fmt, email_style, free_dom;
	uint16_t email_num, title;
	uint64_t company;
	char     first[64], last[64];
	address  addr;
	phone    phone, mobile;
} contact;

/* ---- the generator's context ---- */

typedef struct {
	stw_sample_opts         o;
	const stw_sample_pools *pl;
	const column           *cols;
	bool                    has[NKEYS];
	uint32_t                p[ND];       /* intended rate per defect, ppm (0: not produced) */
	uint32_t                attempt[ND]; /* width of its interval in the field draw */
	uint64_t                entities, dups, companies;
	wlist male, female, surnames, male_intl, female_intl, surnames_intl;
	wlist cmale, cfemale, csurnames, titles, prefixes, cores;
	wlist streets[NCOUNTRY];
	uint8_t                *city_country;
	uint32_t               *city_cum; /* rank weights, cumulative within a country */
	uint32_t                city_lo[NCOUNTRY], city_hi[NCOUNTRY], ntypes[NCOUNTRY];
	uint32_t                nprefix_ascii, ns_names;
	uint64_t                name_space, perm_a, perm_b;
	uint64_t                id_base, id_step, zoho_org;
	char                    pod[3];
	char                    owner_name[NOWNERS][64];
	char                    owner_id[NOWNERS][40];
} gen;

static uint16_t
pick_city(const gen *g, rng *r)
{
	uint32_t u = rng_below(r, PPM), acc = 0, c = 0;
	while (c + 1 < NCOUNTRY && u >= (acc += country_ppm[c]))
		c++;
	uint32_t lo = g->city_lo[c], hi = g->city_hi[c] - 1;
	uint32_t v = rng_below(r, g->city_cum[hi]);
	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;
		if (g->city_cum[mid] > v)
			hi = mid;
		else
			lo = mid + 1;
	}
	return (uint16_t)lo;
}

static void
digits(sb *b, rng *r, int n)
{
	for (int i = 0; i < n; i++)
		sb_c(b, (char)('0' + rng_below(r, 10)));
}

static void
addr_make(const gen *g, rng *r, uint16_t city, bool office, address *a)
{
	static const char ca_letters[] = "ABCEGHJKLMNPRSTVWXYZ";
	static const char gb_letters[] = "ABDEFGHJLNPQRSTUWXYZ";
	memset(a, 0, sizeof *a);
	a->city = city;
	a->country = g->city_country[city];
	a->street = (uint16_t)rng_below(r, g->streets[a->country].n);
	a->type = (uint8_t)rng_below(r, g->ntypes[a->country]);
	bool na = a->country <= C_CA;
	a->number = (uint16_t)(na ? rng_range(r, office ? 100 : 1, 9999) : rng_range(r, 1, 180));
	a->other_type = rng_ppm(r, na ? 300000 : 100000);
	if (na && rng_ppm(r, office ? 300000 : 100000)) {
		a->unit_kind = (uint8_t)rng_range(r, 1, 6);
		a->unit = (uint16_t)(a->unit_kind <= 2 ? rng_range(r, 1, 24) * 100 : rng_range(r, 1, 40));
		a->unit_nl = rng_ppm(r, 350000);
	}
	a->cvar = (uint8_t)(rng_ppm(r, 850000) ? 0 : 1 + rng_below(r, count(country_names[a->country]) - 1));
	sb b;
	sb_init(&b, a->postcode);
	const char *stem = g->pl->cities[city].postal;
	sb_s(&b, stem);
	switch (a->country) {
	case C_US:
		sb_u(&b, rng_range(r, 1, 99), 2);
		break;
	case C_CA:
		sb_c(&b, ca_letters[rng_below(r, 20)]);
		sb_c(&b, ' ');
		digits(&b, r, 1);
		sb_c(&b, ca_letters[rng_below(r, 20)]);
		digits(&b, r, 1);
		break;
	case C_GB:
		sb_u(&b, rng_range(r, 1, 20), 1);
		sb_c(&b, ' ');
		digits(&b, r, 1);
		sb_c(&b, gb_letters[rng_below(r, 20)]);
		sb_c(&b, gb_letters[rng_below(r, 20)]);
		break;
	case C_DE:
		digits(&b, r, 3);
		break;
	default:
		sb_u(&b, rng_range(r, 1, 20), 2);
		break;
	}
}

static void
street_render(const gen *g, const address *a, bool flip, char *out)
{
	const spelling *t = &street_types[a->country][a->type];
	const char *type = a->other_type != flip ? t->other : t->usual;
	const char *name = g->streets[a->country].w[a->street];
	sb b;
	sb_init(&b, out);
	if (a->country == C_DE) {
		sb_s(&b, name);
		sb_s(&b, type);
		sb_c(&b, ' ');
		sb_u(&b, a->number, 1);
	} else {
		sb_u(&b, a->number, 1);
		sb_c(&b, ' ');
		sb_s(&b, a->country == C_FR ? type : name);
		sb_c(&b, ' ');
		sb_s(&b, a->country == C_FR ? name : type);
	}
	if (a->unit_kind) {
		sb_s(&b, a->unit_nl ? "\n" : ", ");
		sb_s(&b, unit_kinds[a->unit_kind]);
		sb_u(&b, a->unit, 1);
	}
}

/* kind: 0 direct line, 1 mobile, 2 switchboard (ends in 000, 100...). */
static void
phone_make(const gen *g, rng *r, uint16_t city, int kind, phone *ph)
{
	static const char *const de_mobile[] = {"151", "160", "170", "176", NULL};
	uint8_t c = g->city_country[city];
	ph->country = c;
	sb a, s;
	sb_init(&a, ph->area);
	sb_init(&s, ph->sub);
	if (kind == 1 && c == C_GB) {
		sb_c(&a, '7');
		sb_u(&a, rng_range(r, 400, 999), 3);
	} else if (kind == 1 && c == C_DE) {
		sb_s(&a, pick(r, de_mobile));
	} else if (kind == 1 && c == C_FR) {
		sb_c(&a, rng_below(r, 2) ? '6' : '7');
	} else {
		sb_s(&a, g->pl->cities[city].area);
	}
	int len = c <= C_CA ? 7 : c == C_FR ? 8 : 10 - (int)a.n;
	sb_c(&s, (char)('2' + rng_below(r, 8)));
	if (kind == 2 && rng_ppm(r, 700000)) {
		digits(&s, r, len - 4);
		sb_c(&s, (char)('0' + rng_below(r, 3)));
		sb_s(&s, "00");
	} else {
		digits(&s, r, len - 1);
	}
}

/* The subscriber number in the country's usual groups. */
static void
sub_grouped(sb *b, const phone *ph)
{
	size_t n = strlen(ph->sub);
	for (size_t i = 0; i < n; i++) {
		bool gap = ph->country == C_FR ? i && i % 2 == 0 :
		           ph->country == C_GB ? i && i == n - 4 && n > 6 : false;
		if (gap)
			sb_c(b, ' ');
		sb_c(b, ph->sub[i]);
	}
}

static unsigned
phone_formats(uint8_t country)
{
	return country <= C_CA ? 8 : 7;
}

static void
phone_render(const phone *ph, unsigned fmt, char *out)
{
	static const char *const na[8][4] = {
		{"(", ") ", "-", ""}, {"", "-", "-", ""}, {"", ".", ".", ""}, {"+1 ", " ", " ", ""},
		{"+1 (", ") ", "-", ""}, {"", "", "", ""}, {"1-", "-", "-", ""}, {"+1", "", "", ""},
	};
	sb b;
	sb_init(&b, out);
	if (ph->country <= C_CA) {
		const char *const *f = na[fmt % 8];
		char x[4] = {ph->sub[0], ph->sub[1], ph->sub[2], '\0'};
		sb_s(&b, f[0]);
		sb_s(&b, ph->area);
		sb_s(&b, f[1]);
		sb_s(&b, x);
		sb_s(&b, f[2]);
		sb_s(&b, ph->sub + 3);
		return;
	}
	const char *cc = dial[ph->country];
	switch (fmt % 7) {
	case 0: sb_c(&b, '0'); sb_s(&b, ph->area); sb_c(&b, ' '); sub_grouped(&b, ph); break;
	case 1: sb_c(&b, '+'); sb_s(&b, cc); sb_c(&b, ' '); sb_s(&b, ph->area); sb_c(&b, ' ');
		sub_grouped(&b, ph); break;
	case 2: sb_c(&b, '+'); sb_s(&b, cc); sb_s(&b, " (0)"); sb_s(&b, ph->area); sb_c(&b, ' ');
		sub_grouped(&b, ph); break;
	case 3: sb_s(&b, "00"); sb_s(&b, cc); sb_c(&b, ' '); sb_s(&b, ph->area); sb_c(&b, ' ');
		sub_grouped(&b, ph); break;
	case 4: sb_c(&b, '0'); sb_s(&b, ph->area); sb_s(&b, ph->sub); break;
	case 5: sb_c(&b, '+'); sb_s(&b, cc); sb_s(&b, ph->area); sb_s(&b, ph->sub); break;
	default: sb_s(&b, "(0"); sb_s(&b, ph->area); sb_s(&b, ") "); sub_grouped(&b, ph); break;
	}
}

/* The format a record starts with: the common ones. */
static uint8_t
phone_fmt_usual(rng *r, uint8_t country)
{
	uint32_t u = rng_below(r, 10);
	if (country <= C_CA)
		return u < 5 ? 0 : u < 8 ? 1 : 2;
	return u < 6 ? 0 : 1;
}

/* Any variant index in [0, n) other than cur. */
static unsigned
other_than(rng *r, unsigned cur, unsigned n)
{
	unsigned v = rng_below(r, n - 1);
	return v >= cur ? v + 1 : v;
}

/* ---- companies ---- */

/* A bijection of [0, name_space): spreads consecutive companies over the names. */
static uint64_t
perm(const gen *g, uint64_t x)
{
	return (g->perm_a * x + g->perm_b) % g->name_space;
}

static void
company_make(const gen *g, uint64_t c, bool as_entity, company *co)
{
	rng r;
	rng_init(&r, g->o.seed, S_COMPANY, c);
	memset(co, 0, sizeof *co);
	co->index = c;
	/* Namesakes take one of a few reserved names; the others a name of their own. */
	co->namesake = as_entity && rng_ppm(&r, g->p[D_NAMESAKE]);
	uint64_t t, space = g->name_space - g->ns_names;
	if (co->namesake) {
		t = perm(g, g->name_space - 1 - rng_below(&r, g->ns_names));
	} else {
		t = perm(g, c % space);
		co->serial = c / space;
	}
	co->trade = (uint32_t)(t % g->pl->ntrades);
	t /= g->pl->ntrades;
	co->core = (uint32_t)(t % g->cores.n);
	co->prefix = (uint32_t)(t / g->cores.n);
	co->intl = co->prefix >= g->nprefix_ascii;
	uint16_t city = pick_city(g, &r);
	addr_make(g, &r, city, true, &co->addr);
	phone_make(g, &r, city, 2, &co->main);
	uint8_t cc = co->addr.country;
	uint32_t u = rng_below(&r, PPM), k = 0;
	while (k < 3 && u >= suffix_cum[cc][k])
		k++;
	co->suffix = suffix_family[cc][k];
	co->suffix_var = k == 3 ? 0 : (uint8_t)rng_ppm(&r, 250000);
	co->phone_fmt = phone_fmt_usual(&r, cc);
	u = rng_below(&r, 10);
	co->web_style = g->o.crm == STW_SAMPLE_HUBSPOT ? 3 : u < 5 ? 0 : u < 8 ? 1 : 3;
	co->role = (uint8_t)rng_below(&r, count(roles));
	static const uint32_t band[][2] = {{1, 10}, {11, 50}, {51, 200}, {201, 1000},
	                                   {1001, 10000}, {10001, 200000}};
	static const uint32_t band_cum[] = {300000, 600000, 800000, 920000, 980000, PPM};
	u = rng_below(&r, PPM);
	for (k = 0; u >= band_cum[k]; k++)
		;
	co->employees = rng_range(&r, band[k][0], band[k][1]);
	sb b;
	sb_init(&b, co->domain);
	sb_fold(&b, g->prefixes.w[co->prefix]);
	sb_fold(&b, g->cores.w[co->core]);
	sb_fold(&b, g->pl->trades[co->trade].word);
	if (co->namesake) {
		sb_c(&b, '-');
		sb_fold(&b, g->pl->cities[city].name);
		sb_u(&b, c % 90 + 10, 2);
	} else if (co->serial) {
		sb_u(&b, co->serial + 1, 1);
	}
	sb_s(&b, tld[cc]);
}

/* Contacts' employers: skewed, so that a few companies have many contacts. */
static uint64_t
company_pick(const gen *g, rng *r)
{
	uint64_t x = rng_next(r) >> 32;
	return (((x * x) >> 32) * g->companies) >> 32;
}

/* The name with suffix variant var; with typo_r, a slip in the part before the suffix. */
static void
company_name(const gen *g, const company *co, unsigned var, rng *typo_r, char *out)
{
	sb b;
	sb_init(&b, out);
	sb_s(&b, g->prefixes.w[co->prefix]);
	sb_c(&b, ' ');
	sb_s(&b, g->cores.w[co->core]);
	sb_c(&b, ' ');
	sb_s(&b, g->pl->trades[co->trade].word);
	if (co->serial) {
		sb_c(&b, ' ');
		sb_u(&b, co->serial + 1, 1);
	}
	if (typo_r) {
		typo(typo_r, out);
		b.n = strlen(out);
	}
	sb_s(&b, suffixes[co->suffix][var]);
}

static void
website_render(const company *co, unsigned style, char *out)
{
	static const char *const pre[] = {"www.", "https://www.", "http://", "", "https://"};
	sb b;
	sb_init(&b, out);
	sb_s(&b, pre[style % 5]);
	sb_s(&b, co->domain);
	if (style % 5 == 4)
		sb_c(&b, '/');
}

/* ---- contacts ---- */

/* Whether entity i (odd) belongs to the household of entity i - 1. */
static bool
family_pair(const gen *g, uint64_t i)
{
	if (!(i & 1) || i >= g->entities || !g->p[D_FAMILY])
		return false;
	return mix64(g->o.seed ^ mix64(i ^ ((uint64_t)S_FAMILY << 56))) % PPM < g->p[D_FAMILY];
}

static void
contact_base(const gen *g, uint64_t id, contact *c)
{
	rng r;
	rng_init(&r, g->o.seed, S_ENTITY, id);
	memset(c, 0, sizeof *c);
	c->female = rng_below(&r, 2);
	const wlist *given = c->female ? &g->female : &g->male;
	const wlist *given_intl = c->female ? &g->female_intl : &g->male_intl;
	uint32_t u = rng_below(&r, PPM), v = rng_below(&r, 3);
	if (u < g->p[D_NAMESAKE]) {
		c->namesake = true;
		set(c->first, wl_pick(c->female ? &g->cfemale : &g->cmale, &r));
		set(c->last, wl_pick(&g->csurnames, &r));
	} else if (u < g->p[D_NAMESAKE] + INTL_PPM) {
		set(c->first, wl_pick(v == 1 ? given : given_intl, &r));
		set(c->last, wl_pick(v == 0 ? &g->surnames : &g->surnames_intl, &r));
	} else {
		set(c->first, wl_pick(given, &r));
		set(c->last, wl_pick(&g->surnames, &r));
	}
	c->title = (uint16_t)wl_index(&g->titles, &r);
	c->company = company_pick(g, &r);
	u = rng_below(&r, 20);
	c->salut = (uint8_t)(u < 7 ? 0 : u < 8 ? 4 : c->female ? (u < 15 ? 2 : 3) : 1);
	bool household = !(id & 1) && family_pair(g, id + 1);
	if (household || rng_ppm(&r, 350000)) {
		addr_make(g, &r, pick_city(g, &r), false, &c->addr);
	} else {
		company co;
		company_make(g, c->company, false, &co);
		c->addr = co.addr;
	}
	phone_make(g, &r, c->addr.city, 0, &c->phone);
	c->has_mobile = rng_ppm(&r, 700000);
	phone_make(g, &r, c->addr.city, 1, &c->mobile);
	c->phone_fmt = phone_fmt_usual(&r, c->addr.country);
	c->free_mail = rng_ppm(&r, household ? 600000 : 200000);
	u = rng_below(&r, 100);
	c->email_style = (uint8_t)(u < 45 ? 0 : u < 65 ? 1 : u < 73 ? 2 : u < 76 ? 3 : u < 86 ? 4 : u < 94 ? 5 : 6);
	u = rng_below(&r, count(free_mail[c->addr.country]));
	c->free_dom = (uint8_t)(rng_ppm(&r, 400000) ? 0 : u);
	c->email_num = (uint16_t)(rng_ppm(&r, 700000) ? rng_range(&r, 1, 99) : 0);
}

/* The entity: its own draws, then the household it shares with a partner. */
static void
contact_make(const gen *g, uint64_t id, contact *c)
{
	contact_base(g, id, c);
	if (family_pair(g, id)) {
		contact p;
		contact_base(g, id - 1, &p);
		set(c->last, p.last);
		c->addr = p.addr;
		c->phone = p.phone;
		c->family = true;
		c->namesake = false;
		rng r;
		rng_init(&r, g->o.seed, S_FAMILY, id);
		for (int i = 0; i < 8 && strcmp(c->first, p.first) == 0; i++)
			set(c->first, wl_pick(c->female ? &g->female : &g->male, &r));
	} else if (!(id & 1) && family_pair(g, id + 1)) {
		c->family = true;
	}
}

static void
email_build(const contact *c, const company *co, bool work, char *out)
{
	char f[VCAP], l[VCAP];
	sb b;
	sb_init(&b, f);
	sb_fold(&b, c->first);
	sb_init(&b, l);
	sb_fold(&b, c->last);
	sb_init(&b, out);
	switch (c->email_style) {
	case 0: sb_s(&b, f); sb_c(&b, '.'); sb_s(&b, l); break;
	case 1: sb_c(&b, f[0]); sb_s(&b, l); break;
	case 2: sb_s(&b, f); sb_c(&b, l[0]); break;
	case 3: sb_s(&b, f); break;
	case 4: sb_s(&b, f); sb_c(&b, '_'); sb_s(&b, l); break;
	case 5: sb_s(&b, f); sb_s(&b, l); break;
	default: sb_s(&b, l); sb_c(&b, '.'); sb_s(&b, f); break;
	}
	if (c->free_mail && !work) {
		if (c->email_num)
			sb_u(&b, c->email_num, 1);
		sb_c(&b, '@');
		/* % : a family member may have moved to another country's address */
		sb_s(&b, free_mail[c->addr.country][c->free_dom % count(free_mail[c->addr.country])]);
	} else {
		sb_c(&b, '@');
		sb_s(&b, co->domain);
	}
}

static const char *
nickname(const gen *g, const char *first, rng *r)
{
	for (size_t i = 0; i < g->pl->nnicks; i++) {
		const stw_sample_nick *n = &g->pl->nicks[i];
		if (strcmp(n->formal, first) == 0) {
			uint32_t k = n->nick[2] ? 3 : n->nick[1] ? 2 : 1;
			return r ? n->nick[rng_below(r, k)] : n->nick[0];
		}
	}
	return NULL;
}

/* ---- defects on one field ---- */

/* One draw for a field group: the defect whose interval holds it, or -1. */
static int
draw(const gen *g, rng *r, const int8_t *grp, bool dup)
{
	uint32_t u = rng_below(r, PPM), acc = 0;
	for (; *grp >= 0; grp++) {
		acc += g->attempt[*grp];
		if (u < acc)
			return defects[*grp].dup && !dup ? -1 : *grp;
	}
	return -1;
}

static void
whitespace(rng *r, char *s)
{
	char tmp[VCAP];
	set(tmp, s);
	sb b;
	sb_init(&b, s);
	uint32_t k = rng_below(r, 3);
	sb_s(&b, k == 0 ? " " : "");
	sb_s(&b, tmp);
	sb_s(&b, k == 1 ? " " : k == 2 ? "\xC2\xA0" : "");
}

static void
email_case(rng *r, char *s)
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

static void
email_typo(rng *r, char *s)
{
	char *at = strchr(s, '@');
	if (!at)
		return;
	char out[VCAP], host[VCAP];
	const char *dom = at + 1, *dot = strchr(dom, '.');
	sb b;
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
	typo(r, host);
	sb_s(&b, host);
	sb_s(&b, dot ? dot : "");
	set(s, out);
}

static void
email_invalid(rng *r, char *s)
{
	char *at = strchr(s, '@');
	if (!at)
		return;
	char out[VCAP];
	const char *dom = at + 1, *dot = strrchr(dom, '.');
	sb b;
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

static void
website_invalid(rng *r, const company *co, char *out)
{
	static const char *const pre[] = {"http//www.", "www.", "www,", "htp://"};
	uint32_t k = rng_below(r, 4);
	sb b;
	sb_init(&b, out);
	sb_s(&b, pre[k]);
	for (const char *p = co->domain; *p && !(k == 1 && *p == '.'); p++)
		sb_c(&b, *p); /* k == 1: no TLD */
}

/* ---- rows ---- */

typedef struct {
	char     v[NKEYS][VCAP];
	uint64_t flags;
	bool     intl; /* the entity's name has a non-ASCII letter */
} rowval;

static void
mark(rowval *rv, int d)
{
	if (d >= 0)
		rv->flags |= BIT(d);
}

static void
address_fields(const gen *g, rng *r, const address *a, bool dup, rowval *rv)
{
	const stw_sample_city *c = &g->pl->cities[a->city];
	int d = draw(g, r, grp_street, dup);
	street_render(g, a, d == D_STREET_FMT, rv->v[K_STREET]);
	mark(rv, d);
	d = draw(g, r, grp_city, dup);
	set(rv->v[K_CITY], d == D_JUNK_CITY ? pick(r, junk_any) : c->name);
	mark(rv, d);
	set(rv->v[K_STATE], c->region);
	set(rv->v[K_POSTCODE], a->postcode);
	unsigned var = a->cvar;
	d = draw(g, r, grp_country, dup);
	if (d == D_COUNTRY_FMT)
		var = other_than(r, var, count(country_names[a->country]));
	set(rv->v[K_COUNTRY], country_names[a->country][var]);
	mark(rv, d);
}

static void
contact_row(const gen *g, rng *r, uint64_t eid, bool dup, rowval *rv)
{
	static const char *const saluts[] = {"", "Mr.", "Ms.", "Mrs.", "Dr."};
	char (*v)[VCAP] = rv->v;
	contact c;
	contact_make(g, eid, &c);
	rv->flags = (c.namesake ? BIT(D_NAMESAKE) : 0) | (c.family ? BIT(D_FAMILY) : 0);
	rv->intl = has_nonascii(c.first) || has_nonascii(c.last);
	address addr = c.addr;
	if (dup && rng_ppm(r, g->p[D_ADDRESS_CHANGED])) {
		addr_make(g, r, pick_city(g, r), false, &addr);
		mark(rv, D_ADDRESS_CHANGED);
	}
	bool swapped = dup && rng_ppm(r, g->p[D_SWAPPED]);

	company co;
	uint64_t employer = c.company;
	int d = draw(g, r, grp_company, dup);
	for (int i = 0; d == D_NEW_EMPLOYER && i < 8 && employer == c.company; i++)
		employer = company_pick(g, r);
	if (d == D_NEW_EMPLOYER && employer == c.company)
		d = -1;
	bool moved = d == D_NEW_EMPLOYER;
	company_make(g, employer, false, &co);
	unsigned var = co.suffix_var;
	if (d == D_SUFFIX)
		var = other_than(r, var, count(suffixes[co.suffix]));
	company_name(g, &co, var, d == D_TYPO_COMPANY ? r : NULL, v[K_COMPANY]);
	if (d == D_JUNK_COMPANY)
		set(v[K_COMPANY], pick(r, junk_any));
	else if (d == D_MISSING_COMPANY)
		v[K_COMPANY][0] = '\0';
	mark(rv, d);

	set(v[K_FIRST], c.first);
	d = draw(g, r, grp_first, dup);
	const char *nick = d == D_NICKNAME ? nickname(g, c.first, r) : NULL;
	if (d == D_TYPO_FIRST)
		typo(r, v[K_FIRST]);
	else if (d == D_NICKNAME && nick)
		set(v[K_FIRST], nick);
	else if (d == D_NICKNAME)
		d = -1;
	else if (d == D_JUNK_FIRST)
		set(v[K_FIRST], pick(r, junk_any));
	else if (d == D_WHITESPACE)
		whitespace(r, v[K_FIRST]);
	mark(rv, d);

	set(v[K_LAST], c.last);
	d = draw(g, r, grp_last, dup);
	if (d == D_TYPO_LAST) {
		typo(r, v[K_LAST]);
	} else if (d == D_MARRIED && !c.female) {
		d = -1;
	} else if (d == D_MARRIED) {
		const char *nl = wl_pick(&g->surnames, r);
		for (int i = 0; i < 8 && strcmp(nl, c.last) == 0; i++)
			nl = wl_pick(&g->surnames, r);
		sb b;
		sb_init(&b, v[K_LAST]);
		if (rng_ppm(r, 250000)) {
			sb_s(&b, c.last);
			sb_c(&b, '-');
		}
		sb_s(&b, nl);
	} else if (d == D_JUNK_LAST) {
		set(v[K_LAST], pick(r, junk_any));
	} else if (d == D_MISSING_LAST) {
		v[K_LAST][0] = '\0';
	}
	mark(rv, d);

	set(v[K_TITLE], g->titles.w[c.title]);
	d = draw(g, r, grp_title, dup);
	if (d == D_TITLE_CHANGED)
		set(v[K_TITLE], g->titles.w[other_than(r, c.title, g->titles.n)]);
	else if (d == D_MISSING_TITLE)
		v[K_TITLE][0] = '\0';
	else if (d == D_JUNK_TITLE)
		set(v[K_TITLE], pick(r, junk_any));
	mark(rv, d);

	email_build(&c, &co, moved, v[K_EMAIL]);
	d = draw(g, r, grp_email, dup);
	if (d == D_EMAIL_CASE) {
		email_case(r, v[K_EMAIL]);
	} else if (d == D_TYPO_EMAIL) {
		email_typo(r, v[K_EMAIL]);
	} else if (d == D_JUNK_EMAIL) {
		set(v[K_EMAIL], pick(r, junk_email));
	} else if (d == D_MISSING_EMAIL) {
		v[K_EMAIL][0] = '\0';
	} else if (d == D_INVALID_EMAIL) {
		email_invalid(r, v[K_EMAIL]);
	} else if (d == D_ROLE_EMAIL) {
		sb b;
		sb_init(&b, v[K_EMAIL]);
		sb_s(&b, roles[co.role]);
		sb_c(&b, '@');
		sb_s(&b, co.domain);
	}
	mark(rv, d);

	unsigned fmt = c.phone_fmt;
	const phone *ph = &c.phone;
	d = draw(g, r, grp_phone, dup);
	if (d == D_PHONE_FMT)
		fmt = other_than(r, fmt, phone_formats(ph->country));
	else if (d == D_SWITCHBOARD)
		ph = &co.main;
	phone_render(ph, fmt, v[K_PHONE]);
	if (d == D_MISSING_PHONE)
		v[K_PHONE][0] = '\0';
	else if (d == D_JUNK_PHONE)
		set(v[K_PHONE], pick(r, junk_phone));
	mark(rv, d);
	if (c.has_mobile)
		phone_render(&c.mobile, fmt, v[K_MOBILE]);

	address_fields(g, r, &addr, dup, rv);
	set(v[K_SALUT], saluts[c.salut]);
	if (swapped) {
		char t[VCAP];
		memcpy(t, v[K_FIRST], VCAP);
		memcpy(v[K_FIRST], v[K_LAST], VCAP);
		memcpy(v[K_LAST], t, VCAP);
		mark(rv, D_SWAPPED);
	}
}

static void
company_row(const gen *g, rng *r, uint64_t eid, bool dup, rowval *rv)
{
	char (*v)[VCAP] = rv->v;
	company co;
	company_make(g, eid, true, &co);
	rv->flags = co.namesake ? BIT(D_NAMESAKE) : 0;
	rv->intl = co.intl;
	address addr = co.addr;
	if (dup && rng_ppm(r, g->p[D_ADDRESS_CHANGED])) {
		addr_make(g, r, pick_city(g, r), true, &addr);
		mark(rv, D_ADDRESS_CHANGED);
	}

	int d = draw(g, r, grp_name, dup);
	unsigned var = co.suffix_var;
	if (d == D_SUFFIX)
		var = other_than(r, var, count(suffixes[co.suffix]));
	company_name(g, &co, var, d == D_TYPO_NAME ? r : NULL, v[K_COMPANY]);
	if (d == D_JUNK_NAME)
		set(v[K_COMPANY], pick(r, junk_any));
	else if (d == D_MISSING_NAME)
		v[K_COMPANY][0] = '\0';
	else if (d == D_WHITESPACE)
		whitespace(r, v[K_COMPANY]);
	mark(rv, d);

	unsigned fmt = co.phone_fmt;
	d = draw(g, r, grp_phone, dup);
	if (d == D_PHONE_FMT)
		fmt = other_than(r, fmt, phone_formats(co.main.country));
	phone_render(&co.main, fmt, v[K_PHONE]);
	if (d == D_MISSING_PHONE)
		v[K_PHONE][0] = '\0';
	else if (d == D_JUNK_PHONE)
		set(v[K_PHONE], pick(r, junk_phone));
	mark(rv, d);

	unsigned style = co.web_style;
	d = draw(g, r, grp_web, dup);
	if (d == D_WEBSITE_FMT)
		style = other_than(r, style, 5);
	website_render(&co, style, v[K_WEBSITE]);
	if (d == D_JUNK_WEBSITE)
		set(v[K_WEBSITE], pick(r, junk_web));
	else if (d == D_MISSING_WEBSITE)
		v[K_WEBSITE][0] = '\0';
	else if (d == D_INVALID_WEBSITE)
		website_invalid(r, &co, v[K_WEBSITE]);
	mark(rv, d);

	d = draw(g, r, grp_industry, dup);
	set(v[K_INDUSTRY], d == D_MISSING_INDUSTRY ? "" : d == D_JUNK_INDUSTRY ?
	    pick(r, junk_any) : g->pl->trades[co.trade].industry);
	mark(rv, d);

	uint64_t n = co.employees;
	d = draw(g, r, grp_employees, dup);
	if (d == D_EMPLOYEES) {
		uint64_t m = n * rng_range(r, 60, 140) / 100;
		n = m == n ? n + rng_range(r, 1, 9) : m;
	}
	mark(rv, d);
	sb b;
	sb_init(&b, v[K_EMPLOYEES]);
	sb_u(&b, n, 1);

	address_fields(g, r, &addr, dup, rv);
}

/* ---- ids and dates ---- */

static void
sf_id(sb *b, const char *prefix, const char *pod, uint64_t n)
{
	static const char b62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	char id[19];
	memcpy(id, prefix, 3);
	memcpy(id + 3, pod, 2);
	id[5] = '0';
	for (int i = 14; i >= 6; i--, n /= 62)
		id[i] = b62[n % 62];
	/* The 18-character form: a case-sensitivity checksum of each 5-character chunk. */
	for (int k = 0; k < 3; k++) {
		unsigned bits = 0;
		for (int i = 0; i < 5; i++)
			if (id[k * 5 + i] >= 'A' && id[k * 5 + i] <= 'Z')
				bits |= 1u << i;
		id[15 + k] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"[bits];
	}
	id[18] = '\0';
	sb_s(b, id);
}

/* A bijection of 62-bit integers, so that GUIDs of distinct rows differ. */
static uint64_t
bij62(uint64_t x)
{
	const uint64_t m = (1ULL << 62) - 1;
	x = (x & m) * 0x9E3779B97F4A7C15ULL & m;
	x ^= x >> 29;
	x = x * 0xBF58476D1CE4E5B9ULL & m;
	return x ^ (x >> 32);
}

static void
guid(sb *b, uint64_t seed, uint64_t stream, uint64_t x)
{
	uint64_t hi = (mix64(seed ^ mix64(x + stream)) & ~0xF000ULL) | 0x4000ULL; /* version 4 */
	uint64_t lo = bij62(x ^ mix64(seed + stream)) | (2ULL << 62);          /* variant 1 */
	for (int i = 0; i < 32; i++) {
		if (i == 8 || i == 12 || i == 16 || i == 20)
			sb_c(b, '-');
		uint64_t w = i < 16 ? hi : lo;
		sb_c(b, "0123456789abcdef"[(w >> (60 - 4 * (i % 16))) & 15]);
	}
}

static void
ext_id(const gen *g, uint64_t row, char *out)
{
	uint64_t n = g->id_base + row * g->id_step + mix64(g->o.seed ^ mix64(row)) % g->id_step;
	sb b;
	sb_init(&b, out);
	switch (g->o.crm) {
	case STW_SAMPLE_SALESFORCE:
		sf_id(&b, g->o.kind == STW_SAMPLE_CONTACTS ? "003" : "001", g->pod, n);
		break;
	case STW_SAMPLE_DYNAMICS:
		guid(&b, g->o.seed, S_ID, row);
		break;
	case STW_SAMPLE_ZOHO:
		sb_u(&b, g->zoho_org, 7);
		sb_u(&b, n, 12);
		break;
	default:
		sb_u(&b, n, 1);
		break;
	}
}

static void
civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int64_t)yoe + era * 400 + (*m <= 2);
}

/* t: seconds since 1970 (UTC). Each CRM writes dates its own way. */
static void
date_render(const gen *g, int64_t t, bool activity, char *out)
{
	int64_t y;
	unsigned mo, d, s = (unsigned)(t % DAY);
	civil_from_days(t / DAY, &y, &mo, &d);
	stw_sample_crm crm = g->o.crm;
	sb b;
	sb_init(&b, out);
	if (crm == STW_SAMPLE_ZOHO) {
		sb_u(&b, mo, 2);
		sb_c(&b, '/');
		sb_u(&b, d, 2);
		sb_c(&b, '/');
		sb_u(&b, (uint64_t)y, 4);
	} else {
		sb_u(&b, (uint64_t)y, 4);
		sb_c(&b, '-');
		sb_u(&b, mo, 2);
		sb_c(&b, '-');
		sb_u(&b, d, 2);
		if (activity && (crm == STW_SAMPLE_SALESFORCE || crm == STW_SAMPLE_PIPEDRIVE))
			return; /* a date, not a date-time */
	}
	bool iso = crm == STW_SAMPLE_SALESFORCE || crm == STW_SAMPLE_DYNAMICS;
	sb_c(&b, iso ? 'T' : ' ');
	sb_u(&b, s / 3600, 2);
	sb_c(&b, ':');
	sb_u(&b, s / 60 % 60, 2);
	if (crm != STW_SAMPLE_HUBSPOT) {
		sb_c(&b, ':');
		sb_u(&b, s % 60, 2);
	}
	sb_s(&b, crm == STW_SAMPLE_SALESFORCE ? ".000+0000" : crm == STW_SAMPLE_DYNAMICS ? "Z" : "");
}

/* Dates, capitals, encoding, owner and id: what every row gets the same way. */
static void
row_common(const gen *g, rng *r, uint64_t row, rowval *rv)
{
	char (*v)[VCAP] = rv->v;
	const int64_t ref = (int64_t)REF_DAY * DAY;
	int64_t act, created, updated;
	bool no_activity = false;
	if (rng_ppm(r, g->p[D_STALE])) {
		act = ref - (int64_t)rng_range(r, 1650, 3650) * DAY;
		created = act - (int64_t)rng_range(r, 0, 1500) * DAY;
		updated = act + (int64_t)rng_range(r, 0, 90) * DAY;
		mark(rv, D_STALE);
	} else {
		created = ref - (int64_t)rng_range(r, 30, 3300) * DAY;
		act = ref - (int64_t)rng_range(r, 1, 900) * DAY;
		if (act < created)
			act = created + (int64_t)rng_range(r, 0, 20) * DAY;
		updated = act + (int64_t)rng_range(r, 0, 20) * DAY;
		if (updated >= ref)
			updated = act;
		no_activity = rng_ppm(r, 50000);
	}
	date_render(g, created + rng_range(r, 7 * 3600, 20 * 3600 - 1), false, v[K_CREATED]);
	date_render(g, updated + rng_range(r, 7 * 3600, 20 * 3600 - 1), false, v[K_UPDATED]);
	date_render(g, act + rng_range(r, 7 * 3600, 20 * 3600 - 1), true, v[K_ACTIVITY]);
	if (no_activity)
		v[K_ACTIVITY][0] = '\0';

	if (rng_ppm(r, g->p[D_ALL_CAPS])) {
		static const uint8_t keys[] = {K_FIRST, K_LAST, K_TITLE, K_COMPANY, K_STREET, K_CITY};
		for (size_t i = 0; i < sizeof keys; i++)
			upcase(v[keys[i]]);
		mark(rv, D_ALL_CAPS);
	}
	if (rv->intl && rng_ppm(r, MOJIBAKE_Q)) {
		for (int k = 0; k < NKEYS; k++)
			if (has_nonascii(v[k]))
				mojibake(v[k]);
		mark(rv, D_MOJIBAKE);
	} else if (rv->intl) {
		mark(rv, D_NON_ASCII);
	}

	sb b;
	sb_init(&b, v[K_FULL]);
	sb_s(&b, v[K_FIRST]);
	if (v[K_FIRST][0] && v[K_LAST][0])
		sb_c(&b, ' ');
	sb_s(&b, v[K_LAST]);
	uint32_t o = rng_below(r, NOWNERS);
	bool by_id = g->o.crm == STW_SAMPLE_SALESFORCE || g->o.crm == STW_SAMPLE_DYNAMICS;
	set(v[K_OWNER], by_id ? g->owner_id[o] : g->owner_name[o]);
	set(v[K_STAGE], pick(r, stages));
	ext_id(g, row, v[K_ID]);
}

/* ---- set-up ---- */

static uint64_t
gcd(uint64_t a, uint64_t b)
{
	while (b) {
		uint64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* Share (ppm) of the weight of a name list that has a nickname. */
static uint64_t
nick_share(const gen *g, const wlist *l)
{
	uint64_t tot = 0, hit = 0;
	for (uint32_t i = 0; i < l->n; i++) {
		uint64_t w = l->cum ? l->cum[i] - (i ? l->cum[i - 1] : 0) : 1;
		tot += w;
		if (nickname(g, l->w[i], NULL))
			hit += w;
	}
	return hit * PPM / tot;
}

static void
gen_init(gen *g, const stw_sample_opts *o)
{
	memset(g, 0, sizeof *g);
	g->o = *o;
	const stw_sample_pools *pl = g->pl = stw_sample_pools_get();
	g->cols = layouts[o->crm][o->kind];
	for (const column *c = g->cols; c->header; c++)
		g->has[c->key] = true;
	stw_sample_plan(o, &g->entities, &g->dups);
	bool people = o->kind == STW_SAMPLE_CONTACTS;
	g->companies = people ? g->entities / 5 + 1 : g->entities;

	wl_init(&g->male, pl->male, ' ', true);
	wl_init(&g->female, pl->female, ' ', true);
	wl_init(&g->surnames, pl->surnames, ' ', true);
	wl_init(&g->male_intl, pl->male_intl, ' ', false);
	wl_init(&g->female_intl, pl->female_intl, ' ', false);
	wl_init(&g->surnames_intl, pl->surnames_intl, ' ', false);
	wl_init(&g->cmale, pl->common_male, ' ', false);
	wl_init(&g->cfemale, pl->common_female, ' ', false);
	wl_init(&g->csurnames, pl->common_surnames, ' ', false);
	wl_init(&g->titles, pl->titles, '|', true);
	wl_init(&g->cores, pl->company_cores, ' ', false);
	/* ASCII prefixes first, then the others: a company is non-ASCII by its prefix. */
	char *all = stw_xasprintf("%s %s", pl->company_prefixes, pl->company_prefixes_intl);
	wl_init(&g->prefixes, all, ' ', false);
	free(all);
	g->nprefix_ascii = 1;
	for (const char *p = pl->company_prefixes; *p; p++)
		g->nprefix_ascii += *p == ' ';
	const char *streets[NCOUNTRY] = {pl->streets_us, pl->streets_us, pl->streets_gb,
	                                 pl->streets_de, pl->streets_fr};
	for (int c = 0; c < NCOUNTRY; c++) {
		wl_init(&g->streets[c], streets[c], ' ', false);
		while (street_types[c][g->ntypes[c]].usual)
			g->ntypes[c]++;
	}

	/* Cities come grouped by country; weight by rank within the country. */
	g->city_country = stw_xcalloc(pl->ncities, 1);
	g->city_cum = stw_xcalloc(pl->ncities, sizeof *g->city_cum);
	uint32_t rank = 0;
	for (uint32_t i = 0; i < pl->ncities; i++) {
		uint8_t c = 0;
		while (c + 1 < NCOUNTRY && strcmp(country_iso[c], pl->cities[i].country) != 0)
			c++;
		g->city_country[i] = c;
		if (i == 0 || c != g->city_country[i - 1]) {
			g->city_lo[c] = i;
			rank = 0;
		}
		g->city_cum[i] = (rank ? g->city_cum[i - 1] : 0) + 1000000u / (rank + 4);
		rank++;
		g->city_hi[c] = i + 1;
	}

	g->name_space = (uint64_t)g->prefixes.n * g->cores.n * pl->ntrades;
	g->ns_names = (uint32_t)(g->entities / 200 < 20 ? 20 : g->entities / 200 > 20000 ?
	                         20000 : g->entities / 200);
	for (g->perm_a = 1000003; gcd(g->perm_a, g->name_space) != 1; g->perm_a += 2)
		;
	g->perm_b = mix64(o->seed ^ 0x5EEDULL) % g->name_space;

	uint64_t h = mix64(o->seed ^ ((uint64_t)S_ID << 48)), h2 = h >> 32;
	static const char b62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	g->pod[0] = b62[h % 62];
	g->pod[1] = b62[(h / 62) % 62];
	switch (o->crm) {
	case STW_SAMPLE_SALESFORCE: g->id_base = 1000000 + h % 1000000000; g->id_step = 1 + h2 % 29; break;
	case STW_SAMPLE_HUBSPOT: g->id_base = 1000000000 + h % 9000000000ULL; g->id_step = 1 + h2 % 37; break;
	case STW_SAMPLE_PIPEDRIVE: g->id_base = 1 + h % 3000; g->id_step = 1 + h2 % 3; break;
	case STW_SAMPLE_ZOHO: g->id_base = 100000 + h % 1000000; g->id_step = 1 + h2 % 8; break;
	default: g->id_base = 0; g->id_step = 1; break;
	}
	g->zoho_org = 1000000 + (h >> 40) % 9000000;
	for (int k = 0; k < NOWNERS; k++) {
		rng r;
		rng_init(&r, o->seed, S_OWNER, (uint64_t)k);
		sb b;
		sb_init(&b, g->owner_name[k]);
		sb_s(&b, wl_pick(rng_below(&r, 2) ? &g->female : &g->male, &r));
		sb_c(&b, ' ');
		sb_s(&b, wl_pick(&g->surnames, &r));
		sb_init(&b, g->owner_id[k]);
		if (o->crm == STW_SAMPLE_DYNAMICS)
			guid(&b, o->seed, S_OWNER, (uint64_t)k);
		else
			sf_id(&b, "005", g->pod, 100000 + (uint64_t)k * 7919);
	}

	for (int d = 0; d < ND; d++) {
		uint32_t rate = people ? defects[d].contacts : defects[d].companies;
		uint8_t key = d == D_WHITESPACE && !people ? K_COMPANY : defects[d].key;
		g->p[d] = g->has[key] ? rate : 0;
	}
	uint64_t intl = people ? INTL_PPM :
	                (uint64_t)(g->prefixes.n - g->nprefix_ascii) * PPM / g->prefixes.n;
	g->p[D_MOJIBAKE] = (uint32_t)(intl * MOJIBAKE_Q / PPM);
	g->p[D_NON_ASCII] = (uint32_t)intl - g->p[D_MOJIBAKE];
	memcpy(g->attempt, g->p, sizeof g->attempt);
	/* Only women take a married name, only some first names have a nickname:
	 * widen their intervals so that the share of all duplicates is as listed. */
	g->attempt[D_MARRIED] = 2 * g->p[D_MARRIED];
	if (g->p[D_NICKNAME]) {
		uint64_t reg = (nick_share(g, &g->male) + nick_share(g, &g->female)) / 2;
		uint64_t com = (nick_share(g, &g->cmale) + nick_share(g, &g->cfemale)) / 2;
		uint64_t ns = g->p[D_NAMESAKE];
		uint64_t frac = ((PPM - ns - INTL_PPM) * reg + ns * com + INTL_PPM / 3 * reg) / PPM;
		uint64_t a = frac ? (uint64_t)g->p[D_NICKNAME] * PPM / frac : 0;
		g->attempt[D_NICKNAME] = (uint32_t)(a > 500000 ? 500000 : a);
	}
}

static void
gen_free(gen *g)
{
	wlist *lists[] = {&g->male, &g->female, &g->surnames, &g->male_intl, &g->female_intl,
	                  &g->surnames_intl, &g->cmale, &g->cfemale, &g->csurnames, &g->titles,
	                  &g->prefixes, &g->cores};
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
		wl_free(lists[i]);
	for (int c = 0; c < NCOUNTRY; c++)
		wl_free(&g->streets[c]);
	free(g->city_country);
	free(g->city_cum);
}

/* ---- output ---- */

/* Appends one RFC 4180 field; returns the number of line feeds inside it. */
static unsigned
csv_put(stw_buf *b, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		stw_buf_adds(b, s);
		return 0;
	}
	unsigned nl = 0;
	stw_buf_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			stw_buf_addc(b, '"');
		nl += *s == '\n';
		stw_buf_addc(b, *s);
	}
	stw_buf_addc(b, '"');
	return nl;
}

static void
buf_u64(stw_buf *b, uint64_t v)
{
	char tmp[24];
	sb s;
	s.p = tmp;
	s.n = 0;
	sb_u(&s, v, 1);
	stw_buf_add(b, tmp, s.n);
}

static stw_err
put(FILE *f, const stw_buf *b, const char *path, stw_error *err)
{
	if (fwrite(b->data, 1, b->len, f) != b->len)
		return stw_fail(err, STW_EIO, "cannot write %s: %s", path, strerror(errno));
	return STW_OK;
}

static stw_err
write_all(gen *g, FILE *fo, FILE *ft, const char *out_path, const char *truth_path,
          stw_error *err)
{
	stw_buf line = STW_BUF_INIT, tl = STW_BUF_INIT;
	rowval *rv = stw_xmalloc(sizeof *rv);
	stw_err rc;
	for (const column *c = g->cols; c->header; c++) {
		if (c != g->cols)
			stw_buf_addc(&line, ',');
		csv_put(&line, c->header);
	}
	stw_buf_adds(&line, "\r\n");
	stw_buf_adds(&tl, "row,line,external_id,entity_id,is_duplicate,defects\r\n");
	if ((rc = put(fo, &line, out_path, err)) || (ft && (rc = put(ft, &tl, truth_path, err))))
		goto done;

	rng plan;
	rng_init(&plan, g->o.seed, S_PLAN, 0);
	uint64_t made = 0, dups_left = g->dups, lineno = 2;
	for (uint64_t row = 0; row < g->o.rows; row++) {
		/* Exactly g->dups duplicates: each row is one with probability left/rows left. */
		bool dup = made && rng_next(&plan) % (g->o.rows - row) < dups_left;
		uint64_t eid;
		if (dup) {
			dups_left--;
			uint64_t span = made < WINDOW ? made : WINDOW;
			eid = rng_ppm(&plan, 800000) ? made - 1 - rng_next(&plan) % span :
			      rng_next(&plan) % made;
		} else {
			eid = made++;
		}
		rng r;
		rng_init(&r, g->o.seed, S_ROW, row);
		memset(rv->v, 0, sizeof rv->v);
		if (g->o.kind == STW_SAMPLE_CONTACTS)
			contact_row(g, &r, eid, dup, rv);
		else
			company_row(g, &r, eid, dup, rv);
		row_common(g, &r, row, rv);

		stw_buf_reset(&line);
		unsigned nl = 0;
		for (const column *c = g->cols; c->header; c++) {
			if (c != g->cols)
				stw_buf_addc(&line, ',');
			nl += csv_put(&line, rv->v[c->key]);
		}
		stw_buf_adds(&line, "\r\n");
		if ((rc = put(fo, &line, out_path, err)))
			goto done;
		if (ft) {
			stw_buf_reset(&tl);
			buf_u64(&tl, row + 1);
			stw_buf_addc(&tl, ',');
			buf_u64(&tl, lineno);
			stw_buf_addc(&tl, ',');
			csv_put(&tl, rv->v[K_ID]);
			stw_buf_addc(&tl, ',');
			buf_u64(&tl, eid + 1);
			stw_buf_adds(&tl, dup ? ",1," : ",0,");
			bool first = true;
			for (int d = 0; d < ND; d++) {
				if (rv->flags & BIT(d)) {
					if (!first)
						stw_buf_addc(&tl, ';');
					stw_buf_adds(&tl, defects[d].name);
					first = false;
				}
			}
			stw_buf_adds(&tl, "\r\n");
			if ((rc = put(ft, &tl, truth_path, err)))
				goto done;
		}
		lineno += 1 + nl;
	}
	rc = STW_OK;
done:
	stw_buf_free(&line);
	stw_buf_free(&tl);
	free(rv);
	return rc;
}

/* Flushes and closes f; false (errno set) when anything failed to reach the file. */
static bool
close_ok(FILE *f)
{
	bool ok = fflush(f) == 0 && !ferror(f);
	int saved = errno;
	if (fclose(f) != 0)
		return false;
	errno = saved;
	return ok;
}

/* ---- public functions ---- */

void
stw_sample_opts_init(stw_sample_opts *o)
{
	o->kind = STW_SAMPLE_CONTACTS;
	o->crm = STW_SAMPLE_SALESFORCE;
	o->rows = 1000;
	o->dup_ppm = 200000;
	o->seed = 1;
}

static const char *const crm_names[] = {"salesforce", "hubspot", "dynamics", "pipedrive", "zoho"};

bool
stw_sample_crm_parse(const char *name, stw_sample_crm *out)
{
	for (int i = 0; i < 5; i++) {
		if (name && strcmp(name, crm_names[i]) == 0) {
			*out = (stw_sample_crm)i;
			return true;
		}
	}
	return false;
}

const char *
stw_sample_crm_name(stw_sample_crm crm)
{
	return (unsigned)crm < 5 ? crm_names[crm] : "?";
}

bool
stw_sample_kind_parse(const char *name, stw_sample_kind *out)
{
	if (name && (strcmp(name, "contacts") == 0 || strcmp(name, "contact") == 0)) {
		*out = STW_SAMPLE_CONTACTS;
		return true;
	}
	if (name && (strcmp(name, "companies") == 0 || strcmp(name, "company") == 0 ||
	             strcmp(name, "accounts") == 0)) {
		*out = STW_SAMPLE_COMPANIES;
		return true;
	}
	return false;
}

bool
stw_sample_parse_rate(const char *s, uint32_t *ppm)
{
	uint64_t whole = 0, frac = 0;
	int nd = 0;
	bool any = false;
	if (!s)
		return false;
	for (; *s >= '0' && *s <= '9'; s++, any = true)
		if ((whole = whole * 10 + (uint64_t)(*s - '0')) > 1)
			return false;
	if (*s == '.') {
		for (s++; *s >= '0' && *s <= '9'; s++, any = true, nd++) {
			if (nd == 6)
				return false;
			frac = frac * 10 + (uint64_t)(*s - '0');
		}
	}
	if (*s || !any)
		return false;
	for (; nd < 6; nd++)
		frac *= 10;
	if (whole * PPM + frac > PPM)
		return false;
	*ppm = (uint32_t)(whole * PPM + frac);
	return true;
}

void
stw_sample_plan(const stw_sample_opts *o, uint64_t *entities, uint64_t *duplicates)
{
	uint64_t d = (o->rows * o->dup_ppm + PPM / 2) / PPM;
	if (o->rows && d >= o->rows)
		d = o->rows - 1;
	*entities = o->rows - d;
	*duplicates = d;
}

static stw_err
check_opts(const stw_sample_opts *o, stw_error *err)
{
	if (!o || (unsigned)o->kind > STW_SAMPLE_COMPANIES || (unsigned)o->crm > STW_SAMPLE_ZOHO)
		return stw_fail(err, STW_EUSAGE, "unknown kind of record or CRM");
	if (o->rows < 1 || o->rows > STW_SAMPLE_MAX_ROWS)
		return stw_fail(err, STW_EUSAGE, "the row count must be between 1 and %llu",
		                (unsigned long long)STW_SAMPLE_MAX_ROWS);
	if (o->dup_ppm > STW_SAMPLE_MAX_DUP)
		return stw_fail(err, STW_EUSAGE, "the duplicate rate must be between 0 and 0.9");
	return STW_OK;
}

size_t
stw_sample_defects(const stw_sample_opts *o, stw_sample_defect *out, size_t cap)
{
	if (check_opts(o, NULL))
		return 0;
	gen *g = stw_xmalloc(sizeof *g);
	gen_init(g, o);
	size_t n = 0;
	for (int d = 0; d < ND; d++) {
		if (!g->p[d])
			continue;
		if (n < cap) {
			out[n].name = defects[d].name;
			out[n].duplicates_only = defects[d].dup;
			out[n].ppm = g->p[d];
			out[n].about = defects[d].about;
		}
		n++;
	}
	gen_free(g);
	free(g);
	return n;
}

stw_err
stw_sample_write(const stw_sample_opts *opts, const char *out_path, const char *truth_path,
                 stw_error *err)
{
	stw_err rc = check_opts(opts, err);
	if (rc)
		return rc;
	if (!out_path || !*out_path)
		return stw_fail(err, STW_EUSAGE, "no output file given");
	if (truth_path && !*truth_path)
		truth_path = NULL;
	if (truth_path && strcmp(out_path, truth_path) == 0)
		return stw_fail(err, STW_EUSAGE, "the truth file must not be the output file");

	char *tmp_out = stw_xasprintf("%s.tmp", out_path);
	char *tmp_truth = truth_path ? stw_xasprintf("%s.tmp", truth_path) : NULL;
	FILE *fo = NULL, *ft = NULL;
	gen *g = NULL;
	if (!(fo = fopen(tmp_out, "wb"))) {
		rc = stw_fail(err, STW_EIO, "cannot create %s: %s", tmp_out, strerror(errno));
		goto done;
	}
	if (tmp_truth && !(ft = fopen(tmp_truth, "wb"))) {
		rc = stw_fail(err, STW_EIO, "cannot create %s: %s", tmp_truth, strerror(errno));
		goto done;
	}
	setvbuf(fo, NULL, _IOFBF, 1 << 20);
	if (ft)
		setvbuf(ft, NULL, _IOFBF, 1 << 18);
	g = stw_xmalloc(sizeof *g);
	gen_init(g, opts);
	if ((rc = write_all(g, fo, ft, out_path, truth_path, err)))
		goto done;
	bool ok = close_ok(fo);
	fo = NULL;
	if (!ok) {
		rc = stw_fail(err, STW_EIO, "cannot write %s: %s", out_path, strerror(errno));
		goto done;
	}
	if (ft) {
		ok = close_ok(ft);
		ft = NULL;
		if (!ok) {
			rc = stw_fail(err, STW_EIO, "cannot write %s: %s", truth_path, strerror(errno));
			goto done;
		}
		if (rename(tmp_truth, truth_path) != 0) {
			rc = stw_fail(err, STW_EIO, "cannot rename %s to %s: %s", tmp_truth,
			              truth_path, strerror(errno));
			goto done;
		}
	}
	if (rename(tmp_out, out_path) != 0)
		rc = stw_fail(err, STW_EIO, "cannot rename %s to %s: %s", tmp_out, out_path,
		              strerror(errno));
done:
	if (fo)
		fclose(fo);
	if (ft)
		fclose(ft);
	if (rc) {
		unlink(tmp_out);
		if (tmp_truth)
			unlink(tmp_truth);
	}
	if (g) {
		gen_free(g);
		free(g);
	}
	free(tmp_out);
	free(tmp_truth);
	return rc;
}
