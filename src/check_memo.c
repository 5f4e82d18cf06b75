/*
 * The standardizer memo of check.c (see check_memo.h): a direct-mapped table
 * of MEMO_SLOTS results keyed by a hash of (type, country, value),
 * and per-field hit counts that switch the memo off for fields whose values
 * do not repeat.
 */
#include "check_memo.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define MEMO_SLOTS  (1u << 14)
#define MEMO_FIELDS 64   /* fields with their own hit counts; later ones always memoize */
#define MEMO_TRIAL  4096 /* lookups of a field before its hit rate is judged */

/*
 * A slot keeps its key in keybuf when it fits (most values are short), so
 * that checking a hit reads the slot and not another allocation.
 */
#define MEMO_KEYBUF 40

typedef struct {
	int            type;
	bool           key_inline; /* value and country point into keybuf */
	char          *value;   /* in keybuf, else owned */
	char          *country; /* in keybuf, else owned; NULL for none */
	char           keybuf[MEMO_KEYBUF];
	stw_std_result res;     /* owned */
} memo_slot;

/* Frees what s owns of its key and forgets it. */
static void
slot_key_free(memo_slot *s)
{
	if (!s->key_inline) {
		free(s->value);
		free(s->country);
	}
	s->value = s->country = NULL;
	s->key_inline = false;
}

/* Stores the key (v, country) in s: in keybuf when both fit, else allocated. */
static void
slot_key_set(memo_slot *s, const char *v, const char *country)
{
	size_t nv = strlen(v) + 1, nc = country ? strlen(country) + 1 : 0;
	if (nv + nc <= MEMO_KEYBUF) {
		memcpy(s->keybuf, v, nv);
		s->value = s->keybuf;
		if (country) {
			memcpy(s->keybuf + nv, country, nc);
			s->country = s->keybuf + nv;
		}
		s->key_inline = true;
		return;
	}
	s->value = stw_xstrdup(v);
	s->country = country ? stw_xstrdup(country) : NULL;
}

/*
 * The hashes are kept apart from the slots: a lookup that misses then
 * reads one word of a table that stays in cache, not a slot of the larger
 * one, and most lookups of values that do not repeat miss.
 */
struct stw_check_memo {
	uint64_t  *hashes;               /* MEMO_SLOTS, 0 for an empty slot */
	memo_slot *slots;                /* MEMO_SLOTS; both allocated on first use */
	uint32_t   tries[MEMO_FIELDS];   /* lookups during the trial */
	uint32_t   hits[MEMO_FIELDS];
	bool       off[MEMO_FIELDS];     /* values do not repeat: bypass */
};

stw_check_memo *
stw_check_memo_new(void)
{
	return stw_xcalloc(1, sizeof(stw_check_memo));
}

void
stw_check_memo_free(stw_check_memo *m)
{
	if (!m)
		return;
	for (size_t i = 0; m->slots && i < MEMO_SLOTS; i++) {
		slot_key_free(&m->slots[i]);
		stw_std_result_free(&m->slots[i].res);
	}
	free(m->slots);
	free(m->hashes);
	free(m);
}

/*
 * Mixes the n bytes at s into h eight at a time: every field of every
 * record is hashed here, and a byte at a time cost more than the lookup.
 */
static uint64_t
mix(uint64_t h, const char *s, size_t n)
{
	const uint64_t k = 0x9e3779b97f4a7c15ull;
	for (; n >= 8; s += 8, n -= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = (h ^ w) * k;
		h ^= h >> 32;
	}
	uint64_t w = 0;
	if (n)
		memcpy(&w, s, n);
	h = (h ^ w ^ ((uint64_t)n << 56)) * k;
	return h ^ (h >> 29);
}

static bool
same_country(const char *a, const char *b)
{
	return a == NULL ? b == NULL : (b != NULL && strcmp(a, b) == 0);
}

const stw_std_result *
stw_check_memo_get(stw_check_memo *m, int field, int type, const char *country, const char *v,
                   uint64_t *hash)
{
	*hash = 0;
	bool counted = field >= 0 && field < MEMO_FIELDS;
	if (counted && m->off[field])
		return NULL;
	uint64_t h = 0xcbf29ce484222325ull ^ (uint64_t)(type + 1);
	if (country)
		h = mix(h, country, strlen(country));
	h = mix(h ^ 0xff, v, strlen(v)); /* 0xff separates country from value */
	h ^= h >> 31;
	h |= 1; /* never 0, which marks an empty slot */
	if (!m->slots) {
		m->hashes = stw_xcalloc(MEMO_SLOTS, sizeof *m->hashes);
		m->slots = stw_xcalloc(MEMO_SLOTS, sizeof *m->slots);
	}
	size_t i = h & (MEMO_SLOTS - 1);
	memo_slot *s = &m->slots[i];
	bool hit = m->hashes[i] == h && s->type == type && strcmp(s->value, v) == 0 &&
	           same_country(s->country, country);
	if (counted && m->tries[field] < MEMO_TRIAL) {
		m->tries[field]++;
		m->hits[field] += hit;
		/* Fewer than one lookup in eight repeating: the memo does not pay. */
		if (m->tries[field] == MEMO_TRIAL && m->hits[field] < MEMO_TRIAL / 8) {
			m->off[field] = true;
			return hit ? &s->res : NULL;
		}
	}
	if (hit)
		return &s->res;
	*hash = h;
	return NULL;
}

const stw_std_result *
stw_check_memo_put(stw_check_memo *m, uint64_t hash, int type, const char *country,
                   const char *v, stw_std_result *res)
{
	size_t i = hash & (MEMO_SLOTS - 1);
	memo_slot *s = &m->slots[i];
	slot_key_free(s);
	stw_std_result_free(&s->res);
	m->hashes[i] = hash;
	s->type = type;
	slot_key_set(s, v, country);
	s->res = *res;
	memset(res, 0, sizeof *res);
	return &s->res;
}
