/*
 * steward export WORKSPACE --out DIR: files for re-import into the CRM.
 */
#include "cli.h"
#include "export.h"
#include "ws.h"

static int
run(int argc, char **argv)
{
	const char *out = NULL, *force = NULL;
	const cli_opt opts[] = {
		{"out", true, &out, NULL, NULL},
		{"force", false, &force, NULL, NULL},
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
	stw_error err;
	stw_ws *ws;
	if (stw_ws_open(&ws, pos[0], STW_WS_READONLY, &err) != STW_OK)
		return cli_fail(&err);
	stw_export_opts eo = {.force = force != NULL};
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
	.usage = "steward export WORKSPACE --out DIR [--force]",
	.help =
	"Writes the workspace's records for re-import into the CRM:\n"
	"  records.csv   every kept record with the original headers, column order and\n"
	"                every original column (UTF-8, comma-separated, CRLF, RFC 4180).\n"
	"                When sources with different columns were imported, each gets\n"
	"                records-ID-NAME.csv.\n"
	"Files are written under temporary names and renamed when all are complete.\n"
	"\n"
	"options:\n"
	"  --out DIR   the folder to write (created if missing; must be empty)\n"
	"  --force     write into a folder that already holds files\n",
	.run = run,
};
