/*
 * Checking one record against its entity's field rules, without touching the
 * workspace: the shared core of standardization (proposals), validation
 * (findings) and the quality report (per-field states).
 *
 * For every canonical field the value is classified (empty, junk, valid,
 * invalid) and, when the field is standardized, the type's standardizer
 * gives at most one proposal per field:
 *
 *   junk value (junk_values)          -> empty,   rule junk_value, safe
 *   mojibake in a text-like field     -> repaired, rule mojibake, suggest
 *   otherwise the type's standardizer: CHANGED -> safe, SUGGEST -> suggest,
 *   with the rule named after what changed (whitespace when only
 *   whitespace did, else name_case, place_case, email_case, email_typo,
 *   phone_e164, date_iso, country_code, state_code, postcode, company_tidy).
 *
 * A phone's extension is kept in the proposed value as ";ext=DIGITS" (the
 * RFC 3966 form), so that no digit is lost. Findings are listed in
 * validate.h. The functions are pure and thread-safe: a context and the
 * rules may be shared by threads, each with its own stw_check_out.
 */
#ifndef STW_CHECK_H
#define STW_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "std.h"
#include "validate_rules.h"

/* The state of one field of one record. */
typedef enum {
	STW_FS_EMPTY,   /* no value */
	STW_FS_JUNK,    /* a junk value: counts as missing */
	STW_FS_VALID,   /* filled and passes its type, pattern and allowed values */
	STW_FS_INVALID, /* filled but fails one of them */
} stw_fstate;

typedef struct {
	const stw_field_rules *fr;           /* borrowed */
	char                   default_country[3];
	stw_date_order         date_order;
	char                   today[11];    /* reference day for staleness, YYYY-MM-DD */
	long                   today_days;   /* the same as days since 1970-01-01 */
	bool                   junk_filter;  /* junk_first is set */
	uint32_t               junk_first[8]; /* bit set of the junk values' first bytes */
} stw_check_ctx;

typedef struct {
	int         field; /* index in fr->fields */
	const char *rule;  /* static */
	bool        safe;  /* kind: safe (true) or suggest */
	char       *after; /* in the out's text arena; NULL: empty the field */
	char        why[160];
} stw_check_prop;

typedef struct {
	int         field;    /* index in fr->fields, or -1 for the whole record */
	const char *rule;     /* static */
	const char *severity; /* "error", "warning" or "info" (static) */
	char       *message;  /* in the out's text arena */
} stw_check_find;

/* A block of the text arena of a stw_check_out (internal to check.c). */
typedef struct stw_check_chunk stw_check_chunk;

/*
 * The result of checking one record. The strings of props and finds live
 * in an arena that the out owns: they stay valid until the out is checked
 * again or freed, so copy them to keep them longer.
 */
typedef struct {
	stw_check_prop *props;
	size_t          nprops, cprops;
	stw_check_find *finds;
	size_t          nfinds, cfinds;
	stw_fstate     *state;     /* per field; owned, sized nfields */
	size_t          nstate;
	bool            stale;       /* the staleness rule holds */
	bool            placeholder; /* a placeholder or test record */
	stw_check_chunk *text;       /* arena of after and message strings; owned */
} stw_check_out;

/* What stw_check_record computes besides the field states. */
enum {
	STW_CHECK_PROPOSE = 1, /* proposals */
	STW_CHECK_FIND    = 2, /* findings */
};

/*
 * Sets up ctx for fr with the rule set's default country and date order.
 * The reference day is today (UTC) unless the environment variable
 * STEWARD_TODAY holds a date YYYY-MM-DD (for reproducible reports and
 * tests). Nothing to free.
 */
void stw_check_ctx_init(stw_check_ctx *ctx, const stw_field_rules *fr,
                        const char *default_country, int date_order_mdy);

/*
 * Checks one record. values[i] is the current value of fr->fields[i] (NULL
 * or "" when empty). out is reset first (its memory is reused), then filled
 * with the field states, the stale and placeholder flags and, as `what`
 * asks, proposals and findings. Release with stw_check_out_free.
 */
void stw_check_record(const stw_check_ctx *ctx, const char *const *values, unsigned what,
                      stw_check_out *out);

void stw_check_out_free(stw_check_out *out);

/*
 * A memo of standardizer results, so that a value seen before (a country,
 * a city, a title) is not standardized again. Owned by one thread and used
 * with one stw_check_ctx; it changes nothing but the time taken. Memory is
 * bounded (a few MB). Free with stw_check_memo_free (NULL is fine).
 */
typedef struct stw_check_memo stw_check_memo;
stw_check_memo *stw_check_memo_new(void);
void            stw_check_memo_free(stw_check_memo *m);

/* stw_check_record with a memo (NULL: none). */
void stw_check_record_memo(const stw_check_ctx *ctx, stw_check_memo *memo,
                           const char *const *values, unsigned what, stw_check_out *out);

/* Days since 1970-01-01 of an ISO date "YYYY-MM-DD..."; false when it is not one. */
bool stw_check_iso_days(const char *iso, long *days);

#endif
