/*
 * The standardizer memo of check.c (see check_memo.h): a direct-mapped table
 * of MEMO_SLOTS results keyed by an FNV-1a hash of (type, country, value),
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

typedef struct {
	uint64_t       hash;    /* 0: empty slot */
	int            type;
	char          *value;   /* owned */
	char          *country; /* owned, NULL for none */
	stw_std_result res;     /* owned */
} memo_slot;

struct stw_check_memo {
	memo_slot *slots;                /* MEMO_SLOTS, allocated on first use */
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
		free(m->slots[i].value);
		free(m->slots[i].country);
		stw_std_result_free(&m->slots[i].res);
	}
	free(m->slots);
	free(m);
}

static uint64_t
fnv(uint64_t h, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		h ^= *p;
		h *= 0x100000001b3ull;
	}
	return h;
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
	h *= 0x100000001b3ull;
	if (country)
		h = fnv(h, country);
	h ^= 0xff; /* separates country from value */
	h *= 0x100000001b3ull;
	h = fnv(h, v);
	h |= 1; /* never 0, which marks an empty slot */
	if (!m->slots)
		m->slots = stw_xcalloc(MEMO_SLOTS, sizeof *m->slots);
	memo_slot *s = &m->slots[h & (MEMO_SLOTS - 1)];
	bool hit = s->hash == h && s->type == type && strcmp(s->value, v) == 0 &&
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
	memo_slot *s = &m->slots[hash & (MEMO_SLOTS - 1)];
	free(s->value);
	free(s->country);
	stw_std_result_free(&s->res);
	s->hash = hash;
	s->type = type;
	s->value = stw_xstrdup(v);
	s->country = country ? stw_xstrdup(country) : NULL;
	s->res = *res;
	memset(res, 0, sizeof *res);
	return &s->res;
}
