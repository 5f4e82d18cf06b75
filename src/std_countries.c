/*
 * The ISO 3166-1 country table (all 249 assigned alpha-2 codes, with
 * alpha-3, an English short name and the E.164 calling code), the aliases
 * people type in CRM country fields, and the resolver that maps a field to
 * an entry.
 *
 * Lookups compare folded keys (lower case, diacritics stripped, "&" read
 * as "and", punctuation dropped, a leading "the" ignored), so "U.S.A.",
 * "Österreich" and "the Netherlands" need no entries of their own. The
 * tables are constant; nothing is cached, so the resolver is safe to call
 * from any thread.
 */
#include "std_internal.h"

#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const stw_stdi_country countries[] = {
	{"AF", "AFG", "Afghanistan", 93},
	{"AX", "ALA", "Åland Islands", 358},
	{"AL", "ALB", "Albania", 355},
	{"DZ", "DZA", "Algeria", 213},
	{"AS", "ASM", "American Samoa", 1},
	{"AD", "AND", "Andorra", 376},
	{"AO", "AGO", "Angola", 244},
	{"AI", "AIA", "Anguilla", 1},
	{"AQ", "ATA", "Antarctica", 672},
	{"AG", "ATG", "Antigua and Barbuda", 1},
	{"AR", "ARG", "Argentina", 54},
	{"AM", "ARM", "Armenia", 374},
	{"AW", "ABW", "Aruba", 297},
	{"AU", "AUS", "Australia", 61},
	{"AT", "AUT", "Austria", 43},
	{"AZ", "AZE", "Azerbaijan", 994},
	{"BS", "BHS", "Bahamas", 1},
	{"BH", "BHR", "Bahrain", 973},
	{"BD", "BGD", "Bangladesh", 880},
	{"BB", "BRB", "Barbados", 1},
	{"BY", "BLR", "Belarus", 375},
	{"BE", "BEL", "Belgium", 32},
	{"BZ", "BLZ", "Belize", 501},
	{"BJ", "BEN", "Benin", 229},
	{"BM", "BMU", "Bermuda", 1},
	{"BT", "BTN", "Bhutan", 975},
	{"BO", "BOL", "Bolivia", 591},
	{"BQ", "BES", "Bonaire, Sint Eustatius and Saba", 599},
	{"BA", "BIH", "Bosnia and Herzegovina", 387},
	{"BW", "BWA", "Botswana", 267},
	{"BV", "BVT", "Bouvet Island", 0},
	{"BR", "BRA", "Brazil", 55},
	{"IO", "IOT", "British Indian Ocean Territory", 246},
	{"BN", "BRN", "Brunei Darussalam", 673},
	{"BG", "BGR", "Bulgaria", 359},
	{"BF", "BFA", "Burkina Faso", 226},
	{"BI", "BDI", "Burundi", 257},
	{"CV", "CPV", "Cabo Verde", 238},
	{"KH", "KHM", "Cambodia", 855},
	{"CM", "CMR", "Cameroon", 237},
	{"CA", "CAN", "Canada", 1},
	{"KY", "CYM", "Cayman Islands", 1},
	{"CF", "CAF", "Central African Republic", 236},
	{"TD", "TCD", "Chad", 235},
	{"CL", "CHL", "Chile", 56},
	{"CN", "CHN", "China", 86},
	{"CX", "CXR", "Christmas Island", 61},
	{"CC", "CCK", "Cocos (Keeling) Islands", 61},
	{"CO", "COL", "Colombia", 57},
	{"KM", "COM", "Comoros", 269},
	{"CG", "COG", "Congo", 242},
	{"CD", "COD", "Democratic Republic of the Congo", 243},
	{"CK", "COK", "Cook Islands", 682},
	{"CR", "CRI", "Costa Rica", 506},
	{"CI", "CIV", "Côte d'Ivoire", 225},
	{"HR", "HRV", "Croatia", 385},
	{"CU", "CUB", "Cuba", 53},
	{"CW", "CUW", "Curaçao", 599},
	{"CY", "CYP", "Cyprus", 357},
	{"CZ", "CZE", "Czechia", 420},
	{"DK", "DNK", "Denmark", 45},
	{"DJ", "DJI", "Djibouti", 253},
	{"DM", "DMA", "Dominica", 1},
	{"DO", "DOM", "Dominican Republic", 1},
	{"EC", "ECU", "Ecuador", 593},
	{"EG", "EGY", "Egypt", 20},
	{"SV", "SLV", "El Salvador", 503},
	{"GQ", "GNQ", "Equatorial Guinea", 240},
	{"ER", "ERI", "Eritrea", 291},
	{"EE", "EST", "Estonia", 372},
	{"SZ", "SWZ", "Eswatini", 268},
	{"ET", "ETH", "Ethiopia", 251},
	{"FK", "FLK", "Falkland Islands", 500},
	{"FO", "FRO", "Faroe Islands", 298},
	{"FJ", "FJI", "Fiji", 679},
	{"FI", "FIN", "Finland", 358},
	{"FR", "FRA", "France", 33},
	{"GF", "GUF", "French Guiana", 594},
	{"PF", "PYF", "French Polynesia", 689},
	{"TF", "ATF", "French Southern Territories", 0},
	{"GA", "GAB", "Gabon", 241},
	{"GM", "GMB", "Gambia", 220},
	{"GE", "GEO", "Georgia", 995},
	{"DE", "DEU", "Germany", 49},
	{"GH", "GHA", "Ghana", 233},
	{"GI", "GIB", "Gibraltar", 350},
	{"GR", "GRC", "Greece", 30},
	{"GL", "GRL", "Greenland", 299},
	{"GD", "GRD", "Grenada", 1},
	{"GP", "GLP", "Guadeloupe", 590},
	{"GU", "GUM", "Guam", 1},
	{"GT", "GTM", "Guatemala", 502},
	{"GG", "GGY", "Guernsey", 44},
	{"GN", "GIN", "Guinea", 224},
	{"GW", "GNB", "Guinea-Bissau", 245},
	{"GY", "GUY", "Guyana", 592},
	{"HT", "HTI", "Haiti", 509},
	{"HM", "HMD", "Heard Island and McDonald Islands", 0},
	{"VA", "VAT", "Holy See", 39},
	{"HN", "HND", "Honduras", 504},
	{"HK", "HKG", "Hong Kong", 852},
	{"HU", "HUN", "Hungary", 36},
	{"IS", "ISL", "Iceland", 354},
	{"IN", "IND", "India", 91},
	{"ID", "IDN", "Indonesia", 62},
	{"IR", "IRN", "Iran", 98},
	{"IQ", "IRQ", "Iraq", 964},
	{"IE", "IRL", "Ireland", 353},
	{"IM", "IMN", "Isle of Man", 44},
	{"IL", "ISR", "Israel", 972},
	{"IT", "ITA", "Italy", 39},
	{"JM", "JAM", "Jamaica", 1},
	{"JP", "JPN", "Japan", 81},
	{"JE", "JEY", "Jersey", 44},
	{"JO", "JOR", "Jordan", 962},
	{"KZ", "KAZ", "Kazakhstan", 7},
	{"KE", "KEN", "Kenya", 254},
	{"KI", "KIR", "Kiribati", 686},
	{"KP", "PRK", "North Korea", 850},
	{"KR", "KOR", "South Korea", 82},
	{"KW", "KWT", "Kuwait", 965},
	{"KG", "KGZ", "Kyrgyzstan", 996},
	{"LA", "LAO", "Laos", 856},
	{"LV", "LVA", "Latvia", 371},
	{"LB", "LBN", "Lebanon", 961},
	{"LS", "LSO", "Lesotho", 266},
	{"LR", "LBR", "Liberia", 231},
	{"LY", "LBY", "Libya", 218},
	{"LI", "LIE", "Liechtenstein", 423},
	{"LT", "LTU", "Lithuania", 370},
	{"LU", "LUX", "Luxembourg", 352},
	{"MO", "MAC", "Macao", 853},
	{"MG", "MDG", "Madagascar", 261},
	{"MW", "MWI", "Malawi", 265},
	{"MY", "MYS", "Malaysia", 60},
	{"MV", "MDV", "Maldives", 960},
	{"ML", "MLI", "Mali", 223},
	{"MT", "MLT", "Malta", 356},
	{"MH", "MHL", "Marshall Islands", 692},
	{"MQ", "MTQ", "Martinique", 596},
	{"MR", "MRT", "Mauritania", 222},
	{"MU", "MUS", "Mauritius", 230},
	{"YT", "MYT", "Mayotte", 262},
	{"MX", "MEX", "Mexico", 52},
	{"FM", "FSM", "Micronesia", 691},
	{"MD", "MDA", "Moldova", 373},
	{"MC", "MCO", "Monaco", 377},
	{"MN", "MNG", "Mongolia", 976},
	{"ME", "MNE", "Montenegro", 382},
	{"MS", "MSR", "Montserrat", 1},
	{"MA", "MAR", "Morocco", 212},
	{"MZ", "MOZ", "Mozambique", 258},
	{"MM", "MMR", "Myanmar", 95},
	{"NA", "NAM", "Namibia", 264},
	{"NR", "NRU", "Nauru", 674},
	{"NP", "NPL", "Nepal", 977},
	{"NL", "NLD", "Netherlands", 31},
	{"NC", "NCL", "New Caledonia", 687},
	{"NZ", "NZL", "New Zealand", 64},
	{"NI", "NIC", "Nicaragua", 505},
	{"NE", "NER", "Niger", 227},
	{"NG", "NGA", "Nigeria", 234},
	{"NU", "NIU", "Niue", 683},
	{"NF", "NFK", "Norfolk Island", 672},
	{"MK", "MKD", "North Macedonia", 389},
	{"MP", "MNP", "Northern Mariana Islands", 1},
	{"NO", "NOR", "Norway", 47},
	{"OM", "OMN", "Oman", 968},
	{"PK", "PAK", "Pakistan", 92},
	{"PW", "PLW", "Palau", 680},
	{"PS", "PSE", "Palestine", 970},
	{"PA", "PAN", "Panama", 507},
	{"PG", "PNG", "Papua New Guinea", 675},
	{"PY", "PRY", "Paraguay", 595},
	{"PE", "PER", "Peru", 51},
	{"PH", "PHL", "Philippines", 63},
	{"PN", "PCN", "Pitcairn", 0},
	{"PL", "POL", "Poland", 48},
	{"PT", "PRT", "Portugal", 351},
	{"PR", "PRI", "Puerto Rico", 1},
	{"QA", "QAT", "Qatar", 974},
	{"RE", "REU", "Réunion", 262},
	{"RO", "ROU", "Romania", 40},
	{"RU", "RUS", "Russia", 7},
	{"RW", "RWA", "Rwanda", 250},
	{"BL", "BLM", "Saint Barthélemy", 590},
	{"SH", "SHN", "Saint Helena, Ascension and Tristan da Cunha", 290},
	{"KN", "KNA", "Saint Kitts and Nevis", 1},
	{"LC", "LCA", "Saint Lucia", 1},
	{"MF", "MAF", "Saint Martin (French part)", 590},
	{"PM", "SPM", "Saint Pierre and Miquelon", 508},
	{"VC", "VCT", "Saint Vincent and the Grenadines", 1},
	{"WS", "WSM", "Samoa", 685},
	{"SM", "SMR", "San Marino", 378},
	{"ST", "STP", "Sao Tome and Principe", 239},
	{"SA", "SAU", "Saudi Arabia", 966},
	{"SN", "SEN", "Senegal", 221},
	{"RS", "SRB", "Serbia", 381},
	{"SC", "SYC", "Seychelles", 248},
	{"SL", "SLE", "Sierra Leone", 232},
	{"SG", "SGP", "Singapore", 65},
	{"SX", "SXM", "Sint Maarten (Dutch part)", 1},
	{"SK", "SVK", "Slovakia", 421},
	{"SI", "SVN", "Slovenia", 386},
	{"SB", "SLB", "Solomon Islands", 677},
	{"SO", "SOM", "Somalia", 252},
	{"ZA", "ZAF", "South Africa", 27},
	{"GS", "SGS", "South Georgia and the South Sandwich Islands", 500},
	{"SS", "SSD", "South Sudan", 211},
	{"ES", "ESP", "Spain", 34},
	{"LK", "LKA", "Sri Lanka", 94},
	{"SD", "SDN", "Sudan", 249},
	{"SR", "SUR", "Suriname", 597},
	{"SJ", "SJM", "Svalbard and Jan Mayen", 47},
	{"SE", "SWE", "Sweden", 46},
	{"CH", "CHE", "Switzerland", 41},
	{"SY", "SYR", "Syria", 963},
	{"TW", "TWN", "Taiwan", 886},
	{"TJ", "TJK", "Tajikistan", 992},
	{"TZ", "TZA", "Tanzania", 255},
	{"TH", "THA", "Thailand", 66},
	{"TL", "TLS", "Timor-Leste", 670},
	{"TG", "TGO", "Togo", 228},
	{"TK", "TKL", "Tokelau", 690},
	{"TO", "TON", "Tonga", 676},
	{"TT", "TTO", "Trinidad and Tobago", 1},
	{"TN", "TUN", "Tunisia", 216},
	{"TR", "TUR", "Türkiye", 90},
	{"TM", "TKM", "Turkmenistan", 993},
	{"TC", "TCA", "Turks and Caicos Islands", 1},
	{"TV", "TUV", "Tuvalu", 688},
	{"UG", "UGA", "Uganda", 256},
	{"UA", "UKR", "Ukraine", 380},
	{"AE", "ARE", "United Arab Emirates", 971},
	{"GB", "GBR", "United Kingdom", 44},
	{"US", "USA", "United States", 1},
	{"UM", "UMI", "United States Minor Outlying Islands", 1},
	{"UY", "URY", "Uruguay", 598},
	{"UZ", "UZB", "Uzbekistan", 998},
	{"VU", "VUT", "Vanuatu", 678},
	{"VE", "VEN", "Venezuela", 58},
	{"VN", "VNM", "Viet Nam", 84},
	{"VG", "VGB", "British Virgin Islands", 1},
	{"VI", "VIR", "U.S. Virgin Islands", 1},
	{"WF", "WLF", "Wallis and Futuna", 681},
	{"EH", "ESH", "Western Sahara", 212},
	{"YE", "YEM", "Yemen", 967},
	{"ZM", "ZMB", "Zambia", 260},
	{"ZW", "ZWE", "Zimbabwe", 263},
};

/*
 * Other names, in key form (see the file comment). Official long names,
 * common English variants, native names and the parts of the United
 * Kingdom, which CRM users type as countries.
 */
static const struct {
	const char *key;
	const char *alpha2;
} aliases[] = {
	{"us", "US"}, {"usa", "US"}, {"united states of america", "US"},
	{"america", "US"}, {"united states america", "US"}, {"u s", "US"},
	{"u s a", "US"}, {"estados unidos", "US"}, {"etats unis", "US"},
	{"vereinigte staaten", "US"}, {"uk", "GB"}, {"great britain", "GB"},
	{"britain", "GB"}, {"england", "GB"}, {"scotland", "GB"},
	{"wales", "GB"}, {"northern ireland", "GB"}, {"u k", "GB"},
	{"united kingdom of great britain and northern ireland", "GB"},
	{"royaume uni", "GB"}, {"reino unido", "GB"},
	{"vereinigtes konigreich", "GB"}, {"grossbritannien", "GB"},
	{"deutschland", "DE"}, {"federal republic of germany", "DE"},
	{"bundesrepublik deutschland", "DE"}, {"allemagne", "DE"},
	{"alemania", "DE"}, {"germania", "DE"}, {"brd", "DE"},
	{"osterreich", "AT"}, {"autriche", "AT"}, {"schweiz", "CH"},
	{"suisse", "CH"}, {"svizzera", "CH"}, {"svizra", "CH"},
	{"helvetia", "CH"}, {"nederland", "NL"}, {"holland", "NL"},
	{"pays bas", "NL"}, {"niederlande", "NL"}, {"paises bajos", "NL"},
	{"belgie", "BE"}, {"belgique", "BE"}, {"belgien", "BE"},
	{"republique francaise", "FR"}, {"frankreich", "FR"}, {"francia", "FR"},
	{"espana", "ES"}, {"spanien", "ES"}, {"espagne", "ES"},
	{"italia", "IT"}, {"italien", "IT"}, {"italie", "IT"},
	{"sverige", "SE"}, {"schweden", "SE"}, {"norge", "NO"}, {"noreg", "NO"},
	{"danmark", "DK"}, {"danemark", "DK"}, {"suomi", "FI"},
	{"island", "IS"}, {"polska", "PL"}, {"polen", "PL"},
	{"czech republic", "CZ"}, {"cesko", "CZ"}, {"ceska republika", "CZ"},
	{"slovak republic", "SK"}, {"slovensko", "SK"}, {"slovenija", "SI"},
	{"hrvatska", "HR"}, {"magyarorszag", "HU"}, {"roumanie", "RO"},
	{"hellas", "GR"}, {"ellada", "GR"}, {"russian federation", "RU"},
	{"rossiya", "RU"}, {"россия", "RU"}, {"україна", "UA"},
	{"ukraina", "UA"}, {"turkey", "TR"}, {"turkei", "TR"},
	{"peoples republic of china", "CN"}, {"prc", "CN"}, {"中国", "CN"},
	{"nippon", "JP"}, {"nihon", "JP"}, {"日本", "JP"},
	{"republic of korea", "KR"}, {"korea republic of", "KR"},
	{"korea south", "KR"}, {"대한민국", "KR"},
	{"democratic peoples republic of korea", "KP"}, {"dprk", "KP"},
	{"korea north", "KP"}, {"bharat", "IN"}, {"brasil", "BR"},
	{"mexique", "MX"}, {"uae", "AE"}, {"u a e", "AE"}, {"emirates", "AE"},
	{"ksa", "SA"}, {"saudi", "SA"}, {"kingdom of saudi arabia", "SA"},
	{"persia", "IR"}, {"islamic republic of iran", "IR"},
	{"syrian arab republic", "SY"}, {"lao pdr", "LA"},
	{"lao peoples democratic republic", "LA"}, {"vietnam", "VN"},
	{"macedonia", "MK"}, {"fyrom", "MK"}, {"republic of moldova", "MD"},
	{"united republic of tanzania", "TZ"}, {"ivory coast", "CI"},
	{"cape verde", "CV"}, {"swaziland", "SZ"}, {"burma", "MM"},
	{"dr congo", "CD"}, {"drc", "CD"}, {"congo kinshasa", "CD"},
	{"zaire", "CD"}, {"democratic republic of congo", "CD"},
	{"congo democratic republic of the", "CD"},
	{"republic of the congo", "CG"}, {"congo brazzaville", "CG"},
	{"east timor", "TL"}, {"vatican", "VA"}, {"vatican city", "VA"},
	{"vatican city state", "VA"}, {"state of palestine", "PS"},
	{"palestinian territories", "PS"}, {"hong kong sar", "HK"},
	{"macau", "MO"}, {"brunei", "BN"},
	{"federated states of micronesia", "FM"},
	{"virgin islands british", "VG"}, {"bvi", "VG"},
	{"us virgin islands", "VI"}, {"virgin islands us", "VI"},
	{"st kitts and nevis", "KN"}, {"st kitts", "KN"},
	{"saint kitts", "KN"}, {"st lucia", "LC"},
	{"st vincent and the grenadines", "VC"}, {"st vincent", "VC"},
	{"bosnia", "BA"}, {"bosnia herzegovina", "BA"},
	{"trinidad", "TT"}, {"antigua", "AG"}, {"eire", "IE"},
	{"republic of ireland", "IE"}, {"irlande", "IE"}, {"irland", "IE"},
	{"the gambia", "GM"}, {"falkland islands malvinas", "FK"},
	{"sao tome", "ST"}, {"sao tome and principe", "ST"},
	{"st helena", "SH"}, {"saint helena", "SH"},
	{"st pierre and miquelon", "PM"}, {"st barthelemy", "BL"},
	{"st barts", "BL"}, {"turkiye", "TR"}, {"new zealand aotearoa", "NZ"},
	{"aotearoa", "NZ"}, {"bolivia plurinational state of", "BO"},
	{"venezuela bolivarian republic of", "VE"}, {"the netherlands", "NL"},
	{"netherlands the", "NL"}, {"bahamas the", "BS"},
	{"slovak", "SK"}, {"kyrgyz republic", "KG"}, {"curacao", "CW"},
	{"reunion", "RE"}, {"aland", "AX"}, {"aland islands", "AX"},
};

/* Keys that usually mean one country, but not always: SUGGEST. */
static const struct {
	const char *key;
	const char *alpha2;
} guesses[] = {
	{"korea", "KR"},
};

/* Keys that name two countries: INVALID. */
static const char *const ambiguous[] = {
	"virgin islands", "st martin", "saint martin", "sint maarten st martin",
	"guinea bissau equatorial guinea",
};

const stw_stdi_country *
stw_stdi_countries(size_t *n)
{
	*n = COUNT(countries);
	return countries;
}

const stw_stdi_country *
stw_stdi_country_by_alpha2(const char *alpha2)
{
	if (!alpha2 || strlen(alpha2) != 2)
		return NULL;
	/* ASCII case folding of two bytes, without a call per entry */
	int a = stw_stdi_ascii_lower((unsigned char)alpha2[0]);
	int b = stw_stdi_ascii_lower((unsigned char)alpha2[1]);
	for (size_t i = 0; i < COUNT(countries); i++)
		if (stw_stdi_ascii_lower((unsigned char)countries[i].alpha2[0]) == a &&
		    stw_stdi_ascii_lower((unsigned char)countries[i].alpha2[1]) == b)
			return &countries[i];
	return NULL;
}

static const stw_stdi_country *
by_alpha3(const char *alpha3)
{
	for (size_t i = 0; i < COUNT(countries); i++)
		if (stw_stdi_strcasecmp(alpha3, countries[i].alpha3) == 0)
			return &countries[i];
	return NULL;
}

/* The lookup key of a country name (see the file comment). Caller frees. */
static char *
country_key(const char *s)
{
	char *k = stw_stdi_fold_and(s);
	if (strncmp(k, "the ", 4) == 0)
		memmove(k, k + 4, strlen(k + 4) + 1);
	return k;
}

/*
 * The last few resolutions of this thread. A CRM column holds a handful of
 * distinct countries, and every phone and postcode resolves one, so the
 * answer (a pure function of the text) is kept per thread: no locking, no
 * allocation, nothing shared.
 */
#define RESOLVED_SLOTS 32
#define RESOLVED_LEN   48
typedef struct {
	char                    in[RESOLVED_LEN]; /* "" when unused */
	const stw_stdi_country *found;
	bool                    guess;
} resolved;
static _Thread_local resolved resolved_cache[RESOLVED_SLOTS];

static const stw_stdi_country *resolve(const char *in, bool *guess);

const stw_stdi_country *
stw_stdi_country_resolve(const char *in, bool *guess)
{
	*guess = false;
	if (!in)
		return NULL;
	size_t n = strlen(in);
	if (n == 0 || n >= RESOLVED_LEN)
		return resolve(in, guess);
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)in[i]) * 16777619u;
	resolved *r = &resolved_cache[h % RESOLVED_SLOTS];
	if (strcmp(r->in, in) == 0) {
		*guess = r->guess;
		return r->found;
	}
	const stw_stdi_country *found = resolve(in, guess);
	memcpy(r->in, in, n + 1);
	r->found = found;
	r->guess = *guess;
	return found;
}

static const stw_stdi_country *
resolve(const char *in, bool *guess)
{
	const stw_stdi_country *found = NULL;
	*guess = false;
	char *k = country_key(in);
	size_t klen = strlen(k);

	if (klen == 0)
		goto done;
	for (size_t i = 0; i < COUNT(aliases) && !found; i++)
		if (strcmp(k, aliases[i].key) == 0)
			found = stw_stdi_country_by_alpha2(aliases[i].alpha2);
	if (!found && klen == 2)
		found = stw_stdi_country_by_alpha2(k);
	if (!found && klen == 3)
		found = by_alpha3(k);
	for (size_t i = 0; i < COUNT(countries) && !found; i++) {
		unsigned char c0 = (unsigned char)countries[i].name[0];
		/* cheap first-letter filter before folding the name */
		if (c0 < 0x80 && stw_stdi_ascii_lower(c0) != k[0])
			continue;
		char *nk = country_key(countries[i].name);
		if (strcmp(nk, k) == 0)
			found = &countries[i];
		free(nk);
	}
	for (size_t i = 0; i < COUNT(guesses) && !found; i++)
		if (strcmp(k, guesses[i].key) == 0) {
			found = stw_stdi_country_by_alpha2(guesses[i].alpha2);
			*guess = true;
		}
done:
	free(k);
	return found;
}

void
stw_std_country(const char *in, stw_std_result *out)
{
	char *t = stw_stdi_tidy(in);
	if (!*t) {
		stw_stdi_set(out, STW_STD_EMPTY, NULL);
		free(t);
		return;
	}
	bool guess;
	const stw_stdi_country *c = stw_stdi_country_resolve(t, &guess);
	if (!c) {
		char *k = country_key(t);
		bool amb = false;
		for (size_t i = 0; i < COUNT(ambiguous); i++)
			if (strcmp(k, ambiguous[i]) == 0)
				amb = true;
		free(k);
		stw_stdi_set(out, STW_STD_INVALID, NULL);
		stw_stdi_why(out, amb ? "ambiguous country: %.80s" : "unknown country: %.80s", t);
		free(t);
		return;
	}
	if (guess) {
		stw_stdi_set(out, STW_STD_SUGGEST, c->alpha2);
		stw_stdi_why(out, "%.60s usually means %s (%s)", t, c->name, c->alpha2);
	} else {
		stw_stdi_same_or_changed(out, in, c->alpha2);
		if (out->status == STW_STD_CHANGED)
			stw_stdi_why(out, "country %.60s -> %s", t, c->alpha2);
	}
	free(t);
}

const char *
stw_std_country_name(const char *alpha2)
{
	const stw_stdi_country *c = stw_stdi_country_by_alpha2(alpha2);
	return c ? c->name : NULL;
}

const char *
stw_std_country_alpha3(const char *alpha2)
{
	const stw_stdi_country *c = stw_stdi_country_by_alpha2(alpha2);
	return c ? c->alpha3 : NULL;
}

int
stw_std_calling_code(const char *alpha2)
{
	const stw_stdi_country *c = stw_stdi_country_by_alpha2(alpha2);
	return c ? c->calling_code : 0;
}
