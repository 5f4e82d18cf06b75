/*
 * steward explain WORKSPACE A B: why two records match or not, comparison
 * by comparison: the values compared (standardized), the level reached, its
 * m and u, the weight it adds, then the prior, the total and the match
 * probability, and what became of the pair.
 */
#include "cli.h"
#include "match.h"
#include "rules.h"
#include "util.h"
#include "ws.h"

#include <stdlib.h>
#include <string.h>

/* Prints s (or "-") with control characters escaped, cut and padded to
 * width code points; a cut is marked with '~'. */
static void
put_cell(const char *s, int width)
{
	if (!s || !*s)
		s = "-";
	size_t len = strlen(s), bytes = 0, keep = 0;
	int cps = 0;
	while (bytes < len) {
		size_t l = 1;
		while (bytes + l < len && ((unsigned char)s[bytes + l] & 0xC0) == 0x80)
			l++;
		if (cps == width - 1)
			keep = bytes;
		bytes += l;
		cps++;
	}
	if (cps > width) {
		cli_put_safe_n(stdout, s, keep);
		fputc('~', stdout);
		return;
	}
	cli_put_safe_n(stdout, s, len);
	printf("%*s", width - cps, "");
}

static bool
parse_id(const char *s, int64_t *out)
{
	char *end;
	long long v = strtoll(s, &end, 10);
	if (!*s || *end || v <= 0)
		return false;
	*out = v;
	return true;
}

static int
run(int argc, char **argv)
{
	const char *rules_path = NULL;
	const cli_opt opts[] = {
		{"rules", true, &rules_path, NULL, NULL},
		{NULL, false, NULL, NULL, NULL},
	};
	const char *pos[3];
	int npos;
	int rc = cli_parse(&cmd_explain, argc, argv, opts, pos, 3, &npos);
	if (rc)
		return rc;
	if (npos != 3)
		return cli_usage(&cmd_explain, "needs a workspace and two record ids");
	int64_t a, b;
	if (!parse_id(pos[1], &a) || !parse_id(pos[2], &b))
		return cli_usage(&cmd_explain, "record ids are whole numbers (see 'steward match')");
	stw_error err;
	stw_rules *rules;
	if (stw_rules_load(rules_path, &rules, &err) != STW_OK)
		return cli_fail(&err);
	stw_ws *ws;
	if (stw_ws_open(&ws, pos[0], 0, &err) != STW_OK) {
		stw_rules_free(rules);
		return cli_fail(&err);
	}
	stw_explain *x;
	stw_err e = stw_match_explain(ws, rules, a, b, &x, &err);
	stw_ws_close(ws);
	stw_rules_free(rules);
	if (e != STW_OK)
		return cli_fail(&err);
	printf("%s records %lld and %lld: match probability %.4f (total weight %+.2f)\n\n",
	       x->entity, (long long)x->a, (long long)x->b, x->prob, x->total);
	char ha[32], hb[32];
	snprintf(ha, sizeof ha, "record %lld", (long long)x->a);
	snprintf(hb, sizeof hb, "record %lld", (long long)x->b);
	printf("%-12s %-24s %-24s %-22s %8s %10s %8s\n", "comparison", ha, hb, "level", "m", "u",
	       "weight");
	for (size_t k = 0; k < x->n; k++) {
		const stw_explain_field *f = &x->f[k];
		put_cell(f->name, 12);
		putchar(' ');
		put_cell(f->a, 24);
		putchar(' ');
		put_cell(f->b, 24);
		putchar(' ');
		put_cell(f->level, 22);
		if (!strcmp(f->level, "missing"))
			printf(" %8s %10s %+8.2f", "-", "-", 0.0);
		else
			printf(" %8.4f %10.6f %+8.2f", f->m, f->u, f->weight);
		if (f->tf)
			fputs("  (value frequency)", stdout);
		if (f->veto)
			fputs("  VETO", stdout);
		putchar('\n');
	}
	printf("%-12s %-96s %+8.2f\n", "prior", "log2 odds that two records picked at random match",
	       x->prior);
	printf("%-12s %-96s %+8.2f\n\n", "total", "", x->total);
	if (x->estimated)
		printf("m and u: estimated from this workspace's data\n");
	else
		printf("m: the rules' defaults (too few pairs to estimate); u: from random pairs\n");
	printf("blocking keys shared: %s\n", x->candidate ? x->keys : "none (never compared by match)");
	if (x->rejected)
		printf("outcome: rejected by a steward, never proposed again\n");
	else if (!x->candidate)
		printf("outcome: not a candidate pair\n");
	else if (x->vetoed)
		printf("outcome: not proposed, a vetoing comparison clearly disagrees\n");
	else if (x->prob < x->review)
		printf("outcome: below the review threshold (%.2f), not proposed\n", x->review);
	else
		printf("outcome: proposed (at or above the review threshold %.2f)\n", x->review);
	if (x->cluster)
		printf("cluster: %lld\n", (long long)x->cluster);
	stw_explain_free(x);
	return 0;
}

const cli_cmd cmd_explain = {
	.name = "explain",
	.usage = "steward explain WORKSPACE A B [--rules FILE]",
	.help =
	"Explains how records A and B (record ids) compare: for every comparison of\n"
	"the matching rules, the two values as compared (standardized), the level\n"
	"reached, its m and u probabilities and the weight log2(m/u) it adds (for an\n"
	"exact agreement on a value many records share, the weight reflects how\n"
	"common the value is); then the prior, the total weight, the match\n"
	"probability, the blocking keys the two share, and whether the pair is\n"
	"proposed. Uses the parameters the last 'steward match' stored with the same\n"
	"rules, or estimates them.\n"
	"\n"
	"options:\n"
	"  --rules FILE      rules to use instead of the built-in defaults\n",
	.run = run,
};
