/*
 * Sample CRM exports with ground truth.
 *
 * The generator writes a CSV file laid out like a real export of one CRM
 * (Salesforce, HubSpot, Dynamics 365, Pipedrive or Zoho), with contacts or
 * companies, and optionally a truth file that says, for every data row, which
 * entity it belongs to and which defects were put into it. It works in two
 * steps: entities (a person or a company, with its canonical values) are
 * derived from the seed and the entity number alone, then rows are drawn: a
 * share of the rows are further records of an earlier entity and carry the
 * defects real CRM duplicates have (typos, nicknames, reformatted phones,
 * changed employers...). Independently of duplication, any row may carry junk
 * values, invalid emails, stale dates, ALL CAPS, mojibake, role emails and
 * switchboard numbers, and some entities are hard negatives on purpose:
 * namesakes and families are different people who look alike.
 *
 * The output depends on the options only: the same seed gives the same bytes
 * on every machine (integer arithmetic only, a private PRNG, dates relative to
 * a fixed reference day, 2026-01-01). Rows are written as they are drawn, so
 * memory stays flat whatever the row count.
 */
#ifndef STW_SAMPLE_H
#define STW_SAMPLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

#define STW_SAMPLE_MAX_ROWS  1000000000ULL
#define STW_SAMPLE_MAX_DUP   900000u /* parts per million: 0.9 */

typedef enum {
	STW_SAMPLE_CONTACTS,
	STW_SAMPLE_COMPANIES,
} stw_sample_kind;

typedef enum {
	STW_SAMPLE_SALESFORCE,
	STW_SAMPLE_HUBSPOT,
	STW_SAMPLE_DYNAMICS,
	STW_SAMPLE_PIPEDRIVE,
	STW_SAMPLE_ZOHO,
} stw_sample_crm;

typedef struct {
	stw_sample_kind kind;    /* contacts (default) or companies */
	stw_sample_crm  crm;     /* column layout, id and date style */
	uint64_t        rows;    /* data rows, 1..STW_SAMPLE_MAX_ROWS */
	uint32_t        dup_ppm; /* share of duplicate rows, per million, <= STW_SAMPLE_MAX_DUP */
	uint64_t        seed;
} stw_sample_opts;

/* One defect the generator can put into a row, as named in the truth file. */
typedef struct {
	const char *name;            /* "typo_first_name" */
	bool        duplicates_only; /* rate is a share of duplicate rows, else of all rows */
	uint32_t    ppm;             /* intended rate, parts per million */
	const char *about;           /* one line for people */
} stw_sample_defect;

/* Sets the defaults: contacts, Salesforce, 1,000 rows, 20% duplicates, seed 1. */
void stw_sample_opts_init(stw_sample_opts *o);

/*
 * Parses a CRM name ("salesforce", "hubspot", "dynamics", "pipedrive",
 * "zoho") or a kind ("contacts", "companies"). Returns false, leaving *out
 * unchanged, when the name is unknown.
 */
bool stw_sample_crm_parse(const char *name, stw_sample_crm *out);
bool stw_sample_kind_parse(const char *name, stw_sample_kind *out);
/* The lower-case name of a CRM. Static storage. */
const char *stw_sample_crm_name(stw_sample_crm crm);

/*
 * Parses a rate written as a decimal fraction ("0.2", ".15", "0", "1") into
 * parts per million, without locale (strtod would read "0,2" in some).
 * Accepts at most six decimals and values up to 1. Returns false on anything
 * else, leaving *ppm unchanged.
 */
bool stw_sample_parse_rate(const char *s, uint32_t *ppm);

/*
 * The number of distinct entities and of duplicate rows the options produce
 * (entities + duplicates == rows). Options must be valid.
 */
void stw_sample_plan(const stw_sample_opts *o, uint64_t *entities, uint64_t *duplicates);

/*
 * Lists the defects that the options can produce (those whose field is in
 * the chosen layout), with their intended rates. Writes at most cap entries
 * into out (which may be NULL when cap is 0) and returns how many there are.
 * The names and texts are static storage.
 */
size_t stw_sample_defects(const stw_sample_opts *o, stw_sample_defect *out, size_t cap);

/*
 * Writes the sample export to out_path and, when truth_path is not NULL, the
 * ground truth to truth_path. Both are RFC 4180 CSV in UTF-8 with CRLF line
 * endings. The truth file has one row per data row:
 *   row,line,external_id,entity_id,is_duplicate,defects
 * where row is the 1-based data row, line the 1-based line of the output file
 * on which the record starts (the header is line 1; a field may hold a line
 * break), entity_id is 1-based and defects is a semicolon-separated list of
 * names from stw_sample_defects().
 *
 * Each file is written to "PATH.tmp" and renamed over PATH only when both are
 * complete, so neither path ever holds a partial file: on failure each is
 * either as it was or complete, and no .tmp file is left. Returns STW_OK,
 * STW_EUSAGE for invalid options or paths (out and truth the same file), or
 * STW_EIO when a file cannot be written; err (may be NULL) says which and why.
 */
stw_err stw_sample_write(const stw_sample_opts *opts, const char *out_path,
                         const char *truth_path, stw_error *err);

/* ---- Built-in word lists (sample_pools.c), for sample.c ---- */

typedef struct {
	const char *name;    /* "San Francisco" */
	const char *region;  /* state, province, county or region ("" if none) */
	const char *country; /* ISO 3166 alpha-2: US, CA, GB, DE, FR */
	const char *area;    /* dialling area code without trunk prefix: "415", "20" */
	const char *postal;  /* postcode stem: "941" (US), "M5" (CA), "SW" (GB), "10" (DE), "750" (FR) */
} stw_sample_city;

typedef struct {
	const char *formal;  /* "Robert" */
	const char *nick[3]; /* "Bob", "Rob", "Bobby"; unused slots NULL */
} stw_sample_nick;

typedef struct {
	const char *word;     /* last word of a company name: "Logistics" */
	const char *industry; /* Salesforce industry picklist value: "Transportation" */
} stw_sample_trade;

/*
 * Word lists are one string each, entries separated by a space and listed
 * most common first where frequency matters; '_' stands for a space inside an
 * entry ("De_La_Cruz"). Phrase lists (titles) are separated by '|'. Cities are
 * grouped by country, largest first. All of it is static storage.
 */
typedef struct {
	const char *male, *female, *surnames;                    /* ASCII */
	const char *male_intl, *female_intl, *surnames_intl;     /* each has a non-ASCII letter */
	const char *common_male, *common_female, *common_surnames; /* namesakes */
	const char *streets_us, *streets_gb, *streets_de, *streets_fr;
	const char *company_prefixes;      /* ASCII */
	const char *company_prefixes_intl; /* non-ASCII */
	const char *company_cores;
	const char *titles;                /* '|'-separated */
	const stw_sample_city  *cities;
	size_t                  ncities;
	const stw_sample_nick  *nicks;
	size_t                  nnicks;
	const stw_sample_trade *trades;
	size_t                  ntrades;
} stw_sample_pools;

/* The built-in lists. Static storage. */
const stw_sample_pools *stw_sample_pools_get(void);

#endif
