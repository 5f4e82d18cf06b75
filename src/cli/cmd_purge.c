/*
 * steward purge WORKSPACE RECORD --reason TEXT, and steward restore
 * WORKSPACE RECORD: mark a record for deletion in the CRM, or take it back.
 */
#include "cli.h"
#include "decide.h"
#include "rules.h"
#include "ws.h"

#include <stdio.h>
#include <string.h>

static int
run_either(const cli_cmd *cmd, bool purge, int argc, char **argv)
{
	const char *steward = NULL, *reason = NULL, *comment = NULL, *rules = NULL;
	const cli_opt opts[] = {
		{"steward", true, &steward, NULL, NULL},
		{"rules", true, &rules, NULL, NULL},
		{"reason", true, purge ? &reason : &comment, NULL, NULL},
		{"comment", true, &comment, NULL, NULL},
		{NULL, false, NULL, NULL, NULL},
	};
	const char *pos[2];
	int npos;
	int rc = cli_parse(cmd, argc, argv, opts, pos, 2, &npos);
	if (rc)
		return rc;
	if (npos != 2)
		return cli_usage(cmd, "needs a workspace and a record");
	if (purge && (!reason || !*reason))
		return cli_usage(cmd, "needs --reason TEXT (it goes to deletes.csv and the audit trail)");
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
	int64_t id, seq;
	stw_err e = stw_decide_find_record(ws, pos[1], &id, &err);
	if (e == STW_OK)
		e = purge ? stw_decide_purge(ws, &d, id, reason, &seq, &err)
		          : stw_decide_restore(ws, &d, id, &seq, &err);
	stw_ws_close(ws);
	stw_rules_free(rl);
	if (e != STW_OK)
		return cli_fail(&err);
	printf("record %lld: %s (audit entry %lld by ", (long long)id,
	       purge ? "purged" : "restored", (long long)seq);
	cli_put_safe(stdout, d.steward);
	printf(")\n");
	return 0;
}

static int
run_purge(int argc, char **argv)
{
	return run_either(&cmd_purge, true, argc, argv);
}

static int
run_restore(int argc, char **argv)
{
	return run_either(&cmd_restore, false, argc, argv);
}

const cli_cmd cmd_purge = {
	.name = "purge",
	.usage = "steward purge WORKSPACE RECORD --reason TEXT [--steward NAME]",
	.help =
	"Marks a record for deletion in the CRM (junk, test data, a person who asked to be\n"
	"forgotten). Nothing is deleted from the workspace: the record is left out of\n"
	"records.csv and listed with the reason in deletes.csv on export. 'steward\n"
	"restore' or 'steward undo' takes it back. RECORD is a record number or\n"
	"id:EXTERNAL_ID.\n"
	"\n"
	"options:\n"
	"  --reason TEXT    why (required)\n"
	"  --rules FILE     rules to revalidate the record with (default: built-in)\n"
	"  --steward NAME   who (default: $STEWARD_NAME, else the OS user)\n",
	.run = run_purge,
};

const cli_cmd cmd_restore = {
	.name = "restore",
	.usage = "steward restore WORKSPACE RECORD [--comment TEXT] [--steward NAME]",
	.help =
	"Takes a purged record back: it is exported again and no longer listed in\n"
	"deletes.csv. The restore is logged as a decision of its own.\n"
	"\n"
	"options:\n"
	"  --comment TEXT   your reason, kept in the audit trail\n"
	"  --rules FILE     rules to revalidate the record with (default: built-in)\n"
	"  --steward NAME   who (default: $STEWARD_NAME, else the OS user)\n",
	.run = run_restore,
};
