/*
 * Double Metaphone.
 *
 * The name is first reduced to upper-case ASCII letters and single spaces
 * (accents folded, except that C-cedilla and N-tilde keep their own sounds),
 * then scanned left to right. At each position the rule for the letter
 * looks a few letters behind and ahead, appends to the primary code, the
 * alternate code or both, and says how many letters it consumed. Reads past
 * the end see spaces, which is how rules recognise "the end of the word";
 * reads before the start match nothing. The scan stops when both codes are
 * long enough or the name is used up, and the codes are then cut to length.
 *
 * "Slavo-Germanic" names (containing W, K, CZ or WITZ) switch off some of
 * the rules that would otherwise give a Romance or English reading.
 */
#include "phonetic.h"
#include "cmp.h"

#include <string.h>

/* Stand-ins for the two non-ASCII letters the rules know. */
#define C_CEDILLA 0x01
#define N_TILDE   0x02

#define WORD_MAX  256
#define CODE_CAP  (STW_DMETA_MAX_LEN + 4)

typedef struct {
	unsigned char s[WORD_MAX + 1];
	ptrdiff_t     len;
	bool          slavo;
	char          p[CODE_CAP + 1], a[CODE_CAP + 1];
	size_t        plen, alen;
} dm;

static unsigned char
at(const dm *w, ptrdiff_t i)
{
	if (i < 0)
		return '\0';
	if (i >= w->len)
		return ' ';
	return w->s[i];
}

static bool
vowel(const dm *w, ptrdiff_t i)
{
	if (i < 0 || i >= w->len)
		return false;
	switch (w->s[i]) {
	case 'A': case 'E': case 'I': case 'O': case 'U': case 'Y':
		return true;
	default:
		return false;
	}
}

/* True when one of the NULL-terminated list of strings occurs at pos. */
static bool
at_any(const dm *w, ptrdiff_t pos, const char *const *list)
{
	if (pos < 0)
		return false;
	for (; *list; list++) {
		const char *t = *list;
		ptrdiff_t k = 0;
		while (t[k] && at(w, pos + k) == (unsigned char)t[k])
			k++;
		if (!t[k])
			return true;
	}
	return false;
}

#define AT(pos, ...) at_any(w, (pos), (const char *const[]){__VA_ARGS__, NULL})

static void
append(char *code, size_t *len, const char *s)
{
	for (; *s && *len < CODE_CAP; s++)
		code[(*len)++] = *s;
	code[*len] = '\0';
}

/* Appends main to the primary code and alt to the alternate code. */
static void
add2(dm *w, const char *main, const char *alt)
{
	append(w->p, &w->plen, main);
	append(w->a, &w->alen, alt);
}

static void
add(dm *w, const char *both)
{
	add2(w, both, both);
}

/* Reduces s to the working form described at the top of the file. */
static void
prepare(dm *w, const char *s)
{
	uint32_t cps[WORD_MAX];
	size_t n = stw_utf8_decode(s, cps, WORD_MAX);
	ptrdiff_t len = 0;

	for (size_t i = 0; i < n && len < WORD_MAX; i++) {
		uint32_t c = cps[i];
		if (c == 0xC7 || c == 0xE7) {
			w->s[len++] = C_CEDILLA;
			continue;
		}
		if (c == 0xD1 || c == 0xF1) {
			w->s[len++] = N_TILDE;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '-' || c == 0xA0) {
			if (len > 0 && w->s[len - 1] != ' ')
				w->s[len++] = ' ';
			continue;
		}
		const char *f = stw_fold_latin(c);
		for (; f && *f && len < WORD_MAX; f++)
			w->s[len++] = (unsigned char)(*f - 'a' + 'A');
	}
	while (len > 0 && w->s[len - 1] == ' ')
		len--;
	w->s[len] = '\0';
	w->len = len;
	w->slavo = strchr((const char *)w->s, 'W') || strchr((const char *)w->s, 'K') ||
	    strstr((const char *)w->s, "CZ") || strstr((const char *)w->s, "WITZ");
}

/* Each rule returns the number of letters it consumed. */

static ptrdiff_t
rule_c(dm *w, ptrdiff_t i)
{
	/* Germanic "-ach-" as in "bacher", "macher": K. */
	if (i > 1 && !vowel(w, i - 2) && AT(i - 1, "ACH") && at(w, i + 2) != 'I' &&
	    (at(w, i + 2) != 'E' || AT(i - 2, "BACHER", "MACHER"))) {
		add(w, "K");
		return 2;
	}
	if (i == 0 && AT(i, "CAESAR")) {
		add(w, "S");
		return 2;
	}
	if (AT(i, "CHIA")) {                    /* "chianti" */
		add(w, "K");
		return 2;
	}
	if (AT(i, "CH")) {
		if (i > 0 && AT(i, "CHAE")) {   /* "michael" */
			add2(w, "K", "X");
			return 2;
		}
		/* Greek roots at the start: "character", "chorus", "chemistry". */
		if (i == 0 && (AT(i + 1, "HARAC", "HARIS") ||
		    AT(i + 1, "HOR", "HYM", "HIA", "HEM")) && !AT(0, "CHORE")) {
			add(w, "K");
			return 2;
		}
		/* Germanic and Greek "ch" pronounced K. */
		if (AT(0, "VAN ", "VON ", "SCH") ||
		    AT(i - 2, "ORCHES", "ARCHIT", "ORCHID") ||
		    AT(i + 2, "T", "S") ||
		    ((AT(i - 1, "A", "O", "U", "E") || i == 0) &&
		    AT(i + 2, "L", "R", "N", "M", "B", "H", "F", "V", "W", " "))) {
			add(w, "K");
		} else if (i > 0) {
			if (AT(0, "MC"))        /* "McHugh" */
				add(w, "K");
			else
				add2(w, "X", "K");
		} else {
			add(w, "X");
		}
		return 2;
	}
	if (AT(i, "CZ") && !AT(i - 2, "WICZ")) {        /* "czerny" */
		add2(w, "S", "X");
		return 2;
	}
	if (AT(i + 1, "CIA")) {                          /* "focaccia" */
		add(w, "X");
		return 3;
	}
	/* Double C, but not in "McClellan". */
	if (AT(i, "CC") && !(i == 1 && at(w, 0) == 'M')) {
		if (AT(i + 2, "I", "E", "H") && !AT(i + 2, "HU")) {
			/* "accident", "accede", "succeed" */
			if ((i == 1 && at(w, i - 1) == 'A') ||
			    AT(i - 1, "UCCEE", "UCCES"))
				add(w, "KS");
			else                            /* "bacci", "bertucci" */
				add(w, "X");
			return 3;
		}
		add(w, "K");                            /* Pierce's rule */
		return 2;
	}
	if (AT(i, "CK", "CG", "CQ")) {
		add(w, "K");
		return 2;
	}
	if (AT(i, "CI", "CE", "CY")) {
		if (AT(i, "CIO", "CIE", "CIA"))         /* Italian */
			add2(w, "S", "X");
		else
			add(w, "S");
		return 2;
	}
	add(w, "K");
	if (AT(i + 1, " C", " Q", " G"))                 /* "Mac Caffrey" */
		return 3;
	if (AT(i + 1, "C", "K", "Q") && !AT(i + 1, "CE", "CI"))
		return 2;
	return 1;
}

static ptrdiff_t
rule_g(dm *w, ptrdiff_t i)
{
	if (at(w, i + 1) == 'H') {
		if (i > 0 && !vowel(w, i - 1)) {
			add(w, "K");
			return 2;
		}
		if (i == 0) {           /* "ghislane", "ghiradelli"; "gh" elsewhere */
			add(w, at(w, i + 2) == 'I' ? "J" : "K");
			return 2;
		}
		/* Silent after B, H, D a little way back: "hugh", "bough", "broughton". */
		if ((i > 1 && AT(i - 2, "B", "H", "D")) ||
		    (i > 2 && AT(i - 3, "B", "H", "D")) ||
		    (i > 3 && AT(i - 4, "B", "H")))
			return 2;
		/* "laugh", "McLaughlin", "cough", "rough": F. */
		if (i > 2 && at(w, i - 1) == 'U' && AT(i - 3, "C", "G", "L", "R", "T"))
			add(w, "F");
		else if (i > 0 && at(w, i - 1) != 'I')
			add(w, "K");
		return 2;
	}
	if (at(w, i + 1) == 'N') {
		if (i == 1 && vowel(w, 0) && !w->slavo)
			add2(w, "KN", "N");
		else if (!AT(i + 2, "EY") && at(w, i + 1) != 'Y' && !w->slavo)
			add2(w, "N", "KN");     /* not "cagney" */
		else
			add(w, "KN");
		return 2;
	}
	if (AT(i + 1, "LI") && !w->slavo) {             /* "tagliaro" */
		add2(w, "KL", "L");
		return 2;
	}
	/* -ges-, -gep-, -gel-, -gie- at the start. */
	if (i == 0 && (at(w, i + 1) == 'Y' ||
	    AT(i + 1, "ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER"))) {
		add2(w, "K", "J");
		return 2;
	}
	/* -ger-, -gy- but not "danger", "ranger", "manger", "rogy", "dogy". */
	if ((AT(i + 1, "ER") || at(w, i + 1) == 'Y') &&
	    !AT(0, "DANGER", "RANGER", "MANGER") && !AT(i - 1, "E", "I") &&
	    !AT(i - 1, "RGY", "OGY")) {
		add2(w, "K", "J");
		return 2;
	}
	/* Italian "biaggi". */
	if (AT(i + 1, "E", "I", "Y") || AT(i - 1, "AGGI", "OGGI")) {
		if (AT(0, "VAN ", "VON ", "SCH") || AT(i + 1, "ET"))
			add(w, "K");            /* Germanic */
		else if (AT(i + 1, "IER "))
			add(w, "J");
		else
			add2(w, "J", "K");
		return 2;
	}
	add(w, "K");
	return at(w, i + 1) == 'G' ? 2 : 1;
}

static ptrdiff_t
rule_j(dm *w, ptrdiff_t i)
{
	/* Spanish "Jose", "San Jacinto". */
	if (AT(i, "JOSE") || AT(0, "SAN ")) {
		if ((i == 0 && at(w, i + 4) == ' ') || AT(0, "SAN "))
			add(w, "H");
		else
			add2(w, "J", "H");
		return 1;
	}
	if (i == 0 && !AT(i, "JOSE")) {
		add2(w, "J", "A");              /* "Yankelovich", "Jankelowicz" */
	} else if (vowel(w, i - 1) && !w->slavo &&
	    (at(w, i + 1) == 'A' || at(w, i + 1) == 'O')) {
		add2(w, "J", "H");              /* Spanish "bajador" */
	} else if (i == w->len - 1) {
		add2(w, "J", "");
	} else if (!AT(i + 1, "L", "T", "K", "S", "N", "M", "B", "Z") &&
	    !AT(i - 1, "S", "K", "L")) {
		add(w, "J");
	}
	return at(w, i + 1) == 'J' ? 2 : 1;
}

static ptrdiff_t
rule_l(dm *w, ptrdiff_t i)
{
	ptrdiff_t last = w->len - 1;

	if (at(w, i + 1) == 'L') {
		/* Spanish "cabrillo", "gallegos": the L is silent in the alternate. */
		if ((i == w->len - 3 && AT(i - 1, "ILLO", "ILLA", "ALLE")) ||
		    ((AT(last - 1, "AS", "OS") || AT(last, "A", "O")) &&
		    AT(i - 1, "ALLE"))) {
			add2(w, "L", "");
			return 2;
		}
		add(w, "L");
		return 2;
	}
	add(w, "L");
	return 1;
}

static ptrdiff_t
rule_s(dm *w, ptrdiff_t i)
{
	ptrdiff_t last = w->len - 1;

	if (AT(i - 1, "ISL", "YSL"))            /* "island", "carlysle" */
		return 1;
	if (i == 0 && AT(i, "SUGAR")) {
		add2(w, "X", "S");
		return 1;
	}
	if (AT(i, "SH")) {
		/* Germanic "-sheim", "-shoek", "-sholm", "-sholz". */
		if (AT(i + 1, "HEIM", "HOEK", "HOLM", "HOLZ"))
			add(w, "S");
		else
			add(w, "X");
		return 2;
	}
	if (AT(i, "SIO", "SIA")) {              /* Italian and Armenian */
		if (!w->slavo)
			add2(w, "S", "X");
		else
			add(w, "S");
		return 3;
	}
	/*
	 * German and Anglicised forms: "Smith" against "Schmidt", "Snider"
	 * against "Schneider"; and "-sz-" in Slavic names.
	 */
	if ((i == 0 && AT(i + 1, "M", "N", "L", "W")) || AT(i + 1, "Z")) {
		add2(w, "S", "X");
		return AT(i + 1, "Z") ? 2 : 1;
	}
	if (AT(i, "SC")) {
		if (at(w, i + 2) == 'H') {
			/* Dutch "school", "schooner"; German "schenker". */
			if (AT(i + 3, "OO", "ER", "EN", "UY", "ED", "EM")) {
				if (AT(i + 3, "ER", "EN"))
					add2(w, "X", "SK");
				else
					add(w, "SK");
				return 3;
			}
			if (i == 0 && !vowel(w, 3) && at(w, 3) != 'W')
				add2(w, "X", "S");
			else
				add(w, "X");
			return 3;
		}
		if (AT(i + 2, "I", "E", "Y"))
			add(w, "S");
		else
			add(w, "SK");
		return 3;
	}
	/* French final S is silent in "resnais", "artois". */
	if (i == last && AT(i - 2, "AI", "OI"))
		add2(w, "", "S");
	else
		add(w, "S");
	return AT(i + 1, "S", "Z") ? 2 : 1;
}

static ptrdiff_t
rule_t(dm *w, ptrdiff_t i)
{
	if (AT(i, "TION")) {
		add(w, "X");
		return 3;
	}
	if (AT(i, "TIA", "TCH")) {
		add(w, "X");
		return 3;
	}
	if (AT(i, "TH", "TTH")) {
		/* "Thomas", "Thames", and Germanic names: T. */
		if (AT(i + 2, "OM", "AM") || AT(0, "VAN ", "VON ", "SCH"))
			add(w, "T");
		else
			add2(w, "0", "T");
		return 2;
	}
	add(w, "T");
	return AT(i + 1, "T", "D") ? 2 : 1;
}

static ptrdiff_t
rule_w(dm *w, ptrdiff_t i)
{
	ptrdiff_t last = w->len - 1;

	if (AT(i, "WR")) {                      /* "wright" */
		add(w, "R");
		return 2;
	}
	if (i == 0 && (vowel(w, i + 1) || AT(i, "WH"))) {
		/* "Wasserman" may start with V in the alternate. */
		if (vowel(w, i + 1))
			add2(w, "A", "F");
		else
			add(w, "A");
	}
	/* Polish "-ewski" and the like; "Arnow" read as "Arnoff". */
	if ((i == last && vowel(w, i - 1)) ||
	    AT(i - 1, "EWSKI", "EWSKY", "OWSKI", "OWSKY") || AT(0, "SCH")) {
		add2(w, "", "F");
		return 1;
	}
	if (AT(i, "WICZ", "WITZ")) {            /* Polish "-wicz" */
		add2(w, "TS", "FX");
		return 4;
	}
	return 1;
}

/* Applies the rule for the letter at position i; returns letters consumed. */
static ptrdiff_t
step(dm *w, ptrdiff_t i)
{
	unsigned char c = w->s[i];
	ptrdiff_t last = w->len - 1;

	switch (c) {
	case 'A': case 'E': case 'I': case 'O': case 'U': case 'Y':
		if (i == 0)
			add(w, "A");    /* a leading vowel is kept as A */
		return 1;
	case 'B':
		add(w, "P");
		return at(w, i + 1) == 'B' ? 2 : 1;
	case C_CEDILLA:
		add(w, "S");
		return 1;
	case 'C':
		return rule_c(w, i);
	case 'D':
		if (AT(i, "DG")) {
			if (AT(i + 2, "I", "E", "Y")) {  /* "edge" */
				add(w, "J");
				return 3;
			}
			add(w, "TK");                    /* "Edgar" */
			return 2;
		}
		add(w, "T");
		return AT(i, "DT", "DD") ? 2 : 1;
	case 'F':
		add(w, "F");
		return at(w, i + 1) == 'F' ? 2 : 1;
	case 'G':
		return rule_g(w, i);
	case 'H':
		/* Kept only between vowels or at the start before a vowel. */
		if ((i == 0 || vowel(w, i - 1)) && vowel(w, i + 1)) {
			add(w, "H");
			return 2;
		}
		return 1;
	case 'J':
		return rule_j(w, i);
	case 'K':
		add(w, "K");
		return at(w, i + 1) == 'K' ? 2 : 1;
	case 'L':
		return rule_l(w, i);
	case 'M':
		add(w, "M");
		/* "dumb", "thumb", "plumber": the B is silent. */
		if ((AT(i - 1, "UMB") && (i + 1 == last || AT(i + 2, "ER"))) ||
		    at(w, i + 1) == 'M')
			return 2;
		return 1;
	case 'N':
		add(w, "N");
		return at(w, i + 1) == 'N' ? 2 : 1;
	case N_TILDE:
		add(w, "N");
		return 1;
	case 'P':
		if (at(w, i + 1) == 'H') {
			add(w, "F");
			return 2;
		}
		add(w, "P");            /* "campbell", "raspberry" */
		return AT(i + 1, "P", "B") ? 2 : 1;
	case 'Q':
		add(w, "K");
		return at(w, i + 1) == 'Q' ? 2 : 1;
	case 'R':
		/* French "Rogier": final R silent in the primary. */
		if (i == last && !w->slavo && AT(i - 2, "IE") &&
		    !AT(i - 4, "ME", "MA"))
			add2(w, "", "R");
		else
			add(w, "R");
		return at(w, i + 1) == 'R' ? 2 : 1;
	case 'S':
		return rule_s(w, i);
	case 'T':
		return rule_t(w, i);
	case 'V':
		add(w, "F");
		return at(w, i + 1) == 'V' ? 2 : 1;
	case 'W':
		return rule_w(w, i);
	case 'X':
		/* French final X is silent: "breaux", "Giroux". */
		if (!(i == last && (AT(i - 3, "IAU", "EAU") || AT(i - 2, "AU", "OU"))))
			add(w, "KS");
		return AT(i + 1, "C", "X") ? 2 : 1;
	case 'Z':
		if (at(w, i + 1) == 'H') {      /* Chinese "Zhao" */
			add(w, "J");
			return 2;
		}
		if (AT(i + 1, "ZO", "ZI", "ZA") ||
		    (w->slavo && i > 0 && at(w, i - 1) != 'T'))
			add2(w, "S", "TS");
		else
			add(w, "S");
		return at(w, i + 1) == 'Z' ? 2 : 1;
	default:
		return 1;               /* spaces */
	}
}

void
stw_dmetaphone(const char *s, size_t max_len, stw_dmeta *out)
{
	dm w;
	ptrdiff_t i = 0;

	if (max_len == 0)
		max_len = STW_DMETA_DEFAULT_LEN;
	if (max_len > STW_DMETA_MAX_LEN)
		max_len = STW_DMETA_MAX_LEN;
	prepare(&w, s);
	w.plen = w.alen = 0;
	w.p[0] = w.a[0] = '\0';

	/* Silent first letters: "gnome", "knight", "pneumatic", "wright", "psalm". */
	if (at_any(&w, 0, (const char *const[]){"GN", "KN", "PN", "WR", "PS", NULL}))
		i = 1;
	if (w.len > 0 && w.s[0] == 'X') {       /* "Xavier": S */
		add(&w, "S");
		i = 1;
	}
	while ((w.plen < max_len || w.alen < max_len) && i < w.len)
		i += step(&w, i);

	if (w.plen > max_len)
		w.plen = max_len;
	if (w.alen > max_len)
		w.alen = max_len;
	memcpy(out->primary, w.p, w.plen);
	out->primary[w.plen] = '\0';
	memcpy(out->alternate, w.a, w.alen);
	out->alternate[w.alen] = '\0';
}

stw_dmeta_level
stw_dmeta_compare(const stw_dmeta *a, const stw_dmeta *b)
{
	if (!a->primary[0] || !b->primary[0])
		return STW_DMETA_NONE;
	if (strcmp(a->primary, b->primary) == 0)
		return STW_DMETA_PRIMARY;
	if (strcmp(a->primary, b->alternate) == 0 ||
	    strcmp(a->alternate, b->primary) == 0 ||
	    (a->alternate[0] && strcmp(a->alternate, b->alternate) == 0))
		return STW_DMETA_ALTERNATE;
	return STW_DMETA_NONE;
}
