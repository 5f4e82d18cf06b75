/*
 * Files from rules/ compiled into the binary (default rules, import profiles,
 * the nickname table). The table is generated at build time by embed_gen.
 */
#ifndef STW_EMBEDDED_H
#define STW_EMBEDDED_H

#include <stddef.h>

typedef struct {
	const char *name; /* path relative to rules/, e.g. "profiles/salesforce-contact.yaml" */
	const char *data; /* contents, NUL-terminated */
	size_t      len;  /* length without the terminating NUL */
} stw_embedded;

/* Terminated by an entry whose name is NULL. */
extern const stw_embedded stw_embedded_files[];

/* Returns the embedded file called name, or NULL. Borrowed, static storage. */
const stw_embedded *stw_embedded_get(const char *name);

#endif
