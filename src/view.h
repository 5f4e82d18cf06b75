/*
 * Paged, read-only queries over a workspace, for the console and for the
 * command-line listings.
 *
 * Every listing takes an offset and a limit and reads only that page through
 * an index (see the indexes at the end of the 1 -> 2 migration in ws.c), so
 * that a screen costs the same on a workspace of a thousand records or of a
 * million. Nothing here changes the workspace: decisions go through the
 * decision module, fixes through standardization.
 *
 * Rows are returned in arrays the caller owns and releases with the matching
 * _free function; strings inside them belong to the array.
 */
#ifndef STW_VIEW_H
#define STW_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "ws.h"

/* ---- Header counts ---- */

typedef struct {
	int64_t records;    /* active records */
	int64_t clusters;   /* all clusters */
	int64_t open;       /* clusters still open */
	int64_t decided;    /* accepted, rejected or split */
	int64_t deferred;
	int64_t incomplete; /* active records with at least one finding */
	int64_t findings;
	int64_t proposals;  /* open proposals */
	int64_t audit;      /* audit entries */
} stw_view_counts;

/* Fills c. On a database error returns STW_EDB and c holds what was read. */
stw_err stw_view_counts_get(stw_ws *ws, stw_view_counts *c, stw_error *err);

/* ---- Keeping the counts through a decision (view_track.c) ---- */

typedef struct stw_view_track stw_view_track;

/*
 * Call just before one decision made on this connection (accept, reject,
 * split, defer, edit, fix, purge, undo...), and stw_view_track_end() just
 * after it, whether it succeeded or not. The header counts, the rule
 * groups and the cluster counts kept in the meta table (see
 * stw_view_rule_list) are then brought forward by what the records and
 * clusters the decision touched add or take away, instead of being counted
 * again (a second on a million records). Meant for decisions that touch a
 * few records; a bulk change (a whole rule's fixes, an import, a match) is
 * better counted afresh, so call nothing around it.
 *
 * Returns NULL when nothing kept is current (the next read counts anyway)
 * or the temporary tables cannot be made; that is no error.
 */
stw_view_track *stw_view_track_begin(stw_ws *ws);
/*
 * Stores the kept entries brought forward, under the workspace's new key,
 * and releases t (NULL is fine). Returns how many entries it stored (0..3):
 * none when another connection committed meanwhile or anything does not
 * add up, and then the next read counts afresh.
 */
int stw_view_track_end(stw_ws *ws, stw_view_track *t);

/* ---- Cluster queue ---- */

typedef enum {
	STW_VIEW_ALL,      /* every cluster */
	STW_VIEW_OPEN,     /* open ones (the default queue) */
	STW_VIEW_DEFERRED,
	STW_VIEW_FLAGGED,  /* open and held by weak chains */
	STW_VIEW_DECIDED,  /* accepted or rejected */
} stw_view_filter;

typedef enum {
	STW_VIEW_BY_SCORE, /* highest match probability first */
	STW_VIEW_BY_SIZE,  /* largest first */
	STW_VIEW_BY_ID,
} stw_view_sort;

typedef struct {
	int64_t id;
	int     size;
	double  score;      /* the cluster's best pair probability, 0..1 */
	double  min_score;
	bool    flagged;
	char    status[16];
	char   *name;       /* a display name of its first member (owned by the page) */
} stw_view_cluster;

typedef struct {
	size_t            n;
	stw_view_cluster *rows;
} stw_view_clusters;

/* The name of a filter or sort for the screen ("open", "score"). Static. */
const char *stw_view_filter_name(stw_view_filter f);
const char *stw_view_sort_name(stw_view_sort s);

/*
 * Reads at most limit clusters matching f in order s, skipping offset.
 * total is the number of clusters matching f when the caller knows it (else
 * -1): a page in the second half is then read from the end backwards, so
 * that the last page costs what the first does. On success *out is filled
 * (release with stw_view_clusters_free).
 */
stw_err stw_view_cluster_page(stw_ws *ws, stw_view_filter f, stw_view_sort s, int64_t offset,
                              int limit, int64_t total, stw_view_clusters *out, stw_error *err);
/* Number of clusters matching f, or -1 on a database error. */
int64_t stw_view_cluster_count(stw_ws *ws, stw_view_filter f);
/* Position of cluster id in the queue (f, s), or -1 when it is not in it. */
int64_t stw_view_cluster_position(stw_ws *ws, stw_view_filter f, stw_view_sort s, int64_t id);
void    stw_view_clusters_free(stw_view_clusters *c);

/* ---- Cluster detail ---- */

typedef struct {
	int64_t  a, b;      /* record ids, a < b */
	double   weight;    /* total log2 likelihood ratio */
	double   prob;
	char    *levels;    /* "email=exact first_name=nickname ..." (owned) */
} stw_view_pair;

typedef struct {
	int64_t   id;
	char      status[16];
	char      entity[16]; /* contact or company */
	bool      flagged;
	double    score;
	size_t    nrec;
	int64_t  *rec;       /* member record ids, ascending */
	char    **source;    /* "contacts.csv:12" per member */
	size_t    nfield;
	const char **field;  /* fields non-empty in some member (static names) */
	char    **value;     /* value[f * nrec + r], NULL when empty */
	bool     *differs;   /* per field: two members hold different non-empty values */
	size_t    npair;
	stw_view_pair *pair; /* the stored pairs between members, best first */
} stw_view_cluster_detail;

/*
 * Reads cluster id with its members' current values. STW_ENOENT when there
 * is no such cluster. On success *out is owned (stw_view_cluster_detail_free).
 */
stw_err stw_view_cluster_get(stw_ws *ws, int64_t id, stw_view_cluster_detail **out,
                             stw_error *err);
void    stw_view_cluster_detail_free(stw_view_cluster_detail *d);

/* The stored pair of a and b in d, or NULL. */
const stw_view_pair *stw_view_cluster_pair(const stw_view_cluster_detail *d, int64_t a,
                                           int64_t b);

/* ---- Findings, grouped by rule ---- */

typedef struct {
	char   *rule;      /* owned by the list */
	bool    proposal;  /* a standardization rule (its open proposals), else a validation rule */
	int64_t records;   /* records with a finding, or with an open proposal, of this rule */
	int64_t rows;      /* its findings, or its open proposals: stw_view_finding_count() */
} stw_view_rule;

typedef struct {
	size_t         n;
	stw_view_rule *rows;
} stw_view_rules;

/*
 * Counts here read the finding and proposal indexes only: they rely on
 * validation dropping the findings and open proposals of records that are
 * no longer active (the pages themselves show active records only).
 *
 * Every validation rule with findings, then every standardization rule with
 * open proposals, each group with the most records first. On a million
 * records these counts take a second, so the list is kept in the meta table
 * until records, findings or proposals change (see view_cache.c), and
 * brought forward through a decision between stw_view_track_begin() and
 * stw_view_track_end(): the workspace's meta table (and this connection's
 * temporary tables) are the one thing the view queries write.
 */
stw_err stw_view_rule_list(stw_ws *ws, stw_view_rules *out, stw_error *err);
void    stw_view_rules_free(stw_view_rules *r);

typedef struct {
	int64_t finding;   /* finding id, 0 for a proposal without a finding */
	int64_t record;
	char   *field;     /* NULL for a whole-record finding */
	char   *severity;
	char   *message;
	char   *value;     /* the field's current value, NULL when empty */
	int64_t proposal;  /* open proposal for this record, field and rule, 0 if none */
	char   *proposed;  /* its proposed value */
	char   *name;      /* a display name of the record */
} stw_view_finding;

typedef struct {
	size_t            n;
	stw_view_finding *rows;
} stw_view_findings;

/*
 * A page of the rows of rule r, in record order: its findings, each with an
 * open proposal for the same record and field if there is one, or (for a
 * standardization rule) its open proposals.
 */
stw_err stw_view_finding_page(stw_ws *ws, const stw_view_rule *r, int64_t offset, int limit,
                              stw_view_findings *out, stw_error *err);
int64_t stw_view_finding_count(stw_ws *ws, const stw_view_rule *r);
void    stw_view_findings_free(stw_view_findings *f);

/* ---- Audit log ---- */

typedef struct {
	int64_t seq;
	char   *ts, *steward, *action, *subject, *before, *after, *reason; /* owned */
} stw_view_log_entry;

typedef struct {
	size_t              n;
	stw_view_log_entry *rows;
} stw_view_log;

/* Newest first; action and steward (NULL: any) filter exactly. */
stw_err stw_view_log_page(stw_ws *ws, const char *action, const char *steward, int64_t offset,
                          int limit, stw_view_log *out, stw_error *err);
int64_t stw_view_log_count(stw_ws *ws, const char *action, const char *steward);
void    stw_view_log_free(stw_view_log *l);

/*
 * The distinct values of column "action" or "steward" of the audit trail,
 * sorted, NULL-terminated (owned: free each and the array).
 */
char  **stw_view_log_distinct(stw_ws *ws, const char *column);

/* ---- Records ---- */

typedef struct {
	int64_t id;
	char   *name;     /* display name (owned) */
	char   *email, *phone, *company, *city; /* may be NULL (owned) */
	char    status[16];
	int64_t cluster;  /* a cluster holding it, 0 if none */
} stw_view_record;

typedef struct {
	size_t           n;
	stw_view_record *rows;
} stw_view_records;

/*
 * Records with any field containing text (case-insensitive, LIKE), in id
 * order, at most limit. A text of digits also finds the record with that id.
 */
stw_err stw_view_search(stw_ws *ws, const char *text, int limit, stw_view_records *out,
                        stw_error *err);
void    stw_view_records_free(stw_view_records *r);

/* One record: every non-empty field. */
typedef struct {
	int64_t      id;
	char         status[16];
	char         entity[16];
	int64_t      master;   /* merged into, 0 if not */
	int64_t      cluster;  /* 0 if none */
	char        *source;   /* "file.csv:LINE" */
	size_t       n;
	const char **field;    /* static names */
	char       **value;    /* owned */
} stw_view_record_detail;

stw_err stw_view_record_get(stw_ws *ws, int64_t id, stw_view_record_detail **out,
                            stw_error *err);
void    stw_view_record_detail_free(stw_view_record_detail *r);

/* True when a record (any status) with this id exists. */
bool    stw_view_record_exists(stw_ws *ws, int64_t id);
/* True when a cluster with this id exists. */
bool    stw_view_cluster_exists(stw_ws *ws, int64_t id);

#endif
