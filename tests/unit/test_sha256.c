#include <criterion/criterion.h>
#include <string.h>

#include "sha256.h"

/* FIPS 180-4 example vectors and the usual extra ones, by both the
 * processor's SHA instructions (where there are some) and the portable code. */
static void
known_vectors(void)
{
	struct { const char *in, *hex; } v[] = {
		{"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
		{"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
		{"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		 "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
		{"The quick brown fox jumps over the lazy dog",
		 "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"},
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		char hex[65];
		stw_sha256_hex(v[i].in, strlen(v[i].in), hex);
		cr_assert_str_eq(hex, v[i].hex, "vector %zu", i);
	}
}

Test(sha256, known_vectors)
{
	known_vectors();
	stw_sha256_portable(true);
	known_vectors();
	stw_sha256_portable(false);
}

/* Every length from 0 to 300 bytes of varied data, fed whole and in
 * pieces: the two implementations agree. */
Test(sha256, instructions_agree_with_portable_code)
{
	unsigned char data[300];
	uint32_t x = 2463534242u;
	for (size_t i = 0; i < sizeof data; i++) {
		x ^= x << 13, x ^= x >> 17, x ^= x << 5;
		data[i] = (unsigned char)x;
	}
	for (size_t n = 0; n <= sizeof data; n++) {
		char fast[65], slow[65], pieces[65];
		stw_sha256_portable(false);
		stw_sha256_hex(data, n, fast);
		stw_sha256 c;
		stw_sha256_init(&c);
		for (size_t at = 0; at < n; at += 7)
			stw_sha256_update(&c, data + at, n - at < 7 ? n - at : 7);
		stw_sha256_final_hex(&c, pieces);
		stw_sha256_portable(true);
		stw_sha256_hex(data, n, slow);
		stw_sha256_portable(false);
		cr_assert_str_eq(fast, slow, "%zu bytes", n);
		cr_assert_str_eq(pieces, slow, "%zu bytes in pieces", n);
	}
}

Test(sha256, million_a_streamed_in_odd_chunks)
{
	stw_sha256 c;
	stw_sha256_init(&c);
	char block[997];
	memset(block, 'a', sizeof block);
	size_t left = 1000000;
	while (left) {
		size_t n = left < sizeof block ? left : sizeof block;
		stw_sha256_update(&c, block, n);
		left -= n;
	}
	char hex[65];
	stw_sha256_final_hex(&c, hex);
	cr_assert_str_eq(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
