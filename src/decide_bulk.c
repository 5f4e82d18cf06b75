/*
 * Applying a whole rule's proposals as one decision.
 *
 * "Apply phone_e164" is one thing a steward decides, however many records
 * it touches, so it is one decision: one audit entry (subject "rule:NAME",
 * or "rule:*" for every safe proposal), every value change linked to that
 * entry through change.audit_seq, every proposal's earlier status kept in
 * decision_prior, and one row in decision. `steward undo` therefore takes
 * the whole operation back in one step: every value it changed returns
 * (unless changed again since), every proposal it applied is open again and
 * every record it touched is revalidated.
 *
 * The entry states how many proposals and records the decision covers, so
 * the open proposals are walked twice inside the one transaction: first to
 * count what will apply, then to apply it. Nothing can change in between
 * (BEGIN IMMEDIATE), so both walks see the same proposals.
 *
 * A proposal whose `before` is no longer the field's current value is stale
 * and skipped; of two proposals for one field of one record only the first
 * (lowest id) can apply, the second being stale once the first has.
 */
#include "decide_int.h"
#include "jsonw.h"
#include "rec.h"
#include "standardize.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK 2048

typedef struct {
	int64_t id, record;
	char   *field, *rule, *before, *after;
} bulk_item;

/* One walk over the proposals: what it found, and what it needs to write. */
typedef struct {
	const stw_decider *d;
	int64_t            seq;      /* 0: count only; else the decision's entry */
	int64_t            applied;  /* proposals applied (or that would be) */
	int64_t            records;  /* records changed */
	int64_t            skipped;  /* stale proposals */
	unsigned           rules;    /* bit i: rule_names[i] applied */
	sqlite3_stmt      *prior;    /* INSERT INTO decision_prior */
	sqlite3_stmt      *mark;     /* UPDATE proposal SET status='applied' */
} bulk_walk;

static void
items_free(bulk_item *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(p[i].field);
		free(p[i].rule);
		free(p[i].before);
		free(p[i].after);
	}
}

static bool
same_value(const char *a, const char *b)
{
	return (!a || !*a) ? (!b || !*b) : (b && strcmp(a, b) == 0);
}

static int
rule_index(const char *rule)
{
	const char *const *names = stw_standardize_rules();
	for (int i = 0; names[i]; i++)
		if (strcmp(names[i], rule) == 0)
			return i;
	return -1;
}

static stw_err
step_done(stw_ws *ws, sqlite3_stmt *st, const char *what, stw_error *err)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? STW_OK : stw_ws_dberr(ws, rc, what, err);
}

/*
 * The proposals of one record (items[0..n), all of items[0].record): which
 * can apply, and when w->seq is set, applying them and revalidating the
 * record.
 */
static stw_err
walk_record(stw_ws *ws, bulk_walk *w, bulk_item *items, size_t n, stw_error *err)
{
	bool ok[CHUNK];
	size_t nok = 0;
	stw_err e = STW_OK;
	for (size_t i = 0; i < n && e == STW_OK; i++) {
		char *cur;
		if ((e = stw_rec_get(ws, items[i].record, items[i].field, &cur, err)) != STW_OK)
			break;
		bool dup = false;
		for (size_t j = 0; j < i && !dup; j++)
			dup = ok[j] && strcmp(items[j].field, items[i].field) == 0;
		ok[i] = !dup && same_value(cur, items[i].before);
		nok += ok[i];
		free(cur);
	}
	if (e != STW_OK)
		return e;
	w->skipped += (int64_t)(n - nok);
	if (nok == 0)
		return STW_OK;
	w->applied += (int64_t)nok;
	w->records++;
	for (size_t i = 0; i < n; i++) {
		int r = ok[i] ? rule_index(items[i].rule) : -1;
		if (r >= 0)
			w->rules |= 1u << r;
	}
	if (!w->seq)
		return STW_OK;
	for (size_t i = 0; i < n && e == STW_OK; i++) {
		if (!ok[i])
			continue;
		if ((e = stw_rec_set(ws, items[i].record, items[i].field, items[i].after, w->seq,
		                     NULL, err)) != STW_OK)
			break;
		sqlite3_bind_int64(w->prior, 1, w->seq);
		sqlite3_bind_int64(w->prior, 2, items[i].id);
		if ((e = step_done(ws, w->prior, "recording a decision", err)) != STW_OK)
			break;
		sqlite3_bind_int64(w->mark, 1, items[i].id);
		e = step_done(ws, w->mark, "marking a proposal applied", err);
	}
	if (e == STW_OK)
		e = stw_dx_revalidate(ws, w->d, items[0].record, err);
	return e;
}

static void
read_item(sqlite3_stmt *st, bulk_item *p)
{
	const char *b = (const char *)sqlite3_column_text(st, 4);
	const char *a = (const char *)sqlite3_column_text(st, 5);
	p->id = sqlite3_column_int64(st, 0);
	p->record = sqlite3_column_int64(st, 1);
	p->field = stw_xstrdup((const char *)sqlite3_column_text(st, 2));
	p->rule = stw_xstrdup((const char *)sqlite3_column_text(st, 3));
	p->before = b ? stw_xstrdup(b) : NULL;
	p->after = a ? stw_xstrdup(a) : NULL;
}

/* Walks the open proposals of rule (NULL: every safe one) of active records. */
static stw_err
walk(stw_ws *ws, const char *rule, bulk_walk *w, stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws,
		"SELECT p.id, p.record_id, p.field, p.rule, p.before, p.after FROM proposal p"
		" JOIN rec r ON r.id = p.record_id"
		" WHERE p.status='open' AND r.status='active' AND p.record_id > ?1"
		" AND (CASE WHEN ?2 IS NULL THEN p.kind='safe' ELSE p.rule=?2 END)"
		" ORDER BY p.record_id, p.id LIMIT 2048", &st, err);
	if (e != STW_OK)
		return e;
	if (rule)
		sqlite3_bind_text(st, 2, rule, -1, SQLITE_STATIC);
	bulk_item *items = stw_xmalloc(CHUNK * sizeof *items);
	int64_t last = 0;
	for (;;) {
		sqlite3_bind_int64(st, 1, last);
		size_t n = 0;
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			read_item(st, &items[n++]);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE) {
			e = stw_ws_dberr(ws, rc, "reading proposals", err);
			items_free(items, n);
			break;
		}
		if (n == 0)
			break;
		/* A full chunk may end inside a record: leave that record to the next one. */
		size_t end = n;
		if (n == CHUNK && items[n - 1].record != items[0].record)
			while (end > 0 && items[end - 1].record == items[n - 1].record)
				end--;
		for (size_t i = 0; i < end && e == STW_OK;) {
			size_t j = i;
			while (j < end && items[j].record == items[i].record)
				j++;
			e = walk_record(ws, w, &items[i], j - i, err);
			i = j;
		}
		last = items[end - 1].record;
		items_free(items, n);
		if (e != STW_OK)
			break;
	}
	sqlite3_finalize(st);
	free(items);
	return e;
}

/* Fails with STW_EUSAGE, naming the rules, when rule is not one. */
static stw_err
check_rule(const char *rule, stw_error *err)
{
	if (!rule || rule_index(rule) >= 0)
		return STW_OK;
	const char *const *names = stw_standardize_rules();
	stw_buf b = STW_BUF_INIT;
	for (const char *const *r = names; *r; r++)
		stw_buf_printf(&b, "%s%s", r == names ? "" : ", ", *r);
	stw_err e = stw_fail(err, STW_EUSAGE, "unknown rule '%s' (expected one of: %s)", rule,
	                     b.data);
	stw_buf_free(&b);
	return e;
}

/* "rule X" or "rules X, Y" for the rules in mask, in the rule list's order. */
static char *
reason_text(unsigned mask)
{
	const char *const *names = stw_standardize_rules();
	stw_buf b = STW_BUF_INIT;
	int n = 0;
	for (int i = 0; names[i]; i++)
		if (mask & (1u << i))
			stw_buf_printf(&b, "%s%s", n++ ? ", " : "", names[i]);
	char *s = stw_xasprintf("%s %s", n > 1 ? "rules" : "rule", b.data ? b.data : "");
	stw_buf_free(&b);
	return s;
}

stw_err
stw_decide_apply_rule(stw_ws *ws, const stw_decider *d, const char *rule, int64_t *applied,
                      int64_t *records, int64_t *skipped, int64_t *seq_out, stw_error *err)
{
	stw_err e = check_rule(rule, err);
	if (e != STW_OK)
		return e;
	if ((e = stw_dx_begin(ws, err)) != STW_OK)
		return e;
	bulk_walk count = {.d = d}, w = {.d = d};
	char subject[64], *why = NULL;
	stw_buf before = STW_BUF_INIT;
	if ((e = walk(ws, rule, &count, err)) != STW_OK || count.applied == 0)
		goto done;
	snprintf(subject, sizeof subject, "rule:%s", rule ? rule : "*");
	stw_buf_printf(&before, "{\"status\":\"open\",\"kind\":\"%s\",\"proposals\":%lld,"
	               "\"records\":%lld}", rule ? "any" : "safe", (long long)count.applied,
	               (long long)count.records);
	why = reason_text(count.rules);
	if ((e = stw_dx_audit(ws, d, "apply", subject, before.data, "{\"status\":\"applied\"}",
	                      why, &w.seq, err)) != STW_OK ||
	    (e = stw_ws_prepare(ws, "INSERT INTO decision_prior(seq, kind, id, status)"
	                            " VALUES(?, 'proposal', ?, 'open')", &w.prior, err)) != STW_OK ||
	    (e = stw_ws_prepare(ws, "UPDATE proposal SET status='applied' WHERE id=?", &w.mark,
	                        err)) != STW_OK)
		goto done;
	if ((e = walk(ws, rule, &w, err)) != STW_OK)
		goto done;
	if (w.applied != count.applied)
		e = stw_fail(err, STW_EDATA, "the proposals changed while they were applied");
	else
		e = stw_dx_decision(ws, w.seq, d, "apply", 0, 0, err);
done:
	sqlite3_finalize(w.prior);
	sqlite3_finalize(w.mark);
	free(why);
	stw_buf_free(&before);
	e = stw_dx_end(ws, e, err);
	bool did = e == STW_OK;
	if (applied)
		*applied = did ? count.applied : 0;
	if (records)
		*records = did ? count.records : 0;
	if (skipped)
		*skipped = did ? count.skipped : 0;
	if (seq_out)
		*seq_out = did ? w.seq : 0;
	return e;
}
