/*
 * The matcher's pieces on in-memory records: blocking (union over keys, each
 * pair once, the block cap), comparison levels, weights, EM on a synthetic
 * set, union-find clustering and the weak-chain flag; and the matching rules'
 * errors, each naming file, line and column.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmp.h"
#include "import.h"
#include "match_int.h"
#include "nickname.h"
#include "rules.h"

static stw_rules *
rules_from(const char *yaml)
{
	char path[] = "/tmp/stw_match_rules_XXXXXX";
	int fd = mkstemp(path);
	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, yaml, strlen(yaml)), (ssize_t)strlen(yaml));
	close(fd);
	stw_rules *r;
	stw_error err;
	stw_err e = stw_rules_load(path, &r, &err);
	unlink(path);
	cr_assert_eq(e, STW_OK, "%s", err.msg);
	return r;
}

static const char *const RULES =
	"version: 1\n"
	"contact:\n"
	"  matching:\n"
	"    max_block: 3\n"
	"    blocking:\n"
	"      - email\n"
	"      - [metaphone(last_name), initial(first_name)]\n"
	"      - postcode\n"
	"    comparisons:\n"
	"      first_name:\n"
	"        levels: [exact, nickname, initial, \"jaro_winkler >= 0.9\"]\n"
	"        veto: true\n"
	"      last_name: { levels: [exact, \"jaro_winkler >= 0.9\"], tf: true }\n"
	"      email: { levels: [exact, local_part] }\n"
	"      postcode: { levels: [exact] }\n"
	"    thresholds: { review: 0.9, weak: 0.5 }\n"
	"    em: { min_pairs: 1000000 }\n";

static const char *const FIELDS[] = {"first_name", "last_name", "email", "postcode"};

/* Records 1..8. */
static const char *const VALS[] = {
	"Robert", "Smith", "bob@mail.de", "10001",      /* 1 */
	"Bob", "Smith", "rsmith@mail.de", "10001",      /* 2: nickname of 1 */
	"Alice", "Jones", "alice@acme.io", "20002",       /* 3 */
	"Alicia", "Jones", "alice@acme.io", "30003",      /* 4: same email as 3 */
	"Carol", "Brown", NULL, "10001",                  /* 5: postcode 10001 again */
	"Dave", "Green", NULL, "10001",                   /* 6: postcode block of 4 */
	"Eve", "White", NULL, "40004",                    /* 7 */
	"Eve", "White", NULL, "40004",                    /* 8: same as 7 */
};

static void
load(const stw_rules *r, mp_data *d)
{
	int64_t ids[8] = {1, 2, 3, 4, 5, 6, 7, 8};
	mp_load_mem("contact", r->contact.match, "US", false, 8, ids, FIELDS, 4, VALS, d);
}

static bool
has_pair(const mp_cands *c, uint32_t i, uint32_t j)
{
	for (size_t k = 0; k < c->n; k++)
		if (c->pairs[k] == ((uint64_t)i << 32 | j))
			return true;
	return false;
}

static void
fini(void)
{
	stw_nick_free();
}

TestSuite(block, .fini = fini);
TestSuite(score, .fini = fini);
TestSuite(cluster, .fini = fini);
TestSuite(match_rules);

Test(block, union_of_keys_each_pair_once)
{
	stw_rules *r = rules_from(RULES);
	mp_data d;
	load(r, &d);
	mp_cands c;
	mp_block(&d, 2, &c);
	/* 1-2 by metaphone(Smith)+R? No: Robert/Bob have different initials; and
	 * by postcode 10001, a block of four (1, 2, 5, 6) above the cap of 3. */
	cr_expect(!has_pair(&c, 0, 1), "postcode block above the cap was skipped");
	cr_expect(has_pair(&c, 2, 3), "same email");
	cr_expect(has_pair(&c, 6, 7), "same name and postcode 40004");
	/* 7-8 share two keys but appear once. */
	size_t n78 = 0;
	for (size_t k = 0; k < c.n; k++)
		n78 += c.pairs[k] == ((uint64_t)6 << 32 | 7);
	cr_expect_eq(n78, 1);
	for (size_t k = 1; k < c.n; k++)
		cr_expect(c.pairs[k - 1] < c.pairs[k], "sorted and unique");
	cr_expect_eq(c.nskipped, 1);
	cr_expect_eq(c.skipped_recs, 4);
	cr_expect_eq(c.worst[0].size, 4);
	cr_expect_str_eq(c.worst[0].value, "10001");
	cr_expect_eq(c.worst[0].key, 2);
	mp_cands_free(&c);
	mp_free(&d);
	stw_rules_free(r);
}

Test(block, same_result_with_one_or_two_threads)
{
	stw_rules *r = rules_from(RULES);
	mp_data d;
	load(r, &d);
	mp_cands a, b;
	mp_block(&d, 1, &a);
	mp_block(&d, 2, &b);
	cr_assert_eq(a.n, b.n);
	cr_expect(!memcmp(a.pairs, b.pairs, a.n * sizeof *a.pairs));
	mp_cands_free(&a);
	mp_cands_free(&b);
	mp_free(&d);
	stw_rules_free(r);
}

Test(block, locked_records_take_no_part)
{
	stw_rules *r = rules_from(RULES);
	mp_data d;
	load(r, &d);
	d.locked[3] = 1;
	mp_cands c;
	mp_block(&d, 1, &c);
	cr_expect(!has_pair(&c, 2, 3));
	mp_cands_free(&c);
	mp_free(&d);
	stw_rules_free(r);
}

Test(block, sort_u64)
{
	uint64_t v[] = {5, 1ULL << 40, 3, 0, 1ULL << 20, 7, 3};
	mp_sort_u64(v, 7);
	for (int i = 1; i < 7; i++)
		cr_expect(v[i - 1] <= v[i]);
	cr_expect_eq(v[6], 1ULL << 40);
}

Test(score, levels)
{
	stw_rules *r = rules_from(RULES);
	mp_data d;
	load(r, &d);
	/* comparisons: 0 first_name, 1 last_name, 2 email, 3 postcode */
	cr_expect_eq(mp_level(&d, 0, 0, 1, NULL, NULL), 1, "Robert/Bob: nickname");
	cr_expect_eq(mp_level(&d, 0, 2, 3, NULL, NULL), 4, "Alice/Alicia: else (jw < 0.9)");
	cr_expect_eq(mp_level(&d, 0, 6, 7, NULL, NULL), 0, "Eve/Eve: exact");
	cr_expect_eq(mp_level(&d, 1, 0, 1, NULL, NULL), 0, "Smith: exact");
	cr_expect_eq(mp_level(&d, 2, 2, 3, NULL, NULL), 0, "same email");
	cr_expect_eq(mp_level(&d, 2, 0, 1, NULL, NULL), 2, "different emails: else");
	cr_expect_eq(mp_level(&d, 2, 4, 5, NULL, NULL), MP_MISSING, "no emails: missing");
	cr_expect_eq(mp_level(&d, 3, 0, 4, NULL, NULL), 0);
	mp_free(&d);
	stw_rules_free(r);
}

Test(score, weights_are_log2_m_over_u)
{
	stw_rules *r = rules_from(RULES);
	mp_data d;
	load(r, &d);
	mp_params p;
	mp_estimate(&d, NULL, 0, 1, &p); /* too few pairs: defaults for m */
	cr_expect(!p.estimated);
	double w = mp_weight(&d, &p, 3, 0, 0, 4, NULL);
	cr_expect_float_eq(w, log2(p.m[3][0] / p.ur[3][0]), 1e-9);
	cr_expect_eq(mp_weight(&d, &p, 2, MP_MISSING, 4, 5, NULL), 0.0, "missing is neutral");
	/* Term frequency: Smith is held by 2 of 8 records, the pair alone: in a
	 * workspace this small it counts as at most the average agreement. */
	bool tf;
	w = mp_weight(&d, &p, 1, 0, 0, 1, &tf);
	cr_expect(tf);
	cr_expect_float_eq(w, log2(p.m[1][0] / fmin(2.0 / 8.0, p.ur[1][0])), 1e-9);
	/* A total and its probability. */
	uint8_t lv[4] = {0, 0, MP_MISSING, 0};
	bool veto;
	double total = mp_score(&d, &p, lv, 6, 7, &veto);
	cr_expect(!veto);
	cr_expect_float_eq(mp_prob(&p, total), 1.0 / (1.0 + exp2(-(p.prior + total))), 1e-12);
	lv[0] = 4; /* first names clearly differ */
	mp_score(&d, &p, lv, 6, 7, &veto);
	cr_expect(veto);
	mp_free(&d);
	stw_rules_free(r);
}

Test(score, params_round_trip)
{
	stw_rules *r = rules_from(RULES);
	mp_data d;
	load(r, &d);
	mp_params p, q, x;
	mp_estimate(&d, NULL, 0, 1, &p);
	char *text = mp_params_dump(&p, "abc");
	cr_expect(mp_params_parse(text, "abc", &d, &q));
	cr_expect(!mp_params_parse(text, "other rules", &d, &x));
	cr_expect_float_eq(q.m[0][1], p.m[0][1], 1e-15);
	cr_expect_float_eq(q.ur[3][0], p.ur[3][0], 1e-15);
	cr_expect_float_eq(q.prior, p.prior, 1e-15);
	free(text);
	mp_free(&d);
	stw_rules_free(r);
}

/* A synthetic population: 400 people, a quarter of them twice with a typo. */
Test(score, em_converges_on_a_synthetic_set)
{
	stw_rules *r = rules_from(
		"version: 1\n"
		"contact:\n"
		"  matching:\n"
		"    blocking: [postcode]\n"
		"    max_block: 1000\n"
		"    comparisons:\n"
		"      first_name: { levels: [exact, \"jaro_winkler >= 0.85\"] }\n"
		"      last_name: { levels: [exact, \"jaro_winkler >= 0.85\"] }\n"
		"      city: { levels: [exact] }\n"
		"    em: { min_pairs: 10, iterations: 200 }\n");
	static const char *first[] = {"anna", "bert", "carl", "dora", "emil", "fritz", "gina",
	                              "hugo", "ida", "jonas", "karla", "lena", "moritz", "nina",
	                              "otto", "paula", "quirin", "rosa", "sven", "tilda"};
	static const char *last[] = {"adler", "bauer", "conrad", "dietz", "eckert", "fuchs",
	                             "graf", "hahn", "iske", "jung", "kraus", "lang", "mayer",
	                             "neumann", "ott", "peters", "quast", "roth", "stein", "thiel"};
	enum { PEOPLE = 400, ROWS = 500 };
	const char *fields[] = {"first_name", "last_name", "city", "postcode"};
	char (*buf)[4][24] = calloc(ROWS, sizeof *buf);
	const char **vals = calloc(ROWS * 4, sizeof *vals);
	int64_t *ids = calloc(ROWS, sizeof *ids);
	for (int i = 0; i < ROWS; i++) {
		int who = i < PEOPLE ? i : (i - PEOPLE) * 4;
		snprintf(buf[i][0], 24, "%s", first[who % 20]);
		snprintf(buf[i][1], 24, "%s", last[(who / 20) % 20]);
		snprintf(buf[i][2], 24, "city%d", who % 37);
		snprintf(buf[i][3], 24, "%d", who % 10);
		if (i >= PEOPLE && i % 3 == 0)
			buf[i][1][1] = 'x'; /* a typo */
		if (i >= PEOPLE && i % 7 == 0)
			snprintf(buf[i][2], 24, "moved%d", i);
		for (int f = 0; f < 4; f++)
			vals[i * 4 + f] = buf[i][f];
		ids[i] = i + 1;
	}
	mp_data d;
	mp_load_mem("contact", r->contact.match, "US", false, ROWS, ids, fields, 4, vals, &d);
	mp_cands c;
	mp_block(&d, 2, &c);
	uint8_t *lv = malloc(c.n * 3);
	mp_levels(&d, c.pairs, c.n, lv, 2);
	mp_params p;
	mp_estimate(&d, lv, c.n, 2, &p);
	cr_expect(p.estimated);
	cr_expect(p.em_iter > 0 && p.em_iter < 200, "converged in %d iterations", p.em_iter);
	/* 100 true pairs among the candidates. */
	double expect = 100.0 / (double)c.n;
	cr_expect(fabs(p.lambda - expect) < 0.5 * expect, "lambda %g, expected about %g",
	          p.lambda, expect);
	cr_expect(p.m[0][0] > 0.9, "first names agree among matches: m %g", p.m[0][0]);
	cr_expect(p.m[0][0] > p.ur[0][0] * 5);
	free(lv);
	mp_cands_free(&c);
	mp_free(&d);
	free(buf);
	free(vals);
	free(ids);
	stw_rules_free(r);
}

Test(score, mail_domain_typo_read_as_meant)
{
	stw_rules *r = rules_from(RULES);
	static const char *const v[] = {
		"Ann", "Lee", "ann.lee@gmial.com", "10001",
		"Ann", "Lee", "ann.lee@gmail.com", "10001",
		"Tom", "Ray", "tom@acme-widgets.com", "20002",
	};
	int64_t ids[] = {1, 2, 3};
	mp_data d;
	mp_load_mem("contact", r->contact.match, "US", false, 3, ids, FIELDS, 4, v, &d);
	cr_expect_str_eq(mp_val(&d, d.cmp_slot[2][0], 0), "ann.lee@gmail.com");
	cr_expect_eq(mp_level(&d, 2, 0, 1, NULL, NULL), 0, "exact once the typo is read as meant");
	cr_expect_str_eq(mp_val(&d, d.cmp_slot[2][0], 2), "tom@acme-widgets.com", "left alone");
	mp_free(&d);
	stw_rules_free(r);
}

Test(block, role_address_is_no_email_key)
{
	stw_rules *r = rules_from(RULES);
	static const char *const v[] = {
		"Alice", "Chen", "info@globex.com", "43004",
		"Mark", "Davis", "info@globex.com", "43004",
	};
	int64_t ids[] = {1, 2};
	mp_data d;
	mp_load_mem("contact", r->contact.match, "US", false, 2, ids, FIELDS, 4, v, &d);
	mp_cands c;
	mp_block(&d, 1, &c);
	cr_expect(!mp_share_key(&d, 0, 0, 1), "colleagues sharing info@ share no email key");
	cr_expect(has_pair(&c, 0, 1), "the postcode still brings them together");
	mp_cands_free(&c);
	mp_free(&d);
	stw_rules_free(r);
}

Test(score, ascii_and_other_text_compare_alike)
{
	stw_rules *r = rules_from(
		"version: 1\n"
		"contact:\n"
		"  matching:\n"
		"    blocking: [postcode]\n"
		"    comparisons:\n"
		"      last_name: { levels: [exact, \"jaro_winkler >= 0.96\", \"jaro_winkler >= 0.9\"] }\n"
		"      email: { levels: [exact, \"osa <= 1\"] }\n");
	static const char *const v[] = {
		"Ann", "Martha", "ann@mail.com", "1",
		"Ann", "Marhta", "anne@mail.com", "1", /* one insertion */
		"Ann", "Dixon", "nan@mail.com", "1",   /* one transposition */
		"Ann", "Dicksonn", "anb@mall.com", "1", /* two edits */
		"Ann", "Иванов", "иван@mail.com", "1",  /* not ASCII */
		"Ann", "Иваноф", "иванн@mail.com", "1",
	};
	int64_t ids[] = {1, 2, 3, 4, 5, 6};
	mp_data d;
	mp_load_mem("contact", r->contact.match, "US", false, 6, ids, FIELDS, 4, v, &d);
	/* Every pair: the levels the library comparators give. */
	for (size_t i = 0; i < 6; i++)
		for (size_t j = i + 1; j < 6; j++) {
			const char *x = mp_val(&d, d.cmp_slot[0][0], i), *y = mp_val(&d, d.cmp_slot[0][0], j);
			double jw = stw_jaro_winkler(x, y);
			uint8_t want = !strcmp(x, y) ? 0 : jw >= 0.96 ? 1 : jw >= 0.9 ? 2 : 3;
			cr_expect_eq(mp_level(&d, 0, i, j, NULL, NULL), want, "%s / %s", x, y);
			x = mp_val(&d, d.cmp_slot[1][0], i);
			y = mp_val(&d, d.cmp_slot[1][0], j);
			want = !strcmp(x, y) ? 0 : stw_osa(x, y, 1) <= 1 ? 1 : 2;
			cr_expect_eq(mp_level(&d, 1, i, j, NULL, NULL), want, "%s / %s", x, y);
		}
	cr_expect_eq(mp_level(&d, 0, 0, 1, NULL, NULL), 1, "martha / marhta");
	cr_expect_eq(mp_level(&d, 1, 4, 5, NULL, NULL), 1, "one insertion, not ASCII");
	mp_free(&d);
	stw_rules_free(r);
}

Test(block, preparation_on_two_threads_is_exact)
{
	/* Enough records for two threads: the second half's values must come
	 * out of the joined arena intact. */
	stw_rules *r = rules_from(RULES);
	enum { ROWS = 4000 };
	char (*buf)[4][32] = calloc(ROWS, sizeof *buf);
	const char **vals = calloc(ROWS * 4, sizeof *vals);
	int64_t *ids = calloc(ROWS, sizeof *ids);
	for (int i = 0; i < ROWS; i++) {
		snprintf(buf[i][0], 32, " First%d", i % 1000);
		snprintf(buf[i][1], 32, "LAST%d ", i);
		snprintf(buf[i][2], 32, "p%d@Example-%d.com", i % 1000, i % 1000);
		snprintf(buf[i][3], 32, "%05d", i);
		for (int f = 0; f < 4; f++)
			vals[i * 4 + f] = buf[i][f];
		ids[i] = i + 1;
	}
	mp_data d;
	mp_load_mem("contact", r->contact.match, "US", false, ROWS, ids, FIELDS, 4, vals, &d);
	for (int i = 0; i < ROWS; i += 997) {
		char want[32];
		snprintf(want, sizeof want, "last%d", i);
		cr_expect_str_eq(mp_val(&d, d.cmp_slot[1][0], (size_t)i), want);
		snprintf(want, sizeof want, "p%d@example-%d.com", i % 1000, i % 1000);
		cr_expect_str_eq(mp_val(&d, d.cmp_slot[2][0], (size_t)i), want);
	}
	cr_expect_eq(mp_level(&d, 0, 5, 3005, NULL, NULL), 0, "same first name across halves");
	cr_expect_eq(mp_tf_count(&d, 1, "last3999"), 1);
	mp_free(&d);
	free(buf);
	free(vals);
	free(ids);
	stw_rules_free(r);
}

Test(cluster, connected_components)
{
	/* 0-1, 1-2 and 4-5: clusters {0,1,2} and {4,5}; 3 alone. */
	uint64_t pairs[] = {(uint64_t)4 << 32 | 5, (uint64_t)0 << 32 | 1, (uint64_t)1 << 32 | 2};
	double prob[] = {0.95, 0.99, 0.92};
	mp_clusters cl;
	mp_cluster(6, pairs, prob, 3, &cl);
	cr_assert_eq(cl.n, 2);
	cr_expect_eq(cl.start[1] - cl.start[0], 3);
	cr_expect_eq(cl.members[0], 0);
	cr_expect_eq(cl.members[1], 1);
	cr_expect_eq(cl.members[2], 2);
	cr_expect_eq(cl.members[3], 4);
	cr_expect_float_eq(cl.min_prob[0], 0.92, 1e-12);
	cr_expect_float_eq(cl.max_prob[0], 0.99, 1e-12);
	cr_expect_float_eq(cl.min_prob[1], 0.95, 1e-12);
	mp_clusters_free(&cl);
}

Test(cluster, weak_chain_is_flagged)
{
	stw_rules *r = rules_from(RULES);
	/* A~B (same email), B~C (same name and postcode), A and C unlike. */
	static const char *const v[] = {
		"Anna", "Klein", "anna@k.de", "11111",
		"Anna", "Klein", "anna@k.de", "22222",
		"Anna", "Klein", "other@x.de", "22222",
		"Zed", "Quux", "zed@q.de", "99999",
		"Zed", "Quux", "zed@q.de", "99999",
		"Zed", "Quux", "zed@q.de", "99999",
	};
	int64_t ids[6] = {1, 2, 3, 4, 5, 6};
	mp_data d;
	mp_load_mem("contact", r->contact.match, "US", false, 6, ids, FIELDS, 4, v, &d);
	mp_params p;
	mp_estimate(&d, NULL, 0, 1, &p);
	uint64_t pairs[] = {(uint64_t)0 << 32 | 1, (uint64_t)1 << 32 | 2,
	                    (uint64_t)3 << 32 | 4, (uint64_t)4 << 32 | 5};
	double prob[] = {0.99, 0.99, 0.99, 0.99};
	mp_clusters cl;
	mp_cluster(6, pairs, prob, 4, &cl);
	cr_assert_eq(cl.n, 2);
	/* Records 1 and 3 (two disagreements) fall below a weak threshold of 0.99. */
	((stw_match_rules *)r->contact.match)->weak = 0.99;
	mp_flag_weak(&d, &p, &cl, 1);
	cr_expect_eq(cl.flagged[0], 1, "Anna Klein chain flagged");
	cr_expect_eq(cl.flagged[1], 0, "identical records are not");
	mp_clusters_free(&cl);
	mp_free(&d);
	stw_rules_free(r);
}

static void
expect_error(const char *fixture, const char *where, const char *what)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", getenv("FIXTURES") ? getenv("FIXTURES") : "tests/fixtures",
	         fixture);
	stw_rules *r;
	stw_error err;
	cr_assert_eq(stw_rules_load(path, &r, &err), STW_EDATA, "%s loaded", fixture);
	cr_expect(strstr(err.msg, where) != NULL, "'%s' lacks '%s'", err.msg, where);
	cr_expect(strstr(err.msg, what) != NULL, "'%s' lacks '%s'", err.msg, what);
	cr_expect(r == NULL);
}

Test(match_rules, unknown_comparator)
{
	expect_error("bad_match_comparator.yaml", "bad_match_comparator.yaml:7:25:",
	             "unknown comparator 'soundslike'");
}

Test(match_rules, threshold_out_of_range)
{
	expect_error("bad_match_threshold.yaml", "bad_match_threshold.yaml:7:25:",
	             "out of range");
	expect_error("bad_match_review.yaml", "bad_match_review.yaml:7:27:", "out of range");
}

Test(match_rules, blocking_key_on_unknown_field)
{
	expect_error("bad_match_block_field.yaml", "bad_match_block_field.yaml:6:10:",
	             "unknown field 'surname'");
}

Test(match_rules, default_rules_load)
{
	stw_rules *r;
	stw_error err;
	cr_assert_eq(stw_rules_load(NULL, &r, &err), STW_OK, "%s", err.msg);
	cr_expect(r->contact.match != NULL);
	cr_expect(r->company.match != NULL);
	cr_expect(r->contact.match->nkeys >= 5);
	stw_rules_free(r);
}

/* ==== Cancelling a run ==== */

typedef struct {
	volatile int cancel;
	const char  *at;     /* phase that sets the flag */
	int          calls;
	bool         saw_at;
	int64_t      min_done;  /* set the flag once done reaches this */
	int          later;     /* calls of another phase after the flag was set */
} cancel_ctx;

static void
cancel_progress(void *ctx, const char *entity, const char *phase, int64_t done, int64_t total)
{
	cancel_ctx *c = ctx;
	(void)entity;
	cr_assert(total == 0 || done <= total);
	c->calls++;
	if (c->cancel && strcmp(phase, c->at))
		c->later++;
	if (!strcmp(phase, c->at) && done >= c->min_done) {
		c->saw_at = true;
		c->cancel = 1;
	}
}

/* Every open cluster with its members, as text. */
static char *
cluster_snapshot(stw_ws *ws)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(stw_ws_db(ws),
		"SELECT group_concat(c.id || ':' || c.size || ':' || m.record_id, ',')"
		" || '/' || (SELECT count(*) FROM pair)"
		" FROM cluster c JOIN cluster_member m ON m.cluster_id = c.id", -1, &st, NULL),
		SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	char *v = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

Test(match_run, cancel_keeps_previous_results)
{
	char dir[] = "/tmp/stw-match-XXXXXX", path[128], csv[512];
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/m.steward", dir);
	snprintf(csv, sizeof csv, "%s/match_contacts.csv", getenv("FIXTURES"));
	stw_error err;
	stw_ws *ws;
	cr_assert_eq(stw_ws_open(&ws, path, STW_WS_CREATE, &err), STW_OK, "%s", err.msg);
	stw_import_opts io = {.header = -1};
	stw_import_result ir;
	cr_assert_eq(stw_import_file(ws, csv, &io, &ir, &err), STW_OK, "%s", err.msg);
	stw_import_result_free(&ir);
	stw_rules *r;
	cr_assert_eq(stw_rules_load(NULL, &r, &err), STW_OK, "%s", err.msg);
	stw_match_result res;
	cr_assert_eq(stw_match_run(ws, r, NULL, &res, &err), STW_OK, "%s", err.msg);
	cr_assert_gt(res.ent[0].clusters, 0);
	char *before = cluster_snapshot(ws);
	static const char *const phases[] = {"prepare", "compare", "score", "store"};
	for (size_t k = 0; k < sizeof phases / sizeof *phases; k++) {
		cancel_ctx c = {.at = phases[k]};
		stw_match_opts o = {.progress = cancel_progress, .progress_ctx = &c,
		                    .cancel = &c.cancel};
		cr_assert_eq(stw_match_run(ws, r, &o, &res, &err), STW_ECANCEL, "at %s", phases[k]);
		cr_assert(c.saw_at, "no %s phase reported", phases[k]);
		cr_assert_gt(c.calls, 0);
		char *after = cluster_snapshot(ws);
		cr_assert_str_eq(after, before, "cancelled at %s", phases[k]);
		free(after);
	}
	/* Loading the records reports its progress and stops there: the run
	 * goes no further (no "block" phase). */
	cancel_ctx l = {.at = "prepare", .min_done = 1};
	stw_match_opts lo = {.progress = cancel_progress, .progress_ctx = &l, .cancel = &l.cancel};
	cr_assert_eq(stw_match_run(ws, r, &lo, &res, &err), STW_ECANCEL);
	cr_assert(l.saw_at, "no progress while loading the records");
	cr_assert_eq(l.later, 0, "the run went on after the load was cancelled");
	char *loaded = cluster_snapshot(ws);
	cr_assert_str_eq(loaded, before);
	free(loaded);
	/* Without the flag set the run stores the same results again. */
	cancel_ctx c = {.at = "none"};
	stw_match_opts o = {.progress = cancel_progress, .progress_ctx = &c, .cancel = &c.cancel};
	cr_assert_eq(stw_match_run(ws, r, &o, &res, &err), STW_OK, "%s", err.msg);
	char *again = cluster_snapshot(ws);
	cr_assert_str_eq(again, before);
	cr_assert_gt(c.calls, 0);
	free(again);

	/* An explanation from the stored frequencies (two records read) equals
	 * the one that counts them over every record (parameters stored
	 * without frequencies, as before match_tf). */
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(stw_ws_db(ws), "SELECT a, b FROM pair", -1, &st, NULL),
	             SQLITE_OK);
	int64_t pa[64], pb[64];
	int np = 0;
	while (np < 64 && sqlite3_step(st) == SQLITE_ROW) {
		pa[np] = sqlite3_column_int64(st, 0);
		pb[np++] = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	cr_assert_gt(np, 0);
	stw_explain *fast[64];
	for (int k = 0; k < np; k++)
		cr_assert_eq(stw_match_explain(ws, r, pa[k], pb[k], &fast[k], &err), STW_OK, "%s",
		             err.msg);
	char *params = stw_ws_meta_get(ws, "match.params.contact");
	cr_assert_not_null(params);
	char *tf = strstr(params, "\ntf ");
	cr_assert_not_null(tf);
	tf[1] = '\0';
	cr_assert_eq(stw_ws_meta_set(ws, "match.params.contact", params, &err), STW_OK);
	free(params);
	stw_explain *none;
	cr_assert_eq(stw_match_explain_stored(ws, r, pa[0], pb[0], &none, &err), STW_ENOENT);
	cr_assert_null(none);
	int ntf = 0;
	for (int k = 0; k < np; k++) {
		stw_explain *slow;
		cr_assert_eq(stw_match_explain(ws, r, pa[k], pb[k], &slow, &err), STW_OK, "%s",
		             err.msg);
		cr_assert_eq(slow->n, fast[k]->n);
		cr_assert_eq(slow->prob, fast[k]->prob, "pair %lld-%lld", (long long)pa[k],
		             (long long)pb[k]);
		for (size_t f = 0; f < slow->n; f++) {
			cr_assert_eq(slow->f[f].weight, fast[k]->f[f].weight, "%s", slow->f[f].name);
			cr_assert_eq(slow->f[f].tf, fast[k]->f[f].tf, "%s", slow->f[f].name);
			ntf += slow->f[f].tf;
			cr_assert_str_eq(slow->f[f].level, fast[k]->f[f].level);
		}
		cr_assert_str_eq(slow->keys, fast[k]->keys);
		cr_assert_eq(slow->cluster, fast[k]->cluster);
		stw_explain_free(slow);
		stw_explain_free(fast[k]);
	}
	cr_assert_gt(ntf, 0, "no weight adjusted for a value's frequency");
	free(before);
	stw_rules_free(r);
	stw_ws_close(ws);
	char cmd[96];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}
