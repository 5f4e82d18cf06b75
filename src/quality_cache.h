/*
 * The quality report's headline figures, kept in the workspace.
 *
 * The full report (quality.h) streams over every active record, which takes
 * seconds on a million of them; the console's dashboard needs only a few
 * numbers per entity. stw_qsum_build() runs the report once, keeps those
 * numbers and stores them in the meta table under a key that names the data
 * they describe: the audit trail's head (every decision that changes a
 * value or a record's status appends to it), the newest record id (imports),
 * the rule set's SHA-256 and the reference day for staleness. While the key
 * is unchanged the stored figures are the report's, and stw_qsum_get()
 * reads them back without touching the records.
 *
 * Shares are stored as parts per million (integers), so the text does not
 * depend on the locale's decimal separator.
 */
#ifndef STW_QUALITY_CACHE_H
#define STW_QUALITY_CACHE_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"
#include "quality.h"
#include "rules.h"
#include "ws.h"

typedef struct {
	char    entity[16];   /* "contact" or "company" */
	int64_t records;      /* active records */
	double  score;        /* 0..100 */
	double  completeness; /* required fields filled, 0..1 */
	double  validity;     /* filled values that are valid, 0..1 */
	double  dup_email;    /* exact-duplicate rates, 0..1 */
	double  dup_phone;
	int64_t email_with;   /* records with an email / a phone */
	int64_t phone_with;
	double  stale;        /* stale share, 0..1 */
} stw_qsum_entity;

typedef struct {
	int             n;       /* entities with records */
	stw_qsum_entity e[2];
	char            today[11];
} stw_qsum;

/*
 * The key of the workspace's data as it is now (see above). Owned by the
 * caller (free); NULL when the workspace cannot be read.
 */
char   *stw_qsum_key(stw_ws *ws, const stw_rules *rules);

/*
 * Reads the figures stored under key. Returns true and fills out when they
 * are there and were stored under that key; otherwise false and out is
 * zeroed.
 */
bool    stw_qsum_get(stw_ws *ws, const char *key, stw_qsum *out);

/*
 * Builds the quality report (stw_rec_sync() first, as quality.h asks),
 * fills out with its figures and stores them under key (when key is not
 * NULL; a failure to store is not an error: the figures are still right).
 * On failure out is zeroed and err says why.
 */
stw_err stw_qsum_build(stw_ws *ws, const stw_rules *rules, const char *key, stw_qsum *out,
                       stw_error *err);

/*
 * Fills out (may be NULL) with the figures of a report built by the caller
 * and stores them under key (nothing is stored when key is NULL). Take the
 * key before building the report, so that figures of data that changed
 * meanwhile are stored under a key that no longer matches. `steward
 * profile` does this, so the console shows what it computed.
 */
void    stw_qsum_store(stw_ws *ws, const char *key, const stw_quality_report *r, stw_qsum *out);

#endif
