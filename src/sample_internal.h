/*
 * Inside the sample generator: what sample.c (public API, set-up, row
 * planner, output), sample_rows.c (the defects of one row),
 * sample_people.c (people, companies, addresses, phones, ids and dates)
 * and sample_text.c (word lists, typos, mojibake, email faults, case)
 * share. Not part of the public API (see sample.h); only sample*.c include
 * this header.
 *
 * The PRNG and the fixed-size string builder are static inline here: they
 * are on every path of every row, and each file gets its own copy with no
 * symbol to clash with the rest of the library. Everything else that
 * crosses files is named stw_smp_*.
 *
 * Field values live in fixed VCAP-byte buffers; every writer truncates at
 * VCAP - 1 bytes and always NUL-terminates, so no function here allocates
 * per row.
 */
#ifndef STW_SAMPLE_INTERNAL_H
#define STW_SAMPLE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sample.h"

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

/* ==== PRNG: xoshiro256** seeded through splitmix64 ==== */

typedef struct { uint64_t s[4]; } smp_rng;

static inline uint64_t
mix64(uint64_t x)
{
	x += 0x9E3779B97F4A7C15ULL;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
	return x ^ (x >> 31);
}

/* Seeds r for one purpose (stream) and one index (entity, row...). */
static inline void
rng_init(smp_rng *r, uint64_t seed, uint64_t stream, uint64_t index)
{
	uint64_t x = mix64(seed ^ mix64(stream * 0xD1B54A32D192ED03ULL ^ mix64(index)));
	for (int i = 0; i < 4; i++)
		r->s[i] = x = mix64(x);
}

static inline uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static inline uint64_t
rng_next(smp_rng *r)
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
static inline uint32_t
rng_below(smp_rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

static inline bool
rng_ppm(smp_rng *r, uint32_t ppm)
{
	return rng_below(r, PPM) < ppm;
}

/* Inclusive range. */
static inline uint32_t
rng_range(smp_rng *r, uint32_t lo, uint32_t hi)
{
	return lo + rng_below(r, hi - lo + 1);
}

/* Any variant index in [0, n) other than cur. */
static inline unsigned
other_than(smp_rng *r, unsigned cur, unsigned n)
{
	unsigned v = rng_below(r, n - 1);
	return v >= cur ? v + 1 : v;
}

/* ==== strings in fixed VCAP buffers ==== */

typedef struct {
	char  *p;
	size_t n;
} smp_sb;

static inline void
sb_init(smp_sb *b, char *dst)
{
	b->p = dst;
	b->n = 0;
	dst[0] = '\0';
}

static inline void
sb_c(smp_sb *b, char c)
{
	if (b->n < VCAP - 1)
		b->p[b->n++] = c;
	b->p[b->n] = '\0';
}

static inline void
sb_s(smp_sb *b, const char *s)
{
	while (*s && b->n < VCAP - 1)
		b->p[b->n++] = *s++;
	b->p[b->n] = '\0';
}

/* Decimal, zero-padded to width digits. */
static inline void
sb_u(smp_sb *b, uint64_t v, int width)
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

static inline void
set(char *dst, const char *s)
{
	smp_sb b;
	sb_init(&b, dst);
	sb_s(&b, s);
}

/* Length of a NULL-terminated list of strings. */
static inline uint32_t
count(const char *const *list)
{
	uint32_t n = 0;
	while (list[n])
		n++;
	return n;
}

static inline const char *
pick(smp_rng *r, const char *const *list)
{
	return list[rng_below(r, count(list))];
}

/* ==== fields and defects ==== */

enum {
	K_ID, K_SALUT, K_FIRST, K_LAST, K_FULL, K_TITLE, K_COMPANY, K_EMAIL,
	K_PHONE, K_MOBILE, K_STREET, K_CITY, K_STATE, K_POSTCODE, K_COUNTRY,
	K_WEBSITE, K_INDUSTRY, K_EMPLOYEES, K_OWNER, K_STAGE, K_CREATED,
	K_UPDATED, K_ACTIVITY, NKEYS
};

/* One column of an export layout. */
typedef struct {
	const char *header;
	uint8_t     key;
} smp_column;

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

#define BIT(d) (1ULL << (d))

typedef struct {
	const char *name;
	uint8_t     key;       /* the field it shows in; the layout must have it */
	bool        dup;       /* only duplicate rows carry it */
	uint32_t    contacts;  /* intended rate for contacts, ppm; 0: never */
	uint32_t    companies; /* the same for companies */
	const char *about;
} smp_defect;

/* The defect table, indexed by D_* (sample_rows.c). */
extern const smp_defect stw_smp_defects[ND];

/* ==== entities ==== */

enum { C_US, C_CA, C_GB, C_DE, C_FR, NCOUNTRY };

typedef struct {
	uint16_t city, street, number, unit;
	uint8_t  country, type, unit_kind, cvar;
	bool     other_type; /* street type spelt the other way */
	bool     unit_nl;    /* unit on a second line */
	char     postcode[12];
} smp_address;

typedef struct {
	uint8_t country;
	char    area[8];
	char    sub[12];
} smp_phone;

typedef struct {
	uint64_t    index, serial;
	uint32_t    prefix, core, trade, employees;
	bool        intl, namesake;
	uint8_t     suffix, suffix_var, phone_fmt, web_style, role;
	smp_address addr;
	smp_phone   main;
	char        domain[128];
} smp_company;

typedef struct {
	bool        female, namesake, family, free_mail, has_mobile;
	uint8_t     salut, phone_fmt, email_style, free_dom;
	uint16_t    email_num, title;
	uint64_t    company;
	char        first[64], last[64];
	smp_address addr;
	smp_phone   phone, mobile;
} smp_contact;

/* ==== the generator's context ==== */

/* A word list: one allocation for the words, optional rank weights. */
typedef struct {
	char        *mem; /* copy of the text, separators replaced by NULs */
	const char **w;
	uint32_t    *cum; /* cumulative rank weights, NULL when uniform */
	uint32_t     n;
} smp_wlist;

typedef struct {
	stw_sample_opts         o;
	const stw_sample_pools *pl;
	const smp_column       *cols;
	bool                    has[NKEYS];
	uint32_t                p[ND];       /* intended rate per defect, ppm (0: not produced) */
	uint32_t                attempt[ND]; /* width of its interval in the field draw */
	uint64_t                entities, dups, companies;
	smp_wlist male, female, surnames, male_intl, female_intl, surnames_intl;
	smp_wlist cmale, cfemale, csurnames, titles, prefixes, cores;
	smp_wlist streets[NCOUNTRY];
	uint8_t                *city_country;
	uint32_t               *city_cum; /* rank weights, cumulative within a country */
	uint32_t                city_lo[NCOUNTRY], city_hi[NCOUNTRY], ntypes[NCOUNTRY];
	uint32_t                nprefix_ascii, ns_names;
	uint64_t                name_space, perm_a, perm_b;
	uint64_t                id_base, id_step, zoho_org;
	char                    pod[3];
	char                    owner_name[NOWNERS][64];
	char                    owner_id[NOWNERS][40];
} smp_gen;

/* One row being built: a value per field, and the defects applied to it. */
typedef struct {
	char     v[NKEYS][VCAP];
	uint64_t flags;
	bool     intl; /* the entity's name has a non-ASCII letter */
} smp_row;

/* ==== sample_text.c: word lists and text defects ==== */

/*
 * Splits text at sep into l ('_' stands for a space when sep is ' ');
 * ranked lists weigh entry i by 1/(i + 10). Release with stw_smp_wl_free().
 */
void stw_smp_wl_init(smp_wlist *l, const char *text, char sep, bool ranked);
void stw_smp_wl_free(smp_wlist *l);
/* An index, or a word, drawn by weight from l. The word is l's storage. */
uint32_t stw_smp_wl_index(const smp_wlist *l, smp_rng *r);
const char *stw_smp_wl_pick(const smp_wlist *l, smp_rng *r);

/* Appends s folded to lower-case ASCII letters and digits ("Müller" -> "muller"). */
void stw_smp_fold(smp_sb *b, const char *s);
bool stw_smp_has_nonascii(const char *s);

/*
 * In-place changes of a VCAP buffer s; each keeps UTF-8 valid. upcase:
 * ASCII and Latin-1 letters to capitals. mojibake: UTF-8 read as
 * Windows-1252. typo: one slip on an ASCII letter (never a no-op when s has
 * one). whitespace: a leading or trailing space or no-break space.
 * email_case: other letter case. email_typo: a slip in the domain.
 * email_invalid: a malformed address. The last two leave s alone when it
 * has no '@'.
 */
void stw_smp_upcase(char *s);
void stw_smp_mojibake(char *s);
void stw_smp_typo(smp_rng *r, char *s);
void stw_smp_whitespace(smp_rng *r, char *s);
void stw_smp_email_case(smp_rng *r, char *s);
void stw_smp_email_typo(smp_rng *r, char *s);
void stw_smp_email_invalid(smp_rng *r, char *s);
/* Writes a malformed website for domain into out (VCAP bytes). */
void stw_smp_website_invalid(smp_rng *r, const char *domain, char *out);

/* ==== sample_people.c: places, companies, contacts, ids and dates ==== */

/* Fills g's street lists, street type counts and city weights (sample.c frees them). */
void stw_smp_places_init(smp_gen *g);
/* Fills g's id base and step, Salesforce pod, Zoho org and owners; needs g's name lists. */
void stw_smp_ids_init(smp_gen *g);

uint16_t stw_smp_pick_city(const smp_gen *g, smp_rng *r);
void stw_smp_addr_make(const smp_gen *g, smp_rng *r, uint16_t city, bool office, smp_address *a);
/* The street line; flip writes the street type the other way (St / Street). */
void stw_smp_street_render(const smp_gen *g, const smp_address *a, bool flip, char *out);
/* The ways a country is written, and way var of them (static storage). */
unsigned stw_smp_country_variants(uint8_t country);
const char *stw_smp_country_name(uint8_t country, unsigned var);

unsigned stw_smp_phone_formats(uint8_t country);
void stw_smp_phone_render(const smp_phone *ph, unsigned fmt, char *out);

/* Company c; as_entity: a record of its own (may be a namesake), not an employer. */
void stw_smp_company_make(const smp_gen *g, uint64_t c, bool as_entity, smp_company *co);
uint64_t stw_smp_company_pick(const smp_gen *g, smp_rng *r);
/* The ways co's legal suffix is written. */
unsigned stw_smp_suffix_variants(const smp_company *co);
/* The name with suffix variant var; with typo_r, a slip in the part before the suffix. */
void stw_smp_company_name(const smp_gen *g, const smp_company *co, unsigned var,
                          smp_rng *typo_r, char *out);
void stw_smp_website_render(const smp_company *co, unsigned style, char *out);
/* co's shared role address (info@, sales@...). */
void stw_smp_role_email(const smp_company *co, char *out);

/* Contact entity id, household included. */
void stw_smp_contact_make(const smp_gen *g, uint64_t id, smp_contact *c);
/* c's email; work: at the employer's domain even when c uses free mail. */
void stw_smp_email_build(const smp_contact *c, const smp_company *co, bool work, char *out);
/* A nickname of first (drawn with r, or the first one when r is NULL), or NULL. */
const char *stw_smp_nickname(const smp_gen *g, const char *first, smp_rng *r);

/* The CRM's record id of data row row (0-based). */
void stw_smp_ext_id(const smp_gen *g, uint64_t row, char *out);
/* t: seconds since 1970 (UTC), written the CRM's way; activity: a date field. */
void stw_smp_date_render(const smp_gen *g, int64_t t, bool activity, char *out);

/* ==== sample_rows.c: one row ==== */

/*
 * Fill rv with the row of entity eid (0-based), drawing its defects from r;
 * dup says whether it is a later record of the entity. rv->v must be zeroed.
 * stw_smp_row_common then adds dates, capitals, encoding, owner and the id
 * of data row row.
 */
void stw_smp_contact_row(const smp_gen *g, smp_rng *r, uint64_t eid, bool dup, smp_row *rv);
void stw_smp_company_row(const smp_gen *g, smp_rng *r, uint64_t eid, bool dup, smp_row *rv);
void stw_smp_row_common(const smp_gen *g, smp_rng *r, uint64_t row, smp_row *rv);

#endif
