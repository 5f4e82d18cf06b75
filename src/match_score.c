/*
 * Scoring: comparison levels, the m and u probabilities of every level, and
 * Fellegi-Sunter weights.
 *
 * A comparison's level for a pair is the first of its levels that holds for
 * some value of one record against some value of the other (a comparison of
 * several fields, such as phone and mobile, takes the best combination), or
 * `else` when none holds; MP_MISSING when either record has no value, which
 * weighs nothing: a missing value is neutral.
 *
 * First, ur (the chance that two records picked at random agree at a level)
 * is counted on random pairs, drawn with a fixed seed so that runs repeat.
 * Then m (the chance that two records of one person agree at a level), u (the
 * same for two different records among the candidate pairs) and lambda (the
 * share of matches among the candidates) are estimated together by
 * expectation-maximisation over the candidates' level patterns, starting from
 * the rules' default m and from ur. u must be estimated among the candidates
 * during EM rather than held at ur: blocking only proposes records that
 * already agree on something, and a u that ignores this makes every
 * candidate look like a match. The estimates are smoothed towards their
 * starting values (a Dirichlet prior worth a few pairs); with too few
 * candidates the defaults and ur are used as they are.
 *
 * Scoring then uses m with ur, over the population of all pairs (as Splink
 * does): the weight of a level is log2(m/ur), and the prior is the log2 odds
 * that two records picked at random match, from lambda times the number of
 * candidates over the number of all pairs (blocking is assumed to find
 * nearly every match). Scoring with the candidates' u instead would make
 * disagreement on a blocked field (the postcode) look like evidence of a
 * match, and let namesakes through on their names alone. For comparisons
 * with `tf: true`, an exact agreement weighs log2(m/f) instead, f being the
 * share of the records holding that very value: agreeing on "Smith", or on a
 * switchboard number fifty colleagues share, is weak evidence; agreeing on
 * "Quisenberry" is strong (a value held by the pair alone counts as at most
 * as common as the average agreement, ur). The probability of a pair is
 * 1 / (1 + 2^-(prior + sum of weights)).
 */
#include "match_int.h"
#include "cmp.h"
#include "nickname.h"
#include "util.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define U_PRIOR_PAIRS 1000.0 /* weight of the default u in its estimate */
#define M_PRIOR_PAIRS 10.0   /* weight of the default m (and of ur) in the EM estimates */
#define SWAP_JW       0.9    /* crossed values may carry a typo each */

/* ==== Levels ==== */

static double jw_upper(const char *a, const char *b);

static bool
is_role(const mp_data *d, int slot, size_t i)
{
	return d->slot[slot].type == STW_VT_EMAIL && (d->slot[slot].aux[i] >> 32);
}

static bool
phonetic_match(uint64_t a, uint64_t b)
{
	uint32_t ap = (uint32_t)(a >> 32), aa = (uint32_t)a, bp = (uint32_t)(b >> 32), ba = (uint32_t)b;
	if (!ap || !bp)
		return false;
	return ap == bp || ap == ba || aa == bp || (aa && aa == ba);
}

static bool
swapped(const mp_data *d, int so, size_t i, size_t j, const char *va, const char *vb)
{
	if (so < 0)
		return false;
	const char *oa = mp_val(d, so, i), *ob = mp_val(d, so, j);
	return *oa && *ob && jw_upper(va, ob) >= SWAP_JW && stw_jaro_winkler(va, ob) >= SWAP_JW &&
	       jw_upper(vb, oa) >= SWAP_JW && stw_jaro_winkler(vb, oa) >= SWAP_JW;
}

/*
 * An upper bound of the Jaro-Winkler similarity of two ASCII strings from
 * their lengths and letter sets alone, to skip the full computation for
 * values that cannot reach a threshold (most pairs of different people).
 * Every distinct character of a that b lacks takes at least one position of
 * a that cannot be matched, so the matching characters m are at most
 * |a| - (a's characters missing from b), and likewise for b; Jaro is then at
 * most (m/|a| + m/|b| + 1) / 3, and Winkler's boost adds at most 0.4 of the
 * rest. Characters share bits of the set (ch & 63), which only loosens the
 * bound. Returns 1 (no bound) for strings with other characters.
 */
static double
jw_upper(const char *a, const char *b)
{
	uint64_t ma = 0, mb = 0;
	size_t la = 0, lb = 0;
	for (; a[la]; la++) {
		unsigned char ch = (unsigned char)a[la];
		if (ch >= 0x80)
			return 1;
		ma |= 1ULL << (ch & 63);
	}
	for (; b[lb]; lb++) {
		unsigned char ch = (unsigned char)b[lb];
		if (ch >= 0x80)
			return 1;
		mb |= 1ULL << (ch & 63);
	}
	size_t oa = (size_t)__builtin_popcountll(ma & ~mb);
	size_t ob = (size_t)__builtin_popcountll(mb & ~ma);
	double m = (double)(la - oa < lb - ob ? la - oa : lb - ob);
	if (m <= 0)
		return 0;
	double j = (m / (double)la + m / (double)lb + 1.0) / 3.0;
	return j + 0.4 * (1.0 - j);
}

/*
 * ASCII fast path of the edit distance. Standardized values are nearly all
 * ASCII; with equal ends stripped first, most pairs are settled before any
 * table is filled. It gives exactly what stw_osa() gives (same algorithm, on
 * bytes) and falls back to it for other text or values longer than it reads.
 * (Jaro-Winkler needs no such path: stw_jaro_winkler() decodes ASCII inline.)
 */

/* Length of s when it is ASCII and at most STW_CMP_MAX_CP long, else -1. */
static long
ascii_len(const char *s)
{
	size_t n = 0;
	for (; s[n]; n++)
		if ((unsigned char)s[n] >= 0x80 || n >= STW_CMP_MAX_CP)
			return -1;
	return (long)n;
}

/* Optimal string alignment distance, capped at max + 1. Equal ends are
 * stripped first: most pairs then differ in length by more than max, or
 * have nothing left. */
static size_t
fast_osa(const char *a, const char *b, size_t max)
{
	long sla = ascii_len(a), slb = ascii_len(b);
	if (sla < 0 || slb < 0 || max > 8)
		return stw_osa(a, b, max);
	size_t la = (size_t)sla, lb = (size_t)slb;
	while (la && lb && *a == *b) {
		a++, b++;
		la--, lb--;
	}
	while (la && lb && a[la - 1] == b[lb - 1])
		la--, lb--;
	if (la > lb) {
		const char *ts = a;
		a = b;
		b = ts;
		size_t tl = la;
		la = lb;
		lb = tl;
	}
	if (lb - la > max)
		return max + 1;
	if (la == 0)
		return lb;
	uint32_t rows[3][STW_CMP_MAX_CP + 1];
	uint32_t *r2 = rows[0], *r1 = rows[1], *r0 = rows[2];
	for (size_t k = 0; k <= lb; k++)
		r1[k] = (uint32_t)k;
	for (size_t i = 1; i <= la; i++) {
		r0[0] = (uint32_t)i;
		uint32_t rmin = r0[0];
		for (size_t k = 1; k <= lb; k++) {
			uint32_t v = r1[k - 1] + (a[i - 1] != b[k - 1]);
			if (r1[k] + 1 < v)
				v = r1[k] + 1;
			if (r0[k - 1] + 1 < v)
				v = r0[k - 1] + 1;
			if (i > 1 && k > 1 && a[i - 1] == b[k - 2] && a[i - 2] == b[k - 1] &&
			    r2[k - 2] + 1 < v)
				v = r2[k - 2] + 1;
			r0[k] = v;
			if (v < rmin)
				rmin = v;
		}
		if (rmin > max)
			return max + 1;
		uint32_t *tr = r2;
		r2 = r1;
		r1 = r0;
		r0 = tr;
	}
	return r1[lb] > max ? max + 1 : r1[lb];
}

/* The level of one value against another (both non-empty). */
static uint8_t
level_of(const mp_data *d, int c, int sa, int sb, size_t i, size_t j)
{
	const stw_match_cmp *cm = &d->mr->cmp[c];
	const char *va = mp_val(d, sa, i), *vb = mp_val(d, sb, j);
	double jw = -1, jwu = -1, ts = -1, jac = -1;
	/* A role address (info@, sales@) is a mailbox colleagues share, not a
	 * person: it can agree on its domain, nothing closer. */
	bool role = is_role(d, sa, i) || is_role(d, sb, j);
	for (int l = 0; l < cm->nlevels; l++) {
		const stw_match_level *lv = &cm->levels[l];
		bool ok = false;
		if (role && lv->kind != STW_LV_DOMAIN)
			continue;
		switch (lv->kind) {
		case STW_LV_EXACT:
			/* Records with one raw value share its standardized copy. */
			ok = va == vb || (va[0] == vb[0] && !strcmp(va, vb));
			break;
		case STW_LV_NICKNAME:
			ok = stw_nick_compatible(va, vb) == STW_NICK_SAME_FORMAL;
			break;
		case STW_LV_INITIAL:
			ok = (!va[1] || !vb[1]) && va[0] == vb[0];
			break;
		case STW_LV_PHONETIC:
			ok = phonetic_match(d->slot[sa].aux[i], d->slot[sb].aux[j]);
			break;
		case STW_LV_JW:
			if (jw < 0 && jwu < 0)
				jwu = jw_upper(va, vb);
			if (jw < 0 && jwu < lv->arg)
				break;
			if (jw < 0)
				jw = stw_jaro_winkler(va, vb);
			ok = jw >= lv->arg;
			break;
		case STW_LV_OSA:
			ok = fast_osa(va, vb, (size_t)lv->arg) <= (size_t)lv->arg;
			break;
		case STW_LV_LEV:
			ok = stw_levenshtein(va, vb, (size_t)lv->arg) <= (size_t)lv->arg;
			break;
		case STW_LV_TOKEN_SET:
			if (ts < 0)
				ts = stw_token_set(va, vb);
			ok = ts >= lv->arg;
			break;
		case STW_LV_JACCARD:
			if (jac < 0)
				jac = stw_token_jaccard(va, vb);
			ok = jac >= lv->arg;
			break;
		case STW_LV_LOCAL: {
			uint64_t xa = d->slot[sa].aux[i], xb = d->slot[sb].aux[j];
			ok = !(xa >> 32) && !(xb >> 32) && (uint32_t)xa == (uint32_t)xb &&
			     !memcmp(va, vb, (uint32_t)xa);
			break;
		}
		case STW_LV_DOMAIN: {
			const char *da = strchr(va, '@'), *db = strchr(vb, '@');
			ok = da && db && !strcmp(da, db);
			break;
		}
		case STW_LV_DAYS: {
			int32_t a = (int32_t)(uint32_t)d->slot[sa].aux[i];
			int32_t b = (int32_t)(uint32_t)d->slot[sb].aux[j];
			ok = a != MP_DATE_NONE && b != MP_DATE_NONE &&
			     fabs((double)a - (double)b) <= lv->arg;
			break;
		}
		case STW_LV_DMSWAP:
			ok = stw_date_swapped(va, vb);
			break;
		case STW_LV_SWAPPED:
			ok = swapped(d, d->swap_slot[c][l], i, j, va, vb);
			break;
		case STW_LV_SUFFIX: {
			size_t n = (size_t)lv->arg, la = strlen(va), lb = strlen(vb);
			ok = la >= n && lb >= n && !memcmp(va + la - n, vb + lb - n, n);
			break;
		}
		case STW_LV_PREFIX: {
			size_t n = (size_t)lv->arg;
			ok = strlen(va) >= n && strlen(vb) >= n && !memcmp(va, vb, n);
			break;
		}
		}
		if (ok)
			return (uint8_t)l;
	}
	return (uint8_t)cm->nlevels;
}

uint8_t
mp_level(const mp_data *d, int c, size_t i, size_t j, int *ai, int *bi)
{
	const stw_match_cmp *cm = &d->mr->cmp[c];
	uint8_t best = MP_MISSING;
	if (ai)
		*ai = -1;
	if (bi)
		*bi = -1;
	for (int fa = 0; fa < cm->nfields; fa++) {
		int sa = d->cmp_slot[c][fa];
		if (!d->slot[sa].off[i])
			continue;
		for (int fb = 0; fb < cm->nfields; fb++) {
			int sb = d->cmp_slot[c][fb];
			if (!d->slot[sb].off[j])
				continue;
			uint8_t lv = level_of(d, c, sa, sb, i, j);
			if (best == MP_MISSING || lv < best) {
				best = lv;
				if (ai)
					*ai = fa;
				if (bi)
					*bi = fb;
			}
			if (best == 0)
				return 0;
		}
	}
	return best;
}

typedef struct {
	const mp_data  *d;
	const uint64_t *pairs;
	size_t          from, to;
	uint8_t        *out;
} level_job;

static void *
level_worker(void *arg)
{
	level_job *job = arg;
	int nc = job->d->mr->ncmp;
	for (size_t p = job->from; p < job->to; p++) {
		size_t i = (size_t)(job->pairs[p] >> 32), j = (size_t)(job->pairs[p] & 0xFFFFFFFF);
		for (int c = 0; c < nc; c++)
			job->out[p * (size_t)nc + (size_t)c] = mp_level(job->d, c, i, j, NULL, NULL);
	}
	return NULL;
}

void
mp_levels(const mp_data *d, const uint64_t *pairs, size_t n, uint8_t *out, int threads)
{
	if (threads < 1 || n < 1000)
		threads = 1;
	if (threads > 8)
		threads = 8;
	level_job jobs[8];
	pthread_t tid[8];
	bool started[8] = {false};
	for (int t = 0; t < threads; t++) {
		jobs[t] = (level_job){d, pairs, n * (size_t)t / (size_t)threads,
		                      n * (size_t)(t + 1) / (size_t)threads, out};
		if (t > 0)
			started[t] = pthread_create(&tid[t], NULL, level_worker, &jobs[t]) == 0;
	}
	level_worker(&jobs[0]);
	for (int t = 1; t < threads; t++) {
		if (started[t])
			pthread_join(tid[t], NULL);
		else
			level_worker(&jobs[t]); /* no thread: do it here */
	}
}

/* ==== Estimation ==== */

static uint64_t
splitmix(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void
estimate_u(const mp_data *d, int threads, mp_params *p)
{
	const stw_match_rules *mr = d->mr;
	size_t n = d->n;
	double all = (double)n * (double)(n - (n > 0)) / 2.0;
	size_t want = all <= (double)mr->u_sample ? (size_t)all : (size_t)mr->u_sample;
	uint64_t *pairs = stw_xmalloc((want ? want : 1) * sizeof *pairs);
	size_t k = 0;
	if (want == (size_t)all) {
		for (size_t i = 0; i < n; i++)
			for (size_t j = i + 1; j < n; j++)
				pairs[k++] = (uint64_t)i << 32 | j;
	} else {
		uint64_t seed = 0x5354574d41544348ULL; /* fixed: runs repeat */
		while (k < want) {
			size_t i = (size_t)(splitmix(&seed) % n), j = (size_t)(splitmix(&seed) % n);
			if (i != j)
				pairs[k++] = i < j ? (uint64_t)i << 32 | j : (uint64_t)j << 32 | i;
		}
	}
	int nc = mr->ncmp;
	uint8_t *lv = stw_xmalloc((k ? k : 1) * (size_t)nc);
	mp_levels(d, pairs, k, lv, threads);
	for (int c = 0; c < nc; c++) {
		double cnt[STW_MATCH_MAX_LEVELS + 1] = {0}, tot = 0;
		for (size_t q = 0; q < k; q++) {
			uint8_t l = lv[q * (size_t)nc + (size_t)c];
			if (l != MP_MISSING) {
				cnt[l]++;
				tot++;
			}
		}
		const stw_match_cmp *cm = &mr->cmp[c];
		for (int l = 0; l <= cm->nlevels; l++) {
			double u0 = l < cm->nlevels ? cm->levels[l].u0 : cm->u0_else;
			p->ur[c][l] = (cnt[l] + U_PRIOR_PAIRS * u0) / (tot + U_PRIOR_PAIRS);
			p->u[c][l] = p->ur[c][l];
		}
	}
	p->u_pairs = (double)k;
	free(lv);
	free(pairs);
}

typedef struct {
	uint8_t *keys;   /* npat * ncmp */
	double  *count;
	size_t   npat, cap;
	uint32_t *slots; /* hash index into patterns, 0 = free, else index + 1 */
	size_t   mask;
} patterns;

static void
pat_add(patterns *pt, const uint8_t *key, int nc)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (int c = 0; c < nc; c++)
		h = (h ^ key[c]) * 0x100000001b3ULL;
	size_t s = (size_t)(h ^ (h >> 29)) & pt->mask;
	while (pt->slots[s]) {
		uint32_t x = pt->slots[s] - 1;
		if (!memcmp(pt->keys + (size_t)x * (size_t)nc, key, (size_t)nc)) {
			pt->count[x]++;
			return;
		}
		s = (s + 1) & pt->mask;
	}
	if (pt->npat == pt->cap) {
		pt->cap = pt->cap ? pt->cap * 2 : 256;
		pt->keys = stw_xrealloc(pt->keys, pt->cap * (size_t)nc);
		pt->count = stw_xrealloc(pt->count, pt->cap * sizeof *pt->count);
	}
	memcpy(pt->keys + pt->npat * (size_t)nc, key, (size_t)nc);
	pt->count[pt->npat] = 1;
	pt->slots[s] = (uint32_t)++pt->npat;
	if (pt->npat * 2 > pt->mask) { /* grow the index */
		size_t size = (pt->mask + 1) * 2;
		free(pt->slots);
		pt->slots = stw_xcalloc(size, sizeof *pt->slots);
		pt->mask = size - 1;
		for (size_t x = 0; x < pt->npat; x++) {
			const uint8_t *k2 = pt->keys + x * (size_t)nc;
			uint64_t h2 = 0xcbf29ce484222325ULL;
			for (int c = 0; c < nc; c++)
				h2 = (h2 ^ k2[c]) * 0x100000001b3ULL;
			size_t s2 = (size_t)(h2 ^ (h2 >> 29)) & pt->mask;
			while (pt->slots[s2])
				s2 = (s2 + 1) & pt->mask;
			pt->slots[s2] = (uint32_t)x + 1;
		}
	}
}

static void
run_em(const mp_data *d, const uint8_t *levels, size_t npairs, mp_params *p)
{
	const stw_match_rules *mr = d->mr;
	int nc = mr->ncmp;
	patterns pt = {0};
	pt.mask = 1023;
	pt.slots = stw_xcalloc(pt.mask + 1, sizeof *pt.slots);
	for (size_t q = 0; q < npairs; q++)
		pat_add(&pt, levels + q * (size_t)nc, nc);
	double lambda = p->lambda;
	double acc[STW_MATCH_MAX_CMP][STW_MATCH_MAX_LEVELS + 1];
	double accu[STW_MATCH_MAX_CMP][STW_MATCH_MAX_LEVELS + 1];
	double lm[STW_MATCH_MAX_CMP][STW_MATCH_MAX_LEVELS + 1];
	double lu[STW_MATCH_MAX_CMP][STW_MATCH_MAX_LEVELS + 1];
	int it;
	for (it = 0; it < mr->em_iterations; it++) {
		for (int c = 0; c < nc; c++)
			for (int l = 0; l < p->nl[c]; l++) {
				lm[c][l] = log(p->m[c][l]);
				lu[c][l] = log(p->u[c][l]);
			}
		memset(acc, 0, sizeof acc);
		memset(accu, 0, sizeof accu);
		double sumg = 0, tot = 0;
		for (size_t x = 0; x < pt.npat; x++) {
			const uint8_t *k = pt.keys + x * (size_t)nc;
			double a = log(lambda), b = log(1 - lambda);
			for (int c = 0; c < nc; c++)
				if (k[c] != MP_MISSING) {
					a += lm[c][k[c]];
					b += lu[c][k[c]];
				}
			double g = b - a > 700 ? 0 : 1.0 / (1.0 + exp(b - a));
			double w = g * pt.count[x];
			sumg += w;
			tot += pt.count[x];
			for (int c = 0; c < nc; c++)
				if (k[c] != MP_MISSING) {
					acc[c][k[c]] += w;
					accu[c][k[c]] += pt.count[x] - w;
				}
		}
		double nl = sumg / tot, delta = fabs(nl - lambda);
		lambda = nl < 1e-6 ? 1e-6 : nl > 0.999 ? 0.999 : nl;
		for (int c = 0; c < nc; c++) {
			const stw_match_cmp *cm = &mr->cmp[c];
			double s = 0, su = 0;
			for (int l = 0; l < p->nl[c]; l++) {
				s += acc[c][l];
				su += accu[c][l];
			}
			for (int l = 0; l < p->nl[c]; l++) {
				double m0 = l < cm->nlevels ? cm->levels[l].m0 : cm->m0_else;
				double m = (acc[c][l] + M_PRIOR_PAIRS * m0) / (s + M_PRIOR_PAIRS);
				double u = (accu[c][l] + M_PRIOR_PAIRS * p->ur[c][l]) / (su + M_PRIOR_PAIRS);
				if (m < 1e-6)
					m = 1e-6;
				if (u < 1e-9)
					u = 1e-9;
				if (fabs(m - p->m[c][l]) > delta)
					delta = fabs(m - p->m[c][l]);
				if (fabs(u - p->u[c][l]) > delta)
					delta = fabs(u - p->u[c][l]);
				p->m[c][l] = m;
				p->u[c][l] = u;
			}
		}
		if (delta < 1e-5) {
			it++;
			break;
		}
	}
	p->lambda = lambda;
	p->em_iter = it;
	p->estimated = true;
	free(pt.keys);
	free(pt.count);
	free(pt.slots);
}

void
mp_estimate(const mp_data *d, const uint8_t *levels, size_t npairs, int threads, mp_params *p)
{
	const stw_match_rules *mr = d->mr;
	memset(p, 0, sizeof *p);
	p->ncmp = mr->ncmp;
	for (int c = 0; c < mr->ncmp; c++) {
		const stw_match_cmp *cm = &mr->cmp[c];
		p->nl[c] = cm->nlevels + 1;
		for (int l = 0; l < cm->nlevels; l++) {
			p->m[c][l] = cm->levels[l].m0;
			p->u[c][l] = p->ur[c][l] = cm->levels[l].u0;
		}
		p->m[c][cm->nlevels] = cm->m0_else;
		p->u[c][cm->nlevels] = p->ur[c][cm->nlevels] = cm->u0_else;
	}
	p->lambda = mr->em_lambda0;
	if (d->n >= 2)
		estimate_u(d, threads, p);
	if (mr->em_iterations > 0 && npairs >= (size_t)mr->em_min_pairs && npairs > 0) {
		mp_params start = *p;
		run_em(d, levels, npairs, p);
		/* EM can settle on the wrong two groups (colleagues at one office
		 * versus the rest, say). Matches agree more often than they
		 * disagree on every comparison: if the estimate says otherwise,
		 * it is not trusted and the defaults stay. */
		for (int c = 0; c < mr->ncmp; c++)
			if (p->m[c][0] <= p->m[c][p->nl[c] - 1]) {
				int it = p->em_iter;
				*p = start;
				p->em_iter = it;
				p->estimated = false;
				break;
			}
	}
	double all = (double)d->n * (double)(d->n > 0 ? d->n - 1 : 0) / 2.0;
	double matches = p->lambda * (double)npairs;
	if (matches < 1)
		matches = 1;
	double lr = all > matches ? matches / all : 0.5;
	if (lr > 0.5)
		lr = 0.5;
	p->prior = log2(lr / (1 - lr));
}

/* ==== Weights ==== */

double
mp_weight(const mp_data *d, const mp_params *p, int c, uint8_t lv, size_t i, size_t j, bool *tf)
{
	if (tf)
		*tf = false;
	if (lv == MP_MISSING)
		return 0;
	const stw_match_cmp *cm = &d->mr->cmp[c];
	double m = p->m[c][lv], u = p->ur[c][lv];
	if (lv == 0 && cm->tf && cm->nlevels > 0 && cm->levels[0].kind == STW_LV_EXACT &&
	    d->tf[c].total) {
		for (int fa = 0; fa < cm->nfields; fa++) {
			const char *va = mp_val(d, d->cmp_slot[c][fa], i);
			if (!*va)
				continue;
			for (int fb = 0; fb < cm->nfields; fb++) {
				const char *vb = mp_val(d, d->cmp_slot[c][fb], j);
				if (va != vb && (va[0] != vb[0] || strcmp(va, vb)))
					continue;
				uint32_t n = mp_tf_count(d, c, va);
				double f = (double)(n ? n : 1) / (double)d->tf[c].total;
				/* A value only this pair holds says little about its
				 * frequency in a small workspace (2 of 20 is not
				 * common): then it counts as at most average. */
				if (n <= 2 && f > p->ur[c][0])
					f = p->ur[c][0];
				if (tf)
					*tf = true;
				return log2(m / f);
			}
		}
	}
	return log2(m / u);
}

bool
mp_vetoes(const stw_match_rules *mr, const uint8_t *lv, int c)
{
	const stw_match_cmp *cm = &mr->cmp[c];
	if (!cm->veto || lv[c] != cm->nlevels)
		return false;
	for (int k = 0; k < cm->nunless; k++)
		if (lv[cm->unless[k]] == 0)
			return false;
	return true;
}

double
mp_score(const mp_data *d, const mp_params *p, const uint8_t *lv, size_t i, size_t j,
         bool *veto)
{
	double w = 0;
	*veto = false;
	for (int c = 0; c < d->mr->ncmp; c++) {
		w += mp_weight(d, p, c, lv[c], i, j, NULL);
		if (mp_vetoes(d->mr, lv, c))
			*veto = true;
	}
	return w;
}

double
mp_prob(const mp_params *p, double weight)
{
	double x = p->prior + weight;
	if (x > 60)
		return 1.0;
	return 1.0 / (1.0 + exp2(-x));
}

/* ==== Keeping the parameters for later explanations ==== */

char *
mp_params_dump(const mp_params *p, const char *rules_sha)
{
	stw_buf b = STW_BUF_INIT;
	stw_buf_printf(&b, "steward-match-params 2\nrules %s\n", rules_sha);
	stw_buf_printf(&b, "lambda %.17g\nprior %.17g\nem %d %d\nupairs %.17g\n", p->lambda,
	               p->prior, p->em_iter, p->estimated ? 1 : 0, p->u_pairs);
	for (int c = 0; c < p->ncmp; c++) {
		stw_buf_printf(&b, "cmp %d %d", c, p->nl[c]);
		for (int l = 0; l < p->nl[c]; l++)
			stw_buf_printf(&b, " %.17g %.17g %.17g", p->m[c][l], p->u[c][l], p->ur[c][l]);
		stw_buf_addc(&b, '\n');
	}
	stw_buf_adds(&b, "tf");
	for (int c = 0; c < p->ncmp; c++)
		stw_buf_printf(&b, " %llu", (unsigned long long)p->tf_total[c]);
	stw_buf_addc(&b, '\n');
	return stw_buf_take(&b);
}

bool
mp_params_parse(const char *text, const char *rules_sha, const mp_data *d, mp_params *p)
{
	memset(p, 0, sizeof *p);
	char sha[80];
	int est, off;
	if (sscanf(text, "steward-match-params 2\nrules %79s\nlambda %lf\nprior %lf\nem %d %d\n"
	                 "upairs %lf\n%n", sha, &p->lambda, &p->prior, &p->em_iter, &est,
	           &p->u_pairs, &off) != 6 || strcmp(sha, rules_sha))
		return false;
	p->estimated = est != 0;
	const char *s = text + off;
	p->ncmp = d->mr->ncmp;
	for (int c = 0; c < p->ncmp; c++) {
		int ci, nl, k;
		if (sscanf(s, "cmp %d %d%n", &ci, &nl, &k) != 2 || ci != c ||
		    nl != d->mr->cmp[c].nlevels + 1)
			return false;
		s += k;
		p->nl[c] = nl;
		for (int l = 0; l < nl; l++) {
			if (sscanf(s, " %lf %lf %lf%n", &p->m[c][l], &p->u[c][l], &p->ur[c][l], &k) != 3 ||
			    !(p->m[c][l] > 0) || !(p->u[c][l] > 0) || !(p->ur[c][l] > 0))
				return false;
			s += k;
		}
		while (*s == '\n')
			s++;
	}
	/* Parameters stored before the frequencies were kept have no tf line:
	 * explanations then count the frequencies themselves. */
	if (strncmp(s, "tf", 2) == 0) {
		s += 2;
		for (int c = 0; c < p->ncmp; c++) {
			unsigned long long t;
			int k;
			if (sscanf(s, " %llu%n", &t, &k) != 1)
				return true;
			p->tf_total[c] = t;
			s += k;
		}
		p->have_tf = true;
	}
	return true;
}
