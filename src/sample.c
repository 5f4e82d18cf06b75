/*
 * The sample generator behind `steward sample`: public functions, set-up,
 * the row planner and the output files.
 *
 * Everything is derived from the seed with a private PRNG (xoshiro256**
 * seeded through splitmix64), one independent stream per purpose and index:
 * the entity with number E always has the same canonical values, however
 * many rows came before it, and row R always draws the same defects. That is
 * what keeps memory flat: a duplicate row regenerates its entity instead of
 * looking it up, so nothing grows with the row count.
 *
 * Rows are planned so that exactly round(rows * dup rate) of them are
 * duplicates: each row is a duplicate with probability (duplicates left /
 * rows left), of an entity drawn mostly from the last 2,000 (so clusters
 * stay small, 2-4 records at the usual rates) and sometimes from any earlier
 * one. Entities are numbered in order of first appearance.
 *
 * The rest lives beside this file: sample_rows.c draws the defects of one
 * row (its comment says how rates are kept exact), sample_people.c makes
 * people, companies, addresses, phones, ids and dates, sample_text.c holds
 * the word lists and the defects of letters (typos, mojibake, email faults),
 * sample_pools.c the built-in word lists, and sample_internal.h what they
 * share.
 */
#include "sample_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

/* ==== export layouts ==== */

/* Header names are those of rules/profiles/<crm>-<entity>.yaml. */
static const smp_column sf_contact[] = {
	{"Id", K_ID}, {"Salutation", K_SALUT}, {"FirstName", K_FIRST}, {"LastName", K_LAST},
	{"Title", K_TITLE}, {"Account.Name", K_COMPANY}, {"Email", K_EMAIL}, {"Phone", K_PHONE},
	{"MobilePhone", K_MOBILE}, {"MailingStreet", K_STREET}, {"MailingCity", K_CITY},
	{"MailingState", K_STATE}, {"MailingPostalCode", K_POSTCODE}, {"MailingCountry", K_COUNTRY},
	{"OwnerId", K_OWNER}, {"CreatedDate", K_CREATED}, {"LastModifiedDate", K_UPDATED},
	{"LastActivityDate", K_ACTIVITY}, {NULL, 0}};
static const smp_column sf_account[] = {
	{"Id", K_ID}, {"Name", K_COMPANY}, {"Website", K_WEBSITE}, {"Phone", K_PHONE},
	{"BillingStreet", K_STREET}, {"BillingCity", K_CITY}, {"BillingState", K_STATE},
	{"BillingPostalCode", K_POSTCODE}, {"BillingCountry", K_COUNTRY}, {"Industry", K_INDUSTRY},
	{"NumberOfEmployees", K_EMPLOYEES}, {"OwnerId", K_OWNER}, {"CreatedDate", K_CREATED},
	{"LastModifiedDate", K_UPDATED}, {"LastActivityDate", K_ACTIVITY}, {NULL, 0}};
static const smp_column hs_contact[] = {
	{"Record ID", K_ID}, {"First Name", K_FIRST}, {"Last Name", K_LAST}, {"Email", K_EMAIL},
	{"Phone Number", K_PHONE}, {"Mobile Phone Number", K_MOBILE}, {"Company Name", K_COMPANY},
	{"Job Title", K_TITLE}, {"Street Address", K_STREET}, {"City", K_CITY},
	{"State/Region", K_STATE}, {"Postal Code", K_POSTCODE}, {"Country/Region", K_COUNTRY},
	{"Contact owner", K_OWNER}, {"Lifecycle Stage", K_STAGE}, {"Create Date", K_CREATED},
	{"Last Modified Date", K_UPDATED}, {"Last Activity Date", K_ACTIVITY}, {NULL, 0}};
static const smp_column hs_company[] = {
	{"Record ID", K_ID}, {"Company name", K_COMPANY}, {"Company Domain Name", K_WEBSITE},
	{"Phone Number", K_PHONE}, {"Street Address", K_STREET}, {"City", K_CITY},
	{"State/Region", K_STATE}, {"Postal Code", K_POSTCODE}, {"Country/Region", K_COUNTRY},
	{"Industry", K_INDUSTRY}, {"Number of Employees", K_EMPLOYEES}, {"Company owner", K_OWNER},
	{"Create Date", K_CREATED}, {"Last Modified Date", K_UPDATED},
	{"Last Activity Date", K_ACTIVITY}, {NULL, 0}};
static const smp_column dy_contact[] = {
	{"contactid", K_ID}, {"firstname", K_FIRST}, {"lastname", K_LAST}, {"jobtitle", K_TITLE},
	{"parentcustomerid", K_COMPANY}, {"emailaddress1", K_EMAIL}, {"telephone1", K_PHONE},
	{"mobilephone", K_MOBILE}, {"address1_line1", K_STREET}, {"address1_city", K_CITY},
	{"address1_stateorprovince", K_STATE}, {"address1_postalcode", K_POSTCODE},
	{"address1_country", K_COUNTRY}, {"ownerid", K_OWNER}, {"createdon", K_CREATED},
	{"modifiedon", K_UPDATED}, {NULL, 0}};
static const smp_column dy_account[] = {
	{"accountid", K_ID}, {"name", K_COMPANY}, {"websiteurl", K_WEBSITE}, {"telephone1", K_PHONE},
	{"address1_line1", K_STREET}, {"address1_city", K_CITY},
	{"address1_stateorprovince", K_STATE}, {"address1_postalcode", K_POSTCODE},
	{"address1_country", K_COUNTRY}, {"industrycode", K_INDUSTRY},
	{"numberofemployees", K_EMPLOYEES}, {"ownerid", K_OWNER}, {"createdon", K_CREATED},
	{"modifiedon", K_UPDATED}, {NULL, 0}};
static const smp_column pd_person[] = {
	{"Person - ID", K_ID}, {"Person - Name", K_FULL}, {"Person - First name", K_FIRST},
	{"Person - Last name", K_LAST}, {"Person - Email - Work", K_EMAIL},
	{"Person - Phone - Work", K_PHONE}, {"Person - Phone - Mobile", K_MOBILE},
	{"Person - Organization", K_COMPANY}, {"Person - Job title", K_TITLE},
	{"Person - Owner", K_OWNER}, {"Person - Person created", K_CREATED},
	{"Person - Update time", K_UPDATED}, {"Person - Last activity date", K_ACTIVITY}, {NULL, 0}};
static const smp_column pd_org[] = {
	{"Organization - ID", K_ID}, {"Organization - Name", K_COMPANY},
	{"Organization - Address", K_STREET},
	{"Organization - Address - City/town/village/locality", K_CITY},
	{"Organization - Address - State/County", K_STATE},
	{"Organization - Address - ZIP/Postal code", K_POSTCODE},
	{"Organization - Address - Country", K_COUNTRY}, {"Organization - Website", K_WEBSITE},
	{"Organization - Industry", K_INDUSTRY}, {"Organization - Owner", K_OWNER},
	{"Organization - Organization created", K_CREATED},
	{"Organization - Update time", K_UPDATED},
	{"Organization - Last activity date", K_ACTIVITY}, {NULL, 0}};
static const smp_column zo_contact[] = {
	{"Contact ID", K_ID}, {"First Name", K_FIRST}, {"Last Name", K_LAST}, {"Email", K_EMAIL},
	{"Phone", K_PHONE}, {"Mobile", K_MOBILE}, {"Account Name", K_COMPANY}, {"Title", K_TITLE},
	{"Mailing Street", K_STREET}, {"Mailing City", K_CITY}, {"Mailing State", K_STATE},
	{"Mailing Zip", K_POSTCODE}, {"Mailing Country", K_COUNTRY}, {"Contact Owner", K_OWNER},
	{"Created Time", K_CREATED}, {"Modified Time", K_UPDATED},
	{"Last Activity Time", K_ACTIVITY}, {NULL, 0}};
static const smp_column zo_account[] = {
	{"Account ID", K_ID}, {"Account Name", K_COMPANY}, {"Website", K_WEBSITE}, {"Phone", K_PHONE},
	{"Billing Street", K_STREET}, {"Billing City", K_CITY}, {"Billing State", K_STATE},
	{"Billing Code", K_POSTCODE}, {"Billing Country", K_COUNTRY}, {"Industry", K_INDUSTRY},
	{"Employees", K_EMPLOYEES}, {"Account Owner", K_OWNER}, {"Created Time", K_CREATED},
	{"Modified Time", K_UPDATED}, {"Last Activity Time", K_ACTIVITY}, {NULL, 0}};

static const smp_column *const layouts[5][2] = {
	{sf_contact, sf_account}, {hs_contact, hs_company}, {dy_contact, dy_account},
	{pd_person, pd_org}, {zo_contact, zo_account},
};


/* ==== set-up ==== */

static uint64_t
gcd(uint64_t a, uint64_t b)
{
	while (b) {
		uint64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* Share (ppm) of the weight of a name list that has a nickname. */
static uint64_t
nick_share(const smp_gen *g, const smp_wlist *l)
{
	uint64_t tot = 0, hit = 0;
	for (uint32_t i = 0; i < l->n; i++) {
		uint64_t w = l->cum ? l->cum[i] - (i ? l->cum[i - 1] : 0) : 1;
		tot += w;
		if (stw_smp_nickname(g, l->w[i], NULL))
			hit += w;
	}
	return hit * PPM / tot;
}

static void
gen_init(smp_gen *g, const stw_sample_opts *o)
{
	memset(g, 0, sizeof *g);
	g->o = *o;
	const stw_sample_pools *pl = g->pl = stw_sample_pools_get();
	g->cols = layouts[o->crm][o->kind];
	for (const smp_column *c = g->cols; c->header; c++)
		g->has[c->key] = true;
	stw_sample_plan(o, &g->entities, &g->dups);
	bool people = o->kind == STW_SAMPLE_CONTACTS;
	g->companies = people ? g->entities / 5 + 1 : g->entities;

	stw_smp_wl_init(&g->male, pl->male, ' ', true);
	stw_smp_wl_init(&g->female, pl->female, ' ', true);
	stw_smp_wl_init(&g->surnames, pl->surnames, ' ', true);
	stw_smp_wl_init(&g->male_intl, pl->male_intl, ' ', false);
	stw_smp_wl_init(&g->female_intl, pl->female_intl, ' ', false);
	stw_smp_wl_init(&g->surnames_intl, pl->surnames_intl, ' ', false);
	stw_smp_wl_init(&g->cmale, pl->common_male, ' ', false);
	stw_smp_wl_init(&g->cfemale, pl->common_female, ' ', false);
	stw_smp_wl_init(&g->csurnames, pl->common_surnames, ' ', false);
	stw_smp_wl_init(&g->titles, pl->titles, '|', true);
	stw_smp_wl_init(&g->cores, pl->company_cores, ' ', false);
	/* ASCII prefixes first, then the others: a company is non-ASCII by its prefix. */
	char *all = stw_xasprintf("%s %s", pl->company_prefixes, pl->company_prefixes_intl);
	stw_smp_wl_init(&g->prefixes, all, ' ', false);
	free(all);
	g->nprefix_ascii = 1;
	for (const char *p = pl->company_prefixes; *p; p++)
		g->nprefix_ascii += *p == ' ';
	stw_smp_places_init(g);

	g->name_space = (uint64_t)g->prefixes.n * g->cores.n * pl->ntrades;
	g->ns_names = (uint32_t)(g->entities / 200 < 20 ? 20 : g->entities / 200 > 20000 ?
	                         20000 : g->entities / 200);
	for (g->perm_a = 1000003; gcd(g->perm_a, g->name_space) != 1; g->perm_a += 2)
		;
	g->perm_b = mix64(o->seed ^ 0x5EEDULL) % g->name_space;

	stw_smp_ids_init(g);

	for (int d = 0; d < ND; d++) {
		uint32_t rate = people ? stw_smp_defects[d].contacts : stw_smp_defects[d].companies;
		uint8_t key = d == D_WHITESPACE && !people ? K_COMPANY : stw_smp_defects[d].key;
		g->p[d] = g->has[key] ? rate : 0;
	}
	uint64_t intl = people ? INTL_PPM :
	                (uint64_t)(g->prefixes.n - g->nprefix_ascii) * PPM / g->prefixes.n;
	g->p[D_MOJIBAKE] = (uint32_t)(intl * MOJIBAKE_Q / PPM);
	g->p[D_NON_ASCII] = (uint32_t)intl - g->p[D_MOJIBAKE];
	memcpy(g->attempt, g->p, sizeof g->attempt);
	/* Only women take a married name, only some first names have a nickname:
	 * widen their intervals so that the share of all duplicates is as listed. */
	g->attempt[D_MARRIED] = 2 * g->p[D_MARRIED];
	if (g->p[D_NICKNAME]) {
		uint64_t reg = (nick_share(g, &g->male) + nick_share(g, &g->female)) / 2;
		uint64_t com = (nick_share(g, &g->cmale) + nick_share(g, &g->cfemale)) / 2;
		uint64_t ns = g->p[D_NAMESAKE];
		uint64_t frac = ((PPM - ns - INTL_PPM) * reg + ns * com + INTL_PPM / 3 * reg) / PPM;
		uint64_t a = frac ? (uint64_t)g->p[D_NICKNAME] * PPM / frac : 0;
		g->attempt[D_NICKNAME] = (uint32_t)(a > 500000 ? 500000 : a);
	}
}

static void
gen_free(smp_gen *g)
{
	smp_wlist *lists[] = {&g->male, &g->female, &g->surnames, &g->male_intl, &g->female_intl,
	                      &g->surnames_intl, &g->cmale, &g->cfemale, &g->csurnames, &g->titles,
	                      &g->prefixes, &g->cores};
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
		stw_smp_wl_free(lists[i]);
	for (int c = 0; c < NCOUNTRY; c++)
		stw_smp_wl_free(&g->streets[c]);
	free(g->city_country);
	free(g->city_cum);
}

/* ==== output ==== */

/* Appends one RFC 4180 field; returns the number of line feeds inside it. */
static unsigned
csv_put(stw_buf *b, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		stw_buf_adds(b, s);
		return 0;
	}
	unsigned nl = 0;
	stw_buf_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			stw_buf_addc(b, '"');
		nl += *s == '\n';
		stw_buf_addc(b, *s);
	}
	stw_buf_addc(b, '"');
	return nl;
}

static void
buf_u64(stw_buf *b, uint64_t v)
{
	char tmp[24];
	smp_sb s;
	s.p = tmp;
	s.n = 0;
	sb_u(&s, v, 1);
	stw_buf_add(b, tmp, s.n);
}

static stw_err
put(FILE *f, const stw_buf *b, const char *path, stw_error *err)
{
	if (fwrite(b->data, 1, b->len, f) != b->len)
		return stw_fail(err, STW_EIO, "cannot write %s: %s", path, strerror(errno));
	return STW_OK;
}

static stw_err
write_all(smp_gen *g, FILE *fo, FILE *ft, const char *out_path, const char *truth_path,
          stw_error *err)
{
	stw_buf line = STW_BUF_INIT, tl = STW_BUF_INIT;
	smp_row *rv = stw_xmalloc(sizeof *rv);
	stw_err rc;
	for (const smp_column *c = g->cols; c->header; c++) {
		if (c != g->cols)
			stw_buf_addc(&line, ',');
		csv_put(&line, c->header);
	}
	stw_buf_adds(&line, "\r\n");
	stw_buf_adds(&tl, "row,line,external_id,entity_id,is_duplicate,defects\r\n");
	if ((rc = put(fo, &line, out_path, err)) || (ft && (rc = put(ft, &tl, truth_path, err))))
		goto done;

	smp_rng plan;
	rng_init(&plan, g->o.seed, S_PLAN, 0);
	uint64_t made = 0, dups_left = g->dups, lineno = 2;
	for (uint64_t row = 0; row < g->o.rows; row++) {
		/* Exactly g->dups duplicates: each row is one with probability left/rows left. */
		bool dup = made && rng_next(&plan) % (g->o.rows - row) < dups_left;
		uint64_t eid;
		if (dup) {
			dups_left--;
			uint64_t span = made < WINDOW ? made : WINDOW;
			eid = rng_ppm(&plan, 800000) ? made - 1 - rng_next(&plan) % span :
			      rng_next(&plan) % made;
		} else {
			eid = made++;
		}
		smp_rng r;
		rng_init(&r, g->o.seed, S_ROW, row);
		memset(rv->v, 0, sizeof rv->v);
		if (g->o.kind == STW_SAMPLE_CONTACTS)
			stw_smp_contact_row(g, &r, eid, dup, rv);
		else
			stw_smp_company_row(g, &r, eid, dup, rv);
		stw_smp_row_common(g, &r, row, rv);

		stw_buf_reset(&line);
		unsigned nl = 0;
		for (const smp_column *c = g->cols; c->header; c++) {
			if (c != g->cols)
				stw_buf_addc(&line, ',');
			nl += csv_put(&line, rv->v[c->key]);
		}
		stw_buf_adds(&line, "\r\n");
		if ((rc = put(fo, &line, out_path, err)))
			goto done;
		if (ft) {
			stw_buf_reset(&tl);
			buf_u64(&tl, row + 1);
			stw_buf_addc(&tl, ',');
			buf_u64(&tl, lineno);
			stw_buf_addc(&tl, ',');
			csv_put(&tl, rv->v[K_ID]);
			stw_buf_addc(&tl, ',');
			buf_u64(&tl, eid + 1);
			stw_buf_adds(&tl, dup ? ",1," : ",0,");
			bool first = true;
			for (int d = 0; d < ND; d++) {
				if (rv->flags & BIT(d)) {
					if (!first)
						stw_buf_addc(&tl, ';');
					stw_buf_adds(&tl, stw_smp_defects[d].name);
					first = false;
				}
			}
			stw_buf_adds(&tl, "\r\n");
			if ((rc = put(ft, &tl, truth_path, err)))
				goto done;
		}
		lineno += 1 + nl;
	}
	rc = STW_OK;
done:
	stw_buf_free(&line);
	stw_buf_free(&tl);
	free(rv);
	return rc;
}

/* Flushes and closes f; false (errno set) when anything failed to reach the file. */
static bool
close_ok(FILE *f)
{
	bool ok = fflush(f) == 0 && !ferror(f);
	int saved = errno;
	if (fclose(f) != 0)
		return false;
	errno = saved;
	return ok;
}

/* ==== public functions ==== */

void
stw_sample_opts_init(stw_sample_opts *o)
{
	o->kind = STW_SAMPLE_CONTACTS;
	o->crm = STW_SAMPLE_SALESFORCE;
	o->rows = 1000;
	o->dup_ppm = 200000;
	o->seed = 1;
}

static const char *const crm_names[] = {"salesforce", "hubspot", "dynamics", "pipedrive", "zoho"};

bool
stw_sample_crm_parse(const char *name, stw_sample_crm *out)
{
	for (int i = 0; i < 5; i++) {
		if (name && strcmp(name, crm_names[i]) == 0) {
			*out = (stw_sample_crm)i;
			return true;
		}
	}
	return false;
}

const char *
stw_sample_crm_name(stw_sample_crm crm)
{
	return (unsigned)crm < 5 ? crm_names[crm] : "?";
}

bool
stw_sample_kind_parse(const char *name, stw_sample_kind *out)
{
	if (name && (strcmp(name, "contacts") == 0 || strcmp(name, "contact") == 0)) {
		*out = STW_SAMPLE_CONTACTS;
		return true;
	}
	if (name && (strcmp(name, "companies") == 0 || strcmp(name, "company") == 0 ||
	             strcmp(name, "accounts") == 0)) {
		*out = STW_SAMPLE_COMPANIES;
		return true;
	}
	return false;
}

bool
stw_sample_parse_rate(const char *s, uint32_t *ppm)
{
	uint64_t whole = 0, frac = 0;
	int nd = 0;
	bool any = false;
	if (!s)
		return false;
	for (; *s >= '0' && *s <= '9'; s++, any = true)
		if ((whole = whole * 10 + (uint64_t)(*s - '0')) > 1)
			return false;
	if (*s == '.') {
		for (s++; *s >= '0' && *s <= '9'; s++, any = true, nd++) {
			if (nd == 6)
				return false;
			frac = frac * 10 + (uint64_t)(*s - '0');
		}
	}
	if (*s || !any)
		return false;
	for (; nd < 6; nd++)
		frac *= 10;
	if (whole * PPM + frac > PPM)
		return false;
	*ppm = (uint32_t)(whole * PPM + frac);
	return true;
}

void
stw_sample_plan(const stw_sample_opts *o, uint64_t *entities, uint64_t *duplicates)
{
	uint64_t d = (o->rows * o->dup_ppm + PPM / 2) / PPM;
	if (o->rows && d >= o->rows)
		d = o->rows - 1;
	*entities = o->rows - d;
	*duplicates = d;
}

static stw_err
check_opts(const stw_sample_opts *o, stw_error *err)
{
	if (!o || (unsigned)o->kind > STW_SAMPLE_COMPANIES || (unsigned)o->crm > STW_SAMPLE_ZOHO)
		return stw_fail(err, STW_EUSAGE, "unknown kind of record or CRM");
	if (o->rows < 1 || o->rows > STW_SAMPLE_MAX_ROWS)
		return stw_fail(err, STW_EUSAGE, "the row count must be between 1 and %llu",
		                (unsigned long long)STW_SAMPLE_MAX_ROWS);
	if (o->dup_ppm > STW_SAMPLE_MAX_DUP)
		return stw_fail(err, STW_EUSAGE, "the duplicate rate must be between 0 and 0.9");
	return STW_OK;
}

size_t
stw_sample_defects(const stw_sample_opts *o, stw_sample_defect *out, size_t cap)
{
	if (check_opts(o, NULL))
		return 0;
	smp_gen *g = stw_xmalloc(sizeof *g);
	gen_init(g, o);
	size_t n = 0;
	for (int d = 0; d < ND; d++) {
		if (!g->p[d])
			continue;
		if (n < cap) {
			out[n].name = stw_smp_defects[d].name;
			out[n].duplicates_only = stw_smp_defects[d].dup;
			out[n].ppm = g->p[d];
			out[n].about = stw_smp_defects[d].about;
		}
		n++;
	}
	gen_free(g);
	free(g);
	return n;
}

stw_err
stw_sample_write(const stw_sample_opts *opts, const char *out_path, const char *truth_path,
                 stw_error *err)
{
	stw_err rc = check_opts(opts, err);
	if (rc)
		return rc;
	if (!out_path || !*out_path)
		return stw_fail(err, STW_EUSAGE, "no output file given");
	if (truth_path && !*truth_path)
		truth_path = NULL;
	if (truth_path && strcmp(out_path, truth_path) == 0)
		return stw_fail(err, STW_EUSAGE, "the truth file must not be the output file");

	char *tmp_out = stw_xasprintf("%s.tmp", out_path);
	char *tmp_truth = truth_path ? stw_xasprintf("%s.tmp", truth_path) : NULL;
	FILE *fo = NULL, *ft = NULL;
	smp_gen *g = NULL;
	if (!(fo = fopen(tmp_out, "wb"))) {
		rc = stw_fail(err, STW_EIO, "cannot create %s: %s", tmp_out, strerror(errno));
		goto done;
	}
	if (tmp_truth && !(ft = fopen(tmp_truth, "wb"))) {
		rc = stw_fail(err, STW_EIO, "cannot create %s: %s", tmp_truth, strerror(errno));
		goto done;
	}
	setvbuf(fo, NULL, _IOFBF, 1 << 20);
	if (ft)
		setvbuf(ft, NULL, _IOFBF, 1 << 18);
	g = stw_xmalloc(sizeof *g);
	gen_init(g, opts);
	if ((rc = write_all(g, fo, ft, out_path, truth_path, err)))
		goto done;
	bool ok = close_ok(fo);
	fo = NULL;
	if (!ok) {
		rc = stw_fail(err, STW_EIO, "cannot write %s: %s", out_path, strerror(errno));
		goto done;
	}
	if (ft) {
		ok = close_ok(ft);
		ft = NULL;
		if (!ok) {
			rc = stw_fail(err, STW_EIO, "cannot write %s: %s", truth_path, strerror(errno));
			goto done;
		}
		if (rename(tmp_truth, truth_path) != 0) {
			rc = stw_fail(err, STW_EIO, "cannot rename %s to %s: %s", tmp_truth,
			              truth_path, strerror(errno));
			goto done;
		}
	}
	if (rename(tmp_out, out_path) != 0)
		rc = stw_fail(err, STW_EIO, "cannot rename %s to %s: %s", tmp_out, out_path,
		              strerror(errno));
done:
	if (fo)
		fclose(fo);
	if (ft)
		fclose(ft);
	if (rc) {
		unlink(tmp_out);
		if (tmp_truth)
			unlink(tmp_truth);
	}
	if (g) {
		gen_free(g);
		free(g);
	}
	free(tmp_out);
	free(tmp_truth);
	return rc;
}
