/*
 * steward log WORKSPACE [--verify] [--jsonl | --csv]: the audit trail.
 */
#include "audit.h"
#include "audit_log.h"
#include "cli.h"
#include "ws.h"

#include <stdio.h>
#include <string.h>

static int
print_text(const stw_audit_row *r, void *ctx)
{
	(void)ctx;
	printf("%lld  %s  ", (long long)r->seq, r->ts);
	cli_put_safe(stdout, r->steward);
	fputs("  ", stdout);
	cli_put_safe(stdout, r->action);
	fputs("  ", stdout);
	cli_put_safe(stdout, r->subject);
	fputc('\n', stdout);
	if (r->reason) {
		fputs("    why:    ", stdout);
		cli_put_safe(stdout, r->reason);
		fputc('\n', stdout);
	}
	if (r->before) {
		fputs("    before: ", stdout);
		cli_put_safe(stdout, r->before);
		fputc('\n', stdout);
	}
	if (r->after) {
		fputs("    after:  ", stdout);
		cli_put_safe(stdout, r->after);
		fputc('\n', stdout);
	}
	return 0;
}

typedef struct {
	bool csv, guard;
	stw_buf b;
} out_ctx;

static int
print_machine(const stw_audit_row *r, void *ctx)
{
	out_ctx *c = ctx;
	if (c->csv)
		stw_audit_csv(&c->b, r, c->guard);
	else
		stw_audit_jsonl(&c->b, r);
	fwrite(c->b.data, 1, c->b.len, stdout);
	stw_buf_reset(&c->b);
	return 0;
}

static int
run(int argc, char **argv)
{
	const char *verify = NULL, *jsonl = NULL, *csv = NULL, *reverse = NULL, *noguard = NULL;
	const cli_opt opts[] = {
		{"verify", false, &verify, NULL, NULL},
		{"jsonl", false, &jsonl, NULL, NULL},
		{"csv", false, &csv, NULL, NULL},
		{"reverse", false, &reverse, NULL, NULL},
		{"no-guard", false, &noguard, NULL, NULL},
		{NULL, false, NULL, NULL, NULL},
	};
	const char *pos[1];
	int npos;
	int rc = cli_parse(&cmd_log, argc, argv, opts, pos, 1, &npos);
	if (rc)
		return rc;
	if (npos != 1)
		return cli_usage(&cmd_log, "needs a workspace");
	if (jsonl && csv)
		return cli_usage(&cmd_log, "--jsonl and --csv exclude each other");
	stw_error err;
	stw_ws *ws;
	if (stw_ws_open(&ws, pos[0], STW_WS_READONLY, &err) != STW_OK)
		return cli_fail(&err);
	stw_err e;
	if (verify) {
		int64_t count, bad;
		char problem[256];
		e = stw_audit_verify(ws, &count, &bad, problem, &err);
		if (e == STW_OK)
			printf("%s: audit trail intact: %lld entries\n", pos[0], (long long)count);
	} else if (jsonl || csv) {
		out_ctx c = {csv != NULL, noguard == NULL, STW_BUF_INIT};
		if (csv)
			stw_audit_csv_header(&c.b);
		e = stw_audit_each(ws, reverse != NULL, print_machine, &c, &err);
		stw_buf_free(&c.b);
	} else {
		e = stw_audit_each(ws, reverse == NULL, print_text, NULL, &err);
	}
	stw_ws_close(ws);
	if (fflush(stdout) != 0) {
		cli_error("cannot write the output");
		return 1;
	}
	return e == STW_OK ? 0 : cli_fail(&err);
}

const cli_cmd cmd_log = {
	.name = "log",
	.usage = "steward log WORKSPACE [--verify] [--jsonl | --csv] [--reverse]",
	.help =
	"Prints the audit trail: sequence, UTC time, steward, action, subject, the reason\n"
	"and the before and after values. On the terminal the newest entry comes first;\n"
	"--jsonl and --csv write the oldest first (the order of the hash chain).\n"
	"--reverse flips either order.\n"
	"\n"
	"options:\n"
	"  --verify     recompute the hash chain; names the first entry that was altered,\n"
	"               removed or inserted (exit status 1), else prints the entry count\n"
	"  --jsonl      one JSON object per line (the same as the export's audit.jsonl)\n"
	"  --csv        CSV with a header row; cells a spreadsheet would take for formulas\n"
	"               get a leading apostrophe\n"
	"  --no-guard   --csv without the apostrophes (for programs, not spreadsheets)\n"
	"  --reverse    the other order\n",
	.run = run,
};
