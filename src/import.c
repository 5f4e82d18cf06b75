/*
 * Import: fingerprint, sniff, map, then load in one transaction.
 */
#include "import.h"
#include "check_pass.h"
#include "csvread.h"
#include "decode.h"
#include "fields.h"
#include "import_feed.h"
#include "rec.h"
#include "sha256.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#define SAMPLE_SIZE (64 * 1024)
#define PROGRESS_EVERY 8192

/* What is known about the file before parsing: its start and its size. */
typedef struct {
	uint64_t size;
	bool     bom;        /* starts with EF BB BF */
	bool     utf16;      /* starts with a UTF-16 byte order mark */
	bool     sample_utf8; /* the sample is valid UTF-8 (a cut last sequence allowed) */
	char    *sample;     /* first SAMPLE_SIZE bytes, owned */
	size_t   sample_len;
} first_look;

static stw_err
look_at_file(const char *path, first_look *fl, stw_error *err)
{
	memset(fl, 0, sizeof *fl);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return stw_fail(err, errno == ENOENT ? STW_ENOENT : STW_EIO, "%s: cannot open: %s",
		                path, strerror(errno));
	struct stat sb;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return stw_fail(err, STW_EDATA, "%s: not a regular file", path);
	}
	fl->size = (uint64_t)sb.st_size;
	fl->sample = stw_xmalloc(SAMPLE_SIZE);
	while (fl->sample_len < SAMPLE_SIZE) {
		ssize_t n = read(fd, fl->sample + fl->sample_len, SAMPLE_SIZE - fl->sample_len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;
			close(fd);
			free(fl->sample);
			fl->sample = NULL;
			return stw_fail(err, STW_EIO, "%s: read error: %s", path, strerror(e));
		}
		if (n == 0)
			break;
		fl->sample_len += (size_t)n;
	}
	close(fd);
	const unsigned char *s = (const unsigned char *)fl->sample;
	fl->bom = fl->sample_len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF;
	fl->utf16 = fl->sample_len >= 2 &&
	            ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF));
	size_t ok = stw_utf8_valid_prefix(fl->sample, fl->sample_len);
	fl->sample_utf8 = ok == fl->sample_len ||
	                  (fl->sample_len == SAMPLE_SIZE && fl->sample_len - ok < 4);
	return STW_OK;
}

/*
 * The SHA-256 of the whole file is computed on a second thread while the
 * first one parses; the duplicate check waits for it (and polls it as rows
 * go by, so a file already imported is refused early).
 */
typedef struct {
	const char *path;
	char        sha256[65];
	stw_error   err;
	stw_err     code;
	atomic_int  done;
	volatile int *cancel; /* the import's: stop reading when it is set */
} sha_job;

static void *
sha_thread(void *arg)
{
	sha_job *job = arg;
	job->code = STW_OK;
	int fd = open(job->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		job->code = stw_fail(&job->err, STW_EIO, "%s: cannot open: %s", job->path,
		                     strerror(errno));
		atomic_store(&job->done, 1);
		return NULL;
	}
	stw_sha256 sha;
	stw_sha256_init(&sha);
	size_t cap = 1 << 20;
	char *buf = stw_xmalloc(cap);
	for (;;) {
		if (job->cancel && *job->cancel) {
			job->code = stw_fail(&job->err, STW_ECANCEL, "%s: cancelled", job->path);
			break;
		}
		ssize_t n = read(fd, buf, cap);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			job->code = stw_fail(&job->err, STW_EIO, "%s: read error: %s", job->path,
			                     strerror(errno));
			break;
		}
		if (n == 0)
			break;
		stw_sha256_update(&sha, buf, (size_t)n);
	}
	close(fd);
	free(buf);
	stw_sha256_final_hex(&sha, job->sha256);
	atomic_store(&job->done, 1);
	return NULL;
}

void
stw_import_result_free(stw_import_result *res)
{
	if (!res)
		return;
	for (size_t i = 0; i < res->ncols; i++)
		free(res->headers[i]);
	free(res->headers);
	stw_mapping_free(&res->mapping);
	memset(res, 0, sizeof *res);
}

static stw_err
already_imported(stw_ws *ws, const char *sha, const char *path, stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, "SELECT name, imported_at FROM source WHERE sha256=? LIMIT 1",
	                           &st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_text(st, 1, sha, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		e = stw_fail(err, STW_EEXIST,
		             "%s: already imported into %s (as %s, %s; same SHA-256); "
		             "use --force to import it again",
		             path, stw_ws_path(ws), sqlite3_column_text(st, 0),
		             sqlite3_column_text(st, 1));
	else if (rc != SQLITE_DONE)
		e = stw_ws_dberr(ws, rc, "looking up sources", err);
	sqlite3_finalize(st);
	return e;
}

/*
 * Rows wait in the loader until STW_REC_MANY of them go to the workspace in
 * one statement per table (one statement per row costs several times as
 * much), or until the feed is about to reuse their batch.
 */
typedef struct {
	stw_csv_row row;   /* its v points into the loader's vbuf */
	const char *json;
	size_t      json_len;
} waiting_row;

/* The loader's state while rows stream in. */
typedef struct {
	stw_ws         *ws;
	sqlite3_stmt   *ins_rec, *ins_rec_many, *ins_q;
	stw_rec_writer *cur;   /* the record's current values, in rec */
	int64_t         source_id;
	int64_t         next_id; /* the id the next record gets */
	stw_buf         json;
	waiting_row     wait[STW_REC_MANY];
	int             nwait;
	const char    **vbuf;  /* the waiting rows' field pointers, ncols each */
	size_t          ncols;
	/* Checking rows as they load (opts->check), or pass NULL. */
	stw_check_pass *pass;
	int            *col;   /* per field of the pass: its column, or -1 */
	const char    **v;     /* scratch: the row's values in the pass's order */
	size_t         *len;
	stw_index_set   idx;   /* indexes set aside during the load */
	stw_check_tally counts; /* open proposals of the records checked before */
} loader;

static stw_err
insert_quarantine(loader *L, const stw_csv_row *row, const char *reason, stw_error *err)
{
	sqlite3_stmt *st = L->ins_q;
	sqlite3_bind_int64(st, 1, L->source_id);
	sqlite3_bind_int64(st, 2, row->line);
	sqlite3_bind_int64(st, 3, row->end_line);
	sqlite3_bind_text(st, 4, reason, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 5, row->raw, (int)row->raw_len, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return stw_ws_dberr(L->ws, rc, "writing the quarantine", err);
	return STW_OK;
}

/* Writes the waiting rows: record, rec, then to the checks. */
static stw_err
flush_rows(loader *L, stw_error *err)
{
	int n = L->nwait;
	if (n == 0)
		return STW_OK;
	L->nwait = 0;
	int64_t first = L->next_id;
	L->next_id += n;
	stw_err e = STW_OK;
	for (int k = 0; k < n && e == STW_OK; k++) {
		sqlite3_stmt *st = n == STW_REC_MANY ? L->ins_rec_many : L->ins_rec;
		int at = n == STW_REC_MANY ? 1 + 4 * k : 1;
		const waiting_row *w = &L->wait[k];
		sqlite3_bind_int64(st, at, first + k);
		sqlite3_bind_int64(st, at + 1, L->source_id);
		sqlite3_bind_int64(st, at + 2, w->row.line);
		sqlite3_bind_text(st, at + 3, w->json, (int)w->json_len, SQLITE_STATIC);
		if (n == STW_REC_MANY && k < n - 1)
			continue;
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			e = stw_ws_dberr(L->ws, rc, "writing records", err);
	}
	stw_rec_row rows[STW_REC_MANY];
	for (int k = 0; k < n; k++)
		rows[k] = (stw_rec_row){first + k, L->wait[k].row.v, L->wait[k].row.len,
		                        L->wait[k].row.n};
	if (e == STW_OK)
		e = stw_rec_writer_put_rows(L->cur, rows, n, err);
	if (e != STW_OK || !L->pass)
		return e;
	size_t nf = stw_check_pass_fields(L->pass)->nfields;
	for (int k = 0; k < n && e == STW_OK; k++) {
		const stw_csv_row *row = &L->wait[k].row;
		for (size_t i = 0; i < nf; i++) {
			int c = L->col[i];
			L->v[i] = c >= 0 && (size_t)c < row->n ? row->v[c] : NULL;
			L->len[i] = c >= 0 && (size_t)c < row->n ? row->len[c] : 0;
		}
		e = stw_check_pass_put(L->pass, first + k, L->v, L->len, err);
	}
	return e;
}

/*
 * Takes a good row (of ncols fields); json: its storage form, or NULL to
 * make it here. The row's bytes must live until flush_rows().
 */
static stw_err
load_row(loader *L, const stw_csv_row *row, const char *json, size_t json_len, stw_error *err)
{
	waiting_row *w = &L->wait[L->nwait];
	if (!json) {
		/* only for the first row of a file without a header: written at once */
		stw_buf_reset(&L->json);
		stw_fields_encode(&L->json, row->v, row->len, row->n);
		json = L->json.data;
		json_len = L->json.len;
	}
	const char **v = L->vbuf + (size_t)L->nwait * L->ncols;
	for (size_t i = 0; i < row->n && i < L->ncols; i++)
		v[i] = row->v[i];
	w->row = *row;
	w->row.v = v;
	w->row.n = row->n < L->ncols ? row->n : L->ncols;
	w->json = json;
	w->json_len = json_len;
	if (++L->nwait == STW_REC_MANY || json == L->json.data)
		return flush_rows(L, err);
	return STW_OK;
}

/*
 * Gets the loader ready for rows: rec must hold every earlier record before
 * this import adds to it; the tables it fills from empty lose their
 * secondary indexes until the end; and the rows are checked when asked and
 * every earlier record was checked with the same rules.
 */
static stw_err
loader_start(loader *L, const stw_import_opts *opts, const stw_mapping *m, stw_error *err)
{
	stw_ws *ws = L->ws;
	L->ncols = m->n;
	L->vbuf = stw_xcalloc((size_t)STW_REC_MANY * (m->n ? m->n : 1), sizeof *L->vbuf);
	L->next_id = stw_ws_query_int(ws, "SELECT coalesce(max(id), 0) + 1 FROM record");
	if (L->next_id <= 0)
		return stw_ws_dberr(ws, sqlite3_errcode(stw_ws_db(ws)), "reading records", err);
	const char *head = "INSERT INTO record(id, source_id, line, fields)";
	stw_err e = stw_ws_prepare_insert(ws, head, 4, STW_REC_MANY, &L->ins_rec_many, err);
	if (e != STW_OK ||
	    (e = stw_ws_prepare_insert(ws, head, 4, 1, &L->ins_rec, err)) != STW_OK ||
	    (e = stw_ws_prepare(ws, "INSERT INTO quarantine(source_id, line, end_line, reason, raw)"
	                            " VALUES(?,?,?,?,?)", &L->ins_q, err)) != STW_OK)
		return e;
	e = stw_rec_sync(ws, NULL, err);
	if (e == STW_OK)
		e = stw_rec_writer_open(ws, L->source_id, m->entity, &L->cur, err);
	if (e != STW_OK)
		return e;
	int64_t last = stw_ws_query_int(ws, "SELECT coalesce(max(id), 0) FROM rec");
	if (last < 0)
		return stw_ws_dberr(ws, sqlite3_errcode(stw_ws_db(ws)), "reading records", err);
	if (last == 0 && (e = stw_ws_drop_indexes(ws, "rec", &L->idx, err)) != STW_OK)
		return e;
	if (!opts->check || (last > 0 && stw_checked_through(ws, opts->rules, &L->counts) != last))
		return STW_OK;
	bool empty = stw_ws_query_int(ws, "SELECT EXISTS(SELECT 1 FROM proposal)"
	                                  " OR EXISTS(SELECT 1 FROM finding)") == 0;
	if (empty &&
	    ((e = stw_ws_drop_indexes(ws, "proposal", &L->idx, err)) != STW_OK ||
	     (e = stw_ws_drop_indexes(ws, "finding", &L->idx, err)) != STW_OK))
		return e;
	if ((e = stw_check_pass_open(ws, opts->rules, m->entity, STW_RUN_PROPOSE | STW_RUN_VALIDATE,
	                             true, &L->pass, err)) != STW_OK)
		return e;
	const stw_field_rules *fr = stw_check_pass_fields(L->pass);
	L->col = stw_xmalloc(fr->nfields * sizeof *L->col);
	L->v = stw_xcalloc(fr->nfields, sizeof *L->v);
	L->len = stw_xcalloc(fr->nfields, sizeof *L->len);
	for (size_t i = 0; i < fr->nfields; i++) {
		L->col[i] = -1;
		for (size_t c = 0; c < m->n && L->col[i] < 0; c++)
			if (m->field[c] && strcmp(m->field[c], fr->fields[i].name) == 0)
				L->col[i] = (int)c;
	}
	return STW_OK;
}

/* Writes what is still pending, records how far records are checked, and
 * builds the indexes set aside. */
static stw_err
loader_finish(loader *L, const stw_import_opts *opts, stw_import_result *res, stw_error *err)
{
	stw_err e = STW_OK;
	if (L->pass) {
		stw_check_tally t;
		memset(&t, 0, sizeof t);
		e = stw_check_pass_finish(L->pass, &t, err);
		int64_t last = stw_ws_query_int(L->ws, "SELECT coalesce(max(id), 0) FROM rec");
		if (e == STW_OK && last < 0)
			e = stw_ws_dberr(L->ws, sqlite3_errcode(stw_ws_db(L->ws)), "reading records", err);
		for (int i = 0; i < STW_STANDARDIZE_NRULES; i++)
			for (int k = 0; k < 2; k++) {
				res->proposals += t.open[i][k];
				L->counts.open[i][k] += t.open[i][k];
			}
		res->findings = t.findings;
		if (e == STW_OK)
			e = stw_rules_record(L->ws, opts->rules, err);
		if (e == STW_OK)
			e = stw_checked_set(L->ws, opts->rules, last, &L->counts, err);
		res->checked = e == STW_OK;
	}
	if (e == STW_OK)
		e = stw_ws_restore_indexes(L->ws, &L->idx, err);
	return e;
}

static void
loader_free(loader *L)
{
	sqlite3_finalize(L->ins_rec);
	sqlite3_finalize(L->ins_rec_many);
	sqlite3_finalize(L->ins_q);
	free(L->vbuf);
	stw_rec_writer_close(L->cur);
	stw_check_pass_free(L->pass);
	free(L->col);
	free(L->v);
	free(L->len);
	stw_ws_index_set_free(&L->idx);
	stw_buf_free(&L->json);
	memset(L, 0, sizeof *L);
}

static stw_err
insert_source(stw_ws *ws, const char *path, const stw_import_opts *opts,
              const first_look *fl, stw_import_result *res, stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws,
		"INSERT INTO source(path, name, sha256, size, imported_at, steward, encoding,"
		" converted, bom, delimiter, quote, line_ending, has_header, entity, profile)"
		" VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", &st, err);
	if (e != STW_OK)
		return e;
	char *pathcopy = stw_xstrdup(path);
	char now[32];
	stw_now_utc(now);
	char delim[2] = {res->dialect.delimiter, 0}, quote[2] = {res->dialect.quote, 0};
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, basename(pathcopy), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, "", -1, SQLITE_STATIC); /* set when the hash is known */
	sqlite3_bind_int64(st, 4, (sqlite3_int64)fl->size);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, opts->steward ? opts->steward : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, res->encoding, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 8, res->converted);
	sqlite3_bind_int(st, 9, res->bom);
	sqlite3_bind_text(st, 10, delim, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, quote, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, res->dialect.line_ending, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 13, res->dialect.has_header);
	sqlite3_bind_text(st, 14, res->mapping.entity, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 15, res->mapping.profile, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	free(pathcopy);
	if (rc != SQLITE_DONE)
		return stw_ws_dberr(ws, rc, "recording the source", err);
	res->source_id = sqlite3_last_insert_rowid(stw_ws_db(ws));

	if ((e = stw_ws_prepare(ws, "INSERT INTO source_column(source_id, pos, header, field)"
	                            " VALUES(?,?,?,?)", &st, err)) != STW_OK)
		return e;
	for (size_t i = 0; i < res->ncols; i++) {
		sqlite3_bind_int64(st, 1, res->source_id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		sqlite3_bind_text(st, 3, res->headers[i], -1, SQLITE_STATIC);
		if (i < res->mapping.n && res->mapping.field[i])
			sqlite3_bind_text(st, 4, res->mapping.field[i], -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 4);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE) {
			sqlite3_finalize(st);
			return stw_ws_dberr(ws, rc, "recording the columns", err);
		}
	}
	sqlite3_finalize(st);
	return STW_OK;
}

static stw_err
finish_source(stw_ws *ws, const stw_import_result *res, stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, "UPDATE source SET rows=?, quarantined=?, sha256=? WHERE id=?",
	                           &st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_int64(st, 1, res->rows);
	sqlite3_bind_int64(st, 2, res->quarantined);
	sqlite3_bind_text(st, 3, res->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, res->source_id);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return stw_ws_dberr(ws, rc, "recording the counts", err);
	return STW_OK;
}

static void
note_problem(stw_import_result *res, const char *reason)
{
	res->quarantined++;
	if (!res->first_problem[0])
		snprintf(res->first_problem, sizeof res->first_problem, "%s", reason);
}

/*
 * One attempt at importing path with encoding enc (NULL: UTF-8, falling back
 * when a byte proves otherwise). Sets *retry_cp1252 when the file turned out
 * not to be UTF-8 and the import must be redone as Windows-1252.
 */
static stw_err
import_once(stw_ws *ws, const char *path, const stw_import_opts *opts, const char *enc,
            stw_import_result *res, bool *retry_cp1252, stw_error *err)
{
	memset(res, 0, sizeof *res);
	*retry_cp1252 = false;
	first_look fl;
	stw_err e = look_at_file(path, &fl, err);
	if (e != STW_OK)
		return e;

	stw_decoder *dec = NULL;
	stw_csv *csv = NULL;
	stw_feed *feed = NULL;
	loader L = {.ws = ws, .json = STW_BUF_INIT};
	bool in_tx = false, sha_started = false, sha_checked = false, bulk = false;
	stw_buf sample = STW_BUF_INIT;
	sha_job job;
	memset(&job, 0, sizeof job);
	job.path = path;
	job.cancel = opts->cancel;
	pthread_t tid;

	if (fl.size == 0 || (fl.bom && fl.size == 3)) {
		e = stw_fail(err, STW_EDATA, "%s: the file is empty", path);
		goto done;
	}
	if (fl.utf16 && !opts->encoding) {
		e = stw_fail(err, STW_EDATA,
		             "%s:1: the file is UTF-16 (Excel's \"Unicode text\"); save it as "
		             "\"CSV UTF-8\" or pass --encoding utf-16", path);
		goto done;
	}
	if (pthread_create(&tid, NULL, sha_thread, &job) != 0) {
		e = stw_fail(err, STW_ENOMEM, "cannot start a thread");
		goto done;
	}
	sha_started = true;

	/* Without a named encoding: UTF-8 while every byte says so. */
	bool speculative = !enc && fl.sample_utf8;
	if (!enc)
		enc = fl.sample_utf8 ? "utf-8" : "windows-1252";
	if ((e = stw_decoder_open(&dec, enc, err)) != STW_OK)
		goto done;
	snprintf(res->encoding, sizeof res->encoding, "%s", stw_decoder_name(dec));
	res->converted = !stw_decoder_is_utf8(dec);
	res->bom = fl.bom;

	/* Sniff on the decoded sample (bad bytes in it are simply skipped). */
	{
		const char *smp = fl.sample + (fl.bom ? 3 : 0);
		size_t n = fl.sample_len - (fl.bom ? 3 : 0);
		size_t pos = 0;
		while (pos < n) {
			size_t bad = 0;
			if (stw_decoder_run(dec, smp + pos, n - pos, &sample, &bad) == 0)
				break;
			pos += bad + 1;
		}
		stw_dialect_sniff(sample.data ? sample.data : "", sample.len,
		                  fl.size == fl.sample_len, &res->dialect);
		if (opts->delimiter)
			res->dialect.delimiter = opts->delimiter;
		if (opts->header >= 0)
			res->dialect.has_header = opts->header;
	}

	if ((e = stw_csv_open(&csv, path, &res->dialect, dec, fl.bom, false, err)) != STW_OK)
		goto done;

	stw_csv_row row;
	int got;
	if (res->dialect.sep_line && (got = stw_csv_next(csv, &row, err)) <= 0) {
		e = got < 0 ? err->code : stw_fail(err, STW_EDATA, "%s: no rows after the sep= line", path);
		goto done;
	}
	if ((got = stw_csv_next(csv, &row, err)) < 0) {
		e = err->code;
		goto done;
	}
	if (got == 0) {
		e = stw_fail(err, STW_EDATA, "%s: the file has no rows", path);
		goto done;
	}
	if (row.bad && row.bad_encoding && speculative) {
		*retry_cp1252 = true;
		goto done;
	}
	if (row.bad) {
		e = stw_fail(err, STW_EDATA, "%s:%ld: cannot read the %s row: %s", path, row.line,
		             res->dialect.has_header ? "header" : "first", row.bad);
		goto done;
	}
	res->ncols = row.n;
	res->headers = stw_xcalloc(row.n, sizeof *res->headers);
	for (size_t i = 0; i < row.n; i++)
		res->headers[i] = res->dialect.has_header ? stw_xstrndup(row.v[i], row.len[i])
		                                          : stw_xasprintf("column%zu", i + 1);
	bool pending = !res->dialect.has_header; /* the first row is data */
	if ((e = stw_mapping_detect((const char *const *)res->headers, res->ncols, opts->profile,
	                            &res->mapping, err)) != STW_OK)
		goto done;

	bool check_dup = ws && !opts->dry_run && !opts->force;
	if (ws && !opts->dry_run) {
		bulk = stw_ws_bulk_mode(ws, true);
		if ((e = stw_ws_begin(ws, err)) != STW_OK)
			goto done;
		in_tx = true;
		if ((e = insert_source(ws, path, opts, &fl, res, err)) != STW_OK)
			goto done;
		L.source_id = res->source_id;
		if ((e = loader_start(&L, opts, &res->mapping, err)) != STW_OK)
			goto done;
	}

	/* Without a header the first row, read already, is data. */
	uint64_t n = 0;
	if (pending) {
		n++;
		res->rows++;
		if (L.ins_rec && (e = load_row(&L, &row, NULL, 0, err)) != STW_OK)
			goto done;
	}
	if ((e = stw_feed_start(&feed, csv, res->ncols, L.ins_rec != NULL, err)) != STW_OK)
		goto done;
	for (;; n++) {
		stw_feed_row fr;
		got = stw_feed_next(feed, &fr, err);
		if (got < 0) {
			e = err->code;
			goto done;
		}
		if (got == 0)
			break;
		if (n % PROGRESS_EVERY == 0) {
			if (opts->cancel && *opts->cancel) {
				e = stw_fail(err, STW_ECANCEL, "%s: import cancelled; nothing was kept", path);
				goto done;
			}
			if (opts->progress)
				opts->progress(fr.offset, fl.size, opts->progress_arg);
			if (check_dup && !sha_checked && atomic_load(&job.done)) {
				sha_checked = true;
				if (job.code == STW_OK &&
				    (e = already_imported(ws, job.sha256, path, err)) != STW_OK)
					goto done;
			}
		}
		if (fr.why && fr.row.bad_encoding && speculative) {
			*retry_cp1252 = true;
			goto done;
		}
		if (fr.why) {
			note_problem(res, fr.why);
			if (L.ins_q && (e = insert_quarantine(&L, &fr.row, fr.why, err)) != STW_OK)
				goto done;
		} else {
			res->rows++;
			if (L.ins_rec &&
			    (e = load_row(&L, &fr.row, fr.json, fr.json_len, err)) != STW_OK)
				goto done;
		}
		/* the feed reuses this batch at the next call: the rows go now */
		if (fr.last && (e = flush_rows(&L, err)) != STW_OK)
			goto done;
	}
	if ((e = flush_rows(&L, err)) != STW_OK)
		goto done;
	stw_feed_stop(feed);
	feed = NULL;
	if (opts->progress)
		opts->progress(fl.size, fl.size, opts->progress_arg);

	pthread_join(tid, NULL);
	sha_started = false;
	if (job.code != STW_OK) {
		e = stw_fail(err, job.code, "%s", job.err.msg);
		goto done;
	}
	memcpy(res->sha256, job.sha256, sizeof res->sha256);
	if (check_dup && !sha_checked && (e = already_imported(ws, job.sha256, path, err)) != STW_OK)
		goto done;
	if (in_tx) {
		if ((e = finish_source(ws, res, err)) != STW_OK ||
		    (e = loader_finish(&L, opts, res, err)) != STW_OK)
			goto done;
		loader_free(&L);
		in_tx = false;
		if ((e = stw_ws_commit(ws, err)) != STW_OK)
			goto done;
	}

done:
	if (sha_started)
		pthread_join(tid, NULL);
	stw_feed_stop(feed);
	loader_free(&L);
	if (in_tx)
		stw_ws_rollback(ws);
	if (bulk)
		stw_ws_bulk_mode(ws, false);
	stw_buf_free(&sample);
	stw_csv_close(csv);
	stw_decoder_free(dec);
	free(fl.sample);
	if (e != STW_OK || *retry_cp1252)
		stw_import_result_free(res);
	return e;
}

stw_err
stw_import_file(stw_ws *ws, const char *path, const stw_import_opts *opts,
                stw_import_result *res, stw_error *err)
{
	stw_error local;
	if (!err)
		err = &local;
	bool retry;
	stw_err e = import_once(ws, path, opts, opts->encoding, res, &retry, err);
	if (e == STW_OK && retry)
		e = import_once(ws, path, opts, "windows-1252", res, &retry, err);
	return e;
}

stw_err
stw_quarantine_each(stw_ws *ws, stw_quarantine_fn fn, void *arg, stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws,
		"SELECT s.name, q.line, q.end_line, q.reason, q.raw FROM quarantine q"
		" JOIN source s ON s.id = q.source_id ORDER BY q.source_id, q.line", &st, err);
	if (e != STW_OK)
		return e;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (fn((const char *)sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1),
		       sqlite3_column_int64(st, 2), (const char *)sqlite3_column_text(st, 3),
		       sqlite3_column_blob(st, 4), (size_t)sqlite3_column_bytes(st, 4), arg))
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		e = stw_ws_dberr(ws, rc, "reading the quarantine", err);
	sqlite3_finalize(st);
	return e;
}
