/*
 * Company names: a tidy display form and a matching key.
 *
 * Both work on key tokens: the name folded (lower case, no diacritics),
 * "&" read as "and", periods and apostrophes dropped and other punctuation
 * turned into spaces, so "L.L.C.", "GmbH & Co. KG" and "A/S" become
 * "llc", "gmbh and co kg" and "a s". A legal suffix is recognised only as
 * the last tokens of the name, longest first, and never when it is all the
 * name there is: "co" and "sa" occur inside names ("Coca-Cola", "Sa Sa").
 * The display form keeps the suffix; the key drops it, with a leading
 * "the", so that "The Acme Company" and "ACME CO." share the key "acme".
 */
#include "std_internal.h"

#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define SUFFIX_MAX_TOKENS 6

/* Legal forms in key form. */
static const char *const suffixes[] = {
	"gmbh and co kgaa", "gmbh and co kg", "gmbh and co ohg", "ag and co kg",
	"se and co kg", "gmbh and co", "and co kg", "co kg", "ug haftungsbeschrankt",
	"pty ltd", "pty limited", "pty", "pte ltd", "pte", "pvt ltd",
	"private limited", "sdn bhd", "bhd", "co ltd", "co limited", "co inc",
	"and co", "and company", "inc", "incorporated", "corp", "corporation",
	"co", "company", "llc", "llp", "lllp", "pllc", "lp", "ltd", "limited",
	"plc", "gmbh", "ggmbh", "ag", "kg", "kgaa", "ohg", "ug", "ev", "eg", "se",
	"sa", "sas", "sasu", "sarl", "eurl", "sa de cv", "s de rl de cv",
	"s de rl", "srl", "spa", "sl", "slu", "sau", "bv", "nv", "vof", "cv",
	"oy", "oyj", "ab", "ab publ", "as", "asa", "a s", "aps", "sp z oo",
	"sp z o o", "kft", "zrt", "nyrt", "doo", "ooo", "pao", "ltda", "cia ltda",
	"lda", "kk", "kabushiki kaisha", "gk", "sro", "spol s ro",
};

/* Usual written form of legal-form words, for names being recased. */
static const struct {
	const char *lower, *form;
} suffix_case[] = {
	{"inc", "Inc"}, {"inc.", "Inc."}, {"corp", "Corp"}, {"corp.", "Corp."},
	{"co", "Co"}, {"co.", "Co."}, {"ltd", "Ltd"}, {"ltd.", "Ltd."},
	{"llc", "LLC"}, {"l.l.c.", "L.L.C."}, {"llp", "LLP"}, {"lp", "LP"},
	{"pllc", "PLLC"}, {"plc", "PLC"}, {"gmbh", "GmbH"}, {"ggmbh", "gGmbH"},
	{"ag", "AG"}, {"kg", "KG"}, {"kgaa", "KGaA"}, {"ohg", "OHG"}, {"ug", "UG"},
	{"se", "SE"}, {"sa", "SA"}, {"s.a.", "S.A."}, {"sas", "SAS"},
	{"sarl", "SARL"}, {"s.a.r.l.", "S.A.R.L."}, {"srl", "SRL"},
	{"s.r.l.", "S.r.l."}, {"spa", "SpA"}, {"s.p.a.", "S.p.A."}, {"bv", "BV"},
	{"b.v.", "B.V."}, {"nv", "NV"}, {"n.v.", "N.V."}, {"oy", "Oy"},
	{"oyj", "Oyj"}, {"ab", "AB"}, {"as", "AS"}, {"a/s", "A/S"},
	{"asa", "ASA"}, {"aps", "ApS"}, {"pty", "Pty"}, {"pty.", "Pty."},
	{"pte", "Pte"}, {"pte.", "Pte."}, {"bhd", "Bhd"}, {"sdn", "Sdn"},
	{"pvt", "Pvt"}, {"ltda", "Ltda"}, {"sl", "SL"}, {"s.l.", "S.L."},
	{"kft", "Kft"}, {"kft.", "Kft."}, {"sro", "s.r.o."}, {"s.r.o.", "s.r.o."},
	{"ev", "e.V."}, {"e.v.", "e.V."}, {"eg", "eG"},
};

/* Words written in lower case inside a recased name. */
static const char *const small_words[] = {
	"and", "of", "the", "for", "de", "du", "des", "la", "le", "von", "van",
	"der", "und", "et", "y", "en", "an", "in", "on", "at", "by", "to", "a",
};

static stw_stdi_words suffix_index = {.table = suffixes, .n = COUNT(suffixes),
                                      .stride = sizeof suffixes[0]};
static stw_stdi_words suffix_case_index = {.table = suffix_case, .n = COUNT(suffix_case),
                                           .stride = sizeof suffix_case[0]};
static stw_stdi_words small_index = {.table = small_words, .n = COUNT(small_words),
                                     .stride = sizeof small_words[0]};

_Static_assert(COUNT(suffixes) <= STW_STDI_WORDS_SLOTS / 2, "suffixes fit the index");
_Static_assert(COUNT(suffix_case) <= STW_STDI_WORDS_SLOTS / 2, "suffix_case fits the index");

/* The longest entry of suffixes, in bytes: a longer run of tokens is none. */
#define SUFFIX_MAX_LEN 32

/* ==== Key tokens ==== */

typedef struct {
	char *buf;     /* the folded text, cut into tokens in place */
	char **tok;
	size_t n;
	/* Most names fit these, which spares two allocations per name. */
	char  buf_small[128];
	char *tok_small[16];
} tokens;

static void
tokenize(const char *s, tokens *tk)
{
	if (strchr(s, '&')) {
		tk->buf = stw_stdi_fold_and(s);
	} else if (stw_stdi_fold_ascii(s, STW_FOLD_PUNCT, tk->buf_small, sizeof tk->buf_small)) {
		tk->buf = tk->buf_small;
	} else {
		tk->buf = stw_std_fold_opts(s, STW_FOLD_PUNCT);
	}
	size_t cap = 1;
	for (char *p = tk->buf; *p; p++)
		if (*p == ' ')
			cap++;
	tk->tok = cap <= COUNT(tk->tok_small) ? tk->tok_small : stw_xcalloc(cap, sizeof *tk->tok);
	tk->n = 0;
	if (!*tk->buf)
		return;
	char *p = tk->buf;
	tk->tok[tk->n++] = p;
	for (; *p; p++)
		if (*p == ' ') {
			*p = '\0';
			tk->tok[tk->n++] = p + 1;
		}
}

static void
tokens_free(tokens *tk)
{
	if (tk->buf != tk->buf_small)
		free(tk->buf);
	if (tk->tok != tk->tok_small)
		free(tk->tok);
}

/* Joins tokens [from, to) with spaces into a new string. */
static char *
join(char **tok, size_t from, size_t to)
{
	stw_buf b = STW_BUF_INIT;
	for (size_t i = from; i < to; i++) {
		if (i > from)
			stw_buf_addc(&b, ' ');
		stw_buf_adds(&b, tok[i]);
	}
	return stw_buf_take(&b);
}

/* Number of trailing tokens that form a legal suffix (0 if none). */
static size_t
suffix_tokens(const tokens *tk)
{
	size_t max = tk->n > 1 ? tk->n - 1 : 0;
	if (max > SUFFIX_MAX_TOKENS)
		max = SUFFIX_MAX_TOKENS;
	if (!max)
		return 0;
	/*
	 * The last k tokens joined with spaces are the end of the folded text,
	 * where tokenize() put a NUL for each space: copy that span and put the
	 * spaces back.
	 */
	const char *last = tk->tok[tk->n - 1];
	const char *end = last + strlen(last);
	for (size_t k = max; k >= 1; k--) {
		const char *from = tk->tok[tk->n - k];
		size_t len = (size_t)(end - from);
		if (len > SUFFIX_MAX_LEN)
			continue;
		char span[SUFFIX_MAX_LEN + 1];
		for (size_t i = 0; i < len; i++)
			span[i] = from[i] ? from[i] : ' ';
		if (stw_stdi_words_find(&suffix_index, span, len) >= 0)
			return k;
	}
	return 0;
}

char *
stw_std_company_key(const char *in, char **suffix)
{
	tokens tk;
	tokenize(in ? in : "", &tk);
	size_t end = tk.n, start = 0;
	size_t k = suffix_tokens(&tk);
	if (suffix)
		*suffix = k ? join(tk.tok, tk.n - k, tk.n) : NULL;
	end -= k;
	if (end - start > 1 && strcmp(tk.tok[start], "the") == 0)
		start++;
	else if (end - start > 1 && strcmp(tk.tok[end - 1], "the") == 0)
		end--; /* "Beatles, The" */
	char *key = join(tk.tok, start, end);
	tokens_free(&tk);
	return key;
}

/* ==== Display form ==== */

/* Whitespace tidied, no space before a comma, one after it before a letter. */
static char *
tidy_punct(const char *in)
{
	char small[128];
	char *t = stw_stdi_tidy_in(in, small, sizeof small);
	stw_buf b = STW_BUF_INIT;
	stw_buf_reserve(&b, strlen(t) + 8);
	b.data[0] = '\0';
	for (const char *p = t; *p; p++) {
		if (*p == ' ' && p[1] == ',')
			continue;
		stw_buf_addc(&b, *p);
		if (*p == ',' && stw_stdi_is_alpha((unsigned char)p[1]))
			stw_buf_addc(&b, ' ');
	}
	if (t != small)
		free(t);
	return stw_buf_take(&b);
}

/* Counts the key tokens one display word folds into. */
static size_t
word_tokens(const char *w)
{
	tokens tk;
	tokenize(w, &tk);
	size_t n = tk.n;
	tokens_free(&tk);
	return n;
}

/* Lower-cases the ASCII and Latin letters of w into a new string. */
static char *
lower_word(const char *w)
{
	stw_buf b = STW_BUF_INIT;
	for (const char *p = w; *p;) {
		uint32_t cp;
		size_t n = stw_stdi_decode(p, &cp);
		if (cp == STW_STDI_BAD)
			stw_buf_add(&b, p, n);
		else
			stw_stdi_encode(&b, stw_stdi_lower(cp));
		p += n;
	}
	return stw_buf_take(&b);
}

/* Title-cases a lower-case word: first letter and letters after - or . */
static void
title_word(stw_buf *b, const char *w)
{
	bool cap = true;
	size_t letters = 0;
	for (const char *p = w; *p;) {
		uint32_t cp;
		size_t n = stw_stdi_decode(p, &cp);
		if (cp != STW_STDI_BAD && (stw_stdi_is_lower(cp) || stw_stdi_is_upper(cp))) {
			if (cap)
				cp = stw_stdi_upper(cp);
			cap = false;
			letters++;
			stw_stdi_encode(b, cp);
		} else {
			if (cp == '-' || cp == '/' || cp == '(')
				cap = true;
			else if ((cp == '\'' || cp == 0x2019) && letters == 1)
				cap = true; /* L'Oréal, O'Neill */
			else if (stw_stdi_is_digit((int)cp))
				cap = false;
			stw_buf_add(b, p, n);
		}
		p += n;
	}
}

/* Recases the words of t; words [suffix_from, n) take their legal form. */
static char *
recase(char **words, size_t n, size_t suffix_from)
{
	stw_buf b = STW_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (i)
			stw_buf_addc(&b, ' ');
		if (strchr(words[i], '&') && strlen(words[i]) > 1) {
			stw_buf_adds(&b, words[i]); /* AT&T, P&G */
			continue;
		}
		char *w = lower_word(words[i]);
		const char *form = NULL;
		if (i >= suffix_from) {
			/* a trailing comma is not part of the word's form */
			int k = stw_stdi_words_find(&suffix_case_index, w, strlen(w));
			if (k >= 0)
				form = suffix_case[k].form;
		}
		if (form)
			stw_buf_adds(&b, form);
		else if (i > 0 && stw_stdi_words_has(&small_index, w))
			stw_buf_adds(&b, w);
		else
			title_word(&b, w);
		free(w);
	}
	return stw_buf_take(&b);
}

void
stw_std_company(const char *in, stw_std_result *out)
{
	char *t = tidy_punct(in);
	if (!*t) {
		stw_stdi_set(out, STW_STD_EMPTY, NULL);
		free(t);
		return;
	}
	/* Words of the display form, and where the legal suffix starts. */
	char *wbuf = stw_xstrdup(t);
	size_t n = 1;
	for (char *p = wbuf; *p; p++)
		if (*p == ' ')
			n++;
	char **words = stw_xcalloc(n, sizeof *words);
	size_t nw = 0;
	words[nw++] = wbuf;
	for (char *p = wbuf; *p; p++)
		if (*p == ' ') {
			*p = '\0';
			words[nw++] = p + 1;
		}
	tokens tk;
	tokenize(t, &tk);
	size_t k = suffix_tokens(&tk);
	tokens_free(&tk);
	size_t suffix_from = nw;
	for (size_t got = 0; k && got < k && suffix_from > 0;)
		got += word_tokens(words[--suffix_from]);

	/* Case: only a name written all in one case is recased. */
	size_t up = 0, lo = 0, letters = 0, longest = 0, run = 0;
	for (const char *p = t; *p;) {
		uint32_t cp;
		bool u, l;
		if ((unsigned char)*p < 0x80) {
			/* ASCII: only A-Z and a-z have a case */
			cp = (unsigned char)*p++;
			u = cp >= 'A' && cp <= 'Z';
			l = cp >= 'a' && cp <= 'z';
		} else {
			p += stw_stdi_decode(p, &cp);
			u = cp != STW_STDI_BAD && stw_stdi_is_upper(cp);
			l = cp != STW_STDI_BAD && stw_stdi_is_lower(cp);
		}
		up += u;
		lo += l;
		if (u || l) {
			letters++;
			if (++run > longest)
				longest = run;
		} else {
			run = 0;
		}
	}
	char *cand = NULL;
	stw_std_status st = STW_STD_CHANGED;
	if (lo && !up) {
		cand = recase(words, nw, suffix_from);
	} else if (up && !lo && letters >= 8 && longest >= 4) {
		cand = recase(words, nw, suffix_from);
		st = STW_STD_SUGGEST;
	}
	const char *form = cand ? cand : t; /* the display form */

	stw_stdi_same_or_changed(out, in, form);
	if (out->status == STW_STD_CHANGED) {
		bool recased = strcmp(form, t) != 0;
		if (st == STW_STD_SUGGEST && recased) {
			out->status = STW_STD_SUGGEST;
			stw_stdi_why_cat(out, "name in capitals recased; check acronyms", (char *)NULL);
		} else {
			stw_stdi_why_cat(out, recased ? "company name recased" : "whitespace tidied",
			                 (char *)NULL);
		}
	}
	if (suffix_from < nw) {
		/* the suffix as written in the display form */
		const char *p = form;
		for (size_t i = 0; i < suffix_from && p; i++) {
			p = strchr(p, ' ');
			if (p)
				p++;
		}
		out->extra = stw_xstrdup(p ? p : "");
	}
	free(cand);
	free(words);
	free(wbuf);
	free(t);
}
