/*
 * The "matching" rules module: reads an entity's `matching:` mapping into a
 * struct stw_match_rules (see match_rules.h for the format).
 *
 * Parsing checks everything the matcher relies on, so that the matcher never
 * meets a bad setting: every field must be a canonical field of the entity,
 * every level must be a known comparator that applies to the field's type,
 * every threshold must lie in its range, and a comparison's fields must all
 * share one type. Each error names the file, line and column of the node.
 *
 * Default m and u probabilities (used when the data is too small to estimate
 * them, and as the prior of the estimates) may be given per comparison as
 * lists `m:` and `u:` with one number per level, `else` last; otherwise they
 * follow from the kind of each level (a heuristic good enough to start EM).
 */
#include "match_rules.h"
#include "profile.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const vtype_names[] = {
	"name", "email", "phone", "date", "postcode", "company name", "web domain", "text",
};

const char *
stw_vtype_name(stw_vtype t)
{
	return vtype_names[t];
}

stw_vtype
stw_match_field_type(const char *entity, const char *f)
{
	if (!strcmp(f, "first_name") || !strcmp(f, "middle_name") || !strcmp(f, "last_name") ||
	    !strcmp(f, "full_name") || !strcmp(f, "salutation"))
		return STW_VT_NAME;
	if (!strncmp(f, "email", 5))
		return STW_VT_EMAIL;
	if (!strncmp(f, "phone", 5) || !strcmp(f, "mobile") || !strcmp(f, "fax"))
		return STW_VT_PHONE;
	if (!strcmp(f, "birth_date") || !strcmp(f, "created_at") || !strcmp(f, "updated_at") ||
	    !strcmp(f, "last_activity_at"))
		return STW_VT_DATE;
	if (!strcmp(f, "postcode"))
		return STW_VT_POSTCODE;
	if (!strcmp(f, "company") || (!strcmp(f, "name") && !strcmp(entity, "company")))
		return STW_VT_COMPANY;
	if (!strcmp(f, "website") || !strcmp(f, "domain"))
		return STW_VT_DOMAIN;
	return STW_VT_TEXT;
}

/* ==== Levels ==== */

typedef struct {
	const char    *word;
	stw_level_kind kind;
	int            arg;   /* 0 none, 1 ">= x" in [0,1], 2 "<= n", 3 " n", 4 "(field)" */
	unsigned       types; /* bit mask of stw_vtype it applies to, 0: all */
	double         m0, u0;
} level_def;

#define T(x) (1u << (x))
static const level_def level_defs[] = {
	{"exact", STW_LV_EXACT, 0, 0, 0.80, 0.01},
	{"nickname", STW_LV_NICKNAME, 0, T(STW_VT_NAME), 0.06, 0.004},
	{"initial", STW_LV_INITIAL, 0, T(STW_VT_NAME) | T(STW_VT_TEXT), 0.03, 0.02},
	{"phonetic", STW_LV_PHONETIC, 0, T(STW_VT_NAME) | T(STW_VT_TEXT), 0.03, 0.01},
	{"jaro_winkler", STW_LV_JW, 1, 0, 0.05, 0.02},
	{"osa", STW_LV_OSA, 2, 0, 0.05, 0.01},
	{"levenshtein", STW_LV_LEV, 2, 0, 0.05, 0.01},
	{"token_set", STW_LV_TOKEN_SET, 1, 0, 0.05, 0.02},
	{"jaccard", STW_LV_JACCARD, 1, 0, 0.05, 0.02},
	{"local_part", STW_LV_LOCAL, 0, T(STW_VT_EMAIL), 0.05, 0.001},
	{"domain", STW_LV_DOMAIN, 0, T(STW_VT_EMAIL), 0.04, 0.05},
	{"days", STW_LV_DAYS, 2, T(STW_VT_DATE), 0.04, 0.01},
	{"day_month_swapped", STW_LV_DMSWAP, 0, T(STW_VT_DATE), 0.02, 0.0005},
	{"swapped", STW_LV_SWAPPED, 4, T(STW_VT_NAME) | T(STW_VT_TEXT), 0.02, 0.0005},
	{"suffix", STW_LV_SUFFIX, 3, 0, 0.04, 0.001},
	{"prefix", STW_LV_PREFIX, 3, 0, 0.04, 0.01},
};
#undef T

static void
list_levels(stw_buf *b)
{
	for (size_t i = 0; i < sizeof level_defs / sizeof level_defs[0]; i++)
		stw_buf_printf(b, "%s%s", i ? ", " : "", level_defs[i].word);
}

static stw_err
parse_level(const stw_rules *r, const char *entity, const stw_match_cmp *c, const stw_ynode *n,
            stw_match_level *lv, stw_error *err)
{
	const char *s;
	stw_err e = stw_rules_str(r, n, "a comparison level", &s, err);
	if (e != STW_OK)
		return e;
	size_t w = 0;
	while (s[w] && (isalnum((unsigned char)s[w]) || s[w] == '_'))
		w++;
	const level_def *d = NULL;
	for (size_t i = 0; i < sizeof level_defs / sizeof level_defs[0]; i++)
		if (strlen(level_defs[i].word) == w && !strncmp(level_defs[i].word, s, w))
			d = &level_defs[i];
	if (!d) {
		stw_buf b = STW_BUF_INIT;
		list_levels(&b);
		e = stw_yerr(err, r->file, n, "unknown comparator '%.*s' (expected one of: %s)",
		             (int)(w ? w : strlen(s)), s, b.data);
		stw_buf_free(&b);
		return e;
	}
	if (d->types && !(d->types & (1u << c->type)))
		return stw_yerr(err, r->file, n, "comparator '%s' does not apply to %s values (%s)",
		                d->word, stw_vtype_name(c->type), c->fields[0]);
	memset(lv, 0, sizeof *lv);
	lv->kind = d->kind;
	lv->m0 = d->m0;
	lv->u0 = d->u0;
	const char *p = s + w;
	while (*p == ' ')
		p++;
	char *end;
	switch (d->arg) {
	case 0:
		if (*p)
			return stw_yerr(err, r->file, n, "comparator '%s' takes no argument", d->word);
		break;
	case 1:
	case 2:
		if (strncmp(p, d->arg == 1 ? ">=" : "<=", 2))
			return stw_yerr(err, r->file, n, "write '%s %s NUMBER'", d->word,
			                d->arg == 1 ? ">=" : "<=");
		lv->arg = strtod(p + 2, &end);
		if (end == p + 2 || *end)
			return stw_yerr(err, r->file, n, "'%s' needs a number after %s", d->word,
			                d->arg == 1 ? ">=" : "<=");
		if (d->arg == 1 && !(lv->arg > 0 && lv->arg <= 1))
			return stw_yerr(err, r->file, n, "threshold %g of '%s' is out of range "
			                "(above 0, at most 1)", lv->arg, d->word);
		if (d->arg == 2 && !(lv->arg >= 0 && lv->arg <= 100000 && lv->arg == (int)lv->arg))
			return stw_yerr(err, r->file, n, "'%s' needs a whole number from 0 to 100000",
			                d->word);
		break;
	case 3:
		lv->arg = strtod(p, &end);
		if (end == p || *end || !(lv->arg >= 1 && lv->arg <= 64 && lv->arg == (int)lv->arg))
			return stw_yerr(err, r->file, n, "write '%s N' with N from 1 to 64", d->word);
		break;
	case 4: {
		const char *q = strrchr(p, ')');
		if (*p != '(' || !q || q[1])
			return stw_yerr(err, r->file, n, "write '%s(FIELD)'", d->word);
		lv->other = stw_xstrndup(p + 1, (size_t)(q - p - 1));
		if (!stw_field_known(entity, lv->other))
			return stw_yerr(err, r->file, n, "unknown field '%s' for %s", lv->other, entity);
		if (stw_match_field_type(entity, lv->other) != c->type)
			return stw_yerr(err, r->file, n, "'%s' is not compared as %s values",
			                lv->other, stw_vtype_name(c->type));
		break;
	}
	}
	/* Exact email and phone agreement is far rarer by chance than a name's. */
	if (d->kind == STW_LV_EXACT && (c->type == STW_VT_EMAIL || c->type == STW_VT_PHONE))
		lv->u0 = 0.0001;
	lv->text = stw_xstrdup(s);
	return STW_OK;
}

/* ==== Comparisons ==== */

static stw_err
parse_field(const stw_rules *r, const char *entity, const stw_ynode *n, char **out,
            stw_error *err)
{
	const char *s;
	stw_err e = stw_rules_str(r, n, "a field", &s, err);
	if (e != STW_OK)
		return e;
	if (!stw_field_known(entity, s))
		return stw_yerr(err, r->file, n, "unknown field '%s' for %s", s, entity);
	*out = stw_xstrdup(s);
	return STW_OK;
}

static stw_err
parse_probs(const stw_rules *r, const stw_ynode *n, stw_match_cmp *c, bool is_m, stw_error *err)
{
	if (n->kind != STW_Y_SEQ || (n->n != (size_t)c->nlevels && n->n != (size_t)c->nlevels + 1))
		return stw_yerr(err, r->file, n, "'%s' must list one probability per level "
		                "(%d, or %d with else)", is_m ? "m" : "u", c->nlevels, c->nlevels + 1);
	double sum = 0;
	for (size_t i = 0; i < n->n; i++) {
		double v;
		stw_err e = stw_rules_double(r, n->items[i], 1e-9, 1, &v, err);
		if (e != STW_OK)
			return e;
		sum += v;
		if (i < (size_t)c->nlevels)
			*(is_m ? &c->levels[i].m0 : &c->levels[i].u0) = v;
		else
			*(is_m ? &c->m0_else : &c->u0_else) = v;
	}
	if (sum > 1.0 + 1e-9)
		return stw_yerr(err, r->file, n, "the probabilities add up to %g, more than 1", sum);
	if (n->n == (size_t)c->nlevels)
		*(is_m ? &c->m0_else : &c->u0_else) = 1.0 - sum > 1e-6 ? 1.0 - sum : 1e-6;
	return STW_OK;
}

/* Scales the default probabilities of a comparison so that they add up to 1. */
static void
normalize_defaults(stw_match_cmp *c, bool m)
{
	double sum = m ? c->m0_else : c->u0_else;
	for (int i = 0; i < c->nlevels; i++)
		sum += m ? c->levels[i].m0 : c->levels[i].u0;
	for (int i = 0; i < c->nlevels; i++)
		*(m ? &c->levels[i].m0 : &c->levels[i].u0) /= sum;
	*(m ? &c->m0_else : &c->u0_else) /= sum;
}

static stw_err
parse_cmp(const stw_rules *r, const char *entity, const stw_ynode *key, const stw_ynode *n,
          stw_match_cmp *c, stw_error *err)
{
	static const char *const allowed[] = {"field", "fields", "levels", "tf", "veto",
	                                      "veto_unless", "m", "u", NULL};
	char what[96];
	snprintf(what, sizeof what, "comparison '%s'", key->value);
	stw_err e = stw_rules_keys(r, n, what, allowed, err);
	if (e != STW_OK)
		return e;
	c->name = stw_xstrdup(key->value);
	const stw_ynode *f = stw_ymap_get(n, "field"), *fs = stw_ymap_get(n, "fields");
	if (f && fs)
		return stw_yerr(err, r->file, fs, "give either 'field' or 'fields', not both");
	if (fs) {
		if (fs->kind != STW_Y_SEQ || fs->n == 0 || fs->n > STW_MATCH_MAX_ALT)
			return stw_yerr(err, r->file, fs, "'fields' must list 1 to %d fields",
			                STW_MATCH_MAX_ALT);
		for (size_t i = 0; i < fs->n; i++)
			if ((e = parse_field(r, entity, fs->items[i], &c->fields[c->nfields++], err)))
				return e;
	} else if (f) {
		if ((e = parse_field(r, entity, f, &c->fields[c->nfields++], err)) != STW_OK)
			return e;
	} else {
		if ((e = parse_field(r, entity, key, &c->fields[c->nfields++], err)) != STW_OK)
			return e;
	}
	c->type = stw_match_field_type(entity, c->fields[0]);
	for (int i = 1; i < c->nfields; i++)
		if (stw_match_field_type(entity, c->fields[i]) != c->type)
			return stw_yerr(err, r->file, fs, "fields '%s' and '%s' are of different types",
			                c->fields[0], c->fields[i]);
	const stw_ynode *lv = stw_ymap_get(n, "levels");
	if (!lv)
		return stw_yerr(err, r->file, key, "comparison '%s' needs 'levels'", c->name);
	if (lv->kind != STW_Y_SEQ || lv->n == 0 || lv->n > STW_MATCH_MAX_LEVELS)
		return stw_yerr(err, r->file, lv, "'levels' must list 1 to %d comparators",
		                STW_MATCH_MAX_LEVELS);
	for (size_t i = 0; i < lv->n; i++) {
		if ((e = parse_level(r, entity, c, lv->items[i], &c->levels[i], err)) != STW_OK)
			return e;
		c->nlevels++;
	}
	c->m0_else = 0.05;
	c->u0_else = 0.9;
	const stw_ynode *x;
	if ((x = stw_ymap_get(n, "tf")) && (e = stw_rules_bool(r, x, &c->tf, err)) != STW_OK)
		return e;
	if ((x = stw_ymap_get(n, "veto")) && (e = stw_rules_bool(r, x, &c->veto, err)) != STW_OK)
		return e;
	normalize_defaults(c, true);
	normalize_defaults(c, false);
	if ((x = stw_ymap_get(n, "m")) && (e = parse_probs(r, x, c, true, err)) != STW_OK)
		return e;
	if ((x = stw_ymap_get(n, "u")) && (e = parse_probs(r, x, c, false, err)) != STW_OK)
		return e;
	return STW_OK;
}

/* ==== Blocking keys ==== */

static const struct {
	const char *word;
	stw_key_fn  fn;
} key_fns[] = {
	{"metaphone", STW_KF_METAPHONE}, {"soundex", STW_KF_SOUNDEX},
	{"initial", STW_KF_INITIAL},     {"formal", STW_KF_FORMAL},
	{"local_part", STW_KF_LOCAL},    {"domain", STW_KF_DOMAIN},
	{"year", STW_KF_YEAR},           {"first_word", STW_KF_FIRST_WORD},
	{"prefix4", STW_KF_PREFIX4},
};

static stw_err
parse_part(const stw_rules *r, const char *entity, const stw_ynode *n, stw_key_part *kp,
           stw_error *err)
{
	const char *s;
	stw_err e = stw_rules_str(r, n, "a blocking key part", &s, err);
	if (e != STW_OK)
		return e;
	kp->fn = STW_KF_VALUE;
	const char *open = strchr(s, '(');
	char *inner;
	if (open) {
		size_t w = (size_t)(open - s);
		bool found = false;
		for (size_t i = 0; i < sizeof key_fns / sizeof key_fns[0]; i++)
			if (strlen(key_fns[i].word) == w && !strncmp(key_fns[i].word, s, w)) {
				kp->fn = key_fns[i].fn;
				found = true;
			}
		if (!found) {
			stw_buf b = STW_BUF_INIT;
			for (size_t i = 0; i < sizeof key_fns / sizeof key_fns[0]; i++)
				stw_buf_printf(&b, "%s%s", i ? ", " : "", key_fns[i].word);
			e = stw_yerr(err, r->file, n, "unknown key function '%.*s' (expected one of: %s)",
			             (int)w, s, b.data);
			stw_buf_free(&b);
			return e;
		}
		const char *close = strrchr(s, ')');
		if (!close || close[1] || close < open)
			return stw_yerr(err, r->file, n, "write FUNCTION(FIELD), not '%s'", s);
		inner = stw_xstrndup(open + 1, (size_t)(close - open - 1));
	} else {
		inner = stw_xstrdup(s);
	}
	e = STW_OK;
	char *save = NULL;
	for (char *tok = strtok_r(inner, "|", &save); tok && e == STW_OK;
	     tok = strtok_r(NULL, "|", &save)) {
		while (*tok == ' ')
			tok++;
		size_t l = strlen(tok);
		while (l && tok[l - 1] == ' ')
			tok[--l] = '\0';
		if (kp->nfields == STW_MATCH_MAX_ALT)
			e = stw_yerr(err, r->file, n, "at most %d alternative fields", STW_MATCH_MAX_ALT);
		else if (!stw_field_known(entity, tok))
			e = stw_yerr(err, r->file, n, "blocking key on unknown field '%s' for %s", tok,
			             entity);
		else
			kp->fields[kp->nfields++] = stw_xstrdup(tok);
	}
	if (e == STW_OK && kp->nfields == 0)
		e = stw_yerr(err, r->file, n, "a blocking key part needs a field");
	free(inner);
	return e;
}

static stw_err
parse_key(const stw_rules *r, const char *entity, const stw_ynode *n, stw_block_key *k,
          stw_error *err)
{
	stw_buf name = STW_BUF_INIT;
	stw_err e = STW_OK;
	if (n->kind == STW_Y_MAP) {
		static const char *const allowed[] = {"key", "max_block", NULL};
		if ((e = stw_rules_keys(r, n, "a blocking key", allowed, err)) != STW_OK)
			return e;
		const stw_ynode *mb = stw_ymap_get(n, "max_block");
		if (mb && (e = stw_rules_int(r, mb, 2, 1000000, &k->max_block, err)) != STW_OK)
			return e;
		const stw_ynode *key = stw_ymap_get(n, "key");
		if (!key)
			return stw_yerr(err, r->file, n, "a blocking key mapping needs 'key'");
		n = key;
	}
	if (n->kind == STW_Y_SCALAR) {
		e = parse_part(r, entity, n, &k->parts[k->nparts++], err);
		stw_buf_adds(&name, n->value);
	} else if (n->kind == STW_Y_SEQ && n->n >= 1 && n->n <= STW_MATCH_MAX_PARTS) {
		for (size_t i = 0; i < n->n && e == STW_OK; i++) {
			e = parse_part(r, entity, n->items[i], &k->parts[k->nparts++], err);
			if (e == STW_OK)
				stw_buf_printf(&name, "%s%s", i ? " + " : "", n->items[i]->value);
		}
	} else {
		e = stw_yerr(err, r->file, n, "a blocking key is a field or a list of 1 to %d parts",
		             STW_MATCH_MAX_PARTS);
	}
	k->name = stw_buf_take(&name);
	return e;
}

/* ==== The module ==== */

static void
match_free(stw_entity_rules *e)
{
	stw_match_rules *m = e->match;
	if (!m)
		return;
	for (int i = 0; i < m->nkeys; i++) {
		free(m->keys[i].name);
		for (int p = 0; p < m->keys[i].nparts; p++)
			for (int f = 0; f < m->keys[i].parts[p].nfields; f++)
				free(m->keys[i].parts[p].fields[f]);
	}
	for (int i = 0; i < m->ncmp; i++) {
		free(m->cmp[i].name);
		for (int f = 0; f < m->cmp[i].nfields; f++)
			free(m->cmp[i].fields[f]);
		for (int l = 0; l < m->cmp[i].nlevels; l++) {
			free(m->cmp[i].levels[l].other);
			free(m->cmp[i].levels[l].text);
		}
	}
	free(m);
	e->match = NULL;
}

static stw_err
parse_thresholds(const stw_rules *r, const stw_ynode *n, stw_match_rules *m, stw_error *err)
{
	static const char *const allowed[] = {"review", "weak", NULL};
	stw_err e = stw_rules_keys(r, n, "thresholds", allowed, err);
	const stw_ynode *x;
	if (e == STW_OK && (x = stw_ymap_get(n, "review")))
		e = stw_rules_double(r, x, 0.0, 1.0, &m->review, err);
	if (e == STW_OK && (x = stw_ymap_get(n, "weak")))
		e = stw_rules_double(r, x, 0.0, 1.0, &m->weak, err);
	return e;
}

static stw_err
parse_em(const stw_rules *r, const stw_ynode *n, stw_match_rules *m, stw_error *err)
{
	static const char *const allowed[] = {"iterations", "min_pairs", "lambda", "u_sample",
	                                      NULL};
	stw_err e = stw_rules_keys(r, n, "em", allowed, err);
	const stw_ynode *x;
	if (e == STW_OK && (x = stw_ymap_get(n, "iterations")))
		e = stw_rules_int(r, x, 0, 10000, &m->em_iterations, err);
	if (e == STW_OK && (x = stw_ymap_get(n, "min_pairs")))
		e = stw_rules_int(r, x, 0, 1000000000L, &m->em_min_pairs, err);
	if (e == STW_OK && (x = stw_ymap_get(n, "lambda")))
		e = stw_rules_double(r, x, 1e-6, 0.999, &m->em_lambda0, err);
	if (e == STW_OK && (x = stw_ymap_get(n, "u_sample")))
		e = stw_rules_int(r, x, 1000, 100000000L, &m->u_sample, err);
	return e;
}

static stw_err
match_parse(const stw_rules *r, stw_entity_rules *ent, const stw_ynode *map, stw_error *err)
{
	const stw_ynode *n = stw_ymap_get(map, "matching");
	if (!n)
		return STW_OK;
	static const char *const allowed[] = {"blocking", "comparisons", "thresholds", "em",
	                                      "max_block", "max_cluster", NULL};
	stw_err e = stw_rules_keys(r, n, "matching", allowed, err);
	if (e != STW_OK)
		return e;
	stw_match_rules *m = stw_xcalloc(1, sizeof *m);
	ent->match = m;
	m->max_block = 400;
	m->review = 0.9;
	m->weak = 0.5;
	m->max_cluster = 64;
	m->em_iterations = 60;
	m->em_min_pairs = 500;
	m->em_lambda0 = 0.3;
	m->u_sample = 100000;
	const char *entity = ent->entity;
	const stw_ynode *x;
	if ((x = stw_ymap_get(n, "max_block")) &&
	    (e = stw_rules_int(r, x, 2, 1000000, &m->max_block, err)) != STW_OK)
		return e;
	if ((x = stw_ymap_get(n, "max_cluster")) &&
	    (e = stw_rules_int(r, x, 2, 100000, &m->max_cluster, err)) != STW_OK)
		return e;
	if ((x = stw_ymap_get(n, "thresholds")) && (e = parse_thresholds(r, x, m, err)) != STW_OK)
		return e;
	if ((x = stw_ymap_get(n, "em")) && (e = parse_em(r, x, m, err)) != STW_OK)
		return e;
	const stw_ynode *bl = stw_ymap_get(n, "blocking");
	if (!bl || bl->kind != STW_Y_SEQ || bl->n == 0 || bl->n > STW_MATCH_MAX_KEYS)
		return stw_yerr(err, r->file, bl ? bl : n, "matching needs 'blocking': a list of "
		                "1 to %d keys", STW_MATCH_MAX_KEYS);
	for (size_t i = 0; i < bl->n; i++) {
		e = parse_key(r, entity, bl->items[i], &m->keys[m->nkeys++], err);
		if (e != STW_OK)
			return e;
		if (!m->keys[i].max_block)
			m->keys[i].max_block = m->max_block;
	}
	const stw_ynode *cm = stw_ymap_get(n, "comparisons");
	if (!cm || cm->kind != STW_Y_MAP || cm->n == 0 || cm->n > STW_MATCH_MAX_CMP)
		return stw_yerr(err, r->file, cm ? cm : n, "matching needs 'comparisons': a mapping "
		                "of 1 to %d comparisons", STW_MATCH_MAX_CMP);
	for (size_t i = 0; i < cm->n; i++) {
		const stw_ynode *k = stw_ymap_key(cm, i);
		if (stw_ymap_val(cm, i)->kind != STW_Y_MAP)
			return stw_yerr(err, r->file, stw_ymap_val(cm, i), "comparison '%s' must be a "
			                "mapping (field, levels, ...)", k->value);
		for (size_t j = 0; j < i; j++)
			if (!strcmp(stw_ymap_key(cm, j)->value, k->value))
				return stw_yerr(err, r->file, k, "comparison '%s' is given twice", k->value);
		e = parse_cmp(r, entity, k, stw_ymap_val(cm, i), &m->cmp[m->ncmp++], err);
		if (e != STW_OK)
			return e;
	}
	/* veto_unless names other comparisons: resolved once all are known. */
	for (int c = 0; c < m->ncmp; c++) {
		const stw_ynode *u = stw_ymap_get(stw_ymap_val(cm, (size_t)c), "veto_unless");
		if (!u)
			continue;
		if (u->kind != STW_Y_SEQ)
			return stw_yerr(err, r->file, u, "'veto_unless' must list comparisons");
		for (size_t k = 0; k < u->n; k++) {
			const char *name;
			if ((e = stw_rules_str(r, u->items[k], "a comparison", &name, err)) != STW_OK)
				return e;
			int found = -1;
			for (int o = 0; o < m->ncmp; o++)
				if (!strcmp(m->cmp[o].name, name) && o != c)
					found = o;
			if (found < 0)
				return stw_yerr(err, r->file, u->items[k], "unknown comparison '%s'", name);
			m->cmp[c].unless[m->cmp[c].nunless++] = found;
		}
	}
	return STW_OK;
}

static const char *const match_keys[] = {"matching", NULL};

const stw_rules_module stw_match_rules_module = {
	.name = "matching",
	.keys = match_keys,
	.parse = match_parse,
	.free = match_free,
};
