/*
 * Shared by the view_*.c files only.
 */
#ifndef STW_VIEW_INT_H
#define STW_VIEW_INT_H

#include <sqlite3.h>
#include <stddef.h>

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

#endif
