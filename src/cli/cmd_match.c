/*
 * steward match WORKSPACE: finds the candidate pairs and clusters of
 * duplicates, stores them in the workspace and prints the counts.
 */
#include "cli.h"
#include "match.h"
#include "match_rules.h"
#include "rules.h"
#include "ws.h"

#include <stdlib.h>
#include <string.h>

static void
report(const stw_match_entity_result *r, double review)
{
	printf("%s: %lld records, %lld candidate pairs, %lld pairs at or above review (%.2f), "
	       "%lld clusters (%lld records, %lld flagged as weak chains)\n",
	       r->entity, (long long)r->records, (long long)r->candidates,
	       (long long)r->pairs, review, (long long)r->clusters, (long long)r->clustered,
	       (long long)r->flagged);
	if (r->estimated)
		printf("  m estimated by EM in %d iterations; matches among candidates: %.1f%%\n",
		       r->em_iterations, 100.0 * r->lambda);
	else if (r->em_iterations)
		printf("  the EM estimate of m was implausible: the rules' defaults were used\n");
	else
		printf("  too few candidate pairs to estimate m: the rules' defaults were used\n");
	if (r->locked)
		printf("  %lld records in clusters a steward decided on were left out\n",
		       (long long)r->locked);
	if (r->rejected)
		printf("  %lld pairs rejected by a steward were not proposed again\n",
		       (long long)r->rejected);
	if (r->vetoed)
		printf("  %lld pairs above review were vetoed (a comparison clearly disagrees)\n",
		       (long long)r->vetoed);
	if (r->blocks_skipped) {
		printf("  %lld blocks larger than the block cap were skipped (%lld records in them); "
		       "largest:\n", (long long)r->blocks_skipped, (long long)r->skipped_records);
		for (int k = 0; k < r->nskipped; k++) {
			printf("    %s = ", r->skipped[k].key);
			cli_put_safe(stdout, r->skipped[k].value);
			printf(": %zu records\n", r->skipped[k].size);
		}
	}
	printf("  %.2f s\n", r->seconds);
}

static int
run(int argc, char **argv)
{
	const char *rules_path = NULL, *entity = NULL, *threads = NULL, *dry = NULL;
	const cli_opt opts[] = {
		{"rules", true, &rules_path, NULL, NULL},
		{"entity", true, &entity, NULL, NULL},
		{"threads", true, &threads, NULL, NULL},
		{"dry-run", false, &dry, NULL, NULL},
		{NULL, false, NULL, NULL, NULL},
	};
	const char *pos[1];
	int npos;
	int rc = cli_parse(&cmd_match, argc, argv, opts, pos, 1, &npos);
	if (rc)
		return rc;
	if (npos != 1)
		return cli_usage(&cmd_match, "needs a workspace");
	if (entity && strcmp(entity, "contact") && strcmp(entity, "company"))
		return cli_usage(&cmd_match, "--entity must be contact or company, not '%s'", entity);
	stw_match_opts mo = {.entity = entity, .dry_run = dry != NULL};
	if (threads) {
		char *end;
		long t = strtol(threads, &end, 10);
		if (*end || t < 1 || t > 8)
			return cli_usage(&cmd_match, "--threads must be from 1 to 8");
		mo.threads = (int)t;
	}
	stw_error err;
	stw_rules *rules;
	if (stw_rules_load(rules_path, &rules, &err) != STW_OK)
		return cli_fail(&err);
	stw_ws *ws;
	if (stw_ws_open(&ws, pos[0], 0, &err) != STW_OK) {
		stw_rules_free(rules);
		return cli_fail(&err);
	}
	stw_match_result res;
	stw_err e = stw_match_run(ws, rules, &mo, &res, &err);
	stw_ws_close(ws);
	if (e != STW_OK) {
		stw_rules_free(rules);
		return cli_fail(&err);
	}
	if (res.n == 0)
		printf("nothing to match: no records with matching rules\n");
	for (int k = 0; k < res.n; k++) {
		const stw_entity_rules *er = stw_rules_entity(rules, res.ent[k].entity);
		report(&res.ent[k], er && er->match ? er->match->review : 0);
	}
	if (dry)
		printf("dry run: nothing was stored\n");
	stw_rules_free(rules);
	return 0;
}

const cli_cmd cmd_match = {
	.name = "match",
	.usage = "steward match WORKSPACE [--rules FILE] [--entity contact|company] [--dry-run]",
	.help =
	"Finds duplicate records: candidate pairs from the blocking keys of the rules,\n"
	"compared field by field, scored with Fellegi-Sunter weights (m and u\n"
	"estimated from the data), and grouped into clusters. Pairs at or above the\n"
	"review threshold and their clusters are stored in the workspace, replacing\n"
	"the open clusters of an earlier run; clusters a steward decided on are kept,\n"
	"and pairs a steward rejected are never proposed again. Prints the counts,\n"
	"and the blocks skipped for being larger than the block cap.\n"
	"\n"
	"options:\n"
	"  --rules FILE      rules to use instead of the built-in defaults\n"
	"  --entity KIND     match only contact or company records\n"
	"  --threads N       comparison threads (default 2)\n"
	"  --dry-run         compute and report, store nothing\n",
	.run = run,
};
