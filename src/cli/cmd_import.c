/*
 * steward import WORKSPACE FILE...: load CRM exports into a workspace.
 */
#include "cli.h"
#include "import.h"
#include "rules.h"
#include "util.h"
#include "ws.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static volatile int cancelled;

static void
on_signal(int sig)
{
	(void)sig;
	cancelled = 1;
}

static void
progress(uint64_t done, uint64_t total, void *arg)
{
	const char *name = arg;
	if (total == 0)
		return;
	fprintf(stderr, "\rimporting %s: %3d%%", name, (int)(done * 100 / total));
	if (done >= total)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

static void
print_mapping(const char *path, const stw_import_result *r)
{
	printf("%s: profile %s (%s), %s%s%s, %s-delimited, %s, %s line endings\n", path,
	       r->mapping.profile, r->mapping.entity, r->encoding,
	       r->converted ? " (converted to UTF-8)" : "", r->bom ? ", BOM" : "",
	       stw_delimiter_name(r->dialect.delimiter),
	       r->dialect.has_header ? "header row" : "no header row", r->dialect.line_ending);
	printf("  %-6s  %-32s  %s\n", "column", "header", "field");
	for (size_t i = 0; i < r->ncols; i++) {
		printf("  %-6zu  ", i + 1);
		cli_put_safe(stdout, r->headers[i]);
		int pad = 32 - (int)stw_utf8_count(r->headers[i], strlen(r->headers[i]));
		printf("%*s  %s%s%s\n", pad > 0 ? pad : 0, "",
		       r->mapping.field[i] ? r->mapping.field[i] : "(kept, not mapped)",
		       r->mapping.via[i] && strcmp(r->mapping.via[i], "synonym") == 0 ? "  (synonym)" : "",
		       "");
	}
}

static int
run(int argc, char **argv)
{
	const char *profile = NULL, *encoding = NULL, *delim = NULL, *force = NULL;
	const char *dry = NULL, *header = NULL, *noheader = NULL, *steward = NULL;
	const char *rules_path = NULL, *no_check = NULL;
	const cli_opt opts[] = {
		{"profile", true, &profile, NULL, NULL},
		{"encoding", true, &encoding, NULL, NULL},
		{"delimiter", true, &delim, NULL, NULL},
		{"header", false, &header, NULL, NULL},
		{"no-header", false, &noheader, NULL, NULL},
		{"force", false, &force, NULL, NULL},
		{"dry-run", false, &dry, NULL, NULL},
		{"steward", true, &steward, NULL, NULL},
		{"rules", true, &rules_path, NULL, NULL},
		{"no-check", false, &no_check, NULL, NULL},
		{NULL, false, NULL, NULL, NULL},
	};
	const char *pos[256];
	int npos;
	int rc = cli_parse(&cmd_import, argc, argv, opts, pos, 256, &npos);
	if (rc)
		return rc;
	if (npos < 2)
		return cli_usage(&cmd_import, "needs a workspace and at least one CSV file");
	if (header && noheader)
		return cli_usage(&cmd_import, "--header and --no-header contradict each other");
	stw_import_opts io = {0};
	io.profile = profile;
	io.encoding = encoding;
	io.header = header ? 1 : noheader ? 0 : -1;
	io.force = force != NULL;
	io.dry_run = dry != NULL;
	io.steward = cli_steward_name(steward);
	io.cancel = &cancelled;
	if (delim && !(io.delimiter = stw_delimiter_parse(delim)))
		return cli_usage(&cmd_import, "unknown delimiter '%s' (comma, semicolon, tab, pipe)", delim);
	if (encoding && strcmp(encoding, "auto") == 0)
		io.encoding = NULL;

	const char *wspath = pos[0];
	for (int i = 1; i < npos; i++) {
		struct stat sb;
		if (stat(pos[i], &sb) != 0) {
			cli_error("%s: no such file", pos[i]);
			return 1;
		}
	}
	stw_error err;
	stw_rules *rules = NULL;
	io.check = !no_check && !io.dry_run;
	if (io.check && stw_rules_load(rules_path, &rules, &err) != STW_OK)
		return cli_fail(&err);
	io.rules = rules;
	stw_ws *ws = NULL;
	struct stat sb;
	bool created = stat(wspath, &sb) != 0;
	if ((!io.dry_run && stw_ws_open(&ws, wspath, STW_WS_CREATE, &err) != STW_OK) ||
	    (io.dry_run && !created && stw_ws_open(&ws, wspath, STW_WS_READONLY, &err) != STW_OK)) {
		stw_rules_free(rules);
		return cli_fail(&err);
	}

	struct sigaction sa = {0}, old_int, old_term;
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);

	int status = 0;
	int64_t imported = 0;
	for (int i = 1; i < npos; i++) {
		stw_import_result res;
		if (isatty(STDERR_FILENO)) {
			io.progress = progress;
			io.progress_arg = (void *)pos[i];
		}
		stw_err e = stw_import_file(io.dry_run ? NULL : ws, pos[i], &io, &res, &err);
		if (e != STW_OK) {
			status = cli_fail(&err);
			break;
		}
		if (io.dry_run) {
			print_mapping(pos[i], &res);
			printf("would import %lld rows", (long long)res.rows);
			if (res.quarantined)
				printf(" and quarantine %lld (first: %s)", (long long)res.quarantined,
				       res.first_problem);
			printf("\n");
		} else {
			imported++;
			printf("%s: %lld rows imported into %s (profile %s, %s%s, %s, %s)\n", pos[i],
			       (long long)res.rows, wspath, res.mapping.profile, res.encoding,
			       res.converted ? " converted to UTF-8" : "",
			       stw_delimiter_name(res.dialect.delimiter), res.dialect.line_ending);
			if (res.quarantined) {
				printf("%s: %lld row%s quarantined (first: %s); see 'steward quarantine %s'\n",
				       pos[i], (long long)res.quarantined, res.quarantined == 1 ? "" : "s", res.first_problem, wspath);
			}
			if (res.checked)
				printf("%s: checked: %lld open proposal%s, %lld finding%s; see 'steward"
				       " standardize %s'\n", pos[i], (long long)res.proposals,
				       res.proposals == 1 ? "" : "s", (long long)res.findings,
				       res.findings == 1 ? "" : "s", wspath);
			else if (io.check)
				printf("%s: not checked yet (the workspace was checked with other rules);"
				       " run 'steward standardize %s'\n", pos[i], wspath);
		}
		stw_import_result_free(&res);
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	stw_ws_close(ws);
	stw_rules_free(rules);
	if (created && !io.dry_run && imported == 0) {
		/* Nothing went in: leave no empty workspace behind. */
		unlink(wspath);
		char *side = stw_xasprintf("%s-wal", wspath);
		unlink(side);
		free(side);
		side = stw_xasprintf("%s-shm", wspath);
		unlink(side);
		free(side);
	}
	return status;
}

const cli_cmd cmd_import = {
	.name = "import",
	.usage = "steward import WORKSPACE FILE.csv... [--profile NAME] [--rules FILE] [--dry-run] [options]",
	.help =
	"Imports CRM exports (CSV) into WORKSPACE, creating it if missing. Every row\n"
	"is kept exactly as it came, with its file and line number; rows that cannot\n"
	"be read go to the quarantine ('steward quarantine'). Each file is imported in\n"
	"one transaction: a failed or interrupted import leaves the workspace as it was.\n"
	"\n"
	"The delimiter, quote, header row, line endings and encoding are detected;\n"
	"a file that is not valid UTF-8 is read as Windows-1252 and converted. The\n"
	"CRM profile (which header is which field) is picked by the headers.\n"
	"\n"
	"Each row is also checked against the rules as it loads: the proposals and\n"
	"findings 'steward standardize' shows are ready when the import ends. When\n"
	"the records already there were checked with other rules, the new ones wait\n"
	"for the next 'steward standardize'.\n"
	"\n"
	"options:\n"
	"  --profile NAME    salesforce, hubspot, dynamics, pipedrive, zoho, a built-in\n"
	"                    name such as hubspot-company, or a profile .yaml file\n"
	"  --dry-run         print the dialect and column mapping, count rows; write nothing\n"
	"  --encoding ENC    utf-8, windows-1252, latin1, or any iconv name (default: auto)\n"
	"  --delimiter D     comma, semicolon, tab or pipe (default: detected)\n"
	"  --header          the first row is a header row (default: detected)\n"
	"  --no-header       the first row is data; columns are named column1, column2...\n"
	"  --force           import a file even if the same bytes were imported before\n"
	"  --steward NAME    who imports (default: $STEWARD_NAME or the OS user)\n"
	"  --rules FILE      the rule set to check rows with (default: the built-in\n"
	"                    rules/default.yaml)\n"
	"  --no-check        load only; 'steward standardize' checks the rows later\n"
	"\n"
	"exit status: 0 imported, 1 a file could not be imported, 2 usage error\n",
	.run = run,
};
