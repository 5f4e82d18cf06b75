/*
 * The steward program: a command (see src/cli/), or a CSV file or workspace
 * to open in the console.
 */
#include "cli.h"
#include "console.h"
#include "import.h"
#include "util.h"
#include "ws.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* FILE.csv -> FILE.steward beside it. Caller frees. */
static char *
workspace_for(const char *csv)
{
	const char *dot = strrchr(csv, '.');
	const char *slash = strrchr(csv, '/');
	size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - csv) : strlen(csv);
	return stw_xasprintf("%.*s.steward", (int)stem, csv);
}

static bool
is_csv(const char *path)
{
	const char *dot = strrchr(path, '.');
	return dot && (strcasecmp(dot, ".csv") == 0 || strcasecmp(dot, ".tsv") == 0 ||
	               strcasecmp(dot, ".txt") == 0);
}

static int
open_console(const char *arg)
{
	struct stat sb;
	if (stat(arg, &sb) != 0) {
		fprintf(stderr, "steward: %s: no such file or workspace\n", arg);
		return 1;
	}
	if (!is_csv(arg))
		return ui_console_run(arg);
	char *ws_path = workspace_for(arg);
	int status = 0;
	if (stat(ws_path, &sb) != 0) {
		char *argv[] = {"import", ws_path, (char *)arg, NULL};
		status = cmd_import.run(3, argv);
	}
	if (status == 0)
		status = ui_console_run(ws_path);
	free(ws_path);
	return status;
}

int
main(int argc, char **argv)
{
	if (argc == 2 && argv[1][0] != '-' && !cli_find(argv[1]))
		return open_console(argv[1]);
	return cli_main(argc, argv);
}
