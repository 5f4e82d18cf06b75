/*
 * SHA-256 as specified in FIPS 180-4, section 6.2. On x86-64 processors
 * with the SHA extensions the blocks are compressed by those instructions
 * (about ten times faster: the import hashes every file it reads); the
 * portable code does it everywhere else.
 */
#include "sha256.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>

#if defined(__x86_64__) && defined(__GNUC__)
#define HAVE_SHA_NI 1
#include <cpuid.h>
#include <immintrin.h>
#endif

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void
compress_portable(uint32_t h[8], const unsigned char *p)
{
	uint32_t w[64];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
	for (int i = 16; i < 64; i++) {
		uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
	uint32_t e = h[4], f = h[5], g = h[6], k = h[7];
	for (int i = 0; i < 64; i++) {
		uint32_t S1 = ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25);
		uint32_t ch = (e & f) ^ (~e & g);
		uint32_t t1 = k + S1 + ch + K[i] + w[i];
		uint32_t S0 = ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22);
		uint32_t mj = (a & b) ^ (a & c) ^ (b & c);
		uint32_t t2 = S0 + mj;
		k = g;
		g = f;
		f = e;
		e = d + t1;
		d = c;
		c = b;
		b = a;
		a = t1 + t2;
	}
	h[0] += a; h[1] += b; h[2] += c; h[3] += d;
	h[4] += e; h[5] += f; h[6] += g; h[7] += k;
}

#ifdef HAVE_SHA_NI
/*
 * The SHA extensions keep the state as two vectors, ABEF and CDGH (A in
 * the highest lane), and do two rounds per sha256rnds2 with the two
 * message words plus constants in the low lanes of its third operand;
 * sha256msg1 and sha256msg2 compute the message schedule four words at a
 * time (the sigma0 and sigma1 parts of W[t]).
 */
__attribute__((target("sha,sse4.1,ssse3"))) static void
compress_ni(uint32_t h[8], const unsigned char *p)
{
	const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
	__m128i dcba = _mm_loadu_si128((const __m128i *)&h[0]); /* lanes a b c d */
	__m128i hgfe = _mm_loadu_si128((const __m128i *)&h[4]); /* lanes e f g h */
	__m128i badc = _mm_shuffle_epi32(dcba, 0xB1);           /* lanes b a d c */
	__m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);           /* lanes h g f e */
	__m128i abef = _mm_alignr_epi8(badc, efgh, 8);          /* lanes f e b a */
	__m128i cdgh = _mm_blend_epi16(efgh, badc, 0xF0);       /* lanes h g d c */
	const __m128i abef0 = abef, cdgh0 = cdgh;

	__m128i w[4]; /* W[4g .. 4g+3] for the last four groups g */
	for (int g = 0; g < 16; g++) {
		__m128i *m = &w[g & 3];
		if (g < 4)
			*m = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * g)), bswap);
		else {
			/* W[t-16] + s0(W[t-15]) + W[t-7], then + s1(W[t-2]) */
			__m128i t = _mm_sha256msg1_epu32(w[g & 3], w[(g + 1) & 3]);
			t = _mm_add_epi32(t, _mm_alignr_epi8(w[(g + 3) & 3], w[(g + 2) & 3], 4));
			*m = _mm_sha256msg2_epu32(t, w[(g + 3) & 3]);
		}
		__m128i wk = _mm_add_epi32(*m, _mm_loadu_si128((const __m128i *)&K[4 * g]));
		/* Two rounds make the old ABEF the new CDGH: after four the names
		 * are right again. */
		cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
		abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0E));
	}
	abef = _mm_add_epi32(abef, abef0);
	cdgh = _mm_add_epi32(cdgh, cdgh0);
	__m128i feba = _mm_shuffle_epi32(abef, 0x1B);           /* lanes a b e f */
	__m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);           /* lanes g h c d */
	_mm_storeu_si128((__m128i *)&h[0], _mm_blend_epi16(feba, dchg, 0xF0));
	_mm_storeu_si128((__m128i *)&h[4], _mm_alignr_epi8(dchg, feba, 8));
}

static bool
cpu_has_sha(void)
{
	unsigned a, b, c, d;
	if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSSE3) || !(c & bit_SSE4_1))
		return false;
	return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_SHA);
}
#endif

/* -1: not decided yet; 0: portable; 1: SHA extensions. */
static atomic_int use_ni = -1;

void
stw_sha256_portable(bool on)
{
#ifdef HAVE_SHA_NI
	atomic_store(&use_ni, on ? 0 : cpu_has_sha());
#else
	(void)on;
#endif
}

static void
compress(uint32_t h[8], const unsigned char *p)
{
#ifdef HAVE_SHA_NI
	int ni = atomic_load_explicit(&use_ni, memory_order_relaxed);
	if (ni < 0) {
		ni = cpu_has_sha();
		atomic_store(&use_ni, ni);
	}
	if (ni) {
		compress_ni(h, p);
		return;
	}
#endif
	compress_portable(h, p);
}

void
stw_sha256_init(stw_sha256 *c)
{
	static const uint32_t iv[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	};
	memcpy(c->h, iv, sizeof iv);
	c->nbytes = 0;
	c->fill = 0;
}

void
stw_sha256_update(stw_sha256 *c, const void *data, size_t n)
{
	const unsigned char *p = data;
	c->nbytes += n;
	if (c->fill) {
		size_t take = 64 - c->fill < n ? 64 - c->fill : n;
		memcpy(c->block + c->fill, p, take);
		c->fill += take;
		p += take;
		n -= take;
		if (c->fill < 64)
			return;
		compress(c->h, c->block);
		c->fill = 0;
	}
	while (n >= 64) {
		compress(c->h, p);
		p += 64;
		n -= 64;
	}
	memcpy(c->block, p, n);
	c->fill = n;
}

void
stw_sha256_final_hex(stw_sha256 *c, char hex[65])
{
	uint64_t bits = c->nbytes * 8;
	unsigned char pad = 0x80;
	stw_sha256_update(c, &pad, 1);
	unsigned char zero = 0;
	while (c->fill != 56)
		stw_sha256_update(c, &zero, 1);
	unsigned char len[8];
	for (int i = 0; i < 8; i++)
		len[i] = (unsigned char)(bits >> (56 - 8 * i));
	stw_sha256_update(c, len, 8);
	static const char digits[] = "0123456789abcdef";
	for (int i = 0; i < 8; i++)
		for (int j = 0; j < 4; j++) {
			unsigned v = (c->h[i] >> (24 - 8 * j)) & 0xFF;
			hex[8 * i + 2 * j] = digits[v >> 4];
			hex[8 * i + 2 * j + 1] = digits[v & 15];
		}
	hex[64] = '\0';
}

void
stw_sha256_hex(const void *data, size_t n, char hex[65])
{
	stw_sha256 c;
	stw_sha256_init(&c);
	stw_sha256_update(&c, data, n);
	stw_sha256_final_hex(&c, hex);
}
