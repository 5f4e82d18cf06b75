/*
 * A record's columns as stored in the workspace: one JSON array of strings,
 * in the file's column order, so every imported row is kept whole (mapped or
 * not) and can also be read with SQLite's json functions.
 */
#ifndef STW_FIELDS_H
#define STW_FIELDS_H

#include <stddef.h>

#include "util.h"

/* Appends the JSON array of the n values (lens[i] bytes each) to out. */
void stw_fields_encode(stw_buf *out, const char *const *values, const size_t *lens, size_t n);

/* A decoded array: values point into one owned block. */
typedef struct {
	char  **v;   /* v[i] is NUL-terminated */
	size_t *len; /* byte length of v[i] */
	size_t  n;
	char   *block_; /* owned storage */
} stw_fields;

/*
 * Decodes a JSON array of strings. Returns 0 and fills f (release with
 * stw_fields_free), or -1 when the text is not such an array (f is then empty).
 */
int  stw_fields_decode(const char *json, size_t len, stw_fields *f);
void stw_fields_free(stw_fields *f);

#endif
