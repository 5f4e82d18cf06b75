/*
 * steward standardize WORKSPACE: proposed fixes, grouped by rule, and the
 * decisions that apply or dismiss them.
 *
 * Without an action it refreshes the proposals and the findings of every
 * active record and prints, per rule, the open proposals' count, kind and a
 * few examples. --apply RULE and --apply-all refresh first and then apply;
 * --apply-id and --dismiss-id act on a proposal listed by an earlier run.
 */
#include "cli.h"
#include "rec.h"
#include "rules.h"
#include "standardize.h"
#include "util.h"
#include "validate.h"
#include "ws.h"

#include <stdlib.h>
#include <string.h>

static void
put_value(const char *v)
{
	if (!v) {
		fputs("(empty)", stdout);
		return;
	}
	putchar('"');
	cli_put_safe(stdout, v);
	putchar('"');
}

static int
show_example(const stw_proposal *p, void *arg)
{
	(void)arg;
	printf("      #%lld  record %lld %s: ", (long long)p->id, (long long)p->record_id, p->field);
	put_value(p->before);
	fputs(" -> ", stdout);
	put_value(p->after);
	putchar('\n');
	return 0;
}

static stw_err
summary(stw_ws *ws, const stw_run_stats *s, const stw_rules *r, long examples, stw_error *err)
{
	/* The run counted its open proposals: no need to read them back. */
	const stw_rule_count *c = s->rules;
	size_t n = s->nrules;
	stw_err e = STW_OK;
	printf("%s: ", stw_ws_path(ws));
	if (s->records)
		printf("%lld record%s checked: ", (long long)s->records, s->records == 1 ? "" : "s");
	else
		printf("every record already checked: ");
	printf("%lld open proposal%s, %lld finding%s (rules ", (long long)s->proposals,
	       s->proposals == 1 ? "" : "s", (long long)s->findings, s->findings == 1 ? "" : "s");
	cli_put_safe(stdout, r->file);
	printf(", sha256 %.12s)\n", r->sha256);
	if (n)
		printf("  %-14s %-8s %9s\n", "rule", "kind", "open");
	for (size_t i = 0; i < n && e == STW_OK; i++) {
		printf("  %-14s %-8s %9lld\n", c[i].rule, c[i].safe ? "safe" : "suggest",
		       (long long)c[i].count);
		if (examples > 0 && (i == 0 || strcmp(c[i - 1].rule, c[i].rule) != 0))
			e = stw_proposals_each(ws, c[i].rule, 0, examples, show_example, NULL, err);
	}
	if (e == STW_OK && n)
		printf("apply with --apply RULE, --apply-all (every safe proposal) or --apply-id N;"
		       " --dismiss-id N rejects one\n");
	return e;
}

static int
parse_id(const char *s, int64_t *out)
{
	char *end;
	long long v = strtoll(s, &end, 10);
	if (end == s || *end || v <= 0)
		return -1;
	*out = v;
	return 0;
}

static int
run(int argc, char **argv)
{
	const char *rules_path = NULL, *apply = NULL, *apply_all = NULL, *apply_id = NULL;
	const char *dismiss_id = NULL, *steward = NULL, *examples = NULL, *refresh = NULL;
	const cli_opt opts[] = {
		{"rules", true, &rules_path, NULL, NULL},
		{"apply", true, &apply, NULL, NULL},
		{"apply-all", false, &apply_all, NULL, NULL},
		{"apply-id", true, &apply_id, NULL, NULL},
		{"dismiss-id", true, &dismiss_id, NULL, NULL},
		{"steward", true, &steward, NULL, NULL},
		{"examples", true, &examples, NULL, NULL},
		{"refresh", false, &refresh, NULL, NULL},
		{NULL, false, NULL, NULL, NULL},
	};
	const char *pos[1];
	int npos;
	int rc = cli_parse(&cmd_standardize, argc, argv, opts, pos, 1, &npos);
	if (rc)
		return rc;
	if (npos != 1)
		return cli_usage(&cmd_standardize, "needs a workspace");
	if (!!apply + !!apply_all + !!apply_id + !!dismiss_id > 1)
		return cli_usage(&cmd_standardize, "give one of --apply, --apply-all, --apply-id, "
		                 "--dismiss-id");
	int64_t id = 0;
	if ((apply_id && parse_id(apply_id, &id)) || (dismiss_id && parse_id(dismiss_id, &id)))
		return cli_usage(&cmd_standardize, "a proposal id is a positive whole number");
	long nex = 3;
	if (examples) {
		char *end;
		nex = strtol(examples, &end, 10);
		if (end == examples || *end || nex < 0 || nex > 1000)
			return cli_usage(&cmd_standardize, "--examples takes a number from 0 to 1000");
	}
	const char *who = cli_steward_name(steward);
	stw_error err;
	stw_rules *rules;
	if (stw_rules_load(rules_path, &rules, &err) != STW_OK)
		return cli_fail(&err);
	stw_ws *ws;
	if (stw_ws_open(&ws, pos[0], 0, &err) != STW_OK) {
		stw_rules_free(rules);
		return cli_fail(&err);
	}
	stw_err e = stw_rec_sync(ws, NULL, &err);
	stw_run_stats stats = {0};
	int64_t seq = 0;
	if (e == STW_OK && apply_id) {
		if ((e = stw_standardize_apply_id(ws, rules, who, id, &seq, &err)) == STW_OK)
			printf("proposal %lld applied (audit entry %lld)\n", (long long)id, (long long)seq);
	} else if (e == STW_OK && dismiss_id) {
		if ((e = stw_standardize_dismiss_id(ws, who, id, &seq, &err)) == STW_OK)
			printf("proposal %lld dismissed (audit entry %lld)\n", (long long)id,
			       (long long)seq);
	} else if (e == STW_OK && (apply || apply_all)) {
		int64_t napplied, nrecords, nskipped;
		if ((e = stw_check_new(ws, rules, &stats, &err)) == STW_OK &&
		    (e = stw_standardize_apply_rule(ws, rules, who, apply, &napplied, &nrecords,
		                                    &nskipped, &err)) == STW_OK) {
			printf("%lld proposal%s applied to %lld record%s (%s) as one decision"
			       " ('steward undo' takes it back)",
			       (long long)napplied, napplied == 1 ? "" : "s", (long long)nrecords,
			       nrecords == 1 ? "" : "s", apply ? apply : "every safe rule");
			if (nskipped)
				printf("; %lld out of date, skipped", (long long)nskipped);
			putchar('\n');
		}
	} else if (e == STW_OK) {
		e = refresh ? stw_standardize_run(ws, rules, &stats, &err)
		            : stw_check_new(ws, rules, &stats, &err);
		if (e == STW_OK)
			e = summary(ws, &stats, rules, nex, &err);
	}
	stw_ws_close(ws);
	stw_rules_free(rules);
	return e == STW_OK ? 0 : cli_fail(&err);
}

const cli_cmd cmd_standardize = {
	.name = "standardize",
	.usage = "steward standardize WORKSPACE [--rules FILE] [--refresh] [--apply RULE | --apply-all |"
	         " --apply-id N | --dismiss-id N] [--steward NAME]",
	.help =
	"Checks the active records against the rules: proposes standard forms\n"
	"(names, e-mails, phones in E.164, ISO dates, country and state codes,\n"
	"postcodes, company names, junk values emptied, mojibake repaired) and\n"
	"refreshes the validation findings. Only records not checked yet are\n"
	"checked (the import checks rows as it loads them) unless the rules, the\n"
	"steward version or a decision since call for checking them all again;\n"
	"--refresh always checks them all. Originals are never overwritten: a\n"
	"proposal changes a record only when a steward applies it, and each\n"
	"application is a decision in the audit trail that 'steward undo' reverses\n"
	"(--apply and --apply-all are one decision each, however many records\n"
	"change). Prints the open proposals per\n"
	"rule with a few examples (ids for --apply-id and --dismiss-id).\n"
	"\n"
	"Rules: junk_value whitespace mojibake name_case place_case email_case\n"
	"email_typo phone_e164 date_iso country_code state_code postcode company_tidy.\n"
	"A `safe` proposal keeps the meaning; a `suggest` one is a guess (a domain\n"
	"typo, mojibake) and is applied only by rule name or one at a time.\n"
	"\n"
	"options:\n"
	"  --rules FILE     the rule set (default: the built-in rules/default.yaml)\n"
	"  --apply RULE     apply every open proposal of RULE (safe or suggest)\n"
	"  --apply-all      apply every open safe proposal\n"
	"  --apply-id N     apply proposal N\n"
	"  --dismiss-id N   dismiss proposal N (it is not proposed again for that value)\n"
	"  --steward NAME   who decides (default: $STEWARD_NAME, else the OS user)\n"
	"  --examples N     examples listed per rule (default 3)\n"
	"  --refresh        check every active record again\n",
	.run = run,
};
