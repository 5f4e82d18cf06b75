/*
 * Command table, dispatch, help and the small option parser the commands share.
 */
#include "cli.h"

#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const cli_cmd *const commands[] = {
	&cmd_import,
	&cmd_quarantine,
	&cmd_export,
	&cmd_sample,
	/* matching */
	/* validation and quality report */
	&cmd_standardize,
	&cmd_profile,
	/* decisions and audit trail */
	&cmd_decide,
	&cmd_edit,
	&cmd_purge,
	&cmd_restore,
	&cmd_undo,
	&cmd_log,
	/* listings */
	&cmd_clusters,
	&cmd_pairs,
	&cmd_findings,
	&cmd_match,
	&cmd_explain,
	/* later modules add their commands here */
	NULL,
};

const cli_cmd *
cli_find(const char *name)
{
	for (int i = 0; commands[i]; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

void
cli_help(const cli_cmd *cmd)
{
	printf("usage: %s\n\n%s", cmd->usage, cmd->help);
}

void
cli_error(const char *fmt, ...)
{
	va_list ap;
	fputs("steward: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
cli_fail(const stw_error *err)
{
	cli_error("%s", err->msg[0] ? err->msg : stw_strerror(err->code));
	return stw_exit_status(err->code);
}

int
cli_usage(const cli_cmd *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "steward %s: ", cmd->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nusage: %s\n(see 'steward %s --help')\n", cmd->usage, cmd->name);
	return 2;
}

int
cli_parse(const cli_cmd *cmd, int argc, char **argv, const cli_opt *opts,
          const char **pos, int max_pos, int *npos)
{
	*npos = 0;
	bool only_pos = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (only_pos || a[0] != '-' || a[1] == '\0') {
			if (*npos >= max_pos)
				return cli_usage(cmd, "too many arguments ('%s')", a);
			pos[(*npos)++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_pos = true;
			continue;
		}
		if (a[1] != '-')
			return cli_usage(cmd, "unknown option '%s'", a);
		const char *name = a + 2;
		const char *eq = strchr(name, '=');
		size_t nlen = eq ? (size_t)(eq - name) : strlen(name);
		const cli_opt *o = NULL;
		for (int k = 0; opts && opts[k].name; k++)
			if (strlen(opts[k].name) == nlen && strncmp(opts[k].name, name, nlen) == 0)
				o = &opts[k];
		if (!o)
			return cli_usage(cmd, "unknown option '--%.*s'", (int)nlen, name);
		const char *val = "1";
		if (o->takes_value) {
			if (eq)
				val = eq + 1;
			else if (i + 1 < argc)
				val = argv[++i];
			else
				return cli_usage(cmd, "option '--%s' needs a value", o->name);
		} else if (eq) {
			return cli_usage(cmd, "option '--%s' takes no value", o->name);
		}
		if (o->list) {
			*o->list = realloc(*o->list, sizeof(char *) * (size_t)(*o->list_n + 1));
			if (!*o->list) {
				cli_error("out of memory");
				exit(1);
			}
			(*o->list)[(*o->list_n)++] = val;
		} else if (o->value) {
			*o->value = val;
		}
	}
	return 0;
}

const char *
cli_steward_name(const char *opt)
{
	if (opt && *opt)
		return opt;
	const char *env = getenv("STEWARD_NAME");
	if (env && *env)
		return env;
	struct passwd *pw = getpwuid(getuid());
	if (pw && pw->pw_name && *pw->pw_name)
		return pw->pw_name;
	env = getenv("USER");
	return env && *env ? env : "unknown";
}

void
cli_put_safe(FILE *f, const char *s)
{
	cli_put_safe_n(f, s, strlen(s));
}

void
cli_put_safe_n(FILE *f, const char *s, size_t n)
{
	const unsigned char *end = (const unsigned char *)s + n;
	for (const unsigned char *p = (const unsigned char *)s; p < end; p++) {
		if (*p == '\n')
			fputs("\\n", f);
		else if (*p == '\r')
			fputs("\\r", f);
		else if (*p == '\t')
			fputs("\\t", f);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\x%02x", *p);
		else if (*p == 0xC2 && p + 1 < end && p[1] >= 0x80 && p[1] <= 0x9F)
			fprintf(f, "\\u%04x", p[1]), p++; /* C1 controls */
		else
			fputc(*p, f);
	}
}

static void
print_overview(FILE *f)
{
	fprintf(f,
	        "usage: steward FILE.csv | WORKSPACE     open the console\n"
	        "       steward COMMAND [ARGS...]        run one command\n"
	        "       steward COMMAND --help           help on a command\n"
	        "       steward --version\n\ncommands:\n");
	for (int i = 0; commands[i]; i++)
		fprintf(f, "  %s\n", commands[i]->usage);
}

int
cli_main(int argc, char **argv)
{
	if (argc < 2) {
		print_overview(stderr);
		return 2;
	}
	const char *name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
		if (argc > 2 && cli_find(argv[2])) {
			cli_help(cli_find(argv[2]));
			return 0;
		}
		print_overview(stdout);
		return 0;
	}
	if (strcmp(name, "--version") == 0) {
		printf("steward %s\n", STEWARD_VERSION);
		return 0;
	}
	const cli_cmd *cmd = cli_find(name);
	if (!cmd) {
		cli_error("unknown command '%s' (see 'steward --help')", name);
		return 2;
	}
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			cli_help(cmd);
			return 0;
		}
	}
	return cmd->run(argc - 1, argv + 1);
}
