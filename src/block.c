/*
 * Blocking: the candidate pairs of an entity, never the full cross product.
 *
 * Each blocking key turns a record into zero or more key values (the parts'
 * values joined; a part with alternative fields gives one value per field
 * present; a record with an empty part has no value). For one key, the
 * (hash of value, record) items are radix-sorted so that records sharing a
 * value form a run; every run is a block, and every pair inside a block of at
 * most max_block records is a candidate. A larger block (a switchboard
 * number, a role address, "Smith" in one town) would cost time and memory
 * quadratic in its size for little evidence: it is skipped and reported.
 * Keys are processed in parallel, one key per thread at a time; the union of
 * their pairs is then sorted and deduplicated, so each pair appears once and
 * the result does not depend on the threads. Records that belong to a
 * cluster a steward decided on take no part.
 *
 * Values are compared by 64-bit hash (seeded per key): a collision could
 * only add a candidate, never lose one.
 */
#include "match_int.h"
#include "nickname.h"
#include "phonetic.h"
#include "util.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COMBOS 16
#define PART_MAX   128

void
mp_sort_u64(uint64_t *v, size_t n)
{
	if (n < 2)
		return;
	uint64_t *tmp = stw_xmalloc(n * sizeof *tmp);
	uint64_t *src = v, *dst = tmp;
	size_t *count = stw_xmalloc((65536 + 1) * sizeof *count);
	for (int shift = 0; shift < 64; shift += 16) {
		memset(count, 0, (65536 + 1) * sizeof *count);
		for (size_t i = 0; i < n; i++)
			count[((src[i] >> shift) & 0xFFFF) + 1]++;
		if (count[1] == n && shift) /* every digit 0: nothing to move */
			continue;
		for (size_t b = 0; b < 65536; b++)
			count[b + 1] += count[b];
		for (size_t i = 0; i < n; i++)
			dst[count[(src[i] >> shift) & 0xFFFF]++] = src[i];
		uint64_t *t = src;
		src = dst;
		dst = t;
	}
	free(count);
	if (src != v)
		memcpy(v, src, n * sizeof *v);
	free(tmp);
}

typedef struct {
	uint64_t h;
	uint32_t i;
} item;

static void
sort_items(item *v, size_t n)
{
	if (n < 2)
		return;
	item *tmp = stw_xmalloc(n * sizeof *tmp);
	item *src = v, *dst = tmp;
	size_t *count = stw_xmalloc((65536 + 1) * sizeof *count);
	for (int shift = 0; shift < 64; shift += 16) {
		memset(count, 0, (65536 + 1) * sizeof *count);
		for (size_t i = 0; i < n; i++)
			count[((src[i].h >> shift) & 0xFFFF) + 1]++;
		for (size_t b = 0; b < 65536; b++)
			count[b + 1] += count[b];
		for (size_t i = 0; i < n; i++)
			dst[count[(src[i].h >> shift) & 0xFFFF]++] = src[i];
		item *t = src;
		src = dst;
		dst = t;
	}
	free(count);
	if (src != v)
		memcpy(v, src, n * sizeof *v);
	free(tmp);
}

/* Copies at most n bytes of s (and a terminator) into out of PART_MAX bytes:
 * what snprintf("%.*s") does, without its cost in this loop over every
 * record and key. */
static void
put(char out[PART_MAX], const char *s, size_t n)
{
	size_t l = strnlen(s, n < PART_MAX - 1 ? n : PART_MAX - 1);
	memcpy(out, s, l);
	out[l] = '\0';
}

/* The value of one part for one field of record i into out; false if none. */
static bool
part_value(const mp_data *d, stw_key_fn fn, int slot, size_t i, char out[PART_MAX])
{
	const char *v = mp_val(d, slot, i);
	if (!*v)
		return false;
	const mp_slot *s = &d->slot[slot];
	switch (fn) {
	case STW_KF_VALUE:
		if (s->type == STW_VT_EMAIL && s->aux[i] >> 32)
			return false; /* a role address is shared by colleagues */
		put(out, v, SIZE_MAX);
		break;
	case STW_KF_METAPHONE: {
		if (s->type == STW_VT_NAME) {
			uint32_t p = (uint32_t)(s->aux[i] >> 32);
			for (int k = 0; k < 4; k++)
				out[k] = (char)((p >> (8 * (3 - k))) & 0xFF);
			out[4] = '\0';
		} else {
			stw_dmeta dm;
			stw_dmetaphone(v, 4, &dm);
			put(out, dm.primary, SIZE_MAX);
		}
		break;
	}
	case STW_KF_SOUNDEX: {
		char sx[5];
		if (!stw_soundex(v, sx))
			return false;
		put(out, sx, SIZE_MAX);
		break;
	}
	case STW_KF_INITIAL: {
		size_t l = 1;
		while (v[l] && ((unsigned char)v[l] & 0xC0) == 0x80)
			l++;
		put(out, v, l);
		break;
	}
	case STW_KF_FORMAL:
		put(out, stw_nick_canonical(v), SIZE_MAX);
		break;
	case STW_KF_LOCAL:
		if (s->type != STW_VT_EMAIL)
			put(out, v, SIZE_MAX);
		else if (s->aux[i] >> 32)
			return false; /* role address: a mailbox, not a person */
		else
			put(out, v, (size_t)(s->aux[i] & 0xFFFFFFFF));
		break;
	case STW_KF_DOMAIN: {
		const char *at = strchr(v, '@');
		put(out, at ? at + 1 : v, SIZE_MAX);
		break;
	}
	case STW_KF_YEAR:
		if (s->type == STW_VT_DATE && (int32_t)(uint32_t)s->aux[i] == MP_DATE_NONE)
			return false;
		put(out, v, 4);
		break;
	case STW_KF_FIRST_WORD:
		put(out, v, strcspn(v, " "));
		break;
	case STW_KF_PREFIX4:
		put(out, v, 4);
		break;
	}
	return out[0] != '\0';
}

/* All values of key k for record i; returns how many (at most MAX_COMBOS). */
static int
key_values(const mp_data *d, int k, size_t i, char out[MAX_COMBOS][PART_MAX * 2])
{
	const stw_block_key *key = &d->mr->keys[k];
	char vals[STW_MATCH_MAX_PARTS][STW_MATCH_MAX_ALT][PART_MAX];
	int nv[STW_MATCH_MAX_PARTS];
	for (int p = 0; p < key->nparts; p++) {
		nv[p] = 0;
		for (int f = 0; f < key->parts[p].nfields; f++) {
			if (!part_value(d, key->parts[p].fn, d->key_slot[k][p][f], i, vals[p][nv[p]]))
				continue;
			bool dup = false;
			for (int g = 0; g < nv[p] && !dup; g++)
				dup = !strcmp(vals[p][g], vals[p][nv[p]]);
			if (!dup)
				nv[p]++;
		}
		if (nv[p] == 0)
			return 0;
	}
	int n = 0, idx[STW_MATCH_MAX_PARTS] = {0};
	for (;;) {
		size_t len = 0;
		for (int p = 0; p < key->nparts; p++) {
			const char *v = vals[p][idx[p]];
			size_t l = strlen(v);
			if (p && len < PART_MAX * 2 - 1)
				out[n][len++] = '\x1f';
			if (l > PART_MAX * 2 - 1 - len)
				l = PART_MAX * 2 - 1 - len; /* cut, as before */
			memcpy(out[n] + len, v, l);
			len += l;
		}
		out[n][len] = '\0';
		if (++n == MAX_COMBOS)
			return n;
		int p = key->nparts - 1;
		while (p >= 0 && ++idx[p] == nv[p])
			idx[p--] = 0;
		if (p < 0)
			return n;
	}
}

void
mp_key_text(const mp_data *d, int k, size_t i, int alt, char *buf, size_t size)
{
	char out[MAX_COMBOS][PART_MAX * 2];
	int n = key_values(d, k, i, out);
	const char *src = alt < n ? out[alt] : "";
	size_t l = strlen(src);
	if (l >= size)
		l = size - 1;
	memcpy(buf, src, l);
	buf[l] = '\0';
	for (char *p = buf; *p; p++)
		if (*p == '\x1f')
			*p = ' ';
}

bool
mp_share_key(const mp_data *d, int k, size_t i, size_t j)
{
	char a[MAX_COMBOS][PART_MAX * 2], b[MAX_COMBOS][PART_MAX * 2];
	int na = key_values(d, k, i, a), nb = key_values(d, k, j, b);
	for (int x = 0; x < na; x++)
		for (int y = 0; y < nb; y++)
			if (!strcmp(a[x], b[y]))
				return true;
	return false;
}

/* ==== Per-key work, run on threads ==== */

typedef struct {
	const mp_data *d;
	int            k;
	uint64_t      *pairs;
	size_t         n, cap;
	mp_skipped    *skipped;
	size_t         nskipped, skipped_recs, skipped_cap;
} key_job;

static void
push_pair(key_job *j, uint32_t a, uint32_t b)
{
	if (a == b)
		return;
	if (j->n == j->cap) {
		j->cap = j->cap ? j->cap * 2 : 4096;
		j->pairs = stw_xrealloc(j->pairs, j->cap * sizeof *j->pairs);
	}
	j->pairs[j->n++] = a < b ? (uint64_t)a << 32 | b : (uint64_t)b << 32 | a;
}

static void
run_key(key_job *j)
{
	const mp_data *d = j->d;
	size_t cap = d->n + 16, n = 0;
	item *items = stw_xmalloc(cap * sizeof *items);
	char vals[MAX_COMBOS][PART_MAX * 2];
	for (size_t i = 0; i < d->n; i++) {
		if (d->locked[i])
			continue;
		int nv = key_values(d, j->k, i, vals);
		for (int v = 0; v < nv; v++) {
			if (n == cap) {
				cap *= 2;
				items = stw_xrealloc(items, cap * sizeof *items);
			}
			items[n].h = mp_hash(vals[v], (uint64_t)j->k + 1);
			items[n].i = (uint32_t)i;
			n++;
		}
	}
	sort_items(items, n);
	long max_block = d->mr->keys[j->k].max_block;
	for (size_t s = 0; s < n;) {
		size_t e = s + 1;
		while (e < n && items[e].h == items[s].h)
			e++;
		size_t size = e - s;
		if (size > (size_t)max_block) {
			if (j->nskipped == j->skipped_cap) {
				j->skipped_cap = j->skipped_cap ? j->skipped_cap * 2 : 16;
				j->skipped = stw_xrealloc(j->skipped, j->skipped_cap * sizeof *j->skipped);
			}
			mp_skipped *sk = &j->skipped[j->nskipped++];
			sk->key = j->k;
			sk->size = size;
			mp_key_text(d, j->k, items[s].i, 0, sk->value, sizeof sk->value);
			j->skipped_recs += size;
		} else {
			for (size_t a = s; a < e; a++)
				for (size_t b = a + 1; b < e; b++)
					push_pair(j, items[a].i, items[b].i);
		}
		s = e;
	}
	free(items);
}

typedef struct {
	key_job *jobs;
	int      njobs, next;
	pthread_mutex_t lock;
} key_queue;

static void *
key_worker(void *arg)
{
	key_queue *q = arg;
	for (;;) {
		pthread_mutex_lock(&q->lock);
		int k = q->next++;
		pthread_mutex_unlock(&q->lock);
		if (k >= q->njobs)
			return NULL;
		run_key(&q->jobs[k]);
	}
}

static int
cmp_skipped(const void *x, const void *y)
{
	const mp_skipped *a = x, *b = y;
	if (a->size != b->size)
		return a->size < b->size ? 1 : -1;
	if (a->key != b->key)
		return a->key - b->key;
	return strcmp(a->value, b->value);
}

void
mp_block(const mp_data *d, int threads, mp_cands *c)
{
	memset(c, 0, sizeof *c);
	int nk = d->mr->nkeys;
	key_queue q = {stw_xcalloc((size_t)nk, sizeof(key_job)), nk, 0, PTHREAD_MUTEX_INITIALIZER};
	for (int k = 0; k < nk; k++) {
		q.jobs[k].d = d;
		q.jobs[k].k = k;
	}
	if (threads < 1)
		threads = 1;
	pthread_t tid[8];
	int started = 0;
	for (int t = 1; t < threads && t < 8; t++)
		if (pthread_create(&tid[started], NULL, key_worker, &q) == 0)
			started++;
	key_worker(&q);
	for (int t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
	pthread_mutex_destroy(&q.lock);

	size_t total = 0, nsk = 0;
	for (int k = 0; k < nk; k++) {
		total += q.jobs[k].n;
		nsk += q.jobs[k].nskipped;
		c->per_key[k] = q.jobs[k].n;
	}
	c->pairs = stw_xmalloc((total ? total : 1) * sizeof *c->pairs);
	mp_skipped *all = stw_xmalloc((nsk ? nsk : 1) * sizeof *all);
	size_t at = 0, as = 0;
	for (int k = 0; k < nk; k++) {
		key_job *j = &q.jobs[k];
		if (j->n)
			memcpy(c->pairs + at, j->pairs, j->n * sizeof *j->pairs);
		at += j->n;
		if (j->nskipped)
			memcpy(all + as, j->skipped, j->nskipped * sizeof *all);
		as += j->nskipped;
		c->skipped_recs += j->skipped_recs;
		free(j->pairs);
		free(j->skipped);
	}
	free(q.jobs);
	mp_sort_u64(c->pairs, total);
	size_t u = 0;
	for (size_t i = 0; i < total; i++)
		if (u == 0 || c->pairs[u - 1] != c->pairs[i])
			c->pairs[u++] = c->pairs[i];
	c->n = u;
	c->nskipped = nsk;
	qsort(all, nsk, sizeof *all, cmp_skipped);
	c->nworst = nsk < STW_MATCH_MAX_SKIPPED ? nsk : STW_MATCH_MAX_SKIPPED;
	memcpy(c->worst, all, c->nworst * sizeof *all);
	free(all);
}

void
mp_cands_free(mp_cands *c)
{
	free(c->pairs);
	memset(c, 0, sizeof *c);
}
