/*
 * rec: filled from record through each source's column mapping, changed only
 * through stw_rec_set(), which logs every change.
 */
#include "rec.h"
#include "fields.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const fields[] = {
	"external_id", "salutation", "first_name", "middle_name", "last_name", "full_name",
	"name", "email", "email2", "email3", "phone", "phone2", "phone3", "mobile", "fax",
	"company", "title", "department", "street", "city", "state", "postcode", "country",
	"website", "domain", "industry", "employees", "parent_id", "birth_date", "created_at",
	"updated_at", "last_activity_at", "owner", "lifecycle_stage", "row_checksum", NULL,
};

const char *const *
stw_rec_fields(void)
{
	return fields;
}

int
stw_rec_has_field(const char *field)
{
	for (int i = 0; fields[i]; i++)
		if (strcmp(fields[i], field) == 0)
			return 1;
	return 0;
}

/* The statement that adds rec rows for one source, and where its values are. */
struct stw_rec_writer {
	stw_ws       *ws;
	sqlite3_stmt *ins;
	sqlite3_stmt *ins_many; /* STW_REC_MANY rows; prepared when first needed */
	char         *head;     /* "INSERT INTO rec(columns)" of both */
	int64_t       source_id;
	const char   *entity;   /* static: "contact" or "company" */
	int           pos[64];  /* column position of each bound field */
	int           n;
};

/* The entity name as a static string, so the writer need not own a copy. */
static const char *
static_entity(const char *entity)
{
	return strcmp(entity, "company") == 0 ? "company" : "contact";
}

stw_err
stw_rec_writer_open(stw_ws *ws, int64_t source_id, const char *entity, stw_rec_writer **out,
                    stw_error *err)
{
	*out = NULL;
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, "SELECT pos, field FROM source_column"
	                               " WHERE source_id=? AND field IS NOT NULL ORDER BY pos",
	                           &st, err);
	if (e != STW_OK)
		return e;
	stw_rec_writer *w = stw_xcalloc(1, sizeof *w);
	w->ws = ws;
	w->source_id = source_id;
	w->entity = static_entity(entity);
	stw_buf cols = STW_BUF_INIT;
	stw_buf_adds(&cols, "INSERT INTO rec(id, source_id, entity");
	int rc;
	sqlite3_bind_int64(st, 1, source_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && w->n < 64) {
		const char *field = (const char *)sqlite3_column_text(st, 1);
		if (!stw_rec_has_field(field))
			continue;
		char *q = sqlite3_mprintf(", \"%w\"", field);
		stw_buf_adds(&cols, q);
		sqlite3_free(q);
		w->pos[w->n++] = sqlite3_column_int(st, 0);
	}
	sqlite3_finalize(st);
	stw_buf_addc(&cols, ')');
	w->head = stw_buf_take(&cols);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		e = stw_ws_dberr(ws, rc, "reading the column mapping", err);
	else
		e = stw_ws_prepare_insert(ws, w->head, 3 + w->n, 1, &w->ins, err);
	if (e != STW_OK) {
		free(w->head);
		free(w);
		return e;
	}
	*out = w;
	return STW_OK;
}

/* Binds row r as the values from parameter at on. */
static void
bind_row(const stw_rec_writer *w, sqlite3_stmt *ins, int at, const stw_rec_row *r)
{
	sqlite3_bind_int64(ins, at, r->id);
	sqlite3_bind_int64(ins, at + 1, w->source_id);
	sqlite3_bind_text(ins, at + 2, w->entity, -1, SQLITE_STATIC);
	for (int k = 0; k < w->n; k++) {
		size_t p = (size_t)w->pos[k];
		if (p < r->n)
			sqlite3_bind_text(ins, at + 3 + k, r->v[p], (int)r->len[p], SQLITE_STATIC);
		else
			sqlite3_bind_null(ins, at + 3 + k);
	}
}

static stw_err
step(stw_rec_writer *w, sqlite3_stmt *ins, stw_error *err)
{
	int rc = sqlite3_step(ins);
	sqlite3_reset(ins);
	if (rc != SQLITE_DONE)
		return stw_ws_dberr(w->ws, rc, "building current values", err);
	return STW_OK;
}

stw_err
stw_rec_writer_put(stw_rec_writer *w, int64_t id, const char *const *v, const size_t *len,
                   size_t n, stw_error *err)
{
	stw_rec_row r = {id, v, len, n};
	bind_row(w, w->ins, 1, &r);
	return step(w, w->ins, err);
}

stw_err
stw_rec_writer_put_rows(stw_rec_writer *w, const stw_rec_row *rows, int count, stw_error *err)
{
	stw_err e = STW_OK;
	if (count == STW_REC_MANY && !w->ins_many) {
		e = stw_ws_prepare_insert(w->ws, w->head, 3 + w->n, STW_REC_MANY, &w->ins_many, err);
		if (e != STW_OK)
			return e;
	}
	if (count == STW_REC_MANY) {
		for (int r = 0; r < count; r++)
			bind_row(w, w->ins_many, 1 + r * (3 + w->n), &rows[r]);
		return step(w, w->ins_many, err);
	}
	for (int r = 0; r < count && e == STW_OK; r++) {
		bind_row(w, w->ins, 1, &rows[r]);
		e = step(w, w->ins, err);
	}
	return e;
}

void
stw_rec_writer_close(stw_rec_writer *w)
{
	if (!w)
		return;
	sqlite3_finalize(w->ins);
	sqlite3_finalize(w->ins_many);
	free(w->head);
	free(w);
}

/*
 * Copies one source's records with ids above from_id into rec: each row's
 * JSON array is decoded once in C and the mapped columns are bound to one
 * prepared INSERT (much cheaper than a json_extract() per column, which
 * parses the row again for every field).
 */
static stw_err
sync_source(stw_ws *ws, int64_t source_id, const char *entity, int64_t from_id, int64_t *added,
            stw_error *err)
{
	stw_rec_writer *w;
	stw_err e = stw_rec_writer_open(ws, source_id, entity, &w, err);
	if (e != STW_OK)
		return e;
	sqlite3_stmt *rd;
	if ((e = stw_ws_prepare(ws, "SELECT id, fields FROM record WHERE source_id=? AND id>?"
	                            " ORDER BY id", &rd, err)) != STW_OK) {
		stw_rec_writer_close(w);
		return e;
	}
	sqlite3_bind_int64(rd, 1, source_id);
	sqlite3_bind_int64(rd, 2, from_id);
	int rc;
	while ((rc = sqlite3_step(rd)) == SQLITE_ROW) {
		stw_fields f;
		const char *json = (const char *)sqlite3_column_text(rd, 1);
		if (stw_fields_decode(json, (size_t)sqlite3_column_bytes(rd, 1), &f) != 0) {
			e = stw_fail(err, STW_EDATA, "%s: record %lld is damaged", stw_ws_path(ws),
			             (long long)sqlite3_column_int64(rd, 0));
			break;
		}
		e = stw_rec_writer_put(w, sqlite3_column_int64(rd, 0), (const char *const *)f.v,
		                       f.len, f.n, err);
		stw_fields_free(&f);
		if (e != STW_OK)
			break;
		(*added)++;
	}
	if (e == STW_OK && rc != SQLITE_DONE)
		e = stw_ws_dberr(ws, rc, "reading records", err);
	sqlite3_finalize(rd);
	stw_rec_writer_close(w);
	return e;
}

/*
 * Records are only ever added (by imports), with growing ids, so the highest
 * record id copied into rec tells whether anything is missing: one index
 * lookup, cheap enough to call before every read that needs rec.
 */
stw_err
stw_rec_sync(stw_ws *ws, int64_t *added, stw_error *err)
{
	int64_t n = 0;
	if (added)
		*added = 0;
	int64_t have = stw_ws_query_int(ws, "SELECT coalesce(max(id), 0) FROM rec");
	int64_t want = stw_ws_query_int(ws, "SELECT coalesce(max(id), 0) FROM record");
	if (have < 0 || want < 0)
		return stw_ws_dberr(ws, sqlite3_errcode(stw_ws_db(ws)), "reading record ids", err);
	if (want <= have)
		return STW_OK;
	sqlite3_stmt *st;
	/* Sources with records not yet in rec. */
	stw_err e = stw_ws_prepare(ws, "SELECT id, entity FROM source WHERE id IN"
	                               " (SELECT DISTINCT source_id FROM record WHERE id > ?) ORDER BY id",
	                           &st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_int64(st, 1, have);
	bool own_tx = sqlite3_get_autocommit(stw_ws_db(ws));
	int64_t ids[256];
	char ents[256][8];
	int nsrc = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && nsrc < 256) {
		ids[nsrc] = sqlite3_column_int64(st, 0);
		snprintf(ents[nsrc], sizeof ents[nsrc], "%s", sqlite3_column_text(st, 1));
		nsrc++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return stw_ws_dberr(ws, rc, "reading sources", err);
	bool bulk = own_tx && want - have > 10000 && stw_ws_bulk_mode(ws, true);
	if (own_tx && (e = stw_ws_begin(ws, err)) != STW_OK) {
		if (bulk)
			stw_ws_bulk_mode(ws, false);
		return e;
	}
	for (int i = 0; i < nsrc && e == STW_OK; i++)
		e = sync_source(ws, ids[i], ents[i], have, &n, err);
	if (own_tx) {
		if (e == STW_OK)
			e = stw_ws_commit(ws, err);
		else
			stw_ws_rollback(ws);
	}
	if (bulk)
		stw_ws_bulk_mode(ws, false);
	if (added)
		*added = e == STW_OK ? n : 0;
	return e;
}

stw_err
stw_rec_get(stw_ws *ws, int64_t id, const char *field, char **value, stw_error *err)
{
	*value = NULL;
	if (!stw_rec_has_field(field))
		return stw_fail(err, STW_EUSAGE, "unknown field '%s'", field);
	char *sql = sqlite3_mprintf("SELECT \"%w\" FROM rec WHERE id=?", field);
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, sql, &st, err);
	sqlite3_free(sql);
	if (e != STW_OK)
		return e;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		if (v && *v)
			*value = stw_xstrdup(v);
	} else if (rc == SQLITE_DONE) {
		e = stw_fail(err, STW_ENOENT, "no record %lld", (long long)id);
	} else {
		e = stw_ws_dberr(ws, rc, "reading a record", err);
	}
	sqlite3_finalize(st);
	return e;
}

static stw_err
write_field(stw_ws *ws, int64_t id, const char *field, const char *value, stw_error *err)
{
	char *sql = sqlite3_mprintf("UPDATE rec SET \"%w\"=? WHERE id=?", field);
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, sql, &st, err);
	sqlite3_free(sql);
	if (e != STW_OK)
		return e;
	if (value && *value)
		sqlite3_bind_text(st, 1, value, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 1);
	sqlite3_bind_int64(st, 2, id);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return stw_ws_dberr(ws, rc, "changing a record", err);
	return STW_OK;
}

stw_err
stw_rec_set(stw_ws *ws, int64_t id, const char *field, const char *value, int64_t audit_seq,
            int64_t *change_id, stw_error *err)
{
	if (change_id)
		*change_id = 0;
	char *old;
	stw_err e = stw_rec_get(ws, id, field, &old, err);
	if (e != STW_OK)
		return e;
	const char *nv = value && *value ? value : NULL;
	if ((!old && !nv) || (old && nv && strcmp(old, nv) == 0)) {
		free(old);
		return STW_OK;
	}
	if ((e = write_field(ws, id, field, nv, err)) != STW_OK) {
		free(old);
		return e;
	}
	sqlite3_stmt *st;
	if ((e = stw_ws_prepare(ws, "INSERT INTO change(record_id, field, old, new, audit_seq)"
	                            " VALUES(?,?,?,?,?)", &st, err)) != STW_OK) {
		free(old);
		return e;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, field, -1, SQLITE_STATIC);
	if (old)
		sqlite3_bind_text(st, 3, old, -1, SQLITE_STATIC);
	if (nv)
		sqlite3_bind_text(st, 4, nv, -1, SQLITE_STATIC);
	if (audit_seq)
		sqlite3_bind_int64(st, 5, audit_seq);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	free(old);
	if (rc != SQLITE_DONE)
		return stw_ws_dberr(ws, rc, "recording a change", err);
	if (change_id)
		*change_id = sqlite3_last_insert_rowid(stw_ws_db(ws));
	return STW_OK;
}

stw_err
stw_rec_revert(stw_ws *ws, int64_t change_id, stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, "SELECT record_id, field, old, new FROM change"
	                               " WHERE id=? AND active=1", &st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_int64(st, 1, change_id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			return stw_fail(err, STW_ENOENT, "no active change %lld", (long long)change_id);
		return stw_ws_dberr(ws, rc, "reading a change", err);
	}
	int64_t id = sqlite3_column_int64(st, 0);
	char *field = stw_xstrdup((const char *)sqlite3_column_text(st, 1));
	const char *o = (const char *)sqlite3_column_text(st, 2);
	const char *nw = (const char *)sqlite3_column_text(st, 3);
	char *old = o ? stw_xstrdup(o) : NULL;
	char *newv = nw ? stw_xstrdup(nw) : NULL;
	sqlite3_finalize(st);
	char *cur;
	e = stw_rec_get(ws, id, field, &cur, err);
	if (e == STW_OK) {
		bool same = (!cur && !newv) || (cur && newv && strcmp(cur, newv) == 0);
		if (same)
			e = write_field(ws, id, field, old, err);
		free(cur);
	}
	free(field);
	free(old);
	free(newv);
	if (e != STW_OK)
		return e;
	if ((e = stw_ws_prepare(ws, "UPDATE change SET active=0 WHERE id=?", &st, err)) != STW_OK)
		return e;
	sqlite3_bind_int64(st, 1, change_id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return stw_ws_dberr(ws, rc, "marking a change undone", err);
	return STW_OK;
}
