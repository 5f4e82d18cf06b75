/*
 * The "survivorship" rules module: reads an entity's `survivorship:` mapping
 * (see survive_rules.h) into a struct stw_surv_rules hung from the entity's
 * rules. Unknown strategies, master rules, fields and keys are errors naming
 * the file, line and column of the offending node.
 */
#include "survive_rules.h"
#include "profile.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *const strategy_names[] = {
	[STW_SV_MOST_RECENT] = "most_recent",       [STW_SV_MOST_COMPLETE] = "most_complete",
	[STW_SV_MOST_FREQUENT] = "most_frequent",   [STW_SV_LONGEST] = "longest",
	[STW_SV_SOURCE_PRIORITY] = "source_priority", [STW_SV_FIRST] = "first",
};
#define N_STRATEGIES ((int)(sizeof strategy_names / sizeof strategy_names[0]))

static const char *const master_names[] = {
	[STW_SVM_OLDEST_CREATED] = "oldest_created",
	[STW_SVM_MOST_RECENT_ACTIVITY] = "most_recent_activity",
	[STW_SVM_MOST_COMPLETE] = "most_complete",
};
#define N_MASTERS ((int)(sizeof master_names / sizeof master_names[0]))

const char *
stw_surv_strategy_name(stw_surv_strategy s)
{
	return (int)s >= 0 && (int)s < N_STRATEGIES ? strategy_names[s] : "?";
}

const char *
stw_surv_master_name(stw_surv_master m)
{
	return (int)m >= 0 && (int)m < N_MASTERS ? master_names[m] : "?";
}

stw_surv_strategy
stw_surv_strategy_for(const stw_surv_rules *r, const char *field)
{
	for (int i = 0; i < r->nfields; i++)
		if (strcmp(r->fields[i].field, field) == 0)
			return r->fields[i].strategy;
	return r->dflt;
}

void
stw_surv_rules_clear(stw_surv_rules *r)
{
	if (!r)
		return;
	for (int i = 0; i < r->nfields; i++)
		free(r->fields[i].field);
	for (int i = 0; i < r->nsources; i++)
		free(r->sources[i]);
	for (int i = 0; i < r->nmulti; i++) {
		free(r->multi[i].field);
		for (int k = 0; k < r->multi[i].nslots; k++)
			free(r->multi[i].slots[k]);
	}
	free(r->notes);
	memset(r, 0, sizeof *r);
}

static void
add_multi(stw_surv_rules *r, const char *field, const char *const *slots)
{
	int i = r->nmulti++;
	r->multi[i].field = stw_xstrdup(field);
	for (const char *const *s = slots; *s; s++)
		r->multi[i].slots[r->multi[i].nslots++] = stw_xstrdup(*s);
}

void
stw_surv_rules_defaults(stw_surv_rules *r, const char *entity)
{
	memset(r, 0, sizeof *r);
	r->master = STW_SVM_OLDEST_CREATED;
	r->dflt = STW_SV_MOST_COMPLETE;
	if (strcmp(entity, "company") == 0) {
		add_multi(r, "phone", (const char *const[]){"phone2", NULL});
	} else {
		add_multi(r, "email", (const char *const[]){"email2", "email3", NULL});
		add_multi(r, "phone", (const char *const[]){"phone2", "phone3", NULL});
	}
}

static stw_err
parse_strategy(const stw_rules *r, const stw_ynode *n, stw_surv_strategy *out, stw_error *err)
{
	const char *s;
	stw_err e = stw_rules_str(r, n, "a survivorship strategy", &s, err);
	if (e != STW_OK)
		return e;
	for (int i = 0; i < N_STRATEGIES; i++)
		if (strcmp(s, strategy_names[i]) == 0) {
			*out = (stw_surv_strategy)i;
			return STW_OK;
		}
	return stw_yerr(err, r->file, n, "unknown survivorship strategy '%s' (expected one of: "
	                "most_recent, most_complete, most_frequent, longest, source_priority, "
	                "first)", s);
}

static stw_err
parse_field_name(const stw_rules *r, const stw_entity_rules *ent, const stw_ynode *n,
                 const char **out, stw_error *err)
{
	stw_err e = stw_rules_str(r, n, "a field name", out, err);
	if (e != STW_OK)
		return e;
	if (!stw_field_known(ent->entity, *out))
		return stw_yerr(err, r->file, n, "unknown %s field '%s'", ent->entity, *out);
	return STW_OK;
}

static stw_err
parse_fields(const stw_rules *r, const stw_entity_rules *ent, const stw_ynode *n,
             stw_surv_rules *s, stw_error *err)
{
	if (n->kind != STW_Y_MAP)
		return stw_yerr(err, r->file, n, "survivorship fields must be a mapping of field: "
		                "strategy, not %s", stw_ykind_name(n->kind));
	for (size_t i = 0; i < n->n; i++) {
		const char *field;
		stw_err e = parse_field_name(r, ent, stw_ymap_key(n, i), &field, err);
		if (e != STW_OK)
			return e;
		for (int k = 0; k < s->nfields; k++)
			if (strcmp(s->fields[k].field, field) == 0)
				return stw_yerr(err, r->file, stw_ymap_key(n, i),
				                "'%s' is given twice in survivorship fields", field);
		if (s->nfields >= STW_SURV_MAX_FIELDS)
			return stw_yerr(err, r->file, stw_ymap_key(n, i), "too many fields (at most %d)",
			                STW_SURV_MAX_FIELDS);
		stw_surv_strategy st;
		if ((e = parse_strategy(r, stw_ymap_val(n, i), &st, err)) != STW_OK)
			return e;
		s->fields[s->nfields].field = stw_xstrdup(field);
		s->fields[s->nfields++].strategy = st;
	}
	return STW_OK;
}

static stw_err
parse_sources(const stw_rules *r, const stw_ynode *n, stw_surv_rules *s, stw_error *err)
{
	if (n->kind != STW_Y_SEQ)
		return stw_yerr(err, r->file, n, "source_priority must be a list, not %s",
		                stw_ykind_name(n->kind));
	for (size_t i = 0; i < n->n; i++) {
		const char *v;
		stw_err e = stw_rules_str(r, n->items[i], "a source name", &v, err);
		if (e != STW_OK)
			return e;
		if (s->nsources >= STW_SURV_MAX_SOURCES)
			return stw_yerr(err, r->file, n->items[i], "too many sources (at most %d)",
			                STW_SURV_MAX_SOURCES);
		char *low = stw_xstrdup(v);
		for (char *p = low; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		s->sources[s->nsources++] = low;
	}
	return STW_OK;
}

static stw_err
parse_secondary(const stw_rules *r, const stw_entity_rules *ent, const stw_ynode *n,
                stw_surv_rules *s, stw_error *err)
{
	if (n->kind != STW_Y_MAP)
		return stw_yerr(err, r->file, n, "secondary must be a mapping of field: [fields], "
		                "not %s", stw_ykind_name(n->kind));
	/* An explicit mapping replaces the defaults. */
	for (int i = 0; i < s->nmulti; i++) {
		free(s->multi[i].field);
		for (int k = 0; k < s->multi[i].nslots; k++)
			free(s->multi[i].slots[k]);
		memset(&s->multi[i], 0, sizeof s->multi[i]);
	}
	s->nmulti = 0;
	for (size_t i = 0; i < n->n; i++) {
		const char *field;
		stw_err e = parse_field_name(r, ent, stw_ymap_key(n, i), &field, err);
		if (e != STW_OK)
			return e;
		if (s->nmulti >= STW_SURV_MAX_MULTI)
			return stw_yerr(err, r->file, stw_ymap_key(n, i),
			                "too many multi-value fields (at most %d)", STW_SURV_MAX_MULTI);
		const stw_ynode *list = stw_ymap_val(n, i);
		if (list->kind != STW_Y_SEQ)
			return stw_yerr(err, r->file, list, "the secondary fields of '%s' must be a "
			                "list, not %s", field, stw_ykind_name(list->kind));
		int m = s->nmulti++;
		s->multi[m].field = stw_xstrdup(field);
		for (size_t k = 0; k < list->n; k++) {
			const char *slot;
			if ((e = parse_field_name(r, ent, list->items[k], &slot, err)) != STW_OK)
				return e;
			if (strcmp(slot, field) == 0)
				return stw_yerr(err, r->file, list->items[k],
				                "'%s' cannot be its own secondary field", slot);
			if (s->multi[m].nslots >= STW_SURV_MAX_SLOTS)
				return stw_yerr(err, r->file, list->items[k],
				                "too many secondary fields (at most %d)", STW_SURV_MAX_SLOTS);
			s->multi[m].slots[s->multi[m].nslots++] = stw_xstrdup(slot);
		}
	}
	return STW_OK;
}

static stw_err
parse(const stw_rules *r, stw_entity_rules *ent, const stw_ynode *map, stw_error *err)
{
	stw_surv_rules *s = stw_xcalloc(1, sizeof *s);
	stw_surv_rules_defaults(s, ent->entity);
	ent->surv = s; /* owned from here on, also on error */
	const stw_ynode *n = stw_ymap_get(map, "survivorship");
	if (!n)
		return STW_OK;
	static const char *const keys[] = {"master", "default", "fields", "source_priority",
	                                   "secondary", "notes", NULL};
	stw_err e = stw_rules_keys(r, n, "survivorship", keys, err);
	if (e != STW_OK)
		return e;
	const stw_ynode *v;
	if ((v = stw_ymap_get(n, "master"))) {
		const char *name;
		if ((e = stw_rules_str(r, v, "master", &name, err)) != STW_OK)
			return e;
		int found = -1;
		for (int i = 0; i < N_MASTERS; i++)
			if (strcmp(name, master_names[i]) == 0)
				found = i;
		if (found < 0)
			return stw_yerr(err, r->file, v, "unknown master rule '%s' (expected one of: "
			                "oldest_created, most_recent_activity, most_complete)", name);
		s->master = (stw_surv_master)found;
	}
	if ((v = stw_ymap_get(n, "default")) && (e = parse_strategy(r, v, &s->dflt, err)) != STW_OK)
		return e;
	if ((v = stw_ymap_get(n, "fields")) && (e = parse_fields(r, ent, v, s, err)) != STW_OK)
		return e;
	if ((v = stw_ymap_get(n, "source_priority")) && (e = parse_sources(r, v, s, err)) != STW_OK)
		return e;
	if ((v = stw_ymap_get(n, "secondary")) && (e = parse_secondary(r, ent, v, s, err)) != STW_OK)
		return e;
	if ((v = stw_ymap_get(n, "notes"))) {
		const char *h;
		if ((e = stw_rules_str(r, v, "notes (a column header)", &h, err)) != STW_OK)
			return e;
		if (!*h)
			return stw_yerr(err, r->file, v, "notes must name a column header");
		s->notes = stw_xstrdup(h);
	}
	for (int i = 0; i < s->nfields; i++)
		if (s->fields[i].strategy == STW_SV_SOURCE_PRIORITY && s->nsources == 0)
			return stw_yerr(err, r->file, stw_ymap_get(n, "fields"),
			                "field '%s' uses source_priority but no source_priority list "
			                "is given", s->fields[i].field);
	if (s->dflt == STW_SV_SOURCE_PRIORITY && s->nsources == 0)
		return stw_yerr(err, r->file, stw_ymap_get(n, "default"),
		                "the default strategy is source_priority but no source_priority "
		                "list is given");
	return STW_OK;
}

static void
module_free(stw_entity_rules *e)
{
	if (e->surv) {
		stw_surv_rules_clear(e->surv);
		free(e->surv);
		e->surv = NULL;
	}
}

static const char *const surv_keys[] = {"survivorship", NULL};

const stw_rules_module stw_surv_rules_module = {
	.name = "survivorship",
	.keys = surv_keys,
	.parse = parse,
	.free = module_free,
};
