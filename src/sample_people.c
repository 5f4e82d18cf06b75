/*
 * People and companies for the sample generator: where they are (cities
 * weighted by rank within five countries, streets, postcodes), how they are
 * reached (phones in each country's formats, emails), who they are
 * (canonical names, employers, households of two), and how each CRM numbers
 * and dates their records.
 *
 * An entity is a pure function of the seed and its number: company c and
 * contact id each seed their own PRNG stream, so a later duplicate
 * regenerates exactly the values its first record had. Variants that a
 * duplicate may show (another phone format, the legal suffix written
 * another way, the street type spelt out) are chosen by the caller and
 * rendered here.
 */
#include "sample_internal.h"

#include <string.h>

#include "util.h"

/* ==== countries, streets, legal suffixes ==== */

static const char *const country_iso[NCOUNTRY] = {"US", "CA", "GB", "DE", "FR"};
static const uint32_t country_ppm[NCOUNTRY] = {780000, 60000, 80000, 50000, 30000};
static const char *const dial[NCOUNTRY] = {"1", "1", "44", "49", "33"};
static const char *const country_names[NCOUNTRY][6] = {
	{"United States", "USA", "US", "U.S.A.", "United States of America", NULL},
	{"Canada", "CA", "CAN", NULL},
	{"United Kingdom", "UK", "GB", "Great Britain", "England", NULL},
	{"Germany", "Deutschland", "DE", NULL},
	{"France", "FR", "République française", NULL},
};
static const char *const free_mail[NCOUNTRY][8] = {
	{"gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "icloud.com", "comcast.net", NULL},
	{"gmail.com", "hotmail.com", "yahoo.ca", "outlook.com", "rogers.com", "shaw.ca", NULL},
	{"gmail.com", "hotmail.co.uk", "yahoo.co.uk", "btinternet.com", "outlook.com", "sky.com", NULL},
	{"gmail.com", "gmx.de", "web.de", "t-online.de", "outlook.de", NULL},
	{"gmail.com", "orange.fr", "free.fr", "laposte.net", "hotmail.fr", NULL},
};
static const char *const tld[NCOUNTRY] = {".com", ".ca", ".co.uk", ".de", ".fr"};

typedef struct {
	const char *usual, *other;
} spelling;

static const spelling types_us[] = {{"St", "Street"}, {"Ave", "Avenue"}, {"Blvd", "Boulevard"},
	{"Rd", "Road"}, {"Dr", "Drive"}, {"Ln", "Lane"}, {"Ct", "Court"}, {"Pl", "Place"},
	{"Pkwy", "Parkway"}, {"Ter", "Terrace"}, {NULL, NULL}};
static const spelling types_gb[] = {{"Road", "Rd"}, {"Street", "St"}, {"Lane", "Ln"},
	{"Avenue", "Ave"}, {"Close", "Cl"}, {"Gardens", "Gdns"}, {"Square", "Sq"}, {NULL, NULL}};
static const spelling types_de[] = {{"straße", "str."}, {"straße", "strasse"}, {"weg", " Weg"},
	{"allee", " Allee"}, {"platz", "pl."}, {NULL, NULL}};
static const spelling types_fr[] = {{"rue", "r."}, {"avenue", "av."}, {"boulevard", "bd"},
	{"place", "pl."}, {"allée", "all."}, {NULL, NULL}};
static const spelling *const street_types[NCOUNTRY] = {types_us, types_us, types_gb, types_de, types_fr};
static const char *const unit_kinds[] = {"", "Suite ", "Ste ", "Floor ", "Unit ", "Apt ", "#"};

/* Legal suffix families; each lists the ways one suffix is written. */
enum {
	SX_INC, SX_LLC, SX_CORP, SX_NONE_US, SX_LTD, SX_PLC, SX_LLP, SX_NONE_GB,
	SX_GMBH, SX_AG, SX_KG, SX_NONE_DE, SX_SAS, SX_SA, SX_SARL, SX_NONE_FR, NSUFFIX
};
static const char *const suffixes[NSUFFIX][6] = {
	[SX_INC] = {" Inc", " Inc.", ", Inc.", " Incorporated", "", NULL},
	[SX_LLC] = {" LLC", " L.L.C.", ", LLC", "", NULL},
	[SX_CORP] = {" Corp", " Corp.", " Corporation", "", NULL},
	[SX_NONE_US] = {"", " Inc.", NULL},
	[SX_LTD] = {" Ltd", " Ltd.", " Limited", "", NULL},
	[SX_PLC] = {" PLC", " plc", " Public Limited Company", "", NULL},
	[SX_LLP] = {" LLP", " L.L.P.", "", NULL},
	[SX_NONE_GB] = {"", " Ltd", NULL},
	[SX_GMBH] = {" GmbH", " G.m.b.H.", " Gmbh", "", NULL},
	[SX_AG] = {" AG", " A.G.", "", NULL},
	[SX_KG] = {" GmbH & Co. KG", " GmbH & Co KG", " GmbH u. Co. KG", "", NULL},
	[SX_NONE_DE] = {"", " GmbH", NULL},
	[SX_SAS] = {" SAS", " S.A.S.", " sas", "", NULL},
	[SX_SA] = {" SA", " S.A.", "", NULL},
	[SX_SARL] = {" SARL", " S.A.R.L.", " Sàrl", "", NULL},
	[SX_NONE_FR] = {"", " SAS", NULL},
};
/* Per country: four suffix families and their cumulative shares (ppm). */
static const uint8_t suffix_family[NCOUNTRY][4] = {
	{SX_INC, SX_LLC, SX_CORP, SX_NONE_US}, {SX_INC, SX_LTD, SX_CORP, SX_NONE_US},
	{SX_LTD, SX_PLC, SX_LLP, SX_NONE_GB}, {SX_GMBH, SX_AG, SX_KG, SX_NONE_DE},
	{SX_SAS, SX_SA, SX_SARL, SX_NONE_FR},
};
static const uint32_t suffix_cum[NCOUNTRY][4] = {
	{350000, 600000, 700000, PPM}, {400000, 700000, 750000, PPM},
	{600000, 680000, 750000, PPM}, {600000, 700000, 780000, PPM},
	{400000, 600000, 800000, PPM},
};
static const char *const roles[] = {"info", "sales", "contact", "office", "admin", "hello",
	"support", "team", "enquiries", "accounts", NULL};

void
stw_smp_places_init(smp_gen *g)
{
	const stw_sample_pools *pl = g->pl;
	const char *streets[NCOUNTRY] = {pl->streets_us, pl->streets_us, pl->streets_gb,
	                                 pl->streets_de, pl->streets_fr};
	for (int c = 0; c < NCOUNTRY; c++) {
		stw_smp_wl_init(&g->streets[c], streets[c], ' ', false);
		while (street_types[c][g->ntypes[c]].usual)
			g->ntypes[c]++;
	}

	/* Cities come grouped by country; weight by rank within the country. */
	g->city_country = stw_xcalloc(pl->ncities, 1);
	g->city_cum = stw_xcalloc(pl->ncities, sizeof *g->city_cum);
	uint32_t rank = 0;
	for (uint32_t i = 0; i < pl->ncities; i++) {
		uint8_t c = 0;
		while (c + 1 < NCOUNTRY && strcmp(country_iso[c], pl->cities[i].country) != 0)
			c++;
		g->city_country[i] = c;
		if (i == 0 || c != g->city_country[i - 1]) {
			g->city_lo[c] = i;
			rank = 0;
		}
		g->city_cum[i] = (rank ? g->city_cum[i - 1] : 0) + 1000000u / (rank + 4);
		rank++;
		g->city_hi[c] = i + 1;
	}
}

unsigned
stw_smp_country_variants(uint8_t country)
{
	return count(country_names[country]);
}

const char *
stw_smp_country_name(uint8_t country, unsigned var)
{
	return country_names[country][var];
}

/* ==== addresses and phones ==== */

uint16_t
stw_smp_pick_city(const smp_gen *g, smp_rng *r)
{
	uint32_t u = rng_below(r, PPM), acc = 0, c = 0;
	while (c + 1 < NCOUNTRY && u >= (acc += country_ppm[c]))
		c++;
	uint32_t lo = g->city_lo[c], hi = g->city_hi[c] - 1;
	uint32_t v = rng_below(r, g->city_cum[hi]);
	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;
		if (g->city_cum[mid] > v)
			hi = mid;
		else
			lo = mid + 1;
	}
	return (uint16_t)lo;
}

static void
digits(smp_sb *b, smp_rng *r, int n)
{
	for (int i = 0; i < n; i++)
		sb_c(b, (char)('0' + rng_below(r, 10)));
}

void
stw_smp_addr_make(const smp_gen *g, smp_rng *r, uint16_t city, bool office, smp_address *a)
{
	static const char ca_letters[] = "ABCEGHJKLMNPRSTVWXYZ";
	static const char gb_letters[] = "ABDEFGHJLNPQRSTUWXYZ";
	memset(a, 0, sizeof *a);
	a->city = city;
	a->country = g->city_country[city];
	a->street = (uint16_t)rng_below(r, g->streets[a->country].n);
	a->type = (uint8_t)rng_below(r, g->ntypes[a->country]);
	bool na = a->country <= C_CA;
	a->number = (uint16_t)(na ? rng_range(r, office ? 100 : 1, 9999) : rng_range(r, 1, 180));
	a->other_type = rng_ppm(r, na ? 300000 : 100000);
	if (na && rng_ppm(r, office ? 300000 : 100000)) {
		a->unit_kind = (uint8_t)rng_range(r, 1, 6);
		a->unit = (uint16_t)(a->unit_kind <= 2 ? rng_range(r, 1, 24) * 100 : rng_range(r, 1, 40));
		a->unit_nl = rng_ppm(r, 350000);
	}
	a->cvar = (uint8_t)(rng_ppm(r, 850000) ? 0 : 1 + rng_below(r, count(country_names[a->country]) - 1));
	smp_sb b;
	sb_init(&b, a->postcode);
	const char *stem = g->pl->cities[city].postal;
	sb_s(&b, stem);
	switch (a->country) {
	case C_US:
		sb_u(&b, rng_range(r, 1, 99), 2);
		break;
	case C_CA:
		sb_c(&b, ca_letters[rng_below(r, 20)]);
		sb_c(&b, ' ');
		digits(&b, r, 1);
		sb_c(&b, ca_letters[rng_below(r, 20)]);
		digits(&b, r, 1);
		break;
	case C_GB:
		sb_u(&b, rng_range(r, 1, 20), 1);
		sb_c(&b, ' ');
		digits(&b, r, 1);
		sb_c(&b, gb_letters[rng_below(r, 20)]);
		sb_c(&b, gb_letters[rng_below(r, 20)]);
		break;
	case C_DE:
		digits(&b, r, 3);
		break;
	default:
		sb_u(&b, rng_range(r, 1, 20), 2);
		break;
	}
}

void
stw_smp_street_render(const smp_gen *g, const smp_address *a, bool flip, char *out)
{
	const spelling *t = &street_types[a->country][a->type];
	const char *type = a->other_type != flip ? t->other : t->usual;
	const char *name = g->streets[a->country].w[a->street];
	smp_sb b;
	sb_init(&b, out);
	if (a->country == C_DE) {
		sb_s(&b, name);
		sb_s(&b, type);
		sb_c(&b, ' ');
		sb_u(&b, a->number, 1);
	} else {
		sb_u(&b, a->number, 1);
		sb_c(&b, ' ');
		sb_s(&b, a->country == C_FR ? type : name);
		sb_c(&b, ' ');
		sb_s(&b, a->country == C_FR ? name : type);
	}
	if (a->unit_kind) {
		sb_s(&b, a->unit_nl ? "\n" : ", ");
		sb_s(&b, unit_kinds[a->unit_kind]);
		sb_u(&b, a->unit, 1);
	}
}

/* kind: 0 direct line, 1 mobile, 2 switchboard (ends in 000, 100...). */
static void
phone_make(const smp_gen *g, smp_rng *r, uint16_t city, int kind, smp_phone *ph)
{
	static const char *const de_mobile[] = {"151", "160", "170", "176", NULL};
	uint8_t c = g->city_country[city];
	ph->country = c;
	smp_sb a, s;
	sb_init(&a, ph->area);
	sb_init(&s, ph->sub);
	if (kind == 1 && c == C_GB) {
		sb_c(&a, '7');
		sb_u(&a, rng_range(r, 400, 999), 3);
	} else if (kind == 1 && c == C_DE) {
		sb_s(&a, pick(r, de_mobile));
	} else if (kind == 1 && c == C_FR) {
		sb_c(&a, rng_below(r, 2) ? '6' : '7');
	} else {
		sb_s(&a, g->pl->cities[city].area);
	}
	int len = c <= C_CA ? 7 : c == C_FR ? 8 : 10 - (int)a.n;
	sb_c(&s, (char)('2' + rng_below(r, 8)));
	if (kind == 2 && rng_ppm(r, 700000)) {
		digits(&s, r, len - 4);
		sb_c(&s, (char)('0' + rng_below(r, 3)));
		sb_s(&s, "00");
	} else {
		digits(&s, r, len - 1);
	}
}

/* The subscriber number in the country's usual groups. */
static void
sub_grouped(smp_sb *b, const smp_phone *ph)
{
	size_t n = strlen(ph->sub);
	for (size_t i = 0; i < n; i++) {
		bool gap = ph->country == C_FR ? i && i % 2 == 0 :
		           ph->country == C_GB ? i && i == n - 4 && n > 6 : false;
		if (gap)
			sb_c(b, ' ');
		sb_c(b, ph->sub[i]);
	}
}

unsigned
stw_smp_phone_formats(uint8_t country)
{
	return country <= C_CA ? 8 : 7;
}

void
stw_smp_phone_render(const smp_phone *ph, unsigned fmt, char *out)
{
	static const char *const na[8][4] = {
		{"(", ") ", "-", ""}, {"", "-", "-", ""}, {"", ".", ".", ""}, {"+1 ", " ", " ", ""},
		{"+1 (", ") ", "-", ""}, {"", "", "", ""}, {"1-", "-", "-", ""}, {"+1", "", "", ""},
	};
	smp_sb b;
	sb_init(&b, out);
	if (ph->country <= C_CA) {
		const char *const *f = na[fmt % 8];
		char x[4] = {ph->sub[0], ph->sub[1], ph->sub[2], '\0'};
		sb_s(&b, f[0]);
		sb_s(&b, ph->area);
		sb_s(&b, f[1]);
		sb_s(&b, x);
		sb_s(&b, f[2]);
		sb_s(&b, ph->sub + 3);
		return;
	}
	const char *cc = dial[ph->country];
	switch (fmt % 7) {
	case 0: sb_c(&b, '0'); sb_s(&b, ph->area); sb_c(&b, ' '); sub_grouped(&b, ph); break;
	case 1: sb_c(&b, '+'); sb_s(&b, cc); sb_c(&b, ' '); sb_s(&b, ph->area); sb_c(&b, ' ');
		sub_grouped(&b, ph); break;
	case 2: sb_c(&b, '+'); sb_s(&b, cc); sb_s(&b, " (0)"); sb_s(&b, ph->area); sb_c(&b, ' ');
		sub_grouped(&b, ph); break;
	case 3: sb_s(&b, "00"); sb_s(&b, cc); sb_c(&b, ' '); sb_s(&b, ph->area); sb_c(&b, ' ');
		sub_grouped(&b, ph); break;
	case 4: sb_c(&b, '0'); sb_s(&b, ph->area); sb_s(&b, ph->sub); break;
	case 5: sb_c(&b, '+'); sb_s(&b, cc); sb_s(&b, ph->area); sb_s(&b, ph->sub); break;
	default: sb_s(&b, "(0"); sb_s(&b, ph->area); sb_s(&b, ") "); sub_grouped(&b, ph); break;
	}
}

/* The format a record starts with: the common ones. */
static uint8_t
phone_fmt_usual(smp_rng *r, uint8_t country)
{
	uint32_t u = rng_below(r, 10);
	if (country <= C_CA)
		return u < 5 ? 0 : u < 8 ? 1 : 2;
	return u < 6 ? 0 : 1;
}

/* ==== companies ==== */

/* A bijection of [0, name_space): spreads consecutive companies over the names. */
static uint64_t
perm(const smp_gen *g, uint64_t x)
{
	return (g->perm_a * x + g->perm_b) % g->name_space;
}

void
stw_smp_company_make(const smp_gen *g, uint64_t c, bool as_entity, smp_company *co)
{
	smp_rng r;
	rng_init(&r, g->o.seed, S_COMPANY, c);
	memset(co, 0, sizeof *co);
	co->index = c;
	/* Namesakes take one of a few reserved names; the others a name of their own. */
	co->namesake = as_entity && rng_ppm(&r, g->p[D_NAMESAKE]);
	uint64_t t, space = g->name_space - g->ns_names;
	if (co->namesake) {
		t = perm(g, g->name_space - 1 - rng_below(&r, g->ns_names));
	} else {
		t = perm(g, c % space);
		co->serial = c / space;
	}
	co->trade = (uint32_t)(t % g->pl->ntrades);
	t /= g->pl->ntrades;
	co->core = (uint32_t)(t % g->cores.n);
	co->prefix = (uint32_t)(t / g->cores.n);
	co->intl = co->prefix >= g->nprefix_ascii;
	uint16_t city = stw_smp_pick_city(g, &r);
	stw_smp_addr_make(g, &r, city, true, &co->addr);
	phone_make(g, &r, city, 2, &co->main);
	uint8_t cc = co->addr.country;
	uint32_t u = rng_below(&r, PPM), k = 0;
	while (k < 3 && u >= suffix_cum[cc][k])
		k++;
	co->suffix = suffix_family[cc][k];
	co->suffix_var = k == 3 ? 0 : (uint8_t)rng_ppm(&r, 250000);
	co->phone_fmt = phone_fmt_usual(&r, cc);
	u = rng_below(&r, 10);
	co->web_style = g->o.crm == STW_SAMPLE_HUBSPOT ? 3 : u < 5 ? 0 : u < 8 ? 1 : 3;
	co->role = (uint8_t)rng_below(&r, count(roles));
	static const uint32_t band[][2] = {{1, 10}, {11, 50}, {51, 200}, {201, 1000},
	                                   {1001, 10000}, {10001, 200000}};
	static const uint32_t band_cum[] = {300000, 600000, 800000, 920000, 980000, PPM};
	u = rng_below(&r, PPM);
	for (k = 0; u >= band_cum[k]; k++)
		;
	co->employees = rng_range(&r, band[k][0], band[k][1]);
	smp_sb b;
	sb_init(&b, co->domain);
	stw_smp_fold(&b, g->prefixes.w[co->prefix]);
	stw_smp_fold(&b, g->cores.w[co->core]);
	stw_smp_fold(&b, g->pl->trades[co->trade].word);
	if (co->namesake) {
		sb_c(&b, '-');
		stw_smp_fold(&b, g->pl->cities[city].name);
		sb_u(&b, c % 90 + 10, 2);
	} else if (co->serial) {
		sb_u(&b, co->serial + 1, 1);
	}
	sb_s(&b, tld[cc]);
}

/* Contacts' employers: skewed, so that a few companies have many contacts. */
uint64_t
stw_smp_company_pick(const smp_gen *g, smp_rng *r)
{
	uint64_t x = rng_next(r) >> 32;
	return (((x * x) >> 32) * g->companies) >> 32;
}

/* The name with suffix variant var; with typo_r, a slip in the part before the suffix. */
void
stw_smp_company_name(const smp_gen *g, const smp_company *co, unsigned var, smp_rng *typo_r,
                     char *out)
{
	smp_sb b;
	sb_init(&b, out);
	sb_s(&b, g->prefixes.w[co->prefix]);
	sb_c(&b, ' ');
	sb_s(&b, g->cores.w[co->core]);
	sb_c(&b, ' ');
	sb_s(&b, g->pl->trades[co->trade].word);
	if (co->serial) {
		sb_c(&b, ' ');
		sb_u(&b, co->serial + 1, 1);
	}
	if (typo_r) {
		stw_smp_typo(typo_r, out);
		b.n = strlen(out);
	}
	sb_s(&b, suffixes[co->suffix][var]);
}

void
stw_smp_website_render(const smp_company *co, unsigned style, char *out)
{
	static const char *const pre[] = {"www.", "https://www.", "http://", "", "https://"};
	smp_sb b;
	sb_init(&b, out);
	sb_s(&b, pre[style % 5]);
	sb_s(&b, co->domain);
	if (style % 5 == 4)
		sb_c(&b, '/');
}

unsigned
stw_smp_suffix_variants(const smp_company *co)
{
	return count(suffixes[co->suffix]);
}

void
stw_smp_role_email(const smp_company *co, char *out)
{
	smp_sb b;
	sb_init(&b, out);
	sb_s(&b, roles[co->role]);
	sb_c(&b, '@');
	sb_s(&b, co->domain);
}

/* ==== contacts ==== */

/* Whether entity i (odd) belongs to the household of entity i - 1. */
static bool
family_pair(const smp_gen *g, uint64_t i)
{
	if (!(i & 1) || i >= g->entities || !g->p[D_FAMILY])
		return false;
	return mix64(g->o.seed ^ mix64(i ^ ((uint64_t)S_FAMILY << 56))) % PPM < g->p[D_FAMILY];
}

static void
contact_base(const smp_gen *g, uint64_t id, smp_contact *c)
{
	smp_rng r;
	rng_init(&r, g->o.seed, S_ENTITY, id);
	memset(c, 0, sizeof *c);
	c->female = rng_below(&r, 2);
	const smp_wlist *given = c->female ? &g->female : &g->male;
	const smp_wlist *given_intl = c->female ? &g->female_intl : &g->male_intl;
	uint32_t u = rng_below(&r, PPM), v = rng_below(&r, 3);
	if (u < g->p[D_NAMESAKE]) {
		c->namesake = true;
		set(c->first, stw_smp_wl_pick(c->female ? &g->cfemale : &g->cmale, &r));
		set(c->last, stw_smp_wl_pick(&g->csurnames, &r));
	} else if (u < g->p[D_NAMESAKE] + INTL_PPM) {
		set(c->first, stw_smp_wl_pick(v == 1 ? given : given_intl, &r));
		set(c->last, stw_smp_wl_pick(v == 0 ? &g->surnames : &g->surnames_intl, &r));
	} else {
		set(c->first, stw_smp_wl_pick(given, &r));
		set(c->last, stw_smp_wl_pick(&g->surnames, &r));
	}
	c->title = (uint16_t)stw_smp_wl_index(&g->titles, &r);
	c->company = stw_smp_company_pick(g, &r);
	u = rng_below(&r, 20);
	c->salut = (uint8_t)(u < 7 ? 0 : u < 8 ? 4 : c->female ? (u < 15 ? 2 : 3) : 1);
	bool household = !(id & 1) && family_pair(g, id + 1);
	if (household || rng_ppm(&r, 350000)) {
		stw_smp_addr_make(g, &r, stw_smp_pick_city(g, &r), false, &c->addr);
	} else {
		smp_company co;
		stw_smp_company_make(g, c->company, false, &co);
		c->addr = co.addr;
	}
	phone_make(g, &r, c->addr.city, 0, &c->phone);
	c->has_mobile = rng_ppm(&r, 700000);
	phone_make(g, &r, c->addr.city, 1, &c->mobile);
	c->phone_fmt = phone_fmt_usual(&r, c->addr.country);
	c->free_mail = rng_ppm(&r, household ? 600000 : 200000);
	u = rng_below(&r, 100);
	c->email_style = (uint8_t)(u < 45 ? 0 : u < 65 ? 1 : u < 73 ? 2 : u < 76 ? 3 : u < 86 ? 4 : u < 94 ? 5 : 6);
	u = rng_below(&r, count(free_mail[c->addr.country]));
	c->free_dom = (uint8_t)(rng_ppm(&r, 400000) ? 0 : u);
	c->email_num = (uint16_t)(rng_ppm(&r, 700000) ? rng_range(&r, 1, 99) : 0);
}

/* The entity: its own draws, then the household it shares with a partner. */
void
stw_smp_contact_make(const smp_gen *g, uint64_t id, smp_contact *c)
{
	contact_base(g, id, c);
	if (family_pair(g, id)) {
		smp_contact p;
		contact_base(g, id - 1, &p);
		set(c->last, p.last);
		c->addr = p.addr;
		c->phone = p.phone;
		c->family = true;
		c->namesake = false;
		smp_rng r;
		rng_init(&r, g->o.seed, S_FAMILY, id);
		for (int i = 0; i < 8 && strcmp(c->first, p.first) == 0; i++)
			set(c->first, stw_smp_wl_pick(c->female ? &g->female : &g->male, &r));
	} else if (!(id & 1) && family_pair(g, id + 1)) {
		c->family = true;
	}
}

void
stw_smp_email_build(const smp_contact *c, const smp_company *co, bool work, char *out)
{
	char f[VCAP], l[VCAP];
	smp_sb b;
	sb_init(&b, f);
	stw_smp_fold(&b, c->first);
	sb_init(&b, l);
	stw_smp_fold(&b, c->last);
	sb_init(&b, out);
	switch (c->email_style) {
	case 0: sb_s(&b, f); sb_c(&b, '.'); sb_s(&b, l); break;
	case 1: sb_c(&b, f[0]); sb_s(&b, l); break;
	case 2: sb_s(&b, f); sb_c(&b, l[0]); break;
	case 3: sb_s(&b, f); break;
	case 4: sb_s(&b, f); sb_c(&b, '_'); sb_s(&b, l); break;
	case 5: sb_s(&b, f); sb_s(&b, l); break;
	default: sb_s(&b, l); sb_c(&b, '.'); sb_s(&b, f); break;
	}
	if (c->free_mail && !work) {
		if (c->email_num)
			sb_u(&b, c->email_num, 1);
		sb_c(&b, '@');
		/* % : a family member may have moved to another country's address */
		sb_s(&b, free_mail[c->addr.country][c->free_dom % count(free_mail[c->addr.country])]);
	} else {
		sb_c(&b, '@');
		sb_s(&b, co->domain);
	}
}

const char *
stw_smp_nickname(const smp_gen *g, const char *first, smp_rng *r)
{
	for (size_t i = 0; i < g->pl->nnicks; i++) {
		const stw_sample_nick *n = &g->pl->nicks[i];
		if (strcmp(n->formal, first) == 0) {
			uint32_t k = n->nick[2] ? 3 : n->nick[1] ? 2 : 1;
			return r ? n->nick[rng_below(r, k)] : n->nick[0];
		}
	}
	return NULL;
}

/* ==== ids and dates ==== */

static void
sf_id(smp_sb *b, const char *prefix, const char *pod, uint64_t n)
{
	static const char b62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	char id[19];
	memcpy(id, prefix, 3);
	memcpy(id + 3, pod, 2);
	id[5] = '0';
	for (int i = 14; i >= 6; i--, n /= 62)
		id[i] = b62[n % 62];
	/* The 18-character form: a case-sensitivity checksum of each 5-character chunk. */
	for (int k = 0; k < 3; k++) {
		unsigned bits = 0;
		for (int i = 0; i < 5; i++)
			if (id[k * 5 + i] >= 'A' && id[k * 5 + i] <= 'Z')
				bits |= 1u << i;
		id[15 + k] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"[bits];
	}
	id[18] = '\0';
	sb_s(b, id);
}

/* A bijection of 62-bit integers, so that GUIDs of distinct rows differ. */
static uint64_t
bij62(uint64_t x)
{
	const uint64_t m = (1ULL << 62) - 1;
	x = (x & m) * 0x9E3779B97F4A7C15ULL & m;
	x ^= x >> 29;
	x = x * 0xBF58476D1CE4E5B9ULL & m;
	return x ^ (x >> 32);
}

static void
guid(smp_sb *b, uint64_t seed, uint64_t stream, uint64_t x)
{
	uint64_t hi = (mix64(seed ^ mix64(x + stream)) & ~0xF000ULL) | 0x4000ULL; /* version 4 */
	uint64_t lo = bij62(x ^ mix64(seed + stream)) | (2ULL << 62);          /* variant 1 */
	for (int i = 0; i < 32; i++) {
		if (i == 8 || i == 12 || i == 16 || i == 20)
			sb_c(b, '-');
		uint64_t w = i < 16 ? hi : lo;
		sb_c(b, "0123456789abcdef"[(w >> (60 - 4 * (i % 16))) & 15]);
	}
}

void
stw_smp_ext_id(const smp_gen *g, uint64_t row, char *out)
{
	uint64_t n = g->id_base + row * g->id_step + mix64(g->o.seed ^ mix64(row)) % g->id_step;
	smp_sb b;
	sb_init(&b, out);
	switch (g->o.crm) {
	case STW_SAMPLE_SALESFORCE:
		sf_id(&b, g->o.kind == STW_SAMPLE_CONTACTS ? "003" : "001", g->pod, n);
		break;
	case STW_SAMPLE_DYNAMICS:
		guid(&b, g->o.seed, S_ID, row);
		break;
	case STW_SAMPLE_ZOHO:
		sb_u(&b, g->zoho_org, 7);
		sb_u(&b, n, 12);
		break;
	default:
		sb_u(&b, n, 1);
		break;
	}
}

static void
civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int64_t)yoe + era * 400 + (*m <= 2);
}

/* t: seconds since 1970 (UTC). Each CRM writes dates its own way. */
void
stw_smp_date_render(const smp_gen *g, int64_t t, bool activity, char *out)
{
	int64_t y;
	unsigned mo, d, s = (unsigned)(t % DAY);
	civil_from_days(t / DAY, &y, &mo, &d);
	stw_sample_crm crm = g->o.crm;
	smp_sb b;
	sb_init(&b, out);
	if (crm == STW_SAMPLE_ZOHO) {
		sb_u(&b, mo, 2);
		sb_c(&b, '/');
		sb_u(&b, d, 2);
		sb_c(&b, '/');
		sb_u(&b, (uint64_t)y, 4);
	} else {
		sb_u(&b, (uint64_t)y, 4);
		sb_c(&b, '-');
		sb_u(&b, mo, 2);
		sb_c(&b, '-');
		sb_u(&b, d, 2);
		if (activity && (crm == STW_SAMPLE_SALESFORCE || crm == STW_SAMPLE_PIPEDRIVE))
			return; /* a date, not a date-time */
	}
	bool iso = crm == STW_SAMPLE_SALESFORCE || crm == STW_SAMPLE_DYNAMICS;
	sb_c(&b, iso ? 'T' : ' ');
	sb_u(&b, s / 3600, 2);
	sb_c(&b, ':');
	sb_u(&b, s / 60 % 60, 2);
	if (crm != STW_SAMPLE_HUBSPOT) {
		sb_c(&b, ':');
		sb_u(&b, s % 60, 2);
	}
	sb_s(&b, crm == STW_SAMPLE_SALESFORCE ? ".000+0000" : crm == STW_SAMPLE_DYNAMICS ? "Z" : "");
}


void
stw_smp_ids_init(smp_gen *g)
{
	const stw_sample_opts *o = &g->o;
	uint64_t h = mix64(o->seed ^ ((uint64_t)S_ID << 48)), h2 = h >> 32;
	static const char b62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	g->pod[0] = b62[h % 62];
	g->pod[1] = b62[(h / 62) % 62];
	switch (o->crm) {
	case STW_SAMPLE_SALESFORCE: g->id_base = 1000000 + h % 1000000000; g->id_step = 1 + h2 % 29; break;
	case STW_SAMPLE_HUBSPOT: g->id_base = 1000000000 + h % 9000000000ULL; g->id_step = 1 + h2 % 37; break;
	case STW_SAMPLE_PIPEDRIVE: g->id_base = 1 + h % 3000; g->id_step = 1 + h2 % 3; break;
	case STW_SAMPLE_ZOHO: g->id_base = 100000 + h % 1000000; g->id_step = 1 + h2 % 8; break;
	default: g->id_base = 0; g->id_step = 1; break;
	}
	g->zoho_org = 1000000 + (h >> 40) % 9000000;
	for (int k = 0; k < NOWNERS; k++) {
		smp_rng r;
		rng_init(&r, o->seed, S_OWNER, (uint64_t)k);
		smp_sb b;
		sb_init(&b, g->owner_name[k]);
		sb_s(&b, stw_smp_wl_pick(rng_below(&r, 2) ? &g->female : &g->male, &r));
		sb_c(&b, ' ');
		sb_s(&b, stw_smp_wl_pick(&g->surnames, &r));
		sb_init(&b, g->owner_id[k]);
		if (o->crm == STW_SAMPLE_DYNAMICS)
			guid(&b, o->seed, S_OWNER, (uint64_t)k);
		else
			sf_id(&b, "005", g->pod, 100000 + (uint64_t)k * 7919);
	}
}
