/*
 * records.csv: original headers, original column order, every column; the
 * other files come from the writers in export_decisions.c.
 *
 * A record that no decision has touched is written from its imported row as
 * it is, so import then export gives the same bytes back. A record with
 * active changes gets, in each changed column, its current value: rec's
 * value for a mapped field, the newest "#HEADER" change for an unmapped
 * column. Purged and merged-away records are left out.
 */
#include "export.h"
#include "export_int.h"
#include "csvwrite.h"
#include "fields.h"
#include "rec.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
	int64_t id;
	char   *name;
	bool    has_header;
	size_t  ncols;
	char  **headers;
	char  **fields;  /* per column: mapped canonical field, or NULL */
	int     group;   /* index of the first source with the same header */
} src_info;

static void
sources_free(src_info *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < s[i].ncols; k++) {
			free(s[i].headers[k]);
			free(s[i].fields[k]);
		}
		free(s[i].headers);
		free(s[i].fields);
		free(s[i].name);
	}
	free(s);
}

static stw_err
load_sources(stw_ws *ws, src_info **out, size_t *nout, stw_error *err)
{
	*out = NULL;
	*nout = 0;
	sqlite3_stmt *st, *cols;
	stw_err e = stw_ws_prepare(ws, "SELECT id, name, has_header FROM source ORDER BY id", &st, err);
	if (e != STW_OK)
		return e;
	if ((e = stw_ws_prepare(ws, "SELECT header, field FROM source_column WHERE source_id=? ORDER BY pos",
	                        &cols, err)) != STW_OK) {
		sqlite3_finalize(st);
		return e;
	}
	src_info *s = NULL;
	size_t n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		s = stw_xrealloc(s, (n + 1) * sizeof *s);
		src_info *x = &s[n++];
		memset(x, 0, sizeof *x);
		x->id = sqlite3_column_int64(st, 0);
		x->name = stw_xstrdup((const char *)sqlite3_column_text(st, 1));
		x->has_header = sqlite3_column_int(st, 2);
		sqlite3_bind_int64(cols, 1, x->id);
		while ((rc = sqlite3_step(cols)) == SQLITE_ROW) {
			x->headers = stw_xrealloc(x->headers, (x->ncols + 1) * sizeof *x->headers);
			x->fields = stw_xrealloc(x->fields, (x->ncols + 1) * sizeof *x->fields);
			const char *fld = (const char *)sqlite3_column_text(cols, 1);
			x->fields[x->ncols] = fld ? stw_xstrdup(fld) : NULL;
			x->headers[x->ncols++] = stw_xstrdup((const char *)sqlite3_column_text(cols, 0));
		}
		sqlite3_reset(cols);
		if (rc != SQLITE_DONE)
			break;
		x->group = (int)(n - 1);
		for (size_t k = 0; k + 1 < n; k++) {
			src_info *y = &s[k];
			bool same = y->ncols == x->ncols && y->has_header == x->has_header;
			for (size_t c = 0; same && c < x->ncols; c++)
				same = strcmp(x->headers[c], y->headers[c]) == 0;
			if (same) {
				x->group = y->group;
				break;
			}
		}
	}
	if (rc != SQLITE_DONE)
		e = stw_ws_dberr(ws, rc, "reading sources", err);
	sqlite3_finalize(st);
	sqlite3_finalize(cols);
	if (e != STW_OK) {
		sources_free(s, n);
		return e;
	}
	*out = s;
	*nout = n;
	return STW_OK;
}

/* Makes sure dir exists and, unless force, holds nothing. */
static stw_err
prepare_dir(const char *dir, bool force, stw_error *err)
{
	struct stat sb;
	if (stat(dir, &sb) != 0) {
		if (errno != ENOENT)
			return stw_fail(err, STW_EIO, "%s: %s", dir, strerror(errno));
		if (mkdir(dir, 0700) != 0)
			return stw_fail(err, STW_EIO, "%s: cannot create the folder: %s", dir,
			                strerror(errno));
		return STW_OK;
	}
	if (!S_ISDIR(sb.st_mode))
		return stw_fail(err, STW_EUSAGE, "%s: not a folder", dir);
	if (force)
		return STW_OK;
	DIR *d = opendir(dir);
	if (!d)
		return stw_fail(err, STW_EIO, "%s: %s", dir, strerror(errno));
	struct dirent *de;
	bool empty = true;
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			empty = false;
	closedir(d);
	if (!empty)
		return stw_fail(err, STW_EEXIST,
		                "%s: the folder is not empty; use --force to write into it", dir);
	return STW_OK;
}

static void
safe_name(char *out, size_t cap, const char *name)
{
	size_t o = 0;
	for (const char *p = name; *p && o + 1 < cap; p++)
		out[o++] = (strchr("/\\:*?\"<>| ", *p) || (unsigned char)*p < 0x20) ? '_' : *p;
	out[o] = '\0';
	char *dot = strrchr(out, '.');
	if (dot && strcmp(dot, ".csv") == 0)
		*dot = '\0';
}

/*
 * Replaces, in f, the values of the columns whose field or column record id
 * has active changes for with the current values. The replaced strings are
 * owned by *keep (freed by the caller).
 */
static stw_err
current_values(stw_ws *ws, sqlite3_stmt *chg, const src_info *src, int64_t id, stw_fields *f,
               char ***keep, size_t *nkeep, stw_error *err)
{
	sqlite3_stmt *cur;
	/* chg: the newest active change per field of the record. */
	sqlite3_bind_int64(chg, 1, id);
	int rc;
	while ((rc = sqlite3_step(chg)) == SQLITE_ROW) {
		const char *field = (const char *)sqlite3_column_text(chg, 0);
		const char *nv = (const char *)sqlite3_column_text(chg, 1);
		char *value = NULL;
		if (field[0] == '#') {
			value = stw_xstrdup(nv ? nv : "");
		} else {
			if (!stw_rec_has_field(field))
				continue;
			char *sql = sqlite3_mprintf("SELECT \"%w\" FROM rec WHERE id=?", field);
			int prc = sqlite3_prepare_v2(stw_ws_db(ws), sql, -1, &cur, NULL);
			sqlite3_free(sql);
			if (prc != SQLITE_OK) {
				sqlite3_reset(chg);
				return stw_ws_dberr(ws, prc, "reading current values", err);
			}
			sqlite3_bind_int64(cur, 1, id);
			if (sqlite3_step(cur) == SQLITE_ROW && sqlite3_column_text(cur, 0))
				value = stw_xstrdup((const char *)sqlite3_column_text(cur, 0));
			else
				value = stw_xstrdup("");
			sqlite3_finalize(cur);
		}
		bool used = false;
		for (size_t c = 0; c < src->ncols && c < f->n; c++) {
			bool hit = field[0] == '#' ? strcmp(src->headers[c], field + 1) == 0
			                           : src->fields[c] && strcmp(src->fields[c], field) == 0;
			if (hit) {
				f->v[c] = value;
				f->len[c] = strlen(value);
				used = true;
			}
		}
		if (used) {
			*keep = stw_xrealloc(*keep, (*nkeep + 1) * sizeof **keep);
			(*keep)[(*nkeep)++] = value;
		} else {
			free(value);
		}
	}
	sqlite3_reset(chg);
	if (rc != SQLITE_DONE)
		return stw_ws_dberr(ws, rc, "reading changes", err);
	return STW_OK;
}

static stw_err
write_group(stw_ws *ws, const src_info *s, size_t n, int group, bool guard, stw_outfile *of,
            int64_t *rows, stw_error *err)
{
	sqlite3_stmt *st, *chg;
	stw_err e = stw_ws_prepare(ws,
		"SELECT r.id, r.fields, EXISTS(SELECT 1 FROM change c WHERE c.record_id = r.id"
		" AND c.active = 1) FROM record r LEFT JOIN rec ON rec.id = r.id"
		" WHERE r.source_id=? AND coalesce(rec.status, 'active') = 'active' ORDER BY r.id",
		&st, err);
	if (e != STW_OK)
		return e;
	if ((e = stw_ws_prepare(ws,
		"SELECT c.field, c.new FROM change c WHERE c.record_id=? AND c.active=1"
		" AND c.id = (SELECT max(id) FROM change d WHERE d.record_id = c.record_id"
		" AND d.field = c.field AND d.active = 1)", &chg, err)) != STW_OK) {
		sqlite3_finalize(st);
		return e;
	}
	stw_buf out = STW_BUF_INIT;
	const src_info *first = &s[group];
	if (first->has_header) {
		size_t *lens = stw_xcalloc(first->ncols, sizeof *lens);
		for (size_t c = 0; c < first->ncols; c++)
			lens[c] = strlen(first->headers[c]);
		stw_csv_put_row(&out, (const char *const *)first->headers, lens, first->ncols, ',',
		                guard);
		free(lens);
	}
	*rows = 0;
	for (size_t i = 0; i < n && e == STW_OK; i++) {
		if (s[i].group != group)
			continue;
		sqlite3_bind_int64(st, 1, s[i].id);
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			stw_fields f;
			const char *json = (const char *)sqlite3_column_text(st, 1);
			if (stw_fields_decode(json, (size_t)sqlite3_column_bytes(st, 1), &f) != 0) {
				e = stw_fail(err, STW_EDATA, "%s: a stored record is damaged",
				             stw_ws_path(ws));
				break;
			}
			char **keep = NULL;
			size_t nkeep = 0;
			if (sqlite3_column_int(st, 2))
				e = current_values(ws, chg, &s[i], sqlite3_column_int64(st, 0), &f, &keep,
				                   &nkeep, err);
			stw_csv_put_row(&out, (const char *const *)f.v, f.len, f.n, ',', guard);
			for (size_t k = 0; k < nkeep; k++)
				free(keep[k]);
			free(keep);
			stw_fields_free(&f);
			if (e != STW_OK)
				break;
			(*rows)++;
			if (out.len > (1 << 20)) {
				stw_outfile_write(of, out.data, out.len);
				stw_buf_reset(&out);
			}
		}
		if (e == STW_OK && rc != SQLITE_DONE)
			e = stw_ws_dberr(ws, rc, "reading records", err);
		sqlite3_reset(st);
	}
	stw_outfile_write(of, out.data, out.len);
	stw_buf_free(&out);
	sqlite3_finalize(st);
	sqlite3_finalize(chg);
	return e;
}

bool
stw_export_guarded(const stw_export_opts *o, bool for_people)
{
	stw_export_guard g = o ? o->guard : STW_GUARD_DEFAULT;
	return g == STW_GUARD_ALL || (g == STW_GUARD_DEFAULT && for_people);
}

stw_err
stw_export(stw_ws *ws, const char *dir, const stw_export_opts *opts, stw_export_result *res,
           stw_error *err)
{
	memset(res, 0, sizeof *res);
	src_info *s;
	size_t n;
	stw_err e = prepare_dir(dir, opts && opts->force, err);
	if (e != STW_OK)
		return e;
	if ((e = load_sources(ws, &s, &n, err)) != STW_OK)
		return e;
	if (n == 0) {
		sources_free(s, n);
		return stw_fail(err, STW_EDATA, "%s: nothing to export (no file imported yet)",
		                stw_ws_path(ws));
	}
	size_t ngroups = 0;
	for (size_t i = 0; i < n; i++)
		ngroups += s[i].group == (int)i;
	if (ngroups > STW_EXPORT_MAX_FILES - 8) {
		sources_free(s, n);
		return stw_fail(err, STW_EDATA, "too many different source layouts to export (%zu)",
		                ngroups);
	}
	stw_outfile files[STW_EXPORT_MAX_FILES];
	size_t nopen = 0;
	/* Read everything in one snapshot. */
	sqlite3_exec(stw_ws_db(ws), "BEGIN", NULL, NULL, NULL);
	for (size_t i = 0; i < n && e == STW_OK; i++) {
		if (s[i].group != (int)i)
			continue;
		char name[256];
		if (ngroups == 1) {
			snprintf(name, sizeof name, "records.csv");
		} else {
			char base[160];
			safe_name(base, sizeof base, s[i].name);
			snprintf(name, sizeof name, "records-%lld-%s.csv", (long long)s[i].id, base);
		}
		char *path = stw_xasprintf("%s/%s", dir, name);
		if (stw_outfile_open(&files[nopen], path) != 0) {
			e = stw_fail(err, STW_EIO, "%s: cannot write: %s", path, strerror(errno));
			free(path);
			break;
		}
		free(path);
		snprintf(res->files[nopen], sizeof res->files[nopen], "%s", name);
		nopen++;
		e = write_group(ws, s, n, (int)i, stw_export_guarded(opts, false), &files[nopen - 1],
		                &res->rows[nopen - 1], err);
	}
	for (const stw_export_writer *w = stw_export_writers; w->name && e == STW_OK; w++) {
		if (w->wanted && !w->wanted(opts))
			continue;
		if (nopen >= STW_EXPORT_MAX_FILES) {
			e = stw_fail(err, STW_EDATA, "too many files to export");
			break;
		}
		char *path = stw_xasprintf("%s/%s", dir, w->name);
		if (stw_outfile_open(&files[nopen], path) != 0) {
			e = stw_fail(err, STW_EIO, "%s: cannot write: %s", path, strerror(errno));
			free(path);
			break;
		}
		free(path);
		snprintf(res->files[nopen], sizeof res->files[nopen], "%s", w->name);
		nopen++;
		e = w->write(ws, &files[nopen - 1], stw_export_guarded(opts, w->for_people),
		             &res->rows[nopen - 1], err);
	}
	sqlite3_exec(stw_ws_db(ws), "COMMIT", NULL, NULL, NULL);
	/* All written: now make them visible. */
	for (size_t i = 0; i < nopen && e == STW_OK; i++)
		if (stw_outfile_commit(&files[i]) != 0)
			e = stw_fail(err, STW_EIO, "%s/%s: cannot write: %s", dir, res->files[i],
			             strerror(errno));
	for (size_t i = 0; i < nopen; i++)
		stw_outfile_abort(&files[i]);
	res->nfiles = e == STW_OK ? nopen : 0;
	sources_free(s, n);
	return e;
}
