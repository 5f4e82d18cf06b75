/*
 * The sample generator: same seed, same bytes; the promised defect rates;
 * well-formed CSV whose header matches the import profiles; truth rows that
 * point at the right lines; hard negatives that really look alike.
 */
#include <criterion/criterion.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sample.h"
#include "sha256.h"
#include "util.h"

/* ---- files and CSV ---- */

static char *
tmpdir(void)
{
	char *t = stw_xstrdup("/tmp/steward-sample-XXXXXX");
	cr_assert_not_null(mkdtemp(t));
	return t;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s", path);
	stw_buf b = STW_BUF_INIT;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		stw_buf_add(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return stw_buf_take(&b);
}

static void
file_sha(const char *path, char hex[65])
{
	size_t n;
	char *s = slurp(path, &n);
	stw_sha256_hex(s, n, hex);
	free(s);
}

/* A parsed CSV file: records of fields, and the line each record starts on. */
typedef struct {
	char  ***rec;
	int     *nf;
	unsigned *line;
	size_t   n;
} table;

/*
 * Strict RFC 4180 reader: CRLF after every record, quotes only around a whole
 * field, no bare CR or LF outside quotes. Fails the test on anything else.
 */
static void
parse(const char *s, size_t len, table *t)
{
	memset(t, 0, sizeof *t);
	size_t cap = 0, i = 0;
	unsigned line = 1;
	while (i < len) {
		if (t->n == cap) {
			cap = cap ? cap * 2 : 1024;
			t->rec = stw_xrealloc(t->rec, cap * sizeof *t->rec);
			t->nf = stw_xrealloc(t->nf, cap * sizeof *t->nf);
			t->line = stw_xrealloc(t->line, cap * sizeof *t->line);
		}
		t->line[t->n] = line;
		char **f = NULL;
		int nf = 0;
		for (;;) {
			stw_buf v = STW_BUF_INIT;
			stw_buf_add(&v, "", 0);
			if (s[i] == '"') {
				for (i++;; i++) {
					cr_assert(i < len, "unterminated quote at line %u", line);
					if (s[i] == '"' && i + 1 < len && s[i + 1] == '"') {
						stw_buf_addc(&v, '"');
						i++;
					} else if (s[i] == '"') {
						i++;
						break;
					} else {
						line += s[i] == '\n';
						stw_buf_addc(&v, s[i]);
					}
				}
			} else {
				while (i < len && s[i] != ',' && s[i] != '\r' && s[i] != '\n') {
					cr_assert(s[i] != '"', "stray quote at line %u", line);
					stw_buf_addc(&v, s[i++]);
				}
			}
			f = stw_xrealloc(f, (size_t)(nf + 1) * sizeof *f);
			f[nf++] = stw_buf_take(&v);
			if (i < len && s[i] == ',') {
				i++;
				continue;
			}
			cr_assert(i + 1 < len && s[i] == '\r' && s[i + 1] == '\n',
			          "record at line %u does not end in CRLF", t->line[t->n]);
			i += 2;
			line++;
			break;
		}
		t->rec[t->n] = f;
		t->nf[t->n] = nf;
		t->n++;
	}
}

static void
table_free(table *t)
{
	for (size_t r = 0; r < t->n; r++) {
		for (int k = 0; k < t->nf[r]; k++)
			free(t->rec[r][k]);
		free(t->rec[r]);
	}
	free(t->rec);
	free(t->nf);
	free(t->line);
}

static int
col(const table *t, const char *name)
{
	for (int k = 0; k < t->nf[0]; k++)
		if (strcmp(t->rec[0][k], name) == 0)
			return k;
	cr_assert_fail("no column %s", name);
	return -1;
}

static bool
has_defect(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list; (p = strstr(p, name)); p += n)
		if ((p == list || p[-1] == ';') && (p[n] == ';' || p[n] == '\0'))
			return true;
	return false;
}

typedef struct {
	char  *dir, *out, *truth;
	table  data, tr;
	char  *raw_data, *raw_truth;
	size_t len_data, len_truth;
} sample;

static void
generate(sample *s, stw_sample_kind kind, stw_sample_crm crm, uint64_t rows, uint32_t dup_ppm,
         uint64_t seed)
{
	stw_sample_opts o;
	stw_sample_opts_init(&o);
	o.kind = kind;
	o.crm = crm;
	o.rows = rows;
	o.dup_ppm = dup_ppm;
	o.seed = seed;
	s->dir = tmpdir();
	s->out = stw_xasprintf("%s/out.csv", s->dir);
	s->truth = stw_xasprintf("%s/truth.csv", s->dir);
	stw_error err;
	stw_err rc = stw_sample_write(&o, s->out, s->truth, &err);
	cr_assert_eq(rc, STW_OK, "%s", err.msg);
	s->raw_data = slurp(s->out, &s->len_data);
	s->raw_truth = slurp(s->truth, &s->len_truth);
	parse(s->raw_data, s->len_data, &s->data);
	parse(s->raw_truth, s->len_truth, &s->tr);
}

static void
sample_free(sample *s)
{
	unlink(s->out);
	unlink(s->truth);
	rmdir(s->dir);
	table_free(&s->data);
	table_free(&s->tr);
	free(s->raw_data);
	free(s->raw_truth);
	free(s->dir);
	free(s->out);
	free(s->truth);
}

/* ---- determinism ---- */

Test(sample, same_seed_same_bytes)
{
	char a[2][65], b[2][65], c[2][65];
	sample s1, s2, s3;
	generate(&s1, STW_SAMPLE_CONTACTS, STW_SAMPLE_SALESFORCE, 3000, 200000, 42);
	generate(&s2, STW_SAMPLE_CONTACTS, STW_SAMPLE_SALESFORCE, 3000, 200000, 42);
	generate(&s3, STW_SAMPLE_CONTACTS, STW_SAMPLE_SALESFORCE, 3000, 200000, 43);
	file_sha(s1.out, a[0]);
	file_sha(s1.truth, a[1]);
	file_sha(s2.out, b[0]);
	file_sha(s2.truth, b[1]);
	file_sha(s3.out, c[0]);
	file_sha(s3.truth, c[1]);
	cr_assert_str_eq(a[0], b[0]);
	cr_assert_str_eq(a[1], b[1]);
	cr_assert_str_neq(a[0], c[0]);
	cr_assert_str_neq(a[1], c[1]);
	sample_free(&s1);
	sample_free(&s2);
	sample_free(&s3);
}

Test(sample, prefix_of_a_longer_run_is_identical)
{
	/* Entities and rows depend on their number only, not on what follows. */
	sample s1, s2;
	generate(&s1, STW_SAMPLE_COMPANIES, STW_SAMPLE_ZOHO, 500, 0, 9);
	generate(&s2, STW_SAMPLE_COMPANIES, STW_SAMPLE_ZOHO, 900, 0, 9);
	cr_assert(s1.len_data < s2.len_data);
	cr_assert(memcmp(s1.raw_data, s2.raw_data, s1.len_data) == 0);
	sample_free(&s1);
	sample_free(&s2);
}

/* ---- rates ---- */

/*
 * Measures every defect the options promise over 10,000 rows. Tolerance:
 * four standard errors of a binomial share, plus 0.005 because entity-level
 * defects (namesake, family, non_ascii) come in clusters.
 */
static void
check_rates(stw_sample_kind kind, stw_sample_crm crm)
{
	const uint64_t rows = 10000;
	sample s;
	generate(&s, kind, crm, rows, 200000, 7);
	cr_assert_eq(s.tr.n, rows + 1);
	size_t dups = 0;
	for (size_t r = 1; r < s.tr.n; r++)
		dups += strcmp(s.tr.rec[r][4], "1") == 0;
	cr_assert(fabs((double)dups / rows - 0.2) <= 0.02, "duplicate share %zu/%llu", dups,
	          (unsigned long long)rows);

	stw_sample_opts o;
	stw_sample_opts_init(&o);
	o.kind = kind;
	o.crm = crm;
	o.rows = rows;
	stw_sample_defect list[64];
	size_t nd = stw_sample_defects(&o, list, 64);
	cr_assert(nd > 10 && nd <= 64);
	for (size_t d = 0; d < nd; d++) {
		size_t hit = 0, pop = 0;
		for (size_t r = 1; r < s.tr.n; r++) {
			bool dup = strcmp(s.tr.rec[r][4], "1") == 0;
			if (list[d].duplicates_only && !dup) {
				cr_assert(!has_defect(s.tr.rec[r][5], list[d].name),
				          "%s on an original row %zu", list[d].name, r);
				continue;
			}
			pop++;
			hit += has_defect(s.tr.rec[r][5], list[d].name);
		}
		double p = list[d].ppm / 1e6, got = (double)hit / (double)pop;
		double tol = 4 * sqrt(p * (1 - p) / (double)pop) + 0.005;
		cr_expect(fabs(got - p) <= tol, "%s: %.4f measured, %.4f intended (+-%.4f)",
		          list[d].name, got, p, tol);
	}
	/* Nothing outside the list appears. */
	for (size_t r = 1; r < s.tr.n; r++) {
		char *copy = stw_xstrdup(s.tr.rec[r][5]);
		for (char *tok = strtok(copy, ";"); tok; tok = strtok(NULL, ";")) {
			bool known = false;
			for (size_t d = 0; d < nd && !known; d++)
				known = strcmp(tok, list[d].name) == 0;
			cr_expect(known, "unlisted defect %s in row %zu", tok, r);
		}
		free(copy);
	}
	sample_free(&s);
}

Test(sample, contact_rates, .timeout = 60)
{
	check_rates(STW_SAMPLE_CONTACTS, STW_SAMPLE_SALESFORCE);
}

Test(sample, company_rates, .timeout = 60)
{
	check_rates(STW_SAMPLE_COMPANIES, STW_SAMPLE_HUBSPOT);
}

Test(sample, exact_duplicate_count)
{
	stw_sample_opts o;
	stw_sample_opts_init(&o);
	uint64_t e, d;
	o.rows = 10000;
	o.dup_ppm = 200000;
	stw_sample_plan(&o, &e, &d);
	cr_assert_eq(d, 2000);
	cr_assert_eq(e, 8000);
	o.rows = 1;
	o.dup_ppm = 900000;
	stw_sample_plan(&o, &e, &d);
	cr_assert_eq(e, 1);
	cr_assert_eq(d, 0);
}

/* ---- structure, for every layout ---- */

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
check_structure(stw_sample_kind kind, stw_sample_crm crm)
{
	static const char *const entity[2][5] = {
		{"salesforce-contact", "hubspot-contact", "dynamics-contact", "pipedrive-person", "zoho-contact"},
		{"salesforce-account", "hubspot-company", "dynamics-account", "pipedrive-organization", "zoho-account"},
	};
	sample s;
	generate(&s, kind, crm, 1500, 300000, 11);
	const table *t = &s.data, *tr = &s.tr;

	/* Every header is a column of the matching import profile. */
	const char *root = getenv("SOURCE_ROOT");
	char *path = stw_xasprintf("%s/rules/profiles/%s.yaml", root ? root : ".", entity[kind][crm]);
	size_t plen;
	char *profile = slurp(path, &plen);
	for (int k = 0; k < t->nf[0]; k++) {
		char *quoted = stw_xasprintf("\"%s\":", t->rec[0][k]);
		cr_expect(strstr(profile, quoted), "%s: header %s not in the profile", path, quoted);
		free(quoted);
	}
	free(profile);
	free(path);

	cr_assert(stw_utf8_valid(s.raw_data, s.len_data), "output is not valid UTF-8");
	cr_assert(stw_utf8_valid(s.raw_truth, s.len_truth), "truth is not valid UTF-8");
	cr_assert_eq(tr->nf[0], 6);
	cr_assert_str_eq(tr->rec[0][0], "row");
	cr_assert_eq(t->n, tr->n, "data rows %zu, truth rows %zu", t->n - 1, tr->n - 1);

	int id = 0;
	char **ids = stw_xcalloc(t->n, sizeof *ids);
	uint64_t entities = 0;
	for (size_t r = 1; r < t->n; r++) {
		cr_assert_eq(t->nf[r], t->nf[0], "row %zu has %d fields", r, t->nf[r]);
		cr_assert_eq(tr->nf[r], 6);
		cr_assert_eq(strtoull(tr->rec[r][0], NULL, 10), r);
		cr_assert_eq(strtoull(tr->rec[r][1], NULL, 10), t->line[r], "row %zu: line %s, is %u",
		             r, tr->rec[r][1], t->line[r]);
		cr_assert_str_eq(tr->rec[r][2], t->rec[r][id]);
		uint64_t e = strtoull(tr->rec[r][3], NULL, 10);
		if (strcmp(tr->rec[r][4], "1") == 0) {
			cr_assert(e >= 1 && e <= entities, "duplicate of an entity not seen yet");
		} else {
			cr_assert_str_eq(tr->rec[r][4], "0");
			cr_assert_eq(e, ++entities, "entities are numbered in order of appearance");
		}
		ids[r - 1] = t->rec[r][id];
		cr_assert(ids[r - 1][0], "empty id in row %zu", r);
	}
	qsort(ids, t->n - 1, sizeof *ids, cmp_str);
	for (size_t r = 1; r + 1 < t->n; r++)
		cr_assert_str_neq(ids[r - 1], ids[r], "id %s is not unique", ids[r]);
	free(ids);
	sample_free(&s);
}

Test(sample, structure_all_layouts, .timeout = 120)
{
	for (int k = 0; k < 2; k++)
		for (int c = 0; c < 5; c++)
			check_structure((stw_sample_kind)k, (stw_sample_crm)c);
}

Test(sample, line_numbers_with_embedded_newlines)
{
	sample s;
	generate(&s, STW_SAMPLE_CONTACTS, STW_SAMPLE_SALESFORCE, 10000, 200000, 5);
	size_t multi = 0;
	for (size_t r = 1; r + 1 < s.data.n; r++)
		multi += s.data.line[r + 1] - s.data.line[r] > 1;
	cr_assert(multi > 20, "only %zu records span lines", multi);
	for (size_t r = 1; r < s.tr.n; r++)
		cr_assert_eq(strtoull(s.tr.rec[r][1], NULL, 10), s.data.line[r]);
	sample_free(&s);
}

/* ---- what the defects look like ---- */

static bool
looks_mojibake(const char *s)
{
	/*
	 * A UTF-8 lead byte read as cp1252 gives U+00C2..U+00EF (C3 82..C3 AF),
	 * and the continuation byte after it U+0080..U+00BF (C2 xx) or one of
	 * cp1252's own letters and signs (C5 xx, C6 92, CB xx, E2 xx xx).
	 */
	for (const unsigned char *p = (const unsigned char *)s; p[0] && p[1] && p[2]; p++)
		if (p[0] == 0xC3 && p[1] >= 0x82 && p[1] <= 0xAF &&
		    (p[2] == 0xC2 || p[2] == 0xC5 || p[2] == 0xC6 || p[2] == 0xCB || p[2] == 0xE2))
			return true;
	return false;
}

static bool
nonascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return true;
	return false;
}

Test(sample, encodings_as_labelled)
{
	sample s;
	generate(&s, STW_SAMPLE_CONTACTS, STW_SAMPLE_SALESFORCE, 10000, 200000, 3);
	int first = col(&s.data, "FirstName"), last = col(&s.data, "LastName");
	size_t moj = 0, moj_ok = 0, na = 0, na_ok = 0;
	for (size_t r = 1; r < s.tr.n; r++) {
		const char *f = s.data.rec[r][first], *l = s.data.rec[r][last];
		if (has_defect(s.tr.rec[r][5], "mojibake")) {
			moj++;
			moj_ok += looks_mojibake(f) || looks_mojibake(l);
		}
		if (has_defect(s.tr.rec[r][5], "non_ascii")) {
			na++;
			na_ok += (nonascii(f) || nonascii(l)) && !looks_mojibake(f) && !looks_mojibake(l);
		}
	}
	cr_assert(moj > 30 && na > 100, "%zu mojibake, %zu non-ASCII rows", moj, na);
	cr_assert(moj_ok >= moj * 95 / 100, "%zu of %zu mojibake rows show it", moj_ok, moj);
	cr_assert(na_ok >= na * 95 / 100, "%zu of %zu non-ASCII rows show it", na_ok, na);
	sample_free(&s);
}

Test(sample, hard_negatives_look_alike)
{
	sample s;
	generate(&s, STW_SAMPLE_CONTACTS, STW_SAMPLE_SALESFORCE, 10000, 200000, 4);
	int first = col(&s.data, "FirstName"), last = col(&s.data, "LastName");
	int street = col(&s.data, "MailingStreet"), phone = col(&s.data, "Phone");
	size_t namesakes = 0, families = 0;
	for (size_t a = 1; a < s.tr.n; a++) {
		const char **ra = (const char **)s.data.rec[a];
		const char *ta = s.tr.rec[a][5];
		bool ns = has_defect(ta, "namesake"), fam = has_defect(ta, "family");
		if (!ns && !fam)
			continue;
		for (size_t b = a + 1; b < s.tr.n; b++) {
			if (strcmp(s.tr.rec[a][3], s.tr.rec[b][3]) == 0)
				continue; /* same entity */
			const char **rb = (const char **)s.data.rec[b];
			if (ns && has_defect(s.tr.rec[b][5], "namesake") &&
			    strcmp(ra[first], rb[first]) == 0 && strcmp(ra[last], rb[last]) == 0 && ra[last][0])
				namesakes++;
			if (fam && has_defect(s.tr.rec[b][5], "family") && ra[last][0] &&
			    strcmp(ra[last], rb[last]) == 0 && strcmp(ra[street], rb[street]) == 0 &&
			    strcmp(ra[phone], rb[phone]) == 0 && strcmp(ra[first], rb[first]) != 0)
				families++;
		}
	}
	cr_assert(namesakes >= 50, "%zu namesake pairs", namesakes);
	cr_assert(families >= 30, "%zu family pairs", families);
	sample_free(&s);
}

Test(sample, shared_role_emails_and_switchboards)
{
	sample s;
	generate(&s, STW_SAMPLE_CONTACTS, STW_SAMPLE_SALESFORCE, 10000, 200000, 8);
	int email = col(&s.data, "Email"), phone = col(&s.data, "Phone");
	size_t shared_mail = 0, shared_phone = 0;
	for (size_t a = 1; a < s.tr.n; a++) {
		bool role = has_defect(s.tr.rec[a][5], "role_email");
		bool sw = has_defect(s.tr.rec[a][5], "switchboard");
		for (size_t b = a + 1; (role || sw) && b < s.tr.n; b++) {
			if (strcmp(s.tr.rec[a][3], s.tr.rec[b][3]) == 0)
				continue;
			shared_mail += role && has_defect(s.tr.rec[b][5], "role_email") &&
			               strcmp(s.data.rec[a][email], s.data.rec[b][email]) == 0;
			shared_phone += sw && has_defect(s.tr.rec[b][5], "switchboard") &&
			                strcmp(s.data.rec[a][phone], s.data.rec[b][phone]) == 0;
		}
		if (role)
			cr_assert(strchr(s.data.rec[a][email], '@'));
	}
	cr_assert(shared_mail >= 10, "%zu shared role emails", shared_mail);
	cr_assert(shared_phone >= 10, "%zu shared switchboards", shared_phone);
	sample_free(&s);
}

/* ---- options and failures ---- */

Test(sample, parse_rate)
{
	uint32_t v = 7;
	cr_assert(stw_sample_parse_rate("0.2", &v) && v == 200000);
	cr_assert(stw_sample_parse_rate(".15", &v) && v == 150000);
	cr_assert(stw_sample_parse_rate("0", &v) && v == 0);
	cr_assert(stw_sample_parse_rate("1", &v) && v == 1000000);
	cr_assert(stw_sample_parse_rate("0.000001", &v) && v == 1);
	v = 7;
	const char *bad[] = {"", "abc", "0,2", "1.5", "2", "0.1234567", "-0.1", "1e-1", " 0.2", "0.2x", "."};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_assert(!stw_sample_parse_rate(bad[i], &v) && v == 7, "accepted '%s'", bad[i]);
}

Test(sample, names)
{
	stw_sample_crm c;
	stw_sample_kind k;
	cr_assert(stw_sample_crm_parse("zoho", &c) && c == STW_SAMPLE_ZOHO);
	cr_assert(!stw_sample_crm_parse("sap", &c));
	cr_assert_str_eq(stw_sample_crm_name(STW_SAMPLE_PIPEDRIVE), "pipedrive");
	cr_assert(stw_sample_kind_parse("companies", &k) && k == STW_SAMPLE_COMPANIES);
	cr_assert(!stw_sample_kind_parse("leads", &k));
}

Test(sample, bad_options_are_usage_errors)
{
	char *dir = tmpdir();
	char *out = stw_xasprintf("%s/o.csv", dir);
	stw_sample_opts o;
	stw_sample_opts_init(&o);
	stw_error err;
	o.rows = 0;
	cr_assert_eq(stw_sample_write(&o, out, NULL, &err), STW_EUSAGE);
	cr_assert(err.msg[0]);
	o.rows = 10;
	o.dup_ppm = 950000;
	cr_assert_eq(stw_sample_write(&o, out, NULL, &err), STW_EUSAGE);
	o.dup_ppm = 200000;
	cr_assert_eq(stw_sample_write(&o, out, out, &err), STW_EUSAGE);
	cr_assert_eq(stw_sample_write(&o, NULL, NULL, &err), STW_EUSAGE);
	cr_assert(access(out, F_OK) != 0, "nothing is written on a usage error");
	cr_assert_eq(stw_sample_defects(&(stw_sample_opts){.rows = 0}, NULL, 0), 0);
	rmdir(dir);
	free(out);
	free(dir);
}

Test(sample, unwritable_leaves_nothing)
{
	char *dir = tmpdir();
	char *out = stw_xasprintf("%s/o.csv", dir);
	char *bad = stw_xasprintf("%s/missing/t.csv", dir);
	FILE *f = fopen(out, "w");
	fputs("old", f);
	fclose(f);
	stw_sample_opts o;
	stw_sample_opts_init(&o);
	stw_error err;
	cr_assert_eq(stw_sample_write(&o, out, bad, &err), STW_EIO);
	cr_assert(strstr(err.msg, "missing/t.csv"), "%s", err.msg);
	size_t n;
	char *s = slurp(out, &n);
	cr_assert(n == 3 && memcmp(s, "old", 3) == 0, "an earlier file is left alone");
	free(s);
	char *tmp = stw_xasprintf("%s.tmp", out);
	cr_assert(access(tmp, F_OK) != 0, "no temporary file left");
	cr_assert_eq(stw_sample_write(&o, "/nonexistent-dir/o.csv", NULL, &err), STW_EIO);
	unlink(out);
	rmdir(dir);
	free(tmp);
	free(out);
	free(bad);
	free(dir);
}

Test(sample, defect_list_is_documented)
{
	stw_sample_opts o;
	stw_sample_opts_init(&o);
	stw_sample_defect list[64];
	size_t n = stw_sample_defects(&o, list, 64);
	for (size_t i = 0; i < n; i++) {
		cr_assert(list[i].about && list[i].about[0]);
		cr_assert(list[i].ppm > 0 && list[i].ppm < 1000000);
		for (size_t j = 0; j < i; j++)
			cr_assert_str_neq(list[i].name, list[j].name);
	}
	/* Pipedrive persons have no address: no address defects. */
	o.crm = STW_SAMPLE_PIPEDRIVE;
	n = stw_sample_defects(&o, list, 64);
	for (size_t i = 0; i < n; i++)
		cr_assert(strcmp(list[i].name, "street_format") != 0);
}
