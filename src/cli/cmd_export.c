/*
 * steward export WORKSPACE --out DIR: files for re-import into the CRM.
 */
#include "cli.h"
#include "export.h"
#include "ws.h"

#include <string.h>

static int
run(int argc, char **argv)
{
	const char *out = NULL, *force = NULL, *guard = NULL, *noguard = NULL, *worklist = NULL;
	const cli_opt opts[] = {
		{"out", true, &out, NULL, NULL},
		{"force", false, &force, NULL, NULL},
		{"guard", true, &guard, NULL, NULL},
		{"no-guard", false, &noguard, NULL, NULL},
		{"worklist", false, &worklist, NULL, NULL},
		{NULL, false, NULL, NULL, NULL},
	};
	const char *pos[1];
	int npos;
	int rc = cli_parse(&cmd_export, argc, argv, opts, pos, 1, &npos);
	if (rc)
		return rc;
	if (npos != 1)
		return cli_usage(&cmd_export, "needs a workspace");
	if (!out)
		return cli_usage(&cmd_export, "needs --out DIR");
	stw_export_guard g = STW_GUARD_DEFAULT;
	if (noguard && guard)
		return cli_usage(&cmd_export, "--guard and --no-guard exclude each other");
	if (noguard || (guard && strcmp(guard, "none") == 0))
		g = STW_GUARD_NONE;
	else if (guard && strcmp(guard, "all") == 0)
		g = STW_GUARD_ALL;
	else if (guard && strcmp(guard, "people") != 0)
		return cli_usage(&cmd_export, "--guard takes people, all or none, not '%s'", guard);
	stw_error err;
	stw_ws *ws;
	if (stw_ws_open(&ws, pos[0], STW_WS_READONLY, &err) != STW_OK)
		return cli_fail(&err);
	stw_export_opts eo = {.force = force != NULL, .guard = g, .worklist = worklist != NULL};
	stw_export_result res;
	stw_err e = stw_export(ws, out, &eo, &res, &err);
	stw_ws_close(ws);
	if (e != STW_OK)
		return cli_fail(&err);
	for (size_t i = 0; i < res.nfiles; i++)
		printf("%s/%s: %lld rows\n", out, res.files[i], (long long)res.rows[i]);
	return 0;
}

const cli_cmd cmd_export = {
	.name = "export",
	.usage = "steward export WORKSPACE --out DIR [--force] [--worklist] [--guard people|all|none]",
	.help =
	"Writes the files for re-import into the CRM (UTF-8, comma-separated, CRLF,\n"
	"RFC 4180; ids always as text):\n"
	"  records.csv   surviving records with their current values, the original headers,\n"
	"                column order and every original column (unmapped ones carried\n"
	"                through); purged and merged-away records are left out. When\n"
	"                sources with different columns were imported, each gets\n"
	"                records-ID-NAME.csv.\n"
	"  merges.csv    one row per merged-away record: master and duplicate external ids,\n"
	"                cluster, step, steward, time, and the values the master takes\n"
	"                (JSON keyed by original header)\n"
	"  changes.csv   external id, field (original header), old and new value of every\n"
	"                changed value of a surviving record (for the CRM's update import)\n"
	"  deletes.csv   external ids of purged records with the reason\n"
	"  audit.jsonl   the audit trail, oldest entry first\n"
	"With --worklist, also, for a client to review before anything is decided:\n"
	"  clusters.csv  open and deferred duplicate clusters, one row per member\n"
	"                (the columns of 'steward clusters')\n"
	"  findings.csv  validation findings (the columns of 'steward findings')\n"
	"Files are written under temporary names and renamed when all are complete.\n"
	"\n"
	"Spreadsheet guard: a cell that a spreadsheet would run as a formula (it starts\n"
	"with = + - @, a tab, CR or LF, and is not a phone number like +15551234567 or a\n"
	"number like -5) is written with a leading apostrophe, inside quotes. By default\n"
	"only the files people review are guarded: merges.csv, deletes.csv and the\n"
	"work lists.\n"
	"\n"
	"options:\n"
	"  --out DIR        the folder to write (created if missing; must be empty)\n"
	"  --force          write into a folder that already holds files\n"
	"  --worklist       also write clusters.csv and findings.csv\n"
	"  --guard people   the default: guard merges.csv, deletes.csv and the work lists\n"
	"  --guard all      guard every CSV file (to open records.csv in a spreadsheet)\n"
	"  --guard none     guard nothing (every file read back by a program)\n"
	"  --no-guard       the same as --guard none\n",
	.run = run,
};
