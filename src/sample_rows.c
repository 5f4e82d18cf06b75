/*
 * One row of the sample: the entity's canonical values, then the defects
 * drawn for this row, field by field.
 *
 * Defects that touch the same field exclude each other: for each field
 * group one draw picks at most one of them, from fixed intervals of
 * g->attempt[] parts per million, so the rate of every defect is exactly
 * the rate in the table below (as a share of all rows, or of duplicate rows
 * for those that only duplicates carry). A defect is marked in the row, and
 * so written to the truth file, only when it was applied. The order of the
 * draws is part of the output: changing it changes every row after it.
 */
#include "sample_internal.h"

#include <string.h>

/* ==== the defect table ==== */

const smp_defect stw_smp_defects[ND] = {
	[D_TYPO_FIRST] = {"typo_first_name", K_FIRST, true, 120000, 0, "one-letter slip in the first name"},
	[D_NICKNAME] = {"nickname", K_FIRST, true, 150000, 0, "first name replaced by a nickname (Robert -> Bob)"},
	[D_TYPO_LAST] = {"typo_last_name", K_LAST, true, 100000, 0, "one-letter slip in the last name"},
	[D_MARRIED] = {"married_name", K_LAST, true, 60000, 0, "new or double-barrelled surname (women only)"},
	[D_SWAPPED] = {"swapped_names", K_FIRST, true, 30000, 0, "first and last name swapped"},
	[D_TYPO_COMPANY] = {"typo_company", K_COMPANY, true, 50000, 0, "one-letter slip in the company"},
	[D_TYPO_NAME] = {"typo_name", K_COMPANY, true, 0, 120000, "one-letter slip in the company name"},
	[D_SUFFIX] = {"company_suffix", K_COMPANY, true, 150000, 250000, "legal suffix written another way (Inc / Inc. / Incorporated / none)"},
	[D_NEW_EMPLOYER] = {"new_employer", K_COMPANY, true, 80000, 0, "moved to another company, with a new work email"},
	[D_TITLE_CHANGED] = {"title_changed", K_TITLE, true, 100000, 0, "another job title"},
	[D_MISSING_TITLE] = {"missing_title", K_TITLE, true, 50000, 0, "job title left empty"},
	[D_EMAIL_CASE] = {"email_case", K_EMAIL, true, 100000, 0, "same email in other letter case"},
	[D_TYPO_EMAIL] = {"typo_email", K_EMAIL, true, 50000, 0, "slip in the email domain (gmial.com)"},
	[D_PHONE_FMT] = {"phone_format", K_PHONE, true, 300000, 300000, "same phone number written another way"},
	[D_MISSING_PHONE] = {"missing_phone", K_PHONE, true, 80000, 80000, "phone left empty"},
	[D_ADDRESS_CHANGED] = {"address_changed", K_STREET, true, 80000, 80000, "moved: another street and city"},
	[D_STREET_FMT] = {"street_format", K_STREET, true, 150000, 150000, "street type abbreviated or spelt out (St / Street)"},
	[D_COUNTRY_FMT] = {"country_format", K_COUNTRY, true, 100000, 100000, "country written another way (USA / United States)"},
	[D_WEBSITE_FMT] = {"website_format", K_WEBSITE, true, 0, 200000, "website with or without www., http(s)://, slash"},
	[D_EMPLOYEES] = {"employees_changed", K_EMPLOYEES, true, 0, 150000, "another employee count"},
	[D_MISSING_INDUSTRY] = {"missing_industry", K_INDUSTRY, true, 0, 80000, "industry left empty"},
	[D_JUNK_FIRST] = {"junk_first_name", K_FIRST, false, 10000, 0, "placeholder first name (n/a, test, xxx...)"},
	[D_JUNK_LAST] = {"junk_last_name", K_LAST, false, 5000, 0, "placeholder last name"},
	[D_JUNK_COMPANY] = {"junk_company", K_COMPANY, false, 15000, 0, "placeholder company"},
	[D_JUNK_NAME] = {"junk_name", K_COMPANY, false, 0, 10000, "placeholder company name"},
	[D_JUNK_TITLE] = {"junk_title", K_TITLE, false, 20000, 0, "placeholder job title"},
	[D_JUNK_EMAIL] = {"junk_email", K_EMAIL, false, 10000, 0, "placeholder email (n/a, test@test.com...)"},
	[D_JUNK_PHONE] = {"junk_phone", K_PHONE, false, 20000, 20000, "placeholder phone (000-000-0000...)"},
	[D_JUNK_CITY] = {"junk_city", K_CITY, false, 10000, 10000, "placeholder city"},
	[D_JUNK_WEBSITE] = {"junk_website", K_WEBSITE, false, 0, 15000, "placeholder website"},
	[D_JUNK_INDUSTRY] = {"junk_industry", K_INDUSTRY, false, 0, 20000, "placeholder industry"},
	[D_MISSING_LAST] = {"missing_last_name", K_LAST, false, 10000, 0, "required last name empty"},
	[D_MISSING_COMPANY] = {"missing_company", K_COMPANY, false, 20000, 0, "company empty"},
	[D_MISSING_NAME] = {"missing_name", K_COMPANY, false, 0, 5000, "required company name empty"},
	[D_MISSING_EMAIL] = {"missing_email", K_EMAIL, false, 30000, 0, "email empty"},
	[D_MISSING_WEBSITE] = {"missing_website", K_WEBSITE, false, 0, 30000, "website empty"},
	[D_INVALID_EMAIL] = {"invalid_email", K_EMAIL, false, 30000, 0, "malformed email (no @, double dot, space, comma, no TLD)"},
	[D_INVALID_WEBSITE] = {"invalid_website", K_WEBSITE, false, 0, 20000, "malformed website (http//, no TLD, comma)"},
	[D_ROLE_EMAIL] = {"role_email", K_EMAIL, false, 30000, 0, "company role address (info@, sales@) shared by colleagues"},
	[D_SWITCHBOARD] = {"switchboard", K_PHONE, false, 40000, 0, "company main number shared by colleagues"},
	[D_WHITESPACE] = {"whitespace", K_FIRST, false, 20000, 20000, "leading or trailing space or no-break space in the (first) name"},
	[D_STALE] = {"stale", K_UPDATED, false, 100000, 100000, "last activity 4.5+ years, last change 4+ years before 2026-01-01"},
	[D_ALL_CAPS] = {"all_caps", K_ID, false, 30000, 30000, "names, title and address in capitals"},
	[D_NON_ASCII] = {"non_ascii", K_ID, false, 0, 0, "name with letters outside ASCII (Müller, Nguyễn)"},
	[D_MOJIBAKE] = {"mojibake", K_ID, false, 0, 0, "such a name read as Windows-1252 (MÃ¼ller)"},
	[D_NAMESAKE] = {"namesake", K_ID, false, 30000, 30000, "different entity with a common name shared by others (not a duplicate)"},
	[D_FAMILY] = {"family", K_LAST, false, 30000, 0, "two people with one surname, address and phone (not duplicates)"},
};

/* Field groups: one draw per group picks at most one of its defects. */
static const int8_t grp_first[] = {D_TYPO_FIRST, D_NICKNAME, D_JUNK_FIRST, D_WHITESPACE, -1};
static const int8_t grp_last[] = {D_TYPO_LAST, D_MARRIED, D_JUNK_LAST, D_MISSING_LAST, -1};
static const int8_t grp_company[] = {D_TYPO_COMPANY, D_SUFFIX, D_NEW_EMPLOYER, D_JUNK_COMPANY,
                                     D_MISSING_COMPANY, -1};
static const int8_t grp_name[] = {D_TYPO_NAME, D_SUFFIX, D_JUNK_NAME, D_MISSING_NAME, D_WHITESPACE, -1};
static const int8_t grp_title[] = {D_TITLE_CHANGED, D_MISSING_TITLE, D_JUNK_TITLE, -1};
static const int8_t grp_email[] = {D_EMAIL_CASE, D_TYPO_EMAIL, D_JUNK_EMAIL, D_MISSING_EMAIL,
                                   D_INVALID_EMAIL, D_ROLE_EMAIL, -1};
static const int8_t grp_phone[] = {D_PHONE_FMT, D_MISSING_PHONE, D_JUNK_PHONE, D_SWITCHBOARD, -1};
static const int8_t grp_web[] = {D_WEBSITE_FMT, D_JUNK_WEBSITE, D_MISSING_WEBSITE, D_INVALID_WEBSITE, -1};
static const int8_t grp_industry[] = {D_MISSING_INDUSTRY, D_JUNK_INDUSTRY, -1};
static const int8_t grp_employees[] = {D_EMPLOYEES, -1};
static const int8_t grp_street[] = {D_STREET_FMT, -1};
static const int8_t grp_city[] = {D_JUNK_CITY, -1};
static const int8_t grp_country[] = {D_COUNTRY_FMT, -1};

static const char *const junk_any[] = {"n/a", "N/A", "-", "unknown", "test", "asdf", "xxx",
	"none", "null", "TBD", ".", "?", "NA", "#N/A", NULL};
static const char *const junk_phone[] = {"000-000-0000", "1234567890", "n/a", "-", "0",
	"none", "555-5555", "x", "unknown", NULL};
static const char *const junk_email[] = {"n/a", "none", "test@test.com", "noemail@noemail.com",
	"unknown", "-", "no@email.com", "asdf@asdf.com", "null", NULL};
static const char *const junk_web[] = {"n/a", "-", "none", "www.", "http://", "www.example.com", NULL};
static const char *const stages[] = {"Subscriber", "Lead", "Marketing Qualified Lead",
	"Sales Qualified Lead", "Opportunity", "Customer", "Evangelist", "Other", NULL};

/* ==== defects on one field ==== */

/* One draw for a field group: the defect whose interval holds it, or -1. */
static int
draw(const smp_gen *g, smp_rng *r, const int8_t *grp, bool dup)
{
	uint32_t u = rng_below(r, PPM), acc = 0;
	for (; *grp >= 0; grp++) {
		acc += g->attempt[*grp];
		if (u < acc)
			return stw_smp_defects[*grp].dup && !dup ? -1 : *grp;
	}
	return -1;
}

static void
mark(smp_row *rv, int d)
{
	if (d >= 0)
		rv->flags |= BIT(d);
}

static void
address_fields(const smp_gen *g, smp_rng *r, const smp_address *a, bool dup, smp_row *rv)
{
	const stw_sample_city *c = &g->pl->cities[a->city];
	int d = draw(g, r, grp_street, dup);
	stw_smp_street_render(g, a, d == D_STREET_FMT, rv->v[K_STREET]);
	mark(rv, d);
	d = draw(g, r, grp_city, dup);
	set(rv->v[K_CITY], d == D_JUNK_CITY ? pick(r, junk_any) : c->name);
	mark(rv, d);
	set(rv->v[K_STATE], c->region);
	set(rv->v[K_POSTCODE], a->postcode);
	unsigned var = a->cvar;
	d = draw(g, r, grp_country, dup);
	if (d == D_COUNTRY_FMT)
		var = other_than(r, var, stw_smp_country_variants(a->country));
	set(rv->v[K_COUNTRY], stw_smp_country_name(a->country, var));
	mark(rv, d);
}

/* ==== contacts and companies ==== */

void
stw_smp_contact_row(const smp_gen *g, smp_rng *r, uint64_t eid, bool dup, smp_row *rv)
{
	static const char *const saluts[] = {"", "Mr.", "Ms.", "Mrs.", "Dr."};
	char (*v)[VCAP] = rv->v;
	smp_contact c;
	stw_smp_contact_make(g, eid, &c);
	rv->flags = (c.namesake ? BIT(D_NAMESAKE) : 0) | (c.family ? BIT(D_FAMILY) : 0);
	rv->intl = stw_smp_has_nonascii(c.first) || stw_smp_has_nonascii(c.last);
	smp_address addr = c.addr;
	if (dup && rng_ppm(r, g->p[D_ADDRESS_CHANGED])) {
		stw_smp_addr_make(g, r, stw_smp_pick_city(g, r), false, &addr);
		mark(rv, D_ADDRESS_CHANGED);
	}
	bool swapped = dup && rng_ppm(r, g->p[D_SWAPPED]);

	smp_company co;
	uint64_t employer = c.company;
	int d = draw(g, r, grp_company, dup);
	for (int i = 0; d == D_NEW_EMPLOYER && i < 8 && employer == c.company; i++)
		employer = stw_smp_company_pick(g, r);
	if (d == D_NEW_EMPLOYER && employer == c.company)
		d = -1;
	bool moved = d == D_NEW_EMPLOYER;
	stw_smp_company_make(g, employer, false, &co);
	unsigned var = co.suffix_var;
	if (d == D_SUFFIX)
		var = other_than(r, var, stw_smp_suffix_variants(&co));
	stw_smp_company_name(g, &co, var, d == D_TYPO_COMPANY ? r : NULL, v[K_COMPANY]);
	if (d == D_JUNK_COMPANY)
		set(v[K_COMPANY], pick(r, junk_any));
	else if (d == D_MISSING_COMPANY)
		v[K_COMPANY][0] = '\0';
	mark(rv, d);

	set(v[K_FIRST], c.first);
	d = draw(g, r, grp_first, dup);
	const char *nick = d == D_NICKNAME ? stw_smp_nickname(g, c.first, r) : NULL;
	if (d == D_TYPO_FIRST)
		stw_smp_typo(r, v[K_FIRST]);
	else if (d == D_NICKNAME && nick)
		set(v[K_FIRST], nick);
	else if (d == D_NICKNAME)
		d = -1;
	else if (d == D_JUNK_FIRST)
		set(v[K_FIRST], pick(r, junk_any));
	else if (d == D_WHITESPACE)
		stw_smp_whitespace(r, v[K_FIRST]);
	mark(rv, d);

	set(v[K_LAST], c.last);
	d = draw(g, r, grp_last, dup);
	if (d == D_TYPO_LAST) {
		stw_smp_typo(r, v[K_LAST]);
	} else if (d == D_MARRIED && !c.female) {
		d = -1;
	} else if (d == D_MARRIED) {
		const char *nl = stw_smp_wl_pick(&g->surnames, r);
		for (int i = 0; i < 8 && strcmp(nl, c.last) == 0; i++)
			nl = stw_smp_wl_pick(&g->surnames, r);
		smp_sb b;
		sb_init(&b, v[K_LAST]);
		if (rng_ppm(r, 250000)) {
			sb_s(&b, c.last);
			sb_c(&b, '-');
		}
		sb_s(&b, nl);
	} else if (d == D_JUNK_LAST) {
		set(v[K_LAST], pick(r, junk_any));
	} else if (d == D_MISSING_LAST) {
		v[K_LAST][0] = '\0';
	}
	mark(rv, d);

	set(v[K_TITLE], g->titles.w[c.title]);
	d = draw(g, r, grp_title, dup);
	if (d == D_TITLE_CHANGED)
		set(v[K_TITLE], g->titles.w[other_than(r, c.title, g->titles.n)]);
	else if (d == D_MISSING_TITLE)
		v[K_TITLE][0] = '\0';
	else if (d == D_JUNK_TITLE)
		set(v[K_TITLE], pick(r, junk_any));
	mark(rv, d);

	stw_smp_email_build(&c, &co, moved, v[K_EMAIL]);
	d = draw(g, r, grp_email, dup);
	if (d == D_EMAIL_CASE) {
		stw_smp_email_case(r, v[K_EMAIL]);
	} else if (d == D_TYPO_EMAIL) {
		stw_smp_email_typo(r, v[K_EMAIL]);
	} else if (d == D_JUNK_EMAIL) {
		set(v[K_EMAIL], pick(r, junk_email));
	} else if (d == D_MISSING_EMAIL) {
		v[K_EMAIL][0] = '\0';
	} else if (d == D_INVALID_EMAIL) {
		stw_smp_email_invalid(r, v[K_EMAIL]);
	} else if (d == D_ROLE_EMAIL) {
		stw_smp_role_email(&co, v[K_EMAIL]);
	}
	mark(rv, d);

	unsigned fmt = c.phone_fmt;
	const smp_phone *ph = &c.phone;
	d = draw(g, r, grp_phone, dup);
	if (d == D_PHONE_FMT)
		fmt = other_than(r, fmt, stw_smp_phone_formats(ph->country));
	else if (d == D_SWITCHBOARD)
		ph = &co.main;
	stw_smp_phone_render(ph, fmt, v[K_PHONE]);
	if (d == D_MISSING_PHONE)
		v[K_PHONE][0] = '\0';
	else if (d == D_JUNK_PHONE)
		set(v[K_PHONE], pick(r, junk_phone));
	mark(rv, d);
	if (c.has_mobile)
		stw_smp_phone_render(&c.mobile, fmt, v[K_MOBILE]);

	address_fields(g, r, &addr, dup, rv);
	set(v[K_SALUT], saluts[c.salut]);
	if (swapped) {
		char t[VCAP];
		memcpy(t, v[K_FIRST], VCAP);
		memcpy(v[K_FIRST], v[K_LAST], VCAP);
		memcpy(v[K_LAST], t, VCAP);
		mark(rv, D_SWAPPED);
	}
}

void
stw_smp_company_row(const smp_gen *g, smp_rng *r, uint64_t eid, bool dup, smp_row *rv)
{
	char (*v)[VCAP] = rv->v;
	smp_company co;
	stw_smp_company_make(g, eid, true, &co);
	rv->flags = co.namesake ? BIT(D_NAMESAKE) : 0;
	rv->intl = co.intl;
	smp_address addr = co.addr;
	if (dup && rng_ppm(r, g->p[D_ADDRESS_CHANGED])) {
		stw_smp_addr_make(g, r, stw_smp_pick_city(g, r), true, &addr);
		mark(rv, D_ADDRESS_CHANGED);
	}

	int d = draw(g, r, grp_name, dup);
	unsigned var = co.suffix_var;
	if (d == D_SUFFIX)
		var = other_than(r, var, stw_smp_suffix_variants(&co));
	stw_smp_company_name(g, &co, var, d == D_TYPO_NAME ? r : NULL, v[K_COMPANY]);
	if (d == D_JUNK_NAME)
		set(v[K_COMPANY], pick(r, junk_any));
	else if (d == D_MISSING_NAME)
		v[K_COMPANY][0] = '\0';
	else if (d == D_WHITESPACE)
		stw_smp_whitespace(r, v[K_COMPANY]);
	mark(rv, d);

	unsigned fmt = co.phone_fmt;
	d = draw(g, r, grp_phone, dup);
	if (d == D_PHONE_FMT)
		fmt = other_than(r, fmt, stw_smp_phone_formats(co.main.country));
	stw_smp_phone_render(&co.main, fmt, v[K_PHONE]);
	if (d == D_MISSING_PHONE)
		v[K_PHONE][0] = '\0';
	else if (d == D_JUNK_PHONE)
		set(v[K_PHONE], pick(r, junk_phone));
	mark(rv, d);

	unsigned style = co.web_style;
	d = draw(g, r, grp_web, dup);
	if (d == D_WEBSITE_FMT)
		style = other_than(r, style, 5);
	stw_smp_website_render(&co, style, v[K_WEBSITE]);
	if (d == D_JUNK_WEBSITE)
		set(v[K_WEBSITE], pick(r, junk_web));
	else if (d == D_MISSING_WEBSITE)
		v[K_WEBSITE][0] = '\0';
	else if (d == D_INVALID_WEBSITE)
		stw_smp_website_invalid(r, co.domain, v[K_WEBSITE]);
	mark(rv, d);

	d = draw(g, r, grp_industry, dup);
	set(v[K_INDUSTRY], d == D_MISSING_INDUSTRY ? "" : d == D_JUNK_INDUSTRY ?
	    pick(r, junk_any) : g->pl->trades[co.trade].industry);
	mark(rv, d);

	uint64_t n = co.employees;
	d = draw(g, r, grp_employees, dup);
	if (d == D_EMPLOYEES) {
		uint64_t m = n * rng_range(r, 60, 140) / 100;
		n = m == n ? n + rng_range(r, 1, 9) : m;
	}
	mark(rv, d);
	smp_sb b;
	sb_init(&b, v[K_EMPLOYEES]);
	sb_u(&b, n, 1);

	address_fields(g, r, &addr, dup, rv);
}

/* ==== what every row gets ==== */

void
stw_smp_row_common(const smp_gen *g, smp_rng *r, uint64_t row, smp_row *rv)
{
	char (*v)[VCAP] = rv->v;
	const int64_t ref = (int64_t)REF_DAY * DAY;
	int64_t act, created, updated;
	bool no_activity = false;
	if (rng_ppm(r, g->p[D_STALE])) {
		act = ref - (int64_t)rng_range(r, 1650, 3650) * DAY;
		created = act - (int64_t)rng_range(r, 0, 1500) * DAY;
		updated = act + (int64_t)rng_range(r, 0, 90) * DAY;
		mark(rv, D_STALE);
	} else {
		created = ref - (int64_t)rng_range(r, 30, 3300) * DAY;
		act = ref - (int64_t)rng_range(r, 1, 900) * DAY;
		if (act < created)
			act = created + (int64_t)rng_range(r, 0, 20) * DAY;
		updated = act + (int64_t)rng_range(r, 0, 20) * DAY;
		if (updated >= ref)
			updated = act;
		no_activity = rng_ppm(r, 50000);
	}
	stw_smp_date_render(g, created + rng_range(r, 7 * 3600, 20 * 3600 - 1), false, v[K_CREATED]);
	stw_smp_date_render(g, updated + rng_range(r, 7 * 3600, 20 * 3600 - 1), false, v[K_UPDATED]);
	stw_smp_date_render(g, act + rng_range(r, 7 * 3600, 20 * 3600 - 1), true, v[K_ACTIVITY]);
	if (no_activity)
		v[K_ACTIVITY][0] = '\0';

	if (rng_ppm(r, g->p[D_ALL_CAPS])) {
		static const uint8_t keys[] = {K_FIRST, K_LAST, K_TITLE, K_COMPANY, K_STREET, K_CITY};
		for (size_t i = 0; i < sizeof keys; i++)
			stw_smp_upcase(v[keys[i]]);
		mark(rv, D_ALL_CAPS);
	}
	if (rv->intl && rng_ppm(r, MOJIBAKE_Q)) {
		for (int k = 0; k < NKEYS; k++)
			if (stw_smp_has_nonascii(v[k]))
				stw_smp_mojibake(v[k]);
		mark(rv, D_MOJIBAKE);
	} else if (rv->intl) {
		mark(rv, D_NON_ASCII);
	}

	smp_sb b;
	sb_init(&b, v[K_FULL]);
	sb_s(&b, v[K_FIRST]);
	if (v[K_FIRST][0] && v[K_LAST][0])
		sb_c(&b, ' ');
	sb_s(&b, v[K_LAST]);
	uint32_t o = rng_below(r, NOWNERS);
	bool by_id = g->o.crm == STW_SAMPLE_SALESFORCE || g->o.crm == STW_SAMPLE_DYNAMICS;
	set(v[K_OWNER], by_id ? g->owner_id[o] : g->owner_name[o]);
	set(v[K_STAGE], pick(r, stages));
	stw_smp_ext_id(g, row, v[K_ID]);
}
