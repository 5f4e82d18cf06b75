/*
 * The steward program: a command (see src/cli/), `steward demo`, or a CSV
 * file or workspace to open in the console:
 *
 *   steward [--mask] [--steward NAME] [--rules FILE] FILE.csv|WORKSPACE
 *
 * A hidden option replays keys on an off-screen terminal for the benchmark:
 *   steward --bench-keys KEYS [--bench-each] [--size COLSxROWS] WORKSPACE
 */
#include "cli.h"
#include "console.h"
#include "demo.h"
#include "import.h"
#include "util.h"
#include "ws.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
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
open_console(ui_console_opts *o, const char *arg)
{
	struct stat sb;
	if (stat(arg, &sb) != 0) {
		fprintf(stderr, "steward: %s: no such file or workspace\n", arg);
		return 1;
	}
	if (!is_csv(arg)) {
		o->path = arg;
		return ui_console_run(o);
	}
	/* The first time, the console imports the file itself, with a
	 * progress bar that Esc cancels. Without a terminal there is no
	 * console: the file is imported as `steward import` does, and the
	 * console then says it needs a terminal. */
	char *ws_path = workspace_for(arg);
	int status = 0;
	if (stat(ws_path, &sb) != 0) {
		if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
			o->import = arg;
			o->create = true;
		} else {
			char *argv[] = {"import", ws_path, (char *)arg, NULL};
			status = cmd_import.run(3, argv);
		}
	}
	o->path = ws_path;
	if (status == 0)
		status = ui_console_run(o);
	free(ws_path);
	return status;
}

static int
usage(void)
{
	fprintf(stderr, "usage: steward [--mask] [--steward NAME] [--rules FILE] FILE.csv|WORKSPACE\n"
	                "       steward COMMAND ... (see 'steward --help')\n");
	return 2;
}

/*
 * The console's own options. Returns -1 when argv is a command for the
 * command line, else the exit status.
 */
static int
console_main(int argc, char **argv)
{
	ui_console_opts o = {0};
	const char *steward = NULL, *target = NULL, *bench = NULL, *size = "80x24";
	bool demo = false, keep = false, each = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--mask") == 0) {
			o.mask = true;
		} else if (strcmp(a, "--steward") == 0 && i + 1 < argc) {
			steward = argv[++i];
		} else if (strncmp(a, "--steward=", 10) == 0) {
			steward = a + 10;
		} else if (strcmp(a, "--rules") == 0 && i + 1 < argc) {
			o.rules = argv[++i];
		} else if (strcmp(a, "--bench-keys") == 0 && i + 1 < argc) {
			bench = argv[++i];
		} else if (strcmp(a, "--bench-each") == 0) {
			each = true;
		} else if (strcmp(a, "--size") == 0 && i + 1 < argc) {
			size = argv[++i];
		} else if (strcmp(a, "--keep") == 0 && demo) {
			keep = true;
		} else if ((strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) && demo) {
			printf("usage: steward demo [--mask] [--steward NAME] [--keep]\n\n"
			       "Copies the sample CRM export to a fresh temporary workspace, imports\n"
			       "and matches it, and opens the console with a welcome screen. The\n"
			       "sample files are never changed. --keep leaves the workspace behind\n"
			       "(its path is printed); otherwise it is removed on quit.\n");
			return 0;
		} else if (a[0] == '-' && a[1]) {
			return i == 1 ? -1 : usage();
		} else if (!target && !demo && strcmp(a, "demo") == 0 && i == 1) {
			demo = true;
		} else if (!target && !demo) {
			if (i == 1 && cli_find(a))
				return -1;
			target = a;
		} else if (target && i == 2 && access(target, F_OK) != 0) {
			return -1; /* "steward WORD ARGS": an unknown command, said by cli_main */
		} else {
			return usage();
		}
	}
	o.steward = cli_steward_name(steward);
	if (demo)
		return ui_demo_run(&o, keep);
	if (!target)
		return -1;
	if (bench) {
		int cols = 80, rows = 24;
		if (sscanf(size, "%dx%d", &cols, &rows) != 2 || cols < 40 || rows < 10)
			return usage();
		o.path = target;
		return ui_console_bench(&o, bench, rows, cols, each);
	}
	return open_console(&o, target);
}

int
main(int argc, char **argv)
{
	if (argc >= 2) {
		int status = console_main(argc, argv);
		if (status >= 0)
			return status;
	}
	return cli_main(argc, argv);
}
