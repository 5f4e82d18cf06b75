/*
 * The rule set: what Steward knows about fields, validation, matching and
 * survivorship, loaded from YAML (rules/default.yaml, compiled in, or a
 * user's copy given with --rules FILE).
 *
 * The file has a few top-level settings and one section per entity:
 *
 *   version: 1
 *   default_country: US        # phones without a country code, postcodes
 *   date_order: mdy            # mdy or dmy: how to read 03/04/2021
 *   contact: { ...entity keys... }
 *   company: { ...entity keys... }
 *
 * The entity keys belong to modules (validation, matching, survivorship),
 * each registered in rules.c's module table with the keys it owns and a
 * parser filling its own typed struct. An unknown key anywhere, a wrong type
 * or a bad value is an error naming file, line and column.
 */
#ifndef STW_RULES_H
#define STW_RULES_H

#include <stdbool.h>

#include "error.h"
#include "yamlutil.h"

/* Each module's typed rules, defined in the module's own header. */
typedef struct stw_field_rules stw_field_rules; /* validation and standardization */
typedef struct stw_match_rules stw_match_rules; /* blocking, comparisons, thresholds */
typedef struct stw_surv_rules  stw_surv_rules;  /* survivorship */

typedef struct {
	const char      *entity; /* "contact" or "company" (static) */
	bool             present; /* the file has a section for it */
	stw_field_rules *fields;  /* owned by its module */
	stw_match_rules *match;
	stw_surv_rules  *surv;
} stw_entity_rules;

typedef enum { STW_DMY = 0, STW_MDY = 1 } stw_rules_date_order;

typedef struct {
	char            *file;            /* name used in messages, owned */
	char             sha256[65];      /* of the file's bytes */
	char             default_country[3];
	stw_rules_date_order date_order;
	stw_entity_rules contact;
	stw_entity_rules company;
} stw_rules;

/*
 * Loads the rules at path, or the built-in defaults when path is NULL. On
 * success *out is owned by the caller (stw_rules_free). On failure *out is
 * NULL and err says "FILE:LINE:COL: problem".
 */
stw_err stw_rules_load(const char *path, stw_rules **out, stw_error *err);
void    stw_rules_free(stw_rules *r);

/* The rules for "contact" or "company"; NULL for anything else. Borrowed. */
const stw_entity_rules *stw_rules_entity(const stw_rules *r, const char *entity);

/*
 * A module's part of the rules: the entity keys it owns, a parser that reads
 * them from the entity's mapping into its own struct in e, and a destructor.
 * Parsers report problems with stw_yerr(err, r->file, node, ...).
 */
typedef struct {
	const char *name;          /* "validation", "matching", ... */
	const char *const *keys;   /* NULL-terminated entity keys it owns */
	stw_err   (*parse)(const stw_rules *r, stw_entity_rules *e, const stw_ynode *entity_map,
	                   stw_error *err);
	void      (*free)(stw_entity_rules *e);
} stw_rules_module;

/* Helpers for module parsers: typed reads of a scalar node. */
stw_err stw_rules_bool(const stw_rules *r, const stw_ynode *n, bool *out, stw_error *err);
stw_err stw_rules_double(const stw_rules *r, const stw_ynode *n, double lo, double hi,
                         double *out, stw_error *err);
stw_err stw_rules_int(const stw_rules *r, const stw_ynode *n, long lo, long hi, long *out,
                      stw_error *err);
/* A scalar's text; an error for lists and mappings. what names it in the message. */
stw_err stw_rules_str(const stw_rules *r, const stw_ynode *n, const char *what,
                      const char **out, stw_error *err);
/* Checks that n is a mapping whose keys are all in allowed (NULL-terminated). */
stw_err stw_rules_keys(const stw_rules *r, const stw_ynode *n, const char *what,
                       const char *const *allowed, stw_error *err);

#endif
