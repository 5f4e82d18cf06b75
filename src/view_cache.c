/*
 * Counts that no index gives cheaply, kept in the meta table.
 *
 * SQLite counts by stepping through rows: on a million records the active
 * records, the records with findings and the open proposals take half a
 * second, and the rule groups of the Incomplete pane (distinct records per
 * rule over half a million findings and nearly three million proposals)
 * over a second. Those numbers change only when records, findings or
 * proposals do, so they are stored under a key that names that state:
 *
 *   the audit trail's head   every decision, edit, fix, purge and undo
 *   the newest record id     imports
 *   the newest finding and proposal ids, the rule set's SHA-256
 *                            validation and standardization runs
 *
 * each read in O(log n); the cluster counts by status add the newest
 * cluster id and the number of clusters (a new match). A stored entry whose
 * key differs is recomputed and replaced; a workspace opened read-only just
 * recomputes. The key is read before counting, so counts taken while
 * another steward writes are stored under a key that no longer matches and
 * are never read back. A decision made through the console does not make
 * them count again: view_track.c brings the entries forward to the new key
 * by the difference the decision made.
 */
#include "view.h"
#include "view_int.h"
#include "util.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *
stw_view_cache_key(stw_ws *ws)
{
	int64_t rec = stw_ws_query_int(ws, "SELECT coalesce(max(id), 0) FROM rec");
	int64_t fin = stw_ws_query_int(ws, "SELECT coalesce(max(id), 0) FROM finding");
	int64_t pro = stw_ws_query_int(ws, "SELECT coalesce(max(id), 0) FROM proposal");
	if (rec < 0 || fin < 0 || pro < 0)
		return NULL;
	char *head = stw_ws_meta_get(ws, "audit_head");
	char *sha = stw_ws_meta_get(ws, "rules_sha256");
	char *key = stw_xasprintf("v1 %s %" PRId64 " %" PRId64 " %" PRId64 " %s",
	                          head && *head ? head : "-", rec, fin, pro,
	                          sha && *sha ? sha : "-");
	free(head);
	free(sha);
	return key;
}

char *
stw_view_cluster_key(stw_ws *ws)
{
	char *base = stw_view_cache_key(ws);
	int64_t last = stw_ws_query_int(ws, "SELECT coalesce(max(id), 0) FROM cluster");
	int64_t all = stw_ws_query_int(ws, "SELECT count(*) FROM cluster");
	char *key = base && last >= 0 && all >= 0
		? stw_xasprintf("%s %" PRId64 " %" PRId64, base, last, all) : NULL;
	free(base);
	return key;
}

char *
stw_view_cache_get(stw_ws *ws, const char *name, const char *key)
{
	if (!key)
		return NULL;
	char *v = stw_ws_meta_get(ws, name);
	size_t n = strlen(key);
	if (v && strncmp(v, key, n) == 0 && v[n] == '\n') {
		memmove(v, v + n + 1, strlen(v + n + 1) + 1);
		return v;
	}
	free(v);
	return NULL;
}

void
stw_view_cache_put(stw_ws *ws, const char *name, const char *key, const char *body)
{
	if (!key)
		return;
	char *v = stw_xasprintf("%s\n%s", key, body);
	stw_error ignored; /* read-only or busy: the counts are right all the same */
	(void)stw_ws_meta_set(ws, name, v, &ignored);
	free(v);
}
