/*
 * Email standardizer: trimming, lower case, the syntax real CRMs accept
 * (the dot-atom subset of RFC 5322, no quoted local parts, no address
 * literals, ASCII only), domain typos proposed as fixes, and the role and
 * placeholder tests the validation rules use.
 *
 * Typos are only ever SUGGESTed: a misspelt domain may be a real one (a
 * company called "gmial" could exist), so a person confirms each fix.
 */
#include "std_internal.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define LOCAL_MAX  64
#define LABEL_MAX  63
#define DOMAIN_MAX 253
#define ADDR_MAX   254

/* ==== Tables ==== */

static const struct {
	const char *typo, *fix;
} domain_typos[] = {
	{"gmial.com", "gmail.com"},     {"gmai.com", "gmail.com"},
	{"gamil.com", "gmail.com"},     {"gnail.com", "gmail.com"},
	{"gmail.con", "gmail.com"},     {"gmail.co", "gmail.com"},
	{"gmail.cm", "gmail.com"},      {"gmail.om", "gmail.com"},
	{"gmaill.com", "gmail.com"},    {"gmal.com", "gmail.com"},
	{"gmil.com", "gmail.com"},      {"gmali.com", "gmail.com"},
	{"hotmial.com", "hotmail.com"},
	{"hotmal.com", "hotmail.com"},  {"hotmil.com", "hotmail.com"},
	{"hotmai.com", "hotmail.com"},  {"hotmail.co", "hotmail.com"},
	{"hotmail.con", "hotmail.com"}, {"hotamil.com", "hotmail.com"},
	{"yaho.com", "yahoo.com"},      {"yahooo.com", "yahoo.com"},
	{"yahoo.co", "yahoo.com"},      {"yahoo.con", "yahoo.com"},
	{"yhoo.com", "yahoo.com"},      {"outlok.com", "outlook.com"},
	{"outlook.co", "outlook.com"},  {"outloo.com", "outlook.com"},
	{"iclod.com", "icloud.com"},    {"icoud.com", "icloud.com"},
	{"icloud.co", "icloud.com"},    {"aol.co", "aol.com"},
};

/* Top-level domains that are not real and have one obvious intent. */
static const struct {
	const char *typo, *fix;
} tld_typos[] = {
	{"con", "com"}, {"cmo", "com"}, {"ocm", "com"}, {"vom", "com"},
	{"xom", "com"}, {"cpm", "com"}, {"clm", "com"}, {"comm", "com"},
	{"coom", "com"}, {"nte", "net"}, {"nett", "net"}, {"ner", "net"},
	{"ogr", "org"}, {"orgg", "org"}, {"prg", "org"},
};

static const char *const popular_domains[] = {
	"gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr",
	"yahoo.de", "ymail.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr",
	"hotmail.de", "hotmail.it", "outlook.com", "live.com", "msn.com",
	"aol.com", "icloud.com", "me.com", "mac.com", "comcast.net",
	"verizon.net", "att.net", "sbcglobal.net", "protonmail.com",
	"proton.me", "gmx.de", "gmx.net", "gmx.com", "web.de", "t-online.de",
	"mail.com", "email.com", "mail.ru", "yandex.ru", "orange.fr", "free.fr",
	"laposte.net", "btinternet.com", "sky.com", "virginmedia.com",
	"zoho.com", "fastmail.com", "bigpond.com", "shaw.ca", "rogers.com",
};

static const char *const role_locals[] = {
	"info", "sales", "support", "admin", "administrator", "contact",
	"contactus", "hello", "office", "billing", "accounts", "accounting",
	"hr", "jobs", "careers", "recruitment", "recruiting", "noreply",
	"donotreply", "postmaster", "webmaster", "hostmaster", "abuse",
	"marketing", "team", "enquiries", "enquiry", "inquiries", "inquiry",
	"help", "helpdesk", "service", "customerservice", "customercare",
	"feedback", "press", "media", "news", "newsletter", "reception",
	"orders", "order", "invoices", "invoice", "finance", "legal", "privacy",
	"security", "it", "root", "sysadmin", "all", "staff", "general",
	"booking", "bookings", "reservations", "partners", "purchasing",
	"procurement", "shop", "store", "mail", "mailer", "notifications",
	"alerts", "frontdesk", "membership", "events", "donations",
	"compliance", "ceo", "board", "investor", "investors", "ir",
};

static const char *const placeholder_domains[] = {
	"example.com", "example.net", "example.org", "test.com", "asdf.com",
	"noemail.com", "nomail.com", "none.com", "fake.com", "email.invalid",
	"domain.com", "yourdomain.com", "mydomain.com", "company.com",
	"noemail.net", "nowhere.com", "unknown.com",
};

static const char *const placeholder_tlds[] = {
	"test", "invalid", "example", "localhost", "local",
};

static const char *const placeholder_locals[] = {
	"noemail", "nomail", "none", "noaddress", "unknown", "na", "fake",
	"dummy", "placeholder", "email", "youremail", "name",
};

static const char *const junk_words[] = {
	"test", "asdf", "qwerty", "abc", "xxx", "aaa", "foo", "fake", "sample",
	"none", "na", "dummy", "temp", "xyz", "asd", "sdf", "blah", "nobody",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Hash indexes of the tables: every address of every record is looked up. */
static stw_stdi_words domain_typo_index = {.table = domain_typos, .n = COUNT(domain_typos),
                                           .stride = sizeof domain_typos[0]};
static stw_stdi_words tld_typo_index = {.table = tld_typos, .n = COUNT(tld_typos),
                                        .stride = sizeof tld_typos[0]};
static stw_stdi_words popular_index = {.table = popular_domains, .n = COUNT(popular_domains),
                                       .stride = sizeof popular_domains[0]};
static stw_stdi_words role_index = {.table = role_locals, .n = COUNT(role_locals),
                                    .stride = sizeof role_locals[0]};
static stw_stdi_words placeholder_domain_index = {.table = placeholder_domains,
                                                  .n = COUNT(placeholder_domains),
                                                  .stride = sizeof placeholder_domains[0]};
static stw_stdi_words placeholder_tld_index = {.table = placeholder_tlds,
                                               .n = COUNT(placeholder_tlds),
                                               .stride = sizeof placeholder_tlds[0]};
static stw_stdi_words placeholder_local_index = {.table = placeholder_locals,
                                                 .n = COUNT(placeholder_locals),
                                                 .stride = sizeof placeholder_locals[0]};
static stw_stdi_words junk_word_index = {.table = junk_words, .n = COUNT(junk_words),
                                         .stride = sizeof junk_words[0]};
_Static_assert(COUNT(role_locals) <= STW_STDI_WORDS_SLOTS / 2, "role_locals fit the index");

/*
 * Local keys longer than this are in none of the tables of local parts
 * (role_locals, placeholder_locals, junk_words), so they are not kept.
 */
#define LOCAL_KEY_MAX 31

/* ==== Syntax ==== */

static bool
is_atext(int c)
{
	return stw_stdi_is_alpha(c) || stw_stdi_is_digit(c) ||
	       (c && strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

/* Checks a lower-case address; on failure writes the reason to why. */
static bool
syntax_ok(const char *a, stw_std_result *out)
{
	const char *at = strchr(a, '@');
	size_t len = strlen(a);

	if (!at) {
		stw_stdi_why(out, "no @ in the address");
		return false;
	}
	if (strchr(at + 1, '@')) {
		stw_stdi_why(out, "more than one @");
		return false;
	}
	size_t llen = (size_t)(at - a);
	const char *dom = at + 1;
	size_t dlen = strlen(dom);
	if (llen == 0) {
		stw_stdi_why(out, "nothing before the @");
		return false;
	}
	if (llen > LOCAL_MAX) {
		stw_stdi_why(out, "part before the @ is longer than 64 characters");
		return false;
	}
	if (a[0] == '"') {
		stw_stdi_why(out, "quoted local part is not accepted");
		return false;
	}
	for (size_t i = 0; i < llen; i++) {
		if (a[i] == '.') {
			if (i == 0 || i + 1 == llen || a[i + 1] == '.') {
				stw_stdi_why(out, "misplaced or doubled dot before the @");
				return false;
			}
		} else if (!is_atext((unsigned char)a[i])) {
			stw_stdi_why(out, "character '%c' not allowed before the @", a[i]);
			return false;
		}
	}
	if (dlen == 0) {
		stw_stdi_why(out, "nothing after the @");
		return false;
	}
	if (dlen > DOMAIN_MAX || len > ADDR_MAX) {
		stw_stdi_why(out, "address longer than 254 characters");
		return false;
	}
	if (dom[0] == '[') {
		stw_stdi_why(out, "address literal domains are not accepted");
		return false;
	}
	size_t labels = 0;
	const char *p = dom;
	const char *last = dom;
	for (;;) {
		const char *dot = strchr(p, '.');
		size_t n = dot ? (size_t)(dot - p) : strlen(p);
		if (n == 0) {
			stw_stdi_why(out, "empty label in the domain");
			return false;
		}
		if (n > LABEL_MAX) {
			stw_stdi_why(out, "domain label longer than 63 characters");
			return false;
		}
		if (p[0] == '-' || p[n - 1] == '-') {
			stw_stdi_why(out, "domain label starts or ends with a hyphen");
			return false;
		}
		for (size_t i = 0; i < n; i++)
			if (!stw_stdi_is_alpha((unsigned char)p[i]) &&
			    !stw_stdi_is_digit((unsigned char)p[i]) && p[i] != '-') {
				stw_stdi_why(out, "character '%c' not allowed in the domain", p[i]);
				return false;
			}
		labels++;
		last = p;
		if (!dot)
			break;
		p = dot + 1;
	}
	if (labels < 2) {
		stw_stdi_why(out, "domain has no dot");
		return false;
	}
	size_t tlen = strlen(last);
	for (size_t i = 0; i < tlen; i++)
		if (!stw_stdi_is_alpha((unsigned char)last[i])) {
			stw_stdi_why(out, "top-level domain '%s' is not letters only", last);
			return false;
		}
	if (tlen < 2) {
		stw_stdi_why(out, "top-level domain '%s' is too short", last);
		return false;
	}
	return true;
}

/* ==== Typos ==== */

/*
 * Optimal string alignment distance (edits, with adjacent transpositions)
 * of a (n bytes) and b (m bytes) when it is at most max, else max + 1. Both
 * are at most 64 bytes here, so the table lives on the stack; the
 * difference in length alone is a lower bound, and once two rows running
 * exceed max no later row can come back under it.
 */
#define OSA_MAX 64
static size_t
osa_within(const char *a, size_t n, const char *b, size_t m, size_t max)
{
	if ((n > m ? n - m : m - n) > max || n > OSA_MAX || m > OSA_MAX)
		return max + 1;
	unsigned char d[OSA_MAX + 1][OSA_MAX + 1];
	for (size_t j = 0; j <= m; j++)
		d[0][j] = (unsigned char)j;
	size_t prev_min = 0;
	for (size_t i = 1; i <= n; i++) {
		d[i][0] = (unsigned char)i;
		size_t row_min = i;
		for (size_t j = 1; j <= m; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t v = (size_t)d[i - 1][j] + 1;
			if ((size_t)d[i][j - 1] + 1 < v)
				v = (size_t)d[i][j - 1] + 1;
			if ((size_t)d[i - 1][j - 1] + cost < v)
				v = (size_t)d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    (size_t)d[i - 2][j - 2] + 1 < v)
				v = (size_t)d[i - 2][j - 2] + 1;
			d[i][j] = (unsigned char)v;
			if (v < row_min)
				row_min = v;
		}
		if (row_min > max && prev_min > max)
			return max + 1;
		prev_min = row_min;
	}
	return d[n][m] <= max ? d[n][m] : max + 1;
}

/* The length of the longest popular domain (worked out once). */
static size_t
popular_max_len(void)
{
	static _Atomic size_t max;
	size_t m = atomic_load_explicit(&max, memory_order_relaxed);
	if (!m) {
		for (size_t i = 0; i < COUNT(popular_domains); i++)
			if (strlen(popular_domains[i]) > m)
				m = strlen(popular_domains[i]);
		atomic_store_explicit(&max, m, memory_order_relaxed);
	}
	return m;
}

/* True when the first label of dom is the first label of a popular domain. */
static bool
popular_provider(const char *dom)
{
	size_t n = strcspn(dom, ".");
	for (size_t i = 0; i < COUNT(popular_domains); i++) {
		const char *p = popular_domains[i];
		if (p[0] == dom[0] && strncmp(p, dom, n) == 0 && p[n] == '.')
			return true;
	}
	return false;
}

/* The fixed domain for dom (a new string) or NULL when it looks right. */
static char *
fix_domain(const char *dom)
{
	size_t dl = strlen(dom);
	int typo = stw_stdi_words_find(&domain_typo_index, dom, dl);
	if (typo >= 0)
		return stw_xstrdup(domain_typos[typo].fix);
	if (stw_stdi_words_find(&popular_index, dom, dl) >= 0)
		return NULL;
	/* ".co" for ".com" at a provider that lives at ".com" (yahoo.co) */
	if (dl > 3 && strcmp(dom + dl - 3, ".co") == 0) {
		char *com = stw_xasprintf("%sm", dom);
		if (stw_stdi_words_has(&popular_index, com))
			return com;
		free(com);
	}
	const char *tld = strrchr(dom, '.');
	int tt = tld ? stw_stdi_words_find(&tld_typo_index, tld + 1, strlen(tld + 1)) : -1;
	if (tt >= 0) {
		char *fixed = stw_xasprintf("%.*s.%s", (int)(tld - dom), dom, tld_typos[tt].fix);
		/* "hotnail.con": the rest may be mistyped too */
		char *more = fix_domain(fixed);
		if (more) {
			free(fixed);
			return more;
		}
		return fixed;
	}
	/*
	 * Edit distance to the popular domains. Short domains are left alone
	 * (ge.com is not a typo of me.com), and so are other country domains of
	 * a known provider (outlook.es, gmx.at are real).
	 */
	size_t len = strlen(dom);
	if (len < 8 || len > 64 || popular_provider(dom))
		return NULL;
	size_t limit = len < 12 ? 1 : 2;
	/* Longer than every popular domain by more than the limit: no match. */
	if (len > popular_max_len() + limit)
		return NULL;
	size_t best = limit + 1;
	const char *fix = NULL;
	for (size_t i = 0; i < COUNT(popular_domains); i++) {
		const char *p = popular_domains[i];
		size_t dist = osa_within(dom, len, p, strlen(p), best - 1);
		if (dist < best) {
			best = dist;
			fix = popular_domains[i];
		}
	}
	return fix ? stw_xstrdup(fix) : NULL;
}

/* stw_std_email_typo for t, which is already tidy and not empty. */
static void
typo_of_tidy(const char *t, stw_std_result *out)
{
	const char *at = strrchr(t, '@');
	if (!at) {
		stw_stdi_set(out, STW_STD_INVALID, NULL);
		stw_stdi_why(out, "no @ in the address");
		return;
	}
	char *fix = fix_domain(at + 1);
	if (fix) {
		char *addr = stw_xasprintf("%.*s@%s", (int)(at - t), t, fix);
		stw_stdi_set(out, STW_STD_SUGGEST, addr);
		stw_stdi_why(out, "domain typo: %.60s -> %.60s", at + 1, fix);
		free(addr);
		free(fix);
	} else {
		stw_stdi_set(out, STW_STD_SAME, NULL);
	}
}

void
stw_std_email_typo(const char *in, stw_std_result *out)
{
	char *t = stw_stdi_tidy(in);
	if (!*t)
		stw_stdi_set(out, STW_STD_EMPTY, NULL);
	else
		typo_of_tidy(t, out);
	free(t);
}

/* ==== Standardizer ==== */

void
stw_std_email(const char *in, stw_std_result *out)
{
	char small[128];
	char *t = stw_stdi_tidy_in(in, small, sizeof small);
	const char *why_extra = NULL;
	if (!*t) {
		stw_stdi_set(out, STW_STD_EMPTY, NULL);
		if (t != small)
			free(t);
		return;
	}
	char *a = t;
	if (strncmp(a, "mailto:", 7) == 0 || strncmp(a, "MAILTO:", 7) == 0) {
		a += 7;
		why_extra = "mailto: removed";
	}
	size_t len = strlen(a);
	/* "Name <addr>" or "<addr>" */
	char *lt = strrchr(a, '<');
	if (lt && len && a[len - 1] == '>') {
		a[len - 1] = '\0';
		a = lt + 1;
		why_extra = "display name removed";
	}
	/* stray quotes and trailing punctuation from copy and paste */
	len = strlen(a);
	while (len && strchr(".,;:'\"", a[len - 1]))
		a[--len] = '\0';
	while (*a == '"' || *a == '\'' || *a == ' ')
		a++;
	len = strlen(a);
	while (len && a[len - 1] == ' ')
		a[--len] = '\0';

	stw_stdi_set(out, STW_STD_INVALID, NULL);
	const char *first_at = strchr(a, '@');
	if (first_at && strchr(first_at + 1, '@') && strpbrk(a, " ,;")) {
		stw_stdi_why(out, "several addresses in one field");
		if (t != small)
			free(t);
		return;
	}
	for (const char *p = a; *p; p++) {
		if ((unsigned char)*p >= 0x80) {
			stw_stdi_why(out, "non-ASCII characters in the address");
			if (t != small)
				free(t);
			return;
		}
		if (*p == ' ') {
			stw_stdi_why(out, "space inside the address");
			if (t != small)
				free(t);
			return;
		}
	}
	for (char *p = a; *p; p++)
		*p = (char)stw_stdi_ascii_lower((unsigned char)*p);
	if (!syntax_ok(a, out)) {
		if (t != small)
			free(t);
		return;
	}

	/*
	 * a is tidy already: the checks above leave only printable ASCII
	 * without spaces, and syntax_ok() something before and after the @.
	 */
	stw_std_result typo = {0};
	typo_of_tidy(a, &typo);
	if (typo.status == STW_STD_SUGGEST) {
		*out = typo;
		if (t != small)
			free(t);
		return;
	}
	stw_std_result_free(&typo);
	stw_stdi_same_or_changed(out, in, a);
	if (out->status == STW_STD_CHANGED)
		stw_stdi_why(out, "%s", why_extra ? why_extra : "address lower-cased and trimmed");
	if (t != small)
		free(t);
}

/* ==== Role and placeholder addresses ==== */

/*
 * The local part into key (LOCAL_KEY_MAX + 1 bytes): lower case, without
 * +tag, separators or trailing digits. False, with key empty, when the key
 * is longer than LOCAL_KEY_MAX, so in none of the tables.
 */
static bool
local_key(const char *email, char *key)
{
	size_t n = 0;
	key[0] = '\0';
	if (!email)
		return true;
	while (*email == ' ')
		email++;
	for (const char *p = email; *p && *p != '@' && *p != '+'; p++) {
		if (*p == '.' || *p == '-' || *p == '_')
			continue;
		if (n == LOCAL_KEY_MAX) {
			/* only trailing digits, dropped below, could still make it fit */
			const char *q = p;
			while (*q && *q != '@' && *q != '+' &&
			       (*q == '.' || *q == '-' || *q == '_' || stw_stdi_is_digit((unsigned char)*q)))
				q++;
			if (*q && *q != '@' && *q != '+') {
				key[0] = '\0';
				return false;
			}
			break;
		}
		key[n++] = (char)stw_stdi_ascii_lower((unsigned char)*p);
	}
	while (n && stw_stdi_is_digit((unsigned char)key[n - 1]))
		n--;
	key[n] = '\0';
	return true;
}

bool
stw_std_email_is_role(const char *email)
{
	if (!email || !strchr(email, '@'))
		return false;
	char k[LOCAL_KEY_MAX + 1];
	return local_key(email, k) && stw_stdi_words_has(&role_index, k);
}

bool
stw_std_email_is_placeholder(const char *email)
{
	if (!email)
		return false;
	const char *at = strrchr(email, '@');
	if (!at)
		return false;
	/* the domain, lower case, without trailing blanks and dots */
	char small[128];
	size_t dlen = strlen(at + 1);
	char *dom = dlen < sizeof small ? small : stw_xmalloc(dlen + 1);
	for (size_t i = 0; i <= dlen; i++)
		dom[i] = (char)stw_stdi_ascii_lower((unsigned char)at[1 + i]);
	while (dlen && (dom[dlen - 1] == ' ' || dom[dlen - 1] == '.'))
		dom[--dlen] = '\0';
	char loc[LOCAL_KEY_MAX + 1];
	bool short_loc = local_key(email, loc);
	bool r = stw_stdi_words_find(&placeholder_domain_index, dom, dlen) >= 0 ||
	         (short_loc && stw_stdi_words_has(&placeholder_local_index, loc));
	const char *tld = strrchr(dom, '.');
	if (!r && stw_stdi_words_has(&placeholder_tld_index, tld ? tld + 1 : dom))
		r = true;
	if (!r && short_loc && stw_stdi_words_has(&junk_word_index, loc)) {
		size_t n = strcspn(dom, ".");
		r = strlen(loc) == n && strncmp(loc, dom, n) == 0;
	}
	if (dom != small)
		free(dom);
	return r;
}
