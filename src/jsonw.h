/*
 * Writing JSON text into a stw_buf: strings escaped as RFC 8259 requires
 * (control characters as \uXXXX), for the audit trail's before and after
 * values and the export's JSON columns.
 */
#ifndef STW_JSONW_H
#define STW_JSONW_H

#include "util.h"

/* Appends s as a JSON string ("..."), or null when s is NULL. */
void stw_json_str(stw_buf *b, const char *s);

/* Appends "key": (with a leading comma unless first). */
void stw_json_key(stw_buf *b, const char *key, bool first);

#endif
