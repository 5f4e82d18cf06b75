/*
 * The "validation" rules module: reads an entity section's `fields`,
 * `junk_values`, `staleness`, `placeholder_emails`, `placeholder_names` and
 * `role_emails` into a struct stw_field_rules (see validate_rules.h for the
 * format).
 *
 * The struct always holds one rule per canonical field of the entity, in
 * stw_fields_of() order, so that the checking code can index values and
 * rules alike: fields the file does not list keep their built-in type. When
 * `junk_values` is absent the built-in list below is used; the other lists
 * are empty unless given. Everything is checked here, so that the checking
 * code never meets a bad setting, and each error names the node's file,
 * line and column.
 */
#include "validate_rules.h"
#include "profile.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const ftype_names[STW_FT_COUNT] = {
	"given_name", "family_name", "full_name", "email", "phone", "date", "datetime",
	"country", "state", "postcode", "company_name", "place", "url", "text", "id",
};

/* Used when a section has no junk_values key. */
static const char *const default_junk[] = {
	"n/a", "#n/a", "n.a.", "-", "--", ".", "?", "unknown", "none", "null", "nil",
	"tbd", "test", "asdf", "xxx", "not available", NULL,
};

static const char *const module_keys[] = {
	"fields", "junk_values", "staleness", "placeholder_emails", "placeholder_names",
	"role_emails", NULL,
};

const char *
stw_ftype_name(stw_ftype t)
{
	return t < STW_FT_COUNT ? ftype_names[t] : "?";
}

stw_ftype
stw_ftype_default(const char *entity, const char *f)
{
	static const struct {
		const char *field;
		stw_ftype   type;
	} table[] = {
		{"first_name", STW_FT_GIVEN_NAME}, {"middle_name", STW_FT_GIVEN_NAME},
		{"last_name", STW_FT_FAMILY_NAME}, {"full_name", STW_FT_FULL_NAME},
		{"email", STW_FT_EMAIL}, {"email2", STW_FT_EMAIL}, {"email3", STW_FT_EMAIL},
		{"phone", STW_FT_PHONE}, {"phone2", STW_FT_PHONE}, {"phone3", STW_FT_PHONE},
		{"mobile", STW_FT_PHONE}, {"fax", STW_FT_PHONE},
		{"birth_date", STW_FT_DATE}, {"last_activity_at", STW_FT_DATE},
		{"created_at", STW_FT_DATETIME}, {"updated_at", STW_FT_DATETIME},
		{"country", STW_FT_COUNTRY}, {"state", STW_FT_STATE}, {"postcode", STW_FT_POSTCODE},
		{"city", STW_FT_PLACE}, {"company", STW_FT_COMPANY_NAME},
		{"website", STW_FT_URL}, {"domain", STW_FT_URL},
		{"external_id", STW_FT_ID}, {"parent_id", STW_FT_ID}, {"owner", STW_FT_ID},
		{"row_checksum", STW_FT_ID},
	};
	if (strcmp(f, "name") == 0)
		return strcmp(entity, "company") == 0 ? STW_FT_COMPANY_NAME : STW_FT_FULL_NAME;
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (strcmp(table[i].field, f) == 0)
			return table[i].type;
	return STW_FT_TEXT;
}

/* A copy of s trimmed of ASCII blanks and lower-cased (ASCII only). */
static char *
junk_key(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	char *k = stw_xstrndup(s, n);
	for (char *p = k; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return k;
}

static void
free_list(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

void
stw_field_rules_free(stw_field_rules *fr)
{
	if (!fr)
		return;
	for (size_t i = 0; i < fr->nfields; i++) {
		stw_field_rule *f = &fr->fields[i];
		if (f->has_pattern)
			regfree(&f->pattern);
		free(f->pattern_src);
		free_list(f->allowed, f->nallowed);
	}
	free(fr->fields);
	free_list(fr->junk, fr->njunk);
	free_list(fr->placeholder_emails, fr->nplaceholder_emails);
	free_list(fr->placeholder_names, fr->nplaceholder_names);
	free_list(fr->role_emails, fr->nrole_emails);
	free(fr);
}

/* Rules with built-in types and no junk list. */
static stw_field_rules *
rules_new(const char *entity)
{
	stw_field_rules *fr = stw_xcalloc(1, sizeof *fr);
	const char *const *names = stw_fields_of(entity);
	fr->entity = strcmp(entity, "company") == 0 ? "company" : "contact";
	while (names[fr->nfields])
		fr->nfields++;
	fr->fields = stw_xcalloc(fr->nfields, sizeof *fr->fields);
	for (size_t i = 0; i < fr->nfields; i++) {
		stw_field_rule *f = &fr->fields[i];
		f->name = names[i];
		f->type = stw_ftype_default(entity, names[i]);
		f->standardize = true;
		f->junk = f->type != STW_FT_ID;
	}
	return fr;
}

static void
default_junk_list(stw_field_rules *fr)
{
	size_t n = 0;
	while (default_junk[n])
		n++;
	fr->junk = stw_xcalloc(n, sizeof *fr->junk);
	for (size_t i = 0; i < n; i++)
		fr->junk[i] = stw_xstrdup(default_junk[i]);
	fr->njunk = n;
}

stw_field_rules *
stw_field_rules_default(const char *entity)
{
	stw_field_rules *fr = rules_new(entity);
	default_junk_list(fr);
	return fr;
}

const stw_field_rule *
stw_field_rules_find(const stw_field_rules *fr, const char *field)
{
	for (size_t i = 0; i < fr->nfields; i++)
		if (strcmp(fr->fields[i].name, field) == 0)
			return &fr->fields[i];
	return NULL;
}

static stw_field_rule *
find_mut(stw_field_rules *fr, const char *field)
{
	for (size_t i = 0; i < fr->nfields; i++)
		if (strcmp(fr->fields[i].name, field) == 0)
			return &fr->fields[i];
	return NULL;
}

/*
 * Reads a list of non-empty scalars into *out (each passed through junk_key
 * when fold is set). If is_email, each must contain '@'.
 */
static stw_err
parse_list(const stw_rules *r, const stw_ynode *n, const char *what, bool fold, bool is_email,
           char ***out, size_t *nout, stw_error *err)
{
	if (n->kind != STW_Y_SEQ)
		return stw_yerr(err, r->file, n, "%s must be a list, not %s", what,
		                stw_ykind_name(n->kind));
	char **list = stw_xcalloc(n->n ? n->n : 1, sizeof *list);
	size_t k = 0;
	stw_err e = STW_OK;
	for (size_t i = 0; i < n->n && e == STW_OK; i++) {
		const char *s;
		if ((e = stw_rules_str(r, n->items[i], "an item of a list", &s, err)) != STW_OK)
			break;
		char *v = fold ? junk_key(s) : stw_xstrdup(s);
		if (!*v)
			e = stw_yerr(err, r->file, n->items[i], "an item of %s cannot be empty", what);
		else if (is_email && !strchr(v, '@'))
			e = stw_yerr(err, r->file, n->items[i],
			             "'%s' in %s needs an '@' (user@domain, local@ or @domain)", s, what);
		if (e != STW_OK) {
			free(v);
			break;
		}
		list[k++] = v;
	}
	if (e != STW_OK) {
		free_list(list, k);
		return e;
	}
	*out = list;
	*nout = k;
	return STW_OK;
}

static stw_err
parse_type(const stw_rules *r, const stw_ynode *n, stw_ftype *out, stw_error *err)
{
	const char *s;
	stw_err e = stw_rules_str(r, n, "type", &s, err);
	if (e != STW_OK)
		return e;
	for (int t = 0; t < STW_FT_COUNT; t++)
		if (strcmp(ftype_names[t], s) == 0) {
			*out = (stw_ftype)t;
			return STW_OK;
		}
	stw_buf b = STW_BUF_INIT;
	for (int t = 0; t < STW_FT_COUNT; t++)
		stw_buf_printf(&b, "%s%s", t ? ", " : "", ftype_names[t]);
	e = stw_yerr(err, r->file, n, "unknown type '%s' (expected one of: %s)", s, b.data);
	stw_buf_free(&b);
	return e;
}

static stw_err
parse_field(const stw_rules *r, stw_field_rules *fr, const stw_ynode *key,
            const stw_ynode *val, stw_error *err)
{
	static const char *const keys[] = {"type", "required", "pattern", "allowed",
	                                   "standardize", "junk", NULL};
	stw_field_rule *f = find_mut(fr, key->value);
	if (!f)
		return stw_yerr(err, r->file, key, "unknown field '%s' for %s", key->value,
		                fr->entity);
	char what[96];
	snprintf(what, sizeof what, "the settings of field '%s'", f->name);
	stw_err e = stw_rules_keys(r, val, what, keys, err);
	if (e != STW_OK)
		return e;
	f->listed = true;
	const stw_ynode *n;
	if ((n = stw_ymap_get(val, "type")) && (e = parse_type(r, n, &f->type, err)) != STW_OK)
		return e;
	/* Ids are never junk unless the file says so explicitly. */
	f->junk = f->type != STW_FT_ID;
	if ((n = stw_ymap_get(val, "required")) &&
	    (e = stw_rules_bool(r, n, &f->required, err)) != STW_OK)
		return e;
	if ((n = stw_ymap_get(val, "standardize")) &&
	    (e = stw_rules_bool(r, n, &f->standardize, err)) != STW_OK)
		return e;
	if ((n = stw_ymap_get(val, "junk")) && (e = stw_rules_bool(r, n, &f->junk, err)) != STW_OK)
		return e;
	if ((n = stw_ymap_get(val, "pattern"))) {
		const char *s;
		if ((e = stw_rules_str(r, n, "pattern", &s, err)) != STW_OK)
			return e;
		if (!*s)
			return stw_yerr(err, r->file, n, "pattern cannot be empty");
		int rc = regcomp(&f->pattern, s, REG_EXTENDED | REG_NOSUB);
		if (rc != 0) {
			char msg[160];
			regerror(rc, &f->pattern, msg, sizeof msg);
			return stw_yerr(err, r->file, n, "pattern '%s' does not compile: %s", s, msg);
		}
		f->has_pattern = true;
		f->pattern_src = stw_xstrdup(s);
	}
	if ((n = stw_ymap_get(val, "allowed"))) {
		if ((e = parse_list(r, n, "allowed", false, false, &f->allowed, &f->nallowed,
		                    err)) != STW_OK)
			return e;
		if (f->nallowed == 0)
			return stw_yerr(err, r->file, n, "allowed must list at least one value");
	}
	return STW_OK;
}

static stw_err
parse_staleness(const stw_rules *r, stw_field_rules *fr, const stw_ynode *n, stw_error *err)
{
	static const char *const keys[] = {"field", "older_than_days", NULL};
	stw_err e = stw_rules_keys(r, n, "staleness", keys, err);
	if (e != STW_OK)
		return e;
	const stw_ynode *fn = stw_ymap_get(n, "field"), *dn = stw_ymap_get(n, "older_than_days");
	if (!fn || !dn)
		return stw_yerr(err, r->file, n, "staleness needs both 'field' and 'older_than_days'");
	const char *s;
	if ((e = stw_rules_str(r, fn, "field", &s, err)) != STW_OK)
		return e;
	const stw_field_rule *f = stw_field_rules_find(fr, s);
	if (!f)
		return stw_yerr(err, r->file, fn, "unknown field '%s' for %s", s, fr->entity);
	if (f->type != STW_FT_DATE && f->type != STW_FT_DATETIME)
		return stw_yerr(err, r->file, fn, "staleness needs a date or datetime field; '%s' is "
		                "of type %s", s, stw_ftype_name(f->type));
	fr->stale_field = f->name;
	return stw_rules_int(r, dn, 1, 36500, &fr->stale_days, err);
}

static stw_err
validate_parse(const stw_rules *r, stw_entity_rules *ent, const stw_ynode *map, stw_error *err)
{
	stw_field_rules *fr = rules_new(ent->entity);
	ent->fields = fr;
	stw_err e = STW_OK;
	const stw_ynode *n;
	/* Staleness reads the types, so fields come first. */
	if ((n = stw_ymap_get(map, "fields"))) {
		char what[64];
		snprintf(what, sizeof what, "the %s fields", ent->entity);
		if (n->kind != STW_Y_MAP)
			return stw_yerr(err, r->file, n, "fields must be a mapping, not %s",
			                stw_ykind_name(n->kind));
		for (size_t i = 0; i < n->n; i++) {
			const stw_ynode *k = stw_ymap_key(n, i);
			for (size_t j = 0; j < i; j++)
				if (strcmp(stw_ymap_key(n, j)->value, k->value) == 0)
					return stw_yerr(err, r->file, k, "'%s' is given twice in %s",
					                k->value, what);
			if ((e = parse_field(r, fr, k, stw_ymap_val(n, i), err)) != STW_OK)
				return e;
		}
	}
	if ((n = stw_ymap_get(map, "junk_values"))) {
		if ((e = parse_list(r, n, "junk_values", true, false, &fr->junk, &fr->njunk, err)) !=
		    STW_OK)
			return e;
	} else {
		default_junk_list(fr);
	}
	if ((n = stw_ymap_get(map, "staleness")) && (e = parse_staleness(r, fr, n, err)) != STW_OK)
		return e;
	if ((n = stw_ymap_get(map, "placeholder_emails")) &&
	    (e = parse_list(r, n, "placeholder_emails", true, true, &fr->placeholder_emails,
	                    &fr->nplaceholder_emails, err)) != STW_OK)
		return e;
	if ((n = stw_ymap_get(map, "placeholder_names")) &&
	    (e = parse_list(r, n, "placeholder_names", true, false, &fr->placeholder_names,
	                    &fr->nplaceholder_names, err)) != STW_OK)
		return e;
	if ((n = stw_ymap_get(map, "role_emails")) &&
	    (e = parse_list(r, n, "role_emails", true, true, &fr->role_emails, &fr->nrole_emails,
	                    err)) != STW_OK)
		return e;
	return STW_OK;
}

static void
validate_free(stw_entity_rules *e)
{
	stw_field_rules_free(e->fields);
	e->fields = NULL;
}

const stw_rules_module stw_validate_rules_module = {
	.name = "validation",
	.keys = module_keys,
	.parse = validate_parse,
	.free = validate_free,
};
