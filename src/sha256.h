/*
 * SHA-256 (FIPS 180-4), streaming. Used for source file fingerprints and the
 * audit trail's hash chain.
 */
#ifndef STW_SHA256_H
#define STW_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
	uint32_t h[8];
	uint64_t nbytes;
	unsigned char block[64];
	size_t   fill;
} stw_sha256;

void stw_sha256_init(stw_sha256 *c);
void stw_sha256_update(stw_sha256 *c, const void *data, size_t n);
/* Writes the digest as 64 lowercase hex digits and a NUL into hex. */
void stw_sha256_final_hex(stw_sha256 *c, char hex[65]);
/*
 * With on, the portable code is used even where the processor's SHA
 * instructions are available (for tests comparing the two); off goes back
 * to the fastest available.
 */
void stw_sha256_portable(bool on);
/* One-shot helper. */
void stw_sha256_hex(const void *data, size_t n, char hex[65]);

#endif
