/*
 * Shared by the view_*.c files only.
 */
#ifndef STW_VIEW_INT_H
#define STW_VIEW_INT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "view.h"
#include "ws.h"

/* A display name for the rec row aliased r: full name, first + last, name, company, email. */
#define STW_VIEW_NAME_SQL                                                              \
	"coalesce(nullif(r.full_name,''),"                                             \
	" nullif(trim(coalesce(r.first_name,'') || ' ' || coalesce(r.last_name,'')),''),"  \
	" nullif(r.name,''), nullif(r.company,''), nullif(r.email,''), '#' || r.id)"

/* Column col of st as an owned string, NULL when NULL or empty. */
char *stw_view_dup(sqlite3_stmt *st, int col);

/* Copies s (NULL: "") into out of size n, truncated. */
void stw_view_copy(char *out, size_t n, const char *s);

/* ---- Counts kept in the meta table (view_cache.c) ---- */

/* The key of the current records, findings and proposals. Owned; NULL on a
 * database error. */
char *stw_view_cache_key(stw_ws *ws);
/* The text stored as name under key (owned), or NULL when there is none or
 * it was stored under another key. key may be NULL (then NULL). */
char *stw_view_cache_get(stw_ws *ws, const char *name, const char *key);
/* Stores body as name under key (nothing when key is NULL); failures are
 * ignored: a cache that cannot be written is only recomputed. */
void  stw_view_cache_put(stw_ws *ws, const char *name, const char *key, const char *body);
/* The key of the cluster counts: the key above, the newest cluster id and
 * the number of clusters (a new match). Owned; NULL on a database error. */
char *stw_view_cluster_key(stw_ws *ws);

/* The cluster counts kept as "console_clusters" under the cluster key. */
typedef struct {
	int64_t all, open, deferred, flagged;
} stw_view_cluster_counts;

/* Reads the kept cluster counts, or counts them (and keeps them). False on
 * a database error. */
bool stw_view_cluster_counts_get(stw_ws *ws, stw_view_cluster_counts *c);
/* The body kept for c. Owned. */
char *stw_view_cluster_counts_format(const stw_view_cluster_counts *c);
/* Parses a kept body; false when it is not one. */
bool stw_view_cluster_counts_parse(const char *text, stw_view_cluster_counts *c);

/* The rule groups kept as "console_rules": one "PROPOSAL RECORDS ROWS RULE"
 * line per group (view_list.c). parse returns false on a malformed text
 * (out then holds what was read: free it); format returns an owned text. */
bool  stw_view_rules_parse(const char *text, stw_view_rules *out);
char *stw_view_rules_format(const stw_view_rules *r);
/* Puts groups in the order stw_view_rule_list() reads them: validation
 * rules, then standardization rules, each by records (most first), then
 * name. */
void  stw_view_rules_sort(stw_view_rules *r);

/* The header counts kept as "console_counts": "RECORDS INCOMPLETE FINDINGS
 * PROPOSALS" (view_cluster.c). */
#define STW_VIEW_COUNTS_NAME "console_counts"
#define STW_VIEW_RULES_NAME "console_rules"
#define STW_VIEW_CLUSTERS_NAME "console_clusters"

#endif
