/*
 * Subdivision and postcode standardizers.
 *
 * States, provinces and territories of the US, Canada and Australia map to
 * their postal codes through tables of names and the abbreviations people
 * write ("Calif.", "N.Y.", "Qué.", "P.E.I."); lookups compare folded keys
 * with punctuation dropped, so "N.Y." and "NY" are the same key. Postcodes
 * are checked against each country's pattern and put in its usual written
 * form (spacing, hyphen, upper case). Codes that lost leading zeros in a
 * spreadsheet are SUGGESTed with the zeros back, never rewritten silently.
 */
#include "std_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ==== Subdivisions ==== */

typedef struct {
	const char *code;
	const char *keys; /* key forms separated by '|': the name first */
} subdivision;

static const subdivision us_states[] = {
	{"AL", "alabama|ala"}, {"AK", "alaska|alas"}, {"AZ", "arizona|ariz"},
	{"AR", "arkansas|ark"}, {"CA", "california|calif|cal|cali"},
	{"CO", "colorado|colo|col"}, {"CT", "connecticut|conn"},
	{"DE", "delaware|del"}, {"FL", "florida|fla|flor"}, {"GA", "georgia"},
	{"HI", "hawaii"}, {"ID", "idaho|ida"}, {"IL", "illinois|ill|ills"},
	{"IN", "indiana|ind"}, {"IA", "iowa"}, {"KS", "kansas|kan|kans"},
	{"KY", "kentucky|ken|kent"}, {"LA", "louisiana"}, {"ME", "maine"},
	{"MD", "maryland"}, {"MA", "massachusetts|mass"},
	{"MI", "michigan|mich"}, {"MN", "minnesota|minn"},
	{"MS", "mississippi|miss"}, {"MO", "missouri"}, {"MT", "montana|mont"},
	{"NE", "nebraska|neb|nebr"}, {"NV", "nevada|nev"},
	{"NH", "new hampshire|n h"}, {"NJ", "new jersey|n j"},
	{"NM", "new mexico|n m|n mex"}, {"NY", "new york|n y|new york state"},
	{"NC", "north carolina|n carolina|n c"},
	{"ND", "north dakota|n dakota|n dak|n d"}, {"OH", "ohio"},
	{"OK", "oklahoma|okla"}, {"OR", "oregon|ore|oreg"},
	{"PA", "pennsylvania|penn|penna"}, {"RI", "rhode island|r i"},
	{"SC", "south carolina|s carolina|s c"},
	{"SD", "south dakota|s dakota|s dak|s d"}, {"TN", "tennessee|tenn"},
	{"TX", "texas|tex"}, {"UT", "utah"}, {"VT", "vermont"},
	{"VA", "virginia|virg"}, {"WA", "washington|wash|washington state"},
	{"WV", "west virginia|w virginia|w va"},
	{"WI", "wisconsin|wis|wisc"}, {"WY", "wyoming|wyo"},
	{"DC", "district of columbia|d c|washington dc|washington d c"},
	{"AS", "american samoa"}, {"GU", "guam"},
	{"MP", "northern mariana islands|northern marianas"},
	{"PR", "puerto rico|p r"},
	{"VI", "us virgin islands|virgin islands|u s virgin islands"},
	{"UM", "united states minor outlying islands"},
	{"AA", "armed forces americas"}, {"AE", "armed forces europe"},
	{"AP", "armed forces pacific"},
};

static const subdivision ca_provinces[] = {
	{"AB", "alberta|alta|alb"},
	{"BC", "british columbia|b c|colombie britannique"},
	{"MB", "manitoba|man"},
	{"NB", "new brunswick|n b|nouveau brunswick"},
	{"NL", "newfoundland and labrador|newfoundland|nfld|labrador|nf|"
	       "terre neuve et labrador"},
	{"NS", "nova scotia|n s|nouvelle ecosse"},
	{"NT", "northwest territories|nwt|n w t|territoires du nord ouest"},
	{"NU", "nunavut|nvt"}, {"ON", "ontario|ont"},
	{"PE", "prince edward island|pei|p e i|ile du prince edouard"},
	{"QC", "quebec|que|pq|p q|province of quebec"},
	{"SK", "saskatchewan|sask"}, {"YT", "yukon|yukon territory|yk|yuk"},
};

static const subdivision au_states[] = {
	{"NSW", "new south wales|n s w"}, {"VIC", "victoria|vict"},
	{"QLD", "queensland|qld|q l d"}, {"SA", "south australia|s a"},
	{"WA", "western australia|w a"}, {"TAS", "tasmania|tas|tassie"},
	{"ACT", "australian capital territory|a c t"},
	{"NT", "northern territory|n t"},
};

static const subdivision *
find_subdivision(const subdivision *tab, size_t n, const char *key)
{
	size_t klen = strlen(key);
	for (size_t i = 0; i < n; i++) {
		if (stw_stdi_strcasecmp(key, tab[i].code) == 0)
			return &tab[i];
		const char *k = tab[i].keys;
		while (*k) {
			size_t len = strcspn(k, "|");
			if (len == klen && strncmp(k, key, len) == 0)
				return &tab[i];
			k += len;
			if (*k == '|')
				k++;
		}
	}
	return NULL;
}

/* The alpha-2 code of a country argument, or "" when it has none. */
static const char *
country_code(const char *country)
{
	bool guess;
	const stw_stdi_country *c = country && *country ?
	                            stw_stdi_country_resolve(country, &guess) : NULL;
	return c ? c->alpha2 : "";
}

static void
tidy_only(const char *in, const char *t, const char *what, const char *cc,
          stw_std_result *out)
{
	stw_stdi_same_or_changed(out, in, t);
	if (out->status == STW_STD_CHANGED)
		stw_stdi_why(out, "whitespace tidied; %s not checked for %s", what,
		             *cc ? cc : "an unknown country");
	else
		stw_stdi_why(out, "%s not checked for %s", what, *cc ? cc : "an unknown country");
}

void
stw_std_state(const char *in, const char *country, stw_std_result *out)
{
	char *t = stw_stdi_tidy(in);
	if (!*t) {
		stw_stdi_set(out, STW_STD_EMPTY, NULL);
		free(t);
		return;
	}
	const char *cc = country_code(country);
	bool any = !country || !*country;
	char *key = stw_std_fold_opts(t, STW_FOLD_PUNCT);
	if (strncmp(key, "state of ", 9) == 0)
		memmove(key, key + 9, strlen(key + 9) + 1);
	const subdivision *s = NULL;
	const char *where = cc;

	if (strcmp(cc, "US") == 0 || any) {
		s = find_subdivision(us_states, COUNT(us_states), key);
		where = "US";
	}
	if (!s && (strcmp(cc, "CA") == 0 || any)) {
		s = find_subdivision(ca_provinces, COUNT(ca_provinces), key);
		where = "CA";
	}
	if (!s && strcmp(cc, "AU") == 0)
		s = find_subdivision(au_states, COUNT(au_states), key);

	if (s) {
		stw_stdi_same_or_changed(out, in, s->code);
		if (out->status == STW_STD_CHANGED)
			stw_stdi_why(out, "%.60s -> %s", t, s->code);
	} else if (any || !strcmp(cc, "US") || !strcmp(cc, "CA") || !strcmp(cc, "AU")) {
		stw_stdi_set(out, STW_STD_INVALID, NULL);
		stw_stdi_why(out, "unknown %s %.60s",
		             any ? "US state or Canadian province" :
		             !strcmp(where, "CA") ? "Canadian province" :
		             !strcmp(cc, "AU") ? "Australian state" : "US state", t);
	} else {
		tidy_only(in, t, "subdivision", cc, out);
	}
	free(key);
	free(t);
}

/* ==== Postcodes ==== */

/* Upper-case copy of t without spaces and hyphens. */
static char *
compact(const char *t)
{
	stw_buf b = STW_BUF_INIT;
	for (const char *p = t; *p; p++)
		if (*p != ' ' && *p != '-')
			stw_buf_addc(&b, (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p));
	return stw_buf_take(&b);
}

static bool
all_digits(const char *s, size_t n)
{
	if (strlen(s) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!stw_stdi_is_digit((unsigned char)s[i]))
			return false;
	return true;
}

static bool
is_upper_ascii(char c)
{
	return c >= 'A' && c <= 'Z';
}

/* The UK postcode pattern on a compact upper-case string. */
static bool
gb_ok(const char *s)
{
	size_t n = strlen(s);
	if (strcmp(s, "GIR0AA") == 0)
		return true;
	if (n < 5 || n > 7)
		return false;
	const char *in = s + n - 3;
	if (!stw_stdi_is_digit((unsigned char)in[0]) || !strchr("ABDEFGHJLNPQRSTUWXYZ", in[1]) ||
	    !strchr("ABDEFGHJLNPQRSTUWXYZ", in[2]) || !in[1] || !in[2])
		return false;
	size_t on = n - 3; /* outward code: A9 A99 AA9 AA99 A9A AA9A */
	const char *o = s;
	if (!is_upper_ascii(o[0]) || strchr("QVX", o[0]))
		return false;
	bool l1 = is_upper_ascii(o[1]);
	if (l1 && strchr("IJZ", o[1]))
		return false;
	const char *rest = o + (l1 ? 2 : 1);
	size_t rn = on - (l1 ? 2 : 1);
	if (rn == 1)
		return stw_stdi_is_digit((unsigned char)rest[0]);
	if (rn != 2 || !stw_stdi_is_digit((unsigned char)rest[0]))
		return false;
	if (stw_stdi_is_digit((unsigned char)rest[1]))
		return true;
	return strchr(l1 ? "ABEHMNPRVWXY" : "ABCDEFGHJKPSTUW", rest[1]) && rest[1];
}

/* Canadian A1A1A1 on a compact string. */
static bool
ca_ok(const char *s)
{
	if (strlen(s) != 6)
		return false;
	for (int i = 0; i < 6; i++) {
		if (i % 2 == 0) {
			if (!is_upper_ascii(s[i]) || strchr("DFIOQU", s[i]))
				return false;
		} else if (!stw_stdi_is_digit((unsigned char)s[i])) {
			return false;
		}
	}
	return !strchr("WZ", s[0]);
}

/* Irish Eircode: routing key (A65 or D6W) and a four-character identifier. */
static bool
ie_ok(const char *s)
{
	static const char ok[] = "0123456789ACDEFHKNPRTVWXY";
	if (strlen(s) != 7 || !strchr("ACDEFHKNPRTVWXY", s[0]) || !s[0])
		return false;
	if (!(stw_stdi_is_digit((unsigned char)s[1]) && stw_stdi_is_digit((unsigned char)s[2])) &&
	    strncmp(s, "D6W", 3) != 0)
		return false;
	for (int i = 3; i < 7; i++)
		if (!strchr(ok, s[i]))
			return false;
	return true;
}

/* Countries whose postcodes are a fixed number of digits. */
static const struct {
	const char *cc;
	int digits;
	bool lose_zero; /* codes with a leading 0 exist, so 0s get lost */
} digit_codes[] = {
	{"DE", 5, true},  {"FR", 5, true},  {"IT", 5, true},  {"ES", 5, true},
	{"FI", 5, true},  {"MX", 5, true},  {"HR", 5, false}, {"EE", 5, false},
	{"GR", 5, false}, {"TR", 5, true},  {"UA", 5, true},  {"MY", 5, true},
	{"TH", 5, false}, {"ID", 5, false}, {"SA", 5, false}, {"CH", 4, false},
	{"AT", 4, false}, {"BE", 4, false}, {"DK", 4, false}, {"NO", 4, true},
	{"AU", 4, true},  {"NZ", 4, true},  {"ZA", 4, true},  {"HU", 4, false},
	{"LU", 4, false}, {"BG", 4, false}, {"IN", 6, false}, {"RU", 6, false},
	{"CN", 6, false}, {"SG", 6, true},  {"KZ", 6, false}, {"RO", 6, true},
	{"VN", 6, false}, {"LT", 5, false}, {"KR", 5, true},  {"IL", 7, false},
};

/* Result for a code that matched: SAME if written that way, else CHANGED. */
static void
postcode_ok(const char *in, const char *norm, const char *cc, stw_std_result *out)
{
	stw_stdi_same_or_changed(out, in, norm);
	if (out->status == STW_STD_CHANGED)
		stw_stdi_why(out, "%s postcode written in its usual form", cc);
}

static void
postcode_bad(const char *t, const char *cc, stw_std_result *out)
{
	stw_stdi_set(out, STW_STD_INVALID, NULL);
	stw_stdi_why(out, "not a %s postcode: %.60s", cc, t);
}

static void
postcode_zeros(const char *norm, const char *cc, stw_std_result *out)
{
	stw_stdi_set(out, STW_STD_SUGGEST, norm);
	stw_stdi_why(out, "looks like a %s postcode that lost its leading zeros", cc);
}

static void
postcode_us(const char *in, const char *t, const char *c, stw_std_result *out)
{
	char buf[16];
	size_t n = strlen(c);
	const char *dash = strchr(t, '-');
	if (all_digits(c, 5) && strcmp(c, "00000") != 0) {
		postcode_ok(in, c, "US", out);
	} else if (all_digits(c, 9) && strncmp(c, "00000", 5) != 0) {
		memcpy(buf, c, 5);
		buf[5] = '-';
		memcpy(buf + 6, c + 5, 5);
		postcode_ok(in, buf, "US", out);
	} else if ((n == 3 || n == 4) && all_digits(c, n) && !dash) {
		memset(buf, '0', 5 - n);
		memcpy(buf + 5 - n, c, n + 1);
		postcode_zeros(buf, "US", out);
	} else if ((n == 7 || n == 8) && all_digits(c, n) && dash &&
	           strlen(dash + 1) == 4 && (size_t)(dash - t) == n - 4) {
		/* ZIP+4 whose ZIP lost zeros: 2134-1234 */
		size_t z = n - 4;
		memset(buf, '0', 5 - z);
		memcpy(buf + 5 - z, c, z);
		buf[5] = '-';
		memcpy(buf + 6, c + z, 5);
		postcode_zeros(buf, "US", out);
	} else {
		postcode_bad(t, "US", out);
	}
}

void
stw_std_postcode(const char *in, const char *country, stw_std_result *out)
{
	char *t = stw_stdi_tidy(in);
	if (!*t) {
		stw_stdi_set(out, STW_STD_EMPTY, NULL);
		free(t);
		return;
	}
	const char *cc = country_code(country);
	char *c = compact(t);
	char buf[32];
	size_t n = strlen(c);

	/* "D-12345", "CH-8000", "NL-1234 AB": a country prefix, dropped. */
	const char *num = c;
	const char *dash = strchr(t, '-');
	if (dash && dash - t <= 2 && dash > t && stw_stdi_is_digit((unsigned char)dash[1]) &&
	    stw_stdi_is_alpha((unsigned char)t[0]) && strcmp(cc, "US") != 0 &&
	    strcmp(cc, "GB") != 0 && strcmp(cc, "CA") != 0) {
		num = c + (dash - t);
		n = strlen(num);
	}

	if (strcmp(cc, "US") == 0) {
		postcode_us(in, t, c, out);
	} else if (strcmp(cc, "GB") == 0) {
		if (gb_ok(c) && n <= 7) {
			snprintf(buf, sizeof buf, "%.*s %s", (int)(n - 3), c, c + n - 3);
			postcode_ok(in, buf, cc, out);
		} else {
			postcode_bad(t, cc, out);
		}
	} else if (strcmp(cc, "CA") == 0) {
		if (ca_ok(c)) {
			snprintf(buf, sizeof buf, "%.3s %s", c, c + 3);
			postcode_ok(in, buf, cc, out);
		} else {
			postcode_bad(t, cc, out);
		}
	} else if (strcmp(cc, "IE") == 0) {
		if (ie_ok(c)) {
			snprintf(buf, sizeof buf, "%.3s %s", c, c + 3);
			postcode_ok(in, buf, cc, out);
		} else {
			postcode_bad(t, cc, out);
		}
	} else if (strcmp(cc, "NL") == 0) {
		if (n == 6 && num[0] != '0' &&
		    strspn(num, "0123456789") == 4 && is_upper_ascii(num[4]) &&
		    is_upper_ascii(num[5]) && strcmp(num + 4, "SA") && strcmp(num + 4, "SD") &&
		    strcmp(num + 4, "SS")) {
			snprintf(buf, sizeof buf, "%.4s %s", num, num + 4);
			postcode_ok(in, buf, cc, out);
		} else {
			postcode_bad(t, cc, out);
		}
	} else if (!strcmp(cc, "SE") || !strcmp(cc, "PL") || !strcmp(cc, "PT") ||
	           !strcmp(cc, "BR") || !strcmp(cc, "JP") || !strcmp(cc, "CZ") ||
	           !strcmp(cc, "SK")) {
		/* digits with a fixed separator */
		static const struct {
			const char *cc;
			int len, split;
			char sep;
		} fmt[] = {
			{"SE", 5, 3, ' '}, {"PL", 5, 2, '-'}, {"PT", 7, 4, '-'},
			{"BR", 8, 5, '-'}, {"JP", 7, 3, '-'}, {"CZ", 5, 3, ' '},
			{"SK", 5, 3, ' '},
		};
		size_t i = 0;
		while (strcmp(fmt[i].cc, cc) != 0)
			i++;
		if (all_digits(num, (size_t)fmt[i].len)) {
			snprintf(buf, sizeof buf, "%.*s%c%s", fmt[i].split, num, fmt[i].sep,
			         num + fmt[i].split);
			postcode_ok(in, buf, cc, out);
		} else if (!strcmp(cc, "PT") && all_digits(num, 4)) {
			postcode_ok(in, num, cc, out);
		} else {
			postcode_bad(t, cc, out);
		}
	} else {
		size_t i = 0;
		while (i < COUNT(digit_codes) && strcmp(digit_codes[i].cc, cc) != 0)
			i++;
		if (i == COUNT(digit_codes)) {
			tidy_only(in, t, "postcode", cc, out);
		} else {
			size_t want = (size_t)digit_codes[i].digits;
			if (all_digits(num, want)) {
				postcode_ok(in, num, cc, out);
			} else if (digit_codes[i].lose_zero && n < want && n >= want - 2 &&
			           all_digits(num, n) && n > 0) {
				memset(buf, '0', want - n);
				memcpy(buf + want - n, num, n + 1);
				postcode_zeros(buf, cc, out);
			} else {
				postcode_bad(t, cc, out);
			}
		}
	}
	free(c);
	free(t);
}
