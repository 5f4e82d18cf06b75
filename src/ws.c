/*
 * Workspace life cycle: create with mode 0600, open in WAL mode with a busy
 * timeout, check the application id, and migrate the schema forward, each
 * migration in its own transaction.
 */
#include "ws.h"
#include "util.h"

#include <errno.h>
#include <pthread.h>
#include <time.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* 'STWD': marks the file as a Steward workspace. */
#define STW_APPLICATION_ID 0x53545744

/* Page cache in KiB: for every connection, and while in bulk mode. */
#define CACHE_KIB      "65536"
#define BULK_CACHE_KIB "524288"
#define PAGE_SIZE      "16384"

/*
 * During a bulk write, a thread asks the kernel every FLUSH_MS to write the
 * workspace file's dirty pages to disk. Otherwise a large load leaves them
 * all dirty in memory (the kernel's own writeback starts only at a tenth of
 * the memory) and the final commit waits seconds for them; this way the disk
 * works while the load computes, and the commit finds little left to do.
 * It changes nothing about atomicity: the commit still syncs as always.
 */
#define FLUSH_MS 500

typedef struct {
	pthread_t       th;
	pthread_mutex_t mu;
	pthread_cond_t  cv;
	bool            stop;
	int             fd;
} flusher;

struct stw_ws {
	sqlite3 *db;      /* owned */
	char    *path;    /* owned */
	flusher *flush;   /* owned; running while in bulk mode */
	bool     big_cache;  /* stw_ws_big_cache() is on */
	bool     temp_files; /* temp_store=FILE for a bulk write */
};

/*
 * Migration i brings the schema from version i to i+1. Never edit a released
 * migration: add a new one.
 */
static const char *const migrations[] = {
	/* 0 -> 1: sources, records, quarantine */
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE source("
	"  id INTEGER PRIMARY KEY,"
	"  path TEXT NOT NULL,"          /* as given on the command line */
	"  name TEXT NOT NULL,"          /* base name */
	"  sha256 TEXT NOT NULL,"        /* of the file's bytes */
	"  size INTEGER NOT NULL,"
	"  imported_at TEXT NOT NULL,"   /* UTC ISO 8601 */
	"  steward TEXT NOT NULL,"
	"  encoding TEXT NOT NULL,"      /* encoding the bytes were read in */
	"  converted INTEGER NOT NULL,"  /* 1 if decoded to UTF-8 from another encoding */
	"  bom INTEGER NOT NULL,"
	"  delimiter TEXT NOT NULL,"
	"  quote TEXT NOT NULL,"
	"  line_ending TEXT NOT NULL,"   /* CRLF, LF, CR or mixed */
	"  has_header INTEGER NOT NULL,"
	"  entity TEXT NOT NULL,"        /* contact or company */
	"  profile TEXT NOT NULL,"
	"  rows INTEGER NOT NULL DEFAULT 0,"
	"  quarantined INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE source_column("
	"  source_id INTEGER NOT NULL REFERENCES source(id),"
	"  pos INTEGER NOT NULL,"        /* 0-based column position */
	"  header TEXT NOT NULL,"        /* exactly as in the file */
	"  field TEXT,"                  /* canonical field, NULL if unmapped */
	"  PRIMARY KEY(source_id, pos)) WITHOUT ROWID;"
	/* fields: JSON array of every column's text, in file order */
	"CREATE TABLE record("
	"  id INTEGER PRIMARY KEY,"
	"  source_id INTEGER NOT NULL,"
	"  line INTEGER NOT NULL,"       /* physical line where the row starts */
	"  fields TEXT NOT NULL);"
	"CREATE TABLE quarantine("
	"  id INTEGER PRIMARY KEY,"
	"  source_id INTEGER NOT NULL REFERENCES source(id),"
	"  line INTEGER NOT NULL,"
	"  end_line INTEGER NOT NULL,"
	"  reason TEXT NOT NULL,"
	"  raw BLOB NOT NULL);"          /* the row's original bytes */
	"CREATE INDEX quarantine_source ON quarantine(source_id, line);",

	/* 1 -> 2: current values, changes, proposals, findings, audit trail,
	 * matching results */
	/* rec: one row per record with the current value of every canonical
	 * field (the original plus applied changes); built lazily from record. */
	"CREATE TABLE rec("
	"  id INTEGER PRIMARY KEY,"       /* = record.id */
	"  source_id INTEGER NOT NULL,"
	"  entity TEXT NOT NULL,"         /* contact or company */
	"  status TEXT NOT NULL DEFAULT 'active'," /* active, purged, merged */
	"  master_id INTEGER,"            /* merged: the record it was merged into */
	"  external_id TEXT, salutation TEXT, first_name TEXT, middle_name TEXT,"
	"  last_name TEXT, full_name TEXT, name TEXT, email TEXT, email2 TEXT, email3 TEXT,"
	"  phone TEXT, phone2 TEXT, phone3 TEXT, mobile TEXT, fax TEXT, company TEXT,"
	"  title TEXT, department TEXT, street TEXT, city TEXT, state TEXT, postcode TEXT,"
	"  country TEXT, website TEXT, domain TEXT, industry TEXT, employees TEXT,"
	"  parent_id TEXT, birth_date TEXT, created_at TEXT, updated_at TEXT,"
	"  last_activity_at TEXT, owner TEXT, lifecycle_stage TEXT, row_checksum TEXT);"
	"CREATE INDEX rec_source ON rec(source_id);"
	/* change: every value change applied to a record (edit, standardization,
	 * survivorship), newest wins; undone changes stay with active = 0. */
	"CREATE TABLE change("
	"  id INTEGER PRIMARY KEY,"
	"  record_id INTEGER NOT NULL,"
	"  field TEXT NOT NULL,"          /* canonical field */
	"  old TEXT, new TEXT,"
	"  audit_seq INTEGER,"            /* the decision that made it */
	"  active INTEGER NOT NULL DEFAULT 1);"
	"CREATE INDEX change_record ON change(record_id, field);"
	/* proposal: a standardization a rule proposes, applied or dismissed by a
	 * decision. */
	"CREATE TABLE proposal("
	"  id INTEGER PRIMARY KEY,"
	"  record_id INTEGER NOT NULL,"
	"  field TEXT NOT NULL,"
	"  rule TEXT NOT NULL,"
	"  before TEXT, after TEXT, why TEXT,"
	"  kind TEXT NOT NULL,"           /* safe or suggest */
	"  status TEXT NOT NULL DEFAULT 'open');" /* open, applied, dismissed */
	/* one proposal per record, field and rule: a unique index rather than a
	 * constraint, so that a bulk write can build it once at the end */
	"CREATE UNIQUE INDEX proposal_key ON proposal(record_id, field, rule);"
	/* finding: a record failing a validation rule; kept current after edits. */
	"CREATE TABLE finding("
	"  id INTEGER PRIMARY KEY,"
	"  record_id INTEGER NOT NULL,"
	"  field TEXT,"                   /* NULL for whole-record findings */
	"  rule TEXT NOT NULL,"
	"  severity TEXT NOT NULL,"       /* error, warning, info */
	"  message TEXT NOT NULL);"
	"CREATE INDEX finding_record ON finding(record_id);"
	/* audit: append-only, hash-chained trail of every decision. */
	"CREATE TABLE audit("
	"  seq INTEGER PRIMARY KEY,"
	"  ts TEXT NOT NULL,"             /* UTC ISO 8601 */
	"  steward TEXT NOT NULL,"
	"  action TEXT NOT NULL,"
	"  subject TEXT NOT NULL,"        /* e.g. cluster:12, record:345 */
	"  before TEXT, after TEXT,"      /* JSON */
	"  reason TEXT,"
	"  prev_hash TEXT NOT NULL,"
	"  hash TEXT NOT NULL);"
	"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
	"  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;"
	"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
	"  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;"
	/* matching results */
	"CREATE TABLE pair("
	"  a INTEGER NOT NULL, b INTEGER NOT NULL," /* record ids, a < b */
	"  weight REAL NOT NULL,"         /* total log2 likelihood ratio */
	"  prob REAL NOT NULL,"           /* match probability */
	"  levels TEXT NOT NULL,"         /* JSON: field -> level */
	"  PRIMARY KEY(a, b)) WITHOUT ROWID;"
	"CREATE TABLE cluster("
	"  id INTEGER PRIMARY KEY,"
	"  status TEXT NOT NULL DEFAULT 'open'," /* open, accepted, rejected, deferred */
	"  size INTEGER NOT NULL,"
	"  min_prob REAL, max_prob REAL,"
	"  flagged INTEGER NOT NULL DEFAULT 0," /* held together by weak chains */
	"  claimed_by TEXT, claimed_at TEXT);"
	"CREATE TABLE cluster_member("
	"  cluster_id INTEGER NOT NULL,"
	"  record_id INTEGER NOT NULL,"
	"  PRIMARY KEY(cluster_id, record_id)) WITHOUT ROWID;"
	"CREATE INDEX cluster_member_record ON cluster_member(record_id);"
	/* pairs a steward said are different: never proposed again */
	"CREATE TABLE rejected_pair("
	"  a INTEGER NOT NULL, b INTEGER NOT NULL,"
	"  audit_seq INTEGER,"
	"  PRIMARY KEY(a, b)) WITHOUT ROWID;"
	/* decisions in force, and what undo needs to put back (decide.c) */
	"CREATE TABLE decision("
	"  seq INTEGER PRIMARY KEY,"       /* = audit.seq of the decision */
	"  steward TEXT NOT NULL,"
	"  action TEXT NOT NULL,"
	"  cluster_id INTEGER, record_id INTEGER,"
	"  undone_by INTEGER);"            /* audit seq of its undo; NULL while in force */
	"CREATE INDEX decision_steward ON decision(steward, seq);"
	"CREATE TABLE decision_prior("
	"  seq INTEGER NOT NULL,"          /* the decision */
	"  kind TEXT NOT NULL,"            /* cluster, rec, member, proposal */
	"  id INTEGER NOT NULL,"
	"  status TEXT,"                   /* the status before the decision */
	"  ref INTEGER,"                   /* cluster: size; rec: master_id; member: cluster_id */
	"  PRIMARY KEY(seq, kind, id)) WITHOUT ROWID;"
	"CREATE INDEX decision_prior_id ON decision_prior(kind, id);"
	/* listings and console: every page is an index range */
	"CREATE INDEX rec_status ON rec(status);"
	"CREATE INDEX cluster_queue_score ON cluster(status, max_prob DESC, id);"
	"CREATE INDEX cluster_queue_size ON cluster(status, size DESC, id);"
	"CREATE INDEX finding_rule_record ON finding(rule, record_id);"
	"CREATE INDEX proposal_rule_record ON proposal(rule, status, record_id);"
	"CREATE INDEX audit_action ON audit(action, seq);"
	"CREATE INDEX audit_steward ON audit(steward, seq);"
	/* term frequencies of the last match, for explaining one pair without
	 * counting every record: the values (by 64-bit hash, as in match_int.h)
	 * of each comparison held by three records or more; a value two records
	 * agree on and absent here is held by those two only. */
	"CREATE TABLE match_tf("
	"  entity TEXT NOT NULL,"
	"  cmp INTEGER NOT NULL,"          /* comparison index in the rules */
	"  hash INTEGER NOT NULL,"
	"  count INTEGER NOT NULL,"
	"  PRIMARY KEY(entity, cmp, hash)) WITHOUT ROWID;"
	/* the console's queue under every filter and sort: "all" has no status
	 * to range on, and "flagged" needs its flag in the key, else a page or
	 * a count walks the whole table */
	"CREATE INDEX cluster_all_score ON cluster(max_prob DESC, id);"
	"CREATE INDEX cluster_all_size ON cluster(size DESC, id);"
	"CREATE INDEX cluster_flagged_score ON cluster(status, flagged, max_prob DESC, id);"
	"CREATE INDEX cluster_flagged_size ON cluster(status, flagged, size DESC, id);",

	/* 2 -> 3: the by-rule index of proposals holds the open ones only (every
	 * query by rule asks for open proposals): a smaller key to build after
	 * an import, and an index that shrinks as proposals are decided. No
	 * query looks current values up by source: rec_source goes. */
	"DROP INDEX proposal_rule_record;"
	"CREATE INDEX proposal_open_rule ON proposal(rule, record_id) WHERE status='open';"
	"DROP INDEX rec_source;",
};

#define N_MIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))
_Static_assert(N_MIGRATIONS == STW_SCHEMA_VERSION, "one migration per schema version");

stw_err
stw_ws_dberr(stw_ws *ws, int rc, const char *what, stw_error *err)
{
	const char *msg = ws && ws->db ? sqlite3_errmsg(ws->db) : sqlite3_errstr(rc);
	int code = rc & 0xff;
	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		msg = "the workspace is locked by another process (try again when it is done)";
	else if (code == SQLITE_FULL)
		msg = "the disk is full";
	else if (code == SQLITE_READONLY)
		msg = "the workspace is read-only";
	stw_fail(err, code == SQLITE_BUSY || code == SQLITE_LOCKED ? STW_EBUSY : STW_EDB,
	         "%s: %s: %s", ws ? ws->path : "workspace", what, msg);
	if (err)
		err->sqlite_rc = rc;
	return err ? err->code : STW_EDB;
}

stw_err
stw_ws_prepare(stw_ws *ws, const char *sql, sqlite3_stmt **st, stw_error *err)
{
	int rc = sqlite3_prepare_v2(ws->db, sql, -1, st, NULL);
	if (rc != SQLITE_OK) {
		*st = NULL;
		return stw_ws_dberr(ws, rc, "preparing a statement", err);
	}
	return STW_OK;
}

stw_err
stw_ws_prepare_insert(stw_ws *ws, const char *head, int ncols, int rows, sqlite3_stmt **st,
                      stw_error *err)
{
	stw_buf sql = STW_BUF_INIT;
	stw_buf_adds(&sql, head);
	stw_buf_adds(&sql, " VALUES");
	for (int r = 0; r < rows; r++) {
		stw_buf_adds(&sql, r ? ",(" : "(");
		for (int c = 0; c < ncols; c++)
			stw_buf_adds(&sql, c ? ",?" : "?");
		stw_buf_addc(&sql, ')');
	}
	stw_err e = stw_ws_prepare(ws, sql.data, st, err);
	stw_buf_free(&sql);
	return e;
}

stw_err
stw_ws_exec(stw_ws *ws, const char *sql, const char *what, stw_error *err)
{
	int rc = sqlite3_exec(ws->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return stw_ws_dberr(ws, rc, what, err);
	return STW_OK;
}

stw_err
stw_ws_begin(stw_ws *ws, stw_error *err)
{
	return stw_ws_exec(ws, "BEGIN IMMEDIATE", "starting a transaction", err);
}

stw_err
stw_ws_commit(stw_ws *ws, stw_error *err)
{
	stw_err e = stw_ws_exec(ws, "COMMIT", "committing", err);
	if (e != STW_OK)
		stw_ws_rollback(ws);
	return e;
}

void
stw_ws_rollback(stw_ws *ws)
{
	if (!sqlite3_get_autocommit(ws->db))
		sqlite3_exec(ws->db, "ROLLBACK", NULL, NULL, NULL);
}

static int
pragma_int(stw_ws *ws, const char *sql, int *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(ws->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

static stw_err
migrate(stw_ws *ws, bool readonly, stw_error *err)
{
	int version = 0;
	int rc = pragma_int(ws, "PRAGMA user_version", &version);
	if (rc != SQLITE_OK)
		return stw_ws_dberr(ws, rc, "reading the schema version", err);
	if (version > STW_SCHEMA_VERSION)
		return stw_fail(err, STW_EDATA,
		                "%s: written by a newer Steward (schema %d, this one knows %d)",
		                ws->path, version, STW_SCHEMA_VERSION);
	if (version == STW_SCHEMA_VERSION)
		return STW_OK;
	if (readonly)
		return stw_fail(err, STW_EDATA,
		                "%s: schema %d needs migrating; open it once read-write",
		                ws->path, version);
	for (int v = version; v < N_MIGRATIONS; v++) {
		stw_err e = stw_ws_begin(ws, err);
		if (e != STW_OK)
			return e;
		char pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", v + 1);
		if ((e = stw_ws_exec(ws, migrations[v], "migrating the schema", err)) != STW_OK ||
		    (e = stw_ws_exec(ws, pragma, "recording the schema version", err)) != STW_OK) {
			stw_ws_rollback(ws);
			return e;
		}
		if (v == 0) {
			char now[32];
			stw_now_utc(now);
			if ((e = stw_ws_meta_set(ws, "created_at", now, err)) != STW_OK ||
			    (e = stw_ws_meta_set(ws, "created_by", "steward " STEWARD_VERSION, err)) != STW_OK) {
				stw_ws_rollback(ws);
				return e;
			}
		}
		if ((e = stw_ws_commit(ws, err)) != STW_OK)
			return e;
	}
	return STW_OK;
}

stw_err
stw_ws_open(stw_ws **out, const char *path, int flags, stw_error *err)
{
	*out = NULL;
	bool readonly = flags & STW_WS_READONLY;
	struct stat sb;
	bool exists = stat(path, &sb) == 0;
	if (!exists && !(flags & STW_WS_CREATE))
		return stw_fail(err, STW_ENOENT, "%s: no such workspace", path);
	if (exists && !S_ISREG(sb.st_mode))
		return stw_fail(err, STW_EDATA, "%s: not a regular file", path);
	if (!exists) {
		/* Create it ourselves so the mode is 0600 whatever the umask. */
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			return stw_fail(err, STW_EIO, "%s: cannot create: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
	}

	stw_ws *ws = stw_xcalloc(1, sizeof *ws);
	ws->path = stw_xstrdup(path);
	int oflags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	int rc = sqlite3_open_v2(path, &ws->db, oflags | SQLITE_OPEN_NOMUTEX, NULL);
	stw_err e = STW_OK;
	if (rc != SQLITE_OK) {
		e = stw_ws_dberr(ws, rc, "opening", err);
		goto fail;
	}
	sqlite3_extended_result_codes(ws->db, 1);
	/* Another steward may be writing: wait for it (STEWARD_BUSY_TIMEOUT ms). */
	const char *bt = getenv("STEWARD_BUSY_TIMEOUT");
	sqlite3_busy_timeout(ws->db, bt && atoi(bt) > 0 ? atoi(bt) : 10000);

	int app_id = 0;
	rc = pragma_int(ws, "PRAGMA application_id", &app_id);
	if (rc == SQLITE_NOTADB) {
		e = stw_fail(err, STW_EDATA, "%s: not a Steward workspace (not an SQLite file)", path);
		goto fail;
	}
	if (rc != SQLITE_OK) {
		e = stw_ws_dberr(ws, rc, "reading the header", err);
		goto fail;
	}
	if (app_id != STW_APPLICATION_ID) {
		int tables = 0;
		rc = pragma_int(ws, "SELECT count(*) FROM sqlite_schema", &tables);
		if (rc != SQLITE_OK) {
			e = stw_ws_dberr(ws, rc, "reading the schema", err);
			goto fail;
		}
		if (tables != 0 || app_id != 0 || readonly) {
			e = stw_fail(err, STW_EDATA, "%s: not a Steward workspace", path);
			goto fail;
		}
		/* A new workspace: large pages suit tables of a million rows written
		 * in bulk (fewer pages and writes: a 1M-row import spent 1.4-1.5 s
		 * in the kernel instead of 2.3-2.5 s). */
		if ((e = stw_ws_exec(ws, "PRAGMA page_size=" PAGE_SIZE, "creating the workspace",
		                     err)) != STW_OK)
			goto fail;
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA application_id=%d", STW_APPLICATION_ID);
		if ((e = stw_ws_exec(ws, sql, "marking the workspace", err)) != STW_OK)
			goto fail;
	}
	if (!readonly) {
		if ((e = stw_ws_exec(ws, "PRAGMA journal_mode=WAL", "switching to WAL mode", err)) != STW_OK)
			goto fail;
		if ((e = stw_ws_exec(ws, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
		                  "PRAGMA cache_size=-" CACHE_KIB "; PRAGMA temp_store=MEMORY",
		              "setting up", err)) != STW_OK)
			goto fail;
	}
	if ((e = migrate(ws, readonly, err)) != STW_OK)
		goto fail;
	*out = ws;
	return STW_OK;

fail:
	stw_ws_close(ws);
	return e;
}

static void *
flusher_run(void *arg)
{
	flusher *f = arg;
	pthread_mutex_lock(&f->mu);
	while (!f->stop) {
		struct timespec t;
		clock_gettime(CLOCK_MONOTONIC, &t);
		t.tv_nsec += FLUSH_MS * 1000000L;
		t.tv_sec += t.tv_nsec / 1000000000L;
		t.tv_nsec %= 1000000000L;
		while (!f->stop && pthread_cond_timedwait(&f->cv, &f->mu, &t) != ETIMEDOUT)
			;
		if (f->stop)
			break;
		pthread_mutex_unlock(&f->mu);
		/* Only a head start: an error here is the commit's to report. */
		(void)fdatasync(f->fd);
		pthread_mutex_lock(&f->mu);
	}
	pthread_mutex_unlock(&f->mu);
	return NULL;
}

/* Starts the flusher; without one (no file, no thread) the load is only slower. */
static void
flusher_start(stw_ws *ws)
{
	if (ws->flush)
		return;
	int fd = open(ws->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	flusher *f = stw_xcalloc(1, sizeof *f);
	f->fd = fd;
	pthread_condattr_t ca;
	bool ok = pthread_condattr_init(&ca) == 0;
	if (ok) {
		ok = pthread_condattr_setclock(&ca, CLOCK_MONOTONIC) == 0 &&
		     pthread_cond_init(&f->cv, &ca) == 0;
		pthread_condattr_destroy(&ca);
	}
	if (ok && pthread_mutex_init(&f->mu, NULL) != 0) {
		pthread_cond_destroy(&f->cv);
		ok = false;
	}
	if (ok && pthread_create(&f->th, NULL, flusher_run, f) != 0) {
		pthread_mutex_destroy(&f->mu);
		pthread_cond_destroy(&f->cv);
		ok = false;
	}
	if (!ok) {
		close(fd);
		free(f);
		return;
	}
	ws->flush = f;
}

static void
flusher_stop(stw_ws *ws)
{
	flusher *f = ws->flush;
	if (!f)
		return;
	pthread_mutex_lock(&f->mu);
	f->stop = true;
	pthread_cond_signal(&f->cv);
	pthread_mutex_unlock(&f->mu);
	pthread_join(f->th, NULL);
	pthread_mutex_destroy(&f->mu);
	pthread_cond_destroy(&f->cv);
	close(f->fd);
	free(f);
	ws->flush = NULL;
}

void
stw_ws_close(stw_ws *ws)
{
	if (!ws)
		return;
	/* Closing the flusher's own descriptor would drop every lock this
	 * process holds on the file (POSIX locks): the connection goes first. */
	if (ws->db)
		sqlite3_close_v2(ws->db);
	flusher_stop(ws);
	free(ws->path);
	free(ws);
}

sqlite3 *
stw_ws_db(stw_ws *ws)
{
	return ws->db;
}

const char *
stw_ws_path(const stw_ws *ws)
{
	return ws->path;
}

char *
stw_ws_meta_get(stw_ws *ws, const char *key)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(ws->db, "SELECT value FROM meta WHERE key=?", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	char *v = NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = stw_xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

/*
 * A bulk load writes every page once in rollback-journal mode, but twice in
 * WAL mode (log, then checkpoint). When no other process has the workspace
 * open, the import switches to a rollback journal for its transaction (still
 * atomic: a crash rolls it back) and back to WAL afterwards. With another
 * connection open the switch is refused and the import simply runs in WAL.
 * Bulk mode also lets SQLite sort in temporary files for the index builds
 * (see stw_ws_restore_indexes) and starts the flusher.
 * Returns true when the switch to the rollback journal took effect.
 */
bool
stw_ws_bulk_mode(stw_ws *ws, bool on)
{
	sqlite3_stmt *st;
	if (!on) {
		/* Not inside a transaction: closing the flusher's descriptor would
		 * drop the connection's locks (it then stops at stw_ws_close). */
		if (sqlite3_get_autocommit(ws->db))
			flusher_stop(ws);
		if (ws->temp_files &&
		    sqlite3_exec(ws->db, "PRAGMA temp_store=MEMORY", NULL, NULL, NULL) == SQLITE_OK)
			ws->temp_files = false;
	}
	const char *sql = on ? "PRAGMA journal_mode=DELETE" : "PRAGMA journal_mode=WAL";
	if (sqlite3_prepare_v2(ws->db, sql, -1, &st, NULL) != SQLITE_OK)
		return false;
	bool ok = sqlite3_step(st) == SQLITE_ROW &&
	          strcmp((const char *)sqlite3_column_text(st, 0), on ? "delete" : "wal") == 0;
	sqlite3_finalize(st);
	if (on && ok) {
		flusher_start(ws);
		/* Switching drops the connection's temporary tables and triggers:
		 * only without any. */
		ws->temp_files =
			stw_ws_query_int(ws, "SELECT count(*) FROM temp.sqlite_schema") == 0 &&
			sqlite3_exec(ws->db, "PRAGMA temp_store=FILE", NULL, NULL, NULL) == SQLITE_OK;
	}
	return ok;
}

void
stw_ws_big_cache(stw_ws *ws, bool on)
{
	if (sqlite3_exec(ws->db, on ? "PRAGMA cache_size=-" BULK_CACHE_KIB
	                            : "PRAGMA cache_size=-" CACHE_KIB, NULL, NULL, NULL) == SQLITE_OK)
		ws->big_cache = on;
}

stw_err
stw_ws_drop_indexes(stw_ws *ws, const char *table, stw_index_set *set, stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, "SELECT name, sql FROM sqlite_schema WHERE type='index'"
	                               " AND tbl_name=? AND sql IS NOT NULL", &st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	size_t first = set->n;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		set->name = stw_xrealloc(set->name, (set->n + 1) * sizeof *set->name);
		set->sql = stw_xrealloc(set->sql, (set->n + 1) * sizeof *set->sql);
		set->name[set->n] = stw_xstrdup((const char *)sqlite3_column_text(st, 0));
		set->sql[set->n++] = stw_xstrdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		e = stw_ws_dberr(ws, rc, "reading the schema", err);
	for (size_t i = first; i < set->n && e == STW_OK; i++) {
		char *q = sqlite3_mprintf("DROP INDEX \"%w\"", set->name[i]);
		e = stw_ws_exec(ws, q, "preparing the bulk write", err);
		sqlite3_free(q);
	}
	return e;
}

stw_err
stw_ws_restore_index(stw_ws *ws, stw_index_set *set, const char *name, stw_error *err)
{
	for (size_t i = 0; i < set->n; i++) {
		if (strcmp(set->name[i], name) != 0)
			continue;
		stw_err e = stw_ws_exec(ws, set->sql[i], "rebuilding an index", err);
		free(set->name[i]);
		free(set->sql[i]);
		set->n--;
		set->name[i] = set->name[set->n];
		set->sql[i] = set->sql[set->n];
		return e;
	}
	return STW_OK;
}

/*
 * Index builds sort. In memory (temp_store=MEMORY) SQLite's sorter
 * allocates every key on its own and sorts them all at once, on one thread.
 * Allowed temporary files (a bulk write allows them, see stw_ws_bulk_mode),
 * it packs the keys in one buffer and sorts runs the size of the page
 * cache on a second thread (threads=2) while it reads on, merging at the
 * end: with 16 MiB runs the two proposal indexes of a 1M-row import took
 * 2.3 s instead of 3.2 s.
 */
#define SORT_CACHE_KIB "16384"

stw_err
stw_ws_restore_indexes(stw_ws *ws, stw_index_set *set, stw_error *err)
{
	if (set->n == 0)
		return STW_OK;
	stw_err e = stw_ws_exec(ws, ws->temp_files ? "PRAGMA threads=2;"
	                                             " PRAGMA cache_size=-" SORT_CACHE_KIB
	                                           : "PRAGMA threads=2", "rebuilding an index", err);
	for (size_t i = 0; i < set->n && e == STW_OK; i++)
		e = stw_ws_exec(ws, set->sql[i], "rebuilding an index", err);
	char undo[64];
	snprintf(undo, sizeof undo, "PRAGMA threads=0; PRAGMA cache_size=-%s",
	         ws->big_cache ? BULK_CACHE_KIB : CACHE_KIB);
	stw_err e2 = stw_ws_exec(ws, undo, "rebuilding an index", e == STW_OK ? err : NULL);
	stw_ws_index_set_free(set);
	return e != STW_OK ? e : e2;
}

void
stw_ws_index_set_free(stw_index_set *set)
{
	for (size_t i = 0; i < set->n; i++) {
		free(set->name[i]);
		free(set->sql[i]);
	}
	free(set->name);
	free(set->sql);
	set->name = set->sql = NULL;
	set->n = 0;
}

stw_err
stw_ws_meta_set(stw_ws *ws, const char *key, const char *value, stw_error *err)
{
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, "INSERT INTO meta(key, value) VALUES(?, ?) "
	                               "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
	                           &st, err);
	if (e != STW_OK)
		return e;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return stw_ws_dberr(ws, rc, "writing settings", err);
	return STW_OK;
}

int64_t
stw_ws_query_int(stw_ws *ws, const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(ws->db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	int64_t n = -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

int64_t
stw_ws_count_records(stw_ws *ws)
{
	return stw_ws_query_int(ws, "SELECT count(*) FROM record");
}

int64_t
stw_ws_count_quarantine(stw_ws *ws)
{
	return stw_ws_query_int(ws, "SELECT count(*) FROM quarantine");
}

int64_t
stw_ws_count_sources(stw_ws *ws)
{
	return stw_ws_query_int(ws, "SELECT count(*) FROM source");
}
