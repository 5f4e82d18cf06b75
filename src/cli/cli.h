/*
 * The command line. One file per command (cmd_NAME.c), each exporting a
 * const cli_cmd listed in cli.c's table. A command parses its own options,
 * calls libsteward, prints results on stdout and errors on stderr as
 * "steward: WHAT", and returns the exit status (0 ok, 1 data problem,
 * 2 usage).
 */
#ifndef STW_CLI_H
#define STW_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "error.h"

typedef struct {
	const char *name;  /* "import" */
	const char *usage; /* "steward import WORKSPACE FILE... [options]" */
	const char *help;  /* the rest of --help: what it does and every option */
	int (*run)(int argc, char **argv); /* argv[0] is the command name */
} cli_cmd;

/* Finds the command called name, or NULL. */
const cli_cmd *cli_find(const char *name);

/* Runs the program: argv as given to main(). Returns the exit status. */
int cli_main(int argc, char **argv);

/* Prints the full help of cmd on stdout. */
void cli_help(const cli_cmd *cmd);

/* Prints "steward: msg" on stderr (the message of err, or the printf args). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints err's message and returns its exit status. */
int cli_fail(const stw_error *err);
/* Prints "steward CMD: msg" and the usage line, returns 2. */
int cli_usage(const cli_cmd *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Minimal option parser shared by the commands: long options only
 * (--name VALUE, --name=VALUE, --flag). Positional arguments are collected in
 * order. Returns 0, or 2 after printing a usage error.
 */
typedef struct {
	const char *name;  /* without the dashes */
	bool        takes_value;
	const char **value; /* receives the value, or "1" for a flag */
	/* For options that may repeat: if set, each value is appended here. */
	const char ***list;
	int          *list_n;
} cli_opt;

int cli_parse(const cli_cmd *cmd, int argc, char **argv, const cli_opt *opts,
              const char **pos, int max_pos, int *npos);

/* The steward name for the audit trail: --steward, $STEWARD_NAME, the OS user. */
const char *cli_steward_name(const char *opt);

/* Writes s to f with control characters escaped (never raw to a terminal). */
void cli_put_safe(FILE *f, const char *s);
/* The same for n bytes that may contain NUL. */
void cli_put_safe_n(FILE *f, const char *s, size_t n);

extern const cli_cmd cmd_import;
extern const cli_cmd cmd_export;
extern const cli_cmd cmd_quarantine;
extern const cli_cmd cmd_match;
extern const cli_cmd cmd_explain;
extern const cli_cmd cmd_sample;
extern const cli_cmd cmd_standardize;
extern const cli_cmd cmd_profile;
extern const cli_cmd cmd_clusters;
extern const cli_cmd cmd_pairs;
extern const cli_cmd cmd_findings;
/* decisions and audit trail */
extern const cli_cmd cmd_decide;
extern const cli_cmd cmd_edit;
extern const cli_cmd cmd_purge;
extern const cli_cmd cmd_restore;
extern const cli_cmd cmd_undo;
extern const cli_cmd cmd_log;

#endif
