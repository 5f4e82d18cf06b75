/*
 * Loading the rule set: top-level settings here, entity sections by the
 * modules registered in the table below.
 */
#include "rules.h"
#include "embedded.h"
#include "match_rules.h"
#include "validate_rules.h"
#include "sha256.h"
#include "survive_rules.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/*
 * The modules that own entity keys. Each module adds its entry here; the
 * order is the order in which they parse (later ones may read earlier ones'
 * results, e.g. matching reads the field types).
 */
static const stw_rules_module *const modules[] = {
	/* validation (fields, junk values, staleness, placeholders) */
	&stw_validate_rules_module,
	/* matching */
	&stw_match_rules_module,
	/* survivorship */
	&stw_surv_rules_module,
	NULL,
};

stw_err
stw_rules_str(const stw_rules *r, const stw_ynode *n, const char *what, const char **out,
              stw_error *err)
{
	if (!n || n->kind != STW_Y_SCALAR)
		return stw_yerr(err, r->file, n, "%s must be a single value%s%s", what,
		                n ? ", not " : "", n ? stw_ykind_name(n->kind) : "");
	*out = n->value;
	return STW_OK;
}

stw_err
stw_rules_bool(const stw_rules *r, const stw_ynode *n, bool *out, stw_error *err)
{
	const char *s;
	stw_err e = stw_rules_str(r, n, "a yes/no setting", &s, err);
	if (e != STW_OK)
		return e;
	if (!strcasecmp(s, "true") || !strcasecmp(s, "yes") || !strcasecmp(s, "on"))
		*out = true;
	else if (!strcasecmp(s, "false") || !strcasecmp(s, "no") || !strcasecmp(s, "off"))
		*out = false;
	else
		return stw_yerr(err, r->file, n, "expected true or false, not '%s'", s);
	return STW_OK;
}

stw_err
stw_rules_double(const stw_rules *r, const stw_ynode *n, double lo, double hi, double *out,
                 stw_error *err)
{
	const char *s;
	stw_err e = stw_rules_str(r, n, "a number", &s, err);
	if (e != STW_OK)
		return e;
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (end == s || *end || errno || !isfinite(v))
		return stw_yerr(err, r->file, n, "expected a number, not '%s'", s);
	if (v < lo || v > hi)
		return stw_yerr(err, r->file, n, "%s is out of range (%g to %g)", s, lo, hi);
	*out = v;
	return STW_OK;
}

stw_err
stw_rules_int(const stw_rules *r, const stw_ynode *n, long lo, long hi, long *out,
              stw_error *err)
{
	const char *s;
	stw_err e = stw_rules_str(r, n, "a whole number", &s, err);
	if (e != STW_OK)
		return e;
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (end == s || *end || errno)
		return stw_yerr(err, r->file, n, "expected a whole number, not '%s'", s);
	if (v < lo || v > hi)
		return stw_yerr(err, r->file, n, "%s is out of range (%ld to %ld)", s, lo, hi);
	*out = v;
	return STW_OK;
}

stw_err
stw_rules_keys(const stw_rules *r, const stw_ynode *n, const char *what,
               const char *const *allowed, stw_error *err)
{
	if (!n || n->kind != STW_Y_MAP)
		return stw_yerr(err, r->file, n, "%s must be a mapping%s%s", what, n ? ", not " : "",
		                n ? stw_ykind_name(n->kind) : "");
	for (size_t i = 0; i < n->n; i++) {
		const stw_ynode *k = stw_ymap_key(n, i);
		bool ok = false;
		for (const char *const *a = allowed; *a && !ok; a++)
			ok = strcmp(*a, k->value) == 0;
		if (!ok) {
			stw_buf list = STW_BUF_INIT;
			for (const char *const *a = allowed; *a; a++)
				stw_buf_printf(&list, "%s%s", a == allowed ? "" : ", ", *a);
			stw_err e = stw_yerr(err, r->file, k, "unknown key '%s' in %s (expected one of: %s)",
			                     k->value, what, list.data ? list.data : "");
			stw_buf_free(&list);
			return e;
		}
		for (size_t j = 0; j < i; j++)
			if (strcmp(stw_ymap_key(n, j)->value, k->value) == 0)
				return stw_yerr(err, r->file, k, "'%s' is given twice in %s", k->value, what);
	}
	return STW_OK;
}

void
stw_rules_free(stw_rules *r)
{
	if (!r)
		return;
	for (size_t m = 0; modules[m]; m++) {
		modules[m]->free(&r->contact);
		modules[m]->free(&r->company);
	}
	free(r->file);
	free(r);
}

const stw_entity_rules *
stw_rules_entity(const stw_rules *r, const char *entity)
{
	if (strcmp(entity, "contact") == 0)
		return &r->contact;
	if (strcmp(entity, "company") == 0)
		return &r->company;
	return NULL;
}

static stw_err
parse_entity(stw_rules *r, stw_entity_rules *e, const stw_ynode *map, stw_error *err)
{
	/* Unknown keys: the union of the modules' keys. */
	const char *allowed[128];
	size_t n = 0;
	for (size_t m = 0; modules[m]; m++)
		for (const char *const *k = modules[m]->keys; *k && n < 127; k++)
			allowed[n++] = *k;
	allowed[n] = NULL;
	char what[64];
	snprintf(what, sizeof what, "the %s section", e->entity);
	stw_err x = stw_rules_keys(r, map, what, allowed, err);
	if (x != STW_OK)
		return x;
	e->present = true;
	for (size_t m = 0; modules[m]; m++)
		if ((x = modules[m]->parse(r, e, map, err)) != STW_OK)
			return x;
	return STW_OK;
}

static stw_err
parse_rules(stw_rules *r, const stw_ynode *root, stw_error *err)
{
	static const char *const top[] = {"version", "default_country", "date_order",
	                                  "contact", "company", NULL};
	stw_err e = stw_rules_keys(r, root, "the rules file", top, err);
	if (e != STW_OK)
		return e;
	const stw_ynode *n;
	if ((n = stw_ymap_get(root, "version"))) {
		long v;
		if ((e = stw_rules_int(r, n, 1, 1, &v, err)) != STW_OK)
			return e;
	}
	if ((n = stw_ymap_get(root, "default_country"))) {
		const char *s;
		if ((e = stw_rules_str(r, n, "default_country", &s, err)) != STW_OK)
			return e;
		if (strlen(s) != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z')
			return stw_yerr(err, r->file, n,
			                "default_country must be an ISO 3166 alpha-2 code such as US, "
			                "not '%s'", s);
		memcpy(r->default_country, s, 3);
	}
	if ((n = stw_ymap_get(root, "date_order"))) {
		const char *s;
		if ((e = stw_rules_str(r, n, "date_order", &s, err)) != STW_OK)
			return e;
		if (strcmp(s, "mdy") == 0)
			r->date_order = STW_MDY;
		else if (strcmp(s, "dmy") == 0)
			r->date_order = STW_DMY;
		else
			return stw_yerr(err, r->file, n, "date_order must be mdy or dmy, not '%s'", s);
	}
	if ((n = stw_ymap_get(root, "contact")) &&
	    (e = parse_entity(r, &r->contact, n, err)) != STW_OK)
		return e;
	if ((n = stw_ymap_get(root, "company")) &&
	    (e = parse_entity(r, &r->company, n, err)) != STW_OK)
		return e;
	return STW_OK;
}

stw_err
stw_rules_load(const char *path, stw_rules **out, stw_error *err)
{
	*out = NULL;
	stw_buf text = STW_BUF_INIT;
	const char *name;
	if (path) {
		if (stw_read_file(path, &text) != 0) {
			stw_err e = stw_fail(err, STW_EIO, "%s: cannot read: %s", path, strerror(errno));
			stw_buf_free(&text);
			return e;
		}
		name = path;
	} else {
		const stw_embedded *emb = stw_embedded_get("default.yaml");
		if (!emb)
			return stw_fail(err, STW_ENOENT, "the built-in rules are missing");
		stw_buf_add(&text, emb->data, emb->len);
		name = "rules/default.yaml";
	}
	stw_rules *r = stw_xcalloc(1, sizeof *r);
	r->file = stw_xstrdup(name);
	r->contact.entity = "contact";
	r->company.entity = "company";
	memcpy(r->default_country, "US", 3);
	r->date_order = STW_MDY;
	stw_sha256_hex(text.data ? text.data : "", text.len, r->sha256);
	stw_ynode *root = NULL;
	stw_err e = stw_yaml_parse(name, text.data ? text.data : "", text.len, &root, err);
	if (e == STW_OK)
		e = parse_rules(r, root, err);
	stw_ynode_free(root);
	stw_buf_free(&text);
	if (e != STW_OK) {
		stw_rules_free(r);
		return e;
	}
	*out = r;
	return STW_OK;
}
