/*
 * Shared by the view_*.c files only.
 */
#ifndef STW_VIEW_INT_H
#define STW_VIEW_INT_H

#include <sqlite3.h>
#include <stddef.h>

/* A display name for the rec row aliased r: full name, first + last, name, company, email. */
#define STW_VIEW_NAME_SQL                                                              \
	"coalesce(nullif(r.full_name,''),"                                             \
	" nullif(trim(coalesce(r.first_name,'') || ' ' || coalesce(r.last_name,'')),''),"  \
	" nullif(r.name,''), nullif(r.company,''), nullif(r.email,''), '#' || r.id)"

/* Column col of st as an owned string, NULL when NULL or empty. */
char *stw_view_dup(sqlite3_stmt *st, int col);

/* Copies s (NULL: "") into out of size n, truncated. */
void stw_view_copy(char *out, size_t n, const char *s);

#endif
