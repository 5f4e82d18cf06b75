/*
 * steward quarantine WORKSPACE: rows that could not be read.
 */
#include "cli.h"
#include "import.h"
#include "util.h"
#include "ws.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
	long count;
	bool raw;
} qstate;

static int
show(const char *source, int64_t line, int64_t end_line, const char *reason, const void *raw,
     size_t raw_len, void *arg)
{
	qstate *q = arg;
	q->count++;
	cli_put_safe(stdout, source);
	if (end_line > line)
		printf(":%lld-%lld: ", (long long)line, (long long)end_line);
	else
		printf(":%lld: ", (long long)line);
	cli_put_safe(stdout, reason);
	putchar('\n');
	if (q->raw) {
		size_t n = raw_len > 400 ? 400 : raw_len;
		fputs("    ", stdout);
		cli_put_safe_n(stdout, raw, n);
		if (n < raw_len)
			printf("... (%zu bytes)", raw_len);
		putchar('\n');
	}
	return 0;
}

static int
run(int argc, char **argv)
{
	const char *noraw = NULL;
	const cli_opt opts[] = {
		{"no-raw", false, &noraw, NULL, NULL},
		{NULL, false, NULL, NULL, NULL},
	};
	const char *pos[1];
	int npos;
	int rc = cli_parse(&cmd_quarantine, argc, argv, opts, pos, 1, &npos);
	if (rc)
		return rc;
	if (npos != 1)
		return cli_usage(&cmd_quarantine, "needs a workspace");
	stw_error err;
	stw_ws *ws;
	if (stw_ws_open(&ws, pos[0], STW_WS_READONLY, &err) != STW_OK)
		return cli_fail(&err);
	qstate q = {0, noraw == NULL};
	stw_err e = stw_quarantine_each(ws, show, &q, &err);
	stw_ws_close(ws);
	if (e != STW_OK)
		return cli_fail(&err);
	printf("%ld row%s in quarantine\n", q.count, q.count == 1 ? "" : "s");
	return 0;
}

const cli_cmd cmd_quarantine = {
	.name = "quarantine",
	.usage = "steward quarantine WORKSPACE [--no-raw]",
	.help =
	"Lists the rows that could not be read at import (ragged rows, unterminated\n"
	"quotes, NUL bytes, bytes that are not valid in the file's encoding), each\n"
	"with its file, line and reason, and the row's original text with control\n"
	"characters escaped.\n"
	"\n"
	"options:\n"
	"  --no-raw   leave out the original text\n",
	.run = run,
};
