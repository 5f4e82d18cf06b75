/*
 * steward edit WORKSPACE RECORD FIELD VALUE: changes one value by hand.
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
	const char *pos[4];
	int npos;
	int rc = cli_parse(&cmd_edit, argc, argv, opts, pos, 4, &npos);
	if (rc)
		return rc;
	if (npos != 4)
		return cli_usage(&cmd_edit, "needs a workspace, a record, a field and a value");
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
	if (stw_decide_find_record(ws, pos[1], &id, &err) != STW_OK ||
	    stw_decide_edit(ws, &d, id, pos[2], pos[3], &seq, &err) != STW_OK) {
		stw_ws_close(ws);
		stw_rules_free(rl);
		return cli_fail(&err);
	}
	stw_ws_close(ws);
	stw_rules_free(rl);
	printf("record %lld: ", (long long)id);
	cli_put_safe(stdout, pos[2]);
	printf(" changed (audit entry %lld by ", (long long)seq);
	cli_put_safe(stdout, d.steward);
	printf(")\n");
	return 0;
}

const cli_cmd cmd_edit = {
	.name = "edit",
	.usage = "steward edit WORKSPACE RECORD FIELD VALUE [options]",
	.help =
	"Sets one value of a record; the change is logged in the audit trail and can be\n"
	"undone. The original row is never changed: the export writes the new value.\n"
	"RECORD is a record number or id:EXTERNAL_ID. FIELD is a Steward field (email,\n"
	"last_name, ...) or a column header of the record's file, mapped or not\n"
	"(\"Description\"). An empty VALUE empties the field.\n"
	"\n"
	"options:\n"
	"  --comment TEXT   your reason, kept in the audit trail\n"
	"  --rules FILE     rules to revalidate the record with (default: built-in)\n"
	"  --steward NAME   who edits (default: $STEWARD_NAME, else the OS user)\n",
	.run = run,
};
