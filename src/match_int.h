/*
 * Inside the matcher: the in-memory record table that preparation builds,
 * and the pieces that blocking, scoring and clustering share. Not part of
 * the public API (see match.h); the unit tests include it.
 *
 * Records of one entity are held column-wise: for every field the rules use
 * (a "slot"), one offset per record into a single string arena holding the
 * standardized value (offset 0 is the empty string), plus one 64-bit word of
 * derived data (Double Metaphone codes of a name, day number of a date,
 * the local part length and role flag of an email). Record i is the i-th
 * record by id, so i < j means id[i] < id[j]; pairs are stored as
 * (i << 32 | j) with i < j.
 */
#ifndef STW_MATCH_INT_H
#define STW_MATCH_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "match.h"
#include "match_rules.h"
#include "ws.h"

#define MP_MAX_SLOTS 48
#define MP_MISSING   0xFF /* level code of a comparison with a value missing */
#define MP_DATE_NONE INT32_MIN

typedef struct {
	char      *field;  /* owned */
	stw_vtype  type;
	uint32_t  *off;    /* per record: arena offset of the value, 0 when empty */
	uint64_t  *aux;    /* per record: derived data, by type (see above) */
} mp_slot;

/* Frequencies of values (term frequency) of one comparison. */
typedef struct {
	uint64_t *hash;   /* open addressing; 0 = free */
	uint32_t *count;
	size_t    mask;
	uint64_t  total;  /* values counted */
} mp_tf;

typedef struct {
	const char            *entity;  /* static */
	const stw_match_rules *mr;      /* borrowed */
	size_t                 n;       /* records */
	int64_t               *id;      /* record ids, ascending */
	uint8_t               *locked;  /* 1: in a cluster a steward decided on */
	char                  *arena;
	size_t                 arena_len, arena_cap;
	int                    nslots;
	mp_slot                slot[MP_MAX_SLOTS];
	int                    cmp_slot[STW_MATCH_MAX_CMP][STW_MATCH_MAX_ALT];
	int                    swap_slot[STW_MATCH_MAX_CMP][STW_MATCH_MAX_LEVELS];
	int                    key_slot[STW_MATCH_MAX_KEYS][STW_MATCH_MAX_PARTS][STW_MATCH_MAX_ALT];
	mp_tf                  tf[STW_MATCH_MAX_CMP];
} mp_data;

static inline const char *
mp_val(const mp_data *d, int slot, size_t i)
{
	return d->arena + d->slot[slot].off[i];
}

/* ==== match_prep.c ==== */

/*
 * Loads the active records of entity from table rec (which must be synced)
 * with the standardized values of every field mr uses. default_country reads
 * national phone numbers; dmy reads ambiguous dates day first. On success d is filled (mp_free).
 */
stw_err mp_load(stw_ws *ws, const char *entity, const stw_match_rules *mr,
                const char *default_country, bool dmy, mp_data *d, stw_error *err);

/* Progress and cancel of a load: reading a million records and
 * standardizing their values takes tens of seconds. */
typedef struct {
	/* Called on the calling thread every few thousand records with the
	 * share of the load done (0..1); returns true to stop. May be NULL. */
	bool        (*tick)(void *ctx, double share);
	void         *ctx;
	/* Read by the standardizing threads too; nonzero stops. May be NULL. */
	volatile int *cancel;
} mp_watch;

/* mp_load, reporting to w (NULL: as mp_load). On a stop it returns
 * STW_ECANCEL, with d released and err filled. */
stw_err mp_load_watched(stw_ws *ws, const char *entity, const stw_match_rules *mr,
                        const char *default_country, bool dmy, const mp_watch *w, mp_data *d,
                        stw_error *err);

/* The same from values in memory: vals[i * nfields + f] is record i's value of
 * fields[f] (NULL: empty); ids ascending. For tests and explanations. */
void mp_load_mem(const char *entity, const stw_match_rules *mr, const char *default_country,
                 bool dmy, size_t n, const int64_t *ids, const char *const *fields, size_t nfields,
                 const char *const *vals, mp_data *d);
void mp_free(mp_data *d);

/* Like mp_load, for the n records ids only (active ones of entity; others
 * are left out), and without term frequencies: explanations fill those from
 * what the last match stored (mp_tf_put). */
stw_err mp_load_ids(stw_ws *ws, const char *entity, const stw_match_rules *mr,
                    const char *default_country, bool dmy, const int64_t *ids, size_t n,
                    mp_data *d, stw_error *err);

/* Records that value hash h of comparison c is held by count records, out of
 * total values counted. For a handful of values: the table does not grow
 * beyond MP_TF_PUT_MAX entries (more are ignored). */
#define MP_TF_PUT_MAX 32
void mp_tf_put(mp_data *d, int c, uint64_t total, uint64_t h, uint32_t count);

/* The index of record id, or -1. */
long mp_find(const mp_data *d, int64_t id);

/* 64-bit hash of a string (never 0). */
uint64_t mp_hash(const char *s, uint64_t seed);

/* Count of records holding value s in comparison c (term frequency). */
uint32_t mp_tf_count(const mp_data *d, int c, const char *s);

/* ==== block.c ==== */

/* A block skipped because it was larger than max_block. */
typedef struct {
	int    key;      /* index of the blocking key */
	size_t size;     /* records in it */
	char   value[48];/* the shared key value, shortened */
} mp_skipped;

typedef struct {
	uint64_t   *pairs;   /* sorted, unique, (i << 32 | j), i < j */
	size_t      n;
	size_t      nskipped;     /* blocks skipped */
	size_t      skipped_recs; /* records in them */
	mp_skipped  worst[STW_MATCH_MAX_SKIPPED]; /* the largest ones, largest first */
	size_t      nworst;
	size_t      per_key[STW_MATCH_MAX_KEYS]; /* pairs each key proposed */
} mp_cands;

/* Builds the candidate pairs: union over the blocking keys, each pair once. */
void mp_block(const mp_data *d, int threads, mp_cands *c);
void mp_cands_free(mp_cands *c);

/* Writes the text of key k for record i into buf (or "" when it has none);
 * the first alternative only. Used to explain which keys two records share. */
void mp_key_text(const mp_data *d, int k, size_t i, int alt, char *buf, size_t size);

/* True when records i and j share a value of blocking key k. */
bool mp_share_key(const mp_data *d, int k, size_t i, size_t j);

/* Sorts n 64-bit values in place (radix sort). */
void mp_sort_u64(uint64_t *v, size_t n);

/* ==== match_score.c ==== */

typedef struct {
	int    ncmp;
	int    nl[STW_MATCH_MAX_CMP];                        /* levels with else */
	double m[STW_MATCH_MAX_CMP][STW_MATCH_MAX_LEVELS + 1];
	double u[STW_MATCH_MAX_CMP][STW_MATCH_MAX_LEVELS + 1];  /* among candidates (EM) */
	double ur[STW_MATCH_MAX_CMP][STW_MATCH_MAX_LEVELS + 1]; /* among random pairs: weights */
	double lambda;     /* share of matches among candidate pairs */
	double prior;      /* log2 prior odds of a match for a random pair */
	int    em_iter;    /* EM iterations run, 0 when defaults were used */
	bool   estimated;  /* m from EM (else the rules' defaults) */
	double u_pairs;    /* random pairs behind u */
	bool   have_tf;    /* parsed: the match stored its term frequencies (tf_total) */
	uint64_t tf_total[STW_MATCH_MAX_CMP]; /* values counted per comparison */
} mp_params;

/* The level of comparison c for records i, j (MP_MISSING when a side is empty);
 * *ai, *bi receive the slots' alternative that gave it (may be NULL). */
uint8_t mp_level(const mp_data *d, int c, size_t i, size_t j, int *ai, int *bi);

/* Levels of every comparison for n pairs, out[p * ncmp + c]; uses threads. */
void mp_levels(const mp_data *d, const uint64_t *pairs, size_t n, uint8_t *out, int threads);

/* u from random pairs, then m, u and lambda by EM over the candidates' levels. */
void mp_estimate(const mp_data *d, const uint8_t *levels, size_t npairs, int threads,
                 mp_params *p);

/* Weight of comparison c at level lv for pair (i, j), with the term-frequency
 * adjustment of the exact level; 0 for a missing value. *tf set when adjusted. */
double mp_weight(const mp_data *d, const mp_params *p, int c, uint8_t lv, size_t i, size_t j,
                 bool *tf);

/* True when comparison c vetoes a pair with levels lv (clearly different, and
 * none of its veto_unless comparisons at their first level). */
bool mp_vetoes(const stw_match_rules *mr, const uint8_t *lv, int c);

/* Total log2 weight of a pair (without the prior) and whether it is vetoed. */
double mp_score(const mp_data *d, const mp_params *p, const uint8_t *lv, size_t i, size_t j,
                bool *veto);

/* Probability from a total weight and the prior. */
double mp_prob(const mp_params *p, double weight);

/* Parameters as text (one line per level, then the term-frequency totals)
 * and back, for explanations later. */
char *mp_params_dump(const mp_params *p, const char *rules_sha);
bool  mp_params_parse(const char *text, const char *rules_sha, const mp_data *d, mp_params *p);

/* ==== cluster.c ==== */

typedef struct {
	uint32_t *members;  /* record indexes of all clusters, cluster by cluster */
	size_t   *start;    /* cluster k: members[start[k] .. start[k + 1]) */
	size_t    n;        /* clusters */
	uint8_t  *flagged;  /* per cluster */
	double   *min_prob, *max_prob; /* over the pairs that link it */
} mp_clusters;

/* Connected components of the n kept pairs (edge k joins pairs[k]), size >= 2,
 * ordered by their smallest record, members ascending. */
void mp_cluster(size_t nrec, const uint64_t *pairs, const double *prob, size_t n,
                mp_clusters *cl);

/* Flags the clusters held together by weak chains: two members that score
 * below weak when compared directly, or more than max_cluster members. */
void mp_flag_weak(const mp_data *d, const mp_params *p, mp_clusters *cl, int threads);

void mp_clusters_free(mp_clusters *cl);

#endif
