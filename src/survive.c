/*
 * Golden record: every strategy ranks the records that have a value for the
 * field and takes the best; records are visited master first, then by id, so
 * a tie always goes to the master and then to the oldest record id. Steward
 * picks and typed values replace the strategy's choice. Multi-value families
 * are then redistributed: the primary value first, then every other distinct
 * value found in the family's fields across the cluster, into the secondary
 * fields the master's export can hold, and the rest into the notes text.
 */
#include "survive.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

char *
stw_surv_date_key(const char *v, stw_date_order order)
{
	if (!v || !*v)
		return stw_xstrdup("");
	stw_std_result r = {0};
	stw_std_datetime(v, order, &r);
	char *key;
	if (r.status == STW_STD_CHANGED && r.value)
		key = stw_xstrdup(r.value);
	else if (r.status == STW_STD_SAME)
		key = stw_xstrdup(v);
	else
		key = stw_xstrdup("");
	stw_std_result_free(&r);
	return key;
}

void
stw_golden_free(stw_golden *g)
{
	if (!g)
		return;
	for (int i = 0; i < g->nfields; i++) {
		free(g->value[i]);
		free(g->why[i]);
	}
	free(g->value);
	free(g->from);
	free(g->why);
	free(g->master_why);
	free(g->notes);
	memset(g, 0, sizeof *g);
}

static int
field_index(const char *const *fields, const char *f)
{
	for (int i = 0; fields[i]; i++)
		if (strcmp(fields[i], f) == 0)
			return i;
	return -1;
}

/* Per-record figures the strategies and master rules compare. */
typedef struct {
	char *recent;   /* date key of updated_at, else last_activity_at, else created_at */
	char *activity; /* date key of last_activity_at, else updated_at */
	char *created;  /* date key of created_at */
	int   filled;   /* non-empty fields */
} rec_info;

static const char *
value_of(const stw_surv_input *in, int r, const char *field)
{
	int i = field_index(in->fields, field);
	return i >= 0 ? in->recs[r].v[i] : NULL;
}

static char *
first_date(const stw_surv_input *in, int r, const char *a, const char *b, const char *c)
{
	const char *names[3] = {a, b, c};
	for (int k = 0; k < 3; k++) {
		if (!names[k])
			continue;
		char *key = stw_surv_date_key(value_of(in, r, names[k]), in->date_order);
		if (*key)
			return key;
		free(key);
	}
	return stw_xstrdup("");
}

/*
 * Compares records a and b for a master rule: > 0 when a is the better master.
 */
static int
master_cmp(stw_surv_master m, const rec_info *a, const rec_info *b)
{
	switch (m) {
	case STW_SVM_OLDEST_CREATED:
		if (!*a->created || !*b->created)
			return (*a->created != '\0') - (*b->created != '\0');
		return -strcmp(a->created, b->created);
	case STW_SVM_MOST_RECENT_ACTIVITY:
		return strcmp(a->activity, b->activity);
	case STW_SVM_MOST_COMPLETE:
		if (a->filled != b->filled)
			return a->filled - b->filled;
		if (!*a->created || !*b->created)
			return (*a->created != '\0') - (*b->created != '\0');
		return -strcmp(a->created, b->created);
	}
	return 0;
}

/* A key under which two values of a multi-value field count as the same. */
static char *
multi_key(const char *v)
{
	size_t digits = 0, letters = 0;
	for (const char *p = v; *p; p++) {
		digits += isdigit((unsigned char)*p) != 0;
		letters += isalpha((unsigned char)*p) != 0;
	}
	stw_buf b = STW_BUF_INIT;
	bool phone = digits >= 5 && letters == 0;
	for (const char *p = v; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (phone ? isdigit(c) : !isspace(c))
			stw_buf_addc(&b, (char)tolower(c));
	}
	if (!b.data)
		stw_buf_adds(&b, "");
	return stw_buf_take(&b);
}

/* The key most_frequent compares: folded case, collapsed spaces. */
static char *
freq_key(const char *v)
{
	stw_buf b = STW_BUF_INIT;
	bool space = false;
	for (const char *p = v; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (isspace(c)) {
			space = b.len > 0;
			continue;
		}
		if (space)
			stw_buf_addc(&b, ' ');
		space = false;
		stw_buf_addc(&b, (char)tolower(c));
	}
	if (!b.data)
		stw_buf_adds(&b, "");
	return stw_buf_take(&b);
}

/*
 * The record (index into recs) whose value of field fi wins under strategy
 * s, or -1 when no record has one. order lists the records master first.
 */
static int
choose(const stw_surv_input *in, const rec_info *info, const int *order, stw_surv_strategy s,
       int fi)
{
	int best = -1;
	long best_n = 0;
	for (int k = 0; k < in->nrecs; k++) {
		int r = order[k];
		const char *v = in->recs[r].v[fi];
		if (!v || !*v)
			continue;
		long n = 0;
		bool better = best < 0;
		switch (s) {
		case STW_SV_MOST_RECENT:
			better = better || strcmp(info[r].recent, info[best].recent) > 0;
			break;
		case STW_SV_MOST_COMPLETE:
			better = better || info[r].filled > info[best].filled;
			break;
		case STW_SV_MOST_FREQUENT: {
			char *key = freq_key(v);
			for (int j = 0; j < in->nrecs; j++) {
				const char *w = in->recs[j].v[fi];
				if (w && *w) {
					char *kw = freq_key(w);
					n += strcmp(key, kw) == 0;
					free(kw);
				}
			}
			free(key);
			better = better || n > best_n;
			break;
		}
		case STW_SV_LONGEST:
			n = (long)stw_utf8_count(v, strlen(v));
			better = better || n > best_n;
			break;
		case STW_SV_SOURCE_PRIORITY:
			better = better || in->recs[r].rank < in->recs[best].rank;
			break;
		case STW_SV_FIRST:
			break;
		}
		if (better) {
			best = r;
			best_n = n;
		}
	}
	return best;
}

static int
rec_index(const stw_surv_input *in, int64_t id)
{
	for (int i = 0; i < in->nrecs; i++)
		if (in->recs[i].id == id)
			return i;
	return -1;
}

static void
set_value(stw_golden *g, int fi, const char *v, int64_t from, const char *why)
{
	free(g->value[fi]);
	free(g->why[fi]);
	g->value[fi] = v && *v ? stw_xstrdup(v) : NULL;
	g->from[fi] = from;
	g->why[fi] = stw_xstrdup(why);
}

/* Redistributes one multi-value family (see the file comment). */
static void
spread_family(const stw_surv_input *in, const stw_surv_rules *rules, int m, const int *order,
              int mi, stw_golden *g, stw_buf *notes)
{
	int pf = field_index(in->fields, rules->multi[m].field);
	if (pf < 0)
		return;
	int nslots = rules->multi[m].nslots, slot[STW_SURV_MAX_SLOTS];
	bool fixed[STW_SURV_MAX_SLOTS];
	for (int k = 0; k < nslots; k++) {
		slot[k] = field_index(in->fields, rules->multi[m].slots[k]);
		fixed[k] = slot[k] < 0 || strcmp(g->why[slot[k]], "pick") == 0 ||
		           strcmp(g->why[slot[k]], "set") == 0;
		if (slot[k] >= 0 && !fixed[k] && in->usable &&
		    !in->usable(in->fields[slot[k]], in->recs[mi].id, in->ctx)) {
			/* The master's export has no such column: leave it alone. */
			set_value(g, slot[k], in->recs[mi].v[slot[k]], in->recs[mi].id, "unchanged");
			fixed[k] = true;
		}
	}
	/* Distinct values, primary first, explicit slot values next, then the cluster's. */
	const char *vals[64];
	int64_t from[64];
	char *keys[64];
	int nv = 0;
	const char *fams[1 + STW_SURV_MAX_SLOTS];
	int nf = 0;
	fams[nf++] = in->fields[pf];
	for (int k = 0; k < nslots; k++)
		if (slot[k] >= 0)
			fams[nf++] = in->fields[slot[k]];
	for (int stage = 0; stage < 3; stage++) {
		for (int k = 0; k < (stage == 2 ? in->nrecs * nf : stage == 0 ? 1 : nslots); k++) {
			const char *v;
			int64_t src;
			if (stage == 0) {
				v = g->value[pf];
				src = g->from[pf];
			} else if (stage == 1) {
				if (slot[k] < 0 || !fixed[k])
					continue;
				v = g->value[slot[k]];
				src = g->from[slot[k]];
			} else {
				int r = order[k / nf];
				v = in->recs[r].v[field_index(in->fields, fams[k % nf])];
				src = in->recs[r].id;
			}
			if (!v || !*v || nv >= 64)
				continue;
			char *key = multi_key(v);
			bool seen = false;
			for (int j = 0; j < nv && !seen; j++)
				seen = strcmp(keys[j], key) == 0;
			if (seen) {
				free(key);
				continue;
			}
			keys[nv] = key;
			from[nv] = src;
			vals[nv++] = v;
		}
	}
	/* vals may point into g->value: copy before overwriting. */
	char *copies[64];
	for (int j = 0; j < nv; j++)
		copies[j] = stw_xstrdup(vals[j]);
	/* Skip the explicit slot values: they are already in place. */
	bool used[64] = {false};
	if (g->value[pf])
		used[0] = true;
	for (int k = 0; k < nslots; k++) {
		if (slot[k] < 0 || !fixed[k] || !g->value[slot[k]])
			continue;
		char *key = multi_key(g->value[slot[k]]);
		for (int j = 0; j < nv; j++)
			if (strcmp(keys[j], key) == 0)
				used[j] = true;
		free(key);
	}
	int j = 0;
	for (int k = 0; k < nslots; k++) {
		if (slot[k] < 0 || fixed[k])
			continue;
		while (j < nv && used[j])
			j++;
		if (j < nv) {
			set_value(g, slot[k], copies[j], from[j], "secondary");
			used[j] = true;
		} else {
			set_value(g, slot[k], NULL, -1, "secondary");
		}
	}
	for (j = 0; j < nv; j++) {
		if (used[j])
			continue;
		if (notes->len)
			stw_buf_adds(notes, "; ");
		stw_buf_printf(notes, "%s %s", in->fields[pf], copies[j]);
	}
	for (j = 0; j < nv; j++) {
		free(copies[j]);
		free(keys[j]);
	}
}

stw_err
stw_survive(const stw_surv_input *in, stw_golden *g, stw_error *err)
{
	memset(g, 0, sizeof *g);
	if (in->nrecs < 1)
		return stw_fail(err, STW_EUSAGE, "a cluster without records");
	stw_surv_rules defaults;
	const stw_surv_rules *rules = in->rules;
	if (!rules) {
		stw_surv_rules_defaults(&defaults, in->entity);
		rules = &defaults;
	}
	stw_err e = STW_OK;
	int nfields = 0;
	while (in->fields[nfields])
		nfields++;
	for (int c = 0; c < in->nchoices && e == STW_OK; c++) {
		if (field_index(in->fields, in->choices[c].field) < 0)
			e = stw_fail(err, STW_EUSAGE, "unknown %s field '%s'", in->entity,
			             in->choices[c].field);
		else if (strcmp(in->choices[c].field, "external_id") == 0)
			e = stw_fail(err, STW_EUSAGE, "the master keeps its own external_id; "
			             "choose the master with --master instead");
		else if (in->choices[c].record && rec_index(in, in->choices[c].record) < 0)
			e = stw_fail(err, STW_EUSAGE, "record %lld is not in the cluster",
			             (long long)in->choices[c].record);
	}
	if (e == STW_OK && in->master && rec_index(in, in->master) < 0)
		e = stw_fail(err, STW_EUSAGE, "record %lld is not in the cluster",
		             (long long)in->master);
	if (e != STW_OK) {
		if (rules == &defaults)
			stw_surv_rules_clear(&defaults);
		return e;
	}

	rec_info *info = stw_xcalloc((size_t)in->nrecs, sizeof *info);
	for (int r = 0; r < in->nrecs; r++) {
		info[r].recent = first_date(in, r, "updated_at", "last_activity_at", "created_at");
		info[r].activity = first_date(in, r, "last_activity_at", "updated_at", NULL);
		info[r].created = first_date(in, r, "created_at", NULL, NULL);
		for (int f = 0; f < nfields; f++)
			info[r].filled += in->recs[r].v[f] && *in->recs[r].v[f];
	}

	/* The master: the steward's, else the rule's (ties: lower id). */
	int mi;
	if (in->master) {
		mi = rec_index(in, in->master);
		g->master_why = stw_xstrdup("steward");
	} else {
		mi = 0;
		for (int r = 1; r < in->nrecs; r++) {
			int c = master_cmp(rules->master, &info[r], &info[mi]);
			if (c > 0 || (c == 0 && in->recs[r].id < in->recs[mi].id))
				mi = r;
		}
		g->master_why = stw_xstrdup(stw_surv_master_name(rules->master));
	}
	g->master = in->recs[mi].id;

	/* Visiting order: master, then by id. */
	int *order = stw_xcalloc((size_t)in->nrecs, sizeof *order);
	int no = 0;
	order[no++] = mi;
	for (;;) {
		int best = -1;
		for (int r = 0; r < in->nrecs; r++) {
			bool done = false;
			for (int k = 0; k < no && !done; k++)
				done = order[k] == r;
			if (!done && (best < 0 || in->recs[r].id < in->recs[best].id))
				best = r;
		}
		if (best < 0)
			break;
		order[no++] = best;
	}

	g->nfields = nfields;
	g->value = stw_xcalloc((size_t)nfields, sizeof *g->value);
	g->from = stw_xcalloc((size_t)nfields, sizeof *g->from);
	g->why = stw_xcalloc((size_t)nfields, sizeof *g->why);
	for (int f = 0; f < nfields; f++) {
		if (strcmp(in->fields[f], "external_id") == 0) {
			/* The master keeps its own CRM id, whatever the rules say. */
			set_value(g, f, in->recs[mi].v[f], in->recs[mi].id, "master");
			continue;
		}
		stw_surv_strategy s = stw_surv_strategy_for(rules, in->fields[f]);
		int r = choose(in, info, order, s, f);
		set_value(g, f, r >= 0 ? in->recs[r].v[f] : NULL, r >= 0 ? in->recs[r].id : -1,
		          stw_surv_strategy_name(s));
	}
	/* The steward's choices win. */
	for (int c = 0; c < in->nchoices; c++) {
		int f = field_index(in->fields, in->choices[c].field);
		if (in->choices[c].record) {
			int r = rec_index(in, in->choices[c].record);
			set_value(g, f, in->recs[r].v[f], in->recs[r].id, "pick");
		} else {
			set_value(g, f, in->choices[c].value, 0, "set");
		}
	}
	stw_buf notes = STW_BUF_INIT;
	for (int m = 0; m < rules->nmulti; m++)
		spread_family(in, rules, m, order, mi, g, &notes);
	g->notes = notes.len ? stw_buf_take(&notes) : NULL;
	stw_buf_free(&notes);

	for (int r = 0; r < in->nrecs; r++) {
		free(info[r].recent);
		free(info[r].activity);
		free(info[r].created);
	}
	free(info);
	free(order);
	if (rules == &defaults)
		stw_surv_rules_clear(&defaults);
	return STW_OK;
}
