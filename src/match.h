/*
 * Duplicate detection: blocking, field-by-field comparison, Fellegi-Sunter
 * scoring and clustering of the records of a workspace, and the explanation
 * of any one score.
 *
 * stw_match_run() works on each entity (contacts, companies) on its own,
 * with the entity's `matching:` rules:
 *
 *   1. prepare: the current values (table rec) of the active records are
 *      standardized in memory (names folded, phones in E.164, emails lower
 *      case, company keys, dates as day numbers, phonetic codes);
 *   2. block: every blocking key groups the records that share its value;
 *      the candidate pairs are the union of the pairs inside the groups, each
 *      pair once; a group larger than max_block is skipped and reported;
 *   3. compare: each candidate pair gets one level per comparison;
 *   4. estimate: u (chance agreement) from random pairs, m (agreement among
 *      true matches) and the share of matches by expectation-maximisation on
 *      the candidates, with the rules' defaults when there is too little data;
 *   5. score: the sum of log2(m/u) over the comparisons (a missing value
 *      adds nothing; an exact agreement on a value many records share adds
 *      less: term-frequency adjustment), turned into a probability with the
 *      prior odds of a match;
 *   6. cluster: pairs at or above the review threshold, not vetoed and not
 *      rejected by a steward, are joined into connected components; a cluster
 *      with two members that compare below the weak threshold is flagged.
 *
 * The results replace the previous open clusters and their pairs; clusters a
 * steward decided on (any status but 'open') are kept, their records are not
 * proposed again, and pairs in rejected_pair are never proposed again.
 * Preparation runs on two threads, comparison and scoring on `threads`; the
 * output does not depend on either.
 */
#ifndef STW_MATCH_H
#define STW_MATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "rules.h"
#include "ws.h"

#define STW_MATCH_MAX_SKIPPED 8

/*
 * Called by stw_match_run() as each phase of an entity advances: phase is
 * "prepare", "block", "compare", "estimate", "score", "cluster" or "store"
 * (static), done of total units (records or pairs; total 0 when unknown).
 * Called on the calling thread, between batches of work.
 */
typedef void (*stw_match_progress_fn)(void *ctx, const char *entity, const char *phase,
                                      int64_t done, int64_t total);

typedef struct {
	const char *entity;  /* "contact", "company", or NULL for both */
	int         threads; /* 0: two */
	bool        dry_run; /* compute and report, store nothing */
	stw_match_progress_fn progress; /* may be NULL */
	void       *progress_ctx;       /* passed to progress */
	/* May be NULL. Read between phases and batches (from a signal handler
	 * or the progress callback one sets it to nonzero); once nonzero, the
	 * run stops before storing anything and returns STW_ECANCEL. */
	volatile int *cancel;
} stw_match_opts;

/* A block too large to compare, for the report. */
typedef struct {
	char   key[96];   /* the blocking key, as written in the rules */
	char   value[48]; /* its shared value, shortened */
	size_t size;      /* records in the block */
} stw_match_skipped;

typedef struct {
	const char *entity;       /* static */
	int64_t     records;      /* active records compared */
	int64_t     locked;       /* records in clusters a steward decided on */
	int64_t     candidates;   /* candidate pairs from blocking */
	int64_t     rejected;     /* candidates dropped as rejected by a steward */
	int64_t     vetoed;       /* pairs above review that a veto comparison stopped */
	int64_t     pairs;        /* pairs stored (at or above review) */
	int64_t     clusters;     /* clusters stored */
	int64_t     clustered;    /* records in them */
	int64_t     flagged;      /* clusters flagged as weak chains */
	int64_t     blocks_skipped;
	int64_t     skipped_records;
	stw_match_skipped skipped[STW_MATCH_MAX_SKIPPED]; /* the largest */
	int         nskipped;
	bool        estimated;    /* m from EM, else the rules' defaults */
	int         em_iterations;
	double      lambda;       /* share of matches among candidates */
	double      seconds;
} stw_match_entity_result;

typedef struct {
	int                     n;
	stw_match_entity_result ent[2];
} stw_match_result;

/*
 * Matches the records of ws with rules (see above). rec is synced first. On
 * success result holds the counts per entity matched (entities without
 * records or without matching rules are left out). The results of every
 * entity are stored in one transaction at the end. On failure, or on
 * STW_ECANCEL when opts->cancel was set, the previous clusters and pairs are
 * unchanged and err says why.
 */
stw_err stw_match_run(stw_ws *ws, const stw_rules *rules, const stw_match_opts *opts,
                      stw_match_result *result, stw_error *err);

/* One comparison of an explanation. */
typedef struct {
	char  *name;   /* comparison name (owned) */
	char  *a, *b;  /* the values compared, standardized; NULL when missing (owned) */
	char  *level;  /* "exact", "jaro_winkler >= 0.92", "else", "missing" (owned) */
	double m, u;   /* of the level (0 when missing) */
	double weight; /* log2 likelihood ratio added */
	bool   tf;     /* weight adjusted for the value's frequency */
	bool   veto;   /* this comparison vetoes the pair */
} stw_explain_field;

typedef struct {
	int64_t            a, b;        /* record ids */
	const char        *entity;      /* static */
	size_t             n;
	stw_explain_field *f;           /* owned */
	double             prior;       /* log2 prior odds */
	double             total;       /* prior + the weights */
	double             prob;        /* match probability */
	double             review;      /* the threshold */
	bool               vetoed;
	bool               rejected;    /* in rejected_pair */
	bool               candidate;   /* a blocking key brings them together */
	char              *keys;        /* blocking keys they share, "; "-separated (owned) */
	bool               estimated;   /* parameters from EM */
	int64_t            cluster;     /* cluster holding both, 0 if none */
} stw_explain;

/*
 * Explains how records a and b (ids in rec) compare under rules: every
 * comparison's values, level and weight, the prior, total and probability,
 * and whether the pair is proposed. Uses the parameters and value
 * frequencies the last match stored with the same rules (reading only the
 * two records: milliseconds on any workspace), else estimates them from
 * every record as match would. On success *out is owned
 * by the caller (stw_explain_free); STW_ENOENT when a record does not exist,
 * STW_EDATA when the two are of different entities or the entity has no
 * matching rules.
 */
stw_err stw_match_explain(stw_ws *ws, const stw_rules *rules, int64_t a, int64_t b,
                          stw_explain **out, stw_error *err);
/*
 * The same, only from what the last match stored with these rules (never
 * estimating, which reads every record): milliseconds whatever the size of
 * the workspace, for the console. STW_ENOENT when nothing usable is stored.
 */
stw_err stw_match_explain_stored(stw_ws *ws, const stw_rules *rules, int64_t a, int64_t b,
                                 stw_explain **out, stw_error *err);
void    stw_explain_free(stw_explain *x);

#endif
