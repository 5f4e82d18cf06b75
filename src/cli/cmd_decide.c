/*
 * steward decide WORKSPACE CLUSTER accept|reject|split|defer ...: one
 * decision on a cluster, logged in the audit trail.
 */
#include "cli.h"
#include "decide.h"
#include "rules.h"
#include "ws.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parses FIELD=RECORD (pick) or FIELD=VALUE (set) into c; 0 or a usage error. */
static int
parse_choice(stw_ws *ws, const char *arg, bool pick, stw_surv_choice *c, char **field,
             stw_error *err)
{
	const char *eq = strchr(arg, '=');
	if (!eq || eq == arg)
		return cli_usage(&cmd_decide, "'%s' should be FIELD=%s", arg, pick ? "RECORD" : "VALUE");
	*field = strndup(arg, (size_t)(eq - arg));
	if (!*field) {
		cli_error("out of memory");
		return 1;
	}
	c->field = *field;
	c->record = 0;
	c->value = eq + 1;
	if (pick && stw_decide_find_record(ws, eq + 1, &c->record, err) != STW_OK)
		return cli_fail(err);
	return 0;
}

static int
run(int argc, char **argv)
{
	const char *steward = NULL, *comment = NULL, *force = NULL, *master = NULL, *rules = NULL;
	const char **picks = NULL, **sets = NULL;
	int npicks = 0, nsets = 0;
	const cli_opt opts[] = {
		{"steward", true, &steward, NULL, NULL},
		{"comment", true, &comment, NULL, NULL},
		{"force", false, &force, NULL, NULL},
		{"master", true, &master, NULL, NULL},
		{"pick", true, NULL, &picks, &npicks},
		{"set", true, NULL, &sets, &nsets},
		{"rules", true, &rules, NULL, NULL},
		{NULL, false, NULL, NULL, NULL},
	};
	const char *pos[256];
	int npos;
	int rc = cli_parse(&cmd_decide, argc, argv, opts, pos, 256, &npos);
	if (rc) {
		free(picks);
		free(sets);
		return rc;
	}
	if (npos < 3) {
		free(picks);
		free(sets);
		return cli_usage(&cmd_decide, "needs a workspace, a cluster and a decision");
	}
	const char *what = pos[2];
	char *end;
	long long cluster = strtoll(pos[1], &end, 10);
	bool accept = strcmp(what, "accept") == 0, split = strcmp(what, "split") == 0;
	if (*end || cluster <= 0)
		rc = cli_usage(&cmd_decide, "'%s' is not a cluster number", pos[1]);
	else if (!accept && !split && strcmp(what, "reject") && strcmp(what, "defer"))
		rc = cli_usage(&cmd_decide, "unknown decision '%s' (accept, reject, split or defer)",
		               what);
	else if (!accept && (master || npicks || nsets))
		rc = cli_usage(&cmd_decide, "--master, --pick and --set go with accept");
	else if (split && npos < 4)
		rc = cli_usage(&cmd_decide, "split needs the records to take out");
	else if (!split && npos > 3)
		rc = cli_usage(&cmd_decide, "too many arguments ('%s')", pos[3]);
	if (rc) {
		free(picks);
		free(sets);
		return rc;
	}

	stw_error err;
	stw_ws *ws = NULL;
	stw_rules *rl = NULL;
	stw_surv_choice *choices = calloc((size_t)(npicks + nsets) + 1, sizeof *choices);
	char **names = calloc((size_t)(npicks + nsets) + 1, sizeof *names);
	int64_t *out = calloc((size_t)npos, sizeof *out);
	if (!choices || !names || !out) {
		cli_error("out of memory");
		rc = 1;
		goto done;
	}
	if (stw_ws_open(&ws, pos[0], 0, &err) != STW_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	stw_decider d = {.steward = cli_steward_name(steward), .comment = comment,
	                 .force = force != NULL};
	int64_t seq = 0;
	stw_err e;
	if (stw_rules_load(rules, &rl, &err) != STW_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	d.rules = rl;
	if (accept) {
		stw_accept_opts ao = {0};
		ao.rules = rl;
		if (master && stw_decide_find_record(ws, master, &ao.master, &err) != STW_OK) {
			rc = cli_fail(&err);
			goto done;
		}
		int n = 0;
		for (int i = 0; i < npicks + nsets && !rc; i++, n++)
			rc = parse_choice(ws, i < npicks ? picks[i] : sets[i - npicks], i < npicks,
			                  &choices[i], &names[i], &err);
		if (rc)
			goto done;
		ao.choices = choices;
		ao.nchoices = n;
		e = stw_decide_accept(ws, &d, cluster, &ao, &seq, &err);
	} else if (split) {
		for (int i = 3; i < npos; i++)
			if (stw_decide_find_record(ws, pos[i], &out[i - 3], &err) != STW_OK) {
				rc = cli_fail(&err);
				goto done;
			}
		e = stw_decide_split(ws, &d, cluster, out, npos - 3, &seq, &err);
	} else if (strcmp(what, "reject") == 0) {
		e = stw_decide_reject(ws, &d, cluster, &seq, &err);
	} else {
		e = stw_decide_defer(ws, &d, cluster, &seq, &err);
	}
	if (e != STW_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	printf("cluster %lld: %s (audit entry %lld by ", cluster,
	       accept ? "accepted" : split ? "split" : what[0] == 'r' ? "rejected" : "deferred",
	       (long long)seq);
	cli_put_safe(stdout, d.steward);
	printf(")\n");
done:
	for (int i = 0; names && i < npicks + nsets; i++)
		free(names[i]);
	free(names);
	free(choices);
	free(out);
	free(picks);
	free(sets);
	stw_rules_free(rl);
	stw_ws_close(ws);
	return rc;
}

const cli_cmd cmd_decide = {
	.name = "decide",
	.usage = "steward decide WORKSPACE CLUSTER accept|reject|split|defer [RECORD...] [options]",
	.help =
	"Decides on a cluster of suspected duplicates; the decision is one entry of the\n"
	"audit trail and can be undone ('steward undo').\n"
	"  accept            merge the cluster into one surviving master record; the master\n"
	"                    takes the golden values built by the survivorship rules, the\n"
	"                    others are marked merged (they go to merges.csv on export).\n"
	"                    Losing e-mails and phones move to the secondary fields (email2,\n"
	"                    phone2, ...) or to the notes column the rules name.\n"
	"  reject            the records are different people or companies: every pair of\n"
	"                    the cluster is remembered and never proposed again.\n"
	"  split RECORD...   take these records out; the rest (at least two) stays a cluster.\n"
	"  defer             come back to it later.\n"
	"A cluster already accepted or rejected cannot be decided again. A cluster that\n"
	"another steward claimed less than 30 minutes ago is refused unless --force.\n"
	"A RECORD is a record number or id:EXTERNAL_ID (the CRM's id).\n"
	"\n"
	"options:\n"
	"  --master RECORD       accept: the record whose CRM id survives (default: the rules'\n"
	"                        master rule, e.g. the oldest created)\n"
	"  --pick FIELD=RECORD   accept: take FIELD from RECORD (repeatable; always wins)\n"
	"  --set FIELD=VALUE     accept: give FIELD this value (repeatable; always wins)\n"
	"  --rules FILE          survivorship and validation rules (default: built-in)\n"
	"  --comment TEXT        your reason, kept in the audit trail\n"
	"  --steward NAME        who decides (default: $STEWARD_NAME, else the OS user)\n"
	"  --force               decide even though another steward claimed the cluster\n",
	.run = run,
};
