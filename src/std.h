/*
 * Standardizers: pure functions that turn one field value into its standard
 * form (whitespace, name case, emails, phones to E.164, dates to ISO 8601,
 * countries to ISO 3166-1 alpha-2, US/Canadian/Australian subdivisions,
 * postcodes, company names, mojibake).
 *
 * They never touch the workspace and never overwrite anything: the rules
 * engine turns each result into a proposal (record, field, before, after,
 * rule) that a person accepts or rejects. They keep no shared state, so they
 * can be called from any thread (the country lookup keeps a small cache of
 * its pure answers per thread, and the hash indexes of the word tables are
 * built once, under a lock, on first use; both only save time).
 *
 * Every standardizer takes a NUL-terminated UTF-8 string (NULL is treated as
 * empty), never reads past its NUL, and fills a caller-provided
 * stw_std_result:
 *
 *   STW_STD_SAME     the value is already standard; value is NULL.
 *   STW_STD_CHANGED  value holds the standard form, a safe rewrite.
 *   STW_STD_SUGGEST  value holds a likely fix that is a guess (a domain typo,
 *                    lost leading zeros, mojibake); never apply it unasked.
 *   STW_STD_INVALID  the value cannot be standardized; why says what is
 *                    wrong; value is NULL.
 *   STW_STD_EMPTY    nothing but whitespace (or NULL); value is NULL.
 *
 * why is always a short sentence for a person (empty only for SAME/EMPTY
 * results that need no explanation). The result's strings are owned by the
 * result and released with stw_std_result_free(); a result must be freed
 * before it is filled again.
 *
 * Junk values ("N/A", "none", "test") are not the standardizers' business:
 * the rules engine empties them first, so that, for instance, "NA" in a
 * country field reaches stw_std_country() only when it really is Namibia.
 */
#ifndef STW_STD_H
#define STW_STD_H

#include <stdbool.h>

typedef enum {
	STW_STD_SAME,
	STW_STD_CHANGED,
	STW_STD_SUGGEST,
	STW_STD_INVALID,
	STW_STD_EMPTY
} stw_std_status;

typedef struct {
	stw_std_status status;
	char *value;    /* owned; NULL unless CHANGED or SUGGEST */
	char *extra;    /* owned or NULL: phone extension, company suffix */
	char  why[160]; /* short human reason */
} stw_std_result;

/* Releases value and extra and resets r to an empty SAME result. NULL is fine. */
void stw_std_result_free(stw_std_result *r);

/* "same", "changed", "suggest", "invalid", "empty". Static storage. */
const char *stw_std_status_name(stw_std_status s);

/* ==== Text: whitespace, case, folding, mojibake (std_text.c) ==== */

/*
 * Trims and collapses whitespace: leading and trailing blanks go, every run
 * of blanks inside becomes one space. Blanks are ASCII space, tab, CR, LF,
 * VT, FF, NEL, no-break and other Unicode spaces (U+00A0, U+1680,
 * U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000). Zero-width
 * characters (U+200B..U+200D, U+2060, U+FEFF) and the soft hyphen are
 * removed, and so are other C0 control characters and DEL. Bytes that are
 * not valid UTF-8 are kept as they are. CHANGED or SAME or EMPTY.
 */
void stw_std_whitespace(const char *in, stw_std_result *out);

/*
 * Tidies whitespace and proper-cases a personal name. Only words written
 * entirely in capitals or entirely in lower case are recased; a word with
 * mixed case ("DeVito", "McArthur", "iPhone") is taken as intended and kept.
 * Recasing keeps particles lower-case inside a name (van der Berg, de la
 * Cruz, Ludwig van Beethoven), capitalises after Mc and after known Mac
 * stems (McDonald, MacLeod), after a one-letter prefix with an apostrophe
 * (O'Brien, D'Angelo), in each part of a hyphenated name (Jean-Luc) and
 * after "St." (St. John); Roman numerals stay in capitals (III). Case
 * mapping covers ASCII, Latin-1 Supplement, Latin Extended-A, Latin
 * Extended Additional and basic Cyrillic (MÜLLER -> Müller).
 * CHANGED, SAME or EMPTY.
 */
void stw_std_name_case(const char *in, stw_std_result *out);

/*
 * Tidies whitespace and title-cases a place name written in all capitals or
 * all lower case ("NEW YORK" -> "New York", "frankfurt am main" ->
 * "Frankfurt am Main", "STRATFORD-UPON-AVON" -> "Stratford-upon-Avon").
 * Mixed case is kept. CHANGED, SAME or EMPTY.
 */
void stw_std_place_case(const char *in, stw_std_result *out);

/* Flags for stw_std_fold_opts(). */
#define STW_FOLD_PUNCT 0x1u /* drop punctuation: ' . removed, others -> space */

/*
 * Folds text into a matching key: lower case, Latin diacritics stripped
 * (ü -> u, é -> e, ß -> ss, æ -> ae, ø -> o, ł -> l, þ -> th), whitespace
 * trimmed and collapsed to single spaces, zero-width characters and bytes
 * that are not valid UTF-8 dropped. With STW_FOLD_PUNCT, apostrophes and
 * periods are removed and other punctuation becomes a space. Returns a new
 * string (never NULL; "" for NULL input) that the caller frees.
 */
char *stw_std_fold_opts(const char *in, unsigned flags);

/* stw_std_fold_opts(in, 0). The caller frees the result. */
char *stw_std_fold(const char *in);

/*
 * Repairs UTF-8 that was read as Windows-1252 or Latin-1 ("MÃ¼ller" ->
 * "Müller", "â€™" -> "’"), up to three layers deep. The repair is proposed
 * (SUGGEST) only when every character maps back to one cp1252 byte and the
 * bytes form valid UTF-8 with at least one multi-byte character; otherwise
 * the result is SAME. EMPTY for blank input.
 */
void stw_std_mojibake(const char *in, stw_std_result *out);

/* ==== Email (std_email.c) ==== */

/*
 * Trims, strips "mailto:" and an enclosing "Name <...>", lower-cases and
 * checks the syntax of an email address: a dot-atom local part of at most
 * 64 bytes (no leading, trailing or doubled dots), a domain of at least two
 * labels of letters, digits and inner hyphens (at most 63 bytes each), a
 * top-level domain of letters, and at most 254 bytes in all. INVALID with
 * the reason when the syntax fails. When the domain looks like a typo of a
 * popular mail domain (see stw_std_email_typo) the result is SUGGEST with
 * the corrected address; otherwise CHANGED or SAME.
 */
void stw_std_email(const char *in, stw_std_result *out);

/*
 * Looks for a typo in the domain of an address that is already in standard
 * form (lower case, trimmed): a known misspelling (gmial.com, hotmial.com,
 * yahooo.com, gmail.co ...), a mistyped ".com"/".net"/".org", or a domain
 * within a small edit distance of one of about 40 popular mail domains.
 * SUGGEST with the corrected address and a why such as
 * "domain typo: gmial.com -> gmail.com", else SAME; INVALID when in has no
 * '@'; EMPTY for blank input.
 */
void stw_std_email_typo(const char *in, stw_std_result *out);

/*
 * True when the local part of the address (case-insensitive) names a role
 * or a system mailbox rather than a person: info, sales, support, admin,
 * noreply ... Separators (. - _) and trailing digits are ignored.
 */
bool stw_std_email_is_role(const char *email);

/*
 * True when the address is a placeholder: a reserved domain (example.com,
 * example.net, example.org, .test, .invalid, .example, .localhost), a
 * made-up domain (test.com, asdf.com, noemail.com ...), a "no email" local
 * part, or the same junk word on both sides (test@test.com, asdf@asdf.net).
 */
bool stw_std_email_is_placeholder(const char *email);

/* ==== Phone (std_phone.c) ==== */

/*
 * Converts a phone number to E.164 (+ and at most 15 digits). A number
 * written with "+", "00", or the default country's international prefix
 * (011 for NANP, 0011 for AU, 010 for JP) carries its own country code; a
 * "(0)" after the country code is dropped, as is a trunk 0 written after
 * the country code of a country that uses one. Any other number is national
 * and is read with default_country (ISO 3166-1 alpha-2, case-insensitive):
 * its trunk prefix (0 for most of Europe, AU, JP, IN, CN ...; 8 for RU/KZ;
 * the optional 1 in NANP) is removed, except in Italy where the leading 0
 * is part of the number. NANP numbers must be NPA-NXX-XXXX with N in 2..9;
 * lengths are checked for the countries whose plan is known.
 *
 * An extension (x123, ext. 123, ext123, extension 123, #123, ;ext=123) is
 * put in extra (digits only) and left out of value. Letters or other stray
 * characters make the result INVALID, never guessed. A national number that
 * fails but reads as a complete international number without its "+" gives
 * SUGGEST. Otherwise CHANGED, or SAME when in is already exactly E.164.
 */
void stw_std_phone(const char *in, const char *default_country,
                   stw_std_result *out);

/*
 * The calling code of a country (alpha-2, case-insensitive): 1 for "US",
 * 44 for "GB"; 0 when unknown.
 */
int stw_std_calling_code(const char *alpha2);

/* ==== Dates (std_date.c) ==== */

/* How to read an all-numeric date whose day and month could swap. */
typedef enum {
	STW_DATE_MDY, /* 01/05/2021 is January 5 (US) */
	STW_DATE_DMY  /* 01/05/2021 is 1 May (most of the world) */
} stw_date_order;

/*
 * Converts a date to ISO 8601 "YYYY-MM-DD". Accepted: ISO dates
 * (2021-01-05, 2021/01/05, 20210105) and datetimes (T or space, optional
 * fraction, Z, ±HH:MM, ±HHMM, ±HH, UTC/GMT), m/d/Y and d/m/Y with / - or .
 * and 2- or 4-digit years (two-digit years 00-29 are 20xx, 30-99 are 19xx),
 * month names ("Jan 5, 2021", "5 January 2021", "05-Jan-2021", "Tuesday,
 * January 5th 2021"), Excel serial numbers (44197 -> 2021-01-01; serials
 * below 10000 give SUGGEST; serial 60, Excel's phantom 1900-02-29, is
 * INVALID), Unix epoch milliseconds (13 digits) and seconds (10 digits,
 * SUGGEST: ten digits may be a stray phone number).
 * Numeric dates with both parts <= 12 follow pref, except d.m.Y with dots
 * which is always day first; when a part is > 12 the order resolves
 * itself. A time with an offset is moved to UTC before its date is taken.
 * The calendar is checked (no Feb 30, leap years), and so is Salesforce's
 * range 1700-01-01..4000-12-31. CHANGED, SAME, SUGGEST, INVALID or EMPTY.
 */
void stw_std_date(const char *in, stw_date_order pref, stw_std_result *out);

/*
 * Like stw_std_date but keeps the time: "YYYY-MM-DDTHH:MM:SSZ", moved to
 * UTC, when the input has a zone (Z, an offset, UTC/GMT, an epoch value);
 * "YYYY-MM-DDTHH:MM:SS" without Z when it has none (the time is local and
 * its zone unknown); "YYYY-MM-DD" when the input has no time at all.
 * Fractions of a second are dropped; 12-hour times with AM/PM are read.
 */
void stw_std_datetime(const char *in, stw_date_order pref, stw_std_result *out);

/* ==== Countries, subdivisions, postcodes (std_geo.c, std_countries.c) ==== */

/*
 * Converts a country name or code to ISO 3166-1 alpha-2: alpha-2 and
 * alpha-3 codes, English names, common variants (USA, U.S.A., America,
 * UK, Great Britain, England, Scotland, Wales, Northern Ireland ...) and
 * native names (Deutschland, España, Österreich, Nederland, Suisse ...).
 * "NA" is Namibia: the caller empties junk values before asking. INVALID
 * for unknown or ambiguous names; SUGGEST for a name that usually, but not
 * always, means one country ("Korea" -> KR).
 */
void stw_std_country(const char *in, stw_std_result *out);

/* The English short name for an alpha-2 code ("DE" -> "Germany"); NULL if unknown. */
const char *stw_std_country_name(const char *alpha2);

/* The alpha-3 code for an alpha-2 code ("DE" -> "DEU"); NULL if unknown. */
const char *stw_std_country_alpha3(const char *alpha2);

/*
 * Converts a US state, DC or territory, a Canadian province or territory,
 * or an Australian state to its postal code ("California", "Calif.",
 * "Cal." -> "CA"; "N.Y." -> "NY"; "Québec" -> "QC"). country is a country
 * name or code (resolved as by stw_std_country); when it is NULL or empty
 * the US and then Canada are tried. For other countries the value is only
 * tidied (SAME or CHANGED, why says it was not checked). INVALID when the
 * country is US, CA or AU and nothing matches.
 */
void stw_std_state(const char *in, const char *country, stw_std_result *out);

/*
 * Checks and lightly normalises a postcode for a country (name or code).
 * US ZIP and ZIP+4 ("123456789" -> "12345-6789"; a 3- or 4-digit value is
 * taken as a ZIP that lost its leading zeros and SUGGESTed padded), GB
 * (full pattern including GIR 0AA, upper case, one space before the
 * inward code), CA (A1A 1A1), IE (Eircode), NL (1234 AB), SE (123 45),
 * PL, PT, BR, JP, and the all-digit formats of DE, FR, IT, ES, CH, AT, BE,
 * DK, NO, AU, IN and others (a German or French code that lost a leading
 * zero is SUGGESTed). Other countries: tidied only, SAME or CHANGED.
 */
void stw_std_postcode(const char *in, const char *country, stw_std_result *out);

/* ==== Company names (std_company.c) ==== */

/*
 * Tidies a company name for display: whitespace, spaces around commas,
 * and case when the whole name is in one case (all lower: CHANGED; all
 * capitals: SUGGEST, since acronyms may be meant), with legal suffixes in
 * their usual case (GmbH, LLC, S.A.). A legal form found at the end of the
 * name (Inc., LLC, Ltd, GmbH & Co. KG, Pty Ltd, S.r.l. ...) is copied, as
 * written in the display form, to extra whatever the status.
 */
void stw_std_company(const char *in, stw_std_result *out);

/*
 * The matching key of a company name: folded (lower case, diacritics
 * stripped), "&" read as "and", punctuation removed, whitespace collapsed,
 * a leading "The" (or trailing ", The") and the legal suffix at the end of
 * the name removed, unless nothing would remain. If suffix is not NULL it
 * receives the suffix in key form ("gmbh and co kg") or NULL; the caller
 * frees it. Returns a new string (never NULL) that the caller frees.
 */
char *stw_std_company_key(const char *in, char **suffix);

#endif
