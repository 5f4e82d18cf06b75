/*
 * Import profiles: how a CRM's export headers map to Steward's canonical
 * fields. Profiles are YAML (the YAML files in rules/profiles/, compiled in, or a user's
 * own file); a file's profile is picked by how many of its headers a profile
 * knows, else headers are mapped through the synonyms list.
 */
#ifndef STW_PROFILE_H
#define STW_PROFILE_H

#include <stddef.h>

#include "error.h"

typedef struct {
	char   *name;    /* "salesforce-contact" */
	char   *crm;     /* "salesforce" */
	char   *entity;  /* "contact" or "company" */
	size_t  n;
	char  **headers; /* export header ... */
	char  **fields;  /* ... and the canonical field it maps to */
} stw_profile;

/* How one file's columns map. */
typedef struct {
	char   *profile;  /* profile name, or "generic-contact" / "generic-company" */
	char   *entity;   /* "contact" or "company" */
	size_t  n;        /* number of columns */
	char  **field;    /* per column: canonical field, or NULL when unmapped */
	char  **via;      /* per column: "profile", "synonym" or NULL */
	size_t  matched;  /* columns mapped */
} stw_mapping;

/*
 * Loads a profile: a built-in name ("salesforce-contact") or the path of a
 * YAML file. Errors name the file, line and column. On success *out is owned
 * by the caller (stw_profile_free).
 */
stw_err stw_profile_load(const char *name_or_path, stw_profile **out, stw_error *err);
void    stw_profile_free(stw_profile *p);

/* NULL-terminated list of the built-in profile names. Static storage. */
const char *const *stw_profile_builtin_names(void);

/*
 * Maps a file's headers. With want == NULL the best built-in profile is
 * chosen (or the synonyms list when none fits); otherwise want is a built-in
 * profile name, a CRM name ("salesforce": its best-fitting profile), or a
 * YAML path. On success out is filled (stw_mapping_free).
 */
stw_err stw_mapping_detect(const char *const *headers, size_t n, const char *want,
                           stw_mapping *out, stw_error *err);
void    stw_mapping_free(stw_mapping *m);

/* True when field is a canonical field of entity ("contact"/"company"). */
int stw_field_known(const char *entity, const char *field);

/* Canonical fields of an entity, NULL-terminated. Static storage. */
const char *const *stw_fields_of(const char *entity);

#endif
