/*
 * The validation rules of one entity: each canonical field's type, whether it
 * is required, its pattern or allowed values, whether it is standardized,
 * the junk values that count as missing, the staleness rule, and the e-mail
 * addresses and names that mark placeholder records and role accounts.
 *
 * They live in an entity section of the rule set (rules/default.yaml shows
 * every setting), beside the keys other modules own:
 *
 *   contact:
 *     fields:
 *       last_name: { type: family_name, required: true }
 *       email:     { type: email, required: true }
 *       lifecycle_stage: { type: text, allowed: [lead, customer] }
 *       external_id: { type: id, pattern: "^[0-9A-Za-z]{15,18}$" }
 *     junk_values: [n/a, "-", unknown, none, null, test, asdf, xxx]
 *     staleness: { field: last_activity_at, older_than_days: 1095 }
 *     placeholder_emails: [test@test.com, "noreply@", "@example.com"]
 *     placeholder_names: [test, asdf, dummy]
 *     role_emails: ["info@", "sales@"]
 *
 * Field settings: `type` (given_name, family_name, full_name, email, phone,
 * date, datetime, country, state, postcode, company_name, place, url, text,
 * id), `required` (default false), `pattern` (a POSIX extended regular
 * expression the whole current value must match; anchor it yourself),
 * `allowed` (the only values allowed, compared without regard to ASCII
 * case), `standardize` (default true: the type's standardizer proposes
 * fixes), `junk` (default true: junk values in this field count as
 * missing). A field the file does not list keeps its built-in type and
 * the defaults; type `id` is never standardized and never junk (ids and
 * checksums go back to the CRM byte for byte).
 *
 * Junk values are compared after trimming and ASCII lower-casing. E-mail
 * patterns: "user@domain" matches that address, "local@" any address with
 * that local part, "@domain" any address at that domain. They add to the
 * built-in lists (reserved and made-up domains such as example.com and
 * test.com for placeholders, info, sales, support, noreply ... for roles).
 * A record is a placeholder when one of its e-mail fields is a placeholder
 * address or one of its name fields (first_name, last_name, full_name, name,
 * company for companies) is, apart from case, one of placeholder_names.
 *
 * Every mistake (an unknown field or type, a regex that does not compile,
 * a number out of range, a wrong kind of node) is an error naming the file,
 * line and column. The struct is filled by the "validation" rules module
 * (validate_rules.c) and owned by the stw_entity_rules it hangs from.
 */
#ifndef STW_VALIDATE_RULES_H
#define STW_VALIDATE_RULES_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>

#include "rules.h"

/* Field types. The order is the order of stw_ftype_name's table. */
typedef enum {
	STW_FT_GIVEN_NAME,
	STW_FT_FAMILY_NAME,
	STW_FT_FULL_NAME,
	STW_FT_EMAIL,
	STW_FT_PHONE,
	STW_FT_DATE,
	STW_FT_DATETIME,
	STW_FT_COUNTRY,
	STW_FT_STATE,
	STW_FT_POSTCODE,
	STW_FT_COMPANY_NAME,
	STW_FT_PLACE,
	STW_FT_URL,
	STW_FT_TEXT,
	STW_FT_ID,
	STW_FT_COUNT
} stw_ftype;

typedef struct {
	const char *name;        /* canonical field (static storage) */
	stw_ftype   type;
	bool        required;
	bool        standardize; /* propose fixes from the type's standardizer */
	bool        junk;        /* junk values count as missing */
	bool        listed;      /* named in the rules file */
	bool        has_pattern;
	regex_t     pattern;     /* compiled REG_EXTENDED | REG_NOSUB when has_pattern */
	char       *pattern_src; /* owned */
	char      **allowed;     /* owned; NULL when any value is allowed */
	size_t      nallowed;
} stw_field_rule;

struct stw_field_rules {
	const char     *entity;      /* "contact" or "company" (static) */
	size_t          nfields;
	stw_field_rule *fields;      /* one per canonical field, in stw_fields_of order */
	char          **junk;        /* trimmed, ASCII lower case; owned */
	size_t          njunk;
	const char     *stale_field; /* static (canonical name) or NULL: no staleness rule */
	long            stale_days;
	char          **placeholder_emails; /* lower case; owned */
	size_t          nplaceholder_emails;
	char          **placeholder_names;  /* lower case; owned */
	size_t          nplaceholder_names;
	char          **role_emails;        /* lower case; owned */
	size_t          nrole_emails;
};

/* The type's name as written in rules files ("given_name"). Static storage. */
const char *stw_ftype_name(stw_ftype t);

/* The built-in type of a canonical field of entity (used when not listed). */
stw_ftype stw_ftype_default(const char *entity, const char *field);

/*
 * Built-in field rules for entity ("contact" or "company"), used when a rules
 * file has no section for it: built-in types, nothing required, the default
 * junk values, no staleness rule. Owned by the caller (stw_field_rules_free).
 */
stw_field_rules *stw_field_rules_default(const char *entity);

/* Frees rules made by the module or by stw_field_rules_default. NULL is fine. */
void stw_field_rules_free(stw_field_rules *fr);

/* The rule of field, or NULL when the entity has no such field. Borrowed. */
const stw_field_rule *stw_field_rules_find(const stw_field_rules *fr, const char *field);

/* The rules module that owns the validation keys of an entity section. */
extern const stw_rules_module stw_validate_rules_module;

#endif
