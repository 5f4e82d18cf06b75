/*
 * The matching rules of one entity: blocking keys, comparisons with their
 * graded levels, thresholds and the settings of the parameter estimation.
 *
 * They live under the `matching:` key of an entity section of the rule set
 * (rules/default.yaml shows every setting):
 *
 *   contact:
 *     matching:
 *       max_block: 400                  # larger blocks are skipped and reported
 *       blocking:                       # candidate pairs: union over the keys
 *         - email
 *         - [metaphone(last_name), initial(first_name), postcode]
 *         - { key: postcode, max_block: 40 }  # a cap of its own
 *       comparisons:
 *         first_name:
 *           levels: [exact, nickname, initial, "jaro_winkler >= 0.92"]
 *           tf: true                    # common values weigh less
 *           veto: true                  # clearly different: never a match,
 *           veto_unless: [birth_date]   # unless these agree at their first level
 *         phone: { fields: [phone, mobile], levels: [exact, "suffix 7"] }
 *       thresholds: { review: 0.9, weak: 0.5 }
 *       em: { iterations: 60, min_pairs: 500 }
 *
 * A blocking key is a field or a list of parts; a part is FIELD or
 * FUNCTION(FIELD), and FIELD may name alternatives (phone|mobile: one key per
 * value present). A comparison compares one or more fields of one type (the
 * type follows from the field: names, emails, phones, dates, postcodes,
 * company names, web domains, other text) and its level is the first of its
 * levels that holds, else the implicit `else` level; a value missing on
 * either side gives no evidence at all. Every mistake is reported with the
 * file, line and column of the offending node.
 *
 * The struct is filled by the "matching" rules module (match_rules.c) and
 * owned by the stw_entity_rules it hangs from; everything in it is released
 * by the module's destructor.
 */
#ifndef STW_MATCH_RULES_H
#define STW_MATCH_RULES_H

#include <stdbool.h>

#include "rules.h"

#define STW_MATCH_MAX_KEYS   32 /* blocking keys per entity */
#define STW_MATCH_MAX_PARTS  4  /* parts per blocking key */
#define STW_MATCH_MAX_ALT    4  /* fields per part or per comparison */
#define STW_MATCH_MAX_CMP    24 /* comparisons per entity */
#define STW_MATCH_MAX_LEVELS 12 /* levels per comparison, else not counted */

/* How a field's values are standardized before comparison. */
typedef enum {
	STW_VT_NAME,     /* personal name: folded, punctuation dropped */
	STW_VT_EMAIL,    /* lower-case address; placeholders dropped, roles flagged */
	STW_VT_PHONE,    /* E.164, else the bare digits */
	STW_VT_DATE,     /* ISO 8601 date, else the bare digits */
	STW_VT_POSTCODE, /* folded, spaces and dashes dropped */
	STW_VT_COMPANY,  /* company key: legal suffix and punctuation dropped */
	STW_VT_DOMAIN,   /* web domain: scheme, www. and path dropped */
	STW_VT_TEXT,     /* anything else: folded, punctuation dropped */
} stw_vtype;

/* A comparison level. */
typedef enum {
	STW_LV_EXACT,     /* equal standardized values (not role emails) */
	STW_LV_NICKNAME,  /* given names of one formal name (Bob, Robert) */
	STW_LV_INITIAL,   /* one side is the other's initial */
	STW_LV_PHONETIC,  /* a Double Metaphone code in common */
	STW_LV_JW,        /* jaro_winkler >= arg */
	STW_LV_OSA,       /* osa <= arg (edit distance with transpositions) */
	STW_LV_LEV,       /* levenshtein <= arg */
	STW_LV_TOKEN_SET, /* token_set >= arg */
	STW_LV_JACCARD,   /* jaccard >= arg */
	STW_LV_LOCAL,     /* same email local part (not role addresses) */
	STW_LV_DOMAIN,    /* same email domain */
	STW_LV_DAYS,      /* days <= arg: dates at most arg days apart */
	STW_LV_DMSWAP,    /* dates with day and month swapped */
	STW_LV_SWAPPED,   /* swapped(FIELD): values crossed with another field */
	STW_LV_SUFFIX,    /* suffix arg: the last arg characters are equal */
	STW_LV_PREFIX,    /* prefix arg: the first arg characters are equal */
} stw_level_kind;

typedef struct {
	stw_level_kind kind;
	double         arg;   /* threshold or count, by kind */
	char          *other; /* swapped: the other field (owned) */
	char          *text;  /* as written, for explanations (owned) */
	double         m0;    /* default m when the data is too small */
	double         u0;    /* default u, also the prior of its estimate */
} stw_match_level;

typedef struct {
	char           *name;                      /* owned */
	int             nfields;
	char           *fields[STW_MATCH_MAX_ALT]; /* owned */
	stw_vtype       type;
	int             nlevels;                   /* without else */
	stw_match_level levels[STW_MATCH_MAX_LEVELS];
	double          m0_else, u0_else;
	bool            tf;   /* term-frequency adjustment of the exact level */
	bool            veto; /* both present and at else: not a match ... */
	int             nunless;                   /* ... unless one of these */
	int             unless[STW_MATCH_MAX_CMP]; /* comparisons is at its first level */
} stw_match_cmp;

/* What a blocking key part takes from a field. */
typedef enum {
	STW_KF_VALUE,      /* the standardized value */
	STW_KF_METAPHONE,  /* primary Double Metaphone code */
	STW_KF_SOUNDEX,    /* Soundex code */
	STW_KF_INITIAL,    /* first letter */
	STW_KF_FORMAL,     /* formal given name (Bob -> robert) */
	STW_KF_LOCAL,      /* email local part (role addresses give none) */
	STW_KF_DOMAIN,     /* email domain */
	STW_KF_YEAR,       /* year of a date */
	STW_KF_FIRST_WORD, /* first word */
	STW_KF_PREFIX4,    /* first four characters */
} stw_key_fn;

typedef struct {
	stw_key_fn fn;
	int        nfields;
	char      *fields[STW_MATCH_MAX_ALT]; /* owned */
} stw_key_part;

typedef struct {
	char        *name; /* "metaphone(last_name) + postcode" (owned) */
	long         max_block; /* this key's block cap (default: the entity's) */
	int          nparts;
	stw_key_part parts[STW_MATCH_MAX_PARTS];
} stw_block_key;

struct stw_match_rules {
	int           nkeys;
	stw_block_key keys[STW_MATCH_MAX_KEYS];
	int           ncmp;
	stw_match_cmp cmp[STW_MATCH_MAX_CMP];
	long          max_block;     /* blocks with more records are skipped */
	double        review;        /* pairs below this probability are dropped */
	double        weak;          /* cluster members below this: flagged */
	long          max_cluster;   /* larger clusters are flagged unchecked */
	long          em_iterations; /* 0: never estimate m, use the defaults */
	long          em_min_pairs;  /* fewer candidate pairs: use the defaults */
	double        em_lambda0;    /* default share of matches among candidates */
	long          u_sample;      /* random pairs drawn to estimate u */
};

/* The rules module that owns the entity key `matching`. */
extern const stw_rules_module stw_match_rules_module;

/* The type a field's values are compared as ("first_name": names). */
stw_vtype stw_match_field_type(const char *entity, const char *field);

/* "name", "email", ... Static storage. */
const char *stw_vtype_name(stw_vtype t);

#endif
