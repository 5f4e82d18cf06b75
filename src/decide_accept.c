/*
 * Accepting a cluster: load the members' current values, build the golden
 * record (survive.c), then, in the decision's transaction, give the master
 * the golden values through stw_rec_set(), append the losing multi-values
 * that did not fit a secondary field to the notes column named in the rules
 * (when the master's file has that column), and mark the other members
 * merged into the master. The audit entry's before/after hold the master's
 * old and new values of every changed field, and its reason says where each
 * came from.
 */
#include "decide_int.h"
#include "jsonw.h"
#include "profile.h"
#include "rec.h"
#include "survive_rules.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
	stw_ws      *ws;
	char         entity[16];
	const char  *const *fields; /* the entity's fields that rec holds (owned array) */
	int          nfields;
	int          n;
	int64_t     *ids;
	char       **status;        /* per record, owned */
	char      ***vals;          /* per record, per field, owned (NULL when empty) */
	stw_surv_rec *recs;
	double       min_prob, max_prob;
	bool         has_prob;
} cluster_data;

static void
data_free(cluster_data *c)
{
	for (int r = 0; r < c->n; r++) {
		for (int f = 0; f < c->nfields; f++)
			free(c->vals[r][f]);
		free(c->vals[r]);
		free(c->status[r]);
	}
	free(c->vals);
	free(c->status);
	free(c->recs);
	free(c->ids);
	free((void *)c->fields);
	memset(c, 0, sizeof *c);
}

static int
source_rank(const stw_surv_rules *rules, const char *profile, const char *name)
{
	if (!rules)
		return 1000;
	char crm[64];
	snprintf(crm, sizeof crm, "%s", profile ? profile : "");
	char *dash = strchr(crm, '-');
	if (dash)
		*dash = '\0';
	for (int i = 0; i < rules->nsources; i++) {
		const char *s = rules->sources[i];
		if ((profile && strcasecmp(s, profile) == 0) || strcasecmp(s, crm) == 0 ||
		    (name && strcasecmp(s, name) == 0))
			return i;
	}
	return 1000;
}

static stw_err
load_cluster(stw_ws *ws, int64_t cluster, const stw_rules *rules, cluster_data *c,
             stw_error *err)
{
	memset(c, 0, sizeof *c);
	c->ws = ws;
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, "SELECT m.record_id, r.entity FROM cluster_member m"
	                               " JOIN rec r ON r.id = m.record_id WHERE m.cluster_id=?"
	                               " ORDER BY m.record_id", &st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_int64(st, 1, cluster);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *ent = (const char *)sqlite3_column_text(st, 1);
		if (c->n == 0)
			snprintf(c->entity, sizeof c->entity, "%s", ent);
		else if (strcmp(c->entity, ent) != 0)
			e = stw_fail(err, STW_EDATA, "cluster %lld mixes contacts and companies",
			             (long long)cluster);
		c->ids = stw_xrealloc(c->ids, (size_t)(c->n + 1) * sizeof *c->ids);
		c->ids[c->n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		e = stw_ws_dberr(ws, rc, "reading a cluster", err);
	if (e == STW_OK && c->n < 2)
		e = stw_fail(err, STW_EDATA, "cluster %lld has fewer than two records",
		             (long long)cluster);
	if (e != STW_OK) {
		data_free(c);
		return e;
	}
	/* The entity's fields that rec holds. */
	const char *const *all = stw_fields_of(c->entity);
	const char **fields = stw_xcalloc(64, sizeof *fields);
	stw_buf sql = STW_BUF_INIT;
	stw_buf_adds(&sql, "SELECT r.status, s.profile, s.name");
	for (int i = 0; all[i] && c->nfields < 63; i++) {
		if (!stw_rec_has_field(all[i]))
			continue;
		fields[c->nfields++] = all[i];
		char *q = sqlite3_mprintf(", r.\"%w\"", all[i]);
		stw_buf_adds(&sql, q);
		sqlite3_free(q);
	}
	c->fields = fields;
	stw_buf_adds(&sql, " FROM rec r JOIN source s ON s.id = r.source_id WHERE r.id=?");
	e = stw_ws_prepare(ws, sql.data, &st, err);
	stw_buf_free(&sql);
	if (e != STW_OK) {
		data_free(c);
		return e;
	}
	const stw_entity_rules *er = rules ? stw_rules_entity(rules, c->entity) : NULL;
	const stw_surv_rules *sr = er ? er->surv : NULL;
	c->status = stw_xcalloc((size_t)c->n, sizeof *c->status);
	c->vals = stw_xcalloc((size_t)c->n, sizeof *c->vals);
	c->recs = stw_xcalloc((size_t)c->n, sizeof *c->recs);
	for (int r = 0; r < c->n && e == STW_OK; r++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, c->ids[r]);
		c->vals[r] = stw_xcalloc((size_t)c->nfields, sizeof **c->vals);
		if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
			e = stw_ws_dberr(ws, rc, "reading a record", err);
			break;
		}
		c->status[r] = stw_xstrdup((const char *)sqlite3_column_text(st, 0));
		for (int f = 0; f < c->nfields; f++) {
			const char *v = (const char *)sqlite3_column_text(st, 3 + f);
			c->vals[r][f] = v && *v ? stw_xstrdup(v) : NULL;
		}
		c->recs[r].id = c->ids[r];
		c->recs[r].rank = source_rank(sr, (const char *)sqlite3_column_text(st, 1),
		                              (const char *)sqlite3_column_text(st, 2));
		c->recs[r].v = (const char **)c->vals[r];
	}
	sqlite3_finalize(st);
	if (e == STW_OK) {
		if ((e = stw_ws_prepare(ws, "SELECT min_prob, max_prob FROM cluster WHERE id=?", &st,
		                        err)) == STW_OK) {
			sqlite3_bind_int64(st, 1, cluster);
			if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
				c->has_prob = true;
				c->min_prob = sqlite3_column_double(st, 0);
				c->max_prob = sqlite3_column_double(st, 1);
			}
			sqlite3_finalize(st);
		}
	}
	if (e != STW_OK)
		data_free(c);
	return e;
}

/* Whether field is mapped in master's file (so a secondary value reaches the export). */
static bool
usable(const char *field, int64_t master, void *ctx)
{
	cluster_data *c = ctx;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(stw_ws_db(c->ws),
	        "SELECT 1 FROM source_column sc JOIN record r ON r.source_id = sc.source_id"
	        " WHERE r.id=? AND sc.field=?", -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_int64(st, 1, master);
	sqlite3_bind_text(st, 2, field, -1, SQLITE_STATIC);
	bool ok = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return ok;
}

static stw_err
golden(cluster_data *c, const stw_accept_opts *o, stw_golden *g, stw_error *err)
{
	const stw_entity_rules *er = o && o->rules ? stw_rules_entity(o->rules, c->entity) : NULL;
	stw_surv_input in = {
		.fields = c->fields,
		.rules = er ? er->surv : NULL,
		.entity = c->entity,
		.date_order = o && o->rules && o->rules->date_order == STW_DMY ? STW_DATE_DMY
		                                                               : STW_DATE_MDY,
		.recs = c->recs,
		.nrecs = c->n,
		.master = o ? o->master : 0,
		.choices = o ? o->choices : NULL,
		.nchoices = o ? o->nchoices : 0,
		.usable = usable,
		.ctx = c,
	};
	return stw_survive(&in, g, err);
}

stw_err
stw_decide_golden(stw_ws *ws, int64_t cluster, const stw_accept_opts *o, stw_golden *g,
                  stw_error *err)
{
	memset(g, 0, sizeof *g);
	cluster_data c;
	stw_err e = stw_rec_sync(ws, NULL, err);
	if (e == STW_OK)
		e = load_cluster(ws, cluster, o ? o->rules : NULL, &c, err);
	if (e != STW_OK)
		return e;
	e = golden(&c, o, g, err);
	data_free(&c);
	return e;
}

/* The notes column of the entity's rules, or NULL. */
static const char *
notes_header(const stw_accept_opts *o, const char *entity)
{
	const stw_entity_rules *er = o && o->rules ? stw_rules_entity(o->rules, entity) : NULL;
	return er && er->surv ? er->surv->notes : NULL;
}

stw_err
stw_decide_accept(stw_ws *ws, const stw_decider *d, int64_t cluster, const stw_accept_opts *o,
                  int64_t *seq_out, stw_error *err)
{
	stw_err e = stw_dx_begin(ws, err);
	if (e != STW_OK)
		return e;
	char *status = NULL;
	int64_t size, seq = 0;
	cluster_data c;
	memset(&c, 0, sizeof c);
	stw_golden g;
	memset(&g, 0, sizeof g);
	stw_buf before = STW_BUF_INIT, after = STW_BUF_INIT, why = STW_BUF_INIT;
	char *notes_old = NULL, *notes_new = NULL;
	bool notes_exists = false;

	if ((e = stw_dx_check_cluster(ws, d, cluster, "accept", &status, &size, err)) != STW_OK ||
	    (e = load_cluster(ws, cluster, o ? o->rules : NULL, &c, err)) != STW_OK)
		goto done;
	for (int r = 0; r < c.n; r++)
		if (strcmp(c.status[r], "active") != 0) {
			e = stw_fail(err, STW_EDATA, "record %lld of cluster %lld is %s; split it out "
			             "first", (long long)c.ids[r], (long long)cluster, c.status[r]);
			goto done;
		}
	if ((e = golden(&c, o, &g, err)) != STW_OK)
		goto done;
	int mi = 0;
	while (c.ids[mi] != g.master)
		mi++;

	/* The notes column: append what did not fit a secondary field. */
	const char *nh = notes_header(o, c.entity);
	char *nfield = NULL;
	if (g.notes && nh) {
		if ((e = stw_dx_header_field(ws, g.master, nh, &notes_exists, &nfield, err)) != STW_OK)
			goto done;
		if (notes_exists && nfield && stw_rec_has_field(nfield))
			e = stw_rec_get(ws, g.master, nfield, &notes_old, err);
		else if (notes_exists)
			e = stw_dx_extra_get(ws, g.master, nh, &notes_exists, &notes_old, err);
		if (e != STW_OK) {
			free(nfield);
			goto done;
		}
		if (notes_exists)
			notes_new = stw_xasprintf("%s%sMerged duplicates: %s", notes_old ? notes_old : "",
			                          notes_old ? "\n" : "", g.notes);
	}

	/* before/after and the reason. */
	stw_buf_adds(&before, "{\"status\":");
	stw_json_str(&before, status);
	stw_buf_adds(&before, ",\"records\":[");
	for (int r = 0; r < c.n; r++)
		stw_buf_printf(&before, "%s%lld", r ? "," : "", (long long)c.ids[r]);
	stw_buf_adds(&before, "],\"master_values\":{");
	stw_buf_printf(&after, "{\"status\":\"accepted\",\"master\":%lld,\"merged\":[",
	               (long long)g.master);
	bool first = true;
	for (int r = 0; r < c.n; r++)
		if (r != mi) {
			stw_buf_printf(&after, "%s%lld", first ? "" : ",", (long long)c.ids[r]);
			first = false;
		}
	stw_buf_adds(&after, "],\"values\":{");
	stw_buf_printf(&why, "master %lld (%s)", (long long)g.master, g.master_why);
	first = true;
	for (int f = 0; f < c.nfields; f++) {
		const char *old = c.vals[mi][f], *nv = g.value[f];
		if ((!old && !nv) || (old && nv && strcmp(old, nv) == 0))
			continue;
		stw_json_key(&before, c.fields[f], first);
		stw_json_str(&before, old);
		stw_json_key(&after, c.fields[f], first);
		stw_json_str(&after, nv);
		first = false;
		if (g.from[f] > 0)
			stw_buf_printf(&why, "; %s: %s from %lld", c.fields[f], g.why[f],
			               (long long)g.from[f]);
		else
			stw_buf_printf(&why, "; %s: %s", c.fields[f], g.why[f]);
	}
	if (notes_new) {
		char *key = stw_xasprintf("#%s", nh);
		stw_json_key(&before, key, first);
		stw_json_str(&before, notes_old);
		stw_json_key(&after, key, first);
		stw_json_str(&after, notes_new);
		free(key);
	}
	stw_buf_adds(&before, "}}");
	stw_buf_adds(&after, "}");
	if (g.notes && !notes_new) {
		/* No column to hold them: they stay on record in the trail. */
		stw_buf_adds(&after, ",\"kept\":");
		stw_json_str(&after, g.notes);
	}
	stw_buf_adds(&after, "}");
	if (c.has_prob)
		stw_buf_printf(&why, "; match probability %.3f to %.3f", c.min_prob, c.max_prob);

	char subject[48];
	snprintf(subject, sizeof subject, "cluster:%lld", (long long)cluster);
	if ((e = stw_dx_audit(ws, d, "accept", subject, before.data, after.data, why.data, &seq,
	                      err)) != STW_OK) {
		free(nfield);
		goto done;
	}
	for (int f = 0; f < c.nfields && e == STW_OK; f++)
		e = stw_rec_set(ws, g.master, c.fields[f], g.value[f], seq, NULL, err);
	if (e == STW_OK && notes_new) {
		if (nfield && stw_rec_has_field(nfield))
			e = stw_rec_set(ws, g.master, nfield, notes_new, seq, NULL, err);
		else
			e = stw_dx_extra_set(ws, g.master, nh, notes_new, seq, err);
	}
	free(nfield);
	for (int r = 0; r < c.n && e == STW_OK; r++) {
		if (r == mi)
			continue;
		e = stw_dx_prior(ws, seq, "rec", c.ids[r], c.status[r], false, 0, err);
		if (e == STW_OK)
			e = stw_dx_run(ws, err, "merging a record", NULL,
			               "UPDATE rec SET status='merged', master_id=? WHERE id=?", "ii",
			               g.master, c.ids[r]);
	}
	for (int r = 0; r < c.n && e == STW_OK; r++)
		e = stw_dx_revalidate(ws, d, c.ids[r], err);
	if (e == STW_OK)
		e = stw_dx_set_cluster(ws, seq, cluster, status, size, "accepted", size, err);
	if (e == STW_OK)
		e = stw_dx_decision(ws, seq, d, "accept", cluster, g.master, err);
done:
	free(status);
	free(notes_old);
	free(notes_new);
	stw_golden_free(&g);
	data_free(&c);
	stw_buf_free(&before);
	stw_buf_free(&after);
	stw_buf_free(&why);
	e = stw_dx_end(ws, e, err);
	if (seq_out)
		*seq_out = e == STW_OK ? seq : 0;
	return e;
}
