/*
 * steward undo WORKSPACE: reverses the steward's latest decision in force.
 */
#include "cli.h"
#include "decide.h"
#include "rules.h"
#include "ws.h"

#include <stdio.h>

static int
run(int argc, char **argv)
{
	const char *steward = NULL, *comment = NULL, *rules = NULL;
	const cli_opt opts[] = {
		{"steward", true, &steward, NULL, NULL},
		{"rules", true, &rules, NULL, NULL},
		{"comment", true, &comment, NULL, NULL},
		{NULL, false, NULL, NULL, NULL},
	};
	const char *pos[1];
	int npos;
	int rc = cli_parse(&cmd_undo, argc, argv, opts, pos, 1, &npos);
	if (rc)
		return rc;
	if (npos != 1)
		return cli_usage(&cmd_undo, "needs a workspace");
	stw_error err;
	stw_ws *ws;
	if (stw_ws_open(&ws, pos[0], 0, &err) != STW_OK)
		return cli_fail(&err);
	stw_rules *rl = NULL;
	if (stw_rules_load(rules, &rl, &err) != STW_OK) {
		stw_ws_close(ws);
		return cli_fail(&err);
	}
	stw_decider d = {.steward = cli_steward_name(steward), .comment = comment, .rules = rl};
	int64_t undone, seq;
	stw_err e = stw_decide_undo(ws, &d, &undone, &seq, &err);
	stw_ws_close(ws);
	stw_rules_free(rl);
	if (e != STW_OK)
		return cli_fail(&err);
	printf("audit entry %lld undone (audit entry %lld by ", (long long)undone, (long long)seq);
	cli_put_safe(stdout, d.steward);
	printf(")\n");
	return 0;
}

const cli_cmd cmd_undo = {
	.name = "undo",
	.usage = "steward undo WORKSPACE [--steward NAME] [--comment TEXT]",
	.help =
	"Reverses your latest decision that is still in force (accept, reject, split,\n"
	"defer, edit, apply, dismiss, purge, restore): values come back, merged and purged\n"
	"records are active again, the cluster is open again, rejected pairs are\n"
	"forgotten. The undo is a new entry of the audit trail; nothing is erased. Run it\n"
	"again to go further back. A decision that another steward's later decision built\n"
	"on is refused until that one is undone.\n"
	"\n"
	"options:\n"
	"  --rules FILE     rules to revalidate the record with (default: built-in)\n"
	"  --steward NAME   whose decision (default: $STEWARD_NAME, else the OS user)\n"
	"  --comment TEXT   your reason, kept in the audit trail\n",
	.run = run,
};
