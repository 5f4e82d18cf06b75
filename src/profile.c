/*
 * Profile loading and header mapping.
 *
 * Scoring: a profile scores two points for each file header it names exactly
 * and one for a header it names up to case; the best profile wins if it
 * knows at least a third of the file's columns (and two at least). Columns
 * the profile does not name are then tried against the synonyms of the same
 * entity. Each canonical field is taken by its first column only.
 */
#include "profile.h"
#include "embedded.h"
#include "util.h"
#include "yamlutil.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const contact_fields[] = {
	"external_id", "salutation", "first_name", "middle_name", "last_name", "full_name",
	"email", "email2", "email3", "phone", "phone2", "phone3", "mobile", "fax",
	"company", "title", "department", "street", "city", "state", "postcode", "country",
	"website", "birth_date", "created_at", "updated_at", "last_activity_at", "owner",
	"lifecycle_stage", "row_checksum", NULL,
};

static const char *const company_fields[] = {
	"external_id", "name", "domain", "website", "phone", "phone2", "fax", "street", "city",
	"state", "postcode", "country", "industry", "employees", "parent_id", "owner",
	"created_at", "updated_at", "last_activity_at", "row_checksum", NULL,
};

static const char *const builtin[] = {
	"salesforce-contact", "salesforce-account", "hubspot-contact", "hubspot-company",
	"dynamics-contact", "dynamics-account", "pipedrive-person", "pipedrive-organization",
	"zoho-contact", "zoho-account", NULL,
};

const char *const *
stw_profile_builtin_names(void)
{
	return builtin;
}

const char *const *
stw_fields_of(const char *entity)
{
	return strcmp(entity, "company") == 0 ? company_fields : contact_fields;
}

int
stw_field_known(const char *entity, const char *field)
{
	for (const char *const *f = stw_fields_of(entity); *f; f++)
		if (strcmp(*f, field) == 0)
			return 1;
	return 0;
}

void
stw_profile_free(stw_profile *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++) {
		free(p->headers[i]);
		free(p->fields[i]);
	}
	free(p->headers);
	free(p->fields);
	free(p->name);
	free(p->crm);
	free(p->entity);
	free(p);
}

static stw_err
scalar(const char *file, const stw_ynode *root, const char *key, bool required, char **out,
       stw_error *err)
{
	const stw_ynode *n = stw_ymap_get(root, key);
	if (!n) {
		if (required)
			return stw_yerr(err, file, root, "missing key '%s'", key);
		*out = NULL;
		return STW_OK;
	}
	if (n->kind != STW_Y_SCALAR)
		return stw_yerr(err, file, n, "'%s' must be a single value, not %s", key,
		                stw_ykind_name(n->kind));
	*out = stw_xstrdup(n->value);
	return STW_OK;
}

static stw_err
profile_from_yaml(const char *file, const char *data, size_t len, stw_profile **out,
                  stw_error *err)
{
	stw_ynode *root;
	stw_err e = stw_yaml_parse(file, data, len, &root, err);
	if (e != STW_OK)
		return e;
	stw_profile *p = stw_xcalloc(1, sizeof *p);
	if (root->kind != STW_Y_MAP) {
		e = stw_yerr(err, file, root, "a profile must be a mapping (name, crm, entity, columns)");
		goto done;
	}
	for (size_t i = 0; i < root->n; i++) {
		const char *k = stw_ymap_key(root, i)->value;
		if (strcmp(k, "name") && strcmp(k, "crm") && strcmp(k, "entity") && strcmp(k, "columns")) {
			e = stw_yerr(err, file, stw_ymap_key(root, i),
			             "unknown key '%s' (expected name, crm, entity, columns)", k);
			goto done;
		}
	}
	if ((e = scalar(file, root, "name", true, &p->name, err)) != STW_OK ||
	    (e = scalar(file, root, "crm", false, &p->crm, err)) != STW_OK ||
	    (e = scalar(file, root, "entity", true, &p->entity, err)) != STW_OK)
		goto done;
	if (!p->crm)
		p->crm = stw_xstrdup("custom");
	if (strcmp(p->entity, "contact") && strcmp(p->entity, "company")) {
		e = stw_yerr(err, file, stw_ymap_get(root, "entity"),
		             "entity must be 'contact' or 'company', not '%s'", p->entity);
		goto done;
	}
	const stw_ynode *cols = stw_ymap_get(root, "columns");
	if (!cols) {
		e = stw_yerr(err, file, root, "missing key 'columns'");
		goto done;
	}
	if (cols->kind != STW_Y_MAP) {
		e = stw_yerr(err, file, cols, "'columns' must be a mapping of header: field, not %s",
		             stw_ykind_name(cols->kind));
		goto done;
	}
	p->headers = stw_xcalloc(cols->n, sizeof *p->headers);
	p->fields = stw_xcalloc(cols->n, sizeof *p->fields);
	for (size_t i = 0; i < cols->n; i++) {
		const stw_ynode *k = stw_ymap_key(cols, i), *v = stw_ymap_val(cols, i);
		if (v->kind != STW_Y_SCALAR) {
			e = stw_yerr(err, file, v, "the field for '%s' must be a single value", k->value);
			goto done;
		}
		if (!stw_field_known(p->entity, v->value)) {
			e = stw_yerr(err, file, v, "unknown %s field '%s'", p->entity, v->value);
			goto done;
		}
		p->headers[p->n] = stw_xstrdup(k->value);
		p->fields[p->n] = stw_xstrdup(v->value);
		p->n++;
	}
done:
	stw_ynode_free(root);
	if (e != STW_OK) {
		stw_profile_free(p);
		return e;
	}
	*out = p;
	return STW_OK;
}

stw_err
stw_profile_load(const char *name_or_path, stw_profile **out, stw_error *err)
{
	*out = NULL;
	char key[256];
	snprintf(key, sizeof key, "profiles/%s.yaml", name_or_path);
	const stw_embedded *emb = stw_embedded_get(key);
	if (emb) {
		snprintf(key, sizeof key, "rules/profiles/%s.yaml", name_or_path);
		return profile_from_yaml(key, emb->data, emb->len, out, err);
	}
	if (!strchr(name_or_path, '/') && !strstr(name_or_path, ".yaml") &&
	    !strstr(name_or_path, ".yml"))
		return stw_fail(err, STW_EUSAGE,
		                "unknown profile '%s' (built in: salesforce, hubspot, dynamics, "
		                "pipedrive, zoho, each -contact or -account/-company, or a .yaml file)",
		                name_or_path);
	stw_buf b = STW_BUF_INIT;
	if (stw_read_file(name_or_path, &b) != 0) {
		stw_err e = stw_fail(err, STW_EIO, "%s: cannot read: %s", name_or_path, strerror(errno));
		stw_buf_free(&b);
		return e;
	}
	stw_err e = profile_from_yaml(name_or_path, b.data, b.len, out, err);
	stw_buf_free(&b);
	return e;
}

/* Lower-case letters and digits only: "E-Mail Address" -> "emailaddress". */
static void
normalize_header(const char *in, char *out, size_t cap)
{
	size_t o = 0;
	for (const unsigned char *p = (const unsigned char *)in; *p && o + 1 < cap; p++)
		if (isalnum(*p) || *p >= 0x80)
			out[o++] = (char)tolower(*p);
	out[o] = '\0';
}

void
stw_mapping_free(stw_mapping *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++)
		free(m->field[i]);
	free(m->field);
	free(m->via);
	free(m->profile);
	free(m->entity);
	memset(m, 0, sizeof *m);
}

static int
profile_score(const stw_profile *p, const char *const *headers, size_t n, size_t *matched)
{
	int score = 0;
	*matched = 0;
	for (size_t i = 0; i < n; i++) {
		int best = 0;
		for (size_t k = 0; k < p->n && best < 2; k++) {
			if (strcmp(headers[i], p->headers[k]) == 0)
				best = 2;
			else if (strcasecmp(headers[i], p->headers[k]) == 0)
				best = 1;
		}
		score += best;
		*matched += best > 0;
	}
	return score;
}

static bool
field_taken(const stw_mapping *m, const char *field)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->field[i] && strcmp(m->field[i], field) == 0)
			return true;
	return false;
}

static void
apply_profile(stw_mapping *m, const stw_profile *p, const char *const *headers)
{
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < m->n; i++) {
			if (m->field[i])
				continue;
			for (size_t k = 0; k < p->n; k++) {
				bool eq = pass == 0 ? strcmp(headers[i], p->headers[k]) == 0
				                    : strcasecmp(headers[i], p->headers[k]) == 0;
				if (eq && !field_taken(m, p->fields[k])) {
					m->field[i] = stw_xstrdup(p->fields[k]);
					m->via[i] = "profile";
					m->matched++;
					break;
				}
			}
		}
}

/* Maps unmapped columns through the synonyms of entity; returns how many. */
static size_t
apply_synonyms(stw_mapping *m, const stw_ynode *syn, const char *entity,
               const char *const *headers, bool dry)
{
	const stw_ynode *ent = stw_ymap_get(syn, entity);
	if (!ent || ent->kind != STW_Y_MAP)
		return 0;
	size_t count = 0;
	char *taken_local[256] = {0};
	size_t ntaken = 0;
	for (size_t i = 0; i < m->n; i++) {
		if (m->field[i])
			continue;
		char h[256];
		normalize_header(headers[i], h, sizeof h);
		for (size_t f = 0; f < ent->n; f++) {
			const stw_ynode *list = stw_ymap_val(ent, f);
			const char *field = stw_ymap_key(ent, f)->value;
			bool hit = false;
			for (size_t s = 0; list->kind == STW_Y_SEQ && s < list->n && !hit; s++) {
				char w[256];
				normalize_header(list->items[s]->value, w, sizeof w);
				hit = strcmp(h, w) == 0;
			}
			if (!hit)
				continue;
			bool taken = field_taken(m, field);
			for (size_t t = 0; t < ntaken && !taken; t++)
				taken = strcmp(taken_local[t], field) == 0;
			if (taken)
				break;
			count++;
			if (dry) {
				if (ntaken < 256)
					taken_local[ntaken++] = (char *)field;
			} else {
				m->field[i] = stw_xstrdup(field);
				m->via[i] = "synonym";
				m->matched++;
			}
			break;
		}
	}
	return count;
}

stw_err
stw_mapping_detect(const char *const *headers, size_t n, const char *want, stw_mapping *out,
                   stw_error *err)
{
	memset(out, 0, sizeof *out);
	out->n = n;
	out->field = stw_xcalloc(n ? n : 1, sizeof *out->field);
	out->via = stw_xcalloc(n ? n : 1, sizeof *out->via);

	stw_profile *chosen = NULL;
	stw_err e = STW_OK;
	if (want && (strchr(want, '/') || strstr(want, ".yaml") || strstr(want, ".yml") ||
	             strchr(want, '-'))) {
		if ((e = stw_profile_load(want, &chosen, err)) != STW_OK)
			goto fail;
	} else {
		/* The best built-in profile, optionally of one CRM. */
		int best = 0;
		size_t best_matched = 0;
		bool crm_known = want == NULL;
		for (int i = 0; builtin[i]; i++) {
			stw_profile *p;
			if ((e = stw_profile_load(builtin[i], &p, err)) != STW_OK)
				goto fail;
			if (want && strcmp(p->crm, want) != 0) {
				stw_profile_free(p);
				continue;
			}
			crm_known = true;
			size_t matched;
			int score = profile_score(p, headers, n, &matched);
			if (score > best || (want && !chosen)) {
				stw_profile_free(chosen);
				chosen = p;
				best = score;
				best_matched = matched;
			} else {
				stw_profile_free(p);
			}
		}
		if (!crm_known) {
			e = stw_fail(err, STW_EUSAGE,
			             "unknown profile '%s' (salesforce, hubspot, dynamics, pipedrive, "
			             "zoho, a built-in name such as hubspot-company, or a .yaml file)",
			             want);
			goto fail;
		}
		if (!want && (best_matched < 2 || best_matched * 3 < n)) {
			stw_profile_free(chosen);
			chosen = NULL;
		}
	}

	const stw_embedded *se = stw_embedded_get("profiles/synonyms.yaml");
	stw_ynode *syn = NULL;
	if (se && (e = stw_yaml_parse("rules/profiles/synonyms.yaml", se->data, se->len, &syn,
	                              err)) != STW_OK)
		goto fail;
	if (chosen) {
		apply_profile(out, chosen, headers);
		apply_synonyms(out, syn, chosen->entity, headers, false);
		out->profile = stw_xstrdup(chosen->name);
		out->entity = stw_xstrdup(chosen->entity);
	} else {
		size_t c = apply_synonyms(out, syn, "contact", headers, true);
		size_t a = apply_synonyms(out, syn, "company", headers, true);
		const char *entity = a > c ? "company" : "contact";
		apply_synonyms(out, syn, entity, headers, false);
		out->entity = stw_xstrdup(entity);
		out->profile = stw_xasprintf("generic-%s", entity);
	}
	stw_ynode_free(syn);
	stw_profile_free(chosen);
	return STW_OK;
fail:
	stw_profile_free(chosen);
	stw_mapping_free(out);
	return e;
}
