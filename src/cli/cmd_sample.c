/*
 * steward sample: writes a realistic CRM export with known duplicates and
 * defects, and the ground truth to measure an import or a matcher against.
 * The work is done by stw_sample_write(); this file parses the options and
 * reports.
 */
#include "cli.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sample.h"

static int sample_run(int argc, char **argv);

const cli_cmd cmd_sample = {
	.name = "sample",
	.usage = "steward sample --out FILE.csv [--truth FILE] [--kind contacts|companies] "
	         "[--rows N] [--dup-rate R] [--seed S] [--profile CRM]",
	.help =
	"Generates a CRM export with realistic defects and a ground-truth file that\n"
	"says which rows are the same person or company and what is wrong with each.\n"
	"The same options always give the same bytes, on any machine.\n"
	"\n"
	"Options:\n"
	"  --out FILE        the export to write (required). Written to FILE.tmp and\n"
	"                    renamed when complete, so a failed run leaves no half file.\n"
	"  --truth FILE      also write the ground truth (see below)\n"
	"  --kind K          contacts (default) or companies\n"
	"  --rows N          number of data rows, 1 to 1000000000 (default 1000)\n"
	"  --dup-rate R      share of rows that repeat an earlier entity, 0 to 0.9\n"
	"                    (default 0.2); written with a dot, up to six decimals\n"
	"  --seed S          unsigned integer seed (default 1)\n"
	"  --profile CRM     column layout, ids and date format of the export:\n"
	"                    salesforce (default), hubspot, dynamics, pipedrive, zoho.\n"
	"                    The headers are those of rules/profiles, so 'steward\n"
	"                    import' maps them without help.\n"
	"\n"
	"The export is RFC 4180 CSV, UTF-8, CRLF line endings; a street may hold a\n"
	"line break inside quotes, as multi-line addresses do. Dates are relative to\n"
	"2026-01-01.\n"
	"\n"
	"Truth file columns: row (1-based data row), line (line of the export on\n"
	"which the record starts; the header is line 1), external_id, entity_id\n"
	"(rows with the same entity are duplicates of each other), is_duplicate\n"
	"(1 for every record of an entity after its first), defects (names\n"
	"separated by ';').\n"
	"\n"
	"Defects of duplicate records:\n"
	"  typo_first_name typo_last_name typo_company typo_name   one-letter slip\n"
	"  nickname          Robert -> Bob\n"
	"  married_name      another or double-barrelled surname\n"
	"  swapped_names     first and last name swapped\n"
	"  company_suffix    Acme Inc / Acme, Inc. / Acme Incorporated / Acme\n"
	"  new_employer      another company and work email\n"
	"  title_changed missing_title   another or no job title\n"
	"  email_case typo_email         JOHN.SMITH@..., john@gmial.com\n"
	"  phone_format missing_phone    (415) 555-0134 / 415.555.0134 / +1 415 555 0134\n"
	"  address_changed street_format country_format   moved; St / Street; USA / US\n"
	"  website_format employees_changed missing_industry   (companies)\n"
	"Defects of any record:\n"
	"  junk_first_name junk_last_name junk_company junk_name junk_title\n"
	"  junk_email junk_phone junk_city junk_website junk_industry\n"
	"                    n/a, -, unknown, test, asdf, xxx, none, null...\n"
	"  missing_last_name missing_company missing_name missing_email\n"
	"  missing_website   empty field\n"
	"  invalid_email invalid_website  no @, double dot, space, comma, no TLD\n"
	"  role_email        info@, sales@ address shared by colleagues\n"
	"  switchboard       company main number shared by colleagues\n"
	"  whitespace        leading/trailing space or no-break space in a name\n"
	"  stale             last activity 4.5+ years, last change 4+ years ago\n"
	"  all_caps          names, title and address in capitals\n"
	"  non_ascii         name with letters outside ASCII (Müller, Nguyễn)\n"
	"  mojibake          such a name read as Windows-1252 (MÃ¼ller)\n"
	"Hard negatives (different entities that look alike, not duplicates):\n"
	"  namesake          a common name shared with other entities\n"
	"  family            same surname, address and phone, another first name\n"
	"A defect is listed only where the layout has its field.\n",
	.run = sample_run,
};

/* Decimal digits only (strtoull would take "-1" and " 5"). */
static bool
parse_u64(const char *s, uint64_t *out)
{
	uint64_t v = 0;
	if (!s || !*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > (UINT64_MAX - (uint64_t)(*s - '0')) / 10)
			return false;
		v = v * 10 + (uint64_t)(*s - '0');
	}
	*out = v;
	return true;
}

static int
sample_run(int argc, char **argv)
{
	const char *out = NULL, *truth = NULL, *kind = NULL, *rows = NULL, *rate = NULL;
	const char *seed = NULL, *profile = NULL;
	const cli_opt opts[] = {
		{"out", true, &out, NULL, NULL},
		{"truth", true, &truth, NULL, NULL},
		{"kind", true, &kind, NULL, NULL},
		{"rows", true, &rows, NULL, NULL},
		{"dup-rate", true, &rate, NULL, NULL},
		{"seed", true, &seed, NULL, NULL},
		{"profile", true, &profile, NULL, NULL},
		{NULL, false, NULL, NULL, NULL},
	};
	const char *pos[1];
	int npos;
	int rc = cli_parse(&cmd_sample, argc, argv, opts, pos, 0, &npos);
	if (rc)
		return rc;

	stw_sample_opts o;
	stw_sample_opts_init(&o);
	if (!out || !*out)
		return cli_usage(&cmd_sample, "--out is required");
	if (kind && !stw_sample_kind_parse(kind, &o.kind))
		return cli_usage(&cmd_sample, "--kind must be contacts or companies, not '%s'", kind);
	if (profile && !stw_sample_crm_parse(profile, &o.crm))
		return cli_usage(&cmd_sample, "unknown --profile '%s'", profile);
	if (rows && (!parse_u64(rows, &o.rows) || o.rows == 0 || o.rows > STW_SAMPLE_MAX_ROWS))
		return cli_usage(&cmd_sample, "--rows must be a whole number from 1 to %llu, not '%s'",
		                 (unsigned long long)STW_SAMPLE_MAX_ROWS, rows);
	if (rate && (!stw_sample_parse_rate(rate, &o.dup_ppm) || o.dup_ppm > STW_SAMPLE_MAX_DUP))
		return cli_usage(&cmd_sample, "--dup-rate must be a number from 0 to 0.9, not '%s'", rate);
	if (seed && !parse_u64(seed, &o.seed))
		return cli_usage(&cmd_sample, "--seed must be an unsigned whole number, not '%s'", seed);

	stw_error err;
	stw_error_clear(&err);
	stw_err e = stw_sample_write(&o, out, truth, &err);
	if (e == STW_EUSAGE)
		return cli_usage(&cmd_sample, "%s", err.msg);
	if (e)
		return cli_fail(&err);
	uint64_t entities, dups;
	stw_sample_plan(&o, &entities, &dups);
	printf("wrote %llu %s rows (%llu entities, %llu duplicates, %s layout) to ",
	       (unsigned long long)o.rows, o.kind == STW_SAMPLE_CONTACTS ? "contact" : "company",
	       (unsigned long long)entities, (unsigned long long)dups, stw_sample_crm_name(o.crm));
	cli_put_safe(stdout, out);
	if (truth && *truth) {
		fputs(", truth to ", stdout);
		cli_put_safe(stdout, truth);
	}
	putchar('\n');
	return 0;
}
