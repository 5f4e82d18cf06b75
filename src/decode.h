/*
 * Character decoding of source files into UTF-8.
 *
 * A file that is valid UTF-8 stays as it is. Otherwise it is read as
 * Windows-1252 (what Excel and Salesforce's Data Loader write on Windows),
 * unless the user names another encoding, which is then decoded with iconv.
 * Decoding works a physical line at a time so that a byte that cannot be
 * decoded sends only its own row to quarantine.
 */
#ifndef STW_DECODE_H
#define STW_DECODE_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "util.h"

typedef struct stw_decoder stw_decoder;

/*
 * Opens a decoder for encoding ("utf-8", "windows-1252" and its aliases
 * "cp1252"/"latin1"-compatible names, or any name iconv knows). On success
 * *out is owned by the caller (stw_decoder_free).
 */
stw_err stw_decoder_open(stw_decoder **out, const char *encoding, stw_error *err);
void    stw_decoder_free(stw_decoder *d);

/* The canonical name of the decoder's encoding ("utf-8", "windows-1252", ...). */
const char *stw_decoder_name(const stw_decoder *d);

/* True when the decoder passes bytes through (UTF-8). */
bool stw_decoder_is_utf8(const stw_decoder *d);

/*
 * Decodes n bytes and appends the UTF-8 text to out. Returns 0, or -1 when a
 * byte cannot be decoded; *bad is then its offset in `in` (out is left with
 * whatever was appended before it).
 */
int stw_decoder_run(stw_decoder *d, const char *in, size_t n, stw_buf *out, size_t *bad);

/* Decodes one Windows-1252 byte to a code point; 0 for the five undefined bytes. */
unsigned stw_cp1252_to_unicode(unsigned char b);

/* Canonical name for an encoding label, or NULL when it is unknown. */
const char *stw_encoding_canonical(const char *label);

#endif
