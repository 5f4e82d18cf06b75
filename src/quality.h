/*
 * The quality report behind `steward profile`: per field and for the whole
 * set of active records of each entity, computed by streaming over table
 * rec (one pass through the checks of check.h for the field states, stale
 * and placeholder records) and by SQL GROUP BY for distinct counts, top
 * values, top patterns and duplicate rates. Nothing holds more than one
 * record and the per-field counters at a time.
 *
 * Definitions (all over active records of one entity):
 *   filled %    fields holding a value that is not junk, of all records
 *   valid %     filled values that pass their type, pattern and allowed
 *               values, of the filled values (100 when none is filled)
 *   distinct    different non-empty values (junk values included: they are
 *               worth seeing), as are top values and top patterns
 *   pattern     each ASCII capital written A, small letter a, digit 9,
 *               every other ASCII character kept, any character outside
 *               ASCII written a; runs are not collapsed; patterns longer
 *               than 40 characters are cut and end in "..."
 *   duplicate rate (email, phone)  records whose exact current value (not
 *               junk) is shared with another record, of the records that
 *               have a value
 *   stale %, placeholder %  records meeting the staleness rule / looking
 *               like placeholder or test records, of all records
 *
 * The overall score, 0 to 100:
 *   score = 100 * (0.35 C + 0.35 V + 0.15 U + 0.15 F)
 *   C completeness: the mean filled share of the required fields (1 when
 *     none is required)
 *   V validity: valid values / filled values over all fields (1 when none)
 *   U uniqueness: 1 - the mean of the email and phone duplicate rates (over
 *     those of the two fields that have values; 1 when neither has)
 *   F freshness: 1 - the stale share
 *
 * "Before" figures are the same numbers for the records as they were
 * imported: current values with every active change reverted (the oldest
 * active change's old value per field) and every record active again. They
 * are computed when decisions have changed anything.
 */
#ifndef STW_QUALITY_H
#define STW_QUALITY_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "error.h"
#include "rules.h"
#include "util.h"
#include "ws.h"

#define STW_QTOP 5 /* top values and patterns kept per field */

typedef struct {
	char   *value; /* owned */
	int64_t count;
} stw_qcount;

typedef struct {
	const char *field;    /* static */
	const char *type;     /* type name, static */
	bool        required;
	int64_t     filled, valid, distinct;
	stw_qcount  top_values[STW_QTOP];
	int         ntop_values;
	stw_qcount  top_patterns[STW_QTOP];
	int         ntop_patterns;
} stw_qfield;

typedef struct {
	int64_t records;
	size_t  nfields;   /* fields with at least one non-empty value */
	stw_qfield *fields; /* owned */
	int64_t email_with, email_dup, phone_with, phone_dup;
	int64_t stale, placeholder;
	double  dup_email, dup_phone, stale_rate, placeholder_rate; /* 0..1 */
	double  completeness, validity, uniqueness, freshness, score;
} stw_quality;

typedef struct {
	const char *entity;     /* "contact" or "company" (static) */
	stw_quality now;
	stw_quality before;     /* valid when has_before */
	bool        has_before;
} stw_quality_entity;

typedef struct {
	char               *workspace;   /* owned */
	char               *rules_file;  /* owned */
	char                rules_sha256[65];
	char                today[11];   /* reference day for staleness */
	int64_t             changes;     /* active value changes */
	int64_t             not_active;  /* purged or merged records */
	size_t              nentities;
	stw_quality_entity  entities[2]; /* entities that have records */
} stw_quality_report;

/*
 * Builds the report for every entity that has records. The caller runs
 * stw_rec_sync() first. On success r is filled (stw_quality_report_free);
 * on failure it is left empty.
 */
stw_err stw_quality_build(stw_ws *ws, const stw_rules *rules, stw_quality_report *r,
                          stw_error *err);
void    stw_quality_report_free(stw_quality_report *r);

/* The pattern of s (see above) into b. */
void stw_quality_pattern(const char *s, stw_buf *b);

/* Plain text for a terminal; values escaped with esc (control characters). */
void stw_quality_text(const stw_quality_report *r, FILE *f,
                      void (*esc)(FILE *f, const char *s));
/* One JSON document (RFC 8259; control characters escaped) into b. */
void stw_quality_json(const stw_quality_report *r, stw_buf *b);
/* One self-contained HTML page (inline CSS and SVG, no external assets) into b. */
void stw_quality_html(const stw_quality_report *r, stw_buf *b);

#endif
