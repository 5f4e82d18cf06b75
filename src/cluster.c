/*
 * Clustering: the connected components of the kept pairs, and the check
 * for clusters held together only by weak chains.
 *
 * Components come from a union-find over record indexes (union by size,
 * path halving), so a cluster is every record reachable through pairs at or
 * above the review threshold. Transitivity is what makes a cluster
 * reviewable as one decision, and also its risk: A~B and B~C put A and C
 * together however little they resemble each other. So every cluster of
 * three or more records is checked by comparing each two of its members
 * directly; if any two score below the weak threshold (or are vetoed), the
 * cluster is flagged for the steward, who should split rather than accept it
 * blindly. Clusters larger than max_cluster are flagged without the check.
 *
 * Clusters are numbered by their smallest record and list their members in
 * ascending order, so the result depends only on the pairs.
 */
#include "match_int.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static uint32_t
find(uint32_t *parent, uint32_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

void
mp_cluster(size_t nrec, const uint64_t *pairs, const double *prob, size_t n, mp_clusters *cl)
{
	memset(cl, 0, sizeof *cl);
	size_t cap = nrec ? nrec : 1;
	uint32_t *parent = stw_xmalloc(cap * sizeof *parent);
	uint32_t *size = stw_xmalloc(cap * sizeof *size);
	for (size_t i = 0; i < nrec; i++) {
		parent[i] = (uint32_t)i;
		size[i] = 1;
	}
	for (size_t k = 0; k < n; k++) {
		uint32_t a = find(parent, (uint32_t)(pairs[k] >> 32));
		uint32_t b = find(parent, (uint32_t)(pairs[k] & 0xFFFFFFFF));
		if (a == b)
			continue;
		if (size[a] < size[b]) {
			uint32_t t = a;
			a = b;
			b = t;
		}
		parent[b] = a;
		size[a] += size[b];
	}
	/* Number the clusters by their smallest record. */
	uint32_t *num = stw_xmalloc(cap * sizeof *num); /* root -> cluster + 1 */
	memset(num, 0, cap * sizeof *num);
	size_t members = 0;
	for (size_t i = 0; i < nrec; i++) {
		uint32_t r = find(parent, (uint32_t)i);
		if (size[r] < 2)
			continue;
		if (!num[r])
			num[r] = (uint32_t)++cl->n;
		members++;
	}
	cl->start = stw_xcalloc(cl->n + 1, sizeof *cl->start);
	cl->members = stw_xmalloc((members ? members : 1) * sizeof *cl->members);
	for (size_t i = 0; i < nrec; i++) {
		uint32_t r = find(parent, (uint32_t)i);
		if (size[r] >= 2)
			cl->start[num[r]]++; /* counts, shifted by one */
	}
	for (size_t k = 0; k < cl->n; k++)
		cl->start[k + 1] += cl->start[k];
	size_t *fill = stw_xmalloc((cl->n + 1) * sizeof *fill);
	memcpy(fill, cl->start, (cl->n + 1) * sizeof *fill);
	for (size_t i = 0; i < nrec; i++) {
		uint32_t r = find(parent, (uint32_t)i);
		if (size[r] >= 2)
			cl->members[fill[num[r] - 1]++] = (uint32_t)i;
	}
	free(fill);
	cl->flagged = stw_xcalloc(cl->n ? cl->n : 1, 1);
	cl->min_prob = stw_xmalloc((cl->n ? cl->n : 1) * sizeof(double));
	cl->max_prob = stw_xmalloc((cl->n ? cl->n : 1) * sizeof(double));
	for (size_t k = 0; k < cl->n; k++) {
		cl->min_prob[k] = 1.0;
		cl->max_prob[k] = 0.0;
	}
	for (size_t k = 0; k < n; k++) {
		uint32_t r = find(parent, (uint32_t)(pairs[k] >> 32));
		size_t c = num[r] - 1;
		if (prob[k] < cl->min_prob[c])
			cl->min_prob[c] = prob[k];
		if (prob[k] > cl->max_prob[c])
			cl->max_prob[c] = prob[k];
	}
	free(num);
	free(parent);
	free(size);
}

void
mp_flag_weak(const mp_data *d, const mp_params *p, mp_clusters *cl, int threads)
{
	int nc = d->mr->ncmp;
	uint8_t lv[STW_MATCH_MAX_CMP];
	for (size_t k = 0; k < cl->n; k++) {
		size_t s = cl->start[k], e = cl->start[k + 1];
		if (e - s < 3)
			continue;
		if (e - s > (size_t)d->mr->max_cluster) {
			cl->flagged[k] = 1;
			continue;
		}
		for (size_t a = s; a < e && !cl->flagged[k]; a++)
			for (size_t b = a + 1; b < e && !cl->flagged[k]; b++) {
				size_t i = cl->members[a], j = cl->members[b];
				for (int c = 0; c < nc; c++)
					lv[c] = mp_level(d, c, i, j, NULL, NULL);
				bool veto;
				double w = mp_score(d, p, lv, i, j, &veto);
				if (veto || mp_prob(p, w) < d->mr->weak)
					cl->flagged[k] = 1;
			}
	}
}

void
mp_clusters_free(mp_clusters *cl)
{
	free(cl->members);
	free(cl->start);
	free(cl->flagged);
	free(cl->min_prob);
	free(cl->max_prob);
	memset(cl, 0, sizeof *cl);
}
